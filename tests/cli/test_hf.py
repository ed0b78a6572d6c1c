"""Hugging Face round trip: `lakehouse hf pull` and `hf push` against the Hub emulator
(tests/servers/hub-emulator.py), which the official client (npm @huggingface/hub) is run
against first, so the emulator holds to the real protocol."""
import hashlib
import json
import os
import subprocess

import pytest

from lh import CATALOG, DATA, Hub, Lake, ffmpeg, run

HERE = os.path.dirname(os.path.abspath(__file__))
HUB_CLIENT = os.path.join(HERE, "..", "hub")


def build_dataset(folder, card=True, broken_yaml=False, bad_image=False):
    """A COCO-Caption-shaped dataset in Hub layout: real PNG/JPEG/GIF images that ffmpeg
    draws, captions, two splits, written as Parquet by DuckDB."""
    os.makedirs(os.path.join(folder, "data"), exist_ok=True)
    img = os.path.join(folder, "..", "img")
    os.makedirs(img, exist_ok=True)
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", os.path.join(img, "a.png"))
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=80x60", "-frames:v", "1", os.path.join(img, "b.jpg"))
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=32x16", "-frames:v", "1", os.path.join(img, "c.gif"))
    if bad_image:
        with open(os.path.join(img, "b.jpg"), "wb") as f:
            f.write(b"this is not an image at all" * 10)
    lake = Lake("builder")
    try:
        for split, ids in (("train", (1, 2, 3, 4)), ("validation", (5, 6))):
            vals = ", ".join(
                f"({i}, '{os.path.join(img, 'abc'[i % 3] + ('.png', '.jpg', '.gif')[i % 3])}', 'caption {i}')"
                for i in ids)
            out = os.path.join(folder, "data", f"{split}-00000-of-00001.parquet")
            # COPY writes a local file whatever the lake's store is
            run("sql", "-c", f"""COPY (SELECT v.id AS caption_id, {{'bytes': b.content,
                'path': regexp_extract(v.f, '[^/]+$')}} AS image, v.cap AS caption
                FROM (VALUES {vals}) v(id, f, cap) JOIN read_blob('{img}/*') b ON b.filename = v.f
                ORDER BY v.id) TO '{out}' (FORMAT parquet)""", lake=lake.dir, check=True)
    finally:
        lake.close()
    if card:
        with open(os.path.join(folder, "README.md"), "w") as f:
            f.write("---\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n"
                    "    path: data/train-*\n  - split: validation\n    path: data/validation-*\n"
                    + ("  broken: [unclosed\n" if broken_yaml else "")
                    + "dataset_info:\n  features:\n  - name: image\n    dtype: image\n---\n# test\n")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    d = tmp_path_factory.mktemp("ds") / "coco"
    build_dataset(str(d))
    return str(d)


@pytest.fixture
def hub(dataset):
    h = Hub(seeds=[("test/coco", dataset)])
    yield h
    h.stop()


@pytest.fixture
def lake():
    lk = Lake()
    yield lk
    lk.close()


def hf(lake, hub, *args, check=True):
    p = run("hf", *args, lake=lake.dir, env=hub.env if hub else None)
    if check and p.returncode != 0:
        raise AssertionError(f"hf {args} failed:\n{p.stderr}\n{p.stdout}")
    return p


@pytest.mark.skipif(DATA != "fs" or CATALOG != "sqlite",
                    reason="the emulator check does not depend on the lake: run once, not per combination")
def test_official_client_accepts_the_emulator(tmp_path):
    if not os.path.isdir(os.path.join(HUB_CLIENT, "node_modules", "@huggingface", "hub")):
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=HUB_CLIENT, check=True)
    h = Hub()
    try:
        blob = os.urandom(200_000)
        (tmp_path / "big.bin").write_bytes(blob)
        (tmp_path / "README.md").write_text("# hello\n")
        p = subprocess.run(["node", "client-check.mjs", h.endpoint, "hf_lakehouse_test", "alice/check",
                            str(tmp_path / "README.md"), "data/big.bin=" + str(tmp_path / "big.bin")],
                           cwd=HUB_CLIENT, capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stderr
        rep = json.loads(p.stdout)
        sha = hashlib.sha256(blob).hexdigest()
        assert rep["downloaded"]["data/big.bin"] == sha
        assert rep["downloaded"]["README.md"] == hashlib.sha256(b"# hello\n").hexdigest()
        listed = {e["path"]: e for e in rep["listed"]}
        assert listed["data/big.bin"]["lfs"] == sha and listed["data/big.bin"]["size"] == 200_000
        assert listed["README.md"]["lfs"] is None and listed["data"]["type"] == "directory"
        assert rep["ranged"]["size"] == 200_000
        assert rep["ranged"]["tail"] == hashlib.sha256(blob[10:20]).hexdigest()
        assert rep["info"] == rep["commit"]
        log = h.get("/_emulator/log")
        paths = [e["path"] for e in log]
        assert "/api/datasets/alice/check/preupload/main" in paths
        assert "/datasets/alice/check.git/info/lfs/objects/batch" in paths
        assert "/api/datasets/alice/check/commit/main" in paths
    finally:
        h.stop()


def test_pull_lands_rows_blobs_and_landing_files_once(lake, hub):
    p = hf(lake, hub, "pull", "test/coco", "--format", "json")
    rep = json.loads(p.stdout)
    assert rep["table"] == "raw.coco" and rep["rows"] == 6 and rep["files_landed"] == 2
    assert rep["blobs"] == 6 and rep["blobs_stored"] == 3  # three distinct images
    rows = lake.rows("SELECT caption_id, split, image_format, image_width, image_height, image_bytes > 0, "
                     "caption, _source_file FROM raw.coco ORDER BY caption_id")
    assert rows[1] == ["1", "train", "jpeg", "80", "60", "true", "caption 1",
                       "data/train-00000-of-00001.parquet"]
    assert rows[2][2:5] == ["gif", "32", "16"]
    assert rows[3][2:5] == ["png", "64", "48"]
    assert [r[1] for r in rows[1:]] == ["train"] * 4 + ["validation"] * 2
    # the objects are where the table says, content-addressed by SHA-256
    for uri, fmt in lake.rows("SELECT DISTINCT image_uri, image_format FROM raw.coco")[1:]:
        rel = uri  # stored relative to the data path, so the lake can move
        assert rel.startswith("assets/coco/image/")
        data = open(lake.local_copy(rel), "rb").read()
        assert hashlib.sha256(data).hexdigest() == os.path.basename(rel).split(".")[0]
    landed = [p for p in lake.data_files() if p.startswith("landing/hf/test/coco/")]
    assert len(landed) == 2
    snaps = lake.snapshot_count()
    # again: nothing new, no snapshot
    p = hf(lake, hub, "pull", "test/coco")
    assert "nothing new" in p.stdout
    assert lake.snapshot_count() == snaps
    assert lake.scalar("SELECT count(*) FROM raw.coco") == "6"
    # a split and a row limit into another table, reusing the stored images
    rep = json.loads(hf(lake, hub, "pull", "test/coco", "--split", "validation", "--into", "raw.v",
                        "--max-rows", "1", "--format", "json").stdout)
    assert rep["rows"] == 1 and rep["blobs_stored"] == 0
    # cleanup never takes landing/ or assets/ objects for orphans
    run("cleanup", "--older-than", "0", lake=lake.dir, check=True)
    assert len([p for p in lake.data_files() if p.startswith(("landing/", "assets/"))]) == 5


def test_pull_from_a_local_folder_and_by_key(lake, dataset):
    p = hf(lake, None, "pull", dataset, "--into", "raw.local", "--key", "caption_id", "--format", "json")
    assert json.loads(p.stdout)["rows"] == 6
    snaps = lake.snapshot_count()
    # with --key, rows whose key is there are skipped even though files are re-read
    p = hf(lake, None, "pull", dataset, "--into", "raw.local", "--key", "caption_id", "--format", "json")
    assert json.loads(p.stdout)["rows"] == 0
    assert lake.scalar("SELECT count(*) FROM raw.local") == "6"
    assert lake.snapshot_count() <= snaps + 1
    p = run("hf", "pull", dataset, "--into", "raw.local2", "--key", "nope", lake=lake.dir)
    assert p.returncode == 1 and "key 'nope' is not a column" in p.stderr


def test_max_rows_then_a_full_pull_lands_every_row_once(lake, dataset):
    """Issue 8 item 16: a shard --max-rows landed in part is completed by the next pull."""
    p = hf(lake, None, "pull", dataset, "--into", "raw.part", "--max-rows", "3", "--format", "json")
    assert json.loads(p.stdout)["rows"] == 3
    p = hf(lake, None, "pull", dataset, "--into", "raw.part", "--format", "json")
    assert json.loads(p.stdout)["rows"] == 3
    full = hf(lake, None, "pull", dataset, "--into", "raw.full", "--format", "json")
    assert json.loads(full.stdout)["rows"] == 6
    cols = "caption_id, caption, split, image_uri, _source_file"
    assert (lake.rows(f"SELECT {cols} FROM raw.part ORDER BY ALL") ==
            lake.rows(f"SELECT {cols} FROM raw.full ORDER BY ALL"))
    snaps = lake.snapshot_count()
    p = hf(lake, None, "pull", dataset, "--into", "raw.part", "--format", "json")
    assert json.loads(p.stdout)["rows"] == 0 and lake.snapshot_count() == snaps


def test_max_rows_downloads_only_the_shards_it_needs(lake, hub):
    """Issue 8 item 16: shards past the --max-rows cut are never fetched."""
    def fetched():
        got = set()
        for e in hub.get("/_emulator/log"):
            if e["method"] == "GET" and "/resolve/" in e["path"]:
                got.add(e["path"].rsplit("/", 1)[-1])
        return got
    p = hf(lake, hub, "pull", "test/coco", "--into", "raw.few", "--max-rows", "2",
           "--format", "json")
    assert json.loads(p.stdout)["rows"] == 2
    shards = {f for f in fetched() if f.endswith(".parquet")}
    assert shards == {"train-00000-of-00001.parquet"}, fetched()
    p = hf(lake, hub, "pull", "test/coco", "--into", "raw.few", "--format", "json")
    assert json.loads(p.stdout)["rows"] == 4
    assert "validation-00000-of-00001.parquet" in fetched()
    assert lake.rows("SELECT count(*), count(DISTINCT caption_id) FROM raw.few")[1] == ["6", "6"]


def test_push_then_pull_gives_identical_rows(lake, hub):
    hf(lake, hub, "pull", "test/coco")
    lake.sql("CREATE SCHEMA gold; CREATE TABLE gold.c AS SELECT caption_id, image_uri, image_width, "
             "caption, split FROM raw.coco")
    hub.post("/_emulator/fail", {"commit": 1})  # the first commit meets a concurrent one
    p = hf(lake, hub, "push", "gold.c", "bob/gold", "--split-column", "split")
    assert "6 rows in 3 files" in p.stdout and "after retrying" in p.stdout
    tree = {e["path"]: e for e in hub.get("/api/datasets/bob/gold/tree/main?recursive=true")}
    assert set(p for p in tree if p.endswith(".parquet")) == {
        "data/train-00000-of-00001.parquet", "data/validation-00000-of-00001.parquet"}
    assert "lfs" in tree["data/train-00000-of-00001.parquet"] and "lfs" not in tree["README.md"]
    hf(lake, hub, "pull", "bob/gold", "--into", "raw.back")
    diff = lake.rows("SELECT count(*) FROM (SELECT caption_id, image_uri, image_width, caption, split "
                     "FROM raw.back EXCEPT ALL SELECT * FROM gold.c) UNION ALL SELECT count(*) FROM "
                     "(SELECT * FROM gold.c EXCEPT ALL SELECT caption_id, image_uri, image_width, "
                     "caption, split FROM raw.back)")
    assert diff[1:] == [["0"], ["0"]]
    assert lake.scalar("SELECT count(*) FROM raw.back") == "6"
    # without a token, nothing is pushed
    p = run("hf", "push", "gold.c", "bob/other", lake=lake.dir, env={"HF_ENDPOINT": hub.endpoint, "HF_TOKEN": ""})
    assert p.returncode == 1 and "HF_TOKEN" in p.stderr


def test_interrupted_download_resumes(lake, hub):
    hub.post("/_emulator/fail", {"resolve_truncate": 1})
    hf(lake, hub, "pull", "test/coco", "--quiet")
    assert lake.scalar("SELECT count(*) FROM raw.coco") == "6"
    ranged = [e for e in hub.get("/_emulator/log") if (e["range"] or "").startswith("bytes=")
              and not e["range"].startswith("bytes=0-")]
    assert ranged, "the second attempt asks only for the rest with a Range header"


@pytest.mark.parametrize("kind,expect", [
    ("broken_yaml", "YAML is broken at line"),
    ("bad_image", "is not a readable image"),
    ("truncated", "corrupt or truncated"),
])
def test_bad_input_is_refused_and_lands_nothing(lake, tmp_path, kind, expect):
    d = str(tmp_path / "bad")
    build_dataset(d, broken_yaml=kind == "broken_yaml", bad_image=kind == "bad_image")
    if kind == "truncated":
        f = os.path.join(d, "data", "validation-00000-of-00001.parquet")
        data = open(f, "rb").read()
        open(f, "wb").write(data[: len(data) // 2])
    h = Hub(seeds=[("test/bad", d)])
    try:
        before = lake.snapshot_count()
        p = run("hf", "pull", "test/bad", lake=lake.dir, env=h.env)
        assert p.returncode == 1, p.stdout
        assert expect in p.stderr and "test/bad" in p.stderr, p.stderr
        assert lake.snapshot_count() == before
        assert [f for f in lake.data_files() if f.startswith(("assets/", "landing/"))] == []
    finally:
        h.stop()


def test_unsafe_or_unknown_sources(lake, hub):
    for src in ("../etc", "a/b/c", "a/..", "x"):
        p = run("hf", "pull", src, lake=lake.dir, env=hub.env)
        assert p.returncode == 1 and "neither a folder nor a Hub dataset id" in p.stderr, p.stderr
    p = run("hf", "pull", "nobody/nothing", lake=lake.dir, env=hub.env)
    assert p.returncode == 1 and "HTTP 404" in p.stderr
    p = run("hf", "pull", "test/coco", "--config", "other", lake=lake.dir, env=hub.env)
    assert p.returncode == 1 and "no config 'other'" in p.stderr and "'default'" in p.stderr
    p = run("hf", "pull", "test/coco", "--split", "test", lake=lake.dir, env=hub.env)
    assert p.returncode == 1 and "no split 'test'" in p.stderr


def test_parquet_converter_branch_and_plain_blobs(lake, tmp_path):
    """A repo whose main branch has no Parquet (only the card-less raw files) is read from
    the refs/convert/parquet branch's {config}/{split}/NNNN.parquet; a plain BLOB column
    becomes objects too."""
    main = tmp_path / "main"
    main.mkdir()
    (main / "notes.txt").write_text("raw files the converter read\n")
    conv = tmp_path / "conv" / "default" / "train"
    conv.mkdir(parents=True)
    png = tmp_path / "p.png"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=24x12", "-frames:v", "1", str(png))
    run("sql", "-c", f"COPY (SELECT range AS id, b.content AS thumb FROM range(3), read_blob('{png}') b) "
        f"TO '{conv / '0000.parquet'}' (FORMAT parquet)", lake=lake.dir, check=True)
    h = Hub(seeds=[("test/conv", str(main)), ("test/conv", str(tmp_path / "conv") + "@refs/convert/parquet")])
    try:
        rep = json.loads(hf(lake, h, "pull", "test/conv", "--format", "json").stdout)
        assert rep["rows"] == 3 and rep["blobs"] == 3 and rep["blobs_stored"] == 1
        assert lake.rows("SELECT DISTINCT thumb_format, thumb_width, thumb_height, _source_file FROM raw.conv")[1] == \
            ["png", "24", "12", "default/train/0000.parquet"]
    finally:
        h.stop()


def test_quality_reports_and_fails_on_duplicate_keys(lake):
    lake.sql("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a'), (2, NULL), (2, 'b'), (NULL, 'c')) v(k, s)")
    p = run("quality", "t", "--format", "json", lake=lake.dir)
    assert p.returncode == 0, p.stderr
    cols = {r["column_name"]: r for r in json.loads(p.stdout)}
    assert cols["k"]["rows"] == 4 and cols["k"]["nulls"] == 1 and cols["k"]["distinct_values"] == 2
    assert cols["s"]["nulls"] == 1 and cols["s"]["distinct_values"] == 3
    p = run("quality", "t", "--key", "k", lake=lake.dir)
    assert p.returncode == 1
    assert "1 duplicate values (2 rows), 1 NULL keys" in p.stdout
    assert "key 'k' of t is not unique" in p.stderr
    p = run("quality", "t", "--key", "s", lake=lake.dir)
    assert p.returncode == 1 and "0 duplicate values" in p.stdout and "1 NULL keys" in p.stdout
    lake.sql("DELETE FROM t WHERE k IS NULL OR s IS NULL")
    assert run("quality", "t", "--key", "k", lake=lake.dir).returncode == 0
    p = run("quality", "t", "--key", "nope", lake=lake.dir)
    assert p.returncode == 1 and "key 'nope' is not a column" in p.stderr


def test_download_cache_on_another_file_system(lake, hub, dataset):
    """Downloads live in the cache; files go into the store from the store's own staging
    folder, so a cache on another file system than the lake works (a hard link across
    file systems would fail), and a source folder is only read."""
    other = "/dev/shm"
    if not os.path.isdir(other) or os.stat(other).st_dev == os.stat(lake.dir).st_dev:
        pytest.skip("no second file system to put the cache on")
    cache = os.path.join(other, "lh-test-cache-" + os.path.basename(os.path.dirname(lake.dir)))
    try:
        p = run("hf", "pull", "test/coco", "--quiet", lake=lake.dir,
                env=dict(hub.env, LAKEHOUSE_CACHE_DIR=cache))
        assert p.returncode == 0, p.stderr
        assert lake.scalar("SELECT count(DISTINCT image_uri) FROM raw.coco") == "3"
    finally:
        subprocess.run(["rm", "-rf", cache])
    before = sorted(os.listdir(os.path.join(dataset, "data")))
    hf(lake, None, "pull", dataset, "--into", "raw.folder", "--quiet")
    assert sorted(os.listdir(os.path.join(dataset, "data"))) == before
    assert lake.staging_leftovers() == []
