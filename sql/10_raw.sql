-- Raw layer: what `lakehouse hf pull` and `lakehouse video ingest` landed, untouched.
-- (./rebuild.sh runs those commands first.) This script only checks the landing is
-- complete and fails loudly otherwise; raw tables are never edited by SQL.
--   raw.coco_captions           one row per caption; image bytes are objects (image_uri)
--   raw.visdrone                the fragment index of the clips (fragmented MP4)
--   raw.visdrone_clips          one row per clip
--   raw.visdrone_annotations    MOT/VisDrone boxes: one row per object per frame

SELECT 'check' AS step, CASE WHEN count(*) = 0 THEN error('raw.coco_captions is empty: run `lakehouse hf pull` first') ELSE 'ok: raw.coco_captions has rows' END AS result
FROM raw.coco_captions;
SELECT 'check' AS step, CASE WHEN count(*) FILTER (WHERE image_uri IS NULL OR image_width IS NULL) > 0
            THEN error('raw.coco_captions has rows without an image object or its size') ELSE 'ok: every caption row has an image object and its size' END AS result
FROM raw.coco_captions;
SELECT 'check' AS step, CASE WHEN count(*) = 0 THEN error('raw.visdrone is empty: run `lakehouse video ingest` first') ELSE 'ok: raw.visdrone has fragments' END AS result
FROM raw.visdrone;
-- every annotated frame lies inside its clip
SELECT 'check' AS step, CASE WHEN count(*) > 0 THEN error('raw.visdrone_annotations has frames outside their clip') ELSE 'ok: every annotated frame is inside its clip' END AS result
FROM raw.visdrone_annotations a JOIN raw.visdrone_clips c USING (clip_uri)
WHERE a.frame < 1 OR a.frame > c.frames;

SELECT 'raw.coco_captions' AS "table", count(*) AS "rows" FROM raw.coco_captions
UNION ALL SELECT 'raw.visdrone', count(*) FROM raw.visdrone
UNION ALL SELECT 'raw.visdrone_annotations', count(*) FROM raw.visdrone_annotations;
