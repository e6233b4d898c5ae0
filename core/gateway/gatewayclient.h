#pragma once

#include "core/domain/modelinfo.h"
#include "core/gateway/chatrequest.h"
#include "core/gateway/gatewayconfig.h"
#include "core/gateway/protocol/gatewayerror.h"

#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QVector>

#include <expected>
#include <functional>
#include <optional>

namespace genius::security {
class OutboundDecision;
}

namespace genius::gateway {

class ChatStream;
class GatewayNetworkAccessManager;

template<typename T>
using GatewayResult = std::expected<T, GatewayError>;

/// Spend and budget as the gateway reports them (LiteLLM /key/info); unknown stays unset.
struct KeyInfo {
    std::optional<double> spend;
    std::optional<double> maxBudget;
};

/// The clients of the gateway's endpoints over one GatewayNetworkAccessManager. Calls that
/// carry content take the guard's OutboundDecision and send its class in
/// X-Protection-Class; there is no other way to reach those endpoints. Callbacks run on
/// the caller's thread and not at all once `context` is destroyed.
class GatewayClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayClient)

public:
    explicit GatewayClient(GatewayConfig config, QObject* parent = nullptr);
    ~GatewayClient() override;

    const GatewayConfig& config() const;
    void setApiKey(const QString& key);

    /// GET /models (and /model/info when offered), merged with the policy clearance table.
    void fetchCatalogue(QObject* context, std::function<void(GatewayResult<QList<domain::ModelInfo>>)> done);

    /// POST /chat/completions with `requestId` as X-Request-ID (the audit log's id). The
    /// returned stream is owned by `parent`.
    ChatStream* chat(const security::OutboundDecision& decision, const ChatRequest& request, const QString& requestId,
                     QObject* parent);

    /// POST /embeddings in batches of `batchSize`, vectors in input order.
    void embed(const security::OutboundDecision& decision, const QStringList& inputs, QObject* context,
               std::function<void(GatewayResult<QList<QVector<float>>>)> done, qsizetype batchSize = 64);

    /// GET /key/info where offered; an absent endpoint gives an empty KeyInfo.
    void fetchKeyInfo(QObject* context, std::function<void(GatewayResult<KeyInfo>)> done);

private:
    QNetworkRequest requestFor(const QString& path, const security::OutboundDecision* decision) const;
    void get(const QString& path, QObject* context, std::function<void(int, QByteArray, GatewayError)> done);
    void embedBatch(const security::OutboundDecision& decision, QStringList inputs, qsizetype from,
                    qsizetype batchSize, std::shared_ptr<QList<QVector<float>>> collected, QObject* context,
                    std::function<void(GatewayResult<QList<QVector<float>>>)> done);

    GatewayNetworkAccessManager* m_network;
    RequestQuirks quirksFor(const QString& model) const;

    QHash<QString, RequestQuirks> m_quirks; ///< learned per model
    bool m_omitStreamOptions = false;       ///< learned for the endpoint
};

} // namespace genius::gateway
