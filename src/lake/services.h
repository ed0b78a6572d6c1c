/*
 * lake/services.h - what the services layer (ingest/, stream/, registry/, server/)
 * may reach inside an open lake besides the public API: its object store, for media
 * and landing objects that tables reference by URI, and its error slot, so a service's
 * failure reads from lh_lake_error like any other.
 */
#ifndef LH_LAKE_SERVICES_H
#define LH_LAKE_SERVICES_H

#include "lakehouse.h"
#include "lake/sqltok.h"
#include "store/store.h"
#include "util/buf.h"

lh_store *lh_lake_store(lh_lake *lake);
lh_err *lh_lake_err(lh_lake *lake);
/* The lake's query engine, for a service's own connection (lh_engine_connect). */
struct lh_engine *lh_lake_engine(lh_lake *lake);
/* The id of the latest snapshot this lake knows: after a successful COMMIT, the one it
 * made. */
int64_t lh_lake_snapshot_id(const lh_lake *lake);
/* The snapshot a tag names (LH_ERR_NOT_FOUND: no such tag; tags.c). */
lh_status lh_lake_tag_snapshot(lh_lake *lake, const char *name, int64_t *out_snapshot);
/* Sets how results render and returns the previous setting: services read values as
 * text whatever the caller chose for its own queries. */
lh_render lh_lake_swap_render(lh_lake *lake, lh_render render);
/* What the lake recorded of the asset object behind `uri` (a *_uri value, relative to
 * the data path or full) when it stored it: its size and, when known, its XXH3-64.
 * LH_ERR_NOT_FOUND (the message set on the lake) when it stored no asset of that name:
 * only objects under assets/ that hf pull or video ingest recorded count. */
lh_status lh_lake_asset_record(lh_lake *lake, const char *uri, int64_t *out_size,
                               uint64_t *out_sum, bool *out_has_sum);
/* The author and message the lake's next commits record (ducklake_snapshot_changes);
 * NULL: none. Set keeps the pointers: the caller keeps the strings alive until it sets
 * them back. A lake starts with $LAKEHOUSE_AUTHOR (if set) and no message. */
void lh_lake_commit_info(const lh_lake *lake, const char **author, const char **message);
void lh_lake_set_commit_info(lh_lake *lake, const char *author, const char *message);

/* --- reading for the tools (inspect.c) ----------------------------------------------- */
/* Splits "a.b.c" / "a.b" / "a" into a qualified name (lh_qname_free). */
lh_status lh_parse_qname(const char *text, lh_qname *out);
struct lh_state;
/* The catalog state at snapshot `version` (<= 0: the latest committed, refreshed); owned
 * by the lake, valid until its next statement. */
lh_status lh_lake_state_at(lh_lake *lake, int64_t version, const struct lh_state **out);
/* LH_OK when DuckDB's parser reads `sql` as exactly one query (SELECT, WITH, FROM, VALUES,
 * DESCRIBE, SUMMARIZE, SHOW); else LH_ERR_READ_ONLY, LH_ERR_SYNTAX or LH_ERR_INVALID with
 * the reason on the lake. */
lh_status lh_lake_check_query(lh_lake *lake, const char *sql);
/* The lake tables (as schema.table; other names as written) and the table functions a
 * query (checked as lh_lake_check_query does) reads, appended to the vectors (the caller
 * frees their strings). CTE names are not tables. */
lh_status lh_lake_query_refs(lh_lake *lake, const char *sql, lh_str_vec *tables,
                             lh_str_vec *functions);
/* *out: table schema.name exists at the latest snapshot (refreshed first). */
lh_status lh_lake_has_table(lh_lake *lake, const char *schema, const char *name, bool *out);
/* Runs query `sql` with every lake table it names without AT read at snapshot `version`
 * (<= 0: as lh_lake_query does). */
lh_status lh_lake_query_at(lh_lake *lake, const char *sql, int64_t version, lh_result **out);

/* --- writer jobs and atomic changes (jobs.c) ----------------------------------------- */
/* One change made of several statements, as one snapshot: runs fn(lake, arg) between
 * BEGIN and COMMIT; when the commit meets a concurrent one (LH_ERR_CONFLICT) it starts
 * again from BEGIN on the new state (up to LH_ATOMIC_RETRIES times), so fn's checks
 * (does the run exist, is it still started) always hold at the snapshot it makes. Any
 * other error of fn or the commit rolls back and is returned. With a claim, the commit
 * is also writer job `key` of `table` (catalog/jobs.h, with its tenant and rows): a key
 * two writers race for (or a job repeated) ends with one snapshot, the other gets
 * LH_ERR_EXISTS. *out_snapshot is the snapshot made, or -1 when fn changed nothing. */
typedef lh_status (*lh_atomic_fn)(lh_lake *lake, void *arg);
typedef struct lh_claim {
	const char *table;  /* schema.table as the writer named it, normalised */
	const char *key;    /* the job id */
	const char *tenant; /* may be NULL */
	int64_t rows;
} lh_claim;
#define LH_ATOMIC_RETRIES 30
/* Inside an lh_atomic_fn: whether the transaction so far would make a snapshot. */
bool lh_lake_txn_changes(const lh_lake *lake);
lh_status lh_lake_atomic(lh_lake *lake, lh_atomic_fn fn, void *arg, const lh_claim *claim,
                         int64_t *out_snapshot);
/* The snapshot and rows a recorded job made; LH_ERR_NOT_FOUND when it is not recorded. */
lh_status lh_lake_job(lh_lake *lake, const char *table, const char *job_id,
                      int64_t *out_snapshot, int64_t *out_rows);

/* --- artifact versions (jobs.c; catalog/versions.h) ----------------------------------- */
/* Claims the next version number of artifact `name` of `kind` ("dataset", "checkpoint"):
 * distinct for every caller, also racing ones on other machines; never visible as a
 * version by itself. */
lh_status lh_lake_version_claim(lh_lake *lake, const char *name, const char *kind,
                                int64_t *out_version);
/* Ends a claim: committed (its version's snapshot is `snapshot`) or failed. Best effort:
 * the caller's own error stays the one to report (cleanup treats a claim left
 * uploading for a day as dead). */
lh_status lh_lake_version_end(lh_lake *lake, const char *name, int64_t version, bool committed,
                              int64_t snapshot);
/* The lake tables that reference objects of artifact folders, which cleanup reads (when
 * they exist) to keep what they reference (registry/versions.c writes them). */
#define LH_ARTIFACT_FILES_TABLE "registry.artifact_files"
#define LH_ARTIFACT_VERSIONS_TABLE "registry.artifact_versions"

/* --- the outbox's delivery cursor (jobs.c; catalog/outbox.h) ------------------------ */
/* The last event `target` acknowledged (snapshot -1, event "": none; caller frees the
 * event) and how many were delivered in all. */
lh_status lh_lake_delivery_get(lh_lake *lake, const char *target, int64_t *out_snapshot,
                               char **out_event, int64_t *out_delivered);
/* Moves the cursor forward (never back) past `count` more events. */
lh_status lh_lake_delivery_advance(lh_lake *lake, const char *target, int64_t snapshot,
                                   const char *event, int64_t count);

/* Another handle on the same lake (its own catalog connection, store and DuckDB), for
 * work on a thread of its own (lake.c). */
lh_status lh_lake_reopen(lh_lake *lake, lh_lake **out, lh_err *err);
/* LH_OK when a lake is attached (a session may have none); else fails saying so. */
lh_status lh_lake_need(lh_lake *lake);

/* --- what a training stream reads (plan.c) --------------------------------------------- */
typedef struct lh_plan_file {
	int64_t file_id;
	int64_t rows; /* rows the plan reads from it: live at the snapshot, matching the filter */
	int64_t size; /* bytes */
	bool dense;   /* the rows read are its positions 0..rows-1 (no deletes, no filter) */
	bool plain;   /* every row of it belongs to the snapshot (no partial_file_info) */
	int64_t row_id_start; /* -1: row ids are in its _ducklake_internal_row_id column */
	int64_t record_count; /* rows in the file, deleted ones included */
} lh_plan_file;

typedef struct lh_plan {
	int64_t snapshot;
	char *table;  /* "schema.table" */
	char *filter; /* NULL: none */
	lh_plan_file *files; /* data_file_id order */
	size_t nfiles;
	int64_t rows;
	char **columns; /* the table's top-level columns */
	int64_t *column_ids; /* their DuckLake column ids (= Parquet field ids) */
	size_t ncolumns;
	bool rowid;     /* reads have DuckLake's virtual `rowid` (the table has no column so named) */
	/* private */
	struct lh_state *state;
	size_t table_index;
	/* a query's plan: its rows in table "result" of attached database result_db (a file
	 * in folder result_dir), its "files" parts of that table by rowid, file_id the first */
	char *result_db;
	char *result_dir;
	struct lh_engine *engine;
} lh_plan;

/* The plan of `table` at snapshot `version` (<= 0: the latest), rows filtered by the SQL
 * boolean expression `filter` (NULL: all). */
lh_status lh_lake_plan(lh_lake *lake, const char *table, int64_t version, const char *filter,
                       lh_plan **out);
/* The plan of a query (SELECT, WITH, FROM, VALUES) with every lake table it names read
 * at snapshot `version` (<= 0: the latest), rows filtered by `filter`. The rows are
 * computed once, into a temporary DuckDB database under $TMPDIR that lh_plan_free
 * deletes, in the query's ORDER BY order, else ordered by all columns so that every
 * process computing the plan gets the same order. */
lh_status lh_lake_plan_query(lh_lake *lake, const char *query, int64_t version,
                             const char *filter, lh_plan **out);
/* True when `source` is a query rather than a table name. */
bool lh_is_query(const char *source);
void lh_plan_free(lh_plan **plan);
/* A SELECT reading file i of the plan (fetched first from a remote store): the table's
 * columns, __lh_pos (the row's position in the file) and __lh_rowid, filtered, rows in
 * position order. i >= nfiles: no file (no rows, the same columns). */
lh_status lh_lake_plan_sql(lh_lake *lake, const lh_plan *plan, size_t i, lh_buf *out);
/* The local file holding data file i of the plan (fetched first from a remote store).
 * Caller frees. */
lh_status lh_lake_plan_file(lh_lake *lake, const lh_plan *plan, size_t i, char **out);

#endif
