#pragma once

#include "core/common/error.h"
#include "core/domain/protectionclass.h"
#include "core/sharedstore/storecollections.h"

#include <QString>
#include <QStringList>

namespace genius::sharedstore {

class StoreConnection;

// A data manager's changes to the collections of its tenant in the shared store, the store's
// side of `collections create|delete|rename|describe|publish|unpublish|assign|unassign` and of
// `documents withdraw`. Each runs in ONE
// transaction that first locks the tenant's row (like publishing), so a tenant's changes run one
// after the other and their revisions commit in order. Collections are named exactly; names of
// other tenants' collections and ids of their documents are unknown here (NotFound), like
// missing ones. Staff are refused by the server (Denied); a lost connection is Unreachable.

/// What assigning or unassigning did: the collection after the change, and whether anything changed.
struct StoreAssignmentChange {
    StoreCollection collection;
    qint64 documentId = 0;
    QString documentName;
    bool changed = false; ///< false: the document was in the collection already (assign) or was not in it (unassign)
};

/// Creates an unpublished collection. InvalidArgument for an empty name or a name a live collection of
/// the tenant has already (compared case-insensitively); Refused for very-high, which never leaves
/// the workstation.
common::Result<StoreCollection> createStoreCollection(const StoreConnection& connection, const QString& name,
    domain::ProtectionClass cls, const QString& description = {});

/// Deletes a collection: it and its assignments become tombstones with new revisions, its documents
/// stay. Returns the collection as it was (`documents`: those that stay) with the tombstone's
/// revision and time. NotFound.
common::Result<StoreCollection> deleteStoreCollection(const StoreConnection& connection, const QString& name);

/// Renames a collection. InvalidArgument when the new name is empty or another live collection of
/// the tenant has it (case-insensitively). NotFound.
common::Result<StoreCollection> renameStoreCollection(
    const StoreConnection& connection, const QString& name, const QString& newName);

/// Sets a collection's description (trimmed; empty clears it). Unchanged (no new revision) when it
/// has that description already. NotFound.
common::Result<StoreCollection> describeStoreCollection(
    const StoreConnection& connection, const QString& name, const QString& description);

/// Publishes a collection for the tenant's staff, or takes it back. Unchanged (no new revision)
/// when it is in that state already. NotFound.
common::Result<StoreCollection> publishStoreCollection(
    const StoreConnection& connection, const QString& name, bool published);

/// Assigns the store's document `documentId` to a collection; a no-op when it is there already.
/// Refused when the document's class is above the collection's. NotFound for an unknown (or
/// deleted) document or collection.
common::Result<StoreAssignmentChange> assignStoreDocument(
    const StoreConnection& connection, qint64 documentId, const QString& collectionName);

/// Takes the store's document `documentId` out of a collection (the assignment becomes a
/// tombstone); `changed` is false when it was not in it. NotFound as for assigning.
common::Result<StoreAssignmentChange> unassignStoreDocument(
    const StoreConnection& connection, qint64 documentId, const QString& collectionName);

/// What withdrawing a document did.
struct StoreWithdrawal {
    qint64 documentId = 0;
    QString documentName;
    QStringList collections; ///< the live collections it was taken out of, by name
    qint64 revision = 0; ///< the tenant's revision after the withdrawal
    bool originalErased = false; ///< false: another document of the tenant has the same file
};

/// Withdraws the store's document `documentId` from its tenant: the document, its assignments,
/// pages, passages and vectors become tombstones with new revisions, so the next sync removes
/// every client's copy — and their content is erased: the tombstones keep ids and revisions but
/// no text, word boxes, vectors or metadata, and the original file is deleted unless another
/// document of the tenant has the same file. NotFound for an unknown, already withdrawn or
/// another tenant's document.
common::Result<StoreWithdrawal> withdrawStoreDocument(const StoreConnection& connection, qint64 documentId);

/// Which rows eraseDocumentContent() touches: the live ones only (a document published again
/// with other content), or also the tombstones of its earlier versions (a withdrawal).
enum class ErasedRows { Live, All };

/// Within a transaction: turns the pages, passages and vectors of the store's document
/// `documentId` into tombstones (deleted = true, a new revision each, so syncing clients learn
/// what went) and erases their content in the same write: text, headings and word boxes emptied,
/// vectors zeroed. `action` names the step in an error.
common::Result<void> eraseDocumentContent(
    const StoreConnection& connection, qint64 documentId, ErasedRows rows, const QString& action);

} // namespace genius::sharedstore
