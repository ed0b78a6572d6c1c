"""Helpers for the CLI integration tests: run the real `lakehouse` binary on real lakes.

The binary comes from $LAKEHOUSE_BIN (CTest sets it to the build under test). Every lake
lives in a fresh temporary folder; the catalog is inspected with Python's sqlite3.
"""
import csv
import io
import os
import sqlite3
import subprocess
import tempfile

BIN = os.environ.get("LAKEHOUSE_BIN") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "lakehouse")
GOLDEN = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ducklake-golden")
if not os.path.isdir(GOLDEN):
    GOLDEN = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "fixtures",
                          "ducklake-golden")


def run(*args, lake=None, input=None, check=False, env=None, timeout=300):
    """Runs lakehouse with args; returns CompletedProcess (text)."""
    cmd = [BIN]
    if lake is not None:
        cmd += ["--lake", lake]
    cmd += [str(a) for a in args]
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run(cmd, input=input, capture_output=True, text=True, env=e, timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"{cmd} failed ({p.returncode}):\n{p.stderr}\n{p.stdout}")
    return p


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


class Lake:
    """A fresh lake in a temporary folder."""

    def __init__(self, name="lake"):
        self.tmp = tempfile.TemporaryDirectory(prefix="lh-test-")
        self.dir = os.path.join(self.tmp.name, name)
        run("init", self.dir, check=True)

    def sql(self, text, fmt="csv", check=True):
        return sql(self.dir, text, fmt, check)

    def rows(self, query):
        return rows(self.dir, query)

    def scalar(self, query):
        return scalar(self.dir, query)

    def fail(self, text):
        return fail(self.dir, text)

    def catalog(self):
        return sqlite3.connect(os.path.join(self.dir, "metadata.sqlite"))

    def cat(self, query, params=()):
        with self.catalog() as c:
            return c.execute(query, params).fetchall()

    def snapshot_count(self):
        return self.cat("SELECT count(*) FROM ducklake_snapshot")[0][0]

    def data_files(self):
        """Every file under the data path (relative), excluding staging leftovers."""
        root = os.path.join(self.dir, "data")
        out = []
        for d, _, files in os.walk(root):
            for f in files:
                out.append(os.path.relpath(os.path.join(d, f), root))
        return sorted(p for p in out if not p.startswith(".staging"))

    def referenced_files(self):
        """Full paths of every data/delete file a catalog row refers to."""
        q = """SELECT s.path || t.path || f.path FROM ducklake_data_file f
               JOIN ducklake_table t ON t.table_id = f.table_id
               JOIN ducklake_schema s ON s.schema_id = t.schema_id
               UNION SELECT s.path || t.path || f.path FROM ducklake_delete_file f
               JOIN ducklake_table t ON t.table_id = f.table_id
               JOIN ducklake_schema s ON s.schema_id = t.schema_id"""
        return sorted(set(r[0] for r in self.cat(q)))

    def close(self):
        self.tmp.cleanup()
