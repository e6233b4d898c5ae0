#pragma once

#include "core/common/error.h"
#include "core/index/indexdatabase.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace genius::index {

/// A complete document as another store (the shared collection store) has it, to be kept in the
/// index as a read-only copy: its pages, chunks and vectors, and where its original file lies.
struct CopiedDocument {
    qint64 originId = 0;
    qint64 originRevision = 0;
    QString name;
    QString sourcePath; ///< the original, fetched into the profile
    QString sha256;
    qint64 size = 0;
    QString format;
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
    bool paged = true;
    int pagesTotal = 0;
    QString title;
    QString author;
    QList<documents::PageText> pages;
    QList<StoredChunk> chunks; ///< ids are ignored; ordinals count
    QList<StoredEmbedding> embeddings; ///< chunkId holds the chunk's ordinal
};

/// A collection of the other store, mirrored by name.
struct CopiedCollection {
    qint64 originId = 0;
    qint64 originRevision = 0;
    QString name;
    QString description;
    QString tenant;
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
    bool published = true; ///< data managers' copies include unpublished collections
    QList<qint64> documentOrigins; ///< origin ids of its documents
};

/// What the index holds of a document of the other store.
struct DocumentOrigin {
    qint64 localId = 0;
    qint64 originRevision = 0;
    bool shared = false; ///< a copy made by syncing (else a local document linked to it)
};

/// Which store the copies came from and the revision the last complete sync reached.
struct SyncState {
    QString store; ///< user@host:port/database
    QString tenant;
    qint64 revision = 0;
    QDateTime syncedAt;
    QString role = {}; ///< the user's grant in the store ("data-manager", "staff"); empty for none
};

/// What finishing a sync did to the index.
struct MirrorOutcome {
    int collections = 0; ///< collections mirrored now
    int removedDocuments = 0; ///< copies deleted (no longer visible in the store)
    int keptDocuments = 0; ///< copies kept as local documents: they were in a local collection too
    int removedCollections = 0;
    QStringList warnings; ///< one sentence each (a name taken by a local collection, ...)
    QStringList orphanedFiles; ///< originals no document refers to any more (the caller deletes them)
};

/// The copies of another store's documents and collections in a profile's index (read-only for
/// everything but this class). Each write is one transaction of the index, so a sync killed
/// half-way leaves every document either in its old or in its new state; the sync state moves
/// only when a whole sync finished.
class SharedCopies final
{
public:
    explicit SharedCopies(IndexDatabase& database);

    common::Result<std::optional<SyncState>> syncState() const;
    /// Origin id → what the index holds for it.
    common::Result<QHash<qint64, DocumentOrigin>> documentOrigins() const;
    /// The local document with this content, if any (the index keeps one document per content).
    common::Result<std::optional<DocumentRecord>> documentWithContent(const QString& sha256) const;

    /// Inserts the copy, or replaces the copy of the same origin in place (keeping its local id);
    /// returns the local id.
    common::Result<qint64> storeCopy(const CopiedDocument& document);
    /// Records a sync that found nothing changed: when, and the user's role in the store then
    /// (grants change without a revision).
    common::Result<void> recordCheck(const QString& role, const QDateTime& at);
    /// Records that the local document `localId` is also the store's document `originId`.
    common::Result<void> link(qint64 localId, qint64 originId, qint64 originRevision);

    /// Completes a sync in one transaction: mirrors `collections` (creating read-only copies, or
    /// linking a local collection of the same name), sets the mirrored collections' documents,
    /// drops the copies of documents not in `visibleDocuments` and unlinks local documents and
    /// collections the store no longer shows, then records `state`.
    common::Result<MirrorOutcome> finish(
        const QList<CopiedCollection>& collections, const QSet<qint64>& visibleDocuments, const SyncState& state);

    /// Forgets everything of the store: removes copies, unlinks local rows, clears the state
    /// (before syncing with another store or user).
    common::Result<MirrorOutcome> forget();

private:
    common::Result<MirrorOutcome> mirror(
        const QList<CopiedCollection>& collections, const QSet<qint64>& visibleDocuments, const SyncState* state);

    IndexDatabase& m_database;
};

} // namespace genius::index
