/*
 * catalog/catdb_postgres.c - the PostgreSQL catalog backend, for lakes shared by many
 * machines.
 *
 * Layer: catalog. Implements catdb.h over libpq. Parameters travel as text ($N
 * placeholders, types inferred by the server); the session runs in UTC so timestamps
 * read back in the catalog's usual form. Write transactions are READ COMMITTED: every
 * statement sees what other writers committed, and two writers aiming at the same
 * snapshot id meet on its primary key. Errors are classified by SQLSTATE, never by
 * message text: 23505 (unique violation, i.e. a snapshot or file id taken by another
 * writer) -> LH_ERR_CONFLICT; 40001 (serialization failure) and 40P01 (deadlock) ->
 * LH_ERR_BUSY; both are retried by the commit protocol. Reads run in REPEATABLE READ
 * READ ONLY transactions so a load sees one consistent snapshot.
 */
#include "catalog/catdb.h"
#include "util/buf.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pg_catdb {
	lh_catdb base;
	PGconn *conn;
	char *label; /* host/db for messages (no password is ever in the conninfo) */
} pg_catdb;

static lh_status classify(const char *sqlstate)
{
	if (!sqlstate)
		return LH_ERR_CATALOG;
	if (strcmp(sqlstate, "23505") == 0)
		return LH_ERR_CONFLICT;
	if (strcmp(sqlstate, "40001") == 0 || strcmp(sqlstate, "40P01") == 0 ||
	    strcmp(sqlstate, "55P03") == 0)
		return LH_ERR_BUSY;
	if (strncmp(sqlstate, "08", 2) == 0)
		return LH_ERR_IO;
	return LH_ERR_CATALOG;
}

static lh_status result_error(pg_catdb *p, PGresult *r, const char *what, lh_err *err)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *msg = primary ? primary : PQerrorMessage(p->conn);
	int n = (int)strlen(msg);
	while (n > 0 && msg[n - 1] == '\n')
		n--;
	return lh_err_set(err, classify(state), "catalog '%s': %s failed: %.*s%s%s%s", p->label, what,
	                  n, msg, state ? " (SQLSTATE " : "", state ? state : "", state ? ")" : "");
}

/* Runs a statement; *out receives the result on success (caller PQclear's). */
static lh_status run(pg_catdb *p, const char *sql, const lh_val *params, size_t n, PGresult **out,
                     const char *what, lh_err *err)
{
	*out = NULL;
	char *text = lh_catdb_dollar_params(sql);
	const char **values = calloc(n + 1, sizeof *values);
	char (*nums)[24] = calloc(n + 1, sizeof *nums);
	if (!text || !values || !nums) {
		free(text);
		free(values);
		free(nums);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		switch (params[i].type) {
		case LH_VAL_NULL:
			values[i] = NULL;
			break;
		case LH_VAL_INT:
			snprintf(nums[i], sizeof nums[i], "%lld", (long long)params[i].i);
			values[i] = nums[i];
			break;
		case LH_VAL_BOOL:
			values[i] = params[i].i ? "true" : "false";
			break;
		case LH_VAL_TEXT:
			values[i] = params[i].s;
			break;
		}
	}
	PGresult *r = PQexecParams(p->conn, text, (int)n, NULL, values, NULL, NULL, 0);
	free(text);
	free(values);
	free(nums);
	ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		lh_status st = result_error(p, r, what, err);
		PQclear(r);
		return st;
	}
	*out = r;
	return LH_OK;
}

static lh_status pg_exec(lh_catdb *db, const char *sql, const lh_val *params, size_t n,
                         int64_t *out_changes, lh_err *err)
{
	pg_catdb *p = (pg_catdb *)db;
	PGresult *r;
	lh_status st = run(p, sql, params, n, &r, "writing", err);
	if (st != LH_OK)
		return st;
	if (out_changes)
		*out_changes = strtoll(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	return LH_OK;
}

static lh_status pg_query(lh_catdb *db, const char *sql, const lh_val *params, size_t n,
                          lh_rows **out, lh_err *err)
{
	pg_catdb *p = (pg_catdb *)db;
	*out = NULL;
	PGresult *r;
	lh_status st = run(p, sql, params, n, &r, "reading", err);
	if (st != LH_OK)
		return st;
	lh_rows *rows = calloc(1, sizeof *rows);
	size_t nr = (size_t)PQntuples(r), nc = (size_t)PQnfields(r);
	if (rows) {
		rows->nrows = nr;
		rows->ncols = nc;
		rows->cells = calloc(nr * nc + 1, sizeof *rows->cells);
	}
	if (rows && (rows->names = calloc(nc + 1, sizeof *rows->names)))
		for (size_t c = 0; c < nc; c++)
			rows->names[c] = lh_strdup(PQfname(r, (int)c));
	if (!rows || !rows->cells) {
		free(rows);
		PQclear(r);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < nr; i++)
		for (size_t c = 0; c < nc; c++)
			if (!PQgetisnull(r, (int)i, (int)c) &&
			    !(rows->cells[i * nc + c] = lh_strdup(PQgetvalue(r, (int)i, (int)c)))) {
				PQclear(r);
				lh_rows_free(&rows);
				return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			}
	PQclear(r);
	*out = rows;
	return LH_OK;
}

static lh_status pg_script(lh_catdb *db, const char *sql, lh_err *err)
{
	pg_catdb *p = (pg_catdb *)db;
	PGresult *r = PQexec(p->conn, sql);
	ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	lh_status st = LH_OK;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		st = result_error(p, r, "running a script", err);
	PQclear(r);
	return st;
}

static lh_status simple(pg_catdb *p, const char *sql, const char *what, lh_err *err)
{
	PGresult *r = PQexec(p->conn, sql);
	lh_status st = LH_OK;
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK)
		st = result_error(p, r, what, err);
	PQclear(r);
	return st;
}

static lh_status pg_begin(lh_catdb *db, bool write, lh_err *err)
{
	pg_catdb *p = (pg_catdb *)db;
	return simple(p,
	              write ? "BEGIN ISOLATION LEVEL READ COMMITTED"
	                    : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
	              "starting a transaction", err);
}

static lh_status pg_commit(lh_catdb *db, lh_err *err)
{
	pg_catdb *p = (pg_catdb *)db;
	lh_status st = simple(p, "COMMIT", "committing", err);
	if (st != LH_OK && PQtransactionStatus(p->conn) != PQTRANS_IDLE)
		PQclear(PQexec(p->conn, "ROLLBACK"));
	return st;
}

static void pg_rollback(lh_catdb *db)
{
	pg_catdb *p = (pg_catdb *)db;
	if (PQtransactionStatus(p->conn) != PQTRANS_IDLE)
		PQclear(PQexec(p->conn, "ROLLBACK"));
}

static void pg_close(lh_catdb *db)
{
	pg_catdb *p = (pg_catdb *)db;
	PQfinish(p->conn);
	free(p->label);
	free(p);
}

static const char *pg_column_type(const char *duckdb_type)
{
	return duckdb_type; /* BIGINT, VARCHAR, BOOLEAN, UUID, TIMESTAMPTZ all exist as such */
}

static lh_status pg_set_schema(lh_catdb *db, const char *schema, bool create, lh_err *err)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	if (create) {
		lh_buf_puts(&sql, "CREATE SCHEMA IF NOT EXISTS ");
		lh_buf_sql_ident(&sql, schema);
		lh_buf_puts(&sql, "; ");
	}
	lh_buf_puts(&sql, "SET search_path TO ");
	lh_buf_sql_ident(&sql, schema);
	lh_status st = sql.status == LH_OK ? pg_script(db, lh_buf_str(&sql), err)
	                                   : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&sql);
	return st;
}

static const struct lh_catdb_ops pg_ops = {
    .name = "postgres",
    .column_type = pg_column_type,
    .exec = pg_exec,
    .query = pg_query,
    .script = pg_script,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .close = pg_close,
    .table_exists_sql = "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = "
                        "current_schema() AND tablename = ?",
    .tables_sql = "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
    .set_schema = pg_set_schema,
};

/* A readable label of the connection without secrets: user@host:port/dbname. */
static char *describe(PGconn *c)
{
	const char *host = PQhost(c), *db = PQdb(c), *user = PQuser(c), *port = PQport(c);
	return lh_asprintf("postgres:%s@%s:%s/%s", user ? user : "", host ? host : "",
	                   port ? port : "", db ? db : "");
}

lh_status lh_catdb_open_postgres(const char *conninfo, lh_catdb **out_db, lh_err *err)
{
	*out_db = NULL;
	char *perr = NULL;
	PQconninfoOption *opts = PQconninfoParse(conninfo, &perr);
	if (!opts) {
		lh_status st = lh_err_set(err, LH_ERR_INVALID, "bad PostgreSQL connection string '%s': %s",
		                          conninfo, perr ? perr : "cannot parse it");
		PQfreemem(perr);
		return st;
	}
	bool has_password = false;
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (strcmp(o->keyword, "password") == 0 && o->val && *o->val)
			has_password = true;
	PQconninfoFree(opts);
	if (has_password)
		return lh_err_set(err, LH_ERR_INVALID,
		                  "the PostgreSQL connection string holds a password; put it in PGPASSWORD "
		                  "or ~/.pgpass instead (it would be stored in lakehouse.conf)");
	pg_catdb *p = calloc(1, sizeof *p);
	if (!p)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	p->base.ops = &pg_ops;
	p->conn = PQconnectdb(conninfo);
	if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
		char *msg = p->conn ? lh_strdup(PQerrorMessage(p->conn)) : NULL;
		if (msg && *msg && msg[strlen(msg) - 1] == '\n')
			msg[strlen(msg) - 1] = '\0';
		lh_status st = lh_err_set(err, LH_ERR_IO, "cannot connect to the PostgreSQL catalog: %s",
		                          msg ? msg : "out of memory");
		free(msg);
		PQfinish(p->conn);
		free(p);
		return st;
	}
	p->label = describe(p->conn);
	lh_status st = simple(p, "SET TIME ZONE 'UTC'", "setting up the connection", err);
	if (st == LH_OK)
		st = simple(p, "SET client_min_messages = warning", "setting up the connection", err);
	if (st != LH_OK) {
		pg_close(&p->base);
		return st;
	}
	*out_db = &p->base;
	return LH_OK;
}
