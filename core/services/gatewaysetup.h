#pragma once

#include "core/domain/modelinfo.h"
#include "core/services/functionresult.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace genius::security {
class SecretStore;
}
namespace genius::settings {
class Settings;
}

namespace genius::services {

/// Connecting a workstation to its gateway, as the first-run assistant does: the address, the
/// API key and the proxy the user typed are tried with one catalogue request before anything is
/// saved; saving puts address, proxy and default model into the settings (validated, keys that
/// policy sets are left alone) and the key into the keychain — never into a file.
class GatewaySetup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewaySetup)

public:
    struct Draft {
        QString url;
        QString apiKey; ///< empty: keep the stored key (or go without one)
        QString proxy;  ///< "" system proxy, "none" direct, or a URL
    };

    /// `settings` and `secrets` must outlive the object.
    GatewaySetup(settings::Settings& settings, security::SecretStore& secrets, QObject* parent = nullptr);
    ~GatewaySetup() override;

    /// The draft as the settings would store it (URL and proxy normalised), or why not.
    common::Result<Draft> validated(const Draft& draft) const;

    using Checked = std::function<void(std::expected<QList<domain::ModelInfo>, FunctionFailure>)>;
    /// Asks the draft's gateway for its catalogue (the chat models, clearance and location
    /// as the policy table completes them). Nothing is sent when the draft does not validate.
    void check(const Draft& draft, Checked done);

    /// Saves the draft and `defaultModel` (may be empty). `done` gets the first problem, or
    /// nullopt; settings that were valid stay saved even when the keychain refuses the key.
    void save(const Draft& draft, const QString& defaultModel, std::function<void(std::optional<common::Error>)> done);

Q_SIGNALS:
    /// A save completed: whoever composed the gateway services builds them again.
    void saved();

private:
    settings::Settings& m_settings;
    security::SecretStore& m_secrets;
};

} // namespace genius::services
