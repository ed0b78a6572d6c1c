"""One torch.distributed job for test_torch.py: `world` gloo ranks on 127.0.0.1
(MASTER_ADDR/MASTER_PORT from the environment), each iterating a LakeIterableDataset
through a DataLoader with 2 workers in lockstep (an all_reduce per batch, as DDP does, so
unequal shares would hang), optionally resuming from a state and stopping after N batches.
Each rank writes out/rank<r>.json: the ids it got, its state and the snapshot read.

usage: ddp_worker.py LAKE WORLD OUT [STATE] [STOP_AFTER] [SNAPSHOT]"""
import json
import os
import sys

import torch
import torch.distributed as dist
import torch.multiprocessing as mp


def run(rank, lake, world, out, state, stop_after, snapshot):
    dist.init_process_group("gloo", init_method="env://", rank=rank, world_size=world)
    from lakehouse.torch import DataLoader, LakeIterableDataset
    ds = LakeIterableDataset(lake, "t", batch_size=50, shuffle="global", seed=4,
                             version=snapshot or None)
    assert (ds.rank, ds.world_size) == (rank, world)
    loader = DataLoader(ds, num_workers=2)
    if state:
        loader.load_state_dict({"state": state})
    ids = []
    for i, b in enumerate(loader):
        ids += b["id"].tolist()
        dist.all_reduce(torch.ones(1))  # lockstep
        if stop_after and i + 1 == stop_after:
            break
    with open(os.path.join(out, f"rank{rank}.json"), "w") as f:
        json.dump({"ids": ids, "state": loader.state_dict()["state"],
                   "snapshot": ds.snapshot_id}, f)
    dist.barrier()
    dist.destroy_process_group()


if __name__ == "__main__":
    lake, world, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    state = sys.argv[4] if len(sys.argv) > 4 else ""
    stop_after = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    snapshot = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    os.makedirs(out, exist_ok=True)
    mp.spawn(run, args=(lake, world, out, state, stop_after, snapshot), nprocs=world)
