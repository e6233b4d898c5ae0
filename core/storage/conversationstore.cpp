#include "core/storage/conversationstore.h"

#include "core/database/connection.h"
#include "core/database/sqlsupport.h"
#include "core/storage/conversationschema.h"
#include "core/storage/storagelogging.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace genius::storage {

using common::ErrorCode;
using common::fail;

using database::notNull;
using database::prepared;
using database::Transaction;

namespace {

QString isoTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString now()
{
    return isoTime(QDateTime::currentDateTimeUtc());
}

QDateTime parseTime(const QVariant& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

const QString kStore = QStringLiteral("conversation database");

common::Error queryError(const QSqlQuery& query, const QString& what)
{
    return database::queryError(query, kStore, what);
}

QVariant nullIfEmpty(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant tokens(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

common::Error transactionError()
{
    return {ErrorCode::Io, QStringLiteral("The conversation database cannot start a transaction.")};
}

common::Error commitError(const QSqlDatabase& db)
{
    return database::commitError(db, kStore, QStringLiteral("a change"));
}

const QString kConversationColumns =
    QStringLiteral("c.id, c.title, c.function, c.class, c.model, c.created_at, c.updated_at, c.active_leaf, "
                   "(SELECT count(*) FROM messages n WHERE n.conversation_id = c.id)");

ConversationRecord conversationFrom(const QSqlQuery& query)
{
    ConversationRecord record;
    record.id = query.value(0).toString();
    record.title = query.value(1).toString();
    record.function = parseConversationFunction(query.value(2).toString()).value_or(ConversationFunction::Chat);
    // An unreadable class is treated as the most sensitive one, never as a lower one.
    record.protectionClass =
        domain::parseProtectionClass(query.value(3).toString()).value_or(domain::ProtectionClass::VeryHigh);
    record.model = query.value(4).toString();
    record.createdAt = parseTime(query.value(5));
    record.updatedAt = parseTime(query.value(6));
    record.activeLeafId = query.value(7).toString();
    record.messageCount = query.value(8).toInt();
    return record;
}

const QString kMessageColumns =
    QStringLiteral("m.id, m.conversation_id, m.parent_id, m.role, m.content, m.model, m.class, m.state, "
                   "m.created_at, m.prompt_tokens, m.completion_tokens, m.sources");

MessageRecord messageFrom(const QSqlQuery& query)
{
    MessageRecord record;
    record.id = query.value(0).toString();
    record.conversationId = query.value(1).toString();
    record.parentId = query.value(2).toString();
    record.role = parseMessageRole(query.value(3).toString()).value_or(MessageRole::User);
    record.content = query.value(4).toString();
    record.model = query.value(5).toString();
    record.protectionClass =
        domain::parseProtectionClass(query.value(6).toString()).value_or(domain::ProtectionClass::VeryHigh);
    record.state = parseMessageState(query.value(7).toString()).value_or(MessageState::Failed);
    record.createdAt = parseTime(query.value(8));
    if (!query.value(9).isNull())
        record.promptTokens = query.value(9).toLongLong();
    if (!query.value(10).isNull())
        record.completionTokens = query.value(10).toLongLong();
    record.sources = sourcesFromJson(query.value(11).toString());
    return record;
}

common::Result<QList<MessageRecord>> messagesFrom(QSqlQuery& query, const QString& what)
{
    if (!query.exec())
        return std::unexpected(queryError(query, what));
    QList<MessageRecord> messages;
    while (query.next())
        messages.append(messageFrom(query));
    return messages;
}

/// An FTS5 query from what a user typed: every word a quoted prefix, all words required.
/// Quoting keeps FTS5 operators ("AND", "-", "*", ":") in user text from being syntax.
QString matchExpression(const QString& text)
{
    QStringList terms;
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString word : words) {
        if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms.append(QLatin1Char('"') + word + QStringLiteral("\"*"));
    }
    return terms.join(QLatin1Char(' '));
}

} // namespace

QString ConversationStore::fileName()
{
    return QStringLiteral("conversations.sqlite");
}

common::Result<std::unique_ptr<ConversationStore>> ConversationStore::open(const QString& path)
{
    auto connection = database::Connection::open(path, QStringLiteral("conversation database"),
                                                 QStringLiteral("genius-conversations"));
    if (!connection)
        return std::unexpected(connection.error());
    QSqlDatabase db = (*connection)->db();
    if (auto migrated = migrateConversationSchema(db); !migrated)
        return std::unexpected(migrated.error());
    return std::unique_ptr<ConversationStore>(new ConversationStore(std::move(*connection), path));
}

ConversationStore::ConversationStore(std::unique_ptr<database::Connection> connection, QString path)
    : m_connection(std::move(connection))
    , m_db(m_connection->db())
    , m_path(std::move(path))
{
}

ConversationStore::~ConversationStore()
{
    m_db = QSqlDatabase(); // the connection is removed only when no copy is left
}

common::Result<ConversationRecord> ConversationStore::create(ConversationFunction function,
                                                             domain::ProtectionClass initialClass, const QString& model)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString time = now();
    QSqlQuery query = prepared(m_db, QStringLiteral("INSERT INTO conversations (id, function, class, model, created_at, "
                                                    "updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(conversationFunctionName(function));
    query.addBindValue(domain::protectionClassName(initialClass));
    query.addBindValue(notNull(model));
    query.addBindValue(time);
    query.addBindValue(time);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("create a conversation")));
    return conversation(id);
}

common::Result<ConversationRecord> ConversationStore::conversation(const QString& id) const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT ") + kConversationColumns
                                         + QStringLiteral(" FROM conversations c WHERE c.id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("read a conversation")));
    if (!query.next())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no conversation with the id %1.").arg(id));
    return conversationFrom(query);
}

common::Result<QList<ConversationRecord>> ConversationStore::conversations() const
{
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT ") + kConversationColumns
                                         + QStringLiteral(" FROM conversations c ORDER BY c.updated_at DESC, c.rowid DESC"));
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("list the conversations")));
    QList<ConversationRecord> records;
    while (query.next())
        records.append(conversationFrom(query));
    return records;
}

common::Result<void> ConversationStore::remove(const QString& id)
{
    QSqlQuery query = prepared(m_db, QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("delete a conversation")));
    if (query.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("There is no conversation with the id %1.").arg(id));
    return {};
}

common::Result<MessageRecord> ConversationStore::message(const QString& id) const
{
    QSqlQuery query =
        prepared(m_db, QStringLiteral("SELECT ") + kMessageColumns + QStringLiteral(" FROM messages m WHERE m.id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("read a message")));
    if (!query.next())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no message with the id %1.").arg(id));
    return messageFrom(query);
}

common::Result<MessageRecord> ConversationStore::insertMessage(const ConversationRecord& conversation,
                                                               const QString& parentId, const NewMessage& message)
{
    MessageRecord record;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.conversationId = conversation.id;
    record.parentId = parentId;
    record.role = message.role;
    record.content = message.content;
    record.model = message.model;
    record.protectionClass = message.protectionClass;
    record.state = message.state;
    record.createdAt = QDateTime::currentDateTimeUtc();
    record.promptTokens = message.promptTokens;
    record.completionTokens = message.completionTokens;
    record.sources = message.sources;
    const QString time = isoTime(record.createdAt);

    QSqlQuery insert = prepared(
        m_db, QStringLiteral("INSERT INTO messages (id, conversation_id, parent_id, role, content, model, class, state, "
                             "created_at, prompt_tokens, completion_tokens, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?)"));
    insert.addBindValue(record.id);
    insert.addBindValue(conversation.id);
    insert.addBindValue(nullIfEmpty(parentId));
    insert.addBindValue(messageRoleName(message.role));
    insert.addBindValue(notNull(message.content));
    insert.addBindValue(notNull(message.model));
    insert.addBindValue(domain::protectionClassName(message.protectionClass));
    insert.addBindValue(messageStateName(message.state));
    insert.addBindValue(time);
    insert.addBindValue(tokens(message.promptTokens));
    insert.addBindValue(tokens(message.completionTokens));
    insert.addBindValue(sourcesToJson(message.sources));
    if (!insert.exec())
        return std::unexpected(queryError(insert, QStringLiteral("store a message")));

    // raiseClass: a conversation carries the highest class of anything it ever held.
    const domain::ProtectionClass raised = domain::higherOf(conversation.protectionClass, message.protectionClass);
    const QString title = conversation.title.isEmpty() && message.role == MessageRole::User
        ? titleFromMessage(message.content)
        : conversation.title;
    const QString model =
        message.role == MessageRole::Assistant && !message.model.isEmpty() ? message.model : conversation.model;
    QSqlQuery update = prepared(m_db, QStringLiteral("UPDATE conversations SET class = ?, title = ?, model = ?, "
                                                     "updated_at = ?, active_leaf = ? WHERE id = ?"));
    update.addBindValue(domain::protectionClassName(raised));
    update.addBindValue(notNull(title));
    update.addBindValue(notNull(model));
    update.addBindValue(time);
    update.addBindValue(record.id);
    update.addBindValue(conversation.id);
    if (!update.exec())
        return std::unexpected(queryError(update, QStringLiteral("update a conversation")));
    return record;
}

common::Result<MessageRecord> ConversationStore::append(const QString& conversationId, const NewMessage& message)
{
    Transaction transaction(m_db);
    if (!transaction.isOpen())
        return std::unexpected(transactionError());
    const auto owner = conversation(conversationId);
    if (!owner)
        return std::unexpected(owner.error());
    auto record = insertMessage(*owner, owner->activeLeafId, message);
    if (record && !transaction.commit())
        return std::unexpected(commitError(m_db));
    return record;
}

common::Result<MessageRecord> ConversationStore::appendChild(const QString& conversationId, const QString& parentId,
                                                             const NewMessage& message)
{
    Transaction transaction(m_db);
    if (!transaction.isOpen())
        return std::unexpected(transactionError());
    const auto owner = conversation(conversationId);
    if (!owner)
        return std::unexpected(owner.error());
    if (!parentId.isEmpty()) {
        const auto parent = this->message(parentId);
        if (!parent)
            return std::unexpected(parent.error());
        if (parent->conversationId != conversationId)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The message %1 belongs to another conversation.").arg(parentId));
    }
    auto record = insertMessage(*owner, parentId, message);
    if (record && !transaction.commit())
        return std::unexpected(commitError(m_db));
    return record;
}

common::Result<MessageRecord> ConversationStore::edit(const QString& messageId, const QString& content,
                                                      domain::ProtectionClass protectionClass)
{
    const auto edited = message(messageId);
    if (!edited)
        return std::unexpected(edited.error());
    if (edited->role != MessageRole::User)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Only a user message can be edited."));
    NewMessage replacement;
    replacement.role = MessageRole::User;
    replacement.content = content;
    replacement.protectionClass = protectionClass;
    return appendChild(edited->conversationId, edited->parentId, replacement);
}

common::Result<MessageRecord> ConversationStore::regenerate(const QString& messageId, const NewMessage& answer)
{
    const auto previous = message(messageId);
    if (!previous)
        return std::unexpected(previous.error());
    if (previous->role != MessageRole::Assistant || answer.role != MessageRole::Assistant)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Only an answer can be regenerated, by another answer."));
    return appendChild(previous->conversationId, previous->parentId, answer);
}

common::Result<void> ConversationStore::updateMessage(const QString& messageId, const MessageUpdate& update)
{
    Transaction transaction(m_db);
    if (!transaction.isOpen())
        return std::unexpected(transactionError());
    const auto existing = message(messageId);
    if (!existing)
        return std::unexpected(existing.error());
    QSqlQuery query = prepared(m_db, QStringLiteral("UPDATE messages SET content = ?, state = ?, prompt_tokens = ?, "
                                                    "completion_tokens = ? WHERE id = ?"));
    query.addBindValue(notNull(update.content));
    query.addBindValue(messageStateName(update.state));
    query.addBindValue(tokens(update.promptTokens));
    query.addBindValue(tokens(update.completionTokens));
    query.addBindValue(messageId);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("update a message")));
    QSqlQuery touch = prepared(m_db, QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"));
    touch.addBindValue(now());
    touch.addBindValue(existing->conversationId);
    if (!touch.exec())
        return std::unexpected(queryError(touch, QStringLiteral("update a conversation")));
    if (!transaction.commit())
        return std::unexpected(commitError(m_db));
    return {};
}

common::Result<void> ConversationStore::discardLeaf(const QString& messageId)
{
    Transaction transaction(m_db);
    if (!transaction.isOpen())
        return std::unexpected(transactionError());
    const auto leaf = message(messageId);
    if (!leaf)
        return std::unexpected(leaf.error());
    QSqlQuery children = prepared(m_db, QStringLiteral("SELECT count(*) FROM messages WHERE parent_id = ?"));
    children.addBindValue(messageId);
    if (!children.exec() || !children.next())
        return std::unexpected(queryError(children, QStringLiteral("count replies")));
    if (children.value(0).toInt() > 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The message %1 has replies and cannot be discarded.").arg(messageId));
    const auto owner = conversation(leaf->conversationId);
    if (!owner)
        return std::unexpected(owner.error());
    QSqlQuery remove = prepared(m_db, QStringLiteral("DELETE FROM messages WHERE id = ?"));
    remove.addBindValue(messageId);
    if (!remove.exec())
        return std::unexpected(queryError(remove, QStringLiteral("delete a message")));
    if (owner->activeLeafId == messageId) {
        // The path shown falls back to the newest branch left below the parent.
        QString active;
        if (!leaf->parentId.isEmpty()) {
            const auto below = newestLeafBelow(leaf->parentId);
            if (!below)
                return std::unexpected(below.error());
            active = *below;
        } else {
            QSqlQuery newest = prepared(m_db, QStringLiteral("SELECT m.id FROM messages m WHERE m.conversation_id = ? "
                                                             "AND NOT EXISTS (SELECT 1 FROM messages c WHERE "
                                                             "c.parent_id = m.id) ORDER BY m.seq DESC LIMIT 1"));
            newest.addBindValue(leaf->conversationId);
            if (!newest.exec())
                return std::unexpected(queryError(newest, QStringLiteral("find the newest message")));
            if (newest.next())
                active = newest.value(0).toString();
        }
        QSqlQuery update = prepared(m_db, QStringLiteral("UPDATE conversations SET active_leaf = ? WHERE id = ?"));
        update.addBindValue(nullIfEmpty(active));
        update.addBindValue(leaf->conversationId);
        if (!update.exec())
            return std::unexpected(queryError(update, QStringLiteral("update a conversation")));
    }
    if (!transaction.commit())
        return std::unexpected(commitError(m_db));
    return {};
}

common::Result<QString> ConversationStore::newestLeafBelow(const QString& messageId) const
{
    QSqlQuery query = prepared(
        m_db, QStringLiteral("WITH RECURSIVE below(id, seq) AS (SELECT id, seq FROM messages WHERE id = ? "
                             "UNION ALL SELECT m.id, m.seq FROM messages m JOIN below b ON m.parent_id = b.id) "
                             "SELECT b.id FROM below b WHERE NOT EXISTS (SELECT 1 FROM messages c WHERE c.parent_id = "
                             "b.id) ORDER BY b.seq DESC LIMIT 1"));
    query.addBindValue(messageId);
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("find the newest branch")));
    if (!query.next())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no message with the id %1.").arg(messageId));
    return query.value(0).toString();
}

common::Result<QList<MessageRecord>> ConversationStore::activePath(const QString& conversationId) const
{
    if (auto known = conversation(conversationId); !known)
        return std::unexpected(known.error());
    QSqlQuery query = prepared(
        m_db, QStringLiteral("WITH RECURSIVE path(id, depth) AS (SELECT active_leaf, 0 FROM conversations WHERE id = ? "
                             "AND active_leaf IS NOT NULL UNION ALL SELECT m.parent_id, p.depth + 1 FROM path p JOIN "
                             "messages m ON m.id = p.id WHERE m.parent_id IS NOT NULL) SELECT ")
            + kMessageColumns + QStringLiteral(" FROM path p JOIN messages m ON m.id = p.id ORDER BY p.depth DESC"));
    query.addBindValue(conversationId);
    return messagesFrom(query, QStringLiteral("read the active path"));
}

common::Result<QList<MessageRecord>> ConversationStore::siblings(const QString& messageId) const
{
    const auto chosen = message(messageId);
    if (!chosen)
        return std::unexpected(chosen.error());
    QSqlQuery query = prepared(m_db, QStringLiteral("SELECT ") + kMessageColumns
                                         + QStringLiteral(" FROM messages m WHERE m.conversation_id = ? AND m.parent_id "
                                                          "IS ? ORDER BY m.seq"));
    query.addBindValue(chosen->conversationId);
    query.addBindValue(nullIfEmpty(chosen->parentId));
    return messagesFrom(query, QStringLiteral("read the siblings of a message"));
}

common::Result<QList<MessageRecord>> ConversationStore::switchBranch(const QString& messageId)
{
    QString conversationId;
    {
        Transaction transaction(m_db);
        if (!transaction.isOpen())
            return std::unexpected(transactionError());
        const auto chosen = message(messageId);
        if (!chosen)
            return std::unexpected(chosen.error());
        const auto leaf = newestLeafBelow(messageId);
        if (!leaf)
            return std::unexpected(leaf.error());
        QSqlQuery update =
            prepared(m_db, QStringLiteral("UPDATE conversations SET active_leaf = ?, updated_at = ? WHERE id = ?"));
        update.addBindValue(*leaf);
        update.addBindValue(now());
        update.addBindValue(chosen->conversationId);
        if (!update.exec())
            return std::unexpected(queryError(update, QStringLiteral("switch the branch")));
        if (!transaction.commit())
            return std::unexpected(commitError(m_db));
        conversationId = chosen->conversationId;
    }
    return activePath(conversationId);
}

common::Result<QList<ConversationHit>> ConversationStore::search(const QString& text, int limit) const
{
    const QString match = matchExpression(text);
    if (match.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The search text has no words."));
    QSqlQuery query = prepared(
        // FTS5 ranks inside the subquery, so snippets are made for the returned rows only.
        m_db, QStringLiteral("SELECT m.conversation_id, c.title, m.id, f.snippet FROM (SELECT rowid, rank, "
                             "snippet(messages_fts, 0, '[', ']', ?, 12) AS snippet FROM messages_fts WHERE "
                             "messages_fts MATCH ? ORDER BY rank LIMIT ?) f JOIN messages m ON m.seq = f.rowid "
                             "JOIN conversations c ON c.id = m.conversation_id ORDER BY f.rank, m.seq DESC"));
    query.addBindValue(QString(QChar(0x2026)));
    query.addBindValue(match);
    query.addBindValue(std::max(1, limit));
    if (!query.exec())
        return std::unexpected(queryError(query, QStringLiteral("search the conversations")));
    QList<ConversationHit> hits;
    while (query.next())
        hits.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toString()});
    return hits;
}

common::Result<int> ConversationStore::purgeExpired(const QDateTime& now, const RetentionPolicy& policy)
{
    Transaction transaction(m_db);
    if (!transaction.isOpen())
        return std::unexpected(transactionError());
    int purged = 0;
    for (const auto protectionClass : {domain::ProtectionClass::None, domain::ProtectionClass::Normal,
                                       domain::ProtectionClass::High, domain::ProtectionClass::VeryHigh}) {
        const int days = policy.daysFor(protectionClass);
        if (days <= 0)
            continue;
        QSqlQuery query = prepared(m_db, QStringLiteral("DELETE FROM conversations WHERE class = ? AND updated_at < ?"));
        query.addBindValue(domain::protectionClassName(protectionClass));
        query.addBindValue(isoTime(now.addDays(-days)));
        if (!query.exec())
            return std::unexpected(queryError(query, QStringLiteral("delete expired conversations")));
        purged += query.numRowsAffected();
    }
    if (!transaction.commit())
        return std::unexpected(commitError(m_db));
    if (purged > 0)
        qCDebug(lcStorage) << "retention removed" << purged << "conversations";
    return purged;
}

} // namespace genius::storage
