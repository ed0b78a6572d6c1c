"""BEGIN ... COMMIT makes one snapshot; ROLLBACK leaves no trace; a failed statement
inside a transaction is undone by itself."""

from lh import open_transaction, run


def test_commit_makes_one_snapshot(lake):
    lake.sql("CREATE TABLE t (a INT)")
    n = lake.snapshot_count()
    out = lake.sql("BEGIN; INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); "
                   "DELETE FROM t WHERE a = 1; UPDATE t SET a = 20 WHERE a = 2; "
                   "CREATE TABLE u AS SELECT 5 AS b; SELECT count(*) AS n FROM t; COMMIT")
    assert "n\n1\n" in out  # reads inside the transaction see its own writes
    assert lake.snapshot_count() == n + 1
    assert lake.rows("FROM t") == [["a"], ["20"]]
    assert lake.rows("FROM u") == [["b"], ["5"]]
    changes = lake.cat("SELECT changes_made FROM ducklake_snapshot_changes ORDER BY snapshot_id "
                       "DESC LIMIT 1")[0][0]
    assert changes == 'created_table:"main"."u",inserted_into_table:1,inserted_into_table:2'
    # rows written and deleted in the same transaction never reach a file
    assert lake.cat("SELECT count(*) FROM ducklake_delete_file") == [(0,)]
    live = lake.referenced_files()
    assert sorted("main/" + p.split("main/", 1)[1] for p in live) == lake.data_files()


def test_rollback_leaves_no_trace(lake):
    lake.sql("CREATE TABLE t (a INT); INSERT INTO t VALUES (1)")
    n, files = lake.snapshot_count(), lake.data_files()
    out = lake.sql("BEGIN; INSERT INTO t VALUES (2); CREATE TABLE x AS SELECT 1 AS y; "
                   "DELETE FROM t WHERE a = 1; SELECT count(*) AS c FROM t; ROLLBACK; "
                   "SELECT count(*) AS c FROM t")
    assert out.endswith("c\n1\n")
    assert lake.snapshot_count() == n
    assert lake.data_files() == files
    assert not lake.staging_leftovers()


def test_failed_statement_inside_transaction_is_undone_alone(lake):
    lake.sql("CREATE TABLE t (a INT NOT NULL)")
    p = run("sql", "--format", "csv", lake=lake.dir,
            input="BEGIN;\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (NULL);\n"
                  "INSERT INTO t VALUES (2);\nCOMMIT;\nSELECT sum(a) AS s FROM t;\n")
    assert "NOT NULL" in p.stderr
    assert p.stdout.strip().endswith("s\n3")
    assert len(lake.data_files()) == 2


def test_transaction_control_errors(lake):
    assert "no transaction is open" in lake.fail("COMMIT")
    assert "no transaction is open" in lake.fail("ROLLBACK")
    assert "already open" in lake.fail("BEGIN; BEGIN")


def test_unfinished_transaction_is_rolled_back_at_exit(lake):
    lake.sql("CREATE TABLE t (a INT)")
    n = lake.snapshot_count()
    lake.sql("BEGIN; INSERT INTO t VALUES (1)")
    assert lake.snapshot_count() == n
    assert lake.scalar("SELECT count(*) FROM t") == "0"
    assert lake.data_files() == []


def test_files_of_a_table_dropped_in_the_transaction_go_at_once(lake):
    """DuckLake removes what a transaction wrote for a table it then dropped at the DROP,
    not at COMMIT; a statement that fails afterwards does not bring them back."""
    lake.sql("CREATE TABLE keep (i INT); INSERT INTO keep VALUES (1)")
    before = set(lake.data_files())
    a = open_transaction(lake, "CREATE TABLE dropme (i INT); INSERT INTO dropme VALUES (42); "
                               "INSERT INTO keep VALUES (2)")
    written = set(lake.data_files()) - before
    assert len(written) == 2 and sum("dropme/" in p for p in written) == 1, written
    a.stdin.write("DROP TABLE dropme;\nSELECT 'dropped' AS marker;\n")
    a.stdin.flush()
    for line in a.stdout:
        if line.strip() == "dropped":
            break
    left = set(lake.data_files()) - before
    assert len(left) == 1 and not any("dropme/" in p for p in left), left
    out, err = a.communicate("SELECT * FROM nosuch;\nCOMMIT;\n")
    assert "nosuch" in err
    assert lake.rows("SELECT i FROM keep ORDER BY i")[1:] == [["1"], ["2"]]
    assert set(lake.data_files()) == before | left
