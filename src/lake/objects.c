/*
 * lake/objects.c - views and comments: CREATE [OR REPLACE] VIEW, COMMENT ON TABLE / VIEW /
 * COLUMN (DROP VIEW is ddl.c's DROP).
 *
 * Layer: lake. Stored as DuckLake stores them: a view is a ducklake_view row holding
 * the query as DuckDB prints it once parsed (json_serialize_sql, then
 * json_deserialize_sql: the text DuckDB's extension writes); a comment is a 'comment'
 * tag (ducklake_tag, ducklake_column_tag). Both change the working state in a
 * transaction (txn.c); views.c shows them to DuckDB, rewrite.c expands a view read at a
 * past snapshot.
 */
#include "lake/lake_int.h"

#include <stdlib.h>
#include <string.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

lh_status lh_resolve_view(lh_lake *lake, const lh_state *state, const lh_qname *q,
                          ptrdiff_t *out_index)
{
	*out_index = -1;
	lh_schema *sc;
	lh_status st = lh_resolve_schema(lake, state, q->catalog, q->schema, &sc);
	if (st != LH_OK)
		return st;
	ptrdiff_t vi = lh_state_view_index(state, sc->id, q->name);
	if (vi < 0)
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "view '%s.%s' does not exist", sc->name,
		                    q->name);
	*out_index = vi;
	return LH_OK;
}

bool lh_lake_names_view(lh_lake *lake, const lh_cursor *at)
{
	lh_cursor c = *at;
	lh_qname q;
	if (!lh_lake_attached(lake) || !lh_cur_qname(&c, &q))
		return false;
	ptrdiff_t vi;
	bool found = lh_resolve_view(lake, lh_lake_state(lake), &q, &vi) == LH_OK;
	lh_err_clear(&lake->err);
	lh_qname_free(&q);
	return found;
}

/* --- CREATE VIEW ---------------------------------------------------------------------- */

typedef struct view_args {
	lh_qname name;
	bool or_replace, if_not_exists;
	char *aliases; /* "a,b" or "" */
	char *sql;     /* normalised query */
} view_args;

static lh_status create_view_fn(lh_lake *lake, void *arg, int64_t *count)
{
	view_args *a = arg;
	(void)count;
	lh_state *s = lh_lake_state(lake);
	lh_schema *sc;
	lh_status st = lh_resolve_schema(lake, s, a->name.catalog, a->name.schema, &sc);
	if (st != LH_OK)
		return st;
	if (lh_state_table_index(s, sc->id, a->name.name) >= 0)
		return lh_lake_fail(lake, LH_ERR_EXISTS,
		                    "'%s.%s' already exists as a table; a view needs a name no table has", sc->name,
		                    a->name.name);
	ptrdiff_t old = lh_state_view_index(s, sc->id, a->name.name);
	if (old >= 0 && a->if_not_exists)
		return LH_OK;
	if (old >= 0 && !a->or_replace)
		return lh_lake_fail(lake, LH_ERR_EXISTS,
		                    "view '%s.%s' already exists (CREATE OR REPLACE VIEW replaces it)",
		                    sc->name, a->name.name);
	lh_view_def v = {.id = lh_state_next_local_id(s), .begin_snapshot = -1, .schema_id = sc->id};
	if (lh_uuid_v7(v.uuid) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_IO, "cannot read random bytes");
	v.name = lh_strdup(a->name.name);
	v.dialect = lh_strdup("duckdb");
	v.sql = lh_strdup(a->sql);
	v.column_aliases = lh_strdup(a->aliases);
	if (!v.name || !v.dialect || !v.sql || !v.column_aliases) {
		lh_view_def_clear(&v);
		return nomem(lake);
	}
	if (old >= 0)
		lh_state_remove_view(s, (size_t)old);
	if (LH_VEC_PUSH(&s->views, v) != LH_OK) {
		lh_view_def_clear(&v);
		return nomem(lake);
	}
	return LH_OK;
}

/* The query as DuckDB prints it parsed (what DuckLake stores), checked to bind. */
static lh_status normalise_query(lh_lake *lake, const char *query, char **out)
{
	*out = NULL;
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT json_deserialize_sql(json_serialize_sql(");
	lh_buf_sql_str(&q, query);
	lh_buf_puts(&q, "))");
	lh_err e = {0};
	lh_status st = q.status == LH_OK ? lh_engine_parse_scalar(lake->engine, lh_buf_str(&q), out, &e)
	                                 : nomem(lake);
	lh_buf_free(&q);
	if (st != LH_OK) {
		lh_err_clear(&e);
		/* json_serialize_sql reports a parse error as JSON: let DuckDB say it plainly, by
		 * preparing the body (never running it) */
		lh_query_columns cols = {0};
		st = lh_engine_describe(lake->engine, query, &cols, &lake->err);
		lh_query_columns_free(&cols);
		return st != LH_OK ? st
		                   : lh_lake_fail(lake, LH_ERR_SYNTAX,
		                                  "a view's body must be one query (SELECT, WITH, FROM or "
		                                  "VALUES)");
	}
	lh_err_clear(&e);
	if (!*out || !**out) {
		free(*out);
		*out = NULL;
		return lh_lake_fail(lake, LH_ERR_SYNTAX,
		                    "a view's body must be one query (SELECT, WITH, FROM or VALUES)");
	}
	/* it must bind now, against the lake as this statement sees it (AT clauses and
	 * DuckLake functions answered as in any query) */
	lh_toks toks;
	char *rewritten = NULL;
	/* a view's unqualified names are the lake's, as a DuckDB view's are its catalog's */
	bool was_default = lake->is_default;
	lake->is_default = true;
	if (lh_tokenize(*out, strlen(*out), &toks) != LH_OK)
		st = nomem(lake);
	else {
		st = lh_rewrite_query(lake, *out, &toks, &rewritten);
		lh_toks_free(&toks);
	}
	lake->is_default = was_default;
	lh_query_columns cols = {0};
	if (st == LH_OK)
		st = lh_engine_describe(lake->engine, rewritten ? rewritten : *out, &cols, &lake->err);
	lh_query_columns_free(&cols);
	free(rewritten);
	if (st != LH_OK) {
		free(*out);
		*out = NULL;
	}
	return st;
}

/* CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(col, ...)] AS query; the cursor is after
 * VIEW. */
lh_status lh_ddl_create_view(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	view_args a = {.or_replace = lh_cur_is(&(lh_cursor){c->t, 0}, 1, "OR")};
	if (lh_cur_accept(c, "IF")) {
		if (!lh_cur_accept(c, "NOT") || !lh_cur_accept(c, "EXISTS"))
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected IF NOT EXISTS");
		a.if_not_exists = true;
	}
	if (!lh_cur_qname(c, &a.name))
		return a.name.nomem ? nomem(lake)
		                    : lh_lake_fail(lake, LH_ERR_SYNTAX, "CREATE VIEW: expected a name");
	lh_buf aliases;
	lh_buf_init(&aliases, 0);
	lh_status st = LH_OK;
	if (lh_cur_accept(c, "(")) {
		do {
			char *col = lh_cur_ident(c);
			if (!col) {
				st = lh_lake_fail(lake, LH_ERR_SYNTAX, "CREATE VIEW: expected column names in (...)");
				break;
			}
			lh_buf_printf(&aliases, "%s%s", aliases.len ? "," : "", col);
			free(col);
		} while (lh_cur_accept(c, ","));
		if (st == LH_OK && !lh_cur_accept(c, ")"))
			st = lh_lake_fail(lake, LH_ERR_SYNTAX, "CREATE VIEW: expected ')' after the column names");
	}
	if (st == LH_OK && !lh_cur_accept(c, "AS"))
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "CREATE VIEW: expected AS <query>");
	if (st == LH_OK && aliases.status != LH_OK)
		st = nomem(lake);
	if (st == LH_OK)
		st = normalise_query(lake, s->text + lh_cur_offset(c), &a.sql);
	if (st == LH_OK && !(a.aliases = lh_strdup(lh_buf_str(&aliases))))
		st = nomem(lake);
	int64_t n;
	if (st == LH_OK)
		st = lh_txn_run(lake, create_view_fn, &a, &n);
	lh_buf_free(&aliases);
	lh_qname_free(&a.name);
	free(a.aliases);
	free(a.sql);
	return st;
}

/* --- ALTER VIEW ... RENAME TO ----------------------------------------------------------- */

typedef struct rename_view_args {
	lh_qname name;
	char *to;
	bool if_exists;
} rename_view_args;

/* A committed view is stored renamed as DuckLake stores a replaced one: the old row ends,
 * a new one (same query, aliases and comment) begins; a view of the transaction itself
 * keeps its (local) id. */
static lh_status rename_view_fn(lh_lake *lake, void *arg, int64_t *count)
{
	rename_view_args *a = arg;
	(void)count;
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t vi;
	lh_status st = lh_resolve_view(lake, s, &a->name, &vi);
	if (st == LH_ERR_NOT_FOUND && a->if_exists) {
		lh_err_clear(&lake->err);
		return LH_OK;
	}
	if (st != LH_OK)
		return st;
	const lh_view_def *v = &s->views.items[vi];
	const lh_schema *sc = lh_state_schema_by_id(s, v->schema_id);
	if (lh_state_table_index(s, v->schema_id, a->to) >= 0 ||
	    lh_state_view_index(s, v->schema_id, a->to) >= 0)
		return lh_lake_fail(lake, LH_ERR_EXISTS,
		                    "cannot rename view '%s' to '%s': schema '%s' already has a table or "
		                    "view of that name",
		                    v->name, a->to, sc ? sc->name : "?");
	lh_view_def nv;
	char *to = lh_strdup(a->to);
	if (!to || lh_view_def_copy(&nv, v) != LH_OK) {
		free(to);
		return nomem(lake);
	}
	free(nv.name);
	nv.name = to;
	if (v->id >= 0) {
		nv.id = lh_state_next_local_id(s);
		nv.begin_snapshot = -1;
		if (lh_uuid_v7(nv.uuid) != LH_OK) {
			lh_view_def_clear(&nv);
			return lh_lake_fail(lake, LH_ERR_IO, "cannot read random bytes");
		}
	}
	lh_state_remove_view(s, (size_t)vi);
	if (LH_VEC_PUSH(&s->views, nv) != LH_OK) {
		lh_view_def_clear(&nv);
		return nomem(lake);
	}
	return LH_OK;
}

lh_status lh_ddl_alter_view(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	(void)s;
	rename_view_args a = {0};
	if (lh_cur_accept(c, "IF")) {
		if (!lh_cur_accept(c, "EXISTS"))
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "ALTER VIEW: expected IF EXISTS");
		a.if_exists = true;
	}
	if (!lh_cur_qname(c, &a.name))
		return a.name.nomem ? nomem(lake)
		                    : lh_lake_fail(lake, LH_ERR_SYNTAX, "ALTER VIEW: expected a view name");
	lh_status st = LH_OK;
	if (!lh_cur_accept(c, "RENAME") || !lh_cur_accept(c, "TO") || !(a.to = lh_cur_ident(c)) ||
	    !lh_cur_at_end(c))
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "ALTER VIEW on a lake view: only ALTER VIEW v RENAME TO new_name is "
		                  "supported; to change its query use CREATE OR REPLACE VIEW");
	int64_t n;
	if (st == LH_OK)
		st = lh_txn_run(lake, rename_view_fn, &a, &n);
	lh_qname_free(&a.name);
	free(a.to);
	return st;
}

/* --- COMMENT ON ----------------------------------------------------------------------- */

typedef struct comment_args {
	lh_qname name;  /* the table or view */
	char *column;   /* COMMENT ON COLUMN: its column */
	bool view;      /* COMMENT ON VIEW */
	char *comment;  /* NULL: remove it */
} comment_args;

static lh_status set_text(lh_lake *lake, char **slot, const char *value)
{
	char *copy = value ? lh_strdup(value) : NULL;
	if (value && !copy)
		return nomem(lake);
	free(*slot);
	*slot = copy;
	return LH_OK;
}

static lh_status comment_fn(lh_lake *lake, void *arg, int64_t *count)
{
	comment_args *a = arg;
	(void)count;
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t ti = -1, vi = -1;
	lh_status st = a->view ? LH_ERR_NOT_FOUND : lh_resolve_table(lake, s, &a->name, &ti);
	if (st == LH_ERR_NOT_FOUND) {
		lh_err_clear(&lake->err);
		st = lh_resolve_view(lake, s, &a->name, &vi);
	}
	if (st != LH_OK)
		return st;
	if (vi >= 0) {
		if (a->column)
			return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                    "comments on a view's columns are not stored (DuckLake has none); "
			                    "comment on the view, or on the table's column");
		return set_text(lake, &s->views.items[vi].comment, a->comment);
	}
	lh_table *t = lh_state_table_mut(s, (size_t)ti);
	if (!t)
		return nomem(lake);
	if (!a->column)
		return set_text(lake, &t->comment, a->comment);
	ptrdiff_t ci = lh_table_column_index(t, a->column);
	if (ci < 0)
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s'", t->name,
		                    a->column);
	return set_text(lake, &t->columns.items[ci].comment, a->comment);
}

/* COMMENT ON TABLE|VIEW|COLUMN name IS 'text' | NULL; the cursor is after ON. */
lh_status lh_ddl_comment(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	comment_args a = {0};
	bool column = lh_cur_accept(c, "COLUMN");
	a.view = !column && lh_cur_accept(c, "VIEW");
	if (!column && !a.view && !lh_cur_accept(c, "TABLE"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "COMMENT ON: the lake stores comments on tables, views and columns");
	/* [catalog.][schema.]name[.column]: split off the column first */
	lh_str_vec parts = {0};
	lh_status st = LH_OK;
	do {
		char *p = lh_cur_ident(c);
		if (!p || LH_VEC_PUSH(&parts, p) != LH_OK) {
			st = p ? nomem(lake) : lh_lake_fail(lake, LH_ERR_SYNTAX, "COMMENT ON: expected a name");
			free(p);
		}
	} while (st == LH_OK && lh_cur_accept(c, "."));
	size_t n = parts.len, need = column ? 2 : 1;
	if (st == LH_OK && (n < need || n > need + 2))
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "COMMENT ON %s: expected %s", column ? "COLUMN" : "TABLE",
		                  column ? "[schema.]table.column" : "[schema.]name");
	if (st == LH_OK) {
		size_t k = n;
		if (column)
			a.column = parts.items[--k];
		a.name.name = parts.items[--k];
		a.name.schema = k > 0 ? parts.items[--k] : NULL;
		a.name.catalog = k > 0 ? parts.items[--k] : NULL;
		for (size_t i = 0; i < n; i++)
			parts.items[i] = NULL; /* owned by a now */
	}
	if (st == LH_OK && !lh_cur_accept(c, "IS"))
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "COMMENT ON: expected IS 'comment' (or IS NULL)");
	if (st == LH_OK)
		st = lh_eval_text(lake, s->text + lh_cur_offset(c), &a.comment);
	int64_t count;
	if (st == LH_OK)
		st = lh_txn_run(lake, comment_fn, &a, &count);
	for (size_t i = 0; i < parts.len; i++)
		free(parts.items[i]);
	LH_VEC_FREE(&parts);
	lh_qname_free(&a.name);
	free(a.column);
	free(a.comment);
	return st;
}
