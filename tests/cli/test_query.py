"""Queries over lake tables mix freely with everything DuckDB offers."""

import pytest


@pytest.fixture
def shop(lake):
    lake.sql("CREATE SCHEMA raw; "
             "CREATE TABLE raw.items (id INT, name VARCHAR, price DOUBLE); "
             "INSERT INTO raw.items VALUES (1, 'apple', 1.5), (2, 'pear', 2.0), (3, 'kiwi', 0.5); "
             "CREATE TABLE sales (item INT, qty INT); "
             "INSERT INTO sales VALUES (1, 10), (1, 5), (3, 7)")
    return lake


def test_three_ways_to_name_a_table(shop):
    for name in ["sales", "main.sales", "lake.main.sales"]:
        assert shop.scalar(f"SELECT sum(qty) FROM {name}") == "22"
    for name in ["raw.items", "lake.raw.items"]:
        assert shop.scalar(f"SELECT count(*) FROM {name}") == "3"


def test_joins_ctes_windows(shop):
    r = shop.rows("WITH s AS (SELECT item, sum(qty) AS q FROM sales GROUP BY item) "
                  "SELECT i.name, s.q, rank() OVER (ORDER BY s.q DESC) AS r "
                  "FROM raw.items i JOIN s ON s.item = i.id ORDER BY r")
    assert r == [["name", "q", "r"], ["apple", "15", "1"], ["kiwi", "7", "2"]]


def test_subqueries_and_set_operations(shop):
    assert shop.scalar("SELECT count(*) FROM raw.items WHERE id IN (SELECT item FROM sales)") == "2"
    r = shop.rows("SELECT id FROM raw.items EXCEPT SELECT item FROM sales")
    assert r == [["id"], ["2"]]


def test_mixes_with_read_parquet(shop, tmp_path):
    f = tmp_path / "extra.parquet"
    shop.sql(f"COPY (SELECT 2 AS item, 99 AS qty) TO '{f}' (FORMAT parquet)")
    r = shop.rows(f"SELECT i.name, e.qty FROM raw.items i JOIN read_parquet('{f}') e "
                  "ON e.item = i.id")
    assert r == [["name", "qty"], ["pear", "99"]]


def test_explain_describe_summarize(shop):
    out = shop.sql("EXPLAIN SELECT * FROM raw.items WHERE id = 1")
    assert "READ_PARQUET" in out.upper() or "PARQUET_SCAN" in out.upper()
    d = shop.rows("DESCRIBE raw.items")
    assert [r[0:2] for r in d[1:]] == [["id", "INTEGER"], ["name", "VARCHAR"],
                                       ["price", "DOUBLE"]]
    s = shop.rows("SUMMARIZE raw.items")
    assert s[0][0] == "column_name" and len(s) == 4


def test_from_first_and_show_tables(shop):
    assert shop.rows("FROM sales SELECT qty ORDER BY qty") == [["qty"], ["5"], ["7"], ["10"]]
    tables = shop.rows("SELECT schema_name, view_name FROM duckdb_views() "
                       "WHERE database_name = 'lake' ORDER BY ALL")
    assert tables == [["schema_name", "view_name"], ["main", "sales"], ["raw", "items"]]
    shown = shop.rows("SHOW TABLES")
    assert ["sales"] in shown


def test_copy_query_results_out(shop, tmp_path):
    out = tmp_path / "out.csv"
    shop.sql(f"COPY (SELECT * FROM raw.items ORDER BY id) TO '{out}' (HEADER)")
    assert out.read_text().splitlines()[1] == "1,apple,1.5"


def test_temp_tables_are_session_scratch(shop):
    out = shop.sql("CREATE TEMP TABLE scratch AS SELECT * FROM raw.items WHERE price > 1; "
                   "INSERT INTO scratch VALUES (9, 'fig', 3.0); "
                   "SELECT count(*) AS n FROM scratch")
    assert out.strip().endswith("n\n3")
    # the lake did not change: init, schema, 2 tables, 2 inserts
    assert shop.snapshot_count() == 6


def test_unknown_table_and_column(shop):
    err = shop.fail("SELECT * FROM raw.nope")
    assert "nope" in err
    err = shop.fail("SELECT colour FROM raw.items")
    assert "colour" in err
