#include "app/cli/functionsession.h"

#include "app/cli/command.h"
#include "app/cli/gatewaysession.h"
#include "app/cli/indexsession.h"
#include "core/domain/protectionclass.h"
#include "core/services/askservice.h"
#include "core/services/functionrunner.h"
#include "core/services/generationservice.h"
#include "core/services/routeservice.h"
#include "core/services/searchservice.h"
#include "core/services/summaryservice.h"
#include "core/services/templatelibrary.h"
#include "core/settings/settings.h"

namespace genius::cli {

std::unique_ptr<services::TemplateLibrary> profileTemplates(const QString& profileDirectory)
{
    return std::make_unique<services::TemplateLibrary>(
        QStringList{services::TemplateLibrary::userDirectory(profileDirectory)});
}

FunctionSession::FunctionSession(CommandContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_index(std::make_unique<IndexSession>(context))
    , m_templates(profileTemplates(context.profileDirectory))
{
}

FunctionSession::~FunctionSession() = default;

index::IndexDatabase& FunctionSession::database()
{
    return m_index->database();
}

void FunctionSession::open(std::function<void(ExitCode)> ready, bool withGateway)
{
    if (!m_index->open())
        return ready(m_index->openError());
    if (!withGateway) {
        build();
        return ready(ExitCode::Success);
    }
    m_index->connectGateway([this, ready] {
        build();
        ready(ExitCode::Success);
    });
}

void FunctionSession::build()
{
    const settings::Settings& settings = m_context.settings;
    services::FunctionConfig config;
    config.defaultClass = domain::parseProtectionClass(settings.text(settings::keys::ProtectionDefaultClass))
                              .value_or(domain::ProtectionClass::Normal);
    const QString model = settings.text(settings::keys::GatewayDefaultModel);
    // --model names a model explicitly (refused, not replaced, when it is not cleared); the
    // configured default is replaced by a cleared model when a document's class needs one.
    if (settings.source(settings::keys::GatewayDefaultModel) == settings::Source::Session)
        config.models.explicitModel = model;
    else
        config.models.defaultModel = model;
    config.models.clearanceTable = settings.list(settings::keys::GatewayClearanceTable);
    config.contextWindows = settings.list(settings::keys::GatewayContextWindows);

    GatewaySession* gateway = m_index->gateway();
    m_search = std::make_unique<services::SearchService>(m_index->database(), m_index->embeddings());
    m_runner = std::make_unique<services::FunctionRunner>(
        gateway ? &gateway->chat() : nullptr, gateway ? &gateway->models() : nullptr,
        security::ProtectionGuard(settings.list(settings::keys::GatewayAllowedModels)), config);
    m_ask = std::make_unique<services::AskService>(m_index->database(), *m_search, *m_runner);
    m_summaries = std::make_unique<services::SummaryService>(&m_index->database(), *m_runner);
    m_generation = std::make_unique<services::GenerationService>(&m_index->database(), *m_templates, *m_runner);
    m_routes = std::make_unique<services::RouteService>(m_runner.get());
}

} // namespace genius::cli
