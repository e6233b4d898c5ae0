#include "core/documents/officexml.h"

#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <vector>

namespace genius::documents {

namespace {

constexpr QStringView kWordNs = u"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr QStringView kMarkupCompatibilityNs = u"http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr QStringView kDcNs = u"http://purl.org/dc/elements/1.1/";
constexpr QStringView kDcTermsNs = u"http://purl.org/dc/terms/";
constexpr QStringView kTextNs = u"urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr QStringView kTableNs = u"urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr QStringView kOfficeNs = u"urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr QStringView kMetaNs = u"urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
constexpr int kMaxHeadingLevel = 6; // what Markdown knows

common::Error damagedXml()
{
    return common::Error { common::ErrorCode::Corrupt, QStringLiteral("The document is damaged and cannot be read.") };
}

/// Collects paragraphs, list items and table rows into blocks separated by blank lines.
class BlockCollector
{
public:
    void beginParagraph(int headingLevel = 0)
    {
        m_paragraphs.push_back(Paragraph { {}, headingLevel, m_pendingListItem });
        m_pendingListItem = false;
    }

    void setHeading(int level)
    {
        if (!m_paragraphs.empty() && level > 0)
            m_paragraphs.back().heading = std::min(level, kMaxHeadingLevel);
    }

    void setListItem()
    {
        if (!m_paragraphs.empty())
            m_paragraphs.back().listItem = true;
    }

    void markNextParagraphAsListItem() { m_pendingListItem = true; }

    bool inParagraph() const { return !m_paragraphs.empty(); }

    void appendText(QStringView text)
    {
        if (!m_paragraphs.empty())
            m_paragraphs.back().text += text;
    }

    void endParagraph()
    {
        if (m_paragraphs.empty())
            return;
        Paragraph paragraph = std::move(m_paragraphs.back());
        m_paragraphs.pop_back();
        const QString text = paragraph.text.trimmed();
        if (text.isEmpty())
            return;
        QString rendered;
        if (paragraph.heading > 0)
            rendered = QString(paragraph.heading, u'#') + u' ' + text;
        else if (paragraph.listItem)
            rendered = QStringLiteral("- ") + text;
        else
            rendered = text;
        if (!m_tables.empty() && m_tables.back().inCell) {
            // Paragraphs of a table cell stay on the row's line.
            QString& cell = m_tables.back().cell;
            if (!cell.isEmpty())
                cell += u' ';
            cell += QString(rendered).replace(u'\n', u' ');
            return;
        }
        m_blocks.append(rendered);
    }

    void beginTable() { m_tables.push_back(Table {}); }
    void beginRow()
    {
        if (!m_tables.empty())
            m_tables.back().cells.clear();
    }
    void beginCell()
    {
        if (m_tables.empty())
            return;
        m_tables.back().inCell = true;
        m_tables.back().cell.clear();
    }
    void endCell()
    {
        if (m_tables.empty())
            return;
        Table& table = m_tables.back();
        table.cells.append(table.cell.trimmed());
        table.cell.clear();
        table.inCell = false;
    }
    void endRow()
    {
        if (m_tables.empty())
            return;
        Table& table = m_tables.back();
        bool empty = true;
        for (const QString& cell : std::as_const(table.cells))
            empty = empty && cell.isEmpty();
        if (!empty)
            table.rows.append(table.cells.join(u" | "));
        table.cells.clear();
    }
    void endTable()
    {
        if (m_tables.empty())
            return;
        const QString rows = m_tables.back().rows.join(u'\n');
        m_tables.pop_back();
        if (rows.isEmpty())
            return;
        if (!m_tables.empty() && m_tables.back().inCell) {
            // A table inside a cell flattens into that cell.
            QString& cell = m_tables.back().cell;
            cell += (cell.isEmpty() ? QString() : QStringLiteral(" ")) + QString(rows).replace(u'\n', u' ');
            return;
        }
        m_blocks.append(rows);
    }

    QString finish() const { return m_blocks.join(u"\n\n"); }

private:
    struct Paragraph {
        QString text;
        int heading = 0;
        bool listItem = false;
    };
    struct Table {
        QStringList rows;
        QStringList cells;
        QString cell;
        bool inCell = false;
    };
    std::vector<Paragraph> m_paragraphs; // a stack: text boxes nest paragraphs in paragraphs
    std::vector<Table> m_tables;
    QStringList m_blocks;
    bool m_pendingListItem = false;
};

// "heading 1", "Heading1", "Überschrift 1", and the ids German Word derives from them
// ("berschrift1", the "Ü" dropped).
int headingLevelFromName(const QString& name)
{
    static const QRegularExpression heading(QStringLiteral("^(?:heading|\\x{00FC}berschrift|berschrift)\\s*([1-9])$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = heading.match(name.trimmed());
    if (match.hasMatch())
        return match.captured(1).toInt();
    const QString lower = name.trimmed().toLower();
    if (lower == u"title" || lower == u"titel")
        return 1;
    return 0;
}

struct DocxStyle {
    QString name;
    QString basedOn;
    int outlineLevel = -1;
};

QHash<QString, DocxStyle> parseDocxStyles(const QByteArray& stylesXml)
{
    QHash<QString, DocxStyle> styles;
    if (stylesXml.isEmpty())
        return styles;
    QXmlStreamReader xml(stylesXml);
    QString current;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.namespaceUri() != kWordNs)
            continue;
        const QStringView name = xml.name();
        const QString value = xml.attributes().value(kWordNs.toString(), QStringLiteral("val")).toString();
        if (name == u"style") {
            current = xml.attributes().value(kWordNs.toString(), QStringLiteral("styleId")).toString();
            styles.insert(current, DocxStyle {});
        } else if (current.isEmpty()) {
            continue;
        } else if (name == u"name") {
            styles[current].name = value;
        } else if (name == u"basedOn") {
            styles[current].basedOn = value;
        } else if (name == u"outlineLvl") {
            bool ok = false;
            const int level = value.toInt(&ok);
            if (ok)
                styles[current].outlineLevel = level;
        }
    }
    return styles; // a broken styles.xml costs headings, not the document
}

int styleHeadingLevel(const QHash<QString, DocxStyle>& styles, const QString& id)
{
    QString cursor = id;
    for (int depth = 0; depth < 10 && !cursor.isEmpty(); ++depth) {
        const auto it = styles.constFind(cursor);
        if (it == styles.constEnd())
            return headingLevelFromName(cursor);
        if (const int level = headingLevelFromName(it->name); level > 0)
            return level;
        if (it->outlineLevel >= 0 && it->outlineLevel < 9)
            return it->outlineLevel + 1;
        cursor = it->basedOn;
    }
    return headingLevelFromName(id);
}

QString collapseOdfWhitespace(QStringView text)
{
    // ODF character data: line breaks and tabs in the XML are plain white space.
    QString out = text.toString();
    for (QChar& c : out) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return out;
}

} // namespace

common::Result<QString> parseDocxBody(const QByteArray& documentXml, const QByteArray& stylesXml)
{
    const QHash<QString, DocxStyle> styles = parseDocxStyles(stylesXml);
    const QString valName = QStringLiteral("val");
    const QString wordNs = kWordNs.toString();
    BlockCollector blocks;
    QXmlStreamReader xml(documentXml);
    bool inParagraphProperties = false;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.namespaceUri() == kMarkupCompatibilityNs && xml.name() == u"Fallback") {
                xml.skipCurrentElement(); // the same content again, for older readers
                continue;
            }
            if (xml.namespaceUri() != kWordNs)
                continue;
            const QStringView name = xml.name();
            if (name == u"p") {
                blocks.beginParagraph();
            } else if (name == u"pPr") {
                inParagraphProperties = true;
            } else if (inParagraphProperties) {
                if (name == u"pStyle")
                    blocks.setHeading(styleHeadingLevel(styles, xml.attributes().value(wordNs, valName).toString()));
                else if (name == u"outlineLvl") {
                    bool ok = false;
                    const int level = xml.attributes().value(wordNs, valName).toInt(&ok);
                    if (ok && level >= 0 && level < 9)
                        blocks.setHeading(level + 1);
                } else if (name == u"numPr") {
                    blocks.setListItem();
                }
            } else if (name == u"t") {
                blocks.appendText(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            } else if (name == u"tab") {
                blocks.appendText(u"\t");
            } else if (name == u"br" || name == u"cr") {
                blocks.appendText(u"\n");
            } else if (name == u"noBreakHyphen") {
                blocks.appendText(u"-");
            } else if (name == u"delText" || name == u"instrText" || name == u"footnoteReference") {
                xml.skipCurrentElement();
            } else if (name == u"tbl") {
                blocks.beginTable();
            } else if (name == u"tr") {
                blocks.beginRow();
            } else if (name == u"tc") {
                blocks.beginCell();
            }
        } else if (token == QXmlStreamReader::EndElement && xml.namespaceUri() == kWordNs) {
            const QStringView name = xml.name();
            if (name == u"p")
                blocks.endParagraph();
            else if (name == u"pPr")
                inParagraphProperties = false;
            else if (name == u"tc")
                blocks.endCell();
            else if (name == u"tr")
                blocks.endRow();
            else if (name == u"tbl")
                blocks.endTable();
        }
    }
    if (xml.hasError())
        return std::unexpected(damagedXml());
    return blocks.finish();
}

common::Result<QString> parseOdtBody(const QByteArray& contentXml)
{
    BlockCollector blocks;
    QXmlStreamReader xml(contentXml);
    const QString textNs = kTextNs.toString();
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView ns = xml.namespaceUri();
            const QStringView name = xml.name();
            if (ns == kOfficeNs && name == u"annotation") {
                xml.skipCurrentElement();
            } else if (ns == kTextNs) {
                if (name == u"h") {
                    bool ok = false;
                    const int level = xml.attributes().value(textNs, QStringLiteral("outline-level")).toInt(&ok);
                    blocks.beginParagraph(std::clamp(ok ? level : 1, 1, kMaxHeadingLevel));
                } else if (name == u"p") {
                    blocks.beginParagraph();
                } else if (name == u"s") {
                    bool ok = false;
                    const int count = xml.attributes().value(textNs, QStringLiteral("c")).toInt(&ok);
                    blocks.appendText(QString(std::clamp(ok ? count : 1, 1, 1000), u' '));
                } else if (name == u"tab") {
                    blocks.appendText(u"\t");
                } else if (name == u"line-break") {
                    blocks.appendText(u"\n");
                } else if (name == u"list-item") {
                    blocks.markNextParagraphAsListItem();
                } else if (name == u"note" || name == u"tracked-changes" || name == u"sequence-decls") {
                    xml.skipCurrentElement();
                }
            } else if (ns == kTableNs) {
                if (name == u"table")
                    blocks.beginTable();
                else if (name == u"table-row")
                    blocks.beginRow();
                else if (name == u"table-cell")
                    blocks.beginCell();
                else if (name == u"covered-table-cell")
                    xml.skipCurrentElement();
            }
        } else if (token == QXmlStreamReader::Characters) {
            if (blocks.inParagraph())
                blocks.appendText(collapseOdfWhitespace(xml.text()));
        } else if (token == QXmlStreamReader::EndElement) {
            const QStringView ns = xml.namespaceUri();
            const QStringView name = xml.name();
            if (ns == kTextNs && (name == u"h" || name == u"p"))
                blocks.endParagraph();
            else if (ns == kTableNs && name == u"table-cell")
                blocks.endCell();
            else if (ns == kTableNs && name == u"table-row")
                blocks.endRow();
            else if (ns == kTableNs && name == u"table")
                blocks.endTable();
        }
    }
    if (xml.hasError())
        return std::unexpected(damagedXml());
    return blocks.finish();
}

namespace {

DocumentMetadata parseMetadata(const QByteArray& xmlData, QStringView authorNs, QStringView authorName,
    QStringView createdNs, QStringView createdName)
{
    DocumentMetadata metadata;
    QString fallbackAuthor;
    QXmlStreamReader xml(xmlData);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString ns = xml.namespaceUri().toString();
        const QString name = xml.name().toString();
        if (ns == kDcNs && name == u"title")
            metadata.title = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        else if (ns == kDcNs && name == u"subject")
            metadata.subject = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        else if (ns == authorNs && name == authorName)
            metadata.author = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        else if (ns == kDcNs && name == u"creator")
            fallbackAuthor = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        else if (ns == createdNs && name == createdName)
            metadata.created = QDateTime::fromString(xml.readElementText().trimmed(), Qt::ISODate);
    }
    if (metadata.author.isEmpty())
        metadata.author = fallbackAuthor;
    return metadata; // whatever was read before an error is still useful
}

} // namespace

DocumentMetadata parseDocxMetadata(const QByteArray& coreXml)
{
    return parseMetadata(coreXml, kDcNs, u"creator", kDcTermsNs, u"created");
}

DocumentMetadata parseOdtMetadata(const QByteArray& metaXml)
{
    return parseMetadata(metaXml, kMetaNs, u"initial-creator", kMetaNs, u"creation-date");
}

} // namespace genius::documents
