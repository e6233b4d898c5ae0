#pragma once

// The format-neutral form of an export that every writer renders (internal to storage).

#include "core/common/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace genius::storage {

/// A piece of text with one emphasis.
struct ExportRun {
    QString text;
    bool bold = false;
};

/// One paragraph of an export.
struct ExportBlock {
    enum class Kind {
        Title,     ///< the conversation's title
        Meta,      ///< a header line: date, protection class
        Heading,   ///< a message's role and time
        Paragraph, ///< one line of a message
        Source,    ///< "[n] name, p. page"
    };
    Kind kind = Kind::Paragraph;
    QList<ExportRun> runs;

    QString plainText() const;
};

/// The blocks of one export, in order, and the title for the file's metadata.
struct ExportDocument {
    QString title;
    QList<ExportBlock> blocks;
};

/// Text that XML 1.0 can carry: control characters (other than tab and line breaks),
/// U+FFFE/U+FFFF and unpaired surrogates are dropped.
QString xmlSafe(const QString& text);

/// A WordprocessingML package (DOCX) with content types, relationships, styles and the
/// document; written with QuaZip and QXmlStreamWriter, no Gui needed.
common::Result<QByteArray> docxPackage(const ExportDocument& document);

/// ODT ("odf") or PDF ("pdf") through QTextDocument; needs a QGuiApplication.
common::Result<QByteArray> textDocumentBytes(const ExportDocument& document, const QByteArray& format);

} // namespace genius::storage
