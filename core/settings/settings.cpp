#include "core/settings/settings.h"

#include "core/settings/settingslogging.h"

#include <QJsonValue>

Q_LOGGING_CATEGORY(lcSettings, "genius.settings", QtInfoMsg)

namespace genius::settings {

using common::ErrorCode;
using common::fail;
using common::Result;

Settings::Settings(SettingsLocations locations, QObject* parent)
    : QObject(parent)
    , m_locations(std::move(locations))
    , m_machine(readAdminLayer(AdminLayer::Machine, m_locations.machine, m_locations.adminFormat))
    , m_policy(readAdminLayer(AdminLayer::Policy, m_locations.policy, m_locations.adminFormat))
    , m_userFile(m_locations.userFile)
{
    m_warnings << m_policy.warnings << m_machine.warnings;
    loadUserValues();
}

void Settings::loadUserValues()
{
    m_userFile.load();
    m_warnings << m_userFile.warnings();
    const QJsonObject& stored = m_userFile.values();
    for (auto it = stored.begin(); it != stored.end(); ++it) {
        const SettingDefinition* definition = findSetting(it.key());
        if (!definition || definition->scope != Scope::User)
            continue; // kept in the file untouched, for other versions
        auto checked = definition->validate(it.value().toVariant());
        if (!checked) {
            const QString warning = QStringLiteral("The saved value of %1 is invalid (%2); the default is used.")
                                        .arg(it.key(), checked.error().detail);
            qCWarning(lcSettings).noquote() << warning;
            m_warnings << warning;
            continue;
        }
        m_user.insert(it.key(), *checked);
    }
}

QVariant Settings::value(const QString& key) const
{
    const SettingDefinition* definition = findSetting(key);
    if (!definition)
        return {};
    if (m_policy.values.contains(key))
        return m_policy.values.value(key);
    if (m_policy.invalidKeys.contains(key))
        return definition->defaultValue;
    if (definition->scope == Scope::User) {
        if (m_session.contains(key))
            return m_session.value(key);
        if (m_user.contains(key))
            return m_user.value(key);
    }
    if (m_machine.values.contains(key))
        return m_machine.values.value(key);
    return definition->defaultValue;
}

Source Settings::source(const QString& key) const
{
    const SettingDefinition* definition = findSetting(key);
    if (!definition)
        return Source::Default;
    if (m_policy.values.contains(key) || m_policy.invalidKeys.contains(key))
        return Source::Policy;
    if (definition->scope == Scope::User) {
        if (m_session.contains(key))
            return Source::Session;
        if (m_user.contains(key))
            return Source::User;
    }
    if (m_machine.values.contains(key))
        return Source::Machine;
    return Source::Default;
}

Lock Settings::lock(const QString& key) const
{
    const SettingDefinition* definition = findSetting(key);
    if (!definition)
        return Lock::Administrator;
    if (m_policy.values.contains(key) || m_policy.invalidKeys.contains(key))
        return Lock::Policy;
    return definition->scope == Scope::User ? Lock::None : Lock::Administrator;
}

QStringList Settings::policyLockedKeys() const
{
    QStringList locked;
    for (const SettingDefinition& definition : settingsTable()) {
        if (lock(definition.key) == Lock::Policy)
            locked << definition.key;
    }
    return locked;
}

SettingState Settings::state(const QString& key) const
{
    return SettingState{findSetting(key), value(key), source(key), lock(key)};
}

QList<SettingState> Settings::states() const
{
    QList<SettingState> result;
    for (const SettingDefinition& definition : settingsTable())
        result << state(definition.key);
    return result;
}

Result<const SettingDefinition*> Settings::writableDefinition(const QString& key) const
{
    const SettingDefinition* definition = findSetting(key);
    if (!definition)
        return fail(ErrorCode::NotFound, QStringLiteral("There is no setting named %1.").arg(key));
    switch (lock(key)) {
    case Lock::Policy:
        return fail(ErrorCode::Locked,
                    QStringLiteral("The setting %1 is set by policy and cannot be changed here.").arg(key));
    case Lock::Administrator:
        return fail(ErrorCode::Locked,
                    QStringLiteral("The setting %1 can only be set by an administrator.").arg(key));
    case Lock::None:
        break;
    }
    return definition;
}

Result<void> Settings::setValue(const QString& key, const QVariant& value)
{
    auto definition = writableDefinition(key);
    if (!definition)
        return std::unexpected(definition.error());
    auto checked = (*definition)->validate(value);
    if (!checked)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Invalid value for %1: %2.").arg(key, checked.error().detail));
    if (auto stored = m_userFile.store(key, QJsonValue::fromVariant(*checked)); !stored)
        return stored;
    m_user.insert(key, *checked);
    Q_EMIT changed(key);
    return {};
}

Result<void> Settings::resetValue(const QString& key)
{
    auto definition = writableDefinition(key);
    if (!definition)
        return std::unexpected(definition.error());
    if (auto stored = m_userFile.store(key, QJsonValue::Null); !stored)
        return stored;
    m_user.remove(key);
    Q_EMIT changed(key);
    return {};
}

Result<void> Settings::setSessionValue(const QString& key, const QVariant& value)
{
    auto definition = writableDefinition(key);
    if (!definition)
        return std::unexpected(definition.error());
    auto checked = (*definition)->validate(value);
    if (!checked)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Invalid value for %1: %2.").arg(key, checked.error().detail));
    m_session.insert(key, *checked);
    Q_EMIT changed(key);
    return {};
}

QString sourceName(Source source)
{
    switch (source) {
    case Source::Default: return QStringLiteral("default");
    case Source::Machine: return QStringLiteral("machine");
    case Source::User: return QStringLiteral("user");
    case Source::Session: return QStringLiteral("session");
    case Source::Policy: return QStringLiteral("policy");
    }
    return QString();
}

} // namespace genius::settings
