/*
 * lake/rewrite.c - answering AT clauses and DuckLake table functions inside queries,
 * and finding which tables (and which of their files) a query reads from a remote store.
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
	lh_status st = q.status == LH_OK
	                   ? lh_engine_parse_scalar(lake->engine, lh_buf_str(&q), out, &lake->err)
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
	jerr->text[0] = '\0'; /* stays empty when out of memory */
	json_t *t = safe ? json_loads(safe, 0, jerr) : NULL;
	free(safe);
	return t;
}

/* DuckDB's parse tree of sql (json_serialize_sql), loaded. */
static lh_status parse_tree(lh_lake *lake, const char *sql, json_t **out)
{
	char *json = NULL;
	*out = NULL;
	lh_status st = call_text_fn(lake, "json_serialize_sql", sql, false, &json);
	if (st != LH_OK)
		return st;
	json_error_t jerr;
	*out = load_tree(json, &jerr);
	free(json);
	if (*out)
		return LH_OK;
	return jerr.text[0] ? lh_lake_fail(lake, LH_ERR_INTERNAL, "cannot read DuckDB's parse tree: %s",
	                                   jerr.text)
	                    : nomem(lake); /* DuckDB's own JSON: only a failed allocation stops it */
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
	json_t *tree = NULL;
	lh_status st = parse_tree(lake, "SELECT 1", &tree);
	if (st != LH_OK)
		return st;
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
	lh_status st = lh_engine_scalar_expr(lake->engine, q, out, &lake->err);
	free(q);
	return st;
}

static const char *jstr(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

/* AT (VERSION => e): a snapshot id, a whole number 0 or more. NULL, negative and
 * fractional versions are errors, never "the latest" (DuckLake: the snapshot must
 * exist). */
static lh_status at_version(lh_lake *lake, const char *e, int64_t *out)
{
	char *text = NULL;
	lh_status st = lh_eval_text(lake, e, &text);
	if (st != LH_OK)
		lh_err_prefix(&lake->err, "bad AT (VERSION => %s): ", e);
	else if (!text)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "bad AT (VERSION => %s): the version is NULL; give a snapshot id "
		                  "(list them with `lakehouse snapshots`)",
		                  e);
	else if (!lh_parse_int64(text, out))
		st = lh_lake_fail(lake, LH_ERR_TYPE,
		                  "bad AT (VERSION => %s): '%s' is not a snapshot id, which is a whole "
		                  "number (list them with `lakehouse snapshots`)",
		                  e, text);
	else if (*out < 0)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "bad AT (VERSION => %s): a version is a snapshot id, 0 or more; it "
		                  "never counts back from the latest (list the snapshots with "
		                  "`lakehouse snapshots`)",
		                  e);
	free(text);
	return st;
}

/* The error for a time before the first snapshot, naming when that one was made. */
static lh_status before_first_snapshot(lh_lake *lake, const char *e)
{
	lh_rows *rows = NULL;
	lh_err ignored = {0};
	const char *first = NULL;
	if (lh_catdb_query(lake->cat,
	                   "SELECT snapshot_time FROM ducklake_snapshot ORDER BY snapshot_id LIMIT 1",
	                   NULL, 0, &rows, &ignored) == LH_OK)
		first = lh_rows_get(rows, 0, 0);
	lh_status st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
	                            "no snapshot exists at or before timestamp %s: the lake's first "
	                            "snapshot was made at %s (list them with `lakehouse snapshots`)",
	                            e, first ? first : "a later time");
	lh_rows_free(&rows);
	lh_err_clear(&ignored);
	return st;
}

/* AT (TIMESTAMP => e): the latest snapshot made at or before e (DuckLake's rule). */
static lh_status at_timestamp(lh_lake *lake, const char *e, int64_t *out)
{
	/* 'null' tells a NULL timestamp from one that does not convert (NULL) */
	char *q = lh_asprintf("SELECT CASE WHEN (%s) IS NULL THEN 'null' ELSE "
	                      "CAST(epoch_us(TRY_CAST((%s) AS TIMESTAMPTZ)) AS VARCHAR) END",
	                      e, e);
	char *text = NULL;
	int64_t us = 0;
	lh_status st = q ? lh_engine_scalar(lake->engine, q, &text, &lake->err) : nomem(lake);
	free(q);
	if (st != LH_OK)
		lh_err_prefix(&lake->err, "bad AT (TIMESTAMP => %s): ", e);
	else if (text && strcmp(text, "null") == 0)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "bad AT (TIMESTAMP => %s): the timestamp is NULL; give a time such as "
		                  "TIMESTAMPTZ '2026-01-01 10:00:00+00'",
		                  e);
	else if (!text || !lh_parse_int64(text, &us))
		st = lh_lake_fail(lake, LH_ERR_TYPE,
		                  "bad AT (TIMESTAMP => %s): not a time; give one such as TIMESTAMPTZ "
		                  "'2026-01-01 10:00:00+00'",
		                  e);
	else if ((st = lh_catalog_snapshot_at_time(lake->cat, us, out, &lake->err)) ==
	         LH_ERR_NOT_FOUND)
		st = before_first_snapshot(lake, e);
	free(text);
	return st;
}

/* Resolves an AT clause to a snapshot id. */
static lh_status at_snapshot(lh_lake *lake, json_t *at, int64_t *out)
{
	const char *unit = jstr(at, "unit");
	bool version = lh_strieq(unit, "VERSION");
	if (!version && !lh_strieq(unit, "TIMESTAMP"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "AT (%s => ...) is not supported; use VERSION or TIMESTAMP", unit);
	char *e = NULL;
	lh_status st = expr_sql(lake, json_object_get(at, "expr"), &e);
	if (st == LH_OK)
		st = version ? at_version(lake, e, out) : at_timestamp(lake, e, out);
	free(e);
	return st;
}

static const char *alias_of(json_t *table_node)
{
	const char *a = jstr(table_node, "alias");
	return *a ? a : jstr(table_node, "table_name");
}

/* Points a table reference at view __lh.main.<view>; `t.col` still names its columns. */
static void point_at_view(json_t *node, const char *view)
{
	json_object_set_new(node, "alias", json_string(alias_of(node)));
	json_object_set_new(node, "catalog_name", json_string("__lh"));
	json_object_set_new(node, "schema_name", json_string("main"));
	json_object_set_new(node, "table_name", json_string(view));
}

/* Points a `t AT (...)` reference (or, pin > 0, a reference without AT) at a view of t as
 * it was then; virt: one with those of DuckLake's virtual columns (LH_VIRT_*) the table
 * has, made for this statement (*out_table: the past table). */
static lh_status rewrite_base_table(lh_lake *lake, json_t *node, unsigned virt, int64_t pin,
                                    const lh_table **out_table)
{
	json_t *at = json_object_get(node, "at_clause");
	if (!json_is_object(at) && pin <= 0)
		return LH_OK;
	int64_t snap = pin;
	lh_status st = json_is_object(at) ? at_snapshot(lake, at, &snap) : LH_OK;
	if (st != LH_OK)
		return st;
	const lh_state *past = NULL;
	st = lh_lake_past_state(lake, snap, &past);
	if (st == LH_ERR_NOT_FOUND) {
		lh_snapshot_info latest;
		lh_err e = {0};
		if (lh_catalog_snapshot(lake->cat, -1, &latest, &e) == LH_OK) {
			lh_lake_fail(lake, st, "No snapshot found at version %lld (this lake has snapshots up to %lld; list them with `lakehouse snapshots`)",
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
	if (st == LH_ERR_NOT_FOUND) {
		char *label = lh_qname_str(&q);
		st = lh_lake_fail(lake, st, "table '%s' does not exist at version %lld", label ? label : q.name,
		                  (long long)snap);
		free(label);
	}
	if (st != LH_OK)
		return st;
	char *view = NULL;
	if (virt) {
		/* a per-statement view of the past table with its virtual columns */
		if (!(view = lh_stmt_view_name(lake)))
			return nomem(lake);
		lh_remote_ref ref = {.state = past, .table = past->tables.items[ti], .view_name = view,
		                     .virt = lh_virtual_of(past->tables.items[ti], virt)};
		st = lh_remote_load(lake, &ref, 1);
		*out_table = past->tables.items[ti];
	} else {
		st = lh_views_time_travel(lake, past, past->tables.items[ti], &view);
	}
	if (st != LH_OK) {
		free(view);
		return st;
	}
	point_at_view(node, view);
	json_object_set_new(node, "at_clause", json_null());
	free(view);
	return LH_OK;
}

/* --- what a statement reads from a remote store (remote.c) ------------------------- */

/* A SELECT node's FROM items (base tables reached through joins) and WHERE clause. */
typedef struct where_scope {
	json_t *node; /* the SELECT node */
	json_t *where;
	LH_VEC(json_t *) tables;
	bool opaque; /* other FROM items too (subqueries, functions, CTEs): unqualified
	                column names may be theirs */
} where_scope;

typedef struct table_ref {
	json_t *node;
	const lh_table *table;
	ptrdiff_t scope; /* -1: none */
	bool cte_name;   /* an unqualified name a CTE also has */
	bool pinned;     /* an AT reference already pointed at its own view (virtual columns) */
	unsigned hidden; /* columns (LH_VIRT_*) a star over it leaves out: a function's rowid */
} table_ref;

typedef struct rewrite_ctx {
	lh_lake *lake;
	int nfunctions;
	bool changed;
	/* remote stores */
	bool remote;
	bool deep_columns; /* a column named catalog.schema.table.column or schema.table.column */
	unsigned virt;     /* virtual columns named (LH_VIRT_*): lake tables get them */
	bool hidden;       /* a reference has hidden columns (table_ref.hidden) */
	int64_t pin;       /* > 0: lake tables named without AT read this snapshot */
	int views;         /* lake views expanded so far (a bound: a view may read itself) */
	lh_str_vec ctes;
	LH_VEC(where_scope) scopes;
	LH_VEC(table_ref) refs;
} rewrite_ctx;

static void ctx_free(rewrite_ctx *ctx)
{
	for (size_t i = 0; i < ctx->ctes.len; i++)
		free(ctx->ctes.items[i]);
	LH_VEC_FREE(&ctx->ctes);
	for (size_t i = 0; i < ctx->scopes.len; i++)
		LH_VEC_FREE(&ctx->scopes.items[i].tables);
	LH_VEC_FREE(&ctx->scopes);
	LH_VEC_FREE(&ctx->refs);
}

static bool is_cte(const rewrite_ctx *ctx, const char *name)
{
	for (size_t i = 0; i < ctx->ctes.len; i++)
		if (lh_strieq(ctx->ctes.items[i], name))
			return true;
	return false;
}

/* Whether a name with this catalog and schema (either may be "") can be the lake's: its
 * catalog is the lake's; or none is given and the lake is the session's default (as
 * after USE; a lake attached without USE is named lake.t, as in DuckDB), or the schema
 * is the lake's name (lake.t). */
static bool may_be_ours(const lh_lake *lake, const char *catalog, const char *schema)
{
	if (*catalog)
		return lh_lake_is_name(lake, catalog);
	return lake->is_default || (*schema && lh_lake_is_name(lake, schema));
}

/* Names every unqualified table of a tree (but CTEs) as the lake's: lake.t. */
static void qualify_tables(rewrite_ctx *ctx, json_t *v)
{
	if (json_is_object(v)) {
		const char *catalog = jstr(v, "catalog_name"), *schema = jstr(v, "schema_name");
		if (strcmp(jstr(v, "type"), "BASE_TABLE") == 0 && !*catalog &&
		    !(!*schema && is_cte(ctx, jstr(v, "table_name"))) &&
		    (!*schema || lh_state_schema_by_name(lh_lake_state(ctx->lake), schema)))
			json_object_set_new(v, "catalog_name", json_string(ctx->lake->name));
		const char *key;
		json_t *child;
		json_object_foreach(v, key, child)
		qualify_tables(ctx, child);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *child;
		json_array_foreach(v, i, child)
		qualify_tables(ctx, child);
	}
}

/* The lake table a BASE_TABLE node names in the working state, or NULL. */
static const lh_table *lake_table_of(rewrite_ctx *ctx, json_t *node, bool *cte_name)
{
	const char *catalog = jstr(node, "catalog_name"), *schema = jstr(node, "schema_name");
	const char *name = jstr(node, "table_name");
	*cte_name = !*catalog && !*schema && is_cte(ctx, name);
	if (!may_be_ours(ctx->lake, catalog, schema))
		return NULL;
	lh_qname q = {.catalog = *catalog ? (char *)catalog : NULL,
	              .schema = *schema ? (char *)schema : NULL, .name = (char *)name};
	const lh_state *s = lh_lake_state(ctx->lake);
	ptrdiff_t ti;
	lh_status st = lh_resolve_table(ctx->lake, s, &q, &ti);
	lh_err_clear(&ctx->lake->err);
	return st == LH_OK ? s->tables.items[ti] : NULL;
}

/* Collects the base tables of a FROM clause (through joins). */
static lh_status from_items(json_t *from, where_scope *sc)
{
	const char *type = jstr(from, "type");
	if (strcmp(type, "BASE_TABLE") == 0)
		return LH_VEC_PUSH(&sc->tables, from);
	if (strcmp(type, "JOIN") == 0) {
		lh_status st = from_items(json_object_get(from, "left"), sc);
		return st == LH_OK ? from_items(json_object_get(from, "right"), sc) : st;
	}
	/* a lake function becomes a table of its results: a star over it may hide columns */
	if (strcmp(type, "TABLE_FUNCTION") == 0) {
		sc->opaque = true;
		return LH_VEC_PUSH(&sc->tables, from);
	}
	if (strcmp(type, "EMPTY") != 0)
		sc->opaque = true;
	return LH_OK;
}

static lh_status remote_select_node(rewrite_ctx *ctx, json_t *node)
{
	json_t *where = json_object_get(node, "where_clause");
	where_scope sc = {.node = node, .where = json_is_object(where) ? where : NULL};
	lh_status st = from_items(json_object_get(node, "from_table"), &sc);
	if (st == LH_OK)
		st = LH_VEC_PUSH(&ctx->scopes, sc);
	if (st != LH_OK) {
		LH_VEC_FREE(&sc.tables);
		return nomem(ctx->lake);
	}
	return LH_OK;
}

/* The SELECT scope whose FROM holds a BASE_TABLE node, -1 when none does. */
static ptrdiff_t scope_of(const rewrite_ctx *ctx, const json_t *node)
{
	for (size_t i = 0; i < ctx->scopes.len; i++)
		for (size_t k = 0; k < ctx->scopes.items[i].tables.len; k++)
			if (ctx->scopes.items[i].tables.items[k] == node)
				return (ptrdiff_t)i;
	return -1;
}

static lh_status remote_base_table(rewrite_ctx *ctx, json_t *node)
{
	table_ref r = {.node = node};
	r.table = lake_table_of(ctx, node, &r.cte_name);
	if (!r.table)
		return LH_OK;
	r.scope = scope_of(ctx, node);
	return LH_VEC_PUSH(&ctx->refs, r) == LH_OK ? LH_OK : nomem(ctx->lake);
}

/* Records an AT reference that already reads its own view, so that stars over it hide
 * the virtual columns like the others (remote_finish leaves it as it is). */
static lh_status pinned_ref(rewrite_ctx *ctx, json_t *node, const lh_table *past)
{
	table_ref r = {.node = node, .table = past, .scope = scope_of(ctx, node), .pinned = true};
	return LH_VEC_PUSH(&ctx->refs, r) == LH_OK ? LH_OK : nomem(ctx->lake);
}

static bool lake_function(const char *name)
{
	return lh_str_starts_with(name, "ducklake_") || lh_str_starts_with(name, "lakehouse_");
}

static lh_status rewrite_table_function(rewrite_ctx *ctx, json_t *node)
{
	lh_lake *lake = ctx->lake;
	json_t *fn = json_object_get(node, "function");
	const char *name = jstr(fn, "function_name");
	/* <lake>.snapshots(), <lake>.table_changes('t', 1, 2), ...: DuckLake's macros over its
	 * ducklake_* functions, with the lake as the first argument */
	char scoped[96];
	const char *qualifier = *jstr(fn, "schema") ? jstr(fn, "schema") : jstr(fn, "catalog");
	/* unqualified, they are the lake's too (its catalog is the default one) */
	static const char *const macros[] = {"snapshots", "current_snapshot", "table_info",
	                                     "table_changes", "table_insertions", "table_deletions",
	                                     "merge_adjacent_files", "expire_snapshots",
	                                     "cleanup_old_files", "delete_orphaned_files",
	                                     "rewrite_data_files", "flush_inlined_data", "set_option",
	                                     "options", "list_files", NULL};
	bool lake_scoped = lh_lake_is_name(lake, qualifier);
	for (size_t i = 0; !*qualifier && !lake_scoped && macros[i]; i++)
		lake_scoped = lh_strieq(name, macros[i]);
	if (lake_scoped) {
		snprintf(scoped, sizeof scoped, "ducklake_%s", name);
		name = scoped;
	}
	if (!lake_function(name))
		return LH_OK;
	ctx->changed = true;
	json_t *children = json_object_get(fn, "children");
	size_t given = json_array_size(children);
	/* the macros of table_changes & co. take (table, start, end): schema main */
	bool changes = lake_scoped && given == 3 && (strcmp(name, "ducklake_table_changes") == 0 ||
	                                             strcmp(name, "ducklake_table_insertions") == 0 ||
	                                             strcmp(name, "ducklake_table_deletions") == 0);
	size_t lead = lake_scoped ? 1 + changes : 0, n = given + lead;
	lh_fn_args args = {.n = n, .values = calloc(n + 1, sizeof(char *)),
	                   .names = calloc(n + 1, sizeof(char *))};
	if (!args.values || !args.names) {
		free(args.values);
		free(args.names);
		return nomem(lake);
	}
	lh_status st = LH_OK;
	if (lake_scoped && !(args.values[0] = lh_strdup(lake->name)))
		st = nomem(lake);
	if (st == LH_OK && changes && !(args.values[1] = lh_strdup("main")))
		st = nomem(lake);
	for (size_t i = lead; st == LH_OK && i < n; i++) {
		json_t *child = json_array_get(children, i - lead);
		/* a named parameter (name => value) is its expression with an alias */
		const char *alias = jstr(child, "alias");
		json_t *plain = json_deep_copy(child);
		if (plain)
			json_object_set_new(plain, "alias", json_string(""));
		char *e = NULL;
		st = plain ? expr_sql(lake, plain, &e) : nomem(lake);
		json_decref(plain);
		if (st == LH_OK)
			st = lh_eval_text(lake, e, &args.values[i]);
		if (st == LH_OK && *alias && !(args.names[i] = lh_strdup(alias)))
			st = nomem(lake);
		free(e);
	}
	char table[64];
	snprintf(table, sizeof table, "__lh_fn_%d", ctx->nfunctions++);
	if (st == LH_OK)
		st = lh_history_function(lake, name, &args, table);
	for (size_t i = 0; i < n; i++) {
		free(args.values[i]);
		free(args.names[i]);
	}
	free(args.values);
	free(args.names);
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
	/* DuckLake's insertions and deletions are the table's columns; rowid and snapshot_id
	 * are there when named, as a table's virtual columns are (name dies with the node) */
	bool hides = strcmp(name, "ducklake_table_insertions") == 0 ||
	             strcmp(name, "ducklake_table_deletions") == 0;
	json_object_clear(node);
	json_object_update(node, repl);
	json_decref(repl);
	if (!hides)
		return LH_OK;
	table_ref r = {.node = node, .scope = scope_of(ctx, node), .pinned = true,
	               .hidden = LH_VIRT_ROWID | LH_VIRT_SNAPSHOT_ID};
	ctx->hidden = true;
	return r.scope < 0 || LH_VEC_PUSH(&ctx->refs, r) == LH_OK ? LH_OK : nomem(lake);
}

/* *out: a pinned query's BASE_TABLE node names a lake table of the pinned snapshot (not a
 * CTE, not another catalog's table). A lake table of today that the snapshot lacks is an
 * error: reading today's rows as the snapshot's would be a wrong answer. */
static lh_status pinned_table(rewrite_ctx *ctx, json_t *node, bool *out)
{
	*out = false;
	if (ctx->pin <= 0)
		return LH_OK;
	const char *catalog = jstr(node, "catalog_name"), *schema = jstr(node, "schema_name");
	const char *name = jstr(node, "table_name");
	if ((!*catalog && !*schema && is_cte(ctx, name)) || !may_be_ours(ctx->lake, catalog, schema))
		return LH_OK;
	const lh_state *past = NULL;
	ptrdiff_t ti;
	lh_qname q = {.catalog = *catalog ? (char *)catalog : NULL,
	              .schema = *schema ? (char *)schema : NULL, .name = (char *)name};
	lh_status st = lh_lake_past_state(ctx->lake, ctx->pin, &past);
	if (st != LH_OK)
		return st;
	*out = lh_resolve_table(ctx->lake, past, &q, &ti) == LH_OK;
	lh_err_clear(&ctx->lake->err);
	bool cte;
	if (!*out && lake_table_of(ctx, node, &cte))
		return lh_lake_fail(ctx->lake, LH_ERR_NOT_FOUND,
		                    "table '%s' does not exist at snapshot %lld (it was created later, or "
		                    "dropped before)", name, (long long)ctx->pin);
	return LH_OK;
}

static lh_status prescan(rewrite_ctx *ctx, json_t *v);

/* Gives every table reference in a view's tree the view reference's AT clause (its own
 * CTEs aside). */
static void spread_at(rewrite_ctx *ctx, json_t *v, json_t *at)
{
	if (json_is_object(v)) {
		if (strcmp(jstr(v, "type"), "BASE_TABLE") == 0 &&
		    !json_is_object(json_object_get(v, "at_clause")) &&
		    !(!*jstr(v, "catalog_name") && !*jstr(v, "schema_name") &&
		      is_cte(ctx, jstr(v, "table_name"))))
			json_object_set(v, "at_clause", at);
		const char *key;
		json_t *child;
		json_object_foreach(v, key, child)
			spread_at(ctx, child, at);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *child;
		json_array_foreach(v, i, child)
			spread_at(ctx, child, at);
	}
}

/* A reference to a lake view becomes the view's query as a subquery (named as the view),
 * so its tables are read like any other: at the reference's AT snapshot, checked and
 * fetched. *out: it was a view. */
static lh_status expand_view(rewrite_ctx *ctx, json_t *node, bool *out)
{
	*out = false;
	lh_lake *lake = ctx->lake;
	const char *catalog = jstr(node, "catalog_name"), *schema = jstr(node, "schema_name");
	const char *name = jstr(node, "table_name");
	if ((!*catalog && !*schema && is_cte(ctx, name)) || !may_be_ours(lake, catalog, schema))
		return LH_OK;
	json_t *at = json_object_get(node, "at_clause");
	int64_t snap = ctx->pin;
	lh_status st = json_is_object(at) ? at_snapshot(lake, at, &snap) : LH_OK;
	const lh_state *state = lh_lake_state(lake);
	if (st == LH_OK && (json_is_object(at) || ctx->pin > 0))
		st = lh_lake_past_state(lake, snap, &state);
	if (st != LH_OK)
		return st == LH_ERR_NOT_FOUND ? LH_OK : st; /* rewrite_base_table says which */
	lh_qname q = {.catalog = *catalog ? (char *)catalog : NULL,
	              .schema = *schema ? (char *)schema : NULL, .name = (char *)name};
	ptrdiff_t vi;
	if (lh_resolve_view(lake, state, &q, &vi) != LH_OK) {
		lh_err_clear(&lake->err);
		return LH_OK;
	}
	const lh_view_def *view = &state->views.items[vi];
	if (++ctx->views > 256)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "views nest too deep reading '%s' (a view that reads itself?)", view->name);
	json_t *tree = NULL;
	st = parse_tree(lake, view->sql, &tree);
	json_t *stmt = st == LH_OK ? json_object_get(json_array_get(json_object_get(tree, "statements"), 0), "node") : NULL;
	if (st == LH_OK && !json_is_object(stmt))
		st = lh_lake_fail(lake, LH_ERR_CORRUPT, "view '%s' in the catalog is not a query: %s",
		                  view->name, view->sql);
	json_t *aliases = json_object_get(node, "column_name_alias");
	json_t *sub = NULL;
	/* the view's own CTEs are names of its, not lake tables */
	if (st == LH_OK)
		st = prescan(ctx, stmt);
	/* its unqualified names are the lake's, as a DuckDB view's are its catalog's */
	if (st == LH_OK && !lake->is_default)
		qualify_tables(ctx, stmt);
	if (st == LH_OK) {
		if (json_is_object(at))
			spread_at(ctx, stmt, at);
		if (!json_array_size(aliases)) {
			aliases = json_array();
			for (const char *p = view->column_aliases; aliases && p && *p;) {
				size_t n = strcspn(p, ",");
				json_array_append_new(aliases, json_stringn(p, n));
				p += n + (p[n] == ',');
			}
		} else {
			json_incref(aliases);
		}
		sub = json_pack("{s:s, s:s, s:n, s:O, s:{s:O, s:[]}, s:o}", "type", "SUBQUERY", "alias",
		                *jstr(node, "alias") ? jstr(node, "alias") : view->name, "sample",
		                "query_location", json_object_get(node, "query_location"), "subquery",
		                "node", stmt, "named_param_map", "column_name_alias", aliases);
		if (!sub)
			st = nomem(lake);
	}
	json_decref(tree);
	if (st != LH_OK)
		return st;
	json_object_clear(node);
	json_object_update(node, sub);
	json_decref(sub);
	*out = true;
	return LH_OK;
}

/* The other lake of the session a BASE_TABLE node names (other.t, other.schema.t), or
 * NULL (peers.c). */
static lh_lake *other_lake_of(rewrite_ctx *ctx, json_t *node)
{
	const char *catalog = jstr(node, "catalog_name"), *schema = jstr(node, "schema_name");
	if (*catalog)
		return lh_peers_find(ctx->lake, catalog);
	if (!*schema || !lh_lake_attached(ctx->lake) ||
	    lh_state_schema_by_name(lh_lake_state(ctx->lake), schema))
		return NULL;
	return lh_peers_find(ctx->lake, schema);
}

/* Points a reference to a table of another lake of the session at a view, in this
 * lake's DuckDB, of that table's committed files. */
static lh_status other_lake_table(rewrite_ctx *ctx, json_t *node, lh_lake *other)
{
	lh_lake *lake = ctx->lake;
	const char *catalog = jstr(node, "catalog_name"), *schema = jstr(node, "schema_name");
	if (json_is_object(json_object_get(node, "at_clause")))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "AT (...) on a table of another lake ('%s') is not supported yet: "
		                    "USE %s for its past snapshots",
		                    other->name, other->name);
	lh_status st = lh_lake_refresh(other);
	lh_qname q = {.schema = *catalog && *schema ? (char *)schema : NULL,
	              .name = (char *)jstr(node, "table_name")};
	ptrdiff_t ti = -1;
	if (st == LH_OK)
		st = lh_resolve_table(other, other->committed, &q, &ti);
	char *view = st == LH_OK ? lh_stmt_view_name(lake) : NULL;
	if (st == LH_OK && !view)
		st = LH_ERR_NOMEM;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE OR REPLACE VIEW __lh.main.");
	lh_buf_sql_ident(&b, view ? view : "");
	lh_buf_puts(&b, " AS ");
	if (st == LH_OK)
		st = lh_lake_scan(other, other->committed, other->committed->tables.items[ti], 0, &b);
	if (st != LH_OK) {
		/* the other lake's words, in this one's error */
		st = st == LH_ERR_NOMEM ? nomem(lake) : lh_lake_fail(lake, st, "%s", lh_err_msg(&other->err));
	} else {
		st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
		                       : nomem(lake);
	}
	lh_buf_free(&b);
	if (st == LH_OK) {
		point_at_view(node, view);
		ctx->changed = true;
	}
	free(view);
	return st;
}

static lh_status walk(rewrite_ctx *ctx, json_t *v)
{
	lh_status st = LH_OK;
	if (json_is_object(v)) {
		const char *type = jstr(v, "type");
		bool pinned = false, view = false;
		lh_lake *other = strcmp(type, "BASE_TABLE") == 0 ? other_lake_of(ctx, v) : NULL;
		if (other)
			return other_lake_table(ctx, v, other);
		if (strcmp(type, "BASE_TABLE") == 0)
			st = expand_view(ctx, v, &view);
		if (st != LH_OK)
			return st;
		if (view) {
			ctx->changed = true;
			type = jstr(v, "type");
		}
		if (strcmp(type, "BASE_TABLE") == 0 && !json_is_object(json_object_get(v, "at_clause")))
			st = pinned_table(ctx, v, &pinned);
		if (st != LH_OK)
			return st;
		if (strcmp(type, "BASE_TABLE") == 0) {
			if (json_is_object(json_object_get(v, "at_clause")) || pinned) {
				const lh_table *past = NULL;
				st = rewrite_base_table(ctx->lake, v, ctx->virt, ctx->pin, &past);
				ctx->changed = true;
				if (st == LH_OK && past)
					st = pinned_ref(ctx, v, past);
			} else if (ctx->remote) {
				st = remote_base_table(ctx, v);
			}
		} else if (strcmp(type, "TABLE_FUNCTION") == 0) {
			st = rewrite_table_function(ctx, v);
		} else if (ctx->remote && json_object_get(v, "from_table")) {
			st = remote_select_node(ctx, v);
		}
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

/* Finds CTE names and deep column names before the walk. */
static lh_status prescan(rewrite_ctx *ctx, json_t *v)
{
	if (json_is_object(v)) {
		json_t *names = json_object_get(v, "column_names");
		if (json_is_array(names) && json_array_size(names) >= 3)
			ctx->deep_columns = true;
		if (json_is_array(names) && json_array_size(names) > 0)
			ctx->virt |= lh_virtual_bit(
			    json_string_value(json_array_get(names, json_array_size(names) - 1)));
		json_t *map = json_object_get(json_object_get(v, "cte_map"), "map");
		size_t i;
		json_t *e;
		json_array_foreach(map, i, e)
		{
			char *name = lh_strdup(jstr(e, "key"));
			if (!name || LH_VEC_PUSH(&ctx->ctes, name) != LH_OK) {
				free(name);
				return nomem(ctx->lake);
			}
		}
		const char *key;
		json_t *child;
		json_object_foreach(v, key, child)
		{
			lh_status st = prescan(ctx, child);
			if (st != LH_OK)
				return st;
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *child;
		json_array_foreach(v, i, child)
		{
			lh_status st = prescan(ctx, child);
			if (st != LH_OK)
				return st;
		}
	}
	return LH_OK;
}

static bool is_constant(json_t *e)
{
	const char *cls = jstr(e, "class");
	if (strcmp(cls, "CONSTANT") == 0)
		return true;
	return strcmp(cls, "CAST") == 0 && is_constant(json_object_get(e, "child"));
}

/* SQL text of a constant; simple literals directly, others through DuckDB. */
static lh_status constant_sql(lh_lake *lake, json_t *e, char **out)
{
	json_t *val = json_object_get(e, "value");
	const char *type = jstr(json_object_get(val, "type"), "id");
	json_t *v = json_object_get(val, "value");
	if (strcmp(jstr(e, "class"), "CONSTANT") == 0 && !json_is_true(json_object_get(val, "is_null"))) {
		if (json_is_integer(v) && (strcmp(type, "INTEGER") == 0 || strcmp(type, "BIGINT") == 0)) {
			*out = lh_asprintf("%lld", (long long)json_integer_value(v));
			return *out ? LH_OK : nomem(lake);
		}
		if (json_is_string(v) && strcmp(type, "VARCHAR") == 0) {
			lh_buf b;
			lh_buf_init(&b, 0);
			lh_buf_sql_str(&b, json_string_value(v));
			*out = lh_buf_steal(&b);
			return *out ? LH_OK : nomem(lake);
		}
	}
	return expr_sql(lake, e, out);
}

/* The column of ref r a COLUMN_REF names, or -1 when it may name something else. */
static ptrdiff_t ref_column(rewrite_ctx *ctx, const table_ref *r, json_t *e)
{
	if (strcmp(jstr(e, "class"), "COLUMN_REF") != 0)
		return -1;
	json_t *names = json_object_get(e, "column_names");
	const where_scope *sc = &ctx->scopes.items[r->scope];
	if (json_array_size(names) == 2) {
		const char *q = json_string_value(json_array_get(names, 0));
		if (!q || !lh_strieq(q, alias_of(r->node)))
			return -1;
		return lh_table_column_index(r->table, json_string_value(json_array_get(names, 1)));
	}
	if (json_array_size(names) != 1 || sc->opaque)
		return -1;
	const char *name = json_string_value(json_array_get(names, 0));
	ptrdiff_t ci = lh_table_column_index(r->table, name);
	if (ci < 0)
		return -1;
	/* unqualified: no other FROM item may have a column of that name */
	for (size_t k = 0; k < sc->tables.len; k++) {
		json_t *other = sc->tables.items[k];
		if (other == r->node)
			continue;
		bool cte;
		const lh_table *ot = lake_table_of(ctx, other, &cte);
		if (!ot || cte || lh_table_column_index(ot, name) >= 0)
			return -1;
	}
	return ci;
}

typedef LH_VEC(lh_pred) pred_vec;

static void preds_free(pred_vec *v)
{
	for (size_t i = 0; i < v->len; i++) {
		for (size_t k = 0; k < v->items[i].nvalues; k++)
			free(v->items[i].values[k]);
		free(v->items[i].values);
	}
	LH_VEC_FREE(v);
}

#define MAX_IN_VALUES 256

/* Adds the predicate a conjunct expresses on ref r, if it is one we can prune with. */
static lh_status add_pred(rewrite_ctx *ctx, const table_ref *r, json_t *c, pred_vec *out)
{
	static const struct {
		const char *type;
		lh_pred_op op, flipped;
	} cmps[] = {{"COMPARE_EQUAL", LH_PRED_EQ, LH_PRED_EQ},
	            {"COMPARE_LESSTHAN", LH_PRED_LT, LH_PRED_GT},
	            {"COMPARE_LESSTHANOREQUALTO", LH_PRED_LE, LH_PRED_GE},
	            {"COMPARE_GREATERTHAN", LH_PRED_GT, LH_PRED_LT},
	            {"COMPARE_GREATERTHANOREQUALTO", LH_PRED_GE, LH_PRED_LE}};
	const char *type = jstr(c, "type");
	lh_pred p = {0};
	json_t *consts[MAX_IN_VALUES];
	ptrdiff_t ci = -1;
	for (size_t k = 0; k < sizeof cmps / sizeof cmps[0] && ci < 0; k++) {
		if (strcmp(type, cmps[k].type) != 0)
			continue;
		json_t *l = json_object_get(c, "left"), *rt = json_object_get(c, "right");
		if ((ci = ref_column(ctx, r, l)) >= 0 && is_constant(rt)) {
			p.op = cmps[k].op;
			consts[p.nvalues++] = rt;
		} else if ((ci = ref_column(ctx, r, rt)) >= 0 && is_constant(l)) {
			p.op = cmps[k].flipped;
			consts[p.nvalues++] = l;
		} else {
			ci = -1;
		}
	}
	if (strcmp(type, "COMPARE_BETWEEN") == 0 && is_constant(json_object_get(c, "lower")) &&
	    is_constant(json_object_get(c, "upper")) &&
	    (ci = ref_column(ctx, r, json_object_get(c, "input"))) >= 0) {
		p.op = LH_PRED_BETWEEN;
		consts[p.nvalues++] = json_object_get(c, "lower");
		consts[p.nvalues++] = json_object_get(c, "upper");
	}
	json_t *kids = json_object_get(c, "children");
	size_t nk = json_array_size(kids);
	if (strcmp(type, "COMPARE_IN") == 0 && nk >= 2 && nk - 1 <= MAX_IN_VALUES &&
	    (ci = ref_column(ctx, r, json_array_get(kids, 0))) >= 0) {
		p.op = LH_PRED_IN;
		for (size_t k = 1; k < nk && ci >= 0; k++) {
			if (!is_constant(json_array_get(kids, k)))
				ci = -1;
			consts[p.nvalues++] = json_array_get(kids, k);
		}
	}
	if (ci < 0)
		return LH_OK;
	p.column = (size_t)ci;
	p.values = calloc(p.nvalues, sizeof *p.values);
	if (!p.values)
		return nomem(ctx->lake);
	lh_status st = LH_OK;
	for (size_t k = 0; k < p.nvalues && st == LH_OK; k++)
		st = constant_sql(ctx->lake, consts[k], &p.values[k]);
	if (st == LH_OK && LH_VEC_PUSH(out, p) == LH_OK)
		return LH_OK;
	for (size_t k = 0; k < p.nvalues; k++)
		free(p.values[k]);
	free(p.values);
	return st != LH_OK ? st : nomem(ctx->lake);
}

static lh_status conjuncts(rewrite_ctx *ctx, const table_ref *r, json_t *e, pred_vec *out)
{
	if (strcmp(jstr(e, "type"), "CONJUNCTION_AND") != 0)
		return add_pred(ctx, r, e, out);
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(e, "children"), i, c)
	{
		lh_status st = conjuncts(ctx, r, c, out);
		if (st != LH_OK)
			return st;
	}
	return LH_OK;
}

typedef struct planned {
	lh_remote_ref ref;
	bool *keep;
	char *view;
} planned;

/* Fetches what the statement reads and points each reference at a per-statement view
 * of the files it needs: those that can match for a table filtered in WHERE, else all
 * (one view per table). */
/* DuckLake's virtual columns (rowid, snapshot_id, ...): named, they are there; `*` does
 * not list them. The per-statement views carry those the statement names as last
 * columns, so every star of a SELECT whose FROM reads such a view (all of its relations,
 * or the one a qualified star names) gets them added to its EXCLUDE list. The virtual
 * columns such a star's relations have: */
static unsigned star_virtual(rewrite_ctx *ctx, size_t scope, const char *relation)
{
	unsigned virt = 0;
	for (size_t i = 0; i < ctx->refs.len; i++) {
		const table_ref *r = &ctx->refs.items[i];
		if (r->scope != (ptrdiff_t)scope || r->cte_name)
			continue;
		if (!*relation || lh_strieq(relation, alias_of(r->node)))
			virt |= (r->table ? lh_virtual_of(r->table, ctx->virt) : 0) | r->hidden;
	}
	return virt;
}

static lh_status hide_virtual(rewrite_ctx *ctx)
{
	for (size_t sc = 0; sc < ctx->scopes.len; sc++) {
		json_t *list = json_object_get(ctx->scopes.items[sc].node, "select_list");
		size_t i;
		json_t *e;
		json_array_foreach(list, i, e)
		{
			if (strcmp(jstr(e, "class"), "STAR") != 0)
				continue;
			unsigned virt = star_virtual(ctx, sc, jstr(e, "relation_name"));
			json_t *ex = json_object_get(e, "exclude_list");
			if (!virt || !json_is_array(ex))
				continue;
			size_t k;
			json_t *name;
			json_array_foreach(ex, k, name)
			virt &= ~lh_virtual_bit(json_string_value(name));
			for (unsigned bit = 1; bit & LH_VIRT_ALL; bit <<= 1)
				if ((virt & bit) &&
				    json_array_append_new(ex, json_string(lh_virtual_name(bit))) != 0)
					return nomem(ctx->lake);
			ctx->changed |= virt != 0;
		}
	}
	return LH_OK;
}

static lh_status remote_finish(rewrite_ctx *ctx)
{
	lh_lake *lake = ctx->lake;
	const lh_state *s = lh_lake_state(lake);
	LH_VEC(planned) plan = {0};
	size_t *which = calloc(ctx->refs.len + 1, sizeof *which);
	lh_status st = which ? LH_OK : nomem(lake);
	for (size_t i = 0; st == LH_OK && i < ctx->refs.len; i++) {
		const table_ref *r = &ctx->refs.items[i];
		if (r->pinned)
			continue;
		planned p = {.ref = {.state = s, .table = r->table}};
		pred_vec preds = {0};
		bool can_prune = !r->cte_name && r->scope >= 0 && ctx->scopes.items[r->scope].where &&
		                 !ctx->deep_columns && json_is_null(json_object_get(r->node, "sample")) &&
		                 r->table->files.len > 0;
		if (can_prune)
			st = conjuncts(ctx, r, ctx->scopes.items[r->scope].where, &preds);
		if (st == LH_OK && preds.len > 0) {
			size_t kept = 0;
			p.keep = calloc(r->table->files.len, sizeof *p.keep);
			st = p.keep ? lh_remote_prune(lake, r->table, preds.items, preds.len, p.keep, &kept)
			            : nomem(lake);
			if (st == LH_OK && kept == r->table->files.len) {
				free(p.keep);
				p.keep = NULL;
			}
		}
		preds_free(&preds);
		/* references reading the whole table share one view; a name a CTE also has
		 * stays as written and reads the table's lake view */
		ptrdiff_t same = -1;
		for (size_t k = 0; !p.keep && k < plan.len && same < 0; k++)
			if (!plan.items[k].keep && plan.items[k].ref.table == p.ref.table &&
			    !plan.items[k].view == r->cte_name)
				same = (ptrdiff_t)k;
		if (st == LH_OK && same >= 0) {
			which[i] = (size_t)same;
			continue;
		}
		if (st == LH_OK && !r->cte_name &&
		    !(p.view = lh_stmt_view_name(lake)))
			st = nomem(lake);
		p.ref.keep = p.keep;
		p.ref.view_name = p.view;
		p.ref.virt = p.view ? lh_virtual_of(r->table, ctx->virt) : 0;
		which[i] = plan.len;
		if (st != LH_OK || LH_VEC_PUSH(&plan, p) != LH_OK) {
			free(p.keep);
			free(p.view);
			if (st == LH_OK)
				st = nomem(lake);
		}
	}
	lh_remote_ref *refs = calloc(plan.len + 1, sizeof *refs);
	if (st == LH_OK && !refs)
		st = nomem(lake);
	for (size_t i = 0; st == LH_OK && i < plan.len; i++)
		refs[i] = plan.items[i].ref;
	if (st == LH_OK)
		st = lh_remote_load(lake, refs, plan.len);
	for (size_t i = 0; st == LH_OK && i < ctx->refs.len; i++) {
		if (ctx->refs.items[i].pinned || !plan.items[which[i]].view)
			continue;
		point_at_view(ctx->refs.items[i].node, plan.items[which[i]].view);
		ctx->changed = true;
	}
	if (st == LH_OK && (ctx->virt || ctx->hidden))
		st = hide_virtual(ctx);
	for (size_t i = 0; i < plan.len; i++) {
		free(plan.items[i].keep);
		free(plan.items[i].view);
	}
	free(refs);
	free(which);
	LH_VEC_FREE(&plan);
	return st;
}

/* First words of statements that never read table data (DESCRIBE and SHOW read only
 * the views' columns, which a remote table's stub has). */
static bool reads_no_data(const lh_toks *toks)
{
	static const char *const words[] = {"DESCRIBE", "SHOW", "SET", "RESET", "DROP", "DETACH",
	                                    "ATTACH", "LOAD", "INSTALL", "USE", "CALL", "PRAGMA"};
	lh_cursor c = {.t = toks};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (lh_cur_is(&c, 0, words[i]))
			return true;
	return false;
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

lh_status lh_lake_check_query(lh_lake *lake, const char *sql)
{
	/* json_serialize_sql parses the whole text and serialises only SELECT statements
	 * (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE, SHOW): anything else, or more
	 * than one statement, is not a query */
	json_t *tree = NULL;
	lh_status st = parse_tree(lake, sql, &tree);
	if (st != LH_OK)
		return st;
	const char *msg = jstr(tree, "error_message");
	size_t n = json_array_size(json_object_get(tree, "statements"));
	if (json_is_true(json_object_get(tree, "error")))
		st = strstr(msg, "Only SELECT")
		         ? lh_lake_fail(lake, LH_ERR_READ_ONLY,
		                        "only queries run here (one SELECT, WITH, FROM, VALUES, DESCRIBE, "
		                        "SUMMARIZE or SHOW statement): no statement may change anything")
		         : lh_lake_fail(lake, LH_ERR_SYNTAX, "Parser Error: %s", msg);
	else if (n != 1)
		st = lh_lake_fail(lake, LH_ERR_INVALID, "one query at a time: the text holds %zu "
		                  "statements", n);
	json_decref(tree);
	return st;
}

/* What a query reads: its base tables and table functions (see lh_lake_query_refs). */
typedef struct refs_ctx {
	lh_lake *lake;
	lh_str_vec ctes, *tables, *functions;
} refs_ctx;

static lh_status push_copy(lh_lake *lake, lh_str_vec *v, const char *text)
{
	char *c = lh_strdup(text);
	if (!c || LH_VEC_PUSH(v, c) != LH_OK) {
		free(c);
		return nomem(lake);
	}
	return LH_OK;
}

static lh_status refs_walk(refs_ctx *ctx, json_t *v)
{
	lh_status st = LH_OK;
	if (json_is_object(v)) {
		const char *type = jstr(v, "type");
		if (!strcmp(type, "BASE_TABLE")) {
			const char *catalog = jstr(v, "catalog_name"), *schema = jstr(v, "schema_name");
			const char *name = jstr(v, "table_name");
			bool cte = false;
			for (size_t i = 0; !*catalog && !*schema && i < ctx->ctes.len && !cte; i++)
				cte = lh_strieq(ctx->ctes.items[i], name);
			if (!cte) {
				lh_qname q = {.catalog = *catalog ? (char *)catalog : NULL,
				              .schema = *schema ? (char *)schema : NULL, .name = (char *)name};
				const lh_state *s = lh_lake_state(ctx->lake);
				ptrdiff_t ti = -1;
				lh_resolve_table(ctx->lake, s, &q, &ti);
				lh_err_clear(&ctx->lake->err);
				char *full = NULL;
				if (ti >= 0) {
					const lh_schema *sc = lh_state_schema_by_id(s, s->tables.items[ti]->schema_id);
					full = lh_asprintf("%s.%s", sc ? sc->name : "?", s->tables.items[ti]->name);
				} else {
					full = lh_asprintf("%s%s%s%s%s", catalog, *catalog ? "." : "", schema,
					                   *schema ? "." : "", name);
				}
				st = full ? push_copy(ctx->lake, ctx->tables, full) : nomem(ctx->lake);
				free(full);
			}
		} else if (!strcmp(type, "TABLE_FUNCTION")) {
			st = push_copy(ctx->lake, ctx->functions,
			               jstr(json_object_get(v, "function"), "function_name"));
		}
		json_t *map = json_object_get(json_object_get(v, "cte_map"), "map");
		size_t i;
		json_t *e;
		json_array_foreach(map, i, e)
		if (st == LH_OK)
			st = push_copy(ctx->lake, &ctx->ctes, jstr(e, "key"));
		const char *key;
		json_t *child;
		json_object_foreach(v, key, child)
		if (st == LH_OK)
			st = refs_walk(ctx, child);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *child;
		json_array_foreach(v, i, child)
		if (st == LH_OK)
			st = refs_walk(ctx, child);
	}
	return st;
}

lh_status lh_lake_query_refs(lh_lake *lake, const char *sql, lh_str_vec *tables,
                             lh_str_vec *functions)
{
	json_t *tree = NULL;
	lh_status st = lh_lake_check_query(lake, sql);
	if (st == LH_OK)
		st = parse_tree(lake, sql, &tree);
	if (st != LH_OK)
		return st;
	refs_ctx ctx = {.lake = lake, .tables = tables, .functions = functions};
	/* CTE names first (a reference may come before its WITH in the tree's order) */
	lh_str_vec none = {0};
	refs_ctx pre = {.lake = lake, .tables = &none, .functions = &none};
	st = refs_walk(&pre, tree);
	ctx.ctes = pre.ctes;
	for (size_t i = 0; i < none.len; i++)
		free(none.items[i]);
	LH_VEC_FREE(&none);
	if (st == LH_OK)
		st = refs_walk(&ctx, tree);
	for (size_t i = 0; i < ctx.ctes.len; i++)
		free(ctx.ctes.items[i]);
	LH_VEC_FREE(&ctx.ctes);
	json_decref(tree);
	return st;
}

static lh_status rewrite(lh_lake *lake, const char *sql, const lh_toks *toks, int64_t pin,
                         char **out);

/* rewrite() after AT (TAG => ...) became AT (VERSION => ...) (tags.c). */
static lh_status rewrite_tagged(lh_lake *lake, const char *sql, const lh_toks *toks, int64_t pin,
                                char **out)
{
	*out = NULL;
	char *tagged = NULL;
	lh_status st = has_at_clause(toks) ? lh_tags_resolve(lake, sql, toks, &tagged) : LH_OK;
	if (st != LH_OK || !tagged)
		return st == LH_OK ? rewrite(lake, sql, toks, pin, out) : st;
	lh_toks t = {0};
	st = lh_tokenize(tagged, strlen(tagged), &t) == LH_OK ? rewrite(lake, tagged, &t, pin, out)
	                                                      : nomem(lake);
	lh_toks_free(&t);
	if (st == LH_OK && !*out) {
		*out = tagged;
		tagged = NULL;
	}
	free(tagged);
	return st;
}

lh_status lh_rewrite_query(lh_lake *lake, const char *sql, const lh_toks *toks, char **out)
{
	return rewrite_tagged(lake, sql, toks, 0, out);
}

lh_status lh_rewrite_pinned(lh_lake *lake, const char *sql, int64_t snapshot, char **out)
{
	*out = NULL;
	lh_toks toks = {0};
	if (lh_tokenize(sql, strlen(sql), &toks) != LH_OK)
		return nomem(lake);
	lh_status st = rewrite_tagged(lake, sql, &toks, snapshot, out);
	lh_toks_free(&toks);
	if (st == LH_OK && !*out && !(*out = lh_strdup(sql)))
		st = nomem(lake);
	return st;
}

static lh_status rewrite(lh_lake *lake, const char *sql, const lh_toks *toks, int64_t pin,
                         char **out)
{
	*out = NULL;
	bool has_at = has_at_clause(toks) || pin > 0;
	bool has_fn = lh_toks_has_call(toks, "ducklake_", true) || lh_toks_has_call(toks, "lakehouse_", true);
	/* every statement that names a lake table is planned here: its tables' files are
	 * checked (fetched, on S3) and pruned by statistics before it runs (remote.c) */
	bool remote = true;
	if (!has_at && !has_fn && reads_no_data(toks))
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
	if (!tree && !jerr.text[0])
		return nomem(lake);
	if (!tree)
		return lh_lake_fail(lake, LH_ERR_INTERNAL, "cannot read DuckDB's parse tree: %s", jerr.text);
	if (json_is_true(json_object_get(tree, "error"))) {
		const char *msg = jstr(tree, "error_message");
		bool not_select = strstr(msg, "Only SELECT") != NULL;
		if ((has_at || has_fn) && !not_select) {
			/* the message lives in the tree: report it before the tree goes */
			st = lh_lake_fail(lake, LH_ERR_SYNTAX, "Parser Error: %s", msg);
			json_decref(tree);
			return st;
		}
		json_decref(tree);
		if (has_at && not_select)
			return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                    "AT (VERSION => ...) and AT (TIMESTAMP => ...) work in queries "
			                    "(SELECT, WITH, FROM, DESCRIBE, SUMMARIZE, EXPLAIN) and in the "
			                    "source query of INSERT/CREATE TABLE AS");
		if (!remote)
			return LH_OK;
		/* not a query DuckDB parses into a tree (or a fragment of one): fetch every
		 * table it names, and let DuckDB report any syntax error */
		return reads_no_data(toks) ? LH_OK : lh_remote_load_names(lake, toks);
	}
	rewrite_ctx ctx = {.lake = lake, .remote = remote, .pin = pin};
	st = remote ? prescan(&ctx, tree) : LH_OK;
	if (st == LH_OK)
		st = walk(&ctx, tree);
	if (st == LH_OK && remote)
		st = remote_finish(&ctx);
	char *text = NULL;
	if (st == LH_OK && ctx.changed)
		st = deserialize(lake, tree, &text);
	ctx_free(&ctx);
	json_decref(tree);
	if (st != LH_OK || !text)
		return st;
	if (skip) {
		*out = lh_asprintf("%.*s%s", (int)skip, sql, text);
		free(text);
	} else {
		*out = text;
	}
	return *out ? LH_OK : nomem(lake);
}
