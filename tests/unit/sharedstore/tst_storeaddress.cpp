// Store URLs as administrators write them into policy and scripts: every part percent-decoded,
// defaults where a part is missing, only the parameters the store understands.
#include "core/sharedstore/storeaddress.h"

#include <QTest>

using namespace Qt::StringLiterals;
using genius::sharedstore::parseStoreUrl;

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
};

QTEST_GUILESS_MAIN(TestStoreAddress)
#include "tst_storeaddress.moc"
