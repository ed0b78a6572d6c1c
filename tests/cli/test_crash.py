"""A writer killed with SIGKILL at random moments - inserting, deleting, updating,
compacting, expiring, cleaning up - leaves the catalog consistent and the lake
readable: every snapshot is complete or absent, every referenced file exists, and
`lakehouse cleanup` afterwards removes exactly the leftovers."""
import os
import random
import signal
import subprocess
import time


from lh import BIN, CATALOG, environ, run

# 30 trials on each combination the matrix runs this file on (fewer under ASan, where
# the sanitizer adds nothing to a consistency check: LH_CRASH_TRIALS)
TRIALS = int(os.environ.get("LH_CRASH_TRIALS", "30"))
BATCH = 10


def check_consistent(lake):
    if CATALOG == "sqlite":
        assert lake.cat("PRAGMA integrity_check") == [("ok",)]
    present = set(lake.data_files())
    for path in lake.referenced_files():
        assert path in present, path
    # every batch is whole or gone, and an update touched all of its rows or none
    rows = lake.rows("SELECT batch, count(*), count(DISTINCT v) FROM t GROUP BY batch")[1:]
    for batch, n, versions in rows:
        assert n == str(BATCH) and versions == "1", (batch, n, versions)
    # snapshot ids increase (expiring leaves gaps) and each has its changes row
    ids = [r[0] for r in lake.cat("SELECT snapshot_id FROM ducklake_snapshot ORDER BY 1")]
    assert ids == sorted(set(ids))
    n = lake.cat("SELECT count(*) FROM ducklake_snapshot s LEFT JOIN ducklake_snapshot_changes c "
                 "USING (snapshot_id) WHERE c.snapshot_id IS NULL")
    assert n == [(0,)]
    # time travel to the oldest snapshot still works
    assert lake.rows(f"SELECT count(*) FROM t AT (VERSION => {ids[-1]})")[1]


def script_lines(start):
    lines = []
    for i in range(start, start + 400):
        lines.append(f"INSERT INTO t SELECT {i}, range, 0 FROM range({BATCH});")
        if i % 3 == 0:
            lines.append(f"UPDATE t SET v = v + 1 WHERE batch = {i - 1};")
        if i % 5 == 0:
            lines.append(f"DELETE FROM t WHERE batch = {i - 2};")
        if i % 7 == 0:
            # batch ids of their own, clear of the plain inserts' (400 a trial) for as many
            # trials as LH_CRASH_TRIALS asks (a long run reached 100,000 at trial 250)
            lines.append(f"BEGIN; INSERT INTO t SELECT {i + 1_000_000_000}, range, 0 FROM "
                         f"range({BATCH}); DELETE FROM t WHERE batch = {i - 3}; COMMIT;")
        if i % 11 == 0:
            lines.append("CALL ducklake_merge_adjacent_files('lake');")
        if i % 17 == 0:
            lines.append("CALL ducklake_expire_snapshots('lake', keep_last => 20);")
            lines.append("CALL ducklake_cleanup_old_files('lake', cleanup_all => true);")
            lines.append("CALL ducklake_delete_orphaned_files('lake', cleanup_all => true);")
    return lines


def files(lake):
    return set(lake.data_files()) | set(lake.staging_leftovers())


def wait_for_progress(lake, p, files_before, timeout=300):
    """Returns once the writer has put a new file in the data path or in staging (it is
    past start-up and doing real work), however fast the machine is."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if p.poll() is not None:
            raise AssertionError(f"the writer ended before it was killed ({p.returncode})")
        if files(lake) - files_before:
            return
        time.sleep(0.005)
    raise AssertionError(f"the writer wrote no file in {timeout}s")


def test_sigkill_during_writes_and_maintenance(lake, tmp_path):
    lake.sql("CREATE TABLE t (batch INT, k INT, v INT)")
    rng = random.Random(1234)
    for trial in range(TRIALS):
        script = tmp_path / f"crash{trial}.sql"
        script.write_text("\n".join(script_lines(trial * 400)))
        files_before = files(lake)
        p = subprocess.Popen([BIN, "--lake", lake.dir, "sql", "-f", str(script)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=environ(lake=lake.dir))
        # kill at a random moment after the writer's first file: the kills hit real work
        # (writing, committing, maintenance) on a fast machine and on a loaded one alike
        try:
            wait_for_progress(lake, p, files_before)
            time.sleep(rng.uniform(0, 0.5))
        finally:
            p.send_signal(signal.SIGKILL)
            p.wait()
        assert p.returncode == -signal.SIGKILL  # killed mid-script, not finished
        check_consistent(lake)
    # cleanup removes exactly what no catalog row references
    run("cleanup", "--older-than", "0", lake=lake.dir, check=True)
    assert set(lake.data_files()) == set(lake.referenced_files())
    assert not lake.staging_leftovers()
    # the lake still takes writes and maintenance after all that
    lake.sql(f"INSERT INTO t SELECT -1, range, 0 FROM range({BATCH})")
    run("compact", lake=lake.dir, check=True)
    check_consistent(lake)
