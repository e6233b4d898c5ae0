#pragma once

#include <QSettings>
#include <QString>

namespace genius::settings {

/// Where the three layers live. Tests build their own; the executables use `system()`.
struct SettingsLocations {
    QString userFile;    ///< JSON file in the profile
    QString machine;     ///< machine defaults: INI path, or registry path on Windows
    QString policy;      ///< policy: INI path, or registry path on Windows
    QSettings::Format adminFormat = QSettings::IniFormat;

    /// The platform's locations: on Linux `/etc/xdg/IT.NRW/Genius.conf` (policy) and
    /// `/etc/xdg/IT.NRW/GeniusDefaults.conf`; on Windows `HKLM\Software\Policies\IT.NRW\Genius`
    /// and `HKLM\Software\IT.NRW\Genius`. The user file is `settings.json` in the profile.
    static SettingsLocations system(const QString& profileDirectory);
};

} // namespace genius::settings
