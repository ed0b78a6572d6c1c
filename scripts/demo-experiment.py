"""`make demo`, Experiment #0: the run's training loop.

Streams raw.coco_v1 (the captions the experiment pulled) from the lake into a toy model
until 1,000 samples have gone through, repeating the small demo set epoch after epoch;
each epoch reshuffles (same seed, next epoch), which the printed orders show. The loss of
each epoch is logged to the run with `lakehouse run log`.

usage: demo-experiment.py LAKE RUN_ID LAKEHOUSE_BIN
       (PYTHONPATH=python, LAKEHOUSE_LIBRARY=build/liblakehouse.so)"""
import subprocess
import sys

import torch

from lakehouse.torch import DataLoader, LakeIterableDataset

LAKE, RUN, LH = sys.argv[1:4]
SAMPLES = 1000


def main():
    torch.manual_seed(0)
    ds = LakeIterableDataset(LAKE, "raw.coco_v1", filter="caption IS NOT NULL", batch_size=8,
                             seed=11, columns=["caption_id", "caption", "image_width",
                                               "image_height"])
    loader = DataLoader(ds, num_workers=0)
    print(f"pinned snapshot {ds.snapshot_id}: {ds.num_rows} captions per epoch; streaming "
          f"{SAMPLES} samples")
    # a toy: the image's aspect ratio from the caption's length
    model = torch.nn.Linear(1, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    seen, epoch, orders = 0, 0, []
    while seen < SAMPLES:
        ds.set_epoch(epoch)
        losses, order = [], []
        for b in loader:
            take = min(len(b["caption_id"]), SAMPLES - seen)
            words = torch.tensor([len(c.split()) / 10 for c in b["caption"][:take]])[:, None]
            aspect = (b["image_width"][:take].float() / b["image_height"][:take].float())[:, None]
            loss = torch.nn.functional.mse_loss(model(words), aspect)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            order += b["caption_id"][:take].tolist()
            seen += take
            if seen >= SAMPLES:
                break
        orders.append(order)
        mean = sum(losses) / len(losses)
        if epoch < 3 or seen >= SAMPLES:
            print(f"epoch {epoch:2}: {len(order)} samples, mean loss {mean:.4f}, first ids "
                  f"{order[:8]}")
        subprocess.run([LH, "--lake", LAKE, "run", "log", RUN, f"loss={mean}",
                        f"samples={seen}", "--step", str(epoch)], check=True,
                       stdout=subprocess.DEVNULL)
        epoch += 1
    assert orders[0] != orders[1] and sorted(orders[0]) == sorted(orders[1])
    print(f"{seen} samples in {epoch} epochs; every epoch the same captions in a new order")


if __name__ == "__main__":
    main()
