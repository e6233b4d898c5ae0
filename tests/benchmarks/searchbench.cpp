// search-latency: lexical search over an index of N passages (10k, 100k, 1M), ours
// (index::Retriever::lexical: German stemming, trigram side, proximity) against plain FTS5 (SQLite's
// default tokenizer, OR of the words, bm25) over the same passages in the same database file.
// The passages are the structure-aware chunks of the statutes, repeated until N are reached, so
// the vocabulary and the length of the posting lists grow as they would with more documents.
#include "benchcommands.h"
#include "benchcommon.h"
#include "legalcorpus.h"

#include "core/index/retriever.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>

#include <cstdio>

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

constexpr int kChunksPerDocument = 200;
constexpr int kChunksPerTransaction = 10000;

struct Passage {
    QString heading;
    QString text;
};

Loaded<QList<Passage>> lawPassages(const QDir& dir)
{
    QList<Passage> passages;
    for (const QString& file : lawFiles(dir, true)) {
        const Law law = readLaw(dir.filePath(file), file);
        for (const chunking::Chunk& chunk : structuredChunks(law))
            passages.append(Passage {chunk.headingPath.join(u" › "_s), chunk.text});
    }
    if (passages.isEmpty())
        return std::unexpected(u"no laws in %1"_s.arg(dir.path()));
    return passages;
}

/// The first column of the statute-question file.
Loaded<QStringList> questionTexts(const QString& path)
{
    auto lines = readQuestionLines(path);
    if (!lines)
        return lines;
    QStringList questions;
    for (const QString& line : std::as_const(*lines))
        questions.append(line.section(u'\t', 0, 0));
    return questions;
}

/// Milliseconds of each of `rounds` passes over `questions` (after one untimed warm-up pass).
std::vector<double> timeQueries(const QStringList& questions, int rounds, const std::function<bool(const QString&)>& search)
{
    for (const QString& question : questions)
        search(question);
    std::vector<double> milliseconds;
    QElapsedTimer timer;
    for (int round = 0; round < rounds; ++round) {
        for (const QString& question : questions) {
            timer.start();
            if (!search(question))
                return {};
            milliseconds.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
    }
    return milliseconds;
}

} // namespace

int searchLatency(const QStringList& arguments)
{
    const Options options(arguments);
    if (const QStringList unknown = options.unknown({u"chunks"_s, u"laws"_s, u"questions"_s, u"rounds"_s}); !unknown.isEmpty())
        return failWith(u"unknown option %1"_s.arg(unknown.front()));
    const qint64 target = options.integer(u"chunks"_s, 10000);
    const int rounds = static_cast<int>(options.integer(u"rounds"_s, 3));
    if (target < 1 || rounds < 1)
        return failWith(u"--chunks and --rounds must be positive"_s);
    const auto passages = lawPassages(QDir(options.text(u"laws"_s, corpusDir() + u"/gesetze"_s)));
    if (!passages)
        return failWith(passages.error());
    const auto questions = questionTexts(options.text(u"questions"_s, QStringLiteral(GENIUS_BENCH_DATA_DIR "/legal_questions.tsv")));
    if (!questions)
        return failWith(questions.error());

    BenchIndex index;
    if (!index.error().isEmpty())
        return failWith(index.error());
    QSqlDatabase db = index.db();
    QSqlQuery create(db);
    if (!create.exec(u"CREATE VIRTUAL TABLE plain USING fts5(body)"_s))
        return failWith(u"cannot create the plain FTS5 table"_s);

    // Ours: the chunk rows, whose triggers fill the German and the trigram FTS5 tables.
    QElapsedTimer timer;
    timer.start();
    qint64 document = 0;
    for (qint64 i = 0; i < target; ++i) {
        if (i % kChunksPerTransaction == 0)
            db.transaction();
        if (i % kChunksPerDocument == 0)
            document = index.addDocument(u"passages-%1"_s.arg(i / kChunksPerDocument));
        const Passage& passage = passages->at(i % passages->size());
        if (document == 0 || index.addChunk(document, static_cast<int>(i % kChunksPerDocument), passage.heading, passage.text) == 0)
            return failWith(u"cannot index passage %1"_s.arg(i));
        if ((i + 1) % kChunksPerTransaction == 0 || i + 1 == target)
            db.commit();
    }
    const double buildSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    // The reference: the same passages (heading and text) in one plain FTS5 table.
    timer.start();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO plain(body) VALUES (?)"_s);
    for (qint64 i = 0; i < target; ++i) {
        if (i % kChunksPerTransaction == 0)
            db.transaction();
        const Passage& passage = passages->at(i % passages->size());
        insert.addBindValue(QString(passage.heading + u'\n' + passage.text));
        if (!insert.exec())
            return failWith(u"cannot add passage %1 to the plain table"_s.arg(i));
        if ((i + 1) % kChunksPerTransaction == 0 || i + 1 == target)
            db.commit();
    }
    const double plainBuildSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    std::fprintf(stderr, "search-latency: %lld passages indexed (ours %.1f s, plain %.1f s)\n", static_cast<long long>(target),
                 buildSeconds, plainBuildSeconds);

    index::Retriever retriever(db);
    const std::vector<double> ours = timeQueries(*questions, rounds, [&](const QString& question) {
        return retriever.lexical(question, {}, 10).has_value();
    });
    QSqlQuery plain(db);
    plain.prepare(u"SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 10"_s);
    const std::vector<double> reference = timeQueries(*questions, rounds, [&](const QString& question) {
        plain.addBindValue(plainQuery(question));
        if (!plain.exec())
            return false;
        while (plain.next()) {
        }
        return true;
    });
    if (ours.empty() || reference.empty())
        return failWith(u"a search failed"_s);

    const double p50 = percentile(ours, 50);
    const double plainP50 = percentile(reference, 50);
    JsonLine()
        .add(u"bench"_s, u"search-latency"_s)
        .add(u"chunks"_s, target)
        .add(u"queries"_s, static_cast<qint64>(ours.size()))
        .add(u"p50_ms"_s, p50, 3)
        .add(u"p95_ms"_s, percentile(ours, 95), 3)
        .add(u"plain_p50_ms"_s, plainP50, 3)
        .add(u"plain_p95_ms"_s, percentile(reference, 95), 3)
        .add(u"ratio_to_plain"_s, p50 / plainP50, 2)
        .add(u"build_s"_s, buildSeconds, 1)
        .add(u"plain_build_s"_s, plainBuildSeconds, 1)
        .add(u"database_mb"_s, static_cast<double>(QFileInfo(db.databaseName()).size()) / 1e6, 1)
        .print();
    return 0;
}

} // namespace genius::bench
