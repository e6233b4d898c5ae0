#include "core/security/apikeysource.h"

#include <QTimer>
#include <QUrl>

namespace genius::security {

ApiKeySource::ApiKeySource(SecretStore& store, QProcessEnvironment environment)
    : m_store(store)
    , m_environment(std::move(environment))
{
}

void ApiKeySource::resolve(const QString& gatewayUrl, QObject* context,
                           std::function<void(common::Result<ApiKey>)> done) const
{
    const QString fromEnvironment = m_environment.value(environmentVariable()).trimmed();
    if (!fromEnvironment.isEmpty()) {
        QTimer::singleShot(0, context, [done, fromEnvironment] {
            done(ApiKey{fromEnvironment, ApiKey::Origin::Environment});
        });
        return;
    }
    m_store.read(secretName(gatewayUrl), context, [done](common::Result<QString> secret) {
        if (!secret)
            return done(std::unexpected(secret.error()));
        done(ApiKey{*secret, ApiKey::Origin::Keychain});
    });
}

void ApiKeySource::store(const QString& gatewayUrl, const QString& key, QObject* context,
                         SecretStore::Done done) const
{
    m_store.write(secretName(gatewayUrl), key, context, std::move(done));
}

void ApiKeySource::remove(const QString& gatewayUrl, QObject* context, SecretStore::Done done) const
{
    m_store.remove(secretName(gatewayUrl), context, std::move(done));
}

QString ApiKeySource::secretName(const QString& gatewayUrl)
{
    const QUrl url(gatewayUrl);
    const QString normalised = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo
                                            | QUrl::StripTrailingSlash)
                                   .toString();
    return QStringLiteral("api-key ") + normalised;
}

QString originName(ApiKey::Origin origin)
{
    return origin == ApiKey::Origin::Environment ? QStringLiteral("environment") : QStringLiteral("keychain");
}

} // namespace genius::security
