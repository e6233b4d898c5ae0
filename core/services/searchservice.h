#pragma once

#include "core/common/error.h"
#include "core/index/search.h"

#include <QObject>

#include <functional>
#include <memory>

namespace genius::index {
class EmbeddingProvider;
class IndexDatabase;
class Retriever;
}

namespace genius::services {

/// A search request.
struct SearchRequest {
    QString query;
    index::SearchMode mode = index::SearchMode::Hybrid;
    index::SearchFilter filter;
    int topK = 10;
    /// Class under which the query text itself may be sent to the embedding model.
    domain::ProtectionClass queryClass = domain::ProtectionClass::Normal;
};

/// What a search found and how.
struct SearchOutcome {
    QList<index::SearchHit> hits;
    index::SearchMode modeUsed = index::SearchMode::Lexical;
    QString note; ///< why a hybrid search fell back to lexical, untranslated; empty otherwise
};

/// Searches the local index. Lexical search never leaves the machine; vector and hybrid
/// search embed the query through the embedding provider (guarded and audited there) and
/// fall back to lexical results, with a note, when no vector can be had.
class SearchService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchService)

public:
    SearchService(index::IndexDatabase& database, index::EmbeddingProvider* embeddings, QObject* parent = nullptr);
    ~SearchService() override;

    using Done = std::function<void(common::Result<SearchOutcome>)>;
    void search(const SearchRequest& request, QObject* context, Done done);

private:
    void finishLexical(const SearchRequest& request, const QString& note, const Done& done);

    index::IndexDatabase& m_database;
    index::EmbeddingProvider* m_embeddings;
    std::unique_ptr<index::Retriever> m_retriever;
};

} // namespace genius::services
