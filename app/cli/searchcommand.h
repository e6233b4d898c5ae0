#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

#include <memory>

namespace genius::services {
class SearchService;
}

namespace genius::cli {

class IndexSession;

/// `search [--collection NAME] [--document ID] [--top-k N] [--mode lexical|vector|hybrid] QUERY`.
class SearchCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SearchCommand)

public:
    SearchCommand();
    ~SearchCommand() override;
    QString name() const override { return QStringLiteral("search"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    std::unique_ptr<IndexSession> m_session;
    std::unique_ptr<services::SearchService> m_search;
};

} // namespace genius::cli
