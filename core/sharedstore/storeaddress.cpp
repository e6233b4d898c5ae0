#include "core/sharedstore/storeaddress.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;

namespace {

const QStringList kSslModes = { QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
    QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full") };

/// A conninfo value in single quotes, as the QPSQL driver quotes host and password.
QString quotedOption(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

} // namespace

QString StoreAddress::display() const
{
    const QString server = host.isEmpty() ? QStringLiteral("localhost") : host;
    const QString who = user.isEmpty() ? QString() : user + QLatin1Char('@');
    const QString hostPart
        = server.contains(QLatin1Char(':')) ? QString(QLatin1Char('[') + server + QLatin1Char(']')) : server;
    return who + hostPart + QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + database;
}

common::Result<StoreAddress> parseStoreUrl(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The store URL is not a postgresql://user@host:port/database URL."));
    StoreAddress address;
    address.host = url.host(QUrl::FullyDecoded);
    address.port = url.port(5432);
    address.user = url.userName(QUrl::FullyDecoded);
    address.password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.contains(QLatin1Char('/')))
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The store URL names more than a database after the host (\"%1\").").arg(path));
    address.database = path;
    if (!url.fragment().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The store URL must not have a fragment (#…)."));

    const QUrlQuery query(url);
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == QLatin1String("sslmode")) {
            if (!kSslModes.contains(value))
                return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Unknown sslmode \"%1\" in the store URL; use one of %2.")
                        .arg(value, kSslModes.join(QStringLiteral(", "))));
            address.sslMode = value;
        } else if (name == QLatin1String("connect_timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 1 || seconds > 600)
                return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("connect_timeout in the store URL must be 1 to 600 seconds."));
            address.connectTimeoutSeconds = seconds;
        } else {
            return fail(ErrorCode::InvalidArgument,
                QStringLiteral(
                    "The store URL has the parameter \"%1\"; only sslmode and connect_timeout are supported.")
                    .arg(name));
        }
    }
    return address;
}

QString storeUrlWithoutPassword(const QString& text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.password().isEmpty())
        return text;
    url.setPassword(QString());
    // Encoded as typed: the pretty form decodes "%20" to a space, which the strict parse refuses.
    return url.toString(QUrl::FullyEncoded);
}

bool isLoopbackHost(const QString& host)
{
    if (host.isEmpty() || host.startsWith(QLatin1Char('/'))
        || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    static const QRegularExpression ipv4Loopback(QStringLiteral("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
    return ipv4Loopback.match(host).hasMatch() || host == QLatin1String("::1")
        || host == QLatin1String("0:0:0:0:0:0:0:1");
}

QString effectiveSslMode(const StoreAddress& address, const QString& environmentSslMode)
{
    if (!address.sslMode.isEmpty())
        return address.sslMode;
    if (kSslModes.contains(environmentSslMode))
        return environmentSslMode;
    if (isLoopbackHost(address.host))
        return QString();
    return QStringLiteral("verify-full");
}

common::Result<QString> storeConnectOptions(
    const StoreAddress& address, const QString& rootCertificateFile, const QString& environmentSslMode)
{
    QStringList options { QStringLiteral("connect_timeout=%1").arg(address.connectTimeoutSeconds),
        QStringLiteral("application_name=genius") };
    // Only the six known modes come back: no spaces, quotes or semicolons.
    const QString sslMode = effectiveSslMode(address, environmentSslMode);
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=%1").arg(sslMode);
    const bool verifies = sslMode == QLatin1String("verify-ca") || sslMode == QLatin1String("verify-full");
    if (verifies && !rootCertificateFile.isEmpty()) {
        // The driver turns every ';' of the options into a space, even inside quotes.
        if (rootCertificateFile.contains(QLatin1Char(';')))
            return fail(ErrorCode::InvalidArgument,
                QStringLiteral("The CA certificate file \"%1\" cannot be passed to PostgreSQL: its path has a ';'.")
                    .arg(rootCertificateFile));
        options << QStringLiteral("sslrootcert=") + quotedOption(rootCertificateFile);
    }
    return options.join(QLatin1Char(';'));
}

} // namespace genius::sharedstore
