/*
 * catalog/checksum.c - the lakehouse_file_checksum table. See checksum.h.
 */
#include "catalog/checksum.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

#define KEYS_PER_QUERY 256

static lh_status create_table(lh_catdb *db, lh_err *err)
{
	const char *vc = db->ops->column_type("VARCHAR"), *bi = db->ops->column_type("BIGINT");
	char *ddl = lh_asprintf("CREATE TABLE IF NOT EXISTS " LH_CHECKSUM_TABLE "(path %s PRIMARY KEY, "
	                        "file_size_bytes %s, algorithm %s, checksum %s)",
	                        vc, bi, vc, vc);
	lh_status st = ddl ? lh_catdb_exec(db, ddl, NULL, 0, err)
	                   : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(ddl);
	return st;
}

lh_status lh_catalog_write_checksums(lh_catdb *db, const lh_file_sum *sums, size_t n,
                                     lh_err *err)
{
	if (n == 0)
		return LH_OK;
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_CHECKSUM_TABLE, &exists, err);
	if (st == LH_OK && !exists)
		st = create_table(db, err);
	for (size_t i = 0; st == LH_OK && i < n; i++) {
		char hex[LH_CHECKSUM_HEX];
		lh_checksum_hex(sums[i].xxh3, hex);
		lh_val v[4] = {LH_V_TEXT(sums[i].path), LH_V_INT(sums[i].size),
		               LH_V_TEXT(LH_CHECKSUM_ALGO), LH_V_TEXT(hex)};
		st = lh_catdb_exec(db,
		                   "INSERT INTO " LH_CHECKSUM_TABLE " VALUES (?, ?, ?, ?) "
		                   "ON CONFLICT DO NOTHING",
		                   v, 4, err);
	}
	return st;
}

/* Appends the rows of `more` to *acc (taking its cells). */
static lh_status rows_append(lh_rows **acc, lh_rows **more, lh_err *err)
{
	if (!*acc) {
		*acc = *more;
		*more = NULL;
		return LH_OK;
	}
	lh_rows *a = *acc, *b = *more;
	size_t total = (a->nrows + b->nrows) * a->ncols;
	char **cells = realloc(a->cells, (total ? total : 1) * sizeof *cells);
	if (!cells)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	memcpy(cells + a->nrows * a->ncols, b->cells, b->nrows * b->ncols * sizeof *cells);
	a->cells = cells;
	a->nrows += b->nrows;
	b->nrows = 0;
	lh_rows_free(more);
	return LH_OK;
}

static lh_status query_keys(lh_catdb *db, char *const *keys, size_t n, lh_rows **out,
                            lh_err *err)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "SELECT path, file_size_bytes, algorithm, checksum FROM " LH_CHECKSUM_TABLE
	                  " WHERE path IN (");
	lh_val *v = calloc(n, sizeof *v);
	for (size_t i = 0; v && i < n; i++) {
		lh_buf_puts(&sql, i ? ", ?" : "?");
		v[i] = LH_V_TEXT(keys[i]);
	}
	lh_buf_putc(&sql, ')');
	lh_status st = v && sql.status == LH_OK
	                   ? lh_catdb_query(db, lh_buf_str(&sql), v, n, out, err)
	                   : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(v);
	lh_buf_free(&sql);
	return st;
}

lh_status lh_catalog_checksums(lh_catdb *db, char *const *keys, size_t n, lh_rows **out,
                               lh_err *err)
{
	*out = NULL;
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_CHECKSUM_TABLE, &exists, err);
	if (st == LH_OK && (!exists || (keys && n == 0)))
		return lh_catdb_query(db, "SELECT NULL, NULL, NULL, NULL WHERE 1 = 0", NULL, 0, out, err);
	if (st == LH_OK && !keys)
		return lh_catdb_query(db,
		                      "SELECT path, file_size_bytes, algorithm, checksum FROM " LH_CHECKSUM_TABLE
		                      " ORDER BY path",
		                      NULL, 0, out, err);
	for (size_t i = 0; st == LH_OK && i < n; i += KEYS_PER_QUERY) {
		lh_rows *part = NULL;
		st = query_keys(db, keys + i, n - i < KEYS_PER_QUERY ? n - i : KEYS_PER_QUERY, &part, err);
		if (st == LH_OK)
			st = rows_append(out, &part, err);
		lh_rows_free(&part);
	}
	if (st != LH_OK)
		lh_rows_free(out);
	return st;
}

lh_status lh_catalog_file_rows(lh_catdb *db, lh_rows **out, lh_err *err)
{
	static const char sql[] =
	    "WITH t AS (SELECT table_id, table_name, path, path_is_relative, schema_id, "
	    "row_number() OVER (PARTITION BY table_id ORDER BY begin_snapshot DESC) AS rn "
	    "FROM ducklake_table), "
	    "s AS (SELECT schema_id, schema_name, path, path_is_relative, "
	    "row_number() OVER (PARTITION BY schema_id ORDER BY begin_snapshot DESC) AS rn "
	    "FROM ducklake_schema), "
	    "f AS (SELECT 'data' AS kind, data_file_id AS id, table_id, begin_snapshot, end_snapshot, "
	    "path, path_is_relative, file_size_bytes FROM ducklake_data_file "
	    "UNION ALL SELECT 'delete', delete_file_id, table_id, begin_snapshot, end_snapshot, "
	    "path, path_is_relative, file_size_bytes FROM ducklake_delete_file) "
	    "SELECT f.kind, f.id, f.table_id, f.begin_snapshot, f.end_snapshot, f.path, "
	    "f.path_is_relative, f.file_size_bytes, t.table_name, t.path, t.path_is_relative, "
	    "s.schema_name, s.path, s.path_is_relative "
	    "FROM f JOIN t ON t.table_id = f.table_id AND t.rn = 1 "
	    "JOIN s ON s.schema_id = t.schema_id AND s.rn = 1 "
	    "ORDER BY f.table_id, f.begin_snapshot, f.kind, f.id";
	return lh_catdb_query(db, sql, NULL, 0, out, err);
}
