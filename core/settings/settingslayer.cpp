#include "core/settings/settingslayer.h"

#include "core/settings/settingslogging.h"
#include "core/settings/settingsschema.h"

#include <QFileInfo>

namespace genius::settings {

namespace {

bool layerMaySet(AdminLayer layer, Scope scope)
{
    return layer == AdminLayer::Policy || scope != Scope::Policy;
}

QString layerName(AdminLayer layer)
{
    return layer == AdminLayer::Policy ? QStringLiteral("policy") : QStringLiteral("machine defaults");
}

} // namespace

LayerValues readAdminLayer(AdminLayer layer, const QString& location, QSettings::Format format)
{
    LayerValues result;
    if (location.isEmpty())
        return result;
    if (format == QSettings::IniFormat && !QFileInfo::exists(location))
        return result;

    QSettings source(location, format);
    if (source.status() != QSettings::NoError) {
        result.warnings << QStringLiteral("The %1 at %2 could not be read; it is ignored.")
                               .arg(layerName(layer), location);
        if (layer == AdminLayer::Policy) {
            // Fail closed: an unreadable policy locks every key at its default.
            for (const SettingDefinition& definition : settingsTable())
                result.invalidKeys << definition.key;
        }
        return result;
    }

    const QStringList present = source.allKeys();
    for (const QString& key : present) {
        const SettingDefinition* definition = findSetting(key);
        if (!definition) {
            result.warnings << QStringLiteral("The %1 names the unknown key %2; it is ignored.")
                                   .arg(layerName(layer), key);
            continue;
        }
        if (!layerMaySet(layer, definition->scope)) {
            result.warnings << QStringLiteral("The key %1 can only be set by policy; the machine default is ignored.")
                                   .arg(key);
            continue;
        }
        auto checked = definition->validate(source.value(key));
        if (!checked) {
            result.invalidKeys << key;
            result.warnings << QStringLiteral("The %1 value of %2 is invalid (%3); the default is used.")
                                   .arg(layerName(layer), key, checked.error().detail);
            continue;
        }
        result.values.insert(key, *checked);
    }
    for (const QString& warning : std::as_const(result.warnings))
        qCWarning(lcSettings).noquote() << warning;
    return result;
}

} // namespace genius::settings
