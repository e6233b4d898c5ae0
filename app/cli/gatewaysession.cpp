#include "app/cli/gatewaysession.h"

#include "app/cli/command.h"
#include "app/cli/output.h"

namespace genius::cli {

GatewaySession::GatewaySession(CommandContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_services(new services::GatewayServices(context.settings, context.profileDirectory, this))
{
    for (const QString& warning : m_services->warnings())
        context.output.error(warning);
}

GatewaySession::~GatewaySession() = default;

void GatewaySession::open(std::function<void(ExitCode)> ready)
{
    if (!configuredGateway(m_context))
        return ready(ExitCode::BadInput);
    m_services->resolveApiKey(m_context.secrets, [this, ready](std::optional<common::Error> problem) {
        // No keychain (e.g. a session without D-Bus): say so, and go on without a key.
        if (problem)
            m_context.output.error(QCoreApplication::translate("GatewaySession", "%1 Continuing without an API key.")
                                       .arg(problem->detail));
        ready(ExitCode::Success);
    });
}

} // namespace genius::cli
