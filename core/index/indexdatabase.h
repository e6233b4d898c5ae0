#pragma once

#include "core/chunking/chunk.h"
#include "core/common/error.h"
#include "core/documents/pagetext.h"
#include "core/index/documentrecord.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QVector>

#include <memory>

namespace genius::database {
class Connection;
}

namespace genius::index {

/// What to list.
struct DocumentQuery {
    QString collection;      ///< only documents assigned to this collection
    bool unassigned = false; ///< only documents without any collection (open assignments)
};

/// A chunk still waiting for its vector.
struct PendingChunk {
    qint64 id = 0;
    QString text;
};

/// A stored chunk with its anchors, as a copy elsewhere (the shared store) needs it.
struct StoredChunk {
    qint64 id = 0;
    int ordinal = 0;
    int firstPage = 0; ///< 0 for formats without pages
    int lastPage = 0;
    int startOffset = 0; ///< in the full text (pages joined by '\f')
    int endOffset = 0;
    QString heading; ///< the heading path joined by " › "
    QString text;
};

/// A stored vector: little-endian float32 as in the index, `dimension` values.
struct StoredEmbedding {
    qint64 chunkId = 0;
    QString model;
    int dimension = 0;
    QByteArray vector;
};

/// A new file to import.
struct NewDocument {
    QString name;
    QString sourcePath;
    QString sha256;
    qint64 size = 0;
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
};

/// The index database of one profile (SQLite in WAL mode). One object per thread: each opens
/// its own connection. Every multi-row change is one transaction, so a killed process leaves
/// either the old or the new state, never half of one.
class IndexDatabase final
{
public:
    /// Opens (creates) the file, registers the German tokenizer, migrates the schema.
    static common::Result<std::unique_ptr<IndexDatabase>> open(const QString& path);
    /// The index's file name in a profile directory.
    static QString fileName();
    ~IndexDatabase();
    IndexDatabase(const IndexDatabase&) = delete;
    IndexDatabase& operator=(const IndexDatabase&) = delete;

    QSqlDatabase connection() const { return m_db; }
    QString path() const { return m_path; }

    /// Adds a queued document, or returns the existing one with the same content (`created`
    /// false). Importing known content with a higher class raises the document's class.
    struct Added {
        qint64 id = 0;
        bool created = false;
    };
    common::Result<Added> addDocument(const NewDocument& document);
    common::Result<DocumentRecord> document(qint64 id) const;
    common::Result<QList<DocumentRecord>> documents(const DocumentQuery& query = {}) const;
    /// Documents whose import still has work to do, oldest first.
    common::Result<QList<qint64>> unfinishedDocuments() const;
    common::Result<void> removeDocument(qint64 id);

    /// Job state.
    common::Result<void> setStatus(qint64 id, DocumentStatus status, const common::Error* error = nullptr);
    /// Records what opening the file found and moves the job to `reading`.
    common::Result<void> startReading(qint64 id, const QString& format, bool paged, int pagesTotal,
                                      const QString& title, const QString& author);
    /// Stores one page (replacing a page of the same number) and updates the progress.
    common::Result<void> storePage(qint64 id, const documents::PageText& page);
    common::Result<QSet<int>> storedPageNumbers(qint64 id) const;
    common::Result<QList<documents::PageText>> pages(qint64 id, bool withWords = false) const;
    /// Full text: the pages' texts joined by '\f' (the offsets of chunks refer to it).
    common::Result<QString> fullText(qint64 id) const;
    /// In one transaction: stores the normalised form of the pages in `pages` (only those that
    /// changed need to be passed), replaces the document's chunks and moves the job to `next`.
    common::Result<void> storeChunks(qint64 id, const QList<documents::PageText>& pages,
                                     const QList<chunking::Chunk>& chunks, DocumentStatus next,
                                     const QString& embeddingState);
    /// Clears pages and chunks and queues the document again (retry).
    common::Result<void> resetForRetry(qint64 id);

    /// Embeddings.
    common::Result<QList<PendingChunk>> chunksWithoutEmbedding(qint64 id, const QString& model) const;
    common::Result<void> storeEmbeddings(const QString& model, const QList<qint64>& chunkIds,
                                         const QList<QVector<float>>& vectors);
    common::Result<void> setEmbeddingState(qint64 id, const QString& model, const QString& state);
    /// A document's chunks in order, and its vectors of every model (for publishing).
    common::Result<QList<StoredChunk>> storedChunks(qint64 id) const;
    common::Result<QList<StoredEmbedding>> storedEmbeddings(qint64 id) const;

    /// Collections (the minimum import and search need; the data-manager view extends them).
    common::Result<CollectionRecord> collection(const QString& name) const;
    common::Result<QList<CollectionRecord>> collections() const;
    common::Result<CollectionRecord> createCollection(const QString& name, domain::ProtectionClass cls);
    /// Refused (ErrorCode::Refused) when the document's class is above the collection's.
    common::Result<void> assign(qint64 documentId, const QString& collectionName);
    /// Takes a document out of a collection; false when it was not in it. NotFound for an
    /// unknown document or collection.
    common::Result<bool> unassign(qint64 documentId, const QString& collectionName);
    /// Deletes a collection; its documents stay (only the assignments go). NotFound.
    common::Result<void> removeCollection(const QString& name);
    /// Renames a collection; InvalidArgument when the new name is empty or taken. NotFound.
    common::Result<CollectionRecord> renameCollection(const QString& name, const QString& newName);
    /// Sets the description shown to staff. NotFound.
    common::Result<CollectionRecord> describeCollection(const QString& name, const QString& description);
    /// Sets the tenant (Mandant: the authority or office the collection belongs to). NotFound.
    common::Result<CollectionRecord> setCollectionTenant(const QString& name, const QString& tenant);
    /// Publishes a collection for the research function of its tenant, or takes it back. NotFound.
    common::Result<CollectionRecord> publishCollection(const QString& name, bool published);

private:
    IndexDatabase(std::unique_ptr<database::Connection> connection, QString path);

    std::unique_ptr<database::Connection> m_connection;
    QSqlDatabase m_db; ///< m_connection's, kept at hand for the queries
    QString m_path;
};

} // namespace genius::index
