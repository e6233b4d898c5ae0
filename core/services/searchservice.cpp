#include "core/services/searchservice.h"

#include "core/index/embeddingprovider.h"
#include "core/index/indexdatabase.h"
#include "core/index/retriever.h"

#include <QPointer>

namespace genius::services {

using common::ErrorCode;
using index::SearchMode;

SearchService::SearchService(index::IndexDatabase& database, index::EmbeddingProvider* embeddings, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_embeddings(embeddings)
    , m_retriever(std::make_unique<index::Retriever>(database.connection()))
{
}

SearchService::~SearchService() = default;

void SearchService::finishLexical(const SearchRequest& request, const QString& note, const Done& done)
{
    auto hits = m_retriever->lexical(request.query, request.filter, request.topK);
    if (!hits)
        return done(std::unexpected(hits.error()));
    done(SearchOutcome{std::move(*hits), SearchMode::Lexical, note});
}

void SearchService::search(const SearchRequest& request, QObject* context, Done done)
{
    if (request.mode == SearchMode::Lexical)
        return finishLexical(request, QString(), done);
    const bool vectorOnly = request.mode == SearchMode::Vector;
    if (!m_embeddings) {
        if (vectorOnly)
            return done(common::fail(ErrorCode::Unavailable, QStringLiteral("Vector search needs a configured gateway.")));
        return finishLexical(request, QStringLiteral("No gateway is configured: lexical results only."), done);
    }
    QPointer<QObject> guardContext(context);
    m_embeddings->prepare(this, [this, guardContext, request, done, vectorOnly](QString model, domain::ProtectionClass) {
        if (!guardContext)
            return;
        if (model.isEmpty()) {
            if (vectorOnly)
                return done(common::fail(ErrorCode::Unavailable, QStringLiteral("No embedding model of the gateway is usable.")));
            return finishLexical(request, QStringLiteral("No embedding model is usable: lexical results only."), done);
        }
        m_embeddings->embed({request.query}, request.queryClass, {}, this,
                            [this, guardContext, request, done, vectorOnly, model](common::Result<QList<QVector<float>>> vectors) {
                                if (!guardContext)
                                    return;
                                if (!vectors || vectors->isEmpty()) {
                                    const common::Error error = vectors ? common::Error{ErrorCode::Unavailable,
                                                                                        QStringLiteral("The gateway returned no vector.")}
                                                                        : vectors.error();
                                    if (vectorOnly || error.code == ErrorCode::Refused)
                                        return done(std::unexpected(error));
                                    return finishLexical(request, error.detail + QStringLiteral(" Lexical results only."), done);
                                }
                                const QVector<float>& query = vectors->first();
                                auto hits = vectorOnly
                                                ? m_retriever->vector(model, query, request.filter, request.topK)
                                                : m_retriever->hybrid(request.query, model, query, request.filter, request.topK);
                                if (!hits)
                                    return done(std::unexpected(hits.error()));
                                done(SearchOutcome{std::move(*hits), request.mode, QString()});
                            });
    });
}

} // namespace genius::services
