#pragma once

#include "app/cli/exitcode.h"

#include <QString>

namespace genius::index {
class IndexDatabase;
}
namespace genius::sharedstore {
struct SyncReport;
}

namespace genius::cli {

struct CommandContext;

/// The folder of the originals fetched from the shared store, in the profile.
QString sharedOriginalsDirectory(const CommandContext& context);

/// Brings the profile's copy of the configured store's published collections up to date
/// (sharedstore::syncStore). Prints why not in one sentence and returns the exit code: 1 no
/// store, 2 a bad URL or another schema version, 4 no tenant, 5 unreachable.
ExitCode syncSharedCopies(CommandContext& context, index::IndexDatabase& database, sharedstore::SyncReport* report);

/// Before reading shared collections with `--store` given for this run: syncs, and when that
/// fails says once that the copy of the last sync is read instead (search works offline).
/// Does nothing without `--store`.
void syncBeforeReading(CommandContext& context, index::IndexDatabase& database);

} // namespace genius::cli
