#!/bin/sh
# Starts a throwaway PostgreSQL 15 bound to 127.0.0.1 on a free port, for the tests.
# Usage: pg-start.sh ENVFILE   -- writes PGHOST/PGPORT/PGUSER/LH_PG_DIR to ENVFILE.
# The cluster lives in a fresh folder under /tmp (readable by the postgres user when run
# as root, since PostgreSQL refuses to run as root). Stop it with pg-stop.sh ENVFILE.
set -eu
ENVFILE=$1
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=/usr/lib/postgresql/15/bin
[ -x "$BIN/postgres" ] || BIN=$(dirname "$(command -v postgres)")
DIR=$(mktemp -d /tmp/lh-pg-XXXXXX)
PORT=$(python3 "$HERE/free-port.py")
AS=""
if [ "$(id -u)" = 0 ]; then
    chown postgres "$DIR"
    AS="runuser -u postgres --"
fi
$AS "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync -E UTF8 >"$DIR/initdb.log" 2>&1
$AS "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c max_connections=300" \
    start >/dev/null
printf 'PGHOST=127.0.0.1\nPGPORT=%s\nPGUSER=postgres\nLH_PG_DIR=%s\n' "$PORT" "$DIR" >"$ENVFILE"
echo "postgres ready on 127.0.0.1:$PORT (pid $(head -1 "$DIR/data/postmaster.pid"), dir $DIR)"
