"""A writer killed with SIGKILL at random moments leaves the catalog consistent and the
lake readable: every snapshot is complete or absent, every referenced file exists."""
import os
import random
import signal
import subprocess
import time

from lh import BIN, CATALOG, environ

TRIALS = 30
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
    ids = [r[0] for r in lake.cat("SELECT snapshot_id FROM ducklake_snapshot ORDER BY 1")]
    assert ids == list(range(len(ids)))
    n = lake.cat("SELECT count(*) FROM ducklake_snapshot s LEFT JOIN ducklake_snapshot_changes c "
                 "USING (snapshot_id) WHERE c.snapshot_id IS NULL")
    assert n == [(0,)]


def test_sigkill_during_writes(lake, tmp_path):
    lake.sql("CREATE TABLE t (batch INT, k INT, v INT)")
    rng = random.Random(1234)
    next_batch = 0
    progressed = 0
    for trial in range(TRIALS):
        before = lake.snapshot_count()
        lines = []
        for i in range(next_batch, next_batch + 400):
            lines.append(f"INSERT INTO t SELECT {i}, range, 0 FROM range({BATCH});")
            if i % 3 == 0:
                lines.append(f"UPDATE t SET v = v + 1 WHERE batch = {i - 1};")
            if i % 5 == 0:
                lines.append(f"DELETE FROM t WHERE batch = {i - 2};")
            if i % 7 == 0:
                lines.append(f"BEGIN; INSERT INTO t SELECT {i + 100000}, range, 0 FROM "
                             f"range({BATCH}); DELETE FROM t WHERE batch = {i - 3}; COMMIT;")
        next_batch += 400
        script = tmp_path / f"crash{trial}.sql"
        script.write_text("\n".join(lines))
        p = subprocess.Popen([BIN, "--lake", lake.dir, "sql", "-f", str(script)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environ(lake=lake.dir))
        time.sleep(rng.uniform(0.05, 0.8))
        p.send_signal(signal.SIGKILL)
        p.wait()
        assert p.returncode == -signal.SIGKILL  # killed mid-script, not finished
        progressed += lake.snapshot_count() > before
        check_consistent(lake)
    # the writer got somewhere before most kills (the kills hit real work)
    assert progressed >= TRIALS // 2
    # the lake still takes writes after all that
    lake.sql(f"INSERT INTO t SELECT -1, range, 0 FROM range({BATCH})")
    check_consistent(lake)
