#pragma once

#include "core/common/error.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <vector>

namespace genius::settings {

/// Who may set a key. Every layer above the named one may set it too; policy sets any key.
enum class Scope {
    User,    ///< the user (settings view, `genius-cli settings set`), machine defaults, policy
    Machine, ///< machine defaults and policy only
    Policy,  ///< policy only
};

enum class ValueType { String, Bool, Int, StringList };

/// Turns a raw value (from JSON, INI or the registry) into the normalised value of the
/// key's type, or says in one sentence why it is not acceptable.
using Validator = std::function<common::Result<QVariant>(const QVariant& raw)>;

/// One row of the settings table.
struct SettingDefinition {
    QString key;
    Scope scope;
    ValueType type;
    QVariant defaultValue;
    Validator validate;
    const char* description; ///< English; translated in the UI via the "Settings" context
    QStringList choices;     ///< the allowed values of a closed-set key; empty for free-form keys
    int minimum = 0;         ///< the range of an Int key (both 0 for other types)
    int maximum = 0;
};

/// The one table of every setting the product knows, in display order.
const std::vector<SettingDefinition>& settingsTable();

/// The row for a key, or nullptr for an unknown key.
const SettingDefinition* findSetting(const QString& key);

/// The spelling of a scope in the CLI and the docs: "user", "machine", "policy".
QString scopeName(Scope scope);

/// The keys, as constants for code that reads them.
namespace keys {
inline const QString GatewayUrl = QStringLiteral("gateway/url");
inline const QString GatewayKind = QStringLiteral("gateway/kind");
inline const QString GatewayAuthHeader = QStringLiteral("gateway/authHeader");
inline const QString GatewayDefaultModel = QStringLiteral("gateway/defaultModel");
inline const QString GatewayEmbeddingModel = QStringLiteral("gateway/embeddingModel");
inline const QString GatewayAllowedModels = QStringLiteral("gateway/allowedModels");
inline const QString GatewayClearanceTable = QStringLiteral("gateway/clearanceTable");
inline const QString GatewayContextWindows = QStringLiteral("gateway/contextWindows");
inline const QString GatewayFirstByteTimeout = QStringLiteral("gateway/firstByteTimeoutSeconds");
inline const QString GatewayIdleTimeout = QStringLiteral("gateway/idleTimeoutSeconds");
inline const QString NetworkProxy = QStringLiteral("network/proxy");
inline const QString NetworkCaCertificates = QStringLiteral("network/caCertificates");
inline const QString ProtectionDefaultClass = QStringLiteral("protection/defaultClass");
inline const QString RetentionNone = QStringLiteral("retention/noneDays");
inline const QString RetentionNormal = QStringLiteral("retention/normalDays");
inline const QString RetentionHigh = QStringLiteral("retention/highDays");
inline const QString RetentionVeryHigh = QStringLiteral("retention/veryHighDays");
inline const QString AuditContentLevel = QStringLiteral("audit/contentLevel");
inline const QString StoreUrl = QStringLiteral("store/url");
inline const QString StoreSyncMinutes = QStringLiteral("store/syncMinutes");
inline const QString RoleName = QStringLiteral("roles/role");
inline const QString UiLanguage = QStringLiteral("ui/language");
} // namespace keys

} // namespace genius::settings
