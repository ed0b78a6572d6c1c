"""lakehouse.torch with Debian's python3-torch: DataLoader workers (fork and spawn), exact
resume, epochs, torch.distributed (gloo on 127.0.0.1) with 2 and 3 ranks x 2 workers,
elastic resume 2 -> 3 ranks, a map-style dataset under DistributedSampler, zero-copy
tensors, and a tiny model trained on decoded images and captions."""
import ctypes
import io
import json
import os
import socket
import subprocess
import sys

import pytest

torch = pytest.importorskip("torch")
np = pytest.importorskip("numpy")

import lakehouse  # noqa: E402
from lakehouse import _arrow, _lib  # noqa: E402
from lakehouse.torch import DataLoader, LakeIterableDataset, LakeMapDataset  # noqa: E402

from lakes import cli, new_lake  # noqa: E402
ROWS = 2000  # live rows of the table
HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="module")
def lake_dir(tmp_path_factory):
    d = str(tmp_path_factory.mktemp("torch") / "lake")
    new_lake(d)
    cli(d, "CREATE TABLE t (id BIGINT, x FLOAT, s VARCHAR);"
           "INSERT INTO t SELECT range, range / 8, 's' || range FROM range(1500);"
           "INSERT INTO t SELECT range, range / 8, 's' || range FROM range(1500, 2500);"
           "DELETE FROM t WHERE id % 5 = 4")
    return d


def ids_of(batches):
    return [int(i) for b in batches for i in b["id"]]


@pytest.mark.parametrize("ctx", ["fork", "spawn"])
def test_dataloader_workers_epochs_and_exact_resume(lake_dir, ctx):
    ds = LakeIterableDataset(lake_dir, "t", batch_size=64, seed=7, block_size=500)
    assert ds.num_rows == ROWS and len(ds) == -(-ROWS // 64)
    loader = DataLoader(ds, num_workers=2, multiprocessing_context=ctx)
    seen, state = [], None
    for i, b in enumerate(loader):
        assert isinstance(b["id"], torch.Tensor) and b["id"].dtype == torch.int64
        assert isinstance(b["s"], list)
        seen += ids_of([b])
        if i == 9:
            state = loader.state_dict()
    assert sorted(seen) == sorted(i for i in range(2500) if i % 5 != 4)
    assert "position=640" in state["state"]
    # a new dataset (a restarted job) continues with exactly the rest
    again = LakeIterableDataset(lake_dir, "t", batch_size=64, seed=7, block_size=500,
                                version=ds.snapshot_id)
    loader2 = DataLoader(again, num_workers=2, multiprocessing_context=ctx)
    loader2.load_state_dict(state)
    assert seen[640:] == ids_of(loader2)
    # epoch 1: another order; the same epoch again: the same order
    ds.set_epoch(1)
    e1 = ids_of(DataLoader(ds, num_workers=2, multiprocessing_context=ctx))
    assert sorted(e1) == sorted(seen) and e1 != seen
    ds.set_epoch(0)
    assert ids_of(DataLoader(ds, num_workers=2, multiprocessing_context=ctx)) == seen


def test_plain_dataloader_and_a_count(lake_dir):
    ds = LakeIterableDataset(lake_dir, "t", batch_size=100, shuffle="global", seed=1)
    loader = torch.utils.data.DataLoader(ds, batch_size=None, num_workers=2)
    got = []
    for i, b in enumerate(loader):
        got += ids_of([b])
        if i == 4:
            break
    state = ds.state_dict(samples_seen=500)
    ds2 = LakeIterableDataset(lake_dir, "t", batch_size=100, shuffle="global", seed=1)
    ds2.load_state_dict(state)
    rest = ids_of(torch.utils.data.DataLoader(ds2, batch_size=None, num_workers=2))
    # workers or not, the samples come in the epoch's order
    assert got + rest == ids_of(torch.utils.data.DataLoader(ds, batch_size=None))
    assert len(got + rest) == ROWS and len(set(got + rest)) == ROWS


def test_dataloader_over_a_query(lake_dir):
    # a SELECT is a source too: every worker process computes it at the pinned snapshot
    # and gets the same rows in the same order, so each row comes once
    q = "SELECT id, upper(s) AS s, id % 3 AS k FROM t WHERE x > 10"
    ds = LakeIterableDataset(lake_dir, q, batch_size=50, shuffle="global", seed=4)
    want = sorted(i for i in range(2500) if i % 5 != 4 and i / 8 > 10)
    assert ds.num_rows == len(want)
    got = []
    for b in DataLoader(ds, num_workers=2):
        assert all(s == "S%d" % i for i, s in zip(b["id"].tolist(), b["s"]))
        got += ids_of([b])
    assert sorted(got) == want and got != want


def test_tensors_share_the_arrow_buffer(lake_dir):
    from lakehouse.torch import to_torch
    with lakehouse.open(lake_dir) as lk, lk.stream("t", shuffle="none", batch_size=256) as s:
        arr = _arrow.ArrowArray()
        assert _lib.lh_stream_next(s._h, ctypes.byref(arr)) == 0
        id_buf = arr.children[0].contents.buffers[1]
        x_buf = arr.children[1].contents.buffers[1]
        batch = to_torch(_arrow.batch_columns(s._schema, arr))
    assert batch["id"].data_ptr() == id_buf and batch["x"].data_ptr() == x_buf
    assert batch["id"][:3].tolist() == [0, 1, 2] and batch["x"].dtype == torch.float32


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_ranks(lake_dir, world, out, state="", stop_after=0, snapshot=0):
    """torch.multiprocessing.spawn of `world` gloo ranks (tests/python/ddp_worker.py),
    each with a DataLoader of 2 workers; their results land in out/rank<r>.json."""
    env = dict(os.environ, MASTER_ADDR="127.0.0.1", MASTER_PORT=str(free_port()))
    cmd = [sys.executable, os.path.join(HERE, "ddp_worker.py"), lake_dir, str(world), out,
           state, str(stop_after), str(snapshot)]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return [json.load(open(os.path.join(out, f"rank{k}.json"))) for k in range(world)]


@pytest.fixture(scope="module")
def two_ranks(lake_dir, tmp_path_factory):
    """One full epoch on 2 ranks, shared by the tests below."""
    return run_ranks(lake_dir, 2, str(tmp_path_factory.mktemp("ddp2")))


def check_shares(res, world):
    counts = {len(r["ids"]) for r in res}
    assert counts == {-(-ROWS // world)}  # equal, padded to the ceiling
    every = [i for r in res for i in r["ids"]]
    live = sorted(i for i in range(2500) if i % 5 != 4)
    assert sorted(set(every)) == live
    assert len(every) - len(set(every)) == -(-ROWS // world) * world - ROWS  # only the padding
    assert len({r["snapshot"] for r in res}) == 1


def test_distributed_ranks_get_equal_shares_exactly_once(lake_dir, tmp_path, two_ranks):
    check_shares(two_ranks, 2)
    check_shares(run_ranks(lake_dir, 3, str(tmp_path)), 3)


def test_elastic_resume_from_two_ranks_to_three(lake_dir, tmp_path, two_ranks):
    full = two_ranks
    part = run_ranks(lake_dir, 2, str(tmp_path / "part"), stop_after=4)  # 4 batches of 50
    # another run with the same seed: the same order on every rank
    assert [r["ids"] for r in part] == [r["ids"][:200] for r in full]
    state = part[0]["state"]
    assert "position=400" in state and part[1]["state"] == state
    snap = part[0]["snapshot"]
    rest = run_ranks(lake_dir, 3, str(tmp_path / "rest"), state=state, snapshot=snap)
    consumed = [i for r in part for i in r["ids"]]
    remaining = [i for r in rest for i in r["ids"]]
    assert len(consumed) == 400 and len(remaining) == 3 * 534  # 1600 left, padded by 2
    live = set(i for i in range(2500) if i % 5 != 4)
    assert set(consumed) | set(remaining) == live
    # the global order is kept: the 2-rank epoch, interleaved, is that order; the first
    # 400 were consumed, the rest came once each, padded with the epoch's first two
    order = [None] * ROWS
    for r, res in enumerate(full):
        order[r::2] = res["ids"]
    assert sorted(consumed) == sorted(order[:400])
    assert sorted(remaining) == sorted(order[400:] + order[:2])
    for r, res in enumerate(rest):  # rank r of 3 takes positions 400 + r, 403 + r, ...
        assert res["ids"] == [order[p % ROWS] for p in range(400 + r, 2002, 3)]


def test_map_dataset_with_distributed_sampler(lake_dir):
    ds = LakeMapDataset(lake_dir, "t", columns=["id", "s"])
    assert len(ds) == ROWS
    got = []
    for rank in range(2):
        sampler = torch.utils.data.DistributedSampler(ds, num_replicas=2, rank=rank, seed=3)
        loader = torch.utils.data.DataLoader(ds, batch_size=32, sampler=sampler, num_workers=2)
        for b in loader:
            assert all(s == f"s{i}" for i, s in zip(b["id"].tolist(), b["s"]))
            got += b["id"].tolist()
    assert sorted(got) == sorted(i for i in range(2500) if i % 5 != 4)


def test_a_tiny_model_trains_on_decoded_images_and_captions(tmp_path):
    from PIL import Image
    d = str(tmp_path / "lake")
    new_lake(d)
    os.makedirs(os.path.join(d, "data", "assets", "img"))
    rows = []
    for k in range(48):
        label = k % 2
        img = Image.new("RGB", (16, 16), (200 if label else 30, 80, 40 + k))
        path = f"assets/img/{k}.png"
        img.save(os.path.join(d, "data", path))
        rows.append(f"({k}, '{path}', 'a {'bright' if label else 'dark'} square', {label})")
    cli(d, "CREATE TABLE gold_captions (id BIGINT, image_uri VARCHAR, caption VARCHAR, label INT);"
           "INSERT INTO gold_captions VALUES " + ", ".join(rows))

    def decode(batch):
        imgs = [np.asarray(Image.open(io.BytesIO(b)).convert("RGB"), dtype=np.float32) / 255
                for b in batch["image"]]
        batch["pixels"] = torch.from_numpy(np.stack(imgs)).permute(0, 3, 1, 2)
        batch["caption_len"] = torch.tensor([len(c) for c in batch["caption"]], dtype=torch.float32)
        return batch

    ds = LakeIterableDataset(d, "gold_captions", batch_size=8, seed=2, materialize=["image_uri"],
                             columns=["id", "image_uri", "caption", "label"], transform=decode)
    loader = DataLoader(ds, num_workers=2)
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(3 * 16 * 16 + 1, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    losses = []
    for epoch in range(3):
        ds.set_epoch(epoch)
        for b in loader:
            feats = torch.cat([b["pixels"].flatten(1), b["caption_len"][:, None] / 20], dim=1)
            loss = torch.nn.functional.cross_entropy(model(feats), b["label"].long())
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
    assert len(losses) == 3 * 6
    assert all(np.isfinite(losses)) and sum(losses[-6:]) < sum(losses[:6])
