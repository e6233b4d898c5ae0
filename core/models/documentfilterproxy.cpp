#include "core/models/documentfilterproxy.h"

#include "core/models/documenttablemodel.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace genius::models {

namespace {

using index::DocumentStatus;

// -1, 0 or 1 for two values of one sort key.
template<typename T> int compareValues(const T& a, const T& b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

DocumentFilterProxy::DocumentFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // Progress and status change while the view is open: keep the order and the filter live.
    setDynamicSortFilter(true);
}

DocumentFilterProxy::~DocumentFilterProxy() = default;

void DocumentFilterProxy::setUnassignedOnly(bool unassignedOnly)
{
    if (m_unassignedOnly == unassignedOnly)
        return;
    m_unassignedOnly = unassignedOnly;
    invalidateFilter();
}

bool DocumentFilterProxy::unassignedOnly() const
{
    return m_unassignedOnly;
}

void DocumentFilterProxy::setCollectionFilter(const QString& name)
{
    if (m_collection == name)
        return;
    m_collection = name;
    invalidateFilter();
}

QString DocumentFilterProxy::collectionFilter() const
{
    return m_collection;
}

void DocumentFilterProxy::setShowsNothing(bool nothing)
{
    if (m_nothing == nothing)
        return;
    m_nothing = nothing;
    invalidateFilter();
}

void DocumentFilterProxy::setStatusFilter(const QList<DocumentStatus>& statuses)
{
    if (m_statuses == statuses)
        return;
    m_statuses = statuses;
    invalidateFilter();
}

QList<DocumentStatus> DocumentFilterProxy::statusFilter() const
{
    return m_statuses;
}

QList<DocumentStatus> DocumentFilterProxy::unfinishedStatuses()
{
    return { DocumentStatus::Queued, DocumentStatus::Reading, DocumentStatus::Indexing, DocumentStatus::Embedding };
}

QList<DocumentStatus> DocumentFilterProxy::failedStatuses()
{
    return { DocumentStatus::Failed, DocumentStatus::Cancelled };
}

void DocumentFilterProxy::setNameFilter(const QString& text)
{
    if (m_nameFilter == text)
        return;
    m_nameFilter = text;
    m_nameWords = foldForSearch(text).split(QChar(u' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

QString DocumentFilterProxy::nameFilter() const
{
    return m_nameFilter;
}

QString DocumentFilterProxy::foldForSearch(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // the diaeresis of ä, the accent of é
        if (c == u'ß' || c == u'ẞ') {
            folded += u"ss"_s;
            continue;
        }
        folded += c.isSpace() ? QChar(u' ') : c.toCaseFolded();
    }
    // Both sides are folded alike, so "Mueller" and "Müller" meet at "muller".
    folded.replace(u"ae"_s, u"a"_s).replace(u"oe"_s, u"o"_s).replace(u"ue"_s, u"u"_s);
    return folded;
}

bool DocumentFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_nothing)
        return false;
    const QModelIndex cell = sourceModel()->index(sourceRow, DocumentTableModel::NameColumn, sourceParent);
    if (m_unassignedOnly && !cell.data(DocumentTableModel::UnassignedRole).toBool())
        return false;
    if (!m_collection.isEmpty()
        && !cell.data(DocumentTableModel::CollectionsRole).toStringList().contains(m_collection))
        return false;
    if (!m_statuses.isEmpty()) {
        const auto status = static_cast<DocumentStatus>(cell.data(DocumentTableModel::StatusRole).toInt());
        if (!m_statuses.contains(status))
            return false;
    }
    if (!m_nameWords.isEmpty()) {
        const QString name = foldForSearch(cell.data(DocumentTableModel::NameRole).toString());
        for (const QString& word : m_nameWords) {
            if (!name.contains(word))
                return false;
        }
    }
    return true;
}

bool DocumentFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    int order = 0;
    switch (left.column()) {
    case DocumentTableModel::ClassColumn:
        order = compareValues(left.data(DocumentTableModel::ClassRankRole).toInt(),
            right.data(DocumentTableModel::ClassRankRole).toInt());
        break;
    case DocumentTableModel::StatusColumn:
        order = compareValues(
            left.data(DocumentTableModel::StatusRole).toInt(), right.data(DocumentTableModel::StatusRole).toInt());
        break;
    case DocumentTableModel::ProgressColumn:
        order = compareValues(left.data(DocumentTableModel::ProgressRole).toDouble(),
            right.data(DocumentTableModel::ProgressRole).toDouble());
        break;
    case DocumentTableModel::AddedColumn:
        order = compareValues(left.data(DocumentTableModel::AddedRole).toDateTime(),
            right.data(DocumentTableModel::AddedRole).toDateTime());
        break;
    default:
        // Text columns in the German dictionary order (DIN 5007-1: ä as a, ß as ss).
        order = foldForSearch(left.data(Qt::DisplayRole).toString())
                    .compare(foldForSearch(right.data(Qt::DisplayRole).toString()));
        break;
    }
    if (order != 0)
        return order < 0;
    // Equal keys: by name, then by id, so the order never depends on the source's.
    order = foldForSearch(left.data(DocumentTableModel::NameRole).toString())
                .compare(foldForSearch(right.data(DocumentTableModel::NameRole).toString()));
    if (order != 0)
        return order < 0;
    return left.data(DocumentTableModel::IdRole).toLongLong() < right.data(DocumentTableModel::IdRole).toLongLong();
}

} // namespace genius::models
