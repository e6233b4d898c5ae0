#include "core/sharedstore/storeadmin.h"

#include "core/sharedstore/sqlquoting.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storeschema.h"

#include <QSqlQuery>

namespace genius::sharedstore {

using common::Error;
using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

// PostgreSQL's limit for passwords it prepares for SCRAM (MAX_PASSWORD_LENGTH).
constexpr qsizetype kMaxPasswordBytes = 1024;

Result<void> validatePassword(const QString& password)
{
    if (password.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The password is empty."));
    if (password.contains(QChar(u'\0')))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The password contains a NUL character."));
    if (password.toUtf8().size() > kMaxPasswordBytes)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The password is longer than 1024 bytes."));
    return {};
}

/// An error whose sentence is sure not to carry the password (servers rarely echo statements,
/// but a password in a message would end up on a terminal and in logs).
Error withoutPassword(Error error, const QString& password)
{
    if (!password.isEmpty())
        error.detail.replace(password, QStringLiteral("***"));
    return error;
}

Result<bool> exists(
    const StoreConnection& connection, const QString& sql, const QVariantList& values, const QString& action)
{
    const auto row = connection.value(sql, values, action);
    if (!row)
        return std::unexpected(row.error());
    return row->isValid() && !row->isNull();
}

/// Everything of a grant after the checks, inside its transaction.
Result<GrantOutcome> applyGrant(const StoreConnection& connection, const GrantRequest& request)
{
    GrantOutcome outcome { request.user, request.tenant, request.role, false, false };
    const QString role = quoteIdentifier(request.user);
    // The password goes to the server only as its SCRAM verifier (never into a statement log).
    const auto verifier = connection.passwordVerifier(request.user, request.password);
    if (!verifier)
        return std::unexpected(verifier.error());
    const auto roleExists = exists(connection, QStringLiteral("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?"),
        { request.user }, QStringLiteral("look up the role"));
    if (!roleExists)
        return std::unexpected(roleExists.error());
    if (*roleExists) {
        // Only users this store created are changed: never an unrelated role of the server
        // (another application's, or the administrator's own).
        const auto member = exists(connection, QStringLiteral("SELECT 1 FROM genius.memberships WHERE member = ?"),
            { request.user }, QStringLiteral("look up the user"));
        if (!member)
            return std::unexpected(member.error());
        if (!*member)
            return fail(ErrorCode::InvalidArgument,
                QStringLiteral("The role \"%1\" already exists on the server and is not a user of this store; "
                               "choose another name.")
                    .arg(request.user));
        if (auto altered = connection.exec(QStringLiteral("ALTER ROLE %1 WITH LOGIN INHERIT PASSWORD %2")
                                               .arg(role, quoteLiteral(*verifier)),
                QStringLiteral("change the role \"%1\"").arg(request.user));
            !altered)
            return std::unexpected(altered.error());
    } else {
        if (auto created = connection.exec(QStringLiteral("CREATE ROLE %1 WITH LOGIN INHERIT PASSWORD %2")
                                               .arg(role, quoteLiteral(*verifier)),
                QStringLiteral("create the role \"%1\"").arg(request.user));
            !created)
            return std::unexpected(created.error());
        outcome.created = true;
    }

    // Exactly one group role: the other one is taken away first.
    for (const StoreRole other : { StoreRole::DataManager, StoreRole::Staff }) {
        if (other == request.role)
            continue;
        const auto isMember = exists(connection,
            QStringLiteral("SELECT 1 FROM pg_catalog.pg_auth_members am "
                           "JOIN pg_catalog.pg_roles g ON g.oid = am.roleid "
                           "JOIN pg_catalog.pg_roles m ON m.oid = am.member "
                           "WHERE g.rolname = ? AND m.rolname = ?"),
            { storeGroupRole(other), request.user }, QStringLiteral("look up the user's roles"));
        if (!isMember)
            return std::unexpected(isMember.error());
        if (*isMember) {
            if (auto revoked
                = connection.exec(QStringLiteral("REVOKE %1 FROM %2").arg(quoteIdentifier(storeGroupRole(other)), role),
                    QStringLiteral("revoke the role %1").arg(storeGroupRole(other)));
                !revoked)
                return std::unexpected(revoked.error());
        }
    }
    if (auto granted
        = connection.exec(QStringLiteral("GRANT %1 TO %2").arg(quoteIdentifier(storeGroupRole(request.role)), role),
            QStringLiteral("grant the role %1").arg(storeGroupRole(request.role)));
        !granted)
        return std::unexpected(granted.error());

    const auto inserted = connection.value(
        QStringLiteral("INSERT INTO genius.tenants (name) VALUES (?) ON CONFLICT (name) DO NOTHING RETURNING id"),
        { request.tenant }, QStringLiteral("create the tenant"));
    if (!inserted)
        return std::unexpected(inserted.error());
    outcome.newTenant = inserted->isValid() && !inserted->isNull();
    const auto tenantId = outcome.newTenant
        ? inserted
        : connection.value(QStringLiteral("SELECT id FROM genius.tenants WHERE name = ?"), { request.tenant },
            QStringLiteral("look up the tenant"));
    if (!tenantId)
        return std::unexpected(tenantId.error());
    if (auto recorded
        = connection.query(QStringLiteral("INSERT INTO genius.memberships (member, tenant_id, role) VALUES (?, ?, ?) "
                                          "ON CONFLICT (member) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, "
                                          "role = EXCLUDED.role, granted_at = now()"),
            { request.user, *tenantId, storeRoleName(request.role) }, QStringLiteral("record the user's tenant"));
        !recorded)
        return std::unexpected(recorded.error());
    return outcome;
}

} // namespace

Result<int> initializeStore(const StoreConnection& connection, int target)
{
    const auto administrator = isStoreAdministrator(connection);
    if (!administrator)
        return std::unexpected(administrator.error());
    const auto version = storeSchemaVersion(connection);
    if (!version)
        return std::unexpected(version.error());
    // A new store is created by whoever the server lets create roles and schemas; an existing
    // one is changed only by its owner: a tenant user reading an up-to-date schema must not
    // get "done" from store init.
    if (*version > 0 && !*administrator)
        return fail(ErrorCode::Denied,
            QStringLiteral("Only the store's administrator (the owner of the schema genius) may initialise or "
                           "upgrade the store; %1 is not.")
                .arg(connection.address().user.isEmpty() ? QStringLiteral("this user") : connection.address().user));
    return migrateStore(connection, target < 0 ? latestStoreVersion() : target);
}

Result<GrantOutcome> grantStoreUser(const StoreConnection& connection, const GrantRequest& raw)
{
    GrantRequest request = raw;
    request.tenant = request.tenant.trimmed();
    if (auto valid = validateUserName(request.user); !valid)
        return std::unexpected(valid.error());
    if (auto valid = validateTenantName(request.tenant); !valid)
        return std::unexpected(valid.error());
    if (auto valid = validatePassword(request.password); !valid)
        return std::unexpected(valid.error());

    const auto version = storeSchemaVersion(connection);
    if (!version)
        return std::unexpected(version.error());
    if (*version == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("The store is not initialised; run 'store init' first."));
    const auto administrator = isStoreAdministrator(connection);
    if (!administrator)
        return std::unexpected(administrator.error());
    if (!*administrator)
        return fail(ErrorCode::Denied, QStringLiteral("Only the store's administrator may grant users."));

    Result<GrantOutcome> outcome = fail(ErrorCode::Unreachable, QString());
    const auto done = connection.transaction([&]() -> Result<void> {
        outcome = applyGrant(connection, request);
        if (!outcome)
            return std::unexpected(outcome.error());
        return {};
    });
    if (!done)
        return std::unexpected(withoutPassword(done.error(), request.password));
    return outcome;
}

Result<StoreStatus> storeStatus(const StoreConnection& connection)
{
    StoreStatus status;
    const auto user = connection.value(QStringLiteral("SELECT current_user"), {}, QStringLiteral("read the user name"));
    if (!user)
        return std::unexpected(user.error());
    status.user = user->toString();
    const auto administrator = isStoreAdministrator(connection);
    if (!administrator)
        return std::unexpected(administrator.error());
    status.administrator = *administrator;
    const auto version = storeSchemaVersion(connection);
    if (!version)
        return std::unexpected(version.error());
    status.schemaVersion = *version;
    if (*version == 0)
        return status;
    auto membership
        = connection.query(QStringLiteral("SELECT t.name, m.role FROM genius.memberships m "
                                          "JOIN genius.tenants t ON t.id = m.tenant_id WHERE m.member = current_user"),
            {}, QStringLiteral("read the user's tenant"));
    if (!membership)
        return std::unexpected(membership.error());
    if (membership->next()) {
        status.tenant = membership->value(0).toString();
        status.role = parseStoreRole(membership->value(1).toString());
    }
    return status;
}

} // namespace genius::sharedstore
