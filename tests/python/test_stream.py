"""Lake.stream from Python: values and types, zero-copy numpy columns, the same order in
every process, a snapshot pinned while another process writes, exact resume, bounded
memory, and clear refusals. The C tests (tests/capi) cover sharding in every mode; these
cover what the binding adds and what needs several processes."""
import ctypes
import json
import os
import subprocess
import sys
import textwrap

import pytest

import lakehouse
from lakehouse import _arrow, _lib

from lakes import BIN, cli, new_lake
ENV = dict(os.environ)


def python(code, *args):
    """Runs code in a new interpreter (a separate process, as a worker would be)."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], env=ENV,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture
def lake_dir(tmp_path):
    d = str(tmp_path / "lake")
    new_lake(d)
    cli(d, "CREATE TABLE t (id BIGINT, x DOUBLE, s VARCHAR);"
           "INSERT INTO t SELECT range, range / 4, 's' || range FROM range(3000);"
           "INSERT INTO t SELECT range, range / 4, 's' || range FROM range(3000, 5000);"
           "DELETE FROM t WHERE id % 7 = 0")
    return d


def test_values_and_types_match_sql(tmp_path):
    d = str(tmp_path / "lake")
    new_lake(d)
    cli(d, "CREATE TABLE v (i INT, big BIGINT, d DOUBLE, f FLOAT, s VARCHAR, b BLOB, ok BOOLEAN, "
           "day DATE, ts TIMESTAMP, l INT[], st STRUCT(a INT, t VARCHAR), dec DECIMAL(9,2));"
           "INSERT INTO v VALUES (1, -5, 0.5, 1.5, 'h\u00e9', '\\x00\\xFF'::BLOB, true, DATE '2026-01-02', "
           "TIMESTAMP '2026-01-02 03:04:05.5', [1, NULL, 3], {'a': 7, 't': 'x'}, 12.34),"
           "(NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)")
    import datetime
    import decimal
    with lakehouse.open(d) as lk:
        with lk.stream("v", shuffle="none") as s:
            batches = list(s)
    assert len(batches) == 1
    b = batches[0]
    assert list(b) == ["i", "big", "d", "f", "s", "b", "ok", "day", "ts", "l", "st", "dec"]
    assert b["i"] == [1, None] and list(b["big"]) == [-5, 2]
    assert b["d"] == [0.5, None] and b["s"] == ["h\u00e9", None] and b["b"] == [b"\x00\xff", None]
    assert b["ok"] == [True, None]
    assert b["day"] == [datetime.date(2026, 1, 2), None]
    assert b["ts"] == [datetime.datetime(2026, 1, 2, 3, 4, 5, 500000), None]
    assert b["l"] == [[1, None, 3], None] and b["st"] == [{"a": 7, "t": "x"}, None]
    assert b["dec"] == [decimal.Decimal("12.34"), None]


def test_fixed_width_columns_are_the_arrow_buffers(lake_dir):
    np = pytest.importorskip("numpy")
    with lakehouse.open(lake_dir) as lk, lk.stream("t", shuffle="none", batch_size=500) as s:
        arr = _arrow.ArrowArray()
        assert _lib.lh_stream_next(s._h, ctypes.byref(arr)) == 0
        ids_buf = arr.children[0].contents.buffers[1]
        x_buf = arr.children[1].contents.buffers[1]
        cols = _arrow.batch_columns(s._schema, arr)
        assert isinstance(cols["id"], np.ndarray) and cols["id"].dtype == np.int64
        assert cols["id"].__array_interface__["data"][0] == ids_buf
        assert cols["x"].__array_interface__["data"][0] == x_buf
        assert cols["s"][:2] == ["s1", "s2"]
        first = cols["id"][:3].tolist()
        del arr, s  # the columns keep the batch alive on their own
    assert first == [1, 2, 3]


def test_without_numpy_columns_are_lists(lake_dir):
    out = python("""
        import sys; sys.modules['numpy'] = None
        import lakehouse
        with lakehouse.open(sys.argv[1]) as lk, lk.stream('t', shuffle='none', batch_size=3) as s:
            b = next(s)
        print(type(b['id']).__name__, b['id'], b['s'])
        """, lake_dir)
    assert out.split()[0] == "list" and "[1, 2, 3] ['s1', 's2', 's3']" in out


ORDER = """
    import sys, json, lakehouse
    lk = lakehouse.open(sys.argv[1])
    ids = []
    with lk.stream('t', shuffle=sys.argv[2], seed=int(sys.argv[3]), epoch=int(sys.argv[4]),
                   batch_size=256, block_size=1000) as s:
        for b in s:
            ids += [int(i) for i in b['id']]
    print(json.dumps(ids))
"""


@pytest.mark.parametrize("mode", ["files", "block", "global"])
def test_same_seed_same_order_in_every_process(lake_dir, mode):
    a = json.loads(python(ORDER, lake_dir, mode, "11", "0"))
    b = json.loads(python(ORDER, lake_dir, mode, "11", "0"))
    c = json.loads(python(ORDER, lake_dir, mode, "11", "1"))
    live = [i for i in range(5000) if i % 7]
    assert a == b and sorted(a) == live
    assert sorted(c) == live and c != a  # a new epoch, a new order
    if mode != "files":
        assert a != live  # shuffled within files too


def test_the_stream_reads_its_snapshot_while_another_process_writes(lake_dir):
    with lakehouse.open(lake_dir) as lk:
        before = lk.sql("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')").rows[0][0]
        with lk.stream("t", shuffle="global", seed=1, batch_size=100) as s:
            assert s.snapshot_id == before
            got = [int(i) for i in next(s)["id"]]
            # another process changes everything the stream reads
            cli(lake_dir, "DELETE FROM t WHERE id < 2500; INSERT INTO t SELECT 9000 + range, 0, '' "
                          "FROM range(50); UPDATE t SET s = 'new' WHERE id > 4000")
            subprocess.run([BIN, "--lake", lake_dir, "compact", "t"], check=True,
                           capture_output=True)
            for b in s:
                got += [int(i) for i in b["id"]]
        assert sorted(got) == [i for i in range(5000) if i % 7]
        assert lk.sql("SELECT count(*) FROM t WHERE id < 2500").rows == [(0,)]


def test_a_tag_pins_the_snapshot_a_stream_reads(lake_dir):
    subprocess.run([BIN, "--lake", lake_dir, "tag", "create", "train-v1"], check=True,
                   capture_output=True)
    cli(lake_dir, "DELETE FROM t WHERE id < 4000")
    with lakehouse.open(lake_dir) as lk:
        with lk.stream("t", tag="train-v1", shuffle="none", batch_size=1000) as s:
            got = [int(i) for b in s for i in b["id"]]
        assert got == [i for i in range(5000) if i % 7]
        with lk.stream("SELECT id FROM t WHERE id < 10", tag="train-v1", shuffle="none") as s:
            assert [int(i) for b in s for i in b["id"]] == [1, 2, 3, 4, 5, 6, 8, 9]
        with pytest.raises(lakehouse.Error, match="no tag 'nope'"):
            lk.stream("t", tag="nope")
        with pytest.raises(lakehouse.Error, match="not both"):
            lk.stream("t", tag="train-v1", version=1)


def test_a_forked_child_leaves_the_parents_stream_alone(lake_dir):
    with lakehouse.open(lake_dir) as lk, lk.stream("t", batch_size=100, seed=2) as s:
        first = [int(i) for i in next(s)["id"]]
        pid = os.fork()
        if pid == 0:  # the child drops its copy: nothing of the parent's is closed
            code = 1
            try:
                s.close()
                code = 0
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        rest = [int(i) for b in s for i in b["id"]]
    assert sorted(first + rest) == [i for i in range(5000) if i % 7]


def test_resume_in_a_new_process_gives_exactly_the_rest(lake_dir):
    full = json.loads(python(ORDER, lake_dir, "block", "5", "2"))
    with lakehouse.open(lake_dir) as lk:
        with lk.stream("t", shuffle="block", seed=5, epoch=2, batch_size=256, block_size=1000) as s:
            head = []
            for _ in range(4):
                head += [int(i) for i in next(s)["id"]]
            state = s.state_dict()
    assert state["snapshot_id"] > 0 and "position=1024" in state["state"]
    rest = json.loads(python("""
        import sys, json, lakehouse
        lk = lakehouse.open(sys.argv[1])
        ids = []
        with lk.stream('t', shuffle='block', seed=5, epoch=2, batch_size=256, block_size=1000,
                       state=json.loads(sys.argv[2])) as s:
            for b in s:
                ids += [int(i) for i in b['id']]
        print(json.dumps(ids))
        """, lake_dir, json.dumps(state)))
    assert head + rest == full


def test_filter_columns_and_rowid(lake_dir):
    with lakehouse.open(lake_dir) as lk:
        with lk.stream("t", columns=["rowid", "s"], filter="id BETWEEN 10 AND 20 AND s <> 's15'",
                       shuffle="none") as s:
            assert s.columns == ["rowid", "s"] and s.total == 9
            b = next(s)
        assert b["s"] == ["s%d" % i for i in range(10, 21) if i % 7 and i != 15]
        rows = lk.sql("SELECT rowid, s FROM t WHERE id BETWEEN 10 AND 20 AND s <> 's15' ORDER BY id")
        assert [int(r) for r in b["rowid"]] == [r[0] for r in rows.rows]


def test_bad_requests_are_refused_clearly(lake_dir):
    with lakehouse.open(lake_dir) as lk:
        for kwargs, says in [({"shuffle": "random"}, "none, files, block, global"),
                             ({"columns": ["nope"]}, "column 'nope' is not in main.t"),
                             ({"filter": "1; DROP TABLE t"}, "one boolean expression"),
                             ({"state": "lhstream1;junk"}, "not a stream state"),
                             ({"rank": 3, "world_size": 2}, "rank 3 is not below world size 2"),
                             ({"version": 10**6}, "snapshot 1000000 does not exist"),
                             ({"prefetch": -1}, "prefetch must be 0 (none) or more")]:
            with pytest.raises(lakehouse.Error) as e:
                lk.stream("t", **kwargs)
            assert says in str(e.value), (kwargs, str(e.value))
        with pytest.raises(lakehouse.Error) as e:
            lk.stream("nosuch")
        assert e.value.status == "LH_ERR_NOT_FOUND"
        assert lk.sql("SELECT count(*) FROM t").rows == [(4285,)]


MEMORY = """
    import sys, lakehouse
    lk = lakehouse.open(sys.argv[1])
    def peak_mib():  # this process's peak RSS (VmHWM: getrusage's would count the parent's)
        with open('/proc/self/status') as f:
            return next(int(l.split()[1]) for l in f if l.startswith('VmHWM')) / 1024
    with lk.stream('tiny', shuffle='none', batch_size=64) as s:
        next(s)  # the library, DuckDB and the catalog are in; nothing of `big` read yet
    base = peak_mib()
    n = 0
    with lk.stream('big', shuffle='block', block_size=16384, batch_size=1024,
                   memory_limit=int(sys.argv[2])) as s:
        for b in s:
            n += len(b['id'])
    print(n, peak_mib() - base)
"""


def test_memory_stays_within_the_budget(tmp_path):
    """A table more than ten times the budget streams with the process's peak RSS growing
    by less than the budget."""
    d = str(tmp_path / "lake")
    new_lake(d)
    cli(d, "CREATE TABLE big (id BIGINT, a VARCHAR, b VARCHAR); INSERT INTO big SELECT range, "
           "md5(range::VARCHAR) || md5((range + 1)::VARCHAR), md5((range * 7)::VARCHAR) || "
           "md5((range * 3)::VARCHAR) FROM range(5000000); "
           "CREATE TABLE tiny AS SELECT range AS id FROM range(10)")
    budget = 64 << 20
    with lakehouse.open(d) as lk:
        size = lk.sql("SELECT sum(8 + strlen(a) + strlen(b)) FROM big").rows[0][0]
    assert size >= 10 * budget
    n, grew_mib = python(MEMORY, d, str(budget)).split()
    assert int(n) == 5000000
    assert float(grew_mib) < budget / 2**20, f"peak RSS grew by {grew_mib} MiB"


def test_a_budget_too_small_says_so(lake_dir):
    with lakehouse.open(lake_dir) as lk:
        cli(lake_dir, "CREATE TABLE w AS SELECT range AS id, md5(range::VARCHAR) || "
                      "md5((range + 1)::VARCHAR) AS a FROM range(200000)")
        threads = "SELECT current_setting('threads')"
        before = lk.sql(threads).rows
        with lk.stream("w", memory_limit=4 << 20) as s:
            with pytest.raises(lakehouse.Error) as e:
                next(s)
        assert lk.sql(threads).rows == before  # the lake's own settings come back
    assert "memory_limit 4 MiB is too small to read main.w" in str(e.value)
    assert "SET threads" not in str(e.value)


def test_fragments_of_a_clip_come_as_playable_mp4(tmp_path):
    """A fragment index row's clip_uri materialises as init segment + that fragment, read
    by two ranged reads, which ffprobe plays with the row's frames."""
    d = str(tmp_path / "lake")
    new_lake(d)
    clip = str(tmp_path / "c.mp4")
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=160x120:rate=10:duration=4", "-c:v", "libx264", "-preset",
                    "ultrafast", "-pix_fmt", "yuv420p", "-g", "10", "-keyint_min", "10",
                    "-sc_threshold", "0", "-bf", "0", clip], check=True)
    subprocess.run([BIN, "--lake", d, "video", "ingest", clip, "--fragment-seconds", "1",
                    "--quiet"], check=True, capture_output=True)
    with lakehouse.open(d) as lk:
        with lk.stream("video.fragments", columns=["fragment_id", "clip_uri", "start_frame",
                                                   "end_frame"],
                       materialize=["clip_uri"], shuffle="global", seed=1) as s:
            assert s.columns == ["fragment_id", "clip", "start_frame", "end_frame"]
            b = next(s)
        sizes = dict(lk.sql("SELECT fragment_id, init_length + byte_length FROM video.fragments").rows)
    assert sorted(b["fragment_id"]) == [0, 1, 2, 3]
    whole = os.path.getsize(clip)
    for fid, data, first, last in zip(b["fragment_id"], b["clip"], b["start_frame"], b["end_frame"]):
        assert len(data) == sizes[int(fid)] < whole
        path = str(tmp_path / f"f{fid}.mp4")
        with open(path, "wb") as f:
            f.write(data)
        probe = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-show_entries",
                                "stream=nb_read_frames", "-of", "json", path],
                               capture_output=True, text=True, check=True)
        frames = json.loads(probe.stdout)["streams"][0]["nb_read_frames"]
        assert int(frames) == int(last) - int(first) + 1


def test_rows_by_position_from_the_random_access_layout(lake_dir, monkeypatch):
    """A global shuffle of a table larger than the stream may hold reads its rows by
    position: through DuckDB from default files, through our page reader from files
    `lakehouse optimize --for random-access` wrote. Same rows, same values, either way."""
    def read_all():
        with lakehouse.open(lake_dir) as lk, lk.stream("t", columns=["id", "x", "s", "rowid"],
                                                       shuffle="global", seed=4,
                                                       batch_size=300) as s:
            out = []
            for b in s:
                out += list(zip((int(i) for i in b["id"]), (float(v) for v in b["x"]), b["s"],
                                (int(r) for r in b["rowid"])))
            return out
    monkeypatch.setenv("LAKEHOUSE_STREAM_MEMORY", "1")
    through_duckdb = read_all()
    p = subprocess.run([BIN, "--lake", lake_dir, "optimize", "t", "--for", "random-access"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    direct = read_all()
    assert direct == through_duckdb  # the same order too: the plan's rows did not move
    assert sorted(r[0] for r in direct) == [i for i in range(5000) if i % 7]
    assert all(s == f"s{i}" and x == i / 4 for i, x, s, _ in direct)
