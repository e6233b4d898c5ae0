#pragma once

#include "core/common/error.h"
#include "core/domain/protectionclass.h"
#include "core/gateway/protocol/chatstreamdecoder.h"
#include "core/gateway/protocol/gatewayerror.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace genius::storage {
class ConversationStore;
}

namespace genius::services {

class ChatService;
class ChatTurn;

/// What to ask in a stored conversation (free chat).
struct ConversationRequest {
    QString conversationId; ///< empty: a new conversation
    QString prompt; ///< the question; ignored with `regenerate`
    /// The class the user chose; raised to the conversation's class, never lowered.
    domain::ProtectionClass requestClass = domain::ProtectionClass::Normal;
    QString model; ///< empty: the default model
    bool regenerate = false; ///< answer the branch's last question again, beside the earlier answer
    QString editOf; ///< a question on the active branch: ask `prompt` instead, on a new branch
};

/// One question and its answer in a stored conversation. The question is stored before
/// anything is sent (a crash cannot lose it); the answer is stored when the stream ends,
/// as complete, cut (token limit or broken stream, with its partial text), cancelled or
/// failed; a question the guard refused leaves no trace (nothing was sent). Emits `delta`
/// pieces, then exactly one of `refused`, `finished` or `failed`.
class ConversationExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationExchange)

public:
    explicit ConversationExchange(QObject* parent = nullptr);
    ~ConversationExchange() override;

    QString conversationId() const { return m_conversationId; }
    bool createdConversation() const { return m_createdConversation; }
    /// The stored question (the reused one for regenerate).
    QString questionId() const { return m_questionId; }
    /// The stored answer, once `finished` or `failed` came; empty before and after a refusal.
    QString answerId() const { return m_answerId; }
    /// The class the request carries (at least the conversation's).
    domain::ProtectionClass requestClass() const { return m_requestClass; }
    QString model() const;
    QString text() const;
    /// Stops the answer; `failed` follows with GatewayErrorKind::Cancelled and the text so far.
    void cancel();

Q_SIGNALS:
    void delta(const QString& text);
    void refused(const genius::common::Error& error);
    void finished(const genius::gateway::Usage& usage, genius::gateway::FinishReason reason);
    void failed(const genius::gateway::GatewayError& error, const QString& partialText);
    /// The answer arrived but could not be stored (emitted before `finished`/`failed`).
    void storeFailed(const genius::common::Error& error);

private:
    friend class ConversationChat;

    QString m_conversationId;
    bool m_createdConversation = false;
    QString m_questionId;
    bool m_reusedQuestion = false;
    QString m_answerId;
    domain::ProtectionClass m_requestClass = domain::ProtectionClass::Normal;
    QPointer<ChatTurn> m_turn;
};

/// Free chat over stored conversations, for the desktop app and `genius-cli chat` alike:
/// builds the history from the active branch (trimmed, oldest turns first, to the model's
/// context window), keeps the conversation's class, stores question and answer, and sends
/// through ChatService (guard and audit log).
class ConversationChat final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationChat)

public:
    struct Defaults {
        QString defaultModel; ///< gateway/defaultModel
        QStringList contextWindows; ///< gateway/contextWindows
    };

    /// `store` and `chat` must outlive this object and its exchanges.
    ConversationChat(storage::ConversationStore& store, ChatService& chat, Defaults defaults, QObject* parent = nullptr);
    ~ConversationChat() override;

    /// Starts an exchange (owned by `parent`). Errors before anything is stored or sent:
    /// NotFound (unknown conversation), InvalidArgument (empty prompt, a message that is not
    /// a question on the active branch, unknown ids included, nothing to regenerate), Refused
    /// (a very-high conversation: nothing leaves the workstation), storage errors.
    common::Result<ConversationExchange*> send(const ConversationRequest& request, QObject* parent);

    /// The errors `send` would report before storing anything, without storing or sending;
    /// else the class the request would carry. Lets a caller reject a request before it
    /// prepares the gateway (the CLI resolves the API key only for a request that can go).
    static common::Result<domain::ProtectionClass> check(const storage::ConversationStore& store,
                                                         const ConversationRequest& request);

private:
    storage::ConversationStore& m_store;
    ChatService& m_chat;
    Defaults m_defaults;
};

} // namespace genius::services
