#include "app/cli/chatcommand.h"

#include "app/cli/argparser.h"
#include "app/cli/conversationscommand.h"
#include "app/cli/gatewaysession.h"
#include "app/cli/interrupt.h"
#include "app/cli/output.h"
#include "core/services/chatservice.h"
#include "core/services/chatturn.h"
#include "core/services/contextbudget.h"
#include "core/settings/settings.h"
#include "core/storage/conversationstore.h"

#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace genius::cli {

namespace {

QJsonValue tokens(const std::optional<qint64>& value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue();
}

/// The earlier turns as the model sees them; answers that produced no text are left out.
QList<gateway::ChatMessage> historyOf(const QList<storage::MessageRecord>& path)
{
    QList<gateway::ChatMessage> messages;
    for (const auto& message : path) {
        if (!message.content.isEmpty())
            messages.append({storage::messageRoleName(message.role), message.content});
    }
    return messages;
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
    m_turn = Turn{};
    m_turn.requestClass = *requestClass;
    QList<gateway::ChatMessage> history;
    if (parsed->has(QStringLiteral("conversation"))) {
        m_turn.conversationId = parsed->value(QStringLiteral("conversation"));
        const auto conversation = m_store->conversation(m_turn.conversationId);
        if (!conversation) {
            context.output.error(conversation.error().detail);
            return done(exitCodeFor(conversation.error()));
        }
        // The class never goes down: earlier turns travel with the new question.
        m_turn.requestClass = domain::higherOf(*requestClass, conversation->protectionClass);
        if (conversation->protectionClass == domain::ProtectionClass::VeryHigh) {
            context.output.error(tr("Conversation %1 has the protection class very-high and never leaves this "
                                    "workstation; nothing was sent.")
                                     .arg(m_turn.conversationId));
            return done(ExitCode::Refused);
        }
        const auto path = m_store->activePath(m_turn.conversationId);
        if (!path) {
            context.output.error(path.error().detail);
            return done(exitCodeFor(path.error()));
        }
        if (regenerate) {
            // The branch up to its last question goes again; the new answer joins the old one.
            const auto last = std::find_if(path->crbegin(), path->crend(), [](const storage::MessageRecord& message) {
                return message.role == storage::MessageRole::User;
            });
            if (last == path->crend()) {
                context.output.error(tr("Conversation %1 has no question to answer again.").arg(m_turn.conversationId));
                return done(ExitCode::BadInput);
            }
            const qsizetype question = std::distance(last, path->crend()) - 1;
            history = historyOf(path->mid(0, question + 1));
            prompt = last->content;
            m_turn.questionId = last->id;
            m_turn.reuseQuestion = true;
        } else if (!editOf.isEmpty()) {
            const auto edited = std::find_if(path->cbegin(), path->cend(), [&editOf](const storage::MessageRecord& message) {
                return message.id == editOf && message.role == storage::MessageRole::User;
            });
            if (edited == path->cend()) {
                context.output.error(tr("Message %1 is not a question on the current branch of conversation %2.")
                                         .arg(editOf, m_turn.conversationId));
                return done(ExitCode::BadInput);
            }
            history = historyOf(path->mid(0, std::distance(path->cbegin(), edited)));
            m_turn.editOf = editOf;
        } else {
            history = historyOf(*path);
        }
    }
    if (!m_turn.reuseQuestion)
        history.append({QStringLiteral("user"), prompt});

    services::ChatOptions options;
    options.requestClass = m_turn.requestClass;
    options.defaultModel = context.settings.text(settings::keys::GatewayDefaultModel);
    // Oldest turns go first when the history does not fit; the question always stays.
    const int window = services::contextWindowFor(options.defaultModel,
                                                  context.settings.list(settings::keys::GatewayContextWindows));
    options.messages = services::trimHistory(history, services::ContextBudget{window, options.maxTokens}.promptTokens());

    m_session = std::make_unique<GatewaySession>(context);
    const Output& output = context.output;
    const auto start = [this, options, prompt, &output, done] {
        // very-high is refused by the service before anything is stored or sent.
        if (options.requestClass != domain::ProtectionClass::VeryHigh) {
            if (m_turn.conversationId.isEmpty()) {
                const auto created =
                    m_store->create(storage::ConversationFunction::Chat, options.requestClass, options.defaultModel);
                if (!created) {
                    output.error(created.error().detail);
                    return done(exitCodeFor(created.error()));
                }
                m_turn.conversationId = created->id;
                m_turn.newConversation = true;
            }
            storage::NewMessage question;
            question.role = storage::MessageRole::User;
            question.content = prompt;
            question.protectionClass = options.requestClass;
            // The question is stored before anything is sent, so a crash cannot lose it.
            const auto stored = m_turn.reuseQuestion ? m_store->message(m_turn.questionId)
                : m_turn.editOf.isEmpty()            ? m_store->append(m_turn.conversationId, question)
                                                     : m_store->edit(m_turn.editOf, prompt, options.requestClass);
            if (!stored) {
                output.error(stored.error().detail);
                return done(exitCodeFor(stored.error()));
            }
            m_turn.questionId = stored->id;
        }
        services::ChatTurn* turn = m_session->chat().send(options, m_session.get());
        onInterrupt(turn, [turn] { turn->cancel(); });
        connectTurn(turn, output, done);
    };
    if (m_turn.requestClass == domain::ProtectionClass::VeryHigh)
        return start();
    m_session->open([start, done](ExitCode ready) {
        if (ready != ExitCode::Success)
            return done(ready);
        start();
    });
}

void ChatCommand::connectTurn(services::ChatTurn* turn, const Output& output, Done done)
{
    QObject::connect(turn, &services::ChatTurn::delta, turn, [&output](const QString& piece) {
        if (!output.json())
            output.stream(piece);
    });
    QObject::connect(turn, &services::ChatTurn::refused, turn, [this, &output, done](const common::Error& refusal) {
        forgetRefusedTurn();
        output.error(refusal.detail);
        done(exitCodeFor(refusal));
    });
    QObject::connect(
        turn, &services::ChatTurn::finished, turn,
        [this, &output, done, turn](const gateway::Usage& usage, gateway::FinishReason reason) {
            storage::NewMessage answer;
            answer.role = storage::MessageRole::Assistant;
            answer.content = turn->text();
            answer.model = turn->model();
            answer.protectionClass = m_turn.requestClass;
            // An answer stopped by the token limit is kept, marked as cut.
            answer.state = reason == gateway::FinishReason::Length ? storage::MessageState::Cut
                                                                   : storage::MessageState::Complete;
            answer.promptTokens = usage.promptTokens;
            answer.completionTokens = usage.completionTokens;
            const bool stored = storeAnswer(output, answer);
            if (output.json()) {
                output.jsonValue(QJsonObject{
                    {QStringLiteral("answer"), turn->text()},
                    {QStringLiteral("model"), turn->model()},
                    {QStringLiteral("finish_reason"), gateway::finishReasonName(reason)},
                    {QStringLiteral("usage"),
                     QJsonObject{{QStringLiteral("prompt_tokens"), tokens(usage.promptTokens)},
                                 {QStringLiteral("completion_tokens"), tokens(usage.completionTokens)},
                                 {QStringLiteral("total_tokens"), tokens(usage.totalTokens)}}},
                    {QStringLiteral("conversation"), m_turn.conversationId},
                });
            } else {
                output.stream(QStringLiteral("\n"));
                if (reason == gateway::FinishReason::Length)
                    output.error(tr("The answer was cut at the token limit."));
                else if (reason == gateway::FinishReason::ContentFilter)
                    output.error(tr("The gateway's content filter stopped the answer."));
                output.error(tr("Conversation: %1").arg(m_turn.conversationId));
            }
            done(stored ? ExitCode::Success : ExitCode::LocalFailure);
        });
    QObject::connect(turn, &services::ChatTurn::failed, turn,
                     [this, &output, done, turn](const gateway::GatewayError& failure, const QString& partial) {
                         storage::NewMessage answer;
                         answer.role = storage::MessageRole::Assistant;
                         answer.content = partial;
                         answer.model = turn->model();
                         answer.protectionClass = m_turn.requestClass;
                         if (failure.kind == gateway::GatewayErrorKind::Cancelled)
                             answer.state = storage::MessageState::Cancelled;
                         else
                             answer.state = partial.isEmpty() ? storage::MessageState::Failed : storage::MessageState::Cut;
                         storeAnswer(output, answer);
                         if (output.json()) {
                             output.jsonValue(QJsonObject{
                                 {QStringLiteral("answer"), partial},
                                 {QStringLiteral("model"), turn->model()},
                                 {QStringLiteral("error"),
                                  QJsonObject{{QStringLiteral("kind"), gateway::errorKindName(failure.kind)},
                                              {QStringLiteral("message"), failure.message}}},
                                 {QStringLiteral("conversation"), m_turn.conversationId},
                             });
                         } else if (!partial.isEmpty()) {
                             output.stream(QStringLiteral("\n"));
                         }
                         if (failure.kind != gateway::GatewayErrorKind::Cancelled)
                             output.error(failure.message);
                         if (!output.json())
                             output.error(tr("Conversation: %1").arg(m_turn.conversationId));
                         done(exitCodeFor(failure));
                     });
}

bool ChatCommand::storeAnswer(const Output& output, const storage::NewMessage& answer)
{
    const auto stored = m_store->appendChild(m_turn.conversationId, m_turn.questionId, answer);
    if (!stored)
        output.error(tr("The answer could not be stored: %1").arg(stored.error().detail));
    return stored.has_value();
}

void ChatCommand::forgetRefusedTurn()
{
    // Nothing was sent: a refused question leaves no trace in the history.
    if (m_turn.questionId.isEmpty() || m_turn.reuseQuestion)
        return;
    if (m_turn.newConversation)
        m_store->remove(m_turn.conversationId);
    else
        m_store->discardLeaf(m_turn.questionId);
    m_turn.questionId.clear();
}

} // namespace genius::cli
