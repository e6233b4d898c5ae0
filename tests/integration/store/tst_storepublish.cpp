// Publishing into the shared store: `genius-cli --store URL import --collection NAME FILE…` as data
// managers, staff and another tenant use it, against a real PostgreSQL 15 server (a throwaway
// cluster, see postgrescluster.h). What reached the server is checked as its administrator sees
// it (row-level security shows the administrator every row, tombstones included).
#include "core/index/indexdatabase.h"
#include "core/sharedstore/storeaddress.h"
#include "core/sharedstore/storeconnection.h"
#include "integration/store/postgrescluster.h"
#include "integration/store/storetestsupport.h"
#include "support/textpdf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace Qt::StringLiterals;
using genius::sharedstore::StoreConnection;
using genius::tests::AdminPassword;
using genius::tests::CliRun;
using genius::tests::finishCli;
using genius::tests::sha256OfFile;
using genius::tests::UserPassword;
using genius::tests::writeFile;

namespace {

const char* const kSatzung = R"(# Hundesteuersatzung der Gemeinde Musterstadt

## § 1 Steuergegenstand

Die Hundesteuer beträgt für den ersten Hund 96 Euro im Jahr. Für jeden weiteren Hund beträgt die
Hundesteuer 144 Euro im Jahr.

## § 2 Befreiungen

Von der Hundesteuer befreit sind Blindenführhunde und Hunde, die zur Hilfe hilfloser Personen
notwendig sind.
)";

} // namespace

class TestStorePublish final : public QObject
{
    Q_OBJECT

private:
    genius::tests::PostgresCluster m_cluster;
    QTemporaryDir m_home;
    std::unique_ptr<StoreConnection> m_admin;

    QString file(const QString& name) const { return m_home.filePath(u"files/"_s + name); }
    QString profile(const QString& user) const { return m_home.filePath(u"profile-"_s + user); }
    QString userUrl(const QString& user) const { return m_cluster.urlWithoutPassword(user, u"genius"_s); }

    genius::tests::CliSetup cliSetup() const
    {
        return { QStringLiteral(GENIUS_CLI_PATH), m_home.path(), UserPassword };
    }
    /// genius-cli with the profile of `user`, started; finishCli() waits for it.
    std::unique_ptr<QProcess> start(const QString& user, const QStringList& arguments) const
    {
        return genius::tests::startCli(cliSetup(), QStringList { u"--profile"_s, profile(user) } + arguments);
    }
    /// genius-cli as `user` (its own profile) against the store as `user`.
    CliRun run(const QString& user, const QStringList& arguments)
    {
        return finishCli(*start(user, QStringList { u"--json"_s, u"--store"_s, userUrl(user) } + arguments));
    }
    CliRun publish(const QString& user, const QStringList& files, const QString& collection = u"Satzungen"_s)
    {
        QStringList arguments { u"import"_s, u"--collection"_s, collection };
        for (const QString& name : files)
            arguments << file(name);
        return run(user, arguments);
    }

    /// One number as the administrator sees it.
    qint64 count(const QString& sql, const QVariantList& values = {})
    {
        const auto value = m_admin->value(sql, values, u"count"_s);
        return value ? value->toLongLong() : -1;
    }
    /// Every row of every table of the store, tombstones included.
    QString rowCounts()
    {
        QStringList counts;
        for (const QString& table :
            { u"collections"_s, u"originals"_s, u"documents"_s, u"assignments"_s, u"chunks"_s, u"embeddings"_s })
            counts << u"%1=%2"_s.arg(table).arg(count(u"SELECT count(*) FROM genius.%1"_s.arg(table)));
        counts << u"revision=%1"_s.arg(count(u"SELECT sum(revision) FROM genius.tenants"_s));
        return counts.join(u' ');
    }
    qint64 tenantId(const QString& name) { return count(u"SELECT id FROM genius.tenants WHERE name = ?"_s, { name }); }

private Q_SLOTS:
    void initTestCase();
    void publish_writesOriginalsDocumentsChunksAndTheCollection();
    void publishAgain_addsNoRows();
    void changedVectors_replaceTheDocumentInPlace();
    void largeDocuments_arriveWhole_eachVectorOnItsPassage();
    void staff_isRefusedBeforeAnythingIsImported();
    void otherTenant_seesNoneOfIt();
    void collectionsList_showsWhatTheServerAllows();
    void twoDataManagers_publishAtTheSameTime();
    void veryHigh_isNeverPublished();
    void aboveTheStoreCollectionsClass_isRefused();
    void storeWithoutCollection_isAUsageError();
    void unreachableStore_exits5BeforeImporting();
    void cleanupTestCase();
};

void TestStorePublish::initTestCase()
{
    QVERIFY(m_home.isValid());
    auto admin = genius::tests::setUpStore(m_cluster, cliSetup(), profile(u"admin"_s), AdminPassword,
        genius::tests::aachenAndBorken()
            << genius::tests::StoreGrant { u"arne"_s, u"Stadt Aachen"_s, u"data-manager"_s },
        UserPassword);
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().detail));
    m_admin = std::move(*admin);

    QVERIFY(QDir().mkpath(m_home.filePath(u"files"_s)));
    QVERIFY(writeFile(file(u"hundesteuer.md"_s), kSatzung));
    QVERIFY(genius::test::writeTextPdf(file(u"parken.pdf"_s),
        { u"Satzung über Bewohnerparkausweise. Einen Bewohnerparkausweis erhalten Personen mit Hauptwohnsitz im "
          "Gebiet. Der Ausweis kostet 30 Euro im Jahr."_s,
            u"Die Ausweise werden vom Ordnungsamt ausgestellt und gelten ein Jahr."_s }));
    QVERIFY(writeFile(file(u"friedhof.md"_s), "# Friedhofssatzung\n\nDie Grabstätten werden für 25 Jahre vergeben.\n"));
    QVERIFY(writeFile(file(u"markt.md"_s), "# Marktsatzung\n\nDer Wochenmarkt findet mittwochs statt.\n"));
    QVERIFY(writeFile(file(u"borken.md"_s), "# Borkener Satzung\n\nDie Kreisumlage wird jährlich festgesetzt.\n"));
    QVERIFY(writeFile(file(u"dienstplan.md"_s), "# Dienstplan\n\nDer Bereitschaftsdienst wechselt wöchentlich.\n"));
    QVERIFY(writeFile(file(u"geheim.md"_s), "# Personalakte\n\nVertraulicher Vermerk über eine Beurteilung.\n"));
}

void TestStorePublish::publish_writesOriginalsDocumentsChunksAndTheCollection()
{
    const CliRun published = publish(u"anna"_s, { u"hundesteuer.md"_s, u"parken.pdf"_s });
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    const QJsonArray documents = published.array();
    QCOMPARE(documents.size(), 2);
    const qint64 tenant = tenantId(u"Stadt Aachen"_s);
    for (const QJsonValue& value : documents) {
        const QJsonObject document = value.toObject();
        QCOMPARE(document[u"status"_s].toString(), u"ready"_s);
        QVERIFY(document[u"published"_s].toBool());
        QCOMPARE(document[u"store_change"_s].toString(), u"inserted"_s);
        const qint64 id = document[u"store_document"_s].toInteger();
        QVERIFY(id > 0);
        const QString name = document[u"name"_s].toString();
        QCOMPARE(
            count(u"SELECT tenant_id FROM genius.documents WHERE id = ? AND name = ? AND NOT deleted"_s, { id, name }),
            tenant);
        // Every passage of the local index, with its page anchors.
        QVERIFY(document[u"chunks"_s].toInt() > 0);
        QCOMPARE(count(u"SELECT count(*) FROM genius.chunks WHERE document_id = ? AND NOT deleted"_s, { id }),
            qint64(document[u"chunks"_s].toInt()));
        // The original as it was on disk, checked by the server against its content too.
        const auto original = m_admin->value(u"SELECT o.sha256 || ' ' || o.size FROM genius.originals o JOIN "
                                             "genius.documents d ON d.tenant_id = o.tenant_id AND d.original_sha256 = "
                                             "o.sha256 WHERE d.id = ?"_s,
            { id }, u"read"_s);
        QVERIFY(original);
        QCOMPARE(original->toString(), u"%1 %2"_s.arg(sha256OfFile(file(name))).arg(QFileInfo(file(name)).size()));
        QCOMPARE(count(u"SELECT count(*) FROM genius.assignments a JOIN genius.collections c ON c.id = "
                       "a.collection_id WHERE a.document_id = ? AND c.name = 'Satzungen' AND NOT a.deleted"_s,
                     { id }),
            qint64(1));
    }
    QCOMPARE(count(u"SELECT pages FROM genius.documents WHERE name = 'parken.pdf'"_s), qint64(2));
    // Page anchors: the passages of the PDF reach its second page.
    QCOMPARE(count(u"SELECT max(c.last_page) FROM genius.chunks c JOIN genius.documents d ON d.id = c.document_id "
                   "WHERE d.name = 'parken.pdf' AND c.first_page >= 1"_s),
        qint64(2));
    // The collection was created with the class of the import, for the tenant's staff.
    const auto collection = m_admin->value(
        u"SELECT class || ' ' || published FROM genius.collections WHERE name = 'Satzungen' AND NOT deleted"_s, {},
        u"read"_s);
    QVERIFY(collection);
    QCOMPARE(collection->toString(), u"normal true"_s);
    // German full text: the plural of the PDF and an inflected form of the Markdown file.
    QCOMPARE(count(u"SELECT count(DISTINCT d.name) FROM genius.chunks c JOIN genius.documents d ON d.id = "
                   "c.document_id WHERE c.search @@ plainto_tsquery('german', ?)"_s,
                 { u"Bewohnerparkausweis"_s }),
        qint64(1));
    QCOMPARE(count(u"SELECT count(*) FROM genius.chunks WHERE search @@ plainto_tsquery('german', ?)"_s,
                 { u"Blindenführhunden"_s }),
        qint64(1));
}

void TestStorePublish::publishAgain_addsNoRows()
{
    const QString before = rowCounts();
    const CliRun again = publish(u"anna"_s, { u"hundesteuer.md"_s, u"parken.pdf"_s });
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    for (const QJsonValue& value : again.array()) {
        QVERIFY(value[u"published"_s].toBool());
        QCOMPARE(value[u"store_change"_s].toString(), u"unchanged"_s);
    }
    QCOMPARE(rowCounts(), before);
}

void TestStorePublish::changedVectors_replaceTheDocumentInPlace()
{
    // Vectors the local index got later (from a gateway's embedding model) make the document
    // change: written here straight into anna's index.
    qint64 storeId = 0;
    int chunks = 0;
    {
        auto database = genius::index::IndexDatabase::open(
            QDir(profile(u"anna"_s)).filePath(genius::index::IndexDatabase::fileName()));
        QVERIFY2(database, database ? "" : qPrintable(database.error().detail));
        const auto documents = (*database)->documents();
        QVERIFY(documents);
        qint64 localId = 0;
        for (const auto& document : *documents) {
            if (document.name == u"hundesteuer.md"_s)
                localId = document.id;
        }
        QVERIFY(localId > 0);
        const auto stored = (*database)->storedChunks(localId);
        QVERIFY(stored);
        chunks = static_cast<int>(stored->size());
        QList<qint64> ids;
        QList<QVector<float>> vectors;
        for (const auto& chunk : *stored) {
            ids << chunk.id;
            vectors << QVector<float> { 0.5f, -1.0f, 2.0f, float(chunk.ordinal) };
        }
        QVERIFY((*database)->storeEmbeddings(u"test-embedding"_s, ids, vectors));
    }
    storeId = count(u"SELECT id FROM genius.documents WHERE name = 'hundesteuer.md' AND NOT deleted"_s);
    const CliRun replaced = publish(u"anna"_s, { u"hundesteuer.md"_s });
    QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.err));
    QCOMPARE(replaced.array().at(0)[u"store_change"_s].toString(), u"replaced"_s);
    QCOMPARE(replaced.array().at(0)[u"store_document"_s].toInteger(), storeId);
    QCOMPARE(count(u"SELECT count(*) FROM genius.documents WHERE name = 'hundesteuer.md'"_s), qint64(1));
    QCOMPARE(count(u"SELECT count(*) FROM genius.chunks WHERE document_id = ? AND NOT deleted"_s, { storeId }),
        qint64(chunks));
    // The earlier passages stay as tombstones for syncing clients, without their content.
    QCOMPARE(
        count(u"SELECT count(*) FROM genius.chunks WHERE document_id = ? AND deleted"_s, { storeId }), qint64(chunks));
    QCOMPARE(count(u"SELECT count(*) FROM genius.chunks WHERE document_id = ? AND deleted AND (text <> '' OR "
                   "heading <> '')"_s,
                 { storeId }),
        qint64(0));
    QVERIFY(count(u"SELECT count(*) FROM genius.pages WHERE document_id = ? AND deleted"_s, { storeId }) > 0);
    QCOMPARE(count(u"SELECT count(*) FROM genius.pages WHERE document_id = ? AND deleted AND (text <> '' OR words "
                   "IS NOT NULL)"_s,
                 { storeId }),
        qint64(0));
    QCOMPARE(count(u"SELECT count(*) FROM genius.embeddings e JOIN genius.chunks c ON c.id = e.chunk_id WHERE "
                   "c.document_id = ? AND e.deleted AND e.vector <> decode(repeat('00', 4 * e.dimension), 'hex')"_s,
                 { storeId }),
        qint64(0));
    // The live passages keep theirs.
    QCOMPARE(
        count(u"SELECT count(*) FROM genius.chunks WHERE document_id = ? AND NOT deleted AND text = ''"_s, { storeId }),
        qint64(0));
    QCOMPARE(count(u"SELECT count(*) FROM genius.embeddings e JOIN genius.chunks c ON c.id = e.chunk_id WHERE "
                   "c.document_id = ? AND NOT e.deleted AND e.model = 'test-embedding' AND e.dimension = 4"_s,
                 { storeId }),
        qint64(chunks));
    // float32 little-endian: 0.5 is 00 00 00 3f.
    const auto vector = m_admin->value(u"SELECT encode(substr(e.vector, 1, 4), 'hex') FROM genius.embeddings e "
                                       "JOIN genius.chunks c ON c.id = e.chunk_id WHERE c.document_id = ? LIMIT 1"_s,
        { storeId }, u"read"_s);
    QVERIFY(vector);
    QCOMPARE(vector->toString(), u"0000003f"_s);
    const QString before = rowCounts();
    const CliRun again = publish(u"anna"_s, { u"hundesteuer.md"_s });
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.array().at(0)[u"store_change"_s].toString(), u"unchanged"_s);
    QCOMPARE(rowCounts(), before);
}

void TestStorePublish::largeDocuments_arriveWhole_eachVectorOnItsPassage()
{
    // Rows go to the server many per statement: a document of several batches of passages
    // (hundreds of sections) and pages (a 60-page PDF), with a vector per passage that names its
    // ordinal, so a vector on the wrong passage shows.
    QString ordnung = u"# Verwaltungsordnung\n\n"_s;
    for (int section = 1; section <= 450; ++section) {
        ordnung += u"## § %1 Regel %1\n\n"_s.arg(section);
        for (int sentence = 0; sentence < 12; ++sentence)
            ordnung
                += u"Die Regel %1 gilt im Fall %2 für alle Ämter der Verwaltung und ihre Beschäftigten. "_s.arg(section)
                       .arg(sentence);
        ordnung += u"\n\n"_s;
    }
    QVERIFY(writeFile(file(u"ordnung.md"_s), ordnung.toUtf8()));
    QStringList pages;
    for (int page = 1; page <= 60; ++page)
        pages << u"Seite %1 des Handbuchs über die Aktenführung in der Verwaltung."_s.arg(page);
    QVERIFY(genius::test::writeTextPdf(file(u"handbuch.pdf"_s), pages));
    const CliRun imported = genius::tests::runCli(cliSetup(),
        { u"--profile"_s, profile(u"anna"_s), u"--json"_s, u"import"_s, u"--collection"_s, u"Ordnungen"_s,
            file(u"ordnung.md"_s), file(u"handbuch.pdf"_s) });
    QVERIFY2(imported.exitCode == 0, imported.why().constData());

    QHash<QString, int> localChunks;
    {
        auto database = genius::index::IndexDatabase::open(
            QDir(profile(u"anna"_s)).filePath(genius::index::IndexDatabase::fileName()));
        QVERIFY2(database, database ? "" : qPrintable(database.error().detail));
        const auto documents = (*database)->documents();
        QVERIFY(documents);
        for (const auto& document : *documents) {
            if (document.name != u"ordnung.md"_s && document.name != u"handbuch.pdf"_s)
                continue;
            const auto stored = (*database)->storedChunks(document.id);
            QVERIFY(stored);
            localChunks.insert(document.name, static_cast<int>(stored->size()));
            QList<qint64> ids;
            QList<QVector<float>> vectors;
            for (const auto& chunk : *stored) {
                ids << chunk.id;
                vectors << QVector<float> { float(chunk.ordinal), 1.0f, -1.0f };
            }
            QVERIFY((*database)->storeEmbeddings(u"test-embedding"_s, ids, vectors));
        }
    }
    QVERIFY2(localChunks.value(u"ordnung.md"_s) > 400, qPrintable(QString::number(localChunks.value(u"ordnung.md"_s))));

    const CliRun published = publish(u"anna"_s, { u"ordnung.md"_s, u"handbuch.pdf"_s }, u"Ordnungen"_s);
    QVERIFY2(published.exitCode == 0, published.why().constData());
    for (const QString& name : { u"ordnung.md"_s, u"handbuch.pdf"_s }) {
        const qint64 id = count(u"SELECT id FROM genius.documents WHERE name = ? AND NOT deleted"_s, { name });
        QVERIFY(id > 0);
        QCOMPARE(count(u"SELECT count(*) FROM genius.chunks WHERE document_id = ? AND NOT deleted"_s, { id }),
            qint64(localChunks.value(name)));
        QCOMPARE(
            count(u"SELECT count(DISTINCT ordinal) FROM genius.chunks WHERE document_id = ? AND NOT deleted"_s, { id }),
            qint64(localChunks.value(name)));
        auto vectors = m_admin->query(u"SELECT c.ordinal, e.vector FROM genius.embeddings e JOIN genius.chunks c ON "
                                      "c.id = e.chunk_id WHERE c.document_id = ? AND NOT e.deleted"_s,
            { id }, u"read the vectors"_s);
        QVERIFY(vectors);
        int checked = 0;
        while (vectors->next()) {
            const QByteArray bytes = vectors->value(1).toByteArray();
            QCOMPARE(bytes.size(), 12);
            float first = 0;
            std::memcpy(&first, bytes.constData(), sizeof first);
            QCOMPARE(first, float(vectors->value(0).toInt()));
            ++checked;
        }
        QCOMPARE(checked, localChunks.value(name));
    }
    const qint64 handbuch = count(u"SELECT id FROM genius.documents WHERE name = 'handbuch.pdf' AND NOT deleted"_s);
    QCOMPARE(
        count(u"SELECT count(DISTINCT number) FROM genius.pages WHERE document_id = ? AND NOT deleted"_s, { handbuch }),
        qint64(60));
    QCOMPARE(count(u"SELECT max(number) - min(number) FROM genius.pages WHERE document_id = ? AND NOT deleted"_s,
                 { handbuch }),
        qint64(59));
    // The other tests count the tenant's collections: this one goes again (its documents stay).
    const CliRun deleted = run(u"anna"_s, { u"collections"_s, u"delete"_s, u"Ordnungen"_s });
    QVERIFY2(deleted.exitCode == 0, deleted.why().constData());
}

void TestStorePublish::staff_isRefusedBeforeAnythingIsImported()
{
    const QString before = rowCounts();
    const CliRun refused = publish(u"sven"_s, { u"hundesteuer.md"_s });
    QCOMPARE(refused.exitCode, 4);
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY2(
        refused.err.contains(u"Only data managers"_s) && refused.err.contains(u"staff"_s), qPrintable(refused.err));
    QVERIFY(!refused.err.contains(UserPassword));
    QCOMPARE(rowCounts(), before);
    // Nothing was imported locally either: the profile has no index.
    QVERIFY(!QFile::exists(QDir(profile(u"sven"_s)).filePath(genius::index::IndexDatabase::fileName())));
}

void TestStorePublish::otherTenant_seesNoneOfIt()
{
    const CliRun published = publish(u"bert"_s, { u"borken.md"_s });
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    QCOMPARE(count(u"SELECT count(*) FROM genius.collections WHERE name = 'Satzungen' AND NOT deleted"_s), qint64(2));
    const CliRun listed = run(u"bert"_s, { u"collections"_s, u"list"_s });
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.array().size(), 1);
    QCOMPARE(listed.array().at(0)[u"tenant"_s].toString(), u"Kreis Borken"_s);
    QCOMPARE(listed.array().at(0)[u"documents"_s].toInt(), 1);
    // Hand-written SQL as bert finds only Borken's rows.
    const auto address = genius::sharedstore::parseStoreUrl(m_cluster.url(u"bert"_s, UserPassword, u"genius"_s));
    QVERIFY(address);
    const auto bert = StoreConnection::open(*address);
    QVERIFY(bert);
    const auto names = (*bert)->value(u"SELECT string_agg(name, ',') FROM genius.documents"_s, {}, u"read"_s);
    QVERIFY(names);
    QCOMPARE(names->toString(), u"borken.md"_s);
    const auto chunks = (*bert)->value(
        u"SELECT count(*) FROM genius.chunks WHERE search @@ plainto_tsquery('german', 'Hundesteuer')"_s, {},
        u"read"_s);
    QVERIFY(chunks);
    QCOMPARE(chunks->toInt(), 0);
    const auto originals = (*bert)->value(u"SELECT count(*) FROM genius.originals"_s, {}, u"read"_s);
    QVERIFY(originals);
    QCOMPARE(originals->toInt(), 1);
}

void TestStorePublish::collectionsList_showsWhatTheServerAllows()
{
    for (const QString& user : { u"anna"_s, u"sven"_s }) {
        const CliRun listed = run(user, { u"collections"_s });
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QCOMPARE(listed.array().size(), 1);
        const QJsonObject collection = listed.array().at(0).toObject();
        QCOMPARE(collection[u"name"_s].toString(), u"Satzungen"_s);
        QCOMPARE(collection[u"class"_s].toString(), u"normal"_s);
        QCOMPARE(collection[u"tenant"_s].toString(), u"Stadt Aachen"_s);
        QVERIFY(collection[u"published"_s].toBool());
        QCOMPARE(collection[u"documents"_s].toInt(), 2);
        for (const QString& key : { u"description"_s, u"created"_s, u"id"_s, u"revision"_s, u"updated"_s })
            QVERIFY2(collection.contains(key), qPrintable(key));
    }
    // An unpublished collection is the data managers' alone: the server hides it from staff.
    QVERIFY(m_admin->exec(u"UPDATE genius.collections SET published = false WHERE name = 'Satzungen' AND tenant_id = "
                          "(SELECT id FROM genius.tenants WHERE name = 'Stadt Aachen')"_s,
        u"unpublish"_s));
    QCOMPARE(run(u"sven"_s, { u"collections"_s, u"list"_s }).array().size(), 0);
    QCOMPARE(run(u"anna"_s, { u"collections"_s, u"list"_s }).array().size(), 1);
    QVERIFY(m_admin->exec(u"UPDATE genius.collections SET published = true WHERE name = 'Satzungen'"_s, u"publish"_s));
}

void TestStorePublish::twoDataManagers_publishAtTheSameTime()
{
    const qint64 tenant = tenantId(u"Stadt Aachen"_s);
    // Both create the same new collection at once: one creates it, the other finds it.
    const auto first = start(u"anna"_s,
        { u"--json"_s, u"--store"_s, userUrl(u"anna"_s), u"import"_s, u"--collection"_s, u"Gleichzeitig"_s,
            file(u"friedhof.md"_s) });
    const auto second = start(u"arne"_s,
        { u"--json"_s, u"--store"_s, userUrl(u"arne"_s), u"import"_s, u"--collection"_s, u"Gleichzeitig"_s,
            file(u"markt.md"_s) });
    const CliRun a = finishCli(*first);
    const CliRun b = finishCli(*second);
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    QCOMPARE(
        count(u"SELECT count(*) FROM genius.collections WHERE name = 'Gleichzeitig' AND NOT deleted"_s), qint64(1));
    QCOMPARE(count(u"SELECT count(*) FROM genius.assignments a JOIN genius.collections c ON c.id = a.collection_id "
                   "WHERE c.name = 'Gleichzeitig' AND NOT a.deleted"_s),
        qint64(2));
    // Every row of the tenant has a revision of its own.
    const QString rows = u"SELECT revision FROM genius.collections WHERE tenant_id = %1 UNION ALL "
                         "SELECT revision FROM genius.documents WHERE tenant_id = %1 UNION ALL "
                         "SELECT revision FROM genius.assignments WHERE tenant_id = %1 UNION ALL "
                         "SELECT revision FROM genius.chunks WHERE tenant_id = %1 UNION ALL "
                         "SELECT revision FROM genius.embeddings WHERE tenant_id = %1"_s.arg(tenant);
    const qint64 all = count(u"SELECT count(*) FROM (%1) r"_s.arg(rows));
    QVERIFY(all > 10);
    QCOMPARE(count(u"SELECT count(DISTINCT revision) FROM (%1) r"_s.arg(rows)), all);
    QCOMPARE(count(u"SELECT max(revision) FROM (%1) r"_s.arg(rows)),
        count(u"SELECT revision FROM genius.tenants WHERE id = ?"_s, { tenant }));
}

void TestStorePublish::veryHigh_isNeverPublished()
{
    const QString before = rowCounts();
    const CliRun refused = run(u"anna"_s,
        { u"import"_s, u"--collection"_s, u"Satzungen"_s, u"--class"_s, u"very-high"_s, file(u"geheim.md"_s) });
    QCOMPARE(refused.exitCode, 3);
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY2(refused.err.contains(u"very-high"_s), qPrintable(refused.err));
    QCOMPARE(rowCounts(), before);
    QCOMPARE(count(u"SELECT count(*) FROM genius.documents WHERE name = 'geheim.md'"_s), qint64(0));

    // Content the index already holds as very-high is refused per document, even with a lower --class.
    const CliRun local
        = finishCli(*start(u"anna"_s, { u"import"_s, u"--class"_s, u"very-high"_s, file(u"geheim.md"_s) }));
    QCOMPARE(local.exitCode, 0);
    const CliRun again = publish(u"anna"_s, { u"geheim.md"_s });
    QCOMPARE(again.exitCode, 3);
    QVERIFY(!again.array().at(0)[u"published"_s].toBool());
    QCOMPARE(rowCounts(), before);
}

void TestStorePublish::aboveTheStoreCollectionsClass_isRefused()
{
    // arne's own profile has no "Satzungen" yet: locally it is created as high and takes the
    // document; the store's "Satzungen" is normal and refuses it, like `collections assign`.
    const QString before = rowCounts();
    const CliRun refused = run(u"arne"_s,
        { u"import"_s, u"--collection"_s, u"Satzungen"_s, u"--class"_s, u"high"_s, file(u"dienstplan.md"_s) });
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains(u"above the class normal of the store's collection \"Satzungen\""_s),
        qPrintable(refused.err));
    const QJsonObject document = refused.array().at(0).toObject();
    QCOMPARE(document[u"status"_s].toString(), u"ready"_s);
    QVERIFY(!document[u"published"_s].toBool());
    QVERIFY(!document.contains(u"store_document"_s));
    QCOMPARE(rowCounts(), before);
}

void TestStorePublish::storeWithoutCollection_isAUsageError()
{
    const CliRun usage = run(u"anna"_s, { u"import"_s, file(u"markt.md"_s) });
    QCOMPARE(usage.exitCode, 1);
    QVERIFY2(usage.err.contains(u"--collection"_s), qPrintable(usage.err));
}

void TestStorePublish::unreachableStore_exits5BeforeImporting()
{
    const CliRun unreachable = finishCli(*start(u"nora"_s,
        { u"--store"_s, u"postgresql://anna@127.0.0.1:1/genius?connect_timeout=3"_s, u"import"_s, u"--collection"_s,
            u"Satzungen"_s, file(u"markt.md"_s) }));
    QCOMPARE(unreachable.exitCode, 5);
    QCOMPARE(unreachable.err.count(u'\n'), 1);
    QVERIFY(!QFile::exists(QDir(profile(u"nora"_s)).filePath(genius::index::IndexDatabase::fileName())));
    // A refused login is exit 5 as well, before importing.
    const CliRun refused = run(u"nora"_s, { u"import"_s, u"--collection"_s, u"Satzungen"_s, file(u"markt.md"_s) });
    QCOMPARE(refused.exitCode, 5);
    QVERIFY(!QFile::exists(QDir(profile(u"nora"_s)).filePath(genius::index::IndexDatabase::fileName())));
}

void TestStorePublish::cleanupTestCase()
{
    m_admin.reset();
    m_cluster.stop();
}

QTEST_MAIN(TestStorePublish)
#include "tst_storepublish.moc"
