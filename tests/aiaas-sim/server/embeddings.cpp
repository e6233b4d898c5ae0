#include "embeddings.h"

#include "chatanswer.h"

#include <QJsonArray>
#include <QtEndian>

#include <cmath>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

quint32 fnv1a(const QByteArray& bytes)
{
    quint32 hash = 2166136261u;
    for (char c : bytes) {
        hash ^= static_cast<quint8>(c);
        hash *= 16777619u;
    }
    return hash;
}

QJsonArray floatsJson(const QList<float>& vector)
{
    QJsonArray array;
    for (float value : vector)
        array.append(static_cast<double>(value));
    return array;
}

} // namespace

QList<float> embedText(const QString& text)
{
    QList<float> vector(embeddingDimensions, 0.0f);
    const QString padded = u' ' + foldGerman(text).simplified() + u' ';
    for (qsizetype i = 0; i + 3 <= padded.size(); ++i) {
        const quint32 hash = fnv1a(padded.mid(i, 3).toUtf8());
        const float sign = (hash >> 16) & 1u ? -1.0f : 1.0f;
        vector[hash % embeddingDimensions] += sign;
    }
    double norm = 0.0;
    for (float value : vector)
        norm += static_cast<double>(value) * value;
    if (norm == 0.0) {
        vector[0] = 1.0f; // no trigram at all: a fixed unit vector instead of zeros
        return vector;
    }
    const double scale = 1.0 / std::sqrt(norm);
    for (float& value : vector)
        value = static_cast<float>(value * scale);
    return vector;
}

QString encodeBase64(const QList<float>& vector)
{
    QByteArray bytes(vector.size() * 4, Qt::Uninitialized);
    for (qsizetype i = 0; i < vector.size(); ++i)
        qToLittleEndian(vector.at(i), bytes.data() + i * 4);
    return QString::fromLatin1(bytes.toBase64());
}

int countEmbeddingTokens(const QStringList& inputs)
{
    int tokens = 0;
    for (const QString& input : inputs)
        tokens += static_cast<int>((input.size() + 3) / 4);
    return tokens;
}

QJsonObject embeddingsJson(const QStringList& inputs, const QString& model, bool base64, const QString& fault)
{
    bool asBase64 = base64;
    if (fault == u"embeddings-float-when-base64")
        asBase64 = false;
    else if (fault == u"embeddings-base64-when-float")
        asBase64 = true;
    QJsonArray data;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QList<float> vector = embedText(inputs.at(i));
        data.append(QJsonObject{{u"object"_s, u"embedding"_s},
                                {u"index"_s, i},
                                {u"embedding"_s, asBase64 ? QJsonValue(encodeBase64(vector)) : QJsonValue(floatsJson(vector))}});
    }
    if (fault == u"embeddings-out-of-order") {
        QJsonArray reversed;
        for (qsizetype i = data.size() - 1; i >= 0; --i)
            reversed.append(data.at(i));
        data = reversed;
    } else if (fault == u"embeddings-count-mismatch") {
        if (data.size() > 1)
            data.removeLast();
        else
            data.append(data.first());
    }
    const int tokens = countEmbeddingTokens(inputs);
    return QJsonObject{{u"object"_s, u"list"_s},
                       {u"data"_s, data},
                       {u"model"_s, model},
                       {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, tokens}, {u"total_tokens"_s, tokens}}}};
}

} // namespace genius::sim
