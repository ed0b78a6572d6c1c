/*
 * cli/quality.c - `lakehouse quality TABLE [--key COL]`: a profile of a table.
 *
 * Front end: builds one SQL query per question (lakehouse.h only). Rows, columns, and
 * per column its nulls and distinct values; with --key, duplicate and NULL keys. Exits
 * 1 when the key has duplicates or NULLs, so pipelines can stop on it.
 */
#include "cli.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const quality_help =
    "usage: lakehouse quality SCHEMA.TABLE [--key COL] [--format table|csv|json]\n"
    "\n"
    "Profiles a table: per column its type, rows, NULLs and distinct values. With --key,\n"
    "also duplicate keys and NULL keys; the command then fails (exit 1) when the key is\n"
    "not unique or has NULLs (DuckLake tables have no constraints, so pipelines check).\n"
    "AT (VERSION => n) may follow the table name in quotes: 'gold.t AT (VERSION => 3)'.\n";

int cli_quality(const opts *o)
{
	const char *table = NULL, *key = NULL;
	for (int i = 0; i < o->nargs; i++) {
		if (!strcmp(o->args[i], "--key")) {
			if (i + 1 >= o->nargs)
				return usage_error("%s needs a value", "--key");
			key = o->args[++i];
		} else if (o->args[i][0] != '-' && !table) {
			table = o->args[i];
		} else {
			return usage_error("quality: unexpected argument '%s'", o->args[i]);
		}
	}
	if (!table)
		return usage_error("%s", "quality needs a table (schema.table)");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	/* names and types as text; the profile itself as --format asks */
	lh_lake_set_render(lake, LH_RENDER_TEXT);
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_printf(&sql, "DESCRIBE SELECT * FROM %s", table);
	lh_result *r = NULL;
	size_t n = 0;
	lh_str_vec cols = {0}, types = {0};
	lh_status s = lh_lake_query(lake, lh_buf_str(&sql), &r);
	while (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n)
		for (size_t i = 0; i < n; i++) {
			LH_VEC_PUSH(&cols, lh_strdup(lh_result_text(r, 0, i)));
			LH_VEC_PUSH(&types, lh_strdup(lh_result_text(r, 1, i)));
		}
	lh_result_destroy(&r);
	if (s != LH_OK)
		rc = fail(lh_lake_error(lake));
	bool key_found = !key;
	for (size_t c = 0; c < cols.len; c++)
		if (key && !strcmp(cols.items[c], key))
			key_found = true;
	if (!rc && !key_found) {
		fprintf(stderr, "Error: --key '%s' is not a column of %s\n", key, table);
		rc = 1;
	}
	/* one row per column; DISTINCT over nested types works on their values */
	lh_buf_reset(&sql);
	lh_buf_puts(&sql, "WITH t AS (SELECT * FROM ");
	lh_buf_puts(&sql, table);
	lh_buf_puts(&sql, ")");
	for (size_t c = 0; c < cols.len; c++) {
		lh_buf_puts(&sql, c ? " UNION ALL " : " ");
		lh_buf_puts(&sql, "SELECT ");
		lh_buf_printf(&sql, "%zu AS position, ", c + 1);
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
	if (!rc && cols.len) {
		lh_lake_set_render(lake, o->format == CLI_JSON ? LH_RENDER_JSON : LH_RENDER_TEXT);
		lh_status st;
		if (lh_lake_query(lake, lh_buf_str(&sql), &r) != LH_OK)
			rc = fail(lh_lake_error(lake));
		else if ((st = cli_print_result(stdout, r, o->format, 100000)) != LH_OK)
			rc = fail_status("cannot read the result", st);
		lh_result_destroy(&r);
	}
	if (!rc && key) {
		lh_lake_set_render(lake, LH_RENDER_TEXT);
		lh_buf_reset(&sql);
		lh_buf_puts(&sql, "SELECT count(*) FILTER (WHERE k IS NOT NULL AND n > 1) AS duplicate_keys, "
		                  "coalesce(sum(n) FILTER (WHERE k IS NOT NULL AND n > 1), 0) AS rows_with_duplicate_keys, "
		                  "coalesce(sum(n) FILTER (WHERE k IS NULL), 0) AS null_keys FROM (SELECT ");
		lh_buf_sql_ident(&sql, key);
		lh_buf_printf(&sql, " AS k, count(*) AS n FROM %s GROUP BY 1)", table);
		if (lh_lake_query(lake, lh_buf_str(&sql), &r) != LH_OK ||
		    lh_result_next_batch(r, &n) != LH_OK || n != 1) {
			rc = fail(lh_lake_error(lake));
		} else {
			long long dup = lh_result_int64(r, 0, 0), dup_rows = lh_result_int64(r, 1, 0),
			          nulls = lh_result_int64(r, 2, 0);
			FILE *out = o->format == CLI_TABLE ? stdout : stderr;
			fprintf(out, "key %s: %lld duplicate values (%lld rows), %lld NULL keys\n", key, dup,
			        dup_rows, nulls);
			if (dup || nulls) {
				fprintf(stderr, "Error: key '%s' of %s is not unique and non-NULL: %lld duplicate "
				                "values, %lld NULL keys\n",
				        key, table, dup, nulls);
				rc = 1;
			}
		}
		lh_result_destroy(&r);
	}
	lh_str_vec_free(&cols);
	lh_str_vec_free(&types);
	lh_buf_free(&sql);
	lh_lake_close(&lake);
	return rc;
}
