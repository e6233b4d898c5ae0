#include "app/cli/synccommand.h"

#include "app/cli/indexsession.h"
#include "app/cli/output.h"
#include "app/cli/syncsession.h"
#include "core/index/indexdatabase.h"
#include "core/sharedstore/storesync.h"

#include <QJsonArray>
#include <QJsonObject>

namespace genius::cli {

namespace {

QJsonObject reportJson(const sharedstore::SyncReport& report)
{
    return {
        { QStringLiteral("store"), report.store },
        { QStringLiteral("tenant"), report.tenant },
        { QStringLiteral("role"), report.role },
        { QStringLiteral("revision"), static_cast<double>(report.revision) },
        { QStringLiteral("up_to_date"), report.upToDate },
        { QStringLiteral("collections"), report.collections },
        { QStringLiteral("added"), report.added },
        { QStringLiteral("updated"), report.updated },
        { QStringLiteral("unchanged"), report.unchanged },
        { QStringLiteral("linked"), report.linked },
        { QStringLiteral("removed"), report.removed },
        { QStringLiteral("kept"), report.kept },
        { QStringLiteral("removed_collections"), report.removedCollections },
        { QStringLiteral("original_bytes"), static_cast<double>(report.originalBytes) },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(report.warnings) },
    };
}

} // namespace

QString SyncCommand::summary() const
{
    return tr("Bring the local copy of the shared store's collections up to date");
}

QString SyncCommand::usage() const
{
    return tr("Usage: genius-cli [--store URL] sync\n"
              "\n"
              "Copies the collections of the user's tenant from the shared store (--store or the setting\n"
              "store/url) into the profile — for staff the published ones, for data managers all of\n"
              "them: documents with their pages, passages, vectors and original files. Only what\n"
              "changed since the last sync is read; documents the store withdrew, unpublished or\n"
              "re-classified are removed or updated here. Search and research then work on the copy,\n"
              "also offline; the copies are read-only here.\n"
              "\n"
              "Exit codes: 2 another schema version of the store, 4 the user belongs to no tenant,\n"
              "5 the store is unreachable or refused the login (the copy stays as it was).");
}

void SyncCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments);
    if (!parsed)
        return done(ExitCode::Usage);
    if (!parsed->positional.isEmpty()) {
        context.output.error(tr("'sync' takes no arguments. Run 'genius-cli sync --help'."));
        return done(ExitCode::Usage);
    }
    IndexSession session(context);
    if (!session.open())
        return done(session.openError());
    sharedstore::SyncReport report;
    const ExitCode code = syncSharedCopies(context, session.database(), &report);
    if (code != ExitCode::Success)
        return done(code);
    for (const QString& warning : std::as_const(report.warnings))
        context.output.error(warning);
    if (context.output.json())
        context.output.jsonValue(reportJson(report));
    else if (report.upToDate)
        context.output.line(
            tr("The copy of \"%1\" is up to date (revision %2).").arg(report.tenant).arg(report.revision));
    else
        context.output.line(tr("Synced \"%1\" to revision %2: %3 added, %4 updated, %5 removed, %6 unchanged, in %n "
                               "collection(s).",
            nullptr, report.collections)
                                .arg(report.tenant)
                                .arg(report.revision)
                                .arg(report.added)
                                .arg(report.updated)
                                .arg(report.removed)
                                .arg(report.unchanged + report.linked));
    done(ExitCode::Success);
}

} // namespace genius::cli
