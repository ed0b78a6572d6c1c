"""`lakehouse sql`: -c, -f, the prompt, output formats, exit status and errors."""
import json

from lh import run


def test_statements_run_in_order_and_stop_at_first_error(lake):
    p = run("sql", "--format", "csv", "-c",
            "CREATE TABLE t (a INT); INSERT INTO t VALUES (1); SELECT * FROM nope; "
            "INSERT INTO t VALUES (2)", lake=lake.dir)
    assert p.returncode == 1
    assert "nope" in p.stderr and p.stderr.startswith("Error: ")
    assert lake.rows("SELECT * FROM t") == [["a"], ["1"]]


def test_file_script(lake, tmp_path):
    f = tmp_path / "s.sql"
    f.write_text("-- a comment; with a semicolon\nCREATE TABLE t (a INT, b VARCHAR);\n"
                 "INSERT INTO t VALUES (1, 'x;y'), (2, 'it''s');\nSELECT * FROM t ORDER BY a;\n")
    p = run("sql", "--format", "csv", "-f", f, lake=lake.dir, check=True)
    assert p.stdout.endswith("a,b\n1,x;y\n2,it's\n")
    p = run("sql", "-f", tmp_path / "missing.sql", lake=lake.dir)
    assert p.returncode == 1 and "missing.sql" in p.stderr


def test_prompt_reads_statements_from_stdin(lake):
    p = run("sql", "--format", "csv", lake=lake.dir,
            input="CREATE TABLE t (a INT);\nINSERT INTO t\n VALUES (7);\n.format json\n"
                  "SELECT a FROM t;\n")
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().endswith('[{"a":7}]')


def test_prompt_reports_errors_and_goes_on(lake):
    p = run("sql", "--format", "csv", lake=lake.dir, input="SELECT * FROM nope;\nSELECT 5 AS x;\n")
    assert p.returncode == 1 and "nope" in p.stderr
    assert p.stdout == "x\n5\n"


def test_csv_format_quotes_and_nulls(lake):
    out = lake.sql("SELECT 1 AS a, NULL AS b, 'x,y' AS c, 'say \"hi\"' AS d, '' AS e, "
                   "'two\nlines' AS f, [1, 2] AS g, {'k': 'v'} AS h, 1.50::DECIMAL(4,2) AS i")
    assert out == 'a,b,c,d,e,f,g,h,i\n1,,"x,y","say ""hi""","","two\nlines","[1, 2]",{\'k\': v},1.50\n'


def test_json_format(lake):
    out = lake.sql("SELECT 1 AS a, NULL AS b, 'x' AS c, [1, 2] AS d, {'k': 2.5} AS e, true AS f "
                   "UNION ALL SELECT 2, 3, 'y\"', [], NULL, false", fmt="json")
    assert json.loads(out) == [
        {"a": 1, "b": None, "c": "x", "d": [1, 2], "e": {"k": 2.5}, "f": True},
        {"a": 2, "b": 3, "c": 'y"', "d": [], "e": None, "f": False}]


def test_table_format(lake):
    out = lake.sql("SELECT 1 AS id, 'apple' AS name, NULL AS x", fmt="table")
    lines = out.splitlines()
    assert lines[0].startswith("┌") and lines[-1].startswith("└")
    assert "id" in lines[1] and "name" in lines[1]
    assert "int32" in lines[2] and "varchar" in lines[2]
    assert "│     1 │ apple   │  NULL │" in lines[4]


def test_table_format_elides_long_results(lake):
    out = lake.sql("SELECT range AS n FROM range(1000)", fmt="table")
    assert "1000 rows (40 shown)" in out
    assert "│     0 │" in out and "│   999 │" in out and "·" in out
    assert "│    20 │" not in out  # the middle is elided


def test_unknown_format_is_a_usage_error(lake):
    p = run("sql", "--format", "xml", "-c", "SELECT 1", lake=lake.dir)
    assert p.returncode == 2 and "unknown format" in p.stderr


def test_errors_go_to_stderr_with_status_1(lake):
    p = run("sql", "-c", "SELEC 1", lake=lake.dir)
    assert p.returncode == 1 and p.stdout == ""
    assert "syntax error" in p.stderr


def test_a_text_holding_a_nul_byte_is_printed_whole(lake):
    lake.sql("CREATE TABLE z AS SELECT 'goo' || chr(0) || 'se' AS s")
    p = run("sql", "--format", "csv", "-c", "SELECT s FROM z", lake=lake.dir, check=True)
    assert p.stdout == "s\ngoo\x00se\n"
