#include "core/models/documenttablemodel.h"

#include "core/models/documentlabels.h"
#include "core/models/documentproblem.h"
#include "core/models/rowsync.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMimeData>
#include <QThread>

#include <algorithm>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace genius::models {

namespace {

using index::DocumentRecord;
using index::DocumentStatus;

auto fieldsOf(const DocumentRecord& r)
{
    return std::tie(r.id, r.name, r.sourcePath, r.sha256, r.size, r.format, r.protectionClass, r.status, r.errorCode,
        r.errorDetail, r.paged, r.pagesTotal, r.pagesDone, r.ocrPages, r.chunks, r.title, r.author, r.embeddingModel,
        r.embeddingState, r.addedAt, r.updatedAt, r.collections);
}

bool sameRecord(const DocumentRecord& a, const DocumentRecord& b)
{
    return fieldsOf(a) == fieldsOf(b);
}

// Models are not thread-safe by design (STYLE habit 7): catch a worker thread early in debug builds.
bool onOwnThread(const QObject* object)
{
    return QThread::currentThread() == object->thread();
}

} // namespace

QList<qint64> documentIdsFromMime(const QMimeData* mime)
{
    QList<qint64> ids;
    if (!mime || !mime->hasFormat(QString::fromLatin1(kDocumentIdsMimeType)))
        return ids;
    const QList<QByteArray> lines = mime->data(QString::fromLatin1(kDocumentIdsMimeType)).split('\n');
    for (const QByteArray& line : lines) {
        bool ok = false;
        const qint64 id = line.trimmed().toLongLong(&ok);
        if (ok && id > 0 && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

double documentProgress(const DocumentRecord& record)
{
    if (record.status == DocumentStatus::Ready)
        return 1.0;
    if (record.pagesTotal <= 0)
        return 0.0;
    return std::clamp(static_cast<double>(record.pagesDone) / record.pagesTotal, 0.0, 1.0);
}

DocumentTableModel::DocumentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

DocumentTableModel::~DocumentTableModel() = default;

int DocumentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int DocumentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DocumentRecord& record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayText(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ProblemColumn) {
            const QString detail = problemDetail(record, ocrConfidenceOf(record.id));
            return detail.isEmpty() ? QVariant() : QVariant(detail);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    default: return roleValue(record, role);
    }
}

QVariant DocumentTableModel::displayText(const DocumentRecord& record, int column) const
{
    switch (column) {
    case NameColumn: return record.name;
    case ClassColumn: return protectionClassText(record.protectionClass);
    case StatusColumn: return documentStatusText(record.status);
    case ProgressColumn: return QString(QLocale().toString(qRound(documentProgress(record) * 100.0)) + u" %"_s);
    case AddedColumn:
        return record.addedAt.isValid() ? QLocale().toString(record.addedAt.toLocalTime(), QLocale::ShortFormat)
                                        : QString();
    case CollectionsColumn: return record.collections.join(u", "_s);
    case ProblemColumn: return readableProblem(record, ocrConfidenceOf(record.id));
    default: return {};
    }
}

QVariant DocumentTableModel::roleValue(const DocumentRecord& record, int role) const
{
    switch (role) {
    case IdRole: return record.id;
    case NameRole: return record.name;
    case ClassNameRole: return domain::protectionClassName(record.protectionClass);
    case ClassRankRole: return protectionClassRank(record.protectionClass);
    case StatusNameRole: return index::documentStatusName(record.status);
    case StatusRole: return static_cast<int>(record.status);
    case ProgressRole: return documentProgress(record);
    case PagesDoneRole: return record.pagesDone;
    case PagesTotalRole: return record.pagesTotal;
    case AddedRole: return record.addedAt;
    case CollectionsRole: return record.collections;
    case UnassignedRole: return record.collections.isEmpty();
    case ProblemKindRole: return static_cast<int>(problemKind(record, ocrConfidenceOf(record.id)));
    case ErrorCodeRole: return record.errorCode;
    case ErrorDetailRole: return record.errorDetail;
    case SharedRole: return record.shared;
    default: return {};
    }
}

QVariant DocumentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return QCoreApplication::translate("DocumentTableModel", "Name");
    case ClassColumn: return QCoreApplication::translate("DocumentTableModel", "Protection class");
    case StatusColumn: return QCoreApplication::translate("DocumentTableModel", "Status");
    case ProgressColumn: return QCoreApplication::translate("DocumentTableModel", "Progress");
    case AddedColumn: return QCoreApplication::translate("DocumentTableModel", "Uploaded");
    case CollectionsColumn: return QCoreApplication::translate("DocumentTableModel", "Collections");
    case ProblemColumn: return QCoreApplication::translate("DocumentTableModel", "Problem");
    case ActionColumn: return QCoreApplication::translate("DocumentTableModel", "Action");
    default: return {};
    }
}

Qt::ItemFlags DocumentTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList DocumentTableModel::mimeTypes() const
{
    return {QString::fromLatin1(kDocumentIdsMimeType)};
}

QMimeData* DocumentTableModel::mimeData(const QModelIndexList& indexes) const
{
    QList<qint64> ids;
    for (const QModelIndex& index : indexes) {
        const qint64 id = index.data(IdRole).toLongLong();
        if (index.isValid() && id > 0 && !ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return nullptr;
    QByteArray lines;
    for (const qint64 id : std::as_const(ids))
        lines += QByteArray::number(id) + '\n';
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kDocumentIdsMimeType), lines);
    return mime;
}

Qt::DropActions DocumentTableModel::supportedDragActions() const
{
    return Qt::LinkAction | Qt::CopyAction;
}

QHash<int, QByteArray> DocumentTableModel::roleNames() const
{
    static const std::pair<int, QByteArrayView> kNames[] = {
        { IdRole, "documentId" },
        { NameRole, "name" },
        { ClassNameRole, "protectionClass" },
        { ClassRankRole, "protectionClassRank" },
        { StatusNameRole, "status" },
        { StatusRole, "statusValue" },
        { ProgressRole, "progress" },
        { PagesDoneRole, "pagesDone" },
        { PagesTotalRole, "pagesTotal" },
        { AddedRole, "addedAt" },
        { CollectionsRole, "collections" },
        { UnassignedRole, "unassigned" },
        { ProblemKindRole, "problemKind" },
        { ErrorCodeRole, "errorCode" },
        { ErrorDetailRole, "errorDetail" },
    };
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    for (const auto& [role, name] : kNames)
        names.insert(role, name.toByteArray());
    return names;
}

void DocumentTableModel::setDocuments(const QList<DocumentRecord>& documents)
{
    Q_ASSERT(onOwnThread(this));
    syncRows(m_records, documents, sameRecord,
             {[this](int first, int last) {
                  beginRemoveRows({}, first, last);
                  for (int row = first; row <= last; ++row)
                      m_ocrConfidence.remove(m_records.at(row).id);
              },
              [this] { endRemoveRows(); }, [this](int first, int last) { emitRowsChanged(first, last); },
              [this](int first, int last) { beginInsertRows({}, first, last); }, [this] { endInsertRows(); },
              [this] { rebuildRowIndex(); }});
}

void DocumentTableModel::upsert(const DocumentRecord& document)
{
    Q_ASSERT(onOwnThread(this));
    const int row = rowOf(document.id);
    if (row >= 0) {
        if (!sameRecord(m_records.at(row), document)) {
            m_records[row] = document;
            emitRowsChanged(row, row);
        }
        return;
    }
    const int last = static_cast<int>(m_records.size());
    beginInsertRows({}, last, last);
    m_records.append(document);
    m_rowOfId.insert(document.id, last);
    endInsertRows();
}

bool DocumentTableModel::remove(qint64 id)
{
    Q_ASSERT(onOwnThread(this));
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_records.removeAt(row);
    m_ocrConfidence.remove(id);
    rebuildRowIndex();
    endRemoveRows();
    return true;
}

bool DocumentTableModel::setProgress(qint64 id, int pagesDone, int pagesTotal)
{
    Q_ASSERT(onOwnThread(this));
    const int row = rowOf(id);
    if (row < 0)
        return false;
    DocumentRecord& record = m_records[row];
    if (record.pagesDone == pagesDone && record.pagesTotal == pagesTotal)
        return true;
    record.pagesDone = pagesDone;
    record.pagesTotal = pagesTotal;
    const QModelIndex cell = index(row, ProgressColumn);
    Q_EMIT dataChanged(cell, cell);
    return true;
}

bool DocumentTableModel::setStatus(qint64 id, DocumentStatus status)
{
    Q_ASSERT(onOwnThread(this));
    const int row = rowOf(id);
    if (row < 0)
        return false;
    DocumentRecord& record = m_records[row];
    if (record.status == status)
        return true;
    if (status == DocumentStatus::Queued) {
        // A retried job starts over: the queue reset its pages and its failure.
        record.pagesDone = 0;
        record.errorCode.clear();
        record.errorDetail.clear();
    } else if (index::isUnfinished(status)) {
        record.errorCode.clear();
        record.errorDetail.clear();
    }
    record.status = status;
    // Status, progress (ready means 1) and problem all follow from the status.
    emitRowsChanged(row, row);
    return true;
}

bool DocumentTableModel::setOcrConfidence(qint64 id, double meanConfidence)
{
    Q_ASSERT(onOwnThread(this));
    const int row = rowOf(id);
    if (row < 0)
        return false;
    if (m_ocrConfidence.value(id, -1.0) == meanConfidence)
        return true;
    m_ocrConfidence.insert(id, meanConfidence);
    const QModelIndex cell = index(row, ProblemColumn);
    Q_EMIT dataChanged(cell, cell);
    return true;
}

int DocumentTableModel::rowOf(qint64 id) const
{
    return m_rowOfId.value(id, -1);
}

DocumentRecord DocumentTableModel::record(int row) const
{
    if (row < 0 || row >= m_records.size())
        return {};
    return m_records.at(row);
}

double DocumentTableModel::ocrConfidenceOf(qint64 id) const
{
    // A value set by hand wins; else the mean the index stored with the record.
    if (const auto set = m_ocrConfidence.constFind(id); set != m_ocrConfidence.cend())
        return *set;
    const qsizetype row = m_rowOfId.value(id, -1);
    return row >= 0 ? m_records.at(row).ocrConfidence : -1.0;
}

void DocumentTableModel::rebuildRowIndex()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(m_records.size());
    for (int row = 0; row < m_records.size(); ++row)
        m_rowOfId.insert(m_records.at(row).id, row);
}

void DocumentTableModel::emitRowsChanged(int first, int last)
{
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

} // namespace genius::models
