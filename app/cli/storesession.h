#pragma once

#include "app/cli/exitcode.h"

#include <memory>

namespace genius::sharedstore {
class StoreConnection;
}

namespace genius::cli {

struct CommandContext;

/// True when a shared store is configured: `--store URL` for this run or the setting store/url.
bool storeConfigured(const CommandContext& context);

/// True when this run was given `--store URL` (not only the setting).
bool storeGivenForThisRun(const CommandContext& context);

/// Connects to the configured store as the URL's user, with the password of the `--store` URL,
/// PGPASSWORD or ~/.pgpass. Without a connection, prints why in one sentence and sets `failure`:
/// 1 no store configured, 2 a bad URL, 5 unreachable or login refused, 8 no QPSQL driver.
std::unique_ptr<sharedstore::StoreConnection> openConfiguredStore(CommandContext& context, ExitCode* failure);

/// For the writers of the store: connects and checks that the user is a data manager of a
/// tenant of an initialised store, before anything is changed anywhere. Staff and users of no
/// tenant get one sentence naming `action` and exit 4; an uninitialised store exit 2.
std::unique_ptr<sharedstore::StoreConnection> openStoreAsDataManager(
    CommandContext& context, const QString& action, ExitCode* failure);

} // namespace genius::cli
