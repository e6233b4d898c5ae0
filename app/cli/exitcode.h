#pragma once

#include "core/common/error.h"
#include "core/gateway/protocol/gatewayerror.h"

namespace genius::cli {

/// The exit codes of genius-cli: a public contract (README "Exit codes"); only ever extended.
enum class ExitCode {
    Success = 0,
    Usage = 1,          ///< unknown command or option, missing argument
    BadInput = 2,       ///< unreadable file, unknown document, collection or setting, invalid value
    Refused = 3,        ///< refused by the protection-class guard
    GatewayRefused = 4, ///< the gateway refused (authentication, permission)
    Unreachable = 5,    ///< the gateway is unreachable or timed out
    Quota = 6,          ///< quota or budget exhausted
    Cancelled = 7,      ///< cancelled
    LocalFailure = 8,   ///< the keychain or the profile cannot be used (an extension of the contract)
};

/// The exit code for an error from the core.
ExitCode exitCodeFor(const common::Error& error);
/// The exit code for a gateway failure: 4 refused, 5 unreachable or cut, 6 quota or budget, ….
ExitCode exitCodeFor(const gateway::GatewayError& error);

inline int toInt(ExitCode code) { return static_cast<int>(code); }

} // namespace genius::cli
