#!/usr/bin/env bash
# The benchmark report: builds genius-bench optimised in a directory of its own (build/bench,
# Release, with the UI for the drawing measures), runs every measure and the import comparisons
# (each with its reference in the same run: pdftotext, the tesseract CLI, the memory-bandwidth
# floor, plain FTS5), describes the machine, and writes docs/benchmarks.md and the raw JSON lines
# docs/benchmarks.jsonl.
#   scripts/bench.sh          everything (~30 min on 2 cores, 15 of them indexing 1M passages;
#                             the 1M x 1024 vector run needs ~5 GB RAM, the 1M-passage index ~4 GB of /tmp)
#   scripts/bench.sh quick    small sizes only, one import run; writes build/bench/benchmarks.md
# GENIUS_CORPUS_DIR points at the shared corpus (default: ../shared/corpus beside the checkout).
# The machine should be otherwise idle: compare figures of the same run only.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build="$root/build/bench"
jobs=$(nproc 2>/dev/null || echo 2)
mode=${1:-full}
case "$mode" in
full) report="$root/docs/benchmarks.md" results="$root/docs/benchmarks.jsonl" ;;
quick) report="$build/benchmarks.md" results="$build/benchmarks.jsonl" ;;
*) echo "Usage: scripts/bench.sh [quick]" >&2; exit 1 ;;
esac

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGENIUS_BUILD_UI=ON -DGENIUS_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target genius-bench -j "$jobs"
bench="$build/tests/benchmarks/genius-bench"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

first_line() { "$@" 2>&1 | head -n 1 || true; }
machine="$build/machine.txt"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git describe --always --dirty 2>/dev/null || echo unknown)"
    echo "mode: $mode"
    echo "CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores"
    echo "SIMD: $(grep -o -w -E 'avx512f|avx2|sse4_2' /proc/cpuinfo | sort -u | tr '\n' ' ')"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
    echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "system: $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
    echo "compiler: $(first_line c++ --version)"
    echo "Qt: $(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || echo unknown)"
    echo "SQLite: $(dpkg-query -W -f='${Version}' libsqlite3-0 2>/dev/null || echo unknown)"
    echo "Poppler: $(first_line pdftotext -v)"
    echo "Tesseract: $(first_line tesseract --version)"
    echo "build: Release (build/bench)"
} >"$machine"

: >"$results"
run() { # label, then the genius-bench arguments
    local label=$1
    shift
    echo "== $label" >&2
    if ! "$bench" "$@" >>"$results"; then
        echo "genius-bench $* failed" >&2
        exit 1
    fi
}

if [ "$mode" = full ]; then
    for i in 1 2 3; do run "import-pdf (run $i of 3)" import-pdf; done
else
    run import-pdf import-pdf
fi
run import-ocr import-ocr
# one timed round at 1M: a plain FTS5 search takes over a second there
for entry in 10000:3 100000:3 1000000:1; do
    chunks=${entry%%:*}
    [ "$mode" = quick ] && [ "$chunks" -gt 10000 ] && continue
    run "search-latency $chunks" search-latency --chunks "$chunks" --rounds "${entry##*:}"
done
for chunks in 100000 1000000; do
    for dim in 256 1024; do
        [ "$mode" = quick ] && [ "$chunks" -gt 100000 ] && continue
        run "vector-search $chunks x $dim" vector-search --chunks "$chunks" --dim "$dim" --queries 200 --k 10
    done
done
run retrieval retrieval
run legal-retrieval legal-retrieval
run evidence-gate evidence-gate
run tokenizer tokenizer
if [ "$mode" = quick ]; then
    run store-publish store-publish --count 5 --dim 256
else
    run store-publish store-publish
fi
for tokens in 2000 10000; do run "stream-render $tokens" stream-render --tokens "$tokens"; done
run startup startup

echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$machine"
"$bench" report --results "$results" --machine "$machine" >"$report"
echo "Report written to $report (raw results: $results)" >&2
