/*
 * lake/inline.c - data inlining (DuckLake 0.3): an INSERT of at most
 * data_inlining_row_limit rows (the lake's option, per table or schema, or ATTACH ...
 * DATA_INLINING_ROW_LIMIT) keeps its rows in the catalog instead of a Parquet file.
 *
 * Layer: lake. One query fetches the statement's rows as text (with their statistics)
 * into the transaction's table (inl_values, model.h), which reads of the table union
 * (engine/scan.c) until the commit writes them into the table's
 * ducklake_inlined_data_<table>_<version> (catalog/inlined.c): no DuckDB table, no
 * Parquet file, no fsync of a data file. Inlined rows the catalog holds are read with
 * their row ids; a DELETE or UPDATE of them ends them (inl_deleted); a flush writes them
 * into a data file with their row ids and ends them all, so a read at an earlier
 * snapshot still finds them in the catalog.
 */
#include "lake/lake_int.h"
#include "catalog/inlined.h"
#include "catalog/options.h"
#include "engine/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

int64_t lh_inline_limit(lh_lake *lake, const lh_state *s, const lh_table *t)
{
	if (lake->inline_limit >= 0)
		return lake->inline_limit;
	const char *v = lh_state_option(s, t, "data_inlining_row_limit");
	int64_t n = 0;
	return v && lh_parse_int64(v, &n) && n > 0 ? n : 0;
}

static void free_stats(lh_table *t)
{
	for (size_t i = 0; i < t->inl_nstats; i++)
		lh_col_stats_clear(&t->inl_stats[i]);
	free(t->inl_stats);
	t->inl_stats = NULL;
	t->inl_nstats = 0;
}

/* "CAST(<col> AS VARCHAR), ..." over the top-level columns, each wrapped by fn(). */
static size_t text_columns(const lh_table *t, const char *fn, lh_buf *b)
{
	size_t n = 0;
	for (size_t i = 0; i < t->columns.len; i++) {
		if (t->columns.items[i].parent >= 0)
			continue;
		lh_buf_printf(b, "%sCAST(%s(", n++ ? ", " : "", fn);
		lh_buf_sql_ident(b, t->columns.items[i].name);
		lh_buf_puts(b, ") AS VARCHAR)");
	}
	return n;
}

/* Statistics of the rows in `from` (a subquery over the table's columns) into t. */
static lh_status read_stats(lh_lake *lake, lh_table *t, duckdb_result *r, size_t first_col,
                            idx_t row)
{
	size_t ntop = 0;
	for (size_t i = 0; i < t->columns.len; i++)
		ntop += t->columns.items[i].parent < 0;
	free_stats(t);
	t->inl_stats = calloc(ntop ? ntop : 1, sizeof *t->inl_stats);
	if (!t->inl_stats)
		return nomem(lake);
	lh_status st = LH_OK;
	for (size_t i = 0, c = 0; st == LH_OK && i < t->columns.len; i++) {
		if (t->columns.items[i].parent >= 0)
			continue;
		size_t k = first_col + 3 * c;
		lh_col_stats *cs = &t->inl_stats[c++];
		t->inl_nstats = c;
		*cs = (lh_col_stats){.column_id = t->columns.items[i].id,
		                     .column_size_bytes = -1,
		                     .null_count = duckdb_value_int64(r, k + 2, row),
		                     .contains_nan = -1};
		if ((!duckdb_value_is_null(r, k, row) && !(cs->min_value = duckdb_value_varchar(r, k, row))) ||
		    (!duckdb_value_is_null(r, k + 1, row) &&
		     !(cs->max_value = duckdb_value_varchar(r, k + 1, row))))
			st = nomem(lake);
	}
	return st;
}

/* "min, max, null count" of each column as window aggregates (over) or aggregates. */
static void stat_columns(const lh_table *t, const char *over, lh_buf *b)
{
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0)
			continue;
		lh_buf_puts(b, ", CAST(min(");
		lh_buf_sql_ident(b, c->name);
		lh_buf_printf(b, ")%s AS VARCHAR), CAST(max(", over);
		lh_buf_sql_ident(b, c->name);
		lh_buf_printf(b, ")%s AS VARCHAR), count(*)%s - count(", over, over);
		lh_buf_sql_ident(b, c->name);
		lh_buf_printf(b, ")%s", over);
	}
}

lh_status lh_inline_insert(lh_lake *lake, size_t ti, const char *select_sql, int64_t *out_rows)
{
	*out_rows = 0;
	lh_state *s = lh_lake_state(lake);
	const lh_table *t = s->tables.items[ti];
	int64_t limit = lh_inline_limit(lake, s, t);
	if (limit <= (int64_t)t->inl_rows || !lh_inlined_table_ok(lake->cat, t))
		return lh_dml_write_rows(lake, ti, select_sql, false, NULL, out_rows);
	/* one query: the rows as text (at most one more than there is room for) and their
	 * statistics */
	int64_t room = limit - (int64_t)t->inl_rows;
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT ");
	size_t ncols = text_columns(t, "", &q);
	stat_columns(t, " OVER ()", &q);
	lh_buf_printf(&q, " FROM (SELECT * FROM (%s) __s LIMIT %lld) __s", select_sql,
	              (long long)(room < INT64_MAX ? room + 1 : room));
	duckdb_result r;
	lh_status st = q.status == LH_OK ? lh_engine_query(lake->engine, lh_buf_str(&q), &r, &lake->err)
	                                 : nomem(lake);
	lh_buf_free(&q);
	if (st != LH_OK)
		return st;
	idx_t n = duckdb_row_count(&r);
	if (n > (idx_t)room) { /* more than the limit: a data file, as any insert */
		duckdb_destroy_result(&r);
		return lh_dml_write_rows(lake, ti, select_sql, false, NULL, out_rows);
	}
	/* NOT NULL holds as for a file */
	for (size_t i = 0, c = 0; st == LH_OK && i < t->columns.len; i++) {
		const lh_column *col = &t->columns.items[i];
		if (col->parent >= 0)
			continue;
		for (idx_t row = 0; st == LH_OK && !col->nulls_allowed && row < n; row++)
			if (duckdb_value_is_null(&r, c, row))
				st = lh_dml_not_null_failed(lake, t, col->name);
		c++;
	}
	lh_table *m = st == LH_OK && n > 0 ? lh_state_table_mut(s, ti) : NULL;
	if (st == LH_OK && n > 0 && !m)
		st = nomem(lake);
	char **grown = m ? realloc(m->inl_values, (m->inl_rows + n) * ncols * sizeof *grown) : NULL;
	if (m && !grown)
		st = nomem(lake);
	if (grown) {
		m->inl_values = grown;
		m->inl_ncols = ncols;
		size_t base = m->inl_rows * ncols;
		memset(grown + base, 0, n * ncols * sizeof *grown);
		m->inl_rows += n;
		for (idx_t row = 0; st == LH_OK && row < n; row++)
			for (size_t k = 0; st == LH_OK && k < ncols; k++)
				if (!duckdb_value_is_null(&r, k, row) &&
				    !(grown[base + row * ncols + k] = duckdb_value_varchar(&r, k, row)))
					st = nomem(lake);
		/* the batch's statistics are the rows' when it is the first; else recomputed at
		 * commit (lh_inline_prepare) */
		if (st == LH_OK && base == 0)
			st = read_stats(lake, m, &r, ncols, 0);
		else
			free_stats(m);
	}
	duckdb_destroy_result(&r);
	if (st == LH_OK)
		*out_rows = (int64_t)n;
	return st;
}

static lh_status push_deleted(lh_lake *lake, lh_table *t, int64_t id)
{
	for (size_t i = 0; i < t->inl_deleted.len; i++)
		if (t->inl_deleted.items[i] == id)
			return LH_OK;
	return LH_VEC_PUSH(&t->inl_deleted, id) == LH_OK ? LH_OK : nomem(lake);
}

lh_status lh_inline_mark_deleted(lh_lake *lake, size_t ti, const char *matched, int64_t *out_count)
{
	lh_state *s = lh_lake_state(lake);
	const lh_table *t = s->tables.items[ti];
	if (!t->inlined && t->inl_rows == 0)
		return LH_OK;
	lh_table *m = lh_state_table_mut(s, ti);
	if (!m)
		return nomem(lake);
	/* the catalog's rows: by row id */
	char *q = lh_asprintf("SELECT DISTINCT pos FROM %s WHERE file_id IS NULL", matched);
	duckdb_result r;
	lh_status st = q ? lh_engine_query(lake->engine, q, &r, &lake->err) : nomem(lake);
	free(q);
	if (st != LH_OK)
		return st;
	idx_t n = duckdb_row_count(&r);
	for (idx_t row = 0; st == LH_OK && row < n; row++) {
		size_t before = m->inl_deleted.len;
		st = push_deleted(lake, m, duckdb_value_int64(&r, 0, row));
		*out_count += m->inl_deleted.len > before;
	}
	duckdb_destroy_result(&r);
	/* the transaction's own: out of its list, by index */
	if (st == LH_OK && m->inl_rows > 0) {
		q = lh_asprintf("SELECT DISTINCT pos FROM %s WHERE file_id = %lld ORDER BY pos", matched,
		                (long long)LH_INLINED_PENDING);
		st = q ? lh_engine_query(lake->engine, q, &r, &lake->err) : nomem(lake);
		free(q);
		if (st != LH_OK)
			return st;
		n = duckdb_row_count(&r);
		size_t w = 0, nc = m->inl_ncols;
		idx_t hit = 0;
		for (size_t row = 0; row < m->inl_rows; row++) {
			bool gone = hit < n && (size_t)duckdb_value_int64(&r, 0, hit) == row;
			if (gone) {
				hit++;
				for (size_t k = 0; k < nc; k++)
					free(m->inl_values[row * nc + k]);
				continue;
			}
			if (w != row)
				memmove(&m->inl_values[w * nc], &m->inl_values[row * nc], nc * sizeof(char *));
			w++;
		}
		*out_count += (int64_t)hit;
		if (hit) {
			m->inl_rows = w;
			free_stats(m); /* recomputed at commit */
		}
		duckdb_destroy_result(&r);
	}
	return st;
}

lh_status lh_inline_delete_all(lh_lake *lake, size_t ti, int64_t *out_count)
{
	lh_state *s = lh_lake_state(lake);
	const lh_table *t = s->tables.items[ti];
	if (!t->inlined && t->inl_rows == 0)
		return LH_OK;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE OR REPLACE TABLE __lh.main.inl_all AS SELECT __lh_file AS file_id, "
	                "__lh_pos AS pos FROM (");
	lh_table shell = lh_table_shell(t, NULL, 0);
	lh_status st = lh_lake_scan(lake, s, &shell, LH_SCAN_META, &b);
	lh_buf_putc(&b, ')');
	if (st == LH_OK)
		st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
		                       : nomem(lake);
	lh_buf_free(&b);
	if (st == LH_OK)
		st = lh_inline_mark_deleted(lake, ti, "__lh.main.inl_all", out_count);
	lh_err ignored = {0};
	lh_engine_exec(lake->engine, "DROP TABLE IF EXISTS __lh.main.inl_all", &ignored);
	lh_err_clear(&ignored);
	return st;
}

lh_status lh_inline_prepare(lh_lake *lake, lh_state *txn)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < txn->tables.len; i++) {
		const lh_table *t = txn->tables.items[i];
		if (t->inl_rows == 0 || t->inl_nstats > 0)
			continue;
		/* statistics of several batches, or of what a delete left: from the rows */
		lh_table *m = lh_state_table_mut(txn, i);
		if (!m)
			return nomem(lake);
		lh_table shell = lh_table_shell(m, NULL, 0);
		shell.inlined = NULL;
		lh_buf q;
		lh_buf_init(&q, 0);
		lh_buf_puts(&q, "SELECT 0");
		stat_columns(m, "", &q);
		lh_buf_puts(&q, " FROM (");
		st = lh_lake_scan(lake, txn, &shell, 0, &q);
		lh_buf_putc(&q, ')');
		duckdb_result r;
		if (st == LH_OK)
			st = q.status == LH_OK ? lh_engine_query(lake->engine, lh_buf_str(&q), &r, &lake->err)
			                       : nomem(lake);
		lh_buf_free(&q);
		if (st == LH_OK) {
			st = read_stats(lake, m, &r, 1, 0);
			duckdb_destroy_result(&r);
		}
	}
	return st;
}

lh_status lh_inline_flush(lh_lake *lake, size_t ti, int64_t *out_rows)
{
	*out_rows = 0;
	lh_state *s = lh_lake_state(lake);
	const lh_table *t = s->tables.items[ti];
	if (!t->inlined)
		return LH_OK;
	/* the catalog's rows as a reader sees them now, with their row ids */
	lh_table shell = lh_table_shell(t, NULL, 0);
	shell.inl_rows = 0;
	lh_buf sel;
	lh_buf_init(&sel, 0);
	lh_status st =
	    lh_lake_lineage_select(lake, s, &shell, LH_LINEAGE_ALL, false, &sel);
	size_t before = t->files.len;
	if (st == LH_OK)
		st = sel.status == LH_OK ? lh_dml_write_rows(lake, ti, lh_buf_str(&sel), LH_LINEAGE_ALL, NULL, out_rows)
		                         : nomem(lake);
	lh_buf_free(&sel);
	lh_table *m = st == LH_OK ? lh_state_table_mut(s, ti) : NULL;
	if (st == LH_OK && !m)
		st = nomem(lake);
	for (size_t k = before; st == LH_OK && k < m->files.len; k++)
		m->files.items[k].compacted = true; /* rows that exist already, ids in the file */
	if (m) {
		/* its rows are read from the file now (the commit ends the inlined ones) */
		m->inl_flushed = true;
		free(m->inlined);
		m->inlined = NULL;
	}
	return st;
}
