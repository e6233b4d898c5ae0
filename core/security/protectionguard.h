#pragma once

#include "core/common/error.h"
#include "core/domain/modelinfo.h"
#include "core/domain/protectionclass.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace genius::security {

/// The gateway endpoints that carry content.
enum class Endpoint { ChatCompletions, Embeddings };
QString endpointPath(Endpoint endpoint);

/// What a caller wants to send: the endpoint, the class of everything it carries (the
/// highest of attached documents, retrieved chunks and earlier turns) and the documents.
struct OutboundRequest {
    Endpoint endpoint = Endpoint::ChatCompletions;
    domain::ProtectionClass requestClass = domain::ProtectionClass::Normal;
    QStringList documentIds;
};

/// Permission to send one request to one model. Only ProtectionGuard can create it, and
/// every gateway call that carries content takes one, so no code path can send without
/// the guard's check: skipping it does not compile.
class OutboundDecision final
{
public:
    const domain::ModelInfo& model() const { return m_model; }
    domain::ProtectionClass requestClass() const { return m_requestClass; }
    Endpoint endpoint() const { return m_endpoint; }
    const QStringList& documentIds() const { return m_documentIds; }

private:
    friend class ProtectionGuard;
    OutboundDecision(domain::ModelInfo model, domain::ProtectionClass requestClass, Endpoint endpoint,
                     QStringList documentIds);

    domain::ModelInfo m_model;
    domain::ProtectionClass m_requestClass;
    Endpoint m_endpoint;
    QStringList m_documentIds;
};

/// The protection-class guard: the one place that decides whether content may leave.
class ProtectionGuard final
{
public:
    /// `allowedModels` is the policy's list; empty allows every model.
    explicit ProtectionGuard(QStringList allowedModels = {});

    /// Allows the request when the class is below very-high, the model is allowed by policy,
    /// has the right kind for the endpoint and is cleared for the class. Otherwise
    /// ErrorCode::Refused with one sentence that names a cleared model from `catalogue`
    /// when there is one.
    common::Result<OutboundDecision> decide(const OutboundRequest& request, const domain::ModelInfo& model,
                                            const QList<domain::ModelInfo>& catalogue = {}) const;

    /// The first allowed model of the kind cleared for the class, preferring the lowest
    /// sufficient clearance (the route DESIGN.md names for that class).
    std::optional<domain::ModelInfo> suggest(domain::ProtectionClass requestClass, domain::ModelKind kind,
                                             const QList<domain::ModelInfo>& catalogue) const;

    bool isAllowed(const QString& modelId) const;

private:
    QStringList m_allowedModels;
};

} // namespace genius::security
