// retrieval: GermanQuAD passage retrieval (one chunk per passage), our lexical retrieval
// against plain FTS5 BM25 with SQLite's default tokenizer, computed in the same run.
#include "benchcommands.h"
#include "benchcommon.h"

#include "core/index/retriever.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cstdio>
#include <functional>

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

struct Passage {
    QString id;
    QString heading; ///< article title › section, as a structure-aware chunker would give
    QString text;    ///< the passage without its title and section lines
    QString full;    ///< the passage as distributed (for plain FTS5)
};

struct Question {
    QString text;
    QString relevant; ///< the one relevant passage id
    bool dev = false; ///< even lines of queries.jsonl: used for tuning; odd lines: held out
};

struct Metrics {
    double r1 = 0, r5 = 0, r10 = 0, mrr10 = 0;
    int count = 0;
};

QList<QJsonObject> readJsonLines(const QString& path)
{
    QList<QJsonObject> objects;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return objects;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

Passage splitPassage(const QString& id, const QString& full)
{
    static const QRegularExpression section(u"^=+\\s*(.*?)\\s*=+$"_s);
    const QStringList lines = full.split(u'\n');
    Passage passage{id, QString(lines.value(0)).replace(u'_', u' ').trimmed(), {}, full};
    qsizetype next = 1;
    while (next < lines.size() && lines[next].trimmed().isEmpty())
        ++next;
    if (next < lines.size()) {
        const auto match = section.match(lines[next].trimmed());
        if (match.hasMatch()) {
            passage.heading += u" › "_s + match.captured(1);
            ++next;
        }
    }
    passage.text = lines.mid(next).join(u'\n').trimmed();
    return passage;
}


Metrics score(const QList<Question>& questions, const QList<QStringList>& rankings, int subset)
{
    Metrics m;
    for (qsizetype q = 0; q < questions.size(); ++q) {
        if ((subset == 1 && !questions[q].dev) || (subset == 2 && questions[q].dev))
            continue;
        ++m.count;
        const qsizetype rank = rankings[q].indexOf(questions[q].relevant);
        if (rank < 0)
            continue;
        m.r1 += rank < 1 ? 1 : 0;
        m.r5 += rank < 5 ? 1 : 0;
        m.r10 += rank < 10 ? 1 : 0;
        m.mrr10 += 1.0 / static_cast<double>(rank + 1);
    }
    if (m.count > 0) {
        m.r1 /= m.count, m.r5 /= m.count, m.r10 /= m.count, m.mrr10 /= m.count;
    }
    return m;
}

using Search = std::function<QStringList(const QString& question)>;

/// Runs every question (or only the dev ones) and prints one JSON line.
void evaluate(const QString& system, const QString& detail, const QList<Question>& questions, const Search& search,
              bool devOnly)
{
    QList<QStringList> rankings;
    QElapsedTimer timer;
    timer.start();
    int asked = 0;
    for (const Question& question : questions) {
        if (devOnly && !question.dev) {
            rankings.append(QStringList());
            continue;
        }
        rankings.append(search(question.text));
        ++asked;
    }
    const double msPerQuery = static_cast<double>(timer.nsecsElapsed()) / 1e6 / std::max(asked, 1);
    const Metrics all = score(questions, rankings, 0);
    const Metrics dev = score(questions, rankings, 1);
    const Metrics test = score(questions, rankings, 2);
    JsonLine line;
    line.add(u"bench"_s, u"retrieval"_s).add(u"system"_s, system).add(u"setting"_s, detail);
    if (!devOnly) {
        line.add(u"queries"_s, all.count).add(u"r1"_s, all.r1).add(u"r5"_s, all.r5).add(u"r10"_s, all.r10);
        line.add(u"mrr10"_s, all.mrr10).add(u"test_r1"_s, test.r1).add(u"test_mrr10"_s, test.mrr10);
    }
    line.add(u"dev_r1"_s, dev.r1).add(u"dev_mrr10"_s, dev.mrr10).add(u"ms_per_query"_s, msPerQuery, 3);
    line.print();
}

QString describe(const index::Retriever::LexicalTuning& t)
{
    return u"heading=%1 k1=%2 b=%3 proximity=%4/%5 noun=%6 stopwords=%7 trigram=%8 fusionK=%9"_s.arg(t.headingWeight)
        .arg(t.k1)
        .arg(t.b)
        .arg(t.proximity)
        .arg(t.proximityWindow)
        .arg(t.nounWeight)
        .arg(t.dropStopwords ? u"drop"_s : u"keep"_s)
        .arg(t.trigramWeight)
        .arg(t.fusionK);
}

} // namespace

int retrieval(const QStringList& arguments)
{
    const Options options(arguments);
    if (const QStringList unknown = options.unknown({u"corpus"_s, u"sweep"_s, u"failures"_s}); !unknown.isEmpty())
        return failWith(u"unknown option %1"_s.arg(unknown.front()));
    const QString dir = options.text(u"corpus"_s, corpusDir() + u"/qa/germanquad_test_retrieval"_s);
    const QList<QJsonObject> corpus = readJsonLines(dir + u"/corpus.jsonl"_s);
    const QList<QJsonObject> queries = readJsonLines(dir + u"/queries.jsonl"_s);
    QHash<QString, QString> relevant;
    {
        QFile qrels(dir + u"/qrels_test.tsv"_s);
        if (!qrels.open(QIODevice::ReadOnly))
            return failWith(u"cannot read %1/qrels_test.tsv"_s.arg(dir));
        while (!qrels.atEnd()) {
            const QStringList fields = QString::fromUtf8(qrels.readLine()).trimmed().split(u'\t');
            if (fields.size() >= 2 && fields[0] != u"query-id"_s)
                relevant.insert(fields[0], fields[1]);
        }
    }
    if (corpus.isEmpty() || queries.isEmpty())
        return failWith(u"no corpus in %1"_s.arg(dir));

    BenchIndex index;
    if (!index.error().isEmpty())
        return failWith(index.error());
    QSqlDatabase db = index.db();
    QSqlQuery plainTable(db);
    if (!plainTable.exec(u"CREATE VIRTUAL TABLE plain USING fts5(body)"_s))
        return failWith(u"cannot create the plain FTS5 table"_s);
    QHash<qint64, QString> passageOfChunk;
    db.transaction();
    const qint64 document = index.addDocument(u"germanquad"_s);
    for (qsizetype i = 0; i < corpus.size(); ++i) {
        const Passage passage = splitPassage(corpus[i][u"_id"_s].toString(), corpus[i][u"text"_s].toString());
        const qint64 chunk = index.addChunk(document, static_cast<int>(i), passage.heading, passage.text);
        QSqlQuery plain(db);
        plain.prepare(u"INSERT INTO plain(rowid, body) VALUES (?, ?)"_s);
        plain.addBindValue(chunk);
        plain.addBindValue(passage.full);
        if (chunk == 0 || !plain.exec())
            return failWith(u"cannot index passage %1"_s.arg(passage.id));
        passageOfChunk.insert(chunk, passage.id);
    }
    db.commit();

    QList<Question> questions;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const QString id = queries[i][u"_id"_s].toString();
        if (relevant.contains(id))
            questions.append(Question{queries[i][u"text"_s].toString(), relevant.value(id), i % 2 == 0});
    }

    index::Retriever retriever(db);
    const Search ours = [&](const QString& question) {
        QStringList ranking;
        const auto hits = retriever.lexical(question, {}, 10);
        if (hits) {
            for (const auto& hit : *hits)
                ranking.append(passageOfChunk.value(hit.chunkId));
        }
        return ranking;
    };
    const Search plain = [&](const QString& question) {
        QStringList ranking;
        QSqlQuery query(db);
        query.prepare(u"SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 10"_s);
        query.addBindValue(plainQuery(question));
        if (query.exec()) {
            while (query.next())
                ranking.append(passageOfChunk.value(query.value(0).toLongLong()));
        }
        return ranking;
    };
    const index::Retriever::LexicalTuning defaults;

    if (options.has(u"failures"_s)) {
        // For error analysis: dev questions whose passage is not first, with what came first.
        QHash<QString, QString> headings;
        for (const QJsonObject& object : corpus)
            headings.insert(object[u"_id"_s].toString(), splitPassage(object[u"_id"_s].toString(), object[u"text"_s].toString()).heading);
        for (const Question& question : questions) {
            if (!question.dev)
                continue;
            const QStringList ranking = ours(question.text);
            if (!ranking.isEmpty() && ranking.front() == question.relevant)
                continue;
            std::fprintf(stderr, "%lld\t%s\t%s\t%s\n", static_cast<long long>(ranking.indexOf(question.relevant)),
                         qPrintable(question.text), qPrintable(headings.value(question.relevant)),
                         qPrintable(headings.value(ranking.value(0))));
        }
        return 0;
    }
    if (options.has(u"experiments"_s)) {
        const auto devRun = [&](const index::Retriever::LexicalTuning& tuning) {
            retriever.setLexicalTuning(tuning);
            evaluate(u"ours"_s, describe(tuning) + u" b=%1 prox=%2 window=%3 noun=%4"_s.arg(tuning.b).arg(tuning.proximity).arg(tuning.proximityWindow).arg(tuning.nounWeight), questions, ours, true);
        };
        for (const double heading : {1.5, 2.0, 3.0}) {
            for (const double trigram : {0.0, 0.1, 0.2, 0.3}) {
                for (const int fusionK : {10, 60}) {
                    if (trigram == 0.0 && fusionK == 10)
                        continue;
                    auto t = defaults;
                    t.b = 0.5;
                    t.proximity = 0.25;
                    t.proximityWindow = 8;
                    t.nounWeight = 1.5;
                    t.headingWeight = heading;
                    t.trigramWeight = trigram;
                    t.fusionK = fusionK;
                    devRun(t);
                }
            }
        }
        return 0;
    }
    if (options.has(u"sweep"_s)) {
        // The tuning grid, scored on the dev half only (the defaults were chosen from it).
        for (const double heading : {2.0, 3.0}) {
            for (const double b : {0.4, 0.5, 0.6, 0.75}) {
                for (const double proximity : {0.0, 0.25}) {
                    for (const double noun : {1.0, 1.5}) {
                        for (const double trigram : {0.0, 0.1}) {
                            index::Retriever::LexicalTuning tuning = defaults;
                            tuning.headingWeight = heading;
                            tuning.b = b;
                            tuning.proximity = proximity;
                            tuning.nounWeight = noun;
                            tuning.trigramWeight = trigram;
                            retriever.setLexicalTuning(tuning);
                            evaluate(u"ours"_s, describe(tuning), questions, ours, true);
                        }
                    }
                }
            }
        }
        return 0;
    }

    evaluate(u"plain-fts5"_s, u"unicode61, one column, OR of words, bm25"_s, questions, plain, false);
    // The ladder: each line adds one ingredient to the one before; the last one is our default.
    index::Retriever::LexicalTuning ladder = defaults;
    ladder.headingWeight = 1.0;
    ladder.b = 0.75;
    ladder.proximity = 0.0;
    ladder.nounWeight = 1.0;
    ladder.dropStopwords = false;
    ladder.trigramWeight = 0.0;
    const auto run = [&](const QString& name, const index::Retriever::LexicalTuning& tuning) {
        retriever.setLexicalTuning(tuning);
        evaluate(name, describe(tuning), questions, ours, false);
    };
    run(u"ours:stemmed"_s, ladder);
    ladder.dropStopwords = defaults.dropStopwords;
    run(u"ours:+stopwords"_s, ladder);
    ladder.headingWeight = defaults.headingWeight;
    run(u"ours:+heading-weight"_s, ladder);
    ladder.b = defaults.b;
    run(u"ours:+b"_s, ladder);
    ladder.proximity = defaults.proximity;
    run(u"ours:+proximity"_s, ladder);
    ladder.nounWeight = defaults.nounWeight;
    run(u"ours:+noun-weight"_s, ladder);
    run(u"ours"_s, defaults); // + trigram fusion
    // Leave one out.
    const QList<std::pair<QString, std::function<void(index::Retriever::LexicalTuning&)>>> without = {
        {u"ours:-stopwords"_s, [](auto& t) { t.dropStopwords = false; }},
        {u"ours:-heading-weight"_s, [](auto& t) { t.headingWeight = 1.0; }},
        {u"ours:-b"_s, [](auto& t) { t.b = 0.75; }},
        {u"ours:-proximity"_s, [](auto& t) { t.proximity = 0.0; }},
        {u"ours:-noun-weight"_s, [](auto& t) { t.nounWeight = 1.0; }},
        {u"ours:-trigram"_s, [](auto& t) { t.trigramWeight = 0.0; }},
    };
    for (const auto& [name, change] : without) {
        auto tuning = defaults;
        change(tuning);
        run(name, tuning);
    }
    return 0;
}

} // namespace genius::bench
