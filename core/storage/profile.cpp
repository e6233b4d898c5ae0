#include "core/storage/profile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace genius::storage {

using common::ErrorCode;
using common::fail;

Profile::Profile(QString directory)
    : m_directory(std::move(directory))
{
}

QString Profile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

common::Result<Profile> Profile::open(const QString& directory)
{
    const QString path = QDir(directory.isEmpty() ? defaultDirectory() : directory).absolutePath();
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The profile path %1 is a file, not a folder.").arg(path));
    if (!info.exists()) {
        if (!QDir().mkpath(path))
            return fail(ErrorCode::Io, QStringLiteral("Cannot create the profile folder %1.").arg(path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (!QFileInfo(path).isWritable())
        return fail(ErrorCode::Io, QStringLiteral("The profile folder %1 is not writable.").arg(path));
    return Profile(path);
}

QString Profile::filePath(const QString& name) const
{
    return QDir(m_directory).filePath(name);
}

} // namespace genius::storage
