#include "app/cli/modelscommand.h"

#include "app/cli/gatewaysession.h"
#include "app/cli/output.h"
#include "core/services/modelservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace genius::cli {

QString ModelsCommand::summary() const
{
    return tr("List the gateway's models with kind, clearance and location");
}

QString ModelsCommand::usage() const
{
    return tr("Usage: genius-cli models\n"
              "\n"
              "Lists the models of the gateway's catalogue: name, kind (chat or embedding), the\n"
              "highest protection class it may receive, and where it runs. A model the gateway\n"
              "reports no clearance for counts as cleared for class none only.");
}

void ModelsCommand::query(GatewaySession& session, const Output& output, Done done)
{
    session.models().catalogue(&session, [&output, done](auto catalogue) {
        if (!catalogue) {
            output.error(catalogue.error().message);
            return done(exitCodeFor(catalogue.error()));
        }
        QJsonArray array;
        for (const domain::ModelInfo& model : *catalogue) {
            const QString clearance = domain::protectionClassName(model.clearance);
            const QString location = domain::modelLocationName(model.location);
            if (output.json()) {
                array.append(QJsonObject{{QStringLiteral("name"), model.id},
                                         {QStringLiteral("kind"), domain::modelKindName(model.kind)},
                                         {QStringLiteral("clearance"), clearance},
                                         {QStringLiteral("location"), location},
                                         {QStringLiteral("clearance_source"),
                                          domain::clearanceSourceName(model.clearanceSource)}});
            } else {
                output.line(QStringLiteral("%1 %2 %3 %4")
                                .arg(model.id.leftJustified(28), domain::modelKindName(model.kind).leftJustified(10),
                                     clearance.leftJustified(8), location));
            }
        }
        if (output.json())
            output.jsonValue(array);
        done(ExitCode::Success);
    });
}

} // namespace genius::cli
