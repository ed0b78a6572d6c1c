"""The layer scripts (sql/20_silver.sql, sql/30_gold.sql) are one transaction each: a
failed check or constraint publishes nothing, and gold's key columns are NOT NULL."""
import os

from lh import run

SQL_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "sql")

# Small raw tables in the shapes `hf pull` and `video ingest` land.
RAW = """
CREATE SCHEMA raw;
CREATE TABLE raw.coco_captions AS
SELECT (i // 2)::VARCHAR AS image_id, i::VARCHAR AS caption_id, 'a caption ' || i AS caption,
       'assets/coco/' || (i // 2) || '.jpg' AS image_uri, 'jpeg' AS image_format,
       640 AS image_width, 480 AS image_height, 1000 + i AS image_bytes,
       ['person'] AS objects, '2013-11-14 16:28:13' AS date_captured,
       CASE WHEN i < 6 THEN 'train' ELSE 'validation' END AS split,
       'data/train-00000-of-00001.parquet' AS _source_file
FROM range(8) t(i);
CREATE TABLE raw.visdrone AS
SELECT 'assets/video/c.mp4' AS clip_uri, f AS fragment_id, 1000 * f AS byte_offset,
       1000 AS byte_length, 800 AS init_length, 25 * f + 1 AS start_frame,
       25 * f + 25 AS end_frame, f::DOUBLE AS start_time, f + 1.0 AS end_time
FROM range(2) t(f);
CREATE TABLE raw.visdrone_annotations AS
SELECT 'assets/video/c.mp4' AS clip_uri, 1 + i AS frame, 1 AS track_id, 10.0 AS bb_left,
       20.0 AS bb_top, 5.0 AS bb_width, 6.0 AS bb_height, 1 AS class, 0 AS occlusion,
       1.0 AS score
FROM range(50) t(i);
"""


def script(lake, name):
    return run("sql", "-f", os.path.join(SQL_DIR, name), "--format", "csv", lake=lake.dir)


def built(lake):
    lake.sql(RAW)
    for name in ("20_silver.sql", "30_gold.sql"):
        p = script(lake, name)
        assert p.returncode == 0, p.stderr


def test_each_layer_script_is_one_snapshot(lake):
    built(lake)
    before = lake.snapshot_count()
    p = script(lake, "30_gold.sql")
    assert p.returncode == 0, p.stderr
    assert lake.snapshot_count() == before + 1
    assert lake.scalar("SELECT count(*) FROM gold.captions") == "8"
    assert lake.scalar("SELECT count(*) FROM gold.fragment_tracking") == "2"


def test_a_failed_gold_build_publishes_nothing(lake):
    built(lake)
    good = lake.rows("SELECT * FROM gold.captions ORDER BY caption_id")
    snaps = lake.snapshot_count()
    # a silver row gold must refuse: no image id (gold declares it NOT NULL)
    lake.sql("INSERT INTO silver.captions (image_id, caption_id, caption, image_uri, split) "
             "VALUES (NULL, 99, 'x', 'assets/coco/x.jpg', 'train')")
    snaps += 1
    p = script(lake, "30_gold.sql")
    assert p.returncode == 1
    assert "image_id" in p.stderr
    assert lake.snapshot_count() == snaps
    assert lake.rows("SELECT * FROM gold.captions ORDER BY caption_id") == good


def test_a_failed_silver_check_publishes_nothing(lake):
    built(lake)
    good = lake.rows("SELECT * FROM silver.boxes ORDER BY ALL")
    snaps = lake.snapshot_count()
    # raw rows silver cannot type: the whole script fails, silver stays as it was
    lake.sql("INSERT INTO raw.coco_captions (image_id, caption_id, caption, image_uri, split, "
             "date_captured) VALUES ('not a number', '100', 'y', 'assets/coco/y.jpg', 'train', "
             "'2013-11-14 16:28:13')")
    snaps += 1
    p = script(lake, "20_silver.sql")
    assert p.returncode == 1
    assert lake.snapshot_count() == snaps
    assert lake.rows("SELECT * FROM silver.boxes ORDER BY ALL") == good
    assert lake.scalar("SELECT count(*) FROM silver.captions") == "8"


def test_gold_key_columns_are_not_null(lake):
    built(lake)
    err = lake.fail("UPDATE gold.captions SET caption = NULL WHERE split = 'validation'")
    assert "NOT NULL" in err and "caption" in err
    err = lake.fail("UPDATE gold.fragment_tracking SET byte_offset = NULL")
    assert "byte_offset" in err
