#include "app/cli/generatecommand.h"

#include "app/cli/functionoutput.h"
#include "app/cli/functionsession.h"
#include "app/cli/interrupt.h"
#include "app/cli/output.h"
#include "core/domain/protectionclass.h"
#include "core/services/functionrunner.h"
#include "core/services/functionservices.h"
#include "core/services/generationservice.h"
#include "core/services/templatelibrary.h"
#include "core/settings/settings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>


namespace genius::cli {

namespace {

ExitCode listTemplates(const CommandContext& context)
{
    const auto templates = services::profileTemplates(context.profileDirectory)->templates();
    if (context.output.json()) {
        QJsonArray array;
        for (const services::TextTemplate& templ : templates)
            array.append(QJsonObject{{QStringLiteral("name"), templ.name},
                                     {QStringLiteral("title"), templ.title},
                                     {QStringLiteral("description"), templ.description},
                                     {QStringLiteral("built_in"), templ.builtIn},
                                     {QStringLiteral("path"), templ.path}});
        context.output.jsonValue(array);
    } else {
        for (const services::TextTemplate& templ : templates)
            context.output.line(QStringLiteral("%1  %2").arg(templ.name.leftJustified(18), templ.title));
    }
    return ExitCode::Success;
}

} // namespace

GenerateCommand::GenerateCommand() = default;
GenerateCommand::~GenerateCommand() = default;

QString GenerateCommand::summary() const
{
    return tr("Draft a text from a template (reply to a citizen, minutes, memo, …)");
}

QString GenerateCommand::usage() const
{
    return tr("Usage: genius-cli generate --template NAME [--tone formal|citizen] [--document ID]\n"
              "                           [--class C] (FILE | -)\n"
              "       genius-cli generate --list\n"
              "       genius-cli generate --export-templates\n"
              "\n"
              "Drafts a text after the template from bullet points in FILE or standard input\n"
              "('-'), and/or from an imported document. Built-in templates: buergeranfrage,\n"
              "protokoll, vermerk, beschlussvorlage. --export-templates copies them into the\n"
              "profile's templates folder, where they can be edited and new ones added.\n"
              "A draft needs a model: very-high material is refused (exit 3) and nothing is sent.");
}

void GenerateCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments,
                              {{QStringLiteral("template"), true},
                               {QStringLiteral("tone"), true},
                               {QStringLiteral("document"), true},
                               {QStringLiteral("class"), true},
                               {QStringLiteral("list"), false},
                               {QStringLiteral("export-templates"), false}});
    if (!parsed)
        return done(ExitCode::Usage);
    if (parsed->has(QStringLiteral("list")))
        return done(listTemplates(context));
    if (parsed->has(QStringLiteral("export-templates"))) {
        const QString directory = services::TemplateLibrary::userDirectory(context.profileDirectory);
        const QStringList written = services::profileTemplates(context.profileDirectory)->exportBuiltIns(directory);
        context.output.line(tr("%n template(s) written to %1.", nullptr, static_cast<int>(written.size())).arg(directory));
        return done(ExitCode::Success);
    }
    services::GenerationRequest request;
    request.templateName = parsed->value(QStringLiteral("template")).trimmed();
    if (request.templateName.isEmpty()) {
        context.output.error(tr("Name the template with --template NAME (see 'genius-cli generate --list')."));
        return done(ExitCode::Usage);
    }
    const QString tone = parsed->has(QStringLiteral("tone")) ? parsed->value(QStringLiteral("tone")) : QStringLiteral("formal");
    const auto parsedTone = services::parseToneName(tone);
    if (!parsedTone) {
        context.output.error(tr("Unknown tone '%1'; use formal or citizen.").arg(tone));
        return done(ExitCode::Usage);
    }
    request.tone = *parsedTone;
    if (parsed->has(QStringLiteral("document"))) {
        const auto id = parseDocumentId(parsed->value(QStringLiteral("document")));
        if (!id) {
            context.output.error(tr("--document takes a document id (see 'genius-cli documents')."));
            return done(ExitCode::Usage);
        }
        request.documentId = *id;
    }
    if (parsed->positional.size() > 1 || (parsed->positional.isEmpty() && request.documentId == 0)) {
        context.output.error(tr("Give the bullet points as one FILE or '-' (standard input), or a --document."));
        return done(ExitCode::Usage);
    }
    if (!parsed->positional.isEmpty()) {
        const QString source = parsed->positional.first();
        if (source == QLatin1String("-")) {
            request.material = QTextStream(stdin).readAll();
        } else {
            QFile file(source);
            if (!file.open(QIODevice::ReadOnly)) {
                context.output.error(tr("The file '%1' cannot be read.").arg(source));
                return done(ExitCode::BadInput);
            }
            request.material = QString::fromUtf8(file.readAll());
        }
    }
    const auto materialClass = classOption(context, *parsed);
    if (!materialClass)
        return done(ExitCode::Usage);
    request.materialClass = *materialClass;

    m_session = std::make_unique<FunctionSession>(context);
    const Output& output = context.output;
    m_session->open([this, &output, request, done](ExitCode ready) {
        if (ready != ExitCode::Success)
            return done(ready);
        onInterrupt(m_session.get(), [this] { m_session->runner().cancel(); });
        const auto delta = [&output](const QString& piece) {
            if (!output.json())
                output.stream(piece);
        };
        m_session->generation().generate(request, m_session.get(), delta, [&output, done](services::FunctionResult result) {
            if (!result) {
                services::FunctionFailure failure = result.error();
                if (!failure.partialText.isEmpty())
                    output.stream(QStringLiteral("\n"));
                failure.partialText.clear(); // already streamed
                return done(reportFunctionFailure(output, failure));
            }
            if (output.json())
                output.jsonValue(functionAnswerJson(*result, QStringLiteral("text")));
            else
                output.stream(QStringLiteral("\n"));
            done(ExitCode::Success);
        });
    });
}

} // namespace genius::cli
