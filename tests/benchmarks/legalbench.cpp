// legal-retrieval: questions a case worker asks, over 30 federal laws. Our retrieval over
// structure-aware chunks (chunking::chunkDocument) against plain FTS5 over fixed 1000-character
// chunks, plus the two crossed combinations to separate chunking from ranking.
#include "benchcommands.h"
#include "benchcommon.h"
#include "legalcorpus.h"

#include "core/index/retriever.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include <cstdio>
#include <functional>

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

constexpr int kFixedChunkChars = 1000;

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

void evaluate(const QString& system, const QString& chunking, const ChunkedIndex& index, const QList<LegalQuestion>& questions,
              const Search& search, bool details)
{
    double r1 = 0, r5 = 0, r10 = 0, mrr = 0;
    QElapsedTimer timer;
    timer.start();
    qint64 searching = 0;
    for (const LegalQuestion& question : questions) {
        const qint64 before = timer.nsecsElapsed();
        const QList<qint64> ranking = search(question.text);
        searching += timer.nsecsElapsed() - before;
        int rank = -1;
        for (int i = 0; i < ranking.size() && i < 10 && rank < 0; ++i) {
            if (answers(index.place(ranking[i]), question))
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
        .add(u"chunks"_s, index.chunks())
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
    const QStringList files = lawFiles(lawDir, options.has(u"all-laws"_s));
    const auto laws = readLaws(lawDir, files);
    if (!laws)
        return failWith(laws.error());
    const auto questions = readLegalQuestions(questionFile, *laws);
    if (!questions)
        return failWith(questions.error());

    ChunkedIndex structured(true), fixed(true);
    for (ChunkedIndex* index : {&structured, &fixed}) {
        if (!index->error().isEmpty())
            return failWith(index->error());
    }
    if (const QString failed = structured.addLaws(files, *laws, structuredChunks); !failed.isEmpty())
        return failWith(failed);
    if (const QString failed = fixed.addLaws(files, *laws, [](const Law& law) { return fixedChunks(law.text); });
        !failed.isEmpty())
        return failWith(failed);

    const bool details = options.has(u"details"_s);
    for (ChunkedIndex* index : {&structured, &fixed}) {
        const QString chunking = index == &structured ? u"structure-aware"_s : u"fixed-1000"_s;
        index::Retriever retriever(index->db());
        evaluate(u"ours"_s, chunking, *index, *questions, [&](const QString& question) {
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
            evaluate(u"ours:-trigram"_s, chunking, *index, *questions, [&](const QString& question) {
                QList<qint64> ids;
                if (const auto hits = retriever.lexical(question, {}, 10))
                    for (const auto& hit : *hits)
                        ids.append(hit.chunkId);
                return ids;
            }, details);
        }
        evaluate(u"plain-fts5"_s, chunking, *index, *questions, [&](const QString& question) {
            QList<qint64> ids;
            QSqlQuery query(index->db());
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
