#pragma once

#include <QModelIndex>
#include <QObject>
#include <QStringList>

#include <functional>

class QAbstractItemView;

namespace genius::ui {

/// Makes an item view a drop target for documents dragged from a document table (their
/// ids) and, optionally, for files dragged from the file manager. Installed on the view's
/// viewport; the view itself needs no subclass.
class DocumentDrop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentDrop)

public:
    /// Called with the dropped ids and the item under the cursor (invalid between items);
    /// returns false to refuse the drop (e.g. no collection under the cursor).
    using DocumentsDropped = std::function<bool(const QList<qint64>& ids, const QModelIndex& target)>;
    using FilesDropped = std::function<void(const QStringList& paths)>;

    DocumentDrop(QAbstractItemView& view, DocumentsDropped onDocuments, FilesDropped onFiles = {});
    ~DocumentDrop() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool accepts(const QMimeData* mime) const;

    QAbstractItemView& m_view;
    DocumentsDropped m_onDocuments;
    FilesDropped m_onFiles;
};

} // namespace genius::ui
