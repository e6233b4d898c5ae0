#pragma once

#include "core/common/error.h"
#include "core/sharedstore/storeaddress.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QVariantList>

#include <functional>
#include <memory>

namespace genius::sharedstore {

/// The account an address logs in as, "user@host:port/database", with what the URL leaves out
/// filled in as libpq fills it (PGUSER or the operating-system user, PGDATABASE or the user,
/// PGHOST): the name of its password in the keychain (security::StorePasswordSource).
QString storeAccount(const StoreAddress& address);

/// The CA certificate files concatenated into one private temporary file (mode 0600, removed
/// with the object), since libpq's sslrootcert takes a single file. InvalidArgument naming the
/// file when one cannot be read or holds no PEM certificate; Io when the copy cannot be written.
common::Result<std::unique_ptr<QTemporaryFile>> writeRootCertificates(const QStringList& files);

/// One connection to the shared store through Qt's QPSQL driver, under its own uniquely named
/// Qt connection that is removed again when this object goes. Statements run with bound values
/// (the driver escapes them); errors come back classified (storeerror.h).
class StoreConnection final
{
public:
    /// Connects as `address.user`, with the sslmode of effectiveSslMode (PGSSLMODE counts as an
    /// explicit choice) and, for verify-ca and verify-full, `address.caCertificateFiles` as the
    /// trusted roots (instead of libpq's ~/.postgresql/root.crt). Unavailable when the QPSQL
    /// driver is not installed, Unreachable when the server cannot be reached or refuses the
    /// login, InvalidArgument when a CA certificate file cannot be read.
    static common::Result<std::unique_ptr<StoreConnection>> open(const StoreAddress& address);
    ~StoreConnection();
    StoreConnection(const StoreConnection&) = delete;
    StoreConnection& operator=(const StoreConnection&) = delete;

    const StoreAddress& address() const { return m_address; }
    QSqlDatabase db() const { return m_db; }

    /// Runs one statement without values (DDL, SET …); `action` names it in the error.
    common::Result<void> exec(const QString& sql, const QString& action) const;
    /// Runs one statement with positional values (`?`); the query is positioned before its
    /// first row.
    common::Result<QSqlQuery> query(const QString& sql, const QVariantList& values, const QString& action) const;
    /// The first column of the first row, or a null QVariant when there is no row.
    common::Result<QVariant> value(const QString& sql, const QVariantList& values, const QString& action) const;
    /// The SCRAM-SHA-256 verifier the server stores for `user`'s `password`, computed here by
    /// libpq (PQencryptPasswordConn, as psql's \password does) so the password itself is never
    /// sent: CREATE/ALTER ROLE … PASSWORD takes the verifier.
    common::Result<QString> passwordVerifier(const QString& user, const QString& password) const;
    /// Runs `work` in one transaction: committed when it succeeds, rolled back otherwise.
    common::Result<void> transaction(const std::function<common::Result<void>()>& work) const;

private:
    StoreConnection(QSqlDatabase db, StoreAddress address);

    QSqlDatabase m_db;
    StoreAddress m_address;
};

} // namespace genius::sharedstore
