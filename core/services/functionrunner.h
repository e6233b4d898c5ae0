#pragma once

#include "core/domain/modelinfo.h"
#include "core/gateway/chatrequest.h"
#include "core/security/protectionguard.h"
#include "core/services/contextbudget.h"
#include "core/services/functionresult.h"
#include "core/services/modelchoice.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace genius::services {

class ChatService;
class ChatTurn;
class ModelService;

/// Settings the functions share.
struct FunctionConfig {
    domain::ProtectionClass defaultClass = domain::ProtectionClass::Normal; ///< protection/defaultClass
    ModelPreference models;
    QStringList contextWindows; ///< gateway/contextWindows ("MODEL=TOKENS")
    int answerTokens = 1500;
};

/// A model to send to, or the reason the function must work locally.
struct ModelResolution {
    std::optional<domain::ModelInfo> model;
    LocalReason localReason = LocalReason::None; ///< set when `model` is empty
};

/// A finished chat request.
struct CompletedTurn {
    QString text;
    QString model;
    gateway::Usage usage;
    gateway::FinishReason finishReason = gateway::FinishReason::Stop;
};

/// What every function needs from the gateway side: which model may read a class (or that
/// none may, so the function answers locally), the budget of that model, and one chat
/// request run to completion through ChatService (guard and audit included).
class FunctionRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionRunner)

public:
    /// `chat` and `models` may be null: no gateway is configured, everything is local.
    FunctionRunner(ChatService* chat, ModelService* models, security::ProtectionGuard guard, FunctionConfig config,
                   QObject* parent = nullptr);

    const FunctionConfig& config() const { return m_config; }
    const security::ProtectionGuard& guard() const { return m_guard; }

    using Resolved = std::function<void(std::expected<ModelResolution, FunctionFailure>)>;
    /// The model for `requestClass`. A very-high class, no gateway, an unreachable gateway or
    /// no cleared model give a local resolution; an explicitly named model that is not
    /// cleared, or a gateway that refuses the key, give a failure.
    void resolveModel(domain::ProtectionClass requestClass, QObject* context, Resolved done);
    /// As resolveModel, but when no model is cleared for `wanted` it takes the model with the
    /// highest clearance of at least `minimum` (the caller then caps what it sends).
    void resolveModelAtMost(domain::ProtectionClass wanted, domain::ProtectionClass minimum, QObject* context,
                            Resolved done);

    /// The token budget of a model.
    ContextBudget budgetFor(const QString& model) const;

    using Completed = std::function<void(std::expected<CompletedTurn, FunctionFailure>)>;
    using Delta = std::function<void(const QString&)>;
    /// Sends one chat request to `model` and calls `done` once with the whole answer.
    void complete(const QList<gateway::ChatMessage>& messages, domain::ProtectionClass requestClass,
                  const QString& model, const QStringList& documentIds, QObject* context, Delta delta, Completed done);

    /// Cancels the request in flight, if any (its `done` gets a Cancelled failure).
    void cancel();

private:
    using CatalogueDone = std::function<void(std::expected<QList<domain::ModelInfo>, FunctionFailure>)>;
    /// The catalogue; an unreachable gateway gives an empty one (local), a refusal a failure.
    void withCatalogue(QObject* context, CatalogueDone done);

    ChatService* m_chat;
    ModelService* m_models;
    security::ProtectionGuard m_guard;
    FunctionConfig m_config;
    QPointer<ChatTurn> m_turn;
    bool m_cancelled = false;
};

} // namespace genius::services
