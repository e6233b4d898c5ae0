#include "core/chunking/textboundaries.h"

namespace genius::chunking {

namespace {

// German abbreviations that end in a period but rarely end a sentence (compared without the
// period, case-insensitively). Single letters ("S.", "z.", "v.") are handled separately.
// clang-format off
constexpr QStringView kAbbreviations[] = {
    u"abg", u"abs", u"absch", u"abschn", u"abt", u"allg", u"alt", u"amtl", u"anh", u"anl",
    u"anm", u"art", u"artt", u"aufl", u"ausg", u"ausschl", u"az", u"bd", u"bde", u"begr",
    u"beil", u"ber", u"bes", u"beschl", u"betr", u"bez", u"bsp", u"bspw", u"bzgl", u"bzw",
    u"ca", u"dgl", u"dh", u"dr", u"dt", u"ebd", u"ehem", u"eingef", u"einschl", u"entspr",
    u"erg", u"etc", u"ev", u"evtl", u"exkl", u"ff", u"gem", u"geb", u"gegr", u"gez",
    u"gg", u"ggf", u"ggfs", u"ggü", u"grds", u"halbs", u"hl", u"hrsg", u"hs", u"inkl",
    u"insb", u"insbes", u"jh", u"jhd", u"kap", u"lfd", u"lit", u"lt", u"ltd", u"max",
    u"mind", u"min", u"mio", u"mrd", u"mtl", u"nr", u"nrn", u"od", u"pkt", u"prof",
    u"rd", u"rdnr", u"rn", u"rz", u"sog", u"st", u"std", u"str", u"tel", u"tsd",
    u"ua", u"uä", u"usw", u"uvm", u"var", u"verf", u"vgl", u"vol", u"vorl", u"vs",
    u"wg", u"zb", u"zit", u"ziff", u"zt", u"zust", u"zzgl", u"zzt", u"jan", u"feb",
    u"febr", u"apr", u"jun", u"jul", u"aug", u"sep", u"sept", u"okt",
};
// clang-format on

bool isCloser(QChar c)
{
    switch (c.unicode()) {
    case u')':
    case u']':
    case u'"':
    case u'\'':
    case u'\u00bb':
    case u'\u00ab':
    case u'\u201c':
    case u'\u201d':
    case u'\u2019':
    case u'\u2018': return true;
    default: return false;
    }
}

bool isOpener(QChar c)
{
    switch (c.unicode()) {
    case u'(':
    case u'[':
    case u'"':
    case u'\'':
    case u'\u00bb':
    case u'\u00ab':
    case u'\u201e':
    case u'\u201c':
    case u'\u201a':
    case u'\u2018': return true;
    default: return false;
    }
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiLower(QChar c)
{
    return c.unicode() >= u'a' && c.unicode() <= u'z';
}

// The marker of an Absatz or list item at `i`: "(2)", "(3a)", "4.", "a)", "aa)", or a bullet,
// each followed by a space. Laid-out PDF text separates Absätze only by such line starts.
bool startsItem(QStringView text, int i, int to)
{
    auto spaceAt = [&](int k) { return k >= to || text[k].isSpace(); };
    const QChar first = text[i];
    switch (first.unicode()) {
    case u'-':
    case u'\u2013':
    case u'\u2014':
    case u'\u2022':
    case u'*':
    case u'\u00b7':
    case u'\u25aa': return spaceAt(i + 1);
    default: break;
    }
    int k = i;
    if (first == u'(') {
        ++k;
        const int digits = k;
        while (k < to && k - digits < 3 && isAsciiDigit(text[k]))
            ++k;
        if (k == digits)
            return false;
        if (k < to && isAsciiLower(text[k]))
            ++k;
        return k < to && text[k] == u')' && spaceAt(k + 1);
    }
    if (isAsciiDigit(first)) {
        while (k < to && k - i < 3 && isAsciiDigit(text[k]))
            ++k;
        return k < to && text[k] == u'.' && spaceAt(k + 1);
    }
    if (isAsciiLower(first)) {
        while (k < to && k - i < 2 && isAsciiLower(text[k]))
            ++k;
        return k < to && text[k] == u')' && spaceAt(k + 1);
    }
    return false;
}

} // namespace

bool isAbbreviation(QStringView word)
{
    for (QStringView abbreviation : kAbbreviations) {
        if (word.compare(abbreviation, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool endsSentence(QStringView token, QChar next)
{
    // A lower-case continuation means the period belonged to an abbreviation we do not know.
    if (next.isLower())
        return false;
    while (!token.isEmpty() && isCloser(token.back()))
        token.chop(1);
    if (token.isEmpty())
        return false;
    const QChar last = token.back();
    if (last == u'!' || last == u'?' || last == u'\u2026')
        return true;
    if (last != u'.')
        return false;
    QStringView word = token.first(token.size() - 1);
    while (!word.isEmpty() && isOpener(word.front()))
        word = word.sliced(1);
    if (word.isEmpty() || word.back() == u'.')
        return true; // "..." ends a sentence
    bool digitsOnly = true;
    bool innerPeriod = false;
    for (QChar c : word) {
        if (c == u'.')
            innerPeriod = true;
        else if (!isAsciiDigit(c))
            digitsOnly = false;
    }
    if (digitsOnly)
        return false; // ordinals ("1. Januar", "2. der Länder") and dates ("4.5.2021")
    if (innerPeriod)
        return false; // "z.B.", "i.V.m.", "u.a."
    if (word.size() == 1 && word.front().isLetter())
        return false; // "S. 1", "z. B.", "d. h.", initials
    return !isAbbreviation(word);
}

void collectBreaks(QStringView text, int from, int to, std::vector<Break>& out)
{
    int i = from;
    while (i < to) {
        const int tokenStart = i;
        while (i < to && !text[i].isSpace())
            ++i;
        const int tokenEnd = i;
        int newlines = 0;
        bool lineStart = false;
        while (i < to && text[i].isSpace()) {
            const char16_t c = text[i].unicode();
            if (c == u'\n') {
                ++newlines;
                lineStart = true;
            } else if (c == u'\f' || c == u'\r' || c == u'\u2028' || c == u'\u2029') {
                lineStart = true; // a page break alone is no blank line: paragraphs run across pages
            }
            ++i;
        }
        if (i >= to || tokenEnd == tokenStart)
            continue;
        BreakLevel level = BreakLevel::Word;
        if (newlines >= 2)
            level = BreakLevel::Paragraph;
        else if (lineStart && startsItem(text, i, to))
            level = BreakLevel::Item;
        else if (endsSentence(text.sliced(tokenStart, tokenEnd - tokenStart), text[i]))
            level = BreakLevel::Sentence;
        out.push_back(Break { i, level });
    }
}

std::vector<int> sentenceStarts(QStringView text)
{
    int from = 0;
    int to = static_cast<int>(text.size());
    while (from < to && text[from].isSpace())
        ++from;
    while (to > from && text[to - 1].isSpace())
        --to;
    std::vector<Break> breaks;
    collectBreaks(text, from, to, breaks);
    std::vector<int> starts;
    for (const Break& b : breaks) {
        if (b.level != BreakLevel::Word)
            starts.push_back(b.pos);
    }
    return starts;
}

} // namespace genius::chunking
