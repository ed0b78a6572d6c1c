/*
 * lake/views.c - keeping DuckDB's `lake` catalog in step with a lake state, time-travel
 * views, and resolving table names.
 *
 * Layer: lake. Each lake table is a DuckDB view lake.<schema>.<table> over the SQL of
 * engine/scan.c. A view holds a reference to the lh_table it was made from; since tables
 * are copy-on-write (catalog/model.h), an unchanged pointer means an unchanged view, so
 * installing a state only redefines the views of tables that changed.
 */
#include "lake/lake_int.h"
#include "engine/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAST_STATES_MAX 16

static void view_free(lh_view *v)
{
	free(v->schema);
	free(v->name);
	lh_table_unref(&v->table);
}

void lh_views_clear(lh_lake *lake)
{
	for (size_t i = 0; i < lake->views.len; i++)
		view_free(&lake->views.items[i]);
	LH_VEC_FREE(&lake->views);
	for (size_t i = 0; i < lake->view_schemas.len; i++)
		free(lake->view_schemas.items[i]);
	LH_VEC_FREE(&lake->view_schemas);
	for (size_t i = 0; i < lake->tt_views.len; i++)
		free(lake->tt_views.items[i].name);
	LH_VEC_FREE(&lake->tt_views);
	for (size_t i = 0; i < lake->sql_views.len; i++)
		free(lake->sql_views.items[i]);
	LH_VEC_FREE(&lake->sql_views);
}

static lh_status exec_buf(lh_lake *lake, lh_buf *b)
{
	if (b->status != LH_OK)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory building SQL");
	return lh_engine_exec(lake->engine, lh_buf_str(b), &lake->err);
}

/* <lake>.<schema>.<name>, quoted */
static void put_name(lh_buf *b, const lh_lake *lake, const char *schema, const char *name)
{
	lh_buf_sql_ident(b, lake->name);
	lh_buf_putc(b, '.');
	lh_buf_sql_ident(b, schema);
	lh_buf_putc(b, '.');
	lh_buf_sql_ident(b, name);
}

static lh_status ensure_schema(lh_lake *lake, const char *name)
{
	for (size_t i = 0; i < lake->view_schemas.len; i++)
		if (strcmp(lake->view_schemas.items[i], name) == 0)
			return LH_OK;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE SCHEMA IF NOT EXISTS ");
	lh_buf_sql_ident(&b, lake->name);
	lh_buf_putc(&b, '.');
	lh_buf_sql_ident(&b, name);
	lh_status st = exec_buf(lake, &b);
	lh_buf_free(&b);
	char *copy = st == LH_OK ? lh_strdup(name) : NULL;
	if (st == LH_OK && (!copy || LH_VEC_PUSH(&lake->view_schemas, copy) != LH_OK)) {
		free(copy);
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	return st;
}

lh_status lh_lake_unreadable(lh_lake *lake, const lh_state *s, const lh_table *t)
{
	const lh_schema *sc = lh_state_schema_by_id(s, t->schema_id);
	const char *schema = sc ? sc->name : "?";
	lh_status code = lake->err.code != LH_OK ? lake->err.code : LH_ERR_IO;
	/* DuckDB appends the statement it ran, with a caret: that SQL is ours, not the user's */
	const char *cause = lh_err_msg(&lake->err);
	const char *line = strstr(cause, "\nLINE ");
	int len = (int)(line ? (size_t)(line - cause) : strlen(cause));
	while (len > 0 && (cause[len - 1] == '\n' || cause[len - 1] == ' '))
		len--;
	char *msg = lh_asprintf("cannot read table '%s.%s': %.*s; restore the file, or roll the "
	                        "table back to a snapshot before it (lakehouse rollback %s.%s "
	                        "VERSION), or drop it (DROP TABLE %s.%s)",
	                        schema, t->name, len, cause, schema, t->name, schema, t->name);
	if (!msg)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_err_set(&lake->err, code, "%s", msg);
	free(msg);
	return code;
}

/* A view with the table's columns that fails when read. Every table's view is one until
 * a statement that names the table loads it (remote.c explains why); a read the lake did
 * not foresee (through a TEMP view or a macro, say) is then an error, never an empty
 * table. */
static lh_status append_stub(lh_lake *lake, const char *schema, const lh_table *t, lh_buf *b)
{
	char *msg = lh_asprintf("table %s.%s is read through a view or macro the lake cannot see "
	                        "into, so its files were not checked or fetched: name the table in "
	                        "the statement itself",
	                        schema, t->name);
	if (!msg)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	/* every column is the error itself, not a constant NULL, and so is the filter: the
	 * optimiser can fold neither away, so no filter or join over the stub reads as an
	 * empty table */
	lh_buf_puts(b, "SELECT ");
	bool first = true;
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < t->columns.len; i++) {
		if (t->columns.items[i].parent >= 0)
			continue;
		lh_buf_puts(b, first ? "CAST(error(" : ", CAST(error(");
		first = false;
		lh_buf_sql_str(b, msg);
		lh_buf_puts(b, ") AS ");
		st = lh_types_sql(t->columns.items, t->columns.len, i, b, &lake->err);
		lh_buf_puts(b, ") AS ");
		lh_buf_sql_ident(b, t->columns.items[i].name);
	}
	lh_buf_puts(b, " FROM range(1) WHERE error(");
	lh_buf_sql_str(b, msg);
	lh_buf_puts(b, ") IS NULL");
	free(msg);
	return st;
}

/* Defines lake.<schema>.<table>: the stub, or (full) the real scan, whose files are
 * checked (fetched, on S3) first. A table that cannot be read makes only the statements
 * that read it fail. */
static lh_status define_view(lh_lake *lake, const lh_state *state, const char *schema,
                             const lh_table *t, bool full)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE OR REPLACE VIEW ");
	lh_buf_sql_ident(&b, lake->name);
	lh_buf_putc(&b, '.');
	lh_buf_sql_ident(&b, schema);
	lh_buf_putc(&b, '.');
	lh_buf_sql_ident(&b, t->name);
	lh_buf_puts(&b, " AS ");
	lh_status st = !full ? append_stub(lake, schema, t, &b) : lh_lake_scan(lake, state, t, 0, &b);
	if (st == LH_OK) {
		st = exec_buf(lake, &b);
		/* DuckDB could not open a file (its footer, say) */
		if (st != LH_OK && st != LH_ERR_NOMEM && full)
			st = lh_lake_unreadable(lake, state, t);
	}
	lh_buf_free(&b);
	/* the table's comments, for DESCRIBE, duckdb_views() and duckdb_columns() */
	for (size_t i = 0; st == LH_OK && i <= t->columns.len; i++) {
		const lh_column *c = i < t->columns.len ? &t->columns.items[i] : NULL;
		const char *text = c ? c->comment : t->comment;
		if (!text || (c && c->parent >= 0))
			continue;
		lh_buf_init(&b, 0);
		lh_buf_puts(&b, c ? "COMMENT ON COLUMN " : "COMMENT ON VIEW ");
		put_name(&b, lake, schema, t->name);
		if (c) {
			lh_buf_putc(&b, '.');
			lh_buf_sql_ident(&b, c->name);
		}
		lh_buf_puts(&b, " IS ");
		lh_buf_sql_str(&b, text);
		st = exec_buf(lake, &b);
		lh_buf_free(&b);
	}
	return st;
}

static lh_status drop_view(lh_lake *lake, const lh_view *v)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "DROP VIEW IF EXISTS ");
	lh_buf_sql_ident(&b, lake->name);
	lh_buf_putc(&b, '.');
	lh_buf_sql_ident(&b, v->schema);
	lh_buf_putc(&b, '.');
	lh_buf_sql_ident(&b, v->name);
	lh_status st = exec_buf(lake, &b);
	lh_buf_free(&b);
	return st;
}

/* What an installed lake view was made from: schema, name, SQL, aliases, comment. */
static char *view_signature(const lh_state *state, const lh_view_def *v)
{
	const lh_schema *sc = lh_state_schema_by_id(state, v->schema_id);
	return lh_asprintf("%s\x1f%s\x1f%s\x1f%s\x1f%s", sc ? sc->name : "", v->name, v->sql,
	                   v->column_aliases ? v->column_aliases : "", v->comment ? v->comment : "");
}

static bool views_current(const lh_lake *lake, const lh_state *state)
{
	if (lake->sql_views.len != state->views.len)
		return false;
	for (size_t i = 0; i < state->views.len; i++) {
		char *sig = view_signature(state, &state->views.items[i]);
		bool same = sig && strcmp(sig, lake->sql_views.items[i]) == 0;
		free(sig);
		if (!same)
			return false;
	}
	return true;
}

static void drop_sql_views(lh_lake *lake)
{
	for (size_t i = 0; i < lake->sql_views.len; i++) {
		char *sig = lake->sql_views.items[i];
		char *sep = strchr(sig, '\x1f'), *end = sep ? strchr(sep + 1, '\x1f') : NULL;
		if (end) {
			*sep = *end = '\0';
			lh_buf b;
			lh_buf_init(&b, 0);
			lh_buf_puts(&b, "DROP VIEW IF EXISTS ");
			put_name(&b, lake, sig, sep + 1);
			exec_buf(lake, &b);
			lh_buf_free(&b);
			lh_err_clear(&lake->err);
		}
		free(sig);
	}
	lake->sql_views.len = 0;
}

/* A lake view in DuckDB; one that no longer binds (a table it reads was dropped) reads
 * as an error naming it, never as nothing. */
static lh_status define_sql_view(lh_lake *lake, const lh_state *state, const lh_view_def *v)
{
	const lh_schema *sc = lh_state_schema_by_id(state, v->schema_id);
	if (!sc)
		return LH_OK;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE OR REPLACE VIEW ");
	put_name(&b, lake, sc->name, v->name);
	if (v->column_aliases && *v->column_aliases) {
		lh_buf_putc(&b, '(');
		const char *p = v->column_aliases;
		while (*p) {
			size_t n = strcspn(p, ",");
			char *col = lh_strndup(p, n);
			lh_buf_sql_ident(&b, col ? col : "");
			free(col);
			p += n;
			if (*p == ',') {
				lh_buf_puts(&b, ", ");
				p++;
			}
		}
		lh_buf_putc(&b, ')');
	}
	lh_buf_puts(&b, " AS ");
	size_t head = b.len;
	/* the catalog's text, checked to be exactly one query before DuckDB runs it */
	lh_status st = lh_lake_check_query(lake, v->sql);
	if (st == LH_OK) {
		lh_buf_puts(&b, v->sql);
		st = exec_buf(lake, &b);
	}
	if (st != LH_OK && st != LH_ERR_NOMEM) {
		char *why = lh_asprintf("view %s.%s cannot be read: %s", sc->name, v->name,
		                        lh_err_msg(&lake->err));
		lh_err_clear(&lake->err);
		b.len = head;
		lh_buf_puts(&b, "SELECT error(");
		lh_buf_sql_str(&b, why ? why : "view cannot be read");
		lh_buf_puts(&b, ") AS error");
		free(why);
		st = exec_buf(lake, &b);
	}
	if (st == LH_OK && v->comment) {
		lh_buf_free(&b);
		lh_buf_init(&b, 0);
		lh_buf_puts(&b, "COMMENT ON VIEW ");
		put_name(&b, lake, sc->name, v->name);
		lh_buf_puts(&b, " IS ");
		lh_buf_sql_str(&b, v->comment);
		st = exec_buf(lake, &b);
	}
	lh_buf_free(&b);
	return st;
}

/* Makes DuckDB's lake views those of the state, in the order they were made (a view may
 * read an earlier one). */
static lh_status install_sql_views(lh_lake *lake, const lh_state *state)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < state->views.len; i++) {
		char *sig = view_signature(state, &state->views.items[i]);
		if (!sig || LH_VEC_PUSH(&lake->sql_views, sig) != LH_OK) {
			free(sig);
			return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
		}
		st = define_sql_view(lake, state, &state->views.items[i]);
	}
	return st;
}

lh_status lh_views_install(lh_lake *lake, const lh_state *state)
{
	lh_status st = LH_OK;
	bool views_stale = !views_current(lake, state);
	if (views_stale)
		drop_sql_views(lake);
	for (size_t i = 0; st == LH_OK && i < state->schemas.len; i++)
		st = ensure_schema(lake, state->schemas.items[i].name);
	/* which installed views survive */
	bool *keep = calloc(lake->views.len + 1, sizeof *keep);
	if (!keep)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; st == LH_OK && i < state->tables.len; i++) {
		lh_table *t = state->tables.items[i];
		const lh_schema *sc = lh_state_schema_by_id(state, t->schema_id);
		if (!sc)
			continue;
		ptrdiff_t found = -1;
		for (size_t k = 0; k < lake->views.len && found < 0; k++)
			if (strcmp(lake->views.items[k].schema, sc->name) == 0 &&
			    strcmp(lake->views.items[k].name, t->name) == 0)
				found = (ptrdiff_t)k;
		if (found >= 0 && lake->views.items[found].table == t) {
			keep[found] = true;
			continue;
		}
		st = define_view(lake, state, sc->name, t, false);
		if (st != LH_OK)
			break;
		t->refs++;
		if (found >= 0) {
			lh_table_unref(&lake->views.items[found].table);
			lake->views.items[found].table = t;
			lake->views.items[found].loaded = false;
			keep[found] = true;
			continue;
		}
		lh_view v = {.schema = lh_strdup(sc->name), .name = lh_strdup(t->name), .table = t,
		             .loaded = false};
		if (!v.schema || !v.name || LH_VEC_PUSH(&lake->views, v) != LH_OK) {
			view_free(&v);
			st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
			break;
		}
		bool *grown = realloc(keep, (lake->views.len + 1) * sizeof *keep);
		if (!grown) {
			st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
			break;
		}
		keep = grown;
		keep[lake->views.len - 1] = true;
	}
	/* views of tables the state no longer has */
	size_t w = 0;
	for (size_t k = 0; k < lake->views.len; k++) {
		if (st == LH_OK && !keep[k]) {
			drop_view(lake, &lake->views.items[k]);
			view_free(&lake->views.items[k]);
			continue;
		}
		lake->views.items[w++] = lake->views.items[k];
	}
	lake->views.len = w;
	free(keep);
	if (st != LH_OK)
		return st;
	/* schemas the state no longer has */
	w = 0;
	for (size_t i = 0; i < lake->view_schemas.len; i++) {
		char *name = lake->view_schemas.items[i];
		if (strcmp(name, "main") == 0 || lh_state_schema_by_name(state, name)) {
			lake->view_schemas.items[w++] = name;
			continue;
		}
		lh_buf b;
		lh_buf_init(&b, 0);
		lh_buf_puts(&b, "DROP SCHEMA IF EXISTS ");
		lh_buf_sql_ident(&b, lake->name);
		lh_buf_putc(&b, '.');
		lh_buf_sql_ident(&b, name);
		lh_buf_puts(&b, " CASCADE");
		exec_buf(lake, &b);
		lh_buf_free(&b);
		free(name);
	}
	lake->view_schemas.len = w;
	return views_stale ? install_sql_views(lake, state) : LH_OK;
}

lh_status lh_views_load(lh_lake *lake, const lh_table *t)
{
	for (size_t k = 0; k < lake->views.len; k++) {
		lh_view *v = &lake->views.items[k];
		if (v->table != t)
			continue;
		if (v->loaded)
			return LH_OK;
		lh_status st = define_view(lake, lh_lake_state(lake), v->schema, t, true);
		v->loaded = st == LH_OK;
		return st;
	}
	return lh_lake_fail(lake, LH_ERR_INTERNAL, "table '%s' has no view to load", t->name);
}

void lh_lake_forget_past(lh_lake *lake)
{
	for (size_t i = 0; i < lake->past.len; i++)
		lh_state_free(&lake->past.items[i]);
	lake->past.len = 0;
	/* (their DuckDB views are made again, OR REPLACE, when next asked for) */
	for (size_t i = 0; i < lake->tt_views.len; i++)
		free(lake->tt_views.items[i].name);
	lake->tt_views.len = 0;
}

lh_status lh_lake_past_state(lh_lake *lake, int64_t snapshot, const lh_state **out)
{
	for (size_t i = 0; i < lake->past.len; i++)
		if (lake->past.items[i]->snap.id == snapshot) {
			*out = lake->past.items[i];
			return LH_OK;
		}
	lh_state *s = NULL;
	lh_status st = lh_catalog_load(lake->cat, snapshot, lake->data_path, &s, &lake->err);
	if (st != LH_OK)
		return st;
	if (lake->past.len >= PAST_STATES_MAX) {
		lh_state_free(&lake->past.items[0]);
		memmove(lake->past.items, lake->past.items + 1, (lake->past.len - 1) * sizeof(lh_state *));
		lake->past.len--;
	}
	if (LH_VEC_PUSH(&lake->past, s) != LH_OK) {
		lh_state_free(&s);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	*out = s;
	return LH_OK;
}

lh_status lh_views_time_travel(lh_lake *lake, const lh_state *state, const lh_table *t,
                               char **out_name)
{
	int64_t snap = state->snap.id;
	for (size_t i = 0; i < lake->tt_views.len; i++) {
		const lh_tt_view *v = &lake->tt_views.items[i];
		if (v->table_id == t->id && v->snapshot == snap) {
			/* a remote store's cache may have let the files go meanwhile */
			lh_status st = lh_lake_fetch_table(lake, state, t);
			if (st != LH_OK)
				return st;
			*out_name = lh_strdup(v->name);
			return *out_name ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
		}
	}
	lh_tt_view v = {.table_id = t->id, .snapshot = snap,
	                .name = lh_asprintf("__lh_at_%lld_%lld", (long long)t->id, (long long)snap)};
	if (!v.name)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE OR REPLACE VIEW __lh.main.");
	lh_buf_sql_ident(&b, v.name);
	lh_buf_puts(&b, " AS ");
	lh_status st = lh_lake_scan(lake, state, t, 0, &b);
	if (st == LH_OK && (st = exec_buf(lake, &b)) != LH_OK && st != LH_ERR_NOMEM)
		st = lh_lake_unreadable(lake, state, t);
	lh_buf_free(&b);
	if (st == LH_OK && LH_VEC_PUSH(&lake->tt_views, v) != LH_OK)
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	if (st != LH_OK) {
		free(v.name);
		return st;
	}
	*out_name = lh_strdup(v.name);
	return *out_name ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

/* --- names ------------------------------------------------------------------------------ */

lh_status lh_resolve_schema(lh_lake *lake, const lh_state *state, const char *catalog,
                            const char *schema, lh_schema **out)
{
	*out = NULL;
	/* "lake.items" names lake.main.items unless a schema called "lake" exists */
	if (!catalog && schema && lh_lake_is_name(lake, schema) && !lh_state_schema_by_name(state, schema)) {
		catalog = schema;
		schema = NULL;
	}
	if (catalog && !lh_lake_is_name(lake, catalog))
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                    "catalog '%s' does not exist; lake objects are named table, "
		                    "schema.table or %s.schema.table",
		                    catalog, lake->name);
	const char *name = schema ? schema : "main";
	*out = lh_state_schema_by_name(state, name);
	if (!*out)
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                    "schema '%s' does not exist (not found in the lake); create it with CREATE SCHEMA %s", name,
		                    name);
	return LH_OK;
}

lh_status lh_resolve_table(lh_lake *lake, const lh_state *state, const lh_qname *q,
                           ptrdiff_t *out_index)
{
	*out_index = -1;
	lh_schema *sc;
	lh_status st = lh_resolve_schema(lake, state, q->catalog, q->schema, &sc);
	if (st != LH_OK)
		return st;
	ptrdiff_t ti = lh_state_table_index(state, sc->id, q->name);
	if (ti < 0 && lh_state_view_index(state, sc->id, q->name) >= 0)
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                    "'%s.%s' is a view, not a table (ALTER VIEW, DROP VIEW and COMMENT ON "
		                    "VIEW work on views)",
		                    sc->name, q->name);
	if (ti < 0)
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s.%s' does not exist", sc->name,
		                    q->name);
	*out_index = ti;
	return LH_OK;
}

lh_status lh_parse_qname(const char *text, lh_qname *out)
{
	lh_toks t;
	memset(out, 0, sizeof *out);
	if (lh_tokenize(text, strlen(text), &t) != LH_OK)
		return LH_ERR_NOMEM;
	lh_cursor c = {.t = &t};
	bool ok = lh_cur_qname(&c, out) && lh_cur_at_end(&c);
	lh_toks_free(&t);
	if (!ok) {
		lh_qname_free(out);
		return LH_ERR_SYNTAX;
	}
	return LH_OK;
}
