#include "app/cli/storesession.h"

#include "app/cli/command.h"
#include "app/cli/output.h"
#include "core/security/storepasswordsource.h"
#include "core/settings/settings.h"
#include "core/sharedstore/sharedstorelogging.h"
#include "core/sharedstore/storeaddress.h"
#include "core/sharedstore/storeadmin.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storeschema.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace genius::cli {

namespace {

/// The keychain's password for `account`, or empty when there is none or the keychain cannot
/// be used (then libpq's PGPASSWORD or ~/.pgpass apply). Waits in a local event loop:
/// openConfiguredStore is synchronous for all its callers (import, collections, store). The
/// wait ends with the keychain's own 10 s timeout at the latest.
QString keychainPassword(security::SecretStore& secrets, const QString& account)
{
    std::optional<common::Result<QString>> answer;
    QEventLoop loop;
    security::StorePasswordSource(secrets).read(account, &loop, [&answer, &loop](common::Result<QString> secret) {
        answer = std::move(secret);
        loop.quit();
    });
    if (!answer)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!answer) // the application is quitting (an interrupt)
        return QString();
    if (!*answer) {
        if (answer->error().code != common::ErrorCode::NotFound)
            qCDebug(lcSharedStore) << "no keychain for the store password:" << answer->error().detail;
        return QString();
    }
    return **answer;
}

} // namespace

bool storeConfigured(const CommandContext& context)
{
    return !context.settings.text(settings::keys::StoreUrl).isEmpty();
}

bool storeGivenForThisRun(const CommandContext& context)
{
    return storeConfigured(context) && context.settings.source(settings::keys::StoreUrl) == settings::Source::Session;
}

std::optional<sharedstore::StoreAddress> configuredStoreAddress(CommandContext& context, ExitCode* failure)
{
    const QString url = context.settings.text(settings::keys::StoreUrl);
    if (url.isEmpty()) {
        // The context of `store`, where these sentences were first translated.
        context.output.error(QCoreApplication::translate("StoreCommand",
            "No shared store is configured: pass --store postgresql://user@host/database or set store/url."));
        *failure = ExitCode::Usage;
        return std::nullopt;
    }
    auto address = sharedstore::parseStoreUrl(url);
    if (!address) {
        context.output.error(address.error().detail);
        *failure = ExitCode::BadInput;
        return std::nullopt;
    }
    if (address->password.isEmpty())
        address->password = context.storePassword;
    address->caCertificateFiles = context.settings.list(settings::keys::NetworkCaCertificates);
    return std::move(*address);
}

std::unique_ptr<sharedstore::StoreConnection> openConfiguredStore(CommandContext& context, ExitCode* failure)
{
    auto address = configuredStoreAddress(context, failure);
    if (!address)
        return nullptr;
    if (address->password.isEmpty())
        address->password = keychainPassword(context.secrets, sharedstore::storeAccount(*address));
    auto connection = sharedstore::StoreConnection::open(*address);
    if (!connection) {
        context.output.error(connection.error().detail);
        *failure = exitCodeFor(connection.error());
        return nullptr;
    }
    return std::move(*connection);
}

std::unique_ptr<sharedstore::StoreConnection> openStoreAsDataManager(
    CommandContext& context, const QString& action, ExitCode* failure)
{
    auto connection = openConfiguredStore(context, failure);
    if (!connection)
        return nullptr;
    const auto status = sharedstore::storeStatus(*connection);
    if (!status) {
        context.output.error(status.error().detail);
        *failure = exitCodeFor(status.error());
        return nullptr;
    }
    if (status->schemaVersion == 0) {
        context.output.error(QCoreApplication::translate(
            "StoreSession", "The shared store is not initialised; its administrator runs 'store init' first."));
        *failure = ExitCode::BadInput;
        return nullptr;
    }
    if (status->schemaVersion > sharedstore::latestStoreVersion()) {
        context.output.error(QCoreApplication::translate("StoreSession",
            "The shared store has schema version %1, newer than this genius-cli understands; update it.")
                                 .arg(status->schemaVersion));
        *failure = ExitCode::BadInput;
        return nullptr;
    }
    if (status->role == sharedstore::StoreRole::DataManager)
        return connection;
    if (status->role == sharedstore::StoreRole::Staff)
        context.output.error(QCoreApplication::translate(
            "StoreSession", "Only data managers may %1; %2 is staff of \"%3\" in the shared store.")
                                 .arg(action, status->user, status->tenant));
    else
        context.output.error(QCoreApplication::translate(
            "StoreSession", "Only data managers may %1; %2 is no data manager of any tenant of the shared store.")
                                 .arg(action, status->user));
    *failure = ExitCode::GatewayRefused;
    return nullptr;
}

} // namespace genius::cli
