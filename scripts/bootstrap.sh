#!/usr/bin/env bash
# Installs what building needs (with --test: and what the test suite's servers need;
# with --bench: and the aws CLI the S3 benchmark compares against; with --fuzz: clang and
# its libFuzzer runtime, for `make fuzz`), then makes sure
# DuckDB 1.4.4 is available.
#
# Order for DuckDB (DESIGN.md): a system libduckdb + duckdb.h; else $DUCKDB_DIR
# (an unpacked official libduckdb-linux-*.zip); else unpack libduckdb.so from the npm
# package @duckdb/node-bindings-linux-<arch>@1.4.4-r.4 and duckdb.h from npm duckdb@1.4.4
# into third_party/duckdb (git-ignored). Re-running when everything is present is a no-op.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
DUCKDB_VERSION=1.4.4
NODE_BINDINGS_VERSION=1.4.4-r.4

say() { printf 'bootstrap: %s\n' "$*" >&2; }

# --- system packages -------------------------------------------------------------
want_test=0
want_bench=0
want_fuzz=0
for arg in "$@"; do
    case "$arg" in
        --test) want_test=1 ;;
        --bench) want_test=1; want_bench=1 ;;
        --fuzz) want_fuzz=1 ;;
        *) say "unknown option $arg (use --test, --bench or --fuzz)"; exit 2 ;;
    esac
done
packages=(build-essential cmake pkg-config libsqlite3-dev libjansson-dev libpq-dev
          libcurl4-openssl-dev libssl-dev libcmocka-dev sqlite3 python3 python3-pytest curl
          libyaml-dev libavformat-dev libavcodec-dev libavutil-dev libswscale-dev ffmpeg
          libxxhash-dev
          libmicrohttpd-dev # lakehouse serve: the HTTP API and MCP over HTTP
          libnats-dev nats-server # events: the outbox delivered to NATS JetStream (the demo runs a server)
          gnuplot-nox # make demo: the charts of Experiment #0
          python3-numpy python3-torch python3-pil) # the Python binding: zero-copy columns,
                                                   # PyTorch datasets, the demo's training loop
# the test servers: PostgreSQL 15, and a one-node Ceph with the RADOS Gateway (S3),
# whose recommended extras are not needed; boto3 lets tests look into the bucket
[ $want_test = 1 ] && packages+=(postgresql-15 python3-boto3)
# the web UI's end-to-end tests drive Debian's headless Chromium (npm playwright-core,
# with no browser download)
[ $want_test = 1 ] && packages+=(chromium)
server_packages=(radosgw ceph-mon ceph-osd)
[ $want_bench = 1 ] && packages+=(awscli wrk)
[ $want_fuzz = 1 ] && packages+=(clang libclang-rt-14-dev)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done
missing_servers=()
if [ $want_test = 1 ]; then
    for p in "${server_packages[@]}"; do
        installed "$p" || missing_servers+=("$p")
    done
fi

need_npm=0
have_system_duckdb() {
    [ -f /usr/include/duckdb.h ] || [ -f /usr/local/include/duckdb.h ] || return 1
    ldconfig -p 2>/dev/null | grep -q 'libduckdb\.so' || [ -f /usr/local/lib/libduckdb.so ]
}
# npm fetches DuckDB when no other copy is around; the tests also run the official
# Hugging Face client (npm @huggingface/hub) against our Hub emulator
if [ $want_test = 1 ] || { ! have_system_duckdb && [ -z "${DUCKDB_DIR:-}" ] && [ ! -f "$root/third_party/duckdb/.complete" ]; }; then
    command -v npm >/dev/null 2>&1 || { need_npm=1; missing+=(npm); }
fi

if [ ${#missing[@]} -gt 0 ] || [ ${#missing_servers[@]} -gt 0 ]; then
    say "installing ${missing[*]} ${missing_servers[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { say "not root and no sudo: install ${missing[*]} ${missing_servers[*]} yourself"; exit 1; }
        SUDO=sudo
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    [ ${#missing[@]} -gt 0 ] && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
    [ ${#missing_servers[@]} -gt 0 ] && $SUDO apt-get install -y -qq --no-install-recommends "${missing_servers[@]}" >/dev/null
fi

# --- DuckDB -----------------------------------------------------------------------
if have_system_duckdb; then
    say "using the system libduckdb"
    exit 0
fi
if [ -n "${DUCKDB_DIR:-}" ]; then
    if [ -f "$DUCKDB_DIR/duckdb.h" ] && [ -f "$DUCKDB_DIR/libduckdb.so" ]; then
        say "using DUCKDB_DIR=$DUCKDB_DIR"
        exit 0
    fi
    say "DUCKDB_DIR=$DUCKDB_DIR holds no duckdb.h and libduckdb.so: unset it or point it at an unpacked libduckdb-linux zip"
    exit 1
fi
dest="$root/third_party/duckdb"
if [ -f "$dest/.complete" ]; then
    exit 0
fi
case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) say "no prebuilt DuckDB for $(uname -m): set DUCKDB_DIR"; exit 1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say "fetching DuckDB $DUCKDB_VERSION from the npm registry"
(cd "$tmp" && npm pack --silent "@duckdb/node-bindings-linux-$arch@$NODE_BINDINGS_VERSION" "duckdb@$DUCKDB_VERSION" >/dev/null)
mkdir -p "$tmp/lib" "$tmp/hdr"
tar -xzf "$tmp"/duckdb-node-bindings-linux-$arch-*.tgz -C "$tmp/lib" package/libduckdb.so
tar -xzf "$tmp"/duckdb-$DUCKDB_VERSION.tgz -C "$tmp/hdr" package/src/duckdb/src/include/duckdb.h
rm -rf "$dest"
mkdir -p "$dest"
mv "$tmp/lib/package/libduckdb.so" "$dest/"
mv "$tmp/hdr/package/src/duckdb/src/include/duckdb.h" "$dest/"
echo "$DUCKDB_VERSION" > "$dest/VERSION"
touch "$dest/.complete"
say "DuckDB $DUCKDB_VERSION unpacked into third_party/duckdb"
