#!/usr/bin/env bash
# Runs each libFuzzer target of fuzz/ for FUZZ_SECONDS (default 60) of wall time, one
# at a time and niced, then merges the inputs that found new coverage into the committed
# corpus fuzz/corpus/<target>/ (libFuzzer's -merge keeps only those). A crash stops the
# run; its input is left in fuzz/crashes/ to be fixed and added to the corpus.
#
# Usage: scripts/fuzz.sh BUILD_DIR [TARGET...]   (make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS=mp4)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: fuzz.sh BUILD_DIR [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(sql mp4 media card s3_xml hub_json)
seconds=${FUZZ_SECONDS:-60}
crashes="$root/fuzz/crashes"
mkdir -p "$crashes"

max_len() {
    case "$1" in
        mp4) echo 16384 ;;
        media | sql) echo 1024 ;;
        *) echo 4096 ;;
    esac
}

for t in "${targets[@]}"; do
    bin="$build/fuzz/fuzz_$t"
    corpus="$root/fuzz/corpus/$t"
    [ -x "$bin" ] || { echo "fuzz: $bin is missing: build it first (make fuzz does)" >&2; exit 1; }
    new=$(mktemp -d)
    dict=()
    [ -f "$root/fuzz/dict/$t.dict" ] && dict=(-dict="$root/fuzz/dict/$t.dict")
    echo "fuzz: $t for ${seconds}s" >&2
    rc=0
    # bash's `time` reports the fuzzer's CPU seconds (user, system) into $t.time
    TIMEFORMAT='%U %S'
    { time nice "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$crashes/$t-" \
        "${dict[@]}" "$new" "$corpus" 2> "$crashes/$t.log" || rc=$?; } 2> "$crashes/$t.time"
    cpu=$(awk '{printf "%.0f", $1 + $2}' "$crashes/$t.time")
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$crashes/$t.log")
    # one line per run, for the table in docs/reliability.md
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$cpu" "${runs:-?}" \
        "$([ $rc = 0 ] && echo ok || echo "crash $rc")" >> "$crashes/runs.tsv"
    echo "fuzz: $t ran ${cpu}s of CPU, ${runs:-?} inputs" >&2
    if [ $rc -ne 0 ]; then
        echo "fuzz: $t crashed (exit $rc): see $crashes/$t.log and the input saved next to it" >&2
        rm -rf "$new"
        exit 1
    fi
    nice "$bin" -merge=1 -max_len="$(max_len "$t")" "$corpus" "$new" 2>> "$crashes/$t.log"
    rm -rf "$new"
    echo "fuzz: $t corpus now $(ls "$corpus" | wc -l) inputs, $(cat "$corpus"/* | wc -c) bytes" >&2
done
