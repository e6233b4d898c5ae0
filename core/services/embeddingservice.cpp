#include "core/services/embeddingservice.h"

#include "core/gateway/gatewayclient.h"
#include "core/security/auditlog.h"
#include "core/services/modelservice.h"

#include <QPointer>
#include <QUuid>

namespace genius::services {

using common::ErrorCode;

EmbeddingService::EmbeddingService(gateway::GatewayClient& client, ModelService& models, security::AuditLog& audit,
                                   security::ProtectionGuard guard, QString preferredModel, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_models(models)
    , m_audit(audit)
    , m_guard(std::move(guard))
    , m_preferredModel(std::move(preferredModel))
{
}

void EmbeddingService::choose(const QList<domain::ModelInfo>& catalogue)
{
    m_catalogue = catalogue;
    m_chosen = true;
    if (!m_preferredModel.isEmpty()) {
        m_model = ModelService::lookUp(m_preferredModel, domain::ModelKind::Embedding, catalogue,
                                       m_client.config().clearanceTable);
        if (!m_guard.isAllowed(m_model.id))
            m_model = {};
        return;
    }
    // One model names all vectors of the index: take the one that may see the most documents.
    m_model = {};
    bool found = false;
    for (const auto& model : catalogue) {
        if (model.kind != domain::ModelKind::Embedding || !m_guard.isAllowed(model.id))
            continue;
        if (!found || domain::higherOf(model.clearance, m_model.clearance) != m_model.clearance) {
            m_model = model;
            found = true;
        }
    }
}

void EmbeddingService::prepare(QObject* context, std::function<void(QString, domain::ProtectionClass)> done)
{
    if (m_chosen)
        return done(m_model.id, m_model.clearance);
    QPointer<QObject> guardContext(context);
    m_models.catalogue(this, [this, guardContext, done](gateway::GatewayResult<QList<domain::ModelInfo>> catalogue) {
        // An unreachable gateway leaves documents lexical only; a named model is still tried.
        choose(catalogue ? *catalogue : QList<domain::ModelInfo>{});
        if (!catalogue && m_preferredModel.isEmpty())
            m_chosen = false; // ask again next time, the gateway may be back
        if (guardContext)
            done(m_model.id, m_model.clearance);
    });
}

void EmbeddingService::embed(const QStringList& texts, domain::ProtectionClass cls, const QStringList& documentIds,
                             QObject* context, Done done)
{
    if (m_model.id.isEmpty())
        return done(common::fail(ErrorCode::Unavailable, QStringLiteral("No embedding model of the gateway is usable.")));
    auto decision = m_guard.decide({security::Endpoint::Embeddings, cls, documentIds}, m_model, m_catalogue);
    if (!decision)
        return done(std::unexpected(decision.error()));
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Recorded before the first byte leaves; if the audit log cannot be written, nothing leaves.
    auto sequence = m_audit.begin({security::endpointPath(security::Endpoint::Embeddings), m_model.id,
                                   domain::protectionClassName(cls), documentIds, requestId});
    if (!sequence)
        return done(std::unexpected(sequence.error()));
    m_client.embed(*decision, texts, context,
                   [this, sequence = *sequence, done](gateway::GatewayResult<QList<QVector<float>>> vectors) {
                       security::AuditCompletion completion;
                       completion.sequence = sequence;
                       completion.outcome = vectors ? QStringLiteral("completed")
                                                    : QStringLiteral("failed:") + gateway::errorKindName(vectors.error().kind);
                       m_audit.complete(completion);
                       if (!vectors)
                           return done(common::fail(vectors.error().kind == gateway::GatewayErrorKind::Cancelled
                                                        ? ErrorCode::Cancelled
                                                        : ErrorCode::Unavailable,
                                                    QStringLiteral("The gateway did not return vectors (%1).")
                                                        .arg(gateway::errorKindName(vectors.error().kind))));
                       done(std::move(*vectors));
                   });
}

} // namespace genius::services
