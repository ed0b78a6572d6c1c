#!/usr/bin/env python3
"""DuckLake's own sqllogictest files, run through this project's SQL front.

`scripts/ducklake-suite` is the command; this module is its logic. The files run in a few
long-lived worker processes (`runner.py --worker FD`, one per -j), each importing the
binding once and running file after file, each file in a fresh working directory with
fresh sessions; a crash or a hang kills that worker only, fails that file and the worker
is replaced. Statements go through the Python binding (`lakehouse.session(text=True)`), never
through DuckDB directly.

The semantics follow DuckDB's sqllogictest runner (branch v1.4-andium:
test/sqlite/sqllogic_parser.cpp, sqllogic_test_runner.cpp, sqllogic_command.cpp,
result_helper.cpp, test/helpers/test_config.cpp); the places where this runner has to
differ are listed in tests/ducklake/README.md.
"""
import argparse
import gc
import gzip
import hashlib
import json
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VENDORED = os.path.join(HERE, "suite", "test", "sql")
SHARED = os.path.join(os.path.dirname(REPO), "shared", "ducklake-tests", "test", "sql")

# DuckDB's compile-time constants the `require` checks read (release builds of 1.4)
STANDARD_VECTOR_SIZE = 2048
DEFAULT_BLOCK_ALLOC_SIZE = 262144

# the types result_helper.cpp compares as numbers (LogicalType::IsNumeric)
NUMERIC_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE",
                 "DECIMAL", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"}

# tokens of a record that stand alone on their line (SQLLogicParser::IsSingleLineStatement)
SINGLE_LINE = {"hash-threshold", "halt", "mode", "set", "reset", "loop", "foreach",
               "concurrentloop", "concurrentforeach", "endloop", "require", "require-env",
               "test-env", "load", "restart", "reconnect", "sleep", "unzip", "tags"}
KNOWN_TOKENS = SINGLE_LINE | {"skipif", "onlyif", "statement", "query"}
SORT_STYLES = {"nosort": "none", "none": "none", "rowsort": "row", "sort": "row",
               "valuesort": "value"}

# set to 1 (tests/ducklake/test_runner.py does), a file may use the record `__die HOW`
# (exit | segv | abort): the worker running it dies there, as a crash of the library would
# kill it. Unset, `__die` is an unknown record like any other.
HOOKS_ENV = "LH_DUCKLAKE_SUITE_TEST_HOOKS"

MAX_SQL = 160
MAX_TEXT = 400


# --------------------------------------------------------------------------------------
# outcomes of one file
# --------------------------------------------------------------------------------------

class Failed(Exception):
    """The first failing record: stops the file."""

    def __init__(self, line, sql, message):
        super().__init__(message)
        self.line, self.sql, self.message = line, sql, message

    def detail(self, clean=lambda text: text):
        parts = [f"line {self.line}"] if self.line else []
        if self.sql:
            parts.append(one_line(clean(self.sql), MAX_SQL))
        parts.append(one_line(clean(str(self.message)), MAX_TEXT))
        return ": ".join(parts)


class Skipped(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class Halt(Exception):
    pass


def one_line(text, limit):
    text = " ".join(str(text).replace("\t", "\\t").split("\n"))
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 3] + "..."


# --------------------------------------------------------------------------------------
# connections: one lakehouse session per DuckDB connection
# --------------------------------------------------------------------------------------

def import_lakehouse():
    """The binding, retrying a few times: the library may be being rebuilt right now."""
    sys.path.insert(0, os.path.join(REPO, "python"))
    last = None
    for attempt in range(6):
        try:
            import lakehouse  # noqa: E402
            return lakehouse
        except (ImportError, OSError) as e:
            last = e
            sys.modules.pop("lakehouse", None)
            time.sleep(1 + attempt)
    raise RuntimeError(f"cannot import the lakehouse binding: {last}")


ATTACH_RE = re.compile(r"^\s*(ATTACH|DETACH)\b", re.IGNORECASE)


class Connections:
    """The default connection and the named ones (`statement ok con1`). DuckDB's
    connections share one database instance, so what one ATTACHes the others see: a
    named session replays, when it opens, every ATTACH/DETACH that succeeded so far (on
    any connection), and a later ATTACH/DETACH is replayed on the sessions already open."""

    def __init__(self, lakehouse, log):
        self.lh = lakehouse
        self.log = log
        self.attach_log = []
        self.default = self._open()
        self.named = {}

    def _open(self):
        return self.lh.session(text=True)

    def _replayed(self, name):
        con = self._open()
        for sql in self.attach_log:
            try:
                con.sql(sql)
            except self.lh.Error as e:
                self.log(f"    (replaying on {name}: {one_line(sql, 80)}: {one_line(e, 120)})")
        return con

    def get(self, name):
        if not name:
            return self.default
        con = self.named.get(name)
        if con is None:
            con = self.named[name] = self._replayed(name)
        return con

    def run(self, name, sql):
        """(result, None) or (None, error message)."""
        con = self.get(name)
        try:
            res = con.sql(sql)
        except self.lh.Error as e:
            return None, str(e)
        except Exception as e:  # a binding failure (e.g. undecodable text), not SQL's
            return None, f"{type(e).__name__}: {e}"
        if ATTACH_RE.match(sql):
            self.attach_log.append(sql)
            for other_name, other in [("", self.default)] + list(self.named.items()):
                if other is con:
                    continue
                try:
                    other.sql(sql)
                except self.lh.Error as e:
                    self.log(f"    (replaying on {other_name or 'default'}: {one_line(e, 120)})")
        return res, None

    def reconnect(self):
        old = self.default
        self.default = self._replayed("default")
        old.close()

    def restart(self):
        self.close()
        self.attach_log = []
        self.default = self._open()

    def close(self):
        for con in list(self.named.values()) + [self.default]:
            try:
                con.close()
            except Exception:
                pass
        self.named = {}


# {extension name: loaded} of the engine, asked once per worker process (the engine is
# the same for every file the worker runs)
_extensions = None


class Aux:
    """A session of its own for the runner's questions (casts for value comparison, the
    extension list), so they never touch the test's connections."""

    def __init__(self, lakehouse):
        self.lh = lakehouse
        self.con = None

    def session(self):
        if self.con is None:
            self.con = self.lh.session(text=True)
        return self.con

    def try_cast(self, text, type_name):
        """DuckDB's Value(text).TryCastAs(type): the cast value as text, or None."""
        try:
            rows = self.session().sql(f"SELECT TRY_CAST(? AS {type_name})", [text]).rows
        except self.lh.Error:
            return None
        return rows[0][0] if rows else None

    def extension_state(self, name):
        global _extensions
        if _extensions is None:
            rows = self.session().sql(
                "SELECT extension_name, loaded FROM duckdb_extensions()").rows
            _extensions = {r[0]: r[1] == "true" for r in rows}
        return _extensions.get(name)

    def close(self):
        if self.con is not None:
            self.con.close()


# --------------------------------------------------------------------------------------
# commands (sqllogic_command.cpp)
# --------------------------------------------------------------------------------------

class Loop:
    def __init__(self, name, start, end, tokens, parallel, line):
        self.name, self.start, self.end = name, start, end
        self.tokens, self.parallel, self.line = tokens, parallel, line
        self.idx = start
        self.commands = []

    def copy_at(self, idx):
        c = Loop(self.name, self.start, self.end, self.tokens, self.parallel, self.line)
        c.idx = idx
        return c

    def value(self):
        return self.tokens[self.idx] if self.tokens else str(self.idx)


class Command:
    line = 0
    conditions = ()

    def __init__(self, runner):
        self.r = runner

    def execute(self, loops):
        if self.r.finished:
            return
        if not self.r.check_conditions(loops, self.conditions, self.line):
            return
        self.run(loops)

    def run(self, loops):
        raise NotImplementedError


class LoopCommand(Command):
    def __init__(self, runner, loop):
        super().__init__(runner)
        self.loop = loop
        self.line = loop.line

    def run(self, loops):
        if self.loop.parallel:
            self.r.note(f"line {self.loop.line}: concurrent loop run sequentially")
        idx = self.loop.start
        while not self.r.finished:
            running = loops + [self.loop.copy_at(idx)]
            for cmd in self.loop.commands:
                cmd.execute(running)
            idx += 1
            if idx >= self.loop.end:
                break


class SqlCommand(Command):
    connection = ""
    sql = ""

    def text(self, loops):
        return self.r.loop_replacement(self.sql, loops) if loops else self.sql


class StatementCommand(SqlCommand):
    expected = "ok"  # ok | error | maybe
    expected_error = ""

    def run(self, loops):
        sql = self.text(loops)
        self.r.trace(self.line, self.connection, sql)
        _, err = self.r.cons.run(self.connection, sql)
        r = self.r
        if self.expected != "ok":
            # "statement error" never accepts an internal error (TestIsInternalError)
            if err is not None and any(m in err for m in r.always_fail_error_messages):
                raise Failed(self.line, sql, f"internal error: {err}")
            if err is not None and self.expected_error:
                want = self.expected_error
                if want not in err and r.replace_keywords(want) not in err:
                    ok = False
                    if want.startswith("<REGEX>:") or want.startswith("<!REGEX>:"):
                        ok = matches_regex(err + "\n", want)  # the result's ToString()
                    if not ok:
                        r.skip_on_error_message(err)
                        raise Failed(self.line, sql,
                                     f"expected error {one_line(want, 160)!r} got {err}")
                return
            failed = False if self.expected == "maybe" else err is None
        else:
            failed = err is not None
        if failed:
            if self.expected == "ok":
                r.skip_on_error_message(err)
                raise Failed(self.line, sql, err)
            want = (f"expected error {one_line(self.expected_error, 160)!r}"
                    if self.expected_error else "expected an error")
            raise Failed(self.line, sql, f"{want} got success")


class QueryCommand(SqlCommand):
    columns = 0
    values = ()
    sort = "none"
    label = None

    def run(self, loops):
        sql = self.text(loops)
        self.r.trace(self.line, self.connection, sql)
        res, err = self.r.cons.run(self.connection, sql)
        if err is not None:
            self.r.skip_on_error_message(err)
            raise Failed(self.line, sql, err)
        problem = self.r.check_result(self, res, loops)
        if problem:
            raise Failed(self.line, sql, problem)


class RestartCommand(Command):
    def run(self, loops):
        self.r.trace(self.line, "", "restart")
        self.r.cons.restart()


class ReconnectCommand(Command):
    def run(self, loops):
        self.r.trace(self.line, "", "reconnect")
        self.r.cons.reconnect()


class ModeCommand(Command):
    def __init__(self, runner, mode):
        super().__init__(runner)
        self.mode = mode

    def run(self, loops):
        if self.mode == "output_hash":
            self.r.output_hash = True
        elif self.mode == "output_result":
            self.r.output_result = True
        elif self.mode == "no_output":
            self.r.output_hash = self.r.output_result = False
        elif self.mode == "debug":
            pass
        else:
            raise Failed(self.line, "", f"unrecognized mode: {self.mode}")


class SleepCommand(Command):
    UNITS = {"second": 1, "seconds": 1, "sec": 1, "millisecond": 1e-3, "milliseconds": 1e-3,
             "milli": 1e-3, "microsecond": 1e-6, "microseconds": 1e-6, "micro": 1e-6,
             "nanosecond": 1e-9, "nanoseconds": 1e-9, "nano": 1e-9}

    def __init__(self, runner, seconds):
        super().__init__(runner)
        self.seconds = seconds

    def run(self, loops):
        time.sleep(self.seconds)


class UnzipCommand(Command):
    def __init__(self, runner, src, dst):
        super().__init__(runner)
        self.src, self.dst = src, dst

    def run(self, loops):
        self.r.trace(self.line, "", f"unzip {self.src} -> {self.dst}")
        try:
            with gzip.open(self.src, "rb") as f, open(self.dst, "wb") as out:
                shutil.copyfileobj(f, out)
        except OSError as e:
            raise Failed(self.line, "", f"unzip {self.src}: {e}")


class LoadCommand(Command):
    def __init__(self, runner, path):
        super().__init__(runner)
        self.path = path

    def run(self, loops):
        raise Skipped(f"load {self.path}: a DuckDB database file as the main database is not "
                      "something a lakehouse session opens")


class ResetLabelCommand(Command):
    def __init__(self, runner, label):
        super().__init__(runner)
        self.label = label

    def run(self, loops):
        if self.label not in self.r.labels:
            raise Failed(self.line, "", f"reset label {self.label}: no such label")
        del self.r.labels[self.label]


# --------------------------------------------------------------------------------------
# result comparison (result_helper.cpp)
# --------------------------------------------------------------------------------------

HASH_RE = re.compile(r"^[0-9]+ values hashing to [0-9a-z]{32}$")


def matches_regex(text, pattern):
    want = pattern.startswith("<REGEX>:")
    regex = pattern.replace("<REGEX>:", "").replace("<!REGEX>:", "")
    try:
        found = re.fullmatch(regex, text, re.DOTALL) is not None
    except re.error:
        return False
    return found == want


def render(value, type_name):
    """SQLLogicTestConvertValue: NULL, booleans as 1/0, '' as (empty), \\0 escaped."""
    if value is None:
        return "NULL"
    if type_name == "BOOLEAN":
        return "1" if value == "true" else "0"
    if value == "":
        return "(empty)"
    return value.replace("\0", "\\0")


def sort_values(style, values, ncols):
    if style == "value":
        return sorted(values)
    if style == "row" and ncols:
        rows = [values[i:i + ncols] for i in range(0, len(values), ncols)]
        rows.sort()
        return [v for row in rows for v in row]
    return values


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def approx_equal(l, r, single):
    """ApproxEqual (src/common/types.cpp): |l - r| <= |r| * 0.01 + 1e-8."""
    if l != l and r != r:
        return True
    if l in (float("inf"), float("-inf")) or r in (float("inf"), float("-inf")) \
            or l != l or r != r:
        return l == r
    if single:
        return abs(f32(l - r)) <= f32(abs(r) * 0.01 + 0.00000001)
    return abs(l - r) <= abs(r) * 0.01 + 0.00000001


def base_type(type_name):
    """'DECIMAL(9,2)' -> 'DECIMAL'; a nested type ('INTEGER[]', 'STRUCT(...)') as is."""
    m = re.fullmatch(r"\s*([A-Za-z]+)\s*(\(\s*\d+\s*,\s*\d+\s*\))?\s*", type_name)
    return m.group(1).upper() if m else type_name


def csv_values(path):
    """<FILE>: expected values from a '|'-separated CSV with a header."""
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="|"))
    ncols = len(rows[0]) if rows else 0
    return [v if v != "" else "NULL" for row in rows[1:] for v in row], ncols


# --------------------------------------------------------------------------------------
# one file (sqllogic_parser.cpp + SQLLogicTestRunner::ExecuteFile)
# --------------------------------------------------------------------------------------

class FileRunner:
    def __init__(self, path, name, test_dir, verbose, lakehouse, test_env=None):
        self.path, self.name, self.test_dir = path, name, test_dir
        self.verbose = verbose
        self.lh = lakehouse
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        self.lines = [l.replace("\r", "") for l in text.split("\n")]
        if self.lines and self.lines[-1] == "" and text.endswith("\n"):
            self.lines.pop()
        self.current = 0
        self.seen_statement = False
        self.notes = []
        self.finished = False
        self.hash_threshold = 0
        self.output_hash = False
        self.output_result = False
        self.labels = {}
        self.active_loops = []
        self.top_loop = None
        self.ignore_error_messages = ["HTTP", "Unable to connect"]
        self.always_fail_error_messages = ["differs from original result!", "INTERNAL"]
        cwd = os.getcwd()
        test_uuid = str(uuid.uuid4())
        # the test configuration's environment (test_config.cpp UpdateEnvironment) and the
        # runner's own (test_sqllogictest.cpp)
        self.env = {
            "TEST_UUID": test_uuid,
            "BUILD_DIR": os.path.join(REPO, "build"),
            "WORKING_DIR": cwd,
            "DATA_DIR": os.path.join(cwd, "data"),
            "TEMP_DIR": test_dir,
            "CATALOG_DIR": os.path.join(test_dir, test_uuid),
            "TEST_NAME": name,
            "TEST_NAME__NO_SLASH": name.replace("/", "_"),
        }
        # a test configuration's test_env (here --test-env) overrides a file's test-env
        # defaults, as DuckLake's CI does to run the suite on other catalogs
        self.env.update(test_env or {})
        self.config_env = dict(self.env)  # what test-env cannot override
        self.cons = None
        self.aux = None

    # ---- output
    def log(self, text):
        if self.verbose:
            print(text, flush=True)

    def trace(self, line, connection, sql):
        if self.verbose:
            con = f" [{connection}]" if connection else ""
            print(f"  line {line}{con}: {one_line(sql, 300)}", flush=True)

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)
            self.log(f"  note: {text}")

    # ---- substitutions
    def replace_keywords(self, text):
        """SQLLogicTestRunner::ReplaceKeywords + TestConfiguration::ProcessPath: one fresh
        UUID per call (every {UUID} of one record gets the same one)."""
        for key, value in self.env.items():
            text = text.replace("${" + key + "}", value).replace("{" + key + "}", value)
        text = text.replace("{TEST_DIR}", self.test_dir)
        if "{UUID}" in text:
            text = text.replace("{UUID}", str(uuid.uuid4()))
        text = text.replace("{TEST_NAME}", self.name)
        text = text.replace("{BASE_TEST_NAME}", self.name.replace("/", "_"))
        text = text.replace("__TEST_DIR__", self.test_dir)
        text = text.replace("__WORKING_DIRECTORY__", os.getcwd())
        text = text.replace("__BUILD_DIRECTORY__", os.path.join(REPO, "build"))
        return text

    def loop_replacement(self, text, loops):
        for loop in loops:
            replacement = self.replace_keywords(loop.value())
            if "," in loop.name:
                names = loop.name.split(",")
                values = replacement.split(",")
                if len(names) != len(values):
                    raise Failed(loop.line, "", f"foreach loop: number of commas in loop iterator "
                                 f"({loop.name}) does not match number of commas in replacement "
                                 f"({replacement})")
                for n, v in zip(names, values):
                    text = text.replace("${" + n + "}", v)
            else:
                text = text.replace("${" + loop.name + "}", replacement)
        return text

    # ---- parser
    @staticmethod
    def empty_or_comment(line):
        return line == "" or line.startswith("#")

    def next_line_empty_or_comment(self):
        if self.current + 1 >= len(self.lines):
            return True
        return self.empty_or_comment(self.lines[self.current + 1])

    def next_statement(self):
        if self.seen_statement:
            while self.current < len(self.lines) and not self.empty_or_comment(
                    self.lines[self.current]):
                self.current += 1
        self.seen_statement = True
        while self.current < len(self.lines) and self.empty_or_comment(self.lines[self.current]):
            self.current += 1
        return self.current < len(self.lines)

    def extract_statement(self):
        out = []
        while self.current < len(self.lines) and not self.empty_or_comment(
                self.lines[self.current]):
            if self.lines[self.current] == "----":
                break
            out.append(self.lines[self.current])
            self.current += 1
        return "\n".join(out)

    def extract_expected_result(self):
        if self.current < len(self.lines) and self.lines[self.current] == "----":
            self.current += 1
        out = []
        while self.current < len(self.lines) and self.lines[self.current] != "":
            out.append(self.lines[self.current])
            self.current += 1
        return out

    def extract_expected_error(self, expect_ok):
        if self.current >= len(self.lines) or self.lines[self.current] != "----":
            if not expect_ok:
                self.parse_fail("statement error needs to have an expected error message")
            return ""
        if expect_ok:
            self.parse_fail("only statement error can have an expected error message, "
                            "not statement ok")
        self.current += 1
        out = []
        while self.current < len(self.lines) and self.lines[self.current] != "":
            out.append(self.lines[self.current])
            self.current += 1
        return "\n".join(out)

    def tokenize(self):
        if self.current >= len(self.lines):
            return None, []
        words = re.split(r"[ \t\n\v\f\r]+", self.lines[self.current].strip(" \t\n\v\f\r"))
        words = [w for w in words if w]
        if not words:
            self.parse_fail("Empty line!?")
        if words[0] not in KNOWN_TOKENS and not (words[0] == "__die"
                                                 and os.environ.get(HOOKS_ENV) == "1"):
            self.parse_fail(f"Unrecognized parameter {words[0]}")
        return words[0], words[1:]

    def parse_fail(self, message):
        raise Failed(self.current + 1, "", f"parse error: {message}")

    # ---- loop conditions (skipif/onlyif on loop variables)
    @staticmethod
    def parse_conditions(text, skip_if):
        if not any(c in text for c in "=<>"):
            return None
        conditions = []
        for part in text.split("&&"):
            if not part:
                continue
            for op in ("<>", ">=", ">", "<=", "<", "="):
                if op in part:
                    splits = [s for s in part.split(op) if s]
                    break
            if len(splits) != 2:
                raise ValueError("skipif/onlyif must be in the form of x=y or x>y, potentially "
                                 "separated by &&")
            conditions.append((splits[0].strip(), op, splits[1].strip(), skip_if))
        return conditions

    def check_conditions(self, loops, conditions, line):
        if not conditions:
            return True
        if not loops:
            raise Failed(line, "", "Conditions (onlyif/skipif) on loop parameters can only "
                         "occur within a loop")
        for keyword, op, value, skip_if in conditions:
            holds, found = False, False
            for loop in loops:
                if loop.name != keyword:
                    continue
                found = True
                v = loop.value()
                if op == "=":
                    holds = v == value
                elif op == "<>":
                    holds = v != value
                else:
                    a, b = int(v), int(value)
                    holds = {">": a > b, "<": a < b, ">=": a >= b, "<=": a <= b}[op]
            if not found:
                raise Failed(line, "", f"Condition in onlyif/skipif not found: {keyword} must "
                             "be a loop iterator name")
            if holds == skip_if:
                return False
        return True

    # ---- queries' results
    def skip_on_error_message(self, err):
        for m in self.ignore_error_messages:
            if m in err:
                raise Skipped(f"error message matching {m!r} (DuckDB's runner ignores it): "
                              f"{one_line(err, 200)}")

    def values_equal(self, lvalue, rvalue, type_name):
        """TestResultHelper::CompareValues for one value."""
        if lvalue == rvalue or lvalue == self.replace_keywords(rvalue):
            return True
        if rvalue.startswith("<REGEX>:") or rvalue.startswith("<!REGEX>:"):
            if matches_regex(lvalue, rvalue):
                return True
        base = base_type(type_name)
        if base in NUMERIC_TYPES:
            def cast(s):
                if s == "NULL":
                    return True, None
                v = self.aux.try_cast(s, type_name)
                return v is not None, v
            okl, lv = cast(lvalue)
            okr, rv = cast(rvalue)
            if not (okl and okr):
                return False
            if lv is None or rv is None:
                return lv is None and rv is None
            if base in ("FLOAT", "DOUBLE"):
                return approx_equal(float(lv), float(rv), base == "FLOAT")
            return lv == rv
        if base == "BOOLEAN":
            def b(s):
                low = s.lower()
                if low == "true" or s == "1":
                    return 1
                if low == "false" or s == "0":
                    return 0
                return None
            return b(lvalue) == b(rvalue)
        return False

    def check_result(self, q, res, loops):
        """TestResultHelper::CheckQueryResult: None when the result matches, else why not."""
        ncols = len(res.columns)
        nrows = len(res.rows)
        total = ncols * nrows
        values = list(q.values)
        compare_hash = q.label is not None or (self.hash_threshold > 0
                                               and total > self.hash_threshold)
        result_is_hash = len(values) == 1 and HASH_RE.match(values[0]) is not None
        if result_is_hash:
            compare_hash = True
        got = [render(v, res.types[c]) for row in res.rows for c, v in enumerate(row)]
        raw = {}  # DuckDB's runner shows booleans as 1/0; the messages show true/false
        for row in res.rows:
            for c, v in enumerate(row):
                if res.types[c] == "BOOLEAN" and v is not None:
                    raw[render(v, "BOOLEAN")] = v
        if self.output_result:
            self.log("    " + "\n    ".join("\t".join(got[i:i + ncols])
                                           for i in range(0, total, ncols or 1)))
        got = sort_values(q.sort, got, ncols)
        expected_columns = q.columns
        if len(values) == 1 and values[0].startswith("<FILE>:"):
            fname = self.loop_replacement(self.replace_keywords(values[0][len("<FILE>:"):]),
                                          loops)
            try:
                values, expected_columns = csv_values(fname)
            except OSError as e:
                return f"Could not read CSV File \"{fname}\": {e}"
        digest = None
        if self.output_hash or compare_hash:
            md5 = hashlib.md5()
            for v in got[:total]:
                md5.update(v.encode("utf-8", "surrogateescape"))
                md5.update(b"\n")
            digest = f"{total} values hashing to {md5.hexdigest()}"
            if self.output_hash:
                self.log(f"    {digest}")
                return None
        if compare_hash:
            if q.label is not None:
                if q.label not in self.labels:
                    self.labels[q.label] = digest
                elif self.labels[q.label] != digest:
                    return (f"result of label {q.label!r} differs: expected "
                            f"{self.labels[q.label]} got {digest}")
            if result_is_hash and values[0] != digest:
                return f"expected {values[0]} got {digest}"
            return None

        mismatch = expected_columns != ncols
        columns = ncols
        if columns == 0:
            return "the query returned no columns"

        def shown():
            rows = ["\t".join(got[i:i + ncols]) for i in range(0, min(total, 5 * ncols), ncols)]
            more = f" ... ({nrows} rows)" if nrows > 5 else ""
            return "[" + " | ".join(rows) + "]" + more

        def column_problem():
            return f"expected {expected_columns} columns got {ncols}: {shown()}"

        row_wise = columns > 1 and len(values) == nrows
        if not row_wise:
            row_wise = all("\t" in v for v in values)
        if row_wise:
            expected_rows = len(values)
        elif len(values) % columns != 0:
            if mismatch:
                return column_problem()
            return (f"expected values ({len(values)}) not divisible by the column count "
                    f"({columns}): got {shown()}")
        else:
            expected_rows = len(values) // columns
        if expected_rows != nrows:
            if mismatch:
                return column_problem()
            return f"expected {expected_rows} rows got {nrows}: {shown()}"
        if row_wise:
            split = []
            for i, v in enumerate(values[:total]):
                parts = [p for p in v.split("\t") if p] or [v]
                if len(parts) != columns:
                    if mismatch:
                        return column_problem()
                    return (f"expected row {i + 1} has {len(parts)} values, the result has "
                            f"{columns} columns: {one_line(v, 120)}")
                split.extend(parts)
            values = split
        for i in range(min(total, len(values))):
            row, col = divmod(i, columns)
            if not self.values_equal(got[i], values[i], res.types[col]):
                name = res.columns[col] if col < len(res.columns) else str(col + 1)
                shown_value = raw.get(got[i], got[i]) if res.types[col] == "BOOLEAN" else got[i]
                return (f"expected {values[i]!r} got {shown_value!r} (row {row + 1}, column "
                        f"{name}){'; ' + column_problem() if mismatch else ''}")
        if mismatch:
            return column_problem()
        return None

    # ---- require
    def check_require(self, params):
        """True (present), or a skip reason."""
        if not params:
            self.parse_fail("require requires a single parameter")
        param = params[0].lower()
        present = {"notmusl", "notmingw", "notwindows", "64bit", "noforcestorage",
                   "nothreadsan", "strinline", "no_alternative_verify", "no_latest_storage",
                   "no_vector_verification", "allow_unsigned_extensions", "longdouble"}
        if param in present:
            return True
        if param == "skip_reload":
            return True
        if param in ("windows", "mingw"):
            return f"require {param} (not this platform)"
        if param in ("vector_size", "exact_vector_size", "block_size", "ram", "disk_space"):
            if len(params) != 2:
                self.parse_fail(f"require {param} requires a parameter")
            if param == "vector_size":
                return True if STANDARD_VECTOR_SIZE >= int(params[1]) else \
                    f"require vector_size {params[1]}"
            if param == "exact_vector_size":
                return True if STANDARD_VECTOR_SIZE == int(params[1]) else \
                    f"require exact_vector_size {params[1]}"
            if param == "block_size":
                return True if DEFAULT_BLOCK_ALLOC_SIZE == int(params[1]) else \
                    f"require block_size {params[1]}"
            need = parse_size(params[1])
            if param == "ram":
                have = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
            else:
                st = os.statvfs(".")
                have = st.f_bavail * st.f_frsize
            return True if have >= need else f"require {param} {params[1]}"
        if param == "no_extension_autoloading":
            if len(params) < 2 or not params[1].startswith('"'):
                self.parse_fail("require no_extension_autoloading needs an explanation string")
            # DuckDB's runner runs such a file when autoloading is off, on a database whose
            # statically linked extensions load only at `require` (so "parquet is missing"
            # until `require parquet`). Our engine loads parquet, json and icu at start.
            return ("require no_extension_autoloading: the file needs a DuckDB whose built-in "
                    "extensions are not loaded until `require`; ours loads parquet, json and icu "
                    "at start")
        if param == "ducklake":
            return True  # our SQL front is the ducklake extension here
        state = self.aux.extension_state(param)
        if state is None:
            raise Failed(self.current + 1, "", f"unknown extension type: {params[0]}")
        if state:
            return True
        return f"requires {param} (not available)"

    # ---- running
    def add(self, cmd):
        if self.active_loops:
            self.active_loops[-1].commands.append(cmd)
        else:
            cmd.execute([])

    def run(self):
        self.aux = Aux(self.lh)
        self.cons = Connections(self.lh, self.log)
        try:
            self.execute_file()
        except Halt:
            pass
        finally:
            self.cons.close()
            self.aux.close()

    def execute_file(self):
        skip_level = 0
        while self.next_statement():
            if self.finished:
                return
            token, params = self.tokenize()
            if token in SINGLE_LINE and not self.next_line_empty_or_comment():
                self.parse_fail("all test statements need to be separated by an empty line")
            conditions = []
            skip_statement = False
            while token in ("skipif", "onlyif"):
                skip_if = token == "skipif"
                if not params:
                    self.parse_fail("skipif/onlyif requires a single parameter "
                                    "(e.g. skipif duckdb)")
                system = params[0].lower()
                try:
                    parsed = self.parse_conditions(system, skip_if)
                except ValueError as e:
                    self.parse_fail(str(e))
                if parsed is None:
                    if (system == "duckdb") == skip_if:
                        skip_statement = True
                        break
                else:
                    conditions.extend(parsed)
                self.current += 1
                token, params = self.tokenize()
                if token is None:
                    self.parse_fail("skipif/onlyif at the end of the file")
            if skip_statement:
                continue
            if skip_level > 0 and token != "mode":
                continue
            line = self.current + 1
            if token == "statement":
                if not params:
                    self.parse_fail("statement requires at least one parameter "
                                    "(statement ok/error)")
                cmd = StatementCommand(self)
                if params[0] == "ok":
                    cmd.expected = "ok"
                elif params[0] == "error":
                    cmd.expected = "error"
                elif params[0] == "maybe":
                    cmd.expected = "maybe"
                else:
                    self.parse_fail("statement argument should be 'ok' or 'error")
                cmd.line = line
                self.current += 1
                text = self.extract_statement()
                if not text:
                    self.parse_fail("Unexpected empty statement text")
                cmd.expected_error = self.extract_expected_error(cmd.expected == "ok")
                cmd.sql = self.replace_keywords(text)
                if len(params) >= 2:
                    cmd.connection = params[1]
                cmd.conditions = conditions
                self.add(cmd)
            elif token == "query":
                if not params:
                    self.parse_fail("query requires at least one parameter (query III)")
                cmd = QueryCommand(self)
                for ch in params[0]:
                    if ch not in "TIR":
                        self.parse_fail(f"unknown type character '{ch}' in string, expected "
                                        "T, I or R only")
                cmd.columns = len(params[0])
                cmd.line = line
                self.current += 1
                cmd.sql = self.replace_keywords(self.extract_statement())
                cmd.values = self.extract_expected_result()
                if len(params) > 1:
                    if params[1] in SORT_STYLES:
                        cmd.sort = SORT_STYLES[params[1]]
                    else:
                        cmd.connection = params[1]
                if len(params) > 2:
                    cmd.label = params[2]
                cmd.conditions = conditions
                self.add(cmd)
            elif token == "hash-threshold":
                if len(params) != 1:
                    self.parse_fail("hash-threshold requires a parameter")
                try:
                    self.hash_threshold = int(params[0])
                except ValueError:
                    self.parse_fail("hash-threshold must be a number")
            elif token == "halt":
                raise Halt()
            elif token == "mode":
                if len(params) != 1:
                    self.parse_fail("mode requires one parameter")
                if params[0] == "skip":
                    skip_level += 1
                elif params[0] == "unskip":
                    skip_level -= 1
                else:
                    cmd = ModeCommand(self, params[0])
                    cmd.line = line
                    self.add(cmd)
            elif token == "set":
                self.do_set(params)
            elif token == "reset":
                if len(params) != 2:
                    self.parse_fail("Expected reset [type] [name] (e.g reset label my_label)")
                if params[0].lower() != "label":
                    self.parse_fail(f"unrecognized reset parameter: {params[0]}")
                cmd = ResetLabelCommand(self, params[1])
                cmd.line = line
                self.add(cmd)
            elif token in ("loop", "concurrentloop"):
                if len(params) != 3:
                    self.parse_fail("Expected loop [iterator_name] [start] [end] "
                                    "(e.g. loop i 1 300)")
                try:
                    start, end = int(params[1]), int(params[2])
                except ValueError:
                    self.parse_fail("loop_start and loop_end must be a number")
                self.start_loop(Loop(params[0], start, end, None, token == "concurrentloop",
                                     line))
            elif token in ("foreach", "concurrentforeach"):
                if len(params) < 2:
                    self.parse_fail("expected foreach [iterator_name] [m1] [m2] [etc...]")
                tokens = []
                for p in params[1:]:
                    if not foreach_token_replace(p, tokens):
                        tokens.append(p)
                self.start_loop(Loop(params[0], 0, len(tokens), tokens,
                                     token == "concurrentforeach", line))
            elif token == "endloop":
                if not self.active_loops:
                    self.parse_fail("endloop without active loop!")
                self.active_loops.pop()
                if not self.active_loops:
                    top, self.top_loop = self.top_loop, None
                    top.execute([])
            elif token == "require":
                ok = self.check_require(params)
                if ok is not True:
                    raise Skipped(ok)
            elif token == "test-env":
                if self.active_loops:
                    self.parse_fail("test-env cannot be called in a loop")
                if len(params) != 2:
                    self.parse_fail("test-env requires 2 arguments: <env name> "
                                    "<default env val>")
                self.env[params[0]] = self.config_env.get(params[0], params[1])
            elif token == "require-env":
                if self.active_loops:
                    self.parse_fail("require-env cannot be called in a loop")
                if len(params) not in (1, 2):
                    self.parse_fail("require-env requires 1 argument: <env name> "
                                    "[optional: <expected env val>]")
                actual = os.environ.get(params[0])
                if actual is None:
                    raise Skipped(f"require-env {params[0]} (not set)")
                if len(params) == 2 and actual != params[1]:
                    raise Skipped(f"require-env {params[0]} {params[1]} "
                                  f"(it is {actual!r})")
                if params[0] in self.env:
                    self.parse_fail(f"Environment variable '{params[0]}' has already been "
                                    "defined")
                self.env[params[0]] = actual
            elif token == "load":
                path = self.replace_keywords(params[0]) if params else ""
                cmd = LoadCommand(self, path)
                cmd.line = line
                self.add(cmd)
            elif token == "restart":
                cmd = RestartCommand(self)
                cmd.line = line
                self.add(cmd)
            elif token == "reconnect":
                cmd = ReconnectCommand(self)
                cmd.line = line
                self.add(cmd)
            elif token == "sleep":
                if len(params) != 2:
                    self.parse_fail("sleep requires two parameter (e.g. sleep 1 second)")
                if params[1] not in SleepCommand.UNITS:
                    self.parse_fail("Unrecognized sleep mode - expected "
                                    "second/millisecond/microescond/nanosecond")
                cmd = SleepCommand(self, int(params[0]) * SleepCommand.UNITS[params[1]])
                cmd.line = line
                self.add(cmd)
            elif token == "unzip":
                if len(params) not in (1, 2):
                    self.parse_fail("unzip requires 1 argument: <path/to/file.db.gz> "
                                    "[optional: <path/to/unzipped_file.db>]")
                src = self.replace_keywords(params[0])
                if not src.endswith(".gz"):
                    self.parse_fail("unzip: input has not a GZIP extension")
                fname = src[src.rfind("/") + 1:-3]
                default = self.replace_keywords("__TEST_DIR__/" + fname)
                dst = self.replace_keywords(params[1]) if len(params) == 2 else default
                if dst == "NULL":
                    dst = default
                cmd = UnzipCommand(self, src, dst)
                cmd.line = line
                self.add(cmd)
            elif token == "tags":
                if not params:
                    self.parse_fail("tags requires >= 1 argument")
            elif token == "__die":  # tests of the runner only (HOOKS_ENV)
                die(params[0] if params else "exit")
        if self.active_loops:
            self.parse_fail("Missing endloop!")

    def start_loop(self, loop):
        cmd = LoopCommand(self, loop)
        if self.active_loops:
            self.active_loops[-1].commands.append(cmd)
        else:
            self.top_loop = cmd
        self.active_loops.append(loop)

    def do_set(self, params):
        if not params:
            self.parse_fail("set requires at least 1 parameter")
        if params[0] in ("ignore_error_messages", "always_fail_error_messages"):
            items = [s.strip() for s in " ".join(params[1:]).split(",")]
            items = [s for s in items if s]
            if params[0] == "ignore_error_messages":
                self.ignore_error_messages = items
            else:
                self.always_fail_error_messages = items
        elif params[0] == "seed":
            if len(params) != 2:
                self.parse_fail("set seed requires a single seed value")
            try:
                seed = float(params[1])
            except ValueError:
                self.parse_fail("set seed requires a floating point parameter")
            _, err = self.cons.run("", f"SELECT SETSEED({seed!r})")
            if err is not None:
                self.parse_fail(f"Failed to set seed: {err}")
        else:
            self.parse_fail(f"unrecognized set parameter: {params[0]}")


def die(how):
    """The `__die` hook: ends this process as a crash would, with no result written."""
    import resource
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file for a planned crash
    sys.stdout.flush()
    sys.stderr.flush()
    print(f"__die {how}", flush=True)
    if how == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif how == "abort":
        os.abort()
    os._exit(3)


def parse_size(text):
    m = re.fullmatch(r"\s*([0-9.]+)\s*([a-zA-Z]*)\s*", text)
    if not m:
        return 0
    units = {"": 1, "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "kib": 1024,
             "mib": 1024 ** 2, "gib": 1024 ** 3, "tib": 1024 ** 4}
    return float(m.group(1)) * units.get(m.group(2).lower(), 1)


def foreach_token_replace(parameter, result):
    """SQLLogicTestRunner::ForEachTokenReplace: <integral>, <compression>, !token..."""
    name = parameter.lower().strip()
    collection = False
    is_all = name == "<alltypes>"
    is_numeric = is_all or name == "<numeric>"
    is_integral = is_numeric or name == "<integral>"
    is_signed = is_integral or name == "<signed>"
    is_unsigned = is_integral or name == "<unsigned>"
    if name.startswith("!"):
        if parameter[1:] not in result:
            return False
        result.remove(parameter[1:])
        collection = True
    if is_signed:
        result += ["tinyint", "smallint", "integer", "bigint", "hugeint"]
        collection = True
    if is_unsigned:
        result += ["utinyint", "usmallint", "uinteger", "ubigint", "uhugeint"]
        collection = True
    if is_numeric:
        result += ["float", "double"]
        collection = True
    if is_all:
        result += ["bool", "interval", "varchar"]
        collection = True
    if name == "<compression>":
        result += ["none", "uncompressed", "rle", "bitpacking", "dictionary", "fsst",
                   "dict_fsst", "alp", "alprd"]
        collection = True
    if name == "<all_types_columns>":
        result += ["bool", "tinyint", "smallint", "int", "bigint", "hugeint", "uhugeint",
                   "utinyint", "usmallint", "uint", "ubigint", "date", "time", "timestamp",
                   "timestamp_s", "timestamp_ms", "timestamp_ns", "time_tz", "timestamp_tz",
                   "float", "double", "dec_4_1", "dec_9_4", "dec_18_6", "dec38_10", "uuid",
                   "interval", "varchar", "blob", "bit", "small_enum", "medium_enum",
                   "large_enum", "int_array", "double_array", "date_array", "timestamp_array",
                   "timestamptz_array", "varchar_array", "nested_int_array", "struct",
                   "struct_of_arrays", "array_of_structs", "map", "union", "fixed_int_array",
                   "fixed_varchar_array", "fixed_nested_int_array",
                   "fixed_nested_varchar_array", "fixed_struct_array",
                   "struct_of_fixed_array", "fixed_array_of_int_list",
                   "list_of_fixed_int_array"]
        collection = True
    return collection


def run_here(job, lakehouse):
    """Runs one file in this process: {"status", "detail", "notes"}."""
    outcome = {"status": "FAIL", "detail": "the runner did not finish", "notes": []}
    runner = None
    test_dir = job["test_dir"]
    cwd = os.getcwd() + "/"

    def clean(text):
        """Stable text: the per-run folders by their names in the files."""
        text = text.replace(test_dir, "__TEST_DIR__")
        text = re.sub(r"__TEST_DIR__/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                      r"[0-9a-f]{12}", "__TEST_DIR__/{UUID}", text)
        return text.replace(cwd, "")

    try:
        if isinstance(lakehouse, Exception):
            raise lakehouse
        test_env = dict(kv.split("=", 1) for kv in job.get("test_env") or ())
        runner = FileRunner(job["file"], job["name"], test_dir, job.get("verbose"), lakehouse,
                            test_env)
        runner.run()
        outcome = {"status": "PASS", "detail": ""}
    except Failed as f:
        outcome = {"status": "FAIL", "detail": f.detail(clean)}
    except Skipped as s:
        outcome = {"status": "SKIP", "detail": s.reason}
    except Exception as e:  # a bug of the runner or the binding: a failure of the file
        outcome = {"status": "FAIL", "detail": f"runner error: {type(e).__name__}: "
                                               f"{one_line(e, MAX_TEXT)}"}
    outcome["detail"] = clean(outcome["detail"])
    outcome["notes"] = runner.notes if runner else []
    return outcome


def worker_main(fd, live):
    """A worker: imports the binding once, then runs the files the parent sends on stdin
    (one JSON object a line) one after another, answering on `fd` (one JSON line each).
    Each file gets its own working directory, $TMPDIR and __TEST_DIR__ (the parent makes
    and removes them) and its own sessions, all closed before the next file starts. Unless
    `live`, what a file prints (Python's and the library's output alike) goes to its
    job's "output" file, which the parent reads."""
    os.set_inheritable(fd, False)
    answers = os.fdopen(fd, "w", encoding="utf-8")
    parent = os.getppid()
    current = {}  # the job running now

    def abandon():
        """The parent is gone (killed by a test harness's timeout, say): nobody else will
        remove this file's folders."""
        if current.get("tmp"):
            shutil.rmtree(current["tmp"], ignore_errors=True)
        os._exit(1)

    def orphaned():
        """A worker stops when its parent goes, even when the file it runs hangs: it is in
        a session of its own, so nothing else would end it."""
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                abandon()

    threading.Thread(target=orphaned, daemon=True).start()
    if not live:
        os.dup2(2, 1)  # between files nothing may reach the parent's stdout
    saved_out, saved_err = os.dup(1), os.dup(2)
    home = os.getcwd()
    tmpdir = os.environ.get("TMPDIR")
    lakehouse = None
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        current["tmp"] = job["tmp"]
        os.chdir(job["cwd"])
        os.environ["TMPDIR"] = job["tmp"]
        tempfile.tempdir = None
        if not live:
            out = os.open(job["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND)
            os.dup2(out, 1)
            os.dup2(out, 2)
            os.close(out)
        try:
            if lakehouse is None:  # once per worker (import_lakehouse retries a while)
                try:
                    lakehouse = import_lakehouse()
                except Exception as e:  # every file of this worker fails with it
                    lakehouse = e
            outcome = run_here(job, lakehouse)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved_out, 1)
            os.dup2(saved_err, 2)
            os.chdir(home)
            if tmpdir is None:
                os.environ.pop("TMPDIR", None)
            else:
                os.environ["TMPDIR"] = tmpdir
            tempfile.tempdir = None
            gc.collect()  # any handle a file left behind is closed before the next one
        try:
            answers.write(json.dumps(outcome) + "\n")
            answers.flush()
        except OSError:  # the parent is gone
            abandon()
        current.clear()
    return 0


# --------------------------------------------------------------------------------------
# the parent: files spread over worker processes, the summary, --expect
# --------------------------------------------------------------------------------------

def suite_root(directory):
    """The folder holding test/ (and data/): the nearest ancestor named 'test' is in it."""
    p = os.path.abspath(directory)
    while True:
        if os.path.basename(p) == "test":
            return os.path.dirname(p)
        parent = os.path.dirname(p)
        if parent == p:
            return os.path.abspath(directory)
        p = parent


def find_files(directory, root):
    out = []
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames.sort()
        for fn in filenames:
            if fn.endswith(".test") or fn.endswith(".test_slow"):
                full = os.path.join(dirpath, fn)
                out.append((os.path.relpath(full, root), full))
    out.sort()
    return out


def signal_name(code):
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class Worker:
    """A worker process (`runner.py --worker FD`) and its pipes: jobs go to its stdin,
    answers come back on a pipe of their own, so nothing a file prints can be taken for
    one. In a session of its own, so killing it kills whatever it started."""

    def __init__(self, live):
        r, w = os.pipe()
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", str(w)]
        if live:
            cmd.append("--live")
        # unbuffered: what a file printed before a crash is in its output
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1")
        try:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, pass_fds=(w,), env=env,
                                         cwd=tempfile.gettempdir(), start_new_session=True)
        except BaseException:
            os.close(r)
            raise
        finally:
            os.close(w)
        self.answers = r
        self.pending = b""

    def run(self, job, timeout):
        """("done", outcome), ("timeout", None) or ("died", exit status)."""
        try:
            self.proc.stdin.write((json.dumps(job) + "\n").encode())
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return "died", self.proc.wait()
        deadline = time.monotonic() + timeout
        while b"\n" not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0:
                return "timeout", None
            ready, _, _ = select.select([self.answers], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.answers, 65536)
            if not chunk:  # the worker is gone
                return "died", self.proc.wait()
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return "done", json.loads(line)

    def interrupt(self):
        """SIGKILL to the worker and what it started; whoever waits on it sees it die."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def kill(self):
        self.interrupt()
        self.proc.wait()
        self.release()

    def close(self):
        """Ends the worker: EOF on its stdin, then SIGKILL if it does not go."""
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()
        self.release()

    def release(self):
        if self.answers is not None:
            os.close(self.answers)
            self.answers = None
        try:
            self.proc.stdin.close()
        except OSError:
            pass


class Pool:
    """N workers, each running one file at a time. A worker that dies (a crash of the
    library, os._exit) or runs a file past the timeout fails that file and is replaced
    (started when its slot next needs it)."""

    def __init__(self, n, root, timeout, verbose, test_env, live):
        self.root, self.timeout, self.verbose = root, timeout, verbose
        self.test_env, self.live = list(test_env), live
        self.slots = [None] * n
        self.lock = threading.Lock()
        self.closed = False

    def run_file(self, slot, rel, full):
        """(status, detail, notes, output, seconds)."""
        tmp = tempfile.mkdtemp(prefix="ducklake-test-")
        start = time.monotonic()
        try:
            test_dir = os.path.join(tmp, "t")
            work = os.path.join(tmp, "cwd")
            os.mkdir(test_dir)
            os.mkdir(work)
            # the working directory: the suite root's entries as symbolic links, so
            # relative paths such as data/... resolve and files a test writes by a relative
            # path land here, not in the suite's folder
            for entry in os.listdir(self.root):
                os.symlink(os.path.join(self.root, entry), os.path.join(work, entry))
            output_path = os.path.join(tmp, "output.log")
            job = {"file": full, "name": rel, "test_dir": test_dir, "cwd": work, "tmp": tmp,
                   "output": output_path, "verbose": self.verbose, "test_env": self.test_env}
            with self.lock:
                if self.closed:
                    raise RuntimeError("the run was interrupted")
                worker = self.slots[slot]
                if worker is None:
                    worker = self.slots[slot] = Worker(self.live)
            how, answer = worker.run(job, self.timeout)
            if how != "done":
                with self.lock:
                    self.slots[slot] = None
                worker.kill()
            seconds = time.monotonic() - start
            try:
                with open(output_path, encoding="utf-8", errors="replace") as f:
                    output = f.read()
            except OSError:
                output = ""
            if how == "timeout":
                return "FAIL", f"timed out after {self.timeout:g} s", [], output, seconds
            if how == "died":
                if answer < 0:
                    return ("FAIL", f"crashed ({signal_name(answer)}){last_lines(output)}", [],
                            output, seconds)
                return ("FAIL", f"the runner exited with status {answer} without a "
                                f"result{last_lines(output)}", [], output, seconds)
            return (answer["status"], answer["detail"], answer.get("notes", []), output,
                    seconds)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def close(self, kill=False):
        """Ends the workers: at the end of the run (each has finished its last file), or
        `kill`ed in the middle of one (the threads running files then see them die)."""
        with self.lock:
            self.closed = True
            workers = [w for w in self.slots if w is not None]
            if not kill:
                self.slots = [None] * len(self.slots)
        if kill:
            for w in workers:
                w.interrupt()
            return
        for w in workers:  # EOF to all first, so they wind down side by side
            try:
                w.proc.stdin.close()
            except OSError:
                pass
        for w in workers:
            w.close()


def last_lines(output):
    lines = [l for l in output.strip().splitlines() if l.strip()]
    return (": " + one_line(" / ".join(lines[-3:]), 300)) if lines else ""


def longest_first(files):
    """Indexes of `files`, the likely longest first (by size: the slow files are the long
    ones), so the run does not end on one long file while the other workers idle."""
    def size(i):
        try:
            return os.path.getsize(files[i][1])
        except OSError:
            return 0
    return sorted(range(len(files)), key=lambda i: (-size(i), files[i][0]))


def read_expect(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                names.append(line)
    return names


EXPECT_HEADER = """\
# DuckLake's own sqllogictest files (tests/ducklake/suite/) that pass through our SQL front.
# `make test` fails when one of them stops passing (scripts/ducklake-suite --expect). The list
# only grows: add files as they start to pass (the runner names them), never remove one to
# make a regression go away. Regenerate with scripts/ducklake-suite --write-expect FILE.
"""


def write_report(path, results, summary):
    with open(path, "w", encoding="utf-8") as f:
        f.write("| file | status | first failure or skip reason |\n|---|---|---|\n")
        for rel, (status, detail, notes) in results:
            text = detail or ""
            if notes:
                text = (text + " " if text else "") + "(" + "; ".join(notes) + ")"
            # one line per file: a multi-line expected or got (an EXPLAIN plan) is escaped
            # and cut, so the table stays a table
            text = text.replace("|", "\\|").replace("`", "'").replace("\r", "")
            text = text.replace("\n", "\\n")
            if len(text) > 600:
                text = text[:600] + "..."
            f.write(f"| {rel} | {status} | {text} |\n")
        f.write(f"\n{summary}\n")


def main(argv=None):
    p = argparse.ArgumentParser(
        prog="ducklake-suite",
        description="Runs DuckLake's sqllogictest files (.test) through this project's SQL "
                    "front (the Python binding over build/liblakehouse.so; LAKEHOUSE_LIBRARY "
                    "overrides), in a few long-lived worker processes (a crash or a hang "
                    "fails that file only), and prints PASS, FAIL or SKIP per file and a "
                    "summary line. Without --expect the exit status "
                    "is 0 whatever the files do.",
        epilog="The semantics follow DuckDB's sqllogictest runner; tests/ducklake/README.md "
               "lists where this runner differs.")
    p.add_argument("dir", nargs="?", metavar="DIR",
                   help="folder of .test files (default: ../shared/ducklake-tests/test/sql "
                        "beside the repository if it exists, else tests/ducklake/suite/test/sql)")
    p.add_argument("--expect", metavar="FILE",
                   help="files expected to pass (paths like test/sql/x/y.test, # comments): "
                        "exit 1 if one of them does not pass")
    p.add_argument("--only-expected", action="store_true",
                   help="with --expect: run only the files it lists (quicker; new passes are "
                        "then not looked for)")
    p.add_argument("--write-expect", metavar="FILE", help="write the files that pass to FILE")
    p.add_argument("--report", metavar="FILE",
                   help="write a Markdown table: file, status, first failure or skip reason")
    p.add_argument("-j", type=int, default=2, metavar="N",
                   help="worker processes, i.e. files run in parallel (default 2)")
    p.add_argument("--timeout", type=float, default=120, metavar="SECONDS",
                   help="per file (default 120); a file that takes longer fails")
    p.add_argument("-k", metavar="PATTERN", help="only files whose path contains PATTERN")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print every statement as it runs")
    p.add_argument("--test-env", action="append", metavar="NAME=VALUE",
                   help="a value for `test-env NAME` that overrides the file's default, as a "
                        "DuckDB test configuration's test_env does (e.g. DUCKLAKE_CONNECTION="
                        "sqlite:__TEST_DIR__/{UUID}.db runs the files on a SQLite catalog)")
    # a worker's interface: jobs on stdin, answers on file descriptor FD
    p.add_argument("--worker", type=int, metavar="FD", help=argparse.SUPPRESS)
    p.add_argument("--live", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    for kv in args.test_env or ():
        if "=" not in kv:
            p.error(f"--test-env {kv}: expected NAME=VALUE")
    if args.worker is not None:
        return worker_main(args.worker, args.live)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the run quietly

    def terminated(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminated)  # ends the workers too (see main's loop)

    directory = args.dir or (SHARED if os.path.isdir(SHARED) else VENDORED)
    if not os.path.isdir(directory):
        print(f"ducklake-suite: no such folder: {directory}", file=sys.stderr)
        return 2
    lib = os.environ.get("LAKEHOUSE_LIBRARY") or os.path.join(REPO, "build", "liblakehouse.so")
    if not os.path.exists(lib):
        print(f"ducklake-suite: {lib} not found: run `make build` first (or set "
              "LAKEHOUSE_LIBRARY)", file=sys.stderr)
        return 2
    directory = os.path.abspath(directory)  # the files run in other working directories
    root = suite_root(directory)
    files = find_files(directory, root)
    if args.k:
        files = [(rel, full) for rel, full in files if args.k in rel]
    if args.only_expected:
        if not args.expect:
            p.error("--only-expected needs --expect FILE")
        listed = set(read_expect(args.expect))
        files = [(rel, full) for rel, full in files if rel in listed]
    if not files:
        print(f"ducklake-suite: no .test files under {directory}"
              + (f" matching {args.k!r}" if args.k else ""), file=sys.stderr)
        return 2

    results = [None] * len(files)
    done = [threading.Event() for _ in files]
    jobs = longest_first(files)
    jobs_lock = threading.Lock()
    n = max(1, min(args.j, len(files)))
    live = args.verbose and n <= 1
    pool = Pool(n, root, args.timeout, args.verbose, args.test_env or (), live)

    def feed(slot):
        """One slot of the pool: takes the next file until none is left."""
        while True:
            with jobs_lock:
                if not jobs or pool.closed:
                    return
                i = jobs.pop(0)
            rel, full = files[i]
            try:
                if live:
                    print(f"== {rel}", flush=True)
                results[i] = pool.run_file(slot, rel, full)
            except Exception as e:
                results[i] = ("FAIL", f"runner error: {type(e).__name__}: {e}", [], "", 0.0)
            done[i].set()

    start = time.monotonic()
    threads = [threading.Thread(target=feed, args=(slot,), daemon=True) for slot in range(n)]
    try:
        for t in threads:
            t.start()
        # print in file order as results arrive
        for i, (rel, _) in enumerate(files):
            done[i].wait()
            status, detail, notes, output, seconds = results[i]
            if args.verbose and not live:
                print(f"== {rel} ({seconds:.1f} s)")
                if output.strip():
                    print(output.rstrip())
            print(f"{status} {rel}" + (f": {detail}" if detail else ""), flush=True)
    except BaseException:  # ^C, SIGTERM: no worker outlives the run
        pool.close(kill=True)
        for t in threads:  # each removes the folders of the file it was running
            t.join(timeout=5)
        raise
    pool.close()
    elapsed = time.monotonic() - start

    by = {s: [rel for (rel, _), r in zip(files, results) if r[0] == s]
          for s in ("PASS", "FAIL", "SKIP")}
    summary = (f"ducklake suite: {len(by['PASS'])} passed, {len(by['FAIL'])} failed, "
               f"{len(by['SKIP'])} skipped of {len(files)} files")
    if args.verbose:
        print(f"({elapsed:.1f} s)")
    if args.report:
        write_report(args.report, [(rel, r[:3]) for (rel, _), r in zip(files, results)],
                     summary)
    if args.write_expect:
        with open(args.write_expect, "w", encoding="utf-8") as f:
            f.write(EXPECT_HEADER)
            for rel in by["PASS"]:
                f.write(rel + "\n")
    status = 0
    if args.expect:
        expected = read_expect(args.expect)
        ran = {rel: r for (rel, _), r in zip(files, results)}
        all_files = {rel for rel, _ in find_files(directory, root)}
        regressions = []
        for rel in expected:
            if rel in ran:
                if ran[rel][0] != "PASS":
                    regressions.append(f"{rel}: {ran[rel][0]}"
                                       + (f": {ran[rel][1]}" if ran[rel][1] else ""))
            elif rel not in all_files:
                regressions.append(f"{rel}: not found under {directory}")
        new = [rel for rel in by["PASS"] if rel not in set(expected)]
        for r in regressions:
            print(f"REGRESSION {r}")
        if new:
            print(f"new passes: add them to {args.expect}: " + " ".join(new))
        if regressions:
            status = 1
    print(summary, flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
