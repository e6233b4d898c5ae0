#include "core/sharedstore/storecollections.h"

#include "core/sharedstore/storeconnection.h"

#include <QSqlQuery>

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

// No tenant filter here on purpose: the policies show each user exactly its share, so the
// listing cannot disagree with what the server would let the user read.
const char* const kCollectionSelect
    = "SELECT c.id, c.name, c.description, t.name, c.class, c.published, "
      "(SELECT count(*) FROM genius.assignments a JOIN genius.documents d ON d.id = a.document_id "
      " WHERE a.collection_id = c.id AND NOT a.deleted AND NOT d.deleted), "
      "c.revision, c.created_at, c.updated_at "
      "FROM genius.collections c LEFT JOIN genius.tenants t ON t.id = c.tenant_id "
      "WHERE NOT c.deleted";

StoreCollection collectionFrom(const QSqlQuery& query)
{
    StoreCollection collection;
    collection.id = query.value(0).toLongLong();
    collection.name = query.value(1).toString();
    collection.description = query.value(2).toString();
    collection.tenant = query.value(3).toString();
    collection.protectionClass
        = domain::parseProtectionClass(query.value(4).toString()).value_or(domain::ProtectionClass::VeryHigh);
    collection.published = query.value(5).toBool();
    collection.documents = query.value(6).toInt();
    collection.revision = query.value(7).toLongLong();
    collection.createdAt = query.value(8).toDateTime();
    collection.updatedAt = query.value(9).toDateTime();
    return collection;
}

} // namespace

Result<QList<StoreCollection>> storeCollections(const StoreConnection& connection)
{
    auto query = connection.query(QLatin1String(kCollectionSelect) + QLatin1String(" ORDER BY c.name, c.id"), {},
        QStringLiteral("list the store's collections"));
    if (!query)
        return std::unexpected(query.error());
    QList<StoreCollection> collections;
    while (query->next())
        collections.append(collectionFrom(*query));
    return collections;
}

Result<StoreCollection> storeCollection(const StoreConnection& connection, const QString& name)
{
    // The tenant is named here, unlike in the listing: a name means the user's own collection.
    auto query = connection.query(QLatin1String(kCollectionSelect)
            + QLatin1String(" AND c.tenant_id = genius.current_tenant() AND c.name = ?"),
        { name }, QStringLiteral("read the store's collection"));
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(ErrorCode::NotFound,
            QStringLiteral("There is no collection named \"%1\" in the shared store.").arg(name));
    return collectionFrom(*query);
}

} // namespace genius::sharedstore
