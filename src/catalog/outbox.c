/*
 * catalog/outbox.c - the lakehouse_event_delivery table. See outbox.h.
 */
#include "catalog/outbox.h"
#include "util/buf.h"
#include "util/fsutil.h"

#include <stdlib.h>
#include <string.h>

static lh_status ensure_table(lh_catdb *db, lh_err *err)
{
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_DELIVERY_TABLE, &exists, err);
	if (st != LH_OK || exists)
		return st;
	const char *vc = db->ops->column_type("VARCHAR"), *bi = db->ops->column_type("BIGINT");
	char *ddl = lh_asprintf("CREATE TABLE IF NOT EXISTS " LH_DELIVERY_TABLE "(target %s PRIMARY KEY, "
	                        "snapshot_id %s, event_id %s, delivered %s, updated_at %s)",
	                        vc, bi, vc, bi, bi);
	st = ddl ? lh_catdb_exec(db, ddl, NULL, 0, err)
	         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(ddl);
	return st;
}

lh_status lh_catalog_delivery_get(lh_catdb *db, const char *target, int64_t *out_snapshot,
                                  char **out_event, int64_t *out_delivered, lh_err *err)
{
	*out_snapshot = -1;
	*out_event = NULL;
	*out_delivered = 0;
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_DELIVERY_TABLE, &exists, err);
	lh_rows *rows = NULL;
	lh_val v[1] = {LH_V_TEXT(target)};
	if (st == LH_OK && exists)
		st = lh_catdb_query(
		        db,
		        "SELECT snapshot_id, event_id, delivered FROM " LH_DELIVERY_TABLE
		        " WHERE target = ?",
		        v, 1, &rows, err);
	if (st == LH_OK && rows && rows->nrows) {
		*out_snapshot = lh_rows_int(rows, 0, 0, -1);
		*out_event = lh_strdup(lh_rows_get(rows, 0, 1));
		*out_delivered = lh_rows_int(rows, 0, 2, 0);
	}
	lh_rows_free(&rows);
	if (st == LH_OK && !*out_event && !(*out_event = lh_strdup("")))
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	return st;
}

static lh_status advance_once(lh_catdb *db, const char *target, int64_t snapshot,
                              const char *event, int64_t count, lh_err *err)
{
	lh_status st = lh_catdb_writable(db, err);
	if (st == LH_OK)
		st = db->ops->begin(db, true, err);
	if (st != LH_OK)
		return st;
	st = ensure_table(db, err);
	lh_rows *rows = NULL;
	lh_val k[1] = {LH_V_TEXT(target)};
	if (st == LH_OK)
		st = lh_catdb_query(db,
		                    "SELECT snapshot_id, event_id FROM " LH_DELIVERY_TABLE
		                    " WHERE target = ?",
		                    k, 1, &rows, err);
	bool have = st == LH_OK && rows->nrows > 0;
	int64_t s = have ? lh_rows_int(rows, 0, 0, -1) : -1;
	const char *e = have ? lh_rows_get(rows, 0, 1) : "";
	bool ahead = have && (s > snapshot || (s == snapshot && strcmp(e ? e : "", event) >= 0));
	lh_val v[5] = {LH_V_INT(snapshot), LH_V_TEXT(event), LH_V_INT(count), LH_V_INT(lh_now_us()),
	               LH_V_TEXT(target)};
	if (st == LH_OK && !ahead)
		st = lh_catdb_exec(db,
		                   have ? "UPDATE " LH_DELIVERY_TABLE " SET snapshot_id = ?, "
		                          "event_id = ?, delivered = delivered + ?, updated_at = ? "
		                          "WHERE target = ?"
		                        : "INSERT INTO " LH_DELIVERY_TABLE
		                          " (snapshot_id, event_id, "
		                          "delivered, updated_at, target) VALUES (?, ?, ?, ?, ?)",
		                   v, 5, err);
	lh_rows_free(&rows);
	if (st == LH_OK)
		return lh_catdb_commit(db, err);
	db->ops->rollback(db);
	return st;
}

lh_status lh_catalog_delivery_advance(lh_catdb *db, const char *target, int64_t snapshot,
                                      const char *event, int64_t count, lh_err *err)
{
	/* two deliverers making the cursor's row at once: one meets the key, reads the row
	 * the other made, and moves it on */
	lh_status st = LH_OK;
	for (int attempt = 0; attempt < 5; attempt++) {
		if (attempt)
			lh_err_clear(err);
		st = advance_once(db, target, snapshot, event, count, err);
		if (st != LH_ERR_CONFLICT && st != LH_ERR_BUSY && st != LH_ERR_EXISTS)
			break;
	}
	return st;
}
