#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

#include <memory>

namespace genius::cli {

class FunctionSession;

/// `generate --template NAME [--tone formal|citizen] [--document ID] [--class C] (FILE | -)`,
/// `generate --list`, `generate --export-templates`.
class GenerateCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(GenerateCommand)

public:
    GenerateCommand();
    ~GenerateCommand() override;
    QString name() const override { return QStringLiteral("generate"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<FunctionSession> m_session;
};

} // namespace genius::cli
