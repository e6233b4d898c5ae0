#pragma once

#include "core/common/error.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace genius::gateway {
class GatewayClient;
}
namespace genius::security {
class AuditLog;
class SecretStore;
}
namespace genius::settings {
class Settings;
}

namespace genius::services {

class ChatService;
class EmbeddingService;
class ModelService;

/// The gateway-facing services of one profile, composed once for the desktop app and the
/// command line alike: the client with its transport policy, the catalogue, chat and
/// embeddings behind the protection-class guard, and the profile's audit log.
class GatewayServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayServices)

public:
    /// Reads the gateway settings now; `settings` need not outlive the object.
    GatewayServices(const settings::Settings& settings, const QString& profileDirectory, QObject* parent = nullptr);
    ~GatewayServices() override;

    /// The configured gateway URL; empty when none is configured.
    QString gatewayUrl() const { return m_gatewayUrl; }
    /// Problems of the gateway settings found while reading them, one sentence each.
    QStringList warnings() const { return m_warnings; }

    /// Finds the API key (GENIUS_API_KEY, else the keychain) and gives it to the client.
    /// `done` gets nullopt when a key was found or none is stored, and the problem when the
    /// keychain could not be used; the client then goes without a key (keyless local
    /// servers work, a gateway that needs one answers 401). Nothing is read from a file.
    void resolveApiKey(security::SecretStore& secrets, std::function<void(std::optional<common::Error>)> done);

    gateway::GatewayClient& client() { return *m_client; }
    ModelService& models() { return *m_models; }
    ChatService& chat() { return *m_chat; }
    /// Vectors through the guard and the audit log (model from gateway/embeddingModel).
    EmbeddingService& embeddings() { return *m_embeddings; }
    security::AuditLog& audit() { return *m_audit; }

private:
    QString m_gatewayUrl;
    QStringList m_warnings;
    std::unique_ptr<security::AuditLog> m_audit;
    gateway::GatewayClient* m_client = nullptr;
    ModelService* m_models = nullptr;
    ChatService* m_chat = nullptr;
    EmbeddingService* m_embeddings = nullptr;
};

/// The audit log's file name in a profile directory.
QString auditLogFileName();

} // namespace genius::services
