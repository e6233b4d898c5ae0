#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

#include <memory>

namespace genius::cli {

class FunctionSession;

/// `ask --document ID QUESTION`: a question to one imported document, answered with citations.
class AskCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(AskCommand)

public:
    AskCommand();
    ~AskCommand() override;
    QString name() const override { return QStringLiteral("ask"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<FunctionSession> m_session;
};

/// `research --collection NAME QUESTION`: an answer from a collection, with citations, or a
/// plain "no evidence".
class ResearchCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ResearchCommand)

public:
    ResearchCommand();
    ~ResearchCommand() override;
    QString name() const override { return QStringLiteral("research"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<FunctionSession> m_session;
};

} // namespace genius::cli
