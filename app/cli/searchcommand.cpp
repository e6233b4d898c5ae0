#include "app/cli/searchcommand.h"

#include "app/cli/indexsession.h"
#include "app/cli/output.h"
#include "app/cli/syncsession.h"
#include "core/index/indexdatabase.h"
#include "core/services/searchservice.h"
#include "core/settings/settings.h"

#include <QJsonArray>
#include <QJsonObject>

namespace genius::cli {

using index::SearchMode;

SearchCommand::SearchCommand() = default;
SearchCommand::~SearchCommand() = default;

QString SearchCommand::summary() const
{
    return tr("Search the imported documents for passages");
}

QString SearchCommand::usage() const
{
    return tr("Usage: genius-cli search [--collection NAME] [--document ID] [--top-k N]\n"
              "                         [--mode lexical|vector|hybrid] QUERY...\n"
              "\n"
              "Ranked passages with document, page and score. lexical runs entirely on this\n"
              "workstation (German stemming, compound-friendly matching); vector and hybrid (the\n"
              "default) send the query text to the gateway's embedding model. Without a gateway,\n"
              "hybrid falls back to lexical and says so on standard error.");
}

void SearchCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments,
                              {{QStringLiteral("collection"), true},
                               {QStringLiteral("document"), true},
                               {QStringLiteral("top-k"), true},
                               {QStringLiteral("mode"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    services::SearchRequest request;
    request.query = parsed->positional.join(QLatin1Char(' ')).trimmed();
    if (request.query.isEmpty()) {
        context.output.error(tr("No query given. Run 'genius-cli search --help'."));
        return done(ExitCode::Usage);
    }
    const QString mode = parsed->has(QStringLiteral("mode")) ? parsed->value(QStringLiteral("mode")) : QStringLiteral("hybrid");
    if (mode == QLatin1String("lexical"))
        request.mode = SearchMode::Lexical;
    else if (mode == QLatin1String("vector"))
        request.mode = SearchMode::Vector;
    else if (mode == QLatin1String("hybrid"))
        request.mode = SearchMode::Hybrid;
    else {
        context.output.error(tr("Unknown search mode '%1'; use lexical, vector or hybrid.").arg(mode));
        return done(ExitCode::Usage);
    }
    if (parsed->has(QStringLiteral("top-k"))) {
        bool ok = false;
        request.topK = parsed->value(QStringLiteral("top-k")).toInt(&ok);
        if (!ok || request.topK < 1 || request.topK > 1000) {
            context.output.error(tr("--top-k takes a number from 1 to 1000."));
            return done(ExitCode::Usage);
        }
    }
    request.queryClass = domain::parseProtectionClass(context.settings.text(settings::keys::ProtectionDefaultClass))
                             .value_or(domain::ProtectionClass::Normal);

    m_session = std::make_unique<IndexSession>(context);
    if (!m_session->open())
        return done(m_session->openError());
    auto& database = m_session->database();
    syncBeforeReading(context, database);
    if (parsed->has(QStringLiteral("collection"))) {
        const auto collection = database.collection(parsed->value(QStringLiteral("collection")));
        if (!collection) {
            context.output.error(collection.error().detail);
            return done(exitCodeFor(collection.error()));
        }
        if (!mayReadCollection(context, *collection, tr("search the unpublished collection \"%1\"").arg(collection->name)))
            return done(ExitCode::GatewayRefused);
        request.filter.collections = {collection->id};
    }
    if (parsed->has(QStringLiteral("document"))) {
        const auto id = parseDocumentId(parsed->value(QStringLiteral("document")));
        const auto record = id ? database.document(*id)
                               : common::Result<index::DocumentRecord>(common::fail(
                                     common::ErrorCode::NotFound,
                                     tr("There is no document with id %1.").arg(parsed->value(QStringLiteral("document")))));
        if (!record) {
            context.output.error(record.error().detail);
            return done(exitCodeFor(record.error()));
        }
        request.filter.documents = {*id};
    }
    const Output& output = context.output;
    const auto start = [this, request, &output, done] {
        m_search = std::make_unique<services::SearchService>(m_session->database(), m_session->embeddings());
        m_search->search(request, m_search.get(), [&output, done](common::Result<services::SearchOutcome> outcome) {
            if (!outcome) {
                output.error(outcome.error().detail);
                return done(exitCodeFor(outcome.error()));
            }
            if (!outcome->note.isEmpty())
                output.error(outcome->note);
            QJsonArray array;
            int rank = 0;
            for (const auto& hit : std::as_const(outcome->hits)) {
                ++rank;
                if (output.json()) {
                    array.append(QJsonObject{{QStringLiteral("document"), static_cast<double>(hit.documentId)},
                                             {QStringLiteral("name"), hit.documentName},
                                             {QStringLiteral("page"), hit.paged ? QJsonValue(hit.firstPage) : QJsonValue()},
                                             {QStringLiteral("score"), hit.score},
                                             {QStringLiteral("text"), hit.text},
                                             {QStringLiteral("heading"), hit.heading}});
                    continue;
                }
                const QString where = hit.paged ? tr("%1, p. %2").arg(hit.documentName).arg(hit.firstPage) : hit.documentName;
                output.line(QStringLiteral("%1. [%2] %3  (%4)").arg(rank).arg(hit.documentId).arg(where).arg(hit.score, 0, 'f', 4));
                if (!hit.heading.isEmpty())
                    output.line(QStringLiteral("   ") + hit.heading);
                QString excerpt = hit.text.simplified();
                if (excerpt.size() > 300)
                    excerpt = excerpt.left(297) + QStringLiteral("...");
                output.line(QStringLiteral("   ") + excerpt);
            }
            if (output.json())
                output.jsonValue(array);
            done(ExitCode::Success);
        });
    };
    if (request.mode == SearchMode::Lexical)
        return start();
    m_session->connectGateway(start);
}

} // namespace genius::cli
