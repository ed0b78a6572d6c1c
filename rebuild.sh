#!/usr/bin/env bash
# Recreates the demo lake from an empty store, deterministically: the same input files
# give the same rows in every table. Usage: ./rebuild.sh [LAKE_DIR] [LAKEHOUSE_BIN]
# (default ./demo-lake and build/lakehouse). The inputs are the demo datasets
# (scripts/demo-data.py writes them into demo-data/ from Debian packages' media).
set -euo pipefail
cd "$(dirname "$0")"
LAKE=${1:-demo-lake}
LH=${2:-build/lakehouse}
DATA=${DEMO_DATA:-demo-data}
[ -x "$LH" ] || { echo "rebuild: $LH is not built (run make)" >&2; exit 1; }
[ -f "$DATA/coco/README.md" ] || /usr/bin/python3 scripts/demo-data.py "$DATA" "$LH"
rm -rf "$LAKE"
"$LH" init "$LAKE" >/dev/null
"$LH" --lake "$LAKE" hf pull "$DATA/coco" --into raw.coco_captions --quiet
"$LH" --lake "$LAKE" video ingest "$DATA"/video/clip*.mp4 --annotations "$DATA"/video/clip*.txt \
    --into raw.visdrone --fragment-seconds 1 --quiet
for f in sql/10_raw.sql sql/20_silver.sql sql/30_gold.sql; do
    "$LH" --lake "$LAKE" sql -f "$f"
done
