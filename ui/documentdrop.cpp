#include "ui/documentdrop.h"

#include "core/models/documenttablemodel.h"

#include <QAbstractItemView>
#include <QDropEvent>
#include <QMimeData>

namespace genius::ui {

DocumentDrop::DocumentDrop(QAbstractItemView& view, DocumentsDropped onDocuments, FilesDropped onFiles)
    : QObject(&view)
    , m_view(view)
    , m_onDocuments(std::move(onDocuments))
    , m_onFiles(std::move(onFiles))
{
    view.setAcceptDrops(true);
    view.setDropIndicatorShown(true);
    view.viewport()->setAcceptDrops(true);
    view.viewport()->installEventFilter(this);
}

DocumentDrop::~DocumentDrop() = default;

bool DocumentDrop::accepts(const QMimeData* mime) const
{
    if (!mime)
        return false;
    if (mime->hasFormat(QString::fromLatin1(models::kDocumentIdsMimeType)))
        return true;
    return m_onFiles && mime->hasUrls();
}

bool DocumentDrop::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (!accepts(drag->mimeData()))
            return false;
        drag->setDropAction(Qt::LinkAction);
        drag->accept();
        return true;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        const QMimeData* mime = drop->mimeData();
        if (!accepts(mime))
            return false;
        const QList<qint64> ids = models::documentIdsFromMime(mime);
        bool taken = false;
        if (!ids.isEmpty()) {
            taken = m_onDocuments(ids, m_view.indexAt(drop->position().toPoint()));
        } else {
            QStringList paths;
            for (const QUrl& url : mime->urls()) {
                if (url.isLocalFile())
                    paths.append(url.toLocalFile());
            }
            taken = !paths.isEmpty();
            if (taken)
                m_onFiles(paths);
        }
        if (taken) {
            drop->setDropAction(Qt::LinkAction);
            drop->accept();
        } else {
            drop->ignore();
        }
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace genius::ui
