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
    assert "No snapshot found at version 99" in err
    assert "bad AT" in hist.fail("SELECT * FROM t AT (VERSION => 'x')")


def test_at_clause_in_insert_and_explain(hist):
    hist.sql("CREATE TABLE copy AS SELECT * FROM t AT (VERSION => 2)")
    hist.sql("INSERT INTO copy SELECT * FROM t AT (VERSION => 3) WHERE id = 2")
    assert hist.rows("FROM copy ORDER BY id") == [["id", "v"], ["1", "a"], ["2", "b"]]
    assert "READ_PARQUET" in hist.sql("EXPLAIN SELECT * FROM t AT (VERSION => 2)").upper()


@pytest.mark.parametrize("version, says", [
    ("-1", "a version is a snapshot id, 0 or more; it never counts back from the latest"),
    ("-5", "a version is a snapshot id, 0 or more"),
    ("0 - 1", "a version is a snapshot id, 0 or more"),
    ("NULL", "the version is NULL; give a snapshot id"),
    ("CAST(NULL AS BIGINT)", "the version is NULL"),
    ("1.5", "'1.5' is not a snapshot id, which is a whole number"),
    ("'abc'", "'abc' is not a snapshot id"),
    ("99", "No snapshot found at version 99 (this lake has snapshots up to 8;"),
])
def test_bad_versions_are_errors_never_the_latest(hist, version, says):
    err = hist.fail(f"SELECT count(*) FROM t AT (VERSION => {version})")
    assert says in err, err
    assert "lakehouse snapshots" in err and "SELECT" not in err, err


def test_bad_timestamps_are_clear_errors(hist):
    first = hist.cat("SELECT snapshot_time FROM ducklake_snapshot WHERE snapshot_id = 0")[0][0]
    err = hist.fail("SELECT count(*) FROM t AT (TIMESTAMP => TIMESTAMPTZ '2000-01-01 00:00:00+00')")
    assert "no snapshot exists at or before timestamp" in err, err
    assert "the lake's first snapshot was made at " + first[:16] in err, err
    err = hist.fail("SELECT count(*) FROM t AT (TIMESTAMP => NULL)")
    assert "bad AT (TIMESTAMP => NULL): the timestamp is NULL" in err, err
    err = hist.fail("SELECT count(*) FROM t AT (TIMESTAMP => 'yesterday-ish')")
    assert "not a time; give one such as TIMESTAMPTZ" in err and "SELECT" not in err, err
    # a version given as text that is a number is fine, as in DuckLake
    assert hist.scalar("SELECT count(*) FROM t AT (VERSION => '2')") == "1"


def test_rollback_to_a_negative_version_is_an_error(hist):
    before = hist.snapshot_count()
    err = hist.fail("CALL lakehouse_rollback('t', -1)")
    assert "cannot roll back 't' to version -1: a version is a snapshot id, 0 or more" in err, err
    assert hist.snapshot_count() == before
