#include "app/cli/gatewayquerycommand.h"

#include "app/cli/gatewaysession.h"
#include "app/cli/output.h"

namespace genius::cli {

GatewayQueryCommand::GatewayQueryCommand() = default;
GatewayQueryCommand::~GatewayQueryCommand() = default;

void GatewayQueryCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments);
    if (!parsed)
        return done(ExitCode::Usage);
    if (!parsed->positional.isEmpty()) {
        context.output.error(tr("'%1' takes no arguments.").arg(name()));
        return done(ExitCode::Usage);
    }
    m_session = std::make_unique<GatewaySession>(context);
    const Output& output = context.output;
    m_session->open([this, &output, done](ExitCode ready) {
        if (ready != ExitCode::Success)
            return done(ready);
        query(*m_session, output, done);
    });
}

} // namespace genius::cli
