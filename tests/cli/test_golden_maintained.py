"""A lake DuckDB's own ducklake extension maintained (tests/fixtures/ducklake-golden-maintained:
compactions whose merged file carries partial_file_info, inlined rows and their flush, a
partitioned table, views): every table reads exactly as DuckDB read it at every snapshot, a
view is an error (never wrong rows), and our own writes on top of it still read right."""
import csv
import io
import os
import shutil

import pytest

from lh import CATALOG, DATA, run

pytestmark = pytest.mark.skipif(CATALOG != "duckdb" or DATA != "fs",
                                reason="about a DuckDB-file catalog; runs once")

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ducklake-golden-maintained")
EXPECTED = os.path.join(FIXTURE, "expected")


@pytest.fixture
def theirs(tmp_path):
    """A copy of the lake DuckDB wrote, opened by its catalog file."""
    shutil.copytree(os.path.join(FIXTURE, "lake"), tmp_path / "lake")
    for root, dirs, files in os.walk(tmp_path / "lake"):
        for n in dirs + files:
            os.chmod(os.path.join(root, n), 0o755 if n in dirs else 0o644)
    return "duckdb:" + str(tmp_path / "lake" / "metadata.ducklake")


def csv_rows(text):
    return list(csv.reader(io.StringIO(text)))


def expected(name):
    with open(os.path.join(EXPECTED, name)) as f:
        return csv_rows(f.read())


def read_at(lake, table, version, check=True):
    return run("sql", "--format", "csv", "-c",
               f"SELECT * FROM {table} AT (VERSION => {version}) ORDER BY ALL", lake=lake,
               check=check)


def same(got, want):
    # a table without rows was exported as an empty file, without a header
    return got == want or (not want and len(got) == 1)


TABLE_READS = sorted(n for n in os.listdir(EXPECTED) if "@" in n and not n.startswith("ev_z@"))
VIEW_READS = sorted(n for n in os.listdir(EXPECTED) if n.startswith("ev_z@"))


def test_reads_every_table_at_every_snapshot_as_duckdb_did(theirs):
    wrong = []
    for name in TABLE_READS:
        table, version = name[:-4].split("@")
        got = csv_rows(read_at(theirs, table, version).stdout)
        if not same(got, expected(name)):
            wrong.append(f"{name}: {len(got) - 1} rows, want {max(len(expected(name)) - 1, 0)}")
    assert len(TABLE_READS) == 51
    assert not wrong, "\n".join(wrong)


def test_a_view_is_an_error_never_wrong_rows(theirs):
    for name in VIEW_READS:
        _, version = name[:-4].split("@")
        p = read_at(theirs, "ev_z", version, check=False)
        if p.returncode == 0:
            assert same(csv_rows(p.stdout), expected(name)), name
        else:
            assert "ev_z" in p.stderr, p.stderr


def count(lake, table, where="true"):
    out = run("sql", "--format", "csv", "-c", f"SELECT count(*) FROM {table} WHERE {where}",
              lake=lake, check=True).stdout
    return int(csv_rows(out)[1][0])


def test_our_writes_and_compaction_on_top_still_read_right(theirs):
    run("sql", "-c", "INSERT INTO ev VALUES (1000, 'ours', TIMESTAMP '2026-04-01')", lake=theirs,
        check=True)
    run("sql", "-c", "DELETE FROM ev WHERE id IN (1, 151, 260, 449)", lake=theirs, check=True)
    run("sql", "-c", "INSERT INTO part VALUES (DATE '2026-04-01', 2000)", lake=theirs, check=True)
    # rows DuckDB inlined cannot be changed by us yet: an error, and nothing changed
    p = run("sql", "-c", "DELETE FROM part WHERE v = 0", lake=theirs)
    assert p.returncode != 0 and "inlined" in p.stderr, p.stderr
    assert count(theirs, "ev") == 440 + 1 - 4
    assert count(theirs, "ev", "kind = 'z'") == 3
    assert count(theirs, "part") == 91 + 1
    run("compact", lake=theirs, check=True)
    assert count(theirs, "ev") == 437
    assert count(theirs, "ev", "id IN (1, 151, 260, 449)") == 0
    assert count(theirs, "part") == 92
    assert count(theirs, "part", "v IN (1000, 2000)") == 2
    # every snapshot DuckDB wrote still reads the same after our compaction
    wrong = [n for n in TABLE_READS
             if not same(csv_rows(read_at(theirs, *n[:-4].split("@")).stdout), expected(n))]
    assert not wrong, wrong
    # and compacting again keeps them
    run("sql", "-c", "DELETE FROM ev WHERE id = 2", lake=theirs, check=True)
    run("compact", lake=theirs, check=True)
    assert count(theirs, "ev") == 436
    wrong = [n for n in TABLE_READS if n.startswith("ev@")
             and not same(csv_rows(read_at(theirs, *n[:-4].split("@")).stdout), expected(n))]
    assert not wrong, wrong
