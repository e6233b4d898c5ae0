#pragma once

#include "core/domain/protectionclass.h"
#include "core/gateway/chatrequest.h"
#include "core/security/protectionguard.h"

#include <QObject>

namespace genius::gateway {
class GatewayClient;
}
namespace genius::security {
class AuditLog;
}

namespace genius::services {

class ChatTurn;
class ModelService;

/// What a caller asks the chat function for.
struct ChatOptions {
    QList<gateway::ChatMessage> messages;
    domain::ProtectionClass requestClass = domain::ProtectionClass::Normal;
    QString model;        ///< empty: the default model, else the first cleared one
    QString defaultModel; ///< from settings
    QStringList documentIds;
    int maxTokens = 2048;
};

/// Free chat: chooses a model, asks the guard, records the audit entry, and only then
/// sends. A refused request sends nothing at all.
class ChatService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatService)

public:
    ChatService(gateway::GatewayClient& client, ModelService& models, security::AuditLog& audit,
                security::ProtectionGuard guard, QObject* parent = nullptr);

    /// Starts a turn; the returned object is owned by `parent`.
    ChatTurn* send(const ChatOptions& options, QObject* parent);

private:
    void proceed(ChatTurn* turn, const ChatOptions& options, const QList<domain::ModelInfo>& catalogue);

    gateway::GatewayClient& m_client;
    ModelService& m_models;
    security::AuditLog& m_audit;
    security::ProtectionGuard m_guard;
};

} // namespace genius::services
