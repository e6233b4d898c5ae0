#pragma once

#include "core/common/error.h"
#include "core/documents/documentreader.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

class QuaZip;

namespace genius::documents {

/// A ZIP archive (DOCX, ODT) opened defensively: the entry count is limited, entry names
/// with "..", absolute paths or NUL and encrypted entries are refused at open, and every
/// byte inflated counts against ReaderLimits::maxUncompressedBytes.
class SafeZip final
{
public:
    /// Opens and checks `path`. Errors: Corrupt (damaged, too many entries, unsafe
    /// names), InvalidArgument (encrypted entries), Io (unreadable).
    static common::Result<std::unique_ptr<SafeZip>> open(const QString& path, const ReaderLimits& limits);
    ~SafeZip();
    Q_DISABLE_COPY_MOVE(SafeZip)

    /// Names of all entries, in archive order.
    QStringList entryNames() const;
    /// True when the archive has an entry of exactly this name.
    bool contains(const QString& name) const;
    /// The inflated content of entry `name`. Reading stops as soon as the bytes inflated
    /// by this archive pass the limit. Errors: NotFound, Corrupt (damaged, zip bomb).
    common::Result<QByteArray> read(const QString& name);

private:
    SafeZip(std::unique_ptr<QuaZip> zip, QStringList names, qint64 limit);

    std::unique_ptr<QuaZip> m_zip;
    QStringList m_names;
    qint64 m_limit;
    qint64 m_inflated = 0;
};

/// True when `name` is a ZIP entry name that cannot escape an extraction folder: no NUL,
/// no backslash-separated or absolute path, no drive letter, no ".." component. Pure.
bool isSafeEntryName(const QString& name);

} // namespace genius::documents
