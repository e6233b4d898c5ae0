#include "core/index/sharedcopies.h"

#include "core/database/sqlsupport.h"

#include <QSqlQuery>
#include <QVariant>

namespace genius::index {

using common::Result;
using database::notNull;
using database::prepared;
using database::Transaction;

namespace {

const QString kStore = QStringLiteral("index database");

common::Error queryError(const QSqlQuery& query, const QString& what)
{
    return database::queryError(query, kStore, what);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

/// Runs `sql` with `values`; the query positioned before its first row.
Result<QSqlQuery> run(const QSqlDatabase& db, const QString& sql, const QVariantList& values, const QString& what)
{
    QSqlQuery query = prepared(db, sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return std::unexpected(queryError(query, what));
    return query;
}

Result<void> writeContent(const QSqlDatabase& db, qint64 localId, const CopiedDocument& copy)
{
    QSqlQuery page = prepared(db,
        QStringLiteral("INSERT INTO pages (document_id, number, text, words, width, height, ocr, "
                       "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const documents::PageText& stored : copy.pages) {
        for (const QVariant& value :
            QVariantList { localId, stored.number, notNull(stored.text), documents::encodeWordBoxes(stored.words),
                stored.size.width(), stored.size.height(), stored.ocr ? 1 : 0, stored.confidence })
            page.addBindValue(value);
        if (!page.exec())
            return std::unexpected(queryError(page, QStringLiteral("store a page of a shared document")));
    }
    QSqlQuery chunk = prepared(db,
        QStringLiteral("INSERT INTO chunks (document_id, ordinal, first_page, last_page, "
                       "start_offset, end_offset, heading, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    QHash<qint64, qint64> chunkIds; // ordinal → local chunk id
    for (const StoredChunk& stored : copy.chunks) {
        for (const QVariant& value : QVariantList { localId, stored.ordinal, stored.firstPage, stored.lastPage,
                 stored.startOffset, stored.endOffset, notNull(stored.heading), notNull(stored.text) })
            chunk.addBindValue(value);
        if (!chunk.exec())
            return std::unexpected(queryError(chunk, QStringLiteral("store a passage of a shared document")));
        chunkIds.insert(stored.ordinal, chunk.lastInsertId().toLongLong());
    }
    QSqlQuery vector = prepared(db,
        QStringLiteral("INSERT OR REPLACE INTO embeddings (model, chunk_id, dim, vector) "
                       "VALUES (?, ?, ?, ?)"));
    for (const StoredEmbedding& stored : copy.embeddings) {
        const qint64 chunkId = chunkIds.value(stored.chunkId, 0);
        if (chunkId == 0 || stored.dimension <= 0 || stored.vector.size() != 4LL * stored.dimension)
            continue; // a vector without its passage, or damaged: the passage stays findable by words
        for (const QVariant& value : QVariantList { stored.model, chunkId, stored.dimension, stored.vector })
            vector.addBindValue(value);
        if (!vector.exec())
            return std::unexpected(queryError(vector, QStringLiteral("store a vector of a shared document")));
    }
    return {};
}

} // namespace

SharedCopies::SharedCopies(IndexDatabase& database)
    : m_database(database)
{ }

Result<std::optional<SyncState>> SharedCopies::syncState() const
{
    auto query
        = run(m_database.connection(), QStringLiteral("SELECT store, tenant, revision, synced_at, role FROM store_sync"), {},
            QStringLiteral("read the sync state"));
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<SyncState>();
    return std::optional<SyncState>(SyncState { query->value(0).toString(), query->value(1).toString(),
        query->value(2).toLongLong(), QDateTime::fromString(query->value(3).toString(), Qt::ISODateWithMs),
        query->value(4).toString() });
}

Result<QHash<qint64, DocumentOrigin>> SharedCopies::documentOrigins() const
{
    auto query = run(m_database.connection(),
        QStringLiteral("SELECT origin_id, id, origin_revision, shared FROM documents WHERE origin_id IS NOT NULL"), {},
        QStringLiteral("read the shared documents"));
    if (!query)
        return std::unexpected(query.error());
    QHash<qint64, DocumentOrigin> origins;
    while (query->next())
        origins.insert(query->value(0).toLongLong(),
            { query->value(1).toLongLong(), query->value(2).toLongLong(), query->value(3).toBool() });
    return origins;
}

Result<std::optional<DocumentRecord>> SharedCopies::documentWithContent(const QString& sha256) const
{
    auto query = run(m_database.connection(), QStringLiteral("SELECT id FROM documents WHERE sha256 = ?"), { sha256 },
        QStringLiteral("look up a document"));
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<DocumentRecord>();
    auto record = m_database.document(query->value(0).toLongLong());
    if (!record)
        return std::unexpected(record.error());
    return std::optional<DocumentRecord>(*record);
}

Result<qint64> SharedCopies::storeCopy(const CopiedDocument& copy)
{
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    auto existing = run(db, QStringLiteral("SELECT id FROM documents WHERE origin_id = ? AND shared = 1"),
        { copy.originId }, QStringLiteral("look up a shared document"));
    if (!existing)
        return std::unexpected(existing.error());
    const QString model = copy.embeddings.isEmpty() ? QString() : copy.embeddings.constFirst().model;
    const QVariantList fields { copy.name, copy.sourcePath, copy.sha256, copy.size, notNull(copy.format),
        domain::protectionClassName(copy.protectionClass), copy.paged ? 1 : 0, copy.pagesTotal,
        static_cast<int>(copy.pages.size()), notNull(copy.title), notNull(copy.author),
        model.isEmpty() ? QVariant() : QVariant(model),
        model.isEmpty() ? QStringLiteral("none") : QStringLiteral("done"), now(), copy.originRevision };
    qint64 localId = 0;
    if (existing->next()) {
        localId = existing->value(0).toLongLong();
        // Pages and chunks are replaced whole (the FTS triggers and ON DELETE CASCADE follow).
        for (const QString& sql : { QStringLiteral("DELETE FROM chunks WHERE document_id = ?"),
                 QStringLiteral("DELETE FROM pages WHERE document_id = ?") }) {
            if (auto removed = run(db, sql, { localId }, QStringLiteral("replace a shared document")); !removed)
                return std::unexpected(removed.error());
        }
        QVariantList values = fields;
        values.append(localId);
        auto updated = run(db,
            QStringLiteral("UPDATE documents SET name = ?, source_path = ?, sha256 = ?, size = ?, format = ?, "
                           "class = ?, status = 'ready', error_code = NULL, error_detail = NULL, paged = ?, "
                           "pages_total = ?, pages_done = ?, title = ?, author = ?, embedding_model = ?, "
                           "embedding_state = ?, updated_at = ?, origin_revision = ? WHERE id = ?"),
            values, QStringLiteral("replace a shared document"));
        if (!updated)
            return std::unexpected(updated.error());
    } else {
        QVariantList values = fields;
        values.insert(values.size() - 1, now()); // added_at beside updated_at
        values.append(copy.originId);
        auto inserted = run(db,
            QStringLiteral("INSERT INTO documents (name, source_path, sha256, size, format, class, status, "
                           "paged, pages_total, pages_done, title, author, embedding_model, embedding_state, "
                           "added_at, updated_at, origin_revision, origin_id, shared) "
                           "VALUES (?, ?, ?, ?, ?, ?, 'ready', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
            values, QStringLiteral("store a shared document"));
        if (!inserted)
            return std::unexpected(inserted.error());
        localId = inserted->lastInsertId().toLongLong();
    }
    if (auto written = writeContent(db, localId, copy); !written)
        return std::unexpected(written.error());
    auto ocr = run(db,
        QStringLiteral("UPDATE documents SET ocr_pages = (SELECT count(*) FROM pages WHERE document_id = ? AND "
                       "ocr = 1), ocr_confidence = (SELECT avg(confidence) FROM pages WHERE document_id = ? AND "
                       "ocr = 1) WHERE id = ?"),
        { localId, localId, localId }, QStringLiteral("store a shared document"));
    if (!ocr)
        return std::unexpected(ocr.error());
    if (!transaction.commit())
        return std::unexpected(database::commitError(db, kStore, QStringLiteral("a shared document")));
    return localId;
}

Result<void> SharedCopies::recordCheck(const QString& role, const QDateTime& at)
{
    auto recorded = run(m_database.connection(), QStringLiteral("UPDATE store_sync SET role = ?, synced_at = ?"),
        { notNull(role), at.toUTC().toString(Qt::ISODateWithMs) }, QStringLiteral("record the sync"));
    if (!recorded)
        return std::unexpected(recorded.error());
    return {};
}

Result<void> SharedCopies::link(qint64 localId, qint64 originId, qint64 originRevision)
{
    auto linked = run(m_database.connection(),
        QStringLiteral("UPDATE documents SET origin_id = ?, origin_revision = ? WHERE id = ?"),
        { originId, originRevision, localId }, QStringLiteral("link a document to the shared store"));
    if (!linked)
        return std::unexpected(linked.error());
    return {};
}

Result<MirrorOutcome> SharedCopies::finish(
    const QList<CopiedCollection>& collections, const QSet<qint64>& visibleDocuments, const SyncState& state)
{
    return mirror(collections, visibleDocuments, &state);
}

Result<MirrorOutcome> SharedCopies::forget()
{
    return mirror({}, {}, nullptr);
}

Result<MirrorOutcome> SharedCopies::mirror(
    const QList<CopiedCollection>& collections, const QSet<qint64>& visibleDocuments, const SyncState* state)
{
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    MirrorOutcome outcome;
    const auto origins = documentOrigins();
    if (!origins)
        return std::unexpected(origins.error());

    // Collections: the copy of the same origin, else a local one of the same name, else a new copy.
    QSet<qint64> mirrored;
    for (const CopiedCollection& collection : collections) {
        auto found = run(db, QStringLiteral("SELECT id, name FROM collections WHERE origin_id = ?"),
            { collection.originId }, QStringLiteral("look up a shared collection"));
        if (!found)
            return std::unexpected(found.error());
        qint64 localId = 0;
        if (found->next()) {
            localId = found->value(0).toLongLong();
            auto clash = run(db, QStringLiteral("SELECT 1 FROM collections WHERE name = ? AND id <> ?"),
                { collection.name, localId }, QStringLiteral("look up a collection"));
            if (!clash)
                return std::unexpected(clash.error());
            const bool nameFree = !clash->next();
            if (!nameFree)
                outcome.warnings.append(
                    QStringLiteral("The shared collection \"%1\" keeps its earlier name here: a local "
                                   "collection has that name.")
                        .arg(collection.name));
            auto updated = run(db,
                QStringLiteral("UPDATE collections SET name = CASE WHEN ? THEN ? ELSE name END, description = ?, "
                               "tenant = ?, class = ?, origin_revision = ?, published = CASE WHEN shared = 1 "
                               "THEN ? ELSE published END WHERE id = ?"),
                { nameFree ? 1 : 0, collection.name, notNull(collection.description), notNull(collection.tenant),
                    domain::protectionClassName(collection.protectionClass), collection.originRevision,
                    collection.published ? 1 : 0, localId },
                QStringLiteral("update a shared collection"));
            if (!updated)
                return std::unexpected(updated.error());
        } else {
            auto byName = run(db, QStringLiteral("SELECT id FROM collections WHERE name = ?"), { collection.name },
                QStringLiteral("look up a collection"));
            if (!byName)
                return std::unexpected(byName.error());
            if (byName->next()) { // the data manager's own collection, published from here: linked
                localId = byName->value(0).toLongLong();
                auto linked = run(db,
                    QStringLiteral("UPDATE collections SET origin_id = ?, origin_revision = ?, class = ? WHERE id = ?"),
                    { collection.originId, collection.originRevision,
                        domain::protectionClassName(collection.protectionClass), localId },
                    QStringLiteral("link a collection to the shared store"));
                if (!linked)
                    return std::unexpected(linked.error());
            } else {
                auto inserted = run(db,
                    QStringLiteral(
                        "INSERT INTO collections (name, description, tenant, class, published, "
                        "created_at, origin_id, origin_revision, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"),
                    { collection.name, notNull(collection.description), notNull(collection.tenant),
                        domain::protectionClassName(collection.protectionClass), collection.published ? 1 : 0, now(),
                        collection.originId, collection.originRevision },
                    QStringLiteral("store a shared collection"));
                if (!inserted)
                    return std::unexpected(inserted.error());
                localId = inserted->lastInsertId().toLongLong();
            }
        }
        mirrored.insert(collection.originId);
        ++outcome.collections;

        // Its documents: those of the store exactly; local documents of a linked collection stay.
        QSet<qint64> wanted;
        for (const qint64 origin : collection.documentOrigins)
            if (const auto local = origins->constFind(origin); local != origins->cend())
                wanted.insert(local->localId);
        auto current = run(db,
            QStringLiteral("SELECT a.document_id FROM assignments a JOIN documents d ON d.id = a.document_id "
                           "WHERE a.collection_id = ? AND d.origin_id IS NOT NULL"),
            { localId }, QStringLiteral("read a shared collection"));
        if (!current)
            return std::unexpected(current.error());
        QSet<qint64> present;
        while (current->next())
            present.insert(current->value(0).toLongLong());
        for (const qint64 gone : present - wanted)
            if (auto removed
                = run(db, QStringLiteral("DELETE FROM assignments WHERE collection_id = ? AND document_id = ?"),
                    { localId, gone }, QStringLiteral("update a shared collection"));
                !removed)
                return std::unexpected(removed.error());
        for (const qint64 added : wanted - present)
            if (auto inserted = run(db,
                    QStringLiteral("INSERT OR IGNORE INTO assignments (document_id, collection_id, assigned_at) "
                                   "VALUES (?, ?, ?)"),
                    { added, localId, now() }, QStringLiteral("update a shared collection"));
                !inserted)
                return std::unexpected(inserted.error());
    }

    // Collections the store no longer shows: copies go (their documents stay until checked
    // below), local collections only lose the link and the store's documents.
    auto stale = run(db, QStringLiteral("SELECT id, origin_id, shared FROM collections WHERE origin_id IS NOT NULL"),
        {}, QStringLiteral("read the shared collections"));
    if (!stale)
        return std::unexpected(stale.error());
    QList<std::pair<qint64, bool>> unmirrored;
    while (stale->next())
        if (!mirrored.contains(stale->value(1).toLongLong()))
            unmirrored.append({ stale->value(0).toLongLong(), stale->value(2).toBool() });
    for (const auto& [id, shared] : unmirrored) {
        const QStringList statements = shared
            ? QStringList { QStringLiteral("DELETE FROM collections WHERE id = ?") }
            : QStringList { QStringLiteral("DELETE FROM assignments WHERE collection_id = ? AND document_id IN "
                                           "(SELECT id FROM documents WHERE shared = 1)"),
                  QStringLiteral("UPDATE collections SET origin_id = NULL, origin_revision = NULL WHERE id = ?") };
        for (const QString& sql : statements)
            if (auto done = run(db, sql, { id }, QStringLiteral("remove a shared collection")); !done)
                return std::unexpected(done.error());
        if (shared)
            ++outcome.removedCollections;
    }

    // Documents the store no longer shows: copies go, unless a local collection holds them (then
    // they become local documents); local documents only lose the link.
    for (auto it = origins->cbegin(); it != origins->cend(); ++it) {
        if (visibleDocuments.contains(it.key()))
            continue;
        const qint64 localId = it->localId;
        if (!it->shared) {
            if (auto unlinked
                = run(db, QStringLiteral("UPDATE documents SET origin_id = NULL, origin_revision = NULL WHERE id = ?"),
                    { localId }, QStringLiteral("unlink a document"));
                !unlinked)
                return std::unexpected(unlinked.error());
            continue;
        }
        auto held = run(db, QStringLiteral("SELECT count(*) FROM assignments WHERE document_id = ?"), { localId },
            QStringLiteral("read a shared document"));
        if (!held)
            return std::unexpected(held.error());
        if (held->next() && held->value(0).toInt() > 0) {
            if (auto kept = run(db,
                    QStringLiteral("UPDATE documents SET origin_id = NULL, origin_revision = NULL, shared = 0 "
                                   "WHERE id = ?"),
                    { localId }, QStringLiteral("keep a document"));
                !kept)
                return std::unexpected(kept.error());
            ++outcome.keptDocuments;
            continue;
        }
        auto path = run(db, QStringLiteral("SELECT source_path FROM documents WHERE id = ?"), { localId },
            QStringLiteral("read a shared document"));
        if (!path)
            return std::unexpected(path.error());
        const QString file = path->next() ? path->value(0).toString() : QString();
        if (auto removed = run(db, QStringLiteral("DELETE FROM documents WHERE id = ?"), { localId },
                QStringLiteral("remove a shared document"));
            !removed)
            return std::unexpected(removed.error());
        ++outcome.removedDocuments;
        auto users = run(db, QStringLiteral("SELECT count(*) FROM documents WHERE source_path = ?"), { file },
            QStringLiteral("read a shared document"));
        if (!users)
            return std::unexpected(users.error());
        if (!file.isEmpty() && users->next() && users->value(0).toInt() == 0)
            outcome.orphanedFiles.append(file);
    }

    const auto recorded = state
        ? run(db,
            QStringLiteral(
                "INSERT OR REPLACE INTO store_sync (id, store, tenant, revision, synced_at, role) "
                "VALUES (1, ?, ?, ?, ?, ?)"),
            { state->store, notNull(state->tenant), state->revision,
                state->syncedAt.toUTC().toString(Qt::ISODateWithMs), notNull(state->role) },
            QStringLiteral("record the sync"))
        : run(db, QStringLiteral("DELETE FROM store_sync"), {}, QStringLiteral("record the sync"));
    if (!recorded)
        return std::unexpected(recorded.error());
    if (!transaction.commit())
        return std::unexpected(database::commitError(db, kStore, QStringLiteral("the sync")));
    return outcome;
}

} // namespace genius::index
