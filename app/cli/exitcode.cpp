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
    case ErrorCode::Unavailable:
    case ErrorCode::Timeout:
    case ErrorCode::Io:
        return ExitCode::LocalFailure;
    }
    return ExitCode::LocalFailure;
}

} // namespace genius::cli
