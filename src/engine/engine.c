/*
 * engine/engine.c - the DuckDB database and connection. See engine.h.
 */
#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

struct lh_engine {
	duckdb_database db;
	duckdb_connection conn;
	duckdb_connection parser; /* for lh_engine_parse_scalar; NULL until first used */
	bool borrowed_db; /* a second connection (lh_engine_connect): the db is not ours */
};

lh_status lh_engine_status(duckdb_error_type type)
{
	switch (type) {
	case DUCKDB_ERROR_PARSER:
	case DUCKDB_ERROR_SYNTAX:
		return LH_ERR_SYNTAX;
	case DUCKDB_ERROR_CATALOG:
		return LH_ERR_NOT_FOUND;
	case DUCKDB_ERROR_CONVERSION:
	case DUCKDB_ERROR_MISMATCH_TYPE:
	case DUCKDB_ERROR_INVALID_TYPE:
	case DUCKDB_ERROR_OUT_OF_RANGE:
	case DUCKDB_ERROR_DECIMAL:
		return LH_ERR_TYPE;
	case DUCKDB_ERROR_CONSTRAINT:
		return LH_ERR_CONSTRAINT;
	case DUCKDB_ERROR_IO:
	case DUCKDB_ERROR_HTTP:
	case DUCKDB_ERROR_PERMISSION:
		return LH_ERR_IO;
	case DUCKDB_ERROR_OUT_OF_MEMORY:
		return LH_ERR_NOMEM;
	case DUCKDB_ERROR_NOT_IMPLEMENTED:
		return LH_ERR_UNSUPPORTED;
	case DUCKDB_ERROR_INTERNAL:
	case DUCKDB_ERROR_FATAL:
		return LH_ERR_INTERNAL;
	case DUCKDB_ERROR_BINDER:
	case DUCKDB_ERROR_INVALID_INPUT:
	default:
		return LH_ERR_INVALID;
	}
}

/* Names DuckDB may suggest that are not the user's tables: its system views and
 * functions' catalogs, and the lake's internal schema. */
static bool internal_name(const char *s)
{
	static const char *const prefixes[] = {"pg_", "information_schema", "duckdb_", "sqlite_",
	                                       "__lh", "system.", "temp.", "memory."};
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (strncmp(s, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

/* SQL the lake generated (views over files), which must never reach a user. */
static bool internal_sql(const char *line, size_t len)
{
	static const char *const marks[] = {"__lh", "__src", "__fm.", "__d.", "read_parquet(",
	                                    "file_row_number", "COPY ("};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t m = strlen(marks[i]);
		for (size_t k = 0; k + m <= len; k++)
			if (memcmp(line + k, marks[i], m) == 0)
				return true;
	}
	return false;
}

static lh_status tidy_error(lh_err *err, lh_status code, const char *message, bool hide_sql);

lh_status lh_engine_set_error(lh_err *err, lh_status code, const char *message)
{
	return tidy_error(err, code, message, false);
}

/* Tidies DuckDB's message; hide_sql drops every "LINE n:" block (the statement was the
 * lake's own wrapping of a user's expression). */
static lh_status tidy_error(lh_err *err, lh_status code, const char *message, bool hide_sql)
{
	const char *msg = message ? message : "query failed";
	lh_buf b;
	lh_buf_init(&b, 0);
	bool had_block = false;
	for (const char *p = msg; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *next = nl ? nl + 1 : p + len;
		/* "Candidate bindings: ..." that would list our own columns */
		if (strncmp(p, "Candidate bindings:", 19) == 0 && internal_sql(p, len)) {
			p = next;
			continue;
		}
		if (len > 16 && strncmp(p, "Did you mean \"", 14) == 0 && internal_name(p + 14)) {
			p = next;
			continue;
		}
		if (strncmp(p, "LINE ", 5) == 0) {
			/* the statement with a caret under the error: once, and never ours */
			const char *caret_end = nl ? strchr(nl + 1, '\n') : NULL;
			const char *after = caret_end ? caret_end + 1 : (nl ? nl + 1 + strlen(nl + 1) : next);
			if (!had_block && !hide_sql && !internal_sql(p, len))
				lh_buf_append(&b, p, (size_t)(after - p));
			had_block = true;
			p = after;
			continue;
		}
		lh_buf_append(&b, p, (size_t)(next - p));
		p = next;
	}
	/* no trailing blank lines */
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
		b.len--;
	lh_status st = b.status == LH_OK ? lh_err_set(err, code, "%.*s", (int)b.len, b.data)
	                                 : lh_err_set(err, code, "%s", msg);
	lh_buf_free(&b);
	return st;
}

lh_status lh_engine_error(lh_err *err, duckdb_error_type type, const char *message)
{
	return lh_engine_set_error(err, lh_engine_status(type), message);
}

lh_status lh_engine_open(lh_engine **out, lh_err *err)
{
	*out = NULL;
	lh_engine *e = calloc(1, sizeof *e);
	if (!e)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	char *open_err = NULL;
	duckdb_config config = NULL;
	if (duckdb_create_config(&config) == DuckDBError) {
		free(e);
		return lh_err_set(err, LH_ERR_ENGINE, "cannot configure DuckDB");
	}
	/* extensions cannot be downloaded here and must never be tried */
	duckdb_set_config(config, "autoinstall_known_extensions", "false");
	duckdb_set_config(config, "autoload_known_extensions", "false");
	if (duckdb_open_ext(NULL, &e->db, config, &open_err) == DuckDBError) {
		lh_status st = lh_err_set(err, LH_ERR_ENGINE, "cannot start DuckDB: %s",
		                          open_err ? open_err : "unknown error");
		duckdb_free(open_err);
		duckdb_destroy_config(&config);
		free(e);
		return st;
	}
	duckdb_destroy_config(&config);
	if (duckdb_connect(e->db, &e->conn) == DuckDBError) {
		duckdb_close(&e->db);
		free(e);
		return lh_err_set(err, LH_ERR_ENGINE, "cannot connect to DuckDB");
	}
	lh_status st = lh_engine_exec(e, "ATTACH ':memory:' AS lake; ATTACH ':memory:' AS __lh; USE lake;", err);
	if (st != LH_OK) {
		lh_engine_close(&e);
		return st;
	}
	*out = e;
	return LH_OK;
}

void lh_engine_close(lh_engine **engine)
{
	if (!engine || !*engine)
		return;
	lh_engine *e = *engine;
	duckdb_disconnect(&e->conn);
	if (e->parser)
		duckdb_disconnect(&e->parser);
	if (!e->borrowed_db)
		duckdb_close(&e->db);
	free(e);
	*engine = NULL;
}

lh_status lh_engine_connect(lh_engine *engine, lh_engine **out, lh_err *err)
{
	*out = NULL;
	lh_engine *e = calloc(1, sizeof *e);
	if (!e)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	e->db = engine->db;
	e->borrowed_db = true;
	if (duckdb_connect(e->db, &e->conn) == DuckDBError) {
		free(e);
		return lh_err_set(err, LH_ERR_ENGINE, "cannot open a DuckDB connection");
	}
	*out = e;
	return LH_OK;
}

duckdb_connection lh_engine_conn(lh_engine *engine)
{
	return engine->conn;
}

lh_status lh_engine_stream(lh_engine *engine, const char *sql, duckdb_result *out, lh_err *err)
{
	duckdb_prepared_statement ps = NULL;
	if (duckdb_prepare(engine->conn, sql, &ps) == DuckDBError) {
		lh_status st = lh_engine_set_error(err, LH_ERR_ENGINE, duckdb_prepare_error(ps));
		duckdb_destroy_prepare(&ps);
		return st;
	}
	duckdb_pending_result pending = NULL;
	lh_status st = LH_OK;
	if (duckdb_pending_prepared_streaming(ps, &pending) == DuckDBError) {
		st = lh_engine_set_error(err, LH_ERR_ENGINE, duckdb_pending_error(pending));
	} else if (duckdb_execute_pending(pending, out) == DuckDBError) {
		st = lh_engine_error(err, duckdb_result_error_type(out), duckdb_result_error(out));
		duckdb_destroy_result(out);
	}
	duckdb_destroy_pending(&pending);
	duckdb_destroy_prepare(&ps);
	return st;
}

static lh_status query_on(duckdb_connection conn, const char *sql, duckdb_result *out,
                         lh_err *err)
{
	if (duckdb_query(conn, sql, out) == DuckDBError) {
		lh_status st = lh_engine_error(err, duckdb_result_error_type(out), duckdb_result_error(out));
		duckdb_destroy_result(out);
		return st;
	}
	return LH_OK;
}

lh_status lh_engine_query(lh_engine *engine, const char *sql, duckdb_result *out, lh_err *err)
{
	return query_on(engine->conn, sql, out, err);
}

lh_status lh_engine_exec(lh_engine *engine, const char *sql, lh_err *err)
{
	duckdb_result r;
	lh_status st = lh_engine_query(engine, sql, &r, err);
	if (st == LH_OK)
		duckdb_destroy_result(&r);
	return st;
}

lh_status lh_engine_exec_named(lh_engine *engine, const char *sql, const char *name, lh_err *err)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b, "%s ", sql);
	lh_buf_sql_ident(&b, name);
	lh_status st = b.status == LH_OK ? lh_engine_exec(engine, lh_buf_str(&b), err)
	                                 : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&b);
	return st;
}

/* Runs "SELECT CAST(#1 AS <type>) FROM (<sql>)": the first column of a query as `type`. */
static lh_status first_column(duckdb_connection conn, const char *sql, const char *type,
                              duckdb_result *r, lh_err *err)
{
	char *text = lh_asprintf("SELECT CAST(#1 AS %s) FROM (\n%s\n) __lh_first", type, sql);
	if (!text)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = query_on(conn, text, r, err);
	free(text);
	return st;
}

lh_status lh_engine_int_column(lh_engine *engine, const char *sql, lh_i64_vec *out, lh_err *err)
{
	memset(out, 0, sizeof *out);
	duckdb_result r;
	lh_status st = first_column(engine->conn, sql, "BIGINT", &r, err);
	if (st != LH_OK)
		return st;
	duckdb_data_chunk ch;
	while (st == LH_OK && (ch = duckdb_fetch_chunk(r))) {
		idx_t n = duckdb_data_chunk_get_size(ch);
		duckdb_vector v = duckdb_data_chunk_get_vector(ch, 0);
		const int64_t *data = duckdb_vector_get_data(v);
		for (idx_t i = 0; i < n && st == LH_OK; i++)
			if (lh_vec_valid(v, i) && LH_VEC_PUSH(out, data[i]) != LH_OK)
				st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		duckdb_destroy_data_chunk(&ch);
	}
	duckdb_destroy_result(&r);
	if (st != LH_OK)
		LH_VEC_FREE(out);
	return st;
}

static lh_status scalar_on(duckdb_connection conn, const char *sql, char **out, lh_err *err)
{
	*out = NULL;
	/* DuckDB renders the value (its C value accessors cannot render every type) */
	duckdb_result r;
	lh_status st = first_column(conn, sql, "VARCHAR", &r, err);
	if (st != LH_OK)
		return st;
	duckdb_data_chunk ch = duckdb_fetch_chunk(r);
	if (ch && duckdb_data_chunk_get_size(ch) > 0) {
		duckdb_vector v = duckdb_data_chunk_get_vector(ch, 0);
		if (lh_vec_valid(v, 0) && !(*out = lh_vec_strdup(v, 0)))
			st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	if (ch)
		duckdb_destroy_data_chunk(&ch);
	duckdb_destroy_result(&r);
	return st;
}

lh_status lh_engine_scalar(lh_engine *engine, const char *sql, char **out, lh_err *err)
{
	return scalar_on(engine->conn, sql, out, err);
}

lh_status lh_engine_parse_scalar(lh_engine *engine, const char *sql, char **out, lh_err *err)
{
	*out = NULL;
	if (!engine->parser && duckdb_connect(engine->db, &engine->parser) == DuckDBError) {
		engine->parser = NULL;
		return lh_err_set(err, LH_ERR_ENGINE, "cannot open a DuckDB connection");
	}
	return scalar_on(engine->parser, sql, out, err);
}

lh_status lh_engine_scalar_expr(lh_engine *engine, const char *sql, char **out, lh_err *err)
{
	lh_status st = lh_engine_scalar(engine, sql, out, err);
	if (st != LH_OK && err->msg) {
		char *msg = err->msg;
		err->msg = NULL;
		st = tidy_error(err, st, msg, true);
		free(msg);
	}
	return st;
}

lh_status lh_engine_scalar_int(lh_engine *engine, const char *sql, int64_t *out, lh_err *err)
{
	char *v = NULL;
	lh_status st = lh_engine_scalar(engine, sql, &v, err);
	if (st == LH_OK && (!v || !lh_parse_int64(v, out)))
		st = lh_err_set(err, LH_ERR_TYPE, "expected an integer, got '%s'", v ? v : "NULL");
	free(v);
	return st;
}

bool lh_vec_valid(duckdb_vector vec, idx_t row)
{
	uint64_t *validity = duckdb_vector_get_validity(vec);
	return !validity || duckdb_validity_row_is_valid(validity, row);
}

const char *lh_vec_str(duckdb_vector vec, idx_t row, uint32_t *len)
{
	duckdb_string_t *data = (duckdb_string_t *)duckdb_vector_get_data(vec);
	*len = duckdb_string_t_length(data[row]);
	return duckdb_string_t_data(&data[row]);
}

char *lh_vec_strdup(duckdb_vector vec, idx_t row)
{
	if (!lh_vec_valid(vec, row))
		return NULL;
	uint32_t len;
	const char *s = lh_vec_str(vec, row, &len);
	return lh_strndup(s, len);
}

int64_t lh_vec_int(duckdb_vector vec, duckdb_type type, idx_t row)
{
	void *d = duckdb_vector_get_data(vec);
	switch (type) {
	case DUCKDB_TYPE_TINYINT:
		return ((int8_t *)d)[row];
	case DUCKDB_TYPE_SMALLINT:
		return ((int16_t *)d)[row];
	case DUCKDB_TYPE_INTEGER:
		return ((int32_t *)d)[row];
	case DUCKDB_TYPE_UTINYINT:
		return ((uint8_t *)d)[row];
	case DUCKDB_TYPE_USMALLINT:
		return ((uint16_t *)d)[row];
	case DUCKDB_TYPE_UINTEGER:
		return ((uint32_t *)d)[row];
	case DUCKDB_TYPE_UBIGINT:
		return (int64_t)((uint64_t *)d)[row];
	case DUCKDB_TYPE_BIGINT:
	default:
		return ((int64_t *)d)[row];
	}
}

lh_status lh_engine_describe(lh_engine *engine, const char *sql, lh_query_columns *out,
                             lh_err *err)
{
	memset(out, 0, sizeof *out);
	duckdb_prepared_statement stmt;
	if (duckdb_prepare(engine->conn, sql, &stmt) == DuckDBError) {
		const char *msg = duckdb_prepare_error(stmt);
		/* prepare errors carry no type; classify the common ones by DuckDB's prefix */
		lh_status code = LH_ERR_INVALID;
		if (msg && (strncmp(msg, "Parser Error", 12) == 0))
			code = LH_ERR_SYNTAX;
		else if (msg && strncmp(msg, "Catalog Error", 13) == 0)
			code = LH_ERR_NOT_FOUND;
		else if (msg && strncmp(msg, "Conversion Error", 16) == 0)
			code = LH_ERR_TYPE;
		lh_engine_set_error(err, code, msg ? msg : "cannot prepare query");
		duckdb_destroy_prepare(&stmt);
		return code;
	}
	out->statement_type = duckdb_prepared_statement_type(stmt);
	out->n = duckdb_prepared_statement_column_count(stmt);
	out->names = calloc(out->n + 1, sizeof *out->names);
	out->types = calloc(out->n + 1, sizeof *out->types);
	lh_status st = out->names && out->types ? LH_OK : LH_ERR_NOMEM;
	for (idx_t i = 0; st == LH_OK && i < out->n; i++) {
		/* DuckDB hands us its own copy of the name (freed with duckdb_free) */
		char *name = (char *)duckdb_prepared_statement_column_name(stmt, i);
		out->names[i] = lh_strdup(name);
		duckdb_free(name);
		out->types[i] = duckdb_prepared_statement_column_logical_type(stmt, i);
		if (!out->names[i])
			st = LH_ERR_NOMEM;
	}
	duckdb_destroy_prepare(&stmt);
	if (st != LH_OK) {
		lh_query_columns_free(out);
		return lh_err_set(err, st, "out of memory");
	}
	return LH_OK;
}

void lh_query_columns_free(lh_query_columns *cols)
{
	for (size_t i = 0; i < cols->n; i++) {
		if (cols->names)
			free(cols->names[i]);
		if (cols->types && cols->types[i])
			duckdb_destroy_logical_type(&cols->types[i]);
	}
	free(cols->names);
	free(cols->types);
	memset(cols, 0, sizeof *cols);
}
