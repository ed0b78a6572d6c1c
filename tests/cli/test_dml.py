"""INSERT, DELETE, UPDATE, TRUNCATE: what lands in the catalog and on disk."""

import pytest


@pytest.fixture
def t(lake):
    lake.sql("CREATE TABLE t (id INT NOT NULL, name VARCHAR, score DOUBLE DEFAULT 0.5)")
    return lake


def test_default_inside_values_rows_fills_that_columns_default(lake):
    lake.sql("CREATE TABLE t (a INT DEFAULT 7, s VARCHAR DEFAULT 'x', d DOUBLE)")
    lake.sql("INSERT INTO t VALUES (1000, DEFAULT, 1.5), (DEFAULT, 'xxx', DEFAULT)")
    lake.sql("INSERT INTO t (d, a) VALUES (DEFAULT, 5)")       # by the column list
    lake.sql("INSERT INTO t VALUES (1, 'DEFAULT', NULL)")      # a string, not the keyword
    assert lake.rows("SELECT * FROM t ORDER BY ALL") == [
        ["a", "s", "d"], ["1", "DEFAULT", ""], ["5", "x", ""], ["7", "xxx", ""],
        ["1000", "x", "1.5"]]
    n = lake.snapshot_count()
    assert "fills no column" in lake.fail("INSERT INTO t VALUES (1, 'a', 2, DEFAULT)")
    assert lake.snapshot_count() == n


def test_values_type_a_string_literal_by_its_column_when_rows_mix_kinds(lake):
    """DuckDB's INSERT casts each VALUES item to its column, so 'infinity' next to a
    TIMESTAMP literal is a timestamp; a plain VALUES query cannot combine the two."""
    lake.sql("CREATE TABLE ts (t TIMESTAMP, l INT[], n INT)")
    lake.sql("INSERT INTO ts VALUES ('infinity', [1, 2], 1), (TIMESTAMP '2022-01-01', [], 2), "
             "(NULL, NULL, 3), ('2020-05-06 07:08:09', [3], 4)")
    assert lake.rows("SELECT t, l, n FROM ts ORDER BY n") == [
        ["t", "l", "n"], ["infinity", "[1, 2]", "1"], ["2022-01-01 00:00:00", "[]", "2"],
        ["", "", "3"], ["2020-05-06 07:08:09", "[3]", "4"]]
    n = lake.snapshot_count()
    err = lake.fail("INSERT INTO ts VALUES ('soon', [], 5), (TIMESTAMP '2022-01-01', [], 6)")
    assert "soon" in err and "TIMESTAMP" in err.upper(), err
    assert lake.snapshot_count() == n


def test_insert_forms(t):
    assert t.sql("INSERT INTO t VALUES (1, 'a', 1.0), (2, 'b', 2.0)") == "Count\n2\n"
    t.sql("INSERT INTO t (name, id) VALUES ('c', 3)")
    t.sql("INSERT INTO t SELECT 4, 'd', 4")
    t.sql("INSERT INTO t BY NAME SELECT 'e' AS name, 5 AS id")
    t.sql("INSERT INTO t SELECT id + 10, upper(name), score FROM t WHERE id <= 2")
    t.sql("INSERT INTO t (id) VALUES ('6')")  # cast from text
    r = t.rows("FROM t ORDER BY id")
    assert r == [["id", "name", "score"], ["1", "a", "1.0"], ["2", "b", "2.0"], ["3", "c", "0.5"],
                 ["4", "d", "4.0"], ["5", "e", "0.5"], ["6", "", "0.5"], ["11", "A", "1.0"],
                 ["12", "B", "2.0"]]
    assert t.cat("SELECT count(*) FROM ducklake_data_file")[0][0] == 6
    # every file sits in the table's folder, named like DuckLake names them
    for (path,) in t.cat("SELECT path FROM ducklake_data_file"):
        assert path.startswith("ducklake-") and path.endswith(".parquet") and "/" not in path
        assert t.object_exists("main/t/" + path)


def test_insert_of_nothing_makes_no_file(t):
    assert t.sql("INSERT INTO t SELECT 1, 'x', 1 WHERE false") == "Count\n0\n"
    assert t.cat("SELECT count(*) FROM ducklake_data_file")[0][0] == 0


def test_row_ids_are_assigned_at_commit(t):
    t.sql("INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 2); INSERT INTO t VALUES (3, 'c', 3)")
    assert t.cat("SELECT row_id_start, record_count FROM ducklake_data_file ORDER BY 1") == \
        [(0, 2), (2, 1)]
    assert t.cat("SELECT record_count, next_row_id FROM ducklake_table_stats") == [(3, 3)]


def test_delete_writes_cumulative_positional_delete_files(t):
    t.sql("INSERT INTO t SELECT range, 'n' || range, range FROM range(10)")
    assert t.sql("DELETE FROM t WHERE id IN (2, 5)") == "Count\n2\n"
    t.sql("DELETE FROM t WHERE id = 7")
    rows = t.cat("SELECT begin_snapshot, end_snapshot, delete_count, path FROM "
                 "ducklake_delete_file ORDER BY delete_file_id")
    assert [r[:3] for r in rows] == [(3, 4, 2), (4, None, 3)]
    path = t.local_copy("main/t/" + rows[1][3])
    pos = t.rows(f"SELECT pos FROM read_parquet('{path}')")
    assert pos == [["pos"], ["2"], ["5"], ["7"]]
    cols = t.rows(f"SELECT name, field_id FROM parquet_schema('{path}') WHERE field_id IS NOT NULL")
    assert cols[1:] == [["file_path", "2147483646"], ["pos", "2147483645"]]
    assert t.scalar("SELECT count(*) FROM t") == "7"
    # the data file itself was never touched
    assert t.cat("SELECT count(*), min(end_snapshot) FROM ducklake_data_file") == [(1, None)]


def test_fully_deleted_file_is_retired(t):
    t.sql("INSERT INTO t VALUES (1, 'a', 1); INSERT INTO t VALUES (2, 'b', 2)")
    t.sql("DELETE FROM t WHERE id = 1")
    assert t.cat("SELECT data_file_id, end_snapshot FROM ducklake_data_file ORDER BY 1") == \
        [(0, 4), (1, None)]
    assert t.cat("SELECT count(*) FROM ducklake_delete_file") == [(0,)]
    assert t.cat("SELECT changes_made FROM ducklake_snapshot_changes WHERE snapshot_id = 4") == \
        [("deleted_from_table:1",)]


def test_delete_without_where_and_truncate(t):
    t.sql("INSERT INTO t VALUES (1, 'a', 1); INSERT INTO t VALUES (2, 'b', 2)")
    assert t.sql("DELETE FROM t") == "Count\n2\n"
    assert t.scalar("SELECT count(*) FROM t") == "0"
    t.sql("INSERT INTO t VALUES (3, 'c', 3)")
    assert t.sql("TRUNCATE t") == "Count\n1\n"
    assert t.cat("SELECT count(*) FROM ducklake_data_file WHERE end_snapshot IS NULL") == [(0,)]
    assert t.cat("SELECT count(*) FROM ducklake_delete_file") == [(0,)]


def test_delete_with_subquery_and_using(t):
    t.sql("INSERT INTO t SELECT range, 'n' || range, range FROM range(6);"
          "CREATE TABLE bad (id INT); INSERT INTO bad VALUES (1), (3)")
    t.sql("DELETE FROM t WHERE id IN (SELECT id FROM bad)")
    t.sql("DELETE FROM t USING bad WHERE t.id = bad.id + 1")
    assert t.rows("SELECT id FROM t ORDER BY id") == [["id"], ["0"], ["5"]]


def test_update_is_delete_plus_insert_keeping_row_ids(t):
    t.sql("INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)")
    assert t.sql("UPDATE t SET score = score * 10, name = upper(name) WHERE id >= 2") == \
        "Count\n2\n"
    assert t.rows("FROM t ORDER BY id") == [["id", "name", "score"], ["1", "a", "1.0"],
                                            ["2", "B", "20.0"], ["3", "C", "30.0"]]
    snap = t.cat("SELECT max(snapshot_id) FROM ducklake_snapshot")[0][0]
    assert t.cat("SELECT changes_made FROM ducklake_snapshot_changes WHERE snapshot_id = ?",
                 (snap,)) == [("inserted_into_table:1,deleted_from_table:1",)]
    # the new file carries the original row ids
    path = t.cat("SELECT path FROM ducklake_data_file WHERE begin_snapshot = ?", (snap,))[0][0]
    full = t.local_copy("main/t/" + path)
    assert t.rows(f"SELECT _ducklake_internal_row_id FROM read_parquet('{full}') ORDER BY 1") == \
        [["_ducklake_internal_row_id"], ["1"], ["2"]]
    ch = t.rows(f"SELECT rowid, change_type, score FROM ducklake_table_changes('lake', 'main', "
                f"'t', {snap}, {snap}) ORDER BY rowid, change_type")
    assert ch[1:] == [["1", "update_postimage", "20.0"], ["1", "update_preimage", "2.0"],
                      ["2", "update_postimage", "30.0"], ["2", "update_preimage", "3.0"]]


def test_update_from_with_duplicate_matches_first_wins(t):
    t.sql("INSERT INTO t VALUES (1, 'a', 1); CREATE TABLE src (id INT, v DOUBLE);"
          "INSERT INTO src VALUES (1, 10), (1, 20)")
    assert t.sql("UPDATE t SET score = src.v FROM src WHERE t.id = src.id") == "Count\n1\n"
    assert t.scalar("SELECT count(*) FROM t") == "1"
    assert t.scalar("SELECT score IN (10, 20) FROM t") == "true"


def test_update_errors(t):
    t.sql("INSERT INTO t VALUES (1, 'a', 1)")
    assert "no column 'nope'" in t.fail("UPDATE t SET nope = 1")
    assert "NOT NULL" in t.fail("UPDATE t SET id = NULL")
    assert "Could not convert" in t.fail("UPDATE t SET score = 'abc'")
    assert t.rows("FROM t") == [["id", "name", "score"], ["1", "a", "1.0"]]


def test_nested_values_survive_update(lake):
    lake.sql("CREATE TABLE n (id INT, tags VARCHAR[], dims STRUCT(w INT, h INT), m MAP(VARCHAR, INT));"
             "INSERT INTO n VALUES (1, ['x', 'y'], {'w': 1, 'h': 2}, MAP {'a': 1})")
    lake.sql("UPDATE n SET tags = list_append(tags, 'z') WHERE id = 1")
    assert lake.rows("FROM n") == [["id", "tags", "dims", "m"],
                                   ["1", "[x, y, z]", "{'w': 1, 'h': 2}", "{a=1}"]]
