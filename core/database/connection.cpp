#include "core/database/connection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace genius::database {

common::Result<std::unique_ptr<Connection>> Connection::open(const QString& path, const QString& label,
                                                             const QString& prefix, const Prepare& prepare)
{
    const QString name = prefix + u'-' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    auto connection = std::unique_ptr<Connection>(new Connection(db, label));
    if (!db.open())
        return common::fail(common::ErrorCode::Io,
                            QStringLiteral("The %1 %2 cannot be opened: %3").arg(label, path, db.lastError().text()));
    if (prepare) {
        if (auto prepared = prepare(db); !prepared)
            return std::unexpected(prepared.error());
    }
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
        if (auto done = connection->exec(QString::fromLatin1(pragma)); !done)
            return std::unexpected(done.error());
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
