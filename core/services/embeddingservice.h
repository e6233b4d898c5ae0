#pragma once

#include "core/index/embeddingprovider.h"
#include "core/security/protectionguard.h"

#include <QObject>

namespace genius::gateway {
class GatewayClient;
}
namespace genius::security {
class AuditLog;
}

namespace genius::services {

class ModelService;

/// Vectors for passages and queries from the gateway's embedding model. Every request goes
/// through the protection-class guard and the audit log like a chat request: a document
/// above the model's clearance is never sent, very-high never leaves.
class EmbeddingService final : public QObject, public index::EmbeddingProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddingService)

public:
    /// `preferredModel` from settings; empty picks the allowed model cleared for the highest class.
    EmbeddingService(gateway::GatewayClient& client, ModelService& models, security::AuditLog& audit,
                     security::ProtectionGuard guard, QString preferredModel, QObject* parent = nullptr);

    void prepare(QObject* context, std::function<void(QString model, domain::ProtectionClass clearance)> done) override;
    void embed(const QStringList& texts, domain::ProtectionClass cls, const QStringList& documentIds, QObject* context,
               Done done) override;

private:
    void choose(const QList<domain::ModelInfo>& catalogue);

    gateway::GatewayClient& m_client;
    ModelService& m_models;
    security::AuditLog& m_audit;
    security::ProtectionGuard m_guard;
    QString m_preferredModel;
    bool m_chosen = false;
    domain::ModelInfo m_model;
    QList<domain::ModelInfo> m_catalogue;
};

} // namespace genius::services
