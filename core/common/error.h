#pragma once

#include <QString>

#include <expected>

namespace genius::common {

/// What went wrong, independent of the layer that noticed it. The UI and the CLI map
/// codes to translated text and exit codes; the detail stays untranslated.
enum class ErrorCode {
    InvalidArgument, ///< a value or option that does not validate
    NotFound,        ///< an unknown key, document, collection or secret
    Locked,          ///< a setting fixed by policy or by the administrator
    Refused,         ///< refused by the protection-class guard
    Unavailable,     ///< a local service (keychain, disk) cannot be used
    Timeout,         ///< an operation did not finish in time
    Io,              ///< reading or writing a file failed
    Corrupt,         ///< stored data could not be parsed
    Cancelled,       ///< the user or the caller cancelled
    Denied,          ///< a server (the shared store) refused for lack of permission
    Unreachable,     ///< a server (the shared store) cannot be reached, refused the login or failed
};

/// An error value: a code and a one-sentence, untranslated detail for logs and the CLI.
struct Error {
    ErrorCode code;
    QString detail;
};

/// A value or an error (errors are values, never exceptions).
template<typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning an error from a function that returns a Result.
inline std::unexpected<Error> fail(ErrorCode code, QString detail)
{
    return std::unexpected<Error>(Error{code, std::move(detail)});
}

/// A stable, lower-case name of the code for logs and machine-readable output.
QString errorCodeName(ErrorCode code);

} // namespace genius::common
