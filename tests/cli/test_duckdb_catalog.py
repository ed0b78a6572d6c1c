"""A DuckDB-file catalog is never checkpointed in place (catalog/catdb_duckdb.c): DuckDB
rewrites live metadata blocks during a checkpoint, so a process killed in one could
leave the file unreadable. Commits go to the write-ahead log, which is folded in on a
copy that is renamed over the file; the copy is rebuilt from scratch once the file has
grown, since DuckDB leaks the blocks of PRIMARY KEY indexes at every checkpoint. Here:
the file stays compact, a copy a dead process left is discarded, and a checkpoint that
stopped after its point of no return is finished by the next opener."""
import os

import pytest

from lh import CATALOG, DATA, run

pytestmark = pytest.mark.skipif(CATALOG != "duckdb" or DATA != "fs",
                                reason="about DuckDB-file catalogs")


def catalog_file(lake):
    return os.path.join(lake.dir, "metadata.ducklake")


def leftovers(lake):
    return sorted(f for f in os.listdir(lake.dir) if ".checkpoint" in f)


def insert_script(tmp_path, first, n):
    path = tmp_path / f"inserts{first}.sql"
    path.write_text("".join(f"INSERT INTO t VALUES ({i});\n" for i in range(first, first + n)))
    return str(path)


def duckdb_session(cwd, script):
    import subprocess
    from lh import BIN, environ
    env = environ()
    env.pop("LAKEHOUSE_DIR", None)
    p = subprocess.run([BIN, "sql", "--format", "csv", "-c", script], cwd=cwd, env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return p.stdout


def count_and_sum(lake):
    return lake.rows("SELECT count(*), sum(a) FROM t")[1]


def test_the_file_stays_compact_over_many_commits(lake, tmp_path):
    lake.sql("CREATE TABLE t (a INT)")
    run("sql", "-f", insert_script(tmp_path, 0, 200), lake=lake.dir, check=True)
    assert count_and_sum(lake) == ["200", str(sum(range(200)))]
    # DuckDB's own checkpoints grew this catalog by ~0.8 MB a commit (160 MB here), a
    # copy checkpointed without rebuilding by ~0.2 MB; rebuilt, it stays a few MB plus
    # the 16 MB it may grow before the next rebuild
    size = os.path.getsize(catalog_file(lake))
    assert size < 32 << 20, size
    assert leftovers(lake) == []
    # every commit is in the file or its log, and the log is folded in, not left to grow
    wal = catalog_file(lake) + ".wal"
    assert not os.path.exists(wal) or os.path.getsize(wal) < 64 << 10


def test_a_copy_left_by_a_dead_checkpoint_is_discarded(lake):
    lake.sql("CREATE TABLE t (a INT); INSERT INTO t VALUES (1), (2)")
    # what a process killed while building the copy leaves: a partial copy, no marker
    for name in ("metadata.ducklake.checkpoint", "metadata.ducklake.checkpoint.wal"):
        with open(os.path.join(lake.dir, name), "wb") as f:
            f.write(b"half a copy")
    assert count_and_sum(lake) == ["2", "3"]
    assert leftovers(lake) == []
    lake.sql("INSERT INTO t VALUES (3)")
    assert count_and_sum(lake) == ["3", "6"]


def faulty_run(lake, tmp_path, *args):
    """Runs with the checkpoint's swap failing (the fault build's catalog_checkpoint)."""
    report = str(tmp_path / "fault-report")
    if os.path.exists(report):
        os.unlink(report)
    p = run(*args, lake=lake.dir, env={"LH_FAULT": "catalog_checkpoint:1",
                                       "LH_FAULT_REPORT": report})
    if not os.path.exists(report):
        pytest.skip("needs the fault-injection build (build-asan)")
    fired = {ln.split()[0]: int(ln.split()[2]) for ln in open(report) if ln.strip()}
    assert fired["catalog_checkpoint"] == 1, f"the fault was not reached: {fired}\n{p.stderr}"
    return p


def test_a_checkpoint_past_its_point_of_no_return_is_finished_by_the_next_opener(lake, tmp_path):
    lake.sql("CREATE TABLE t (a INT); INSERT INTO t VALUES (1)")
    # the swap fails after the marker: the statement committed all the same
    p = faulty_run(lake, tmp_path, "sql", "-c", "INSERT INTO t VALUES (2)")
    assert p.returncode == 0, p.stderr
    assert leftovers(lake) == ["metadata.ducklake.checkpoint",
                               "metadata.ducklake.checkpoint-ready"]
    assert os.path.exists(catalog_file(lake) + ".wal")
    # the next command finishes the swap, and nothing committed is lost
    assert count_and_sum(lake) == ["2", "3"]
    assert leftovers(lake) == []
    assert not os.path.exists(catalog_file(lake) + ".wal")


def test_a_log_left_behind_by_a_finished_swap_is_not_replayed(lake, tmp_path):
    lake.sql("CREATE TABLE t (a INT); INSERT INTO t VALUES (1)")
    faulty_run(lake, tmp_path, "sql", "-c", "INSERT INTO t VALUES (2)")
    # what a process killed right after the rename leaves: the new file, the old log
    os.rename(catalog_file(lake) + ".checkpoint", catalog_file(lake))
    assert os.path.exists(catalog_file(lake) + ".wal")
    assert count_and_sum(lake) == ["2", "3"]
    assert leftovers(lake) == []
    lake.sql("INSERT INTO t VALUES (3)")
    assert count_and_sum(lake) == ["3", "6"]


def test_a_checkpoint_that_fails_leaves_the_session_working(lake, tmp_path):
    """A copy that cannot be checkpointed (here the file-size limit stops it growing; a
    full disk does the same) fails that checkpoint only: the commits stay in the log, the
    same process goes on, and a later write folds them in."""
    import resource
    import signal
    import subprocess
    from lh import BIN, environ
    lake.sql("CREATE TABLE t (a INT)")
    limit = os.path.getsize(catalog_file(lake)) + (64 << 10)

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    script = insert_script(tmp_path, 0, 20)
    with open(script, "a") as f:
        f.write("SELECT count(*) AS n FROM t;\n")
    p = subprocess.run([BIN, "--lake", lake.dir, "sql", "--format", "csv", "-f", script],
                       env=environ(lake=lake.dir), capture_output=True, text=True, timeout=300,
                       preexec_fn=small_files)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().splitlines()[-1] == "20"
    assert leftovers(lake) == []
    assert os.path.getsize(catalog_file(lake) + ".wal") > 0  # the commits wait in the log
    lake.sql("INSERT INTO t VALUES (100)")  # no limit: folded now
    assert count_and_sum(lake) == ["21", str(sum(range(20)) + 100)]
    assert not os.path.exists(catalog_file(lake) + ".wal")


def test_a_file_that_cannot_be_rebuilt_is_folded(lake, tmp_path):
    """Objects of the user's in the catalog file that COPY FROM DATABASE cannot copy (a
    foreign key whose child table sorts before its parent) make the rebuild fail: the
    log is folded into a byte copy instead, not left to grow."""
    lake.sql("CREATE TABLE t (a INT); INSERT INTO t VALUES (1)")
    # DuckDB itself, with no lake: a session that attaches the file as a database
    out = duckdb_session(tmp_path, f"""ATTACH '{catalog_file(lake)}' AS c; USE c;
        CREATE TABLE z_parent (id INT PRIMARY KEY);
        CREATE TABLE a_child (p INT REFERENCES z_parent(id));
        INSERT INTO z_parent VALUES (1); INSERT INTO a_child VALUES (1);
        CREATE TABLE filler AS SELECT md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS s
            FROM range(400000);
        USE memory; DETACH c""")
    assert os.path.getsize(catalog_file(lake)) > 16 << 20, out
    # a log of 1/4096 of the file is due a checkpoint, a rebuild at this size, which fails
    run("sql", "-f", insert_script(tmp_path, 2, 40), lake=lake.dir, check=True)
    assert count_and_sum(lake) == ["41", str(1 + sum(range(2, 42)))]
    wal = catalog_file(lake) + ".wal"
    # folded instead (40 commits left in the log would be ~80 KB)
    assert not os.path.exists(wal) or os.path.getsize(wal) < 16 << 10
    assert leftovers(lake) == []
