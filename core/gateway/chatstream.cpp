#include "core/gateway/chatstream.h"

#include "core/gateway/gatewaylogging.h"
#include "core/gateway/gatewaynetworkaccessmanager.h"
#include "core/gateway/protocol/errorresponse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace genius::gateway {

namespace {

GatewayError makeError(GatewayErrorKind kind, const QString& message)
{
    GatewayError error;
    error.kind = kind;
    error.message = message;
    return error;
}

bool isRetryable(const GatewayError& error)
{
    if (error.shouldRetry)
        return *error.shouldRetry;
    switch (error.kind) {
    case GatewayErrorKind::RateLimited:
    case GatewayErrorKind::ServerError:
    case GatewayErrorKind::Unreachable:
    case GatewayErrorKind::Timeout:
        return true;
    default:
        return false;
    }
}

} // namespace

ChatStream::ChatStream(GatewayNetworkAccessManager& network, QNetworkRequest request, BodyBuilder body,
                       RequestQuirks quirks, bool streaming, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_request(std::move(request))
    , m_body(std::move(body))
    , m_quirks(quirks)
    , m_streaming(streaming)
{
    m_firstByteTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_firstByteTimer.setTimerType(Qt::PreciseTimer);
    m_idleTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_firstByteTimer, &QTimer::timeout, this, [this] { abortWith(Abort::FirstByteTimeout); });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { abortWith(Abort::IdleTimeout); });
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatStream::send);
    // Quitting the app mid-stream aborts the socket instead of crashing on teardown.
    if (auto* app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ChatStream::cancel);
}

ChatStream::~ChatStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString ChatStream::requestId() const
{
    return QString::fromLatin1(m_request.rawHeader(GatewayNetworkAccessManager::requestIdHeader()));
}

void ChatStream::start()
{
    send();
}

void ChatStream::send()
{
    if (m_done)
        return;
    ++m_attempt;
    m_parser = SseParser();
    m_decoder = ChatStreamDecoder(); // retries happen only before any output
    m_buffered.clear();
    m_bufferWhole = !m_streaming;
    m_gotBytes = false;
    m_httpStatus = 0;
    m_abort = Abort::None;
    m_request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    m_request.setRawHeader(QByteArrayLiteral("Accept"),
                           m_streaming ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json"));
    m_reply = m_network.post(m_request, m_body(m_quirks));
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ChatStream::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatStream::onFinished);
    m_firstByteTimer.start(m_network.config().firstByteTimeout);
}

void ChatStream::onMetaData()
{
    if (!m_reply || m_httpStatus != 0)
        return;
    m_firstByteTimer.stop();
    m_idleTimer.start(m_network.config().idleTimeout);
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_gatewayRequestId = QString::fromLatin1(m_reply->rawHeader(QByteArrayLiteral("x-request-id")));
    const QString contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    // Errors and non-stream JSON bodies are read whole; anything else on 2xx is SSE (case 16).
    if (m_httpStatus >= 400 || contentType.startsWith(QLatin1String("application/json")))
        m_bufferWhole = true;
}

void ChatStream::onReadyRead()
{
    if (!m_reply)
        return;
    onMetaData();
    m_gotBytes = true;
    m_idleTimer.start(m_network.config().idleTimeout); // any byte, a keep-alive comment too
    const QByteArray bytes = m_reply->readAll();
    if (m_bufferWhole)
        m_buffered += bytes;
    else
        feedStream(bytes);
}

void ChatStream::feedStream(QByteArrayView bytes)
{
    m_parser.feed(bytes);
    m_parser.takeCommentCount();
    if (m_parser.overflowed() && !m_done) {
        // One event beyond the parser's bound: stop reading rather than grow without limit.
        m_done = true;
        if (m_reply)
            m_reply->abort();
        Q_EMIT failed(makeError(GatewayErrorKind::InvalidResponse,
                                QStringLiteral("The gateway sent an event larger than the client accepts.")),
                      m_decoder.content());
        return;
    }
    for (const SseEvent& event : m_parser.takeEvents()) {
        const QString added = m_decoder.handle(event);
        if (!added.isEmpty())
            Q_EMIT delta(added);
        if (m_done)
            return; // a slot cancelled us
    }
}

void ChatStream::onFinished()
{
    if (!m_reply || m_done)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    if (reply->bytesAvailable() > 0) {
        const QByteArray rest = reply->readAll();
        m_bufferWhole ? void(m_buffered += rest) : feedStream(rest);
        if (m_done)
            return;
    }

    switch (m_abort) {
    case Abort::Cancelled:
        return; // already reported
    case Abort::FirstByteTimeout:
        return fail(makeError(GatewayErrorKind::Timeout,
                              QStringLiteral("The gateway did not answer within %1 s.")
                                  .arg(m_network.config().firstByteTimeout.count() / 1000.0)));
    case Abort::IdleTimeout:
        return fail(makeError(GatewayErrorKind::Truncated,
                              QStringLiteral("The answer stopped arriving for %1 s and was cut.")
                                  .arg(m_network.config().idleTimeout.count() / 1000.0)));
    case Abort::None:
        break;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400)
        return handleHttpError(status, m_buffered, reply->rawHeaderPairs());
    if (status >= 300) // only a redirect the policy refused ends here
        return fail(makeError(GatewayErrorKind::Unreachable,
                              QStringLiteral("The gateway redirects to another host or scheme; the request is not sent there.")));
    const QNetworkReply::NetworkError networkError = reply->error();
    if (status == 0 && networkError != QNetworkReply::NoError) {
        // Nothing HTTP arrived: connection refused, DNS, TLS, or a reset before headers.
        return fail(makeError(GatewayErrorKind::Unreachable,
                              QStringLiteral("The gateway cannot be reached: %1").arg(reply->errorString())));
    }
    if (m_bufferWhole) {
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(m_buffered, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return fail(makeError(GatewayErrorKind::InvalidResponse, QStringLiteral("The gateway sent an answer that is not JSON.")));
        m_decoder.handleCompletionBody(document.object());
        if (!m_decoder.content().isEmpty())
            Q_EMIT delta(m_decoder.content());
        if (m_decoder.error())
            return fail(*m_decoder.error());
        return succeed();
    }
    finishStream(networkError != QNetworkReply::NoError, reply->errorString());
}

void ChatStream::finishStream(bool networkFailed, const QString& networkMessage)
{
    const StreamOutcome outcome = m_decoder.finish(m_parser.finish());
    if (outcome == StreamOutcome::Failed && m_decoder.error())
        return fail(*m_decoder.error());
    if (outcome == StreamOutcome::Completed) {
        if (!m_decoder.sawDone())
            qCWarning(lcGateway) << "stream ended without [DONE]; accepted because a finish reason arrived";
        return succeed();
    }
    GatewayError error = makeError(GatewayErrorKind::Truncated,
                                   networkFailed ? QStringLiteral("The connection broke off during the answer: %1").arg(networkMessage)
                                                 : QStringLiteral("The answer ended before it was complete."));
    // Cut before any content: a retry cannot duplicate anything the user saw.
    if (!m_decoder.hasOutput() && networkFailed)
        error.kind = GatewayErrorKind::Unreachable;
    fail(error);
}

void ChatStream::handleHttpError(int status, const QByteArray& body, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    GatewayError error = errorFromResponse(status, headers, body);
    // Cases 35/36: one retry with the shape the server asked for.
    if (status == 400 && !m_quirkRetried && !m_decoder.hasOutput()) {
        const bool maxTokens = error.param == QLatin1String("max_tokens") && !m_quirks.useMaxCompletionTokens;
        const bool streamOptions = error.param == QLatin1String("stream_options") && !m_quirks.omitStreamOptions;
        if (maxTokens || streamOptions) {
            m_quirkRetried = true;
            m_quirks.useMaxCompletionTokens |= maxTokens;
            m_quirks.omitStreamOptions |= streamOptions;
            Q_EMIT quirksLearned(m_quirks);
            --m_attempt; // a shape fix is not a retry of a failure
            return send();
        }
    }
    fail(error);
}

bool ChatStream::retryIfAllowed(const GatewayError& error)
{
    if (m_decoder.hasOutput() || !isRetryable(error) || m_attempt >= m_network.config().maxAttempts)
        return false;
    using std::chrono::milliseconds;
    milliseconds wait;
    if (error.retryAfter) {
        wait = std::min(*error.retryAfter, m_network.config().maxRetryWait);
    } else {
        // Exponential backoff with full jitter in [base·2^n / 2, base·2^n].
        const auto ceiling = m_network.config().retryBase.count() * (qint64(1) << (m_attempt - 1));
        wait = milliseconds(ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1));
        wait = std::min(wait, m_network.config().maxRetryWait);
    }
    qCInfo(lcGateway) << "retrying after" << errorKindName(error.kind) << "in" << wait.count() << "ms, attempt"
                      << m_attempt + 1;
    m_retryTimer.start(wait);
    return true;
}

void ChatStream::fail(const GatewayError& error)
{
    if (m_done)
        return;
    if (retryIfAllowed(error))
        return;
    m_done = true;
    Q_EMIT failed(error, m_decoder.content());
}

void ChatStream::succeed()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(m_decoder.usage(), m_decoder.finishReason());
}

void ChatStream::abortWith(Abort reason)
{
    if (m_done)
        return;
    m_abort = reason;
    if (m_reply)
        m_reply->abort(); // finished() follows synchronously or soon, handled in onFinished
}

void ChatStream::cancel()
{
    if (m_done)
        return;
    m_retryTimer.stop();
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    m_done = true;
    m_abort = Abort::Cancelled;
    if (m_reply)
        m_reply->abort();
    Q_EMIT failed(makeError(GatewayErrorKind::Cancelled, QStringLiteral("Cancelled.")), m_decoder.content());
}

} // namespace genius::gateway
