#pragma once

#include "benchcommon.h"

#include "core/chunking/chunk.h"

#include <QDir>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>
#include <functional>
#include <utility>

// The statute corpus of legal-retrieval and evidence-gate: 30 federal laws, the questions about
// them with the § / Art. that answers each, and an index of their chunks that remembers where
// each chunk came from.
namespace genius::bench {

/// A value or why it could not be had (one line for stderr).
template<typename T>
using Loaded = std::expected<T, QString>;

/// One law of `$GENIUS_CORPUS_DIR/gesetze`.
struct Law {
    QString file;  ///< file name, e.g. "vwvfg.md"
    QString title; ///< the front matter's Title, else the file name
    QString text;  ///< without the YAML front matter
};

/// A statute question and the span of the unit that answers it.
struct LegalQuestion {
    QString text;
    QString file;  ///< the law that answers it
    int start = 0; ///< span of the expected § / Art. in the law's text
    int end = 0;
};

/// Where a chunk came from: the law and its span in the law's text.
struct Place {
    QString file;
    int start = 0;
    int end = 0;
};

/// The 30 laws in a fixed order (chunk ids break score ties): the 24 the questions are about
/// and 6 distractors with similar wording (SGB X mirrors the VwVfG). With `allLaws`, every other
/// law of `dir` follows in name order.
QStringList lawFiles(const QDir& dir, bool allLaws = false);

/// Reads a law; an empty text when the file cannot be read.
Law readLaw(const QString& path, const QString& file);

/// Reads `files` of `dir`, keyed by file name.
Loaded<QHash<QString, Law>> readLaws(const QDir& dir, const QStringList& files);

/// The span of "§ N" / "Art N" in a law: from its heading line to the next heading; {-1, -1}
/// when the law has no such heading.
std::pair<int, int> unitSpan(const QString& text, const QString& unit);

/// The questions of a TSV file (question, law file, "§ N" or "Art N"; '#' lines are comments).
/// Every law named must be among `laws` and contain the unit.
Loaded<QList<LegalQuestion>> readLegalQuestions(const QString& path, const QHash<QString, Law>& laws);

/// One question per line ('#' lines and blank lines are skipped).
Loaded<QStringList> readQuestionLines(const QString& path);

/// Whether a chunk answers a question: it is of the right law and overlaps the expected unit by
/// at least 100 characters (or all of a shorter unit).
bool answers(const Place& place, const LegalQuestion& question);

/// The structure-aware chunks of a law, as an import would make them (Markdown headings).
QList<chunking::Chunk> structuredChunks(const Law& law);

/// A fresh index with one document per law and its chunks, remembering where each chunk came
/// from. With `plainTable`, every chunk also goes into an FTS5 table `plain(body)` with SQLite's
/// default tokenizer (heading and text), the naive reference of legal-retrieval.
class ChunkedIndex final
{
public:
    explicit ChunkedIndex(bool plainTable = false);

    /// Empty when the index is usable, else why not.
    QString error() const;
    QSqlDatabase db() const { return m_index.db(); }

    /// Adds every law of `files` (in that order, in one transaction), chunked by `chunker`.
    /// Returns an empty string, else what failed.
    QString addLaws(const QStringList& files, const QHash<QString, Law>& laws,
                    const std::function<QList<chunking::Chunk>(const Law&)>& chunker);

    /// Where chunk `chunkId` came from (an empty place for an unknown id).
    Place place(qint64 chunkId) const { return m_places.value(chunkId); }
    /// The number of chunks added.
    qint64 chunks() const { return m_chunks; }
    /// The document ids of every law added except `file` (a filter that withholds one law).
    QList<qint64> documentsExcept(const QString& file) const;

private:
    bool add(const Law& law, const QList<chunking::Chunk>& pieces);

    BenchIndex m_index;
    bool m_plain = false;
    QString m_error;
    QHash<qint64, Place> m_places;
    QHash<QString, qint64> m_documents;
    qint64 m_chunks = 0;
};

} // namespace genius::bench
