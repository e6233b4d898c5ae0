#include "core/sharedstore/storeconnection.h"

#include "core/sharedstore/sharedstorelogging.h"
#include "core/sharedstore/storeerror.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcSharedStore, "genius.sharedstore", QtInfoMsg)

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

const QString kDriver = QStringLiteral("QPSQL");

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("genius-sharedstore-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

/// The value libpq would use for `keyword` when the connection string leaves it out (its
/// environment variable or built-in default); empty when there is none.
QString libpqDefault(const char* keyword)
{
    PQconninfoOption* defaults = PQconndefaults();
    if (!defaults)
        return QString();
    QString value;
    for (const PQconninfoOption* option = defaults; option->keyword; ++option) {
        if (qstrcmp(option->keyword, keyword) == 0 && option->val)
            value = QString::fromLocal8Bit(option->val);
    }
    PQconninfoFree(defaults);
    return value;
}

} // namespace

QString storeAccount(const StoreAddress& address)
{
    StoreAddress resolved = address;
    if (resolved.user.isEmpty())
        resolved.user = libpqDefault("user");
    if (resolved.database.isEmpty())
        resolved.database = libpqDefault("dbname");
    if (resolved.database.isEmpty())
        resolved.database = resolved.user;
    if (resolved.host.isEmpty())
        resolved.host = libpqDefault("host");
    return resolved.display();
}

Result<std::unique_ptr<QTemporaryFile>> writeRootCertificates(const QStringList& files)
{
    QByteArray bundle;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::InvalidArgument,
                QStringLiteral("The CA certificate file %1 (network/caCertificates) cannot be read.").arg(path));
        const QByteArray pem = file.readAll();
        if (!pem.contains("-----BEGIN CERTIFICATE-----"))
            return fail(ErrorCode::InvalidArgument,
                QStringLiteral("The CA certificate file %1 (network/caCertificates) holds no PEM certificate.")
                    .arg(path));
        bundle += pem;
        if (!bundle.endsWith('\n'))
            bundle += '\n';
    }
    auto copy = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/genius-store-ca-XXXXXX.pem"));
    // QTemporaryFile creates the file 0600 with O_EXCL; set it again so it never depends on that.
    if (!copy->open() || !copy->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || copy->write(bundle) != bundle.size() || !copy->flush())
        return fail(ErrorCode::Io,
            QStringLiteral("The CA certificates for the store cannot be copied to a temporary file (%1).")
                .arg(copy->errorString()));
    copy->close(); // the file stays until the object goes; closed, libpq can open it on every platform
    return copy;
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::open(const StoreAddress& address)
{
    if (!QSqlDatabase::isDriverAvailable(kDriver))
        return fail(ErrorCode::Unavailable,
            QStringLiteral("Qt's PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is not installed."));
    // PGSSLMODE, when set, is an explicit choice like the URL's sslmode: no default replaces it.
    const QString environmentSslMode = qEnvironmentVariable("PGSSLMODE");
    const QString sslMode = effectiveSslMode(address, environmentSslMode);
    std::unique_ptr<QTemporaryFile> rootCertificates; // needed only while libpq connects
    if (!address.caCertificateFiles.isEmpty()
        && (sslMode == QLatin1String("verify-ca") || sslMode == QLatin1String("verify-full"))) {
        auto written = writeRootCertificates(address.caCertificateFiles);
        if (!written)
            return std::unexpected(written.error());
        rootCertificates = std::move(*written);
    }
    const auto options = storeConnectOptions(
        address, rootCertificates ? rootCertificates->fileName() : QString(), environmentSslMode);
    if (!options)
        return std::unexpected(options.error());
    const QString name = nextConnectionName();
    std::unique_ptr<StoreConnection> connection;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, name);
        db.setHostName(address.host);
        db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(address.user);
        db.setPassword(address.password);
        db.setConnectOptions(*options);
        if (!db.open()) {
            const common::Error error = connectionError(db.lastError(), address);
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            qCDebug(lcSharedStore) << "cannot connect to" << address.display();
            return std::unexpected(error);
        }
        connection.reset(new StoreConnection(db, address));
    }
    // Notices ("… already exists, skipping") would reach stderr through the driver; errors still
    // come back as errors.
    if (auto quiet
        = connection->exec(QStringLiteral("SET client_min_messages = error"), QStringLiteral("configure the session"));
        !quiet)
        return std::unexpected(quiet.error());
    qCDebug(lcSharedStore) << "connected to" << address.display();
    return connection;
}

StoreConnection::StoreConnection(QSqlDatabase db, StoreAddress address)
    : m_db(std::move(db))
    , m_address(std::move(address))
{ }

StoreConnection::~StoreConnection()
{
    const QString name = m_db.connectionName();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

Result<void> StoreConnection::exec(const QString& sql, const QString& action) const
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return std::unexpected(statementError(query.lastError(), action));
    return {};
}

Result<QSqlQuery> StoreConnection::query(const QString& sql, const QVariantList& values, const QString& action) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(statementError(query.lastError(), action));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return std::unexpected(statementError(query.lastError(), action));
    return query;
}

Result<QVariant> StoreConnection::value(const QString& sql, const QVariantList& values, const QString& action) const
{
    auto result = query(sql, values, action);
    if (!result)
        return std::unexpected(result.error());
    return result->next() ? result->value(0) : QVariant();
}

Result<void> StoreConnection::transaction(const std::function<Result<void>()>& work) const
{
    // BEGIN/COMMIT as statements: the driver's transaction() hides the server's reason.
    if (auto begun = exec(QStringLiteral("BEGIN"), QStringLiteral("begin a transaction")); !begun)
        return begun;
    Result<void> outcome = work();
    if (outcome)
        outcome = exec(QStringLiteral("COMMIT"), QStringLiteral("commit the transaction"));
    if (!outcome)
        (void)exec(QStringLiteral("ROLLBACK"), QStringLiteral("roll back the transaction"));
    return outcome;
}

Result<QString> StoreConnection::passwordVerifier(const QString& user, const QString& password) const
{
    const QVariant handle = m_db.driver()->handle();
    // QPSQL hands out its PGconn (a typedef of struct pg_conn) as the driver handle.
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0)
        return fail(ErrorCode::Unavailable, QStringLiteral("The PostgreSQL connection cannot prepare a password."));
    PGconn* connection = *static_cast<PGconn* const*>(handle.data());
    char* verifier = PQencryptPasswordConn(connection, password.toUtf8().constData(), user.toUtf8().constData(),
                                           "scram-sha-256");
    if (!verifier) // libpq's message names the failure (out of memory, an unknown algorithm), never the password
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The password cannot be prepared: %1")
                                                    .arg(QString::fromUtf8(PQerrorMessage(connection)).trimmed()));
    const QString result = QString::fromUtf8(verifier);
    PQfreemem(verifier);
    return result;
}

} // namespace genius::sharedstore
