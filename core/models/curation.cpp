#include "core/models/curation.h"

#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/models/importprogressbinding.h"
#include "core/models/modelslogging.h"

#include <QFileInfo>

namespace genius::models {

Curation::Curation(index::IndexDatabase& database, import::ImportQueue& queue, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_queue(queue)
    , m_binding(std::make_unique<ImportProgressBinding>(
          queue, m_documents, [&database](qint64 id) { return database.document(id); }))
{
    // A finished import can change what a collection holds (e.g. a re-imported document).
    connect(&queue, &import::ImportQueue::finished, this, [this] { refreshCollections(); });
}

Curation::~Curation() = default;

common::Result<void> Curation::reload()
{
    const auto documents = m_database.documents();
    if (!documents)
        return std::unexpected(documents.error());
    const auto collections = m_database.collections();
    if (!collections)
        return std::unexpected(collections.error());
    m_documents.setDocuments(*documents);
    m_collections.setCollections(*collections);
    return {};
}

Curation::ImportOutcome Curation::importFiles(const QStringList& paths, domain::ProtectionClass cls)
{
    ImportOutcome outcome;
    for (const QString& path : paths) {
        const auto enqueued = m_queue.enqueue(path, cls);
        if (enqueued.error) {
            outcome.problems.append({QFileInfo(path).fileName(), *enqueued.error});
            continue;
        }
        outcome.ids.append(enqueued.id);
        // The queue reports a new job's steps, but not that it was queued: show the row now.
        refreshDocument(enqueued.id);
    }
    return outcome;
}

common::Result<void> Curation::retry(qint64 documentId)
{
    auto retried = m_queue.retry(documentId);
    refreshDocument(documentId);
    return retried;
}

void Curation::cancel(qint64 documentId)
{
    m_queue.cancel(documentId);
    refreshDocument(documentId);
}

common::Result<void> Curation::remove(qint64 documentId)
{
    m_queue.cancel(documentId);
    if (auto removed = m_database.removeDocument(documentId); !removed)
        return removed;
    m_documents.remove(documentId);
    refreshCollections();
    return {};
}

common::Result<index::CollectionRecord> Curation::createCollection(
    const QString& name, domain::ProtectionClass cls, const QString& description, const QString& tenant)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("A collection needs a name."));
    if (m_database.collection(trimmed))
        return common::fail(common::ErrorCode::InvalidArgument,
                            QStringLiteral("A collection called \"%1\" exists already.").arg(trimmed));
    auto created = m_database.createCollection(trimmed, cls);
    if (created && !description.trimmed().isEmpty())
        created = m_database.describeCollection(trimmed, description.trimmed());
    if (created && !tenant.trimmed().isEmpty())
        created = m_database.setCollectionTenant(trimmed, tenant.trimmed());
    refreshCollections();
    return created;
}

common::Result<void> Curation::renameCollection(const QString& name, const QString& newName)
{
    const auto renamed = m_database.renameCollection(name, newName.trimmed());
    if (!renamed)
        return std::unexpected(renamed.error());
    // Every document of the collection shows the collection's name.
    const auto documents = m_database.documents();
    if (documents)
        m_documents.setDocuments(*documents);
    refreshCollections();
    return {};
}

common::Result<void> Curation::describeCollection(const QString& name, const QString& description)
{
    const auto described = m_database.describeCollection(name, description.trimmed());
    if (!described)
        return std::unexpected(described.error());
    m_collections.upsert(*described);
    return {};
}

common::Result<void> Curation::setTenant(const QString& name, const QString& tenant)
{
    const auto changed = m_database.setCollectionTenant(name, tenant);
    if (!changed)
        return std::unexpected(changed.error());
    m_collections.upsert(*changed);
    return {};
}

common::Result<void> Curation::removeCollection(const QString& name)
{
    if (auto removed = m_database.removeCollection(name); !removed)
        return removed;
    const auto documents = m_database.documents();
    if (documents)
        m_documents.setDocuments(*documents);
    refreshCollections();
    return {};
}

common::Result<void> Curation::setPublished(const QString& name, bool published)
{
    const auto changed = m_database.publishCollection(name, published);
    if (!changed)
        return std::unexpected(changed.error());
    m_collections.upsert(*changed);
    return {};
}

Curation::AssignOutcome Curation::assign(const QList<qint64>& documentIds, const QString& collection)
{
    AssignOutcome outcome;
    for (const qint64 id : documentIds) {
        const auto before = m_database.document(id);
        if (!before) {
            outcome.problems.append({nameOf(id), before.error()});
            continue;
        }
        if (before->collections.contains(collection))
            continue;
        if (auto assigned = m_database.assign(id, collection); !assigned) {
            outcome.problems.append({before->name, assigned.error()});
            continue;
        }
        outcome.changed.append(id);
        refreshDocument(id);
    }
    refreshCollections();
    return outcome;
}

Curation::AssignOutcome Curation::unassign(const QList<qint64>& documentIds, const QString& collection)
{
    AssignOutcome outcome;
    for (const qint64 id : documentIds) {
        const auto removed = m_database.unassign(id, collection);
        if (!removed) {
            outcome.problems.append({nameOf(id), removed.error()});
            continue;
        }
        if (*removed) {
            outcome.changed.append(id);
            refreshDocument(id);
        }
    }
    refreshCollections();
    return outcome;
}

void Curation::refreshDocument(qint64 id)
{
    const auto record = m_database.document(id);
    if (record) {
        m_documents.upsert(*record);
        return;
    }
    if (record.error().code == common::ErrorCode::NotFound)
        m_documents.remove(id);
    else
        qCWarning(lcModels) << "cannot refresh document" << id << common::errorCodeName(record.error().code);
}

void Curation::refreshCollections()
{
    const auto collections = m_database.collections();
    if (collections)
        m_collections.setCollections(*collections);
    else
        qCWarning(lcModels) << "cannot read the collections" << common::errorCodeName(collections.error().code);
}

QString Curation::nameOf(qint64 documentId) const
{
    const int row = m_documents.rowOf(documentId);
    return row >= 0 ? m_documents.record(row).name : QString::number(documentId);
}

} // namespace genius::models
