#include "core/chunking/unitsplitter.h"

#include "core/chunking/textboundaries.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>

namespace genius::chunking {

namespace {

int trimEnd(QStringView text, int from, int end)
{
    while (end > from && text[end - 1].isSpace())
        --end;
    return end;
}

int skipSpace(QStringView text, int pos, int end)
{
    while (pos < end && text[pos].isSpace())
        ++pos;
    return pos;
}

std::vector<Break>::const_iterator firstBreakAtOrAfter(const std::vector<Break>& breaks, int pos)
{
    return std::lower_bound(breaks.begin(), breaks.end(), pos, [](const Break& b, int value) { return b.pos < value; });
}

// The strongest break in [low, high], the one nearest `ideal` among equals; -1 if none.
const Break* strongestBreak(const std::vector<Break>& breaks, int low, int ideal, int high)
{
    const Break* best = nullptr;
    for (auto it = firstBreakAtOrAfter(breaks, low); it != breaks.end() && it->pos <= high; ++it) {
        if (!best || it->level > best->level
            || (it->level == best->level && std::abs(it->pos - ideal) < std::abs(best->pos - ideal)))
            best = &*it;
    }
    return best;
}

// The end of the next piece. Near the ideal size a sentence or stronger boundary wins; only
// when there is none does the piece grow up to the hard limit to end at one. Word breaks
// and finally any break after `after` are the fallbacks; -1 when the span has none.
int chooseEnd(const std::vector<Break>& breaks, int after, int low, int ideal, int slack, int high)
{
    const Break* near = strongestBreak(breaks, low, ideal, std::min(high, ideal + slack));
    if (near && near->level >= BreakLevel::Sentence)
        return near->pos;
    const Break* anywhere = strongestBreak(breaks, low, ideal, high);
    if (anywhere)
        return anywhere->pos;
    auto it = firstBreakAtOrAfter(breaks, high + 1);
    if (it != breaks.begin() && std::prev(it)->pos > after)
        return std::prev(it)->pos;
    return -1;
}

// Where a piece whose new text starts at `newStart` begins: up to `overlap` characters
// earlier, at the earliest sentence start that repeats a useful amount, else at the earliest
// word start; never at or before the previous piece's start.
int overlapStart(const std::vector<Break>& breaks, int newStart, int overlap, int previousStart)
{
    if (overlap <= 0)
        return newStart;
    const int low = std::max(newStart - overlap, previousStart + 1);
    int firstWord = -1;
    for (auto it = firstBreakAtOrAfter(breaks, low); it != breaks.end() && it->pos < newStart; ++it) {
        if (it->level != BreakLevel::Word && newStart - it->pos >= overlap / 3)
            return it->pos;
        if (firstWord < 0)
            firstWord = it->pos;
    }
    return firstWord >= 0 ? firstWord : newStart;
}

int avoidSurrogateSplit(QStringView text, int cut, int floor)
{
    if (cut > floor + 1 && cut < text.size() && text[cut].isLowSurrogate() && text[cut - 1].isHighSurrogate())
        return cut - 1;
    return cut;
}

} // namespace

std::vector<Span> splitUnit(QStringView text, int start, int end, const SplitLimits& limits)
{
    std::vector<Span> spans;
    if (end <= start)
        return spans;
    if (end - start <= limits.maxChars) {
        spans.push_back(Span { start, end });
        return spans;
    }
    std::vector<Break> breaks;
    breaks.reserve(static_cast<std::size_t>(end - start) / 6);
    collectBreaks(text, start, end, breaks);

    // Even pieces: 2,500 characters at a target of 1,200 become three of ~830, not 1,200 + 1,200 + 100.
    const int length = end - start;
    const int pieces = (length + limits.targetChars - 1) / limits.targetChars;
    const int goal = std::max(1, (length + pieces - 1) / pieces);

    int newStart = start; // first character no earlier piece holds
    int pieceStart = start; // includes the overlap
    while (true) {
        const int high = pieceStart + limits.maxChars;
        if (end <= high) {
            spans.push_back(Span { pieceStart, end });
            break;
        }
        const int low = std::min(newStart + std::max(1, goal / 2), high);
        const int ideal = std::min(newStart + goal, high);
        int cut = chooseEnd(breaks, newStart, low, ideal, goal / 4, high);
        if (cut < 0) // one word longer than the limit: cut it
            cut = avoidSurrogateSplit(text, high, newStart);
        spans.push_back(Span { pieceStart, trimEnd(text, pieceStart, cut) });
        const int previousStart = pieceStart;
        newStart = skipSpace(text, cut, end);
        if (newStart >= end)
            break;
        pieceStart = overlapStart(breaks, newStart, limits.overlapChars, previousStart);
    }
    return spans;
}

} // namespace genius::chunking
