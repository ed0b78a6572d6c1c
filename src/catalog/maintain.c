/*
 * catalog/maintain.c - the catalog side of maintenance: expiring snapshots, the queue
 * of files to delete, and every path the catalog references.
 *
 * Layer: catalog. Paths of files are composed in SQL from the file, table and schema
 * rows exactly as a reader composes them: relative to the data path when the file, its
 * table and its schema are all relative, else absolute.
 */
#include "catalog/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The latest row of the file's table, and its schema. */
#define FILE_OWNER_JOIN(f)                                                                      \
	" JOIN ducklake_table t ON t.table_id = " f ".table_id AND t.begin_snapshot = (SELECT "       \
	"max(t2.begin_snapshot) FROM ducklake_table t2 WHERE t2.table_id = " f ".table_id)"          \
	" JOIN ducklake_schema s ON s.schema_id = t.schema_id"

/* path (relative to the data path when is_relative), is_relative */
#define FILE_PATH(f)                                                                            \
	"CASE WHEN " f ".path_is_relative AND t.path_is_relative THEN s.path || t.path || " f        \
	".path WHEN " f ".path_is_relative THEN t.path || " f ".path ELSE " f ".path END, "          \
	"CASE WHEN " f ".path_is_relative AND t.path_is_relative AND s.path_is_relative THEN 1 "     \
	"ELSE 0 END"

/* Versioned metadata rows: once no snapshot can see them, expiring deletes them. */
static const char *const VERSIONED[] = {
    "ducklake_schema",    "ducklake_table",      "ducklake_view",          "ducklake_column",
    "ducklake_tag",       "ducklake_column_tag", "ducklake_partition_info",
};

/* rows no remaining snapshot s sees: begin_snapshot <= s < end_snapshot */
#define UNREACHABLE(tbl)                                                                        \
	" WHERE " tbl ".end_snapshot IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ducklake_snapshot "  \
	"__s WHERE __s.snapshot_id >= " tbl ".begin_snapshot AND __s.snapshot_id < " tbl              \
	".end_snapshot)"

lh_status lh_catalog_file_refs(lh_catdb *db, lh_rows **out, lh_err *err)
{
	return lh_catdb_query(db,
	                      "SELECT " FILE_PATH("f") " FROM ducklake_data_file f" FILE_OWNER_JOIN("f")
	                      " UNION ALL SELECT " FILE_PATH("f") " FROM ducklake_delete_file f"
	                      FILE_OWNER_JOIN("f"),
	                      NULL, 0, out, err);
}

lh_status lh_catalog_scheduled(lh_catdb *db, lh_rows **out, lh_err *err)
{
	return lh_catdb_query(db,
	                      "SELECT data_file_id, path, path_is_relative, schedule_start FROM "
	                      "ducklake_files_scheduled_for_deletion ORDER BY schedule_start, path",
	                      NULL, 0, out, err);
}

lh_status lh_catalog_unschedule(lh_catdb *db, const lh_rows *rows, const bool *which,
                                lh_err *err)
{
	lh_status st = db->ops->begin(db, true, err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		if (!which[r])
			continue;
		lh_val v[2] = {LH_V_INT(lh_rows_int(rows, r, 0, -1)), LH_V_TEXT(lh_rows_get(rows, r, 1))};
		st = lh_catdb_exec(db,
		                   "DELETE FROM ducklake_files_scheduled_for_deletion WHERE data_file_id = "
		                   "? AND path = ?",
		                   v, 2, err);
	}
	if (st == LH_OK)
		return lh_catdb_commit(db, err);
	db->ops->rollback(db);
	return st;
}

/* "a, b, c" of the ids in column col of rows. */
static char *id_list(const lh_rows *rows, size_t col)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	for (size_t r = 0; r < rows->nrows; r++)
		lh_buf_printf(&b, "%s%lld", r ? ", " : "", (long long)lh_rows_int(rows, r, col, -1));
	return lh_buf_steal(&b);
}

/* DELETE FROM table WHERE column IN (ids), ids a list of integers. */
static lh_status delete_in(lh_catdb *db, const char *table, const char *column, const char *ids,
                           lh_err *err)
{
	char *sql = lh_asprintf("DELETE FROM %s WHERE %s IN (%s)", table, column, ids);
	if (!sql)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = lh_catdb_exec(db, sql, NULL, 0, err);
	free(sql);
	return st;
}

/* Files of `where` (over alias f): queued for deletion, their rows deleted. */
static lh_status release_files(lh_catdb *db, const char *kind, const char *where, const char *now,
                               lh_rows **out, lh_err *err)
{
	bool data = strcmp(kind, "data") == 0;
	const char *table = data ? "ducklake_data_file" : "ducklake_delete_file";
	const char *id = data ? "data_file_id" : "delete_file_id";
	char *sql = lh_asprintf("SELECT f.%s, " FILE_PATH("f") ", f.file_size_bytes FROM %s f"
	                        FILE_OWNER_JOIN("f") "%s ORDER BY f.%s",
	                        id, table, where, id);
	if (!sql)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = lh_catdb_query(db, sql, NULL, 0, out, err);
	free(sql);
	if (st != LH_OK || (*out)->nrows == 0)
		return st;
	for (size_t r = 0; st == LH_OK && r < (*out)->nrows; r++) {
		lh_val v[4] = {LH_V_INT(lh_rows_int(*out, r, 0, -1)), LH_V_TEXT(lh_rows_get(*out, r, 1)),
		               LH_V_BOOL(lh_rows_bool(*out, r, 2, false)), LH_V_TEXT(now)};
		st = lh_catdb_exec(db, "INSERT INTO ducklake_files_scheduled_for_deletion VALUES (?, ?, ?, ?)",
		                   v, 4, err);
	}
	char *ids = st == LH_OK ? id_list(*out, 0) : NULL;
	if (st == LH_OK && !ids)
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK && data)
		st = delete_in(db, "ducklake_file_column_stats", "data_file_id", ids, err);
	if (st == LH_OK && data)
		st = delete_in(db, "ducklake_file_partition_value", "data_file_id", ids, err);
	if (st == LH_OK)
		st = delete_in(db, table, id, ids, err);
	free(ids);
	return st;
}

/* Metadata rows no snapshot sees any more, and what hangs off tables that are gone. */
static lh_status release_metadata(lh_catdb *db, lh_err *err)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < sizeof VERSIONED / sizeof VERSIONED[0]; i++) {
		char *sql = lh_asprintf("DELETE FROM %s WHERE end_snapshot IS NOT NULL AND NOT EXISTS "
		                        "(SELECT 1 FROM ducklake_snapshot __s WHERE __s.snapshot_id >= "
		                        "%s.begin_snapshot AND __s.snapshot_id < %s.end_snapshot)",
		                        VERSIONED[i], VERSIONED[i], VERSIONED[i]);
		st = sql ? lh_catdb_exec(db, sql, NULL, 0, err)
		         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		free(sql);
	}
	/* a renamed table keeps its other rows, and with them its statistics (DuckLake
	 * issue #527 deleted a renamed table's data here) */
	static const char *const gone[] = {
	    "DELETE FROM ducklake_table_stats WHERE table_id NOT IN (SELECT table_id FROM "
	    "ducklake_table)",
	    "DELETE FROM ducklake_table_column_stats WHERE table_id NOT IN (SELECT table_id FROM "
	    "ducklake_table)",
	    "DELETE FROM ducklake_partition_column WHERE partition_id NOT IN (SELECT partition_id "
	    "FROM ducklake_partition_info)",
	};
	for (size_t i = 0; st == LH_OK && i < sizeof gone / sizeof gone[0]; i++)
		st = lh_catdb_exec(db, gone[i], NULL, 0, err);
	return st;
}

lh_status lh_catalog_expire(lh_catdb *db, const int64_t *ids, size_t n, const char *now,
                            bool dry_run, lh_rows **out_data, lh_rows **out_deletes, lh_err *err)
{
	*out_data = *out_deletes = NULL;
	lh_buf list;
	lh_buf_init(&list, 0);
	for (size_t i = 0; i < n; i++)
		lh_buf_printf(&list, "%s%lld", i ? ", " : "", (long long)ids[i]);
	if (list.status != LH_OK)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = db->ops->begin(db, true, err);
	if (st == LH_OK && n > 0) {
		st = delete_in(db, "ducklake_snapshot", "snapshot_id", lh_buf_str(&list), err);
		if (st == LH_OK)
			st = delete_in(db, "ducklake_snapshot_changes", "snapshot_id", lh_buf_str(&list),
			               err);
	}
	if (st == LH_OK)
		st = release_files(db, "data", UNREACHABLE("f"), now, out_data, err);
	if (st == LH_OK)
		st = release_files(db, "delete", UNREACHABLE("f"), now, out_deletes, err);
	if (st == LH_OK)
		st = release_metadata(db, err);
	lh_buf_free(&list);
	if (st != LH_OK || dry_run) {
		db->ops->rollback(db);
		return st;
	}
	return lh_catdb_commit(db, err);
}

lh_status lh_catalog_release_data_files(lh_catdb *db, const int64_t *ids, size_t n,
                                        const char *now, lh_err *err)
{
	if (n == 0)
		return LH_OK;
	lh_buf where;
	lh_buf_init(&where, 0);
	lh_buf_puts(&where, " WHERE f.data_file_id IN (");
	for (size_t i = 0; i < n; i++)
		lh_buf_printf(&where, "%s%lld", i ? ", " : "", (long long)ids[i]);
	lh_buf_putc(&where, ')');
	lh_rows *rows = NULL;
	lh_status st = where.status == LH_OK
	                   ? release_files(db, "data", lh_buf_str(&where), now, &rows, err)
	                   : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK && rows->nrows != n)
		st = lh_err_set(err, LH_ERR_CONFLICT,
		                "a data file this transaction merged is gone from the catalog (another "
		                "process merged or expired it meanwhile); nothing was written: run it "
		                "again");
	lh_rows_free(&rows);
	lh_buf_free(&where);
	return st;
}
