#include "core/models/collectionlistmodel.h"

#include "core/models/documentlabels.h"
#include "core/models/rowsync.h"

#include <QCoreApplication>
#include <QThread>

#include <tuple>
#include <utility>

namespace genius::models {

namespace {

using index::CollectionRecord;

auto fieldsOf(const CollectionRecord& r)
{
    return std::tie(r.id, r.name, r.description, r.tenant, r.protectionClass, r.published, r.createdAt, r.documents, r.shared);
}

bool sameRecord(const CollectionRecord& a, const CollectionRecord& b)
{
    return fieldsOf(a) == fieldsOf(b);
}

// Models are not thread-safe by design (STYLE habit 7): catch a worker thread early in debug builds.
bool onOwnThread(const QObject* object)
{
    return QThread::currentThread() == object->thread();
}

} // namespace

CollectionListModel::CollectionListModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

CollectionListModel::~CollectionListModel() = default;

int CollectionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

QVariant CollectionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CollectionRecord& record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // %n first (plural forms), then the name, so a "%1" inside a name stays literal.
        if (record.shared)
            return QCoreApplication::translate("CollectionListModel", "%1 (%n document(s), shared)", nullptr,
                                               record.documents)
                .arg(record.name);
        return QCoreApplication::translate("CollectionListModel", "%1 (%n document(s))", nullptr, record.documents)
            .arg(record.name);
    case Qt::ToolTipRole: return record.description.isEmpty() ? QVariant() : QVariant(record.description);
    case IdRole: return record.id;
    case NameRole: return record.name;
    case ClassNameRole: return domain::protectionClassName(record.protectionClass);
    case ClassRankRole: return protectionClassRank(record.protectionClass);
    case ClassTextRole: return protectionClassText(record.protectionClass);
    case DescriptionRole: return record.description;
    case TenantRole: return record.tenant;
    case PublishedRole: return record.published;
    case DocumentCountRole: return record.documents;
    case CreatedRole: return record.createdAt;
    case SharedRole: return record.shared;
    default: return {};
    }
}

QHash<int, QByteArray> CollectionListModel::roleNames() const
{
    static const std::pair<int, QByteArrayView> kNames[] = {
        { IdRole, "collectionId" },
        { NameRole, "name" },
        { ClassNameRole, "protectionClass" },
        { ClassRankRole, "protectionClassRank" },
        { ClassTextRole, "protectionClassText" },
        { DescriptionRole, "description" },
        { TenantRole, "tenant" },
        { PublishedRole, "published" },
        { DocumentCountRole, "documentCount" },
        { CreatedRole, "createdAt" },
        { SharedRole, "shared" },
    };
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    for (const auto& [role, name] : kNames)
        names.insert(role, name.toByteArray());
    return names;
}

void CollectionListModel::setCollections(const QList<CollectionRecord>& collections)
{
    Q_ASSERT(onOwnThread(this));
    syncRows(m_records, collections, sameRecord,
             {[this](int first, int last) { beginRemoveRows({}, first, last); }, [this] { endRemoveRows(); },
              [this](int first, int last) { Q_EMIT dataChanged(index(first), index(last)); },
              [this](int first, int last) { beginInsertRows({}, first, last); }, [this] { endInsertRows(); },
              [this] { rebuildRowIndex(); }});
}

void CollectionListModel::upsert(const CollectionRecord& collection)
{
    Q_ASSERT(onOwnThread(this));
    const int row = rowOf(collection.id);
    if (row >= 0) {
        if (!sameRecord(m_records.at(row), collection)) {
            m_records[row] = collection;
            Q_EMIT dataChanged(index(row), index(row));
        }
        return;
    }
    const int last = static_cast<int>(m_records.size());
    beginInsertRows({}, last, last);
    m_records.append(collection);
    m_rowOfId.insert(collection.id, last);
    endInsertRows();
}

bool CollectionListModel::remove(qint64 id)
{
    Q_ASSERT(onOwnThread(this));
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_records.removeAt(row);
    rebuildRowIndex();
    endRemoveRows();
    return true;
}

int CollectionListModel::rowOf(qint64 id) const
{
    return m_rowOfId.value(id, -1);
}

int CollectionListModel::rowOfName(const QString& name) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).name == name)
            return row;
    }
    return -1;
}

CollectionRecord CollectionListModel::collection(int row) const
{
    if (row < 0 || row >= m_records.size())
        return {};
    return m_records.at(row);
}

void CollectionListModel::rebuildRowIndex()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(m_records.size());
    for (int row = 0; row < m_records.size(); ++row)
        m_rowOfId.insert(m_records.at(row).id, row);
}

} // namespace genius::models
