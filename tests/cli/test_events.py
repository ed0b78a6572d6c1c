"""Events (issue 12): the outbox events.log written in the snapshot of each change, and
its delivery to a real NATS JetStream (Debian's nats-server on 127.0.0.1): stream
LAKEHOUSE made when missing, Nats-Msg-Id = event_id, commit order, nothing lost while
NATS is down (writes never wait), repeats dropped by the server, and no event for a write
that failed or was rolled back. The server delivers in the background; `lakehouse events
deliver` does it on demand."""
import json
import subprocess
import os
import threading
import time

import pytest

from lh import Nats, environ, run
from test_serve import Server, token

# the sanitizer build runs fewer ingests (each one is a snapshot through HTTP)
INGESTS = 200 if os.environ.get("LH_CRASH_TRIALS") else 1000


@pytest.fixture
def nats(tmp_path):
    n = Nats(tmp_path)
    yield n
    n.stop()


def outbox(lake):
    return lake.rows("SELECT event_id, subject, snapshot_id FROM events.log "
                     "ORDER BY snapshot_id, event_id")[1:]


def wait_delivered(lake, what, timeout=600):
    """Waits (without a time limit on the machine's speed: only a generous ceiling) until
    nothing is pending."""
    deadline = time.monotonic() + timeout
    while True:
        p = run("events", "pending", lake=lake.dir, check=True)
        if p.stdout.strip() == "0":
            return
        assert time.monotonic() < deadline, f"{what}: {p.stdout} events still pending"
        time.sleep(0.2)


def test_deliver_publishes_in_commit_order_once(lake, nats, tmp_path):
    # nothing to deliver and no outbox yet: fine
    p = run("events", "deliver", "--nats", nats.url, lake=lake.dir, check=True)
    assert p.stdout.startswith("delivered 0 events")
    assert run("events", "list", "--format", "csv", lake=lake.dir, check=True).stdout == \
        "event_id,subject,snapshot_id,created_at,payload\n"
    p = run("events", "emit", "lakehouse.a.*", lake=lake.dir)
    assert p.returncode == 1 and "is not valid" in p.stderr
    run("experiment", "create", "e", "--project", "p", lake=lake.dir, check=True)
    runs = [run("run", "start", "e", "--sim-index", str(i), lake=lake.dir,
                check=True).stdout.splitlines()[-1] for i in range(3)]
    run("run", "complete", runs[0], lake=lake.dir, check=True)
    run("run", "fail", runs[1], "--reason", "boom", lake=lake.dir, check=True)
    assert run("events", "pending", lake=lake.dir, check=True).stdout == "5\n"
    # without NATS: an error naming what to do, and the events wait
    p = run("events", "deliver", lake=lake.dir, env={"LAKEHOUSE_NATS_URL": ""})
    assert p.returncode == 1 and "LAKEHOUSE_NATS_URL" in p.stderr
    port = nats.port
    p = run("events", "deliver", "--nats", f"nats://127.0.0.1:{port + 1 if port < 65535 else 1}",
            "--timeout-ms", "2000", lake=lake.dir)
    assert p.returncode == 1 and "5 wait in the outbox" in p.stderr, p.stderr
    p = run("events", "deliver", "--max", "2", lake=lake.dir, env={"LAKEHOUSE_NATS_URL": nats.url})
    assert p.stdout.startswith("delivered 2 events") and "3 pending" in p.stdout, p.stdout
    p = run("events", "deliver", "--nats", nats.url, lake=lake.dir, check=True)
    assert p.stdout == "delivered 3 events (0 the server already had); 0 pending\n"
    msgs = nats.stream_messages()
    want = outbox(lake)
    assert [(m[0], m[1]) for m in msgs] == [(e[1], e[0]) for e in want]
    env = msgs[2][2]
    assert env["event_id"] == want[2][0] and env["snapshot_id"] == int(want[2][2])
    assert env["subject"] == "lakehouse.sim.started" and env["payload"]["run_id"] == runs[2]
    # delivered again from the start (a lost acknowledgement): the server drops them
    lake.cat_write("DELETE FROM lakehouse_event_delivery")
    p = run("events", "deliver", "--nats", nats.url, lake=lake.dir, check=True)
    assert p.stdout.startswith("delivered 5 events (5 the server already had)"), p.stdout
    assert len(nats.stream_messages()) == 5
    # the stream as made: every lakehouse.> subject
    info = nats.request("$JS.API.STREAM.INFO.LAKEHOUSE")
    assert info["config"]["subjects"] == ["lakehouse.>"]
    listed = run("events", "list", "--subject", "lakehouse.sim.failed", "--format", "csv", lake=lake.dir,
                 check=True).stdout
    assert runs[1] in listed and runs[0] not in listed


def test_nats_killed_during_ingests_loses_nothing(lake, nats, tmp_path):
    lake.sql("CREATE SCHEMA raw; CREATE TABLE raw.frames (id INTEGER, sim INTEGER)")
    # small writes inline in the catalog (DuckLake's data inlining), as a fleet's would
    lake.sql("CALL lake.set_option('data_inlining_row_limit', 10)")
    rw = token(lake, "--tenant", "sim")
    s = Server(lake, "--read-write", "--nats", nats.url)
    try:
        # one failed write and one rolled back: no events for them
        st, out = s.json("POST", "/data/ingest", {"table": "raw.frames", "job_id": "bad",
                                                  "records": [{"id": "x"}]}, token=rw)
        assert st == 400
        p = run("sql", lake=lake.dir, input="BEGIN; INSERT INTO raw.frames VALUES (-1, -1); "
                "ROLLBACK;")
        assert p.returncode == 0, p.stderr
        done = []
        errors = []

        def ingest(lo, hi):
            for i in range(lo, hi):  # one writer: commit order is ingest order
                st, out = s.json("POST", "/data/ingest", {"table": "raw.frames", "job_id": f"j{i}",
                                                          "records": [{"id": i, "sim": i % 4}]},
                                 token=rw)
                (done if st == 201 else errors).append((i, st, out))
        third = INGESTS // 3
        ingest(0, third)
        nats.kill()          # NATS gone: every write still succeeds at once
        ingest(third, 2 * third)
        assert not errors, errors[:3]
        nats.start()         # the same store and port: the server's deliverer catches up
        t = threading.Thread(target=ingest, args=(2 * third, INGESTS))
        t.start()
        t.join()
        assert not errors and len(done) == INGESTS, errors[:3]
        wait_delivered(lake, "after the restart")
    finally:
        log = s.stderr()
        s.stop()
    assert "events wait in the outbox" in log and "delivering events to" in log, log
    want = outbox(lake)
    assert len(want) == INGESTS and {e[1] for e in want} == {"lakehouse.ingest.completed"}
    jobs = lake.rows("SELECT payload->>'source' FROM events.log")[1:]
    assert sorted(j[0] for j in jobs) == sorted(f"j{i}" for i in range(INGESTS))  # not "bad"
    # every event's snapshot committed the rows it announces
    assert lake.scalar("SELECT count(*) FROM events.log e WHERE NOT EXISTS (SELECT 1 FROM "
                       "raw.frames f WHERE f.snapshot_id = e.snapshot_id)") == "0"
    msgs = nats.stream_messages()
    seen, order = set(), []
    for subject, msg_id, env in msgs:
        assert env["event_id"] == msg_id
        if msg_id not in seen:
            seen.add(msg_id)
            order.append(msg_id)
    # exactly once after de-duplication, in commit order
    assert order == [e[0] for e in want]
    assert len(msgs) == INGESTS  # JetStream dropped the repeats itself


def test_quality_agent_reacts_once_per_event(lake, nats, tmp_path):
    lake.sql("CREATE SCHEMA raw; CREATE TABLE raw.frames (id INTEGER, sim INTEGER)")
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"tables": {"raw.frames": {"key": "id", "required": ["sim"]}}}))

    def ingest(job, records):
        p = run("tool", "--read-write", "ingest_records", "--json",
                json.dumps({"table": "raw.frames", "job_id": job, "records": records}),
                lake=lake.dir)
        assert p.returncode == 0, p.stderr

    def agent(n):
        p = run("agent", "quality", "--nats", nats.url, "--rules", str(rules), "--max-events",
                str(n), lake=lake.dir, timeout=600)
        assert p.returncode == 0, p.stderr
        return [json.loads(l.split(" (handled")[0]) | {"repeated": "(handled before)" in l}
                for l in p.stdout.splitlines()]

    ingest("a", [{"id": 1, "sim": 0}, {"id": 2, "sim": 1}])
    run("events", "deliver", "--nats", nats.url, lake=lake.dir, check=True)
    first = agent(1)
    assert [(r["table"], r["status"], r["rows"], r["repeated"]) for r in first] == [
        ("raw.frames", "passed", 2, False)]
    # the agent is down while more rows land: a duplicate key and a NULL in a required column
    ingest("b", [{"id": 2, "sim": None}])
    run("events", "deliver", "--nats", nats.url, lake=lake.dir, check=True)
    second = agent(1)  # its durable consumer hands it the event published meanwhile
    assert second[0]["status"] == "failed" and second[0]["rows"] == 3
    assert sorted(second[0]["problems"]) == ["key 'id' has 1 duplicate values",
                                             "required column 'sim' has 1 NULLs"]
    # the report was checked at the event's snapshot, and written with its event
    reports = lake.rows("SELECT event_id, status, data_snapshot, snapshot_id FROM "
                        "registry.quality_reports ORDER BY data_snapshot")[1:]
    ingest_events = lake.rows("SELECT event_id, snapshot_id FROM events.log WHERE subject = "
                              "'lakehouse.ingest.completed' ORDER BY snapshot_id")[1:]
    assert [(r[0], r[2]) for r in reports] == [tuple(e) for e in ingest_events]
    done = lake.rows("SELECT payload->>'event_id', payload->>'status', snapshot_id FROM events.log "
                     "WHERE subject = 'lakehouse.quality.completed' ORDER BY snapshot_id")[1:]
    assert done == [[r[0], r[1], r[3]] for r in reports]
    # ... and published: the agent delivers the outbox after each batch
    subjects = [m[0] for m in nats.stream_messages()]
    assert subjects.count("lakehouse.quality.completed") == 2
    # every event again (a new consumer of the same name starts from the first): each
    # finds its report, is acknowledged, and nothing is written twice
    assert "error" not in nats.request("$JS.API.CONSUMER.DELETE.LAKEHOUSE.quality-agent")
    again = agent(2)
    assert [r["repeated"] for r in again] == [True, True]
    assert lake.scalar("SELECT count(*) FROM registry.quality_reports") == "2"
    # bad rules: a clear error before anything runs
    rules.write_text("{not json")
    p = run("agent", "quality", "--nats", nats.url, "--rules", str(rules), lake=lake.dir)
    assert p.returncode == 1 and "the rules are not JSON" in p.stderr


SIMULATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts",
                        "simulate.py")


def test_four_simulators_and_a_coordinator(lake, nats):
    """scripts/simulate.py: K = 4 simulator processes write frames and telemetry through
    /data/ingest at once, log metrics and complete their runs; the coordinating agent
    completes the experiment when all four have."""
    from lh import BIN
    p = subprocess.run(["/usr/bin/python3", SIMULATE, "--lake", lake.dir, "--nats", nats.url,
                        "--experiment", "fleet", "--sims", "4", "--steps", "40", "--batch", "10",
                        "--bin", BIN], capture_output=True, text=True, timeout=900,
                       env=environ(lake=lake.dir))
    assert p.returncode == 0, p.stdout + p.stderr
    assert "experiment: completed" in p.stdout
    # no row lost, each attributable to its run
    per_run = lake.rows("SELECT r.sim_index, count(DISTINCT f.step), count(*) FROM "
                        "registry.simulation_runs r JOIN sim.frames f USING (run_id) "
                        "GROUP BY 1 ORDER BY 1")[1:]
    assert per_run == [[str(k), "40", "40"] for k in range(4)]
    assert lake.scalar("SELECT count(*) FROM sim.telemetry t JOIN registry.simulation_runs r "
                       "USING (run_id) WHERE r.experiment_id = 'fleet'") == str(4 * 40 * 3)
    assert lake.scalar("SELECT count(*) FROM registry.metrics WHERE key = 'mean_reward'") == "16"
    assert lake.scalar("SELECT count(*) FROM sim.frames f WHERE f.sim_index <> (SELECT "
                       "sim_index FROM registry.simulation_runs r WHERE r.run_id = f.run_id)") == "0"
    # the events, published
    run("events", "deliver", "--nats", nats.url, lake=lake.dir, check=True)
    subjects = [m[0] for m in nats.stream_messages()]
    assert subjects.count("lakehouse.sim.started") == 4
    assert subjects.count("lakehouse.sim.completed") == 4
    assert subjects.count("lakehouse.experiment.completed") == 1
    assert subjects.count("lakehouse.ingest.completed") == 4 * 4 * 2


def test_asynchronous_queries(lake, nats):
    """lakehouse.query.requested -> `lakehouse agent query` -> lakehouse.query.result, for
    a request from the outbox and one a client published on NATS; a request that would
    write or read outside the lake gets an error answer."""
    lake.sql("CREATE TABLE t AS SELECT range AS i FROM range(10)")
    ask = run("events", "emit", "lakehouse.query.requested", "--payload",
              json.dumps({"sql": "SELECT count(*) AS n, sum(i) AS s FROM t"}), lake=lake.dir,
              check=True).stdout.strip()
    run("events", "deliver", "--nats", nats.url, lake=lake.dir, check=True)
    nats.publish("lakehouse.query.requested", json.dumps(
        {"request_id": "client-1", "sql": "SELECT i FROM t WHERE i > 7 ORDER BY i"}).encode())
    nats.publish("lakehouse.query.requested", json.dumps(
        {"request_id": "client-2", "sql": "DROP TABLE t"}).encode())
    nats.publish("lakehouse.query.requested", json.dumps(
        {"request_id": "client-3", "sql": "SELECT * FROM read_csv('/etc/passwd')"}).encode())
    p = run("agent", "query", "--nats", nats.url, "--max-events", "4", lake=lake.dir, timeout=600)
    assert p.returncode == 0, p.stderr
    answers = {m[2]["request_id"]: m[2] for m in nats.stream_messages()
               if m[0] == "lakehouse.query.result"}
    assert answers[ask]["rows"] == [[10, 45]] and answers[ask]["columns"][0]["name"] == "n"
    assert answers["client-1"]["rows"] == [[8], [9]]
    assert "only queries run here" in answers["client-2"]["error"], answers["client-2"]
    assert "error" in answers["client-3"] and "root:" not in json.dumps(answers["client-3"])
    assert lake.scalar("SELECT count(*) FROM t") == "10"


def test_hostile_events_and_requests(lake, nats, tmp_path):
    """What a red-team pass found: an event too big for NATS, a row of events.log written
    by hand that NATS cannot take, an event naming a file rather than a lake table, rules
    of the wrong types, and a query answer bigger than a NATS message."""
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"x": "v" * 600000}))
    p = run("events", "emit", "lakehouse.big", "--payload-file", str(big), lake=lake.dir)
    assert p.returncode == 1 and "at most 524288" in p.stderr, p.stderr
    run("events", "emit", "lakehouse.ok.first", lake=lake.dir, check=True)
    lake.sql("INSERT INTO events.log VALUES ('hand-1', 'bad subject *', '{}', now())")
    run("events", "emit", "lakehouse.ok.second", lake=lake.dir, check=True)
    p = run("events", "deliver", "--nats", nats.url, lake=lake.dir)
    assert p.returncode == 1 and "event 'hand-1'" in p.stderr and "fix or delete" in p.stderr
    assert "1 events delivered, 2 wait" in p.stderr, p.stderr
    lake.sql("DELETE FROM events.log WHERE event_id = 'hand-1'")
    p = run("events", "deliver", "--nats", nats.url, lake=lake.dir, check=True)
    assert p.stdout.startswith("delivered 1 events")
    # an ingest event naming a file of this machine: no profile of it, an error report
    secret = tmp_path / "secret.csv"
    secret.write_text("user,password\nroot,hunter2\nbob,hunter2\n")
    nats.publish("lakehouse.ingest.completed", json.dumps(
        {"event_id": "evil-1", "snapshot_id": 1, "payload": {"table": str(secret)}}).encode())
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"tables": {"*": {"key": "password"}}}))
    p = run("agent", "quality", "--nats", nats.url, "--rules", str(rules), "--max-events", "1",
            lake=lake.dir, timeout=600)
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stdout.splitlines()[0])
    assert report["status"] == "error" and "is not a table of the lake" in report["problems"][0]
    assert "hunter2" not in p.stdout and report["rows"] == 0
    rules.write_text(json.dumps({"tables": {"raw.t": {"key": 5, "required": "sim"}}}))
    p = run("agent", "quality", "--nats", nats.url, "--rules", str(rules), "--max-events", "1",
            lake=lake.dir)
    assert p.returncode == 1 and "must be {\"key\": COLUMN" in p.stderr, p.stderr
    # an answer too big for one message comes cut, and says so
    nats.publish("lakehouse.query.requested", json.dumps(
        {"request_id": "huge", "sql": "SELECT repeat('x', 1000) AS s FROM range(5000)"}).encode())
    p = run("agent", "query", "--nats", nats.url, "--max-events", "1", lake=lake.dir, timeout=600)
    assert p.returncode == 0, p.stderr
    answers = [m[2] for m in nats.stream_messages() if m[0] == "lakehouse.query.result"]
    assert answers[-1]["request_id"] == "huge" and answers[-1]["truncated"] is True
    assert 0 < answers[-1]["row_count"] < 5000
