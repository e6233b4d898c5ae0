#pragma once

#include "core/common/error.h"

#include <QSqlDatabase>

#include <cstddef>
#include <span>

namespace genius::database {

/// One numbered schema migration: SQL statements run in one transaction.
struct Migration {
    const char* const* statements;
    std::size_t count;
};

/// The schema version of a database file (`PRAGMA user_version`); Corrupt when unreadable.
common::Result<int> schemaVersion(QSqlDatabase& db, const QString& databaseName);

/// Brings `db` to version `migrations.size()`, one numbered migration per transaction,
/// recording each in `PRAGMA user_version`. A file from a newer build is refused (Corrupt)
/// rather than altered; a failed migration is rolled back and leaves the file as it was.
/// `databaseName` names the file in errors ("index database", "conversation database").
common::Result<void> migrate(QSqlDatabase& db, std::span<const Migration> migrations, const QString& databaseName);

} // namespace genius::database
