"""Partitioned tables: ALTER TABLE ... SET/RESET PARTITIONED BY writes files per partition
in Hive folders with the partition values in the catalog, as DuckDB's ducklake extension
does (tests/fixtures/ducklake-golden-maintained is the ground truth); old files stay
readable after the partitioning changes; compaction merges within a partition only;
a query that filters on the partition key never reads other partitions' files."""
import csv
import os

import pytest

from lh import CATALOG, fs_only, run

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ducklake-golden-maintained")


def fixture_rows(table):
    with open(os.path.join(FIXTURE, "catalog", table + ".csv"), newline="") as f:
        return list(csv.DictReader(f))


def part_files(lake, table_id=None):
    """Live data files: (path, partition_id, record_count, row_id_start) by file id."""
    return lake.cat("SELECT path, partition_id, record_count, row_id_start FROM "
                    "ducklake_data_file WHERE end_snapshot IS NULL ORDER BY data_file_id")


def test_written_as_duckdb_writes_them(lake):
    # the statements of the fixture's table `part` (script.sql), on a lake of our own
    lake.sql("CREATE TABLE part (d DATE, v INTEGER)")
    lake.sql("ALTER TABLE part SET PARTITIONED BY (year(d), month(d))")
    lake.sql("INSERT INTO part SELECT DATE '2025-11-01' + INTERVAL (range) DAY, range FROM range(90)")
    lake.sql("ALTER TABLE part RESET PARTITIONED BY")
    tid = lake.cat("SELECT table_id FROM ducklake_table WHERE table_name = 'part'")[0][0]
    theirs_tid = "3"

    # two specs: the first ended by RESET, the second (no keys) current; ids from
    # next_catalog_id, so each bumps it and the schema version
    info = lake.cat("SELECT partition_id, begin_snapshot, end_snapshot FROM "
                    "ducklake_partition_info ORDER BY partition_id")
    theirs = [r for r in fixture_rows("ducklake_partition_info") if r["table_id"] == theirs_tid]
    assert len(info) == len(theirs) == 2
    assert info[0][2] == info[1][1] and info[1][2] is None and theirs[1]["end_snapshot"] == ""
    cols = lake.cat("SELECT partition_id, partition_key_index, column_id, transform FROM "
                    "ducklake_partition_column ORDER BY 1, 2")
    assert [c[1:] for c in cols] == [
        (int(r["partition_key_index"]), int(r["column_id"]), r["transform"])
        for r in fixture_rows("ducklake_partition_column") if r["table_id"] == theirs_tid]
    assert all(c[0] == info[0][0] for c in cols)
    snaps = lake.cat("SELECT snapshot_id, schema_version, next_catalog_id FROM ducklake_snapshot "
                     "ORDER BY 1")
    assert snaps[-1][1] == snaps[-2][1] + 1 and snaps[-1][2] == snaps[-2][2] + 1
    assert snaps[-3][2] == snaps[-4][2] + 1  # SET PARTITIONED BY took an id too
    changes = lake.cat("SELECT changes_made FROM ducklake_snapshot_changes ORDER BY snapshot_id")
    assert changes[-1][0] == changes[-3][0] == f"altered_table:{tid}"

    # files: one per partition, in year=/month= folders, the same paths, counts and row ids
    ours = part_files(lake)
    want = [r for r in fixture_rows("ducklake_data_file") if r["table_id"] == theirs_tid]
    assert [(p.rsplit("/", 1)[0], n, s) for p, _, n, s in ours] == \
        [(r["path"].rsplit("/", 1)[0], int(r["record_count"]), int(r["row_id_start"]))
         for r in want]
    assert all(os.path.basename(p).startswith("ducklake-") and pid == info[0][0]
               for p, pid, _, _ in ours)
    values = lake.cat("SELECT partition_key_index, partition_value FROM "
                      "ducklake_file_partition_value ORDER BY data_file_id, 1")
    assert values == [(int(r["partition_key_index"]), r["partition_value"])
                      for r in fixture_rows("ducklake_file_partition_value")
                      if r["table_id"] == theirs_tid]
    # the transform keys are not columns of the files; the table reads whole
    assert lake.rows("SELECT year(d), month(d), count(*), sum(v) FROM part GROUP BY ALL "
                     "ORDER BY ALL")[1:] == [["2025", "11", "30", "435"],
                                             ["2025", "12", "31", "1395"],
                                             ["2026", "1", "29", "2175"]]
    # after RESET: one file at the table's root, no partition
    lake.sql("INSERT INTO part SELECT DATE '2026-03-01', 1000")
    last = part_files(lake)[-1]
    assert "/" not in last[0] and last[1] is None
    assert lake.scalar("SELECT count(*) FROM part") == "91"


def test_identity_keys_nulls_odd_values_and_evolution(lake):
    lake.sql("CREATE TABLE ev (id INTEGER, kind VARCHAR, ts TIMESTAMP)")
    lake.sql("ALTER TABLE ev SET PARTITIONED BY (kind)")
    lake.sql("INSERT INTO ev VALUES (1, 'a/b c', TIMESTAMP '2026-01-01 10:00'), "
             "(2, NULL, TIMESTAMP '2026-01-01 11:00'), (3, 'x', TIMESTAMP '2026-01-02 00:00'), "
             "(4, 'x', TIMESTAMP '2026-02-02 00:00')")
    v1 = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    files = part_files(lake)
    assert sorted(p.split("/")[0] for p, _, _, _ in files) == ["kind=NULL", "kind=a%2Fb%20c",
                                                                "kind=x"]
    # the value as it is (NULL as NULL), the column kept in the file
    assert lake.cat("SELECT CASE WHEN partition_value IS NULL THEN 1 ELSE 0 END, "
                    "coalesce(partition_value, '') FROM "
                    "ducklake_file_partition_value ORDER BY 2") == \
        [(1, None), (0, "a/b c"), (0, "x")]
    assert lake.rows("SELECT id, kind FROM ev ORDER BY id")[1:] == \
        [["1", "a/b c"], ["2", ""], ["3", "x"], ["4", "x"]]
    # evolution: new files by hour(ts) and kind; the old ones keep their partition
    lake.sql("ALTER TABLE ev SET PARTITIONED BY (day(ts), kind)")
    lake.sql("INSERT INTO ev VALUES (5, 'x', TIMESTAMP '2026-01-02 05:00')")
    newest = part_files(lake)[-1]
    assert newest[0].startswith("day=2/kind=x/") and newest[1] != files[0][1]
    assert lake.scalar("SELECT count(*) FROM ev WHERE kind = 'x'") == "3"
    assert lake.scalar(f"SELECT count(*) FROM ev AT (VERSION => {v1})") == "4"
    # an update moves a row into the partition of its new value
    lake.sql("UPDATE ev SET kind = 'y' WHERE id = 1")
    assert any(p.startswith("day=1/kind=y/") for p, _, _, _ in part_files(lake))
    assert lake.rows("SELECT id, kind FROM ev WHERE id = 1")[1:] == [["1", "y"]]
    # the same keys again change nothing
    n = lake.snapshot_count()
    lake.sql("ALTER TABLE ev SET PARTITIONED BY (day(ts), kind)")
    assert lake.snapshot_count() == n


def test_bad_partitioning_is_refused_and_changes_nothing(lake):
    lake.sql("CREATE TABLE t (id INTEGER, d DATE, s STRUCT(a INT), k VARCHAR)")
    n = lake.snapshot_count()
    for stmt, says in [
        ("ALTER TABLE t SET PARTITIONED BY (nope)", "no such column"),
        ("ALTER TABLE t SET PARTITIONED BY (hour(d))", "the column is date, not a timestamp"),
        ("ALTER TABLE t SET PARTITIONED BY (year(k))", "not a date or timestamp"),
        ("ALTER TABLE t SET PARTITIONED BY (bucket(4, id))", "year(col), month(col)"),
        ("ALTER TABLE t SET PARTITIONED BY (s)", "a struct column has no single value"),
        ("ALTER TABLE t SET PARTITIONED BY (k, k)", "key 2 repeats key 1"),
        ("ALTER TABLE t SET PARTITIONED BY k", "expected (col, year(col), ...)"),
        ("ALTER TABLE t SET PARTITIONED BY (k", "expected ')'"),
    ]:
        err = lake.fail(stmt)
        assert says in err, (stmt, err)
    assert lake.snapshot_count() == n
    lake.sql("ALTER TABLE t SET PARTITIONED BY (k)")
    err = lake.fail("ALTER TABLE t DROP COLUMN k")
    assert "the table is partitioned by this column" in err, err
    # in one transaction: set, write, and a second change after the write is refused
    p = run("sql", "-c", "BEGIN; ALTER TABLE t SET PARTITIONED BY (id); "
            "INSERT INTO t VALUES (1, NULL, NULL, 'a'); ALTER TABLE t RESET PARTITIONED BY; "
            "COMMIT", lake=lake.dir)
    assert p.returncode == 1 and "COMMIT before changing its partitioning" in p.stderr, p.stderr
    assert lake.snapshot_count() == n + 1
    lake.sql("BEGIN; ALTER TABLE t SET PARTITIONED BY (id); INSERT INTO t VALUES "
             "(1, NULL, NULL, 'a'), (2, NULL, NULL, 'a'); COMMIT")
    assert sorted(p.split("/")[0] for p, _, _, _ in part_files(lake)) == ["id=1", "id=2"]
    lake.sql("ALTER TABLE t RESET PARTITIONED BY; ALTER TABLE t DROP COLUMN k")
    assert lake.rows("SELECT * FROM t ORDER BY id")[1:] == [["1", "", ""], ["2", "", ""]]


def test_compaction_merges_within_a_partition(lake):
    lake.sql("CREATE TABLE t (id INTEGER, k VARCHAR)")
    lake.sql("ALTER TABLE t SET PARTITIONED BY (k)")
    for i in range(3):
        lake.sql(f"INSERT INTO t VALUES ({i}, 'a'), ({i + 10}, 'b'), ({i + 20}, NULL)")
    before = lake.rows("SELECT rowid, * FROM t ORDER BY ALL")
    assert len(part_files(lake)) == 9
    run("compact", lake=lake.dir, check=True)
    files = part_files(lake)
    assert sorted(p.split("/")[0] for p, _, _, _ in files) == ["k=NULL", "k=a", "k=b"]
    assert [n for _, _, n, _ in files] == [3, 3, 3]
    values = lake.cat("SELECT d.path, v.partition_value FROM ducklake_file_partition_value v "
                      "JOIN ducklake_data_file d USING (data_file_id) WHERE d.end_snapshot IS NULL")
    assert sorted((p.split("/")[0], v) for p, v in values) == \
        sorted([("k=NULL", None), ("k=a", "a"), ("k=b", "b")])
    assert lake.rows("SELECT rowid, * FROM t ORDER BY ALL") == before


@fs_only
def test_a_filter_on_the_key_reads_only_its_partitions(lake):
    lake.sql("CREATE TABLE t (id INTEGER, ts TIMESTAMP)")
    lake.sql("ALTER TABLE t SET PARTITIONED BY (year(ts), month(ts))")
    lake.sql("INSERT INTO t SELECT range, TIMESTAMP '2025-01-01' + INTERVAL (range) DAY "
             "FROM range(120)")
    # remove the file of April: only queries that may need it fail
    april = [p for p, _, _, _ in part_files(lake) if p.startswith("year=2025/month=4/")]
    assert len(april) == 1
    os.remove(os.path.join(lake.dir, "data", "main", "t", april[0]))
    assert lake.scalar("SELECT count(*) FROM t WHERE ts < TIMESTAMP '2025-03-01'") == "59"
    assert lake.scalar("SELECT count(*) FROM t WHERE ts >= TIMESTAMP '2025-02-01' AND "
                       "ts < TIMESTAMP '2025-04-01'") == "59"
    for q in ("SELECT count(*) FROM t WHERE ts >= TIMESTAMP '2025-04-02'", "SELECT count(*) FROM t"):
        p = run("sql", "-c", q, lake=lake.dir)
        assert p.returncode == 1 and "main.t" in p.stderr, (q, p.stderr)


@pytest.mark.skipif(CATALOG == "postgres", reason="one catalog is enough for the suite's timing")
def test_help_names_partitioning(lake):
    err = lake.fail("ALTER TABLE nope SET PARTITIONED BY (x)")
    assert "nope" in err
    lake.sql("CREATE TABLE t (a INT)")
    assert "SET/RESET PARTITIONED BY" in lake.fail("ALTER TABLE t CLUSTER ON x")


def test_rollback_brings_partitioned_files_back_with_their_values(lake):
    lake.sql("CREATE TABLE t (id INTEGER, k VARCHAR)")
    lake.sql("ALTER TABLE t SET PARTITIONED BY (k)")
    lake.sql("INSERT INTO t VALUES (1, 'a'), (2, 'b')")
    v = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("DELETE FROM t WHERE k = 'a'")  # the whole file of partition a goes
    run("rollback", "t", v, lake=lake.dir, check=True)
    assert lake.rows("SELECT * FROM t ORDER BY id")[1:] == [["1", "a"], ["2", "b"]]
    live = lake.cat("SELECT d.path, v.partition_value FROM ducklake_data_file d JOIN "
                    "ducklake_file_partition_value v USING (data_file_id) WHERE "
                    "d.end_snapshot IS NULL ORDER BY 2")
    assert [(p.split("/")[0], val) for p, val in live] == [("k=a", "a"), ("k=b", "b")]


def test_a_table_created_and_partitioned_in_one_transaction_is_recorded_as_both(lake):
    lake.sql("BEGIN; CREATE TABLE p (i INT); ALTER TABLE p SET PARTITIONED BY (i); COMMIT")
    tid = lake.cat("SELECT table_id FROM ducklake_table WHERE table_name = 'p'")[0][0]
    last = lake.cat("SELECT changes_made FROM ducklake_snapshot_changes ORDER BY snapshot_id "
                    "DESC LIMIT 1")[0][0]
    assert last == f'created_table:"main"."p",altered_table:{tid}', last
