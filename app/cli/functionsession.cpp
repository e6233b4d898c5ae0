#include "app/cli/functionsession.h"

#include "app/cli/command.h"
#include "app/cli/gatewaysession.h"
#include "app/cli/indexsession.h"

namespace genius::cli {

FunctionSession::FunctionSession(CommandContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_index(std::make_unique<IndexSession>(context))
{
}

FunctionSession::~FunctionSession() = default;

index::IndexDatabase& FunctionSession::database()
{
    return m_index->database();
}

void FunctionSession::open(std::function<void(ExitCode)> ready, bool withGateway)
{
    if (!m_index->open())
        return ready(m_index->openError());
    if (!withGateway) {
        build();
        return ready(ExitCode::Success);
    }
    m_index->connectGateway([this, ready] {
        build();
        ready(ExitCode::Success);
    });
}

void FunctionSession::build()
{
    GatewaySession* gateway = m_index->gateway();
    m_functions = std::make_unique<services::FunctionServices>(m_context.settings, m_context.profileDirectory,
                                                               m_index->database(),
                                                               gateway ? &gateway->services() : nullptr);
}

} // namespace genius::cli
