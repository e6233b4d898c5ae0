#pragma once

#include "core/common/error.h"

#include <QString>
#include <QStringList>

namespace genius::sharedstore {

/// Where the shared store is and who connects: the parts of a
/// `postgresql://user:password@host:port/dbname?sslmode=…` URL, percent-decoded.
struct StoreAddress {
    QString host; ///< empty: libpq's default (the local Unix socket)
    int port = 5432;
    QString database; ///< empty: libpq's default (the user's name)
    QString user; ///< empty: libpq's default (the operating-system user)
    QString password; ///< empty: libpq's PGPASSWORD or ~/.pgpass; never logged or shown
    QString sslMode; ///< disable, allow, prefer, require, verify-ca, verify-full; empty: libpq's default
    int connectTimeoutSeconds = 10;
    /// Extra CA certificate files (PEM) trusted for verify-ca and verify-full: not part of the
    /// URL but of the setting network/caCertificates, which the caller copies here.
    QStringList caCertificateFiles = {};

    /// "user@host:port/database" for messages and logs: never the password.
    QString display() const;
};

/// Parses a store URL (scheme postgresql or postgres). Query parameters other than sslmode
/// and connect_timeout are refused rather than ignored, so a typo cannot silently weaken TLS.
/// Errors are InvalidArgument and never repeat the password.
common::Result<StoreAddress> parseStoreUrl(const QString& url);

/// The URL without its password (the CLI keeps the password of `--store` out of the settings).
QString storeUrlWithoutPassword(const QString& url);

/// True for the local Unix socket (empty host or a directory), localhost, 127.0.0.0/8 and ::1.
bool isLoopbackHost(const QString& host);

/// The sslmode a connection asks libpq for: the URL's when it has one, else `environmentSslMode`
/// (PGSSLMODE, an explicit choice too) when it is a valid mode; otherwise empty, i.e. libpq's
/// default `prefer`, for a loopback host, and `verify-full` for any other host, so a password and
/// tenant data never cross the network to a server that has not proven its name.
QString effectiveSslMode(const StoreAddress& address, const QString& environmentSslMode);

/// libpq options beyond host, port, database, user and password, in the form of QSqlDatabase::
/// setConnectOptions: connect_timeout, application_name, the effective sslmode and, when that is
/// verify-ca or verify-full and `rootCertificateFile` is not empty, sslrootcert (quoted for
/// libpq). InvalidArgument when the file's path has a ';', which the driver cannot pass on.
common::Result<QString> storeConnectOptions(
    const StoreAddress& address, const QString& rootCertificateFile, const QString& environmentSslMode);

} // namespace genius::sharedstore
