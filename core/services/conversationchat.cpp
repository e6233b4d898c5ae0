#include "core/services/conversationchat.h"

#include "core/services/chatservice.h"
#include "core/services/chatturn.h"
#include "core/services/contextbudget.h"
#include "core/services/serviceslogging.h"
#include "core/storage/conversationstore.h"

#include <algorithm>

namespace genius::services {

using common::ErrorCode;
using domain::ProtectionClass;

namespace {

/// What one request becomes once the stored conversation has been read.
struct Plan {
    QString conversationId; ///< empty: a new conversation
    QString previousLeafId; ///< the active leaf before the question, to go back to after a refusal
    ProtectionClass requestClass = ProtectionClass::Normal;
    QString prompt;
    QList<gateway::ChatMessage> history; ///< the earlier turns, with the question for regenerate
    QString questionId;                  ///< regenerate: the question asked again
    QString editOf;
};

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

common::Result<Plan> planFor(const storage::ConversationStore& store, const ConversationRequest& request)
{
    Plan plan;
    plan.requestClass = request.requestClass;
    plan.prompt = request.prompt;
    if (request.conversationId.isEmpty()) {
        if (request.regenerate || !request.editOf.isEmpty())
            return common::fail(ErrorCode::InvalidArgument,
                                QStringLiteral("Regenerating or editing needs a stored conversation."));
        if (request.prompt.trimmed().isEmpty())
            return common::fail(ErrorCode::InvalidArgument, QStringLiteral("The question is empty."));
        return plan;
    }
    plan.conversationId = request.conversationId;
    const auto conversation = store.conversation(request.conversationId);
    if (!conversation)
        return std::unexpected(conversation.error());
    // The class never goes down: the earlier turns travel with the new question.
    plan.requestClass = domain::higherOf(request.requestClass, conversation->protectionClass);
    if (conversation->protectionClass == ProtectionClass::VeryHigh)
        return common::fail(ErrorCode::Refused, QStringLiteral("Conversation %1 has the protection class very-high and "
                                                               "never leaves this workstation; nothing was sent.")
                                                    .arg(request.conversationId));
    plan.previousLeafId = conversation->activeLeafId;
    const auto path = store.activePath(request.conversationId);
    if (!path)
        return std::unexpected(path.error());
    if (request.regenerate) {
        // The branch up to its last question goes again; the new answer joins the old one.
        const auto last = std::find_if(path->crbegin(), path->crend(), [](const storage::MessageRecord& message) {
            return message.role == storage::MessageRole::User;
        });
        if (last == path->crend())
            return common::fail(ErrorCode::InvalidArgument,
                                QStringLiteral("Conversation %1 has no question to answer again.").arg(request.conversationId));
        const qsizetype question = std::distance(last, path->crend()) - 1;
        plan.history = historyOf(path->mid(0, question + 1));
        plan.prompt = last->content;
        plan.questionId = last->id;
        return plan;
    }
    if (request.prompt.trimmed().isEmpty())
        return common::fail(ErrorCode::InvalidArgument, QStringLiteral("The question is empty."));
    if (!request.editOf.isEmpty()) {
        const auto edited = std::find_if(path->cbegin(), path->cend(), [&request](const storage::MessageRecord& message) {
            return message.id == request.editOf && message.role == storage::MessageRole::User;
        });
        if (edited == path->cend())
            return common::fail(ErrorCode::InvalidArgument,
                                QStringLiteral("Message %1 is not a question on the current branch of conversation %2.")
                                    .arg(request.editOf, request.conversationId));
        plan.history = historyOf(path->mid(0, std::distance(path->cbegin(), edited)));
        plan.editOf = request.editOf;
        return plan;
    }
    plan.history = historyOf(*path);
    return plan;
}

/// The stored answer for how the stream ended.
storage::NewMessage answerOf(const QString& text, const QString& model, ProtectionClass requestClass,
                             storage::MessageState state)
{
    storage::NewMessage answer;
    answer.role = storage::MessageRole::Assistant;
    answer.content = text;
    answer.model = model;
    answer.protectionClass = requestClass;
    answer.state = state;
    return answer;
}

} // namespace

ConversationExchange::ConversationExchange(QObject* parent)
    : QObject(parent)
{
}

ConversationExchange::~ConversationExchange() = default;

QString ConversationExchange::model() const
{
    return m_turn ? m_turn->model() : QString();
}

QString ConversationExchange::text() const
{
    return m_turn ? m_turn->text() : QString();
}

void ConversationExchange::cancel()
{
    if (m_turn)
        m_turn->cancel();
}

ConversationChat::ConversationChat(storage::ConversationStore& store, ChatService& chat, Defaults defaults,
                                   QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_chat(chat)
    , m_defaults(std::move(defaults))
{
}

ConversationChat::~ConversationChat() = default;

common::Result<ProtectionClass> ConversationChat::check(const storage::ConversationStore& store,
                                                        const ConversationRequest& request)
{
    const auto plan = planFor(store, request);
    if (!plan)
        return std::unexpected(plan.error());
    return plan->requestClass;
}

common::Result<ConversationExchange*> ConversationChat::send(const ConversationRequest& request, QObject* parent)
{
    auto plan = planFor(m_store, request);
    if (!plan)
        return std::unexpected(plan.error());

    ChatOptions options;
    options.requestClass = plan->requestClass;
    options.model = request.model;
    options.defaultModel = m_defaults.defaultModel;
    const QString model = request.model.isEmpty() ? m_defaults.defaultModel : request.model;

    auto exchange = std::make_unique<ConversationExchange>(parent);
    exchange->m_conversationId = plan->conversationId;
    exchange->m_requestClass = plan->requestClass;
    exchange->m_questionId = plan->questionId;
    exchange->m_reusedQuestion = !plan->questionId.isEmpty();
    // very-high is refused by the service; nothing is stored for a question that cannot go.
    if (plan->requestClass != ProtectionClass::VeryHigh && !exchange->m_reusedQuestion) {
        if (plan->conversationId.isEmpty()) {
            const auto created = m_store.create(storage::ConversationFunction::Chat, plan->requestClass, model);
            if (!created)
                return std::unexpected(created.error());
            exchange->m_conversationId = created->id;
            exchange->m_createdConversation = true;
        }
        storage::NewMessage question;
        question.role = storage::MessageRole::User;
        question.content = plan->prompt;
        question.protectionClass = plan->requestClass;
        // The question is stored before anything is sent, so a crash cannot lose it.
        const auto stored = plan->editOf.isEmpty() ? m_store.append(exchange->m_conversationId, question)
                                                   : m_store.edit(plan->editOf, plan->prompt, plan->requestClass);
        if (!stored) {
            if (exchange->m_createdConversation)
                m_store.remove(exchange->m_conversationId);
            return std::unexpected(stored.error());
        }
        exchange->m_questionId = stored->id;
    }

    QList<gateway::ChatMessage> history = plan->history;
    if (!exchange->m_reusedQuestion)
        history.append({QStringLiteral("user"), plan->prompt});
    // Oldest turns go first when the history does not fit; the question always stays.
    const int window = contextWindowFor(model, m_defaults.contextWindows);
    options.messages = trimHistory(history, ContextBudget{window, options.maxTokens}.promptTokens());
    qCDebug(lcServices) << "chat exchange in conversation" << exchange->m_conversationId << "with"
                        << options.messages.size() << "of" << history.size() << "messages";

    ChatTurn* turn = m_chat.send(options, exchange.get());
    ConversationExchange* handle = exchange.release();
    handle->m_turn = turn;
    storage::ConversationStore* store = &m_store;
    const QString previousLeafId = plan->previousLeafId;
    const bool edited = !plan->editOf.isEmpty();

    const auto storeAnswer = [handle, store](const storage::NewMessage& answer) {
        if (handle->m_questionId.isEmpty())
            return; // only a very-high request stores no question, and the service refuses it
        const auto stored = store->appendChild(handle->m_conversationId, handle->m_questionId, answer);
        if (!stored) {
            qCDebug(lcServices) << "the answer of conversation" << handle->m_conversationId
                                << "could not be stored:" << stored.error().detail;
            Q_EMIT handle->storeFailed(stored.error());
            return;
        }
        handle->m_answerId = stored->id;
    };
    connect(turn, &ChatTurn::delta, handle, &ConversationExchange::delta);
    connect(turn, &ChatTurn::refused, handle,
            [handle, store, previousLeafId, edited](const common::Error& refusal) {
                // Nothing was sent: a refused question leaves no trace in the history.
                if (!handle->m_questionId.isEmpty() && !handle->m_reusedQuestion) {
                    if (handle->m_createdConversation) {
                        store->remove(handle->m_conversationId);
                        handle->m_conversationId.clear();
                        handle->m_createdConversation = false;
                    } else if (store->discardLeaf(handle->m_questionId) && edited && !previousLeafId.isEmpty()) {
                        // Discarding the edit shows the newest branch; the one shown before comes back.
                        const auto conversation = store->conversation(handle->m_conversationId);
                        if (conversation && conversation->activeLeafId != previousLeafId)
                            store->switchBranch(previousLeafId);
                    }
                    handle->m_questionId.clear();
                }
                Q_EMIT handle->refused(refusal);
            });
    connect(turn, &ChatTurn::finished, handle,
            [handle, turn, storeAnswer](const gateway::Usage& usage, gateway::FinishReason reason) {
                // An answer stopped by the token limit is kept, marked as cut.
                auto answer = answerOf(turn->text(), turn->model(), handle->m_requestClass,
                                       reason == gateway::FinishReason::Length ? storage::MessageState::Cut
                                                                               : storage::MessageState::Complete);
                answer.promptTokens = usage.promptTokens;
                answer.completionTokens = usage.completionTokens;
                storeAnswer(answer);
                Q_EMIT handle->finished(usage, reason);
            });
    connect(turn, &ChatTurn::failed, handle,
            [handle, turn, storeAnswer](const gateway::GatewayError& failure, const QString& partial) {
                storage::MessageState state = storage::MessageState::Cancelled;
                if (failure.kind != gateway::GatewayErrorKind::Cancelled)
                    state = partial.isEmpty() ? storage::MessageState::Failed : storage::MessageState::Cut;
                storeAnswer(answerOf(partial, turn->model(), handle->m_requestClass, state));
                Q_EMIT handle->failed(failure, partial);
            });
    return handle;
}

} // namespace genius::services
