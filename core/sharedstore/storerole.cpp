#include "core/sharedstore/storerole.h"

#include <QRegularExpression>

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;

QString storeRoleName(StoreRole role)
{
    switch (role) {
    case StoreRole::DataManager: return QStringLiteral("data-manager");
    case StoreRole::Staff: return QStringLiteral("staff");
    }
    return QStringLiteral("staff");
}

QString storeGroupRole(StoreRole role)
{
    switch (role) {
    case StoreRole::DataManager: return QStringLiteral("genius_data_manager");
    case StoreRole::Staff: return QStringLiteral("genius_staff");
    }
    return QStringLiteral("genius_staff");
}

std::optional<StoreRole> parseStoreRole(const QString& name)
{
    if (name == storeRoleName(StoreRole::DataManager))
        return StoreRole::DataManager;
    if (name == storeRoleName(StoreRole::Staff))
        return StoreRole::Staff;
    return std::nullopt;
}

common::Result<void> validateUserName(const QString& name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!plain.match(name).hasMatch())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The user name \"%1\" is not valid: use 1 to 63 lower-case letters, digits and "
                           "underscores, starting with a letter or underscore.")
                .arg(name));
    if (name.startsWith(QLatin1String("pg_")) || name == QLatin1String("public") || name == QLatin1String("genius")
        || name == storeGroupRole(StoreRole::DataManager) || name == storeGroupRole(StoreRole::Staff))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The user name \"%1\" is reserved.").arg(name));
    return {};
}

common::Result<void> validateTenantName(const QString& name)
{
    if (name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The tenant name is empty."));
    if (name.size() > 200)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The tenant name is longer than 200 characters."));
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("The tenant name contains control characters."));
    }
    return {};
}

} // namespace genius::sharedstore
