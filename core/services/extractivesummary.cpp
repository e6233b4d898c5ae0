#include "core/services/extractivesummary.h"

#include "core/index/germantokenizer.h"
#include "core/services/germansentences.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace genius::services {

namespace {

using SparseVector = std::vector<std::pair<int, float>>; // term id, weight; sorted by id

/// One sentence that may become a point of the summary.
struct Candidate {
    QString text;
    int page = 0;
    qint64 documentId = 0;
    int order = 0; // position in the whole input, for output in text order
    double relativePosition = 0.0; // 0 at the start of its document, 1 at its end
    int words = 0;
    QList<QString> terms; // folded, stemmed, without stop words
    SparseVector vector; // TF-IDF, unit length
    double score = 0.0;
};

// Weight of the position prior: early sentences of a document say what it is about, but
// only mildly more often than the rest.
constexpr double kPositionWeight = 0.1;
// MMR trade-off between relevance and novelty, and the similarity that counts as a duplicate.
constexpr double kLambda = 0.7;
constexpr double kDuplicateSimilarity = 0.75;
// MMR looks at the best sentences only; enough for 12 points from any document.
constexpr int kPoolSize = 300;

int pointsFor(SummaryLength length)
{
    switch (length) {
    case SummaryLength::Short: return 3;
    case SummaryLength::Medium: return 6;
    case SummaryLength::Long: return 12;
    }
    return 6;
}

/// Stop words as the tokenizer stems them, so they compare with germanTerms() output.
const QSet<QString>& stopTerms()
{
    static const QSet<QString> terms = [] {
        const QString words = QStringLiteral(
            "der die das den dem des ein eine einer eines einem einen und oder aber sowie bzw in im an am auf aus bei "
            "mit nach von vom zu zum zur für über unter vor hinter neben zwischen durch gegen ohne um bis seit als wie "
            "ist sind war waren wird werden wurde wurden worden sein hat haben hatte hatten kann können könnte soll "
            "sollen muss müssen darf dürfen mag will wollen es er sie ihr ihre ihren ihrem ihres sich man wir uns "
            "dieser diese dieses diesem diesen jeder jede jedes jedem jeden nicht kein keine keinen auch nur noch "
            "schon so dass daß wenn ob weil da denn doch sofern soweit wer was welche welcher welches dies hier dort "
            "alle allen aller sowie sonstige sonstigen the a an and or of to in on for by with is are be was were");
        QSet<QString> set;
        for (const QString& term : index::germanTerms(words))
            set.insert(term);
        return set;
    }();
    return terms;
}

bool isContentTerm(const QString& term)
{
    if (term.size() < 2 || stopTerms().contains(term))
        return false;
    return std::any_of(term.begin(), term.end(), [](QChar c) { return c.isLetter(); });
}

QList<QString> contentTerms(const QString& text)
{
    QList<QString> result;
    for (const QString& term : index::germanTerms(text)) {
        if (isContentTerm(term))
            result.append(term);
    }
    return result;
}

double dot(const SparseVector& a, const SparseVector& b)
{
    double sum = 0.0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->first < j->first) {
            ++i;
        } else if (j->first < i->first) {
            ++j;
        } else {
            sum += static_cast<double>(i->second) * j->second;
            ++i;
            ++j;
        }
    }
    return sum;
}

/// Cuts the passages into sentences. Consecutive passages of one document are read as one
/// text, so a sentence that runs over a page break stays whole; it keeps the page it starts on.
std::vector<Candidate> collectSentences(const QList<SummaryPassage>& passages)
{
    std::vector<Candidate> candidates;
    QSet<QString> seen;
    qsizetype p = 0;
    while (p < passages.size()) {
        const qint64 document = passages[p].documentId;
        QString joined;
        std::vector<std::pair<int, int>> pageAt; // offset in `joined` → page
        for (; p < passages.size() && passages[p].documentId == document; ++p) {
            pageAt.emplace_back(static_cast<int>(joined.size()), passages[p].page);
            joined += cleanForSentences(passages[p].text);
            joined += u'\n';
        }
        const QList<TextSentence> sentences = splitSentences(joined);
        const auto count = static_cast<double>(sentences.size());
        for (qsizetype s = 0; s < sentences.size(); ++s) {
            const TextSentence& sentence = sentences[s];
            // A repeated sentence ("Die Kosten trägt der Antragsteller.") is offered once.
            const QString key = sentence.text.toCaseFolded();
            if (seen.contains(key))
                continue;
            seen.insert(key);
            const auto page = std::upper_bound(
                pageAt.begin(), pageAt.end(), std::make_pair(sentence.start, std::numeric_limits<int>::max()));
            Candidate c;
            c.text = sentence.text;
            c.page = std::prev(page)->second;
            c.documentId = document;
            c.order = static_cast<int>(candidates.size());
            c.relativePosition = count > 1 ? static_cast<double>(s) / (count - 1) : 0.0;
            c.words = sentence.wordCount;
            c.terms = contentTerms(sentence.text);
            if (!c.terms.isEmpty())
                candidates.push_back(std::move(c));
        }
    }
    return candidates;
}

/// TF-IDF vectors of unit length (sentences are the "documents" of the IDF).
void weighTerms(std::vector<Candidate>& candidates, QHash<QString, int>& ids, std::vector<double>& idf)
{
    std::vector<int> documentFrequency;
    std::vector<QHash<int, int>> counts(candidates.size());
    for (std::size_t s = 0; s < candidates.size(); ++s) {
        for (const QString& term : std::as_const(candidates[s].terms)) {
            auto it = ids.constFind(term);
            if (it == ids.cend()) {
                it = ids.insert(term, static_cast<int>(documentFrequency.size()));
                documentFrequency.push_back(0);
            }
            if (counts[s][it.value()]++ == 0)
                ++documentFrequency[static_cast<std::size_t>(it.value())];
        }
    }
    const auto n = static_cast<double>(candidates.size());
    idf.resize(documentFrequency.size());
    for (std::size_t t = 0; t < documentFrequency.size(); ++t)
        idf[t] = std::log(1.0 + n / documentFrequency[t]);
    for (std::size_t s = 0; s < candidates.size(); ++s) {
        SparseVector v;
        v.reserve(static_cast<std::size_t>(counts[s].size()));
        double norm = 0.0;
        for (auto it = counts[s].cbegin(); it != counts[s].cend(); ++it) {
            const double w
                = (1.0 + std::log(static_cast<double>(it.value()))) * idf[static_cast<std::size_t>(it.key())];
            v.emplace_back(it.key(), static_cast<float>(w));
            norm += w * w;
        }
        norm = std::sqrt(norm);
        for (auto& [id, w] : v)
            w = static_cast<float>(w / norm);
        std::sort(v.begin(), v.end());
        candidates[s].vector = std::move(v);
    }
}

/// Centrality: cosine to the centroid of all sentences, scaled to 0..1, times a length factor
/// (short fragments and run-on lists make weak points), plus the mild position prior.
void scoreCentrality(std::vector<Candidate>& candidates, std::size_t vocabulary)
{
    std::vector<double> centroid(vocabulary, 0.0);
    for (const Candidate& c : candidates) {
        for (const auto& [id, w] : c.vector)
            centroid[static_cast<std::size_t>(id)] += w;
    }
    double best = 0.0;
    for (Candidate& c : candidates) {
        double sum = 0.0;
        for (const auto& [id, w] : c.vector)
            sum += w * centroid[static_cast<std::size_t>(id)];
        // Cosine favours short sentences of a few frequent words; they say little on their own.
        const double lengthFactor = c.words < 15 ? std::sqrt(c.words / 15.0)
            : c.words > 50                       ? std::sqrt(50.0 / c.words)
                                                 : 1.0;
        c.score = sum * lengthFactor;
        best = std::max(best, c.score);
    }
    for (Candidate& c : candidates) {
        const double centrality = best > 0 ? c.score / best : 0.0;
        c.score = (1.0 - kPositionWeight) * centrality + kPositionWeight * std::exp(-5.0 * c.relativePosition);
    }
}

/// Related words for a few aspects case workers ask for, so "Fristen" also finds "spätestens
/// innerhalb eines Monats". Keys and words are stemmed like the text.
QList<QString> expandAspect(const QList<QString>& aspectTerms)
{
    static const std::pair<const char*, const char*> kRelated[] = {
        { "Frist", "Termin spätestens innerhalb befristet Stichtag fällig Ablauf verlängert" },
        { "deadline", "Frist Termin spätestens innerhalb Stichtag" },
        { "Kosten", "Gebühr Betrag Euro Entgelt Auslagen Preis Haushaltsmittel Finanzierung" },
        { "Gebühr", "Kosten Betrag Euro Entgelt Auslagen" },
        { "cost", "Kosten Gebühr Betrag Euro" },
        { "Zuständigkeit", "zuständig verantwortlich Behörde federführend" },
        { "Datenschutz", "personenbezogen Daten Verarbeitung Einwilligung" },
    };
    QList<QString> related;
    for (const auto& [key, words] : kRelated) {
        const QList<QString> keyTerms = contentTerms(QString::fromUtf8(key));
        if (keyTerms.isEmpty())
            continue;
        const bool matches = std::any_of(
            aspectTerms.begin(), aspectTerms.end(), [&](const QString& t) { return t.contains(keyTerms.front()); });
        if (matches)
            related += contentTerms(QString::fromUtf8(words));
    }
    return related;
}

/// How well a sentence covers the aspect: 1 per aspect term it contains (also inside a
/// compound: "Widerspruchsfrist" covers "Frist"), 0.5 per related word; 0 when it has none.
double aspectCoverage(const Candidate& c, const QList<QString>& aspectTerms, const QList<QString>& related)
{
    double covered = 0.0;
    for (const QString& a : aspectTerms) {
        double best = 0.0;
        for (const QString& t : c.terms) {
            if (t == a)
                best = 1.0;
            else if (a.size() >= 4 && t.contains(a))
                best = std::max(best, 0.9);
            else if (t.size() >= 5 && a.contains(t))
                best = std::max(best, 0.6); // "Frist" in a sentence, aspect "Kündigungsfristen"
        }
        covered += best;
    }
    double relatedHits = 0.0;
    for (const QString& r : related) {
        if (std::any_of(c.terms.begin(), c.terms.end(), [&](const QString& t) { return t == r || t.startsWith(r); }))
            relatedHits += 0.5;
    }
    return (covered + std::min(relatedHits, 1.0)) / static_cast<double>(aspectTerms.size());
}

/// Maximal marginal relevance: the best sentence first, then those that add the most that is
/// not said yet; near-duplicates are never taken.
std::vector<const Candidate*> selectPoints(const std::vector<const Candidate*>& pool, int wanted)
{
    std::vector<const Candidate*> chosen;
    std::vector<bool> taken(pool.size(), false);
    while (static_cast<int>(chosen.size()) < wanted) {
        double bestValue = -1e9;
        std::size_t best = pool.size();
        for (std::size_t i = 0; i < pool.size(); ++i) {
            if (taken[i])
                continue;
            double redundancy = 0.0;
            for (const Candidate* c : chosen)
                redundancy = std::max(redundancy, dot(pool[i]->vector, c->vector));
            if (redundancy >= kDuplicateSimilarity) {
                taken[i] = true;
                continue;
            }
            const double value = kLambda * pool[i]->score - (1.0 - kLambda) * redundancy;
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        if (best == pool.size())
            break;
        taken[best] = true;
        chosen.push_back(pool[best]);
    }
    return chosen;
}

} // namespace

QString summaryLengthName(SummaryLength length)
{
    switch (length) {
    case SummaryLength::Short: return QStringLiteral("short");
    case SummaryLength::Medium: return QStringLiteral("medium");
    case SummaryLength::Long: return QStringLiteral("long");
    }
    return {};
}

std::optional<SummaryLength> parseSummaryLength(const QString& name)
{
    for (auto l : { SummaryLength::Short, SummaryLength::Medium, SummaryLength::Long }) {
        if (summaryLengthName(l) == name)
            return l;
    }
    return std::nullopt;
}

QList<SummaryPoint> extractiveSummary(
    const QList<SummaryPassage>& passages, SummaryLength length, const QString& aspect)
{
    std::vector<Candidate> candidates = collectSentences(passages);
    if (candidates.empty())
        return {};
    QHash<QString, int> ids;
    std::vector<double> idf;
    weighTerms(candidates, ids, idf);
    scoreCentrality(candidates, idf.size());

    std::vector<Candidate*> ranked;
    ranked.reserve(candidates.size());
    const QList<QString> aspectTerms = contentTerms(aspect);
    if (!aspectTerms.isEmpty()) {
        const QList<QString> related = expandAspect(aspectTerms);
        for (Candidate& c : candidates) {
            const double coverage = aspectCoverage(c, aspectTerms, related);
            if (coverage <= 0.0)
                continue;
            c.score = 0.6 * std::min(coverage, 1.0) + 0.4 * c.score;
            ranked.push_back(&c);
        }
    }
    if (ranked.empty()) {
        // No aspect, or no sentence mentions it: the general summary.
        for (Candidate& c : candidates)
            ranked.push_back(&c);
    }
    std::sort(ranked.begin(), ranked.end(), [](const Candidate* a, const Candidate* b) { return a->score > b->score; });
    std::vector<const Candidate*> pool(
        ranked.begin(), ranked.begin() + std::min<std::ptrdiff_t>(kPoolSize, std::ssize(ranked)));
    std::vector<const Candidate*> chosen = selectPoints(pool, pointsFor(length));
    std::sort(chosen.begin(), chosen.end(), [](const Candidate* a, const Candidate* b) { return a->order < b->order; });

    QList<SummaryPoint> points;
    points.reserve(static_cast<qsizetype>(chosen.size()));
    for (const Candidate* c : chosen)
        points.append(SummaryPoint { c->text, c->page, c->documentId, c->score });
    return points;
}

} // namespace genius::services
