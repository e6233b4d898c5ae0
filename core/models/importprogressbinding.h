#pragma once

#include "core/common/error.h"
#include "core/index/documentrecord.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace genius::import {
class ImportQueue;
}

namespace genius::models {

class DocumentTableModel;

/// Feeds an ImportQueue's signals into a DocumentTableModel: status at once, page progress
/// coalesced (a text PDF reports hundreds of pages a second; the view needs ~25 updates a
/// second at most), and on `finished` the fresh record from `source` (chunks, embedding
/// state, failure); a job's final status also shows the stored record. A signal for a
/// document the model lacks (just enqueued) adds its row.
///
/// Thread assumption: the queue, the model and this binding live on the GUI thread; the
/// queue emits there, so the connections are direct. Should the queue move to another
/// thread, Qt's automatic connection type queues its signals to this object's thread, and
/// `source` is then still called here, on the GUI thread.
class ImportProgressBinding final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportProgressBinding)

public:
    /// Reads one document's current record, e.g. `[&db](qint64 id) { return db.document(id); }`.
    using RecordSource = std::function<common::Result<index::DocumentRecord>(qint64 id)>;

    /// Connects at once; the model must outlive the binding or be destroyed with it.
    ImportProgressBinding(
        import::ImportQueue& queue, DocumentTableModel& model, RecordSource source, QObject* parent = nullptr);
    ~ImportProgressBinding() override;

    /// How long page progress is held back to coalesce it (default 40 ms; 0 applies every
    /// report at once).
    void setCoalescingInterval(int milliseconds);
    int coalescingInterval() const;

    /// Applies the progress held back so far.
    void flush();

private:
    struct Pages {
        int done = 0;
        int total = 0;
    };

    void onProgress(qint64 id, int pagesDone, int pagesTotal);
    void onStatusChanged(qint64 id, index::DocumentStatus status);
    void onFinished(qint64 id, index::DocumentStatus status);
    void flushOne(qint64 id);
    bool ensureRow(qint64 id);
    bool refresh(qint64 id);

    QPointer<DocumentTableModel> m_model;
    RecordSource m_source;
    QHash<qint64, Pages> m_pending;
    QSet<qint64> m_unreadable; ///< ids whose record `source` could not give
    QTimer m_timer;
};

} // namespace genius::models
