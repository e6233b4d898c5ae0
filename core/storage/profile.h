#pragma once

#include "core/common/error.h"

#include <QString>

namespace genius::storage {

/// One user's profile directory: settings, databases, audit log. Created with owner-only
/// permissions. `--profile DIR` picks another one (tests, demos, several identities).
class Profile final
{
public:
    /// Opens (and creates) the profile; an empty directory means the default location.
    static common::Result<Profile> open(const QString& directory);
    /// `QStandardPaths::AppDataLocation`, e.g. ~/.local/share/IT.NRW/Genius on Linux.
    static QString defaultDirectory();

    QString directory() const { return m_directory; }
    QString filePath(const QString& name) const;

private:
    explicit Profile(QString directory);
    QString m_directory;
};

} // namespace genius::storage
