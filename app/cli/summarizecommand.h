#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

#include <memory>

namespace genius::cli {

class FunctionSession;

/// `summarize (--document ID | FILE | -) [--aspect TEXT] [--length short|medium|long] [--class C]`.
class SummarizeCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SummarizeCommand)

public:
    SummarizeCommand();
    ~SummarizeCommand() override;
    QString name() const override { return QStringLiteral("summarize"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<FunctionSession> m_session;
};

} // namespace genius::cli
