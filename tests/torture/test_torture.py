"""Fault injection ("torture") over the real CLI: each core scenario runs with a failure
at the Nth call of each fault point (src/util/fault.h: alloc, write, fsync, rename,
store_put, catalog_commit, after_commit) for N = 1, 2, 3, ... until the fault no longer
fires. After every run:
  - a fault that fired makes the command fail (exit 1) with a clear message (an
    out-of-memory says so, a failed write says what it was writing), or the command
    succeeded and the lake is exactly "after";
  - no sanitizer report (leaks are errors);
  - the lake, read fresh, is exactly as before the command or exactly as after it: every
    table's rows, ducklake_snapshots (without times) and every file the catalog references
    present with its recorded size.
It needs the fault build (-DLH_FAULT=ON, the sanitizer build of `make test`); it runs on a
SQLite catalog and a local folder, whose lakes can be copied per run.

LH_TORTURE=full (`make torture`) tries every N; otherwise (the short version in
`make test`) every N of the points called a few times, and a spread of N for alloc. LH_TORTURE_SCENARIO and LH_TORTURE_POINT narrow a run (comma lists).
"""
import concurrent.futures
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from lh import BIN, CATALOG, DATA, ffmpeg  # noqa: E402

FULL = os.environ.get("LH_TORTURE") == "full"
JOBS = int(os.environ.get("LH_TORTURE_JOBS", "2"))
DENSE, SPREAD = 8, 3
POINTS = ["alloc", "write", "fsync", "rename", "store_put", "catalog_commit", "after_commit"]
# what a fired fault's message must say, per point
EXPECT = {"alloc": "out of memory", "write": "no space left on device"}

pytestmark = pytest.mark.skipif(CATALOG != "sqlite" or DATA != "fs",
                                reason="runs on a SQLite catalog and a local folder")


def base_env(tmp):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LH_FAULT")}
    env["LAKEHOUSE_CACHE_DIR"] = os.path.join(tmp, "cache")
    return env


def lh(lake, *args, env=None, check=True):
    cmd = [BIN] + (["--lake", lake] if lake else []) + [str(a) for a in args]
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", env=env,
                       timeout=600)
    if check and p.returncode != 0:
        raise AssertionError(f"{cmd} failed ({p.returncode}):\n{p.stderr}\n{p.stdout}")
    return p


# --- the scenarios: how to make the lake "before", then the command under test ---------

def sql(lake, env, text):
    lh(lake, "sql", "-c", text, env=env)


def with_table(lake, env, inputs):
    sql(lake, env, "CREATE TABLE t (a INT, b VARCHAR)")
    sql(lake, env, "INSERT INTO t SELECT range, 'x' || range FROM range(20)")


def with_history(lake, env, inputs):
    with_table(lake, env, inputs)
    sql(lake, env, "INSERT INTO t SELECT range, 'y' FROM range(20, 30)")
    sql(lake, env, "DELETE FROM t WHERE a % 3 = 0")


def with_expired(lake, env, inputs):
    with_history(lake, env, inputs)
    lh(lake, "compact", env=env)
    lh(lake, "expire", "--keep-last", "1", env=env)


def make_inputs(folder, env):
    """A local Hub-layout dataset (two rows, one PNG) and a two-second clip with annotations."""
    img = os.path.join(folder, "a.png")
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=32x24", "-frames:v", "1", img)
    ds = os.path.join(folder, "ds")
    os.makedirs(os.path.join(ds, "data"))
    builder = os.path.join(folder, "builder")
    lh(None, "init", builder, env=env)
    lh(builder, "sql", "-c", f"""COPY (SELECT v.id AS caption_id, {{'bytes': b.content,
        'path': 'a.png'}} AS image, 'caption ' || v.id AS caption
        FROM (VALUES (1), (2)) v(id), read_blob('{img}') b ORDER BY v.id)
        TO '{ds}/data/train-00000-of-00001.parquet' (FORMAT parquet)""", env=env)
    clip = os.path.join(folder, "c.mp4")
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=64x48:rate=5:duration=2", "-c:v", "libx264",
           "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "5", "-keyint_min", "5",
           "-sc_threshold", "0", "-bf", "0", clip)
    mot = os.path.join(folder, "c.txt")
    with open(mot, "w") as f:
        for fr in range(1, 11):
            f.write(f"{fr},1,{fr},10,8,16,1,1,0,0\n")
    folder = os.path.join(folder, "artifact")
    os.makedirs(os.path.join(folder, "sub"))
    for rel, data in (("a.txt", b"hello\n"), ("sub/b.bin", bytes(range(256)) * 8)):
        with open(os.path.join(folder, rel), "wb") as f:
            f.write(data)
    return {"ds": ds, "clip": clip, "mot": mot, "folder": folder}


SCENARIOS = {
    # name: (setup of the lake before, arguments of the command under test[, arguments of
    # the first of its commits alone: a command that makes two snapshots may fail between
    # them, leaving the lake as that first step alone leaves it])
    "create": (None, lambda i: ["sql", "-c", "CREATE TABLE t (a INT, b VARCHAR)"]),
    "insert": (with_table, lambda i: ["sql", "-c", "INSERT INTO t SELECT range, 'z' FROM range(5)"]),
    "update": (with_table, lambda i: ["sql", "-c", "UPDATE t SET b = 'u' WHERE a % 2 = 0"]),
    "delete": (with_table, lambda i: ["sql", "-c", "DELETE FROM t WHERE a < 5"]),
    "alter": (with_table, lambda i: ["sql", "-c", "ALTER TABLE t ADD COLUMN c INT DEFAULT 7"]),
    "transaction": (with_table, lambda i: ["sql", "-c",
                    "BEGIN; CREATE SCHEMA s; CREATE TABLE s.u (a INT); INSERT INTO s.u VALUES (1); "
                    "INSERT INTO t VALUES (99, 'q'); DELETE FROM t WHERE a = 3; COMMIT"]),
    "compact": (with_history, lambda i: ["compact"],
                lambda i: ["sql", "-c", "CALL ducklake_rewrite_data_files('lake', "
                           "delete_threshold => 0)"]),
    "expire": (with_history, lambda i: ["expire", "--keep-last", "1"]),
    "cleanup": (with_expired, lambda i: ["cleanup", "--older-than", "0"]),
    "hf_pull": (None, lambda i: ["hf", "pull", i["ds"], "--into", "raw.ds", "--quiet"]),
    "video_ingest": (None, lambda i: ["video", "ingest", i["clip"], "--annotations", i["mot"],
                                      "--into", "video.f", "--fragment-seconds", "1", "--quiet"]),
    "version_put": (None, lambda i: ["version", "put", i["folder"], "ds", "--quiet"]),
}


# --- reading a lake fresh -------------------------------------------------------------

def catalog_rows(lake, query):
    with sqlite3.connect(f"file:{os.path.join(lake, 'metadata.sqlite')}?mode=ro", uri=True) as c:
        return c.execute(query).fetchall()


def check_files(lake):
    """Every data and delete file the catalog references exists with its recorded size."""
    q = """SELECT s.path || t.path || f.path, f.file_size_bytes FROM {} f
           JOIN ducklake_table t ON t.table_id = f.table_id
           JOIN ducklake_schema s ON s.schema_id = t.schema_id"""
    for kind in ("ducklake_data_file", "ducklake_delete_file"):
        for path, size in catalog_rows(lake, q.format(kind)):
            full = os.path.join(lake, "data", path)
            assert os.path.exists(full), f"the catalog references a missing file: {path}"
            assert os.path.getsize(full) == size, f"{path} has the wrong size"


def catalog_dump(lake):
    """Every row of every catalog table (the cheap comparison with 'before')."""
    names = [r[0] for r in catalog_rows(
        lake, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {n: sorted(map(repr, catalog_rows(lake, f'SELECT * FROM "{n}"'))) for n in names}


def fresh_read(lake, env):
    """The lake as a reader sees it: snapshots (without times) and every table's rows."""
    check_files(lake)
    tables = catalog_rows(lake, """SELECT s.schema_name, t.table_name FROM ducklake_table t
        JOIN ducklake_schema s USING (schema_id) WHERE t.end_snapshot IS NULL
        ORDER BY 1, 2""")
    stmts = ["SELECT snapshot_id, schema_version, changes FROM ducklake_snapshots('lake') ORDER BY 1"]
    # the outbox's event ids and the registry's times (created_at...) differ per run;
    # what each row says does not
    stmts += [f'SELECT subject, payload FROM "{s}"."{t}" ORDER BY ALL'
              if (s, t) == ("events", "log") else
              f'SELECT COLUMNS(c -> NOT regexp_matches(c, \'_at$\')) FROM "{s}"."{t}" ORDER BY ALL'
              for s, t in tables]
    p = lh(lake, "--format", "json", "sql", "-c", "; ".join(stmts), env=env)
    # files awaiting deletion: what expire adds and cleanup removes
    pending = catalog_rows(lake, "SELECT count(*) FROM ducklake_files_scheduled_for_deletion")
    # asset URIs may hold the lake's absolute path, which differs per copy
    return {"tables": tables, "out": p.stdout.replace(lake, "<lake>"), "pending": pending}


# --- one run with a fault ---------------------------------------------------------------

class Scenario:
    def __init__(self, name, work, inputs):
        self.name, self.work = name, work
        setup, args, *first_step = SCENARIOS[name]
        self.args = args(inputs)
        self.template = os.path.join(work, "template")
        env = base_env(work)
        lh(None, "init", self.template, env=env)
        if setup:
            setup(self.template, env, inputs)
        self.before_dump = catalog_dump(self.template)
        self.before = fresh_read(self.template, env)
        rep = self.run(None, "reference")
        assert rep["rc"] == 0, f"{name} fails without a fault:\n{rep['stderr']}"
        self.after = rep["state"]
        self.calls = rep["calls"]
        assert self.after != self.before, f"{name} changes nothing"
        self.between = []
        if first_step:
            full = self.args
            self.args = first_step[0](inputs)
            step = self.run(None, "first-step")
            assert step["rc"] == 0, f"{name}'s first step fails:\n{step['stderr']}"
            self.between = [step["state"]]
            self.args = full

    def run(self, spec, tag):
        """Runs the command on a copy of the lake with LH_FAULT=spec; returns the outcome."""
        tmp = tempfile.mkdtemp(prefix=f"{tag}-", dir=self.work)
        try:
            lake = os.path.join(tmp, "lake")
            shutil.copytree(self.template, lake, symlinks=True)
            env = base_env(tmp)
            report = os.path.join(tmp, "report")
            fenv = dict(env, LH_FAULT_REPORT=report)
            if spec:
                fenv["LH_FAULT"] = spec
            p = lh(lake, *self.args, env=fenv, check=False)
            # a sanitizer report ends the process without the fault report
            assert os.path.exists(report) and "Sanitizer" not in p.stderr and \
                "runtime error:" not in p.stderr and p.returncode >= 0, \
                f"{self.name} with LH_FAULT={spec}: sanitizer report or crash ({p.returncode}):\n{p.stderr}"
            calls, fired = {}, {}
            with open(report) as f:
                for line in f:
                    point, c, n = line.split()
                    calls[point], fired[point] = int(c), int(n)
            out = {"rc": p.returncode, "stderr": p.stderr, "calls": calls,
                   "fired": sum(fired.values()) > 0}
            if p.returncode == 0 or catalog_dump(lake) != self.before_dump:
                out["state"] = fresh_read(lake, env)
            else:
                check_files(lake)
                out["state"] = self.before
            return out
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def check(self, point, n):
        spec = f"{point}:{n}"
        r = self.run(spec, f"{point}{n}")
        where = f"{self.name} with LH_FAULT={spec}"
        if r["rc"] == 0:
            assert r["state"] == self.after, \
                f"{where}: succeeded but the lake is not 'after': {diff(r['state'], self.after)}"
        else:
            assert r["fired"], f"{where}: failed although no fault fired:\n{r['stderr']}"
            msg = r["stderr"]
            assert r["rc"] == 1 and msg.startswith("Error: ") and len(msg.strip()) > 7, \
                f"{where}: exit {r['rc']} without a clear message: {msg!r}"
            assert "unknown error" not in msg, f"{where}: {msg!r}"
            want = EXPECT.get(point)
            assert want is None or want in msg.lower(), f"{where}: the message does not say {want!r}: {msg!r}"
            assert r["state"] in (self.before, self.after, *self.between), \
                f"{where}: the lake is neither 'before' nor 'after' ({msg.strip()}): " \
                f"{diff(r['state'], self.before)}"
        return r


def diff(got, want):
    """The first line where two fresh reads differ (for the failure message)."""
    for key in want:
        if got.get(key) != want[key]:
            a, b = str(got.get(key)).splitlines(), str(want[key]).splitlines()
            for x, y in zip(a + [""] * len(b), b + [""] * len(a)):
                if x != y:
                    return f"{key}: got {x[:300]!r}, expected {y[:300]!r}"
    return "?"


def sample(total):
    """The Ns to try at a point the reference run called `total` times: all of them, or in
    the short version, for a point called often (alloc), SPREAD of them evenly spread
    (the first calls are start-up, the same in every scenario: the create scenario takes
    every one of the first DENSE)."""
    if FULL or total <= SPREAD:
        return list(range(1, total + 1))
    step = total / SPREAD
    return sorted({max(1, int(step * k)) for k in range(1, SPREAD + 1)} | {total})


def selected(env_name, names):
    want = os.environ.get(env_name)
    return [n for n in names if not want or n in want.split(",")]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = str(tmp_path_factory.mktemp("inputs"))
    return make_inputs(d, base_env(d))


@pytest.mark.parametrize("name", selected("LH_TORTURE_SCENARIO", list(SCENARIOS)))
def test_fault_at_every_call(name, inputs, tmp_path):
    sc = Scenario(name, str(tmp_path), inputs)
    failures = []
    for point in selected("LH_TORTURE_POINT", POINTS):
        ns = sample(sc.calls.get(point, 0))
        if name == "create" and point == "alloc" and not FULL:
            ns = sorted(set(ns) | set(range(1, min(DENSE, sc.calls["alloc"]) + 1)))
        with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
            futures = {pool.submit(sc.check, point, n): n for n in ns}
            for fut in concurrent.futures.as_completed(futures):
                try:
                    fut.result()
                except AssertionError as e:
                    failures.append(str(e).split("\nassert ")[0])
        # past the last call the fault no longer fires and the command succeeds (the
        # short version checks this for alloc, the point called most, alone)
        if not FULL and point != "alloc":
            continue
        n = (ns[-1] if ns else 0) + 1
        while True:
            r = sc.check(point, n)
            if not r["fired"]:
                assert r["rc"] == 0, r["stderr"]
                break
            n += 1
    assert not failures, f"{len(failures)} failing runs:\n" + "\n".join(sorted(failures)[:40])
