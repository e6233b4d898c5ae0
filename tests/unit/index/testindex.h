#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace genius::index::test {

/// A QSQLITE connection to `path` with the German tokenizer registered and the schema
/// migrated (unless `migrateSchema` is false). Closes and removes the connection on destruction.
class TestIndex final
{
public:
    explicit TestIndex(const QString& path, bool migrateSchema = true);
    ~TestIndex();
    TestIndex(const TestIndex&) = delete;
    TestIndex& operator=(const TestIndex&) = delete;

    /// True when the file opened, the tokenizer was registered and (if asked) migrated.
    bool isReady() const { return m_ready; }
    QSqlDatabase db() const { return m_db; }

    /// Inserts a document row and returns its id (0 on failure).
    qint64 addDocument(const QString& name, const QString& protectionClass = QStringLiteral("normal"),
                       const QString& status = QStringLiteral("ready"));
    /// Inserts a chunk row (the triggers index it) and returns its id (0 on failure).
    qint64 addChunk(qint64 documentId, const QString& heading, const QString& text, int page = 1);
    /// Stores a float32 little-endian embedding for a chunk.
    bool addEmbedding(const QString& model, qint64 chunkId, const QVector<float>& vector);
    /// Creates a collection and assigns documents to it; returns its id (0 on failure).
    qint64 addCollection(const QString& name, const QList<qint64>& documents);
    /// Runs one statement; false on error.
    bool exec(const QString& sql);
    /// The first column of the first row of `sql`.
    QVariant scalar(const QString& sql);

private:
    QString m_connection;
    QSqlDatabase m_db;
    bool m_ready = false;
    int m_ordinal = 0;
};

} // namespace genius::index::test
