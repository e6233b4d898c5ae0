#pragma once

#include "app/cli/exitcode.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>
#include <memory>

namespace genius::gateway {
class GatewayClient;
}
namespace genius::security {
class AuditLog;
}
namespace genius::services {
class ChatService;
class EmbeddingService;
class ModelService;
}

namespace genius::cli {

struct CommandContext;

/// The gateway-facing services for one CLI run: the client with its transport policy, the
/// API key (environment or keychain), the catalogue, the guard and the audit log.
class GatewaySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewaySession)

public:
    explicit GatewaySession(CommandContext& context, QObject* parent = nullptr);
    ~GatewaySession() override;

    /// Resolves the API key; calls `ready` with Success, or with the exit code after
    /// printing one sentence (no gateway configured, keychain unusable).
    void open(std::function<void(ExitCode)> ready);

    gateway::GatewayClient& client() { return *m_client; }
    services::ModelService& models() { return *m_models; }
    services::ChatService& chat() { return *m_chat; }
    security::AuditLog& audit() { return *m_audit; }
    /// Vectors through the guard and the audit log (model from gateway/embeddingModel).
    services::EmbeddingService& embeddings() { return *m_embeddings; }

private:
    CommandContext& m_context;
    std::unique_ptr<security::AuditLog> m_audit;
    gateway::GatewayClient* m_client = nullptr;
    services::ModelService* m_models = nullptr;
    services::ChatService* m_chat = nullptr;
    services::EmbeddingService* m_embeddings = nullptr;
};

} // namespace genius::cli
