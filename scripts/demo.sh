#!/usr/bin/env bash
# `make demo`: a short scripted tour of the lakehouse core on the embedded default
# (SQLite catalog + local folder) in ./demo-lake. Safe to re-run: it starts afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
LH=${1:-build/lakehouse}
LAKE=demo-lake

say()  { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '\033[2m$ %s\033[0m\n' "$*"; "$@"; }
lsql() { show "$LH" --lake "$LAKE" sql -c "$1"; }

[ -x "$LH" ] || { echo "demo: $LH is not built (run make)" >&2; exit 1; }
if [ -e "$LAKE" ]; then
    echo "demo: removing the previous $LAKE/"
    rm -rf "$LAKE"
fi

say "1. A new lake: DuckLake 0.3 catalog in SQLite, Parquet files in a folder"
show "$LH" --version
show "$LH" init "$LAKE"
show sqlite3 "$LAKE/metadata.sqlite" "SELECT count(*) AS ducklake_tables FROM sqlite_master WHERE name LIKE 'ducklake_%'"

say "2. Tables with nested types; each statement is a snapshot"
lsql "CREATE SCHEMA robot;
CREATE TABLE robot.frames (
  episode INTEGER NOT NULL, step INTEGER NOT NULL, t TIMESTAMP,
  camera_uri VARCHAR, pose STRUCT(x DOUBLE, y DOUBLE, yaw DOUBLE),
  labels VARCHAR[], reward DOUBLE)"
lsql "INSERT INTO robot.frames
SELECT e, s, TIMESTAMP '2026-11-01 09:00:00' + INTERVAL (e * 3600 + s) SECOND,
       'file:///data/ep' || e || '/cam0/' || lpad(s::VARCHAR, 5, '0') || '.jpg',
       {'x': s * 0.01, 'y': e * 0.5, 'yaw': (s % 360) * 1.0},
       CASE WHEN s % 50 = 0 THEN ['person', 'car'] WHEN s % 7 = 0 THEN ['car'] ELSE [] END,
       CASE WHEN s % 100 = 99 THEN 1.0 ELSE 0.0 END
FROM range(20) e(e), range(500) s(s)"
lsql "SELECT episode, count(*) AS frames, sum(reward) AS reward,
       count(*) FILTER (WHERE list_contains(labels, 'person')) AS with_person
FROM robot.frames GROUP BY ALL ORDER BY episode LIMIT 5"

say "3. Files land where DuckLake puts them: <schema>/<table>/ducklake-<uuidv7>.parquet"
show find "$LAKE/data" -name '*.parquet'

say "4. DELETE writes a positional delete file; UPDATE keeps row ids"
lsql "DELETE FROM robot.frames WHERE episode = 3 AND step >= 250"
lsql "UPDATE robot.frames SET reward = 5.0 WHERE episode = 0 AND step = 499"
lsql "SELECT count(*) AS frames, sum(reward) AS reward FROM robot.frames"

say "5. Schema evolution never rewrites data: old files read through field ids"
lsql "ALTER TABLE robot.frames ADD COLUMN split VARCHAR DEFAULT 'train';
ALTER TABLE robot.frames RENAME COLUMN reward TO return;
ALTER TABLE robot.frames ALTER COLUMN step TYPE BIGINT"
lsql "SELECT episode, step, split, return FROM robot.frames WHERE episode = 0 ORDER BY step DESC LIMIT 3"

say "6. A transaction: several statements, one snapshot"
lsql "BEGIN;
UPDATE robot.frames SET split = 'val' WHERE episode >= 16;
INSERT INTO robot.frames (episode, step, camera_uri, split) VALUES (99, 0, 'file:///data/ep99/cam0/00000.jpg', 'test');
COMMIT"
lsql "SELECT split, count(*) FROM robot.frames GROUP BY split ORDER BY split"

say "7. Snapshots, and time travel to any of them"
show "$LH" --lake "$LAKE" snapshots
lsql "SELECT count(*) AS frames_at_v3 FROM robot.frames AT (VERSION => 3)"
lsql "SELECT count(*) AS now FROM robot.frames"

say "8. Compare two snapshots: the change feed"
lsql "SELECT change_type, count(*) FROM ducklake_table_changes('lake', 'robot', 'frames', 4, 5) GROUP BY ALL ORDER BY ALL"

say "9. A bad transform, then a rollback (history stays, no file is copied)"
lsql "UPDATE robot.frames SET return = -1"
lsql "SELECT min(return), max(return) FROM robot.frames"
last=$("$LH" --lake "$LAKE" sql --format csv -c "SELECT max(snapshot_id) - 1 FROM ducklake_snapshots('lake')" | tail -1)
show "$LH" --lake "$LAKE" rollback robot.frames "$last"
lsql "SELECT min(return), max(return) FROM robot.frames"

say "10. Errors are clear and change nothing"
lsql "INSERT INTO robot.frames (episode, step) VALUES (NULL, 1)" || true
lsql "ALTER TABLE robot.frames ALTER COLUMN episode TYPE SMALLINT" || true
lsql "SELECT * FROM robot.frames AT (VERSION => 999)" || true

say "11. Maintenance: merge the small files (time travel still reads the old ones)"
show "$LH" --lake "$LAKE" compact
lsql "SELECT count(*) AS frames_at_v3 FROM robot.frames AT (VERSION => 3)"
show "$LH" --lake "$LAKE" expire --keep-last 3 --dry-run
show "$LH" --lake "$LAKE" cleanup --dry-run

say "Done. The lake is in ./$LAKE; try: $LH --lake $LAKE sql"
