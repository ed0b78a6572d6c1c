"""`lakehouse optimize TABLE --for random-access`: every data file rewritten in the layout
our Parquet page reader reads by row (row groups of 2,048 rows, uncompressed, plain
values), as one snapshot that keeps rows and row ids; ordinary Parquet for every reader;
clear refusals. Reads of single rows from such files: tests/python/test_stream.py."""
from lh import run


def test_rewrites_every_file_keeping_rows_and_row_ids(lake):
    lake.sql("CREATE TABLE t (id BIGINT, s VARCHAR, x DOUBLE)")
    lake.sql("INSERT INTO t SELECT range, 's' || range, range / 3 FROM range(5000)")
    lake.sql("INSERT INTO t SELECT range, NULL, NULL FROM range(5000, 7000)")
    lake.sql("DELETE FROM t WHERE id % 9 = 0")
    before = lake.rows("SELECT rowid, * FROM t ORDER BY rowid")  # the header, then 6,222 rows
    snaps = lake.snapshot_count()
    old = int(lake.cat("SELECT max(snapshot_id) FROM ducklake_snapshot")[0][0])
    p = run("optimize", "t", "--for", "random-access", lake=lake.dir)
    assert p.returncode == 0, p.stderr
    assert "rewrote 2 files" in p.stdout and "as 1 in the random-access layout" in p.stdout
    assert lake.snapshot_count() == snaps + 1
    assert lake.rows("SELECT rowid, * FROM t ORDER BY rowid") == before
    live = lake.cat("SELECT path FROM ducklake_data_file WHERE end_snapshot IS NULL")
    assert len(live) == 1
    # the layout, read back by DuckDB from the file itself
    path = lake.local_copy("main/t/" + live[0][0])
    # (each row's snapshot, kept for the snapshot_id column, is read by DuckDB only)
    meta = lake.rows(f"SELECT DISTINCT compression, encodings FROM parquet_metadata('{path}') "
                     "WHERE path_in_schema <> '_ducklake_internal_snapshot_id'")
    assert [list(r) for r in meta[1:]] == [["UNCOMPRESSED", "PLAIN"]], meta  # after the header
    lineage = lake.rows(f"SELECT DISTINCT path_in_schema FROM parquet_metadata('{path}') "
                        "WHERE path_in_schema LIKE '_ducklake_internal_%' ORDER BY 1")
    assert lineage[1:] == [["_ducklake_internal_row_id"], ["_ducklake_internal_snapshot_id"]]
    groups = lake.rows(f"SELECT DISTINCT row_group_num_rows FROM parquet_metadata('{path}') "
                       "ORDER BY 1")
    assert [int(r[0]) for r in groups[1:]] == [78, 2048]  # 6,222 rows: 3 x 2,048 + 78
    # time travel reads the old files; nothing changed for the change feed
    assert int(lake.scalar(f"SELECT count(*) FROM t AT (VERSION => {old})")) == len(before) - 1
    assert len(lake.rows(f"SELECT * FROM ducklake_table_changes('lake', 'main', 't', {old + 1}, "
                         f"{old + 1})")) == 1  # the header alone
    # a second run rewrites the one file again, harmlessly
    p = run("optimize", "t", "--for", "random-access", lake=lake.dir)
    assert p.returncode == 0 and lake.rows("SELECT rowid, * FROM t ORDER BY rowid") == before


def test_refusals_change_nothing(lake):
    lake.sql("CREATE TABLE t AS SELECT range AS id FROM range(10)")
    snaps = lake.snapshot_count()
    for args, says in [(["t"], "--for (missing) is not a layout"),
                       (["t", "--for", "fast"], "--for fast is not a layout"),
                       (["--for", "random-access"], "which table?"),
                       (["nosuch", "--for", "random-access"], "table 'main.nosuch' does not exist")]:
        p = run("optimize", *args, lake=lake.dir)
        assert p.returncode != 0 and says in p.stderr, (args, p.stderr)
    assert lake.snapshot_count() == snaps
    p = run("help", "optimize")
    assert p.returncode == 0 and "random-access" in p.stdout
