#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

#include <memory>

namespace genius::cli {

class GatewaySession;
class Output;

/// A command that takes no arguments and asks the gateway one question (`models`,
/// `budget`): it opens the gateway session and hands it to `query`.
class GatewayQueryCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(GatewayQueryCommand)

public:
    GatewayQueryCommand();
    ~GatewayQueryCommand() override;
    void run(CommandContext& context, const QStringList& arguments, Done done) final;

protected:
    /// Runs once the session is open; calls `done` exactly once.
    virtual void query(GatewaySession& session, const Output& output, Done done) = 0;

private:
    std::unique_ptr<GatewaySession> m_session;
};

} // namespace genius::cli
