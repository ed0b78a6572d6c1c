"""The tool registry through its command-line door, `lakehouse tool NAME --json '{...}'`:
the list with schemas and annotations, every tool's answer checked against the catalog
and SQL, result caps with their note, snapshots, the per-call timeout, and refusals
(input that fails the schema, writing statements, stacked statements) that change
nothing. The MCP server and the HTTP API serve the same registry."""
import json

import pytest

from lh import mcp_exchange, run

READ_TOOLS = ["list_schemas", "list_tables", "describe_table", "query", "snapshots",
              "table_changes", "sample_rows", "take_rows"]


def tool(lake, name, args=None, *flags):
    cmd = ["tool", name] + (["--json", json.dumps(args)] if args is not None else []) + list(flags)
    p = run(*cmd, lake=lake.dir)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def refused(lake, name, args, *flags):
    before = lake.snapshot_count()
    raw = args if isinstance(args, str) else json.dumps(args)
    p = run("tool", name, "--json", raw, *flags, lake=lake.dir)
    assert p.returncode == 1 and p.stdout == "", (p.stdout, p.stderr)
    assert lake.snapshot_count() == before
    return p.stderr.strip()


def refusals(lake, calls, *flags):
    """Each (tool, input) of `calls` through one `lakehouse mcp` process (one process
    instead of one per case: the same registry and checks as `lakehouse tool`): the
    message of each refusal, asserting every call was refused and the lake kept its
    snapshots."""
    before = lake.snapshot_count()
    init = {"jsonrpc": "2.0", "id": 0, "method": "initialize",
            "params": {"protocolVersion": "2025-11-25", "capabilities": {},
                       "clientInfo": {"name": "t", "version": "1"}}}
    msgs = [{"jsonrpc": "2.0", "id": i + 1, "method": "tools/call",
             "params": {"name": name, "arguments": args}} for i, (name, args) in enumerate(calls)]
    replies = mcp_exchange(lake, init, *msgs, args=flags)
    assert [r["id"] for r in replies] == list(range(len(calls) + 1))
    out = []
    for (name, args), r in zip(calls, replies[1:]):
        if "error" in r:
            out.append(r["error"]["message"])
        else:
            assert r["result"]["isError"], (name, args, r)
            out.append(r["result"]["content"][0]["text"])
    assert lake.snapshot_count() == before
    return out


@pytest.fixture
def filled(lake):
    lake.sql("CREATE SCHEMA gold; CREATE TABLE gold.captions (id BIGINT NOT NULL, caption VARCHAR,"
             " score DOUBLE); INSERT INTO gold.captions SELECT range, 'caption ' || range, "
             "range / 4 FROM range(50)")                                   # snapshots 1-3
    lake.sql("DELETE FROM gold.captions WHERE id >= 40")                   # 4
    lake.sql("CREATE TABLE t AS SELECT 1 AS a")                            # 5
    return lake


def test_the_list_has_every_tool_with_schemas_and_annotations(lake):
    p = run("tool", "--list", lake=lake.dir)
    assert p.returncode == 0, p.stderr
    tools = {t["name"]: t for t in json.loads(p.stdout)}
    assert sorted(tools) == sorted(READ_TOOLS)
    for t in tools.values():
        assert t["description"] and t["title"]
        assert t["inputSchema"]["type"] == "object" and t["outputSchema"]["type"] == "object"
        assert t["annotations"] == {"readOnlyHint": True, "destructiveHint": False,
                                    "idempotentHint": True, "openWorldHint": False}
    assert tools["query"]["inputSchema"]["required"] == ["sql"]


def test_catalog_tools_match_the_catalog(filled):
    assert tool(filled, "list_schemas") == {
        "schemas": [{"name": "main", "tables": 1}, {"name": "gold", "tables": 1}],
        "snapshot_id": 5}
    tables = tool(filled, "list_tables", {"schema": "gold"})
    assert [(t["name"], t["rows"], t["files"]) for t in tables["tables"]] == [("captions", 40, 1)]
    d = tool(filled, "describe_table", {"table": "gold.captions"})
    ids = {r[0]: int(r[1]) for r in filled.cat(
        "SELECT column_name, column_id FROM ducklake_column WHERE end_snapshot IS NULL "
        "AND table_id = (SELECT table_id FROM ducklake_table WHERE table_name = 'captions')")}
    assert [(c["name"], c["type"], c["column_id"], c["nullable"]) for c in d["columns"]] == [
        ("id", "BIGINT", ids["id"], False), ("caption", "VARCHAR", ids["caption"], True),
        ("score", "DOUBLE", ids["score"], True)]
    assert (d["rows"], d["files"], d["delete_files"], d["snapshot_id"]) == (40, 1, 1, 5)
    # as it was before the delete
    assert tool(filled, "describe_table", {"table": "gold.captions", "snapshot": 3})["rows"] == 50
    assert "schema 'nope' does not exist" in refused(filled, "list_tables", {"schema": "nope"})


def test_query_answers_with_types_caps_and_snapshots(filled):
    r = tool(filled, "query", {"sql": "SELECT id, caption, score, [id, 2] AS l, NULL AS n "
                                      "FROM gold.captions ORDER BY id LIMIT 2"})
    assert r["columns"] == [{"name": "id", "type": "BIGINT"}, {"name": "caption", "type": "VARCHAR"},
                            {"name": "score", "type": "DOUBLE"},
                            {"name": "l", "type": "BIGINT[]"}, {"name": "n", "type": "INTEGER"}]
    assert r["rows"] == [[0, "caption 0", 0.0, [0, 2], None], [1, "caption 1", 0.25, [1, 2], None]]
    assert (r["row_count"], r["truncated"], r["snapshot_id"]) == (2, False, 5)
    assert "note" not in r
    # caps cut, and say so
    r = tool(filled, "query", {"sql": "SELECT id FROM gold.captions ORDER BY id"}, "--max-rows", "5")
    assert r["rows"] == [[0], [1], [2], [3], [4]] and r["truncated"]
    assert "only the first 5 rows" in r["note"]
    r = tool(filled, "query", {"sql": "SELECT caption FROM gold.captions ORDER BY id",
                               "max_chars": 40})
    assert r["truncated"] and 0 < r["row_count"] < 5 and "max_chars" in r["note"]
    # the whole query reads the snapshot asked for
    r = tool(filled, "query", {"sql": "SELECT count(*) FROM gold.captions", "snapshot": 3})
    assert r["rows"] == [[50]] and r["snapshot_id"] == 3
    assert "snapshot 99 does not exist" in refused(filled, "query", {"sql": "SELECT 1",
                                                                     "snapshot": 99})
    # a table the snapshot did not have is an error, never today's rows under its id
    for name, args in [("query", {"sql": "SELECT count(*) FROM t", "snapshot": 3}),
                       ("sample_rows", {"table": "t", "snapshot": 3})]:
        assert "table 't' does not exist at snapshot 3" in refused(filled, name, args)


def test_query_refuses_anything_but_one_query(filled):
    files = filled.data_files()
    cases = [(sql, "only queries run here") for sql in [
        "DROP TABLE gold.captions", "DELETE FROM gold.captions", "INSERT INTO t VALUES (2)",
        "CREATE TABLE x (a INT)", "COPY gold.captions TO 'out.csv'", "ATTACH 'other.db' AS o",
        "SET threads = 1", "INSTALL httpfs", "CALL lakehouse_rollback('t', 5)", "BEGIN",
        "SELECT 1; DROP TABLE gold.captions"]]
    cases += [("SELECT 1; SELECT 2", "one query at a time: the text holds 2 statements"),
              ("SELEC 1", "syntax error")]
    # a query reads the lake's tables and nothing else on this machine
    cases += [(sql, "file system operations are disabled") for sql in [
        "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM read_text('../../../../etc/hostname')",
        "SELECT current_setting('threads') FROM read_parquet('/tmp/*.parquet')"]]
    # the lake's own table functions that write (maintenance) are refused too, even
    # where the query would not read their answer
    cases += [(sql, "changes the lake (maintenance): this lake is read-only here") for sql in [
        "SELECT * FROM ducklake_expire_snapshots('lake', older_than => now())",
        "WITH x AS (FROM ducklake_cleanup_old_files('lake', cleanup_all => true)) "
        "SELECT 1 WHERE false",
        "FROM ducklake_merge_adjacent_files('lake')",
        "FROM lakehouse_optimize('lake', 'gold.captions', layout => 'random-access')"]]
    got = refusals(filled, [("query", {"sql": sql}) for sql, _ in cases])
    for (sql, says), msg in zip(cases, got):
        assert says in msg, (sql, msg)
    # the command-line door refuses the same way
    assert "only queries run here" in refused(filled, "query", {"sql": "DROP TABLE t"})
    assert tool(filled, "query", {"sql": "SELECT count(*) FROM gold.captions",
                                  "snapshot": 3})["rows"] == [[50]]
    assert filled.data_files() == files
    assert filled.scalar("SELECT count(*) FROM gold.captions") == "40"


def test_a_query_past_its_timeout_is_stopped(filled):
    msg = refused(filled, "query", {"sql": "SELECT count(*) FROM range(1000000000000)"},
                  "--timeout-ms", "300")
    assert msg == "Error: tool 'query' ran longer than 300 ms and was stopped; nothing was changed"
    # the lake still answers
    assert tool(filled, "query", {"sql": "SELECT 42"})["rows"] == [[42]]


def test_history_sampling_and_rows_by_id(filled):
    s = tool(filled, "snapshots", {"limit": 2})
    assert [x["snapshot_id"] for x in s["snapshots"]] == [4, 5] and s["truncated"]
    assert "deleted_from_table" in s["snapshots"][0]["changes"]
    ch = tool(filled, "table_changes", {"table": "gold.captions", "from_snapshot": 4})
    assert [c["name"] for c in ch["columns"]][:3] == ["snapshot_id", "rowid", "change_type"]
    assert [(r[0], r[2], r[3]) for r in ch["rows"]] == [(4, "delete", i) for i in range(40, 50)]
    a = tool(filled, "sample_rows", {"table": "gold.captions", "n": 5, "seed": 7})
    b = tool(filled, "sample_rows", {"table": "gold.captions", "n": 5, "seed": 7})
    assert a["rows"] == b["rows"] and a["row_count"] == 5
    assert all(r[0] < 40 for r in a["rows"])
    t = tool(filled, "take_rows", {"table": "gold.captions", "row_ids": [7, 3, 7]})
    assert [r[0] for r in t["rows"]] == [7, 3, 7]
    old = tool(filled, "take_rows", {"table": "gold.captions", "row_ids": [45], "snapshot": 3})
    assert old["rows"][0][:2] == [45, "caption 45"]
    assert "(45)" in refused(filled, "take_rows", {"table": "gold.captions", "row_ids": [1, 45]})


def test_input_that_fails_the_schema_is_refused(filled):
    cases = [("nope", {}, "Unknown tool: nope"),
             ("query", {}, "input: 'sql' is required"),
             ("query", {"sql": 3}, "input: sql must be a string"),
             ("query", {"sql": "SELECT 1", "extra": 1}, "input: unknown field 'extra'"),
             ("sample_rows", {"table": "t", "n": 0}, "input: n must be at least 1"),
             ("take_rows", {"table": "t", "row_ids": ["1"]}, "row_ids[0] must be an integer"),
             ("describe_table", {"table": "a.b.c.d"}, "not a table name"),
             ("describe_table", {"table": "missing"}, "missing")]
    got = refusals(filled, [(name, args) for name, args, _ in cases])
    for (name, args, says), msg in zip(cases, got):
        assert says in msg, (name, args, msg)
    # what only the command line can be sent: text that is not one JSON object
    for raw, says in [("{bad", "input is not JSON"), ("[1]", "input: input must be an object"),
                      ('{"sql": "SELECT 1", "sql": "DROP TABLE t"}', "input is not JSON")]:
        assert says in refused(filled, "query", raw), raw
    assert "no tool is named 'nope'" in refused(filled, "nope", {})
    p = run("tool", lake=filled.dir)
    assert p.returncode == 2 and "tool needs a tool name" in p.stderr
    p = run("tool", "query", "--max-rows", "x", lake=filled.dir)
    assert p.returncode == 2 and "--max-rows needs a whole number" in p.stderr
    assert "lakehouse tool --list" in run("tool", "--help", lake=filled.dir).stdout
