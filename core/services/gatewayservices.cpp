#include "core/services/gatewayservices.h"

#include "core/gateway/gatewayclient.h"
#include "core/gateway/gatewayconfig.h"
#include "core/security/apikeysource.h"
#include "core/security/auditlog.h"
#include "core/security/protectionguard.h"
#include "core/services/chatservice.h"
#include "core/services/embeddingservice.h"
#include "core/services/modelservice.h"
#include "core/settings/settings.h"

#include <QDir>

namespace genius::services {

QString auditLogFileName()
{
    return QStringLiteral("audit.jsonl");
}

GatewayServices::GatewayServices(const settings::Settings& settings, const QString& profileDirectory, QObject* parent)
    : QObject(parent)
    , m_gatewayUrl(settings.text(settings::keys::GatewayUrl))
    , m_audit(std::make_unique<security::AuditLog>(QDir(profileDirectory).filePath(auditLogFileName())))
{
    m_client = new gateway::GatewayClient(gateway::gatewayConfigFrom(settings, &m_warnings), this);
    m_models = new ModelService(*m_client, this);
    const security::ProtectionGuard guard(settings.list(settings::keys::GatewayAllowedModels));
    m_chat = new ChatService(*m_client, *m_models, *m_audit, guard, this);
    m_embeddings = new EmbeddingService(*m_client, *m_models, *m_audit, guard,
                                        settings.text(settings::keys::GatewayEmbeddingModel), this);
}

GatewayServices::~GatewayServices() = default;

void GatewayServices::resolveApiKey(security::SecretStore& secrets,
                                    std::function<void(std::optional<common::Error>)> done)
{
    auto source = std::make_shared<security::ApiKeySource>(secrets);
    source->resolve(m_gatewayUrl, this, [this, source, done = std::move(done)](common::Result<security::ApiKey> key) {
        if (key) {
            m_client->setApiKey(key->value);
            return done(std::nullopt);
        }
        if (key.error().code == common::ErrorCode::NotFound)
            return done(std::nullopt);
        done(key.error());
    });
}

} // namespace genius::services
