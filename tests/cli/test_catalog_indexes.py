"""Indexes beside the spec tables keep reading the current state independent of how much
history the catalog retains (bench/history.py measures it). Lakes made before them get
them at their first commit, never on a read (a read-only catalog is never written)."""
import pytest

from lh import CATALOG

INDEXES = ["lakehouse_column_table", "lakehouse_data_file_end", "lakehouse_delete_file_data",
           "lakehouse_delete_file_end", "lakehouse_file_column_stats"]


def indexes(lake):
    if CATALOG == "sqlite":
        q = "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'lakehouse%'"
    elif CATALOG == "postgres":
        q = "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'lakehouse%'"
    else:
        q = "SELECT index_name FROM duckdb_indexes() WHERE index_name LIKE 'lakehouse%'"
    # other lakehouse_* tables have their own key indexes (lakehouse_file_checksum_pkey)
    return sorted(r[0] for r in lake.cat(q) if r[0] in INDEXES)


def test_a_new_lake_has_the_indexes(lake):
    assert indexes(lake) == ([] if CATALOG == "duckdb" else INDEXES)


@pytest.mark.skipif(CATALOG == "duckdb", reason="DuckDB-file catalogs get no indexes")
def test_an_old_lake_gets_them_at_its_first_commit_not_on_reads(lake):
    lake.sql("CREATE TABLE t AS SELECT range AS id FROM range(10)")
    for name in INDEXES:
        lake.cat_write(f"DROP INDEX {name}")
    assert indexes(lake) == []
    assert lake.scalar("SELECT count(*) FROM t WHERE id > 4") == "5"
    assert indexes(lake) == []
    lake.sql("INSERT INTO t VALUES (10)")
    assert indexes(lake) == INDEXES
    assert lake.scalar("SELECT count(*) FROM t") == "11"
