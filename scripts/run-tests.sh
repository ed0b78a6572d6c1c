#!/usr/bin/env bash
# Runs the whole suite in each build folder given (e.g. build-asan build).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR..." >&2; exit 2; }
jobs=$(nproc 2>/dev/null || echo 2)
for dir in "$@"; do
    echo "== tests in $dir"
    start=$(date +%s)
    ctest --test-dir "$dir" --output-on-failure -j "$jobs" --timeout 900
    echo "== $dir: passed in $(( $(date +%s) - start ))s"
done
