// What goes into the text of CREATE ROLE and GRANT: names that are validated and still quoted,
// literals that mean the same whatever standard_conforming_strings says.
#include "core/sharedstore/sqlquoting.h"
#include "core/sharedstore/storerole.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace genius::sharedstore;

class TestSqlQuoting final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identifier_isAlwaysQuoted()
    {
        QCOMPARE(quoteIdentifier(u"alice"_s), u"\"alice\""_s);
        QCOMPARE(quoteIdentifier(u"user"_s), u"\"user\""_s); // a keyword stays a name
        QCOMPARE(quoteIdentifier(u"a\"b"_s), u"\"a\"\"b\""_s);
    }

    void literal_doublesQuotesAndBackslashes()
    {
        QCOMPARE(quoteLiteral(u"plain"_s), u"'plain'"_s);
        QCOMPARE(quoteLiteral(u"it's"_s), u"'it''s'"_s);
        QCOMPARE(quoteLiteral(u"a\\b'c"_s), u"E'a\\\\b''c'"_s);
        QCOMPARE(quoteLiteral(u"Grüße"_s), u"'Grüße'"_s);
    }

    void userName_isAPlainIdentifier_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"alice"_s << true;
        QTest::newRow("underscore and digits") << u"_sb_12"_s << true;
        QTest::newRow("63 characters") << QString(63, u'a') << true;
        QTest::newRow("64 characters") << QString(64, u'a') << false;
        QTest::newRow("upper case") << u"Alice"_s << false;
        QTest::newRow("umlaut") << u"jürgen"_s << false;
        QTest::newRow("digit first") << u"1a"_s << false;
        QTest::newRow("space") << u"a b"_s << false;
        QTest::newRow("quote") << u"a\"b"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("pg_ prefix") << u"pg_signal_backend"_s << false;
        QTest::newRow("public") << u"public"_s << false;
        QTest::newRow("group role") << u"genius_data_manager"_s << false;
    }

    void userName_isAPlainIdentifier()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(validateUserName(name).has_value(), valid);
    }

    void tenantName_isPrintableText()
    {
        QVERIFY(validateTenantName(u"Bezirksregierung Köln"_s));
        QVERIFY(!validateTenantName(u"  "_s));
        QVERIFY(!validateTenantName(u"a\nb"_s));
        QVERIFY(!validateTenantName(QString(201, u'x')));
    }

    void roles_haveOneSpellingEach()
    {
        QCOMPARE(parseStoreRole(u"data-manager"_s), std::optional(StoreRole::DataManager));
        QCOMPARE(parseStoreRole(u"staff"_s), std::optional(StoreRole::Staff));
        QCOMPARE(parseStoreRole(u"admin"_s), std::nullopt);
        QCOMPARE(storeGroupRole(StoreRole::Staff), u"genius_staff"_s);
        QCOMPARE(storeRoleName(StoreRole::DataManager), u"data-manager"_s);
    }
};

QTEST_GUILESS_MAIN(TestSqlQuoting)
#include "tst_sqlquoting.moc"
