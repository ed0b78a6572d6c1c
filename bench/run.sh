#!/usr/bin/env bash
# Runs the benchmarks against the build in $1 (default build/). Not part of `make test`.
set -euo pipefail
build=${1:-build}
rows=${BENCH_ROWS:-10000000}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$build/bench/bench_core" "$rows"
