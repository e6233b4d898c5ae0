#include "app/cli/exitcode.h"

namespace genius::cli {

using common::ErrorCode;

ExitCode exitCodeFor(const common::Error& error)
{
    switch (error.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::Locked:
    case ErrorCode::Corrupt:
        return ExitCode::BadInput;
    case ErrorCode::Refused:
        return ExitCode::Refused;
    case ErrorCode::Cancelled:
        return ExitCode::Cancelled;
    case ErrorCode::Denied:
        return ExitCode::GatewayRefused;
    case ErrorCode::Unreachable:
        return ExitCode::Unreachable;
    case ErrorCode::Unavailable:
    case ErrorCode::Timeout:
    case ErrorCode::Io:
        return ExitCode::LocalFailure;
    }
    return ExitCode::LocalFailure;
}

ExitCode exitCodeFor(const gateway::GatewayError& error)
{
    using gateway::GatewayErrorKind;
    switch (error.kind) {
    case GatewayErrorKind::Auth:
    case GatewayErrorKind::Permission:
        return ExitCode::GatewayRefused;
    case GatewayErrorKind::NotFound:
    case GatewayErrorKind::InputTooLong:
    case GatewayErrorKind::BadRequest:
        return ExitCode::BadInput;
    case GatewayErrorKind::RateLimited:
    case GatewayErrorKind::BudgetExhausted:
        return ExitCode::Quota;
    case GatewayErrorKind::Cancelled:
        return ExitCode::Cancelled;
    case GatewayErrorKind::ServerError:
    case GatewayErrorKind::Unreachable:
    case GatewayErrorKind::Timeout:
    case GatewayErrorKind::Truncated:
    case GatewayErrorKind::InvalidResponse:
        return ExitCode::Unreachable;
    }
    return ExitCode::Unreachable;
}

} // namespace genius::cli
