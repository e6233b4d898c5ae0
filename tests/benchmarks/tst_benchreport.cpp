// The benchmark report: figures land beside their references, targets are judged from the
// figures (not written in), and measures that did not run are named.
#include "benchreport.h"

#include <QJsonDocument>
#include <QTest>

using namespace genius::bench;
using namespace Qt::StringLiterals;

namespace {

QJsonObject line(const char* json)
{
    return QJsonDocument::fromJson(json).object();
}

/// The table row of `report` that starts with `first` (empty when there is none).
QString rowStartingWith(const QString& report, const QString& first)
{
    for (const QString& row : report.split(u'\n')) {
        if (row.startsWith(u"| "_s + first + u" |"_s))
            return row;
    }
    return {};
}

} // namespace

class TestBenchReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void machineFactsAndMissingMeasuresAreListed()
    {
        const QString report = benchmarkReport({line(R"({"bench":"startup","ms":65.5,"bare_window_ms":3.4,"peak_rss_mb":120})")},
                                               {{u"CPU"_s, u"2 × Test CPU"_s}, {u"Qt"_s, u"6.4.2"_s}});
        QVERIFY(report.startsWith(u"# Benchmarks\n"_s));
        QCOMPARE(rowStartingWith(report, u"CPU"_s), u"| CPU | 2 × Test CPU |"_s);
        QCOMPARE(rowStartingWith(report, u"Start-up to the main window"_s),
                 u"| Start-up to the main window | 66 ms | empty window 3.4 ms | < 1 s | **met** |"_s);
        QVERIFY(report.contains(u"Not run in this report: `import-pdf`, `import-ocr`, `search-latency`, "_s));
        QVERIFY(!report.contains(u"`stream-render`"_s + u","_s)); // the start-up line belongs to that section
    }

    void targetsAreJudgedFromTheFigures()
    {
        const QList<QJsonObject> results = {
            line(R"({"bench":"import-pdf","files":7,"pages":341,"chunks":974,"failed":0,"ours_s":1.4,"pdftotext_s":0.9,"pdftotext_parallel_s":0.6,"ratio":1.556,"pages_per_s":243,"peak_rss_mb":150,"pdftotext_peak_rss_mb":30})"),
            line(R"({"bench":"import-pdf","files":7,"pages":341,"chunks":974,"failed":0,"ours_s":0.8,"pdftotext_s":0.9,"pdftotext_parallel_s":0.6,"ratio":0.889,"pages_per_s":426,"peak_rss_mb":150,"pdftotext_peak_rss_mb":30})"),
            line(R"({"bench":"import-pdf","files":7,"pages":341,"chunks":974,"failed":0,"ours_s":1.5,"pdftotext_s":0.9,"pdftotext_parallel_s":0.6,"ratio":1.667,"pages_per_s":227,"peak_rss_mb":150,"pdftotext_peak_rss_mb":30})"),
            line(R"({"bench":"vector-search","chunks":100000,"dim":256,"k":10,"threads":2,"kernel":"avx2","p50_ms":2.0,"p95_ms":3.0,"floor_ms":1.8,"ratio_to_floor":1.111,"bandwidth_gbs":14.2,"index_bytes":80000000,"float32_bytes":102400000,"recall_at_k_vs_float32":1.0})"),
            line(R"({"bench":"vector-search","chunks":100000,"dim":1024,"k":10,"threads":2,"kernel":"avx2","p50_ms":9.0,"p95_ms":11.0,"floor_ms":7.0,"ratio_to_floor":1.286,"bandwidth_gbs":14.2,"index_bytes":310000000,"float32_bytes":409600000,"recall_at_k_vs_float32":1.0})"),
            line(R"({"bench":"retrieval","system":"plain-fts5","queries":2204,"r1":0.8435,"r5":0.9483,"r10":0.9646,"mrr10":0.8889,"test_r1":0.85,"ms_per_query":1.7})"),
            line(R"({"bench":"retrieval","system":"ours","queries":2204,"r1":0.9061,"r5":0.9796,"r10":0.9914,"mrr10":0.9387,"test_r1":0.912,"ms_per_query":2.9})"),
        };
        const QString report = benchmarkReport(results, {});
        // The median ratio of the three runs (1.556), not the best or the last one.
        QCOMPARE(rowStartingWith(report, u"Import of text PDFs (341 pages), median of 3"_s),
                 u"| Import of text PDFs (341 pages), median of 3 | 1.40 s | `pdftotext` 0.90 s | ≤ 1.0 × `pdftotext` | **not met** (1.56 ×) |"_s);
        QCOMPARE(rowStartingWith(report, u"Vector search 100,000 × 256 (p50)"_s),
                 u"| Vector search 100,000 × 256 (p50) | 2.00 ms | memory-bandwidth floor 1.80 ms | ≤ 1.2 × floor | **met** (1.11 ×) |"_s);
        QVERIFY(rowStartingWith(report, u"Vector search 100,000 × 1024 (p50)"_s).endsWith(u"| **not met** (1.29 ×) |"_s));
        QCOMPARE(rowStartingWith(report, u"GermanQuAD retrieval R@1"_s),
                 u"| GermanQuAD retrieval R@1 | 0.906 | plain FTS5 0.844 | ≥ 0.90 | **met** |"_s);
        // Every run keeps its own row in the detail table, beside its reference.
        QCOMPARE(rowStartingWith(report, u"2"_s), u"| 2 | 0.80 s | 0.90 s | 0.60 s | 0.89 | 426 | 150 MB | 30 MB | 0 |"_s);
    }

    void evidenceGateIsOneRowPerRuleWithTheSetsSideBySide()
    {
        const QList<QJsonObject> results = {
            line(R"({"bench":"evidence-gate","rule":"naive:any-hit","set":"answerable","passed":1.0,"passed_right_unit":0.8333})"),
            line(R"({"bench":"evidence-gate","rule":"naive:any-hit","set":"unanswerable","rejected":0.0})"),
            line(R"({"bench":"evidence-gate","rule":"naive:any-hit","set":"withheld-own-law","rejected":0.0})"),
            line(R"({"bench":"evidence-gate","rule":"gate","set":"answerable","passed":0.9074,"passed_right_unit":0.7963})"),
            line(R"({"bench":"evidence-gate","rule":"gate","set":"unanswerable","rejected":0.6923})"),
            line(R"({"bench":"evidence-gate","rule":"gate","set":"withheld-own-law","rejected":0.2037})"),
            line(R"({"bench":"evidence-gate","rule":"gate:sweep","threshold":0.6,"set":"unanswerable","rejected":0.7885})"),
        };
        const QString report = benchmarkReport(results, {});
        QCOMPARE(rowStartingWith(report, u"gate"_s), u"| gate | 0.907 | 0.796 | 0.692 | 0.204 |"_s);
        QCOMPARE(rowStartingWith(report, u"naive:any-hit"_s), u"| naive:any-hit | 1.000 | 0.833 | 0.000 | 0.000 |"_s);
        QVERIFY(rowStartingWith(report, u"gate:sweep at 0.6"_s).contains(u"| 0.788 |"_s));
        QCOMPARE(rowStartingWith(report, u"Evidence gate: unanswerable rejected / right answers kept"_s),
                 u"| Evidence gate: unanswerable rejected / right answers kept | 0.692 / 0.796 | naive 0.000 / 0.833 | — | — |"_s);
    }

    void storeFiguresStandBesideTheirCopyFloors()
    {
        const QString report = benchmarkReport(
            { line(
                R"({"bench":"store-publish","statutes":30,"pages":30,"chunks":4210,"dim":1024,"megabytes":41.3,"publish_s":6.5,"copy_in_s":2.5,"sync_s":3.0,"copy_out_s":1.2,"import_s":4.0})") },
            {});
        QCOMPARE(rowStartingWith(report, u"Publishing 30 statutes to the shared store"_s),
            u"| Publishing 30 statutes to the shared store | 6.50 s | `COPY` 2.50 s | — | 2.60 × |"_s);
        QCOMPARE(rowStartingWith(report, u"Syncing them into an empty profile"_s),
            u"| Syncing them into an empty profile | 3.00 s | local import 4.00 s | — | 0.75 × |"_s);
        QVERIFY(rowStartingWith(report, u"staff sync into an empty profile"_s).endsWith(u"| 2.50 |"_s));
        QVERIFY(report.contains(u"30 statutes (4,210 passages, 1024-dimensional vectors; 41.3 MB as CSV)"_s));
    }
};

QTEST_GUILESS_MAIN(TestBenchReport)
#include "tst_benchreport.moc"
