#include "app/cli/askcommand.h"

#include "app/cli/functionoutput.h"
#include "app/cli/functionsession.h"
#include "app/cli/indexsession.h"
#include "app/cli/interrupt.h"
#include "app/cli/output.h"
#include "app/cli/storesession.h"
#include "app/cli/syncsession.h"
#include "core/index/indexdatabase.h"
#include "core/services/askservice.h"
#include "core/services/functionrunner.h"

namespace genius::cli {

AskCommand::AskCommand() = default;
AskCommand::~AskCommand() = default;

QString AskCommand::summary() const
{
    return tr("Ask a question of one imported document, with citations");
}

QString AskCommand::usage() const
{
    return tr("Usage: genius-cli ask --document ID[,ID...] QUESTION...\n"
              "\n"
              "Answers from the document(s) only and cites their pages as [n]. Documents that\n"
              "fit the model's context go in whole; longer ones through retrieval within them. The\n"
              "request carries the highest of the documents' classes and protection/defaultClass and\n"
              "goes only to a model cleared for it. When no model may read it (very-high, no\n"
              "gateway, none cleared) the best passages are shown instead and nothing is sent\n"
              "(--json: \"local\": true). QUESTION '-' reads standard input.");
}

void AskCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments, {{QStringLiteral("document"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    // One document, or several as "ID,ID,…".
    QList<qint64> ids;
    for (const QString& part : parsed->value(QStringLiteral("document")).split(QLatin1Char(','))) {
        const auto id = parseDocumentId(part);
        if (!id) {
            context.output.error(tr("Name the document with --document ID (see 'genius-cli documents')."));
            return done(ExitCode::Usage);
        }
        ids.append(*id);
    }
    const QString question = textArgument(*parsed);
    if (question.isEmpty()) {
        context.output.error(tr("No question given. Run 'genius-cli ask --help'."));
        return done(ExitCode::Usage);
    }
    m_session = std::make_unique<FunctionSession>(context);
    const Output& output = context.output;
    m_session->open([this, &output, ids, question, done](ExitCode ready) {
        if (ready != ExitCode::Success)
            return done(ready);
        onInterrupt(m_session.get(), [this] { m_session->runner().cancel(); });
        m_session->ask().ask({ids, question}, m_session.get(), [&output, done](services::FunctionResult result) {
            done(printFunctionResult(output, result, tr("The document contains nothing on this question.")));
        });
    });
}

ResearchCommand::ResearchCommand() = default;
ResearchCommand::~ResearchCommand() = default;

QString ResearchCommand::summary() const
{
    return tr("Research a collection, with citations across documents");
}

QString ResearchCommand::usage() const
{
    return tr("Usage: genius-cli research --collection NAME QUESTION...\n"
              "\n"
              "Answers from the collection's documents with citations [n] (document and page).\n"
              "Retrieval never returns passages above the clearance of the model that reads\n"
              "them. When nothing relevant is found the answer says so plainly and no model is\n"
              "asked. Without a model that may read the collection the best passages are shown\n"
              "and nothing is sent (--json: \"local\": true). QUESTION '-' reads standard input.\n"
              "Staff may research only published collections (exit 4 otherwise).");
}

void ResearchCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments, {{QStringLiteral("collection"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    const QString collection = parsed->value(QStringLiteral("collection")).trimmed();
    if (collection.isEmpty()) {
        context.output.error(tr("Name the collection with --collection NAME (see 'genius-cli collections list')."));
        return done(ExitCode::Usage);
    }
    const QString question = textArgument(*parsed);
    if (question.isEmpty()) {
        context.output.error(tr("No question given. Run 'genius-cli research --help'."));
        return done(ExitCode::Usage);
    }
    if (!isDataManager(context) || storeGivenForThisRun(context)) {
        // With --store, the shared collections are synced first (or read from the last copy).
        // Staff research only published collections; asked before any key or model is touched.
        IndexSession index(context);
        if (!index.open())
            return done(index.openError());
        syncBeforeReading(context, index.database());
        const auto record = index.database().collection(collection);
        if (record && !mayReadCollection(context, *record, tr("research the unpublished collection \"%1\"").arg(record->name)))
            return done(ExitCode::GatewayRefused);
    }
    m_session = std::make_unique<FunctionSession>(context);
    const Output& output = context.output;
    m_session->open([this, &output, collection, question, done](ExitCode ready) {
        if (ready != ExitCode::Success)
            return done(ready);
        onInterrupt(m_session.get(), [this] { m_session->runner().cancel(); });
        m_session->ask().research({{collection}, question}, m_session.get(), [&output, done](services::FunctionResult result) {
            done(printFunctionResult(output, result, tr("The collections contain no evidence for this question.")));
        });
    });
}

} // namespace genius::cli
