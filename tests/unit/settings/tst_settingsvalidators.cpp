#include "core/settings/settingsvalidators.h"

#include <QTest>

namespace v = genius::settings::validators;

class TestSettingsValidators final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpUrl_normalisesAndRejects()
    {
        const auto url = v::httpUrl(true);
        QCOMPARE(url(QStringLiteral(" https://gw.example:8443/v1/ ")).value(), QVariant(QStringLiteral("https://gw.example:8443/v1")));
        QCOMPARE(url(QString()).value(), QVariant(QString()));
        QVERIFY(!v::httpUrl(false)(QString()).has_value());
        QVERIFY(!url(QStringLiteral("gw.example/v1")).has_value());
        QVERIFY(!url(QStringLiteral("file:///etc/passwd")).has_value());
        QVERIFY(!url(QStringList{QStringLiteral("https://a")}).has_value());
    }

    void boolean_acceptsRegistryAndIniShapes()
    {
        const auto check = v::boolean();
        QCOMPARE(check(1).value(), QVariant(true));
        QCOMPARE(check(QStringLiteral("false")).value(), QVariant(false));
        QCOMPARE(check(QStringLiteral("Yes")).value(), QVariant(true));
        QCOMPARE(check(true).value(), QVariant(true));
        QVERIFY(!check(QStringLiteral("maybe")).has_value());
    }

    void integerRange_checksBoundsAndShape()
    {
        const auto check = v::integerRange(1, 10);
        QCOMPARE(check(QStringLiteral("7")).value(), QVariant(7));
        QCOMPARE(check(10).value(), QVariant(10));
        QCOMPARE(check(3.0).value(), QVariant(3));
        QVERIFY(!check(3.5).has_value());
        QVERIFY(!check(0).has_value());
        QVERIFY(!check(11).has_value());
        QVERIFY(!check(QStringLiteral("7x")).has_value());
    }

    void listOf_splitsStringsAndValidatesItems()
    {
        const auto check = v::listOf(v::clearanceEntry());
        QCOMPARE(check(QStringLiteral("a=none; b:7=high ;")).value(),
                 QVariant(QStringList({QStringLiteral("a=none"), QStringLiteral("b:7=high")})));
        QCOMPARE(check(QVariantList{QStringLiteral("m=normal")}).value(), QVariant(QStringList{QStringLiteral("m=normal")}));
        const auto veryHigh = check(QStringLiteral("m=very-high"));
        QVERIFY(!veryHigh.has_value()); // nothing may be cleared for very-high: it never leaves
        QVERIFY(veryHigh.error().detail.contains(QStringLiteral("m=very-high")));
        QVERIFY(!check(QStringLiteral("=high")).has_value());
    }

    void proxyAndStore_refuseCredentialsAndWrongSchemes()
    {
        QVERIFY(v::proxy()(QStringLiteral("none")).has_value());
        QVERIFY(v::proxy()(QStringLiteral("socks5://127.0.0.1:1080")).has_value());
        QVERIFY(!v::proxy()(QStringLiteral("http://proxy")).has_value()); // no port
        QVERIFY(v::storeUrl()(QStringLiteral("postgresql://genius@db.example/genius")).has_value());
        QVERIFY(!v::storeUrl()(QStringLiteral("mysql://db")).has_value());
        QVERIFY(!v::storeUrl()(QStringLiteral("postgresql://u:pw@db/g")).has_value());
    }

    void oneOf_isCaseSensitive()
    {
        const auto check = v::oneOf({QStringLiteral("de"), QStringLiteral("en")});
        QVERIFY(check(QStringLiteral("de")).has_value());
        QVERIFY(!check(QStringLiteral("DE")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSettingsValidators)
#include "tst_settingsvalidators.moc"
