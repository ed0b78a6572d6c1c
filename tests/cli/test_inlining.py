"""Data inlining: an INSERT of at most data_inlining_row_limit rows keeps them in the
catalog (ducklake_inlined_data_<table>_<version>, DuckLake 0.3's layout, as in
tests/fixtures/ducklake-golden-maintained) instead of a Parquet file; reads union them,
deletes and updates of them work, time travel sees them as they were, a flush or a
compaction writes them into a data file with their row ids."""
import csv
import os
import sqlite3

from lh import CATALOG, open_transaction, run

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ducklake-golden-maintained")


def inlined(lake, table_id):
    """Every inlined row of a table: (row_id, begin, end, values...) across its tables."""
    out = []
    for (name,) in lake.cat(f"SELECT table_name FROM ducklake_inlined_data_tables WHERE "
                            f"table_id = {table_id} ORDER BY schema_version"):
        out += lake.cat(f"SELECT * FROM {name} ORDER BY row_id")
    return sorted(out)


def make_small(lake, limit=10):
    lake.sql("CREATE TABLE small (k INTEGER, note VARCHAR)")
    lake.sql(f"CALL lake.set_option('data_inlining_row_limit', {limit})")
    return lake.cat("SELECT table_id FROM ducklake_table WHERE table_name = 'small'")[0][0]


def changes(lake, n):
    return [r[0] for r in lake.cat("SELECT changes_made FROM ducklake_snapshot_changes "
                                   "ORDER BY snapshot_id")][-n:]


def test_small_inserts_stay_in_the_catalog_as_duckdb_keeps_them(lake):
    tid = make_small(lake)
    lake.sql("INSERT INTO small VALUES (1, 'one'), (2, 'two')")
    lake.sql("INSERT INTO small VALUES (3, NULL)")
    assert lake.data_files() == []
    # the registry and the table, named and shaped as DuckDB's extension makes them
    reg = lake.cat("SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables")
    created = lake.cat("SELECT schema_version FROM ducklake_snapshot WHERE snapshot_id = "
                       "(SELECT begin_snapshot FROM ducklake_table WHERE table_name = 'small')")
    # made by the first inlined insert, a schema change (DuckDB's readers cache by version)
    sv = created[0][0] + 1
    assert reg == [(tid, f"ducklake_inlined_data_{tid}_{sv}", sv)]
    with open(os.path.join(FIXTURE, "catalog", "ducklake_inlined_data_2_2.csv")) as f:
        theirs = next(csv.reader(f))
    ours = lake.cat_dicts(f"SELECT * FROM {reg[0][1]} LIMIT 1")[0]
    assert list(ours) == theirs == ["row_id", "begin_snapshot", "end_snapshot", "k", "note"]
    snaps = [r[0] for r in lake.cat("SELECT snapshot_id FROM ducklake_snapshot ORDER BY 1")]
    assert inlined(lake, tid) == [(0, snaps[-2], None, 1, "one"), (1, snaps[-2], None, 2, "two"),
                                  (2, snaps[-1], None, 3, None)]
    assert changes(lake, 2) == [f"inlined_insert:{tid}"] * 2
    # statistics as for a file: rows, next row id, bounds
    assert lake.cat(f"SELECT record_count, next_row_id FROM ducklake_table_stats WHERE "
                    f"table_id = {tid}") == [(3, 3)]
    stats = lake.cat("SELECT column_id, contains_null, min_value, max_value FROM "
                     f"ducklake_table_column_stats WHERE table_id = {tid} ORDER BY 1")
    assert stats == [(1, 0, "1", "3"), (2, 1, "one", "two")]
    assert lake.rows("SELECT rowid, * FROM small ORDER BY k")[1:] == \
        [["0", "1", "one"], ["1", "2", "two"], ["2", "3", ""]]
    # a filter the statistics could prune must still find inlined rows
    assert lake.scalar("SELECT count(*) FROM small WHERE k = 3") == "1"
    # more rows than the limit: a data file, as always; both read together
    lake.sql("INSERT INTO small SELECT range, 'many' FROM range(10, 21)")
    assert len(lake.data_files()) == 1
    assert lake.rows("SELECT count(*), sum(k), max(rowid) FROM small")[1:] == [["14", "171", "13"]]


def test_deletes_updates_and_time_travel(lake):
    tid = make_small(lake)
    lake.sql("INSERT INTO small VALUES (1, 'one'), (2, 'two'), (3, 'three')")
    v1 = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("DELETE FROM small WHERE k = 2")
    assert changes(lake, 1) == [f"inlined_delete:{tid}"]
    lake.sql("UPDATE small SET note = 'uno' WHERE k = 1")
    assert lake.rows("SELECT rowid, * FROM small ORDER BY k")[1:] == \
        [["0", "1", "uno"], ["2", "3", "three"]]
    assert lake.rows(f"SELECT k, note FROM small AT (VERSION => {v1}) ORDER BY k")[1:] == \
        [["1", "one"], ["2", "two"], ["3", "three"]]
    # deleted rows end, they are not removed: the catalog keeps their history
    ended = [r for r in inlined(lake, tid) if r[2] is not None]
    assert sorted(r[0] for r in ended) == [0, 1]
    # DELETE without WHERE ends the rest
    lake.sql("DELETE FROM small")
    assert lake.scalar("SELECT count(*) FROM small") == "0"
    assert all(r[2] is not None for r in inlined(lake, tid))
    assert lake.scalar(f"SELECT count(*) FROM small AT (VERSION => {v1})") == "3"


def test_a_transaction_sees_its_own_rows_and_keeps_what_remains(lake):
    tid = make_small(lake)
    lake.sql("INSERT INTO small VALUES (1, 'one')")
    p = run("sql", "--format", "csv", "-c",
            "BEGIN; INSERT INTO small VALUES (2, 'two'), (3, 'three'); "
            "SELECT count(*) FROM small; DELETE FROM small WHERE k IN (1, 2); "
            "SELECT k FROM small ORDER BY k; UPDATE small SET note = 'drei' WHERE k = 3; "
            "COMMIT", lake=lake.dir, check=True)
    assert "count_star()\n3\n" in p.stdout and "k\n3\n" in p.stdout, p.stdout
    assert lake.rows("SELECT k, note FROM small ORDER BY k")[1:] == [["3", "drei"]]
    assert len(lake.data_files()) == 1  # the update's new version is a file
    # a column change after inlining in the same transaction is refused, as in DuckLake
    n = lake.snapshot_count()
    p = run("sql", "-c", "BEGIN; INSERT INTO small VALUES (4, 'four'); "
            "ALTER TABLE small ADD COLUMN x INTEGER; COMMIT", lake=lake.dir)
    assert p.returncode == 1 and "transaction-local inlined data" in p.stderr, p.stderr
    assert lake.snapshot_count() == n
    # NOT NULL holds for inlined rows too
    lake.sql("ALTER TABLE small ALTER COLUMN k SET NOT NULL")
    err = lake.fail("INSERT INTO small VALUES (NULL, 'x')")
    assert "NOT NULL constraint failed: column 'k'" in err, err
    assert lake.scalar("SELECT count(*) FROM small") == "1"


def test_flush_and_compaction_write_them_into_a_file(lake):
    tid = make_small(lake)
    lake.sql("INSERT INTO small VALUES (1, 'one'), (2, 'two')")
    lake.sql("INSERT INTO small VALUES (3, 'three')")
    lake.sql("DELETE FROM small WHERE k = 2")
    v = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    before = lake.rows("SELECT rowid, * FROM small ORDER BY ALL")
    out = lake.rows("CALL ducklake_flush_inlined_data('lake')")
    assert [r[0] for r in out[1:]] == ["flushed"]
    assert changes(lake, 1) == [f"flushed_inlined:{tid}"]
    assert len(lake.data_files()) == 1
    assert lake.rows("SELECT rowid, * FROM small ORDER BY ALL") == before  # row ids kept
    assert all(r[2] is not None for r in inlined(lake, tid))
    assert lake.scalar(f"SELECT count(*) FROM small AT (VERSION => {v})") == "2"
    assert lake.rows("CALL ducklake_flush_inlined_data('lake')")[1:] == []  # nothing left
    # compaction flushes first, then merges
    lake.sql("INSERT INTO small VALUES (4, 'four')")
    p = run("compact", lake=lake.dir, check=True)
    assert "wrote the rows kept inline in the catalog into 1 file (" in p.stdout, p.stdout
    assert "merged 2 files" in p.stdout, p.stdout
    assert lake.rows("SELECT rowid, k FROM small ORDER BY k")[1:] == \
        [["0", "1"], ["2", "3"], ["3", "4"]]
    err = lake.fail("FROM ducklake_flush_inlined_data('lake', table_name => 'nope')")
    assert "no table 'nope'" in err, err


def test_what_is_not_inlined_and_what_refuses_inlined_tables(lake, tmp_path):
    lake.sql("CREATE TABLE b (k INTEGER, data BLOB); CREATE TABLE l (k INTEGER, xs INTEGER[])")
    lake.sql("CALL lake.set_option('data_inlining_row_limit', 10)")
    lake.sql("INSERT INTO b VALUES (1, '\\xAA'::BLOB); INSERT INTO l VALUES (1, [1, 2])")
    assert len(lake.data_files()) == 2  # types the catalog does not hold as such: files
    # a small CREATE TABLE AS is inlined too
    lake.sql("CREATE TABLE c AS SELECT 1 AS k, 'x' AS s")
    assert len(lake.data_files()) == 2 and lake.rows("FROM c")[1:] == [["1", "x"]]
    last = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    err = run("rollback", "c", last, lake=lake.dir).stderr
    assert "rows kept inline in the catalog" in err, err


def test_the_change_feed_lists_inlined_rows_and_skips_their_flush(lake):
    tid = make_small(lake)
    lake.sql("INSERT INTO small VALUES (1, 'one'), (2, 'two')")
    ins = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("UPDATE small SET note = 'uno' WHERE k = 1")
    upd = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("DELETE FROM small WHERE k = 2")
    dele = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    files = len(lake.data_files())  # (an update writes its rows into a file)
    assert inlined(lake, tid)
    q = ("SELECT snapshot_id, rowid, change_type, k, note FROM ducklake_table_changes('lake', "
         "'main', 'small', {}, {}) ORDER BY snapshot_id, rowid, change_type")
    want = [["snapshot_id", "rowid", "change_type", "k", "note"],
            [ins, "0", "insert", "1", "one"], [ins, "1", "insert", "2", "two"],
            [upd, "0", "update_postimage", "1", "uno"], [upd, "0", "update_preimage", "1", "one"],
            [dele, "1", "delete", "2", "two"]]
    assert lake.rows(q.format(ins, dele)) == want
    assert lake.rows(q.format(upd, upd)) == [want[0]] + want[3:5]
    assert lake.rows("SELECT snapshot_id, k FROM ducklake_table_insertions('lake', 'main', "
                     f"'small', {ins}, {dele}) ORDER BY snapshot_id, k")[1:] == [
        [ins, "1"], [ins, "2"], [upd, "1"]]
    # a flush changes no row: the same feed, and nothing at the flush
    lake.sql("INSERT INTO small VALUES (3, 'three')")
    three = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    want.append([three, "3", "insert", "3", "three"])
    assert lake.rows(q.format(ins, three)) == want
    lake.sql("CALL ducklake_flush_inlined_data('lake')")
    flush = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    assert len(lake.data_files()) == files + 1 and int(flush) == int(three) + 1
    assert lake.rows(q.format(ins, flush)) == want
    assert lake.rows(q.format(flush, flush)) == [want[0]]


def test_attach_sets_the_limit_for_the_session(tmp_path):
    if CATALOG != "sqlite":
        return  # the ATTACH path is the same for every backend; one is enough
    cat = tmp_path / "meta.sqlite"
    script = (f"ATTACH 'ducklake:sqlite:{cat}' AS dl (DATA_PATH '{tmp_path}/files', "
              "DATA_INLINING_ROW_LIMIT 5); CREATE TABLE dl.t (i INTEGER); "
              "INSERT INTO dl.t SELECT range FROM range(5); INSERT INTO dl.t SELECT range "
              "FROM range(6); SELECT count(*) FROM dl.t")
    p = run("sql", "--format", "csv", "-c", script, check=True)
    assert p.stdout.strip().endswith("11"), p.stdout
    with sqlite3.connect(cat) as c:
        assert c.execute("SELECT count(*) FROM ducklake_data_file").fetchone() == (1,)
        name = c.execute("SELECT table_name FROM ducklake_inlined_data_tables").fetchone()[0]
        assert c.execute(f"SELECT count(*) FROM {name}").fetchone() == (5,)
    p = run("sql", "-c", f"ATTACH 'ducklake:sqlite:{cat}' AS dl (DATA_INLINING_ROW_LIMIT x)")
    assert p.returncode == 1 and "DATA_INLINING_ROW_LIMIT is a number of rows" in p.stderr


def test_concurrent_deletes_and_flushes_of_inlined_rows_conflict(lake):
    make_small(lake)
    lake.sql("INSERT INTO small VALUES (1, 'one'), (2, 'two')")
    a = open_transaction(lake, "DELETE FROM small WHERE k = 1")
    lake.sql("DELETE FROM small WHERE k = 1")
    n = lake.snapshot_count()
    out, err = a.communicate("COMMIT;\n", timeout=120)
    assert a.returncode == 1 and "concurrent" in err, err
    assert lake.snapshot_count() == n
    # a flush meanwhile: the transaction's delete conflicts with it too
    a = open_transaction(lake, "DELETE FROM small WHERE k = 2")
    lake.sql("CALL ducklake_flush_inlined_data('lake')")
    out, err = a.communicate("COMMIT;\n", timeout=120)
    assert a.returncode == 1 and "concurrent" in err, err
    # inserts of inlined rows never conflict with each other
    a = open_transaction(lake, "INSERT INTO small VALUES (3, 'three')")
    lake.sql("INSERT INTO small VALUES (4, 'four')")
    out, err = a.communicate("COMMIT;\n", timeout=120)
    assert a.returncode == 0, err
    assert lake.rows("SELECT k FROM small ORDER BY k")[1:] == [["2"], ["3"], ["4"]]


def test_column_changes_move_inlined_rows_into_a_file_first(lake):
    tid = make_small(lake)
    lake.sql("INSERT INTO small VALUES (1, 'one'), (2, 'two')")
    v = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("ALTER TABLE small RENAME COLUMN note TO label")
    assert changes(lake, 1) == [f"altered_table:{tid},flushed_inlined:{tid}"]
    assert lake.rows("SELECT k, label FROM small ORDER BY k")[1:] == [["1", "one"], ["2", "two"]]
    lake.sql("ALTER TABLE small ADD COLUMN d INTEGER DEFAULT 7")
    lake.sql("INSERT INTO small (k) VALUES (3)")  # inlined under the new columns
    lake.sql("ALTER TABLE small DROP COLUMN label")
    lake.sql("INSERT INTO small VALUES (4, 8)")
    assert lake.rows("SELECT k, d FROM small ORDER BY k")[1:] == \
        [["1", "7"], ["2", "7"], ["3", "7"], ["4", "8"]]
    assert lake.rows(f"SELECT * FROM small AT (VERSION => {v}) ORDER BY k")[1:] == \
        [["1", "one"], ["2", "two"]]
    # every inlined table has the columns of its time
    for (name,) in lake.cat(f"SELECT table_name FROM ducklake_inlined_data_tables WHERE "
                            f"table_id = {tid}"):
        cols = list(lake.cat_dicts(f"SELECT * FROM {name} LIMIT 1")[0]) if \
            lake.cat(f"SELECT count(*) FROM {name}")[0][0] else None
        assert cols is None or cols[:3] == ["row_id", "begin_snapshot", "end_snapshot"]


def test_a_file_rewritten_at_commit_gets_only_its_own_rows(lake):
    make_small(lake)
    lake.sql("INSERT INTO small VALUES (1, 'one')")  # inlined
    lake.sql("BEGIN; INSERT INTO small SELECT range, 'r' FROM range(100, 150); "
             "DELETE FROM small WHERE k = 120; UPDATE small SET note = 'x' WHERE k = 130; "
             "UPDATE small SET note = 'y' WHERE k = 130; COMMIT")
    assert lake.rows("SELECT count(*), count(DISTINCT k), max(note) FROM small")[1:] == \
        [["50", "50", "y"]]


def test_first_inlined_insert_is_a_schema_change_and_values_keep_their_digits(lake):
    lake.sql("CREATE TABLE m (x DOUBLE, b BOOLEAN)")
    lake.sql("CALL lake.set_option('data_inlining_row_limit', 10)")
    before = lake.cat("SELECT max(schema_version) FROM ducklake_snapshot")[0][0]
    lake.sql("INSERT INTO m VALUES (0.1 + 0.2, true), (1e300, false), (NULL, NULL)")
    # DuckDB's readers cache the catalog by schema version: a new inlined table bumps it
    assert lake.cat("SELECT max(schema_version) FROM ducklake_snapshot")[0][0] == before + 1
    lake.sql("INSERT INTO m VALUES (2.5, true)")
    assert lake.cat("SELECT max(schema_version) FROM ducklake_snapshot")[0][0] == before + 1
    assert lake.rows("SELECT count(*) FILTER (x = 0.1 + 0.2), count(*) FILTER (x = 1e300), "
                     "count(*) FILTER (b) FROM m")[1:] == [["1", "1", "2"]]
