/*
 * lake/ddl.c - CREATE/DROP SCHEMA, CREATE TABLE [AS], DROP TABLE, ALTER TABLE.
 *
 * Layer: lake. DuckDB parses column definitions: the text of a column list is run as
 * CREATE TEMP TABLE __lh_scratch(...) and the result read back (types, NOT NULL,
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
static lh_status eval_default(lh_lake *lake, const char *column, const char *expr,
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
	lh_status st = lh_engine_scalar(lake->engine, sql, out, &lake->err);
	free(sql);
	if (st != LH_OK)
		lh_err_prefix(&lake->err, "column '%s': bad DEFAULT: ", column);
	return st;
}

/* --------------------------------------------------------------------------------
 * Column definitions through a scratch DuckDB table
 * ------------------------------------------------------------------------------ */

typedef LH_VEC(lh_column) column_vec;

static void columns_free(column_vec *v)
{
	for (size_t i = 0; i < v->len; i++)
		lh_column_clear(&v->items[i]);
	LH_VEC_FREE(v);
}

/* Runs CREATE TEMP TABLE __lh_scratch <defs> and turns its columns into DuckLake column
 * rows numbered from *next_id. `defs` is "(a INT, b VARCHAR ...)" text. */
static lh_status columns_from_defs(lh_lake *lake, const char *defs, int64_t *next_id,
                                   column_vec *out)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_printf(&sql, "CREATE OR REPLACE TEMP TABLE __lh_scratch %s", defs);
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
	                      "WHERE database_name = 'temp' AND table_name = '__lh_scratch' AND "
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
		                     "WHERE database_name = 'temp' AND table_name = '__lh_scratch' ORDER BY "
		                     "column_index",
		                     &r, &lake->err);
	if (st != LH_OK)
		return st;
	lh_query_columns qc = {0};
	st = lh_engine_describe(lake->engine, "SELECT * FROM temp.main.__lh_scratch", &qc, &lake->err);
	for (size_t i = 0; st == LH_OK && i < qc.n; i++) {
		bool nullable = duckdb_value_boolean(&r, 1, i);
		size_t first = out->len;
		st = lh_types_add_column(qc.types[i], qc.names[i], nullable, next_id, (void *)out,
		                         &lake->err);
		if (st != LH_OK || duckdb_value_is_null(&r, 2, i))
			continue;
		char *expr = duckdb_value_varchar(&r, 2, i);
		lh_buf type;
		lh_buf_init(&type, 0);
		lh_types_logical_sql(qc.types[i], &type);
		char *val = NULL;
		st = eval_default(lake, qc.names[i], expr ? expr : "NULL", lh_buf_str(&type), &val);
		duckdb_free(expr);
		lh_buf_free(&type);
		out->items[first].default_value = val;
	}
	lh_query_columns_free(&qc);
	duckdb_destroy_result(&r);
	lh_err ignored = {0};
	lh_engine_exec(lake->engine, "DROP TABLE IF EXISTS temp.main.__lh_scratch", &ignored);
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
	if (a->name.schema && !lh_strieq(a->name.schema, "lake"))
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
		lh_qname_free(&a.name);
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
	if (a->name.schema && !lh_strieq(a->name.schema, "lake"))
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "catalog '%s' does not exist", a->name.schema);
	lh_schema *sc = lh_state_schema_by_name(s, a->name.name);
	if (!sc) {
		if (a->if_exists)
			return LH_OK;
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "schema '%s' does not exist", a->name.name);
	}
	if (lh_strieq(sc->name, "main"))
		return lh_lake_fail(lake, LH_ERR_INVALID, "schema 'main' cannot be dropped");
	size_t ntables = 0;
	for (size_t i = 0; i < s->tables.len; i++)
		ntables += s->tables.items[i]->schema_id == sc->id;
	if (ntables && !a->cascade)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "schema '%s' is not empty (%zu tables); drop them first or use DROP "
		                    "SCHEMA %s CASCADE",
		                    sc->name, ntables, sc->name);
	for (size_t i = s->tables.len; i-- > 0;)
		if (s->tables.items[i]->schema_id == sc->id)
			remove_table(s, i);
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
	if (st == LH_ERR_NOT_FOUND && a->if_exists) {
		lh_err_clear(&lake->err);
		return LH_OK;
	}
	if (st != LH_OK)
		return st;
	remove_table(s, (size_t)ti);
	return LH_OK;
}

lh_status lh_ddl_drop(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	(void)s;
	int64_t n;
	bool schema = lh_cur_accept(c, "SCHEMA");
	if (!schema && !lh_cur_accept(c, "TABLE"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "only DROP SCHEMA and DROP TABLE are supported on the lake (views, "
		                    "macros and sequences are not)");
	bool if_exists = false;
	if (lh_cur_accept(c, "IF")) {
		if (!lh_cur_accept(c, "EXISTS"))
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected IF EXISTS");
		if_exists = true;
	}
	lh_qname q;
	if (!lh_cur_qname(c, &q))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "DROP: expected a name");
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
		st = lh_txn_run(lake, drop_table_fn, &a, &n);
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
static lh_status add_table(lh_lake *lake, create_args *a, column_vec *cols, size_t *out_ti)
{
	lh_state *s = lh_lake_state(lake);
	lh_schema *sc;
	lh_status st = lh_resolve_schema(lake, s, a->name.catalog, a->name.schema, &sc);
	if (st != LH_OK)
		return st;
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
	column_vec cols = {0};
	int64_t next_id = 1;
	char *query = NULL;
	if (a->defs) {
		st = columns_from_defs(lake, a->defs, &next_id, &cols);
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
			st = lh_types_add_column(qc.types[i], qc.names[i], true, &next_id, (void *)&cols,
			                         &lake->err);
		lh_query_columns_free(&qc);
	}
	size_t ti = 0;
	if (st == LH_OK && cols.len == 0)
		st = lh_lake_fail(lake, LH_ERR_INVALID, "a table needs at least one column");
	if (st == LH_OK)
		st = add_table(lake, a, &cols, &ti);
	columns_free(&cols);
	if (st == LH_OK && query) {
		char *sel = lh_asprintf("SELECT * FROM (%s) __q", query);
		st = sel ? lh_dml_write_rows(lake, ti, sel, false, count) : nomem(lake);
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
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "CREATE TABLE: expected a table name");
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

/* --------------------------------------------------------------------------------
 * ALTER TABLE
 * ------------------------------------------------------------------------------ */

typedef struct alter_args {
	lh_stmt *s;
	lh_cursor *c;
} alter_args;

/* Removes column ci and every descendant. */
static void remove_column_tree(lh_table *t, size_t ci)
{
	int64_t id = t->columns.items[ci].id;
	for (size_t i = t->columns.len; i-- > 0;) {
		/* descendants: walk up the parents */
		int64_t p = t->columns.items[i].id;
		bool under = false;
		while (p >= 0 && !under) {
			if (p == id) {
				under = true;
				break;
			}
			int64_t parent = -1;
			for (size_t k = 0; k < t->columns.len; k++)
				if (t->columns.items[k].id == p)
					parent = t->columns.items[k].parent;
			p = parent;
		}
		if (!under)
			continue;
		lh_column_clear(&t->columns.items[i]);
		memmove(&t->columns.items[i], &t->columns.items[i + 1],
		        (t->columns.len - i - 1) * sizeof t->columns.items[0]);
		t->columns.len--;
	}
}

static lh_status table_has_rows(lh_lake *lake, const lh_table *t, bool *out)
{
	(void)lake;
	*out = false;
	for (size_t i = 0; i < t->files.len; i++)
		if (t->files.items[i].record_count > (t->files.items[i].del.path ? t->files.items[i].del.delete_count : 0) + t->files.items[i].pending_deletes)
			*out = true;
	return LH_OK;
}

static lh_status alter_add_column(lh_lake *lake, lh_stmt *s, lh_cursor *c, size_t ti,
                                  const char *label)
{
	lh_state *st_ = lh_lake_state(lake);
	lh_cur_accept(c, "COLUMN");
	bool if_not_exists = false;
	if (lh_cur_is(c, 0, "IF") && lh_cur_is(c, 1, "NOT") && lh_cur_is(c, 2, "EXISTS")) {
		c->i += 3;
		if_not_exists = true;
	}
	lh_cursor peek = *c;
	char *name = lh_cur_ident(&peek);
	if (!name)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "ADD COLUMN: expected a column name");
	if (lh_cur_is(&peek, 0, ".")) {
		free(name);
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "adding a field to a STRUCT column is not supported yet; add a new "
		                    "top-level column instead");
	}
	lh_table *t = st_->tables.items[ti];
	if (lh_table_column_index(t, name) >= 0) {
		lh_status r = if_not_exists ? LH_OK
		                            : lh_lake_fail(lake, LH_ERR_EXISTS,
		                                           "table '%s' already has a column '%s'", label, name);
		free(name);
		return r;
	}
	free(name);
	char *defs = lh_asprintf("(%s)", s->text + lh_cur_offset(c));
	column_vec cols = {0};
	int64_t next_id = t->max_column_id + 1;
	lh_status st = defs ? columns_from_defs(lake, defs, &next_id, &cols) : nomem(lake);
	free(defs);
	if (st == LH_OK && cols.len == 0)
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "ADD COLUMN: expected a column definition");
	bool rows = false;
	if (st == LH_OK)
		table_has_rows(lake, t, &rows);
	if (st == LH_OK && !cols.items[0].nulls_allowed && rows && !cols.items[0].default_value)
		st = lh_lake_fail(lake, LH_ERR_CONSTRAINT,
		                  "cannot add NOT NULL column '%s' to '%s': its rows would be NULL; give "
		                  "it a DEFAULT",
		                  cols.items[0].name, label);
	if (st == LH_OK && !(t = lh_state_table_mut(st_, ti)))
		st = nomem(lake);
	int64_t order = 0;
	for (size_t i = 0; t && i < t->columns.len; i++)
		if (t->columns.items[i].order > order)
			order = t->columns.items[i].order;
	for (size_t i = 0; st == LH_OK && i < cols.len; i++) {
		lh_column *col = &cols.items[i];
		/* rows of older files read the default */
		if (col->parent < 0 && col->default_value &&
		    !(col->initial_default = lh_strdup(col->default_value)))
			st = nomem(lake);
		col->order = col->id; /* DuckLake: column_order = column_id */
		(void)order;
		if (st == LH_OK && LH_VEC_PUSH(&t->columns, *col) != LH_OK)
			st = nomem(lake);
		if (st == LH_OK) {
			memset(col, 0, sizeof *col);
			if (t->columns.items[t->columns.len - 1].id > t->max_column_id)
				t->max_column_id = t->columns.items[t->columns.len - 1].id;
		}
	}
	columns_free(&cols);
	return st;
}

static lh_status alter_column(lh_lake *lake, lh_stmt *s, lh_cursor *c, size_t ti,
                              const char *label)
{
	lh_state *state = lh_lake_state(lake);
	lh_cur_accept(c, "COLUMN");
	char *name = lh_cur_ident(c);
	if (!name)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "ALTER COLUMN: expected a column name");
	lh_table *t = state->tables.items[ti];
	ptrdiff_t ci = lh_table_column_index(t, name);
	if (ci < 0) {
		lh_status r = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s'", label, name);
		free(name);
		return r;
	}
	lh_status st = LH_OK;
	if (lh_cur_is(c, 0, "SET") && lh_cur_is(c, 1, "DEFAULT")) {
		c->i += 2;
		lh_buf type;
		lh_buf_init(&type, 0);
		st = lh_types_sql(t->columns.items, t->columns.len, (size_t)ci, &type, &lake->err);
		char *val = NULL;
		if (st == LH_OK)
			st = eval_default(lake, name, s->text + lh_cur_offset(c), lh_buf_str(&type), &val);
		lh_buf_free(&type);
		if (st == LH_OK && (t = lh_state_table_mut(state, ti))) {
			lh_column *col = &t->columns.items[ci];
			free(col->default_value);
			col->default_value = val;
			col->begin_snapshot = -1;
		} else {
			free(val);
		}
	} else if (lh_cur_is(c, 0, "DROP") && lh_cur_is(c, 1, "DEFAULT")) {
		if ((t = lh_state_table_mut(state, ti))) {
			lh_column *col = &t->columns.items[ci];
			free(col->default_value);
			col->default_value = NULL;
			col->begin_snapshot = -1;
		}
	} else if (lh_cur_is(c, 0, "SET") && lh_cur_is(c, 1, "NOT") && lh_cur_is(c, 2, "NULL")) {
		lh_buf b;
		lh_buf_init(&b, 0);
		lh_buf_puts(&b, "SELECT count(*) FROM (");
		st = lh_scan_sql(state, t, 0, &b, &lake->err);
		lh_buf_puts(&b, ") WHERE ");
		lh_buf_sql_ident(&b, name);
		lh_buf_puts(&b, " IS NULL");
		int64_t nulls = 0;
		if (st == LH_OK)
			st = lh_engine_scalar_int(lake->engine, lh_buf_str(&b), &nulls, &lake->err);
		lh_buf_free(&b);
		if (st == LH_OK && nulls > 0)
			st = lh_lake_fail(lake, LH_ERR_CONSTRAINT,
			                  "cannot set NOT NULL on column '%s' of '%s': %lld rows are NULL",
			                  name, label, (long long)nulls);
		if (st == LH_OK && (t = lh_state_table_mut(state, ti))) {
			t->columns.items[ci].nulls_allowed = false;
			t->columns.items[ci].begin_snapshot = -1;
		}
	} else if (lh_cur_is(c, 0, "DROP") && lh_cur_is(c, 1, "NOT") && lh_cur_is(c, 2, "NULL")) {
		if ((t = lh_state_table_mut(state, ti))) {
			t->columns.items[ci].nulls_allowed = true;
			t->columns.items[ci].begin_snapshot = -1;
		}
	} else {
		if (lh_cur_accept(c, "SET"))
			lh_cur_accept(c, "DATA");
		if (!lh_cur_accept(c, "TYPE")) {
			free(name);
			return lh_lake_fail(lake, LH_ERR_SYNTAX,
			                    "ALTER COLUMN: expected TYPE, SET/DROP DEFAULT or SET/DROP NOT NULL");
		}
		if (lh_cur_has_word(c, "USING")) {
			free(name);
			return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                    "ALTER COLUMN ... USING would rewrite data, which DuckLake never "
			                    "does; only widening type changes are allowed");
		}
		char *probe = lh_asprintf("SELECT CAST(NULL AS %s) AS x", s->text + lh_cur_offset(c));
		lh_query_columns qc = {0};
		st = probe ? lh_engine_describe(lake->engine, probe, &qc, &lake->err) : nomem(lake);
		free(probe);
		column_vec nc = {0};
		int64_t next = 1;
		if (st == LH_OK)
			st = lh_types_add_column(qc.types[0], name, true, &next, (void *)&nc, &lake->err);
		lh_query_columns_free(&qc);
		if (st == LH_OK) {
			const char *from = t->columns.items[ci].type, *to = nc.items[0].type;
			if (nc.len > 1 || !lh_types_promotion_allowed(from, to))
				st = lh_lake_fail(lake, LH_ERR_TYPE,
				                  "cannot change column '%s' of '%s' from %s to %s: only widening "
				                  "type promotions are allowed (e.g. int32 to int64, float32 to "
				                  "float64)",
				                  name, label, from, to);
			else if (strcmp(from, to) != 0 && (t = lh_state_table_mut(state, ti))) {
				lh_column *col = &t->columns.items[ci];
				free(col->type);
				col->type = nc.items[0].type;
				nc.items[0].type = NULL;
				col->begin_snapshot = -1;
			}
		}
		columns_free(&nc);
	}
	if (st == LH_OK && !t)
		st = nomem(lake);
	free(name);
	return st;
}

static lh_status alter_fn(lh_lake *lake, void *arg, int64_t *count)
{
	alter_args *a = arg;
	lh_cursor *c = a->c;
	(void)count;
	bool if_exists = false;
	if (lh_cur_is(c, 0, "IF") && lh_cur_is(c, 1, "EXISTS")) {
		c->i += 2;
		if_exists = true;
	}
	lh_qname q;
	if (!lh_cur_qname(c, &q))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "ALTER TABLE: expected a table name");
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t ti;
	lh_status st = lh_resolve_table(lake, s, &q, &ti);
	lh_qname_free(&q);
	if (st == LH_ERR_NOT_FOUND && if_exists) {
		lh_err_clear(&lake->err);
		return LH_OK;
	}
	if (st != LH_OK)
		return st;
	lh_table *t = s->tables.items[ti];
	char *label = label_of(s, t->schema_id, t->name);
	if (!label)
		return nomem(lake);
	if (lh_cur_accept(c, "RENAME")) {
		if (lh_cur_accept(c, "TO")) {
			lh_qname nn;
			if (!lh_cur_qname(c, &nn)) {
				st = lh_lake_fail(lake, LH_ERR_SYNTAX, "RENAME TO: expected a name");
			} else if (nn.schema) {
				st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
				                  "a table cannot move to another schema; give only the new name");
			} else if (lh_state_table_index(s, t->schema_id, nn.name) >= 0 &&
			           !lh_strieq(nn.name, t->name)) {
				st = lh_lake_fail(lake, LH_ERR_EXISTS, "cannot rename '%s': a table '%s' exists",
				                  label, nn.name);
			} else if ((t = lh_state_table_mut(s, (size_t)ti))) {
				free(t->name);
				t->name = nn.name;
				nn.name = NULL;
			} else {
				st = nomem(lake);
			}
			lh_qname_free(&nn);
		} else {
			lh_cur_accept(c, "COLUMN");
			char *from = lh_cur_ident(c);
			char *to = lh_cur_accept(c, "TO") ? lh_cur_ident(c) : NULL;
			ptrdiff_t ci = from ? lh_table_column_index(t, from) : -1;
			if (!from || !to)
				st = lh_lake_fail(lake, LH_ERR_SYNTAX, "expected RENAME [COLUMN] a TO b");
			else if (ci < 0)
				st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s'", label, from);
			else if (lh_table_column_index(t, to) >= 0 && !lh_strieq(from, to))
				st = lh_lake_fail(lake, LH_ERR_EXISTS, "table '%s' already has a column '%s'", label, to);
			else if ((t = lh_state_table_mut(s, (size_t)ti))) {
				free(t->columns.items[ci].name);
				t->columns.items[ci].name = to;
				t->columns.items[ci].begin_snapshot = -1;
				to = NULL;
			} else
				st = nomem(lake);
			free(from);
			free(to);
		}
	} else if (lh_cur_accept(c, "ADD")) {
		st = alter_add_column(lake, a->s, c, (size_t)ti, label);
	} else if (lh_cur_accept(c, "DROP")) {
		lh_cur_accept(c, "COLUMN");
		bool col_if_exists = false;
		if (lh_cur_is(c, 0, "IF") && lh_cur_is(c, 1, "EXISTS")) {
			c->i += 2;
			col_if_exists = true;
		}
		char *name = lh_cur_ident(c);
		ptrdiff_t ci = name ? lh_table_column_index(t, name) : -1;
		size_t ntop = 0;
		for (size_t i = 0; i < t->columns.len; i++)
			ntop += t->columns.items[i].parent < 0;
		if (!name)
			st = lh_lake_fail(lake, LH_ERR_SYNTAX, "DROP COLUMN: expected a column name");
		else if (ci < 0 && !col_if_exists)
			st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s'", label, name);
		else if (ci >= 0 && ntop == 1)
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "cannot drop '%s', the only column of '%s'; drop the table instead",
			                  name, label);
		else if (ci >= 0 && (t = lh_state_table_mut(s, (size_t)ti)))
			remove_column_tree(t, (size_t)ci);
		else if (ci >= 0)
			st = nomem(lake);
		free(name);
	} else if (lh_cur_accept(c, "ALTER")) {
		st = alter_column(lake, a->s, c, (size_t)ti, label);
	} else {
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "ALTER TABLE supports RENAME TO, ADD/DROP/RENAME COLUMN and ALTER "
		                  "COLUMN (TYPE, SET/DROP DEFAULT, SET/DROP NOT NULL)");
	}
	free(label);
	return st;
}

lh_status lh_ddl_alter_table(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	if (!lh_cur_accept(c, "TABLE"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED, "only ALTER TABLE is supported on the lake");
	alter_args a = {s, c};
	int64_t n;
	return lh_txn_run(lake, alter_fn, &a, &n);
}
