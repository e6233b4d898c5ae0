#include "core/index/schema.h"

#include "testindex.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace genius::index;
using namespace genius::index::test;
using namespace Qt::StringLiterals;

namespace {

/// Every schema object's SQL, in a stable order.
QStringList schemaDump(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    QStringList sql;
    if (!query.exec(u"SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name"_s))
        return {u"ERROR"_s};
    while (query.next())
        sql.append(query.value(0).toString());
    return sql;
}

QList<qint64> matching(TestIndex& index, const QString& table, const QString& match)
{
    QSqlQuery query(index.db());
    query.prepare(u"SELECT rowid FROM "_s + table + u" WHERE "_s + table + u" MATCH ? ORDER BY rowid"_s);
    query.addBindValue(match);
    QList<qint64> ids;
    if (!query.exec())
        return {-1};
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

bool integrityOk(TestIndex& index)
{
    return index.exec(u"INSERT INTO chunks_fts(chunks_fts) VALUES ('integrity-check')"_s)
           && index.exec(u"INSERT INTO chunks_trigram(chunks_trigram) VALUES ('integrity-check')"_s);
}

} // namespace

class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void migrateEmptyFile_reachesCurrentVersion();
    void migrateTwice_isNoOp();
    void newerFile_isRefused();
    void missingTokenizer_failsAndLeavesFileEmpty();
    void ftsTriggers_followInsertUpdateDelete();
};

void TestSchema::migrateEmptyFile_reachesCurrentVersion()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestIndex index(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index.isReady());
    QCOMPARE(index.scalar(u"PRAGMA user_version"_s).toInt(), currentSchemaVersion());
    QVERIFY(currentSchemaVersion() >= 1);
    for (const QString& table : {u"documents"_s, u"pages"_s, u"chunks"_s, u"chunks_fts"_s, u"chunks_trigram"_s,
                                 u"embeddings"_s, u"collections"_s, u"assignments"_s}) {
        QCOMPARE(index.scalar(u"SELECT count(*) FROM sqlite_master WHERE name = '"_s + table + u"'"_s).toInt(), 1);
    }
}

void TestSchema::migrateTwice_isNoOp()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"index.sqlite"_s);
    QStringList before;
    {
        TestIndex index(path);
        QVERIFY(index.isReady());
        const qint64 document = index.addDocument(u"a.pdf"_s);
        QVERIFY(index.addChunk(document, u"Titel"_s, u"Ein Verwaltungsakt"_s) > 0);
        before = schemaDump(index.db());
        QSqlDatabase db = index.db();
        QVERIFY(migrate(db).has_value()); // same connection, second time
    }
    TestIndex reopened(path); // a new connection migrates the file again
    QVERIFY(reopened.isReady());
    QCOMPARE(schemaDump(reopened.db()), before);
    QCOMPARE(reopened.scalar(u"PRAGMA user_version"_s).toInt(), currentSchemaVersion());
    QCOMPARE(reopened.scalar(u"SELECT count(*) FROM chunks"_s).toInt(), 1);
    QCOMPARE(matching(reopened, u"chunks_fts"_s, u"Verwaltungsakte"_s).size(), 1);
}

void TestSchema::newerFile_isRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestIndex index(dir.filePath(u"index.sqlite"_s), false);
    QVERIFY(index.isReady());
    QVERIFY(index.exec(u"PRAGMA user_version = %1"_s.arg(currentSchemaVersion() + 1)));
    QSqlDatabase db = index.db();
    const auto result = migrate(db);
    QVERIFY(!result);
    QCOMPARE(result.error().code, genius::common::ErrorCode::Corrupt);
    QCOMPARE(index.scalar(u"PRAGMA user_version"_s).toInt(), currentSchemaVersion() + 1);
    QCOMPARE(index.scalar(u"SELECT count(*) FROM sqlite_master"_s).toInt(), 0);
}

void TestSchema::missingTokenizer_failsAndLeavesFileEmpty()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString connection = u"no-tokenizer"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(dir.filePath(u"index.sqlite"_s));
        QVERIFY(db.open());
        const auto result = migrate(db);
        QVERIFY(!result);
        QVERIFY2(result.error().detail.contains(u"genius_german"_s), qPrintable(result.error().detail));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT count(*) FROM sqlite_master"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 0); // the failed migration was rolled back
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestSchema::ftsTriggers_followInsertUpdateDelete()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestIndex index(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index.isReady());
    const qint64 first = index.addDocument(u"vwvfg.md"_s);
    const qint64 second = index.addDocument(u"baugb.md"_s);
    const qint64 a = index.addChunk(first, u"§ 35 Begriff des Verwaltungsaktes"_s, u"Verwaltungsakt ist jede Verfügung"_s);
    const qint64 b = index.addChunk(first, u"§ 36"_s, u"Nebenbestimmungen zum Verwaltungsakt"_s);
    const qint64 c = index.addChunk(second, u"§ 1"_s, u"Bauleitpläne der Gemeinde"_s);
    QVERIFY(a > 0 && b > 0 && c > 0);
    QCOMPARE(matching(index, u"chunks_fts"_s, u"verwaltungsakte"_s), QList<qint64>({a, b}));
    QCOMPARE(matching(index, u"chunks_fts"_s, u"heading : begriff"_s), QList<qint64>({a}));
    QCOMPARE(matching(index, u"chunks_trigram"_s, u"\"lei\" AND \"tpl\""_s), QList<qint64>({c}));
    QVERIFY(integrityOk(index));

    QVERIFY(index.exec(u"UPDATE chunks SET text = 'Bebauungsplan der Stadt' WHERE id = %1"_s.arg(c)));
    QCOMPARE(matching(index, u"chunks_fts"_s, u"Gemeinde"_s), QList<qint64>{});
    QCOMPARE(matching(index, u"chunks_fts"_s, u"Bebauungspläne"_s), QList<qint64>({c}));
    QCOMPARE(matching(index, u"chunks_trigram"_s, u"\"tad\""_s), QList<qint64>({c}));

    QVERIFY(index.exec(u"DELETE FROM chunks WHERE id = %1"_s.arg(a)));
    QCOMPARE(matching(index, u"chunks_fts"_s, u"verwaltungsakte"_s), QList<qint64>({b}));
    QVERIFY(index.exec(u"DELETE FROM documents WHERE id = %1"_s.arg(first))); // cascades to its chunks
    QCOMPARE(matching(index, u"chunks_fts"_s, u"verwaltungsakte"_s), QList<qint64>{});
    QCOMPARE(matching(index, u"chunks_trigram"_s, u"\"ver\""_s), QList<qint64>{});
    QCOMPARE(index.scalar(u"SELECT count(*) FROM chunks"_s).toInt(), 1);
    QVERIFY(integrityOk(index));
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
