#include "benchreport.h"

#include "benchcommon.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

using Rows = QList<QStringList>;

/// One line of the summary: what was measured, our figure, the reference, the target, the verdict.
struct SummaryLine {
    QString measure;
    QString ours;
    QString reference;
    QString target;
    QString verdict;
};

struct Section {
    QString markdown;
    QList<SummaryLine> summary;
};

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

double number(const QJsonObject& line, const QString& key)
{
    return line.value(key).toDouble();
}

QString text(const QJsonObject& line, const QString& key)
{
    return line.value(key).toString();
}

/// A count with thousands separators: "100,000".
QString count(const QJsonValue& value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value.toInteger());
}

QString percent(double share, int decimals = 2)
{
    return fixed(100.0 * share, decimals) + u" %"_s;
}

QString verdict(bool met)
{
    return met ? u"**met**"_s : u"**not met**"_s;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

QString table(const QStringList& headers, const Rows& rows)
{
    QString out = u"| "_s + headers.join(u" | "_s) + u" |\n|"_s;
    for (qsizetype i = 0; i < headers.size(); ++i)
        out += u"---|"_s;
    out += u'\n';
    for (const QStringList& row : rows)
        out += u"| "_s + row.join(u" | "_s) + u" |\n"_s;
    return out;
}

QList<QJsonObject> linesOf(const QList<QJsonObject>& results, const QString& bench,
                           const std::function<bool(const QJsonObject&)>& keep = {})
{
    QList<QJsonObject> lines;
    for (const QJsonObject& line : results) {
        if (text(line, u"bench"_s) == bench && (!keep || keep(line)))
            lines.append(line);
    }
    return lines;
}

QString heading(const QString& title, const QString& command)
{
    return u"\n## "_s + title + u" — `genius-bench "_s + command + u"`\n\n"_s;
}

Section importPdf(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> runs = linesOf(results, u"import-pdf"_s);
    if (runs.isEmpty())
        return {};
    Rows rows;
    QList<double> ours, reference, ratios;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QJsonObject& run = runs[i];
        ours << number(run, u"ours_s"_s);
        reference << number(run, u"pdftotext_s"_s);
        ratios << number(run, u"ratio"_s);
        rows << QStringList {QString::number(i + 1), fixed(number(run, u"ours_s"_s), 2) + u" s"_s,
                             fixed(number(run, u"pdftotext_s"_s), 2) + u" s"_s,
                             fixed(number(run, u"pdftotext_parallel_s"_s), 2) + u" s"_s,
                             fixed(number(run, u"ratio"_s), 2), fixed(number(run, u"pages_per_s"_s), 0),
                             fixed(number(run, u"peak_rss_mb"_s), 0) + u" MB"_s,
                             fixed(number(run, u"pdftotext_peak_rss_mb"_s), 0) + u" MB"_s,
                             QString::number(run.value(u"failed"_s).toInt())};
    }
    const QJsonObject& first = runs.front();
    Section section;
    section.markdown = heading(u"Import of text PDFs"_s, u"import-pdf"_s)
        + u"%1 PDFs (%2 pages, %3 passages): our import queue (both cores; text with word boxes, header and "
           "footer removal, chunking, both FTS5 indexes, one transaction per page) against `pdftotext` on the "
           "same files (text only), one process per file and one per core.\n\n"_s
              .arg(first.value(u"files"_s).toInt())
              .arg(first.value(u"pages"_s).toInt())
              .arg(first.value(u"chunks"_s).toInt())
        + table({u"run"_s, u"ours"_s, u"`pdftotext` per file"_s, u"`pdftotext` per core"_s, u"ratio"_s,
                 u"pages/s"_s, u"peak memory"_s, u"`pdftotext` peak"_s, u"failed"_s},
                rows);
    const double ratio = median(ratios);
    section.summary << SummaryLine {u"Import of text PDFs (%1 pages), median of %2"_s.arg(first.value(u"pages"_s).toInt()).arg(runs.size()),
                                    fixed(median(ours), 2) + u" s"_s, u"`pdftotext` "_s + fixed(median(reference), 2) + u" s"_s,
                                    u"≤ 1.0 × `pdftotext`"_s, verdict(ratio <= 1.0) + u" ("_s + fixed(ratio, 2) + u" ×)"_s};
    return section;
}

Section importOcr(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> runs = linesOf(results, u"import-ocr"_s);
    if (runs.isEmpty())
        return {};
    Rows rows;
    for (const QJsonObject& run : runs) {
        rows << QStringList {fixed(number(run, u"ours_s"_s), 1) + u" s"_s, fixed(number(run, u"cli_pipeline_s"_s), 1) + u" s"_s,
                             fixed(number(run, u"ratio"_s), 2), fixed(number(run, u"s_per_page"_s), 2),
                             percent(number(run, u"cer"_s)), percent(number(run, u"cli_cer"_s)),
                             fixed(number(run, u"mean_confidence"_s), 1), fixed(number(run, u"peak_rss_mb"_s), 0) + u" MB"_s,
                             fixed(number(run, u"cli_peak_rss_mb"_s), 0) + u" MB"_s};
    }
    const QJsonObject& last = runs.back();
    Section section;
    section.markdown = heading(u"OCR import of scans"_s, u"import-ocr"_s)
        + u"%1 scanned PDFs (%2 pages, %3 through OCR) against the command-line pipeline `pdftoppm -r 300 -gray` + "
           "`tesseract -l deu+eng`, one process per core, `OMP_THREAD_LIMIT=1` for both; character error rate "
           "(Levenshtein, whitespace collapsed) against the ground truth.\n\n"_s
              .arg(last.value(u"files"_s).toInt())
              .arg(last.value(u"pages"_s).toInt())
              .arg(last.value(u"ocr_pages"_s).toInt())
        + table({u"ours"_s, u"CLI pipeline"_s, u"ratio"_s, u"s/page"_s, u"CER ours"_s, u"CER CLI"_s,
                 u"mean confidence"_s, u"peak memory"_s, u"`tesseract` peak"_s},
                rows);
    const double ratio = number(last, u"ratio"_s);
    const double cer = number(last, u"cer"_s);
    section.summary << SummaryLine {u"OCR import (%1 pages)"_s.arg(last.value(u"pages"_s).toInt()),
                                    fixed(number(last, u"ours_s"_s), 1) + u" s, CER "_s + percent(cer),
                                    u"CLI pipeline "_s + fixed(number(last, u"cli_pipeline_s"_s), 1) + u" s, CER "_s
                                        + percent(number(last, u"cli_cer"_s)),
                                    u"≤ 1.0 × CLI, CER ≤ 0.5 %"_s,
                                    verdict(ratio <= 1.0 && cer <= 0.005) + u" ("_s + fixed(ratio, 2) + u" ×)"_s};
    return section;
}

Section searchLatency(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> runs = linesOf(results, u"search-latency"_s);
    if (runs.isEmpty())
        return {};
    Rows rows;
    Section section;
    for (const QJsonObject& run : runs) {
        const QString chunks = count(run.value(u"chunks"_s));
        rows << QStringList {chunks, fixed(number(run, u"p50_ms"_s), 2) + u" ms"_s, fixed(number(run, u"p95_ms"_s), 2) + u" ms"_s,
                             fixed(number(run, u"plain_p50_ms"_s), 2) + u" ms"_s,
                             fixed(number(run, u"plain_p95_ms"_s), 2) + u" ms"_s, fixed(number(run, u"ratio_to_plain"_s), 2),
                             fixed(number(run, u"build_s"_s), 1) + u" s / "_s + fixed(number(run, u"plain_build_s"_s), 1) + u" s"_s,
                             fixed(number(run, u"database_mb"_s), 0) + u" MB"_s};
        section.summary << SummaryLine {u"Lexical search, %1 passages (p50)"_s.arg(chunks), fixed(number(run, u"p50_ms"_s), 2) + u" ms"_s,
                                        u"plain FTS5 "_s + fixed(number(run, u"plain_p50_ms"_s), 2) + u" ms"_s, u"—"_s,
                                        fixed(number(run, u"ratio_to_plain"_s), 2) + u" ×"_s};
    }
    section.markdown = heading(u"Lexical search latency"_s, u"search-latency --chunks N"_s)
        + u"The structure-aware chunks of the statutes of the corpus, repeated up to N passages, in one index file; "
           "the 54 statute questions, %1 timed searches each (after a warm-up pass). Ours: `Retriever::lexical` "
           "(German stemming, trigram side, proximity, top 10). Reference: plain FTS5 over the same passages in the "
           "same file (SQLite's default tokenizer, OR of the words, bm25, top 10). Build = indexing ours / plain.\n\n"_s
              .arg(runs.front().value(u"queries"_s).toInt())
        + table({u"passages"_s, u"p50"_s, u"p95"_s, u"plain p50"_s, u"plain p95"_s, u"p50 / plain"_s, u"build"_s, u"file"_s}, rows);
    return section;
}

Section vectorSearch(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> runs = linesOf(results, u"vector-search"_s);
    if (runs.isEmpty())
        return {};
    Rows rows;
    Section section;
    for (const QJsonObject& run : runs) {
        const QString size = count(run.value(u"chunks"_s)) + u" × "_s
            + QString::number(run.value(u"dim"_s).toInt());
        const double ratio = number(run, u"ratio_to_floor"_s);
        rows << QStringList {size, fixed(number(run, u"p50_ms"_s), 2) + u" ms"_s, fixed(number(run, u"p95_ms"_s), 2) + u" ms"_s,
                             fixed(number(run, u"floor_ms"_s), 2) + u" ms"_s, fixed(ratio, 2),
                             fixed(number(run, u"bandwidth_gbs"_s), 1) + u" GB/s"_s,
                             fixed(number(run, u"index_bytes"_s) / 1e6, 0) + u" MB ("_s
                                 + fixed(number(run, u"float32_bytes"_s) / 1e6, 0) + u" MB)"_s,
                             fixed(number(run, u"recall_at_k_vs_float32"_s), 3), text(run, u"kernel"_s)};
        section.summary << SummaryLine {u"Vector search %1 (p50)"_s.arg(size), fixed(number(run, u"p50_ms"_s), 2) + u" ms"_s,
                                        u"memory-bandwidth floor "_s + fixed(number(run, u"floor_ms"_s), 2) + u" ms"_s,
                                        u"≤ 1.2 × floor"_s, verdict(ratio <= 1.2) + u" ("_s + fixed(ratio, 2) + u" ×)"_s};
    }
    section.markdown = heading(u"Exact vector search"_s, u"vector-search --chunks N --dim D"_s)
        + u"int8 codes streamed by the SIMD kernel on every core, float16 rescoring; the floor is the bytes a "
           "query reads divided by the bandwidth of a streaming read measured in the same process with the same "
           "threads. Memory: the index (float32 would need). Recall@10 against float32 brute force.\n\n"_s
        + table({u"chunks × dim"_s, u"p50"_s, u"p95"_s, u"floor"_s, u"p50 / floor"_s, u"bandwidth"_s, u"memory"_s,
                 u"recall@10"_s, u"kernel"_s},
                rows);
    return section;
}

Section retrieval(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> lines = linesOf(results, u"retrieval"_s);
    if (lines.isEmpty())
        return {};
    Rows rows;
    QJsonObject ours, plain;
    for (const QJsonObject& line : lines) {
        const QString system = text(line, u"system"_s);
        if (system == u"ours")
            ours = line;
        else if (system == u"plain-fts5")
            plain = line;
        const bool bold = system == u"ours" || system == u"plain-fts5";
        rows << QStringList {bold ? u"**"_s + system + u"**"_s : system, fixed(number(line, u"r1"_s), 4),
                             fixed(number(line, u"r5"_s), 4), fixed(number(line, u"r10"_s), 4), fixed(number(line, u"mrr10"_s), 4),
                             fixed(number(line, u"test_r1"_s), 4), fixed(number(line, u"ms_per_query"_s), 2)};
    }
    Section section;
    section.markdown = heading(u"Retrieval quality, GermanQuAD"_s, u"retrieval"_s)
        + u"%1 questions, one passage each relevant. Reference: plain FTS5 (unicode61, OR of the words, bm25; "
           "anchor R@1 0.84, MRR@10 0.889). `ours:+…` lines add one ingredient at a time, `ours:-…` take one "
           "away from the defaults (`ours`). Held-out R@1: the odd half of the questions, never used for tuning.\n\n"_s
              .arg(lines.front().value(u"queries"_s).toInt())
        + table({u"system"_s, u"R@1"_s, u"R@5"_s, u"R@10"_s, u"MRR@10"_s, u"held-out R@1"_s, u"ms/query"_s}, rows);
    if (!ours.isEmpty()) {
        const double r1 = number(ours, u"r1"_s);
        section.summary << SummaryLine {u"GermanQuAD retrieval R@1"_s, fixed(r1, 3),
                                        u"plain FTS5 "_s + fixed(number(plain, u"r1"_s), 3), u"≥ 0.90"_s, verdict(r1 >= 0.90)};
    }
    return section;
}

Section legalRetrieval(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> lines = linesOf(results, u"legal-retrieval"_s);
    if (lines.isEmpty())
        return {};
    Rows rows;
    QJsonObject ours, naive;
    for (const QJsonObject& line : lines) {
        const QString system = text(line, u"system"_s);
        const QString chunking = text(line, u"chunking"_s);
        if (system == u"ours" && chunking == u"structure-aware")
            ours = line;
        else if (system == u"plain-fts5" && chunking == u"fixed-1000")
            naive = line;
        rows << QStringList {system, chunking, QString::number(line.value(u"chunks"_s).toInt()), fixed(number(line, u"r1"_s), 3),
                             fixed(number(line, u"r5"_s), 3), fixed(number(line, u"r10"_s), 3), fixed(number(line, u"mrr10"_s), 3),
                             fixed(number(line, u"ms_per_query"_s), 1)};
    }
    Section section;
    section.markdown = heading(u"German statute questions"_s, u"legal-retrieval"_s)
        + u"%1 questions as a case worker asks them (`tests/benchmarks/data/legal_questions.tsv`) over 30 federal "
           "laws; a hit is a passage of the right law overlapping the expected § / Art. Reference: plain FTS5 over "
           "fixed 1000-character chunks (the naive system).\n\n"_s
              .arg(lines.front().value(u"questions"_s).toInt())
        + table({u"system"_s, u"chunks"_s, u"passages"_s, u"R@1"_s, u"R@5"_s, u"R@10"_s, u"MRR@10"_s, u"ms/query"_s}, rows);
    if (!ours.isEmpty() && !naive.isEmpty()) {
        const bool better = number(ours, u"r1"_s) > number(naive, u"r1"_s) && number(ours, u"mrr10"_s) > number(naive, u"mrr10"_s);
        section.summary << SummaryLine {u"Statute questions R@1 / MRR@10"_s,
                                        fixed(number(ours, u"r1"_s), 3) + u" / "_s + fixed(number(ours, u"mrr10"_s), 3),
                                        u"naive FTS5 "_s + fixed(number(naive, u"r1"_s), 3) + u" / "_s + fixed(number(naive, u"mrr10"_s), 3),
                                        u"better than naive"_s, verdict(better)};
    }
    return section;
}

Section evidenceGate(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> lines = linesOf(results, u"evidence-gate"_s);
    if (lines.isEmpty())
        return {};
    // One row per rule (and threshold), one column per set.
    QStringList order;
    QHash<QString, QHash<QString, QJsonObject>> byRule;
    Rows coverage;
    for (const QJsonObject& line : lines) {
        const QString rule = text(line, u"rule"_s);
        if (rule == u"coverage") {
            coverage << QStringList {text(line, u"set"_s), fixed(number(line, u"p10"_s), 2), fixed(number(line, u"p50"_s), 2),
                                     fixed(number(line, u"p90"_s), 2), fixed(number(line, u"gate_ms_per_question"_s), 2)};
            continue;
        }
        const QString name = line.contains(u"threshold"_s) ? rule + u" at "_s + fixed(number(line, u"threshold"_s), 1) : rule;
        if (!order.contains(name))
            order << name;
        byRule[name].insert(text(line, u"set"_s), line);
    }
    Rows rows;
    for (const QString& name : std::as_const(order)) {
        const auto& sets = byRule[name];
        const QJsonObject answerable = sets.value(u"answerable"_s);
        rows << QStringList {name, fixed(number(answerable, u"passed"_s), 3), fixed(number(answerable, u"passed_right_unit"_s), 3),
                             fixed(number(sets.value(u"unanswerable"_s), u"rejected"_s), 3),
                             fixed(number(sets.value(u"withheld-own-law"_s), u"rejected"_s), 3)};
    }
    Section section;
    section.markdown = heading(u"Evidence gate"_s, u"evidence-gate"_s)
        + u"Does the index hold an answer at all? The statute questions (answerable), 52 questions the laws do "
           "not answer, and the statute questions with their own law withheld. Reference: the naive rule (answer "
           "whenever retrieval returns anything).\n\n"_s
        + table({u"rule"_s, u"answerable let through"_s, u"… with the right § kept"_s, u"unanswerable rejected"_s,
                 u"withheld rejected"_s},
                rows)
        + u"\nCoverage of the question's terms in the top hits:\n\n"_s
        + table({u"set"_s, u"p10"_s, u"median"_s, u"p90"_s, u"gate ms/question"_s}, coverage);
    const auto gate = byRule.value(u"gate"_s);
    const auto naive = byRule.value(u"naive:any-hit"_s);
    if (!gate.isEmpty() && !naive.isEmpty()) {
        section.summary << SummaryLine {
            u"Evidence gate: unanswerable rejected / right answers kept"_s,
            fixed(number(gate.value(u"unanswerable"_s), u"rejected"_s), 3) + u" / "_s
                + fixed(number(gate.value(u"answerable"_s), u"passed_right_unit"_s), 3),
            u"naive "_s + fixed(number(naive.value(u"unanswerable"_s), u"rejected"_s), 3) + u" / "_s
                + fixed(number(naive.value(u"answerable"_s), u"passed_right_unit"_s), 3),
            u"—"_s, u"—"_s};
    }
    return section;
}

Section tokenizer(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> lines = linesOf(results, u"tokenizer"_s);
    if (lines.isEmpty())
        return {};
    Rows rows;
    for (const QJsonObject& line : lines) {
        const QString name = text(line, u"tokenizer"_s);
        rows << QStringList {name.startsWith(u"genius_"_s) ? u"ours: "_s + name : u"SQLite: "_s + name,
                             fixed(number(line, u"mb_per_s"_s), 1) + u" MB/s"_s, fixed(number(line, u"seconds"_s), 2) + u" s"_s};
    }
    Section section;
    section.markdown = heading(u"FTS5 indexing throughput"_s, u"tokenizer"_s)
        + u"%1 MB of statutes in %2 rows, one transaction per tokenizer; SQLite's own tokenizers are the "
           "reference.\n\n"_s
              .arg(fixed(number(lines.front(), u"mb"_s), 1))
              .arg(lines.front().value(u"rows"_s).toInt())
        + table({u"tokenizer"_s, u"throughput"_s, u"time"_s}, rows);
    return section;
}

Section storePublish(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> lines = linesOf(results, u"store-publish"_s);
    if (lines.isEmpty())
        return {};
    const QJsonObject& line = lines.back();
    const double publish = number(line, u"publish_s"_s);
    const double copyIn = number(line, u"copy_in_s"_s);
    const double sync = number(line, u"sync_s"_s);
    const double copyOut = number(line, u"copy_out_s"_s);
    const Rows rows {
        { u"publishing (`import --collection --store`)"_s, fixed(publish, 2) + u" s"_s,
            u"`COPY` into plain tables: "_s + fixed(copyIn, 2) + u" s"_s, fixed(publish / copyIn, 2) },
        { u"staff sync into an empty profile"_s, fixed(sync, 2) + u" s"_s,
            u"`COPY` out of the store: "_s + fixed(copyOut, 2) + u" s"_s, fixed(sync / copyOut, 2) },
        { u"staff sync into an empty profile"_s, fixed(sync, 2) + u" s"_s,
            u"importing the same files locally, with their vectors: "_s + fixed(number(line, u"import_s"_s), 2)
                + u" s"_s,
            fixed(sync / number(line, u"import_s"_s), 2) },
    };
    Section section;
    section.markdown = heading(u"Shared store: publishing and syncing"_s, u"store-publish"_s)
        + u"%1 statutes (%2 passages, %3-dimensional vectors; %4 MB as CSV) published by a data manager into a "
          "throwaway PostgreSQL 15 cluster on loopback, one transaction per statute, then synced by a staff "
          "member into an empty profile (pages, passages, vectors, originals). The floors move the same rows with "
          "PostgreSQL's `COPY` through `psql`: into plain tables of the same columns (with the German `tsvector` "
          "and its GIN index) and out of the store's tables. A sync also builds the profile's full-text "
          "indexes, so it stands beside a local import of the same files as well.\n\n"_s
              .arg(line.value(u"statutes"_s).toInt())
              .arg(count(line.value(u"chunks"_s)))
              .arg(line.value(u"dim"_s).toInt())
              .arg(fixed(number(line, u"megabytes"_s), 1))
        + table({ u"step"_s, u"ours"_s, u"floor in the same run"_s, u"ratio"_s }, rows);
    section.summary << SummaryLine { u"Publishing %1 statutes to the shared store"_s.arg(
                                         line.value(u"statutes"_s).toInt()),
        fixed(publish, 2) + u" s"_s, u"`COPY` "_s + fixed(copyIn, 2) + u" s"_s, u"—"_s,
        fixed(publish / copyIn, 2) + u" ×"_s };
    section.summary << SummaryLine { u"Syncing them into an empty profile"_s, fixed(sync, 2) + u" s"_s,
        u"local import "_s + fixed(number(line, u"import_s"_s), 2) + u" s"_s, u"—"_s,
        fixed(sync / number(line, u"import_s"_s), 2) + u" ×"_s };
    return section;
}

Section streamAndStartup(const QList<QJsonObject>& results)
{
    const QList<QJsonObject> streams = linesOf(results, u"stream-render"_s);
    const QList<QJsonObject> startups = linesOf(results, u"startup"_s);
    if (streams.isEmpty() && startups.isEmpty())
        return {};
    Rows rows;
    for (const QJsonObject& line : streams) {
        rows << QStringList {u"`stream-render --tokens %1`"_s.arg(line.value(u"tokens"_s).toInt()),
                             fixed(number(line, u"us_per_token"_s), 1) + u" µs per token ("_s + fixed(number(line, u"cpu_ms"_s), 0)
                                 + u" ms CPU)"_s,
                             u"whole answer converted once: "_s + fixed(number(line, u"whole_once_ms"_s), 1) + u" ms"_s};
    }
    for (const QJsonObject& line : startups) {
        rows << QStringList {u"`startup`"_s,
                             fixed(number(line, u"ms"_s), 0) + u" ms, peak memory "_s + fixed(number(line, u"peak_rss_mb"_s), 0) + u" MB"_s,
                             u"an empty window shown: "_s + fixed(number(line, u"bare_window_ms"_s), 1) + u" ms"_s};
    }
    Section section;
    section.markdown = heading(u"Streamed answers and start-up"_s, u"stream-render, startup"_s)
        + u"Offscreen. A streamed answer is rendered every 16 tokens; the cost per token must stay flat as the "
           "answer grows. Start-up: services, index, conversations and the main window shown.\n\n"_s
        + table({u"bench"_s, u"ours"_s, u"reference in the same run"_s}, rows);
    if (streams.size() >= 2) {
        const QJsonObject& shortest = streams.front();
        const QJsonObject& longest = streams.back();
        const double growth = number(longest, u"us_per_token"_s) / number(shortest, u"us_per_token"_s);
        section.summary << SummaryLine {u"Streamed answer, cost per token at %1 vs %2 tokens"_s.arg(longest.value(u"tokens"_s).toInt())
                                            .arg(shortest.value(u"tokens"_s).toInt()),
                                        fixed(number(longest, u"us_per_token"_s), 1) + u" µs"_s,
                                        fixed(number(shortest, u"us_per_token"_s), 1) + u" µs"_s, u"≤ 1.5 ×"_s,
                                        verdict(growth <= 1.5) + u" ("_s + fixed(growth, 2) + u" ×)"_s};
    }
    if (!startups.isEmpty()) {
        const double ms = number(startups.back(), u"ms"_s);
        section.summary << SummaryLine {u"Start-up to the main window"_s, fixed(ms, 0) + u" ms"_s,
                                        u"empty window "_s + fixed(number(startups.back(), u"bare_window_ms"_s), 1) + u" ms"_s,
                                        u"< 1 s"_s, verdict(ms < 1000)};
    }
    return section;
}

} // namespace

QString benchmarkReport(const QList<QJsonObject>& results, const QList<MachineFact>& machine)
{
    const QList<std::pair<QString, std::function<Section(const QList<QJsonObject>&)>>> measures = {
        { u"import-pdf"_s, importPdf },
        { u"import-ocr"_s, importOcr },
        { u"search-latency"_s, searchLatency },
        { u"vector-search"_s, vectorSearch },
        { u"retrieval"_s, retrieval },
        { u"legal-retrieval"_s, legalRetrieval },
        { u"evidence-gate"_s, evidenceGate },
        { u"tokenizer"_s, tokenizer },
        { u"store-publish"_s, storePublish },
        { u"stream-render"_s, streamAndStartup },
    };
    QString details;
    QList<SummaryLine> summary;
    QStringList missing;
    for (const auto& [bench, build] : measures) {
        const Section section = build(results);
        if (section.markdown.isEmpty()) {
            missing << u"`"_s + bench + u"`"_s;
            continue;
        }
        details += section.markdown;
        summary += section.summary;
    }

    Rows machineRows;
    for (const auto& [name, value] : machine)
        machineRows << QStringList {name, value};
    Rows summaryRows;
    for (const SummaryLine& line : std::as_const(summary))
        summaryRows << QStringList {line.measure, line.ours, line.reference, line.target, line.verdict};

    QString out = u"# Benchmarks\n\n"_s
        u"Written by `scripts/bench.sh` (do not edit by hand): every figure stands beside a reference measured in "
        u"the same run on the same machine, so the two move together when the machine is busy. What limits the "
        u"figures and what was tried is discussed in [benchmark-notes.md](benchmark-notes.md); each measure is "
        u"described in [tests/benchmarks/README.md](../tests/benchmarks/README.md).\n\n"
        u"## Machine\n\n"_s
        + table({u"what"_s, u"value"_s}, machineRows) + u"\n## Summary\n\n"_s
        + table({u"measure"_s, u"ours"_s, u"reference (same run)"_s, u"target"_s, u"verdict"_s}, summaryRows);
    if (!missing.isEmpty())
        out += u"\nNot run in this report: "_s + missing.join(u", "_s) + u".\n"_s;
    return out + details;
}

int report(const QStringList& arguments)
{
    const Options options(arguments);
    if (const QStringList unknown = options.unknown({u"results"_s, u"machine"_s}); !unknown.isEmpty())
        return failWith(u"unknown option %1"_s.arg(unknown.front()));
    QFile resultsFile(options.text(u"results"_s));
    if (!resultsFile.open(QIODevice::ReadOnly))
        return failWith(u"cannot read the results file %1"_s.arg(resultsFile.fileName()));
    QList<QJsonObject> results;
    while (!resultsFile.atEnd()) {
        const QJsonDocument line = QJsonDocument::fromJson(resultsFile.readLine());
        if (line.isObject())
            results << line.object();
    }
    QList<MachineFact> machine;
    QFile machineFile(options.text(u"machine"_s));
    if (machineFile.open(QIODevice::ReadOnly)) {
        while (!machineFile.atEnd()) {
            const QString line = QString::fromUtf8(machineFile.readLine()).trimmed();
            const qsizetype colon = line.indexOf(u':');
            if (colon > 0)
                machine << MachineFact {line.left(colon).trimmed(), line.mid(colon + 1).trimmed()};
        }
    }
    std::fputs(benchmarkReport(results, machine).toUtf8().constData(), stdout);
    return 0;
}

} // namespace genius::bench
