#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

namespace genius::cli {

class GatewaySession;

/// `budget`: the spend and budget of the API key, where the gateway reports them
/// (LiteLLM's /key/info); unknown values stay unknown.
class BudgetCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(BudgetCommand)

public:
    BudgetCommand();
    ~BudgetCommand() override;
    QString name() const override { return QStringLiteral("budget"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<GatewaySession> m_session;
};

} // namespace genius::cli
