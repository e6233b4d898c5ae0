#pragma once

#include <QString>

#include <memory>

namespace genius::index {
class IndexDatabase;
}
namespace genius::settings {
class Settings;
}

namespace genius::services {

class AskService;
class FunctionRunner;
class GatewayServices;
class GenerationService;
class RouteService;
class SearchService;
class SourceService;
class SummaryService;
class TemplateLibrary;
struct FunctionConfig;

/// The functions (ask, research, summarise, generate, the main agent) composed over one
/// profile's index and, when a gateway is configured, its gateway services — once, for the
/// desktop app and the command line alike. Without a gateway they work locally.
class FunctionServices final
{
public:
    /// `database` (and `gateway`, which may be null) must outlive this object.
    FunctionServices(const settings::Settings& settings, const QString& profileDirectory, index::IndexDatabase& database,
                     GatewayServices* gateway);
    ~FunctionServices();
    FunctionServices(const FunctionServices&) = delete;
    FunctionServices& operator=(const FunctionServices&) = delete;

    AskService& ask() { return *m_ask; }
    SummaryService& summaries() { return *m_summaries; }
    GenerationService& generation() { return *m_generation; }
    RouteService& routes() { return *m_routes; }
    FunctionRunner& runner() { return *m_runner; }
    const TemplateLibrary& templates() const { return *m_templates; }
    /// Where cited passages stand, to show them.
    const SourceService& sources() const { return *m_sources; }

private:
    std::unique_ptr<TemplateLibrary> m_templates;
    std::unique_ptr<SearchService> m_search;
    std::unique_ptr<FunctionRunner> m_runner;
    std::unique_ptr<AskService> m_ask;
    std::unique_ptr<SummaryService> m_summaries;
    std::unique_ptr<GenerationService> m_generation;
    std::unique_ptr<RouteService> m_routes;
    std::unique_ptr<SourceService> m_sources;
};

/// The functions' configuration from the settings: default class, default or explicitly
/// named model (a model set for this run only, `--model`, is refused rather than replaced
/// when it is not cleared), clearance table and context windows.
FunctionConfig functionConfigFrom(const settings::Settings& settings);

/// The template library of a profile: `<profile>/templates`, then the built-in templates.
std::unique_ptr<TemplateLibrary> profileTemplates(const QString& profileDirectory);

} // namespace genius::services
