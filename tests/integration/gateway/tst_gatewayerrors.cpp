// HTTP status, error bodies and retries (CONFORMANCE.md section C) with the real client
// against the simulator.
#include "fixture/simulatorprocess.h"
#include "gatewaytestsupport.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace genius;
using genius::gateway::GatewayErrorKind;
using genius::test::ChatOutcome;
using genius::test::runChat;

Q_DECLARE_METATYPE(genius::gateway::GatewayErrorKind)

class TestGatewayErrors final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::SimulatorProcess> m_sim;
    std::unique_ptr<gateway::GatewayClient> m_client;

    ChatOutcome chatWithFault(const QString& fault, const QJsonObject& params = {}, int times = 1)
    {
        m_sim->setFault(fault, times, params);
        return runChat(*m_client, QStringLiteral("Bitte fasse den Vorgang zusammen."));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<sim::SimulatorProcess>();
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
        m_client = std::make_unique<gateway::GatewayClient>(test::simulatorConfig(*m_sim));
        m_client->setApiKey(QStringLiteral("sim-demo-key"));
    }

    void init() { m_sim->reset(); }

    // Cases 32-34, 37-39, 41: no retry, a message always, the right kind.
    void finalErrors_areTypedAndNotRetried_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<GatewayErrorKind>("kind");
        const QJsonObject none;
        QTest::newRow("401 (38)") << QStringLiteral("401") << none << GatewayErrorKind::Auth;
        QTest::newRow("403 (38)") << QStringLiteral("403") << none << GatewayErrorKind::Permission;
        QTest::newRow("404 model (39)") << QStringLiteral("404-model") << none << GatewayErrorKind::NotFound;
        QTest::newRow("404 path html (39)") << QStringLiteral("404-path-html") << none << GatewayErrorKind::NotFound;
        QTest::newRow("context length (37)") << QStringLiteral("context-length") << none << GatewayErrorKind::InputTooLong;
        QTest::newRow("413 html (37)") << QStringLiteral("413-html") << none << GatewayErrorKind::InputTooLong;
        QTest::newRow("budget 429 (41)") << QStringLiteral("budget-429") << none << GatewayErrorKind::BudgetExhausted;
        QTest::newRow("budget 400 (41)") << QStringLiteral("budget-400") << none << GatewayErrorKind::BudgetExhausted;
        QTest::newRow("insufficient quota (41)") << QStringLiteral("insufficient-quota") << none
                                                 << GatewayErrorKind::BudgetExhausted;
        QTest::newRow("error before stream (32)") << QStringLiteral("error-before-stream")
                                                  << QJsonObject{{QStringLiteral("status"), 400}}
                                                  << GatewayErrorKind::BadRequest;
        const QJsonObject status400{{QStringLiteral("status"), 400}};
        QTest::newRow("express (34)") << QStringLiteral("error-express") << status400 << GatewayErrorKind::BadRequest;
        QTest::newRow("problem json (34)") << QStringLiteral("error-problem-json") << none << GatewayErrorKind::BadRequest;
        QTest::newRow("html (34)") << QStringLiteral("error-html") << status400 << GatewayErrorKind::BadRequest;
        QTest::newRow("code int (34)") << QStringLiteral("error-code-int") << none << GatewayErrorKind::BadRequest;
        QTest::newRow("code null (34)") << QStringLiteral("error-code-null") << none << GatewayErrorKind::BadRequest;
    }

    void finalErrors_areTypedAndNotRetried()
    {
        QFETCH(QString, fault);
        QFETCH(QJsonObject, params);
        QFETCH(GatewayErrorKind, kind);
        const ChatOutcome outcome = chatWithFault(fault, params, 5);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, kind);
        QVERIFY(!outcome.error->message.trimmed().isEmpty());
        QVERIFY(outcome.error->message.size() <= 300);
        QVERIFY(!outcome.error->message.contains(QLatin1Char('<'))); // no markup
        QCOMPARE(outcome.attempts, 1);
    }

    void rateLimitWithRetryAfter_waitsThenSucceeds_data() // case 40
    {
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<int>("minimumMs");
        QTest::newRow("seconds") << QJsonObject{{QStringLiteral("retry_after"), 1}} << 950;
        QTest::newRow("milliseconds") << QJsonObject{{QStringLiteral("retry_after_ms"), 700}} << 650;
        QTest::newRow("http date") << QJsonObject{{QStringLiteral("retry_after_http_date"), 2}} << 900;
        QTest::newRow("no header") << QJsonObject{{QStringLiteral("none"), true}} << 40;
    }

    void rateLimitWithRetryAfter_waitsThenSucceeds()
    {
        QFETCH(QJsonObject, params);
        QFETCH(int, minimumMs);
        const ChatOutcome outcome = chatWithFault(QStringLiteral("429"), params);
        QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.attempts, 2);
        QVERIFY2(outcome.elapsedMs >= minimumMs, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void serverErrors_areRetriedBoundedly_data() // cases 33, 42
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QJsonObject>("params");
        for (int status : {500, 502, 503, 504})
            QTest::newRow(qPrintable(QString::number(status)))
                << QStringLiteral("5xx") << QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("html"), true}};
        QTest::newRow("500 with event-stream type") << QStringLiteral("500-sse-content-type") << QJsonObject{};
    }

    void serverErrors_areRetriedBoundedly()
    {
        QFETCH(QString, fault);
        QFETCH(QJsonObject, params);
        ChatOutcome outcome = chatWithFault(fault, params, 1);
        QVERIFY2(outcome.finished, "one 5xx is followed by a successful retry");
        QCOMPARE(outcome.attempts, 2);
        outcome = chatWithFault(fault, params, 10);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, GatewayErrorKind::ServerError);
        QCOMPARE(outcome.attempts, 3);
    }

    void shouldRetryFalse_isHonoured() // case 43
    {
        const ChatOutcome outcome = chatWithFault(QStringLiteral("x-should-retry"), {{QStringLiteral("value"), false}}, 5);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.attempts, 1);
    }

    void parameterQuirks_areRetriedOnceAndRemembered() // cases 35, 36
    {
        for (const QString& fault : {QStringLiteral("unsupported-max-tokens"), QStringLiteral("unknown-stream-options")}) {
            m_sim->setFault(fault, 100);
            ChatOutcome outcome = runChat(*m_client, QStringLiteral("Hallo"));
            QVERIFY2(outcome.finished, qPrintable(fault + QLatin1Char(' ')
                                                  + (outcome.error ? outcome.error->message : QString())));
            // Remembered: the next request has the right shape at once.
            const qsizetype before = m_sim->logLineCount();
            outcome = runChat(*m_client, QStringLiteral("Hallo"));
            QVERIFY(outcome.finished);
            QCOMPARE(m_sim->logLineCount() - before, 1);
        }
    }

    void refusedConnection_isUnreachable() // case 44
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        gateway::GatewayConfig config = test::simulatorConfig(*m_sim);
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        gateway::GatewayClient client(config);
        const ChatOutcome outcome = runChat(client, QStringLiteral("Hallo"));
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, GatewayErrorKind::Unreachable);
        QCOMPARE(outcome.attempts, 3);
    }

    void invalidKey_isAuth()
    {
        gateway::GatewayClient client(test::simulatorConfig(*m_sim));
        client.setApiKey(QStringLiteral("wrong-key"));
        const ChatOutcome outcome = runChat(client, QStringLiteral("Hallo"));
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, GatewayErrorKind::Auth);
    }
};

QTEST_GUILESS_MAIN(TestGatewayErrors)
#include "tst_gatewayerrors.moc"
