#include "core/storage/role.h"

#include "core/settings/settings.h"

namespace genius::storage {

namespace {

/// Anything but the exact data-manager spelling is staff: the side that changes nothing.
Role roleFromValue(const QString& value)
{
    return value == roleName(Role::DataManager) ? Role::DataManager : Role::Staff;
}

} // namespace

RoleDecision effectiveRole(const settings::Settings& settings, const QString& storeRole)
{
    const QString& key = settings::keys::RoleName;
    switch (settings.source(key)) {
    case settings::Source::Policy:
        // An invalid policy value keeps the key locked at the table default, which is staff.
        return {roleFromValue(settings.text(key)), RoleSource::Policy};
    case settings::Source::Machine: // the key is policy-only: settings ignore it there
    case settings::Source::Default:
    case settings::Source::User:
    case settings::Source::Session:
        break; // roles/role is not the user's to set; only the administrator layers count
    }
    // With a shared collection store the store's grant decides, as the last sync found it.
    if (!storeRole.isEmpty() && !settings.text(settings::keys::StoreUrl).isEmpty())
        return {roleFromValue(storeRole), RoleSource::Store};
    return {Role::DataManager, RoleSource::LocalProfile};
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Staff:
        return QStringLiteral("staff");
    case Role::DataManager:
        return QStringLiteral("data-manager");
    }
    return QStringLiteral("staff");
}

QString roleSourceName(RoleSource source)
{
    switch (source) {
    case RoleSource::Policy:
        return QStringLiteral("policy");
    case RoleSource::LocalProfile:
        return QStringLiteral("local-profile");
    case RoleSource::Store:
        return QStringLiteral("store");
    }
    return QStringLiteral("local-profile");
}

} // namespace genius::storage
