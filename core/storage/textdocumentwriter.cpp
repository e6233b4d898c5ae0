// ODT and PDF through Qt's rich-text engine. Both lay text out with real fonts, which is
// why they need a QGuiApplication (the offscreen platform is enough).

#include "core/storage/exportdocument.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>

namespace genius::storage {

using common::ErrorCode;
using common::fail;

namespace {

QTextBlockFormat blockFormat(ExportBlock::Kind kind)
{
    QTextBlockFormat format;
    switch (kind) {
    case ExportBlock::Kind::Title:
        format.setHeadingLevel(1);
        format.setBottomMargin(8);
        break;
    case ExportBlock::Kind::Heading:
        format.setHeadingLevel(2);
        format.setTopMargin(12);
        format.setBottomMargin(4);
        break;
    case ExportBlock::Kind::Meta:
        format.setTopMargin(2);
        break;
    case ExportBlock::Kind::Paragraph:
    case ExportBlock::Kind::Source:
        break;
    }
    return format;
}

QTextCharFormat charFormat(ExportBlock::Kind kind, bool bold, const QFont& base)
{
    QTextCharFormat format;
    format.setFont(base);
    if (kind == ExportBlock::Kind::Title)
        format.setFontPointSize(base.pointSizeF() * 1.8);
    else if (kind == ExportBlock::Kind::Heading)
        format.setFontPointSize(base.pointSizeF() * 1.2);
    format.setFontWeight(bold || kind == ExportBlock::Kind::Title ? QFont::Bold : QFont::Normal);
    return format;
}

void fill(QTextDocument& textDocument, const ExportDocument& document)
{
    QFont base = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    base.setPointSizeF(10.5);
    textDocument.setDefaultFont(base);
    textDocument.setMetaInformation(QTextDocument::DocumentTitle, document.title);
    QTextCursor cursor(&textDocument);
    bool first = true;
    for (const ExportBlock& part : document.blocks) {
        if (first)
            cursor.setBlockFormat(blockFormat(part.kind));
        else
            cursor.insertBlock(blockFormat(part.kind));
        first = false;
        // The block's own character format keeps empty lines at the size of their kind.
        cursor.setBlockCharFormat(charFormat(part.kind, false, base));
        for (const ExportRun& run : part.runs)
            cursor.insertText(xmlSafe(run.text), charFormat(part.kind, run.bold, base));
    }
}

} // namespace

common::Result<QByteArray> textDocumentBytes(const ExportDocument& document, const QByteArray& format)
{
    QTextDocument textDocument;
    fill(textDocument, document);
    // In memory first: the ODF writer closes its device, which a QSaveFile must not be.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (format == "pdf") {
        {
            QPdfWriter writer(&buffer);
            writer.setTitle(document.title);
            writer.setCreator(QStringLiteral("NRW.Genius"));
            // QTextDocument::print adds 2 cm margins and page numbers of its own.
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(),
                                             QPageLayout::Millimeter));
            textDocument.print(&writer);
        } // the PDF is complete once the writer is gone
        return buffer.data();
    }
    QTextDocumentWriter writer(&buffer, format);
    if (!writer.write(&textDocument))
        return fail(ErrorCode::Io, QStringLiteral("The %1 document could not be written.").arg(QString::fromLatin1(format)));
    return buffer.data();
}

} // namespace genius::storage
