#pragma once

#include "core/common/error.h"
#include "core/index/search.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

namespace genius::index {

/// Whether retrieved passages bear on a question at all. Ranked retrieval always returns
/// something; a question about a subject the index does not contain must instead get a plain
/// "no evidence". The measure is the share of the question's content terms, weighted by
/// their inverse document frequency in the index, that occur in the passages: rare terms
/// (the subject) count, common ones ("Gesetz", "regelt") hardly.
class EvidenceGate final
{
public:
    explicit EvidenceGate(QSqlDatabase db);

    /// IDF-weighted share (0..1) of the query's content terms found in the passages' terms
    /// (question fillers such as "genau" left out). A term also counts when it and a passage
    /// term of five or more letters contain one another, weighted then by the rarer of the two.
    /// A query without content terms covers nothing (0).
    common::Result<double> coverage(const QString& query, const QList<SearchHit>& passages);

    /// The hits that count as evidence: when the top `window` hits together cover at least
    /// `threshold` of the query, those of them that contain any weighted term; else none.
    common::Result<QList<SearchHit>> evidence(const QString& query, const QList<SearchHit>& hits,
                                              double threshold = 0.5, int window = 5);

private:
    common::Result<double> inverseDocumentFrequency(const QString& term);

    QSqlDatabase m_db;
    QHash<QString, double> m_idf;
    qint64 m_chunks = -1;
};

} // namespace genius::index
