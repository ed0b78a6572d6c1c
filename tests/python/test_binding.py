"""The Python package over liblakehouse.so: open, sql with bound parameters, typed values,
errors. Runs with Debian's /usr/bin/python3 and nothing but the standard library; CTest
points LAKEHOUSE_LIBRARY at the build's shared library and PYTHONPATH at python/."""
import math
import subprocess
import sys

import pytest

import lakehouse

from lakes import new_lake


@pytest.fixture
def lake(tmp_path):
    d = str(tmp_path / "lake")
    new_lake(d)
    lk = lakehouse.open(d)
    yield lk
    lk.close()


def test_import_needs_only_the_standard_library():
    code = ("import sys, lakehouse; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('numpy', 'torch', 'pyarrow')]; "
            "print(lakehouse.__version__, bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "0.1.0" and out.stdout.strip().endswith("[]")


def test_values_round_trip_with_their_types(lake):
    lake.sql("CREATE TABLE t (id BIGINT, s VARCHAR, d DOUBLE, b BLOB, l INT[], m STRUCT(x INT), "
             "ok BOOLEAN, n INT)")
    blob = bytes(range(256))
    lake.sql("INSERT INTO t VALUES (?, ?, ?, ?, [1, 2], {'x': 3}, ?, ?)",
             [-2**63, "h\u00e9 ' \\ \u4e2d", 0.1, blob, True, None])
    lake.sql("INSERT INTO t (id, d) VALUES ($1, $2)", [2**63 - 1, float("nan")])
    r = lake.sql("SELECT * FROM t ORDER BY id")
    assert r.columns == ["id", "s", "d", "b", "l", "m", "ok", "n"]
    assert r.types[:4] == ["BIGINT", "VARCHAR", "DOUBLE", "BLOB"]
    first, second = r.rows
    assert first == (-2**63, "h\u00e9 ' \\ \u4e2d", 0.1, blob, [1, 2], {"x": 3}, True, None)
    assert second[0] == 2**63 - 1 and math.isnan(second[2])
    assert r.to_columns()["id"] == [-2**63, 2**63 - 1]
    assert len(r) == 2 and list(r) == r.rows
    # a text holding a NUL byte comes back whole, stored and read back from the lake
    lake.sql("CREATE TABLE z AS SELECT 'goo' || chr(0) || 'se' AS s")
    assert lake.sql("SELECT s, length(s) FROM z").rows == [("goo\x00se", 6)]


def test_a_parameter_is_never_sql(lake):
    lake.sql("CREATE TABLE t (s VARCHAR)")
    hostile = "x'); DROP TABLE t; --"
    lake.sql("INSERT INTO t VALUES (?)", [hostile])
    assert lake.sql("SELECT s FROM t WHERE s = ?", [hostile]).rows == [(hostile,)]
    assert lake.sql("SELECT count(*) FROM t").rows == [(1,)]


def test_errors_raise_with_the_status_and_change_nothing(lake):
    lake.sql("CREATE TABLE t (i INT)")
    with pytest.raises(lakehouse.Error) as e:
        lake.sql("SELEC 1")
    assert e.value.status == "LH_ERR_SYNTAX" and "SELEC" in str(e.value)
    with pytest.raises(lakehouse.Error) as e:
        lake.sql("INSERT INTO t VALUES (?)", [1, 2])
    assert e.value.status == "LH_ERR_INVALID" and "placeholders" in str(e.value)
    with pytest.raises(TypeError):
        lake.sql("INSERT INTO t VALUES (?)", [object()])
    with pytest.raises(lakehouse.Error):
        lake.sql("INSERT INTO t VALUES (?)", [2**64])
    assert lake.sql("SELECT count(*) FROM t").rows == [(0,)]
    with pytest.raises(lakehouse.Error) as e:
        lakehouse.open("/nonexistent/lake")
    assert e.value.status == "LH_ERR_NOT_FOUND"


def test_closed_lake_says_so(lake):
    lake.close()
    with pytest.raises(lakehouse.Error, match="closed"):
        lake.sql("SELECT 1")
    lake.close()  # twice is fine


def test_take_returns_rows_by_id_in_the_order_asked(lake):
    lake.sql("CREATE TABLE t AS SELECT range AS a, 'x' || range AS b FROM range(10)")
    first = lake.sql("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')").rows[0][0]
    lake.sql("DELETE FROM t WHERE a = 5")
    ids = [r[0] for r in lake.sql("SELECT rowid FROM t WHERE a IN (2, 7) ORDER BY a").rows]
    got = lake.take("t", [ids[1], ids[0], ids[1]], columns=["b"])
    assert got == {"b": ["x7", "x2", "x7"]}
    assert list(lake.take("main.t", [])["a"]) == []
    # a deleted row is an error naming it; at the snapshot before the delete it is there
    with pytest.raises(lakehouse.Error) as e:
        lake.take("t", [4, 5, 6])
    assert e.value.status == "LH_ERR_NOT_FOUND" and "(5)" in str(e.value)
    got = lake.take("t", [5], version=first)
    assert list(got["a"]) == [5] and got["b"] == ["x5"]
    with pytest.raises(lakehouse.Error) as e:
        lake.take("nosuch", [1])
    assert "nosuch" in str(e.value)


def test_a_session_attaches_a_lake_and_refuses_what_it_cannot_do(tmp_path):
    with lakehouse.session() as s:
        # no lake yet: DuckDB's SQL works, lake calls say what is missing
        assert s.sql("SELECT 41 + 1 AS x").rows == [(42,)]
        with pytest.raises(lakehouse.Error, match="no lake is attached"):
            s.stream("t")
        with pytest.raises(lakehouse.Error, match="no lake is attached"):
            s.take("t", [0])
        meta = tmp_path / "m.ducklake"
        s.sql(f"ATTACH 'ducklake:{meta}' AS l (DATA_PATH '{tmp_path}/files/'); "
              "CREATE TABLE l.t AS SELECT range AS i FROM range(5); INSERT INTO l.t VALUES (99)")
        assert s.sql("SELECT count(*) FROM l.t").rows == [(6,)]
        # a second handle would lose the session's attach: refused, saying what to do
        with pytest.raises(lakehouse.Error, match="attached in a SQL session"):
            s.stream("t")
        s.sql("DETACH l")
        with pytest.raises(lakehouse.Error, match="no lake is attached"):
            s.take("t", [0])
        # attached at a snapshot, reads by row id read that snapshot
        s.sql(f"ATTACH 'ducklake:{meta}' AS l (SNAPSHOT_VERSION 1)")
        assert [int(v) for v in s.take("t", [0, 4])["i"]] == [0, 4]
        with pytest.raises(lakehouse.Error):
            s.take("t", [5])  # row 99 came later
    with lakehouse.open(f"duckdb:{meta}") as lk:
        assert lk.sql("SELECT count(*) FROM t").rows == [(6,)]
