#include "core/gateway/chatrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace genius::gateway {

QByteArray chatRequestBody(const ChatRequest& request, const QString& model, const RequestQuirks& quirks)
{
    QJsonArray messages;
    for (const ChatMessage& message : request.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), message.role}, {QStringLiteral("content"), message.content}});
    QJsonObject body{
        {QStringLiteral("model"), model},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("stream"), request.stream},
        {QStringLiteral("temperature"), request.temperature},
    };
    body.insert(quirks.useMaxCompletionTokens ? QStringLiteral("max_completion_tokens") : QStringLiteral("max_tokens"),
                request.maxTokens);
    if (request.stream && !quirks.omitStreamOptions)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray embeddingRequestBody(const QStringList& inputs, const QString& model, bool base64)
{
    const QJsonObject body{
        {QStringLiteral("model"), model},
        {QStringLiteral("input"), QJsonArray::fromStringList(inputs)},
        {QStringLiteral("encoding_format"), base64 ? QStringLiteral("base64") : QStringLiteral("float")},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace genius::gateway
