#include "core/import/importqueue.h"

#include "core/import/importjob.h"
#include "core/import/importlogging.h"
#include "core/index/embeddingprovider.h"
#include "core/index/indexdatabase.h"

#include <QFileInfo>

#include <utility>

Q_LOGGING_CATEGORY(lcImport, "genius.import")

namespace genius::import {

using common::ErrorCode;
using index::DocumentStatus;

namespace {
constexpr int kTextPagesPerTask = 8; // text pages are fast: fewer round trips
}


ImportQueue::ImportQueue(index::IndexDatabase& database, ImportOptions options, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_options(std::move(options))
{
    const int workers = m_options.workers > 0 ? m_options.workers : QThread::idealThreadCount();
    m_pool.setMaxThreadCount(std::max(1, workers));
    // The readers are kept per thread: threads that never expire keep that set small.
    m_pool.setExpiryTimeout(-1);
}

ImportQueue::~ImportQueue()
{
    for (Job* job : std::as_const(m_jobs))
        job->cancel.cancel();
    m_pool.waitForDone();
    m_readers.clear(); // here, on this thread, not while the process exits
    qDeleteAll(m_jobs);
}

void ImportQueue::setEmbeddingProvider(index::EmbeddingProvider* provider)
{
    m_embeddings = provider;
    m_embeddingPrepared = false;
    m_embeddingPreparing = false;
    // Documents that waited for the previous provider's model go on with this one.
    const QList<qint64> waiting = std::exchange(m_waitingForEmbedding, {});
    for (qint64 id : waiting) {
        if (m_jobs.contains(id))
            startEmbedding(id);
    }
}

ImportQueue::Enqueued ImportQueue::enqueue(const QString& path, domain::ProtectionClass cls)
{
    auto digest = fileDigest(path, m_options.limits);
    if (!digest)
        return {0, false, digest.error()};
    index::NewDocument document{QFileInfo(path).fileName(), QFileInfo(path).absoluteFilePath(), digest->sha256,
                                digest->size, cls};
    const auto added = m_database.addDocument(document);
    if (!added)
        return {0, false, added.error()};
    const auto record = m_database.document(added->id);
    if (!record)
        return {added->id, added->created, record.error()};
    if (record->status == DocumentStatus::Failed) {
        if (auto reset = retry(added->id); !reset)
            return {added->id, false, reset.error()};
    } else if (record->status == DocumentStatus::Cancelled) {
        // The pages read before the cancel are kept: the import continues after them.
        setStatus(added->id, DocumentStatus::Queued);
        schedule(added->id);
    } else if (index::isUnfinished(record->status)) {
        schedule(added->id);
    }
    return {added->id, added->created, std::nullopt};
}

void ImportQueue::resume(const QList<qint64>& ids)
{
    QList<qint64> candidates = ids;
    if (candidates.isEmpty()) {
        const auto unfinished = m_database.unfinishedDocuments();
        if (!unfinished) {
            qCWarning(lcImport) << "cannot list interrupted imports:" << unfinished.error().detail;
            return;
        }
        candidates = *unfinished;
    }
    for (qint64 id : std::as_const(candidates))
        schedule(id);
    checkIdle();
}

common::Result<void> ImportQueue::retry(qint64 id)
{
    if (m_jobs.contains(id))
        return {};
    if (auto reset = m_database.resetForRetry(id); !reset)
        return reset;
    setStatus(id, DocumentStatus::Queued);
    schedule(id);
    return {};
}

void ImportQueue::cancel(qint64 id)
{
    if (Job* job = m_jobs.value(id)) {
        job->cancel.cancel();
        finish(id, DocumentStatus::Cancelled);
        return;
    }
    const auto record = m_database.document(id);
    if (record && index::isUnfinished(record->status)) {
        setStatus(id, DocumentStatus::Cancelled);
        Q_EMIT finished(id, DocumentStatus::Cancelled);
    }
}

bool ImportQueue::isIdle() const
{
    return m_jobs.isEmpty() && m_inFlight == 0;
}

void ImportQueue::schedule(qint64 id)
{
    if (m_jobs.contains(id))
        return;
    const auto record = m_database.document(id);
    if (!record || !index::isUnfinished(record->status))
        return;
    auto* job = new Job;
    job->id = id;
    job->serial = ++m_nextSerial;
    job->path = record->sourcePath;
    job->sha256 = record->sha256;
    job->name = record->name;
    job->cls = record->protectionClass;
    job->format = record->format;
    job->paged = record->paged;
    job->title = record->title;
    if (record->status == DocumentStatus::Embedding) {
        job->phase = Job::Phase::Embedding;
    } else if ((record->status == DocumentStatus::Reading || record->status == DocumentStatus::Indexing)
               && record->pagesTotal > 0 && record->pagesDone >= record->pagesTotal) {
        // Every page survived the interruption: only chunking is left.
        job->phase = Job::Phase::Chunking;
        job->pagesTotal = record->pagesTotal;
    }
    m_jobs.insert(id, job);
    m_order.append(id);
    qCInfo(lcImport) << "import scheduled: document" << id << "status" << index::documentStatusName(record->status);
    if (job->phase == Job::Phase::Embedding)
        startEmbedding(id);
    pump();
}

void ImportQueue::pump()
{
    for (qsizetype i = 0; i < m_order.size() && m_inFlight < m_pool.maxThreadCount(); ++i) {
        Job* job = m_jobs.value(m_order.at(i));
        if (!job || job->busy)
            continue;
        switch (job->phase) {
        case Job::Phase::Open:
            startOpen(*job);
            break;
        case Job::Phase::Pages:
            // A document may take every worker: its pages are independent.
            while (!job->missing.isEmpty() && m_inFlight < m_pool.maxThreadCount())
                startPages(*job);
            break;
        case Job::Phase::Chunking:
            if (job->pagesOut == 0)
                startChunking(*job);
            break;
        case Job::Phase::Embedding:
            break;
        }
    }
}

void ImportQueue::startOpen(Job& job)
{
    job.busy = true;
    ++m_inFlight;
    const qint64 id = job.id;
    OpenRequest request{&m_readers, id, job.path, job.sha256, m_options.limits, job.cancel};
    m_pool.start([this, request, serial = job.serial] {
        OpenResult result = openTask(request);
        QMetaObject::invokeMethod(
            this, [this, id = request.id, serial, result] { onOpened(id, serial, result); }, Qt::QueuedConnection);
    });
}

ImportQueue::Job* ImportQueue::jobFor(qint64 id, quint64 serial) const
{
    Job* job = m_jobs.value(id);
    return job && job->serial == serial ? job : nullptr;
}

void ImportQueue::onOpened(qint64 id, quint64 serial, const OpenResult& result)
{
    --m_inFlight;
    Job* job = jobFor(id, serial);
    if (!job) {
        pump();
        return checkIdle();
    }
    job->busy = false;
    if (!result.error.detail.isEmpty() || result.error.code == ErrorCode::Cancelled) {
        fail(id, result.error);
        return pump();
    }
    job->format = result.format;
    job->paged = result.paged;
    job->title = result.metadata.title;
    job->pagesTotal = result.pageCount;
    if (auto started = m_database.startReading(id, result.format, result.paged, result.pageCount, result.metadata.title,
                                               result.metadata.author);
        !started) {
        fail(id, started.error());
        return pump();
    }
    Q_EMIT statusChanged(id, DocumentStatus::Reading);
    if (job = jobFor(id, serial); !job) {
        pump();
        return checkIdle();
    }
    const auto stored = m_database.storedPageNumbers(id);
    if (!stored) {
        fail(id, stored.error());
        return pump();
    }
    for (int page = 1; page <= result.pageCount; ++page) {
        if (!stored->contains(page))
            job->missing.append(page);
    }
    job->pagesStored = static_cast<int>(stored->size());
    Q_EMIT progress(id, job->pagesStored, result.pageCount);
    if (job = jobFor(id, serial); !job) {
        pump();
        return checkIdle();
    }
    job->phase = job->missing.isEmpty() ? Job::Phase::Chunking : Job::Phase::Pages;
    pump();
}

void ImportQueue::startPages(Job& job)
{
    // Scanned pages take seconds each: hand them out one by one so both workers share a document.
    const int count = job.sawOcr ? 1 : std::min<int>(kTextPagesPerTask, std::max<int>(1, job.missing.size() / m_pool.maxThreadCount()));
    PageRequest request{&m_readers, job.id, job.path, m_options.limits, job.cancel, job.missing.mid(0, count)};
    job.missing.remove(0, request.pages.size());
    job.pagesOut += request.pages.size();
    ++m_inFlight;
    m_pool.start([this, request, serial = job.serial] {
        readPagesTask(request, [this, id = request.id, serial](PageOutcome outcome) {
            QMetaObject::invokeMethod(
                this, [this, id, serial, outcome = std::move(outcome)] { onPage(id, serial, outcome); },
                Qt::QueuedConnection);
        });
    });
}

void ImportQueue::onPage(qint64 id, quint64 serial, const PageOutcome& outcome)
{
    if (outcome.lastOfTask)
        --m_inFlight;
    Job* job = jobFor(id, serial);
    if (!job) {
        pump();
        return checkIdle();
    }
    --job->pagesOut;
    if (outcome.page) {
        job->sawOcr = job->sawOcr || outcome.page->ocr;
        if (auto stored = m_database.storePage(id, *outcome.page); !stored)
            return fail(id, stored.error());
        // A page number is stored once (a resumed job hands out only missing pages).
        Q_EMIT progress(id, ++job->pagesStored, job->pagesTotal);
        if (job = jobFor(id, serial); !job) {
            pump();
            return checkIdle();
        }
    } else if (outcome.error) {
        return fail(id, *outcome.error);
    }
    if (job->missing.isEmpty() && job->pagesOut == 0)
        job->phase = Job::Phase::Chunking;
    pump();
}

void ImportQueue::startChunking(Job& job)
{
    auto pages = m_database.pages(job.id, true);
    if (!pages)
        return fail(job.id, pages.error());
    const qint64 id = job.id;
    const quint64 serial = job.serial;
    setStatus(id, DocumentStatus::Indexing);
    Job* live = jobFor(id, serial); // a slot of statusChanged may have cancelled it
    if (!live)
        return;
    live->busy = true;
    ++m_inFlight;
    ChunkRequest request{id, std::move(*pages), live->format, live->paged,
                         live->title.isEmpty() ? QFileInfo(live->name).completeBaseName() : live->title,
                         m_options.chunking};
    m_pool.start([this, request = std::move(request), serial]() mutable {
        ChunkResult result = chunkTask(std::move(request));
        QMetaObject::invokeMethod(
            this, [this, serial, result = std::move(result)]() mutable { onChunked(serial, std::move(result)); },
            Qt::QueuedConnection);
    });
}

void ImportQueue::onChunked(quint64 serial, ChunkResult result)
{
    --m_inFlight;
    const qint64 id = result.id;
    Job* job = jobFor(id, serial);
    if (!job) {
        pump();
        return checkIdle();
    }
    job->busy = false;
    const bool embed = m_embeddings != nullptr;
    const auto next = embed ? DocumentStatus::Embedding : DocumentStatus::Ready;
    if (auto stored = m_database.storeChunks(id, result.pages, result.chunks, next,
                                             embed ? QStringLiteral("pending") : QStringLiteral("none"));
        !stored)
        return fail(id, stored.error());
    if (!embed)
        return finish(id, DocumentStatus::Ready);
    job->phase = Job::Phase::Embedding;
    Q_EMIT statusChanged(id, DocumentStatus::Embedding);
    if (jobFor(id, serial))
        startEmbedding(id);
    pump();
}

void ImportQueue::fail(qint64 id, const common::Error& error)
{
    if (error.code == ErrorCode::Cancelled)
        return finish(id, DocumentStatus::Cancelled);
    qCWarning(lcImport) << "import failed: document" << id << common::errorCodeName(error.code) << error.detail;
    if (auto stored = m_database.setStatus(id, DocumentStatus::Failed, &error); !stored)
        qCWarning(lcImport) << "cannot record the failure:" << stored.error().detail;
    if (Job* job = m_jobs.take(id)) {
        job->cancel.cancel();
        m_order.removeOne(id);
        delete job;
    }
    Q_EMIT statusChanged(id, DocumentStatus::Failed);
    Q_EMIT finished(id, DocumentStatus::Failed);
    pump();
    checkIdle();
}

void ImportQueue::finish(qint64 id, DocumentStatus status)
{
    // A ready document whose row says so already (stored with its chunks) is not written again.
    const auto record = m_database.document(id);
    if (status != DocumentStatus::Ready || !record || record->status != DocumentStatus::Ready)
        setStatus(id, status);
    if (Job* job = m_jobs.take(id)) {
        job->cancel.cancel();
        m_order.removeOne(id);
        delete job;
    }
    Q_EMIT finished(id, status);
    pump();
    checkIdle();
}

void ImportQueue::setStatus(qint64 id, DocumentStatus status)
{
    if (auto stored = m_database.setStatus(id, status); !stored)
        qCWarning(lcImport) << "cannot record the status:" << stored.error().detail;
    Q_EMIT statusChanged(id, status);
}

void ImportQueue::checkIdle()
{
    if (isIdle())
        Q_EMIT idle();
}

} // namespace genius::import
