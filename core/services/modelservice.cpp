#include "core/services/modelservice.h"

#include "core/gateway/modelcatalog.h"

#include <QPointer>

namespace genius::services {

ModelService::ModelService(gateway::GatewayClient& client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

void ModelService::catalogue(QObject* context, Done done)
{
    if (m_cached)
        return done(*m_cached);
    QPointer<ModelService> self(this);
    m_client.fetchCatalogue(context, [self, done](gateway::GatewayResult<QList<domain::ModelInfo>> result) {
        if (result && self)
            self->m_cached = *result;
        done(std::move(result));
    });
}

domain::ModelInfo ModelService::lookUp(const QString& id, domain::ModelKind kind,
                                       const QList<domain::ModelInfo>& catalogue, const QStringList& clearanceTable)
{
    for (const domain::ModelInfo& model : catalogue) {
        if (model.id == id)
            return model;
    }
    const QList<domain::ModelInfo> fromTable = gateway::parseModelCatalogue({}, {}, clearanceTable);
    for (domain::ModelInfo model : fromTable) {
        if (model.id == id) {
            model.kind = kind;
            return model;
        }
    }
    domain::ModelInfo unknown;
    unknown.id = id;
    unknown.kind = kind;
    return unknown; // clearance none, as DESIGN.md requires for unknown models
}

void ModelService::keyInfo(QObject* context, std::function<void(gateway::GatewayResult<gateway::KeyInfo>)> done)
{
    m_client.fetchKeyInfo(context, std::move(done));
}

} // namespace genius::services
