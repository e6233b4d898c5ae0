// Withdrawing a document from the shared store: `genius-cli --store URL documents withdraw ID` as a
// data manager, staff and another tenant's data manager, against a real PostgreSQL 15 server (a
// throwaway cluster, see postgrescluster.h). What reached the server is checked as its
// administrator sees it and as staff see it by hand-written SQL; what reaches the clients, by a
// staff member's sync.
#include "core/sharedstore/storeconnection.h"
#include "integration/store/postgrescluster.h"
#include "integration/store/storetestsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using genius::sharedstore::StoreConnection;
using genius::tests::AdminPassword;
using genius::tests::CliRun;
using genius::tests::sha256OfFile;
using genius::tests::UserPassword;
using genius::tests::writeFile;

class TestStoreWithdrawal final : public QObject
{
    Q_OBJECT

private:
    genius::tests::PostgresCluster m_cluster;
    QTemporaryDir m_home;
    std::unique_ptr<StoreConnection> m_admin;
    std::unique_ptr<StoreConnection> m_sven; ///< staff of "Stadt Aachen", by hand-written SQL
    qint64 m_satzung = 0; ///< hundesteuer.md, in "Satzungen" and "Steuern"
    qint64 m_plan = 0; ///< dienstplan.md, in "Satzungen"

    QString file(const QString& name) const { return m_home.filePath(u"files/"_s + name); }
    QString profile(const QString& user) const { return m_home.filePath(u"profile-"_s + user); }
    QString userUrl(const QString& user) const { return m_cluster.urlWithoutPassword(user, u"genius"_s); }

    genius::tests::CliSetup cliSetup() const
    {
        return { QStringLiteral(GENIUS_CLI_PATH), m_home.path(), UserPassword };
    }
    /// genius-cli --json as `user` with its own profile, against the store as `user`.
    CliRun store(const QString& user, const QStringList& arguments)
    {
        return genius::tests::runCli(cliSetup(),
            QStringList { u"--profile"_s, profile(user), u"--json"_s, u"--store"_s, userUrl(user) } + arguments);
    }
    CliRun withdraw(const QString& user, qint64 document)
    {
        return store(user, { u"documents"_s, u"withdraw"_s, QString::number(document) });
    }
    /// Publishes a file as anna, from her profile or another workstation's (`profileName`).
    qint64 publish(const QString& name, const QString& collection, const QString& profileName = u"anna"_s)
    {
        const CliRun published = genius::tests::runCli(cliSetup(),
            { u"--profile"_s, profile(profileName), u"--json"_s, u"--store"_s, userUrl(u"anna"_s), u"import"_s,
                u"--collection"_s, collection, u"--class"_s, u"normal"_s, file(name) });
        if (published.exitCode != 0)
            qWarning("%s", published.why().constData());
        return published.exitCode == 0 ? published.array().at(0)[u"store_document"_s].toInteger() : 0;
    }

    qint64 count(StoreConnection& connection, const QString& sql, const QVariantList& values = {})
    {
        const auto value = connection.value(sql, values, u"count"_s);
        return value ? value->toLongLong() : -1;
    }
    /// The document's live rows in each table, as the administrator sees them.
    QString liveRows(qint64 document)
    {
        const QString chunks = u"(SELECT id FROM genius.chunks WHERE document_id = %1)"_s.arg(document);
        QStringList counts;
        for (const auto& [table, condition] : QList<std::pair<QString, QString>> {
                 { u"documents"_s, u"id = %1"_s.arg(document) },
                 { u"assignments"_s, u"document_id = %1"_s.arg(document) },
                 { u"pages"_s, u"document_id = %1"_s.arg(document) },
                 { u"chunks"_s, u"document_id = %1"_s.arg(document) },
                 { u"embeddings"_s, u"chunk_id IN %1"_s.arg(chunks) },
             })
            counts << u"%1=%2"_s.arg(table).arg(
                count(*m_admin, u"SELECT count(*) FROM genius.%1 WHERE NOT deleted AND %2"_s.arg(table, condition)));
        return counts.join(u' ');
    }
    /// Every row and the tenants' revisions: what a refused withdrawal must leave as it is.
    QString everything()
    {
        QStringList counts;
        for (const QString& table :
            { u"documents"_s, u"assignments"_s, u"pages"_s, u"chunks"_s, u"embeddings"_s, u"originals"_s })
            counts << u"%1=%2/%3"_s.arg(table)
                          .arg(count(*m_admin, u"SELECT count(*) FROM genius.%1"_s.arg(table)))
                          .arg(count(*m_admin,
                              u"SELECT count(*) FROM genius.%1 WHERE %2"_s.arg(
                                  table, table == u"originals"_s ? u"false"_s : u"deleted"_s)));
        counts << u"revision=%1"_s.arg(count(*m_admin, u"SELECT sum(revision) FROM genius.tenants"_s));
        return counts.join(u' ');
    }

    /// `genius-cli store purge` as the store's administrator, with `arguments`.
    CliRun purge(const QStringList& arguments = {})
    {
        return genius::tests::runCli(cliSetup(),
            QStringList { u"--profile"_s, profile(u"admin"_s), u"--json"_s, u"--store"_s,
                genius::tests::storeAdminUrl(m_cluster, AdminPassword), u"store"_s, u"purge"_s }
                + arguments);
    }
    /// The tombstones of every table together.
    qint64 tombstones()
    {
        qint64 sum = 0;
        for (const QString& table :
            { u"documents"_s, u"assignments"_s, u"pages"_s, u"chunks"_s, u"embeddings"_s, u"collections"_s })
            sum += count(*m_admin, u"SELECT count(*) FROM genius.%1 WHERE deleted"_s.arg(table));
        return sum;
    }
    /// Makes the tombstones of `table` 40 days old (the revision trigger would stamp them now).
    bool backdate(const QString& table)
    {
        return m_admin->exec(u"ALTER TABLE genius.%1 DISABLE TRIGGER stamp_revision"_s.arg(table), u"backdate"_s)
            && m_admin->exec(u"UPDATE genius.%1 SET updated_at = now() - interval '40 days' WHERE deleted"_s.arg(table),
                u"backdate"_s)
            && m_admin->exec(u"ALTER TABLE genius.%1 ENABLE TRIGGER stamp_revision"_s.arg(table), u"backdate"_s);
    }

private Q_SLOTS:
    void initTestCase();
    void staff_isRefusedAndNothingChanges();
    void otherTenant_findsNoSuchDocument();
    void usage_needsOneIdAndAStore();
    void dataManager_withdrawsFromEveryCollection();
    void staff_seeNoneOfItBySql();
    void sync_dropsTheCopy();
    void withdrawnDocument_isUnknownAfterwards_andCanBePublishedAgain();
    void original_staysWhileAnotherDocumentHasIt();
    void purge_deletesOldTombstonesForGood();
    void cleanupTestCase();
};

void TestStoreWithdrawal::initTestCase()
{
    QVERIFY(m_home.isValid());
    auto admin = genius::tests::setUpStore(m_cluster, cliSetup(), profile(u"admin"_s), AdminPassword,
        genius::tests::aachenAndBorken(), UserPassword);
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().detail));
    m_admin = std::move(*admin);
    auto sven = genius::tests::openStore(m_cluster.url(u"sven"_s, UserPassword, u"genius"_s));
    QVERIFY2(sven, sven ? "" : qPrintable(sven.error().detail));
    m_sven = std::move(*sven);

    QVERIFY(QDir().mkpath(m_home.filePath(u"files"_s)));
    QVERIFY(writeFile(file(u"hundesteuer.md"_s),
        "# Hundesteuersatzung\n\nDie Hundesteuer beträgt für den ersten Hund 96 Euro im Jahr.\n\n"
        "## Ermäßigung\n\nFür Blindenführhunde wird keine Hundesteuer erhoben.\n"));
    QVERIFY(writeFile(file(u"dienstplan.md"_s), "# Dienstplan\n\nDer Bereitschaftsdienst wechselt wöchentlich.\n"));
    m_satzung = publish(u"hundesteuer.md"_s, u"Satzungen"_s);
    QVERIFY(m_satzung > 0);
    QCOMPARE(publish(u"hundesteuer.md"_s, u"Steuern"_s), m_satzung); // one document in two collections
    m_plan = publish(u"dienstplan.md"_s, u"Satzungen"_s);
    QVERIFY(m_plan > 0);
    QCOMPARE(liveRows(m_satzung).section(u' ', 0, 1), u"documents=1 assignments=2"_s);

    // Staff have a copy of both.
    const CliRun synced = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, synced.why().constData());
    QCOMPARE(synced.object()[u"added"_s].toInt(), 2);
}

void TestStoreWithdrawal::staff_isRefusedAndNothingChanges()
{
    const QString before = everything();
    const CliRun refused = withdraw(u"sven"_s, m_satzung);
    QCOMPARE(refused.exitCode, 4);
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY2(refused.err.contains(u"staff"_s), qPrintable(refused.err));
    QCOMPARE(refused.out, QString());
    QVERIFY(!refused.shows(UserPassword));
    QCOMPARE(everything(), before);
    // Nor can staff do it by hand: the server gives them SELECT only.
    QVERIFY(!m_sven->exec(u"DELETE FROM genius.documents WHERE id = %1"_s.arg(m_satzung), u"withdraw"_s));
    QCOMPARE(everything(), before);
}

void TestStoreWithdrawal::otherTenant_findsNoSuchDocument()
{
    const QString before = everything();
    const CliRun unknown = withdraw(u"bert"_s, m_satzung);
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.err.count(u'\n'), 1);
    QVERIFY2(unknown.err.contains(u"There is no document with id %1"_s.arg(m_satzung)), qPrintable(unknown.err));
    QCOMPARE(everything(), before);
}

void TestStoreWithdrawal::usage_needsOneIdAndAStore()
{
    const QString before = everything();
    for (const QStringList& arguments : QList<QStringList> {
             { u"documents"_s, u"withdraw"_s },
             { u"documents"_s, u"withdraw"_s, u"zwölf"_s },
             { u"documents"_s, u"withdraw"_s, QString::number(m_satzung), QString::number(m_plan) },
         }) {
        const CliRun wrong = store(u"anna"_s, arguments);
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.err.count(u'\n'), 1);
    }
    // Without a store it has nothing to work on (and never touches the local index).
    const CliRun local = genius::tests::runCli(
        cliSetup(), { u"--profile"_s, profile(u"anna"_s), u"documents"_s, u"withdraw"_s, QString::number(m_satzung) });
    QCOMPARE(local.exitCode, 1);
    QVERIFY2(local.err.contains(u"--store"_s), qPrintable(local.err));
    QCOMPARE(everything(), before);
}

void TestStoreWithdrawal::dataManager_withdrawsFromEveryCollection()
{
    const qint64 revisionBefore
        = count(*m_admin, u"SELECT revision FROM genius.tenants WHERE name = 'Stadt Aachen'"_s);
    QVERIFY2(!liveRows(m_satzung).contains(u"chunks=0"_s), qPrintable(liveRows(m_satzung)));
    // Vectors as a gateway would have given them (this test runs without one): 1.0, 1.0 per passage.
    QVERIFY(m_admin->exec(u"INSERT INTO genius.embeddings (tenant_id, chunk_id, model, dimension, vector) "
                          "SELECT tenant_id, id, 'test-embedding', 2, '\\x0000803f0000803f'::bytea "
                          "FROM genius.chunks WHERE document_id = %1 AND NOT deleted"_s.arg(m_satzung),
        u"add vectors"_s));
    QVERIFY2(!liveRows(m_satzung).contains(u"embeddings=0"_s), qPrintable(liveRows(m_satzung)));
    const qint64 rowsBefore = count(*m_admin, u"SELECT count(*) FROM genius.chunks"_s);

    const CliRun withdrawn = withdraw(u"anna"_s, m_satzung);
    QVERIFY2(withdrawn.exitCode == 0, withdrawn.why().constData());
    const QJsonObject object = withdrawn.object();
    QCOMPARE(object[u"document"_s].toInteger(), m_satzung);
    QCOMPARE(object[u"name"_s].toString(), u"hundesteuer.md"_s);
    QVERIFY(object[u"withdrawn"_s].toBool());
    QCOMPARE(object[u"collections"_s].toArray(), (QJsonArray { u"Satzungen"_s, u"Steuern"_s }));

    // Nothing of it is live any more; every row stays as a tombstone, the document's last.
    QCOMPARE(liveRows(m_satzung), u"documents=0 assignments=0 pages=0 chunks=0 embeddings=0"_s);
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.chunks"_s), rowsBefore);
    // ... and erased: the tombstones keep no text, metadata or file, not even for the administrator.
    const QString sha = sha256OfFile(file(u"hundesteuer.md"_s));
    QVERIFY(object[u"original_erased"_s].toBool());
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.originals WHERE sha256 = ?"_s, { sha }), qint64(0));
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.chunks WHERE document_id = ? AND (text <> '' OR "
                             "heading <> '')"_s, { m_satzung }),
        qint64(0));
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.chunks WHERE text LIKE '%Hundesteuer%'"_s), qint64(0));
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.embeddings e JOIN genius.chunks c ON c.id = e.chunk_id "
                             "WHERE c.document_id = ? AND e.vector <> decode(repeat('00', 8), 'hex')"_s, { m_satzung }),
        qint64(0));
    QVERIFY(count(*m_admin, u"SELECT count(*) FROM genius.embeddings e JOIN genius.chunks c ON c.id = e.chunk_id "
                            "WHERE c.document_id = ?"_s, { m_satzung }) > 0);
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.pages WHERE document_id = ? AND (text <> '' OR words "
                             "IS NOT NULL)"_s, { m_satzung }),
        qint64(0));
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.documents WHERE id = ? AND metadata = '{}' AND "
                             "original_sha256 IS NULL AND name NOT LIKE '%hund%'"_s, { m_satzung }),
        qint64(1));
    const qint64 revision = count(*m_admin, u"SELECT revision FROM genius.tenants WHERE name = 'Stadt Aachen'"_s);
    QVERIFY(revision > revisionBefore + 2);
    QCOMPARE(object[u"revision"_s].toInteger(), revision);
    QCOMPARE(count(*m_admin, u"SELECT revision FROM genius.documents WHERE id = ? AND deleted"_s, { m_satzung }),
        revision);
    // The other document and both collections are as they were.
    QCOMPARE(liveRows(m_plan).section(u' ', 0, 1), u"documents=1 assignments=1"_s);
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.collections WHERE NOT deleted AND name IN "
                             "('Satzungen', 'Steuern')"_s),
        qint64(2));

    // Without --json: one sentence.
    QVERIFY(publish(u"hundesteuer.md"_s, u"Steuern"_s) > 0);
    const qint64 again = count(*m_admin, u"SELECT id FROM genius.documents WHERE name = 'hundesteuer.md' AND NOT deleted"_s);
    const CliRun plain = genius::tests::runCli(cliSetup(),
        { u"--profile"_s, profile(u"anna"_s), u"--store"_s, userUrl(u"anna"_s), u"documents"_s, u"withdraw"_s,
            QString::number(again) });
    QVERIFY2(plain.exitCode == 0, plain.why().constData());
    QCOMPARE(plain.out.count(u'\n'), 1);
    QVERIFY2(plain.out.contains(u"withdrawn from the shared store"_s), qPrintable(plain.out));
}

void TestStoreWithdrawal::staff_seeNoneOfItBySql()
{
    // Staff read by row-level security: the withdrawn document, its passages and its original
    // file are gone for them, whatever they select; the other document is still there.
    const QString sha = sha256OfFile(file(u"hundesteuer.md"_s));
    QVERIFY(!sha.isEmpty());
    QCOMPARE(count(*m_sven, u"SELECT count(*) FROM genius.documents WHERE name = 'hundesteuer.md'"_s), qint64(0));
    QCOMPARE(count(*m_sven, u"SELECT count(*) FROM genius.chunks WHERE text LIKE '%Hundesteuer%'"_s), qint64(0));
    QCOMPARE(count(*m_sven, u"SELECT count(*) FROM genius.originals WHERE sha256 = ?"_s, { sha }), qint64(0));
    QCOMPARE(count(*m_sven, u"SELECT count(*) FROM genius.documents"_s), qint64(1));
    QVERIFY(count(*m_sven, u"SELECT count(*) FROM genius.chunks WHERE text LIKE '%Bereitschaftsdienst%'"_s) > 0);
}

void TestStoreWithdrawal::sync_dropsTheCopy()
{
    const CliRun synced = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, synced.why().constData());
    QCOMPARE(synced.object()[u"removed"_s].toInt(), 1);
    QCOMPARE(synced.object()[u"unchanged"_s].toInt(), 1);
    const CliRun listed = store(u"sven"_s, { u"documents"_s });
    QVERIFY2(listed.exitCode == 0, listed.why().constData());
    QCOMPARE(listed.array().size(), 1);
    QCOMPARE(listed.array().at(0)[u"name"_s].toString(), u"dienstplan.md"_s);
    // Offline search no longer finds its text.
    const CliRun found = genius::tests::runCli(
        cliSetup(), { u"--profile"_s, profile(u"sven"_s), u"--json"_s, u"search"_s, u"Hundesteuer"_s });
    QVERIFY2(found.exitCode == 0, found.why().constData());
    QCOMPARE(found.array().size(), 0);
}

void TestStoreWithdrawal::withdrawnDocument_isUnknownAfterwards_andCanBePublishedAgain()
{
    const QString before = everything();
    const CliRun twice = withdraw(u"anna"_s, m_satzung);
    QCOMPARE(twice.exitCode, 2);
    QVERIFY2(twice.err.contains(u"There is no document with id %1"_s.arg(m_satzung)), qPrintable(twice.err));
    QCOMPARE(everything(), before);
    // Publishing the file again makes a new document, which staff get at their next sync.
    const qint64 republished = publish(u"hundesteuer.md"_s, u"Satzungen"_s);
    QVERIFY(republished > 0 && republished != m_satzung);
    const CliRun synced = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, synced.why().constData());
    QCOMPARE(synced.object()[u"added"_s].toInt(), 1);
}

void TestStoreWithdrawal::original_staysWhileAnotherDocumentHasIt()
{
    // The same file under another name, from another workstation (this one's index knows the
    // content already), is another document with the same original.
    QVERIFY(writeFile(file(u"dienstplan-kopie.md"_s), "# Dienstplan\n\nDer Bereitschaftsdienst wechselt wöchentlich.\n"));
    const QString sha = sha256OfFile(file(u"dienstplan.md"_s));
    QCOMPARE(sha256OfFile(file(u"dienstplan-kopie.md"_s)), sha);
    const qint64 copy = publish(u"dienstplan-kopie.md"_s, u"Satzungen"_s, u"anna-laptop"_s);
    QVERIFY(copy > 0 && copy != m_plan);
    const CliRun withdrawn = withdraw(u"anna"_s, copy);
    QVERIFY2(withdrawn.exitCode == 0, withdrawn.why().constData());
    QCOMPARE(withdrawn.object()[u"original_erased"_s].toBool(true), false);
    // The other document keeps its file, for staff too.
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.originals WHERE sha256 = ?"_s, { sha }), qint64(1));
    QCOMPARE(count(*m_sven, u"SELECT count(*) FROM genius.originals WHERE sha256 = ?"_s, { sha }), qint64(1));
    QCOMPARE(liveRows(m_plan).section(u' ', 0, 1), u"documents=1 assignments=1"_s);
    // Once that one goes too, so does the file.
    const CliRun last = withdraw(u"anna"_s, m_plan);
    QVERIFY2(last.exitCode == 0, last.why().constData());
    QVERIFY(last.object()[u"original_erased"_s].toBool());
    QCOMPARE(count(*m_admin, u"SELECT count(*) FROM genius.originals WHERE sha256 = ?"_s, { sha }), qint64(0));
}

void TestStoreWithdrawal::purge_deletesOldTombstonesForGood()
{
    // By now every table holds tombstones (withdrawn documents; a deleted collection as well).
    const CliRun deleted = store(u"anna"_s, { u"collections"_s, u"delete"_s, u"Steuern"_s });
    QVERIFY2(deleted.exitCode == 0, deleted.why().constData());
    const CliRun caughtUp = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(caughtUp.exitCode == 0, caughtUp.why().constData());
    const qint64 before = tombstones();
    QVERIFY(count(*m_admin, u"SELECT count(*) FROM genius.collections WHERE deleted"_s) > 0);
    QVERIFY(count(*m_admin, u"SELECT count(*) FROM genius.documents WHERE deleted"_s) > 0);
    const QString untouched = everything();
    const auto liveAndRevisions = [this]() -> QString {
        return everything().split(u' ').filter(u"revision="_s).join(u' ') + u" live="_s
            + QString::number(count(*m_admin,
                u"SELECT (SELECT count(*) FROM genius.documents WHERE NOT deleted) "
                "+ (SELECT count(*) FROM genius.chunks WHERE NOT deleted) + (SELECT "
                "count(*) FROM genius.collections WHERE NOT deleted)"_s));
    };
    const QString live = liveAndRevisions();

    // Only the administrator purges; a bad age is a usage error.
    for (const QString& user : { u"anna"_s, u"sven"_s }) {
        const CliRun refused = store(user, { u"store"_s, u"purge"_s, u"--older-than"_s, u"0"_s });
        QVERIFY2(refused.exitCode == 4, refused.why().constData());
    }
    QCOMPARE(purge({ u"--older-than"_s, u"-1"_s }).exitCode, 1);
    QCOMPARE(purge({ u"--older-than"_s, u"vier"_s }).exitCode, 1);
    QCOMPARE(everything(), untouched);

    // By default tombstones younger than 30 days stay.
    CliRun purged = purge();
    QVERIFY2(purged.exitCode == 0, purged.why().constData());
    QCOMPARE(purged.object()[u"older_than_days"_s].toInt(), 30);
    QCOMPARE(purged.object()[u"total"_s].toInteger(), qint64(0));
    QCOMPARE(everything(), untouched);
    // Old documents' tombstones stay while younger tombstones of their passages refer to them.
    QVERIFY(backdate(u"documents"_s));
    purged = purge();
    QVERIFY2(purged.exitCode == 0, purged.why().constData());
    QCOMPARE(purged.object()[u"total"_s].toInteger(), qint64(0));
    // Once everything is old, everything goes, children before their documents.
    for (const QString& table : { u"assignments"_s, u"pages"_s, u"chunks"_s, u"embeddings"_s, u"collections"_s })
        QVERIFY(backdate(table));
    purged = purge();
    QVERIFY2(purged.exitCode == 0, purged.why().constData());
    QCOMPARE(purged.object()[u"total"_s].toInteger(), before);
    QVERIFY(purged.object()[u"purged"_s][u"documents"_s].toInteger() > 0);
    QCOMPARE(tombstones(), qint64(0));
    // What is live and the revisions are as they were: clients have nothing to catch up on.
    QCOMPARE(liveAndRevisions(), live);
    const CliRun synced = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, synced.why().constData());
    QVERIFY2(synced.object()[u"up_to_date"_s].toBool(), synced.why().constData());

    // Removing a live row still leaves a tombstone; purging with --older-than 0 takes it at once.
    const qint64 liveDocument
        = count(*m_admin, u"SELECT id FROM genius.documents WHERE name = 'hundesteuer.md' AND NOT deleted"_s);
    QVERIFY(liveDocument > 0);
    QVERIFY2(withdraw(u"anna"_s, liveDocument).exitCode == 0, "withdraw");
    QVERIFY(tombstones() > 0);
    purged = purge({ u"--older-than"_s, u"0"_s });
    QVERIFY2(purged.exitCode == 0, purged.why().constData());
    QVERIFY(purged.object()[u"total"_s].toInteger() > 0);
    QCOMPARE(tombstones(), qint64(0));
    // Without --json: one sentence.
    const CliRun plain = genius::tests::runCli(cliSetup(),
        { u"--profile"_s, profile(u"admin"_s), u"--store"_s, genius::tests::storeAdminUrl(m_cluster, AdminPassword),
            u"store"_s, u"purge"_s });
    QVERIFY2(plain.exitCode == 0, plain.why().constData());
    QCOMPARE(plain.out.count(u'\n'), 1);
    QVERIFY2(plain.out.contains(u"deleted from the shared store"_s), qPrintable(plain.out));
}

void TestStoreWithdrawal::cleanupTestCase()
{
    m_sven.reset();
    m_admin.reset();
    m_cluster.stop();
}

QTEST_MAIN(TestStoreWithdrawal)
#include "tst_storewithdrawal.moc"
