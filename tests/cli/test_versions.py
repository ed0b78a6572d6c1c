"""Versioned artifact folders (issue 12): `lakehouse version put|list|get|latest`,
datasets/<name>/vN/ and checkpoints/<name>/vN/ under the data path (a folder or S3),
never overwritten; the manifest in registry.artifact_files and the event in the same
snapshot; wandb_manifest.json in W&B's reference-artifact format; racing puts getting
distinct versions; a failed put leaving no version; cleanup keeping what versions hold
and removing what dead uploads left."""
import hashlib
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from lh import BIN, DATA, environ, run


def make_folder(root, files):
    for rel, data in files.items():
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
    return str(root)


def folder_files(root):
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = f.read()
    return out


def put(lake, folder, name, *extra):
    p = run("version", "put", folder, name, "--quiet", *extra, lake=lake.dir)
    assert p.returncode == 0, p.stderr
    last = p.stdout.splitlines()[-1]
    assert last.startswith("v"), p.stdout
    return int(last[1:])


def manifest(lake, kind_dir, name, v):
    with open(lake.local_copy(f"{kind_dir}/{name}/v{v}/wandb_manifest.json")) as f:
        return json.load(f)


def check_manifest(lake, m, kind_dir, name, v, files):
    assert m["version"] == 1 and m["storagePolicy"] == "wandb-storage-policy-v1"
    assert m["storagePolicyConfig"] == {"storageLayout": "V2"}
    assert list(m["contents"]) == sorted(files)
    root = (f"s3://{lake.bucket}/lake/" if DATA == "s3"
            else "file://" + os.path.join(lake.dir, "data") + "/")
    for rel, data in files.items():
        e = m["contents"][rel]
        # small objects are single-part uploads: their ETag is the MD5 of the bytes
        md5 = hashlib.md5(data).hexdigest()
        assert e == {"digest": md5, "ref": f"{root}{kind_dir}/{name}/v{v}/{rel}",
                     "size": len(data), "extra": {"etag": md5}}, (rel, e)


FILES = {"a.txt": b"hello\n", "images/0001.png": os.urandom(20000),
         "images/0002.png": os.urandom(3000), "meta/labels.json": b'{"cat": 1}'}


def test_put_list_get_latest_and_the_manifests(lake, tmp_path):
    src = make_folder(tmp_path / "src", FILES)
    assert put(lake, src, "coco", "--meta", "split=train", "--meta", "source=hf") == 1
    assert put(lake, src, "coco") == 2
    assert run("version", "latest", "coco", lake=lake.dir, check=True).stdout == "v2\n"
    # the manifest rows, the version row and the event share one snapshot
    snap = lake.scalar("SELECT snapshot_id FROM registry.artifact_versions WHERE version = 1")
    assert lake.rows("SELECT DISTINCT snapshot_id FROM registry.artifact_files "
                     "WHERE version = 1") == [["snapshot_id"], [snap]]
    ev = lake.rows("SELECT snapshot_id, payload->>'name', payload->>'version', "
                   "payload->'meta'->>'split' FROM events.log WHERE subject = "
                   "'lakehouse.dataset.versioned' ORDER BY snapshot_id")
    assert ev[1] == [snap, "coco", "1", "train"] and len(ev) == 3
    rows = lake.rows("SELECT path, size, sha256 FROM registry.artifact_files WHERE version = 2 "
                     "ORDER BY path")[1:]
    assert rows == [[k, str(len(v)), hashlib.sha256(v).hexdigest()]
                    for k, v in sorted(FILES.items())]
    listed = run("version", "list", "coco", "--format", "csv", lake=lake.dir, check=True).stdout
    assert listed.splitlines()[1].startswith("coco,dataset,1,4,")
    for v in (1, 2):
        check_manifest(lake, manifest(lake, "datasets", "coco", v), "datasets", "coco", v, FILES)
    out = tmp_path / "out"
    p = run("version", "get", "coco", "v1", str(out), lake=lake.dir, check=True)
    assert "every checksum matches" in p.stdout
    assert folder_files(out) == FILES
    # never overwrites: a second get into the same folder is refused and keeps the files
    p = run("version", "get", "coco", "v1", str(out), lake=lake.dir)
    assert p.returncode == 1 and "never overwrites" in p.stderr
    assert folder_files(out) == FILES
    # checkpoints live in their own folder; a name keeps its kind
    ck = make_folder(tmp_path / "ck", {"model.pt": b"\0" * 1000})
    assert put(lake, ck, "policy", "--kind", "checkpoint") == 1
    assert lake.object_exists("checkpoints/policy/v1/model.pt")
    p = run("version", "put", src, "policy", lake=lake.dir)
    assert p.returncode == 1 and "holds checkpoint versions, not dataset" in p.stderr


def test_bad_input_and_damaged_objects(lake, tmp_path):
    src = make_folder(tmp_path / "src", FILES)
    empty = tmp_path / "empty"
    empty.mkdir()
    clash = make_folder(tmp_path / "clash", {"wandb_manifest.json": b"{}"})
    before = lake.scalar("SELECT count(*) FROM ducklake_snapshots('lake')")
    for args, msg in [
        (("put", str(tmp_path / "nope"), "x"), "is not a folder"),
        (("put", str(empty), "x"), "holds no files"),
        (("put", clash, "x"), "writes its own wandb_manifest.json"),
        (("put", src, "../x"), "is not valid"),
        (("put", src, "x", "--kind", "model"), "is not one of dataset, checkpoint"),
        (("put", src, "x", "--meta", "novalue"), "KEY=VALUE"),
        (("get", "x", "v1", str(tmp_path / "o")), "has no versions"),
        (("get", "x", "one", str(tmp_path / "o")), "is not a version"),
        (("latest", "x"), "has no versions"),
        (("bogus",), "expected put, list, get or latest"),
    ]:
        p = run("version", *args, lake=lake.dir)
        assert p.returncode != 0 and msg in p.stderr, (args, p.stderr)
    assert lake.scalar("SELECT count(*) FROM ducklake_snapshots('lake')") == before
    os.symlink("/etc/passwd", os.path.join(src, "link"))
    p = run("version", "put", src, "x", lake=lake.dir)
    assert p.returncode == 1 and "is not a regular file" in p.stderr
    os.unlink(os.path.join(src, "link"))
    assert put(lake, src, "x") == 1
    # a manifest path that would leave the target folder is refused, nothing written
    lake.sql("UPDATE registry.artifact_files SET path = '../escaped' WHERE path = 'a.txt'")
    out = tmp_path / "out"
    p = run("version", "get", "x", "v1", str(out), lake=lake.dir)
    assert p.returncode == 1 and "would leave the folder" in p.stderr
    assert not (tmp_path / "escaped").exists() and folder_files(out) == {}
    lake.sql("UPDATE registry.artifact_files SET path = 'a.txt' WHERE path = '../escaped'")
    # an object whose bytes changed (same size) fails the checksum; nothing is kept
    if DATA != "s3":
        obj = lake.local_copy("datasets/x/v1/images/0002.png")
        os.chmod(obj, 0o644)
        with open(obj, "r+b") as f:
            f.write(b"X")
        p = run("version", "get", "x", "v1", str(tmp_path / "out2"), lake=lake.dir)
        assert p.returncode == 1 and "does not match its manifest" in p.stderr, p.stderr
        assert folder_files(tmp_path / "out2") == {}


def test_racing_puts_get_distinct_versions(lake, tmp_path):
    folders = [make_folder(tmp_path / f"s{i}", {"id.txt": f"{i}\n".encode(),
                                                f"part/{i}.bin": os.urandom(5000 + i)})
               for i in range(8)]
    with ThreadPoolExecutor(8) as ex:
        got = list(ex.map(lambda f: run("version", "put", f, "race", "--quiet", lake=lake.dir),
                          folders))
    assert all(p.returncode == 0 for p in got), [p.stderr for p in got]
    versions = [int(p.stdout.splitlines()[-1][1:]) for p in got]
    assert sorted(versions) == list(range(1, 9))
    for i, v in enumerate(versions):
        files = folder_files(folders[i])
        check_manifest(lake, manifest(lake, "datasets", "race", v), "datasets", "race", v, files)
        out = tmp_path / f"o{v}"
        run("version", "get", "race", f"v{v}", str(out), "--quiet", lake=lake.dir, check=True)
        assert folder_files(out) == files


def test_failed_put_leaves_no_version_and_cleanup(lake, tmp_path):
    src = make_folder(tmp_path / "src", FILES)
    report = str(tmp_path / "fault-report")
    # the third object put fails: the two before it are removed, no version appears
    p = run("version", "put", src, "ds", lake=lake.dir,
            env={"LH_FAULT": "store_put:3", "LH_FAULT_REPORT": report})
    if not os.path.exists(report):
        pytest.skip("needs the fault-injection build (build-asan)")
    assert p.returncode == 1, p.stdout
    assert not lake.object_exists("datasets/ds/v1/a.txt")
    assert run("version", "list", "ds", lake=lake.dir).returncode == 1
    # the number is not handed out again; the next put is v2 and complete
    assert put(lake, src, "ds") == 2
    assert run("version", "latest", "ds", lake=lake.dir, check=True).stdout == "v2\n"
    run("version", "get", "ds", "v2", str(tmp_path / "out"), "--quiet", lake=lake.dir, check=True)


def test_cleanup_keeps_versions_and_removes_what_dead_uploads_left(lake, tmp_path):
    src = make_folder(tmp_path / "src", FILES)
    assert put(lake, src, "ds") == 1
    # objects of a version that never committed (a process killed mid-upload)
    if DATA == "s3":
        from lh import s3_client
        s3_client().put_object(Bucket=lake.bucket, Key="lake/datasets/ds/v9/x.bin",
                               Body=b"left behind")
    else:
        make_folder(os.path.join(lake.dir, "data"), {"datasets/ds/v9/x.bin": b"left behind"})
    # a recent object is left alone (the default --older-than): its upload may still run
    p = run("cleanup", "--dry-run", lake=lake.dir, check=True)
    assert "v9" not in p.stdout, p.stdout
    p = run("cleanup", "--older-than", "0s", "--dry-run", lake=lake.dir, check=True)
    assert "datasets/ds/v9/x.bin" in p.stdout and "datasets/ds/v1/" not in p.stdout, p.stdout
    p = run("cleanup", "--older-than", "0s", lake=lake.dir, check=True)
    assert "1 orphans" in p.stdout, p.stdout
    assert not lake.object_exists("datasets/ds/v9/x.bin")
    for rel in list(FILES) + ["wandb_manifest.json"]:
        assert lake.object_exists(f"datasets/ds/v1/{rel}"), rel
    run("version", "get", "ds", "v1", str(tmp_path / "out"), "--quiet", lake=lake.dir, check=True)


def test_hostile_names_and_targets(lake, tmp_path):
    """What a red-team pass found: names that are folders of their own (".", ".."), a
    user's file next to the target, a version kind changed by hand, a target inside the
    lake's data folder, a file name that is not UTF-8, meta too big for an event."""
    src = make_folder(tmp_path / "src", FILES)
    for name in (".", "..", ".hidden"):
        p = run("version", "put", src, name, lake=lake.dir)
        assert p.returncode == 1 and "is not valid" in p.stderr, (name, p.stderr)
    assert put(lake, src, "ds") == 1
    # a file the user had, named like the partial download, is never touched
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt.part").write_bytes(b"PRECIOUS")
    p = run("version", "get", "ds", "v1", str(out), lake=lake.dir)
    assert p.returncode == 1 and (out / "a.txt.part").read_bytes() == b"PRECIOUS"
    (out / "a.txt").write_bytes(b"MINE")
    (out / "a.txt.part").unlink()
    p = run("version", "get", "ds", "v1", str(out), lake=lake.dir)
    assert p.returncode == 1 and "never overwrites" in p.stderr
    assert (out / "a.txt").read_bytes() == b"MINE" and not (out / "a.txt.part").exists()
    if DATA != "s3":
        p = run("version", "get", "ds", "v1", os.path.join(lake.dir, "data", "datasets", "ds", "v2"),
                lake=lake.dir)
        assert p.returncode == 1 and "inside the lake's data path" in p.stderr, p.stderr
        assert put(lake, src, "ds") == 2
    # a kind changed by hand: refused as damage, not a crash
    lake.sql("ALTER TABLE registry.artifact_versions ALTER kind DROP NOT NULL")
    lake.sql("UPDATE registry.artifact_versions SET kind = NULL WHERE version = 1")
    p = run("version", "get", "ds", "v1", str(tmp_path / "o2"), lake=lake.dir)
    assert p.returncode == 1 and "has kind 'NULL'" in p.stderr, p.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    with open(os.path.join(str(bad).encode(), b"name\xff"), "wb") as f:
        f.write(b"x")
    p = subprocess.run([BIN, "--lake", lake.dir, "version", "put", str(bad), "badnames"],
                       capture_output=True, env=environ(lake=lake.dir))  # the name is bytes
    assert p.returncode == 1 and b"not UTF-8" in p.stderr, p.stderr
    big = [a for i in range(3) for a in ("--meta", f"k{i}=" + "v" * 30000)]
    p = run("version", "put", src, "bigmeta", *big, lake=lake.dir)
    assert p.returncode == 1 and "at most 65536" in p.stderr, p.stderr
    assert run("version", "list", "badnames", lake=lake.dir).returncode == 1
