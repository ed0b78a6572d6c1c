"""Silent corruption is detected (issue 8, item 4): every file the lake writes has its
checksum recorded in lakehouse_file_checksum at commit; `lakehouse verify` checks them,
and a download from S3 into the cache is checked on the way in."""
import os

import pytest

from lh import CATALOG, DATA, Lake, run, s3_client


def damage(lake, rel, offset=200):
    """Flips bytes inside object `rel` without changing its size."""
    if DATA == "s3":
        path = lake.local_copy(rel)
    else:
        path = os.path.join(lake.dir, "data", rel)
    with open(path, "r+b") as f:
        f.seek(offset)
        b = f.read(8)
        f.seek(offset)
        f.write(bytes(x ^ 0xFF for x in b))
    if DATA == "s3":
        s3_client().upload_file(path, lake.bucket, "lake/" + rel)


def data_file(lake, table="a"):
    return next(p for p in lake.referenced_files()
                if p.startswith(f"main/{table}/") and not p.endswith("-delete.parquet"))


def verify(lake, *args):
    return run("verify", *args, lake=lake.dir)


def test_every_written_file_has_a_checksum(lake):
    lake.sql("CREATE TABLE a(id INT); INSERT INTO a SELECT range FROM range(5000); "
             "DELETE FROM a WHERE id < 10")
    recorded = {r[0] for r in lake.cat("SELECT path FROM lakehouse_file_checksum")}
    assert set(lake.referenced_files()) <= recorded
    assert any(p.endswith("-delete.parquet") for p in recorded)
    p = verify(lake)
    assert p.returncode == 0, p.stderr
    assert "2 ok, 0 damaged" in p.stdout


def test_overwritten_bytes_are_reported_with_table_and_snapshots(lake):
    lake.sql("CREATE TABLE a(id INT); INSERT INTO a SELECT range FROM range(5000)")
    lake.sql("CREATE TABLE b(id INT); INSERT INTO b VALUES (1)")
    rel = data_file(lake)
    damage(lake, rel)
    p = verify(lake)
    assert p.returncode == 1
    assert "DAMAGED data file" in p.stdout and rel in p.stdout
    assert "table main.a, snapshots 2-latest" in p.stdout
    assert "1 damaged" in p.stdout and "damaged file" in p.stderr
    # one table, one snapshot: the other table is fine, snapshot 1 reads no file
    assert verify(lake, "main.b").returncode == 0
    assert verify(lake, "main.a").returncode == 1
    assert verify(lake, "--snapshot", "1").returncode == 0
    assert verify(lake, "--snapshot", "2").returncode == 1
    bad = verify(lake, "--snapshot", "99")
    assert bad.returncode == 1 and "snapshot 99 does not exist" in bad.stderr


def test_missing_and_truncated_files_are_damaged(lake):
    if DATA == "s3":
        pytest.skip("the folder case; S3 is covered by the download test")
    lake.sql("CREATE TABLE a(id INT); INSERT INTO a SELECT range FROM range(5000)")
    lake.sql("INSERT INTO a SELECT range FROM range(5)")
    files = [p for p in lake.referenced_files() if p.startswith("main/a/")]
    os.remove(os.path.join(lake.dir, "data", files[0]))
    with open(os.path.join(lake.dir, "data", files[1]), "r+b") as f:
        f.truncate(10)
    p = verify(lake)
    assert p.returncode == 1
    assert "missing from the store" in p.stdout and "has 10 bytes" in p.stdout


def test_files_without_a_recorded_checksum_are_not_damaged(lake):
    """Lakes written before checksums (or by DuckDB's ducklake) have no table, or no row."""
    if CATALOG == "duckdb":
        pytest.skip("no independent writer for a DuckDB-file catalog here")
    lake.sql("CREATE TABLE a(id INT); INSERT INTO a SELECT range FROM range(100)")
    lake.cat_write("DROP TABLE lakehouse_file_checksum")
    p = verify(lake)
    assert p.returncode == 0, p.stderr
    assert "1 without a recorded checksum" in p.stdout
    assert "no checksum recorded" in verify(lake, "--verbose").stdout
    # reads still work, and the next commit creates the table again
    assert lake.scalar("SELECT count(*) FROM a") == "100"
    lake.sql("INSERT INTO a VALUES (1)")
    assert len(lake.cat("SELECT path FROM lakehouse_file_checksum")) == 1


@pytest.mark.skipif(DATA != "s3", reason="checks downloads into the S3 cache")
def test_damaged_object_in_the_bucket_fails_the_query():
    lk = Lake()
    try:
        lk.sql("CREATE TABLE a(id INT); INSERT INTO a SELECT range FROM range(5000)")
        rel = data_file(lk)
        damage(lk, rel)
        # a fresh cache: the query downloads the object and must not read it
        other = run("sql", "-c", "SELECT sum(id) FROM a", lake=lk.dir,
                    env={"LAKEHOUSE_CACHE_DIR": os.path.join(lk.tmp.name, "cache2")})
        assert other.returncode == 1, other.stdout
        assert rel in other.stderr and "damaged" in other.stderr
    finally:
        lk.close()


def test_verify_help():
    p = run("verify", "--help")
    assert p.returncode == 0 and "usage: lakehouse verify" in p.stdout
    assert run("verify", "--snapshot", "x").returncode == 2
