/*
 * catalog/stats.c - column statistics at commit: per-file rows and the table-wide merge.
 *
 * Layer: catalog. Follows DuckDB's ducklake extension: ducklake_file_column_stats gets
 * one row per column per new file (value_count = rows - nulls); the table-wide rows are
 * inserted with the table's first data and afterwards only widened where they exist (a
 * column added later gets none). Numbers compare by value, everything else as text. A
 * bound becomes unknown (NULL) once a file brings values without one.
 */
#include "catalog/stats.h"

#include <stdlib.h>
#include <string.h>

static bool type_is_numeric(const char *type)
{
	return lh_str_starts_with(type, "int") || lh_str_starts_with(type, "uint") ||
	       lh_str_starts_with(type, "float") || lh_str_starts_with(type, "decimal");
}

/* <0, 0, >0 like strcmp; numbers compare by value. */
static int stat_cmp(const char *a, const char *b, bool numeric)
{
	if (numeric) {
		long double x = strtold(a, NULL), y = strtold(b, NULL);
		return x < y ? -1 : x > y ? 1 : 0;
	}
	return strcmp(a, b);
}

typedef struct merged_stat {
	int64_t column_id;
	bool numeric;
	int contains_null; /* -1 unknown */
	int contains_nan;
	bool min_known, max_known;
	char *min_value, *max_value;
} merged_stat;

typedef LH_VEC(merged_stat) merged_stats;

static void merged_stat_free(merged_stat *m)
{
	free(m->min_value);
	free(m->max_value);
}

/* LH_ERR_NOMEM when the new bound cannot be kept (a bound silently lost would widen
 * into a wrong one with the next file's) */
static lh_status merge_bound(char **cur, bool *known, const char *v, bool numeric, int sign)
{
	if (!*known)
		return LH_OK;
	if (!v) {
		*known = false;
		free(*cur);
		*cur = NULL;
		return LH_OK;
	}
	if (!*cur || stat_cmp(v, *cur, numeric) * sign < 0) {
		char *copy = lh_strdup(v);
		if (!copy)
			return LH_ERR_NOMEM;
		free(*cur);
		*cur = copy;
	}
	return LH_OK;
}

static void merge_flag(int *cur, int v)
{
	if (*cur < 0 || v < 0)
		*cur = -1;
	else
		*cur = *cur || v;
}

/* Merges one new file's (or the inlined rows') column stats into out. */
static lh_status merge_stats(const lh_table *t, const lh_col_stats *stats, size_t n,
                             int64_t record_count, merged_stats *out)
{
	for (size_t k = 0; k < n; k++) {
		const lh_col_stats *s = &stats[k];
		merged_stat *m = NULL;
		for (size_t j = 0; j < out->len; j++)
			if (out->items[j].column_id == s->column_id)
				m = &out->items[j];
		int has_null = s->null_count < 0 ? -1 : s->null_count > 0;
		if (!m) {
			const lh_column *c = lh_table_column_by_id(t, s->column_id);
			merged_stat ns = {.column_id = s->column_id,
			                  .numeric = c && type_is_numeric(c->type),
			                  .contains_null = has_null,
			                  .contains_nan = s->contains_nan,
			                  .min_known = true,
			                  .max_known = true};
			if (LH_VEC_PUSH(out, ns))
				return LH_ERR_NOMEM;
			m = &out->items[out->len - 1];
		} else {
			merge_flag(&m->contains_null, has_null);
			merge_flag(&m->contains_nan, s->contains_nan);
		}
		bool all_null = s->null_count >= 0 && s->null_count >= record_count;
		if ((s->min_value || !all_null) &&
		    merge_bound(&m->min_value, &m->min_known, s->min_value, m->numeric, 1) != LH_OK)
			return LH_ERR_NOMEM;
		if ((s->max_value || !all_null) &&
		    merge_bound(&m->max_value, &m->max_known, s->max_value, m->numeric, -1) != LH_OK)
			return LH_ERR_NOMEM;
	}
	return LH_OK;
}

/* Merges the stats of the transaction's new files of a table, and of the rows it
 * inlines, column by column. */
static lh_status merge_new_file_stats(const lh_table *t, merged_stats *out)
{
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (f->id >= 0 || f->reused)
			continue;
		if (merge_stats(t, f->stats, f->nstats, f->record_count, out) != LH_OK)
			return LH_ERR_NOMEM;
	}
	return merge_stats(t, t->inl_stats, t->inl_nstats, (int64_t)t->inl_rows, out);
}

static lh_val flag_val(int f)
{
	return f < 0 ? LH_V_NULL : LH_V_BOOL(f);
}

/* Table-wide column stats: DuckLake inserts them with the table's first data and from
 * then on only widens the rows that exist (a column added later gets none). */
lh_status lh_stats_write_table(lh_catdb *db, int64_t table_id, const lh_table *t, bool first,
                               lh_err *err)
{
	merged_stats ms = {0};
	lh_status st = merge_new_file_stats(t, &ms);
	if (st != LH_OK) {
		for (size_t i = 0; i < ms.len; i++)
			merged_stat_free(&ms.items[i]);
		LH_VEC_FREE(&ms);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; st == LH_OK && i < ms.len; i++) {
		merged_stat *m = &ms.items[i];
		if (first) {
			lh_val v[6] = {LH_V_INT(table_id), LH_V_INT(m->column_id), flag_val(m->contains_null),
			               flag_val(m->contains_nan), LH_V_TEXT(m->min_value),
			               LH_V_TEXT(m->max_value)};
			st = lh_catdb_exec(db, "INSERT INTO ducklake_table_column_stats VALUES (?, ?, ?, ?, ?, ?, NULL)", v,
			        6, err);
			continue;
		}
		lh_val k[2] = {LH_V_INT(table_id), LH_V_INT(m->column_id)};
		lh_rows *rows = NULL;
		st = lh_catdb_query(db,
		                    "SELECT contains_null, contains_nan, min_value, max_value FROM "
		                    "ducklake_table_column_stats WHERE table_id = ? AND column_id = ?",
		                    k, 2, &rows, err);
		if (st != LH_OK || rows->nrows == 0) {
			lh_rows_free(&rows);
			continue;
		}
		int cn = lh_rows_isnull(rows, 0, 0) ? -1 : lh_rows_bool(rows, 0, 0, false);
		int cnan = lh_rows_isnull(rows, 0, 1) ? -1 : lh_rows_bool(rows, 0, 1, false);
		merged_stat cur = {.numeric = m->numeric,
		                   .contains_null = cn,
		                   .contains_nan = cnan,
		                   .min_known = !lh_rows_isnull(rows, 0, 2),
		                   .max_known = !lh_rows_isnull(rows, 0, 3),
		                   .min_value = lh_rows_dup(rows, 0, 2),
		                   .max_value = lh_rows_dup(rows, 0, 3)};
		lh_rows_free(&rows);
		merge_flag(&cur.contains_null, m->contains_null);
		merge_flag(&cur.contains_nan, m->contains_nan);
		/* a known but absent bound means only NULLs were added: nothing to widen */
		if (!m->min_known || m->min_value)
			merge_bound(&cur.min_value, &cur.min_known, m->min_known ? m->min_value : NULL,
			            cur.numeric, 1);
		if (!m->max_known || m->max_value)
			merge_bound(&cur.max_value, &cur.max_known, m->max_known ? m->max_value : NULL,
			            cur.numeric, -1);
		lh_val v[6] = {flag_val(cur.contains_null), flag_val(cur.contains_nan),
		               LH_V_TEXT(cur.min_value),    LH_V_TEXT(cur.max_value),
		               LH_V_INT(table_id),          LH_V_INT(m->column_id)};
		st = lh_catdb_exec(db,
		        "UPDATE ducklake_table_column_stats SET contains_null = ?, contains_nan = ?, "
		        "min_value = ?, max_value = ? WHERE table_id = ? AND column_id = ?",
		        v, 6, err);
		merged_stat_free(&cur);
	}
	for (size_t i = 0; i < ms.len; i++)
		merged_stat_free(&ms.items[i]);
	LH_VEC_FREE(&ms);
	return st;
}

lh_status lh_stats_write_file(lh_catdb *db, int64_t file_id, int64_t table_id,
                             const lh_data_file *f, lh_err *err)
{
	lh_status st = LH_OK;
	if (f->reused) {
		lh_val v[3] = {LH_V_INT(file_id), LH_V_INT(table_id), LH_V_INT(f->reused_from)};
		return lh_catdb_exec(db,
		          "INSERT INTO ducklake_file_column_stats SELECT ?, ?, column_id, "
		          "column_size_bytes, value_count, null_count, min_value, max_value, "
		          "contains_nan, extra_stats FROM ducklake_file_column_stats WHERE data_file_id = ?",
		          v, 3, err);
	}
	for (size_t k = 0; st == LH_OK && k < f->nstats; k++) {
		const lh_col_stats *s = &f->stats[k];
		lh_val v[9] = {LH_V_INT(file_id),
		               LH_V_INT(table_id),
		               LH_V_INT(s->column_id),
		               LH_V_ID(s->column_size_bytes),
		               s->null_count >= 0 ? LH_V_INT(f->record_count - s->null_count) : LH_V_NULL,
		               LH_V_ID(s->null_count),
		               LH_V_TEXT(s->min_value),
		               LH_V_TEXT(s->max_value),
		               flag_val(s->contains_nan)};
		st = lh_catdb_exec(db,
		        "INSERT INTO ducklake_file_column_stats VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)", v,
		        9, err);
	}
	return st;
}

