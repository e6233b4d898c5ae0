#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace genius::documents {

/// One word of a page with its box in PDF points (origin top-left) and its place in the
/// page's text, so a passage can be highlighted on the rendered page.
struct WordBox {
    QRectF box;
    qint32 offset = 0; ///< first character of the word in PageText::text
    qint32 length = 0; ///< characters of the word in PageText::text
};

/// The text of one page (or of the whole document for formats without pages).
struct PageText {
    int number = 1;           ///< 1-based page number
    QString text;             ///< normalised text of the page (NFC, lines joined by '\n')
    QList<WordBox> words;     ///< empty for formats without a layout
    QSizeF size;              ///< page size in PDF points, empty without a layout
    bool ocr = false;         ///< true when the text came from Tesseract
    double confidence = -1.0; ///< mean OCR word confidence 0..100, -1 when not OCR
};

/// Metadata a reader could find; every field may be empty.
struct DocumentMetadata {
    QString title;
    QString author;
    QString subject;
    QDateTime created;
};

/// Compact binary form of a page's word boxes for storage (versioned; decode rejects garbage).
QByteArray encodeWordBoxes(const QList<WordBox>& words);
QList<WordBox> decodeWordBoxes(const QByteArray& data);

} // namespace genius::documents
