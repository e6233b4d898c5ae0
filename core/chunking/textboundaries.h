#pragma once

#include <QStringView>

#include <cstdint>
#include <vector>

namespace genius::chunking {

/// How strong a place between two pieces of text is as a chunk boundary (higher is better).
enum class BreakLevel : std::uint8_t {
    Word = 0, ///< between two words
    Sentence = 1, ///< a new sentence starts
    Item = 2, ///< a line starts with "(2)", "3.", "a)" or a bullet (an Absatz or list item)
    Paragraph = 3, ///< after a blank line
};

/// A position where a new word (sentence, item, paragraph) starts: always a non-space character.
struct Break {
    int pos = 0;
    BreakLevel level = BreakLevel::Word;
};

/// Appends, in increasing order, every break strictly inside [from, to) of `text`. `from` is
/// expected at a non-space character. One pass over the span: linear in its length.
void collectBreaks(QStringView text, int from, int to, std::vector<Break>& out);

/// True when the token (one run of non-space characters, e.g. "Abs." or "1.") followed by
/// the character `next` ends a sentence. German abbreviations ("Abs.", "Nr.", "z. B.",
/// "bzw."), single letters ("S.") and ordinals ("1.") do not end a sentence.
bool endsSentence(QStringView token, QChar next);

/// True when `word` (without its final period) is a known German abbreviation.
bool isAbbreviation(QStringView word);

/// The starts of the sentences of `text` after the first (convenience over collectBreaks).
std::vector<int> sentenceStarts(QStringView text);

} // namespace genius::chunking
