#include "app/cli/auditcommand.h"

#include "app/cli/argparser.h"
#include "app/cli/output.h"
#include "core/security/auditlog.h"
#include "core/services/gatewayservices.h"

#include <QDir>
#include <QJsonObject>

#include <cstdio>

namespace genius::cli {

QString AuditCommand::summary() const
{
    return tr("Verify or export the audit log of outbound requests");
}

QString AuditCommand::usage() const
{
    return tr("Usage: genius-cli audit verify\n"
              "       genius-cli audit export\n"
              "\n"
              "Every request that leaves this workstation is recorded (time, user, endpoint, model,\n"
              "protection class, document ids, tokens, request ids; no content by default) in a\n"
              "hash chain. 'verify' exits 0 only if the chain is intact and otherwise names the\n"
              "first broken line (exit 2); 'export' prints all entries as a JSON array.");
}

void AuditCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments);
    if (!parsed)
        return done(ExitCode::Usage);
    const QString action = parsed->positional.value(0);
    if (parsed->positional.size() != 1 || (action != QLatin1String("verify") && action != QLatin1String("export"))) {
        context.output.error(tr("Expected 'audit verify' or 'audit export'."));
        return done(ExitCode::Usage);
    }
    const security::AuditLog log(QDir(context.profileDirectory).filePath(services::auditLogFileName()));
    if (action == QLatin1String("export")) {
        const auto exported = log.exportJson();
        if (!exported) {
            context.output.error(exported.error().detail);
            return done(exitCodeFor(exported.error()));
        }
        std::fwrite(exported->constData(), 1, static_cast<std::size_t>(exported->size()), stdout);
        return done(ExitCode::Success);
    }
    const security::AuditVerification result = log.verify();
    if (context.output.json()) {
        context.output.jsonValue(QJsonObject{{QStringLiteral("intact"), result.intact},
                                             {QStringLiteral("entries"), static_cast<double>(result.entries)},
                                             {QStringLiteral("broken_at_line"), static_cast<double>(result.brokenAtLine)},
                                             {QStringLiteral("reason"), result.reason}});
    } else if (result.intact) {
        context.output.line(tr("The audit log is intact (%n entries).", nullptr, static_cast<int>(result.entries)));
    }
    if (!result.intact)
        context.output.error(tr("The audit log is broken at line %1: %2.").arg(result.brokenAtLine).arg(result.reason));
    done(result.intact ? ExitCode::Success : ExitCode::BadInput);
}

} // namespace genius::cli
