#include "core/database/sqlsupport.h"

#include <QStorageInfo>

namespace genius::database {

QVariant notNull(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QSqlQuery prepared(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    return query;
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
    , m_open(m_db.transaction())
{
}

Transaction::~Transaction()
{
    if (m_open)
        m_db.rollback();
}

bool isDiskFull(const QSqlError& error)
{
    constexpr int kSqliteFull = 13; // SQLITE_FULL; extended result codes keep it in the low byte
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (ok)
        return (code & 0xFF) == kSqliteFull;
    // Qt's failed COMMIT carries no code, only SQLite's message for SQLITE_FULL.
    return error.databaseText().contains(QLatin1String("database or disk is full"));
}

QString diskFullText()
{
    return QStringLiteral("The disk holding the profile is full; free some space and try again.");
}

common::Error queryError(const QSqlQuery& query, const QString& store, const QString& what)
{
    if (isDiskFull(query.lastError()))
        return {common::ErrorCode::Io, diskFullText()};
    return {common::ErrorCode::Io, QStringLiteral("The %1 could not %2: %3").arg(store, what, query.lastError().text())};
}

common::Error commitError(const QSqlDatabase& db, const QString& store, const QString& what)
{
    if (isDiskFull(db.lastError()))
        return {common::ErrorCode::Io, diskFullText()};
    return {common::ErrorCode::Io, QStringLiteral("The %1 could not commit %2.").arg(store, what)};
}

bool hasNoSpaceLeft(const QString& directory)
{
    constexpr qint64 kWalStartBytes = 128 * 1024; // a WAL header and a few pages, the -shm index
    const QStorageInfo storage(directory);
    return storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < kWalStartBytes;
}

bool Transaction::commit()
{
    m_open = false;
    return m_db.commit();
}

} // namespace genius::database
