#include "core/services/routeservice.h"

#include "core/services/functionrunner.h"
#include "core/services/prompts.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>

namespace genius::services {

std::optional<AssistantFunction> functionNamedIn(const QString& reply)
{
    static const QRegularExpression word(QStringLiteral(R"(\b(chat|ask|research|summarize|generate)\b)"),
                                         QRegularExpression::CaseInsensitiveOption);
    std::optional<AssistantFunction> named;
    auto matches = word.globalMatch(reply);
    while (matches.hasNext()) {
        const auto function = parseFunctionName(matches.next().captured(1).toLower());
        if (named && function != named)
            return std::nullopt; // two different names: no clear answer
        named = function;
    }
    return named;
}

RouteService::RouteService(FunctionRunner* runner, QObject* parent)
    : QObject(parent)
    , m_runner(runner)
{
}

void RouteService::route(const RouteContext& context, bool allowModel, QObject* receiver, Done done)
{
    RouteOutcome outcome{routeLocally(context), false, {}};
    if (!allowModel || !m_runner || outcome.decision.confidence >= kRefineBelow)
        return done(outcome);
    QPointer<QObject> guardReceiver(receiver);
    const auto requestClass = m_runner->config().defaultClass;
    m_runner->resolveModel(requestClass, this, [this, guardReceiver, context, outcome, requestClass,
                                                done](std::expected<ModelResolution, FunctionFailure> resolution) mutable {
        if (!guardReceiver)
            return;
        if (!resolution || !resolution->model)
            return done(outcome); // the local choice stands
        const QString model = resolution->model->id;
        const QList<gateway::ChatMessage> messages{{QStringLiteral("system"), routingPrompt()},
                                                   {QStringLiteral("user"), context.request}};
        m_runner->complete(messages, requestClass, model, {}, guardReceiver, {},
                           [outcome, model, done](std::expected<CompletedTurn, FunctionFailure> turn) mutable {
                               outcome.refinedByModel = true;
                               outcome.model = model;
                               const auto named = turn ? functionNamedIn(turn->text) : std::nullopt;
                               if (named && *named != outcome.decision.function) {
                                   outcome.decision.function = *named;
                                   outcome.decision.confidence = 0.6;
                                   outcome.decision.reason = QCoreApplication::translate("RouteService",
                                                                                         "The model %1 recognised the request as %2.")
                                                                 .arg(model, functionName(*named));
                               }
                               done(outcome);
                           });
    });
}

} // namespace genius::services
