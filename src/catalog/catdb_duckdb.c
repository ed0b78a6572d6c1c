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
 *
 * Checkpoints. DuckDB rewrites some blocks of its file in place when it checkpoints (a
 * metadata block that still holds live entries is written again whole), so a process
 * killed in the middle of one can leave a block of the committed state torn, and the
 * file no longer opens ("Corrupt database file: computed checksum ... does not match").
 * Power loss can do the same. So the catalog we attach never checkpoints in place:
 * commits go to its write-ahead log "<file>.wal" (appended and checksummed; DuckDB
 * ignores a torn tail), and the log is folded into the file on a copy:
 *   1. copy <file> and its log to <file>.checkpoint(.wal), CHECKPOINT the copy, fsync it;
 *   2. create <file>.checkpoint-ready and fsync the folder: the point of no return;
 *   3. rename the copy over <file>, remove the log, fsync the folder;
 *   4. remove the marker.
 * A process that dies before 2 leaves the catalog as it was (the next opener removes the
 * copy); after 2, the next opener finishes 3 and 4. All of it happens under the file
 * lock. DuckDB replays the log at every attach (~0.4 ms per KB of log), and the copy
 * costs the file's size, so the log is folded in once it reaches 1/4096 of the file:
 * after every write for catalogs up to a few MB, every ~25 KB of log at 100 MB. Once the
 * file has grown well past its live contents (DuckDB leaks index blocks, see fold), the
 * copy is rebuilt table by table instead of copied byte for byte.
 */
#include "catalog/catdb.h"
#include "util/buf.h"
#include "util/fault.h"
#include "util/fsutil.h"

#include <duckdb.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 10000

typedef struct duck_catdb {
	lh_catdb base;
	char *path;
	char *lock_path;
	char *dir;        /* the folder holding the file, fsync'ed after renames */
	char *wal_path;   /* <file>.wal, DuckDB's write-ahead log */
	char *copy_path;  /* <file>.checkpoint, the copy a checkpoint is made on */
	char *copy_wal_path;
	char *ready_path; /* <file>.checkpoint-ready: the copy is complete, swap it in */
	int lock_fd;      /* -1 when not held */
	int depth;        /* open transactions (0 or 1) */
	int holds;        /* lh_catdb_hold calls not yet released */
	duckdb_database db;     /* in-memory, for the backend's life */
	duckdb_connection conn;
	duckdb_database ck_db;  /* a second in-memory DuckDB for checkpoints of copies, made on */
	duckdb_connection ck_conn; /* first use and dropped after any failure (a failed
	                            * CHECKPOINT invalidates the DuckDB it ran in) */
	bool open;              /* the catalog file is attached as __catalog */
	bool wrote;             /* a statement that may write ran since the file was attached */
	char *schema;           /* METADATA_SCHEMA, or NULL: main */
	bool make_schema;       /* create it when missing */
} duck_catdb;

static void free_paths(duck_catdb *d)
{
	free(d->path);
	free(d->lock_path);
	free(d->dir);
	free(d->wal_path);
	free(d->copy_path);
	free(d->copy_wal_path);
	free(d->ready_path);
}

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

/* An in-memory DuckDB the catalog file is attached to: no extension loading, one
 * thread, and never a checkpoint in place (see the top). */
static lh_status open_instance(duck_catdb *d, duckdb_database *db, duckdb_connection *conn,
                               lh_err *err)
{
	duckdb_config config = NULL;
	char *open_err = NULL;
	*db = NULL;
	*conn = NULL;
	if (duckdb_create_config(&config) == DuckDBError)
		return lh_err_set(err, LH_ERR_ENGINE, "cannot configure DuckDB");
	duckdb_set_config(config, "autoinstall_known_extensions", "false");
	duckdb_set_config(config, "autoload_known_extensions", "false");
	duckdb_set_config(config, "threads", "1");
	/* not when the log grows... */
	duckdb_set_config(config, "checkpoint_threshold", "1PB");
	lh_status st = LH_OK;
	if (duckdb_open_ext(NULL, db, config, &open_err) == DuckDBError) {
		st = lh_err_set(err, LH_ERR_ENGINE, "cannot start DuckDB for catalog '%s': %s", d->path,
		                open_err ? open_err : "unknown error");
		*db = NULL;
	} else if (duckdb_connect(*db, conn) == DuckDBError) {
		st = lh_err_set(err, LH_ERR_ENGINE, "cannot connect to DuckDB for catalog '%s'", d->path);
		duckdb_close(db);
		*conn = NULL;
	}
	duckdb_free(open_err);
	duckdb_destroy_config(&config);
	duckdb_result r;
	/* ...nor when a file is detached; timestamps read back in UTC, as the other backends
	 * give them */
	if (st == LH_OK &&
	    duckdb_query(*conn, "SET TimeZone = 'UTC'; PRAGMA disable_checkpoint_on_shutdown", &r) ==
	        DuckDBError)
		st = lh_err_set(err, LH_ERR_ENGINE, "cannot configure DuckDB for catalog '%s': %s",
		                d->path, duckdb_result_error(&r));
	if (*conn)
		duckdb_destroy_result(&r);
	if (st != LH_OK && *conn) {
		duckdb_disconnect(conn);
		duckdb_close(db);
	}
	return st;
}

static void close_instance(duckdb_database *db, duckdb_connection *conn)
{
	if (*conn)
		duckdb_disconnect(conn);
	if (*db)
		duckdb_close(db);
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

/* ATTACH '<path>'<rest>, rest being " AS name" and whatever follows. */
static lh_status attach(duck_catdb *d, const char *path, const char *rest, lh_err *err)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "ATTACH ");
	lh_buf_sql_str(&sql, path);
	lh_buf_puts(&sql, rest);
	lh_status st = sql.status == LH_OK ? plain(d, lh_buf_str(&sql), err)
	                                   : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&sql);
	return st;
}

/* --- checkpoints on a copy (see the top of the file) ---------------------------------- */

/* 1 when path exists, 0 when it does not, -1 (err set) when that cannot be told: a
 * checkpoint step must not take an unreadable folder for an absent file. */
static int exists(const char *path, lh_err *err)
{
	struct stat st;
	if (stat(path, &st) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;
	lh_err_set(err, LH_ERR_IO, "cannot tell whether '%s' exists: %s", path, strerror(errno));
	return -1;
}

static lh_status remove_if_there(const char *path, lh_err *err)
{
	if (unlink(path) != 0 && errno != ENOENT)
		return lh_err_set(err, LH_ERR_IO, "cannot remove '%s': %s", path, strerror(errno));
	return LH_OK;
}

/* Removes a copy and its log that will not be used (best effort: the next checkpoint or
 * opener removes what is left). */
static void discard_copy(duck_catdb *d)
{
	lh_err ignored = {0};
	remove_if_there(d->copy_path, &ignored);
	remove_if_there(d->copy_wal_path, &ignored);
	lh_err_clear(&ignored);
}

/* Steps 3 and 4: the copy is complete (the marker exists); idempotent. */
static lh_status finish_checkpoint(duck_catdb *d, lh_err *err)
{
	int copy = exists(d->copy_path, err);
	if (copy < 0)
		return LH_ERR_IO;
	if (copy && (lh_fault(LH_FAULT_CATALOG_CHECKPOINT) || rename(d->copy_path, d->path) != 0))
		return lh_err_set(err, LH_ERR_IO, "cannot rename '%s' to '%s': %s", d->copy_path,
		                  d->path, strerror(errno));
	lh_status st = remove_if_there(d->wal_path, err);
	if (st == LH_OK)
		st = remove_if_there(d->copy_wal_path, err);
	if (st == LH_OK)
		st = lh_fsync_path(d->dir, true, err);
	if (st == LH_OK)
		st = remove_if_there(d->ready_path, err);
	if (st == LH_OK)
		st = lh_fsync_path(d->dir, true, err);
	return st;
}

/* Run by whoever takes the lock: finishes a checkpoint past its point of no return, or
 * removes the copy of one that died before it. */
static lh_status recover_checkpoint(duck_catdb *d, lh_err *err)
{
	int ready = exists(d->ready_path, err);
	if (ready < 0)
		return LH_ERR_IO;
	if (!ready) {
		if (!d->base.read_only && (lh_path_exists(d->copy_path) || lh_path_exists(d->copy_wal_path)))
			discard_copy(d);
		return LH_OK;
	}
	/* a reader that cannot finish the swap: before the rename, the file and its log are
	 * still the catalog; after the log is gone, the file alone is */
	if (d->base.read_only && (lh_path_exists(d->copy_path) || !lh_path_exists(d->wal_path)))
		return LH_OK;
	lh_status st = d->base.read_only
	                   ? lh_err_set(err, LH_ERR_IO, "the folder is not writable here")
	                   : finish_checkpoint(d, err);
	if (st != LH_OK)
		lh_err_prefix(err, "catalog '%s' has a checkpoint a process left unfinished (%s) and it "
		                   "cannot be finished: ",
		              d->path, d->ready_path);
	return st;
}

/* A checkpoint that folds the log into a byte copy of the file: cheap, but DuckDB 1.4
 * leaks the old blocks of each PRIMARY KEY index it writes again (duckdb#19468), ~1 MB
 * per checkpoint of a DuckLake catalog. */
static lh_status fold(duck_catdb *d, lh_err *err)
{
	lh_status st = lh_file_copy(d->path, d->copy_path, err);
	if (st == LH_OK)
		st = lh_file_copy(d->wal_path, d->copy_wal_path, err);
	if (st == LH_OK)
		st = attach(d, d->copy_path, " AS __checkpoint; CHECKPOINT __checkpoint", err);
	return st;
}

/* What COPY FROM DATABASE might not carry over exactly (a sequence's position, a view,
 * a macro, a type, an index of its own): a file holding any of them is only folded. */
#define USER_OBJECTS_SQL                                                                         \
	"SELECT (SELECT count(*) FROM duckdb_sequences() WHERE database_name = '__checkpoint_src') " \
	"+ (SELECT count(*) FROM duckdb_views() WHERE database_name = '__checkpoint_src' AND NOT "   \
	"internal) + (SELECT count(*) FROM duckdb_functions() WHERE database_name = "               \
	"'__checkpoint_src' AND NOT internal) + (SELECT count(*) FROM duckdb_types() WHERE "         \
	"database_name = '__checkpoint_src' AND NOT internal) + (SELECT count(*) FROM "             \
	"duckdb_indexes() WHERE database_name = '__checkpoint_src')"

static lh_status query_rows(duck_catdb *d, const char *sql, lh_rows **out, lh_err *err);

/* The SQL comparing the row count of every table of the source with the rebuilt copy. */
static lh_status same_counts_sql(duck_catdb *d, lh_buf *out, lh_err *err)
{
	lh_rows *tables = NULL;
	lh_status st = query_rows(d,
	                          "SELECT schema_name, table_name FROM duckdb_tables() WHERE "
	                          "database_name = '__checkpoint_src'",
	                          &tables, err);
	lh_buf_puts(out, "SELECT true");
	for (size_t i = 0; st == LH_OK && i < tables->nrows; i++) {
		for (int side = 0; side < 2; side++) {
			lh_buf_puts(out, side ? " = (SELECT count(*) FROM __checkpoint."
			                      : " AND (SELECT count(*) FROM __checkpoint_src.");
			lh_buf_sql_ident(out, tables->cells[i * 2]);
			lh_buf_putc(out, '.');
			lh_buf_sql_ident(out, tables->cells[i * 2 + 1]);
			lh_buf_putc(out, ')');
		}
	}
	lh_rows_free(&tables);
	if (st == LH_OK && out->status != LH_OK)
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	return st;
}

/* A checkpoint that writes every table afresh into a new file (COPY FROM DATABASE),
 * leaving the leaked blocks behind; ~0.3 s for a small catalog. Refused for a file that
 * holds objects of its own. */
static lh_status rebuild(duck_catdb *d, lh_err *err)
{
	lh_status st = attach(d, d->path, " AS __checkpoint_src (READ_ONLY)", err);
	lh_rows *n = NULL;
	if (st == LH_OK)
		st = query_rows(d, USER_OBJECTS_SQL, &n, err);
	if (st == LH_OK && strcmp(n->cells[0] ? n->cells[0] : "", "0") != 0)
		st = lh_err_set(err, LH_ERR_UNSUPPORTED,
		                "'%s' holds objects COPY FROM DATABASE may not carry over", d->path);
	lh_rows_free(&n);
	if (st == LH_OK)
		st = attach(d, d->copy_path,
		            " AS __checkpoint; COPY FROM DATABASE __checkpoint_src TO __checkpoint", err);
	/* every row came over, or the copy is not used */
	lh_buf sql;
	lh_buf_init(&sql, 0);
	if (st == LH_OK)
		st = same_counts_sql(d, &sql, err);
	if (st == LH_OK)
		st = query_rows(d, lh_buf_str(&sql), &n, err);
	if (st == LH_OK && strcmp(n->cells[0] ? n->cells[0] : "", "true") != 0)
		st = lh_err_set(err, LH_ERR_INTERNAL, "the rebuilt copy of '%s' lacks rows", d->path);
	lh_rows_free(&n);
	lh_buf_free(&sql);
	if (st == LH_OK)
		st = plain(d, "CHECKPOINT __checkpoint", err);
	return st;
}

/* The size of the file after its last rebuild, kept after the lock file's counter. */
static int64_t rebuilt_size(duck_catdb *d)
{
	int64_t size = 0;
	if (pread(d->lock_fd, &size, sizeof size, sizeof(uint64_t)) != (ssize_t)sizeof size)
		size = 0;
	return size;
}

static void detach_copies(duck_catdb *d)
{
	lh_err ignored = {0};
	plain(d, "DETACH DATABASE IF EXISTS __checkpoint; DETACH DATABASE IF EXISTS "
	         "__checkpoint_src",
	      &ignored);
	lh_err_clear(&ignored);
}

/* The copy made on the checkpoint instance (d->conn is that instance's connection for
 * the span of the call, so plain() and query_rows() run there). A file the rebuild
 * refuses or fails on is folded instead (*folded), until it doubles again. */
static lh_status make_copy(duck_catdb *d, bool rebuilding, bool *folded, lh_err *err)
{
	lh_status st = rebuilding ? rebuild(d, err) : fold(d, err);
	detach_copies(d);
	if (st == LH_OK || !rebuilding)
		return st;
	discard_copy(d);
	lh_err_clear(err);
	*folded = true;
	st = fold(d, err);
	detach_copies(d);
	return st;
}

/* Steps 1 and 2, then the rest. The file is not attached; the lock is held. */
static lh_status checkpoint(duck_catdb *d, lh_err *err)
{
	lh_status st = remove_if_there(d->copy_path, err);
	if (st == LH_OK)
		st = remove_if_there(d->copy_wal_path, err);
	if (st == LH_OK && !d->ck_conn)
		st = open_instance(d, &d->ck_db, &d->ck_conn, err);
	/* rebuilt once it has grown past twice its rebuilt size, by 16 MB or more */
	int64_t size = lh_file_size(d->path);
	bool rebuilding = size > 2 * rebuilt_size(d) + (16 << 20), folded = false;
	if (st == LH_OK) {
		duckdb_connection main = d->conn;
		d->conn = d->ck_conn;
		st = make_copy(d, rebuilding, &folded, err);
		d->conn = main;
		if (st != LH_OK)
			close_instance(&d->ck_db, &d->ck_conn);
	}
	/* CHECKPOINT folds the log in and removes it. A log still there held no whole
	 * commit (the torn first write of a process that was killed): nothing to fold. */
	if (st == LH_OK && lh_path_exists(d->copy_wal_path))
		st = lh_err_set(err, LH_ERR_INTERNAL, "DuckDB left the log of '%s' in place",
		                d->copy_path);
	/* the file keeps its permissions (a group-writable catalog stays so) */
	struct stat orig;
	if (st == LH_OK && stat(d->path, &orig) == 0 && chmod(d->copy_path, orig.st_mode & 07777) != 0)
		st = lh_err_set(err, LH_ERR_IO, "cannot set the mode of '%s': %s", d->copy_path,
		                strerror(errno));
	if (st == LH_OK)
		st = lh_fsync_path(d->copy_path, false, err);
	if (st == LH_OK) {
		int fd = open(d->ready_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0)
			st = lh_err_set(err, LH_ERR_IO, "cannot create '%s': %s", d->ready_path,
			                strerror(errno));
		else
			close(fd);
	}
	if (st != LH_OK) {
		discard_copy(d);
		return st;
	}
	/* from here on a failure leaves the marker, and the next opener finishes the swap */
	st = lh_fsync_path(d->dir, true, err);
	if (st == LH_OK && rebuilding) {
		/* a file that could only be folded waits until it doubles again */
		int64_t now = folded ? size : lh_file_size(d->copy_path);
		if (pwrite(d->lock_fd, &now, sizeof now, sizeof(uint64_t)) != (ssize_t)sizeof now)
			errno = 0; /* only a hint: the next checkpoint rebuilds again */
	}
	return st == LH_OK ? finish_checkpoint(d, err) : st;
}

/* After the file was detached by a writer: folds the log in once it is large enough. A
 * failure changes nothing that was committed (the log still holds every commit) and the
 * next writer tries again; an unfinished swap is finished by the next opener. */
static void maybe_checkpoint(duck_catdb *d)
{
	int64_t log = lh_file_size(d->wal_path);
	if (!d->wrote || d->base.read_only || d->lock_fd < 0 || log <= 0 ||
	    log * 4096 < lh_file_size(d->path))
		return;
	lh_err ignored = {0};
	checkpoint(d, &ignored);
	lh_err_clear(&ignored);
}

static void db_close(duck_catdb *d)
{
	if (d->open) {
		lh_err ignored = {0};
		plain(d, "USE memory", &ignored);
		bool detached = plain(d, "DETACH __catalog", &ignored) == LH_OK;
		lh_err_clear(&ignored);
		d->open = false;
		if (detached) /* never a copy of a file still attached */
			maybe_checkpoint(d);
	}
	d->wrote = false;
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
	if (st == LH_OK && (st = recover_checkpoint(d, err)) != LH_OK)
		drop_lock(d);
	if (st != LH_OK)
		return st;
	st = attach(d, d->path, d->base.read_only ? " AS __catalog (READ_ONLY)" : " AS __catalog", err);
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
	d->wrote = true;
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

/* Takes a result of VARCHAR columns (destroyed here) into *out. */
static lh_status fetch_rows(duckdb_result *res, lh_rows **out, lh_err *err)
{
	lh_status st = LH_OK;
	idx_t nc = duckdb_column_count(res);
	lh_rows *rows = calloc(1, sizeof *rows);
	size_t cap = 0;
	if (!rows)
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	else
		rows->ncols = nc;
	if (rows && (rows->names = calloc(nc + 1, sizeof *rows->names)))
		for (idx_t c = 0; c < nc; c++)
			rows->names[c] = lh_strdup(duckdb_column_name(res, c));
	for (duckdb_data_chunk ch; st == LH_OK && (ch = duckdb_fetch_chunk(*res));) {
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
	duckdb_destroy_result(res);
	if (st != LH_OK)
		lh_rows_free(&rows);
	*out = rows;
	return st;
}

/* The rows of a statement on the attached databases, every value as text. */
static lh_status query_rows(duck_catdb *d, const char *sql, lh_rows **out, lh_err *err)
{
	*out = NULL;
	duckdb_result r;
	lh_status st = run(d, sql, NULL, 0, true, &r, "reading", err);
	return st == LH_OK ? fetch_rows(&r, out, err) : st;
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
	if (st == LH_OK)
		st = fetch_rows(&r, out, err);
	leave(d);
	return st;
}

static lh_status dk_script(lh_catdb *db, const char *sql, lh_err *err)
{
	duck_catdb *d = (duck_catdb *)db;
	lh_status st = enter(d, err);
	if (st != LH_OK)
		return st;
	d->wrote = true;
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
	d->wrote = true;
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
	close_instance(&d->db, &d->conn);
	close_instance(&d->ck_db, &d->ck_conn);
	free(d->schema);
	free_paths(d);
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
	char *dir = lh_strdup(path);
	if (!d || !dir || !(d->path = lh_strdup(path)) || !(d->lock_path = lh_asprintf("%s.lock", path)) ||
	    !(d->dir = lh_strdup(dirname(dir))) || !(d->wal_path = lh_asprintf("%s.wal", path)) ||
	    !(d->copy_path = lh_asprintf("%s.checkpoint", path)) ||
	    !(d->copy_wal_path = lh_asprintf("%s.checkpoint.wal", path)) ||
	    !(d->ready_path = lh_asprintf("%s.checkpoint-ready", path))) {
		free(dir);
		if (d)
			free_paths(d);
		free(d);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	free(dir);
	d->base.ops = &duck_ops;
	d->base.label = d->path;
	d->lock_fd = -1;
	lh_status st = open_instance(d, &d->db, &d->conn, err);
	if (st != LH_OK) {
		free_paths(d);
		free(d);
		return st;
	}
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
