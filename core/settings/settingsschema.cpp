#include "core/settings/settingsschema.h"

#include "core/domain/protectionclass.h"
#include "core/settings/settingsvalidators.h"

#include <QCoreApplication>

namespace genius::settings {

namespace v = validators;

namespace {

std::vector<SettingDefinition> buildTable()
{
    // Every row is built by one of these, so each type's validator and metadata agree.
    const auto text = [](const QString& key, Scope scope, Validator validator, const char* description) {
        return SettingDefinition{key, scope, ValueType::String, QString(), std::move(validator), description, {}, 0, 0};
    };
    const auto list = [](const QString& key, Scope scope, Validator item, const char* description) {
        return SettingDefinition{key,         scope, ValueType::StringList, QStringList(), v::listOf(std::move(item)),
                                 description, {},    0,                     0};
    };
    const auto number = [](const QString& key, int defaultValue, int minimum, int maximum, const char* description) {
        return SettingDefinition{key,         Scope::User, ValueType::Int, defaultValue, v::integerRange(minimum, maximum),
                                 description, {},          minimum,        maximum};
    };
    // A closed-set key: the validator and the UI's choices come from the same list.
    const auto choice = [](const QString& key, Scope scope, const QString& defaultValue, const QStringList& choices,
                           const char* description) {
        return SettingDefinition{key, scope, ValueType::String, defaultValue, v::oneOf(choices), description, choices, 0, 0};
    };
    return {
        text(keys::GatewayUrl, Scope::User, v::httpUrl(true),
             QT_TRANSLATE_NOOP("Settings", "Base URL of the AIaaS gateway (OpenAI-compatible), e.g. https://aiaas.example/v1.")),
        choice(keys::GatewayKind, Scope::User, QStringLiteral("openai"),
               {QStringLiteral("openai"), QStringLiteral("litellm"), QStringLiteral("azure")},
               QT_TRANSLATE_NOOP("Settings", "Kind of gateway: openai, litellm or azure.")),
        choice(keys::GatewayAuthHeader, Scope::User, QStringLiteral("bearer"),
               {QStringLiteral("bearer"), QStringLiteral("api-key")},
               QT_TRANSLATE_NOOP("Settings", "How the API key is sent: an Authorization bearer token or an api-key header.")),
        text(keys::GatewayDefaultModel, Scope::User, v::modelName(),
             QT_TRANSLATE_NOOP("Settings", "Model used when none is chosen; empty picks the first cleared model.")),
        text(keys::GatewayEmbeddingModel, Scope::User, v::modelName(),
             QT_TRANSLATE_NOOP("Settings",
                               "Embedding model for document search; empty picks the one cleared for the highest class.")),
        list(keys::GatewayAllowedModels, Scope::Policy, v::modelName(),
             QT_TRANSLATE_NOOP("Settings", "Models staff may use; empty allows every model of the catalogue.")),
        list(keys::GatewayClearanceTable, Scope::Machine, v::clearanceEntry(),
             QT_TRANSLATE_NOOP("Settings", "Clearance of models the gateway reports nothing about, as model=class.")),
        list(keys::GatewayContextWindows, Scope::User, v::contextWindowEntry(),
             QT_TRANSLATE_NOOP("Settings", "Context window of models in tokens, as model=tokens (* for any model); default 8192.")),
        number(keys::GatewayFirstByteTimeout, 60, 1, 600,
               QT_TRANSLATE_NOOP("Settings", "Seconds to wait for the first byte of a gateway answer.")),
        number(keys::GatewayIdleTimeout, 60, 1, 600,
               QT_TRANSLATE_NOOP("Settings", "Seconds a streamed answer may stay silent before it counts as cut.")),
        text(keys::NetworkProxy, Scope::User, v::proxy(),
             QT_TRANSLATE_NOOP("Settings", "Proxy: empty for the system proxy, none for a direct connection, or a URL.")),
        list(keys::NetworkCaCertificates, Scope::Machine, v::anyText(),
             QT_TRANSLATE_NOOP("Settings", "Extra CA certificate files (PEM) trusted for the gateway and the store.")),
        choice(keys::ProtectionDefaultClass, Scope::User, QStringLiteral("normal"), domain::protectionClassNames(),
               QT_TRANSLATE_NOOP("Settings", "Protection class a new conversation starts with.")),
        number(keys::RetentionNone, 0, 0, 36500,
               QT_TRANSLATE_NOOP("Settings", "Days to keep conversations of class none; 0 keeps them.")),
        number(keys::RetentionNormal, 0, 0, 36500,
               QT_TRANSLATE_NOOP("Settings", "Days to keep conversations of class normal; 0 keeps them.")),
        number(keys::RetentionHigh, 0, 0, 36500,
               QT_TRANSLATE_NOOP("Settings", "Days to keep conversations of class high; 0 keeps them.")),
        number(keys::RetentionVeryHigh, 0, 0, 36500,
               QT_TRANSLATE_NOOP("Settings", "Days to keep conversations of class very high; 0 keeps them.")),
        choice(keys::AuditContentLevel, Scope::Machine, QStringLiteral("metadata"),
               {QStringLiteral("metadata"), QStringLiteral("content")},
               QT_TRANSLATE_NOOP("Settings", "What the audit log keeps: metadata only, or the sent content as well.")),
        text(keys::StoreUrl, Scope::User, v::storeUrl(),
             QT_TRANSLATE_NOOP("Settings", "Shared collection store (postgresql://…); empty uses the local profile.")),
        number(keys::StoreSyncMinutes, 30, 0, 1440,
               QT_TRANSLATE_NOOP("Settings", "Minutes between the desktop app's syncs of the shared collections; 0 "
                                             "syncs only at start and on demand.")),
        choice(keys::RoleName, Scope::Policy, QStringLiteral("staff"),
               {QStringLiteral("staff"), QStringLiteral("data-manager")},
               QT_TRANSLATE_NOOP("Settings", "Role on this workstation: staff or data-manager. Unset, the user "
                                             "manages the collections of their own profile (data-manager).")),
        choice(keys::UiLanguage, Scope::User, QString(), {QString(), QStringLiteral("de"), QStringLiteral("en")},
               QT_TRANSLATE_NOOP("Settings", "Language of the user interface: empty follows the system, de or en.")),
    };
}

} // namespace

const std::vector<SettingDefinition>& settingsTable()
{
    static const std::vector<SettingDefinition> table = buildTable();
    return table;
}

const SettingDefinition* findSetting(const QString& key)
{
    for (const SettingDefinition& definition : settingsTable()) {
        if (definition.key == key)
            return &definition;
    }
    return nullptr;
}

QString scopeName(Scope scope)
{
    switch (scope) {
    case Scope::User: return QStringLiteral("user");
    case Scope::Machine: return QStringLiteral("machine");
    case Scope::Policy: return QStringLiteral("policy");
    }
    return QString();
}

} // namespace genius::settings
