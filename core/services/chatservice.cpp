#include "core/services/chatservice.h"

#include "core/gateway/chatstream.h"
#include "core/gateway/gatewayclient.h"
#include "core/gateway/gatewaynetworkaccessmanager.h"
#include "core/security/auditlog.h"
#include "core/services/chatturn.h"
#include "core/services/modelservice.h"

#include <QPointer>
#include <QUuid>

namespace genius::services {

using common::ErrorCode;

ChatService::ChatService(gateway::GatewayClient& client, ModelService& models, security::AuditLog& audit,
                         security::ProtectionGuard guard, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_models(models)
    , m_audit(audit)
    , m_guard(std::move(guard))
{
}

ChatTurn* ChatService::send(const ChatOptions& options, QObject* parent)
{
    auto* turn = new ChatTurn(parent);
    // very-high is refused before anything, even the catalogue request, goes out.
    if (options.requestClass == domain::ProtectionClass::VeryHigh) {
        turn->refuse(m_guard.decide({security::Endpoint::ChatCompletions, options.requestClass, options.documentIds},
                                    domain::ModelInfo{})
                         .error());
        return turn;
    }
    QPointer<ChatTurn> guardTurn(turn);
    m_models.catalogue(turn, [this, guardTurn, options](gateway::GatewayResult<QList<domain::ModelInfo>> catalogue) {
        if (!guardTurn)
            return;
        if (!catalogue) {
            // A catalogue that cannot be read does not block an explicitly named model.
            if (options.model.isEmpty() && options.defaultModel.isEmpty()) {
                Q_EMIT guardTurn->failed(catalogue.error(), QString());
                return;
            }
            return proceed(guardTurn, options, {});
        }
        proceed(guardTurn, options, *catalogue);
    });
    return turn;
}

void ChatService::proceed(ChatTurn* turn, const ChatOptions& options, const QList<domain::ModelInfo>& catalogue)
{
    QString modelId = options.model.isEmpty() ? options.defaultModel : options.model;
    if (modelId.isEmpty()) {
        const auto suggested = m_guard.suggest(options.requestClass, domain::ModelKind::Chat, catalogue);
        if (!suggested)
            return turn->refuse({ErrorCode::Refused,
                                 QStringLiteral("No chat model of the gateway is cleared for class %1.")
                                     .arg(domain::protectionClassName(options.requestClass))});
        modelId = suggested->id;
    }
    const domain::ModelInfo model =
        ModelService::lookUp(modelId, domain::ModelKind::Chat, catalogue, m_client.config().clearanceTable);
    auto decision = m_guard.decide({security::Endpoint::ChatCompletions, options.requestClass, options.documentIds},
                                   model, catalogue);
    if (!decision)
        return turn->refuse(decision.error());

    gateway::ChatRequest request;
    request.messages = options.messages;
    request.maxTokens = options.maxTokens;
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The audit entry is written before the first byte leaves; if it cannot be, nothing leaves.
    auto sequence = m_audit.begin({security::endpointPath(security::Endpoint::ChatCompletions), model.id,
                                   domain::protectionClassName(options.requestClass), options.documentIds, requestId});
    if (!sequence)
        return turn->refuse(sequence.error());
    gateway::ChatStream* stream = m_client.chat(*decision, request, requestId, turn);
    turn->attach(stream, &m_audit, *sequence, model.id);
}

} // namespace genius::services
