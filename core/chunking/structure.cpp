#include "core/chunking/structure.h"

#include <vector>

namespace genius::chunking {

namespace {

constexpr int kMaxHeadingLineChars = 250; // longer lines are body text, never headings
constexpr int kMaxContinuationChars = 200; // a wrapped heading's next line is short
constexpr int kMaxContinuationLines = 3;
constexpr int kMaxHeadingTextChars = 300; // a heading path element is cut here

// Words that follow "§ 12" or "Art. 5" in a reference inside running text, never in a title.
// clang-format off
constexpr QStringView kReferenceWords[] = {
    u"abs", u"absatz", u"absätze", u"satz", u"sätze", u"s", u"nr", u"nrn", u"nummer",
    u"nummern", u"buchst", u"buchstabe", u"halbsatz", u"hs", u"alt", u"alternative", u"var", u"variante",
    u"unterabs", u"unterabsatz", u"ziff", u"ziffer", u"lit", u"bis", u"und", u"oder",
};
// clang-format on

struct Line {
    int start = 0;
    int end = 0; // excludes the '\n' or '\f' that ends the line
    bool pageStart = false; // first line of the text or of a page
};

std::vector<Line> splitLines(QStringView text)
{
    std::vector<Line> lines;
    const int size = static_cast<int>(text.size());
    int lineStart = 0;
    bool pageStart = true;
    for (int i = 0; i < size; ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\n' || c == u'\f') {
            lines.push_back(Line { lineStart, i, pageStart });
            pageStart = c == u'\f';
            lineStart = i + 1;
        }
    }
    lines.push_back(Line { lineStart, size, pageStart });
    return lines;
}

QStringView firstWord(QStringView text)
{
    qsizetype end = 0;
    while (end < text.size() && (text[end].isLetter() || text[end] == u'-'))
        ++end;
    return text.first(end);
}

bool isReferenceWord(QStringView word)
{
    for (QStringView reference : kReferenceWords) {
        if (word.compare(reference, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// "VwVfG", "BGB", "EU", "BGBl": a law or gazette abbreviation, so the line is a citation.
bool isAcronym(QStringView word)
{
    if (word.size() > 12 || word.contains(u'-'))
        return false;
    int upper = 0;
    for (QChar c : word)
        upper += c.isUpper() ? 1 : 0;
    return upper >= 2;
}

int wordCount(QStringView text)
{
    int words = 0;
    bool inWord = false;
    for (QChar c : text) {
        const bool space = c.isSpace();
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

bool isSeparator(QChar c)
{
    return c == u'.' || c == u':' || c == u'-' || c == u'\u2013' || c == u'\u2014';
}

// The title after a label ("§ 12", "Teil III"): nullopt when the line is not a heading,
// an empty view for a bare label.
std::optional<QStringView> titleAfterLabel(QStringView rest)
{
    rest = rest.trimmed();
    if (rest.isEmpty())
        return rest;
    if (isSeparator(rest.front())) {
        const bool period = rest.front() == u'.';
        rest = rest.sliced(1).trimmed();
        if (rest.isEmpty())
            return period ? std::nullopt : std::optional<QStringView>(rest); // "Kapitel IX." ends a sentence
    }
    const QChar first = rest.front();
    const bool opensTitle = first.isUpper() || first == u'(' || first == u'"' || first == u'\u201e';
    if (!opensTitle)
        return std::nullopt;
    const QStringView word = firstWord(rest);
    if (isReferenceWord(word) || isAcronym(word))
        return std::nullopt;
    return rest;
}

// A title whose last word is lower case ("..., elektronische") or that ends with a comma or
// hyphen goes on on the next line.
bool titleWantsMore(QStringView text)
{
    if (text.isEmpty())
        return false;
    const QChar last = text.back();
    if (last == u',' || last == u'-' || last == u'\u2013' || last == u'/')
        return true;
    qsizetype wordStart = text.size();
    while (wordStart > 0 && !text[wordStart - 1].isSpace())
        --wordStart;
    return wordStart < text.size() && text[wordStart].isLower();
}

void appendHeadingLine(QString& text, QStringView line)
{
    const QString part = line.toString().simplified();
    if (text.isEmpty()) {
        text = part;
        return;
    }
    // "Verwaltungs-" + "verfahren" was hyphenated by the layout; "Haushalts- und" was not.
    if (text.endsWith(u'-') && text.size() > 1 && text.at(text.size() - 2).isLetter() && !part.isEmpty()
        && part.front().isLower()) {
        text.chop(1);
        text += part;
    } else {
        text += u' ' + part;
    }
}

QString capHeading(QString text)
{
    if (text.size() <= kMaxHeadingTextChars)
        return text;
    qsizetype cut = text.lastIndexOf(u' ', kMaxHeadingTextChars);
    if (cut < kMaxHeadingTextChars / 2)
        cut = kMaxHeadingTextChars;
    text.truncate(cut);
    return text + u'\u2026';
}

bool endsFinished(QStringView line)
{
    const QChar last = line.back();
    return last == u'.' || last == u':' || last == u';' || last == u'!' || last == u'?' || last == u')' || last == u']';
}

// "2", "- 2 -", "-2-": a page number line left by the text extraction.
bool isPageNumberLine(QStringView line)
{
    if (line.size() > 12)
        return false;
    bool digit = false;
    for (QChar c : line) {
        if (c.isDigit())
            digit = true;
        else if (c != u'-' && c != u'\u2013' && !c.isSpace())
            return false;
    }
    return digit;
}

// A line of a wrapped division title: short, no sentence end, not an Absatz "(1) ...".
bool isWrappedTitleLine(QStringView line)
{
    if (line.isEmpty() || line.size() > kMaxContinuationChars)
        return false;
    const QChar last = line.back();
    if (last == u'.' || last == u';' || last == u':' || last == u'!' || last == u'?')
        return false;
    return !(line.front() == u'(' && line.size() > 1 && line[1].isDigit());
}

struct FoundHeading {
    int firstLine = 0;
    int lastLine = 0;
    HeadingMatch match;
};

std::vector<FoundHeading> findMarkdownHeadings(
    QStringView text, const std::vector<Line>& lines, const HeadingMatcher& matcher)
{
    std::vector<FoundHeading> found;
    bool inFence = false;
    for (int i = 0; i < static_cast<int>(lines.size()); ++i) {
        const QStringView line = text.sliced(lines[i].start, lines[i].end - lines[i].start);
        const QStringView trimmed = line.trimmed();
        if (trimmed.startsWith(u"```") || trimmed.startsWith(u"~~~")) {
            inFence = !inFence; // '#' lines inside fenced code are code, not headings
            continue;
        }
        if (inFence)
            continue;
        if (auto match = matcher.matchMarkdown(line))
            found.push_back(FoundHeading { i, i, std::move(*match) });
    }
    return found;
}

std::vector<FoundHeading> findPlainHeadings(
    QStringView text, const std::vector<Line>& lines, const HeadingMatcher& matcher)
{
    std::vector<FoundHeading> found;
    const int count = static_cast<int>(lines.size());
    auto trimmedLine = [&](int i) { return text.sliced(lines[i].start, lines[i].end - lines[i].start).trimmed(); };
    // Numbered lines of a law ("2. Maßnahmen, die ...") are enumerations, not headings.
    bool seenLegal = false;
    int lastHeadingLine = -2;
    for (int i = 0; i < count; ++i) {
        const QStringView line = trimmedLine(i);
        if (line.isEmpty() || line.size() > kMaxHeadingLineChars)
            continue;
        const bool afterBlank = i == 0 || lines[i].pageStart || trimmedLine(i - 1).isEmpty();
        // A heading stands after a blank line, a page break, a finished sentence or another
        // heading; "§ 35" at the start of a wrapped line of running text does not.
        bool boundaryBefore = afterBlank || lastHeadingLine == i - 1;
        if (!boundaryBefore) {
            const QStringView previous = trimmedLine(i - 1);
            boundaryBefore = endsFinished(previous) || isPageNumberLine(previous);
        }
        // "Kapitel 5 - Vertretung im Europäischen\nUnion\n§ 17 ...": the lines between a division
        // heading and the next heading are the rest of the division's wrapped title.
        int wrappedFrom = -1;
        if (!boundaryBefore && !found.empty() && found.back().match.level < level::LegalUnit) {
            const int gapFirst = found.back().lastLine + 1;
            bool wrapped = gapFirst < i && i - gapFirst <= kMaxContinuationLines;
            for (int k = gapFirst; wrapped && k < i; ++k)
                wrapped = !lines[k].pageStart && isWrappedTitleLine(trimmedLine(k));
            if (wrapped) {
                boundaryBefore = true;
                wrappedFrom = gapFirst;
            }
        }
        if (!boundaryBefore)
            continue;
        std::optional<HeadingMatch> match = matcher.matchStructural(line);
        if (!match && !seenLegal) {
            match = matcher.matchNumbered(line);
            // A single number ("1. Antrag") is more often a list item: demand a blank line.
            if (match && match->level == level::NumberedBase + 1 && !afterBlank)
                match.reset();
        }
        if (!match)
            continue;
        if (wrappedFrom >= 0) {
            FoundHeading& division = found.back();
            for (int k = wrappedFrom; k < i; ++k)
                appendHeadingLine(division.match.text, trimmedLine(k));
            division.match.text = capHeading(std::move(division.match.text));
            division.lastLine = i - 1;
        }
        int last = i;
        if (match->bare && last + 1 < count && !lines[last + 1].pageStart) {
            const QStringView next = trimmedLine(last + 1);
            if (next.size() <= 80 && !next.isEmpty() && next.front().isUpper() && !endsFinished(next)
                && matcher.isTitleContinuation(next) && !matcher.matchStructural(next)) {
                appendHeadingLine(match->text, next);
                ++last;
            }
        }
        const bool division = match->level < level::LegalUnit;
        for (int extra = 0; extra < kMaxContinuationLines && last + 1 < count; ++extra) {
            const QStringView next = trimmedLine(last + 1);
            // Body text never starts in lower case right after a division heading.
            const bool more = titleWantsMore(match->text) || (division && !next.isEmpty() && next.front().isLower());
            if (!more || !matcher.isTitleContinuation(next) || matcher.matchStructural(next))
                break;
            appendHeadingLine(match->text, next);
            ++last;
        }
        match->text = capHeading(std::move(match->text));
        seenLegal = seenLegal || match->legal;
        lastHeadingLine = last;
        found.push_back(FoundHeading { i, last, std::move(*match) });
        i = last;
    }
    return found;
}

bool repeatsTitle(const QString& heading, const QString& title)
{
    if (title.isEmpty())
        return false;
    if (heading.compare(title, Qt::CaseInsensitive) == 0)
        return true;
    return heading.size() > title.size() && heading.startsWith(title, Qt::CaseInsensitive)
        && heading.at(title.size()).isSpace();
}

} // namespace

HeadingMatcher::HeadingMatcher()
    : m_legal(QStringLiteral(u"^(?:§§?|Art\\.?|Artikel)\\s*\\d{1,4}[a-z]?(?!\\w)"
                             u"(?:\\s*(?:,|bis|und|-|–)\\s*\\d{1,4}[a-z]?(?!\\w))*"),
        QRegularExpression::UseUnicodePropertiesOption)
    , m_division(QStringLiteral(u"^(Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel|Anlage|Anhang)\\s+"
                                u"(?:[IVXLC]{1,7}|\\d{1,3}[a-z]?)(?!\\w)"),
          QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption)
    , m_ordinalDivision(QStringLiteral(u"^(?:Erster|Zweiter|Dritter|Vierter|Fünfter|Sechster|Siebter|Siebenter|"
                                       u"Achter|Neunter|Zehnter|Elfter|Zwölfter|\\d{1,2}\\.)\\s+"
                                       u"(Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel)(?!\\w)"),
          QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption)
    , m_numbered(QStringLiteral(u"^(\\d{1,2}(?:\\.\\d{1,3}){0,4})(\\.?)\\s+(\\S.*)$"),
          QRegularExpression::UseUnicodePropertiesOption)
{ }

std::optional<HeadingMatch> HeadingMatcher::matchMarkdown(QStringView line) const
{
    qsizetype i = 0;
    while (i < line.size() && i < 3 && line[i] == u' ')
        ++i;
    qsizetype hashes = 0;
    while (i + hashes < line.size() && line[i + hashes] == u'#')
        ++hashes;
    if (hashes == 0 || hashes > 6)
        return std::nullopt;
    QStringView rest = line.sliced(i + hashes);
    if (!rest.isEmpty() && !rest.front().isSpace())
        return std::nullopt; // "#hashtag"
    rest = rest.trimmed();
    // A closing sequence of '#' is not part of the heading ("## Title ##").
    qsizetype closing = rest.size();
    while (closing > 0 && rest[closing - 1] == u'#')
        --closing;
    if (closing == 0 || rest[closing - 1].isSpace())
        rest = rest.first(closing).trimmed();
    // Emphasis around the whole heading ("## **Abschnitt 1**") is decoration.
    while (rest.size() >= 2 && (rest.front() == u'*' || rest.front() == u'_') && rest.back() == rest.front())
        rest = rest.sliced(1, rest.size() - 2).trimmed();
    HeadingMatch match;
    match.level = static_cast<int>(hashes);
    match.text = capHeading(rest.toString().simplified());
    match.legal = m_legal.match(rest).hasMatch();
    return match;
}

std::optional<HeadingMatch> HeadingMatcher::matchStructural(QStringView line) const
{
    if (line.isEmpty())
        return std::nullopt;
    const QChar first = line.front();
    if (first == u'§' || first == u'A') {
        const QRegularExpressionMatch legal = m_legal.match(line);
        if (legal.hasMatch()) {
            const std::optional<QStringView> title = titleAfterLabel(line.sliced(legal.capturedEnd(0)));
            if (!title)
                return std::nullopt;
            // A long line that ends a sentence is running text that begins with a citation.
            if (title->size() > kMaxContinuationChars || (title->endsWith(u'.') && wordCount(*title) > 6))
                return std::nullopt;
            HeadingMatch match;
            match.level = level::LegalUnit;
            match.legal = true;
            match.bare = title->isEmpty();
            match.text = line.toString().simplified();
            return match;
        }
    }
    if (!first.isUpper() && !first.isDigit())
        return std::nullopt;
    QRegularExpressionMatch division = m_division.match(line);
    if (!division.hasMatch())
        division = m_ordinalDivision.match(line);
    if (!division.hasMatch() || !line.front().isLetterOrNumber())
        return std::nullopt;
    if (first.isLetter() && !first.isUpper())
        return std::nullopt;
    const std::optional<QStringView> title = titleAfterLabel(line.sliced(division.capturedEnd(0)));
    if (!title)
        return std::nullopt;
    const QString keyword = division.captured(1).toLower();
    HeadingMatch match;
    if (keyword == u"teil")
        match.level = level::Part;
    else if (keyword == u"kapitel")
        match.level = level::Chapter;
    else if (keyword == u"abschnitt")
        match.level = level::Section;
    else if (keyword == u"unterabschnitt")
        match.level = level::Subsection;
    else if (keyword == u"titel")
        match.level = level::Title;
    else
        match.level = level::Annex;
    match.bare = title->isEmpty();
    match.text = line.toString().simplified();
    return match;
}

std::optional<HeadingMatch> HeadingMatcher::matchNumbered(QStringView line) const
{
    if (line.isEmpty() || !line.front().isDigit())
        return std::nullopt;
    const QRegularExpressionMatch numbered = m_numbered.match(line);
    if (!numbered.hasMatch())
        return std::nullopt;
    const QStringView title = numbered.capturedView(3);
    const QChar last = title.back();
    if (!title.front().isUpper() || title.size() > 100 || wordCount(title) > 12 || last == u'.' || last == u','
        || last == u';' || last == u':')
        return std::nullopt;
    HeadingMatch match;
    match.level = level::NumberedBase + static_cast<int>(numbered.capturedView(1).count(u'.')) + 1;
    match.text = line.toString().simplified();
    return match;
}

bool HeadingMatcher::isTitleContinuation(QStringView line) const
{
    if (line.isEmpty() || line.size() > kMaxContinuationChars)
        return false;
    const QChar first = line.front();
    if (!first.isLetter() && first != u'(' && first != u'"' && first != u'\u201e')
        return false;
    // "(1) Dieses Gesetz ..." opens the body.
    if (first == u'(' && line.size() > 1 && line[1].isDigit())
        return false;
    return true;
}

QList<Section> findSections(QStringView fullText, const QString& title, bool markdown)
{
    const std::vector<Line> lines = splitLines(fullText);
    const HeadingMatcher matcher;
    const std::vector<FoundHeading> headings
        = markdown ? findMarkdownHeadings(fullText, lines, matcher) : findPlainHeadings(fullText, lines, matcher);
    struct Open {
        int level;
        QString text;
        bool visible;
    };
    std::vector<Open> open;
    QStringList root;
    if (!title.trimmed().isEmpty())
        root << title.simplified();

    QList<Section> sections;
    sections.reserve(static_cast<qsizetype>(headings.size()) + 1);
    Section preamble;
    preamble.path = root;
    sections << preamble;
    for (const FoundHeading& heading : headings) {
        const int start = lines[heading.firstLine].start;
        sections.back().end = start;
        // A new heading closes every open heading of its level and below.
        while (!open.empty() && open.back().level >= heading.match.level)
            open.pop_back();
        // "# Verwaltungsverfahrensgesetz (VwVfG)" repeats the title the path already starts with.
        const bool visible = !repeatsTitle(heading.match.text, root.value(0));
        open.push_back(Open { heading.match.level, heading.match.text, visible });
        Section section;
        section.start = start;
        section.headingEnd = lines[heading.lastLine].end;
        section.level = heading.match.level;
        section.legal = heading.match.legal;
        section.ownHeading = visible;
        section.path = root;
        for (const Open& entry : open) {
            if (entry.visible)
                section.path << entry.text;
        }
        sections << section;
    }
    sections.back().end = static_cast<int>(fullText.size());
    return sections;
}

} // namespace genius::chunking
