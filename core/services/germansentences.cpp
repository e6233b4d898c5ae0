#include "core/services/germansentences.h"

#include "core/chunking/textboundaries.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace genius::services {

namespace {

bool isCloser(QChar c)
{
    return c == u')' || c == u']' || c == u'"' || c == u'\'' || c == u'\u00bb' || c == u'\u00ab' || c == u'\u201c'
        || c == u'\u201d' || c == u'\u2019';
}

/// Ends like a sentence: . ! ? or … before any closing quotes and brackets.
bool endsSentence(QStringView unit)
{
    while (!unit.isEmpty() && isCloser(unit.back()))
        unit.chop(1);
    if (unit.isEmpty())
        return false;
    const QChar last = unit.back();
    return last == u'.' || last == u'!' || last == u'?' || last == u'\u2026';
}

/// A list item marker at the start: "1.", "a)", "aa)", "-", "•" followed by a space.
bool startsListItem(QStringView unit)
{
    static const QRegularExpression marker(
        QStringLiteral("^(?:\\d{1,3}\\.|[a-z]{1,2}\\)|[-\u2013\u2022*\u00b7\u25aa])\\s"));
    return marker.match(unit).hasMatch();
}

bool startsLowerCase(QStringView unit)
{
    for (const QChar c : unit) {
        if (c.isLetter())
            return c.isLower();
        if (c.isDigit() || c == u'\u00a7')
            return false;
    }
    return false;
}

/// Can begin a sentence: a capital, a digit, "§", or an opening quote or bracket before one.
bool startsLikeSentence(QStringView unit)
{
    for (const QChar c : unit) {
        if (c.isLetter())
            return c.isUpper();
        if (c.isDigit() || c == u'\u00a7')
            return true;
        if (!(c == u'(' || c == u'[' || c == u'"' || c == u'\u201e' || c == u'\u201c' || c == u'\u00bb'
                || c == u'\u00ab' || c.isSpace()))
            return false;
    }
    return false;
}

int countWords(QStringView text)
{
    int words = 0;
    bool inToken = false;
    bool hasLetter = false;
    for (const QChar c : text) {
        if (c.isSpace()) {
            words += inToken && hasLetter ? 1 : 0;
            inToken = hasLetter = false;
        } else {
            inToken = true;
            hasLetter = hasLetter || c.isLetter();
        }
    }
    return words + (inToken && hasLetter ? 1 : 0);
}

} // namespace

QString cleanForSentences(const QString& text)
{
    static const QRegularExpression pageNumber(
        QStringLiteral("^(?:[-\u2013]\\s*)?\\d{1,4}(?:\\s*[-\u2013])?$|^(?:seite|page|s\\.)\\s*\\d{1,4}(?:\\s*(?:von|/"
                       "|of)\\s*\\d{1,4})?$"),
        QRegularExpression::CaseInsensitiveOption);
    // Dot leaders or wide gaps before a page number: a line of a table of contents.
    static const QRegularExpression contentsLine(
        QStringLiteral("(?:\\.{3,}|\u2026+|(?:\\. ){3,}|\\s{3,}|\\t)\\s*\\d{1,4}\\s*$"));
    static const QRegularExpression emphasis(QStringLiteral("\\*\\*|__"));
    static const QRegularExpression hyphenation(QStringLiteral("(\\p{Ll})-\\n(?!(?:und|oder|bzw|sowie)\\b)(\\p{Ll})"));

    QString normalized = text;
    normalized.remove(u'\u00ad');
    normalized.replace(u'\f', u'\n');
    normalized.replace(u'\r', u'\n');
    const QStringList lines = normalized.split(u'\n');
    QStringList kept;
    kept.reserve(lines.size());
    for (const QString& raw : lines) {
        QString line = raw.trimmed();
        if (line.isEmpty()) {
            kept.append(QString());
            continue;
        }
        if (pageNumber.match(line).hasMatch() || contentsLine.match(line).hasMatch())
            continue;
        if (line.startsWith(u'|') || line.count(u'|') >= 2 || line == u"---" || line == u"***" || line == u"===") {
            kept.append(QString()); // a table row or a rule ends the paragraph
            continue;
        }
        if (line.startsWith(u'#')) {
            // A Markdown heading stands alone, so it is never read as the start of a sentence.
            while (line.startsWith(u'#'))
                line.remove(0, 1);
            kept << QString() << line.trimmed() << QString();
            continue;
        }
        while (line.startsWith(u'>'))
            line = line.sliced(1).trimmed();
        line.remove(emphasis);
        kept.append(line);
    }
    // Laid-out text has no blank line after a heading. A line that is much shorter than a full
    // line, stands between the end of a sentence and a capitalised line and has no full stop is
    // a heading and is set apart. (The first line of a wrapped sentence is a full line.)
    QList<qsizetype> lengths;
    for (const QString& line : std::as_const(kept)) {
        if (!line.isEmpty())
            lengths.append(line.size());
    }
    std::sort(lengths.begin(), lengths.end());
    const qsizetype fullLine = lengths.isEmpty() ? 0
        : lengths.size() >= 4                    ? lengths[lengths.size() * 3 / 4]
                                                 : lengths.back();
    for (qsizetype i = 0; fullLine > 0 && i + 1 < kept.size(); ++i) {
        const QString& line = kept[i];
        const bool afterEnd = i == 0 || kept[i - 1].isEmpty() || endsSentence(kept[i - 1]);
        if (line.isEmpty() || !afterEnd || line.size() * 10 > fullLine * 6 || endsSentence(line) || line.endsWith(u',')
            || line.endsWith(u'-') || countWords(line) > 10 || kept[i + 1].isEmpty() || !startsLikeSentence(kept[i + 1])
            || startsListItem(kept[i + 1]))
            continue;
        kept.insert(i + 1, QString());
        ++i;
    }
    QString cleaned = kept.join(u'\n');
    cleaned.replace(hyphenation, QStringLiteral("\\1\\2"));
    return cleaned;
}

QList<TextSentence> splitSentences(const QString& cleanedText, int minWords, int maxWords)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    static const QRegularExpression absatz(QStringLiteral("^\\(\\d{1,3}[a-z]?\\)\\s+"));
    QList<TextSentence> sentences;
    // A year ends a sentence when a capital follows ("vom 12. Dezember 2023. Die …"); the
    // chunking boundaries keep all numbers with a period as ordinals.
    static const QRegularExpression yearEnd(QStringLiteral("\\b(?:1[5-9]|20)\\d\\d\\.\\s+(?=\\p{Lu})"));
    const std::vector<int> starts = chunking::sentenceStarts(cleanedText);
    std::vector<int> bounds;
    bounds.reserve(starts.size() + 2);
    bounds.push_back(0);
    bounds.insert(bounds.end(), starts.begin(), starts.end());
    for (auto it = yearEnd.globalMatch(cleanedText); it.hasNext();)
        bounds.push_back(static_cast<int>(it.next().capturedEnd()));
    bounds.push_back(static_cast<int>(cleanedText.size()));
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());

    QString current;
    int currentStart = 0;
    auto flush = [&]() {
        QString sentence = current;
        current.clear();
        if (sentence.isEmpty() || !endsSentence(sentence) || !startsLikeSentence(sentence))
            return;
        sentence.replace(whitespace, QStringLiteral(" "));
        sentence.remove(absatz);
        const int words = countWords(sentence);
        if (words < minWords || words > maxWords)
            return;
        sentences.append(TextSentence { sentence, currentStart, words });
    };
    for (std::size_t b = 0; b + 1 < bounds.size(); ++b) {
        const QString unit = cleanedText.mid(bounds[b], bounds[b + 1] - bounds[b]).trimmed();
        if (unit.isEmpty())
            continue;
        // A list or a lower-case continuation after a lead-in without a full stop belongs to it:
        // "Dieses Gesetz gilt nicht für" + "1. …," + "2. …." is one sentence.
        if (!current.isEmpty() && !endsSentence(current) && (startsListItem(unit) || startsLowerCase(unit))) {
            current += u' ' + unit;
            continue;
        }
        flush();
        current = unit;
        currentStart = bounds[b];
    }
    flush();
    return sentences;
}

} // namespace genius::services
