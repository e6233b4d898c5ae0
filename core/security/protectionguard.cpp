#include "core/security/protectionguard.h"

namespace genius::security {

using common::ErrorCode;
using common::fail;
using domain::ModelKind;
using domain::ProtectionClass;

QString endpointPath(Endpoint endpoint)
{
    return endpoint == Endpoint::Embeddings ? QStringLiteral("/embeddings") : QStringLiteral("/chat/completions");
}

OutboundDecision::OutboundDecision(domain::ModelInfo model, ProtectionClass requestClass, Endpoint endpoint,
                                   QStringList documentIds)
    : m_model(std::move(model))
    , m_requestClass(requestClass)
    , m_endpoint(endpoint)
    , m_documentIds(std::move(documentIds))
{
}

ProtectionGuard::ProtectionGuard(QStringList allowedModels)
    : m_allowedModels(std::move(allowedModels))
{
}

bool ProtectionGuard::isAllowed(const QString& modelId) const
{
    return m_allowedModels.isEmpty() || m_allowedModels.contains(modelId);
}

std::optional<domain::ModelInfo> ProtectionGuard::suggest(ProtectionClass requestClass, ModelKind kind,
                                                          const QList<domain::ModelInfo>& catalogue) const
{
    if (requestClass == ProtectionClass::VeryHigh)
        return std::nullopt;
    std::optional<domain::ModelInfo> best;
    for (const domain::ModelInfo& model : catalogue) {
        if (model.kind != kind || !isAllowed(model.id) || model.clearance < requestClass)
            continue;
        if (!best || model.clearance < best->clearance)
            best = model;
    }
    return best;
}

common::Result<OutboundDecision> ProtectionGuard::decide(const OutboundRequest& request,
                                                         const domain::ModelInfo& model,
                                                         const QList<domain::ModelInfo>& catalogue) const
{
    const QString className = domain::protectionClassName(request.requestClass);
    if (request.requestClass == ProtectionClass::VeryHigh)
        return fail(ErrorCode::Refused,
                    QStringLiteral("Content of class very-high never leaves this workstation; only local functions can use it."));
    const ModelKind wantedKind = request.endpoint == Endpoint::Embeddings ? ModelKind::Embedding : ModelKind::Chat;
    if (model.kind != wantedKind)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The model %1 is not a %2 model.").arg(model.id, domain::modelKindName(wantedKind)));
    if (!isAllowed(model.id))
        return fail(ErrorCode::Refused, QStringLiteral("The model %1 is not allowed by policy.").arg(model.id));
    if (model.clearance < request.requestClass) {
        QString sentence = QStringLiteral("The request carries class %1, but the model %2 is cleared only up to %3")
                               .arg(className, model.id, domain::protectionClassName(model.clearance));
        if (const auto alternative = suggest(request.requestClass, wantedKind, catalogue))
            sentence += QStringLiteral("; use %1 (cleared up to %2) instead.")
                            .arg(alternative->id, domain::protectionClassName(alternative->clearance));
        else
            sentence += QStringLiteral("; no model of the catalogue is cleared for it.");
        return fail(ErrorCode::Refused, sentence);
    }
    return OutboundDecision(model, request.requestClass, request.endpoint, request.documentIds);
}

} // namespace genius::security
