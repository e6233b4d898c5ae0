#pragma once

#include "core/domain/protectionclass.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace genius::storage {

/// The function a conversation belongs to (the product's functions 1-5).
enum class ConversationFunction { Chat, Ask, Research, Summarize, Generate };

/// "chat", "ask", "research", "summarize", "generate".
QString conversationFunctionName(ConversationFunction function);
/// Parses the spelling above; anything else gives no value.
std::optional<ConversationFunction> parseConversationFunction(const QString& text);

/// Who wrote a message.
enum class MessageRole { User, Assistant, System };

/// "user", "assistant", "system".
QString messageRoleName(MessageRole role);
std::optional<MessageRole> parseMessageRole(const QString& text);

/// How a message ended: a stopped or broken stream keeps its partial text, marked.
enum class MessageState {
    Complete,  ///< the whole answer (or any user/system message)
    Cut,       ///< the stream broke, or the answer hit the token limit
    Failed,    ///< the request failed before any text arrived
    Cancelled, ///< the user stopped the answer
};

/// "complete", "cut", "failed", "cancelled".
QString messageStateName(MessageState state);
std::optional<MessageState> parseMessageState(const QString& text);

/// A passage an answer cites, as `ask`/`research` report it.
struct MessageSource {
    QString document;        ///< the document's id in its store (digits for the local index)
    QString name;            ///< the imported file's name
    std::optional<int> page; ///< none where a format has no pages
    QString text;
};

/// A JSON array of {document, name, page, text}; a numeric id is written as a number.
QString sourcesToJson(const QList<MessageSource>& sources);
/// Reads what sourcesToJson wrote; malformed text gives an empty list.
QList<MessageSource> sourcesFromJson(const QString& json);

/// One message of a conversation's tree.
struct MessageRecord {
    QString id;
    QString conversationId;
    QString parentId; ///< empty for a first message
    MessageRole role = MessageRole::User;
    QString content;
    QString model;
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
    MessageState state = MessageState::Complete;
    QDateTime createdAt; ///< UTC
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    QList<MessageSource> sources;
};

/// What a caller stores; the store adds id, conversation, parent and time.
struct NewMessage {
    MessageRole role = MessageRole::User;
    QString content;
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
    QString model;
    MessageState state = MessageState::Complete;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    QList<MessageSource> sources;
};

/// What changes when a streamed answer ends.
struct MessageUpdate {
    QString content;
    MessageState state = MessageState::Complete;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
};

/// One stored conversation.
struct ConversationRecord {
    QString id; ///< a UUID without braces
    QString title;
    ConversationFunction function = ConversationFunction::Chat;
    /// The highest class any of its messages ever carried; it never goes down.
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
    QString model; ///< the model of the latest answer
    QDateTime createdAt;
    QDateTime updatedAt;
    QString activeLeafId; ///< empty while the conversation has no message
    int messageCount = 0; ///< all messages, on every branch
};

/// A message that matched a full-text search.
struct ConversationHit {
    QString conversationId;
    QString title;
    QString messageId;
    QString snippet; ///< the matching words in [brackets], cut with "…"
};

/// Days to keep a conversation after its last update, per class; 0 keeps it forever.
struct RetentionPolicy {
    int noneDays = 0;
    int normalDays = 0;
    int highDays = 0;
    int veryHighDays = 0;

    int daysFor(domain::ProtectionClass protectionClass) const;
};

/// The maximum length of a title.
inline constexpr qsizetype kMaxTitleLength = 60;
/// A title from the first user message: whitespace collapsed, at most 60 characters, cut
/// at a word boundary with "…" when longer.
QString titleFromMessage(const QString& text);

} // namespace genius::storage
