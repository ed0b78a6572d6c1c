/*
 * lake/exec.c - the SQL front: splits scripts, routes each statement.
 *
 * Layer: lake. Statement routing, by the statement's head:
 *   BEGIN / COMMIT / ROLLBACK                  -> the lake transaction (txn.c)
 *   CREATE/DROP SCHEMA, CREATE/DROP/ALTER TABLE on lake tables   -> ddl.c
 *   INSERT / DELETE / UPDATE / TRUNCATE on lake tables           -> dml.c
 *   CALL lakehouse_* / ducklake_*              -> history.c
 *   anything else (SELECT, WITH, FROM, EXPLAIN, DESCRIBE, SUMMARIZE, SHOW, PRAGMA,
 *   SET, COPY ... TO, statements on TEMP objects)  -> DuckDB, after the lake's views
 *   are brought up to date and AT clauses / DuckLake table functions are rewritten.
 * A DML or DDL statement whose target is not a lake table (a TEMP table, say) goes to
 * DuckDB as well.
 */
#include "lake/lake_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Makes DuckDB show the working state: the transaction's, or the latest committed. */
static lh_status prepare_views(lh_lake *lake)
{
	lh_status st = lake->fresh ? LH_OK : lh_lake_refresh(lake);
	if (st == LH_OK)
		st = lh_views_install(lake, lh_lake_state(lake));
	return st;
}

static lh_status run_query(lh_lake *lake, lh_stmt *s, lh_result **out)
{
	lh_status st = prepare_views(lake);
	char *rewritten = NULL;
	if (st == LH_OK)
		st = lh_rewrite_query(lake, s->text, &s->toks, &rewritten);
	if (st == LH_OK)
		st = lh_result_from_query(lake, rewritten ? rewritten : s->text, out);
	free(rewritten);
	return st;
}

/* DELETE and UPDATE hand their WHERE/SET/FROM text to DuckDB inside a DuckDB
 * transaction, which may then write only __lh: the lake views of the tables the
 * statement names are loaded before it. */
static lh_status preload(lh_lake *lake, lh_stmt *s)
{
	return lh_remote_load_names(lake, &s->toks);
}

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
		lake_target = lh_strieq(q.catalog, "lake");
	else if (q.schema && lh_strieq(q.schema, "temp"))
		lake_target = false;
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

/* Skips "IF EXISTS" / "IF NOT EXISTS" on a copy of the cursor. */
static lh_cursor after_if(const lh_cursor *c)
{
	lh_cursor k = *c;
	if (lh_cur_is(&k, 0, "IF")) {
		k.i++;
		lh_cur_accept(&k, "NOT");
		lh_cur_accept(&k, "EXISTS");
	}
	return k;
}

/* After a statement's commit nothing may report failure (txn.c's rule): when making
 * its result fails once the statement committed a snapshot, it gets the empty result
 * exec_one made before it ran. */
static lh_status durable_result(lh_lake *lake, lh_status st, lh_result **out)
{
	if (st == LH_OK || lake->last_commit == lake->stmt_commit || !lake->spare)
		return st;
	lh_result_destroy(out);
	*out = lake->spare;
	lake->spare = NULL;
	lh_err_clear(&lake->err);
	return LH_OK;
}

static lh_status count_result(lh_lake *lake, lh_status st, int64_t n, lh_result **out)
{
	if (st != LH_OK)
		return st;
	return durable_result(lake, lh_result_count(lake, n, out), out);
}

static lh_status empty_result(lh_lake *lake, lh_status st, lh_result **out)
{
	if (st == LH_OK && lh_result_empty(out) != LH_OK)
		st = durable_result(lake, lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory"), out);
	return st;
}

static lh_status route_create(lh_lake *lake, lh_stmt *s, lh_cursor *c, lh_result **out)
{
	if (lh_cur_accept(c, "OR") && !lh_cur_accept(c, "REPLACE"))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected CREATE OR REPLACE");
	if (lh_cur_is(c, 0, "TEMP") || lh_cur_is(c, 0, "TEMPORARY"))
		return run_query(lake, s, out);
	if (lh_cur_accept(c, "SCHEMA"))
		return empty_result(lake, lh_ddl_create_schema(lake, s, c), out);
	if (lh_cur_is(c, 0, "TABLE")) {
		int64_t n = -1; /* stays -1 unless the table was made AS a query */
		lh_status st = lh_ddl_create_table(lake, s, c, &n);
		return n >= 0 ? count_result(lake, st, n, out) : empty_result(lake, st, out);
	}
	if (lh_cur_is(c, 0, "VIEW"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "lake views are not supported yet; CREATE TEMP VIEW makes a view for "
		                    "this session");
	/* macros, functions, types: session objects in DuckDB */
	return run_query(lake, s, out);
}

static lh_status route_txn(lh_lake *lake, lh_cursor *c, lh_result **out, bool *handled)
{
	*handled = true;
	if (lh_cur_is(c, 0, "BEGIN") || (lh_cur_is(c, 0, "START") && lh_cur_is(c, 1, "TRANSACTION"))) {
		lh_status st = lh_txn_begin(lake);
		if (st == LH_OK)
			lake->txn_open = true;
		return empty_result(lake, st, out);
	}
	if (lh_cur_is(c, 0, "COMMIT") || lh_cur_is(c, 0, "END")) {
		if (!lake->txn_open)
			return lh_lake_fail(lake, LH_ERR_TXN, "cannot commit: no transaction is open (BEGIN "
			                                      "starts one)");
		int64_t snap;
		return empty_result(lake, lh_txn_commit(lake, &snap), out);
	}
	if (lh_cur_is(c, 0, "ROLLBACK") || lh_cur_is(c, 0, "ABORT")) {
		if (!lake->txn_open)
			return lh_lake_fail(lake, LH_ERR_TXN, "cannot roll back: no transaction is open");
		lh_txn_rollback(lake);
		return empty_result(lake, LH_OK, out);
	}
	*handled = false;
	return LH_OK;
}

/* SET [GLOBAL|SESSION] ducklake_<option> (= | TO) value: the lake's own settings. */
static lh_status set_option(lh_lake *lake, lh_stmt *s, const lh_cursor *at, bool *done)
{
	lh_cursor c = *at;
	*done = false;
	c.i++;
	if (!lh_cur_accept(&c, "GLOBAL"))
		lh_cur_accept(&c, "SESSION");
	char *name = lh_cur_ident(&c);
	if (!name || !lh_str_starts_with(name, "ducklake_") ||
	    !(lh_cur_accept(&c, "=") || lh_cur_accept(&c, "TO"))) {
		free(name);
		return LH_OK;
	}
	char *value = NULL;
	lh_status st = lh_eval_text(lake, s->text + lh_cur_offset(&c), &value);
	bool known = false;
	if (st == LH_OK)
		st = lh_lake_setting(lake, name, value, &known);
	*done = known || st != LH_OK;
	free(name);
	free(value);
	return st;
}

static lh_status route(lh_lake *lake, lh_stmt *s, lh_result **out)
{
	lh_cursor c = {.t = &s->toks};
	bool handled;
	lh_status st = route_txn(lake, &c, out, &handled);
	if (handled)
		return st;
	/* every statement sees the working state, in the catalog and as DuckDB views (DML
	 * and CREATE TABLE AS read other tables through them) */
	if ((st = prepare_views(lake)) != LH_OK)
		return st;
	int64_t n = 0;
	if (lh_cur_accept(&c, "CREATE"))
		return route_create(lake, s, &c, out);
	if (lh_cur_is(&c, 0, "DROP") && (lh_cur_is(&c, 1, "SCHEMA") || lh_cur_is(&c, 1, "TABLE"))) {
		lh_cursor t = after_if(&(lh_cursor){c.t, c.i + 2});
		if (lh_cur_is(&c, 1, "SCHEMA") || targets_lake(lake, &t)) {
			c.i++;
			return empty_result(lake, lh_ddl_drop(lake, s, &c), out);
		}
		return run_query(lake, s, out);
	}
	if (lh_cur_is(&c, 0, "ALTER") && lh_cur_is(&c, 1, "TABLE")) {
		lh_cursor t = after_if(&(lh_cursor){c.t, c.i + 2});
		if (targets_lake(lake, &t)) {
			c.i++;
			return empty_result(lake, lh_ddl_alter_table(lake, s, &c), out);
		}
		return run_query(lake, s, out);
	}
	if (lh_cur_is(&c, 0, "INSERT")) {
		lh_cursor t = {c.t, c.i + 1};
		lh_cur_accept(&t, "OR");
		if (lh_cur_is(&c, 1, "OR"))
			t.i++;
		lh_cur_accept(&t, "INTO");
		if (targets_lake(lake, &t)) {
			c.i++;
			st = lh_dml_insert(lake, s, &c, &n);
			return count_result(lake, st, n, out);
		}
		return run_query(lake, s, out);
	}
	if (lh_cur_is(&c, 0, "DELETE") && lh_cur_is(&c, 1, "FROM")) {
		if (targets_lake(lake, &(lh_cursor){c.t, c.i + 2})) {
			if ((st = preload(lake, s)) != LH_OK)
				return st;
			c.i++;
			st = lh_dml_delete(lake, s, &c, &n);
			return count_result(lake, st, n, out);
		}
		return run_query(lake, s, out);
	}
	if (lh_cur_is(&c, 0, "UPDATE")) {
		if (targets_lake(lake, &(lh_cursor){c.t, c.i + 1})) {
			if ((st = preload(lake, s)) != LH_OK)
				return st;
			c.i++;
			st = lh_dml_update(lake, s, &c, &n);
			return count_result(lake, st, n, out);
		}
		return run_query(lake, s, out);
	}
	if (lh_cur_is(&c, 0, "TRUNCATE")) {
		lh_cursor t = {c.t, c.i + 1};
		lh_cur_accept(&t, "TABLE");
		if (targets_lake(lake, &t)) {
			c.i++;
			st = lh_dml_truncate(lake, s, &c, &n);
			return count_result(lake, st, n, out);
		}
		return run_query(lake, s, out);
	}
	if (lh_cur_is(&c, 0, "MERGE"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "MERGE INTO is not supported on lake tables yet; use UPDATE and "
		                    "INSERT ... SELECT in one transaction");
	if (lh_cur_is(&c, 0, "USE") && !(lh_cur_is(&c, 1, "lake") && lh_cur_peek(&c, 2)->type == LH_TOK_EOF))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "USE is not supported: name tables as table, schema.table or "
		                    "lake.schema.table");
	if (lh_cur_is(&c, 0, "COPY") && !lh_cur_is(&c, 1, "(") && lh_cur_has_word(&c, "FROM")) {
		lh_cursor t = {c.t, c.i + 1};
		if (targets_lake(lake, &t))
			return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                    "COPY <lake table> FROM is not supported; use INSERT INTO <table> "
			                    "SELECT * FROM read_csv('<file>') (or read_parquet, read_json)");
	}
	if (lh_cur_is(&c, 0, "SET")) {
		bool done = false;
		st = set_option(lake, s, &c, &done);
		if (done || st != LH_OK)
			return empty_result(lake, st, out);
	}
	if (lh_cur_is(&c, 0, "CALL")) {
		bool done = false;
		c.i++;
		st = lh_history_call(lake, s, &c, &done);
		if (done)
			return empty_result(lake, st, out);
		if (st != LH_OK)
			return st;
		/* CALL ducklake_f(...) is FROM ducklake_f(...), as in DuckDB */
		const lh_tok *fn = lh_cur_peek(&c, 0);
		if (fn->type == LH_TOK_WORD &&
		    (strncasecmp(s->text + fn->start, "ducklake_", 9) == 0 ||
		     strncasecmp(s->text + fn->start, "lakehouse_", 10) == 0)) {
			char *from = lh_asprintf("FROM %s", s->text + fn->start);
			lh_stmt fs = {.text = from};
			if (!from || lh_tokenize(from, strlen(from), &fs.toks) != LH_OK) {
				free(from);
				return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
			}
			st = run_query(lake, &fs, out);
			lh_toks_free(&fs.toks);
			free(from);
			return st;
		}
	}
	return run_query(lake, s, out);
}

static lh_status exec_one(lh_lake *lake, const char *text, size_t len, lh_result **out)
{
	*out = NULL;
	lh_stmt s = {.text = lh_strndup(text, len)};
	if (!s.text || lh_tokenize(s.text, len, &s.toks) != LH_OK) {
		free((char *)s.text);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	lake->fresh = false; /* each statement starts from the latest snapshot */
	lake->query_views = 0;
	lake->stmt_commit = lake->last_commit;
	lh_status st = lh_result_empty(&lake->spare) == LH_OK
	                   ? route(lake, &s, out)
	                   : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_toks_free(&s.toks);
	free((char *)s.text);
	if (st == LH_OK && !*out)
		st = empty_result(lake, st, out);
	lh_result_destroy(&lake->spare);
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
	lake->fresh = false;
	lake->query_views = 0;
	lh_status st = prepare_views(lake);
	char *rewritten = NULL;
	if (st == LH_OK)
		st = lh_rewrite_query(lake, sql, &s.toks, &rewritten);
	if (st == LH_OK)
		st = lh_result_arrow_stream(lake, rewritten ? rewritten : sql, out);
	free(rewritten);
	lh_toks_free(&s.toks);
	return st;
}
