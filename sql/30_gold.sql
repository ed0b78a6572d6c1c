-- Gold layer: ML-ready tables.
--   gold.captions            image_uri + caption + split: what a captioning model trains on
--   gold.fragment_tracking   one row per video fragment: the bytes to fetch (clip_uri,
--                            byte_offset, byte_length, init_length) and its tracking
--                            statistics, so a loader can pick fragments by content
-- One transaction: a failed check (error() below) publishes nothing. Columns a
-- consumer relies on are declared NOT NULL, so a later write cannot break them either.
BEGIN;
CREATE SCHEMA IF NOT EXISTS gold;

DROP TABLE IF EXISTS gold.captions;
CREATE TABLE gold.captions AS
SELECT caption_id, image_id, image_uri, image_width, image_height, caption, n_objects, split
FROM silver.captions
ORDER BY caption_id;

DROP TABLE IF EXISTS gold.fragment_tracking;
CREATE TABLE gold.fragment_tracking AS
SELECT f.clip_uri, f.fragment_id, f.byte_offset, f.byte_length, f.init_length,
       f.start_frame, f.end_frame, f.start_time, f.end_time,
       count(b.frame) AS n_boxes,
       count(DISTINCT b.track_id) AS n_tracks,
       coalesce(max(b.per_frame), 0) AS max_objects_in_a_frame,
       list_sort(list_distinct(list(b.class))) AS classes
FROM raw.visdrone f
LEFT JOIN (SELECT *, count(*) OVER (PARTITION BY clip_uri, frame) AS per_frame FROM silver.boxes) b
       ON b.clip_uri = f.clip_uri AND b.frame BETWEEN f.start_frame AND f.end_frame
GROUP BY ALL
ORDER BY f.clip_uri, f.fragment_id;

ALTER TABLE gold.captions ALTER COLUMN caption_id SET NOT NULL;
ALTER TABLE gold.captions ALTER COLUMN image_id SET NOT NULL;
ALTER TABLE gold.captions ALTER COLUMN image_uri SET NOT NULL;
ALTER TABLE gold.captions ALTER COLUMN caption SET NOT NULL;
ALTER TABLE gold.captions ALTER COLUMN split SET NOT NULL;
ALTER TABLE gold.fragment_tracking ALTER COLUMN clip_uri SET NOT NULL;
ALTER TABLE gold.fragment_tracking ALTER COLUMN fragment_id SET NOT NULL;
ALTER TABLE gold.fragment_tracking ALTER COLUMN byte_offset SET NOT NULL;
ALTER TABLE gold.fragment_tracking ALTER COLUMN byte_length SET NOT NULL;
ALTER TABLE gold.fragment_tracking ALTER COLUMN init_length SET NOT NULL;

-- checks (inside the transaction: a failure publishes nothing)
SELECT 'check' AS step, CASE WHEN count(*) <> count(DISTINCT caption_id)
            THEN error('gold.captions: caption_id is not unique') ELSE 'ok: caption_id is unique' END AS result FROM gold.captions;
SELECT 'check' AS step, CASE WHEN count(*) FILTER (WHERE trim(caption) = '') > 0
            THEN error('gold.captions: blank caption') ELSE 'ok: no blank caption' END AS result FROM gold.captions;
SELECT 'check' AS step, CASE WHEN count(*) <> (SELECT count(*) FROM (SELECT DISTINCT clip_uri, fragment_id FROM gold.fragment_tracking))
            THEN error('gold.fragment_tracking: (clip_uri, fragment_id) is not unique') ELSE 'ok: (clip_uri, fragment_id) is unique' END AS result
FROM gold.fragment_tracking;

SELECT 'gold.captions' AS "table", count(*) AS "rows" FROM gold.captions
UNION ALL SELECT 'gold.fragment_tracking', count(*) FROM gold.fragment_tracking;
COMMIT;
