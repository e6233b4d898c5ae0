#pragma once

#include "core/index/documentrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

class QMimeData;

namespace genius::models {

/// The documents of the data-manager view, one row per DocumentRecord, for both the
/// "Offene Zuordnung" and the "Status Upload & Pre-Processing" tables (through
/// DocumentFilterProxy). Lives on the GUI thread and is changed only there. Updates keep
/// rows in place (no model reset), so selections and persistent indexes survive a refresh.
class DocumentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentTableModel)

public:
    enum Column {
        NameColumn,
        ClassColumn,
        StatusColumn,
        ProgressColumn,
        AddedColumn,
        CollectionsColumn,
        ProblemColumn,
        ActionColumn, ///< no text: where a view puts the row's action ("Zuordnen", "Retry")
        ColumnCount
    };
    Q_ENUM(Column)

    /// Roles beside Qt's; every role answers on every column of a row.
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64 document id
        NameRole, ///< QString file name
        ClassNameRole, ///< QString "none" | "normal" | "high" | "very-high"
        ClassRankRole, ///< int 0..3 for sorting (none < normal < high < very-high)
        StatusNameRole, ///< QString "queued", "reading", ... (index::documentStatusName)
        StatusRole, ///< int value of index::DocumentStatus
        ProgressRole, ///< double 0..1 for a progress-bar delegate (1 when ready)
        PagesDoneRole, ///< int
        PagesTotalRole, ///< int (0 until the file was opened)
        AddedRole, ///< QDateTime of the upload
        CollectionsRole, ///< QStringList of collection names
        UnassignedRole, ///< bool: in no collection ("Offene Zuordnung")
        ProblemKindRole, ///< int value of models::ProblemKind
        ErrorCodeRole, ///< QString common::errorCodeName, empty without failure
        ErrorDetailRole, ///< QString untranslated detail sentence
        SharedRole, ///< bool: a read-only copy of a document of the shared store
    };
    Q_ENUM(Role)

    explicit DocumentTableModel(QObject* parent = nullptr);
    ~DocumentTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    /// Translated column titles (context "DocumentTableModel").
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    /// Rows can be dragged (onto collections); the drag carries the documents' ids.
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    /// Applies the difference to `documents` by id: rows of vanished ids are removed, rows of
    /// changed records report dataChanged, new ids are appended in the given order.
    void setDocuments(const QList<index::DocumentRecord>& documents);
    /// Replaces the row with the same id (dataChanged) or appends a row.
    void upsert(const index::DocumentRecord& document);
    /// Removes the row of `id`; false when there is none.
    bool remove(qint64 id);
    /// Live progress of the import; false when the id has no row.
    bool setProgress(qint64 id, int pagesDone, int pagesTotal);
    /// Live status of the import; a job that starts again drops its old failure. False when
    /// the id has no row.
    bool setStatus(qint64 id, index::DocumentStatus status);
    /// The mean OCR confidence of a document's pages (see meanOcrConfidence()), which
    /// DocumentRecord does not carry: below kLowOcrConfidence a ready row reports a problem.
    bool setOcrConfidence(qint64 id, double meanConfidence);

    /// The row of `id`, or -1.
    int rowOf(qint64 id) const;
    /// The record shown in `row`; a default record (id 0) for a row out of range.
    index::DocumentRecord record(int row) const;

private:
    QVariant displayText(const index::DocumentRecord& record, int column) const;
    QVariant roleValue(const index::DocumentRecord& record, int role) const;
    double ocrConfidenceOf(qint64 id) const;
    void rebuildRowIndex();
    void emitRowsChanged(int first, int last);

    QList<index::DocumentRecord> m_records;
    QHash<qint64, int> m_rowOfId;
    QHash<qint64, double> m_ocrConfidence;
};

/// The MIME type of dragged documents: their ids, one decimal number per line.
inline constexpr char kDocumentIdsMimeType[] = "application/x-genius-document-ids";
/// The document ids a drag carries (in drag order, without repeats); empty for other data.
QList<qint64> documentIdsFromMime(const QMimeData* mime);

/// Progress 0..1 of one record: 1 when ready, pages done over pages total otherwise.
double documentProgress(const index::DocumentRecord& record);

} // namespace genius::models
