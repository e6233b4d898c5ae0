// genius-cli store login | logout against a real PostgreSQL 15 server (a throwaway cluster, see
// postgrescluster.h) and a real Secret Service: a private, unlocked gnome-keyring started by
// scripts/with-keyring.sh, which CTest puts in front of this test. After login a command needs
// neither a password in the URL nor PGPASSWORD; the password shows up in no output, no file and
// no server log; logout takes it away again; a password the server refuses is never kept.
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
const QString UserPassword = u"Schluesselbund-Kennwort-58"_s;
const QString WrongPassword = u"Falsches-Kennwort-77"_s;
const QString User = u"kim"_s;

/// The byte patterns a password could be stored as: UTF-8 and UTF-16 in both byte orders.
QList<QByteArray> patterns(const QString& secret)
{
    QByteArray little;
    QByteArray big;
    for (const QChar c : secret) {
        little += char(c.unicode() & 0xff);
        little += char(c.unicode() >> 8);
        big += char(c.unicode() >> 8);
        big += char(c.unicode() & 0xff);
    }
    return { secret.toUtf8(), little, big };
}

} // namespace

class TestStoreLogin final : public QObject
{
    Q_OBJECT

private:
    genius::tests::PostgresCluster m_cluster;
    QTemporaryDir m_home;

    /// genius-cli with the test's profile, in the keyring's D-Bus session unless `environment`
    /// changes it; never with PGPASSWORD unless `pgPassword` is given.
    CliRun run(const QStringList& arguments, const QByteArray& input = {}, const QString& pgPassword = {},
        const QProcessEnvironment& extra = {})
    {
        return genius::tests::runCli(
            cli(pgPassword, extra), QStringList { u"--profile"_s, profile() } + arguments, input);
    }
    genius::tests::CliSetup cli(const QString& pgPassword = {}, const QProcessEnvironment& extra = {}) const
    {
        return { QStringLiteral(GENIUS_CLI_PATH), m_home.path(), pgPassword,
            { u"PGPASSFILE"_s, u"PGUSER"_s, u"PGSSLMODE"_s }, extra };
    }
    QString profile() const { return m_home.filePath(u"profile"_s); }
    QString userUrl() const { return m_cluster.urlWithoutPassword(User, u"genius"_s); }
    QString account() const { return u"%1@127.0.0.1:%2/genius"_s.arg(User).arg(m_cluster.port()); }
    CliRun status(const QString& pgPassword = {})
    {
        return run({ u"--json"_s, u"--store"_s, userUrl(), u"store"_s, u"status"_s }, {}, pgPassword);
    }
    CliRun login(const QString& password)
    {
        return run(
            { u"--store"_s, userUrl(), u"store"_s, u"login"_s, u"--password"_s, u"-"_s }, password.toUtf8() + '\n');
    }
    CliRun logout() { return run({ u"--store"_s, userUrl(), u"store"_s, u"logout"_s }); }

private Q_SLOTS:
    void initTestCase();
    void init();
    void wrongPassword_exits5AndKeepsNothing();
    void login_letsCommandsConnectWithoutPassword();
    void login_passwordOrder_storeOptionThenKeychainThenLibpq();
    void logout_theSameCommandFailsAgain();
    void login_passwordOnTheCommandLine_isAUsageError();
    void keychainUnavailable_login_fails_connect_fallsThroughToLibpq();
    void password_appearsInNoFileAndNoServerLog();
    void cleanupTestCase();
};

void TestStoreLogin::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("GENIUS_KEYRING_SANDBOX"),
        "run this test through scripts/with-keyring.sh (ctest does), it needs a private Secret Service");
    QVERIFY(m_home.isValid());
    const auto admin = genius::tests::setUpStore(
        m_cluster, cli(), profile(), AdminPassword, { { User, u"Stadt Aachen"_s, u"staff"_s } }, UserPassword);
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().detail));
}

void TestStoreLogin::init()
{
    // Every case starts logged out.
    const CliRun out = logout();
    QVERIFY2(out.exitCode == 0, out.why().constData());
}

void TestStoreLogin::wrongPassword_exits5AndKeepsNothing()
{
    const CliRun refused = login(WrongPassword);
    QCOMPARE(refused.exitCode, 5);
    QVERIFY2(refused.err.contains(u"refused the login"_s), qPrintable(refused.err));
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY(refused.out.isEmpty());
    QVERIFY(!refused.shows(WrongPassword));

    QCOMPARE(status().exitCode, 5);
    const CliRun out = logout();
    QCOMPARE(out.exitCode, 0);
    QVERIFY2(out.out.contains(u"No password for %1 was stored"_s.arg(account())), qPrintable(out.out));
}

void TestStoreLogin::login_letsCommandsConnectWithoutPassword()
{
    QCOMPARE(status().exitCode, 5); // neither URL, keychain nor libpq has a password yet

    const CliRun in = login(UserPassword);
    QVERIFY2(in.exitCode == 0, in.why().constData());
    QVERIFY2(in.out.contains(u"The password for %1 is stored in the keychain."_s.arg(account())), qPrintable(in.out));
    QVERIFY(!in.shows(UserPassword));

    const CliRun connected = status();
    QVERIFY2(connected.exitCode == 0, connected.why().constData());
    QCOMPARE(connected.object()[u"user"_s].toString(), User);
    QCOMPARE(connected.object()[u"tenant"_s].toString(), u"Stadt Aachen"_s);
    QVERIFY(connected.err.isEmpty());
    QVERIFY(!connected.shows(UserPassword));

    // Logging in again replaces the entry; --json says which account.
    const CliRun again
        = run({ u"--json"_s, u"--store"_s, userUrl(), u"store"_s, u"login"_s }, UserPassword.toUtf8() + '\n');
    QVERIFY2(again.exitCode == 0, again.why().constData());
    QCOMPARE(again.object(), QJsonObject({ { u"account"_s, account() }, { u"stored"_s, true } }));
    QCOMPARE(status().exitCode, 0);
}

void TestStoreLogin::login_passwordOrder_storeOptionThenKeychainThenLibpq()
{
    QCOMPARE(login(UserPassword).exitCode, 0);
    // The keychain comes before PGPASSWORD ...
    const CliRun keychainFirst = status(WrongPassword);
    QVERIFY2(keychainFirst.exitCode == 0, keychainFirst.why().constData());
    // ... and the password of --store before the keychain, for this run.
    const CliRun storeOption
        = run({ u"--store"_s, m_cluster.url(User, WrongPassword, u"genius"_s), u"store"_s, u"status"_s });
    QCOMPARE(storeOption.exitCode, 5);
    QVERIFY(!storeOption.shows(WrongPassword));
    // Without a keychain entry, PGPASSWORD still works.
    QCOMPARE(logout().exitCode, 0);
    QCOMPARE(status(UserPassword).exitCode, 0);
}

void TestStoreLogin::logout_theSameCommandFailsAgain()
{
    QCOMPARE(login(UserPassword).exitCode, 0);
    QCOMPARE(status().exitCode, 0);

    const CliRun out = logout();
    QCOMPARE(out.exitCode, 0);
    QVERIFY2(
        out.out.contains(u"The password for %1 was removed from the keychain."_s.arg(account())), qPrintable(out.out));
    const CliRun refused = status();
    QCOMPARE(refused.exitCode, 5);
    QCOMPARE(refused.err.count(u'\n'), 1);

    const CliRun twice = run({ u"--json"_s, u"--store"_s, userUrl(), u"store"_s, u"logout"_s });
    QCOMPARE(twice.exitCode, 0);
    QCOMPARE(twice.object(), QJsonObject({ { u"account"_s, account() }, { u"removed"_s, false } }));
}

void TestStoreLogin::login_passwordOnTheCommandLine_isAUsageError()
{
    const CliRun refused = run({ u"--store"_s, userUrl(), u"store"_s, u"login"_s, u"--password"_s, UserPassword });
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY(!refused.shows(UserPassword));
    QCOMPARE(run({ u"--store"_s, userUrl(), u"store"_s, u"logout"_s, u"--password"_s, u"-"_s }).exitCode, 1);
    const CliRun empty = login(QString());
    QCOMPARE(empty.exitCode, 2);
    QCOMPARE(status().exitCode, 5);
}

void TestStoreLogin::keychainUnavailable_login_fails_connect_fallsThroughToLibpq()
{
    QProcessEnvironment noBus;
    noBus.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s);
    const CliRun in = run({ u"--store"_s, userUrl(), u"store"_s, u"login"_s }, UserPassword.toUtf8() + '\n', {}, noBus);
    QCOMPARE(in.exitCode, 8);
    QCOMPARE(in.err.count(u'\n'), 1);
    QVERIFY(!in.shows(UserPassword));
    // Connecting does not mention the keychain at all: libpq's PGPASSWORD is used.
    const CliRun connected
        = run({ u"--json"_s, u"--store"_s, userUrl(), u"store"_s, u"status"_s }, {}, UserPassword, noBus);
    QVERIFY2(connected.exitCode == 0, connected.why().constData());
    QVERIFY2(connected.err.isEmpty(), qPrintable(connected.err));
}

void TestStoreLogin::password_appearsInNoFileAndNoServerLog()
{
    QCOMPARE(login(UserPassword).exitCode, 0);
    QCOMPARE(status().exitCode, 0);
    // The profile and HOME of genius-cli, and the keyring sandbox (its keyring file is encrypted).
    const QStringList roots = { m_home.path(), qEnvironmentVariable("GENIUS_KEYRING_SANDBOX") };
    int scanned = 0;
    for (const QString& root : roots) {
        QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.symLinkTarget().isEmpty() && file.open(QIODevice::ReadOnly)) {
                ++scanned;
                const QByteArray content = file.readAll();
                for (const QByteArray& pattern : patterns(UserPassword))
                    QVERIFY2(!content.contains(pattern), qPrintable(file.fileName()));
            }
        }
    }
    QVERIFY(scanned > 0);
    QVERIFY(!m_cluster.serverLog().contains(UserPassword.toUtf8()));
}

void TestStoreLogin::cleanupTestCase()
{
    (void)logout();
    m_cluster.stop();
}

QTEST_GUILESS_MAIN(TestStoreLogin)
#include "tst_storelogin.moc"
