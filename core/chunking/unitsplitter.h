#pragma once

#include <QStringView>

#include <vector>

namespace genius::chunking {

/// A chunk's place in the full text, [start, end), without surrounding whitespace.
struct Span {
    int start = 0;
    int end = 0;
};

/// Chunk sizes after validation (see chunkDocument for the clamping rules).
struct SplitLimits {
    int targetChars = 1200;
    int maxChars = 2000;
    int overlapChars = 150;
};

/// Splits one structural unit, the trimmed span [start, end) of `text`, into spans of at
/// most maxChars. A unit that fits stays whole. Otherwise the pieces aim at an even size
/// near targetChars and end at the strongest boundary available (paragraph, Absatz or list
/// item, sentence, word; a hard cut only inside a word longer than the limit). Every piece
/// after the first starts up to overlapChars earlier, at a sentence or word start.
std::vector<Span> splitUnit(QStringView text, int start, int end, const SplitLimits& limits);

} // namespace genius::chunking
