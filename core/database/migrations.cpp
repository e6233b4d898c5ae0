#include "core/database/migrations.h"

#include <QSqlError>
#include <QSqlQuery>

namespace genius::database {

using common::ErrorCode;

common::Result<int> schemaVersion(QSqlDatabase& db, const QString& databaseName)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return common::fail(ErrorCode::Corrupt,
                            QStringLiteral("The %1 cannot be read: %2").arg(databaseName, query.lastError().text()));
    return query.value(0).toInt();
}

common::Result<void> migrate(QSqlDatabase& db, std::span<const Migration> migrations, const QString& databaseName)
{
    const auto version = schemaVersion(db, databaseName);
    if (!version)
        return std::unexpected(version.error());
    const int latest = static_cast<int>(migrations.size());
    if (*version > latest)
        return common::fail(ErrorCode::Corrupt, QStringLiteral("The %1 has schema version %2; this build knows up to %3.")
                                                    .arg(databaseName)
                                                    .arg(*version)
                                                    .arg(latest));
    for (int next = *version + 1; next <= latest; ++next) {
        if (!db.transaction())
            return common::fail(ErrorCode::Io, QStringLiteral("The %1 cannot start a transaction.").arg(databaseName));
        const Migration& migration = migrations[static_cast<std::size_t>(next - 1)];
        QSqlQuery query(db);
        for (std::size_t i = 0; i < migration.count; ++i) {
            if (!query.exec(QString::fromUtf8(migration.statements[i]))) {
                const QString reason = query.lastError().text();
                db.rollback();
                return common::fail(ErrorCode::Corrupt,
                                    QStringLiteral("Schema migration %1 of the %2 failed: %3").arg(next).arg(databaseName, reason));
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(next)) || !db.commit()) {
            db.rollback();
            return common::fail(ErrorCode::Io,
                                QStringLiteral("Schema migration %1 of the %2 could not be committed.").arg(next).arg(databaseName));
        }
    }
    return {};
}

} // namespace genius::database
