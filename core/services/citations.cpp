#include "core/services/citations.h"

#include <QRegularExpression>
#include <QSet>

namespace genius::services {

namespace {

// "[3]", "[1, 4]", "[2-3]", "[2–3]", "[Quelle 2]", "[Quellen 1 und 3]".
const QRegularExpression& citationPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(\[(?:Quellen?\s*)?(\d{1,3}(?:\s*(?:,|;|-|–|und)\s*\d{1,3})*)\])"));
    return pattern;
}

QList<int> numbersIn(const QString& list)
{
    QList<int> numbers;
    static const QRegularExpression part(QStringLiteral(R"((\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?)"));
    auto parts = part.globalMatch(list);
    while (parts.hasNext()) {
        const auto match = parts.next();
        const int first = match.captured(1).toInt();
        const int last = match.hasCaptured(2) ? match.captured(2).toInt() : first;
        for (int n = first; n <= last && n - first < 50; ++n)
            numbers.append(n);
    }
    return numbers;
}

QList<int> citedIn(const QString& text)
{
    QList<int> cited;
    auto matches = citationPattern().globalMatch(text);
    while (matches.hasNext()) {
        for (int n : numbersIn(matches.next().captured(1))) {
            if (!cited.contains(n))
                cited.append(n);
        }
    }
    return cited;
}

bool endsWithAbbreviation(const QString& sentence)
{
    static const QSet<QString> abbreviations = {
        QStringLiteral("z"), QStringLiteral("B"), QStringLiteral("Abs"), QStringLiteral("Nr"), QStringLiteral("Art"),
        QStringLiteral("bzw"), QStringLiteral("ggf"), QStringLiteral("vgl"), QStringLiteral("d"), QStringLiteral("h"),
        QStringLiteral("Dr"), QStringLiteral("S"), QStringLiteral("u"), QStringLiteral("a"), QStringLiteral("usw"),
        QStringLiteral("etc"), QStringLiteral("Satz"), QStringLiteral("gem"), QStringLiteral("i"), QStringLiteral("V"),
        QStringLiteral("Ziff"), QStringLiteral("lit"), QStringLiteral("bspw"), QStringLiteral("evtl"), QStringLiteral("inkl"),
    };
    static const QRegularExpression lastWord(QStringLiteral(R"((\w+)\.$)"), QRegularExpression::UseUnicodePropertiesOption);
    const auto match = lastWord.match(sentence);
    if (!match.hasMatch())
        return false;
    const QString word = match.captured(1);
    // "3." in "am 3. Mai" or "§ 3." is an ordinal, not a sentence end.
    bool isNumber = false;
    word.toInt(&isNumber);
    return isNumber || abbreviations.contains(word);
}

} // namespace

QStringList splitStatements(const QString& text)
{
    QStringList statements;
    static const QRegularExpression sentenceEnd(
        QStringLiteral(R"([.!?](?:\s*\[[^\]]{1,30}\])*(?=\s+[„"(\[]?[A-ZÄÖÜ0-9§]))"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString& rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        qsizetype start = 0;
        auto ends = sentenceEnd.globalMatch(line);
        while (ends.hasNext()) {
            const auto end = ends.next();
            const qsizetype stop = end.capturedEnd();
            const QString sentence = line.mid(start, stop - start).trimmed();
            if (endsWithAbbreviation(line.left(end.capturedStart() + 1)))
                continue;
            if (!sentence.isEmpty())
                statements.append(sentence);
            start = stop;
        }
        const QString rest = line.mid(start).trimmed();
        if (!rest.isEmpty())
            statements.append(rest);
    }
    return statements;
}

MappedCitations mapCitations(const QString& answer, const QList<AnswerSource>& provided)
{
    MappedCitations mapped;
    QHash<int, int> renumbered; // cited number → new number
    for (int n : citedIn(answer)) {
        if (n >= 1 && n <= provided.size()) {
            renumbered.insert(n, static_cast<int>(mapped.sources.size()) + 1);
            mapped.sources.append(provided.at(n - 1));
        } else if (!mapped.removed.contains(n)) {
            mapped.removed.append(n);
        }
    }
    // Rewrite every citation with the new numbers; one that points at nothing disappears.
    QString text;
    qsizetype last = 0;
    auto matches = citationPattern().globalMatch(answer);
    while (matches.hasNext()) {
        const auto match = matches.next();
        text += answer.mid(last, match.capturedStart() - last);
        QStringList kept;
        for (int n : numbersIn(match.captured(1))) {
            if (renumbered.contains(n) && !kept.contains(QString::number(renumbered.value(n))))
                kept.append(QString::number(renumbered.value(n)));
        }
        if (!kept.isEmpty())
            text += u'[' + kept.join(QStringLiteral(", ")) + u']';
        else if (text.endsWith(u' '))
            text.chop(1);
        last = match.capturedEnd();
    }
    text += answer.mid(last);
    mapped.text = text.trimmed();
    for (const QString& statement : splitStatements(mapped.text)) {
        AnswerPoint point{statement, {}};
        for (int n : citedIn(statement)) {
            if (n >= 1 && n <= mapped.sources.size())
                point.sources.append(n);
        }
        mapped.points.append(point);
    }
    return mapped;
}

} // namespace genius::services
