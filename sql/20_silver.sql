-- Silver layer: typed, cleaned, deduplicated. Rebuilt from raw on every run.
-- The whole script is one transaction, so it publishes one snapshot or nothing.
-- DuckLake has no unique constraints, so the checks at the end enforce uniqueness
-- explicitly: error() stops the script before COMMIT, `lakehouse sql -f` exits non-zero
-- and the transaction is rolled back: readers never see a silver layer that failed.
BEGIN;
CREATE SCHEMA IF NOT EXISTS silver;

-- Captions: fix types (date_captured is text in the source), drop missing or blank
-- captions, keep one row per caption_id (the source repeats some).
DROP TABLE IF EXISTS silver.captions;
CREATE TABLE silver.captions AS
SELECT image_id::BIGINT AS image_id,
       caption_id::BIGINT AS caption_id,
       trim(caption) AS caption,
       image_uri, image_format, image_width, image_height, image_bytes,
       coalesce(objects, []) AS objects,
       strptime(date_captured, '%Y-%m-%d %H:%M:%S') AS captured_at,
       split
FROM raw.coco_captions
WHERE caption IS NOT NULL AND trim(caption) <> ''
QUALIFY row_number() OVER (PARTITION BY caption_id ORDER BY _source_file, image_id) = 1;

-- Schema evolution: a column added after the table exists (here in the same
-- transaction; on a published table, old data files are not rewritten and the UPDATE
-- writes the new values).
ALTER TABLE silver.captions ADD COLUMN n_objects INTEGER;
UPDATE silver.captions SET n_objects = len(objects);

-- Boxes: integer pixel boxes, VisDrone's "ignored region" class 0 dropped, one row per
-- (clip, frame, track).
DROP TABLE IF EXISTS silver.boxes;
CREATE TABLE silver.boxes AS
SELECT clip_uri, frame, track_id,
       round(bb_left)::INTEGER AS x, round(bb_top)::INTEGER AS y,
       round(bb_width)::INTEGER AS w, round(bb_height)::INTEGER AS h,
       class, coalesce(occlusion, 0) AS occlusion
FROM raw.visdrone_annotations
WHERE class <> 0 AND bb_width > 0 AND bb_height > 0
QUALIFY row_number() OVER (PARTITION BY clip_uri, frame, track_id ORDER BY score DESC) = 1;

-- columns every later step relies on
ALTER TABLE silver.captions ALTER COLUMN caption_id SET NOT NULL;
ALTER TABLE silver.captions ALTER COLUMN caption SET NOT NULL;
ALTER TABLE silver.captions ALTER COLUMN image_uri SET NOT NULL;
ALTER TABLE silver.captions ALTER COLUMN split SET NOT NULL;

-- checks (inside the transaction: a failure publishes nothing)
SELECT 'check' AS step, CASE WHEN count(*) <> count(DISTINCT caption_id)
            THEN error('silver.captions: caption_id is not unique') ELSE 'ok: caption_id is unique' END AS result FROM silver.captions;
SELECT 'check' AS step, CASE WHEN count(*) FILTER (WHERE caption IS NULL OR image_uri IS NULL OR split IS NULL) > 0
            THEN error('silver.captions: NULL caption, image_uri or split') ELSE 'ok: no NULL caption, image_uri or split' END AS result FROM silver.captions;
SELECT 'check' AS step, CASE WHEN count(*) <> (SELECT count(*) FROM (SELECT DISTINCT clip_uri, frame, track_id FROM silver.boxes))
            THEN error('silver.boxes: (clip_uri, frame, track_id) is not unique') ELSE 'ok: (clip_uri, frame, track_id) is unique' END AS result FROM silver.boxes;

SELECT 'silver.captions' AS "table", count(*) AS "rows" FROM silver.captions
UNION ALL SELECT 'silver.boxes', count(*) FROM silver.boxes;
COMMIT;
