#include "core/chunking/chunk.h"
#include "core/chunking/chunkinglogging.h"
#include "core/chunking/structure.h"
#include "core/chunking/unitsplitter.h"

#include <algorithm>
#include <vector>

Q_LOGGING_CATEGORY(lcChunking, "genius.chunking", QtInfoMsg)

namespace genius::chunking {

namespace {

constexpr int kMaxRemarkChars = 40; // "(weggefallen)" and the like, not an Absatz

/// One structural unit after heading-only sections were carried into the next one.
struct Unit {
    Span span;
    QStringList path;
    QStringList parentPath; ///< the path without the unit's own heading
    bool legal = false;
    bool stub = false; ///< a heading without text or with only "(weggefallen)"
};

/// A chunk being assembled: one piece of a unit, possibly followed by whole small units.
struct Group {
    Span span;
    const Unit* first = nullptr;
    bool legal = false;
};

SplitLimits sanitize(const ChunkingOptions& options)
{
    SplitLimits limits;
    limits.maxChars = std::max(1, options.maxChars);
    limits.targetChars = std::clamp(options.targetChars, 1, limits.maxChars);
    limits.overlapChars = std::clamp(options.overlapChars, 0, limits.targetChars / 2);
    return limits;
}

Span trimmed(QStringView text, int from, int to)
{
    while (from < to && text[from].isSpace())
        ++from;
    while (to > from && text[to - 1].isSpace())
        --to;
    return Span { from, to };
}

// A body that is only a remark in brackets: "(weggefallen)", "(aufgehoben)".
bool isRemarkOnly(QStringView body)
{
    return body.size() >= 3 && body.size() <= kMaxRemarkChars && body.front() == u'(' && body.back() == u')'
        && !body[1].isDigit();
}

std::vector<Unit> buildUnits(QStringView text, const QList<Section>& sections)
{
    std::vector<Unit> units;
    units.reserve(static_cast<std::size_t>(sections.size()));
    int carriedStart = -1;
    for (qsizetype k = 0; k < sections.size(); ++k) {
        const Section& section = sections.at(k);
        const Span body = trimmed(text, section.headingEnd, section.end);
        const bool headingOnly = section.level > 0 && body.end <= body.start;
        // "Teil III" directly followed by "Abschnitt 1" and "§ 35": the headings open the first
        // chunk of § 35 instead of dangling at the end of § 34's chunk or standing alone.
        if (headingOnly && k + 1 < sections.size() && sections.at(k + 1).level > section.level) {
            if (carriedStart < 0)
                carriedStart = section.start;
            continue;
        }
        const Span span = trimmed(text, carriedStart >= 0 ? carriedStart : section.start, section.end);
        carriedStart = -1;
        if (span.end <= span.start)
            continue;
        Unit unit;
        unit.span = span;
        unit.path = section.path;
        unit.parentPath = section.path;
        if (section.ownHeading && !unit.parentPath.isEmpty())
            unit.parentPath.removeLast();
        unit.legal = section.legal;
        unit.stub = section.level > 0 && (headingOnly || isRemarkOnly(text.sliced(body.start, body.end - body.start)));
        units.push_back(std::move(unit));
    }
    return units;
}

bool canJoin(const Group& group, const Unit& unit, const SplitLimits& limits)
{
    if (group.first->parentPath != unit.parentPath)
        return false;
    // A stub adds no content worth a chunk of its own: it may fill a chunk up to maxChars.
    const int limit = unit.stub ? limits.maxChars : limits.targetChars;
    if (unit.span.end - group.span.start > limit)
        return false;
    // Each § / Art. with text keeps a chunk and a citation of its own; only stubs join it.
    return (!group.legal && !unit.legal) || unit.stub;
}

std::vector<Group> groupUnits(QStringView text, const std::vector<Unit>& units, const SplitLimits& limits)
{
    std::vector<Group> groups;
    for (const Unit& unit : units) {
        const std::vector<Span> pieces = splitUnit(text, unit.span.start, unit.span.end, limits);
        if (pieces.size() == 1 && !groups.empty() && canJoin(groups.back(), unit, limits)) {
            groups.back().span.end = unit.span.end;
            groups.back().legal = groups.back().legal || unit.legal;
            continue;
        }
        // A later stub may still join the last piece of a split unit ("§ 44a" after a long § 44).
        for (const Span& piece : pieces)
            groups.push_back(Group { piece, &unit, unit.legal });
    }
    return groups;
}

} // namespace

QList<Chunk> chunkDocument(const ChunkSource& source, const ChunkingOptions& options)
{
    const SplitLimits limits = sanitize(options);

    // The full text and the offset where each page starts in it.
    qsizetype totalSize = source.pages.isEmpty() ? 0 : source.pages.size() - 1;
    for (const QString& page : source.pages)
        totalSize += page.size();
    QString fullText;
    fullText.reserve(totalSize);
    std::vector<int> pageStarts;
    pageStarts.reserve(static_cast<std::size_t>(source.pages.size()));
    for (qsizetype p = 0; p < source.pages.size(); ++p) {
        if (p > 0)
            fullText += u'\f';
        pageStarts.push_back(static_cast<int>(fullText.size()));
        fullText += source.pages.at(p);
    }

    const QList<Section> sections = findSections(fullText, source.title, source.markdown);
    const std::vector<Unit> units = buildUnits(fullText, sections);
    const std::vector<Group> groups = groupUnits(fullText, units, limits);

    auto pageOf = [&](int offset) {
        if (!source.paged)
            return 0;
        return static_cast<int>(std::upper_bound(pageStarts.begin(), pageStarts.end(), offset) - pageStarts.begin());
    };
    QList<Chunk> chunks;
    chunks.reserve(static_cast<qsizetype>(groups.size()));
    for (const Group& group : groups) {
        Chunk chunk;
        chunk.ordinal = static_cast<int>(chunks.size());
        chunk.start = group.span.start;
        chunk.end = group.span.end;
        chunk.firstPage = pageOf(chunk.start);
        chunk.lastPage = pageOf(chunk.end - 1);
        chunk.headingPath = group.first->path;
        chunk.text = fullText.mid(chunk.start, chunk.end - chunk.start);
        chunk.text.replace(u'\f', u'\n');
        chunks << std::move(chunk);
    }
    qCDebug(lcChunking) << "chunked" << fullText.size() << "characters in" << sections.size() << "sections into"
                        << chunks.size() << "chunks";
    return chunks;
}

} // namespace genius::chunking
