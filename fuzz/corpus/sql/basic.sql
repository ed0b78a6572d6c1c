CREATE SCHEMA IF NOT EXISTS raw;
CREATE TABLE raw.frames (id BIGINT NOT NULL, uri VARCHAR, ts TIMESTAMP, tags VARCHAR[]);
INSERT INTO raw.frames SELECT i, 'assets/' || i || '.png', now(), ['a', 'b;c'] FROM range(10) t(i);
UPDATE raw.frames SET uri = E'x\'y;' WHERE id = 3;
DELETE FROM lake.raw."Frames ""q""" WHERE id IN (SELECT id FROM raw.frames WHERE id > 5);
SELECT count(*) FROM raw.frames AT (VERSION => 3);
SELECT * FROM ducklake_snapshots('lake') /* a /* nested */ comment; */ ;
CALL lakehouse_rollback('raw.frames', 2);
ALTER TABLE IF EXISTS raw.frames ADD COLUMN score DOUBLE DEFAULT 1.5e-3;
SELECT $tag$ a ; b $tag$, $$x;y$$, $1, ?, 0x1F, .5, 1e+10 -- trailing; comment
;
BEGIN; INSERT OR REPLACE INTO t VALUES (1); COMMIT;
TRUNCATE TABLE raw.frames;
COPY raw.frames FROM 'x.csv';
SET lakehouse_data_inlining = 10;
DROP TABLE IF EXISTS raw.frames;
