#pragma once

#include "core/common/error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace genius::database {

/// Qt binds a null QString as SQL NULL; NOT NULL text columns want an empty string.
QVariant notNull(const QString& text);

/// True when SQLite reported that the disk (or the file system's quota) is full.
bool isDiskFull(const QSqlError& error);
/// The one sentence for a full disk, for every store of the profile.
QString diskFullText();
/// A failed statement of the `store` ("index database", "conversation database"): the full-disk
/// sentence when SQLite said so, else "The <store> could not <what>: <driver text>" (the driver
/// names tables and constraints, never content: values are bound).
common::Error queryError(const QSqlQuery& query, const QString& store, const QString& what);
/// A failed commit: the full-disk sentence, else "The <store> could not commit <what>." (Qt's
/// failed COMMIT carries no SQLite code, only its message).
common::Error commitError(const QSqlDatabase& db, const QString& store, const QString& what);
/// True when the file system holding `directory` has (next to) no space left: less than
/// SQLite needs to start a write-ahead log. Opening a database there fails with a generic I/O
/// error (creating the -wal or -shm file), not SQLITE_FULL.
bool hasNoSpaceLeft(const QString& directory);

/// A forward-only query on `db`, prepared with `sql`.
QSqlQuery prepared(const QSqlDatabase& db, const QString& sql);

/// A transaction that is rolled back unless commit() is called (so every early return of a
/// function that writes leaves the database as it was).
class Transaction final
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isOpen() const { return m_open; }
    bool commit();

private:
    QSqlDatabase m_db;
    bool m_open;
};

} // namespace genius::database
