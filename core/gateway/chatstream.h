#pragma once

#include "core/gateway/chatrequest.h"
#include "core/gateway/protocol/chatstreamdecoder.h"
#include "core/gateway/protocol/gatewayerror.h"
#include "core/gateway/protocol/sseparser.h"

#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkReply;

namespace genius::gateway {

class GatewayNetworkAccessManager;

/// A handle on one chat completion, streamed or not. Emits `delta` for each piece of text
/// as it arrives, then exactly one of `finished` or `failed`. Failures before the first
/// piece of content are retried (rate limits, 5xx, unreachable, first-byte timeout) with
/// jittered backoff; after content was shown, never. A failure keeps the partial text.
class ChatStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatStream)

public:
    using BodyBuilder = std::function<QByteArray(const RequestQuirks&)>;

    ChatStream(GatewayNetworkAccessManager& network, QNetworkRequest request, BodyBuilder body,
               RequestQuirks quirks, bool streaming, QObject* parent = nullptr);
    ~ChatStream() override;

    /// Sends the request. Called by GatewayClient.
    void start();
    /// Aborts at once; emits `failed(Cancelled)` with the partial text. Safe to call twice.
    void cancel();

    QString text() const { return m_decoder.content(); }
    const ChatStreamDecoder& decoder() const { return m_decoder; }
    QString requestId() const;
    QString gatewayRequestId() const { return m_gatewayRequestId; }
    int attempts() const { return m_attempt; }
    bool isDone() const { return m_done; }

Q_SIGNALS:
    void delta(const QString& text);
    void finished(const genius::gateway::Usage& usage, genius::gateway::FinishReason reason);
    void failed(const genius::gateway::GatewayError& error, const QString& partialText);
    /// The server wanted another request shape; the client remembers it per model/endpoint.
    void quirksLearned(const genius::gateway::RequestQuirks& quirks);

private:
    enum class Abort { None, Cancelled, FirstByteTimeout, IdleTimeout };

    void send();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void abortWith(Abort reason);
    void handleHttpError(int status, const QByteArray& body, const QList<QPair<QByteArray, QByteArray>>& headers);
    bool retryIfAllowed(const GatewayError& error);
    void fail(const GatewayError& error);
    void succeed();
    void feedStream(QByteArrayView bytes);
    void finishStream(bool networkFailed, const QString& networkMessage);

    GatewayNetworkAccessManager& m_network;
    QNetworkRequest m_request;
    BodyBuilder m_body;
    RequestQuirks m_quirks;
    bool m_streaming;
    QPointer<QNetworkReply> m_reply;
    QTimer m_firstByteTimer;
    QTimer m_idleTimer;
    QTimer m_retryTimer;
    SseParser m_parser;
    ChatStreamDecoder m_decoder;
    QByteArray m_buffered; ///< error or JSON bodies, read whole
    bool m_bufferWhole = false;
    bool m_gotBytes = false;
    int m_httpStatus = 0;
    int m_attempt = 0;
    bool m_quirkRetried = false;
    bool m_done = false;
    Abort m_abort = Abort::None;
    QString m_gatewayRequestId;
};

} // namespace genius::gateway
