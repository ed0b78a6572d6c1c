/*
 * engine/scan.h - the SQL that reads a lake table at a snapshot: DuckDB's read_parquet
 * over the table's data files, mapped by Parquet field id, minus deleted positions.
 *
 * Layer: engine. The read path of DESIGN.md: files are read by field id with
 * `schema = MAP{field_id: {name, type, default_value}}`, so renamed columns keep their
 * data, widened columns are cast, and columns added later read as their initial default.
 * Delete files and the open transaction's pending deletes are removed with an anti-join
 * on (file_index, file_row_number).
 */
#ifndef LH_ENGINE_SCAN_H
#define LH_ENGINE_SCAN_H

#include "catalog/model.h"
#include "util/buf.h"

/* The DuckDB table holding the open transaction's deleted positions:
 * (file_id BIGINT, pos BIGINT). */
#define LH_PENDING_DELETES "__lh.main.pending_deletes"

enum {
	/* also return __lh_file (data_file_id), __lh_pos (row position in the file) and
	 * __lh_rowid (the DuckLake row id; NULL for rows the open transaction wrote). Rows
	 * kept inline: __lh_file NULL and __lh_pos the row id for the catalog's, and
	 * LH_INLINED_PENDING with the row's index for those the open transaction inlines. */
	LH_SCAN_META = 1 << 0,
	/* LH_SCAN_META and DuckLake's virtual columns too: __lh_snapid (the snapshot that
	 * wrote the row: the file's _ducklake_internal_snapshot_id, else its begin snapshot;
	 * an inlined row's begin snapshot; NULL for rows of the open transaction) and
	 * __lh_filename (the data file's full path or URI as the catalog resolves it; NULL
	 * for inlined rows) and __lh_begin (the snapshot its file began at; an inlined row's
	 * own) */
	LH_SCAN_VIRTUAL = 1 << 1,
};
/* Every column LH_SCAN_VIRTUAL adds (for a SELECT * EXCLUDE of them). */
#define LH_SCAN_VIRTUAL_COLUMNS "__lh_file, __lh_pos, __lh_rowid, __lh_snapid, __lh_filename, __lh_begin"
#define LH_INLINED_PENDING (INT64_MIN / 2)

/* Where DuckDB finds a file: fn maps a file's full path or URI (as the catalog resolves
 * it) to the local file to read (caller frees; NULL on OOM). */
typedef struct lh_path_map {
	char *(*fn)(void *ctx, const char *path);
	void *ctx;
} lh_path_map;

/* Appends a condition over `read_parquet(<f's file>, file_row_number = true)` that holds
 * for the rows of data file f that snapshot `snap` did not see (a merged or flushed file
 * says in its partial_file_info which snapshots saw which rows); *any false when it saw
 * them all (nothing appended). */
lh_status lh_scan_unseen_rows(const lh_data_file *f, int64_t snap, lh_buf *cond, bool *any,
                              lh_err *err);

/* Appends a SELECT reading table `t` of `state`; map NULL reads the paths as they are. */
lh_status lh_scan_sql(const lh_state *state, const lh_table *t, unsigned flags,
                      const lh_path_map *map, lh_buf *out, lh_err *err);

#endif
