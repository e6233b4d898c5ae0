#pragma once

#include "core/common/error.h"

#include <QString>
#include <QStringList>

namespace genius::index {
class IndexDatabase;
}

namespace genius::sharedstore {

class StoreConnection;

/// What one sync did.
struct SyncReport {
    QString store; ///< user@host:port/database
    QString tenant;
    QString role; ///< the user's grant in the store: "data-manager" or "staff"
    qint64 revision = 0; ///< the tenant's revision the profile's copy reflects now
    bool upToDate = false; ///< nothing had changed since the last sync (nothing was read)
    int collections = 0; ///< collections mirrored
    int added = 0; ///< documents copied for the first time
    int updated = 0; ///< copies replaced by a newer revision (content or class)
    int unchanged = 0;
    int linked = 0; ///< local documents recognised as the store's (same file): not copied
    int removed = 0; ///< copies deleted: withdrawn, unpublished or no longer assigned
    int kept = 0; ///< copies the store withdrew that stay as local documents (in a local collection)
    int removedCollections = 0;
    qint64 originalBytes = 0; ///< original files fetched
    QStringList warnings;
};

/// Brings the profile's copy of the tenant's collections up to date with the store, as the
/// connected user sees them (row-level security: staff see the published, live collections;
/// data managers all live ones of their tenant, unpublished included).
///
/// Reads one consistent snapshot (REPEATABLE READ, read-only). When the tenant's revision is the
/// one the last sync reached, nothing else is read. Otherwise only documents whose revision
/// changed are fetched — pages, passages, vectors and the original file (into
/// `originalsDirectory`, verified by SHA-256) — and each is written to the index in its own
/// transaction; the collections, assignments, removals and the new revision follow in one last
/// transaction. A sync that fails half-way keeps what it wrote and resumes next time; search
/// works on the copy offline.
///
/// InvalidArgument for a store of another schema version; Denied for a user of no tenant;
/// Unreachable when the connection fails.
common::Result<SyncReport> syncStore(
    const StoreConnection& connection, index::IndexDatabase& database, const QString& originalsDirectory);

} // namespace genius::sharedstore
