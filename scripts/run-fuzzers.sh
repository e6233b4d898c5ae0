#!/bin/sh
# Builds the libFuzzer targets (preset fuzz: clang, AddressSanitizer, UndefinedBehaviorSanitizer)
# and runs each from its seed corpus (tests/fuzz/seeds/<name>, copied: the seeds stay as they are)
# for a fixed number of inputs with a fixed random seed, so a run is repeatable. Any crash, sanitizer
# report or violated property fails the script and leaves the input in build/fuzz/findings.
#   scripts/run-fuzzers.sh            the bounded run CI does (~20 s per target)
#   GENIUS_FUZZ_SECONDS=600 scripts/run-fuzzers.sh   a longer, time-boxed run instead
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=${GENIUS_JOBS:-2}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings="$root/build/fuzz/findings"
mkdir -p "$findings"
status=0
# name and the number of inputs of the bounded run (about 20 s each on 2 cores)
for entry in sseparser:200000 chatstream:400000 errorresponse:400000 chunker:80000 officexml:150000 settings:20000 storeurl:1000000; do
    name=${entry%%:*}
    runs=${entry##*:}
    mkdir -p "$work/$name"
    cp "tests/fuzz/seeds/$name/"* "$work/$name/"
    if [ -n "${GENIUS_FUZZ_SECONDS:-}" ]; then
        limit="-max_total_time=$GENIUS_FUZZ_SECONDS"
    else
        limit="-runs=$runs -seed=1"
    fi
    echo "== fuzz_$name ($limit)"
    # shellcheck disable=SC2086 # $limit holds one or two options
    if ! "build/fuzz/tests/fuzz/fuzz_$name" $limit -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$findings/$name-" -print_final_stats=1 "$work/$name" >"$work/$name.log" 2>&1; then
        tail -n 40 "$work/$name.log"
        echo "fuzz_$name FAILED: the input is in $findings" >&2
        status=1
    else
        grep -E '^(stat::number_of_executed_units|Done)' "$work/$name.log" || true
    fi
done
exit $status
