#pragma once

#include "app/cli/exitcode.h"
#include "core/sharedstore/storeaddress.h"

#include <memory>
#include <optional>

namespace genius::sharedstore {
class StoreConnection;
}

namespace genius::cli {

struct CommandContext;

/// True when a shared store is configured: `--store URL` for this run or the setting store/url.
bool storeConfigured(const CommandContext& context);

/// True when this run was given `--store URL` (not only the setting).
bool storeGivenForThisRun(const CommandContext& context);

/// The configured store's address: the URL of `--store` or store/url, the password of `--store`
/// (this run only; never the keychain's) and the CA certificates of network/caCertificates. No
/// value after printing why in one sentence and setting `failure`: 1 no store, 2 a bad URL.
std::optional<sharedstore::StoreAddress> configuredStoreAddress(CommandContext& context, ExitCode* failure);

/// Connects to the configured store as the URL's user. The password is, in this order, the one
/// of the `--store` URL, the keychain's for that account (`store login`), or libpq's own
/// PGPASSWORD or ~/.pgpass; an unusable keychain falls through to libpq (logged at debug level
/// only). Without a connection, prints why in one sentence and sets `failure`: 1 no store
/// configured, 2 a bad URL or CA certificate file, 5 unreachable or login refused, 8 no QPSQL driver.
std::unique_ptr<sharedstore::StoreConnection> openConfiguredStore(CommandContext& context, ExitCode* failure);

/// For the writers of the store: connects and checks that the user is a data manager of a
/// tenant of an initialised store, before anything is changed anywhere. Staff and users of no
/// tenant get one sentence naming `action` and exit 4; an uninitialised store exit 2.
std::unique_ptr<sharedstore::StoreConnection> openStoreAsDataManager(
    CommandContext& context, const QString& action, ExitCode* failure);

} // namespace genius::cli
