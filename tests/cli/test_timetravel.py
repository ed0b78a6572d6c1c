"""AT (VERSION => n) and AT (TIMESTAMP => ts) on any table reference."""
import time

import pytest


@pytest.fixture
def hist(lake):
    # snapshots: 1 create, 2 insert a, 3 insert b, 4 rename col, 5 drop
    lake.sql("CREATE TABLE t (id INT, v VARCHAR)")
    lake.sql("INSERT INTO t VALUES (1, 'a')")
    lake.sql("INSERT INTO t VALUES (2, 'b')")
    lake.sql("ALTER TABLE t RENAME COLUMN v TO w")
    lake.sql("CREATE SCHEMA old; CREATE TABLE old.gone AS SELECT 42 AS x; DROP TABLE old.gone; "
             "DROP SCHEMA old")
    return lake


def test_version(hist):
    assert hist.rows("SELECT * FROM t AT (VERSION => 2)") == [["id", "v"], ["1", "a"]]
    assert hist.rows("SELECT count(*) FROM t AT (VERSION => 3)")[1] == ["2"]
    assert hist.rows("SELECT * FROM t AT (VERSION => 4) ORDER BY id")[0] == ["id", "w"]
    assert hist.rows("SELECT * FROM t AT (VERSION => 1)") == [["id", "v"]]


def test_versions_mix_in_one_query(hist):
    r = hist.rows("SELECT a.id, b.id IS NULL AS gone FROM t a LEFT JOIN t b AT (VERSION => 2) "
                  "ON a.id = b.id ORDER BY a.id")
    assert r == [["id", "gone"], ["1", "false"], ["2", "true"]]
    r = hist.rows("WITH x AS (SELECT * FROM main.t AT (VERSION => 2 + 1)) SELECT count(*) FROM x")
    assert r[1] == ["2"]


def test_dropped_table_and_schema_readable_in_the_past(hist):
    snap = hist.cat("SELECT begin_snapshot FROM ducklake_table WHERE table_name = 'gone'")[0][0]
    assert hist.rows(f"FROM old.gone AT (VERSION => {snap})") == [["x"], ["42"]]
    assert "does not exist" in hist.fail("FROM old.gone")
    assert "does not exist" in hist.fail("FROM old.gone AT (VERSION => 1)")


def test_timestamp(lake):
    lake.sql("CREATE TABLE t (a INT); INSERT INTO t VALUES (1)")
    time.sleep(0.05)
    mid = lake.scalar("SELECT now()::VARCHAR")
    time.sleep(0.05)
    lake.sql("INSERT INTO t VALUES (2)")
    assert lake.scalar(f"SELECT count(*) FROM t AT (TIMESTAMP => '{mid}'::TIMESTAMPTZ)") == "1"
    assert lake.scalar("SELECT count(*) FROM t AT (TIMESTAMP => now())") == "2"
    err = lake.fail("SELECT * FROM t AT (TIMESTAMP => TIMESTAMPTZ '2000-01-01')")
    assert "no snapshot" in err


def test_timestamp_ties_break_on_snapshot_id(lake):
    lake.sql("CREATE TABLE t (a INT); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")
    lake.cat_write("UPDATE ducklake_snapshot SET snapshot_time = '2030-01-01 00:00:00+00' "
                   "WHERE snapshot_id IN (2, 3)")
    assert lake.scalar(
        "SELECT count(*) FROM t AT (TIMESTAMP => TIMESTAMPTZ '2030-01-01 00:00:00+00')") == "2"


def test_missing_version_is_a_clear_error(hist):
    err = hist.fail("SELECT * FROM t AT (VERSION => 99)")
    assert "no snapshot found at version 99" in err
    assert "bad AT" in hist.fail("SELECT * FROM t AT (VERSION => 'x')")


def test_at_clause_in_insert_and_explain(hist):
    hist.sql("CREATE TABLE copy AS SELECT * FROM t AT (VERSION => 2)")
    hist.sql("INSERT INTO copy SELECT * FROM t AT (VERSION => 3) WHERE id = 2")
    assert hist.rows("FROM copy ORDER BY id") == [["id", "v"], ["1", "a"], ["2", "b"]]
    assert "READ_PARQUET" in hist.sql("EXPLAIN SELECT * FROM t AT (VERSION => 2)").upper()
