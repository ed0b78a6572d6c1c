"""DuckLake 1.0 catalogs (what DuckDB 1.5.2 and later write): the fixture DuckDB 1.5.5
wrote reads exactly at every snapshot, our writes on it have 1.0's shape, `lakehouse init
--ducklake-version 1.0` makes one, `lakehouse migrate` moves a 0.3 lake to 1.0 (and never
back), and the deletes DuckDB 1.5 keeps inline or writes with a snapshot per row are
honoured, never read as rows that are still there."""
import os
import subprocess

import pytest

from lh import (BIN, CATALOG, DATA, Lake, copy_duckdb_lake, csv_rows, environ,
                open_transaction, rows_of_many, run)

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures")
V1 = os.path.join(FIXTURES, "ducklake-golden-v1.0")
V03 = os.path.join(FIXTURES, "ducklake-golden-maintained")

duckdb_fs = pytest.mark.skipif(CATALOG != "duckdb" or DATA != "fs",
                               reason="about DuckDB-file catalogs DuckDB wrote; runs once")
writable_catalog = pytest.mark.skipif(CATALOG == "duckdb" or DATA != "fs",
                                      reason="writes catalog rows and files as DuckDB 1.5 would")


def read(lake, query):
    return csv_rows(run("sql", "--format", "csv", "-c", query, lake=lake, check=True).stdout)


def every_snapshot(fixture):
    for name in sorted(os.listdir(os.path.join(fixture, "expected"))):
        if "@" in name:
            table, version = name[:-4].split("@")
            with open(os.path.join(fixture, "expected", name)) as f:
                yield table, int(version), csv_rows(f.read())


def check_every_snapshot(lake, fixture, since=0):
    """Every table and view at every snapshot from `since` reads as DuckDB read it (one
    process); returns how many were compared."""
    cases = [c for c in every_snapshot(fixture) if c[1] >= since]
    got = rows_of_many(lake, [f"SELECT * FROM {t} AT (VERSION => {v}) ORDER BY ALL"
                              for t, v, _ in cases])
    for (table, version, want), rows in zip(cases, got):
        assert rows == want or (not want and len(rows) == 1), f"{table}@{version}"
    return len(cases)


@duckdb_fs
def test_the_lake_duckdb_1_5_wrote_reads_exactly_at_every_snapshot(tmp_path):
    lake = copy_duckdb_lake(V1, str(tmp_path))
    assert check_every_snapshot(lake, V1) == 55
    # compacted files with a snapshot per row (partial_max), flushed deletes with one per
    # position, inlined rows, partitions, the replaced view
    assert read(lake, "SELECT count(*) FROM ev WHERE kind = 'z'") == [["count_star()"], ["3"]]


@duckdb_fs
def test_our_writes_on_a_1_0_lake_have_its_shape(tmp_path):
    lake = copy_duckdb_lake(V1, str(tmp_path))
    run("sql", "-c", "CREATE TABLE mine (a INTEGER, b VARCHAR)", lake=lake, check=True)
    run("sql", "-c", "INSERT INTO mine SELECT range, 'x' FROM range(50)", lake=lake, check=True)
    run("sql", "-c", "ALTER TABLE mine ADD COLUMN c INTEGER DEFAULT 7", lake=lake, check=True)
    run("sql", "-c", "DELETE FROM ev WHERE id < 20", lake=lake, check=True)
    run("sql", "-c", "UPDATE small SET note = 'tres' WHERE k = 3", lake=lake, check=True)
    assert read(lake, "SELECT count(*), sum(c) FROM mine") == [["count_star()", "sum(c)"],
                                                             ["50", "350"]]
    assert read(lake, "SELECT count(*) FROM ev") == [["count_star()"], ["420"]]
    assert read(lake, "SELECT note FROM small WHERE k = 3") == [["note"], ["tres"]]

    def cat(q):
        return csv_rows(run("catalog", "--format", "csv", "-c", q, lake=lake, check=True).stdout)
    assert cat("SELECT value FROM ducklake_metadata WHERE key = 'version'") == [["value"], ["1.0"]]
    # columns: a literal default in DuckDB's dialect, as DuckDB 1.5 writes them
    assert cat("SELECT column_name, default_value_type, default_value_dialect FROM "
               "ducklake_column c JOIN ducklake_table t USING (table_id) WHERE t.table_name = "
               "'mine' AND c.end_snapshot IS NULL ORDER BY column_order") == [
        ["column_name", "default_value_type", "default_value_dialect"],
        ["a", "literal", "duckdb"], ["b", "literal", "duckdb"], ["c", "literal", "duckdb"]]
    # schema versions per table: one row when it was made, one when it was altered
    tid = cat("SELECT table_id FROM ducklake_table WHERE table_name = 'mine'")[1][0]
    assert cat(f"SELECT count(*) FROM ducklake_schema_versions WHERE table_id = {tid}") == [
        ["count_star()"], ["2"]]
    assert cat("SELECT count(*) FROM ducklake_schema_versions WHERE table_id IS NULL") == [
        ["count_star()"], ["0"]]
    # compaction and the flush are recorded under 1.0's names
    run("compact", lake=lake, check=True)
    made = cat("SELECT changes_made FROM ducklake_snapshot_changes ORDER BY snapshot_id DESC "
               "LIMIT 3")
    assert any("merge_adjacent:" in r[0] for r in made[1:]), made
    assert not any("compacted_table" in r[0] for r in made[1:]), made
    assert read(lake, "SELECT count(*) FROM ev") == [["count_star()"], ["420"]]
    # and DuckDB 1.5's own history still reads as it did
    assert check_every_snapshot(lake, V1) == 55


def test_init_makes_a_1_0_catalog_and_refuses_unknown_versions():
    lake = Lake(init=("--ducklake-version", "1.0"))
    try:
        assert lake.cat("SELECT value FROM ducklake_metadata WHERE key = 'version'") == [("1.0",)]
        # 1.0's tables, and no global schema version row
        for table in ("ducklake_macro", "ducklake_sort_info", "ducklake_file_variant_stats"):
            assert lake.cat(f"SELECT count(*) FROM {table}") == [(0,)]
        assert lake.cat("SELECT count(*) FROM ducklake_schema_versions") == [(0,)]
        lake.sql("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1), (2), (3)")
        lake.sql("DELETE FROM t WHERE a = 2")
        assert lake.rows("SELECT a FROM t ORDER BY a") == [["a"], ["1"], ["3"]]
        assert lake.rows("SELECT a FROM t AT (VERSION => 2) ORDER BY a") == [
            ["a"], ["1"], ["2"], ["3"]]
        assert lake.cat("SELECT count(*), count(partial_max) FROM ducklake_data_file") == [(1, 0)]
        assert lake.cat("SELECT count(*), count(partial_max) FROM ducklake_delete_file") == [
            (1, 0)]
        assert lake.cat("SELECT begin_snapshot, schema_version, table_id FROM "
                        "ducklake_schema_versions") == [(1, 1, 1)]
        assert run("version", check=True).stdout.find("1.0") > 0
    finally:
        lake.close()
    p = run("init", os.path.join(lake.tmp.name + "-x", "lake"), "--ducklake-version", "0.9")
    assert p.returncode == 2 or p.returncode == 1
    assert "DuckLake version '0.9' cannot be created" in p.stderr
    assert not os.path.exists(lake.tmp.name + "-x")


def snapshot_reads(lake, tables):
    """Every table at every snapshot since it was made, as CSV rows (one process), so two
    catalogs can be compared."""
    made = dict(lake.cat("SELECT table_name, begin_snapshot FROM ducklake_table"))
    (last,), = lake.cat("SELECT max(snapshot_id) FROM ducklake_snapshot")
    queries = [f"SELECT * FROM {t} AT (VERSION => {v}) ORDER BY ALL"
               for t in tables for v in range(made[t], last + 1)]
    return rows_of_many(lake.dir, queries)


def test_migrate_moves_a_0_3_lake_to_1_0_and_every_snapshot_reads_the_same():
    lake = Lake()
    try:
        lake.sql("CREATE TABLE ev (id INTEGER, kind VARCHAR, d DATE)")
        lake.sql("INSERT INTO ev SELECT range, 'a', DATE '2026-01-01' + range::INTEGER "
                 "FROM range(40)")
        lake.sql("DELETE FROM ev WHERE id % 7 = 0")
        lake.sql("ALTER TABLE ev ADD COLUMN n INTEGER DEFAULT 5")
        lake.sql("ALTER TABLE ev SET PARTITIONED BY (month(d))")
        lake.sql("INSERT INTO ev VALUES (100, 'b', DATE '2026-05-05', 1)")
        lake.sql("CREATE TABLE small (k INTEGER)")
        lake.sql("CALL lake.set_option('data_inlining_row_limit', 10)")
        lake.sql("INSERT INTO small VALUES (1), (2)")
        lake.sql("DELETE FROM small WHERE k = 1")
        run("compact", lake=lake.dir, check=True)
        before = snapshot_reads(lake, ("ev", "small"))
        p = run("migrate", lake=lake.dir, check=True)
        assert p.stdout.strip() == "migrated the catalog from DuckLake 0.3 to 1.0"
        assert lake.cat("SELECT value FROM ducklake_metadata WHERE key = 'version'") == [("1.0",)]
        assert snapshot_reads(lake, ("ev", "small")) == before
        # schema versions are per table now, none global
        assert lake.cat("SELECT count(*) FROM ducklake_schema_versions WHERE table_id IS "
                        "NULL") == [(0,)]
        assert lake.cat("SELECT DISTINCT table_id FROM ducklake_schema_versions ORDER BY 1") == \
            lake.cat("SELECT table_id FROM ducklake_table ORDER BY 1")
        assert lake.cat("SELECT DISTINCT default_value_type FROM ducklake_column") == [
            ("literal",)]
        # the 0.3 column is gone, 1.0's are there
        assert lake.cat("SELECT count(partial_max) FROM ducklake_data_file") == [(0,)]
        assert run("catalog", "-c", "SELECT partial_file_info FROM ducklake_data_file",
                   lake=lake.dir).returncode == 1
        # writes go on in 1.0's shape
        lake.sql("INSERT INTO ev VALUES (200, 'c', DATE '2026-06-01', 2)")
        lake.sql("DELETE FROM ev WHERE id = 1")
        assert lake.scalar("SELECT count(*) FROM ev") == "35"
        assert lake.scalar("SELECT count(*) FROM ev AT (VERSION => 3)") == "34"
        # once there, nothing to do; and no way back
        assert run("migrate", lake=lake.dir, check=True).stdout.strip() == (
            "the catalog is DuckLake 1.0 already; nothing to do")
        p = run("migrate", "--to", "0.3", lake=lake.dir)
        assert p.returncode == 1
        assert "cannot be migrated back to 0.3" in p.stderr
        assert lake.cat("SELECT value FROM ducklake_metadata WHERE key = 'version'") == [("1.0",)]
    finally:
        lake.close()


@pytest.mark.skipif(CATALOG == "duckdb", reason="a DuckDB-file catalog is locked while a "
                    "transaction writes; the other backends let migrate run beside it")
def test_a_session_open_across_a_migration_writes_the_new_layout():
    lake = Lake()
    try:
        lake.sql("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1)")
        a = open_transaction(lake, "ALTER TABLE t ADD COLUMN j INTEGER")
        # another process migrates while the transaction is open
        run("migrate", lake=lake.dir, check=True)
        out, err = a.communicate("INSERT INTO t VALUES (2, 3);\nCOMMIT;\n"
                                 "SELECT count(*) AS n FROM t;\n", timeout=120)
        assert a.returncode == 0, err
        assert out.strip().splitlines()[-1] == "2"
        # its rows went in 1.0's shape: the new column with its default's type, the data
        # file without partial_max, a schema version row for the table, none global
        assert lake.cat("SELECT column_name, default_value_type FROM ducklake_column ORDER BY "
                        "column_id") == [("i", "literal"), ("j", "literal")]
        assert lake.cat("SELECT count(*), count(partial_max), count(mapping_id) FROM "
                        "ducklake_data_file") == [(2, 0, 0)]
        (snap,), = lake.cat("SELECT max(snapshot_id) FROM ducklake_snapshot")
        assert lake.cat(f"SELECT table_id FROM ducklake_schema_versions WHERE begin_snapshot = "
                        f"{snap}") == [(1,)]
        assert lake.rows("SELECT i, j FROM t ORDER BY i") == [["i", "j"], ["1", ""], ["2", "3"]]
    finally:
        lake.close()


@pytest.mark.skipif(CATALOG == "duckdb", reason="as above")
def test_a_reading_session_open_across_a_migration_reads_the_new_layout():
    lake = Lake()
    try:
        lake.sql("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1)")
        a = subprocess.Popen([BIN, "--lake", lake.dir, "sql", "--format", "csv"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=environ(lake=lake.dir))
        a.stdin.write("SELECT count(*) AS n FROM t;\n")
        a.stdin.flush()
        assert a.stdout.readline().strip() == "n" and a.stdout.readline().strip() == "1"
        # another process migrates, then adds rows: the session reads the new files
        run("migrate", lake=lake.dir, check=True)
        lake.sql("INSERT INTO t VALUES (2), (3)")
        out, err = a.communicate("SELECT count(*) AS n FROM t;\n", timeout=120)
        assert a.returncode == 0, err
        assert out.strip().splitlines()[-1] == "3"
    finally:
        lake.close()


@duckdb_fs
def test_migrate_refuses_while_duckdb_1_4_compactions_still_matter(tmp_path):
    lake = copy_duckdb_lake(V03, str(tmp_path))
    p = run("migrate", lake=lake)
    assert p.returncode == 1
    # file 7 merged the rows of snapshots 2, 5, 6 and 8; snapshots 2..7 would read all 350
    assert "data file 7" in p.stderr and "snapshots before 8" in p.stderr, p.stderr
    assert "Expire the snapshots before 8 first" in p.stderr
    # nothing changed
    assert check_every_snapshot(lake, V03) == 55
    # with those snapshots gone, the split no longer matters: the rest reads the same
    run("expire", "--keep-last", "19", lake=lake, check=True)
    assert run("migrate", lake=lake, check=True).stdout.startswith("migrated the catalog")
    assert check_every_snapshot(lake, V03, since=8) == 48


@writable_catalog
def test_deletes_duckdb_1_5_kept_inline_or_wrote_per_snapshot_are_honoured():
    """DuckDB 1.5 keeps small deletes of file rows in ducklake_inlined_delete_<table>, and
    its flush writes them into a delete file with each position's snapshot (partial_max).
    Written here as DuckDB 1.5 writes them."""
    lake = Lake(init=("--ducklake-version", "1.0"))
    try:
        lake.sql("CREATE TABLE t (id INTEGER)")
        lake.sql("INSERT INTO t SELECT range FROM range(100)")  # snapshot 2
        (fid, path), = lake.cat("SELECT data_file_id, path FROM ducklake_data_file")

        def snapshot(n, changes):
            lake.cat_write(f"INSERT INTO ducklake_snapshot SELECT {n}, snapshot_time, "
                           "schema_version, next_catalog_id, next_file_id FROM ducklake_snapshot "
                           f"WHERE snapshot_id = {n - 1}")
            lake.cat_write(f"INSERT INTO ducklake_snapshot_changes VALUES ({n}, '{changes}', "
                           "NULL, NULL, NULL)")
        # snapshot 3: rows 0..2 deleted inline
        snapshot(3, "inlined_delete:1")
        lake.cat_write("CREATE TABLE ducklake_inlined_delete_1 (file_id BIGINT, row_id BIGINT, "
                       "begin_snapshot BIGINT)")
        lake.cat_write(f"INSERT INTO ducklake_inlined_delete_1 VALUES ({fid}, 0, 3), "
                       f"({fid}, 1, 3), ({fid}, 2, 3)")
        assert lake.scalar("SELECT count(*) FROM t") == "97"
        assert lake.scalar("SELECT min(id) FROM t") == "3"
        assert lake.scalar("SELECT count(*) FROM t AT (VERSION => 2)") == "100"
        # the change feed cannot place them yet: refused, never an empty answer
        err = lake.fail("SELECT * FROM ducklake_table_changes('lake', 'main', 't', 2, 3)")
        assert "kept some of its deletes inline" in err
        # snapshot 4: rows 5 and 6 deleted inline; snapshot 5: the flush writes all five into
        # one delete file with their snapshots (begin 3, partial_max 4)
        snapshot(4, "inlined_delete:1")
        lake.cat_write(f"INSERT INTO ducklake_inlined_delete_1 VALUES ({fid}, 5, 4), "
                       f"({fid}, 6, 4)")
        assert lake.scalar("SELECT count(*) FROM t") == "95"
        snapshot(5, "inline_flush:1")
        folder = os.path.join(lake.dir, "data", "main", "t")
        dpath = os.path.join(folder, "ducklake-flushed-delete.parquet")
        full = os.path.join(folder, path)
        run("sql", "-c",
            f"COPY (SELECT '{full}' AS file_path, pos::BIGINT AS pos, s::BIGINT AS "
            "_ducklake_internal_snapshot_id FROM (VALUES (0, 3), (1, 3), (2, 3), (5, 4), (6, 4)) "
            f"v(pos, s)) TO '{dpath}' (FORMAT parquet)", lake=lake.dir, check=True)
        size = os.path.getsize(dpath)
        lake.cat_write(f"INSERT INTO ducklake_delete_file VALUES (100, 1, 3, NULL, {fid}, "
                       f"'ducklake-flushed-delete.parquet', 1, 'parquet', 5, {size}, 0, NULL, 4)")
        lake.cat_write("DELETE FROM ducklake_inlined_delete_1")
        # each snapshot sees only its own deletes
        assert lake.scalar("SELECT count(*) FROM t AT (VERSION => 2)") == "100"
        assert lake.scalar("SELECT count(*) FROM t AT (VERSION => 3)") == "97"
        assert lake.rows("SELECT id FROM t AT (VERSION => 3) WHERE id < 8 ORDER BY id") == [
            ["id"], ["3"], ["4"], ["5"], ["6"], ["7"]]
        assert lake.scalar("SELECT count(*) FROM t AT (VERSION => 4)") == "95"
        assert lake.scalar("SELECT count(*) FROM t") == "95"
        # our own delete on top keeps the earlier ones, and time travel stays exact
        lake.sql("DELETE FROM t WHERE id = 50")
        assert lake.scalar("SELECT count(*) FROM t") == "94"
        assert lake.scalar("SELECT count(*) FROM t AT (VERSION => 3)") == "97"
        assert lake.rows("SELECT id FROM t WHERE id < 8 ORDER BY id") == [
            ["id"], ["3"], ["4"], ["7"]]
    finally:
        lake.close()
