"""PyTorch datasets over lake tables.

    from lakehouse.torch import LakeIterableDataset, DataLoader
    ds = LakeIterableDataset("demo-lake", "gold.captions", batch_size=32, shuffle="block",
                             seed=7, materialize=["image_uri"])
    loader = DataLoader(ds, num_workers=2)     # batch_size comes from the dataset
    for epoch in range(3):
        ds.set_epoch(epoch)
        for batch in loader: ...               # dict: column -> tensor or list
        state = loader.state_dict()            # at any point; resume with load_state_dict

The dataset pins one snapshot when it is made (`ds.snapshot_id`). Ranks (torch.distributed,
read when the dataset is made, or given) and DataLoader workers each get their share of
every epoch exactly once, ranks the same count. Each process opens its own lake on first
use, so fork and spawn workers never share a handle. With a plain
torch.utils.data.DataLoader(ds, batch_size=None) everything works the same;
`ds.state_dict(samples_seen=N)` then needs the samples the loop consumed, which
lakehouse.torch.DataLoader counts itself.
"""
import os
import re

import torch
import torch.utils.data as _tud

import lakehouse

__all__ = ["LakeIterableDataset", "LakeMapDataset", "DataLoader"]


def _dist_rank_world():
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return torch.distributed.get_rank(), torch.distributed.get_world_size()
    return 0, 1


class _ProcessLake:
    """The lake, opened once per process. A handle inherited through fork is abandoned,
    never used or closed: its DuckDB threads do not exist in the child."""

    def __init__(self, path):
        self.path = path
        self._pid = None
        self._lake = None

    def get(self):
        if self._pid != os.getpid():
            if self._lake is not None:
                self._lake._h = None  # the parent's: leave it alone
            self._lake = lakehouse.open(self.path)
            self._pid = os.getpid()
        return self._lake

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.__init__(state["path"])


def _lake_path(lake):
    return lake.path if isinstance(lake, lakehouse.Lake) else os.fspath(lake)


def _scalar(v):
    return v.item() if hasattr(v, "item") and getattr(v, "ndim", 1) == 0 else v


def to_torch(batch):
    """numpy columns as tensors over the same memory (no copy); lists stay lists."""
    import numpy as np
    out = {}
    for k, v in batch.items():
        if isinstance(v, np.ndarray) and v.dtype.kind in "iufb":
            out[k] = torch.from_numpy(v)
        else:
            out[k] = v
    return out


class LakeIterableDataset(_tud.IterableDataset):
    """Batches of a table at one snapshot, shuffled, sharded over ranks and DataLoader
    workers, exactly resumable. Yields dicts column -> tensor (fixed-width columns) or
    list (text as str, BLOB and materialised objects as bytes), `batch_size` rows each;
    use it with DataLoader(ds, batch_size=None) or lakehouse.torch.DataLoader.
    `transform(batch) -> batch` runs in the worker on each batch."""

    def __init__(self, lake, source, *, columns=None, filter=None, version=None, batch_size=32,
                 shuffle="block", seed=0, block_size=None, drop_last=False, materialize=(),
                 memory_limit=None, transform=None, rank=None, world_size=None, prefetch=2):
        self._lake = _ProcessLake(_lake_path(lake))
        self.source = source
        self.batch_size = batch_size
        self._opts = dict(columns=columns, filter=filter, shuffle=shuffle, seed=seed,
                          block_size=block_size, drop_last=drop_last,
                          materialize=tuple(materialize), memory_limit=memory_limit,
                          prefetch=prefetch)
        self.transform = transform
        r, w = _dist_rank_world()
        self.rank = r if rank is None else rank
        self.world_size = w if world_size is None else world_size
        # pin the snapshot, check the options, learn the epoch's size
        with lakehouse.open(self._lake.path) as lk:
            with lk.stream(source, version=version, batch_size=batch_size, **self._opts) as s:
                self.snapshot_id = s.snapshot_id
                self.num_rows = s.total
                self._template = s.state_dict()["state"]
        self.epoch = 0
        self._position = 0  # where the epoch resumes (0: its start)
        self._seen = 0      # samples this process's own iteration yielded since then

    def set_epoch(self, epoch):
        """A new epoch: a new order from the same seed, from its start."""
        self.epoch = int(epoch)
        self._position = 0
        self._seen = 0

    def _state_text(self, position):
        t = re.sub(r";epoch=\d+", f";epoch={self.epoch}", self._template)
        return re.sub(r";position=\d+$", f";position={position}", t)

    def __iter__(self):
        info = _tud.get_worker_info()
        worker, workers = (info.id, info.num_workers) if info else (0, 1)
        lk = self._lake.get()
        state = self._state_text(self._position) if self._position else None
        with lk.stream(self.source, version=self.snapshot_id, batch_size=self.batch_size,
                       epoch=self.epoch, rank=self.rank, world_size=self.world_size,
                       worker_id=worker, num_workers=workers, state=state, **self._opts) as s:
            for batch in s:
                if info is None:
                    self._seen += len(next(iter(batch.values()))) if batch else 0
                batch = to_torch(batch)
                yield self.transform(batch) if self.transform else batch

    def __len__(self):
        """Batches this rank gets per epoch (DataLoader uses it for progress)."""
        n = self.num_rows - self._position
        per_rank = n // self.world_size if self._opts["drop_last"] else -(-n // self.world_size)
        return -(-per_rank // self.batch_size)

    def state_dict(self, samples_seen=None):
        """The state after `samples_seen` samples of this rank since the epoch (or the last
        load_state_dict) began; default: what this process's own iteration yielded (right
        with num_workers=0; lakehouse.torch.DataLoader passes its count)."""
        seen = self._seen if samples_seen is None else int(samples_seen)
        pos = min(self.num_rows, self._position + seen * self.world_size)
        return {"state": self._state_text(pos), "epoch": self.epoch,
                "snapshot_id": self.snapshot_id}

    def load_state_dict(self, state):
        """Continues from a state_dict(), also with another world size."""
        text = state["state"] if isinstance(state, dict) else state
        m = re.search(r";snapshot=(\d+);.*;epoch=(\d+);position=(\d+)$", text)
        if not m:
            raise lakehouse.Error(f"not a stream state: {text[:80]!r}", "LH_ERR_INVALID")
        if int(m.group(1)) != self.snapshot_id:
            raise lakehouse.Error(f"the state reads snapshot {m.group(1)}, this dataset "
                                  f"snapshot {self.snapshot_id}: make the dataset with "
                                  f"version={m.group(1)}", "LH_ERR_INVALID")
        self.epoch = int(m.group(2))
        self._position = int(m.group(3))
        self._seen = 0


class DataLoader(_tud.DataLoader):
    """torch's DataLoader for a LakeIterableDataset (batches come made: batch_size=None),
    counting what it yields so state_dict() is exact at any point, workers or not."""

    def __init__(self, dataset, **kwargs):
        if kwargs.get("batch_size") not in (None,):
            raise ValueError("the dataset makes the batches: give batch_size to the dataset")
        kwargs["batch_size"] = None
        super().__init__(dataset, **kwargs)
        self._seen = 0

    def __iter__(self):
        self._seen = 0
        for batch in super().__iter__():
            self._seen += len(next(iter(batch.values()))) if batch else 0
            yield batch

    def state_dict(self):
        return self.dataset.state_dict(samples_seen=self._seen)

    def load_state_dict(self, state):
        self.dataset.load_state_dict(state)
        self._seen = 0


class LakeMapDataset(_tud.Dataset):
    """Rows of a table at one snapshot by index (0..len-1, in row id order), read with
    take: works with any sampler, DistributedSampler included. Items are dicts column ->
    value; `transform(item) -> item` runs on each."""

    def __init__(self, lake, table, *, columns=None, version=None, transform=None):
        self._lake = _ProcessLake(_lake_path(lake))
        self.table = table
        self.columns = list(columns) if columns else None
        self.transform = transform
        with lakehouse.open(self._lake.path) as lk:
            ids = []
            with lk.stream(table, columns=["rowid"], version=version, shuffle="none",
                           batch_size=2048) as s:
                self.snapshot_id = s.snapshot_id
                for b in s:
                    ids.extend(int(x) for x in b["rowid"])
        ids.sort()
        self.row_ids = ids

    def __len__(self):
        return len(self.row_ids)

    def _taker(self):
        lk = self._lake.get()
        if getattr(self, "_taker_of", None) is not lk:  # one per process, on first use
            self._taker_obj = lk.taker(self.table, columns=self.columns, version=self.snapshot_id)
            self._taker_of = lk
        return self._taker_obj

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_taker_obj", None)
        state.pop("_taker_of", None)
        return state

    def _items(self, indices):
        ids = [self.row_ids[i] for i in indices]
        cols = self._taker().take(ids)
        names = list(cols)
        items = [{c: _scalar(cols[c][k]) for c in names} for k in range(len(ids))]
        return [self.transform(it) for it in items] if self.transform else items

    def __getitem__(self, index):
        return self._items([index])[0]

    def __getitems__(self, indices):
        """Several rows in one take (DataLoader calls it for a whole batch)."""
        return self._items(list(indices))
