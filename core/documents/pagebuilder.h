#pragma once

#include "core/documents/pagetext.h"

#include <QRectF>
#include <QString>

#include <vector>

namespace genius::documents {

/// One word of a page layout as a PDF text layer or OCR delivers it, in reading order.
struct LayoutWord {
    QString text;
    QRectF box; ///< in points, origin top-left
    bool spaceAfter = true; ///< false when the next word of the line touches this one
    bool endsLine = false; ///< the last word of its line
    bool startsParagraph = false; ///< an explicit paragraph start (OCR layout analysis)
};

/// How paragraph breaks are found between lines.
enum class ParagraphBreaks {
    FromGaps, ///< a vertical gap clearly above the page's usual line gap, or a font size change (PDF)
    FromLayout, ///< LayoutWord::startsParagraph (Tesseract's layout analysis)
};

/// Builds the text of a page from its words: words joined by spaces, lines by '\n',
/// paragraphs by a blank line; lines on the same baseline (a "(1)" left of its
/// paragraph, table cells) become one line; words hyphenated at a line end are joined
/// (classifyLineEndHyphen) with the line break moved after the joined word. Every word is
/// normalised (normalizeWord) and recorded with its box, offset and length. Pure.
PageText assemblePage(const std::vector<LayoutWord>& words, ParagraphBreaks paragraphs);

} // namespace genius::documents
