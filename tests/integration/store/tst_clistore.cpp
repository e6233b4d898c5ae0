// genius-cli store init | grant | status as an administrator's script and a user's terminal use
// them, against a real PostgreSQL 15 server (a throwaway cluster, see postgrescluster.h): the
// printed versions and grants, the exit codes of the contract (1 usage, 2 bad input, 4 refused,
// 5 unreachable or login refused), and that no password ever shows up in any output.
#include "integration/store/postgrescluster.h"
#include "integration/store/storetestsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using genius::tests::CliRun;

namespace {

const QString AdminPassword = u"Verwaltung-Geheim-42"_s;
const QString UserPassword = u"Sachbearbeitung-7"_s;

} // namespace

class TestCliStore final : public QObject
{
    Q_OBJECT

private:
    genius::tests::PostgresCluster m_cluster;
    QTemporaryDir m_home;

    /// genius-cli with a fresh profile of its own; `pgPassword` becomes PGPASSWORD.
    CliRun run(const QStringList& arguments, const QString& pgPassword = {}, const QByteArray& input = {})
    {
        return genius::tests::runCli({ QStringLiteral(GENIUS_CLI_PATH), m_home.path(), pgPassword },
            QStringList { u"--profile"_s, m_home.filePath(u"profile"_s) } + arguments, input);
    }
    QString adminUrl() const { return genius::tests::storeAdminUrl(m_cluster, AdminPassword); }
    QString userUrl(const QString& user) const { return m_cluster.urlWithoutPassword(user, u"genius"_s); }
    CliRun grant(const QString& user, const QString& tenant, const QString& role)
    {
        return run({ u"--json"_s, u"--store"_s, adminUrl(), u"store"_s, u"grant"_s, user, u"--tenant"_s, tenant,
            u"--role"_s, role, u"--password"_s, UserPassword });
    }

private Q_SLOTS:
    void initTestCase();
    void noStore_isAUsageError();
    void init_printsTheSchemaVersionAndIsIdempotent();
    void grant_createsUsersOfTwoTenants();
    void grant_readsThePasswordFromStandardInput();
    void grant_badArguments_data();
    void grant_badArguments();
    void tenantUsers_cannotInitOrGrant_data();
    void tenantUsers_cannotInitOrGrant();
    void wrongPassword_exits5WithoutThePassword();
    void unreachableStore_exits5();
    void storeSetting_isUsedWithoutTheOption();
    void passwordOfTheStoreOption_isNeitherSavedNorShown();
    void badStoreUrl_isBadInput();
    void cleanupTestCase();
};

void TestCliStore::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(genius::tests::startStoreServer(m_cluster, AdminPassword), qPrintable(m_cluster.error()));
}

void TestCliStore::noStore_isAUsageError()
{
    const CliRun status = run({ u"store"_s, u"status"_s });
    QCOMPARE(status.exitCode, 1);
    QVERIFY2(status.err.contains(u"No shared store is configured"_s), qPrintable(status.err));
    QCOMPARE(status.err.count(u'\n'), 1);
    QCOMPARE(run({ u"store"_s }).exitCode, 1);
    QCOMPARE(run({ u"store"_s, u"drop"_s }).exitCode, 1);
    QCOMPARE(run({ u"store"_s, u"init"_s, u"--tenant"_s, u"A"_s }).exitCode, 1);
}

void TestCliStore::init_printsTheSchemaVersionAndIsIdempotent()
{
    const CliRun first = run({ u"--store"_s, adminUrl(), u"store"_s, u"init"_s });
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.out.contains(u"schema version 5"_s), qPrintable(first.out));
    QVERIFY2(first.err.isEmpty(), qPrintable(first.err));

    QCOMPARE(grant(u"early"_s, u"Stadt Aachen"_s, u"staff"_s).exitCode, 0);
    const CliRun second = run({ u"--json"_s, u"--store"_s, adminUrl(), u"store"_s, u"init"_s });
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.object(), QJsonObject({ { u"schema_version"_s, 5 } }));
    // What existed before the second init is still there.
    const CliRun early = run({ u"--json"_s, u"--store"_s, userUrl(u"early"_s), u"store"_s, u"status"_s }, UserPassword);
    QCOMPARE(early.exitCode, 0);
    QCOMPARE(early.object()[u"tenant"_s].toString(), u"Stadt Aachen"_s);
    const CliRun admin = run({ u"--json"_s, u"--store"_s, adminUrl(), u"store"_s, u"status"_s });
    QCOMPARE(admin.exitCode, 0);
    QCOMPARE(admin.object()[u"role"_s].toString(), u"administrator"_s);
    QCOMPARE(admin.object()[u"schema_version"_s].toInt(), 5);
    QVERIFY(admin.object()[u"tenant"_s].isNull());
}

void TestCliStore::grant_createsUsersOfTwoTenants()
{
    const QList<std::array<QString, 3>> users = {
        { u"alice"_s, u"Stadt Aachen"_s, u"data-manager"_s },
        { u"bob"_s, u"Stadt Aachen"_s, u"staff"_s },
        { u"carol"_s, u"Kreis Borken"_s, u"data-manager"_s },
        { u"dave"_s, u"Kreis Borken"_s, u"staff"_s },
    };
    for (const auto& [user, tenant, role] : users) {
        const CliRun granted = grant(user, tenant, role);
        QVERIFY2(granted.exitCode == 0, qPrintable(granted.err));
        QCOMPARE(granted.object()[u"user"_s].toString(), user);
        QCOMPARE(granted.object()[u"tenant"_s].toString(), tenant);
        QCOMPARE(granted.object()[u"role"_s].toString(), role);
        QVERIFY(granted.object()[u"created"_s].toBool());
        QVERIFY(!granted.out.contains(UserPassword) && !granted.err.contains(UserPassword));

        const CliRun status = run({ u"--json"_s, u"--store"_s, userUrl(user), u"store"_s, u"status"_s }, UserPassword);
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        const QJsonObject expected { { u"user"_s, user }, { u"tenant"_s, tenant }, { u"role"_s, role },
            { u"administrator"_s, false }, { u"schema_version"_s, 5 } };
        QCOMPARE(status.object(), expected);
    }
    // Granting again changes the role (and the password), it does not create a second user.
    const CliRun again = grant(u"bob"_s, u"Stadt Aachen"_s, u"data-manager"_s);
    QCOMPARE(again.exitCode, 0);
    QVERIFY(!again.object()[u"created"_s].toBool());
    QCOMPARE(run({ u"--json"_s, u"--store"_s, userUrl(u"bob"_s), u"store"_s, u"status"_s }, UserPassword)
                 .object()[u"role"_s]
                 .toString(),
        u"data-manager"_s);
    QCOMPARE(grant(u"bob"_s, u"Stadt Aachen"_s, u"staff"_s).exitCode, 0);

    const CliRun text = run({ u"--store"_s, userUrl(u"dave"_s), u"store"_s, u"status"_s }, UserPassword);
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(u"Tenant: Kreis Borken"_s) && text.out.contains(u"Role: staff"_s), qPrintable(text.out));
}

void TestCliStore::grant_readsThePasswordFromStandardInput()
{
    const CliRun granted = run({ u"--store"_s, adminUrl(), u"store"_s, u"grant"_s, u"erin"_s, u"--tenant"_s,
                                   u"Kreis Borken"_s, u"--role"_s, u"staff"_s, u"--password"_s, u"-"_s },
        {}, "Aus-der-Pipe-99\n");
    QVERIFY2(granted.exitCode == 0, qPrintable(granted.err));
    QVERIFY2(granted.out.contains(u"erin"_s), qPrintable(granted.out));
    QCOMPARE(run({ u"store"_s, u"status"_s, u"--store"_s, userUrl(u"erin"_s) }, u"Aus-der-Pipe-99"_s).exitCode, 0);
}

void TestCliStore::grant_badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QStringList good = { u"--tenant"_s, u"Stadt Aachen"_s, u"--role"_s, u"staff"_s, u"--password"_s, u"pw"_s };
    QTest::newRow("unknown role") << QStringList { u"zoe"_s, u"--tenant"_s, u"A"_s, u"--role"_s, u"admin"_s,
        u"--password"_s, u"pw"_s } << 1;
    QTest::newRow("missing password") << QStringList { u"zoe"_s, u"--tenant"_s, u"A"_s, u"--role"_s, u"staff"_s } << 1;
    QTest::newRow("missing user") << good << 1;
    QTest::newRow("two users") << QStringList { u"zoe"_s, u"yves"_s } + good << 1;
    QTest::newRow("empty tenant") << QStringList { u"zoe"_s, u"--tenant"_s, u""_s, u"--role"_s, u"staff"_s,
        u"--password"_s, u"pw"_s } << 2;
    QTest::newRow("upper-case user") << QStringList { u"Zoe"_s } + good << 2;
    QTest::newRow("quote in user") << QStringList { u"zoe\";drop"_s } + good << 2;
    QTest::newRow("reserved user") << QStringList { u"pg_zoe"_s } + good << 2;
    QTest::newRow("foreign role") << QStringList { u"store_admin"_s } + good << 2;
}

void TestCliStore::grant_badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const CliRun refused = run(QStringList { u"--store"_s, adminUrl(), u"store"_s, u"grant"_s } + arguments);
    QCOMPARE(refused.exitCode, exitCode);
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY(refused.out.isEmpty());
    QVERIFY(!refused.err.contains(AdminPassword));
}

void TestCliStore::tenantUsers_cannotInitOrGrant_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("staff") << u"bob"_s;
    QTest::newRow("data manager") << u"alice"_s;
}

void TestCliStore::tenantUsers_cannotInitOrGrant()
{
    QFETCH(QString, user);
    const CliRun init = run({ u"--store"_s, userUrl(user), u"store"_s, u"init"_s }, UserPassword);
    QCOMPARE(init.exitCode, 4);
    QVERIFY2(init.err.contains(u"administrator"_s), qPrintable(init.err));
    const CliRun grant = run({ u"--store"_s, userUrl(user), u"store"_s, u"grant"_s, u"mallory"_s, u"--tenant"_s,
                                 u"Kreis Borken"_s, u"--role"_s, u"data-manager"_s, u"--password"_s, u"x"_s },
        UserPassword);
    QCOMPARE(grant.exitCode, 4);
    QCOMPARE(grant.err.count(u'\n'), 1);
    // Nothing changed: mallory does not exist, the user's own role is the same.
    QCOMPARE(run({ u"--store"_s, userUrl(u"mallory"_s), u"store"_s, u"status"_s }, u"x"_s).exitCode, 5);
    const CliRun status = run({ u"--json"_s, u"--store"_s, userUrl(user), u"store"_s, u"status"_s }, UserPassword);
    QCOMPARE(status.object()[u"tenant"_s].toString(), u"Stadt Aachen"_s);
}

void TestCliStore::wrongPassword_exits5WithoutThePassword()
{
    const QString wrong = u"Falsches-Kennwort-123"_s;
    const CliRun inUrl
        = run({ u"--store"_s, m_cluster.url(u"store_admin"_s, wrong, u"genius"_s), u"store"_s, u"init"_s });
    QCOMPARE(inUrl.exitCode, 5);
    QVERIFY2(inUrl.err.contains(u"refused the login"_s), qPrintable(inUrl.err));
    QCOMPARE(inUrl.err.count(u'\n'), 1);
    QVERIFY(!inUrl.err.contains(wrong) && !inUrl.out.contains(wrong));

    const CliRun inEnvironment = run({ u"--json"_s, u"--store"_s, userUrl(u"bob"_s), u"store"_s, u"status"_s }, wrong);
    QCOMPARE(inEnvironment.exitCode, 5);
    QVERIFY(!inEnvironment.err.contains(wrong) && !inEnvironment.out.contains(wrong));
    QCOMPARE(run({ u"--store"_s, userUrl(u"nobody_here"_s), u"store"_s, u"status"_s }, UserPassword).exitCode, 5);
}

void TestCliStore::unreachableStore_exits5()
{
    // The cluster's own port once it is gone would do too; a port with no listener is enough.
    const QString url = u"postgresql://store_admin:%1@127.0.0.1:1/genius?connect_timeout=3"_s.arg(AdminPassword);
    const CliRun unreachable = run({ u"--store"_s, url, u"store"_s, u"status"_s });
    QCOMPARE(unreachable.exitCode, 5);
    QVERIFY2(unreachable.err.contains(u"Cannot connect to the store at store_admin@127.0.0.1:1/genius"_s),
        qPrintable(unreachable.err));
    QVERIFY(!unreachable.err.contains(AdminPassword));
}

void TestCliStore::storeSetting_isUsedWithoutTheOption()
{
    QCOMPARE(run({ u"settings"_s, u"set"_s, u"store/url"_s, userUrl(u"dave"_s) }).exitCode, 0);
    const CliRun status = run({ u"--json"_s, u"store"_s, u"status"_s }, UserPassword);
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QCOMPARE(status.object()[u"user"_s].toString(), u"dave"_s);
    // A password never goes into the settings file.
    const CliRun withPassword
        = run({ u"settings"_s, u"set"_s, u"store/url"_s, m_cluster.url(u"dave"_s, UserPassword, u"genius"_s) });
    QCOMPARE(withPassword.exitCode, 2);
    QVERIFY(!withPassword.err.contains(UserPassword));
    QCOMPARE(run({ u"settings"_s, u"reset"_s, u"store/url"_s }).exitCode, 0);
}

void TestCliStore::passwordOfTheStoreOption_isNeitherSavedNorShown()
{
    const CliRun shown = run({ u"--store"_s, adminUrl(), u"settings"_s, u"get"_s, u"store/url"_s });
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains(u"store_admin@127.0.0.1"_s), qPrintable(shown.out));
    QVERIFY(!shown.out.contains(AdminPassword) && !shown.err.contains(AdminPassword));
    QDirIterator files(m_home.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(AdminPassword.toUtf8()), qPrintable(file.fileName()));
    }
}

void TestCliStore::badStoreUrl_isBadInput()
{
    const CliRun sslmode
        = run({ u"--store"_s, m_cluster.urlWithoutPassword(u"dave"_s, u"genius"_s) + u"?sslmode=sometimes"_s,
                  u"store"_s, u"status"_s },
            UserPassword);
    QCOMPARE(sslmode.exitCode, 2);
    QVERIFY2(sslmode.err.contains(u"sslmode"_s), qPrintable(sslmode.err));
    QCOMPARE(run({ u"--store"_s, u"mysql://host/db"_s, u"store"_s, u"status"_s }).exitCode, 2);
}

void TestCliStore::cleanupTestCase()
{
    m_cluster.stop();
}

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_clistore.moc"
