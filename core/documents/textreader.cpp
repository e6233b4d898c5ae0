#include "core/documents/textreader.h"

#include "core/documents/normalizer.h"

#include <QFont>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

namespace genius::documents {

namespace {

QString decodeWith(const QByteArray& data, const QByteArray& charset)
{
    QStringDecoder decoder(charset.constData());
    if (!decoder.isValid())
        return {};
    QString text = decoder.decode(data);
    return decoder.hasError() ? QString() : text;
}

// Bytes 0x80-0x9F of Windows-1252, for builds of Qt without ICU (where the codec is missing).
QString decodeWindows1252(const QByteArray& data)
{
    QString text = decodeWith(data, "windows-1252");
    if (!text.isNull() || data.isEmpty())
        return text;
    static constexpr char16_t kHigh[32] = { 0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6,
        0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178 };
    text.reserve(data.size());
    for (const char byte : data) {
        const auto value = static_cast<unsigned char>(byte);
        text += (value >= 0x80 && value < 0xA0) ? QChar(kHigh[value - 0x80]) : QChar(static_cast<char16_t>(value));
    }
    return text;
}

QByteArray htmlCharset(const QByteArray& data)
{
    // <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
    static const QRegularExpression charset(QStringLiteral("<meta[^>]*charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = charset.match(QString::fromLatin1(data.left(4096)));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

// "---\nTitle: X\n...\n---\n" at the very start of a Markdown file.
QString stripFrontMatter(const QString& text, DocumentMetadata* metadata)
{
    if (!text.startsWith(u"---\n") && !text.startsWith(u"---\r\n"))
        return text;
    static const QRegularExpression end(QStringLiteral("\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|$)"));
    const QRegularExpressionMatch match = end.match(text, 3);
    if (!match.hasMatch())
        return text;
    const QString header = text.mid(4, match.capturedStart() - 4);
    for (QStringView line : QStringView(header).split(u'\n')) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        const QString key = line.first(colon).trimmed().toString().toLower();
        QString value = line.sliced(colon + 1).trimmed().toString();
        if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\'')) && value.back() == value.front())
            value = value.sliced(1, value.size() - 2);
        if (key == u"title")
            metadata->title = value;
        else if (key == u"author")
            metadata->author = value;
        else if (key == u"subject" || key == u"description")
            metadata->subject = value;
    }
    return text.sliced(match.capturedEnd());
}

QString htmlToText(const QString& html, DocumentMetadata* metadata)
{
    QTextDocument document;
    // A pixel size keeps QTextDocument from deriving heading sizes from an unset
    // application font (which warns when there is no QGuiApplication, as in the CLI).
    QFont font;
    font.setPixelSize(16);
    document.setDefaultFont(font);
    document.setHtml(html);
    metadata->title = document.metaInformation(QTextDocument::DocumentTitle).simplified();

    QStringList blocks;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QString text = block.text();
        text.remove(QChar(QChar::ObjectReplacementCharacter)); // images
        text.replace(QChar(QChar::LineSeparator), u'\n');
        text = text.trimmed();
        if (text.isEmpty())
            continue;
        if (const int level = block.blockFormat().headingLevel(); level > 0)
            text = QString(std::min(level, 6), u'#') + u' ' + text;
        else if (block.textList())
            text = QStringLiteral("- ") + text;
        blocks.append(text);
    }
    return blocks.join(u"\n\n");
}

} // namespace

QString decodeText(const QByteArray& data, const QByteArray& fallbackCharset)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(data.sliced(3));
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF")) {
        QStringDecoder decoder(data.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        return decoder.decode(data.sliced(2));
    }
    QStringDecoder utf8(QStringConverter::Utf8);
    QString text = utf8.decode(data);
    if (!utf8.hasError())
        return text;
    if (!fallbackCharset.isEmpty()) {
        const QString declared = decodeWith(data, fallbackCharset);
        if (!declared.isNull())
            return declared;
    }
    return decodeWindows1252(data);
}

std::unique_ptr<DocumentReader> TextReader::open(const QByteArray& data, Kind kind)
{
    DocumentMetadata metadata;
    QString text;
    switch (kind) {
    case Kind::Plain: text = dehyphenate(normalizeText(decodeText(data))); break;
    case Kind::Markdown: text = normalizeText(stripFrontMatter(decodeText(data), &metadata)); break;
    case Kind::Html: text = normalizeText(htmlToText(decodeText(data, htmlCharset(data)), &metadata)); break;
    }
    return std::unique_ptr<DocumentReader>(new TextReader(kind, std::move(text), std::move(metadata)));
}

TextReader::TextReader(Kind kind, QString text, DocumentMetadata metadata)
    : SinglePageReader(std::move(text), std::move(metadata))
    , m_kind(kind)
{ }

QString TextReader::format() const
{
    switch (m_kind) {
    case Kind::Plain: return QStringLiteral("text");
    case Kind::Markdown: return QStringLiteral("markdown");
    case Kind::Html: return QStringLiteral("html");
    }
    return QStringLiteral("text");
}

} // namespace genius::documents
