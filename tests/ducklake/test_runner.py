"""The DuckLake suite runner itself (tests/ducklake/runner.py, scripts/ducklake-suite): small
synthetic .test files whose outcome is known, so the runner cannot silently pass everything.
Needs the shared library (build/liblakehouse.so or $LAKEHOUSE_LIBRARY)."""
import hashlib
import os
import re
import subprocess
import sys
import textwrap

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SCRIPT = os.path.join(REPO, "scripts", "ducklake-suite")

ATTACH = """\
require ducklake

test-env DUCKLAKE_CONNECTION __TEST_DIR__/{UUID}.db

statement ok
ATTACH 'ducklake:${DUCKLAKE_CONNECTION}' AS lake (DATA_PATH '__TEST_DIR__/files')

statement ok
CREATE TABLE lake.t(i INTEGER, s VARCHAR)

statement ok
INSERT INTO lake.t VALUES (3, 'c'), (1, 'a'), (2, NULL), (4, '')
"""


def md5_of(values):
    h = hashlib.md5()
    for v in values:
        h.update(v.encode() + b"\n")
    return f"{len(values)} values hashing to {h.hexdigest()}"


FILES = {
    # ---- passes
    "pass_basic.test": ATTACH + """
query IT
SELECT i, s FROM lake.t ORDER BY i
----
1	a
2	NULL
3	c
4	(empty)

query I
SELECT count(*) FROM lake.t
----
4

statement error
SELECT * FROM lake.no_such_table
----
no_such_table

statement maybe
SELECT 1
----
whatever
""",
    "pass_rowsort.test": ATTACH + """
query IT rowsort
SELECT i, s FROM lake.t WHERE s IS NOT NULL AND s <> ''
----
1	a
3	c
""",
    "pass_valuesort.test": """
query II valuesort
SELECT 2, 1
----
1
2
""",
    "pass_one_value_per_line.test": """
query II
SELECT 1, 2 UNION ALL SELECT 3, 4 ORDER BY 1
----
1
2
3
4
""",
    "pass_hash.test": f"""
hash-threshold 4

query I
SELECT * FROM range(5) ORDER BY 1
----
{md5_of([str(i) for i in range(5)])}

query I rowsort
SELECT * FROM range(5) ORDER BY 1 DESC
----
{md5_of([str(i) for i in range(5)])}
""",
    "pass_loop.test": """
loop i 0 3

query I
SELECT ${i} * 10 < 30 AND ${i} >= 0
----
true

endloop

foreach v 7 8 9

query I
SELECT '${v}' IN ('7', '8', '9')
----
1

endloop

foreach a,b 1,2 3,4

query I
SELECT ${a} + 1 = ${b}
----
true

endloop
""",
    "pass_numbers.test": """
query RR
SELECT 0.1::DOUBLE * 3, 1.0::DOUBLE / 3
----
0.3
0.333333

query R
SELECT 1.5::DECIMAL(4,2)
----
1.50

query I
SELECT true
----
1
""",
    "pass_regex.test": """
query I
SELECT 'hello world'
----
<REGEX>:hel+o.*

statement error
SELECT * FROM no_such_table_anywhere
----
<REGEX>:.*no_such_table_anywhere.*
""",
    "pass_skipif.test": """
skipif duckdb
query I
SELECT 1
----
2

onlyif duckdb
query I
SELECT 1
----
1

mode skip

query I
SELECT 1
----
2

mode unskip

halt

query I
SELECT 1
----
2
""",
    # ---- failures
    "fail_wrong_value.test": ATTACH + """
query I
SELECT count(*) FROM lake.t
----
5
""",
    "fail_no_error.test": """
statement error
SELECT 42
----
some error
""",
    "fail_wrong_message.test": """
statement error
SELECT * FROM no_such_table_anywhere
----
a message that is not there
""",
    "fail_unexpected_error.test": """
statement ok
SELECT * FROM no_such_table_anywhere
""",
    "fail_row_order.test": """
query I
SELECT * FROM (VALUES (2), (1)) t(i) ORDER BY i DESC
----
1
2
""",
    "fail_hash.test": """
query I
SELECT 1
----
1 values hashing to 00000000000000000000000000000000
""",
    "fail_columns.test": """
query I
SELECT 1, 2
----
1	2
""",
    "fail_row_count.test": """
query I
SELECT * FROM range(3)
----
0
1
""",
    "fail_double.test": """
query R
SELECT 0.5::DOUBLE
----
0.6
""",
    "fail_loop_iteration.test": """
loop i 0 5

query I
SELECT ${i} < 3
----
true

endloop
""",
    "fail_parse.test": """
require ducklake
statement ok
SELECT 1
""",
    # ---- skips
    "skip_spatial.test": """
require spatial

query I
SELECT 1
----
2
""",
    "skip_env.test": """
require-env LH_DUCKLAKE_SUITE_UNSET_VARIABLE

query I
SELECT 1
----
2
""",
}

EXPECTED = {name: name.split("_", 1)[0].upper() for name in FILES}


@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    root = tmp_path_factory.mktemp("suite")
    sql = root / "test" / "sql"
    sql.mkdir(parents=True)
    (root / "data").mkdir()
    for name, text in FILES.items():
        (sql / name).write_text(textwrap.dedent(text).lstrip("\n"))
    return root


def run(*args, timeout=300, env=None):
    proc = subprocess.run([sys.executable, SCRIPT, *map(str, args)], capture_output=True,
                          text=True, timeout=timeout,
                          env=None if env is None else dict(os.environ, **env))
    return proc


def outcomes(stdout):
    out = {}
    for line in stdout.splitlines():
        m = re.match(r"^(PASS|FAIL|SKIP) test/sql/(\S+?)(?::|$)(.*)", line)
        if m:
            out[m.group(2)] = (m.group(1), m.group(3).strip())
    return out


@pytest.fixture(scope="module")
def full_run(suite, tmp_path_factory):
    report = tmp_path_factory.mktemp("report") / "report.md"
    passes = report.parent / "passes.txt"
    proc = run(suite / "test" / "sql", "-j", "2", "--report", report, "--write-expect", passes)
    assert proc.returncode == 0, proc.stderr
    return proc, report, passes


def test_every_file_has_its_expected_outcome(full_run):
    proc, _, _ = full_run
    got = outcomes(proc.stdout)
    assert {k: v[0] for k, v in got.items()} == EXPECTED, proc.stdout


def test_summary_line(full_run):
    proc, _, _ = full_run
    n = {s: sum(1 for v in EXPECTED.values() if v == s) for s in ("PASS", "FAIL", "SKIP")}
    last = proc.stdout.strip().splitlines()[-1]
    assert last == (f"ducklake suite: {n['PASS']} passed, {n['FAIL']} failed, {n['SKIP']} "
                    f"skipped of {len(FILES)} files")


def test_failure_details(full_run):
    got = outcomes(full_run[0].stdout)
    assert got["fail_wrong_value.test"][1].startswith("line ")
    assert "expected '5' got '4'" in got["fail_wrong_value.test"][1]
    assert "got success" in got["fail_no_error.test"][1]
    assert "expected error 'a message that is not there'" in got["fail_wrong_message.test"][1]
    assert "no_such_table_anywhere" in got["fail_unexpected_error.test"][1]
    assert "expected '1' got '2'" in got["fail_row_order.test"][1]
    assert "values hashing to" in got["fail_hash.test"][1]
    assert "expected 1 columns got 2" in got["fail_columns.test"][1]
    assert "expected 2 rows got 3" in got["fail_row_count.test"][1]
    assert "expected '0.6' got '0.5'" in got["fail_double.test"][1]
    assert "expected 'true' got 'false'" in got["fail_loop_iteration.test"][1]
    assert "SELECT 3 < 3" in got["fail_loop_iteration.test"][1]
    assert "separated by an empty line" in got["fail_parse.test"][1]
    assert got["skip_spatial.test"][1] == "requires spatial (not available)"
    assert "require-env LH_DUCKLAKE_SUITE_UNSET_VARIABLE" in got["skip_env.test"][1]


def test_report_and_written_expect(full_run):
    _, report, passes = full_run
    text = report.read_text()
    assert text.startswith("| file | status | first failure or skip reason |")
    assert "| test/sql/fail_no_error.test | FAIL | line " in text
    assert "| test/sql/skip_spatial.test | SKIP | requires spatial (not available) |" in text
    listed = [l for l in passes.read_text().splitlines() if l and not l.startswith("#")]
    assert listed == sorted(f"test/sql/{n}" for n, s in EXPECTED.items() if s == "PASS")


def test_expect_passes_and_reports_new_passes(suite, tmp_path):
    expect = tmp_path / "expect.txt"
    expect.write_text("# comment\ntest/sql/pass_basic.test  # trailing comment\n")
    proc = run(suite / "test" / "sql", "-k", "pass_", "--expect", expect)
    assert proc.returncode == 0, proc.stdout
    assert "new passes: add them to" in proc.stdout
    assert "test/sql/pass_rowsort.test" in proc.stdout


def test_expect_fails_on_a_regression(suite, tmp_path):
    expect = tmp_path / "expect.txt"
    expect.write_text("test/sql/pass_basic.test\ntest/sql/fail_wrong_value.test\n"
                      "test/sql/skip_spatial.test\n")
    proc = run(suite / "test" / "sql", "-k", "_", "--expect", expect, "--only-expected")
    assert proc.returncode == 1, proc.stdout
    assert "REGRESSION test/sql/fail_wrong_value.test: FAIL" in proc.stdout
    assert "REGRESSION test/sql/skip_spatial.test: SKIP" in proc.stdout
    assert "REGRESSION test/sql/pass_basic.test" not in proc.stdout
    assert proc.stdout.strip().splitlines()[-1].endswith("of 3 files")


def test_relative_folder(suite):
    """DIR relative to the caller's working directory (as `make test` passes it)."""
    proc = subprocess.run([sys.executable, SCRIPT, "sql", "-k", "pass_basic"],
                          capture_output=True, text=True, timeout=300, cwd=suite / "test")
    assert "PASS test/sql/pass_basic.test" in proc.stdout, proc.stdout + proc.stderr


def test_expect_names_a_missing_file(suite, tmp_path):
    expect = tmp_path / "expect.txt"
    expect.write_text("test/sql/no_such_file.test\n")
    proc = run(suite / "test" / "sql", "-k", "pass_basic", "--expect", expect)
    assert proc.returncode == 1
    assert "REGRESSION test/sql/no_such_file.test: not found" in proc.stdout


def padded(text, size=2000):
    """`text` with a comment in front, so the file is bigger than `size` bytes: the runner
    starts the biggest files first, which is how these tests choose the order."""
    return "#" + "x" * size + "\n\n" + text


def test_timeout_is_a_failure(tmp_path):
    """The hung file fails, its worker is killed, and a new worker runs the next file."""
    sql = tmp_path / "test" / "sql"
    sql.mkdir(parents=True)
    (sql / "slow.test").write_text(padded("sleep 30 seconds\n\nquery I\nSELECT 1\n----\n1\n"))
    (sql / "z_after.test").write_text("query I\nSELECT 1\n----\n1\n")
    proc = run(sql, "--timeout", "3", "-j", "1", timeout=60)
    assert "FAIL test/sql/slow.test: timed out after 3 s" in proc.stdout
    assert "PASS test/sql/z_after.test" in proc.stdout, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1].startswith("ducklake suite: 1 passed, 1 failed")


CRASH = """\
query I
SELECT 1
----
1

__die {how}

query I
SELECT 2
----
2
"""

AFTER = """\
query I
SELECT {n}
----
{n}
"""


def test_a_crashing_file_fails_and_the_run_goes_on(tmp_path):
    """A worker that dies (a signal, abort, os._exit) fails the file it was running; the
    files after it run in a new worker. The crash files are the biggest, so each worker
    starts with one; -v shows what each file printed, the crash's too."""
    sql = tmp_path / "test" / "sql"
    sql.mkdir(parents=True)
    for how in ("segv", "abort", "exit"):
        (sql / f"crash_{how}.test").write_text(padded(CRASH.format(how=how)))
    for n in range(1, 5):
        (sql / f"after_{n}.test").write_text(AFTER.format(n=n))
    proc = run(sql, "-j", "2", "-v", env={"LH_DUCKLAKE_SUITE_TEST_HOOKS": "1"}, timeout=120)
    got = outcomes(proc.stdout)
    assert {k: v[0] for k, v in got.items()} == {
        "crash_segv.test": "FAIL", "crash_abort.test": "FAIL", "crash_exit.test": "FAIL",
        "after_1.test": "PASS", "after_2.test": "PASS", "after_3.test": "PASS",
        "after_4.test": "PASS"}, proc.stdout + proc.stderr
    assert got["crash_segv.test"][1].startswith("crashed (SIGSEGV): ")
    assert got["crash_abort.test"][1].startswith("crashed (SIGABRT): ")
    assert got["crash_exit.test"][1].startswith("the runner exited with status 3 without a "
                                                "result: ")
    for how in ("segv", "abort", "exit"):
        assert f"__die {how}" in got[f"crash_{how}.test"][1]  # the file's last output
    # -v: each file's own output under its name, captured from the worker
    block = proc.stdout.split("== test/sql/after_2.test", 1)[1].split("\n== ", 1)[0]
    assert "line 1: SELECT 2" in block
    assert proc.stdout.strip().splitlines()[-1] == \
        "ducklake suite: 4 passed, 3 failed, 0 skipped of 7 files"


LEAK = """\
query I
SELECT count(*) FROM duckdb_tables() WHERE table_name = 'leaked'
----
0

query I
SELECT count(*) FROM duckdb_databases() WHERE database_name = 'lake'
----
0

query I
SELECT count(*) FROM glob('written_here.csv')
----
0

query I
SELECT count(*) FROM glob('__TEST_DIR__/*')
----
0

statement ok
CREATE TABLE leaked(i INTEGER)

statement ok
ATTACH 'ducklake:__TEST_DIR__/meta.ducklake' AS lake (DATA_PATH '__TEST_DIR__/files')

statement ok
CREATE TABLE lake.t AS SELECT 1 AS i

statement ok
SELECT * FROM lake.t

statement ok con1
SELECT * FROM lake.t

statement ok
COPY (SELECT 1) TO 'written_here.csv'
"""


def test_nothing_leaks_from_one_file_to_the_next(tmp_path):
    """Files run one after another in one worker (-j 1) see nothing of the ones before:
    not their tables, attached lakes, relative files or __TEST_DIR__. Each of these files
    checks for what the others leave behind, so the order they run in does not matter."""
    sql = tmp_path / "test" / "sql"
    sql.mkdir(parents=True)
    (tmp_path / "data").mkdir()
    for n in range(3):
        (sql / f"leak_{n}.test").write_text(LEAK)
    # without LH_DUCKLAKE_SUITE_TEST_HOOKS the hook is an unknown record
    (sql / "no_hooks.test").write_text("__die exit\n\nquery I\nSELECT 1\n----\n1\n")
    proc = run(sql, "-j", "1", env={"LH_DUCKLAKE_SUITE_TEST_HOOKS": ""})
    got = outcomes(proc.stdout)
    assert {k: v[0] for k, v in got.items()} == {
        "leak_0.test": "PASS", "leak_1.test": "PASS", "leak_2.test": "PASS",
        "no_hooks.test": "FAIL"}, proc.stdout + proc.stderr
    assert "Unrecognized parameter __die" in got["no_hooks.test"][1]
    assert sorted(os.listdir(tmp_path)) == ["data", "test"]


def test_relative_paths_stay_in_the_sandbox(tmp_path):
    """A file that writes by a relative path writes into its own working folder (whose
    data/ and test/ are the suite's), never into the suite's folder."""
    sql = tmp_path / "test" / "sql"
    sql.mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.csv").write_text("a\n1\n")
    (sql / "rel.test").write_text(
        "query I\nSELECT a FROM read_csv('data/x.csv')\n----\n1\n\n"
        "statement ok\nCOPY (SELECT 1) TO 'written_here.csv'\n")
    proc = run(sql)
    assert "PASS test/sql/rel.test" in proc.stdout, proc.stdout
    assert sorted(os.listdir(tmp_path)) == ["data", "test"]


def test_help():
    proc = run("--help")
    assert proc.returncode == 0
    for option in ("--expect", "--write-expect", "--report", "-j", "--timeout", "-k", "-v"):
        assert option in proc.stdout


def test_report_keeps_each_file_on_one_line(tmp_path):
    """A multi-line expected or got (an EXPLAIN plan) must not break the report's table,
    which scripts/ducklake-compat-doc copies into docs/ducklake-compatibility.md."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import runner
    report = tmp_path / "report.md"
    runner.write_report(str(report), [("a.test", ("FAIL", "expected 'x' got '┌─\n│ y |\n└─'", [])),
                                      ("b.test", ("FAIL", "z" * 1000, []))], "summary")
    lines = report.read_text().splitlines()
    assert lines[2] == "| a.test | FAIL | expected 'x' got '┌─\\n│ y \\|\\n└─' |"
    assert lines[3].startswith("| b.test | FAIL | zzz") and lines[3].endswith("... |")
    assert lines[4:] == ["", "summary"]
