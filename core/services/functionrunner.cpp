#include "core/services/functionrunner.h"

#include "core/services/chatservice.h"
#include "core/services/chatturn.h"
#include "core/services/modelservice.h"

#include <algorithm>

namespace genius::services {

using common::ErrorCode;
using domain::ProtectionClass;
using gateway::GatewayErrorKind;

namespace {

bool meansUnreachable(GatewayErrorKind kind)
{
    return kind == GatewayErrorKind::Unreachable || kind == GatewayErrorKind::Timeout
        || kind == GatewayErrorKind::ServerError || kind == GatewayErrorKind::InvalidResponse;
}

} // namespace

FunctionRunner::FunctionRunner(ChatService* chat, ModelService* models, security::ProtectionGuard guard,
                               FunctionConfig config, QObject* parent)
    : QObject(parent)
    , m_chat(chat)
    , m_models(models)
    , m_guard(std::move(guard))
    , m_config(std::move(config))
{
}

void FunctionRunner::withCatalogue(QObject* context, CatalogueDone done)
{
    QPointer<QObject> guardContext(context);
    m_models->catalogue(this, [guardContext, done](gateway::GatewayResult<QList<domain::ModelInfo>> catalogue) {
        if (!guardContext)
            return;
        if (catalogue)
            return done(*catalogue);
        if (meansUnreachable(catalogue.error().kind))
            return done(QList<domain::ModelInfo>());
        done(std::unexpected(FunctionFailure{catalogue.error(), {}}));
    });
}

void FunctionRunner::resolveModel(ProtectionClass requestClass, QObject* context, Resolved done)
{
    resolveModelAtMost(requestClass, requestClass, context, std::move(done));
}

void FunctionRunner::resolveModelAtMost(ProtectionClass wanted, ProtectionClass minimum, QObject* context, Resolved done)
{
    if (minimum == ProtectionClass::VeryHigh)
        return done(ModelResolution{std::nullopt, LocalReason::VeryHigh});
    if (!m_chat || !m_models)
        return done(ModelResolution{std::nullopt, LocalReason::NoGateway});
    withCatalogue(context, [this, wanted, minimum, done](std::expected<QList<domain::ModelInfo>, FunctionFailure> catalogue) {
        if (!catalogue)
            return done(std::unexpected(catalogue.error()));
        if (catalogue->isEmpty() && m_config.models.explicitModel.isEmpty())
            return done(ModelResolution{std::nullopt, LocalReason::Unreachable});
        const auto chosen = chooseChatModel(m_guard, *catalogue, m_config.models, wanted);
        if (!chosen)
            return done(std::unexpected(FunctionFailure{chosen.error(), {}}));
        if (*chosen)
            return done(ModelResolution{*chosen, LocalReason::None});
        if (wanted != minimum && m_config.models.explicitModel.isEmpty()) {
            if (auto fallback = highestClearedChatModel(m_guard, *catalogue, minimum))
                return done(ModelResolution{std::move(fallback), LocalReason::None});
        }
        done(ModelResolution{std::nullopt, LocalReason::NoClearedModel});
    });
}

QString localReasonName(LocalReason reason)
{
    switch (reason) {
    case LocalReason::None: return QString();
    case LocalReason::VeryHigh: return QStringLiteral("very-high");
    case LocalReason::NoGateway: return QStringLiteral("no-gateway");
    case LocalReason::Unreachable: return QStringLiteral("unreachable");
    case LocalReason::NoClearedModel: return QStringLiteral("no-cleared-model");
    }
    return QString();
}

ContextBudget FunctionRunner::budgetFor(const QString& model) const
{
    const int window = contextWindowFor(model, m_config.contextWindows);
    // A small window keeps three quarters for the prompt rather than leaving it none.
    return ContextBudget{window, std::min(m_config.answerTokens, window / 4)};
}

void FunctionRunner::complete(const QList<gateway::ChatMessage>& messages, ProtectionClass requestClass,
                              const QString& model, const QStringList& documentIds, QObject* context, Delta delta,
                              Completed done)
{
    if (m_cancelled)
        return done(std::unexpected(FunctionFailure{common::Error{ErrorCode::Cancelled, QStringLiteral("Cancelled.")}, {}}));
    ChatOptions options;
    options.messages = messages;
    options.requestClass = requestClass;
    options.model = model;
    options.documentIds = documentIds;
    options.maxTokens = budgetFor(model).answerTokens;
    ChatTurn* turn = m_chat->send(options, this);
    m_turn = turn;
    QPointer<QObject> guardContext(context);
    // By reference: moving an expected of these types trips GCC 12's -Wmaybe-uninitialized.
    const auto finish = [turn, guardContext, done](const std::expected<CompletedTurn, FunctionFailure>& result) {
        turn->deleteLater();
        if (guardContext)
            done(result);
    };
    if (delta)
        connect(turn, &ChatTurn::delta, this, [guardContext, delta](const QString& piece) {
            if (guardContext)
                delta(piece);
        });
    connect(turn, &ChatTurn::refused, this, [finish](const common::Error& error) {
        finish(std::unexpected(FunctionFailure{error, {}}));
    });
    connect(turn, &ChatTurn::finished, this, [turn, finish](const gateway::Usage& usage, gateway::FinishReason reason) {
        finish(CompletedTurn{turn->text(), turn->model(), usage, reason});
    });
    connect(turn, &ChatTurn::failed, this, [finish](const gateway::GatewayError& error, const QString& partial) {
        finish(std::unexpected(FunctionFailure{error, partial}));
    });
}

void FunctionRunner::cancel()
{
    m_cancelled = true;
    if (m_turn)
        m_turn->cancel();
}

} // namespace genius::services
