/*
 * lake/remote.c - reading lakes whose files live in a remote store (S3).
 *
 * Layer: lake. DuckDB reads local files, so before a statement runs, the files it reads
 * are fetched into the store's cache (in parallel, one batch per statement) and the
 * SQL names the cached copies. Which files a statement reads is known from its parse
 * tree (rewrite.c): every lake table it names, and for a table filtered in a WHERE
 * clause by comparisons with constants, only the files whose min/max statistics in the
 * catalog can hold a matching row. Such a table is read through a per-statement view
 * over just those files.
 *
 * Until a statement needs it, a remote table's view in DuckDB is a stub with the right
 * columns that fails when read (views.c): DESCRIBE and SHOW work without downloading,
 * and a read the lake did not foresee (through a TEMP view, say) is an error, never a
 * silently empty table.
 */
#include "lake/lake_int.h"
#include "engine/scan.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fetch_list {
	lh_str_vec paths;
	lh_i64_vec sizes;
} fetch_list;

static void fetch_list_free(fetch_list *l)
{
	for (size_t i = 0; i < l->paths.len; i++)
		free(l->paths.items[i]);
	LH_VEC_FREE(&l->paths);
	LH_VEC_FREE(&l->sizes);
}

static lh_status fetch_add(fetch_list *l, char *path, int64_t size)
{
	if (!path || LH_VEC_PUSH(&l->paths, path) != LH_OK) {
		free(path);
		return LH_ERR_NOMEM;
	}
	if (LH_VEC_PUSH(&l->sizes, size) != LH_OK)
		return LH_ERR_NOMEM;
	return LH_OK;
}

/* Adds the data and delete files of t (those keep selects; keep NULL: all). */
static lh_status fetch_add_table(fetch_list *l, const lh_state *s, const lh_table *t,
                                 const bool *keep)
{
	if (t->files.len == 0)
		return LH_OK;
	char *tp = lh_table_full_path(s, t);
	lh_status st = tp ? LH_OK : LH_ERR_NOMEM;
	for (size_t i = 0; st == LH_OK && i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (keep && !keep[i])
			continue;
		/* a size of 0 is unknown (no Parquet file is empty) */
		st = fetch_add(l, lh_file_full_path(tp, f->path, f->path_is_relative),
		               f->file_size_bytes > 0 ? f->file_size_bytes : -1);
		if (st == LH_OK && f->del.path)
			st = fetch_add(l, lh_file_full_path(tp, f->del.path, f->del.path_is_relative),
			               f->del.file_size_bytes > 0 ? f->del.file_size_bytes : -1);
	}
	free(tp);
	return st;
}

static lh_status fetch_run(lh_lake *lake, fetch_list *l)
{
	if (l->paths.len == 0)
		return LH_OK;
	return lake->store->ops->fetch(lake->store, l->paths.items, l->sizes.items, l->paths.len,
	                               &lake->err);
}

static char *map_local(void *ctx, const char *path)
{
	lh_store *store = ctx;
	return store->ops->local_path(store, path);
}

/* Checks (a local folder) or fetches into the cache (S3) the files of t that `keep`
 * selects (NULL: all); an error names the table and says what to do. */
static lh_status fetch_files(lh_lake *lake, const lh_state *s, const lh_table *t,
                             const bool *keep)
{
	fetch_list l = {0};
	lh_status st = fetch_add_table(&l, s, t, keep);
	st = st == LH_OK ? fetch_run(lake, &l) : lh_lake_fail(lake, st, "out of memory");
	fetch_list_free(&l);
	if (st != LH_OK && st != LH_ERR_NOMEM)
		st = lh_lake_unreadable(lake, s, t);
	return st;
}

lh_status lh_lake_fetch_table(lh_lake *lake, const lh_state *s, const lh_table *t)
{
	return fetch_files(lake, s, t, NULL);
}

/* True when a nested column of t changed after its top-level column's row began (a field
 * added, renamed or widened; begin -1: by the open transaction) or reads a default in
 * older files. Then matching struct fields by name, as DuckDB's cast from a file's struct
 * to the table's does, no longer suffices, and files are read through their field ids. */
static bool nested_evolved(const lh_table *t)
{
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i], *top = c;
		if (c->parent < 0)
			continue;
		if (c->initial_default)
			return true;
		while (top && top->parent >= 0)
			top = lh_table_column_by_id(t, top->parent);
		if (top && (c->begin_snapshot < 0 ||
		            (top->begin_snapshot >= 0 && c->begin_snapshot > top->begin_snapshot)))
			return true;
	}
	return false;
}

/* File f's columns as its footer's field ids give them, kept as its map (map_footer):
 * (name, field id, enclosing entry) of each, the repeated groups inside lists and maps
 * passed through. A file with a column lacking a field id gets none (read by name). */
static lh_status footer_map(lh_lake *lake, const char *local, lh_data_file *f)
{
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT name, field_id, num_children, repetition_type FROM parquet_schema(");
	lh_buf_sql_str(&q, local);
	lh_buf_putc(&q, ')');
	duckdb_result r;
	lh_status st = q.status == LH_OK ? lh_engine_query(lake->engine, lh_buf_str(&q), &r, &lake->err)
	                                 : LH_ERR_NOMEM;
	lh_buf_free(&q);
	if (st != LH_OK)
		return st;
	size_t rows = (size_t)duckdb_row_count(&r), n = 0;
	char **name = calloc(rows + 1, sizeof *name);
	int64_t *id = calloc(rows + 1, sizeof *id);
	int32_t *parent = calloc(rows + 1, sizeof *parent);
	bool *part = calloc(rows + 1, sizeof *part);
	/* the enclosing entries: children left to see, entry (-1: top level) */
	int64_t left[128];
	int32_t entry[128];
	size_t depth = 0;
	bool ok = name && id && parent && part;
	for (size_t i = 0; ok && i < rows; i++) {
		int64_t kids = duckdb_value_int64(&r, 2, i);
		int32_t mine = -1;
		if (i > 0) {
			while (depth > 0 && left[depth - 1] == 0)
				depth--;
			if (depth == 0)
				break;
			left[depth - 1]--;
			mine = entry[depth - 1];
			char *rep = duckdb_value_varchar(&r, 3, i);
			bool repeated = rep && strcmp(rep, "REPEATED") == 0;
			duckdb_free(rep);
			if (!duckdb_value_is_null(&r, 1, i)) {
				id[n] = duckdb_value_int64(&r, 1, i);
				parent[n] = mine;
				char *nm = duckdb_value_varchar(&r, 0, i);
				name[n] = lh_strdup(nm);
				duckdb_free(nm);
				ok = name[n] != NULL;
				mine = (int32_t)n++;
			} else if (!repeated) {
				n = 0; /* a column without a field id: no map */
				break;
			}
		}
		if (kids > 0 && depth < 128) {
			left[depth] = kids;
			entry[depth++] = mine;
		} else if (kids > 0) {
			n = 0;
			break;
		}
	}
	duckdb_destroy_result(&r);
	st = ok ? lh_data_file_set_map(f, n, name, id, part, parent, false) : LH_ERR_NOMEM;
	f->map_footer = n > 0;
	for (size_t i = 0; name && i < rows; i++)
		free(name[i]);
	free(name);
	free(id);
	free(parent);
	free(part);
	return st == LH_ERR_NOMEM ? lh_lake_fail(lake, st, "out of memory") : st;
}

/* The footer maps of t's files that `keep` selects (NULL: all) and that have no map yet,
 * when t's nested columns evolved (nested_evolved). Kept on the state's files, which is
 * why t is written through: a data file never changes, so neither does its map. */
static lh_status footer_maps(lh_lake *lake, const lh_state *s, const lh_table *t,
                             const bool *keep)
{
	if (!nested_evolved(t))
		return LH_OK;
	char *tp = lh_table_full_path(s, t);
	lh_status st = tp ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; st == LH_OK && i < t->files.len; i++) {
		lh_data_file *f = (lh_data_file *)&t->files.items[i];
		if ((keep && !keep[i]) || f->map_n > 0 || f->map_unreadable)
			continue;
		char *full = lh_file_full_path(tp, f->path, f->path_is_relative);
		char *local = full ? lake->store->ops->local_path(lake->store, full) : NULL;
		st = local ? footer_map(lake, local, f) : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
		free(full);
		free(local);
	}
	free(tp);
	return st;
}

lh_status lh_lake_scan(lh_lake *lake, const lh_state *s, const lh_table *t, unsigned flags,
                       lh_buf *out)
{
	lh_status st = lh_lake_fetch_table(lake, s, t);
	if (st == LH_OK)
		st = footer_maps(lake, s, t, NULL);
	lh_path_map map = {map_local, lake->store};
	return st == LH_OK ? lh_scan_sql(s, t, flags, &map, out, &lake->err) : st;
}

lh_status lh_lake_lineage_select(lh_lake *lake, const lh_state *s, const lh_table *t,
                                 unsigned lineage, bool by_snapshot, lh_buf *out)
{
	lh_buf_puts(out, "SELECT * EXCLUDE (" LH_SCAN_VIRTUAL_COLUMNS ")");
	if (lineage & LH_LINEAGE_ROW_ID)
		lh_buf_puts(out, ", __lh_rowid AS _ducklake_internal_row_id");
	/* ordered by snapshot, a row's is the one from which its file showed it: a file that
	 * a rewrite made shows older rows only from its own snapshot on (before, the file it
	 * replaced shows them), and so must the merge of it */
	if (lineage & LH_LINEAGE_SNAPSHOT)
		lh_buf_puts(out, by_snapshot ? ", greatest(__lh_snapid, __lh_begin) AS "
		                               "_ducklake_internal_snapshot_id"
		                             : ", __lh_snapid AS _ducklake_internal_snapshot_id");
	lh_buf_puts(out, " FROM (");
	lh_status st = lh_lake_scan(lake, s, t, LH_SCAN_VIRTUAL, out);
	lh_buf_puts(out, by_snapshot ? ") ORDER BY greatest(__lh_snapid, __lh_begin), __lh_file, "
	                               "__lh_pos"
	                 : (lineage & LH_LINEAGE_ROW_ID) ? ") ORDER BY _ducklake_internal_row_id"
	                                                  : ")");
	return st;
}

lh_status lh_lake_local_file(lh_lake *lake, const char *path, int64_t size, char **out)
{
	*out = NULL;
	if (lake->store->remote) {
		char *const paths[1] = {(char *)path};
		int64_t want = size > 0 ? size : -1;
		lh_status st = lake->store->ops->fetch(lake->store, paths, &want, 1, &lake->err);
		if (st != LH_OK)
			return st;
	}
	*out = lake->store->ops->local_path(lake->store, path);
	return *out ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

/* --- pruning ------------------------------------------------------------------------ */

/* Column types whose min/max statistics compare like their values. Strings are left
 * out: Parquet writers may shorten their statistics. */
static bool prunable_type(const char *t)
{
	return lh_str_starts_with(t, "int") || lh_str_starts_with(t, "uint") ||
	       lh_str_starts_with(t, "float") || lh_str_starts_with(t, "decimal") ||
	       strcmp(t, "date") == 0 || strcmp(t, "time") == 0 ||
	       lh_str_starts_with(t, "timestamp") || strcmp(t, "boolean") == 0;
}

/* "COALESCE(<can match>, true)" for one predicate over the statistics columns of
 * position j. */
static void append_condition(lh_buf *b, const lh_pred *p, size_t j, const char *type, bool fp)
{
	char mn[96], mx[96];
	snprintf(mn, sizeof mn, "TRY_CAST(__mn%zu AS %s)", j, type);
	snprintf(mx, sizeof mx, "TRY_CAST(__mx%zu AS %s)", j, type);
	lh_buf_puts(b, "COALESCE(");
	/* NaN sorts above every number in DuckDB, and statistics leave it out */
	if (fp)
		lh_buf_printf(b, "__nan%zu IS DISTINCT FROM false OR ", j);
	lh_buf_putc(b, '(');
	switch (p->op) {
	case LH_PRED_EQ:
	case LH_PRED_IN:
		for (size_t k = 0; k < p->nvalues; k++)
			lh_buf_printf(b, "%s(%s <= (%s) AND (%s) <= %s)", k ? " OR " : "", mn, p->values[k],
			              p->values[k], mx);
		break;
	case LH_PRED_LT:
		lh_buf_printf(b, "%s < (%s)", mn, p->values[0]);
		break;
	case LH_PRED_LE:
		lh_buf_printf(b, "%s <= (%s)", mn, p->values[0]);
		break;
	case LH_PRED_GT:
		lh_buf_printf(b, "%s > (%s)", mx, p->values[0]);
		break;
	case LH_PRED_GE:
		lh_buf_printf(b, "%s >= (%s)", mx, p->values[0]);
		break;
	case LH_PRED_BETWEEN:
		lh_buf_printf(b, "%s >= (%s) AND %s <= (%s)", mx, p->values[0], mn, p->values[1]);
		break;
	}
	lh_buf_puts(b, "), true)");
}

/* Files of a table by id, for mapping statistics rows to files (tables have 10 000s of
 * files, and the statistics rows of retired files come along). */
typedef struct id_pos {
	int64_t id;
	size_t pos;
} id_pos;

static int cmp_id_pos(const void *a, const void *b)
{
	int64_t x = ((const id_pos *)a)->id, y = ((const id_pos *)b)->id;
	return x < y ? -1 : x > y;
}

static id_pos *files_by_id(const lh_table *t)
{
	id_pos *v = malloc((t->files.len + 1) * sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0; i < t->files.len; i++)
		v[i] = (id_pos){t->files.items[i].id, i};
	qsort(v, t->files.len, sizeof *v, cmp_id_pos);
	return v;
}

/* Which committed file of t holds which statistics row: index into t->files or -1. */
static ptrdiff_t file_index(const id_pos *ix, size_t n, int64_t id)
{
	id_pos key = {id, 0};
	const id_pos *hit = bsearch(&key, ix, n, sizeof *ix, cmp_id_pos);
	return hit ? (ptrdiff_t)hit->pos : -1;
}

/* --- pruning in C, for the common column types --------------------------------------
 * Integers, floating point and strings compare in C exactly as DuckDB compares them
 * (strings byte-wise, the default collation), once the constants are cast to the
 * column's type by DuckDB: one tiny query per constant instead of a query over one row
 * per file. Statistics strings of 256 bytes or more are taken as possibly shortened and
 * never prune. */
typedef enum cmp_class { CMP_NONE, CMP_INT, CMP_FLOAT, CMP_STR } cmp_class;

static cmp_class class_of(const char *type)
{
	static const char *const ints[] = {"int8", "int16", "int32", "int64", "uint8", "uint16",
	                                   "uint32"};
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
		if (strcmp(type, ints[i]) == 0)
			return CMP_INT;
	if (strcmp(type, "float32") == 0 || strcmp(type, "float64") == 0)
		return CMP_FLOAT;
	return strcmp(type, "varchar") == 0 ? CMP_STR : CMP_NONE;
}

typedef struct cval {
	int64_t i;
	double d;
	const char *s;
} cval;

static bool parse_cval(cmp_class k, const char *text, cval *out)
{
	if (!text)
		return false;
	char *end = NULL;
	errno = 0;
	out->s = text;
	if (k == CMP_INT) {
		long long v = strtoll(text, &end, 10);
		out->i = v;
		return errno == 0 && end != text && !*end;
	}
	if (k == CMP_FLOAT) {
		out->d = strtod(text, &end);
		return end != text && !*end && !isnan(out->d);
	}
	return strlen(text) < 256;
}

static int cval_cmp(cmp_class k, const cval *a, const cval *b)
{
	if (k == CMP_INT)
		return a->i < b->i ? -1 : a->i > b->i;
	if (k == CMP_FLOAT)
		return a->d < b->d ? -1 : a->d > b->d;
	return strcmp(a->s, b->s);
}

/* Can a file whose column lies in [mn, mx] hold a row matching p (constants c)? */
static bool can_match(cmp_class k, const lh_pred *p, const cval *c, const cval *mn,
                      const cval *mx)
{
	switch (p->op) {
	case LH_PRED_EQ:
	case LH_PRED_IN:
		for (size_t i = 0; i < p->nvalues; i++)
			if (cval_cmp(k, mn, &c[i]) <= 0 && cval_cmp(k, &c[i], mx) <= 0)
				return true;
		return false;
	case LH_PRED_LT:
		return cval_cmp(k, mn, &c[0]) < 0;
	case LH_PRED_LE:
		return cval_cmp(k, mn, &c[0]) <= 0;
	case LH_PRED_GT:
		return cval_cmp(k, mx, &c[0]) > 0;
	case LH_PRED_GE:
		return cval_cmp(k, mx, &c[0]) >= 0;
	case LH_PRED_BETWEEN:
		return cval_cmp(k, mx, &c[0]) >= 0 && cval_cmp(k, mn, &c[1]) <= 0;
	}
	return true;
}

#define PRUNE_C_MAX_VALUES 16

/* The constants of p cast to the column's type, as text (caller frees each). False
 * when DuckDB cannot cast one (the predicate is then left to DuckDB). */
static bool cast_constants(lh_lake *lake, const lh_table *t, const lh_pred *p, char **out)
{
	lh_buf type;
	lh_buf_init(&type, 0);
	lh_err e = {0};
	bool ok = lh_types_sql(t->columns.items, t->columns.len, p->column, &type, &e) == LH_OK;
	for (size_t i = 0; ok && i < p->nvalues; i++) {
		char *q = lh_asprintf("SELECT TRY_CAST((%s) AS %s)::VARCHAR", p->values[i], lh_buf_str(&type));
		ok = q && lh_engine_scalar(lake->engine, q, &out[i], &e) == LH_OK && out[i];
		free(q);
	}
	lh_err_clear(&e);
	lh_buf_free(&type);
	return ok;
}

/* Prunes with every predicate in C; false (keep untouched) when one needs DuckDB. */
static bool prune_in_c(lh_lake *lake, const lh_table *t, const lh_pred *preds, size_t n,
                       const id_pos *ix, bool *keep, size_t *out_kept, lh_status *st)
{
	*st = LH_OK;
	for (size_t j = 0; j < n; j++)
		if (class_of(t->columns.items[preds[j].column].type) == CMP_NONE ||
		    preds[j].nvalues > PRUNE_C_MAX_VALUES)
			return false;
	size_t nf = t->files.len;
	bool handled = true;
	for (size_t j = 0; j < n && handled && *st == LH_OK; j++) {
		const lh_pred *p = &preds[j];
		const lh_column *c = &t->columns.items[p->column];
		cmp_class k = class_of(c->type);
		char *text[PRUNE_C_MAX_VALUES] = {0};
		cval cv[PRUNE_C_MAX_VALUES];
		/* a constant that does not cast to the column's type: no pruning at all (asking
		 * DuckDB would fail inside the statement's transaction); the statement itself
		 * then reports the conversion error */
		if (!cast_constants(lake, t, p, text)) {
			for (size_t i = 0; i < p->nvalues; i++)
				free(text[i]);
			return true;
		}
		for (size_t i = 0; handled && i < p->nvalues; i++)
			handled = parse_cval(k, text[i], &cv[i]);
		lh_rows *rows = NULL;
		if (handled)
			*st = lh_catalog_column_stats(lake->cat, t->id, c->id, lh_lake_state(lake)->snap.id,
			                              &rows, &lake->err);
		for (size_t r = 0; handled && *st == LH_OK && r < rows->nrows; r++) {
			ptrdiff_t fi = file_index(ix, nf, lh_rows_int(rows, r, 0, -1));
			if (fi < 0 || !keep[fi])
				continue;
			const char *nan = lh_rows_get(rows, r, 3);
			cval mn, mx;
			if (!parse_cval(k, lh_rows_get(rows, r, 1), &mn) ||
			    !parse_cval(k, lh_rows_get(rows, r, 2), &mx))
				continue; /* no usable statistics: keep the file */
			/* NaN sorts above every number in DuckDB, and statistics leave it out */
			if (k == CMP_FLOAT && !(nan && (lh_strieq(nan, "false") || strcmp(nan, "0") == 0)))
				continue;
			if (!can_match(k, p, cv, &mn, &mx)) {
				keep[fi] = false;
				(*out_kept)--;
			}
		}
		lh_rows_free(&rows);
		for (size_t i = 0; i < p->nvalues; i++)
			free(text[i]);
	}
	if (!handled && *st == LH_OK) {
		/* undo: DuckDB decides for every predicate */
		for (size_t i = 0; i < nf; i++)
			keep[i] = true;
		*out_kept = nf;
	}
	return handled || *st != LH_OK;
}

lh_status lh_remote_prune(lh_lake *lake, const lh_table *t, const lh_pred *preds, size_t n,
                          bool *keep, size_t *out_kept)
{
	size_t nf = t->files.len;
	for (size_t i = 0; i < nf; i++)
		keep[i] = true;
	*out_kept = nf;
	id_pos *ix = files_by_id(t);
	if (!ix)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_status cst;
	if (prune_in_c(lake, t, preds, n, ix, keep, out_kept, &cst)) {
		free(ix);
		return cst;
	}
	/* statistics per predicate: stats[j * nf + i] = row of file i */
	const char **mins = calloc(n * nf + 1, sizeof *mins);
	const char **maxs = calloc(n * nf + 1, sizeof *maxs);
	const char **nans = calloc(n * nf + 1, sizeof *nans);
	lh_rows **rows = calloc(n + 1, sizeof *rows);
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_status st = mins && maxs && nans && rows ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	size_t usable = 0;
	for (size_t j = 0; st == LH_OK && j < n; j++) {
		const lh_column *c = &t->columns.items[preds[j].column];
		if (!prunable_type(c->type))
			continue;
		st = lh_catalog_column_stats(lake->cat, t->id, c->id, lh_lake_state(lake)->snap.id, &rows[j],
		                             &lake->err);
		for (size_t r = 0; st == LH_OK && r < rows[j]->nrows; r++) {
			ptrdiff_t i = file_index(ix, nf, lh_rows_int(rows[j], r, 0, -1));
			if (i < 0)
				continue;
			mins[j * nf + (size_t)i] = lh_rows_get(rows[j], r, 1);
			maxs[j * nf + (size_t)i] = lh_rows_get(rows[j], r, 2);
			nans[j * nf + (size_t)i] = lh_rows_get(rows[j], r, 3);
		}
		usable++;
	}
	if (st == LH_OK && usable > 0 && nf > 0) {
		lh_buf_puts(&q, "SELECT __i FROM (VALUES ");
		for (size_t i = 0; i < nf; i++) {
			lh_buf_printf(&q, "%s(%zu", i ? ", " : "", i);
			for (size_t j = 0; j < n; j++) {
				const char *v[2] = {mins[j * nf + i], maxs[j * nf + i]};
				for (int k = 0; k < 2; k++) {
					lh_buf_puts(&q, ", ");
					if (v[k])
						lh_buf_sql_str(&q, v[k]);
					else
						lh_buf_puts(&q, "NULL");
					lh_buf_puts(&q, "::VARCHAR");
				}
				const char *nan = nans[j * nf + i];
				lh_buf_printf(&q, ", %s::BOOLEAN", !nan ? "NULL" : lh_strieq(nan, "false") || strcmp(nan, "0") == 0 ? "false" : "true");
			}
			lh_buf_putc(&q, ')');
		}
		lh_buf_puts(&q, ") __s(__i");
		for (size_t j = 0; j < n; j++)
			lh_buf_printf(&q, ", __mn%zu, __mx%zu, __nan%zu", j, j, j);
		lh_buf_puts(&q, ") WHERE NOT (");
		bool first = true;
		for (size_t j = 0; j < n; j++) {
			const lh_column *c = &t->columns.items[preds[j].column];
			if (!prunable_type(c->type))
				continue;
			lh_buf type;
			lh_buf_init(&type, 0);
			st = lh_types_sql(t->columns.items, t->columns.len, preds[j].column, &type, &lake->err);
			if (st != LH_OK) {
				lh_buf_free(&type);
				break;
			}
			lh_buf_puts(&q, first ? "" : " AND ");
			first = false;
			append_condition(&q, &preds[j], j, lh_buf_str(&type), lh_str_starts_with(c->type, "float"));
			lh_buf_free(&type);
		}
		lh_buf_putc(&q, ')');
	}
	if (st == LH_OK && usable > 0 && nf > 0 && q.status == LH_OK) {
		lh_i64_vec out = {0};
		lh_err e = {0};
		/* pruning only saves work: a predicate DuckDB cannot evaluate against the
		 * statistics (mismatched types, say) keeps every file */
		if (lh_engine_int_column(lake->engine, lh_buf_str(&q), &out, &e) == LH_OK) {
			for (size_t k = 0; k < out.len; k++)
				if (out.items[k] >= 0 && (size_t)out.items[k] < nf && keep[out.items[k]]) {
					keep[out.items[k]] = false;
					(*out_kept)--;
				}
		}
		lh_err_clear(&e);
		LH_VEC_FREE(&out);
	}
	lh_buf_free(&q);
	for (size_t j = 0; rows && j < n; j++)
		lh_rows_free(&rows[j]);
	free(rows);
	free(mins);
	free(maxs);
	free(nans);
	free(ix);
	return st;
}

/* --- loading what a statement reads ------------------------------------------------- */

static const struct {
	const char *name;
	const char *expr; /* over a scan made with LH_SCAN_VIRTUAL */
} virtual_columns[] = {
    {"rowid", "__lh_rowid"},
    {"snapshot_id", "__lh_snapid"},
    /* inlined rows have no file, hence no position in one */
    {"file_row_number", "CASE WHEN __lh_filename IS NULL THEN NULL ELSE __lh_pos END"},
    {"filename", "__lh_filename"},
};

unsigned lh_virtual_bit(const char *name)
{
	for (size_t i = 0; name && i < sizeof virtual_columns / sizeof *virtual_columns; i++)
		if (lh_strieq(name, virtual_columns[i].name))
			return 1u << i;
	return 0;
}

const char *lh_virtual_name(unsigned bit)
{
	for (size_t i = 0; i < sizeof virtual_columns / sizeof *virtual_columns; i++)
		if (bit == 1u << i)
			return virtual_columns[i].name;
	return NULL;
}

unsigned lh_virtual_of(const lh_table *t, unsigned want)
{
	for (size_t i = 0; i < sizeof virtual_columns / sizeof *virtual_columns; i++)
		if ((want & (1u << i)) && lh_table_column_index(t, virtual_columns[i].name) >= 0)
			want &= ~(1u << i);
	return want;
}

void lh_virtual_select_open(unsigned virt, lh_buf *b)
{
	lh_buf_puts(b, "SELECT * EXCLUDE (" LH_SCAN_VIRTUAL_COLUMNS ")");
	for (size_t i = 0; i < sizeof virtual_columns / sizeof *virtual_columns; i++)
		if (virt & (1u << i))
			lh_buf_printf(b, ", %s AS %s", virtual_columns[i].expr, virtual_columns[i].name);
	lh_buf_puts(b, " FROM (");
}

static lh_status define_query_view(lh_lake *lake, const lh_remote_ref *r)
{
	lh_status fst = footer_maps(lake, r->state, r->table, r->keep);
	if (fst != LH_OK)
		return fst;
	lh_data_file *files = calloc(r->table->files.len + 1, sizeof *files);
	if (!files)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	size_t n = 0;
	for (size_t i = 0; i < r->table->files.len; i++)
		if (!r->keep || r->keep[i])
			files[n++] = r->table->files.items[i];
	lh_table shell = lh_table_shell(r->table, files, n);
	lh_path_map map = {map_local, lake->store};
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE OR REPLACE VIEW __lh.main.");
	lh_buf_sql_ident(&b, r->view_name);
	lh_buf_puts(&b, " AS ");
	if (r->virt)
		lh_virtual_select_open(r->virt, &b);
	lh_status st = lh_scan_sql(r->state, &shell, r->virt ? LH_SCAN_VIRTUAL : 0, &map, &b, &lake->err);
	if (r->virt)
		lh_buf_putc(&b, ')');
	if (st == LH_OK && b.status != LH_OK)
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK) {
		st = lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err);
		/* DuckDB could not open a file (its footer, say) */
		if (st != LH_OK && st != LH_ERR_NOMEM)
			st = lh_lake_unreadable(lake, r->state, r->table);
	}
	lh_buf_free(&b);
	free(files);
	return st;
}

lh_status lh_remote_load(lh_lake *lake, const lh_remote_ref *refs, size_t n)
{
	/* table by table, so that an error names its table; each table's files are fetched
	 * in parallel */
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < n; i++)
		st = fetch_files(lake, refs[i].state, refs[i].table, refs[i].keep);
	for (size_t i = 0; st == LH_OK && i < n; i++)
		st = refs[i].view_name ? define_query_view(lake, &refs[i])
		                       : lh_views_load(lake, refs[i].table);
	return st;
}

lh_status lh_remote_load_names(lh_lake *lake, const lh_toks *toks)
{
	const lh_state *s = lh_lake_state(lake);
	bool *named = calloc(s->tables.len + 1, sizeof *named);
	if (!named)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	for (size_t k = 0; k < toks->v.len; k++) {
		const lh_tok *tok = &toks->v.items[k];
		if (tok->type != LH_TOK_WORD && tok->type != LH_TOK_QIDENT)
			continue;
		lh_cursor c = {toks, k};
		char *word = lh_cur_ident(&c);
		for (size_t ti = 0; word && ti < s->tables.len; ti++)
			named[ti] |= lh_strieq(word, s->tables.items[ti]->name);
		free(word);
	}
	LH_VEC(lh_remote_ref) refs = {0};
	lh_status st = LH_OK;
	for (size_t ti = 0; st == LH_OK && ti < s->tables.len; ti++) {
		lh_remote_ref r = {.state = s, .table = s->tables.items[ti]};
		if (named[ti] && LH_VEC_PUSH(&refs, r) != LH_OK)
			st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	free(named);
	if (st == LH_OK)
		st = lh_remote_load(lake, refs.items, refs.len);
	LH_VEC_FREE(&refs);
	return st;
}
