#pragma once

#include "core/common/error.h"

class QSqlError;

namespace genius::sharedstore {

struct StoreAddress;

/// The error for a connection that could not be opened: Unreachable, with one sentence that
/// names the server and the user but never the password ("wrong user name or password" for a
/// refused login, otherwise the client library's reason).
common::Error connectionError(const QSqlError& error, const StoreAddress& address);

/// The error for a failed statement, classified by its SQLSTATE: Denied for missing
/// privileges (42501, 28xxx), InvalidArgument for values the schema refuses (22xxx, 23xxx),
/// Unreachable for a lost connection or any other server failure. `action` says what was being
/// done ("read the schema version"); the server's first message line follows it.
common::Error statementError(const QSqlError& error, const QString& action);

/// The server's message without severity prefix and context lines ("permission denied for table x").
QString serverMessage(const QSqlError& error);

} // namespace genius::sharedstore
