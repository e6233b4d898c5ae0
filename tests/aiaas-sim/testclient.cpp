#include "testclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <cmath>

using namespace Qt::StringLiterals;

namespace genius::sim::test {

QJsonObject Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

Response send(QNetworkAccessManager& manager, const QString& root, const QByteArray& method, const QString& path,
              const QByteArray& body, const RequestOptions& options)
{
    QNetworkRequest request(QUrl(root + path));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!options.key.isEmpty()) {
        if (options.apiKeyHeader)
            request.setRawHeader("api-key", options.key.toUtf8());
        else
            request.setRawHeader("Authorization", "Bearer "_ba + options.key.toUtf8());
    }
    if (!options.protectionClass.isEmpty())
        request.setRawHeader("X-Protection-Class", options.protectionClass);
    for (const auto& [name, value] : options.headers)
        request.setRawHeader(name, value);

    Response response;
    QNetworkReply* reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        ++response.readyReadCount;
        response.body += reply->readAll();
        if (options.abortOnFirstData && reply->isRunning())
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(options.timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    response.finished = reply->isFinished();
    if (!response.finished)
        reply->abort();
    if (reply->isOpen())
        response.body += reply->readAll();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.error = reply->error();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    delete reply;
    return response;
}

QJsonArray userMessage(const QString& text)
{
    return QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}}};
}

QByteArray chatBody(const QString& model, const QJsonArray& messages, bool stream, bool includeUsage, int maxTokens)
{
    QJsonObject body{{u"model"_s, model}, {u"messages"_s, messages}, {u"stream"_s, stream},
                     {u"max_completion_tokens"_s, maxTokens}};
    if (stream && includeUsage)
        body.insert(u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

SseStream parseSse(const QByteArray& body)
{
    QByteArray normalized = body;
    normalized.replace("\r\n", "\n");
    normalized.replace('\r', '\n');
    SseStream stream;
    QList<QByteArray> dataLines;
    const auto dispatch = [&] {
        if (dataLines.isEmpty())
            return;
        const QByteArray data = dataLines.join('\n');
        dataLines.clear();
        stream.data.append(data);
        if (data == "[DONE]") {
            stream.done = true;
            return;
        }
        const QJsonObject chunk = QJsonDocument::fromJson(data).object();
        if (stream.firstChunk.isEmpty())
            stream.firstChunk = chunk;
        if (chunk.value(u"usage"_s).isObject())
            stream.usage = chunk.value(u"usage"_s).toObject();
        for (const QJsonValue& value : chunk.value(u"choices"_s).toArray()) {
            const QJsonObject choice = value.toObject();
            if (choice.value(u"index"_s).toInt() != 0)
                continue;
            const QJsonValue content = choice.value(u"delta"_s).toObject().value(u"content"_s);
            if (content.isString() && !content.toString().isEmpty()) {
                stream.content += content.toString();
                ++stream.contentChunks;
            }
            if (choice.value(u"finish_reason"_s).isString())
                stream.finishReason = choice.value(u"finish_reason"_s).toString();
        }
    };
    for (const QByteArray& line : normalized.split('\n')) {
        if (line.isEmpty())
            dispatch();
        else if (line.startsWith("data:"))
            dataLines.append(line.mid(line.startsWith("data: ") ? 6 : 5));
    }
    dispatch();
    return stream;
}

double cosine(const QList<double>& a, const QList<double>& b)
{
    double dot = 0, normA = 0, normB = 0;
    for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i) {
        dot += a.at(i) * b.at(i);
        normA += a.at(i) * a.at(i);
        normB += b.at(i) * b.at(i);
    }
    return normA > 0 && normB > 0 ? dot / std::sqrt(normA * normB) : 0.0;
}

QList<double> floatsOf(const QJsonArray& array)
{
    QList<double> values;
    for (const QJsonValue& value : array)
        values.append(value.toDouble());
    return values;
}

QList<double> floatsOfBase64(const QString& text)
{
    const QByteArray bytes = QByteArray::fromBase64(text.toLatin1());
    QList<double> values;
    for (qsizetype offset = 0; offset + 4 <= bytes.size(); offset += 4)
        values.append(static_cast<double>(qFromLittleEndian<float>(bytes.constData() + offset)));
    return values;
}

QByteArray rawExchange(quint16 port, const QByteArray& request, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(request);
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(timeoutMs))
        received += socket.readAll();
    received += socket.readAll();
    return received;
}

} // namespace genius::sim::test
