/*
 * catalog/inlined.c - the catalog side of data inlining (DuckLake 0.3; shared/reference
 * ducklake-0.3.md 2.19 and 3.11): rows of small inserts kept in the catalog, in tables
 * ducklake_inlined_data_<table_id>_<schema_version> (row_id, begin_snapshot,
 * end_snapshot, the table's columns) listed in ducklake_inlined_data_tables.
 *
 * Layer: catalog. Runs inside the commit's catalog transaction (commit.c).
 */
#include "catalog/inlined.h"
#include "util/fsutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool lh_inlined_name_ok(const char *name)
{
	const char *p = name;
	if (!lh_str_starts_with(p, "ducklake_inlined_data_"))
		return false;
	p += strlen("ducklake_inlined_data_");
	int parts = 0;
	while (*p) {
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
		parts++;
		if (*p == '_' && p[1])
			p++;
		else if (*p)
			return false;
	}
	return parts == 2;
}

/* Column types values are inlined in, per DuckLake type; other types stay in files. */
static const struct {
	const char *ducklake, *sql, *pg;
} types[] = {
    {"boolean", "BOOLEAN", "BOOLEAN"},     {"int8", "TINYINT", "SMALLINT"},
    {"int16", "SMALLINT", "SMALLINT"},     {"int32", "INTEGER", "INTEGER"},
    {"int64", "BIGINT", "BIGINT"},         {"float32", "FLOAT", "REAL"},
    {"float64", "DOUBLE", "DOUBLE PRECISION"}, {"varchar", "VARCHAR", "VARCHAR"},
    {"date", "DATE", "DATE"},              {"time", "TIME", "TIME"},
    {"timestamp", "TIMESTAMP", "TIMESTAMP"}, {"timestamptz", "TIMESTAMPTZ", "TIMESTAMPTZ"},
    {"uuid", "UUID", "UUID"},
};

/* The SQL type of an inlined column of DuckLake type `type` in this catalog, written
 * into buf; false when such a column is never inlined. */
static bool column_type(const lh_catdb *db, const char *type, char *buf, size_t size)
{
	bool pg = strcmp(db->ops->name, "postgres") == 0;
	/* SQLite would keep a decimal as a REAL (NUMERIC affinity): rounded; such tables keep
	 * their rows in files there */
	if (lh_str_starts_with(type, "decimal(") && strcmp(db->ops->name, "sqlite") == 0)
		return false;
	if (lh_str_starts_with(type, "decimal(")) {
		int p = 0, s = 0;
		if (sscanf(type, "decimal(%d,%d)", &p, &s) != 2 || p < 1 || p > 38 || s < 0 || s > p)
			return false;
		snprintf(buf, size, "DECIMAL(%d,%d)", p, s);
		return true;
	}
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(types[i].ducklake, type) == 0) {
			snprintf(buf, size, "%s", pg ? types[i].pg : db->ops->column_type(types[i].sql));
			return true;
		}
	return false;
}

bool lh_inlined_table_ok(const lh_catdb *db, const lh_table *t)
{
	char buf[64];
	static const char *const reserved[] = {"row_id", "begin_snapshot", "end_snapshot"};
	for (size_t i = 0; i < t->columns.len; i++) {
		if (t->columns.items[i].parent >= 0 ||
		    !column_type(db, t->columns.items[i].type, buf, sizeof buf))
			return false;
		for (size_t k = 0; k < 3; k++)
			if (lh_strieq(t->columns.items[i].name, reserved[k]))
				return false; /* the inlined table's own columns */
	}
	return true;
}

/* Whether inlined table `name` fits table t as it is now: the same columns by name, and
 * made at or after the schema version of t's newest column row (a type change). */
static lh_status fits(lh_catdb *db, const lh_table *t, const char *name, int64_t name_sv,
                      bool *out, lh_err *err)
{
	*out = false;
	char *q = lh_asprintf("SELECT * FROM %s LIMIT 0", name);
	lh_rows *rows = NULL;
	lh_status st = q ? lh_catdb_query(db, q, NULL, 0, &rows, err)
	                 : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(q);
	if (st != LH_OK)
		return st;
	bool same = rows->ncols >= 3;
	size_t k = 3;
	int64_t changed = t->begin_snapshot;
	for (size_t i = 0; same && i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->begin_snapshot > changed)
			changed = c->begin_snapshot;
		if (c->parent >= 0)
			continue;
		same = k < rows->ncols && strcmp(rows->names[k], c->name) == 0;
		k++;
	}
	same = same && k == rows->ncols;
	lh_rows_free(&rows);
	if (!same)
		return LH_OK;
	lh_val p[1] = {LH_V_INT(changed)};
	st = lh_catdb_query(db, "SELECT schema_version FROM ducklake_snapshot WHERE snapshot_id = ?",
	                    p, 1, &rows, err);
	if (st == LH_OK) /* a change at an expired snapshot is older than any kept table */
		*out = rows->nrows == 0 || lh_rows_int(rows, 0, 0, 0) <= name_sv;
	lh_rows_free(&rows);
	return st;
}

/* The inlined table new rows of t go to: its newest, when that fits the table's columns
 * (and the commit does not change them); else a new one for schema version `sv`
 * (*created). */
static lh_status target_table(lh_catdb *db, int64_t table_id, const lh_table *t, int64_t sv,
                              bool altered, char *name, size_t size, bool *created, lh_err *err)
{
	*created = false;
	lh_status st = LH_OK;
	if (!altered) {
		lh_val p[1] = {LH_V_INT(table_id)};
		lh_rows *rows = NULL;
		st = lh_catdb_query(db,
		                    "SELECT table_name, schema_version FROM ducklake_inlined_data_tables "
		                    "WHERE table_id = ? ORDER BY schema_version DESC LIMIT 1",
		                    p, 1, &rows, err);
		if (st != LH_OK)
			return st;
		const char *have = rows->nrows ? lh_rows_get(rows, 0, 0) : NULL;
		bool ok = have && lh_inlined_name_ok(have) && strlen(have) < size;
		if (ok)
			st = fits(db, t, have, lh_rows_int(rows, 0, 1, 0), &ok, err);
		if (st == LH_OK && ok)
			snprintf(name, size, "%s", have);
		lh_rows_free(&rows);
		if (st != LH_OK || ok)
			return st;
	}
	snprintf(name, size, "ducklake_inlined_data_%lld_%lld", (long long)table_id, (long long)sv);
	lh_val r[3] = {LH_V_INT(table_id), LH_V_TEXT(name), LH_V_INT(sv)};
	lh_rows *have = NULL;
	st = lh_catdb_query(db, "SELECT 1 FROM ducklake_inlined_data_tables WHERE table_name = ?",
	                    &r[1], 1, &have, err);
	bool exists = st == LH_OK && have->nrows > 0;
	lh_rows_free(&have);
	if (st != LH_OK || exists)
		return st; /* made earlier at this schema version: the columns it has are these */
	lh_buf ddl;
	lh_buf_init(&ddl, 0);
	lh_buf_printf(&ddl, "CREATE TABLE %s (row_id BIGINT, begin_snapshot BIGINT, "
	                    "end_snapshot BIGINT", name);
	for (size_t i = 0; i < t->columns.len; i++) {
		char type[64];
		if (t->columns.items[i].parent >= 0)
			continue;
		if (!column_type(db, t->columns.items[i].type, type, sizeof type)) {
			lh_buf_free(&ddl);
			return lh_err_set(err, LH_ERR_INTERNAL, "column '%s' cannot be inlined",
			                  t->columns.items[i].name);
		}
		lh_buf_puts(&ddl, ", ");
		lh_buf_sql_ident(&ddl, t->columns.items[i].name);
		lh_buf_printf(&ddl, " %s", type);
	}
	lh_buf_putc(&ddl, ')');
	st = ddl.status == LH_OK ? lh_catdb_exec(db, lh_buf_str(&ddl), NULL, 0, err)
	                         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&ddl);
	if (st == LH_OK)
		st = lh_catdb_exec(db, "INSERT INTO ducklake_inlined_data_tables VALUES (?, ?, ?)", r, 3,
		                   err);
	*created = st == LH_OK;
	return st;
}

lh_status lh_inlined_write(lh_catdb *db, int64_t table_id, const lh_table *t, int64_t snap,
                           int64_t sv, bool altered, int64_t *next_row_id, bool *created,
                           lh_err *err)
{
	*created = false;
	if (t->inl_rows == 0)
		return LH_OK;
	char name[96];
	lh_status st = target_table(db, table_id, t, sv, altered, name, sizeof name, created, err);
	if (st != LH_OK)
		return st;
	size_t ncols = t->inl_ncols;
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_printf(&sql, "INSERT INTO %s VALUES (?, ?, NULL", name);
	for (size_t k = 0; k < ncols; k++)
		lh_buf_puts(&sql, ", ?");
	lh_buf_putc(&sql, ')');
	lh_val *v = calloc(ncols + 2, sizeof *v);
	bool *bools = calloc(ncols + 1, sizeof *bools);
	for (size_t i = 0, k = 0; bools && i < t->columns.len && k < ncols; i++)
		if (t->columns.items[i].parent < 0)
			bools[k++] = strcmp(t->columns.items[i].type, "boolean") == 0;
	if (!v || !bools || sql.status != LH_OK)
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	for (size_t r = 0; st == LH_OK && r < t->inl_rows; r++) {
		v[0] = LH_V_INT((*next_row_id)++);
		v[1] = LH_V_INT(snap);
		for (size_t k = 0; k < ncols; k++) {
			const char *x = t->inl_values[r * ncols + k];
			/* booleans as 1/0: every backend takes that (SQLite stores BOOLEAN as BIGINT) */
			v[2 + k] = x && bools[k] ? LH_V_INT(strcmp(x, "true") == 0) : LH_V_TEXT(x);
		}
		st = lh_catdb_exec(db, lh_buf_str(&sql), v, ncols + 2, err);
	}
	free(v);
	free(bools);
	lh_buf_free(&sql);
	return st;
}

lh_status lh_inlined_end(lh_catdb *db, const lh_table *t, int64_t snap, lh_err *err)
{
	lh_status st = LH_OK;
	for (size_t k = 0; st == LH_OK && k < t->inl_n; k++) {
		lh_buf sql;
		lh_buf_init(&sql, 0);
		lh_buf_printf(&sql, "UPDATE %s SET end_snapshot = %lld WHERE end_snapshot IS NULL",
		              t->inl_tables[k], (long long)snap);
		/* a flush ends every row; a delete those it names */
		for (size_t i = 0; !t->inl_flushed && i < t->inl_deleted.len; i++)
			lh_buf_printf(&sql, "%s%lld", i ? ", " : " AND row_id IN (",
			              (long long)t->inl_deleted.items[i]);
		lh_buf_puts(&sql, !t->inl_flushed && t->inl_deleted.len ? ")" : "");
		st = sql.status == LH_OK ? lh_catdb_exec(db, lh_buf_str(&sql), NULL, 0, err)
		                         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		lh_buf_free(&sql);
	}
	return st;
}
