/*
 * catalog/commit.c - one transaction becomes one snapshot.
 *
 * Layer: catalog. Never writes files: every data and delete file a commit refers to
 * exists before lh_catalog_commit is called.
 *
 * THE COMMIT PROTOCOL
 *
 *   A transaction pins the state S0 it started from (`base`) and changes a copy of it
 *   (`txn`). Commit writes the difference as one snapshot:
 *
 *   1. Diff base against txn (plan_build): schemas and tables created (negative ids),
 *      dropped (in base only), renamed, altered (columns with begin_snapshot -1 or
 *      missing), data files added (negative ids), retired (missing), delete files
 *      replaced (del_changed).
 *   2. Open a write transaction on the catalog (SQLite: BEGIN IMMEDIATE) and read the
 *      latest snapshot L. If L != S0, read the changes_made of (S0, L] and apply
 *      DuckLake's conflict rules (check_conflicts); a conflict aborts with
 *      LH_ERR_CONFLICT and changes nothing.
 *   3. Allocate ids from L's counters: next_catalog_id for schemas and tables,
 *      next_file_id for data files then delete files; the new snapshot is L + 1. Row ids
 *      come from ducklake_table_stats.next_row_id, read inside the same transaction.
 *   4. Write every row, the snapshot, its changes_made and (for DDL) a
 *      ducklake_schema_versions row, then COMMIT.
 *   5. A busy catalog or a snapshot-id clash (LH_ERR_BUSY / LH_ERR_CONFLICT from the
 *      backend, classified by error code) rolls back, sleeps with jittered exponential
 *      backoff and goes back to 2. Ids are reallocated on every attempt.
 *
 *   Invariants: a snapshot is written completely or not at all; snapshot ids only grow;
 *   nothing is ever updated except end_snapshot of rows that stop being current, and the
 *   non-versioned table stats. A transaction that changes nothing (no row would differ)
 *   makes no snapshot: *out_snapshot = -1.
 *
 *   The rule every caller is held to: AFTER AN ERROR NOTHING CHANGED; AFTER SUCCESS IT
 *   IS DURABLE. The COMMIT of step 4 is the point of no return. lh_catalog_commit
 *   reports an error only when that COMMIT did not happen (the catalog rolled back), and
 *   then its caller removes the files it wrote. Once it returns LH_OK, nothing the caller
 *   does afterwards may report the commit as failed or remove an object the snapshot
 *   references: lake/txn.c (lh_txn_commit) marks its cached state stale when its refresh
 *   fails and still returns the snapshot id; lake/exec.c hands a committed statement a
 *   result made before it ran; ingest/hf_pull.c and ingest/video.c remove the objects of
 *   a run only when its commit did not happen. The fault build checks this with
 *   LH_FAULT=after_commit:1 (tests/cli/test_commit.py).
 */
#include "catalog/catalog.h"
#include "catalog/inlined.h"
#include "catalog/jobs.h"
#include "catalog/options.h"
#include "catalog/stats.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --------------------------------------------------------------------------------
 * The plan
 * ------------------------------------------------------------------------------ */

/* A table's files sorted by id: a table can have tens of thousands of files, and the
 * plan looks each one up in the other version of the table. */
typedef struct file_index {
	const lh_data_file **items;
	size_t len;
} file_index;

typedef struct table_diff {
	const lh_table *base; /* NULL: created by the transaction */
	const lh_table *txn;  /* NULL: dropped */
	file_index base_files, txn_files;
	bool renamed;
	bool altered;
	bool inserted; /* new data file rows */
	bool deleted;  /* retired files or new delete files */
	bool compacted; /* the new files hold the retired files' rows (compaction) */
	bool commented; /* the table's or a column's comment changed (tags) */
	bool partitioned; /* SET/RESET PARTITIONED BY: a new partition spec */
	bool inl_inserted; /* rows inlined in the catalog */
	bool inl_deleted;  /* inlined rows deleted (or all flushed into a file) */
} table_diff;

typedef struct plan {
	LH_VEC(const lh_schema *) new_schemas;
	LH_VEC(const lh_schema *) dropped_schemas;
	LH_VEC(table_diff) tables;
	LH_VEC(const lh_view_def *) new_views;
	LH_VEC(const lh_view_def *) dropped_views;
	LH_VEC(const lh_view_def *) commented_views; /* the txn's view */
	bool ddl;
} plan;

typedef struct id_map {
	lh_i64_vec local;
	lh_i64_vec real;
} id_map;

static void plan_free(plan *p)
{
	LH_VEC_FREE(&p->new_schemas);
	LH_VEC_FREE(&p->dropped_schemas);
	for (size_t i = 0; i < p->tables.len; i++) {
		free(p->tables.items[i].base_files.items);
		free(p->tables.items[i].txn_files.items);
	}
	LH_VEC_FREE(&p->tables);
	LH_VEC_FREE(&p->new_views);
	LH_VEC_FREE(&p->dropped_views);
	LH_VEC_FREE(&p->commented_views);
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* True when a and b are the same column row. A row the transaction changed
 * (begin_snapshot -1) is the same as the committed row it replaces when nothing in it
 * differs: an ALTER that changes nothing (SET NOT NULL on a NOT NULL column, a default
 * set to the one it has, a rename to the same name) writes no row and no snapshot. */
static bool same_column(const lh_column *a, const lh_column *b)
{
	if (a->id != b->id)
		return false;
	if (a->begin_snapshot >= 0 && b->begin_snapshot >= 0)
		return a->begin_snapshot == b->begin_snapshot;
	return (a->begin_snapshot >= 0 || b->begin_snapshot >= 0) && a->order == b->order &&
	       a->nulls_allowed == b->nulls_allowed && a->parent == b->parent &&
	       same_text(a->name, b->name) && same_text(a->type, b->type) &&
	       same_text(a->initial_default, b->initial_default) &&
	       same_text(a->default_value, b->default_value);
}

static bool column_in(const lh_column *c, const lh_table *t)
{
	for (size_t i = 0; i < t->columns.len; i++)
		if (same_column(c, &t->columns.items[i]))
			return true;
	return false;
}

static int cmp_file_id(const void *a, const void *b)
{
	int64_t x = (*(const lh_data_file *const *)a)->id, y = (*(const lh_data_file *const *)b)->id;
	return x < y ? -1 : x > y;
}

/* Indexes the files of t (NULL: none). */
static lh_status file_index_build(file_index *ix, const lh_table *t)
{
	ix->len = 0;
	ix->items = NULL;
	if (!t || t->files.len == 0)
		return LH_OK;
	if (!(ix->items = malloc(t->files.len * sizeof *ix->items)))
		return LH_ERR_NOMEM;
	for (size_t i = 0; i < t->files.len; i++)
		ix->items[ix->len++] = &t->files.items[i];
	qsort(ix->items, ix->len, sizeof *ix->items, cmp_file_id);
	return LH_OK;
}

static const lh_data_file *file_by_id(const file_index *ix, int64_t id)
{
	size_t lo = 0, hi = ix->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t m = ix->items[mid]->id;
		if (m == id)
			return ix->items[mid];
		if (m < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The comment column c of table b had (NULL: none, or no such column). */
static const char *column_comment(const lh_table *b, int64_t column_id)
{
	for (size_t i = 0; i < b->columns.len; i++)
		if (b->columns.items[i].id == column_id)
			return b->columns.items[i].comment;
	return NULL;
}

static void diff_table(table_diff *d)
{
	const lh_table *b = d->base, *t = d->txn;
	if (!b || !t)
		return;
	d->commented = !same_text(b->comment, t->comment);
	for (size_t i = 0; i < t->columns.len && !d->commented; i++)
		d->commented = !same_text(t->columns.items[i].comment,
		                          column_comment(b, t->columns.items[i].id));
	d->renamed = b->schema_id != t->schema_id || strcmp(b->name, t->name) != 0;
	d->partitioned = t->part_changed;
	d->inl_inserted = t->inl_rows > 0;
	d->inl_deleted = t->inl_deleted.len > 0 || t->inl_flushed;
	for (size_t i = 0; i < b->columns.len && !d->altered; i++)
		d->altered = !column_in(&b->columns.items[i], t);
	for (size_t i = 0; i < t->columns.len && !d->altered; i++)
		d->altered = !column_in(&t->columns.items[i], b);
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (f->id < 0) {
			d->inserted = true;
			d->compacted |= f->compacted;
		} else if (f->del_changed)
			d->deleted = true;
	}
	for (size_t i = 0; i < b->files.len; i++)
		if (!file_by_id(&d->txn_files, b->files.items[i].id))
			d->deleted = true;
}

static lh_status plan_build(const lh_state *base, const lh_state *txn, plan *p)
{
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < txn->schemas.len; i++)
		if (txn->schemas.items[i].id < 0 && LH_VEC_PUSH(&p->new_schemas, &txn->schemas.items[i]))
			return LH_ERR_NOMEM;
	for (size_t i = 0; i < base->schemas.len; i++)
		if (!lh_state_schema_by_id(txn, base->schemas.items[i].id) &&
		    LH_VEC_PUSH(&p->dropped_schemas, &base->schemas.items[i]))
			return LH_ERR_NOMEM;
	for (size_t i = 0; i < base->tables.len; i++) {
		const lh_table *b = base->tables.items[i];
		ptrdiff_t ti = lh_state_table_index_by_id(txn, b->id);
		const lh_table *t = ti >= 0 ? txn->tables.items[ti] : NULL;
		if (t == b)
			continue; /* shared pointer: untouched */
		table_diff d = {.base = b, .txn = t};
		if (file_index_build(&d.base_files, b) != LH_OK ||
		    file_index_build(&d.txn_files, t) != LH_OK || LH_VEC_PUSH(&p->tables, d)) {
			free(d.base_files.items);
			free(d.txn_files.items);
			return LH_ERR_NOMEM;
		}
		diff_table(&p->tables.items[p->tables.len - 1]);
	}
	for (size_t i = 0; i < txn->tables.len; i++) {
		const lh_table *t = txn->tables.items[i];
		if (t->id >= 0)
			continue;
		table_diff d = {.txn = t, .inserted = t->files.len > 0, .partitioned = t->part_changed,
		                .inl_inserted = t->inl_rows > 0};
		if (file_index_build(&d.txn_files, t) != LH_OK || LH_VEC_PUSH(&p->tables, d)) {
			free(d.txn_files.items);
			return LH_ERR_NOMEM;
		}
	}
	for (size_t i = 0; i < base->views.len; i++) {
		const lh_view_def *v = &base->views.items[i];
		const lh_view_def *now = NULL;
		for (size_t k = 0; k < txn->views.len && !now; k++)
			if (txn->views.items[k].id == v->id)
				now = &txn->views.items[k];
		if (!now && LH_VEC_PUSH(&p->dropped_views, v))
			return LH_ERR_NOMEM;
		if (now && !same_text(now->comment, v->comment) && LH_VEC_PUSH(&p->commented_views, now))
			return LH_ERR_NOMEM;
	}
	for (size_t i = 0; i < txn->views.len; i++)
		if (txn->views.items[i].id < 0 && LH_VEC_PUSH(&p->new_views, &txn->views.items[i]))
			return LH_ERR_NOMEM;
	p->ddl = p->new_schemas.len || p->dropped_schemas.len || p->new_views.len ||
	         p->dropped_views.len || p->commented_views.len;
	for (size_t i = 0; i < p->tables.len; i++) {
		table_diff *d = &p->tables.items[i];
		if (!d->base || !d->txn || d->renamed || d->altered || d->commented || d->partitioned)
			p->ddl = true;
	}
	return LH_OK;
}

static bool plan_empty(const plan *p)
{
	if (p->ddl)
		return false;
	for (size_t i = 0; i < p->tables.len; i++)
		if (p->tables.items[i].inserted || p->tables.items[i].deleted ||
		    p->tables.items[i].inl_inserted || p->tables.items[i].inl_deleted)
			return false;
	return true;
}

bool lh_catalog_would_commit(const lh_state *base, const lh_state *txn)
{
	plan p;
	bool changes = plan_build(base, txn, &p) != LH_OK || !plan_empty(&p);
	plan_free(&p);
	return changes;
}

/* --------------------------------------------------------------------------------
 * Conflicts with commits made after the base snapshot
 * ------------------------------------------------------------------------------ */

static const char *schema_name_of(const lh_state *s, int64_t schema_id)
{
	const lh_schema *sc = lh_state_schema_by_id(s, schema_id);
	return sc ? sc->name : "?";
}

static lh_status conflict(lh_err *err, const char *what, const char *schema, const char *name,
                          int64_t snapshot)
{
	return lh_err_set(err, LH_ERR_CONFLICT,
	                  "Transaction conflict, cannot commit: %s '%s%s%s' was changed by a "
	                  "concurrent commit (snapshot %lld); nothing was written, re-run the "
	                  "statement on the new state",
	                  what, schema ? schema : "", schema ? "." : "", name, (long long)snapshot);
}

static lh_status check_change(const lh_state *base, const lh_state *txn, const plan *p,
                              const lh_change *c, int64_t snap, lh_err *err)
{
	for (size_t i = 0; i < p->new_schemas.len; i++) {
		const lh_schema *s = p->new_schemas.items[i];
		if (c->kind == LH_CHANGE_CREATED_SCHEMA && lh_strieq(c->schema, s->name))
			return conflict(err, "schema", NULL, s->name, snap);
	}
	for (size_t i = 0; i < p->dropped_schemas.len; i++) {
		const lh_schema *s = p->dropped_schemas.items[i];
		if ((c->kind == LH_CHANGE_DROPPED_SCHEMA && c->id == s->id) ||
		    ((c->kind == LH_CHANGE_CREATED_TABLE || c->kind == LH_CHANGE_CREATED_VIEW) &&
		     lh_strieq(c->schema, s->name)))
			return conflict(err, "schema", NULL, s->name, snap);
	}
	for (size_t i = 0; i < p->tables.len; i++) {
		const table_diff *d = &p->tables.items[i];
		const lh_table *t = d->txn ? d->txn : d->base;
		const char *sname = schema_name_of(d->txn ? txn : base, t->schema_id);
		if ((!d->base || d->renamed) && d->txn) {
			/* a new name: clashes with the same name created, or its schema dropped */
			const lh_schema *sc = lh_state_schema_by_id(txn, d->txn->schema_id);
			if ((c->kind == LH_CHANGE_CREATED_TABLE || c->kind == LH_CHANGE_CREATED_VIEW) &&
			    lh_strieq(c->schema, sname) && lh_strieq(c->name, d->txn->name))
				return conflict(err, "table", sname, d->txn->name, snap);
			if (c->kind == LH_CHANGE_DROPPED_SCHEMA && sc && c->id == sc->id)
				return conflict(err, "schema", NULL, sname, snap);
		}
		if (!d->base)
			continue;
		bool hit_drop = c->kind == LH_CHANGE_DROPPED_TABLE && c->id == d->base->id;
		bool hit_alter = c->kind == LH_CHANGE_ALTERED_TABLE && c->id == d->base->id;
		bool hit_compact = c->kind == LH_CHANGE_COMPACTED_TABLE && c->id == d->base->id;
		bool changed_structure = !d->txn || d->renamed || d->altered || d->partitioned;
		bool writes = d->inserted || d->deleted || d->inl_inserted || d->inl_deleted;
		if (hit_drop && (writes || changed_structure))
			return conflict(err, "table", sname, d->base->name, snap);
		if (hit_alter && (writes || changed_structure))
			return conflict(err, "table", sname, d->base->name, snap);
		/* inlined rows: a delete or flush of them meets another's delete or flush (and a
		 * flush meets rows inlined meanwhile, which it would end unflushed) */
		bool hit_inl = c->id == d->base->id &&
		               (c->kind == LH_CHANGE_INLINED_DELETE || c->kind == LH_CHANGE_FLUSHED_INLINED ||
		                (c->kind == LH_CHANGE_INLINED_INSERT && d->txn && d->txn->inl_flushed));
		if (hit_inl && d->inl_deleted)
			return conflict(err, "table", sname, d->base->name, snap);
		if (hit_compact && d->deleted)
			return conflict(err, "table", sname, d->base->name, snap);
	}
	return LH_OK;
}

/* The first snapshot after `base` that gave data file `id` a new delete file
 * (*out_deleted) or retired it (*out_retired); -1 for none. */
static lh_status file_changed_after(lh_catdb *db, int64_t id, int64_t base, int64_t *out_deleted,
                                    int64_t *out_retired, lh_err *err)
{
	lh_val v[2] = {LH_V_INT(id), LH_V_INT(base)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(
	    db,
	    "SELECT (SELECT min(begin_snapshot) FROM ducklake_delete_file WHERE data_file_id = ?1 "
	    "AND begin_snapshot > ?2), (SELECT min(end_snapshot) FROM ducklake_data_file WHERE "
	    "data_file_id = ?1 AND end_snapshot > ?2)",
	    v, 2, &rows, err);
	if (st != LH_OK)
		return st;
	*out_deleted = lh_rows_int(rows, 0, 0, -1);
	*out_retired = lh_rows_int(rows, 0, 1, -1);
	lh_rows_free(&rows);
	return LH_OK;
}

/* The conflict of deleting rows from data file bf of table d, which a concurrent commit
 * also deleted from (deleted) or removed (retired): say it is the same file, since the
 * rule is per file whatever rows each side touched. */
static lh_status file_conflict(lh_err *err, const lh_state *base, const table_diff *d,
                               const lh_data_file *bf, int64_t deleted, int64_t retired)
{
	bool del_first = deleted >= 0 && (retired < 0 || deleted <= retired);
	return lh_err_set(err, LH_ERR_CONFLICT,
	                  "Transaction conflict, cannot commit: this transaction deletes or updates "
	                  "rows of data file '%s' of table '%s.%s', and a concurrent commit (snapshot %lld) %s; "
	                  "conflicts are detected per data file (DuckLake's rule), so this happens "
	                  "even when the two changes touch different rows. Nothing was written: "
	                  "re-run the statement, which then sees the other change",
	                  bf->path, schema_name_of(base, d->base->schema_id), d->base->name,
	                  (long long)(del_first ? deleted : retired),
	                  del_first ? "also deleted rows of that file"
	                            : "removed that file (all its rows deleted, or rewritten by a "
	                              "compaction)");
}

/* Deletes on the same table conflict only when the same data file got a new delete file
 * or was retired after the base snapshot (DuckLake's file-level rule). */
static lh_status check_file_conflicts(lh_catdb *db, const lh_state *base, const plan *p,
                                      lh_err *err)
{
	for (size_t i = 0; i < p->tables.len; i++) {
		const table_diff *d = &p->tables.items[i];
		if (!d->base || !d->txn || !d->deleted)
			continue;
		for (size_t k = 0; k < d->base->files.len; k++) {
			const lh_data_file *bf = &d->base->files.items[k];
			const lh_data_file *tf = file_by_id(&d->txn_files, bf->id);
			if (tf && !tf->del_changed)
				continue;
			int64_t deleted, retired;
			lh_status st = file_changed_after(db, bf->id, base->snap.id, &deleted, &retired, err);
			if (st != LH_OK)
				return st;
			if (deleted >= 0 || retired >= 0)
				return file_conflict(err, base, d, bf, deleted, retired);
		}
	}
	return LH_OK;
}

static lh_status check_conflicts(lh_catdb *db, const lh_state *base, const lh_state *txn,
                                 const plan *p, int64_t latest, lh_err *err)
{
	lh_val v[2] = {LH_V_INT(base->snap.id), LH_V_INT(latest)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT snapshot_id, changes_made FROM ducklake_snapshot_changes "
	                              "WHERE snapshot_id > ? AND snapshot_id <= ? ORDER BY snapshot_id",
	                              v, 2, &rows, err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		lh_changes ch;
		if (lh_changes_parse(lh_rows_get(rows, r, 1), &ch) != LH_OK) {
			st = lh_err_set(err, LH_ERR_CORRUPT,
			                "snapshot %s has an unreadable changes_made entry '%s'",
			                lh_rows_get(rows, r, 0), lh_rows_get(rows, r, 1));
			break;
		}
		for (size_t i = 0; st == LH_OK && i < ch.len; i++)
			st = check_change(base, txn, p, &ch.items[i], lh_rows_int(rows, r, 0, 0), err);
		lh_changes_free(&ch);
	}
	lh_rows_free(&rows);
	if (st == LH_OK)
		st = check_file_conflicts(db, base, p, err);
	return st;
}

/* --------------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------------ */

typedef struct writer {
	lh_catdb *db;
	lh_err *err;
	int64_t snap;
	int64_t next_catalog_id;
	int64_t next_file_id;
	int64_t schema_version; /* the new snapshot's */
	bool ddl;               /* the commit changes the schema (schema_version + 1) */
	bool bumped;            /* a data commit that made an inlined table: + 1 as well */
	id_map ids;
	id_map parts; /* table id -> the partition id this commit gave it */
} writer;

static lh_status map_put(id_map *m, int64_t local, int64_t real)
{
	if (LH_VEC_PUSH(&m->local, local) || LH_VEC_PUSH(&m->real, real))
		return LH_ERR_NOMEM;
	return LH_OK;
}

static int64_t map_get(const id_map *m, int64_t id)
{
	if (id >= 0)
		return id;
	for (size_t i = 0; i < m->local.len; i++)
		if (m->local.items[i] == id)
			return m->real.items[i];
	return id;
}

static lh_status ex(writer *w, const char *sql, const lh_val *v, size_t n)
{
	return lh_catdb_exec(w->db, sql, v, n, w->err);
}

static lh_status end_rows(writer *w, const char *table, const char *id_col, int64_t id)
{
	char sql[256];
	snprintf(sql, sizeof sql,
	         "UPDATE %s SET end_snapshot = ? WHERE %s = ? AND end_snapshot IS NULL", table, id_col);
	lh_val v[2] = {LH_V_INT(w->snap), LH_V_INT(id)};
	return ex(w, sql, v, 2);
}

static lh_status write_schemas(writer *w, const plan *p)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < p->dropped_schemas.len; i++)
		st = end_rows(w, "ducklake_schema", "schema_id", p->dropped_schemas.items[i]->id);
	for (size_t i = 0; st == LH_OK && i < p->new_schemas.len; i++) {
		const lh_schema *s = p->new_schemas.items[i];
		int64_t id = w->next_catalog_id++;
		if (map_put(&w->ids, s->id, id))
			return lh_err_set(w->err, LH_ERR_NOMEM, "out of memory");
		lh_val v[6] = {LH_V_INT(id),      LH_V_TEXT(s->uuid), LH_V_INT(w->snap),
		               LH_V_TEXT(s->name), LH_V_TEXT(s->path), LH_V_BOOL(s->path_is_relative)};
		st = ex(w, "INSERT INTO ducklake_schema VALUES (?, ?, ?, NULL, ?, ?, ?)", v, 6);
	}
	return st;
}

static lh_status insert_table_row(writer *w, const lh_table *t, int64_t id)
{
	lh_val v[7] = {LH_V_INT(id),
	               LH_V_TEXT(t->uuid),
	               LH_V_INT(w->snap),
	               LH_V_INT(map_get(&w->ids, t->schema_id)),
	               LH_V_TEXT(t->name),
	               LH_V_TEXT(t->path),
	               LH_V_BOOL(t->path_is_relative)};
	return ex(w, "INSERT INTO ducklake_table VALUES (?, ?, ?, NULL, ?, ?, ?, ?)", v, 7);
}

static lh_status insert_column_row(writer *w, int64_t table_id, const lh_column *c)
{
	lh_val v[10] = {LH_V_INT(c->id),
	                LH_V_INT(w->snap),
	                LH_V_INT(table_id),
	                LH_V_INT(c->order),
	                LH_V_TEXT(c->name),
	                LH_V_TEXT(c->type),
	                LH_V_TEXT(c->initial_default),
	                LH_V_TEXT(c->default_value),
	                LH_V_BOOL(c->nulls_allowed),
	                LH_V_ID(c->parent)};
	/* 0.4 on: the default is a literal, in DuckDB's dialect (as DuckDB 1.5 writes it) */
	return ex(w,
	          lh_catdb_v1(w->db)
	              ? "INSERT INTO ducklake_column VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, "
	                "'literal', 'duckdb')"
	              : "INSERT INTO ducklake_column VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)",
	          v, 10);
}

static lh_status drop_table_rows(writer *w, int64_t id)
{
	static const char *const tables[][2] = {
	    {"ducklake_table", "table_id"},         {"ducklake_partition_info", "table_id"},
	    {"ducklake_column", "table_id"},        {"ducklake_column_tag", "table_id"},
	    {"ducklake_data_file", "table_id"},     {"ducklake_delete_file", "table_id"},
	    {"ducklake_tag", "object_id"},
	};
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < sizeof tables / sizeof tables[0]; i++)
		st = end_rows(w, tables[i][0], tables[i][1], id);
	return st;
}

static lh_status write_columns(writer *w, const table_diff *d, int64_t table_id)
{
	lh_status st = LH_OK;
	if (d->base) {
		for (size_t i = 0; st == LH_OK && i < d->base->columns.len; i++) {
			const lh_column *c = &d->base->columns.items[i];
			if (column_in(c, d->txn))
				continue;
			lh_val v[3] = {LH_V_INT(w->snap), LH_V_INT(table_id), LH_V_INT(c->id)};
			st = ex(w,
			        "UPDATE ducklake_column SET end_snapshot = ? WHERE table_id = ? AND "
			        "column_id = ? AND end_snapshot IS NULL",
			        v, 3);
		}
	}
	for (size_t i = 0; st == LH_OK && i < d->txn->columns.len; i++) {
		const lh_column *c = &d->txn->columns.items[i];
		if (!d->base || !column_in(c, d->base))
			st = insert_column_row(w, table_id, c);
	}
	return st;
}

static lh_status insert_delete_row(writer *w, int64_t table_id, int64_t data_file_id,
                                   const lh_delete_file *del)
{
	int64_t id = w->next_file_id++;
	lh_val v[10] = {LH_V_INT(id),
	                LH_V_INT(table_id),
	                LH_V_INT(w->snap),
	                LH_V_INT(data_file_id),
	                LH_V_TEXT(del->path),
	                LH_V_BOOL(del->path_is_relative),
	                LH_V_INT(del->delete_count),
	                LH_V_INT(del->file_size_bytes),
	                LH_V_INT(del->footer_size),
	                LH_V_ID(del->partial_max > 0 ? del->partial_max : -1)};
	return ex(w,
	          lh_catdb_v1(w->db) ? "INSERT INTO ducklake_delete_file VALUES (?, ?, ?, NULL, ?, ?, ?, "
	                               "'parquet', ?, ?, ?, NULL, ?)"
	                             : "INSERT INTO ducklake_delete_file VALUES (?, ?, ?, NULL, ?, ?, ?, "
	                               "'parquet', ?, ?, ?, NULL)",
	          v, lh_catdb_v1(w->db) ? 10 : 9);
}

/* New data files of a table; returns the rows added and bytes for the table stats. */
/* A new partition spec (SET/RESET PARTITIONED BY): the current one ends, the new one
 * (an id from next_catalog_id, as DuckLake) begins, with no keys after a RESET. */
static lh_status write_partitioning(writer *w, const table_diff *d, int64_t table_id)
{
	lh_status st = d->base ? end_rows(w, "ducklake_partition_info", "table_id", table_id) : LH_OK;
	int64_t id = w->next_catalog_id++;
	if (st == LH_OK && map_put(&w->parts, table_id, id))
		return lh_err_set(w->err, LH_ERR_NOMEM, "out of memory");
	lh_val v[3] = {LH_V_INT(id), LH_V_INT(table_id), LH_V_INT(w->snap)};
	if (st == LH_OK)
		st = ex(w, "INSERT INTO ducklake_partition_info VALUES (?, ?, ?, NULL)", v, 3);
	for (size_t k = 0; st == LH_OK && k < d->txn->part_n; k++) {
		const lh_partition_key *key = &d->txn->part_keys[k];
		lh_val c[5] = {LH_V_INT(id), LH_V_INT(table_id), LH_V_INT((int64_t)k),
		               LH_V_INT(key->column_id), LH_V_TEXT(key->transform)};
		st = ex(w, "INSERT INTO ducklake_partition_column VALUES (?, ?, ?, ?, ?)", c, 5);
	}
	return st;
}

/* The partition id of a file the transaction wrote with partition values. */
static int64_t file_partition_id(const writer *w, const table_diff *d, int64_t table_id,
                                 const lh_data_file *f)
{
	if (f->part_n == 0 || f->partition_id >= 0)
		return f->partition_id; /* none, or kept from the files compaction merged */
	if (!d->txn->part_changed)
		return d->txn->part_id;
	for (size_t i = 0; i < w->parts.local.len; i++)
		if (w->parts.local.items[i] == table_id)
			return w->parts.real.items[i];
	return -1;
}

static lh_status write_new_files(writer *w, const table_diff *d, int64_t table_id,
                                 int64_t *next_row_id, int64_t *rows_added, int64_t *bytes_added,
                                 lh_i64_vec *new_ids)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < d->txn->files.len; i++) {
		const lh_data_file *f = &d->txn->files.items[i];
		int64_t id = f->id < 0 ? w->next_file_id++ : f->id;
		if (LH_VEC_PUSH(new_ids, id))
			return lh_err_set(w->err, LH_ERR_NOMEM, "out of memory");
		if (f->id >= 0)
			continue;
		int64_t row_id_start = f->row_id_start;
		if (f->compacted) {
			/* the rows keep their ids, in the file (a merge of files whose ids follow on
			 * says where they start too, as DuckLake does) */
			row_id_start = f->merged ? f->row_id_start : -1;
		} else if (!f->reused) {
			row_id_start = *next_row_id;
			*next_row_id += f->record_count;
			*rows_added += f->record_count;
			*bytes_added += f->file_size_bytes;
		}
		/* a file registered by name gets its mapping (ids from next_file_id, as DuckLake) */
		int64_t mapping = f->mapping_id;
		if (f->map_n > 0 && mapping < 0 && !f->map_footer) {
			mapping = w->next_file_id++;
			lh_val m[2] = {LH_V_INT(mapping), LH_V_INT(table_id)};
			st = ex(w, "INSERT INTO ducklake_column_mapping VALUES (?, ?, 'map_by_name')", m, 2);
			for (size_t k = 0; st == LH_OK && k < f->map_n; k++) {
				lh_val n[6] = {LH_V_INT(mapping), LH_V_INT((int64_t)k), LH_V_TEXT(f->map_source[k]),
				               LH_V_INT(f->map_target[k]), LH_V_ID(f->map_parent[k]),
				               LH_V_BOOL(f->map_partition[k])};
				st = ex(w, "INSERT INTO ducklake_name_mapping VALUES (?, ?, ?, ?, ?, ?)", n, 6);
			}
		}
		/* a merge begins where its oldest row did (partial_file_info says the rest) */
		lh_val v[12] = {LH_V_INT(id),
		                LH_V_INT(table_id),
		                LH_V_INT(f->merged ? f->begin_snapshot : w->snap),
		                LH_V_TEXT(f->path),
		                LH_V_BOOL(f->path_is_relative),
		                LH_V_INT(f->record_count),
		                LH_V_INT(f->file_size_bytes),
		                LH_V_INT(f->footer_size),
		                LH_V_ID(row_id_start),
		                LH_V_ID(file_partition_id(w, d, table_id, f)),
		                LH_V_TEXT(f->partial_file_info),
		                LH_V_ID(mapping)};
		/* 0.4 on: partial_max instead of partial_file_info, after mapping_id */
		if (lh_catdb_v1(w->db)) {
			const char *info = f->partial_file_info;
			v[10] = LH_V_ID(mapping);
			v[11] = info && strncmp(info, "partial_max:", 12) == 0
			            ? LH_V_INT(strtoll(info + 12, NULL, 10))
			            : LH_V_NULL;
		}
		if (st == LH_OK)
			st = ex(w,
			        "INSERT INTO ducklake_data_file VALUES (?, ?, ?, NULL, NULL, ?, ?, 'parquet', ?, "
			        "?, ?, ?, ?, NULL, ?, ?)",
			        v, 12);
		if (st == LH_OK)
			st = lh_stats_write_file(w->db, id, table_id, f, w->err);
		for (size_t k = 0; st == LH_OK && k < f->part_n; k++) {
			lh_val pv[4] = {LH_V_INT(id), LH_V_INT(table_id), LH_V_INT((int64_t)k),
			                LH_V_TEXT(f->part_values[k])};
			st = ex(w, "INSERT INTO ducklake_file_partition_value VALUES (?, ?, ?, ?)", pv, 4);
		}
	}
	return st;
}

/* Delete files, after every new data file got its id (DuckLake numbers data files
 * before delete files within a commit). */
static lh_status write_deletes(writer *w, const table_diff *d, int64_t table_id,
                               const int64_t *file_ids)
{
	lh_status st = LH_OK;
	/* a merge (its own transaction: nothing else leaves the table then) deletes its
	 * sources, as DuckLake does: the merged file holds their rows for every snapshot */
	bool merged = false;
	for (size_t i = 0; d->txn && i < d->txn->files.len; i++)
		merged |= d->txn->files.items[i].merged;
	lh_i64_vec gone = {0};
	if (d->base) {
		for (size_t i = 0; st == LH_OK && i < d->base->files.len; i++) {
			const lh_data_file *bf = &d->base->files.items[i];
			if (file_by_id(&d->txn_files, bf->id))
				continue;
			if (merged) {
				if (LH_VEC_PUSH(&gone, bf->id) != LH_OK)
					st = lh_err_set(w->err, LH_ERR_NOMEM, "out of memory");
				continue;
			}
			st = end_rows(w, "ducklake_data_file", "data_file_id", bf->id);
			if (st == LH_OK && bf->del.id >= 0)
				st = end_rows(w, "ducklake_delete_file", "delete_file_id", bf->del.id);
		}
	}
	if (st == LH_OK && gone.len) {
		char now[40];
		lh_now_timestamptz(now);
		st = lh_catalog_release_data_files(w->db, gone.items, gone.len, now, w->err);
	}
	LH_VEC_FREE(&gone);
	for (size_t i = 0; st == LH_OK && d->txn && i < d->txn->files.len; i++) {
		const lh_data_file *f = &d->txn->files.items[i];
		if (!f->del_changed)
			continue;
		const lh_data_file *bf = f->id >= 0 ? file_by_id(&d->base_files, f->id) : NULL;
		if (bf && bf->del.id >= 0)
			st = end_rows(w, "ducklake_delete_file", "delete_file_id", bf->del.id);
		if (st == LH_OK && f->del.path)
			st = insert_delete_row(w, table_id, file_ids[i], &f->del);
	}
	return st;
}

static lh_status write_table_stats(writer *w, int64_t table_id, const lh_table *t,
                                   int64_t next_row_id, int64_t rows_added, int64_t bytes_added,
                                   bool existed)
{
	lh_status st;
	if (existed) {
		lh_val v[4] = {LH_V_INT(rows_added), LH_V_INT(next_row_id), LH_V_INT(bytes_added),
		               LH_V_INT(table_id)};
		st = ex(w,
		        "UPDATE ducklake_table_stats SET record_count = record_count + ?, next_row_id = ?, "
		        "file_size_bytes = file_size_bytes + ? WHERE table_id = ?",
		        v, 4);
	} else {
		lh_val v[4] = {LH_V_INT(table_id), LH_V_INT(rows_added), LH_V_INT(next_row_id),
		               LH_V_INT(bytes_added)};
		st = ex(w, "INSERT INTO ducklake_table_stats VALUES (?, ?, ?, ?)", v, 4);
	}
	if (st == LH_OK)
		st = lh_stats_write_table(w->db, table_id, t, !existed, w->err);
	return st;
}

static lh_status write_table_data(writer *w, const table_diff *d, int64_t table_id)
{
	if (!d->txn) /* dropped: its file rows were ended with the table */
		return LH_OK;
	int64_t next_row_id = 0;
	bool existed = false;
	lh_status st = LH_OK;
	bool inserted = d->inserted || d->inl_inserted;
	if (inserted) {
		lh_val k[1] = {LH_V_INT(table_id)};
		lh_rows *rows = NULL;
		st = lh_catdb_query(w->db, "SELECT next_row_id FROM ducklake_table_stats WHERE table_id = ?",
		                    k, 1, &rows, w->err);
		if (st != LH_OK)
			return st;
		existed = rows->nrows > 0;
		next_row_id = lh_rows_int(rows, 0, 0, 0);
		lh_rows_free(&rows);
	}
	int64_t rows_added = 0, bytes_added = 0;
	lh_i64_vec file_ids = {0};
	st = write_new_files(w, d, table_id, &next_row_id, &rows_added, &bytes_added, &file_ids);
	if (st == LH_OK)
		st = write_deletes(w, d, table_id, file_ids.items);
	if (st == LH_OK && d->inl_deleted)
		st = lh_inlined_end(w->db, d->txn, w->snap, w->err);
	if (st == LH_OK && d->inl_inserted) {
		rows_added += (int64_t)d->txn->inl_rows;
		/* a new inlined table is a schema change for DuckDB's readers, which cache the
		 * catalog by schema version (DuckLake bumps it too, without a schema_versions row) */
		int64_t sv = w->schema_version + (w->ddl || w->bumped ? 0 : 1);
		bool created = false;
		st = lh_inlined_write(w->db, table_id, d->txn, w->snap, sv, !d->base || d->altered,
		                      &next_row_id, &created, w->err);
		if (created && !w->ddl && !w->bumped) {
			w->schema_version = sv;
			w->bumped = true;
		}
	}
	if (st == LH_OK && inserted && (rows_added > 0 || !existed))
		st = write_table_stats(w, table_id, d->txn, next_row_id, rows_added, bytes_added, existed);
	LH_VEC_FREE(&file_ids);
	return st;
}

/* Replaces the comment tag of an object (a table or view id; column_id >= 0: that
 * column of table `id`). */
static lh_status write_comment(writer *w, int64_t id, int64_t column_id, const char *comment)
{
	lh_val e[3] = {LH_V_INT(w->snap), LH_V_INT(id), LH_V_INT(column_id)};
	lh_status st = column_id < 0 ? ex(w,
	                                  "UPDATE ducklake_tag SET end_snapshot = ? WHERE object_id = ? "
	                                  "AND \"key\" = 'comment' AND end_snapshot IS NULL",
	                                  e, 2)
	                             : ex(w,
	                                  "UPDATE ducklake_column_tag SET end_snapshot = ? WHERE "
	                                  "table_id = ? AND column_id = ? AND \"key\" = 'comment' AND "
	                                  "end_snapshot IS NULL",
	                                  e, 3);
	if (st != LH_OK || !comment)
		return st;
	if (column_id < 0) {
		lh_val v[3] = {LH_V_INT(id), LH_V_INT(w->snap), LH_V_TEXT(comment)};
		return ex(w, "INSERT INTO ducklake_tag VALUES (?, ?, NULL, 'comment', ?)", v, 3);
	}
	lh_val v[4] = {LH_V_INT(id), LH_V_INT(column_id), LH_V_INT(w->snap), LH_V_TEXT(comment)};
	return ex(w, "INSERT INTO ducklake_column_tag VALUES (?, ?, ?, NULL, 'comment', ?)", v, 4);
}

static lh_status write_table_comments(writer *w, const table_diff *d, int64_t id)
{
	const lh_table *t = d->txn;
	lh_status st = LH_OK;
	if (!d->base ? t->comment != NULL : !same_text(d->base->comment, t->comment))
		st = write_comment(w, id, -1, t->comment);
	for (size_t i = 0; st == LH_OK && i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		const char *before = d->base ? column_comment(d->base, c->id) : NULL;
		if (!same_text(before, c->comment))
			st = write_comment(w, id, c->id, c->comment);
	}
	return st;
}

static lh_status write_views(writer *w, const plan *p)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < p->dropped_views.len; i++) {
		st = end_rows(w, "ducklake_view", "view_id", p->dropped_views.items[i]->id);
		if (st == LH_OK)
			st = end_rows(w, "ducklake_tag", "object_id", p->dropped_views.items[i]->id);
	}
	for (size_t i = 0; st == LH_OK && i < p->new_views.len; i++) {
		const lh_view_def *v = p->new_views.items[i];
		int64_t id = w->next_catalog_id++;
		if (map_put(&w->ids, v->id, id))
			return lh_err_set(w->err, LH_ERR_NOMEM, "out of memory");
		lh_val r[8] = {LH_V_INT(id),
		               LH_V_TEXT(v->uuid),
		               LH_V_INT(w->snap),
		               LH_V_INT(map_get(&w->ids, v->schema_id)),
		               LH_V_TEXT(v->name),
		               LH_V_TEXT(v->dialect ? v->dialect : "duckdb"),
		               LH_V_TEXT(v->sql),
		               LH_V_TEXT(v->column_aliases ? v->column_aliases : "")};
		st = ex(w, "INSERT INTO ducklake_view VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)", r, 8);
		if (st == LH_OK && v->comment)
			st = write_comment(w, id, -1, v->comment);
	}
	for (size_t i = 0; st == LH_OK && i < p->commented_views.len; i++)
		st = write_comment(w, p->commented_views.items[i]->id, -1,
		                   p->commented_views.items[i]->comment);
	return st;
}

static lh_status write_tables(writer *w, const plan *p)
{
	lh_status st = LH_OK;
	/* ids of new tables first, in the order they were created */
	for (size_t i = 0; st == LH_OK && i < p->tables.len; i++) {
		const table_diff *d = &p->tables.items[i];
		if (!d->base && map_put(&w->ids, d->txn->id, w->next_catalog_id++))
			return lh_err_set(w->err, LH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; st == LH_OK && i < p->tables.len; i++) {
		const table_diff *d = &p->tables.items[i];
		int64_t id = map_get(&w->ids, d->txn ? d->txn->id : d->base->id);
		if (!d->txn)
			st = drop_table_rows(w, id);
		else if (!d->base)
			st = insert_table_row(w, d->txn, id);
		else if (d->renamed)
		{
			st = end_rows(w, "ducklake_table", "table_id", id);
			if (st == LH_OK)
				st = insert_table_row(w, d->txn, id);
		}
		if (st == LH_OK && d->txn && (!d->base || d->altered))
			st = write_columns(w, d, id);
		if (st == LH_OK && d->txn && d->partitioned)
			st = write_partitioning(w, d, id);
		if (st == LH_OK && d->txn)
			st = write_table_comments(w, d, id);
	}
	for (size_t i = 0; st == LH_OK && i < p->tables.len; i++) {
		const table_diff *d = &p->tables.items[i];
		st = write_table_data(w, d, map_get(&w->ids, d->txn ? d->txn->id : d->base->id));
	}
	return st;
}

/* changes_made in DuckLake's order: drops, creates, inserts, deletes, alters. */
static void build_changes(const plan *p, const lh_state *base, const lh_state *txn,
                          const id_map *ids, bool v1, lh_buf *b)
{
	for (size_t i = 0; i < p->dropped_schemas.len; i++)
		lh_changes_append(b, v1, LH_CHANGE_DROPPED_SCHEMA, p->dropped_schemas.items[i]->id, NULL,
		                  NULL);
	for (size_t i = 0; i < p->tables.len; i++)
		if (!p->tables.items[i].txn)
			lh_changes_append(b, v1, LH_CHANGE_DROPPED_TABLE, p->tables.items[i].base->id, NULL, NULL);
	for (size_t i = 0; i < p->dropped_views.len; i++)
		lh_changes_append(b, v1, LH_CHANGE_DROPPED_VIEW, p->dropped_views.items[i]->id, NULL, NULL);
	for (size_t i = 0; i < p->new_schemas.len; i++)
		lh_changes_append(b, v1, LH_CHANGE_CREATED_SCHEMA, 0, p->new_schemas.items[i]->name, NULL);
	for (size_t i = 0; i < p->tables.len; i++) {
		const table_diff *d = &p->tables.items[i];
		if (d->txn && (!d->base || d->renamed)) {
			const lh_schema *sc = lh_state_schema_by_id(txn, d->txn->schema_id);
			lh_changes_append(b, v1, LH_CHANGE_CREATED_TABLE, 0, sc ? sc->name : "?", d->txn->name);
		}
	}
	for (size_t i = 0; i < p->new_views.len; i++) {
		const lh_schema *sc = lh_state_schema_by_id(txn, p->new_views.items[i]->schema_id);
		lh_changes_append(b, v1, LH_CHANGE_CREATED_VIEW, 0, sc ? sc->name : "?",
		                  p->new_views.items[i]->name);
	}
	static const lh_change_kind kinds[7] = {
	    LH_CHANGE_INSERTED_INTO_TABLE, LH_CHANGE_INLINED_INSERT,  LH_CHANGE_DELETED_FROM_TABLE,
	    LH_CHANGE_INLINED_DELETE,      LH_CHANGE_ALTERED_TABLE,   LH_CHANGE_COMPACTED_TABLE,
	    LH_CHANGE_FLUSHED_INLINED};
	for (int k = 0; k < 7; k++) {
		for (size_t i = 0; i < p->tables.len; i++) {
			const table_diff *d = &p->tables.items[i];
			if (!d->txn)
				continue;
			/* a compaction or a flush changes no rows: it is recorded as nothing else */
			bool flushed = d->txn->inl_flushed;
			bool moved = d->compacted || flushed;
			bool on = k == 0   ? d->inserted && !moved
			          : k == 1 ? d->inl_inserted
			          : k == 2 ? d->deleted && !moved
			          : k == 3 ? d->inl_deleted && !flushed
			          /* (a new table given a partitioning is altered too, as in DuckLake) */
			          : k == 4 ? (d->base && (d->altered || d->commented)) || d->partitioned
			          : k == 5 ? d->compacted && !flushed
			                   : flushed;
			if (on)
				lh_changes_append(b, v1, kinds[k], map_get(ids, d->txn->id), NULL, NULL);
		}
	}
	for (size_t i = 0; i < p->commented_views.len; i++)
		lh_changes_append(b, v1, LH_CHANGE_ALTERED_VIEW, p->commented_views.items[i]->id, NULL, NULL);
	(void)base;
}

static lh_status write_plan(writer *w, const plan *p, const lh_state *base, const lh_state *txn,
                            const lh_snapshot_info *latest, const lh_commit_options *opts)
{
	char now[40];
	lh_now_timestamptz(now);
	w->schema_version = latest->schema_version + (p->ddl ? 1 : 0);
	w->ddl = p->ddl;
	lh_status st = write_schemas(w, p);
	if (st == LH_OK)
		st = write_tables(w, p);
	if (st == LH_OK)
		st = write_views(w, p);
	if (st != LH_OK)
		return st;
	int64_t schema_version = w->schema_version;
	lh_val sv[5] = {LH_V_INT(w->snap), LH_V_TEXT(now), LH_V_INT(schema_version),
	                LH_V_INT(w->next_catalog_id), LH_V_INT(w->next_file_id)};
	st = ex(w, "INSERT INTO ducklake_snapshot VALUES (?, ?, ?, ?, ?)", sv, 5);
	if (st != LH_OK)
		return st;
	lh_buf changes;
	lh_buf_init(&changes, 0);
	build_changes(p, base, txn, &w->ids, lh_catdb_v1(w->db), &changes);
	if (changes.status != LH_OK) {
		lh_buf_free(&changes);
		return lh_err_set(w->err, LH_ERR_NOMEM, "out of memory");
	}
	lh_val cv[4] = {LH_V_INT(w->snap), changes.len ? LH_V_TEXT(lh_buf_str(&changes)) : LH_V_NULL,
	                LH_V_TEXT(opts->author), LH_V_TEXT(opts->commit_message)};
	st = ex(w, "INSERT INTO ducklake_snapshot_changes VALUES (?, ?, ?, ?, NULL)", cv, 4);
	lh_buf_free(&changes);
	if (st == LH_OK && p->ddl && !lh_catdb_v1(w->db)) {
		lh_val v[2] = {LH_V_INT(w->snap), LH_V_INT(schema_version)};
		st = ex(w, "INSERT INTO ducklake_schema_versions VALUES (?, ?)", v, 2);
	}
	/* 0.4 on: one row per table whose columns or partitioning changed, or that was made */
	for (size_t i = 0; st == LH_OK && p->ddl && lh_catdb_v1(w->db) && i < p->tables.len; i++) {
		const table_diff *d = &p->tables.items[i];
		if (!d->txn || !(!d->base || d->renamed || d->altered || d->partitioned))
			continue;
		lh_val v[3] = {LH_V_INT(w->snap), LH_V_INT(schema_version),
		               LH_V_INT(map_get(&w->ids, d->txn->id))};
		st = ex(w, "INSERT INTO ducklake_schema_versions VALUES (?, ?, ?)", v, 3);
	}
	/* options set inside the transaction go in with it (they are not versioned) */
	if (st == LH_OK)
		st = lh_catalog_write_options(w->db, &base->options, &txn->options, w->err);
	if (st == LH_OK)
		st = lh_catalog_write_checksums(w->db, opts->sums, opts->nsums, w->err);
	if (st == LH_OK && opts->job)
		st = lh_catalog_record_job(w->db, opts->job, w->snap, w->err);
	return st;
}

/* --------------------------------------------------------------------------------
 * The retry loop
 * ------------------------------------------------------------------------------ */

void lh_commit_options_default(lh_commit_options *opts)
{
	memset(opts, 0, sizeof *opts);
	opts->max_retries = 50;
	opts->retry_wait_ms = 5;
	opts->backoff = 1.5;
}

static double jitter(void)
{
	unsigned short r = 0;
	lh_random_bytes(&r, sizeof r);
	return 0.5 + (double)r / 65535.0; /* 0.5 .. 1.5 */
}

/* One attempt (steps 2-4): begin, check what committed since the base, write, COMMIT.
 * *out_logical: the failure is a conflict by DuckLake's rules, final unlike a busy
 * catalog. On error the catalog transaction is rolled back. */
static lh_status commit_attempt(lh_catdb *db, const lh_state *base, const lh_state *txn,
                                const plan *p, const lh_commit_options *opts,
                                int64_t *out_snapshot, bool *out_logical, lh_err *err)
{
	writer w = {.db = db, .err = err};
	lh_snapshot_info latest = {0};
	*out_logical = false;
	lh_status st = db->ops->begin(db, true, err);
	/* another process may have migrated the catalog since this session opened it */
	if (st == LH_OK)
		st = lh_catalog_recheck_format(db, err);
	if (st == LH_OK)
		st = lh_catalog_snapshot(db, -1, &latest, err);
	if (st == LH_OK && latest.id != base->snap.id) {
		st = check_conflicts(db, base, txn, p, latest.id, err);
		*out_logical = st != LH_OK;
	}
	if (st == LH_OK) {
		w.snap = latest.id + 1;
		w.next_catalog_id = latest.next_catalog_id;
		w.next_file_id = latest.next_file_id;
		st = write_plan(&w, p, base, txn, &latest, opts);
		if (st == LH_ERR_EXISTS && opts->job)
			*out_logical = true; /* the job was done by another writer: final */
	}
	if (st == LH_OK)
		st = lh_catdb_commit(db, err); /* the point of no return (see the top) */
	else
		db->ops->rollback(db);
	if (st == LH_OK)
		*out_snapshot = w.snap;
	free(latest.time);
	LH_VEC_FREE(&w.ids.local);
	LH_VEC_FREE(&w.ids.real);
	LH_VEC_FREE(&w.parts.local);
	LH_VEC_FREE(&w.parts.real);
	return st;
}

lh_status lh_catalog_commit(lh_catdb *db, const lh_state *base, const lh_state *txn,
                            const lh_commit_options *opts, int64_t *out_snapshot, lh_err *err)
{
	*out_snapshot = -1;
	plan p;
	if (plan_build(base, txn, &p) != LH_OK) {
		plan_free(&p);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	lh_status st = LH_OK;
	double wait = opts->retry_wait_ms;
	if (!plan_empty(&p))
		lh_catalog_ensure_indexes(db);
	else if (lh_options_changed(&base->options, &txn->options)) {
		/* only options changed: no snapshot, as a set_option outside a transaction */
		st = lh_catdb_writable(db, err);
		if (st == LH_OK && (st = db->ops->begin(db, true, err)) == LH_OK) {
			st = lh_catalog_write_options(db, &base->options, &txn->options, err);
			if (st == LH_OK)
				st = lh_catdb_commit(db, err);
			else
				db->ops->rollback(db);
		}
	}
	for (int attempt = 0; !plan_empty(&p); attempt++) {
		bool logical = false;
		st = commit_attempt(db, base, txn, &p, opts, out_snapshot, &logical, err);
		/* a busy catalog or a clash on the snapshot key (another writer took our id) is
		 * worth another attempt */
		bool retry = (st == LH_ERR_BUSY || st == LH_ERR_CONFLICT) && !logical;
		if (st == LH_OK || !retry || attempt >= opts->max_retries) {
			if (st != LH_OK && retry)
				lh_err_prefix(err, "cannot commit after %d attempts: ", attempt + 1);
			break;
		}
		lh_sleep_ms(wait * jitter());
		wait *= opts->backoff;
	}
	plan_free(&p);
	return st;
}
