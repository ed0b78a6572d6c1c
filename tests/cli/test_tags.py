"""Snapshot tags: `lakehouse tag create|list|delete`, AT (TAG => 'name') wherever
AT (VERSION => n) works, and tagged snapshots kept by expiry."""
from lh import run


def snap(lake):
    return int(lake.scalar("SELECT max(snapshot_id) FROM ducklake_snapshots('lake')"))


def test_tags_name_snapshots_for_queries_and_survive_expiry(lake):
    lake.sql("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)")
    first = snap(lake)
    # snapshot 0 is a snapshot like any other (not "the latest")
    p = run("tag", "create", "origin", "--snapshot", "0", lake=lake.dir, check=True)
    assert p.stdout.strip() == "tagged snapshot 0 as 'origin'"
    run("tag", "delete", "origin", lake=lake.dir, check=True)
    p = run("tag", "create", "v1", "--message", "first rows", lake=lake.dir, check=True)
    assert p.stdout.strip() == f"tagged snapshot {first} as 'v1'"
    lake.sql("INSERT INTO t VALUES (2); DELETE FROM t WHERE v = 1")
    run("tag", "create", "before-three", "--snapshot", str(first + 1), lake=lake.dir, check=True)
    lake.sql("INSERT INTO t VALUES (3)")
    # AT (TAG => ...) in a query, a join, a subquery and the source of a write
    assert lake.rows("SELECT v FROM t AT (TAG => 'v1')") == [["v"], ["1"]]
    assert lake.rows("SELECT count(*) FROM t a AT (TAG => 'v1'), t b AT (TAG => 'before-three') "
                     "WHERE a.v < b.v") == [["count_star()"], ["1"]]
    lake.sql("CREATE TABLE old AS SELECT * FROM t AT (TAG => 'v1')")
    assert lake.rows("FROM old") == [["v"], ["1"]]
    # a string that only looks like the clause is left alone
    assert lake.rows("SELECT 'AT (TAG => ''v1'')' AS s") == [["s"], ["AT (TAG => 'v1')"]]
    listed = lake.rows("SELECT tag_name, snapshot_id, message FROM lakehouse_tags('lake') "
                       "ORDER BY tag_name")
    assert listed == [["tag_name", "snapshot_id", "message"],
                      ["before-three", str(first + 1), ""], ["v1", str(first), "first rows"]]
    assert "v1" in run("tag", "list", lake=lake.dir, check=True).stdout
    # expiry keeps tagged snapshots, and refuses to expire one by name
    run("expire", "--keep-last", "1", lake=lake.dir, check=True)
    kept = [r[0] for r in lake.rows("SELECT snapshot_id FROM ducklake_snapshots('lake') "
                                    "ORDER BY 1")[1:]]
    assert str(first) in kept and str(first + 1) in kept and len(kept) == 3, kept
    assert lake.rows("SELECT v FROM t AT (TAG => 'v1')") == [["v"], ["1"]]
    err = lake.fail(f"CALL ducklake_expire_snapshots('lake', versions => [{first}])")
    assert "tagged 'v1'" in err
    # errors: taken name, unknown tag, missing snapshot, no name
    p = run("tag", "create", "v1", lake=lake.dir)
    assert p.returncode == 1 and f"already names snapshot {first}" in p.stderr
    assert "no tag 'nope'" in lake.fail("SELECT * FROM t AT (TAG => 'nope')")
    p = run("tag", "create", "x", "--snapshot", "999", lake=lake.dir)
    assert p.returncode == 1 and "999 does not exist" in p.stderr
    assert run("tag", "create", lake=lake.dir).returncode == 2

    # deleting a tag lets expiry take its snapshot
    run("tag", "delete", "v1", lake=lake.dir, check=True)
    p = run("tag", "delete", "v1", lake=lake.dir)
    assert p.returncode == 1 and "no tag 'v1'" in p.stderr
    run("expire", "--keep-last", "1", lake=lake.dir, check=True)
    kept = [r[0] for r in lake.rows("SELECT snapshot_id FROM ducklake_snapshots('lake')")[1:]]
    assert str(first) not in kept and str(first + 1) in kept
