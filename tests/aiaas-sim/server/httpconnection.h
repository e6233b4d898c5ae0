#pragma once

#include "httprequest.h"

#include <QObject>

class QTcpSocket;

namespace genius::sim {

/// One client connection: parses HTTP/1.1 requests (request line, headers, a Content-Length
/// body, keep-alive) one at a time and writes either complete or streamed responses.
/// While a response is in progress, further pipelined bytes are only buffered.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    /// How a streamed body ends: chunked transfer coding, or by closing the connection.
    enum class Framing { Chunked, CloseDelimited };

    static constexpr qint64 maxBodyBytes = 32LL * 1024 * 1024;

    /// Takes ownership of the connected socket.
    explicit HttpConnection(QTcpSocket* socket, QObject* parent = nullptr);
    ~HttpConnection() override;

    bool isOpen() const { return !m_closed; }

    /// Sends a complete response with Content-Length, then serves the next request or closes.
    void respond(const HttpResponse& response);

    /// Starts a streamed response; the caller adds Content-Type and the like.
    void beginStream(int status, const HeaderList& headers, Framing framing);
    /// Writes body bytes of a streamed response and flushes them to the socket at once.
    void writeStream(const QByteArray& data);
    /// Ends a streamed response normally.
    void endStream();

    /// Drops the connection at once (QAbstractSocket::abort); with hardReset the peer sees a
    /// TCP reset instead of an orderly close.
    void abort(bool hardReset = false);
    /// Closes the connection without (or without finishing) a response.
    void close();

Q_SIGNALS:
    /// A complete request arrived; exactly one response call must follow (or none, to stay silent).
    void requestReceived(const genius::sim::HttpRequest& request);
    /// The connection is gone; the object deletes itself later.
    void closed();

private:
    void onReadyRead();
    void processBuffer();
    bool parseHead(qsizetype headEnd);
    void rejectAndClose(int status, const QByteArray& message);
    void writeHead(int status, const HeaderList& headers, const HeaderList& framingHeaders);
    void finishResponse();
    void markClosed();

    QTcpSocket* m_socket;
    QByteArray m_buffer;
    HttpRequest m_pending;
    qint64 m_pendingBodyLength = -1; ///< >= 0 while a head was parsed and its body is awaited
    qint64 m_discardBytes = 0;       ///< body bytes of a refused request still to be drained
    bool m_busy = false;             ///< a request was handed out and not yet answered
    bool m_keepAlive = true;
    bool m_closeAfterDrain = false;
    bool m_streaming = false;
    Framing m_framing = Framing::Chunked;
    bool m_closed = false;
};

/// The standard reason phrase of a status code ("OK", "Too Many Requests", ...).
QByteArray reasonPhrase(int status);

} // namespace genius::sim
