// removeRepeatedHeadersAndFooters (declared in documentreader.h): running headers,
// footers and page numbers repeat at the edges of most pages and would otherwise land in
// every chunk and every search hit.
#include "core/documents/documentreader.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <utility>

namespace genius::documents {

namespace {

constexpr int kEdgeLines = 2; // lines looked at on top and at the bottom of a page
constexpr double kMinShare = 0.6; // of the pages a line must repeat on
constexpr int kMinPages = 3;

using Range = std::pair<qsizetype, qsizetype>; // [begin, end) in PageText::text

// The non-empty lines of a page as ranges without their '\n'.
QList<Range> lineRanges(const QString& text)
{
    QList<Range> lines;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        if (!QStringView(text).sliced(start, end - start).trimmed().isEmpty())
            lines.append({ start, end });
        start = end + 1;
    }
    return lines;
}

// Page numbers differ from page to page (and in length): a run of digits compares as '#'.
QString lineKey(QStringView line)
{
    const QString simplified = line.toString().simplified();
    QString key;
    key.reserve(simplified.size());
    for (QChar c : simplified) {
        if (!c.isDigit())
            key += c;
        else if (!key.endsWith(u'#'))
            key += u'#';
    }
    return key;
}

QList<qsizetype> edgeIndexes(qsizetype count)
{
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < std::min<qsizetype>(kEdgeLines, count); ++i)
        indexes.append(i);
    for (qsizetype i = std::max<qsizetype>(count - kEdgeLines, kEdgeLines); i < count; ++i)
        indexes.append(i);
    return indexes;
}

// Removes the sorted, disjoint `ranges` from the page and moves the word offsets with the
// text; words inside a removed range are dropped.
void removeRanges(PageText& page, const QList<Range>& ranges)
{
    if (ranges.isEmpty())
        return;
    QString text;
    text.reserve(page.text.size());
    qsizetype cursor = 0;
    for (const Range& range : ranges) {
        text += QStringView(page.text).sliced(cursor, range.first - cursor);
        cursor = range.second;
    }
    text += QStringView(page.text).sliced(cursor);

    QList<WordBox> words;
    words.reserve(page.words.size());
    for (WordBox word : std::as_const(page.words)) {
        qsizetype shift = 0;
        bool removed = false;
        for (const Range& range : ranges) {
            if (word.offset >= range.second) {
                shift += range.second - range.first;
            } else {
                removed = word.offset + word.length > range.first;
                break;
            }
        }
        if (removed)
            continue;
        word.offset -= static_cast<qint32>(shift);
        words.append(word);
    }
    page.text = std::move(text);
    page.words = std::move(words);
}

// Blank lines left behind: none at the edges, at most one in a row inside.
QList<Range> surplusLineBreaks(const QString& text)
{
    QList<Range> ranges;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) != u'\n') {
            ++i;
            continue;
        }
        const qsizetype begin = i;
        while (i < text.size() && text.at(i) == u'\n')
            ++i;
        if (begin == 0 || i == text.size())
            ranges.append({ begin, i });
        else if (i - begin > 2)
            ranges.append({ begin + 2, i });
    }
    return ranges;
}

} // namespace

void removeRepeatedHeadersAndFooters(QList<PageText>& pages)
{
    const qsizetype pageCount = pages.size();
    if (pageCount < kMinPages)
        return;
    QList<QList<Range>> lines;
    QHash<QString, int> pagesWithKey;
    lines.reserve(pageCount);
    for (const PageText& page : std::as_const(pages)) {
        lines.append(lineRanges(page.text));
        QSet<QString> keys;
        for (qsizetype index : edgeIndexes(lines.constLast().size())) {
            const Range range = lines.constLast().at(index);
            keys.insert(lineKey(QStringView(page.text).sliced(range.first, range.second - range.first)));
        }
        for (const QString& key : std::as_const(keys))
            ++pagesWithKey[key];
    }
    const int needed = std::max(kMinPages, static_cast<int>(std::ceil(kMinShare * static_cast<double>(pageCount))));

    for (qsizetype p = 0; p < pageCount; ++p) {
        PageText& page = pages[p];
        QList<Range> remove;
        for (qsizetype index : edgeIndexes(lines.at(p).size())) {
            const Range range = lines.at(p).at(index);
            if (pagesWithKey.value(lineKey(QStringView(page.text).sliced(range.first, range.second - range.first)))
                < needed)
                continue;
            // The line and the line break after it (the last line has none).
            remove.append({ range.first, std::min(range.second + 1, page.text.size()) });
        }
        if (remove.isEmpty())
            continue;
        std::sort(remove.begin(), remove.end());
        removeRanges(page, remove);
        removeRanges(page, surplusLineBreaks(page.text));
    }
}

} // namespace genius::documents
