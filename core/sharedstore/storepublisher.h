#pragma once

#include "core/common/error.h"
#include "core/domain/protectionclass.h"

#include <QString>

namespace genius::index {
class IndexDatabase;
}

namespace genius::sharedstore {

class StoreConnection;

/// Where a document goes: a collection of the connected user's tenant, created with
/// `collectionClass` when it does not exist yet.
struct PublishTarget {
    QString collection;
    domain::ProtectionClass collectionClass = domain::ProtectionClass::Normal;
};

/// What publishing did with one document.
struct PublishOutcome {
    enum class Document { Inserted, Replaced, Unchanged };
    qint64 storeDocumentId = 0;
    qint64 storeCollectionId = 0;
    Document document = Document::Inserted;
    bool collectionCreated = false;
    bool originalStored = false; ///< false: the tenant's store had the file already
    bool assigned = false; ///< false: the document was in the collection already
    int chunks = 0;
    int embeddings = 0;
};

/// "inserted", "replaced" or "unchanged" (for --json).
QString publishedDocumentName(PublishOutcome::Document document);

/// Publishes the finished (ready) document `localId` of the profile's index into the shared
/// store as the connected data manager, in ONE transaction: the original file (once per tenant
/// and SHA-256), the document row, its pages (text and word boxes), its chunks with page anchors,
/// its vectors of every model the index holds, the collection when missing, and the assignment.
/// Either all of it commits or nothing does.
///
/// Idempotent: a live document of the tenant with the same original and name is reused. When
/// its content digest (class, format, pages, metadata, chunks, vectors) is the same it is left
/// as it is (Unchanged); otherwise it is updated in place, keeping its id and assignments, and
/// its old pages, chunks and vectors are deleted (the store keeps them as tombstones for syncing
/// clients) before the new ones are written (Replaced).
///
/// Refused (nothing written) for a very-high document, which never leaves the workstation, and
/// for a document above the collection's class. InvalidArgument for an unfinished document or
/// an original file that changed since the import; Denied when the store refuses the writes
/// (staff, a user without tenant); Unreachable when the connection fails.
common::Result<PublishOutcome> publishDocument(const StoreConnection& connection, const index::IndexDatabase& database,
    qint64 localId, const PublishTarget& target);

} // namespace genius::sharedstore
