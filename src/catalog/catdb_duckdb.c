/*
 * catalog/catdb_duckdb.c - the DuckDB-file catalog backend.
 *
 * Layer: catalog. The DuckLake tables live in a DuckDB database file, with the same
 * column types DuckDB's ducklake extension creates, so `ATTACH 'ducklake:<file>'` reads
 * it. A DuckDB file admits one process at a time, so the file is attached (to a private
 * in-memory DuckDB kept for the backend's life; attaching costs ~2 ms, starting DuckDB
 * ~10 ms) only for the span of one statement or one transaction, under an flock on
 * "<file>.lock" that our processes queue on (bounded by the busy timeout, which counts
 * only time one holder keeps it, so many writers in turn do not time each other out):
 * several lakehouse processes share the catalog, one at a time. Errors are classified by DuckDB's error type: a
 * constraint violation (an id taken by another writer) is LH_ERR_CONFLICT, a
 * transaction conflict LH_ERR_BUSY.
 */
#include "catalog/catdb.h"
#include "util/buf.h"
#include "util/fsutil.h"

#include <duckdb.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 10000

typedef struct duck_catdb {
	lh_catdb base;
	char *path;
	char *lock_path;
	int lock_fd;      /* -1 when not held */
	int depth;        /* open transactions (0 or 1) */
	int holds;        /* lh_catdb_hold calls not yet released */
	duckdb_database db;     /* in-memory, for the backend's life */
	duckdb_connection conn;
	bool open;              /* the catalog file is attached as __catalog */
	char *schema;           /* METADATA_SCHEMA, or NULL: main */
	bool make_schema;       /* create it when missing */
} duck_catdb;

/* Each holder bumps a counter at the start of the lock file when it takes the lock, so a
 * waiter can tell a contended catalog (the counter moves: keep waiting) from one process
 * holding it: the busy timeout counts only time during which the holder did not change. */
static uint64_t lock_generation(int fd)
{
	uint64_t gen = 0;
	if (pread(fd, &gen, sizeof gen, 0) != (ssize_t)sizeof gen)
		gen = 0;
	return gen;
}

static lh_status take_lock(duck_catdb *d, lh_err *err)
{
	d->lock_fd = open(d->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (d->lock_fd < 0 && (errno == EROFS || errno == EACCES || errno == EPERM ||
	                       errno == ENOSPC || errno == EDQUOT)) {
		d->base.read_only_errno = errno;
		/* a folder nobody here can write: read the catalog, never write it. A lock file
		 * left by writers elsewhere is still honoured (flock needs no write access). */
		d->base.read_only = true;
		d->lock_fd = open(d->lock_path, O_RDONLY | O_CLOEXEC);
		if (d->lock_fd < 0)
			return LH_OK;
	}
	if (d->lock_fd < 0)
		return lh_err_set(err, LH_ERR_IO, "cannot open lock file '%s': %s", d->lock_path,
		                  strerror(errno));
	uint64_t seen = lock_generation(d->lock_fd);
	double deadline = lh_monotonic_ms() + BUSY_TIMEOUT_MS, wait = 1;
	while (flock(d->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		int flock_errno = errno;
		uint64_t now_gen = lock_generation(d->lock_fd);
		if (now_gen != seen) {
			seen = now_gen;
			deadline = lh_monotonic_ms() + BUSY_TIMEOUT_MS;
		}
		if (flock_errno != EWOULDBLOCK || lh_monotonic_ms() > deadline) {
			close(d->lock_fd);
			d->lock_fd = -1;
			return lh_err_set(err, LH_ERR_BUSY,
			                  "catalog '%s' is busy: another process held it for %d ms", d->path,
			                  BUSY_TIMEOUT_MS);
		}
		lh_sleep_ms(wait);
		wait = wait < 20 ? wait * 2 : 20;
	}
	uint64_t next = lock_generation(d->lock_fd) + 1;
	/* only a hint for waiters: a failed write makes them wait the plain timeout */
	if (!d->base.read_only && pwrite(d->lock_fd, &next, sizeof next, 0) != (ssize_t)sizeof next)
		errno = 0;
	return LH_OK;
}

static void drop_lock(duck_catdb *d)
{
	if (d->lock_fd >= 0) {
		flock(d->lock_fd, LOCK_UN);
		close(d->lock_fd);
		d->lock_fd = -1;
	}
}

static lh_status plain(duck_catdb *d, const char *sql, lh_err *err)
{
	duckdb_result r;
	lh_status st = LH_OK;
	if (duckdb_query(d->conn, sql, &r) == DuckDBError)
		st = lh_err_set(err, LH_ERR_CATALOG, "cannot open catalog '%s': %s", d->path,
		                duckdb_result_error(&r));
	duckdb_destroy_result(&r);
	return st;
}

static void db_close(duck_catdb *d)
{
	if (d->open) {
		lh_err ignored = {0};
		plain(d, "USE memory", &ignored);
		plain(d, "DETACH __catalog", &ignored);
		lh_err_clear(&ignored);
		d->open = false;
	}
	drop_lock(d);
}

/* METADATA_SCHEMA: made when missing if allowed, then the default for every statement. */
static lh_status use_schema(duck_catdb *d, lh_err *err)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	if (d->make_schema && !d->base.read_only) {
		lh_buf_puts(&sql, "CREATE SCHEMA IF NOT EXISTS __catalog.");
		lh_buf_sql_ident(&sql, d->schema);
		lh_buf_puts(&sql, "; ");
	}
	lh_buf_puts(&sql, "USE __catalog.");
	lh_buf_sql_ident(&sql, d->schema);
	lh_err why = {0};
	lh_status st = sql.status != LH_OK ? lh_err_set(err, LH_ERR_NOMEM, "out of memory")
	               : plain(d, lh_buf_str(&sql), &why) != LH_OK
	                   ? lh_err_set(err, LH_ERR_NOT_FOUND,
	                                "catalog '%s' has no schema '%s' (METADATA_SCHEMA): no lake there",
	                                d->path, d->schema)
	                   : LH_OK;
	lh_err_clear(&why);
	lh_buf_free(&sql);
	return st;
}

static lh_status db_open(duck_catdb *d, bool create, lh_err *err)
{
	if (d->open)
		return LH_OK;
	if (!create && !lh_path_exists(d->path))
		return lh_err_set(err, LH_ERR_NOT_FOUND, "catalog '%s' does not exist", d->path);
	lh_status st = take_lock(d, err);
	if (st != LH_OK)
		return st;
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "ATTACH ");
	lh_buf_sql_str(&sql, d->path);
	lh_buf_puts(&sql, d->base.read_only ? " AS __catalog (READ_ONLY)" : " AS __catalog");
	st = sql.status == LH_OK ? plain(d, lh_buf_str(&sql), err)
	                         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&sql);
	if (st == LH_OK) {
		d->open = true;
		st = plain(d, "USE __catalog", err);
	}
	if (st == LH_OK && d->schema)
		st = use_schema(d, err);
	if (st != LH_OK)
		db_close(d);
	return st;
}

static lh_status classify(duckdb_error_type t)
{
	switch (t) {
	case DUCKDB_ERROR_CONSTRAINT:
		return LH_ERR_CONFLICT;
	case DUCKDB_ERROR_TRANSACTION:
		return LH_ERR_BUSY;
	case DUCKDB_ERROR_CATALOG:
		return LH_ERR_NOT_FOUND;
	case DUCKDB_ERROR_IO:
		return LH_ERR_IO;
	default:
		return LH_ERR_CATALOG;
	}
}

/* Runs a statement with parameters; on success *out is the materialised result. With
 * `as_text` every column comes back VARCHAR (DuckDB's own rendering), since DuckDB's
 * value accessors cannot render UUID or TIMESTAMPTZ. */
static lh_status run(duck_catdb *d, const char *sql, const lh_val *p, size_t n, bool as_text,
                     duckdb_result *out, const char *what, lh_err *err)
{
	char *numbered = lh_catdb_dollar_params(sql);
	char *text = numbered && as_text ? lh_asprintf("SELECT COLUMNS(*)::VARCHAR FROM (%s)", numbered)
	                                 : numbered;
	if (text != numbered)
		free(numbered);
	if (!text)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	duckdb_prepared_statement ps;
	lh_status st = LH_OK;
	if (duckdb_prepare(d->conn, text, &ps) == DuckDBError) {
		st = lh_err_set(err, LH_ERR_CATALOG, "catalog '%s': %s failed: %s", d->path, what,
		                duckdb_prepare_error(ps));
		duckdb_destroy_prepare(&ps);
		free(text);
		return st;
	}
	free(text);
	for (size_t i = 0; i < n && st == LH_OK; i++) {
		idx_t idx = i + 1;
		duckdb_state bs = DuckDBSuccess;
		switch (p[i].type) {
		case LH_VAL_NULL:
			bs = duckdb_bind_null(ps, idx);
			break;
		case LH_VAL_INT:
			bs = duckdb_bind_int64(ps, idx, p[i].i);
			break;
		case LH_VAL_BOOL:
			bs = duckdb_bind_boolean(ps, idx, p[i].i != 0);
			break;
		case LH_VAL_TEXT:
			bs = duckdb_bind_varchar(ps, idx, p[i].s);
			break;
		}
		if (bs == DuckDBError)
			st = lh_err_set(err, LH_ERR_INTERNAL, "catalog '%s': cannot bind parameter %zu",
			                d->path, i + 1);
	}
	if (st == LH_OK && duckdb_execute_prepared(ps, out) == DuckDBError) {
		st = lh_err_set(err, classify(duckdb_result_error_type(out)),
		                "catalog '%s': %s failed: %s", d->path, what, duckdb_result_error(out));
		duckdb_destroy_result(out);
	}
	duckdb_destroy_prepare(&ps);
	return st;
}

/* Statements outside a transaction or hold attach and detach the file around
 * themselves. */
static lh_status enter(duck_catdb *d, lh_err *err)
{
	return db_open(d, false, err);
}

static void leave(duck_catdb *d)
{
	if (!d->depth && !d->holds)
		db_close(d);
}

static lh_status dk_exec(lh_catdb *db, const char *sql, const lh_val *params, size_t n,
                         int64_t *out_changes, lh_err *err)
{
	duck_catdb *d = (duck_catdb *)db;
	lh_status st = enter(d, err);
	if (st != LH_OK)
		return st;
	duckdb_result r;
	st = run(d, sql, params, n, false, &r, "writing", err);
	if (st == LH_OK) {
		if (out_changes)
			*out_changes = (int64_t)duckdb_rows_changed(&r);
		duckdb_destroy_result(&r);
	}
	leave(d);
	return st;
}

static lh_status dk_query(lh_catdb *db, const char *sql, const lh_val *params, size_t n,
                          lh_rows **out, lh_err *err)
{
	duck_catdb *d = (duck_catdb *)db;
	*out = NULL;
	lh_status st = enter(d, err);
	if (st != LH_OK)
		return st;
	duckdb_result r;
	st = run(d, sql, params, n, true, &r, "reading", err);
	if (st != LH_OK) {
		leave(d);
		return st;
	}
	idx_t nc = duckdb_column_count(&r);
	lh_rows *rows = calloc(1, sizeof *rows);
	size_t cap = 0;
	if (!rows)
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	else
		rows->ncols = nc;
	if (rows && (rows->names = calloc(nc + 1, sizeof *rows->names)))
		for (idx_t c = 0; c < nc; c++)
			rows->names[c] = lh_strdup(duckdb_column_name(&r, c));
	for (duckdb_data_chunk ch; st == LH_OK && (ch = duckdb_fetch_chunk(r));) {
		idx_t cn = duckdb_data_chunk_get_size(ch);
		size_t need = (rows->nrows + cn) * nc + 1;
		if (need > cap) {
			char **cells = realloc(rows->cells, need * 2 * sizeof *cells);
			if (!cells) {
				st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
				duckdb_destroy_data_chunk(&ch);
				break;
			}
			memset(cells + cap, 0, (need * 2 - cap) * sizeof *cells);
			rows->cells = cells;
			cap = need * 2;
		}
		for (idx_t c = 0; c < nc; c++) {
			duckdb_vector v = duckdb_data_chunk_get_vector(ch, c);
			uint64_t *valid = duckdb_vector_get_validity(v);
			duckdb_string_t *str = (duckdb_string_t *)duckdb_vector_get_data(v);
			for (idx_t i = 0; i < cn; i++) {
				if (valid && !duckdb_validity_row_is_valid(valid, i))
					continue;
				rows->cells[(rows->nrows + i) * nc + c] =
				    lh_strndup(duckdb_string_t_data(&str[i]), duckdb_string_t_length(str[i]));
			}
		}
		rows->nrows += cn;
		duckdb_destroy_data_chunk(&ch);
	}
	duckdb_destroy_result(&r);
	leave(d);
	if (st != LH_OK)
		lh_rows_free(&rows);
	*out = rows;
	return st;
}

static lh_status dk_script(lh_catdb *db, const char *sql, lh_err *err)
{
	duck_catdb *d = (duck_catdb *)db;
	lh_status st = enter(d, err);
	if (st != LH_OK)
		return st;
	duckdb_result r;
	if (duckdb_query(d->conn, sql, &r) == DuckDBError)
		st = lh_err_set(err, classify(duckdb_result_error_type(&r)),
		                "catalog '%s': running a script failed: %s", d->path,
		                duckdb_result_error(&r));
	duckdb_destroy_result(&r);
	leave(d);
	return st;
}

static lh_status simple(duck_catdb *d, const char *sql, const char *what, lh_err *err)
{
	duckdb_result r;
	lh_status st = LH_OK;
	if (duckdb_query(d->conn, sql, &r) == DuckDBError)
		st = lh_err_set(err, classify(duckdb_result_error_type(&r)), "catalog '%s': %s failed: %s",
		                d->path, what, duckdb_result_error(&r));
	duckdb_destroy_result(&r);
	return st;
}

static lh_status dk_begin(lh_catdb *db, bool write, lh_err *err)
{
	duck_catdb *d = (duck_catdb *)db;
	/* the file lock already makes every transaction exclusive */
	if (write && db->read_only)
		return lh_catdb_writable(db, err);
	lh_status st = db_open(d, false, err);
	if (st != LH_OK)
		return st;
	st = simple(d, "BEGIN TRANSACTION", "starting a transaction", err);
	if (st != LH_OK) {
		leave(d);
		return st;
	}
	d->depth = 1;
	return LH_OK;
}

static lh_status dk_commit(lh_catdb *db, lh_err *err)
{
	duck_catdb *d = (duck_catdb *)db;
	lh_status st = simple(d, "COMMIT", "committing", err);
	if (st != LH_OK) {
		lh_err ignored = {0};
		simple(d, "ROLLBACK", "rolling back", &ignored);
		lh_err_clear(&ignored);
	}
	d->depth = 0;
	leave(d);
	return st;
}

static void dk_rollback(lh_catdb *db)
{
	duck_catdb *d = (duck_catdb *)db;
	if (d->depth) {
		lh_err ignored = {0};
		simple(d, "ROLLBACK", "rolling back", &ignored);
		lh_err_clear(&ignored);
	}
	d->depth = 0;
	leave(d);
}

static lh_status dk_hold(lh_catdb *db, lh_err *err)
{
	duck_catdb *d = (duck_catdb *)db;
	lh_status st = db_open(d, false, err);
	if (st == LH_OK)
		d->holds++;
	return st;
}

static void dk_release(lh_catdb *db)
{
	duck_catdb *d = (duck_catdb *)db;
	if (d->holds > 0)
		d->holds--;
	leave(d);
}

static void dk_close(lh_catdb *db)
{
	duck_catdb *d = (duck_catdb *)db;
	db_close(d);
	duckdb_disconnect(&d->conn);
	duckdb_close(&d->db);
	free(d->schema);
	free(d->path);
	free(d->lock_path);
	free(d);
}

static const char *dk_column_type(const char *duckdb_type)
{
	return duckdb_type;
}

static lh_status dk_set_schema(lh_catdb *db, const char *schema, bool create, lh_err *err)
{
	duck_catdb *d = (duck_catdb *)db;
	char *copy = lh_strdup(schema);
	if (!copy)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(d->schema);
	d->schema = copy;
	d->make_schema = create;
	if (!d->open)
		return LH_OK; /* taken up when the file is next opened */
	db_close(d);
	return db_open(d, false, err);
}

static const struct lh_catdb_ops duck_ops = {
    .name = "duckdb",
    .column_type = dk_column_type,
    .exec = dk_exec,
    .query = dk_query,
    .script = dk_script,
    .begin = dk_begin,
    .commit = dk_commit,
    .rollback = dk_rollback,
    .close = dk_close,
    .hold = dk_hold,
    .release = dk_release,
    .table_exists_sql = "SELECT count(*) FROM duckdb_tables() WHERE database_name = "
                        "current_database() AND schema_name = current_schema() AND table_name = ?",
    .tables_sql = "SELECT table_name FROM duckdb_tables() WHERE database_name = "
                  "current_database() AND schema_name = current_schema()",
    .set_schema = dk_set_schema,
};

lh_status lh_catdb_open_duckdb(const char *path, bool create, lh_catdb **out_db, lh_err *err)
{
	*out_db = NULL;
	duck_catdb *d = calloc(1, sizeof *d);
	if (!d || !(d->path = lh_strdup(path)) || !(d->lock_path = lh_asprintf("%s.lock", path))) {
		if (d)
			free(d->path);
		free(d);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	d->base.ops = &duck_ops;
	d->base.label = d->path;
	d->lock_fd = -1;
	duckdb_config config = NULL;
	char *open_err = NULL;
	lh_status st = LH_OK;
	if (duckdb_create_config(&config) == DuckDBError) {
		st = lh_err_set(err, LH_ERR_ENGINE, "cannot configure DuckDB");
	} else {
		duckdb_set_config(config, "autoinstall_known_extensions", "false");
		duckdb_set_config(config, "autoload_known_extensions", "false");
		duckdb_set_config(config, "threads", "1");
		if (duckdb_open_ext(NULL, &d->db, config, &open_err) == DuckDBError ||
		    duckdb_connect(d->db, &d->conn) == DuckDBError)
			st = lh_err_set(err, LH_ERR_ENGINE, "cannot start DuckDB for catalog '%s': %s",
			                path, open_err ? open_err : "unknown error");
		duckdb_free(open_err);
		duckdb_destroy_config(&config);
	}
	if (st != LH_OK) {
		free(d->path);
		free(d->lock_path);
		free(d);
		return st;
	}
	/* timestamps read back in UTC, as the other backends give them */
	lh_err ignored = {0};
	plain(d, "SET TimeZone = 'UTC'", &ignored);
	lh_err_clear(&ignored);
	/* check now that the file opens (and create it when asked) */
	st = db_open(d, create, err);
	if (st != LH_OK) {
		dk_close(&d->base);
		return st;
	}
	db_close(d);
	*out_db = &d->base;
	return LH_OK;
}
