#pragma once

#include "core/domain/modelinfo.h"
#include "core/gateway/gatewayclient.h"

#include <QObject>

#include <optional>

namespace genius::services {

/// The gateway's model catalogue, fetched once per session and kept.
class ModelService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelService)

public:
    explicit ModelService(gateway::GatewayClient& client, QObject* parent = nullptr);

    using Done = std::function<void(gateway::GatewayResult<QList<domain::ModelInfo>>)>;
    /// The catalogue; fetched on first use.
    void catalogue(QObject* context, Done done);
    /// What the key has spent and may spend, where the gateway reports it (LiteLLM /key/info);
    /// asked anew each time, since every answer spends.
    void keyInfo(QObject* context, std::function<void(gateway::GatewayResult<gateway::KeyInfo>)> done);
    /// The catalogue's entry for a model, or (case 60: usable but unlisted) an entry with
    /// the clearance the policy table gives it, else `none`.
    static domain::ModelInfo lookUp(const QString& id, domain::ModelKind kind, const QList<domain::ModelInfo>& catalogue,
                                    const QStringList& clearanceTable);

private:
    gateway::GatewayClient& m_client;
    std::optional<QList<domain::ModelInfo>> m_cached;
};

} // namespace genius::services
