#include "core/storage/conversationschema.h"

#include "core/database/migrations.h"
#include "core/storage/storagelogging.h"


#include <iterator>

// Schema history of conversations.sqlite (never edit a released migration, add one):
//   1  conversations, messages (a tree per conversation), FTS5 over message content

Q_LOGGING_CATEGORY(lcStorage, "genius.storage", QtInfoMsg)

namespace genius::storage {

namespace {

// Times are UTC ISO 8601 with milliseconds ("2024-05-01T08:00:00.000Z"), so text order is
// time order. Classes, roles and states are their wire spellings, checked by the database.
const char* const kMigration1[] = {
    R"(CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        function TEXT NOT NULL CHECK (function IN ('chat', 'ask', 'research', 'summarize', 'generate')),
        class TEXT NOT NULL CHECK (class IN ('none', 'normal', 'high', 'very-high')),
        model TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        active_leaf TEXT REFERENCES messages(id) ON DELETE SET NULL))",
    R"(CREATE INDEX conversations_updated ON conversations(updated_at))",
    // Without it every deleted message scans all conversations for the SET NULL action.
    R"(CREATE INDEX conversations_active_leaf ON conversations(active_leaf))",
    // `seq` orders siblings by insertion (timestamps may tie) and is the FTS rowid.
    R"(CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES messages(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
        content TEXT NOT NULL,
        model TEXT NOT NULL DEFAULT '',
        class TEXT NOT NULL CHECK (class IN ('none', 'normal', 'high', 'very-high')),
        state TEXT NOT NULL CHECK (state IN ('complete', 'cut', 'failed', 'cancelled')),
        created_at TEXT NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        sources TEXT NOT NULL DEFAULT '[]'))",
    R"(CREATE INDEX messages_conversation ON messages(conversation_id, seq))",
    R"(CREATE INDEX messages_parent ON messages(parent_id, seq))",
    // Folding "März" to "marz" lets a search without umlauts find German text.
    R"(CREATE VIRTUAL TABLE messages_fts USING fts5(
        content, content='messages', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'))",
    R"(CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, content) VALUES (new.seq, new.content);
    END)",
    R"(CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
    END)",
    // A streamed answer is rewritten when it completes; the FTS table only learns it here.
    R"(CREATE TRIGGER messages_au AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
        INSERT INTO messages_fts(rowid, content) VALUES (new.seq, new.content);
    END)",
};

const database::Migration kMigrations[] = {
    {kMigration1, std::size(kMigration1)},
};

} // namespace

int conversationSchemaVersion()
{
    return static_cast<int>(std::size(kMigrations));
}

common::Result<void> migrateConversationSchema(QSqlDatabase& db)
{
    return database::migrate(db, kMigrations, QStringLiteral("conversation database"));
}

} // namespace genius::storage
