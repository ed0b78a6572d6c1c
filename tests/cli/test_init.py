"""`lakehouse init`, finding the lake (--lake, $LAKEHOUSE_DIR, ./lake), and the catalog
it creates: exactly the 22 DuckLake 0.3 tables, their columns and initial rows."""
import os
import sqlite3

import pytest

from lh import BIN, CATALOG, GOLDEN, environ, fs_only, run, sqlite_only

SPEC_TABLES = sorted(f[:-4] for f in os.listdir(os.path.join(GOLDEN, "catalog"))
                     if f.endswith(".csv"))


def test_version():
    p = run("--version", check=True)
    assert "lakehouse 0.1.0" in p.stdout and "DuckDB v1.4.4" in p.stdout
    assert run("version", check=True).stdout == p.stdout


def catalog_tables(lake):
    if CATALOG == "sqlite":
        return [r[0] for r in lake.cat(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [r[0] for r in lake.cat(
        "SELECT table_name FROM information_schema.tables WHERE table_schema IN "
        "('main', 'public') ORDER BY table_name")]


def catalog_columns(lake, table):
    if CATALOG == "sqlite":
        return [r[1] for r in lake.cat(f"PRAGMA table_info({table})")]
    return [r[0] for r in lake.cat(
        "SELECT column_name FROM information_schema.columns WHERE table_schema IN "
        f"('main', 'public') AND table_name = '{table}' ORDER BY ordinal_position")]


def test_init_creates_exactly_the_spec_tables(lake):
    tables = catalog_tables(lake)
    assert len(SPEC_TABLES) == 22
    assert tables == SPEC_TABLES


def test_columns_match_the_spec(lake):
    """Same columns in the same order as DuckDB's ducklake writes (golden schema.sql)."""
    with open(os.path.join(GOLDEN, "catalog", "schema.sql")) as f:
        ddl = f.read()
    for stmt in ddl.split(";;"):
        stmt = stmt.strip()
        if not stmt:
            continue
        name = stmt.split("(")[0].split()[-1]
        want = [c.strip().split()[0].strip('"')
                for c in stmt[stmt.index("(") + 1:stmt.rindex(")")].split(", ")]
        got = catalog_columns(lake, name)
        assert got == want, name


def test_initial_rows(lake):
    assert lake.cat("SELECT snapshot_id, schema_version, next_catalog_id, next_file_id "
                    "FROM ducklake_snapshot") == [(0, 0, 1, 0)]
    assert lake.cat("SELECT * FROM ducklake_snapshot_changes") == \
        [(0, 'created_schema:"main"', None, None, None)]
    assert lake.cat("SELECT schema_id, begin_snapshot, end_snapshot, schema_name, path, "
                    "path_is_relative FROM ducklake_schema") == [(0, 0, None, "main", "main/", 1)]
    assert lake.cat("SELECT * FROM ducklake_schema_versions") == [(0, 0)]
    md = dict(lake.cat('SELECT "key", "value" FROM ducklake_metadata'))
    assert md["version"] == "0.3" and md["encrypted"] == "false"
    if CATALOG == "postgres":
        assert md["data_path"].startswith(("/", "s3://"))  # a shared catalog: full paths
    elif md["data_path"] != "data/":
        assert md["data_path"].startswith("s3://")  # a file catalog: relative when local
    if CATALOG == "sqlite":
        assert lake.cat("PRAGMA journal_mode") == [("wal",)]


def test_conf_records_catalog_and_no_secrets(lake):
    with open(os.path.join(lake.dir, "lakehouse.conf")) as f:
        conf = f.read()
    assert "catalog = " + {"sqlite": "sqlite:metadata.sqlite", "duckdb": "duckdb:metadata.ducklake",
                           "postgres": "postgres:host="}[CATALOG] in conf
    assert "AWS_SECRET" not in conf and "lakesecret" not in conf
    assert "password" not in conf.lower() and "secret" not in conf.lower().replace(
        "no secrets", "")


def test_lake_option_before_or_after_command(lake):
    a = run("--lake", lake.dir, "sql", "-c", "SELECT 42 AS x", "--format", "csv", check=True)
    b = run("sql", "--lake", lake.dir, "--format=csv", "-c", "SELECT 42 AS x", check=True)
    assert a.stdout == b.stdout == "x\n42\n"


def test_env_and_default_lake_dir(lake, tmp_path):
    p = run("sql", "--format", "csv", "-c", "SELECT 1 AS one", env={"LAKEHOUSE_DIR": lake.dir})
    assert p.returncode == 0 and p.stdout == "one\n1\n"
    # default ./lake
    os.symlink(lake.dir, tmp_path / "lake")
    import subprocess
    p = subprocess.run([BIN, "sql", "--format", "csv", "-c", "SELECT 2 AS two"], cwd=tmp_path,
                       capture_output=True, text=True,
                       env=environ(base={k: v for k, v in os.environ.items()
                                         if k != "LAKEHOUSE_DIR"}))
    assert p.returncode == 0 and p.stdout == "two\n2\n", p.stderr


def test_missing_or_foreign_dir_is_an_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "nope"
    p = run("sql", "-c", "SELECT 1", lake=str(missing))
    assert p.returncode == 1 and "no lake at" in p.stderr and "lakehouse init" in p.stderr
    assert not missing.exists()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("hello")
    p = run("sql", "-c", "SELECT 1", lake=str(foreign))
    assert p.returncode == 1 and "is not a lake" in p.stderr
    assert sorted(os.listdir(foreign)) == ["notes.txt"]


@sqlite_only
def test_corrupt_catalog_is_a_clear_error(lake):
    with open(os.path.join(lake.dir, "metadata.sqlite"), "r+b") as f:
        f.write(b"this is not a database" * 10)
    p = run("sql", "-c", "SELECT 1", lake=lake.dir)
    assert p.returncode == 1
    assert "metadata.sqlite" in p.stderr or "catalog" in p.stderr


def test_other_catalog_version_is_refused(lake):
    lake.cat_write("UPDATE ducklake_metadata SET value = '0.9' WHERE key = 'version'")
    p = run("sql", "-c", "SELECT 1", lake=lake.dir)
    assert p.returncode == 1 and "version '0.9'" in p.stderr


def test_a_version_row_that_its_tables_contradict_is_named(lake):
    # 0.3's tables under 1.0's version row: named as such, no internal query failing later
    lake.cat_write("UPDATE ducklake_metadata SET value = '1.0' WHERE key = 'version'")
    p = run("sql", "-c", "SELECT 1", lake=lake.dir)
    assert p.returncode == 1
    assert "says it is DuckLake version 1.0, but its tables are not" in p.stderr, p.stderr
    assert "partial_max" in p.stderr and "SELECT" not in p.stderr


def test_init_refuses_an_existing_lake(lake):
    p = run("init", lake.dir)
    assert p.returncode == 1 and "already holds a lake" in p.stderr


@fs_only
@pytest.mark.skipif(CATALOG == "postgres", reason="a shared catalog stores full data paths")
def test_a_lake_can_be_moved(lake, tmp_path):
    lake.sql("CREATE TABLE t AS SELECT 1 AS a")
    import shutil
    moved = tmp_path / "moved"
    shutil.move(lake.dir, moved)
    assert run("sql", "--format", "csv", "-c", "FROM t", lake=str(moved), check=True).stdout == \
        "a\n1\n"


def test_init_with_data_path(tmp_path):
    data = tmp_path / "elsewhere" / "bytes"
    run("init", tmp_path / "l", "--data", data, check=True)
    run("sql", "-c", "CREATE TABLE t AS SELECT 1 AS a", lake=str(tmp_path / "l"), check=True)
    files = [os.path.join(d, f) for d, _, fs in os.walk(data) for f in fs
             if f.endswith(".parquet")]
    assert len(files) == 1 and files[0].startswith(str(data) + "/main/t/ducklake-")
    with sqlite3.connect(str(tmp_path / "l" / "metadata.sqlite")) as c:
        stored = c.execute("SELECT value FROM ducklake_metadata WHERE key = 'data_path'").fetchone()
    assert stored == (str(data) + "/",)


def test_help_texts():
    for cmd in ["init", "sql", "snapshots", "rollback"]:
        p = run(cmd, "--help", check=True)
        assert p.stdout.startswith(f"usage: lakehouse {cmd}")
    p = run("--help", check=True)
    assert "commands:" in p.stdout
    p = run("frobnicate")
    assert p.returncode == 2 and "unknown command" in p.stderr
