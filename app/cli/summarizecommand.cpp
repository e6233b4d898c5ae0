#include "app/cli/summarizecommand.h"

#include "app/cli/functionoutput.h"
#include "app/cli/functionsession.h"
#include "app/cli/interrupt.h"
#include "app/cli/output.h"
#include "core/domain/protectionclass.h"
#include "core/services/functionrunner.h"
#include "core/services/summaryservice.h"
#include "core/settings/settings.h"

#include <QFileInfo>
#include <QTextStream>

namespace genius::cli {

SummarizeCommand::SummarizeCommand() = default;
SummarizeCommand::~SummarizeCommand() = default;

QString SummarizeCommand::summary() const
{
    return tr("Summarise a document, a file or text, optionally with respect to an aspect");
}

QString SummarizeCommand::usage() const
{
    return tr("Usage: genius-cli summarize (--document ID | FILE | -) [--aspect TEXT]\n"
              "                            [--length short|medium|long] [--class C]\n"
              "\n"
              "Summarises an imported document, a file (read on this workstation, not imported)\n"
              "or standard input ('-'). Every point cites the pages it rests on as [n]. Texts\n"
              "longer than the model's context are summarised part by part, then as a whole.\n"
              "--class gives the protection class of a file or of standard input (default:\n"
              "protection/defaultClass). When no model may read the text (very-high, no gateway,\n"
              "none cleared) an extractive summary is made locally and nothing is sent.");
}

void SummarizeCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments,
                              {{QStringLiteral("document"), true},
                               {QStringLiteral("aspect"), true},
                               {QStringLiteral("length"), true},
                               {QStringLiteral("class"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    services::SummaryRequest request;
    const bool hasDocument = parsed->has(QStringLiteral("document"));
    if (hasDocument == !parsed->positional.isEmpty() || parsed->positional.size() > 1) {
        context.output.error(tr("Give exactly one of --document ID, FILE or '-'. Run 'genius-cli summarize --help'."));
        return done(ExitCode::Usage);
    }
    if (hasDocument) {
        const auto id = parseDocumentId(parsed->value(QStringLiteral("document")));
        if (!id) {
            context.output.error(tr("--document takes a document id (see 'genius-cli documents')."));
            return done(ExitCode::Usage);
        }
        request.documentId = *id;
    } else if (parsed->positional.first() == QLatin1String("-")) {
        request.text = QTextStream(stdin).readAll();
        request.name = tr("standard input");
    } else {
        request.filePath = parsed->positional.first();
        if (!QFileInfo(request.filePath).isFile()) {
            context.output.error(tr("The file '%1' does not exist.").arg(request.filePath));
            return done(ExitCode::BadInput);
        }
    }
    const QString length = parsed->has(QStringLiteral("length")) ? parsed->value(QStringLiteral("length")) : QStringLiteral("medium");
    const auto parsedLength = services::parseSummaryLength(length);
    if (!parsedLength) {
        context.output.error(tr("Unknown length '%1'; use short, medium or long.").arg(length));
        return done(ExitCode::Usage);
    }
    request.length = *parsedLength;
    request.aspect = parsed->value(QStringLiteral("aspect")).trimmed();
    const auto textClass = classOption(context, *parsed);
    if (!textClass)
        return done(ExitCode::Usage);
    request.textClass = *textClass;

    m_session = std::make_unique<FunctionSession>(context);
    const Output& output = context.output;
    m_session->open([this, &output, request, done](ExitCode ready) {
        if (ready != ExitCode::Success)
            return done(ready);
        onInterrupt(m_session.get(), [this] { m_session->runner().cancel(); });
        m_session->summaries().summarize(request, m_session.get(), [&output, done](services::FunctionResult result) {
            done(printFunctionResult(output, result, tr("The text yields no summary."), QStringLiteral("summary")));
        });
    });
}

} // namespace genius::cli
