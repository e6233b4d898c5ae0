#include "core/services/requestwords.h"

#include "core/index/germantokenizer.h"

#include <algorithm>

namespace genius::services {

namespace {

// Words that cancel the cue right after them: "keine Zusammenfassung", "nicht recherchieren",
// "statt einer Antwort", "don't summarise".
constexpr std::initializer_list<QStringView> kNegations = {
    u"nicht",
    u"nichts",
    u"kein",
    u"keine",
    u"keinen",
    u"keinem",
    u"keiner",
    u"keines",
    u"ohne",
    u"statt",
    u"anstatt",
    u"anstelle",
    u"not",
    u"no",
    u"dont",
    u"don",
    u"never",
    u"without",
    u"instead",
};
constexpr int kNegationReach = 3;

bool isClauseBreak(QChar c)
{
    switch (c.unicode()) {
    case u',':
    case u';':
    case u':':
    case u'.':
    case u'!':
    case u'?':
    case u'(':
    case u')':
    case u'\n':
    case u'\u2013':
    case u'\u2014': return true;
    default: return false;
    }
}

// Nouns that name a document the user can attach.
constexpr std::initializer_list<QStringView> kDocumentNouns = {
    u"dokument",
    u"document",
    u"bescheid",
    u"vertrag",
    u"vertraeg",
    u"schreiben",
    u"anlage",
    u"anhang",
    u"pdf",
    u"datei",
    u"text",
    u"gutachten",
    u"bericht",
    u"antrag",
    u"antraeg",
    u"mail",
    u"brief",
    u"stellungnahme",
    u"protokoll",
    u"vorlage",
    u"einladung",
    u"vermerk",
    u"angebot",
    u"urteil",
    u"akte",
    u"formular",
    u"schriftsatz",
    u"contract",
    u"report",
    u"letter",
    u"file",
    u"attachment",
    u"memo",
    u"konzept",
    u"entwurf",
    u"rechnung",
    u"notice",
    u"decision",
    u"minutes",
    u"agreement",
    u"application",
};
// Nouns that only name an attachment, so they point at a document even when none is attached.
constexpr std::initializer_list<QStringView> kAttachmentNouns = {
    u"dokument",
    u"document",
    u"anhang",
    u"anlage",
    u"attachment",
    u"datei",
    u"file",
    u"pdf",
};
constexpr std::initializer_list<QStringView> kReferencePrepositions = {
    u"in",
    u"im",
    u"aus",
    u"auf",
    u"laut",
    u"nach",
    u"zu",
    u"zum",
    u"zur",
    u"von",
    u"vom",
    u"bei",
    u"gemaess",
    u"from",
    u"of",
    u"on",
    u"about",
    u"within",
};
constexpr std::initializer_list<QStringView> kArticles = {
    u"dem",
    u"der",
    u"den",
    u"die",
    u"das",
    u"einem",
    u"einer",
    u"the",
    u"this",
    u"these",
    u"that",
};
constexpr std::initializer_list<QStringView> kDeictics = {
    u"dieses",
    u"diesem",
    u"dieser",
    u"diesen",
    u"diese",
    u"this",
    u"these",
};

} // namespace

QString foldWord(QStringView word)
{
    QString out;
    out.reserve(word.size() + 4);
    for (const QChar raw : word) {
        const QChar c = raw.toLower();
        switch (c.unicode()) {
        case u'\u00e4': out += u"ae"; continue;
        case u'\u00f6': out += u"oe"; continue;
        case u'\u00fc': out += u"ue"; continue;
        case u'\u00df': out += u"ss"; continue;
        default: break;
        }
        if (c.unicode() >= 0xC0 && c.decompositionTag() == QChar::Canonical) {
            // é → e: keep the base letter of a canonical decomposition.
            out += c.decomposition().front();
            continue;
        }
        out += c;
    }
    return out;
}

QList<RequestWord> splitRequest(const QString& text)
{
    QList<RequestWord> words;
    int clause = 0;
    int i = 0;
    const int size = static_cast<int>(text.size());
    while (i < size) {
        if (!text[i].isLetterOrNumber()) {
            // A hyphen between spaces is a dash; inside "E-Mail" it is not a break.
            const bool dash
                = text[i] == u'-' && (i == 0 || text[i - 1].isSpace()) && (i + 1 >= size || text[i + 1].isSpace());
            if (isClauseBreak(text[i]) || dash)
                ++clause;
            ++i;
            continue;
        }
        const int start = i;
        while (i < size && (text[i].isLetterOrNumber() || text[i].isMark()))
            ++i;
        RequestWord word;
        word.surface = text.mid(start, i - start);
        word.folded = foldWord(word.surface);
        word.start = start;
        word.end = i;
        if (word.folded == u"sondern" || word.folded == u"but")
            ++clause;
        word.clause = clause;
        words.append(word);
    }
    for (qsizetype w = 0; w < words.size(); ++w) {
        for (qsizetype back = std::max<qsizetype>(0, w - kNegationReach); back < w; ++back) {
            if (words[back].clause == words[w].clause && isAnyOf(words[back].folded, kNegations))
                words[w].negated = true;
        }
    }
    return words;
}

bool withinOneEdit(QStringView a, QStringView b)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    if (la - lb > 1 || lb - la > 1)
        return false;
    qsizetype i = 0;
    while (i < la && i < lb && a[i] == b[i])
        ++i;
    if (i == la && i == lb)
        return true;
    if (la == lb) {
        // One substitution or one transposition of neighbours.
        if (a.sliced(i + 1) == b.sliced(i + 1))
            return true;
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a.sliced(i + 2) == b.sliced(i + 2);
    }
    return la > lb ? a.sliced(i + 1) == b.sliced(i) : a.sliced(i) == b.sliced(i + 1);
}

bool matchesStem(const QString& word, QStringView stem)
{
    if (word.startsWith(stem))
        return true;
    if (stem.size() < 6)
        return false; // short stems with one error match too much
    for (qsizetype length = stem.size() - 1; length <= stem.size() + 1; ++length) {
        if (length <= word.size() && withinOneEdit(QStringView(word).first(length), stem))
            return true;
    }
    return false;
}

bool startsWithAny(const QString& word, std::initializer_list<QStringView> stems)
{
    return std::any_of(stems.begin(), stems.end(), [&](QStringView stem) { return word.startsWith(stem); });
}

bool isAnyOf(const QString& word, std::initializer_list<QStringView> words)
{
    return std::any_of(words.begin(), words.end(), [&](QStringView w) { return word == w; });
}

// A pattern token: "a|b" alternatives, "x*" a prefix, "~x" a prefix with one typing error
// allowed, "*" any word.
bool tokenMatches(const QString& folded, QStringView pattern)
{
    for (QStringView alternative : pattern.tokenize(u'|')) {
        if (alternative == u"*")
            return true;
        if (alternative.startsWith(u'~')) {
            if (matchesStem(folded, alternative.sliced(1)))
                return true;
        } else if (alternative.endsWith(u'*')) {
            if (folded.startsWith(alternative.chopped(1)))
                return true;
        } else if (folded == alternative) {
            return true;
        }
    }
    return false;
}

/// True when `word` is `noun`, an inflection of it ("Dokuments") or a compound ending in it
/// ("Zuwendungsbescheid"): German compounds put the head noun last.
bool isNounLike(const QString& word, QStringView noun)
{
    const qsizetype at = word.lastIndexOf(noun);
    return at >= 0 && word.size() - (at + noun.size()) <= 3;
}

bool isNounLikeAny(const QString& word, std::initializer_list<QStringView> nouns)
{
    return std::any_of(nouns.begin(), nouns.end(), [&](QStringView n) { return isNounLike(word, n); });
}

bool isDirectReference(const QString& w)
{
    return isAnyOf(w,
               { u"im", u"vom", u"zum", u"laut", u"lt", u"gemaess", u"des", u"seiner", u"seinem", u"seines", u"ihrer",
                   u"ihrem", u"ihres" })
        || isAnyOf(w, kDeictics)
        || startsWithAny(w,
            { u"beiliegend", u"beigefuegt", u"angehaengt", u"anliegend", u"vorliegend", u"obig", u"hochgeladen",
                u"attached", u"uploaded", u"enclosed" });
}

bool isAttachmentAdjective(const QString& w)
{
    return startsWithAny(w,
        { u"beiliegend", u"beigefuegt", u"angehaengt", u"anliegend", u"attached", u"uploaded", u"enclosed",
            u"hochgeladen" });
}

/// The stemmed term of one word for comparing collection names: "ue" spellings become
/// umlauts first so that "Ratsbeschluesse" and "Ratsbeschlüsse" stem alike.
QString collectionTerm(const QString& word)
{
    QString spelled = word.toLower();
    spelled.replace(QStringLiteral("ae"), QStringLiteral("\u00e4"))
        .replace(QStringLiteral("oe"), QStringLiteral("\u00f6"))
        .replace(QStringLiteral("ue"), QStringLiteral("\u00fc"));
    const QStringList terms = index::germanTerms(spelled);
    return terms.isEmpty() ? spelled : terms.join(u' ');
}

// Words that ask for something: they turn a noun such as "Vermerk" into a drafting request.
bool isRequestMarker(const QString& w)
{
    return startsWithAny(
               w, { u"erstell", u"anfertig", u"ausarbeit", u"brauch", u"benoetig", u"create", u"prepare", u"need" })
        || isAnyOf(w,
            { u"mach", u"mache", u"machen", u"make", u"bitte", u"please", u"moechte", u"haette", u"gern", u"gerne",
                u"hilf", u"helfen", u"beantworte", u"beantworten" });
}

bool isDeterminer(const QString& w)
{
    return isAnyOf(w,
        { u"das", u"ein", u"dem", u"des", u"ihr", u"ihrem", u"ihres", u"sein", u"seinem", u"seines", u"unser",
            u"unserem", u"dieses", u"diesem", u"kein", u"jedes", u"ne", u"nen", u"einem", u"eines", u"im", u"vom",
            u"zum", u"neues", u"letzten" });
}

bool isDocumentNoun(const QString& word)
{
    return isNounLikeAny(word, kDocumentNouns);
}

bool isAttachmentNoun(const QString& word)
{
    return isNounLikeAny(word, kAttachmentNouns);
}

bool isReferencePreposition(const QString& word)
{
    return isAnyOf(word, kReferencePrepositions);
}

bool isArticle(const QString& word)
{
    return isAnyOf(word, kArticles);
}

bool isDeictic(const QString& word)
{
    return isAnyOf(word, kDeictics);
}

} // namespace genius::services
