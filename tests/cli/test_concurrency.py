"""Several processes write to one lake at once (on every catalog): every commit lands,
in its own snapshot, with unique increasing ids; with retries switched off, a commit
that loses a race is reported clearly and leaves nothing behind."""
import re
import subprocess

from lh import BIN, CATALOG, environ

# the DuckDB-file catalog admits one process at a time (each takes the file in turn):
# a lighter load there
WRITERS, COMMITS = (4, 25) if CATALOG == "duckdb" else (8, 50)


def test_concurrent_writers_all_land(lake, tmp_path):
    lake.sql("CREATE TABLE t (proc INT, seq INT, payload VARCHAR)")
    base = lake.snapshot_count()
    procs = []
    for p in range(WRITERS):
        script = tmp_path / f"w{p}.sql"
        script.write_text("".join(f"INSERT INTO t VALUES ({p}, {i}, repeat('x', {i}));\n"
                                  for i in range(COMMITS)))
        procs.append(subprocess.Popen([BIN, "--lake", lake.dir, "sql", "-f", str(script)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                      env=environ(lake=lake.dir)))
    for pr in procs:
        _, err = pr.communicate(timeout=600)
        assert pr.returncode == 0, err

    assert lake.scalar("SELECT count(*) FROM t") == str(WRITERS * COMMITS)
    assert lake.scalar("SELECT count(DISTINCT (proc, seq)) FROM t") == str(WRITERS * COMMITS)
    ids = [r[0] for r in lake.cat("SELECT snapshot_id FROM ducklake_snapshot ORDER BY 1")]
    assert ids == list(range(base + WRITERS * COMMITS))  # unique, increasing, none lost
    assert lake.cat("SELECT count(*) FROM ducklake_snapshot_changes WHERE changes_made = "
                    "'inserted_into_table:1'") == [(WRITERS * COMMITS,)]
    # each writer's commits got increasing snapshots, and every row a unique row id
    r = lake.rows(f"SELECT proc, seq, snapshot_id, rowid FROM ducklake_table_insertions("
                  f"'lake', 'main', 't', 0, {ids[-1]}) ORDER BY proc, seq")[1:]
    assert len({row[3] for row in r}) == WRITERS * COMMITS
    for p in range(WRITERS):
        snaps = [int(row[2]) for row in r if row[0] == str(p)]
        assert snaps == sorted(snaps) and len(set(snaps)) == COMMITS
    assert lake.cat("SELECT record_count, next_row_id FROM ducklake_table_stats") == \
        [(WRITERS * COMMITS, WRITERS * COMMITS)]


def test_lost_races_without_retries_are_reported_clearly(lake):
    """max_retry_count = 0: a commit whose snapshot id another writer took fails with a
    clear message; every statement that succeeded is in the table, no other."""
    lake.sql("CREATE TABLE t (proc INT, seq INT)")
    procs = []
    for p in range(WRITERS):
        stmts = "SET ducklake_max_retry_count = 0;\n" + "".join(
            f"INSERT INTO t VALUES ({p}, {i});\n" for i in range(COMMITS // 2))
        pr = subprocess.Popen([BIN, "--lake", lake.dir, "sql", "--format", "csv"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=environ(lake=lake.dir))
        procs.append((pr, stmts))
    failed = 0
    for pr, stmts in procs:
        out, err = pr.communicate(stmts, timeout=600)
        errors = [ln for ln in err.splitlines() if ln.startswith("Error: ")]
        for e in errors:
            # a lost race, said plainly (a busy catalog or a snapshot id taken)
            assert re.search(r"cannot commit|concurrent|busy|locked", e), e
        failed += len(errors)
        # every statement printed a count or an error
        assert out.count("Count\n1\n") + len(errors) == COMMITS // 2
    n = int(lake.scalar("SELECT count(*) FROM t"))
    assert n == WRITERS * (COMMITS // 2) - failed
    ids = [r[0] for r in lake.cat("SELECT snapshot_id FROM ducklake_snapshot ORDER BY 1")]
    assert ids == list(range(len(ids))) and len(ids) == 2 + n  # no gap, none half-made
