#include "core/sharedstore/storeerror.h"

#include "core/sharedstore/storeaddress.h"

#include <QRegularExpression>
#include <QSqlError>

namespace genius::sharedstore {

using common::Error;
using common::ErrorCode;

namespace {

/// The first line of a libpq message, without "ERROR:  " / "FATAL:  " and the trailing period.
QString firstLine(const QString& message)
{
    QString line = message.section(QLatin1Char('\n'), 0, 0).trimmed();
    static const QRegularExpression severity(QStringLiteral("^(?:ERROR|FATAL|PANIC|FEHLER|SCHWERWIEGEND):\\s+"));
    line.remove(severity);
    while (line.endsWith(QLatin1Char('.')))
        line.chop(1);
    return line;
}

} // namespace

QString serverMessage(const QSqlError& error)
{
    const QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    return firstLine(text);
}

Error connectionError(const QSqlError& error, const StoreAddress& address)
{
    // libpq reports "connection to server at "h", port p failed: FATAL:  <reason>"; the reason
    // is what the administrator needs. The password is never part of libpq's messages.
    QString reason = serverMessage(error);
    const qsizetype failed = reason.indexOf(QLatin1String("failed: "));
    if (failed >= 0)
        reason = firstLine(reason.mid(failed + 8));
    if (reason.contains(QLatin1String("authentication failed")) || reason.contains(QLatin1String("Authentifizierung")))
        return Error { ErrorCode::Unreachable,
            QStringLiteral("The store at %1 refused the login: wrong user name or password.").arg(address.display()) };
    if (reason.isEmpty())
        reason = QStringLiteral("no reason given");
    return Error { ErrorCode::Unreachable,
        QStringLiteral("Cannot connect to the store at %1: %2.").arg(address.display(), reason) };
}

Error statementError(const QSqlError& error, const QString& action)
{
    const QString state = error.nativeErrorCode();
    const QString message = serverMessage(error);
    const QString sentence
        = QStringLiteral("Cannot %1: %2.").arg(action, message.isEmpty() ? QStringLiteral("unknown error") : message);
    if (state == QLatin1String("42501") || state.startsWith(QLatin1String("28")))
        return Error { ErrorCode::Denied, sentence };
    if (state.startsWith(QLatin1String("22")) || state.startsWith(QLatin1String("23")))
        return Error { ErrorCode::InvalidArgument, sentence };
    return Error { ErrorCode::Unreachable, sentence };
}

} // namespace genius::sharedstore
