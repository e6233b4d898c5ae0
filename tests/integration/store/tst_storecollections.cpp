// Changing the shared store's collections: `genius-cli --store URL collections create | delete |
// rename | describe | publish | unpublish | assign | unassign` as data managers, staff and another
// tenant use them, against a real PostgreSQL 15 server (a throwaway cluster, see
// postgrescluster.h). What reached the server is checked as its administrator sees it (every row,
// tombstones included).
#include "core/sharedstore/storeaddress.h"
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
using genius::tests::UserPassword;
using genius::tests::writeFile;

namespace {

QStringList names(const QJsonArray& collections)
{
    QStringList result;
    for (const QJsonValue& value : collections)
        result << value[u"name"_s].toString();
    return result;
}

} // namespace

class TestStoreCollections final : public QObject
{
    Q_OBJECT

private:
    genius::tests::PostgresCluster m_cluster;
    QTemporaryDir m_home;
    std::unique_ptr<StoreConnection> m_admin;
    qint64 m_normalDocument = 0; ///< anna's hundesteuer.md in the store, class normal
    qint64 m_highDocument = 0; ///< anna's dienstplan.md in the store, class high
    qint64 m_aachen = 0;

    QString file(const QString& name) const { return m_home.filePath(u"files/"_s + name); }
    QString profile(const QString& name) const { return m_home.filePath(u"profile-"_s + name); }
    QString userUrl(const QString& user) const { return m_cluster.urlWithoutPassword(user, u"genius"_s); }

    /// genius-cli with the profile `profileName`, PGPASSWORD set to the users' password.
    CliRun cli(const QString& profileName, const QStringList& arguments)
    {
        return genius::tests::runCli(cliSetup(), QStringList { u"--profile"_s, profile(profileName) } + arguments);
    }
    genius::tests::CliSetup cliSetup() const
    {
        return { QStringLiteral(GENIUS_CLI_PATH), m_home.path(), UserPassword };
    }
    /// `genius-cli --json --store URL-of-user collections …` as `user` with its own profile.
    CliRun collections(const QString& user, const QStringList& arguments)
    {
        return cli(user, QStringList { u"--json"_s, u"--store"_s, userUrl(user), u"collections"_s } + arguments);
    }

    /// One number as the administrator sees it.
    qint64 count(const QString& sql, const QVariantList& values = {})
    {
        const auto value = m_admin->value(sql, values, u"count"_s);
        return value ? value->toLongLong() : -1;
    }
    QString text(const QString& sql, const QVariantList& values = {})
    {
        const auto value = m_admin->value(sql, values, u"read"_s);
        return value ? value->toString() : u"(failed)"_s;
    }
    /// Every row of the tables `collections` changes, tombstones included, and the revisions.
    QString rowCounts()
    {
        QStringList counts;
        for (const QString& table : { u"collections"_s, u"documents"_s, u"assignments"_s })
            counts << u"%1=%2/%3"_s.arg(table)
                          .arg(count(u"SELECT count(*) FROM genius.%1"_s.arg(table)))
                          .arg(count(u"SELECT count(*) FROM genius.%1 WHERE deleted"_s.arg(table)));
        counts << u"names=%1"_s.arg(text(u"SELECT string_agg(name || ':' || class || ':' || published, ',' ORDER BY "
                                         "id) FROM genius.collections"_s));
        counts << u"revision=%1"_s.arg(count(u"SELECT sum(revision) FROM genius.tenants"_s));
        return counts.join(u' ');
    }
    qint64 tenantRevision(qint64 tenant)
    {
        return count(u"SELECT revision FROM genius.tenants WHERE id = ?"_s, { tenant });
    }
    qint64 liveCollectionId(const QString& name, qint64 tenant)
    {
        return count(u"SELECT id FROM genius.collections WHERE name = ? AND tenant_id = ? AND NOT deleted"_s,
            { name, tenant });
    }
    qint64 liveAssignments(qint64 document, const QString& collection)
    {
        return count(u"SELECT count(*) FROM genius.assignments a JOIN genius.collections c ON c.id = a.collection_id "
                     "WHERE a.document_id = ? AND c.name = ? AND NOT c.deleted AND NOT a.deleted"_s,
            { document, collection });
    }
    /// The document id of one file `import --json --collection` published.
    qint64 publish(const QString& name, const QString& collection, const QString& cls)
    {
        const CliRun published = cli(u"anna"_s,
            { u"--json"_s, u"--store"_s, userUrl(u"anna"_s), u"import"_s, u"--collection"_s, collection, u"--class"_s,
                cls, file(name) });
        if (published.exitCode != 0) {
            qWarning("%s", qPrintable(published.err));
            return 0;
        }
        return published.array().at(0)[u"store_document"_s].toInteger();
    }

private Q_SLOTS:
    void initTestCase();
    void create_makesAnUnpublishedCollectionOfTheClass();
    void create_takenName_exits2AndChangesNothing();
    void publishAndUnpublish_showAndHideTheCollectionFromStaff();
    void assign_respectsTheClassAndIsIdempotent();
    void unassign_leavesATombstone();
    void rename_keepsTheIdAndRefusesEmptyOrTakenNames();
    void describe_setsTheDescriptionWithARevision();
    void delete_leavesTombstonesAndKeepsTheDocuments();
    void unknownCollectionOrDocument_exits2();
    void staff_isRefusedAndNothingChanges_data();
    void staff_isRefusedAndNothingChanges();
    void otherTenant_cannotTouchAnotherTenantsCollectionsOrDocuments();
    void storeSetting_isUsedWithoutStoreOption();
    void usageErrors_changeNothing();
    void revisions_areDistinctAndEndAtTheTenantsCounter();
    void cleanupTestCase();
};

void TestStoreCollections::initTestCase()
{
    QVERIFY(m_home.isValid());
    auto admin = genius::tests::setUpStore(m_cluster, cliSetup(), profile(u"admin"_s), AdminPassword,
        genius::tests::aachenAndBorken(), UserPassword);
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().detail));
    m_admin = std::move(*admin);

    QVERIFY(QDir().mkpath(m_home.filePath(u"files"_s)));
    QVERIFY(writeFile(file(u"hundesteuer.md"_s),
        "# Hundesteuersatzung\n\nDie Hundesteuer beträgt für den ersten Hund 96 Euro im Jahr.\n"));
    QVERIFY(writeFile(file(u"dienstplan.md"_s), "# Dienstplan\n\nDer Bereitschaftsdienst wechselt wöchentlich.\n"));
    // Documents reach the store only by publishing; the collections they land in are published.
    m_normalDocument = publish(u"hundesteuer.md"_s, u"Satzungen"_s, u"normal"_s);
    QVERIFY(m_normalDocument > 0);
    m_highDocument = publish(u"dienstplan.md"_s, u"Intern"_s, u"high"_s);
    QVERIFY(m_highDocument > 0);
    m_aachen = count(u"SELECT id FROM genius.tenants WHERE name = 'Stadt Aachen'"_s);
    QVERIFY(m_aachen > 0);
}

void TestStoreCollections::create_makesAnUnpublishedCollectionOfTheClass()
{
    const qint64 revisionBefore = tenantRevision(m_aachen);
    const CliRun created = collections(u"anna"_s,
        { u"create"_s, u"Haushalt"_s, u"--class"_s, u"high"_s, u"--description"_s, u"Haushaltspläne ab 2024"_s });
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QJsonObject object = created.object();
    QCOMPARE(object[u"name"_s].toString(), u"Haushalt"_s);
    QCOMPARE(object[u"class"_s].toString(), u"high"_s);
    QCOMPARE(object[u"description"_s].toString(), u"Haushaltspläne ab 2024"_s);
    QCOMPARE(object[u"tenant"_s].toString(), u"Stadt Aachen"_s);
    QCOMPARE(object[u"published"_s].toBool(true), false);
    QCOMPARE(object[u"documents"_s].toInt(-1), 0);
    QCOMPARE(object[u"source"_s].toString(), u"store"_s);
    for (const QString& key : { u"created"_s, u"updated"_s })
        QVERIFY2(!object[key].toString().isEmpty(), qPrintable(key));
    const qint64 id = liveCollectionId(u"Haushalt"_s, m_aachen);
    QVERIFY(id > 0);
    QCOMPARE(object[u"id"_s].toInteger(), id);
    QCOMPARE(text(u"SELECT class || ' ' || published || ' ' || description FROM genius.collections WHERE id = ?"_s,
                 { id }),
        u"high false Haushaltspläne ab 2024"_s);
    // One new revision, the collection's.
    QCOMPARE(tenantRevision(m_aachen), revisionBefore + 1);
    QCOMPARE(count(u"SELECT revision FROM genius.collections WHERE id = ?"_s, { id }), revisionBefore + 1);
    QCOMPARE(object[u"revision"_s].toInteger(), revisionBefore + 1);

    // Without --class: normal. Without --json: one sentence.
    const CliRun plain
        = cli(u"anna"_s, { u"--store"_s, userUrl(u"anna"_s), u"collections"_s, u"create"_s, u"Ordnung"_s });
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    QCOMPARE(plain.out.count(u'\n'), 1);
    QVERIFY2(plain.out.contains(u"\"Ordnung\""_s), qPrintable(plain.out));
    QCOMPARE(text(u"SELECT class || ' ' || published FROM genius.collections WHERE name = 'Ordnung'"_s),
        u"normal false"_s);

    // very-high never leaves the workstation: no such collection in the store.
    const QString before = rowCounts();
    const CliRun veryHigh = collections(u"anna"_s, { u"create"_s, u"Personal"_s, u"--class"_s, u"very-high"_s });
    QCOMPARE(veryHigh.exitCode, 3);
    QCOMPARE(veryHigh.err.count(u'\n'), 1);
    QCOMPARE(rowCounts(), before);
}

void TestStoreCollections::create_takenName_exits2AndChangesNothing()
{
    const QString before = rowCounts();
    // The exact name, another letter case, and the name of a collection publishing created.
    for (const QString& name : { u"Haushalt"_s, u"HAUSHALT"_s, u" Satzungen "_s }) {
        const CliRun taken = collections(u"anna"_s, { u"create"_s, name });
        QCOMPARE(taken.exitCode, 2);
        QCOMPARE(taken.err.count(u'\n'), 1);
        QVERIFY2(taken.err.contains(u"exists already"_s), qPrintable(taken.err));
        QCOMPARE(taken.out, QString());
    }
    QCOMPARE(rowCounts(), before);
    // Names are per tenant: Borken may have its own "Haushalt".
    const CliRun other = collections(u"bert"_s, { u"create"_s, u"Haushalt"_s });
    QVERIFY2(other.exitCode == 0, qPrintable(other.err));
    QCOMPARE(other.object()[u"tenant"_s].toString(), u"Kreis Borken"_s);
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections WHERE name = 'Haushalt' AND NOT deleted"_s), qint64(2));
}

void TestStoreCollections::publishAndUnpublish_showAndHideTheCollectionFromStaff()
{
    QVERIFY(!names(collections(u"sven"_s, { u"list"_s }).array()).contains(u"Haushalt"_s));
    const qint64 id = liveCollectionId(u"Haushalt"_s, m_aachen);
    const qint64 revisionBefore = count(u"SELECT revision FROM genius.collections WHERE id = ?"_s, { id });

    const CliRun published = collections(u"anna"_s, { u"publish"_s, u"Haushalt"_s });
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    QVERIFY(published.object()[u"published"_s].toBool());
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections WHERE id = ? AND published"_s, { id }), qint64(1));
    QVERIFY(count(u"SELECT revision FROM genius.collections WHERE id = ?"_s, { id }) > revisionBefore);
    QVERIFY(names(collections(u"sven"_s, { u"list"_s }).array()).contains(u"Haushalt"_s));
    // Publishing what is published already changes nothing, not even the revision.
    const QString before = rowCounts();
    QCOMPARE(collections(u"anna"_s, { u"publish"_s, u"Haushalt"_s }).exitCode, 0);
    QCOMPARE(rowCounts(), before);

    const CliRun unpublished = collections(u"anna"_s, { u"unpublish"_s, u"Haushalt"_s });
    QVERIFY2(unpublished.exitCode == 0, qPrintable(unpublished.err));
    QCOMPARE(unpublished.object()[u"published"_s].toBool(true), false);
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections WHERE id = ? AND NOT published"_s, { id }), qint64(1));
    // The server hides it from staff again; the data manager still sees it.
    const QStringList staff = names(collections(u"sven"_s, { u"list"_s }).array());
    QVERIFY2(!staff.contains(u"Haushalt"_s) && staff.contains(u"Satzungen"_s), qPrintable(staff.join(u',')));
    QVERIFY(names(collections(u"anna"_s, { u"list"_s }).array()).contains(u"Haushalt"_s));
}

void TestStoreCollections::assign_respectsTheClassAndIsIdempotent()
{
    // A high document into the high collection.
    const qint64 revisionBefore = tenantRevision(m_aachen);
    const CliRun assigned = collections(u"anna"_s, { u"assign"_s, QString::number(m_highDocument), u"Haushalt"_s });
    QVERIFY2(assigned.exitCode == 0, qPrintable(assigned.err));
    QJsonObject object = assigned.object();
    QCOMPARE(object[u"name"_s].toString(), u"Haushalt"_s);
    QCOMPARE(object[u"documents"_s].toInt(), 1);
    QCOMPARE(object[u"document"_s].toInteger(), m_highDocument);
    QVERIFY(object[u"assigned"_s].toBool());
    QCOMPARE(liveAssignments(m_highDocument, u"Haushalt"_s), qint64(1));
    QCOMPARE(tenantRevision(m_aachen), revisionBefore + 1);
    QCOMPARE(count(u"SELECT a.revision FROM genius.assignments a JOIN genius.collections c ON c.id = a.collection_id "
                   "WHERE c.name = 'Haushalt' AND c.tenant_id = ? AND a.document_id = ?"_s,
                 { m_aachen, m_highDocument }),
        revisionBefore + 1);

    // Twice is a no-op: no second row, no revision.
    const QString before = rowCounts();
    const CliRun again = collections(u"anna"_s, { u"assign"_s, QString::number(m_highDocument), u"Haushalt"_s });
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(again.object()[u"assigned"_s].toBool(true), false);
    QCOMPARE(again.object()[u"documents"_s].toInt(), 1);
    QCOMPARE(rowCounts(), before);

    // The normal document into the high collection is fine; the high one into a normal one is not.
    QCOMPARE(collections(u"anna"_s, { u"assign"_s, QString::number(m_normalDocument), u"Haushalt"_s }).exitCode, 0);
    QCOMPARE(liveAssignments(m_normalDocument, u"Haushalt"_s), qint64(1));
    const QString beforeRefusal = rowCounts();
    const CliRun refused = collections(u"anna"_s, { u"assign"_s, QString::number(m_highDocument), u"Ordnung"_s });
    QCOMPARE(refused.exitCode, 3);
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY2(refused.err.contains(u"above the class normal"_s), qPrintable(refused.err));
    QCOMPARE(liveAssignments(m_highDocument, u"Ordnung"_s), qint64(0));
    QCOMPARE(rowCounts(), beforeRefusal);
}

void TestStoreCollections::unassign_leavesATombstone()
{
    const qint64 assignment = count(u"SELECT a.id FROM genius.assignments a JOIN genius.collections c ON c.id = "
                                    "a.collection_id WHERE c.name = 'Haushalt' AND c.tenant_id = ? AND "
                                    "a.document_id = ? AND NOT a.deleted"_s,
        { m_aachen, m_normalDocument });
    QVERIFY(assignment > 0);
    const qint64 revisionBefore = tenantRevision(m_aachen);
    const CliRun taken = collections(u"anna"_s, { u"unassign"_s, QString::number(m_normalDocument), u"Haushalt"_s });
    QVERIFY2(taken.exitCode == 0, qPrintable(taken.err));
    QVERIFY(taken.object()[u"unassigned"_s].toBool());
    QCOMPARE(taken.object()[u"documents"_s].toInt(), 1); // the high one is still in it
    QCOMPARE(liveAssignments(m_normalDocument, u"Haushalt"_s), qint64(0));
    // The row stays as a tombstone with the next revision; the document stays as it was.
    QCOMPARE(text(u"SELECT deleted || ' ' || revision FROM genius.assignments WHERE id = ?"_s, { assignment }),
        u"true %1"_s.arg(revisionBefore + 1));
    QCOMPARE(tenantRevision(m_aachen), revisionBefore + 1);
    QCOMPARE(count(u"SELECT count(*) FROM genius.documents WHERE id = ? AND NOT deleted"_s, { m_normalDocument }),
        qint64(1));

    // Not in it (any more): nothing to do.
    const QString before = rowCounts();
    const CliRun again = collections(u"anna"_s, { u"unassign"_s, QString::number(m_normalDocument), u"Haushalt"_s });
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(again.object()[u"unassigned"_s].toBool(true), false);
    QCOMPARE(rowCounts(), before);
}

void TestStoreCollections::rename_keepsTheIdAndRefusesEmptyOrTakenNames()
{
    const qint64 id = liveCollectionId(u"Ordnung"_s, m_aachen);
    QVERIFY(id > 0);
    const CliRun renamed = collections(u"anna"_s, { u"rename"_s, u"Ordnung"_s, u"Ordnungsrecht"_s });
    QVERIFY2(renamed.exitCode == 0, qPrintable(renamed.err));
    QCOMPARE(renamed.object()[u"name"_s].toString(), u"Ordnungsrecht"_s);
    QCOMPARE(renamed.object()[u"id"_s].toInteger(), id);
    QCOMPARE(liveCollectionId(u"Ordnungsrecht"_s, m_aachen), id);
    QCOMPARE(liveCollectionId(u"Ordnung"_s, m_aachen), qint64(0));
    QCOMPARE(count(u"SELECT revision FROM genius.collections WHERE id = ?"_s, { id }), tenantRevision(m_aachen));

    const QString before = rowCounts();
    for (const QString& newName : { u"  "_s, u"Satzungen"_s, u"satzungen"_s }) {
        const CliRun refused = collections(u"anna"_s, { u"rename"_s, u"Ordnungsrecht"_s, newName });
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(refused.err.count(u'\n'), 1);
    }
    QCOMPARE(rowCounts(), before);
    // A new letter case of its own name is no clash.
    const CliRun recased = collections(u"anna"_s, { u"rename"_s, u"Ordnungsrecht"_s, u"ORDNUNGSRECHT"_s });
    QVERIFY2(recased.exitCode == 0, qPrintable(recased.err));
    QCOMPARE(liveCollectionId(u"ORDNUNGSRECHT"_s, m_aachen), id);
}

void TestStoreCollections::describe_setsTheDescriptionWithARevision()
{
    const qint64 id = liveCollectionId(u"Satzungen"_s, m_aachen);
    const qint64 revisionBefore = tenantRevision(m_aachen);
    const CliRun described = collections(u"anna"_s, { u"describe"_s, u"Satzungen"_s, u" Ortsrecht der Stadt "_s });
    QVERIFY2(described.exitCode == 0, qPrintable(described.err));
    QCOMPARE(described.object()[u"description"_s].toString(), u"Ortsrecht der Stadt"_s);
    QCOMPARE(described.object()[u"id"_s].toInteger(), id);
    QCOMPARE(text(u"SELECT description FROM genius.collections WHERE id = ?"_s, { id }), u"Ortsrecht der Stadt"_s);
    QCOMPARE(tenantRevision(m_aachen), revisionBefore + 1);
    QCOMPARE(count(u"SELECT revision FROM genius.collections WHERE id = ?"_s, { id }), revisionBefore + 1);
    // The same description again changes nothing, not even the revision; "" clears it.
    const QString before = rowCounts();
    QCOMPARE(collections(u"anna"_s, { u"describe"_s, u"Satzungen"_s, u"Ortsrecht der Stadt"_s }).exitCode, 0);
    QCOMPARE(rowCounts(), before);
    QCOMPARE(tenantRevision(m_aachen), revisionBefore + 1);
    QCOMPARE(collections(u"anna"_s, { u"describe"_s, u"Satzungen"_s, u""_s }).exitCode, 0);
    QCOMPARE(text(u"SELECT description FROM genius.collections WHERE id = ?"_s, { id }), QString());
}

void TestStoreCollections::delete_leavesTombstonesAndKeepsTheDocuments()
{
    QCOMPARE(collections(u"anna"_s, { u"create"_s, u"Archiv"_s }).exitCode, 0);
    QCOMPARE(collections(u"anna"_s, { u"assign"_s, QString::number(m_normalDocument), u"Archiv"_s }).exitCode, 0);
    QCOMPARE(collections(u"anna"_s, { u"assign"_s, QString::number(m_highDocument), u"Archiv"_s }).exitCode, 3);
    const qint64 id = liveCollectionId(u"Archiv"_s, m_aachen);
    QVERIFY(id > 0);
    const qint64 collectionRows = count(u"SELECT count(*) FROM genius.collections"_s);
    const qint64 revisionBefore = tenantRevision(m_aachen);

    const CliRun deleted = collections(u"anna"_s, { u"delete"_s, u"Archiv"_s });
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
    const QJsonObject object = deleted.object();
    QCOMPARE(object[u"name"_s].toString(), u"Archiv"_s);
    QVERIFY(object[u"deleted"_s].toBool());
    QCOMPARE(object[u"documents"_s].toInt(), 1); // the documents that stay
    QCOMPARE(object[u"id"_s].toInteger(), id);
    // Tombstones, not removed rows: the assignment first, then the collection, each with a new revision.
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections"_s), collectionRows);
    QCOMPARE(text(u"SELECT deleted || ' ' || revision FROM genius.collections WHERE id = ?"_s, { id }),
        u"true %1"_s.arg(revisionBefore + 2));
    QCOMPARE(object[u"revision"_s].toInteger(), revisionBefore + 2);
    QCOMPARE(text(u"SELECT string_agg(deleted || ' ' || revision, ',') FROM genius.assignments "
                  "WHERE collection_id = ?"_s,
                 { id }),
        u"true %1"_s.arg(revisionBefore + 1));
    QCOMPARE(tenantRevision(m_aachen), revisionBefore + 2);
    // The documents stay, and their other collections keep them.
    QCOMPARE(count(u"SELECT count(*) FROM genius.documents WHERE id = ? AND NOT deleted"_s, { m_normalDocument }),
        qint64(1));
    QCOMPARE(liveAssignments(m_normalDocument, u"Satzungen"_s), qint64(1));
    QVERIFY(!names(collections(u"anna"_s, { u"list"_s }).array()).contains(u"Archiv"_s));

    // Gone for every action; the name is free again.
    QCOMPARE(collections(u"anna"_s, { u"delete"_s, u"Archiv"_s }).exitCode, 2);
    const CliRun again = collections(u"anna"_s, { u"create"_s, u"Archiv"_s });
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY(again.object()[u"id"_s].toInteger() != id);
    QCOMPARE(again.object()[u"documents"_s].toInt(), 0);
}

void TestStoreCollections::unknownCollectionOrDocument_exits2()
{
    const QString before = rowCounts();
    const QList<QStringList> calls = {
        { u"delete"_s, u"Nirgends"_s },
        { u"rename"_s, u"Nirgends"_s, u"Irgendwo"_s },
        { u"describe"_s, u"Nirgends"_s, u"Irgendwo"_s },
        { u"publish"_s, u"Nirgends"_s },
        { u"unpublish"_s, u"Nirgends"_s },
        { u"assign"_s, QString::number(m_normalDocument), u"Nirgends"_s },
        { u"unassign"_s, QString::number(m_normalDocument), u"Nirgends"_s },
    };
    for (const QStringList& arguments : calls) {
        const CliRun unknown = collections(u"anna"_s, arguments);
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err.count(u'\n'), 1);
        QVERIFY2(unknown.err.contains(u"There is no collection named \"Nirgends\""_s), qPrintable(unknown.err));
    }
    for (const QString& action : { u"assign"_s, u"unassign"_s }) {
        const CliRun unknown = collections(u"anna"_s, { action, u"987654"_s, u"Satzungen"_s });
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err.count(u'\n'), 1);
        QVERIFY2(unknown.err.contains(u"There is no document with id 987654"_s), qPrintable(unknown.err));
    }
    QCOMPARE(rowCounts(), before);
}

void TestStoreCollections::staff_isRefusedAndNothingChanges_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("create") << QStringList { u"create"_s, u"Neu"_s };
    QTest::newRow("delete") << QStringList { u"delete"_s, u"Satzungen"_s };
    QTest::newRow("rename") << QStringList { u"rename"_s, u"Satzungen"_s, u"Alt"_s };
    QTest::newRow("describe") << QStringList { u"describe"_s, u"Satzungen"_s, u"Alt"_s };
    QTest::newRow("publish") << QStringList { u"publish"_s, u"Haushalt"_s };
    QTest::newRow("unpublish") << QStringList { u"unpublish"_s, u"Satzungen"_s };
    QTest::newRow("assign") << QStringList { u"assign"_s, QString::number(m_normalDocument), u"Intern"_s };
    QTest::newRow("unassign") << QStringList { u"unassign"_s, QString::number(m_normalDocument), u"Satzungen"_s };
}

void TestStoreCollections::staff_isRefusedAndNothingChanges()
{
    QFETCH(QStringList, arguments);
    const QString before = rowCounts();
    const CliRun refused = collections(u"sven"_s, arguments);
    QCOMPARE(refused.exitCode, 4);
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY2(refused.err.contains(u"Only data managers may change collections"_s) && refused.err.contains(u"staff"_s),
        qPrintable(refused.err));
    QVERIFY(!refused.err.contains(UserPassword));
    QCOMPARE(refused.out, QString());
    QCOMPARE(rowCounts(), before);
}

void TestStoreCollections::otherTenant_cannotTouchAnotherTenantsCollectionsOrDocuments()
{
    // bert's own collection, to assign into.
    QCOMPARE(collections(u"bert"_s, { u"create"_s, u"Kreisrecht"_s }).exitCode, 0);
    const QString before = rowCounts();
    // Aachen's collections are unknown names to Borken's data manager.
    for (const QStringList& arguments : QList<QStringList> {
             { u"delete"_s, u"Satzungen"_s },
             { u"rename"_s, u"Satzungen"_s, u"Borkener Satzungen"_s },
             { u"describe"_s, u"Satzungen"_s, u"Borkener Satzungen"_s },
             { u"unpublish"_s, u"Satzungen"_s },
             { u"publish"_s, u"ORDNUNGSRECHT"_s },
         }) {
        const CliRun unknown = collections(u"bert"_s, arguments);
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"There is no collection named"_s), qPrintable(unknown.err));
    }
    // Aachen's document ids are unknown too, also for bert's own collection.
    for (const QString& action : { u"assign"_s, u"unassign"_s }) {
        const CliRun unknown = collections(u"bert"_s, { action, QString::number(m_normalDocument), u"Kreisrecht"_s });
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"There is no document with id %1"_s.arg(m_normalDocument)),
            qPrintable(unknown.err));
    }
    QCOMPARE(rowCounts(), before);
    QCOMPARE(count(u"SELECT count(*) FROM genius.assignments WHERE document_id = ? AND tenant_id <> ?"_s,
                 { m_normalDocument, m_aachen }),
        qint64(0));
}

void TestStoreCollections::storeSetting_isUsedWithoutStoreOption()
{
    // The setting store/url (what the policy sets on every workstation) makes `collections` the
    // store's for changes as it does for the listing.
    const CliRun set = cli(u"anna-policy"_s, { u"settings"_s, u"set"_s, u"store/url"_s, userUrl(u"anna"_s) });
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    const CliRun created = cli(u"anna-policy"_s, { u"--json"_s, u"collections"_s, u"create"_s, u"Vorlagen"_s });
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    QCOMPARE(created.object()[u"source"_s].toString(), u"store"_s);
    QVERIFY(liveCollectionId(u"Vorlagen"_s, m_aachen) > 0);
}

void TestStoreCollections::usageErrors_changeNothing()
{
    const QString before = rowCounts();
    // The tenant is the store user's; several documents at once are for the local index.
    QCOMPARE(collections(u"anna"_s, { u"create"_s, u"Fremd"_s, u"--tenant"_s, u"Kreis Borken"_s }).exitCode, 1);
    QCOMPARE(
        collections(u"anna"_s, { u"assign"_s, u"%1,%2"_s.arg(m_normalDocument).arg(m_highDocument), u"Intern"_s })
            .exitCode,
        1);
    QCOMPARE(collections(u"anna"_s, { u"create"_s, u"Fremd"_s, u"--class"_s, u"geheim"_s }).exitCode, 1);
    QCOMPARE(collections(u"anna"_s, { u"publish"_s }).exitCode, 1);
    QCOMPARE(rowCounts(), before);
}

void TestStoreCollections::revisions_areDistinctAndEndAtTheTenantsCounter()
{
    const QString rows = u"SELECT revision FROM genius.collections WHERE tenant_id = %1 UNION ALL "
                         "SELECT revision FROM genius.documents WHERE tenant_id = %1 UNION ALL "
                         "SELECT revision FROM genius.assignments WHERE tenant_id = %1"_s.arg(m_aachen);
    const qint64 all = count(u"SELECT count(*) FROM (%1) r"_s.arg(rows));
    QVERIFY(all > 10);
    QCOMPARE(count(u"SELECT count(DISTINCT revision) FROM (%1) r"_s.arg(rows)), all);
    // The collections' and assignments' changes were the tenant's last writes.
    QCOMPARE(count(u"SELECT max(revision) FROM (%1) r"_s.arg(rows)), tenantRevision(m_aachen));
}

void TestStoreCollections::cleanupTestCase()
{
    m_admin.reset();
    m_cluster.stop();
}

QTEST_MAIN(TestStoreCollections)
#include "tst_storecollections.moc"
