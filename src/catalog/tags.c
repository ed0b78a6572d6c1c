/*
 * catalog/tags.c - the lakehouse_tag table. See tags.h.
 */
#include "catalog/tags.h"
#include "util/buf.h"
#include "util/fsutil.h"

#include <stdlib.h>

static lh_status ensure_table(lh_catdb *db, lh_err *err)
{
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_TAG_TABLE, &exists, err);
	if (st != LH_OK || exists)
		return st;
	const char *vc = db->ops->column_type("VARCHAR"), *bi = db->ops->column_type("BIGINT");
	char *ddl = lh_asprintf("CREATE TABLE IF NOT EXISTS " LH_TAG_TABLE "(tag_name %s PRIMARY KEY, "
	                        "snapshot_id %s NOT NULL, message %s, created_at %s)",
	                        vc, bi, vc, vc);
	st = ddl ? lh_catdb_exec(db, ddl, NULL, 0, err) : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(ddl);
	return st;
}

lh_status lh_catalog_tag_create(lh_catdb *db, const char *name, int64_t snapshot,
                                const char *message, lh_err *err)
{
	lh_status st = lh_catdb_writable(db, err);
	if (st == LH_OK)
		st = db->ops->begin(db, true, err);
	if (st != LH_OK)
		return st;
	lh_rows *rows = NULL;
	lh_val p[1] = {LH_V_INT(snapshot)};
	st = lh_catdb_query(db, "SELECT snapshot_id FROM ducklake_snapshot WHERE snapshot_id = ?", p, 1,
	                    &rows, err);
	if (st == LH_OK && rows->nrows == 0)
		st = lh_err_set(err, LH_ERR_NOT_FOUND,
		                "snapshot %lld does not exist (list them with `lakehouse snapshots`)",
		                (long long)snapshot);
	lh_rows_free(&rows);
	int64_t taken = -1;
	if (st == LH_OK)
		st = ensure_table(db, err);
	if (st == LH_OK) {
		lh_status found = lh_catalog_tag_get(db, name, &taken, err);
		if (found == LH_OK)
			st = lh_err_set(err, LH_ERR_EXISTS,
			                "tag '%s' already names snapshot %lld (delete it first to move it)",
			                name, (long long)taken);
		else if (found != LH_ERR_NOT_FOUND)
			st = found;
	}
	char now[40];
	lh_now_timestamptz(now);
	lh_val v[4] = {LH_V_TEXT(name), LH_V_INT(snapshot), message ? LH_V_TEXT(message) : LH_V_NULL,
	               LH_V_TEXT(now)};
	if (st == LH_OK)
		st = lh_catdb_exec(db, "INSERT INTO " LH_TAG_TABLE " VALUES (?, ?, ?, ?)", v, 4, err);
	if (st == LH_OK)
		return lh_catdb_commit(db, err);
	db->ops->rollback(db);
	return st;
}

lh_status lh_catalog_tag_delete(lh_catdb *db, const char *name, lh_err *err)
{
	int64_t snap;
	lh_status st = lh_catdb_writable(db, err);
	if (st == LH_OK)
		st = lh_catalog_tag_get(db, name, &snap, err);
	if (st != LH_OK)
		return st;
	lh_val v[1] = {LH_V_TEXT(name)};
	if ((st = db->ops->begin(db, true, err)) != LH_OK)
		return st;
	st = lh_catdb_exec(db, "DELETE FROM " LH_TAG_TABLE " WHERE tag_name = ?", v, 1, err);
	if (st == LH_OK)
		return lh_catdb_commit(db, err);
	db->ops->rollback(db);
	return st;
}

lh_status lh_catalog_tag_get(lh_catdb *db, const char *name, int64_t *out_snapshot, lh_err *err)
{
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_TAG_TABLE, &exists, err);
	if (st != LH_OK)
		return st;
	lh_rows *rows = NULL;
	lh_val p[1] = {LH_V_TEXT(name)};
	if (exists)
		st = lh_catdb_query(db, "SELECT snapshot_id FROM " LH_TAG_TABLE " WHERE tag_name = ?", p,
		                    1, &rows, err);
	if (st == LH_OK && (!exists || rows->nrows == 0))
		st = lh_err_set(err, LH_ERR_NOT_FOUND,
		                "no tag '%s' (list them with `lakehouse tag list`)", name);
	else if (st == LH_OK)
		*out_snapshot = lh_rows_int(rows, 0, 0, -1);
	lh_rows_free(&rows);
	return st;
}

lh_status lh_catalog_tags(lh_catdb *db, lh_rows **out, lh_err *err)
{
	*out = NULL;
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_TAG_TABLE, &exists, err);
	if (st != LH_OK)
		return st;
	return lh_catdb_query(db,
	                      exists ? "SELECT tag_name, snapshot_id, message, created_at FROM " LH_TAG_TABLE
	                               " ORDER BY tag_name"
	                             : "SELECT NULL, NULL, NULL, NULL WHERE 1 = 0",
	                      NULL, 0, out, err);
}
