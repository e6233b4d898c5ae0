// A minimal WordprocessingML (ECMA-376) package: what Word and LibreOffice need to open a
// document with a title, headings, bold runs and paragraphs, and nothing else.

#include "core/storage/exportdocument.h"

#include <QBuffer>
#include <QXmlStreamWriter>

#include <functional>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace genius::storage {

using common::ErrorCode;
using common::fail;

namespace {

const QString kWordNamespace = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
const QString kPackageRelationships = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString kOfficeDocument =
    QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument");
const QString kStylesRelationship =
    QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles");

QByteArray xmlDocument(const std::function<void(QXmlStreamWriter&)>& body)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument(QStringLiteral("1.0"), true);
    body(xml);
    xml.writeEndDocument();
    return bytes;
}

QByteArray contentTypes()
{
    return xmlDocument([](QXmlStreamWriter& xml) {
        xml.writeDefaultNamespace(QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types"));
        xml.writeStartElement(QStringLiteral("Types"));
        const std::pair<QString, QString> defaults[] = {
            {QStringLiteral("rels"), QStringLiteral("application/vnd.openxmlformats-package.relationships+xml")},
            {QStringLiteral("xml"), QStringLiteral("application/xml")},
        };
        for (const auto& [extension, type] : defaults) {
            xml.writeEmptyElement(QStringLiteral("Default"));
            xml.writeAttribute(QStringLiteral("Extension"), extension);
            xml.writeAttribute(QStringLiteral("ContentType"), type);
        }
        const std::pair<QString, QString> overrides[] = {
            {QStringLiteral("/word/document.xml"),
             QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")},
            {QStringLiteral("/word/styles.xml"),
             QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")},
        };
        for (const auto& [part, type] : overrides) {
            xml.writeEmptyElement(QStringLiteral("Override"));
            xml.writeAttribute(QStringLiteral("PartName"), part);
            xml.writeAttribute(QStringLiteral("ContentType"), type);
        }
        xml.writeEndElement();
    });
}

QByteArray relationships(const QString& type, const QString& target)
{
    return xmlDocument([&](QXmlStreamWriter& xml) {
        xml.writeDefaultNamespace(kPackageRelationships);
        xml.writeStartElement(QStringLiteral("Relationships"));
        xml.writeEmptyElement(QStringLiteral("Relationship"));
        xml.writeAttribute(QStringLiteral("Id"), QStringLiteral("rId1"));
        xml.writeAttribute(QStringLiteral("Type"), type);
        xml.writeAttribute(QStringLiteral("Target"), target);
        xml.writeEndElement();
    });
}

void wordElement(QXmlStreamWriter& xml, const QString& name, const QString& value = {})
{
    xml.writeEmptyElement(kWordNamespace, name);
    if (!value.isEmpty())
        xml.writeAttribute(kWordNamespace, QStringLiteral("val"), value);
}

/// A paragraph style: id, display name, size in half points, bold, space before in twips.
void paragraphStyle(QXmlStreamWriter& xml, const QString& id, const QString& name, int halfPoints, bool bold,
                    int spaceBefore, int outlineLevel)
{
    xml.writeStartElement(kWordNamespace, QStringLiteral("style"));
    xml.writeAttribute(kWordNamespace, QStringLiteral("type"), QStringLiteral("paragraph"));
    xml.writeAttribute(kWordNamespace, QStringLiteral("styleId"), id);
    wordElement(xml, QStringLiteral("name"), name);
    wordElement(xml, QStringLiteral("basedOn"), QStringLiteral("Normal"));
    wordElement(xml, QStringLiteral("next"), QStringLiteral("Normal"));
    wordElement(xml, QStringLiteral("qFormat"));
    xml.writeStartElement(kWordNamespace, QStringLiteral("pPr"));
    wordElement(xml, QStringLiteral("keepNext"));
    xml.writeEmptyElement(kWordNamespace, QStringLiteral("spacing"));
    xml.writeAttribute(kWordNamespace, QStringLiteral("before"), QString::number(spaceBefore));
    xml.writeAttribute(kWordNamespace, QStringLiteral("after"), QStringLiteral("120"));
    if (outlineLevel >= 0)
        wordElement(xml, QStringLiteral("outlineLvl"), QString::number(outlineLevel));
    xml.writeEndElement();
    xml.writeStartElement(kWordNamespace, QStringLiteral("rPr"));
    if (bold)
        wordElement(xml, QStringLiteral("b"));
    wordElement(xml, QStringLiteral("sz"), QString::number(halfPoints));
    xml.writeEndElement();
    xml.writeEndElement();
}

QByteArray styles()
{
    return xmlDocument([](QXmlStreamWriter& xml) {
        xml.writeNamespace(kWordNamespace, QStringLiteral("w"));
        xml.writeStartElement(kWordNamespace, QStringLiteral("styles"));
        xml.writeStartElement(kWordNamespace, QStringLiteral("docDefaults"));
        xml.writeStartElement(kWordNamespace, QStringLiteral("rPrDefault"));
        xml.writeStartElement(kWordNamespace, QStringLiteral("rPr"));
        // Arial exists on every Windows desktop; LibreOffice maps it to a metric twin.
        xml.writeEmptyElement(kWordNamespace, QStringLiteral("rFonts"));
        for (const char* script : {"ascii", "hAnsi", "cs"})
            xml.writeAttribute(kWordNamespace, QString::fromLatin1(script), QStringLiteral("Arial"));
        wordElement(xml, QStringLiteral("sz"), QStringLiteral("22"));
        wordElement(xml, QStringLiteral("lang"), QStringLiteral("de-DE"));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();

        xml.writeStartElement(kWordNamespace, QStringLiteral("style"));
        xml.writeAttribute(kWordNamespace, QStringLiteral("type"), QStringLiteral("paragraph"));
        xml.writeAttribute(kWordNamespace, QStringLiteral("default"), QStringLiteral("1"));
        xml.writeAttribute(kWordNamespace, QStringLiteral("styleId"), QStringLiteral("Normal"));
        wordElement(xml, QStringLiteral("name"), QStringLiteral("Normal"));
        wordElement(xml, QStringLiteral("qFormat"));
        xml.writeStartElement(kWordNamespace, QStringLiteral("pPr"));
        xml.writeEmptyElement(kWordNamespace, QStringLiteral("spacing"));
        xml.writeAttribute(kWordNamespace, QStringLiteral("after"), QStringLiteral("80"));
        xml.writeEndElement();
        xml.writeEndElement();

        paragraphStyle(xml, QStringLiteral("Title"), QStringLiteral("Title"), 36, true, 0, -1);
        paragraphStyle(xml, QStringLiteral("Heading1"), QStringLiteral("heading 1"), 26, false, 240, 0);
        xml.writeEndElement();
    });
}

QString styleFor(ExportBlock::Kind kind)
{
    switch (kind) {
    case ExportBlock::Kind::Title:
        return QStringLiteral("Title");
    case ExportBlock::Kind::Heading:
        return QStringLiteral("Heading1");
    case ExportBlock::Kind::Meta:
    case ExportBlock::Kind::Paragraph:
    case ExportBlock::Kind::Source:
        break;
    }
    return {};
}

QByteArray body(const ExportDocument& document)
{
    return xmlDocument([&document](QXmlStreamWriter& xml) {
        xml.writeNamespace(kWordNamespace, QStringLiteral("w"));
        xml.writeStartElement(kWordNamespace, QStringLiteral("document"));
        xml.writeStartElement(kWordNamespace, QStringLiteral("body"));
        for (const ExportBlock& part : document.blocks) {
            xml.writeStartElement(kWordNamespace, QStringLiteral("p"));
            if (const QString style = styleFor(part.kind); !style.isEmpty()) {
                xml.writeStartElement(kWordNamespace, QStringLiteral("pPr"));
                wordElement(xml, QStringLiteral("pStyle"), style);
                xml.writeEndElement();
            }
            for (const ExportRun& run : part.runs) {
                if (run.text.isEmpty())
                    continue;
                xml.writeStartElement(kWordNamespace, QStringLiteral("r"));
                if (run.bold) {
                    xml.writeStartElement(kWordNamespace, QStringLiteral("rPr"));
                    wordElement(xml, QStringLiteral("b"));
                    xml.writeEndElement();
                }
                xml.writeStartElement(kWordNamespace, QStringLiteral("t"));
                // Word drops leading and trailing spaces of a run unless told to keep them.
                xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
                xml.writeCharacters(xmlSafe(run.text));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        // A4 portrait with 2.5 cm margins (twips).
        xml.writeStartElement(kWordNamespace, QStringLiteral("sectPr"));
        xml.writeEmptyElement(kWordNamespace, QStringLiteral("pgSz"));
        xml.writeAttribute(kWordNamespace, QStringLiteral("w"), QStringLiteral("11906"));
        xml.writeAttribute(kWordNamespace, QStringLiteral("h"), QStringLiteral("16838"));
        xml.writeEmptyElement(kWordNamespace, QStringLiteral("pgMar"));
        for (const char* side : {"top", "right", "bottom", "left"})
            xml.writeAttribute(kWordNamespace, QString::fromLatin1(side), QStringLiteral("1417"));
        for (const char* side : {"header", "footer"})
            xml.writeAttribute(kWordNamespace, QString::fromLatin1(side), QStringLiteral("708"));
        xml.writeAttribute(kWordNamespace, QStringLiteral("gutter"), QStringLiteral("0"));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    });
}

} // namespace

QString xmlSafe(const QString& text)
{
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            safe += c;
            safe += text.at(++i);
            continue;
        }
        if (c.isSurrogate())
            continue;
        const char16_t code = c.unicode();
        if ((code < 0x20 && code != u'\t' && code != u'\n' && code != u'\r') || code == 0xFFFE || code == 0xFFFF)
            continue;
        safe += c;
    }
    return safe;
}

common::Result<QByteArray> docxPackage(const ExportDocument& document)
{
    QBuffer buffer;
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdCreate))
        return fail(ErrorCode::Io, QStringLiteral("The DOCX archive cannot be created (zip error %1).").arg(zip.getZipError()));
    const std::pair<QString, QByteArray> parts[] = {
        {QStringLiteral("[Content_Types].xml"), contentTypes()},
        {QStringLiteral("_rels/.rels"), relationships(kOfficeDocument, QStringLiteral("word/document.xml"))},
        {QStringLiteral("word/_rels/document.xml.rels"), relationships(kStylesRelationship, QStringLiteral("styles.xml"))},
        {QStringLiteral("word/styles.xml"), styles()},
        {QStringLiteral("word/document.xml"), body(document)},
    };
    for (const auto& [name, bytes] : parts) {
        QuaZipFile entry(&zip);
        if (!entry.open(QIODevice::WriteOnly, QuaZipNewInfo(name)) || entry.write(bytes) != bytes.size()) {
            return fail(ErrorCode::Io, QStringLiteral("The DOCX part %1 cannot be written (zip error %2).")
                                           .arg(name)
                                           .arg(entry.getZipError()));
        }
        entry.close();
        if (entry.getZipError() != 0)
            return fail(ErrorCode::Io, QStringLiteral("The DOCX part %1 cannot be written (zip error %2).")
                                           .arg(name)
                                           .arg(entry.getZipError()));
    }
    zip.close();
    if (zip.getZipError() != 0)
        return fail(ErrorCode::Io, QStringLiteral("The DOCX archive cannot be finished (zip error %1).").arg(zip.getZipError()));
    return buffer.data();
}

} // namespace genius::storage
