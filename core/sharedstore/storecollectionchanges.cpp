#include "core/sharedstore/storecollectionchanges.h"

#include "core/sharedstore/sharedstorelogging.h"
#include "core/sharedstore/storeconnection.h"

#include <QSqlQuery>

#include <functional>

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;
using common::Result;
using domain::ProtectionClass;

namespace {

/// Runs `work` in one transaction after locking the tenant's row. The lock comes first so that
/// the checks of `work` ("is the name free?", "is it assigned already?") cannot race with another
/// data manager of the tenant; the revision trigger would serialise the writes only from the
/// first one on.
template<typename T>
Result<T> tenantTransaction(const StoreConnection& connection, const std::function<Result<T>()>& work)
{
    Result<T> outcome = fail(ErrorCode::Unreachable, QString());
    const auto done = connection.transaction([&]() -> Result<void> {
        const auto tenant = connection.value(
            QStringLiteral("SELECT id FROM genius.tenants WHERE id = genius.current_tenant() FOR UPDATE"), {},
            QStringLiteral("lock the tenant for changing its collections"));
        if (!tenant)
            return std::unexpected(tenant.error());
        if (tenant->isNull())
            return fail(ErrorCode::Denied,
                QStringLiteral(
                    "The store user belongs to no tenant; only a tenant's data managers may change collections."));
        outcome = work();
        if (!outcome)
            return std::unexpected(outcome.error());
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return outcome;
}

/// InvalidArgument when a live collection of the tenant other than `exceptId` has `name`, in any
/// letter case (the unique index compares exactly; two names differing in case only confuse).
Result<void> requireFreeName(const StoreConnection& connection, const QString& name, qint64 exceptId)
{
    const auto taken = connection.value(
        QStringLiteral("SELECT name FROM genius.collections WHERE tenant_id = genius.current_tenant() AND NOT deleted "
                       "AND lower(name) = lower(?) AND id <> ? ORDER BY id LIMIT 1"),
        { name, exceptId }, QStringLiteral("look up the collection's name"));
    if (!taken)
        return std::unexpected(taken.error());
    if (!taken->isNull())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("A collection named \"%1\" exists already in the shared store.").arg(taken->toString()));
    return {};
}

/// The live document `id` of the tenant: its name, class and original. NotFound for another tenant's.
struct DocumentRow {
    QString name;
    ProtectionClass protectionClass = ProtectionClass::VeryHigh;
    QString originalSha256;
};

Result<DocumentRow> documentRow(const StoreConnection& connection, qint64 id)
{
    auto query = connection.query(
        QStringLiteral("SELECT name, class, original_sha256 FROM genius.documents WHERE id = ? "
                       "AND tenant_id = genius.current_tenant() AND NOT deleted"),
        { id }, QStringLiteral("look up the document"));
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(
            ErrorCode::NotFound, QStringLiteral("There is no document with id %1 in the shared store.").arg(id));
    return DocumentRow { query->value(0).toString(),
        domain::parseProtectionClass(query->value(1).toString()).value_or(ProtectionClass::VeryHigh),
        query->value(2).toString() };
}

/// The live assignment's id, or 0.
Result<qint64> assignmentId(const StoreConnection& connection, qint64 documentId, qint64 collectionId)
{
    const auto id = connection.value(
        QStringLiteral("SELECT id FROM genius.assignments WHERE document_id = ? AND collection_id = ? AND NOT deleted"),
        { documentId, collectionId }, QStringLiteral("look up the assignment"));
    if (!id)
        return std::unexpected(id.error());
    return id->isNull() ? 0 : id->toLongLong();
}

Result<void> run(const StoreConnection& connection, const QString& sql, const QVariantList& values,
    const QString& action)
{
    if (auto done = connection.query(sql, values, action); !done)
        return std::unexpected(done.error());
    return {};
}

} // namespace

Result<StoreCollection> createStoreCollection(
    const StoreConnection& connection, const QString& name, ProtectionClass cls, const QString& description)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A collection needs a name."));
    if (cls == ProtectionClass::VeryHigh)
        return fail(ErrorCode::Refused,
            QStringLiteral("A collection of the shared store cannot have the class very-high: such documents never "
                           "leave this workstation."));
    return tenantTransaction<StoreCollection>(connection, [&]() -> Result<StoreCollection> {
        if (auto free = requireFreeName(connection, trimmed, 0); !free)
            return std::unexpected(free.error());
        // Unpublished, like a new local collection: staff see it once a data manager publishes it.
        // (The driver sends a null QString, an absent description, as NULL.)
        if (auto created = run(connection,
                QStringLiteral("INSERT INTO genius.collections (tenant_id, name, class, description, published) "
                               "VALUES (genius.current_tenant(), ?, ?, coalesce(?, ''), false)"),
                { trimmed, domain::protectionClassName(cls), description.trimmed() },
                QStringLiteral("create the collection"));
            !created)
            return std::unexpected(created.error());
        qCDebug(lcSharedStore) << "created a store collection of class" << domain::protectionClassName(cls);
        return storeCollection(connection, trimmed);
    });
}

Result<StoreCollection> deleteStoreCollection(const StoreConnection& connection, const QString& name)
{
    return tenantTransaction<StoreCollection>(connection, [&]() -> Result<StoreCollection> {
        auto collection = storeCollection(connection, name);
        if (!collection)
            return collection;
        // DELETE, not UPDATE: the keep_tombstone trigger turns each into a tombstone with a new
        // revision, so syncing clients learn what went. The documents stay.
        if (auto removed = run(connection,
                QStringLiteral("DELETE FROM genius.assignments WHERE collection_id = ? AND NOT deleted"),
                { collection->id }, QStringLiteral("remove the collection's assignments"));
            !removed)
            return std::unexpected(removed.error());
        if (auto removed = run(connection,
                QStringLiteral("DELETE FROM genius.collections WHERE id = ? AND NOT deleted"), { collection->id },
                QStringLiteral("delete the collection"));
            !removed)
            return std::unexpected(removed.error());
        auto tombstone = connection.query(
            QStringLiteral("SELECT revision, updated_at FROM genius.collections WHERE id = ? AND deleted"),
            { collection->id }, QStringLiteral("read the deleted collection"));
        if (!tombstone)
            return std::unexpected(tombstone.error());
        if (!tombstone->next())
            return fail(ErrorCode::Unreachable,
                QStringLiteral("The store did not keep the deleted collection \"%1\" as a tombstone.").arg(name));
        collection->revision = tombstone->value(0).toLongLong();
        collection->updatedAt = tombstone->value(1).toDateTime();
        return collection;
    });
}

Result<StoreCollection> renameStoreCollection(
    const StoreConnection& connection, const QString& name, const QString& newName)
{
    const QString trimmed = newName.trimmed();
    return tenantTransaction<StoreCollection>(connection, [&]() -> Result<StoreCollection> {
        const auto collection = storeCollection(connection, name);
        if (!collection)
            return collection;
        if (trimmed.isEmpty())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("A collection needs a name."));
        if (trimmed == collection->name)
            return collection;
        if (auto free = requireFreeName(connection, trimmed, collection->id); !free)
            return std::unexpected(free.error());
        if (auto renamed = run(connection, QStringLiteral("UPDATE genius.collections SET name = ? WHERE id = ?"),
                { trimmed, collection->id }, QStringLiteral("rename the collection"));
            !renamed)
            return std::unexpected(renamed.error());
        return storeCollection(connection, trimmed);
    });
}

Result<StoreCollection> describeStoreCollection(
    const StoreConnection& connection, const QString& name, const QString& description)
{
    const QString trimmed = description.trimmed();
    return tenantTransaction<StoreCollection>(connection, [&]() -> Result<StoreCollection> {
        const auto collection = storeCollection(connection, name);
        if (!collection || collection->description == trimmed)
            return collection;
        if (auto changed = run(connection,
                QStringLiteral("UPDATE genius.collections SET description = coalesce(?, '') WHERE id = ?"),
                { trimmed, collection->id }, QStringLiteral("describe the collection"));
            !changed)
            return std::unexpected(changed.error());
        return storeCollection(connection, name);
    });
}

Result<StoreCollection> publishStoreCollection(const StoreConnection& connection, const QString& name, bool published)
{
    return tenantTransaction<StoreCollection>(connection, [&]() -> Result<StoreCollection> {
        const auto collection = storeCollection(connection, name);
        if (!collection || collection->published == published)
            return collection;
        if (auto changed = run(connection, QStringLiteral("UPDATE genius.collections SET published = ? WHERE id = ?"),
                { published, collection->id },
                published ? QStringLiteral("publish the collection") : QStringLiteral("unpublish the collection"));
            !changed)
            return std::unexpected(changed.error());
        return storeCollection(connection, name);
    });
}

namespace {

/// The collection, the document and their live assignment (0: none) an assignment change is about.
struct AssignmentTarget {
    StoreCollection collection;
    DocumentRow document;
    qint64 assignment = 0;
};

Result<AssignmentTarget> assignmentTarget(
    const StoreConnection& connection, qint64 documentId, const QString& collectionName)
{
    const auto collection = storeCollection(connection, collectionName);
    if (!collection)
        return std::unexpected(collection.error());
    const auto document = documentRow(connection, documentId);
    if (!document)
        return std::unexpected(document.error());
    const auto present = assignmentId(connection, documentId, collection->id);
    if (!present)
        return std::unexpected(present.error());
    return AssignmentTarget { *collection, *document, *present };
}

/// Runs `sql` with `values` when `change` changes anything, then reads the collection again.
Result<StoreAssignmentChange> applyChange(const StoreConnection& connection, StoreAssignmentChange change,
    const QString& sql, const QVariantList& values, const QString& action)
{
    if (!change.changed)
        return change;
    if (auto done = run(connection, sql, values, action); !done)
        return std::unexpected(done.error());
    const auto after = storeCollection(connection, change.collection.name);
    if (!after)
        return std::unexpected(after.error());
    change.collection = *after;
    return change;
}

} // namespace

Result<StoreAssignmentChange> assignStoreDocument(
    const StoreConnection& connection, qint64 documentId, const QString& collectionName)
{
    return tenantTransaction<StoreAssignmentChange>(connection, [&]() -> Result<StoreAssignmentChange> {
        const auto target = assignmentTarget(connection, documentId, collectionName);
        if (!target)
            return std::unexpected(target.error());
        const ProtectionClass cap = target->collection.protectionClass;
        if (domain::higherOf(target->document.protectionClass, cap) != cap)
            return fail(ErrorCode::Refused,
                QStringLiteral("Document %1 has class %2, above the class %3 of the store's collection \"%4\".")
                    .arg(documentId)
                    .arg(domain::protectionClassName(target->document.protectionClass),
                        domain::protectionClassName(cap), target->collection.name));
        return applyChange(connection,
            { target->collection, documentId, target->document.name, target->assignment == 0 },
            QStringLiteral("INSERT INTO genius.assignments (tenant_id, document_id, collection_id) "
                           "VALUES (genius.current_tenant(), ?, ?)"),
            { documentId, target->collection.id }, QStringLiteral("assign the document"));
    });
}

Result<StoreAssignmentChange> unassignStoreDocument(
    const StoreConnection& connection, qint64 documentId, const QString& collectionName)
{
    return tenantTransaction<StoreAssignmentChange>(connection, [&]() -> Result<StoreAssignmentChange> {
        const auto target = assignmentTarget(connection, documentId, collectionName);
        if (!target)
            return std::unexpected(target.error());
        // The trigger keeps the assignment as a tombstone (and reports no deleted row, hence the
        // look-up of its id).
        return applyChange(connection,
            { target->collection, documentId, target->document.name, target->assignment != 0 },
            QStringLiteral("DELETE FROM genius.assignments WHERE id = ?"), { target->assignment },
            QStringLiteral("take the document out of the collection"));
    });
}

Result<void> eraseDocumentContent(
    const StoreConnection& connection, qint64 documentId, ErasedRows rows, const QString& action)
{
    // UPDATE, not DELETE (which the keep_tombstone trigger turns into the same tombstone), so the
    // content goes in the same write.
    const bool liveOnly = rows == ErasedRows::Live;
    const QString liveEmbeddings = liveOnly ? QStringLiteral(" AND NOT e.deleted") : QString();
    const QString liveRows = liveOnly ? QStringLiteral(" AND NOT deleted") : QString();
    const QStringList statements {
        QStringLiteral("UPDATE genius.embeddings e SET deleted = true, vector = decode(repeat('00', 4 * e.dimension), "
                       "'hex') FROM genius.chunks c WHERE c.id = e.chunk_id AND c.document_id = ?%1")
            .arg(liveEmbeddings),
        QStringLiteral("UPDATE genius.chunks SET deleted = true, heading = '', text = '' WHERE document_id = ?%1")
            .arg(liveRows),
        QStringLiteral("UPDATE genius.pages SET deleted = true, text = '', words = NULL WHERE document_id = ?%1")
            .arg(liveRows),
    };
    for (const QString& sql : statements) {
        if (auto erased = run(connection, sql, { documentId }, action); !erased)
            return erased;
    }
    return {};
}

Result<StoreWithdrawal> withdrawStoreDocument(const StoreConnection& connection, qint64 documentId)
{
    return tenantTransaction<StoreWithdrawal>(connection, [&]() -> Result<StoreWithdrawal> {
        const auto document = documentRow(connection, documentId);
        if (!document)
            return std::unexpected(document.error());
        StoreWithdrawal withdrawal { documentId, document->name, {}, 0 };
        auto collections = connection.query(
            QStringLiteral("SELECT c.name FROM genius.assignments a JOIN genius.collections c ON c.id = a.collection_id "
                           "WHERE a.document_id = ? AND NOT a.deleted AND NOT c.deleted ORDER BY c.name"),
            { documentId }, QStringLiteral("look up the document's collections"));
        if (!collections)
            return std::unexpected(collections.error());
        while (collections->next())
            withdrawal.collections.append(collections->value(0).toString());
        // Tombstones with their content erased: also the tombstones of earlier versions of the
        // document, since a withdrawal is how a document published by mistake leaves the
        // authority's store. The document's own row goes last.
        const QString action = QStringLiteral("withdraw the document");
        if (auto erased = eraseDocumentContent(connection, documentId, ErasedRows::All, action); !erased)
            return std::unexpected(erased.error());
        for (const QString& sql :
            { QStringLiteral("DELETE FROM genius.assignments WHERE document_id = ? AND NOT deleted"),
                QStringLiteral("UPDATE genius.documents SET deleted = true, name = 'withdrawn', metadata = '{}', "
                               "original_sha256 = NULL WHERE id = ?") }) {
            if (auto withdrawn = run(connection, sql, { documentId }, action); !withdrawn)
                return std::unexpected(withdrawn.error());
        }
        // The file goes once no document of the tenant (live or not) refers to it.
        const auto erased = connection.value(
            QStringLiteral("WITH gone AS (DELETE FROM genius.originals o WHERE o.tenant_id = genius.current_tenant() "
                           "AND o.sha256 = ? AND NOT EXISTS (SELECT 1 FROM genius.documents d WHERE d.tenant_id = "
                           "o.tenant_id AND d.original_sha256 = o.sha256) RETURNING 1) SELECT count(*) FROM gone"),
            { document->originalSha256 }, QStringLiteral("erase the withdrawn document's original"));
        if (!erased)
            return std::unexpected(erased.error());
        withdrawal.originalErased = erased->toLongLong() > 0;
        const auto revision = connection.value(
            QStringLiteral("SELECT revision FROM genius.tenants WHERE id = genius.current_tenant()"), {},
            QStringLiteral("read the tenant's revision"));
        if (!revision)
            return std::unexpected(revision.error());
        withdrawal.revision = revision->toLongLong();
        qCDebug(lcSharedStore) << "withdrew a store document from" << withdrawal.collections.size() << "collection(s)";
        return withdrawal;
    });
}

} // namespace genius::sharedstore
