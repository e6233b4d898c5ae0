#include "core/index/indexdatabase.h"

#include "core/database/connection.h"
#include "core/database/sqlsupport.h"
#include "core/index/germantokenizer.h"
#include "core/index/schema.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>

namespace genius::index {

using common::ErrorCode;
using common::fail;

using database::notNull;
using database::prepared;
using database::Transaction;

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

const QString kStore = QStringLiteral("index database");

common::Error queryError(const QSqlQuery& query, const QString& what)
{
    return database::queryError(query, kStore, what);
}

// A commit that failed: a full disk says so, anything else names what was being stored.
common::Error commitError(const QSqlDatabase& db, const QString& what)
{
    return database::commitError(db, kStore, what);
}

const QString kDocumentColumns = QStringLiteral(
    "d.id, d.name, d.source_path, d.sha256, d.size, d.format, d.class, d.status, d.error_code, d.error_detail, "
    "d.paged, d.pages_total, d.pages_done, d.ocr_pages, d.title, d.author, d.embedding_model, d.embedding_state, "
    "d.added_at, d.updated_at, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id), "
    "(SELECT group_concat(name, char(31)) FROM (SELECT k.name FROM assignments a JOIN collections k "
    "ON k.id = a.collection_id WHERE a.document_id = d.id ORDER BY k.name)), d.ocr_confidence, d.origin_id, "
    "d.origin_revision, d.shared");

DocumentRecord documentFrom(const QSqlQuery& query)
{
    DocumentRecord record;
    record.id = query.value(0).toLongLong();
    record.name = query.value(1).toString();
    record.sourcePath = query.value(2).toString();
    record.sha256 = query.value(3).toString();
    record.size = query.value(4).toLongLong();
    record.format = query.value(5).toString();
    record.protectionClass =
        domain::parseProtectionClass(query.value(6).toString()).value_or(domain::ProtectionClass::VeryHigh);
    record.status = parseDocumentStatus(query.value(7).toString()).value_or(DocumentStatus::Failed);
    record.errorCode = query.value(8).toString();
    record.errorDetail = query.value(9).toString();
    record.paged = query.value(10).toBool();
    record.pagesTotal = query.value(11).toInt();
    record.pagesDone = query.value(12).toInt();
    record.ocrPages = query.value(13).toInt();
    record.title = query.value(14).toString();
    record.author = query.value(15).toString();
    record.embeddingModel = query.value(16).toString();
    record.embeddingState = query.value(17).toString();
    record.addedAt = QDateTime::fromString(query.value(18).toString(), Qt::ISODateWithMs);
    record.updatedAt = QDateTime::fromString(query.value(19).toString(), Qt::ISODateWithMs);
    record.chunks = query.value(20).toInt();
    const QString collections = query.value(21).toString();
    if (!collections.isEmpty())
        record.collections = collections.split(QChar(31));
    record.ocrConfidence = query.value(22).isNull() ? -1.0 : query.value(22).toDouble();
    record.originId = query.value(23).toLongLong();
    record.originRevision = query.value(24).toLongLong();
    record.shared = query.value(25).toBool();
    return record;
}

CollectionRecord collectionFrom(const QSqlQuery& query)
{
    CollectionRecord record;
    record.id = query.value(0).toLongLong();
    record.name = query.value(1).toString();
    record.description = query.value(2).toString();
    record.tenant = query.value(3).toString();
    record.protectionClass =
        domain::parseProtectionClass(query.value(4).toString()).value_or(domain::ProtectionClass::VeryHigh);
    record.published = query.value(5).toBool();
    record.createdAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
    record.documents = query.value(7).toInt();
    record.originId = query.value(8).toLongLong();
    record.shared = query.value(9).toBool();
    return record;
}

const QString kCollectionColumns =
    QStringLiteral("k.id, k.name, k.description, k.tenant, k.class, k.published, k.created_at, "
                   "(SELECT count(*) FROM assignments a WHERE a.collection_id = k.id), k.origin_id, k.shared");

/// Copies from the shared store change only by syncing.
common::Result<void> refuseShared(const CollectionRecord& collection)
{
    if (!collection.shared)
        return {};
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("\"%1\" is a copy of a shared collection; its data managers change it in the shared store.")
                    .arg(collection.name));
}

QByteArray vectorBlob(const QVector<float>& vector)
{
    QByteArray blob(static_cast<qsizetype>(vector.size() * sizeof(float)), Qt::Uninitialized);
    std::memcpy(blob.data(), vector.constData(), static_cast<std::size_t>(blob.size()));
    return blob;
}

} // namespace

QString IndexDatabase::fileName()
{
    return QStringLiteral("index.sqlite");
}

common::Result<std::unique_ptr<IndexDatabase>> IndexDatabase::open(const QString& path)
{
    // The tokenizer is registered on the raw handle before any statement touches the FTS tables.
    const auto registerTokenizer = [](QSqlDatabase& db) -> common::Result<void> {
        const QVariant handle = db.driver()->handle();
        if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
            return fail(ErrorCode::Unavailable, QStringLiteral("The SQLite driver does not expose its handle."));
        return registerGermanTokenizer(*static_cast<sqlite3* const*>(handle.data()));
    };
    auto connection = database::Connection::open(path, QStringLiteral("index database"), QStringLiteral("genius-index"),
                                                 registerTokenizer);
    if (!connection)
        return std::unexpected(connection.error());
    QSqlDatabase db = (*connection)->db();
    if (auto migrated = migrate(db); !migrated)
        return std::unexpected(migrated.error());
    return std::unique_ptr<IndexDatabase>(new IndexDatabase(std::move(*connection), path));
}

IndexDatabase::IndexDatabase(std::unique_ptr<database::Connection> connection, QString path)
    : m_connection(std::move(connection))
    , m_db(m_connection->db())
    , m_path(std::move(path))
{
}

IndexDatabase::~IndexDatabase()
{
    m_db = QSqlDatabase(); // the connection is removed only when no copy is left
}

common::Result<IndexDatabase::Added> IndexDatabase::addDocument(const NewDocument& document)
{
    Transaction transaction(m_db);
    QSqlQuery find = prepared(m_db, QStringLiteral("SELECT id, class FROM documents WHERE sha256 = ?"));
    find.addBindValue(document.sha256);
    if (!find.exec())
        return std::unexpected(queryError(find, QStringLiteral("look up a document")));
    if (find.next()) {
        const qint64 id = find.value(0).toLongLong();
        const auto stored = domain::parseProtectionClass(find.value(1).toString()).value_or(domain::ProtectionClass::VeryHigh);
        // The same content imported as more sensitive makes the one stored copy more sensitive.
        if (domain::higherOf(stored, document.protectionClass) != stored) {
            QSqlQuery raise = prepared(m_db, QStringLiteral("UPDATE documents SET class = ?, updated_at = ? WHERE id = ?"));
            raise.addBindValue(domain::protectionClassName(document.protectionClass));
            raise.addBindValue(now());
            raise.addBindValue(id);
            if (!raise.exec())
                return std::unexpected(queryError(raise, QStringLiteral("raise a document's class")));
        }
        if (!transaction.commit())
            return std::unexpected(commitError(m_db, QStringLiteral("the change")));
        return Added{id, false};
    }
    QSqlQuery insert = prepared(m_db, QStringLiteral("INSERT INTO documents (name, source_path, sha256, size, class, status, "
                                                     "added_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)"));
    const QString timestamp = now();
    insert.addBindValue(notNull(document.name));
    insert.addBindValue(notNull(document.sourcePath));
    insert.addBindValue(document.sha256);
    insert.addBindValue(document.size);
    insert.addBindValue(domain::protectionClassName(document.protectionClass));
    insert.addBindValue(timestamp);
    insert.addBindValue(timestamp);
    if (!insert.exec())
        return std::unexpected(queryError(insert, QStringLiteral("add a document")));
    const qint64 id = insert.lastInsertId().toLongLong();
    if (!transaction.commit())
        return std::unexpected(commitError(m_db, QStringLiteral("the change")));
    return Added{id, true};
}

common::Result<DocumentRecord> IndexDatabase::document(qint64 id) const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT ") + kDocumentColumns + QStringLiteral(" FROM documents d WHERE d.id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("read a document")));
    if (!query.next())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no document with id %1.").arg(id));
    return documentFrom(query);
}

common::Result<QList<DocumentRecord>> IndexDatabase::documents(const DocumentQuery& filter) const
{
    QString sql = QStringLiteral("SELECT ") + kDocumentColumns + QStringLiteral(" FROM documents d");
    if (!filter.collection.isEmpty())
        sql += QStringLiteral(" WHERE EXISTS (SELECT 1 FROM assignments a JOIN collections k ON k.id = a.collection_id "
                              "WHERE a.document_id = d.id AND k.name = ?)");
    else if (filter.unassigned)
        sql += QStringLiteral(" WHERE NOT EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id)");
    sql += QStringLiteral(" ORDER BY d.id");
    QSqlQuery query = prepared(m_db, sql);
    if (!filter.collection.isEmpty())
        query.addBindValue(filter.collection);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("list documents")));
    QList<DocumentRecord> records;
    while (query.next())
        records.append(documentFrom(query));
    return records;
}

common::Result<QList<qint64>> IndexDatabase::unfinishedDocuments() const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT id FROM documents WHERE status IN "
                                                    "('queued', 'reading', 'indexing', 'embedding') ORDER BY id"));
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("list unfinished imports")));
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

common::Result<void> IndexDatabase::removeDocument(qint64 id)
{
    if (const auto record = document(id); record && record->shared)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Document %1 is a copy from the shared store; its data managers remove it there.").arg(id));
    QSqlQuery query = prepared(m_db, QStringLiteral("DELETE FROM documents WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("remove a document")));
    if (query.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("There is no document with id %1.").arg(id));
    return {};
}

common::Result<void> IndexDatabase::setStatus(qint64 id, DocumentStatus status, const common::Error* error)
{
    QSqlQuery query = prepared(m_db, QStringLiteral("UPDATE documents SET status = ?, error_code = ?, error_detail = ?, "
                                                    "updated_at = ? WHERE id = ?"));
    query.addBindValue(documentStatusName(status));
    query.addBindValue(error ? common::errorCodeName(error->code) : QString());
    query.addBindValue(error ? error->detail : QString());
    query.addBindValue(now());
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("update an import's status")));
    return {};
}

common::Result<void> IndexDatabase::startReading(qint64 id, const QString& format, bool paged, int pagesTotal,
                                                 const QString& title, const QString& author)
{
    QSqlQuery query = prepared(m_db, QStringLiteral("UPDATE documents SET status = 'reading', format = ?, paged = ?, "
                                                    "pages_total = ?, title = ?, author = ?, error_code = NULL, "
                                                    "error_detail = NULL, updated_at = ? WHERE id = ?"));
    query.addBindValue(format);
    query.addBindValue(paged ? 1 : 0);
    query.addBindValue(pagesTotal);
    query.addBindValue(notNull(title));
    query.addBindValue(notNull(author));
    query.addBindValue(now());
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("start reading a document")));
    return {};
}

common::Result<void> IndexDatabase::storePage(qint64 id, const documents::PageText& page)
{
    Transaction transaction(m_db);
    QSqlQuery insert = prepared(m_db, QStringLiteral("INSERT OR REPLACE INTO pages (document_id, number, text, words, width, "
                                                     "height, ocr, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(id);
    insert.addBindValue(page.number);
    insert.addBindValue(notNull(page.text));
    insert.addBindValue(documents::encodeWordBoxes(page.words));
    insert.addBindValue(page.size.width());
    insert.addBindValue(page.size.height());
    insert.addBindValue(page.ocr ? 1 : 0);
    insert.addBindValue(page.confidence);
    if (!insert.exec())
        return std::unexpected(queryError(insert, QStringLiteral("store a page")));
    QSqlQuery progress = prepared(m_db, QStringLiteral(
        "UPDATE documents SET pages_done = (SELECT count(*) FROM pages WHERE document_id = :id), "
        "ocr_pages = (SELECT count(*) FROM pages WHERE document_id = :id AND ocr = 1), "
        "ocr_confidence = (SELECT avg(confidence) FROM pages WHERE document_id = :id AND ocr = 1), "
        "updated_at = :now WHERE id = :id"));
    progress.bindValue(QStringLiteral(":id"), id);
    progress.bindValue(QStringLiteral(":now"), now());
    if (!progress.exec())
        return std::unexpected(queryError(progress, QStringLiteral("record progress")));
    if (!transaction.commit())
        return std::unexpected(commitError(m_db, QStringLiteral("a page")));
    return {};
}

common::Result<QSet<int>> IndexDatabase::storedPageNumbers(qint64 id) const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT number FROM pages WHERE document_id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("read page numbers")));
    QSet<int> numbers;
    while (query.next())
        numbers.insert(query.value(0).toInt());
    return numbers;
}

common::Result<QList<documents::PageText>> IndexDatabase::pages(qint64 id, bool withWords) const
{
    QSqlQuery query = prepared(m_db, withWords
                                         ? QStringLiteral("SELECT number, text, width, height, ocr, confidence, words FROM pages "
                                                          "WHERE document_id = ? ORDER BY number")
                                         : QStringLiteral("SELECT number, text, width, height, ocr, confidence FROM pages "
                                                          "WHERE document_id = ? ORDER BY number"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("read pages")));
    QList<documents::PageText> pages;
    while (query.next()) {
        documents::PageText page;
        page.number = query.value(0).toInt();
        page.text = query.value(1).toString();
        page.size = QSizeF(query.value(2).toDouble(), query.value(3).toDouble());
        page.ocr = query.value(4).toBool();
        page.confidence = query.value(5).toDouble();
        if (withWords)
            page.words = documents::decodeWordBoxes(query.value(6).toByteArray());
        pages.append(std::move(page));
    }
    return pages;
}

common::Result<QString> IndexDatabase::fullText(qint64 id) const
{
    auto stored = pages(id);
    if (!stored)
        return std::unexpected(stored.error());
    QStringList texts;
    texts.reserve(stored->size());
    for (const auto& page : *stored)
        texts.append(page.text);
    return texts.join(QLatin1Char('\f'));
}

common::Result<void> IndexDatabase::storeChunks(qint64 id, const QList<documents::PageText>& pages,
                                                const QList<chunking::Chunk>& chunks, DocumentStatus next,
                                                const QString& embeddingState)
{
    Transaction transaction(m_db);
    if (!transaction.isOpen())
        return fail(ErrorCode::Io, QStringLiteral("The index database cannot start a transaction."));
    QSqlQuery update = prepared(m_db, QStringLiteral("UPDATE pages SET text = ?, words = ? WHERE document_id = ? AND number = ?"));
    for (const auto& page : pages) {
        update.addBindValue(notNull(page.text));
        update.addBindValue(documents::encodeWordBoxes(page.words));
        update.addBindValue(id);
        update.addBindValue(page.number);
        if (!update.exec())
            return std::unexpected(queryError(update, QStringLiteral("store a normalised page")));
    }
    QSqlQuery remove = prepared(m_db, QStringLiteral("DELETE FROM chunks WHERE document_id = ?"));
    remove.addBindValue(id);
    if (!remove.exec())
        return std::unexpected(queryError(remove, QStringLiteral("replace chunks")));
    QSqlQuery insert = prepared(m_db, QStringLiteral("INSERT INTO chunks (document_id, ordinal, first_page, last_page, "
                                                     "start_offset, end_offset, heading, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto& chunk : chunks) {
        insert.addBindValue(id);
        insert.addBindValue(chunk.ordinal);
        insert.addBindValue(chunk.firstPage);
        insert.addBindValue(chunk.lastPage);
        insert.addBindValue(chunk.start);
        insert.addBindValue(chunk.end);
        insert.addBindValue(notNull(chunk.headingPath.join(QStringLiteral(" › "))));
        insert.addBindValue(notNull(chunk.text));
        if (!insert.exec())
            return std::unexpected(queryError(insert, QStringLiteral("store a chunk")));
    }
    QSqlQuery status = prepared(m_db, QStringLiteral("UPDATE documents SET status = ?, embedding_state = ?, updated_at = ? "
                                                     "WHERE id = ?"));
    status.addBindValue(documentStatusName(next));
    status.addBindValue(notNull(embeddingState));
    status.addBindValue(now());
    status.addBindValue(id);
    if (!status.exec())
        return std::unexpected(queryError(status, QStringLiteral("finish indexing")));
    if (!transaction.commit())
        return std::unexpected(commitError(m_db, QStringLiteral("the chunks")));
    return {};
}

common::Result<void> IndexDatabase::resetForRetry(qint64 id)
{
    Transaction transaction(m_db);
    for (const auto& sql : {QStringLiteral("DELETE FROM chunks WHERE document_id = ?"),
                            QStringLiteral("DELETE FROM pages WHERE document_id = ?")}) {
        QSqlQuery query = prepared(m_db, sql);
        query.addBindValue(id);
        if (!query.exec())
            return std::unexpected(queryError(query, QStringLiteral("reset an import")));
    }
    QSqlQuery reset = prepared(m_db, QStringLiteral("UPDATE documents SET status = 'queued', pages_done = 0, ocr_pages = 0, "
                                                    "error_code = NULL, error_detail = NULL, embedding_state = 'none', "
                                                    "updated_at = ? WHERE id = ?"));
    reset.addBindValue(now());
    reset.addBindValue(id);
    if (!reset.exec())
        return std::unexpected(queryError(reset, QStringLiteral("reset an import")));
    if (reset.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("There is no document with id %1.").arg(id));
    if (!transaction.commit())
        return std::unexpected(commitError(m_db, QStringLiteral("the change")));
    return {};
}

common::Result<QList<PendingChunk>> IndexDatabase::chunksWithoutEmbedding(qint64 id, const QString& model) const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT c.id, c.heading, c.text FROM chunks c WHERE c.document_id = ? AND "
                                                    "NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.model = ? AND "
                                                    "e.chunk_id = c.id) ORDER BY c.ordinal"));
    query.addBindValue(id);
    query.addBindValue(model);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("list chunks to embed")));
    QList<PendingChunk> pending;
    while (query.next()) {
        const QString heading = query.value(1).toString();
        const QString text = query.value(2).toString();
        // The heading path gives the vector the context a passage alone lacks (§ 35 of which law).
        pending.append({query.value(0).toLongLong(), heading.isEmpty() ? text : heading + QLatin1Char('\n') + text});
    }
    return pending;
}

common::Result<void> IndexDatabase::storeEmbeddings(const QString& model, const QList<qint64>& chunkIds,
                                                    const QList<QVector<float>>& vectors)
{
    if (chunkIds.size() != vectors.size())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The number of vectors does not match the chunks."));
    Transaction transaction(m_db);
    QSqlQuery insert = prepared(m_db, QStringLiteral("INSERT OR REPLACE INTO embeddings (model, chunk_id, dim, vector) "
                                                     "VALUES (?, ?, ?, ?)"));
    for (qsizetype i = 0; i < chunkIds.size(); ++i) {
        insert.addBindValue(model);
        insert.addBindValue(chunkIds.at(i));
        insert.addBindValue(vectors.at(i).size());
        insert.addBindValue(vectorBlob(vectors.at(i)));
        if (!insert.exec())
            return std::unexpected(queryError(insert, QStringLiteral("store a vector")));
    }
    if (!transaction.commit())
        return std::unexpected(commitError(m_db, QStringLiteral("the vectors")));
    return {};
}

common::Result<void> IndexDatabase::setEmbeddingState(qint64 id, const QString& model, const QString& state)
{
    QSqlQuery query = prepared(m_db, QStringLiteral("UPDATE documents SET embedding_model = ?, embedding_state = ?, "
                                                    "updated_at = ? WHERE id = ?"));
    query.addBindValue(model.isEmpty() ? QVariant() : QVariant(model));
    query.addBindValue(notNull(state));
    query.addBindValue(now());
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("record the embedding state")));
    return {};
}

common::Result<QList<StoredChunk>> IndexDatabase::storedChunks(qint64 id) const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT id, ordinal, first_page, last_page, start_offset, end_offset, "
                                                    "heading, text FROM chunks WHERE document_id = ? ORDER BY ordinal"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("read chunks")));
    QList<StoredChunk> chunks;
    while (query.next())
        chunks.append({query.value(0).toLongLong(), query.value(1).toInt(), query.value(2).toInt(), query.value(3).toInt(),
                       query.value(4).toInt(), query.value(5).toInt(), query.value(6).toString(), query.value(7).toString()});
    return chunks;
}

common::Result<QList<StoredEmbedding>> IndexDatabase::storedEmbeddings(qint64 id) const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT e.chunk_id, e.model, e.dim, e.vector FROM embeddings e "
                                                    "JOIN chunks c ON c.id = e.chunk_id WHERE c.document_id = ? "
                                                    "ORDER BY e.model, c.ordinal"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("read vectors")));
    QList<StoredEmbedding> embeddings;
    while (query.next())
        embeddings.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toInt(),
                           query.value(3).toByteArray()});
    return embeddings;
}

common::Result<CollectionRecord> IndexDatabase::collection(const QString& name) const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT ") + kCollectionColumns + QStringLiteral(" FROM collections k WHERE k.name = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("read a collection")));
    if (!query.next())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no collection named \"%1\".").arg(name));
    return collectionFrom(query);
}

common::Result<QList<CollectionRecord>> IndexDatabase::collections() const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT ") + kCollectionColumns + QStringLiteral(" FROM collections k ORDER BY k.name"));
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("list collections")));
    QList<CollectionRecord> records;
    while (query.next())
        records.append(collectionFrom(query));
    return records;
}

common::Result<CollectionRecord> IndexDatabase::createCollection(const QString& name, domain::ProtectionClass cls)
{
    if (name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A collection needs a name."));
    QSqlQuery insert = prepared(m_db, QStringLiteral("INSERT INTO collections (name, class, created_at) VALUES (?, ?, ?)"));
    insert.addBindValue(name.trimmed());
    insert.addBindValue(domain::protectionClassName(cls));
    insert.addBindValue(now());
    if (!insert.exec()) {
        if (collection(name.trimmed()))
            return fail(ErrorCode::InvalidArgument, QStringLiteral("A collection named \"%1\" exists already.").arg(name));
        return std::unexpected(queryError(insert, QStringLiteral("create a collection")));
    }
    return collection(name.trimmed());
}

common::Result<void> IndexDatabase::assign(qint64 documentId, const QString& collectionName)
{
    const auto target = collection(collectionName);
    if (!target)
        return std::unexpected(target.error());
    if (const auto shared = refuseShared(*target); !shared)
        return std::unexpected(shared.error());
    const auto record = document(documentId);
    if (!record)
        return std::unexpected(record.error());
    if (domain::higherOf(record->protectionClass, target->protectionClass) != target->protectionClass)
        return fail(ErrorCode::Refused,
                    QStringLiteral("Document %1 has class %2, above the class %3 of collection \"%4\".")
                        .arg(documentId)
                        .arg(domain::protectionClassName(record->protectionClass),
                             domain::protectionClassName(target->protectionClass), target->name));
    QSqlQuery insert = prepared(m_db, QStringLiteral("INSERT OR IGNORE INTO assignments (document_id, collection_id, assigned_at) "
                                                     "VALUES (?, ?, ?)"));
    insert.addBindValue(documentId);
    insert.addBindValue(target->id);
    insert.addBindValue(now());
    if (!insert.exec())
        return std::unexpected(queryError(insert, QStringLiteral("assign a document")));
    return {};
}

common::Result<bool> IndexDatabase::unassign(qint64 documentId, const QString& collectionName)
{
    const auto target = collection(collectionName);
    if (!target)
        return std::unexpected(target.error());
    if (const auto shared = refuseShared(*target); !shared)
        return std::unexpected(shared.error());
    if (const auto record = document(documentId); !record)
        return std::unexpected(record.error());
    QSqlQuery remove = prepared(m_db, QStringLiteral("DELETE FROM assignments WHERE document_id = ? AND collection_id = ?"));
    remove.addBindValue(documentId);
    remove.addBindValue(target->id);
    if (!remove.exec())
        return std::unexpected(queryError(remove, QStringLiteral("unassign a document")));
    return remove.numRowsAffected() > 0;
}

common::Result<void> IndexDatabase::removeCollection(const QString& name)
{
    const auto target = collection(name);
    if (!target)
        return std::unexpected(target.error());
    if (const auto shared = refuseShared(*target); !shared)
        return std::unexpected(shared.error());
    // The assignments go with the collection (ON DELETE CASCADE); the documents stay.
    QSqlQuery remove = prepared(m_db, QStringLiteral("DELETE FROM collections WHERE id = ?"));
    remove.addBindValue(target->id);
    if (!remove.exec())
        return std::unexpected(queryError(remove, QStringLiteral("delete a collection")));
    return {};
}

common::Result<CollectionRecord> IndexDatabase::renameCollection(const QString& name, const QString& newName)
{
    const auto target = collection(name);
    if (!target)
        return std::unexpected(target.error());
    if (const auto shared = refuseShared(*target); !shared)
        return std::unexpected(shared.error());
    const QString trimmed = newName.trimmed();
    if (trimmed.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A collection needs a name."));
    if (trimmed != target->name && collection(trimmed))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A collection named \"%1\" exists already.").arg(trimmed));
    QSqlQuery update = prepared(m_db, QStringLiteral("UPDATE collections SET name = ? WHERE id = ?"));
    update.addBindValue(trimmed);
    update.addBindValue(target->id);
    if (!update.exec())
        return std::unexpected(queryError(update, QStringLiteral("rename a collection")));
    return collection(trimmed);
}

common::Result<CollectionRecord> IndexDatabase::describeCollection(const QString& name, const QString& description)
{
    const auto target = collection(name);
    if (!target)
        return std::unexpected(target.error());
    if (const auto shared = refuseShared(*target); !shared)
        return std::unexpected(shared.error());
    QSqlQuery update = prepared(m_db, QStringLiteral("UPDATE collections SET description = ? WHERE id = ?"));
    update.addBindValue(notNull(description.trimmed()));
    update.addBindValue(target->id);
    if (!update.exec())
        return std::unexpected(queryError(update, QStringLiteral("describe a collection")));
    return collection(name);
}

common::Result<CollectionRecord> IndexDatabase::setCollectionTenant(const QString& name, const QString& tenant)
{
    const auto target = collection(name);
    if (!target)
        return std::unexpected(target.error());
    if (const auto shared = refuseShared(*target); !shared)
        return std::unexpected(shared.error());
    QSqlQuery update = prepared(m_db, QStringLiteral("UPDATE collections SET tenant = ? WHERE id = ?"));
    update.addBindValue(notNull(tenant.trimmed()));
    update.addBindValue(target->id);
    if (!update.exec())
        return std::unexpected(queryError(update, QStringLiteral("set a collection's tenant")));
    return collection(name);
}

common::Result<CollectionRecord> IndexDatabase::publishCollection(const QString& name, bool published)
{
    const auto target = collection(name);
    if (!target)
        return std::unexpected(target.error());
    if (const auto shared = refuseShared(*target); !shared)
        return std::unexpected(shared.error());
    QSqlQuery update = prepared(m_db, QStringLiteral("UPDATE collections SET published = ? WHERE id = ?"));
    update.addBindValue(published ? 1 : 0);
    update.addBindValue(target->id);
    if (!update.exec())
        return std::unexpected(queryError(update, QStringLiteral("publish a collection")));
    return collection(name);
}

} // namespace genius::index
