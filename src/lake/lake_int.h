/*
 * lake/lake_int.h - the lake handle and the lake layer's internal interfaces.
 *
 * Layer: lake. Owns the meaning of SQL statements: which are lake DDL/DML, which run
 * in DuckDB as they are, how AT clauses and DuckLake table functions are answered, and
 * the transaction that turns statements into snapshots. Uses catalog, engine, store
 * and util; front ends reach it only through include/lakehouse.h.
 *
 * Transactions: outside BEGIN ... COMMIT each changing statement runs in an implicit
 * transaction of its own. A transaction works on `txn`, a copy-on-write clone of
 * `txn_base` (the committed state it started from); commit hands both to
 * lh_catalog_commit (protocol in catalog/commit.c). Each statement inside a
 * transaction is atomic: on error the state, DuckDB's temp tables and the files the
 * statement wrote are restored/removed, and the transaction goes on.
 */
#ifndef LH_LAKE_LAKE_INT_H
#define LH_LAKE_LAKE_INT_H

#include "lakehouse.h"

#include "catalog/catalog.h"
#include "engine/engine.h"
#include "engine/types.h"
#include "engine/write.h"
#include "lake/services.h"
#include "lake/sqltok.h"
#include "store/store.h"

#define LH_CONF_FILE "lakehouse.conf"
#define LH_SQLITE_FILE "metadata.sqlite"
#define LH_DEFAULT_TARGET_FILE_SIZE ((int64_t)512 << 20)

typedef struct lh_view {
	char *schema;
	char *name;
	lh_table *table; /* a reference: the view is current while this pointer is */
	bool loaded;     /* remote stores: reads the cached files (else a stub, remote.c) */
} lh_view;

typedef struct lh_tt_view {
	int64_t table_id;
	int64_t snapshot;
	char *name; /* in __lh.main */
} lh_tt_view;


struct lh_lake {
	char *name; /* the DuckDB database showing the lake's tables: "lake", or the name a
	               session ATTACHed it as; NULL while a session has no lake */
	char *dir;
	char *reopen; /* what lh_lake_open takes to open this lake again: the folder, or the
	                 catalog named directly */
	char *data_path; /* absolute, ends in '/' */
	lh_catdb *cat;
	lh_store *store;
	lh_engine *engine;
	lh_state *committed; /* the latest committed state we know */
	int64_t last_commit; /* snapshot made by this handle's latest commit; 0: none (the
	                        commit is durable even when `committed` could not catch up) */

	bool is_default;     /* unqualified names mean its tables: a lake opened with --lake,
	                        or after USE; not one a session ATTACHed (lake.t names it) */
	bool txn_open;       /* inside BEGIN ... COMMIT */
	bool txn_wrote;      /* ... and a statement of it changed the lake */
	const char *txn_maint; /* ... the maintenance it ran (a merge, a flush), which then is
	                          all it does; NULL: none */
	const char *in_maint; /* the maintenance function running now, or NULL */
	struct lh_stmt *stmt; /* the statement running now (exec.c), NULL between them */
	lh_state *txn_base;  /* state the open transaction started from */
	lh_state *txn;       /* its working copy */
	lh_str_vec txn_files; /* physical files written by the transaction */

	LH_VEC(lh_view) views; /* views of lake tables installed in DuckDB */
	lh_str_vec view_schemas;
	lh_str_vec sql_views; /* the lake's own views installed in DuckDB (signatures, views.c) */
	LH_VEC(lh_tt_view) tt_views; /* time-travel views, immutable once made */
	LH_VEC(lh_state *) past;     /* states of past snapshots, for time travel */

	lh_render render;
	lh_commit_options commit;
	int64_t target_file_size;
	bool write_random_access; /* data files get the random-access layout (lakehouse_optimize) */
	bool write_whole;         /* a write makes one file, whatever its size (a merge) */
	struct lh_s3_secret *s3_secret; /* CREATE SECRET (TYPE s3) of this session; never stored */
	LH_VEC(struct lh_lake_secret) lake_secrets; /* CREATE SECRET (TYPE ducklake) */
	int64_t pinned; /* attached at SNAPSHOT_VERSION/TIME: this snapshot, never refreshed;
	                   -1: none */
	bool read_only; /* attached READ_ONLY (or pinned) */
	int64_t inline_limit; /* ATTACH ... DATA_INLINING_ROW_LIMIT n; -1: the lake's option */
	bool session_attached; /* by ATTACH in a SQL session (lh_lake_reopen refuses it) */
	bool sandboxed; /* lh_lake_sandbox: maintenance table functions (which write) refused */
	/* several lakes in a session (peers.c): the session's handle holds the others
	 * (peers), each knows it (root; NULL in the session's own), and USE picks one
	 * (current; NULL: the session's own) */
	LH_VEC(struct lh_lake *) peers;
	struct lh_lake *root;
	struct lh_lake *current;
	char *meta_name; /* DuckDB's name for the catalog database (metadb.c); NULL: none */
	bool meta_detached; /* the session DETACHed it: the lake's statements fail */
	lh_err err;
	bool stream_open; /* an Arrow stream borrows the connection */
};

/* CREATE SECRET (TYPE ducklake, METADATA_PATH, DATA_PATH): what ATTACH 'ducklake:' (the
 * unnamed one) or 'ducklake:<name>' attaches. */
/* LH_OK when `type` names a kind of catalog (duckdb, sqlite, postgres); else the error,
 * naming where it came from (`what`: "META_TYPE"). */
lh_status lh_lake_check_meta_type(lh_lake *lake, const char *type, const char *what);

typedef struct lh_lake_secret {
	char *name; /* "" for the unnamed (default) one */
	char *metadata_path;
	char *data_path; /* may be NULL */
	char *meta_type; /* METADATA_PARAMETERS MAP {'TYPE': ...}, or NULL */
} lh_lake_secret;
/* Takes the secret (its strings too). A new S3 secret reopens an attached lake's S3
 * store with it. */
lh_status lh_lake_set_s3_secret(lh_lake *lake, struct lh_s3_secret *secret);
lh_status lh_lake_add_secret(lh_lake *lake, lh_lake_secret *secret, bool or_replace);
/* Drops a secret by name ("" the unnamed ones); false when there is none. */
bool lh_lake_drop_secret(lh_lake *lake, const char *name);

/* ATTACH 'ducklake:<spec>' AS alias (...) in a session (exec.c parses, lake.c attaches). */
typedef struct lh_attach {
	const char *spec;  /* after "ducklake:": a file (DuckDB), sqlite:<file>, postgres:<conninfo> */
	const char *alias;
	const char *data_path; /* NULL: the lake's own, or <file>.files/ for a new one */
	bool override_data_path; /* data_path replaces the lake's own for this session */
	bool must_exist;         /* CREATE_IF_NOT_EXISTS false: no new catalog */
	bool create_asked;       /* CREATE_IF_NOT_EXISTS true, given */
	bool read_only;
	int64_t snapshot_version;  /* -1: latest */
	int64_t snapshot_time_us;  /* INT64_MIN: none */
	int64_t inline_limit;      /* DATA_INLINING_ROW_LIMIT; -1: the lake's option */
	const char *metadata_schema; /* METADATA_SCHEMA (1 to 63 bytes), or NULL */
	const char *metadata_catalog; /* METADATA_CATALOG: DuckDB's name for the catalog
	                                 database (we attach none), or NULL */
	const char *meta_type;        /* META_TYPE: duckdb, sqlite or postgres for a spec
	                                 without its prefix, or NULL */
} lh_attach;
lh_status lh_lake_attach(lh_lake *lake, const lh_attach *a);
lh_status lh_lake_detach(lh_lake *lake);
bool lh_lake_attached(const lh_lake *lake);
/* True when `name` is the lake's catalog name in queries. */
bool lh_lake_is_name(const lh_lake *lake, const char *name);

/* --- several lakes in a session (peers.c) ------------------------------------------ */
/* Another lake of the session named `name` (not `lake`), or NULL; on the session's own
 * handle, the peer of that name. */
lh_lake *lh_peers_find(lh_lake *lake, const char *name);
/* ATTACH of a further lake: a peer with a DuckDB of its own. */
lh_status lh_peers_attach(lh_lake *lake, const lh_attach *a);
lh_status lh_peers_detach(lh_lake *lake, const char *name);
void lh_peers_close(lh_lake *lake);
/* USE name: *done when it chose a peer (USE of the session's own lake is DuckDB's too). */
lh_status lh_peers_use(lh_lake *lake, const char *name, bool *done);
/* The lake that runs a statement whose target is in lake target_catalog (NULL: none
 * named), that writes or not, or that is transaction control (BEGIN, COMMIT, ...);
 * NULL and *st set when refused (a transaction is open on another lake). */
lh_lake *lh_peers_runner(lh_lake *lake, const char *target_catalog, bool writes,
                         bool txn_control, lh_status *st);

/* --- the catalog as a DuckDB database (metadb.c) ------------------------------------ */
/* Names it: metadata_catalog, else __ducklake_metadata_<lake name>. */
lh_status lh_metadb_name(lh_lake *lake, const char *metadata_catalog);
/* True when the statement names it. */
bool lh_metadb_named(const lh_lake *lake, const struct lh_stmt *s);
/* Attaches (again) a read-only copy of the catalog as it is now under that name; fails
 * once the session detached it. */
lh_status lh_metadb_refresh(lh_lake *lake);
/* Detaches it: by_user (DETACH <name>), the lake's statements fail from then on; else
 * (the lake goes) the name goes too. */
lh_status lh_metadb_detach(lh_lake *lake, bool by_user);

/* The working state: the open transaction's, else the committed one. */
lh_state *lh_lake_state(lh_lake *lake);

/* --- views (views.c) ----------------------------------------------------------------- */
/* Makes DuckDB's `lake` catalog show `state`. */
lh_status lh_views_install(lh_lake *lake, const lh_state *state);
void lh_views_clear(lh_lake *lake);
/* The state at a past snapshot (cached; owned by the lake). */
lh_status lh_lake_past_state(lh_lake *lake, int64_t snapshot, const lh_state **out);
/* Drops the cached states of past snapshots and their time-travel views: a merge or an
 * expiry changed which files past snapshots read. */
void lh_lake_forget_past(lh_lake *lake);
/* Name of a temp view showing table `t` of `state` at `snapshot`; made on first use. */
lh_status lh_views_time_travel(lh_lake *lake, const lh_state *state, const lh_table *t,
                               char **out_name);

/* Makes the view of table t of the working state read its (fetched) files. */
lh_status lh_views_load(lh_lake *lake, const lh_table *t);
/* Rewrites the lake's error (a file of table t of state s could not be checked, fetched
 * or opened) as one that names the table, keeps the cause without any SQL of ours, and
 * says what to do. Returns the error's code. */
lh_status lh_lake_unreadable(lh_lake *lake, const lh_state *s, const lh_table *t);

/* --- remote stores (remote.c) --------------------------------------------------------- */
/* Appends the SELECT reading t; with a remote store its files are fetched first. Every
 * read of table data in the lake layer goes through here. */
lh_status lh_lake_scan(lh_lake *lake, const lh_state *s, const lh_table *t, unsigned flags,
                       lh_buf *out);
/* Appends "SELECT <t's columns>, <the lineage columns of `lineage`> FROM <scan of t>",
 * ordered by row id when it has them, or by_snapshot: by the snapshot from which each
 * row was seen (its own, or its file's when later: a rewritten file's), then file and
 * position (so each snapshot's rows are a prefix of the file), that snapshot being the
 * one written: the query that rewrites rows keeping their ids (and snapshots) for
 * lh_dml_write_rows. */
lh_status lh_lake_lineage_select(lh_lake *lake, const lh_state *s, const lh_table *t,
                                 unsigned lineage, bool by_snapshot, lh_buf *out);
/* Fetches t's files into a remote store's cache (nothing for a local folder). */
lh_status lh_lake_fetch_table(lh_lake *lake, const lh_state *s, const lh_table *t);
/* The local file to read for a full path or URI (fetched first from a remote store);
 * size as the catalog records it, -1 unknown. Caller frees. */
lh_status lh_lake_local_file(lh_lake *lake, const char *path, int64_t size, char **out);

typedef enum { LH_PRED_EQ, LH_PRED_LT, LH_PRED_LE, LH_PRED_GT, LH_PRED_GE, LH_PRED_BETWEEN,
	           LH_PRED_IN } lh_pred_op;
/* "column op constant(s)", a conjunct of a WHERE clause. */
typedef struct lh_pred {
	size_t column; /* index into the table's columns */
	lh_pred_op op;
	char **values; /* SQL text of the constants: 1, 2 for BETWEEN, n for IN */
	size_t nvalues;
} lh_pred;
/* Marks in keep[] (one per file of t) the files whose statistics allow a row matching
 * all predicates; *out_kept counts them. Files without statistics are kept. */
lh_status lh_remote_prune(lh_lake *lake, const lh_table *t, const lh_pred *preds, size_t n,
                          bool *keep, size_t *out_kept);

/* A table a statement reads: through its lake view (view_name NULL: all files), or
 * through the per-statement view __lh.main.<view_name> over the files keep selects
 * (keep NULL: all). Statements DuckDB parses into a tree use per-statement views only,
 * so loading never changes the `lake` database inside a statement's DuckDB
 * transaction (which may write only one database: __lh). */
typedef struct lh_remote_ref {
	const lh_state *state;
	const lh_table *table;
	const bool *keep;
	const char *view_name;
	unsigned virt; /* the per-statement view has these virtual columns last (LH_VIRT_*) */
} lh_remote_ref;

/* DuckLake's virtual columns: named in a query, a lake table has them (unless it has a
 * real column so named); `*` does not list them. The bits follow the order of the
 * table of names and expressions in remote.c. */
enum {
	LH_VIRT_ROWID = 1 << 0,           /* the row's DuckLake row id */
	LH_VIRT_SNAPSHOT_ID = 1 << 1,     /* the snapshot that wrote it */
	LH_VIRT_FILE_ROW_NUMBER = 1 << 2, /* its position in its data file */
	LH_VIRT_FILENAME = 1 << 3,        /* its data file */
	LH_VIRT_ALL = (1 << 4) - 1,
};
/* The LH_VIRT_ bit of a column name (0: none); its name. */
unsigned lh_virtual_bit(const char *name);
const char *lh_virtual_name(unsigned bit);
/* The bits of `want` that t lacks as real columns. */
unsigned lh_virtual_of(const lh_table *t, unsigned want);
/* Appends "SELECT * EXCLUDE (<scan meta columns>), <expr> AS <name>, ... FROM (" for the
 * virtual columns of `virt`, over a scan made with LH_SCAN_VIRTUAL; the caller closes it
 * with ')'. */
void lh_virtual_select_open(unsigned virt, lh_buf *b);
/* Fetches the files of all refs in one parallel batch, then defines their views. */
lh_status lh_remote_load(lh_lake *lake, const lh_remote_ref *refs, size_t n);
/* Loads every table of the working state whose name appears as an identifier among
 * the tokens: for statements DuckDB cannot parse into a tree (an over-approximation:
 * it may fetch more than needed, never less). */
lh_status lh_remote_load_names(lh_lake *lake, const lh_toks *toks);

/* --- name resolution (views.c) -------------------------------------------------------- */
/* Finds a table by qualified name in a state. Errors name the object. */
lh_status lh_resolve_table(lh_lake *lake, const lh_state *state, const lh_qname *q,
                           ptrdiff_t *out_index);
lh_status lh_resolve_schema(lh_lake *lake, const lh_state *state, const char *catalog,
                            const char *schema, lh_schema **out);

/* --- transactions (txn.c) -------------------------------------------------------------- */
lh_status lh_txn_begin(lh_lake *lake);
/* Commits the open transaction; *out_snapshot = the new snapshot, -1 when it changed
 * nothing. An error means nothing changed (the transaction is rolled back); once the
 * catalog committed the result is LH_OK, whatever fails after (see txn.c's top). */
lh_status lh_txn_commit(lh_lake *lake, int64_t *out_snapshot);
void lh_txn_rollback(lh_lake *lake);
/* Refreshes the committed state from the catalog (when no transaction is open). */
lh_status lh_lake_refresh(lh_lake *lake);
/* Runs fn as one atomic statement that changes the lake, in the open transaction or an
 * implicit one. */
typedef lh_status (*lh_change_fn)(lh_lake *lake, void *arg, int64_t *out_count);
lh_status lh_txn_run(lh_lake *lake, lh_change_fn fn, void *arg, int64_t *out_count);
/* Records a file written by the open transaction (for cleanup on failure). */
lh_status lh_txn_track_file(lh_lake *lake, const char *path);

/* --- checksums (verify.c) ------------------------------------------------------------- */
/* Lets the store check downloads against the recorded checksums. */
void lh_verify_attach(lh_lake *lake);
/* The checksums the commit of the open transaction records: the store's put log
 * without the files the transaction wrote and stopped using, keyed as the catalog
 * stores them. The caller frees *out. */
lh_status lh_verify_commit_sums(lh_lake *lake, lh_file_sums *out);

/* --- statements --------------------------------------------------------------------- */
/* One statement and what is known while it runs (exec.c makes it; lake->stmt points to
 * it meanwhile). Entry points that rewrite or read the lake outside a SQL statement
 * (stream plans, tools) open one with lh_stmt_enter as well. */
typedef struct lh_stmt {
	const char *text; /* the statement, NUL-terminated copy */
	lh_toks toks;
	bool fresh;          /* the committed state was refreshed during this statement */
	int views_made;      /* per-statement views __lh_q_<n> made so far (rewrite.c) */
	int64_t commit_before; /* lake->last_commit when the statement started */
	lh_result *spare;    /* an empty result made before the statement ran, handed out
	                        when making its own fails after it committed */
	struct lh_stmt *outer; /* the statement this one runs inside, if any */
} lh_stmt;

/* Makes s the running statement (it starts from the latest snapshot); lh_stmt_leave
 * restores the one before. */
void lh_stmt_enter(lh_lake *lake, lh_stmt *s);
void lh_stmt_leave(lh_lake *lake, lh_stmt *s);
/* The running statement's state was refreshed (or not) just now. */
void lh_stmt_set_fresh(lh_lake *lake, bool fresh);
bool lh_stmt_is_fresh(const lh_lake *lake);
/* A name for the next per-statement view, "__lh_q_<n>" (caller frees). */
char *lh_stmt_view_name(lh_lake *lake);

lh_status lh_ddl_create_schema(lh_lake *lake, lh_stmt *s, lh_cursor *c);
lh_status lh_ddl_drop(lh_lake *lake, lh_stmt *s, lh_cursor *c);
lh_status lh_ddl_create_table(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count);
lh_status lh_ddl_alter_table(lh_lake *lake, lh_stmt *s, lh_cursor *c);
/* Column rows for a "(col type [NOT NULL] [DEFAULT literal], ...)" list, parsed by DuckDB,
 * numbered from *next_id (ddl.c). */
lh_status lh_ddl_columns_from_defs(lh_lake *lake, const char *defs, int64_t *next_id,
                                   lh_column_vec *out);
/* The text of a literal default cast to SQL type `type`; non-literals are refused. */
lh_status lh_ddl_eval_default(lh_lake *lake, const char *column, const char *expr,
                              const char *type, char **out);
void lh_columns_free(lh_column_vec *v);

/* The session statements (session.c); the cursor is after the head words. */
lh_status lh_stmt_attach(lh_lake *lake, lh_stmt *s, lh_cursor *c, lh_result **out);
lh_status lh_stmt_detach(lh_lake *lake, lh_stmt *s, lh_cursor *c, lh_result **out);
lh_status lh_stmt_create_secret(lh_lake *lake, lh_stmt *s, lh_cursor *c);
lh_status lh_stmt_drop_secret(lh_lake *lake, lh_stmt *s, lh_cursor *c);
/* Runs a statement in DuckDB as it is, after the lake's views are current and its AT
 * clauses rewritten (exec.c). */
lh_status lh_exec_duckdb(lh_lake *lake, lh_stmt *s, lh_result **out);

/* Views and comments (objects.c). The cursor is after VIEW / after ON. DROP VIEW is
 * lh_ddl_drop's. */
lh_status lh_ddl_create_view(lh_lake *lake, lh_stmt *s, lh_cursor *c);
/* ALTER VIEW [IF EXISTS] v RENAME TO w (the cursor after ALTER VIEW); other forms are
 * refused on lake views. */
lh_status lh_ddl_alter_view(lh_lake *lake, lh_stmt *s, lh_cursor *c);
lh_status lh_ddl_comment(lh_lake *lake, lh_stmt *s, lh_cursor *c);
/* Finds a view by qualified name in a state. Errors name the object. */
lh_status lh_resolve_view(lh_lake *lake, const lh_state *state, const lh_qname *q,
                          ptrdiff_t *out_index);
/* True when the qualified name at the cursor names a view of the working state. */
bool lh_lake_names_view(lh_lake *lake, const lh_cursor *at);

lh_status lh_dml_insert(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count);
lh_status lh_dml_delete(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count);
lh_status lh_dml_update(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count);
lh_status lh_dml_truncate(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count);

/* Writes the rows of `select_sql` as new data files of table index `ti` of the working
 * state and adds them to it; *out_rows = rows written. Checks NOT NULL columns. The
 * table's partitioning splits the rows into files per partition, unless `like` is given:
 * then they go unsplit into like's partition (its folder, partition id and values). */
/* Helpers the DML statements share (dml.c), for MERGE (merge.c). */
/* "(<scan of table ti with __lh_file, __lh_pos, __lh_rowid[, rowid]>) AS alias" */
lh_status lh_dml_scan_as(lh_lake *lake, size_t ti, const char *alias, lh_buf *b);
/* A query fragment with its AT clauses, views and tags rewritten (heap copy). */
lh_status lh_dml_rewritten(lh_lake *lake, const char *sql, char **out);
/* "CAST(<default or NULL> AS <type>)" of column ci. */
lh_status lh_dml_default(lh_lake *lake, const lh_table *t, size_t ci, lh_buf *b);
typedef struct lh_assignment {
	ptrdiff_t column;  /* index into table->columns */
	size_t start, end; /* expression text */
} lh_assignment;
typedef LH_VEC(lh_assignment) lh_assignments;
/* "col = expr, ..." up to FROM / WHERE / RETURNING / WHEN outside parentheses and CASE. */
lh_status lh_dml_set_list(lh_lake *lake, lh_cursor *c, const lh_table *t, const char *label,
                         lh_assignments *out);
/* Table __lh.main.updated (__lh_file, __lh_pos, __lh_rowid, the table's columns): writes
 * the new versions (keeping row ids) and deletes the old; *out_count = rows updated. */
lh_status lh_dml_apply_updates(lh_lake *lake, size_t ti, int64_t *out_count);
/* The first half of it: the new versions alone (the old ones stay to be deleted). */
lh_status lh_dml_write_versions(lh_lake *lake, size_t ti);
lh_status lh_dml_merge(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count);
/* "NOT NULL constraint failed: column ... of table ...": the error of a NULL in column. */
lh_status lh_dml_not_null_failed(lh_lake *lake, const lh_table *t, const char *column);
/* lineage: the lineage columns (engine/types.h) the query has after the table's. */
lh_status lh_dml_write_rows(lh_lake *lake, size_t ti, const char *select_sql, unsigned lineage,
                            const lh_data_file *like,
                            int64_t *out_rows);
/* The same, the files holding the columns of `shape` (the table as an older snapshot had
 * it, whose rows those are: a merge keeps the columns its sources had). */
lh_status lh_dml_write_shaped(lh_lake *lake, size_t ti, const lh_table *shape,
                              const char *select_sql, unsigned lineage, const lh_data_file *like,
                              int64_t *out_rows);
/* Marks the (file_id, pos) rows of DuckDB table `matched` deleted in table index ti;
 * *out_count = rows newly deleted. */
lh_status lh_dml_mark_deleted(lh_lake *lake, size_t ti, const char *matched, int64_t *out_count);

/* --- rewriting queries (rewrite.c) ------------------------------------------------------ */
/* Rewrites AT clauses and DuckLake table functions of a query into references DuckDB can
 * run. *out is NULL when the query needs no rewrite. */
lh_status lh_rewrite_query(lh_lake *lake, const char *sql, const lh_toks *toks, char **out);
/* A query (SELECT, WITH, FROM, VALUES) rewritten so that every lake table it names without
 * an AT clause reads snapshot `snapshot`. Caller frees *out. */
lh_status lh_rewrite_pinned(lh_lake *lake, const char *sql, int64_t snapshot, char **out);
/* Evaluates a constant SQL expression to text (caller frees). */
lh_status lh_eval_text(lh_lake *lake, const char *expr_sql, char **out);

/* --- history (history.c) ---------------------------------------------------------------- */
/* The arguments of a table function call, evaluated to text. */
typedef struct lh_fn_args {
	size_t n;
	char **values; /* NULL for SQL NULL */
	char **names;  /* the name of a named parameter (name => value), else NULL */
} lh_fn_args;

/* Fills temp table `name` with the result of a DuckLake table function call. Unknown
 * function: LH_ERR_NOT_FOUND. */
lh_status lh_history_function(lh_lake *lake, const char *function, const lh_fn_args *args,
                              const char *name);
lh_status lh_history_call(lh_lake *lake, lh_stmt *s, lh_cursor *c, bool *handled);

/* --- tags (tags.c) ---------------------------------------------------------------------- */
/* lakehouse_tags('lake') into temp table `name`. */
lh_status lh_tags_table(lh_lake *lake, const char *name);
/* sql with each AT (TAG => 'name') made AT (VERSION => n); *out NULL when there is none. */
lh_status lh_tags_resolve(lh_lake *lake, const char *sql, const lh_toks *toks, char **out);

/* --- options (options.c) ------------------------------------------------------------------ */
/* ducklake_set_option('lake', name, value [, table_name =>] [, schema =>]); a table
 * function's answer in temp table `table`. */
lh_status lh_options_set(lh_lake *lake, const lh_fn_args *args, const char *table);
/* ducklake_options('lake') into temp table `table`. */
lh_status lh_options_table(lh_lake *lake, const char *table);
/* How table t of state s writes its data files. */
void lh_lake_write_options(lh_lake *lake, const lh_state *s, const lh_table *t,
                           lh_write_options *out);

/* ducklake_add_data_files('lake', 'table', 'glob', ...) (addfiles.c). */
lh_status lh_add_data_files(lh_lake *lake, const lh_fn_args *args, const char *table);

/* --- data inlining (inline.c) ------------------------------------------------------------ */
/* The row limit of inlined inserts into table t (0: none). */
int64_t lh_inline_limit(lh_lake *lake, const lh_state *s, const lh_table *t);
/* INSERT's rows (select_sql, typed and named like the table): kept for the catalog when
 * within the limit, else written as data files (lh_dml_write_rows). */
lh_status lh_inline_insert(lh_lake *lake, size_t ti, const char *select_sql, int64_t *out_rows);
/* The inlined rows among `matched` (file_id, pos): ended at commit (the catalog's) or
 * dropped (the transaction's own); *out_count grows by their number. */
lh_status lh_inline_mark_deleted(lh_lake *lake, size_t ti, const char *matched, int64_t *out_count);
/* Every inlined row of table ti (DELETE without WHERE, TRUNCATE). */
lh_status lh_inline_delete_all(lh_lake *lake, size_t ti, int64_t *out_count);
/* Before the commit: the statistics of each table's pending rows where a later batch or
 * a delete made them unknown (model.h). */
lh_status lh_inline_prepare(lh_lake *lake, lh_state *txn);
/* Writes table ti's inlined rows into a data file with their row ids and ends them in the
 * catalog (at commit); *out_rows = rows moved. */
lh_status lh_inline_flush(lh_lake *lake, size_t ti, int64_t *out_rows);

/* --- maintenance (maintain.c) ------------------------------------------------------------ */
bool lh_maint_is_function(const char *function);
/* Runs a maintenance table function into temp table `name`: (action, object, bytes). */
lh_status lh_maint_function(lh_lake *lake, const char *function, const lh_fn_args *args,
                            const char *name);

/* --- results (result.c) -------------------------------------------------------------------- */
/* Runs a query DuckDB answers (after rewriting) and wraps its result. */
lh_status lh_result_from_query(lh_lake *lake, const char *sql, lh_result **out);
/* A one-row result with a "Count" column (what DuckDB returns for DML). */
lh_status lh_result_count(lh_lake *lake, int64_t count, lh_result **out);
/* A result with no columns (DDL, transaction control). */
lh_status lh_result_empty(lh_result **out);
/* Runs a query (already rewritten) and exports it as an Arrow C stream. */
lh_status lh_result_arrow_stream(lh_lake *lake, const char *sql, struct ArrowArrayStream *out);

/* Applies a lake setting by name (DuckLake's option names, with or without the
 * ducklake_ prefix): max_retry_count, retry_wait_ms, retry_backoff. *known is false
 * for other names. */
lh_status lh_lake_setting(lh_lake *lake, const char *name, const char *value, bool *known);

/* Sets the lake's error. Returns code. */
lh_status lh_lake_fail(lh_lake *lake, lh_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
