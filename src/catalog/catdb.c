/*
 * catalog/catdb.c - backend-independent helpers of the catalog connection. See catdb.h.
 */
#include "catalog/catdb.h"

#include <errno.h>
#include <string.h>
#include "util/buf.h"
#include "util/fault.h"

#include <stdlib.h>
#include <string.h>

const char *lh_rows_get(const lh_rows *rows, size_t row, size_t col)
{
	if (!rows || row >= rows->nrows || col >= rows->ncols)
		return NULL;
	return rows->cells[row * rows->ncols + col];
}

bool lh_rows_isnull(const lh_rows *rows, size_t row, size_t col)
{
	return lh_rows_get(rows, row, col) == NULL;
}

int64_t lh_rows_int(const lh_rows *rows, size_t row, size_t col, int64_t dflt)
{
	const char *s = lh_rows_get(rows, row, col);
	int64_t v;
	return s && lh_parse_int64(s, &v) ? v : dflt;
}

bool lh_rows_bool(const lh_rows *rows, size_t row, size_t col, bool dflt)
{
	const char *s = lh_rows_get(rows, row, col);
	if (!s)
		return dflt;
	return strcmp(s, "1") == 0 || lh_strieq(s, "true") || lh_strieq(s, "t");
}

char *lh_rows_dup(const lh_rows *rows, size_t row, size_t col)
{
	return lh_strdup(lh_rows_get(rows, row, col));
}

void lh_rows_free(lh_rows **rows)
{
	if (!rows || !*rows)
		return;
	lh_rows *r = *rows;
	for (size_t i = 0; i < r->nrows * r->ncols; i++)
		free(r->cells[i]);
	for (size_t i = 0; r->names && i < r->ncols; i++)
		free(r->names[i]);
	free(r->names);
	free(r->cells);
	free(r);
	*rows = NULL;
}

lh_status lh_catdb_table_exists(lh_catdb *db, const char *name, bool *out, lh_err *err)
{
	lh_rows *rows = NULL;
	lh_val p[1] = {LH_V_TEXT(name)};
	*out = false;
	lh_status st = lh_catdb_query(db, db->ops->table_exists_sql, p, 1, &rows, err);
	if (st == LH_OK)
		*out = rows->nrows == 1 && lh_rows_int(rows, 0, 0, 0) > 0;
	lh_rows_free(&rows);
	return st;
}

void lh_catdb_close(lh_catdb **db)
{
	if (!db || !*db)
		return;
	(*db)->ops->close(*db);
	*db = NULL;
}

lh_status lh_catdb_writable(const lh_catdb *db, lh_err *err)
{
	if (!db->read_only)
		return LH_OK;
	const char *label = db->label ? db->label : "the catalog";
	if (db->read_only_errno == ENOSPC || db->read_only_errno == EDQUOT)
		return lh_err_set(err, LH_ERR_NO_SPACE,
		                  "no space left on device: cannot write catalog '%s'; nothing was "
		                  "changed; reads work, and writes will once space is freed on its disk",
		                  label);
	return lh_err_set(err, LH_ERR_READ_ONLY,
	                  "catalog '%s' cannot be written (%s): reads work; writes need a writable "
	                  "folder (not a read-only mount) and write permission",
	                  label, db->read_only_errno ? strerror(db->read_only_errno) : "read-only");
}

lh_status lh_catdb_commit(lh_catdb *db, lh_err *err)
{
	if (lh_fault(LH_FAULT_CATALOG_COMMIT)) {
		db->ops->rollback(db);
		return lh_err_set(err, LH_ERR_IO, "cannot commit the catalog transaction: injected fault");
	}
	return db->ops->commit(db, err);
}

lh_status lh_catdb_hold(lh_catdb *db, lh_err *err)
{
	return db->ops->hold ? db->ops->hold(db, err) : LH_OK;
}

void lh_catdb_release(lh_catdb *db)
{
	if (db->ops->release)
		db->ops->release(db);
}

char *lh_catdb_dollar_params(const char *sql)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	int next = 1;
	char quote = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			lh_buf_putc(&b, *p);
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			lh_buf_putc(&b, *p);
			continue;
		}
		if (*p != '?') {
			lh_buf_putc(&b, *p);
			continue;
		}
		if (p[1] >= '0' && p[1] <= '9') {
			lh_buf_putc(&b, '$');
			continue; /* ?N: keep the number */
		}
		lh_buf_printf(&b, "$%d", next++);
	}
	return lh_buf_steal(&b);
}

lh_status lh_catdb_set_schema(lh_catdb *db, const char *schema, bool create, lh_err *err)
{
	if (db->ops->set_schema)
		return db->ops->set_schema(db, schema, create, err);
	if (strcmp(schema, "main") == 0)
		return LH_OK;
	return lh_err_set(err, LH_ERR_UNSUPPORTED,
	                  "METADATA_SCHEMA '%s': a %s catalog has one schema; put lakes in schemas of "
	                  "a PostgreSQL or DuckDB-file catalog, or give each lake its own file",
	                  schema, db->ops->name);
}
