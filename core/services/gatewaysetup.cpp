#include "core/services/gatewaysetup.h"

#include "core/gateway/gatewayclient.h"
#include "core/gateway/gatewayconfig.h"
#include "core/security/apikeysource.h"
#include "core/settings/settings.h"
#include "core/settings/settingsschema.h"

#include <memory>

namespace genius::services {

namespace {

common::Result<QString> validatedText(const settings::Settings& settings, const QString& key, const QString& value)
{
    // A key that policy sets is taken as policy sets it, whatever was typed.
    if (settings.lock(key) != settings::Lock::None)
        return settings.text(key);
    const settings::SettingDefinition* definition = settings::findSetting(key);
    const auto normalised = definition->validate(value.trimmed());
    if (!normalised)
        return std::unexpected(common::Error{normalised.error().code, key + QStringLiteral(": ") + normalised.error().detail});
    return normalised->toString();
}

} // namespace

GatewaySetup::GatewaySetup(settings::Settings& settings, security::SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
}

GatewaySetup::~GatewaySetup() = default;

common::Result<GatewaySetup::Draft> GatewaySetup::validated(const Draft& draft) const
{
    const auto url = validatedText(m_settings, settings::keys::GatewayUrl, draft.url);
    if (!url)
        return std::unexpected(url.error());
    if (url->isEmpty())
        return std::unexpected(common::Error{common::ErrorCode::InvalidArgument, QStringLiteral("The gateway address is empty.")});
    const auto proxy = validatedText(m_settings, settings::keys::NetworkProxy, draft.proxy);
    if (!proxy)
        return std::unexpected(proxy.error());
    return Draft{*url, draft.apiKey.trimmed(), *proxy};
}

void GatewaySetup::check(const Draft& draft, Checked done)
{
    const auto valid = validated(draft);
    if (!valid)
        return done(std::unexpected(FunctionFailure{valid.error(), {}}));
    gateway::GatewayConfig config = gateway::gatewayConfigFrom(m_settings);
    config.baseUrl = QUrl(valid->url);
    config.proxy = valid->proxy;
    config.maxAttempts = 1; // the user waits for the answer: one try, then the reason
    auto* client = new gateway::GatewayClient(config, this);
    const auto fetch = [this, client, done](const QString& key) {
        client->setApiKey(key);
        client->fetchCatalogue(this, [client, done](gateway::GatewayResult<QList<domain::ModelInfo>> catalogue) {
            client->deleteLater();
            if (!catalogue)
                return done(std::unexpected(FunctionFailure{catalogue.error(), {}}));
            QList<domain::ModelInfo> chatModels;
            for (const domain::ModelInfo& model : std::as_const(*catalogue)) {
                if (model.kind == domain::ModelKind::Chat)
                    chatModels.append(model);
            }
            done(chatModels);
        });
    };
    if (!valid->apiKey.isEmpty())
        return fetch(valid->apiKey);
    // No key typed: the one stored for this address (or the environment's), if any.
    auto source = std::make_shared<security::ApiKeySource>(m_secrets);
    source->resolve(valid->url, this, [source, fetch](common::Result<security::ApiKey> key) {
        fetch(key ? key->value : QString());
    });
}

void GatewaySetup::save(const Draft& draft, const QString& defaultModel,
                        std::function<void(std::optional<common::Error>)> done)
{
    const auto valid = validated(draft);
    if (!valid)
        return done(valid.error());
    const QList<std::pair<QString, QString>> values{{settings::keys::GatewayUrl, valid->url},
                                                    {settings::keys::NetworkProxy, valid->proxy},
                                                    {settings::keys::GatewayDefaultModel, defaultModel.trimmed()}};
    for (const auto& [key, value] : values) {
        if (m_settings.lock(key) != settings::Lock::None || (key == settings::keys::GatewayDefaultModel && value.isEmpty()))
            continue;
        if (m_settings.text(key) == value)
            continue;
        if (auto saved = m_settings.setValue(key, value); !saved)
            return done(saved.error());
    }
    if (valid->apiKey.isEmpty()) {
        Q_EMIT saved();
        return done(std::nullopt);
    }
    auto source = std::make_shared<security::ApiKeySource>(m_secrets);
    source->store(valid->url, valid->apiKey, this, [this, source, done](common::Result<void> stored) {
        if (!stored)
            return done(stored.error());
        Q_EMIT saved();
        done(std::nullopt);
    });
}

} // namespace genius::services
