#!/usr/bin/env bash
# `make demo`: the whole story on the embedded default (SQLite catalog + local folder),
# offline: real images and generated clips (scripts/demo-data.py, from Debian packages),
# a Hugging Face Hub emulator on 127.0.0.1 serving the image dataset, pull -> raw ->
# silver -> gold, snapshots, time travel, a snapshot comparison, a rollback of a bad
# transform, schema evolution, the crowded-scenes and busiest-fragments queries, only
# those fragments materialised, a push of a gold table, and a PyTorch training loop fed
# from the lake. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
LH=${1:-build/lakehouse}
LAKE=demo-lake
DATA=demo-data
OUT=demo-out
T0=$(date +%s)

say()  { printf '\n\033[1m== %s\033[0m\n' "$*"; }
note() { printf '%s\n' "$*"; }
show() { printf '\033[2m$ %s\033[0m\n' "$*"; "$@"; }
lsql() { show "$LH" --lake "$LAKE" sql -c "$1"; }

[ -x "$LH" ] || { echo "demo: $LH is not built (run make)" >&2; exit 1; }
rm -rf "$LAKE" "$OUT"
mkdir -p "$OUT"

say "0. Demo inputs: scikit-image's sample photos (Debian python3-skimage) with captions, in"
note "   Hugging Face layout; three H.264 clips drawn by ffmpeg with known object tracks."
/usr/bin/python3 scripts/demo-data.py "$DATA" "$LH"
show ls "$DATA/coco" "$DATA/coco/data" "$DATA/video"

# the Hub emulator (tests/servers/hub-emulator.py), checked against @huggingface/hub
HUB=$(mktemp -d /tmp/lh-demo-hub-XXXXXX)
/usr/bin/python3 tests/servers/hub-emulator.py --root "$HUB" --token hf_demo \
    --seed "demo/coco-captions=$DATA/coco" --envfile "$HUB/env" >/dev/null 2>&1 &
for _ in $(seq 50); do [ -f "$HUB/env" ] && break; sleep 0.1; done
. "$HUB/env"
trap 'kill $HUB_EMULATOR_PID 2>/dev/null || true; rm -rf "$HUB"' EXIT
export HF_ENDPOINT HF_TOKEN=hf_demo LAKEHOUSE_CACHE_DIR="$HUB/cache"
note "Hub emulator at $HF_ENDPOINT (HF_ENDPOINT), serving dataset demo/coco-captions"

say "1. A new lake; pull the dataset from the Hub into the raw layer (one snapshot)"
show "$LH" init "$LAKE"
show "$LH" --lake "$LAKE" hf pull demo/coco-captions --into raw.coco_captions
lsql "SELECT split, count(*) AS captions, count(DISTINCT image_uri) AS images,
       min(image_width) || 'x' || min(image_height) AS smallest, max(image_bytes) AS largest_bytes
FROM raw.coco_captions GROUP BY split ORDER BY split"
note "Images are objects, not table bytes: content-addressed, stored once"
show find "$LAKE/data/assets" -type f -name '*.jpg'
note "Pulling again lands nothing twice (each row carries its shard's SHA-256):"
show "$LH" --lake "$LAKE" hf pull demo/coco-captions --into raw.coco_captions --quiet

say "2. Video: fragmented MP4 + a fragment index read from the MP4 boxes, and the boxes"
show "$LH" --lake "$LAKE" video ingest "$DATA"/video/clip01.mp4 "$DATA"/video/clip02.mp4 "$DATA"/video/clip03.mp4 \
    --annotations "$DATA"/video/clip01.txt "$DATA"/video/clip02.txt "$DATA"/video/clip03.txt \
    --into raw.visdrone --fragment-seconds 1 --quiet
lsql "SELECT fragment_id, byte_offset, byte_length, start_frame, end_frame, start_time, end_time,
       n_objects, n_tracks, classes
FROM raw.visdrone WHERE clip_uri = (SELECT min(clip_uri) FROM raw.visdrone) ORDER BY fragment_id LIMIT 4"

say "3. raw -> silver -> gold with SQL scripts (checks fail loudly: no constraints in DuckLake)"
show "$LH" --lake "$LAKE" sql -f sql/10_raw.sql --format csv
show "$LH" --lake "$LAKE" sql -f sql/20_silver.sql --format csv
show "$LH" --lake "$LAKE" sql -f sql/30_gold.sql --format csv
show "$LH" --lake "$LAKE" quality gold.captions --key caption_id

say "4. Schema evolution: silver.captions got n_objects after it was created"
lsql "SELECT column_name, column_type FROM (DESCRIBE silver.captions) WHERE column_name IN ('caption_id', 'n_objects')"

say "5. Snapshots, and time travel"
show "$LH" --lake "$LAKE" snapshots
lsql "SELECT count(*) AS raw_captions_at_snapshot_1 FROM raw.coco_captions AT (VERSION => 1)"

say "6. A deliberately bad transform on gold.captions, a snapshot comparison, and a rollback"
good=$("$LH" --lake "$LAKE" sql --format csv -c "SELECT max(snapshot_id) FROM ducklake_snapshots('lake')" | tail -1)
note "gold.captions declares caption NOT NULL, so blanking captions is refused outright:"
show "$LH" --lake "$LAKE" sql -c "UPDATE gold.captions SET caption = NULL WHERE split = 'validation'" || true
note "A subtler bug gets through: a renumbering that gives validation captions an id already taken"
lsql "UPDATE gold.captions SET caption_id = (SELECT min(caption_id) FROM gold.captions) WHERE split = 'validation'"
bad=$("$LH" --lake "$LAKE" sql --format csv -c "SELECT max(snapshot_id) FROM ducklake_snapshots('lake')" | tail -1)
note "The quality check catches it:"
show "$LH" --lake "$LAKE" quality gold.captions --key caption_id --format csv || true
lsql "SELECT change_type, count(*) FROM ducklake_table_changes('lake', 'gold', 'captions', $((good + 1)), $bad) GROUP BY ALL ORDER BY ALL"
show "$LH" --lake "$LAKE" rollback gold.captions "$good"
lsql "SELECT count(*) - count(DISTINCT caption_id) AS duplicate_ids, count(*) AS rows FROM gold.captions"

say "7. The crowded-scenes query on COCO: images showing the most objects"
lsql "SELECT image_id, any_value(image_uri) AS image_uri, any_value(n_objects) AS objects, any_value(caption) AS a_caption
FROM gold.captions WHERE n_objects >= 5 GROUP BY image_id ORDER BY objects DESC"

say "8. The busiest fragments on video, and only those fragments materialised"
lsql "SELECT clip_uri[-20:] AS clip, fragment_id, start_time, n_boxes, n_tracks, max_objects_in_a_frame
FROM gold.fragment_tracking ORDER BY n_boxes DESC, clip_uri, fragment_id LIMIT 5"
show "$LH" --lake "$LAKE" video materialize --table gold.fragment_tracking -o "$OUT/busiest" -c "SELECT clip_uri, fragment_id FROM gold.fragment_tracking
ORDER BY n_boxes DESC, clip_uri, fragment_id LIMIT 5"
first=$(ls "$OUT/busiest" | head -1)
show ffprobe -v error -count_frames -show_entries stream=codec_name,width,height,nb_read_frames:format=start_time,duration \
    -of compact "$OUT/busiest/$first"

say "9. Publish gold.captions to the Hub, and read it back"
show "$LH" --lake "$LAKE" hf push gold.captions demo/coco-captions-gold --split-column split --quiet
show "$LH" --lake "$LAKE" hf pull demo/coco-captions-gold --into published.gold_roundtrip --quiet
lsql "SELECT (SELECT count(*) FROM (SELECT caption_id, image_id, image_uri, image_width, image_height, caption, n_objects, split FROM published.gold_roundtrip
        EXCEPT ALL SELECT * FROM gold.captions)) AS rows_only_on_hub,
       (SELECT count(*) FROM (SELECT * FROM gold.captions EXCEPT ALL
        SELECT caption_id, image_id, image_uri, image_width, image_height, caption, n_objects, split FROM published.gold_roundtrip)) AS rows_only_in_lake"

say "10. Maintenance: compact small files; expire and cleanup (dry runs)"
show "$LH" --lake "$LAKE" compact
show "$LH" --lake "$LAKE" expire --keep-last 5 --dry-run
show "$LH" --lake "$LAKE" cleanup --older-than 0 --dry-run

say "11. Training egress: gold.captions into a PyTorch loop, reshuffled, resumed, and 8 rows taken"
note "(python/lakehouse over build/liblakehouse.so; images fetched from their URIs and decoded in workers)"
show env PYTHONPATH=python LAKEHOUSE_LIBRARY="$(dirname "$LH")/liblakehouse.so" \
    /usr/bin/python3 scripts/demo-train.py "$LAKE"

say "12. Experiment #0: coco-v1, its run, its artifact, its charts, and an agent that reacts"
NATS_DIR=$(mktemp -d /tmp/lh-demo-nats-XXXXXX)
NATS_PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
nats-server -js -sd "$NATS_DIR/store" -a 127.0.0.1 -p "$NATS_PORT" >"$NATS_DIR/log" 2>&1 &
NATS_PID=$!
trap 'kill $HUB_EMULATOR_PID $NATS_PID ${AGENT_PID:-} 2>/dev/null || true; rm -rf "$HUB" "$NATS_DIR"' EXIT
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$NATS_PORT) 2>/dev/null && break; sleep 0.1; done
export LAKEHOUSE_NATS_URL=nats://127.0.0.1:$NATS_PORT
note "nats-server with JetStream on $LAKEHOUSE_NATS_URL (LAKEHOUSE_NATS_URL); the quality agent"
note "listens for lakehouse.ingest.completed (rules for raw.coco_v1: caption_id unique, caption"
note "never NULL). Every ingest of the steps above wrote its event to the outbox too."
printf '{"tables": {"raw.coco_v1": {"key": "caption_id", "required": ["caption"]}}}\n' > "$OUT/quality-rules.json"
"$LH" --lake "$LAKE" agent quality --rules "$OUT/quality-rules.json" --max-events 4 > "$OUT/agent.log" 2>&1 &
AGENT_PID=$!
show "$LH" --lake "$LAKE" hf pull demo/coco-captions --into raw.coco_v1 --quiet
show "$LH" --lake "$LAKE" experiment create coco-v1 --project coco --description "captions -> aspect ratio, a toy"
RUN=$("$LH" --lake "$LAKE" run start coco-v1 --sim-index 0 --config '{"model": "linear-toy", "dataset": "raw.coco_v1", "lr": 0.05}' | tail -1)
note "run sim 0 of coco-v1: $RUN"
read -r ROWS IMAGES <<<"$("$LH" --lake "$LAKE" sql --format csv -c "SELECT count(*), count(DISTINCT image_uri) FROM raw.coco_v1" | tail -1 | tr , ' ')"
show "$LH" --lake "$LAKE" run log "$RUN" ingest_rows="$ROWS" ingest_images="$IMAGES" --step 0
note "The run's dataset as a versioned artifact, with the manifest W&B records for add_reference:"
show "$LH" --lake "$LAKE" version put "$DATA/coco" coco-captions --meta run_id="$RUN" --meta source=demo/coco-captions --quiet
show head -n 10 "$LAKE/data/datasets/coco-captions/v$("$LH" --lake "$LAKE" version latest coco-captions | tr -d v)/wandb_manifest.json"
note "Query by caption keyword:"
lsql "SELECT caption_id, image_width || 'x' || image_height AS size, caption FROM raw.coco_v1 WHERE caption ILIKE '%coffee%' OR caption ILIKE '%cat %' ORDER BY caption_id"
note "1,000 samples streamed into a toy training loop (the 21 captions, epoch after epoch):"
show env PYTHONPATH=python LAKEHOUSE_LIBRARY="$(dirname "$LH")/liblakehouse.so" \
    /usr/bin/python3 scripts/demo-experiment.py "$LAKE" "$RUN" "$LH"
note "Charts from SQL (the lake computes the bins; gnuplot draws):"
"$LH" --lake "$LAKE" sql --format csv -c "SELECT length(caption) // 10 * 10 AS bin, count(*) AS captions FROM raw.coco_v1 WHERE caption IS NOT NULL GROUP BY 1 ORDER BY 1" | tail -n +2 > "$OUT/caption-length.csv"
"$LH" --lake "$LAKE" sql --format csv -c "SELECT DISTINCT image_width, image_height FROM raw.coco_v1 ORDER BY 1, 2" | tail -n +2 > "$OUT/resolution.csv"
gnuplot -e "set terminal pngcairo noenhanced size 640,400; set output '$OUT/caption-length.png'; set datafile separator ','; set title 'raw.coco_v1: caption length'; set xlabel 'characters (bins of 10)'; set ylabel 'captions'; set style fill solid 0.6; set boxwidth 8; set yrange [0:*]; plot '$OUT/caption-length.csv' using (\$1+5):2 with boxes notitle"
gnuplot -e "set terminal pngcairo noenhanced size 640,400; set output '$OUT/image-resolution.png'; set datafile separator ','; set title 'raw.coco_v1: image resolution'; set xlabel 'width (px)'; set ylabel 'height (px)'; set xrange [0:*]; set yrange [0:*]; plot '$OUT/resolution.csv' using 1:2 with points pt 7 ps 1.5 notitle"
show ls -l "$OUT/caption-length.png" "$OUT/image-resolution.png"
note "Deliver the outbox to NATS; the agent checks each ingested table at its ingest's snapshot"
note "(raw.coco_v1 has a caption that is NULL: its report fails, by the rules):"
show "$LH" --lake "$LAKE" events deliver
wait "$AGENT_PID" || true
show cat "$OUT/agent.log"
lsql "SELECT table_name, data_snapshot, status, rows, problems FROM registry.quality_reports ORDER BY data_snapshot"
show "$LH" --lake "$LAKE" run complete "$RUN"
show "$LH" --lake "$LAKE" experiment complete coco-v1
note "The cross-plane join: the run's config joined with the data it trained on"
lsql "SELECT r.config->>'model' AS model, r.status, count(*) AS captions, count(DISTINCT c.image_uri) AS images
FROM registry.simulation_runs r JOIN raw.coco_v1 c ON r.config->>'dataset' = 'raw.coco_v1'
WHERE r.experiment_id = 'coco-v1' GROUP BY ALL"
show "$LH" --lake "$LAKE" events deliver
lsql "SELECT subject, count(*) AS events FROM events.log GROUP BY 1 ORDER BY 1"
note "Four simulators at once, and the coordinating agent that completes their experiment:"
show /usr/bin/python3 scripts/simulate.py --lake "$LAKE" --nats "$LAKEHOUSE_NATS_URL" --bin "$LH" --sims 4 --steps 40 --batch 10
kill "$NATS_PID" 2>/dev/null || true

say "13. The web UI on the demo lake"
UI_TOKEN=$("$LH" --lake "$LAKE" token create --tenant demo 2>/dev/null | tail -1)
note "Catalog, history (time travel, comparisons, rollback), samples with thumbnails, the"
note "video fragment player, charts and experiments, in a browser. Start the server:"
note "    $LH --lake $LAKE serve --read-write --port 8080"
note "and open (the token of tenant 'demo' is handed over once, then kept for the tab):"
note "    http://127.0.0.1:8080/?token=$UI_TOKEN"
note "Screenshots of every page: docs/ui.md."

say "Done in $(( $(date +%s) - T0 )) s. The lake is in $LAKE/ (catalog $LAKE/metadata.sqlite); ./rebuild.sh recreates it."
