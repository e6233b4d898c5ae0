#pragma once

#include <QString>

namespace genius::settings {
class Settings;
}

namespace genius::storage {

/// What a user may do with collections: staff research published collections; data
/// managers also create, fill, publish and delete them.
enum class Role { Staff, DataManager };

/// Where the role came from, for messages and the UI ("policy", "local-profile", "store").
enum class RoleSource { Policy, LocalProfile, Store };

/// The role in effect and why.
struct RoleDecision {
    Role role = Role::Staff;
    RoleSource source = RoleSource::LocalProfile;
};

/// The role of the user on this workstation: the policy key roles/role when policy sets it
/// (machine defaults and the user's own settings cannot); otherwise, with a shared store
/// (store/url), the user's grant there as the last sync found it (`storeRole`: "data-manager"
/// or "staff"; empty when unknown); otherwise the profile is the user's own local store and the
/// user manages their own collections (data manager). A value that is not a known role counts
/// as staff.
RoleDecision effectiveRole(const settings::Settings& settings, const QString& storeRole = {});

/// The spelling of a role in settings and the CLI: "staff" or "data-manager".
QString roleName(Role role);

/// The spelling of a role's source: "policy", "local-profile" or "store".
QString roleSourceName(RoleSource source);

} // namespace genius::storage
