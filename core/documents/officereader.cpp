#include "core/documents/officereader.h"

#include "core/documents/normalizer.h"
#include "core/documents/officexml.h"
#include "core/documents/safezip.h"

namespace genius::documents {

namespace {

common::Error missingBody()
{
    return common::Error { common::ErrorCode::Corrupt, QStringLiteral("The document is damaged and cannot be read.") };
}

// Optional parts (styles, metadata) may be missing; a zip bomb in them is still fatal.
common::Result<QByteArray> readOptional(SafeZip& zip, const QString& name)
{
    if (!zip.contains(name))
        return QByteArray();
    return zip.read(name);
}

} // namespace

common::Result<std::unique_ptr<DocumentReader>> OfficeReader::open(SafeZip& zip, Kind kind)
{
    const QString bodyName = kind == Kind::Docx ? QStringLiteral("word/document.xml") : QStringLiteral("content.xml");
    if (!zip.contains(bodyName))
        return std::unexpected(missingBody());
    auto body = zip.read(bodyName);
    if (!body)
        return std::unexpected(body.error().code == common::ErrorCode::NotFound ? missingBody() : body.error());

    common::Result<QString> text;
    DocumentMetadata metadata;
    if (kind == Kind::Docx) {
        auto styles = readOptional(zip, QStringLiteral("word/styles.xml"));
        if (!styles)
            return std::unexpected(styles.error());
        text = parseDocxBody(*body, *styles);
        auto core = readOptional(zip, QStringLiteral("docProps/core.xml"));
        if (!core)
            return std::unexpected(core.error());
        metadata = parseDocxMetadata(*core);
    } else {
        text = parseOdtBody(*body);
        auto meta = readOptional(zip, QStringLiteral("meta.xml"));
        if (!meta)
            return std::unexpected(meta.error());
        metadata = parseOdtMetadata(*meta);
    }
    if (!text)
        return std::unexpected(text.error());
    return std::unique_ptr<DocumentReader>(new OfficeReader(kind, normalizeText(*text), std::move(metadata)));
}

OfficeReader::OfficeReader(Kind kind, QString text, DocumentMetadata metadata)
    : SinglePageReader(std::move(text), std::move(metadata))
    , m_kind(kind)
{ }

QString OfficeReader::format() const
{
    return m_kind == Kind::Docx ? QStringLiteral("docx") : QStringLiteral("odt");
}

} // namespace genius::documents
