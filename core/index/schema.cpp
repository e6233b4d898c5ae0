#include "core/index/schema.h"

#include "core/database/migrations.h"
#include "core/index/indexlogging.h"

#include <QStringList>

// Schema history (one entry per migration; never edit a released migration, add one):
//   1  documents, pages, chunks, collections, assignments, FTS5 (German stemming and trigram), embeddings
//   2  origins in the shared store: documents and collections copied from it (read-only here) or
//      linked to it, and the revision the last sync reached

Q_LOGGING_CATEGORY(lcIndex, "genius.index", QtInfoMsg)

namespace genius::index {

namespace {

// A document row is also its import job: status moves queued → reading → indexing →
// embedding → ready (or failed / cancelled); pages_done counts stored pages so an import
// resumes where it stopped.
const char* const kMigration1[] = {
    R"(CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        source_path TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        format TEXT NOT NULL DEFAULT '',
        class TEXT NOT NULL,
        status TEXT NOT NULL,
        error_code TEXT,
        error_detail TEXT,
        paged INTEGER NOT NULL DEFAULT 1,
        pages_total INTEGER NOT NULL DEFAULT 0,
        pages_done INTEGER NOT NULL DEFAULT 0,
        ocr_pages INTEGER NOT NULL DEFAULT 0,
        ocr_confidence REAL,
        title TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        embedding_model TEXT,
        embedding_state TEXT NOT NULL DEFAULT 'none',
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL))",
    R"(CREATE INDEX documents_status ON documents(status))",
    R"(CREATE TABLE pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        words BLOB,
        width REAL NOT NULL DEFAULT 0,
        height REAL NOT NULL DEFAULT 0,
        ocr INTEGER NOT NULL DEFAULT 0,
        confidence REAL NOT NULL DEFAULT -1,
        PRIMARY KEY (document_id, number)) WITHOUT ROWID)",
    R"(CREATE TABLE chunks (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        first_page INTEGER NOT NULL,
        last_page INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        heading TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        UNIQUE (document_id, ordinal)))",
    // Full text: heading path and text, German folding and Snowball stemming.
    R"(CREATE VIRTUAL TABLE chunks_fts USING fts5(
        heading, text, content='chunks', content_rowid='id', tokenize='genius_german'))",
    // Side index for compounds and infixes ("Verwaltungsakt" inside "Verwaltungsaktes"), over
    // folded text (lower case, ä→a, ß→ss) so "Plan" also meets "Bebauungspläne".
    R"(CREATE VIRTUAL TABLE chunks_trigram USING fts5(
        text, content='chunks', content_rowid='id', tokenize='genius_trigram', detail='none'))",
    R"(CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
        INSERT INTO chunks_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
        INSERT INTO chunks_trigram(rowid, text) VALUES (new.id, new.text);
    END)",
    R"(CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
        INSERT INTO chunks_fts(chunks_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text);
        INSERT INTO chunks_trigram(chunks_trigram, rowid, text) VALUES ('delete', old.id, old.text);
    END)",
    // An edited chunk is re-indexed: external-content FTS5 tables only see what triggers tell them.
    R"(CREATE TRIGGER chunks_au AFTER UPDATE OF heading, text ON chunks BEGIN
        INSERT INTO chunks_fts(chunks_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text);
        INSERT INTO chunks_trigram(chunks_trigram, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO chunks_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
        INSERT INTO chunks_trigram(rowid, text) VALUES (new.id, new.text);
    END)",
    // Vectors per embedding model, little-endian float32, `dim` values each.
    R"(CREATE TABLE embeddings (
        model TEXT NOT NULL,
        chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
        dim INTEGER NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, chunk_id)) WITHOUT ROWID)",
    R"(CREATE INDEX embeddings_chunk ON embeddings(chunk_id))",
    R"(CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        tenant TEXT NOT NULL DEFAULT '',
        class TEXT NOT NULL,
        published INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL))",
    R"(CREATE TABLE assignments (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (document_id, collection_id)) WITHOUT ROWID)",
    R"(CREATE INDEX assignments_collection ON assignments(collection_id))",
};

// origin_id / origin_revision: the id and revision of the store's row this one mirrors (NULL for
// purely local rows). shared = 1: the row is a copy the sync made and owns (read-only here);
// shared = 0 with an origin: a local row that is also the store's (published from here, or the
// same file imported here), which a sync links but never deletes.
const char* const kMigration2[] = {
    R"(ALTER TABLE documents ADD COLUMN origin_id INTEGER)",
    R"(ALTER TABLE documents ADD COLUMN origin_revision INTEGER)",
    R"(ALTER TABLE documents ADD COLUMN shared INTEGER NOT NULL DEFAULT 0)",
    R"(CREATE UNIQUE INDEX documents_origin ON documents(origin_id) WHERE origin_id IS NOT NULL)",
    R"(ALTER TABLE collections ADD COLUMN origin_id INTEGER)",
    R"(ALTER TABLE collections ADD COLUMN origin_revision INTEGER)",
    R"(ALTER TABLE collections ADD COLUMN shared INTEGER NOT NULL DEFAULT 0)",
    R"(CREATE UNIQUE INDEX collections_origin ON collections(origin_id) WHERE origin_id IS NOT NULL)",
    // One row: which store (server, database, user) the copies came from, the user's role there
    // (the store's grant: data-manager or staff) and how far the copies reach.
    R"(CREATE TABLE store_sync (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        store TEXT NOT NULL,
        tenant TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL,
        synced_at TEXT NOT NULL))",
};

const database::Migration kMigrations[] = {
    {kMigration1, std::size(kMigration1)},
    {kMigration2, std::size(kMigration2)},
};

} // namespace

int currentSchemaVersion()
{
    return static_cast<int>(std::size(kMigrations));
}

common::Result<void> migrate(QSqlDatabase& db)
{
    return database::migrate(db, kMigrations, QStringLiteral("index database"));
}

} // namespace genius::index
