#pragma once

#include "core/security/secretstore.h"

#include <QProcessEnvironment>

namespace genius::security {

/// An API key and where it came from (never logged, never written to a file).
struct ApiKey {
    enum class Origin { Environment, Keychain };
    QString value;
    Origin origin;
};

/// Finds the API key for a gateway: the environment variable GENIUS_API_KEY when it is set
/// (an explicit choice for scripts and CI), otherwise the keychain entry for that gateway.
class ApiKeySource final
{
public:
    ApiKeySource(SecretStore& store, QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    void resolve(const QString& gatewayUrl, QObject* context, std::function<void(common::Result<ApiKey>)> done) const;
    /// Stores the key for a gateway in the keychain.
    void store(const QString& gatewayUrl, const QString& key, QObject* context, SecretStore::Done done) const;
    void remove(const QString& gatewayUrl, QObject* context, SecretStore::Done done) const;

    /// The keychain entry name of a gateway: "api-key " plus the URL without query or
    /// trailing slash, so keys for different gateways never mix.
    static QString secretName(const QString& gatewayUrl);
    static QString environmentVariable() { return QStringLiteral("GENIUS_API_KEY"); }

private:
    SecretStore& m_store;
    QProcessEnvironment m_environment;
};

QString originName(ApiKey::Origin origin);

} // namespace genius::security
