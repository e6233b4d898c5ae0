#pragma once

#include "core/common/error.h"
#include "core/index/search.h"

#include <QSqlDatabase>
#include <QVariantList>
#include <QVector>

#include <memory>
#include <vector>

namespace genius::index {

class VectorIndex;

/// The distinct indexed terms of a query's content words: German function and question
/// words are left out unless nothing else is left (what lexical retrieval searches for).
QStringList contentTerms(const QString& query);

/// Ranked retrieval over one index connection: BM25 over German-stemmed terms fused with a
/// trigram side index (compounds), exact vector search per embedding model, and hybrid
/// retrieval by reciprocal rank fusion. Lives on the thread that owns the connection.
class Retriever final
{
public:
    explicit Retriever(QSqlDatabase db);
    ~Retriever();
    Retriever(const Retriever&) = delete;
    Retriever& operator=(const Retriever&) = delete;

    /// BM25 (genius_bm25: heading weighted above text, term proximity, German nouns weighted
    /// up, function words dropped) over chunks_fts for the OR of the query's words, fused
    /// (RRF) with the trigram side index, which finds stems inside compounds. Only chunks of
    /// ready documents within the filter. Any user input is safe: words are quoted, never
    /// parsed as FTS5 syntax. An empty query or one without words gives an empty list;
    /// topK <= 0 is InvalidArgument; SQL failures are Io or Corrupt.
    common::Result<QList<SearchHit>> lexical(const QString& query, const SearchFilter& filter, int topK);
    /// `queryVector` from the same model that embedded the chunks. Exact cosine similarity over
    /// the embeddings of ready documents (loaded once per model, see invalidateVectors());
    /// the filter, status and class are checked against the documents table on every call.
    /// A vector of another dimension than the model's is InvalidArgument.
    common::Result<QList<SearchHit>> vector(const QString& model, const QVector<float>& queryVector,
                                            const SearchFilter& filter, int topK);
    /// Reciprocal rank fusion (k = 60) of lexical and vector results (topK × 4 candidates
    /// each). An empty `queryVector` or a model without embeddings gives the lexical ranking.
    common::Result<QList<SearchHit>> hybrid(const QString& query, const QString& model,
                                            const QVector<float>& queryVector, const SearchFilter& filter, int topK);

    /// Drops cached vectors (call after embeddings were added or removed).
    void invalidateVectors();

    /// Knobs of lexical retrieval. The defaults were tuned on the dev half of GermanQuAD
    /// (tests/benchmarks/README.md); benchmarks switch ingredients off to show their effect.
    struct LexicalTuning {
        double headingWeight = 3.0;  ///< weight of the heading column (term frequency factor)
        double textWeight = 1.0;     ///< weight of the text column
        double k1 = 1.2;             ///< BM25 term-frequency saturation
        double b = 0.5;              ///< BM25 length normalisation
        double proximity = 0.25;     ///< weight of occurrences near another query term (BM25TP)
        int proximityWindow = 8;     ///< tokens within which two query terms count as near
        double nounWeight = 1.5;     ///< weight of capitalised query words after the first (German nouns)
        bool dropStopwords = true;   ///< leave German function and question words out of the query
        double trigramWeight = 0.1;  ///< weight of the trigram ranking in the fusion (0: off)
        int fusionK = 10;            ///< RRF constant of the BM25 + trigram fusion
        int candidates = 50;         ///< at least this many candidates per ranking before fusion
    };
    /// Replaces the lexical knobs (for benchmarks and experiments).
    void setLexicalTuning(const LexicalTuning& tuning);
    /// The lexical knobs in use.
    LexicalTuning lexicalTuning() const;

private:
    struct Ranked {
        qint64 chunkId = 0;
        double score = 0.0;
    };
    struct DocumentRows {
        qint64 documentId = 0;
        qsizetype first = 0;
        qsizetype end = 0;
    };

    common::Result<QList<Ranked>> lexicalRanking(const QString& query, const SearchFilter& filter, int depth);
    common::Result<QList<Ranked>> trigramRanking(const QList<QStringList>& groups, const QString& whereSql,
                                                 const QVariantList& whereValues, int limit);
    common::Result<QList<Ranked>> vectorRanking(const QString& model, const QVector<float>& queryVector,
                                                const SearchFilter& filter, int depth);
    common::Result<void> loadVectors(const QString& model);
    common::Result<QList<SearchHit>> fillHits(const QList<Ranked>& ranking, const SearchFilter& filter, int topK);

    QSqlDatabase m_db;
    QString m_cachedModel;
    std::unique_ptr<VectorIndex> m_vectors;
    std::vector<DocumentRows> m_vectorDocuments; ///< rows of the cached index, grouped by document
    LexicalTuning m_tuning;
    bool m_trigramVocabularyReady = false;
};

} // namespace genius::index
