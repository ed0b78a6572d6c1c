"""DuckLake's virtual columns besides rowid: `snapshot_id` (the snapshot that wrote the
row), `file_row_number` and `filename` (where the row lives). Named, a lake table has
them; `*` never lists them. A compaction or a flush keeps each row's snapshot in the file
it writes (`_ducklake_internal_snapshot_id`, as DuckDB's extension writes it), so
snapshot_id does not change when rows move. Issue 11."""
from lh import DATA, open_transaction


def snapshot_ids(lake):
    return [r[0] for r in lake.rows("SELECT snapshot_id FROM ducklake_snapshots('lake') "
                                    "ORDER BY snapshot_id")[1:]]


def test_snapshot_id_is_the_snapshot_that_wrote_the_row(lake):
    lake.sql("CREATE TABLE t (i INTEGER)")
    for v in (1, 2, 3):
        lake.sql(f"INSERT INTO t VALUES ({v})")
    s = snapshot_ids(lake)[-3:]
    want = [["snapshot_id", "i"], [s[0], "1"], [s[1], "2"], [s[2], "3"]]
    assert lake.rows("SELECT snapshot_id, * FROM t ORDER BY i") == want
    assert lake.rows("SELECT * FROM t ORDER BY i") == [["i"], ["1"], ["2"], ["3"]]
    assert lake.rows(f"SELECT i FROM t WHERE snapshot_id = {s[1]}") == [["i"], ["2"]]
    # an update writes the row again: its snapshot is the update's
    lake.sql("UPDATE t SET i = 20 WHERE i = 2")
    upd = snapshot_ids(lake)[-1]
    assert lake.rows("SELECT snapshot_id, i FROM t WHERE i = 20") == [["snapshot_id", "i"],
                                                                      [upd, "20"]]
    # at a past snapshot, the rows as they were with the snapshots that wrote them
    assert lake.rows(f"SELECT snapshot_id, i FROM t AT (VERSION => {s[1]}) ORDER BY i") == [
        ["snapshot_id", "i"], [s[0], "1"], [s[1], "2"]]
    # compaction moves the rows into one file; each keeps its snapshot and its row id
    before = lake.rows("SELECT snapshot_id, rowid, i FROM t ORDER BY i")
    lake.sql("CALL ducklake_merge_adjacent_files('lake')")
    current = [p for p in lake.referenced_files() if p.endswith(".parquet")]
    assert lake.rows("SELECT snapshot_id, rowid, i FROM t ORDER BY i") == before
    merged = lake.rows("SELECT DISTINCT filename FROM t")[1:]
    assert len(merged) == 1
    name = next(p for p in current if merged[0][0].endswith(p))
    columns = lake.rows(f"SELECT name FROM parquet_schema('{lake.local_copy(name)}')")
    assert ["_ducklake_internal_snapshot_id"] in columns


def test_rows_of_the_open_transaction_have_no_snapshot_yet(lake):
    lake.sql("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1)")
    first = snapshot_ids(lake)[-1]
    a = open_transaction(lake, "INSERT INTO t VALUES (2)")
    out, err = a.communicate("SELECT snapshot_id, i FROM t ORDER BY i;\nCOMMIT;\n")
    assert a.returncode == 0, err
    assert out.splitlines()[-3:] == ["snapshot_id,i", f"{first},1", ",2"]
    assert lake.rows("SELECT snapshot_id, i FROM t ORDER BY i")[-1] == [snapshot_ids(lake)[-1], "2"]


def test_inlined_rows_keep_their_snapshot_through_a_flush(lake):
    lake.sql("CREATE TABLE small (k INTEGER)")
    lake.sql("CALL lake.set_option('data_inlining_row_limit', 10)")
    lake.sql("INSERT INTO small VALUES (1)")
    lake.sql("INSERT INTO small VALUES (2)")
    s = snapshot_ids(lake)[-2:]
    want = [["snapshot_id", "k", "filename", "file_row_number"], [s[0], "1", "", ""],
            [s[1], "2", "", ""]]
    q = "SELECT snapshot_id, k, filename, file_row_number FROM small ORDER BY k"
    assert lake.rows(q) == want
    lake.sql("CALL ducklake_flush_inlined_data('lake')")
    after = lake.rows(q)
    assert [r[:2] for r in after] == [r[:2] for r in want]
    assert after[1][2] == after[2][2] != "" and [after[1][3], after[2][3]] == ["0", "1"]


def test_file_row_number_and_filename(lake):
    lake.sql("CREATE TABLE t AS SELECT range AS a FROM range(3)")
    lake.sql("INSERT INTO t VALUES (10), (11)")
    rows = lake.rows("SELECT a, file_row_number, filename FROM t ORDER BY a")
    assert [r[:2] for r in rows] == [["a", "file_row_number"], ["0", "0"], ["1", "1"],
                                     ["2", "2"], ["10", "0"], ["11", "1"]]
    files = sorted({r[2] for r in rows[1:]})
    assert len(files) == 2
    prefix = "s3://" if DATA == "s3" else lake.dir
    for f in files:
        assert f.startswith(prefix) and f.endswith(".parquet")
        assert any(f.endswith(p) for p in lake.referenced_files())
    assert lake.rows("SELECT a FROM t WHERE file_row_number = 1 ORDER BY a") == [
        ["a"], ["1"], ["11"]]
    assert lake.rows(f"SELECT count(*) FROM t WHERE filename = '{files[0]}'")[1][0] in ("2", "3")
    # a star lists none of them, even beside them; a qualified star neither
    assert lake.rows("SELECT *, filename IS NOT NULL AS f FROM t WHERE a = 0") == [
        ["a", "f"], ["0", "true"]]
    assert lake.rows("SELECT x.* FROM t x WHERE x.snapshot_id > 0 AND a = 0") == [["a"], ["0"]]


def test_a_column_of_its_own_wins(lake):
    lake.sql("CREATE TABLE r (snapshot_id INT, filename VARCHAR); INSERT INTO r VALUES (7, 'mine')")
    assert lake.rows("SELECT snapshot_id, filename, file_row_number FROM r") == [
        ["snapshot_id", "filename", "file_row_number"], ["7", "mine", "0"]]
    assert lake.rows("SELECT * FROM r") == [["snapshot_id", "filename"], ["7", "mine"]]
