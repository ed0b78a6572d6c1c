"""Several processes write to one lake at once (SQLite catalog): every commit lands, in
its own snapshot, with unique increasing ids."""
import subprocess

from lh import BIN, environ

WRITERS, COMMITS = 4, 50


def test_four_writers_fifty_inserts_each(lake, tmp_path):
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
