#include "core/gateway/gatewayclient.h"

#include "core/gateway/chatstream.h"
#include "core/gateway/embeddingresponse.h"
#include "core/gateway/gatewaylogging.h"
#include "core/gateway/gatewaynetworkaccessmanager.h"
#include "core/gateway/modelcatalog.h"
#include "core/gateway/protocol/errorresponse.h"
#include "core/security/protectionguard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>

Q_LOGGING_CATEGORY(lcGateway, "genius.gateway", QtInfoMsg)

namespace genius::gateway {

namespace {

GatewayError transportError(const QNetworkReply& reply)
{
    GatewayError error;
    error.kind = reply.error() == QNetworkReply::TimeoutError || reply.error() == QNetworkReply::OperationCanceledError
        ? GatewayErrorKind::Timeout
        : GatewayErrorKind::Unreachable;
    error.message = QStringLiteral("The gateway cannot be reached: %1").arg(reply.errorString());
    return error;
}

// Finishes a request/response exchange: the status, the body, and an error for anything
// that is not a 2xx answer.
void whenDone(QNetworkReply* reply, QObject* context, std::function<void(int, QByteArray, GatewayError)> done)
{
    QPointer<QObject> guard(context);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0)
            return done(0, body, transportError(*reply));
        if (status >= 300 && status < 400) {
            // Only a redirect the policy refused ends here (same host, port and scheme are followed).
            GatewayError error;
            error.kind = GatewayErrorKind::Unreachable;
            error.httpStatus = status;
            error.message = QStringLiteral("The gateway redirects to another host or scheme (%1); the request is not "
                                           "sent there.")
                                .arg(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl().host());
            return done(status, body, error);
        }
        if (status >= 400)
            return done(status, body, errorFromResponse(status, reply->rawHeaderPairs(), body));
        done(status, body, GatewayError{});
    });
}

} // namespace

GatewayClient::GatewayClient(GatewayConfig config, QObject* parent)
    : QObject(parent)
    , m_network(new GatewayNetworkAccessManager(std::move(config), this))
{
}

GatewayClient::~GatewayClient() = default;

const GatewayConfig& GatewayClient::config() const
{
    return m_network->config();
}

void GatewayClient::setApiKey(const QString& key)
{
    m_network->setApiKey(key);
}

QNetworkRequest GatewayClient::requestFor(const QString& path, const security::OutboundDecision* decision) const
{
    QNetworkRequest request(m_network->config().endpoint(path));
    request.setTransferTimeout(static_cast<int>(m_network->config().firstByteTimeout.count()));
    if (decision)
        request.setRawHeader(GatewayNetworkAccessManager::protectionClassHeader(),
                             domain::protectionClassName(decision->requestClass()).toLatin1());
    return request;
}

void GatewayClient::get(const QString& path, QObject* context, std::function<void(int, QByteArray, GatewayError)> done)
{
    whenDone(m_network->get(requestFor(path, nullptr)), context, std::move(done));
}

void GatewayClient::fetchCatalogue(QObject* context, std::function<void(GatewayResult<QList<domain::ModelInfo>>)> done)
{
    QPointer<GatewayClient> self(this);
    get(QStringLiteral("/models"), context, [self, context, done](int status, QByteArray models, GatewayError error) {
        if (status == 0 || status >= 300)
            return done(std::unexpected(error));
        if (!self)
            return;
        // /model/info is optional (LiteLLM); its absence or failure is not an error.
        self->get(QStringLiteral("/model/info"), context, [self, models, done](int infoStatus, QByteArray info, GatewayError) {
            if (!self)
                return;
            const QByteArray usableInfo = infoStatus >= 200 && infoStatus < 300 ? info : QByteArray();
            done(parseModelCatalogue(models, usableInfo, self->config().clearanceTable));
        });
    });
}

ChatStream* GatewayClient::chat(const security::OutboundDecision& decision, const ChatRequest& request,
                                const QString& requestId, QObject* parent)
{
    const QString model = decision.model().id;
    QNetworkRequest networkRequest = requestFor(security::endpointPath(security::Endpoint::ChatCompletions), &decision);
    networkRequest.setRawHeader(GatewayNetworkAccessManager::requestIdHeader(), requestId.toLatin1());
    // A stream has its own first-byte and idle timers; a transfer timeout would cut long answers.
    networkRequest.setTransferTimeout(0);
    auto* stream = new ChatStream(
        *m_network, networkRequest,
        [request, model](const RequestQuirks& quirks) { return chatRequestBody(request, model, quirks); },
        quirksFor(model), request.stream, parent);
    connect(stream, &ChatStream::quirksLearned, this, [this, model](const RequestQuirks& quirks) {
        // max_completion_tokens is a model's wish; rejecting stream_options is the endpoint's.
        m_quirks[model].useMaxCompletionTokens = quirks.useMaxCompletionTokens;
        m_omitStreamOptions = m_omitStreamOptions || quirks.omitStreamOptions;
    });
    stream->start();
    return stream;
}

RequestQuirks GatewayClient::quirksFor(const QString& model) const
{
    RequestQuirks quirks = m_quirks.value(model);
    quirks.omitStreamOptions = m_omitStreamOptions;
    return quirks;
}

void GatewayClient::embed(const security::OutboundDecision& decision, const QStringList& inputs, QObject* context,
                          std::function<void(GatewayResult<QList<QVector<float>>>)> done, qsizetype batchSize)
{
    embedBatch(decision, inputs, 0, batchSize, std::make_shared<QList<QVector<float>>>(), context, std::move(done));
}

void GatewayClient::embedBatch(const security::OutboundDecision& decision, QStringList inputs, qsizetype from,
                               qsizetype batchSize, std::shared_ptr<QList<QVector<float>>> collected, QObject* context,
                               std::function<void(GatewayResult<QList<QVector<float>>>)> done)
{
    if (from >= inputs.size())
        return done(std::move(*collected));
    const QStringList batch = inputs.mid(from, batchSize);
    QNetworkRequest request = requestFor(security::endpointPath(security::Endpoint::Embeddings), &decision);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = m_network->post(request, embeddingRequestBody(batch, decision.model().id, false));
    QPointer<GatewayClient> self(this);
    whenDone(reply, context,
             [self, decision, inputs, from, batchSize, collected, context, done, count = batch.size()](
                 int status, QByteArray body, GatewayError error) {
                 if (status == 0 || status >= 300)
                     return done(std::unexpected(error));
                 auto vectors = parseEmbeddingResponse(body, count);
                 if (!vectors)
                     return done(std::unexpected(vectors.error()));
                 collected->append(*vectors);
                 if (self)
                     self->embedBatch(decision, inputs, from + batchSize, batchSize, collected, context, done);
             });
}

void GatewayClient::fetchKeyInfo(QObject* context, std::function<void(GatewayResult<KeyInfo>)> done)
{
    QUrl url = m_network->config().baseUrl;
    url.setPath(QStringLiteral("/key/info")); // LiteLLM serves it beside /v1, not below it
    whenDone(m_network->get(QNetworkRequest(url)), context, [done](int status, QByteArray body, GatewayError error) {
        if (status == 404)
            return done(KeyInfo{});
        if (status == 0 || status >= 300)
            return done(std::unexpected(error));
        const QJsonObject info = QJsonDocument::fromJson(body).object().value(QLatin1String("info")).toObject();
        KeyInfo result;
        if (info.value(QLatin1String("spend")).isDouble())
            result.spend = info.value(QLatin1String("spend")).toDouble();
        if (info.value(QLatin1String("max_budget")).isDouble())
            result.maxBudget = info.value(QLatin1String("max_budget")).toDouble();
        done(result);
    });
}

} // namespace genius::gateway
