/*
 * catalog/catdb_sqlite.c - the SQLite catalog backend (the embedded default).
 *
 * Layer: catalog. Implements catdb.h over libsqlite3: WAL journal, busy timeout,
 * synchronous=FULL, BEGIN IMMEDIATE for write transactions (taking the write lock up
 * front avoids SQLITE_BUSY on a read->write upgrade, which the busy handler cannot
 * wait out). Booleans are stored as 0/1 and timestamps as text, as DuckDB's sqlite
 * extension stores them, so DuckDB's ducklake extension reads the same rows.
 */
#include "catalog/catdb.h"
#include "util/buf.h"
#include "util/fsutil.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STMT_CACHE 64
#define BUSY_TIMEOUT_MS 10000

typedef struct cached_stmt {
	char *sql;
	sqlite3_stmt *stmt;
	unsigned long last_use;
} cached_stmt;

typedef struct sqlite_catdb {
	lh_catdb base;
	sqlite3 *db;
	char *path;
	cached_stmt cache[STMT_CACHE];
	unsigned long clock;
} sqlite_catdb;

static lh_status map_error(sqlite_catdb *s, int rc, const char *what, lh_err *err)
{
	int ext = sqlite3_extended_errcode(s->db);
	lh_status code = LH_ERR_CATALOG;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		code = LH_ERR_BUSY;
	else if (ext == SQLITE_CONSTRAINT_PRIMARYKEY || ext == SQLITE_CONSTRAINT_UNIQUE)
		code = LH_ERR_CONFLICT;
	else if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		code = LH_ERR_CORRUPT;
	else if (rc == SQLITE_FULL || (rc & 0xff) == SQLITE_FULL)
		return lh_err_set(err, LH_ERR_NO_SPACE,
		                  "catalog '%s': %s failed: no space left on device; nothing was "
		                  "changed: free space on the disk that holds the catalog and retry",
		                  s->path, what);
	else if ((rc & 0xff) == SQLITE_READONLY)
		code = LH_ERR_READ_ONLY;
	return lh_err_set(err, code, "catalog '%s': %s failed: %s", s->path, what,
	                  sqlite3_errmsg(s->db));
}

static lh_status get_stmt(sqlite_catdb *s, const char *sql, sqlite3_stmt **out, lh_err *err)
{
	cached_stmt *victim = &s->cache[0];
	for (int i = 0; i < STMT_CACHE; i++) {
		cached_stmt *c = &s->cache[i];
		if (c->sql && strcmp(c->sql, sql) == 0) {
			c->last_use = ++s->clock;
			sqlite3_reset(c->stmt);
			sqlite3_clear_bindings(c->stmt);
			*out = c->stmt;
			return LH_OK;
		}
		if (!c->sql || c->last_use < victim->last_use)
			victim = c;
	}
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return map_error(s, rc, "preparing a statement", err);
	char *copy = lh_strdup(sql);
	if (!copy) {
		sqlite3_finalize(stmt);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	if (victim->stmt)
		sqlite3_finalize(victim->stmt);
	free(victim->sql);
	victim->sql = copy;
	victim->stmt = stmt;
	victim->last_use = ++s->clock;
	*out = stmt;
	return LH_OK;
}

static lh_status bind_all(sqlite_catdb *s, sqlite3_stmt *stmt, const lh_val *p, size_t n,
                          lh_err *err)
{
	for (size_t i = 0; i < n; i++) {
		int idx = (int)i + 1, rc = SQLITE_OK;
		switch (p[i].type) {
		case LH_VAL_NULL:
			rc = sqlite3_bind_null(stmt, idx);
			break;
		case LH_VAL_INT:
		case LH_VAL_BOOL:
			rc = sqlite3_bind_int64(stmt, idx, p[i].i);
			break;
		case LH_VAL_TEXT:
			rc = sqlite3_bind_text(stmt, idx, p[i].s, -1, SQLITE_TRANSIENT);
			break;
		}
		if (rc != SQLITE_OK)
			return map_error(s, rc, "binding a parameter", err);
	}
	return LH_OK;
}

static lh_status sq_exec(lh_catdb *db, const char *sql, const lh_val *p, size_t n,
                         int64_t *out_changes, lh_err *err)
{
	sqlite_catdb *s = (sqlite_catdb *)db;
	sqlite3_stmt *stmt;
	lh_status st = get_stmt(s, sql, &stmt, err);
	if (st != LH_OK)
		return st;
	st = bind_all(s, stmt, p, n, err);
	if (st != LH_OK)
		return st;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
	}
	if (rc != SQLITE_DONE) {
		st = map_error(s, rc, "writing", err);
		sqlite3_reset(stmt);
		return st;
	}
	if (out_changes)
		*out_changes = sqlite3_changes64(s->db);
	sqlite3_reset(stmt);
	return LH_OK;
}

static lh_status sq_query(lh_catdb *db, const char *sql, const lh_val *p, size_t n,
                          lh_rows **out, lh_err *err)
{
	sqlite_catdb *s = (sqlite_catdb *)db;
	*out = NULL;
	sqlite3_stmt *stmt;
	lh_status st = get_stmt(s, sql, &stmt, err);
	if (st != LH_OK)
		return st;
	st = bind_all(s, stmt, p, n, err);
	if (st != LH_OK)
		return st;
	lh_rows *rows = calloc(1, sizeof *rows);
	if (!rows) {
		sqlite3_reset(stmt);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	rows->ncols = (size_t)sqlite3_column_count(stmt);
	rows->names = calloc(rows->ncols + 1, sizeof *rows->names);
	bool named = rows->names != NULL;
	for (size_t c = 0; named && c < rows->ncols; c++)
		named = (rows->names[c] = lh_strdup(sqlite3_column_name(stmt, (int)c))) != NULL;
	if (!named) {
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		goto fail;
	}
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		size_t need = (rows->nrows + 1) * rows->ncols;
		if (need > cap) {
			size_t ncap = cap ? cap * 2 : 64 * (rows->ncols ? rows->ncols : 1);
			while (ncap < need)
				ncap *= 2;
			char **cells = realloc(rows->cells, ncap * sizeof *cells);
			if (!cells) {
				st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
				goto fail;
			}
			rows->cells = cells;
			cap = ncap;
		}
		for (size_t c = 0; c < rows->ncols; c++) {
			/* a REAL as text with every digit it has (SQLite's own text keeps 15) */
			char real[40];
			const unsigned char *t = NULL;
			if (sqlite3_column_type(stmt, (int)c) == SQLITE_FLOAT) {
				snprintf(real, sizeof real, "%.17g", sqlite3_column_double(stmt, (int)c));
				t = (const unsigned char *)real;
			} else {
				t = sqlite3_column_text(stmt, (int)c);
			}
			char *cell = t ? lh_strdup((const char *)t) : NULL;
			if (t && !cell) {
				st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
				rows->nrows++; /* so the partially filled row is freed */
				for (size_t k = c; k < rows->ncols; k++)
					rows->cells[rows->nrows * rows->ncols - rows->ncols + k] = NULL;
				goto fail;
			}
			rows->cells[rows->nrows * rows->ncols + c] = cell;
		}
		rows->nrows++;
	}
	if (rc != SQLITE_DONE) {
		st = map_error(s, rc, "reading", err);
		goto fail;
	}
	sqlite3_reset(stmt);
	*out = rows;
	return LH_OK;
fail:
	sqlite3_reset(stmt);
	lh_rows_free(&rows);
	return st;
}

static lh_status sq_script(lh_catdb *db, const char *sql, lh_err *err)
{
	sqlite_catdb *s = (sqlite_catdb *)db;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? LH_OK : map_error(s, rc, "running a script", err);
}

static lh_status sq_begin(lh_catdb *db, bool write, lh_err *err)
{
	sqlite_catdb *s = (sqlite_catdb *)db;
	if (write && db->read_only)
		return lh_catdb_writable(db, err);
	int rc = sqlite3_exec(s->db, write ? "BEGIN IMMEDIATE" : "BEGIN", NULL, NULL, NULL);
	return rc == SQLITE_OK ? LH_OK : map_error(s, rc, "starting a transaction", err);
}

static lh_status sq_commit(lh_catdb *db, lh_err *err)
{
	sqlite_catdb *s = (sqlite_catdb *)db;
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return LH_OK;
	lh_status st = map_error(s, rc, "committing", err);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return st;
}

static void sq_rollback(lh_catdb *db)
{
	sqlite_catdb *s = (sqlite_catdb *)db;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static void sq_close(lh_catdb *db)
{
	sqlite_catdb *s = (sqlite_catdb *)db;
	for (int i = 0; i < STMT_CACHE; i++) {
		if (s->cache[i].stmt)
			sqlite3_finalize(s->cache[i].stmt);
		free(s->cache[i].sql);
	}
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

/* DuckDB's sqlite extension maps BOOLEAN to BIGINT and UUID/TIMESTAMPTZ to VARCHAR when
 * it creates the DuckLake tables; we create the same columns. */
static const char *sq_column_type(const char *duckdb_type)
{
	if (strcmp(duckdb_type, "BOOLEAN") == 0)
		return "BIGINT";
	if (strcmp(duckdb_type, "UUID") == 0 || strcmp(duckdb_type, "TIMESTAMPTZ") == 0)
		return "VARCHAR";
	return duckdb_type;
}

static const struct lh_catdb_ops sqlite_ops = {
    .name = "sqlite",
    .column_type = sq_column_type,
    .exec = sq_exec,
    .query = sq_query,
    .script = sq_script,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .close = sq_close,
    .table_exists_sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
    .tables_sql = "SELECT name FROM sqlite_master WHERE type = 'table'",
};

/* Opens the catalog for reading only, for a lake whose folder cannot be written (a
 * read-only mount, a full disk, no permission): plainly when a -wal/-shm pair is there
 * to read (SQLite reads a WAL database read-only since 3.22), else as immutable, which
 * needs no -shm file at all. Either way no statement on this connection can write. */
static int open_read_only(sqlite_catdb *s)
{
	sqlite3_close(s->db);
	s->db = NULL;
	int rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return rc;
	sqlite3_close(s->db);
	s->db = NULL;
	char *uri = sqlite3_mprintf("file:%s?immutable=1", s->path);
	if (!uri)
		return SQLITE_NOMEM;
	/* a path's '?' or '#' would end the file name early in a URI */
	rc = strpbrk(s->path, "?#") ? SQLITE_CANTOPEN
	                            : sqlite3_open_v2(uri, &s->db,
	                                              SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
	                                                  SQLITE_OPEN_URI,
	                                              NULL);
	sqlite3_free(uri);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
	return rc;
}

lh_status lh_catdb_open_sqlite(const char *path, bool create, lh_catdb **out_db, lh_err *err)
{
	*out_db = NULL;
	sqlite_catdb *s = calloc(1, sizeof *s);
	if (!s || !(s->path = lh_strdup(path))) {
		free(s);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	s->base.ops = &sqlite_ops;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK) {
		lh_status st = lh_err_set(err, rc == SQLITE_CANTOPEN ? LH_ERR_NOT_FOUND : LH_ERR_CATALOG,
		                          "cannot open catalog '%s': %s", path,
		                          s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sq_close(&s->base);
		return st;
	}
	/* journal_mode=WAL needs a moment of exclusive access when first set; the busy
	 * timeout covers a concurrent opener. A catalog that is already WAL but whose folder
	 * cannot be written (no -shm can be made) fails here and is opened read-only. */
	const char *setup = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	rc = sqlite3_exec(s->db, setup, NULL, NULL, NULL);
	if (rc != SQLITE_OK && !create && rc != SQLITE_NOTADB && rc != SQLITE_CORRUPT &&
	    rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
		/* only when the folder really cannot be written; any other failure is reported */
		int why = lh_sibling_write_errno(path);
		if (why) {
			s->base.read_only_errno = why;
			rc = open_read_only(s);
		}
	}
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(s->db, 1);
		sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
		s->base.read_only = sqlite3_db_readonly(s->db, "main") == 1;
		s->base.label = s->path;
	} else {
		lh_status st = s->db ? map_error(s, rc, "setting up the connection", err)
		                     : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		if (rc == SQLITE_NOTADB)
			st = lh_err_set(err, LH_ERR_CORRUPT,
			                "cannot open catalog '%s': not an SQLite database", path);
		sq_close(&s->base);
		return st;
	}
	*out_db = &s->base;
	return LH_OK;
}
