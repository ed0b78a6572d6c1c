/*
 * lake/history.c - snapshots, the change feed, table info and rollback.
 *
 * Layer: lake. DuckLake's table functions are answered into tables (in DuckDB's internal
 * database __lh) that the
 * rewritten query reads (rewrite.c), with the columns DuckDB's ducklake extension
 * returns, so scripts written for DuckLake run unchanged.
 *
 * Change feed (ducklake_table_changes, following DuckDB's ducklake extension): between
 * snapshots start and end (inclusive), inserts are the rows of data files that began in
 * the range; deletes are the positions a delete file added over the one it replaced,
 * and the live rows of data files retired in the range. An insert and a delete of the
 * same row id in one snapshot are an update (update_preimage / update_postimage). Rows
 * a rollback brings back (a delete file replaced by an older, smaller one, or ended with
 * no successor) are inserts.
 * Rows are read with the table's columns at the end snapshot.
 *
 * Rollback (beyond DuckLake): one new snapshot in which a table's columns and files are
 * those of an earlier snapshot. Files still current keep their rows; files retired since
 * are registered again under new ids (same path, same row ids: nothing is copied); files
 * added since are retired; delete files are set back.
 */
#include "lake/lake_int.h"
#include "util/fsutil.h"
#include "engine/scan.h"
#include "engine/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

static lh_status exec_buf(lh_lake *lake, lh_buf *b)
{
	if (b->status != LH_OK)
		return nomem(lake);
	return lh_engine_exec(lake->engine, lh_buf_str(b), &lake->err);
}

/* Whether table `id` of a 0.4/1.0 catalog has deletes the change feed cannot place in
 * time yet: DuckDB 1.5 kept some inline (it makes ducklake_inlined_delete_<id> for them,
 * and its flush moves them into delete files holding a snapshot per position), or a
 * delete file says partial_max. */
static lh_status v1_deletes_of(lh_lake *lake, int64_t id, bool *out)
{
	char name[64];
	snprintf(name, sizeof name, "ducklake_inlined_delete_%lld", (long long)id);
	lh_status st = lh_catdb_table_exists(lake->cat, name, out, &lake->err);
	if (st != LH_OK || *out)
		return st;
	lh_val v[1] = {LH_V_INT(id)};
	lh_rows *rows = NULL;
	st = lh_catdb_query(lake->cat,
	                    "SELECT 1 FROM ducklake_delete_file WHERE table_id = ? AND partial_max IS "
	                    "NOT NULL LIMIT 1",
	                    v, 1, &rows, &lake->err);
	*out = st == LH_OK && rows->nrows > 0;
	lh_rows_free(&rows);
	return st;
}

/* --------------------------------------------------------------------------------
 * ducklake_snapshots
 * ------------------------------------------------------------------------------ */

static const char *change_key(lh_change_kind k)
{
	switch (k) {
	case LH_CHANGE_DROPPED_SCHEMA:
		return "schemas_dropped";
	case LH_CHANGE_DROPPED_TABLE:
		return "tables_dropped";
	case LH_CHANGE_DROPPED_VIEW:
		return "views_dropped";
	case LH_CHANGE_CREATED_SCHEMA:
		return "schemas_created";
	case LH_CHANGE_CREATED_TABLE:
		return "tables_created";
	case LH_CHANGE_CREATED_VIEW:
		return "views_created";
	case LH_CHANGE_INSERTED_INTO_TABLE:
		return "tables_inserted_into";
	case LH_CHANGE_DELETED_FROM_TABLE:
		return "tables_deleted_from";
	case LH_CHANGE_ALTERED_TABLE:
		return "tables_altered";
	case LH_CHANGE_ALTERED_VIEW:
		return "views_altered";
	case LH_CHANGE_INLINED_INSERT:
		return "inlined_insert";
	case LH_CHANGE_INLINED_DELETE:
		return "inlined_delete";
	case LH_CHANGE_FLUSHED_INLINED:
		return "flushed_inlined";
	case LH_CHANGE_CREATED_SCALAR_MACRO:
		return "scalar_macros_created";
	case LH_CHANGE_CREATED_TABLE_MACRO:
		return "table_macros_created";
	case LH_CHANGE_DROPPED_SCALAR_MACRO:
		return "scalar_macros_dropped";
	case LH_CHANGE_DROPPED_TABLE_MACRO:
		return "table_macros_dropped";
	case LH_CHANGE_COMPACTED_TABLE:
	default:
		return "tables_compacted";
	}
}

/* Appends the changes MAP literal for a changes_made string. */
static void append_changes_map(lh_buf *b, const char *changes_made)
{
	lh_changes ch;
	if (lh_changes_parse(changes_made, &ch) != LH_OK || ch.len == 0) {
		lh_buf_puts(b, "MAP {}");
		if (ch.len == 0)
			lh_changes_free(&ch);
		return;
	}
	lh_buf_puts(b, "MAP {");
	bool done[LH_CHANGE__COUNT] = {0};
	bool first_key = true;
	for (size_t i = 0; i < ch.len; i++) {
		lh_change_kind k = ch.items[i].kind;
		/* as DuckLake's snapshots(): a compaction changes no row, and is not listed */
		if (done[k] || k == LH_CHANGE_COMPACTED_TABLE)
			continue;
		done[k] = true;
		lh_buf_puts(b, first_key ? "" : ", ");
		first_key = false;
		lh_buf_sql_str(b, change_key(k));
		lh_buf_puts(b, ": [");
		bool first = true;
		for (size_t j = i; j < ch.len; j++) {
			const lh_change *c = &ch.items[j];
			if (c->kind != k)
				continue;
			lh_buf_puts(b, first ? "" : ", ");
			first = false;
			if (k == LH_CHANGE_CREATED_SCHEMA) {
				lh_buf_sql_str(b, c->schema);
			} else if (c->name) { /* created table, view or macro: "schema.name" */
				char *full = lh_asprintf("%s.%s", c->schema, c->name);
				lh_buf_sql_str(b, full ? full : "");
				free(full);
			} else {
				lh_buf_printf(b, "'%lld'", (long long)c->id);
			}
		}
		lh_buf_putc(b, ']');
	}
	lh_buf_putc(b, '}');
	lh_changes_free(&ch);
}

static lh_status snapshots_table(lh_lake *lake, const char *name)
{
	lh_rows *rows = NULL;
	lh_status st = lh_catalog_snapshots(lake->cat, &rows, &lake->err);
	if (st != LH_OK)
		return st;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b,
	              "CREATE OR REPLACE TABLE __lh.main.\"%s\" (snapshot_id BIGINT, snapshot_time "
	              "TIMESTAMPTZ, schema_version BIGINT, changes MAP(VARCHAR, VARCHAR[]), author "
	              "VARCHAR, commit_message VARCHAR, commit_extra_info VARCHAR)",
	              name);
	st = exec_buf(lake, &b);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r += 256) {
		lh_buf_reset(&b);
		lh_buf_printf(&b, "INSERT INTO __lh.main.\"%s\" VALUES ", name);
		for (size_t i = r; i < rows->nrows && i < r + 256; i++) {
			lh_buf_printf(&b, "%s(%s, ", i > r ? ", " : "", lh_rows_get(rows, i, 0));
			lh_buf_sql_str(&b, lh_rows_get(rows, i, 1));
			lh_buf_printf(&b, "::TIMESTAMPTZ, %s, ", lh_rows_get(rows, i, 2));
			append_changes_map(&b, lh_rows_get(rows, i, 3));
			for (int k = 4; k < 7; k++) {
				lh_buf_puts(&b, ", ");
				lh_buf_sql_str(&b, lh_rows_get(rows, i, k));
			}
			lh_buf_putc(&b, ')');
		}
		st = exec_buf(lake, &b);
	}
	lh_buf_free(&b);
	lh_rows_free(&rows);
	return st;
}

/* --------------------------------------------------------------------------------
 * ducklake_table_info, ducklake_current_snapshot
 * ------------------------------------------------------------------------------ */

static lh_status table_info_table(lh_lake *lake, const char *name)
{
	lh_status st = lh_lake_refresh(lake);
	if (st != LH_OK)
		return st;
	const lh_state *s = lh_lake_state(lake);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b,
	              "CREATE OR REPLACE TABLE __lh.main.\"%s\" (table_name VARCHAR, schema_id BIGINT, "
	              "table_id BIGINT, table_uuid UUID, file_count BIGINT, file_size_bytes BIGINT, "
	              "delete_file_count BIGINT, delete_file_size_bytes BIGINT)",
	              name);
	st = exec_buf(lake, &b);
	if (st == LH_OK && s->tables.len) {
		lh_buf_reset(&b);
		lh_buf_printf(&b, "INSERT INTO __lh.main.\"%s\" VALUES ", name);
		for (size_t i = 0; i < s->tables.len; i++) {
			const lh_table *t = s->tables.items[i];
			int64_t bytes = 0, dels = 0, del_bytes = 0;
			for (size_t k = 0; k < t->files.len; k++) {
				bytes += t->files.items[k].file_size_bytes;
				if (t->files.items[k].del.path) {
					dels++;
					del_bytes += t->files.items[k].del.file_size_bytes;
				}
			}
			lh_buf_puts(&b, i ? ", (" : "(");
			lh_buf_sql_str(&b, t->name);
			lh_buf_printf(&b, ", %lld, %lld, '%s', %zu, %lld, %lld, %lld)", (long long)t->schema_id,
			              (long long)t->id, t->uuid, t->files.len, (long long)bytes, (long long)dels,
			              (long long)del_bytes);
		}
		st = exec_buf(lake, &b);
	}
	lh_buf_free(&b);
	return st;
}

/* ducklake_list_files('lake', 'table' [, schema => s] [, snapshot_version => n]
 * [, snapshot_time => ts]): the table's data files at that snapshot (the latest by
 * default), each with its delete file; rows kept inline in the catalog are in no file. */
static lh_status list_files_table(lh_lake *lake, const lh_fn_args *a, const char *name)
{
	const char *fn = "ducklake_list_files";
	const char *table = NULL, *schema = NULL, *version = NULL, *time = NULL;
	for (size_t i = 1; i < a->n; i++) {
		const char *k = a->names[i];
		if (!k && !table)
			table = a->values[i];
		else if (k && lh_strieq(k, "schema"))
			schema = a->values[i];
		else if (k && lh_strieq(k, "snapshot_version"))
			version = a->values[i];
		else if (k && lh_strieq(k, "snapshot_time"))
			time = a->values[i];
		else
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "%s('lake', 'table' [, schema => s] [, snapshot_version => n] [, "
			                    "snapshot_time => ts]): unexpected argument %s",
			                    fn, k ? k : "(a second table)");
	}
	if (!table)
		return lh_lake_fail(lake, LH_ERR_INVALID, "%s: which table? %s('%s', 'table')", fn, fn,
		                    lake->name);
	int64_t snap = -1, us = 0;
	lh_status st = LH_OK;
	if (version && (!lh_parse_int64(version, &snap) || snap < 0))
		st = lh_lake_fail(lake, LH_ERR_TYPE, "%s: snapshot_version => '%s' is not a snapshot id",
		                  fn, version);
	else if (time && !lh_parse_timestamptz(time, &us))
		st = lh_lake_fail(lake, LH_ERR_TYPE, "%s: snapshot_time => '%s' is not a timestamp", fn,
		                  time);
	else if (time)
		st = lh_catalog_snapshot_at_time(lake->cat, us, &snap, &lake->err);
	const lh_state *s = NULL;
	if (st == LH_OK && snap >= 0)
		st = lh_lake_past_state(lake, snap, &s);
	else if (st == LH_OK && (st = lh_lake_refresh(lake)) == LH_OK)
		s = lh_lake_state(lake);
	ptrdiff_t ti = -1;
	if (st == LH_OK) {
		lh_qname q = {.schema = (char *)schema, .name = (char *)table};
		if (!schema && lh_parse_qname(table, &q) != LH_OK)
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "%s: '%s' is not a table name", fn, table);
		st = lh_resolve_table(lake, s, &q, &ti);
		if (!schema)
			lh_qname_free(&q);
	}
	if (st != LH_OK)
		return st;
	const lh_table *t = s->tables.items[ti];
	char *tp = lh_table_full_path(s, t);
	if (!tp)
		return nomem(lake);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b,
	              "CREATE OR REPLACE TABLE __lh.main.\"%s\" (data_file VARCHAR, "
	              "data_file_size_bytes BIGINT, data_file_footer_size BIGINT, "
	              "data_file_encryption_key BLOB, delete_file VARCHAR, delete_file_size_bytes "
	              "BIGINT, delete_file_footer_size BIGINT, delete_file_encryption_key BLOB)",
	              name);
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		char *data = lh_file_full_path(tp, f->path, f->path_is_relative);
		char *del = f->del.path ? lh_file_full_path(tp, f->del.path, f->del.path_is_relative) : NULL;
		lh_buf_printf(&b, i ? ", (" : "; INSERT INTO __lh.main.\"%s\" VALUES (", name);
		lh_buf_sql_str(&b, data);
		lh_buf_printf(&b, ", %lld, %lld, NULL, ", (long long)f->file_size_bytes,
		              (long long)f->footer_size);
		lh_buf_sql_str(&b, del);
		if (del)
			lh_buf_printf(&b, ", %lld, %lld, NULL)", (long long)f->del.file_size_bytes,
			              (long long)f->del.footer_size);
		else
			lh_buf_puts(&b, ", NULL, NULL, NULL)");
		if (!data || (f->del.path && !del))
			b.status = LH_ERR_NOMEM;
		free(data);
		free(del);
	}
	free(tp);
	st = exec_buf(lake, &b);
	lh_buf_free(&b);
	return st;
}

static lh_status current_snapshot_table(lh_lake *lake, const char *name)
{
	lh_snapshot_info latest;
	lh_status st = lh_catalog_snapshot(lake->cat, -1, &latest, &lake->err);
	if (st != LH_OK)
		return st;
	free(latest.time);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b, "CREATE OR REPLACE TABLE __lh.main.\"%s\" AS SELECT %lld::BIGINT AS id", name,
	              (long long)latest.id);
	st = exec_buf(lake, &b);
	lh_buf_free(&b);
	return st;
}

/* --------------------------------------------------------------------------------
 * The change feed
 * ------------------------------------------------------------------------------ */

/* A snapshot bound given as an id or a timestamp. */
static lh_status bound(lh_lake *lake, const char *arg, bool upper, int64_t *out)
{
	if (arg && lh_parse_int64(arg, out))
		return LH_OK;
	if (!arg)
		return lh_lake_fail(lake, LH_ERR_INVALID, "a snapshot bound is NULL");
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT epoch_us(CAST(");
	lh_buf_sql_str(&q, arg);
	lh_buf_puts(&q, " AS TIMESTAMPTZ))");
	int64_t us = 0;
	lh_status st = lh_engine_scalar_int(lake->engine, lh_buf_str(&q), &us, &lake->err);
	lh_buf_free(&q);
	if (st != LH_OK)
		return lh_lake_fail(lake, LH_ERR_TYPE,
		                    "'%s' is neither a snapshot id nor a timestamp", arg);
	st = upper ? lh_catalog_snapshot_at_time(lake->cat, us, out, &lake->err)
	           : lh_catalog_snapshot_from_time(lake->cat, us, out, &lake->err);
	return st;
}

/* A shell table with t's columns and paths and the given files (not owned). */
static void append_cols(const lh_table *t, lh_buf *b)
{
	for (size_t i = 0; i < t->columns.len; i++) {
		if (t->columns.items[i].parent >= 0)
			continue;
		lh_buf_puts(b, ", ");
		lh_buf_sql_ident(b, t->columns.items[i].name);
	}
}

static lh_data_file file_from(const lh_rows *rows, size_t r, int id_col, int path_col,
                              int count_col, int rid_col)
{
	lh_data_file f = {.id = lh_rows_int(rows, r, (size_t)id_col, 0),
	                  .path = (char *)lh_rows_get(rows, r, (size_t)path_col),
	                  .path_is_relative = lh_rows_bool(rows, r, (size_t)path_col + 1, true),
	                  .record_count = lh_rows_int(rows, r, (size_t)count_col, 0),
	                  .row_id_start = lh_rows_int(rows, r, (size_t)rid_col, -1),
	                  .del = {.id = -1}};
	return f;
}

/* SELECT <snap> AS snapshot_id, rowid, '<kind>' AS __kind, cols FROM <scan of one file>
 * WHERE __lh_pos [NOT] IN (<positions>) */
static lh_status append_event(lh_lake *lake, const lh_state *s, const lh_table *t,
                              lh_data_file *f, int64_t snap, char kind, const char *positions,
                              bool negate, lh_buf *b)
{
	lh_table p = lh_table_shell(t, f, 1);
	lh_buf_printf(b, " UNION ALL SELECT %lld::BIGINT AS snapshot_id, __lh_rowid AS rowid, '%c' AS "
	                 "__kind",
	              (long long)snap, kind);
	append_cols(t, b);
	lh_buf_puts(b, " FROM (");
	lh_status st = lh_lake_scan(lake, s, &p, LH_SCAN_META, b);
	lh_buf_puts(b, ") __e");
	if (positions)
		lh_buf_printf(b, " WHERE __lh_pos %sIN (%s)", negate ? "NOT " : "", positions);
	return st;
}

/* The positions deleted by delete file `a` and not by `minus` (may be NULL), as SQL. */
static lh_status pos_list(lh_lake *lake, const char *table_path, const char *a, bool a_rel,
                          const char *minus, bool minus_rel, char **out)
{
	*out = NULL;
	char *fa = lh_file_full_path(table_path, a, a_rel);
	char *fm = minus ? lh_file_full_path(table_path, minus, minus_rel) : NULL;
	char *pa = NULL, *pm = NULL;
	lh_status st = fa && (fm || !minus) ? LH_OK : nomem(lake);
	if (st == LH_OK)
		st = lh_lake_local_file(lake, fa, -1, &pa);
	if (st == LH_OK && fm)
		st = lh_lake_local_file(lake, fm, -1, &pm);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "SELECT pos FROM read_parquet(");
	lh_buf_sql_str(&b, pa ? pa : "");
	lh_buf_putc(&b, ')');
	if (pm) {
		lh_buf_puts(&b, " EXCEPT SELECT pos FROM read_parquet(");
		lh_buf_sql_str(&b, pm);
		lh_buf_putc(&b, ')');
	}
	free(fa);
	free(fm);
	free(pa);
	free(pm);
	if (st == LH_OK && !(*out = lh_buf_steal(&b)))
		st = nomem(lake);
	lh_buf_free(&b);
	return st;
}

/* comp: the compaction and flush snapshots in [from, to] (lh_catalog_compactions). */
static lh_status append_inserts(lh_lake *lake, const lh_state *s, const lh_table *t, int64_t from,
                                int64_t to, const lh_rows *comp, lh_buf *b)
{
	lh_rows *rows = NULL;
	lh_status st = lh_catalog_inserted_files(lake->cat, t->id, from, to, &rows, &lake->err);
	if (st != LH_OK || rows->nrows == 0) {
		lh_rows_free(&rows);
		return st;
	}
	lh_data_file *files = calloc(rows->nrows, sizeof *files);
	if (!files) {
		lh_rows_free(&rows);
		return nomem(lake);
	}
	for (size_t r = 0; r < rows->nrows; r++) {
		files[r] = file_from(rows, r, 0, 2, 4, 5);
		files[r].del.path = (char *)lh_rows_get(rows, r, 6);
		files[r].del.path_is_relative = lh_rows_bool(rows, r, 7, true);
	}
	/* a row was inserted by the snapshot that wrote it (a merged file holds rows of
	 * several, each in _ducklake_internal_snapshot_id), or by the file's, if later (a
	 * rollback registering a file again inserts its rows anew) */
	lh_table p = lh_table_shell(t, files, rows->nrows);
	lh_buf_puts(b, " UNION ALL SELECT greatest(__i.__lh_snapid, __fs.__snap) AS snapshot_id, "
	               "__lh_rowid AS rowid, 'i' AS __kind");
	append_cols(t, b);
	lh_buf_puts(b, " FROM (");
	st = lh_lake_scan(lake, s, &p, LH_SCAN_VIRTUAL, b);
	lh_buf_puts(b, ") __i JOIN (VALUES ");
	for (size_t r = 0; r < rows->nrows; r++)
		lh_buf_printf(b, "%s(%s::BIGINT, %s::BIGINT)", r ? ", " : "", lh_rows_get(rows, r, 0),
		              lh_rows_get(rows, r, 1));
	lh_buf_printf(b, ") __fs(__fid, __snap) ON __i.__lh_file = __fs.__fid WHERE "
	                 "greatest(__i.__lh_snapid, __fs.__snap) BETWEEN %lld AND %lld",
	              (long long)from, (long long)to);
	/* rows a rewrite moved count from its snapshot in a merged file: no insert */
	for (size_t r = 0; r < comp->nrows; r++)
		lh_buf_printf(b, "%s%s", r ? ", " : " AND greatest(__i.__lh_snapid, __fs.__snap) NOT IN (",
		              lh_rows_get(comp, r, 0));
	if (comp->nrows)
		lh_buf_putc(b, ')');
	free(files);
	lh_rows_free(&rows);
	return st;
}

static lh_status append_deletes(lh_lake *lake, const lh_state *s, const lh_table *t,
                                const char *table_path, int64_t from, int64_t to, lh_buf *b)
{
	lh_rows *rows = NULL;
	lh_status st = lh_catalog_delete_events(lake->cat, t->id, from, to, &rows, &lake->err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		lh_data_file f = file_from(rows, r, 3, 4, 6, 7);
		int64_t snap = lh_rows_int(rows, r, 0, 0);
		const char *d = lh_rows_get(rows, r, 1), *prev = lh_rows_get(rows, r, 8);
		bool d_rel = lh_rows_bool(rows, r, 2, true), p_rel = lh_rows_bool(rows, r, 9, true);
		char *gone = NULL;
		st = pos_list(lake, table_path, d, d_rel, prev, p_rel, &gone);
		if (st == LH_OK)
			st = append_event(lake, s, t, &f, snap, 'd', gone, false, b);
		free(gone);
		if (st == LH_OK && prev) {
			char *back = NULL;
			st = pos_list(lake, table_path, prev, p_rel, d, d_rel, &back);
			if (st == LH_OK)
				st = append_event(lake, s, t, &f, snap, 'i', back, false, b);
			free(back);
		}
	}
	lh_rows_free(&rows);
	if (st != LH_OK)
		return st;
	/* deletes taken back: their rows come back as inserts */
	st = lh_catalog_undeleted(lake->cat, t->id, from, to, &rows, &lake->err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		lh_data_file f = file_from(rows, r, 3, 4, 6, 7);
		char *back = NULL;
		st = pos_list(lake, table_path, lh_rows_get(rows, r, 1), lh_rows_bool(rows, r, 2, true),
		              NULL, false, &back);
		if (st == LH_OK)
			st = append_event(lake, s, t, &f, lh_rows_int(rows, r, 0, 0), 'i', back, false, b);
		free(back);
	}
	lh_rows_free(&rows);
	if (st != LH_OK)
		return st;
	st = lh_catalog_retired_files(lake->cat, t->id, from, to, &rows, &lake->err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		lh_data_file f = file_from(rows, r, 1, 2, 4, 5);
		const char *del = lh_rows_get(rows, r, 6);
		char *kept = NULL;
		if (del)
			st = pos_list(lake, table_path, del, lh_rows_bool(rows, r, 7, true), NULL, false, &kept);
		if (st == LH_OK)
			st = append_event(lake, s, t, &f, lh_rows_int(rows, r, 0, 0), 'd', kept, true, b);
		free(kept);
	}
	lh_rows_free(&rows);
	return st;
}

typedef enum { CHANGES_ALL, CHANGES_INSERTIONS, CHANGES_DELETIONS } changes_kind;

/* The changes of rows kept inline (ducklake_inlined_data_<table>_<version>): each row is
 * inserted at its begin_snapshot and deleted at its end_snapshot, unless a flush ended it
 * (its rows go on in a file: no change); an update ends a row and inserts its new version
 * under the same row id. Values are matched to the table's columns by name. comp: the
 * compaction and flush snapshots in [from, to] (only a flush ends inlined rows). */
static lh_status append_inlined(lh_lake *lake, const lh_table *t, int64_t from, int64_t to,
                                changes_kind kind, const lh_rows *comp, lh_buf *b)
{
	lh_val range[2] = {LH_V_INT(from), LH_V_INT(to)};
	lh_status st = LH_OK;
	for (size_t n = 0; st == LH_OK && n < t->inl_n; n++) {
		lh_buf q;
		lh_buf_init(&q, 0);
		lh_buf_puts(&q, "SELECT * FROM ");
		lh_buf_sql_ident(&q, t->inl_tables[n]);
		lh_buf_puts(&q, " WHERE (begin_snapshot >= ?1 AND begin_snapshot <= ?2) OR "
		                "(end_snapshot >= ?1 AND end_snapshot <= ?2) ORDER BY row_id");
		lh_rows *rows = NULL;
		st = q.status == LH_OK ? lh_catdb_query(lake->cat, lh_buf_str(&q), range, 2, &rows, &lake->err)
		                       : nomem(lake);
		lh_buf_free(&q);
		size_t ncols = t->columns.len, w = 3 + ncols, nev = 0;
		/* where each of the table's columns is in the inlined table's rows (-1: not) */
		ptrdiff_t *at = st == LH_OK ? calloc(ncols + 1, sizeof *at) : NULL;
		const char **vals = st == LH_OK ? calloc(2 * rows->nrows * w + 1, sizeof *vals) : NULL;
		char (*nums)[2][24] = st == LH_OK ? calloc(rows->nrows + 1, sizeof *nums) : NULL;
		if (st == LH_OK && (!at || !vals || !nums))
			st = nomem(lake);
		ptrdiff_t rid = -1, beg = -1, end = -1;
		for (size_t k = 0; st == LH_OK && k < rows->ncols; k++) {
			const char *nm = rows->names[k] ? rows->names[k] : "";
			rid = strcmp(nm, "row_id") == 0 ? (ptrdiff_t)k : rid;
			beg = strcmp(nm, "begin_snapshot") == 0 ? (ptrdiff_t)k : beg;
			end = strcmp(nm, "end_snapshot") == 0 ? (ptrdiff_t)k : end;
		}
		for (size_t c = 0; st == LH_OK && c < ncols; c++) {
			at[c] = -1;
			for (size_t k = 0; k < rows->ncols; k++)
				if (rows->names[k] && t->columns.items[c].parent < 0 &&
				    strcmp(rows->names[k], t->columns.items[c].name) == 0)
					at[c] = (ptrdiff_t)k;
		}
		for (size_t r = 0; st == LH_OK && r < rows->nrows && rid >= 0 && beg >= 0 && end >= 0; r++) {
			int64_t bs = lh_rows_int(rows, r, (size_t)beg, -1);
			int64_t es = lh_rows_int(rows, r, (size_t)end, -1);
			bool flushed = false;
			for (size_t f = 0; f < comp->nrows; f++)
				flushed |= lh_rows_int(comp, f, 0, -2) == es;
			for (int e = 0; e < 2; e++) {
				int64_t snap = e == 0 ? bs : es;
				if (snap < from || snap > to || (e == 0 && kind == CHANGES_DELETIONS) ||
				    (e == 1 && (kind == CHANGES_INSERTIONS || flushed)))
					continue;
				const char **row = vals + nev++ * w;
				snprintf(nums[r][e], sizeof nums[r][e], "%lld", (long long)snap);
				row[0] = nums[r][e];
				row[1] = lh_rows_get(rows, r, (size_t)rid);
				row[2] = e == 0 ? "i" : "d";
				for (size_t c = 0; c < ncols; c++)
					row[3 + c] = at[c] >= 0 ? lh_rows_get(rows, r, (size_t)at[c]) : NULL;
			}
		}
		if (st == LH_OK && nev > 0) {
			lh_buf_puts(b, " UNION ALL SELECT __r.r[1]::BIGINT, __r.r[2]::BIGINT, __r.r[3]");
			for (size_t c = 0; st == LH_OK && c < ncols; c++) {
				if (t->columns.items[c].parent >= 0)
					continue;
				lh_buf_printf(b, ", CAST(__r.r[%zu] AS ", 4 + c);
				st = lh_types_sql(t->columns.items, ncols, c, b, &lake->err);
				lh_buf_puts(b, ") AS ");
				lh_buf_sql_ident(b, t->columns.items[c].name);
			}
			lh_buf_puts(b, " FROM ");
			lh_buf_json_rows(b, vals, nev, w, false);
			lh_buf_puts(b, " __r");
		}
		free(at);
		free(vals);
		free(nums);
		lh_rows_free(&rows);
	}
	return st;
}

static lh_status table_changes(lh_lake *lake, char **args, size_t nargs, changes_kind kind,
                               const char *name)
{
	if (nargs != 5)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "expected ducklake_table_changes('lake', 'schema', 'table', start, end)");
	int64_t from, to;
	lh_status st = bound(lake, args[3], false, &from);
	if (st == LH_OK)
		st = bound(lake, args[4], true, &to);
	const lh_state *s = NULL;
	if (st == LH_OK)
		st = lh_lake_past_state(lake, to, &s);
	ptrdiff_t ti = -1;
	if (st == LH_OK) {
		lh_qname q = {.schema = args[1], .name = args[2]};
		st = lh_resolve_table(lake, s, &q, &ti);
		if (st != LH_OK)
			lh_err_prefix(&lake->err, "at version %lld: ", (long long)to);
	}
	if (st != LH_OK)
		return st;
	const lh_table *t = s->tables.items[ti];
	/* files registered by name are read through their mapping, which the change feed's
	 * reads of single files do not carry yet: refused, never read as NULLs */
	lh_rows *mapped = NULL;
	lh_val mp[1] = {LH_V_INT(t->id)};
	st = lh_catdb_query(lake->cat,
	                    "SELECT 1 FROM ducklake_data_file WHERE table_id = ? AND mapping_id IS NOT "
	                    "NULL LIMIT 1",
	                    mp, 1, &mapped, &lake->err);
	if (st == LH_OK && mapped->nrows > 0)
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "the changes of table '%s' cannot be listed yet: it has files registered "
		                  "with ducklake_add_data_files",
		                  t->name);
	lh_rows_free(&mapped);
	/* nor deletes DuckDB 1.5 kept inline, or flushed with a snapshot per row */
	bool v1_deletes = false;
	if (st == LH_OK && lh_catdb_v1(lake->cat))
		st = v1_deletes_of(lake, t->id, &v1_deletes);
	if (st == LH_OK && v1_deletes)
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "the changes of table '%s' cannot be listed yet: DuckDB 1.5 kept some of "
		                  "its deletes inline in the catalog, or wrote them with a snapshot per row",
		                  t->name);
	if (st != LH_OK)
		return st;
	char *table_path = lh_table_full_path(s, t);
	lh_buf ev, b;
	lh_buf_init(&ev, 0);
	lh_buf_init(&b, 0);
	/* a typed empty first branch keeps the union well-formed */
	lh_buf_puts(&ev, "SELECT NULL::BIGINT AS snapshot_id, NULL::BIGINT AS rowid, NULL::VARCHAR "
	                 "AS __kind");
	lh_data_file none = {.del = {.id = -1}};
	lh_table empty = lh_table_shell(t, &none, 0);
	lh_buf_puts(&ev, ", __z.* FROM (");
	st = lh_lake_scan(lake, s, &empty, 0, &ev);
	lh_buf_puts(&ev, ") __z WHERE false");
	/* snapshots that change no row: their files' rows are no inserts */
	lh_rows *comp = NULL;
	if (st == LH_OK)
		st = lh_catalog_compactions(lake->cat, from, to, &comp, &lake->err);
	if (st == LH_OK && kind != CHANGES_DELETIONS)
		st = append_inserts(lake, s, t, from, to, comp, &ev);
	if (st == LH_OK && kind != CHANGES_INSERTIONS)
		st = append_deletes(lake, s, t, table_path ? table_path : "", from, to, &ev);
	if (st == LH_OK)
		st = append_inlined(lake, t, from, to, kind, comp, &ev);
	lh_rows_free(&comp);
	lh_buf_printf(&b,
	              "CREATE OR REPLACE TABLE __lh.main.\"%s\" AS SELECT snapshot_id, rowid, CASE WHEN "
	              "__kind = 'i' THEN CASE WHEN bool_or(__kind = 'd') OVER (PARTITION BY "
	              "snapshot_id, rowid) THEN 'update_postimage' ELSE 'insert' END ELSE CASE WHEN "
	              "bool_or(__kind = 'i') OVER (PARTITION BY snapshot_id, rowid) THEN "
	              "'update_preimage' ELSE 'delete' END END AS change_type",
	              name);
	append_cols(t, &b);
	lh_buf_printf(&b, " FROM (%s) __ev ORDER BY snapshot_id, rowid, change_type", lh_buf_str(&ev));
	if (kind != CHANGES_ALL) {
		/* insertions/deletions have no change_type column */
		lh_buf_reset(&b);
		lh_buf_printf(&b, "CREATE OR REPLACE TABLE __lh.main.\"%s\" AS SELECT snapshot_id, rowid", name);
		append_cols(t, &b);
		lh_buf_printf(&b, " FROM (%s) __ev ORDER BY snapshot_id, rowid", lh_buf_str(&ev));
	}
	if (st == LH_OK)
		st = exec_buf(lake, &b);
	lh_buf_free(&ev);
	lh_buf_free(&b);
	free(table_path);
	return st;
}

lh_status lh_history_function(lh_lake *lake, const char *fn, const lh_fn_args *a,
                              const char *name)
{
	if (a->n < 1 || !a->values[0] || a->names[0] || !lh_lake_is_name(lake, a->values[0]))
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "%s: the first argument names the lake, which is '%s' (e.g. "
		                    "%s('%s'))",
		                    fn, lake->name, fn, lake->name);
	if (lh_maint_is_function(fn) && lake->read_only && !lake->sandboxed)
		return lh_lake_fail(lake, LH_ERR_READ_ONLY,
		                    "%s changes the lake (maintenance): '%s' is attached read-only", fn,
		                    lake->name);
	if (lh_maint_is_function(fn) && lake->sandboxed)
		return lh_lake_fail(lake, LH_ERR_READ_ONLY,
		                    "%s changes the lake (maintenance): this lake is read-only here "
		                    "(a server or tool started without --read-write)",
		                    fn);
	if (lh_maint_is_function(fn))
		return lh_maint_function(lake, fn, a, name);
	bool writes = lh_strieq(fn, "ducklake_set_option") || lh_strieq(fn, "ducklake_add_data_files");
	if (writes && lake->sandboxed)
		return lh_lake_fail(lake, LH_ERR_READ_ONLY, "%s changes the lake: it is read-only here", fn);
	if (lh_strieq(fn, "ducklake_set_option"))
		return lh_options_set(lake, a, name);
	if (lh_strieq(fn, "ducklake_add_data_files"))
		return lh_add_data_files(lake, a, name);
	if (lh_strieq(fn, "ducklake_list_files"))
		return list_files_table(lake, a, name);
	for (size_t i = 0; i < a->n; i++)
		if (a->names[i])
			return lh_lake_fail(lake, LH_ERR_INVALID, "%s has no parameter '%s'", fn,
			                    a->names[i]);
	char **args = a->values;
	size_t nargs = a->n;
	if (lh_strieq(fn, "ducklake_snapshots"))
		return snapshots_table(lake, name);
	if (lh_strieq(fn, "ducklake_table_info"))
		return table_info_table(lake, name);
	if (lh_strieq(fn, "ducklake_current_snapshot"))
		return current_snapshot_table(lake, name);
	if (lh_strieq(fn, "ducklake_table_changes"))
		return table_changes(lake, args, nargs, CHANGES_ALL, name);
	if (lh_strieq(fn, "ducklake_table_insertions"))
		return table_changes(lake, args, nargs, CHANGES_INSERTIONS, name);
	if (lh_strieq(fn, "ducklake_table_deletions"))
		return table_changes(lake, args, nargs, CHANGES_DELETIONS, name);
	if (lh_strieq(fn, "lakehouse_tags"))
		return lh_tags_table(lake, name);
	if (lh_strieq(fn, "ducklake_options"))
		return lh_options_table(lake, name);
	return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
	                    "table function '%s' does not exist; the lake has lakehouse_tags, "
	                    "ducklake_snapshots, "
	                    "ducklake_table_changes, ducklake_table_insertions, "
	                    "ducklake_table_deletions, ducklake_table_info, ducklake_list_files, "
	                    "ducklake_current_snapshot, ducklake_merge_adjacent_files, ducklake_rewrite_data_files, "
	                    "ducklake_expire_snapshots, ducklake_cleanup_old_files and "
	                    "ducklake_delete_orphaned_files",
	                    fn);
}

/* --------------------------------------------------------------------------------
 * Rollback
 * ------------------------------------------------------------------------------ */

typedef struct rollback_args {
	lh_qname name;
	int64_t version;
} rollback_args;

static const lh_data_file *find_file(const lh_table *t, int64_t id)
{
	for (size_t i = 0; i < t->files.len; i++)
		if (t->files.items[i].id == id)
			return &t->files.items[i];
	return NULL;
}

static bool column_same(const lh_column *a, const lh_column *b)
{
	return a->id == b->id && a->begin_snapshot == b->begin_snapshot;
}

static lh_status rollback_columns(lh_table *t, const lh_table *past)
{
	LH_VEC(lh_column) cols = {0};
	for (size_t i = 0; i < past->columns.len; i++) {
		lh_column c;
		if (lh_column_copy(&c, &past->columns.items[i]) != LH_OK)
			goto fail;
		bool unchanged = false;
		for (size_t k = 0; k < t->columns.len; k++)
			unchanged |= column_same(&c, &t->columns.items[k]);
		if (!unchanged)
			c.begin_snapshot = -1;
		if (LH_VEC_PUSH(&cols, c) != LH_OK) {
			lh_column_clear(&c);
			goto fail;
		}
	}
	for (size_t i = 0; i < t->columns.len; i++)
		lh_column_clear(&t->columns.items[i]);
	LH_VEC_FREE(&t->columns);
	t->columns.items = cols.items;
	t->columns.len = cols.len;
	t->columns.cap = cols.cap;
	return LH_OK;
fail:
	for (size_t i = 0; i < cols.len; i++)
		lh_column_clear(&cols.items[i]);
	LH_VEC_FREE(&cols);
	return LH_ERR_NOMEM;
}

static lh_status copy_delete(lh_delete_file *dst, const lh_delete_file *src)
{
	*dst = *src;
	dst->id = -1;
	dst->path = lh_strdup(src->path);
	return !src->path || dst->path ? LH_OK : LH_ERR_NOMEM;
}

/* The path of a file of `past` (a table of state ps) as a path for table t of state s:
 * unchanged within one table; across a drop and re-create, re-based on t's folder (or
 * absolute when it lies elsewhere). */
static lh_status rebase_path(const lh_state *s, const lh_table *t, const lh_state *ps,
                             const lh_table *past, char **path, bool *relative)
{
	if (t->id == past->id || !*path)
		return LH_OK;
	char *from = lh_table_full_path(ps, past), *to = lh_table_full_path(s, t);
	char *full = from ? lh_file_full_path(from, *path, *relative) : NULL;
	char *rebased = full && to ? lh_relative_path(to, full, relative) : NULL;
	free(from);
	free(to);
	free(full);
	if (!rebased)
		return LH_ERR_NOMEM;
	free(*path);
	*path = rebased;
	return LH_OK;
}

static lh_status rollback_files(lh_state *s, lh_table *t, const lh_state *ps,
                                const lh_table *past)
{
	LH_VEC(lh_data_file) files = {0};
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < past->files.len; i++) {
		const lh_data_file *pf = &past->files.items[i];
		const lh_data_file *cur = find_file(t, pf->id);
		lh_data_file f = {0};
		if (cur) {
			/* still current: keep it, set its delete file back if that changed */
			f = (lh_data_file){.id = cur->id,
			                   .begin_snapshot = cur->begin_snapshot,
			                   .path = lh_strdup(cur->path),
			                   .path_is_relative = cur->path_is_relative,
			                   .record_count = cur->record_count,
			                   .file_size_bytes = cur->file_size_bytes,
			                   .footer_size = cur->footer_size,
			                   .row_id_start = cur->row_id_start,
			                   .partition_id = cur->partition_id,
			                   .mapping_id = cur->mapping_id,
			                   .partial_file_info = lh_strdup(cur->partial_file_info)};
			if (lh_data_file_copy_map(&f, cur) != LH_OK ||
			    lh_data_file_set_parts(&f, cur->part_n, cur->part_values) != LH_OK)
				st = LH_ERR_NOMEM;
			if (st != LH_OK) {
			} else if (cur->del.id == pf->del.id) {
				st = copy_delete(&f.del, &cur->del);
				f.del.id = cur->del.id;
			} else {
				st = copy_delete(&f.del, &pf->del);
				f.del_changed = true;
			}
		} else {
			/* retired since: register the same file again */
			f = (lh_data_file){.id = lh_state_next_local_id(s),
			                   .path = lh_strdup(pf->path),
			                   .path_is_relative = pf->path_is_relative,
			                   .record_count = pf->record_count,
			                   .file_size_bytes = pf->file_size_bytes,
			                   .footer_size = pf->footer_size,
			                   .row_id_start = pf->row_id_start,
			                   .partition_id = pf->partition_id,
			                   .mapping_id = pf->mapping_id,
			                   .partial_file_info = lh_strdup(pf->partial_file_info),
			                   .reused = true,
			                   .reused_from = pf->id,
			                   .del_changed = pf->del.path != NULL};
			st = copy_delete(&f.del, &pf->del);
			if (st == LH_OK && (lh_data_file_copy_map(&f, pf) != LH_OK ||
			                    lh_data_file_set_parts(&f, pf->part_n, pf->part_values) != LH_OK))
				st = LH_ERR_NOMEM;
			if (st == LH_OK)
				st = rebase_path(s, t, ps, past, &f.path, &f.path_is_relative);
			if (st == LH_OK)
				st = rebase_path(s, t, ps, past, &f.del.path, &f.del.path_is_relative);
		}
		if (st == LH_OK && !f.path)
			st = LH_ERR_NOMEM;
		if (st == LH_OK && LH_VEC_PUSH(&files, f) != LH_OK)
			st = LH_ERR_NOMEM;
		if (st != LH_OK)
			lh_data_file_clear(&f);
	}
	if (st != LH_OK) {
		for (size_t i = 0; i < files.len; i++)
			lh_data_file_clear(&files.items[i]);
		LH_VEC_FREE(&files);
		return st;
	}
	for (size_t i = 0; i < t->files.len; i++)
		lh_data_file_clear(&t->files.items[i]);
	LH_VEC_FREE(&t->files);
	t->files.items = files.items;
	t->files.len = files.len;
	t->files.cap = files.cap;
	return LH_OK;
}

/* A file merged after `snap` holds rows `snap` did not see (its partial_file_info says
 * which); kept by a rollback to `snap`, those rows are deleted, so that the table reads
 * as it did then. */
static lh_status hide_unseen_rows(lh_lake *lake, const lh_state *s, lh_table *t, int64_t snap,
                                  const char *label)
{
	char *tp = lh_table_full_path(s, t);
	lh_status st = tp ? LH_OK : nomem(lake);
	for (size_t i = 0; st == LH_OK && i < t->files.len; i++) {
		lh_data_file *f = &t->files.items[i];
		lh_buf cond;
		lh_buf_init(&cond, 0);
		bool any = false;
		st = lh_scan_unseen_rows(f, snap, &cond, &any, &lake->err);
		if (st == LH_OK && any && f->id < 0)
			st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                  "cannot roll back '%s' to version %lld: its file '%s', merged after "
			                  "that version and rewritten since, holds rows that version did not "
			                  "have; roll back to a later version",
			                  label, (long long)snap, f->path);
		char *full = st == LH_OK && any ? lh_file_full_path(tp, f->path, f->path_is_relative) : NULL;
		char *local = NULL;
		if (st == LH_OK && any)
			st = full ? lh_lake_local_file(lake, full, f->file_size_bytes, &local) : nomem(lake);
		lh_buf q;
		lh_buf_init(&q, 0);
		lh_buf_printf(&q, "INSERT INTO " LH_PENDING_DELETES " SELECT %lld, file_row_number FROM "
		                  "read_parquet(",
		              (long long)f->id);
		lh_buf_sql_str(&q, local ? local : "");
		lh_buf_printf(&q, ", file_row_number = true) WHERE %s", lh_buf_str(&cond));
		if (st == LH_OK && any)
			st = q.status == LH_OK && cond.status == LH_OK
			         ? lh_engine_exec(lake->engine, lh_buf_str(&q), &lake->err)
			         : nomem(lake);
		char *count = st == LH_OK && any ? lh_asprintf("SELECT count(*) FROM " LH_PENDING_DELETES
		                                               " WHERE file_id = %lld",
		                                               (long long)f->id)
		                                 : NULL;
		duckdb_result r;
		if (st == LH_OK && any)
			st = count ? lh_engine_query(lake->engine, count, &r, &lake->err) : nomem(lake);
		if (st == LH_OK && any) {
			f->pending_deletes = duckdb_value_int64(&r, 0, 0);
			duckdb_destroy_result(&r);
		}
		free(count);
		free(full);
		free(local);
		lh_buf_free(&q);
		lh_buf_free(&cond);
	}
	free(tp);
	return st;
}

static lh_status rollback_fn(lh_lake *lake, void *arg, int64_t *count)
{
	rollback_args *a = arg;
	(void)count;
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t ti;
	lh_status st = lh_resolve_table(lake, s, &a->name, &ti);
	if (st != LH_OK)
		return st;
	const lh_state *past = NULL;
	st = lh_lake_past_state(lake, a->version, &past);
	if (st != LH_OK)
		return st;
	ptrdiff_t pi = lh_state_table_index_by_id(past, s->tables.items[ti]->id);
	if (pi < 0) {
		/* dropped and re-created since (as every rebuild does): the table of that name
		 * then; its columns and files come back into the table of today */
		lh_err scratch = {0};
		lh_err_move(&scratch, &lake->err);
		if (lh_resolve_table(lake, past, &a->name, &pi) != LH_OK) {
			lh_err_clear(&scratch);
			return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
			                    "no table named '%s' existed at version %lld; nothing to roll "
			                    "back to",
			                    a->name.name, (long long)a->version);
		}
		lh_err_move(&lake->err, &scratch);
	}
	const lh_table *pt = past->tables.items[pi];
	const lh_table *now = s->tables.items[ti];
	/* rows kept inline in the catalog are not brought back yet: refused, never lost */
	if (pt->inlined || now->inlined || now->inl_rows)
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "cannot roll back '%s': it has rows kept inline in the catalog (data "
		                    "inlining) %s; this version rolls back tables whose rows are all in "
		                    "data files",
		                    a->name.name, pt->inlined ? "at that version" : "now");
	lh_table *t = lh_state_table_mut(s, (size_t)ti);
	if (!t)
		return nomem(lake);
	if (pt->max_column_id > t->max_column_id)
		t->max_column_id = pt->max_column_id;
	if (rollback_columns(t, pt) != LH_OK || rollback_files(s, t, past, pt) != LH_OK)
		return nomem(lake);
	/* pending deletes of this transaction on the table no longer apply */
	lh_err ignored = {0};
	lh_engine_exec(lake->engine, "DELETE FROM " LH_PENDING_DELETES, &ignored);
	lh_err_clear(&ignored);
	return hide_unseen_rows(lake, s, t, past->snap.id, a->name.name);
}

lh_status lh_lake_rollback(lh_lake *lake, const char *name, int64_t version, int64_t *out_snapshot)
{
	lh_status need = lh_lake_need(lake);
	if (need != LH_OK)
		return need;
	if (out_snapshot)
		*out_snapshot = -1;
	if (!lake || !name)
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	if (version < 0) /* never "the latest" (see AT clauses in rewrite.c) */
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "cannot roll back '%s' to version %lld: a version is a snapshot id, "
		                    "0 or more (list them with `lakehouse snapshots`)",
		                    name, (long long)version);
	rollback_args a = {.version = version};
	if (lh_parse_qname(name, &a.name) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "'%s' is not a table name", name);
	int64_t n = 0;
	bool implicit = !lake->txn;
	lh_status st;
	if (implicit) {
		/* run it as its own transaction so the new snapshot id is known */
		st = lh_txn_begin(lake);
		if (st == LH_OK)
			st = lh_txn_run(lake, rollback_fn, &a, &n);
		int64_t snap = -1;
		if (st == LH_OK)
			st = lh_txn_commit(lake, &snap);
		else if (lake->txn)
			lh_txn_rollback(lake);
		if (out_snapshot)
			*out_snapshot = snap;
	} else {
		st = lh_txn_run(lake, rollback_fn, &a, &n);
	}
	lh_qname_free(&a.name);
	return st;
}

/* CALL lakehouse_rollback('schema.table', version) */
lh_status lh_history_call(lh_lake *lake, lh_stmt *s, lh_cursor *c, bool *handled)
{
	*handled = false;
	if (!lh_cur_is(c, 0, "lakehouse_rollback"))
		return LH_OK;
	*handled = true;
	c->i++;
	if (!lh_cur_accept(c, "("))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected lakehouse_rollback('schema.table', version)");
	char *args[2] = {0};
	size_t n = 0;
	lh_status st = LH_OK;
	while (st == LH_OK && n < 2) {
		size_t start = lh_cur_offset(c), end = start;
		int depth = 0;
		while (!lh_cur_at_end(c) && (depth > 0 || (!lh_cur_is(c, 0, ",") && !lh_cur_is(c, 0, ")")))) {
			if (lh_cur_is(c, 0, "("))
				depth++;
			else if (lh_cur_is(c, 0, ")"))
				depth--;
			end = lh_cur_peek(c, 0)->end;
			c->i++;
		}
		char *expr = lh_strndup(s->text + start, end - start);
		st = expr ? lh_eval_text(lake, expr, &args[n]) : nomem(lake);
		free(expr);
		n++;
		if (!lh_cur_accept(c, ","))
			break;
	}
	if (st == LH_OK && (n != 2 || !lh_cur_accept(c, ")") || !args[0] || !args[1]))
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "expected lakehouse_rollback('schema.table', version)");
	int64_t version = 0;
	if (st == LH_OK && !lh_parse_int64(args[1], &version))
		st = lh_lake_fail(lake, LH_ERR_TYPE, "lakehouse_rollback: version '%s' is not a snapshot id", args[1]);
	if (st == LH_OK)
		st = lh_lake_rollback(lake, args[0], version, NULL);
	free(args[0]);
	free(args[1]);
	return st;
}

/* --------------------------------------------------------------------------------
 * Snapshot list (C API)
 * ------------------------------------------------------------------------------ */

struct lh_snapshot_list {
	lh_rows *rows;
	lh_snapshot *items;
};

lh_status lh_lake_snapshots(lh_lake *lake, lh_snapshot_list **out)
{
	lh_status need = lh_lake_need(lake);
	if (need != LH_OK)
		return need;
	*out = NULL;
	lh_err_clear(&lake->err);
	lh_snapshot_list *l = calloc(1, sizeof *l);
	if (!l)
		return nomem(lake);
	lh_status st = lh_catalog_snapshots(lake->cat, &l->rows, &lake->err);
	if (st == LH_OK && !(l->items = calloc(l->rows->nrows + 1, sizeof *l->items)))
		st = nomem(lake);
	if (st != LH_OK) {
		lh_snapshots_destroy(&l);
		return st;
	}
	for (size_t r = 0; r < l->rows->nrows; r++) {
		l->items[r].snapshot_id = lh_rows_int(l->rows, r, 0, 0);
		l->items[r].snapshot_time = lh_rows_get(l->rows, r, 1);
		l->items[r].schema_version = lh_rows_int(l->rows, r, 2, 0);
		const char *ch = lh_rows_get(l->rows, r, 3);
		l->items[r].changes = ch ? ch : "";
		l->items[r].author = lh_rows_get(l->rows, r, 4);
		l->items[r].commit_message = lh_rows_get(l->rows, r, 5);
	}
	*out = l;
	return LH_OK;
}

size_t lh_snapshots_count(const lh_snapshot_list *l)
{
	return l ? l->rows->nrows : 0;
}

const lh_snapshot *lh_snapshots_get(const lh_snapshot_list *l, size_t i)
{
	return l && i < l->rows->nrows ? &l->items[i] : NULL;
}

void lh_snapshots_destroy(lh_snapshot_list **l)
{
	if (!l || !*l)
		return;
	lh_rows_free(&(*l)->rows);
	free((*l)->items);
	free(*l);
	*l = NULL;
}
