#include "core/settings/settingslocations.h"

#include <QDir>

namespace genius::settings {

SettingsLocations SettingsLocations::system(const QString& profileDirectory)
{
    SettingsLocations locations;
    locations.userFile = QDir(profileDirectory).filePath(QStringLiteral("settings.json"));
#ifdef Q_OS_WIN
    locations.machine = QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\IT.NRW\\Genius");
    locations.policy = QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\IT.NRW\\Genius");
    locations.adminFormat = QSettings::NativeFormat;
#else
    // Fixed paths on purpose: an environment variable must not be able to move the policy.
    locations.machine = QStringLiteral("/etc/xdg/IT.NRW/GeniusDefaults.conf");
    locations.policy = QStringLiteral("/etc/xdg/IT.NRW/Genius.conf");
    locations.adminFormat = QSettings::IniFormat;
#endif
    return locations;
}

} // namespace genius::settings
