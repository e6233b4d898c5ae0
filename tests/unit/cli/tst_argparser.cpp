#include "app/cli/argparser.h"

#include <QTest>

using genius::cli::ArgParser;

class TestArgParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void optionsAndPositionals_areSeparated()
    {
        const ArgParser parser({{QStringLiteral("class"), true}, {QStringLiteral("unassigned"), false}});
        QString error;
        const auto parsed = parser.parse({QStringLiteral("--class"), QStringLiteral("high"), QStringLiteral("a.pdf"),
                                          QStringLiteral("--unassigned"), QStringLiteral("-"), QStringLiteral("--"),
                                          QStringLiteral("--class")},
                                         QStringLiteral("import"), &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(parsed->value(QStringLiteral("class")), QStringLiteral("high"));
        QVERIFY(parsed->has(QStringLiteral("unassigned")));
        QCOMPARE(parsed->positional, QStringList({QStringLiteral("a.pdf"), QStringLiteral("-"), QStringLiteral("--class")}));
    }

    void equalsForm_isAccepted()
    {
        QString error;
        const auto parsed = ArgParser({{QStringLiteral("top-k"), true}}).parse({QStringLiteral("--top-k=5")}, QStringLiteral("search"), &error);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->value(QStringLiteral("top-k")), QStringLiteral("5"));
    }

    void unknownOption_isOneSentenceNamingCommand()
    {
        QString error;
        QVERIFY(!ArgParser({}).parse({QStringLiteral("--bogus")}, QStringLiteral("settings"), &error));
        QVERIFY(error.contains(QStringLiteral("--bogus")));
        QVERIFY(error.contains(QStringLiteral("settings")));
        QCOMPARE(error.count(QLatin1Char('\n')), 0);
    }

    void missingValue_andValueOnFlag_areErrors()
    {
        QString error;
        QVERIFY(!ArgParser({{QStringLiteral("class"), true}}).parse({QStringLiteral("--class")}, QStringLiteral("chat"), &error));
        QVERIFY(error.contains(QStringLiteral("needs a value")));
        QVERIFY(!ArgParser({{QStringLiteral("json"), false}}).parse({QStringLiteral("--json=1")}, QString(), &error));
        QVERIFY(error.contains(QStringLiteral("takes no value")));
    }
};

QTEST_GUILESS_MAIN(TestArgParser)
#include "tst_argparser.moc"
