#include "core/gateway/embeddingresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

namespace genius::gateway {

namespace {

GatewayError invalid(const QString& message)
{
    GatewayError error;
    error.kind = GatewayErrorKind::InvalidResponse;
    error.message = message;
    return error;
}

} // namespace

std::expected<QList<QVector<float>>, GatewayError> parseEmbeddingResponse(const QByteArray& body, qsizetype expectedCount,
                                                                          std::optional<qint64>* promptTokens)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonArray data = root.value(QLatin1String("data")).toArray();
    if (data.size() != expectedCount)
        return std::unexpected(invalid(QStringLiteral("The gateway returned %1 embeddings for %2 inputs.")
                                           .arg(data.size())
                                           .arg(expectedCount)));
    QList<QVector<float>> vectors(expectedCount);
    QList<bool> seen(expectedCount, false);
    for (qsizetype position = 0; position < data.size(); ++position) {
        const QJsonObject item = data.at(position).toObject();
        const QJsonValue indexValue = item.value(QLatin1String("index"));
        const qsizetype index = indexValue.isDouble() ? static_cast<qsizetype>(indexValue.toDouble()) : position;
        if (index < 0 || index >= expectedCount || seen.at(index))
            return std::unexpected(invalid(QStringLiteral("The gateway returned an embedding with the wrong index %1.").arg(index)));
        seen[index] = true;
        const QJsonValue embedding = item.value(QLatin1String("embedding"));
        QVector<float> vector;
        if (embedding.isArray()) {
            const QJsonArray numbers = embedding.toArray();
            vector.reserve(numbers.size());
            for (const QJsonValue& number : numbers)
                vector.append(static_cast<float>(number.toDouble()));
        } else if (embedding.isString()) {
            const QByteArray bytes = QByteArray::fromBase64(embedding.toString().toLatin1());
            if (bytes.size() % 4 != 0)
                return std::unexpected(invalid(QStringLiteral("A base64 embedding has a length that is not a multiple of 4 bytes.")));
            vector.resize(bytes.size() / 4);
            for (qsizetype i = 0; i < vector.size(); ++i)
                vector[i] = qFromLittleEndian<float>(bytes.constData() + i * 4);
        } else {
            return std::unexpected(invalid(QStringLiteral("An embedding is neither a number array nor base64.")));
        }
        if (vector.isEmpty())
            return std::unexpected(invalid(QStringLiteral("The gateway returned an empty embedding.")));
        vectors[index] = std::move(vector);
    }
    for (const QVector<float>& vector : std::as_const(vectors)) {
        if (vector.size() != vectors.at(0).size())
            return std::unexpected(invalid(QStringLiteral("The gateway returned embeddings of different sizes.")));
    }
    if (promptTokens) {
        const QJsonValue tokens = root.value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens"));
        *promptTokens = tokens.isDouble() ? std::optional<qint64>(static_cast<qint64>(tokens.toDouble())) : std::nullopt;
    }
    return vectors;
}

} // namespace genius::gateway
