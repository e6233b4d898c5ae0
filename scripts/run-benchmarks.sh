#!/bin/sh
# Builds genius-bench in an optimised build directory of its own (build/bench) and runs the
# benchmarks, printing one JSON line per result on stdout (progress goes to stderr).
#   scripts/run-benchmarks.sh            all benchmarks (the 1M x 1024 vector run needs ~5 GB RAM)
#   scripts/run-benchmarks.sh quick      the small vector sizes and the retrieval benchmarks
# GENIUS_CORPUS_DIR points at the shared corpus (default: ../shared/corpus beside the checkout).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/bench"
jobs=${GENIUS_BENCH_JOBS:-2}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGENIUS_BUILD_UI=ON >&2
cmake --build "$build" --target genius-bench -j "$jobs" >&2
bench="$build/tests/benchmarks/genius-bench"

echo "# vector search" >&2
for chunks in 100000 1000000; do
    for dim in 256 1024; do
        if [ "${1:-}" = quick ] && [ "$chunks" -gt 100000 ]; then
            continue
        fi
        "$bench" vector-search --chunks "$chunks" --dim "$dim" --queries 200 --k 10
    done
done

echo "# GermanQuAD retrieval" >&2
"$bench" retrieval

echo "# statute questions" >&2
"$bench" legal-retrieval || echo "legal-retrieval skipped" >&2

echo "# evidence gate (answerable vs unanswerable questions)" >&2
"$bench" evidence-gate || echo "evidence-gate skipped" >&2

echo "# tokenizer throughput" >&2
"$bench" tokenizer

echo "# streamed answer rendering and start-up (offscreen)" >&2
for tokens in 2000 10000; do
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$bench" stream-render --tokens "$tokens"
done
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$bench" startup
