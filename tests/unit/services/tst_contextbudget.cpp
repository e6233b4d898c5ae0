#include "core/services/contextbudget.h"

#include <QTest>

using namespace Qt::StringLiterals;
using genius::gateway::ChatMessage;
namespace services = genius::services;

class ContextBudgetTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void estimateOverCountsGermanProse()
    {
        // 1,000 characters of German prose are about 300 tokens in BPE vocabularies.
        const QString prose = u"Die Gemeinde erhebt eine Hundesteuer für jeden Hund im Gemeindegebiet. "_s.repeated(14);
        QVERIFY(services::estimateTokens(prose) >= prose.size() / 4);
        QCOMPARE(services::estimateTokens(QString()), 0);
    }

    void budgetLeavesRoomForTheAnswer()
    {
        const services::ContextBudget budget{4096, 1000};
        QVERIFY(budget.promptTokens() < 4096 - 1000);
        QVERIFY(budget.promptTokens() > 2900);
        QCOMPARE((services::ContextBudget{500, 1000}.promptTokens()), 0);
    }

    void contextWindowFromTable()
    {
        const QStringList table{u"sim-onprem=32768"_s, u"*=16000"_s, u"broken"_s, u"bad=x"_s};
        QCOMPARE(services::contextWindowFor(u"sim-onprem"_s, table), 32768);
        QCOMPARE(services::contextWindowFor(u"other"_s, table), 16000);
        QCOMPARE(services::contextWindowFor(u"other"_s, {u"sim-onprem=32768"_s}), 8192);
        QCOMPARE(services::contextWindowFor(u"other"_s, {}, 4096), 4096);
    }

    void trimmingKeepsSystemAndNewestTurns()
    {
        QList<ChatMessage> messages{{u"system"_s, u"Sie sind ein Assistent."_s}};
        for (int i = 0; i < 20; ++i) {
            messages.append({u"user"_s, u"Frage %1 "_s.arg(i) + u"x"_s.repeated(300)});
            messages.append({u"assistant"_s, u"Antwort %1 "_s.arg(i) + u"y"_s.repeated(300)});
        }
        messages.append({u"user"_s, u"Letzte Frage?"_s});
        const auto trimmed = services::trimHistory(messages, 1000);
        QVERIFY(services::estimateTokens(trimmed) <= 1000);
        QCOMPARE(trimmed.first().role, u"system"_s);
        QCOMPARE(trimmed.last().content, u"Letzte Frage?"_s);
        QCOMPARE(trimmed.at(1).role, u"user"_s); // never starts with an orphaned answer
        QVERIFY(trimmed.size() > 3);
        QVERIFY(trimmed.size() < messages.size());
        // The kept turns are the newest ones, in order.
        QVERIFY(trimmed.at(trimmed.size() - 2).content.startsWith(u"Antwort 19"_s));
    }

    void questionIsKeptEvenWhenItAloneExceedsTheBudget()
    {
        const QList<ChatMessage> messages{{u"user"_s, u"alt"_s}, {u"user"_s, u"z"_s.repeated(9000)}};
        const auto trimmed = services::trimHistory(messages, 100);
        QCOMPARE(trimmed.size(), 1);
        QCOMPARE(trimmed.first().content.size(), 9000);
    }
};

QTEST_GUILESS_MAIN(ContextBudgetTest)
#include "tst_contextbudget.moc"
