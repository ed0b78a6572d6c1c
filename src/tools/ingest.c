/*
 * tools/ingest.c - the writing tools: ingest_records (rows into an existing table) and
 * append_world_snapshot (an agent system's world-model snapshot into
 * world_model.snapshots).
 *
 * Layer: tools. A request is one snapshot or nothing: every record is checked against
 * the table's columns first (unknown columns, values of the wrong JSON type or out of
 * range, missing NOT NULL values, text DuckDB cannot read as the column's type), each
 * failure naming the record and the column; then one INSERT with bound values (never
 * SQL text from the caller) commits as a writer job (lh_lake_atomic with a claim), so a job id seen
 * before for the table is answered from its record, by this server or any other sharing
 * the lake, without writing again.
 */
#include "events/outbox.h"
#include "tools/tools_int.h"
#include "catalog/model.h"
#include "lake/services.h"
#include "util/buf.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RECORDS 10000
#define WORLD_TABLE "world_model.snapshots"

/* How a column takes its JSON values. */
typedef enum { K_BOOL, K_INT, K_NUMBER, K_TEXT, K_CAST, K_NESTED, K_JSON } kind;

typedef struct column {
	const char *name, *type;
	bool nullable;
	kind k;
	int64_t lo, hi; /* K_INT: the range (hi < lo: unchecked) */
} column;

static const struct {
	const char *type;
	int64_t lo, hi;
} ints[] = {{"TINYINT", -128, 127},
            {"SMALLINT", -32768, 32767},
            {"INTEGER", INT32_MIN, INT32_MAX},
            {"BIGINT", INT64_MIN, INT64_MAX},
            {"UTINYINT", 0, 255},
            {"USMALLINT", 0, 65535},
            {"UINTEGER", 0, UINT32_MAX},
            {"UBIGINT", 0, INT64_MAX},
            {"HUGEINT", INT64_MIN, INT64_MAX},
            {"UHUGEINT", 0, INT64_MAX}};

static void classify(column *col)
{
	const char *t = col->type;
	size_t n = strlen(t);
	col->hi = -1, col->lo = 0;
	for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
		if (!strcmp(t, ints[i].type)) {
			col->k = K_INT, col->lo = ints[i].lo, col->hi = ints[i].hi;
			return;
		}
	if (!strcmp(t, "BOOLEAN"))
		col->k = K_BOOL;
	else if (!strcmp(t, "FLOAT") || !strcmp(t, "DOUBLE") || !strncmp(t, "DECIMAL", 7))
		col->k = K_NUMBER;
	else if (!strcmp(t, "VARCHAR"))
		col->k = K_TEXT;
	else if (!strcmp(t, "JSON"))
		col->k = K_JSON;
	else if ((n > 2 && !strcmp(t + n - 1, "]")) || !strncmp(t, "STRUCT", 6) || !strncmp(t, "MAP", 3))
		col->k = K_NESTED;
	else
		col->k = K_CAST; /* DATE, TIMESTAMP..., UUID, BLOB, INTERVAL...: text DuckDB reads */
}

static const char *json_kind(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	default:
		return "null";
	}
}

/* Checks value v of record i against col. */
static lh_status check_value(call *c, size_t i, const column *col, json_t *v)
{
	const char *want = NULL;
	switch (col->k) {
	case K_BOOL:
		want = json_is_boolean(v) ? NULL : "a boolean";
		break;
	case K_INT:
		if (!json_is_integer(v))
			want = "an integer";
		else if (json_integer_value(v) < col->lo || json_integer_value(v) > col->hi)
			return lh_err_set(&c->err, LH_ERR_INVALID,
			                  "record %zu, column '%s': %" JSON_INTEGER_FORMAT
			                  " is out of range for %s (%" PRId64 " to %" PRId64 ")",
			                  i, col->name, json_integer_value(v), col->type, col->lo, col->hi);
		break;
	case K_NUMBER:
		want = json_is_number(v) ? NULL : "a number";
		break;
	case K_TEXT:
	case K_CAST:
		want = json_is_string(v) ? NULL : "a string";
		break;
	case K_NESTED:
		want = json_is_array(v) || json_is_object(v) ? NULL : "an array or object";
		break;
	case K_JSON:
		break;
	}
	if (want)
		return lh_err_set(&c->err, LH_ERR_INVALID, "record %zu, column '%s' (%s): expected %s, got %s",
		                  i, col->name, col->type, want, json_kind(v));
	return LH_OK;
}

/* Binds v for col: NULL, a boolean, an integer, a number, or text (nested values and
 * JSON as their JSON text). *owned receives text to free. */
static lh_value bind(const column *col, json_t *v, char **owned)
{
	lh_value b = {.type = LH_VALUE_NULL};
	*owned = NULL;
	if (!v || json_is_null(v))
		return b;
	if (col->k == K_NESTED || col->k == K_JSON) {
		*owned = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		b.type = LH_VALUE_TEXT, b.data = *owned, b.len = *owned ? strlen(*owned) : 0;
	} else if (json_is_boolean(v)) {
		b.type = LH_VALUE_BOOL, b.b = json_is_true(v);
	} else if (json_is_integer(v)) {
		b.type = LH_VALUE_INT64, b.i = json_integer_value(v);
	} else if (json_is_real(v)) {
		b.type = LH_VALUE_DOUBLE, b.d = json_real_value(v);
	} else {
		b.type = LH_VALUE_TEXT, b.data = json_string_value(v), b.len = json_string_length(v);
	}
	return b;
}

/* The placeholder for col in the INSERT: the bound value cast to the column's type. */
static void placeholder(lh_buf *b, const column *col)
{
	if (col->k == K_NESTED)
		lh_buf_printf(b, "CAST(CAST(? AS JSON) AS %s)", col->type);
	else
		lh_buf_printf(b, "CAST(? AS %s)", col->type);
}

typedef struct batch {
	column *cols;
	size_t ncols;
	json_t *records;
	lh_value *vals;
	char **owned;
	size_t nvals;
} batch;

static void batch_free(batch *b)
{
	for (size_t i = 0; i < b->nvals; i++)
		free(b->owned[i]);
	free(b->owned);
	free(b->vals);
	free(b->cols);
}

/* For columns DuckDB must read from text (dates, UUIDs, nested values...): the first
 * record whose value it cannot read, asked of DuckDB with try(CAST(...)) (TRY_CAST lets a
 * nested value's wrong fields through as NULLs). */
static lh_status check_casts(call *c, batch *b)
{
	size_t n = json_array_size(b->records);
	for (size_t k = 0; k < b->ncols; k++) {
		const column *col = &b->cols[k];
		if (col->k != K_CAST && col->k != K_NESTED)
			continue;
		lh_buf q;
		lh_buf_init(&q, 0);
		lh_buf_puts(&q, "SELECT min(i) FROM (VALUES ");
		for (size_t i = 0; i < n; i++)
			lh_buf_printf(&q, "%s(%zu, ?::VARCHAR)", i ? ", " : "", i);
		lh_buf_printf(&q, ") v(i, x) WHERE x IS NOT NULL AND try(CAST(%sx%s AS %s)) IS NULL",
		              col->k == K_NESTED ? "CAST(" : "", col->k == K_NESTED ? " AS JSON)" : "",
		              col->type);
		lh_value *vals = calloc(n ? n : 1, sizeof *vals);
		lh_status st = vals && q.status == LH_OK ? LH_OK : LH_ERR_NOMEM;
		for (size_t i = 0; st == LH_OK && i < n; i++)
			vals[i] = b->vals[i * b->ncols + k];
		lh_result *r = NULL;
		if (st == LH_OK)
			st = lh_lake_query_params(c->lake, lh_buf_str(&q), vals, n, &r);
		free(vals);
		lh_buf_free(&q);
		if (st == LH_ERR_NOMEM)
			return lh_err_set(&c->err, st, "out of memory");
		if (st != LH_OK)
			return tool_lake_error(c, st);
		size_t nrows = 0;
		st = lh_result_next_batch(r, &nrows);
		const char *bad = st == LH_OK && nrows == 1 ? lh_result_text(r, 0, 0) : NULL;
		size_t i = bad ? (size_t)strtoull(bad, NULL, 10) : 0;
		lh_result_destroy(&r);
		if (st != LH_OK)
			return tool_lake_error(c, st);
		if (bad) {
			json_t *v = json_object_get(json_array_get(b->records, i), col->name);
			char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
			lh_status e = lh_err_set(&c->err, LH_ERR_INVALID,
			                         "record %zu, column '%s': %.80s is not a %s value", i,
			                         col->name, text ? text : "?", col->type);
			free(text);
			return e;
		}
	}
	return LH_OK;
}

/* Reads the table's columns and checks and binds every record. */
static lh_status prepare(call *c, json_t *desc, json_t *records, batch *b)
{
	json_t *cols = json_object_get(desc, "columns");
	b->records = records;
	b->ncols = json_array_size(cols);
	b->cols = calloc(b->ncols ? b->ncols : 1, sizeof *b->cols);
	size_t n = json_array_size(records);
	b->vals = calloc(n * b->ncols + 1, sizeof *b->vals);
	b->owned = calloc(n * b->ncols + 1, sizeof *b->owned);
	if (!b->cols || !b->vals || !b->owned)
		return lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	for (size_t k = 0; k < b->ncols; k++) {
		json_t *col = json_array_get(cols, k);
		b->cols[k].name = json_string_value(json_object_get(col, "name"));
		b->cols[k].type = json_string_value(json_object_get(col, "type"));
		b->cols[k].nullable = !json_is_false(json_object_get(col, "nullable"));
		classify(&b->cols[k]);
	}
	for (size_t i = 0; i < n; i++) {
		json_t *rec = json_array_get(records, i);
		const char *key;
		json_t *v;
		json_object_foreach(rec, key, v)
		{
			size_t k = 0;
			while (k < b->ncols && strcmp(b->cols[k].name, key) != 0)
				k++;
			if (k == b->ncols)
				return lh_err_set(&c->err, LH_ERR_INVALID,
				                  "record %zu: the table has no column '%.100s' (describe_table "
				                  "lists its columns)",
				                  i, key);
		}
		for (size_t k = 0; k < b->ncols; k++) {
			const column *col = &b->cols[k];
			v = json_object_get(rec, col->name);
			if (!v || json_is_null(v)) {
				if (!col->nullable)
					return lh_err_set(&c->err, LH_ERR_INVALID,
					                  "record %zu, column '%s': the column is NOT NULL and the "
					                  "record has no value for it",
					                  i, col->name);
			} else if (check_value(c, i, col, v) != LH_OK) {
				return c->err.code;
			}
			size_t at = i * b->ncols + k;
			b->vals[at] = bind(col, v, &b->owned[at]);
			b->nvals = at + 1;
			if (b->vals[at].type == LH_VALUE_TEXT && !b->vals[at].data)
				return lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
		}
	}
	return check_casts(c, b);
}

static json_t *answer(const char *table, const char *job_id, int64_t snapshot, int64_t rows,
                      bool repeated)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:s, s:b}", "partition_id", (json_int_t)snapshot,
	                 "row_count", (json_int_t)rows, "snapshot_id", (json_int_t)snapshot, "table",
	                 table, "job_id", job_id, "repeated", repeated);
}

typedef struct write_job {
	const char *sql;
	const lh_value *vals;
	size_t nvals;
	const char *schema, *name, *job_id;
} write_job;

static lh_status write_rows(lh_lake *lake, void *arg)
{
	write_job *w = arg;
	lh_status st = lh_lake_exec_params(lake, w->sql, w->vals, w->nvals, NULL, NULL);
	return st == LH_OK ? lh_outbox_ingest_completed(lake, w->schema, w->name, "ingest_records",
	                                               w->job_id)
	                   : st;
}

/* Writes `records` into `table` as job `job_id`: the answer, or the recorded one of a
 * job seen before. */
static lh_status ingest(call *c, const char *table, json_t *records, const char *job_id,
                        json_t *schema_version, json_t **out)
{
	json_t *desc = NULL;
	lh_status st = tool_check_table(c, table);
	if (st == LH_OK)
		st = tool_describe(c, table, &desc);
	if (st != LH_OK)
		return st;
	char *key = lh_asprintf("%s.%s", json_string_value(json_object_get(desc, "schema")),
	                        json_string_value(json_object_get(desc, "name")));
	int64_t snap = 0, rows = 0;
	batch b = {0};
	if (!key) {
		st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
		goto done;
	}
	if ((st = lh_lake_job(c->lake, key, job_id, &snap, &rows)) == LH_OK) {
		*out = answer(key, job_id, snap, rows, true);
		goto done;
	}
	if (st != LH_ERR_NOT_FOUND) {
		st = tool_lake_error(c, st);
		goto done;
	}
	if (schema_version) {
		const struct lh_state *s = NULL;
		if ((st = lh_lake_state_at(c->lake, 0, &s)) != LH_OK) {
			st = tool_lake_error(c, st);
			goto done;
		}
		if (json_integer_value(schema_version) != s->snap.schema_version) {
			st = lh_err_set(&c->err, LH_ERR_CONFLICT,
			                "the records were made for schema_version %" JSON_INTEGER_FORMAT
			                "; the lake is at %" PRId64 ": describe_table shows the table now",
			                json_integer_value(schema_version), s->snap.schema_version);
			goto done;
		}
	}
	if ((st = tool_check_storage(c)) != LH_OK || (st = prepare(c, desc, records, &b)) != LH_OK)
		goto done;
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "INSERT INTO ");
	lh_buf_sql_ident(&q, json_string_value(json_object_get(desc, "schema")));
	lh_buf_putc(&q, '.');
	lh_buf_sql_ident(&q, json_string_value(json_object_get(desc, "name")));
	lh_buf_puts(&q, " (");
	for (size_t k = 0; k < b.ncols; k++) {
		if (k)
			lh_buf_puts(&q, ", ");
		lh_buf_sql_ident(&q, b.cols[k].name);
	}
	lh_buf_puts(&q, ") VALUES ");
	size_t n = json_array_size(records);
	for (size_t i = 0; i < n; i++) {
		lh_buf_puts(&q, i ? ", (" : "(");
		for (size_t k = 0; k < b.ncols; k++) {
			if (k)
				lh_buf_puts(&q, ", ");
			placeholder(&q, &b.cols[k]);
		}
		lh_buf_putc(&q, ')');
	}
	if (q.status != LH_OK) {
		lh_buf_free(&q);
		st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
		goto done;
	}
	/* the rows, the job's record and the event commit as one snapshot */
	write_job w = {.sql = lh_buf_str(&q), .vals = b.vals, .nvals = b.nvals,
	               .schema = json_string_value(json_object_get(desc, "schema")),
	               .name = json_string_value(json_object_get(desc, "name")), .job_id = job_id};
	lh_claim claim = {.table = key, .key = job_id, .tenant = c->opt.tenant, .rows = (int64_t)n};
	st = lh_lake_atomic(c->lake, write_rows, &w, &claim, &snap);
	lh_buf_free(&q);
	if (st == LH_OK) {
		*out = answer(key, job_id, snap, (int64_t)n, false);
	} else if (st == LH_ERR_EXISTS && lh_lake_job(c->lake, key, job_id, &snap, &rows) == LH_OK) {
		st = LH_OK; /* another writer did the job meanwhile: its answer */
		*out = answer(key, job_id, snap, rows, true);
	} else {
		st = tool_lake_error(c, st);
	}
done:
	batch_free(&b);
	free(key);
	json_decref(desc);
	if (st == LH_OK && !*out)
		st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	return st;
}

/* A tenant named in the input must be the caller's. */
static lh_status check_tenant(call *c, json_t *in)
{
	const char *t = json_string_value(json_object_get(in, "tenant_id"));
	if (t && c->opt.tenant && strcmp(t, c->opt.tenant) != 0)
		return lh_err_set(&c->err, LH_ERR_READ_ONLY,
		                  "tenant_id '%.64s' is not this token's tenant ('%.64s'): a token "
		                  "writes only for its own tenant",
		                  t, c->opt.tenant);
	return LH_OK;
}

lh_status tool_ingest_records(call *c, json_t *in, json_t **out)
{
	lh_status st = check_tenant(c, in);
	if (st != LH_OK)
		return st;
	json_t *records = json_object_get(in, "records");
	if (json_array_size(records) == 0)
		return lh_err_set(&c->err, LH_ERR_INVALID, "records is empty: nothing to write");
	return ingest(c, json_string_value(json_object_get(in, "table")), records,
	              json_string_value(json_object_get(in, "job_id")),
	              json_object_get(in, "schema_version"), out);
}

/* The table of world-model snapshots, made on first use. */
static lh_status world_table(call *c)
{
	json_t *desc = NULL;
	if (tool_describe(c, WORLD_TABLE, &desc) == LH_OK) {
		json_decref(desc);
		return LH_OK;
	}
	lh_status st = lh_lake_exec(
	    c->lake,
	    "CREATE SCHEMA IF NOT EXISTS world_model; "
	    "CREATE TABLE IF NOT EXISTS world_model.snapshots (snapshot_id UUID NOT NULL, "
	    "intent_id UUID NOT NULL, \"timestamp\" TIMESTAMP WITH TIME ZONE NOT NULL, "
	    "agents_active STRUCT(\"role\" VARCHAR, status VARCHAR, tool_call_count BIGINT)[], "
	    "user_plane JSON, causal_chain STRUCT(intent_id UUID, job_id VARCHAR, outcome VARCHAR)[], "
	    "document JSON NOT NULL)",
	    NULL, NULL);
	if (st != LH_OK && tool_describe(c, WORLD_TABLE, &desc) == LH_OK) {
		json_decref(desc); /* another writer made it meanwhile */
		lh_err_clear(&c->err);
		return LH_OK;
	}
	return st == LH_OK ? LH_OK : tool_lake_error(c, st);
}

lh_status tool_append_world_snapshot(call *c, json_t *in, json_t **out)
{
	lh_status st = check_tenant(c, in);
	if (st == LH_OK)
		st = world_table(c);
	if (st != LH_OK)
		return st;
	json_t *rec = json_deep_copy(in);
	json_object_del(rec, "tenant_id");
	json_object_set(rec, "document", in);
	json_t *records = json_pack("[o]", rec);
	json_t *res = NULL;
	const char *id = json_string_value(json_object_get(in, "snapshot_id"));
	st = records ? ingest(c, WORLD_TABLE, records, id, NULL, &res)
	             : lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	json_decref(records);
	if (st == LH_OK) {
		*out = json_pack("{s:s, s:O, s:O}", "snapshot_id", id, "lake_snapshot_id",
		                 json_object_get(res, "snapshot_id"), "repeated",
		                 json_object_get(res, "repeated"));
		json_decref(res);
	}
	return st;
}
