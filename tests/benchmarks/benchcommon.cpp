#include "benchcommon.h"

#include "core/index/germantokenizer.h"
#include "core/index/schema.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <sqlite3.h>
#include <sys/resource.h>

namespace genius::bench {

Options::Options(const QStringList& arguments)
    : m_arguments(arguments)
{
}

bool Options::has(const QString& name) const
{
    return m_arguments.contains(QStringLiteral("--") + name);
}

QString Options::text(const QString& name, const QString& fallback) const
{
    const qsizetype at = m_arguments.indexOf(QStringLiteral("--") + name);
    return at >= 0 && at + 1 < m_arguments.size() ? m_arguments[at + 1] : fallback;
}

qint64 Options::integer(const QString& name, qint64 fallback) const
{
    bool ok = false;
    const qint64 value = text(name).toLongLong(&ok);
    return ok ? value : fallback;
}

QStringList Options::unknown(const QStringList& known) const
{
    QStringList result;
    for (const QString& argument : m_arguments) {
        if (argument.startsWith(QStringLiteral("--")) && !known.contains(argument.mid(2)))
            result.append(argument);
    }
    return result;
}

JsonLine& JsonLine::add(const QString& key, const QString& value)
{
    QString escaped = value;
    escaped.replace(QStringLiteral("\\"), QStringLiteral("\\\\")).replace(QStringLiteral("\""), QStringLiteral("\\\""));
    m_fields.append(QStringLiteral("\"%1\":\"%2\"").arg(key, escaped));
    return *this;
}

JsonLine& JsonLine::add(const QString& key, double value, int decimals)
{
    m_fields.append(QStringLiteral("\"%1\":%2").arg(key, std::isfinite(value) ? QString::number(value, 'f', decimals)
                                                                              : QStringLiteral("null")));
    return *this;
}

JsonLine& JsonLine::add(const QString& key, qint64 value)
{
    m_fields.append(QStringLiteral("\"%1\":%2").arg(key).arg(value));
    return *this;
}

void JsonLine::print() const
{
    const QByteArray line = QString(QStringLiteral("{") + m_fields.join(QLatin1Char(',')) + QStringLiteral("}\n")).toUtf8();
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
    std::fflush(stdout);
}

double peakResidentMegabytes(bool children)
{
    rusage usage {};
    if (getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage) != 0)
        return 0;
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

QString plainQuery(const QString& text)
{
    QStringList words;
    QString word;
    for (const QChar c : QString(text + u' ')) {
        if (c.isLetterOrNumber()) {
            word += c;
        } else if (!word.isEmpty()) {
            words.append(u'"' + word + u'"');
            word.clear();
        }
    }
    return words.join(QStringLiteral(" OR "));
}

QString corpusDir()
{
    const QString fromEnvironment = qEnvironmentVariable("GENIUS_CORPUS_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral(GENIUS_BENCH_CORPUS_DIR) : fromEnvironment;
}

BenchIndex::BenchIndex()
    : m_connection(QUuid::createUuid().toString())
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_dir.filePath(QStringLiteral("index.sqlite")));
    if (!m_db.open()) {
        m_error = m_db.lastError().text();
        return;
    }
    const QVariant handle = m_db.driver()->handle();
    sqlite3* raw = *static_cast<sqlite3* const*>(handle.data());
    if (auto registered = index::registerGermanTokenizer(raw); !registered) {
        m_error = registered.error().detail;
        return;
    }
    QSqlQuery pragma(m_db);
    pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (auto migrated = index::migrate(m_db); !migrated)
        m_error = migrated.error().detail;
}

BenchIndex::~BenchIndex()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

qint64 BenchIndex::addDocument(const QString& name)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO documents (name, source_path, sha256, size, class, status, added_at, updated_at)"
                                 " VALUES (?, ?, ?, 0, 'none', 'ready', '2024-01-01', '2024-01-01')"));
    query.addBindValue(name);
    query.addBindValue(name);
    query.addBindValue(QUuid::createUuid().toString());
    return query.exec() ? query.lastInsertId().toLongLong() : 0;
}

qint64 BenchIndex::addChunk(qint64 documentId, int ordinal, const QString& heading, const QString& text)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO chunks (document_id, ordinal, first_page, last_page, start_offset, end_offset,"
                                 " heading, text) VALUES (?, ?, 1, 1, 0, ?, ?, ?)"));
    query.addBindValue(documentId);
    query.addBindValue(ordinal);
    query.addBindValue(static_cast<int>(text.size()));
    // A null QString binds as SQL NULL, which the NOT NULL columns refuse.
    query.addBindValue(heading.isNull() ? QStringLiteral("") : heading);
    query.addBindValue(text.isNull() ? QStringLiteral("") : text);
    return query.exec() ? query.lastInsertId().toLongLong() : 0;
}

int failWith(const QString& message)
{
    std::fprintf(stderr, "genius-bench: %s\n", message.toLocal8Bit().constData());
    return 1;
}

} // namespace genius::bench
