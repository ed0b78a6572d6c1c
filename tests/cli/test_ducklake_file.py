"""A lake DuckDB's own ducklake extension wrote (tests/fixtures/ducklake-golden, a
DuckDB-file catalog): we read it back identically at every snapshot, write to it and
maintain it, and the catalog files we create have the same tables and column types."""
import os

import pytest

from lh import CATALOG, DATA, GOLDEN, Lake, copy_duckdb_lake, csv_rows, run

pytestmark = pytest.mark.skipif(CATALOG != "duckdb" or DATA != "fs",
                                reason="about DuckDB-file catalogs; runs once")


@pytest.fixture
def theirs(tmp_path):
    """A copy of the lake DuckDB wrote, opened by its catalog file."""
    return copy_duckdb_lake(GOLDEN, str(tmp_path))


def test_reads_every_snapshot_as_duckdb_did(theirs):
    expected = os.path.join(GOLDEN, "expected")
    checked = 0
    for name in sorted(os.listdir(expected)):
        if "@" not in name:
            continue
        table, version = name[:-4].split("@")
        p = run("sql", "--format", "csv", "-c",
                f"SELECT * FROM {table} AT (VERSION => {version}) ORDER BY ALL", lake=theirs,
                check=True)
        with open(os.path.join(expected, name)) as f:
            want = csv_rows(f.read())
        got = csv_rows(p.stdout)
        # an empty table was exported as an empty file, without a header
        assert got == want or (not want and len(got) == 1), name
        checked += 1
    assert checked >= 10


def test_writes_and_maintains_a_lake_duckdb_wrote(theirs):
    before = run("sql", "--format", "csv", "-c", "SELECT count(*) FROM raw.goods", lake=theirs,
                 check=True).stdout
    n = int(csv_rows(before)[1][0])
    run("sql", "-c", "INSERT INTO raw.goods (id, label, price, stock) VALUES (300, 'ours', 1, 2)",
        lake=theirs, check=True)
    run("sql", "-c", "DELETE FROM raw.goods WHERE id = 100", lake=theirs, check=True)
    run("compact", lake=theirs, check=True)
    out = run("sql", "--format", "csv", "-c",
              "SELECT count(*), sum(id) FILTER (WHERE id = 300) FROM raw.goods", lake=theirs,
              check=True).stdout
    assert csv_rows(out)[1] == [str(n), "300"]
    # what DuckDB wrote still reads the same in the past
    with open(os.path.join(GOLDEN, "expected", "raw.items@4.csv")) as f:
        want = csv_rows(f.read())
    p = run("sql", "--format", "csv", "-c",
            "SELECT * FROM raw.items AT (VERSION => 4) ORDER BY ALL", lake=theirs, check=True)
    assert csv_rows(p.stdout) == want


def column_types(lake_arg):
    p = run("catalog", "--format", "csv", "-c",
            "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE "
            "table_name LIKE 'ducklake_%' ORDER BY table_name, column_index", lake=lake_arg,
            check=True)
    return csv_rows(p.stdout)


def test_our_catalog_file_has_duckdbs_tables_and_types(theirs):
    ours = Lake()
    try:
        assert column_types(ours.dir) == column_types(theirs)
    finally:
        ours.close()
