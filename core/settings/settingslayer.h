#pragma once

#include <QHash>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace genius::settings {

/// The administrator-owned layers: machine defaults and policy.
enum class AdminLayer { Machine, Policy };

/// The validated values of one administrator-owned layer (an INI file or a registry key).
struct LayerValues {
    QHash<QString, QVariant> values;
    /// Keys the layer names but whose value failed validation. A policy key in here still
    /// locks the setting (at its default): a broken policy must not unlock anything.
    QStringList invalidKeys;
    QStringList warnings;
};

/// Reads one layer. `location` is a file path for IniFormat or a registry path for
/// NativeFormat on Windows; a missing location gives an empty layer without warnings.
LayerValues readAdminLayer(AdminLayer layer, const QString& location, QSettings::Format format);

} // namespace genius::settings
