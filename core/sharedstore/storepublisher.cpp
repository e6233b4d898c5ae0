#include "core/sharedstore/storepublisher.h"

#include "core/index/indexdatabase.h"
#include "core/sharedstore/sharedstorelogging.h"
#include "core/sharedstore/storecollectionchanges.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storeerror.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;
using common::Result;
using domain::ProtectionClass;

namespace {

// Qt's driver sends a bytea as a hex literal inside a QString (four bytes of memory per byte of
// the file) and the server takes at most 1 GB per statement: larger originals are refused.
constexpr qint64 kMaxOriginalBytes = 256LL * 1024 * 1024;

/// Everything of one local document that goes into the store, read before the transaction
/// starts so the store's locks are held only while writing.
struct Snapshot {
    index::DocumentRecord record;
    QList<documents::PageText> pages;
    QList<index::StoredChunk> chunks;
    QList<index::StoredEmbedding> embeddings;
    QJsonObject metadata; ///< with "digest"
    QString digest;
};

/// PostgreSQL's text cannot hold NUL; a stray one from a damaged file becomes a space.
QString storableText(QString text)
{
    text.replace(QChar(u'\0'), QLatin1Char(' '));
    return text;
}

void addField(QCryptographicHash& hash, const QByteArray& bytes)
{
    // Length-prefixed, so no two different sequences of fields hash alike.
    hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':'));
    hash.addData(bytes);
}

/// The content digest that decides whether a republished document changed.
QString contentDigest(const Snapshot& snapshot)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, domain::protectionClassName(snapshot.record.protectionClass).toUtf8());
    addField(hash, QJsonDocument(snapshot.metadata).toJson(QJsonDocument::Compact));
    for (const documents::PageText& page : snapshot.pages) {
        addField(hash,
            QByteArray(QByteArray::number(page.number) + ' ' + QByteArray::number(page.size.width()) + ' '
                + QByteArray::number(page.size.height()) + ' ' + QByteArray::number(page.ocr ? 1 : 0) + ' '
                + QByteArray::number(page.confidence)));
        addField(hash, storableText(page.text).toUtf8());
        addField(hash, documents::encodeWordBoxes(page.words));
    }
    for (const index::StoredChunk& chunk : snapshot.chunks) {
        addField(hash,
            QByteArray(QByteArray::number(chunk.ordinal) + ' ' + QByteArray::number(chunk.firstPage) + ' '
                + QByteArray::number(chunk.lastPage) + ' ' + QByteArray::number(chunk.startOffset) + ' '
                + QByteArray::number(chunk.endOffset)));
        addField(hash, storableText(chunk.heading).toUtf8());
        addField(hash, storableText(chunk.text).toUtf8());
    }
    for (const index::StoredEmbedding& embedding : snapshot.embeddings) {
        addField(hash, QByteArray(embedding.model.toUtf8() + ' ' + QByteArray::number(embedding.chunkId)));
        addField(hash, embedding.vector);
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<Snapshot> readSnapshot(const index::IndexDatabase& database, qint64 localId)
{
    Snapshot snapshot;
    auto record = database.document(localId);
    if (!record)
        return std::unexpected(record.error());
    snapshot.record = *record;
    // The class is checked first: a very-high document is not even read for the store.
    if (record->protectionClass == ProtectionClass::VeryHigh)
        return fail(ErrorCode::Refused,
            QStringLiteral("\"%1\" has the protection class very-high: such documents never leave this workstation "
                           "and are not published.")
                .arg(record->name));
    if (record->status != index::DocumentStatus::Ready)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("\"%1\" is not ready (%2) and cannot be published.")
                .arg(record->name, index::documentStatusName(record->status)));
    auto pages = database.pages(localId, true);
    if (!pages)
        return std::unexpected(pages.error());
    snapshot.pages = *pages;
    auto chunks = database.storedChunks(localId);
    if (!chunks)
        return std::unexpected(chunks.error());
    snapshot.chunks = *chunks;
    auto embeddings = database.storedEmbeddings(localId);
    if (!embeddings)
        return std::unexpected(embeddings.error());
    // Vectors are keyed by the local chunk id, which means nothing in the store: by ordinal instead.
    QHash<qint64, int> ordinals;
    for (const index::StoredChunk& chunk : snapshot.chunks)
        ordinals.insert(chunk.id, chunk.ordinal);
    for (index::StoredEmbedding embedding : *embeddings) {
        if (embedding.dimension <= 0 || embedding.vector.size() != 4LL * embedding.dimension)
            return fail(ErrorCode::Corrupt,
                QStringLiteral("A vector of \"%1\" in the index is damaged; import the document again.")
                    .arg(record->name));
        embedding.chunkId = ordinals.value(embedding.chunkId, -1);
        snapshot.embeddings.append(embedding);
    }
    snapshot.metadata = QJsonObject {
        { QStringLiteral("title"), record->title },
        { QStringLiteral("author"), record->author },
        { QStringLiteral("paged"), record->paged },
        { QStringLiteral("size"), static_cast<double>(record->size) },
        { QStringLiteral("ocr_pages"), record->ocrPages },
        { QStringLiteral("ocr_confidence"),
            record->ocrConfidence < 0 ? QJsonValue() : QJsonValue(record->ocrConfidence) },
        { QStringLiteral("format"), record->format },
        { QStringLiteral("pages"), record->pagesTotal },
    };
    snapshot.digest = contentDigest(snapshot);
    snapshot.metadata.insert(QStringLiteral("digest"), snapshot.digest);
    return snapshot;
}

/// The original file's bytes, checked against the hash the index recorded.
Result<QByteArray> readOriginal(const index::DocumentRecord& record)
{
    QFile file(record.sourcePath);
    if (file.size() > kMaxOriginalBytes)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("\"%1\" is larger than the store's limit of 256 MB for an original.").arg(record.name));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The original of \"%1\" cannot be read: %2").arg(record.name, file.errorString()));
    QByteArray bytes = file.readAll();
    if (QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) != record.sha256)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The file of \"%1\" changed since it was imported; import it again.").arg(record.name));
    return bytes;
}

/// Rows inserted many per statement (pages, passages, vectors): one round trip to the server per
/// batch instead of per row, which is what publishing costs over a wide-area network. `row` is the
/// VALUES tuple with its `?` placeholders; the statement is prepared once per batch size.
class BatchInsert
{
public:
    BatchInsert(const StoreConnection& connection, QString head, QString row, QString tail, int rowsPerStatement,
        QString action)
        : m_query(connection.db())
        , m_head(std::move(head))
        , m_row(std::move(row))
        , m_tail(std::move(tail))
        , m_rowsPerStatement(rowsPerStatement)
        , m_action(std::move(action))
    {
        m_query.setForwardOnly(true);
    }

    /// Inserts `rows`; `returned` sees every row the statements return (RETURNING …).
    Result<void> run(const QList<QVariantList>& rows, const std::function<void(const QSqlQuery&)>& returned = {})
    {
        for (qsizetype first = 0; first < rows.size(); first += m_rowsPerStatement) {
            const qsizetype count = std::min<qsizetype>(m_rowsPerStatement, rows.size() - first);
            if (count != m_prepared) {
                const QString sql = m_head + QStringList(count, m_row).join(QStringLiteral(", ")) + m_tail;
                if (!m_query.prepare(sql))
                    return std::unexpected(statementError(m_query.lastError(), m_action));
                m_prepared = count;
            }
            int position = 0;
            for (qsizetype i = first; i < first + count; ++i)
                for (const QVariant& value : rows.at(i))
                    m_query.bindValue(position++, value);
            if (!m_query.exec())
                return std::unexpected(statementError(m_query.lastError(), m_action));
            while (returned && m_query.next())
                returned(m_query);
            m_query.finish();
        }
        return {};
    }

private:
    QSqlQuery m_query;
    QString m_head;
    QString m_row;
    QString m_tail;
    int m_rowsPerStatement;
    QString m_action;
    qsizetype m_prepared = 0; ///< the batch size the query is prepared for
};

/// The writes of one document, inside the transaction.
class Writer
{
public:
    Writer(const StoreConnection& connection, const Snapshot& snapshot, const PublishTarget& target)
        : m_connection(connection)
        , m_snapshot(snapshot)
        , m_target(target)
    { }

    Result<PublishOutcome> write()
    {
        // Every publishing transaction of a tenant takes the tenant's row first: they run one
        // after the other (the revision trigger would serialise them anyway, but only from their
        // first revisioned write on, after the checks below), so "is it there already?" cannot
        // race with another data manager publishing the same file or creating the same collection.
        const auto tenant = m_connection.value(
            QStringLiteral("SELECT id FROM genius.tenants WHERE id = genius.current_tenant() FOR UPDATE"), {},
            QStringLiteral("lock the tenant for publishing"));
        if (!tenant)
            return std::unexpected(tenant.error());
        if (tenant->isNull())
            return fail(ErrorCode::Denied,
                QStringLiteral("The store user belongs to no tenant; only a tenant's data managers may publish."));
        if (auto collection = collectionId(); !collection)
            return std::unexpected(collection.error());
        if (auto document = documentRow(); !document)
            return std::unexpected(document.error());
        if (auto assigned = assignment(); !assigned)
            return std::unexpected(assigned.error());
        return m_outcome;
    }

private:
    Result<void> collectionId()
    {
        auto found = m_connection.query(
            QStringLiteral("SELECT id, class FROM genius.collections WHERE tenant_id = genius.current_tenant() "
                           "AND name = ? AND NOT deleted"),
            { m_target.collection }, QStringLiteral("look up the collection"));
        if (!found)
            return std::unexpected(found.error());
        ProtectionClass cap = m_target.collectionClass;
        if (found->next()) {
            m_outcome.storeCollectionId = found->value(0).toLongLong();
            cap = domain::parseProtectionClass(found->value(1).toString()).value_or(ProtectionClass::None);
        }
        // Checked before anything is written, like `collections assign` does locally.
        const ProtectionClass cls = m_snapshot.record.protectionClass;
        if (domain::higherOf(cls, cap) != cap)
            return fail(ErrorCode::Refused,
                QStringLiteral("\"%1\" has class %2, above the class %3 of the store's collection \"%4\".")
                    .arg(m_snapshot.record.name, domain::protectionClassName(cls), domain::protectionClassName(cap),
                        m_target.collection));
        if (m_outcome.storeCollectionId != 0)
            return {};
        // A collection a data manager publishes into is there for the tenant's staff: published.
        const auto created
            = m_connection.value(QStringLiteral("INSERT INTO genius.collections (tenant_id, name, class, published) "
                                                "VALUES (genius.current_tenant(), ?, ?, true) RETURNING id"),
                { m_target.collection, domain::protectionClassName(cap) }, QStringLiteral("create the collection"));
        if (!created)
            return std::unexpected(created.error());
        m_outcome.storeCollectionId = created->toLongLong();
        m_outcome.collectionCreated = true;
        return {};
    }

    Result<void> original()
    {
        const index::DocumentRecord& record = m_snapshot.record;
        const auto present = m_connection.value(
            QStringLiteral("SELECT 1 FROM genius.originals WHERE tenant_id = genius.current_tenant() AND sha256 = ?"),
            { record.sha256 }, QStringLiteral("look up the original"));
        if (!present)
            return std::unexpected(present.error());
        if (present->isValid() && !present->isNull())
            return {};
        const auto bytes = readOriginal(record);
        if (!bytes)
            return std::unexpected(bytes.error());
        const QString mediaType = QMimeDatabase().mimeTypeForFileNameAndData(record.name, *bytes).name();
        const auto stored = m_connection.query(
            QStringLiteral("INSERT INTO genius.originals (tenant_id, sha256, size, media_type, content) "
                           "VALUES (genius.current_tenant(), ?, ?, ?, ?) ON CONFLICT (tenant_id, sha256) DO NOTHING"),
            { record.sha256, static_cast<qint64>(bytes->size()), mediaType, *bytes },
            QStringLiteral("store the original"));
        if (!stored)
            return std::unexpected(stored.error());
        m_outcome.originalStored = true;
        return {};
    }

    Result<void> documentRow()
    {
        const index::DocumentRecord& record = m_snapshot.record;
        const QString metadata = QString::fromUtf8(QJsonDocument(m_snapshot.metadata).toJson(QJsonDocument::Compact));
        const QString cls = domain::protectionClassName(record.protectionClass);
        auto existing = m_connection.query(
            QStringLiteral("SELECT id, metadata->>'digest' FROM genius.documents WHERE tenant_id = "
                           "genius.current_tenant() AND original_sha256 = ? AND name = ? AND NOT deleted ORDER BY id"),
            { record.sha256, record.name }, QStringLiteral("look up the document"));
        if (!existing)
            return std::unexpected(existing.error());
        m_outcome.chunks = static_cast<int>(m_snapshot.chunks.size());
        m_outcome.embeddings = static_cast<int>(m_snapshot.embeddings.size());
        if (existing->next()) {
            m_outcome.storeDocumentId = existing->value(0).toLongLong();
            if (existing->value(1).toString() == m_snapshot.digest) {
                m_outcome.document = PublishOutcome::Document::Unchanged;
                return {};
            }
            m_outcome.document = PublishOutcome::Document::Replaced;
            // The earlier passages become tombstones and lose their content: the old wording of a
            // replaced document does not linger in the store.
            if (auto erased = eraseDocumentContent(m_connection, m_outcome.storeDocumentId, ErasedRows::Live,
                    QStringLiteral("remove the document's earlier passages"));
                !erased)
                return erased;
            if (auto updated
                = m_connection.query(QStringLiteral("UPDATE genius.documents SET format = ?, class = ?, pages = ?, "
                                                    "metadata = CAST(? AS jsonb) WHERE id = ?"),
                    { record.format, cls, record.pagesTotal, metadata, m_outcome.storeDocumentId },
                    QStringLiteral("update the document"));
                !updated)
                return std::unexpected(updated.error());
        } else {
            if (auto stored = original(); !stored)
                return stored;
            const auto inserted = m_connection.value(
                QStringLiteral("INSERT INTO genius.documents (tenant_id, original_sha256, name, format, class, pages, "
                               "metadata) VALUES (genius.current_tenant(), ?, ?, ?, ?, ?, CAST(? AS jsonb)) "
                               "RETURNING id"),
                { record.sha256, record.name, record.format, cls, record.pagesTotal, metadata },
                QStringLiteral("store the document"));
            if (!inserted)
                return std::unexpected(inserted.error());
            m_outcome.storeDocumentId = inserted->toLongLong();
        }
        return passages();
    }

    Result<void> passages()
    {
        // Rows per statement: pages carry word boxes (tens of kB each), passages a few kB of
        // text, vectors 4 bytes per dimension; a batch stays within a few MB.
        QList<QVariantList> rows;
        for (const documents::PageText& local : m_snapshot.pages)
            rows.append({ m_outcome.storeDocumentId, local.number, storableText(local.text),
                documents::encodeWordBoxes(local.words), local.size.width(), local.size.height(), local.ocr,
                local.confidence });
        BatchInsert pages(m_connection,
            QStringLiteral("INSERT INTO genius.pages (tenant_id, document_id, number, text, words, width, height, ocr, "
                           "confidence) VALUES "),
            QStringLiteral("(genius.current_tenant(), ?, ?, ?, ?, ?, ?, ?, ?)"), QString(), 25,
            QStringLiteral("store the pages"));
        if (auto stored = pages.run(rows); !stored)
            return stored;

        rows.clear();
        for (const index::StoredChunk& local : m_snapshot.chunks)
            rows.append(
                { m_outcome.storeDocumentId, local.ordinal, local.firstPage, std::max(local.lastPage, local.firstPage),
                    local.startOffset, local.endOffset, storableText(local.heading), storableText(local.text) });
        BatchInsert chunks(m_connection,
            QStringLiteral("INSERT INTO genius.chunks (tenant_id, document_id, ordinal, first_page, last_page, "
                           "start_offset, end_offset, heading, text) VALUES "),
            QStringLiteral("(genius.current_tenant(), ?, ?, ?, ?, ?, ?, ?, ?)"),
            QStringLiteral(" RETURNING ordinal, id"), 200, QStringLiteral("store the passages"));
        QHash<int, qint64> storeIds; // ordinal → chunk id in the store
        if (auto stored = chunks.run(rows,
                [&storeIds](
                    const QSqlQuery& row) { storeIds.insert(row.value(0).toInt(), row.value(1).toLongLong()); });
            !stored)
            return stored;

        rows.clear();
        for (const index::StoredEmbedding& local : m_snapshot.embeddings) {
            const qint64 chunkId = storeIds.value(static_cast<int>(local.chunkId), 0);
            if (chunkId != 0) // else a vector of a chunk that no longer exists locally
                rows.append({ chunkId, local.model, local.dimension, local.vector });
        }
        BatchInsert vectors(m_connection,
            QStringLiteral("INSERT INTO genius.embeddings (tenant_id, chunk_id, model, dimension, vector) VALUES "),
            QStringLiteral("(genius.current_tenant(), ?, ?, ?, ?)"), QString(), 100,
            QStringLiteral("store the vectors"));
        return vectors.run(rows);
    }

    Result<void> assignment()
    {
        const auto present = m_connection.value(
            QStringLiteral(
                "SELECT 1 FROM genius.assignments WHERE document_id = ? AND collection_id = ? AND NOT deleted"),
            { m_outcome.storeDocumentId, m_outcome.storeCollectionId }, QStringLiteral("look up the assignment"));
        if (!present)
            return std::unexpected(present.error());
        if (present->isValid() && !present->isNull())
            return {};
        const auto assigned = m_connection.query(
            QStringLiteral("INSERT INTO genius.assignments (tenant_id, document_id, collection_id) "
                           "VALUES (genius.current_tenant(), ?, ?)"),
            { m_outcome.storeDocumentId, m_outcome.storeCollectionId }, QStringLiteral("assign the document"));
        if (!assigned)
            return std::unexpected(assigned.error());
        m_outcome.assigned = true;
        return {};
    }

    const StoreConnection& m_connection;
    const Snapshot& m_snapshot;
    const PublishTarget& m_target;
    PublishOutcome m_outcome;
};

} // namespace

QString publishedDocumentName(PublishOutcome::Document document)
{
    switch (document) {
    case PublishOutcome::Document::Inserted: return QStringLiteral("inserted");
    case PublishOutcome::Document::Replaced: return QStringLiteral("replaced");
    case PublishOutcome::Document::Unchanged: return QStringLiteral("unchanged");
    }
    return QStringLiteral("inserted");
}

Result<PublishOutcome> publishDocument(const StoreConnection& connection, const index::IndexDatabase& database,
    qint64 localId, const PublishTarget& target)
{
    if (target.collection.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A collection needs a name."));
    if (target.collectionClass == ProtectionClass::VeryHigh)
        return fail(ErrorCode::Refused,
            QStringLiteral("A collection of the shared store cannot have the class very-high: such documents never "
                           "leave this workstation."));
    const auto snapshot = readSnapshot(database, localId);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    PublishTarget trimmed = target;
    trimmed.collection = target.collection.trimmed();
    Result<PublishOutcome> outcome = fail(ErrorCode::Unreachable, QString());
    const auto done = connection.transaction([&]() -> Result<void> {
        outcome = Writer(connection, *snapshot, trimmed).write();
        if (!outcome)
            return std::unexpected(outcome.error());
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    qCDebug(lcSharedStore) << "published local document" << localId << "as store document" << outcome->storeDocumentId
                           << publishedDocumentName(outcome->document);
    return outcome;
}

} // namespace genius::sharedstore
