#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace genius::settings {
class Settings;
}

namespace genius::gateway {

/// Transport policy for every gateway request, taken from settings and policy.
struct GatewayConfig {
    enum class Auth { Bearer, ApiKeyHeader };

    QUrl baseUrl; ///< e.g. https://aiaas.example/v1
    Auth auth = Auth::Bearer;
    QString kind = QStringLiteral("openai");
    std::chrono::milliseconds firstByteTimeout = std::chrono::seconds(60);
    std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
    QString proxy;                          ///< "" system, "none" direct, or a URL
    QList<QSslCertificate> extraCaCertificates;
    QStringList clearanceTable;             ///< "model=class" entries from policy
    QStringList allowedModels;              ///< empty: every model
    int maxAttempts = 3;                    ///< first try plus retries before any content
    std::chrono::milliseconds maxRetryWait = std::chrono::seconds(30);
    std::chrono::milliseconds retryBase = std::chrono::milliseconds(500);

    /// The URL of an endpoint below the base URL, e.g. "/chat/completions".
    QUrl endpoint(const QString& path) const;
};

/// Builds the configuration from the effective settings. CA files that cannot be read
/// are reported in `warnings` and skipped.
GatewayConfig gatewayConfigFrom(const settings::Settings& settings, QStringList* warnings = nullptr);

} // namespace genius::gateway
