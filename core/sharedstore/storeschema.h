#pragma once

#include "core/common/error.h"

namespace genius::sharedstore {

class StoreConnection;

/// The schema version this build creates and understands (the last migration).
int latestStoreVersion();

/// The version recorded in genius.genius_schema: 0 when the schema does not exist yet.
/// Denied when the connected user may not read it.
common::Result<int> storeSchemaVersion(const StoreConnection& connection);

/// True when the connected user may change the schema: the owner of the schema genius (or a
/// member of the owning role) or a superuser. False also when the schema does not exist yet.
common::Result<bool> isStoreAdministrator(const StoreConnection& connection);

/// Applies the migrations after the current version up to `target` (default: the latest), each
/// in its own transaction under an advisory lock, so concurrent runs apply each migration once.
/// Returns the version afterwards. A store newer than this build is refused (Corrupt) and left
/// alone; a failed migration is rolled back completely.
common::Result<int> migrateStore(const StoreConnection& connection, int target = latestStoreVersion());

} // namespace genius::sharedstore
