// Request bodies, the model catalogue and embedding answers: the pure parts of the
// gateway clients, against the rules of the OpenAI schema and CONFORMANCE.md E and F.
#include "core/gateway/chatrequest.h"
#include "core/gateway/embeddingresponse.h"
#include "core/gateway/gatewayconfig.h"
#include "core/gateway/modelcatalog.h"
#include "gatewaysamples.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtEndian>

using namespace genius::gateway;
using genius::domain::ClearanceSource;
using genius::domain::ModelKind;
using genius::domain::ModelLocation;
using genius::domain::ProtectionClass;

namespace {
QJsonObject parse(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}
} // namespace

class TestGatewayRequests final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamedChatBody_followsTheSchema()
    {
        ChatRequest request;
        request.messages = {{QStringLiteral("user"), QStringLiteral("Grüß Gott 🙂")}};
        request.maxTokens = 300;
        const QJsonObject body = parse(chatRequestBody(request, QStringLiteral("m"), {}));
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("m"));
        QCOMPARE(body.value(QStringLiteral("stream")).toBool(), true);
        QCOMPARE(body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool(), true);
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 300);
        QVERIFY(!body.contains(QStringLiteral("max_completion_tokens")));
        const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Grüß Gott 🙂"));
        const double temperature = body.value(QStringLiteral("temperature")).toDouble();
        QVERIFY(temperature >= 0 && temperature <= 2);
    }

    void nonStreamedBody_hasExplicitFalseAndNoStreamOptions()
    {
        ChatRequest request;
        request.stream = false;
        request.messages = {{QStringLiteral("user"), QStringLiteral("x")}};
        const QJsonObject body = parse(chatRequestBody(request, QStringLiteral("m"), {}));
        QVERIFY(body.contains(QStringLiteral("stream")));
        QCOMPARE(body.value(QStringLiteral("stream")).toBool(true), false);
        QVERIFY(!body.contains(QStringLiteral("stream_options")));
    }

    void quirks_switchTheShape()
    {
        ChatRequest request;
        request.messages = {{QStringLiteral("user"), QStringLiteral("x")}};
        const QJsonObject body = parse(chatRequestBody(request, QStringLiteral("m"), {true, true}));
        QVERIFY(body.contains(QStringLiteral("max_completion_tokens")));
        QVERIFY(!body.contains(QStringLiteral("max_tokens")));
        QVERIFY(!body.contains(QStringLiteral("stream_options")));
    }

    void embeddingBody_listsInputs()
    {
        const QJsonObject body = parse(embeddingRequestBody({QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("e"), true));
        QCOMPARE(body.value(QStringLiteral("input")).toArray().size(), 2);
        QCOMPARE(body.value(QStringLiteral("encoding_format")).toString(), QStringLiteral("base64"));
    }

    void catalogue_takesClearanceFromEntriesModelInfoOrPolicy()
    {
        const QByteArray models = genius::test::sampleModels();
        const QByteArray info = genius::test::sampleModelInfo();
        const auto catalogue = parseModelCatalogue(models, info, {QStringLiteral("tabled=normal"), QStringLiteral("pub=high")});
        QCOMPARE(catalogue.size(), 6);
        QCOMPARE(catalogue.at(0).clearance, ProtectionClass::None); // the entry wins over model_info and the table
        QCOMPARE(catalogue.at(0).location, ModelLocation::PublicCloud);
        QCOMPARE(catalogue.at(0).clearanceSource, ClearanceSource::Catalogue);
        QCOMPARE(catalogue.at(1).clearance, ProtectionClass::Normal);
        QCOMPARE(catalogue.at(2).clearance, ProtectionClass::High);
        QCOMPARE(catalogue.at(2).clearanceSource, ClearanceSource::ModelInfo);
        QCOMPARE(catalogue.at(3).kind, ModelKind::Embedding);
        QCOMPARE(catalogue.at(3).clearance, ProtectionClass::None);
        QCOMPARE(catalogue.at(3).clearanceSource, ClearanceSource::Unknown);
        QCOMPARE(catalogue.at(4).clearance, ProtectionClass::Normal);
        QCOMPARE(catalogue.at(4).clearanceSource, ClearanceSource::Policy);
        QCOMPARE(catalogue.at(5).clearance, ProtectionClass::None); // nothing is cleared for very-high
    }

    void catalogue_toleratesEmptyAndBrokenAnswers()
    {
        QVERIFY(parseModelCatalogue(genius::test::emptyModelList(), {}, {}).isEmpty());
        QVERIFY(parseModelCatalogue("<html>oops</html>", "not json", {}).isEmpty());
        QCOMPARE(parseModelCatalogue({}, {}, {QStringLiteral("only-in-table=high")}).size(), 1);
    }

    void embeddings_areMappedByIndexFromFloatOrBase64()
    {
        QByteArray packed(8, '\0');
        qToLittleEndian<float>(0.5f, packed.data());
        qToLittleEndian<float>(-2.0f, packed.data() + 4);
        const QByteArray body = genius::test::sampleEmbeddings(packed.toBase64());
        std::optional<qint64> tokens;
        const auto vectors = parseEmbeddingResponse(body, 2, &tokens);
        QVERIFY2(vectors.has_value(), qPrintable(vectors ? QString() : vectors.error().message));
        QCOMPARE(vectors->at(0), (QVector<float>{1.0f, 0.25f}));
        QCOMPARE(vectors->at(1), (QVector<float>{0.5f, -2.0f}));
        QCOMPARE(tokens, std::optional<qint64>(7));
    }

    void embeddings_countOrIndexMismatch_isAnError()
    {
        const QByteArray one = genius::test::embeddingsOne();
        QVERIFY(!parseEmbeddingResponse(one, 2).has_value());
        const QByteArray duplicate = genius::test::embeddingsDuplicateIndex();
        QVERIFY(!parseEmbeddingResponse(duplicate, 2).has_value());
        const QByteArray sizes = genius::test::embeddingsDifferentSizes();
        QVERIFY(!parseEmbeddingResponse(sizes, 2).has_value());
    }

    void endpoint_joinsBasePathAndEndpoint()
    {
        GatewayConfig config;
        config.baseUrl = QUrl(QStringLiteral("https://gw.example/v1/"));
        QCOMPARE(config.endpoint(QStringLiteral("/chat/completions")).toString(),
                 QStringLiteral("https://gw.example/v1/chat/completions"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayRequests)
#include "tst_gatewayrequests.moc"
