#pragma once

#include "app/cli/exitcode.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>
#include <memory>

#include "core/services/gatewayservices.h"


namespace genius::cli {

struct CommandContext;

/// The gateway-facing services for one CLI run (services::GatewayServices) with the API key
/// resolved and its problems printed the CLI's way.
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

    services::GatewayServices& services() { return *m_services; }
    gateway::GatewayClient& client() { return m_services->client(); }
    services::ModelService& models() { return m_services->models(); }
    services::ChatService& chat() { return m_services->chat(); }
    security::AuditLog& audit() { return m_services->audit(); }
    /// Vectors through the guard and the audit log (model from gateway/embeddingModel).
    services::EmbeddingService& embeddings() { return m_services->embeddings(); }

private:
    CommandContext& m_context;
    services::GatewayServices* m_services = nullptr;
};

} // namespace genius::cli
