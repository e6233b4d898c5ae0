#pragma once

#include "core/common/error.h"
#include "core/settings/settingslayer.h"
#include "core/settings/settingslocations.h"
#include "core/settings/settingsschema.h"
#include "core/settings/usersettingsfile.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVariant>

namespace genius::settings {

/// Where the effective value of a key comes from.
enum class Source { Default, Machine, User, Session, Policy };

/// Why a user cannot change a key.
enum class Lock {
    None,          ///< the user may change it
    Policy,        ///< policy sets it
    Administrator, ///< the key's scope is machine or policy
};

/// The effective state of one key, for the settings view and `genius-cli settings`.
struct SettingState {
    const SettingDefinition* definition;
    QVariant value;
    Source source;
    Lock lock;
};

/// The effective settings: policy over a session override over the user's value over
/// machine defaults over the table's default. Values are validated on every path in.
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    explicit Settings(SettingsLocations locations, QObject* parent = nullptr);

    /// The effective value; an invalid value for an unknown key.
    QVariant value(const QString& key) const;
    QString text(const QString& key) const { return value(key).toString(); }
    int integer(const QString& key) const { return value(key).toInt(); }
    QStringList list(const QString& key) const { return value(key).toStringList(); }

    Source source(const QString& key) const;
    Lock lock(const QString& key) const;
    /// The keys policy sets, which the UI shows read-only.
    QStringList policyLockedKeys() const;
    SettingState state(const QString& key) const;
    QList<SettingState> states() const;

    /// Validates and saves a user value. Fails for unknown, locked and invalid keys and
    /// when the file cannot be written; the previous value is then unchanged.
    common::Result<void> setValue(const QString& key, const QVariant& value);
    /// Removes the user's value, so the key falls back to machine default or default.
    common::Result<void> resetValue(const QString& key);
    /// Sets a value for this process only (e.g. `--endpoint`); never saved, and refused
    /// for keys the user may not change.
    common::Result<void> setSessionValue(const QString& key, const QVariant& value);

    /// Everything that went wrong while loading, one sentence each.
    QStringList warnings() const { return m_warnings; }
    const SettingsLocations& locations() const { return m_locations; }

Q_SIGNALS:
    void changed(const QString& key);

private:
    common::Result<const SettingDefinition*> writableDefinition(const QString& key) const;
    void loadUserValues();

    SettingsLocations m_locations;
    LayerValues m_machine;
    LayerValues m_policy;
    UserSettingsFile m_userFile;
    QHash<QString, QVariant> m_user;
    QHash<QString, QVariant> m_session;
    QStringList m_warnings;
};

/// The spelling of a source in the CLI: "default", "machine", "user", "session", "policy".
QString sourceName(Source source);

} // namespace genius::settings
