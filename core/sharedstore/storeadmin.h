#pragma once

#include "core/common/error.h"
#include "core/sharedstore/storerole.h"

#include <QString>

#include <optional>

namespace genius::sharedstore {

class StoreConnection;

/// Who is connected to the store, as `store status` reports it.
struct StoreStatus {
    QString user; ///< current_user
    QString tenant; ///< empty when the user belongs to no tenant
    std::optional<StoreRole> role; ///< no value for the administrator and for strangers
    bool administrator = false; ///< owns the schema (or is a superuser)
    int schemaVersion = 0; ///< 0: not initialised
};

/// What `store grant` is asked to do.
struct GrantRequest {
    QString user;
    QString tenant;
    StoreRole role = StoreRole::Staff;
    QString password; ///< never logged; sent only as its SCRAM verifier (StoreConnection::passwordVerifier)
};

/// What `store grant` did.
struct GrantOutcome {
    QString user;
    QString tenant;
    StoreRole role = StoreRole::Staff;
    bool created = false; ///< a new login role (false: an existing user's password, tenant and role changed)
    bool newTenant = false;
};

/// `store init`: creates the schema, or upgrades it, to `target` (default: latest) and returns
/// the version. Denied unless the connected user administers the store (an existing schema's
/// owner, or for a new store a user allowed to create roles and schemas). Idempotent.
common::Result<int> initializeStore(const StoreConnection& connection, int target = -1);

/// `store grant`: creates the login role `user` (or changes an existing store user's password),
/// makes it a member of exactly the group role of `role`, and records its tenant, creating the
/// tenant when missing; one transaction. InvalidArgument for a bad name, tenant or password and
/// for an existing role that is not a user of this store; Denied for a non-administrator;
/// NotFound when the store is not initialised.
common::Result<GrantOutcome> grantStoreUser(const StoreConnection& connection, const GrantRequest& request);

/// `store status`: the connected user, its tenant and role, and the schema version.
common::Result<StoreStatus> storeStatus(const StoreConnection& connection);

} // namespace genius::sharedstore
