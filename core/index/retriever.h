#pragma once

#include "core/common/error.h"
#include "core/index/search.h"

#include <QSqlDatabase>
#include <QVector>

#include <memory>

namespace genius::index {

class VectorIndex;

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

    common::Result<QList<SearchHit>> lexical(const QString& query, const SearchFilter& filter, int topK);
    /// `queryVector` from the same model that embedded the chunks.
    common::Result<QList<SearchHit>> vector(const QString& model, const QVector<float>& queryVector,
                                            const SearchFilter& filter, int topK);
    common::Result<QList<SearchHit>> hybrid(const QString& query, const QString& model,
                                            const QVector<float>& queryVector, const SearchFilter& filter, int topK);

    /// Drops cached vectors (call after embeddings were added or removed).
    void invalidateVectors();

private:
    QSqlDatabase m_db;
    QString m_cachedModel;
    std::unique_ptr<VectorIndex> m_vectors;
};

} // namespace genius::index
