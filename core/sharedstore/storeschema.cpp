#include "core/sharedstore/storeschema.h"

#include "core/sharedstore/sharedstorelogging.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storemigrations.h"

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

// "genius" in ASCII: the advisory lock every migrating session takes first.
constexpr qint64 kMigrationLock = 0x67656e697573;

Result<bool> schemaExists(const StoreConnection& connection)
{
    // The catalogs are readable by everybody, the schema itself only by its users.
    const auto exists = connection.value(QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c "
                                                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                                        "WHERE n.nspname = 'genius' AND c.relname = 'genius_schema')"),
        {}, QStringLiteral("look for the store's schema"));
    if (!exists)
        return std::unexpected(exists.error());
    return exists->toBool();
}

} // namespace

int latestStoreVersion()
{
    return static_cast<int>(storeMigrations().size());
}

Result<int> storeSchemaVersion(const StoreConnection& connection)
{
    const auto exists = schemaExists(connection);
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists)
        return 0;
    const auto version = connection.value(QStringLiteral("SELECT coalesce(max(version), 0) FROM genius.genius_schema"),
        {}, QStringLiteral("read the store's schema version"));
    if (!version)
        return std::unexpected(version.error());
    return version->toInt();
}

Result<bool> isStoreAdministrator(const StoreConnection& connection)
{
    const auto administrator = connection.value(
        QStringLiteral("SELECT pg_catalog.pg_has_role(current_user, n.nspowner, 'MEMBER') "
                       "OR (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) "
                       "FROM pg_catalog.pg_namespace n WHERE n.nspname = 'genius'"),
        {}, QStringLiteral("check the administrator's rights"));
    if (!administrator)
        return std::unexpected(administrator.error());
    return administrator->toBool();
}

Result<int> migrateStore(const StoreConnection& connection, int target)
{
    const auto current = storeSchemaVersion(connection);
    if (!current)
        return std::unexpected(current.error());
    if (*current > latestStoreVersion())
        return fail(ErrorCode::Corrupt,
            QStringLiteral("The store has schema version %1, newer than this version of NRW.Genius understands "
                           "(%2); update it before using this store.")
                .arg(*current)
                .arg(latestStoreVersion()));
    target = std::min(target, latestStoreVersion());
    int version = *current;
    for (const StoreMigration& migration : storeMigrations()) {
        if (migration.version <= version || migration.version > target)
            continue;
        const auto applied = connection.transaction([&]() -> Result<void> {
            if (auto locked = connection.value(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), { kMigrationLock },
                    QStringLiteral("lock the store for the migration"));
                !locked)
                return std::unexpected(locked.error());
            // Another session may have migrated while this one waited for the lock.
            const auto now = storeSchemaVersion(connection);
            if (!now)
                return std::unexpected(now.error());
            if (*now >= migration.version)
                return {};
            const QString action = QStringLiteral("apply migration %1 of the store").arg(migration.version);
            for (const char* statement : migration.statements) {
                if (auto done = connection.exec(QString::fromUtf8(statement), action); !done)
                    return done;
            }
            if (auto recorded
                = connection.query(QStringLiteral("INSERT INTO genius.genius_schema (version) VALUES (?)"),
                    { migration.version }, action);
                !recorded)
                return std::unexpected(recorded.error());
            qCDebug(lcSharedStore) << "store schema migrated to version" << migration.version;
            return {};
        });
        if (!applied)
            return std::unexpected(applied.error());
        version = migration.version;
    }
    return version;
}

} // namespace genius::sharedstore
