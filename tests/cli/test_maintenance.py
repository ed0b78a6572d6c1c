"""Maintenance: compaction, expiring snapshots, cleanup of unreferenced and orphaned
files, through the CLI commands and the DuckLake-named SQL functions."""
import os
import signal
import subprocess
import time

import pytest

from lh import BIN, DATA, environ, open_transaction, run


def state(lake, version=None):
    at = f" AT (VERSION => {version})" if version is not None else ""
    return lake.rows(f"SELECT k, v FROM t{at} ORDER BY k")


@pytest.fixture
def small_files(lake):
    """Five inserts, a delete and an update: six small files, three with deletes."""
    lake.sql("CREATE TABLE t (k INT, v VARCHAR)")
    for i in range(5):
        lake.sql(f"INSERT INTO t SELECT {i} * 10 + range, 'v' FROM range(10)")
    lake.sql("DELETE FROM t WHERE k % 4 = 0")
    lake.sql("UPDATE t SET v = 'u' WHERE k IN (13, 27)")
    return lake


def latest(lake):
    return lake.cat("SELECT max(snapshot_id) FROM ducklake_snapshot")[0][0]


def test_compaction_keeps_rows_ids_and_time_travel(small_files):
    lk = small_files
    before_snap = latest(lk)
    history = {v: state(lk, v) for v in range(1, before_snap + 1)}
    ids_before = lk.rows("SELECT rowid, k FROM ducklake_table_insertions('lake', 'main', 't', 0, "
                         f"{before_snap}) ORDER BY rowid")
    p = run("compact", lake=lk.dir, check=True)
    # the five files with deletes are rewritten without the deleted rows; those and the
    # update's file are then merged
    out = p.stdout.splitlines()
    assert out[0].startswith("rewrote 5 files with deleted rows (") and "into 5 without" in out[0]
    assert out[1].startswith("merged 6 files (") and "into 1 (" in out[1], p.stdout
    snap = latest(lk)
    rewrite, update = before_snap + 1, before_snap
    assert snap == before_snap + 2
    assert lk.cat("SELECT changes_made FROM ducklake_snapshot_changes WHERE snapshot_id > ? "
                  "ORDER BY snapshot_id", (before_snap,)) == [("compacted_table:1",)] * 2
    # the rewrite ends the old files (and their deletes) and starts the new ones; the
    # merge, as DuckLake merges, deletes its sources from the catalog (queued for
    # cleanup) and begins where its oldest row did, saying which rows later snapshots
    # added; the rows keep their ids in the file (row_id_start NULL: not consecutive)
    files = lk.cat("SELECT begin_snapshot, end_snapshot, record_count, row_id_start, "
                   "partial_file_info FROM ducklake_data_file ORDER BY data_file_id")
    assert [f[1] for f in files[:-1]] == [rewrite] * 5
    assert files[-1] == (update, None, 37, None, f"{update}:2|{rewrite}:37")
    assert lk.cat("SELECT count(*) FROM ducklake_files_scheduled_for_deletion") == [(6,)]
    assert lk.cat("SELECT count(*) FROM ducklake_delete_file WHERE end_snapshot IS NULL") == [(0,)]
    # the same rows now and at every earlier snapshot; deleted rows stay deleted
    assert state(lk) == history[before_snap]
    assert lk.scalar("SELECT count(*) FROM t WHERE k % 4 = 0") == "0"
    for v, rows in history.items():
        assert state(lk, v) == rows, v
    assert "nothing to do" in run("compact", lake=lk.dir, check=True).stdout
    # row ids survived: a later update shows the original ids
    lk.sql("UPDATE t SET v = 'w' WHERE k = 13")
    ch = lk.rows(f"SELECT rowid, change_type, k, v FROM ducklake_table_changes('lake', 'main', "
                 f"'t', {snap + 1}, {snap + 1}) ORDER BY change_type")
    rid13 = [r[0] for r in ids_before[1:] if r[1] == "13"][0]
    assert ch[1:] == [[rid13, "update_postimage", "13", "w"], [rid13, "update_preimage", "13", "u"]]
    # the compaction itself is no change
    assert lk.rows(f"SELECT count(*) FROM ducklake_table_changes('lake', 'main', 't', {rewrite}, "
                   f"{snap})")[1] == ["0"]
    n_all = lk.scalar(f"SELECT count(*) FROM ducklake_table_changes('lake', 'main', 't', 0, "
                      f"{snap + 1})")
    n_before = lk.scalar(f"SELECT count(*) FROM ducklake_table_changes('lake', 'main', 't', 0, "
                         f"{before_snap})")
    assert int(n_all) == int(n_before) + 2


def test_compaction_respects_schema_versions_and_targets(lake):
    lake.sql("CREATE TABLE t (k INT)")
    lake.sql("INSERT INTO t VALUES (1)")
    lake.sql("INSERT INTO t VALUES (2)")
    lake.sql("ALTER TABLE t ADD COLUMN w INT DEFAULT 7")
    lake.sql("INSERT INTO t VALUES (3, 3)")
    lake.sql("INSERT INTO t VALUES (4, 4)")
    lake.sql("INSERT INTO t VALUES (5, 5)")
    lake.sql("CREATE TABLE other (x INT); INSERT INTO other VALUES (1); INSERT INTO other VALUES (2)")
    out = lake.rows("CALL ducklake_merge_adjacent_files('lake', 't')")
    merged = [r for r in out[1:] if r[0] == "merged"]
    created = [r for r in out[1:] if r[0] == "created"]
    assert len(merged) == 5 and len(created) == 2  # one file per schema version
    assert lake.rows("SELECT k, w FROM t ORDER BY k")[1:] == \
        [["1", "7"], ["2", "7"], ["3", "3"], ["4", "4"], ["5", "5"]]
    # the other table was not touched, the schema option filters
    assert lake.cat("SELECT count(*) FROM ducklake_data_file f JOIN ducklake_table t ON "
                    "t.table_id = f.table_id WHERE t.table_name = 'other' AND "
                    "f.end_snapshot IS NULL") == [(2,)]
    assert lake.rows("CALL ducklake_merge_adjacent_files('lake', schema => 'nope')")[1:] == []
    err = lake.fail("CALL ducklake_merge_adjacent_files('lake', 'nope')")
    assert "nope" in err and "does not exist" in err
    err = lake.fail("CALL ducklake_merge_adjacent_files('lake', bogus => 1)")
    assert "no parameter 'bogus'" in err
    # inside a transaction: as its only change (it commits with it)
    err = lake.fail("BEGIN; INSERT INTO t VALUES (6, 6); CALL ducklake_merge_adjacent_files('lake')")
    assert "inside a transaction that changed the lake already" in err, err
    err = lake.fail("BEGIN; CALL ducklake_expire_snapshots('lake', versions => [1])")
    assert "cannot run inside a transaction" in err, err
    lake.sql("INSERT INTO other VALUES (3)")
    before = lake.snapshot_count()
    err = lake.fail("BEGIN; CALL ducklake_merge_adjacent_files('lake', 'other'); "
                    "INSERT INTO t VALUES (7, 7)")
    assert "this transaction ran a compaction" in err, err
    assert lake.snapshot_count() == before
    out = lake.rows("BEGIN; CALL ducklake_merge_adjacent_files('lake', 'other'); "
                    "SELECT count(*) FROM other; COMMIT")
    assert lake.snapshot_count() == before + 1
    assert lake.rows("SELECT x FROM other ORDER BY x")[1:] == [["1"], ["2"], ["3"]]


def test_compaction_conflicts_with_a_concurrent_delete(small_files):
    a = open_transaction(small_files, "DELETE FROM t WHERE k = 11")
    run("compact", lake=small_files.dir, check=True)
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 1 and "concurrent commit" in err
    assert small_files.scalar("SELECT count(*) FROM t WHERE k = 11") == "1"
    # and the other way round: a compaction whose sources were deleted meanwhile
    # retries nothing and reports the conflict; a new compaction then works
    small_files.sql("INSERT INTO t VALUES (100, 'x'); INSERT INTO t VALUES (101, 'y')")
    a = open_transaction(small_files, "DELETE FROM t WHERE k = 100")
    p = run("compact", lake=small_files.dir)
    assert p.returncode == 0
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 1
    assert small_files.scalar("SELECT count(*) FROM t WHERE k >= 100") == "2"


def test_expire_forgets_snapshots_and_queues_their_files(small_files):
    lk = small_files
    n = latest(lk)
    now_rows = state(lk)
    p = run("expire", "--keep-last", "1", "--dry-run", lake=lk.dir, check=True)
    assert f"would expire {n} snapshots" in p.stdout
    assert latest(lk) == n and lk.snapshot_count() == n + 1  # nothing changed
    p = run("expire", "--keep-last", "1", lake=lk.dir, check=True)
    assert f"expired {n} snapshots" in p.stdout
    assert lk.cat("SELECT snapshot_id FROM ducklake_snapshot") == [(n,)]
    assert state(lk) == now_rows and state(lk, n) == now_rows
    err = lk.fail("SELECT * FROM t AT (VERSION => 2)")
    assert "No snapshot found at version 2" in err
    # the files only expired snapshots used are queued (the first delete file, ...)
    queued = lk.cat("SELECT path FROM ducklake_files_scheduled_for_deletion")
    assert len(queued) == 2  # the delete files the update replaced
    assert all(q[0].startswith("main/t/ducklake-") for q in queued)
    # every queued file is still there until cleanup; then gone, and nothing live with it
    files_before = set(lk.data_files())
    assert {q[0] for q in queued} <= files_before
    p = run("cleanup", "--older-than", "0", lake=lk.dir, check=True)
    assert f"deleted {len(queued)} files" in p.stdout
    assert set(lk.data_files()) == files_before - {q[0] for q in queued}
    assert lk.cat("SELECT count(*) FROM ducklake_files_scheduled_for_deletion") == [(0,)]
    assert state(lk) == now_rows
    assert set(lk.referenced_files()) <= set(lk.data_files())
    # errors
    assert lk.fail(f"CALL ducklake_expire_snapshots('lake', versions => [{n}])").find(
        "is the latest") >= 0
    assert "needs older_than" in lk.fail("CALL ducklake_expire_snapshots('lake')")
    assert run("expire", lake=lk.dir).returncode == 2
    assert run("expire", "--older-than", "7x", lake=lk.dir).returncode == 2


def test_expire_by_age_and_by_version(lake):
    lake.sql("CREATE TABLE t (k INT)")
    for i in range(4):
        lake.sql(f"INSERT INTO t VALUES ({i})")
    first = latest(lake)
    time.sleep(1.1)
    lake.sql("INSERT INTO t VALUES (99)")
    p = run("expire", "--older-than", "1s", lake=lake.dir, check=True)
    assert f"expired {first + 1} snapshots" in p.stdout
    assert [r[0] for r in lake.cat("SELECT snapshot_id FROM ducklake_snapshot")] == [first + 1]
    assert lake.scalar("SELECT count(*) FROM t") == "5"
    lake.sql("INSERT INTO t VALUES (100); INSERT INTO t VALUES (101)")
    out = lake.rows(f"CALL ducklake_expire_snapshots('lake', versions => [{first + 2}])")
    assert ["expired_snapshot", str(first + 2), ""] in out
    assert [r[0] for r in lake.cat("SELECT snapshot_id FROM ducklake_snapshot ORDER BY 1")] == \
        [first + 1, first + 3]


def test_expire_after_rename_keeps_the_table(lake):
    """DuckLake issue #527: expiring snapshots of a renamed table lost its data."""
    lake.sql("CREATE TABLE a (k INT); INSERT INTO a VALUES (1), (2)")
    lake.sql("ALTER TABLE a RENAME TO b")
    lake.sql("INSERT INTO b VALUES (3)")
    lake.sql("ALTER TABLE b ADD COLUMN w INT")
    run("expire", "--keep-last", "1", lake=lake.dir, check=True)
    run("cleanup", "--older-than", "0", lake=lake.dir, check=True)
    assert lake.rows("SELECT k, w FROM b ORDER BY k")[1:] == [["1", ""], ["2", ""], ["3", ""]]
    assert lake.cat("SELECT table_name FROM ducklake_table") == [("b",)]
    assert lake.cat("SELECT record_count FROM ducklake_table_stats") == [(3,)]
    assert lake.cat("SELECT column_name FROM ducklake_column ORDER BY column_id") == [("k",), ("w",)]
    lake.sql("INSERT INTO b VALUES (4, 4)")
    assert lake.scalar("SELECT sum(k) FROM b") == "10"


def test_cleanup_never_deletes_a_file_another_row_uses(lake):
    """DuckLake PR #1354: a file two rows refer to was deleted while still live. A
    rollback registers the old file again under a new row."""
    lake.sql("CREATE TABLE t (k INT); INSERT INTO t VALUES (1), (2)")
    lake.sql("DELETE FROM t")  # the file is retired
    run("rollback", "t", "2", lake=lake.dir, check=True)  # ... and registered again
    assert lake.scalar("SELECT count(*) FROM t") == "2"
    run("expire", "--keep-last", "1", lake=lake.dir, check=True)
    queued = lake.cat("SELECT path FROM ducklake_files_scheduled_for_deletion")
    assert len(queued) == 1  # the old row's file: the same path as the live row's
    p = run("cleanup", "--older-than", "0", lake=lake.dir, check=True)
    assert "deleted 0 files" in p.stdout
    assert lake.scalar("SELECT sum(k) FROM t") == "3"
    assert lake.cat("SELECT count(*) FROM ducklake_files_scheduled_for_deletion") == [(0,)]


def test_cleanup_removes_orphans_of_killed_writes(lake, tmp_path):
    lake.sql("CREATE TABLE t (k INT, pad VARCHAR)")
    lake.sql("INSERT INTO t SELECT range, repeat('x', 100) FROM range(1000)")
    live = set(lake.data_files())
    # writers killed after writing files, before committing
    script = tmp_path / "w.sql"
    script.write_text("BEGIN;\n" + "".join(
        f"INSERT INTO t SELECT range, repeat('y', 100) FROM range({i}, {i} + 20000);\n"
        for i in range(0, 2_000_000, 20000)) + "COMMIT;\n")
    p = subprocess.Popen([BIN, "--lake", lake.dir, "sql", "-f", str(script)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=environ(lake=lake.dir))
    # killed once it has written three files, however long that takes on this machine
    while len(set(lake.data_files()) - live) < 3 and p.poll() is None:
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL)
    p.wait()
    orphans = set(lake.data_files()) - live
    assert orphans, "the writer was killed before it wrote a file"
    # young files are left alone (a writer may still be about to commit them)
    p = run("cleanup", lake=lake.dir, check=True)
    assert "deleted 0 files" in p.stdout and set(lake.data_files()) >= orphans
    p = run("cleanup", "--older-than", "0", "--dry-run", "--format", "csv", lake=lake.dir,
            check=True)
    would = {r.split(",")[1] for r in p.stdout.splitlines()[1:]}
    assert all(r.startswith("would_remove_orphan,") for r in p.stdout.splitlines()[1:])
    # the orphans in the table's folder, and (local folders) files the killed writer
    # left in its staging folder
    in_lake = {w.split("/lake/", 1)[1] for w in would if "/lake/" in w}
    assert {w[len("data/"):] if w.startswith("data/") else w for w in in_lake} >= orphans
    assert set(lake.data_files()) >= orphans  # a dry run deletes nothing
    p = run("cleanup", "--older-than", "0", lake=lake.dir, check=True)
    assert f"deleted {len(would)} files" in p.stdout and f"{len(would)} orphans" in p.stdout
    assert set(lake.data_files()) == live
    assert not lake.staging_leftovers()
    assert lake.scalar("SELECT count(*) FROM t") == "1000"


def test_cleanup_refuses_when_the_catalog_and_the_store_disagree(lake):
    lake.sql("CREATE TABLE t AS SELECT 1 AS k")
    path = lake.data_files()[0]
    if DATA == "s3":
        from lh import s3_client
        s3_client().delete_object(Bucket=lake.bucket, Key="lake/" + path)
        s3_client().put_object(Bucket=lake.bucket, Key="lake/main/t/stray.parquet", Body=b"x")
    else:
        os.remove(os.path.join(lake.dir, "data", path))
        open(os.path.join(lake.dir, "data", "main", "t", "stray.parquet"), "w").write("x")
    p = run("cleanup", "--older-than", "0", lake=lake.dir)
    assert p.returncode == 1 and "does not hold" in p.stderr and path in p.stderr
    assert "main/t/stray.parquet" in lake.data_files()


def test_maintenance_output_formats(small_files):
    p = run("compact", "--format", "csv", lake=small_files.dir, check=True)
    lines = p.stdout.splitlines()
    # five rewritten and their five new files, six merged and the merged one
    assert lines[0] == "action,object,bytes" and len(lines) == 1 + 5 + 5 + 6 + 1
    assert [l.split(",")[0] for l in lines[1:]] == ["rewritten", "written"] * 5 + \
        ["merged"] * 6 + ["created"] or sorted(l.split(",")[0] for l in lines[1:]) == \
        sorted(["rewritten"] * 5 + ["written"] * 5 + ["merged"] * 6 + ["created"])
    p = run("expire", "--keep-last", "1", "--format", "json", lake=small_files.dir, check=True)
    assert p.stdout.startswith('[{"action":"expired_snapshot"')
    p = run("compact", "--verbose", lake=small_files.dir, check=True)
    assert "nothing to do" in p.stdout


def merge_history(lake):
    """Four inserts into t (snapshots s1..s4), one into another table between them."""
    lake.sql("CREATE TABLE t (k INT, v VARCHAR); CREATE TABLE o (x INT)")
    snaps = []
    for i in range(4):
        lake.sql(f"INSERT INTO t SELECT {i} * 10 + range, 'v{i}' FROM range(10)")
        snaps.append(latest(lake))
        if i == 1:
            lake.sql("INSERT INTO o VALUES (1)")
    return snaps


def feed(lake, a, b):
    return lake.rows(f"SELECT snapshot_id, rowid, change_type, k FROM ducklake_table_changes("
                     f"'lake', 'main', 't', {a}, {b}) ORDER BY ALL")


@pytest.mark.parametrize("version", ["0.3", "1.0"])
def test_a_merge_is_shaped_as_duckdb_merges_and_every_snapshot_reads_the_same(version):
    from lh import Lake
    lake = Lake(init=("--ducklake-version", version))
    try:
        snaps = merge_history(lake)
        last = latest(lake)
        before = {v: lake.rows(f"SELECT snapshot_id, rowid, k, v FROM t AT (VERSION => {v}) "
                               "ORDER BY k") for v in range(snaps[0] - 1, last + 1)}
        feeds = {(a, b): feed(lake, a, b) for a in snaps for b in snaps if a <= b}
        sources = lake.cat("SELECT data_file_id FROM ducklake_data_file WHERE table_id = "
                           "(SELECT table_id FROM ducklake_table WHERE table_name = 't') "
                           "ORDER BY 1")
        # a session that reads the past before the merge and its cleanup, and after
        p = subprocess.Popen([BIN, "--lake", lake.dir, "sql", "--format", "csv"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=environ(lake=lake.dir))
        p.stdin.write(f"SELECT count(*) FROM t AT (VERSION => {snaps[1]});\n"
                      "SELECT 'ready' AS marker;\n")
        p.stdin.flush()
        assert any(line.strip() == "ready" for line in p.stdout)
        out = lake.rows("CALL ducklake_merge_adjacent_files('lake', 't')")
        assert sorted(r[0] for r in out[1:]) == ["created"] + ["merged"] * 4
        # one file, beginning where the oldest row did, saying which rows each later
        # snapshot added; its sources are gone from the catalog and queued for cleanup
        files = lake.cat("SELECT begin_snapshot, end_snapshot, record_count, row_id_start, " +
                         ("partial_max" if version == "1.0" else "partial_file_info") +
                         " FROM ducklake_data_file WHERE table_id = (SELECT table_id FROM "
                         "ducklake_table WHERE table_name = 't')")
        info = (str(snaps[3]) if version == "1.0" else
                "|".join(f"{s}:{10 * (i + 1)}" for i, s in enumerate(snaps)))
        assert [tuple(str(x) if x is not None else None for x in f) for f in files] == [
            (str(snaps[0]), None, "40", "0", info)]
        assert sorted(lake.cat("SELECT data_file_id FROM "
                               "ducklake_files_scheduled_for_deletion")) == sorted(sources)
        for v, rows in before.items():
            assert lake.rows(f"SELECT snapshot_id, rowid, k, v FROM t AT (VERSION => {v}) "
                             "ORDER BY k") == rows, v
        for (a, b), rows in feeds.items():
            assert feed(lake, a, b) == rows, (a, b)
        # the sources are removed; the session that read the past before keeps reading it
        # right (it reads the merged file now)
        run("cleanup", "--older-than", "0", lake=lake.dir, check=True)
        assert not any(lake.object_exists(f"main/t/{p}") for (p,) in
                       lake.cat("SELECT path FROM ducklake_files_scheduled_for_deletion"))
        out, err = p.communicate(f"SELECT k FROM t AT (VERSION => {snaps[1]}) ORDER BY k "
                                 "DESC LIMIT 1;\n", timeout=120)
        assert p.returncode == 0 and out.splitlines()[-2:] == ["k", "19"], err
        for v, rows in before.items():
            assert lake.rows(f"SELECT snapshot_id, rowid, k, v FROM t AT (VERSION => {v}) "
                             "ORDER BY k") == rows, v
        # a rollback to a snapshot in the middle of the merged file hides its later rows
        run("rollback", "t", str(snaps[1]), lake=lake.dir, check=True)
        assert lake.rows("SELECT snapshot_id, rowid, k, v FROM t ORDER BY k") == before[snaps[1]]
        rb = latest(lake)
        assert [r[2] for r in feed(lake, rb, rb)[1:]] == ["delete"] * 20
    finally:
        lake.close()


def test_rewrite_data_files_drops_deleted_rows_from_a_new_snapshot_on(small_files):
    lk = small_files
    before_snap = latest(lk)
    history = {v: state(lk, v) for v in range(1, before_snap + 1)}
    # 2 or 3 of 10 rows deleted in each of the first five files: a threshold of 0.25
    # rewrites those with 3
    out = lk.rows("CALL ducklake_rewrite_data_files('lake', 't', delete_threshold => 0.25)")
    acts = sorted(r[0] for r in out[1:])
    assert acts == ["rewritten"] * (len(acts) // 2) + ["written"] * (len(acts) // 2) and acts
    assert latest(lk) == before_snap + 1
    for v, rows in history.items():
        assert state(lk, v) == rows, v
    assert state(lk) == history[before_snap]
    assert "delete_threshold => '2'" in lk.fail(
        "CALL ducklake_rewrite_data_files('lake', delete_threshold => 2)")


def test_a_merge_of_files_whose_snapshots_expired(lake):
    lake.sql("CREATE TABLE t (k INT, gone INT)")
    for i in range(3):
        lake.sql(f"INSERT INTO t VALUES ({i}, {i})")
    lake.sql("ALTER TABLE t DROP COLUMN gone")
    lake.sql("INSERT INTO t VALUES (9)")
    want = lake.rows("SELECT snapshot_id, rowid, k FROM t ORDER BY k")
    run("expire", "--keep-last", "1", lake=lake.dir, check=True)
    out = lake.rows("CALL ducklake_merge_adjacent_files('lake')")
    assert sorted(r[0] for r in out[1:]) == ["created"] + ["merged"] * 3
    assert lake.rows("SELECT snapshot_id, rowid, k FROM t ORDER BY k") == want


@pytest.mark.skipif(DATA != "fs", reason="puts files into the data folder by hand")
def test_orphans_are_any_parquet_in_a_table_folder_never_ingest_objects(lake):
    """As DuckLake counts them: a Parquet file in a table's folder that no catalog row
    references is an orphan whatever its name; landing/ and assets/ objects, which table
    rows reference, are not, nor is what a delete_older_than of '' leaves unbounded."""
    lake.sql("CREATE TABLE t (i INT); INSERT INTO t VALUES (1)")
    data = os.path.join(lake.dir, "data")
    for rel in ("main/t/bla.parquet", "landing/hf/x/shard.parquet", "assets/a/b.parquet"):
        os.makedirs(os.path.dirname(os.path.join(data, rel)), exist_ok=True)
        lake.sql(f"COPY (SELECT 1 AS i) TO '{os.path.join(data, rel)}'")
    q = "SELECT path FROM ducklake_delete_orphaned_files('lake', cleanup_all => true, dry_run => true)"
    assert [r[0].endswith("main/t/bla.parquet") for r in lake.rows(q)[1:]] == [True]
    assert "delete_older_than is not a valid interval value" in lake.fail(
        "CALL lake.set_option('delete_older_than', 'pedro')")
    lake.sql("CALL lake.set_option('delete_older_than', '')")  # no bound: the default hour
    assert lake.rows(q.replace("cleanup_all => true, ", ""))[1:] == []
    lake.sql("CALL ducklake_delete_orphaned_files('lake', cleanup_all => true)")
    assert sorted(f for f in lake.data_files() if not f.startswith("main/t/ducklake-")) == [
        "assets/a/b.parquet", "landing/hf/x/shard.parquet"]
    assert lake.scalar("SELECT count(*) FROM t") == "1"
