#pragma once

#include "core/gateway/protocol/gatewayerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QPair>

namespace genius::gateway {

/// Builds a GatewayError from an HTTP error response (any status ≥ 400): the OpenAI error
/// shape, `code` as string, int or null, `error` as a plain string, problem+json, HTML or
/// plain text all give a message (capped at 300 characters, markup stripped). The kind
/// comes from the status and `error.type`/`error.code` — a budget is recognised by type or
/// code (`budget_exceeded`, `insufficient_quota`) or by the message "budget", whether the
/// status is 400 or 429. Retry-After (seconds or HTTP date, relative to `now`),
/// retry-after-ms and x-should-retry are read from the headers (names case-insensitive).
GatewayError errorFromResponse(int httpStatus, const QList<QPair<QByteArray, QByteArray>>& headers,
                               const QByteArray& body, const QDateTime& now = QDateTime::currentDateTimeUtc());

/// Builds a GatewayError from an in-stream `{"error": ...}` value (object or string). Also
/// accepts the wrapping object itself and llama.cpp's bare error object. The kind comes
/// from `type`/`code` (a numeric code such as 429 is read as an HTTP status); an error that
/// names nothing known is a ServerError.
GatewayError errorFromStreamValue(const QJsonValue& value);

} // namespace genius::gateway
