#include "core/database/connection.h"

#include "core/database/sqlsupport.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace genius::database {

common::Result<std::unique_ptr<Connection>> Connection::open(const QString& path, const QString& label,
                                                             const QString& prefix, const Prepare& prepare)
{
    const QString name = prefix + u'-' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The connection owns the only handle: its destructor removes the connection on every early
    // return, which Qt allows only when no other QSqlDatabase copy is alive.
    auto connection = std::unique_ptr<Connection>(new Connection(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name), label));
    QSqlDatabase& db = connection->m_db;
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    // On a full disk the first write (the WAL files) fails with a generic I/O error.
    const auto failed = [&path](common::Error error) -> common::Result<std::unique_ptr<Connection>> {
        if (hasNoSpaceLeft(QFileInfo(path).absolutePath()))
            error = common::Error{common::ErrorCode::Io, diskFullText()};
        return std::unexpected(std::move(error));
    };
    if (!db.open())
        return failed(common::Error{common::ErrorCode::Io,
                                    QStringLiteral("The %1 %2 cannot be opened: %3").arg(label, path, db.lastError().text())});
    if (prepare) {
        if (auto prepared = prepare(db); !prepared)
            return failed(prepared.error());
    }
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
        if (auto done = connection->exec(QString::fromLatin1(pragma)); !done)
            return failed(done.error());
    }
    return connection;
}

Connection::Connection(QSqlDatabase db, QString label)
    : m_db(std::move(db))
    , m_label(std::move(label))
{
}

Connection::~Connection()
{
    const QString name = m_db.connectionName();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

common::Result<void> Connection::exec(const QString& sql) const
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return common::fail(common::ErrorCode::Io, QStringLiteral("The %1 could not run %2: %3")
                                                       .arg(m_label, sql.section(QLatin1Char(' '), 0, 2),
                                                            query.lastError().text()));
    return {};
}

} // namespace genius::database
