#include "core/gateway/protocol/gatewayerror.h"

namespace genius::gateway {

QString errorKindName(GatewayErrorKind kind)
{
    // These names end up in the audit log and in JSON output: never rename one.
    switch (kind) {
    case GatewayErrorKind::Auth: return QStringLiteral("auth");
    case GatewayErrorKind::Permission: return QStringLiteral("permission");
    case GatewayErrorKind::NotFound: return QStringLiteral("not-found");
    case GatewayErrorKind::InputTooLong: return QStringLiteral("input-too-long");
    case GatewayErrorKind::BadRequest: return QStringLiteral("bad-request");
    case GatewayErrorKind::RateLimited: return QStringLiteral("rate-limited");
    case GatewayErrorKind::BudgetExhausted: return QStringLiteral("budget-exhausted");
    case GatewayErrorKind::ServerError: return QStringLiteral("server-error");
    case GatewayErrorKind::Unreachable: return QStringLiteral("unreachable");
    case GatewayErrorKind::Timeout: return QStringLiteral("timeout");
    case GatewayErrorKind::Truncated: return QStringLiteral("truncated");
    case GatewayErrorKind::InvalidResponse: return QStringLiteral("invalid-response");
    case GatewayErrorKind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("invalid-response");
}

} // namespace genius::gateway
