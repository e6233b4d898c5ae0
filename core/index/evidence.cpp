#include "core/index/evidence.h"

#include "core/index/germantokenizer.h"
#include "core/index/retriever.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace genius::index {

using common::ErrorCode;

namespace {

// fts5vocab over the chunks' full-text index: one row per term with its document count.
const QString kCreateVocabulary = QStringLiteral(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocabulary USING fts5vocab(main, chunks_fts, row)");
const QString kDocumentFrequency = QStringLiteral("SELECT doc FROM temp.chunks_vocabulary WHERE term = :term");
const QString kChunkCount = QStringLiteral("SELECT count(*) FROM chunks");

QSet<QString> termsOf(const QList<SearchHit>& passages)
{
    QSet<QString> terms;
    for (const SearchHit& hit : passages) {
        for (const QString& term : germanTerms(hit.heading + u' ' + hit.text))
            terms.insert(term);
    }
    return terms;
}

/// The passage term that stands for a query term: the term itself, else the longest term of
/// at least five letters that it contains or that contains it — German derivations and
/// compounds ("beantragt" / "Antrag", "Hundesteuer" / "Steuer") share such a core. Empty
/// when there is none.
QString matchOf(const QString& term, const QSet<QString>& found)
{
    if (found.contains(term))
        return term;
    constexpr qsizetype kCore = 5;
    QString best;
    if (term.size() < kCore)
        return best;
    for (const QString& other : found) {
        if (other.size() >= kCore && other.size() > best.size() && (term.contains(other) || other.contains(term)))
            best = other;
    }
    return best;
}

/// Words that fill a question without naming its subject ("Was genau …", "Was braucht man …");
/// rarer in statutes than the subject itself, they would otherwise outweigh it.
const QSet<QString>& questionFillers()
{
    static const QSet<QString> fillers = [] {
        QSet<QString> terms;
        const QString words = QStringLiteral(
            "genau eigentlich konkret überhaupt wirklich bitte gerne tun tut macht machen bekommt bekomme bekommen "
            "braucht brauche brauchen geht gehen kommt kommen bleibt erklären erkläre erklärt nennen nenne "
            "sagen sage sagt wissen weiß");
        for (const QString& term : germanTerms(words))
            terms.insert(term);
        return terms;
    }();
    return fillers;
}

/// The question's content terms without the fillers (unless nothing else is left).
QStringList subjectTerms(const QString& query)
{
    const QStringList terms = contentTerms(query);
    QStringList subject;
    for (const QString& term : terms) {
        if (!questionFillers().contains(term))
            subject.append(term);
    }
    return subject.isEmpty() ? terms : subject;
}

} // namespace

EvidenceGate::EvidenceGate(QSqlDatabase db)
    : m_db(std::move(db))
{
}

common::Result<double> EvidenceGate::inverseDocumentFrequency(const QString& term)
{
    if (const auto cached = m_idf.constFind(term); cached != m_idf.cend())
        return *cached;
    QSqlQuery query(m_db);
    if (m_chunks < 0) {
        if (!query.exec(kCreateVocabulary) || !query.exec(kChunkCount) || !query.next())
            return common::fail(ErrorCode::Io, QStringLiteral("Cannot read the term statistics: %1.")
                                                   .arg(query.lastError().text()));
        m_chunks = query.value(0).toLongLong();
    }
    query.prepare(kDocumentFrequency);
    query.bindValue(QStringLiteral(":term"), term);
    if (!query.exec())
        return common::fail(ErrorCode::Io, QStringLiteral("Cannot read the term statistics: %1.")
                                               .arg(query.lastError().text()));
    const double frequency = query.next() ? query.value(0).toDouble() : 0.0;
    // BM25's IDF, floored at a small positive weight so that even very common terms count a little.
    const double n = static_cast<double>(m_chunks);
    const double idf = std::max(0.05, std::log((n - frequency + 0.5) / (frequency + 0.5) + 1.0));
    m_idf.insert(term, idf);
    return idf;
}

common::Result<double> EvidenceGate::coverage(const QString& query, const QList<SearchHit>& passages)
{
    const QStringList terms = subjectTerms(query);
    if (terms.isEmpty())
        return 0.0;
    const QSet<QString> found = termsOf(passages);
    double total = 0.0;
    double covered = 0.0;
    for (const QString& term : terms) {
        const auto idf = inverseDocumentFrequency(term);
        if (!idf)
            return std::unexpected(idf.error());
        total += *idf;
        const QString match = matchOf(term, found);
        if (match.isEmpty())
            continue;
        // A match through a shared core counts only as much as that core is rare: a compound
        // found nowhere ("Einkommensteuererklärung") is not found through a common part ("Erklärung").
        const auto matchIdf = match == term ? idf : inverseDocumentFrequency(match);
        if (!matchIdf)
            return std::unexpected(matchIdf.error());
        covered += std::min(*idf, *matchIdf);
    }
    return total > 0.0 ? covered / total : 0.0;
}

common::Result<QList<SearchHit>> EvidenceGate::evidence(const QString& query, const QList<SearchHit>& hits,
                                                        double threshold, int window)
{
    const QList<SearchHit> top = hits.mid(0, window);
    const auto share = coverage(query, top);
    if (!share)
        return std::unexpected(share.error());
    if (*share < threshold)
        return QList<SearchHit>();
    const QStringList terms = subjectTerms(query);
    QList<SearchHit> kept;
    for (const SearchHit& hit : hits) {
        const QSet<QString> hitTerms = termsOf({hit});
        if (std::any_of(terms.cbegin(), terms.cend(), [&](const QString& term) { return !matchOf(term, hitTerms).isEmpty(); }))
            kept.append(hit);
    }
    return kept;
}

} // namespace genius::index
