// Syncing the shared store's published collections into a profile: `genius-cli --store URL sync`
// as staff, a data manager and another tenant, against a real PostgreSQL 15 server (a throwaway
// cluster, see postgrescluster.h) — including a client that syncs again after the store was
// unreachable while a data manager added, withdrew, re-classified and unpublished documents.
// What the profile holds is checked through its index (as the app and the CLI read it).
#include "core/index/indexdatabase.h"
#include "core/index/sharedcopies.h"
#include "core/services/sourceservice.h"
#include "core/sharedstore/storeconnection.h"
#include "integration/store/postgrescluster.h"
#include "integration/store/storetestsupport.h"
#include "support/textpdf.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using genius::index::IndexDatabase;
using genius::sharedstore::StoreConnection;
using genius::tests::AdminPassword;
using genius::tests::CliRun;
using genius::tests::sha256OfFile;
using genius::tests::UserPassword;
using genius::tests::writeFile;

namespace {

/// The names of the documents in a `documents --json` or `search --json` array.
QStringList names(const QJsonArray& array)
{
    QStringList list;
    for (const QJsonValue& value : array)
        list << value[u"name"_s].toString();
    list.sort();
    list.removeDuplicates();
    return list;
}

} // namespace

class TestStoreSync final : public QObject
{
    Q_OBJECT

private:
    genius::tests::PostgresCluster m_cluster;
    QTemporaryDir m_home;
    std::unique_ptr<StoreConnection> m_anna; ///< a data manager of "Stadt Aachen", by hand-written SQL

    QString file(const QString& name) const { return m_home.filePath(u"files/"_s + name); }
    QString profile(const QString& user) const { return m_home.filePath(u"profile-"_s + user); }
    QString userUrl(const QString& user) const { return m_cluster.urlWithoutPassword(user, u"genius"_s); }

    CliRun cli(const QString& user, const QStringList& arguments)
    {
        return genius::tests::runCli(
            cliSetup(), QStringList { u"--profile"_s, profile(user), u"--json"_s } + arguments);
    }
    genius::tests::CliSetup cliSetup() const
    {
        return { QStringLiteral(GENIUS_CLI_PATH), m_home.path(), UserPassword };
    }
    /// genius-cli as `user` against the store as `user`.
    CliRun store(const QString& user, const QStringList& arguments)
    {
        return cli(user, QStringList { u"--store"_s, userUrl(user) } + arguments);
    }
    CliRun publish(const QString& collection, const QStringList& files, const QString& cls = u"normal"_s)
    {
        QStringList arguments { u"import"_s, u"--collection"_s, collection, u"--class"_s, cls };
        for (const QString& name : files)
            arguments << file(name);
        return store(u"anna"_s, arguments);
    }
    bool annaRuns(const QString& sql)
    {
        const auto done = m_anna->exec(sql, u"change the store"_s);
        if (!done)
            qWarning("%s", qPrintable(done.error().detail));
        return bool(done);
    }
    std::unique_ptr<IndexDatabase> index(const QString& user)
    {
        auto database = IndexDatabase::open(QDir(profile(user)).filePath(IndexDatabase::fileName()));
        return database ? std::move(*database) : nullptr;
    }
    /// The profile's document of that name, or a record with id 0.
    genius::index::DocumentRecord document(IndexDatabase& database, const QString& name)
    {
        const auto all = database.documents();
        if (all)
            for (const auto& record : *all)
                if (record.name == name)
                    return record;
        return {};
    }

private Q_SLOTS:
    void initTestCase();
    void sync_copiesThePublishedCollectionsOnly();
    void copies_areSearchableAndOpenAsOriginals();
    void copies_areReadOnly();
    void secondSync_readsNothing();
    void role_isTheStoresGrant();
    void offline_searchReadsTheCopy_andSyncFailsCleanly();
    void afterTheOutage_additionsRemovalsAndClassesArrive();
    void publisher_linksItsOwnDocumentsInsteadOfCopying();
    void otherTenant_syncsNothingOfIt();
    void newGrant_isSyncedWithoutANewRevision();
    void cleanupTestCase();
};

void TestStoreSync::initTestCase()
{
    QVERIFY(m_home.isValid());
    const auto admin = genius::tests::setUpStore(m_cluster, cliSetup(), profile(u"admin"_s), AdminPassword,
        genius::tests::aachenAndBorken(), UserPassword);
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().detail));
    auto anna = genius::tests::openStore(m_cluster.url(u"anna"_s, UserPassword, u"genius"_s));
    QVERIFY2(anna, anna ? "" : qPrintable(anna.error().detail));
    m_anna = std::move(*anna);

    QVERIFY(QDir().mkpath(m_home.filePath(u"files"_s)));
    QVERIFY(writeFile(file(u"hundesteuer.md"_s),
        "# Hundesteuersatzung\n\n## § 1 Steuersatz\n\nDie Hundesteuer beträgt für den ersten Hund 96 Euro im Jahr.\n"));
    QVERIFY(genius::test::writeTextPdf(file(u"parken.pdf"_s),
        { u"Satzung über Bewohnerparkausweise. Einen Bewohnerparkausweis erhalten Personen mit Hauptwohnsitz im "
          "Gebiet."_s,
            u"Der Bewohnerparkausweis kostet 30 Euro im Jahr und wird vom Ordnungsamt ausgestellt."_s }));
    QVERIFY(writeFile(
        file(u"markt.md"_s), "# Marktsatzung\n\nDer Wochenmarkt findet mittwochs auf dem Marktplatz statt.\n"));
    QVERIFY(writeFile(
        file(u"entwurf.md"_s), "# Entwurf\n\nDie Gebührenerhöhung für Sondernutzungen ist noch nicht beschlossen.\n"));
    QVERIFY(writeFile(file(u"friedhof.md"_s), "# Friedhofssatzung\n\nDie Grabstätten werden für 25 Jahre vergeben.\n"));

    // Anna publishes two collections and keeps a draft collection unpublished.
    CliRun published = publish(u"Satzungen"_s, { u"hundesteuer.md"_s, u"parken.pdf"_s });
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    published = publish(u"Märkte"_s, { u"markt.md"_s });
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    published = publish(u"Entwürfe"_s, { u"entwurf.md"_s });
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    const CliRun unpublished = store(u"anna"_s, {u"collections"_s, u"unpublish"_s, u"Entwürfe"_s});
    QVERIFY2(unpublished.exitCode == 0, qPrintable(unpublished.err));
}

void TestStoreSync::sync_copiesThePublishedCollectionsOnly()
{
    const CliRun synced = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    const QJsonObject report = synced.object();
    QCOMPARE(report[u"tenant"_s].toString(), u"Stadt Aachen"_s);
    QCOMPARE(report[u"up_to_date"_s].toBool(), false);
    QCOMPARE(report[u"collections"_s].toInt(), 2);
    QCOMPARE(report[u"added"_s].toInt(), 3);
    QCOMPARE(report[u"removed"_s].toInt(), 0);
    QVERIFY(report[u"original_bytes"_s].toDouble() > 0);
    QVERIFY(report[u"revision"_s].toDouble() > 0);

    // Without --store: the profile's own copy.
    const CliRun documents = cli(u"sven"_s, { u"documents"_s });
    QCOMPARE(documents.exitCode, 0);
    QCOMPARE(names(documents.array()), QStringList({ u"hundesteuer.md"_s, u"markt.md"_s, u"parken.pdf"_s }));
    const CliRun collections = cli(u"sven"_s, { u"collections"_s, u"list"_s });
    QCOMPARE(collections.exitCode, 0);
    QCOMPARE(names(collections.array()), QStringList({ u"Märkte"_s, u"Satzungen"_s }));
    for (const QJsonValue& collection : collections.array()) {
        QVERIFY(collection[u"published"_s].toBool());
        QVERIFY(collection[u"shared"_s].toBool());
    }
    for (const QJsonValue& document : documents.array()) {
        QVERIFY(document[u"shared"_s].toBool());
        QVERIFY(document[u"store_document"_s].toDouble() > 0);
    }
}

void TestStoreSync::copies_areSearchableAndOpenAsOriginals()
{
    const CliRun found = cli(u"sven"_s, { u"search"_s, u"--collection"_s, u"Satzungen"_s, u"Bewohnerparkausweis"_s });
    QVERIFY2(found.exitCode == 0, qPrintable(found.err));
    QVERIFY(!found.array().isEmpty());
    QCOMPARE(names(found.array()), QStringList({ u"parken.pdf"_s }));

    const auto database = index(u"sven"_s);
    QVERIFY(database);
    const auto parken = document(*database, u"parken.pdf"_s);
    QVERIFY(parken.id > 0);
    QVERIFY(parken.shared);
    QVERIFY(parken.originId > 0);
    QCOMPARE(parken.status, genius::index::DocumentStatus::Ready);
    QCOMPARE(parken.pagesTotal, 2);
    // The original came along, byte for byte, into the profile.
    QVERIFY2(parken.sourcePath.startsWith(profile(u"sven"_s)), qPrintable(parken.sourcePath));
    QCOMPARE(sha256OfFile(parken.sourcePath), sha256OfFile(file(u"parken.pdf"_s)));
    // The PDF view finds the cited sentence on its page and can frame it (word boxes came too).
    const genius::services::SourceService sources(*database);
    const auto passage = sources.locate(
        { parken.id, parken.name, 2, 2, u"Der Bewohnerparkausweis kostet 30 Euro im Jahr"_s, parken.protectionClass },
        QString());
    QVERIFY2(passage, passage ? "" : qPrintable(passage.error().detail));
    QVERIFY(passage->showsPdf());
    QVERIFY(passage->found);
    QCOMPARE(passage->page, 2);
    QVERIFY(passage->citedPage() && !passage->citedPage()->highlight.isEmpty());

    const CliRun text = cli(u"sven"_s, { u"text"_s, u"--document"_s, QString::number(parken.id), u"--page"_s, u"1"_s });
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY(text.out.contains(u"Hauptwohnsitz"_s));
}

void TestStoreSync::copies_areReadOnly()
{
    const auto database = index(u"sven"_s);
    QVERIFY(database);
    const auto markt = document(*database, u"markt.md"_s);
    QVERIFY(markt.shared);
    const auto removed = database->removeDocument(markt.id);
    QVERIFY(!removed);
    QVERIFY2(removed.error().detail.contains(u"shared store"_s), qPrintable(removed.error().detail));
    QVERIFY(!database->unassign(markt.id, u"Märkte"_s));
    QVERIFY(!database->renameCollection(u"Märkte"_s, u"Wochenmärkte"_s));
    QVERIFY(!database->removeCollection(u"Märkte"_s));
    QVERIFY(database->document(markt.id));
    QCOMPARE(database->collection(u"Märkte"_s)->documents, 1);
    // A local collection may hold a shared copy.
    QVERIFY(database->createCollection(u"Meine Auswahl"_s, genius::domain::ProtectionClass::Normal));
    QVERIFY(database->assign(markt.id, u"Meine Auswahl"_s));
}

void TestStoreSync::secondSync_readsNothing()
{
    const CliRun synced = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QCOMPARE(synced.object()[u"up_to_date"_s].toBool(), true);
    QCOMPARE(synced.object()[u"added"_s].toInt(), 0);
}

void TestStoreSync::role_isTheStoresGrant()
{
    // Recorded by the last sync: the grant decides once a store is configured (no policy here).
    const QList<std::pair<QString, QString>> grants = { { u"sven"_s, u"staff"_s }, { u"bert"_s, u"data-manager"_s } };
    for (const auto& [user, role] : grants) {
        const CliRun synced = store(user, { u"sync"_s });
        QCOMPARE(synced.object()[u"role"_s].toString(), role);
        const CliRun setting = store(user, { u"settings"_s, u"get"_s, u"roles/role"_s });
        QVERIFY2(setting.exitCode == 0, qPrintable(setting.err));
        QCOMPARE(setting.object()[u"effective"_s].toString(), role);
        QCOMPARE(setting.object()[u"effective_source"_s].toString(), u"store"_s);
    }
    // Without a store the profile is the user's own again.
    const CliRun local = cli(u"sven"_s, { u"settings"_s, u"get"_s, u"roles/role"_s });
    QCOMPARE(local.object()[u"effective_source"_s].toString(), u"local-profile"_s);
}

void TestStoreSync::offline_searchReadsTheCopy_andSyncFailsCleanly()
{
    m_anna.reset();
    m_cluster.stop();
    const CliRun found = store(u"sven"_s, { u"search"_s, u"--collection"_s, u"Satzungen"_s, u"Hundesteuer"_s });
    QVERIFY2(found.exitCode == 0, qPrintable(found.err));
    QCOMPARE(names(found.array()), QStringList({ u"hundesteuer.md"_s }));
    QVERIFY2(found.err.contains(u"synced on"_s), qPrintable(found.err));

    const CliRun synced = store(u"sven"_s, { u"sync"_s });
    QCOMPARE(synced.exitCode, 5);
    QCOMPARE(synced.err.trimmed().count(u'\n'), 0);
    QVERIFY(!synced.err.contains(UserPassword));
    const CliRun documents = cli(u"sven"_s, { u"documents"_s });
    QCOMPARE(names(documents.array()), QStringList({ u"hundesteuer.md"_s, u"markt.md"_s, u"parken.pdf"_s }));
}

void TestStoreSync::afterTheOutage_additionsRemovalsAndClassesArrive()
{
    QVERIFY2(m_cluster.restart(), qPrintable(m_cluster.error()));
    auto anna = genius::tests::openStore(m_cluster.url(u"anna"_s, UserPassword, u"genius"_s));
    QVERIFY2(anna, anna ? "" : qPrintable(anna.error().detail));
    m_anna = std::move(*anna);
    const auto before = index(u"sven"_s);
    QVERIFY(before);
    const QString hundesteuerFile = document(*before, u"hundesteuer.md"_s).sourcePath;
    QVERIFY(QFileInfo::exists(hundesteuerFile));

    // While Sven was away: a new document, a withdrawn one, a re-classified document and
    // collection, an unpublished collection.
    const CliRun added = publish(u"Satzungen"_s, { u"friedhof.md"_s });
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY(annaRuns(u"DELETE FROM genius.documents WHERE name = 'hundesteuer.md'"_s));
    QVERIFY(annaRuns(u"UPDATE genius.collections SET class = 'high' WHERE name = 'Satzungen'"_s));
    QVERIFY(annaRuns(u"UPDATE genius.documents SET class = 'high' WHERE name = 'parken.pdf'"_s));
    const CliRun unpublished = store(u"anna"_s, {u"collections"_s, u"unpublish"_s, u"Märkte"_s});
    QVERIFY2(unpublished.exitCode == 0, qPrintable(unpublished.err));

    const CliRun synced = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    const QJsonObject report = synced.object();
    QCOMPARE(report[u"added"_s].toInt(), 1);
    QCOMPARE(report[u"updated"_s].toInt(), 1);
    QCOMPARE(report[u"removed"_s].toInt(), 1); // hundesteuer.md
    QCOMPARE(report[u"kept"_s].toInt(), 1); // markt.md: Sven had put it into a collection of his own
    QCOMPARE(report[u"removed_collections"_s].toInt(), 1);

    const auto database = index(u"sven"_s);
    QVERIFY(database);
    QCOMPARE(document(*database, u"hundesteuer.md"_s).id, 0);
    QVERIFY(!QFileInfo::exists(hundesteuerFile)); // its fetched original went with it
    const auto parken = document(*database, u"parken.pdf"_s);
    QCOMPARE(parken.protectionClass, genius::domain::ProtectionClass::High);
    QCOMPARE(database->collection(u"Satzungen"_s)->protectionClass, genius::domain::ProtectionClass::High);
    QVERIFY(!database->collection(u"Märkte"_s));
    const auto markt = document(*database, u"markt.md"_s);
    QVERIFY(markt.id > 0);
    QVERIFY(!markt.shared);
    QCOMPARE(markt.collections, QStringList({ u"Meine Auswahl"_s }));

    const CliRun found = cli(u"sven"_s, { u"search"_s, u"--collection"_s, u"Satzungen"_s, u"Grabstätten"_s });
    QVERIFY2(found.exitCode == 0, qPrintable(found.err));
    QCOMPARE(names(found.array()), QStringList({ u"friedhof.md"_s }));
    const CliRun gone = cli(u"sven"_s, { u"search"_s, u"Hundesteuer"_s });
    QCOMPARE(gone.exitCode, 0);
    QVERIFY2(gone.array().isEmpty(), qPrintable(gone.out));
}

void TestStoreSync::publisher_linksItsOwnDocumentsInsteadOfCopying()
{
    const CliRun synced = store(u"anna"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    const QJsonObject report = synced.object();
    QCOMPARE(report[u"added"_s].toInt(), 0);
    // Data managers get the unpublished collections too: parken.pdf and friedhof.md (Satzungen),
    // markt.md (Märkte) and entwurf.md (Entwürfe), all imported here.
    QCOMPARE(report[u"linked"_s].toInt(), 4);
    QCOMPARE(report[u"collections"_s].toInt(), 3);
    QCOMPARE(report[u"original_bytes"_s].toDouble(), 0.0);
    const auto database = index(u"anna"_s);
    QVERIFY(database);
    // Her own documents stay hers: the withdrawn one too, and none is a read-only copy.
    const auto all = database->documents();
    QVERIFY(all);
    QCOMPARE(all->size(), 5);
    for (const auto& record : *all)
        QVERIFY2(!record.shared, qPrintable(record.name));
    QVERIFY(database->removeDocument(document(*database, u"entwurf.md"_s).id));
}

void TestStoreSync::otherTenant_syncsNothingOfIt()
{
    const CliRun synced = store(u"bert"_s, { u"sync"_s });
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QCOMPARE(synced.object()[u"tenant"_s].toString(), u"Kreis Borken"_s);
    QCOMPARE(synced.object()[u"collections"_s].toInt(), 0);
    QCOMPARE(synced.object()[u"added"_s].toInt(), 0);
    const CliRun documents = cli(u"bert"_s, { u"documents"_s });
    QCOMPARE(documents.exitCode, 0);
    QVERIFY(documents.array().isEmpty());
    QVERIFY(!QDir(profile(u"bert"_s)).exists(u"shared-originals"_s));
}

void TestStoreSync::newGrant_isSyncedWithoutANewRevision()
{
    const auto grant = [this](const QString& role) {
        return genius::tests::runCli(cliSetup(),
            { u"--profile"_s, profile(u"admin"_s), u"--store"_s, genius::tests::storeAdminUrl(m_cluster, AdminPassword),
                u"store"_s, u"grant"_s, u"sven"_s, u"--tenant"_s, u"Stadt Aachen"_s, u"--role"_s, role,
                u"--password"_s, u"-"_s },
            UserPassword.toUtf8());
    };
    QCOMPARE(store(u"sven"_s, { u"sync"_s }).object()[u"up_to_date"_s].toBool(), true);
    // A grant changes no revision, yet what the user may see: the next sync lists everything again.
    QCOMPARE(grant(u"data-manager"_s).exitCode, 0);
    const CliRun promoted = store(u"sven"_s, { u"sync"_s });
    QVERIFY2(promoted.exitCode == 0, qPrintable(promoted.err));
    QCOMPARE(promoted.object()[u"up_to_date"_s].toBool(), false);
    QCOMPARE(promoted.object()[u"role"_s].toString(), u"data-manager"_s);
    QCOMPARE(promoted.object()[u"collections"_s].toInt(), 3); // the unpublished ones too
    QCOMPARE(grant(u"staff"_s).exitCode, 0);
    const CliRun demoted = store(u"sven"_s, { u"sync"_s });
    QCOMPARE(demoted.object()[u"up_to_date"_s].toBool(), false);
    QCOMPARE(demoted.object()[u"collections"_s].toInt(), 1);
    QCOMPARE(demoted.object()[u"removed_collections"_s].toInt(), 2);
    const auto database = index(u"sven"_s);
    QVERIFY(database);
    QVERIFY(!database->collection(u"Entwürfe"_s));
}

void TestStoreSync::cleanupTestCase()
{
    m_anna.reset();
    m_cluster.stop();
}

QTEST_MAIN(TestStoreSync)
#include "tst_storesync.moc"
