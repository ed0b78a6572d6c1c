#!/usr/bin/env python3
"""Does cost grow with history? Builds two lakes with the same live data and times them.

  fresh    one table whose LIVE_FILES files were written in one snapshot
  history  the same live files, written one per snapshot, plus dead files inserted and
           deleted again until the lake has SNAPSHOTS snapshots (retained history:
           nothing expired)

Both catalogs hold exactly the rows DuckLake 0.3 prescribes (the same rows `lakehouse`
writes for such commits: bench/history.py checks the fresh lake reads back right);
writing 100,000 real commits would take longer than the measurement, so the history is
written into the SQLite catalog directly. The Parquet files are real, one per live file,
with the lake's field ids. Then bench_history times, on each lake, opening it, planning
and running a point query, a scan, and one-row commits, and prints ours (history) next to
the fresh lake's with the ratio.

Usage: bench/history.py BUILD_DIR [--snapshots N] [--live-files N] [--rows-per-file N]
                        [--dir DIR] [--s3]   (--s3: the data in S3: AWS_ENDPOINT_URL and
                        the keys in the environment, bucket $BENCH_BUCKET, default
                        lh-history; see bench/run.sh)
"""
import argparse
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("build")
ap.add_argument("--snapshots", type=int, default=100_000)
ap.add_argument("--live-files", type=int, default=10_000)
ap.add_argument("--rows-per-file", type=int, default=10)
ap.add_argument("--dir")
ap.add_argument("--s3", action="store_true", help="put the data in S3 (AWS_* in the environment)")
args = ap.parse_args()
if args.snapshots < args.live_files + 2:
    sys.exit("bench/history.py: --snapshots must be at least --live-files + 2")

LH = os.path.join(args.build, "lakehouse")
BUCKET = os.environ.get("BENCH_BUCKET", "lh-history")
if args.s3:
    import boto3
    S3 = boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"])
    try:
        S3.create_bucket(Bucket=BUCKET)
    except S3.exceptions.BucketAlreadyOwnedByYou:
        pass
work = args.dir or tempfile.mkdtemp(prefix="lh-history-")
os.makedirs(work, exist_ok=True)
TIME = "2026-01-01 00:00:00+00"


def run(*cmd, **kw):
    p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f"bench/history.py: {' '.join(map(str, cmd))} failed:\n{p.stderr}")
    return p.stdout


def footer_size(path):
    with open(path, "rb") as f:
        f.seek(-8, os.SEEK_END)
        n, magic = struct.unpack("<I4s", f.read(8))
    assert magic == b"PAR1", path
    return n


def make_files(lake):
    """The live Parquet files, written by DuckDB with the table's field ids."""
    out = os.path.join(work, "parquet")
    if not os.path.isdir(out):
        n = args.live_files * args.rows_per_file
        run(LH, "--lake", lake, "sql", "-c",
            f"COPY (SELECT i // {args.rows_per_file} AS p, i AS id, 'v' || lpad(i::VARCHAR, 9, '0') AS s "
            f"FROM range({n}) t(i)) TO '{out}' (FORMAT parquet, PARTITION_BY (p), "
            "FIELD_IDS {id: 1, s: 2}, OVERWRITE_OR_IGNORE)")
    return out


def new_lake(name):
    d = os.path.join(work, name)
    shutil.rmtree(d, ignore_errors=True)
    init = [LH, "init", d]
    if args.s3:
        init += ["--data", f"s3://{BUCKET}/{name}/"]
    run(*init)
    run(LH, "--lake", d, "sql", "-c", "CREATE TABLE t (id BIGINT, s VARCHAR)")
    return d


def place(lake, db, parquet):
    """Puts live file i at the table's path; returns [(name, size, footer)]."""
    files = []
    table_dir = os.path.join(lake, "data", "main", "t")
    os.makedirs(table_dir, exist_ok=True)
    for i in range(args.live_files):
        src = os.path.join(parquet, f"p={i}", "data_0.parquet")
        name = f"ducklake-bench-{i:08d}.parquet"
        if args.s3:
            S3.upload_file(src, BUCKET, f"{os.path.basename(lake)}/main/t/{name}")
        else:
            os.link(src, os.path.join(table_dir, name))
        files.append((name, os.path.getsize(src), footer_size(src)))
    return files


def fill(lake, parquet, history):
    db = sqlite3.connect(os.path.join(lake, "metadata.sqlite"))
    files = place(lake, db, parquet)
    R = args.rows_per_file
    snap = 2
    next_file = 0
    snapshots, changes, data, stats = [], [], [], []

    def add_file(begin, end, path, size, footer, row_start, lo, hi):
        nonlocal next_file
        fid = next_file
        next_file += 1
        data.append((fid, 1, begin, end, None, path, 1, "parquet", R, size, footer, row_start,
                     None, None, None, None))
        stats.append((fid, 1, 1, None, R, 0, str(lo), str(hi), None, None))
        stats.append((fid, 1, 2, None, R, 0, f"v{lo:09d}", f"v{hi:09d}", None, None))

    row = 0
    for i, (name, size, footer) in enumerate(files):
        add_file(snap, None, name, size, footer, row, i * R, i * R + R - 1)
        row += R
        if history or i == len(files) - 1:
            snapshots.append((snap, TIME, 1, 2, next_file))
            changes.append((snap, "inserted_into_table:1", None, None, None))
            snap += 1
    if history:
        # dead files: inserted in one snapshot, all rows deleted in the next
        while snap + 1 < args.snapshots:
            add_file(snap, snap + 1, f"ducklake-bench-dead-{snap:08d}.parquet", 1000, 300, row,
                     -R, -1)
            row += R
            snapshots.append((snap, TIME, 1, 2, next_file))
            changes.append((snap, "inserted_into_table:1", None, None, None))
            snapshots.append((snap + 1, TIME, 1, 2, next_file))
            changes.append((snap + 1, "deleted_from_table:1", None, None, None))
            snap += 2
    with db:
        db.executemany("INSERT INTO ducklake_snapshot VALUES (?,?,?,?,?)", snapshots)
        db.executemany("INSERT INTO ducklake_snapshot_changes VALUES (?,?,?,?,?)", changes)
        db.executemany(f"INSERT INTO ducklake_data_file VALUES ({','.join('?' * 16)})", data)
        db.executemany(f"INSERT INTO ducklake_file_column_stats VALUES ({','.join('?' * 10)})",
                       stats)
        n = args.live_files * R
        db.execute("INSERT INTO ducklake_table_stats VALUES (1, ?, ?, ?)",
                   (n, row, sum(f[1] for f in files)))
        db.execute("INSERT INTO ducklake_table_column_stats VALUES (1, 1, 0, NULL, '0', ?, NULL)",
                   (str(n - 1),))
        db.execute("INSERT INTO ducklake_table_column_stats VALUES (1, 2, 0, NULL, ?, ?, NULL)",
                   ("v000000000", f"v{n - 1:09d}"))
    db.close()
    return snap


fresh = new_lake("fresh")
parquet = make_files(fresh)
fill(fresh, parquet, history=False)
hist = new_lake("history")
last = fill(hist, parquet, history=True)
n = args.live_files * args.rows_per_file
for lake in (fresh, hist):
    got = run(LH, "--lake", lake, "sql", "--format", "csv", "-c",
              "SELECT count(*), sum(id), count(DISTINCT s) FROM t").splitlines()[-1]
    want = f"{n},{n * (n - 1) // 2},{n}"
    if got != want:
        sys.exit(f"bench/history.py: {lake} reads {got}, expected {want}")
print(f"lakes in {work}: fresh (2 snapshots), history ({last} snapshots); "
      f"{args.live_files} live files of {args.rows_per_file} rows each"
      + (" in S3" if args.s3 else " in a local folder"))
sys.stdout.flush()
subprocess.run([os.path.join(args.build, "bench", "bench_history"), fresh, hist, str(n)],
               check=True)
