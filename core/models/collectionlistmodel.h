#pragma once

#include "core/index/documentrecord.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

namespace genius::models {

/// The collections (Kollektionen) of the data-manager view, one row per CollectionRecord.
/// Lives on the GUI thread and is changed only there; updates keep rows in place.
class CollectionListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionListModel)

public:
    /// Roles beside Qt's. DisplayRole is "Name (n Dokumente)", ToolTipRole the description.
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64 collection id
        NameRole, ///< QString
        ClassNameRole, ///< QString "none" | "normal" | "high" | "very-high"
        ClassRankRole, ///< int 0..3 (none < normal < high < very-high)
        ClassTextRole, ///< QString translated class ("hoch")
        DescriptionRole, ///< QString
        TenantRole, ///< QString (Mandant / Dienststelle)
        PublishedRole, ///< bool
        DocumentCountRole, ///< int
        CreatedRole, ///< QDateTime
        SharedRole, ///< bool: a read-only copy of a collection of the shared store
    };
    Q_ENUM(Role)

    explicit CollectionListModel(QObject* parent = nullptr);
    ~CollectionListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Applies the difference to `collections` by id: vanished ids are removed, changed
    /// records report dataChanged, new ids are appended in the given order.
    void setCollections(const QList<index::CollectionRecord>& collections);
    /// Replaces the row with the same id or appends one.
    void upsert(const index::CollectionRecord& collection);
    /// Removes the row of `id`; false when there is none.
    bool remove(qint64 id);

    /// The row of `id`, or -1.
    int rowOf(qint64 id) const;
    /// The row of the collection called `name`, or -1.
    int rowOfName(const QString& name) const;
    /// The record shown in `row`; a default record (id 0) for a row out of range.
    index::CollectionRecord collection(int row) const;

private:
    void rebuildRowIndex();

    QList<index::CollectionRecord> m_records;
    QHash<qint64, int> m_rowOfId;
};

} // namespace genius::models
