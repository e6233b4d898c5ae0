#include "core/gateway/gatewayconfig.h"

#include "core/settings/settings.h"

namespace genius::gateway {

namespace keys = settings::keys;

QUrl GatewayConfig::endpoint(const QString& path) const
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

GatewayConfig gatewayConfigFrom(const settings::Settings& settings, QStringList* warnings)
{
    GatewayConfig config;
    config.baseUrl = QUrl(settings.text(keys::GatewayUrl));
    config.auth = settings.text(keys::GatewayAuthHeader) == QLatin1String("api-key") ? GatewayConfig::Auth::ApiKeyHeader
                                                                                     : GatewayConfig::Auth::Bearer;
    config.kind = settings.text(keys::GatewayKind);
    config.firstByteTimeout = std::chrono::seconds(settings.integer(keys::GatewayFirstByteTimeout));
    config.idleTimeout = std::chrono::seconds(settings.integer(keys::GatewayIdleTimeout));
    config.proxy = settings.text(keys::NetworkProxy);
    config.clearanceTable = settings.list(keys::GatewayClearanceTable);
    config.allowedModels = settings.list(keys::GatewayAllowedModels);
    for (const QString& path : settings.list(keys::NetworkCaCertificates)) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
        if (certificates.isEmpty() && warnings)
            *warnings << QStringLiteral("The CA certificate file %1 could not be read; it is ignored.").arg(path);
        config.extraCaCertificates << certificates;
    }
    return config;
}

} // namespace genius::gateway
