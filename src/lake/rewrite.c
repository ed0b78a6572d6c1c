/*
 * lake/rewrite.c - answering AT clauses and DuckLake table functions inside queries.
 *
 * Layer: lake. DuckDB's parser finds them: json_serialize_sql gives the parse tree of a
 * SELECT, in which every table reference is a BASE_TABLE (with its at_clause) and every
 * table function a TABLE_FUNCTION. Each `t AT (VERSION => n)` / `AT (TIMESTAMP => ts)`
 * becomes a reference to a view (in DuckDB's internal database __lh) of the table at that snapshot, resolved in the
 * catalog as it was then (so dropped tables and old column names still work); each
 * ducklake_*() call becomes a reference to a table there holding its answer. The tree is
 * turned back into SQL with json_deserialize_sql. Queries without either are left alone.
 */
#include "lake/lake_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

/* Runs `SELECT fn('<arg>')` and returns the text. */
static lh_status call_text_fn(lh_lake *lake, const char *fn, const char *arg, bool json_arg,
                              char **out)
{
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_printf(&q, "SELECT %s(", fn);
	lh_buf_sql_str(&q, arg);
	lh_buf_puts(&q, json_arg ? "::JSON)" : ")");
	lh_status st = q.status == LH_OK ? lh_engine_scalar(lake->engine, lh_buf_str(&q), out, &lake->err)
	                                 : nomem(lake);
	lh_buf_free(&q);
	return st;
}

/* DuckDB's trees hold integers beyond int64 (an unset query_location is 2^64-1), which
 * jansson cannot hold: outside strings they travel as the string "\u0000BIG:<digits>"
 * and are put back before DuckDB reads the tree again. */
#define BIG_MARK "\\u0001LHBIG:"

static char *protect_big_ints(const char *in)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	bool in_str = false;
	for (const char *p = in; *p;) {
		if (in_str) {
			if (*p == '\\' && p[1]) {
				lh_buf_append(&b, p, 2);
				p += 2;
				continue;
			}
			in_str = *p != '"';
			lh_buf_putc(&b, *p++);
			continue;
		}
		if (*p == '"') {
			in_str = true;
			lh_buf_putc(&b, *p++);
			continue;
		}
		if ((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' && p[1] <= '9')) {
			const char *e = p + 1;
			while (*e >= '0' && *e <= '9')
				e++;
			size_t n = (size_t)(e - p);
			bool integer = *e != '.' && *e != 'e' && *e != 'E';
			bool big = integer && (n > 19 || (n == 19 && *p != '-' && strncmp(p, "9223372036854775807", 19) > 0));
			if (big) {
				lh_buf_puts(&b, "\"" BIG_MARK);
				lh_buf_append(&b, p, n);
				lh_buf_putc(&b, '"');
			} else {
				lh_buf_append(&b, p, n);
			}
			p = e;
			continue;
		}
		lh_buf_putc(&b, *p++);
	}
	return lh_buf_steal(&b);
}

static char *restore_big_ints(const char *in)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	const char *mark = "\"" BIG_MARK;
	size_t mlen = strlen(mark);
	for (const char *p = in; *p;) {
		if (strncmp(p, mark, mlen) == 0) {
			const char *d = p + mlen, *e = d;
			while ((*e >= '0' && *e <= '9') || *e == '-')
				e++;
			if (*e == '"') {
				lh_buf_append(&b, d, (size_t)(e - d));
				p = e + 1;
				continue;
			}
		}
		lh_buf_putc(&b, *p++);
	}
	return lh_buf_steal(&b);
}

static json_t *load_tree(const char *text, json_error_t *jerr)
{
	char *safe = protect_big_ints(text ? text : "");
	json_t *t = safe ? json_loads(safe, 0, jerr) : NULL;
	free(safe);
	return t;
}

static lh_status deserialize(lh_lake *lake, json_t *tree, char **out)
{
	char *dumped = json_dumps(tree, JSON_COMPACT);
	char *text = dumped ? restore_big_ints(dumped) : NULL;
	free(dumped);
	if (!text)
		return nomem(lake);
	lh_status st = call_text_fn(lake, "json_deserialize_sql", text, true, out);
	free(text);
	return st;
}

/* The SQL text of a parsed expression node. */
static lh_status expr_sql(lh_lake *lake, json_t *expr, char **out)
{
	*out = NULL;
	char *tmpl = NULL;
	lh_status st = call_text_fn(lake, "json_serialize_sql", "SELECT 1", false, &tmpl);
	if (st != LH_OK)
		return st;
	json_error_t jerr;
	json_t *tree = load_tree(tmpl, &jerr);
	free(tmpl);
	json_t *list = json_object_get(
	    json_object_get(json_array_get(json_object_get(tree, "statements"), 0), "node"),
	    "select_list");
	if (!tree || !json_is_array(list)) {
		json_decref(tree);
		return lh_lake_fail(lake, LH_ERR_INTERNAL, "unexpected parse tree from json_serialize_sql");
	}
	json_array_set(list, 0, expr);
	char *sql = NULL;
	st = deserialize(lake, tree, &sql);
	json_decref(tree);
	if (st != LH_OK)
		return st;
	/* "SELECT <expr>" */
	*out = lh_strdup(sql && lh_str_starts_with(sql, "SELECT ") ? sql + 7 : sql ? sql : "NULL");
	free(sql);
	return *out ? LH_OK : nomem(lake);
}

lh_status lh_eval_text(lh_lake *lake, const char *expr, char **out)
{
	char *q = lh_asprintf("SELECT CAST((%s) AS VARCHAR)", expr);
	if (!q)
		return nomem(lake);
	lh_status st = lh_engine_scalar(lake->engine, q, out, &lake->err);
	free(q);
	return st;
}

static const char *jstr(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

/* Resolves an AT clause to a snapshot id. */
static lh_status at_snapshot(lh_lake *lake, json_t *at, int64_t *out)
{
	const char *unit = jstr(at, "unit");
	char *e = NULL;
	lh_status st = expr_sql(lake, json_object_get(at, "expr"), &e);
	if (st != LH_OK)
		return st;
	char *q = lh_strieq(unit, "VERSION")
	              ? lh_asprintf("SELECT CAST((%s) AS BIGINT)", e)
	              : lh_asprintf("SELECT epoch_us(CAST((%s) AS TIMESTAMPTZ))", e);
	int64_t v = 0;
	st = q ? lh_engine_scalar_int(lake->engine, q, &v, &lake->err) : nomem(lake);
	free(q);
	if (st != LH_OK) {
		lh_err_prefix(&lake->err, "bad AT (%s => %s): ", unit, e);
	} else if (lh_strieq(unit, "VERSION")) {
		*out = v;
	} else if (lh_strieq(unit, "TIMESTAMP")) {
		st = lh_catalog_snapshot_at_time(lake->cat, v, out, &lake->err);
		if (st == LH_ERR_NOT_FOUND)
			lh_lake_fail(lake, st, "no snapshot exists at or before timestamp %s", e);
	} else {
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED, "AT (%s => ...) is not supported; use VERSION or TIMESTAMP", unit);
	}
	free(e);
	return st;
}

static lh_status rewrite_base_table(lh_lake *lake, json_t *node)
{
	json_t *at = json_object_get(node, "at_clause");
	if (!json_is_object(at))
		return LH_OK;
	int64_t snap = -1;
	lh_status st = at_snapshot(lake, at, &snap);
	if (st != LH_OK)
		return st;
	const lh_state *past = NULL;
	st = lh_lake_past_state(lake, snap, &past);
	if (st == LH_ERR_NOT_FOUND) {
		lh_snapshot_info latest;
		lh_err e = {0};
		if (lh_catalog_snapshot(lake->cat, -1, &latest, &e) == LH_OK) {
			lh_lake_fail(lake, st, "no snapshot found at version %lld (this lake has snapshots up to %lld; list them with `lakehouse snapshots`)",
			             (long long)snap, (long long)latest.id);
			free(latest.time);
		}
		lh_err_clear(&e);
	}
	if (st != LH_OK)
		return st;
	lh_qname q = {.catalog = *jstr(node, "catalog_name") ? (char *)jstr(node, "catalog_name") : NULL,
	              .schema = *jstr(node, "schema_name") ? (char *)jstr(node, "schema_name") : NULL,
	              .name = (char *)jstr(node, "table_name")};
	ptrdiff_t ti;
	st = lh_resolve_table(lake, past, &q, &ti);
	if (st != LH_OK) {
		lh_err_prefix(&lake->err, "at version %lld: ", (long long)snap);
		return st;
	}
	char *view = NULL;
	st = lh_views_time_travel(lake, past, past->tables.items[ti], &view);
	if (st != LH_OK)
		return st;
	json_object_set_new(node, "catalog_name", json_string("__lh"));
	json_object_set_new(node, "schema_name", json_string("main"));
	json_object_set_new(node, "table_name", json_string(view));
	json_object_set_new(node, "at_clause", json_null());
	free(view);
	return LH_OK;
}

typedef struct rewrite_ctx {
	lh_lake *lake;
	int nfunctions;
} rewrite_ctx;

static bool lake_function(const char *name)
{
	return lh_str_starts_with(name, "ducklake_") || lh_str_starts_with(name, "lakehouse_");
}

static lh_status rewrite_table_function(rewrite_ctx *ctx, json_t *node)
{
	lh_lake *lake = ctx->lake;
	json_t *fn = json_object_get(node, "function");
	const char *name = jstr(fn, "function_name");
	if (!lake_function(name))
		return LH_OK;
	json_t *children = json_object_get(fn, "children");
	size_t n = json_array_size(children);
	char **args = calloc(n + 1, sizeof *args);
	if (!args)
		return nomem(lake);
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < n; i++) {
		char *e = NULL;
		st = expr_sql(lake, json_array_get(children, i), &e);
		if (st == LH_OK)
			st = lh_eval_text(lake, e, &args[i]);
		free(e);
	}
	char table[64];
	snprintf(table, sizeof table, "__lh_fn_%d", ctx->nfunctions++);
	if (st == LH_OK)
		st = lh_history_function(lake, name, args, n, table);
	for (size_t i = 0; i < n; i++)
		free(args[i]);
	free(args);
	if (st != LH_OK)
		return st;
	json_t *alias = json_object_get(node, "alias");
	json_t *aliases = json_object_get(node, "column_name_alias");
	json_t *loc = json_object_get(node, "query_location");
	json_t *repl = json_pack("{s:s, s:o, s:n, s:o, s:s, s:s, s:o, s:s, s:n}", "type", "BASE_TABLE",
	                         "alias", alias ? json_incref(alias) : json_string(""), "sample",
	                         "query_location", loc ? json_incref(loc) : json_integer(0),
	                         "schema_name", "main", "table_name", table, "column_name_alias",
	                         aliases ? json_incref(aliases) : json_array(), "catalog_name", "__lh",
	                         "at_clause");
	if (!repl)
		return nomem(lake);
	json_object_clear(node);
	json_object_update(node, repl);
	json_decref(repl);
	return LH_OK;
}

static lh_status walk(rewrite_ctx *ctx, json_t *v)
{
	lh_status st = LH_OK;
	if (json_is_object(v)) {
		const char *type = jstr(v, "type");
		if (strcmp(type, "BASE_TABLE") == 0)
			st = rewrite_base_table(ctx->lake, v);
		else if (strcmp(type, "TABLE_FUNCTION") == 0)
			st = rewrite_table_function(ctx, v);
		const char *key;
		json_t *child;
		json_object_foreach(v, key, child)
		{
			if (st != LH_OK)
				break;
			st = walk(ctx, child);
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *child;
		json_array_foreach(v, i, child)
		{
			if (st != LH_OK)
				break;
			st = walk(ctx, child);
		}
	}
	return st;
}

/* True when the tokens hold `AT (` followed by VERSION or TIMESTAMP. */
static bool has_at_clause(const lh_toks *t)
{
	for (size_t i = 0; i + 2 < t->v.len; i++) {
		const lh_tok *k = &t->v.items[i];
		if (k->type != LH_TOK_WORD || k->end - k->start != 2 ||
		    strncasecmp(t->sql + k->start, "AT", 2) != 0)
			continue;
		const lh_tok *p = &t->v.items[i + 1], *u = &t->v.items[i + 2];
		if (p->type == LH_TOK_OP && t->sql[p->start] == '(' && u->type == LH_TOK_WORD)
			return true;
	}
	return false;
}

lh_status lh_rewrite_query(lh_lake *lake, const char *sql, const lh_toks *toks, char **out)
{
	*out = NULL;
	bool has_at = has_at_clause(toks);
	bool has_fn = lh_toks_has_call(toks, "ducklake_", true) || lh_toks_has_call(toks, "lakehouse_", true);
	if (!has_at && !has_fn)
		return LH_OK;
	/* EXPLAIN [ANALYZE] <query>: rewrite the query, keep the prefix */
	lh_cursor c = {.t = toks};
	size_t skip = 0;
	if (lh_cur_accept(&c, "EXPLAIN")) {
		lh_cur_accept(&c, "ANALYZE");
		skip = lh_cur_offset(&c);
	}
	char *json = NULL;
	lh_status st = call_text_fn(lake, "json_serialize_sql", sql + skip, false, &json);
	if (st != LH_OK)
		return st;
	json_error_t jerr;
	json_t *tree = load_tree(json, &jerr);
	free(json);
	if (!tree)
		return lh_lake_fail(lake, LH_ERR_INTERNAL, "cannot read DuckDB's parse tree: %s", jerr.text);
	if (json_is_true(json_object_get(tree, "error"))) {
		const char *msg = jstr(tree, "error_message");
		if (strstr(msg, "Only SELECT")) {
			json_decref(tree);
			if (!has_at)
				return LH_OK;
			return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                    "AT (VERSION => ...) and AT (TIMESTAMP => ...) work in queries "
			                    "(SELECT, WITH, FROM, DESCRIBE, SUMMARIZE, EXPLAIN) and in the "
			                    "source query of INSERT/CREATE TABLE AS");
		}
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "Parser Error: %s", msg);
		json_decref(tree);
		return st;
	}
	rewrite_ctx ctx = {.lake = lake};
	st = walk(&ctx, tree);
	char *text = NULL;
	if (st == LH_OK)
		st = deserialize(lake, tree, &text);
	json_decref(tree);
	if (st != LH_OK)
		return st;
	if (skip) {
		*out = lh_asprintf("%.*s%s", (int)skip, sql, text ? text : "");
		free(text);
	} else {
		*out = text;
	}
	return *out ? LH_OK : nomem(lake);
}
