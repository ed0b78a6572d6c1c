"""Pruning by the catalog's min/max statistics on every store and for strings: a query
reads only the files whose statistics can match its WHERE clause, and answers exactly
what an unpruned read answers."""
import os

from lh import run

PREDICATES = [
    "id = 150", "id IN (5, 250, 399)", "id < 100", "id <= 100", "id > 299", "id >= 300",
    "id BETWEEN 120 AND 180", "s = 'k150'", "s >= 'k3'", "s < 'k1'", "s IN ('k007', 'k399')",
    "x > 2.5", "x <= 0.5", "id = 150 AND s = 'k150'", "s BETWEEN 'k2' AND 'k25'",
]


def files(lake):
    lake.sql("CREATE TABLE t (id BIGINT, s VARCHAR, x DOUBLE)")
    for k in range(4):  # four files: ids 100k..100k+99, strings k<id>, x = k
        lake.sql(f"INSERT INTO t SELECT range, 'k' || lpad(range::VARCHAR, 3, '0'), {k}.0 "
                 f"FROM range({100 * k}, {100 * k + 100})")
    lake.sql("INSERT INTO t VALUES (1000, NULL, 'NaN'::DOUBLE)")


def test_pruned_answers_equal_unpruned_answers(lake):
    files(lake)
    for p in PREDICATES:
        pruned = lake.rows(f"SELECT * FROM t WHERE {p} ORDER BY ALL")
        # an OR with a false constant is not a conjunct the planner prunes with
        full = lake.rows(f"SELECT * FROM t WHERE ({p}) OR (id IS NULL AND id IS NOT NULL) "
                         "ORDER BY ALL")
        assert pruned == full, p
    assert lake.scalar("SELECT count(*) FROM t WHERE x > 2.5") == "101"  # NaN sorts above


def test_a_query_reads_only_the_files_it_can_match(lake):
    files(lake)
    # remove the file holding ids 300..399: only queries that may need it fail
    victim = [p for p in lake.data_files() if p.startswith("main/t/")]
    assert len(victim) == 5
    target = None
    for rel in victim:
        local = lake.local_copy(rel)
        with open(local, "rb") as f:
            if b"k399" in f.read():
                target = rel
    assert target
    if lake.bucket:
        from lh import s3_client
        s3_client().delete_object(Bucket=lake.bucket, Key="lake/" + target)
        import shutil
        shutil.rmtree(lake.cache, ignore_errors=True)
    else:
        os.remove(os.path.join(lake.dir, "data", target))
    assert lake.scalar("SELECT count(*) FROM t WHERE id < 300") == "300"
    assert lake.scalar("SELECT count(*) FROM t WHERE s = 'k150'") == "1"
    assert lake.scalar("SELECT count(*) FROM t WHERE s < 'k3'") == "300"
    for q in ("SELECT count(*) FROM t WHERE id >= 300", "SELECT count(*) FROM t WHERE s >= 'k3'",
              "SELECT count(*) FROM t"):
        p = run("sql", "-c", q, lake=lake.dir)
        assert p.returncode == 1 and "main.t" in p.stderr, q
