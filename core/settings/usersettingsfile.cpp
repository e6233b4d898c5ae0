#include "core/settings/usersettingsfile.h"

#include "core/settings/settingslogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace genius::settings {

using common::ErrorCode;
using common::fail;

namespace {
// Version history of the file format:
// 1: {"format": 1, "values": {"group/key": value, ...}}
constexpr int kFormatVersion = 1;
} // namespace

UserSettingsFile::UserSettingsFile(QString path)
    : m_path(std::move(path))
{
}

void UserSettingsFile::load()
{
    m_values = {};
    m_warnings.clear();
    m_writable = true;

    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_writable = false;
        m_warnings << QStringLiteral("The settings file %1 cannot be read (%2); defaults are used and changes are not saved.")
                          .arg(m_path, file.errorString());
        qCWarning(lcSettings).noquote() << m_warnings.last();
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    const QJsonObject root = document.object();
    if (parseError.error == QJsonParseError::NoError && document.isObject()
        && root.value(QLatin1String("values")).isObject()) {
        if (root.value(QLatin1String("format")).toInt() > kFormatVersion) {
            // Written by a newer version: read what we understand, never overwrite it.
            m_writable = false;
            m_warnings << QStringLiteral("The settings file %1 was written by a newer version; it is used read-only.")
                              .arg(m_path);
            qCWarning(lcSettings).noquote() << m_warnings.last();
        }
        m_values = root.value(QLatin1String("values")).toObject();
        return;
    }

    // Corrupt: keep the bytes for the user or support, start from defaults.
    const QString aside = m_path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString reason = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                        : QStringLiteral("unexpected structure");
    if (QFile::rename(m_path, aside)) {
        m_warnings << QStringLiteral("The settings file %1 was damaged (%2); it was kept as %3 and defaults are used.")
                          .arg(m_path, reason, aside);
    } else {
        m_writable = false;
        m_warnings << QStringLiteral("The settings file %1 was damaged (%2) and could not be moved aside; defaults are used and changes are not saved.")
                          .arg(m_path, reason);
    }
    qCWarning(lcSettings).noquote() << m_warnings.last();
}

common::Result<void> UserSettingsFile::store(const QString& key, const QJsonValue& value)
{
    if (!m_writable)
        return fail(ErrorCode::Io,
                    QStringLiteral("The settings file %1 is not writable in this session.").arg(m_path));
    QJsonObject next = m_values;
    if (value.isNull() || value.isUndefined())
        next.remove(key);
    else
        next.insert(key, value);
    auto saved = save(next);
    if (saved)
        m_values = next;
    return saved;
}

common::Result<void> UserSettingsFile::save(const QJsonObject& values) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(ErrorCode::Io, QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath()));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QJsonObject root;
    root.insert(QLatin1String("format"), kFormatVersion);
    root.insert(QLatin1String("values"), values);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString()));
    return {};
}

} // namespace genius::settings
