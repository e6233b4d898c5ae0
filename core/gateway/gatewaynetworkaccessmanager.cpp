#include "core/gateway/gatewaynetworkaccessmanager.h"

#include "core/common/appinfo.h"

#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QUuid>

namespace genius::gateway {

GatewayNetworkAccessManager::GatewayNetworkAccessManager(GatewayConfig config, QObject* parent)
    : QNetworkAccessManager(parent)
    , m_config(std::move(config))
{
    if (m_config.proxy == QLatin1String("none")) {
        setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    } else if (!m_config.proxy.isEmpty()) {
        const QUrl url(m_config.proxy);
        setProxy(QNetworkProxy(url.scheme() == QLatin1String("socks5") ? QNetworkProxy::Socks5Proxy
                                                                        : QNetworkProxy::HttpProxy,
                               url.host(), static_cast<quint16>(url.port())));
    }
    // Redirects may never move a request (and its key) to another host or to plain HTTP.
    setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    setAutoDeleteReplies(false);
}

bool GatewayNetworkAccessManager::isGatewayHost(const QUrl& url) const
{
    return url.scheme() == m_config.baseUrl.scheme() && url.host() == m_config.baseUrl.host()
        && url.port(url.scheme() == QLatin1String("https") ? 443 : 80)
        == m_config.baseUrl.port(m_config.baseUrl.scheme() == QLatin1String("https") ? 443 : 80);
}

QNetworkReply* GatewayNetworkAccessManager::createRequest(Operation operation, const QNetworkRequest& original,
                                                          QIODevice* outgoingData)
{
    QNetworkRequest request(original);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("%1/%2").arg(common::productName(), common::productVersion()));
    if (!request.hasRawHeader(requestIdHeader()))
        request.setRawHeader(requestIdHeader(), QUuid::createUuid().toByteArray(QUuid::WithoutBraces));

    // TLS verification is always on; extra CAs are added, never substituted.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_config.extraCaCertificates.isEmpty())
        tls.addCaCertificates(m_config.extraCaCertificates);
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);

    // The key goes only to the gateway's own origin.
    if (!m_apiKey.isEmpty() && isGatewayHost(request.url())) {
        if (m_config.auth == GatewayConfig::Auth::ApiKeyHeader)
            request.setRawHeader(QByteArrayLiteral("api-key"), m_apiKey.toUtf8());
        else
            request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_apiKey.toUtf8());
    }
    return QNetworkAccessManager::createRequest(operation, request, outgoingData);
}

} // namespace genius::gateway
