#pragma once

#include "core/common/error.h"

#include <QSqlDatabase>

namespace genius::index {

/// The schema version this build writes; `PRAGMA user_version` holds the version of a file.
int currentSchemaVersion();

/// Brings `db` to the current version, one numbered migration per transaction. A file from
/// a newer build is refused (Corrupt) rather than altered. The German tokenizer must be
/// registered on the connection before (see germantokenizer.h).
common::Result<void> migrate(QSqlDatabase& db);

} // namespace genius::index
