/*
 * tools/tools.c - the tool registry: every operation agents and servers call, defined
 * once (name, title, description, JSON Schemas of input and output, whether it writes,
 * handler), and the one way to call them (lh_tools_list, lh_tool_call in lakehouse.h).
 *
 * Layer: tools, above the lake and the services. Doors (the CLI's `lakehouse tool`, the
 * MCP server, the HTTP API) only turn their protocol into lh_tool_call; they never run
 * an operation themselves, so they cannot drift apart. A call checks its input against
 * the tool's schema before anything runs, refuses writing tools unless the caller allows
 * them, caps what a result holds (rows and characters, saying so), and is interrupted at
 * its timeout by a watchdog thread that asks DuckDB to stop the running query. Handlers
 * read through the public API and lake/services.h; nothing here prints.
 */
#include "tools/tools_int.h"
#include "catalog/changes.h"
#include "catalog/model.h"
#include "engine/engine.h"
#include "lake/services.h"
#include "util/buf.h"
#include "util/err.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define DEFAULT_ROWS 1000
#define DEFAULT_CHARS 50000
#define DEFAULT_TIMEOUT_MS 30000

typedef lh_status (*tool_fn)(call *c, json_t *in, json_t **out);

typedef struct tool {
	const char *name, *title, *description;
	const char *input;  /* JSON Schema */
	const char *output; /* JSON Schema */
	bool writes, destructive, idempotent;
	tool_fn fn;
} tool;

/* --- schemas ---------------------------------------------------------------------------- */

/* A table's partition keys, in list_tables and describe_table. */
#define PARTITION_SCHEMA                                                                   \
	"{\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": "               \
	"{\"column\": {\"type\": \"string\"}, \"column_id\": {\"type\": \"integer\"}, "           \
	"\"transform\": {\"type\": \"string\"}}}}"

#define SNAPSHOT_PROP                                                                      \
	"\"snapshot\": {\"type\": \"integer\", \"minimum\": 1, \"description\": "              \
	"\"read the lake as it was at this snapshot id (default: the latest)\"}"

/* --- errors ----------------------------------------------------------------------------- */

static lh_status fail(call *c, lh_status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static lh_status fail(call *c, lh_status code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return lh_err_set(&c->err, code, "%s", msg);
}

lh_status tool_lake_error(call *c, lh_status st)
{
	const char *msg = lh_lake_error(c->lake);
	if (strstr(msg, "Out of Memory Error")) /* the sandbox's bound, not the machine's */
		return lh_err_set(&c->err, LH_ERR_TOO_BIG,
		                  "the call needs more memory than one call may use (1 GB): read fewer "
		                  "rows or columns, or aggregate in the query; nothing was changed");
	return lh_err_set(&c->err, st, "%s", msg);
}

/* --- checking input against a schema ------------------------------------------------------ */

static bool is_type(json_t *v, const char *type)
{
	if (!strcmp(type, "object"))
		return json_is_object(v);
	if (!strcmp(type, "array"))
		return json_is_array(v);
	if (!strcmp(type, "string"))
		return json_is_string(v);
	if (!strcmp(type, "integer"))
		return json_is_integer(v);
	if (!strcmp(type, "number"))
		return json_is_number(v);
	if (!strcmp(type, "boolean"))
		return json_is_boolean(v);
	return false;
}

/* Checks value v against schema s (the subset the registry's schemas use: type,
 * properties, required, additionalProperties false or a schema, min/maxProperties, items,
 * minimum, maximum, maxItems, min/maxLength; not pattern, which the handlers check). */
static lh_status check_value(call *c, json_t *s, json_t *v, const char *where)
{
	const char *type = json_string_value(json_object_get(s, "type"));
	if (type && !is_type(v, type))
		return fail(c, LH_ERR_INVALID, "input: %s must be %s %s", where,
		            strchr("aeiou", type[0]) ? "an" : "a", type);
	json_t *min = json_object_get(s, "minimum"), *max = json_object_get(s, "maximum");
	if (json_is_integer(v) && min && json_integer_value(v) < json_integer_value(min))
		return fail(c, LH_ERR_INVALID, "input: %s must be at least %" JSON_INTEGER_FORMAT, where,
		            json_integer_value(min));
	if (json_is_integer(v) && max && json_integer_value(v) > json_integer_value(max))
		return fail(c, LH_ERR_INVALID, "input: %s must be at most %" JSON_INTEGER_FORMAT, where,
		            json_integer_value(max));
	json_t *min_len = json_object_get(s, "minLength"), *max_len = json_object_get(s, "maxLength");
	if (json_is_string(v) && min_len && (json_int_t)json_string_length(v) < json_integer_value(min_len))
		return fail(c, LH_ERR_INVALID, "input: %s must not be empty", where);
	if (json_is_string(v) && max_len && (json_int_t)json_string_length(v) > json_integer_value(max_len))
		return fail(c, LH_ERR_TOO_BIG, "input: %s is longer than %" JSON_INTEGER_FORMAT " bytes",
		            where, json_integer_value(max_len));
	json_t *max_items = json_object_get(s, "maxItems");
	if (json_is_array(v) && max_items && (json_int_t)json_array_size(v) > json_integer_value(max_items))
		return fail(c, LH_ERR_TOO_BIG, "input: %s holds %zu items; at most %" JSON_INTEGER_FORMAT,
		            where, json_array_size(v), json_integer_value(max_items));
	if (json_is_array(v)) {
		json_t *items = json_object_get(s, "items");
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
		{
			char sub[160];
			snprintf(sub, sizeof sub, "%.120s[%zu]", where, i);
			lh_status st = items ? check_value(c, items, e, sub) : LH_OK;
			if (st != LH_OK)
				return st;
		}
	}
	if (!json_is_object(v))
		return LH_OK;
	json_t *props = json_object_get(s, "properties");
	const char *key;
	json_t *e;
	json_object_foreach(v, key, e)
	{
		json_t *ps = json_object_get(props, key), *extra = json_object_get(s, "additionalProperties");
		if (!ps && json_is_false(extra))
			return fail(c, LH_ERR_INVALID, "input: unknown field '%.100s'", key);
		if (!ps && json_is_object(extra))
			ps = extra; /* {"additionalProperties": {"type": "number"}}: every other field's schema */
		if (!ps)
			continue;
		lh_status st = check_value(c, ps, e, key);
		if (st != LH_OK)
			return st;
	}
	json_t *min_props = json_object_get(s, "minProperties"), *max_props = json_object_get(s, "maxProperties");
	if (min_props && (json_int_t)json_object_size(v) < json_integer_value(min_props))
		return fail(c, LH_ERR_INVALID, "input: %s needs at least %" JSON_INTEGER_FORMAT " field(s)",
		            where, json_integer_value(min_props));
	if (max_props && (json_int_t)json_object_size(v) > json_integer_value(max_props))
		return fail(c, LH_ERR_TOO_BIG, "input: %s holds %zu fields; at most %" JSON_INTEGER_FORMAT,
		            where, json_object_size(v), json_integer_value(max_props));
	size_t i;
	json_array_foreach(json_object_get(s, "required"), i, e)
	if (!json_object_get(v, json_string_value(e)))
		return fail(c, LH_ERR_INVALID, "input: '%s' is required", json_string_value(e));
	return LH_OK;
}

/* --- helpers for handlers --------------------------------------------------------------- */

static const char *in_str(json_t *in, const char *key)
{
	return json_string_value(json_object_get(in, key));
}

static int64_t in_int(json_t *in, const char *key, int64_t dflt)
{
	json_t *v = json_object_get(in, key);
	return json_is_integer(v) ? (int64_t)json_integer_value(v) : dflt;
}

/* The id of the snapshot a call reads: the one asked for, else the latest. */
static lh_status snapshot_of(call *c, json_t *in, int64_t *out, const lh_state **state)
{
	lh_status st = lh_lake_state_at(c->lake, in_int(in, "snapshot", 0), state);
	if (st != LH_OK)
		return tool_lake_error(c, st);
	*out = (*state)->snap.id;
	return LH_OK;
}

/* A table name as SQL: each part quoted. */
static lh_status quoted_table(call *c, const char *name, lh_buf *out)
{
	lh_qname q = {0};
	if (lh_parse_qname(name, &q) != LH_OK)
		return fail(c, LH_ERR_INVALID, "'%s' is not a table name (table or schema.table)", name);
	if (q.schema) {
		lh_buf_sql_ident(out, q.schema);
		lh_buf_putc(out, '.');
	}
	lh_buf_sql_ident(out, q.name);
	lh_qname_free(&q);
	return out->status == LH_OK ? LH_OK : fail(c, LH_ERR_NOMEM, "out of memory");
}

lh_status tool_result_json(call *c, lh_status st, lh_result *r, lh_render old, int64_t snapshot,
                          json_t **out)
{
	json_t *res = json_object(), *cols = json_array(), *rows = json_array();
	if (st == LH_OK && (!res || !cols || !rows))
		st = fail(c, LH_ERR_NOMEM, "out of memory");
	else if (st != LH_OK)
		tool_lake_error(c, st);
	size_t ncols = st == LH_OK ? lh_result_column_count(r) : 0;
	/* DECIMALs wider than a double's 15 digits stay exact as strings */
	bool *exact = calloc(ncols + 1, sizeof *exact);
	if (st == LH_OK && !exact)
		st = fail(c, LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; st == LH_OK && i < ncols; i++) {
		const char *type = lh_result_column_type(r, i);
		exact[i] = !strncmp(type, "DECIMAL(", 8) && atoi(type + 8) > 15;
		json_array_append_new(cols, json_pack("{s:s, s:s}", "name", lh_result_column_name(r, i),
		                                      "type", type));
	}
	int64_t nrows = 0, chars = 0;
	bool cut = false;
	const char *why = NULL;
	size_t n = 0;
	while (st == LH_OK && !cut && (st = lh_result_next_batch(r, &n)) == LH_OK && n) {
		for (size_t k = 0; k < n && !cut; k++) {
			if (nrows >= c->opt.max_rows) {
				cut = true;
				why = "rows";
				break;
			}
			json_t *row = json_array();
			for (size_t i = 0; i < ncols; i++) {
				const char *t = lh_result_text(r, i, k);
				chars += t ? (int64_t)strlen(t) : 4;
				json_t *v = !t ? json_null() : exact[i] ? json_string(t)
				                                        : json_loads(t, JSON_DECODE_ANY, NULL);
				json_array_append_new(row, v ? v : json_string(t));
			}
			if (chars > c->opt.max_chars) {
				json_decref(row);
				cut = true;
				why = "characters";
				break;
			}
			json_array_append_new(rows, row);
			nrows++;
		}
	}
	if (st != LH_OK && !c->err.msg)
		tool_lake_error(c, st);
	free(exact);
	lh_result_destroy(&r);
	lh_lake_swap_render(c->lake, old);
	if (st != LH_OK) {
		json_decref(res);
		json_decref(cols);
		json_decref(rows);
		return st;
	}
	int64_t snap = snapshot > 0 ? snapshot : lh_lake_snapshot_id(c->lake);
	json_object_set_new(res, "columns", cols);
	json_object_set_new(res, "rows", rows);
	json_object_set_new(res, "row_count", json_integer(nrows));
	json_object_set_new(res, "truncated", json_boolean(cut));
	if (cut) {
		char note[200];
		if (!strcmp(why, "rows"))
			snprintf(note, sizeof note, "truncated: only the first %" PRId64 " rows are shown "
			         "(max_rows); narrow the query or page with LIMIT/OFFSET", nrows);
		else
			snprintf(note, sizeof note, "truncated after %" PRId64 " rows: the values exceed %" PRId64
			         " characters (max_chars); select fewer or shorter columns", nrows,
			         c->opt.max_chars);
		json_object_set_new(res, "note", json_string(note));
	}
	json_object_set_new(res, "snapshot_id", json_integer(snap));
	*out = res;
	return LH_OK;
}

/* Runs query `sql` at `snapshot` (0: the latest) into result_json's form. */
static lh_status rows_result(call *c, const char *sql, int64_t snapshot, json_t **out)
{
	lh_render old = lh_lake_swap_render(c->lake, LH_RENDER_JSON);
	lh_result *r = NULL;
	lh_status st = lh_lake_query_at(c->lake, sql, snapshot, &r);
	return tool_result_json(c, st, r, old, snapshot, out);
}

/* --- the tools ---------------------------------------------------------------------------- */

/* --- tenants' policies ------------------------------------------------------------------ */

static json_t *allowed_tables(const call *c)
{
	return json_object_get(c->policy, "allowed_tables");
}

bool tool_tenant_limited(const call *c)
{
	return allowed_tables(c) != NULL;
}

static bool allowed(const call *c, const char *schema, const char *name)
{
	json_t *list = allowed_tables(c);
	if (!list)
		return true;
	size_t i;
	json_t *e;
	json_array_foreach(list, i, e)
	{
		const char *a = json_string_value(e), *dot = strchr(a, '.');
		if (dot && (size_t)(dot - a) == strlen(schema) && !strncmp(a, schema, dot - a) &&
		    !strcmp(dot + 1, name))
			return true;
	}
	return false;
}

static lh_status not_allowed(call *c, const char *what)
{
	return fail(c, LH_ERR_READ_ONLY, "%s is not among tenant '%s''s tables (its policy's "
	            "allowed_tables): nothing was read or written", what, c->opt.tenant);
}

lh_status tool_check_table(call *c, const char *table)
{
	lh_qname q = {0};
	if (!allowed_tables(c) || !table || lh_parse_qname(table, &q) != LH_OK)
		return LH_OK; /* no policy, or a name the tool itself refuses */
	bool ok = !q.catalog && allowed(c, q.schema ? q.schema : "main", q.name);
	lh_qname_free(&q);
	char what[300];
	snprintf(what, sizeof what, "table '%.200s'", table);
	return ok ? LH_OK : not_allowed(c, what);
}

/* The table functions a tenant with allowed_tables may call: none reads a table. */
static bool harmless_function(const char *name)
{
	static const char *const ok[] = {"range", "generate_series", "unnest", "json_each",
	                                 "json_tree", NULL};
	for (size_t i = 0; ok[i]; i++)
		if (!strcasecmp(name, ok[i]))
			return true;
	return false;
}

/* A query is one query; under a policy with allowed_tables, every table it reads is
 * allowed and it calls no table function that could read another. */
static lh_status check_query_refs(call *c, const char *sql)
{
	if (!allowed_tables(c)) {
		lh_status st = lh_lake_check_query(c->lake, sql);
		return st == LH_OK ? LH_OK : tool_lake_error(c, st);
	}
	lh_str_vec tables = {0}, fns = {0};
	lh_status st = lh_lake_query_refs(c->lake, sql, &tables, &fns);
	if (st != LH_OK)
		st = tool_lake_error(c, st);
	for (size_t i = 0; st == LH_OK && i < tables.len; i++) {
		char what[300];
		snprintf(what, sizeof what, "table '%.200s'", tables.items[i]);
		const char *dot = strchr(tables.items[i], '.');
		if (!dot || strchr(dot + 1, '.'))
			st = not_allowed(c, what);
		else {
			char schema[200];
			snprintf(schema, sizeof schema, "%.*s", (int)(dot - tables.items[i]), tables.items[i]);
			if (!allowed(c, schema, dot + 1))
				st = not_allowed(c, what);
		}
	}
	for (size_t i = 0; st == LH_OK && i < fns.len; i++)
		if (!harmless_function(fns.items[i])) {
			char what[300];
			snprintf(what, sizeof what, "table function %.200s() (it may read any table)",
			         fns.items[i]);
			st = not_allowed(c, what);
		}
	for (size_t i = 0; i < tables.len; i++)
		free(tables.items[i]);
	for (size_t i = 0; i < fns.len; i++)
		free(fns.items[i]);
	LH_VEC_FREE(&tables);
	LH_VEC_FREE(&fns);
	return st;
}

static lh_status t_list_schemas(call *c, json_t *in, json_t **out)
{
	const lh_state *s;
	int64_t snap;
	lh_status st = snapshot_of(c, in, &snap, &s);
	if (st != LH_OK)
		return st;
	json_t *schemas = json_array();
	for (size_t i = 0; i < s->schemas.len; i++) {
		size_t tables = 0;
		for (size_t k = 0; k < s->tables.len; k++)
			tables += s->tables.items[k]->schema_id == s->schemas.items[i].id &&
			          allowed(c, s->schemas.items[i].name, s->tables.items[k]->name);
		if (!tables && allowed_tables(c))
			continue; /* a tenant sees only the schemas of its tables */
		json_array_append_new(schemas, json_pack("{s:s, s:I}", "name", s->schemas.items[i].name,
		                                         "tables", (json_int_t)tables));
	}
	*out = json_pack("{s:o, s:I}", "schemas", schemas, "snapshot_id", (json_int_t)snap);
	return *out ? LH_OK : fail(c, LH_ERR_NOMEM, "out of memory");
}

static const char *schema_name(const lh_state *s, int64_t id)
{
	const lh_schema *sc = lh_state_schema_by_id(s, id);
	return sc ? sc->name : "?";
}

/* Files, their bytes and rows (deletes subtracted: exact unless DuckDB merged files from
 * several snapshots, which only a scan counts). */
static void file_tally(const lh_table *t, json_int_t *files, json_int_t *bytes, json_int_t *rows,
                       json_int_t *deletes)
{
	*files = *bytes = *rows = *deletes = 0;
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		(*files)++;
		*bytes += f->file_size_bytes;
		*rows += f->record_count - (f->del.id >= 0 ? f->del.delete_count : 0);
		*deletes += f->del.id >= 0;
	}
}

lh_status tool_check_storage(call *c)
{
	json_t *max = json_object_get(c->policy, "max_storage_gb");
	if (!max)
		return LH_OK;
	const lh_state *s;
	lh_status st = lh_lake_state_at(c->lake, 0, &s);
	if (st != LH_OK)
		return tool_lake_error(c, st);
	double used = 0;
	for (size_t k = 0; k < s->tables.len; k++) {
		const lh_table *t = s->tables.items[k];
		json_int_t files, bytes, rows, deletes;
		file_tally(t, &files, &bytes, &rows, &deletes);
		if (allowed(c, schema_name(s, t->schema_id), t->name))
			used += (double)bytes;
	}
	double limit = json_number_value(max) * 1e9;
	if (used >= limit)
		return fail(c, LH_ERR_NO_SPACE, "tenant '%s' stores %.3f GB, its policy's max_storage_gb "
		            "is %g: ingest refused (delete data, or raise the limit)", c->opt.tenant,
		            used / 1e9, json_number_value(max));
	return LH_OK;
}

/* The keys new files of table t are partitioned by: [{column, transform}], [] when none. */
static json_t *partitioning(const lh_table *t)
{
	json_t *keys = json_array();
	for (size_t i = 0; i < t->part_n; i++) {
		const char *col = NULL;
		for (size_t k = 0; k < t->columns.len && !col; k++)
			if (t->columns.items[k].id == t->part_keys[i].column_id)
				col = t->columns.items[k].name;
		json_array_append_new(keys, json_pack("{s:s?, s:I, s:s?}", "column", col, "column_id",
		                                      (json_int_t)t->part_keys[i].column_id,
		                                      "transform", t->part_keys[i].transform));
	}
	return keys;
}

static lh_status t_list_tables(call *c, json_t *in, json_t **out)
{
	const lh_state *s;
	int64_t snap;
	lh_status st = snapshot_of(c, in, &snap, &s);
	if (st != LH_OK)
		return st;
	const char *only = in_str(in, "schema");
	json_t *tables = json_array();
	for (size_t k = 0; k < s->tables.len; k++) {
		const lh_table *t = s->tables.items[k];
		const char *sc = schema_name(s, t->schema_id);
		if ((only && strcmp(only, sc) != 0) || !allowed(c, sc, t->name))
			continue;
		json_int_t files, bytes, rows, deletes;
		file_tally(t, &files, &bytes, &rows, &deletes);
		json_array_append_new(tables, json_pack("{s:s, s:s, s:I, s:I, s:I, s:s?, s:o}", "schema",
		                                        sc, "name", t->name, "rows", rows, "files",
		                                        files, "file_bytes", bytes, "comment",
		                                        t->comment, "partitioned_by",
		                                        partitioning(t)));
	}
	json_t *views = json_array();
	for (size_t k = 0; k < s->views.len; k++) {
		const lh_view_def *v = &s->views.items[k];
		const char *sc = schema_name(s, v->schema_id);
		if ((only && strcmp(only, sc) != 0) || !allowed(c, sc, v->name))
			continue;
		json_array_append_new(views, json_pack("{s:s, s:s, s:s?, s:s?}", "schema", sc, "name",
		                                       v->name, "sql", v->sql, "comment", v->comment));
	}
	if (only) {
		bool known = false;
		for (size_t i = 0; i < s->schemas.len; i++)
			known = known || !strcmp(s->schemas.items[i].name, only);
		if (!known) {
			json_decref(tables);
			json_decref(views);
			return fail(c, LH_ERR_NOT_FOUND, "schema '%s' does not exist at snapshot %" PRId64
			            " (list_schemas lists them)", only, snap);
		}
	}
	*out = json_pack("{s:o, s:o, s:I}", "tables", tables, "views", views, "snapshot_id",
	                 (json_int_t)snap);
	return *out ? LH_OK : fail(c, LH_ERR_NOMEM, "out of memory");
}

/* Table `name` of state s ("table" is main's, as in SQL and the tenant rules), or NULL. */
static const lh_table *find_table(const lh_state *s, const char *name)
{
	const lh_table *t = NULL;
	lh_qname qn = {0};
	if (lh_parse_qname(name, &qn) == LH_OK)
		for (size_t k = 0; k < s->tables.len && !t; k++)
			if (!strcmp(s->tables.items[k]->name, qn.name) &&
			    !strcmp(schema_name(s, s->tables.items[k]->schema_id),
			            qn.schema ? qn.schema : "main"))
				t = s->tables.items[k];
	lh_qname_free(&qn);
	return t;
}

/* Top-level column `name` of table t, or NULL. */
static const lh_column *top_column(const lh_table *t, const char *name)
{
	for (size_t k = 0; name && k < t->columns.len; k++)
		if (t->columns.items[k].parent < 0 && !strcmp(t->columns.items[k].name, name))
			return &t->columns.items[k];
	return NULL;
}

static lh_status t_describe_table(call *c, json_t *in, json_t **out)
{
	const lh_state *s;
	int64_t snap;
	lh_status st = snapshot_of(c, in, &snap, &s);
	if (st != LH_OK)
		return st;
	const char *name = in_str(in, "table");
	const lh_table *t = find_table(s, name);
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "DESCRIBE SELECT * FROM ");
	if ((st = quoted_table(c, name, &q)) != LH_OK) {
		lh_buf_free(&q);
		return st;
	}
	if (!t) {
		lh_buf_free(&q);
		return fail(c, LH_ERR_NOT_FOUND, "table '%s' does not exist at snapshot %" PRId64
		            " (list_tables lists the tables; views are read with query)", name, snap);
	}
	/* DuckDB's types (as queries see them) from DESCRIBE, ids and counts from the catalog */
	json_t *desc = NULL;
	st = rows_result(c, lh_buf_str(&q), snap, &desc);
	lh_buf_free(&q);
	if (st != LH_OK)
		return st;
	/* the query may have refreshed the lake's state (another writer committed): the state
	 * of the snapshot read, looked up anew */
	if ((st = lh_lake_state_at(c->lake, snap, &s)) != LH_OK) {
		json_decref(desc);
		return tool_lake_error(c, st);
	}
	t = find_table(s, name);
	if (!t) {
		json_decref(desc);
		return fail(c, LH_ERR_INTERNAL, "table '%s' vanished from snapshot %" PRId64, name, snap);
	}
	json_t *cols = json_array();
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(desc, "rows"), i, row)
	{
		const char *cname = json_string_value(json_array_get(row, 0));
		const lh_column *col = top_column(t, cname);
		json_t *o = json_pack("{s:s?, s:O}", "name", cname, "type", json_array_get(row, 1));
		if (col) {
			json_object_set_new(o, "column_id", json_integer(col->id));
			json_object_set_new(o, "nullable", json_boolean(col->nulls_allowed));
			if (col->default_value)
				json_object_set_new(o, "default", json_string(col->default_value));
			if (col->comment)
				json_object_set_new(o, "comment", json_string(col->comment));
		}
		json_array_append_new(cols, o);
	}
	json_decref(desc);
	json_int_t files, bytes, rows, deletes;
	file_tally(t, &files, &bytes, &rows, &deletes);
	*out = json_pack("{s:s, s:s, s:I, s:s?, s:o, s:o, s:I, s:I, s:I, s:I, s:I}", "schema",
	                 schema_name(s, t->schema_id), "name", t->name, "table_id", (json_int_t)t->id,
	                 "comment", t->comment, "partitioned_by", partitioning(t), "columns", cols,
	                 "rows", rows, "files", files, "file_bytes", bytes, "delete_files", deletes,
	                 "snapshot_id", (json_int_t)snap);
	return *out ? LH_OK : fail(c, LH_ERR_NOMEM, "out of memory");
}

lh_status tool_describe(call *c, const char *table, json_t **out)
{
	json_t *in = json_pack("{s:s}", "table", table);
	lh_status st = in ? t_describe_table(c, in, out) : lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	json_decref(in);
	return st;
}

static lh_status t_query(call *c, json_t *in, json_t **out)
{
	const char *sql = in_str(in, "sql");
	if (in_int(in, "max_rows", 0) > 0 && in_int(in, "max_rows", 0) < c->opt.max_rows)
		c->opt.max_rows = in_int(in, "max_rows", 0);
	if (in_int(in, "max_chars", 0) > 0 && in_int(in, "max_chars", 0) < c->opt.max_chars)
		c->opt.max_chars = in_int(in, "max_chars", 0);
	lh_status st = check_query_refs(c, sql);
	if (st != LH_OK)
		return st;
	const lh_state *s;
	int64_t snap = 0;
	if (json_object_get(in, "snapshot") && (st = snapshot_of(c, in, &snap, &s)) != LH_OK)
		return st;
	return rows_result(c, sql, snap, out);
}

/* True when changes_made `changes` names table t (by its id, or its creation by name). */
/* Whether a changes_made entry names its table by id: rows written or deleted, altered,
 * compacted, dropped (a creation names it by schema and name; schemas, views and macros
 * are no tables). */
static bool change_of_table_id(lh_change_kind kind)
{
	switch (kind) {
	case LH_CHANGE_DROPPED_TABLE:
	case LH_CHANGE_INSERTED_INTO_TABLE:
	case LH_CHANGE_DELETED_FROM_TABLE:
	case LH_CHANGE_ALTERED_TABLE:
	case LH_CHANGE_INLINED_INSERT:
	case LH_CHANGE_INLINED_DELETE:
	case LH_CHANGE_FLUSHED_INLINED:
	case LH_CHANGE_COMPACTED_TABLE:
		return true;
	default:
		return false;
	}
}

static bool changes_touch(const char *changes, const lh_table *t, const char *schema)
{
	lh_changes ch = {0};
	bool hit = false;
	if (lh_changes_parse(changes, &ch) != LH_OK) {
		lh_changes_free(&ch);
		return false;
	}
	for (size_t i = 0; i < ch.len && !hit; i++) {
		const lh_change *e = &ch.items[i];
		if (e->kind == LH_CHANGE_CREATED_TABLE)
			hit = e->schema && e->name && !strcmp(e->schema, schema) &&
			      !strcmp(e->name, t->name);
		else
			hit = change_of_table_id(e->kind) && e->id == t->id;
	}
	lh_changes_free(&ch);
	return hit;
}

/* changes_made as a tenant limited to some tables may see it: only the entries about
 * those tables (of state s); NULL when there are none, or out of memory (*nomem). */
static char *changes_for_tenant(call *c, const lh_state *s, const char *changes, bool *nomem)
{
	lh_changes ch = {0};
	if (lh_changes_parse(changes, &ch) != LH_OK) {
		lh_changes_free(&ch);
		return NULL;
	}
	bool v1 = !strcmp(lh_lake_ducklake_version(c->lake), "1.0");
	lh_buf b;
	lh_buf_init(&b, 0);
	for (size_t i = 0; i < ch.len; i++) {
		const lh_change *e = &ch.items[i];
		bool mine = false;
		if (e->kind == LH_CHANGE_CREATED_TABLE)
			mine = e->schema && e->name && allowed(c, e->schema, e->name);
		else if (change_of_table_id(e->kind))
			for (size_t k = 0; k < s->tables.len && !mine; k++)
				mine = s->tables.items[k]->id == e->id &&
				       allowed(c, schema_name(s, s->tables.items[k]->schema_id),
				               s->tables.items[k]->name);
		if (mine)
			lh_changes_append(&b, v1, e->kind, e->id, e->schema, e->name);
	}
	lh_changes_free(&ch);
	*nomem = b.status != LH_OK;
	if (!b.len || *nomem) {
		lh_buf_free(&b);
		return NULL;
	}
	return lh_buf_steal(&b);
}

/* The tags of each snapshot: {"<snapshot id>": [names]}. */
static lh_status snapshot_tags(call *c, json_t **out)
{
	json_t *res = NULL;
	lh_status st = rows_result(c, "SELECT snapshot_id, tag_name FROM lakehouse_tags('lake') "
	                              "ORDER BY tag_name", 0, &res);
	if (st != LH_OK)
		return st;
	json_t *tags = json_object();
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(res, "rows"), i, row)
	{
		char key[32];
		snprintf(key, sizeof key, "%" JSON_INTEGER_FORMAT,
		         json_integer_value(json_array_get(row, 0)));
		json_t *names = json_object_get(tags, key);
		if (!names)
			json_object_set_new(tags, key, names = json_array());
		json_array_append(names, json_array_get(row, 1));
	}
	json_decref(res);
	*out = tags;
	return tags ? LH_OK : fail(c, LH_ERR_NOMEM, "out of memory");
}

static lh_status t_snapshots(call *c, json_t *in, json_t **out)
{
	int64_t limit = in_int(in, "limit", 100);
	const char *table = in_str(in, "table");
	json_t *tags = NULL;
	lh_status st = snapshot_tags(c, &tags);
	if (st != LH_OK)
		return st;
	lh_snapshot_list *l = NULL;
	if ((st = lh_lake_snapshots(c->lake, &l)) != LH_OK) {
		json_decref(tags);
		return tool_lake_error(c, st);
	}
	/* the table, and a limited tenant's tables, in the latest state, looked up after the
	 * queries above (which may have refreshed it) */
	const lh_state *s = NULL;
	const lh_table *t = NULL;
	int64_t latest;
	if ((st = snapshot_of(c, NULL, &latest, &s)) == LH_OK && table && !(t = find_table(s, table)))
		st = fail(c, LH_ERR_NOT_FOUND, "table '%s' does not exist (list_tables lists the tables)",
		          table);
	const char *schema = t ? schema_name(s, t->schema_id) : NULL;
	/* a tenant limited to some tables sees the snapshots that changed them, and only
	 * what they changed there */
	const lh_state *now = st == LH_OK && tool_tenant_limited(c) ? s : NULL;
	json_t *snaps = json_array();
	/* newest first until `limit` are kept, then put oldest first; truncated when an older
	 * one would have been kept too */
	size_t i = lh_snapshots_count(l), kept = 0;
	bool truncated = false;
	while (st == LH_OK && i-- > 0) {
		const lh_snapshot *sn = lh_snapshots_get(l, i);
		if (t && !changes_touch(sn->changes, t, schema))
			continue;
		bool nomem = false;
		char *visible = now ? changes_for_tenant(c, now, sn->changes, &nomem) : NULL;
		if (nomem)
			st = fail(c, LH_ERR_NOMEM, "out of memory");
		if (now && !visible)
			continue;
		if (kept == (size_t)limit) {
			free(visible);
			truncated = true;
			break;
		}
		char key[32];
		snprintf(key, sizeof key, "%" PRId64, sn->snapshot_id);
		json_t *names = json_object_get(tags, key);
		json_array_insert_new(
		    snaps, 0,
		    json_pack("{s:I, s:s, s:I, s:s, s:s?, s:s?, s:o}", "snapshot_id",
		              (json_int_t)sn->snapshot_id, "time", sn->snapshot_time, "schema_version",
		              (json_int_t)sn->schema_version, "changes", visible ? visible : sn->changes,
		              "author", sn->author, "commit_message", sn->commit_message, "tags",
		              names ? json_incref(names) : json_array()));
		free(visible);
		kept++;
	}
	lh_snapshots_destroy(&l);
	json_decref(tags);
	if (st != LH_OK) {
		json_decref(snaps);
		return st;
	}
	*out = json_pack("{s:o, s:b}", "snapshots", snaps, "truncated", truncated);
	return *out ? LH_OK : fail(c, LH_ERR_NOMEM, "out of memory");
}

static lh_status t_table_changes(call *c, json_t *in, json_t **out)
{
	int64_t from = in_int(in, "from_snapshot", 0), to = in_int(in, "to_snapshot", 0);
	lh_status st = LH_OK;
	if (!to) {
		const lh_state *s;
		if ((st = snapshot_of(c, NULL, &to, &s)) != LH_OK)
			return st;
	}
	if (from > to)
		return fail(c, LH_ERR_INVALID, "from_snapshot %" PRId64 " is after to_snapshot %" PRId64,
		            from, to);
	lh_qname q = {0};
	if (lh_parse_qname(in_str(in, "table"), &q) != LH_OK)
		return fail(c, LH_ERR_INVALID, "'%s' is not a table name (table or schema.table)",
		            in_str(in, "table"));
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "SELECT * FROM ducklake_table_changes('lake', ");
	lh_buf_sql_str(&b, q.schema ? q.schema : "main");
	lh_buf_puts(&b, ", ");
	lh_buf_sql_str(&b, q.name);
	lh_buf_printf(&b, ", %" PRId64 ", %" PRId64 ") ORDER BY snapshot_id, rowid", from, to);
	lh_qname_free(&q);
	st = b.status == LH_OK ? rows_result(c, lh_buf_str(&b), 0, out) : fail(c, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&b);
	if (st == LH_OK)
		json_object_set_new(*out, "snapshot_id", json_integer(to));
	return st;
}

static lh_status t_sample_rows(call *c, json_t *in, json_t **out)
{
	const lh_state *s;
	int64_t snap;
	lh_status st = snapshot_of(c, in, &snap, &s);
	if (st != LH_OK)
		return st;
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT * FROM ");
	if ((st = quoted_table(c, in_str(in, "table"), &q)) == LH_OK) {
		/* reservoir sampling with a seed: the same seed, the same rows */
		lh_buf_printf(&q, " USING SAMPLE reservoir(%" PRId64 " ROWS) REPEATABLE (%" PRId64 ")",
		              in_int(in, "n", 10), in_int(in, "seed", 0));
		st = rows_result(c, lh_buf_str(&q), snap, out);
	}
	lh_buf_free(&q);
	return st;
}

static lh_status t_take_rows(call *c, json_t *in, json_t **out)
{
	const lh_state *s;
	int64_t snap;
	lh_status st = snapshot_of(c, in, &snap, &s);
	if (st != LH_OK)
		return st;
	json_t *ids = json_object_get(in, "row_ids");
	size_t n = json_array_size(ids);
	int64_t *v = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return fail(c, LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		v[i] = (int64_t)json_integer_value(json_array_get(ids, i));
	lh_render old = lh_lake_swap_render(c->lake, LH_RENDER_JSON);
	lh_result *r = NULL;
	st = lh_lake_take(c->lake, in_str(in, "table"), v, n, NULL, 0, snap, &r);
	free(v);
	return tool_result_json(c, st, r, old, snap, out);
}

static lh_status t_quality_check(call *c, json_t *in, json_t **out)
{
	const lh_state *s;
	int64_t snap;
	lh_status st = snapshot_of(c, in, &snap, &s);
	if (st != LH_OK)
		return st;
	const char *key = in_str(in, "key");
	lh_buf q;
	lh_buf_init(&q, 0);
	if ((st = quoted_table(c, in_str(in, "table"), &q)) != LH_OK) {
		lh_buf_free(&q);
		return st;
	}
	lh_render old = lh_lake_swap_render(c->lake, LH_RENDER_JSON);
	lh_result *r = NULL;
	lh_key_report k = {0};
	st = lh_lake_quality(c->lake, lh_buf_str(&q), key, snap, &r, key ? &k : NULL);
	lh_buf_free(&q);
	json_t *profile = NULL;
	if ((st = tool_result_json(c, st, r, old, snap, &profile)) != LH_OK)
		return st;
	*out = json_pack("{s:s, s:O, s:I, s:I}", "table", in_str(in, "table"), "columns",
	                 json_object_get(profile, "rows"), "rows",
	                 (json_int_t)json_integer_value(json_array_get(
	                     json_array_get(json_object_get(profile, "rows"), 0), 3)),
	                 "snapshot_id", (json_int_t)snap);
	json_decref(profile);
	if (*out && key)
		json_object_set_new(*out, "key",
		                    json_pack("{s:s, s:I, s:I, s:I, s:b}", "column", key,
		                              "duplicate_values", (json_int_t)k.duplicate_values,
		                              "rows_with_duplicates", (json_int_t)k.rows_with_duplicates,
		                              "null_keys", (json_int_t)k.null_keys, "unique_and_non_null",
		                              !k.duplicate_values && !k.null_keys));
	return *out ? LH_OK : fail(c, LH_ERR_NOMEM, "out of memory");
}

/* DuckLake types whose values a histogram bins by value. */
static bool numeric_type(const char *type, bool *integer)
{
	static const char *const ints[] = {"int8",  "int16",  "int32",  "int64", "uint8",
	                                   "uint16", "uint32", "uint64", "int128", NULL};
	*integer = false;
	for (size_t i = 0; ints[i]; i++)
		if (!strcmp(type, ints[i]))
			return *integer = true;
	return !strcmp(type, "float32") || !strcmp(type, "float64") || !strncmp(type, "decimal", 7);
}

/* Runs `sql` (one query over the call's table) at snapshot `snap` and returns its rows. */
static lh_status histogram_rows(call *c, const lh_buf *sql, int64_t snap, json_t **res,
                                json_t **rows)
{
	lh_status st = sql->status == LH_OK ? check_query_refs(c, lh_buf_str(sql))
	                                    : fail(c, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK)
		st = rows_result(c, lh_buf_str(sql), snap, res);
	*rows = st == LH_OK ? json_object_get(*res, "rows") : NULL;
	/* the query is ours, not the caller's: what went wrong, without it */
	char *line = st != LH_OK && c->err.msg ? strstr(c->err.msg, "\nLINE ") : NULL;
	if (line)
		*line = '\0';
	for (size_t n = c->err.msg ? strlen(c->err.msg) : 0; n && c->err.msg[n - 1] == '\n';)
		c->err.msg[--n] = '\0';
	return st;
}

static double num(json_t *row, size_t i)
{
	return json_number_value(json_array_get(row, i));
}

static lh_status t_column_histogram(call *c, json_t *in, json_t **out)
{
	const lh_state *s;
	int64_t snap;
	lh_status st = snapshot_of(c, in, &snap, &s);
	if (st != LH_OK)
		return st;
	const char *table = in_str(in, "table"), *column = in_str(in, "column");
	const char *measure = in_str(in, "measure") ? in_str(in, "measure") : "value";
	const char *where = in_str(in, "where");
	int64_t nbins = in_int(in, "bins", 20);
	const lh_table *t = find_table(s, table);
	if (!t)
		return fail(c, LH_ERR_NOT_FOUND, "table '%s' does not exist at snapshot %" PRId64
		            " (list_tables lists the tables)", table, snap);
	const lh_column *col = top_column(t, column);
	if (!col)
		return fail(c, LH_ERR_NOT_FOUND, "table '%s' has no column '%s' at snapshot %" PRId64
		            " (describe_table lists its columns)", table, column, snap);
	bool length = !strcmp(measure, "length"), integer = false;
	bool text = !strcmp(col->type, "varchar") || !strcmp(col->type, "blob");
	if (length && !text)
		return fail(c, LH_ERR_TYPE, "measure 'length' needs a text or blob column; '%s' is %s",
		            column, col->type);
	bool numeric = length ? (integer = true) : numeric_type(col->type, &integer);
	if (where && !*where)
		where = NULL;

	/* src: the measured values of the rows `where` keeps, as column v */
	lh_buf src;
	lh_buf_init(&src, 0);
	lh_buf_puts(&src, "(SELECT ");
	if (length)
		lh_buf_puts(&src, !strcmp(col->type, "blob") ? "octet_length(" : "length(");
	else if (numeric) /* bins are computed in floating point, whatever the type */
		lh_buf_puts(&src, "CAST(");
	lh_buf_sql_ident(&src, column);
	lh_buf_puts(&src, length ? ") AS v FROM " : numeric ? " AS DOUBLE) AS v FROM " : " AS v FROM ");
	if ((st = quoted_table(c, table, &src)) != LH_OK) {
		lh_buf_free(&src);
		return st;
	}
	if (where)
		lh_buf_printf(&src, " WHERE (%s)", where);
	lh_buf_puts(&src, ") AS src");

	lh_buf q;
	lh_buf_init(&q, 0);
	json_t *res = NULL, *rows = NULL, *res2 = NULL, *rows2 = NULL;
	/* numbers: infinities and NaN are counted apart, not binned */
	lh_buf_printf(&q, "SELECT count(*), count(v), count(DISTINCT v)%s FROM %s",
	              numeric ? ", min(v) FILTER (WHERE isfinite(v)), max(v) FILTER (WHERE "
	                        "isfinite(v)), count(v) FILTER (WHERE isfinite(v))"
	                      : "",
	              lh_buf_str(&src));
	st = histogram_rows(c, &q, snap, &res, &rows);
	json_t *totals = json_array_get(rows, 0);
	json_int_t all = (json_int_t)num(totals, 0), nonnull = (json_int_t)num(totals, 1);
	json_int_t present = numeric ? (json_int_t)num(totals, 5) : nonnull;
	json_t *result = NULL;
	if (st == LH_OK && numeric) {
		double lo = num(totals, 3), hi = num(totals, 4);
		/* integers: whole-number bins, one per value while they fit */
		double width = integer ? ceil((hi - lo + 1) / (double)nbins) : (hi - lo) / (double)nbins;
		if (width <= 0)
			width = 1;
		/* one bin when every value is the same */
		int64_t n = !present ? 0 : integer ? (int64_t)ceil((hi - lo + 1) / width)
		                                   : hi > lo ? nbins : 1;
		json_t *bins = json_array();
		for (int64_t b = 0; b < n; b++)
			json_array_append_new(bins, json_pack("{s:f, s:f, s:I}", "lo", lo + (double)b * width,
			                                      "hi", lo + (double)(b + 1) * width, "count",
			                                      (json_int_t)0));
		if (present) {
			lh_buf_reset(&q);
			lh_buf_printf(&q, "SELECT least(CAST(floor((v - %.17g) / %.17g) AS BIGINT), %" PRId64
			              ") AS b, count(*) FROM %s WHERE isfinite(v) GROUP BY 1 ORDER BY 1",
			              lo, width, n - 1, lh_buf_str(&src));
			st = histogram_rows(c, &q, snap, &res2, &rows2);
		}
		size_t i;
		json_t *row;
		json_array_foreach(rows2, i, row)
		{
			json_t *bin = json_array_get(bins, (size_t)num(row, 0));
			if (bin)
				json_object_set_new(bin, "count", json_integer((json_int_t)num(row, 1)));
		}
		result = json_pack("{s:s, s:s, s:s, s:b, s:o, s:o, s:o, s:I, s:I, s:I, s:I, s:I}",
		                   "kind", "numeric", "column", column, "measure", measure, "integer",
		                   integer, "min", present ? json_real(lo) : json_null(), "max",
		                   present ? json_real(hi) : json_null(), "bins", bins, "distinct",
		                   (json_int_t)num(totals, 2), "nulls", all - nonnull, "non_finite",
		                   nonnull - present, "rows", all, "snapshot_id", (json_int_t)snap);
	} else if (st == LH_OK) {
		lh_buf_reset(&q);
		/* long values are shown cut, so a row is never dropped from the answer */
		lh_buf_printf(&q, "SELECT left(CAST(v AS VARCHAR), 200), count(*) AS n FROM %s WHERE v IS "
		              "NOT NULL GROUP BY v ORDER BY n DESC, 1 LIMIT %" PRId64,
		              lh_buf_str(&src), nbins);
		st = histogram_rows(c, &q, snap, &res2, &rows2);
		json_t *values = json_array();
		json_int_t shown = 0;
		size_t i;
		json_t *row;
		json_array_foreach(rows2, i, row)
		{
			shown += (json_int_t)num(row, 1);
			json_array_append_new(values, json_pack("{s:O, s:I}", "value", json_array_get(row, 0),
			                                        "count", (json_int_t)num(row, 1)));
		}
		result = json_pack("{s:s, s:s, s:s, s:o, s:I, s:I, s:I, s:I, s:I}", "kind", "categorical",
		                   "column", column, "measure", measure, "values", values, "other",
		                   present - shown, "distinct", (json_int_t)num(totals, 2), "nulls",
		                   all - present, "rows", all, "snapshot_id", (json_int_t)snap);
	}
	if (st == LH_OK && where)
		json_object_set_new(result, "where", json_string(where));
	json_decref(res);
	json_decref(res2);
	lh_buf_free(&q);
	lh_buf_free(&src);
	if (st != LH_OK) {
		json_decref(result);
		return st;
	}
	*out = result;
	return *out ? LH_OK : fail(c, LH_ERR_NOMEM, "out of memory");
}

static const tool tools[] = {
    {"list_schemas", "List schemas",
     "The lake's schemas and how many tables each holds, at the latest snapshot or a given one.",
     "{\"type\": \"object\", \"properties\": {" SNAPSHOT_PROP "}, \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"schemas\": {\"type\": \"array\", \"items\": "
     "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}, \"tables\": "
     "{\"type\": \"integer\"}}}}, \"snapshot_id\": {\"type\": \"integer\"}}, "
     "\"required\": [\"schemas\", \"snapshot_id\"]}",
     false, false, true, t_list_schemas},
    {"list_tables", "List tables",
     "The lake's tables (optionally of one schema) with their live rows, data files and bytes, "
     "comment and partitioning, and the lake's views with their SQL.",
     "{\"type\": \"object\", \"properties\": {\"schema\": {\"type\": \"string\", \"description\": "
     "\"only this schema's tables\"}, " SNAPSHOT_PROP "}, \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"tables\": {\"type\": \"array\", \"items\": "
     "{\"type\": \"object\", \"properties\": {\"schema\": {\"type\": \"string\"}, \"name\": "
     "{\"type\": \"string\"}, \"rows\": {\"type\": \"integer\"}, \"files\": {\"type\": "
     "\"integer\"}, \"file_bytes\": {\"type\": \"integer\"}, \"comment\": {\"type\": "
     "[\"string\", \"null\"]}, \"partitioned_by\": " PARTITION_SCHEMA "}}}, \"views\": "
     "{\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": {\"schema\": "
     "{\"type\": \"string\"}, \"name\": {\"type\": \"string\"}, \"sql\": {\"type\": "
     "\"string\"}, \"comment\": {\"type\": [\"string\", \"null\"]}}}}, \"snapshot_id\": "
     "{\"type\": \"integer\"}}, \"required\": [\"tables\", \"views\", \"snapshot_id\"]}",
     false, false, true, t_list_tables},
    {"describe_table", "Describe a table",
     "A table's columns (name, DuckDB type, DuckLake column id, nullability, default, "
     "comment), its id, comment and partitioning, and its live rows, data files, bytes and "
     "delete files.",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\", \"description\": "
     "\"table or schema.table\"}, " SNAPSHOT_PROP "}, \"required\": [\"table\"], "
     "\"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"schema\": {\"type\": \"string\"}, \"name\": "
     "{\"type\": \"string\"}, \"table_id\": {\"type\": \"integer\"}, \"comment\": {\"type\": "
     "[\"string\", \"null\"]}, \"partitioned_by\": " PARTITION_SCHEMA ", \"columns\": "
     "{\"type\": \"array\", \"items\": {\"type\": \"object\", "
     "\"properties\": {\"name\": {\"type\": \"string\"}, \"type\": {\"type\": \"string\"}, "
     "\"column_id\": {\"type\": \"integer\"}, \"nullable\": {\"type\": \"boolean\"}, "
     "\"default\": {\"type\": \"string\"}, \"comment\": {\"type\": \"string\"}}}}, \"rows\": {\"type\": \"integer\"}, \"files\": "
     "{\"type\": \"integer\"}, \"file_bytes\": {\"type\": \"integer\"}, \"delete_files\": "
     "{\"type\": \"integer\"}, \"snapshot_id\": {\"type\": \"integer\"}}, \"required\": "
     "[\"schema\", \"name\", \"columns\", \"rows\", \"files\", \"snapshot_id\"]}",
     false, false, true, t_describe_table},
    {"query", "Run a SQL query",
     "Runs one SQL query (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE or SHOW; DuckDB's "
     "dialect) over the lake's tables, optionally as of a snapshot. Results are capped (rows, "
     "characters) with a note when cut; a query running past the timeout is stopped.",
     "{\"type\": \"object\", \"properties\": {\"sql\": {\"type\": \"string\", \"description\": "
     "\"one query\"}, " SNAPSHOT_PROP ", \"max_rows\": {\"type\": \"integer\", \"minimum\": 1}, "
     "\"max_chars\": {\"type\": \"integer\", \"minimum\": 1}}, \"required\": [\"sql\"], "
     "\"additionalProperties\": false}",
     ROWS_OUTPUT, false, false, true, t_query},
    {"snapshots", "List snapshots",
     "The lake's snapshots, newest last: id, time, schema version, what each changed, its "
     "author and commit message, and the tags naming it; with table, only the snapshots "
     "that changed that table.",
     "{\"type\": \"object\", \"properties\": {\"limit\": {\"type\": \"integer\", \"minimum\": 1, "
     "\"maximum\": 100000, \"description\": \"the newest this many (default 100)\"}, "
     "\"table\": {\"type\": \"string\", \"description\": \"only snapshots that changed this "
     "table (table or schema.table): created it, wrote or deleted rows, altered, compacted "
     "it\"}}, \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"snapshots\": {\"type\": \"array\", \"items\": "
     "{\"type\": \"object\", \"properties\": {\"snapshot_id\": {\"type\": \"integer\"}, \"time\": "
     "{\"type\": \"string\"}, \"schema_version\": {\"type\": \"integer\"}, \"changes\": "
     "{\"type\": \"string\"}, \"author\": {\"type\": [\"string\", \"null\"]}, "
     "\"commit_message\": {\"type\": [\"string\", \"null\"]}, \"tags\": {\"type\": \"array\", "
     "\"items\": {\"type\": \"string\"}}}}}, \"truncated\": {\"type\": \"boolean\"}}, "
     "\"required\": [\"snapshots\", \"truncated\"]}",
     false, false, true, t_snapshots},
    {"table_changes", "Changes of a table",
     "Rows inserted, deleted and updated (pre and post image) in a table between two "
     "snapshots (inclusive), with the snapshot of each change.",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\"}, "
     "\"from_snapshot\": {\"type\": \"integer\", \"minimum\": 0}, \"to_snapshot\": {\"type\": "
     "\"integer\", \"minimum\": 0, \"description\": \"default: the latest\"}}, \"required\": "
     "[\"table\", \"from_snapshot\"], \"additionalProperties\": false}",
     ROWS_OUTPUT, false, false, true, t_table_changes},
    {"sample_rows", "Sample rows",
     "A seeded random sample of a table's rows (the same seed gives the same rows).",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\"}, \"n\": {\"type\": "
     "\"integer\", \"minimum\": 1, \"maximum\": 10000, \"description\": \"rows (default 10)\"}, "
     "\"seed\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 2147483647}, " SNAPSHOT_PROP "}, \"required\": "
     "[\"table\"], \"additionalProperties\": false}",
     ROWS_OUTPUT, false, false, true, t_sample_rows},
    {"take_rows", "Rows by row id",
     "Rows of a table by their DuckLake row ids (the rowid column), in the order asked; an id "
     "without a live row is an error naming it.",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\"}, \"row_ids\": "
     "{\"type\": \"array\", \"items\": {\"type\": \"integer\", \"minimum\": 0}, \"maxItems\": "
     "10000}, " SNAPSHOT_PROP "}, \"required\": [\"table\", \"row_ids\"], "
     "\"additionalProperties\": false}",
     ROWS_OUTPUT, false, false, true, t_take_rows},
    {"quality_check", "Check a table's quality",
     "A table's profile: rows, and per column its type, NULLs and distinct values; with key, "
     "that column's duplicate values and NULLs (DuckLake tables have no constraints: check "
     "keys with this before trusting joins). Columns are [position, name, type, rows, nulls, "
     "distinct_values].",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\"}, \"key\": "
     "{\"type\": \"string\", \"description\": \"a column that should be a unique key\"}, "
     SNAPSHOT_PROP "}, \"required\": [\"table\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\"}, \"rows\": "
     "{\"type\": \"integer\"}, \"columns\": {\"type\": \"array\", \"items\": {\"type\": "
     "\"array\"}}, \"key\": {\"type\": \"object\"}, \"snapshot_id\": {\"type\": "
     "\"integer\"}}, \"required\": [\"table\", \"rows\", \"columns\", \"snapshot_id\"]}",
     false, false, true, t_quality_check},
    {"column_histogram", "Histogram of a column",
     "The distribution of one column, computed by the lake in SQL (no rows are sent): for "
     "a numeric column (or measure \"length\" of a text) counts in equal-width bins; for "
     "any other column the most frequent values with their counts and the rest as other. "
     "Optionally only the rows a SQL WHERE expression keeps.",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\", \"description\": "
     "\"table or schema.table\"}, \"column\": {\"type\": \"string\"}, \"bins\": {\"type\": "
     "\"integer\", \"minimum\": 1, \"maximum\": 200, \"description\": \"bins, or values shown "
     "(default 20)\"}, \"measure\": {\"type\": \"string\", \"enum\": [\"value\", \"length\"], "
     "\"description\": \"length: of each text or blob (default value)\"}, \"where\": {\"type\": "
     "\"string\", \"maxLength\": 4000, \"description\": \"a SQL boolean expression over the "
     "table's columns\"}, " SNAPSHOT_PROP "}, \"required\": [\"table\", \"column\"], "
     "\"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"kind\": {\"type\": \"string\", \"enum\": "
     "[\"numeric\", \"categorical\"]}, \"column\": {\"type\": \"string\"}, \"measure\": "
     "{\"type\": \"string\"}, \"integer\": {\"type\": \"boolean\"}, \"min\": {\"type\": "
     "[\"number\", \"null\"]}, \"max\": {\"type\": [\"number\", \"null\"]}, \"bins\": {\"type\": "
     "\"array\", \"items\": {\"type\": \"object\", \"properties\": {\"lo\": {\"type\": "
     "\"number\"}, \"hi\": {\"type\": \"number\"}, \"count\": {\"type\": \"integer\"}}}}, "
     "\"values\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": "
     "{\"value\": {}, \"count\": {\"type\": \"integer\"}}}}, \"other\": {\"type\": \"integer\"}, "
     "\"distinct\": {\"type\": \"integer\"}, \"nulls\": {\"type\": \"integer\"}, \"rows\": "
     "{\"type\": \"integer\"}, \"non_finite\": {\"type\": \"integer\", \"description\": "
     "\"infinities and NaN, not binned\"}, \"where\": {\"type\": \"string\"}, \"snapshot_id\": "
     "{\"type\": \"integer\"}}, \"required\": [\"kind\", \"column\", \"rows\", \"nulls\", "
     "\"snapshot_id\"]}",
     false, false, true, t_column_histogram},
    {"rollback_table", "Roll a table back",
     "Makes a new snapshot in which a table holds the rows and columns it had at an earlier "
     "snapshot. History stays: every snapshot before remains readable, and the rollback can "
     "itself be rolled back. Emits lakehouse.dataset.versioned in the same snapshot.",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\", \"description\": "
     "\"table or schema.table\"}, \"snapshot\": {\"type\": \"integer\", \"minimum\": 0, "
     "\"description\": \"the snapshot whose state the table gets back\"}}, \"required\": "
     "[\"table\", \"snapshot\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\"}, \"to_snapshot\": "
     "{\"type\": \"integer\"}, \"snapshot_id\": {\"type\": \"integer\", \"description\": "
     "\"the snapshot made, or the latest when the table was already as it was then\"}, "
     "\"changed\": {\"type\": \"boolean\"}}, \"required\": [\"table\", \"to_snapshot\", "
     "\"snapshot_id\", \"changed\"]}",
     true, false, false, tool_rollback_table},
    {"tag_create", "Tag a snapshot",
     "Names a snapshot (default: the latest) so that queries read it with AT (TAG => 'name') "
     "and expiry never removes it. A name names one snapshot.",
     "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1, "
     "\"maxLength\": 128}, \"snapshot\": {\"type\": \"integer\", \"minimum\": 0}, \"message\": "
     "{\"type\": \"string\", \"maxLength\": 4000}}, \"required\": [\"name\"], "
     "\"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}, \"snapshot_id\": "
     "{\"type\": \"integer\"}}, \"required\": [\"name\", \"snapshot_id\"]}",
     true, false, false, tool_tag_create},
    {"retrieve", "Retrieve text",
     "Ranked BM25 search over registered text columns (job summaries, agent traces...): the "
     "top_k rows whose text best matches query, with id, text, score and metadata. Rows "
     "written a moment ago are searched too. With vector (and an embedding column in the "
     "source), the best BM25 candidates are re-ranked by cosine similarity. sources default to "
     "the tenant's registered ones.",
     "{\"type\": \"object\", \"properties\": {\"query\": {\"type\": \"string\", \"minLength\": 1}, "
     "\"top_k\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 1000}, \"vector\": "
     "{\"type\": \"array\", \"items\": {\"type\": \"number\"}, \"maxItems\": 65536}, "
     "\"sources\": {\"type\": \"array\", \"maxItems\": 16, \"items\": {\"type\": \"object\", "
     "\"properties\": {\"table\": {\"type\": \"string\"}, \"text_column\": {\"type\": "
     "\"string\"}, \"id_column\": {\"type\": \"string\"}, \"metadata_columns\": {\"type\": "
     "\"array\", \"items\": {\"type\": \"string\"}}, \"embedding_column\": {\"type\": "
     "\"string\"}}, \"required\": [\"table\", \"text_column\", \"id_column\"], "
     "\"additionalProperties\": false}}}, \"required\": [\"query\"], "
     "\"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"results\": {\"type\": \"array\", \"items\": "
     "{\"type\": \"object\", \"properties\": {\"id\": {}, \"text\": {\"type\": \"string\"}, "
     "\"score\": {\"type\": \"number\"}, \"similarity\": {}, \"metadata\": {\"type\": "
     "\"object\"}, \"source\": {\"type\": \"string\"}}}}, \"query\": {\"type\": \"string\"}}, "
     "\"required\": [\"results\", \"query\"]}",
     false, false, true, tool_retrieve},
    {"ingest_records", "Ingest records",
     "Appends records (JSON objects keyed by column name) to an existing table as one snapshot, "
     "or nothing when any record does not fit the table's columns and types (the error names the "
     "record and the column). Idempotent by job_id: a job id the table has seen gets the first "
     "answer again and writes nothing. partition_id is the snapshot holding the records.",
     "{\"type\": \"object\", \"properties\": {\"table\": {\"type\": \"string\", \"description\": "
     "\"table or schema.table\"}, \"records\": {\"type\": \"array\", \"items\": {\"type\": "
     "\"object\"}, \"maxItems\": 10000}, \"job_id\": {\"type\": \"string\", \"minLength\": 1, "
     "\"maxLength\": 200, \"description\": \"the writer's id for this batch; repeats are "
     "answered, not written\"}, \"schema_version\": {\"type\": \"integer\", \"minimum\": 0, "
     "\"description\": \"refuse the records if the lake's schema version differs\"}, "
     "\"tenant_id\": {\"type\": \"string\"}}, \"required\": [\"table\", \"records\", \"job_id\"], "
     "\"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"partition_id\": {\"type\": \"integer\"}, "
     "\"row_count\": {\"type\": \"integer\"}, \"snapshot_id\": {\"type\": \"integer\"}, "
     "\"table\": {\"type\": \"string\"}, \"job_id\": {\"type\": \"string\"}, \"repeated\": "
     "{\"type\": \"boolean\"}}, \"required\": [\"partition_id\", \"row_count\", \"snapshot_id\"]}",
     true, false, true, tool_ingest_records},
    {"append_world_snapshot", "Append a world-model snapshot",
     "Stores an agent system's world-model snapshot in world_model.snapshots (typed columns, "
     "nested values as STRUCT and LIST, the whole document as JSON), made on first use; "
     "replay any decision point with the lake's time travel. Idempotent by snapshot_id.",
     "{\"type\": \"object\", \"properties\": {\"snapshot_id\": {\"type\": \"string\", "
     "\"description\": \"a UUID\"}, \"intent_id\": {\"type\": \"string\", \"description\": "
     "\"a UUID\"}, \"timestamp\": {\"type\": \"string\", \"description\": \"ISO 8601\"}, "
     "\"agents_active\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": "
     "{\"role\": {\"type\": \"string\"}, \"status\": {\"type\": \"string\"}, \"tool_call_count\": "
     "{\"type\": \"integer\"}}, \"additionalProperties\": false}}, \"user_plane\": {\"type\": "
     "\"object\"}, \"causal_chain\": {\"type\": \"array\", \"items\": {\"type\": \"object\", "
     "\"properties\": {\"intent_id\": {\"type\": \"string\"}, \"job_id\": {\"type\": \"string\"}, "
     "\"outcome\": {\"type\": \"string\"}}, \"additionalProperties\": false}}, \"tenant_id\": "
     "{\"type\": \"string\"}}, \"required\": [\"snapshot_id\", \"intent_id\", \"timestamp\"], "
     "\"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"snapshot_id\": {\"type\": \"string\"}, "
     "\"lake_snapshot_id\": {\"type\": \"integer\"}, \"repeated\": {\"type\": \"boolean\"}}, "
     "\"required\": [\"snapshot_id\", \"lake_snapshot_id\"]}",
     true, false, true, tool_append_world_snapshot},
    {"experiment_create", "Register an experiment",
     "Registers experiment experiment_id of a project in registry.experiments (one snapshot). An id is taken once: a second create, even racing the first, is an error.",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 128, \"pattern\": \"^[A-Za-z0-9_][A-Za-z0-9_.-]*$\"}, \"project\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 200}, \"description\": {\"type\": \"string\"}}, \"required\": [\"experiment_id\", \"project\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\"}, \"run_id\": {\"type\": \"string\"}, \"status\": {\"type\": \"string\"}, \"snapshot_id\": {\"type\": \"integer\"}}, \"required\": [\"status\", \"snapshot_id\"]}",
     true, false, false, tool_experiment_create},
    {"experiment_list", "List experiments",
     "Every registered experiment with its status and its runs counted by status.",
     "{\"type\": \"object\", \"properties\": {}, \"additionalProperties\": false}",
     ROWS_OUTPUT,
     false, false, true, tool_experiment_list},
    {"experiment_show", "Show an experiment",
     "One experiment (as an object) and its runs (rows: run_id, sim_index, status, config, ...).",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 128, \"pattern\": \"^[A-Za-z0-9_][A-Za-z0-9_.-]*$\"}}, \"required\": [\"experiment_id\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"experiment\": {\"type\": \"object\"}, \"runs\": {\"type\": \"object\"}, \"snapshot_id\": {\"type\": \"integer\"}}, \"required\": [\"experiment\", \"runs\", \"snapshot_id\"]}",
     false, false, true, tool_experiment_show},
    {"experiment_complete", "Complete an experiment",
     "Marks an experiment completed once every one of its runs has completed; otherwise an error names the runs that have not. Emits lakehouse.experiment.completed.",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 128, \"pattern\": \"^[A-Za-z0-9_][A-Za-z0-9_.-]*$\"}}, \"required\": [\"experiment_id\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\"}, \"run_id\": {\"type\": \"string\"}, \"status\": {\"type\": \"string\"}, \"snapshot_id\": {\"type\": \"integer\"}}, \"required\": [\"status\", \"snapshot_id\"]}",
     true, false, false, tool_experiment_complete},
    {"run_start", "Start a run",
     "Starts run sim_index of a registered, active experiment with its config (a JSON object) and the prefix it writes under; returns the new run_id (UUIDv7). Emits lakehouse.sim.started in the same snapshot.",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 128, \"pattern\": \"^[A-Za-z0-9_][A-Za-z0-9_.-]*$\"}, \"sim_index\": {\"type\": \"integer\", \"minimum\": 0}, \"config\": {\"type\": \"object\"}, \"s3_prefix\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 1024}}, \"required\": [\"experiment_id\", \"sim_index\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\"}, \"run_id\": {\"type\": \"string\"}, \"status\": {\"type\": \"string\"}, \"snapshot_id\": {\"type\": \"integer\"}}, \"required\": [\"status\", \"snapshot_id\"]}",
     true, false, false, tool_run_start},
    {"run_log", "Log run metrics",
     "Records scalar metrics (name: number) of a run at step (default: one past its last step) in registry.metrics.",
     "{\"type\": \"object\", \"properties\": {\"run_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 80}, \"metrics\": {\"type\": \"object\", \"minProperties\": 1, \"maxProperties\": 1000, \"additionalProperties\": {\"type\": \"number\"}}, \"step\": {\"type\": \"integer\", \"minimum\": 0}}, \"required\": [\"run_id\", \"metrics\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"run_id\": {\"type\": \"string\"}, \"step\": {\"type\": \"integer\"}, \"logged\": {\"type\": \"integer\"}, \"snapshot_id\": {\"type\": \"integer\"}}, \"required\": [\"run_id\", \"step\", \"logged\", \"snapshot_id\"]}",
     true, false, false, tool_run_log},
    {"run_complete", "Complete a run",
     "Moves a started run to completed (any other state is an error) and emits lakehouse.sim.completed in the same snapshot.",
     "{\"type\": \"object\", \"properties\": {\"run_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 80}}, \"required\": [\"run_id\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\"}, \"run_id\": {\"type\": \"string\"}, \"status\": {\"type\": \"string\"}, \"snapshot_id\": {\"type\": \"integer\"}}, \"required\": [\"status\", \"snapshot_id\"]}",
     true, false, false, tool_run_complete},
    {"run_fail", "Fail a run",
     "Moves a started run to failed with a reason (any other state is an error) and emits lakehouse.sim.failed in the same snapshot.",
     "{\"type\": \"object\", \"properties\": {\"run_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 80}, \"reason\": {\"type\": \"string\", \"maxLength\": 4000}}, \"required\": [\"run_id\"], \"additionalProperties\": false}",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\"}, \"run_id\": {\"type\": \"string\"}, \"status\": {\"type\": \"string\"}, \"snapshot_id\": {\"type\": \"integer\"}}, \"required\": [\"status\", \"snapshot_id\"]}",
     true, false, false, tool_run_fail},
    {"run_list", "List runs",
     "The runs of one experiment (or of all): run_id, experiment_id, sim_index, status, config, s3_prefix, started_at, completed_at, reason.",
     "{\"type\": \"object\", \"properties\": {\"experiment_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 128, \"pattern\": \"^[A-Za-z0-9_][A-Za-z0-9_.-]*$\"}}, \"additionalProperties\": false}",
     ROWS_OUTPUT,
     false, false, true, tool_run_list}
};

#define NTOOLS (sizeof tools / sizeof tools[0])

static const tool *find_tool(const char *name)
{
	for (size_t i = 0; name && i < NTOOLS; i++)
		if (!strcmp(tools[i].name, name))
			return &tools[i];
	return NULL;
}

/* --- the registry -------------------------------------------------------------------------- */

lh_status lh_tools_list(char **out_json)
{
	if (!out_json)
		return LH_ERR_INVALID;
	*out_json = NULL;
	json_t *list = json_array();
	for (size_t i = 0; list && i < NTOOLS; i++) {
		const tool *t = &tools[i];
		json_t *in = json_loads(t->input, 0, NULL), *outs = json_loads(t->output, 0, NULL);
		json_t *o = in && outs
		                ? json_pack("{s:s, s:s, s:s, s:o, s:o, s:{s:b, s:b, s:b, s:b}}", "name",
		                            t->name, "title", t->title, "description", t->description,
		                            "inputSchema", in, "outputSchema", outs, "annotations",
		                            "readOnlyHint", !t->writes, "destructiveHint", t->destructive,
		                            "idempotentHint", t->idempotent, "openWorldHint", false)
		                : NULL;
		if (!o) {
			json_decref(in);
			json_decref(outs);
			json_decref(list);
			return LH_ERR_INTERNAL; /* a schema of ours that is not JSON: a test catches it */
		}
		json_array_append_new(list, o);
	}
	*out_json = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	return *out_json ? LH_OK : LH_ERR_NOMEM;
}

/* The watchdog of one call: interrupts the lake's running query at the deadline. */
typedef struct watchdog {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool done, fired;
	struct timespec deadline;
	lh_lake *lake;
} watchdog;

static void *watch(void *arg)
{
	watchdog *w = arg;
	pthread_mutex_lock(&w->mu);
	int rc = 0;
	while (!w->done && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&w->cv, &w->mu, &w->deadline);
	if (!w->done) {
		w->fired = true;
		duckdb_interrupt(lh_engine_conn(lh_lake_engine(w->lake)));
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static bool watch_start(watchdog *w, lh_lake *lake, int64_t ms)
{
	memset(w, 0, sizeof *w);
	w->lake = lake;
	clock_gettime(CLOCK_REALTIME, &w->deadline);
	w->deadline.tv_sec += ms / 1000;
	w->deadline.tv_nsec += (ms % 1000) * 1000000;
	if (w->deadline.tv_nsec >= 1000000000) {
		w->deadline.tv_sec++;
		w->deadline.tv_nsec -= 1000000000;
	}
	if (pthread_mutex_init(&w->mu, NULL) != 0)
		return false;
	if (pthread_cond_init(&w->cv, NULL) != 0) {
		pthread_mutex_destroy(&w->mu);
		return false;
	}
	if (pthread_create(&w->thread, NULL, watch, w) != 0) {
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		return false;
	}
	return true;
}

/* Stops the watchdog; true when it fired. */
static bool watch_stop(watchdog *w)
{
	pthread_mutex_lock(&w->mu);
	w->done = true;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	return w->fired;
}

lh_status lh_tool_call(lh_lake *lake, const char *name, const char *input_json,
                       const lh_tool_options *options, char **out_json, char **out_error)
{
	if (out_json)
		*out_json = NULL;
	if (out_error)
		*out_error = NULL;
	if (!lake || !name || !out_json)
		return LH_ERR_INVALID;
	call c = {.lake = lake};
	lh_status st = LH_OK;
	if (!LH_OPTIONS_SIZE_OK(options))
		st = lh_err_options_size(&c.err, "lh_tool_options", options->struct_size, sizeof c.opt);
	else if (options)
		c.opt = *options;
	if (!c.opt.max_rows)
		c.opt.max_rows = DEFAULT_ROWS;
	if (!c.opt.max_chars)
		c.opt.max_chars = DEFAULT_CHARS;
	if (!c.opt.timeout_ms)
		c.opt.timeout_ms = DEFAULT_TIMEOUT_MS;
	const tool *t = find_tool(name);
	if (st == LH_OK && !t)
		st = fail(&c, LH_ERR_NOT_FOUND, "no tool is named '%s' (tools/list, or `lakehouse tool "
		          "--list`, lists them)", name);
	json_error_t jerr;
	json_t *in = st == LH_OK ? json_loads(input_json && *input_json ? input_json : "{}",
	                                      JSON_REJECT_DUPLICATES, &jerr)
	                         : NULL;
	if (st == LH_OK && !in)
		st = fail(&c, LH_ERR_INVALID, "input is not JSON: %s (line %d, column %d)", jerr.text,
		          jerr.line, jerr.column);
	json_t *schema = st == LH_OK ? json_loads(t->input, 0, NULL) : NULL;
	if (st == LH_OK && !schema)
		st = fail(&c, LH_ERR_INTERNAL, "the input schema of tool '%s' is not JSON", name);
	if (st == LH_OK)
		st = check_value(&c, schema, in, "input");
	json_decref(schema);
	if (st == LH_OK && c.opt.tenant) {
		char *policy = NULL;
		if ((st = lh_policy_get(lake, c.opt.tenant, &policy)) != LH_OK)
			st = tool_lake_error(&c, st);
		else if (policy && !(c.policy = json_loads(policy, 0, NULL)))
			st = fail(&c, LH_ERR_CORRUPT, "the policy of tenant '%s' is not JSON", c.opt.tenant);
		lh_free(policy);
	}
	if (st == LH_OK)
		st = tool_check_table(&c, json_string_value(json_object_get(in, "table")));
	if (st == LH_OK && t->writes && !c.opt.read_write)
		st = fail(&c, LH_ERR_READ_ONLY, "tool '%s' writes to the lake: this server is read-only "
		          "(start it with --read-write; over HTTP the token must not be read-only)", name);
	json_t *res = NULL;
	if (st == LH_OK) {
		watchdog w;
		bool watching = c.opt.timeout_ms > 0 && watch_start(&w, lake, c.opt.timeout_ms);
		const char *author, *message;
		lh_lake_commit_info(lake, &author, &message);
		if (t->writes && c.opt.author)
			lh_lake_set_commit_info(lake, c.opt.author, message);
		st = t->fn(&c, in, &res);
		lh_lake_set_commit_info(lake, author, message);
		if (watching && watch_stop(&w) && st != LH_OK)
			st = fail(&c, LH_ERR_TIMEOUT, "tool '%s' ran longer than %" PRId64 " ms and was "
			          "stopped; nothing was changed", name, c.opt.timeout_ms);
	}
	json_decref(in);
	json_decref(c.policy);
	if (st == LH_OK && !(*out_json = json_dumps(res, JSON_COMPACT)))
		st = fail(&c, LH_ERR_NOMEM, "out of memory");
	json_decref(res);
	if (st != LH_OK && out_error)
		*out_error = lh_strdup(c.err.msg ? c.err.msg : lh_strerror(st));
	lh_err_clear(&c.err);
	return st;
}
