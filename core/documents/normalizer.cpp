#include "core/documents/normalizer.h"

#include <QList>
#include <QRegularExpression>

#include <array>

namespace genius::documents {

namespace {

// Walks a string by code point (QStringIterator is private API).
class CodePoints
{
public:
    explicit CodePoints(QStringView text)
        : m_text(text)
    { }
    bool hasNext() const { return m_pos < m_text.size(); }
    char32_t peekNext() const
    {
        qsizetype pos = m_pos;
        return decode(pos);
    }
    char32_t next() { return decode(m_pos); }

private:
    char32_t decode(qsizetype& pos) const
    {
        const QChar c = m_text.at(pos++);
        if (c.isHighSurrogate() && pos < m_text.size() && m_text.at(pos).isLowSurrogate())
            return QChar::surrogateToUcs4(c, m_text.at(pos++));
        return c.unicode();
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

constexpr char16_t kHyphen = 0x2010;

bool isSpaceLike(char32_t c)
{
    return c == u' ' || c == u'\t' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F
        || c == 0x3000;
}

bool isLineBreak(char32_t c)
{
    return c == u'\n' || c == 0x000B || c == 0x000C || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

// Characters that carry no text: control, format (ZWSP, BOM, bidi marks), private use
// (glyph codes of fonts without ToUnicode), unassigned, and U+FFFD from broken decoding.
bool isDroppable(char32_t c)
{
    // Printable ASCII and Latin-1 are most of every page: skip the Unicode table for them.
    if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF && c != kSoftHyphen))
        return false;
    if (c == kSoftHyphen || c == 0xFFFD)
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned: return true;
    default: return false;
    }
}

bool isLigature(char32_t c)
{
    return c >= 0xFB00 && c <= 0xFB06;
}

// Code points below U+0300 (outside the C0/C1 controls and the soft hyphen) are NFC on
// their own, so most words need no normalisation call at all.
bool isPlain(QStringView text)
{
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == kSoftHyphen || c >= 0x300)
            return false;
    }
    return true;
}

void appendCodePoint(QString& out, char32_t c)
{
    if (isLigature(c)) {
        // "ﬁ" and friends: only their compatibility decomposition is searchable.
        const char32_t single[] = { c };
        out += QString::fromUcs4(single, 1).normalized(QString::NormalizationForm_KC);
        return;
    }
    if (QChar::requiresSurrogates(c)) {
        out += QChar(QChar::highSurrogate(c));
        out += QChar(QChar::lowSurrogate(c));
    } else {
        out += QChar(static_cast<char16_t>(c));
    }
}

bool isLetter(QChar c)
{
    return c.isLetter();
}

// The words after which a line-end hyphen marks an elided compound ("Bundes- und Landesrecht").
bool isConjunction(QStringView word)
{
    static constexpr std::array<QStringView, 12> kConjunctions = { u"und", u"oder", u"bzw", u"sowie", u"bis", u"als",
        u"noch", u"wie", u"beziehungsweise", u"u", u"o", u"and" };
    while (!word.isEmpty() && !word.back().isLetter())
        word.chop(1);
    for (QStringView conjunction : kConjunctions) {
        if (word == conjunction)
            return true;
    }
    return false;
}

QStringView lettersOnly(QStringView word)
{
    while (!word.isEmpty() && !word.back().isLetter())
        word.chop(1);
    while (!word.isEmpty() && !word.front().isLetter())
        word = word.sliced(1);
    return word;
}

// "öffentlich-\nrechtlichen": two adjectives joined by a real hyphen that happens to end
// the line. Hyphenation never leaves a whole "-lich"/"-isch" adjective on both sides.
bool isAdjectivePair(QStringView left, QStringView right)
{
    static const QRegularExpression leftAdjective(QStringLiteral("(?:lich|isch)$"));
    static const QRegularExpression rightAdjective(QStringLiteral("^\\p{Ll}{2,}(?:lich|isch)(?:e|en|er|es|em)?$"));
    return leftAdjective.match(lettersOnly(left)).hasMatch() && rightAdjective.match(lettersOnly(right)).hasMatch();
}

QStringView firstToken(QStringView line)
{
    const qsizetype space = line.indexOf(u' ');
    return space < 0 ? line : line.first(space);
}

QStringView lastToken(QStringView line)
{
    const qsizetype space = line.lastIndexOf(u' ');
    return space < 0 ? line : line.sliced(space + 1);
}

} // namespace

HyphenJoin classifyLineEndHyphen(QStringView lineEnd, QStringView nextLineStart)
{
    if (lineEnd.size() < 2 || nextLineStart.isEmpty())
        return HyphenJoin::Keep;
    const QChar hyphen = lineEnd.back();
    if (hyphen != u'-' && hyphen != QChar(kHyphen) && hyphen != QChar(kSoftHyphen))
        return HyphenJoin::Keep;
    if (!isLetter(lineEnd.at(lineEnd.size() - 2)))
        return HyphenJoin::Keep;
    const QChar next = nextLineStart.front();
    if (hyphen == QChar(kSoftHyphen))
        return next.isLetter() ? HyphenJoin::JoinDropHyphen : HyphenJoin::Keep;
    if (next.isLower()) {
        if (isConjunction(nextLineStart))
            return HyphenJoin::Keep;
        return isAdjectivePair(lineEnd.first(lineEnd.size() - 1), nextLineStart) ? HyphenJoin::JoinKeepHyphen
                                                                                 : HyphenJoin::JoinDropHyphen;
    }
    if (next.isUpper() || next.isDigit())
        return HyphenJoin::JoinKeepHyphen;
    return HyphenJoin::Keep;
}

bool isUsableTextChar(char32_t c)
{
    if (isDroppable(c) || isSpaceLike(c) || isLineBreak(c) || c == u'\r')
        return false;
    return true;
}

int countUsableChars(QStringView text)
{
    int count = 0;
    CodePoints it(text);
    while (it.hasNext()) {
        if (isUsableTextChar(it.next()))
            ++count;
    }
    return count;
}

bool looksLikeGarbage(QStringView text)
{
    int nonSpace = 0;
    int bad = 0;
    CodePoints it(text);
    while (it.hasNext()) {
        const char32_t c = it.next();
        if (isSpaceLike(c) || isLineBreak(c) || c == u'\r')
            continue;
        ++nonSpace;
        if (isDroppable(c) && c != kSoftHyphen)
            ++bad;
    }
    return nonSpace > 0 && bad * 4 > nonSpace;
}

QString normalizeWord(const QString& word)
{
    if (isPlain(word))
        return word; // shares the data: most words of a page take this path
    QString out;
    out.reserve(word.size());
    CodePoints it(word);
    while (it.hasNext()) {
        const char32_t c = it.next();
        if (isDroppable(c) || isSpaceLike(c) || isLineBreak(c))
            continue;
        appendCodePoint(out, c);
    }
    return out.normalized(QString::NormalizationForm_C);
}

QString normalizeText(QStringView text)
{
    const QString composed = text.toString().normalized(QString::NormalizationForm_C);
    QString out;
    out.reserve(composed.size());
    qsizetype lineStart = 0; // where the current line starts in `out`
    bool lineHasText = false; // the current line has more than indentation
    bool pendingSpace = false; // a run of spaces inside the line, written before the next character
    int blankLines = 0; // blank lines written in a row
    bool anyText = false;

    auto endLine = [&] {
        // Trailing spaces never reach `out`; indentation alone does not make a line.
        if (!lineHasText)
            out.truncate(lineStart);
        pendingSpace = false;
        if (!lineHasText) {
            if (!anyText || blankLines >= 1)
                return;
            ++blankLines;
        } else {
            blankLines = 0;
        }
        out += u'\n';
        lineStart = out.size();
        lineHasText = false;
    };

    CodePoints it(composed);
    while (it.hasNext()) {
        char32_t c = it.next();
        if (c == u'\r') {
            if (it.hasNext() && it.peekNext() == u'\n')
                it.next();
            c = u'\n';
        }
        if (isLineBreak(c)) {
            endLine();
            continue;
        }
        if (isSpaceLike(c)) {
            if (lineHasText)
                pendingSpace = true;
            else
                out += (c == u'\t') ? QChar(u'\t') : QChar(u' ');
            continue;
        }
        if (isDroppable(c))
            continue;
        if (pendingSpace) {
            out += u' ';
            pendingSpace = false;
        }
        appendCodePoint(out, c);
        lineHasText = true;
        anyText = true;
    }
    if (!lineHasText)
        out.truncate(lineStart);
    while (out.endsWith(u'\n'))
        out.chop(1);
    return out;
}

QString dehyphenate(QStringView text)
{
    QList<QString> lines;
    for (QStringView line : text.split(u'\n'))
        lines.append(line.toString());
    QList<bool> removed(lines.size(), false);

    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (removed.at(i))
            continue;
        qsizetype next = i + 1;
        while (next < lines.size() && removed.at(next))
            ++next;
        if (next >= lines.size())
            break;
        const QStringView word = lastToken(lines.at(i));
        const QStringView nextLine = QStringView(lines.at(next)).trimmed();
        const QStringView nextWord = firstToken(nextLine);
        const HyphenJoin join = classifyLineEndHyphen(word, nextWord);
        if (join == HyphenJoin::Keep)
            continue;
        QString& line = lines[i];
        if (join == HyphenJoin::JoinDropHyphen)
            line.chop(1);
        line += nextWord;
        const QString rest = nextLine.sliced(nextWord.size()).trimmed().toString();
        if (rest.isEmpty()) {
            removed[next] = true;
            --i; // the joined line may end with a hyphen again
        } else {
            lines[next] = rest;
        }
    }

    QString out;
    out.reserve(text.size());
    bool first = true;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (removed.at(i))
            continue;
        if (!first)
            out += u'\n';
        out += lines.at(i);
        first = false;
    }
    return out;
}

namespace {

struct Token {
    qsizetype start;
    qsizetype length;
    bool lineStart;
};

QList<Token> tokenize(const QString& text)
{
    QList<Token> tokens;
    bool atLineStart = true;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            atLineStart = true;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && !text.at(i).isSpace())
            ++i;
        tokens.append(Token { start, i - start, atLineStart });
        atLineStart = false;
    }
    return tokens;
}

} // namespace

int recoverSectionSigns(QString& text)
{
    const QList<Token> tokens = tokenize(text);
    static const QRegularExpression sectionNumber(QStringLiteral("^\\d{1,4}[a-z]?[,.;:)]?$"));
    static constexpr std::array<QStringView, 19> kFollowers
        = { u"Abs.", u"Abs", u"Absatz", u"Absätze", u"Satz", u"Sätze", u"Nr.", u"Nummer", u"bis", u"und", u"oder",
              u"ff.", u"f.", u"des", u"der", u"gilt", u"gelten", u"S.", u"Buchstabe" };
    static constexpr std::array<QStringView, 11> kLeaders
        = { u"nach", u"gemäß", u"gem.", u"vgl.", u"des", u"der", u"die", u"Die", u"den", u"dem", u"siehe" };

    auto tokenText = [&](qsizetype index) -> QStringView {
        if (index < 0 || index >= tokens.size())
            return {};
        return QStringView(text).sliced(tokens.at(index).start, tokens.at(index).length);
    };
    auto contains = [](auto const& list, QStringView word) {
        for (QStringView entry : list) {
            if (entry == word)
                return true;
        }
        return false;
    };

    int replaced = 0;
    for (qsizetype k = 0; k < tokens.size(); ++k) {
        QStringView token = tokenText(k);
        qsizetype offset = tokens.at(k).start;
        // "(§ 5)" is read as "($ 5)": look past an opening parenthesis.
        if (token.startsWith(u'(')) {
            token = token.sliced(1);
            ++offset;
        }
        const QStringView next = tokenText(k + 1);
        const bool nextIsNumber = !next.isEmpty() && next.front().isDigit();
        if (token == u"$" || token == u"$$") {
            // A '$' glued to digits ("$0 Prozent") was a misread digit, not a section sign.
            if (nextIsNumber) {
                for (qsizetype i = 0; i < token.size(); ++i)
                    text[offset + i] = QChar(u'§');
                replaced += static_cast<int>(token.size());
            }
            continue;
        }
        const bool single = token == u"8" || token == u"S";
        const bool twofold = token == u"88" || token == u"SS" || token == u"8S" || token == u"S8";
        if ((!single && !twofold) || !sectionNumber.match(next).hasMatch())
            continue;
        const QStringView after = tokenText(k + 2);
        const bool sameLineAfter = k + 2 < tokens.size() && !tokens.at(k + 2).lineStart;
        const bool legalFollower = sameLineAfter && contains(kFollowers, after);
        const bool headingStart = (tokens.at(k).lineStart || tokenText(k).startsWith(u'(')) && sameLineAfter
            && !after.isEmpty() && after.front().isUpper();
        const bool enumeration = twofold && next.endsWith(u',');
        const bool legalLeader
            = k > 0 && !tokens.at(k).lineStart && contains(kLeaders, tokenText(k - 1)) && !next.endsWith(u'.');
        if (!(legalFollower || headingStart || enumeration || legalLeader))
            continue;
        for (qsizetype i = 0; i < token.size(); ++i)
            text[offset + i] = QChar(u'§');
        replaced += static_cast<int>(token.size());
    }
    return replaced;
}

int recoverDigitOne(QString& text)
{
    const QList<Token> tokens = tokenize(text);
    auto tokenText = [&](qsizetype index) -> QStringView {
        if (index < 0 || index >= tokens.size())
            return {};
        return QStringView(text).sliced(tokens.at(index).start, tokens.at(index).length);
    };
    static constexpr std::array<QStringView, 10> kNumbered
        = { u"Nr.", u"Satz", u"Abs.", u"Absatz", u"Absätze", u"Absätzen", u"Nummer", u"Nummern", u"Art.", u"Fußnote" };
    int replaced = 0;
    for (qsizetype k = 0; k < tokens.size(); ++k) {
        const QStringView token = tokenText(k);
        const bool sameLineNext = k + 1 < tokens.size() && !tokens.at(k + 1).lineStart;
        const QStringView next = sameLineNext ? tokenText(k + 1) : QStringView();
        bool replace = false;
        if (token == u"l." || token == u"I." || token == u"|.") {
            // "l. zu erwartenden Einnahmen": a list number before a lower-case word.
            replace = tokens.at(k).lineStart && !next.isEmpty() && next.front().isLower();
        } else if (token == u"l" || token == u"I" || token == u"|" || token == u"l," || token == u"I,"
            || token == u"|,") {
            const QStringView previous = k > 0 && !tokens.at(k).lineStart ? tokenText(k - 1) : QStringView();
            replace = std::find(kNumbered.begin(), kNumbered.end(), previous) != kNumbered.end();
        }
        if (replace) {
            text[tokens.at(k).start] = QChar(u'1');
            ++replaced;
        }
    }
    return replaced;
}

} // namespace genius::documents
