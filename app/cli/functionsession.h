#pragma once

#include "app/cli/exitcode.h"

#include <QObject>

#include <functional>
#include <memory>

namespace genius::index {
class IndexDatabase;
}
namespace genius::services {
class AskService;
class FunctionRunner;
class GenerationService;
class RouteService;
class SearchService;
class SummaryService;
class TemplateLibrary;
}

namespace genius::cli {

class IndexSession;
struct CommandContext;

/// The functions (ask, research, summarize, generate, route) for one CLI run, built over
/// the profile's index and — when one is configured — the gateway; without a gateway they
/// work locally.
class FunctionSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionSession)

public:
    explicit FunctionSession(CommandContext& context, QObject* parent = nullptr);
    ~FunctionSession() override;

    /// Opens the index and (unless `withGateway` is false) resolves the gateway key, then
    /// calls `ready` with Success, or with the exit code after printing why not.
    void open(std::function<void(ExitCode)> ready, bool withGateway = true);

    index::IndexDatabase& database();
    services::AskService& ask() { return *m_ask; }
    services::SummaryService& summaries() { return *m_summaries; }
    services::GenerationService& generation() { return *m_generation; }
    services::RouteService& routes() { return *m_routes; }
    services::FunctionRunner& runner() { return *m_runner; }
    const services::TemplateLibrary& templates() const { return *m_templates; }

private:
    void build();

    CommandContext& m_context;
    std::unique_ptr<IndexSession> m_index;
    std::unique_ptr<services::TemplateLibrary> m_templates;
    // Destroyed before the index they hold connections to (reverse order of declaration).
    std::unique_ptr<services::SearchService> m_search;
    std::unique_ptr<services::FunctionRunner> m_runner;
    std::unique_ptr<services::AskService> m_ask;
    std::unique_ptr<services::SummaryService> m_summaries;
    std::unique_ptr<services::GenerationService> m_generation;
    std::unique_ptr<services::RouteService> m_routes;
};

/// The template library of a profile: `<profile>/templates`, then the built-in templates.
std::unique_ptr<services::TemplateLibrary> profileTemplates(const QString& profileDirectory);

} // namespace genius::cli
