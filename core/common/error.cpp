#include "core/common/error.h"

namespace genius::common {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid-argument");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::Locked: return QStringLiteral("locked");
    case ErrorCode::Refused: return QStringLiteral("refused");
    case ErrorCode::Unavailable: return QStringLiteral("unavailable");
    case ErrorCode::Timeout: return QStringLiteral("timeout");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::Corrupt: return QStringLiteral("corrupt");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::Denied: return QStringLiteral("denied");
    case ErrorCode::Unreachable: return QStringLiteral("unreachable");
    }
    return QStringLiteral("unknown");
}

} // namespace genius::common
