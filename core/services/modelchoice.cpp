#include "core/services/modelchoice.h"

#include "core/services/modelservice.h"

namespace genius::services {

using domain::ModelKind;
using domain::ProtectionClass;

common::Result<std::optional<domain::ModelInfo>> chooseChatModel(const security::ProtectionGuard& guard,
                                                                 const QList<domain::ModelInfo>& catalogue,
                                                                 const ModelPreference& preference,
                                                                 ProtectionClass requestClass)
{
    if (requestClass == ProtectionClass::VeryHigh)
        return std::optional<domain::ModelInfo>();
    const security::OutboundRequest request{security::Endpoint::ChatCompletions, requestClass, {}};
    if (!preference.explicitModel.isEmpty()) {
        const auto model = ModelService::lookUp(preference.explicitModel, ModelKind::Chat, catalogue, preference.clearanceTable);
        const auto decision = guard.decide(request, model, catalogue);
        if (!decision)
            return std::unexpected(decision.error());
        return std::optional<domain::ModelInfo>(model);
    }
    if (!preference.defaultModel.isEmpty()) {
        const auto model = ModelService::lookUp(preference.defaultModel, ModelKind::Chat, catalogue, preference.clearanceTable);
        if (guard.decide(request, model, catalogue))
            return std::optional<domain::ModelInfo>(model);
    }
    return guard.suggest(requestClass, ModelKind::Chat, catalogue);
}

std::optional<domain::ModelInfo> highestClearedChatModel(const security::ProtectionGuard& guard,
                                                         const QList<domain::ModelInfo>& catalogue,
                                                         ProtectionClass minimum)
{
    std::optional<domain::ModelInfo> best;
    for (const domain::ModelInfo& model : catalogue) {
        if (model.kind != ModelKind::Chat || !guard.isAllowed(model.id) || model.clearance < minimum
            || model.clearance == ProtectionClass::VeryHigh)
            continue;
        if (!best || model.clearance > best->clearance)
            best = model;
    }
    return best;
}

} // namespace genius::services
