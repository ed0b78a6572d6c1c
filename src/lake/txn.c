/*
 * lake/txn.c - transactions: begin, statement atomicity, commit, rollback.
 *
 * Layer: lake. The commit protocol itself is in catalog/commit.c; this file prepares
 * what it needs. Before the catalog commit, positions the transaction deleted become
 * files: for a committed data file a new cumulative delete file (old positions + new),
 * for a file the transaction wrote itself a rewrite without the deleted rows (it was
 * never visible, so no history is lost). Every file the transaction writes is tracked
 * and removed if the transaction does not commit.
 *
 * THE RULE: after an error nothing changed; after success it is durable. The catalog
 * transaction's COMMIT is the point of no return (see catalog/commit.c). Before it,
 * any failure rolls back and removes the transaction's files. After it, nothing may
 * report failure: lh_txn_commit returns LH_OK with the new snapshot id even when the
 * refresh of the lake's cached state fails (the state is then marked stale and the next
 * statement reloads it), and lake->last_commit records the snapshot so that callers
 * (exec.c's statements, hf pull, video ingest) never treat a committed change as a
 * failed one, never delete an object it references.
 */
#include "lake/lake_int.h"
#include "engine/scan.h"
#include "util/fault.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <stdlib.h>
#include <string.h>

lh_status lh_lake_refresh(lh_lake *lake)
{
	lh_status need = lh_lake_need(lake);
	if (need != LH_OK)
		return need;
	if (lake->txn || lake->pinned >= 0) /* a lake attached at a snapshot stays there */
		return LH_OK;
	lh_state *fresh = NULL;
	lh_status st = lh_catalog_refresh(lake->cat, lake->committed, &fresh, &lake->err);
	/* another process's merge changed which files past snapshots read */
	lh_rows *merges = NULL;
	if (st == LH_OK && fresh)
		st = lh_catalog_compactions(lake->cat, lake->committed->snap.id + 1, fresh->snap.id,
		                            &merges, &lake->err);
	if (st == LH_OK && merges && merges->nrows > 0)
		lh_lake_forget_past(lake);
	lh_rows_free(&merges);
	if (st == LH_OK && fresh) {
		lh_state_free(&lake->committed);
		lake->committed = fresh;
	}
	if (st != LH_OK)
		lh_state_free(&fresh);
	lh_stmt_set_fresh(lake, st == LH_OK);
	return st;
}

lh_status lh_txn_track_file(lh_lake *lake, const char *path)
{
	char *copy = lh_strdup(path);
	if (!copy || LH_VEC_PUSH(&lake->txn_files, copy) != LH_OK) {
		free(copy);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

/* True when a file of the state (data or delete) has full path `path`. */
static bool state_references(const lh_state *s, const char *path)
{
	bool found = false;
	for (size_t ti = 0; ti < s->tables.len && !found; ti++) {
		const lh_table *t = s->tables.items[ti];
		char *tp = lh_table_full_path(s, t);
		if (!tp)
			return true; /* cannot tell: keep the file */
		for (size_t fi = 0; fi < t->files.len && !found; fi++) {
			const lh_data_file *f = &t->files.items[fi];
			char *a = lh_file_full_path(tp, f->path, f->path_is_relative);
			char *b = f->del.path ? lh_file_full_path(tp, f->del.path, f->del.path_is_relative) : NULL;
			found = (a && strcmp(a, path) == 0) || (b && strcmp(b, path) == 0) || !a;
			free(a);
			free(b);
		}
		free(tp);
	}
	return found;
}

/* Removes files tracked from index `from` on. */
static void drop_files_from(lh_lake *lake, size_t from)
{
	lh_err ignored = {0};
	while (lake->txn_files.len > from) {
		char *p = lake->txn_files.items[--lake->txn_files.len];
		lh_store_remove(lake->store, p, &ignored);
		lh_err_clear(&ignored);
		free(p);
	}
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* After a statement of a transaction: removes the data files the transaction wrote that
 * the statement stopped using (those of a table created and dropped in it), at once, as
 * DuckLake does, rather than at COMMIT. `before`: the state before the statement. */
static void drop_unused_files(lh_lake *lake, const lh_state *before)
{
	lh_i64_vec live = {0};
	bool oom = false;
	for (size_t ti = 0; ti < lake->txn->tables.len; ti++) {
		const lh_table *t = lake->txn->tables.items[ti];
		for (size_t fi = 0; fi < t->files.len && !oom; fi++)
			if (t->files.items[fi].id < 0)
				oom = LH_VEC_PUSH(&live, t->files.items[fi].id) != LH_OK;
	}
	if (!oom && live.len)
		qsort(live.items, live.len, sizeof *live.items, cmp_i64);
	for (size_t ti = 0; !oom && ti < before->tables.len; ti++) {
		const lh_table *t = before->tables.items[ti];
		char *tp = NULL;
		for (size_t fi = 0; fi < t->files.len; fi++) {
			const lh_data_file *f = &t->files.items[fi];
			if (f->id >= 0 ||
			    (live.len && bsearch(&f->id, live.items, live.len, sizeof *live.items, cmp_i64)))
				continue;
			if (!tp && !(tp = lh_table_full_path(before, t)))
				break;
			char *full = lh_file_full_path(tp, f->path, f->path_is_relative);
			for (size_t k = 0; full && k < lake->txn_files.len; k++) {
				if (strcmp(lake->txn_files.items[k], full) != 0)
					continue;
				lh_err ignored = {0};
				lh_store_remove(lake->store, full, &ignored); /* best effort: else an orphan */
				lh_err_clear(&ignored);
				free(lake->txn_files.items[k]);
				lake->txn_files.items[k] = lake->txn_files.items[--lake->txn_files.len];
				break;
			}
			free(full);
		}
		free(tp);
	}
	LH_VEC_FREE(&live);
}

lh_status lh_txn_begin(lh_lake *lake)
{
	if (lake->txn)
		return lh_lake_fail(lake, LH_ERR_TXN, "a transaction is already open; COMMIT or ROLLBACK it first");
	if (lake->pinned >= 0)
		return lh_lake_fail(lake, LH_ERR_READ_ONLY,
		                    "lake '%s' is attached at snapshot %lld: it cannot be changed (ATTACH "
		                    "it without SNAPSHOT_VERSION/SNAPSHOT_TIME to write)",
		                    lake->name, (long long)lake->pinned);
	if (lake->read_only)
		return lh_lake_fail(lake, LH_ERR_READ_ONLY,
		                    "lake '%s' is attached READ_ONLY (read-only): it cannot be changed "
		                    "(ATTACH it without READ_ONLY to write)",
		                    lake->name);
	if (lake->cat->read_only)
		return lh_catdb_writable(lake->cat, &lake->err);
	/* start from the latest snapshot (the statement's own refresh is recent enough) */
	lh_status st = lh_stmt_is_fresh(lake) ? LH_OK : lh_lake_refresh(lake);
	if (st != LH_OK)
		return st;
	lake->txn_base = lh_state_clone(lake->committed);
	lake->txn = lh_state_clone(lake->committed);
	if (!lake->txn_base || !lake->txn) {
		lh_state_free(&lake->txn_base);
		lh_state_free(&lake->txn);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

static void txn_end(lh_lake *lake)
{
	lh_err ignored = {0};
	lh_engine_exec(lake->engine, "DELETE FROM " LH_PENDING_DELETES, &ignored);
	lh_err_clear(&ignored);
	for (size_t i = 0; i < lake->txn_files.len; i++)
		free(lake->txn_files.items[i]);
	LH_VEC_FREE(&lake->txn_files);
	lh_state_free(&lake->txn);
	lh_state_free(&lake->txn_base);
	lake->txn_open = false;
	lake->txn_wrote = false;
	lake->txn_maint = NULL;
}

void lh_txn_rollback(lh_lake *lake)
{
	lh_store_log_clear(lake->store); /* its objects are gone or about to be */
	drop_files_from(lake, 0);
	txn_end(lake);
}

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

/* Appends the query listing the positions to delete in committed data file f: those
 * the transaction deleted, plus those of f's current delete file (fetched first from a
 * remote store), since a DuckLake delete file is cumulative. */
static lh_status delete_positions_sql(lh_lake *lake, const char *table_path,
                                      const lh_data_file *f, lh_buf *out)
{
	lh_buf_printf(out, "SELECT pos FROM " LH_PENDING_DELETES " WHERE file_id = %lld",
	              (long long)f->id);
	if (!f->del.path)
		return lh_buf_status(out) == LH_OK ? LH_OK : nomem(lake);
	char *old = lh_file_full_path(table_path, f->del.path, f->del.path_is_relative);
	if (!old)
		return nomem(lake);
	char *local_old = NULL;
	lh_status st = lh_lake_local_file(lake, old, f->del.file_size_bytes, &local_old);
	if (st == LH_OK) {
		lh_buf_puts(out, " UNION ALL SELECT pos FROM read_parquet(");
		lh_buf_sql_str(out, local_old);
		lh_buf_putc(out, ')');
		if (lh_buf_status(out) != LH_OK)
			st = nomem(lake);
	}
	free(local_old);
	free(old);
	return st;
}

/* Writes delete file `name` (the positions of `positions_sql` in data file data_path)
 * in the staging folder and puts it at table_path/name. The destination is tracked
 * before the put, so a failed commit removes whatever reached the store. */
static lh_status put_delete_file(lh_lake *lake, const char *table_path, const char *data_path,
                                 const char *positions_sql, const char *name,
                                 lh_written_file *out)
{
	char *staging = NULL;
	lh_status st = lake->store->ops->staging_dir(lake->store, &staging, &lake->err);
	if (st != LH_OK)
		return st;
	char *local = lh_path_join(staging, name);
	char *dest = lh_path_join(table_path, name);
	if (!local || !dest)
		st = nomem(lake);
	if (st == LH_OK)
		st = lh_engine_write_deletes(lake->engine, positions_sql, data_path, local, out,
		                             &lake->err);
	if (st == LH_OK)
		st = lh_txn_track_file(lake, dest);
	if (st == LH_OK)
		st = lake->store->ops->put_file(lake->store, local, dest, &lake->err);
	free(dest);
	free(local);
	lh_store_staging_done(staging);
	free(staging);
	return st;
}

/* A cumulative delete file for committed data file f of the table at table_path; on
 * success f refers to it (del_changed), on error f is unchanged. */
static lh_status flush_committed_file(lh_lake *lake, const char *table_path, lh_data_file *f)
{
	char id[LH_UUID_LEN + 1];
	if (lh_uuid_v7(id) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_IO,
		                    "cannot name a new delete file: the system has no randomness");
	char *name = lh_asprintf("ducklake-%s-delete.parquet", id);
	char *data_path = lh_file_full_path(table_path, f->path, f->path_is_relative);
	lh_buf pos;
	lh_buf_init(&pos, 0);
	lh_written_file wf = {0};
	lh_status st = name && data_path ? delete_positions_sql(lake, table_path, f, &pos)
	                                 : nomem(lake);
	if (st == LH_OK)
		st = put_delete_file(lake, table_path, data_path, lh_buf_str(&pos), name, &wf);
	if (st == LH_OK) {
		free(f->del.path);
		f->del = (lh_delete_file){.id = -1,
		                          .path = name,
		                          .path_is_relative = true,
		                          .delete_count = wf.record_count,
		                          .file_size_bytes = wf.file_size_bytes,
		                          .footer_size = wf.footer_size};
		name = NULL;
		f->del_changed = true;
		f->pending_deletes = 0;
	}
	lh_written_file_clear(&wf);
	lh_buf_free(&pos);
	free(data_path);
	free(name);
	return st;
}

/* Rewrites a file the transaction wrote, without the rows it then deleted. */
static lh_status flush_local_file(lh_lake *lake, lh_state *state, size_t ti, size_t fi)
{
	lh_table *t = state->tables.items[ti];
	/* a table showing only this file: its scan applies the pending deletes */
	lh_table one = lh_table_shell(t, &t->files.items[fi], 1);
	one.inlined = NULL; /* this file's rows alone, not the table's inlined ones */
	one.inl_rows = 0;
	const lh_data_file *f = &t->files.items[fi];
	unsigned lineage = (f->row_id_column ? LH_LINEAGE_ROW_ID : 0) |
	                   (f->snapshot_column ? LH_LINEAGE_SNAPSHOT : 0);
	lh_buf sel;
	lh_buf_init(&sel, 0);
	lh_status st = lh_lake_lineage_select(lake, state, &one, lineage, false, &sel);
	int64_t rows = 0;
	if (st == LH_OK)
		st = lh_dml_write_rows(lake, ti, lh_buf_str(&sel), lineage, f, &rows);
	lh_buf_free(&sel);
	if (st == LH_OK) {
		/* the new files were appended to the table; the old one goes (from disk at the
		 * end of the commit, as it is no longer referenced) */
		lh_table_remove_file(state->tables.items[ti], fi);
	}
	return st;
}

static lh_status flush_deletes(lh_lake *lake)
{
	lh_state *s = lake->txn;
	lh_status st = LH_OK;
	for (size_t ti = 0; st == LH_OK && ti < s->tables.len; ti++) {
		bool any = false;
		for (size_t fi = 0; fi < s->tables.items[ti]->files.len; fi++)
			any |= s->tables.items[ti]->files.items[fi].pending_deletes > 0;
		if (!any)
			continue;
		lh_table *t = lh_state_table_mut(s, ti);
		char *table_path = t ? lh_table_full_path(s, t) : NULL;
		if (!table_path)
			return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
		for (size_t fi = 0; st == LH_OK && fi < t->files.len;) {
			lh_data_file *f = &t->files.items[fi];
			if (f->pending_deletes <= 0) {
				fi++;
				continue;
			}
			if (f->id >= 0) {
				st = flush_committed_file(lake, table_path, f);
				fi++;
			} else {
				/* rewriting removes file fi and appends its replacement */
				st = flush_local_file(lake, s, ti, fi);
				t = s->tables.items[ti];
			}
		}
		free(table_path);
	}
	return st;
}

/* After the catalog commit: the files the transaction wrote now belong to the lake,
 * except those it wrote and then stopped using (rewritten, deleted, dropped with their
 * table). Removing those is best effort: a leftover is an orphan for cleanup. */
static void keep_committed_files(lh_lake *lake)
{
	lh_err ignored = {0};
	for (size_t i = 0; i < lake->txn_files.len; i++) {
		if (!state_references(lake->txn, lake->txn_files.items[i]))
			lh_store_remove(lake->store, lake->txn_files.items[i], &ignored);
		free(lake->txn_files.items[i]);
		lh_err_clear(&ignored);
	}
	lake->txn_files.len = 0;
}

/* After the catalog commit: brings the cached state up to the new snapshot. This must
 * not fail the commit, which is durable: when the refresh fails the state is marked
 * stale (fresh = false), so the next statement or transaction reloads it. */
static void refresh_after_commit(lh_lake *lake)
{
	lh_err scratch = {0};
	lh_state *fresh = NULL;
	bool ok = !lh_fault(LH_FAULT_AFTER_COMMIT) &&
	          lh_catalog_refresh(lake->cat, lake->committed, &fresh, &scratch) == LH_OK;
	if (ok && fresh) {
		lh_state_free(&lake->committed);
		lake->committed = fresh;
	}
	lh_stmt_set_fresh(lake, ok);
	lh_err_clear(&scratch);
}

lh_status lh_txn_commit(lh_lake *lake, int64_t *out_snapshot)
{
	*out_snapshot = -1;
	if (!lake->txn)
		return lh_lake_fail(lake, LH_ERR_TXN, "no transaction is open");
	lh_status st = flush_deletes(lake);
	if (st == LH_OK)
		st = lh_inline_prepare(lake, lake->txn);
	/* one hold over the commit and the refresh after it (see lh_catdb_hold) */
	if (st == LH_OK)
		st = lh_catdb_hold(lake->cat, &lake->err);
	if (st != LH_OK) {
		lh_txn_rollback(lake);
		return st;
	}
	lh_file_sums sums = {0}; /* recorded in the commit's transaction (verify.c) */
	st = lh_verify_commit_sums(lake, &sums);
	lake->commit.sums = sums.items;
	lake->commit.nsums = sums.len;
	if (st == LH_OK)
		st = lh_catalog_commit(lake->cat, lake->txn_base, lake->txn, &lake->commit,
		                       out_snapshot, &lake->err);
	lake->commit.sums = NULL;
	lake->commit.nsums = 0;
	lh_file_sums_free(&sums);
	if (st != LH_OK) {
		lh_catdb_release(lake->cat);
		lh_txn_rollback(lake);
		return st;
	}
	/* the point of no return: from here on the commit reports success (see the top) */
	if (*out_snapshot >= 0) {
		lake->last_commit = *out_snapshot;
		lh_store_log_clear(lake->store); /* recorded */
	}
	keep_committed_files(lake);
	/* a merge changed which files past snapshots read (maintain.c) */
	if (lake->in_maint || lake->txn_maint)
		lh_lake_forget_past(lake);
	txn_end(lake);
	refresh_after_commit(lake);
	lh_catdb_release(lake->cat);
	return LH_OK;
}

/* Runs fn as one atomic statement of the open transaction, inside a DuckDB transaction:
 * on error the working state, DuckDB's temp tables, the files the statement wrote and
 * the time-travel views it made are as they were, and the transaction goes on. */
static lh_status run_atomic(lh_lake *lake, lh_change_fn fn, void *arg, int64_t *out_count)
{
	lh_state *saved = lh_state_clone(lake->txn);
	if (!saved)
		return nomem(lake);
	size_t files_before = lake->txn_files.len;
	size_t tt_before = lake->tt_views.len; /* made in DuckDB's transaction below */
	lh_status st = lh_engine_exec(lake->engine, "BEGIN TRANSACTION", &lake->err);
	if (st == LH_OK)
		st = fn(lake, arg, out_count);
	if (st == LH_OK)
		st = lh_engine_exec(lake->engine, "COMMIT", &lake->err);
	if (st == LH_OK) {
		drop_unused_files(lake, saved);
		lh_state_free(&saved);
		return LH_OK;
	}
	lh_err ignored = {0};
	lh_engine_exec(lake->engine, "ROLLBACK", &ignored);
	lh_err_clear(&ignored);
	lh_state_free(&lake->txn);
	lake->txn = saved;
	drop_files_from(lake, files_before);
	/* the time-travel views made meanwhile were rolled back with the rest */
	while (lake->tt_views.len > tt_before)
		free(lake->tt_views.items[--lake->tt_views.len].name);
	return st;
}

lh_status lh_txn_run(lh_lake *lake, lh_change_fn fn, void *arg, int64_t *out_count)
{
	if (lake->txn && lake->txn_maint && !lake->in_maint)
		return lh_lake_fail(lake, LH_ERR_TXN,
		                    "this transaction ran %s, which is all it can do: COMMIT (or "
		                    "ROLLBACK) it before other changes",
		                    lake->txn_maint);
	if (lake->txn) {
		lh_status st = run_atomic(lake, fn, arg, out_count);
		if (st == LH_OK && lake->txn_open && lake->in_maint)
			lake->txn_maint = lake->in_maint;
		else if (st == LH_OK)
			lake->txn_wrote = true;
		return st;
	}
	/* an implicit transaction of its own */
	lh_status st = lh_txn_begin(lake);
	if (st != LH_OK)
		return st;
	st = run_atomic(lake, fn, arg, out_count);
	if (st != LH_OK) {
		lh_txn_rollback(lake);
		return st;
	}
	int64_t snap;
	return lh_txn_commit(lake, &snap);
}
