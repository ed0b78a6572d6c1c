/*
 * lake/exec.c - the SQL front: splits scripts, routes each statement.
 *
 * Layer: lake. A statement is routed by its head words through `kinds`, a table of
 * statement kinds (head words -> handler, flags), like Redis's command table: adding a
 * statement kind is one row and one handler, and `lakehouse help sql` lists the table.
 * Statements no row claims (SELECT, WITH, FROM, EXPLAIN, DESCRIBE, SUMMARIZE, SHOW,
 * PRAGMA, COPY ... TO, statements on TEMP objects) go to DuckDB, after the lake's views
 * are brought up to date and AT clauses / DuckLake table functions are rewritten. A DML
 * or DDL statement whose target is not a lake table (a TEMP table, say) goes to DuckDB
 * as well (rows flagged K_TARGET).
 *
 * What a statement knows while it runs (whether the state was refreshed, how many
 * per-statement views it made, the result to hand out after a commit) lives in its
 * lh_stmt, not on the handle.
 */
#include "lake/lake_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void lh_stmt_enter(lh_lake *lake, lh_stmt *s)
{
	s->fresh = false; /* each statement starts from the latest snapshot */
	s->views_made = 0;
	s->commit_before = lake->last_commit;
	s->outer = lake->stmt;
	lake->stmt = s;
}

void lh_stmt_leave(lh_lake *lake, lh_stmt *s)
{
	lake->stmt = s->outer;
}

void lh_stmt_set_fresh(lh_lake *lake, bool fresh)
{
	if (lake->stmt)
		lake->stmt->fresh = fresh;
}

bool lh_stmt_is_fresh(const lh_lake *lake)
{
	return lake->stmt && lake->stmt->fresh;
}

char *lh_stmt_view_name(lh_lake *lake)
{
	/* outside a statement (never by design) a name of its own still avoids a clash */
	static const char fallback[] = "__lh_q_loose";
	return lake->stmt ? lh_asprintf("__lh_q_%d", lake->stmt->views_made++) : lh_strdup(fallback);
}

/* Makes DuckDB show the working state: the transaction's, or the latest committed. */
static lh_status prepare_views(lh_lake *lake)
{
	if (!lh_lake_attached(lake))
		return LH_OK;
	lh_status st = lh_stmt_is_fresh(lake) ? LH_OK : lh_lake_refresh(lake);
	if (st == LH_OK)
		st = lh_views_install(lake, lh_lake_state(lake));
	return st;
}

lh_status lh_exec_duckdb(lh_lake *lake, lh_stmt *s, lh_result **out)
{
	lh_status st = prepare_views(lake);
	char *rewritten = NULL;
	if (st == LH_OK && lh_lake_attached(lake))
		st = lh_rewrite_query(lake, s->text, &s->toks, &rewritten);
	if (st == LH_OK)
		st = lh_result_from_query(lake, rewritten ? rewritten : s->text, out);
	free(rewritten);
	return st;
}

#define run_query lh_exec_duckdb

/* True when the qualified name at the cursor (left in place) names a lake table of the
 * working state, or is explicitly qualified with the lake catalog. */
static bool targets_lake(lh_lake *lake, const lh_cursor *at)
{
	lh_cursor c = *at;
	lh_qname q;
	if (!lh_cur_qname(&c, &q))
		return true; /* let the lake handler report the syntax error */
	bool lake_target;
	if (q.catalog)
		lake_target = lh_lake_is_name(lake, q.catalog);
	else if (q.schema && (lh_strieq(q.schema, "temp") ||
	                      (lake->meta_name && lh_strieq(q.schema, lake->meta_name))))
		lake_target = false; /* a temp object, or the catalog database (metadb.c) */
	else if (!lake->is_default) /* attached without USE: lake.t is ours, t is DuckDB's */
		lake_target = q.schema && lh_lake_is_name(lake, q.schema);
	else {
		lh_state *s = lh_lake_state(lake);
		ptrdiff_t ti;
		/* a schema-qualified name can only mean the lake (temp objects are temp.x or
		 * unqualified), so we report a missing schema or table ourselves */
		lake_target = q.schema || lh_resolve_table(lake, s, &q, &ti) == LH_OK;
		lh_err_clear(&lake->err);
	}
	lh_qname_free(&q);
	return lake_target;
}

/* After a statement's commit nothing may report failure (txn.c's rule): when making
 * its result fails once the statement committed a snapshot, it gets the empty result
 * exec_one made before it ran. */
static lh_status durable_result(lh_lake *lake, lh_status st, lh_result **out)
{
	lh_stmt *s = lake->stmt;
	if (st == LH_OK || lake->last_commit == s->commit_before || !s->spare)
		return st;
	lh_result_destroy(out);
	*out = s->spare;
	s->spare = NULL;
	lh_err_clear(&lake->err);
	return LH_OK;
}

/* --- handlers ------------------------------------------------------------------------
 * Each gets the cursor after the row's head words. A handler that makes no result of
 * its own leaves *out NULL and sets *count (>= 0: a "Count" result, as DuckDB returns
 * for DML; -1: an empty result). */
typedef lh_status (*stmt_fn)(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                             lh_result **out);

static lh_status h_begin(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)s, (void)c, (void)count, (void)out;
	lh_status st = lh_txn_begin(lake);
	if (st == LH_OK)
		lake->txn_open = true;
	return st;
}

static lh_status h_commit(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)s, (void)c, (void)count, (void)out;
	if (!lake->txn_open)
		return lh_lake_fail(lake, LH_ERR_TXN, "cannot commit: no transaction is open (BEGIN "
		                                      "starts one)");
	int64_t snap;
	return lh_txn_commit(lake, &snap);
}

static lh_status h_rollback(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                            lh_result **out)
{
	(void)s, (void)c, (void)count, (void)out;
	if (!lake->txn_open)
		return lh_lake_fail(lake, LH_ERR_TXN, "cannot roll back: no transaction is open");
	lh_txn_rollback(lake);
	return LH_OK;
}

static lh_status h_create_schema(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                                 lh_result **out)
{
	(void)count, (void)out;
	return lh_ddl_create_schema(lake, s, c);
}

static lh_status h_create_table(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                                lh_result **out)
{
	(void)out;
	c->i--; /* ddl.c reads from TABLE */
	return lh_ddl_create_table(lake, s, c, count); /* count stays -1 unless AS a query */
}

static lh_status h_drop(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)count, (void)out;
	c->i--; /* ddl.c reads from SCHEMA / TABLE */
	return lh_ddl_drop(lake, s, c);
}

static lh_status h_alter_table(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                               lh_result **out)
{
	(void)count, (void)out;
	c->i--;
	return lh_ddl_alter_table(lake, s, c);
}

static lh_status h_insert(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)out;
	return lh_dml_insert(lake, s, c, count);
}

/* DELETE and UPDATE hand their WHERE/SET/FROM text to DuckDB inside a DuckDB
 * transaction, which may then write only __lh: the lake views of the tables the
 * statement names are loaded before it. */
static lh_status h_delete(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)out;
	lh_status st = lh_remote_load_names(lake, &s->toks);
	c->i--; /* dml.c reads from FROM */
	return st == LH_OK ? lh_dml_delete(lake, s, c, count) : st;
}

static lh_status h_update(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)out;
	lh_status st = lh_remote_load_names(lake, &s->toks);
	return st == LH_OK ? lh_dml_update(lake, s, c, count) : st;
}

static lh_status h_truncate(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                            lh_result **out)
{
	(void)out;
	return lh_dml_truncate(lake, s, c, count);
}

/* SET VARIABLE name = expr: the expression is a query of ours (it may read lake tables,
 * AT clauses, DuckLake functions), evaluated first; DuckDB keeps the value. */
static lh_status set_variable(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	char *name = lh_cur_ident(c);
	if (!name || !(lh_cur_accept(c, "=") || lh_cur_accept(c, "TO"))) {
		free(name);
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected SET VARIABLE <name> = <expression>");
	}
	char *select = lh_asprintf("SELECT (%s) AS v", s->text + lh_cur_offset(c));
	lh_toks toks = {0};
	char *rewritten = NULL;
	lh_status st = select && lh_tokenize(select, strlen(select), &toks) == LH_OK
	                   ? lh_rewrite_query(lake, select, &toks, &rewritten)
	                   : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_toks_free(&toks);
	/* the expression's own errors, before any SQL of ours wraps it */
	lh_query_columns cols = {0};
	if (st == LH_OK)
		st = lh_engine_describe(lake->engine, rewritten ? rewritten : select, &cols, &lake->err);
	lh_query_columns_free(&cols);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b, "CREATE OR REPLACE TEMP TABLE __lh_setvar AS %s; SET VARIABLE ",
	              rewritten ? rewritten : select ? select : "");
	lh_buf_sql_ident(&b, name);
	lh_buf_puts(&b, " = (SELECT v FROM __lh_setvar); DROP TABLE __lh_setvar");
	if (st == LH_OK)
		st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
		                       : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&b);
	free(rewritten);
	free(select);
	free(name);
	return st;
}

/* SET [GLOBAL|SESSION] ducklake_<option> (= | TO) value: the lake's own settings; SET
 * VARIABLE; any other SET is DuckDB's. */
static lh_status h_set(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)count;
	if (lh_lake_attached(lake) && lh_cur_accept(c, "VARIABLE"))
		return set_variable(lake, s, c);
	if (!lh_cur_accept(c, "GLOBAL"))
		lh_cur_accept(c, "SESSION");
	char *name = lh_cur_ident(c);
	if (!name || !lh_str_starts_with(name, "ducklake_") ||
	    !(lh_cur_accept(c, "=") || lh_cur_accept(c, "TO"))) {
		free(name);
		return run_query(lake, s, out);
	}
	char *value = NULL;
	lh_status st = lh_eval_text(lake, s->text + lh_cur_offset(c), &value);
	bool known = false;
	if (st == LH_OK)
		st = lh_lake_setting(lake, name, value, &known);
	free(name);
	free(value);
	return known || st != LH_OK ? st : run_query(lake, s, out);
}

/* Runs SQL a handler made in place of its statement (text is taken; NULL: out of
 * memory). */
static lh_status run_text(lh_lake *lake, char *text, lh_result **out)
{
	lh_stmt s = {.text = text};
	lh_status st = !text || lh_tokenize(text, strlen(text), &s.toks) != LH_OK
	                   ? lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory")
	                   : run_query(lake, &s, out);
	if (text)
		lh_toks_free(&s.toks);
	free(text);
	return st;
}

/* CALL lakehouse_* / ducklake_*: the lake's procedures (history.c); CALL of another of
 * their table functions is FROM f(...), as in DuckDB. */
static lh_status h_call(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)count;
	bool done = false;
	lh_status st = lh_history_call(lake, s, c, &done);
	if (done || st != LH_OK)
		return st;
	const lh_tok *fn = lh_cur_peek(c, 0);
	char *first = lh_cur_is_ident(c) ? lh_cur_ident(&(lh_cursor){c->t, c->i}) : NULL;
	bool scoped = first && lh_lake_is_name(lake, first) && lh_cur_is(c, 1, "."); /* lake.f() */
	/* DuckLake's macros named bare, as after USE: the rewriter gives them the lake */
	static const char *const bare[] = {"merge_adjacent_files", "expire_snapshots",
	                                   "cleanup_old_files", "delete_orphaned_files", "set_option",
	                                   "flush_inlined_data", "rewrite_data_files", NULL};
	for (size_t i = 0; first && !scoped && bare[i]; i++)
		scoped = lh_strieq(first, bare[i]) && lh_cur_is(c, 1, "(");
	free(first);
	if (!scoped && (fn->type != LH_TOK_WORD || (strncasecmp(s->text + fn->start, "ducklake_", 9) != 0 &&
	                                            strncasecmp(s->text + fn->start, "lakehouse_", 10) != 0)))
		return run_query(lake, s, out);
	return run_text(lake, lh_asprintf("FROM %s", s->text + fn->start), out);
}

/* DESCRIBE t of a lake table: DuckDB describes the view the table is read through, where
 * every column may be NULL; the lake's NOT NULL columns say NO, as DuckLake's do. */
static lh_status h_describe(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                            lh_result **out)
{
	(void)count;
	lh_cursor at = *c;
	lh_cur_accept(&at, "TABLE");
	lh_qname q;
	ptrdiff_t ti = -1;
	const lh_state *state = lh_lake_state(lake);
	bool named = lh_cur_qname(&at, &q);
	if (named && lh_resolve_table(lake, state, &q, &ti) != LH_OK)
		ti = -1;
	lh_err_clear(&lake->err);
	if (named)
		lh_qname_free(&q);
	const lh_table *t = ti >= 0 ? state->tables.items[ti] : NULL;
	bool not_null = false;
	for (size_t i = 0; t && i < t->columns.len; i++)
		not_null |= t->columns.items[i].parent < 0 && !t->columns.items[i].nulls_allowed;
	if (!not_null) /* a query, a DuckDB table, or nothing to change */
		return run_query(lake, s, out);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "SELECT column_name, column_type, CASE WHEN column_name IN (");
	bool first = true;
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *col = &t->columns.items[i];
		if (col->parent >= 0 || col->nulls_allowed)
			continue;
		lh_buf_puts(&b, first ? "" : ", ");
		first = false;
		lh_buf_sql_str(&b, col->name);
	}
	lh_buf_printf(&b,
	              ") THEN 'NO' ELSE \"null\" END AS \"null\", \"key\", \"default\", extra "
	              "FROM (%s)",
	              s->text);
	char *text = b.status == LH_OK ? lh_buf_steal(&b) : NULL;
	lh_buf_free(&b);
	return run_text(lake, text, out);
}

static lh_status h_copy(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)count;
	if (!lh_cur_is(c, 0, "(") && lh_cur_has_word(c, "FROM") && targets_lake(lake, c))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "COPY <lake table> FROM is not supported; use INSERT INTO <table> "
		                    "SELECT * FROM read_csv('<file>') (or read_parquet, read_json)");
	return run_query(lake, s, out);
}

/* USE <lake> [.schema]: unqualified names already mean the lake's tables; USE of another
 * database (DuckDB's memory) is DuckDB's. */
static lh_status h_use(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)count;
	lh_cursor at = *c;
	lh_qname q;
	if (!lh_cur_qname(&at, &q))
		return q.nomem ? lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory") : run_query(lake, s, out);
	const char *db = q.schema ? q.schema : q.name;
	bool ours = lh_lake_is_name(lake, db) && lh_cur_at_end(&at);
	bool main = !q.schema || lh_strieq(q.name, "main");
	/* USE <schema of the lake>: a schema of ours, not a database */
	bool schema = !q.schema && !ours && lh_lake_attached(lake) &&
	              lh_state_schema_by_name(lh_lake_state(lake), q.name);
	lh_qname_free(&q);
	if (!ours && !schema) {
		lh_status st = run_query(lake, s, out);
		if (st == LH_OK) /* another database is the default now */
			lake->is_default = false;
		return st;
	}
	if (!main || schema)
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "USE %s.<schema> is not supported: unqualified names mean %s.main; "
		                    "name tables in other schemas as schema.table",
		                    lake->name, lake->name);
	lh_status st = run_query(lake, s, out);
	if (st == LH_OK)
		lake->is_default = true;
	return st;
}

static lh_status h_attach(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)count;
	return lh_stmt_attach(lake, s, c, out);
}

static lh_status h_detach(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)count;
	return lh_stmt_detach(lake, s, c, out);
}

static lh_status h_create_secret(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                                 lh_result **out)
{
	(void)count, (void)out;
	return lh_stmt_create_secret(lake, s, c);
}

static lh_status h_drop_secret(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                               lh_result **out)
{
	(void)count, (void)out;
	return lh_stmt_drop_secret(lake, s, c);
}

static lh_status h_persistent_secret(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                                     lh_result **out)
{
	(void)s, (void)c, (void)count, (void)out;
	return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
	                    "secrets live in the session only, never in a file: CREATE SECRET "
	                    "without PERSISTENT");
}

static lh_status h_merge(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)out;
	lh_status st = lh_remote_load_names(lake, &s->toks);
	return st == LH_OK ? lh_dml_merge(lake, s, c, count) : st;
}

static lh_status h_create_view(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                               lh_result **out)
{
	(void)count, (void)out;
	return lh_ddl_create_view(lake, s, c);
}

/* Whether the view named at the cursor (after IF EXISTS) is a lake view: qualified with
 * the lake or one of its schemas, or a view of the working state; a TEMP view is
 * DuckDB's. */
static bool names_lake_view(lh_lake *lake, const lh_cursor *c)
{
	lh_cursor t = *c;
	if (lh_cur_accept(&t, "IF"))
		lh_cur_accept(&t, "EXISTS");
	lh_cursor name = t;
	lh_qname q;
	bool qualified = false;
	if (lh_cur_qname(&t, &q)) {
		qualified = q.catalog || (q.schema && !lh_strieq(q.schema, "temp"));
		lh_qname_free(&q);
	}
	return qualified || lh_lake_names_view(lake, &name);
}

static lh_status h_drop_view(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                             lh_result **out)
{
	(void)count;
	if (!names_lake_view(lake, c))
		return run_query(lake, s, out);
	c->i--; /* ddl.c reads from VIEW */
	return lh_ddl_drop(lake, s, c);
}

/* ALTER VIEW of a lake view: only RENAME TO, stored */
static lh_status h_alter_view(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                              lh_result **out)
{
	(void)count;
	if (!names_lake_view(lake, c))
		return run_query(lake, s, out);
	return lh_ddl_alter_view(lake, s, c);
}

/* Objects DuckDB would keep only for the session: refused rather than lost. */
static lh_status h_session_object(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count,
                                  lh_result **out)
{
	(void)count, (void)out;
	const lh_tok *what = &c->t->v.items[c->i - 1]; /* the head's last word */
	int n = (int)(what->end - what->start);
	return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
	                    "a lake cannot store a %.*s (DuckLake has none), and one made only for "
	                    "this session would vanish when it ends: write CREATE TEMP %.*s to make a "
	                    "session object",
	                    n, s->text + what->start, n, s->text + what->start);
}

static lh_status h_comment(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *count, lh_result **out)
{
	(void)count, (void)out;
	return lh_ddl_comment(lake, s, c);
}

/* --- the table --------------------------------------------------------------------------- */
enum {
	K_NO_VIEWS = 1 << 0, /* transaction control: runs before the views are brought up to date */
	K_TEMP = 1 << 1,     /* CREATE TEMP|TEMPORARY ... goes to DuckDB */
	K_SESSION = 1 << 3,  /* works in a session with no lake attached */
	K_TARGET = 1 << 2,   /* the name after the head (and IF [NOT] EXISTS, INTO, TABLE) must
	                        be a lake table, else the statement goes to DuckDB */
};

typedef struct stmt_kind {
	const char *head; /* its words, space-separated; after CREATE, OR REPLACE and TEMP are
	                     skipped */
	stmt_fn fn;
	unsigned flags;
	const char *help;
} stmt_kind;

static const stmt_kind kinds[] = {
    {"BEGIN", h_begin, K_NO_VIEWS, "start a transaction (its statements make one snapshot)"},
    {"START TRANSACTION", h_begin, K_NO_VIEWS, "same as BEGIN"},
    {"START", h_begin, K_NO_VIEWS, "same as BEGIN"},
    {"COMMIT", h_commit, K_NO_VIEWS, "commit the transaction as one snapshot"},
    {"END", h_commit, K_NO_VIEWS, "same as COMMIT"},
    {"ROLLBACK", h_rollback, K_NO_VIEWS, "drop the transaction's changes"},
    {"ABORT", h_rollback, K_NO_VIEWS, "same as ROLLBACK"},
    {"CREATE SCHEMA", h_create_schema, 0, "CREATE SCHEMA [IF NOT EXISTS] s"},
    {"CREATE TABLE", h_create_table, K_TEMP,
     "CREATE [OR REPLACE] TABLE t (columns) | AS query (TEMP: a session table)"},
    {"CREATE VIEW", h_create_view, K_TEMP,
     "CREATE [OR REPLACE] VIEW [IF NOT EXISTS] v [(cols)] AS query (stored in the lake)"},
    {"CREATE SEQUENCE", h_session_object, K_TEMP, "TEMP only (DuckLake has no sequences)"},
    {"CREATE MACRO", h_session_object, K_TEMP, "TEMP only (a session object)"},
    {"CREATE FUNCTION", h_session_object, K_TEMP, "TEMP only (a session object)"},
    {"CREATE TYPE", h_session_object, K_TEMP, "TEMP only (a session object)"},
    {"CREATE INDEX", h_session_object, K_TEMP, "not on lake tables"},
    {"DROP SCHEMA", h_drop, 0, "DROP SCHEMA [IF EXISTS] s [CASCADE]"},
    {"DROP TABLE", h_drop, K_TARGET, "DROP TABLE [IF EXISTS] t"},
    {"DROP VIEW", h_drop_view, 0, "DROP VIEW [IF EXISTS] v"},
    {"ALTER VIEW", h_alter_view, 0, "ALTER VIEW [IF EXISTS] v RENAME TO w"},
    {"ALTER TABLE", h_alter_table, K_TARGET,
     "ADD/DROP/RENAME COLUMN, ALTER COLUMN TYPE/SET DEFAULT/NOT NULL, RENAME TO, "
     "SET/RESET PARTITIONED BY"},
    {"INSERT", h_insert, K_TARGET, "INSERT [OR IGNORE|REPLACE] INTO t [(cols)] VALUES|query"},
    {"DELETE FROM", h_delete, K_TARGET, "DELETE FROM t [USING ...] [WHERE ...]"},
    {"UPDATE", h_update, K_TARGET, "UPDATE t SET ... [FROM ...] [WHERE ...]"},
    {"TRUNCATE", h_truncate, K_TARGET, "TRUNCATE [TABLE] t"},
    {"MERGE", h_merge, K_TARGET,
     "MERGE INTO t USING src ON cond WHEN [NOT] MATCHED [BY SOURCE] [AND c] THEN UPDATE SET | "
     "DELETE | INSERT | DO NOTHING | ERROR (one snapshot)"},
    {"COMMENT ON", h_comment, 0, "COMMENT ON TABLE|VIEW|COLUMN x IS 'text' | NULL (stored in the lake)"},
    {"ATTACH", h_attach, K_NO_VIEWS | K_SESSION,
     "ATTACH [OR REPLACE] 'ducklake:<file>|sqlite:<file>|postgres:<conninfo>' AS name (DATA_PATH, READ_ONLY, "
     "SNAPSHOT_VERSION, SNAPSHOT_TIME, METADATA_CATALOG, METADATA_SCHEMA); several per session "
     "(a statement runs on the lake its target names, or USE's); its catalog reads as database "
     "__ducklake_metadata_<name>"},
    {"DETACH", h_detach, K_NO_VIEWS | K_SESSION, "DETACH name"},
    {"CREATE SECRET", h_create_secret, K_NO_VIEWS | K_SESSION,
     "CREATE SECRET [name] (TYPE s3, KEY_ID, SECRET, ENDPOINT, URL_STYLE, USE_SSL, REGION) or "
     "(TYPE ducklake, METADATA_PATH, DATA_PATH): this session only"},
    {"CREATE PERSISTENT SECRET", h_persistent_secret, K_NO_VIEWS | K_SESSION, "refused: never in a file"},
    {"DROP SECRET", h_drop_secret, K_NO_VIEWS | K_SESSION, "DROP SECRET [IF EXISTS] name"},
    {"USE", h_use, 0, "USE <lake name> (unqualified names mean its tables, its statements run there)"},
    {"DESCRIBE", h_describe, K_TARGET, "DESCRIBE t (a lake table's NOT NULL columns say NO), or DuckDB's"},
    {"COPY", h_copy, 0, "COPY (query) | t TO 'file' (COPY t FROM: use INSERT ... SELECT)"},
    {"SET", h_set, 0, "SET ducklake_max_retry_count|retry_wait_ms|retry_backoff, or DuckDB's"},
    {"CALL", h_call, 0, "CALL ducklake_*/lakehouse_* procedures and table functions"},
};

static size_t lh_sql_statement_count(void)
{
	return sizeof kinds / sizeof kinds[0];
}

const char *lh_sql_statement(size_t i, const char **out_help)
{
	if (i >= lh_sql_statement_count())
		return NULL;
	if (out_help)
		*out_help = kinds[i].help;
	return kinds[i].head;
}

/* Accepts the next word if it is `word` (len bytes of a head). */
static bool accept_word(lh_cursor *c, const char *word, size_t len)
{
	char w[16];
	if (len >= sizeof w)
		return false;
	memcpy(w, word, len);
	w[len] = '\0';
	return lh_cur_accept(c, w);
}

/* The row whose head words start the statement; *c ends after them. */
static const stmt_kind *find_kind(lh_cursor *c, bool *temp)
{
	*temp = false;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		const char *w = kinds[i].head;
		lh_cursor at = *c;
		bool t = false, match = true;
		for (bool first = true; match && *w; first = false) {
			size_t len = strcspn(w, " ");
			match = accept_word(&at, w, len);
			if (match && first && strncmp(w, "CREATE", len) == 0 && w[len]) {
				if (lh_cur_accept(&at, "OR") && !lh_cur_accept(&at, "REPLACE"))
					match = false;
				t = lh_cur_accept(&at, "TEMP") || lh_cur_accept(&at, "TEMPORARY");
			}
			w += len + (w[len] == ' ');
		}
		if (match) {
			*c = at;
			*temp = t;
			return &kinds[i];
		}
	}
	return NULL;
}

/* The cursor at the target name of a K_TARGET statement. */
static lh_cursor target_at(const lh_cursor *c)
{
	lh_cursor t = *c;
	if (lh_cur_accept(&t, "OR")) /* INSERT OR IGNORE|REPLACE */
		t.i++;
	lh_cur_accept(&t, "INTO");
	lh_cur_accept(&t, "TABLE");
	if (lh_cur_accept(&t, "IF")) {
		lh_cur_accept(&t, "NOT");
		lh_cur_accept(&t, "EXISTS");
	}
	return t;
}

/* Whether the name after the head is one in the catalog database (metadb.c). */
static bool targets_metadb(lh_lake *lake, const lh_cursor *at)
{
	lh_cursor c = target_at(at);
	lh_qname q;
	if (!lh_cur_qname(&c, &q))
		return false;
	const char *db = q.catalog ? q.catalog : q.schema;
	bool meta = db && lake->meta_name && lh_strieq(db, lake->meta_name);
	lh_qname_free(&q);
	return meta;
}

static lh_status route(lh_lake *lake, lh_stmt *s, lh_result **out)
{
	lh_cursor c = {.t = &s->toks};
	bool temp = false;
	const stmt_kind *k = find_kind(&c, &temp);
	/* every other statement sees the working state, in the catalog and as DuckDB views
	 * (DML and CREATE TABLE AS read other tables through them) */
	lh_status st = k && (k->flags & K_NO_VIEWS) ? LH_OK : prepare_views(lake);
	if (st != LH_OK)
		return st;
	/* the catalog as a database, copied for a statement that names it */
	bool meta = lh_lake_attached(lake) && !(k && (k->flags & K_SESSION)) &&
	            lh_metadb_named(lake, s);
	if (meta && (st = lh_metadb_refresh(lake)) != LH_OK)
		return st;
	if (!k || (temp && (k->flags & K_TEMP)))
		return run_query(lake, s, out);
	/* a session with no lake: everything but ATTACH is DuckDB's */
	if (!lh_lake_attached(lake) && !(k->flags & K_SESSION))
		return run_query(lake, s, out);
	if (k->flags & K_TARGET) {
		lh_cursor t = target_at(&c);
		if (!targets_lake(lake, &t))
			return run_query(lake, s, out);
	}
	/* a lake attached without USE: a statement on an unqualified name is DuckDB's, as in
	 * DuckDB (CREATE TABLE t makes a table of the default database; lake.t is ours) */
	if (!lake->is_default && !(k->flags & (K_TARGET | K_NO_VIEWS | K_SESSION)) &&
	    k->fn != h_use && k->fn != h_set && k->fn != h_call && k->fn != h_copy) {
		lh_cursor t = target_at(&c);
		if (!lh_cur_accept(&t, "VIEW"))
			lh_cur_accept(&t, "COLUMN");
		if (!targets_lake(lake, &t))
			return run_query(lake, s, out);
	}
	/* DuckDB refuses a write into the catalog database (attached read-only) */
	if (meta && targets_metadb(lake, &c))
		return run_query(lake, s, out);
	if (lake->meta_detached && !meta && !(k->flags & K_SESSION))
		return lh_metadb_refresh(lake); /* fails, as DuckLake does without its catalog */
	int64_t count = -1;
	st = k->fn(lake, s, &c, &count, out);
	if (st != LH_OK || *out)
		return st;
	st = count >= 0 ? lh_result_count(lake, count, out) : lh_result_empty(out);
	if (st != LH_OK && !lake->err.msg)
		lh_lake_fail(lake, st, "out of memory");
	return durable_result(lake, st, out);
}

/* The lake a function call of the statement names, the way DuckLake's functions do:
 * ducklake_f('lake', ...), lakehouse_f('lake', ...) or lake.f(...); NULL when none does
 * (caller frees). */
static char *lake_named_by_call(const lh_stmt *s)
{
	const lh_tok *t = s->toks.v.items;
	for (size_t i = 0; i + 3 < s->toks.v.len; i++) {
		lh_cursor at = {.t = &s->toks, .i = i};
		const char *w = s->text + t[i].start;
		size_t n = (size_t)(t[i].end - t[i].start);
		bool fn = t[i].type == LH_TOK_WORD &&
		          ((n > 9 && strncasecmp(w, "ducklake_", 9) == 0) ||
		           (n > 10 && strncasecmp(w, "lakehouse_", 10) == 0));
		if (fn && lh_cur_is(&at, 1, "(") && t[i + 2].type == LH_TOK_STRING &&
		    t[i + 2].end - t[i + 2].start >= 2)
			return lh_strndup(s->text + t[i + 2].start + 1,
			                  (size_t)(t[i + 2].end - t[i + 2].start) - 2);
		if ((t[i].type == LH_TOK_WORD || t[i].type == LH_TOK_QIDENT) && lh_cur_is(&at, 1, ".") &&
		    t[i + 2].type == LH_TOK_WORD && lh_cur_is(&at, 3, "("))
			return t[i].type == LH_TOK_QIDENT ? lh_strndup(w + 1, n - 2) : lh_strndup(w, n);
	}
	return NULL;
}

/* A session with several lakes (peers.c): the lake that runs statement s, which may be
 * `lake` itself; NULL when refused (the error is the lake's). USE of a peer is done here
 * (*done). */
static lh_lake *runner_of(lh_lake *lake, const lh_stmt *s, bool *done)
{
	*done = false;
	lh_cursor c = {.t = &s->toks};
	bool temp = false;
	const stmt_kind *k = find_kind(&c, &temp);
	if (k && (k->flags & K_SESSION))
		return lake;
	lh_cursor t = k && k->fn != h_use ? target_at(&c) : c;
	lh_qname q = {0};
	const char *catalog = NULL;
	if (k && !(k->flags & K_NO_VIEWS) && lh_cur_qname(&t, &q)) {
		/* lake.t or lake.schema.t; schema.t when the schema is a lake's name */
		catalog = q.catalog ? q.catalog : q.schema;
		if (k->fn == h_use)
			catalog = q.schema ? q.schema : q.name;
	}
	lh_status st = LH_OK;
	lh_lake *run = lake;
	char *called = !catalog && (!k || k->fn == h_call) ? lake_named_by_call(s) : NULL;
	if (called)
		catalog = called;
	/* a lake's catalog database is read where that lake runs (metadb.c) */
	for (size_t i = 0; !catalog && i <= lake->peers.len; i++) {
		lh_lake *l = i < lake->peers.len ? lake->peers.items[i] : lake;
		if (lh_lake_attached(l) && lh_metadb_named(l, s))
			catalog = l->name;
	}
	if (k && k->fn == h_use && catalog)
		st = lh_peers_use(lake, catalog, done);
	else if (catalog && !lh_peers_find(lake, catalog) && !lh_lake_is_name(lake, catalog))
		catalog = NULL; /* a schema, or a DuckDB database */
	bool writes = k && !temp && k->fn != h_use && k->fn != h_copy && k->fn != h_set &&
	              !(k->flags & K_NO_VIEWS);
	if (st == LH_OK && !*done)
		run = lh_peers_runner(lake, catalog, writes || (called && k),
		                      k && (k->flags & K_NO_VIEWS) && !(k->flags & K_SESSION), &st);
	lh_qname_free(&q);
	free(called);
	return st == LH_OK ? run : NULL;
}

static lh_status exec_one(lh_lake *lake, const char *text, size_t len, lh_result **out)
{
	*out = NULL;
	lh_stmt s = {.text = lh_strndup(text, len)};
	if (!s.text || lh_tokenize(s.text, len, &s.toks) != LH_OK) {
		free((char *)s.text);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	if (lake->peers.len > 0) {
		bool done = false;
		lh_lake *run = runner_of(lake, &s, &done);
		lh_status st = !run ? lake->err.code : done ? lh_result_empty(out) : LH_OK;
		if (run && run != lake && !done) {
			lh_err_clear(&run->err);
			st = exec_one(run, text, len, out);
			if (st != LH_OK)
				lh_lake_fail(lake, st, "%s", lh_err_msg(&run->err));
		}
		if (!run || done || run != lake) {
			lh_toks_free(&s.toks);
			free((char *)s.text);
			return st;
		}
	}
	lh_stmt_enter(lake, &s);
	lh_status st = lh_result_empty(&s.spare) == LH_OK
	                   ? route(lake, &s, out)
	                   : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK && !*out && lh_result_empty(out) != LH_OK)
		st = durable_result(lake, lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory"), out);
	lh_result_destroy(&s.spare);
	lh_stmt_leave(lake, &s);
	lh_toks_free(&s.toks);
	free((char *)s.text);
	return st;
}

static lh_status exec_script(lh_lake *lake, const char *sql, lh_statement_cb cb, void *ctx,
                             lh_result **keep_last)
{
	if (!lake || !sql)
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	if (lake->stream_open)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "an Arrow stream from this lake is still open; release it first");
	lh_stmt_ranges ranges;
	if (lh_split_statements(sql, &ranges) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_status st = LH_OK;
	for (size_t i = 0; i < ranges.len && st == LH_OK; i++) {
		lh_result *r = NULL;
		const char *text = sql + ranges.items[i].start;
		size_t len = ranges.items[i].end - ranges.items[i].start;
		st = exec_one(lake, text, len, &r);
		if (st == LH_OK && cb) {
			char *copy = lh_strndup(text, len);
			st = cb(ctx, i, copy ? copy : "", r);
			free(copy);
			if (st != LH_OK && !lake->err.msg)
				lh_lake_fail(lake, st, "stopped by the caller: %s", lh_strerror(st));
		}
		if (st == LH_OK && keep_last && i + 1 == ranges.len) {
			*keep_last = r;
			r = NULL;
		}
		lh_result_destroy(&r);
	}
	if (st == LH_OK && keep_last && !*keep_last && lh_result_empty(keep_last) != LH_OK)
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	LH_VEC_FREE(&ranges);
	return st;
}

lh_status lh_lake_exec(lh_lake *lake, const char *sql, lh_statement_cb cb, void *ctx)
{
	return exec_script(lake, sql, cb, ctx, NULL);
}

lh_status lh_lake_query(lh_lake *lake, const char *sql, lh_result **out_result)
{
	*out_result = NULL;
	return exec_script(lake, sql, NULL, NULL, out_result);
}

lh_status lh_lake_query_arrow(lh_lake *lake, const char *sql, struct ArrowArrayStream *out)
{
	if (!lake || !sql || !out)
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	if (lake->stream_open)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "an Arrow stream from this lake is still open; release it first");
	lh_stmt s = {.text = sql};
	if (lh_tokenize(sql, strlen(sql), &s.toks) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_stmt_enter(lake, &s);
	lh_status st = prepare_views(lake);
	char *rewritten = NULL;
	if (st == LH_OK && lh_lake_attached(lake))
		st = lh_rewrite_query(lake, sql, &s.toks, &rewritten);
	if (st == LH_OK)
		st = lh_result_arrow_stream(lake, rewritten ? rewritten : sql, out);
	free(rewritten);
	lh_stmt_leave(lake, &s);
	lh_toks_free(&s.toks);
	return st;
}
