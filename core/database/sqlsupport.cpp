#include "core/database/sqlsupport.h"

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

bool Transaction::commit()
{
    m_open = false;
    return m_db.commit();
}

} // namespace genius::database
