#include "core/services/generationservice.h"

#include "core/index/indexdatabase.h"
#include "core/services/citations.h"
#include "core/services/contextbudget.h"
#include "core/services/documentsources.h"
#include "core/services/functionrunner.h"
#include "core/services/templatelibrary.h"

#include <QPointer>

namespace genius::services {

using common::ErrorCode;
using domain::ProtectionClass;

namespace {

constexpr int kRequestMargin = 64;

common::Error localRefusal(LocalReason reason, ProtectionClass cls)
{
    switch (reason) {
    case LocalReason::VeryHigh:
        return {ErrorCode::Refused, QStringLiteral("A draft needs a model, and content of class very-high never leaves "
                                                   "this workstation.")};
    case LocalReason::NoClearedModel:
        return {ErrorCode::Refused, QStringLiteral("No model of the gateway is cleared for class %1.")
                                        .arg(domain::protectionClassName(cls))};
    case LocalReason::NoGateway:
        return {ErrorCode::InvalidArgument, QStringLiteral("No gateway is configured; a draft needs a model.")};
    case LocalReason::Unreachable:
    case LocalReason::None:
        break;
    }
    return {ErrorCode::Unavailable, QStringLiteral("The gateway cannot be reached; a draft needs a model.")};
}

} // namespace

GenerationService::GenerationService(index::IndexDatabase* database, const TemplateLibrary& templates,
                                     FunctionRunner& runner, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_templates(templates)
    , m_runner(runner)
{
}

void GenerationService::generate(const GenerationRequest& request, QObject* context, Delta delta, Done done)
{
    const auto templ = m_templates.find(request.templateName);
    if (!templ)
        return done(functionError(ErrorCode::NotFound, QStringLiteral("There is no template named '%1'.").arg(request.templateName)));
    ProtectionClass requestClass = domain::higherOf(m_runner.config().defaultClass, request.materialClass);
    QList<AnswerSource> sources;
    if (request.documentId > 0) {
        if (!m_database)
            return done(functionError(ErrorCode::Unavailable, QStringLiteral("The index is not open.")));
        const auto document = m_database->document(request.documentId);
        if (!document)
            return done(std::unexpected(FunctionFailure{document.error(), {}}));
        auto pages = documentSources(*m_database, *document);
        if (!pages)
            return done(std::unexpected(FunctionFailure{pages.error(), {}}));
        sources = std::move(*pages);
        requestClass = domain::higherOf(requestClass, document->protectionClass);
    }
    if (request.material.trimmed().isEmpty() && sources.isEmpty())
        return done(functionError(ErrorCode::InvalidArgument, QStringLiteral("There is no material to draft from.")));
    QPointer<QObject> guardContext(context);
    const TextTemplate chosen = *templ;
    m_runner.resolveModel(requestClass, this, [this, guardContext, request, chosen, sources, requestClass, delta,
                                               done](std::expected<ModelResolution, FunctionFailure> resolution) {
        if (!guardContext)
            return;
        if (!resolution)
            return done(std::unexpected(resolution.error()));
        if (!resolution->model) {
            if (resolution->localReason == LocalReason::Unreachable) {
                gateway::GatewayError unreachable;
                unreachable.kind = gateway::GatewayErrorKind::Unreachable;
                unreachable.message = QStringLiteral("The gateway cannot be reached; a draft needs a model.");
                return done(std::unexpected(FunctionFailure{unreachable, {}}));
            }
            return done(std::unexpected(FunctionFailure{localRefusal(resolution->localReason, requestClass), {}}));
        }
        const domain::ModelInfo model = *resolution->model;
        const QString userText = generationRequest(chosen, request.tone, request.material);
        const int available = m_runner.budgetFor(model.id).promptTokens()
            - estimateTokens(systemPrompt(AssistantFunction::Generate)) - estimateTokens(userText) - kRequestMargin;
        if (available < 0)
            return done(functionError(ErrorCode::InvalidArgument,
                                      QStringLiteral("The material is too long for the context window of %1.").arg(model.id)));
        const QList<AnswerSource> fitted = fitSources(sources, available);
        QList<gateway::ChatMessage> messages{{QStringLiteral("system"), systemPrompt(AssistantFunction::Generate)},
                                             {QStringLiteral("user"), userText}};
        if (!fitted.isEmpty())
            messages.first().content += QStringLiteral("\n\n") + sourcesBlock(fitted);
        QStringList documentIds;
        if (request.documentId > 0)
            documentIds.append(QString::number(request.documentId));
        m_runner.complete(messages, requestClass, model.id, documentIds, guardContext, delta,
                          [fitted, requestClass, done](std::expected<CompletedTurn, FunctionFailure> turn) {
                              if (!turn)
                                  return done(std::unexpected(turn.error()));
                              const MappedCitations mapped = mapCitations(turn->text, fitted);
                              FunctionAnswer answer;
                              answer.text = fitted.isEmpty() ? turn->text.trimmed() : mapped.text;
                              answer.sources = mapped.sources;
                              answer.model = turn->model;
                              answer.requestClass = requestClass;
                              answer.usage = turn->usage;
                              answer.finishReason = turn->finishReason;
                              answer.requests = 1;
                              done(answer);
                          });
    });
}

} // namespace genius::services
