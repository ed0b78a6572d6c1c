/*
 * catalog/catdb.h - the one small interface every catalog backend implements.
 *
 * Layer: catalog. A backend is a SQL connection to the database that holds the DuckLake
 * tables: run a statement with typed parameters, read rows as text, begin/commit/roll
 * back. SQL handed to it is portable (`?` placeholders, no boolean literals); dialect
 * differences (how booleans and placeholders are spelled, what is a retryable error)
 * stay inside the backend. Backends never call the engine, the store or the lake.
 *
 * Errors a commit may retry come back as LH_ERR_BUSY (lock timeout, serialization
 * failure, deadlock) or LH_ERR_CONFLICT (primary-key clash, e.g. on snapshot_id); they
 * are classified by the backend's error codes, never by message text.
 */
#ifndef LH_CATALOG_CATDB_H
#define LH_CATALOG_CATDB_H

#include "util/err.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum lh_val_type { LH_VAL_NULL, LH_VAL_INT, LH_VAL_TEXT, LH_VAL_BOOL } lh_val_type;

/* A statement parameter. Text is borrowed for the duration of the call. */
typedef struct lh_val {
	lh_val_type type;
	int64_t i;
	const char *s;
} lh_val;

#define LH_V_NULL ((lh_val){.type = LH_VAL_NULL})
#define LH_V_INT(x) ((lh_val){.type = LH_VAL_INT, .i = (x)})
#define LH_V_BOOL(x) ((lh_val){.type = LH_VAL_BOOL, .i = (x) ? 1 : 0})
/* Text, or NULL when the pointer is NULL. */
static inline lh_val lh_v_text(const char *s)
{
	return s ? (lh_val){.type = LH_VAL_TEXT, .s = s} : LH_V_NULL;
}
#define LH_V_TEXT(x) lh_v_text(x)
/* An integer where a negative value means NULL (our convention for unset ids). */
static inline lh_val lh_v_id(int64_t x)
{
	return x >= 0 ? LH_V_INT(x) : LH_V_NULL;
}
#define LH_V_ID(x) lh_v_id(x)

/* Rows read from the catalog, every cell as text (NULL for SQL NULL). */
typedef struct lh_rows {
	size_t nrows;
	size_t ncols;
	char **cells; /* nrows * ncols */
	char **names; /* ncols column names (may be NULL) */
} lh_rows;

const char *lh_rows_get(const lh_rows *rows, size_t row, size_t col);
bool lh_rows_isnull(const lh_rows *rows, size_t row, size_t col);
/* The cell as an integer; `dflt` for NULL. */
int64_t lh_rows_int(const lh_rows *rows, size_t row, size_t col, int64_t dflt);
/* The cell as a boolean: 1/true/t are true; NULL gives dflt. */
bool lh_rows_bool(const lh_rows *rows, size_t row, size_t col, bool dflt);
/* A heap copy of the cell (NULL for SQL NULL). */
char *lh_rows_dup(const lh_rows *rows, size_t row, size_t col);
void lh_rows_free(lh_rows **rows);

typedef struct lh_catdb lh_catdb;

struct lh_catdb_ops {
	const char *name;
	/* The backend's column type for a DuckDB type name used in the DuckLake DDL
	 * (BIGINT, VARCHAR, BOOLEAN, UUID, TIMESTAMPTZ). */
	const char *(*column_type)(const char *duckdb_type);
	/* Runs a statement that returns no rows; *out_changes (may be NULL) = rows changed. */
	lh_status (*exec)(lh_catdb *db, const char *sql, const lh_val *params, size_t nparams,
	                  int64_t *out_changes, lh_err *err);
	/* Runs a query and returns all its rows. */
	lh_status (*query)(lh_catdb *db, const char *sql, const lh_val *params, size_t nparams,
	                   lh_rows **out_rows, lh_err *err);
	/* Runs a script of statements without parameters (schema creation). */
	lh_status (*script)(lh_catdb *db, const char *sql, lh_err *err);
	/* Starts a transaction; `write` takes the write lock up front where the backend has
	 * one (SQLite BEGIN IMMEDIATE), so a read->write upgrade can never deadlock. */
	lh_status (*begin)(lh_catdb *db, bool write, lh_err *err);
	lh_status (*commit)(lh_catdb *db, lh_err *err);
	/* Rolls back; never fails (a failed rollback closes the transaction anyway). */
	void (*rollback)(lh_catdb *db);
	void (*close)(lh_catdb *db);
	/* Optional: keep the connection open across the calls until the matching release
	 * (a backend that opens per operation, like the DuckDB file, saves the reopening).
	 * Nests. NULL when the backend is always open. */
	lh_status (*hold)(lh_catdb *db, lh_err *err);
	void (*release)(lh_catdb *db);
	/* A query counting the tables named by its one parameter in the catalog's schema
	 * (for this project's lakehouse_* tables, created when first needed). */
	const char *table_exists_sql;
	/* A query listing the names of every table in the catalog's schema. */
	const char *tables_sql;
	/* Puts the DuckLake tables in schema `schema` of the database (ATTACH's
	 * METADATA_SCHEMA), made if missing when `create`; NULL when the backend has one
	 * schema only. `schema` is any name of at most 63 bytes (quoted here). */
	lh_status (*set_schema)(lh_catdb *db, const char *schema, bool create, lh_err *err);
};

/* The DuckLake format of a catalog, set when it is checked or created (schema.h). 0.4 and
 * 1.0 share one layout (1.0 only renamed 0.4); "v1" below means either. */
typedef enum lh_ducklake_format {
	LH_DUCKLAKE_0_3,
	LH_DUCKLAKE_0_4,
	LH_DUCKLAKE_1_0,
} lh_ducklake_format;

struct lh_catdb {
	const struct lh_catdb_ops *ops;
	lh_ducklake_format format;
	bool indexed; /* lh_catalog_ensure_indexes ran on this connection */
	/* The catalog can only be read (its folder is a read-only mount, or its disk is
	 * full): queries work, any write fails before touching anything (lh_catdb_writable).
	 * read_only_errno says why (EROFS, ENOSPC, EACCES...). */
	bool read_only;
	int read_only_errno;
	const char *label; /* the catalog as messages name it (a file path), or NULL */
};

/* The 0.4/1.0 layout (per-table schema versions, partial_max, inlined file deletes). */
static inline bool lh_catdb_v1(const lh_catdb *db)
{
	return db->format >= LH_DUCKLAKE_0_4;
}

/* LH_OK when the catalog can be written; else LH_ERR_NO_SPACE (a full disk) or
 * LH_ERR_READ_ONLY, with a message that names the catalog, the reason and what to do. */
lh_status lh_catdb_writable(const lh_catdb *db, lh_err *err);

/* Rewrites `?` and `?N` placeholders (outside quotes) as `$N`, for backends that number
 * their parameters. Caller frees. */
char *lh_catdb_dollar_params(const char *sql);

/* Opens a PostgreSQL catalog. `conninfo` is a libpq connection string or URI; a
 * password in it is refused (use PGPASSWORD or ~/.pgpass). */
lh_status lh_catdb_open_postgres(const char *conninfo, lh_catdb **out_db, lh_err *err);

/* Opens a DuckDB-file catalog. The file is opened only while a statement or transaction
 * runs, under an advisory lock next to it, so several processes can share it. */
lh_status lh_catdb_open_duckdb(const char *path, bool create, lh_catdb **out_db, lh_err *err);

/* Opens an SQLite catalog file. `create` makes the file if missing; otherwise a missing
 * file is LH_ERR_NOT_FOUND. WAL mode, busy timeout and synchronous=FULL are set. A
 * catalog whose folder cannot be written is opened read-only (db->read_only). */
lh_status lh_catdb_open_sqlite(const char *path, bool create, lh_catdb **out_db, lh_err *err);

/* Convenience wrappers over the ops table. */
static inline lh_status lh_catdb_exec(lh_catdb *db, const char *sql, const lh_val *p, size_t n,
                                      lh_err *err)
{
	return db->ops->exec(db, sql, p, n, NULL, err);
}
static inline lh_status lh_catdb_query(lh_catdb *db, const char *sql, const lh_val *p, size_t n,
                                       lh_rows **out, lh_err *err)
{
	return db->ops->query(db, sql, p, n, out, err);
}
void lh_catdb_close(lh_catdb **db);
/* *out: the catalog has a table `name` (this project's lakehouse_* tables are made when
 * first needed, so lakes without them open unchanged). */
lh_status lh_catdb_table_exists(lh_catdb *db, const char *name, bool *out, lh_err *err);
/* Commits the open transaction; on failure it has been rolled back. Every catalog
 * commit goes through here, so fault injection (util/fault.h, catalog_commit) can fail
 * it. */
lh_status lh_catdb_commit(lh_catdb *db, lh_err *err);
/* METADATA_SCHEMA: see set_schema; LH_ERR_UNSUPPORTED, with a message, for a backend with
 * one schema (SQLite), unless `schema` is its own ("main"). */
lh_status lh_catdb_set_schema(lh_catdb *db, const char *schema, bool create, lh_err *err);
/* Hold/release (no-ops for backends without them). */
lh_status lh_catdb_hold(lh_catdb *db, lh_err *err);
void lh_catdb_release(lh_catdb *db);

#endif
