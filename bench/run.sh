#!/usr/bin/env bash
# Runs the benchmarks against the build in $1 (default build/). Not part of `make test`.
#   BENCH_ROWS   rows of the core and query benchmarks (default 10,000,000)
#   BENCH_ONLY   core | s3 | stream | take | loader | serve | ui (default: all)
#   BENCH_TAKE_ROWS  rows of take's table (a) (default 10,000,000); (b) has 50,000
set -euo pipefail
build=${1:-build}
rows=${BENCH_ROWS:-10000000}
only=${BENCH_ONLY:-}
here=$(cd "$(dirname "$0")" && pwd)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
if [ -z "$only" ] || [ "$only" = core ]; then
    "$build/bench/bench_core" "$rows"
fi
if [ -z "$only" ] || [ "$only" = stream ]; then
    "$build/bench/bench_stream" "$rows"
fi
if [ -z "$only" ] || [ "$only" = take ]; then
    # Lance (npm @lancedb/lancedb, pinned in bench/lance/package-lock.json) is the baseline
    (cd "$here/lance" && npm ci --no-audit --no-fund --silent)
    "$build/bench/bench_take" "${BENCH_TAKE_ROWS:-10000000}" 50000
fi
if [ -z "$only" ] || [ "$only" = loader ]; then
    PYTHONPATH="$here/../python" LAKEHOUSE_LIBRARY="$build/liblakehouse.so" \
        /usr/bin/python3 "$here/bench_loader.py" "$build"
fi
if [ -z "$only" ] || [ "$only" = serve ]; then
    "$here/serve.sh" "$build"
fi
if [ -z "$only" ] || [ "$only" = ui ]; then
    # the web UI's requests: pages, counts, histograms, thumbnails, fragments
    /usr/bin/python3 "$here/ui.py" "$build"
fi
if [ -z "$only" ] || [ "$only" = s3 ]; then
    # S3: a Ceph RADOS Gateway on 127.0.0.1, and Debian's aws CLI as the baseline
    aws=$(command -v /usr/bin/aws || command -v aws || true)
    [ -n "$aws" ] || { echo "bench: no aws CLI (make bench installs Debian's awscli)" >&2; exit 1; }
    env_file=$(mktemp)
    trap 'sh "$here/../tests/servers/s3-stop.sh" "$env_file" >/dev/null' EXIT
    sh "$here/../tests/servers/s3-start.sh" "$env_file"
    set -a; . "$env_file"; set +a
    echo "S3 baseline: $("$aws" --version 2>&1)"
    "$build/bench/bench_s3" "$aws" "$rows"
fi
