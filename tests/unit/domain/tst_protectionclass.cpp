#include "core/domain/protectionclass.h"

#include <QTest>

using genius::domain::ProtectionClass;

class TestProtectionClass final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_roundTrip()
    {
        for (const QString& name : genius::domain::protectionClassNames()) {
            const auto parsed = genius::domain::parseProtectionClass(name);
            QVERIFY2(parsed.has_value(), qPrintable(name));
            QCOMPARE(genius::domain::protectionClassName(*parsed), name);
        }
        QCOMPARE(genius::domain::protectionClassNames(),
                 QStringList({QStringLiteral("none"), QStringLiteral("normal"), QStringLiteral("high"),
                              QStringLiteral("very-high")}));
    }

    void unknownSpelling_isRejected()
    {
        QVERIFY(!genius::domain::parseProtectionClass(QStringLiteral("Very-High")));
        QVERIFY(!genius::domain::parseProtectionClass(QStringLiteral("veryhigh")));
        QVERIFY(!genius::domain::parseProtectionClass(QString()));
    }

    void higherOf_picksTheMoreSensitiveClass()
    {
        QCOMPARE(genius::domain::higherOf(ProtectionClass::Normal, ProtectionClass::High), ProtectionClass::High);
        QCOMPARE(genius::domain::higherOf(ProtectionClass::VeryHigh, ProtectionClass::None), ProtectionClass::VeryHigh);
        QCOMPARE(genius::domain::higherOf(ProtectionClass::None, ProtectionClass::None), ProtectionClass::None);
    }
};

QTEST_GUILESS_MAIN(TestProtectionClass)
#include "tst_protectionclass.moc"
