#!/usr/bin/env python3
"""K simulators writing into one lake at once, and a coordinator that completes their
experiment (the design's phase 4 at small scale; issue 12).

Starts `lakehouse serve --read-write` on the lake (delivering events to NATS), the
coordinating agent `lakehouse agent coordinator EXPERIMENT --runs K`, and K simulator
processes. Each simulator registers its run (`lakehouse run start`), writes frames and
telemetry rows tagged with its run id through POST /data/ingest (idempotent job ids),
logs metrics (`lakehouse run log`), and completes its run; the events (sim.started,
ingest.completed, sim.completed) go out through the outbox. The driver waits for the
coordinator, checks every row arrived and belongs to its run, and prints a summary.

usage: simulate.py --lake DIR --nats URL [--experiment ID] [--sims K] [--steps N]
                   [--batch B] [--bin build/lakehouse]
Exit status 0 when the experiment completed with every row in place."""
import argparse
import http.client
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def lh(args, *cmd, check=True):
    p = subprocess.run([args.bin, "--lake", args.lake, *cmd], capture_output=True, text=True)
    if check and p.returncode != 0:
        sys.exit(f"simulate: lakehouse {' '.join(cmd)} failed: {p.stderr.strip()}")
    return p.stdout


def post(port, token, path, body):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    c.request("POST", path, body=json.dumps(body),
              headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = c.getresponse()
    out = json.loads(r.read())
    c.close()
    if r.status != 201:
        raise RuntimeError(f"{path}: {r.status} {out}")
    return out


def simulator(args, k, port, token):
    """One simulator process's work (run in a process of its own by the driver)."""
    rng = random.Random(k)
    config = {"model": ["policy-small", "policy-large"][k % 2], "seed": k, "steps": args.steps}
    run_id = lh(args, "run", "start", args.experiment, "--sim-index", str(k), "--config",
                json.dumps(config), "--s3-prefix", f"sims/{args.experiment}/{k}/").splitlines()[-1]
    reward = 0.0
    for lo in range(0, args.steps, args.batch):
        steps = range(lo, min(lo + args.batch, args.steps))
        frames = [{"run_id": run_id, "sim_index": k, "step": s,
                   "frame_uri": f"sims/{args.experiment}/{k}/frame_{s:05d}.png",
                   "reward": rng.random()} for s in steps]
        telemetry = [{"run_id": run_id, "step": s, "joint": j, "torque": rng.gauss(0, 1)}
                     for s in steps for j in range(3)]
        post(port, token, "/data/ingest", {"table": "sim.frames", "records": frames,
                                           "job_id": f"{run_id}/frames/{lo}"})
        post(port, token, "/data/ingest", {"table": "sim.telemetry", "records": telemetry,
                                           "job_id": f"{run_id}/telemetry/{lo}"})
        reward = sum(f["reward"] for f in frames) / len(frames)
        lh(args, "run", "log", run_id, f"mean_reward={reward}", f"frames={lo + len(frames)}",
           "--step", str(lo))
    lh(args, "run", "complete", run_id)
    return run_id


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lake", required=True)
    ap.add_argument("--nats", required=True)
    ap.add_argument("--experiment", default="fleet-0")
    ap.add_argument("--sims", type=int, default=4)
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "build",
                                                  "lakehouse"))
    ap.add_argument("--simulator", nargs=3, metavar=("K", "PORT", "TOKEN"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.simulator:  # one simulator, as a process of its own
        print(simulator(args, int(args.simulator[0]), int(args.simulator[1]), args.simulator[2]))
        return 0
    lh(args, "sql", "-c", "CREATE SCHEMA IF NOT EXISTS sim; "
       "CREATE TABLE IF NOT EXISTS sim.frames (run_id VARCHAR NOT NULL, sim_index INTEGER, "
       "step INTEGER, frame_uri VARCHAR, reward DOUBLE); "
       "CREATE TABLE IF NOT EXISTS sim.telemetry (run_id VARCHAR NOT NULL, step INTEGER, "
       "joint INTEGER, torque DOUBLE)")
    lh(args, "experiment", "create", args.experiment, "--project", "fleet", "--description",
       f"{args.sims} simulators x {args.steps} steps")
    token = lh(args, "token", "create", "--tenant", "sim").splitlines()[-1]
    server = subprocess.Popen([args.bin, "--lake", args.lake, "serve", "--read-write", "--port",
                               "0", "--nats", args.nats], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        port = int(line.split("127.0.0.1:")[1].split("/")[0])
        print(f"server on port {port}, delivering events to {args.nats}")
        coordinator = subprocess.Popen([args.bin, "--lake", args.lake, "agent", "coordinator",
                                        args.experiment, "--runs", str(args.sims), "--nats",
                                        args.nats], stdout=subprocess.PIPE, text=True)
        sims = [subprocess.Popen([sys.executable, __file__, "--lake", args.lake, "--nats", args.nats,
                                  "--experiment", args.experiment, "--steps", str(args.steps),
                                  "--batch", str(args.batch), "--bin", args.bin, "--simulator",
                                  str(k), str(port), token], stdout=subprocess.PIPE, text=True)
                for k in range(args.sims)]
        runs = []
        for k, p in enumerate(sims):
            out, _ = p.communicate()
            if p.returncode != 0:
                sys.exit(f"simulate: simulator {k} failed")
            runs.append(out.strip().splitlines()[-1])
            print(f"simulator {k}: run {runs[-1]} completed")
        out, _ = coordinator.communicate(timeout=600)
        for line in out.splitlines():
            print("coordinator:", line)
        if coordinator.returncode != 0:
            sys.exit("simulate: the coordinator did not complete the experiment")
    finally:
        server.terminate()
        server.wait(timeout=120)
    got = lh(args, "sql", "--format", "csv", "-c",
             f"SELECT r.sim_index, r.run_id, (SELECT count(*) FROM sim.frames f WHERE f.run_id = "
             f"r.run_id), (SELECT count(*) FROM sim.telemetry t WHERE t.run_id = r.run_id) FROM "
             f"registry.simulation_runs r WHERE r.experiment_id = '{args.experiment}' ORDER BY 1")
    ok = True
    for row in got.splitlines()[1:]:
        k, run_id, frames, telemetry = row.split(",")
        good = int(frames) == args.steps and int(telemetry) == 3 * args.steps
        ok &= good
        print(f"run {k} ({run_id}): {frames} frames, {telemetry} telemetry rows"
              f"{'' if good else ' -- MISSING ROWS'}")
    status = lh(args, "experiment", "show", args.experiment, "--format", "csv").splitlines()[1]
    print("experiment:", status.split(",")[3])
    return 0 if ok and ",completed," in status else 1


if __name__ == "__main__":
    sys.exit(main())
