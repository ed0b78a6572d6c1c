/*
 * lake/maintain.c - maintenance: merging small files, expiring snapshots, removing
 * files nothing references.
 *
 * Layer: lake. Reached through the DuckLake-named table functions
 * (ducklake_merge_adjacent_files, ducklake_rewrite_data_files, ducklake_expire_snapshots,
 * ducklake_cleanup_old_files, ducklake_delete_orphaned_files, and lakehouse_compact, the
 * rewrite then the merge; `CALL f(...)` works as `FROM f(...)`), which the CLI's
 * compact/expire/cleanup commands run. Each answers one row per thing it did:
 * (action, object, bytes).
 *
 * Merging, as DuckLake merges (the files and rows DuckDB's extension writes). A run of
 * small current files of one table without deletes, written under one schema version and
 * in one partition, becomes one file with their rows ordered by the snapshot that added
 * them, each row's id in _ducklake_internal_row_id and its snapshot in
 * _ducklake_internal_snapshot_id, and the columns of that schema version. It begins at
 * its oldest row's snapshot and says which rows each later snapshot saw (0.3:
 * partial_file_info "s1:r1|s2:r2|..."; 0.4 on: partial_max with the row snapshots), so
 * every snapshot reads exactly as before; the commit deletes the sources from the
 * catalog and queues them for cleanup. Sessions drop their cached past states after a
 * merge (theirs or, on refresh, another process's): past snapshots read other files now.
 *
 * Rewriting (files with deleted rows; lakehouse_optimize: every file). A file becomes one
 * without its deleted rows, row ids and snapshots kept in the file; the commit retires
 * the source (end_snapshot = the rewrite snapshot) and the new file begins there:
 * earlier snapshots still read the source with its delete file, so deleted rows never
 * come back. Merged later, such a file's rows count from the rewrite's snapshot.
 *
 * Either snapshot records only `compacted_table:<id>`; the change feed skips it, since no
 * row changed. Both conflict with concurrent deletes of the same files.
 *
 * Expiry deletes snapshot rows (never the latest) and every catalog row no remaining
 * snapshot sees; files of deleted rows go to the deletion queue (catalog/maintain.c).
 *
 * Cleanup removes queued files, and orphans (ducklake-*.parquet under the data path that no
 * catalog row references: files of writes that failed or were killed), older than a
 * threshold (default one hour, so files of writes still in flight are safe). Before
 * removing a file, every catalog reference to that path is checked, after both sides
 * are put in one canonical form; if any file the catalog references is missing from
 * the store's listing, the two sides disagree and no orphan is removed.
 */
#include "lake/lake_int.h"
#include "catalog/options.h"
#include "catalog/tags.h"
#include "catalog/versions.h"
#include "lake/services.h"
#include "engine/scan.h"
#include "util/fsutil.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_CLEANUP_AGE_US ((int64_t)3600 * 1000000)

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

/* --- arguments ---------------------------------------------------------------------- */

static const char *named(const lh_fn_args *a, const char *name)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->names[i] && lh_strieq(a->names[i], name))
			return a->values[i] ? a->values[i] : "";
	return NULL;
}

static bool truthy(const char *v)
{
	return v && (lh_strieq(v, "true") || strcmp(v, "1") == 0);
}

/* Refuses named parameters other than those listed (NULL-terminated). */
static lh_status check_names(lh_lake *lake, const char *fn, const lh_fn_args *a,
                             const char *const *allowed)
{
	for (size_t i = 0; i < a->n; i++) {
		if (!a->names[i])
			continue;
		bool ok = false;
		for (size_t k = 0; allowed[k] && !ok; k++)
			ok = lh_strieq(a->names[i], allowed[k]);
		if (!ok)
			return lh_lake_fail(lake, LH_ERR_INVALID, "%s has no parameter '%s'", fn,
			                    a->names[i]);
	}
	return LH_OK;
}

/* A timestamp argument in microseconds. */
static lh_status time_arg(lh_lake *lake, const char *fn, const char *name, const char *v,
                          int64_t *out)
{
	if (!lh_parse_timestamptz(v, out))
		return lh_lake_fail(lake, LH_ERR_TYPE,
		                    "%s: %s => '%s' is not a timestamp (e.g. now() - INTERVAL 7 DAYS)", fn,
		                    name, v);
	return LH_OK;
}

static int64_t now_us(void)
{
	char now[40];
	lh_now_timestamptz(now);
	int64_t us = 0;
	lh_parse_timestamptz(now, &us);
	return us;
}

/* --- the report table ----------------------------------------------------------------- */

typedef struct report {
	lh_lake *lake;
	const char *name;
	lh_buf rows;
	size_t n;
	const char *object; /* the second column's name: "object", or "path" (cleanup) */
} report;

static void report_add(report *r, const char *action, const char *object, int64_t bytes)
{
	lh_buf_puts(&r->rows, r->n++ ? ", (" : "(");
	lh_buf_sql_str(&r->rows, action);
	lh_buf_puts(&r->rows, ", ");
	lh_buf_sql_str(&r->rows, object);
	if (bytes >= 0)
		lh_buf_printf(&r->rows, ", %lld)", (long long)bytes);
	else
		lh_buf_puts(&r->rows, ", NULL)");
}

static lh_status report_write(report *r)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b,
	              "CREATE OR REPLACE TABLE __lh.main.\"%s\" (action VARCHAR, %s VARCHAR, "
	              "bytes BIGINT)",
	              r->name, r->object ? r->object : "object");
	if (r->n)
		lh_buf_printf(&b, "; INSERT INTO __lh.main.\"%s\" VALUES %s", r->name,
		              lh_buf_str(&r->rows));
	lh_status st = b.status == LH_OK && r->rows.status == LH_OK
	                   ? lh_engine_exec(r->lake->engine, lh_buf_str(&b), &r->lake->err)
	                   : nomem(r->lake);
	lh_buf_free(&b);
	lh_buf_free(&r->rows);
	return st;
}

/* --- compaction ------------------------------------------------------------------------ */

typedef struct compact_run {
	size_t first, n; /* into the sorted candidate list */
} compact_run;

typedef LH_VEC(compact_run) run_vec;

/* What a compaction does (see the top of the file). */
typedef enum compact_kind {
	MERGE_ADJACENT, /* small files without deletes, merged in place (DuckLake's shape) */
	REWRITE_ALL,    /* every file, rewritten from this snapshot on (lakehouse_optimize) */
	REWRITE_DELETED /* files with deleted rows, rewritten without them from this snapshot on */
} compact_kind;

typedef struct compact_job {
	int64_t table_id;
	compact_kind kind;
	const lh_i64_vec *ids; /* candidate file ids in run order */
	const run_vec *runs;
	report *rep;
	const char *label;
} compact_job;

/* The schema version a snapshot belongs to. */
/* The schema version table `table_id` had at snapshot `snap` (0.3 keeps one list for the
 * lake: its rows have no table id). */
static int64_t version_at(const lh_rows *versions, int64_t table_id, int64_t snap)
{
	int64_t v = 0;
	for (size_t r = 0; r < versions->nrows; r++)
		if (lh_rows_int(versions, r, 0, 0) <= snap &&
		    lh_rows_int(versions, r, 2, table_id) == table_id)
			v = lh_rows_int(versions, r, 1, 0);
	return v;
}

static const lh_data_file *file_with_id(const lh_table *t, int64_t id, size_t *index)
{
	for (size_t i = 0; i < t->files.len; i++)
		if (t->files.items[i].id == id) {
			if (index)
				*index = i;
			return &t->files.items[i];
		}
	return NULL;
}

/* DuckLake's record of which rows of a merged file each snapshot saw, from its sources
 * (in run order, none with deletes): 0.3 keeps "s1:r1|s2:r2|..." (rows r of the file
 * existed from snapshot s on; a source merged before contributes its own list), 0.4 on
 * the newest snapshot as "partial_max:S" (each row's snapshot is in the file). NULL
 * when every row is of one snapshot. *begin: the oldest snapshot. */
static lh_status merged_info(lh_lake *lake, const lh_data_file *src, size_t n, char **out,
                             int64_t *begin)
{
	*out = NULL;
	LH_VEC(int64_t) snaps = {0}, counts = {0}; /* rows each snapshot added, any order */
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < n; i++) {
		const char *info = src[i].partial_file_info;
		if (info && strncmp(info, "partial_max:", 12) == 0) {
			/* 0.4 on (0.3 merges no such file): only the newest snapshot matters */
			if (LH_VEC_PUSH(&snaps, strtoll(info + 12, NULL, 10)) != LH_OK ||
			    LH_VEC_PUSH(&counts, 0) != LH_OK)
				st = nomem(lake);
		}
		if (st == LH_OK && info && strncmp(info, "partial_max:", 12) != 0) {
			int64_t prev = 0;
			for (const char *p = info; st == LH_OK && *p;) {
				char *end;
				long long s = strtoll(p, &end, 10);
				long long r = *end == ':' ? strtoll(end + 1, &end, 10) : -1;
				if (r < prev)
					return lh_lake_fail(lake, LH_ERR_CORRUPT, "data file '%s' has a "
					                    "partial_file_info this version cannot read ('%s')",
					                    src[i].path, info);
				if (LH_VEC_PUSH(&snaps, s) != LH_OK || LH_VEC_PUSH(&counts, r - prev) != LH_OK)
					st = nomem(lake);
				prev = r;
				p = *end == '|' ? end + 1 : end;
			}
		} else if (st == LH_OK &&
		           (LH_VEC_PUSH(&snaps, src[i].begin_snapshot) != LH_OK ||
		            LH_VEC_PUSH(&counts, src[i].record_count) != LH_OK)) {
			st = nomem(lake);
		}
	}
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	for (size_t i = 0; i < snaps.len; i++) {
		lo = snaps.items[i] < lo ? snaps.items[i] : lo;
		hi = snaps.items[i] > hi ? snaps.items[i] : hi;
	}
	*begin = lo;
	if (st == LH_OK && lo != hi && lh_catdb_v1(lake->cat)) {
		if (!(*out = lh_asprintf("partial_max:%lld", (long long)hi)))
			st = nomem(lake);
	} else if (st == LH_OK && lo != hi) {
		/* the rows are written ordered by snapshot: each snapshot's are a prefix */
		lh_buf b;
		lh_buf_init(&b, 0);
		int64_t total = 0;
		for (int64_t s = lo; s != INT64_MIN;) {
			int64_t next = INT64_MIN;
			for (size_t i = 0; i < snaps.len; i++) {
				if (snaps.items[i] == s)
					total += counts.items[i];
				else if (snaps.items[i] > s && (next == INT64_MIN || snaps.items[i] < next))
					next = snaps.items[i];
			}
			lh_buf_printf(&b, "%s%lld:%lld", b.len ? "|" : "", (long long)s, (long long)total);
			s = next;
		}
		if (!(*out = lh_buf_steal(&b)))
			st = nomem(lake);
		lh_buf_free(&b);
	}
	LH_VEC_FREE(&snaps);
	LH_VEC_FREE(&counts);
	return st;
}

/* *out: the oldest snapshot at or after `snap` the catalog still has. */
static lh_status oldest_snapshot_from(lh_lake *lake, int64_t snap, int64_t *out)
{
	lh_val v[1] = {LH_V_INT(snap)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(lake->cat, "SELECT min(snapshot_id) FROM ducklake_snapshot WHERE "
	                              "snapshot_id >= ?", v, 1, &rows, &lake->err);
	if (st == LH_OK)
		*out = lh_rows_int(rows, 0, 0, snap);
	lh_rows_free(&rows);
	return st;
}

static lh_status compact_fn(lh_lake *lake, void *arg, int64_t *out_count)
{
	compact_job *job = arg;
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t ti = lh_state_table_index_by_id(s, job->table_id);
	if (ti < 0)
		return lh_lake_fail(lake, LH_ERR_CONFLICT, "table '%s' was dropped meanwhile", job->label);
	*out_count = 0;
	lh_status st = LH_OK;
	for (size_t r = 0; st == LH_OK && r < job->runs->len; r++) {
		const compact_run *run = &job->runs->items[r];
		const lh_table *t = s->tables.items[ti];
		lh_data_file *files = calloc(run->n, sizeof *files);
		if (!files)
			return nomem(lake);
		for (size_t k = 0; k < run->n; k++)
			files[k] = *file_with_id(t, job->ids->items[run->first + k], NULL);
		bool merge = job->kind == MERGE_ADJACENT;
		char *info = NULL;
		int64_t begin = -1;
		if (merge)
			st = merged_info(lake, files, run->n, &info, &begin);
		/* a merge serves the snapshots of its sources: it keeps their columns (those of
		 * their schema version, dropped ones too), as the table had them then (or at the
		 * oldest snapshot left, when expiry took that one) */
		const lh_table *shape = NULL;
		const lh_state *then = NULL;
		int64_t shape_snap = begin;
		if (st == LH_OK && merge)
			st = oldest_snapshot_from(lake, begin, &shape_snap);
		if (st == LH_OK && merge)
			st = lh_lake_past_state(lake, shape_snap, &then);
		ptrdiff_t pti = then ? lh_state_table_index_by_id(then, t->id) : -1;
		if (st == LH_OK && merge && pti < 0)
			st = lh_lake_fail(lake, LH_ERR_CORRUPT, "table '%s' has files from snapshot %lld, "
			                  "which has no such table", job->label, (long long)begin);
		if (st == LH_OK && merge)
			shape = then->tables.items[pti];
		lh_table shell = lh_table_shell(shape ? shape : t, files, run->n);
		shell.inlined = NULL; /* the run's files alone (inlined rows were flushed first) */
		shell.inl_rows = 0;
		/* sources whose row ids follow on: the merged file's are its first's onward (its
		 * _ducklake_internal_row_id column says the same) */
		int64_t row_id_start = files[0].row_id_start;
		for (size_t k = 0; k < run->n && row_id_start >= 0; k++)
			if (files[k].partial_file_info || files[k].row_id_start < 0 ||
			    (k > 0 && files[k].row_id_start !=
			                  files[k - 1].row_id_start + files[k - 1].record_count))
				row_id_start = -1;
		lh_buf sel;
		lh_buf_init(&sel, 0);
		if (st == LH_OK)
			st = lh_lake_lineage_select(lake, s, &shell, LH_LINEAGE_ALL, merge, &sel);
		char *tp = lh_table_full_path(s, t);
		for (size_t k = 0; st == LH_OK && k < run->n; k++) {
			char *p = tp ? lh_file_full_path(tp, files[k].path, files[k].path_is_relative) : NULL;
			report_add(job->rep, job->kind == REWRITE_DELETED ? "rewritten" : "merged",
			           p ? p : files[k].path, files[k].file_size_bytes);
			free(p);
		}
		free(files);
		size_t before = t->files.len;
		int64_t rows = 0;
		lake->write_whole = merge; /* one file, so that partial_file_info describes it */
		if (st == LH_OK)
			st = sel.status == LH_OK
			         ? lh_dml_write_shaped(lake, (size_t)ti, shape, lh_buf_str(&sel), LH_LINEAGE_ALL,
			                               file_with_id(t, job->ids->items[run->first], NULL),
			                               &rows)
			         : nomem(lake);
		lake->write_whole = false;
		lh_buf_free(&sel);
		lh_table *mt = st == LH_OK ? lh_state_table_mut(s, (size_t)ti) : NULL;
		if (st == LH_OK && !mt)
			st = nomem(lake);
		if (st == LH_OK && merge && mt->files.len > before + 1)
			st = lh_lake_fail(lake, LH_ERR_INTERNAL, "a merge wrote %zu files, not one",
			                  mt->files.len - before);
		for (size_t k = before; st == LH_OK && k < mt->files.len; k++) {
			lh_data_file *f = &mt->files.items[k];
			f->compacted = true;
			if (merge) {
				f->merged = true;
				f->row_id_start = row_id_start;
				f->begin_snapshot = begin;
				free(f->partial_file_info);
				f->partial_file_info = info;
				info = NULL;
			}
			char *p = tp ? lh_file_full_path(tp, f->path, true) : NULL;
			report_add(job->rep, job->kind == REWRITE_DELETED ? "written" : "created",
			           p ? p : f->path, f->file_size_bytes);
			free(p);
		}
		/* the sources leave the table */
		for (size_t k = 0; st == LH_OK && k < run->n; k++) {
			size_t at;
			if (file_with_id(mt, job->ids->items[run->first + k], &at))
				lh_table_remove_file(mt, at);
		}
		free(tp);
		free(info);
		*out_count += rows;
	}
	return st;
}

typedef struct cand {
	int64_t id, version, partition, begin, size;
	const lh_data_file *f;
} cand;

/* Orders partition values (NULL first); 0 when two files are in the same partition. */
static int part_cmp(const lh_data_file *a, const lh_data_file *b)
{
	if (a->part_n != b->part_n)
		return a->part_n < b->part_n ? -1 : 1;
	for (size_t k = 0; k < a->part_n; k++) {
		const char *x = a->part_values[k], *y = b->part_values[k];
		int c = !x || !y ? (x != NULL) - (y != NULL) : strcmp(x, y);
		if (c)
			return c;
	}
	return 0;
}

static int cand_cmp(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	if (x->version != y->version)
		return x->version < y->version ? -1 : 1;
	if (x->partition != y->partition)
		return x->partition < y->partition ? -1 : 1;
	int pc = part_cmp(x->f, y->f);
	if (pc)
		return pc;
	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* When each schema version began: the runs compaction merges never mix versions. */
static lh_status schema_versions(lh_lake *lake, lh_rows **out)
{
	return lh_catdb_query(lake->cat,
	                      lh_catdb_v1(lake->cat)
	                          ? "SELECT begin_snapshot, schema_version, table_id FROM "
	                            "ducklake_schema_versions ORDER BY begin_snapshot"
	                          : "SELECT begin_snapshot, schema_version, NULL FROM "
	                            "ducklake_schema_versions ORDER BY begin_snapshot",
	                      NULL, 0, out, &lake->err);
}

/* --- flushing inlined rows ---------------------------------------------------------------- */

typedef struct flush_job {
	int64_t table_id;
	const char *label;
	report *rep;
} flush_job;

static lh_status flush_fn(lh_lake *lake, void *arg, int64_t *out_count)
{
	flush_job *job = arg;
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t ti = lh_state_table_index_by_id(s, job->table_id);
	if (ti < 0)
		return lh_lake_fail(lake, LH_ERR_CONFLICT, "table '%s' was dropped meanwhile", job->label);
	size_t before = s->tables.items[ti]->files.len;
	lh_status st = lh_inline_flush(lake, (size_t)ti, out_count);
	const lh_table *t = s->tables.items[ti];
	char *tp = st == LH_OK ? lh_table_full_path(s, t) : NULL;
	for (size_t k = before; st == LH_OK && k < t->files.len; k++) {
		char *p = tp ? lh_file_full_path(tp, t->files.items[k].path, true) : NULL;
		report_add(job->rep, "flushed", p ? p : t->files.items[k].path,
		           t->files.items[k].file_size_bytes);
		free(p);
	}
	free(tp);
	return st;
}

/* Moves the rows a table keeps inline into a data file (one commit); none: nothing. */
static lh_status flush_table(lh_lake *lake, const lh_table *t, const char *label, report *rep)
{
	if (!t->inlined)
		return LH_OK;
	flush_job job = {t->id, label, rep};
	int64_t rows = 0;
	lh_status st = lh_txn_run(lake, flush_fn, &job, &rows);
	if (st != LH_OK)
		lh_err_prefix(&lake->err, "flushing the inlined rows of '%s': ", label);
	return st;
}

/* Whether file f is a candidate of a compaction of that kind. */
static bool compact_candidate(const lh_lake *lake, const lh_data_file *f, compact_kind kind,
                              int64_t target, double threshold)
{
	int64_t deleted = lh_data_file_deleted(f);
	if (f->id < 0) /* written by the open transaction (its flush): not committed yet */
		return false;
	switch (kind) {
	case MERGE_ADJACENT:
		/* as DuckLake: files with deletes wait for a rewrite; 0.3 has no way to record
		 * a merge of a file whose rows' snapshots only the file knows */
		return f->file_size_bytes < target && deleted == 0 &&
		       !(f->partial_file_info && !lh_catdb_v1(lake->cat) &&
		         strncmp(f->partial_file_info, "partial_max:", 12) == 0);
	case REWRITE_ALL:
		return true;
	case REWRITE_DELETED:
		return deleted > 0 && f->record_count > 0 &&
		       (double)deleted / (double)f->record_count >= threshold;
	}
	return false;
}

/* Compacts one table as `kind` says (threshold: REWRITE_DELETED's share of deleted
 * rows); one commit, after one that flushes its inlined rows into a file when it has
 * some. */
static lh_status compact_table(lh_lake *lake, const lh_table *t, const char *label,
                               const lh_rows *versions, int64_t max_files, compact_kind kind,
                               double threshold, report *rep)
{
	bool all = kind != MERGE_ADJACENT; /* runs of one file too */
	if (t->inlined && kind != REWRITE_DELETED) {
		int64_t id = t->id;
		lh_status st = flush_table(lake, t, label, rep);
		ptrdiff_t ti = st == LH_OK ? lh_state_table_index_by_id(lake->committed, id) : -1;
		if (st != LH_OK || ti < 0)
			return st;
		t = lake->committed->tables.items[ti];
	}
	size_t nf = t->files.len;
	cand *c = calloc(nf + 1, sizeof *c);
	if (!c)
		return nomem(lake);
	lh_write_options wo; /* the table's target_file_size option */
	lh_lake_write_options(lake, lh_lake_state(lake), t, &wo);
	size_t n = 0;
	for (size_t i = 0; i < nf; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (!compact_candidate(lake, f, kind, wo.target_file_size, threshold))
			continue;
		c[n++] = (cand){f->id, version_at(versions, t->id, f->begin_snapshot), f->partition_id,
		                f->begin_snapshot, f->file_size_bytes, f};
	}
	qsort(c, n, sizeof *c, cand_cmp);
	lh_i64_vec ids = {0};
	run_vec runs = {0};
	lh_status st = LH_OK;
	for (size_t i = 0; i < n && st == LH_OK && (max_files <= 0 || (int64_t)runs.len < max_files);) {
		/* a run: consecutive candidates of one version and partition, taken while the run
		 * is below the target size; max_files runs at most */
		size_t j = i;
		int64_t size = 0;
		while (j < n && c[j].version == c[i].version && c[j].partition == c[i].partition &&
		       part_cmp(c[j].f, c[i].f) == 0 && (kind != REWRITE_DELETED || j == i) &&
		       (j == i || size < wo.target_file_size)) { /* (as DuckLake: the last may overshoot) */
			size += c[j].size;
			j++;
		}
		if (j - i >= (all ? 1u : 2u)) {
			compact_run run = {ids.len, j - i};
			for (size_t k = i; k < j && st == LH_OK; k++)
				if (LH_VEC_PUSH(&ids, c[k].id) != LH_OK)
					st = nomem(lake);
			if (st == LH_OK && LH_VEC_PUSH(&runs, run) != LH_OK)
				st = nomem(lake);
		}
		i = j > i ? j : i + 1;
	}
	free(c);
	if (st == LH_OK && runs.len > 0) {
		compact_job job = {.table_id = t->id, .kind = kind, .ids = &ids, .runs = &runs,
		                   .rep = rep, .label = label};
		int64_t rows = 0;
		st = lh_txn_run(lake, compact_fn, &job, &rows);
		if (st != LH_OK)
			lh_err_prefix(&lake->err, "compacting '%s': ", label);
	}
	LH_VEC_FREE(&ids);
	LH_VEC_FREE(&runs);
	return st;
}

/* Runs fn on each table of `ids` still there, in the state as each previous run left it
 * (each run commits), with its label schema.table. */
typedef lh_status (*table_fn)(lh_lake *lake, const lh_table *t, const char *label, void *ctx);

static lh_status each_table(lh_lake *lake, const lh_i64_vec *ids, table_fn fn, void *ctx)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < ids->len; i++) {
		const lh_state *s = lake->committed;
		ptrdiff_t ti = lh_state_table_index_by_id(s, ids->items[i]);
		if (ti < 0)
			continue;
		const lh_table *t = s->tables.items[ti];
		const lh_schema *sc = lh_state_schema_by_id(s, t->schema_id);
		char *label = lh_asprintf("%s.%s", sc ? sc->name : "?", t->name);
		st = label ? fn(lake, t, label, ctx) : nomem(lake);
		free(label);
	}
	return st;
}

typedef struct compact_ctx {
	const lh_rows *versions;
	int64_t max_files;
	compact_kind kind;
	double threshold; /* REWRITE_DELETED: -1 for the table's rewrite_delete_threshold */
	report *rep;
} compact_ctx;

static lh_status compact_one(lh_lake *lake, const lh_table *t, const char *label, void *ctx)
{
	compact_ctx *cc = ctx;
	double threshold = cc->threshold;
	if (threshold < 0) {
		const char *v = lh_state_option(lh_lake_state(lake), t, "rewrite_delete_threshold");
		threshold = v ? strtod(v, NULL) : 0.95;
	}
	return compact_table(lake, t, label, cc->versions, cc->max_files, cc->kind, threshold,
	                     cc->rep);
}

static lh_status flush_one(lh_lake *lake, const lh_table *t, const char *label, void *ctx)
{
	return flush_table(lake, t, label, ctx);
}

/* The lake options compaction_schema and compaction_table: what flush, merge and rewrite
 * work on when called without a schema or table ('' or unset: no default). */
static void compaction_defaults(lh_lake *lake, const char **schema, const char **table)
{
	const lh_state *s = lh_lake_state(lake);
	const char *sc = lh_state_option(s, NULL, "compaction_schema");
	const char *t = lh_state_option(s, NULL, "compaction_table");
	*schema = sc && *sc ? sc : NULL;
	*table = t && *t ? t : NULL;
}

/* ducklake_merge_adjacent_files(lake [, table] [, schema =>] [, max_compacted_files =>]),
 * ducklake_rewrite_data_files(lake [, table] [, schema =>] [, delete_threshold =>]), and
 * lakehouse_compact, which runs the rewrite, then the merge (any parameter of both). */
static lh_status compact_fn_call(lh_lake *lake, const lh_fn_args *a, const char *name,
                                 const char *fn)
{
	static const char *const merge_names[] = {"schema", "max_compacted_files", NULL};
	static const char *const rewrite_names[] = {"schema", "delete_threshold", NULL};
	static const char *const both_names[] = {"schema", "max_compacted_files", "delete_threshold",
	                                         NULL};
	bool merge = lh_strieq(fn, "ducklake_merge_adjacent_files");
	bool rewrite = lh_strieq(fn, "ducklake_rewrite_data_files");
	lh_status st = check_names(lake, fn, a, merge ? merge_names : rewrite ? rewrite_names : both_names);
	if (st != LH_OK)
		return st;
	const char *table = a->n > 1 && !a->names[1] ? a->values[1] : NULL;
	const char *schema = named(a, "schema");
	if (!table && !schema)
		compaction_defaults(lake, &schema, &table);
	int64_t max_files = 0; /* merged files made, at most (0: no limit) */
	const char *mf = named(a, "max_compacted_files");
	if (mf && (!*mf || lh_strieq(mf, "NULL")))
		return lh_lake_fail(lake, LH_ERR_INVALID, "%s: The max_compacted_files option must be a "
		                    "non-null integer", fn);
	if (mf && !lh_parse_int64(mf, &max_files))
		return lh_lake_fail(lake, LH_ERR_TYPE, "%s: max_compacted_files => '%s' is not a number",
		                    fn, mf);
	if (mf && max_files < 0)
		return lh_lake_fail(lake, LH_ERR_TYPE, "%s: max_compacted_files => %lld: Type INT32 with "
		                    "value %lld can't be cast to a count of files (1 or more)",
		                    fn, (long long)max_files, (long long)max_files);
	if (mf && max_files == 0)
		return lh_lake_fail(lake, LH_ERR_INVALID, "%s: The max_compacted_files option must be "
		                    "greater than zero.", fn);
	double threshold = -1;
	const char *dt = named(a, "delete_threshold");
	char *end = NULL;
	if (dt && (threshold = strtod(dt, &end), end == dt || *end || threshold < 0 || threshold > 1))
		return lh_lake_fail(lake, LH_ERR_TYPE,
		                    "%s: delete_threshold => '%s' is not a share between 0 and 1", fn, dt);
	if ((st = lh_lake_refresh(lake)) != LH_OK)
		return st;
	lh_state *s = lake->committed;
	ptrdiff_t only = -1;
	if (table) {
		lh_qname q = {.schema = (char *)schema, .name = (char *)table};
		if (!schema && lh_parse_qname(table, &q) != LH_OK)
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "%s: '%s' is not a table name", fn, table);
		st = lh_resolve_table(lake, s, &q, &only);
		if (!schema)
			lh_qname_free(&q);
		if (st != LH_OK)
			return st;
	}
	lh_rows *versions = NULL;
	st = schema_versions(lake, &versions);
	report rep = {.lake = lake, .name = name};
	lh_buf_init(&rep.rows, 0);
	/* tables by id: the state changes with each commit */
	lh_i64_vec todo = {0};
	for (size_t i = 0; st == LH_OK && i < s->tables.len; i++) {
		const lh_table *t = s->tables.items[i];
		const lh_schema *sc = lh_state_schema_by_id(s, t->schema_id);
		if ((only >= 0 && (size_t)only != i) || (schema && !table && sc && !lh_strieq(sc->name, schema)))
			continue;
		if (LH_VEC_PUSH(&todo, t->id) != LH_OK)
			st = nomem(lake);
	}
	compact_ctx cc = {versions, max_files, REWRITE_DELETED, threshold, &rep};
	if (st == LH_OK && !merge)
		st = each_table(lake, &todo, compact_one, &cc);
	cc.kind = MERGE_ADJACENT;
	/* the merge starts from what the rewrite committed (even when the state could not
	 * catch up right after its commit) */
	if (st == LH_OK && !merge && !rewrite)
		st = lh_lake_refresh(lake);
	if (st == LH_OK && !rewrite)
		st = each_table(lake, &todo, compact_one, &cc);
	LH_VEC_FREE(&todo);
	lh_rows_free(&versions);
	if (st != LH_OK) {
		lh_buf_free(&rep.rows);
		return st;
	}
	return report_write(&rep);
}

/* lakehouse_optimize('lake', 'table', layout => 'random-access'): rewrites every data file
 * of the table in the layout egress/pqread.c reads by row, as a compaction (row ids and
 * rows unchanged, no change in the feed; old files go with their snapshots). */
static lh_status optimize_fn(lh_lake *lake, const lh_fn_args *a, const char *name)
{
	static const char *const allowed[] = {"layout", NULL};
	const char *fn = "lakehouse_optimize";
	lh_status st = check_names(lake, fn, a, allowed);
	if (st != LH_OK)
		return st;
	const char *table = a->n > 1 && !a->names[1] ? a->values[1] : NULL;
	const char *layout = named(a, "layout");
	if (!table)
		return lh_lake_fail(lake, LH_ERR_INVALID, "%s: which table? %s('lake', 'schema.table', "
		                    "layout => 'random-access')", fn, fn);
	if (!layout || strcmp(layout, "random-access") != 0)
		return lh_lake_fail(lake, LH_ERR_INVALID, "%s: layout => '%s' is not a layout; the one "
		                    "there is: layout => 'random-access'", fn, layout ? layout : "");
	if ((st = lh_lake_refresh(lake)) != LH_OK)
		return st;
	lh_state *s = lake->committed;
	lh_qname q = {0};
	ptrdiff_t ti = -1;
	if (lh_parse_qname(table, &q) != LH_OK)
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "%s: '%s' is not a table name", fn, table);
	else
		st = lh_resolve_table(lake, s, &q, &ti);
	lh_qname_free(&q);
	if (st != LH_OK)
		return st;
	lh_rows *versions = NULL;
	st = schema_versions(lake, &versions);
	report rep = {.lake = lake, .name = name};
	lh_buf_init(&rep.rows, 0);
	const lh_table *t = s->tables.items[ti];
	const lh_schema *sc = lh_state_schema_by_id(s, t->schema_id);
	char *label = lh_asprintf("%s.%s", sc ? sc->name : "?", t->name);
	if (st == LH_OK && !label)
		st = nomem(lake);
	lake->write_random_access = true;
	if (st == LH_OK)
		st = compact_table(lake, t, label, versions, 0, REWRITE_ALL, 0, &rep);
	lake->write_random_access = false;
	free(label);
	lh_rows_free(&versions);
	if (st != LH_OK) {
		lh_buf_free(&rep.rows);
		return st;
	}
	return report_write(&rep);
}

/* --- expiring snapshots ----------------------------------------------------------------- */

static lh_status parse_versions(lh_lake *lake, const char *text, lh_i64_vec *out)
{
	/* "[1, 2, 3]" as DuckDB renders a list */
	const char *p = text;
	while (*p == ' ' || *p == '[')
		p++;
	while (*p && *p != ']') {
		char *end;
		long long v = strtoll(p, &end, 10);
		if (end == p)
			return lh_lake_fail(lake, LH_ERR_TYPE,
			                    "ducklake_expire_snapshots: versions => %s is not a list of "
			                    "snapshot ids",
			                    text);
		if (LH_VEC_PUSH(out, (int64_t)v) != LH_OK)
			return nomem(lake);
		p = end;
		while (*p == ' ' || *p == ',')
			p++;
	}
	return LH_OK;
}

/* now - <interval option> in microseconds (DuckLake's expire_older_than /
 * delete_older_than, e.g. '1 week'). */
static lh_status option_cutoff(lh_lake *lake, const char *fn, const char *option, bool *found,
                               int64_t *out)
{
	const char *v = lh_state_option(lh_lake_state(lake), NULL, option);
	if (v && !*v)
		v = NULL; /* set to '': no bound */
	*found = v != NULL;
	if (!v)
		return LH_OK;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "epoch_us(now() - CAST(");
	lh_buf_sql_str(&b, v);
	lh_buf_puts(&b, " AS INTERVAL))");
	char *us = NULL;
	lh_status st = b.status == LH_OK ? lh_eval_text(lake, lh_buf_str(&b), &us) : nomem(lake);
	lh_buf_free(&b);
	if (st == LH_OK && (!us || !lh_parse_int64(us, out)))
		st = lh_lake_fail(lake, LH_ERR_CORRUPT, "%s: option %s is not an interval ('%s')", fn,
		                  option, v);
	free(us);
	return st;
}

static lh_status expire_snapshots(lh_lake *lake, const lh_fn_args *a, const char *name)
{
	static const char *const allowed[] = {"older_than", "versions", "keep_last", "dry_run", NULL};
	const char *fn = "ducklake_expire_snapshots";
	lh_status st = check_names(lake, fn, a, allowed);
	if (st != LH_OK)
		return st;
	const char *older = named(a, "older_than"), *versions = named(a, "versions");
	const char *keep = named(a, "keep_last");
	bool dry_run = truthy(named(a, "dry_run"));
	int64_t cutoff = 0, keep_n = -1;
	bool by_option = false;
	if (!older && !versions && !keep &&
	    (st = option_cutoff(lake, fn, "expire_older_than", &by_option, &cutoff)) != LH_OK)
		return st;
	if (!older && !versions && !keep && !by_option)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "%s needs older_than => <timestamp>, keep_last => <n> or versions => "
		                    "[ids] (or the lake option expire_older_than)",
		                    fn);
	lh_i64_vec listed = {0};
	if (older && (st = time_arg(lake, fn, "older_than", older, &cutoff)) != LH_OK)
		return st;
	if (keep && (!lh_parse_int64(keep, &keep_n) || keep_n < 1))
		return lh_lake_fail(lake, LH_ERR_TYPE, "%s: keep_last => %s must be a number >= 1", fn,
		                    keep);
	if (versions && (st = parse_versions(lake, versions, &listed)) != LH_OK) {
		LH_VEC_FREE(&listed);
		return st;
	}
	/* tagged snapshots are kept (a tag protects its snapshot) */
	lh_rows *tags = NULL;
	if ((st = lh_catalog_tags(lake->cat, &tags, &lake->err)) != LH_OK) {
		LH_VEC_FREE(&listed);
		return st;
	}
	lh_rows *snaps = NULL;
	st = lh_catalog_snapshots(lake->cat, &snaps, &lake->err);
	lh_i64_vec chosen = {0};
	size_t total = st == LH_OK ? snaps->nrows : 0;
	report rep = {.lake = lake, .name = name};
	lh_buf_init(&rep.rows, 0);
	for (size_t r = 0; st == LH_OK && r + 1 < total; r++) { /* never the latest */
		int64_t id = lh_rows_int(snaps, r, 0, -1), t = 0;
		bool pick = false;
		if ((older || by_option) && lh_parse_timestamptz(lh_rows_get(snaps, r, 1), &t) && t < cutoff)
			pick = true;
		if (keep_n > 0 && (int64_t)(total - r) > keep_n)
			pick = true;
		bool asked = false;
		for (size_t k = 0; k < listed.len; k++)
			asked |= listed.items[k] == id;
		pick |= asked;
		const char *tag = NULL;
		for (size_t k = 0; pick && k < tags->nrows && !tag; k++)
			if (lh_rows_int(tags, k, 1, -1) == id)
				tag = lh_rows_get(tags, k, 0);
		if (tag && asked)
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "%s: snapshot %lld is tagged '%s' and is kept while the tag "
			                  "exists (`lakehouse tag delete %s` first)",
			                  fn, (long long)id, tag, tag);
		if (!pick || tag)
			continue;
		if (LH_VEC_PUSH(&chosen, id) != LH_OK)
			st = nomem(lake);
		report_add(&rep, dry_run ? "would_expire_snapshot" : "expired_snapshot",
		           lh_rows_get(snaps, r, 0), -1);
	}
	int64_t latest = total ? lh_rows_int(snaps, total - 1, 0, -1) : -1;
	for (size_t k = 0; st == LH_OK && k < listed.len; k++)
		if (listed.items[k] == latest)
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "%s: snapshot %lld is the latest and cannot be expired", fn,
			                  (long long)latest);
	lh_rows_free(&snaps);
	lh_rows_free(&tags);
	LH_VEC_FREE(&listed);
	char now[40];
	lh_now_timestamptz(now);
	lh_rows *data = NULL, *dels = NULL;
	if (st == LH_OK)
		st = lh_catalog_expire(lake->cat, chosen.items, chosen.len, now, dry_run, &data, &dels,
		                       &lake->err);
	for (int k = 0; st == LH_OK && k < 2; k++) {
		const lh_rows *rows = k == 0 ? data : dels;
		for (size_t r = 0; r < rows->nrows; r++) {
			bool rel = lh_rows_bool(rows, r, 2, false);
			char *p = rel ? lh_path_join(lake->data_path, lh_rows_get(rows, r, 1))
			              : lh_strdup(lh_rows_get(rows, r, 1));
			report_add(&rep, dry_run ? "would_release_file" : "released_file", p ? p : "",
			           lh_rows_int(rows, r, 3, -1));
			free(p);
		}
	}
	lh_rows_free(&data);
	lh_rows_free(&dels);
	LH_VEC_FREE(&chosen);
	if (st == LH_OK && !dry_run) /* states of expired snapshots must not be read any more */
		lh_lake_forget_past(lake);
	if (st != LH_OK) {
		lh_buf_free(&rep.rows);
		return st;
	}
	return report_write(&rep);
}

/* --- removing files ------------------------------------------------------------------------ */

/* One spelling per location: no repeated '/', no "/./" (after the scheme of a URI). */
static char *canonical(const char *path)
{
	const char *scheme = strstr(path, "://");
	size_t keep = scheme ? (size_t)(scheme - path) + 3 : 0;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_append(&b, path, keep);
	for (const char *p = path + keep; *p; p++) {
		if (*p == '/' && (p[1] == '/' || (p[1] == '.' && (p[2] == '/' || !p[2]))))
			continue;
		lh_buf_putc(&b, *p);
	}
	return lh_buf_steal(&b);
}


static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const lh_store_entry *)a)->path, ((const lh_store_entry *)b)->path);
}

static bool contains(const lh_str_vec *sorted, const char *p)
{
	return sorted->len &&
	       bsearch(&p, sorted->items, sorted->len, sizeof(char *), str_cmp) != NULL;
}

/* The canonical full path of a (path, is_relative) pair. */
static char *full_path(lh_lake *lake, const char *path, bool relative)
{
	char *joined = relative ? lh_path_join(lake->data_path, path) : lh_strdup(path);
	char *c = joined ? canonical(joined) : NULL;
	free(joined);
	return c;
}

typedef struct cleanup_ctx {
	lh_str_vec refs;     /* every path a file row references, sorted */
	lh_str_vec queued;   /* every path in the deletion queue, sorted */
	lh_store_entries listing; /* the data path, canonical paths, sorted */
	lh_str_vec table_dirs; /* each table's folder, canonical, ending in '/' */
	lh_str_vec versions;   /* artifact version folders to keep, canonical, ending in '/' */
} cleanup_ctx;

static void cleanup_ctx_free(cleanup_ctx *c)
{
	lh_str_vec_free(&c->refs);
	lh_str_vec_free(&c->queued);
	lh_str_vec_free(&c->table_dirs);
	lh_str_vec_free(&c->versions);
	lh_store_entries_free(&c->listing);
}

/* An upload claimed longer ago than this is taken as dead: cleanup may remove its folder. */
#define LIVE_UPLOAD_US (24LL * 3600 * 1000000)

/* Whether p lies in an artifact folder (datasets/ or checkpoints/ under the data path
 * root, canonical and ending in '/'). */
static bool in_artifacts(const char *root, const char *p)
{
	if (!lh_str_starts_with(p, root))
		return false;
	p += strlen(root);
	return lh_str_starts_with(p, "datasets/") || lh_str_starts_with(p, "checkpoints/");
}

/* Whether p lies in a folder of dirs (each ending in '/'). */
static bool in_any(const lh_str_vec *dirs, const char *p)
{
	for (size_t i = 0; i < dirs->len; i++)
		if (lh_str_starts_with(p, dirs->items[i]))
			return true;
	return false;
}

/* Whether p lies in a table's folder. */
static bool in_table_dir(const cleanup_ctx *c, const char *p)
{
	return in_any(&c->table_dirs, p);
}

static lh_status collect(lh_lake *lake, cleanup_ctx *c, lh_rows **queue)
{
	lh_rows *refs = NULL;
	lh_status st = lh_catalog_file_refs(lake->cat, &refs, &lake->err);
	for (size_t r = 0; st == LH_OK && r < refs->nrows; r++) {
		char *p = full_path(lake, lh_rows_get(refs, r, 0), lh_rows_bool(refs, r, 1, false));
		if (!p || LH_VEC_PUSH(&c->refs, p) != LH_OK) {
			free(p);
			st = nomem(lake);
		}
	}
	lh_rows_free(&refs);
	if (st == LH_OK)
		st = lh_catalog_scheduled(lake->cat, queue, &lake->err);
	for (size_t r = 0; st == LH_OK && r < (*queue)->nrows; r++) {
		char *p = full_path(lake, lh_rows_get(*queue, r, 1), lh_rows_bool(*queue, r, 2, false));
		if (!p || LH_VEC_PUSH(&c->queued, p) != LH_OK) {
			free(p);
			st = nomem(lake);
		}
	}
	const lh_state *state = lake->committed;
	for (size_t i = 0; st == LH_OK && state && i < state->tables.len; i++) {
		char *dir = lh_table_full_path(state, state->tables.items[i]);
		char *p = dir ? canonical(dir) : NULL;
		char *slashed = p ? lh_asprintf("%s%s", p, lh_str_ends_with(p, "/") ? "" : "/") : NULL;
		free(dir);
		free(p);
		if (!slashed || LH_VEC_PUSH(&c->table_dirs, slashed) != LH_OK) {
			free(slashed);
			st = nomem(lake);
		}
	}
	/* artifact folders (registry/versions.c) of committed versions, and of uploads that
	 * may still be running (claimed in the last day) */
	lh_rows *live = NULL;
	if (st == LH_OK)
		st = lh_catalog_versions_live(lake->cat, LH_ARTIFACT_VERSIONS_TABLE,
		                              lh_now_us() - LIVE_UPLOAD_US, &live, &lake->err);
	for (size_t r = 0; st == LH_OK && r < live->nrows; r++) {
		const char *kind = lh_rows_get(live, r, 0);
		char *rel = lh_asprintf("%s/%s/v%s", kind && !strcmp(kind, "checkpoint") ? "checkpoints"
		                                                                           : "datasets",
		                        lh_rows_get(live, r, 1), lh_rows_get(live, r, 2));
		char *p = rel ? full_path(lake, rel, true) : NULL;
		char *slashed = p ? lh_asprintf("%s/", p) : NULL; /* v1/, not v10 */
		free(rel);
		free(p);
		if (!slashed || LH_VEC_PUSH(&c->versions, slashed) != LH_OK) {
			free(slashed);
			st = nomem(lake);
		}
	}
	lh_rows_free(&live);
	if (st == LH_OK)
		st = lake->store->ops->list(lake->store, lake->data_path, &c->listing, &lake->err);
	for (size_t i = 0; st == LH_OK && i < c->listing.len; i++) {
		char *p = canonical(c->listing.items[i].path);
		if (!p)
			return nomem(lake);
		free(c->listing.items[i].path);
		c->listing.items[i].path = p;
	}
	lh_str_vec *sets[2] = {&c->refs, &c->queued};
	for (int k = 0; st == LH_OK && k < 2; k++)
		if (sets[k]->len > 1)
			qsort(sets[k]->items, sets[k]->len, sizeof(char *), str_cmp);
	if (st == LH_OK && c->listing.len > 1)
		qsort(c->listing.items, c->listing.len, sizeof *c->listing.items, entry_cmp);
	return st;
}

/* The listed object at canonical path p, or NULL. */
static const lh_store_entry *listed_entry(const cleanup_ctx *c, const char *p)
{
	lh_store_entry key = {.path = (char *)p};
	return c->listing.len ? bsearch(&key, c->listing.items, c->listing.len,
	                                sizeof *c->listing.items, entry_cmp)
	                      : NULL;
}

typedef struct cleanup_opts {
	int64_t cutoff_us; /* files older than this go */
	bool dry_run;
	bool scheduled;    /* the deletion queue */
	bool orphans;      /* unreferenced files */
} cleanup_opts;

static lh_status cleanup(lh_lake *lake, const cleanup_opts *o, report *rep)
{
	cleanup_ctx c = {0};
	lh_rows *queue = NULL;
	lh_status st = collect(lake, &c, &queue);
	lh_str_vec doomed = {0};
	bool *unqueue = st == LH_OK ? calloc(queue->nrows + 1, sizeof *unqueue) : NULL;
	if (st == LH_OK && !unqueue)
		st = nomem(lake);
	/* 1. the deletion queue */
	for (size_t r = 0; st == LH_OK && o->scheduled && r < queue->nrows; r++) {
		int64_t when = 0;
		if (!lh_parse_timestamptz(lh_rows_get(queue, r, 3), &when) || when > o->cutoff_us)
			continue;
		char *p = full_path(lake, lh_rows_get(queue, r, 1), lh_rows_bool(queue, r, 2, false));
		if (!p) {
			st = nomem(lake);
			break;
		}
		unqueue[r] = true;
		const lh_store_entry *e = listed_entry(&c, p);
		/* another row may still use the same file (a rollback re-registers old files) */
		if (!e || contains(&c.refs, p)) {
			free(p);
			continue;
		}
		report_add(rep, o->dry_run ? "would_remove" : "removed", p, e->size);
		if (LH_VEC_PUSH(&doomed, p) != LH_OK) {
			free(p);
			st = nomem(lake);
		}
	}
	/* 2. orphans */
	char *root = canonical(lake->data_path);
	char *root_slash = root ? lh_asprintf("%s%s", root, lh_str_ends_with(root, "/") ? "" : "/") : NULL;
	if (st == LH_OK && (!root || !root_slash))
		st = nomem(lake);
	if (st == LH_OK && o->orphans) {
		for (size_t i = 0; i < c.refs.len; i++) {
			const char *p = c.refs.items[i];
			if (lh_str_starts_with(p, root) && !listed_entry(&c, p)) {
				st = lh_lake_fail(lake, LH_ERR_CORRUPT,
				                  "the catalog references '%s', which the data path does not "
				                  "hold; no orphan was removed (the listing and the catalog "
				                  "disagree, so nothing can be judged unreferenced)",
				                  p);
				break;
			}
		}
	}
	for (size_t i = 0; st == LH_OK && o->orphans && i < c.listing.len; i++) {
		const lh_store_entry *e = &c.listing.items[i];
		const char *base = strrchr(e->path, '/');
		/* an artifact folder's objects: kept while its version exists or its upload may
		 * still run; the rest is what failed or dead uploads left */
		bool artifact = in_artifacts(root_slash, e->path);
		if (artifact && (e->mtime_us > o->cutoff_us || in_any(&c.versions, e->path)))
			continue;
		/* names the lake gives its data files, and any Parquet file in a table's folder
		 * (as DuckLake counts them); never landing/ and assets/ objects (ingest), which
		 * table rows reference, not the catalog */
		if (!artifact &&
		    ((!lh_str_starts_with(base ? base + 1 : e->path, "ducklake-") &&
		      !in_table_dir(&c, e->path)) ||
		     !lh_str_ends_with(e->path, ".parquet") || e->mtime_us > o->cutoff_us ||
		     contains(&c.refs, e->path) || contains(&c.queued, e->path)))
			continue;
		char *p = lh_strdup(e->path);
		report_add(rep, o->dry_run ? "would_remove_orphan" : "removed_orphan", e->path, e->size);
		if (!p || LH_VEC_PUSH(&doomed, p) != LH_OK) {
			free(p);
			st = nomem(lake);
		}
	}
	/* 3. what dead writers left in local staging folders outside the data path */
	if (st == LH_OK && o->orphans) {
		lh_store_entries dead = {0};
		st = lake->store->ops->sweep_staging(lake->store, o->cutoff_us, o->dry_run, &dead,
		                                     &lake->err);
		for (size_t i = 0; st == LH_OK && i < dead.len; i++)
			report_add(rep, o->dry_run ? "would_remove_orphan" : "removed_orphan",
			           dead.items[i].path, dead.items[i].size);
		lh_store_entries_free(&dead);
	}
	if (st == LH_OK && !o->dry_run && doomed.len)
		st = lake->store->ops->remove_many(lake->store, doomed.items, doomed.len, &lake->err);
	if (st == LH_OK && !o->dry_run && o->scheduled && queue->nrows)
		st = lh_catalog_unschedule(lake->cat, queue, unqueue, &lake->err);
	lh_str_vec_free(&doomed);
	free(root);
	free(root_slash);
	free(unqueue);
	lh_rows_free(&queue);
	cleanup_ctx_free(&c);
	return st;
}

static lh_status cleanup_fn(lh_lake *lake, const char *fn, const lh_fn_args *a, bool scheduled,
                            const char *name)
{
	static const char *const allowed[] = {"older_than", "cleanup_all", "dry_run", NULL};
	lh_status st = check_names(lake, fn, a, allowed);
	if (st != LH_OK)
		return st;
	cleanup_opts o = {.dry_run = truthy(named(a, "dry_run")),
	                  .scheduled = scheduled,
	                  .orphans = !scheduled,
	                  .cutoff_us = now_us() - DEFAULT_CLEANUP_AGE_US};
	const char *older = named(a, "older_than");
	if (older && (st = time_arg(lake, fn, "older_than", older, &o.cutoff_us)) != LH_OK)
		return st;
	bool by_option = false;
	int64_t cutoff = 0;
	if (!older && (st = option_cutoff(lake, fn, "delete_older_than", &by_option, &cutoff)) != LH_OK)
		return st;
	if (by_option)
		o.cutoff_us = cutoff;
	if (truthy(named(a, "cleanup_all")))
		o.cutoff_us = INT64_MAX;
	/* every row is a file: DuckLake calls the column path */
	report rep = {.lake = lake, .name = name, .object = "path"};
	lh_buf_init(&rep.rows, 0);
	st = cleanup(lake, &o, &rep);
	if (st != LH_OK) {
		lh_buf_free(&rep.rows);
		return st;
	}
	return report_write(&rep);
}

/* ducklake_flush_inlined_data('lake' [, schema_name => s] [, table_name => t]): the rows
 * each table keeps inline into a data file, one commit per table. */
static lh_status flush_inlined_data(lh_lake *lake, const lh_fn_args *a, const char *name)
{
	static const char *const allowed[] = {"schema_name", "table_name", NULL};
	lh_status st = check_names(lake, "ducklake_flush_inlined_data", a, allowed);
	if (st == LH_OK)
		st = lh_lake_refresh(lake);
	if (st != LH_OK)
		return st;
	const char *schema = named(a, "schema_name"), *table = named(a, "table_name");
	if (!table && !schema)
		compaction_defaults(lake, &schema, &table);
	report rep = {.lake = lake, .name = name};
	lh_buf_init(&rep.rows, 0);
	lh_i64_vec todo = {0};
	const lh_state *s = lake->committed;
	/* a table named without its schema is the default schema's, as in any statement */
	ptrdiff_t only = -1;
	if (table) {
		lh_qname q = {.schema = (char *)schema, .name = (char *)table};
		if (lh_resolve_table(lake, s, &q, &only) != LH_OK)
			only = -2;
		lh_err_clear(&lake->err);
	}
	bool found = !table && !schema;
	for (size_t i = 0; st == LH_OK && i < s->tables.len; i++) {
		const lh_table *t = s->tables.items[i];
		const lh_schema *sc = lh_state_schema_by_id(s, t->schema_id);
		if ((table && (size_t)only != i) ||
		    (!table && schema && (!sc || !lh_strieq(sc->name, schema))))
			continue;
		found = true;
		if (t->inlined && LH_VEC_PUSH(&todo, t->id) != LH_OK)
			st = nomem(lake);
	}
	if (st == LH_OK && !found)
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                  "ducklake_flush_inlined_data: no table '%s%s%s' in the lake",
		                  schema ? schema : "", schema && table ? "." : "", table ? table : "");
	if (st == LH_OK)
		st = each_table(lake, &todo, flush_one, &rep);
	LH_VEC_FREE(&todo);
	if (st != LH_OK) {
		lh_buf_free(&rep.rows);
		return st;
	}
	return report_write(&rep);
}

/* --- dispatch ------------------------------------------------------------------------------ */

bool lh_maint_is_function(const char *fn)
{
	return lh_strieq(fn, "ducklake_merge_adjacent_files") || lh_strieq(fn, "lakehouse_optimize") ||
	       lh_strieq(fn, "ducklake_rewrite_data_files") || lh_strieq(fn, "lakehouse_compact") ||
	       lh_strieq(fn, "ducklake_expire_snapshots") ||
	       lh_strieq(fn, "ducklake_cleanup_old_files") ||
	       lh_strieq(fn, "ducklake_delete_orphaned_files") ||
	       lh_strieq(fn, "ducklake_flush_inlined_data");
}

static lh_status maint_run(lh_lake *lake, const char *fn, const lh_fn_args *args,
                           const char *name);

lh_status lh_maint_function(lh_lake *lake, const char *fn, const lh_fn_args *args,
                            const char *name)
{
	/* a merge, rewrite or flush is a change like others: it may be what a transaction
	 * does (it commits with it), but no more, since its commit deletes or ends files */
	bool transactional = lh_strieq(fn, "ducklake_merge_adjacent_files") ||
	                     lh_strieq(fn, "ducklake_rewrite_data_files") ||
	                     lh_strieq(fn, "lakehouse_compact") ||
	                     lh_strieq(fn, "ducklake_flush_inlined_data");
	if (lake->txn_open && (!transactional || lake->txn_wrote || lake->txn_maint))
		return lh_lake_fail(lake, LH_ERR_TXN,
		                    "%s cannot run inside a transaction%s: COMMIT or ROLLBACK first", fn,
		                    transactional ? " that changed the lake already" : "");
	lake->in_maint = lh_strieq(fn, "ducklake_flush_inlined_data") ? "ducklake_flush_inlined_data"
	                                                              : "a compaction";
	lh_status st = maint_run(lake, fn, args, name);
	lake->in_maint = NULL;
	return st;
}

static lh_status maint_run(lh_lake *lake, const char *fn, const lh_fn_args *args,
                           const char *name)
{
	if (lh_strieq(fn, "ducklake_merge_adjacent_files") || lh_strieq(fn, "ducklake_rewrite_data_files") ||
	    lh_strieq(fn, "lakehouse_compact"))
		return compact_fn_call(lake, args, name, fn);
	if (lh_strieq(fn, "lakehouse_optimize"))
		return optimize_fn(lake, args, name);
	if (lh_strieq(fn, "ducklake_expire_snapshots"))
		return expire_snapshots(lake, args, name);
	if (lh_strieq(fn, "ducklake_cleanup_old_files"))
		return cleanup_fn(lake, fn, args, true, name);
	if (lh_strieq(fn, "ducklake_flush_inlined_data"))
		return flush_inlined_data(lake, args, name);
	return cleanup_fn(lake, fn, args, false, name);
}
