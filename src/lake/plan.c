/*
 * lake/plan.c - what a training stream reads: one table's data files at one snapshot,
 * with the rows each file contributes (live at that snapshot and matching a filter).
 *
 * Layer: lake. The plan owns its own copy of the catalog state at the snapshot, so it
 * stays valid whatever the lake handle does next, and anything that knows the snapshot
 * id, the table and the filter rebuilds exactly the same plan (a forked DataLoader
 * worker, another machine): files come in data_file_id order, the catalog's order.
 * Row counts come from the catalog when a file is read whole; a filter, a delete file
 * or a file DuckDB merged from several snapshots needs one counting pass over the data.
 */
#include "lake/lake_int.h"
#include "lake/services.h"
#include "engine/scan.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

void lh_plan_free(lh_plan **plan)
{
	if (!plan || !*plan)
		return;
	lh_plan *p = *plan;
	free(p->table);
	free(p->filter);
	free(p->files);
	for (size_t i = 0; i < p->ncolumns; i++)
		free(p->columns[i]);
	free(p->columns);
	free(p->column_ids);
	lh_state_free(&p->state);
	free(p);
	*plan = NULL;
}

/* Every row of the file is read, in position order 0..record_count-1. */
static bool whole_file(const lh_data_file *f)
{
	return f->del.id < 0 && !f->partial_file_info && f->pending_deletes == 0;
}

/* A filter is one boolean expression: no statement separator outside strings. */
static lh_status check_filter(lh_lake *lake, const char *filter)
{
	lh_toks t;
	if (lh_tokenize(filter, strlen(filter), &t) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	bool ok = t.v.len > 1;
	for (size_t i = 0; ok && i < t.v.len; i++)
		if (t.v.items[i].type == LH_TOK_OP && filter[t.v.items[i].start] == ';')
			ok = false;
	lh_toks_free(&t);
	return ok ? LH_OK
	          : lh_lake_fail(lake, LH_ERR_INVALID,
	                         "filter '%s' is not one boolean expression over the table's "
	                         "columns (e.g. \"label = 3 AND width >= 256\")",
	                         filter);
}

/* SELECT reading the given files of the plan's table (all: files NULL). */
static lh_status scan_files(lh_lake *lake, const lh_plan *p, lh_data_file *files, size_t n,
                            lh_buf *out)
{
	const lh_table *t = p->state->tables.items[p->table_index];
	lh_table shell = lh_table_shell(t, files ? files : t->files.items, files ? n : t->files.len);
	lh_buf_puts(out, "SELECT * FROM (");
	lh_status st = lh_lake_scan(lake, p->state, &shell, LH_SCAN_META, out);
	lh_buf_puts(out, ") __lh_src");
	if (p->filter)
		lh_buf_printf(out, " WHERE (%s)", p->filter);
	if (st == LH_OK && out->status != LH_OK)
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	return st;
}

/* Rows of each file matching the filter, by one counting pass. */
static lh_status count_rows(lh_lake *lake, lh_plan *p)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "SELECT CAST(__lh_file AS BIGINT), count(*) FROM (");
	lh_status st = scan_files(lake, p, NULL, 0, &b);
	lh_buf_puts(&b, ") GROUP BY 1");
	duckdb_result r;
	if (st == LH_OK)
		st = lh_engine_query(lake->engine, lh_buf_str(&b), &r, &lake->err);
	lh_buf_free(&b);
	if (st != LH_OK) {
		if (p->filter)
			return lh_lake_fail(lake, st, "filter '%s' on %s: %s", p->filter, p->table,
			                    lh_lake_error(lake));
		return lh_lake_unreadable(lake, p->state, p->state->tables.items[p->table_index]);
	}
	for (size_t i = 0; i < p->nfiles; i++)
		p->files[i].rows = 0;
	duckdb_data_chunk ch;
	while ((ch = duckdb_fetch_chunk(r))) {
		idx_t n = duckdb_data_chunk_get_size(ch);
		duckdb_vector fv = duckdb_data_chunk_get_vector(ch, 0);
		duckdb_vector cv = duckdb_data_chunk_get_vector(ch, 1);
		const int64_t *fid = duckdb_vector_get_data(fv), *cnt = duckdb_vector_get_data(cv);
		for (idx_t k = 0; k < n; k++)
			for (size_t i = 0; i < p->nfiles; i++)
				if (lh_vec_valid(fv, k) && p->files[i].file_id == fid[k])
					p->files[i].rows = cnt[k];
		duckdb_destroy_data_chunk(&ch);
	}
	duckdb_destroy_result(&r);
	return LH_OK;
}

lh_status lh_lake_plan(lh_lake *lake, const char *table, int64_t version, const char *filter,
                       lh_plan **out)
{
	*out = NULL;
	lh_plan *p = calloc(1, sizeof *p);
	if (!p)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_qname q = {0};
	lh_status st = lh_parse_qname(table, &q);
	if (st != LH_OK)
		st = lh_lake_fail(lake, st == LH_ERR_NOMEM ? st : LH_ERR_INVALID,
		                  "'%s' is not a table name (table, schema.table or "
		                  "lake.schema.table)",
		                  table);
	if (st == LH_OK && filter && *filter && (st = check_filter(lake, filter)) == LH_OK &&
	    !(p->filter = lh_strdup(filter)))
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK)
		st = lh_catalog_load(lake->cat, version > 0 ? version : -1, lake->data_path, &p->state,
		                     &lake->err);
	if (st == LH_ERR_NOT_FOUND && version > 0)
		st = lh_lake_fail(lake, st, "snapshot %" PRId64 " does not exist (list them with "
		                  "`lakehouse snapshots` or SELECT * FROM ducklake_snapshots('lake'))", version);
	ptrdiff_t ti = -1;
	if (st == LH_OK)
		st = lh_resolve_table(lake, p->state, &q, &ti);
	lh_qname_free(&q);
	if (st != LH_OK) {
		lh_plan_free(&p);
		return st;
	}
	const lh_table *t = p->state->tables.items[ti];
	const lh_schema *sc = lh_state_schema_by_id(p->state, t->schema_id);
	p->table_index = (size_t)ti;
	p->snapshot = p->state->snap.id;
	p->table = lh_asprintf("%s.%s", sc ? sc->name : "main", t->name);
	p->files = calloc(t->files.len ? t->files.len : 1, sizeof *p->files);
	p->columns = calloc(t->columns.len ? t->columns.len : 1, sizeof *p->columns);
	p->column_ids = calloc(t->columns.len ? t->columns.len : 1, sizeof *p->column_ids);
	if (!p->table || !p->files || !p->columns || !p->column_ids) {
		lh_plan_free(&p);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	p->rowid = lh_table_virtual_rowid(t);
	for (size_t i = 0; i < t->columns.len; i++) {
		if (t->columns.items[i].parent >= 0)
			continue;
		p->column_ids[p->ncolumns] = t->columns.items[i].id;
		if (!(p->columns[p->ncolumns++] = lh_strdup(t->columns.items[i].name))) {
			lh_plan_free(&p);
			return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
		}
	}
	if (t->inlined) {
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "%s has rows inlined in the catalog at snapshot %" PRId64
		                  " (written by DuckDB's data inlining); streams read files: flush "
		                  "them into files with DuckDB (CALL ducklake_flush_inlined_data) first",
		                  p->table, p->snapshot);
		lh_plan_free(&p);
		return st;
	}
	bool count = p->filter != NULL;
	p->nfiles = t->files.len;
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		p->files[i].file_id = f->id;
		p->files[i].rows = f->record_count;
		p->files[i].size = f->file_size_bytes;
		p->files[i].dense = whole_file(f) && !p->filter;
		p->files[i].plain = !f->partial_file_info;
		p->files[i].row_id_start = f->row_id_start;
		p->files[i].record_count = f->record_count;
		count = count || !whole_file(f);
	}
	if (count && (st = count_rows(lake, p)) != LH_OK) {
		lh_plan_free(&p);
		return st;
	}
	for (size_t i = 0; i < p->nfiles; i++)
		p->rows += p->files[i].rows;
	*out = p;
	return LH_OK;
}

lh_status lh_lake_plan_file(lh_lake *lake, const lh_plan *p, size_t i, char **out)
{
	*out = NULL;
	const lh_table *t = p->state->tables.items[p->table_index];
	if (i >= t->files.len)
		return lh_lake_fail(lake, LH_ERR_INVALID, "no data file %zu in the plan", i);
	const lh_data_file *f = &t->files.items[i];
	char *tp = lh_table_full_path(p->state, t);
	char *full = tp ? lh_file_full_path(tp, f->path, f->path_is_relative) : NULL;
	free(tp);
	if (!full)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_status st = lh_lake_local_file(lake, full, f->file_size_bytes, out);
	free(full);
	return st;
}

lh_status lh_lake_plan_sql(lh_lake *lake, const lh_plan *p, size_t i, lh_buf *out)
{
	lh_table *t = p->state->tables.items[p->table_index];
	if (i >= t->files.len)
		return scan_files(lake, p, t->files.items, 0, out);
	return scan_files(lake, p, &t->files.items[i], 1, out);
}
