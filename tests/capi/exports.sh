#!/bin/sh
# Checks what liblakehouse.so exports: exactly the functions include/lakehouse.h marks
# LH_API, nothing else (internal symbols stay hidden, so bindings see one stable API).
set -eu
lib=$1 header=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRW]$/ {print $3}' | sort -u >"$tmp/exported"
sed -n 's/^LH_API [^(]*[ *]\(lh_[a-z0-9_]*\)(.*/\1/p' "$header" | sort -u >"$tmp/declared"
[ -s "$tmp/declared" ] || { echo "no LH_API declarations found in $header" >&2; exit 1; }
if ! diff -u "$tmp/declared" "$tmp/exported"; then
    echo "liblakehouse.so exports differ from the LH_API declarations (- declared, + exported)" >&2
    exit 1
fi
echo "liblakehouse.so exports the $(wc -l <"$tmp/declared") LH_API functions and nothing else"
