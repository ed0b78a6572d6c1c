/*
 * catalog/history.c - reading the lake's history: snapshots, and the files that came
 * and went between two snapshots (the raw material of the change feed).
 *
 * Layer: catalog. Row shapes are documented at each function in catalog.h.
 */
#include "catalog/catalog.h"
#include "util/fsutil.h"

#include <stdlib.h>

/* True for a compaction or flush snapshot: it changes no row, so the change feed skips
 * the files it added and retired (such a commit holds nothing else; 0.4 on names them
 * merge_adjacent, rewrite_delete and inline_flush). */
#define NOT_COMPACTION(snap)                                                                    \
	" NOT EXISTS (SELECT 1 FROM ducklake_snapshot_changes __c WHERE __c.snapshot_id = " snap   \
	" AND (__c.changes_made LIKE 'compacted_table:%' OR __c.changes_made LIKE "                \
	"'merge_adjacent:%' OR __c.changes_made LIKE 'rewrite_delete:%' OR __c.changes_made LIKE " \
	"'flushed_inlined:%' OR __c.changes_made LIKE 'inline_flush:%')) "

lh_status lh_catalog_snapshots(lh_catdb *db, lh_rows **out, lh_err *err)
{
	return lh_catdb_query(db,
	                      "SELECT s.snapshot_id, s.snapshot_time, s.schema_version, c.changes_made, "
	                      "c.author, c.commit_message, c.commit_extra_info FROM ducklake_snapshot s "
	                      "LEFT JOIN ducklake_snapshot_changes c ON c.snapshot_id = s.snapshot_id "
	                      "ORDER BY s.snapshot_id",
	                      NULL, 0, out, err);
}

lh_status lh_catalog_inserted_files(lh_catdb *db, int64_t table_id, int64_t from, int64_t to,
                                    lh_rows **out, lh_err *err)
{
	lh_val v[3] = {LH_V_INT(table_id), LH_V_INT(from), LH_V_INT(to)};
	/* a delete file that begins with its data file (a rollback registering an old file
	 * again) is part of what was inserted; a merged file (partial_file_info, partial_max)
	 * that began before `from` may hold rows of later snapshots */
	return lh_catdb_query(db,
	                      lh_catdb_v1(db)
	                          ? "SELECT d.data_file_id, d.begin_snapshot, d.path, d.path_is_relative, "
	                            "d.record_count, d.row_id_start, x.path, x.path_is_relative FROM "
	                            "ducklake_data_file d LEFT JOIN ducklake_delete_file x ON "
	                            "x.data_file_id = d.data_file_id AND x.begin_snapshot = "
	                            "d.begin_snapshot WHERE d.table_id = ?1 AND (d.begin_snapshot >= ?2 "
	                            "OR d.partial_max >= ?2) AND d.begin_snapshot <= ?3 AND" NOT_COMPACTION(
	                                "d.begin_snapshot") "ORDER BY d.data_file_id"
	                          : "SELECT d.data_file_id, d.begin_snapshot, d.path, d.path_is_relative, "
	                            "d.record_count, d.row_id_start, x.path, x.path_is_relative FROM "
	                            "ducklake_data_file d LEFT JOIN ducklake_delete_file x ON "
	                            "x.data_file_id = d.data_file_id AND x.begin_snapshot = "
	                            "d.begin_snapshot WHERE d.table_id = ?1 AND (d.begin_snapshot >= ?2 "
	                            "OR d.partial_file_info IS NOT NULL) AND d.begin_snapshot <= ?3 "
	                            "AND" NOT_COMPACTION("d.begin_snapshot") "ORDER BY d.data_file_id",
	                      v, 3, out, err);
}

lh_status lh_catalog_compactions(lh_catdb *db, int64_t from, int64_t to, lh_rows **out,
                                 lh_err *err)
{
	lh_val v[2] = {LH_V_INT(from), LH_V_INT(to)};
	return lh_catdb_query(db,
	                      "SELECT s.snapshot_id FROM ducklake_snapshot s WHERE s.snapshot_id >= ? AND "
	                      "s.snapshot_id <= ? AND NOT" NOT_COMPACTION("s.snapshot_id")
	                      "ORDER BY s.snapshot_id",
	                      v, 2, out, err);
}

lh_status lh_catalog_delete_events(lh_catdb *db, int64_t table_id, int64_t from, int64_t to,
                                   lh_rows **out, lh_err *err)
{
	lh_val v[3] = {LH_V_INT(table_id), LH_V_INT(from), LH_V_INT(to)};
	return lh_catdb_query(
	    db,
	    "SELECT d.begin_snapshot, d.path, d.path_is_relative, f.data_file_id, f.path, "
	    "f.path_is_relative, f.record_count, f.row_id_start, p.path, p.path_is_relative FROM "
	    "ducklake_delete_file d JOIN ducklake_data_file f ON f.data_file_id = d.data_file_id LEFT "
	    "JOIN ducklake_delete_file p ON p.data_file_id = d.data_file_id AND p.end_snapshot = "
	    "d.begin_snapshot WHERE d.table_id = ? AND d.begin_snapshot >= ? AND d.begin_snapshot <= ? "
	    "AND f.begin_snapshot < d.begin_snapshot ORDER BY d.delete_file_id",
	    v, 3, out, err);
}

lh_status lh_catalog_retired_files(lh_catdb *db, int64_t table_id, int64_t from, int64_t to,
                                   lh_rows **out, lh_err *err)
{
	lh_val v[3] = {LH_V_INT(table_id), LH_V_INT(from), LH_V_INT(to)};
	return lh_catdb_query(
	    db,
	    "SELECT f.end_snapshot, f.data_file_id, f.path, f.path_is_relative, f.record_count, "
	    "f.row_id_start, p.path, p.path_is_relative FROM ducklake_data_file f LEFT JOIN "
	    "ducklake_delete_file p ON p.data_file_id = f.data_file_id AND p.begin_snapshot < "
	    "f.end_snapshot AND (p.end_snapshot IS NULL OR p.end_snapshot >= f.end_snapshot) WHERE "
	    "f.table_id = ? AND f.end_snapshot >= ? AND f.end_snapshot <= ? AND" NOT_COMPACTION(
	        "f.end_snapshot") "ORDER BY f.data_file_id",
	    v, 3, out, err);
}

lh_status lh_catalog_undeleted(lh_catdb *db, int64_t table_id, int64_t from, int64_t to,
                               lh_rows **out, lh_err *err)
{
	lh_val v[3] = {LH_V_INT(table_id), LH_V_INT(from), LH_V_INT(to)};
	return lh_catdb_query(
	    db,
	    "SELECT d.end_snapshot, d.path, d.path_is_relative, f.data_file_id, f.path, "
	    "f.path_is_relative, f.record_count, f.row_id_start FROM ducklake_delete_file d JOIN "
	    "ducklake_data_file f ON f.data_file_id = d.data_file_id WHERE d.table_id = ? AND "
	    "d.end_snapshot >= ? AND d.end_snapshot <= ? AND (f.end_snapshot IS NULL OR "
	    "f.end_snapshot > d.end_snapshot) AND NOT EXISTS (SELECT 1 FROM ducklake_delete_file n "
	    "WHERE n.data_file_id = d.data_file_id AND n.begin_snapshot = d.end_snapshot) AND"
	    NOT_COMPACTION("d.end_snapshot") "ORDER BY d.delete_file_id",
	    v, 3, out, err);
}

lh_status lh_catalog_column_stats(lh_catdb *db, int64_t table_id, int64_t column_id,
                                  int64_t snapshot, lh_rows **out, lh_err *err)
{
	/* from the files visible at the snapshot: retired files' statistics (all of
	 * history) stay behind, and the stats index finds each file's row. CROSS JOIN makes
	 * SQLite start from the files (PostgreSQL and DuckDB plan it as any join). */
	lh_val v[5] = {LH_V_INT(column_id), LH_V_INT(table_id), LH_V_INT(snapshot),
	               LH_V_INT(snapshot), LH_V_INT(table_id)};
	return lh_catdb_query(db,
	                      "SELECT s.data_file_id, s.min_value, s.max_value, s.contains_nan FROM "
	                      "ducklake_data_file d CROSS JOIN ducklake_file_column_stats s WHERE "
	                      "s.data_file_id = d.data_file_id AND s.column_id = ? AND d.table_id = ? "
	                      "AND d.begin_snapshot <= ? AND (d.end_snapshot IS NULL OR "
	                      "d.end_snapshot > ?) AND s.table_id = ?",
	                      v, 5, out, err);
}
