#include "core/documents/documentreader.h"

#include "core/documents/documentslogging.h"
#include "core/documents/imagereader.h"
#include "core/documents/officereader.h"
#include "core/documents/pdfreader.h"
#include "core/documents/safezip.h"
#include "core/documents/textreader.h"

#include <QFile>
#include <QFileInfo>

namespace genius::documents {

namespace {

constexpr qint64 kSniffBytes = 1024; // "%PDF-" may follow some junk within the first KiB

common::Error unsupported()
{
    return common::Error { common::ErrorCode::InvalidArgument,
        QStringLiteral("Unsupported file format: the content is not PDF, DOCX, ODT, an image or text.") };
}

// Text has no NUL bytes, except UTF-16 (which then starts with a BOM).
bool looksLikeText(const QByteArray& head)
{
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return true;
    return !head.contains('\0');
}

common::Result<std::unique_ptr<DocumentReader>> openZip(const QString& path, const ReaderLimits& limits)
{
    auto zip = SafeZip::open(path, limits);
    if (!zip)
        return std::unexpected(zip.error());
    SafeZip& archive = **zip;
    // ODF keeps its media type in the first entry "mimetype"; OOXML lists its parts in
    // "[Content_Types].xml".
    if (archive.contains(QStringLiteral("mimetype"))) {
        auto mimetype = archive.read(QStringLiteral("mimetype"));
        if (!mimetype)
            return std::unexpected(mimetype.error());
        if (mimetype->trimmed() == "application/vnd.oasis.opendocument.text")
            return OfficeReader::open(archive, OfficeReader::Kind::Odt);
        return std::unexpected(unsupported());
    }
    if (archive.contains(QStringLiteral("[Content_Types].xml"))
        && archive.contains(QStringLiteral("word/document.xml")))
        return OfficeReader::open(archive, OfficeReader::Kind::Docx);
    return std::unexpected(unsupported());
}

} // namespace

common::Result<std::unique_ptr<DocumentReader>> openDocument(const QString& path, const ReaderLimits& limits)
{
    const QFileInfo info(path);
    if (!info.exists())
        return common::fail(common::ErrorCode::Io, QStringLiteral("The file does not exist."));
    if (!info.isFile())
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("The path is not a regular file."));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return common::fail(common::ErrorCode::Io, QStringLiteral("The file cannot be read."));
    const qint64 size = file.size();
    if (size == 0)
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("The file is empty."));
    if (size > limits.maxFileBytes)
        return common::fail(common::ErrorCode::InvalidArgument,
            QStringLiteral("The file is larger than the limit of %1 MB.").arg(limits.maxFileBytes / (1024 * 1024)));
    const QByteArray head = file.read(kSniffBytes);
    if (head.isEmpty())
        return common::fail(common::ErrorCode::Io, QStringLiteral("The file cannot be read."));

    const QString suffix = info.suffix().toLower();
    // Readers accept "%PDF-" within the first KiB; a text file quoting it must stay text.
    if (head.startsWith("%PDF-") || (suffix == u"pdf" && head.contains("%PDF-")))
        return PdfReader::open(path, limits);
    if (head.startsWith("PK\x03\x04"))
        return openZip(path, limits);
    if (head.startsWith("\x89PNG\r\n\x1A\n"))
        return ImageReader::open(path, ImageReader::Kind::Png, limits);
    if (head.startsWith("\xFF\xD8\xFF"))
        return ImageReader::open(path, ImageReader::Kind::Jpeg, limits);
    if (head.startsWith(QByteArray("II*\0", 4)) || head.startsWith(QByteArray("MM\0*", 4)))
        return ImageReader::open(path, ImageReader::Kind::Tiff, limits);

    TextReader::Kind kind;
    if (suffix == u"txt" || suffix == u"text")
        kind = TextReader::Kind::Plain;
    else if (suffix == u"md" || suffix == u"markdown")
        kind = TextReader::Kind::Markdown;
    else if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml")
        kind = TextReader::Kind::Html;
    else
        return std::unexpected(unsupported());
    if (!looksLikeText(head))
        return std::unexpected(unsupported());
    file.seek(0);
    const QByteArray data = file.readAll();
    if (data.size() != size)
        return common::fail(common::ErrorCode::Io, QStringLiteral("The file cannot be read."));
    return TextReader::open(data, kind);
}

} // namespace genius::documents
