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

/// A term is found when it occurs, or when it and a passage term of at least five letters
/// contain one another: German derivations and compounds ("beantragt" / "Antrag",
/// "Hundesteuer" / "Steuer") share such a core.
bool isFound(const QString& term, const QSet<QString>& found)
{
    if (found.contains(term))
        return true;
    constexpr qsizetype kCore = 5;
    if (term.size() < kCore)
        return false;
    return std::any_of(found.cbegin(), found.cend(), [&term](const QString& other) {
        return other.size() >= kCore && (term.contains(other) || other.contains(term));
    });
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
    const QStringList terms = contentTerms(query);
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
        if (isFound(term, found))
            covered += *idf;
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
    const QStringList terms = contentTerms(query);
    QList<SearchHit> kept;
    for (const SearchHit& hit : hits) {
        const QSet<QString> hitTerms = termsOf({hit});
        if (std::any_of(terms.cbegin(), terms.cend(), [&](const QString& term) { return isFound(term, hitTerms); }))
            kept.append(hit);
    }
    return kept;
}

} // namespace genius::index
