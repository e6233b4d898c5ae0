// Transport security of the gateway client against real loopback servers: a gateway whose
// certificate nobody vouches for is refused before any request (or key) is sent, and trusted
// once policy names its CA; a redirect never carries a request to another host; the API key
// appears in no log line, whatever the logging rules.
#include "core/gateway/gatewayclient.h"
#include "core/gateway/gatewayconfig.h"
#include "core/settings/settings.h"
#include "core/settings/settingslocations.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace genius;
using namespace Qt::StringLiterals;

namespace {

const QString kFixtures = QStringLiteral(GENIUS_TLS_FIXTURES);
const QString kKey = u"geheimer-schluessel-4711"_s;

/// A minimal HTTP/1.1 server over TLS or plain TCP: records each request head and answers
/// with what `respond` returns for the request line.
class LoopbackServer final : public QObject
{
public:
    using Respond = std::function<QByteArray(const QByteArray& requestLine)>;

    LoopbackServer(bool tls, Respond respond)
        : m_respond(std::move(respond))
    {
        if (tls) {
            auto* server = new QSslServer(this);
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setLocalCertificate(QSslCertificate::fromPath(kFixtures + u"/loopback-cert.pem"_s).value(0));
            QFile keyFile(kFixtures + u"/loopback-key.pem"_s);
            if (keyFile.open(QIODevice::ReadOnly))
                config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
            server->setSslConfiguration(config);
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection())
                serve(socket);
        });
        m_server->listen(QHostAddress::LocalHost);
    }

    quint16 port() const { return m_server->serverPort(); }
    const QList<QByteArray>& requests() const { return m_requests; }

private:
    void serve(QTcpSocket* socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            m_requests.append(head);
            socket->write(m_respond(head.left(head.indexOf("\r\n"))));
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    Respond m_respond;
    QTcpServer* m_server = nullptr;
    QList<QByteArray> m_requests;
};

QByteArray response(int status, const QByteArray& headers, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\n" + headers + "Content-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray catalogue(const QByteArray& requestLine)
{
    if (requestLine.startsWith("GET /v1/models "))
        return response(200, "Content-Type: application/json\r\n",
                        R"({"object":"list","data":[{"id":"tls-model","object":"model"}]})");
    return response(404, "Content-Type: application/json\r\n", R"({"error":{"message":"not here"}})");
}

struct Outcome {
    bool done = false;
    gateway::GatewayResult<QList<domain::ModelInfo>> result = std::unexpected(gateway::GatewayError{});
};

Outcome fetch(const gateway::GatewayConfig& config)
{
    gateway::GatewayClient client(config);
    client.setApiKey(kKey);
    Outcome outcome;
    QObject context;
    client.fetchCatalogue(&context, [&outcome](gateway::GatewayResult<QList<domain::ModelInfo>> result) {
        outcome.result = std::move(result);
        outcome.done = true;
    });
    if (!QTest::qWaitFor([&outcome] { return outcome.done; }, 15000))
        qWarning("no answer within 15 s");
    return outcome;
}

gateway::GatewayConfig configFor(const QString& url)
{
    gateway::GatewayConfig config;
    config.baseUrl = QUrl(url);
    config.proxy = u"none"_s;
    config.maxAttempts = 1;
    return config;
}

// Every message of every category, debug included, while the test runs.
QStringList* s_messages = nullptr;
void capture(QtMsgType, const QMessageLogContext&, const QString& message)
{
    if (s_messages)
        s_messages->append(message);
}

} // namespace

class TestGatewayTls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("No TLS backend.");
        s_messages = &m_messages;
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        qInstallMessageHandler(capture);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(nullptr);
        s_messages = nullptr;
        // The key, in any spelling a log line could carry it, never appeared.
        for (const QString& line : std::as_const(m_messages))
            QVERIFY2(!line.contains(kKey) && !line.contains(QString::fromLatin1(kKey.toUtf8().toBase64())),
                     qPrintable(line));
        QVERIFY(!m_messages.isEmpty()); // the capture worked: the client does log
    }

    void untrustedCertificate_isRefused_beforeAnyRequestIsSent()
    {
        LoopbackServer server(true, catalogue);
        const Outcome outcome = fetch(configFor(u"https://127.0.0.1:%1/v1"_s.arg(server.port())));
        QVERIFY(outcome.done);
        QVERIFY(!outcome.result);
        QCOMPARE(outcome.result.error().kind, gateway::GatewayErrorKind::Unreachable);
        QVERIFY(server.requests().isEmpty()); // no request, so no key, crossed the connection
    }

    void certificateOfACaNamedByPolicy_isTrusted()
    {
        LoopbackServer server(true, catalogue);
        QTemporaryDir dir;
        QFile policy(dir.filePath(u"policy.conf"_s));
        QVERIFY(policy.open(QIODevice::WriteOnly));
        policy.write("[gateway]\nurl=https://127.0.0.1:" + QByteArray::number(server.port()) + "/v1\n"
                     "[network]\nproxy=none\ncaCertificates=" + kFixtures.toUtf8() + "/loopback-cert.pem\n");
        policy.close();
        settings::Settings settings(settings::SettingsLocations{dir.filePath(u"settings.json"_s),
                                                                dir.filePath(u"machine.conf"_s), policy.fileName(),
                                                                QSettings::IniFormat});
        QStringList warnings;
        gateway::GatewayConfig config = gateway::gatewayConfigFrom(settings, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u"; "_s)));
        QCOMPARE(config.extraCaCertificates.size(), 1);
        config.maxAttempts = 1;
        const Outcome outcome = fetch(config);
        QVERIFY(outcome.done);
        QVERIFY2(outcome.result, qPrintable(outcome.result ? QString() : outcome.result.error().message));
        QCOMPARE(outcome.result->value(0).id, u"tls-model"_s);
        const QByteArray authorization = QByteArray("Authorization: Bearer ") + kKey.toUtf8();
        QVERIFY(server.requests().value(0).contains(authorization));
    }

    void redirectToAnotherHost_isNotFollowed()
    {
        LoopbackServer elsewhere(false, catalogue);
        const QByteArray target = "http://localhost:" + QByteArray::number(elsewhere.port()) + "/v1/models";
        LoopbackServer gateway(false, [&target](const QByteArray&) {
            return response(302, "Location: " + target + "\r\n", {});
        });
        const Outcome outcome = fetch(configFor(u"http://127.0.0.1:%1/v1"_s.arg(gateway.port())));
        QVERIFY(outcome.done);
        QVERIFY(!outcome.result);
        QVERIFY2(outcome.result.error().message.contains(u"redirects to another host"_s),
                 qPrintable(outcome.result.error().message));
        QVERIFY(!gateway.requests().isEmpty());
        QVERIFY(elsewhere.requests().isEmpty()); // neither the request nor the key went there
    }

    void redirectWithinTheGateway_isFollowed()
    {
        LoopbackServer gateway(false, [](const QByteArray& line) {
            if (line.startsWith("GET /v1/models "))
                return response(307, "Location: /v2/models\r\n", {});
            if (line.startsWith("GET /v2/models "))
                return catalogue("GET /v1/models HTTP/1.1");
            return catalogue(line);
        });
        const Outcome outcome = fetch(configFor(u"http://127.0.0.1:%1/v1"_s.arg(gateway.port())));
        QVERIFY(outcome.done);
        QVERIFY2(outcome.result, qPrintable(outcome.result ? QString() : outcome.result.error().message));
        QCOMPARE(outcome.result->value(0).id, u"tls-model"_s);
    }

private:
    QStringList m_messages;
};

QTEST_GUILESS_MAIN(TestGatewayTls)
#include "tst_gatewaytls.moc"
