"""A lake DuckDB 1.4.4's own ducklake extension wrote and maintained
(tests/fixtures/ducklake-golden-maintained: two compactions, inlined rows and their flush,
partitions, a view; see its README): every table and view reads exactly as DuckDB read it
at every snapshot, its comments read as DuckDB reports them, and our own writes on top of
it read right too."""
import os

import pytest

from lh import CATALOG, DATA, copy_duckdb_lake, csv_rows, rows_of_many, run

pytestmark = pytest.mark.skipif(CATALOG != "duckdb" or DATA != "fs",
                                reason="about a DuckDB-file catalog DuckDB wrote; runs once")

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ducklake-golden-maintained")


@pytest.fixture
def theirs(tmp_path):
    """A copy of the lake DuckDB wrote, opened by its catalog file."""
    return copy_duckdb_lake(FIXTURE, str(tmp_path))


def read(lake, query):
    return csv_rows(run("sql", "--format", "csv", "-c", query, lake=lake, check=True).stdout)


def expected():
    out = []
    for name in sorted(os.listdir(os.path.join(FIXTURE, "expected"))):
        if "@" in name:
            table, version = name[:-4].split("@")
            out.append((table, int(version), name))
    return out


def test_every_table_at_every_snapshot_reads_as_duckdb_read_it(theirs):
    cases = expected()
    got = rows_of_many(theirs, [f"SELECT * FROM {table} AT (VERSION => {version}) ORDER BY ALL"
                                for table, version, _ in cases])
    for (table, version, name), rows in zip(cases, got):
        with open(os.path.join(FIXTURE, "expected", name)) as f:
            want = csv_rows(f.read())
        assert rows == want or (not want and len(rows) == 1), name
    assert len(cases) == 55  # 51 of tables, 4 of the view ev_z (replaced at 26: one more column)


def test_comments_and_the_view_read_as_duckdb_reports_them(theirs):
    def fixture(name):
        with open(os.path.join(FIXTURE, "expected", name)) as f:
            return csv_rows(f.read())
    want = fixture("comments.csv")
    got = read(theirs, "SELECT view_name AS table_name, coalesce(comment, 'NULL') AS comment "
                       "FROM duckdb_views() WHERE database_name = 'lake' AND view_name IN "
                       "('ev', 'part', 'small') ORDER BY 1")
    assert got == want
    got = read(theirs, "SELECT column_name, coalesce(comment, 'NULL') AS comment FROM "
                       "duckdb_columns() WHERE database_name = 'lake' AND table_name = 'ev' "
                       "ORDER BY column_index")
    assert got == fixture("column_comments.csv")
    # the current definition (CREATE OR REPLACE at 26), read now
    assert read(theirs, "SELECT count(*) FROM ev_z")[1] == [str(len(fixture("ev_z@26.csv")) - 1)]


def test_our_writes_on_a_compacted_flushed_and_inlined_lake(theirs):
    # ev: DuckDB merged its files (partial_file_info); small: flushed file + an inlined row
    run("sql", "-c", "INSERT INTO ev VALUES (1000, 'ours', TIMESTAMP '2027-01-01')",
        lake=theirs, check=True)
    run("sql", "-c", "DELETE FROM ev WHERE id < 50", lake=theirs, check=True)
    run("sql", "-c", "INSERT INTO small VALUES (5, 'five')", lake=theirs, check=True)
    assert read(theirs, "SELECT count(*), max(id) FROM ev") == [["count_star()", "max(id)"],
                                                                ["391", "1000"]]
    assert read(theirs, "SELECT k FROM small ORDER BY k") == [["k"], ["1"], ["3"], ["4"], ["5"]]
    # k = 4 is a row DuckDB inlined in the catalog: our delete ends it there
    run("sql", "-c", "DELETE FROM small WHERE k = 4", lake=theirs, check=True)
    assert read(theirs, "SELECT k FROM small ORDER BY k") == [["k"], ["1"], ["3"], ["5"]]
    # ours merges ev's files, and writes part's inlined row into a file first (small has
    # none left)
    p = run("compact", lake=theirs, check=True)
    assert "wrote the rows kept inline in the catalog into 1 file (" in p.stdout, p.stdout
    assert read(theirs, "SELECT count(*), max(id) FROM ev") == [["count_star()", "max(id)"],
                                                                ["391", "1000"]]
    assert read(theirs, "SELECT k FROM small ORDER BY k") == [["k"], ["1"], ["3"], ["5"]]
    # the past still reads as DuckDB read it, inlined rows included
    for table, version in (("ev", 2), ("ev", 9), ("small", 13), ("small", 17), ("part", 22)):
        with open(os.path.join(FIXTURE, "expected", f"{table}@{version}.csv")) as f:
            want = csv_rows(f.read())
        assert read(theirs, f"SELECT * FROM {table} AT (VERSION => {version}) ORDER BY ALL") == want


def count(lake, table, where="true"):
    return int(read(lake, f"SELECT count(*) FROM {table} WHERE {where}")[1][0])


def reads_wrong(lake, tables):
    cases = [c for c in expected() if c[0] in tables]
    got = rows_of_many(lake, [f"SELECT * FROM {table} AT (VERSION => {version}) ORDER BY ALL"
                              for table, version, _ in cases])
    wrong = []
    for (table, version, name), rows in zip(cases, got):
        with open(os.path.join(FIXTURE, "expected", name)) as f:
            want = csv_rows(f.read())
        if not (rows == want or (not want and len(rows) == 1)):
            wrong.append(name)
    return wrong


def test_every_snapshot_survives_our_compactions_of_duckdbs_merged_files(theirs):
    # deletes in ev's merged file (partial_file_info) and its separate file, a row in part
    # (whose newest row is inlined: our compaction writes it into a file first); our
    # compaction then merges the merged file again, twice
    run("sql", "-c", "INSERT INTO ev VALUES (1000, 'ours', TIMESTAMP '2026-04-01')", lake=theirs,
        check=True)
    run("sql", "-c", "DELETE FROM ev WHERE id IN (1, 151, 260, 449)", lake=theirs, check=True)
    run("sql", "-c", "INSERT INTO part VALUES (DATE '2026-04-01', 2000)", lake=theirs, check=True)
    run("sql", "-c", "DELETE FROM part WHERE v = 0", lake=theirs, check=True)
    run("compact", lake=theirs, check=True)
    assert count(theirs, "ev") == 440 + 1 - 4
    assert count(theirs, "ev", "id IN (1, 151, 260, 449)") == 0
    assert count(theirs, "ev", "kind = 'z'") == 3
    assert count(theirs, "part") == 91 and count(theirs, "part", "v IN (1000, 2000)") == 2
    assert reads_wrong(theirs, {"ev", "small", "part"}) == []
    run("sql", "-c", "DELETE FROM ev WHERE id = 2", lake=theirs, check=True)
    run("compact", lake=theirs, check=True)
    assert count(theirs, "ev") == 436
    assert reads_wrong(theirs, {"ev"}) == []
