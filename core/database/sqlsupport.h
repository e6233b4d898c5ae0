#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace genius::database {

/// Qt binds a null QString as SQL NULL; NOT NULL text columns want an empty string.
QVariant notNull(const QString& text);

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
