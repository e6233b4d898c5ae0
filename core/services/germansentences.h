#pragma once

#include <QList>
#include <QString>

namespace genius::services {

/// A complete sentence of a text, as the extractive summary may quote it.
struct TextSentence {
    QString text; ///< whitespace collapsed, a leading Absatz marker "(2)" removed
    int start = 0; ///< offset in the cleaned text the sentence came from
    int wordCount = 0; ///< words with at least one letter
};

/// Removes what is no prose before sentence splitting: page numbers ("- 3 -", "Seite 3 von 9"),
/// table-of-contents lines ("§ 3 Zuständigkeit ....... 5"), table rows, Markdown headings
/// marks and emphasis, soft hyphens and line-end hyphenation. Headings stay on a line of
/// their own (they are dropped later because they do not end like a sentence).
QString cleanForSentences(const QString& text);

/// Splits cleaned text into complete sentences, respecting German abbreviations, ordinals and
/// dates (core/chunking/textboundaries.h) and joining a list back onto its lead-in ("gilt
/// nicht für 1. …, 2. …"). Headings, fragments (no final . ! ? …), sentences of fewer than
/// `minWords` or more than `maxWords` words are left out.
QList<TextSentence> splitSentences(const QString& cleanedText, int minWords = 5, int maxWords = 120);

} // namespace genius::services
