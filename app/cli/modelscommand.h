#pragma once

#include "app/cli/gatewayquerycommand.h"

namespace genius::cli {

/// `models`: the gateway's catalogue with each model's kind, clearance and location.
class ModelsCommand final : public GatewayQueryCommand
{
    Q_DECLARE_TR_FUNCTIONS(ModelsCommand)

public:
    QString name() const override { return QStringLiteral("models"); }
    QString summary() const override;
    QString usage() const override;

protected:
    void query(GatewaySession& session, const Output& output, Done done) override;
};

} // namespace genius::cli
