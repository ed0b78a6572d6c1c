/*
 * lake/quality.c - a table's profile (lh_lake_quality in lakehouse.h): per column its
 * rows, NULLs and distinct values, and for a key column its duplicate and NULL values.
 * `lakehouse quality` and the quality_check tool both call it.
 *
 * Layer: lake, through the public SQL API: one DESCRIBE for the columns, one query
 * for the profile, one for the key; each read pinned to `version` when one is given.
 */
#include "lake/lake_int.h"
#include "lake/services.h"

#include <stdlib.h>
#include <string.h>

static lh_status query(lh_lake *lake, const lh_buf *sql, int64_t version, lh_result **out)
{
	if (sql->status != LH_OK)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	return version > 0 ? lh_lake_query_at(lake, lh_buf_str(sql), version, out)
	                   : lh_lake_query(lake, lh_buf_str(sql), out);
}

/* The columns of `source` and their types, as text. */
static lh_status columns_of(lh_lake *lake, const char *source, int64_t version, lh_str_vec *cols,
                            lh_str_vec *types)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_printf(&sql, "DESCRIBE SELECT * FROM %s", source);
	lh_render old = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_result *r = NULL;
	size_t n = 0;
	lh_status st = query(lake, &sql, version, &r);
	while (st == LH_OK && (st = lh_result_next_batch(r, &n)) == LH_OK && n)
		for (size_t i = 0; st == LH_OK && i < n; i++) {
			char *c = lh_strdup(lh_result_text(r, 0, i)), *t = lh_strdup(lh_result_text(r, 1, i));
			if (!c || !t || LH_VEC_PUSH(cols, c) != LH_OK) {
				free(c);
				free(t);
				st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
			} else if (LH_VEC_PUSH(types, t) != LH_OK) {
				free(t);
				st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
			}
		}
	lh_result_destroy(&r);
	lh_lake_swap_render(lake, old);
	lh_buf_free(&sql);
	return st;
}

static lh_status key_report(lh_lake *lake, const char *source, const char *key, int64_t version,
                            lh_key_report *out)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "SELECT count(*) FILTER (WHERE k IS NOT NULL AND n > 1), "
	                  "coalesce(sum(n) FILTER (WHERE k IS NOT NULL AND n > 1), 0), "
	                  "coalesce(sum(n) FILTER (WHERE k IS NULL), 0) FROM (SELECT ");
	lh_buf_sql_ident(&sql, key);
	lh_buf_printf(&sql, " AS k, count(*) AS n FROM %s GROUP BY 1)", source);
	lh_render old = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_result *r = NULL;
	size_t n = 0;
	lh_status st = query(lake, &sql, version, &r);
	if (st == LH_OK && (st = lh_result_next_batch(r, &n)) == LH_OK && n != 1)
		st = lh_lake_fail(lake, LH_ERR_INTERNAL, "the key's profile has no row");
	if (st == LH_OK) {
		out->duplicate_values = lh_result_int64(r, 0, 0);
		out->rows_with_duplicates = lh_result_int64(r, 1, 0);
		out->null_keys = lh_result_int64(r, 2, 0);
	}
	lh_result_destroy(&r);
	lh_lake_swap_render(lake, old);
	lh_buf_free(&sql);
	return st;
}

lh_status lh_lake_quality(lh_lake *lake, const char *source, const char *key, int64_t version,
                          lh_result **out_profile, lh_key_report *out_key)
{
	if (!lake || !source || !out_profile || (key && !out_key))
		return LH_ERR_INVALID;
	*out_profile = NULL;
	if (out_key)
		memset(out_key, 0, sizeof *out_key);
	lh_str_vec cols = {0}, types = {0};
	lh_status st = columns_of(lake, source, version, &cols, &types);
	bool key_found = !key;
	for (size_t c = 0; st == LH_OK && c < cols.len; c++)
		key_found |= key && !strcmp(cols.items[c], key);
	if (st == LH_OK && !key_found)
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "key '%s' is not a column of %s", key, source);
	if (st == LH_OK && cols.len == 0)
		st = lh_lake_fail(lake, LH_ERR_INVALID, "%s has no columns to profile", source);
	/* one row per column; DISTINCT over nested types works on their values */
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_printf(&sql, "WITH t AS (SELECT * FROM %s)", source);
	for (size_t c = 0; c < cols.len; c++) {
		lh_buf_printf(&sql, "%sSELECT %zu AS position, ", c ? " UNION ALL " : " ", c + 1);
		lh_buf_sql_str(&sql, cols.items[c]);
		lh_buf_puts(&sql, " AS column_name, ");
		lh_buf_sql_str(&sql, types.items[c]);
		lh_buf_puts(&sql, " AS column_type, count(*) AS rows, count(*) - count(");
		lh_buf_sql_ident(&sql, cols.items[c]);
		lh_buf_puts(&sql, ") AS nulls, count(DISTINCT ");
		lh_buf_sql_ident(&sql, cols.items[c]);
		lh_buf_puts(&sql, ") AS distinct_values FROM t");
	}
	lh_buf_puts(&sql, " ORDER BY position");
	if (st == LH_OK && key)
		st = key_report(lake, source, key, version, out_key);
	if (st == LH_OK)
		st = query(lake, &sql, version, out_profile);
	lh_buf_free(&sql);
	lh_str_vec_free(&cols);
	lh_str_vec_free(&types);
	return st;
}
