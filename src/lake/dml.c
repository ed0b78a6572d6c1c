/*
 * lake/dml.c - INSERT, DELETE, UPDATE and TRUNCATE on lake tables.
 *
 * Layer: lake. DuckDB computes every row: an INSERT becomes
 *   COPY (SELECT CAST(src.c1 AS <type>) AS "col", ... FROM (<query>) src(c1, ...)) TO ...
 * so casts, column lists and defaults follow DuckDB's rules; DELETE and UPDATE select
 * (file, position[, row id]) from the table's scan with the user's WHERE. Deleted
 * positions are kept in a DuckDB table (in the internal database __lh) until commit (see txn.c); a data file whose
 * every row is deleted is retired instead. UPDATE = delete + insert in one snapshot, the
 * new rows carrying their original row ids in _ducklake_internal_row_id (row lineage).
 */
#include "lake/lake_int.h"
#include "engine/scan.h"
#include "engine/types.h"
#include "util/fsutil.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

static char *table_label(const lh_state *s, const lh_table *t)
{
	const lh_schema *sc = lh_state_schema_by_id(s, t->schema_id);
	return lh_asprintf("%s.%s", sc ? sc->name : "?", t->name);
}

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

/* --------------------------------------------------------------------------------
 * Writing rows into a table
 * ------------------------------------------------------------------------------ */

/* Fails when a NOT NULL column got a NULL in any written file. */
static lh_status check_not_null(lh_lake *lake, const lh_state *s, const lh_table *t,
                                const lh_written_files *files)
{
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0 || c->nulls_allowed)
			continue;
		bool has_null = false, unknown = false;
		for (size_t f = 0; f < files->len; f++) {
			const lh_written_file *wf = &files->items[f];
			bool found = false;
			for (size_t k = 0; k < wf->nstats; k++) {
				if (wf->stats[k].column_id != c->id)
					continue;
				found = true;
				if (wf->stats[k].null_count < 0)
					unknown = true;
				else if (wf->stats[k].null_count > 0)
					has_null = true;
			}
			unknown |= !found;
		}
		if (unknown && !has_null) {
			/* nested columns have no null count of their own: ask the files */
			lh_buf q;
			lh_buf_init(&q, 0);
			lh_buf_puts(&q, "SELECT count(*) FROM read_parquet([");
			for (size_t f = 0; f < files->len; f++) {
				lh_buf_puts(&q, f ? ", " : "");
				lh_buf_sql_str(&q, files->items[f].path);
			}
			lh_buf_puts(&q, "]) WHERE ");
			lh_buf_sql_ident(&q, c->name);
			lh_buf_puts(&q, " IS NULL");
			int64_t n = 0;
			lh_status st = lh_engine_scalar_int(lake->engine, lh_buf_str(&q), &n, &lake->err);
			lh_buf_free(&q);
			if (st != LH_OK)
				return st;
			has_null = n > 0;
		}
		if (has_null)
			return lh_dml_not_null_failed(lake, t, c->name);
	}
	return LH_OK;
}

/* The Hive key of partition key k: the column's name, or the transform's (year=2025/). */
static const char *part_key_name(const lh_table *t, size_t k)
{
	const lh_partition_key *key = &t->part_keys[k];
	if (strcmp(key->transform, "identity") != 0)
		return key->transform;
	const lh_column *c = lh_table_column_by_id(t, key->column_id);
	return c ? c->name : "?";
}

/* A file's path relative to the table path: partitioned, the Hive folders DuckDB's COPY
 * made in the staging folder (values escaped as it escapes them), each __lh_p<k>=
 * renamed to the key's name; else its name alone. */
static char *relative_path(const lh_table *t, const char *staging, const lh_written_file *wf)
{
	if (wf->part_n == 0 || !lh_str_starts_with(wf->path, staging))
		return lh_strdup(basename(wf->path));
	lh_buf b;
	lh_buf_init(&b, 0);
	const char *p = wf->path + strlen(staging);
	while (*p == '/')
		p++;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t k = 0;
		const char *eq = memchr(p, '=', len);
		if (end && eq && lh_str_starts_with(p, "__lh_p")) {
			for (const char *d = p + 6; d < eq; d++)
				k = k * 10 + (size_t)(*d - '0');
			lh_buf_puts(&b, k < t->part_n ? part_key_name(t, k) : "?");
			lh_buf_append(&b, eq, (size_t)(p + len - eq));
		} else {
			lh_buf_append(&b, p, len);
		}
		if (end)
			lh_buf_putc(&b, '/');
		p = end ? end + 1 : p + len;
	}
	return lh_buf_steal(&b);
}

/* like: a file whose partition the new files share (compaction); else the table's own
 * partitioning applies. */
lh_status lh_dml_not_null_failed(lh_lake *lake, const lh_table *t, const char *column)
{
	char *label = table_label(lh_lake_state(lake), t);
	lh_status st = lh_lake_fail(lake, LH_ERR_CONSTRAINT,
	                            "NOT NULL constraint failed: column '%s' of table '%s' got a "
	                            "NULL; nothing was written",
	                            column, label ? label : t->name);
	free(label);
	return st;
}

static lh_status add_written_files(lh_lake *lake, size_t ti, const char *table_path,
                                   const char *staging, lh_written_files *files,
                                   unsigned lineage, const lh_data_file *like,
                                   int64_t *out_rows)
{
	/* what the new files take from `like`, copied first: it may be a file of this very
	 * table, whose file list changes below */
	lh_data_file lk = {.partition_id = -1};
	char *like_dir = NULL; /* like's folder relative to the table path, ending in '/' */
	if (like) {
		lk.partition_id = like->partition_id;
		if (lh_data_file_set_parts(&lk, like->part_n, like->part_values) != LH_OK)
			return nomem(lake);
		if (like->path_is_relative && strrchr(like->path, '/') &&
		    (like_dir = lh_strdup(like->path)) != NULL)
			strrchr(like_dir, '/')[1] = '\0';
		if (like->path_is_relative && strrchr(like->path, '/') && !like_dir) {
			lh_data_file_clear(&lk);
			return nomem(lake);
		}
	}
	lh_state *s = lh_lake_state(lake);
	lh_table *t = lh_state_table_mut(s, ti);
	lh_status st = t ? LH_OK : nomem(lake);
	for (size_t i = 0; st == LH_OK && i < files->len; i++) {
		lh_written_file *wf = &files->items[i];
		char *rel = relative_path(t, staging, wf);
		char *name = rel && like_dir ? lh_asprintf("%s%s", like_dir, rel) : rel;
		if (name != rel)
			free(rel);
		char *dest = name ? lh_path_join(table_path, name) : NULL;
		if (!dest) {
			free(name);
			st = nomem(lake);
			break;
		}
		st = lake->store->ops->put_file(lake->store, wf->path, dest, &lake->err);
		if (st == LH_OK)
			st = lh_txn_track_file(lake, dest);
		free(dest);
		lh_data_file f = {.id = lh_state_next_local_id(s),
		                  .path = name,
		                  .path_is_relative = true,
		                  .record_count = wf->record_count,
		                  .file_size_bytes = wf->file_size_bytes,
		                  .footer_size = wf->footer_size,
		                  .row_id_start = -1,
		                  .partition_id = lk.partition_id, /* -1: set at commit */
		                  .mapping_id = -1,
		                  .del = {.id = -1},
		                  .row_id_column = lineage & LH_LINEAGE_ROW_ID,
		                  .snapshot_column = lineage & LH_LINEAGE_SNAPSHOT,
		                  .stats = wf->stats,
		                  .nstats = wf->nstats,
		                  .part_values = wf->part_values,
		                  .part_n = wf->part_n};
		if (like && st == LH_OK && lh_data_file_set_parts(&f, lk.part_n, lk.part_values) != LH_OK)
			st = nomem(lake);
		if (st == LH_OK && LH_VEC_PUSH(&t->files, f) != LH_OK)
			st = nomem(lake);
		if (st != LH_OK) {
			free(name);
			if (f.part_values != wf->part_values) { /* a copy of like's */
				for (size_t k = 0; k < f.part_n; k++)
					free(f.part_values[k]);
				free(f.part_values);
			}
			break;
		}
		wf->stats = NULL; /* now owned by the table */
		wf->nstats = 0;
		wf->part_values = NULL;
		wf->part_n = 0;
		*out_rows += wf->record_count;
	}
	free(like_dir);
	lh_data_file_clear(&lk);
	return st;
}

/* The SQL of each partition key of table t over its columns (year("ts"), "kind"). */
static lh_status partition_exprs(const lh_table *t, char ***out)
{
	*out = t->part_n ? calloc(t->part_n, sizeof **out) : NULL;
	if (t->part_n && !*out)
		return LH_ERR_NOMEM;
	for (size_t k = 0; k < t->part_n; k++) {
		const lh_column *c = lh_table_column_by_id(t, t->part_keys[k].column_id);
		lh_buf b;
		lh_buf_init(&b, 0);
		bool identity = strcmp(t->part_keys[k].transform, "identity") == 0;
		if (!identity)
			lh_buf_printf(&b, "%s(", t->part_keys[k].transform);
		lh_buf_sql_ident(&b, c ? c->name : "?");
		if (!identity)
			lh_buf_putc(&b, ')');
		if (!((*out)[k] = lh_buf_steal(&b)))
			return LH_ERR_NOMEM;
	}
	return LH_OK;
}

lh_status lh_dml_write_rows(lh_lake *lake, size_t ti, const char *select_sql, unsigned lineage,
                            const lh_data_file *like, int64_t *out_rows)
{
	return lh_dml_write_shaped(lake, ti, NULL, select_sql, lineage, like, out_rows);
}

lh_status lh_dml_write_shaped(lh_lake *lake, size_t ti, const lh_table *shape,
                              const char *select_sql, unsigned lineage, const lh_data_file *like,
                              int64_t *out_rows)
{
	*out_rows = 0;
	lh_state *s = lh_lake_state(lake);
	const lh_table *t = s->tables.items[ti];
	const lh_table *cols = shape ? shape : t;
	char *table_path = lh_table_full_path(s, t);
	char *staging = NULL;
	lh_written_files files = {0};
	lh_status st = table_path ? LH_OK : nomem(lake);
	if (st == LH_OK)
		st = lake->store->ops->staging_dir(lake->store, &staging, &lake->err);
	lh_write_options wo;
	lh_lake_write_options(lake, s, t, &wo);
	char **parts = NULL;
	size_t nparts = like ? 0 : t->part_n;
	if (st == LH_OK && nparts && partition_exprs(t, &parts) != LH_OK)
		st = nomem(lake);
	wo.partition_by = (const char *const *)parts;
	wo.npartition = nparts;
	if (st == LH_OK)
		st = lh_engine_write_data(lake->engine, select_sql, cols->columns.items, cols->columns.len,
		                          lineage, &wo, staging, &files, &lake->err);
	/* a file without rows is no file */
	size_t w = 0;
	for (size_t i = 0; i < files.len; i++) {
		if (files.items[i].record_count == 0) {
			lh_written_file_clear(&files.items[i]);
			continue;
		}
		files.items[w++] = files.items[i];
	}
	files.len = w;
	if (st == LH_OK && !shape) /* (rows written in an older shape are in the lake already) */
		st = check_not_null(lake, s, t, &files);
	if (st == LH_OK)
		st = add_written_files(lake, ti, table_path, staging, &files, lineage, like,
		                       out_rows);
	for (size_t k = 0; parts && k < nparts; k++)
		free(parts[k]);
	free(parts);
	lh_written_files_free(&files);
	lh_store_staging_done(staging);
	free(staging);
	free(table_path);
	return st;
}

/* --------------------------------------------------------------------------------
 * Deleting positions
 * ------------------------------------------------------------------------------ */

/* Retires file fi of table t. A file the transaction wrote itself is removed from disk
 * at commit (txn.c sweeps files no longer referenced). */
static void retire_file(lh_table *t, size_t fi)
{
	lh_data_file *f = &t->files.items[fi];
	lh_data_file_clear(f);
	memmove(f, f + 1, (t->files.len - fi - 1) * sizeof *f);
	t->files.len--;
}

lh_status lh_dml_mark_deleted(lh_lake *lake, size_t ti, const char *matched, int64_t *out_count)
{
	*out_count = 0;
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_status st = lh_inline_mark_deleted(lake, ti, matched, out_count);
	if (st != LH_OK)
		return st;
	/* data files (inlined rows have no file id, or a pending table's marker) */
	lh_buf_printf(&q, "SELECT file_id, count(*) FROM %s WHERE file_id > %lld GROUP BY file_id",
	              matched, (long long)LH_INLINED_PENDING);
	duckdb_result r;
	st = lh_engine_query(lake->engine, lh_buf_str(&q), &r, &lake->err);
	lh_buf_free(&q);
	if (st != LH_OK)
		return st;
	lh_state *s = lh_lake_state(lake);
	lh_table *t = lh_state_table_mut(s, ti);
	if (!t) {
		duckdb_destroy_result(&r);
		return nomem(lake);
	}
	idx_t n = duckdb_row_count(&r);
	for (idx_t row = 0; row < n; row++) {
		int64_t file_id = duckdb_value_int64(&r, 0, row);
		int64_t count = duckdb_value_int64(&r, 1, row);
		for (size_t fi = 0; fi < t->files.len; fi++) {
			lh_data_file *f = &t->files.items[fi];
			if (f->id != file_id)
				continue;
			f->pending_deletes += count;
			*out_count += count;
			if (lh_data_file_deleted(f) >= f->record_count)
				retire_file(t, fi);
			break;
		}
	}
	duckdb_destroy_result(&r);
	lh_buf_init(&q, 0);
	lh_buf_printf(&q, "INSERT INTO " LH_PENDING_DELETES " SELECT file_id, pos FROM %s", matched);
	st = lh_engine_exec(lake->engine, lh_buf_str(&q), &lake->err);
	lh_buf_free(&q);
	return st;
}

/* Retires every file and inlined row of a table (DELETE without WHERE, TRUNCATE). */
static lh_status retire_all(lh_lake *lake, size_t ti, int64_t *count)
{
	*count = 0;
	lh_status st = lh_inline_delete_all(lake, ti, count);
	lh_table *t = st == LH_OK ? lh_state_table_mut(lh_lake_state(lake), ti) : NULL;
	if (st == LH_OK && !t)
		st = nomem(lake);
	while (t && t->files.len > 0) {
		const lh_data_file *f = &t->files.items[t->files.len - 1];
		*count += f->record_count - lh_data_file_deleted(f);
		retire_file(t, t->files.len - 1);
	}
	return st;
}

/* --------------------------------------------------------------------------------
 * Statement parsing helpers
 * ------------------------------------------------------------------------------ */

/* Resolves the target table of a DML statement at the cursor. */
static lh_status target_table(lh_lake *lake, lh_cursor *c, const char *verb, ptrdiff_t *ti,
                              char **alias)
{
	lh_qname q;
	if (!lh_cur_qname(c, &q))
		return q.nomem ? nomem(lake)
		               : lh_lake_fail(lake, LH_ERR_SYNTAX, "%s: expected a table name", verb);
	lh_status st = lh_resolve_table(lake, lh_lake_state(lake), &q, ti);
	if (st == LH_OK && alias) {
		*alias = NULL;
		if (lh_cur_accept(c, "AS") || (lh_cur_is_ident(c) && !lh_cur_is(c, 0, "SET") &&
		                               !lh_cur_is(c, 0, "WHERE") && !lh_cur_is(c, 0, "USING") &&
		                               !lh_cur_is(c, 0, "RETURNING")))
			*alias = lh_cur_ident(c);
		if (!*alias)
			*alias = lh_strdup(q.name);
		if (!*alias)
			st = nomem(lake);
	}
	lh_qname_free(&q);
	return st;
}

static lh_status reject_returning(lh_lake *lake, const lh_cursor *c, const char *verb)
{
	if (lh_cur_has_word(c, "RETURNING"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "%s ... RETURNING is not supported on lake tables; run a SELECT after "
		                    "the statement instead",
		                    verb);
	return LH_OK;
}

/* The text from the cursor to the end of the statement. */
static const char *rest_of(const lh_stmt *s, const lh_cursor *c)
{
	return s->text + lh_cur_offset(c);
}

/* Rewrites AT clauses in a query fragment; returns a heap copy either way. */
lh_status lh_dml_rewritten(lh_lake *lake, const char *sql, char **out)
{
	lh_toks toks;
	if (lh_tokenize(sql, strlen(sql), &toks) != LH_OK)
		return nomem(lake);
	char *r = NULL;
	lh_status st = lh_rewrite_query(lake, sql, &toks, &r);
	lh_toks_free(&toks);
	if (st != LH_OK)
		return st;
	*out = r ? r : lh_strdup(sql);
	return *out ? LH_OK : nomem(lake);
}

/* --------------------------------------------------------------------------------
 * INSERT
 * ------------------------------------------------------------------------------ */

/* Appends "CAST(<value> AS <column type>)" for a default or NULL. */
lh_status lh_dml_default(lh_lake *lake, const lh_table *t, size_t ci, lh_buf *b)
{
	const lh_column *c = &t->columns.items[ci];
	lh_buf_puts(b, "CAST(");
	if (c->default_value)
		lh_buf_sql_str(b, c->default_value);
	else
		lh_buf_puts(b, "NULL");
	lh_buf_puts(b, " AS ");
	lh_status st = lh_types_sql(t->columns.items, t->columns.len, ci, b, &lake->err);
	lh_buf_putc(b, ')');
	return st;
}

/* Builds the SELECT producing the table's columns from a source query whose output
 * columns are `src`; `cols` maps each table column to a source position or -1. */
static lh_status build_insert_select(lh_lake *lake, const lh_table *t, const char *query,
                                     size_t nsrc, const ptrdiff_t *map, lh_buf *b)
{
	lh_buf_puts(b, "SELECT ");
	bool first = true;
	lh_status st = LH_OK;
	size_t top = 0;
	for (size_t i = 0; st == LH_OK && i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0)
			continue;
		lh_buf_puts(b, first ? "" : ", ");
		first = false;
		if (map[top] < 0) {
			st = lh_dml_default(lake, t, i, b);
		} else {
			lh_buf_printf(b, "CAST(__src.__c%zd AS ", map[top]);
			st = lh_types_sql(t->columns.items, t->columns.len, i, b, &lake->err);
			lh_buf_putc(b, ')');
		}
		lh_buf_puts(b, " AS ");
		lh_buf_sql_ident(b, c->name);
		top++;
	}
	if (nsrc == 0) {
		lh_buf_puts(b, " FROM (SELECT 1) __src");
		return st;
	}
	lh_buf_puts(b, " FROM (");
	lh_buf_puts(b, query);
	lh_buf_puts(b, ") __src(");
	for (size_t k = 0; k < nsrc; k++)
		lh_buf_printf(b, "%s__c%zu", k ? ", " : "", k);
	lh_buf_putc(b, ')');
	return st;
}

typedef struct insert_args {
	lh_stmt *s;
	lh_cursor *c;
} insert_args;

static size_t top_level_count(const lh_table *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->columns.len; i++)
		n += t->columns.items[i].parent < 0;
	return n;
}

static ptrdiff_t top_level_index(const lh_table *t, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < t->columns.len; i++) {
		if (t->columns.items[i].parent >= 0)
			continue;
		if (lh_strieq(t->columns.items[i].name, name))
			return (ptrdiff_t)n;
		n++;
	}
	return -1;
}

/* DuckDB names the failing value by our internal alias ("source column __c3"): say
 * which column of the table it was meant for instead. */
static void name_source_column(lh_lake *lake, const lh_table *t, const ptrdiff_t *map)
{
	const char *msg = lh_err_msg(&lake->err);
	const char *at = strstr(msg, " when casting from source column __c");
	if (!at)
		return;
	const char *num = at + strlen(" when casting from source column __c");
	char *end = NULL;
	long k = strtol(num, &end, 10);
	const char *name = NULL;
	size_t top = 0;
	for (size_t i = 0; i < t->columns.len && !name; i++) {
		if (t->columns.items[i].parent >= 0)
			continue;
		if (map[top++] == k)
			name = t->columns.items[i].name;
	}
	if (!name || end == num)
		return;
	char *fixed = lh_asprintf("%.*s for column '%s'%s", (int)(at - msg), msg, name, end);
	if (fixed)
		lh_err_set(&lake->err, lake->err.code, "%s", fixed);
	free(fixed);
}

/* The index in t->columns of top-level column number k (0-based). */
static size_t top_level_column(const lh_table *t, size_t k)
{
	for (size_t i = 0, n = 0; i < t->columns.len; i++)
		if (t->columns.items[i].parent < 0 && n++ == k)
			return i;
	return t->columns.len;
}

/* One item of a VALUES row: text[start, end), the k-th of its row. */
typedef struct values_item {
	size_t k, start, end;
	enum { ITEM_EXPR, ITEM_STRING, ITEM_DEFAULT, ITEM_NULL } kind;
} values_item;
typedef LH_VEC(values_item) values_item_vec;

/* The items of a VALUES list (brackets of every kind nest); false when text is not one. */
static bool values_items(const char *text, const lh_toks *toks, values_item_vec *out,
                         bool *oom)
{
	const lh_tok *v = toks->v.items;
	if (toks->v.len < 2 || v[0].type != LH_TOK_WORD || v[0].end - v[0].start != 6 ||
	    strncasecmp(text + v[0].start, "VALUES", 6) != 0)
		return false;
	int depth = 0;
	size_t k = 0, first = 0;
	for (size_t i = 1; i < toks->v.len && !*oom; i++) {
		char ch = v[i].type == LH_TOK_OP && v[i].end - v[i].start == 1 ? text[v[i].start] : 0;
		if (ch && strchr("([{", ch)) {
			if (++depth == 1) {
				k = 0;
				first = i + 1;
			}
		} else if (depth == 1 && (ch == ',' || ch == ')')) {
			values_item it = {.k = k++, .start = v[first].start, .end = v[i].start, .kind = ITEM_EXPR};
			if (i == first + 1 && v[first].type == LH_TOK_STRING)
				it.kind = ITEM_STRING;
			else if (i == first + 1 && v[first].type == LH_TOK_WORD &&
			         (v[first].end - v[first].start == 7 || v[first].end - v[first].start == 4))
				it.kind = strncasecmp(text + v[first].start, "DEFAULT", 7) == 0 ? ITEM_DEFAULT
				          : strncasecmp(text + v[first].start, "NULL", 4) == 0  ? ITEM_NULL
				                                                                  : ITEM_EXPR;
			if (i > first && LH_VEC_PUSH(out, it) != LH_OK)
				*oom = true;
			first = i + 1;
			if (ch == ')')
				depth--;
		} else if (ch && strchr(")]}", ch)) {
			depth--;
		}
	}
	return true;
}

/* The column of t the k-th item of a VALUES row fills (the k-th listed one, or the
 * table's k-th), or t->columns.len. */
static size_t values_column(const lh_table *t, const lh_str_vec *listed, size_t k)
{
	ptrdiff_t pos = listed->len ? (k < listed->len ? top_level_index(t, listed->items[k]) : -1)
	                            : (ptrdiff_t)k;
	return pos >= 0 ? top_level_column(t, (size_t)pos) : t->columns.len;
}

/* A VALUES list made readable by DuckDB outside an INSERT of its own tables: DEFAULT as
 * an item becomes the default of the column it fills, and a string literal in a column
 * whose other rows give typed values is cast to the column's type, as DuckDB's INSERT
 * would ('infinity' next to TIMESTAMP '2022-01-01' is a timestamp, not a clash of
 * VARCHAR and TIMESTAMP). Other items stay as written, so a value that does not convert
 * fails naming its column (name_source_column). *out: NULL when nothing changes. */
static lh_status values_rewrite(lh_lake *lake, const lh_table *t, const lh_str_vec *listed,
                                const char *text, char **out)
{
	*out = NULL;
	lh_toks toks;
	if (lh_tokenize(text, strlen(text), &toks) != LH_OK)
		return nomem(lake);
	values_item_vec items = {0};
	bool oom = false;
	bool is_values = values_items(text, &toks, &items, &oom);
	unsigned char *seen = calloc(t->columns.len + 1, 1); /* bit 1: a string, bit 2: typed */
	lh_status st = oom || !seen ? nomem(lake) : LH_OK;
	for (size_t i = 0; st == LH_OK && is_values && i < items.len; i++) {
		size_t ci = values_column(t, listed, items.items[i].k);
		if (items.items[i].kind == ITEM_STRING)
			seen[ci] |= 1;
		else if (items.items[i].kind == ITEM_EXPR)
			seen[ci] |= 2;
	}
	lh_buf b;
	lh_buf_init(&b, 0);
	size_t copied = 0;
	bool changed = false;
	for (size_t i = 0; st == LH_OK && is_values && i < items.len; i++) {
		const values_item *it = &items.items[i];
		size_t ci = values_column(t, listed, it->k);
		if (it->kind == ITEM_DEFAULT && ci >= t->columns.len) {
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "INSERT ... VALUES: DEFAULT in position %zu fills no column", it->k + 1);
			break;
		}
		bool cast = it->kind == ITEM_STRING && ci < t->columns.len && seen[ci] == 3;
		if (it->kind != ITEM_DEFAULT && !cast)
			continue;
		lh_buf_append(&b, text + copied, it->start - copied);
		if (cast) {
			lh_buf_puts(&b, "CAST(");
			lh_buf_append(&b, text + it->start, it->end - it->start);
			lh_buf_puts(&b, " AS ");
			st = lh_types_sql(t->columns.items, t->columns.len, ci, &b, &lake->err);
			lh_buf_putc(&b, ')');
		} else {
			st = lh_dml_default(lake, t, ci, &b);
		}
		copied = it->end;
		changed = true;
	}
	if (st == LH_OK && changed) {
		lh_buf_puts(&b, text + copied);
		*out = b.status == LH_OK ? lh_buf_steal(&b) : NULL;
		if (!*out)
			st = nomem(lake);
	}
	lh_buf_free(&b);
	free(seen);
	LH_VEC_FREE(&items);
	lh_toks_free(&toks);
	return st;
}

static lh_status insert_fn(lh_lake *lake, void *arg, int64_t *out_count)
{
	insert_args *a = arg;
	lh_cursor *c = a->c;
	ptrdiff_t ti;
	lh_status st = target_table(lake, c, "INSERT", &ti, NULL);
	if (st != LH_OK)
		return st;
	lh_state *s = lh_lake_state(lake);
	const lh_table *t = s->tables.items[ti];
	char *label = table_label(s, t);
	size_t ntop = top_level_count(t);
	ptrdiff_t *map = calloc(ntop + 1, sizeof *map);
	lh_str_vec listed = {0};
	char *query = NULL;
	bool by_name = false, default_values = false;
	lh_query_columns src = {0};
	lh_buf sel;
	lh_buf_init(&sel, 0);
	if (!label || !map) {
		st = nomem(lake);
		goto out;
	}
	if (lh_cur_accept(c, "AS"))
		free(lh_cur_ident(c));
	if (lh_cur_is(c, 0, "(") && !lh_cur_is(c, 1, "SELECT") && !lh_cur_is(c, 1, "WITH") &&
	    !lh_cur_is(c, 1, "FROM") && !lh_cur_is(c, 1, "VALUES") && !lh_cur_is(c, 1, "(")) {
		c->i++;
		do {
			char *name = lh_cur_ident(c);
			if (!name || LH_VEC_PUSH(&listed, name) != LH_OK) {
				free(name);
				st = lh_lake_fail(lake, LH_ERR_SYNTAX, "INSERT INTO '%s': bad column list", label);
				goto out;
			}
		} while (lh_cur_accept(c, ","));
		if (!lh_cur_accept(c, ")")) {
			st = lh_lake_fail(lake, LH_ERR_SYNTAX, "INSERT INTO '%s': bad column list", label);
			goto out;
		}
	}
	if (lh_cur_accept(c, "BY")) {
		by_name = lh_cur_accept(c, "NAME");
		if (!by_name && !lh_cur_accept(c, "POSITION")) {
			st = lh_lake_fail(lake, LH_ERR_SYNTAX, "expected BY NAME or BY POSITION");
			goto out;
		}
	}
	if (lh_cur_is(c, 0, "DEFAULT") && lh_cur_is(c, 1, "VALUES")) {
		default_values = true;
		c->i += 2;
	}
	if ((st = reject_returning(lake, c, "INSERT")) != LH_OK)
		goto out;
	if (lh_cur_has_word(c, "CONFLICT")) {
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "INSERT ... ON CONFLICT needs a primary key, which DuckLake tables do "
		                  "not have; deduplicate in the query instead");
		goto out;
	}
	for (size_t i = 0; i < ntop; i++)
		map[i] = -1;
	if (!default_values) {
		char *values = NULL;
		st = values_rewrite(lake, t, &listed, rest_of(a->s, c), &values);
		if (st == LH_OK)
			st = lh_dml_rewritten(lake, values ? values : rest_of(a->s, c), &query);
		free(values);
		if (st != LH_OK)
			goto out;
		lh_buf probe;
		lh_buf_init(&probe, 0);
		lh_buf_printf(&probe, "SELECT * FROM (%s) __src", query);
		st = probe.status == LH_OK
		         ? lh_engine_describe(lake->engine, lh_buf_str(&probe), &src, &lake->err)
		         : nomem(lake);
		lh_buf_free(&probe);
		if (st != LH_OK) {
			lh_err_prefix(&lake->err, "cannot insert into '%s': ", label);
			goto out;
		}
	}
	if (by_name) {
		for (size_t k = 0; k < src.n; k++) {
			ptrdiff_t pos = top_level_index(t, src.names[k]);
			if (pos < 0) {
				st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
				                  "cannot insert into '%s': it has no column '%s'", label,
				                  src.names[k]);
				goto out;
			}
			map[pos] = (ptrdiff_t)k;
		}
	} else if (listed.len) {
		if (!default_values && listed.len != src.n) {
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "cannot insert into '%s': the column list names %zu columns but the "
			                  "query gives %zu",
			                  label, listed.len, src.n);
			goto out;
		}
		for (size_t k = 0; k < listed.len; k++) {
			ptrdiff_t pos = top_level_index(t, listed.items[k]);
			if (pos < 0) {
				st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
				                  "cannot insert into '%s': it has no column '%s'", label,
				                  listed.items[k]);
				goto out;
			}
			if (map[pos] >= 0) {
				st = lh_lake_fail(lake, LH_ERR_INVALID,
				                  "cannot insert into '%s': column '%s' is listed twice", label,
				                  listed.items[k]);
				goto out;
			}
			map[pos] = (ptrdiff_t)k;
		}
	} else if (!default_values) {
		if (src.n != ntop) {
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "cannot insert into '%s': the table has %zu columns but %zu values "
			                  "were supplied; name the columns to fill, e.g. INSERT INTO %s (a, b) ...",
			                  label, ntop, src.n, label);
			goto out;
		}
		for (size_t k = 0; k < ntop; k++)
			map[k] = (ptrdiff_t)k;
	}
	st = build_insert_select(lake, t, query, default_values ? 0 : src.n, map, &sel);
	if (st == LH_OK && sel.status != LH_OK)
		st = nomem(lake);
	if (st == LH_OK)
		st = lh_inline_insert(lake, (size_t)ti, lh_buf_str(&sel), out_count);
	if (st != LH_OK)
		name_source_column(lake, t, map);
	if (st != LH_OK && !lh_str_starts_with(lh_lake_error(lake), "cannot") &&
	    !lh_str_starts_with(lh_lake_error(lake), "NOT NULL"))
		lh_err_prefix(&lake->err, "cannot insert into '%s': ", label);
out:
	lh_query_columns_free(&src);
	for (size_t i = 0; i < listed.len; i++)
		free(listed.items[i]);
	LH_VEC_FREE(&listed);
	lh_buf_free(&sel);
	free(query);
	free(map);
	free(label);
	return st;
}

lh_status lh_dml_insert(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count)
{
	if (lh_cur_is(c, 0, "OR"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "INSERT OR REPLACE/IGNORE needs a primary key, which DuckLake tables do "
		                    "not have");
	if (!lh_cur_accept(c, "INTO"))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected INSERT INTO <table>");
	insert_args a = {s, c};
	return lh_txn_run(lake, insert_fn, &a, out_count);
}

/* --------------------------------------------------------------------------------
 * DELETE / TRUNCATE
 * ------------------------------------------------------------------------------ */

typedef struct delete_args {
	lh_stmt *s;
	lh_cursor *c;
	bool truncate;
} delete_args;

/* Appends "(<scan>) AS alias", with DuckLake's row id also as `rowid` for the user's
 * conditions. */
lh_status lh_dml_scan_as(lh_lake *lake, size_t ti, const char *alias, lh_buf *b)
{
	lh_state *s = lh_lake_state(lake);
	bool rowid = lh_virtual_of(s->tables.items[ti], LH_VIRT_ROWID) != 0;
	lh_buf_puts(b, rowid ? "(SELECT *, __lh_rowid AS rowid FROM (" : "(");
	lh_status st = lh_lake_scan(lake, s, s->tables.items[ti], LH_SCAN_META, b);
	lh_buf_puts(b, rowid ? ")) AS " : ") AS ");
	lh_buf_sql_ident(b, alias);
	return st;
}

static lh_status delete_fn(lh_lake *lake, void *arg, int64_t *out_count)
{
	delete_args *a = arg;
	lh_cursor *c = a->c;
	ptrdiff_t ti;
	char *alias = NULL, *where = NULL;
	lh_status st = target_table(lake, c, a->truncate ? "TRUNCATE" : "DELETE", &ti, &alias);
	if (st != LH_OK)
		return st;
	if (a->truncate || lh_cur_at_end(c)) {
		free(alias);
		return retire_all(lake, (size_t)ti, out_count);
	}
	if ((st = reject_returning(lake, c, "DELETE")) != LH_OK) {
		free(alias);
		return st;
	}
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "CREATE OR REPLACE TABLE __lh.main.matched AS SELECT DISTINCT __lh_file AS "
	                "file_id, __lh_pos AS pos FROM ");
	st = lh_dml_scan_as(lake, (size_t)ti, alias, &q);
	if (st == LH_OK && lh_cur_accept(c, "USING"))
		lh_buf_puts(&q, ", ");
	else if (st == LH_OK && !lh_cur_is(c, 0, "WHERE"))
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "DELETE: expected WHERE or USING after the table");
	if (st == LH_OK)
		st = lh_dml_rewritten(lake, rest_of(a->s, c), &where);
	if (st == LH_OK) {
		lh_buf_puts(&q, " ");
		lh_buf_puts(&q, where);
		st = q.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&q), &lake->err)
		                       : nomem(lake);
	}
	if (st == LH_OK)
		st = lh_dml_mark_deleted(lake, (size_t)ti, "__lh.main.matched", out_count);
	lh_buf_free(&q);
	free(where);
	free(alias);
	return st;
}

lh_status lh_dml_delete(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count)
{
	if (!lh_cur_accept(c, "FROM"))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected DELETE FROM <table>");
	delete_args a = {s, c, false};
	return lh_txn_run(lake, delete_fn, &a, out_count);
}

lh_status lh_dml_truncate(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count)
{
	lh_cur_accept(c, "TABLE");
	delete_args a = {s, c, true};
	return lh_txn_run(lake, delete_fn, &a, out_count);
}

/* --------------------------------------------------------------------------------
 * UPDATE
 * ------------------------------------------------------------------------------ */

lh_status lh_dml_set_list(lh_lake *lake, lh_cursor *c, const lh_table *t, const char *label,
                         lh_assignments *out)
{
	do {
		char *name = lh_cur_ident(c);
		if (!name || !lh_cur_accept(c, "=")) {
			free(name);
			return lh_lake_fail(lake, LH_ERR_SYNTAX,
			                    "UPDATE '%s': expected SET column = value[, ...]", label);
		}
		ptrdiff_t ci = lh_table_column_index(t, name);
		if (ci < 0) {
			lh_status st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
			                            "cannot update '%s': it has no column '%s'", label, name);
			free(name);
			return st;
		}
		free(name);
		static const char *const stops[] = {",", "FROM", "WHERE", "RETURNING", "WHEN", NULL};
		lh_assignment as = {.column = ci, .start = lh_cur_offset(c)};
		as.end = lh_cur_skip_expr(c, stops);
		if (as.end <= as.start)
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "UPDATE '%s': missing value", label);
		if (LH_VEC_PUSH(out, as) != LH_OK)
			return nomem(lake);
	} while (lh_cur_accept(c, ","));
	return LH_OK;
}

typedef struct update_args {
	lh_stmt *s;
	lh_cursor *c;
} update_args;

static lh_status update_fn(lh_lake *lake, void *arg, int64_t *out_count)
{
	update_args *a = arg;
	lh_cursor *c = a->c;
	ptrdiff_t ti;
	char *alias = NULL, *rest = NULL, *label = NULL;
	lh_assignments set = {0};
	lh_buf q, sel;
	lh_buf_init(&q, 0);
	lh_buf_init(&sel, 0);
	lh_status st = target_table(lake, c, "UPDATE", &ti, &alias);
	if (st != LH_OK)
		return st;
	lh_state *s = lh_lake_state(lake);
	const lh_table *t = s->tables.items[ti];
	label = table_label(s, t);
	if (!label) {
		st = nomem(lake);
		goto out;
	}
	if (!lh_cur_accept(c, "SET")) {
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "UPDATE '%s': expected SET", label);
		goto out;
	}
	if ((st = lh_dml_set_list(lake, c, t, label, &set)) != LH_OK)
		goto out;
	if ((st = reject_returning(lake, c, "UPDATE")) != LH_OK)
		goto out;
	lh_buf_puts(&q, "CREATE OR REPLACE TABLE __lh.main.updated AS SELECT __lh_file, __lh_pos, "
	                "__lh_rowid");
	for (size_t i = 0; st == LH_OK && i < t->columns.len; i++) {
		const lh_column *col = &t->columns.items[i];
		if (col->parent >= 0)
			continue;
		const lh_assignment *as = NULL;
		for (size_t k = 0; k < set.len; k++)
			if (set.items[k].column == (ptrdiff_t)i)
				as = &set.items[k];
		lh_buf_puts(&q, ", ");
		if (as) {
			lh_buf_puts(&q, "CAST((");
			lh_buf_append(&q, a->s->text + as->start, as->end - as->start);
			lh_buf_puts(&q, ") AS ");
			st = lh_types_sql(t->columns.items, t->columns.len, i, &q, &lake->err);
			lh_buf_putc(&q, ')');
		} else {
			lh_buf_sql_ident(&q, alias);
			lh_buf_putc(&q, '.');
			lh_buf_sql_ident(&q, col->name);
		}
		lh_buf_puts(&q, " AS ");
		lh_buf_sql_ident(&q, col->name);
	}
	lh_buf_puts(&q, " FROM ");
	if (st == LH_OK)
		st = lh_dml_scan_as(lake, (size_t)ti, alias, &q);
	if (st == LH_OK && lh_cur_accept(c, "FROM"))
		lh_buf_puts(&q, ", ");
	if (st == LH_OK && !lh_cur_at_end(c))
		st = lh_dml_rewritten(lake, rest_of(a->s, c), &rest);
	if (st == LH_OK && rest) {
		lh_buf_putc(&q, ' ');
		lh_buf_puts(&q, rest);
	}
	/* UPDATE ... FROM may match a row more than once: the first match wins */
	lh_buf_puts(&q, " QUALIFY row_number() OVER (PARTITION BY __lh_file, __lh_pos) = 1");
	if (st == LH_OK)
		st = q.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&q), &lake->err)
		                       : nomem(lake);
	if (st != LH_OK) {
		if (!lh_str_starts_with(lh_lake_error(lake), "cannot"))
			lh_err_prefix(&lake->err, "cannot update '%s': ", label);
		goto out;
	}
	st = lh_dml_apply_updates(lake, (size_t)ti, out_count);
	if (st != LH_OK && !lh_str_starts_with(lh_lake_error(lake), "cannot") &&
	    !lh_str_starts_with(lh_lake_error(lake), "NOT NULL"))
		lh_err_prefix(&lake->err, "cannot update '%s': ", label);
out:
	LH_VEC_FREE(&set);
	lh_buf_free(&q);
	lh_buf_free(&sel);
	free(rest);
	free(alias);
	free(label);
	return st;
}

lh_status lh_dml_write_versions(lh_lake *lake, size_t ti)
{
	/* new versions: rows from committed files keep their row id */
	int64_t rows = 0, more = 0;
	lh_status st = lh_dml_write_rows(lake, ti,
	                                 "SELECT * EXCLUDE (__lh_file, __lh_pos, __lh_rowid), "
	                                 "__lh_rowid AS _ducklake_internal_row_id FROM "
	                                 "__lh.main.updated WHERE __lh_rowid IS NOT NULL",
	                                 true, NULL, &rows);
	if (st == LH_OK)
		st = lh_dml_write_rows(lake, ti,
		                       "SELECT * EXCLUDE (__lh_file, __lh_pos, __lh_rowid) FROM "
		                       "__lh.main.updated WHERE __lh_rowid IS NULL",
		                       false, NULL, &more);
	return st;
}

lh_status lh_dml_apply_updates(lh_lake *lake, size_t ti, int64_t *out_count)
{
	lh_status st = lh_dml_write_versions(lake, ti);
	if (st == LH_OK)
		st = lh_engine_exec(lake->engine,
		                    "CREATE OR REPLACE TABLE __lh.main.matched AS SELECT __lh_file AS "
		                    "file_id, __lh_pos AS pos FROM __lh.main.updated",
		                    &lake->err);
	if (st == LH_OK)
		st = lh_dml_mark_deleted(lake, ti, "__lh.main.matched", out_count);
	return st;
}

lh_status lh_dml_update(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count)
{
	update_args a = {s, c};
	return lh_txn_run(lake, update_fn, &a, out_count);
}
