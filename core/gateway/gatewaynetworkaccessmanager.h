#pragma once

#include "core/gateway/gatewayconfig.h"

#include <QNetworkAccessManager>

namespace genius::gateway {

/// The one place that applies transport policy to every gateway request: base URL, auth
/// header (only towards the gateway's own host), TLS verification always on with the
/// extra CA certificates, proxy, user agent, X-Request-ID, and same-origin redirects only.
/// The X-Protection-Class header is set by the clients from the guard's decision.
class GatewayNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayNetworkAccessManager)

public:
    explicit GatewayNetworkAccessManager(GatewayConfig config, QObject* parent = nullptr);

    const GatewayConfig& config() const { return m_config; }
    /// The API key, held in memory only; never logged.
    void setApiKey(const QString& key) { m_apiKey = key; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }

    static QByteArray protectionClassHeader() { return QByteArrayLiteral("X-Protection-Class"); }
    static QByteArray requestIdHeader() { return QByteArrayLiteral("X-Request-ID"); }

protected:
    QNetworkReply* createRequest(Operation operation, const QNetworkRequest& original,
                                 QIODevice* outgoingData = nullptr) override;

private:
    bool isGatewayHost(const QUrl& url) const;

    GatewayConfig m_config;
    QString m_apiKey;
};

} // namespace genius::gateway
