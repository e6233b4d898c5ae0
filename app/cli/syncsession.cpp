#include "app/cli/syncsession.h"

#include "app/cli/command.h"
#include "app/cli/output.h"
#include "app/cli/storesession.h"
#include "core/index/sharedcopies.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storesync.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>

namespace genius::cli {

QString sharedOriginalsDirectory(const CommandContext& context)
{
    return QDir(context.profileDirectory).filePath(QStringLiteral("shared-originals"));
}

ExitCode syncSharedCopies(CommandContext& context, index::IndexDatabase& database, sharedstore::SyncReport* report)
{
    ExitCode failure = ExitCode::Success;
    const auto connection = openConfiguredStore(context, &failure);
    if (!connection)
        return failure;
    auto synced = sharedstore::syncStore(*connection, database, sharedOriginalsDirectory(context));
    if (!synced) {
        context.output.error(synced.error().detail);
        return exitCodeFor(synced.error());
    }
    *report = std::move(*synced);
    return ExitCode::Success;
}

void syncBeforeReading(CommandContext& context, index::IndexDatabase& database)
{
    if (!storeGivenForThisRun(context))
        return;
    sharedstore::SyncReport report;
    if (syncSharedCopies(context, database, &report) == ExitCode::Success) {
        for (const QString& warning : std::as_const(report.warnings))
            context.output.error(warning);
        return;
    }
    const auto state = index::SharedCopies(database).syncState();
    if (state && *state)
        context.output.error(
            QCoreApplication::translate("SyncSession", "Reading the copy of the shared store synced on %1.")
                .arg(QLocale().toString((*state)->syncedAt.toLocalTime(), QLocale::ShortFormat)));
    else
        context.output.error(QCoreApplication::translate(
            "SyncSession", "No copy of the shared store has been synced yet; only local collections are read."));
}

} // namespace genius::cli
