/*
 * lake/result.c - lh_result (rows as DuckDB renders them) and the Arrow C stream.
 *
 * Layer: lake. A query DuckDB answers is run twice-prepared: once as written, for its
 * column names and types, and once wrapped as SELECT CAST(#1 AS VARCHAR), ... so every
 * value, nested ones included, is rendered by DuckDB's own VARCHAR cast and streamed a
 * chunk at a time. Statements that cannot be wrapped (EXPLAIN, PRAGMA, SHOW, ...) are
 * materialised and read with DuckDB's value-to-text. Arrow export skips the wrapping.
 */
#include "lake/lake_int.h"
#include "engine/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_ROWS 2048

struct lh_result {
	size_t ncols;
	char **names;
	char **types;
	duckdb_result res;
	bool has_res;
	bool materialized; /* read with duckdb_value_varchar, BATCH_ROWS at a time */
	bool json;         /* materialized values are quoted as JSON strings */
	bool *unprintable; /* materialized: DuckDB's value accessor cannot render the column */
	lh_rows *rows;     /* rows read from the catalog, when the result holds those */
	idx_t next_row;    /* materialized: first row of the next batch */
	size_t nrows;      /* rows in the current batch */
	char **cells;      /* nrows * ncols pointers into arena (NULL for SQL NULL) */
	size_t *lens;      /* nrows * ncols byte lengths (a text may hold NUL bytes) */
	lh_buf arena;
};

static lh_result *result_new(size_t ncols)
{
	lh_result *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->ncols = ncols;
	r->names = calloc(ncols + 1, sizeof *r->names);
	r->types = calloc(ncols + 1, sizeof *r->types);
	lh_buf_init(&r->arena, 0);
	if (!r->names || !r->types) {
		lh_result_destroy(&r);
		return NULL;
	}
	return r;
}

void lh_result_destroy(lh_result **result)
{
	if (!result || !*result)
		return;
	lh_result *r = *result;
	for (size_t i = 0; i < r->ncols; i++) {
		if (r->names)
			free(r->names[i]);
		if (r->types)
			free(r->types[i]);
	}
	free(r->names);
	free(r->types);
	if (r->has_res)
		duckdb_destroy_result(&r->res);
	free(r->cells);
	free(r->lens);
	free(r->unprintable);
	lh_rows_free(&r->rows);
	lh_buf_free(&r->arena);
	free(r);
	*result = NULL;
}

size_t lh_result_column_count(const lh_result *r)
{
	return r ? r->ncols : 0;
}

const char *lh_result_column_name(const lh_result *r, size_t col)
{
	return r && col < r->ncols ? r->names[col] : NULL;
}

const char *lh_result_column_type(const lh_result *r, size_t col)
{
	return r && col < r->ncols ? r->types[col] : NULL;
}

/* Stores the current batch's texts: offsets first, pointers once the arena is final. */
static lh_status batch_begin(lh_result *r, size_t nrows)
{
	free(r->cells);
	free(r->lens);
	r->cells = NULL;
	r->lens = NULL;
	lh_buf_reset(&r->arena);
	r->nrows = 0;
	if (nrows == 0)
		return LH_OK;
	r->cells = calloc(nrows * r->ncols, sizeof *r->cells);
	r->lens = calloc(nrows * r->ncols, sizeof *r->lens);
	if (!r->cells || !r->lens)
		return LH_ERR_NOMEM;
	r->nrows = nrows;
	return LH_OK;
}

/* Cells hold arena offsets + 1 while filling (0 = NULL). */
static void batch_put(lh_result *r, size_t row, size_t col, const char *s, size_t n)
{
	if (!s)
		return;
	r->cells[row * r->ncols + col] = (char *)(uintptr_t)(r->arena.len + 1);
	r->lens[row * r->ncols + col] = n;
	lh_buf_append(&r->arena, s, n);
	lh_buf_putc(&r->arena, '\0');
}

static lh_status batch_end(lh_result *r)
{
	if (r->arena.status != LH_OK)
		return r->arena.status;
	for (size_t i = 0; i < r->nrows * r->ncols; i++)
		if (r->cells[i])
			r->cells[i] = r->arena.data + ((uintptr_t)r->cells[i] - 1);
	return LH_OK;
}

lh_status lh_result_next_batch(lh_result *r, size_t *out_rows)
{
	*out_rows = 0;
	if (r && r->rows) {
		size_t n = r->rows->nrows - r->next_row < BATCH_ROWS ? r->rows->nrows - r->next_row
		                                                   : BATCH_ROWS;
		lh_status st = batch_begin(r, n);
		for (size_t row = 0; st == LH_OK && row < n; row++)
			for (size_t c = 0; c < r->ncols; c++) {
				const char *v = lh_rows_get(r->rows, r->next_row + row, c);
				if (v)
					batch_put(r, row, c, v, strlen(v));
			}
		r->next_row += n;
		if (st == LH_OK)
			st = batch_end(r);
		*out_rows = r->nrows;
		return st;
	}
	if (!r || !r->has_res || r->ncols == 0) {
		if (r)
			batch_begin(r, 0);
		return LH_OK;
	}
	lh_status st;
	if (r->materialized) {
		idx_t total = duckdb_row_count(&r->res);
		idx_t n = total - r->next_row < BATCH_ROWS ? total - r->next_row : BATCH_ROWS;
		if ((st = batch_begin(r, n)) != LH_OK)
			return st;
		for (idx_t row = 0; row < n; row++) {
			for (size_t col = 0; col < r->ncols; col++) {
				if (duckdb_value_is_null(&r->res, col, r->next_row + row))
					continue;
				char *v = r->unprintable[col] ? NULL
				                              : duckdb_value_varchar(&r->res, col, r->next_row + row);
				if (!v) {
					char note[80];
					snprintf(note, sizeof note, "(%s value)", r->types[col]);
					v = duckdb_malloc(strlen(note) + 1);
					if (v)
						memcpy(v, note, strlen(note) + 1);
				}
				if (r->json) {
					lh_buf q;
					lh_buf_init(&q, 0);
					lh_json_quote(&q, v ? v : "");
					batch_put(r, row, col, lh_buf_str(&q), q.len);
					lh_buf_free(&q);
				} else {
					batch_put(r, row, col, v ? v : "", v ? strlen(v) : 0);
				}
				duckdb_free(v);
			}
		}
		r->next_row += n;
	} else {
		duckdb_data_chunk chunk = duckdb_fetch_chunk(r->res);
		if (!chunk && duckdb_result_error(&r->res))
			return LH_ERR_INVALID; /* invalidated by a later statement on the lake */
		idx_t n = chunk ? duckdb_data_chunk_get_size(chunk) : 0;
		if ((st = batch_begin(r, n)) != LH_OK) {
			duckdb_destroy_data_chunk(&chunk);
			return st;
		}
		for (size_t col = 0; col < r->ncols && n; col++) {
			duckdb_vector v = duckdb_data_chunk_get_vector(chunk, col);
			for (idx_t row = 0; row < n; row++) {
				if (!lh_vec_valid(v, row))
					continue;
				uint32_t len;
				const char *s = lh_vec_str(v, row, &len);
				batch_put(r, row, col, s, len);
			}
		}
		if (chunk)
			duckdb_destroy_data_chunk(&chunk);
	}
	if ((st = batch_end(r)) != LH_OK)
		return st;
	*out_rows = r->nrows;
	return LH_OK;
}

const char *lh_result_text(const lh_result *r, size_t col, size_t row)
{
	if (!r || col >= r->ncols || row >= r->nrows)
		return NULL;
	return r->cells[row * r->ncols + col];
}

size_t lh_result_text_length(const lh_result *r, size_t col, size_t row)
{
	if (!r || col >= r->ncols || row >= r->nrows || !r->lens)
		return 0;
	return r->lens[row * r->ncols + col];
}

int64_t lh_result_int64(const lh_result *r, size_t col, size_t row)
{
	const char *s = lh_result_text(r, col, row);
	return s ? strtoll(s, NULL, 10) : 0;
}

double lh_result_double(const lh_result *r, size_t col, size_t row)
{
	const char *s = lh_result_text(r, col, row);
	return s ? strtod(s, NULL) : 0;
}

lh_status lh_result_empty(lh_result **out)
{
	*out = result_new(0);
	return *out ? LH_OK : LH_ERR_NOMEM;
}

/* True when `sql` can stand as a subquery: PRAGMA and SHOW bind as SELECTs but are not
 * valid inside FROM ( ... ). */
static bool wrappable(const char *sql)
{
	static const char *const heads[] = {"SELECT", "WITH", "FROM", "VALUES", "TABLE", "(",
	                                    "DESCRIBE", "SUMMARIZE", "PIVOT", "UNPIVOT", NULL};
	lh_toks t;
	if (lh_tokenize(sql, strlen(sql), &t) != LH_OK)
		return false;
	lh_cursor c = {.t = &t};
	bool ok = false;
	for (const char *const *h = heads; *h && !ok; h++)
		ok = lh_cur_is(&c, 0, *h);
	lh_toks_free(&t);
	return ok;
}

/* Fills names and types of r from a described query. */
static lh_status result_columns(lh_result *r, const lh_query_columns *qc)
{
	for (size_t i = 0; i < r->ncols; i++) {
		lh_buf t;
		lh_buf_init(&t, 0);
		lh_types_logical_sql(qc->types[i], &t);
		r->names[i] = lh_strdup(qc->names[i]);
		r->types[i] = lh_buf_steal(&t);
		if (!r->names[i] || !r->types[i])
			return LH_ERR_NOMEM;
	}
	return LH_OK;
}

lh_status lh_result_from_query(lh_lake *lake, const char *sql, lh_result **out)
{
	*out = NULL;
	lh_query_columns qc = {0};
	lh_status st = lh_engine_describe(lake->engine, sql, &qc, &lake->err);
	if (st != LH_OK)
		return st;
	lh_result *r = result_new(qc.n);
	if (!r || result_columns(r, &qc) != LH_OK) {
		lh_query_columns_free(&qc);
		lh_result_destroy(&r);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	bool wrap = qc.statement_type == DUCKDB_STATEMENT_TYPE_SELECT && qc.n > 0 && wrappable(sql);
	lh_query_columns_free(&qc);
	duckdb_connection conn = lh_engine_conn(lake->engine);
	if (wrap) {
		lh_buf w;
		lh_buf_init(&w, 0);
		lh_buf_puts(&w, "SELECT ");
		for (size_t i = 0; i < r->ncols; i++)
			lh_buf_printf(&w, lake->render == LH_RENDER_JSON ? "%sCAST(to_json(#%zu) AS VARCHAR)"
			                                                 : "%sCAST(#%zu AS VARCHAR)",
			              i ? ", " : "", i + 1);
		lh_buf_puts(&w, " FROM (\n");
		lh_buf_puts(&w, sql);
		lh_buf_puts(&w, "\n) __lh_result");
		duckdb_prepared_statement ps;
		if (w.status != LH_OK) {
			st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
		} else if (duckdb_prepare(conn, lh_buf_str(&w), &ps) == DuckDBError) {
			st = lh_engine_set_error(&lake->err, LH_ERR_ENGINE, duckdb_prepare_error(ps));
			duckdb_destroy_prepare(&ps);
		} else {
			if (duckdb_execute_prepared_streaming(ps, &r->res) == DuckDBError) {
				st = lh_engine_error(&lake->err, duckdb_result_error_type(&r->res),
				                     duckdb_result_error(&r->res));
				duckdb_destroy_result(&r->res);
			} else {
				r->has_res = true;
			}
			duckdb_destroy_prepare(&ps);
		}
		lh_buf_free(&w);
	} else {
		st = lh_engine_query(lake->engine, sql, &r->res, &lake->err);
		r->has_res = st == LH_OK;
		r->materialized = true;
		r->json = lake->render == LH_RENDER_JSON;
		/* statements DuckDB cannot wrap in a SELECT (EXPLAIN, PRAGMA, CALL) are read with
		 * its value accessor, which renders neither nested values nor UUID/TIMESTAMPTZ/
		 * TIMETZ/ENUM/JSON: those show as a placeholder naming the type */
		r->unprintable = calloc(r->ncols + 1, sizeof *r->unprintable);
		for (size_t c = 0; st == LH_OK && r->unprintable && c < r->ncols; c++) {
			duckdb_logical_type t = duckdb_column_logical_type(&r->res, c);
			duckdb_type id = duckdb_get_type_id(t);
			char *alias = duckdb_logical_type_get_alias(t);
			r->unprintable[c] = alias || id == DUCKDB_TYPE_UUID || id == DUCKDB_TYPE_TIMESTAMP_TZ ||
			                    id == DUCKDB_TYPE_TIME_TZ || id == DUCKDB_TYPE_ENUM ||
			                    id == DUCKDB_TYPE_LIST || id == DUCKDB_TYPE_STRUCT ||
			                    id == DUCKDB_TYPE_MAP || id == DUCKDB_TYPE_ARRAY ||
			                    id == DUCKDB_TYPE_UNION;
			duckdb_free(alias);
			duckdb_destroy_logical_type(&t);
		}
		if (st == LH_OK && !r->unprintable)
			st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	if (st != LH_OK) {
		lh_result_destroy(&r);
		return st;
	}
	*out = r;
	return LH_OK;
}

lh_status lh_result_count(lh_lake *lake, int64_t count, lh_result **out)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SELECT %lld::BIGINT AS \"Count\"", (long long)count);
	return lh_result_from_query(lake, sql, out);
}

/* --------------------------------------------------------------------------------
 * Arrow C stream
 * ------------------------------------------------------------------------------ */

typedef struct arrow_private {
	lh_lake *lake;
	duckdb_result res;
	duckdb_arrow_options options;
	char *error;
} arrow_private;

static void arrow_set_error(arrow_private *p, const char *msg)
{
	free(p->error);
	p->error = lh_strdup(msg);
}

static int arrow_get_schema(struct ArrowArrayStream *s, struct ArrowSchema *out)
{
	arrow_private *p = s->private_data;
	idx_t n = duckdb_column_count(&p->res);
	duckdb_logical_type *types = calloc(n + 1, sizeof *types);
	const char **names = calloc(n + 1, sizeof *names);
	int rc = 0;
	if (!types || !names) {
		rc = 12; /* ENOMEM */
	} else {
		for (idx_t i = 0; i < n; i++) {
			types[i] = duckdb_column_logical_type(&p->res, i);
			names[i] = duckdb_column_name(&p->res, i);
		}
		duckdb_error_data e = duckdb_to_arrow_schema(p->options, types, names, n, out);
		if (e && duckdb_error_data_has_error(e)) {
			arrow_set_error(p, duckdb_error_data_message(e));
			rc = 22; /* EINVAL */
		}
		duckdb_destroy_error_data(&e);
		for (idx_t i = 0; i < n; i++)
			duckdb_destroy_logical_type(&types[i]);
	}
	free(types);
	free(names);
	return rc;
}

static int arrow_get_next(struct ArrowArrayStream *s, struct ArrowArray *out)
{
	arrow_private *p = s->private_data;
	duckdb_data_chunk chunk = duckdb_fetch_chunk(p->res);
	if (!chunk) {
		const char *err = duckdb_result_error(&p->res);
		if (err) {
			arrow_set_error(p, err);
			return 5; /* EIO */
		}
		memset(out, 0, sizeof *out);
		out->release = NULL; /* end of stream */
		return 0;
	}
	duckdb_error_data e = duckdb_data_chunk_to_arrow(p->options, chunk, out);
	int rc = 0;
	if (e && duckdb_error_data_has_error(e)) {
		arrow_set_error(p, duckdb_error_data_message(e));
		rc = 22;
	}
	duckdb_destroy_error_data(&e);
	duckdb_destroy_data_chunk(&chunk);
	return rc;
}

static const char *arrow_get_last_error(struct ArrowArrayStream *s)
{
	arrow_private *p = s->private_data;
	return p->error;
}

static void arrow_release(struct ArrowArrayStream *s)
{
	arrow_private *p = s->private_data;
	if (p) {
		duckdb_destroy_arrow_options(&p->options);
		duckdb_destroy_result(&p->res);
		p->lake->stream_open = false;
		free(p->error);
		free(p);
	}
	s->release = NULL;
	s->private_data = NULL;
}

lh_status lh_result_arrow_stream(lh_lake *lake, const char *sql, struct ArrowArrayStream *out)
{
	memset(out, 0, sizeof *out);
	arrow_private *p = calloc(1, sizeof *p);
	if (!p)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	p->lake = lake;
	duckdb_prepared_statement ps;
	if (duckdb_prepare(lh_engine_conn(lake->engine), sql, &ps) == DuckDBError) {
		lh_status st = lh_engine_set_error(&lake->err, LH_ERR_INVALID, duckdb_prepare_error(ps));
		duckdb_destroy_prepare(&ps);
		free(p);
		return st;
	}
	if (duckdb_execute_prepared_streaming(ps, &p->res) == DuckDBError) {
		lh_status st = lh_engine_error(&lake->err, duckdb_result_error_type(&p->res),
		                               duckdb_result_error(&p->res));
		duckdb_destroy_result(&p->res);
		duckdb_destroy_prepare(&ps);
		free(p);
		return st;
	}
	duckdb_destroy_prepare(&ps);
	p->options = duckdb_result_get_arrow_options(&p->res);
	out->get_schema = arrow_get_schema;
	out->get_next = arrow_get_next;
	out->get_last_error = arrow_get_last_error;
	out->release = arrow_release;
	out->private_data = p;
	lake->stream_open = true;
	return LH_OK;
}

lh_status lh_lake_catalog_query(lh_lake *lake, const char *sql, lh_result **out)
{
	lh_status need = lh_lake_need(lake);
	if (need != LH_OK)
		return need;
	*out = NULL;
	if (!lake || !sql)
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	lh_toks t;
	if (lh_tokenize(sql, strlen(sql), &t) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_cursor c = {.t = &t};
	bool reads = lh_cur_is(&c, 0, "SELECT") || lh_cur_is(&c, 0, "WITH") ||
	             lh_cur_is(&c, 0, "VALUES") || lh_cur_is(&c, 0, "PRAGMA");
	bool one = true;
	for (size_t i = 0; i + 1 < t.v.len; i++)
		if (t.v.items[i].type == LH_TOK_OP && sql[t.v.items[i].start] == ';' &&
		    t.v.items[i + 1].type != LH_TOK_EOF)
			one = false;
	lh_toks_free(&t);
	if (!reads || !one)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "the catalog can only be read here: give one SELECT statement");
	/* a read-only transaction: nothing can change even if the statement tried */
	lh_rows *rows = NULL;
	lh_status st = lake->cat->ops->begin(lake->cat, false, &lake->err);
	if (st == LH_OK) {
		st = lh_catdb_query(lake->cat, sql, NULL, 0, &rows, &lake->err);
		lake->cat->ops->rollback(lake->cat);
	}
	if (st != LH_OK)
		return st;
	lh_result *r = result_new(rows->ncols);
	if (!r) {
		lh_rows_free(&rows);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	r->rows = rows;
	for (size_t i = 0; i < r->ncols; i++) {
		const char *name = rows->names ? rows->names[i] : NULL;
		r->names[i] = name ? lh_strdup(name) : lh_asprintf("column%zu", i);
		r->types[i] = lh_strdup("VARCHAR");
	}
	*out = r;
	return LH_OK;
}
