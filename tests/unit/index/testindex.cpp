#include "testindex.h"

#include "core/index/germantokenizer.h"
#include "core/index/schema.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <QtEndian>

#include <sqlite3.h>

namespace genius::index::test {

TestIndex::TestIndex(const QString& path, bool migrateSchema)
    : m_connection(QUuid::createUuid().toString())
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return;
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    sqlite3* raw = *static_cast<sqlite3* const*>(handle.data());
    if (!registerGermanTokenizer(raw))
        return;
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    m_ready = !migrateSchema || migrate(m_db).has_value();
}

TestIndex::~TestIndex()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

bool TestIndex::exec(const QString& sql)
{
    QSqlQuery query(m_db);
    return query.exec(sql);
}

QVariant TestIndex::scalar(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

qint64 TestIndex::addDocument(const QString& name, const QString& protectionClass, const QString& status)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO documents (name, source_path, sha256, size, class, status, added_at, updated_at)"
                                 " VALUES (?, ?, ?, 0, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"));
    query.addBindValue(name);
    query.addBindValue(QString(QStringLiteral("/tmp/") + name));
    query.addBindValue(QUuid::createUuid().toString()); // unique stand-in for the file hash
    query.addBindValue(protectionClass);
    query.addBindValue(status);
    return query.exec() ? query.lastInsertId().toLongLong() : 0;
}

qint64 TestIndex::addChunk(qint64 documentId, const QString& heading, const QString& text, int page)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO chunks (document_id, ordinal, first_page, last_page, start_offset, end_offset,"
                                 " heading, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(documentId);
    query.addBindValue(m_ordinal++);
    query.addBindValue(page);
    query.addBindValue(page);
    query.addBindValue(m_ordinal * 1000);
    query.addBindValue(m_ordinal * 1000 + int(text.size()));
    // A null QString binds as SQL NULL, which the NOT NULL columns refuse.
    query.addBindValue(heading.isNull() ? QStringLiteral("") : heading);
    query.addBindValue(text.isNull() ? QStringLiteral("") : text);
    return query.exec() ? query.lastInsertId().toLongLong() : 0;
}

bool TestIndex::addEmbedding(const QString& model, qint64 chunkId, const QVector<float>& vector)
{
    QByteArray blob(vector.size() * qsizetype(sizeof(float)), Qt::Uninitialized);
    qToLittleEndian<float>(vector.constData(), vector.size(), blob.data());
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO embeddings (model, chunk_id, dim, vector) VALUES (?, ?, ?, ?)"));
    query.addBindValue(model);
    query.addBindValue(chunkId);
    query.addBindValue(int(vector.size()));
    query.addBindValue(blob);
    return query.exec();
}

qint64 TestIndex::addCollection(const QString& name, const QList<qint64>& documents)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO collections (name, class, created_at) VALUES (?, 'normal', '2024-01-01')"));
    query.addBindValue(name);
    if (!query.exec())
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    for (const qint64 document : documents) {
        QSqlQuery assign(m_db);
        assign.prepare(QStringLiteral("INSERT INTO assignments (document_id, collection_id, assigned_at) VALUES (?, ?, '2024-01-01')"));
        assign.addBindValue(document);
        assign.addBindValue(id);
        if (!assign.exec())
            return 0;
    }
    return id;
}

} // namespace genius::index::test
