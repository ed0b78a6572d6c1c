#!/usr/bin/env python3
"""Builds the demo's datasets from real media Debian ships, deterministically.

  coco/   a COCO-Caption-shaped image dataset in Hugging Face layout: README.md card
          (configs, features with an Image column) and data/{split}-NNNNN-of-NNNNN.parquet
          with image struct<bytes, path>, captions and object annotations. The images
          are scikit-image's sample photographs (Debian package python3-skimage, fetched
          with `apt-get download` and unpacked, not installed).
  video/  VisDrone-shaped clips: H.264 videos drawn by ffmpeg (Debian package ffmpeg)
          with moving objects whose tracks are known, and their MOT/VisDrone annotation
          files (frame,id,left,top,width,height,score,class,truncation,occlusion).

Usage: demo-data.py OUT_DIR LAKEHOUSE_BIN
The Parquet files are written by DuckDB through `lakehouse sql` (COPY ... TO).
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

OUT, LH = sys.argv[1], sys.argv[2]

# image file -> (captions, objects in the picture)
IMAGES = {
    "astronaut.png": (["An astronaut in a white suit poses in front of an American flag.",
                       "A smiling astronaut holding a helmet next to a flag."], ["person", "flag"]),
    "chelsea.png": (["A tabby cat looks to the side with green eyes.",
                     "Close-up of an orange and grey cat."], ["cat"]),
    "coffee.png": (["A cup of coffee on a saucer with a spoon.",
                    "Top view of a coffee cup on a red table."], ["cup", "spoon", "saucer"]),
    "coins.png": (["Many old coins spread out on a dark surface.",
                   "A grid of two dozen coins photographed from above."], ["coin"] * 24),
    "horse.png": (["The silhouette of a horse standing on a white background."], ["horse"]),
    "motorcycle_left.png": (["A red motorcycle parked in a garage with tools on the wall.",
                             "A motorbike standing among boxes and shelves."],
                            ["motorcycle", "box", "box", "box", "shelf", "tool", "tool"]),
    "rocket.jpg": (["A rocket on the launch pad under a blue sky.",
                    "A space launch vehicle ready for lift-off."], ["rocket", "tower"]),
    "hubble_deep_field.jpg": (["Hundreds of distant galaxies in a deep space image.",
                               "A crowded field of galaxies seen by a space telescope."],
                              ["galaxy"] * 40),
    "retina.jpg": (["A photograph of the back of a human eye with blood vessels."], ["eye"]),
    "camera.png": (["A black and white photo of a man with a camera on a tripod."],
                   ["person", "camera", "tripod"]),
    "page.png": (["A scanned page of printed text with uneven lighting."], ["text"]),
    "color.png": (["A palette of coloured squares and circles."], ["shape"] * 6),
    "no_time_for_that_tiny.gif": (["A tiny animated figure."], ["person"]),
}


def run(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def skimage_dir(cache):
    """scikit-image's sample images, from its Debian package (downloaded, unpacked into a
    temporary folder, and only the images kept)."""
    data = os.path.join(cache, "skimage-data")
    if os.path.isdir(data):
        return data
    os.makedirs(cache, exist_ok=True)
    debs = glob.glob(os.path.join(cache, "python3-skimage_*.deb"))
    if not debs:
        run(["apt-get", "download", "-q", "python3-skimage"], cwd=cache)
        debs = glob.glob(os.path.join(cache, "python3-skimage_*.deb"))
    with tempfile.TemporaryDirectory() as tmp:
        run(["dpkg-deb", "-x", debs[0], tmp])
        src = os.path.join(tmp, "usr/lib/python3/dist-packages/skimage/data")
        os.makedirs(data + ".tmp", exist_ok=True)
        for name in IMAGES:
            shutil.copy(os.path.join(src, name), data + ".tmp")
        os.replace(data + ".tmp", data)
    return data


def build_coco(out, lake_tmp, src):
    coco = os.path.join(out, "coco")
    shutil.rmtree(coco, ignore_errors=True)
    os.makedirs(os.path.join(coco, "data"))
    rows = []
    cid = 0
    for i, (name, (caps, objs)) in enumerate(sorted(IMAGES.items())):
        split = "validation" if i % 4 == 3 else "train"
        for c in caps:
            cid += 1
            rows.append((i + 1, cid, name, c, objs, split))
    # raw data is messy on purpose: one caption repeated (same caption_id), one missing
    rows.append(rows[0])
    rows.append((rows[2][0], 999, rows[2][2], None, rows[2][4], rows[2][5]))
    values = ",\n".join(
        "(%d, %d, %s, %s, %s, %s, '2014-%02d-%02d 10:00:00')" % (
            iid, cid, sql_str(os.path.join(src, name)), "NULL" if cap is None else sql_str(cap),
            "[" + ", ".join(sql_str(o) for o in objs) + "]", sql_str(split), 1 + iid % 12, 1 + iid % 28)
        for iid, cid, name, cap, objs, split in rows)
    for split in ("train", "validation"):
        q = f"""COPY (
  SELECT v.image_id, v.caption_id,
         {{'bytes': b.content, 'path': regexp_extract(v.file, '[^/]+$')}} AS image,
         v.caption, v.objects, v.date_captured
  FROM (VALUES {values}) v(image_id, caption_id, file, caption, objects, split, date_captured)
  JOIN read_blob({sql_str(os.path.join(src, '*'))}) b ON b.filename = v.file
  WHERE v.split = {sql_str(split)}
  ORDER BY v.caption_id, v.caption NULLS LAST
) TO {sql_str(os.path.join(coco, 'data', split + '-00000-of-00001.parquet'))} (FORMAT parquet)"""
        run([LH, "--lake", lake_tmp, "sql", "-c", q], stdout=subprocess.DEVNULL)
    with open(os.path.join(coco, "README.md"), "w") as f:
        f.write("""---
configs:
- config_name: default
  default: true
  data_files:
  - split: train
    path: data/train-*
  - split: validation
    path: data/validation-*
dataset_info:
  features:
  - name: image_id
    dtype: int64
  - name: caption_id
    dtype: int64
  - name: image
    dtype: image
  - name: caption
    dtype: string
  - name: objects
    sequence: string
  - name: date_captured
    dtype: string
---

# demo/coco-captions

A COCO-Caption-shaped sample: scikit-image's sample photographs (Debian package
python3-skimage), each with one or two captions and the objects it shows.
""")


# --- video ------------------------------------------------------------------------------
W, H, FPS, SECONDS = 320, 240, 25, 12


def tracks(clip):
    """Objects of a clip: (track id, class, first frame, last frame, x0, y0, vx, vy, w, h);
    frames count from 1, positions are x0 + vx * (frame - first)."""
    out = []
    n = FPS * SECONDS
    for k in range(3 + 3 * clip):
        first = 1 + (k * 37 + clip * 11) % (n // 2)
        last = min(n, first + 60 + (k * 53) % (n // 2))
        cls = 1 + (k % 4)          # VisDrone: 1 pedestrian, 2 people, 3 bicycle, 4 car
        w, h = (14, 28) if cls <= 2 else (30, 18)
        x0, y0 = 10 + (k * 47) % (W - 60), 10 + (k * 29) % (H - 50)
        vx, vy = ((k % 3) - 1) * 0.6 + 0.3, ((k % 5) - 2) * 0.3
        out.append((k + 1, cls, first, last, x0, y0, vx, vy, w, h))
    return out


def box(t, frame):
    _, _, first, _, x0, y0, vx, vy, w, h = t
    x = x0 + vx * (frame - first)
    y = y0 + vy * (frame - first)
    x = max(0, min(W - w, int(round(x))))
    y = max(0, min(H - h, int(round(y))))
    return x, y, w, h


def build_video(out):
    vdir = os.path.join(out, "video")
    shutil.rmtree(vdir, ignore_errors=True)
    os.makedirs(vdir)
    colors = ["red", "yellow", "cyan", "magenta", "white", "orange", "lime", "pink", "blue", "gold",
              "violet", "brown"]
    for clip in range(3):
        ts = tracks(clip)
        inputs = ["-f", "lavfi", "-i", "testsrc2=size=%dx%d:rate=%d:duration=%d" % (W, H, FPS, SECONDS)]
        chain = []
        lines = []
        prev = "0:v"
        for j, t in enumerate(ts):
            tid, cls, first, last, x0, y0, vx, vy, w, h = t
            inputs += ["-f", "lavfi", "-i", "color=c=%s:size=%dx%d:rate=%d:duration=%d"
                       % (colors[tid % len(colors)], w, h, FPS, SECONDS)]
            # overlay evaluates x/y per frame; n counts from 0, MOT frames from 1
            xe = "max(0,min(%d,round(%g+(%g)*(n+1-%d))))" % (W - w, x0, vx, first)
            ye = "max(0,min(%d,round(%g+(%g)*(n+1-%d))))" % (H - h, y0, vy, first)
            chain.append("[%s][%d:v]overlay=x='%s':y='%s':eval=frame:enable='between(n,%d,%d)'[v%d]"
                         % (prev, j + 1, xe, ye, first - 1, last - 1, j + 1))
            prev = "v%d" % (j + 1)
            for f in range(first, last + 1):
                x, y, bw, bh = box(t, f)
                lines.append((f, tid, x, y, bw, bh, 1, cls, 0, 0))
        lines.sort()
        name = "clip%02d" % (clip + 1)
        run(["ffmpeg", "-loglevel", "error", "-y"] + inputs +
            ["-filter_complex", ";".join(chain), "-map", "[%s]" % prev, "-frames:v", str(FPS * SECONDS),
             "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", str(FPS),
             "-keyint_min", str(FPS), "-sc_threshold", "0", "-bf", "0",
             os.path.join(vdir, name + ".mp4")])
        with open(os.path.join(vdir, name + ".txt"), "w") as f:
            for l in lines:
                f.write(",".join(str(v) for v in l) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    src = skimage_dir(os.path.join(OUT, "debs"))
    with tempfile.TemporaryDirectory() as tmp:
        lake = os.path.join(tmp, "lake")
        run([LH, "init", lake], stdout=subprocess.DEVNULL)
        build_coco(OUT, lake, src)
    build_video(OUT)


if __name__ == "__main__":
    main()
