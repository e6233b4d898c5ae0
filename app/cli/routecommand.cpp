#include "app/cli/routecommand.h"

#include "app/cli/functionsession.h"
#include "app/cli/output.h"
#include "core/index/indexdatabase.h"
#include "core/services/routeservice.h"
#include "core/services/templatelibrary.h"

#include <QJsonObject>

namespace genius::cli {

namespace {

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

RouteCommand::RouteCommand() = default;
RouteCommand::~RouteCommand() = default;

QString RouteCommand::summary() const
{
    return tr("Show which function the main agent chooses for a request, and why");
}

QString RouteCommand::usage() const
{
    return tr("Usage: genius-cli route [--document ID] [--local] TEXT...\n"
              "\n"
              "Recognises chat, ask, research, summarize or generate from the request, an\n"
              "attached document (--document) and the collections and templates named in it.\n"
              "Recognition is local; only when it is uncertain and a cleared model is reachable\n"
              "is the model asked (never with --local). TEXT '-' reads standard input.");
}

void RouteCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments, {{QStringLiteral("document"), true}, {QStringLiteral("local"), false}});
    if (!parsed)
        return done(ExitCode::Usage);
    services::RouteContext route;
    route.request = textArgument(*parsed);
    if (route.request.isEmpty()) {
        context.output.error(tr("No request given. Run 'genius-cli route --help'."));
        return done(ExitCode::Usage);
    }
    std::optional<qint64> documentId;
    if (parsed->has(QStringLiteral("document"))) {
        documentId = parseDocumentId(parsed->value(QStringLiteral("document")));
        if (!documentId) {
            context.output.error(tr("--document takes a document id (see 'genius-cli documents')."));
            return done(ExitCode::Usage);
        }
    }
    const bool allowModel = !parsed->has(QStringLiteral("local"));
    m_session = std::make_unique<FunctionSession>(context);
    const Output& output = context.output;
    m_session->open([this, &output, route, documentId, allowModel, done](ExitCode ready) mutable {
        if (ready != ExitCode::Success)
            return done(ready);
        if (documentId) {
            const auto document = m_session->database().document(*documentId);
            if (!document) {
                output.error(document.error().detail);
                return done(exitCodeFor(document.error()));
            }
            route.documentAttached = true;
        }
        if (const auto collections = m_session->database().collections()) {
            for (const index::CollectionRecord& collection : *collections)
                route.collections.append(collection.name);
        }
        for (const services::TextTemplate& templ : m_session->templates().templates())
            route.templates.append(templ.name);
        m_session->routes().route(route, allowModel, m_session.get(), [&output, done](services::RouteOutcome outcome) {
            const services::RouteDecision& decision = outcome.decision;
            if (output.json()) {
                output.jsonValue(QJsonObject{
                    {QStringLiteral("function"), services::functionName(decision.function)},
                    {QStringLiteral("reason"), decision.reason},
                    {QStringLiteral("confidence"), decision.confidence},
                    {QStringLiteral("collection"), textOrNull(decision.collection)},
                    {QStringLiteral("template"), textOrNull(decision.templateName)},
                    {QStringLiteral("aspect"), textOrNull(decision.aspect)},
                    {QStringLiteral("refined_by_model"), outcome.refinedByModel},
                    {QStringLiteral("model"), textOrNull(outcome.model)},
                });
            } else {
                output.line(QStringLiteral("%1: %2").arg(services::functionName(decision.function), decision.reason));
            }
            done(ExitCode::Success);
        });
    }, allowModel);
}

} // namespace genius::cli
