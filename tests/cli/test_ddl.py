"""Schemas and tables: all DuckLake 0.3 types, NOT NULL, literal defaults, CREATE TABLE AS,
DROP, and ALTER TABLE. Schema changes never rewrite data files."""

ALL_TYPES = """(b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INTEGER, i64 BIGINT, i128 HUGEINT,
  u8 UTINYINT, u16 USMALLINT, u32 UINTEGER, u64 UBIGINT, f32 FLOAT, f64 DOUBLE,
  d DECIMAL(18,3), t TIME, ttz TIMETZ, dt DATE, ts TIMESTAMP, ts_s TIMESTAMP_S,
  ts_ms TIMESTAMP_MS, ts_ns TIMESTAMP_NS, tstz TIMESTAMPTZ, iv INTERVAL, v VARCHAR, bl BLOB,
  u UUID, j JSON, s STRUCT(a INT, b VARCHAR[]), l INT[], m MAP(VARCHAR, DOUBLE))"""

TYPE_ROWS = ["boolean", "int8", "int16", "int32", "int64", "int128", "uint8", "uint16",
             "uint32", "uint64", "float32", "float64", "decimal(18,3)", "time", "timetz",
             "date", "timestamp", "timestamp_s", "timestamp_ms", "timestamp_ns", "timestamptz",
             "interval", "varchar", "blob", "uuid", "json", "struct", "int32", "list",
             "varchar", "list", "int32", "map", "varchar", "float64"]


def test_every_ducklake_type_round_trips(lake):
    lake.sql(f"CREATE TABLE t {ALL_TYPES}")
    got = [r[0] for r in lake.cat("SELECT column_type FROM ducklake_column ORDER BY column_id")]
    assert got == TYPE_ROWS
    lake.sql("""INSERT INTO t VALUES (true, -1, -2, -3, -4, 5, 6, 7, 8, 9, 1.5, 2.25, 123.456,
        '12:34:56', '12:34:56+02', '2026-01-02', '2026-01-02 03:04:05', '2026-01-02 03:04:05',
        '2026-01-02 03:04:05.678', '2026-01-02 03:04:05.123456789', '2026-01-02 03:04:05+00',
        INTERVAL 3 DAY, 'héllo', '\\xAA\\xBB'::BLOB, '00000000-0000-0000-0000-000000000001',
        '{"k": [1, 2]}', {'a': 1, 'b': ['x', NULL]}, [1, NULL, 3], MAP {'pi': 3.14})""")
    r = lake.rows("SELECT * EXCLUDE (tstz, ttz) FROM t")
    assert r[1] == ["true", "-1", "-2", "-3", "-4", "5", "6", "7", "8", "9", "1.5", "2.25",
                    "123.456", "12:34:56", "2026-01-02", "2026-01-02 03:04:05",
                    "2026-01-02 03:04:05", "2026-01-02 03:04:05.678",
                    "2026-01-02 03:04:05.123456789", "3 days", "héllo", "\\xAA\\xBB",
                    "00000000-0000-0000-0000-000000000001", '{"k": [1, 2]}',
                    "{'a': 1, 'b': [x, NULL]}", "[1, NULL, 3]", "{pi=3.14}"]
    assert lake.rows("SELECT typeof(j), typeof(s) FROM t")[1] == \
        ["JSON", "STRUCT(a INTEGER, b VARCHAR[])"]


def test_unsupported_types_and_constraints_are_refused(lake):
    for ddl, word in [("CREATE TABLE t (e ENUM('a','b'))", "ENUM"),
                      ("CREATE TABLE t (a INT[3])", "ARRAY"),
                      ("CREATE TABLE t (u UNION(a INT, b VARCHAR))", "UNION"),
                      ("CREATE TABLE t (a INT PRIMARY KEY)", "PRIMARY KEY"),
                      ("CREATE TABLE t (a INT UNIQUE)", "UNIQUE"),
                      ("CREATE TABLE t (a INT CHECK (a > 0))", "CHECK"),
                      ("CREATE TABLE t (a TIMESTAMP DEFAULT now())", "not a literal")]:
        err = lake.fail(ddl)
        assert word in err, (ddl, err)
    assert lake.snapshot_count() == 1
    assert lake.cat("SELECT count(*) FROM ducklake_table") == [(0,)]


def test_not_null_and_defaults(lake):
    lake.sql("CREATE TABLE t (id INT NOT NULL, tag VARCHAR DEFAULT 'none', n INT DEFAULT -1)")
    assert lake.cat("SELECT column_name, nulls_allowed, default_value FROM ducklake_column "
                    "ORDER BY column_id") == [("id", 0, None), ("tag", 1, "none"), ("n", 1, "-1")]
    lake.sql("INSERT INTO t (id) VALUES (1); INSERT INTO t (id, n) VALUES (2, 5)")
    assert lake.rows("FROM t ORDER BY id") == [["id", "tag", "n"], ["1", "none", "-1"],
                                               ["2", "none", "5"]]


def test_create_table_as_and_drop(lake):
    out = lake.sql("CREATE TABLE sq AS SELECT range AS n, range * range AS sq FROM range(5)")
    assert out == "Count\n5\n"
    assert lake.scalar("SELECT sum(sq) FROM sq") == "30"
    lake.sql("DROP TABLE sq")
    assert "does not exist" in lake.fail("SELECT * FROM sq")
    lake.sql("DROP TABLE IF EXISTS sq")
    assert "does not exist" in lake.fail("DROP TABLE sq")


def test_schemas(lake):
    lake.sql("CREATE SCHEMA s1; CREATE TABLE s1.t (a INT); CREATE SCHEMA IF NOT EXISTS s1")
    assert "already exists" in lake.fail("CREATE SCHEMA s1")
    assert "not empty" in lake.fail("DROP SCHEMA s1")
    lake.sql("DROP SCHEMA s1 CASCADE")
    assert "does not exist" in lake.fail("SELECT * FROM s1.t")
    assert lake.cat("SELECT schema_name, CASE WHEN end_snapshot IS NULL THEN 0 ELSE 1 END FROM ducklake_schema "
                    "ORDER BY schema_id") == [("main", 0), ("s1", 1)]
    assert "cannot be dropped" in lake.fail("DROP SCHEMA main")
    # odd names get a uuid folder
    lake.sql('CREATE SCHEMA "my schema"; CREATE TABLE "my schema"."a table" AS SELECT 1 AS x')
    path = lake.cat("SELECT path FROM ducklake_schema WHERE schema_name = 'my schema'")[0][0]
    assert path != "my schema/" and len(path) == 37


def files_of(lake):
    return lake.cat("SELECT data_file_id, path FROM ducklake_data_file ORDER BY 1")


def test_alter_table_never_rewrites_data(lake):
    lake.sql("CREATE TABLE t (id INT, name VARCHAR, price FLOAT);"
             "INSERT INTO t VALUES (1, 'a', 1.5), (2, 'b', NULL)")
    before = files_of(lake)
    lake.sql("ALTER TABLE t ADD COLUMN stock INT DEFAULT 7;"
             "ALTER TABLE t RENAME COLUMN name TO label;"
             "ALTER TABLE t ALTER COLUMN id TYPE BIGINT;"
             "ALTER TABLE t ALTER COLUMN price SET DATA TYPE DOUBLE;"
             "ALTER TABLE t ALTER COLUMN stock SET DEFAULT 9;"
             "ALTER TABLE t RENAME TO goods")
    assert files_of(lake) == before
    assert lake.rows("FROM goods ORDER BY id") == [["id", "label", "price", "stock"],
                                                   ["1", "a", "1.5", "7"], ["2", "b", "", "7"]]
    assert lake.rows("SELECT typeof(id), typeof(price) FROM goods LIMIT 1")[1] == \
        ["BIGINT", "DOUBLE"]
    lake.sql("INSERT INTO goods (id, label) VALUES (3, 'c')")
    assert lake.scalar("SELECT stock FROM goods WHERE id = 3") == "9"
    lake.sql("ALTER TABLE goods ALTER COLUMN stock DROP DEFAULT; INSERT INTO goods (id) VALUES (4)")
    assert lake.scalar("SELECT stock IS NULL FROM goods WHERE id = 4") == "true"


def test_drop_and_readd_column_does_not_resurrect_data(lake):
    lake.sql("CREATE TABLE t (a INT, b VARCHAR); INSERT INTO t VALUES (1, 'old')")
    lake.sql("ALTER TABLE t DROP COLUMN b; ALTER TABLE t ADD COLUMN b VARCHAR")
    assert lake.rows("FROM t") == [["a", "b"], ["1", ""]]
    ids = lake.cat("SELECT column_id FROM ducklake_column WHERE column_name = 'b' ORDER BY 1")
    assert ids == [(2,), (3,)]


def test_narrowing_and_other_bad_alters_are_refused(lake):
    lake.sql("CREATE TABLE t (a BIGINT, s VARCHAR, x INT); INSERT INTO t VALUES (1, 'x', NULL)")
    n = lake.snapshot_count()
    for stmt, word in [("ALTER TABLE t ALTER COLUMN a TYPE INTEGER", "only widening"),
                       ("ALTER TABLE t ALTER COLUMN s TYPE INTEGER", "only widening"),
                       ("ALTER TABLE t ALTER COLUMN s TYPE INTEGER USING 1", "rewrite"),
                       ("ALTER TABLE t ADD COLUMN a INT", "already has a column"),
                       ("ALTER TABLE t DROP COLUMN nope", "no column 'nope'"),
                       ("ALTER TABLE t RENAME COLUMN a TO s", "already has a column"),
                       ("ALTER TABLE t ALTER COLUMN x SET NOT NULL", "rows are NULL"),
                       ("ALTER TABLE t ADD COLUMN y INT NOT NULL", "give it a DEFAULT"),
                       ("ALTER TABLE nope ADD COLUMN y INT", "does not exist"),
                       ("ALTER TABLE t ADD COLUMN g INT AS (7)", "generated columns"),
                       ("CREATE TABLE g (a INT AS (1), b INT)", "generated columns"),
                       ("CREATE TABLE g (a INT GENERATED ALWAYS AS (b * 2) VIRTUAL, b INT)",
                        "generated columns")]:
        assert word in lake.fail(stmt), stmt
    assert lake.snapshot_count() == n


def test_not_null_alter(lake):
    lake.sql("CREATE TABLE t (a INT); INSERT INTO t VALUES (1)")
    lake.sql("ALTER TABLE t ALTER COLUMN a SET NOT NULL")
    assert "NOT NULL" in lake.fail("INSERT INTO t VALUES (NULL)")
    lake.sql("ALTER TABLE t ALTER COLUMN a DROP NOT NULL; INSERT INTO t VALUES (NULL)")
    assert lake.scalar("SELECT count(*) FROM t") == "2"


def test_struct_column_drop_ends_children(lake):
    lake.sql("CREATE TABLE t (id INT, dims STRUCT(w INT, h INT)); ALTER TABLE t DROP COLUMN dims")
    assert lake.cat("SELECT column_name, CASE WHEN end_snapshot IS NULL THEN 1 ELSE 0 END FROM ducklake_column "
                    "ORDER BY column_id") == [("id", 1), ("dims", 0), ("w", 0), ("h", 0)]


def test_nested_fields_evolve_without_rewriting_files(lake):
    """DuckLake's struct evolution: fields are added, dropped, renamed and widened (by
    SET DATA TYPE or by ADD/DROP/RENAME COLUMN s.f), each a column row of its own; files
    written before read the new shape: a renamed field keeps its values, an added one
    reads its DEFAULT (or NULL), and past snapshots read the old shape."""
    lake.sql("CREATE TABLE t (id INT, s STRUCT(i INT, j INT), l STRUCT(a INT)[], "
             "m MAP(INT, STRUCT(v INT)))")
    lake.sql("INSERT INTO t VALUES (1, {'i': 1, 'j': 2}, [{'a': 3}], MAP {1: {'v': 4}}), "
             "(2, NULL, NULL, NULL)")
    first = lake.snapshot_count() - 1
    files = lake.data_files()
    lake.sql("ALTER TABLE t ALTER COLUMN s SET DATA TYPE STRUCT(i BIGINT, j INT, k TINYINT)")
    lake.sql("ALTER TABLE t ADD COLUMN s.d VARCHAR DEFAULT 'dflt'")
    lake.sql("ALTER TABLE t RENAME s.j TO jj")
    lake.sql("ALTER TABLE t RENAME COLUMN l.element.a TO aa")
    lake.sql("ALTER TABLE t ADD COLUMN m.value.w INT DEFAULT 7")
    lake.sql("INSERT INTO t VALUES (3, {'i': 10, 'jj': 20, 'k': 30, 'd': 'x'}, [{'aa': 5}], "
             "MAP {2: {'v': 6, 'w': 8}})")
    assert lake.rows("SELECT id, s, l, m FROM t ORDER BY id") == [
        ["id", "s", "l", "m"],
        ["1", "{'i': 1, 'jj': 2, 'k': NULL, 'd': dflt}", "[{'aa': 3}]", "{1={'v': 4, 'w': 7}}"],
        ["2", "", "", ""],
        ["3", "{'i': 10, 'jj': 20, 'k': 30, 'd': x}", "[{'aa': 5}]", "{2={'v': 6, 'w': 8}}"]]
    assert lake.scalar("SELECT typeof(s) FROM t LIMIT 1") == \
        "STRUCT(i BIGINT, jj INTEGER, k TINYINT, d VARCHAR)"
    # filters see the evolved values
    assert lake.scalar("SELECT string_agg(id, ',' ORDER BY id) FROM t WHERE s.jj >= 2") == "1,3"
    # no file was rewritten; the past reads its own shape
    assert set(files) <= set(lake.data_files())
    assert lake.rows(f"SELECT s FROM t AT (VERSION => {first}) WHERE id = 1") == \
        [["s"], ["{'i': 1, 'j': 2}"]]
    # the catalog: a renamed field is its column id with a new row, an added one a new id
    rows = lake.cat("SELECT column_id, column_name, column_type, parent_column, "
                    "CASE WHEN end_snapshot IS NULL THEN 1 ELSE 0 END FROM ducklake_column "
                    "WHERE parent_column IS NOT NULL "
                    "ORDER BY column_id, begin_snapshot")
    j = [r for r in rows if r[1] in ("j", "jj")]
    assert [(r[1], r[4]) for r in j] == [("j", 0), ("jj", 1)] and j[0][0] == j[1][0]
    assert [(r[1], r[2], r[4]) for r in rows if r[1] == "i"] == [("i", "int32", 0),
                                                                 ("i", "int64", 1)]
    assert [r[1] for r in rows if r[1] in ("k", "d", "w")] == ["k", "d", "w"]
    # drop a field: old rows lose it, the rest stay
    lake.sql("ALTER TABLE t DROP COLUMN s.i")
    assert lake.scalar("SELECT s FROM t WHERE id = 1") == "{'jj': 2, 'k': NULL, 'd': dflt}"
    # refusals change nothing
    count = lake.snapshot_count()
    for stmt, word in [("ALTER TABLE t ADD COLUMN s.JJ INT", "already exists"),
                       ("ALTER TABLE t ADD COLUMN s.jj.x INT", "only be added to structs"),
                       ("ALTER TABLE t ADD COLUMN s.nope.x INT", "does not exist"),
                       ("ALTER TABLE t DROP COLUMN s.nope", "does not exist"),
                       ("ALTER TABLE t DROP COLUMN s.jj.x", "does not exist"),
                       ("ALTER TABLE t RENAME s.jj TO K", "already exists"),
                       ("ALTER TABLE t RENAME s.nope TO z", "does not exist"),
                       ("ALTER TABLE t ALTER COLUMN s SET DATA TYPE INT[]", "keeps its kind"),
                       ("ALTER TABLE t ALTER COLUMN s SET DATA TYPE STRUCT(jj SMALLINT)",
                        "widening"),
                       ("ALTER TABLE t DROP COLUMN l.element.aa", "only field")]:
        assert word in lake.fail(stmt), stmt
    lake.sql("ALTER TABLE t DROP COLUMN IF EXISTS s.nope; "
             "ALTER TABLE t ADD COLUMN IF NOT EXISTS s.jj INT")
    assert lake.snapshot_count() == count


def test_nested_rename_inside_a_transaction_reads_its_own_files(lake):
    """Rows the open transaction wrote under a field's old name read under the new one."""
    lake.sql("CREATE TABLE t (s STRUCT(a INT, b INT))")
    lake.sql("BEGIN; INSERT INTO t VALUES ({'a': 1, 'b': 2}); ALTER TABLE t RENAME s.b TO c; "
             "INSERT INTO t VALUES ({'a': 3, 'c': 4}); COMMIT")
    assert lake.rows("SELECT s.a, s.c FROM t ORDER BY 1") == [["a", "c"], ["1", "2"], ["3", "4"]]


def test_any_name_makes_a_table_that_can_be_written(lake):
    """Names that cannot be folder names (too long, path tricks, non-ASCII) get a uuid
    folder, like other unsafe names: the table is always writable and readable."""
    names = ["a" * 300, "x/../../escape", "..", "café", "b" * 128]
    schema = "s" * 260
    lake.sql(f'CREATE SCHEMA "{schema}"')
    for i, n in enumerate(names):
        lake.sql(f'CREATE TABLE "{schema}"."{n}" (i INT); INSERT INTO "{schema}"."{n}" VALUES ({i})')
        assert lake.scalar(f'SELECT i FROM "{schema}"."{n}"') == str(i)
    paths = [r[0] for r in lake.cat("SELECT path FROM ducklake_table ORDER BY table_id")]
    assert paths[-1] == "b" * 128 + "/"  # still plain: at most 128 bytes
    assert all(len(p) == 37 for p in paths[:-1]), paths
    assert len(lake.cat("SELECT path FROM ducklake_schema WHERE schema_name = ?", (schema,))[0][0]) == 37
    for p in lake.data_files():
        assert ".." not in p.split("/"), p
