#pragma once

#include "core/common/error.h"

#include <QList>
#include <QString>

namespace genius::sharedstore {

class StoreConnection;

/// What `store purge` removed: tombstones per table, in the order they went.
struct PurgeOutcome {
    struct Table {
        QString name; ///< embeddings, chunks, pages, assignments, documents, collections
        qint64 rows = 0;
    };
    int olderThanDays = 0;
    QList<Table> tables;
    qint64 total() const;
};

/// `store purge`: deletes for good the tombstones (rows with deleted = true) of every tenant
/// that became tombstones more than `olderThanDays` days ago (0: all of them) and that no other
/// row still refers to; one transaction. Syncing clients do not need them: a sync lists what is
/// live. Tombstones hold no content (withdrawals and replacements erase it), only ids and
/// revisions. Denied unless the connected user administers the store; InvalidArgument for a
/// negative age; NotFound when the store is not initialised.
common::Result<PurgeOutcome> purgeTombstones(const StoreConnection& connection, int olderThanDays);

} // namespace genius::sharedstore
