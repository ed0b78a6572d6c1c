"""The commit rule: after an error nothing changed; after success it is durable
(lake/txn.c, catalog/commit.c). A failure injected right after the catalog commit (the
fault build's LH_FAULT=after_commit:1, where the lake refreshes its state) must not turn a
durable commit into an error, for SQL and for hf pull and video ingest, which remove their
objects when a run fails. Also: statements that change nothing make no snapshot, and a
conflict says which data file clashed."""
import os

import pytest

from lh import Lake, ffmpeg, open_transaction, run


@pytest.fixture
def lake():
    lk = Lake()
    yield lk
    lk.close()


def with_fault(tmp_path, lake, *args):
    """Runs lakehouse with the refresh after the first catalog commit failing; skips
    unless the binary is the fault-injection build (it writes the report)."""
    report = str(tmp_path / "fault-report")
    if os.path.exists(report):
        os.unlink(report)
    p = run(*args, lake=lake.dir, env={"LH_FAULT": "after_commit:1", "LH_FAULT_REPORT": report})
    if not os.path.exists(report):
        pytest.skip("needs the fault-injection build (build-asan)")
    fired = {ln.split()[0]: int(ln.split()[2]) for ln in open(report) if ln.strip()}
    assert fired["after_commit"] == 1, f"the fault was not reached: {fired}\n{p.stderr}"
    return p


def snapshots(lake):
    return [int(r[0]) for r in lake.rows("SELECT snapshot_id FROM ducklake_snapshots('lake') "
                                         "ORDER BY snapshot_id")[1:]]


def rel_of(uri):
    """An asset URI's key under the data path (absolute path, s3:// or relative)."""
    return uri[uri.index("assets/"):]


# --- a durable commit never reports failure ------------------------------------------

def test_statement_whose_refresh_fails_after_commit_succeeds(lake, tmp_path):
    lake.sql("CREATE TABLE t (id INTEGER, v VARCHAR)")
    before = snapshots(lake)
    p = with_fault(tmp_path, lake, "sql", "--format", "csv", "-c",
                   "INSERT INTO t VALUES (1, 'a'), (2, 'b')")
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == ["Count", "2"]
    after = snapshots(lake)
    assert after == before + [before[-1] + 1]
    assert lake.rows("SELECT id, v FROM t ORDER BY id") == [["id", "v"], ["1", "a"], ["2", "b"]]
    # every file the snapshot references is there
    for f in lake.referenced_files():
        assert lake.object_exists(f), f


def test_explicit_commit_whose_refresh_fails_succeeds(lake, tmp_path):
    lake.sql("CREATE TABLE t (id INTEGER); INSERT INTO t VALUES (1), (2), (3)")
    before = snapshots(lake)
    # the script goes on after the COMMIT, on the committed state
    p = with_fault(tmp_path, lake, "sql", "--format", "csv", "-c",
                   "BEGIN; DELETE FROM t WHERE id = 2; INSERT INTO t VALUES (4); COMMIT; "
                   "SELECT count(*) AS n FROM t")
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[-2:] == ["n", "3"]
    assert snapshots(lake) == before + [before[-1] + 1]
    assert lake.rows("SELECT id FROM t ORDER BY id")[1:] == [["1"], ["3"], ["4"]]
    for f in lake.referenced_files():
        assert lake.object_exists(f), f


def build_images_dataset(folder):
    """A folder in Hub layout: one Parquet file whose image column holds two PNGs."""
    os.makedirs(os.path.join(folder, "data"))
    img = os.path.join(folder, "..", "img")
    os.makedirs(img, exist_ok=True)
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=32x24", "-frames:v", "1", os.path.join(img, "a.png"))
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=40x30", "-frames:v", "1", os.path.join(img, "b.png"))
    builder = Lake("builder")
    try:
        out = os.path.join(folder, "data", "train-00000-of-00001.parquet")
        run("sql", "-c", f"""COPY (SELECT row_number() OVER (ORDER BY filename) AS id,
            {{'bytes': content, 'path': regexp_extract(filename, '[^/]+$')}} AS image
            FROM read_blob('{img}/*.png')) TO '{out}' (FORMAT parquet)""",
            lake=builder.dir, check=True)
    finally:
        builder.close()
    with open(os.path.join(folder, "README.md"), "w") as f:
        f.write("---\ndataset_info:\n  features:\n  - name: image\n    dtype: image\n---\n")


def test_hf_pull_whose_refresh_fails_keeps_its_objects(lake, tmp_path):
    ds = str(tmp_path / "ds" / "pics")
    build_images_dataset(ds)
    p = with_fault(tmp_path, lake, "hf", "pull", ds, "--into", "raw.pics")
    assert p.returncode == 0, p.stderr
    snap = snapshots(lake)[-1]
    assert "landed 2 rows from 1 of 1 data files" in p.stdout and f"in snapshot {snap}" in p.stdout
    uris = [r[0] for r in lake.rows("SELECT image_uri FROM raw.pics ORDER BY id")[1:]]
    assert len(uris) == 2
    for uri in uris:
        assert lake.object_exists(rel_of(uri)), uri
    assert any(f.startswith("landing/") for f in lake.data_files())
    # a re-run is a no-op and the table stays complete
    p = run("hf", "pull", ds, "--into", "raw.pics", lake=lake.dir)
    assert p.returncode == 0 and "nothing new" in p.stdout, p.stderr
    assert snapshots(lake)[-1] == snap
    assert lake.scalar("SELECT count(*) FROM raw.pics") == "2"
    for uri in uris:
        assert lake.object_exists(rel_of(uri)), uri


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    mp4 = str(tmp_path_factory.mktemp("clip") / "c.mp4")
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=96x64:rate=10:duration=2", "-c:v", "libx264",
           "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "10", "-keyint_min", "10",
           "-sc_threshold", "0", "-bf", "0", mp4)
    return mp4


def test_video_ingest_whose_refresh_fails_keeps_its_objects(lake, clip, tmp_path):
    p = with_fault(tmp_path, lake, "video", "ingest", clip, "--fragment-seconds", "1")
    assert p.returncode == 0, p.stderr
    snap = snapshots(lake)[-1]
    assert "1 clips, 2 fragments, 20 frames" in p.stdout and f"in snapshot {snap}" in p.stdout
    uri = lake.scalar("SELECT clip_uri FROM video.fragments_clips")
    assert lake.object_exists(rel_of(uri)), uri
    out = str(tmp_path / "f1.mp4")
    f = run("video", "fetch", uri, "1", "-o", out, "--table", "video.fragments", lake=lake.dir)
    assert f.returncode == 0 and os.path.getsize(out) > 0, f.stderr
    # a re-run is a no-op and the tables stay complete
    p = run("video", "ingest", clip, "--fragment-seconds", "1", lake=lake.dir)
    assert p.returncode == 0 and "nothing new" in p.stdout, p.stderr
    assert snapshots(lake)[-1] == snap
    assert lake.scalar("SELECT count(*) FROM video.fragments") == "2"
    assert lake.object_exists(rel_of(uri))


# --- a statement that changes nothing makes no snapshot ------------------------------

NO_OPS = [
    "ALTER TABLE t ALTER COLUMN a SET NOT NULL",      # already NOT NULL
    "ALTER TABLE t ALTER COLUMN c DROP NOT NULL",     # already nullable
    "ALTER TABLE t ALTER COLUMN b SET DEFAULT 3",     # the default it has
    "ALTER TABLE t ALTER COLUMN b SET DEFAULT 1 + 2",  # ... however it is spelled
    "ALTER TABLE t ALTER COLUMN c DROP DEFAULT",      # has none
    "ALTER TABLE t ALTER COLUMN a TYPE INTEGER",      # the type it has
    "ALTER TABLE t RENAME COLUMN c TO c",
    "ALTER TABLE t RENAME TO t",
    "ALTER TABLE t ADD COLUMN IF NOT EXISTS a INTEGER",
    "ALTER TABLE t DROP COLUMN IF EXISTS nope",
    "UPDATE t SET b = 5 WHERE a = 99",                # matches no row
    "DELETE FROM t WHERE a = 99",
    "INSERT INTO t SELECT * FROM t WHERE false",
    "BEGIN; ALTER TABLE t ALTER COLUMN a SET NOT NULL; DELETE FROM t WHERE a < 0; COMMIT",
]


@pytest.mark.parametrize("statement", NO_OPS)
def test_statement_that_changes_nothing_makes_no_snapshot(lake, statement):
    lake.sql("CREATE TABLE t (a INTEGER NOT NULL, b INTEGER DEFAULT 3, c INTEGER); "
             "INSERT INTO t VALUES (1, 2, 3)")
    before = snapshots(lake)
    lake.sql(statement)
    assert snapshots(lake) == before
    assert lake.rows("SELECT * FROM t") == [["a", "b", "c"], ["1", "2", "3"]]


def test_changes_next_to_no_ops_are_recorded(lake):
    lake.sql("CREATE TABLE t (a INTEGER NOT NULL, b INTEGER DEFAULT 3, c INTEGER)")
    before = snapshots(lake)
    # a real change in the same statement as an unchanged column: one snapshot, and only
    # the changed column gets a new catalog row
    lake.sql("BEGIN; ALTER TABLE t ALTER COLUMN a SET NOT NULL; "
             "ALTER TABLE t ALTER COLUMN b SET DEFAULT 4; COMMIT")
    assert len(snapshots(lake)) == len(before) + 1
    assert lake.cat("SELECT column_name, count(*) FROM ducklake_column GROUP BY column_name "
                    "ORDER BY column_name") == [("a", 1), ("b", 2), ("c", 1)]
    # a case-only rename is a change
    lake.sql("ALTER TABLE t RENAME COLUMN c TO C")
    assert len(snapshots(lake)) == len(before) + 2
    lake.sql("ALTER TABLE t ALTER COLUMN c DROP NOT NULL")
    assert len(snapshots(lake)) == len(before) + 2


# --- conflicts say what clashed ------------------------------------------------------

def test_conflict_on_the_same_data_file_says_so(lake):
    lake.sql("CREATE TABLE t (id INTEGER); INSERT INTO t VALUES (1), (2), (3)")
    (path,) = [r[0] for r in lake.cat("SELECT path FROM ducklake_data_file")]
    a = open_transaction(lake, "DELETE FROM t WHERE id = 2")
    lake.sql("DELETE FROM t WHERE id = 3")
    snap = snapshots(lake)[-1]
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 1
    assert (f"data file '{path}' of table 'main.t', and a concurrent commit (snapshot {snap}) "
            "also deleted rows of that file") in err, err
    assert "per data file" in err and "even when the two changes touch different rows" in err
    assert "re-run the statement" in err
    assert lake.rows("SELECT id FROM t ORDER BY id")[1:] == [["1"], ["2"]]


@pytest.mark.parametrize("mine, theirs", [
    ("ALTER TABLE t SET PARTITIONED BY (k)", "ALTER TABLE t SET PARTITIONED BY (v)"),
    ("ALTER TABLE t SET PARTITIONED BY (k)", "DROP TABLE t"),
    ("INSERT INTO t VALUES (1, 1)", "ALTER TABLE t SET PARTITIONED BY (v)")])
def test_partitioning_changed_meanwhile_is_a_conflict(lake, mine, theirs):
    """DuckLake's rule: a table whose partitioning another commit changed (or that it
    dropped) cannot take this transaction's partitioning change or inserts."""
    lake.sql("CREATE TABLE t (k INT, v INT)")
    a = open_transaction(lake, mine)
    lake.sql(theirs)
    n = len(snapshots(lake))
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 1 and "Transaction conflict" in err, err
    assert len(snapshots(lake)) == n


def test_conflict_with_a_file_removed_meanwhile_says_so(lake):
    lake.sql("CREATE TABLE t (id INTEGER); INSERT INTO t VALUES (1), (2)")
    (path,) = [r[0] for r in lake.cat("SELECT path FROM ducklake_data_file")]
    a = open_transaction(lake, "DELETE FROM t WHERE id = 1")
    lake.sql("DELETE FROM t")  # every row: the file is retired, no delete file
    snap = snapshots(lake)[-1]
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 1
    assert (f"data file '{path}' of table 'main.t', and a concurrent commit (snapshot {snap}) "
            "removed that file") in err, err
    assert lake.scalar("SELECT count(*) FROM t") == "0"
