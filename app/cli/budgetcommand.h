#pragma once

#include "app/cli/gatewayquerycommand.h"

namespace genius::cli {

/// `budget`: the spend and budget of the API key, where the gateway reports them
/// (LiteLLM's /key/info); unknown values stay unknown.
class BudgetCommand final : public GatewayQueryCommand
{
    Q_DECLARE_TR_FUNCTIONS(BudgetCommand)

public:
    QString name() const override { return QStringLiteral("budget"); }
    QString summary() const override;
    QString usage() const override;

protected:
    void query(GatewaySession& session, const Output& output, Done done) override;
};

} // namespace genius::cli
