#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

namespace genius::cli {

class GatewaySession;

/// `chat [--class C] PROMPT`: streams an answer to stdout. Ctrl+C cancels (exit 7).
class ChatCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ChatCommand)

public:
    ChatCommand();
    ~ChatCommand() override;
    QString name() const override { return QStringLiteral("chat"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<GatewaySession> m_session;
};

} // namespace genius::cli
