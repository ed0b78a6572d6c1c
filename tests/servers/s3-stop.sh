#!/bin/sh
# Stops what s3-start.sh started (only the PIDs it recorded) and removes its folder.
# Usage: s3-stop.sh ENVFILE
ENVFILE=$1
[ -f "$ENVFILE" ] || { echo "nothing to stop ($ENVFILE missing)"; exit 0; }
DIR=$(sed -n 's/^LH_S3_DIR=//p' "$ENVFILE")
PIDS=$(cat "$DIR/pids" 2>/dev/null)
for pid in $PIDS; do kill -TERM "$pid" 2>/dev/null; done
for pid in $PIDS; do
    i=0; while kill -0 "$pid" 2>/dev/null; do
        i=$((i+1)); [ $i -gt 100 ] && { kill -KILL "$pid" 2>/dev/null; break; }; sleep 0.1
    done
done
case "$DIR" in /tmp/lh-s3-*) rm -rf "$DIR" ;; esac
rm -f "$ENVFILE"
