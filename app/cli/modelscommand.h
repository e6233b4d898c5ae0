#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>
#include <QObject>

namespace genius::cli {

class GatewaySession;

/// `models`: the gateway's catalogue with each model's kind, clearance and location.
class ModelsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ModelsCommand)

public:
    ModelsCommand();
    ~ModelsCommand() override;
    QString name() const override { return QStringLiteral("models"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<GatewaySession> m_session;
};

} // namespace genius::cli
