#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>

// Test-side helpers of tst_aiaassim: plain QNetworkAccessManager requests and a small SSE
// reader. Deliberately independent of core/gateway, which the simulator exists to test.
namespace genius::sim::test {

/// How to send one request.
struct RequestOptions {
    QString key;                 ///< empty: no credentials
    bool apiKeyHeader = false;   ///< "api-key: KEY" instead of "Authorization: Bearer KEY"
    QByteArray protectionClass;  ///< empty: no X-Protection-Class header
    QList<QPair<QByteArray, QByteArray>> headers;
    int timeoutMs = 15000;
    bool abortOnFirstData = false; ///< cancel the request as soon as body bytes arrive
};

/// What came back.
struct Response {
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< names lower-case
    int readyReadCount = 0;

    QJsonObject json() const;
    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
};

/// Sends a request to root + path and waits for the end (or the timeout, then aborts).
Response send(QNetworkAccessManager& manager, const QString& root, const QByteArray& method, const QString& path,
              const QByteArray& body, const RequestOptions& options);

/// A chat request body with every field the simulator requires.
QByteArray chatBody(const QString& model, const QJsonArray& messages, bool stream, bool includeUsage = false,
                    int maxTokens = 400);
QJsonArray userMessage(const QString& text);

/// The parsed events of an SSE body (LF, CRLF or CR line endings).
struct SseStream {
    QList<QByteArray> data;   ///< every data payload, [DONE] included
    QString content;          ///< choices[index 0].delta.content joined
    int contentChunks = 0;
    QString finishReason;
    QJsonObject usage;        ///< from the chunk with choices:[]
    bool done = false;
    QJsonObject firstChunk;
};
SseStream parseSse(const QByteArray& body);

/// Cosine similarity of two vectors of equal length.
double cosine(const QList<double>& a, const QList<double>& b);
QList<double> floatsOf(const QJsonArray& array);
/// Little-endian float32 values from base64.
QList<double> floatsOfBase64(const QString& text);

/// One raw HTTP exchange over a plain socket (Connection: close), for checks QNAM hides.
QByteArray rawExchange(quint16 port, const QByteArray& request, int timeoutMs = 10000);

} // namespace genius::sim::test
