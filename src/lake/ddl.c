/*
 * lake/ddl.c - CREATE/DROP SCHEMA, CREATE TABLE [AS], DROP TABLE, ALTER TABLE.
 *
 * Layer: lake. ALTER TABLE is in alter.c. DuckDB parses column definitions: the text of a column list is run as
 * CREATE TABLE __lh.main.scratch(...) and the result read back (types, NOT NULL,
 * defaults, constraints), so every type spelling DuckDB knows works and nothing is
 * parsed twice. Only what DuckLake 0.3 can store is accepted: no constraints besides
 * NOT NULL, literal defaults only, widening type changes only. Schema changes never
 * touch data files: old files are read through field ids and initial defaults.
 */
#include "lake/lake_int.h"
#include "engine/scan.h"
#include "engine/types.h"
#include "util/uuid.h"

#include <stdlib.h>
#include <string.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

static char *label_of(const lh_state *s, int64_t schema_id, const char *name)
{
	const lh_schema *sc = lh_state_schema_by_id(s, schema_id);
	return lh_asprintf("%s.%s", sc ? sc->name : "?", name);
}

/* --------------------------------------------------------------------------------
 * Literal defaults
 * ------------------------------------------------------------------------------ */

static bool word_in(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(w, *list, n) == 0)
			return true;
	return false;
}

/* DuckLake 0.3 stores only literal defaults: constants, typed literals, casts of them,
 * lists/structs of them. Anything calling a function (now(), random()) is refused. */
static bool is_literal_expr(const char *expr)
{
	static const char *const ok_words[] = {"TRUE", "FALSE", "NULL", "CAST", "AS", "INTERVAL",
	                                       "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "UUID",
	                                       "BLOB", "JSON", "YEAR", "YEARS", "MONTH", "MONTHS",
	                                       "DAY", "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES",
	                                       "SECOND", "SECONDS", "WITH", "ZONE", NULL};
	lh_toks t;
	if (lh_tokenize(expr, strlen(expr), &t) != LH_OK)
		return false;
	bool ok = t.v.len > 1, type_next = false;
	for (size_t i = 0; ok && i + 1 < t.v.len; i++) {
		const lh_tok *k = &t.v.items[i];
		const char *w = expr + k->start;
		size_t n = k->end - k->start;
		if (k->type == LH_TOK_WORD) {
			bool call = t.v.items[i + 1].type == LH_TOK_OP && expr[t.v.items[i + 1].start] == '(';
			if (type_next) {
				type_next = false; /* a type name after :: or AS */
				continue;
			}
			if (call && !(n == 4 && strncasecmp(w, "CAST", 4) == 0) &&
			    !(n == 7 && strncasecmp(w, "DECIMAL", 7) == 0))
				ok = false;
			else if (!word_in(w, n, ok_words))
				ok = false;
			if (n == 2 && strncasecmp(w, "AS", 2) == 0)
				type_next = true;
		} else if (k->type == LH_TOK_QIDENT || k->type == LH_TOK_PARAM) {
			ok = false;
		} else if (k->type == LH_TOK_OP && n == 2 && strncmp(w, "::", 2) == 0) {
			type_next = true;
		}
	}
	lh_toks_free(&t);
	return ok;
}

/* Evaluates a literal default for a column of SQL type `type` to its text form (NULL
 * for a NULL default). */
lh_status lh_ddl_eval_default(lh_lake *lake, const char *column, const char *expr,
                              const char *type, char **out)
{
	*out = NULL;
	if (!is_literal_expr(expr))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "column '%s': DEFAULT %s is not a literal; DuckLake stores only "
		                    "literal defaults (numbers, strings, typed literals)",
		                    column, expr);
	char *sql = lh_asprintf("SELECT CAST(CAST((%s) AS %s) AS VARCHAR)", expr, type);
	if (!sql)
		return nomem(lake);
	lh_status st = lh_engine_scalar_expr(lake->engine, sql, out, &lake->err);
	free(sql);
	if (st != LH_OK)
		lh_err_prefix(&lake->err, "column '%s': bad DEFAULT: ", column);
	return st;
}

/* --------------------------------------------------------------------------------
 * Column definitions through a scratch DuckDB table
 * ------------------------------------------------------------------------------ */

void lh_columns_free(lh_column_vec *v)
{
	for (size_t i = 0; i < v->len; i++)
		lh_column_clear(&v->items[i]);
	LH_VEC_FREE(v);
}

/* Runs CREATE TABLE __lh.main.scratch <defs> and turns its columns into DuckLake column
 * rows numbered from *next_id. `defs` is "(a INT, b VARCHAR ...)" text. */
/* Whether column definitions "(a INT AS (1), ...)" define a generated column: AS or
 * GENERATED among a definition's own words (an AS inside a DEFAULT's CAST(...) is deeper). */
static bool defines_generated(const char *defs)
{
	lh_toks t;
	if (lh_tokenize(defs, strlen(defs), &t) != LH_OK)
		return false;
	bool found = false;
	int depth = 0;
	for (size_t i = 0; !found && i < t.v.len; i++) {
		const lh_tok *k = &t.v.items[i];
		const char *w = defs + k->start;
		size_t n = k->end - k->start;
		if (k->type == LH_TOK_OP && n == 1)
			depth += *w == '(' ? 1 : *w == ')' ? -1 : 0;
		else if (k->type == LH_TOK_WORD && depth == 1)
			found = (n == 2 && strncasecmp(w, "AS", 2) == 0) ||
			        (n == 9 && strncasecmp(w, "GENERATED", 9) == 0);
	}
	lh_toks_free(&t);
	return found;
}

lh_status lh_ddl_columns_from_defs(lh_lake *lake, const char *defs, int64_t *next_id,
                                   lh_column_vec *out)
{
	/* DuckLake stores no generated columns (the expression would become a default) */
	if (defines_generated(defs))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "generated columns (col type AS (expr)): DuckLake does not support "
		                    "them; compute the value in the INSERT or in a view instead");
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_printf(&sql, "CREATE OR REPLACE TABLE __lh.main.scratch %s", defs);
	lh_status st = sql.status == LH_OK
	                   ? lh_engine_exec(lake->engine, lh_buf_str(&sql), &lake->err)
	                   : nomem(lake);
	lh_buf_free(&sql);
	if (st != LH_OK)
		return st;
	/* constraints DuckLake cannot keep */
	char *bad = NULL;
	st = lh_engine_scalar(lake->engine,
	                      "SELECT string_agg(DISTINCT constraint_type, ', ') FROM duckdb_constraints() "
	                      "WHERE database_name = '__lh' AND table_name = 'scratch' AND "
	                      "constraint_type <> 'NOT NULL'",
	                      &bad, &lake->err);
	if (st == LH_OK && bad) {
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "%s constraints are not supported on lake tables: DuckLake tables have "
		                  "only NOT NULL; check uniqueness in your pipeline instead",
		                  bad);
	}
	free(bad);
	duckdb_result r;
	if (st == LH_OK)
		st = lh_engine_query(lake->engine,
		                     "SELECT column_name, is_nullable, column_default FROM duckdb_columns() "
		                     "WHERE database_name = '__lh' AND table_name = 'scratch' ORDER BY "
		                     "column_index",
		                     &r, &lake->err);
	if (st != LH_OK)
		return st;
	lh_query_columns qc = {0};
	st = lh_engine_describe(lake->engine, "SELECT * FROM __lh.main.scratch", &qc, &lake->err);
	for (size_t i = 0; st == LH_OK && i < qc.n; i++) {
		bool nullable = duckdb_value_boolean(&r, 1, i);
		size_t first = out->len;
		st = lh_types_add_column(qc.types[i], qc.names[i], nullable, next_id, out,
		                         &lake->err);
		if (st != LH_OK || duckdb_value_is_null(&r, 2, i))
			continue;
		char *expr = duckdb_value_varchar(&r, 2, i);
		lh_buf type;
		lh_buf_init(&type, 0);
		lh_types_logical_sql(qc.types[i], &type);
		char *val = NULL;
		st = lh_ddl_eval_default(lake, qc.names[i], expr ? expr : "NULL", lh_buf_str(&type), &val);
		duckdb_free(expr);
		lh_buf_free(&type);
		out->items[first].default_value = val;
	}
	lh_query_columns_free(&qc);
	duckdb_destroy_result(&r);
	lh_err ignored = {0};
	lh_engine_exec(lake->engine, "DROP TABLE IF EXISTS __lh.main.scratch", &ignored);
	lh_err_clear(&ignored);
	return st;
}

/* --------------------------------------------------------------------------------
 * Schemas
 * ------------------------------------------------------------------------------ */

typedef struct schema_args {
	lh_qname name; /* catalog.schema is parsed as schema.name */
	bool if_exists;
	bool cascade;
} schema_args;

static lh_status create_schema_fn(lh_lake *lake, void *arg, int64_t *count)
{
	schema_args *a = arg;
	(void)count;
	lh_state *s = lh_lake_state(lake);
	if (a->name.schema && !lh_lake_is_name(lake, a->name.schema))
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "catalog '%s' does not exist", a->name.schema);
	if (lh_state_schema_by_name(s, a->name.name)) {
		if (a->if_exists)
			return LH_OK;
		return lh_lake_fail(lake, LH_ERR_EXISTS, "schema '%s' already exists", a->name.name);
	}
	lh_schema sc = {.id = lh_state_next_local_id(s), .begin_snapshot = -1};
	if (lh_uuid_v7(sc.uuid) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_IO, "cannot read random bytes");
	sc.name = lh_strdup(a->name.name);
	sc.path = lh_path_for_name(a->name.name, sc.uuid);
	sc.path_is_relative = true;
	if (!sc.name || !sc.path || LH_VEC_PUSH(&s->schemas, sc) != LH_OK) {
		free(sc.name);
		free(sc.path);
		return nomem(lake);
	}
	return LH_OK;
}

lh_status lh_ddl_create_schema(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	(void)s;
	schema_args a = {0};
	if (lh_cur_accept(c, "IF")) {
		if (!lh_cur_accept(c, "NOT") || !lh_cur_accept(c, "EXISTS"))
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected IF NOT EXISTS");
		a.if_exists = true;
	}
	if (!lh_cur_qname(c, &a.name) || a.name.catalog || !lh_cur_at_end(c)) {
		bool lost = a.name.nomem; /* before the free clears it */
		lh_qname_free(&a.name);
		if (lost)
			return nomem(lake);
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected CREATE SCHEMA [IF NOT EXISTS] <name>");
	}
	int64_t n;
	lh_status st = lh_txn_run(lake, create_schema_fn, &a, &n);
	lh_qname_free(&a.name);
	return st;
}

static void remove_table(lh_state *s, size_t ti)
{
	lh_table_unref(&s->tables.items[ti]);
	memmove(&s->tables.items[ti], &s->tables.items[ti + 1],
	        (s->tables.len - ti - 1) * sizeof(lh_table *));
	s->tables.len--;
}

static lh_status drop_schema_fn(lh_lake *lake, void *arg, int64_t *count)
{
	schema_args *a = arg;
	(void)count;
	lh_state *s = lh_lake_state(lake);
	if (a->name.schema && !lh_lake_is_name(lake, a->name.schema))
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "catalog '%s' does not exist", a->name.schema);
	lh_schema *sc = lh_state_schema_by_name(s, a->name.name);
	if (!sc) {
		if (a->if_exists)
			return LH_OK;
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "schema '%s' does not exist", a->name.name);
	}
	if (lh_strieq(sc->name, "main"))
		return lh_lake_fail(lake, LH_ERR_INVALID, "schema 'main' cannot be dropped");
	size_t ntables = 0, nviews = 0;
	for (size_t i = 0; i < s->tables.len; i++)
		ntables += s->tables.items[i]->schema_id == sc->id;
	for (size_t i = 0; i < s->views.len; i++)
		nviews += s->views.items[i].schema_id == sc->id;
	if ((ntables || nviews) && !a->cascade)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "schema '%s' is not empty: there are entries that depend on it (%zu "
		                    "tables, %zu views); drop them first or use DROP SCHEMA %s CASCADE",
		                    sc->name, ntables, nviews, sc->name);
	for (size_t i = s->tables.len; i-- > 0;)
		if (s->tables.items[i]->schema_id == sc->id)
			remove_table(s, i);
	for (size_t i = s->views.len; i-- > 0;)
		if (s->views.items[i].schema_id == sc->id)
			lh_state_remove_view(s, i);
	size_t idx = (size_t)(sc - s->schemas.items);
	free(sc->name);
	free(sc->path);
	memmove(sc, sc + 1, (s->schemas.len - idx - 1) * sizeof *sc);
	s->schemas.len--;
	return LH_OK;
}

typedef struct table_drop_args {
	lh_qname name;
	bool if_exists;
} table_drop_args;

static lh_status drop_table_fn(lh_lake *lake, void *arg, int64_t *count)
{
	table_drop_args *a = arg;
	(void)count;
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t ti;
	lh_status st = lh_resolve_table(lake, s, &a->name, &ti);
	ptrdiff_t vi;
	if (st == LH_ERR_NOT_FOUND && lh_resolve_view(lake, s, &a->name, &vi) == LH_OK)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "Existing object '%s' is of type View, trying to drop type Table "
		                    "(DROP VIEW drops it)",
		                    a->name.name);
	if (st == LH_ERR_NOT_FOUND && a->if_exists) {
		lh_err_clear(&lake->err);
		return LH_OK;
	}
	if (st != LH_OK)
		return st;
	remove_table(s, (size_t)ti);
	return LH_OK;
}

static lh_status drop_view_fn(lh_lake *lake, void *arg, int64_t *count)
{
	table_drop_args *a = arg;
	(void)count;
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t vi;
	lh_status st = lh_resolve_view(lake, s, &a->name, &vi);
	if (st == LH_ERR_NOT_FOUND && a->if_exists) {
		lh_err_clear(&lake->err);
		return LH_OK;
	}
	if (st == LH_OK)
		lh_state_remove_view(s, (size_t)vi);
	return st;
}

lh_status lh_ddl_drop(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	(void)s;
	int64_t n;
	bool schema = lh_cur_accept(c, "SCHEMA");
	bool view = !schema && lh_cur_accept(c, "VIEW");
	if (!schema && !view && !lh_cur_accept(c, "TABLE"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "only DROP SCHEMA, DROP TABLE and DROP VIEW are supported on the lake "
		                    "(macros and sequences are not)");
	bool if_exists = false;
	if (lh_cur_accept(c, "IF")) {
		if (!lh_cur_accept(c, "EXISTS"))
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected IF EXISTS");
		if_exists = true;
	}
	lh_qname q;
	if (!lh_cur_qname(c, &q))
		return q.nomem ? nomem(lake) : lh_lake_fail(lake, LH_ERR_SYNTAX, "DROP: expected a name");
	bool cascade = lh_cur_accept(c, "CASCADE");
	if (!cascade)
		lh_cur_accept(c, "RESTRICT");
	if (!lh_cur_at_end(c)) {
		lh_qname_free(&q);
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "DROP: unexpected text after the name");
	}
	lh_status st;
	if (schema) {
		schema_args a = {.name = q, .if_exists = if_exists, .cascade = cascade};
		st = lh_txn_run(lake, drop_schema_fn, &a, &n);
	} else {
		table_drop_args a = {.name = q, .if_exists = if_exists};
		st = lh_txn_run(lake, view ? drop_view_fn : drop_table_fn, &a, &n);
	}
	lh_qname_free(&q);
	return st;
}

/* --------------------------------------------------------------------------------
 * CREATE TABLE
 * ------------------------------------------------------------------------------ */

typedef struct create_args {
	lh_stmt *s;
	lh_qname name;
	bool or_replace, if_not_exists;
	const char *defs;  /* "(...)" column list text, or NULL */
	const char *query; /* AS query text, or NULL */
} create_args;

/* Adds a new table to the working state; returns its index. */
static lh_status add_table(lh_lake *lake, create_args *a, lh_column_vec *cols, size_t *out_ti)
{
	lh_state *s = lh_lake_state(lake);
	lh_schema *sc;
	lh_status st = lh_resolve_schema(lake, s, a->name.catalog, a->name.schema, &sc);
	if (st != LH_OK)
		return st;
	if (lh_state_view_index(s, sc->id, a->name.name) >= 0)
		return lh_lake_fail(lake, LH_ERR_EXISTS,
		                    "a view named '%s.%s' already exists: existing object of type View, "
		                    "trying to replace with type Table (a table needs a name no view has)",
		                    sc->name, a->name.name);
	ptrdiff_t existing = lh_state_table_index(s, sc->id, a->name.name);
	if (existing >= 0) {
		if (!a->or_replace) {
			char *label = label_of(s, sc->id, a->name.name);
			st = lh_lake_fail(lake, LH_ERR_EXISTS, "table '%s' already exists",
			                  label ? label : a->name.name);
			free(label);
			return st;
		}
		remove_table(s, (size_t)existing);
	}
	lh_table *t = lh_table_new();
	if (!t)
		return nomem(lake);
	t->id = lh_state_next_local_id(s);
	t->begin_snapshot = -1;
	t->schema_id = sc->id;
	if (lh_uuid_v7(t->uuid) != LH_OK) {
		lh_table_unref(&t);
		return lh_lake_fail(lake, LH_ERR_IO, "cannot read random bytes");
	}
	t->name = lh_strdup(a->name.name);
	t->path = lh_path_for_name(a->name.name, t->uuid);
	t->path_is_relative = true;
	t->columns.items = cols->items;
	t->columns.len = cols->len;
	t->columns.cap = cols->cap;
	memset(cols, 0, sizeof *cols);
	for (size_t i = 0; i < t->columns.len; i++)
		if (t->columns.items[i].id > t->max_column_id)
			t->max_column_id = t->columns.items[i].id;
	if (!t->name || !t->path || LH_VEC_PUSH(&s->tables, t) != LH_OK) {
		lh_table_unref(&t);
		return nomem(lake);
	}
	*out_ti = s->tables.len - 1;
	return LH_OK;
}

static lh_status create_table_fn(lh_lake *lake, void *arg, int64_t *count)
{
	create_args *a = arg;
	*count = a->query ? 0 : -1;
	lh_state *s = lh_lake_state(lake);
	lh_schema *sc;
	lh_status st = lh_resolve_schema(lake, s, a->name.catalog, a->name.schema, &sc);
	if (st != LH_OK)
		return st;
	if (a->if_not_exists && lh_state_table_index(s, sc->id, a->name.name) >= 0)
		return LH_OK;
	lh_column_vec cols = {0};
	int64_t next_id = 1;
	char *query = NULL;
	if (a->defs) {
		st = lh_ddl_columns_from_defs(lake, a->defs, &next_id, &cols);
	} else {
		lh_toks toks;
		if (lh_tokenize(a->query, strlen(a->query), &toks) != LH_OK)
			return nomem(lake);
		st = lh_rewrite_query(lake, a->query, &toks, &query);
		lh_toks_free(&toks);
		if (st == LH_OK && !query && !(query = lh_strdup(a->query)))
			st = nomem(lake);
		lh_query_columns qc = {0};
		if (st == LH_OK)
			st = lh_engine_describe(lake->engine, query, &qc, &lake->err);
		for (size_t i = 0; st == LH_OK && i < qc.n; i++)
			st = lh_types_add_column(qc.types[i], qc.names[i], true, &next_id, &cols,
			                         &lake->err);
		lh_query_columns_free(&qc);
	}
	size_t ti = 0;
	if (st == LH_OK && cols.len == 0)
		st = lh_lake_fail(lake, LH_ERR_INVALID, "a table needs at least one column");
	if (st == LH_OK)
		st = add_table(lake, a, &cols, &ti);
	lh_columns_free(&cols);
	if (st == LH_OK && query) {
		char *sel = lh_asprintf("SELECT * FROM (%s) __q", query);
		st = sel ? lh_inline_insert(lake, ti, sel, count) : nomem(lake);
		free(sel);
	}
	free(query);
	if (st != LH_OK && !lh_str_starts_with(lh_lake_error(lake), "cannot"))
		lh_err_prefix(&lake->err, "cannot create table '%s': ", a->name.name);
	return st;
}

lh_status lh_ddl_create_table(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count)
{
	create_args a = {.s = s};
	/* the router consumed CREATE [OR REPLACE] and left the cursor on TABLE */
	a.or_replace = c->i >= 2 && lh_cur_is(&(lh_cursor){.t = c->t, .i = c->i - 1}, 0, "REPLACE");
	lh_cur_accept(c, "TABLE");
	if (lh_cur_accept(c, "IF")) {
		if (!lh_cur_accept(c, "NOT") || !lh_cur_accept(c, "EXISTS"))
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected IF NOT EXISTS");
		a.if_not_exists = true;
	}
	if (!lh_cur_qname(c, &a.name))
		return a.name.nomem ? nomem(lake)
		                    : lh_lake_fail(lake, LH_ERR_SYNTAX, "CREATE TABLE: expected a table name");
	if (lh_cur_is(c, 0, "(")) {
		a.defs = s->text + lh_cur_offset(c);
	} else if (lh_cur_accept(c, "AS")) {
		a.query = s->text + lh_cur_offset(c);
	} else {
		lh_qname_free(&a.name);
		return lh_lake_fail(lake, LH_ERR_SYNTAX,
		                    "CREATE TABLE: expected a column list (...) or AS <query>");
	}
	lh_status st = lh_txn_run(lake, create_table_fn, &a, out_count);
	lh_qname_free(&a.name);
	return st;
}

