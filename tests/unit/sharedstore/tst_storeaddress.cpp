// Store URLs as administrators write them into policy and scripts: every part percent-decoded,
// defaults where a part is missing, only the parameters the store understands.
#include "core/sharedstore/storeaddress.h"
#include "core/sharedstore/storeconnection.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using genius::sharedstore::parseStoreUrl;
using genius::sharedstore::storeConnectOptions;

namespace {

const QByteArray Pem = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----";

genius::sharedstore::StoreAddress address(const QString& url)
{
    auto parsed = parseStoreUrl(url);
    return parsed ? *parsed : genius::sharedstore::StoreAddress {};
}

QString options(const QString& url, const QString& rootCertificate = {}, const QString& environmentSslMode = {})
{
    const auto built = storeConnectOptions(address(url), rootCertificate, environmentSslMode);
    return built ? *built : u"error: "_s + built.error().detail;
}

} // namespace

class TestStoreAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_takesEveryPartApart()
    {
        const auto address = parseStoreUrl(
            u"postgresql://genius%5Fadmin:p%40ss%3Aw%C3%B6rd@db.example:6543/sammlungen?sslmode=verify-full"_s);
        QVERIFY2(address, qPrintable(address ? QString() : address.error().detail));
        QCOMPARE(address->user, u"genius_admin"_s);
        QCOMPARE(address->password, u"p@ss:wörd"_s);
        QCOMPARE(address->host, u"db.example"_s);
        QCOMPARE(address->port, 6543);
        QCOMPARE(address->database, u"sammlungen"_s);
        QCOMPARE(address->sslMode, u"verify-full"_s);
        QCOMPARE(address->connectTimeoutSeconds, 10);
    }

    void parse_fillsDefaults()
    {
        const auto address = parseStoreUrl(u"postgres://db.example/genius"_s);
        QVERIFY(address);
        QCOMPARE(address->port, 5432);
        QVERIFY(address->user.isEmpty());
        QVERIFY(address->password.isEmpty());
        QVERIFY(address->sslMode.isEmpty());
        QCOMPARE(address->database, u"genius"_s);
        const auto socket = parseStoreUrl(u"postgresql:///genius?connect_timeout=3"_s);
        QVERIFY(socket);
        QVERIFY(socket->host.isEmpty());
        QCOMPARE(socket->connectTimeoutSeconds, 3);
    }

    void parse_acceptsIpv6Hosts()
    {
        const auto address = parseStoreUrl(u"postgresql://u@[::1]:5433/db"_s);
        QVERIFY(address);
        QCOMPARE(address->host, u"::1"_s);
        QCOMPARE(address->display(), u"u@[::1]:5433/db"_s);
    }

    void parse_refusesWhatItCannotHonour_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("other scheme") << u"mysql://db.example/genius"_s;
        QTest::newRow("no scheme") << u"db.example/genius"_s;
        QTest::newRow("unknown sslmode") << u"postgresql://db.example/genius?sslmode=sometimes"_s;
        QTest::newRow("unknown parameter") << u"postgresql://db.example/genius?sslrootcert=/tmp/x"_s;
        QTest::newRow("options injection") << u"postgresql://db.example/genius?options=-c%20row_security%3Doff"_s;
        QTest::newRow("timeout out of range") << u"postgresql://db.example/genius?connect_timeout=0"_s;
        QTest::newRow("path beyond database") << u"postgresql://db.example/genius/extra"_s;
        QTest::newRow("bad port") << u"postgresql://db.example:99999/genius"_s;
    }

    void parse_refusesWhatItCannotHonour()
    {
        QFETCH(QString, url);
        const auto address = parseStoreUrl(url);
        QVERIFY(!address);
        QCOMPARE(address.error().code, genius::common::ErrorCode::InvalidArgument);
    }

    void errorsAndDisplay_neverShowThePassword()
    {
        const QString secret = u"Str3ng-Geheim"_s;
        const auto refused = parseStoreUrl(u"postgresql://u:%1@db.example/genius?sslmode=nope"_s.arg(secret));
        QVERIFY(!refused);
        QVERIFY(!refused.error().detail.contains(secret));
        const auto address = parseStoreUrl(u"postgresql://u:%1@db.example/genius"_s.arg(secret));
        QVERIFY(address);
        QCOMPARE(address->display(), u"u@db.example:5432/genius"_s);
    }

    void withoutPassword_keepsTheRest()
    {
        QCOMPARE(genius::sharedstore::storeUrlWithoutPassword(
                     u"postgresql://admin:geheim@db.example:6543/genius?sslmode=require"_s),
            u"postgresql://admin@db.example:6543/genius?sslmode=require"_s);
        QCOMPARE(genius::sharedstore::storeUrlWithoutPassword(u"postgresql://admin@db.example/genius"_s),
            u"postgresql://admin@db.example/genius"_s);
    }

    void withoutPassword_parsesAgain_withEncodedCharacters()
    {
        // Found by fuzz_storeurl: an escaped space in the user name came back decoded, so the
        // URL without its password no longer parsed.
        const QString url = u"postgresql://Max%20Muster:geheim@db.example/akten-m%C3%BCnster"_s;
        const QString without = genius::sharedstore::storeUrlWithoutPassword(url);
        QCOMPARE(without, u"postgresql://Max%20Muster@db.example/akten-m%C3%BCnster"_s);
        const auto address = parseStoreUrl(without);
        QVERIFY(address);
        QCOMPARE(address->user, u"Max Muster"_s);
        QCOMPARE(address->database, u"akten-münster"_s);
        QVERIFY(address->password.isEmpty());
    }

    void loopbackHosts_areRecognised_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("unix socket") << QString() << true;
        QTest::newRow("socket directory") << u"/var/run/postgresql"_s << true;
        QTest::newRow("localhost") << u"localhost"_s << true;
        QTest::newRow("LOCALHOST") << u"LOCALHOST"_s << true;
        QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
        QTest::newRow("127.1.2.3") << u"127.1.2.3"_s << true;
        QTest::newRow("::1") << u"::1"_s << true;
        QTest::newRow("name") << u"db.example"_s << false;
        QTest::newRow("localhost.example") << u"localhost.example"_s << false;
        QTest::newRow("127.example") << u"127.0.0.1.example"_s << false;
        QTest::newRow("lan address") << u"10.0.0.5"_s << false;
        QTest::newRow("ipv6") << u"fe80::1"_s << false;
    }

    void loopbackHosts_areRecognised()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(genius::sharedstore::isLoopbackHost(host), loopback);
    }

    void connectOptions_defaultSslMode_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("environment"); // PGSSLMODE
        QTest::addColumn<QString>("expected");
        const QString base = u"connect_timeout=10;application_name=genius"_s;
        // Loopback keeps libpq's default (prefer): the test clusters and a local server run without TLS.
        QTest::newRow("loopback") << u"postgresql://u@127.0.0.1:5433/genius"_s << QString() << base;
        QTest::newRow("unix socket") << u"postgresql:///genius"_s << QString() << base;
        QTest::newRow("remote") << u"postgresql://u@db.example/genius"_s << QString()
                                << base + u";sslmode=verify-full"_s;
        QTest::newRow("remote, PGSSLMODE")
            << u"postgresql://u@db.example/genius"_s << u"require"_s << base + u";sslmode=require"_s;
        QTest::newRow("loopback, PGSSLMODE")
            << u"postgresql://u@127.0.0.1/genius"_s << u"verify-full"_s << base + u";sslmode=verify-full"_s;
        QTest::newRow("remote, PGSSLMODE invalid")
            << u"postgresql://u@db.example/genius"_s << u"require sslrootcert=/tmp/x"_s
            << base + u";sslmode=verify-full"_s;
        QTest::newRow("remote, explicit")
            << u"postgresql://u@db.example/genius?sslmode=require"_s << QString() << base + u";sslmode=require"_s;
        QTest::newRow("remote, explicit over PGSSLMODE") << u"postgresql://u@db.example/genius?sslmode=disable"_s
                                                         << u"verify-full"_s << base + u";sslmode=disable"_s;
        QTest::newRow("loopback, explicit")
            << u"postgresql://u@localhost/genius?sslmode=verify-ca&connect_timeout=3"_s << QString()
            << u"connect_timeout=3;application_name=genius;sslmode=verify-ca"_s;
    }

    void connectOptions_defaultSslMode()
    {
        QFETCH(QString, url);
        QFETCH(QString, environment);
        QFETCH(QString, expected);
        QCOMPARE(options(url, {}, environment), expected);
    }

    void connectOptions_rootCertificateOnlyWhenVerifying()
    {
        const QString file = u"/tmp/genius-store-ca-abc.pem"_s;
        QVERIFY(options(u"postgresql://u@db.example/genius"_s, file)
                    .endsWith(u";sslmode=verify-full;sslrootcert='/tmp/genius-store-ca-abc.pem'"_s));
        QVERIFY(options(u"postgresql://u@db.example/genius?sslmode=verify-ca"_s, file)
                    .endsWith(u";sslrootcert='/tmp/genius-store-ca-abc.pem'"_s));
        for (const QString& mode : { u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s })
            QVERIFY2(!options(u"postgresql://u@db.example/genius?sslmode="_s + mode, file).contains(u"sslrootcert"_s),
                qPrintable(mode));
        // Loopback without sslmode does not verify, so it needs no roots.
        QVERIFY(!options(u"postgresql://u@127.0.0.1/genius"_s, file).contains(u"sslrootcert"_s));
        QVERIFY(!options(u"postgresql://u@db.example/genius"_s, {}).contains(u"sslrootcert"_s));
    }

    void connectOptions_quoteThePathForLibpq()
    {
        const QString options = ::options(u"postgresql://u@db.example/genius"_s, u"C:\\Users\\Anna O'Neil\\ca.pem"_s);
        QVERIFY2(options.endsWith(u";sslrootcert='C:\\\\Users\\\\Anna O\\'Neil\\\\ca.pem'"_s), qPrintable(options));
        // The driver turns every ';' into a space, so such a path cannot be passed at all.
        const auto refused
            = storeConnectOptions(address(u"postgresql://u@db.example/genius"_s), u"/tmp/a;b.pem"_s, QString());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, genius::common::ErrorCode::InvalidArgument);
    }

    void rootCertificates_areConcatenatedIntoAPrivateFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString first = dir.filePath(u"first.pem"_s);
        const QString second = dir.filePath(u"second.pem"_s);
        for (const QString& path : { first, second }) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(Pem + (path == first ? "" : "\n")); // the first without a final line break
        }
        auto written = genius::sharedstore::writeRootCertificates({ first, second });
        QVERIFY2(written, qPrintable(written ? QString() : written.error().detail));
        const QString path = (*written)->fileName();
        QFile copy(path);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), Pem + "\n" + Pem + "\n");
        QCOMPARE(copy.permissions()
                & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
                    | QFileDevice::ExeOwner),
            QFileDevice::Permissions());
        written->reset();
        QVERIFY(!QFile::exists(path));
    }

    void rootCertificates_unreadableOrNotPem_isAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(u"missing.pem"_s);
        auto refused = genius::sharedstore::writeRootCertificates({ missing });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, genius::common::ErrorCode::InvalidArgument);
        QVERIFY(refused.error().detail.contains(missing));
        const QString text = dir.filePath(u"text.pem"_s);
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        refused = genius::sharedstore::writeRootCertificates({ text });
        QVERIFY(!refused);
        QVERIFY(refused.error().detail.contains(u"no PEM certificate"_s));
    }

    void storeAccount_fillsLibpqDefaults()
    {
        QCOMPARE(genius::sharedstore::storeAccount(address(u"postgresql://kschmidt:pw@db.example:6543/genius"_s)),
            u"kschmidt@db.example:6543/genius"_s);
        qputenv("PGUSER", "anna");
        qunsetenv("PGDATABASE");
        QCOMPARE(
            genius::sharedstore::storeAccount(address(u"postgresql://db.example/"_s)), u"anna@db.example:5432/anna"_s);
        qputenv("PGDATABASE", "sammlung");
        QCOMPARE(genius::sharedstore::storeAccount(address(u"postgresql://db.example"_s)),
            u"anna@db.example:5432/sammlung"_s);
        qunsetenv("PGUSER");
        qunsetenv("PGDATABASE");
    }
};

QTEST_GUILESS_MAIN(TestStoreAddress)
#include "tst_storeaddress.moc"
