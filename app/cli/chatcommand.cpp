#include "app/cli/chatcommand.h"

#include "app/cli/argparser.h"
#include "app/cli/gatewaysession.h"
#include "app/cli/interrupt.h"
#include "app/cli/output.h"
#include "core/domain/protectionclass.h"
#include "core/services/chatservice.h"
#include "core/services/chatturn.h"
#include "core/settings/settings.h"

#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace genius::cli {

namespace {

QJsonValue tokens(const std::optional<qint64>& value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue();
}

void writeOut(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

ChatCommand::ChatCommand() = default;
ChatCommand::~ChatCommand() = default;

QString ChatCommand::summary() const
{
    return tr("Ask a model and stream the answer");
}

QString ChatCommand::usage() const
{
    return tr("Usage: genius-cli chat [--class none|normal|high|very-high] PROMPT...\n"
              "\n"
              "Streams the answer to standard output. The request carries the protection class\n"
              "given (default: the setting protection/defaultClass) and goes only to a model\n"
              "cleared for it; very-high never leaves this workstation (exit 3). PROMPT '-'\n"
              "reads the prompt from standard input. Ctrl+C stops the answer (exit 7).");
}

void ChatCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments, {{QStringLiteral("class"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    QString prompt = parsed->positional.join(QLatin1Char(' '));
    if (prompt == QLatin1String("-"))
        prompt = QTextStream(stdin).readAll();
    if (prompt.trimmed().isEmpty()) {
        context.output.error(tr("No prompt given. Run 'genius-cli chat --help'."));
        return done(ExitCode::Usage);
    }
    const QString className = parsed->has(QStringLiteral("class")) ? parsed->value(QStringLiteral("class"))
                                                                   : context.settings.text(settings::keys::ProtectionDefaultClass);
    const auto requestClass = domain::parseProtectionClass(className);
    if (!requestClass) {
        context.output.error(tr("Unknown protection class '%1'; use none, normal, high or very-high.").arg(className));
        return done(ExitCode::Usage);
    }

    services::ChatOptions options;
    options.messages = {{QStringLiteral("user"), prompt}};
    options.requestClass = *requestClass;
    options.defaultModel = context.settings.text(settings::keys::GatewayDefaultModel);

    m_session = std::make_unique<GatewaySession>(context);
    const Output& output = context.output;
    // very-high is refused before the key is even looked up.
    const auto start = [this, options, &output, done] {
        services::ChatTurn* turn = m_session->chat().send(options, m_session.get());
        onInterrupt(turn, [turn] { turn->cancel(); });
        QObject::connect(turn, &services::ChatTurn::delta, turn, [&output](const QString& piece) {
            if (!output.json())
                writeOut(piece);
        });
        QObject::connect(turn, &services::ChatTurn::refused, turn, [&output, done](const common::Error& refusal) {
            output.error(refusal.detail);
            done(exitCodeFor(refusal));
        });
        QObject::connect(turn, &services::ChatTurn::finished, turn,
                         [&output, done, turn](const gateway::Usage& usage, gateway::FinishReason reason) {
                             if (output.json()) {
                                 output.jsonValue(QJsonObject{
                                     {QStringLiteral("answer"), turn->text()},
                                     {QStringLiteral("model"), turn->model()},
                                     {QStringLiteral("finish_reason"), gateway::finishReasonName(reason)},
                                     {QStringLiteral("usage"),
                                      QJsonObject{{QStringLiteral("prompt_tokens"), tokens(usage.promptTokens)},
                                                  {QStringLiteral("completion_tokens"), tokens(usage.completionTokens)},
                                                  {QStringLiteral("total_tokens"), tokens(usage.totalTokens)}}},
                                 });
                             } else {
                                 writeOut(QStringLiteral("\n"));
                                 if (reason == gateway::FinishReason::Length)
                                     output.error(tr("The answer was cut at the token limit."));
                                 else if (reason == gateway::FinishReason::ContentFilter)
                                     output.error(tr("The gateway's content filter stopped the answer."));
                             }
                             done(ExitCode::Success);
                         });
        QObject::connect(turn, &services::ChatTurn::failed, turn,
                         [&output, done, turn](const gateway::GatewayError& failure, const QString& partial) {
                             if (output.json()) {
                                 output.jsonValue(QJsonObject{
                                     {QStringLiteral("answer"), partial},
                                     {QStringLiteral("model"), turn->model()},
                                     {QStringLiteral("error"),
                                      QJsonObject{{QStringLiteral("kind"), gateway::errorKindName(failure.kind)},
                                                  {QStringLiteral("message"), failure.message}}},
                                 });
                             } else if (!partial.isEmpty()) {
                                 writeOut(QStringLiteral("\n"));
                             }
                             if (failure.kind != gateway::GatewayErrorKind::Cancelled)
                                 output.error(failure.message);
                             done(exitCodeFor(failure));
                         });
    };
    if (*requestClass == domain::ProtectionClass::VeryHigh)
        return start();
    m_session->open([start, done](ExitCode ready) {
        if (ready != ExitCode::Success)
            return done(ready);
        start();
    });
}

} // namespace genius::cli
