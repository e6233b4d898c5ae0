#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace genius::sim {

constexpr int embeddingDimensions = 256;

/// A deterministic 256-dimensional vector: hashed (signed) character trigrams of the text,
/// lower-cased with umlauts folded and padded with spaces, L2-normalised; so texts that share
/// many trigrams have a high cosine similarity.
QList<float> embedText(const QString& text);

/// Little-endian float32 values, base64-encoded (encoding_format "base64").
QString encodeBase64(const QList<float>& vector);

/// The tokens an embedding request counts: ceil(characters / 4) per input.
int countEmbeddingTokens(const QStringList& inputs);

/// The body of POST /v1/embeddings, shaped by an embedding fault (empty: none).
QJsonObject embeddingsJson(const QStringList& inputs, const QString& model, bool base64, const QString& fault);

} // namespace genius::sim
