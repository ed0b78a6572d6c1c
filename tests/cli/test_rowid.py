"""DuckLake's row ids in SQL: `rowid` is a virtual column, there when named (`SELECT rowid,
* FROM t`), never in `*`; stable across deletes, updates and compaction, and at past
snapshots. Issue 9 (row ids are what take() and map-style datasets address)."""


def test_rowid_is_there_when_named_and_not_in_star(lake):
    lake.sql("CREATE TABLE t AS SELECT range AS a, 'x' || range AS b FROM range(5)")
    assert lake.rows("SELECT rowid, * FROM t ORDER BY rowid") == [
        ["rowid", "a", "b"], ["0", "0", "x0"], ["1", "1", "x1"], ["2", "2", "x2"],
        ["3", "3", "x3"], ["4", "4", "x4"]]
    # `*`, COLUMNS(*), a qualified star and EXCLUDE never list it, even when the
    # statement names it elsewhere
    assert lake.rows("SELECT * FROM t WHERE rowid = 3") == [["a", "b"], ["3", "x3"]]
    assert lake.rows("SELECT COLUMNS(*) FROM t WHERE rowid = 0")[0] == ["a", "b"]
    assert lake.rows("SELECT x.*, x.ROWID FROM t AS x WHERE x.rowid = 1") == [
        ["a", "b", "rowid"], ["1", "x1", "1"]]
    assert lake.rows("SELECT * EXCLUDE (b) FROM t WHERE rowid = 4") == [["a"], ["4"]]
    assert lake.rows("SELECT * FROM t ORDER BY a LIMIT 1") == [["a", "b"], ["0", "x0"]]
    # a subquery that names it passes it on; joins with other relations keep it
    assert lake.rows("SELECT * FROM (SELECT rowid, a FROM t) s WHERE rowid = 2") == [
        ["rowid", "a"], ["2", "2"]]
    assert lake.rows("SELECT rowid, * FROM t JOIN (VALUES (2), (4)) v(k) ON t.a = v.k "
                     "ORDER BY 1") == [["rowid", "a", "b", "k"], ["2", "2", "x2", "2"],
                                       ["4", "4", "x4", "4"]]
    assert lake.rows("WITH c AS (SELECT rowid AS r FROM t) SELECT max(r) FROM c") == [
        ["max(r)"], ["4"]]
    lake.sql("CREATE TABLE ids AS SELECT rowid AS r, b FROM t WHERE a < 2")
    assert lake.rows("SELECT * FROM ids ORDER BY r") == [["r", "b"], ["0", "x0"], ["1", "x1"]]


def test_rowid_is_stable_across_changes_and_time(lake):
    lake.sql("CREATE TABLE t AS SELECT range AS a, 'x' || range AS b FROM range(5)")
    first = lake.rows("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")[1][0]
    lake.sql("DELETE FROM t WHERE a = 1")
    lake.sql("UPDATE t SET b = 'changed' WHERE a = 3")
    lake.sql("INSERT INTO t VALUES (10, 'new')")
    now = lake.rows("SELECT rowid, a, b FROM t ORDER BY rowid")
    ids = [r[0] for r in now[1:]]
    assert ids[:4] == ["0", "2", "3", "4"]  # the updated row keeps its id
    assert int(ids[4]) > 4 and now[3] == ["3", "3", "changed"]
    lake.sql("CALL ducklake_merge_adjacent_files('lake')")
    assert lake.rows("SELECT rowid, a, b FROM t ORDER BY rowid") == now
    # at a past snapshot: the rows as they were, with the same ids
    assert lake.rows(f"SELECT rowid, * FROM t AT (VERSION => {first}) ORDER BY rowid") == [
        ["rowid", "a", "b"], ["0", "0", "x0"], ["1", "1", "x1"], ["2", "2", "x2"],
        ["3", "3", "x3"], ["4", "4", "x4"]]
    assert lake.rows(f"SELECT * FROM t AT (VERSION => {first}) WHERE rowid = 1") == [
        ["a", "b"], ["1", "x1"]]


def test_delete_and_update_by_rowid(lake):
    lake.sql("CREATE TABLE t AS SELECT range AS a, 'x' || range AS b FROM range(5)")
    lake.sql("DELETE FROM t WHERE rowid IN (0, 4)")
    lake.sql("UPDATE t SET b = 'row ' || rowid WHERE rowid = 2")
    assert lake.rows("SELECT rowid, * FROM t ORDER BY rowid") == [
        ["rowid", "a", "b"], ["1", "1", "x1"], ["2", "2", "row 2"], ["3", "3", "x3"]]
    # the rewritten file holds the table's columns only
    assert lake.rows("SELECT * FROM t WHERE a = 2") == [["a", "b"], ["2", "row 2"]]
    err = lake.fail("DELETE FROM t WHERE nosuch = 1")
    assert "nosuch" in err and "__lh" not in err


def test_a_column_of_its_own_named_rowid_wins(lake):
    lake.sql("CREATE TABLE r (rowid INT, v INT); INSERT INTO r VALUES (7, 1)")
    assert lake.rows("SELECT rowid, * FROM r") == [["rowid", "rowid", "v"], ["7", "7", "1"]]
    assert lake.rows("SELECT * FROM r") == [["rowid", "v"], ["7", "1"]]
    lake.sql("DELETE FROM r WHERE rowid = 7")
    assert lake.rows("SELECT count(*) FROM r") == [["count_star()"], ["0"]]
