#pragma once

#include "core/common/error.h"

#include <QString>

#include <optional>

namespace genius::sharedstore {

/// What a user of the store may do: data managers read and write their tenant's rows, staff
/// read its published collections. Each is a NOLOGIN group role of the server.
enum class StoreRole { DataManager, Staff };

/// "data-manager" or "staff" (the CLI's and the membership table's spelling).
QString storeRoleName(StoreRole role);
/// The group role of the server: "genius_data_manager" or "genius_staff".
QString storeGroupRole(StoreRole role);
/// The role for "data-manager" or "staff"; no value for anything else.
std::optional<StoreRole> parseStoreRole(const QString& name);

/// Checks a user name for `store grant`: it becomes a role name of the server, so it must be
/// a plain lower-case identifier ([a-z_][a-z0-9_]{0,62}) that is not reserved (pg_…, the
/// group roles, public). InvalidArgument with one sentence otherwise.
common::Result<void> validateUserName(const QString& name);

/// Checks a tenant name: not blank, at most 200 characters, no control characters.
common::Result<void> validateTenantName(const QString& name);

} // namespace genius::sharedstore
