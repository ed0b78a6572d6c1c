"""lakehouse.load_dataset: the `datasets` streaming API over a lake table (splits, map,
filter, shuffle, batch, take, skip, set_epoch, with_format, exact state_dict), in one
process and in DataLoader workers."""

import pytest

import lakehouse
from lakehouse.datasets import split_dataset_by_node

from lakes import cli, new_lake


@pytest.fixture(scope="module")
def lake_dir(tmp_path_factory):
    d = str(tmp_path_factory.mktemp("hf") / "lake")
    new_lake(d)
    cli(d, "CREATE SCHEMA gold; CREATE TABLE gold.captions AS SELECT range AS id, "
           "'caption ' || range AS caption, CASE WHEN range % 4 = 0 THEN 'validation' "
           "ELSE 'train' END AS split FROM range(400)")
    return d


def ids(ds):
    return [e["id"] for e in ds]


def test_splits_and_examples(lake_dir):
    dd = lakehouse.load_dataset(lake_dir, "gold.captions")
    assert sorted(dd) == ["train", "validation"]
    train = lakehouse.load_dataset(lake_dir, "gold.captions", split="train", streaming=True)
    assert ids(train) == [i for i in range(400) if i % 4]
    assert ids(dd["validation"]) == list(range(0, 400, 4))
    first = next(iter(train))
    assert first == {"id": 1, "caption": "caption 1", "split": "train"}
    with pytest.raises(lakehouse.Error, match="streaming=True"):
        lakehouse.load_dataset(lake_dir, "gold.captions", split="train", streaming=False)


def test_transformations_compose_lazily(lake_dir):
    ds = lakehouse.load_dataset(lake_dir, "gold.captions", split="train")
    out = ds.map(lambda e: {"n": e["id"] * 2}).filter(lambda e: e["n"] % 3 == 0).skip(2).take(4)
    assert [e["n"] for e in out] == [18, 30, 36, 42]
    batched = ds.map(lambda b: {"len": [len(c) for c in b["caption"]]}, batched=True,
                     batch_size=7, remove_columns=["split"])
    e = next(iter(batched))
    assert e == {"id": 1, "caption": "caption 1", "len": 9}
    b = list(ds.take(10).batch(4))
    assert [x["id"] for x in b] == [[1, 2, 3, 5], [6, 7, 9, 10], [11, 13]]
    assert [x["id"] for x in ds.take(10).batch(4, drop_last_batch=True)] == [[1, 2, 3, 5], [6, 7, 9, 10]]


def test_shuffle_epochs_and_exact_state(lake_dir):
    ds = lakehouse.load_dataset(lake_dir, "gold.captions", split="train").shuffle(seed=3, buffer_size=50)
    e0 = ids(ds)
    assert sorted(e0) == [i for i in range(400) if i % 4] and e0 != sorted(e0)
    assert ids(ds) == e0
    ds.set_epoch(1)
    e1 = ids(ds)
    assert sorted(e1) == sorted(e0) and e1 != e0
    ds.set_epoch(0)
    pipeline = ds.filter(lambda e: e["id"] % 5 != 0).skip(3).take(100)
    full = ids(pipeline)
    it = iter(pipeline)
    head = [next(it)["id"] for _ in range(40)]
    state = pipeline.state_dict()
    again = lakehouse.load_dataset(lake_dir, "gold.captions", split="train").shuffle(
        seed=3, buffer_size=50).filter(lambda e: e["id"] % 5 != 0).skip(3).take(100)
    again.load_state_dict(state)
    assert head + ids(again) == full and len(full) == 100


def test_torch_format_and_dataloader_workers(lake_dir):
    torch = pytest.importorskip("torch")
    ds = lakehouse.load_dataset(lake_dir, "gold.captions", split="train").with_format("torch")
    e = next(iter(ds))
    assert isinstance(e["id"], torch.Tensor) and e["caption"] == "caption 1"
    loader = torch.utils.data.DataLoader(ds, batch_size=16, num_workers=2)
    got = [int(i) for b in loader for i in b["id"]]
    assert sorted(got) == [i for i in range(400) if i % 4]


def test_split_by_node_gives_equal_disjoint_shares(lake_dir):
    ds = lakehouse.load_dataset(lake_dir, "gold.captions", split="train").shuffle(seed=1)
    shares = [ids(split_dataset_by_node(ds, r, 3)) for r in range(3)]
    assert [len(s) for s in shares] == [100, 100, 100]
    assert sorted(i for s in shares for i in s) == [i for i in range(400) if i % 4]
