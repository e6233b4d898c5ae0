#include "core/models/importprogressbinding.h"

#include "core/import/importqueue.h"
#include "core/models/documenttablemodel.h"
#include "core/models/modelslogging.h"

#include <algorithm>
#include <utility>

namespace genius::models {

using index::DocumentStatus;

namespace {
constexpr int kDefaultCoalescingMs = 40;
}

ImportProgressBinding::ImportProgressBinding(
    import::ImportQueue& queue, DocumentTableModel& model, RecordSource source, QObject* parent)
    : QObject(parent)
    , m_model(&model)
    , m_source(std::move(source))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultCoalescingMs);
    connect(&m_timer, &QTimer::timeout, this, &ImportProgressBinding::flush);
    connect(&queue, &import::ImportQueue::progress, this, &ImportProgressBinding::onProgress);
    connect(&queue, &import::ImportQueue::statusChanged, this, &ImportProgressBinding::onStatusChanged);
    connect(&queue, &import::ImportQueue::finished, this, &ImportProgressBinding::onFinished);
}

ImportProgressBinding::~ImportProgressBinding() = default;

void ImportProgressBinding::setCoalescingInterval(int milliseconds)
{
    m_timer.setInterval(std::max(0, milliseconds));
    if (milliseconds <= 0)
        flush();
}

int ImportProgressBinding::coalescingInterval() const
{
    return m_timer.interval();
}

void ImportProgressBinding::flush()
{
    m_timer.stop();
    const auto pending = std::exchange(m_pending, {});
    if (!m_model)
        return;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        m_model->setProgress(it.key(), it->done, it->total);
}

void ImportProgressBinding::onProgress(qint64 id, int pagesDone, int pagesTotal)
{
    if (!m_model || !ensureRow(id))
        return;
    if (m_timer.interval() == 0) {
        m_model->setProgress(id, pagesDone, pagesTotal);
        return;
    }
    m_pending.insert(id, Pages { pagesDone, pagesTotal });
    if (!m_timer.isActive())
        m_timer.start();
}

void ImportProgressBinding::onStatusChanged(qint64 id, DocumentStatus status)
{
    if (!m_model || !ensureRow(id))
        return;
    // Progress held back belongs before the new status (a retry resets the pages to 0).
    flushOne(id);
    // The queue stores an outcome (failure detail, chunks) before it reports it: show that
    // record rather than a bare status.
    if (index::isUnfinished(status) || !refresh(id))
        m_model->setStatus(id, status);
}

void ImportProgressBinding::onFinished(qint64 id, DocumentStatus status)
{
    if (!m_model)
        return;
    m_pending.remove(id); // the fresh record has the final page counts
    m_unreadable.remove(id); // the job is over: worth one more try
    if (refresh(id))
        return;
    // Without a record (the database refused), the status the queue reported is still right.
    m_model->setStatus(id, status);
}

void ImportProgressBinding::flushOne(qint64 id)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const Pages pages = *it;
    m_pending.erase(it);
    m_model->setProgress(id, pages.done, pages.total);
}

bool ImportProgressBinding::ensureRow(qint64 id)
{
    if (m_model->rowOf(id) >= 0)
        return true;
    // Not again for every page report of a document whose record cannot be read.
    return !m_unreadable.contains(id) && refresh(id);
}

bool ImportProgressBinding::refresh(qint64 id)
{
    if (!m_source)
        return false;
    const auto record = m_source(id);
    if (!record) {
        if (!m_unreadable.contains(id))
            qCWarning(lcModels) << "cannot refresh document" << id << common::errorCodeName(record.error().code);
        m_unreadable.insert(id);
        return false;
    }
    m_unreadable.remove(id);
    m_model->upsert(*record);
    return true;
}

} // namespace genius::models
