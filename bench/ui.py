"""What the web UI asks the server for, timed over HTTP against `lakehouse serve`, each
next to a baseline from the same run (bench/run.sh, BENCH_ONLY=ui):

  - a page of 50 rows of a 10,000,000-row table (first, middle, last page) and its row
    count from the catalog (list_tables), against the count a scan gives (count(*));
  - a histogram computed by the lake (column_histogram), against reading the column
    (what a chart drawn in the browser would need; the API caps it, so it is read here
    with the CLI into a file);
  - an image thumbnail (cache miss and hit), against Debian's ffmpeg CLI scaling the same
    image to the same size;
  - a video fragment (/ui/fragment), against `lakehouse video fetch` of the same one.

Usage: ui.py BUILD_DIR. Medians of several calls; milliseconds.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
BIN = os.path.join(BUILD, "lakehouse")
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
ROWS = int(os.environ.get("BENCH_ROWS", "10000000"))


def ms(f, n=7):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    tmp = tempfile.mkdtemp(prefix="lh-bench-ui-")
    lake = os.path.join(tmp, "lake")
    env = dict(os.environ, LAKEHOUSE_CACHE_DIR=os.path.join(tmp, "cache"))
    subprocess.run(["./rebuild.sh", lake, BIN], cwd=ROOT, check=True, env=env,
                   stdout=subprocess.DEVNULL)

    def cli(*args):
        return subprocess.run([BIN, "--lake", lake, *args], check=True, capture_output=True,
                              text=True, env=env).stdout

    cli("sql", "-c", "CREATE SCHEMA big; CREATE TABLE big.numbers AS SELECT range AS id, "
        f"range % 97 AS bucket, 'row ' || range AS label FROM range({ROWS})")
    token = cli("token", "create", "--tenant", "bench", "--read-only").split()[-1]
    proc = subprocess.Popen([BIN, "--lake", lake, "serve", "--port", "0"], stdout=subprocess.PIPE,
                            text=True, env=env)
    port = int(re.search(r"127\.0\.0\.1:(\d+)", proc.stdout.readline()).group(1))
    base = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def get(path):
        r = opener.open(urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token}))
        return r.read()

    def tool(name, args):
        r = opener.open(urllib.request.Request(base + "/tools/" + name, data=json.dumps(args).encode(),
                                               headers={"Authorization": "Bearer " + token,
                                                        "Content-Type": "application/json"}))
        return r.read()

    try:
        print(f"web UI requests over HTTP, {ROWS:,} rows in big.numbers (median of 7, ms)")
        for label, offset in [("first", 0), ("middle", ROWS // 2), ("last", ROWS - 50)]:
            t = ms(lambda: tool("query", {"sql": f"SELECT * FROM big.numbers LIMIT 51 OFFSET {offset}",
                                          "max_rows": 51}))
            print(f"  page of 50 rows, {label:6}          {t:8.1f}")
        ours = ms(lambda: tool("list_tables", {"schema": "big"}))
        scan = ms(lambda: tool("query", {"sql": "SELECT count(*) FROM big.numbers"}))
        print(f"  row count from the catalog        {ours:8.1f}   count(*) scan {scan:8.1f}   "
              f"ratio {scan / ours:5.1f}x")
        out = tool("column_histogram", {"table": "big.numbers", "column": "bucket"})
        ours = ms(lambda: tool("column_histogram", {"table": "big.numbers", "column": "bucket"}), 5)
        dump = os.path.join(tmp, "bucket.csv")
        base_t = ms(lambda: cli("sql", "-c", f"COPY (SELECT bucket FROM big.numbers) TO '{dump}'"), 3)
        print(f"  histogram in SQL ({len(out):,} bytes)   {ours:8.1f}   the column read out "
              f"({os.path.getsize(dump):,} bytes) {base_t:8.1f}   ratio {base_t / ours:5.1f}x")

        table = "raw.coco_captions"
        uri = cli("sql", "--format", "csv", "-c", f"SELECT image_uri FROM {table} "
                  "ORDER BY image_bytes DESC LIMIT 1").splitlines()[1]
        def thumb(size):
            return get("/ui/thumb?" + urllib.parse.urlencode(
                {"table": table, "column": "image_uri", "uri": uri, "size": size}))
        sizes = iter([64, 96, 128, 192, 256, 320, 384])
        miss = ms(lambda: thumb(next(sizes)))  # a new size each time: decoded anew
        hit = ms(lambda: thumb(160))
        src = os.path.join(lake, "data", uri)
        jpg = os.path.join(tmp, "t.jpg")
        ff = ms(lambda: subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", src, "-vf",
                                        "scale=160:160:force_original_aspect_ratio=decrease",
                                        jpg], check=True))
        print(f"  thumbnail ({os.path.getsize(src):,}-byte PNG): miss {miss:6.1f}, hit {hit:5.1f}"
              f"   ffmpeg CLI {ff:8.1f}   ratio (miss) {ff / miss:5.1f}x")
        clip, frag = cli("sql", "--format", "csv", "-c", "SELECT clip_uri, fragment_id FROM "
                         "raw.visdrone ORDER BY fragment_id DESC LIMIT 1").splitlines()[1].split(",")
        ours = ms(lambda: get("/ui/fragment?" + urllib.parse.urlencode(
            {"table": "raw.visdrone", "clip_uri": clip, "fragment": frag})))
        out = os.path.join(tmp, "f.mp4")

        def fetch_cli():
            if os.path.exists(out):
                os.remove(out)
            cli("video", "fetch", clip, frag, "--table", "raw.visdrone", "-o", out)
        fetch = ms(fetch_cli)
        print(f"  video fragment over HTTP          {ours:8.1f}   lakehouse video fetch {fetch:8.1f}"
              f"   ratio {fetch / ours:5.1f}x")
    finally:
        proc.terminate()
        proc.wait()
        subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
