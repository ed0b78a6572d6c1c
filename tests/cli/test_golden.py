"""The catalog we write for the golden script matches what DuckDB's own ducklake extension
wrote for it (tests/fixtures/ducklake-golden, made with DuckDB 1.4.4 + ducklake), and every
table reads back identically at every snapshot."""
import csv
import os

import pytest

from lh import CATALOG, DATA, GOLDEN, Lake, run

SCRIPT = os.path.join(GOLDEN, "script.sql")


@pytest.fixture(scope="module")
def golden_lake():
    lk = Lake()
    with open(SCRIPT) as f:
        for line in f:
            if line.strip():
                run("sql", "-c", line, lake=lk.dir, check=True)
    yield lk
    lk.close()


def golden_rows(table):
    with open(os.path.join(GOLDEN, "catalog", table + ".csv")) as f:
        return list(csv.DictReader(f))


def our_rows(lk, table):
    return lk.cat_dicts(f"SELECT * FROM {table}")


BOOL_COLUMNS = {"path_is_relative", "nulls_allowed", "contains_null", "contains_nan"}


def norm(row, ignore):
    out = {}
    for k, v in row.items():
        if k in ignore:
            continue
        if v is None:
            v = ""
        if k in BOOL_COLUMNS and v != "":
            v = "true" if str(v) in ("1", "true") else "false"
        out[k] = str(v)
    return out


def compare(lk, table, ignore=(), key=None):
    ours = sorted((norm(r, ignore) for r in our_rows(lk, table)), key=key or repr)
    gold = sorted((norm(r, ignore) for r in golden_rows(table)), key=key or repr)
    assert ours == gold, f"{table} differs:\nours: {ours}\ngold: {gold}"


@pytest.mark.parametrize("table", [
    "ducklake_column", "ducklake_snapshot_changes", "ducklake_schema_versions",
    "ducklake_table_stats", "ducklake_table_column_stats", "ducklake_file_column_stats",
    "ducklake_column_mapping", "ducklake_column_tag", "ducklake_file_partition_value",
    "ducklake_files_scheduled_for_deletion", "ducklake_inlined_data_tables",
    "ducklake_name_mapping", "ducklake_partition_column", "ducklake_partition_info",
    "ducklake_tag", "ducklake_view"])
def test_catalog_table_matches(golden_lake, table):
    compare(golden_lake, table)


def test_snapshots_match(golden_lake):
    compare(golden_lake, "ducklake_snapshot", ignore={"snapshot_time"})


def test_schemas_and_tables_match(golden_lake):
    compare(golden_lake, "ducklake_schema", ignore={"schema_uuid"})
    compare(golden_lake, "ducklake_table", ignore={"table_uuid"})


def test_data_files_match(golden_lake):
    # file names are uuidv7 and differ run to run; sizes match byte for byte because
    # the same DuckDB writes the same Parquet
    compare(golden_lake, "ducklake_data_file", ignore={"path"})
    for r in our_rows(golden_lake, "ducklake_data_file"):
        assert r["path"].startswith("ducklake-") and r["path"].endswith(".parquet")


def test_delete_files_match(golden_lake):
    # which of two delete files written in one commit gets the lower id follows a hash
    # order in DuckDB; compare per snapshot as sets. Delete files hold the data file's
    # path, so their size depends on the data path: not compared.
    ignore = {"path", "delete_file_id", "file_size_bytes", "footer_size"}
    compare(golden_lake, "ducklake_delete_file", ignore=ignore)
    ours = sorted(r["delete_file_id"] for r in our_rows(golden_lake, "ducklake_delete_file"))
    gold = sorted(int(r["delete_file_id"]) for r in golden_rows("ducklake_delete_file"))
    assert ours == gold


def test_metadata(golden_lake):
    md = {r["key"]: r["value"] for r in our_rows(golden_lake, "ducklake_metadata")}
    assert md["version"] == "0.3"
    assert md["encrypted"] == "false"
    if CATALOG != "postgres" and DATA == "fs":
        assert md["data_path"] == "data/"  # as in the golden lake
    assert set(md) == {r["key"] for r in golden_rows("ducklake_metadata")}


def expected_files():
    d = os.path.join(GOLDEN, "expected")
    for name in sorted(os.listdir(d)):
        if "@" in name:
            table, version = name[:-4].split("@")
            yield table, int(version), os.path.join(d, name)


@pytest.mark.parametrize("table,version,path", list(expected_files()))
def test_reads_match_at_every_snapshot(golden_lake, table, version, path):
    with open(path) as f:
        want = f.read()
    p = run("sql", "--format", "csv", "-c",
            f"SELECT * FROM {table} AT (VERSION => {version}) ORDER BY ALL", lake=golden_lake.dir)
    if want == "":
        # the table existed with no rows: DuckDB's export wrote nothing, we print a header
        assert p.returncode == 0, p.stderr
        assert len(p.stdout.strip().splitlines()) == 1
        return
    assert p.returncode == 0, p.stderr
    assert p.stdout == want


def test_snapshot_listing_matches(golden_lake):
    p = run("sql", "--format", "csv", "-c",
            "SELECT snapshot_id, schema_version, changes FROM ducklake_snapshots('lake') "
            "ORDER BY snapshot_id", lake=golden_lake.dir, check=True)
    ours = list(csv.reader(p.stdout.splitlines()))[1:]
    with open(os.path.join(GOLDEN, "expected", "snapshots.csv")) as f:
        gold = [[r[0], r[2], r[3]] for r in list(csv.reader(f))[1:]]
    assert ours == gold


def test_parquet_field_ids_match(golden_lake):
    """Our data files carry the same Parquet field ids as DuckDB's."""
    ours = golden_lake.rows(
        "SELECT name, field_id FROM parquet_schema('" + golden_lake.local_folder("raw/items") +
        "/*.parquet') WHERE field_id IS NOT NULL GROUP BY ALL ORDER BY ALL")
    gold_dir = os.path.join(GOLDEN, "lake", "data", "raw", "items")
    gold = golden_lake.rows(
        f"SELECT name, field_id FROM parquet_schema('{gold_dir}/*.parquet') "
        "WHERE field_id IS NOT NULL GROUP BY ALL ORDER BY ALL")
    assert ours == gold
