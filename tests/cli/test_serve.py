"""`lakehouse serve` (the HTTP API and MCP over Streamable HTTP) and `lakehouse token`:
bearer tokens kept as hashes in the lake's catalog; /data/query, /tools/NAME and /mcp
giving the answers `lakehouse tool` gives; /openapi.json generated from the registry;
the official MCP clients (SDK 1.x over HTTP, the 2.x client on the stateless revision);
the transport's rules; and hostile requests (stacked SQL, local files, path tricks,
oversized bodies, foreign origins, slow and 1,000 concurrent connections), after which
the lake is byte-for-byte what it was."""
import hashlib
import http.client
import json
import os
import socket
import subprocess
import time
import urllib.parse

import pytest

from lh import BIN, CATALOG, DATA, environ, jsonrpc as rpc, mcp_clients, run

# the transport's own behaviour (HTTP and MCP rules, hostile bytes, OpenAPI, the clients)
# does not depend on the lake's catalog or store: run once, on the sanitizer build's
transport_only = pytest.mark.skipif(CATALOG != "sqlite" or DATA != "fs",
                                    reason="does not depend on the catalog or the store")

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENTS = os.path.join(HERE, "..", "mcp")
MODERN = {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
          "io.modelcontextprotocol/clientCapabilities": {}}


class Server:
    """A `lakehouse serve --port 0` on a lake, stopped by its PID."""

    def __init__(self, lake, *args):
        self.log = open(os.path.join(os.path.dirname(lake.dir), "serve.log"), "w+")
        self.proc = subprocess.Popen([BIN, "--lake", lake.dir, "serve", "--port", "0",
                                      "--threads", "2", *args],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True,
                                     env=environ(lake=lake.dir))
        line = self.proc.stdout.readline()
        assert "listening on http://127.0.0.1:" in line, self.stderr()
        self.port = int(line.split("127.0.0.1:")[1].split("/")[0])

    def stderr(self):
        self.log.seek(0)
        return self.log.read()

    def request(self, method, path, body=None, headers=None, token=None, timeout=120):
        """(status, headers, body) of one request on a connection of its own."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            h.setdefault("Content-Type", "application/json")
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        out = (r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        c.close()
        return out

    def json(self, method, path, body=None, headers=None, token=None):
        status, h, data = self.request(method, path, body, headers, token)
        assert h.get("content-type", "").startswith("application/json"), (status, h, data)
        return status, json.loads(data)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            assert self.proc.wait(timeout=120) == 0, self.stderr()
        self.proc.stdout.close()
        self.log.close()


def token(lake, *args):
    p = run("token", "create", *args, lake=lake.dir)
    assert p.returncode == 0, p.stderr
    return p.stdout.strip().splitlines()[-1]


@pytest.fixture
def filled(lake):
    lake.sql("CREATE SCHEMA gold; CREATE TABLE gold.captions AS SELECT range AS id, "
             "'caption ' || range AS caption FROM range(30)")
    lake.sql("DELETE FROM gold.captions WHERE id >= 20")
    return lake


@pytest.fixture
def served(filled):
    s = Server(filled)
    s.lake = filled
    s.ro = token(filled, "--tenant", "acme", "--read-only")
    yield s
    s.stop()


def cli_error(lake, name, args):
    p = run("tool", name, "--json", json.dumps(args), lake=lake.dir)
    assert p.returncode == 1
    return p.stderr.strip().removeprefix("Error: ")


def lake_bytes(lake):
    """The digest of every file of a lake in a local folder (None on other combinations),
    but SQLite's -shm file, the readers' shared index that every read touches."""
    if CATALOG != "sqlite" or DATA != "fs":
        return None
    out = {}
    for root, dirs, files in os.walk(lake.dir):
        for f in files:
            if f.endswith("-shm"):
                continue
            path = os.path.join(root, f)
            with open(path, "rb") as fh:
                out[os.path.relpath(path, lake.dir)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def test_tokens_are_made_once_and_guard_every_endpoint_but_healthz(filled):
    p = run("token", "create", "--tenant", "acme", "--read-only", lake=filled.dir)
    assert p.returncode == 0 and "shown once" in p.stderr
    ro = p.stdout.strip().splitlines()[-1]
    assert ro.startswith("lh_") and len(ro) == 46
    # only the hash is kept, in the catalog
    rows = filled.cat("SELECT token_hash, tenant_id, role, expires_at FROM lakehouse_token")
    assert rows == [(hashlib.sha256(ro.encode()).hexdigest(), "acme", "read-only", None)]
    if CATALOG == "sqlite":
        with open(os.path.join(filled.dir, "metadata.sqlite"), "rb") as f:
            assert ro.encode() not in f.read()
    for args, says in [((), "token create needs --tenant T"),
                       (("--tenant", "a", "--read-only", "--admin"), "not both"),
                       (("--tenant", "a", "--expires-in", "soon"), "--expires-in takes")]:
        p = run("token", "create", *args, lake=filled.dir)
        assert p.returncode == 2 and says in p.stderr, p.stderr
    p = run("token", "create", "--tenant", "../etc", lake=filled.dir)
    assert p.returncode == 1 and "is not a tenant id" in p.stderr
    p = run("serve", "--no-auth", "--bind", "0.0.0.0", "--port", "0", lake=filled.dir)
    assert p.returncode == 1 and "--no-auth serves only this machine" in p.stderr
    short = token(filled, "--tenant", "acme", "--expires-in", "1s")
    s = Server(filled)
    try:
        st, body = s.json("GET", "/healthz")
        assert st == 200 and body["status"] == "ok"
        for method, path in [("GET", "/openapi.json"), ("GET", "/data/query?sql=SELECT+1"),
                             ("POST", "/tools/list_tables"), ("POST", "/mcp")]:
            for tok in [None, "lh_not-a-token", "garbage", ro[:-1]]:
                status, h, data = s.request(method, path, body={} if method == "POST" else None,
                                            token=tok)
                assert status == 401 and h["www-authenticate"] == "Bearer", (path, tok, data)
                assert json.loads(data)["error"] == "unauthorized"
        # the short-lived token works until its second has passed, then never again
        deadline = time.monotonic() + 120
        while True:
            st, body = s.json("GET", "/data/query?sql=SELECT+1", token=short)
            if st != 200 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert st == 401 and "the token expired" in body["message"]
        st, body = s.json("GET", "/data/query?sql=SELECT+1", token=ro)
        assert st == 200 and body["rows"] == [[1]]
        # a token made while the server runs works at once (the catalog is the truth)
        late = token(filled, "--tenant", "other")
        assert s.json("GET", "/data/query?sql=SELECT+2", token=late)[1]["rows"] == [[2]]
    finally:
        s.stop()


def test_query_and_tools_answer_as_the_cli(served):
    s, lake = served, served.lake
    q = "SELECT id, caption FROM gold.captions ORDER BY id LIMIT 3"
    st, body = s.json("GET", "/data/query?" + urllib.parse.urlencode({"sql": q}), token=s.ro)
    want = json.loads(run("tool", "query", "--json", json.dumps({"sql": q}), lake=lake.dir).stdout)
    assert st == 200 and body == want and body["columns"][0] == {"name": "id", "type": "BIGINT"}
    st, body = s.json("GET", "/data/query?" + urllib.parse.urlencode(
        {"sql": "SELECT count(*) FROM gold.captions", "snapshot": 2}), token=s.ro)
    assert body["rows"] == [[30]] and body["snapshot_id"] == 2
    for name, args in [("describe_table", {"table": "gold.captions"}), ("list_schemas", {}),
                       ("take_rows", {"table": "gold.captions", "row_ids": [3, 1]}),
                       ("snapshots", {"limit": 2})]:
        st, body = s.json("POST", "/tools/" + name, args, token=s.ro)
        want = json.loads(run("tool", name, "--json", json.dumps(args), lake=lake.dir).stdout)
        assert st == 200 and body == want, name
    # errors: JSON with the message the CLI prints
    for name, args, status in [("query", {"sql": "DROP TABLE gold.captions"}, 403),
                               ("query", {"sql": 7}, 400),
                               ("describe_table", {"table": "nope"}, 404),
                               ("no_such_tool", {}, 404)]:
        st, body = s.json("POST", "/tools/" + name, args, token=s.ro)
        assert st == status and body["message"] == cli_error(lake, name, args), (name, body)
    st, body = s.json("GET", "/data/query?sql=SELECT+1&snapshot=x", token=s.ro)
    assert st == 400 and "snapshot must be" in body["message"]
    st, body = s.json("GET", "/data/query", token=s.ro)
    assert st == 400 and "needs ?sql=" in body["message"]
    st, body = s.json("POST", "/tools/query", '{"sql": "SELECT 1"}', {"Content-Type": "text/plain"},
                      token=s.ro)
    assert st == 415
    st, body = s.json("GET", "/tools/query", token=s.ro)
    assert st == 405
    st, body = s.json("GET", "/nope", token=s.ro)
    assert st == 404 and "/openapi.json" in body["message"]
    # rows committed after the server started are seen
    lake.sql("INSERT INTO gold.captions VALUES (100, 'late')")
    st, body = s.json("GET", "/data/query?sql=SELECT+count(*)+FROM+gold.captions", token=s.ro)
    assert body["rows"] == [[21]]


@transport_only
def test_openapi_is_generated_from_the_registry(served):
    st, doc = served.json("GET", "/openapi.json", token=served.ro)
    assert st == 200 and doc["openapi"] == "3.1.0"
    tools = json.loads(run("tool", "--list").stdout)
    for t in tools:
        op = doc["paths"]["/tools/" + t["name"]]["post"]
        assert op["requestBody"]["content"]["application/json"]["schema"] == t["inputSchema"]
        assert op["responses"]["200"]["content"]["application/json"]["schema"] == t["outputSchema"]
        assert op["description"] == t["description"]
    assert {"/healthz", "/data/query", "/mcp"} <= set(doc["paths"])
    assert doc["paths"]["/healthz"]["get"]["security"] == []
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


@transport_only
def test_official_mcp_clients_over_http(served):
    mcp_clients()
    calls = [["list_tables", {"schema": "gold"}],
             ["query", {"sql": "SELECT count(*) AS n FROM gold.captions"}],
             ["describe_table", {"table": "gold.captions", "snapshot": 2}]]
    bad = [["query", {"sql": "SELECT * FROM read_csv('/etc/passwd')"}], ["nope", {}]]
    listed = {t["name"]: t for t in json.loads(run("tool", "--list").stdout)}
    for mode, version in [("http", "2025-11-25"), ("modern", "2026-07-28")]:
        p = subprocess.run(["node", "sdk-check.mjs", mode, f"http://127.0.0.1:{served.port}/mcp",
                            served.ro, json.dumps(calls + bad)],
                           cwd=CLIENTS, capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stderr
        out = json.loads(p.stdout)
        assert out["protocolVersion"] == version and out["server"]["name"] == "lakehouse"
        assert {t["name"]: t for t in out["tools"]} == listed, mode
        for (name, args), got in zip(calls, out["calls"]):
            want = json.loads(run("tool", name, "--json", json.dumps(args),
                                  lake=served.lake.dir).stdout)
            assert got["isError"] is False and got["structured"] == want, (mode, name, got)
        assert out["calls"][3]["isError"] and "file system operations are disabled" in out["calls"][3]["text"]
        assert "Unknown tool: nope" in out["calls"][4]["error"], mode


@transport_only
def test_the_streamable_http_rules(served):
    s = served
    acc = {"Accept": "application/json, text/event-stream"}

    def post(body, **headers):
        h = dict(acc, **{k.replace("_", "-"): v for k, v in headers.items()})
        return s.request("POST", "/mcp", body, h, token=s.ro)

    st, h, data = post(rpc(1, "tools/list"), MCP_Protocol_Version="2025-06-18")
    assert st == 200 and len(json.loads(data)["result"]["tools"]) == len(json.loads(run("tool", "--list").stdout))
    st, h, data = post({"jsonrpc": "2.0", "method": "notifications/initialized"})
    assert st == 202 and data == b""
    st, h, data = post("{not json", Content_Type="application/json")
    assert st == 400 and json.loads(data)["error"]["code"] == -32700
    st, h, data = post([rpc(1, "ping")])
    assert st == 400 and json.loads(data)["error"]["code"] == -32600
    st, h, data = post({"jsonrpc": "2.0", "id": 1, "method": 5})
    assert st == 400 and json.loads(data)["error"]["code"] == -32600
    st, h, data = post(rpc(1, "ping"), MCP_Protocol_Version="1999-01-01")
    assert st == 400
    st, h, data = s.request("POST", "/mcp", json.dumps(rpc(1, "ping")),
                            {"Content-Type": "text/plain"}, token=s.ro)
    assert st == 415
    st, h, data = s.request("POST", "/mcp", rpc(1, "ping"), {"Accept": "text/html"}, token=s.ro)
    assert st == 406
    # a client that only takes event streams gets one
    st, h, data = s.request("POST", "/mcp", rpc(7, "ping"), {"Accept": "text/event-stream"},
                            token=s.ro)
    assert st == 200 and h["content-type"] == "text/event-stream"
    assert data.decode() == 'event: message\ndata: {"jsonrpc":"2.0","id":7,"result":{}}\n\n'
    for method in ["GET", "DELETE", "PUT"]:
        st, h, data = s.request(method, "/mcp", token=s.ro)
        assert st == 405 and h["allow"] == "POST", method
    # the stateless revision: headers repeat the body
    modern = rpc(2, "tools/list", {"_meta": MODERN})
    st, h, data = post(modern, MCP_Protocol_Version="2026-07-28", Mcp_Method="tools/list")
    assert st == 200 and json.loads(data)["result"]["resultType"] == "complete"
    for hdrs in [{"MCP_Protocol_Version": "2026-07-28", "Mcp_Method": "tools/call"},
                 {"Mcp_Method": "tools/list"}]:
        st, h, data = post(modern, **hdrs)
        assert st == 400 and json.loads(data)["error"]["code"] == -32020, hdrs
    call = rpc(3, "tools/call", {"_meta": MODERN, "name": "query", "arguments": {"sql": "SELECT 1"}})
    st, h, data = post(call, MCP_Protocol_Version="2026-07-28", Mcp_Method="tools/call",
                       Mcp_Name="describe_table")
    assert st == 400 and json.loads(data)["error"]["code"] == -32020
    st, h, data = post(call, MCP_Protocol_Version="2026-07-28", Mcp_Method="tools/call",
                       Mcp_Name="query")
    assert st == 200 and json.loads(data)["result"]["structuredContent"]["rows"] == [[1]]
    st, h, data = post(rpc(4, "initialize", {"_meta": MODERN}), MCP_Protocol_Version="2026-07-28",
                       Mcp_Method="initialize")
    assert st == 404 and json.loads(data)["error"]["code"] == -32601
    st, h, data = post(rpc(5, "tools/list", {"_meta": dict(MODERN, **{
        "io.modelcontextprotocol/protocolVersion": "2099-01-01"})}),
        MCP_Protocol_Version="2099-01-01", Mcp_Method="tools/list")
    assert st == 400 and json.loads(data)["error"]["code"] == -32022


def raw(port, data, timeout=60):
    """Sends raw bytes on a new connection; what came back until the server closed or
    answered (one response)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as so:
        so.sendall(data)
        got = b""
        while True:
            try:
                chunk = so.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            got += chunk
            if b"\r\n\r\n" in got:
                head, _, rest = got.partition(b"\r\n\r\n")
                n = [int(x.split(b":")[1]) for x in head.split(b"\r\n")
                     if x.lower().startswith(b"content-length:")]
                if n and len(rest) >= n[0]:
                    break
        return got


def status_of(response):
    return int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/1.") else None


@transport_only
def test_hostile_requests_are_refused_and_change_nothing(served):
    s, lake = served, served.lake
    rw = token(lake, "--tenant", "acme")
    before, files, snaps = lake_bytes(lake), lake.data_files(), lake.snapshot_count()
    q = lambda sql: "/data/query?" + urllib.parse.urlencode({"sql": sql})  # noqa: E731
    refusals = [
        # SQL injection and stacking, writes, settings, extensions, attaching
        ("GET", q("SELECT 1; DROP TABLE gold.captions"), None, 403, "only queries run here"),
        ("GET", q("COMMIT; DROP TABLE gold.captions"), None, 403, "only queries run here"),
        ("GET", q("DELETE FROM gold.captions"), None, 403, "only queries run here"),
        ("GET", q("COPY gold.captions TO '/tmp/x.csv'"), None, 403, "only queries run here"),
        ("GET", q("ATTACH '/tmp/evil.db' AS e"), None, 403, "only queries run here"),
        ("GET", q("SET enable_external_access = true"), None, 403, "only queries run here"),
        ("GET", q("INSTALL httpfs"), None, 403, "only queries run here"),
        ("GET", q("SELECT 1 UNION ALL SELECT count(*) FROM gold.captions; PRAGMA version"), None,
         403, "only queries run here"),
        # local files and the lake's maintenance functions
        ("GET", q("SELECT * FROM read_csv('/etc/passwd')"), None, 400, "file system operations"),
        ("GET", q("SELECT * FROM read_text('../../../../etc/hostname')"), None, 400,
         "file system operations"),
        ("GET", q("SELECT * FROM glob('/**')"), None, 400, "file system operations"),
        ("GET", q("FROM ducklake_expire_snapshots('lake', older_than => now())"), None, 403,
         "read-only"),
        # path tricks in table names and tool names
        ("POST", "/tools/describe_table", {"table": "../../etc/passwd"}, 400, "not a table name"),
        ("POST", "/tools/describe_table", {"table": "gold.captions; DROP TABLE t"}, 400, ""),
        ("POST", "/tools/take_rows", {"table": "/etc/passwd", "row_ids": [1]}, 400, ""),
        ("POST", "/tools/..%2F..%2Fetc%2Fpasswd", {}, 404, ""),
        ("POST", "/tools/query/../../x", {}, 404, ""),
        # malformed input
        ("POST", "/tools/query", "{bad json", 400, "input is not JSON"),
        ("POST", "/tools/query", '{"sql": "SELECT 1", "sql": "DROP TABLE t"}', 400, "not JSON"),
        ("POST", "/tools/query", "[1,2]", 400, "must be an object"),
        ("POST", "/tools/query", {"sql": "SELECT 1", "max_rows": -5}, 400, "at least"),
        ("GET", "/data/query?sql=SELECT%201&snapshot=-1", None, 400, "snapshot must be"),
        ("GET", "/data/query?sql=SELECT%20%27%C3%28%27", None, 400, ""),
    ]
    for method, path, body, status, says in refusals:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        body = body if isinstance(body, (str, type(None))) else json.dumps(body)
        st, h, data = s.request(method, path, body, headers, token=s.ro)
        msg = json.loads(data).get("message", "") if data.startswith(b"{") else data.decode()
        assert st == status and says in msg, (path, body, st, data)
    # a read-write token on a read-only server is still read-only
    st, body = s.json("GET", q("DROP TABLE gold.captions"), token=rw)
    assert st == 403
    # oversized bodies: declared, and chunked without a length
    # (the answer comes as soon as the headers declare too much; no need to send it)
    head = (f"POST /tools/query HTTP/1.1\r\nHost: 127.0.0.1:{s.port}\r\nAuthorization: Bearer "
            f"{s.ro}\r\nContent-Type: application/json\r\nContent-Length: {4 * 1024 * 1024 + 1}"
            "\r\n\r\n").encode()
    got = raw(s.port, head + b"x" * 1000)
    assert status_of(got) == 413 and b'"error":"too_big"' in got
    head = (f"POST /tools/query HTTP/1.1\r\nHost: 127.0.0.1:{s.port}\r\nAuthorization: Bearer "
            f"{s.ro}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
    chunk = b"x" * (1 << 20)
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(5)) + b"0\r\n\r\n"
    assert status_of(raw(s.port, head + body)) == 413
    # foreign origins and hosts (DNS rebinding)
    for hdrs in [{"Origin": "http://evil.example.com"}, {"Origin": "null"},
                 {"Host": "evil.example.com"}]:
        st, h, data = s.request("GET", "/healthz", headers=hdrs)
        assert st == 403 and json.loads(data)["error"] == "forbidden", hdrs
    st, h, data = s.request("GET", "/healthz", headers={"Origin": f"http://localhost:{s.port}"})
    assert st == 200
    # garbage on the wire
    assert status_of(raw(s.port, b"\x00\x01\x02 garbage\r\n\r\n")) in (400, None)
    assert status_of(raw(s.port, b"GET /" + b"a" * 100000 + b" HTTP/1.1\r\n\r\n")) in (
        400, 413, 414, 431, None)
    # slow clients: connections that trickle headers hold no thread; others are served
    slow = []
    for _ in range(50):
        so = socket.create_connection(("127.0.0.1", s.port))
        so.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        slow.append(so)
    st, body = s.json("GET", q("SELECT count(*) FROM gold.captions"), token=s.ro)
    assert st == 200 and body["rows"] == [[20]]
    for so in slow:
        so.close()
    # 1,000 connections at once, every one answered
    conns = [socket.create_connection(("127.0.0.1", s.port), timeout=120) for _ in range(1000)]
    for i, so in enumerate(conns):
        path = "/healthz" if i % 10 else "/data/query?sql=SELECT%201"
        so.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {s.ro}\r\n"
                   f"Connection: close\r\n\r\n".encode())
    answered = 0
    for so in conns:
        data = b""
        while True:
            chunk = so.recv(65536)
            if not chunk:
                break
            data += chunk
        so.close()
        answered += status_of(data) == 200
    assert answered == 1000
    # nothing changed, byte for byte
    assert lake.snapshot_count() == snaps and lake.data_files() == files
    assert lake_bytes(lake) == before
    assert s.proc.poll() is None  # and the server still runs


def test_ingest_over_http_is_checked_idempotent_and_per_tenant(filled):
    filled.sql("CREATE SCHEMA raw; CREATE TABLE raw.events (id BIGINT NOT NULL, msg VARCHAR)")
    ro = token(filled, "--tenant", "acme", "--read-only")
    rw = token(filled, "--tenant", "acme")
    admin = token(filled, "--tenant", "ops", "--admin")
    version = filled.cat("SELECT max(schema_version) FROM ducklake_snapshot")[0][0]
    body = {"table": "raw.events", "job_id": "job-1", "tenant_id": "acme", "schema_version": version,
            "records": [{"id": 1, "msg": "a"}, {"id": 2, "msg": "b"}]}
    s = Server(filled)  # read-only server: no token writes
    try:
        st, out = s.json("POST", "/data/ingest", body, token=rw)
        assert st == 403 and "start it with --read-write" in out["message"]
    finally:
        s.stop()
    s = Server(filled, "--read-write")
    try:
        st, out = s.json("POST", "/data/ingest", body, token=ro)
        assert st == 403 and "read-only" in out["message"]
        st, first = s.json("POST", "/data/ingest", body, token=rw)
        assert st == 201 and first["row_count"] == 2 and not first["repeated"]
        st, again = s.json("POST", "/data/ingest", body, token=rw)
        assert st == 201 and again == dict(first, repeated=True)
        assert filled.scalar("SELECT count(*) FROM raw.events") == "2"
        # the records of a partition read back through time travel
        st, q = s.json("GET", "/data/query?" + urllib.parse.urlencode(
            {"sql": "SELECT count(*) FROM raw.events", "snapshot": first["partition_id"]}), token=ro)
        assert q["rows"] == [[2]]
        # the first ingest made the outbox events.log: a new schema version
        body["schema_version"] = filled.cat("SELECT max(schema_version) FROM ducklake_snapshot")[0][0]
        bad = dict(body, job_id="job-2", records=[{"id": 3}, {"id": 4, "nope": 1}])
        st, out = s.json("POST", "/data/ingest", bad, token=rw)
        assert st == 400 and out == {"error": "invalid", "message": "record 1: the table has no "
                                     "column 'nope' (describe_table lists its columns)"}
        st, out = s.json("POST", "/data/ingest", dict(body, job_id="job-3", tenant_id="other"),
                         token=rw)
        assert st == 403 and "not this token's tenant" in out["message"]
        st, out = s.json("POST", "/data/ingest", dict(body, job_id="job-3", tenant_id="other"),
                         token=admin)
        assert st == 201
        assert filled.cat("SELECT job_id, tenant_id FROM lakehouse_ingest_job ORDER BY job_id") == [
            ("job-1", "acme"), ("job-3", None)]
        snap = {"snapshot_id": "0193a5b0-0000-7000-8000-000000000001",
                "intent_id": "0193a5b0-0000-7000-8000-0000000000aa",
                "timestamp": "2026-12-06T10:00:00Z", "agents_active": [], "user_plane": {},
                "causal_chain": []}
        st, out = s.json("POST", "/data/snapshots", snap, token=rw)
        assert st == 201 and out["snapshot_id"] == snap["snapshot_id"]
    finally:
        s.stop()


def test_two_servers_share_one_lake(filled):
    """Concurrent ingests to two servers on one lake (on PostgreSQL + S3 in the release
    run): every job lands once, and either server answers a repeated job the same."""
    import concurrent.futures
    filled.sql("CREATE TABLE logs (job VARCHAR NOT NULL, n INTEGER)")
    rw = token(filled, "--tenant", "acme")
    a, b = Server(filled, "--read-write"), Server(filled, "--read-write")
    try:
        def send(i, server):
            body = {"table": "logs", "job_id": f"job-{i}",
                    "records": [{"job": f"job-{i}", "n": k} for k in range(3)]}
            st, out = server.json("POST", "/data/ingest", body, token=rw)
            assert st == 201, out
            return i, out["partition_id"], out["row_count"]
        work = [(i, srv) for i in range(12) for srv in (a, b)]
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda w: send(*w), work))
        by_job = {}
        for i, part, rows in answers:
            by_job.setdefault(i, set()).add((part, rows))
        bad = {k: v for k, v in by_job.items() if len(v) != 1 or next(iter(v))[1] != 3}
        assert not bad, bad  # one answer per job, from whichever server
        assert filled.rows("SELECT count(*), count(DISTINCT job) FROM logs")[1:] == [["36", "12"]]
    finally:
        a.stop()
        b.stop()


def test_tenant_policies_limit_what_a_tenant_sees_and_stores(filled):
    filled.sql("CREATE TABLE t AS SELECT 1 AS secret; CREATE SCHEMA raw; "
               "CREATE TABLE raw.events (id BIGINT, msg VARCHAR); INSERT INTO raw.events VALUES (1, 'x')")
    admin = token(filled, "--tenant", "ops", "--admin")
    acme = token(filled, "--tenant", "acme", "--read-only")
    small = token(filled, "--tenant", "small")
    s = Server(filled, "--read-write")
    try:
        st, out = s.json("PUT", "/data/policy", {"tenant_id": "acme", "allowed_tables": ["gold.captions"],
                                                 "retention_days": 3}, token=acme)
        assert st == 403 and "only admin tokens" in out["message"]
        st, out = s.json("PUT", "/data/policy", {"tenant_id": "acme", "allowed_tables": ["gold.captions"],
                                                 "retention_days": 3}, token=admin)
        assert st == 200 and out == {"tenant_id": "acme", "policy": {
            "allowed_tables": ["gold.captions"], "retention_days": 3}}
        st, out = s.json("PUT", "/data/policy", {"tenant_id": "acme", "shares": 1}, token=admin)
        assert st == 400 and "unknown field 'shares'" in out["message"]
        assert s.json("GET", "/data/policy", token=acme)[1]["policy"]["retention_days"] == 3
        assert s.json("GET", "/data/policy?tenant_id=ops", token=acme)[0] == 403
        # acme sees and reads its table only
        st, out = s.json("POST", "/tools/list_tables", {}, token=acme)
        assert [(t["schema"], t["name"]) for t in out["tables"]] == [("gold", "captions")]
        st, out = s.json("POST", "/tools/list_schemas", {}, token=acme)
        assert [x["name"] for x in out["schemas"]] == ["gold"]
        for sql in ["SELECT count(*) FROM gold.captions",
                    "WITH t AS (SELECT id FROM gold.captions) SELECT count(*) FROM t",
                    "SELECT count(*) FROM range(3)"]:
            st, out = s.json("GET", "/data/query?" + urllib.parse.urlencode({"sql": sql}), token=acme)
            assert st == 200, (sql, out)
        for sql, what in [("SELECT * FROM t", "table 'main.t'"),
                          ("SELECT * FROM gold.captions JOIN raw.events USING (id)", "raw.events"),
                          ("SELECT * FROM (SELECT * FROM main.t)", "main.t"),
                          ("SELECT * FROM information_schema.tables", "information_schema.tables"),
                          ("SELECT * FROM query_table('t')", "query_table()"),
                          ("SELECT * FROM duckdb_tables()", "duckdb_tables()"),
                          ("FROM ducklake_table_changes('lake', 'main', 't', 0, 9)",
                           "ducklake_table_changes()")]:
            st, out = s.json("GET", "/data/query?" + urllib.parse.urlencode({"sql": sql}), token=acme)
            assert st == 403 and what in out["message"] and "not among tenant 'acme'" in out["message"], (
                sql, out)
        for name, args in [("describe_table", {"table": "t"}), ("sample_rows", {"table": "raw.events"}),
                           ("take_rows", {"table": "main.t", "row_ids": [0]})]:
            st, out = s.json("POST", "/tools/" + name, args, token=acme)
            assert st == 403 and "not among tenant 'acme'" in out["message"], (name, out)
        # storage: ingest beyond max_storage_gb is refused with 507
        s.json("PUT", "/data/policy", {"tenant_id": "small", "allowed_tables": ["raw.events"],
                                       "max_storage_gb": 1e-9}, token=admin)
        st, out = s.json("POST", "/data/ingest", {"table": "raw.events", "job_id": "j",
                                                  "records": [{"id": 2}]}, token=small)
        assert st == 507 and "max_storage_gb" in out["message"]
        st, out = s.json("POST", "/data/ingest", {"table": "t", "job_id": "j",
                                                  "records": [{"secret": 2}]}, token=small)
        assert st == 403
        assert filled.scalar("SELECT count(*) FROM raw.events") == "1"
        # retrieval over the text a tenant registered; its table policy still holds
        st, out = s.json("GET", "/data/retrieve?query=caption+7", token=acme)
        assert st == 404 and "no text is registered" in out["message"]
        s.json("PUT", "/data/policy", {"tenant_id": "acme", "allowed_tables": ["gold.captions"],
                                       "retention_days": 3, "retrieval": [
                                           {"table": "gold.captions", "text_column": "caption",
                                            "id_column": "id"}]}, token=admin)
        st, out = s.json("GET", "/data/retrieve?query=caption+7&top_k=2", token=acme)
        assert st == 200 and out[0]["id"] == "7" and out[0]["text"] == "caption 7" and len(out) == 2
        assert set(out[0]) == {"id", "text", "score", "metadata", "source"}
        st, out = s.json("GET", "/data/retrieve?query=x&top_k=0", token=acme)
        assert st == 400
        s.json("PUT", "/data/policy", {"tenant_id": "acme", "allowed_tables": ["gold.captions"],
                                       "retention_days": 3, "retrieval": [
                                           {"table": "main.t", "text_column": "secret",
                                            "id_column": "secret"}]}, token=admin)
        st, out = s.json("GET", "/data/retrieve?query=1", token=acme)
        assert st == 403 and "not among tenant 'acme'" in out["message"]
    finally:
        s.stop()
    # retention: lakehouse expire without a limit keeps the longest retention_days
    p = run("expire", "--dry-run", lake=filled.dir)
    assert p.returncode == 0 and "keeping 3 days of history" in p.stderr, p.stderr
