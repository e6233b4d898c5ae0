#pragma once

#include "core/chunking/chunk.h"
#include "core/common/cancellation.h"
#include "core/common/error.h"
#include "core/documents/documentreader.h"
#include "core/import/importtasks.h"
#include "core/index/documentrecord.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <optional>

namespace genius::index {
class EmbeddingProvider;
class IndexDatabase;
}

namespace genius::import {

/// How the queue reads and chunks.
struct ImportOptions {
    documents::ReaderLimits limits;
    chunking::ChunkingOptions chunking;
    int workers = 0;        ///< reader threads; 0 = one per core (each runs one OCR engine)
    int embeddingBatch = 64; ///< passages per embeddings request
};

/// The persistent import queue. Documents are jobs in the index database; pages are read on
/// worker threads (one per core, one OCR engine each) and written here, on the queue's
/// thread, one transaction per page, so a killed process resumes at the next missing page
/// and never stores a page or chunk twice. Lives on a thread with an event loop.
class ImportQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportQueue)

public:
    ImportQueue(index::IndexDatabase& database, ImportOptions options, QObject* parent = nullptr);
    ~ImportQueue() override;

    /// Vectors for imported passages come from here; null means lexical only. May change at
    /// any time (the gateway was reconfigured): documents waiting for a model go on with the new one.
    void setEmbeddingProvider(index::EmbeddingProvider* provider);

    /// What happened to one file handed to enqueue().
    struct Enqueued {
        qint64 id = 0;        ///< 0 when the file could not even be registered
        bool created = false; ///< false: the same content was imported before
        std::optional<common::Error> error;
    };
    /// Registers the file (hashing its content) and schedules it. Known content is not read
    /// again: a failed import starts over, a cancelled or interrupted one continues.
    Enqueued enqueue(const QString& path, domain::ProtectionClass cls);
    /// Schedules documents whose import was interrupted (all of them when `ids` is empty).
    void resume(const QList<qint64>& ids = {});
    void cancel(qint64 id);
    /// Imports a failed or cancelled document again from its source file, from the first page.
    common::Result<void> retry(qint64 id);
    bool isIdle() const;

Q_SIGNALS:
    void progress(qint64 id, int pagesDone, int pagesTotal);
    void statusChanged(qint64 id, genius::index::DocumentStatus status);
    /// The job ended: ready, failed or cancelled.
    void finished(qint64 id, genius::index::DocumentStatus status);
    /// Nothing is queued or running any more.
    void idle();

private:
    struct Job;

    void schedule(qint64 id);
    void pump();
    void startOpen(Job& job);
    void startPages(Job& job);
    void startChunking(Job& job);
    /// The job a task was started for, or null once it ended (cancelled, failed, or
    /// replaced by a new job for the same document). Every handler looks again after it
    /// emitted a signal: a connected slot may have cancelled the job.
    Job* jobFor(qint64 id, quint64 serial) const;
    void onOpened(qint64 id, quint64 serial, const OpenResult& result);
    void onPage(qint64 id, quint64 serial, const PageOutcome& outcome);
    void onChunked(quint64 serial, ChunkResult result);
    void startEmbedding(qint64 id);
    void onEmbeddingPrepared(const QString& model, domain::ProtectionClass clearance);
    void embedNext(qint64 id);
    void fail(qint64 id, const common::Error& error);
    void finish(qint64 id, index::DocumentStatus status);
    void setStatus(qint64 id, index::DocumentStatus status);
    void checkIdle();

    index::IndexDatabase& m_database;
    ImportOptions m_options;
    index::EmbeddingProvider* m_embeddings = nullptr;
    bool m_embeddingPrepared = false;  ///< the provider named its model (or none)
    bool m_embeddingPreparing = false;
    QString m_embeddingModel;
    domain::ProtectionClass m_embeddingClearance = domain::ProtectionClass::None;
    QList<qint64> m_waitingForEmbedding;
    ReaderCache m_readers; ///< declared before the pool: closed only after its threads are gone
    QThreadPool m_pool;
    QHash<qint64, Job*> m_jobs;
    QList<qint64> m_order; ///< jobs in the order they were scheduled (fairness: oldest first)
    int m_inFlight = 0;
    quint64 m_nextSerial = 0;
    int m_embeddingInFlight = 0;
};

} // namespace genius::import
