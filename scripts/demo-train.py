"""`make demo`, step 11: the lake feeding a PyTorch training loop.

gold.captions streams as a LakeIterableDataset (pinned snapshot, block shuffle, images
materialised from their URIs and decoded in two DataLoader workers) into a toy model for
two epochs; epoch 1 reshuffles; a state saved mid-epoch resumes exactly in a new dataset;
a map-style dataset takes 8 random rows by row id.

usage: demo-train.py LAKE   (PYTHONPATH=python, LAKEHOUSE_LIBRARY=build/liblakehouse.so)"""
import io
import random
import sys

import numpy as np
import torch
from PIL import Image

from lakehouse.torch import DataLoader, LakeIterableDataset, LakeMapDataset

LAKE = sys.argv[1]
SIDE = 32


def decode(batch):
    """Runs in the workers: JPEG bytes -> a float tensor batch."""
    pixels = [np.asarray(Image.open(io.BytesIO(b)).convert("RGB").resize((SIDE, SIDE)),
                         dtype=np.float32) / 255 for b in batch["image"]]
    batch["pixels"] = torch.from_numpy(np.stack(pixels)).permute(0, 3, 1, 2)
    batch["caption_words"] = torch.tensor([len(c.split()) for c in batch["caption"]],
                                          dtype=torch.float32)
    return batch


def dataset(version=None):
    return LakeIterableDataset(LAKE, "gold.captions", filter="split = 'train'", batch_size=4,
                               seed=7, columns=["caption_id", "image_uri", "caption", "n_objects"],
                               materialize=["image_uri"], transform=decode, version=version)


def main():
    torch.manual_seed(0)
    ds = dataset()
    print(f"pinned snapshot {ds.snapshot_id}: {ds.num_rows} training captions, "
          f"{len(ds)} batches of 4 per epoch, 2 DataLoader workers")
    loader = DataLoader(ds, num_workers=2)
    # a toy: objects in the picture from its mean colour and the caption's length
    model = torch.nn.Linear(3 + 1, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.02)
    orders = []
    for epoch in (0, 1):
        ds.set_epoch(epoch)
        order, losses = [], []
        for b in loader:
            x = torch.cat([b["pixels"].mean(dim=(2, 3)), b["caption_words"][:, None] / 10], dim=1)
            y = b["n_objects"].float()[:, None]
            loss = torch.nn.functional.mse_loss(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            order += b["caption_id"].tolist()
        orders.append(order)
        print(f"epoch {epoch}: {len(losses)} optimizer steps, mean loss "
              f"{sum(losses) / len(losses):.2f}; caption ids in the order seen: {order}")
    assert sorted(orders[0]) == sorted(orders[1]) and orders[0] != orders[1]
    print("epoch 1 saw the same captions in a new order (same seed, next epoch)")

    ds.set_epoch(1)
    head = []
    for i, b in enumerate(loader):
        head += b["caption_id"].tolist()
        if i == 1:
            break
    state = loader.state_dict()
    print(f"stopped after {len(head)} samples of epoch 1; saved state: {state['state']}")
    again = dataset(version=state["snapshot_id"])
    loader2 = DataLoader(again, num_workers=2)
    loader2.load_state_dict(state)
    rest = [i for b in loader2 for i in b["caption_id"].tolist()]
    assert head + rest == orders[1]
    print(f"a new dataset resumed with the remaining {len(rest)}: {rest} (nothing repeated, "
          f"nothing lost)")

    rows = LakeMapDataset(LAKE, "gold.captions", columns=["caption_id", "n_objects", "caption"],
                          version=ds.snapshot_id)
    pick = random.Random(1).sample(range(len(rows)), 8)
    print(f"8 random rows of {len(rows)} by row id (take):")
    for r in rows.__getitems__(pick):
        print(f"  {r['caption_id']:>3}  {r['n_objects']:>2} objects  {r['caption'][:60]}")


if __name__ == "__main__":
    main()
