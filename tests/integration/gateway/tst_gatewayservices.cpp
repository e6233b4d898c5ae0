// Catalogue, embeddings, key info and the chat service with guard and audit log, against
// the simulator (CONFORMANCE.md section F; the guard's "zero bytes" promise).
#include "core/security/auditlog.h"
#include "core/security/protectionguard.h"
#include "core/services/chatservice.h"
#include "core/services/chatturn.h"
#include "core/services/modelservice.h"
#include "fixture/simulatorprocess.h"
#include "gatewaytestsupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace genius;
using genius::domain::ProtectionClass;

namespace {

const QString kKey = QStringLiteral("sim-demo-key");
QStringList g_messages; // every log message of the test process

void captureMessage(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_messages << message;
}

template<typename T>
std::optional<gateway::GatewayResult<T>> await(const std::function<void(std::function<void(gateway::GatewayResult<T>)>)>& call)
{
    std::optional<gateway::GatewayResult<T>> result;
    call([&result](gateway::GatewayResult<T> value) { result = std::move(value); });
    // Wait in a lambda: QTRY_VERIFY returns from the function it stands in.
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
    return result;
}

double cosine(const QVector<float>& a, const QVector<float>& b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    return dot / std::sqrt(na * nb);
}

} // namespace

class TestGatewayServices final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::SimulatorProcess> m_sim;
    std::unique_ptr<gateway::GatewayClient> m_client;
    QTemporaryDir m_profile;

    QList<domain::ModelInfo> catalogue()
    {
        auto result = await<QList<domain::ModelInfo>>([&](auto done) { m_client->fetchCatalogue(this, done); });
        return result && *result ? **result : QList<domain::ModelInfo>{};
    }

    security::OutboundDecision embedDecision(ProtectionClass requestClass)
    {
        domain::ModelInfo model;
        model.id = QStringLiteral("sim-embed");
        model.kind = domain::ModelKind::Embedding;
        model.clearance = ProtectionClass::High;
        return *security::ProtectionGuard().decide({security::Endpoint::Embeddings, requestClass, {}}, model);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInstallMessageHandler(captureMessage);
        QLoggingCategory::setFilterRules(QStringLiteral("genius.*.debug=true"));
        m_sim = std::make_unique<sim::SimulatorProcess>();
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
        m_client = std::make_unique<gateway::GatewayClient>(test::simulatorConfig(*m_sim));
        m_client->setApiKey(kKey);
    }

    void init() { m_sim->reset(); }

    void cleanupTestCase()
    {
        qInstallMessageHandler(nullptr);
        for (const QString& message : std::as_const(g_messages))
            QVERIFY2(!message.contains(kKey), "the API key appeared in a log message");
    }

    void catalogue_hasClearancesAndLocations()
    {
        const QList<domain::ModelInfo> models = catalogue();
        QCOMPARE(models.size(), 4);
        QCOMPARE(models.at(0).id, QStringLiteral("sim-public"));
        QCOMPARE(models.at(0).clearance, ProtectionClass::None);
        QCOMPARE(models.at(1).clearance, ProtectionClass::Normal);
        QCOMPARE(models.at(2).clearance, ProtectionClass::High);
        QCOMPARE(models.at(2).location, domain::ModelLocation::OnPrem);
        QCOMPARE(models.at(3).kind, domain::ModelKind::Embedding);
    }

    void sparseOrEmptyCatalogue_isTolerated() // case 60
    {
        m_sim->setFault(QStringLiteral("models-sparse"));
        const QList<domain::ModelInfo> sparse = catalogue();
        QVERIFY(!sparse.isEmpty());
        m_sim->setFault(QStringLiteral("models-empty"));
        auto empty = await<QList<domain::ModelInfo>>([&](auto done) { m_client->fetchCatalogue(this, done); });
        QVERIFY(empty->has_value()); // an empty list is no error; /model/info may still name models
    }

    void embeddings_keepOrderAndLexicalSimilarity() // cases 58, 59
    {
        const QStringList inputs = {QStringLiteral("Bewohnerparkausweis beantragen"),
                                    QStringLiteral("Antrag auf einen Bewohnerparkausweis"),
                                    QStringLiteral("Haushaltsordnung des Bundes")};
        const auto reference = await<QList<QVector<float>>>([&](auto done) {
            m_client->embed(embedDecision(ProtectionClass::High), inputs, this, done, 2);
        });
        QVERIFY(reference->has_value());
        const QList<QVector<float>> vectors = **reference;
        QCOMPARE(vectors.size(), 3);
        QVERIFY(cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]));
        for (const QString& fault : {QStringLiteral("embeddings-out-of-order"), QStringLiteral("embeddings-base64-when-float")}) {
            m_sim->reset();
            m_sim->setFault(fault, 10);
            const auto again = await<QList<QVector<float>>>([&](auto done) {
                m_client->embed(embedDecision(ProtectionClass::Normal), inputs, this, done, 2);
            });
            QVERIFY2(again->has_value(), qPrintable(fault));
            QCOMPARE(**again, vectors);
        }
        m_sim->reset();
        m_sim->setFault(QStringLiteral("embeddings-count-mismatch"));
        const auto mismatch = await<QList<QVector<float>>>([&](auto done) {
            m_client->embed(embedDecision(ProtectionClass::Normal), inputs, this, done);
        });
        QVERIFY(!mismatch->has_value());
    }

    void keyInfo_reportsSpend()
    {
        QVERIFY(test::runChat(*m_client, QStringLiteral("Hallo")).finished);
        const auto info = await<gateway::KeyInfo>([&](auto done) { m_client->fetchKeyInfo(this, done); });
        QVERIFY(info->has_value());
        QVERIFY((*info)->spend.has_value());
        QVERIFY(*(*info)->spend > 0);
    }

    void refusedRequests_sendZeroBytes()
    {
        security::AuditLog audit(m_profile.filePath(QStringLiteral("audit-refused.jsonl")));
        services::ModelService models(*m_client);
        services::ChatService chat(*m_client, models, audit, security::ProtectionGuard());
        // Warm the catalogue, so that only chat requests could appear afterwards.
        QSignalSpy warm(chat.send({{{QStringLiteral("user"), QStringLiteral("Hallo")}}, ProtectionClass::None, {}, {}, {}, 64}, this),
                        &services::ChatTurn::finished);
        QVERIFY(warm.wait(10000));
        const qsizetype before = m_sim->logLineCount();
        const qsizetype auditBefore = audit.verify().entries;

        const std::pair<ProtectionClass, QString> refused[] = {
            {ProtectionClass::VeryHigh, QString()},
            {ProtectionClass::High, QStringLiteral("sim-public")},
            {ProtectionClass::Normal, QStringLiteral("sim-public")},
        };
        for (const auto& [requestClass, model] : refused) {
            services::ChatTurn* turn = chat.send(
                {{{QStringLiteral("user"), QStringLiteral("Vertraulich")}}, requestClass, model, {}, {}, 64}, this);
            QSignalSpy refusedSpy(turn, &services::ChatTurn::refused);
            QVERIFY(refusedSpy.wait(5000));
            QCOMPARE(refusedSpy.at(0).at(0).value<common::Error>().code, common::ErrorCode::Refused);
        }
        QTest::qWait(200);
        QCOMPARE(m_sim->logLineCount(), before);
        QCOMPARE(audit.verify().entries, auditBefore);
    }

    void sentRequest_isAuditedWithHeaderAndIds()
    {
        security::AuditLog audit(m_profile.filePath(QStringLiteral("audit.jsonl")));
        services::ModelService models(*m_client);
        services::ChatService chat(*m_client, models, audit, security::ProtectionGuard());
        services::ChatTurn* turn = chat.send(
            {{{QStringLiteral("user"), QStringLiteral("Was regelt § 35 VwVfG?")}}, ProtectionClass::High, {}, {},
             {QStringLiteral("doc-7")}, 128},
            this);
        QSignalSpy finished(turn, &services::ChatTurn::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(turn->model(), QStringLiteral("sim-onprem")); // the route for high
        QVERIFY(audit.verify().intact);
        const QJsonArray entries = QJsonDocument::fromJson(*audit.exportJson()).array();
        QCOMPARE(entries.size(), 2);
        const QJsonObject request = entries.at(0).toObject();
        QCOMPARE(request.value(QStringLiteral("class")).toString(), QStringLiteral("high"));
        QCOMPARE(request.value(QStringLiteral("documents")).toArray().at(0).toString(), QStringLiteral("doc-7"));
        const QJsonObject completion = entries.at(1).toObject();
        QCOMPARE(completion.value(QStringLiteral("outcome")).toString(), QStringLiteral("completed"));
        QVERIFY(completion.value(QStringLiteral("completion_tokens")).toInt() > 0);
        // The simulator saw the same request id and the class header.
        const QJsonObject logged = m_sim->logEntries().constLast();
        QCOMPARE(logged.value(QStringLiteral("request_id")).toString(), request.value(QStringLiteral("request_id")).toString());
        QCOMPARE(logged.value(QStringLiteral("protection_class")).toString(), QStringLiteral("high"));
        QVERIFY(!entries.at(0).toObject().contains(QStringLiteral("content")));
    }

    void apiKey_appearsNowhereButTheHeader()
    {
        QVERIFY(test::runChat(*m_client, QStringLiteral("Hallo")).finished);
        QFile log(m_sim->logPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains(kKey.toUtf8()));
        QDirIterator it(m_profile.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(kKey.toUtf8()), qPrintable(file.fileName()));
        }
    }

    void apiKeyHeaderVariant_authenticates() // case 57
    {
        gateway::GatewayConfig config = test::simulatorConfig(*m_sim);
        config.auth = gateway::GatewayConfig::Auth::ApiKeyHeader;
        gateway::GatewayClient client(config);
        client.setApiKey(kKey);
        QVERIFY(test::runChat(client, QStringLiteral("Hallo")).finished);
        QCOMPARE(m_sim->logEntries().constLast().value(QStringLiteral("auth")).toString(), QStringLiteral("api-key"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayServices)
#include "tst_gatewayservices.moc"
