#include "core/services/askservice.h"

#include "core/index/evidence.h"
#include "core/index/germantokenizer.h"
#include "core/index/indexdatabase.h"
#include "core/index/retriever.h"
#include "core/services/citations.h"
#include "core/services/contextbudget.h"
#include "core/services/documentsources.h"
#include "core/services/functionrunner.h"
#include "core/services/prompts.h"
#include "core/services/searchservice.h"

#include <QPointer>

#include <algorithm>

namespace genius::services {

using common::ErrorCode;
using domain::ProtectionClass;
using index::SearchMode;

namespace {

constexpr int kQuestionMargin = 32;

ProtectionClass highestClass(const QList<AnswerSource>& sources, ProtectionClass base)
{
    for (const AnswerSource& source : sources)
        base = domain::higherOf(base, source.protectionClass);
    return base;
}

QStringList documentIdsOf(const QList<AnswerSource>& sources)
{
    QStringList ids;
    for (const AnswerSource& source : sources) {
        const QString id = QString::number(source.documentId);
        if (source.documentId > 0 && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

/// Drops the pages of a passage split at page boundaries that share no term with the
/// question (a passage that runs onto the next page often carries an unrelated topic there).
QList<AnswerSource> withoutUnrelatedPages(const QString& question, const QList<AnswerSource>& sources)
{
    const QStringList terms = index::contentTerms(question);
    const auto related = [&terms](const AnswerSource& source) {
        const QStringList own = index::germanTerms(source.text);
        return std::any_of(terms.cbegin(), terms.cend(), [&own](const QString& term) { return own.contains(term); });
    };
    QList<AnswerSource> kept;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const AnswerSource& source = sources.at(i);
        const bool splitPiece = (i > 0 && sources.at(i - 1).documentId == source.documentId
                                 && sources.at(i - 1).page + 1 == source.page)
            || (i + 1 < sources.size() && sources.at(i + 1).documentId == source.documentId
                && sources.at(i + 1).page == source.page + 1);
        if (!splitPiece || related(source))
            kept.append(source);
    }
    return kept.isEmpty() ? sources : kept;
}

int tokensOf(const QList<AnswerSource>& sources)
{
    int total = 0;
    for (const AnswerSource& source : sources)
        total += estimateTokens(source.text) + 8;
    return total;
}

} // namespace

AskService::AskService(index::IndexDatabase& database, SearchService& search, FunctionRunner& runner, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_search(search)
    , m_runner(runner)
    , m_gate(std::make_unique<index::EvidenceGate>(database.connection()))
{
}

AskService::~AskService() = default;

void AskService::ask(const AskRequest& request, QObject* context, Done done)
{
    if (request.documentIds.isEmpty())
        return done(functionError(ErrorCode::InvalidArgument, QStringLiteral("Name at least one document.")));
    ProtectionClass base = m_runner.config().defaultClass;
    QList<index::DocumentRecord> records;
    for (const qint64 id : request.documentIds) {
        const auto document = m_database.document(id);
        if (!document)
            return done(std::unexpected(FunctionFailure{document.error(), {}}));
        if (document->status != index::DocumentStatus::Ready)
            return done(functionError(ErrorCode::InvalidArgument,
                                      QStringLiteral("Document %1 is not ready to be asked (status: %2).")
                                          .arg(id)
                                          .arg(index::documentStatusName(document->status))));
        // The request carries the highest class of everything it may carry.
        base = domain::higherOf(base, document->protectionClass);
        records.append(*document);
    }
    index::SearchFilter filter;
    filter.documents = request.documentIds;
    QPointer<QObject> guardContext(context);
    m_runner.resolveModel(base, this, [this, guardContext, request, records, base, filter, done](
                                          std::expected<ModelResolution, FunctionFailure> resolution) mutable {
        if (!guardContext)
            return;
        if (!resolution)
            return done(std::unexpected(resolution.error()));
        if (!resolution->model)
            return answerLocally(request.question, filter, resolution->localReason, base, guardContext, done);
        const domain::ModelInfo model = *resolution->model;
        const int available = m_runner.budgetFor(model.id).promptTokens()
            - estimateTokens(systemPrompt(AssistantFunction::Ask)) - estimateTokens(request.question) - kQuestionMargin;
        QList<AnswerSource> whole;
        for (const index::DocumentRecord& record : records) {
            auto pages = documentSources(m_database, record);
            if (!pages)
                return done(std::unexpected(FunctionFailure{pages.error(), {}}));
            whole.append(*pages);
        }
        if (tokensOf(whole) <= available)
            return answerFromSources(false, base, model, whole, request.question, guardContext, done);
        // Too long for the context: the passages of these documents that bear on the question.
        filter.maxClass = model.clearance;
        retrieve(request.question, filter, SearchMode::Hybrid, base, kRetrievedPassages, guardContext,
                 [this, guardContext, base, model, request, done](std::expected<Retrieved, FunctionFailure> retrieved) {
                     if (!retrieved)
                         return done(std::unexpected(retrieved.error()));
                     if (retrieved->sources.isEmpty()) {
                         FunctionAnswer answer;
                         answer.evidence = false;
                         answer.local = !retrieved->sentQuery;
                         answer.requestClass = base;
                         return done(answer);
                     }
                     answerFromSources(false, base, model, retrieved->sources, request.question, guardContext, done);
                 });
    });
}

void AskService::research(const ResearchRequest& request, QObject* context, Done done)
{
    index::SearchFilter filter;
    ProtectionClass cap = ProtectionClass::None;
    for (const QString& name : request.collections) {
        const auto collection = m_database.collection(name);
        if (!collection)
            return done(std::unexpected(FunctionFailure{collection.error(), {}}));
        filter.collections.append(collection->id);
        cap = domain::higherOf(cap, collection->protectionClass);
    }
    if (filter.collections.isEmpty())
        return done(functionError(ErrorCode::InvalidArgument, QStringLiteral("Name at least one collection.")));
    const ProtectionClass base = m_runner.config().defaultClass;
    const ProtectionClass wanted = domain::higherOf(base, cap);
    // A very-high collection is researched on this workstation only: not even the question
    // goes to the gateway, since it is asked of very-high content.
    if (wanted == ProtectionClass::VeryHigh)
        return answerLocally(request.question, filter, LocalReason::VeryHigh, wanted, context, done);
    QPointer<QObject> guardContext(context);
    m_runner.resolveModelAtMost(wanted, base, this, [this, guardContext, request, filter, base, wanted, done](
                                                        std::expected<ModelResolution, FunctionFailure> resolution) mutable {
        if (!guardContext)
            return;
        if (!resolution)
            return done(std::unexpected(resolution.error()));
        if (!resolution->model)
            return answerLocally(request.question, filter, resolution->localReason, base, guardContext, done);
        const domain::ModelInfo model = *resolution->model;
        // Retrieval never returns chunks above the clearance of the model that reads them.
        const index::SearchFilter uncapped = filter;
        filter.maxClass = model.clearance;
        retrieve(request.question, filter, SearchMode::Hybrid, base, kRetrievedPassages, guardContext,
                 [this, guardContext, base, wanted, model, request, uncapped, done](std::expected<Retrieved, FunctionFailure> retrieved) {
                     if (!retrieved)
                         return done(std::unexpected(retrieved.error()));
                     const ProtectionClass capped = model.clearance < wanted ? model.clearance : ProtectionClass::VeryHigh;
                     if (retrieved->sources.isEmpty() && capped != ProtectionClass::VeryHigh) {
                         // Nothing the model may read bears on it; the documents above its
                         // clearance may, and they are searched here without sending anything.
                         const LocalReason reason =
                             wanted == ProtectionClass::VeryHigh ? LocalReason::VeryHigh : LocalReason::NoClearedModel;
                         return answerLocally(request.question, uncapped, reason, wanted, guardContext, done);
                     }
                     if (retrieved->sources.isEmpty()) {
                         FunctionAnswer answer;
                         answer.evidence = false;
                         answer.local = !retrieved->sentQuery;
                         answer.requestClass = base;
                         answer.cappedAt = capped;
                         return done(answer);
                     }
                     answerFromSources(true, base, model, retrieved->sources, request.question, guardContext,
                                       [done, capped](FunctionResult result) {
                                           if (result)
                                               result->cappedAt = capped;
                                           done(std::move(result));
                                       });
                 });
    });
}

void AskService::answerLocally(const QString& question, index::SearchFilter filter, LocalReason reason,
                               ProtectionClass baseClass, QObject* context, Done done)
{
    // Nothing leaves: lexical retrieval only, over everything the filter names.
    filter.maxClass = ProtectionClass::VeryHigh;
    retrieve(question, filter, SearchMode::Lexical, ProtectionClass::VeryHigh, kLocalPassages, context,
             [reason, baseClass, done](std::expected<Retrieved, FunctionFailure> retrieved) {
                 if (!retrieved)
                     return done(std::unexpected(retrieved.error()));
                 FunctionAnswer answer;
                 answer.local = true;
                 answer.localReason = reason;
                 answer.evidence = !retrieved->sources.isEmpty();
                 answer.requestClass = highestClass(retrieved->sources, baseClass);
                 QStringList lines;
                 for (qsizetype i = 0; i < retrieved->sources.size(); ++i) {
                     const AnswerSource& source = retrieved->sources.at(i);
                     answer.sources.append(source);
                     const QString page = source.page > 0 ? QStringLiteral(", S. %1").arg(source.page) : QString();
                     const QString line =
                         QStringLiteral("[%1] «%2»%3: %4").arg(i + 1).arg(source.name, page, source.text.simplified());
                     lines.append(line);
                     answer.points.append(AnswerPoint{line, {static_cast<int>(i) + 1}});
                 }
                 answer.text = lines.join(QLatin1Char('\n'));
                 done(answer);
             });
}

void AskService::retrieve(const QString& question, const index::SearchFilter& filter, SearchMode mode,
                          ProtectionClass queryClass, int topK, QObject* context, RetrievedDone done)
{
    SearchRequest search;
    search.query = question;
    search.mode = mode;
    search.filter = filter;
    search.topK = topK;
    search.queryClass = queryClass;
    QPointer<QObject> guardContext(context);
    m_search.search(search, this, [this, guardContext, question, done](common::Result<SearchOutcome> outcome) {
        if (!guardContext)
            return;
        if (!outcome)
            return done(std::unexpected(FunctionFailure{outcome.error(), {}}));
        const auto relevant = m_gate->evidence(question, outcome->hits);
        if (!relevant)
            return done(std::unexpected(FunctionFailure{relevant.error(), {}}));
        auto sources = sourcesFromHits(*relevant);
        if (!sources)
            return done(std::unexpected(FunctionFailure{sources.error(), {}}));
        done(Retrieved{withoutUnrelatedPages(question, *sources), outcome->modeUsed != SearchMode::Lexical});
    });
}

void AskService::answerFromSources(bool research, ProtectionClass baseClass, const domain::ModelInfo& model,
                                   const QList<AnswerSource>& sources, const QString& question, QObject* context,
                                   Done done)
{
    const AssistantFunction function = research ? AssistantFunction::Research : AssistantFunction::Ask;
    const int available = m_runner.budgetFor(model.id).promptTokens() - estimateTokens(systemPrompt(function))
        - estimateTokens(question) - kQuestionMargin;
    const QList<AnswerSource> fitted = fitSources(sources, available);
    const ProtectionClass requestClass = highestClass(fitted, baseClass);
    m_runner.complete(groundedMessages(function, fitted, question), requestClass, model.id, documentIdsOf(fitted),
                      context, {}, [fitted, requestClass, done](std::expected<CompletedTurn, FunctionFailure> turn) {
                          if (!turn)
                              return done(std::unexpected(turn.error()));
                          const MappedCitations mapped = mapCitations(turn->text, fitted);
                          FunctionAnswer answer;
                          answer.text = mapped.text;
                          answer.sources = mapped.sources;
                          answer.points = mapped.points;
                          answer.removedCitations = mapped.removed;
                          answer.model = turn->model;
                          answer.requestClass = requestClass;
                          answer.usage = turn->usage;
                          answer.finishReason = turn->finishReason;
                          answer.requests = 1;
                          done(answer);
                      });
}

common::Result<QList<AnswerSource>> AskService::sourcesFromHits(const QList<index::SearchHit>& hits)
{
    QList<AnswerSource> sources;
    for (const index::SearchHit& hit : hits) {
        if (!m_classes.contains(hit.documentId)) {
            const auto document = m_database.document(hit.documentId);
            if (!document)
                return std::unexpected(document.error());
            m_classes.insert(hit.documentId, document->protectionClass);
        }
        const AnswerSource whole{hit.documentId, hit.documentName, hit.paged ? hit.firstPage : 0,
                                 hit.paged ? hit.lastPage : 0, hit.text, m_classes.value(hit.documentId)};
        if (!hit.paged || hit.firstPage == hit.lastPage) {
            sources.append(whole);
            continue;
        }
        auto split = splitAtPages(whole, hit.start, hit.end);
        if (!split)
            return std::unexpected(split.error());
        sources.append(*split);
    }
    return sources;
}

common::Result<QList<AnswerSource>> AskService::splitAtPages(const AnswerSource& passage, int start, int end)
{
    if (!m_fullTexts.contains(passage.documentId)) {
        auto text = m_database.fullText(passage.documentId);
        if (!text)
            return std::unexpected(text.error());
        m_fullTexts.insert(passage.documentId, *text);
    }
    const QStringList parts = m_fullTexts.value(passage.documentId).mid(start, end - start).split(QLatin1Char('\f'));
    if (parts.size() != passage.lastPage - passage.page + 1)
        return QList<AnswerSource>{passage};
    // One source per page, so that a citation names exactly one page; a sliver of a page
    // (the end of a sentence) joins its neighbour rather than standing alone.
    constexpr qsizetype kSliver = 80;
    QList<AnswerSource> pieces;
    QString carried;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString text = parts.at(i).trimmed();
        if (text.size() < kSliver) {
            if (!pieces.isEmpty())
                pieces.last().text += u' ' + text;
            else
                carried += text + u' ';
            continue;
        }
        AnswerSource piece = passage;
        piece.page = passage.page + static_cast<int>(i);
        piece.lastPage = piece.page;
        piece.text = carried + text;
        carried.clear();
        pieces.append(piece);
    }
    return pieces.isEmpty() ? QList<AnswerSource>{passage} : pieces;
}

} // namespace genius::services
