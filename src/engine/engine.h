/*
 * engine/engine.h - the embedded DuckDB: one database, one connection, the `lake`
 * catalog the views of lake tables live in, and helpers to run SQL and read vectors.
 *
 * Layer: engine. Uses catalog (the model, to describe tables) and util. Never talks to
 * the catalog database or the object store; never decides what a statement means.
 *
 * DuckDB setup: an in-memory database; an attached in-memory catalog `lake` made the
 * default (`USE lake`), so `items`, `raw.items` and `lake.raw.items` all resolve to the
 * views this layer defines. Internal objects (time-travel views, answers of table
 * functions, pending deletes, scratch tables) live in a second in-memory database
 * `__lh`, out of sight of SHOW TABLES and of the user's TEMP objects.
 */
#ifndef LH_ENGINE_ENGINE_H
#define LH_ENGINE_ENGINE_H

#include "util/buf.h"
#include "util/err.h"

#include <duckdb.h>

typedef struct lh_engine lh_engine;

lh_status lh_engine_open(lh_engine **out, lh_err *err);
void lh_engine_close(lh_engine **engine);
/* A second connection to the same database, for work that must not disturb the first
 * (a training stream keeps a streaming result open across calls). Closed with
 * lh_engine_close before the engine it came from. */
lh_status lh_engine_connect(lh_engine *engine, lh_engine **out, lh_err *err);
duckdb_connection lh_engine_conn(lh_engine *engine);

/* Runs SQL and discards its result. */
lh_status lh_engine_exec(lh_engine *engine, const char *sql, lh_err *err);
/* Runs "<sql> <name>", name written as a quoted identifier (USE x, DETACH x, ...). */
lh_status lh_engine_exec_named(lh_engine *engine, const char *sql, const char *name, lh_err *err);
/* Runs SQL and keeps its (materialised) result; the caller destroys *out with
 * duckdb_destroy_result, on success only. */
lh_status lh_engine_query(lh_engine *engine, const char *sql, duckdb_result *out, lh_err *err);
/* Runs a query whose result is produced as it is read (duckdb_fetch_chunk), in bounded
 * memory; any other query on the connection ends it. */
lh_status lh_engine_stream(lh_engine *engine, const char *sql, duckdb_result *out, lh_err *err);
/* Runs a query returning one value and hands back its text (caller frees; NULL for SQL
 * NULL). */
lh_status lh_engine_scalar(lh_engine *engine, const char *sql, char **out, lh_err *err);
/* Like lh_engine_scalar for SQL that only calls DuckDB's parser (json_serialize_sql,
 * json_deserialize_sql), run on a connection of its own: outside the caller's
 * transaction and its settings (PRAGMA enable_verification re-runs each query of its
 * connection in several forms and cannot verify these inside a transaction). */
lh_status lh_engine_parse_scalar(lh_engine *engine, const char *sql, char **out, lh_err *err);
/* Like lh_engine_scalar for SQL the lake wrapped around a user's expression (a CAST of
 * a DEFAULT or an AT version): an error keeps DuckDB's words, never the SQL excerpt. */
lh_status lh_engine_scalar_expr(lh_engine *engine, const char *sql, char **out, lh_err *err);
/* Like lh_engine_scalar for an integer. */
lh_status lh_engine_scalar_int(lh_engine *engine, const char *sql, int64_t *out, lh_err *err);

/* Runs a query whose first column is integer and collects its non-NULL values. */
lh_status lh_engine_int_column(lh_engine *engine, const char *sql, lh_i64_vec *out, lh_err *err);

/* Maps a DuckDB error type to our status. */
lh_status lh_engine_status(duckdb_error_type type);
/* Records a DuckDB error message on err with `code`, tidied for a user: a "Did you mean"
 * naming a system view dropped, the "LINE n:" block with its caret kept once, and
 * dropped when it shows SQL the lake generated. */
lh_status lh_engine_set_error(lh_err *err, lh_status code, const char *message);
/* Records a DuckDB error message on err, mapped to our status (tidied likewise). */
lh_status lh_engine_error(lh_err *err, duckdb_error_type type, const char *message);

/* The output columns of a query, found by preparing it (nothing runs). */
typedef struct lh_query_columns {
	size_t n;
	char **names;
	duckdb_logical_type *types;
	duckdb_statement_type statement_type;
} lh_query_columns;

lh_status lh_engine_describe(lh_engine *engine, const char *sql, lh_query_columns *out,
                             lh_err *err);
void lh_query_columns_free(lh_query_columns *cols);

/* --- reading vectors ---------------------------------------------------------------- */
/* True when row is not NULL in vector. */
bool lh_vec_valid(duckdb_vector vec, idx_t row);
/* The VARCHAR at row of a VARCHAR vector, with its length (not NUL-terminated). */
const char *lh_vec_str(duckdb_vector vec, idx_t row, uint32_t *len);
/* A heap copy of the VARCHAR at row (NULL for SQL NULL or OOM). */
char *lh_vec_strdup(duckdb_vector vec, idx_t row);
/* An integer column value of any integer type. */
int64_t lh_vec_int(duckdb_vector vec, duckdb_type type, idx_t row);

#endif
