#include "core/services/summaryservice.h"

#include "core/common/cancellation.h"
#include "core/documents/documentreader.h"
#include "core/index/indexdatabase.h"
#include "core/services/citations.h"
#include "core/services/contextbudget.h"
#include "core/services/documentsources.h"
#include "core/services/functionrunner.h"
#include "core/services/prompts.h"

#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>

namespace genius::services {

using common::ErrorCode;
using domain::ProtectionClass;

namespace {

constexpr int kRequestMargin = 64;
constexpr int kMaxPasses = 4;

QString withoutCitations(const QString& text)
{
    static const QRegularExpression citation(QStringLiteral(R"(\s*\[[\d,;\s\-–]+\])"));
    static const QRegularExpression bullet(QStringLiteral(R"(^\s*(?:[-*•]|\d+[.)])\s+)"));
    return QString(text).remove(citation).remove(bullet).trimmed();
}

/// Splits a passage that is too long for a part into paragraphs (pasted text, long pages).
QList<AnswerSource> splitLong(const QList<AnswerSource>& sources, int maxTokens)
{
    QList<AnswerSource> pieces;
    for (const AnswerSource& source : sources) {
        if (estimateTokens(source.text) <= maxTokens) {
            pieces.append(source);
            continue;
        }
        AnswerSource piece = source;
        piece.text.clear();
        const QStringList paragraphs = source.text.split(QRegularExpression(QStringLiteral(R"(\n\s*\n|\f)")));
        for (const QString& paragraph : paragraphs) {
            if (!piece.text.isEmpty() && estimateTokens(piece.text + paragraph) > maxTokens) {
                pieces.append(piece);
                piece.text.clear();
            }
            // A single paragraph beyond the limit is cut (fitSources would drop it otherwise).
            piece.text += (piece.text.isEmpty() ? QString() : QStringLiteral("\n\n")) + paragraph.left(maxTokens * 3);
        }
        if (!piece.text.trimmed().isEmpty())
            pieces.append(piece);
    }
    return pieces;
}

/// Consecutive groups of sources that each fit into `budget` tokens.
QList<QList<AnswerSource>> groupsOf(const QList<AnswerSource>& sources, int budget)
{
    QList<QList<AnswerSource>> groups(1);
    int used = 0;
    for (const AnswerSource& source : sources) {
        const int cost = estimateTokens(source.text) + estimateTokens(source.name) + 8;
        if (!groups.last().isEmpty() && used + cost > budget) {
            groups.append(QList<AnswerSource>());
            used = 0;
        }
        groups.last().append(source);
        used += cost;
    }
    return groups;
}

} // namespace

struct SummaryService::Job {
    QPointer<QObject> context;
    Done done;
    SummaryRequest request;
    domain::ModelInfo model;
    ProtectionClass requestClass = ProtectionClass::Normal;
    int available = 0;
    int pass = 0;
    FunctionAnswer totals; ///< usage and request count across all passes
};

common::Result<QList<AnswerSource>> readFilePassages(const QString& path, ProtectionClass cls)
{
    auto reader = documents::openDocument(path);
    if (!reader)
        return std::unexpected(reader.error());
    QList<documents::PageText> pages;
    common::CancellationToken never;
    for (int number = 1; number <= (*reader)->pageCount(); ++number) {
        auto page = (*reader)->readPage(number, never);
        if (!page)
            return std::unexpected(page.error());
        pages.append(std::move(*page));
    }
    documents::removeRepeatedHeadersAndFooters(pages);
    return pageSources(pages, 0, QFileInfo(path).fileName(), (*reader)->isPaged(), cls);
}

SummaryService::SummaryService(index::IndexDatabase* database, FunctionRunner& runner, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_runner(runner)
{
}

common::Result<QList<AnswerSource>> SummaryService::collect(const SummaryRequest& request, ProtectionClass* cls) const
{
    if (request.documentId > 0) {
        if (!m_database)
            return common::fail(ErrorCode::Unavailable, QStringLiteral("The index is not open."));
        const auto document = m_database->document(request.documentId);
        if (!document)
            return std::unexpected(document.error());
        if (document->status != index::DocumentStatus::Ready)
            return common::fail(ErrorCode::InvalidArgument, QStringLiteral("Document %1 is not ready (status: %2).")
                                                                .arg(request.documentId)
                                                                .arg(index::documentStatusName(document->status)));
        *cls = document->protectionClass;
        return documentSources(*m_database, *document);
    }
    *cls = request.textClass;
    if (!request.filePath.isEmpty())
        return readFilePassages(request.filePath, request.textClass);
    if (request.text.trimmed().isEmpty())
        return common::fail(ErrorCode::InvalidArgument, QStringLiteral("There is no text to summarise."));
    return QList<AnswerSource>{AnswerSource{0, request.name, 0, 0, request.text, request.textClass}};
}

void SummaryService::summarize(const SummaryRequest& request, QObject* context, Done done)
{
    ProtectionClass textClass = request.textClass;
    auto sources = collect(request, &textClass);
    if (!sources)
        return done(std::unexpected(FunctionFailure{sources.error(), {}}));
    if (sources->isEmpty())
        return done(functionError(ErrorCode::InvalidArgument, QStringLiteral("The document contains no text to summarise.")));
    const ProtectionClass requestClass = domain::higherOf(m_runner.config().defaultClass, textClass);
    auto job = std::make_shared<Job>();
    job->context = context;
    job->done = std::move(done);
    job->request = request;
    job->requestClass = requestClass;
    m_runner.resolveModel(requestClass, this, [this, job, sources = *sources](
                                                  std::expected<ModelResolution, FunctionFailure> resolution) {
        if (!resolution)
            return finish(job, std::unexpected(resolution.error()));
        if (!resolution->model) {
            // Locally: the sentences that represent the text best, each with its page.
            QList<SummaryPassage> passages;
            for (const AnswerSource& source : sources)
                passages.append(SummaryPassage{source.text, source.page, source.documentId});
            FunctionAnswer answer;
            answer.local = true;
            answer.localReason = resolution->localReason;
            answer.requestClass = job->requestClass;
            QStringList lines;
            for (const SummaryPoint& point : extractiveSummary(passages, job->request.length, job->request.aspect)) {
                answer.sources.append(AnswerSource{point.documentId, sources.first().name, point.page, point.page,
                                                   point.text, job->requestClass});
                const int number = static_cast<int>(answer.sources.size());
                const QString line = QStringLiteral("- %1 [%2]").arg(point.text).arg(number);
                lines.append(line);
                answer.points.append(AnswerPoint{line, {number}});
            }
            answer.evidence = !answer.points.isEmpty();
            answer.text = lines.join(QLatin1Char('\n'));
            return finish(job, answer);
        }
        job->model = *resolution->model;
        job->available = m_runner.budgetFor(job->model.id).promptTokens() - estimateTokens(systemPrompt(AssistantFunction::Summarize))
            - estimateTokens(summaryRequest(SummaryLength::Long, job->request.aspect, true)) - kRequestMargin;
        if (job->available < 200)
            return finish(job, functionError(ErrorCode::InvalidArgument,
                                             QStringLiteral("The context window of %1 is too small to summarise.").arg(job->model.id)));
        summarizeSources(job, splitLong(sources, job->available / 2));
    });
}

void SummaryService::summarizeSources(std::shared_ptr<Job> job, QList<AnswerSource> sources)
{
    const QList<QList<AnswerSource>> groups = groupsOf(sources, job->available);
    const bool finalPass = groups.size() == 1 || ++job->pass >= kMaxPasses;
    if (finalPass) {
        const QList<AnswerSource> fitted = fitSources(groups.size() == 1 ? sources : groups.first(), job->available);
        const QString request = summaryRequest(job->request.length, job->request.aspect, false);
        m_runner.complete(groundedMessages(AssistantFunction::Summarize, fitted, request), job->requestClass, job->model.id,
                          {}, this, {}, [this, job, fitted](std::expected<CompletedTurn, FunctionFailure> turn) {
                              if (!turn)
                                  return finish(job, std::unexpected(turn.error()));
                              const MappedCitations mapped = mapCitations(turn->text, fitted);
                              FunctionAnswer answer = job->totals;
                              answer.text = mapped.text;
                              answer.sources = mapped.sources;
                              answer.points = mapped.points;
                              answer.removedCitations = mapped.removed;
                              answer.model = turn->model;
                              answer.requestClass = job->requestClass;
                              answer.finishReason = turn->finishReason;
                              answer.requests += 1;
                              finish(job, answer);
                          });
        return;
    }
    // Map: each part on its own, in order; the points of all parts become the next pass's sources.
    auto points = std::make_shared<QList<AnswerSource>>();
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    // The step holds itself only weakly; the request in flight keeps it alive.
    *next = [this, job, groups, points, weakNext = std::weak_ptr(next)](qsizetype index) {
        const auto self = weakNext.lock();
        if (index == groups.size()) {
            if (points->isEmpty()) {
                FunctionAnswer empty;
                empty.evidence = false;
                empty.requestClass = job->requestClass;
                empty.model = job->model.id;
                empty.requests = job->totals.requests;
                return finish(job, empty);
            }
            return summarizeSources(job, *points);
        }
        const QList<AnswerSource> group = groups.at(index);
        const QString request = summaryRequest(SummaryLength::Medium, job->request.aspect, true);
        m_runner.complete(groundedMessages(AssistantFunction::Summarize, group, request), job->requestClass, job->model.id,
                          {}, this, {}, [this, job, group, points, self, index](std::expected<CompletedTurn, FunctionFailure> turn) {
                              if (!turn)
                                  return finish(job, std::unexpected(turn.error()));
                              job->totals.requests += 1;
                              const MappedCitations mapped = mapCitations(turn->text, group);
                              for (const AnswerPoint& point : mapped.points) {
                                  if (point.sources.isEmpty())
                                      continue; // a statement without a source cannot be anchored
                                  const AnswerSource& first = mapped.sources.at(point.sources.first() - 1);
                                  AnswerSource anchored = first;
                                  anchored.text = withoutCitations(point.text);
                                  for (int n : point.sources)
                                      anchored.lastPage = std::max(anchored.lastPage, mapped.sources.at(n - 1).lastPage);
                                  if (!anchored.text.isEmpty())
                                      points->append(anchored);
                              }
                              (*self)(index + 1);
                          });
    };
    (*next)(0);
}

void SummaryService::finish(std::shared_ptr<Job> job, FunctionResult result)
{
    if (job->context)
        job->done(std::move(result));
}

} // namespace genius::services
