#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace genius::gateway {

/// What kind of failure a gateway call ended in. The UI and CLI map kinds to messages and
/// exit codes; only `RateLimited`, `ServerError`, `Unreachable` and (before any content)
/// `Timeout` are retried.
enum class GatewayErrorKind {
    Auth,            ///< 401: missing or invalid key
    Permission,      ///< 403: model or protection class not allowed
    NotFound,        ///< 404: unknown model or wrong base path (a configuration error)
    InputTooLong,    ///< context_length_exceeded, 413
    BadRequest,      ///< any other 4xx, including unsupported parameters
    RateLimited,     ///< 429 without a budget reason; see retryAfter
    BudgetExhausted, ///< insufficient_quota / budget_exceeded (400 or 429): never retried
    ServerError,     ///< 5xx
    Unreachable,     ///< connection refused, DNS, TLS
    Timeout,         ///< no first byte, or the stream went silent
    Truncated,       ///< the stream ended without completion
    InvalidResponse, ///< a body that cannot be understood
    Cancelled,       ///< cancelled by the caller
};

/// A gateway failure as a value. `message` is the server's (or transport's) message, one
/// sentence, capped; never prompt or document text.
struct GatewayError {
    GatewayErrorKind kind = GatewayErrorKind::InvalidResponse;
    QString message;
    int httpStatus = 0;                                 ///< 0 when no HTTP status arrived
    QString type;                                       ///< error.type from the body, if any
    QString code;                                       ///< error.code as text (string, int or empty)
    QString param;                                      ///< error.param, if any
    std::optional<std::chrono::milliseconds> retryAfter; ///< from Retry-After / retry-after-ms
    std::optional<bool> shouldRetry;                    ///< from x-should-retry
};

/// Stable lower-case name of a kind for logs, the audit log and JSON output.
QString errorKindName(GatewayErrorKind kind);

} // namespace genius::gateway
