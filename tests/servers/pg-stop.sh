#!/bin/sh
# Stops the PostgreSQL pg-start.sh started (by the PID in its postmaster.pid) and removes
# its folder. Usage: pg-stop.sh ENVFILE
ENVFILE=$1
[ -f "$ENVFILE" ] || { echo "nothing to stop ($ENVFILE missing)"; exit 0; }
DIR=$(sed -n 's/^LH_PG_DIR=//p' "$ENVFILE")
PID=$(head -1 "$DIR/data/postmaster.pid" 2>/dev/null)
if [ -n "$PID" ]; then
    kill -INT "$PID" 2>/dev/null
    i=0; while kill -0 "$PID" 2>/dev/null; do
        i=$((i+1)); [ $i -gt 300 ] && { kill -KILL "$PID" 2>/dev/null; break; }; sleep 0.1
    done
fi
rm -rf "$DIR" "$ENVFILE"
