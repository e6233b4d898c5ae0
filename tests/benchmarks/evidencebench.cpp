// evidence-gate: how well index::EvidenceGate separates questions the 30 laws of legal-retrieval
// answer from questions they do not. Three sets over the same structure-aware index: the statute
// questions (the gate should let them through, keeping the right §), questions the laws do not
// answer (it should reject them), and the statute questions with their own law withheld (most
// should be rejected). References in the same run: answering whenever retrieval returns anything,
// and the gate at other thresholds.
#include "benchcommands.h"
#include "benchcommon.h"
#include "legalcorpus.h"

#include "core/index/evidence.h"
#include "core/index/retriever.h"

#include <QElapsedTimer>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

constexpr int kTopK = 10;              // what legal-retrieval scores and the research function asks for
constexpr int kDefaultWindow = 5;      // EvidenceGate::evidence's default window, for the coverage figure
constexpr std::array kThresholds = {0.3, 0.4, 0.5, 0.6, 0.7};

/// One question as asked in one set.
struct Probe {
    QString text;
    std::optional<LegalQuestion> expected; ///< the § that answers it (answerable sets)
    index::SearchFilter filter;
};

/// What retrieval and the gate made of one probe.
struct Outcome {
    double coverage = 0.0;        ///< of the top kDefaultWindow hits
    bool retrieved = false;       ///< retrieval returned anything (the naive rule answers)
    bool rightRetrieved = false;  ///< the top kTopK hits hold the expected §
    bool passed = false;          ///< the gate with its defaults let it through
    bool rightKept = false;       ///< ... and its kept hits hold the expected §
    std::array<bool, kThresholds.size()> passedAt{};
    std::array<bool, kThresholds.size()> rightKeptAt{};
    QString firstKept;            ///< law and unit of the first hit the default gate kept
};

struct SetResult {
    QString name;
    QList<Outcome> outcomes;
    qint64 gateNanoseconds = 0;   ///< in the default evidence() calls
};

bool holdsAnswer(const ChunkedIndex& index, const QList<index::SearchHit>& hits, const std::optional<LegalQuestion>& expected)
{
    return expected && std::any_of(hits.cbegin(), hits.cend(), [&](const index::SearchHit& hit) {
        return answers(index.place(hit.chunkId), *expected);
    });
}

Loaded<SetResult> runSet(const QString& name, const QList<Probe>& probes, const ChunkedIndex& chunked,
                         index::Retriever& retriever, index::EvidenceGate& gate, bool details)
{
    SetResult result{name, {}, 0};
    QElapsedTimer timer;
    timer.start();
    for (const Probe& probe : probes) {
        const auto hits = retriever.lexical(probe.text, probe.filter, kTopK);
        if (!hits)
            return std::unexpected(u"retrieval failed: %1"_s.arg(hits.error().detail));
        Outcome outcome;
        outcome.retrieved = !hits->isEmpty();
        outcome.rightRetrieved = holdsAnswer(chunked, *hits, probe.expected);
        const auto coverage = gate.coverage(probe.text, hits->mid(0, kDefaultWindow));
        // The gate exactly as the research function calls it: default threshold and window.
        const qint64 before = timer.nsecsElapsed();
        const auto kept = gate.evidence(probe.text, *hits);
        result.gateNanoseconds += timer.nsecsElapsed() - before;
        if (!coverage || !kept)
            return std::unexpected(u"evidence gate failed: %1"_s.arg((coverage ? kept.error() : coverage.error()).detail));
        outcome.coverage = *coverage;
        outcome.passed = !kept->isEmpty();
        outcome.rightKept = outcome.passed && holdsAnswer(chunked, *kept, probe.expected);
        if (outcome.passed) {
            const index::SearchHit& first = kept->front();
            outcome.firstKept = chunked.place(first.chunkId).file + u' ' + first.heading.section(u" › "_s, -1);
        }
        for (std::size_t i = 0; i < kThresholds.size(); ++i) {
            const auto at = gate.evidence(probe.text, *hits, kThresholds[i]);
            if (!at)
                return std::unexpected(u"evidence gate failed: %1"_s.arg(at.error().detail));
            outcome.passedAt[i] = !at->isEmpty();
            outcome.rightKeptAt[i] = outcome.passedAt[i] && holdsAnswer(chunked, *at, probe.expected);
        }
        if (details) {
            std::fprintf(stderr, "%s\t%.3f\t%s\t%s\t%s\t%s\n", qPrintable(name), outcome.coverage,
                         outcome.passed ? "passed" : "rejected",
                         !probe.expected ? "-" : outcome.rightKept ? "right-kept" : outcome.rightRetrieved ? "right-lost" : "right-not-retrieved",
                         qPrintable(outcome.firstKept.isEmpty() ? u"-"_s : outcome.firstKept), qPrintable(probe.text));
        }
        result.outcomes.append(outcome);
    }
    return result;
}

double share(const QList<Outcome>& outcomes, const std::function<bool(const Outcome&)>& counts)
{
    if (outcomes.isEmpty())
        return 0.0;
    return static_cast<double>(std::count_if(outcomes.cbegin(), outcomes.cend(), counts)) / static_cast<double>(outcomes.size());
}

/// One line per rule and set. `passed` / `rightKept` say what the rule does with one outcome.
void printRule(const QString& rule, std::optional<double> threshold, const SetResult& set,
               const std::function<bool(const Outcome&)>& passed, const std::function<bool(const Outcome&)>& rightKept)
{
    JsonLine line;
    line.add(u"bench"_s, u"evidence-gate"_s).add(u"rule"_s, rule);
    if (threshold)
        line.add(u"threshold"_s, *threshold, 2);
    line.add(u"set"_s, set.name)
        .add(u"questions"_s, static_cast<qint64>(set.outcomes.size()))
        .add(u"passed"_s, share(set.outcomes, passed))
        .add(u"rejected"_s, share(set.outcomes, [&](const Outcome& o) { return !passed(o); }));
    if (set.name == u"answerable"_s) {
        line.add(u"passed_right_unit"_s, share(set.outcomes, rightKept))
            .add(u"retrieved_right_unit"_s, share(set.outcomes, [](const Outcome& o) { return o.rightRetrieved; }));
    }
    line.print();
}

void printCoverage(const SetResult& set)
{
    std::vector<double> values;
    for (const Outcome& outcome : set.outcomes)
        values.push_back(outcome.coverage);
    const double n = std::max<double>(static_cast<double>(set.outcomes.size()), 1.0);
    JsonLine()
        .add(u"bench"_s, u"evidence-gate"_s)
        .add(u"rule"_s, u"coverage"_s)
        .add(u"set"_s, set.name)
        .add(u"questions"_s, static_cast<qint64>(set.outcomes.size()))
        .add(u"p10"_s, percentile(values, 10), 3)
        .add(u"p25"_s, percentile(values, 25), 3)
        .add(u"p50"_s, percentile(values, 50), 3)
        .add(u"p75"_s, percentile(values, 75), 3)
        .add(u"p90"_s, percentile(values, 90), 3)
        .add(u"gate_ms_per_question"_s, static_cast<double>(set.gateNanoseconds) / 1e6 / n, 3)
        .print();
}

} // namespace

int evidenceGate(const QStringList& arguments)
{
    const Options options(arguments);
    if (const QStringList unknown = options.unknown({u"laws"_s, u"questions"_s, u"unanswerable"_s, u"details"_s});
        !unknown.isEmpty())
        return failWith(u"unknown option %1"_s.arg(unknown.front()));
    const QDir lawDir(options.text(u"laws"_s, corpusDir() + u"/gesetze"_s));
    const QString questionFile = options.text(u"questions"_s, QStringLiteral(GENIUS_BENCH_DATA_DIR "/legal_questions.tsv"));
    const QString unanswerableFile =
        options.text(u"unanswerable"_s, QStringLiteral(GENIUS_BENCH_DATA_DIR "/unanswerable_questions.txt"));

    const QStringList files = lawFiles(lawDir);
    const auto laws = readLaws(lawDir, files);
    if (!laws)
        return failWith(laws.error());
    const auto questions = readLegalQuestions(questionFile, *laws);
    if (!questions)
        return failWith(questions.error());
    const auto unanswerable = readQuestionLines(unanswerableFile);
    if (!unanswerable)
        return failWith(unanswerable.error());

    ChunkedIndex chunked;
    if (const QString failed = chunked.addLaws(files, *laws, structuredChunks); !failed.isEmpty())
        return failWith(failed);
    std::fprintf(stderr, "evidence-gate: %lld chunks of %lld laws\n", static_cast<long long>(chunked.chunks()),
                 static_cast<long long>(files.size()));

    QList<Probe> answerableProbes, unanswerableProbes, withheldProbes;
    for (const LegalQuestion& question : *questions) {
        answerableProbes.append(Probe{question.text, question, {}});
        Probe withheld{question.text, std::nullopt, {}};
        withheld.filter.documents = chunked.documentsExcept(question.file);
        withheldProbes.append(withheld);
    }
    for (const QString& question : *unanswerable)
        unanswerableProbes.append(Probe{question, std::nullopt, {}});

    index::Retriever retriever(chunked.db());
    index::EvidenceGate gate(chunked.db());
    const bool details = options.has(u"details"_s);
    if (details)
        std::fprintf(stderr, "set\tcoverage\tgate@defaults\tright unit\tfirst kept hit\tquestion\n");
    QList<SetResult> sets;
    for (const auto& [name, probes] : {std::pair{u"answerable"_s, &answerableProbes},
                                       std::pair{u"unanswerable"_s, &unanswerableProbes},
                                       std::pair{u"withheld-own-law"_s, &withheldProbes}}) {
        auto result = runSet(name, *probes, chunked, retriever, gate, details);
        if (!result)
            return failWith(result.error());
        sets.append(*result);
    }

    for (const SetResult& set : sets)
        printRule(u"naive:any-hit"_s, std::nullopt, set, [](const Outcome& o) { return o.retrieved; },
                  [](const Outcome& o) { return o.rightRetrieved; });
    for (const SetResult& set : sets)
        printRule(u"gate"_s, std::nullopt, set, [](const Outcome& o) { return o.passed; }, [](const Outcome& o) { return o.rightKept; });
    for (std::size_t i = 0; i < kThresholds.size(); ++i) {
        for (const SetResult& set : sets)
            printRule(u"gate:sweep"_s, kThresholds[i], set, [i](const Outcome& o) { return o.passedAt[i]; },
                      [i](const Outcome& o) { return o.rightKeptAt[i]; });
    }
    for (const SetResult& set : sets)
        printCoverage(set);
    return 0;
}

} // namespace genius::bench
