#pragma once

#include "core/common/error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace genius::settings {

/// The user's own settings: a small JSON file in the profile, written atomically.
/// Keys this version does not know, or values it cannot accept, are kept as they are,
/// so that nothing a user (or a newer version) wrote is lost.
class UserSettingsFile final
{
public:
    explicit UserSettingsFile(QString path);

    /// Loads the file. A file that cannot be parsed is moved aside (`*.corrupt-<time>`)
    /// and reported in one warning; the layer then starts empty.
    void load();

    const QJsonObject& values() const { return m_values; }
    QStringList warnings() const { return m_warnings; }
    QString path() const { return m_path; }

    /// Sets (or with a null value removes) one key and saves the file.
    common::Result<void> store(const QString& key, const QJsonValue& value);

private:
    common::Result<void> save(const QJsonObject& values) const;

    QString m_path;
    QJsonObject m_values;
    QStringList m_warnings;
    bool m_writable = true;
};

} // namespace genius::settings
