#pragma once

#include "core/common/error.h"
#include "core/storage/conversationrecord.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace genius::database {
class Connection;
}

namespace genius::storage {

/// The conversations of one profile in `conversations.sqlite` (SQLite in WAL mode, numbered
/// migrations, foreign keys). The messages of a conversation form a tree: an edit is a new
/// user message beside the edited one, a regenerated answer a new assistant message beside
/// the old one, and the active leaf picks the path shown. One object per thread: each opens
/// its own connection. Every change is one transaction.
class ConversationStore final
{
public:
    /// "conversations.sqlite", the file name inside the profile directory.
    static QString fileName();
    /// Opens (creates) the file and migrates it. Errors: Io, Corrupt (a newer schema).
    static common::Result<std::unique_ptr<ConversationStore>> open(const QString& path);
    ~ConversationStore();
    ConversationStore(const ConversationStore&) = delete;
    ConversationStore& operator=(const ConversationStore&) = delete;

    QString path() const { return m_path; }
    QSqlDatabase connection() const { return m_db; }

    /// Conversations.
    /// A new, empty conversation of `function`, starting at `initialClass`.
    common::Result<ConversationRecord> create(ConversationFunction function, domain::ProtectionClass initialClass,
                                              const QString& model = {});
    /// Errors: NotFound for an unknown id.
    common::Result<ConversationRecord> conversation(const QString& id) const;
    /// All conversations, the most recently updated first.
    common::Result<QList<ConversationRecord>> conversations() const;
    /// Deletes a conversation with all its messages. Errors: NotFound.
    common::Result<void> remove(const QString& id);

    /// Messages.
    /// Appends below the active leaf (or as the first message) and makes it the active
    /// leaf. Raises the conversation's class to the message's; the first user message
    /// gives the conversation its title.
    common::Result<MessageRecord> append(const QString& conversationId, const NewMessage& message);
    /// Appends below `parentId` (empty: a new first message) and makes it the active leaf.
    /// Errors: NotFound, InvalidArgument when the parent belongs to another conversation.
    common::Result<MessageRecord> appendChild(const QString& conversationId, const QString& parentId,
                                              const NewMessage& message);
    /// An edit: a new user message with `content` beside the user message `messageId` (same
    /// parent), which becomes the active leaf. Errors: NotFound, InvalidArgument (not a user message).
    common::Result<MessageRecord> edit(const QString& messageId, const QString& content,
                                       domain::ProtectionClass protectionClass);
    /// A regenerated answer: `answer` (an assistant message) beside the assistant message
    /// `messageId`, below the same user message; it becomes the active leaf.
    common::Result<MessageRecord> regenerate(const QString& messageId, const NewMessage& answer);
    /// Rewrites a message's text, state and tokens (a streamed answer that ended).
    common::Result<void> updateMessage(const QString& messageId, const MessageUpdate& update);
    /// Deletes a message that has no replies (a request the guard refused before sending);
    /// its parent becomes the active leaf. The conversation's class stays.
    /// Errors: NotFound, InvalidArgument (the message has replies).
    common::Result<void> discardLeaf(const QString& messageId);
    common::Result<MessageRecord> message(const QString& id) const;

    /// Branches.
    /// The messages from the first to the active leaf.
    common::Result<QList<MessageRecord>> activePath(const QString& conversationId) const;
    /// The message and its siblings (same parent), oldest first: the "< 2/3 >" choices.
    common::Result<QList<MessageRecord>> siblings(const QString& messageId) const;
    /// Chooses `messageId` among its siblings: the newest leaf below it becomes the active
    /// leaf. Returns the new active path.
    common::Result<QList<MessageRecord>> switchBranch(const QString& messageId);

    /// Search and retention.
    /// Messages whose content matches every word of `text` (prefixes, case and diacritics
    /// folded), best match first, at most `limit`. Errors: InvalidArgument for no words.
    common::Result<QList<ConversationHit>> search(const QString& text, int limit = 50) const;
    /// Deletes the conversations whose last update is more than the retention days of their
    /// class before `now`; a class with 0 days is kept forever. Returns how many went.
    common::Result<int> purgeExpired(const QDateTime& now, const RetentionPolicy& policy);

private:
    ConversationStore(std::unique_ptr<database::Connection> connection, QString path);
    common::Result<MessageRecord> insertMessage(const ConversationRecord& conversation, const QString& parentId,
                                                const NewMessage& message);
    common::Result<QString> newestLeafBelow(const QString& messageId) const;

    std::unique_ptr<database::Connection> m_connection;
    QSqlDatabase m_db; ///< m_connection's, kept at hand for the queries
    QString m_path;
};

} // namespace genius::storage
