// The shared store's schema on a real PostgreSQL 15 server (a throwaway cluster, see
// postgrescluster.h): migrations, grants, and row-level security as the server enforces it
// against hand-written SQL. Two tenants: "Stadt Aachen" (A: data manager alice, staff bob) and
// "Kreis Borken" (B: data manager carol, staff dave). Alice fills A with a published and an
// unpublished collection through raw SQL as herself; carol fills B.
#include "core/sharedstore/storeadmin.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storeschema.h"
#include "integration/store/postgrescluster.h"
#include "integration/store/storetestsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using genius::common::ErrorCode;
using genius::sharedstore::GrantRequest;
using genius::sharedstore::StoreConnection;
using genius::sharedstore::StoreRole;

namespace {

const QString AdminPassword = u"Verwalter-Kennwort-1"_s;
const QString UserPassword = u"Mitarbeiter-Kennwort-2"_s;

/// Every table of the schema that holds tenant data, with the column naming the tenant.
const QList<std::pair<QString, QString>> TenantTables = {
    { u"tenants"_s, u"id"_s },
    { u"memberships"_s, u"tenant_id"_s },
    { u"collections"_s, u"tenant_id"_s },
    { u"originals"_s, u"tenant_id"_s },
    { u"documents"_s, u"tenant_id"_s },
    { u"assignments"_s, u"tenant_id"_s },
    { u"chunks"_s, u"tenant_id"_s },
    { u"embeddings"_s, u"tenant_id"_s },
    { u"pages"_s, u"tenant_id"_s },
};

/// The first column of the first row as a number; -1 (with a warning naming the error) on failure.
qint64 number(const StoreConnection& connection, const QString& sql)
{
    const auto value = connection.value(sql, {}, u"run a test query"_s);
    if (!value) {
        qWarning().noquote() << sql << "failed:" << value.error().detail;
        return -1;
    }
    return value->toLongLong();
}

/// The name of the error code of a statement that should fail ("denied"), "success" when it did not.
QString failure(const StoreConnection& connection, const QString& sql)
{
    const auto done = connection.exec(sql, u"run a test statement"_s);
    return done ? u"success"_s : genius::common::errorCodeName(done.error().code);
}

} // namespace

class TestStoreSchema final : public QObject
{
    Q_OBJECT

private:
    genius::tests::PostgresCluster m_cluster;
    qint64 m_tenantA = 0;
    qint64 m_tenantB = 0;

    std::unique_ptr<StoreConnection> connectAs(
        const QString& user, const QString& password, const QString& database = u"genius"_s)
    {
        auto connection = genius::tests::openStore(m_cluster.url(user, password, database));
        if (!connection) {
            qWarning().noquote() << "cannot connect as" << user << connection.error().detail;
            return nullptr;
        }
        return std::move(*connection);
    }
    /// True when `user` logs in with `password` (no warning when not: tests expect refusals).
    bool logsIn(const QString& user, const QString& password)
    {
        return genius::tests::openStore(m_cluster.url(user, password, u"genius"_s)).has_value();
    }
    std::unique_ptr<StoreConnection> admin(const QString& database = u"genius"_s)
    {
        return connectAs(u"store_admin"_s, AdminPassword, database);
    }
    bool grant(const StoreConnection& connection, const QString& user, const QString& tenant, StoreRole role,
        const QString& password = UserPassword)
    {
        const auto granted
            = genius::sharedstore::grantStoreUser(connection, GrantRequest { user, tenant, role, password });
        if (!granted)
            qWarning().noquote() << "grant" << user << "failed:" << granted.error().detail;
        return granted.has_value();
    }
    bool run(const StoreConnection& connection, const QStringList& statements)
    {
        for (const QString& statement : statements) {
            if (auto done = connection.exec(statement, u"seed the store"_s); !done) {
                qWarning().noquote() << statement << "failed:" << done.error().detail;
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase();
    void init_isIdempotentAndKeepsRows();
    void init_locksDownEveryObject();
    void init_upgradesAnOlderSchema();
    void init_refusesANewerSchema();
    void init_isDeniedToTenantUsers_data();
    void init_isDeniedToTenantUsers();
    void grant_keepsExactlyOneGroupRole();
    void grant_refusesRolesThatAreNotStoreUsers();
    void grant_refusesBadInput_data();
    void grant_refusesBadInput();
    void grant_passwordsLogInAndStayOffTheServer_data();
    void grant_passwordsLogInAndStayOffTheServer();
    void dataManager_readsAndWritesItsTenantOnly();
    void staff_seesPublishedRowsOnly();
    void staff_cannotWrite_data();
    void staff_cannotWrite();
    void otherTenant_seesNoRowOfTenantA_data();
    void otherTenant_seesNoRowOfTenantA();
    void fullText_findsStemmedGermanWords();
    void revisions_growPerTenantAndDeletesLeaveTombstones();
    void originals_areKeyedByTheirContent();
    void status_reportsTenantAndRole();
    void cleanupTestCase();
};

void TestStoreSchema::initTestCase()
{
    // The administrator as the README sets it up: may create roles, owns the database.
    QVERIFY2(genius::tests::startStoreServer(m_cluster, AdminPassword), qPrintable(m_cluster.error()));
    // Two more of its databases for the migration cases, and a role that is no store user.
    QVERIFY2(
        m_cluster.superuserExec({ u"CREATE DATABASE upgrade OWNER store_admin"_s,
            u"CREATE DATABASE newer OWNER store_admin"_s, u"CREATE ROLE outsider LOGIN PASSWORD 'outsider-pw'"_s }),
        qPrintable(m_cluster.error()));
    const auto administrator = admin();
    QVERIFY(administrator);
    const auto version = genius::sharedstore::initializeStore(*administrator);
    QVERIFY2(version, qPrintable(version ? QString() : version.error().detail));
    QCOMPARE(*version, genius::sharedstore::latestStoreVersion());
    QCOMPARE(*version, 5);

    QVERIFY(grant(*administrator, u"alice"_s, u"Stadt Aachen"_s, StoreRole::DataManager));
    QVERIFY(grant(*administrator, u"bob"_s, u"Stadt Aachen"_s, StoreRole::Staff));
    QVERIFY(grant(*administrator, u"carol"_s, u"Kreis Borken"_s, StoreRole::DataManager));
    QVERIFY(grant(*administrator, u"dave"_s, u"Kreis Borken"_s, StoreRole::Staff));
    m_tenantA = number(*administrator, u"SELECT id FROM genius.tenants WHERE name = 'Stadt Aachen'"_s);
    m_tenantB = number(*administrator, u"SELECT id FROM genius.tenants WHERE name = 'Kreis Borken'"_s);
    QVERIFY(m_tenantA > 0 && m_tenantB > 0 && m_tenantA != m_tenantB);

    // Alice publishes "Amtsblatt" (a fee schedule) and keeps "Entwurf" (a draft) unpublished.
    const auto alice = connectAs(u"alice"_s, UserPassword);
    QVERIFY(alice);
    QVERIFY(run(*alice,
        {
            u"INSERT INTO genius.collections (tenant_id, name, class, published) VALUES "
            "(genius.current_tenant(), 'Amtsblatt', 'normal', true), (genius.current_tenant(), 'Entwurf', 'high', false)"_s,
            u"INSERT INTO genius.originals (tenant_id, sha256, size, media_type, content) VALUES "
            "(genius.current_tenant(), encode(sha256('%PDF Gebuehren'::bytea), 'hex'), 14, 'application/pdf', '%PDF "
            "Gebuehren'::bytea), "
            "(genius.current_tenant(), encode(sha256('%PDF Entwurf'::bytea), 'hex'), 12, 'application/pdf', '%PDF Entwurf'::bytea)"_s,
            u"INSERT INTO genius.documents (tenant_id, original_sha256, name, class, pages) VALUES "
            "(genius.current_tenant(), encode(sha256('%PDF Gebuehren'::bytea), 'hex'), 'Gebührenordnung.pdf', "
            "'normal', 2), "
            "(genius.current_tenant(), encode(sha256('%PDF Entwurf'::bytea), 'hex'), 'Entwurf.pdf', 'high', 1)"_s,
            u"INSERT INTO genius.assignments (tenant_id, document_id, collection_id) "
            "SELECT genius.current_tenant(), d.id, c.id FROM genius.documents d, genius.collections c "
            "WHERE (d.name, c.name) IN (('Gebührenordnung.pdf', 'Amtsblatt'), ('Entwurf.pdf', 'Entwurf'))"_s,
            u"INSERT INTO genius.chunks (tenant_id, document_id, ordinal, first_page, last_page, heading, text) "
            "SELECT genius.current_tenant(), id, 0, 1, 2, '§ 3 Gebühren', 'Für die Ausstellung eines Passes werden "
            "Gebühren erhoben.' "
            "FROM genius.documents WHERE name = 'Gebührenordnung.pdf'"_s,
            u"INSERT INTO genius.chunks (tenant_id, document_id, ordinal, first_page, last_page, text) "
            "SELECT genius.current_tenant(), id, 0, 1, 1, 'Vertraulicher Entwurf über künftige Gebühren.' "
            "FROM genius.documents WHERE name = 'Entwurf.pdf'"_s,
            u"INSERT INTO genius.embeddings (tenant_id, chunk_id, model, dimension, vector) "
            "SELECT genius.current_tenant(), id, 'e5-large', 2, '\\x0000803f00000040'::bytea FROM genius.chunks"_s,
            u"INSERT INTO genius.pages (tenant_id, document_id, number, text) "
            "SELECT genius.current_tenant(), id, 1, 'Gebührenordnung der Stadt' FROM genius.documents"_s,
        }));
    const auto carol = connectAs(u"carol"_s, UserPassword);
    QVERIFY(carol);
    QVERIFY(run(*carol,
        {
            u"INSERT INTO genius.collections (tenant_id, name, published) VALUES (genius.current_tenant(), 'Kreisblatt', true)"_s,
            u"INSERT INTO genius.originals (tenant_id, sha256, size, content) VALUES "
            "(genius.current_tenant(), encode(sha256('Hundesteuer'::bytea), 'hex'), 11, 'Hundesteuer'::bytea)"_s,
            u"INSERT INTO genius.documents (tenant_id, original_sha256, name, class) VALUES "
            "(genius.current_tenant(), encode(sha256('Hundesteuer'::bytea), 'hex'), 'Hundesteuer.txt', 'normal')"_s,
            u"INSERT INTO genius.assignments (tenant_id, document_id, collection_id) "
            "SELECT genius.current_tenant(), d.id, c.id FROM genius.documents d, genius.collections c"_s,
            u"INSERT INTO genius.chunks (tenant_id, document_id, ordinal, first_page, last_page, text) "
            "SELECT genius.current_tenant(), id, 0, 0, 0, 'Die Hundesteuer wird jährlich erhoben.' FROM genius.documents"_s,
        }));
    // Statistics exist now, so the pg_stats check below has something to hide.
    QVERIFY(run(*administrator, { u"ANALYZE"_s }));
}

void TestStoreSchema::init_isIdempotentAndKeepsRows()
{
    const auto administrator = admin();
    QVERIFY(administrator);
    const qint64 before = number(*administrator, u"SELECT count(*) FROM genius.collections"_s);
    const auto again = genius::sharedstore::initializeStore(*administrator);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().detail));
    QCOMPARE(*again, 5);
    QCOMPARE(number(*administrator, u"SELECT count(*) FROM genius.genius_schema"_s), 5);
    QCOMPARE(number(*administrator, u"SELECT count(*) FROM genius.collections"_s), before);
    QCOMPARE(number(*administrator, u"SELECT count(*) FROM genius.memberships"_s), 4);
}

void TestStoreSchema::init_locksDownEveryObject()
{
    const auto administrator = admin();
    QVERIFY(administrator);
    const QString inSchema = u"relnamespace = 'genius'::regnamespace AND relkind IN ('r', 'S')"_s;
    // Everything belongs to the administrator, not to a tenant user.
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_class WHERE %1 "
                 "AND relowner <> 'store_admin'::regrole"_s.arg(inSchema)),
        0);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = 'genius'::regnamespace "
                 "AND proowner <> 'store_admin'::regrole"_s),
        0);
    // Row-level security enabled and forced on every table but the version table.
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_class WHERE relnamespace = 'genius'::regnamespace "
                 "AND relkind = 'r' AND relname <> 'genius_schema' "
                 "AND NOT (relrowsecurity AND relforcerowsecurity)"_s),
        0);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_class WHERE relnamespace = 'genius'::regnamespace "
                 "AND relkind = 'r' AND relrowsecurity AND relforcerowsecurity"_s),
        TenantTables.size());
    // PUBLIC (grantee 0) holds nothing: no table, sequence, function or the schema itself. A NULL
    // ACL would mean the built-in defaults, which give PUBLIC EXECUTE on functions.
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_class c, aclexplode(c.relacl) a "
                 "WHERE %1 AND a.grantee = 0"_s.arg(inSchema)),
        0);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = 'genius'::regnamespace "
                 "AND (proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(proacl) a WHERE a.grantee = 0))"_s),
        0);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_namespace n, aclexplode(n.nspacl) a "
                 "WHERE n.nspname = 'genius' AND a.grantee = 0"_s),
        0);
    // The group roles cannot log in, and staff hold SELECT and nothing else.
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname IN "
                 "('genius_data_manager', 'genius_staff') AND NOT rolcanlogin"_s),
        2);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_class c, aclexplode(c.relacl) a "
                 "WHERE %1 AND a.grantee = 'genius_staff'::regrole AND a.privilege_type <> 'SELECT'"_s.arg(inSchema)),
        0);
}

void TestStoreSchema::init_upgradesAnOlderSchema()
{
    const auto administrator = admin(u"upgrade"_s);
    QVERIFY(administrator);
    const auto first = genius::sharedstore::initializeStore(*administrator, 1);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().detail));
    QCOMPARE(*first, 1);
    QVERIFY(grant(*administrator, u"early"_s, u"Frühe Behörde"_s, StoreRole::DataManager));
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'genius' "
                 "AND tablename = 'collections'"_s),
        0);

    const auto upgraded = genius::sharedstore::initializeStore(*administrator);
    QVERIFY2(upgraded, qPrintable(upgraded ? QString() : upgraded.error().detail));
    QCOMPARE(*upgraded, 5);
    QCOMPARE(number(*administrator, u"SELECT max(version) FROM genius.genius_schema"_s), 5);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM genius.memberships m JOIN genius.tenants t ON t.id = m.tenant_id "
                 "WHERE m.member = 'early' AND t.name = 'Frühe Behörde'"_s),
        1);
    // The user of the version-1 store works in the upgraded one.
    const auto early = connectAs(u"early"_s, UserPassword, u"upgrade"_s);
    QVERIFY(early);
    QVERIFY(
        run(*early, { u"INSERT INTO genius.collections (tenant_id, name) VALUES (genius.current_tenant(), 'Neu')"_s }));
    QCOMPARE(number(*early, u"SELECT count(*) FROM genius.collections"_s), 1);
}

void TestStoreSchema::init_refusesANewerSchema()
{
    const auto administrator = admin(u"newer"_s);
    QVERIFY(administrator);
    QVERIFY(genius::sharedstore::initializeStore(*administrator));
    QVERIFY(run(*administrator, { u"INSERT INTO genius.genius_schema (version) VALUES (99)"_s }));
    const auto refused = genius::sharedstore::initializeStore(*administrator);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Corrupt);
    QVERIFY2(refused.error().detail.contains(u"newer"_s), qPrintable(refused.error().detail));
    QCOMPARE(number(*administrator, u"SELECT max(version) FROM genius.genius_schema"_s), 99);
}

void TestStoreSchema::init_isDeniedToTenantUsers_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("staff") << u"bob"_s;
    QTest::newRow("data manager") << u"alice"_s;
}

void TestStoreSchema::init_isDeniedToTenantUsers()
{
    QFETCH(QString, user);
    const auto connection = connectAs(user, UserPassword);
    QVERIFY(connection);
    const auto refused = genius::sharedstore::initializeStore(*connection);
    QVERIFY(!refused);
    QCOMPARE(genius::common::errorCodeName(refused.error().code), u"denied"_s);
    const auto grant = genius::sharedstore::grantStoreUser(
        *connection, GrantRequest { u"mallory"_s, u"Stadt Aachen"_s, StoreRole::DataManager, u"x"_s });
    QVERIFY(!grant);
    QCOMPARE(genius::common::errorCodeName(grant.error().code), u"denied"_s);
    QCOMPARE(number(*connection, u"SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = 'mallory'"_s), 0);
}

void TestStoreSchema::grant_keepsExactlyOneGroupRole()
{
    const auto administrator = admin();
    QVERIFY(administrator);
    const QString groups
        = u"SELECT string_agg(g.rolname, ',' ORDER BY g.rolname) FROM pg_catalog.pg_auth_members am "
          "JOIN pg_catalog.pg_roles g ON g.oid = am.roleid JOIN pg_catalog.pg_roles m ON m.oid = am.member "
          "WHERE m.rolname = 'erin'"_s;
    QVERIFY(grant(*administrator, u"erin"_s, u"Stadt Aachen"_s, StoreRole::Staff));
    QCOMPARE(administrator->value(groups, {}, u"read"_s)->toString(), u"genius_staff"_s);
    QVERIFY(grant(*administrator, u"erin"_s, u"Kreis Borken"_s, StoreRole::DataManager, u"neues-Kennwort"_s));
    QCOMPARE(administrator->value(groups, {}, u"read"_s)->toString(), u"genius_data_manager"_s);
    QCOMPARE(number(*administrator, u"SELECT tenant_id FROM genius.memberships WHERE member = 'erin'"_s), m_tenantB);
    QVERIFY(!logsIn(u"erin"_s, UserPassword)); // the old password no longer works
    const auto erin = connectAs(u"erin"_s, u"neues-Kennwort"_s);
    QVERIFY(erin);
    QCOMPARE(number(*erin, u"SELECT genius.current_tenant()"_s), m_tenantB);
    QCOMPARE(number(*erin, u"SELECT count(*) FROM genius.collections WHERE tenant_id = %1"_s.arg(m_tenantA)), 0);
}

void TestStoreSchema::grant_refusesRolesThatAreNotStoreUsers()
{
    const auto administrator = admin();
    QVERIFY(administrator);
    for (const QString& role : { u"outsider"_s, u"store_admin"_s, u"postgres"_s }) {
        const auto refused = genius::sharedstore::grantStoreUser(
            *administrator, GrantRequest { role, u"Stadt Aachen"_s, StoreRole::DataManager, u"übernommen"_s });
        QVERIFY2(!refused, qPrintable(role));
        QCOMPARE(genius::common::errorCodeName(refused.error().code), u"invalid-argument"_s);
    }
    // Their passwords and memberships are untouched.
    QVERIFY(logsIn(u"outsider"_s, u"outsider-pw"_s));
    QVERIFY(admin());
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM genius.memberships WHERE member IN ('outsider', 'store_admin', "
                 "'postgres')"_s),
        0);
}

void TestStoreSchema::grant_refusesBadInput_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("password");
    QTest::newRow("upper case") << u"Alice2"_s << u"Stadt Aachen"_s << u"pw"_s;
    QTest::newRow("hyphen") << u"a-b"_s << u"Stadt Aachen"_s << u"pw"_s;
    QTest::newRow("digit first") << u"1abc"_s << u"Stadt Aachen"_s << u"pw"_s;
    QTest::newRow("injection") << u"x\"; DROP SCHEMA genius CASCADE; --"_s << u"Stadt Aachen"_s << u"pw"_s;
    QTest::newRow("reserved pg_") << u"pg_intruder"_s << u"Stadt Aachen"_s << u"pw"_s;
    QTest::newRow("group role") << u"genius_staff"_s << u"Stadt Aachen"_s << u"pw"_s;
    QTest::newRow("64 characters") << QString(64, u'a') << u"Stadt Aachen"_s << u"pw"_s;
    QTest::newRow("empty user") << QString() << u"Stadt Aachen"_s << u"pw"_s;
    QTest::newRow("empty tenant") << u"valid_name"_s << QString() << u"pw"_s;
    QTest::newRow("blank tenant") << u"valid_name"_s << u"   "_s << u"pw"_s;
    QTest::newRow("empty password") << u"valid_name"_s << u"Stadt Aachen"_s << QString();
}

void TestStoreSchema::grant_refusesBadInput()
{
    QFETCH(QString, user);
    QFETCH(QString, tenant);
    QFETCH(QString, password);
    const auto administrator = admin();
    QVERIFY(administrator);
    const qint64 roles = number(*administrator, u"SELECT count(*) FROM pg_catalog.pg_roles"_s);
    const auto refused = genius::sharedstore::grantStoreUser(
        *administrator, GrantRequest { user, tenant, StoreRole::Staff, password });
    QVERIFY(!refused);
    QCOMPARE(genius::common::errorCodeName(refused.error().code), u"invalid-argument"_s);
    QCOMPARE(number(*administrator, u"SELECT count(*) FROM pg_catalog.pg_roles"_s), roles);
    QCOMPARE(number(*administrator, u"SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = 'genius'"_s), 1);
}

void TestStoreSchema::grant_passwordsLogInAndStayOffTheServer_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::newRow("ASCII") << u"frank"_s << u"Kennwort-Frank-4711"_s;
    QTest::newRow("quotes and backslashes") << u"gina"_s << u"it's a \\back\\slash''"_s;
    QTest::newRow("umlauts") << u"gerda"_s << u"Grüße-für-Gerda-ß€"_s;
    // A no-break space needs SASLprep's mapping step (libpq's, the same as the server's at login).
    QTest::newRow("no-break space") << u"hans"_s << u"Rück\\seite 'A'\u00a0Ende"_s;
}

void TestStoreSchema::grant_passwordsLogInAndStayOffTheServer()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    const auto administrator = admin();
    QVERIFY(administrator);
    QVERIFY(grant(*administrator, user, u"Stadt Aachen"_s, StoreRole::Staff, password));
    const auto login = connectAs(user, password);
    QVERIFY2(login, "the granted password does not log in");
    QCOMPARE(number(*login, u"SELECT genius.current_tenant()"_s), m_tenantA);
    QVERIFY(!logsIn(user, password + u"x"_s));
    // Every statement is logged (log_statement = all); the password itself never is.
    const QByteArray log = m_cluster.serverLog();
    const QByteArray statement = QByteArray("CREATE ROLE \"") + user.toUtf8() + '"';
    QVERIFY2(log.contains(statement), "the server logs no statements: the check proves nothing");
    QVERIFY2(!log.contains(password.toUtf8()), "the password reached the server's log");
}

void TestStoreSchema::dataManager_readsAndWritesItsTenantOnly()
{
    const auto alice = connectAs(u"alice"_s, UserPassword);
    QVERIFY(alice);
    QCOMPARE(number(*alice, u"SELECT count(*) FROM genius.collections"_s), 2);
    QCOMPARE(number(*alice, u"SELECT count(*) FROM genius.collections WHERE tenant_id <> %1"_s.arg(m_tenantA)), 0);
    QCOMPARE(number(*alice, u"SELECT count(*) FROM genius.chunks"_s), 2);
    QVERIFY(run(*alice,
        { u"UPDATE genius.collections SET description = 'Amtliche Bekanntmachungen' WHERE name = 'Amtsblatt'"_s }));
    // Writes stay in the own tenant: WITH CHECK, and the revision trigger finds no foreign counter.
    QCOMPARE(failure(*alice, u"INSERT INTO genius.collections (tenant_id, name) VALUES (%1, 'Fremd')"_s.arg(m_tenantB)),
        u"denied"_s);
    QCOMPARE(failure(*alice, u"UPDATE genius.collections SET tenant_id = %1"_s.arg(m_tenantB)), u"denied"_s);
    QCOMPARE(
        failure(*alice, u"INSERT INTO genius.memberships VALUES ('alice', %1, 'staff')"_s.arg(m_tenantB)), u"denied"_s);
}

void TestStoreSchema::staff_seesPublishedRowsOnly()
{
    const auto bob = connectAs(u"bob"_s, UserPassword);
    QVERIFY(bob);
    // One published collection with one document, its original, its chunk and embedding.
    for (const auto& [table, column] : TenantTables)
        QCOMPARE(number(*bob, u"SELECT count(*) FROM genius.%1"_s.arg(table)), 1);
    QCOMPARE(bob->value(u"SELECT name FROM genius.collections"_s, {}, u"read"_s)->toString(), u"Amtsblatt"_s);
    QCOMPARE(bob->value(u"SELECT name FROM genius.documents"_s, {}, u"read"_s)->toString(), u"Gebührenordnung.pdf"_s);
    QCOMPARE(number(*bob, u"SELECT count(*) FROM genius.chunks WHERE text LIKE '%Entwurf%'"_s), 0);
    QCOMPARE(number(*bob, u"SELECT first_page * 10 + last_page FROM genius.chunks"_s), 12);
}

void TestStoreSchema::staff_cannotWrite_data()
{
    QTest::addColumn<QString>("statement");
    QTest::newRow("insert collection")
        << u"INSERT INTO genius.collections (tenant_id, name) VALUES (genius.current_tenant(), 'x')"_s;
    QTest::newRow("update collection") << u"UPDATE genius.collections SET published = false"_s;
    QTest::newRow("delete collection") << u"DELETE FROM genius.collections"_s;
    QTest::newRow("insert original")
        << u"INSERT INTO genius.originals (tenant_id, sha256, size, content) "
           "VALUES (genius.current_tenant(), encode(sha256('x'::bytea), 'hex'), 1, 'x'::bytea)"_s;
    QTest::newRow("delete original") << u"DELETE FROM genius.originals"_s;
    QTest::newRow("update document") << u"UPDATE genius.documents SET class = 'none'"_s;
    QTest::newRow("delete document") << u"DELETE FROM genius.documents"_s;
    QTest::newRow("delete assignment") << u"DELETE FROM genius.assignments"_s;
    QTest::newRow("update chunk") << u"UPDATE genius.chunks SET text = 'x'"_s;
    QTest::newRow("delete embedding") << u"DELETE FROM genius.embeddings"_s;
    QTest::newRow("advance revision") << u"UPDATE genius.tenants SET revision = revision + 1"_s;
    QTest::newRow("move membership") << u"UPDATE genius.memberships SET role = 'data-manager'"_s;
    QTest::newRow("truncate") << u"TRUNCATE genius.chunks"_s;
    QTest::newRow("become data manager") << u"GRANT genius_data_manager TO bob"_s;
}

void TestStoreSchema::staff_cannotWrite()
{
    QFETCH(QString, statement);
    const auto bob = connectAs(u"bob"_s, UserPassword);
    QVERIFY(bob);
    QCOMPARE(failure(*bob, statement), u"denied"_s);
    const auto administrator = admin();
    QVERIFY(administrator);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM genius.collections WHERE tenant_id = %1 AND published "
                 "AND NOT deleted"_s.arg(m_tenantA)),
        1);
    QCOMPARE(number(*administrator, u"SELECT count(*) FROM genius.chunks WHERE text = 'x'"_s), 0);
}

void TestStoreSchema::otherTenant_seesNoRowOfTenantA_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("staff of B") << u"dave"_s;
    QTest::newRow("data manager of B") << u"carol"_s;
}

void TestStoreSchema::otherTenant_seesNoRowOfTenantA()
{
    QFETCH(QString, user);
    const auto session = connectAs(user, UserPassword);
    QVERIFY(session);
    const StoreConnection& b = *session;
    // SELECT * on every table: each row it returns must be tenant B's (-1: the query failed).
    const auto rowsOfOthers = [&](const QString& table, const QString& column) -> qint64 {
        auto rows = b.query(u"SELECT * FROM genius.%1"_s.arg(table), {}, u"read"_s);
        if (!rows)
            return -1;
        qint64 others = 0;
        while (rows->next())
            others += rows->value(column).toLongLong() == m_tenantB ? 0 : 1;
        return others;
    };
    for (const auto& [table, column] : TenantTables)
        QVERIFY2(rowsOfOthers(table, column) == 0, qPrintable(u"%1 shows rows of another tenant"_s.arg(table)));
    QCOMPARE(number(b, u"SELECT count(*) FROM genius.chunks WHERE search @@ to_tsquery('german', 'Gebühr')"_s), 0);
    QCOMPARE(number(b, u"SELECT count(*) FROM genius.chunks WHERE search @@ to_tsquery('german', 'Hundesteuer')"_s), 1);
    QCOMPARE(number(b, u"SELECT genius.current_tenant()"_s), m_tenantB);

    // Switching row-level security off is refused, not obeyed.
    QVERIFY(b.exec(u"SET row_security = off"_s, u"set"_s));
    for (const auto& [table, column] : TenantTables)
        QCOMPARE(failure(b, u"SELECT count(*) FROM genius.%1"_s.arg(table)), u"denied"_s);
    QVERIFY(b.exec(u"RESET row_security"_s, u"reset"_s));

    // Other roles: either refused, or (the own group role) without any tenant at all.
    for (const QString& role : { u"genius_data_manager"_s, u"genius_staff"_s, u"alice"_s, u"bob"_s, u"store_admin"_s,
             u"postgres"_s, u"pg_read_all_data"_s }) {
        if (!b.exec(u"SET ROLE %1"_s.arg(role), u"set role"_s))
            continue;
        for (const auto& [table, column] : TenantTables)
            QVERIFY2(number(b, u"SELECT count(*) FROM genius.%1"_s.arg(table)) <= 0,
                qPrintable(u"as %1, %2 shows rows"_s.arg(role, table)));
        QVERIFY(b.exec(u"RESET ROLE"_s, u"reset role"_s));
    }
    QCOMPARE(failure(b, u"SET SESSION AUTHORIZATION alice"_s), u"denied"_s);

    // The membership table: no way to move oneself into tenant A.
    QCOMPARE(failure(b, u"UPDATE genius.memberships SET tenant_id = %1 WHERE member = current_user"_s.arg(m_tenantA)),
        u"denied"_s);
    QCOMPARE(failure(b, u"INSERT INTO genius.memberships VALUES ('%1', %2, 'data-manager')"_s.arg(user).arg(m_tenantA)),
        u"denied"_s);
    QCOMPARE(failure(b, u"DELETE FROM genius.memberships"_s), u"denied"_s);
    QCOMPARE(failure(b, u"UPDATE genius.tenants SET name = 'Stadt Aachen'"_s), u"denied"_s);
    QCOMPARE(number(b, u"SELECT genius.current_tenant()"_s), m_tenantB);

    // Nor around the policies: only the owner may change them.
    QCOMPARE(failure(b, u"ALTER TABLE genius.chunks DISABLE ROW LEVEL SECURITY"_s), u"denied"_s);
    QCOMPARE(failure(b, u"ALTER TABLE genius.chunks NO FORCE ROW LEVEL SECURITY"_s), u"denied"_s);
    QCOMPARE(failure(b, u"DROP POLICY staff ON genius.chunks"_s), u"denied"_s);
    QCOMPARE(failure(b, u"CREATE POLICY open ON genius.chunks USING (true)"_s), u"denied"_s);
    QCOMPARE(failure(b, u"SELECT genius.stamp_revision()"_s), u"denied"_s);
    QCOMPARE(failure(b, u"CREATE TABLE genius.spy (x int)"_s), u"denied"_s);
    QCOMPARE(number(b,
                 u"SELECT count(*) FROM pg_catalog.pg_stats WHERE schemaname = 'genius' "
                 "AND tablename <> 'genius_schema'"_s),
        0);

    // A data manager of B writes B's rows, and nothing of A's.
    if (user == u"carol"_s) {
        QCOMPARE(failure(b, u"INSERT INTO genius.collections (tenant_id, name) VALUES (%1, 'Fremd')"_s.arg(m_tenantA)),
            u"denied"_s);
        QVERIFY(b.exec(u"DELETE FROM genius.collections WHERE tenant_id = %1"_s.arg(m_tenantA), u"delete"_s));
        QVERIFY(b.exec(
            u"UPDATE genius.chunks SET text = 'überschrieben' WHERE tenant_id = %1"_s.arg(m_tenantA), u"update"_s));
        // A reference to A's document fails like one to a document that does not exist.
        const qint64 documentOfA = [&] {
            const auto administrator = admin();
            return administrator
                ? number(*administrator, u"SELECT min(id) FROM genius.documents WHERE tenant_id = %1"_s.arg(m_tenantA))
                : -1;
        }();
        QVERIFY(documentOfA > 0);
        QCOMPARE(failure(b,
                     u"INSERT INTO genius.assignments (tenant_id, document_id, collection_id) "
                     "SELECT genius.current_tenant(), %1, id FROM genius.collections"_s.arg(documentOfA)),
            u"invalid-argument"_s);
    } else {
        QCOMPARE(
            failure(b, u"INSERT INTO genius.collections (tenant_id, name) VALUES (genius.current_tenant(), 'x')"_s),
            u"denied"_s);
    }
    const auto administrator = admin();
    QVERIFY(administrator);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM genius.collections WHERE tenant_id = %1 AND NOT deleted"_s.arg(m_tenantA)),
        2);
    QCOMPARE(number(*administrator, u"SELECT count(*) FROM genius.chunks WHERE text = 'überschrieben'"_s), 0);
    QCOMPARE(number(*administrator,
                 u"SELECT count(*) FROM genius.memberships WHERE member = '%1' AND tenant_id = %2"_s.arg(user).arg(
                     m_tenantB)),
        1);
}

void TestStoreSchema::fullText_findsStemmedGermanWords()
{
    const auto bob = connectAs(u"bob"_s, UserPassword);
    QVERIFY(bob);
    const auto found = bob->value(
        u"SELECT text FROM genius.chunks WHERE search @@ to_tsquery('german', 'Gebühr')"_s, {}, u"search"_s);
    QVERIFY(found);
    QVERIFY2(found->toString().contains(u"Gebühren"_s), qPrintable(found->toString()));
    QCOMPARE(
        number(*bob,
            u"SELECT count(*) FROM genius.chunks WHERE search @@ plainto_tsquery('german', 'Ausstellungen des Passes')"_s),
        1);
    QCOMPARE(
        number(*bob, u"SELECT count(*) FROM genius.chunks WHERE search @@ to_tsquery('german', 'Hundesteuer')"_s), 0);
    // The index is used for it (a GIN index on the generated column).
    QCOMPARE(number(*bob,
                 u"SELECT count(*) FROM pg_catalog.pg_indexes WHERE schemaname = 'genius' "
                 "AND indexname = 'chunks_search' AND indexdef LIKE '%USING gin (search)%'"_s),
        1);
}

void TestStoreSchema::revisions_growPerTenantAndDeletesLeaveTombstones()
{
    const auto alice = connectAs(u"alice"_s, UserPassword);
    const auto bob = connectAs(u"bob"_s, UserPassword);
    const auto carol = connectAs(u"carol"_s, UserPassword);
    QVERIFY(alice && bob && carol);
    const QString counter = u"SELECT revision FROM genius.tenants"_s;
    const qint64 start = number(*alice, counter);
    const qint64 counterOfB = number(*carol, counter);
    QVERIFY(start > 0);
    QVERIFY(run(*alice,
        { u"INSERT INTO genius.collections (tenant_id, name, published) VALUES (genius.current_tenant(), 'Temp', true)"_s }));
    const QString revision = u"SELECT revision FROM genius.collections WHERE name = 'Temp'"_s;
    QCOMPARE(number(*alice, revision), start + 1);
    QVERIFY(run(*alice, { u"UPDATE genius.collections SET description = 'kurzlebig' WHERE name = 'Temp'"_s }));
    QCOMPARE(number(*alice, revision), start + 2);
    QCOMPARE(number(*bob, u"SELECT count(*) FROM genius.collections WHERE name = 'Temp'"_s), 1);

    QVERIFY(run(*alice, { u"DELETE FROM genius.collections WHERE name = 'Temp'"_s }));
    QCOMPARE(number(*alice, u"SELECT count(*) FROM genius.collections WHERE name = 'Temp' AND deleted"_s), 1);
    QCOMPARE(number(*alice, revision), start + 3);
    QCOMPARE(number(*alice, counter), start + 3);
    QCOMPARE(number(*alice, u"SELECT count(*) FROM genius.collections WHERE revision > %1"_s.arg(start)), 1);
    QCOMPARE(number(*bob, u"SELECT count(*) FROM genius.collections WHERE name = 'Temp'"_s), 0);
    // The name is free again once the old collection is a tombstone.
    QVERIFY(run(
        *alice, { u"INSERT INTO genius.collections (tenant_id, name) VALUES (genius.current_tenant(), 'Temp')"_s }));
    QCOMPARE(number(*alice, u"SELECT count(*) FROM genius.collections WHERE name = 'Temp'"_s), 2);

    QCOMPARE(number(*carol, counter), counterOfB);
    QCOMPARE(failure(*alice, u"UPDATE genius.tenants SET revision = 1"_s), u"invalid-argument"_s);
}

void TestStoreSchema::originals_areKeyedByTheirContent()
{
    const auto alice = connectAs(u"alice"_s, UserPassword);
    QVERIFY(alice);
    // The same file again is the same row (the publishing slice upserts); a wrong key is refused.
    QCOMPARE(
        failure(*alice,
            u"INSERT INTO genius.originals (tenant_id, sha256, size, content) VALUES "
            "(genius.current_tenant(), encode(sha256('%PDF Gebuehren'::bytea), 'hex'), 14, '%PDF Gebuehren'::bytea)"_s),
        u"invalid-argument"_s);
    QCOMPARE(failure(*alice,
                 u"INSERT INTO genius.originals (tenant_id, sha256, size, content) VALUES "
                 "(genius.current_tenant(), encode(sha256('a'::bytea), 'hex'), 1, 'b'::bytea)"_s),
        u"invalid-argument"_s);
    // Tenant B may hold the same file independently.
    const auto carol = connectAs(u"carol"_s, UserPassword);
    QVERIFY(carol);
    QVERIFY(run(*carol,
        { u"INSERT INTO genius.originals (tenant_id, sha256, size, content) VALUES "
          "(genius.current_tenant(), encode(sha256('%PDF Gebuehren'::bytea), 'hex'), 14, '%PDF Gebuehren'::bytea)"_s }));
    QCOMPARE(number(*carol, u"SELECT count(*) FROM genius.originals"_s), 2);
    // A live document always has its original (migration 4 lets only tombstones drop it).
    QVERIFY(number(*alice, u"SELECT count(*) FROM genius.documents WHERE NOT deleted"_s) > 0);
    QCOMPARE(failure(*alice, u"UPDATE genius.documents SET original_sha256 = NULL WHERE NOT deleted"_s),
        u"invalid-argument"_s);
    QCOMPARE(failure(*alice,
                 u"INSERT INTO genius.documents (tenant_id, original_sha256, name, class) VALUES "
                 "(genius.current_tenant(), NULL, 'ohne-datei.txt', 'normal')"_s),
        u"invalid-argument"_s);
}

void TestStoreSchema::status_reportsTenantAndRole()
{
    const auto bob = connectAs(u"bob"_s, UserPassword);
    QVERIFY(bob);
    const auto status = genius::sharedstore::storeStatus(*bob);
    QVERIFY(status);
    QCOMPARE(status->user, u"bob"_s);
    QCOMPARE(status->tenant, u"Stadt Aachen"_s);
    QCOMPARE(status->role, std::optional(StoreRole::Staff));
    QVERIFY(!status->administrator);
    QCOMPARE(status->schemaVersion, 5);
    const auto administrator = admin();
    QVERIFY(administrator);
    const auto adminStatus = genius::sharedstore::storeStatus(*administrator);
    QVERIFY(adminStatus);
    QVERIFY(adminStatus->administrator);
    QVERIFY(adminStatus->tenant.isEmpty());
}

void TestStoreSchema::cleanupTestCase()
{
    m_cluster.stop();
}

QTEST_GUILESS_MAIN(TestStoreSchema)
#include "tst_storeschema.moc"
