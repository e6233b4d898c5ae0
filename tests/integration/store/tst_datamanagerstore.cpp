// The data-manager view against the shared store (offscreen, a real PostgreSQL 15 server): a
// data manager publishes a local collection with one click, staff and another data manager sync
// it and see it as a read-only copy, and an unreachable store leaves the view as it was with one
// readable sentence.
#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/models/collectionlistmodel.h"
#include "core/models/curation.h"
#include "core/models/documenttablemodel.h"
#include "core/security/memorysecretstore.h"
#include "core/services/sharedstoreservice.h"
#include "core/settings/settings.h"
#include "core/sharedstore/storeconnection.h"
#include "gui/guitestsupport.h"
#include "integration/store/postgrescluster.h"
#include "integration/store/storetestsupport.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "ui/collectiondialog.h"
#include "ui/datamanagerpage.h"

#include <memory>

using namespace genius;
using namespace Qt::StringLiterals;
using genius::tests::AdminPassword;
using genius::tests::UserPassword;

namespace {

/// One workstation: a profile with its index, the store service and the data-manager view.
struct Station {
    QString profile;
    std::unique_ptr<settings::Settings> settings;
    security::MemorySecretStore secrets;
    std::unique_ptr<index::IndexDatabase> database;
    std::unique_ptr<import::ImportQueue> queue;
    std::unique_ptr<models::Curation> curation;
    std::unique_ptr<services::SharedStoreService> store;
    std::unique_ptr<ui::DataManagerPage> page;

    /// Without `withStore` the view gets no store service (a profile synced earlier, opened offline).
    bool open(const QString& directory, const QString& storeUrl, bool canManage, bool withStore = true)
    {
        profile = directory;
        if (!QDir().mkpath(profile))
            return false;
        settings = std::make_unique<settings::Settings>(
            settings::SettingsLocations{QDir(profile).filePath(u"settings.json"_s), {}, {}, QSettings::IniFormat});
        if (!settings->setSessionValue(settings::keys::StoreUrl, storeUrl))
            return false;
        auto opened = index::IndexDatabase::open(QDir(profile).filePath(index::IndexDatabase::fileName()));
        if (!opened)
            return false;
        database = std::move(*opened);
        queue = std::make_unique<import::ImportQueue>(*database, import::ImportOptions{});
        curation = std::make_unique<models::Curation>(*database, *queue);
        store = std::make_unique<services::SharedStoreService>(*settings, secrets, database->path(),
                                                                QDir(profile).filePath(u"shared-originals"_s));
        page = std::make_unique<ui::DataManagerPage>(*curation, canManage);
        if (withStore)
            page->setSharedStore(*store);
        page->resize(1280, 860);
        page->show();
        return true;
    }

    template <typename T>
    T* child(const QString& name) const
    {
        return page->findChild<T*>(name);
    }

    /// Clicks a button of the store bar and waits for the job's outcome.
    std::optional<services::SharedStoreService::Outcome> click(const QString& button)
    {
        QSignalSpy finished(store.get(), &services::SharedStoreService::finished);
        auto* target = child<QPushButton>(button);
        if (!target || !target->isEnabled())
            return std::nullopt;
        QTest::mouseClick(target, Qt::LeftButton);
        if (!finished.wait(60000))
            return std::nullopt;
        return finished.first().first().value<services::SharedStoreService::Outcome>();
    }

    QStringList collectionTexts() const
    {
        QStringList texts;
        const auto* list = child<QListView>(u"collectionList"_s);
        for (int row = 0; row < list->model()->rowCount(); ++row)
            texts << list->model()->index(row, 0).data().toString();
        return texts;
    }
};

} // namespace

Q_DECLARE_METATYPE(genius::services::SharedStoreService::Outcome)

class TestDataManagerStore final : public QObject
{
    Q_OBJECT

private:
    tests::PostgresCluster m_cluster;
    QTemporaryDir m_home;
    std::unique_ptr<sharedstore::StoreConnection> m_admin;

    QString profile(const QString& user) const { return m_home.filePath(u"profile-"_s + user); }
    QString userUrl(const QString& user) const { return m_cluster.urlWithoutPassword(user, u"genius"_s); }

    tests::CliSetup cliSetup() const { return {QStringLiteral(GENIUS_CLI_PATH), m_home.path()}; }
    int cli(const QStringList& arguments)
    {
        const tests::CliRun run = tests::runCli(cliSetup(), arguments);
        if (run.exitCode != 0)
            qWarning("%s", run.why().constData());
        return run.exitCode;
    }
    qint64 count(const QString& sql)
    {
        const auto value = m_admin->value(sql, {}, u"count"_s);
        return value ? value->toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase();
    void publish_fromTheView_reachesTheStore();
    void staff_syncAndSeeTheSharedCollection();
    void otherDataManager_changesTheSharedCollectionInTheStore();
    void copyWithoutTheStore_isReadOnly();
    void unreachableStore_saysSoAndKeepsTheView();
    void otherDataManager_withdrawsACopyFromTheStore();
    void periodicSync_bringsNewDocumentsWithoutAClick();
    void syncInterval_followsTheSetting();
    void cleanupTestCase();
};

void TestDataManagerStore::initTestCase()
{
    qRegisterMetaType<services::SharedStoreService::Outcome>();
    QVERIFY(m_home.isValid());
    auto admin = tests::setUpStore(m_cluster, cliSetup(), profile(u"admin"_s), AdminPassword,
                                   {{u"anna"_s, u"Stadt Aachen"_s, u"data-manager"_s},
                                    {u"arne"_s, u"Stadt Aachen"_s, u"data-manager"_s},
                                    {u"sven"_s, u"Stadt Aachen"_s, u"staff"_s}},
                                   UserPassword);
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().detail));
    m_admin = std::move(*admin);
    // The service connects like the app: the URL without password, libpq's PGPASSWORD.
    qputenv("PGPASSWORD", UserPassword.toUtf8());

    // Anna's local work: a collection with one imported document.
    const QString satzung = m_home.filePath(u"hundesteuer.md"_s);
    QVERIFY(tests::writeFile(satzung,
                             "# Hundesteuersatzung\n\nDie Hundesteuer beträgt für den ersten Hund 96 Euro im Jahr.\n"));
    QCOMPARE(cli({u"--profile"_s, profile(u"anna"_s), u"import"_s, u"--collection"_s, u"Satzungen"_s, satzung}), 0);
}

void TestDataManagerStore::publish_fromTheView_reachesTheStore()
{
    Station anna;
    QVERIFY(anna.open(profile(u"anna"_s), userUrl(u"anna"_s), true));
    QVERIFY(anna.page->selectCollection(u"Satzungen"_s));
    QCOMPARE(count(u"SELECT count(*) FROM genius.documents"_s), 0);
    const auto outcome = anna.click(u"publishToStoreButton"_s);
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QCOMPARE(outcome->published, 1);
    QCOMPARE(count(u"SELECT count(*) FROM genius.documents WHERE name = 'hundesteuer.md' AND NOT deleted"_s), 1);
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections WHERE name = 'Satzungen' AND published"_s), 1);
    QVERIFY2(anna.page->message().contains(u"published"_s), qPrintable(anna.page->message()));
    // Her own collection stays hers: linked, not a copy, so she can still change it.
    QVERIFY(anna.page->selectCollection(u"Satzungen"_s));
    QVERIFY(anna.child<QPushButton>(u"editCollectionButton"_s)->isEnabled());
    QVERIFY(anna.child<QPushButton>(u"publishToStoreButton"_s)->isEnabled());
    // Publishing again adds nothing.
    const auto again = anna.click(u"publishToStoreButton"_s);
    QVERIFY(again);
    QCOMPARE(again->published, 0);
    QCOMPARE(again->unchanged, 1);
    QCOMPARE(count(u"SELECT count(*) FROM genius.documents"_s), 1);
}

void TestDataManagerStore::staff_syncAndSeeTheSharedCollection()
{
    Station sven;
    QVERIFY(sven.open(profile(u"sven"_s), userUrl(u"sven"_s), false));
    QVERIFY(sven.collectionTexts().isEmpty());
    QVERIFY(!sven.child<QPushButton>(u"publishToStoreButton"_s));
    const auto outcome = sven.click(u"syncStoreButton"_s);
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QCOMPARE(outcome->sync.added, 1);
    QCOMPARE(sven.collectionTexts(), QStringList({u"Satzungen (1 document(s), shared)"_s})); // no catalogue: source text
    QVERIFY(sven.page->selectCollection(u"Satzungen"_s));
    QVERIFY2(sven.child<QLabel>(u"collectionInfo"_s)->text().contains(u"read-only"_s),
             qPrintable(sven.child<QLabel>(u"collectionInfo"_s)->text()));
    QVERIFY(test::widgetsWithoutAccessibleName(sven.page.get()).isEmpty());
}

void TestDataManagerStore::otherDataManager_changesTheSharedCollectionInTheStore()
{
    // Arne has a document of his own, imported on his workstation only.
    const QString markt = m_home.filePath(u"markt.md"_s);
    QVERIFY(tests::writeFile(markt, "# Marktsatzung\n\nDer Wochenmarkt findet mittwochs auf dem Marktplatz statt.\n"));
    QCOMPARE(cli({u"--profile"_s, profile(u"arne"_s), u"import"_s, markt}), 0);
    Station arne;
    QVERIFY(arne.open(profile(u"arne"_s), userUrl(u"arne"_s), true));
    const auto synced = arne.click(u"syncStoreButton"_s);
    QVERIFY(synced && synced->ok);
    QVERIFY(arne.page->selectCollection(u"Satzungen"_s));
    for (const QString& button : {u"editCollectionButton"_s, u"deleteCollectionButton"_s, u"publishButton"_s})
        QVERIFY2(arne.child<QPushButton>(button)->isEnabled(), qPrintable(button));
    QVERIFY(!arne.child<QPushButton>(u"publishToStoreButton"_s)->isEnabled()); // it is the store's already
    QVERIFY2(arne.child<QLabel>(u"collectionInfo"_s)->text().contains(u"changes go to the store"_s),
             qPrintable(arne.child<QLabel>(u"collectionInfo"_s)->text()));

    // Unpublishing goes to the store; data managers keep seeing the collection, unpublished.
    const auto unpublished = arne.click(u"publishButton"_s);
    QVERIFY2(unpublished && unpublished->ok, unpublished ? qPrintable(unpublished->message) : "no outcome");
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections WHERE name = 'Satzungen' AND NOT published"_s), 1);
    QVERIFY(arne.page->selectCollection(u"Satzungen"_s));
    QVERIFY2(arne.child<QLabel>(u"collectionInfo"_s)->text().contains(u"not published"_s),
             qPrintable(arne.child<QLabel>(u"collectionInfo"_s)->text()));
    const auto republished = arne.click(u"publishButton"_s);
    QVERIFY(republished && republished->ok);
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections WHERE name = 'Satzungen' AND published"_s), 1);

    // Editing it edits the store's collection: a new description (the tenant is the store's).
    QVERIFY(arne.page->selectCollection(u"Satzungen"_s));
    bool tenantReadOnly = false;
    QTimer::singleShot(0, qApp, [&tenantReadOnly] {
        auto* dialog = qobject_cast<ui::CollectionDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        tenantReadOnly = dialog->findChild<QLineEdit*>(u"collectionTenant"_s)->isReadOnly();
        dialog->setDescription(u"Ortsrecht der Stadt Aachen"_s);
        dialog->accept();
    });
    const auto edited = arne.click(u"editCollectionButton"_s);
    QVERIFY2(edited && edited->ok, edited ? qPrintable(edited->message) : "no outcome");
    QVERIFY(tenantReadOnly);
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections WHERE name = 'Satzungen' AND "
                   "description = 'Ortsrecht der Stadt Aachen'"_s),
             1);
    const auto copy = arne.database->collection(u"Satzungen"_s);
    QVERIFY(copy && copy->shared);
    QCOMPARE(copy->description, u"Ortsrecht der Stadt Aachen"_s); // synced back

    // His own document dropped on the shared collection is published into it, and taken out again.
    const auto all = arne.database->documents();
    QVERIFY(all);
    qint64 own = 0;
    for (const auto& record : *all)
        if (record.name == u"markt.md"_s)
            own = record.id;
    QVERIFY(own > 0);
    const QString inSatzungen = u"SELECT count(*) FROM genius.assignments a JOIN genius.documents d ON d.id = "
                                "a.document_id JOIN genius.collections c ON c.id = a.collection_id WHERE d.name = "
                                "'markt.md' AND c.name = 'Satzungen' AND NOT a.deleted"_s;
    QSignalSpy finished(arne.store.get(), &services::SharedStoreService::finished);
    arne.page->assignDocuments({own}, u"Satzungen"_s);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.last().first().value<services::SharedStoreService::Outcome>().ok, qPrintable(arne.page->message()));
    QCOMPARE(count(inSatzungen), 1);
    QCOMPARE(arne.collectionTexts(), QStringList({u"Satzungen (2 document(s), shared)"_s}));
    const auto linked = arne.database->document(own);
    QVERIFY(linked && linked->originId > 0 && !linked->shared); // still his own document
    arne.page->unassignDocuments({own}, u"Satzungen"_s);
    QVERIFY(finished.wait(60000));
    QCOMPARE(count(inSatzungen), 0);
    QCOMPARE(arne.collectionTexts(), QStringList({u"Satzungen (1 document(s), shared)"_s}));
    QVERIFY(arne.database->document(own)); // out of the collection, still on his workstation
    QVERIFY(test::widgetsWithoutAccessibleName(arne.page.get()).isEmpty());
}

void TestDataManagerStore::copyWithoutTheStore_isReadOnly()
{
    Station arne;
    QVERIFY(arne.open(profile(u"arne"_s), userUrl(u"arne"_s), true, false));
    QVERIFY(arne.page->selectCollection(u"Satzungen"_s));
    for (const QString& button : {u"editCollectionButton"_s, u"deleteCollectionButton"_s, u"publishButton"_s})
        QVERIFY2(!arne.child<QPushButton>(button)->isEnabled(), qPrintable(button));
    QVERIFY(!arne.child<QPushButton>(u"syncStoreButton"_s));
    // Taking the document out of the copy is refused with the reason; the copy keeps it.
    qint64 copy = 0;
    const auto documents = arne.database->documents();
    QVERIFY(documents);
    for (const auto& record : *documents)
        if (record.shared)
            copy = record.id;
    QVERIFY(copy > 0);
    arne.page->unassignDocuments({copy}, u"Satzungen"_s);
    QVERIFY2(arne.page->message().contains(u"shared"_s), qPrintable(arne.page->message()));
    QCOMPARE(arne.collectionTexts(), QStringList({u"Satzungen (1 document(s), shared)"_s}));
}

void TestDataManagerStore::unreachableStore_saysSoAndKeepsTheView()
{
    Station sven;
    QVERIFY(sven.open(profile(u"sven"_s), u"postgresql://sven@127.0.0.1:1/genius?connect_timeout=2"_s, false));
    const QStringList before = sven.collectionTexts();
    QCOMPARE(before.size(), 1);
    const auto outcome = sven.click(u"syncStoreButton"_s);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY2(sven.page->message().contains(u"cannot be reached"_s), qPrintable(sven.page->message()));
    QVERIFY(!sven.page->message().contains(UserPassword));
    QCOMPARE(sven.collectionTexts(), before);
    QVERIFY(sven.child<QPushButton>(u"syncStoreButton"_s)->isEnabled());

    // One exchange at a time: a second one asked for meanwhile ends at once, refused, and says so.
    QSignalSpy finished(sven.store.get(), &services::SharedStoreService::finished);
    sven.store->sync();
    QVERIFY(!sven.child<QPushButton>(u"syncStoreButton"_s)->isEnabled());
    sven.store->sync();
    QCOMPARE(finished.count(), 1);
    const auto refused = finished.first().first().value<services::SharedStoreService::Outcome>();
    QVERIFY(!refused.ok);
    QVERIFY2(refused.message.contains(u"busy"_s), qPrintable(refused.message));
    QVERIFY(finished.wait(60000)); // the first one's own outcome
    QVERIFY(sven.child<QPushButton>(u"syncStoreButton"_s)->isEnabled());
}

void TestDataManagerStore::otherDataManager_withdrawsACopyFromTheStore()
{
    Station arne;
    QVERIFY(arne.open(profile(u"arne"_s), userUrl(u"arne"_s), true));
    const auto documents = arne.database->documents();
    QVERIFY(documents);
    qint64 copy = 0;
    for (const auto& record : *documents)
        if (record.shared && record.name == u"hundesteuer.md"_s)
            copy = record.id;
    QVERIFY(copy > 0);
    const QString live = u"SELECT count(*) FROM genius.documents WHERE name = 'hundesteuer.md' AND NOT deleted"_s;
    QCOMPARE(count(live), 1);

    // "Remove…" on a copy asks about the store, not the index, and withdraws it there.
    auto* status = arne.child<QTableView>(u"statusTable"_s);
    QVERIFY(status);
    status->clearSelection();
    for (int row = 0; row < status->model()->rowCount(); ++row)
        if (status->model()->index(row, 0).data(models::DocumentTableModel::IdRole).toLongLong() == copy)
            status->selectionModel()->select(
                status->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(status->selectionModel()->selectedRows().size(), 1);
    QString question;
    QTimer::singleShot(0, qApp, [&question] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        question = box->text();
        box->button(QMessageBox::Yes)->click();
    });
    QSignalSpy finished(arne.store.get(), &services::SharedStoreService::finished);
    QTest::mouseClick(arne.child<QPushButton>(u"removeButton"_s), Qt::LeftButton);
    QVERIFY2(question.contains(u"shared store"_s), qPrintable(question));
    QVERIFY(finished.wait(60000));
    const auto outcome = finished.first().first().value<services::SharedStoreService::Outcome>();
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(outcome.sync.removed, 1);
    QVERIFY2(arne.page->message().contains(u"withdrawn"_s), qPrintable(arne.page->message()));
    QCOMPARE(count(live), 0);
    // The sync that followed dropped the copy; the collection stays, empty.
    QVERIFY(!arne.database->document(copy));
    QCOMPARE(arne.collectionTexts(), QStringList({u"Satzungen (0 document(s), shared)"_s}));
}

void TestDataManagerStore::periodicSync_bringsNewDocumentsWithoutAClick()
{
    Station sven;
    QVERIFY(sven.open(profile(u"sven"_s), userUrl(u"sven"_s), false));
    QVERIFY(sven.page->selectCollection(u"Satzungen"_s));
    // Anna publishes while Sven's app runs.
    const QString gebuehren = m_home.filePath(u"gebuehren.md"_s);
    QVERIFY(tests::writeFile(gebuehren, "# Gebührensatzung\n\nDie Verwaltungsgebühr beträgt 25 Euro.\n"));
    const tests::CliRun published = tests::runCli({QStringLiteral(GENIUS_CLI_PATH), m_home.path(), UserPassword},
        {u"--profile"_s, profile(u"anna"_s), u"--store"_s, userUrl(u"anna"_s), u"import"_s, u"--collection"_s,
         u"Satzungen"_s, gebuehren});
    QVERIFY2(published.exitCode == 0, published.why().constData());

    // Nobody clicks: the interval brings it.
    QSignalSpy finished(sven.store.get(), &services::SharedStoreService::finished);
    sven.store->setSyncInterval(std::chrono::milliseconds(200));
    bool arrived = false;
    for (int round = 0; round < 20 && !arrived; ++round) {
        if (finished.isEmpty() && !finished.wait(30000))
            break;
        const auto outcome = finished.takeFirst().first().value<services::SharedStoreService::Outcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        arrived = outcome.sync.added == 1;
    }
    QVERIFY(arrived);
    QVERIFY2(sven.collectionTexts().contains(u"Satzungen (1 document(s), shared)"_s),
             qPrintable(sven.collectionTexts().join(u", "_s)));

    // Zero stops it: after the running job, nothing more.
    sven.store->setSyncInterval(std::chrono::milliseconds::zero());
    if (sven.store->busy())
        QVERIFY(finished.wait(30000));
    finished.clear();
    QTest::qWait(1000);
    QCOMPARE(finished.count(), 0);
}

void TestDataManagerStore::syncInterval_followsTheSetting()
{
    using std::chrono::minutes;
    Station sven;
    QVERIFY(sven.open(profile(u"sven"_s), userUrl(u"sven"_s), false));
    QCOMPARE(sven.store->syncInterval(), std::chrono::milliseconds::zero());
    sven.store->followSyncSetting();
    QCOMPARE(sven.store->syncInterval(), minutes(30)); // the default
    // Changed in the settings view while the app runs: no restart needed.
    QVERIFY(sven.settings->setValue(settings::keys::StoreSyncMinutes, 5));
    QCOMPARE(sven.store->syncInterval(), minutes(5));
    QVERIFY(sven.settings->setValue(settings::keys::StoreSyncMinutes, 0));
    QCOMPARE(sven.store->syncInterval(), std::chrono::milliseconds::zero());
    QVERIFY(!sven.settings->setValue(settings::keys::StoreSyncMinutes, 5000)); // refused: stays off
    QCOMPARE(sven.store->syncInterval(), std::chrono::milliseconds::zero());
    QVERIFY(sven.settings->resetValue(settings::keys::StoreSyncMinutes));
    QCOMPARE(sven.store->syncInterval(), minutes(30));
    // Following twice changes nothing; other settings leave the interval alone.
    sven.store->followSyncSetting();
    QVERIFY(sven.settings->setValue(settings::keys::StoreSyncMinutes, 7));
    QCOMPARE(sven.store->syncInterval(), minutes(7));
    QVERIFY(sven.settings->setValue(settings::keys::RetentionNormal, 14));
    QCOMPARE(sven.store->syncInterval(), minutes(7));
}

void TestDataManagerStore::cleanupTestCase()
{
    m_admin.reset();
    m_cluster.stop();
}

QTEST_MAIN(TestDataManagerStore)
#include "tst_datamanagerstore.moc"
