#include "core/services/intentrouter.h"

#include "core/services/requestwords.h"

#include <QCoreApplication>

#include <algorithm>
#include <initializer_list>

namespace genius::services {

namespace {

using Words = QList<RequestWord>;
using Phrase = std::initializer_list<QStringView>;

/// The strongest cue found for one function and the words that made it.
struct Cue {
    double weight = 0.0;
    QString text;

    void raise(double w, const QString& t)
    {
        if (w > weight) {
            weight = w;
            text = t;
        }
    }
};

/// The analysis of one request: cues per function, then the decision.
class RequestAnalysis
{
public:
    RequestAnalysis(const RouteContext& context, const QString& text, Words words)
        : m_context(context)
        , m_text(text)
        , m_words(std::move(words))
    { }

    RouteDecision decide();
    bool foundCue() const { return m_found; }

private:
    QString span(qsizetype from, qsizetype to) const
    {
        return m_text.mid(m_words[from].start, m_words[to].end - m_words[from].start);
    }
    const RequestWord* word(qsizetype i) const { return i >= 0 && i < m_words.size() ? &m_words[i] : nullptr; }
    bool sameClause(qsizetype a, qsizetype b) const
    {
        return word(a) && word(b) && m_words[a].clause == m_words[b].clause;
    }
    /// Start of every match of the phrase, or an empty list.
    QList<qsizetype> find(Phrase phrase, bool skipNegated = true) const;
    void scanPhrases(Cue& cue, double weight, std::initializer_list<Phrase> phrases);

    void findDocumentReferences();
    void findMeta();
    void findSummaryCues();
    void findResearchCues();
    void findGenerationCues();
    QString findAspect() const;
    QString findCollection() const;
    QString findTemplate(QString& cueText) const;
    bool isNounSchreiben(qsizetype i) const
    {
        return m_words[i].folded == u"schreiben" && word(i - 1) && isDeterminer(m_words[i - 1].folded);
    }

    const RouteContext& m_context;
    const QString& m_text;
    Words m_words;
    Cue m_ask, m_summary, m_research, m_generate, m_chat;
    QString m_namedCollection;
    bool m_meta = false;
    bool m_ourDocuments = false;
    bool m_found = false;
    qsizetype m_researchVerb = -1;
};

QList<qsizetype> RequestAnalysis::find(Phrase phrase, bool skipNegated) const
{
    QList<qsizetype> starts;
    const auto length = static_cast<qsizetype>(phrase.size());
    for (qsizetype i = 0; i + length <= m_words.size(); ++i) {
        qsizetype k = 0;
        for (QStringView token : phrase) {
            if (!tokenMatches(m_words[i + k].folded, token))
                break;
            ++k;
        }
        if (k == length && !(skipNegated && m_words[i].negated))
            starts.append(i);
    }
    return starts;
}

void RequestAnalysis::scanPhrases(Cue& cue, double weight, std::initializer_list<Phrase> phrases)
{
    for (const Phrase& phrase : phrases) {
        for (qsizetype at : find(phrase)) {
            if (!m_words[at].consumed)
                cue.raise(weight, span(at, at + static_cast<qsizetype>(phrase.size()) - 1));
        }
    }
}

void RequestAnalysis::findDocumentReferences()
{
    const bool attached = m_context.documentAttached;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        RequestWord& w = m_words[i];
        const bool documentNoun = isDocumentNoun(w.folded);
        const QString p1 = sameClause(i - 1, i) ? m_words[i - 1].folded : QString();
        const QString p2 = sameClause(i - 2, i) ? m_words[i - 2].folded : QString();
        const QString p3 = sameClause(i - 3, i) ? m_words[i - 3].folded : QString();
        bool reference = false;
        if (documentNoun) {
            reference = isDirectReference(p1) || (isArticle(p1) && isReferencePreposition(p2))
                || (!p1.isEmpty() && isDirectReference(p2))
                || (!p1.isEmpty() && isArticle(p2) && isReferencePreposition(p3))
                || (attached && isAnyOf(p1, { u"the", u"this", u"that" }));
        } else if (attached && w.surface.front().isUpper() && isDeictic(p1)) {
            reference = true; // "in dieser Dienstvereinbarung": the attached document, whatever its kind
        }
        if (!reference)
            continue;
        w.consumed = true;
        const qsizetype from = i - (isReferencePreposition(p2) || isAttachmentAdjective(p1) ? 2 : 1);
        const bool explicitAttachment = isAttachmentNoun(w.folded) || isAttachmentAdjective(p1);
        if (attached)
            m_ask.raise(0.8, span(std::max<qsizetype>(from, 0), i));
        else if (explicitAttachment)
            m_ask.raise(0.6, span(std::max<qsizetype>(from, 0), i));
    }
    // Pages and parts: "auf Seite 3", "Absatz 2", "section 4", "§ 5".
    for (qsizetype i = 0; i + 1 < m_words.size(); ++i) {
        const bool part = isAnyOf(m_words[i].folded,
            { u"seite", u"seiten", u"page", u"pages", u"absatz", u"abschnitt", u"kapitel", u"section", u"paragraph",
                u"paragraf", u"ziffer" });
        if (part && m_words[i + 1].folded.front().isDigit())
            m_ask.raise(m_context.documentAttached ? 0.75 : 0.5, span(i, i + 1));
    }
    if (attached && m_text.contains(u'\u00a7'))
        m_ask.raise(0.65, QStringLiteral("\u00a7"));
    if (!attached)
        return;
    scanPhrases(m_ask, 0.7, { { u"was", u"steht" }, { u"steht", u"drin" }, { u"frage|fragen", u"zum|zur|zu" } });
    if (!m_words.isEmpty()) {
        // Any question while a document is attached is most likely about that document.
        static constexpr std::initializer_list<QStringView> kQuestionStarts
            = { u"was", u"wer", u"wem", u"wen", u"wessen", u"wann", u"wo", u"woraus", u"worin", u"wie", u"welche*",
                  u"wieviel*", u"wieso", u"warum", u"weshalb", u"wozu", u"ob", u"gibt", u"steht", u"stimmt", u"ist",
                  u"sind", u"hat", u"haben", u"kommt", u"enthaelt", u"nenne", u"nenn", u"liste", u"zeige", u"zeig",
                  u"erklaere", u"erklaer", u"what", u"who", u"when", u"where", u"which", u"how", u"why", u"does", u"do",
                  u"is", u"are", u"list", u"show", u"explain", u"tell", u"bis", u"ab", u"in" };
        const RequestWord& first = m_words.front();
        const bool questionWord = std::any_of(kQuestionStarts.begin(), kQuestionStarts.end(),
            [&](QStringView q) { return tokenMatches(first.folded, q); });
        if (m_text.contains(u'?'))
            m_ask.raise(0.6, QStringLiteral("?"));
        else if (questionWord)
            m_ask.raise(0.6, first.surface);
    }
}

void RequestAnalysis::findMeta()
{
    // Questions about a concept or about the assistant ("Was ist eine Beschlussvorlage?",
    // "Wie schreibt man einen Vermerk?") mention function words without asking for the function.
    static constexpr std::initializer_list<Phrase> kMeta = {
        { u"was", u"ist|sind", u"ein|eine|einen" },
        { u"was", u"bedeutet|bedeuten|heisst" },
        { u"was", u"versteht", u"man" },
        { u"unterschied", u"zwischen" },
        { u"wie", u"schreibt|erstellt|formuliert|verfasst|macht|schreibe", u"man|ich" },
        { u"wie", u"funktioniert|funktionieren" },
        { u"kannst|koennen|koenntest", u"du|sie", u"auch" },
        { u"can", u"you", u"also" },
        { u"what", u"is|are|s", u"a|an|the" },
        { u"how", u"do", u"i|you", u"write" },
        { u"how", u"does" },
        { u"erklaer*", u"mir", u"den|die|das", u"begriff|unterschied" },
        { u"erklaer*", u"mir", u"einfach" },
        { u"erklaer*", u"mir", u"den|die|das|einen|eine" },
    };
    for (const Phrase& phrase : kMeta) {
        const auto hits = find(phrase, false);
        if (!hits.isEmpty()) {
            m_meta = true;
            m_chat.raise(0.6, span(hits.front(), hits.front() + static_cast<qsizetype>(phrase.size()) - 1));
            return;
        }
    }
}

void RequestAnalysis::findSummaryCues()
{
    scanPhrases(m_summary, 0.85,
        { { u"~zusammenfass" }, { u"~zusammengefasst" }, { u"summar*" }, { u"tldr" }, { u"tl", u"dr" },
            { u"kurz", u"und", u"knapp" }, { u"worum", u"geht" }, { u"worum", u"es", u"geht" },
            { u"im", u"wesentlich*" }, { u"das", u"wesentliche" }, { u"key|main", u"point*|takeaway*" }, { u"gist" },
            { u"in", u"a", u"nutshell" }, { u"overview" }, { u"recap" }, { u"resuemee" }, { u"abstract" },
            { u"zusammenschau" },
            { u"wichtigst*", u"punkt*|aspekt*|inhalt*|ergebnis*|aussage*|information*|erkenntnis*|eckpunkt*|fakt*" },
            { u"wichtigst*", u"*", u"punkt*|aspekt*|inhalt*|ergebnis*|aussage*|erkenntnis*|eckpunkt*" },
            { u"most", u"important", u"point*|fact*" } });
    // Summary nouns also as the head of a compound: "Kurzzusammenfassung", "Kurzüberblick".
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const RequestWord& w = m_words[i];
        if (!w.negated && !w.consumed
            && isNounLikeAny(w.folded,
                { u"zusammenfassung", u"kurzfassung", u"ueberblick", u"kernaussage", u"kernaussagen", u"kernpunkt",
                    u"kernpunkte" }))
            m_summary.raise(0.85, w.surface);
    }
    scanPhrases(m_summary, 0.7,
        { { u"kuerzen" }, { u"kuerz" }, { u"kuerzer" }, { u"knapper" }, { u"zu", u"lang" }, { u"verkuerz*" },
            { u"komprimier*" }, { u"eindampf*" }, { u"fazit" }, { u"shorten" }, { u"condense" } });
    if (m_context.documentAttached)
        scanPhrases(m_summary, 0.5,
            { { u"stichpunkt*" }, { u"stichwortartig*" }, { u"uebersicht" }, { u"bullet", u"point*" } });
    // The separable verb: "fasse … zusammen" (with typos: "fase … zusamen").
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const QString& v = m_words[i].folded;
        const bool fass = (v.startsWith(u"fass") && !v.startsWith(u"fassung")) || isAnyOf(v, { u"fase", u"fas" });
        if (!fass)
            continue;
        for (qsizetype j = i + 1; j < m_words.size() && j - i <= 12; ++j) {
            if (!withinOneEdit(m_words[j].folded, u"zusammen"))
                continue;
            bool negated = m_words[i].negated || m_words[j].negated;
            for (qsizetype k = i + 1; k < j; ++k)
                negated = negated || isAnyOf(m_words[k].folded, { u"nicht", u"nichts", u"not" });
            if (!negated)
                m_summary.raise(0.85, m_words[i].surface + QStringLiteral(" \u2026 ") + m_words[j].surface);
            break;
        }
    }
}

void RequestAnalysis::findResearchCues()
{
    scanPhrases(m_research, 0.9, { { u"kollektion*" }, { u"sammlung*" }, { u"collection*" } });
    scanPhrases(m_research, 0.85, { { u"~recherch" }, { u"research*" } });
    scanPhrases(m_research, 0.8, { { u"durchsuch*" } });
    scanPhrases(m_research, 0.7, { { u"nachschlag*" }, { u"look", u"up" }, { u"lookup" }, { u"search*" } });
    scanPhrases(m_research, 0.65, { { u"bei", u"uns" }, { u"hausintern*" } });
    scanPhrases(m_research, 0.6, { { u"belege" }, { u"belegstelle*" } });
    scanPhrases(m_research, 0.55, { { u"wo", u"*", u"geregelt" }, { u"wo", u"*", u"*", u"geregelt" } });
    scanPhrases(m_research, 0.5, { { u"nachseh*" }, { u"nachschau*" } });
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const QString& w = m_words[i].folded;
        if (startsWithAny(w, { u"durchsuch", u"search", u"such", u"recherch" }) && !m_words[i].negated
            && m_researchVerb < 0)
            m_researchVerb = i;
        // "unsere Vorschriften", "in unseren Unterlagen", "our guidelines": the organisation's documents.
        if (m_words[i].negated || !(w.startsWith(u"unser") || w == u"our"))
            continue;
        for (qsizetype j = i + 1; j <= i + 3 && sameClause(i, j); ++j) {
            if (isNounLikeAny(m_words[j].folded,
                    { u"vorschrift", u"unterlag", u"richtlini", u"dienstanweisung", u"dienstvereinbarung", u"regelung",
                        u"regel", u"akte", u"akten", u"dokument", u"satzung", u"handbuch", u"leitfaden", u"leitfaeden",
                        u"erlass", u"rundschreiben", u"verfuegung", u"ablage", u"bestand", u"vorgabe", u"haus",
                        u"regulation", u"guideline", u"polic", u"document", u"record", u"rule", u"file",
                        u"archive" })) {
                m_ourDocuments = true;
                m_research.raise(0.8, span(i, j));
                break;
            }
        }
    }
    // A collection the user may research, named by its (stemmed) name: "Ratsbeschluss" finds
    // "Ratsbeschlüsse" and "ratsbeschluesse". The longest name wins ("Haushalt 2024" over "Haushalt").
    QStringList terms;
    for (const RequestWord& w : std::as_const(m_words))
        terms.append(collectionTerm(w.surface));
    qsizetype bestLength = 0;
    for (const QString& collection : m_context.collections) {
        QStringList name;
        for (const RequestWord& w : splitRequest(collection))
            name.append(collectionTerm(w.surface));
        if (name.isEmpty() || name.size() <= bestLength)
            continue;
        for (qsizetype t = 0; t + name.size() <= terms.size(); ++t) {
            bool match = true;
            for (qsizetype k = 0; k < name.size() && match; ++k) {
                // Words inside a reference to the attached document ("in dieser Satzung") do not count.
                const RequestWord& w = m_words[t + k];
                match = terms[t + k] == name[k] && !w.consumed && !w.negated;
            }
            if (match) {
                m_namedCollection = collection;
                bestLength = name.size();
                m_research.raise(0.75, span(t, t + name.size() - 1));
                break;
            }
        }
    }
}

void RequestAnalysis::findGenerationCues()
{
    Cue strongVerb, marker, noun, draftNoun;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const RequestWord& w = m_words[i];
        if (w.negated || w.consumed)
            continue;
        const QString& f = w.folded;
        const bool schreib = f.startsWith(u"schreib") && !isNounSchreiben(i);
        if (schreib || f.startsWith(u"formulier") || f.startsWith(u"umformulier") || f.startsWith(u"entwerf")
            || (f.startsWith(u"verfass") && !f.startsWith(u"verfassung")) || f.startsWith(u"aufsetz")
            || f.startsWith(u"redigier") || f.startsWith(u"draft")
            || isAnyOf(f,
                { u"entwirf", u"entworfen", u"write", u"writing", u"compose", u"antworte", u"antworten", u"reply",
                    u"respond", u"formuliere", u"verfasse" })) {
            strongVerb.raise(0.7, w.surface);
        } else if (f.startsWith(u"setz")) {
            // The separable verb "setze … auf" (aufsetzen: to draw up a letter).
            for (qsizetype j = i + 1; j < m_words.size() && sameClause(i, j); ++j) {
                if (m_words[j].folded == u"auf" && !sameClause(j, j + 1))
                    strongVerb.raise(0.7, w.surface + QStringLiteral(" \u2026 ") + m_words[j].surface);
            }
        }
        if (isRequestMarker(f))
            marker.raise(0.3, w.surface);
        if (startsWithAny(f, { u"entwurf", u"entwuerf" })
            || (f == u"draft" && i > 0 && isAnyOf(m_words[i - 1].folded, { u"a", u"the" })))
            draftNoun.raise(0.6, w.surface);
        const bool genNoun = isNounSchreiben(i)
            || isAnyOf(f,
                { u"brief", u"briefe", u"mail", u"mails", u"email", u"emails", u"rundmail", u"nachricht", u"text",
                    u"texte", u"antwort", u"letter", u"reply", u"response", u"invitation", u"rede", u"anschreiben",
                    u"rundschreiben", u"notiz" })
            || startsWithAny(f,
                { u"pressemitteilung", u"einladung", u"absage", u"zusage", u"stellungnahme", u"grusswort",
                    u"antwortschreiben", u"briefentwurf", u"ankuendigung", u"announcement", u"newsletter" });
        if (genNoun)
            noun.raise(0.45, w.surface);
    }
    QString templateCue;
    const QString templateName = findTemplate(templateCue);
    double weight = std::max({ strongVerb.weight, marker.weight, noun.weight, draftNoun.weight });
    QString cue = strongVerb.weight > 0 ? strongVerb.text : draftNoun.weight > 0 ? draftNoun.text : noun.text;
    if (!templateName.isEmpty()) {
        const bool asked = strongVerb.weight > 0 || marker.weight > 0 || draftNoun.weight > 0;
        weight = std::max(weight, asked ? 0.9 : 0.55);
        cue = templateCue;
    } else if (noun.weight > 0 || draftNoun.weight > 0) {
        if (strongVerb.weight > 0)
            weight = 0.85;
        else if (marker.weight > 0 || (draftNoun.weight > 0 && noun.weight > 0))
            weight = 0.8;
    }
    if (weight > 0.3 || !templateName.isEmpty())
        m_generate.raise(weight, cue);
}

QString RequestAnalysis::findTemplate(QString& cueText) const
{
    // Each built-in template with the words that name it, then the user's own templates by name.
    qsizetype bestPosition = m_words.size();
    QString best;
    auto offer = [&](const QString& name, qsizetype position) {
        const bool available = m_context.templates.isEmpty() || m_context.templates.contains(name);
        if (available && position < bestPosition) {
            bestPosition = position;
            best = name;
            cueText = m_words[position].surface;
        }
    };
    qsizetype reply = -1, citizen = -1;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const RequestWord& w = m_words[i];
        if (w.negated)
            continue;
        const QString& f = w.folded;
        if (!w.consumed && (isNounLike(f, u"buergeranfrage") || f.startsWith(u"antwortschreiben")))
            offer(QStringLiteral("buergeranfrage"), i);
        if (!w.consumed && reply < 0
            && (startsWithAny(f, { u"antwort", u"beantwort", u"reply", u"respond" })
                || isAnyOf(f, { u"mail", u"email", u"brief" }) || isNounSchreiben(i)))
            reply = i;
        if (citizen < 0
            && ((f.startsWith(u"buerger") && !startsWithAny(f, { u"buergerfreundlich", u"buergernah" }))
                || f.contains(u"anfrage")
                || startsWithAny(f, { u"citizen", u"enquir", u"inquir", u"einwohner", u"anwohner", u"petent" })))
            citizen = i;
        if (w.consumed)
            continue;
        if (isNounLike(f, u"protokoll") || matchesStem(f, u"protokoll") || startsWithAny(f, { u"niederschrift" })
            || f == u"minutes")
            offer(QStringLiteral("protokoll"), i);
        if (isNounLike(f, u"vermerk") || (f.size() >= 6 && withinOneEdit(f, u"vermerk"))
            || startsWithAny(f, { u"aktennotiz", u"gespraechsnotiz", u"telefonnotiz", u"memo" }))
            offer(QStringLiteral("vermerk"), i);
        if (isNounLikeAny(f,
                { u"beschlussvorlage", u"ratsvorlage", u"sitzungsvorlage", u"ausschussvorlage", u"verwaltungsvorlage" })
            || matchesStem(f, u"beschlussvorlage"))
            offer(QStringLiteral("beschlussvorlage"), i);
        if (f == u"vorlage" || f == u"decision") {
            for (qsizetype j = i + 1; j <= i + 4 && j < m_words.size(); ++j) {
                const QString& g = m_words[j].folded;
                if (g.contains(u"ausschuss")
                    || isAnyOf(g,
                        { u"rat", u"rates", u"gemeinderat", u"stadtrat", u"kreistag", u"ratssitzung", u"paper",
                            u"council", u"committee" }))
                    offer(QStringLiteral("beschlussvorlage"), i);
            }
        }
        for (const QString& custom : m_context.templates) {
            const QString name = foldWord(custom);
            if (name.size() >= 4 && (isNounLike(f, name) || matchesStem(f, name)))
                offer(custom, i);
        }
    }
    // "Schreib der Bürgerin, dass …": a writing verb addressed to a citizen.
    for (qsizetype i = 0; i + 1 < m_words.size() && reply < 0; ++i) {
        const QString& f = m_words[i].folded;
        const bool writes = !m_words[i].negated
            && (startsWithAny(f, { u"schreib", u"formulier", u"verfass" }) || isAnyOf(f, { u"write", u"antworte" }));
        for (qsizetype j = i + 1; writes && j <= i + 2 && j < m_words.size(); ++j) {
            if (j == citizen)
                reply = i;
        }
    }
    if (reply >= 0 && citizen >= 0)
        offer(QStringLiteral("buergeranfrage"), std::min(reply, citizen));
    return best;
}

QString RequestAnalysis::findAspect() const
{
    static constexpr std::initializer_list<Phrase> kAspect = {
        { u"im|in", u"hinblick", u"auf" },
        { u"in|mit", u"bezug", u"auf" },
        { u"bezogen", u"auf" },
        { u"hinsichtlich" },
        { u"bezueglich" },
        { u"bzgl" },
        { u"mit", u"blick", u"auf" },
        { u"unter", u"dem", u"aspekt|gesichtspunkt" },
        { u"mit", u"fokus|schwerpunkt", u"auf" },
        { u"mit", u"dem", u"schwerpunkt|fokus" },
        { u"fokussiert", u"auf" },
        { u"with", u"respect|regard", u"to" },
        { u"regarding" },
        { u"focusing|focused", u"on" },
        { u"in", u"terms", u"of" },
        { u"concerning" },
        { u"as", u"regards" },
    };
    for (const Phrase& phrase : kAspect) {
        for (qsizetype at : find(phrase)) {
            qsizetype from = at + static_cast<qsizetype>(phrase.size());
            while (word(from) && sameClause(at, from)
                && isAnyOf(m_words[from].folded,
                    { u"der", u"die", u"das", u"den", u"dem", u"des", u"ein", u"eine", u"einen", u"einem", u"einer",
                        u"the", u"a", u"an" }))
                ++from;
            qsizetype to = from - 1;
            while (word(to + 1) && sameClause(at, to + 1) && to + 1 - from < 6) {
                const QString& f = m_words[to + 1].folded;
                if (f.startsWith(u"zusammen") || startsWithAny(f, { u"fass", u"erstell", u"schreib", u"summar" })
                    || isAnyOf(f, { u"bitte", u"please", u"kurz", u"knapp", u"mach", u"gib" }))
                    break;
                ++to;
            }
            if (to >= from)
                return span(from, to);
        }
    }
    return {};
}

QString RequestAnalysis::findCollection() const
{
    if (!m_namedCollection.isEmpty())
        return m_namedCollection;
    // "in der Kollektion Umweltrecht": a name the user cannot see is returned as written, so the
    // caller can say that no such collection exists.
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        if (!startsWithAny(m_words[i].folded, { u"kollektion", u"sammlung", u"collection" }))
            continue;
        qsizetype to = i;
        while (word(to + 1) && sameClause(i, to + 1) && to - i < 3) {
            const QString& f = m_words[to + 1].folded;
            if (isAnyOf(f,
                    { u"zu", u"zum", u"zur", u"nach", u"ueber", u"ob", u"fuer", u"for", u"about", u"on", u"was", u"wie",
                        u"wann", u"wo", u"und", u"and", u"mit", u"von", u"bitte", u"please", u"der", u"die", u"das",
                        u"den", u"dem" })
                || startsWithAny(f, { u"welche", u"nachseh", u"durchsuch", u"recherch" }))
                break;
            ++to;
        }
        if (to > i)
            return span(i + 1, to);
    }
    return {};
}

RouteDecision RequestAnalysis::decide()
{
    findDocumentReferences();
    findMeta();
    findSummaryCues();
    findResearchCues();
    findGenerationCues();
    scanPhrases(m_chat, 0.7,
        { { u"hallo" }, { u"hi" }, { u"hey" }, { u"moin" }, { u"servus" }, { u"hello" }, { u"danke*" },
            { u"vielen", u"dank" }, { u"thank*" }, { u"guten", u"morgen|tag|abend" } });
    scanPhrases(m_chat, 0.6, { { u"uebersetz*" }, { u"translate*" } });
    if (m_meta) {
        // A question about a concept or the assistant: its function words are not requests.
        m_summary = {};
        m_research = {};
        m_generate = {};
    }
    const bool collectionCue
        = !m_namedCollection.isEmpty() || m_ourDocuments || find({ u"kollektion*|sammlung*|collection*" }).size() > 0;
    if (m_context.documentAttached && m_researchVerb >= 0 && !collectionCue) {
        // "Durchsuche das Dokument nach …": a search inside the attached document.
        for (qsizetype j = m_researchVerb + 1; j <= m_researchVerb + 3 && j < m_words.size(); ++j) {
            if (isDocumentNoun(m_words[j].folded)) {
                m_ask.raise(0.85, span(m_researchVerb, j));
                m_research = {};
                break;
            }
        }
    }

    struct Candidate {
        AssistantFunction function;
        const Cue* cue;
    };
    // Order breaks ties: an explicit draft beats a summary beats research beats a question.
    const Candidate candidates[]
        = { { AssistantFunction::Generate, &m_generate }, { AssistantFunction::Summarize, &m_summary },
              { AssistantFunction::Research, &m_research }, { AssistantFunction::Ask, &m_ask } };
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
        if (c.cue->weight >= 0.45 && (!best || c.cue->weight > best->cue->weight))
            best = &c;
    }
    RouteDecision decision;
    if (!best || best->cue->weight < m_chat.weight) {
        m_found = m_chat.weight > 0;
        decision.function = AssistantFunction::Chat;
        decision.confidence = m_chat.weight > 0 ? m_chat.weight : 0.3;
        decision.reason = m_chat.weight <= 0 ? QCoreApplication::translate("IntentRouter",
                              "No cue for a document, a collection, a summary or a draft "
                              "was found, so this is a free chat.")
            : m_meta                         ? QCoreApplication::translate("IntentRouter",
                                          "The request asks about a concept or about the "
                                                                  "assistant itself (“%1”), so the free "
                                                                  "chat answers it.")
                           .arg(m_chat.text)
                     : QCoreApplication::translate("IntentRouter",
                         "The request is a conversation (“%1”), "
                         "so this is a free chat.")
                           .arg(m_chat.text);
        return decision;
    }
    m_found = true;
    decision.function = best->function;
    decision.confidence = std::min(best->cue->weight, 0.95);
    const QString& cue = best->cue->text;
    switch (best->function) {
    case AssistantFunction::Generate: {
        QString templateCue;
        decision.templateName = findTemplate(templateCue);
        decision.reason = decision.templateName.isEmpty()
            ? QCoreApplication::translate("IntentRouter", "The request asks for a drafted text (“%1”).").arg(cue)
            : QCoreApplication::translate("IntentRouter",
                "The request asks for a draft (“%1”) with the "
                "template “%2”.")
                  .arg(cue, decision.templateName);
        break;
    }
    case AssistantFunction::Summarize:
        if (!m_context.documentAttached && collectionCue) {
            // No document to summarise, but a collection: the summary is drawn from the collection.
            decision.function = AssistantFunction::Research;
            decision.collection = findCollection();
            decision.confidence = 0.7;
            decision.reason = decision.collection.isEmpty()
                ? QCoreApplication::translate("IntentRouter",
                    "The request asks for research in the organisation's "
                    "documents (“%1”).")
                      .arg(m_research.text)
                : QCoreApplication::translate("IntentRouter", "The request refers to the collection “%1”.")
                      .arg(decision.collection);
            break;
        }
        decision.aspect = findAspect();
        decision.reason = decision.aspect.isEmpty()
            ? QCoreApplication::translate("IntentRouter", "The request asks for a summary (“%1”).").arg(cue)
            : QCoreApplication::translate("IntentRouter",
                "The request asks for a summary (“%1”) with "
                "respect to “%2”.")
                  .arg(cue, decision.aspect);
        break;
    case AssistantFunction::Research:
        decision.collection = findCollection();
        decision.reason = decision.collection.isEmpty()
            ? QCoreApplication::translate("IntentRouter",
                "The request asks for research in the organisation's "
                "documents (“%1”).")
                  .arg(cue)
            : QCoreApplication::translate("IntentRouter", "The request refers to the collection “%1”.")
                  .arg(decision.collection);
        break;
    case AssistantFunction::Ask:
        decision.reason = m_context.documentAttached
            ? QCoreApplication::translate("IntentRouter",
                "A document is attached and the request asks about it "
                "(“%1”).")
                  .arg(cue)
            : QCoreApplication::translate("IntentRouter", "The request refers to a document (“%1”).").arg(cue);
        break;
    case AssistantFunction::Chat: break;
    }
    return decision;
}

/// Where pasted text starts: after a colon or line break that is followed by more than a
/// dozen words. Cues are read from the instruction before it first.
qsizetype instructionEnd(const QString& text, const Words& words)
{
    for (qsizetype w = 0; w + 1 < words.size(); ++w) {
        const QStringView gap = QStringView(text).sliced(words[w].end, words[w + 1].start - words[w].end);
        if ((gap.contains(u':') || gap.contains(u'\n')) && words.size() - (w + 1) > 12)
            return w + 1;
    }
    return words.size();
}

} // namespace

QString functionName(AssistantFunction function)
{
    switch (function) {
    case AssistantFunction::Chat: return QStringLiteral("chat");
    case AssistantFunction::Ask: return QStringLiteral("ask");
    case AssistantFunction::Research: return QStringLiteral("research");
    case AssistantFunction::Summarize: return QStringLiteral("summarize");
    case AssistantFunction::Generate: return QStringLiteral("generate");
    }
    return {};
}

std::optional<AssistantFunction> parseFunctionName(const QString& name)
{
    for (auto f : { AssistantFunction::Chat, AssistantFunction::Ask, AssistantFunction::Research,
             AssistantFunction::Summarize, AssistantFunction::Generate }) {
        if (functionName(f) == name)
            return f;
    }
    return std::nullopt;
}

RouteDecision routeLocally(const RouteContext& context)
{
    const QString text = context.request.trimmed();
    Words words = splitRequest(text);
    const qsizetype head = instructionEnd(text, words);
    if (head < words.size()) {
        // Pasted text after the instruction may itself say "Protokoll" or "zusammenfassen".
        const QString instruction = text.left(words[head].start);
        RequestAnalysis analysis(context, instruction, words.first(head));
        RouteDecision decision = analysis.decide();
        if (analysis.foundCue())
            return decision;
    }
    RequestAnalysis analysis(context, text, std::move(words));
    return analysis.decide();
}

} // namespace genius::services
