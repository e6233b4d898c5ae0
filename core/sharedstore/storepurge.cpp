#include "core/sharedstore/storepurge.h"

#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storeschema.h"

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

/// Each table with the references a tombstone of it must not have any more (children first, so
/// that a document's passages go before the document in the same run).
struct PurgedTable {
    const char* name;
    const char* stillReferenced; ///< a condition on the row `t`, empty when nothing refers to the table
};

const PurgedTable kTables[] = {
    { "embeddings", "" },
    { "chunks", "EXISTS (SELECT 1 FROM genius.embeddings e WHERE e.chunk_id = t.id)" },
    { "pages", "" },
    { "assignments", "" },
    { "documents",
        "EXISTS (SELECT 1 FROM genius.chunks c WHERE c.document_id = t.id) OR EXISTS (SELECT 1 FROM genius.pages p "
        "WHERE p.document_id = t.id) OR EXISTS (SELECT 1 FROM genius.assignments a WHERE a.document_id = t.id)" },
    { "collections", "EXISTS (SELECT 1 FROM genius.assignments a WHERE a.collection_id = t.id)" },
};

} // namespace

qint64 PurgeOutcome::total() const
{
    qint64 sum = 0;
    for (const Table& table : tables)
        sum += table.rows;
    return sum;
}

Result<PurgeOutcome> purgeTombstones(const StoreConnection& connection, int olderThanDays)
{
    if (olderThanDays < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("--older-than takes a number of days, 0 or more."));
    const auto version = storeSchemaVersion(connection);
    if (!version)
        return std::unexpected(version.error());
    if (*version == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("The store is not initialised; run 'store init' first."));
    if (*version != latestStoreVersion())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The shared store has schema version %1; this version purges only schema version %2 "
                           "(run 'store init' first).")
                .arg(*version)
                .arg(latestStoreVersion()));
    const auto administrator = isStoreAdministrator(connection);
    if (!administrator)
        return std::unexpected(administrator.error());
    if (!*administrator)
        return fail(ErrorCode::Denied, QStringLiteral("Only the store's administrator may purge tombstones."));

    PurgeOutcome outcome { olderThanDays, {} };
    const auto done = connection.transaction([&]() -> Result<void> {
        // Deleting a tombstone removes it for good (the keep_tombstone trigger lets it go).
        for (const PurgedTable& table : kTables) {
            QString sql = QStringLiteral("WITH gone AS (DELETE FROM genius.%1 t WHERE t.deleted AND t.updated_at "
                                         "<= now() - make_interval(days => ?)")
                              .arg(QLatin1String(table.name));
            if (*table.stillReferenced)
                sql += QStringLiteral(" AND NOT (%1)").arg(QLatin1String(table.stillReferenced));
            sql += QStringLiteral(" RETURNING 1) SELECT count(*) FROM gone");
            const auto purged = connection.value(sql, { olderThanDays }, QStringLiteral("purge tombstones"));
            if (!purged)
                return std::unexpected(purged.error());
            outcome.tables.append({ QString::fromLatin1(table.name), purged->toLongLong() });
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return outcome;
}

} // namespace genius::sharedstore
