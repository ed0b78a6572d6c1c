/*
 * catalog/catalog.h - the catalog layer's entry points: load the state at a snapshot,
 * refresh it, commit a transaction's changes as one snapshot, read history.
 *
 * Layer: catalog. Uses util only. Never calls DuckDB or the object store: files a
 * commit refers to are written before lh_catalog_commit by the layers above.
 * The commit protocol is described at the top of commit.c.
 */
#ifndef LH_CATALOG_CATALOG_H
#define LH_CATALOG_CATALOG_H

#include "catalog/catdb.h"
#include "catalog/changes.h"
#include "catalog/checksum.h"
#include "catalog/model.h"
#include "catalog/schema.h"

/* Reads one snapshot row (-1: the latest). LH_ERR_NOT_FOUND when it does not exist. */
lh_status lh_catalog_snapshot(lh_catdb *db, int64_t snapshot_id, lh_snapshot_info *out,
                              lh_err *err);

/* Loads the whole state at `snapshot_id` (-1: latest). `data_path` is the resolved data
 * path the state should use for full paths. */
lh_status lh_catalog_load(lh_catdb *db, int64_t snapshot_id, const char *data_path,
                          lh_state **out, lh_err *err);

/* Brings `old` up to the latest snapshot. *out is NULL when nothing changed; otherwise a
 * new state that shares every table whose data and structure did not change. */
lh_status lh_catalog_refresh(lh_catdb *db, const lh_state *old, lh_state **out, lh_err *err);

/* The snapshot visible at a time (microseconds since the epoch, UTC): the one with the
 * latest snapshot_time <= t, ties broken by the larger snapshot id. LH_ERR_NOT_FOUND when
 * no snapshot is that old. */
lh_status lh_catalog_snapshot_at_time(lh_catdb *db, int64_t epoch_us, int64_t *out_id,
                                      lh_err *err);

/* --- history (history.c) ------------------------------------------------------------ */
/* Every snapshot, oldest first: snapshot_id, snapshot_time, schema_version, changes_made,
 * author, commit_message, commit_extra_info. */
lh_status lh_catalog_snapshots(lh_catdb *db, lh_rows **out, lh_err *err);
/* The oldest snapshot at or after a time (ties: the smaller id). */
lh_status lh_catalog_snapshot_from_time(lh_catdb *db, int64_t epoch_us, int64_t *out_id,
                                        lh_err *err);
/* The compaction snapshots in [from, to]: snapshot_id (they change no row). */
lh_status lh_catalog_compactions(lh_catdb *db, int64_t from, int64_t to, lh_rows **out,
                                 lh_err *err);
/* Data files of a table that began in [from, to], and merged ones that began earlier and
 * may hold rows of later snapshots: data_file_id, begin_snapshot, path, path_is_relative,
 * record_count, row_id_start, and the delete file that began with it (path, relative;
 * only a rollback writes one). */
lh_status lh_catalog_inserted_files(lh_catdb *db, int64_t table_id, int64_t from, int64_t to,
                                    lh_rows **out, lh_err *err);
/* Delete files of a table that began in [from, to], with their data file and the delete
 * file they replaced: begin_snapshot, path, path_is_relative, data_file_id, data path,
 * data path_is_relative, record_count, row_id_start, previous path, previous relative. */
lh_status lh_catalog_delete_events(lh_catdb *db, int64_t table_id, int64_t from, int64_t to,
                                   lh_rows **out, lh_err *err);
/* Delete files of a table ended in [from, to] without a successor while their data
 * file stayed (a rollback taking deletes back): end_snapshot, path, path_is_relative,
 * data_file_id, data path, data relative, record_count, row_id_start. */
lh_status lh_catalog_undeleted(lh_catdb *db, int64_t table_id, int64_t from, int64_t to,
                               lh_rows **out, lh_err *err);
/* Data files of a table retired in [from, to], with the delete file current just before:
 * end_snapshot, data_file_id, path, path_is_relative, record_count, row_id_start,
 * delete path, delete relative. */
lh_status lh_catalog_retired_files(lh_catdb *db, int64_t table_id, int64_t from, int64_t to,
                                   lh_rows **out, lh_err *err);

/* Per-file statistics of one column of a table, for the files visible at `snapshot`
 * that have them: data_file_id, min_value, max_value, contains_nan. */
lh_status lh_catalog_column_stats(lh_catdb *db, int64_t table_id, int64_t column_id,
                                  int64_t snapshot, lh_rows **out, lh_err *err);

/* --- maintenance (maintain.c) ---------------------------------------------------- */
/* Every data and delete file row (current or not): path, is_relative (1: relative to
 * the data path). */
lh_status lh_catalog_file_refs(lh_catdb *db, lh_rows **out, lh_err *err);
/* Queues data files `ids` for deletion and deletes their rows (data file, column stats,
 * partition values), in the caller's catalog transaction: the sources of a merge, which
 * no snapshot reads any more. LH_ERR_CONFLICT when one is gone already. */
lh_status lh_catalog_release_data_files(lh_catdb *db, const int64_t *ids, size_t n,
                                        const char *now, lh_err *err);
/* The deletion queue: data_file_id, path, path_is_relative, schedule_start. */
lh_status lh_catalog_scheduled(lh_catdb *db, lh_rows **out, lh_err *err);
/* Removes the queue rows of `rows` (as lh_catalog_scheduled returned) where which[r]. */
lh_status lh_catalog_unschedule(lh_catdb *db, const lh_rows *rows, const bool *which,
                                lh_err *err);
/* Expires snapshots `ids` (never the latest: the caller checks) in one catalog
 * transaction: their snapshot rows go; file rows no remaining snapshot sees go to the
 * deletion queue (stamped `now`); metadata rows no snapshot sees are deleted. Reports
 * the released data and delete files: id, path, is_relative, file_size_bytes. With
 * dry_run everything is rolled back. Makes no snapshot. */
lh_status lh_catalog_expire(lh_catdb *db, const int64_t *ids, size_t n, const char *now,
                            bool dry_run, lh_rows **out_data, lh_rows **out_deletes, lh_err *err);

typedef struct lh_commit_options {
	int max_retries;       /* attempts after the first on a busy catalog or id clash */
	double retry_wait_ms;  /* first backoff; multiplied by `backoff` each time, jittered */
	double backoff;
	const char *author;         /* may be NULL */
	const char *commit_message; /* may be NULL */
	/* checksums to record in the same transaction (catalog/checksum.h; paths as stored) */
	const lh_file_sum *sums;
	size_t nsums;
	/* a writer job to record in the same transaction (catalog/jobs.h), or NULL; when it
	 * is recorded already the commit fails with LH_ERR_EXISTS and writes nothing */
	const struct lh_job *job;
} lh_commit_options;

void lh_commit_options_default(lh_commit_options *opts);

/*
 * Writes the difference between `base` (the state the transaction started from) and
 * `txn` (its changed copy) as one new snapshot. On success *out_snapshot is the new
 * snapshot id. A conflict with a concurrent commit is LH_ERR_CONFLICT with a message
 * naming the object; nothing is written then. If the transaction changed nothing, no
 * snapshot is made and *out_snapshot is -1.
 */
/* Whether committing txn over base would make a snapshot (true also when it cannot tell:
 * out of memory). */
bool lh_catalog_would_commit(const lh_state *base, const lh_state *txn);
lh_status lh_catalog_commit(lh_catdb *db, const lh_state *base, const lh_state *txn,
                            const lh_commit_options *opts, int64_t *out_snapshot, lh_err *err);

#endif
