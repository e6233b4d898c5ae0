#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace genius::bench {

/// "--name value" and "--flag" options of one subcommand.
class Options final
{
public:
    explicit Options(const QStringList& arguments);

    bool has(const QString& name) const;
    QString text(const QString& name, const QString& fallback = {}) const;
    qint64 integer(const QString& name, qint64 fallback) const;
    /// Options given but not in `known` (to report typos).
    QStringList unknown(const QStringList& known) const;

private:
    QStringList m_arguments;
};

/// One JSON object on one line, keys in the order they were added.
class JsonLine final
{
public:
    JsonLine& add(const QString& key, const QString& value);
    JsonLine& add(const QString& key, double value, int decimals = 4);
    JsonLine& add(const QString& key, qint64 value);
    JsonLine& add(const QString& key, int value) { return add(key, static_cast<qint64>(value)); }
    /// Writes the line to stdout and flushes.
    void print() const;

private:
    QStringList m_fields;
};

/// The peak resident memory so far in MB: of this process, or with `children` of the largest
/// child process waited for (pdftotext, tesseract: the references).
double peakResidentMegabytes(bool children = false);

/// The p-th percentile (0..100) by nearest rank.
double percentile(std::vector<double> values, double p);

/// Quoted words of `text` joined by OR: how a plain FTS5 user would search.
QString plainQuery(const QString& text);

/// The shared German corpus: the GENIUS_CORPUS_DIR environment variable, else the build's default.
QString corpusDir();

/// A fresh index file in a temporary directory: tokenizers registered, schema migrated.
class BenchIndex final
{
public:
    BenchIndex();
    ~BenchIndex();
    BenchIndex(const BenchIndex&) = delete;
    BenchIndex& operator=(const BenchIndex&) = delete;

    /// Empty when the index is usable, else why not.
    QString error() const { return m_error; }
    QSqlDatabase db() const { return m_db; }
    /// Adds a ready document of class "none" and returns its id.
    qint64 addDocument(const QString& name);
    /// Adds a chunk; returns its id (0 on failure).
    qint64 addChunk(qint64 documentId, int ordinal, const QString& heading, const QString& text);

private:
    QTemporaryDir m_dir;
    QString m_connection;
    QSqlDatabase m_db;
    QString m_error;
};

/// Prints `message` to stderr and returns 1 (for subcommands that cannot run).
int failWith(const QString& message);

} // namespace genius::bench
