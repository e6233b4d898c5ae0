#include "core/documents/pagebuilder.h"

#include "core/documents/normalizer.h"

#include <algorithm>
#include <cmath>

namespace genius::documents {

namespace {

struct Word {
    QString text;
    QRectF box;
    bool spaceAfter;
};

struct Line {
    std::vector<Word> words;
    QRectF box;
    bool startsParagraph = false;
};

enum class Break { Space, Line, Paragraph };

std::vector<Line> collectLines(const std::vector<LayoutWord>& input)
{
    std::vector<Line> lines;
    Line current;
    for (const LayoutWord& word : input) {
        if (current.words.empty())
            current.startsParagraph = word.startsParagraph;
        QString text = normalizeWord(word.text);
        // A soft hyphen at the end of a line marks a hyphenation point: keep it for the join.
        if (word.endsLine && word.text.endsWith(QChar(kSoftHyphen)) && !text.isEmpty())
            text += QChar(kSoftHyphen);
        if (!text.isEmpty()) {
            current.box = current.words.empty() ? word.box : current.box.united(word.box);
            current.words.push_back(Word { std::move(text), word.box, word.spaceAfter });
        }
        if (word.endsLine && !current.words.empty()) {
            lines.push_back(std::move(current));
            current = Line {};
        }
    }
    if (!current.words.empty())
        lines.push_back(std::move(current));
    return lines;
}

// Poppler puts a "(1)" left of its paragraph, or the cells of a table row, into lines of
// their own; on the page they share a baseline and read as one line.
bool sharesBaseline(const QRectF& previous, const QRectF& next)
{
    const double overlap = std::min(previous.bottom(), next.bottom()) - std::max(previous.top(), next.top());
    const double smaller = std::min(previous.height(), next.height());
    return smaller > 0 && overlap > 0.6 * smaller && next.left() >= previous.right() - 1.0;
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0;
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(static_cast<double>(values.size() - 1) * share);
    std::nth_element(values.begin(), at, values.end());
    return *at;
}

std::vector<Break> decideBreaks(const std::vector<Line>& lines, ParagraphBreaks paragraphs)
{
    std::vector<Break> breaks(lines.size(), Break::Line);
    if (lines.empty())
        return breaks;
    breaks[0] = Break::Paragraph;
    // Visual lines: merged baselines keep the box of the line they continue.
    std::vector<QRectF> visual(lines.size());
    visual[0] = lines[0].box;
    std::vector<double> gaps;
    std::vector<double> heights;
    for (size_t i = 1; i < lines.size(); ++i) {
        if (sharesBaseline(visual[i - 1], lines[i].box)) {
            breaks[i] = Break::Space;
            visual[i] = visual[i - 1].united(lines[i].box);
        } else {
            visual[i] = lines[i].box;
            gaps.push_back(lines[i].box.top() - visual[i - 1].bottom());
        }
    }
    for (const Line& line : lines)
        heights.push_back(line.box.height());
    // The lower quartile: on a page of one-line paragraphs the median gap is a paragraph gap.
    const double usualGap = percentile(gaps, 0.25);
    const double usualHeight = percentile(heights, 0.5);

    for (size_t i = 1; i < lines.size(); ++i) {
        if (breaks[i] == Break::Space)
            continue;
        if (paragraphs == ParagraphBreaks::FromLayout) {
            if (lines[i].startsParagraph)
                breaks[i] = Break::Paragraph;
            continue;
        }
        const QRectF& previous = visual[i - 1];
        const QRectF& box = lines[i].box;
        const double gap = box.top() - previous.bottom();
        const double height = std::max({ previous.height(), box.height(), 0.5 * usualHeight });
        const bool wideGap = gap - usualGap > 0.2 * height;
        // Text that continues higher up the page starts a new column or frame.
        const bool movedUp = box.bottom() < previous.top();
        const bool sizeChanged = std::abs(box.height() - previous.height()) > 0.15 * height;
        if (wideGap || movedUp || sizeChanged)
            breaks[i] = Break::Paragraph;
    }
    return breaks;
}

class Writer
{
public:
    void append(const Word& word, QStringView separator)
    {
        m_page.text += separator;
        m_page.words.append(
            WordBox { word.box, static_cast<qint32>(m_page.text.size()), static_cast<qint32>(word.text.size()) });
        m_page.text += word.text;
    }

    // Attaches the first word of a new line to the hyphenated last word of the previous one.
    void join(const Word& word, bool dropHyphen)
    {
        if (dropHyphen)
            dropLastChar();
        append(word, {});
    }

    void dropSoftHyphen()
    {
        if (m_page.text.endsWith(QChar(kSoftHyphen)))
            dropLastChar();
    }

    QStringView lastWord() const
    {
        if (m_page.words.isEmpty())
            return {};
        const WordBox& last = m_page.words.constLast();
        return QStringView(m_page.text).sliced(last.offset, last.length);
    }

    PageText take() { return std::move(m_page); }

private:
    void dropLastChar()
    {
        m_page.text.chop(1);
        if (!m_page.words.isEmpty() && m_page.words.constLast().length > 0)
            --m_page.words.last().length;
    }

    PageText m_page;
};

} // namespace

PageText assemblePage(const std::vector<LayoutWord>& words, ParagraphBreaks paragraphs)
{
    const std::vector<Line> lines = collectLines(words);
    const std::vector<Break> breaks = decideBreaks(lines, paragraphs);

    Writer writer;
    // The separator owed before the next word; a joined word moves the line break after itself.
    QStringView pending;
    for (size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        size_t first = 0;
        if (i > 0) {
            if (breaks[i] != Break::Space) {
                const HyphenJoin join = classifyLineEndHyphen(writer.lastWord(), line.words.front().text);
                // A paragraph never starts with the lower-case rest of a hyphenated word, so
                // such a "paragraph" break is a misjudged line break (OCR layout analysis).
                if (join == HyphenJoin::JoinDropHyphen
                    || (join == HyphenJoin::JoinKeepHyphen && breaks[i] == Break::Line)) {
                    writer.join(line.words.front(), join == HyphenJoin::JoinDropHyphen);
                    first = 1;
                    pending = u"\n";
                }
            }
            if (first == 0) {
                writer.dropSoftHyphen();
                pending = breaks[i] == Break::Paragraph ? QStringView(u"\n\n")
                    : breaks[i] == Break::Line          ? QStringView(u"\n")
                                                        : QStringView(u" ");
            }
        }
        for (size_t w = first; w < line.words.size(); ++w) {
            writer.append(line.words[w], i == 0 && w == 0 ? QStringView() : pending);
            pending = line.words[w].spaceAfter ? QStringView(u" ") : QStringView();
        }
        // A line's last word always ends with a break, whatever its space flag says.
        pending = {};
    }
    writer.dropSoftHyphen();
    return writer.take();
}

} // namespace genius::documents
