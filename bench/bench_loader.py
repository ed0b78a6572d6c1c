"""bench/bench_loader.py - the PyTorch side: samples/s of a DataLoader over a demo-shaped
table (captions + PNG images materialised from their URIs and decoded), with 0 and 2
workers; and the peak RSS of streaming a table ten times larger than the memory budget.

usage: PYTHONPATH=python LAKEHOUSE_LIBRARY=build/liblakehouse.so \
       /usr/bin/python3 bench/bench_loader.py BUILD_DIR [images]"""
import io
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
from PIL import Image

import lakehouse
from lakehouse.torch import DataLoader, LakeIterableDataset

BIN = os.path.join(sys.argv[1], "lakehouse")
IMAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 4000


def sql(lake, text):
    with tempfile.NamedTemporaryFile("w", suffix=".sql") as f:  # long scripts: a file
        f.write(text)
        f.flush()
        subprocess.run([BIN, "--lake", lake, "sql", "-f", f.name], check=True, capture_output=True)


def decode(batch):
    pixels = [np.asarray(Image.open(io.BytesIO(b)).convert("RGB"), dtype=np.uint8)
              for b in batch["image"]]
    batch["pixels"] = torch.from_numpy(np.stack(pixels))
    return batch


def loader_rate(lake, workers):
    ds = LakeIterableDataset(lake, "gold.captions", batch_size=64, seed=1,
                             columns=["caption_id", "image_uri", "caption"],
                             materialize=["image_uri"], transform=decode)
    loader = DataLoader(ds, num_workers=workers)
    t0 = time.perf_counter()
    n = sum(len(b["caption"]) for b in loader)
    return n / (time.perf_counter() - t0)


MEMORY = """
import sys, lakehouse
lk = lakehouse.open(sys.argv[1])
def peak():  # this process's peak RSS (VmHWM: getrusage's would count the parent's)
    with open('/proc/self/status') as f:
        return next(int(l.split()[1]) for l in f if l.startswith('VmHWM')) / 1024
with lk.stream('tiny', shuffle='none', batch_size=64) as s:
    next(s)  # the library, DuckDB and the catalog are in; nothing of `big` read yet
base = peak()
n = 0
with lk.stream('big', shuffle='block', block_size=16384, batch_size=1024,
               memory_limit=int(sys.argv[2])) as s:
    for b in s:
        n += len(b['id'])
print(n, base, peak())
"""


def main():
    with tempfile.TemporaryDirectory() as tmp:
        lake = os.path.join(tmp, "lake")
        subprocess.run([BIN, "init", lake], check=True, capture_output=True)
        os.makedirs(os.path.join(lake, "data", "assets", "img"))
        rng = np.random.default_rng(0)
        rows = []
        for k in range(IMAGES):
            arr = rng.integers(0, 255, (96, 96, 3), dtype=np.uint8)
            path = f"assets/img/{k}.png"
            Image.fromarray(arr).save(os.path.join(lake, "data", path))
            rows.append(f"({k}, '{path}', 'a picture number {k} of the benchmark')")
        sql(lake, "CREATE SCHEMA gold; CREATE TABLE gold.captions (caption_id BIGINT, image_uri "
                  "VARCHAR, caption VARCHAR); INSERT INTO gold.captions VALUES " + ", ".join(rows))
        size = sum(os.path.getsize(os.path.join(lake, "data", "assets", "img", f))
                   for f in os.listdir(os.path.join(lake, "data", "assets", "img")))
        print(f"\nDataLoader: {IMAGES} captions with {size / IMAGES / 1024:.0f} KiB PNGs (96x96), "
              "materialised and decoded, batches of 64")
        for workers in (0, 2):
            loader_rate(lake, workers)  # warm the page cache
            print(f"| num_workers={workers} | {loader_rate(lake, workers):8.0f} samples/s |")

        budget = 64 << 20
        sql(lake, "CREATE TABLE big (id BIGINT, a VARCHAR, b VARCHAR); INSERT INTO big SELECT "
                  "range, md5(range::VARCHAR) || md5((range + 1)::VARCHAR), md5((range * 7)::VARCHAR) "
                  "|| md5((range * 3)::VARCHAR) FROM range(5000000); "
           "CREATE TABLE tiny AS SELECT range AS id FROM range(10)")
        with lakehouse.open(lake) as lk:
            decoded = lk.sql("SELECT sum(8 + strlen(a) + strlen(b)) FROM big").rows[0][0]
        out = subprocess.run([sys.executable, "-c", MEMORY, lake, str(budget)], check=True,
                             capture_output=True, text=True).stdout.split()
        n, base, peak = int(out[0]), float(out[1]), float(out[2])
        print(f"\nmemory: {n} rows, {decoded / 2**20:.0f} MiB of values, memory_limit "
              f"{budget >> 20} MiB: peak RSS {peak:.0f} MiB, {peak - base:.0f} MiB above the "
              f"process before the stream ({base:.0f} MiB: Python, the library, DuckDB)")


if __name__ == "__main__":
    main()
