#include "core/documents/safezip.h"

#include "core/documents/documentslogging.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

#include <array>

namespace genius::documents {

namespace {

constexpr quint16 kEncryptedFlag = 0x0001; // general purpose bit 0 of the ZIP format

common::Error damagedArchive()
{
    return common::Error { common::ErrorCode::Corrupt, QStringLiteral("The archive is damaged and cannot be read.") };
}

common::Error zipBomb()
{
    return common::Error { common::ErrorCode::Corrupt,
        QStringLiteral("The archive expands beyond the size limit (zip bomb?).") };
}

} // namespace

bool isSafeEntryName(const QString& name)
{
    if (name.isEmpty() || name.contains(QChar(u'\0')) || name.startsWith(u'/') || name.startsWith(u'\\'))
        return false;
    if (name.size() >= 2 && name.at(1) == u':')
        return false; // "C:..."
    const QList<QStringView> parts = QStringView(name).split(u'/');
    for (QStringView part : parts) {
        // Backslashes separate folders on Windows extractors, so "..\\x" escapes as well.
        for (QStringView piece : part.split(u'\\')) {
            if (piece == u"..")
                return false;
        }
    }
    return true;
}

common::Result<std::unique_ptr<SafeZip>> SafeZip::open(const QString& path, const ReaderLimits& limits)
{
    auto zip = std::make_unique<QuaZip>(path);
    if (!zip->open(QuaZip::mdUnzip))
        return std::unexpected(damagedArchive());
    const int entries = zip->getEntriesCount();
    if (entries < 0)
        return std::unexpected(damagedArchive());
    if (entries > limits.maxZipEntries)
        return common::fail(common::ErrorCode::Corrupt,
            QStringLiteral("The archive has more entries than the limit of %1.").arg(limits.maxZipEntries));
    QStringList names;
    names.reserve(entries);
    for (bool more = zip->goToFirstFile(); more; more = zip->goToNextFile()) {
        QuaZipFileInfo64 info;
        if (!zip->getCurrentFileInfo(&info))
            return std::unexpected(damagedArchive());
        if (!isSafeEntryName(info.name))
            return common::fail(
                common::ErrorCode::Corrupt, QStringLiteral("The archive contains an unsafe entry name."));
        if (info.flags & kEncryptedFlag)
            return common::fail(
                common::ErrorCode::InvalidArgument, QStringLiteral("The document is encrypted/password-protected."));
        names.append(info.name);
        if (names.size() > limits.maxZipEntries) // the directory's count may lie
            return common::fail(common::ErrorCode::Corrupt,
                QStringLiteral("The archive has more entries than the limit of %1.").arg(limits.maxZipEntries));
    }
    if (zip->getZipError() != UNZ_OK)
        return std::unexpected(damagedArchive());
    return std::unique_ptr<SafeZip>(new SafeZip(std::move(zip), std::move(names), limits.maxUncompressedBytes));
}

SafeZip::SafeZip(std::unique_ptr<QuaZip> zip, QStringList names, qint64 limit)
    : m_zip(std::move(zip))
    , m_names(std::move(names))
    , m_limit(limit)
{ }

SafeZip::~SafeZip()
{
    m_zip->close();
}

QStringList SafeZip::entryNames() const
{
    return m_names;
}

bool SafeZip::contains(const QString& name) const
{
    return m_names.contains(name);
}

common::Result<QByteArray> SafeZip::read(const QString& name)
{
    if (!m_zip->setCurrentFile(name, QuaZip::csSensitive))
        return common::fail(common::ErrorCode::NotFound, QStringLiteral("The archive lacks a required entry."));
    QuaZipFileInfo64 info;
    if (!m_zip->getCurrentFileInfo(&info))
        return std::unexpected(damagedArchive());
    // The declared size may lie, so it only serves to refuse early; the real count follows.
    if (static_cast<qint64>(info.uncompressedSize) > m_limit - m_inflated)
        return std::unexpected(zipBomb());

    QuaZipFile file(m_zip.get());
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(damagedArchive());
    QByteArray content;
    content.reserve(static_cast<qsizetype>(std::min<quint64>(info.uncompressedSize, 64U * 1024 * 1024)));
    std::array<char, 64 * 1024> buffer {};
    while (true) {
        const qint64 got = file.read(buffer.data(), static_cast<qint64>(buffer.size()));
        if (got < 0) {
            file.close();
            return std::unexpected(damagedArchive());
        }
        if (got == 0)
            break;
        m_inflated += got;
        if (m_inflated > m_limit) {
            file.close();
            qCWarning(lcDocuments) << "archive entry inflates past the limit of" << m_limit << "bytes";
            return std::unexpected(zipBomb());
        }
        content.append(buffer.data(), static_cast<qsizetype>(got));
    }
    file.close();
    // Closing checks the CRC of the whole entry.
    if (file.getZipError() != UNZ_OK)
        return std::unexpected(damagedArchive());
    return content;
}

} // namespace genius::documents
