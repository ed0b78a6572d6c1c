"""The tool registry through its command-line door, `lakehouse tool NAME --json '{...}'`:
the list with schemas and annotations, every tool's answer checked against the catalog
and SQL, result caps with their note, snapshots, the per-call timeout, and refusals
(input that fails the schema, writing statements, stacked statements) that change
nothing. The MCP server and the HTTP API serve the same registry."""
import json

import pytest

from lh import CATALOG, DATA, mcp_exchange, run

# the registry's own checks (schemas, refusals, caps, retrieval) do not depend on the
# lake's catalog or store: run once, on the combination the sanitizer build uses
registry_only = pytest.mark.skipif(CATALOG != "sqlite" or DATA != "fs",
                                   reason="does not depend on the catalog or the store")

READ_TOOLS = ["list_schemas", "list_tables", "describe_table", "query", "snapshots",
              "table_changes", "sample_rows", "take_rows", "quality_check", "retrieve",
              "experiment_list", "experiment_show", "run_list", "column_histogram"]
WRITE_TOOLS = ["ingest_records", "append_world_snapshot"]
# writes that are not idempotent: a second call is refused (a state change) or adds rows
REGISTRY_WRITE_TOOLS = ["experiment_create", "experiment_complete", "run_start", "run_log",
                        "run_complete", "run_fail", "rollback_table", "tag_create"]


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
    assert sorted(tools) == sorted(READ_TOOLS + WRITE_TOOLS + REGISTRY_WRITE_TOOLS)
    for name, t in tools.items():
        assert t["description"] and t["title"]
        assert t["inputSchema"]["type"] == "object" and t["outputSchema"]["type"] == "object"
        assert t["annotations"] == {"readOnlyHint": name in READ_TOOLS, "destructiveHint": False,
                                    "idempotentHint": name not in REGISTRY_WRITE_TOOLS,
                                    "openWorldHint": False}
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
    # numbers a double cannot hold exactly come as strings, digit for digit
    r = tool(filled, "query", {"sql": "SELECT 12345678901234567890.1234567890::DECIMAL(38,10) AS d, "
                                      "1.5::DECIMAL(9,2) AS s, 170141183460469231731687303715884105727"
                                      "::HUGEINT AS h, 18446744073709551615::UBIGINT AS u"})
    assert r["rows"] == [["12345678901234567890.1234567890", 1.5,
                          "170141183460469231731687303715884105727", "18446744073709551615"]]
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


@registry_only
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


@registry_only
def test_a_query_past_its_timeout_is_stopped(filled):
    msg = refused(filled, "query", {"sql": "SELECT count(*) FROM range(1000000000000)"},
                  "--timeout-ms", "300")
    assert msg == "Error: tool 'query' ran longer than 300 ms and was stopped; nothing was changed"
    # the lake still answers
    assert tool(filled, "query", {"sql": "SELECT 42"})["rows"] == [[42]]


@registry_only
def test_a_query_past_its_memory_bound_is_stopped(filled):
    msg = refused(filled, "query", {"sql": "SELECT length(string_agg(repeat('x', 1000000), ',')) "
                                           "FROM range(3000)"})
    assert msg == ("Error: the call needs more memory than one call may use (1 GB): read fewer "
                   "rows or columns, or aggregate in the query; nothing was changed")
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


@registry_only
def test_input_that_fails_the_schema_is_refused(filled):
    cases = [("nope", {}, "Unknown tool: nope"),
             ("query", {}, "input: 'sql' is required"),
             ("query", {"sql": 3}, "input: sql must be a string"),
             ("query", {"sql": "SELECT 1", "extra": 1}, "input: unknown field 'extra'"),
             ("sample_rows", {"table": "t", "n": 0}, "input: n must be at least 1"),
             ("sample_rows", {"table": "t", "seed": 2 ** 31}, "input: seed must be at most 2147483647"),
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


def test_ingest_checks_every_record_and_writes_each_job_once(lake):
    lake.sql("CREATE SCHEMA raw; CREATE TABLE raw.events (id INTEGER NOT NULL, name VARCHAR, "
             "score DOUBLE, ts TIMESTAMP, tags VARCHAR[], meta STRUCT(a INTEGER, b VARCHAR), "
             "doc JSON, ok BOOLEAN)")
    recs = [{"id": 1, "name": "a", "score": 1.5, "ts": "2026-01-01 10:00:00", "tags": ["x", "y"],
             "meta": {"a": 1, "b": "q"}, "doc": {"k": [1, 2]}, "ok": True}, {"id": 2}]
    job = {"table": "raw.events", "job_id": "job-1", "records": recs}
    assert "writes to the lake: this server is read-only" in refused(lake, "ingest_records", job)
    snaps = lake.snapshot_count()
    first = tool(lake, "ingest_records", job, "--read-write")
    assert first == {"partition_id": snaps, "row_count": 2, "snapshot_id": snaps,
                     "table": "raw.events", "job_id": "job-1", "repeated": False}
    # the same job again: the first answer, nothing written
    again = tool(lake, "ingest_records", dict(job, records=[{"id": 3}]), "--read-write")
    assert again == dict(first, repeated=True) and lake.snapshot_count() == snaps + 1
    assert lake.rows("SELECT id, name, tags, meta, doc::VARCHAR, ok FROM raw.events ORDER BY id")[1:] == [
        ["1", "a", "[x, y]", "{'a': 1, 'b': q}", '{"k":[1,2]}', "true"],
        ["2", "", "", "", "", ""]]
    assert lake.cat("SELECT table_name, job_id, snapshot_id, row_count FROM lakehouse_ingest_job") == [
        ("raw.events", "job-1", snaps, 2)]
    # the rows and their event share the snapshot
    assert lake.rows("SELECT snapshot_id, subject, payload->>'table', payload->>'rows' FROM "
                     "events.log")[1:] == [[str(snaps), "lakehouse.ingest.completed", "raw.events", "2"]]
    # a bad record anywhere: the error names it and the column, and nothing is written
    files = lake.data_files()
    bad = [({"id": "x"}, "record 1, column 'id' (INTEGER): expected an integer, got a string"),
           ({"id": 1, "zz": 2}, "record 1: the table has no column 'zz'"),
           ({"name": "n"}, "record 1, column 'id': the column is NOT NULL"),
           ({"id": 2 ** 40}, "record 1, column 'id': 1099511627776 is out of range for INTEGER"),
           ({"id": 1, "score": "1"}, "expected a number, got a string"),
           ({"id": 1, "ts": "not a time"}, "record 1, column 'ts': \"not a time\" is not a TIMESTAMP"),
           ({"id": 1, "meta": {"a": "x"}}, "record 1, column 'meta': {\"a\":\"x\"} is not a STRUCT"),
           ({"id": 1, "tags": {"a": 1}}, "column 'tags': {\"a\":1} is not a VARCHAR[] value"),
           ({"id": 1, "ok": 1}, "column 'ok' (BOOLEAN): expected a boolean, got an integer")]
    calls = [({"table": "raw.events", "job_id": "j2", "records": [{"id": 5}, rec]}, says)
             for rec, says in bad]
    calls += [({"table": "raw.nope", "job_id": "j", "records": [{"id": 1}]},
               "table 'raw.nope' does not exist"),
              ({"table": "raw.events", "job_id": "", "records": [{"id": 1}]},
               "job_id must not be empty"),
              ({"table": "raw.events", "job_id": "j", "records": []}, "records is empty"),
              ({"table": "raw.events", "job_id": "j", "records": [{"id": 1}],
                "schema_version": 0}, "the records were made for schema_version 0")]
    got = refusals(lake, [("ingest_records", args) for args, _ in calls], "--read-write")
    for (args, says), msg in zip(calls, got):
        assert says in msg, (args, msg)
    assert lake.data_files() == files
    assert lake.scalar("SELECT count(*) FROM raw.events") == "2"


def test_world_model_snapshots_are_typed_and_replayable(lake):
    doc = {"snapshot_id": "0193a5b0-0000-7000-8000-000000000001",
           "intent_id": "0193a5b0-0000-7000-8000-0000000000aa",
           "timestamp": "2026-12-06T10:00:00Z",
           "agents_active": [{"role": "planner", "status": "running", "tool_call_count": 3}],
           "user_plane": {"jobs_running": 2},
           "causal_chain": [{"intent_id": "0193a5b0-0000-7000-8000-0000000000aa",
                             "job_id": "sim-7", "outcome": "ok"}]}
    a = tool(lake, "append_world_snapshot", doc, "--read-write")
    assert a["snapshot_id"] == doc["snapshot_id"] and a["repeated"] is False
    assert tool(lake, "append_world_snapshot", doc, "--read-write")["repeated"] is True
    assert lake.rows("SELECT intent_id, agents_active[1].role, causal_chain[1].job_id, "
                     "user_plane->>'jobs_running', document->>'snapshot_id' "
                     "FROM world_model.snapshots")[1:] == [
        [doc["intent_id"], "planner", "sim-7", "2", doc["snapshot_id"]]]
    second = dict(doc, snapshot_id="0193a5b0-0000-7000-8000-000000000002", agents_active=[])
    b = tool(lake, "append_world_snapshot", second, "--read-write")
    # replay: the state as it was at the first decision point
    assert lake.scalar(f"SELECT count(*) FROM world_model.snapshots AT (VERSION => "
                       f"{a['lake_snapshot_id']})") == "1"
    assert b["lake_snapshot_id"] > a["lake_snapshot_id"]
    assert "is not a UUID value" in refused(lake, "append_world_snapshot",
                                            dict(doc, snapshot_id="nope"), "--read-write")


@registry_only
def test_quality_check_is_the_quality_command(filled):
    filled.sql("INSERT INTO gold.captions VALUES (1, NULL, 0)")
    q = tool(filled, "quality_check", {"table": "gold.captions", "key": "id"})
    assert q["rows"] == 41 and q["snapshot_id"] == 6
    assert q["columns"] == [[1, "id", "BIGINT", 41, 0, 40], [2, "caption", "VARCHAR", 41, 1, 40],
                            [3, "score", "DOUBLE", 41, 0, 40]]
    assert q["key"] == {"column": "id", "duplicate_values": 1, "rows_with_duplicates": 2,
                        "null_keys": 0, "unique_and_non_null": False}
    # the same numbers as `lakehouse quality`, which calls the same library function
    p = run("quality", "gold.captions", "--key", "id", lake=filled.dir)
    assert p.returncode == 1 and "key id: 1 duplicate values (2 rows), 0 NULL keys" in p.stdout
    old = tool(filled, "quality_check", {"table": "gold.captions", "key": "id", "snapshot": 3})
    assert old["rows"] == 50 and old["key"]["unique_and_non_null"] is True
    assert "key 'nope' is not a column" in refused(filled, "quality_check",
                                                    {"table": "gold.captions", "key": "nope"})


def bm25(docs, query, k1=1.2, b=0.75):
    """Reference BM25 (Lucene's idf) over {id: text}: {id: score} of the docs matching."""
    import math
    import re
    split = lambda t: [w for w in re.split(r"[^\w]+|_", t.lower()) if w]  # noqa: E731
    toks = {i: split(t) for i, t in docs.items()}
    n, avg = len(toks), sum(map(len, toks.values())) / len(toks)
    q = set(split(query))
    scores = {}
    for term in q:
        df = sum(term in t for t in toks.values())
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        for i, t in toks.items():
            f = t.count(term)
            if f:
                scores[i] = scores.get(i, 0) + idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len(t) / avg))
    return scores


@registry_only
def test_retrieve_ranks_by_bm25_and_sees_new_rows(lake):
    docs = {1: "robot arm grasp failed on the red cube", 2: "training run finished, loss 0.12",
            3: "grasp retried: the robot arm picked the red cube", 4: "simulator crashed in rollout",
            5: "red red red: the cube is red"}
    lake.sql("CREATE TABLE traces (id INTEGER, summary VARCHAR, agent VARCHAR, emb FLOAT[])")
    lake.sql("INSERT INTO traces VALUES " + ", ".join(
        f"({i}, '{t}', 'agent{i % 2}', {[0, 1] if i == 3 else [1, 0]})" for i, t in docs.items()))
    src = [{"table": "traces", "text_column": "summary", "id_column": "id",
            "metadata_columns": ["agent"], "embedding_column": "emb"}]
    r = tool(lake, "retrieve", {"query": "Red cube, grasp!", "top_k": 3, "sources": src})
    want = sorted(bm25(docs, "Red cube, grasp!").items(), key=lambda kv: (-kv[1], str(kv[0])))[:3]
    assert [(int(x["id"]), round(x["score"], 9)) for x in r["results"]] == [
        (i, round(s, 9)) for i, s in want]
    assert r["results"][0]["metadata"] == {"agent": f"agent{want[0][0] % 2}"}
    assert r["results"][0]["text"] == docs[want[0][0]] and r["results"][0]["source"] == "traces"
    # rows written a moment ago are found, with no index to rebuild
    lake.sql("INSERT INTO traces VALUES (6, 'brand new gripper calibration', 'agent0', [1, 0])")
    r = tool(lake, "retrieve", {"query": "gripper", "sources": src})
    assert [x["id"] for x in r["results"]] == ["6"]
    # a vector re-ranks the BM25 candidates by cosine similarity
    by_bm25 = [x["id"] for x in tool(lake, "retrieve", {"query": "red cube", "sources": src})["results"]]
    assert by_bm25[0] != "3"
    r = tool(lake, "retrieve", {"query": "red cube", "top_k": 2, "vector": [0.0, 1.0], "sources": src})
    assert [(x["id"], x["similarity"]) for x in r["results"]] == [("3", 1.0), (by_bm25[0], 0.0)]
    assert tool(lake, "retrieve", {"query": "nothing matches zzz", "sources": src})["results"] == []
    for args, says in [({"query": "x"}, "no text is registered for retrieval"),
                       ({"query": "x", "sources": [{"table": "nope", "text_column": "a",
                                                    "id_column": "b"}]}, "nope"),
                       ({"query": ""}, "query must not be empty")]:
        assert says in refused(lake, "retrieve", args), args
