"""Hugging Face `datasets`-style streaming over lake tables.

    # before: ds = datasets.load_dataset("user/coco", split="train", streaming=True)
    ds = lakehouse.load_dataset("demo-lake", "gold.captions", split="train", streaming=True)
    ds = ds.shuffle(seed=42, buffer_size=1000).map(fn).filter(pred).with_format("torch")
    for example in ds: ...                       # dicts, one per row
    for batch in ds.batch(32): ...               # dicts of lists (tensors with "torch")
    ds.set_epoch(1); state = ds.state_dict(); ds.load_state_dict(state)

Differences from `datasets`, all in the user's favour: the table is read at one pinned
snapshot (`ds.snapshot_id`); `shuffle(seed, buffer_size)` is the exact block shuffle
(windows of buffer_size rows over a seeded file order) with nothing dropped on resume;
DataLoader workers and `split_dataset_by_node` ranks get disjoint shares of equal size,
whatever the number of files; `state_dict()` resumes exactly, shuffled or not.
"""
import re

import lakehouse

try:  # a torch IterableDataset when torch is there, so DataLoader takes it as one
    import torch.utils.data as _tud
    _Base = _tud.IterableDataset
except ImportError:  # pragma: no cover - the standard library is enough
    _tud = None
    _Base = object

__all__ = ["load_dataset", "split_dataset_by_node", "LakeStreamingDataset"]


class LakeStreamingDataset(_Base):
    """An iterable of examples (dicts) over a lake table; every method returns a new
    dataset and runs lazily, as `datasets.IterableDataset` does."""

    def __init__(self, lake_path, table, *, filter=None, columns=None, version=None,
                 _ops=(), _shuffle=("none", 0, None), _epoch=0, _node=(0, 1), _format=None,
                 _position=0, _counts=None):
        self.lake_path, self.table, self._filter, self._columns = lake_path, table, filter, columns
        self._ops, self._shuffle, self._epoch, self._node = tuple(_ops), _shuffle, _epoch, _node
        self._format, self._position = _format, _position
        # per take/skip: examples it has passed or dropped, so a resume does not redo them
        self._counts = list(_counts) if _counts else [0] * len(self._ops)
        if version is None:
            with lakehouse.open(lake_path) as lk, lk.stream(table, filter=filter, columns=columns,
                                                            shuffle="none", batch_size=1) as s:
                version = s.snapshot_id
                self.column_names = s.columns
        else:
            self.column_names = None
        self.snapshot_id = version

    def _copy(self, **changes):
        kw = dict(filter=self._filter, columns=self._columns, version=self.snapshot_id,
                  _ops=self._ops, _shuffle=self._shuffle, _epoch=self._epoch, _node=self._node,
                  _format=self._format, _position=self._position, _counts=self._counts)
        kw.update(changes)
        if "_ops" in changes:
            kw["_counts"] = self._counts + [0] * (len(changes["_ops"]) - len(self._ops))
        new = LakeStreamingDataset(self.lake_path, self.table, **kw)
        new.column_names = self.column_names
        return new

    # --- transformations -------------------------------------------------------------
    def map(self, function, batched=False, batch_size=1000, remove_columns=None):
        return self._copy(_ops=self._ops + (("map", function, batched, batch_size,
                                             tuple(remove_columns or ())),))

    def filter(self, function, batched=False, batch_size=1000):
        return self._copy(_ops=self._ops + (("filter", function, batched, batch_size),))

    def shuffle(self, seed=None, buffer_size=1000):
        return self._copy(_shuffle=("block", 0 if seed is None else int(seed), int(buffer_size)))

    def take(self, n):
        return self._copy(_ops=self._ops + (("take", int(n)),))

    def skip(self, n):
        return self._copy(_ops=self._ops + (("skip", int(n)),))

    def batch(self, batch_size, drop_last_batch=False):
        return self._copy(_ops=self._ops + (("batch", int(batch_size), bool(drop_last_batch)),))

    def with_format(self, type=None):
        if type not in (None, "python", "numpy", "torch"):
            raise ValueError(f"format {type!r}: None, 'python', 'numpy' or 'torch'")
        return self._copy(_format=type)

    def set_epoch(self, epoch):
        self._epoch = int(epoch)
        self._position = 0
        self._counts = [0] * len(self._ops)

    # --- iteration ---------------------------------------------------------------------
    def _rows(self):
        """(rows of the lake consumed so far, example) for this worker's share."""
        worker, workers = 0, 1
        if _tud is not None:
            info = _tud.get_worker_info()
            if info is not None:
                worker, workers = info.id, info.num_workers
        mode, seed, block = self._shuffle
        rank, world = self._node
        with lakehouse.open(self.lake_path) as lk:
            state = None
            if self._position:
                with lk.stream(self.table, filter=self._filter, columns=self._columns,
                               version=self.snapshot_id, shuffle=mode, seed=seed,
                               block_size=block, epoch=self._epoch, batch_size=1) as probe:
                    state = re.sub(r";position=\d+$", f";position={self._position}",
                                   probe.state_dict()["state"])
            with lk.stream(self.table, filter=self._filter, columns=self._columns,
                           version=self.snapshot_id, shuffle=mode, seed=seed, block_size=block,
                           epoch=self._epoch, rank=rank, world_size=world, worker_id=worker,
                           num_workers=workers, batch_size=256, state=state) as s:
                consumed = self._position
                for b in s:
                    names = list(b)
                    cols = [b[c] for c in names]
                    for i in range(len(cols[0]) if cols else 0):
                        consumed += world  # this rank's sample i stands for a whole round
                        yield consumed, {n: _plain(c[i]) for n, c in zip(names, cols)}

    def __iter__(self):
        counts = list(self._counts)
        it = self._rows()
        for k, op in enumerate(self._ops):
            it = _OPS[op[0]](it, *op[1:], counts, k) if op[0] in ("take", "skip") else \
                _OPS[op[0]](it, *op[1:])
        for consumed, item in it:
            # pulled one at a time: every step has handled exactly what led to this item
            self._seen = (consumed, list(counts))
            yield _format(item, self._format)

    def state_dict(self):
        """Where this process's iteration stands (rows of the lake consumed, and what
        take/skip did), for load_state_dict: the next iteration yields exactly the rest."""
        pos, counts = getattr(self, "_seen", (self._position, self._counts))
        return {"epoch": self._epoch, "position": pos, "counts": counts,
                "snapshot_id": self.snapshot_id}

    def load_state_dict(self, state):
        if state.get("snapshot_id") != self.snapshot_id:
            raise lakehouse.Error(f"the state reads snapshot {state.get('snapshot_id')}, this "
                                  f"dataset {self.snapshot_id}", "LH_ERR_INVALID")
        if len(state.get("counts", ())) != len(self._ops):
            raise lakehouse.Error("the state comes from a dataset with other steps",
                                  "LH_ERR_INVALID")
        self._epoch, self._position = int(state["epoch"]), int(state["position"])
        self._counts = list(state["counts"])
        self._seen = (self._position, list(self._counts))


def _plain(v):
    return v.item() if hasattr(v, "item") and getattr(v, "ndim", 1) == 0 else v


def _format(item, fmt):
    if fmt not in ("torch", "numpy"):
        return item
    import numpy as np
    out = {}
    for k, v in item.items():
        if isinstance(v, (bool, int, float)) or (isinstance(v, list) and v and
                                                 all(isinstance(x, (int, float)) for x in v)):
            v = np.asarray(v)
            if fmt == "torch":
                import torch
                v = torch.as_tensor(v)
        out[k] = v
    return out


def _op_map(it, fn, batched, batch_size, remove):
    if not batched:
        for pos, ex in it:
            new = dict(ex)
            new.update(fn(ex) or {})
            for c in remove:
                new.pop(c, None)
            yield pos, new
        return
    for pos, batch in _op_batch(it, batch_size, False):
        new = dict(batch)
        new.update(fn(batch) or {})
        for c in remove:
            new.pop(c, None)
        n = len(next(iter(new.values()))) if new else 0
        for i in range(n):
            yield pos, {k: v[i] for k, v in new.items()}


def _op_filter(it, fn, batched, batch_size):
    if not batched:
        for pos, ex in it:
            if fn(ex):
                yield pos, ex
        return
    for pos, batch in _op_batch(it, batch_size, False):
        keep = fn(batch)
        n = len(keep)
        for i in range(n):
            if keep[i]:
                yield pos, {k: v[i] for k, v in batch.items()}


def _op_take(it, n, counts, k):
    if counts[k] >= n:
        return
    for pos, ex in it:
        counts[k] += 1
        yield pos, ex
        if counts[k] >= n:
            return


def _op_skip(it, n, counts, k):
    for pos, ex in it:
        if counts[k] < n:
            counts[k] += 1
            continue
        yield pos, ex


def _op_batch(it, size, drop_last):
    rows, pos = [], 0
    for pos, ex in it:
        rows.append(ex)
        if len(rows) == size:
            yield pos, {k: [r[k] for r in rows] for k in rows[0]}
            rows = []
    if rows and not drop_last:
        yield pos, {k: [r[k] for r in rows] for k in rows[0]}


_OPS = {"map": _op_map, "filter": _op_filter, "take": _op_take, "skip": _op_skip,
        "batch": _op_batch}


def load_dataset(path, name, split=None, streaming=True, *, columns=None, version=None,
                 filter=None):
    """`datasets.load_dataset(path, name, split=..., streaming=True)` for table `name`
    ("schema.table") of the lake at `path`. `split` keeps the rows whose `split` column
    has that value; without it, a dict split -> dataset (every split the column holds, or
    "train" for a table without one)."""
    if not streaming:
        raise lakehouse.Error("load_dataset reads lakes as streams: pass streaming=True (for "
                              "random access use lakehouse.torch.LakeMapDataset)",
                              "LH_ERR_UNSUPPORTED")
    with lakehouse.open(path) as lk, lk.stream(name, filter=filter, columns=columns,
                                               version=version, shuffle="none",
                                               batch_size=1) as probe:
        has_split = "split" in probe.columns
        version = probe.snapshot_id
        if split is None and has_split:
            splits = [r[0] for r in lk.sql(
                f"SELECT DISTINCT split FROM {_quote_table(name)} AT (VERSION => {version}) "
                "WHERE split IS NOT NULL ORDER BY 1").rows]
    if split is not None and not has_split:
        raise lakehouse.Error(f"{name} has no `split` column: load it without split=",
                              "LH_ERR_INVALID")

    def one(s):
        f = filter
        if s is not None:
            cond = "split = '" + str(s).replace("'", "''") + "'"
            f = f"({filter}) AND {cond}" if filter else cond
        return LakeStreamingDataset(path, name, filter=f, columns=columns, version=version)

    if split is not None:
        return one(split)
    if not has_split:
        return {"train": one(None)}
    return {s: one(s) for s in splits}


def _quote_table(name):
    return ".".join('"' + p.replace('"', '""') + '"' for p in name.split("."))


def split_dataset_by_node(dataset, rank, world_size):
    """This node's share (exactly equal counts over nodes, each row to one node)."""
    return dataset._copy(_node=(int(rank), int(world_size)))
