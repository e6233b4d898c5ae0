#pragma once

#include "core/common/error.h"

#include <QSqlDatabase>

namespace genius::storage {

/// The schema version of conversations.sqlite this build writes (`PRAGMA user_version`).
int conversationSchemaVersion();

/// Brings `db` to the current conversation schema, one numbered migration per transaction.
/// A file from a newer build is refused (Corrupt) rather than altered; a failed migration
/// is rolled back and leaves the file as it was.
common::Result<void> migrateConversationSchema(QSqlDatabase& db);

} // namespace genius::storage
