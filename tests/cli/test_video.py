"""Video: fragmented MP4 with a fragment index read from the boxes; one fragment fetched
by ranged reads and decoded by ffprobe; fragments picked by SQL; bad clips refused."""
import json
import os
import subprocess

import pytest

from lh import DATA, Lake, ffmpeg, run

FPS, SECONDS, GOP = 10, 4, 10  # a key frame every second


@pytest.fixture(scope="module")
def clips(tmp_path_factory):
    d = tmp_path_factory.mktemp("clips")
    out = []
    for k in range(2):
        mp4 = str(d / f"c{k}.mp4")
        ffmpeg("-f", "lavfi", "-i", f"testsrc2=size=160x120:rate={FPS}:duration={SECONDS + k}",
               "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", str(GOP),
               "-keyint_min", str(GOP), "-sc_threshold", "0", "-bf", "0", mp4)
        mot = str(d / f"c{k}.txt")
        with open(mot, "w") as f:
            # track 1 in every frame; track 2 (class 4) only in the second second
            for fr in range(1, FPS * (SECONDS + k) + 1):
                f.write(f"{fr},1,{fr},10,8,16,1,1,0,0\n")
                if FPS < fr <= 2 * FPS:
                    f.write(f"{fr},2,50,{fr},20,10,1,4,0,1\n")
        out.append((mp4, mot))
    return out


@pytest.fixture
def lake():
    lk = Lake()
    yield lk
    lk.close()


def ingest(lake, clips, *extra, check=True):
    args = ["video", "ingest"] + [c for c, _ in clips] + ["--annotations"] + [a for _, a in clips]
    p = run(*args, "--fragment-seconds", "1", *extra, lake=lake.dir)
    if check:
        assert p.returncode == 0, p.stderr
    return p


def ffprobe(path, *entries):
    p = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-show_entries", ":".join(entries),
                        "-of", "json", path], capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def test_index_matches_the_clip(lake, clips):
    p = ingest(lake, clips)
    assert "2 clips, 9 fragments, 90 frames, 110 annotation boxes" in p.stdout
    rows = lake.rows("SELECT fragment_id, byte_offset, byte_length, init_length, start_frame, end_frame, "
                     "start_time, end_time, n_objects, n_tracks, classes FROM video.fragments "
                     "WHERE clip_uri = (SELECT clip_uri FROM video.fragments_clips WHERE frames = 40) "
                     "ORDER BY fragment_id")[1:]
    assert [r[0] for r in rows] == ["0", "1", "2", "3"]
    init = int(rows[0][3])
    # fragments tile the file after the init segment
    assert int(rows[0][1]) == init
    for a, b in zip(rows, rows[1:]):
        assert int(a[1]) + int(a[2]) == int(b[1])
    size = int(lake.scalar("SELECT bytes FROM video.fragments_clips WHERE frames = 40"))
    end = int(rows[-1][1]) + int(rows[-1][2])
    assert [(r[4], r[5], r[6], r[7]) for r in rows] == [
        ("1", "10", "0.0", "1.0"), ("11", "20", "1.0", "2.0"), ("21", "30", "2.0", "3.0"), ("31", "40", "3.0", "4.0")]
    # per-fragment statistics from the annotations
    assert [(r[8], r[9], r[10]) for r in rows] == [("10", "1", "[1]"), ("20", "2", "[1, 4]"),
                                                    ("10", "1", "[1]"), ("10", "1", "[1]")]
    assert lake.scalar("SELECT count(*) FROM video.fragments_annotations") == "110"
    # the stored object is fragmented MP4 that ffprobe reads whole
    uri = lake.scalar("SELECT clip_uri FROM video.fragments_clips WHERE frames = 40")
    rel = uri  # stored relative to the data path, so the lake can move
    assert rel.startswith("assets/video/")
    data = open(lake.local_copy(rel), "rb").read()
    assert len(data) == size
    # after the last fragment only the fragment random-access box (mfra) is left
    assert data[end + 4:end + 8] == b"mfra" and int.from_bytes(data[end:end + 4], "big") == size - end
    assert data[init + 4:init + 8] == b"moof" and data[4:8] == b"ftyp"
    info = ffprobe(lake.local_copy(rel), "stream=nb_read_frames")
    assert info["streams"][0]["nb_read_frames"] == "40"
    # again: nothing new
    snaps = lake.snapshot_count()
    assert "nothing new" in ingest(lake, clips).stdout
    assert lake.snapshot_count() == snaps


def test_fetch_one_fragment_by_ranged_reads(lake, clips, tmp_path):
    ingest(lake, clips)
    uri, length, init = lake.rows("SELECT clip_uri, byte_length, init_length FROM video.fragments "
                                  "WHERE fragment_id = 2 ORDER BY clip_uri LIMIT 1")[1]
    out = str(tmp_path / "f2.mp4")
    p = run("video", "fetch", uri, "2", "-o", out, lake=lake.dir)
    assert p.returncode == 0, p.stderr
    assert os.path.getsize(out) == int(length) + int(init)
    assert f"read {int(length) + int(init)} of" in p.stdout and "frames 21-30" in p.stdout
    info = ffprobe(out, "stream=nb_read_frames,codec_name", "format=start_time,duration")
    assert info["streams"][0]["nb_read_frames"] == "10"
    assert info["streams"][0]["codec_name"] == "h264"
    assert float(info["format"]["start_time"]) == pytest.approx(2.0)
    # a fragment that does not exist, a URI outside the lake
    p = run("video", "fetch", uri, "99", "-o", out, lake=lake.dir)
    assert p.returncode == 1 and "has no fragment 99" in p.stderr
    p = run("video", "fetch", "/etc/passwd", "0", "-o", out, lake=lake.dir)
    assert p.returncode == 1 and "is not an object of this lake" in p.stderr


def test_materialize_the_busiest_fragments(lake, clips, tmp_path):
    ingest(lake, clips)
    out = str(tmp_path / "busy")
    p = run("video", "materialize", "-o", out, "-c",
            "SELECT clip_uri, fragment_id FROM video.fragments ORDER BY n_objects DESC, clip_uri LIMIT 2",
            lake=lake.dir)
    assert p.returncode == 0, p.stderr
    files = sorted(os.listdir(out))
    assert len(files) == 2 and all(f.endswith("-00001.mp4") for f in files)
    for f in files:
        assert ffprobe(os.path.join(out, f), "stream=nb_read_frames")["streams"][0]["nb_read_frames"] == "10"
    assert "materialized 2 fragments" in p.stdout


def test_bad_clips_and_annotations_change_nothing(lake, clips, tmp_path):
    text = tmp_path / "notes.mp4"
    text.write_text("not a video\n" * 100)
    corrupt = tmp_path / "corrupt.mp4"
    corrupt.write_bytes(open(clips[0][0], "rb").read()[:3000])
    past = tmp_path / "past.txt"
    past.write_text("1,1,0,0,5,5,1,1,0,0\n500,1,0,0,5,5,1,1,0,0\n")
    # issue 8 item 9: the index at the front (faststart) promises frames the file lost
    faststart = str(tmp_path / "faststart.mp4")
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=4", "-c:v", "libx264",
           "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "10", "-movflags", "+faststart",
           faststart)
    whole = open(faststart, "rb").read()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole[: len(whole) * 6 // 10])
    # every byte there, but frames in the middle overwritten: the index is fine, the
    # frames do not decode
    plain = bytearray(open(clips[0][0], "rb").read())
    mid = plain.find(b"mdat") + (len(plain) - plain.find(b"mdat")) // 2
    plain[mid:mid + 300] = bytes((k * 97 + 13) % 256 for k in range(300))
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(bytes(plain))
    before = lake.snapshot_count()
    for args, expect in [([str(text)], "cannot read the video clip"),
                         ([str(corrupt)], "corrupt"),
                         ([str(cut)], "is truncated"),
                         ([str(damaged)], "does not decode"),
                         ([clips[0][0], "--annotations", str(past)], "refer to frame 500")]:
        p = run("video", "ingest", *args, lake=lake.dir)
        assert p.returncode == 1, p.stdout
        assert expect in p.stderr.lower() or expect in p.stderr, p.stderr
    assert lake.snapshot_count() == before
    assert [f for f in lake.data_files() if f.startswith("assets/")] == []
    p = run("video", "ingest", clips[0][0], "--annotations", clips[0][1], clips[1][1], lake=lake.dir)
    assert p.returncode == 2 and "give one per clip" in p.stderr


@pytest.mark.skipif(DATA != "fs", reason="moves a lake folder (S3 URIs live in the bucket)")
def test_a_moved_lake_keeps_its_clips(lake, clips, tmp_path):
    """Clip URIs are stored relative to the data path: copy the lake folder elsewhere, and
    fetch, materialize and lakehouse_asset_uri() find every clip in the copy."""
    import shutil
    from lh import CATALOG
    if CATALOG == "postgres":
        pytest.skip("the catalog is in PostgreSQL; the folder holds only the data")
    ingest(lake, clips)
    moved = str(tmp_path / "moved")
    shutil.copytree(lake.dir, moved)
    shutil.rmtree(os.path.join(lake.dir, "data"))  # the original is gone
    uri = run("sql", "--format", "csv", "-c",
              "SELECT clip_uri FROM video.fragments ORDER BY clip_uri LIMIT 1", lake=moved,
              check=True).stdout.splitlines()[1]
    assert not uri.startswith("/") and uri.startswith("assets/video/")
    out = str(tmp_path / "f.mp4")
    assert run("video", "fetch", uri, "1", "-o", out, lake=moved).returncode == 0
    assert os.path.getsize(out) > 0
    where = run("sql", "--format", "csv", "-c",
                "SELECT DISTINCT lakehouse_asset_uri(clip_uri) FROM video.fragments",
                lake=moved, check=True).stdout.splitlines()[1:]
    assert len(where) == 2 and all(p.startswith(moved) and os.path.exists(p) for p in where)
    # the absolute form names the same clip
    assert run("video", "fetch", where[0], "1", "-o", out, lake=moved).returncode == 0
    p = run("video", "fetch", "../../etc/passwd", "1", "-o", out, lake=moved)
    assert p.returncode == 1 and "not an object of this lake" in p.stderr


def test_fetch_finds_the_index_without_table(lake, clips, tmp_path):
    """Issue 8 item 10: the lake knows which table indexed a clip."""
    out = str(tmp_path / "f.mp4")
    p = run("video", "fetch", "assets/video/x.mp4", "1", "-o", out, lake=lake.dir)
    assert p.returncode == 1 and "no table of this lake is a fragment index" in p.stderr
    ingest(lake, clips, "--into", "raw.cams")
    uri, length, init = lake.rows("SELECT clip_uri, byte_length, init_length FROM raw.cams "
                                  "WHERE fragment_id = 1 ORDER BY clip_uri LIMIT 1")[1]
    p = run("video", "fetch", uri, "1", "-o", out, lake=lake.dir)
    assert p.returncode == 0, p.stderr
    assert os.path.getsize(out) == int(length) + int(init)
    p = run("video", "fetch", uri, "99", "-o", out, lake=lake.dir)
    assert p.returncode == 1 and "has no fragment 99" in p.stderr
    for internal in ("__ix", "UNION ALL", "information_schema"):
        assert internal not in p.stderr
