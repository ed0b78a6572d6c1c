"""Reads work where writes cannot: a lake on a read-only mount, or on a full disk, still
answers queries, and every write fails with a message that says why, changing nothing.

The mounts are real (a read-only bind mount, a small tmpfs filled up), made in a private
user and mount namespace (`unshare -rm`), so the test needs no privileges and leaves no
mount behind. The catalog files are what is at stake, so this runs on the file catalogs
(SQLite, DuckDB) with a local data folder."""
import os
import shlex
import subprocess

import pytest

from lh import BIN, CATALOG, DATA, environ

pytestmark = pytest.mark.skipif(CATALOG == "postgres" or DATA != "fs",
                                reason="a file catalog and a local folder are what a mount holds")


def namespaces_work():
    """Whether a private namespace here may mount a tmpfs and remount a bind read-only."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        probe = f"mount -t tmpfs -o size=1m tmpfs {d} && mount --bind {d} {d} && " \
                f"mount -o remount,bind,ro {d}"
        try:
            return subprocess.run(["unshare", "-rm", "sh", "-c", probe],
                                  capture_output=True).returncode == 0
        except FileNotFoundError:
            return False


needs_ns = pytest.mark.skipif(not namespaces_work(),
                              reason="this machine cannot mount in a private user+mount "
                                     "namespace (unshare -rm), so no test mount can be made")


def in_namespace(tmp_path, setup, steps):
    """Runs shell `setup`, then each step (a list of lakehouse arguments, or a str of
    shell), inside one private namespace; returns [(rc, stdout, stderr)] per step."""
    out = tmp_path / "steps"
    out.mkdir()
    lines = ["set -u", setup]
    for i, step in enumerate(steps):
        cmd = step if isinstance(step, str) else " ".join(map(shlex.quote, [BIN] + step))
        lines.append(f"{cmd} >{out}/{i}.out 2>{out}/{i}.err; echo $? >{out}/{i}.rc")
    p = subprocess.run(["unshare", "-rm", "sh", "-c", "\n".join(lines)], capture_output=True,
                       text=True, env=environ(), timeout=600)
    assert p.returncode == 0, p.stderr
    return [(int((out / f"{i}.rc").read_text()), (out / f"{i}.out").read_text(),
             (out / f"{i}.err").read_text()) for i in range(len(steps))]


def tree(folder):
    """Every file under folder with its size and modification time."""
    found = {}
    for root, _, files in os.walk(folder):
        for f in files:
            st = os.stat(os.path.join(root, f))
            found[os.path.join(root, f)] = (st.st_size, st.st_mtime_ns)
    return found


@needs_ns
def test_read_only_mount_answers_queries_and_refuses_writes(lake, tmp_path):
    lake.sql("CREATE TABLE a AS SELECT range AS i FROM range(10)")
    lake.sql("INSERT INTO a VALUES (100)")
    first = lake.rows("SELECT min(snapshot_id) FROM ducklake_snapshots('lake')")[1][0]
    before = tree(lake.dir)
    d = shlex.quote(lake.dir)
    L = ["--lake", lake.dir]
    res = in_namespace(tmp_path, f"mount --bind {d} {d} && mount -o remount,bind,ro {d}", [
        f"touch {d}/probe",
        L + ["sql", "--format", "csv", "-c", "SELECT count(*), sum(i) FROM a"],
        L + ["sql", "--format", "csv", "-c",
             f"SELECT count(*) FROM a AT (VERSION => {int(first) + 1})"],
        L + ["sql", "--format", "csv", "-c", "SELECT count(*) FROM ducklake_snapshots('lake')"],
        L + ["verify"],
        L + ["sql", "-c", "INSERT INTO a VALUES (1)"],
        L + ["sql", "-c", "CREATE TABLE b (x INT)"],
        L + ["sql", "-c", "DELETE FROM a"],
    ])
    assert res[0][0] != 0 and "Read-only" in res[0][2], res[0]  # the mount really is read-only
    assert res[1][:2] == (0, "count_star(),sum(i)\n11,145\n"), res[1]
    assert res[2][0] == 0 and res[2][1].splitlines()[1] == "10", res[2]
    assert res[3][0] == 0 and int(res[3][1].splitlines()[1]) >= 3, res[3]
    assert res[4][0] == 0 and "0 damaged" in res[4][1], res[4]
    for rc, _, err in res[5:]:
        assert rc == 1, err
        assert "cannot be written (Read-only file system)" in err, err
        assert "reads work" in err, err
    # nothing was written, and the lake is as it was
    assert tree(lake.dir) == before
    assert lake.rows("SELECT count(*) FROM a")[1] == ["11"]


@needs_ns
def test_full_disk_answers_queries_and_says_no_space(tmp_path):
    mnt = tmp_path / "disk"
    mnt.mkdir()
    m = shlex.quote(str(mnt))
    lake = str(mnt / "lake")
    fill = f"{m}/fill"
    init = ["init", lake]
    if CATALOG == "duckdb":
        init += ["--catalog", "duckdb:metadata.ducklake"]
    L = ["--lake", lake]
    count = L + ["sql", "--format", "csv", "-c", "SELECT count(*) FROM a"]
    res = in_namespace(tmp_path, f"mount -t tmpfs -o size=8m tmpfs {m}", [
        init,
        L + ["sql", "-c", "CREATE TABLE a AS SELECT range AS i FROM range(10)"],
        f"dd if=/dev/zero of={fill} bs=64k",           # the disk is now full
        count,
        L + ["sql", "-c", "INSERT INTO a VALUES (1)"],
        f"rm {fill}; dd if=/dev/zero of={fill} bs=64k; truncate -s -256k {fill}",
        # room for the catalog's journal, not for the data file
        L + ["sql", "-c", "INSERT INTO a SELECT random() FROM range(2000000)"],
        count,
        f"find {shlex.quote(lake)} -name '*.parquet' | wc -l",
        f"rm {fill}",
        L + ["sql", "-c", "INSERT INTO a VALUES (1)"],
        count,
    ])
    assert [r[0] for r in res[:2]] == [0, 0], res[:2]
    assert res[3] == (0, "count_star()\n10\n", ""), res[3]
    for step in (4, 6):
        rc, _, err = res[step]
        assert rc == 1, res[step]
        assert "no space left on device" in err.lower(), err
    # the data file that could not be written is named, and no part of it stays
    assert "Could not write file" in res[6][2] and ".parquet" in res[6][2], res[6]
    assert res[7] == (0, "count_star()\n10\n", ""), res[7]
    assert res[8][1].strip() == "1", res[8]
    # once space is freed, writes work again
    assert res[10][0] == 0, res[10]
    assert res[11] == (0, "count_star()\n11\n", ""), res[11]
