#include "core/sharedstore/storeaddress.h"

#include <QUrl>
#include <QUrlQuery>

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;

namespace {

const QStringList kSslModes = { QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
    QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full") };

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
    return url.toString();
}

} // namespace genius::sharedstore
