#include "core/storage/conversationschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace genius::storage;
using namespace Qt::StringLiterals;

namespace {

/// A raw connection to a file, closed and removed with the object.
class Connection final
{
public:
    explicit Connection(const QString& path)
        : m_name(u"schema-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        m_open = db.open() && exec(u"PRAGMA foreign_keys = ON"_s);
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString& sql) const
    {
        QSqlQuery query(db());
        const bool ok = query.exec(sql);
        if (!ok)
            qWarning("%s", qPrintable(query.lastError().text()));
        return ok;
    }
    QVariant scalar(const QString& sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    QStringList matching(const QString& match) const
    {
        QSqlQuery query(db());
        query.prepare(u"SELECT m.id FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid "
                      "WHERE messages_fts MATCH ? ORDER BY m.seq"_s);
        query.addBindValue(match);
        QStringList ids;
        if (!query.exec())
            return {u"ERROR"_s};
        while (query.next())
            ids.append(query.value(0).toString());
        return ids;
    }

private:
    QString m_name;
    bool m_open = false;
};

QStringList schemaDump(const Connection& connection)
{
    QSqlQuery query(connection.db());
    QStringList sql;
    if (!query.exec(u"SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name"_s))
        return {u"ERROR"_s};
    while (query.next())
        sql.append(query.value(0).toString());
    return sql;
}

bool addConversation(const Connection& connection, const QString& id)
{
    return connection.exec(u"INSERT INTO conversations (id, function, class, created_at, updated_at) VALUES ('"_s + id
                           + u"', 'chat', 'normal', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')"_s);
}

bool addMessage(const Connection& connection, const QString& id, const QString& conversation, const QString& parent,
                const QString& content)
{
    QSqlQuery query(connection.db());
    query.prepare(u"INSERT INTO messages (id, conversation_id, parent_id, role, content, class, state, created_at) "
                  "VALUES (?, ?, ?, 'user', ?, 'normal', 'complete', '2024-01-01T00:00:00.000Z')"_s);
    query.addBindValue(id);
    query.addBindValue(conversation);
    query.addBindValue(parent.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(parent));
    query.addBindValue(content);
    return query.exec();
}

} // namespace

class TestConversationSchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void migrateEmptyFile_reachesCurrentVersion()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Connection connection(dir.filePath(u"conversations.sqlite"_s));
        QVERIFY(connection.isOpen());
        QSqlDatabase db = connection.db();
        const auto migrated = migrateConversationSchema(db);
        QVERIFY2(migrated.has_value(), migrated ? "" : qPrintable(migrated.error().detail));
        QVERIFY(conversationSchemaVersion() >= 1);
        QCOMPARE(connection.scalar(u"PRAGMA user_version"_s).toInt(), conversationSchemaVersion());
        for (const QString& table : {u"conversations"_s, u"messages"_s, u"messages_fts"_s})
            QCOMPARE(connection.scalar(u"SELECT count(*) FROM sqlite_master WHERE name = '"_s + table + u"'"_s).toInt(), 1);
    }

    void migrateTwice_isNoOpAndKeepsData()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"conversations.sqlite"_s);
        QStringList before;
        {
            Connection connection(path);
            QSqlDatabase db = connection.db();
            QVERIFY(migrateConversationSchema(db).has_value());
            QVERIFY(addConversation(connection, u"c1"_s));
            QVERIFY(addMessage(connection, u"m1"_s, u"c1"_s, {}, u"Antrag auf Wohngeld"_s));
            before = schemaDump(connection);
            QVERIFY(migrateConversationSchema(db).has_value()); // same connection, second time
        }
        Connection reopened(path);
        QSqlDatabase db = reopened.db();
        QVERIFY(migrateConversationSchema(db).has_value());
        QCOMPARE(schemaDump(reopened), before);
        QCOMPARE(reopened.scalar(u"SELECT count(*) FROM messages"_s).toInt(), 1);
        QCOMPARE(reopened.matching(u"wohngeld"_s), QStringList{u"m1"_s});
    }

    void newerFile_isRefusedUntouched()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Connection connection(dir.filePath(u"conversations.sqlite"_s));
        QVERIFY(connection.exec(u"PRAGMA user_version = %1"_s.arg(conversationSchemaVersion() + 1)));
        QSqlDatabase db = connection.db();
        const auto result = migrateConversationSchema(db);
        QVERIFY(!result);
        QCOMPARE(result.error().code, genius::common::ErrorCode::Corrupt);
        QCOMPARE(connection.scalar(u"PRAGMA user_version"_s).toInt(), conversationSchemaVersion() + 1);
        QCOMPARE(connection.scalar(u"SELECT count(*) FROM sqlite_master"_s).toInt(), 0);
    }

    void failedMigration_isRolledBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Connection connection(dir.filePath(u"conversations.sqlite"_s));
        // A foreign table of the same name makes migration 1 fail half-way.
        QVERIFY(connection.exec(u"CREATE TABLE messages (x)"_s));
        QSqlDatabase db = connection.db();
        const auto result = migrateConversationSchema(db);
        QVERIFY(!result);
        QCOMPARE(result.error().code, genius::common::ErrorCode::Corrupt);
        QVERIFY2(result.error().detail.contains(u"migration 1"_s), qPrintable(result.error().detail));
        QCOMPARE(connection.scalar(u"PRAGMA user_version"_s).toInt(), 0);
        QCOMPARE(connection.scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'conversations'"_s).toInt(), 0);
    }

    void constraints_rejectOrphansAndUnknownValues()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Connection connection(dir.filePath(u"conversations.sqlite"_s));
        QSqlDatabase db = connection.db();
        QVERIFY(migrateConversationSchema(db).has_value());
        QVERIFY(addConversation(connection, u"c1"_s));
        QVERIFY(!addMessage(connection, u"m1"_s, u"unknown"_s, {}, u"x"_s)); // no such conversation
        QVERIFY(!addMessage(connection, u"m2"_s, u"c1"_s, u"unknown"_s, u"x"_s)); // no such parent
        QVERIFY(!connection.exec(u"INSERT INTO conversations (id, function, class, created_at, updated_at) "
                                 "VALUES ('c2', 'chat', 'secret', '', '')"_s));
        QVERIFY(!connection.exec(u"INSERT INTO conversations (id, function, class, created_at, updated_at) "
                                 "VALUES ('c3', 'poetry', 'none', '', '')"_s));
        QCOMPARE(connection.scalar(u"SELECT count(*) FROM messages"_s).toInt(), 0);
    }

    void ftsTriggers_followInsertUpdateDeleteAndCascade()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Connection connection(dir.filePath(u"conversations.sqlite"_s));
        QSqlDatabase db = connection.db();
        QVERIFY(migrateConversationSchema(db).has_value());
        QVERIFY(addConversation(connection, u"c1"_s));
        QVERIFY(addMessage(connection, u"m1"_s, u"c1"_s, {}, u"Frist im März beachten"_s));
        QVERIFY(addMessage(connection, u"m2"_s, u"c1"_s, u"m1"_s, u"Die Frist endet im April"_s));
        QCOMPARE(connection.matching(u"marz"_s), QStringList{u"m1"_s}); // diacritics folded
        QCOMPARE(connection.matching(u"frist"_s), QStringList({u"m1"_s, u"m2"_s}));

        QVERIFY(connection.exec(u"UPDATE messages SET content = 'Bescheid über Grundsteuer' WHERE id = 'm2'"_s));
        QCOMPARE(connection.matching(u"april"_s), QStringList{});
        QCOMPARE(connection.matching(u"uber"_s), QStringList{u"m2"_s});

        // Deleting the first message takes its reply with it (parent cascade), index included.
        QVERIFY(connection.exec(u"DELETE FROM messages WHERE id = 'm1'"_s));
        QCOMPARE(connection.scalar(u"SELECT count(*) FROM messages"_s).toInt(), 0);
        QCOMPARE(connection.matching(u"grundsteuer"_s), QStringList{});
        QVERIFY(addMessage(connection, u"m3"_s, u"c1"_s, {}, u"Hundesteuer"_s));
        QVERIFY(connection.exec(u"DELETE FROM conversations WHERE id = 'c1'"_s));
        QCOMPARE(connection.matching(u"hundesteuer"_s), QStringList{});
        QVERIFY(connection.exec(u"INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"_s));
    }
};

QTEST_GUILESS_MAIN(TestConversationSchema)
#include "tst_conversationschema.moc"
