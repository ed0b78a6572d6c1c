"""ducklake_snapshots, ducklake_table_changes (inserts, deletes, update images),
ducklake_table_info, `lakehouse snapshots`, and rollback (CLI and CALL)."""
import json

import pytest

from lh import run


@pytest.fixture
def hist(lake):
    lake.sql("CREATE TABLE t (id INT, v VARCHAR)")                       # 1
    lake.sql("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')")        # 2
    lake.sql("DELETE FROM t WHERE id = 2")                               # 3
    lake.sql("UPDATE t SET v = 'C' WHERE id = 3")                        # 4
    lake.sql("INSERT INTO t VALUES (4, 'd')")                            # 5
    return lake


def changes(lake, a, b, fn="ducklake_table_changes", cols="snapshot_id, rowid, change_type, id, v"):
    return lake.rows(f"SELECT {cols} FROM {fn}('lake', 'main', 't', {a}, {b}) ORDER BY ALL")[1:]


def test_table_changes_whole_history(hist):
    assert changes(hist, 0, 5) == [
        ["2", "0", "insert", "1", "a"], ["2", "1", "insert", "2", "b"],
        ["2", "2", "insert", "3", "c"], ["3", "1", "delete", "2", "b"],
        ["4", "2", "update_postimage", "3", "C"], ["4", "2", "update_preimage", "3", "c"],
        ["5", "4", "insert", "4", "d"]]


def test_table_changes_compare_two_snapshots(hist):
    assert changes(hist, 3, 4) == [["3", "1", "delete", "2", "b"],
                                   ["4", "2", "update_postimage", "3", "C"],
                                   ["4", "2", "update_preimage", "3", "c"]]
    assert changes(hist, 5, 5, fn="ducklake_table_insertions",
                   cols="snapshot_id, rowid, id, v") == [["5", "4", "4", "d"]]
    assert changes(hist, 0, 5, fn="ducklake_table_deletions",
                   cols="snapshot_id, rowid, id, v") == [["3", "1", "2", "b"], ["4", "2", "3", "c"]]


def test_insertions_and_deletions_are_the_tables_columns(hist):
    """As DuckLake's: `*` gives the table's columns; rowid and snapshot_id are there when
    named, like a table's virtual columns (table_changes lists them itself)."""
    q = "{} FROM ducklake_table_{}('lake', 'main', 't', 0, 5) ORDER BY ALL"
    assert hist.rows(q.format("SELECT *", "insertions"))[0] == ["id", "v"]
    assert hist.rows(q.format("SELECT rowid, *", "insertions"))[:2] == [
        ["rowid", "id", "v"], ["0", "1", "a"]]
    assert hist.rows(q.format("SELECT snapshot_id, d.*", "deletions").replace(
        "0, 5)", "0, 5) d")) == [["snapshot_id", "id", "v"], ["3", "2", "b"], ["4", "3", "c"]]
    assert hist.rows(q.format("SELECT *", "changes"))[0][:3] == ["snapshot_id", "rowid",
                                                                 "change_type"]


def test_table_changes_with_timestamps(hist):
    r = hist.rows("SELECT count(*) FROM ducklake_table_changes('lake', 'main', 't', "
                  "TIMESTAMPTZ '2000-01-01', now())")
    assert r[1] == ["7"]


def test_table_changes_errors(hist):
    assert "'lake'" in hist.fail("FROM ducklake_table_changes('other', 'main', 't', 0, 1)")
    assert "does not exist" in hist.fail("FROM ducklake_table_changes('lake', 'main', 'x', 0, 1)")
    assert "does not exist" in hist.fail("FROM ducklake_nonsense('lake')")


def test_snapshots_function_and_command(hist):
    r = hist.rows("SELECT snapshot_id, schema_version, changes FROM ducklake_snapshots('lake') "
                  "ORDER BY 1")
    assert r[1:] == [["0", "0", "{schemas_created=[main]}"], ["1", "1", "{tables_created=[main.t]}"],
                     ["2", "1", "{tables_inserted_into=[1]}"], ["3", "1", "{tables_deleted_from=[1]}"],
                     ["4", "1", "{tables_inserted_into=[1], tables_deleted_from=[1]}"],
                     ["5", "1", "{tables_inserted_into=[1]}"]]
    p = run("snapshots", "--format", "json", lake=hist.dir, check=True)
    snaps = json.loads(p.stdout)
    assert [s["snapshot_id"] for s in snaps] == [0, 1, 2, 3, 4, 5]
    assert snaps[3]["changes"] == {"tables_deleted_from": ["1"]}
    assert "tables_created" in run("snapshots", lake=hist.dir, check=True).stdout


def test_table_info(hist):
    r = hist.rows("SELECT table_name, table_id, file_count, delete_file_count "
                  "FROM ducklake_table_info('lake')")
    assert r[1:] == [["t", "1", "3", "1"]]


def test_current_snapshot(hist):
    assert hist.rows("FROM ducklake_current_snapshot('lake')") == [["id"], ["5"]]


def test_rollback_command(hist):
    files_before = hist.data_files()
    p = run("rollback", "t", "2", lake=hist.dir, check=True)
    assert "new snapshot 6" in p.stdout
    assert hist.rows("FROM t ORDER BY id") == [["id", "v"], ["1", "a"], ["2", "b"], ["3", "c"]]
    # history intact, nothing copied
    assert hist.rows("FROM t AT (VERSION => 5) ORDER BY id") == \
        [["id", "v"], ["1", "a"], ["3", "C"], ["4", "d"]]
    # columns qualified with the table's name still bind to the past table
    assert hist.rows("SELECT t.v FROM t AT (VERSION => 5) WHERE t.id = 3") == [["v"], ["C"]]
    # (the command's event lakehouse.dataset.versioned went to the outbox events.log)
    assert [f for f in hist.data_files() if not f.startswith("events/")] == files_before
    assert hist.rows("SELECT subject, payload->>'table', payload->>'to_snapshot', snapshot_id "
                     "FROM events.log") == [["subject", "(payload ->> 'table')",
                                             "(payload ->> 'to_snapshot')", "snapshot_id"],
                                            ["lakehouse.dataset.versioned", "t", "2", "6"]]
    # the same file registered again keeps its row ids
    assert hist.cat("SELECT count(DISTINCT path), count(*) FROM ducklake_data_file WHERE "
                    "table_id IN (SELECT table_id FROM ducklake_table WHERE table_name = 't')") \
        == [(3, 3)]
    # and the change feed shows what the rollback did
    assert changes(hist, 6, 6) == [
        ["6", "1", "insert", "2", "b"],
        ["6", "2", "update_postimage", "3", "c"], ["6", "2", "update_preimage", "3", "C"],
        ["6", "4", "delete", "4", "d"]]


def test_rollback_restores_columns(lake):
    lake.sql("CREATE TABLE t (a INT, b VARCHAR); INSERT INTO t VALUES (1, 'x')")   # 1, 2
    lake.sql("ALTER TABLE t DROP COLUMN b; ALTER TABLE t ADD COLUMN c INT DEFAULT 5; "
             "ALTER TABLE t RENAME COLUMN a TO aa; INSERT INTO t VALUES (2, 6)")
    lake.sql("CALL lakehouse_rollback('main.t', 2)")
    assert lake.rows("FROM t") == [["a", "b"], ["1", "x"]]
    assert "altered_table:1" in lake.cat("SELECT changes_made FROM ducklake_snapshot_changes "
                                         "ORDER BY snapshot_id DESC LIMIT 1")[0][0]
    # rolling back the rollback
    n = lake.cat("SELECT max(snapshot_id) FROM ducklake_snapshot")[0][0]
    run("rollback", "t", str(n - 1), lake=lake.dir, check=True)
    assert lake.rows("FROM t ORDER BY aa") == [["aa", "c"], ["1", "5"], ["2", "6"]]


def test_rollback_errors(hist):
    n = hist.snapshot_count()
    assert "no table named 't' existed at version 0" in run("rollback", "t", "0", lake=hist.dir).stderr
    assert "No snapshot found at version 99" in run("rollback", "t", "99", lake=hist.dir).stderr
    assert "does not exist" in run("rollback", "nope", "2", lake=hist.dir).stderr
    assert run("rollback", "t", "x", lake=hist.dir).returncode == 2
    assert hist.snapshot_count() == n


def test_rollback_to_the_current_state_makes_no_snapshot(hist):
    n = hist.snapshot_count()
    p = run("rollback", "t", "5", lake=hist.dir, check=True)
    assert "no snapshot made" in p.stdout
    assert hist.snapshot_count() == n


def test_rollback_across_a_drop_and_re_create(lake):
    """Every rebuild drops and re-creates its tables: rolling back by name still works."""
    lake.sql("CREATE TABLE g AS SELECT range AS id, 'old' AS v FROM range(5)")
    lake.sql("DELETE FROM g WHERE id = 0")
    good = lake.snapshot_count() - 1
    want = lake.rows("SELECT * FROM g ORDER BY id")
    lake.sql("DROP TABLE g")
    lake.sql("CREATE TABLE g AS SELECT range AS id, 99 AS w FROM range(3)")
    p = run("rollback", "g", good, lake=lake.dir)
    assert p.returncode == 0, p.stderr
    assert lake.rows("SELECT * FROM g ORDER BY id") == want
    lake.sql("INSERT INTO g VALUES (10, 'new')")
    assert lake.scalar("SELECT count(*) FROM g") == "5"
    # a name that never existed then is still an error
    p = run("rollback", "g", 0, lake=lake.dir)
    assert p.returncode == 1 and "no table named 'g' existed at version 0" in p.stderr
