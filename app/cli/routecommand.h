#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

#include <memory>

namespace genius::cli {

class FunctionSession;

/// `route [--document ID] [--local] TEXT`: the main agent's choice of function and why.
class RouteCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(RouteCommand)

public:
    RouteCommand();
    ~RouteCommand() override;
    QString name() const override { return QStringLiteral("route"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<FunctionSession> m_session;
};

} // namespace genius::cli
