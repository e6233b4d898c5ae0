// The real client against the simulator over loopback sockets: every stream case of
// CONFORMANCE.md sections A, B and D that a server can produce.
#include "fixture/simulatorprocess.h"
#include "gatewaytestsupport.h"

#include <QJsonObject>
#include <QTest>

using namespace genius;
using genius::gateway::FinishReason;
using genius::gateway::GatewayErrorKind;
using genius::test::ChatOutcome;
using genius::test::runChat;

namespace {
const QString kPrompt = QStringLiteral("Wie beantrage ich einen Bewohnerparkausweis für die Straße?");
}

Q_DECLARE_METATYPE(genius::gateway::GatewayErrorKind)
Q_DECLARE_METATYPE(genius::gateway::FinishReason)

class TestGatewayStream final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::SimulatorProcess> m_sim;
    std::unique_ptr<gateway::GatewayClient> m_client;
    QString m_reference;

    ChatOutcome chatWithFault(const QString& fault, const QJsonObject& params = {}, int times = 1)
    {
        if (!fault.isEmpty())
            m_sim->setFault(fault, times, params);
        return runChat(*m_client, kPrompt);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<sim::SimulatorProcess>();
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
        m_client = std::make_unique<gateway::GatewayClient>(test::simulatorConfig(*m_sim));
        m_client->setApiKey(QStringLiteral("sim-demo-key"));
        const ChatOutcome reference = runChat(*m_client, kPrompt);
        QVERIFY2(reference.finished, qPrintable(reference.error ? reference.error->message : QString()));
        m_reference = reference.text;
        QVERIFY(m_reference.contains(QStringLiteral("🙂")));
        QVERIFY(reference.usage.completionTokens.has_value());
        QCOMPARE(reference.reason, FinishReason::Stop);
    }

    void init() { m_sim->reset(); }

    // Cases 1-9, 14, 16-18, 22, 28, 29: the same answer however the bytes arrive.
    void framingVariants_giveTheReferenceAnswer_data()
    {
        QTest::addColumn<QString>("fault");
        for (const char* fault : {"split-bytes", "split-random", "many-events-one-write", "crlf", "cr", "mixed-endings",
                                  "data-nospace", "data-two-spaces", "multiline-data", "comments", "sse-fields",
                                  "done-no-newline", "no-done-finish", "empty-data", "no-content-type",
                                  "content-type-charset", "gzip", "role-first-null", "empty-choices", "extra-fields",
                                  "odd-ids", "multi-choice"})
            QTest::newRow(fault) << QString::fromLatin1(fault);
    }

    void framingVariants_giveTheReferenceAnswer()
    {
        QFETCH(QString, fault);
        const ChatOutcome outcome = chatWithFault(fault);
        QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.text, m_reference);
        QVERIFY(!outcome.text.contains(QStringLiteral("null")));
        QCOMPARE(outcome.attempts, 1);
    }

    // Cases 10, 11, 45: cut streams keep their partial text and are not retried.
    void cutStreams_areTruncatedWithPartialText_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("no-done-no-finish (10)") << QStringLiteral("no-done-no-finish");
        QTest::newRow("cut-mid-json (11)") << QStringLiteral("cut-mid-json");
        QTest::newRow("reset-mid-stream (45)") << QStringLiteral("reset-mid-stream");
    }

    void cutStreams_areTruncatedWithPartialText()
    {
        QFETCH(QString, fault);
        const ChatOutcome outcome = chatWithFault(fault);
        QVERIFY(!outcome.finished);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, GatewayErrorKind::Truncated);
        QVERIFY(!outcome.partial.isEmpty());
        QVERIFY(m_reference.startsWith(outcome.partial.left(10)));
        QCOMPARE(outcome.attempts, 1);
    }

    void surrogatePairSplitAcrossEvents_joins() // case 12
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("surrogate-split"));
        QVERIFY(outcome.finished);
        QVERIFY(outcome.text.contains(QStringLiteral("🙂")));
        QVERIFY(!outcome.text.contains(QChar(0xFFFD)));
    }

    void lineSeparatorInContent_isText() // case 13
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("u2028"));
        QVERIFY(outcome.finished);
        QVERIFY(outcome.text.contains(QChar(0x2028)) || outcome.text.contains(QChar(0x2029)));
    }

    void longEventAndLongStream_complete() // case 15
    {
        ChatOutcome outcome = chatWithFault(QStringLiteral("long-event"));
        QVERIFY(outcome.finished);
        QVERIFY(outcome.text.size() > 1000000);
        outcome = chatWithFault(QStringLiteral("long-stream"));
        QVERIFY(outcome.finished);
        QVERIFY(outcome.text.size() >= 10000);
    }

    void inStreamErrors_failWithServerMessageAndPartial_data() // cases 19-21
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("instream-error (19)") << QStringLiteral("instream-error");
        QTest::newRow("event-error (20)") << QStringLiteral("event-error");
        QTest::newRow("llamacpp-error (21)") << QStringLiteral("llamacpp-error");
    }

    void inStreamErrors_failWithServerMessageAndPartial()
    {
        QFETCH(QString, fault);
        const ChatOutcome outcome = chatWithFault(fault);
        QVERIFY(!outcome.finished);
        QVERIFY(outcome.error.has_value());
        QVERIFY(outcome.error->kind != GatewayErrorKind::Truncated);
        QVERIFY(!outcome.error->message.isEmpty());
        QVERIFY(!outcome.text.contains(outcome.error->message)); // an error is never shown as model text
    }

    void missingUsageChunk_leavesUsageUnknown() // case 24
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("no-usage"));
        QVERIFY(outcome.finished);
        QVERIFY(!outcome.usage.promptTokens.has_value());
        QVERIFY(!outcome.usage.completionTokens.has_value());
    }

    void toolCalls_areReassembled() // case 25
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("tool-calls"));
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.toolCalls, 2);
    }

    void finishReasons_areMapped_data() // case 26
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<FinishReason>("reason");
        QTest::newRow("length") << QStringLiteral("finish-length") << FinishReason::Length;
        QTest::newRow("content_filter") << QStringLiteral("finish-content-filter") << FinishReason::ContentFilter;
        QTest::newRow("unknown") << QStringLiteral("finish-unknown") << FinishReason::Other;
    }

    void finishReasons_areMapped()
    {
        QFETCH(QString, fault);
        QFETCH(FinishReason, reason);
        const ChatOutcome outcome = chatWithFault(fault);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.reason, reason);
    }

    void whitespaceDeltas_arePreserved() // case 30
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("whitespace-content"));
        QVERIFY(outcome.finished);
        QVERIFY(outcome.text.contains(QLatin1Char('\n')) || outcome.text.contains(QStringLiteral("  ")));
    }

    void jsonBodyInsteadOfStream_isAccepted() // case 31
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("json-instead-of-stream"));
        QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message : QString()));
        QVERIFY(!outcome.text.isEmpty());
    }

    void nonStreamedCall_returnsTheAnswer()
    {
        const ChatOutcome outcome = runChat(*m_client, kPrompt, false);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.text, m_reference);
        QVERIFY(outcome.usage.totalTokens.has_value());
    }

    void silentServer_hitsTheFirstByteTimeout() // case 46
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("silent"), {}, 10);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, GatewayErrorKind::Timeout);
        QCOMPARE(outcome.attempts, 3); // retried: nothing had been shown
    }

    void gapsBelowIdleTimeout_orWithPings_areFine_data() // cases 47, 48
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QJsonObject>("params");
        QTest::newRow("slow chunks") << QStringLiteral("slow-chunks") << QJsonObject{{QStringLiteral("gap_ms"), 600}};
        QTest::newRow("pings") << QStringLiteral("gap-with-pings")
                               << QJsonObject{{QStringLiteral("gap_ms"), 2500}, {QStringLiteral("ping_every_ms"), 400}};
    }

    void gapsBelowIdleTimeout_orWithPings_areFine()
    {
        QFETCH(QString, fault);
        QFETCH(QJsonObject, params);
        const ChatOutcome outcome = chatWithFault(fault, params);
        QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.text, m_reference);
    }

    void silenceAboveIdleTimeout_truncates() // case 49
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("gap-no-bytes"), {{QStringLiteral("gap_ms"), 4000}});
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, GatewayErrorKind::Truncated);
        QVERIFY(!outcome.partial.isEmpty());
        QVERIFY(outcome.elapsedMs < 3900);
    }

    void cancelMidStream_keepsPartialAndStopsAtOnce() // case 50
    {
        m_sim->setFault(QStringLiteral("slow-chunks"), 1, {{QStringLiteral("gap_ms"), 200}});
        const ChatOutcome outcome = runChat(*m_client, kPrompt, true, true);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, GatewayErrorKind::Cancelled);
        QVERIFY(!outcome.partial.isEmpty());
        QVERIFY(outcome.elapsedMs < 1500);
        QVERIFY(!outcome.usage.promptTokens.has_value());
    }

    void cancelBeforeHeaders_abortsCleanly() // case 51
    {
        m_sim->setFault(QStringLiteral("silent"));
        const ChatOutcome outcome = runChat(*m_client, kPrompt, true, false, 200);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, GatewayErrorKind::Cancelled);
        QVERIFY(outcome.partial.isEmpty());
        QVERIFY(outcome.elapsedMs < 1000);
    }
};

QTEST_GUILESS_MAIN(TestGatewayStream)
#include "tst_gatewaystream.moc"
