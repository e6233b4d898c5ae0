#include "core/services/functionservices.h"

#include "core/security/protectionguard.h"
#include "core/services/askservice.h"
#include "core/services/embeddingservice.h"
#include "core/services/functionrunner.h"
#include "core/services/gatewayservices.h"
#include "core/services/generationservice.h"
#include "core/services/routeservice.h"
#include "core/services/searchservice.h"
#include "core/services/sourceservice.h"
#include "core/services/summaryservice.h"
#include "core/services/templatelibrary.h"
#include "core/settings/settings.h"

namespace genius::services {

FunctionConfig functionConfigFrom(const settings::Settings& settings)
{
    FunctionConfig config;
    config.defaultClass = domain::parseProtectionClass(settings.text(settings::keys::ProtectionDefaultClass))
                              .value_or(domain::ProtectionClass::Normal);
    const QString model = settings.text(settings::keys::GatewayDefaultModel);
    // A model named for this run is refused, not replaced, when it is not cleared; the
    // configured default is replaced by a cleared model when a document's class needs one.
    if (settings.source(settings::keys::GatewayDefaultModel) == settings::Source::Session)
        config.models.explicitModel = model;
    else
        config.models.defaultModel = model;
    config.models.clearanceTable = settings.list(settings::keys::GatewayClearanceTable);
    config.contextWindows = settings.list(settings::keys::GatewayContextWindows);
    return config;
}

std::unique_ptr<TemplateLibrary> profileTemplates(const QString& profileDirectory)
{
    return std::make_unique<TemplateLibrary>(QStringList{TemplateLibrary::userDirectory(profileDirectory)});
}

FunctionServices::FunctionServices(const settings::Settings& settings, const QString& profileDirectory,
                                   index::IndexDatabase& database, GatewayServices* gateway)
    : m_templates(profileTemplates(profileDirectory))
    , m_search(std::make_unique<SearchService>(database, gateway ? &gateway->embeddings() : nullptr))
    , m_runner(std::make_unique<FunctionRunner>(
          gateway ? &gateway->chat() : nullptr, gateway ? &gateway->models() : nullptr,
          security::ProtectionGuard(settings.list(settings::keys::GatewayAllowedModels)), functionConfigFrom(settings)))
    , m_ask(std::make_unique<AskService>(database, *m_search, *m_runner))
    , m_summaries(std::make_unique<SummaryService>(&database, *m_runner))
    , m_generation(std::make_unique<GenerationService>(&database, *m_templates, *m_runner))
    , m_routes(std::make_unique<RouteService>(m_runner.get()))
    , m_sources(std::make_unique<SourceService>(database))
{
}

FunctionServices::~FunctionServices() = default;

} // namespace genius::services
