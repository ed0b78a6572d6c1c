"""DuckLake's SQL surface in `lakehouse sql`: sessions that ATTACH their own lake (no
--lake), views, comments, and statements we cannot store refused instead of vanishing.
Each runs on the catalog and store under test (a fresh catalog of that kind is attached
where the test makes one)."""
import csv
import io
import os
import subprocess
import uuid

import pytest

from lh import BIN, CATALOG, DATA, environ, pg_conninfo, psql, s3_client


def session(cwd, script, check=True):
    """`lakehouse sql -c script` with no lake: run in cwd, where no ./lake exists."""
    env = environ()
    env.pop("LAKEHOUSE_DIR", None)
    p = subprocess.run([BIN, "sql", "--format", "csv", "-c", script], cwd=cwd, env=env,
                       capture_output=True, text=True, timeout=300)
    if check:
        assert p.returncode == 0, p.stderr
    return p


def csv_out(text):
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def target(tmp_path):
    """(catalog spec after 'ducklake:', DATA_PATH) of a new lake on the backend under
    test."""
    if CATALOG == "postgres":
        db = "lh_att_" + uuid.uuid4().hex[:12]
        psql(f"CREATE DATABASE {db}")
        spec = "postgres:" + pg_conninfo(db)
    elif CATALOG == "sqlite":
        spec = "sqlite:" + str(tmp_path / "meta.sqlite")
    else:
        spec = str(tmp_path / "meta.ducklake")
    if DATA == "s3":
        bucket = "lh-att-" + uuid.uuid4().hex[:16]
        s3_client().create_bucket(Bucket=bucket)
        data = f"s3://{bucket}/files/"
    else:
        data = str(tmp_path / "files") + "/"
    return spec, data


def test_a_session_attaches_its_own_lake_names_it_and_detaches(tmp_path, target):
    spec, data = target
    attach = f"ATTACH 'ducklake:{spec}' AS ducklake (DATA_PATH '{data}')"
    out = session(tmp_path, f"""{attach};
        CREATE TABLE ducklake.test(i INTEGER, j INTEGER);
        INSERT INTO ducklake.test VALUES (1, 2), (NULL, 3);
        CREATE TABLE ducklake.main.test2 AS SELECT 'hello' AS j;
        DETACH ducklake;
        ATTACH 'ducklake:{spec}' AS other;
        SELECT count(*) AS n, sum(j) AS s FROM other.test;""").stdout
    # the new name is the catalog's name in queries; the lake kept its rows
    assert csv_out(out)[-2:] == [["n", "s"], ["2", "5"]]
    # reopened later with USE, unqualified names are its tables; history by its name
    out = session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS lk; USE lk;
        SELECT j FROM test2;
        SELECT count(*) FROM ducklake_snapshots('lk');""").stdout
    assert csv_out(out)[-3:] == [["hello"], ["count_star()"], ["4"]]
    # statements with no lake attached are DuckDB's; a missing name is an error
    assert csv_out(session(tmp_path, "SELECT 42 AS x").stdout) == [["x"], ["42"]]
    p = session(tmp_path, f"{attach}; SELECT * FROM nope.test", check=False)
    assert p.returncode == 1 and "nope" in p.stderr


def test_metadata_schema_keeps_several_lakes_in_one_catalog_database(tmp_path, target):
    spec, data = target
    if spec.startswith("sqlite:"):
        p = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS a (DATA_PATH '{data}', "
                              "METADATA_SCHEMA 's1')", check=False)
        assert p.returncode == 1 and "SQLite catalog has one schema" in p.stderr, p.stderr
        assert not os.path.exists(spec[len("sqlite:"):])  # nothing made
        return
    # two lakes in two schemas of one database, each with its own data path; a schema
    # name with quotes is quoted, never spliced
    for schema, value in (("s1", "42"), ("odd \"s\" ''2''", "43")):
        session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS lk (DATA_PATH '{data}{value}/',
            METADATA_SCHEMA '{schema}');
            CREATE TABLE lk.t AS SELECT {value} AS x; DETACH lk""")
    for schema, value in (("s1", "42"), ("odd \"s\" ''2''", "43")):
        out = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS lk (METADATA_SCHEMA '{schema}'); "
                                "SELECT x FROM lk.t").stdout
        assert csv_out(out)[-2:] == [["x"], [value]]
    # the database's default schema holds no lake; a schema that is not there is named
    p = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS lk (READ_ONLY)", check=False)
    assert p.returncode == 1
    p = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS lk (METADATA_SCHEMA 'nope', READ_ONLY)",
                check=False)
    assert p.returncode == 1 and "no lake" in p.stderr, p.stderr
    p = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS lk (METADATA_SCHEMA '{'x' * 64}')",
                check=False)
    assert p.returncode == 1 and "1 to 63 bytes" in p.stderr


def test_meta_type_picks_the_catalog_kind_and_metadata_catalog_cannot_be_the_lake(tmp_path):
    # META_TYPE 'sqlite': a file without the sqlite: prefix is an SQLite catalog
    session(tmp_path, "ATTACH 'ducklake:meta.db' AS lk (DATA_PATH 'files/', META_TYPE 'SQLITE'); "
                      "CREATE TABLE lk.t AS SELECT 1 AS a")
    with open(tmp_path / "meta.db", "rb") as f:
        assert f.read(16) == b"SQLite format 3\x00"
    out = session(tmp_path, "ATTACH 'ducklake:sqlite:meta.db' AS lk; SELECT a FROM lk.t").stdout
    assert csv_out(out)[-2:] == [["a"], ["1"]]
    p = session(tmp_path, "ATTACH 'ducklake:x.db' AS lk (META_TYPE 'DuckDBxx')", check=False)
    assert p.returncode == 1 and "META_TYPE 'duckdbxx'" in p.stderr, p.stderr
    p = session(tmp_path, "ATTACH 'ducklake:y.db' AS lk (METADATA_CATALOG 'lk')", check=False)
    assert p.returncode == 1 and "is the lake's own name" in p.stderr, p.stderr
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "y.db").exists()


def test_read_only_and_snapshot_attaches_refuse_writes_and_read_their_snapshot(tmp_path, target):
    spec, data = target
    session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS l (DATA_PATH '{data}');
        CREATE TABLE l.t(v INTEGER); INSERT INTO l.t VALUES (1); INSERT INTO l.t VALUES (2)""")
    p = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS l (READ_ONLY); "
                          "INSERT INTO l.t VALUES (3)", check=False)
    assert p.returncode == 1 and "READ_ONLY" in p.stderr, p.stderr
    out = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS l (SNAPSHOT_VERSION 2); "
                            "SELECT sum(v) FROM l.t").stdout
    assert csv_out(out)[-1] == ["1"]
    p = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS l (SNAPSHOT_VERSION 2); "
                          "DELETE FROM l.t", check=False)
    assert p.returncode == 1 and "snapshot 2" in p.stderr, p.stderr
    out = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS l; SELECT sum(v) FROM l.t").stdout
    assert csv_out(out)[-1] == ["3"]  # nothing the refused statements tried was kept
    # the same name twice is refused, saying what to do
    p = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS l; "
                          f"ATTACH 'ducklake:{tmp_path}/other.ducklake' AS l", check=False)
    assert p.returncode == 1 and "DETACH l" in p.stderr, p.stderr
    # options we do not offer are errors that attach nothing
    p = session(tmp_path, f"ATTACH 'ducklake:{tmp_path}/new.ducklake' AS n (ENCRYPTED)",
                check=False)
    assert p.returncode == 1 and "ENCRYPTED" in p.stderr
    p = session(tmp_path, f"ATTACH 'ducklake:{tmp_path}/new.ducklake' AS n (READ_ONLY)",
                check=False)
    assert p.returncode == 1 and "no lake" in p.stderr


def test_duckdb_query_verification_covers_lake_statements(lake):
    """PRAGMA enable_verification (DuckDB re-runs each query in several forms) leaves lake
    statements working: the lake asks DuckDB's parser on a connection of its own, where
    verification cannot trip over the statement's transaction."""
    out = lake.sql("PRAGMA enable_verification; CREATE TABLE v (id INT, s VARCHAR); "
                 "INSERT INTO v VALUES (1, 'a'), (2, 'b'); UPDATE v SET s = 'c' WHERE id = 2; "
                 "CREATE VIEW w AS SELECT id FROM v WHERE s = 'c'; SELECT * FROM w")
    assert out.strip().splitlines()[-1] == "2"


def test_alter_view_rename_is_stored_and_other_forms_are_refused(lake):
    lake.sql("CREATE TABLE t AS SELECT 42 AS x")
    lake.sql("CREATE VIEW v1 AS SELECT x FROM t; COMMENT ON VIEW v1 IS 'the answer'")
    before = int(lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')"))
    lake.sql("ALTER VIEW v1 RENAME TO v2")
    # stored: another process reads the new name, not the old; the comment went along
    assert lake.rows("SELECT * FROM v2") == [["x"], ["42"]]
    assert "v1" in lake.fail("SELECT * FROM v1")
    assert lake.cat_dicts("SELECT view_name, count(end_snapshot) AS ended FROM ducklake_view "
                          "GROUP BY view_name ORDER BY view_name") == [
        {"view_name": "v1", "ended": 1}, {"view_name": "v2", "ended": 0}]
    assert lake.rows("SELECT comment FROM duckdb_views() WHERE view_name = 'v2'") == [
        ["comment"], ["the answer"]]
    assert lake.rows(f"SELECT * FROM v1 AT (VERSION => {before})") == [["x"], ["42"]]
    # inside a transaction, undone by ROLLBACK; a view of the transaction itself too
    lake.sql("BEGIN; ALTER VIEW v2 RENAME TO v3; CREATE VIEW w AS SELECT 1 AS one; "
             "ALTER VIEW w RENAME TO w2; ROLLBACK")
    assert lake.rows("SELECT * FROM v2") == [["x"], ["42"]]
    lake.sql("BEGIN; CREATE VIEW w AS SELECT 1 AS one; ALTER VIEW w RENAME TO w2; COMMIT")
    assert lake.rows("SELECT * FROM w2") == [["one"], ["1"]]
    # a name taken, a missing view, other forms, a table by ALTER TABLE's name for views
    assert "already has a table or view" in lake.fail("ALTER VIEW v2 RENAME TO t")
    assert "nope" in lake.fail("ALTER VIEW nope RENAME TO x")
    lake.sql("ALTER VIEW IF EXISTS nope RENAME TO x")
    assert "only ALTER VIEW v RENAME TO" in lake.fail("ALTER VIEW v2 SET SCHEMA s")
    assert "is a view, not a table" in lake.fail("ALTER TABLE lake.main.v2 RENAME TO v9")
    assert "ALTER VIEW" in lake.fail("ALTER TABLE v2 RENAME TO v9")
    assert lake.rows("SELECT * FROM v2") == [["x"], ["42"]]
    # a session view is DuckDB's, as before
    assert lake.rows("CREATE TEMP VIEW tv AS SELECT 1 AS one; ALTER VIEW tv RENAME TO tv2; "
                     "SELECT * FROM tv2")[-2:] == [["one"], ["1"]]


def test_views_are_stored_read_at_past_snapshots_and_replaced(lake):
    lake.sql("CREATE TABLE ev (id INTEGER, kind VARCHAR); "
             "INSERT INTO ev VALUES (1, 'a'), (2, 'z'), (3, 'z')")
    lake.sql("CREATE VIEW ev_z AS SELECT id, kind FROM ev WHERE kind = 'z'")
    v1 = int(lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')"))
    # stored as DuckDB's extension stores it: the parsed query printed back
    row = lake.cat_dicts("SELECT view_name, dialect, sql, length(column_aliases) AS a, "
                         "end_snapshot FROM ducklake_view")
    assert row == [{"view_name": "ev_z", "dialect": "duckdb", "a": 0,
                    "sql": "SELECT id, kind FROM ev WHERE (kind = 'z')", "end_snapshot": None}]
    lake.sql("UPDATE ev SET kind = 'z' WHERE id = 1")
    lake.sql("CREATE OR REPLACE VIEW ev_z (n) AS SELECT count(*) FROM ev WHERE kind = 'z'")
    assert lake.rows("SELECT * FROM ev_z") == [["n"], ["3"]]
    # at v1: the first definition over the table as it was then
    assert lake.rows(f"SELECT * FROM ev_z AT (VERSION => {v1}) ORDER BY id") == \
        [["id", "kind"], ["2", "z"], ["3", "z"]]
    assert lake.rows("SELECT count(*) FROM ev_z v, ev WHERE v.n = ev.id") == \
        [["count_star()"], ["1"]]
    lake.fail("CREATE VIEW ev_z AS SELECT 1")  # exists
    lake.fail("CREATE VIEW ev AS SELECT 1")    # a table's name
    assert "nope" in lake.fail("CREATE VIEW w AS SELECT * FROM nope")
    lake.sql("DROP VIEW ev_z")
    assert "ev_z" in lake.fail("SELECT * FROM ev_z")
    assert lake.rows(f"SELECT count(*) FROM ev_z AT (VERSION => {v1})")[1] == ["2"]
    lake.sql("DROP VIEW IF EXISTS ev_z")
    # a view whose table went away reads as an error naming it, never as no rows
    lake.sql("CREATE VIEW k AS SELECT kind FROM ev")
    lake.sql("DROP TABLE ev")
    assert "ev" in lake.fail("SELECT * FROM k")
    # session views are DuckDB's, as before
    lake.sql("CREATE TEMP VIEW tv AS SELECT 1 AS one; DROP VIEW tv")
    # a view's name is taken for tables and the other way round; schemas hold views
    assert "a view named 'main.k' already exists" in lake.fail("CREATE TABLE k (x INTEGER)")
    lake.sql("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x; CREATE VIEW s.v AS SELECT x FROM s.t")
    assert "a view 'v' exists" in lake.fail("ALTER TABLE s.t RENAME TO v")
    assert "1 views" in lake.fail("DROP TABLE s.t; DROP SCHEMA s")
    lake.sql("DROP SCHEMA s CASCADE")
    assert lake.cat_dicts("SELECT count(*) AS n FROM ducklake_view WHERE view_name = 'v' AND "
                          "end_snapshot IS NULL") == [{"n": 0}]
    changes = lake.rows("SELECT changes FROM ducklake_snapshots('lake') ORDER BY snapshot_id")
    assert any("views_created" in c[0] for c in changes)
    assert any("views_dropped" in c[0] for c in changes)


def test_comments_are_stored_and_shown(lake):
    lake.sql("CREATE TABLE t (a INTEGER, b VARCHAR); CREATE VIEW v AS SELECT a FROM t")
    lake.sql("COMMENT ON TABLE t IS 'the table'; COMMENT ON COLUMN t.b IS 'bee'; "
             "COMMENT ON VIEW v IS 'the view'")
    assert lake.rows("SELECT view_name, comment FROM duckdb_views() WHERE database_name = "
                     "'lake' ORDER BY 1") == [["view_name", "comment"], ["t", "the table"],
                                              ["v", "the view"]]
    assert lake.rows("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 't' "
                     "ORDER BY column_index") == [["column_name", "comment"], ["a", ""],
                                                  ["b", "bee"]]
    tags = lake.cat_dicts("SELECT key, value, end_snapshot FROM ducklake_tag ORDER BY value")
    assert [(t["key"], t["value"], t["end_snapshot"]) for t in tags] == \
        [("comment", "the table", None), ("comment", "the view", None)]
    col = lake.cat_dicts("SELECT key, value FROM ducklake_column_tag")
    assert col == [{"key": "comment", "value": "bee"}]
    # a rolled-back comment is gone; a replaced one ends its row
    lake.sql("BEGIN; COMMENT ON TABLE t IS 'oops'; ROLLBACK")
    lake.sql("COMMENT ON TABLE t IS 'better'")
    assert lake.scalar("SELECT comment FROM duckdb_views() WHERE view_name = 't'") == "better"
    assert len(lake.cat_dicts("SELECT * FROM ducklake_tag WHERE value = 'the table' AND "
                              "end_snapshot IS NOT NULL")) == 1
    assert "nope" in lake.fail("COMMENT ON COLUMN t.nope IS 'x'")


def test_describe_shows_a_lake_tables_not_null_columns(lake):
    lake.sql("CREATE TABLE t (a INTEGER NOT NULL, b VARCHAR, \"c d\" INT NOT NULL)")
    want = [["column_name", "null"], ["a", "NO"], ["b", "YES"], ["c d", "NO"]]
    assert [[r[0], r[2]] for r in lake.rows("DESCRIBE t")] == want
    assert [[r[0], r[2]] for r in lake.rows("DESCRIBE lake.main.t")] == want
    lake.sql("ALTER TABLE t ALTER COLUMN a DROP NOT NULL")
    assert [r[2] for r in lake.rows("DESCRIBE t")][1:] == ["YES", "YES", "NO"]
    # DESCRIBE of a query is DuckDB's, as before
    assert lake.rows("DESCRIBE SELECT 1 AS x")[1][:3] == ["x", "INTEGER", "YES"]


def test_statements_the_lake_cannot_keep_are_refused_and_listed(lake):
    before = lake.snapshot_count()
    for stmt in ("CREATE SEQUENCE s", "CREATE MACRO m(x) AS x + 1",
                 "CREATE TYPE mood AS ENUM ('sad', 'ok')"):
        assert "TEMP" in lake.fail(stmt)
    assert lake.snapshot_count() == before
    lake.sql("CREATE TEMP SEQUENCE s; CREATE TEMP MACRO m(x) AS x + 1")
    p = subprocess.run([BIN, "help", "sql"], capture_output=True, text=True, check=True)
    for kind in ("ATTACH", "CREATE VIEW", "COMMENT ON", "DELETE FROM", "CALL", "MERGE"):
        assert f"\n  {kind} " in p.stdout, kind


@pytest.mark.skipif(DATA != "s3", reason="needs the S3 server")
def test_the_attach_script_of_a_duckdb_user_runs_against_our_s3_store(tmp_path):
    """ATTACH + CREATE SECRET (TYPE s3, ...) + USE + CREATE SCHEMA, as DuckDB users write
    it, with no credentials in the environment: the secret is the session's only."""
    from lh import s3_env
    e = s3_env()
    bucket = "lh-course-" + uuid.uuid4().hex[:12]
    s3_client().create_bucket(Bucket=bucket)
    endpoint = e["AWS_ENDPOINT_URL"].split("://", 1)[1]
    secret = (f"CREATE SECRET (TYPE s3, KEY_ID '{e['AWS_ACCESS_KEY_ID']}', SECRET "
              f"'{e['AWS_SECRET_ACCESS_KEY']}', ENDPOINT '{endpoint}', REGION '{e['AWS_REGION']}', "
              "URL_STYLE 'path', USE_SSL false)")
    script = (f"{secret};\nATTACH 'ducklake:metadata.ducklake' AS lake (DATA_PATH "
              f"'s3://{bucket}/');\nUSE lake;\nCREATE SCHEMA IF NOT EXISTS raw;\n")
    env = {k: v for k, v in environ().items() if not k.startswith("AWS_")}

    def run_sql(text):
        return subprocess.run([BIN, "sql", "--format", "csv", "-c", text], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
    p = run_sql(script + "CREATE TABLE raw.items AS SELECT range AS id FROM range(5)")
    assert p.returncode == 0, p.stderr
    keys = [o["Key"] for o in s3_client().list_objects_v2(Bucket=bucket).get("Contents", [])]
    assert any(k.startswith("raw/items/") and k.endswith(".parquet") for k in keys), keys
    p = run_sql(script + "SELECT count(*) FROM raw.items")
    assert p.returncode == 0 and csv_out(p.stdout)[-1] == ["5"], p.stderr
    # without the secret the same lake says what is missing
    p = run_sql("ATTACH 'ducklake:metadata.ducklake' AS lake; SELECT count(*) FROM raw.items")
    assert p.returncode == 1 and "CREATE SECRET" in p.stderr, p.stderr
    # the secret was never written anywhere: not in the catalog, not beside it
    for root, _, files in os.walk(tmp_path):
        for f in files:
            with open(os.path.join(root, f), "rb") as fh:
                assert e["AWS_SECRET_ACCESS_KEY"].encode() not in fh.read(), f
    p = run_sql("CREATE PERSISTENT SECRET (TYPE s3, KEY_ID 'a', SECRET 'b')")
    assert p.returncode == 1 and "never in a file" in p.stderr


def test_ducklake_secrets_name_what_attach_opens(tmp_path):
    out = session(tmp_path, f"""CREATE SECRET (TYPE ducklake, METADATA_PATH '{tmp_path}/m.db',
            DATA_PATH '{tmp_path}/d/');
        ATTACH 'ducklake:' AS dl; CREATE TABLE dl.t AS SELECT 7 AS v; DETACH dl;
        CREATE SECRET named (TYPE ducklake, METADATA_PATH '{tmp_path}/m.db');
        ATTACH 'ducklake:named' AS again; SELECT v FROM again.t""").stdout
    assert csv_out(out)[-1] == ["7"]
    assert os.path.isdir(tmp_path / "d" / "main" / "t")
    p = session(tmp_path, "ATTACH 'ducklake:' AS dl", check=False)
    assert p.returncode == 1 and "Default secret was not found" in p.stderr
    # a plain name is a secret's: a missing one is an error, not a new file of that name
    p = session(tmp_path, "ATTACH 'ducklake:unknown_secret' AS dl", check=False)
    assert p.returncode == 1 and 'Secret "unknown_secret" was not found' in p.stderr
    assert "duckdb:unknown_secret" in p.stderr and not os.path.exists(tmp_path / "unknown_secret")
    # METADATA_PARAMETERS picks the catalog's kind, as ATTACH's META_TYPE does
    out = session(tmp_path, f"""CREATE SECRET lite (TYPE ducklake, METADATA_PATH
            '{tmp_path}/m.sqlite', DATA_PATH '{tmp_path}/d2/', METADATA_PARAMETERS MAP {{'TYPE':
            'sqlite'}}); ATTACH 'ducklake:lite' AS l; CREATE TABLE l.t AS SELECT 8 AS v;
            SELECT v FROM l.t""").stdout
    assert csv_out(out)[-1] == ["8"]
    assert open(tmp_path / "m.sqlite", "rb").read(15) == b"SQLite format 3"
    p = session(tmp_path, f"""CREATE SECRET bad (TYPE ducklake, METADATA_PATH '{tmp_path}/x.db',
            METADATA_PARAMETERS MAP {{'TYPE': 'DUCKDBXX'}}); ATTACH 'ducklake:bad' AS b""",
                check=False)
    assert p.returncode == 1 and "duckdbxx" in p.stderr and not os.path.exists(tmp_path / "x.db")


def test_options_are_stored_scoped_and_honoured_by_writes(lake):
    lake.sql("CREATE TABLE big (i BIGINT, s VARCHAR); CREATE TABLE small (i BIGINT)")
    lake.sql("CALL lake.set_option('parquet_compression', 'zstd'); "
             "CALL ducklake_set_option('lake', 'parquet_row_group_size', '1000'); "
             "CALL lake.set_option('target_file_size', '20KB', table_name => 'small')")
    lake.sql("INSERT INTO big SELECT range, 'row ' || range FROM range(5000)")
    lake.sql("INSERT INTO small SELECT range FROM range(20000)")
    assert lake.rows("SELECT option_name, value, scope, scope_entry FROM lake.options() "
                     "ORDER BY 1") == [
        ["option_name", "value", "scope", "scope_entry"],
        ["parquet_compression", "zstd", "GLOBAL", ""],
        ["parquet_row_group_size", "1000", "GLOBAL", ""],
        ["target_file_size", "20000", "TABLE", "main.small"]]
    # the catalog holds them as DuckLake does (ducklake_metadata, scoped rows)
    rows = lake.cat_dicts("SELECT key, value, scope FROM ducklake_metadata WHERE key IN "
                          "('parquet_compression', 'target_file_size') ORDER BY key")
    assert rows == [{"key": "parquet_compression", "value": "zstd", "scope": None},
                    {"key": "target_file_size", "value": "20000", "scope": "table"}]
    big = [f for f in lake.data_files() if f.startswith("main/big/")]
    small = [f for f in lake.data_files() if f.startswith("main/small/")]
    assert len(big) == 1 and len(small) >= 2, (big, small)  # cut at the table's 20 KB
    local = lake.local_copy(big[0])
    meta = lake.rows(f"SELECT compression, count(DISTINCT row_group_id) AS groups FROM "
                     f"parquet_metadata('{local}') GROUP BY ALL")
    # DuckDB rounds a row group size up to whole vectors (2,048 rows): 5,000 rows -> 3
    assert meta == [["compression", "groups"], ["ZSTD", "3"]]
    assert lake.scalar("SELECT count(*) FROM small") == "20000"
    # expire_older_than is the bound of an expiry given none
    assert "expire_older_than" in lake.fail("CALL ducklake_expire_snapshots('lake')")
    lake.sql("CALL lake.set_option('expire_older_than', '1 millisecond')")
    lake.sql("CALL ducklake_expire_snapshots('lake')")
    assert lake.scalar("SELECT count(*) FROM ducklake_snapshots('lake')") == "1"
    for bad, words in (("CALL lake.set_option('parquet_compression', 'zstdx')", "Unsupported"),
                       ("CALL lake.set_option('parquet_row_group_size', 'z')", "Could not convert"),
                       ("CALL lake.set_option('parquet_bla', '1')", "Unsupported option"),
                       ("CALL lake.set_option('target_file_size', '1MB', table_name => 'nope')",
                        "nope")):
        assert words in lake.fail(bad), bad


def test_compaction_options_pick_what_flush_and_merge_work_on(lake):
    """compaction_schema / compaction_table: the default target of ducklake_flush_inlined_data,
    merge_adjacent_files and rewrite_data_files called without one ('' for none); a table
    named without a schema is the default schema's."""
    lake.sql("CALL lake.set_option('data_inlining_row_limit', '10'); CREATE SCHEMA s1; "
             "CREATE TABLE a (i INT); CREATE TABLE b (i INT); CREATE TABLE s1.b (i INT); "
             "CREATE TABLE s1.c (i INT)")
    for t in ("a", "b", "s1.b", "s1.c"):
        lake.sql(f"INSERT INTO {t} VALUES (1); INSERT INTO {t} VALUES (2)")

    def flushed():
        return sorted(f.split("/")[1] if f.startswith("main/") else f.split("/")[0] + "." +
                      f.split("/")[1] for f in lake.data_files())

    lake.sql("CALL lake.set_option('compaction_table', 'b'); CALL ducklake_flush_inlined_data('lake')")
    assert flushed() == ["b"]
    lake.sql("CALL lake.set_option('compaction_schema', 's1'); CALL ducklake_flush_inlined_data('lake')")
    assert flushed() == ["b", "s1.b"]
    lake.sql("CALL lake.set_option('compaction_table', ''); CALL ducklake_flush_inlined_data('lake')")
    assert flushed() == ["b", "s1.b", "s1.c"]
    lake.sql("CALL lake.set_option('compaction_schema', ''); CALL ducklake_flush_inlined_data('lake')")
    assert flushed() == ["a", "b", "s1.b", "s1.c"]
    assert lake.rows("SELECT option_name, value FROM lake.options() WHERE option_name LIKE "
                     "'compaction%' ORDER BY 1")[1:] == [["compaction_schema", ""],
                                                         ["compaction_table", ""]]
    # merge follows the same default
    lake.sql("INSERT INTO a SELECT range FROM range(100); INSERT INTO a SELECT range FROM range(100); "
             "INSERT INTO b SELECT range FROM range(100); INSERT INTO b SELECT range FROM range(100)")
    lake.sql("CALL lake.set_option('compaction_table', 'a'); CALL ducklake_merge_adjacent_files('lake')")
    count = "SELECT count(*) FROM ducklake_list_files('lake', '{}')"
    assert lake.scalar(count.format("a")) == "1"
    assert lake.scalar(count.format("b")) == "3"


def test_an_option_set_inside_a_transaction_comes_and_goes_with_it(lake):
    lake.sql("CREATE TABLE t (i INTEGER)")

    def limit():
        return lake.rows("SELECT value FROM ducklake_options('lake') WHERE option_name = "
                         "'data_inlining_row_limit'")[1:]
    # its own statements see it (the insert is inlined); ROLLBACK drops it
    out = lake.rows("BEGIN; CALL lake.set_option('data_inlining_row_limit', 10); "
                    "INSERT INTO t VALUES (1); "
                    "SELECT value FROM ducklake_options('lake') WHERE option_name = "
                    "'data_inlining_row_limit'; ROLLBACK")
    assert out[-1] == ["10"]
    assert limit() == []
    # COMMIT writes it with the rows, which went into the catalog, not a file
    snaps = lake.snapshot_count()
    lake.sql("BEGIN; CALL lake.set_option('data_inlining_row_limit', 10); "
             "INSERT INTO t VALUES (1); COMMIT")
    assert limit() == [["10"]]
    assert lake.snapshot_count() == snaps + 1
    assert lake.cat("SELECT count(*) FROM ducklake_data_file") == [(0,)]
    # a transaction that only sets an option makes no snapshot
    lake.sql("BEGIN; CALL lake.set_option('data_inlining_row_limit', 3); COMMIT")
    assert limit() == [["3"]]
    assert lake.snapshot_count() == snaps + 1


@pytest.mark.skipif(DATA != "fs", reason="registers local files (object stores: not yet)")
def test_parquet_a_worker_wrote_is_registered_without_a_copy(lake, tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    lake.sql("CREATE TABLE ev (id INTEGER, kind VARCHAR, score DOUBLE)")
    lake.sql("INSERT INTO ev VALUES (1, 'a', 0.5)")
    # a worker's files: other column order, a narrower type, no field ids
    lake.sql(f"COPY (SELECT 'b' AS kind, range::SMALLINT + 10 AS id, range / 10 AS score "
             f"FROM range(100)) TO '{landing}/part-0.parquet'")
    lake.sql(f"COPY (SELECT (range + 1000)::INTEGER AS id, 'c' AS kind, 1.5::DOUBLE AS score FROM range(50)) "
             f"TO '{landing}/part-1.parquet'")
    before = lake.snapshot_count()
    lake.sql(f"CALL ducklake_add_data_files('lake', 'ev', '{landing}/part-*.parquet')")
    assert lake.snapshot_count() == before + 1
    assert lake.rows("SELECT kind, count(*), min(id), max(id) FROM ev GROUP BY ALL "
                     "ORDER BY ALL") == [["kind", "count_star()", "min(id)", "max(id)"],
                                         ["a", "1", "1", "1"], ["b", "100", "10", "109"],
                                         ["c", "50", "1000", "1049"]]
    # statistics from the files: a filter prunes right, and still finds every row
    assert lake.scalar("SELECT count(*) FROM ev WHERE id >= 1000") == "50"
    assert lake.scalar("SELECT count(*) FROM ev WHERE id BETWEEN 50 AND 60") == "11"
    # the catalog maps the files' columns by name, as DuckLake does; the bytes stayed
    maps = lake.cat_dicts("SELECT type, count(*) AS n FROM ducklake_column_mapping m JOIN "
                          "ducklake_name_mapping USING (mapping_id) GROUP BY type")
    assert maps == [{"type": "map_by_name", "n": 6}]
    paths = [r["path"] for r in lake.cat_dicts("SELECT path FROM ducklake_data_file WHERE "
                                               "mapping_id IS NOT NULL ORDER BY path")]
    assert paths == [str(landing / "part-0.parquet"), str(landing / "part-1.parquet")]
    # rows of registered files change like any others, and compaction rewrites them
    lake.sql("DELETE FROM ev WHERE id % 2 = 0 AND kind = 'b'; UPDATE ev SET score = -1 WHERE id = 1001")
    assert lake.rows("SELECT count(*), sum(score) FILTER (WHERE id = 1001) FROM ev") == \
        [["count_star()", "sum(score) FILTER (WHERE (id = 1001))"], ["101", "-1.0"]]
    run_ok = lake.sql("SELECT count(*) FROM ev AT (VERSION => %d)" % before)  # ids from 0
    assert run_ok.splitlines()[-1] == "151"
    # bad files are refused whole, naming file and column; nothing is added
    lake.sql(f"COPY (SELECT 1 AS id, 'x' AS kind, 2.0::DOUBLE AS score, 7 AS extra) TO "
             f"'{landing}/extra.parquet'")
    lake.sql(f"COPY (SELECT 1 AS id) TO '{landing}/thin.parquet'")
    lake.sql(f"COPY (SELECT 'one' AS id, 'x' AS kind, 1.0::DOUBLE AS score) TO '{landing}/text.parquet'")
    count = lake.snapshot_count()
    assert "extra" in lake.fail(f"CALL ducklake_add_data_files('lake', 'ev', '{landing}/extra.parquet')")
    assert "lacks column 'kind'" in lake.fail(
        f"CALL ducklake_add_data_files('lake', 'ev', '{landing}/thin.parquet')")
    assert "VARCHAR" in lake.fail(f"CALL ducklake_add_data_files('lake', 'ev', '{landing}/text.parquet')")
    assert "no file matches" in lake.fail(
        f"CALL ducklake_add_data_files('lake', 'ev', '{landing}/none-*.parquet')")
    assert "already a data file" in lake.fail(
        f"CALL ducklake_add_data_files('lake', 'ev', '{landing}/part-0.parquet')")
    assert lake.snapshot_count() == count
    lake.sql(f"CALL ducklake_add_data_files('lake', 'ev', '{landing}/extra.parquet', "
             f"ignore_extra_columns => true); CALL ducklake_add_data_files('lake', 'ev', "
             f"'{landing}/thin.parquet', allow_missing => true)")
    assert lake.rows("SELECT id, kind, score FROM ev WHERE id = 1 ORDER BY kind NULLS LAST") == \
        [["id", "kind", "score"], ["1", "a", "0.5"], ["1", "x", "2.0"], ["1", "", ""]]
    # the change feed does not read them yet: refused, never NULLs
    last = lake.snapshot_count() - 1
    assert "ducklake_add_data_files" in lake.fail(
        f"SELECT * FROM ducklake_table_changes('lake', 'main', 'ev', 0, {last})")
    from lh import run
    run("compact", lake=lake.dir, check=True)
    assert lake.scalar("SELECT count(*) FROM ev") == "103"
    assert lake.scalar("SELECT count(*) FROM ev WHERE kind = 'x' AND id = 1") == "1"


@pytest.mark.skipif(DATA != "fs", reason="registers local files (object stores: not yet)")
def test_registered_files_map_nested_fields_by_name(lake, tmp_path):
    """Struct fields of a registered file match the table's by name, in any order and at
    any depth (ducklake_name_mapping entries with parent_column, as DuckLake writes them);
    a field the file lacks is an error unless allow_missing, then NULL."""
    landing = tmp_path / "landing"
    landing.mkdir()
    lake.sql("CREATE TABLE t (s STRUCT(i INT, j BIGINT), l STRUCT(a INT, b INT)[])")
    lake.sql(f"COPY (SELECT [{{'b': 2, 'a': 1}}] AS l, {{'j': 20, 'i': 10}} AS s) "
             f"TO '{landing}/reordered.parquet'")
    lake.sql(f"COPY (SELECT {{'j': 84::INT}} AS s, [{{'a': 5, 'b': 6}}] AS l) "
             f"TO '{landing}/missing.parquet'")
    lake.sql(f"COPY (SELECT {{'i': 'x', 'j': 1}} AS s, [] AS l) TO '{landing}/text.parquet'")
    lake.sql(f"COPY (SELECT [1] AS s, [] AS l) TO '{landing}/list.parquet'")
    lake.sql(f"CALL ducklake_add_data_files('lake', 't', '{landing}/reordered.parquet')")
    assert lake.rows("FROM t") == [["s", "l"], ["{'i': 10, 'j': 20}", "[{'a': 1, 'b': 2}]"]]
    count = lake.snapshot_count()
    assert 'Column "s.i" exists in table "t" but was not found' in lake.fail(
        f"CALL ducklake_add_data_files('lake', 't', '{landing}/missing.parquet')")
    assert "s.i" in lake.fail(f"CALL ducklake_add_data_files('lake', 't', '{landing}/text.parquet')")
    assert "a LIST" in lake.fail(f"CALL ducklake_add_data_files('lake', 't', '{landing}/list.parquet')")
    assert lake.snapshot_count() == count
    lake.sql(f"CALL ducklake_add_data_files('lake', 't', '{landing}/missing.parquet', "
             f"allow_missing => true)")
    assert lake.rows("SELECT s, l FROM t ORDER BY s.j") == [
        ["s", "l"], ["{'i': 10, 'j': 20}", "[{'a': 1, 'b': 2}]"],
        ["{'i': NULL, 'j': 84}", "[{'a': 5, 'b': 6}]"]]
    entries = lake.cat("SELECT n.source_name, c.column_name, p.source_name FROM "
                       "ducklake_name_mapping n JOIN ducklake_column c ON c.column_id = "
                       "n.target_field_id LEFT JOIN ducklake_name_mapping p ON "
                       "p.mapping_id = n.mapping_id AND p.column_id = n.parent_column "
                       "WHERE n.mapping_id = (SELECT min(mapping_id) FROM "
                       "ducklake_name_mapping) ORDER BY n.column_id")
    assert entries == [("l", "l", None), ("element", "element", "l"), ("b", "b", "element"),
                       ("a", "a", "element"), ("s", "s", None), ("j", "j", "s"),
                       ("i", "i", "s")]


def test_hostile_and_odd_views_and_attaches_fail_cleanly(lake, tmp_path):
    lake.sql("CREATE TABLE ev (id INTEGER); INSERT INTO ev VALUES (1), (2), (3)")
    # a view's own CTE named like a table is the CTE, now and at a past snapshot
    lake.sql("CREATE VIEW big AS WITH ev AS (SELECT * FROM ev WHERE id > 1) SELECT * FROM ev; "
             "CREATE VIEW hi AS WITH h AS (SELECT * FROM ev WHERE id > 1) SELECT * FROM h")
    v = lake.snapshot_count() - 1
    lake.sql("INSERT INTO ev VALUES (9)")
    assert lake.scalar("SELECT count(*) FROM big") == "3"
    assert lake.scalar(f"SELECT count(*) FROM hi AT (VERSION => {v})") == "2"
    # a view that reads itself is an error when read, never a crash
    lake.sql("CREATE VIEW loop AS SELECT 1 AS x; CREATE OR REPLACE VIEW loop AS SELECT * FROM loop")
    assert "nest too deep" in lake.fail("SELECT * FROM loop")
    # a body that is no query is refused without running it
    assert "one query" in lake.fail("CREATE TEMP TABLE side (x INTEGER); "
                                    "CREATE VIEW w AS INSERT INTO side VALUES (1)")
    assert "0" == lake.scalar("SELECT count(*) FROM ducklake_snapshots('lake') WHERE "
                              "changes::VARCHAR LIKE '%views_created=[main.w]%'")
    # text in SNAPSHOT_TIME stays a value
    p = session(tmp_path, f"ATTACH 'ducklake:{tmp_path}/t.ducklake' AS t (DATA_PATH "
                          f"'{tmp_path}/tf/'); CREATE TABLE t.x AS SELECT 1 AS a", check=True)
    p = session(tmp_path, f"ATTACH 'ducklake:{tmp_path}/t.ducklake' AS t (SNAPSHOT_TIME "
                          "'2020-01-01''; CREATE TABLE pwn(a INT); --')", check=False)
    assert p.returncode == 1 and "not a timestamp" in p.stderr
    # a refused attach of a new lake leaves no catalog file behind
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "f.txt").write_text("not ours")
    p = session(tmp_path, f"ATTACH 'ducklake:{tmp_path}/n.ducklake' AS n (DATA_PATH "
                          f"'{tmp_path}/busy/')", check=False)
    assert p.returncode == 1 and "already holds" in p.stderr
    assert not os.path.exists(tmp_path / "n.ducklake")
    # maintenance through a read-only attach is refused
    p = session(tmp_path, f"ATTACH 'ducklake:{tmp_path}/t.ducklake' AS t (READ_ONLY); "
                          "CALL ducklake_cleanup_old_files('t', cleanup_all => true)", check=False)
    assert p.returncode == 1 and "read-only" in p.stderr


def test_list_files_names_each_data_file_and_its_delete_file(lake):
    lake.sql("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1), (2)")
    lake.sql("INSERT INTO t VALUES (3)")
    v = lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')")
    lake.sql("DELETE FROM t WHERE i = 1")
    rows = lake.rows("SELECT data_file, data_file_size_bytes, delete_file IS NOT NULL FROM "
                     "ducklake_list_files('lake', 't') ORDER BY 1")[1:]
    live = {os.path.basename(p): size for p, size in
            lake.cat("SELECT path, file_size_bytes FROM ducklake_data_file WHERE "
                     "end_snapshot IS NULL")}
    assert {os.path.basename(r[0]): int(r[1]) for r in rows} == live
    assert sorted(r[2] for r in rows) == ["false", "true"]
    assert all(r[0].endswith(".parquet") and "/main/t/" in r[0] for r in rows)
    # at an earlier snapshot, and as the lake's macro
    assert lake.scalar(f"SELECT count(*) FROM ducklake_list_files('lake', 't', "
                       f"snapshot_version => {v}) WHERE delete_file IS NULL") == "2"
    assert lake.scalar("SELECT count(*) FROM lake.list_files('t')") == "2"
    assert "unexpected argument" in lake.fail("FROM ducklake_list_files('lake', 't', x => 1)")
    assert "which table" in lake.fail("FROM ducklake_list_files('lake')")


def test_the_catalog_is_readable_as_a_database_and_writes_to_it_are_refused(tmp_path, target):
    spec, data = target
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = environ()
    env.pop("LAKEHOUSE_DIR", None)
    env["TMPDIR"] = str(tmp)

    def run_session(script):
        return subprocess.run([BIN, "sql", "--format", "csv", "-c", script], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)

    attach = f"ATTACH 'ducklake:{spec}' AS dl (DATA_PATH '{data}')"
    # each statement that names __ducklake_metadata_<lake> reads the catalog as it is then
    p = run_session(f"""{attach};
        SELECT count(*) AS n FROM __ducklake_metadata_dl.ducklake_table;
        CREATE TABLE dl.t (i INTEGER);
        INSERT INTO dl.t VALUES (1), (2);
        SELECT table_name FROM __ducklake_metadata_dl.ducklake_table;
        SELECT record_count, path_is_relative FROM __ducklake_metadata_dl.ducklake_data_file;
        SELECT column_type FROM (DESCRIBE __ducklake_metadata_dl.ducklake_snapshot)""")
    assert p.returncode == 0, p.stderr
    out = csv_out(p.stdout)
    assert out[:2] == [["n"], ["0"]]
    assert out[-10:] == [
        ["table_name"], ["t"], ["record_count", "path_is_relative"], ["2", "true"],
        ["column_type"], ["BIGINT"], ["TIMESTAMP WITH TIME ZONE"], ["BIGINT"], ["BIGINT"],
        ["BIGINT"]]
    # METADATA_CATALOG names it; a write into it is refused and changes nothing
    attach_m = f"ATTACH 'ducklake:{spec}' AS dl (METADATA_CATALOG 'meta')"
    for stmt in ("INSERT INTO meta.ducklake_snapshot VALUES (99, now(), 1, 1, 1)",
                 "DELETE FROM meta.ducklake_data_file", "DROP TABLE meta.ducklake_table",
                 "CREATE TABLE meta.x (i INTEGER)", "UPDATE meta.ducklake_table SET table_name = 'u'"):
        p = run_session(f"{attach_m}; {stmt}")
        assert p.returncode == 1 and "read-only" in p.stderr, (stmt, p.stderr)
    p = run_session(f"{attach_m}; SELECT count(*) AS n FROM meta.ducklake_snapshot; "
                    "SELECT i FROM dl.t ORDER BY i")
    assert p.returncode == 0 and csv_out(p.stdout)[-5:] == [["n"], ["3"], ["i"], ["1"], ["2"]], \
        p.stderr
    # detached by the session, the lake's statements fail until it is attached again
    p = run_session(f"{attach_m}; DETACH meta; SELECT 42 AS x; INSERT INTO dl.t VALUES (3)")
    assert p.returncode == 1 and 'Catalog "meta" does not exist' in p.stderr, p.stderr
    assert csv_out(p.stdout)[-2:] == [["x"], ["42"]]
    p = run_session(f"{attach_m}; DETACH meta; DETACH dl; {attach_m}; "
                    "SELECT count(*) AS n FROM dl.t")
    assert p.returncode == 0 and csv_out(p.stdout)[-2:] == [["n"], ["2"]], p.stderr
    # the copies leave nothing behind
    assert list(tmp.iterdir()) == []


def test_the_catalog_database_of_a_lake_opened_with_lake(lake):
    lake.sql("CREATE TABLE t AS SELECT 1 AS a")
    assert lake.rows("SELECT table_name FROM __ducklake_metadata_lake.ducklake_table") == [
        ["table_name"], ["t"]]
    err = lake.fail("DELETE FROM __ducklake_metadata_lake.ducklake_table")
    assert "read-only" in err
    assert lake.rows("SELECT a FROM t") == [["a"], ["1"]]


def test_attach_or_replace_swaps_the_lake_and_start_begins_a_transaction(tmp_path):
    out = session(tmp_path, """ATTACH 'ducklake:a.ducklake' AS lk (DATA_PATH 'a/');
        CREATE TABLE lk.t AS SELECT 'a' AS s;
        ATTACH OR REPLACE 'ducklake:b.ducklake' AS lk (DATA_PATH 'b/');
        CREATE TABLE lk.t AS SELECT 'b' AS s;
        START;
        INSERT INTO lk.t VALUES ('b2');
        COMMIT;
        SELECT s FROM lk.t ORDER BY s;
        ATTACH OR REPLACE 'ducklake:a.ducklake' AS lk;
        SELECT s FROM lk.t""").stdout
    assert csv_out(out)[-5:] == [["s"], ["b"], ["b2"], ["s"], ["a"]], out
    p = session(tmp_path, "ATTACH 'ducklake:a.ducklake' AS lk; BEGIN; "
                          "ATTACH OR REPLACE 'ducklake:b.ducklake' AS lk", check=False)
    assert p.returncode == 1 and "inside a transaction" in p.stderr, p.stderr


def test_several_lakes_in_one_session_join_and_copy(tmp_path, target):
    spec, data = target
    # the backend under test as the first lake, a DuckDB-file lake as the second
    out = session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS a (DATA_PATH '{data}');
        ATTACH 'ducklake:b.ducklake' AS b (DATA_PATH 'bdata/');
        CREATE TABLE a.t AS SELECT range AS k, 'a' || range AS v FROM range(5);
        CREATE TABLE b.u AS SELECT range AS k, 'b' || range AS w FROM range(3, 8);
        SELECT t.k, v, w FROM a.t JOIN b.main.u ON t.k = u.k ORDER BY 1;
        INSERT INTO b.u SELECT k + 100, v FROM a.t WHERE k < 2;
        CREATE TABLE b.copy AS SELECT * FROM a.t;
        SELECT count(*) AS n, sum(k) AS s FROM b.u;
        SELECT count(*) AS n FROM ducklake_snapshots('b');
        SELECT count(*) AS tables_of_b FROM __ducklake_metadata_b.ducklake_table;
        USE b;
        SELECT count(*) AS n FROM copy;
        USE a;
        SELECT count(*) AS n FROM t""").stdout
    rows = csv_out(out)
    assert rows[rows.index(["k", "v", "w"]):][:3] == [["k", "v", "w"], ["3", "a3", "b3"],
                                                      ["4", "a4", "b4"]]
    assert ["n", "s"] in rows and rows[rows.index(["n", "s"]) + 1] == ["7", "226"]
    assert rows[rows.index(["tables_of_b"]) + 1] == ["2"]
    # b's snapshots by its name; USE b, then USE a, for unqualified names
    assert [rows[i + 1][0] for i, r in enumerate(rows) if r == ["n"]] == ["4", "5", "5"], rows
    # each lake keeps its own catalog and files: reopened alone, b has what was copied
    out = session(tmp_path, "ATTACH 'ducklake:b.ducklake' AS b; "
                            "SELECT count(*) AS n FROM b.copy").stdout
    assert csv_out(out)[-2:] == [["n"], ["5"]]
    # a transaction writes one lake; reads of the other work inside it
    p = session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS a;
        ATTACH 'ducklake:b.ducklake' AS b;
        BEGIN;
        INSERT INTO a.t VALUES (50, 'x');
        SELECT count(*) AS n FROM b.u;
        INSERT INTO b.u VALUES (50, 'y')""", check=False)
    assert p.returncode == 1 and "a transaction writes one lake" in p.stderr, p.stderr
    assert csv_out(p.stdout)[-2:] == [["n"], ["7"]]
    out = session(tmp_path, f"ATTACH 'ducklake:{spec}' AS a; SELECT count(*) AS n FROM a.t").stdout
    assert csv_out(out)[-2:] == [["n"], ["5"]]  # the open transaction left nothing
    # USE another lake inside a transaction: its names read there, ROLLBACK ends the
    # transaction where it is
    out = session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS a;
        ATTACH 'ducklake:b.ducklake' AS b;
        BEGIN; INSERT INTO a.t VALUES (60, 'z');
        USE b; SELECT count(*) AS nu FROM u;
        ROLLBACK; USE a; SELECT count(*) AS nt FROM t""").stdout
    rows = csv_out(out)
    assert rows[rows.index(["nu"]) + 1] == ["7"] and rows[-2:] == [["nt"], ["5"]], rows
    # names: a second lake of the same name, the first lake detached before the others
    p = session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS a;
        ATTACH 'ducklake:b.ducklake' AS b; ATTACH 'ducklake:c.ducklake' AS b""", check=False)
    assert p.returncode == 1 and "already has a lake named 'b'" in p.stderr, p.stderr
    p = session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS a;
        ATTACH 'ducklake:b.ducklake' AS b; DETACH a""", check=False)
    assert p.returncode == 1 and "DETACH the others (b) first" in p.stderr, p.stderr
    out = session(tmp_path, f"""ATTACH 'ducklake:{spec}' AS a;
        ATTACH 'ducklake:b.ducklake' AS b; DETACH b; DETACH a;
        ATTACH 'ducklake:b.ducklake' AS a; SELECT count(*) AS n FROM a.u""").stdout
    assert csv_out(out)[-2:] == [["n"], ["7"]]


def test_an_empty_database_file_is_a_new_lake(tmp_path):
    session(tmp_path, "ATTACH 'empty.db' AS e; DETACH e")  # a DuckDB file with no tables
    for opts, want in (("READ_ONLY", "creating a new DuckLake is explicitly disabled"),
                       ("CREATE_IF_NOT_EXISTS false", "explicitly disabled"),
                       ("READ_ONLY, CREATE_IF_NOT_EXISTS true", "attached in read-only mode")):
        p = session(tmp_path, f"ATTACH 'ducklake:empty.db' AS l ({opts})", check=False)
        assert p.returncode == 1 and want in p.stderr, (opts, p.stderr)
    out = session(tmp_path, "ATTACH 'ducklake:empty.db' AS l (DATA_PATH 'files/'); "
                            "CREATE TABLE l.t AS SELECT 1 AS a; SELECT a FROM l.t").stdout
    assert csv_out(out)[-2:] == [["a"], ["1"]]


def test_attach_without_use_leaves_unqualified_names_to_duckdb(tmp_path):
    out = session(tmp_path, """ATTACH 'ducklake:l.ducklake' AS l (DATA_PATH 'ldata/');
        CREATE TABLE scratch AS SELECT range AS x FROM range(3);
        CREATE TABLE l.t AS SELECT * FROM scratch;
        CREATE VIEW l.v AS SELECT count(*) AS n FROM t;
        SELECT n FROM l.v;
        SELECT table_name FROM __ducklake_metadata_l.ducklake_table ORDER BY 1;
        USE l;
        CREATE TABLE u AS SELECT 1 AS y;
        SELECT count(*) AS tables FROM __ducklake_metadata_l.ducklake_table""").stdout
    rows = csv_out(out)
    # scratch stayed in DuckDB's memory database; the view's `t` is the lake's
    assert rows[rows.index(["n"]) + 1] == ["3"]
    assert rows[rows.index(["table_name"]) + 1:rows.index(["table_name"]) + 2] == [["t"]]
    assert rows[-2:] == [["tables"], ["2"]]  # after USE, unqualified names are the lake's
    assert not (tmp_path / "ldata" / "main" / "scratch").exists()


@pytest.mark.skipif(DATA != "fs", reason="registers local files (object stores: not yet)")
def test_registered_files_follow_ducklakes_type_rules(lake, tmp_path):
    """A registered file's column may be the table's type or one DuckLake accepts for it:
    a narrower integer, FLOAT for DOUBLE, any second/milli/microsecond TIMESTAMP for a
    timestamp column, a decimal of no more precision and scale; the refusal lists them."""
    landing = tmp_path / "landing"
    landing.mkdir()
    lake.sql("CREATE TABLE t (d DOUBLE, ts TIMESTAMP_S, m DECIMAL(18,3), z TIMESTAMPTZ)")
    lake.sql(f"COPY (SELECT 1.5::FLOAT AS d, TIMESTAMP '2020-02-03 12:23:34' AS ts, "
             f"12.25::DECIMAL(9,2) AS m, TIMESTAMPTZ '2020-01-01 00:00:00+00' AS z) "
             f"TO '{landing}/ok.parquet'")
    lake.sql(f"CALL ducklake_add_data_files('lake', 't', '{landing}/ok.parquet')")
    assert lake.rows("SELECT d, ts, m FROM t") == [["d", "ts", "m"],
                                                   ["1.5", "2020-02-03 12:23:34", "12.250"]]
    n = lake.snapshot_count()
    for name, select, words in (
            ("bool", "true AS d", "it takes DOUBLE or FLOAT"),
            ("date", "DATE '2020-01-01' AS ts", "TIMESTAMP_MS or TIMESTAMP_S"),
            ("wide", "1.5::DECIMAL(20,1) AS m", "no more precision and scale"),
            ("naive", "TIMESTAMP '2020-01-01' AS z", "only that type")):
        lake.sql(f"COPY (SELECT {select}) TO '{landing}/{name}.parquet'")
        err = lake.fail(f"CALL ducklake_add_data_files('lake', 't', '{landing}/{name}.parquet', "
                        f"allow_missing => true)")
        assert words in err, err
    assert lake.snapshot_count() == n
