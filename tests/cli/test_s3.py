"""Lakes on S3 (a real Ceph RADOS Gateway): the read-through cache, pruning with min/max
statistics, clear errors, and faults injected between the lake and the server."""
import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest

from lh import DATA, Lake, environ, run, s3_client, s3_env

pytestmark = pytest.mark.skipif(DATA != "s3", reason="runs on the S3 store only")
HERE = os.path.dirname(os.path.abspath(__file__))
FILES = 10


def cached(cache):
    """Copies of data files in a cache folder."""
    out = []
    for d, _, files in os.walk(os.path.join(cache, "objects")):
        out += [f for f in files if f.endswith(".parquet")]
    return out


def fill_ten(lake):
    """A table of FILES data files, file i holding ids [1000 i, 1000 i + 999]."""
    lake.sql("CREATE TABLE t (id BIGINT, v DOUBLE, tag VARCHAR)")
    for i in range(FILES):
        lake.sql(f"INSERT INTO t SELECT {i * 1000} + range, range / 7, 'f{i}' FROM range(1000)")
    return lake


@pytest.fixture(scope="module")
def ten_files():
    """One such lake for the tests that only read it (each with its own cache folder)."""
    lk = fill_ten(Lake())
    yield lk
    lk.close()


def query(lake, sql, cache, extra=None):
    env = {"LAKEHOUSE_CACHE_DIR": str(cache)}
    env.update(extra or {})
    return run("sql", "--format", "csv", "-c", sql, lake=lake.dir, env=env)


def test_selective_query_fetches_only_files_that_can_match(ten_files, tmp_path):
    cache = tmp_path / "cold"
    p = query(ten_files, "SELECT count(*), min(id), max(id) FROM t WHERE id BETWEEN 3100 AND 3200",
              cache)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[1] == "101,3100,3200"
    assert len(cached(cache)) == 1
    # equality, IN lists, both sides of a comparison, an alias and a join
    p = query(ten_files, "SELECT count(*) FROM t x WHERE 5000 <= x.id AND x.id < 5010 "
                         "AND x.id IN (5001, 5002, 9999999)", cache)
    assert p.stdout.splitlines()[1] == "2"
    assert len(cached(cache)) == 2
    p = query(ten_files, "SELECT count(*) FROM t JOIN (SELECT 1 AS k) u ON true WHERE t.id = 42",
              cache)
    assert p.stdout.splitlines()[1] == "1"
    assert len(cached(cache)) == 3
    # nothing can match: nothing is fetched, and the answer is still right
    p = query(ten_files, "SELECT count(*) FROM t WHERE id > 1000000", cache)
    assert p.stdout.splitlines()[1] == "0" and len(cached(cache)) == 3
    # a predicate pruning cannot use reads everything
    p = query(ten_files, "SELECT count(*) FROM t WHERE tag = 'f3' OR id = 1", cache)
    assert p.stdout.splitlines()[1] == "1001"
    assert len(cached(cache)) == FILES


def test_pruning_never_changes_answers(lake, tmp_path):
    ten_files = fill_ten(lake)  # its own: this test deletes and updates rows
    ten_files.sql("DELETE FROM t WHERE id % 3 = 0; UPDATE t SET v = -1 WHERE id BETWEEN 4990 AND 5010")
    queries = [
        "SELECT count(*), sum(id) FROM t WHERE id >= 4995 AND id <= 5005",
        "SELECT count(*) FROM t WHERE v = -1",
        "SELECT id FROM t WHERE id IN (2, 3, 4, 9001) ORDER BY id",
        "SELECT count(*) FROM t WHERE id < 0 OR id > 9990",
        "WITH w AS (SELECT * FROM t WHERE id < 100) SELECT count(*) FROM w WHERE id > 50",
        "SELECT count(*) FROM t a JOIN t b ON a.id = b.id + 1 WHERE a.id BETWEEN 10 AND 20 "
        "AND b.id BETWEEN 8000 AND 8001",
        "SELECT count(*) FROM (SELECT * FROM t WHERE id = 7000) s",
        "SELECT (SELECT max(id) FROM t WHERE id < 3000) AS m",
    ]
    pruned = [query(ten_files, q, tmp_path / "c1").stdout for q in queries]
    # the same answers reading every file (a warm cache of the whole table, no pruning
    # needed): a full scan first loads every file
    full = tmp_path / "c2"
    assert query(ten_files, "SELECT count(*) FROM t", full).returncode == 0
    whole = [query(ten_files, "SELECT * FROM (" + q + ") __x", full).stdout for q in queries]
    assert pruned == whole
    assert pruned[0].splitlines()[1] == "7,35002"


def test_warm_cache_reads_without_the_server(ten_files, tmp_path):
    cache = tmp_path / "warm"
    assert query(ten_files, "SELECT count(*) FROM t", cache).stdout.endswith("10000\n")
    dead = subprocess.run([sys.executable, os.path.join(HERE, "..", "servers", "free-port.py")],
                          capture_output=True, text=True, check=True).stdout.strip()
    p = query(ten_files, "SELECT sum(id) FROM t WHERE id < 5000", cache,
              {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{dead}", "LAKEHOUSE_S3_MAX_ATTEMPTS": "1"})
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[1] == str(sum(range(5000)))
    # a cold cache with no server is a clear error
    p = query(ten_files, "SELECT count(*) FROM t", tmp_path / "cold",
              {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{dead}", "LAKEHOUSE_S3_MAX_ATTEMPTS": "1"})
    assert p.returncode == 1 and "S3 GET s3://" in p.stderr and "onnect" in p.stderr


def test_cache_cap_evicts_least_recently_used(ten_files, tmp_path):
    cache = tmp_path / "small"
    env = {"LAKEHOUSE_CACHE_MAX_BYTES": "1", "LAKEHOUSE_CACHE_GRACE_SECONDS": "600"}
    assert query(ten_files, "SELECT count(*) FROM t WHERE id < 2000", cache, env).stdout.endswith("2000\n")
    first = set(cached(cache))
    assert len(first) == 2  # within the grace period: kept, though over the cap
    # age them past the grace period (the cache goes by modification time)
    old = time.time() - 3600
    for root, _, files in os.walk(cache):
        for f in files:
            os.utime(os.path.join(root, f), (old, old))
    assert query(ten_files, "SELECT count(*) FROM t WHERE id >= 8000", cache, env).stdout.endswith("2000\n")
    now = set(cached(cache))
    assert len(now) == 2 and not (now & first)
    # evicted files come back when needed
    assert query(ten_files, "SELECT count(*) FROM t WHERE id < 1000", cache, env).stdout.endswith("1000\n")


def test_processes_share_one_cache(ten_files, tmp_path):
    cache = tmp_path / "shared"
    procs = [subprocess.Popen([os.environ.get("LAKEHOUSE_BIN", "lakehouse"), "--lake", ten_files.dir,
                               "sql", "--format", "csv", "-c", "SELECT sum(id) FROM t"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=environ({"LAKEHOUSE_CACHE_DIR": str(cache)}))
             for _ in range(6)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.splitlines()[1] == str(sum(range(10000)))
    assert len(cached(cache)) == FILES
    assert not [f for d, _, fs in os.walk(cache) for f in fs if ".tmp-" in f]


def test_missing_or_changed_objects_are_clear_errors(lake, tmp_path):
    ten_files = fill_ten(lake)  # its own: this test damages objects
    rows = ten_files.cat("SELECT path, file_size_bytes FROM ducklake_data_file ORDER BY data_file_id")
    client = s3_client()
    client.delete_object(Bucket=ten_files.bucket, Key="lake/main/t/" + rows[0][0])
    p = query(ten_files, "SELECT count(*) FROM t", tmp_path / "a")
    assert p.returncode == 1
    assert "missing from the store" in p.stderr and rows[0][0] in p.stderr
    client.put_object(Bucket=ten_files.bucket, Key="lake/main/t/" + rows[1][0], Body=b"not parquet")
    p = query(ten_files, "SELECT count(*) FROM t WHERE id BETWEEN 1000 AND 1999", tmp_path / "b")
    assert p.returncode == 1
    assert "11 bytes in the store" in p.stderr and f"records {rows[1][1]}" in p.stderr


def test_init_checks_the_data_path(tmp_path):
    p = run("init", tmp_path / "a", "--data", "s3://lh-no-such-bucket-x/lake/")
    assert p.returncode == 1 and "NoSuchBucket" in p.stderr
    assert not (tmp_path / "a" / "lakehouse.conf").exists()
    p = run("init", tmp_path / "b", "--data", "s3://whatever/lake/",
            env={"AWS_SECRET_ACCESS_KEY": "wrong"})
    assert p.returncode == 1 and "SignatureDoesNotMatch" in p.stderr
    p = run("init", tmp_path / "c", "--data", "s3://whatever/lake/",
            env={"AWS_ACCESS_KEY_ID": ""})
    assert p.returncode == 1 and "AWS_ACCESS_KEY_ID" in p.stderr
    # a prefix holding another lake's files is refused
    lk = Lake()
    try:
        lk.sql("CREATE TABLE x AS SELECT 1 AS a")
        p = run("init", tmp_path / "d", "--data", f"s3://{lk.bucket}/lake/")
        assert p.returncode == 1 and "already holds 1 files" in p.stderr
    finally:
        lk.close()


def test_credentials_never_land_in_the_lake(ten_files):
    secret = s3_env()["AWS_SECRET_ACCESS_KEY"]
    for d, _, files in os.walk(ten_files.dir):
        for f in files:
            with open(os.path.join(d, f), "rb") as fh:
                assert secret.encode() not in fh.read(), f


# --- faults between the lake and S3 ---------------------------------------------------------

@pytest.fixture
def proxy(tmp_path):
    port_file = tmp_path / "proxy.port"
    upstream = s3_env()["AWS_ENDPOINT_URL"].rsplit(":", 1)[1]
    p = subprocess.Popen([sys.executable, os.path.join(HERE, "..", "servers", "fault-proxy.py"),
                          upstream, str(port_file), "7"])
    # the proxy writes its port once it listens; no deadline of ours (CTest's bounds it)
    while not port_file.exists() and p.poll() is None:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port_file.read_text()}"

    def faults(rate=None):
        q = f"?rate={rate}" if rate is not None else ""
        with urllib.request.urlopen(url + "/__faults" + q) as r:
            return json.loads(r.read())

    yield url, faults
    p.kill()
    p.wait()


def test_faults_are_retried_and_never_half_applied(lake, proxy, tmp_path):
    url, faults = proxy
    env = {"AWS_ENDPOINT_URL": url, "LAKEHOUSE_CACHE_DIR": str(tmp_path / "c")}

    def sql(text):
        return run("sql", "--format", "csv", "-c", text, lake=lake.dir, env=env)

    lake.sql("CREATE TABLE t (k INT, v INT)")
    expected = {}
    # 1. a fifth of the requests fail: retries make every statement succeed
    faults(0.2)
    for i in range(12):
        p = sql(f"INSERT INTO t SELECT {i} * 100 + range, {i} FROM range(100)")
        assert p.returncode == 0, p.stderr
        expected.update({i * 100 + r: i for r in range(100)})
        if i % 4 == 3:
            p = sql(f"DELETE FROM t WHERE k % 7 = {i % 7}")
            assert p.returncode == 0, p.stderr
            expected = {k: v for k, v in expected.items() if k % 7 != i % 7}
        env["LAKEHOUSE_CACHE_DIR"] = str(tmp_path / f"c{i}")  # reads come from S3 again
        p = sql("SELECT count(*), sum(k), sum(v) FROM t")
        assert p.returncode == 0, p.stderr
        assert p.stdout.splitlines()[1] == \
            f"{len(expected)},{sum(expected)},{sum(expected.values())}"
    hit = faults()
    assert hit["drop"] + hit["lost"] + hit["500"] + hit["503"] + hit["truncate"] >= 10, hit
    # 2. most requests fail and few retries are allowed: statements fail, but each one
    # either happened completely or not at all
    env["LAKEHOUSE_S3_MAX_ATTEMPTS"] = "2"
    faults(0.6)
    failed = 0
    for i in range(12, 24):
        before = lake.snapshot_count()
        p = sql(f"INSERT INTO t SELECT {i} * 100 + range, {i} FROM range(100)")
        if p.returncode == 0:
            expected.update({i * 100 + r: i for r in range(100)})
            assert lake.snapshot_count() == before + 1
        else:
            failed += 1
            assert "S3 " in p.stderr and lake.snapshot_count() == before
    assert failed > 0
    faults(0)
    env.pop("LAKEHOUSE_S3_MAX_ATTEMPTS")
    env["LAKEHOUSE_CACHE_DIR"] = str(tmp_path / "final")
    p = sql("SELECT count(*), sum(k), sum(v) FROM t")
    assert p.stdout.splitlines()[1] == f"{len(expected)},{sum(expected)},{sum(expected.values())}"
    present = set(lake.data_files())
    for path in lake.referenced_files():
        assert path in present, path
