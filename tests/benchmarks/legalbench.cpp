// legal-retrieval: questions a case worker asks, over 30 federal laws. Our retrieval over
// structure-aware chunks (chunking::chunkDocument) against plain FTS5 over fixed 1000-character
// chunks, plus the two crossed combinations to separate chunking from ranking.
#include "benchcommands.h"
#include "benchcommon.h"

#include "core/chunking/chunk.h"
#include "core/index/retriever.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <functional>

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

// The laws the questions are about, and distractors with similar wording (SGB X mirrors VwVfG).
const char* const kLaws[] = {
    "vwvfg.md",   "vwgo.md",       "bdsg_2018.md", "ifg.md",     "uig_2005.md",  "egovg.md",     "ozg.md",
    "bmg.md",     "pauswg.md",     "owig_1968.md", "vwzg_2005.md", "arbzg.md",    "bbg_2009.md",  "brkg_2005.md",
    "gg.md",      "agg.md",        "muschg_2018.md", "jarbschg.md", "gastg.md",   "baunvo.md",    "fstrg.md",
    "bho.md",     "wogg.md",       "bafoeg.md",    "sgb_10.md",  "vwvg.md",      "bgebg.md",     "beamtstg.md",
    "ladschlg.md", "barchg_2017.md",
};

constexpr int kFixedChunkChars = 1000;

struct Law {
    QString file;
    QString title;
    QString text; ///< without the YAML front matter
};

struct Question {
    QString text;
    QString file;
    int start = 0; ///< span of the expected § / Art. in the law's text
    int end = 0;
};

struct Place {
    QString file;
    int start = 0;
    int end = 0;
};

Law readLaw(const QString& path, const QString& file)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(input.readAll());
    QString title = file;
    static const QRegularExpression frontMatter(u"\\A---\\n(.*?)\\n---\\n"_s, QRegularExpression::DotMatchesEverythingOption);
    if (const auto match = frontMatter.match(text); match.hasMatch()) {
        static const QRegularExpression titleLine(u"^Title: *(.*)$"_s, QRegularExpression::MultilineOption);
        if (const auto t = titleLine.match(match.captured(1)); t.hasMatch())
            title = t.captured(1).trimmed();
        text = text.mid(match.capturedLength());
    }
    return Law{file, title, text};
}

/// The span of "§ N" / "Art N" in a law: from its heading line to the next heading.
std::pair<int, int> unitSpan(const QString& text, const QString& unit)
{
    const QString number = unit.section(u' ', 1);
    const QString pattern = unit.startsWith(u"Art"_s) ? u"^#+ Art\\.? %1\\b"_s : u"^#+ § %1\\b"_s;
    const QRegularExpression heading(pattern.arg(QRegularExpression::escape(number)), QRegularExpression::MultilineOption);
    const auto match = heading.match(text);
    if (!match.hasMatch())
        return {-1, -1};
    static const QRegularExpression nextHeading(u"^#"_s, QRegularExpression::MultilineOption);
    const auto next = nextHeading.match(text, match.capturedEnd());
    return {static_cast<int>(match.capturedStart()), next.hasMatch() ? static_cast<int>(next.capturedStart()) : static_cast<int>(text.size())};
}

bool answers(const Place& place, const Question& question)
{
    if (place.file != question.file)
        return false;
    const int overlap = std::min(place.end, question.end) - std::max(place.start, question.start);
    return overlap >= std::min(100, question.end - question.start);
}

/// An index with one document per law and its chunks; remembers where each chunk came from.
struct ChunkedIndex {
    BenchIndex index;
    QHash<qint64, Place> places;
    qint64 chunks = 0;

    bool add(const Law& law, const QList<chunking::Chunk>& pieces)
    {
        const qint64 document = index.addDocument(law.file);
        QSqlQuery plain(index.db());
        plain.prepare(u"INSERT INTO plain(rowid, body) VALUES (?, ?)"_s);
        for (const chunking::Chunk& piece : pieces) {
            const QString heading = piece.headingPath.join(u" › "_s);
            const qint64 id = index.addChunk(document, piece.ordinal, heading, piece.text);
            plain.addBindValue(id);
            plain.addBindValue(heading.isEmpty() ? piece.text : heading + u'\n' + piece.text);
            if (id == 0 || !plain.exec()) {
                std::fprintf(stderr, "%s chunk %d: %s\n", qPrintable(law.file), piece.ordinal,
                             qPrintable(id == 0 ? u"chunk row refused"_s : plain.lastError().text()));
                return false;
            }
            places.insert(id, Place{law.file, piece.start, piece.end});
            ++chunks;
        }
        return true;
    }
};

QList<chunking::Chunk> fixedChunks(const QString& text)
{
    QList<chunking::Chunk> pieces;
    for (int at = 0; at < text.size(); at += kFixedChunkChars) {
        chunking::Chunk piece;
        piece.ordinal = static_cast<int>(pieces.size());
        piece.start = at;
        piece.end = std::min(static_cast<int>(text.size()), at + kFixedChunkChars);
        piece.text = text.mid(at, piece.end - at);
        pieces.append(piece);
    }
    return pieces;
}


using Search = std::function<QList<qint64>(const QString&)>;

void evaluate(const QString& system, const QString& chunking, const ChunkedIndex& index, const QList<Question>& questions,
              const Search& search, bool details)
{
    double r1 = 0, r5 = 0, r10 = 0, mrr = 0;
    QElapsedTimer timer;
    timer.start();
    qint64 searching = 0;
    for (const Question& question : questions) {
        const qint64 before = timer.nsecsElapsed();
        const QList<qint64> ranking = search(question.text);
        searching += timer.nsecsElapsed() - before;
        int rank = -1;
        for (int i = 0; i < ranking.size() && i < 10 && rank < 0; ++i) {
            if (answers(index.places.value(ranking[i]), question))
                rank = i;
        }
        if (details)
            std::fprintf(stderr, "%s/%s\t%d\t%s\n", qPrintable(system), qPrintable(chunking), rank, qPrintable(question.text));
        if (rank < 0)
            continue;
        r1 += rank < 1, r5 += rank < 5, r10 += 1;
        mrr += 1.0 / (rank + 1);
    }
    const double n = std::max<qsizetype>(questions.size(), 1);
    JsonLine()
        .add(u"bench"_s, u"legal-retrieval"_s)
        .add(u"system"_s, system)
        .add(u"chunking"_s, chunking)
        .add(u"questions"_s, static_cast<qint64>(questions.size()))
        .add(u"chunks"_s, index.chunks)
        .add(u"r1"_s, r1 / n)
        .add(u"r5"_s, r5 / n)
        .add(u"r10"_s, r10 / n)
        .add(u"mrr10"_s, mrr / n)
        .add(u"ms_per_query"_s, static_cast<double>(searching) / 1e6 / n, 2)
        .print();
}

} // namespace

int legalRetrieval(const QStringList& arguments)
{
    const Options options(arguments);
    if (const QStringList unknown = options.unknown({u"laws"_s, u"questions"_s, u"details"_s, u"all-laws"_s}); !unknown.isEmpty())
        return failWith(u"unknown option %1"_s.arg(unknown.front()));
    const QDir lawDir(options.text(u"laws"_s, corpusDir() + u"/gesetze"_s));
    const QString questionFile = options.text(u"questions"_s, QStringLiteral(GENIUS_BENCH_DATA_DIR "/legal_questions.tsv"));

    // --all-laws: every law of the corpus (about 300) as distractors, for a larger index.
    QStringList files;
    for (const char* file : kLaws)
        files.append(QString::fromUtf8(file));
    if (options.has(u"all-laws"_s)) {
        for (const QString& file : lawDir.entryList({u"*.md"_s}, QDir::Files, QDir::Name))
            if (!files.contains(file))
                files.append(file);
    }
    QHash<QString, Law> laws;
    for (const QString& file : files) {
        const Law law = readLaw(lawDir.filePath(file), file);
        if (law.text.isEmpty())
            return failWith(u"cannot read %1"_s.arg(lawDir.filePath(file)));
        laws.insert(law.file, law);
    }
    QList<Question> questions;
    QFile input(questionFile);
    if (!input.open(QIODevice::ReadOnly))
        return failWith(u"cannot read %1"_s.arg(questionFile));
    while (!input.atEnd()) {
        const QString line = QString::fromUtf8(input.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u'\t');
        if (fields.size() != 3 || !laws.contains(fields[1]))
            return failWith(u"bad question line: %1"_s.arg(line));
        const auto [start, end] = unitSpan(laws[fields[1]].text, fields[2]);
        if (start < 0)
            return failWith(u"%1 has no %2"_s.arg(fields[1], fields[2]));
        questions.append(Question{fields[0], fields[1], start, end});
    }

    ChunkedIndex structured, fixed;
    for (ChunkedIndex* index : {&structured, &fixed}) {
        if (!index->index.error().isEmpty())
            return failWith(index->index.error());
        QSqlQuery create(index->index.db());
        if (!create.exec(u"CREATE VIRTUAL TABLE plain USING fts5(body)"_s))
            return failWith(u"cannot create the plain FTS5 table"_s);
        index->index.db().transaction();
    }
    for (const QString& file : files) { // in a fixed order: chunk ids break score ties
        const Law& law = laws[file];
        chunking::ChunkSource source;
        source.title = law.title;
        source.pages = {law.text};
        source.paged = false;
        source.markdown = true;
        if (!structured.add(law, chunking::chunkDocument(source)) || !fixed.add(law, fixedChunks(law.text)))
            return failWith(u"cannot index %1"_s.arg(law.file));
    }
    for (ChunkedIndex* index : {&structured, &fixed})
        index->index.db().commit();

    const bool details = options.has(u"details"_s);
    for (ChunkedIndex* index : {&structured, &fixed}) {
        const QString chunking = index == &structured ? u"structure-aware"_s : u"fixed-1000"_s;
        index::Retriever retriever(index->index.db());
        evaluate(u"ours"_s, chunking, *index, questions, [&](const QString& question) {
            QList<qint64> ids;
            if (const auto hits = retriever.lexical(question, {}, 10))
                for (const auto& hit : *hits)
                    ids.append(hit.chunkId);
            return ids;
        }, details);
        if (index == &structured) {
            // Ablation on this held-out set (the defaults were tuned on GermanQuAD only).
            auto tuning = retriever.lexicalTuning();
            tuning.trigramWeight = 0.0;
            retriever.setLexicalTuning(tuning);
            evaluate(u"ours:-trigram"_s, chunking, *index, questions, [&](const QString& question) {
                QList<qint64> ids;
                if (const auto hits = retriever.lexical(question, {}, 10))
                    for (const auto& hit : *hits)
                        ids.append(hit.chunkId);
                return ids;
            }, details);
        }
        evaluate(u"plain-fts5"_s, chunking, *index, questions, [&](const QString& question) {
            QList<qint64> ids;
            QSqlQuery query(index->index.db());
            query.prepare(u"SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 10"_s);
            query.addBindValue(plainQuery(question));
            if (query.exec())
                while (query.next())
                    ids.append(query.value(0).toLongLong());
            return ids;
        }, details);
    }
    return 0;
}

} // namespace genius::bench
