"""The experiment and run registry (issue 12): `lakehouse experiment` and `lakehouse run`,
the tools of the same names, the tables in schema `registry` (ordinary lake tables: they
time-travel and join with data), state changes that are refused, ids that two writers race
for, and the event each change writes to the outbox events.log in its own snapshot."""
import json
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

from lh import run

UUID7 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def ok(lake, *args):
    return run(*args, lake=lake.dir, check=True).stdout


def err(lake, *args):
    p = run(*args, lake=lake.dir)
    assert p.returncode != 0, p.stdout
    return p.stderr


def start(lake, exp, sim, *extra):
    out = ok(lake, "run", "start", exp, "--sim-index", str(sim), *extra)
    run_id = out.splitlines()[-1]
    assert UUID7.match(run_id), out
    return run_id


def snapshots(lake):
    return int(lake.scalar("SELECT count(*) FROM ducklake_snapshots('lake')"))


def test_lifecycle_states_metrics_and_events(lake):
    # reading before anything was written: the columns, no rows, no error
    out = ok(lake, "experiment", "list", "--format", "csv")
    assert out.splitlines() == ["experiment_id,project,description,status,runs,started,"
                                "completed,failed,created_at,completed_at"]
    assert "not registered" in err(lake, "experiment", "show", "coco-v1")
    assert ok(lake, "experiment", "create", "coco-v1", "--project", "coco", "--description",
              "captions").strip() == "created experiment 'coco-v1' of project 'coco'"
    assert "exists already" in err(lake, "experiment", "create", "coco-v1", "--project", "x")
    r0 = start(lake, "coco-v1", 0, "--config", '{"model": "resnet50", "lr": 0.1}',
               "--s3-prefix", "s3://bucket/runs/0/")
    r1 = start(lake, "coco-v1", 1)
    started_snap = lake.scalar(f"SELECT snapshot_id FROM registry.simulation_runs "
                               f"WHERE run_id = '{r0}'")
    # metrics: an explicit step, then the next one by default
    assert f"at step 5" in ok(lake, "run", "log", r0, "loss=0.5", "acc=0.75", "--step", "5")
    assert f"at step 6" in ok(lake, "run", "log", r0, "loss=0.25")
    assert f"at step 0" in ok(lake, "run", "log", r1, "loss=1e-3")
    assert lake.rows(f"SELECT step, key, value FROM registry.metrics WHERE run_id = '{r0}' "
                     "ORDER BY step, key") == [["step", "key", "value"], ["5", "acc", "0.75"],
                                               ["5", "loss", "0.5"], ["6", "loss", "0.25"]]
    # state changes: started -> completed | failed once; the rest refused, nothing written
    ok(lake, "run", "complete", r0)
    ok(lake, "run", "fail", r1, "--reason", "simulator crashed")
    before = snapshots(lake)
    assert f"run '{r0}' is completed: only a started run can be failed" in err(lake, "run", "fail", r0)
    assert "is failed: only a started run can be completed" in err(lake, "run", "complete", r1)
    assert "is completed: only a started run can be completed" in err(lake, "run", "complete", r0)
    assert "not registered" in err(lake, "run", "complete", "01234567-0000-7000-8000-000000000000")
    assert "not registered" in err(lake, "run", "log", "nope", "a=1")
    assert "experiment 'nope' is not registered: create it first" in err(
        lake, "run", "start", "nope", "--sim-index", "0")
    # an experiment completes only when all its runs have
    assert "these runs have not completed: sim 1 (failed)" in err(lake, "experiment", "complete",
                                                                  "coco-v1")
    assert snapshots(lake) == before
    rows = lake.rows("SELECT sim_index, status, config->>'model', s3_prefix, reason, "
                     "completed_at IS NOT NULL FROM registry.simulation_runs ORDER BY sim_index")
    assert rows[1:] == [["0", "completed", "resnet50", "s3://bucket/runs/0/", "", "true"],
                        ["1", "failed", "", "", "simulator crashed", "true"]]
    # time travel: the run as it was when it started
    assert lake.rows(f"SELECT status FROM registry.simulation_runs AT (VERSION => {started_snap}) "
                     f"WHERE run_id = '{r0}'") == [["status"], ["started"]]
    listed = ok(lake, "experiment", "list", "--format", "csv").splitlines()
    assert listed[1].startswith("coco-v1,coco,captions,active,2,0,1,1,")
    shown = ok(lake, "experiment", "show", "coco-v1")
    assert r0 in shown and r1 in shown and "runs:" in shown
    runs = ok(lake, "run", "list", "coco-v1", "--format", "csv").splitlines()
    assert [l.split(",")[0] for l in runs[1:]] == [r0, r1]
    assert "not registered" in err(lake, "run", "list", "other")
    # the events: one per change, each in the snapshot of its change
    ev = lake.rows("SELECT subject, payload->>'run_id', snapshot_id FROM events.log "
                   "ORDER BY snapshot_id, event_id")[1:]
    assert [e[0] for e in ev] == ["lakehouse.sim.started", "lakehouse.sim.started",
                                  "lakehouse.sim.completed", "lakehouse.sim.failed"]
    assert ev[0][1:] == [r0, started_snap]
    assert [e[1] for e in ev] == [r0, r1, r0, r1]
    payload = json.loads(lake.scalar("SELECT payload FROM events.log WHERE subject = "
                                     "'lakehouse.sim.failed'"))
    assert payload == {"run_id": r1, "experiment_id": "coco-v1", "sim_index": 1,
                       "reason": "simulator crashed"}
    # a new experiment whose runs all complete can complete; then it takes no runs
    ok(lake, "experiment", "create", "e2", "--project", "coco")
    assert "has no runs" in err(lake, "experiment", "complete", "e2")
    ok(lake, "run", "complete", start(lake, "e2", 0))
    assert ok(lake, "experiment", "complete", "e2").strip() == "experiment 'e2' completed"
    assert "is completed: it takes no new runs" in err(lake, "run", "start", "e2", "--sim-index", "1")
    assert lake.scalar("SELECT count(*) FROM events.log WHERE subject = "
                       "'lakehouse.experiment.completed'") == "1"


def test_bad_input_is_refused_and_changes_nothing(lake):
    ok(lake, "experiment", "create", "e", "--project", "p")
    before = snapshots(lake)
    for args, msg in [
        (("experiment", "create", "a b", "--project", "p"), "is not valid"),
        (("experiment", "create", "x" * 129, "--project", "p"), "is not valid"),
        (("experiment", "create", "ok"), "--project P is required"),
        (("run", "start", "e"), "--sim-index K is required"),
        (("run", "start", "e", "--sim-index", "-1"), "0 or more"),
        (("run", "start", "e", "--sim-index", "0", "--config", "{bad"), "config is not JSON"),
        (("run", "start", "e", "--sim-index", "0", "--config", "[1]"), "must be a JSON object"),
        (("run", "log", "r"), "no metrics given"),
        (("run", "log", "r", "loss=abc"), "is not KEY=NUMBER"),
        (("run", "log", "r", "loss=inf"), "is not KEY=NUMBER"),
        (("run", "bogus"), "expected start, log"),
    ]:
        assert msg in err(lake, *args), args
    # the highest step there is, then no default step past it
    r = start(lake, "e", 0)
    ok(lake, "run", "log", r, "x=1", "--step", str(2**63 - 1))
    assert "the largest there is" in err(lake, "run", "log", r, "x=2")
    assert lake.scalar(f"SELECT count(*) FROM registry.metrics WHERE run_id = '{r}'") == "1"
    for name in (".", "..", ".e"):
        assert "is not valid" in err(lake, "experiment", "create", name, "--project", "p")
    assert "usage" in ok(lake, "help", "run")


def test_racing_writers_get_one_experiment_and_one_end_per_run(lake):
    def create(i):
        return run("experiment", "create", "race", "--project", f"p{i}", lake=lake.dir)
    with ThreadPoolExecutor(8) as ex:
        results = list(ex.map(create, range(8)))
    wins = [p for p in results if p.returncode == 0]
    assert len(wins) == 1, [p.stderr for p in results]
    assert all("exists already" in p.stderr for p in results if p.returncode != 0)
    assert lake.scalar("SELECT count(*) FROM registry.experiments") == "1"
    # complete and fail race for each of four runs: one of them wins, the other is told
    runs = [start(lake, "race", i) for i in range(4)]

    def end(args):
        verb, r = args
        return verb, run("run", verb, r, lake=lake.dir)
    with ThreadPoolExecutor(8) as ex:
        ended = list(ex.map(end, [(v, r) for r in runs for v in ("complete", "fail")]))
    for r in runs:
        mine = [(v, p) for v, p in ended if r in p.args]
        won = [v for v, p in mine if p.returncode == 0]
        assert len(won) == 1, [(v, p.stderr) for v, p in mine]
        lost = [p for v, p in mine if p.returncode != 0]
        assert "only a started run can be" in lost[0].stderr, lost[0].stderr
        status = lake.scalar(f"SELECT status FROM registry.simulation_runs WHERE run_id = '{r}'")
        assert status == ("completed" if won[0] == "complete" else "failed")
    ends = lake.scalar("SELECT count(*) FROM events.log WHERE subject IN "
                       "('lakehouse.sim.completed', 'lakehouse.sim.failed')")
    assert ends == "4"


def test_cross_plane_join_and_tools(lake):
    """The data-plane design's query: config->>'model' of the runs joined with the rows
    each run wrote, grouped, in one query; and the same registry through the tools."""
    def tool(name, args, *flags):
        p = run("tool", name, "--json", json.dumps(args), *flags, lake=lake.dir)
        return p.returncode, (json.loads(p.stdout) if p.returncode == 0 else p.stderr)

    rc, out = tool("experiment_create", {"experiment_id": "sim-a", "project": "robots"}, "--read-write")
    assert rc == 0 and out["status"] == "active"
    rc, out = tool("experiment_create", {"experiment_id": "sim-a", "project": "robots"}, "--read-write")
    assert rc != 0 and "exists already" in out
    rc, out = tool("run_start", {"experiment_id": "sim-a", "sim_index": 0}, )
    assert rc != 0 and "read-only" in out
    runs = {}
    for i, model in enumerate(["vit", "resnet", "vit"]):
        rc, out = tool("run_start", {"experiment_id": "sim-a", "sim_index": i,
                                     "config": {"model": model}}, "--read-write")
        assert rc == 0 and UUID7.match(out["run_id"]), out
        runs[i] = out["run_id"]
    rc, out = tool("run_log", {"run_id": runs[0], "metrics": {"reward": 3.5}}, "--read-write")
    assert rc == 0 and out["step"] == 0 and out["logged"] == 1
    rc, out = tool("run_log", {"run_id": runs[0], "metrics": {"reward": "high"}}, "--read-write")
    assert rc != 0 and "must be a number" in out
    rc, out = tool("run_fail", {"run_id": runs[2], "reason": "diverged"}, "--read-write")
    assert rc == 0 and out["status"] == "failed"
    rc, out = tool("run_complete", {"run_id": runs[2]}, "--read-write")
    assert rc != 0 and "is failed" in out
    rc, out = tool("run_list", {"experiment_id": "sim-a"})
    assert rc == 0 and [r[0] for r in out["rows"]] == [runs[0], runs[1], runs[2]]
    rc, out = tool("experiment_show", {"experiment_id": "sim-a"})
    assert rc == 0 and out["experiment"]["runs"] == 3 and out["experiment"]["failed"] == 1
    rc, out = tool("experiment_list", {})
    assert rc == 0 and out["row_count"] == 1
    lake.sql("CREATE TABLE frames (run_id VARCHAR, frame INTEGER)")
    values = ", ".join(f"('{runs[i]}', {f})" for i, n in [(0, 3), (1, 2), (2, 4)] for f in range(n))
    lake.sql(f"INSERT INTO frames VALUES {values}")
    got = lake.rows("SELECT r.config->>'model' AS model, count(*) AS frames, "
                    "count(DISTINCT r.run_id) AS runs FROM registry.simulation_runs r "
                    "JOIN frames f ON f.run_id = r.run_id GROUP BY 1 ORDER BY 1")
    assert got == [["model", "frames", "runs"], ["resnet", "2", "1"], ["vit", "7", "2"]]
