#include "app/cli/chatcommand.h"

#include "app/cli/argparser.h"
#include "app/cli/conversationscommand.h"
#include "app/cli/gatewaysession.h"
#include "app/cli/interrupt.h"
#include "app/cli/output.h"
#include "core/settings/settings.h"
#include "core/storage/conversationstore.h"

#include <QJsonObject>
#include <QTextStream>

namespace genius::cli {

namespace {

QJsonValue tokens(const std::optional<qint64>& value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue();
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
    return tr("Usage: genius-cli chat [--class none|normal|high|very-high] [--conversation ID] PROMPT...\n"
              "\n"
              "Streams the answer to standard output. The request carries the protection class\n"
              "given (default: the setting protection/defaultClass) and goes only to a model\n"
              "cleared for it; very-high never leaves this workstation (exit 3). PROMPT '-'\n"
              "reads the prompt from standard input. Ctrl+C stops the answer (exit 7).\n"
              "\n"
              "Every chat is stored: without --conversation a new conversation starts and its id\n"
              "is printed to standard error ('Conversation: ID'; with --json as 'conversation').\n"
              "--conversation ID continues it: its current branch goes along as history, as much\n"
              "as fits the context, and the request carries at least the conversation's class.\n"
              "With --conversation, --regenerate (no PROMPT) answers the branch's last question\n"
              "again beside the earlier answer, and --edit MESSAGE PROMPT asks PROMPT instead of\n"
              "the question MESSAGE of the current branch, on a new branch (see 'conversations show').");
}

void ChatCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments,
                              {{QStringLiteral("class"), true},
                               {QStringLiteral("conversation"), true},
                               {QStringLiteral("regenerate"), false},
                               {QStringLiteral("edit"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    const bool regenerate = parsed->has(QStringLiteral("regenerate"));
    const QString editOf = parsed->value(QStringLiteral("edit")).trimmed();
    if ((regenerate || parsed->has(QStringLiteral("edit"))) && !parsed->has(QStringLiteral("conversation"))) {
        context.output.error(tr("--regenerate and --edit need --conversation ID."));
        return done(ExitCode::Usage);
    }
    QString prompt = parsed->positional.join(QLatin1Char(' '));
    if (prompt == QLatin1String("-"))
        prompt = QTextStream(stdin).readAll();
    if (regenerate != prompt.trimmed().isEmpty()) {
        context.output.error(regenerate ? tr("--regenerate takes no prompt.")
                                        : tr("No prompt given. Run 'genius-cli chat --help'."));
        return done(ExitCode::Usage);
    }
    const auto requestClass = classOption(context, *parsed);
    if (!requestClass)
        return done(ExitCode::Usage);

    auto store = openConversationStore(context);
    if (!store) {
        context.output.error(store.error().detail);
        return done(exitCodeFor(store.error()));
    }
    m_store = std::move(*store);
    services::ConversationRequest request;
    if (parsed->has(QStringLiteral("conversation")))
        request.conversationId = parsed->value(QStringLiteral("conversation"));
    request.prompt = prompt;
    request.requestClass = *requestClass;
    request.regenerate = regenerate;
    request.editOf = editOf;
    // A request that cannot go is reported before the gateway is prepared (no key lookup).
    const auto effectiveClass = services::ConversationChat::check(*m_store, request);
    if (!effectiveClass)
        return done(reportRequestError(context.output, request, effectiveClass.error()));

    m_session = std::make_unique<GatewaySession>(context);
    m_chat = std::make_unique<services::ConversationChat>(
        *m_store, m_session->chat(),
        services::ConversationChat::Defaults{context.settings.text(settings::keys::GatewayDefaultModel),
                                             context.settings.list(settings::keys::GatewayContextWindows)});
    const Output& output = context.output;
    const auto start = [this, request, &output, done] {
        const auto exchange = m_chat->send(request, m_session.get());
        if (!exchange)
            return done(reportRequestError(output, request, exchange.error()));
        services::ConversationExchange* handle = *exchange;
        onInterrupt(handle, [handle] { handle->cancel(); });
        connectExchange(handle, output, done);
    };
    // very-high is refused by the service before anything is stored or sent.
    if (*effectiveClass == domain::ProtectionClass::VeryHigh)
        return start();
    m_session->open([start, done](ExitCode ready) {
        if (ready != ExitCode::Success)
            return done(ready);
        start();
    });
}

ExitCode ChatCommand::reportRequestError(const Output& output, const services::ConversationRequest& request,
                                         const common::Error& error) const
{
    if (error.code == common::ErrorCode::Refused) {
        output.error(tr("Conversation %1 has the protection class very-high and never leaves this "
                        "workstation; nothing was sent.")
                         .arg(request.conversationId));
        return ExitCode::Refused;
    }
    if (error.code == common::ErrorCode::InvalidArgument && request.regenerate) {
        output.error(tr("Conversation %1 has no question to answer again.").arg(request.conversationId));
        return ExitCode::BadInput;
    }
    if (error.code == common::ErrorCode::InvalidArgument && !request.editOf.isEmpty()) {
        output.error(tr("Message %1 is not a question on the current branch of conversation %2.")
                         .arg(request.editOf, request.conversationId));
        return ExitCode::BadInput;
    }
    output.error(error.detail);
    return exitCodeFor(error);
}

void ChatCommand::connectExchange(services::ConversationExchange* exchange, const Output& output, Done done)
{
    using services::ConversationExchange;
    m_answerStored = true;
    QObject::connect(exchange, &ConversationExchange::delta, exchange, [&output](const QString& piece) {
        if (!output.json())
            output.stream(piece);
    });
    QObject::connect(exchange, &ConversationExchange::refused, exchange, [&output, done](const common::Error& refusal) {
        output.error(refusal.detail);
        done(exitCodeFor(refusal));
    });
    QObject::connect(exchange, &ConversationExchange::storeFailed, exchange,
                     [this, &output](const common::Error& error) {
                         m_answerStored = false;
                         output.error(tr("The answer could not be stored: %1").arg(error.detail));
                     });
    QObject::connect(
        exchange, &ConversationExchange::finished, exchange,
        [this, &output, done, exchange](const gateway::Usage& usage, gateway::FinishReason reason) {
            if (output.json()) {
                output.jsonValue(QJsonObject{
                    {QStringLiteral("answer"), exchange->text()},
                    {QStringLiteral("model"), exchange->model()},
                    {QStringLiteral("finish_reason"), gateway::finishReasonName(reason)},
                    {QStringLiteral("usage"),
                     QJsonObject{{QStringLiteral("prompt_tokens"), tokens(usage.promptTokens)},
                                 {QStringLiteral("completion_tokens"), tokens(usage.completionTokens)},
                                 {QStringLiteral("total_tokens"), tokens(usage.totalTokens)}}},
                    {QStringLiteral("conversation"), exchange->conversationId()},
                });
            } else {
                output.stream(QStringLiteral("\n"));
                if (reason == gateway::FinishReason::Length)
                    output.error(tr("The answer was cut at the token limit."));
                else if (reason == gateway::FinishReason::ContentFilter)
                    output.error(tr("The gateway's content filter stopped the answer."));
                output.error(tr("Conversation: %1").arg(exchange->conversationId()));
            }
            done(m_answerStored ? ExitCode::Success : ExitCode::LocalFailure);
        });
    QObject::connect(exchange, &ConversationExchange::failed, exchange,
                     [&output, done, exchange](const gateway::GatewayError& failure, const QString& partial) {
                         if (output.json()) {
                             output.jsonValue(QJsonObject{
                                 {QStringLiteral("answer"), partial},
                                 {QStringLiteral("model"), exchange->model()},
                                 {QStringLiteral("error"),
                                  QJsonObject{{QStringLiteral("kind"), gateway::errorKindName(failure.kind)},
                                              {QStringLiteral("message"), failure.message}}},
                                 {QStringLiteral("conversation"), exchange->conversationId()},
                             });
                         } else if (!partial.isEmpty()) {
                             output.stream(QStringLiteral("\n"));
                         }
                         if (failure.kind != gateway::GatewayErrorKind::Cancelled)
                             output.error(failure.message);
                         if (!output.json())
                             output.error(tr("Conversation: %1").arg(exchange->conversationId()));
                         done(exitCodeFor(failure));
                     });
}

} // namespace genius::cli
