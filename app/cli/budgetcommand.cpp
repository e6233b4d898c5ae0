#include "app/cli/budgetcommand.h"

#include "app/cli/gatewaysession.h"
#include "app/cli/output.h"
#include "core/gateway/gatewayclient.h"

#include <QJsonObject>

namespace genius::cli {

namespace {
QJsonValue orNull(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}
} // namespace

QString BudgetCommand::summary() const
{
    return tr("Show the API key's spend and budget where the gateway reports them");
}

QString BudgetCommand::usage() const
{
    return tr("Usage: genius-cli budget\n"
              "\n"
              "Shows what the API key has spent and its budget, as the gateway reports them\n"
              "(LiteLLM /key/info). A gateway that reports nothing leaves both unknown.");
}

void BudgetCommand::query(GatewaySession& session, const Output& output, Done done)
{
    session.client().fetchKeyInfo(&session, [&output, done](gateway::GatewayResult<gateway::KeyInfo> info) {
        if (!info) {
            output.error(info.error().message);
            return done(exitCodeFor(info.error()));
        }
        if (output.json()) {
            output.jsonValue(QJsonObject{{QStringLiteral("spend"), orNull(info->spend)},
                                         {QStringLiteral("max_budget"), orNull(info->maxBudget)}});
        } else {
            const QString unknown = tr("not reported");
            output.line(tr("Spend: %1").arg(info->spend ? QString::number(*info->spend, 'f', 4) : unknown));
            output.line(tr("Budget: %1").arg(info->maxBudget ? QString::number(*info->maxBudget, 'f', 4) : unknown));
        }
        done(ExitCode::Success);
    });
}

} // namespace genius::cli
