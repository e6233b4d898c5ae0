#pragma once

#include "core/gateway/protocol/gatewayerror.h"

#include <QByteArray>
#include <QList>
#include <QVector>

#include <expected>

namespace genius::gateway {

/// Parses a /embeddings answer for `expectedCount` inputs (case 58-59): vectors are mapped
/// by `index`, whether each arrives as a float array or as base64 little-endian float32
/// (detected by JSON type, whatever was asked for); a count or index mismatch is an error.
std::expected<QList<QVector<float>>, GatewayError> parseEmbeddingResponse(const QByteArray& body,
                                                                          qsizetype expectedCount,
                                                                          std::optional<qint64>* promptTokens = nullptr);

} // namespace genius::gateway
