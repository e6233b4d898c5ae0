#pragma once

#include "core/common/error.h"

#include <QList>
#include <QStringList>

struct sqlite3;

namespace genius::index {

/// Registers the FTS5 tokenizer "genius_german" on a connection: Unicode case folding,
/// umlaut and ß folding (ä→a, ö→o, ü→u, ß→ss), Snowball German stemming (libstemmer).
/// Words are runs of Unicode letters and digits ("§ 35a" gives "35a"); words with digits
/// are not stemmed; other diacritics and ligatures fold to their base letters (é→e, ﬁ→fi).
/// Also registers "genius_trigram": SQLite's trigram tokenizer over the same folding
/// (without stemming or word splitting), used by chunks_trigram; and the ranking function
/// genius_bm25(table, k1, b, proximity, window, termWeights, columnWeight...), FTS5's BM25
/// with tunable parameters, per-term weights and a term-proximity part (used by Retriever).
/// Must run on every connection before chunks_fts or chunks_trigram are created, queried
/// or written (the chunks triggers feed them).
common::Result<void> registerGermanTokenizer(sqlite3* db);

/// The terms the tokenizer produces for `text`, in order (for query building and tests).
QStringList germanTerms(const QString& text);

/// One word of a text as the tokenizer sees it.
struct GermanWord {
    QString surface; ///< the word as written (letters and digits only, never FTS5 syntax)
    QString term;    ///< the indexed term (folded and stemmed)
    int start = 0;   ///< UTF-16 offset of the word in the text
    int end = 0;     ///< one past the word's last UTF-16 unit
};

/// The words of `text` with their terms (same order and terms as germanTerms()).
QList<GermanWord> germanWords(const QString& text);

} // namespace genius::index
