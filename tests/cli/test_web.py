"""What the web UI needs from the server besides the pages (the browser tests are
tests/ui/): the tools it reads the lake with (list_tables' views, comments and
partitioning, describe_table's ids, snapshots by table with author, message and tags,
column_histogram computed in SQL, rollback_table and tag_create), and `lakehouse serve`'s
/, /ui/session, /ui/thumb and /ui/fragment, with the token and tenant rules of the API."""
import io
import json
import os
import subprocess

import pytest

from lh import BIN, CATALOG, DATA, environ, run
from test_serve import Server, token

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "..", "demo-data")
transport_only = pytest.mark.skipif(CATALOG != "sqlite" or DATA != "fs",
                                    reason="does not depend on the catalog or the store")


def tool(lake, name, args=None, *flags, env=None):
    cmd = ["tool", name] + (["--json", json.dumps(args)] if args is not None else []) + list(flags)
    p = run(*cmd, lake=lake.dir, env=env)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def refused(lake, name, args, *flags):
    before = lake.snapshot_count()
    p = run("tool", name, "--json", json.dumps(args), *flags, lake=lake.dir)
    assert p.returncode == 1 and p.stdout == "", (p.stdout, p.stderr)
    assert lake.snapshot_count() == before
    return p.stderr.strip()


def test_catalog_tools_show_comments_partitioning_views_and_ids(lake):
    lake.sql("CREATE SCHEMA s; CREATE TABLE s.t (id INTEGER, day DATE, name VARCHAR); "
             "INSERT INTO s.t VALUES (1, DATE '2026-01-02', 'a')")
    lake.sql("COMMENT ON TABLE s.t IS 'the table'; COMMENT ON COLUMN s.t.name IS 'who'")
    lake.sql("ALTER TABLE s.t SET PARTITIONED BY (year(day), id)")
    lake.sql("CREATE VIEW s.v AS SELECT id FROM s.t WHERE id > 0")
    lake.sql("COMMENT ON VIEW s.v IS 'positive ids'")
    out = tool(lake, "list_tables", {"schema": "s"})
    t = out["tables"][0]
    assert (t["name"], t["comment"]) == ("t", "the table")
    assert [(k["column"], k["transform"]) for k in t["partitioned_by"]] == [
        ("day", "year"), ("id", "identity")]
    assert [(v["schema"], v["name"], v["comment"]) for v in out["views"]] == [
        ("s", "v", "positive ids")]
    assert "WHERE" in out["views"][0]["sql"].upper()
    d = tool(lake, "describe_table", {"table": "s.t"})
    table_id = lake.cat("SELECT table_id FROM ducklake_table WHERE table_name = 't' AND "
                        "end_snapshot IS NULL")[0][0]
    assert (d["table_id"], d["comment"]) == (int(table_id), "the table")
    assert [k["column"] for k in d["partitioned_by"]] == ["day", "id"]
    assert [c.get("comment") for c in d["columns"]] == [None, None, "who"]
    # a table with neither
    lake.sql("CREATE TABLE s.plain (x INTEGER)")
    plain = [t for t in tool(lake, "list_tables", {"schema": "s"})["tables"] if t["name"] == "plain"]
    assert plain[0]["comment"] is None and plain[0]["partitioned_by"] == []


def test_snapshots_by_table_with_author_message_and_tags(lake):
    lake.sql("CREATE TABLE a (x INTEGER)")                                      # 1
    lake.sql("CREATE TABLE b (y INTEGER)")                                      # 2
    p = run("sql", "-c", "INSERT INTO a VALUES (1)", lake=lake.dir,
            env={"LAKEHOUSE_AUTHOR": "alice"})                                   # 3
    assert p.returncode == 0, p.stderr
    lake.sql("INSERT INTO b VALUES (1)")                                        # 4
    lake.sql("INSERT INTO a VALUES (2)")                                        # 5
    assert tool(lake, "tag_create", {"name": "first-a", "snapshot": 3, "message": "m"},
                "--read-write") == {"name": "first-a", "snapshot_id": 3}
    out = tool(lake, "snapshots", {"table": "a"})
    assert [s["snapshot_id"] for s in out["snapshots"]] == [1, 3, 5]
    three = out["snapshots"][1]
    assert (three["author"], three["commit_message"], three["tags"]) == ("alice", None, ["first-a"])
    assert out["snapshots"][2]["author"] is None and out["truncated"] is False
    # the newest N that changed the table, oldest first; truncated says more are older
    out = tool(lake, "snapshots", {"table": "a", "limit": 2})
    assert [s["snapshot_id"] for s in out["snapshots"]] == [3, 5] and out["truncated"] is True
    assert [s["snapshot_id"] for s in tool(lake, "snapshots", {"table": "b"})["snapshots"]] == [2, 4]
    assert "table 'nope' does not exist" in refused(lake, "snapshots", {"table": "nope"})
    # a tag name names one snapshot
    assert "first-a" in refused(lake, "tag_create", {"name": "first-a"}, "--read-write")


def test_column_histogram_is_computed_by_the_lake(lake):
    lake.sql("CREATE TABLE t (n INTEGER, f DOUBLE, word VARCHAR, b BOOLEAN)")
    lake.sql("INSERT INTO t SELECT range % 10, range / 10.0, CASE WHEN range % 3 = 0 THEN 'red' "
             "WHEN range % 3 = 1 THEN 'green' ELSE 'blue-ish' END, range % 2 = 0 FROM range(100)")
    lake.sql("INSERT INTO t VALUES (NULL, NULL, NULL, NULL)")
    h = tool(lake, "column_histogram", {"table": "t", "column": "n"})
    # whole numbers 0..9 fit in 20 bins: one bin per value
    assert (h["kind"], h["integer"], h["rows"], h["nulls"], h["distinct"]) == (
        "numeric", True, 101, 1, 10)
    assert [(b["lo"], b["count"]) for b in h["bins"]] == [(float(v), 10) for v in range(10)]
    h = tool(lake, "column_histogram", {"table": "t", "column": "n", "bins": 5})
    assert [(b["lo"], b["hi"], b["count"]) for b in h["bins"]] == [
        (0, 2, 20), (2, 4, 20), (4, 6, 20), (6, 8, 20), (8, 10, 20)]
    h = tool(lake, "column_histogram", {"table": "t", "column": "f", "bins": 4})
    assert (h["min"], h["max"], h["integer"]) == (0.0, 9.9, False)
    assert sum(b["count"] for b in h["bins"]) == 100 and h["bins"][-1]["count"] == 25
    # the length of a text; only some rows
    h = tool(lake, "column_histogram", {"table": "t", "column": "word", "measure": "length",
                                        "where": "n < 5"})
    assert {b["lo"]: b["count"] for b in h["bins"] if b["count"]} == {3.0: 17, 5.0: 17, 8.0: 16}
    assert h["rows"] == 50 and h["where"] == "n < 5"
    # categories: the most frequent first, the rest counted as other
    h = tool(lake, "column_histogram", {"table": "t", "column": "word", "bins": 2})
    assert h["kind"] == "categorical"
    assert h["values"] == [{"value": "red", "count": 34}, {"value": "blue-ish", "count": 33}]
    assert (h["other"], h["distinct"], h["nulls"]) == (33, 3, 1)
    assert tool(lake, "column_histogram", {"table": "t", "column": "b"})["values"] == [
        {"value": "false", "count": 50}, {"value": "true", "count": 50}]
    # at a past snapshot (before the NULL row)
    assert tool(lake, "column_histogram", {"table": "t", "column": "n", "snapshot": 2})["nulls"] == 0
    # refusals name what is wrong and change nothing
    assert "has no column 'nope'" in refused(lake, "column_histogram", {"table": "t", "column": "nope"})
    assert "needs a text or blob column" in refused(
        lake, "column_histogram", {"table": "t", "column": "n", "measure": "length"})
    for where in ["1=1); DROP TABLE t; --", "n > (SELECT count(*) FROM read_csv('/etc/passwd'))"]:
        refused(lake, "column_histogram", {"table": "t", "column": "n", "where": where})
    assert lake.scalar("SELECT count(*) FROM t") == "101"


def test_rollback_and_tag_tools_write_only_when_allowed(lake):
    lake.sql("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")            # 1, 2
    lake.sql("UPDATE t SET x = 2")                                              # 3
    assert "read-only" in refused(lake, "rollback_table", {"table": "t", "snapshot": 2})
    assert "read-only" in refused(lake, "tag_create", {"name": "x"})
    out = tool(lake, "rollback_table", {"table": "t", "snapshot": 2}, "--read-write",
               env={"LAKEHOUSE_AUTHOR": "bob"})
    assert out == {"table": "t", "to_snapshot": 2, "snapshot_id": 4, "changed": True}
    # to the state it is in: no snapshot, and the answer says so
    assert tool(lake, "rollback_table", {"table": "t", "snapshot": 4}, "--read-write") == {
        "table": "t", "to_snapshot": 4, "snapshot_id": 4, "changed": False}
    assert lake.scalar("SELECT x FROM t") == "1"
    snap = tool(lake, "snapshots", {"limit": 1})["snapshots"][0]
    assert (snap["author"], snap["commit_message"]) == ("bob", "rollback of t to snapshot 2")
    # the rollback's event is in the same snapshot
    assert lake.rows("SELECT subject, snapshot_id FROM events.log") == [
        ["subject", "snapshot_id"], ["lakehouse.dataset.versioned", "4"]]
    assert "99" in refused(lake, "rollback_table", {"table": "t", "snapshot": 99},
                                    "--read-write")


# --- the server's UI endpoints ----------------------------------------------------------

@pytest.fixture(scope="module")
def media():
    """A lake with the demo's COCO images (hf pull) and clips (video ingest), served."""
    from lh import Lake
    lk = Lake()
    run("hf", "pull", os.path.join(DEMO, "coco"), "--into", "raw.coco", "--quiet",
        lake=lk.dir, check=True)
    clips = sorted(os.path.join(DEMO, "video", f) for f in os.listdir(os.path.join(DEMO, "video"))
                   if f.endswith(".mp4"))[:1]
    run("video", "ingest", *clips, "--annotations", clips[0][:-4] + ".txt", "--into",
        "raw.clips", "--fragment-seconds", "1", "--quiet", lake=lk.dir, check=True)
    lk.sql("CREATE TABLE raw.other AS SELECT 1 AS x")
    # a table a limited tenant may read, with rows naming objects that are no assets
    lk.sql("CREATE TABLE raw.evil AS SELECT clip_uri, fragment_id, byte_offset, byte_length, "
           "init_length, start_frame, end_frame, start_time, end_time, clip_uri AS image_uri "
           "FROM raw.clips LIMIT 0")
    rw, ro = token(lk, "--tenant", "ui"), token(lk, "--tenant", "viewer", "--read-only")
    admin = token(lk, "--tenant", "ops", "--admin")
    limited = token(lk, "--tenant", "acme")
    s = Server(lk, "--read-write")
    st, _ = s.json("PUT", "/data/policy", {"tenant_id": "acme",
                                           "allowed_tables": ["raw.other", "raw.evil"]}, token=admin)
    assert st == 200
    yield lk, s, {"rw": rw, "ro": ro, "limited": limited}
    s.stop()
    lk.close()


def q(path, **args):
    from urllib.parse import urlencode
    return path + "?" + urlencode(args)


@transport_only
def test_the_ui_is_served_at_the_root_with_a_strict_policy(media):
    lk, s, tok = media
    st, h, body = s.request("GET", "/")
    assert st == 200 and h["content-type"].startswith("text/html")
    assert b"<script" in body and b"/ui/" in body
    csp = h["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert h["referrer-policy"] == "no-referrer" and h["x-frame-options"] == "DENY"
    # every file the page names is served, with its type
    import re
    for src in re.findall(rb'(?:src|href)="(/ui/[^"]+)"', body):
        st, h, _ = s.request("GET", src.decode())
        assert st == 200, src
    assert s.request("GET", "/ui/nope.js")[0] == 404
    assert s.request("GET", "/ui/../README.md")[0] == 404
    assert s.request("POST", "/")[0] == 405
    # a page of another site cannot use the API through a visitor's browser
    st, out = s.json("GET", "/ui/session", token=tok["rw"], headers={"Origin": "http://evil.example"})
    assert st == 403


def test_the_session_says_what_the_token_may_do(media):
    lk, s, tok = media
    assert s.json("GET", "/ui/session", token=tok["rw"])[1] | {"version": None} == {
        "tenant": "ui", "role": "read-write", "writes": True, "version": None}
    assert s.json("GET", "/ui/session", token=tok["ro"])[1]["writes"] is False
    st, out = s.json("GET", "/ui/session", token="nope")
    assert st == 401 and out["error"] == "unauthorized"
    assert s.json("GET", "/ui/session")[0] == 401
    # the UI's page origin is accepted (its fetches carry Origin)
    st, _ = s.json("GET", "/ui/session", token=tok["ro"],
                   headers={"Origin": f"http://127.0.0.1:{s.port}"})
    assert st == 200


def test_thumbnails_of_images_a_table_holds(media):
    from PIL import Image
    lk, s, tok = media
    uri, w, h = lk.rows("SELECT image_uri, image_width, image_height FROM raw.coco "
                        "ORDER BY image_width DESC, image_uri LIMIT 1")[1]
    path = q("/ui/thumb", table="raw.coco", column="image_uri", uri=uri, size=96)
    st, hd, body = s.request("GET", path, token=tok["ro"])
    assert st == 200 and hd["content-type"] == "image/jpeg", body[:200]
    assert hd["x-cache"] == "miss" and "max-age" in hd["cache-control"]
    im = Image.open(io.BytesIO(body))
    assert im.format == "JPEG" and max(im.size) == 96
    assert abs(im.size[0] / im.size[1] - int(w) / int(h)) < 0.03
    st, hd, again = s.request("GET", path, token=tok["ro"])
    assert (st, hd["x-cache"], again) == (200, "hit", body)
    # default size 160, never enlarged past the image
    st, _, body = s.request("GET", q("/ui/thumb", table="raw.coco", column="image_uri", uri=uri),
                            token=tok["ro"])
    assert max(Image.open(io.BytesIO(body)).size) == min(160, max(int(w), int(h)))
    # only a value of the column is served: no other object, no path trick
    for bad in ["../../etc/passwd", "/etc/passwd", uri + "x", "assets/../lakehouse.conf"]:
        st, out = s.json("GET", q("/ui/thumb", table="raw.coco", column="image_uri", uri=bad),
                         token=tok["ro"])
        assert st == 404 and "only images a table references" in out["message"], bad
    # a tenant sees only its tables
    st, out = s.json("GET", path, token=tok["limited"])
    assert st == 403 and "raw.coco" in out["message"]
    st, out = s.json("GET", path)
    assert st == 401
    for args, why in [({"table": "raw.coco", "column": "image_uri"}, "needs table, column and uri"),
                      ({"table": "raw.coco", "column": "image_uri", "uri": uri, "size": "0"},
                       "size must be"),
                      ({"table": "raw.coco", "column": "image_uri", "uri": uri, "size": "100"},
                       "size must be 64, 96"),
                      ({"table": "raw.coco", "column": "nope", "uri": uri}, "nope"),
                      ({"table": "raw.nope", "column": "image_uri", "uri": uri}, "nope")]:
        st, out = s.json("GET", q("/ui/thumb", **args), token=tok["ro"])
        assert st in (400, 404) and why in out["message"], (args, out)
    # a table is named as the tools name it, quoted where a part needs it; nothing but a
    # table the token may read passes (a subquery in its place is no table)
    lk.sql('CREATE SCHEMA "we.ird"; CREATE TABLE "we.ird"."im g" AS SELECT image_uri FROM raw.coco')
    st, hd, _ = s.request("GET", q("/ui/thumb", table='"we.ird"."im g"', column="image_uri",
                                   uri=uri), token=tok["ro"])
    assert st == 200 and hd["content-type"] == "image/jpeg"
    for bad in [f"(SELECT '{uri}' AS image_uri)", "raw.coco WHERE 1=1 --", "raw.coco, raw.other"]:
        st, out = s.json("GET", q("/ui/thumb", table=bad, column="image_uri", uri=uri),
                         token=tok["ro"])
        assert st in (400, 404) and "table" in out["message"], (bad, out)
    # a caption is not an image: a clear error, no crash
    cap = lk.scalar("SELECT caption FROM raw.coco WHERE caption IS NOT NULL LIMIT 1")
    st, out = s.json("GET", q("/ui/thumb", table="raw.coco", column="caption", uri=cap),
                     token=tok["ro"])
    assert st in (400, 404, 422) and out["message"], out


def test_a_fragment_is_served_as_a_playable_mp4(media, tmp_path):
    lk, s, tok = media
    clip, frag, init, length, t0, t1 = lk.rows(
        "SELECT clip_uri, fragment_id, init_length, byte_length, start_time, end_time "
        "FROM raw.clips WHERE fragment_id = 2")[1]
    path = q("/ui/fragment", table="raw.clips", clip_uri=clip, fragment=frag)
    st, hd, body = s.request("GET", path, token=tok["ro"])
    assert st == 200 and hd["content-type"] == "video/mp4"
    # the init segment and that fragment only: what `video fetch` writes
    assert len(body) == int(init) + int(length)
    out = tmp_path / "f.mp4"
    run("video", "fetch", clip, str(frag), "--table", "raw.clips", "-o", str(out), lake=lk.dir,
        check=True)
    assert out.read_bytes() == body
    p = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-show_entries",
                        "stream=nb_read_frames", "-of", "json", str(out)], capture_output=True,
                       text=True, check=True)
    assert int(json.loads(p.stdout)["streams"][0]["nb_read_frames"]) == round(
        (float(t1) - float(t0)) * 25)
    st, out = s.json("GET", q("/ui/fragment", table="raw.clips", clip_uri=clip, fragment=99),
                     token=tok["ro"])
    assert st == 404
    st, out = s.json("GET", q("/ui/fragment", table="raw.clips", clip_uri="../x.mp4", fragment=0),
                     token=tok["ro"])
    assert st == 404
    assert s.json("GET", path, token=tok["limited"])[0] == 403
    assert s.json("GET", q("/ui/fragment", table="raw.clips", clip_uri=clip), token=tok["ro"])[0] == 400


def test_writes_from_the_ui_name_their_author(media):
    lk, s, tok = media
    st, out = s.json("POST", "/tools/tag_create", {"name": "ui-tag"}, token=tok["ro"])
    assert st == 403
    st, out = s.json("POST", "/tools/rollback_table", {"table": "raw.other", "snapshot": 1},
                     token=tok["rw"])
    assert st == 404 or st == 400, out  # raw.other did not exist at snapshot 1
    before = lk.snapshot_count()
    first = int(lk.cat("SELECT min(begin_snapshot) FROM ducklake_table WHERE table_name = 'other'")[0][0])
    lk.sql("INSERT INTO raw.other VALUES (2)")
    st, out = s.json("POST", "/tools/rollback_table", {"table": "raw.other", "snapshot": first},
                     token=tok["rw"])
    assert st == 200, out
    snap = s.json("POST", "/tools/snapshots", {"table": "raw.other", "limit": 1}, token=tok["ro"])[1]
    assert snap["snapshots"][0]["author"] == "ui"
    assert lk.rows("SELECT x FROM raw.other") == [["x"], ["1"]]
    assert lk.snapshot_count() == before + 2
    st, out = s.json("POST", "/tools/tag_create", {"name": "ui-tag"}, token=tok["rw"])
    assert st == 200 and out["snapshot_id"] == snap["snapshots"][0]["snapshot_id"]
    # a tenant limited to some tables makes no lake-wide tag
    st, out = s.json("POST", "/tools/tag_create", {"name": "acme-tag"}, token=tok["limited"])
    assert st == 403 and "whole lake" in out["message"]


def test_rows_written_by_hand_reach_no_other_object(media):
    """A URI in a table is served only when it names an asset the lake stored: not a
    landing file, a data file or a path outside, whatever a row a tenant can write says;
    and an index row's sizes cannot overflow or exhaust the server."""
    lk, s, tok = media
    files = lk.data_files()
    objects = [next(p for p in files if p.startswith("landing/")),
               next(p for p in files if p.endswith(".parquet")), "lakehouse.conf"]
    assert not any(o.startswith("assets/") for o in objects)
    image = lk.scalar("SELECT image_uri FROM raw.coco LIMIT 1")
    rows = ", ".join(f"('{o}', {i}, 8, 64, 8, 1, 2, 0, 1, '{o}')" for i, o in enumerate(objects))
    lk.sql(f"INSERT INTO raw.evil VALUES {rows}, ('{image}', 90, 100, 9223372036854775807, 100, "
           f"1, 2, 0, 1, '{image}'), ('{image}', 91, 9223372036854775000, 1000, 10, 1, 2, 0, 1, "
           "NULL)")
    for i, o in enumerate(objects):
        st, out = s.json("GET", q("/ui/fragment", table="raw.evil", clip_uri=o, fragment=i),
                         token=tok["limited"])
        assert st == 404 and "is not an asset this lake stored" in out["message"], (o, out)
        st, out = s.json("GET", q("/ui/thumb", table="raw.evil", column="image_uri", uri=o),
                         token=tok["limited"])
        assert st == 404 and "is not an asset this lake stored" in out["message"], (o, out)
    # sizes that would make the server read gigabytes, or overflow: refused before reading
    st, out = s.json("GET", q("/ui/fragment", table="raw.evil", clip_uri=image, fragment=90),
                     token=tok["limited"])
    assert st == 413, out
    st, out = s.json("GET", q("/ui/fragment", table="raw.evil", clip_uri=image, fragment=91),
                     token=tok["limited"])
    assert st == 422 and "ends past the object" in out["message"], out
    assert s.json("GET", "/ui/session", token=tok["ro"])[0] == 200  # still serving
    # and the lake's own fetch refuses an index row past its object, without overflowing
    lk.sql(f"CREATE TABLE raw.badindex AS SELECT * FROM raw.clips WHERE fragment_id = 0")
    lk.sql("UPDATE raw.badindex SET byte_offset = 9223372036854775000, byte_length = 1000")
    clip = lk.scalar("SELECT clip_uri FROM raw.badindex")
    p = run("video", "fetch", clip, "0", "--table", "raw.badindex", "-o", "/dev/null",
            lake=lk.dir)
    assert p.returncode == 1 and "ends past the object" in p.stderr, p.stderr


def test_a_limited_tenant_sees_only_its_tables_history(media):
    lk, s, tok = media
    lk.sql("INSERT INTO raw.other VALUES (7)")
    st, out = s.json("POST", "/tools/snapshots", {}, token=tok["limited"])
    assert st == 200 and out["snapshots"]
    ids = {str(r[0]) for r in lk.cat("SELECT table_id FROM ducklake_table WHERE table_name IN "
                                     "('other', 'evil', 'badindex') AND end_snapshot IS NULL")}
    for snap in out["snapshots"]:
        for entry in snap["changes"].split(","):
            kind, _, value = entry.partition(":")
            assert kind.endswith("_table") and (value in ids or "other" in value or "evil" in value), snap
    full = s.json("POST", "/tools/snapshots", {}, token=tok["ro"])[1]["snapshots"]
    assert len(full) > len(out["snapshots"])
    # a table named without its schema is main's, for every tool and the tenant rules
    lk.sql("CREATE TABLE main.coco (x INTEGER)")
    d = s.json("POST", "/tools/describe_table", {"table": "coco"}, token=tok["ro"])[1]
    assert (d["schema"], [c["name"] for c in d["columns"]]) == ("main", ["x"])
