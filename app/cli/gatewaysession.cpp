#include "app/cli/gatewaysession.h"

#include "app/cli/command.h"
#include "app/cli/output.h"
#include "core/gateway/gatewayclient.h"
#include "core/security/apikeysource.h"
#include "core/security/auditlog.h"
#include "core/services/chatservice.h"
#include "core/services/embeddingservice.h"
#include "core/services/modelservice.h"
#include "core/settings/settings.h"

#include <QDir>

namespace genius::cli {

GatewaySession::GatewaySession(CommandContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_audit(std::make_unique<security::AuditLog>(QDir(context.profileDirectory).filePath(QStringLiteral("audit.jsonl"))))
{
    QStringList warnings;
    m_client = new gateway::GatewayClient(gateway::gatewayConfigFrom(context.settings, &warnings), this);
    for (const QString& warning : std::as_const(warnings))
        context.output.error(warning);
    m_models = new services::ModelService(*m_client, this);
    m_chat = new services::ChatService(*m_client, *m_models, *m_audit,
                                       security::ProtectionGuard(context.settings.list(settings::keys::GatewayAllowedModels)),
                                       this);
    m_embeddings = new services::EmbeddingService(
        *m_client, *m_models, *m_audit, security::ProtectionGuard(context.settings.list(settings::keys::GatewayAllowedModels)),
        context.settings.text(settings::keys::GatewayEmbeddingModel), this);
}

GatewaySession::~GatewaySession() = default;

void GatewaySession::open(std::function<void(ExitCode)> ready)
{
    const auto gatewayUrl = configuredGateway(m_context);
    if (!gatewayUrl)
        return ready(ExitCode::BadInput);
    auto source = std::make_shared<security::ApiKeySource>(m_context.secrets);
    source->resolve(*gatewayUrl, this, [this, source, ready](common::Result<security::ApiKey> key) {
        if (key) {
            m_client->setApiKey(key->value);
        } else if (key.error().code != common::ErrorCode::NotFound) {
            // No keychain (e.g. a session without D-Bus): say so, and go on without a key.
            m_context.output.error(QCoreApplication::translate("GatewaySession", "%1 Continuing without an API key.")
                                       .arg(key.error().detail));
        }
        // Without a key the request goes out unauthenticated: keyless local servers work,
        // and a gateway that needs one answers 401 (exit 4). Nothing is read from a file.
        ready(ExitCode::Success);
    });
}

} // namespace genius::cli
