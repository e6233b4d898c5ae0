#pragma once

#include "core/common/error.h"

#include <QString>

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

    /// "user@host:port/database" for messages and logs: never the password.
    QString display() const;
};

/// Parses a store URL (scheme postgresql or postgres). Query parameters other than sslmode
/// and connect_timeout are refused rather than ignored, so a typo cannot silently weaken TLS.
/// Errors are InvalidArgument and never repeat the password.
common::Result<StoreAddress> parseStoreUrl(const QString& url);

/// The URL without its password (the CLI keeps the password of `--store` out of the settings).
QString storeUrlWithoutPassword(const QString& url);

} // namespace genius::sharedstore
