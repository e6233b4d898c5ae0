#pragma once

#include "core/index/documentrecord.h"

#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace genius::models {

/// Filters and sorts a DocumentTableModel for the data-manager tables: "Offene Zuordnung"
/// (unassigned only), "Status Upload & Pre-Processing" (a set of statuses) and a free-text
/// search on the name. Sorts each column by its meaning (date, progress, class order,
/// status order along the import), not by its display text. Lives on the GUI thread.
class DocumentFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentFilterProxy)

public:
    explicit DocumentFilterProxy(QObject* parent = nullptr);
    ~DocumentFilterProxy() override;

    /// Only documents in no collection (the open assignments).
    void setUnassignedOnly(bool unassignedOnly);
    bool unassignedOnly() const;

    /// Only documents assigned to the collection called `name` (the assignment pane); an
    /// empty name shows documents of any collection.
    void setCollectionFilter(const QString& name);
    QString collectionFilter() const;
    /// Shows no document at all (the assignment pane while no collection is chosen).
    void setShowsNothing(bool nothing);

    /// Only documents in one of `statuses`; an empty list shows every status.
    void setStatusFilter(const QList<index::DocumentStatus>& statuses);
    QList<index::DocumentStatus> statusFilter() const;
    /// The statuses of the upload table: queued, reading, indexing, embedding.
    static QList<index::DocumentStatus> unfinishedStatuses();
    /// Imports that need attention: failed and cancelled.
    static QList<index::DocumentStatus> failedStatuses();

    /// Words that must all occur in the name, ignoring case and umlauts ("mueller", "Muller"
    /// and "MÜLLER" all find "Müller.pdf"); an empty text shows every name.
    void setNameFilter(const QString& text);
    QString nameFilter() const;

    /// The form names and search words are compared in: case-folded, diacritics removed,
    /// ß as "ss" and the German transliterations ae/oe/ue as a/o/u.
    static QString foldForSearch(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool m_unassignedOnly = false;
    QString m_collection;
    bool m_nothing = false;
    QList<index::DocumentStatus> m_statuses;
    QString m_nameFilter;
    QStringList m_nameWords; ///< folded words of m_nameFilter
};

} // namespace genius::models
