"""MERGE INTO on lake tables (DuckDB 1.4's syntax): matched rows updated or deleted,
unmatched source rows inserted, unmatched target rows (BY SOURCE) changed, clauses taken
in order with their AND conditions; one snapshot; a row matched twice or an ERROR clause
changes nothing."""
from lh import run


def stock(lake):
    lake.sql("CREATE TABLE stock (item_id INTEGER, balance INTEGER); "
             "INSERT INTO stock VALUES (10, 2200), (20, 1900)")


def test_update_and_insert_in_one_snapshot(lake):
    # DuckLake's test/sql/merge/merge_update_insert.test, with a source that is a lake table
    stock(lake)
    lake.sql("CREATE TABLE buy (item_id INTEGER, volume INTEGER); "
             "INSERT INTO buy VALUES (10, 1000), (30, 300)")
    n = lake.snapshot_count()
    out = lake.rows("MERGE INTO stock AS s USING buy AS b ON s.item_id = b.item_id "
                    "WHEN MATCHED THEN UPDATE SET balance = balance + b.volume "
                    "WHEN NOT MATCHED THEN INSERT VALUES (b.item_id, b.volume)")
    assert out == [["Count"], ["2"]]
    assert lake.snapshot_count() == n + 1
    assert lake.rows("SELECT rowid, * FROM stock ORDER BY item_id")[1:] == \
        [["0", "10", "3200"], ["1", "20", "1900"], ["3", "30", "300"]]  # 10 keeps its row id
    tid = lake.cat("SELECT table_id FROM ducklake_table WHERE table_name = 'stock'")[0][0]
    assert lake.cat("SELECT changes_made FROM ducklake_snapshot_changes ORDER BY snapshot_id "
                    "DESC LIMIT 1") == [(f"inserted_into_table:{tid},deleted_from_table:{tid}",)]
    # the source read at an earlier snapshot (AT): the rewriter sees the whole statement
    v = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("DELETE FROM buy")
    lake.sql(f"MERGE INTO stock s USING (SELECT * FROM buy AT (VERSION => {v})) b "
             "ON s.item_id = b.item_id WHEN MATCHED THEN UPDATE SET balance = b.volume")
    assert lake.rows("SELECT item_id, balance FROM stock ORDER BY 1")[1:] == \
        [["10", "1000"], ["20", "1900"], ["30", "300"]]


def test_clauses_in_order_with_conditions_and_by_source(lake):
    stock(lake)
    lake.sql("INSERT INTO stock VALUES (30, 50), (40, 7000)")
    out = lake.rows(
        "MERGE INTO stock t USING (VALUES (10, 1), (20, 2), (50, 5), (60, 6)) s(id, v) "
        "ON t.item_id = s.id "
        "WHEN MATCHED AND s.v = 1 THEN DELETE "
        "WHEN MATCHED THEN UPDATE SET balance = CASE WHEN s.v > 1 THEN t.balance * 10 END "
        "WHEN NOT MATCHED AND s.v = 6 THEN DO NOTHING "
        "WHEN NOT MATCHED THEN INSERT (item_id) VALUES (s.id) "
        "WHEN NOT MATCHED BY SOURCE AND t.balance < 100 THEN DELETE "
        "WHEN NOT MATCHED BY SOURCE THEN UPDATE SET balance = -1")
    assert out == [["Count"], ["5"]]
    assert lake.rows("SELECT item_id, balance FROM stock ORDER BY 1")[1:] == \
        [["20", "19000"], ["40", "-1"], ["50", ""]]


def test_refusals_change_nothing(lake):
    stock(lake)
    n = lake.snapshot_count()
    for stmt, says in [
        ("MERGE INTO stock t USING (VALUES (10), (10)) s(id) ON t.item_id = s.id "
         "WHEN MATCHED THEN DELETE", "match more than one source row"),
        ("MERGE INTO stock t USING (VALUES (10)) s(id) ON t.item_id = s.id "
         "WHEN MATCHED THEN ERROR", "THEN ERROR clause"),
        ("MERGE INTO stock t USING (VALUES (99)) s(id) ON t.item_id = s.id "
         "WHEN NOT MATCHED THEN ERROR", "THEN ERROR clause"),
        ("MERGE INTO stock t USING (VALUES (10)) s(id) ON t.item_id = s.id "
         "WHEN MATCHED THEN DELETE RETURNING *", "RETURNING is not supported"),
        ("MERGE INTO stock t USING (VALUES (1)) s(id) ON t.item_id = s.id "
         "WHEN NOT MATCHED THEN INSERT VALUES (s.id)", "INSERT gives 1 values for 2 columns"),
        ("MERGE INTO stock t USING (VALUES (1)) s(id) ON t.item_id = s.id "
         "WHEN NOT MATCHED THEN INSERT (nope) VALUES (1)", "no column 'nope'"),
        ("MERGE INTO stock t USING (VALUES (1)) s(id) ON t.item_id = s.id "
         "WHEN MATCHED THEN INSERT VALUES (1, 2)", "INSERT is for WHEN NOT MATCHED"),
        ("MERGE INTO stock t USING (VALUES (1)) s(id) WHEN MATCHED THEN DELETE", "expected ON"),
        ("MERGE INTO stock t USING (VALUES (1)) s(id) ON true", "at least one WHEN"),
        ("MERGE INTO stock t USING (VALUES (1)) s(id) ON t.nope = s.id WHEN MATCHED THEN DELETE",
         "nope"),
    ]:
        err = lake.fail(stmt)
        assert says in err, (stmt, err)
        assert "SELECT" not in err and "__lh" not in err, err
    assert lake.snapshot_count() == n
    assert lake.rows("SELECT * FROM stock ORDER BY 1")[1:] == [["10", "2200"], ["20", "1900"]]


def test_inlined_target_and_a_duckdb_table_target(lake):
    stock(lake)
    lake.sql("CALL lake.set_option('data_inlining_row_limit', 10)")
    files = len(lake.data_files())
    lake.sql("MERGE INTO stock t USING (VALUES (70, 7)) s(id, v) ON t.item_id = s.id "
             "WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)")
    assert len(lake.data_files()) == files  # the new row went into the catalog
    assert lake.scalar("SELECT balance FROM stock WHERE item_id = 70") == "7"
    # a MERGE into a table of DuckDB's own (a TEMP table) is DuckDB's
    p = run("sql", "--format", "csv", "-c",
            "CREATE TEMP TABLE tt (k INTEGER); MERGE INTO tt USING (VALUES (1)) s(k) "
            "ON tt.k = s.k WHEN NOT MATCHED THEN INSERT VALUES (s.k); SELECT count(*) FROM tt",
            lake=lake.dir, check=True)
    assert p.stdout.strip().endswith("1"), p.stdout


def test_duckdb_forms_positions_and_clause_order(lake):
    stock(lake)
    # the clause without AND comes after the kind's others (DuckDB's rule)
    lake.sql("MERGE INTO stock t USING (VALUES (10, true, 5), (20, false, 6)) s(id, keep, v) "
             "ON t.item_id = s.id WHEN MATCHED THEN DELETE "
             "WHEN MATCHED AND s.keep THEN UPDATE SET balance = s.v")
    assert lake.rows("SELECT * FROM stock ORDER BY 1")[1:] == [["10", "5"]]
    assert "Unconditional WHEN MATCHED clause was already defined" in lake.fail(
        "MERGE INTO stock t USING (VALUES (1)) s(id) ON t.item_id = s.id "
        "WHEN MATCHED THEN DELETE WHEN MATCHED THEN UPDATE SET balance = 1")
    # INSERT * and a bare INSERT / UPDATE take the source's columns by position, as DuckDB;
    # BY NAME by name; a list value inside VALUES (...) is one value
    lake.sql("MERGE INTO stock t USING (VALUES (30, 300)) s(a, b) ON t.item_id = s.a "
             "WHEN NOT MATCHED THEN INSERT *")
    lake.sql("MERGE INTO stock t USING (VALUES (40, 400)) s(x, y) ON t.item_id = s.x "
             "WHEN NOT MATCHED THEN INSERT")
    lake.sql("MERGE INTO stock t USING (SELECT 77 AS balance, 30 AS item_id) s "
             "ON t.item_id = s.item_id WHEN MATCHED THEN UPDATE BY NAME")
    lake.sql("MERGE INTO stock t USING (VALUES (40, 41)) s(p, q) ON t.item_id = s.p "
             "WHEN MATCHED THEN UPDATE")
    lake.sql("MERGE INTO stock t USING (VALUES (50)) s(id) ON t.item_id = s.id "
             "WHEN NOT MATCHED THEN INSERT VALUES (s.id, list_sum([1, 2, 3]))")
    assert lake.rows("SELECT * FROM stock ORDER BY 1")[1:] == \
        [["10", "5"], ["30", "77"], ["40", "41"], ["50", "6"]]
    err = lake.fail("MERGE INTO stock t USING (VALUES (60, 1, 2)) s(a, b, c) ON t.item_id = s.a "
                    "WHEN NOT MATCHED THEN INSERT *")
    assert "the source has 3 columns and the table 2" in err, err
    # ERROR 'message' says it
    err = lake.fail("MERGE INTO stock t USING (VALUES (10)) s(id) ON t.item_id = s.id "
                    "WHEN MATCHED THEN ERROR 'stock 10 is frozen'")
    assert "stock 10 is frozen" in err, err
    # a source table read at an earlier snapshot
    v = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("CREATE TABLE src AS SELECT 10 AS id, 99 AS v")
    v2 = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("UPDATE src SET v = 1")
    lake.sql(f"MERGE INTO stock t USING src AT (VERSION => {v2}) s ON t.item_id = s.id "
             "WHEN MATCHED THEN UPDATE SET balance = s.v")
    assert lake.scalar("SELECT balance FROM stock WHERE item_id = 10") == "99"
    assert int(v) < int(v2)


def test_update_and_delete_of_a_transactions_own_inlined_rows(lake):
    lake.sql("CREATE TABLE t (id INTEGER, v INTEGER); "
             "CALL lake.set_option('data_inlining_row_limit', 10)")
    p = run("sql", "--format", "csv", "-c",
            "BEGIN; INSERT INTO t VALUES (1, 10), (2, 20), (3, 30); "
            "MERGE INTO t USING (VALUES (1, 'u'), (2, 'd')) s(id, op) ON t.id = s.id "
            "WHEN MATCHED AND s.op = 'u' THEN UPDATE SET v = 0 "
            "WHEN MATCHED AND s.op = 'd' THEN DELETE; COMMIT", lake=lake.dir, check=True)
    assert lake.rows("SELECT * FROM t ORDER BY id")[1:] == [["1", "0"], ["3", "30"]], p.stdout
