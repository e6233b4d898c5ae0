#pragma once

#include "core/common/error.h"
#include "core/domain/protectionclass.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace genius::sharedstore {

class StoreConnection;

/// A live collection of the connected user's tenant as the store has it.
struct StoreCollection {
    qint64 id = 0;
    QString name;
    QString description;
    QString tenant;
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
    bool published = false;
    int documents = 0; ///< live documents assigned to it that the user may see
    qint64 revision = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// The tenant's live collections by name. What the user sees is the server's decision (row-level
/// security): data managers all of their tenant's, staff the published ones.
common::Result<QList<StoreCollection>> storeCollections(const StoreConnection& connection);

/// The live collection `name` (exact spelling) of the user's tenant as the user may see it;
/// NotFound when there is none, or none the server shows the user.
common::Result<StoreCollection> storeCollection(const StoreConnection& connection, const QString& name);

} // namespace genius::sharedstore
