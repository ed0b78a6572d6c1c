"""Bad input gets a clear error naming the object, exits non-zero, and changes nothing:
no new snapshot, no stray file."""
import os

import pytest

from lh import Lake, open_transaction, run


def items(lake):
    lake.sql("CREATE SCHEMA raw; CREATE TABLE raw.items (id INT NOT NULL, name VARCHAR, "
             "price DECIMAL(9,2), qty BIGINT); INSERT INTO raw.items VALUES (1, 'a', 1.5, 2)")
    return lake


@pytest.fixture
def t(lake):
    return items(lake)


@pytest.fixture(scope="module")
def shared():
    """One lake for the statements that must change nothing: each runs on the lake the
    ones before it left, so a change any of them made shows up."""
    lk = items(Lake())
    yield lk
    lk.close()


def unchanged(lake, action):
    """Runs action and checks the lake did not change."""
    snaps, files = lake.snapshot_count(), lake.data_files()
    result = action()
    assert lake.snapshot_count() == snaps
    assert lake.data_files() == files
    assert not lake.staging_leftovers()
    return result


CASES = [
    ("SELECT * FROM raw.nope", "nope"),
    ("INSERT INTO raw.nope VALUES (1)", "raw.nope"),
    ("INSERT INTO nope.items VALUES (1)", "schema 'nope' does not exist"),
    ("SELECT colour FROM raw.items", "colour"),
    ("UPDATE raw.items SET colour = 1", "no column 'colour'"),
    ("INSERT INTO raw.items (id, colour) VALUES (1, 2)", "no column 'colour'"),
    ("SELEC * FROM raw.items", "syntax error"),
    ("INSERT INTO raw.items VALUES ('x', 'b', 1, 1)", "raw.items"),
    ("INSERT INTO raw.items VALUES (2, 'b', 'cheap', 1)", "cheap"),
    ("INSERT INTO raw.items VALUES (2, 'b')", "4 columns but 2 values"),
    ("INSERT INTO raw.items VALUES (NULL, 'b', 1, 1)", "NOT NULL constraint failed: column 'id'"),
    ("INSERT INTO raw.items SELECT NULL, 'b', 1, 1 FROM range(1000)", "NOT NULL"),
    ("UPDATE raw.items SET id = NULL", "NOT NULL"),
    ("ALTER TABLE raw.items ALTER COLUMN qty TYPE INTEGER", "only widening"),
    ("ALTER TABLE raw.items ALTER COLUMN name TYPE INTEGER", "only widening"),
    ("SELECT * FROM raw.items AT (VERSION => 1000)", "No snapshot found at version 1000"),
    ("INSERT OR REPLACE INTO raw.items VALUES (1, 'a', 1, 1)", "primary key"),
    ("INSERT INTO raw.items VALUES (1, 'a', 1, 1) RETURNING *", "RETURNING"),
    ("CREATE SEQUENCE s", "TEMP SEQUENCE"),
    ("MERGE INTO raw.items USING raw.items s ON false WHEN MATCHED THEN DELETE RETURNING *",
     "RETURNING"),
    ("COPY raw.items FROM 'x.csv'", "INSERT INTO"),
    ("USE raw", "USE"),
]


@pytest.mark.parametrize("stmt,words", CASES)
def test_bad_statement_changes_nothing(shared, stmt, words):
    err = unchanged(shared, lambda: shared.fail(stmt))
    assert words in err, err
    assert shared.rows("FROM raw.items") == [["id", "name", "price", "qty"],
                                             ["1", "a", "1.50", "2"]]


def test_failed_statement_in_a_script_keeps_earlier_ones(t):
    p = run("sql", "-c", "INSERT INTO raw.items VALUES (2, 'b', 1, 1); "
            "INSERT INTO raw.items VALUES (NULL, 'c', 1, 1)", lake=t.dir)
    assert p.returncode == 1
    assert t.scalar("SELECT count(*) FROM raw.items") == "2"




def test_write_to_a_table_dropped_meanwhile(t):
    """Process A inserts inside a transaction; B drops the table; A's commit fails with a
    clear conflict and leaves nothing behind."""
    a = open_transaction(t, "INSERT INTO raw.items VALUES (5, 'e', 1, 1)")
    t.sql("DROP TABLE raw.items")
    snaps = t.snapshot_count()
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 1
    assert "table 'raw.items' was changed by a concurrent commit" in err, err
    assert t.snapshot_count() == snaps
    # A's data file was removed; only the first file (of the dropped table) remains
    assert len(t.data_files()) == 1


def test_concurrent_alter_conflicts_with_insert(t):
    a = open_transaction(t, "INSERT INTO raw.items VALUES (5, 'e', 1, 1)")
    t.sql("ALTER TABLE raw.items ADD COLUMN extra INT")
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 1 and "concurrent commit" in err
    assert t.scalar("SELECT count(*) FROM raw.items") == "1"


def test_concurrent_inserts_do_not_conflict(t):
    a = open_transaction(t, "INSERT INTO raw.items VALUES (5, 'e', 1, 1)")
    t.sql("INSERT INTO raw.items VALUES (6, 'f', 1, 1)")
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 0, err
    assert t.rows("SELECT id FROM raw.items ORDER BY id") == [["id"], ["1"], ["5"], ["6"]]
    # row ids stay unique across the two writers
    assert t.cat("SELECT row_id_start, record_count FROM ducklake_data_file ORDER BY 1") == \
        [(0, 1), (1, 1), (2, 1)]


def test_concurrent_deletes_on_the_same_file_conflict(t):
    t.sql("INSERT INTO raw.items VALUES (2, 'b', 1, 1), (3, 'c', 1, 1)")
    a = open_transaction(t, "DELETE FROM raw.items WHERE id = 2")
    t.sql("DELETE FROM raw.items WHERE id = 3")
    out, err = a.communicate("COMMIT;\n", timeout=60)
    assert a.returncode == 1 and "also deleted rows of that file" in err, err
    assert t.rows("SELECT id FROM raw.items ORDER BY id") == [["id"], ["1"], ["2"]]


def test_messages_name_user_things_never_ours(lake):
    """Issue 8 items 10 and 13: no suggestion of DuckDB's system views, one caret block,
    no SQL the lake generated, the column a bad value was meant for."""
    lake.sql("CREATE TABLE g (id BIGINT, v VARCHAR)")
    err = lake.fail("SELECT * FROM sequences")
    assert "pg_sequences" not in err and "Did you mean" not in err
    assert 'Did you mean "g"' in lake.fail("SELECT * FROM gg")
    err = lake.fail("SELEC 1")
    assert err.count("LINE 1:") == 1 and "SELEC 1" in err
    for q, column in (("INSERT INTO g VALUES ('abc', 'x')", "id"),
                      ("INSERT INTO g (v, id) VALUES ('x', 'abc')", "id")):
        err = lake.fail(q)
        assert f"for column '{column}'" in err, err
        assert "__src" not in err and "__c0" not in err and "COPY" not in err, err
    for q in ("UPDATE g SET id = 'zz'", "CREATE TABLE h AS SELECT 'x'::INT AS a",
              "SELECT id + 'x' FROM g", "DELETE FROM g WHERE id = 'q'",
              "CREATE TABLE h2 AS SELECT * FROM g WHERE id = 'zz'",
              "INSERT INTO g SELECT * FROM g WHERE id = 'zz'"):
        lake.sql("INSERT INTO g VALUES (1, 'a')")
        err = lake.fail(q)
        for internal in ("__lh", "__src", "__fm", "__d.", "read_parquet", "COPY ("):
            assert internal not in err, (q, err)
        # a bad constant is the user's conversion error, never a damaged table
        assert "cannot read table" not in err, (q, err)
    # a syntax error in a query with an AT clause is reported whole (its text once
    # outlived the parse tree that held it)
    err = lake.fail("SELECT * FROM g AT (VERSION => 1) x")
    assert 'syntax error at or near "x"' in err, err
    # expressions the lake evaluates itself (an AT version, a table function's argument,
    # a DEFAULT): DuckDB's words, never the SQL the lake wrapped them in
    for q in ('SELECT * FROM g AT (VERSION => "lake")',
              'SELECT * FROM ducklake_snapshots("lake")',
              "ALTER TABLE g ADD COLUMN d INT DEFAULT 'x'"):
        err = lake.fail(q)
        assert "CAST((" not in err and "LINE" not in err, (q, err)


def test_a_lost_conf_says_how_to_open_the_catalog(tmp_path):
    from lh import CATALOG, DATA
    if CATALOG != "sqlite" or DATA != "fs":
        pytest.skip("a lake folder with its SQLite catalog")
    lk = Lake()
    try:
        lk.sql("CREATE TABLE t AS SELECT 1 AS x")
        os.remove(os.path.join(lk.dir, "lakehouse.conf"))
        p = run("sql", "-c", "SELECT * FROM t", lake=lk.dir)
        assert p.returncode == 1
        assert f"--lake sqlite:{lk.dir}/metadata.sqlite" in p.stderr
        assert "lakehouse init" not in p.stderr
        p = run("sql", "--format", "csv", "-c", "SELECT * FROM t",
                lake=f"sqlite:{lk.dir}/metadata.sqlite")
        assert p.returncode == 0 and p.stdout.splitlines()[-1] == "1"
    finally:
        lk.close()
