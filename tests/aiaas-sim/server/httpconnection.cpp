#include "httpconnection.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

constexpr qsizetype maxHeadBytes = 64 * 1024;
constexpr int drainTimeoutMs = 10000;

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

bool headerHasToken(const QByteArray& value, QByteArrayView token)
{
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray& part : parts) {
        if (token.compare(part.trimmed(), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray sanitizeHeaderText(QByteArray text)
{
    text.replace('\r', ' ');
    text.replace('\n', ' ');
    return text;
}

} // namespace

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue"_ba;
    case 200: return "OK"_ba;
    case 400: return "Bad Request"_ba;
    case 401: return "Unauthorized"_ba;
    case 402: return "Payment Required"_ba;
    case 403: return "Forbidden"_ba;
    case 404: return "Not Found"_ba;
    case 405: return "Method Not Allowed"_ba;
    case 409: return "Conflict"_ba;
    case 411: return "Length Required"_ba;
    case 413: return "Payload Too Large"_ba;
    case 422: return "Unprocessable Entity"_ba;
    case 429: return "Too Many Requests"_ba;
    case 431: return "Request Header Fields Too Large"_ba;
    case 500: return "Internal Server Error"_ba;
    case 501: return "Not Implemented"_ba;
    case 502: return "Bad Gateway"_ba;
    case 503: return "Service Unavailable"_ba;
    case 504: return "Gateway Timeout"_ba;
    case 505: return "HTTP Version Not Supported"_ba;
    default: return "Status"_ba;
    }
}

HttpConnection::HttpConnection(QTcpSocket* socket, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::markClosed);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            markClosed();
    });
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::onReadyRead()
{
    QByteArray data = m_socket->readAll();
    if (m_discardBytes > 0) {
        const qint64 dropped = qMin<qint64>(m_discardBytes, data.size());
        m_discardBytes -= dropped;
        if (m_discardBytes == 0 && m_closeAfterDrain)
            m_socket->disconnectFromHost();
        return;
    }
    m_buffer.append(data);
    if (m_busy && m_buffer.size() > maxBodyBytes + maxHeadBytes) {
        abort(); // a client that floods a connection while its response is pending
        return;
    }
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_busy && !m_closed) {
        if (m_pendingBodyLength < 0) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd > maxHeadBytes || (headEnd < 0 && m_buffer.size() > maxHeadBytes)) {
                rejectAndClose(431, "request head too large"_ba);
                return;
            }
            if (headEnd < 0)
                return;
            if (!parseHead(headEnd))
                return;
        }
        if (m_buffer.size() < m_pendingBodyLength)
            return;
        HttpRequest request = std::move(m_pending);
        m_pending = HttpRequest{};
        request.body = m_buffer.left(m_pendingBodyLength);
        m_buffer.remove(0, m_pendingBodyLength);
        m_pendingBodyLength = -1;
        m_busy = true;
        Q_EMIT requestReceived(request);
    }
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    const QByteArray head = m_buffer.left(headEnd);
    m_buffer.remove(0, headEnd + 4);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || !requestLine.at(1).startsWith('/')) {
        rejectAndClose(400, "malformed request line"_ba);
        return false;
    }
    const QByteArray version = requestLine.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        rejectAndClose(505, "only HTTP/1.0 and HTTP/1.1 are supported"_ba);
        return false;
    }
    HttpRequest request;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            rejectAndClose(400, "malformed header line"_ba);
            return false;
        }
        request.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
    }
    const qsizetype questionMark = request.target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(request.target.left(questionMark < 0 ? request.target.size() : questionMark));
    if (questionMark >= 0)
        request.query.setQuery(QString::fromUtf8(request.target.mid(questionMark + 1)));
    request.loopbackPeer = m_socket->peerAddress().isLoopback();

    const QByteArray connection = request.header("connection");
    m_keepAlive = version == "HTTP/1.1" ? !headerHasToken(connection, "close") : headerHasToken(connection, "keep-alive");
    if (request.hasHeader("transfer-encoding")) {
        rejectAndClose(411, "chunked request bodies are not supported; send Content-Length"_ba);
        return false;
    }
    qint64 length = 0;
    if (request.hasHeader("content-length")) {
        bool ok = false;
        length = request.header("content-length").toLongLong(&ok);
        if (!ok || length < 0) {
            rejectAndClose(400, "invalid Content-Length"_ba);
            return false;
        }
    }
    const bool expectsContinue = headerHasToken(request.header("expect"), "100-continue");
    if (length > maxBodyBytes) {
        // Answer 413 without reading the body; drain what the client still sends, so that
        // closing the socket does not reset the connection before the client reads the answer.
        request.bodyTooLarge = true;
        m_keepAlive = false;
        m_discardBytes = expectsContinue ? 0 : length;
        const qint64 buffered = qMin<qint64>(m_discardBytes, m_buffer.size());
        m_buffer.remove(0, buffered);
        m_discardBytes -= buffered;
        if (m_discardBytes > 0) {
            QTimer::singleShot(drainTimeoutMs, this, [this] {
                if (m_discardBytes > 0)
                    abort();
            });
        }
        length = 0;
    } else if (expectsContinue && m_buffer.size() < length) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_socket->flush();
    }
    m_pending = std::move(request);
    m_pendingBodyLength = length;
    return true;
}

void HttpConnection::rejectAndClose(int status, const QByteArray& message)
{
    m_busy = true;
    m_keepAlive = false;
    m_buffer.clear();
    HttpResponse response;
    response.status = status;
    response.headers.append({"Content-Type"_ba, "application/json"_ba});
    response.body = R"({"error":{"message":")"_ba + message + R"(","type":"invalid_request_error","param":null,"code":null}})"_ba;
    respond(response);
}

void HttpConnection::writeHead(int status, const HeaderList& headers, const HeaderList& framingHeaders)
{
    QByteArray head = "HTTP/1.1 "_ba + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n"_ba;
    head += "Server: genius-aiaas-sim\r\n"_ba;
    for (const auto& [name, value] : headers)
        head += sanitizeHeaderText(name) + ": "_ba + sanitizeHeaderText(value) + "\r\n"_ba;
    for (const auto& [name, value] : framingHeaders)
        head += name + ": "_ba + value + "\r\n"_ba;
    head += "\r\n"_ba;
    m_socket->write(head);
}

void HttpConnection::respond(const HttpResponse& response)
{
    if (m_closed)
        return;
    HeaderList framing;
    bool hasLength = false;
    for (const auto& entry : response.headers)
        hasLength = hasLength || entry.first.compare("content-length", Qt::CaseInsensitive) == 0;
    if (!hasLength)
        framing.append({"Content-Length"_ba, QByteArray::number(response.body.size())});
    framing.append({"Connection"_ba, m_keepAlive ? "keep-alive"_ba : "close"_ba});
    writeHead(response.status, response.headers, framing);
    m_socket->write(response.body);
    m_socket->flush();
    finishResponse();
}

void HttpConnection::beginStream(int status, const HeaderList& headers, Framing framing)
{
    if (m_closed)
        return;
    m_streaming = true;
    m_framing = framing;
    HeaderList framingHeaders;
    if (framing == Framing::Chunked) {
        framingHeaders.append({"Transfer-Encoding"_ba, "chunked"_ba});
    } else {
        m_keepAlive = false;
    }
    framingHeaders.append({"Connection"_ba, m_keepAlive ? "keep-alive"_ba : "close"_ba});
    writeHead(status, headers, framingHeaders);
    m_socket->flush();
}

void HttpConnection::writeStream(const QByteArray& data)
{
    if (m_closed || !m_streaming || data.isEmpty())
        return;
    if (m_framing == Framing::Chunked)
        m_socket->write(QByteArray::number(data.size(), 16) + "\r\n"_ba + data + "\r\n"_ba);
    else
        m_socket->write(data);
    m_socket->flush();
}

void HttpConnection::endStream()
{
    if (m_closed || !m_streaming)
        return;
    m_streaming = false;
    if (m_framing == Framing::CloseDelimited) {
        m_socket->disconnectFromHost();
        return;
    }
    m_socket->write("0\r\n\r\n");
    m_socket->flush();
    finishResponse();
}

void HttpConnection::finishResponse()
{
    if (m_discardBytes > 0) {
        m_closeAfterDrain = true;
        return;
    }
    if (!m_keepAlive) {
        m_socket->disconnectFromHost();
        return;
    }
    m_busy = false;
    QTimer::singleShot(0, this, &HttpConnection::processBuffer);
}

void HttpConnection::abort(bool hardReset)
{
    if (m_closed)
        return;
#ifdef Q_OS_UNIX
    if (hardReset && m_socket->socketDescriptor() >= 0) {
        const linger option{1, 0};
        ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
#else
    Q_UNUSED(hardReset)
#endif
    m_socket->abort();
    markClosed();
}

void HttpConnection::close()
{
    if (m_closed)
        return;
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        markClosed();
}

void HttpConnection::markClosed()
{
    if (m_closed)
        return;
    m_closed = true;
    Q_EMIT closed();
    deleteLater();
}

} // namespace genius::sim
