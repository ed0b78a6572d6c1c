/*
 * lake/plan.c - what a training stream reads: one table's data files at one snapshot,
 * with the rows each file contributes (live at that snapshot and matching a filter), or
 * a query's rows at one snapshot, computed once into a temporary DuckDB table whose
 * row-group-sized parts stand for files.
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
#include "util/fsutil.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

void lh_plan_free(lh_plan **plan)
{
	if (!plan || !*plan)
		return;
	lh_plan *p = *plan;
	if (p->result_db) {
		/* a query's result: detach its database and delete the folder holding it */
		char *sql = lh_asprintf("DETACH DATABASE IF EXISTS \"%s\"", p->result_db);
		lh_err ignored = {0};
		if (sql && p->engine)
			lh_engine_exec(p->engine, sql, &ignored);
		lh_err_clear(&ignored);
		free(sql);
		for (int i = 0; i < 2 && p->result_dir; i++) {
			char *f = lh_asprintf("%s/result.duckdb%s", p->result_dir, i ? ".wal" : "");
			if (f)
				unlink(f);
			free(f);
		}
		if (p->result_dir)
			rmdir(p->result_dir);
		free(p->result_db);
		free(p->result_dir);
	}
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
	return f->del.id < 0 && !f->partial_file_info && lh_data_file_deleted(f) == 0;
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
	if (lh_lake_need(lake) != LH_OK)
		return lake->err.code;
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
	/* version <= 0: the latest, or the snapshot the session attached at */
	int64_t load = version > 0 ? version : lake->pinned >= 0 ? lake->pinned : -1;
	if (st == LH_OK)
		st = lh_catalog_load(lake->cat, load, lake->data_path, &p->state, &lake->err);
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
	p->rowid = lh_virtual_of(t, LH_VIRT_ROWID) != 0;
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
		                  " (written by DuckDB's data inlining); streams and takes of a table "
		                  "read its files: stream the query 'SELECT * FROM %s' instead, or "
		                  "flush them into files with DuckDB (CALL ducklake_flush_inlined_data)",
		                  p->table, p->snapshot, p->table);
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
		/* a file mapped by name is read through DuckDB (engine/scan.c), never by field id */
		p->files[i].plain = !f->partial_file_info && !lh_data_file_mapped(f) && f->mapping_id < 0;
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
	if (p->result_db)
		return lh_lake_fail(lake, LH_ERR_INVALID, "a query's plan has no data files");
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
	if (p->result_db) {
		if (i >= p->nfiles)
			lh_buf_printf(out, "SELECT *, rowid AS __lh_pos FROM \"%s\".main.result",
			              p->result_db);
		else
			lh_buf_printf(out, "SELECT *, rowid - %" PRId64 " AS __lh_pos FROM \"%s\".main.result "
			              "WHERE rowid >= %" PRId64 " AND rowid < %" PRId64,
			              p->files[i].file_id, p->result_db, p->files[i].file_id,
			              p->files[i].file_id + p->files[i].rows);
		return out->status == LH_OK ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	lh_table *t = p->state->tables.items[p->table_index];
	if (i >= t->files.len)
		return scan_files(lake, p, t->files.items, 0, out);
	return scan_files(lake, p, &t->files.items[i], 1, out);
}

/* --- plans of a query ------------------------------------------------------------------ */

/* Rows per part of a query's result: DuckDB's row group, so a part is read by one scan. */
#define RESULT_PART_ROWS 122880

/* True when the query ends with an ORDER BY of its own (outside any parentheses). */
static bool orders_itself(const lh_toks *t)
{
	int depth = 0;
	for (size_t i = 0; i + 1 < t->v.len; i++) {
		const lh_tok *k = &t->v.items[i];
		char c = t->sql[k->start];
		if (k->type == LH_TOK_OP && (c == '(' || c == ')'))
			depth += c == '(' ? 1 : -1;
		else if (depth == 0 && k->type == LH_TOK_WORD && k->end - k->start == 5 &&
		         strncasecmp(t->sql + k->start, "ORDER", 5) == 0)
			return true;
	}
	return false;
}

bool lh_is_query(const char *source)
{
	lh_toks t;
	if (!source || lh_tokenize(source, strlen(source), &t) != LH_OK)
		return false;
	lh_cursor c = {.t = &t};
	bool q = lh_cur_is(&c, 0, "SELECT") || lh_cur_is(&c, 0, "WITH") || lh_cur_is(&c, 0, "FROM") ||
	         lh_cur_is(&c, 0, "VALUES") ||
	         (t.v.len && t.v.items[0].type == LH_TOK_OP && source[t.v.items[0].start] == '(');
	lh_toks_free(&t);
	return q;
}

/* The query without trailing semicolons; more than one statement is refused. */
static lh_status one_statement(lh_lake *lake, const char *query, const lh_toks *t, char **out)
{
	size_t end = strlen(query);
	for (size_t i = 0; i < t->v.len; i++) {
		const lh_tok *k = &t->v.items[i];
		if (k->type != LH_TOK_OP || query[k->start] != ';')
			continue;
		for (size_t j = i + 1; j < t->v.len; j++)
			if (t->v.items[j].type != LH_TOK_EOF &&
			    (t->v.items[j].type != LH_TOK_OP || query[t->v.items[j].start] != ';'))
				return lh_lake_fail(lake, LH_ERR_INVALID,
				                    "a stream's source is one table name or one query "
				                    "(SELECT, WITH, FROM or VALUES), not several statements");
		end = k->start;
		break;
	}
	*out = lh_strndup(query, end);
	return *out ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

/* Computes the query's rows into a table "result" of a DuckDB database of its own in a
 * fresh folder under $TMPDIR, attached to the lake's engine. */
static lh_status compute_result(lh_lake *lake, lh_plan *p, const char *pinned, const char *filter,
                                bool ordered)
{
	char *dir = NULL;
	lh_status st = lh_temp_dir("lakehouse-stream", "the query's result", &dir, &lake->err);
	if (st != LH_OK)
		return st;
	p->result_dir = dir;
	p->engine = lake->engine;
	p->result_db = lh_asprintf("__lh_stream_%s", strrchr(dir, '-') + 1);
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "ATTACH ");
	char *file = lh_asprintf("%s/result.duckdb", dir);
	if (file)
		lh_buf_sql_str(&q, file);
	free(file);
	lh_buf_printf(&q, " AS \"%s\"; CREATE TABLE \"%s\".main.result AS SELECT * FROM (%s) __lh_q",
	              p->result_db ? p->result_db : "", p->result_db ? p->result_db : "", pinned);
	if (filter)
		lh_buf_printf(&q, " WHERE (%s)", filter);
	/* every process computing it gets the rows in the same order */
	if (!ordered)
		lh_buf_puts(&q, " ORDER BY ALL");
	st = !p->result_db || q.status != LH_OK
	                   ? lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory")
	                   : lh_engine_exec(lake->engine, lh_buf_str(&q), &lake->err);
	lh_buf_free(&q);
	if (st != LH_OK)
		lh_err_prefix(&lake->err, "the stream's query: ");
	return st;
}

/* The result's columns and row count, cut into parts of RESULT_PART_ROWS rows. */
static lh_status describe_result(lh_lake *lake, lh_plan *p)
{
	char *sql = lh_asprintf("SELECT column_name FROM duckdb_columns() WHERE database_name = '%s' "
	                        "AND table_name = 'result' ORDER BY column_index",
	                        p->result_db);
	duckdb_result r;
	lh_status st = sql ? lh_engine_query(lake->engine, sql, &r, &lake->err)
	                   : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	free(sql);
	if (st != LH_OK)
		return st;
	idx_t n = duckdb_row_count(&r);
	p->columns = calloc(n ? n : 1, sizeof *p->columns);
	p->column_ids = calloc(n ? n : 1, sizeof *p->column_ids);
	for (idx_t i = 0; p->columns && p->column_ids && i < n; i++)
		if ((p->columns[p->ncolumns] = duckdb_value_varchar(&r, 0, i)))
			p->ncolumns++;
	duckdb_destroy_result(&r);
	if (!p->columns || !p->column_ids || p->ncolumns != n)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	sql = lh_asprintf("SELECT count(*) FROM \"%s\".main.result", p->result_db);
	st = sql ? lh_engine_scalar_int(lake->engine, sql, &p->rows, &lake->err)
	         : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	free(sql);
	if (st != LH_OK)
		return st;
	/* the database's size on disk stands for the parts' Parquet size */
	char *file = lh_asprintf("%s/result.duckdb", p->result_dir);
	struct stat sb;
	int64_t bytes = file && stat(file, &sb) == 0 ? (int64_t)sb.st_size : 0;
	free(file);
	p->nfiles = (size_t)((p->rows + RESULT_PART_ROWS - 1) / RESULT_PART_ROWS);
	p->files = calloc(p->nfiles ? p->nfiles : 1, sizeof *p->files);
	if (!p->files)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < p->nfiles; i++) {
		lh_plan_file *f = &p->files[i];
		f->file_id = (int64_t)i * RESULT_PART_ROWS; /* the part's first row */
		f->rows = p->rows - f->file_id < RESULT_PART_ROWS ? p->rows - f->file_id : RESULT_PART_ROWS;
		f->record_count = f->rows;
		f->size = p->rows ? bytes / (int64_t)p->nfiles : 0;
		f->dense = true;
		f->row_id_start = -1;
	}
	return LH_OK;
}

lh_status lh_lake_plan_query(lh_lake *lake, const char *query, int64_t version,
                             const char *filter, lh_plan **out)
{
	*out = NULL;
	if (lh_lake_need(lake) != LH_OK)
		return lake->err.code;
	lh_plan *p = calloc(1, sizeof *p);
	if (!p)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_status st = LH_OK;
	if (filter && *filter)
		st = check_filter(lake, filter);
	lh_snapshot_info latest = {0};
	if (version <= 0 && lake->pinned >= 0) /* the snapshot the session attached at */
		version = lake->pinned;
	else if (st == LH_OK && version <= 0 &&
	         (st = lh_catalog_snapshot(lake->cat, -1, &latest, &lake->err)) == LH_OK)
		version = latest.id;
	free(latest.time);
	const lh_state *past = NULL;
	if (st == LH_OK && (st = lh_lake_past_state(lake, version, &past)) == LH_ERR_NOT_FOUND)
		st = lh_lake_fail(lake, st, "snapshot %" PRId64 " does not exist (list them with "
		                  "`lakehouse snapshots` or SELECT * FROM ducklake_snapshots('lake'))", version);
	p->snapshot = version;
	p->table = lh_strdup("(query)");
	/* the state of a stream names the query by this text's hash */
	p->filter = filter && *filter ? lh_asprintf("%s\n-- where: %s", query, filter) : lh_strdup(query);
	if (st == LH_OK && (!p->table || !p->filter))
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_toks t = {0};
	if (st == LH_OK && lh_tokenize(query, strlen(query), &t) != LH_OK)
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	char *one = NULL, *pinned = NULL;
	lh_stmt scope = {.text = query};
	lh_stmt_enter(lake, &scope);
	if (st == LH_OK)
		st = one_statement(lake, query, &t, &one);
	if (st == LH_OK)
		st = lh_rewrite_pinned(lake, one, version, &pinned);
	if (st == LH_OK)
		st = compute_result(lake, p, pinned, filter && *filter ? filter : NULL, orders_itself(&t));
	lh_stmt_leave(lake, &scope);
	lh_toks_free(&t);
	free(one);
	free(pinned);
	if (st == LH_OK)
		st = describe_result(lake, p);
	if (st != LH_OK) {
		lh_plan_free(&p);
		return st;
	}
	*out = p;
	return LH_OK;
}
