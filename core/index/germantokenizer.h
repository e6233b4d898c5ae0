#pragma once

#include "core/common/error.h"

#include <QStringList>

struct sqlite3;

namespace genius::index {

/// Registers the FTS5 tokenizer "genius_german" on a connection: Unicode case folding,
/// umlaut and ß folding (ä→a, ö→o, ü→u, ß→ss), Snowball German stemming (libstemmer).
/// Must run on every connection before the chunks_fts table is created or queried.
common::Result<void> registerGermanTokenizer(sqlite3* db);

/// The terms the tokenizer produces for `text`, in order (for query building and tests).
QStringList germanTerms(const QString& text);

} // namespace genius::index
