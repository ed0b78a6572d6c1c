/*
 * egress/stream.c - training streams: a pinned snapshot of a table (or of a query's rows,
 * computed once by lake/plan.c) in a seeded order, one consumer's share of it, as Arrow
 * record batches (lh_stream_*), and takes of rows by row id (lh_taker_*, lh_take), both
 * in lakehouse.h.
 *
 * Layer: egress (a service above the lake). The plan (lake/plan.c) fixes the files and
 * their row counts at the snapshot; egress/order.c turns (shuffle, seed, epoch, world,
 * worker) into the positions this consumer gets, each a row of the plan. A stream works
 * on a lake handle of its own (a taker on the caller's), reads rows with DuckDB on
 * connections of its own (and with egress/pqread.c from files in the random-access
 * layout), and builds batches: the chunk DuckDB read as it is when a batch is a slice of
 * one, else each row copied once straight into Arrow buffers (egress/arrow_take.c), else
 * (other column types, materialised objects) through DuckDB's vector copy and Arrow
 * export. With prefetch, a thread of the stream's own builds them ahead and the caller's
 * lh_stream_next takes them in order; the count of samples handed out is the whole
 * resume state, so batches built ahead and not taken are built again on resume.
 *
 * Reading. Files are read in the order's visiting order, each by one streaming query,
 * chunk by chunk, and the chunks are kept in a window: for none/files/block every
 * position of a block lies in one window of the visiting order, so the window only ever
 * moves forward and holds at most one block of rows (plus one chunk), whatever the
 * table's size. A global shuffle holds the whole table, as flat columns when their types
 * allow, when it fits the memory the stream may hold. Rows behind the window (the padding
 * at an epoch's end) and a global shuffle's rows otherwise are read by position: from
 * random-access files by our page reader, from others by one query per file a batch
 * touches, filtered on the Parquet row number (DuckDB decodes the row groups holding
 * them).
 *
 * Takes map each row id to a file and position (row_id_start, or the file's sorted row
 * id column, or its ids loaded once through DuckDB) and read the rows by position.
 */
#include "egress/arrow_take.h"
#include "egress/order.h"
#include "egress/pqread.h"
#include "catalog/model.h"
#include "engine/engine.h"
#include "lake/services.h"
#include "util/buf.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_BATCH 1024
#define STATE_TAG "lhstream1"

typedef struct entry {
	uint64_t vstart; /* visit index of the chunk's first row */
	idx_t n;
	duckdb_data_chunk chunk;
} entry;

typedef LH_VEC(duckdb_data_chunk) chunk_vec;

/* A batch built ahead of the consumer, or how building it failed. */
typedef struct ready {
	struct ArrowArray array; /* release NULL: the end */
	uint64_t rows;
	lh_status status;
	char *msg;
} ready;

/*
 * With prefetch, batches are built on a thread of the stream's own (reading, shuffling,
 * materialising objects) and queued, up to `depth` ahead of the consumer, whose
 * lh_stream_next only takes the next one. The thread works on the stream's own lake
 * handle and connections, which nothing else touches, so the caller may use its lake
 * meanwhile. The order of batches is the same either way.
 */
typedef struct producer {
	pthread_t thread;
	bool running;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	LH_VEC(ready) queue;
	size_t depth;
	bool stop;
	bool over;          /* the consumer took the last batch (or a failure) */
	lh_status last;     /* ... and that was its status */
} producer;

typedef struct out_column {
	char *name;
	duckdb_logical_type type; /* as read (VARCHAR for a materialised *_uri column) */
	bool materialize;         /* becomes the BLOB of the object its value names */
} out_column;

struct lh_stream {
	lh_lake *lake;
	lh_engine *eng; /* our own connection, streaming the file being read */
	lh_engine *eng2; /* another, for reads by position meanwhile */
	lh_plan *plan;
	lh_order order;
	lh_shard shard;
	uint64_t base;  /* the epoch position the split starts at */
	uint64_t total; /* samples this consumer gets */
	uint64_t done;  /* ... given so far */
	char *select;   /* the column list of every read, __lh_pos last */
	out_column *cols; /* the columns delivered, then hidden ones read for materialising */
	size_t ncols;     /* delivered */
	size_t nread;     /* read: delivered + hidden; __lh_pos comes after them */
	ptrdiff_t ranges; /* index of the hidden byte_offset, byte_length, init_length, or -1:
	                     a materialised column of a fragment index is that byte range */
	bool any_materialize;
	bool direct; /* shuffled batches go straight to Arrow (lh_arrow_take) */
	bool whole;  /* global shuffle of a table that fits the memory allowed: the window
	                grows to all of it and nothing is read by position */
	lh_flat *flat; /* ... kept as flat columns when their types allow (s->direct) */
	duckdb_type *type_ids; /* of the columns read (the delivered ones first) */
	duckdb_arrow_options arrow;

	/* the window of the visiting order, in memory */
	LH_VEC(entry) win;
	uint64_t vnext;   /* visit index of the next row the sequential reader reads */
	size_t vfile;     /* index into order.file_order of the file being read */
	uint64_t in_file; /* rows read of that file */
	duckdb_result res;
	bool res_open;
	lh_i64_vec *positions; /* per plan file: its rows' positions, loaded for position reads */
	struct direct_file *direct_files; /* per plan file: read by our Parquet reader? */

	int64_t memory_limit;
	uint64_t built; /* samples of the batches built so far (done: handed out) */
	pid_t pid;      /* the process that opened it: its threads live there */
	lh_lake *own;   /* a stream's own handle on the lake (a taker uses the caller's) */
	producer prod;
	lh_err err;  /* of the code building batches (on the producer thread, if any) */
	lh_err uerr; /* what lh_stream_error says: the caller's thread's */
};

/* A data file read by position with egress/pqread.c instead of a DuckDB query: files in
 * the random-access layout whose columns have the types the stream reads. */
typedef struct direct_file {
	int state; /* 0: not looked at, 1: read directly, -1: through DuckDB */
	lh_pq *pq;
	ptrdiff_t *col; /* per column read: its Parquet column; -1: rowid from row_id_start */
} direct_file;

/* --- errors --------------------------------------------------------------------------- */

static lh_status fail(lh_stream *s, lh_status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static lh_status fail(lh_stream *s, lh_status code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return lh_err_set(&s->err, code, "%s", msg);
}

/* The lake's last error, now the stream's. */
static lh_status from_lake(lh_stream *s, lh_status st)
{
	return lh_err_set(&s->err, st, "%s", lh_lake_error(s->lake));
}

/* --- state strings ---------------------------------------------------------------------- */

/* FNV-1a of the filter text, so a state is never resumed with a different filter. */
static uint64_t text_hash(const char *t)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; t && *t; t++)
		h = (h ^ (unsigned char)*t) * 0x100000001b3ULL;
	return h;
}

typedef struct saved_state {
	int64_t snapshot;
	char table[256];
	uint64_t filter, seed, epoch, block, position;
	char shuffle[16];
} saved_state;

static bool parse_state(const char *text, saved_state *out)
{
	memset(out, 0, sizeof *out);
	char tag[16];
	int used = 0;
	if (sscanf(text,
	           "%15[^;];snapshot=%" SCNd64 ";table=%255[^;];filter=%" SCNx64 ";shuffle=%15[^;]"
	           ";block=%" SCNu64 ";seed=%" SCNu64 ";epoch=%" SCNu64 ";position=%" SCNu64 "%n",
	           tag, &out->snapshot, out->table, &out->filter, out->shuffle, &out->block,
	           &out->seed, &out->epoch, &out->position, &used) != 9)
		return false;
	return strcmp(tag, STATE_TAG) == 0 && text[used] == '\0' && out->snapshot > 0;
}

/* --- opening ------------------------------------------------------------------------------ */

static lh_status add_column(lh_stream *s, lh_buf *sel, const char *name,
                            const lh_stream_options *o)
{
	const lh_plan *p = s->plan;
	bool found = false;
	for (size_t i = 0; i < p->ncolumns && !found; i++)
		found = strcmp(p->columns[i], name) == 0;
	bool rowid = !found && p->rowid && strcmp(name, "rowid") == 0;
	if (!found && !rowid) {
		lh_buf all;
		lh_buf_init(&all, 0);
		for (size_t i = 0; i < p->ncolumns; i++)
			lh_buf_printf(&all, "%s%s", i ? ", " : "", p->columns[i]);
		lh_status st = fail(s, LH_ERR_NOT_FOUND, "column '%s' is not in %s (its columns: %s%s)",
		                    name, p->table, lh_buf_str(&all), p->rowid ? ", rowid" : "");
		lh_buf_free(&all);
		return st;
	}
	for (size_t i = 0; i < s->ncols; i++)
		if (strcmp(s->cols[i].name, name) == 0)
			return fail(s, LH_ERR_INVALID, "column '%s' is asked for twice", name);
	out_column *c = &s->cols[s->ncols++];
	if (!(c->name = lh_strdup(name)))
		return fail(s, LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < o->nmaterialize; i++)
		c->materialize = c->materialize || strcmp(o->materialize[i], name) == 0;
	s->any_materialize = s->any_materialize || c->materialize;
	if (sel->len)
		lh_buf_puts(sel, ", ");
	if (rowid)
		lh_buf_puts(sel, "__lh_rowid AS rowid");
	else
		lh_buf_sql_ident(sel, name);
	return LH_OK;
}

static bool plan_has(const lh_plan *p, const char *column)
{
	for (size_t i = 0; i < p->ncolumns; i++)
		if (strcmp(p->columns[i], column) == 0)
			return true;
	return false;
}

/* The column list, and the types of the columns from a query over no file. */
static lh_status setup_columns(lh_stream *s, const lh_stream_options *o)
{
	const lh_plan *p = s->plan;
	size_t n = o->ncolumns ? o->ncolumns : p->ncolumns;
	s->cols = calloc(n + 3, sizeof *s->cols);
	s->ranges = -1;
	if (!s->cols)
		return fail(s, LH_ERR_NOMEM, "out of memory");
	lh_buf sel;
	lh_buf_init(&sel, 0);
	lh_status st = LH_OK;
	for (size_t i = 0; i < n && st == LH_OK; i++)
		st = add_column(s, &sel, o->ncolumns ? o->columns[i] : p->columns[i], o);
	for (size_t i = 0; i < o->nmaterialize && st == LH_OK; i++) {
		const char *m = o->materialize[i];
		size_t len = m ? strlen(m) : 0;
		bool listed = false;
		for (size_t k = 0; k < s->ncols; k++)
			listed = listed || (m && strcmp(s->cols[k].name, m) == 0);
		if (len <= 4 || strcmp(m + len - 4, "_uri") != 0)
			st = fail(s, LH_ERR_INVALID, "materialize: '%s' is not a *_uri column", m ? m : "");
		else if (!listed)
			st = fail(s, LH_ERR_INVALID, "materialize: '%s' is not among the columns read", m);
	}
	s->nread = s->ncols;
	if (st == LH_OK && s->any_materialize && plan_has(p, "byte_offset") &&
	    plan_has(p, "byte_length")) {
		/* a fragment index (video ingest): the object is init segment + fragment */
		static const char *const hidden[] = {"byte_offset", "byte_length", "init_length"};
		s->ranges = (ptrdiff_t)s->nread;
		for (size_t i = 0; i < 3 && st == LH_OK; i++) {
			out_column *c = &s->cols[s->nread++];
			if (!(c->name = lh_strdup(hidden[i])))
				st = fail(s, LH_ERR_NOMEM, "out of memory");
			if (i < 2 || plan_has(p, hidden[i]))
				lh_buf_printf(&sel, ", CAST(\"%s\" AS BIGINT)", hidden[i]);
			else
				lh_buf_puts(&sel, ", 0::BIGINT");
		}
	}
	lh_buf_puts(&sel, ", CAST(__lh_pos AS BIGINT) AS __lh_pos");
	if (st == LH_OK && sel.status != LH_OK)
		st = fail(s, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK)
		s->select = lh_strdup(lh_buf_str(&sel));
	lh_buf_free(&sel);
	if (st != LH_OK)
		return st;

	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_printf(&q, "SELECT %s FROM (", s->select);
	st = lh_lake_plan_sql(s->lake, p, p->nfiles, &q);
	if (st != LH_OK) {
		lh_buf_free(&q);
		return from_lake(s, st);
	}
	lh_buf_puts(&q, ") LIMIT 0");
	duckdb_result r;
	st = q.status != LH_OK ? fail(s, LH_ERR_NOMEM, "out of memory")
	                       : lh_engine_query(s->eng, lh_buf_str(&q), &r, &s->err);
	lh_buf_free(&q);
	if (st != LH_OK)
		return st;
	for (size_t i = 0; i < s->nread; i++) {
		s->cols[i].type = duckdb_column_logical_type(&r, i);
		if (s->cols[i].materialize && duckdb_get_type_id(s->cols[i].type) != DUCKDB_TYPE_VARCHAR)
			st = fail(s, LH_ERR_TYPE, "materialize: '%s' is not a text column", s->cols[i].name);
		if (s->cols[i].materialize)
			s->cols[i].name[strlen(s->cols[i].name) - 4] = '\0'; /* image_uri -> image */
	}
	duckdb_destroy_result(&r);
	if (st == LH_OK && !(s->type_ids = calloc(s->nread ? s->nread : 1, sizeof *s->type_ids)))
		st = fail(s, LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; st == LH_OK && i < s->nread; i++)
		s->type_ids[i] = duckdb_get_type_id(s->cols[i].type);
	s->direct = st == LH_OK && !s->any_materialize && lh_arrow_take_supports(s->type_ids, s->ncols);
	return st;
}

/* Applies a resume state: pins its snapshot, checks it belongs to this stream. */
static lh_status apply_state(lh_stream *s, const saved_state *ss, lh_shuffle mode, uint64_t seed,
                             uint64_t epoch, uint64_t block)
{
	const lh_plan *p = s->plan;
	const char *what = NULL;
	if (strcmp(ss->table, p->table) != 0)
		what = "table";
	else if (ss->filter != text_hash(p->filter))
		what = "filter";
	else if (strcmp(ss->shuffle, lh_shuffle_name(mode)) != 0)
		what = "shuffle";
	else if (ss->seed != seed)
		what = "seed";
	else if (ss->epoch != epoch)
		what = "epoch";
	else if (ss->block != block)
		what = "block size";
	if (what)
		return fail(s, LH_ERR_INVALID,
		            "the resume state was taken from a stream with another %s (state: table %s, "
		            "shuffle %s, seed %" PRIu64 ", epoch %" PRIu64 "); open the stream as it was",
		            what, ss->table, ss->shuffle, ss->seed, ss->epoch);
	if (ss->position > s->order.n)
		return fail(s, LH_ERR_INVALID, "the resume state's position %" PRIu64
		            " is past the epoch's %" PRIu64 " samples", ss->position, s->order.n);
	s->base = ss->position;
	return LH_OK;
}

/* Whether the rows read, decoded, fit in what the stream may hold: a quarter of the
 * memory_limit (DuckDB has the rest), else $LAKEHOUSE_STREAM_MEMORY bytes, else a quarter
 * of the machine's memory. Decoded size is taken as three times the files' (compressed
 * Parquet). */
static bool fits_in_memory(const lh_stream *s)
{
	uint64_t files = 0;
	for (size_t i = 0; i < s->plan->nfiles; i++)
		files += s->plan->files[i].size > 0 ? (uint64_t)s->plan->files[i].size : 0;
	uint64_t allowed = (uint64_t)s->memory_limit / 4;
	const char *env = getenv("LAKEHOUSE_STREAM_MEMORY");
	if (!allowed && env && *env)
		allowed = strtoull(env, NULL, 10);
	if (!allowed) {
		long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
		allowed = pages > 0 && page > 0 ? (uint64_t)pages * (uint64_t)page / 4 : 0;
	}
	return files * 3 <= allowed;
}

static lh_status open_stream(lh_stream *s, const char *source, const lh_stream_options *o)
{
	lh_shuffle mode = LH_SHUFFLE_BLOCK;
	if (o->shuffle && !lh_shuffle_parse(o->shuffle, &mode))
		return fail(s, LH_ERR_INVALID, "shuffle '%s' is not one of none, files, block, global",
		            o->shuffle);
	saved_state ss;
	if (o->state && !parse_state(o->state, &ss))
		return fail(s, LH_ERR_INVALID, "'%.80s' is not a stream state (it comes from "
		            "lh_stream_state / state_dict())", o->state);
	int64_t tagged = 0;
	if (o->tag && o->version > 0)
		return fail(s, LH_ERR_INVALID, "give a version or a tag, not both");
	if (o->tag && lh_lake_tag_snapshot(s->lake, o->tag, &tagged) != LH_OK)
		return from_lake(s, lh_lake_err(s->lake)->code);
	if (o->state && (o->version > 0 || tagged > 0) && (tagged > 0 ? tagged : o->version) != ss.snapshot)
		return fail(s, LH_ERR_INVALID, "the resume state reads snapshot %" PRId64
		            ", the options ask for %" PRId64, ss.snapshot, tagged > 0 ? tagged : o->version);
	if (o->memory_limit < 0)
		return fail(s, LH_ERR_INVALID, "memory_limit must not be negative");
	s->shard = (lh_shard){.world = o->world_size ? o->world_size : 1, .rank = o->rank,
	                      .workers = o->num_workers ? o->num_workers : 1, .worker = o->worker,
	                      .chunk = o->batch_size ? o->batch_size : DEFAULT_BATCH,
	                      .drop_last = o->drop_last};
	lh_status st = lh_shard_check(&s->shard, &s->err);
	if (st != LH_OK)
		return st;
	if ((st = lh_engine_connect(lh_lake_engine(s->lake), &s->eng, &s->err)) != LH_OK ||
	    (st = lh_engine_connect(lh_lake_engine(s->lake), &s->eng2, &s->err)) != LH_OK)
		return st;
	if (o->memory_limit) {
		char sql[96];
		/* DuckDB gets three quarters (one thread: every thread holds row groups of its
		 * own); the window and the batches being built live in the rest. The settings
		 * are the database's: the stream's own lake's. */
		s->memory_limit = o->memory_limit;
		snprintf(sql, sizeof sql, "SET memory_limit = '%" PRId64 "B'; SET threads = 1",
		         o->memory_limit / 4 * 3);
		if ((st = lh_engine_exec(s->eng, sql, &s->err)) != LH_OK)
			return st;
	}
	duckdb_connection_get_arrow_options(lh_engine_conn(s->eng), &s->arrow);
	int64_t version = o->state ? ss.snapshot : tagged > 0 ? tagged : o->version;
	st = lh_is_query(source) ? lh_lake_plan_query(s->lake, source, version, o->filter, &s->plan)
	                         : lh_lake_plan(s->lake, source, version, o->filter, &s->plan);
	if (st != LH_OK)
		return from_lake(s, st);
	lh_plan *p = s->plan;
	if ((st = setup_columns(s, o)) != LH_OK)
		return st;
	int64_t *rows = calloc(p->nfiles ? p->nfiles : 1, sizeof *rows);
	s->positions = calloc(p->nfiles ? p->nfiles : 1, sizeof *s->positions);
	s->direct_files = calloc(p->nfiles ? p->nfiles : 1, sizeof *s->direct_files);
	if (!rows || !s->positions || !s->direct_files) {
		free(rows);
		return fail(s, LH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < p->nfiles; i++)
		rows[i] = p->files[i].rows;
	st = lh_order_init(&s->order, mode, o->seed, o->epoch, rows, p->nfiles, o->block_size, &s->err);
	free(rows);
	if (st == LH_OK && o->state)
		st = apply_state(s, &ss, mode, o->seed, o->epoch, s->order.block);
	if (st != LH_OK)
		return st;
	s->whole = mode == LH_SHUFFLE_GLOBAL && fits_in_memory(s);
	s->total = lh_shard_worker_count(&s->shard, s->order.n, s->base);
	if (s->order.n == 0 && !s->shard.drop_last)
		s->total = 0; /* nothing to pad with */
	return LH_OK;
}

static lh_status producer_start(lh_stream *s, size_t depth);
static void producer_stop(lh_stream *s);

/* Opens a stream; `own`: on a handle of its own on the lake (a taker uses the caller's). */
static lh_status open_common(lh_lake *lake, const char *source, const lh_stream_options *options,
                             bool own, lh_stream **out_stream, char **out_error)
{
	if (out_stream)
		*out_stream = NULL;
	if (out_error)
		*out_error = NULL;
	if (!lake || !source || !out_stream)
		return LH_ERR_INVALID;
	lh_stream_options o = {0};
	if (options) {
		if (!LH_OPTIONS_SIZE_OK(options)) {
			lh_err e = {0};
			lh_status st = lh_err_options_size(&e, "lh_stream_options", options->struct_size,
			                                   sizeof o);
			if (out_error)
				*out_error = lh_strdup(e.msg);
			lh_err_clear(&e);
			return st;
		}
		o = *options;
	}
	lh_stream *s = calloc(1, sizeof *s);
	if (!s)
		return LH_ERR_NOMEM;
	s->lake = lake;
	s->pid = getpid();
	lh_status st = own ? lh_lake_reopen(lake, &s->own, &s->err) : LH_OK;
	if (own)
		s->lake = s->own;
	if (st == LH_OK)
		st = open_stream(s, source, &o);
	if (st == LH_OK && own && o.prefetch >= 0)
		st = producer_start(s, o.prefetch ? (size_t)o.prefetch : 2);
	if (st != LH_OK) {
		if (out_error)
			*out_error = lh_strdup(s->err.msg);
		lh_stream_close(&s);
		return st;
	}
	*out_stream = s;
	return LH_OK;
}

lh_status lh_stream_open(lh_lake *lake, const char *source, const lh_stream_options *options,
                         lh_stream **out_stream, char **out_error)
{
	return open_common(lake, source, options, true, out_stream, out_error);
}

void lh_stream_close(lh_stream **stream)
{
	if (!stream || !*stream)
		return;
	lh_stream *s = *stream;
	*stream = NULL;
	if (s->pid != getpid())
		return; /* inherited through fork: the parent's DuckDB and thread, left alone */
	producer_stop(s);
	for (size_t i = 0; i < s->win.len; i++)
		duckdb_destroy_data_chunk(&s->win.items[i].chunk);
	LH_VEC_FREE(&s->win);
	if (s->res_open)
		duckdb_destroy_result(&s->res);
	lh_flat_free(&s->flat);
	if (s->positions && s->plan)
		for (size_t i = 0; i < s->plan->nfiles; i++)
			LH_VEC_FREE(&s->positions[i]);
	free(s->positions);
	if (s->direct_files && s->plan)
		for (size_t i = 0; i < s->plan->nfiles; i++) {
			lh_pq_close(&s->direct_files[i].pq);
			free(s->direct_files[i].col);
		}
	free(s->direct_files);
	for (size_t i = 0; i < s->nread; i++) {
		free(s->cols[i].name);
		if (s->cols[i].type)
			duckdb_destroy_logical_type(&s->cols[i].type);
	}
	free(s->cols);
	free(s->type_ids);
	free(s->select);
	lh_order_free(&s->order);
	lh_plan_free(&s->plan);
	if (s->arrow)
		duckdb_destroy_arrow_options(&s->arrow);
	lh_engine_close(&s->eng);
	lh_engine_close(&s->eng2);
	lh_lake_close(&s->own);
	lh_err_clear(&s->err);
	lh_err_clear(&s->uerr);
	free(s);
}

/* --- reading ------------------------------------------------------------------------------ */

/* "SELECT <columns> FROM (<file i's rows>) <where>" */
static lh_status file_query(lh_stream *s, size_t file, const char *where, lh_buf *out)
{
	lh_buf_printf(out, "SELECT %s FROM (", s->select);
	lh_status st = lh_lake_plan_sql(s->lake, s->plan, file, out);
	if (st != LH_OK)
		return from_lake(s, st);
	lh_buf_puts(out, ") __lh_f");
	if (where)
		lh_buf_puts(out, where);
	return out->status == LH_OK ? LH_OK : fail(s, LH_ERR_NOMEM, "out of memory");
}

static lh_status changed_file(lh_stream *s, size_t file, const char *what)
{
	return fail(s, LH_ERR_CORRUPT,
	            "a data file of %s (data_file_id %" PRId64 ") %s than snapshot %" PRId64
	            " records: the file changed after it was written; run `lakehouse verify %s`",
	            s->plan->table, s->plan->files[file].file_id, what, s->plan->snapshot,
	            s->plan->table);
}

/* Reads the next chunk of the visiting order into the window. */
static lh_status read_forward(lh_stream *s)
{
	const lh_order *o = &s->order;
	for (;;) {
		if (s->vfile >= o->nfiles)
			return fail(s, LH_ERR_INTERNAL, "a stream read past the end of %s", s->plan->table);
		size_t file = o->file_order[s->vfile];
		uint64_t want = (uint64_t)s->plan->files[file].rows;
		if (!s->res_open) {
			if (want == 0) {
				s->vfile++;
				continue;
			}
			lh_buf q;
			lh_buf_init(&q, 0);
			lh_status st = file_query(s, file, NULL, &q);
			if (st == LH_OK)
				st = lh_engine_stream(s->eng, lh_buf_str(&q), &s->res, &s->err);
			lh_buf_free(&q);
			if (st != LH_OK)
				return st;
			s->res_open = true;
			s->in_file = 0;
		}
		duckdb_data_chunk ch = duckdb_fetch_chunk(s->res);
		idx_t n = ch ? duckdb_data_chunk_get_size(ch) : 0;
		if (ch && n == 0) { /* an empty chunk is not the end */
			duckdb_destroy_data_chunk(&ch);
			continue;
		}
		if (!ch) {
			const char *e = duckdb_result_error(&s->res);
			if (e) {
				lh_status st = lh_engine_error(&s->err, duckdb_result_error_type(&s->res), e);
				duckdb_destroy_result(&s->res);
				s->res_open = false;
				return st;
			}
			duckdb_destroy_result(&s->res);
			s->res_open = false;
			if (s->in_file != want)
				return changed_file(s, file, "holds fewer rows");
			s->vfile++;
			continue;
		}
		/* rows must come in position order: the window maps them by their rank */
		duckdb_vector pv = duckdb_data_chunk_get_vector(ch, s->nread);
		const int64_t *pos = duckdb_vector_get_data(pv);
		for (idx_t k = 1; k < n; k++)
			if (pos[k] <= pos[k - 1]) {
				duckdb_destroy_data_chunk(&ch);
				return fail(s, LH_ERR_INTERNAL, "rows of a data file of %s came out of order",
				            s->plan->table);
			}
		if (s->in_file + n > want) {
			duckdb_destroy_data_chunk(&ch);
			return changed_file(s, file, "holds more rows");
		}
		entry e = {.vstart = s->vnext, .n = n, .chunk = ch};
		if (LH_VEC_PUSH(&s->win, e) != LH_OK) {
			duckdb_destroy_data_chunk(&ch);
			return fail(s, LH_ERR_NOMEM, "out of memory");
		}
		s->vnext += n;
		s->in_file += n;
		return LH_OK;
	}
}

/* Moves the reader past whole files that end before visit index low, unread. */
static void skip_files_before(lh_stream *s, uint64_t low)
{
	const lh_order *o = &s->order;
	while (!s->res_open && s->vfile < o->nfiles && o->vstart[s->vfile + 1] <= low) {
		s->vfile++;
		s->vnext = o->vstart[s->vfile];
	}
}

/* Drops window chunks wholly before visit index low. */
static void evict_before(lh_stream *s, uint64_t low)
{
	size_t drop = 0;
	while (drop < s->win.len && s->win.items[drop].vstart + s->win.items[drop].n <= low)
		duckdb_destroy_data_chunk(&s->win.items[drop++].chunk);
	if (drop) {
		memmove(s->win.items, s->win.items + drop, (s->win.len - drop) * sizeof(entry));
		s->win.len -= drop;
	}
}

/* The window entry holding visit index v, or -1. */
static ptrdiff_t window_find(const lh_stream *s, uint64_t v)
{
	size_t lo = 0, hi = s->win.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const entry *e = &s->win.items[mid];
		if (v < e->vstart)
			hi = mid;
		else if (v >= e->vstart + e->n)
			lo = mid + 1;
		else
			return (ptrdiff_t)mid;
	}
	return -1;
}

/* Where a batch's row k comes from: a chunk and a row in it. */
typedef lh_arrow_row source;

/* The positions (in the file) of file `file`'s rows, loaded once. */
static lh_status file_positions(lh_stream *s, size_t file, const lh_i64_vec **out)
{
	lh_i64_vec *v = &s->positions[file];
	if (!v->len && s->plan->files[file].rows) {
		lh_buf q;
		lh_buf_init(&q, 0);
		lh_buf_puts(&q, "SELECT __lh_pos FROM (");
		lh_status st = lh_lake_plan_sql(s->lake, s->plan, file, &q);
		if (st != LH_OK) {
			lh_buf_free(&q);
			return from_lake(s, st);
		}
		lh_buf_puts(&q, ")");
		st = lh_engine_int_column(s->eng2, lh_buf_str(&q), v, &s->err);
		lh_buf_free(&q);
		if (st != LH_OK)
			return st;
		if ((int64_t)v->len != s->plan->files[file].rows)
			return changed_file(s, file, "holds another number of rows");
	}
	*out = v;
	return LH_OK;
}

typedef struct want {
	uint64_t pos; /* position in the file */
	size_t k;     /* the batch row it is for */
} want;

static int want_cmp(const void *a, const void *b)
{
	const want *x = a, *y = b;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static duckdb_data_chunk new_chunk(lh_stream *s, bool final);

/* Whether a Parquet column holds values of DuckDB type t as they are. */
static bool same_type(duckdb_type t, lh_pq_type p)
{
	switch (t) {
	case DUCKDB_TYPE_BIGINT:
	case DUCKDB_TYPE_UBIGINT:
	case DUCKDB_TYPE_TIMESTAMP:
	case DUCKDB_TYPE_TIMESTAMP_TZ:
	case DUCKDB_TYPE_TIME:
		return p == LH_PQ_INT64;
	case DUCKDB_TYPE_INTEGER:
	case DUCKDB_TYPE_UINTEGER:
	case DUCKDB_TYPE_DATE:
	case DUCKDB_TYPE_SMALLINT:
	case DUCKDB_TYPE_USMALLINT:
	case DUCKDB_TYPE_TINYINT:
	case DUCKDB_TYPE_UTINYINT:
		return p == LH_PQ_INT32;
	case DUCKDB_TYPE_DOUBLE:
		return p == LH_PQ_DOUBLE;
	case DUCKDB_TYPE_FLOAT:
		return p == LH_PQ_FLOAT;
	case DUCKDB_TYPE_BOOLEAN:
		return p == LH_PQ_BOOLEAN;
	case DUCKDB_TYPE_VARCHAR:
	case DUCKDB_TYPE_BLOB:
		return p == LH_PQ_BYTE_ARRAY;
	default:
		return false;
	}
}

/* Decides (once per file) whether file `file` is read directly, and opens it. */
static lh_status direct_setup(lh_stream *s, size_t file, direct_file **out)
{
	direct_file *d = &s->direct_files[file];
	*out = d;
	if (d->state)
		return LH_OK;
	d->state = -1;
	const lh_plan_file *pf = &s->plan->files[file];
	if (!pf->plain)
		return LH_OK;
	char *local = NULL;
	lh_status st = lh_lake_plan_file(s->lake, s->plan, file, &local);
	if (st != LH_OK)
		return from_lake(s, st);
	lh_err e = {0};
	st = lh_pq_open(local, &d->pq, &e);
	free(local);
	if (st == LH_ERR_NOMEM || st == LH_ERR_IO) {
		lh_err_move(&s->err, &e);
		return st;
	}
	lh_err_clear(&e); /* corrupt or nested: DuckDB reads it, and says what is wrong */
	if (st != LH_OK)
		return LH_OK;
	bool ok = lh_pq_rows(d->pq) >= 0 && (d->col = calloc(s->nread ? s->nread : 1, sizeof *d->col));
	for (size_t c = 0; ok && c < s->nread; c++) {
		duckdb_type t = s->type_ids[c];
		ptrdiff_t pc = -2;
		if (s->plan->rowid && strcmp(s->cols[c].name, "rowid") == 0 && !s->cols[c].materialize) {
			/* from row_id_start, else the file's own row id column */
			pc = pf->row_id_start >= 0 ? -1 : lh_pq_column(d->pq, LH_FIELD_ID_ROW_ID);
			if (pf->row_id_start < 0 && pc < 0)
				pc = -2;
		} else {
			const char *name = s->cols[c].name;
			char uri[300];
			if (s->cols[c].materialize) { /* delivered as "image", read as "image_uri" */
				snprintf(uri, sizeof uri, "%s_uri", name);
				name = uri;
			}
			for (size_t k = 0; k < s->plan->ncolumns; k++)
				if (strcmp(s->plan->columns[k], name) == 0)
					pc = lh_pq_column(d->pq, (int32_t)s->plan->column_ids[k]);
		}
		ok = pc == -1 || (pc >= 0 && lh_pq_readable(d->pq, (size_t)pc) &&
		                  same_type(t, lh_pq_column_type(d->pq, (size_t)pc)));
		if (ok)
			d->col[c] = pc;
	}
	if (ok)
		d->state = 1;
	else
		lh_pq_close(&d->pq);
	return LH_OK;
}

/* Sets row r of vector v (DuckDB type t) from a Parquet value. */
static void put_value(duckdb_vector v, duckdb_type t, idx_t r, const lh_pq_value *x)
{
	if (x->null) {
		duckdb_vector_ensure_validity_writable(v);
		duckdb_validity_set_row_invalid(duckdb_vector_get_validity(v), r);
		return;
	}
	uint8_t *data = duckdb_vector_get_data(v);
	int32_t i32;
	switch (t) {
	case DUCKDB_TYPE_VARCHAR:
	case DUCKDB_TYPE_BLOB:
		duckdb_vector_assign_string_element_len(v, r, (const char *)x->data, x->len);
		return;
	case DUCKDB_TYPE_SMALLINT:
	case DUCKDB_TYPE_USMALLINT:
		memcpy(&i32, x->data, 4);
		int16_t i16 = (int16_t)i32;
		memcpy(data + r * 2, &i16, 2);
		return;
	case DUCKDB_TYPE_TINYINT:
	case DUCKDB_TYPE_UTINYINT:
	case DUCKDB_TYPE_BOOLEAN:
		data[r] = x->data[0];
		return;
	default:
		memcpy(data + r * x->len, x->data, x->len);
	}
}

/* Rows of a directly read file at positions w (sorted) into a fresh chunk. */
static lh_status read_direct(lh_stream *s, size_t file, direct_file *d, want *w, size_t nw,
                             source *src, chunk_vec *chunks)
{
	int64_t rid0 = s->plan->files[file].row_id_start;
	duckdb_data_chunk ch = NULL;
	idx_t r = 0;
	lh_err e = {0};
	lh_status st = LH_OK;
	for (size_t i = 0; i < nw && st == LH_OK; i++) {
		if (i && w[i].pos == w[i - 1].pos) {
			src[w[i].k] = src[w[i - 1].k];
			continue;
		}
		if (!ch || r == duckdb_vector_size()) { /* a chunk holds one vector's rows */
			if (ch)
				duckdb_data_chunk_set_size(ch, r);
			ch = new_chunk(s, false);
			if (!ch || LH_VEC_PUSH(chunks, ch) != LH_OK) {
				duckdb_destroy_data_chunk(&ch);
				return fail(s, LH_ERR_NOMEM, "out of memory");
			}
			r = 0;
		}
		for (size_t c = 0; c < s->nread && st == LH_OK; c++) {
			duckdb_vector v = duckdb_data_chunk_get_vector(ch, c);
			duckdb_type t = s->type_ids[c];
			lh_pq_value x;
			if (d->col[c] == -1) {
				int64_t id = rid0 + (int64_t)w[i].pos;
				x = (lh_pq_value){.data = (const uint8_t *)&id, .len = 8};
				put_value(v, t, r, &x);
			} else if ((st = lh_pq_get(d->pq, (size_t)d->col[c], (int64_t)w[i].pos, &x, &e)) == LH_OK) {
				put_value(v, t, r, &x);
			}
		}
		src[w[i].k] = (source){ch, r++};
	}
	if (ch)
		duckdb_data_chunk_set_size(ch, r);
	if (st != LH_OK) {
		st = lh_err_set(&s->err, st, "%s: data file %" PRId64 " cannot be read: %s; run "
		                "`lakehouse verify %s`", s->plan->table, s->plan->files[file].file_id,
		                e.msg ? e.msg : lh_strerror(st), s->plan->table);
		lh_err_clear(&e);
	}
	return st;
}

/* Reads rows of one file by position into fresh chunks (kept in *chunks until the batch is
 * built), pointing src[k] at them. */
static lh_status read_physical(lh_stream *s, size_t file, want *w, size_t nw, source *src,
                               chunk_vec *chunks);

/* w[].pos: the numbers of the rows among the file's rows the plan reads. */
static lh_status read_by_position(lh_stream *s, size_t file, want *w, size_t nw, source *src,
                                  chunk_vec *chunks)
{
	const lh_i64_vec *positions = NULL;
	lh_status st = LH_OK;
	if (!s->plan->files[file].dense && (st = file_positions(s, file, &positions)) != LH_OK)
		return st;
	for (size_t i = 0; i < nw; i++)
		if (positions)
			w[i].pos = (uint64_t)positions->items[w[i].pos];
	return read_physical(s, file, w, nw, src, chunks);
}

/* w[].pos: positions in the file. */
static lh_status read_physical(lh_stream *s, size_t file, want *w, size_t nw, source *src,
                               chunk_vec *chunks)
{
	lh_status st = LH_OK;
	qsort(w, nw, sizeof *w, want_cmp);
	direct_file *d;
	if ((st = direct_setup(s, file, &d)) != LH_OK)
		return st;
	if (d->state == 1)
		return read_direct(s, file, d, w, nw, src, chunks);
	lh_buf where;
	lh_buf_init(&where, 0);
	lh_buf_puts(&where, " WHERE __lh_pos IN (");
	for (size_t i = 0; i < nw; i++)
		if (!i || w[i].pos != w[i - 1].pos)
			lh_buf_printf(&where, "%s%" PRIu64, i ? "," : "", w[i].pos);
	lh_buf_puts(&where, ")");
	lh_buf q;
	lh_buf_init(&q, 0);
	st = where.status == LH_OK ? file_query(s, file, lh_buf_str(&where), &q)
	                           : fail(s, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&where);
	duckdb_result r;
	if (st == LH_OK)
		st = lh_engine_query(s->eng2, lh_buf_str(&q), &r, &s->err);
	lh_buf_free(&q);
	if (st != LH_OK)
		return st;
	/* DuckDB may return them in any order: each row finds its wants by position */
	size_t found = 0;
	duckdb_data_chunk ch;
	while (st == LH_OK && (ch = duckdb_fetch_chunk(r))) {
		if (LH_VEC_PUSH(chunks, ch) != LH_OK) {
			duckdb_destroy_data_chunk(&ch);
			st = fail(s, LH_ERR_NOMEM, "out of memory");
			break;
		}
		idx_t n = duckdb_data_chunk_get_size(ch);
		const int64_t *pos = duckdb_vector_get_data(duckdb_data_chunk_get_vector(ch, s->nread));
		for (idx_t row = 0; row < n; row++) {
			size_t lo = 0, hi = nw; /* the first want at or after pos[row] */
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (w[mid].pos < (uint64_t)pos[row])
					lo = mid + 1;
				else
					hi = mid;
			}
			for (; lo < nw && w[lo].pos == (uint64_t)pos[row]; lo++, found++)
				src[w[lo].k] = (source){ch, row};
		}
	}
	duckdb_destroy_result(&r);
	if (st == LH_OK && found != nw)
		st = changed_file(s, file, "lacks rows");
	return st;
}

/* --- objects of *_uri columns ------------------------------------------------------------- */

typedef struct blob_job {
	lh_store *store;
	char **paths;   /* full paths or URIs of the objects; NULL: SQL NULL */
	char **local;   /* whole objects: the local files to read (fetched first when remote) */
	const int64_t *range; /* NULL, or per row: byte_offset, byte_length, init_length */
	char **data;
	size_t *len;
	int *err;       /* errno of a failed local read */
	lh_err *serr;   /* a failed ranged read's store error */
	size_t n;
	size_t next;
	pthread_mutex_t mu;
} blob_job;

/* Reads whole local file `path` into *out. */
static int read_whole(const char *path, lh_buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno ? errno : EIO;
	char tmp[65536];
	size_t got;
	while ((got = fread(tmp, 1, sizeof tmp, f)) > 0)
		lh_buf_append(out, tmp, got);
	int e = ferror(f) ? EIO : out->status != LH_OK ? ENOMEM : 0;
	fclose(f);
	return e;
}

/* Row i: the whole object, or its init segment and fragment by two ranged reads. */
static void blob_one(blob_job *j, size_t i)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	int e = 0;
	if (j->range) {
		const int64_t *r = &j->range[3 * i];
		lh_status st = LH_OK;
		if (r[2] > 0)
			st = j->store->ops->read_range(j->store, j->paths[i], 0, r[2], &b, &j->serr[i]);
		if (st == LH_OK)
			st = j->store->ops->read_range(j->store, j->paths[i], r[0], r[1], &b, &j->serr[i]);
		e = st == LH_OK ? 0 : EIO;
	} else {
		e = read_whole(j->local[i], &b);
	}
	if (e) {
		j->err[i] = e;
		lh_buf_free(&b);
		return;
	}
	j->len[i] = b.len;
	j->data[i] = b.data ? b.data : calloc(1, 1);
}

static void *blob_worker(void *arg)
{
	blob_job *j = arg;
	for (;;) {
		pthread_mutex_lock(&j->mu);
		size_t i = j->next++;
		pthread_mutex_unlock(&j->mu);
		if (i >= j->n)
			return NULL;
		if (j->paths[i])
			blob_one(j, i);
	}
}

/* A path must not climb out of the folder it names. */
static bool climbs(const char *uri)
{
	for (const char *p = uri; (p = strstr(p, "..")); p += 2)
		if ((p == uri || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return true;
	return false;
}

#define BLOB_THREADS 8

static void blob_job_free(blob_job *j)
{
	for (size_t i = 0; i < j->n; i++) {
		if (j->paths)
			free(j->paths[i]);
		if (j->local)
			free(j->local[i]);
		if (j->data)
			free(j->data[i]);
		if (j->serr)
			lh_err_clear(&j->serr[i]);
	}
	free(j->paths);
	free(j->local);
	free(j->data);
	free(j->len);
	free(j->err);
	free(j->serr);
	free((void *)j->range);
}

/* The byte ranges of a fragment index's rows (the hidden columns of chunk `in`); a row
 * whose range is missing or impossible fails. */
static lh_status fragment_ranges(lh_stream *s, duckdb_data_chunk in, idx_t n, int64_t **out)
{
	int64_t *r = calloc(3 * (n ? n : 1), sizeof *r);
	if (!r)
		return fail(s, LH_ERR_NOMEM, "out of memory");
	for (int k = 0; k < 3; k++) {
		duckdb_vector v = duckdb_data_chunk_get_vector(in, (idx_t)s->ranges + (idx_t)k);
		const int64_t *d = duckdb_vector_get_data(v);
		for (idx_t i = 0; i < n; i++)
			r[3 * i + (idx_t)k] = lh_vec_valid(v, i) ? d[i] : -1;
	}
	for (idx_t i = 0; i < n; i++)
		if (r[3 * i] < 0 || r[3 * i + 1] <= 0 || r[3 * i + 2] < 0) {
			free(r);
			return fail(s, LH_ERR_CORRUPT, "%s: a fragment row has no valid byte_offset, "
			            "byte_length and init_length", s->plan->table);
		}
	*out = r;
	return LH_OK;
}

/* Column c of the delivered batch: the bytes of the objects the URIs in chunk `in` name
 * (whole, or for a fragment index the init segment and the row's fragment), fetched in
 * parallel through the lake's store. */
static lh_status materialize(lh_stream *s, size_t c, duckdb_data_chunk in, duckdb_vector out, idx_t n)
{
	duckdb_vector uris = duckdb_data_chunk_get_vector(in, c);
	lh_store *store = lh_lake_store(s->lake);
	blob_job j = {.n = n, .store = store};
	j.paths = calloc(n, sizeof *j.paths);
	j.local = calloc(n, sizeof *j.local);
	j.data = calloc(n, sizeof *j.data);
	j.len = calloc(n, sizeof *j.len);
	j.err = calloc(n, sizeof *j.err);
	j.serr = calloc(n, sizeof *j.serr);
	lh_status st = j.paths && j.local && j.data && j.len && j.err && j.serr
	                   ? LH_OK : fail(s, LH_ERR_NOMEM, "out of memory");
	int64_t *range = NULL;
	if (st == LH_OK && s->ranges >= 0 && (st = fragment_ranges(s, in, n, &range)) == LH_OK)
		j.range = range;
	size_t nfull = 0;
	for (idx_t i = 0; i < n && st == LH_OK; i++) {
		char *uri = lh_vec_strdup(uris, i);
		if (!uri)
			continue; /* NULL stays NULL */
		if (!(j.paths[i] = lh_lake_asset_uri(s->lake, uri)))
			st = fail(s, LH_ERR_NOMEM, "out of memory");
		else if (climbs(j.paths[i]) || !lh_str_starts_with(j.paths[i], lh_lake_data_path(s->lake)))
			st = fail(s, LH_ERR_INVALID, "%s.%s_uri: '%s' is not an object of this lake (it "
			          "must lie inside the data path %s); refusing to read it", s->plan->table,
			          s->cols[c].name, uri, lh_lake_data_path(s->lake));
		nfull += j.paths[i] != NULL;
		free(uri);
	}
	if (st == LH_OK && !j.range && store->remote && nfull) {
		/* whole objects: one parallel download of what the cache lacks */
		char **list = calloc(nfull, sizeof *list);
		int64_t *sizes = calloc(nfull, sizeof *sizes);
		size_t m = 0;
		for (idx_t i = 0; list && sizes && i < n; i++)
			if (j.paths[i]) {
				sizes[m] = -1;
				list[m++] = j.paths[i];
			}
		st = list && sizes ? store->ops->fetch(store, list, sizes, m, &s->err)
		                   : fail(s, LH_ERR_NOMEM, "out of memory");
		free(list);
		free(sizes);
	}
	for (idx_t i = 0; i < n && st == LH_OK && !j.range; i++)
		if (j.paths[i] && !(j.local[i] = store->ops->local_path(store, j.paths[i])))
			st = fail(s, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK && nfull) {
		/* a remote store's ranged reads go one at a time (its connections are not ours
		 * to share); local reads in parallel */
		size_t threads = j.range && store->remote ? 0 : (nfull < BLOB_THREADS ? nfull : BLOB_THREADS);
		pthread_t th[BLOB_THREADS];
		size_t nth = 0;
		pthread_mutex_init(&j.mu, NULL);
		for (; nth < threads; nth++)
			if (pthread_create(&th[nth], NULL, blob_worker, &j) != 0)
				break;
		if (nth == 0)
			blob_worker(&j);
		for (size_t t = 0; t < nth; t++)
			pthread_join(th[t], NULL);
		pthread_mutex_destroy(&j.mu);
	}
	for (idx_t i = 0; i < n && st == LH_OK; i++) {
		if (!j.paths[i]) {
			duckdb_vector_ensure_validity_writable(out);
			duckdb_validity_set_row_invalid(duckdb_vector_get_validity(out), i);
		} else if (j.serr[i].code) {
			st = lh_err_set(&s->err, j.serr[i].code, "%s: the fragment of %s_uri '%s' cannot be "
			                "read: %s", s->plan->table, s->cols[c].name, j.paths[i], j.serr[i].msg);
		} else if (j.err[i]) {
			st = fail(s, j.err[i] == ENOENT ? LH_ERR_NOT_FOUND : LH_ERR_IO,
			          "%s: the object of %s_uri at '%s' cannot be read: %s", s->plan->table,
			          s->cols[c].name, j.paths[i], strerror(j.err[i]));
		} else {
			duckdb_vector_assign_string_element_len(out, i, j.data[i], j.len[i]);
		}
	}
	blob_job_free(&j);
	return st;
}

/* --- batches ------------------------------------------------------------------------------ */

/* A chunk of the columns read (final: of the columns delivered, objects as BLOB). */
static duckdb_data_chunk new_chunk(lh_stream *s, bool final)
{
	size_t n = final ? s->ncols : s->nread;
	duckdb_logical_type types[n ? n : 1];
	duckdb_logical_type blob = final && s->any_materialize ? duckdb_create_logical_type(DUCKDB_TYPE_BLOB)
	                                                       : NULL;
	for (size_t i = 0; i < n; i++)
		types[i] = final && s->cols[i].materialize ? blob : s->cols[i].type;
	duckdb_data_chunk ch = duckdb_create_data_chunk(types, n);
	if (blob)
		duckdb_destroy_logical_type(&blob);
	return ch;
}

/* Copies the batch's rows (src[k] for k < n) into one chunk in batch order: first the rows
 * of each source chunk together (one copy per chunk and column), then once reordered. */
/* Runs of consecutive rows of one chunk in the batch (1 for a batch that is a slice of
 * one chunk, about n for a shuffled one). */
static idx_t count_runs(const source *src, idx_t n)
{
	idx_t runs = n ? 1 : 0;
	for (idx_t k = 1; k < n; k++)
		runs += src[k].chunk != src[k - 1].chunk || src[k].row != src[k - 1].row + 1;
	return runs;
}

/* The batch in order, copied run by run (unshuffled reads), or the very chunk read when
 * the batch is all of it. */
static lh_status gather_runs(lh_stream *s, const source *src, idx_t n, duckdb_data_chunk *out)
{
	duckdb_data_chunk res = new_chunk(s, false);
	if (!res)
		return fail(s, LH_ERR_NOMEM, "out of memory");
	if (count_runs(src, n) == 1) {
		/* a slice of one chunk: its vectors, no copy (the Arrow export reads through a
		 * selection) */
		duckdb_selection_vector sel = NULL;
		if (src[0].row != 0 || duckdb_data_chunk_get_size(src[0].chunk) != n) {
			if (!(sel = duckdb_create_selection_vector(n))) {
				duckdb_destroy_data_chunk(&res);
				return fail(s, LH_ERR_NOMEM, "out of memory");
			}
			sel_t *sd = duckdb_selection_vector_get_data_ptr(sel);
			for (idx_t q = 0; q < n; q++)
				sd[q] = (sel_t)(src[0].row + q);
		}
		for (size_t c = 0; c < s->nread; c++) {
			duckdb_vector v = duckdb_data_chunk_get_vector(res, c);
			duckdb_vector_reference_vector(v, duckdb_data_chunk_get_vector(src[0].chunk, c));
			if (sel)
				duckdb_slice_vector(v, sel, n);
		}
		if (sel)
			duckdb_destroy_selection_vector(sel);
	} else {
		duckdb_selection_vector sel = duckdb_create_selection_vector(n);
		if (!sel) {
			duckdb_destroy_data_chunk(&res);
			return fail(s, LH_ERR_NOMEM, "out of memory");
		}
		sel_t *sd = duckdb_selection_vector_get_data_ptr(sel);
		for (idx_t k = 0; k < n;) {
			idx_t m = 1;
			while (k + m < n && src[k + m].chunk == src[k].chunk &&
			       src[k + m].row == src[k].row + m)
				m++;
			for (idx_t q = 0; q < m; q++)
				sd[q] = (sel_t)(src[k].row + q);
			for (size_t c = 0; c < s->nread; c++)
				duckdb_vector_copy_sel(duckdb_data_chunk_get_vector(src[k].chunk, c),
				                       duckdb_data_chunk_get_vector(res, c), sel, m, 0, k);
			k += m;
		}
		duckdb_destroy_selection_vector(sel);
	}
	duckdb_data_chunk_set_size(res, n);
	*out = res;
	return LH_OK;
}

static lh_status gather(lh_stream *s, const source *src, idx_t n, duckdb_data_chunk *out)
{
	if (count_runs(src, n) <= n / 16 + 1)
		return gather_runs(s, src, n, out);
	duckdb_data_chunk stage = new_chunk(s, false), res = new_chunk(s, false);
	duckdb_selection_vector sel = duckdb_create_selection_vector(n);
	duckdb_selection_vector perm = duckdb_create_selection_vector(n);
	bool *taken = calloc(n, 1);
	if (!stage || !res || !sel || !perm || !taken) {
		free(taken);
		if (sel)
			duckdb_destroy_selection_vector(sel);
		if (perm)
			duckdb_destroy_selection_vector(perm);
		duckdb_destroy_data_chunk(&stage);
		duckdb_destroy_data_chunk(&res);
		return fail(s, LH_ERR_NOMEM, "out of memory");
	}
	sel_t *sd = duckdb_selection_vector_get_data_ptr(sel);
	sel_t *pd = duckdb_selection_vector_get_data_ptr(perm);
	idx_t staged = 0;
	for (idx_t k = 0; k < n; k++) {
		if (taken[k])
			continue;
		/* every row of the batch from this chunk */
		idx_t m = 0;
		for (idx_t q = k; q < n; q++)
			if (!taken[q] && src[q].chunk == src[k].chunk) {
				taken[q] = true;
				sd[m++] = (sel_t)src[q].row;
				pd[q] = (sel_t)(staged + m - 1);
			}
		for (size_t c = 0; c < s->nread; c++)
			duckdb_vector_copy_sel(duckdb_data_chunk_get_vector(src[k].chunk, c),
			                       duckdb_data_chunk_get_vector(stage, c), sel, m, 0, staged);
		staged += m;
	}
	duckdb_data_chunk_set_size(stage, n);
	for (size_t c = 0; c < s->nread; c++)
		duckdb_vector_copy_sel(duckdb_data_chunk_get_vector(stage, c),
		                       duckdb_data_chunk_get_vector(res, c), perm, n, 0, 0);
	duckdb_data_chunk_set_size(res, n);
	free(taken);
	duckdb_destroy_selection_vector(sel);
	duckdb_destroy_selection_vector(perm);
	duckdb_destroy_data_chunk(&stage);
	*out = res;
	return LH_OK;
}

/* The chunk with *_uri columns replaced by their objects. */
static lh_status finish(lh_stream *s, duckdb_data_chunk in, idx_t n, duckdb_data_chunk *out)
{
	*out = NULL;
	duckdb_data_chunk res = new_chunk(s, true);
	if (!res)
		return fail(s, LH_ERR_NOMEM, "out of memory");
	lh_status st = LH_OK;
	for (size_t c = 0; c < s->ncols && st == LH_OK; c++) {
		duckdb_vector from = duckdb_data_chunk_get_vector(in, c);
		duckdb_vector to = duckdb_data_chunk_get_vector(res, c);
		if (s->cols[c].materialize)
			st = materialize(s, c, in, to, n);
		else
			duckdb_vector_reference_vector(to, from);
	}
	duckdb_data_chunk_set_size(res, n);
	if (st != LH_OK)
		duckdb_destroy_data_chunk(&res);
	*out = res;
	return st;
}

/* DuckDB ran out of the memory the stream allows: say which limit and what to do, not
 * DuckDB's advice about settings the caller does not control. */
/* Reads the whole table into flat columns (a global shuffle that fits in memory). */
static lh_status load_flat(lh_stream *s)
{
	if (s->flat)
		return LH_OK;
	lh_status st = lh_flat_new(s->type_ids, s->ncols, s->order.n, &s->flat);
	if (st != LH_OK)
		return fail(s, st, "cannot hold %s in memory: %s", s->plan->table, lh_strerror(st));
	while (st == LH_OK && s->vnext < s->order.n) {
		st = read_forward(s);
		if (st == LH_OK && (st = lh_flat_append(s->flat, s->win.items[s->win.len - 1].chunk)) != LH_OK)
			fail(s, st, "cannot hold %s in memory: %s", s->plan->table, lh_strerror(st));
		evict_before(s, s->vnext);
	}
	if (st != LH_OK)
		lh_flat_free(&s->flat);
	return st;
}

static void too_little_memory(lh_stream *s)
{
	const char *msg = s->err.msg ? s->err.msg : "";
	const char *nl = strchr(msg, '\n');
	char first[256];
	snprintf(first, sizeof first, "%.*s", (int)(nl ? nl - msg : (ptrdiff_t)strlen(msg)), msg);
	fail(s, LH_ERR_NOMEM,
	     "memory_limit %" PRId64 " MiB is too small to read %s (%s); the rows of one "
	     "Parquet row group of the columns read must fit: raise memory_limit or read fewer "
	     "columns",
	     s->memory_limit >> 20, s->plan->table, first);
}

/* The next batch (*rows samples; none at the end) of this consumer's share. */
static lh_status build_batch(lh_stream *s, struct ArrowArray *out, uint64_t *rows)
{
	memset(out, 0, sizeof *out);
	*rows = 0;
	lh_err_clear(&s->err);
	uint64_t chunk = s->shard.chunk, left = s->total - s->built;
	uint64_t room = chunk - s->built % chunk;
	idx_t n = (idx_t)(left < room ? left : room);
	if (n > duckdb_vector_size())
		n = duckdb_vector_size();
	if (n == 0)
		return LH_OK;
	const lh_order *o = &s->order;
	uint64_t *visit = malloc(n * sizeof *visit);
	source *src = calloc(n, sizeof *src);
	want *w = malloc(n * sizeof *w);
	chunk_vec fetched = {0};
	lh_status st = visit && src && w ? LH_OK : fail(s, LH_ERR_NOMEM, "out of memory");
	uint64_t vmax = 0, first = 0;
	bool sequential = o->mode != LH_SHUFFLE_GLOBAL || s->whole;
	for (idx_t k = 0; k < n && st == LH_OK; k++)
		visit[k] = lh_shard_position(&s->shard, o->n, s->base, s->built + k);
	if (st == LH_OK) {
		first = visit[0];
		lh_order_visit_many(o, visit, n, visit);
	}
	for (idx_t k = 0; k < n && st == LH_OK; k++)
		if (visit[k] > vmax)
			vmax = visit[k];
	bool flat = s->whole && s->direct;
	if (st == LH_OK && flat && (st = load_flat(s)) == LH_OK &&
	    (st = lh_flat_take(s->flat, visit, n, out)) != LH_OK)
		fail(s, st, "cannot build a batch of %zu rows: %s", (size_t)n, lh_strerror(st));
	if (st == LH_OK && sequential && !flat) {
		/* the window starts at the block of the batch's first position; rows further
		 * back (padding wrapped to the epoch's start) are read by position */
		uint64_t low = s->whole ? 0 : o->mode == LH_SHUFFLE_BLOCK ? first / o->block * o->block : first;
		evict_before(s, low);
		skip_files_before(s, low); /* a resumed stream starts far ahead */
		while (st == LH_OK && s->vnext < low) {
			st = read_forward(s);
			evict_before(s, low);
		}
		while (st == LH_OK && s->vnext <= vmax)
			st = read_forward(s);
		for (idx_t k = 0; k < n && st == LH_OK; k++) {
			ptrdiff_t e = window_find(s, visit[k]);
			if (e >= 0)
				src[k] = (source){s->win.items[e].chunk, (idx_t)(visit[k] - s->win.items[e].vstart)};
		}
	}
	/* everything not in the window, by position, one query per file */
	for (idx_t k = 0; k < n && st == LH_OK && !flat; k++) {
		if (src[k].chunk)
			continue;
		size_t vf;
		uint64_t off;
		lh_order_locate(o, visit[k], &vf, &off);
		size_t nw = 0;
		for (idx_t q = k; q < n; q++) {
			size_t vq;
			uint64_t oq;
			if (src[q].chunk)
				continue;
			lh_order_locate(o, visit[q], &vq, &oq);
			if (vq == vf)
				w[nw++] = (want){oq, q};
		}
		st = read_by_position(s, o->file_order[vf], w, nw, src, &fetched);
	}
	/* an unshuffled batch that crosses from one chunk read into the next ends at the
	 * first, so it needs no copy (the next batch starts with the rest) */
	if (st == LH_OK && !flat && n > 1 && count_runs(src, n) <= n / 16 + 1) {
		idx_t run = 1;
		while (run < n && src[run].chunk == src[0].chunk && src[run].row == src[0].row + run)
			run++;
		n = run;
	}
	duckdb_data_chunk batch = NULL, final = NULL;
	bool direct = st == LH_OK && !flat && s->direct && count_runs(src, n) > 1;
	if (direct && (st = lh_arrow_take(src, n, s->type_ids, s->ncols, out)) != LH_OK)
		fail(s, st, "cannot build a batch of %zu rows: %s", (size_t)n, lh_strerror(st));
	bool chunked = st == LH_OK && !flat && !direct;
	if (chunked)
		st = gather(s, src, n, &batch);
	if (st == LH_OK && chunked)
		st = finish(s, batch, n, &final);
	if (st == LH_OK && chunked) {
		duckdb_error_data e = duckdb_data_chunk_to_arrow(s->arrow, final, out);
		if (e && duckdb_error_data_has_error(e))
			st = fail(s, LH_ERR_ENGINE, "Arrow export failed: %s", duckdb_error_data_message(e));
		if (e)
			duckdb_destroy_error_data(&e);
	}
	if (st == LH_OK) {
		s->built += n;
		*rows = n;
	} else if (st == LH_ERR_NOMEM && s->memory_limit) {
		too_little_memory(s);
	}
	duckdb_destroy_data_chunk(&final);
	duckdb_destroy_data_chunk(&batch);
	for (size_t i = 0; i < fetched.len; i++)
		duckdb_destroy_data_chunk(&fetched.items[i]);
	LH_VEC_FREE(&fetched);
	free(visit);
	free(src);
	free(w);
	return st;
}

/* --- building ahead --------------------------------------------------------------------- */

static void *producer_main(void *arg)
{
	lh_stream *s = arg;
	producer *p = &s->prod;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->queue.len >= p->depth)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->stop)
			break;
		pthread_mutex_unlock(&p->mu);
		ready r = {0};
		r.status = build_batch(s, &r.array, &r.rows);
		if (r.status != LH_OK)
			r.msg = lh_strdup(s->err.msg ? s->err.msg : lh_strerror(r.status));
		pthread_mutex_lock(&p->mu);
		if (LH_VEC_PUSH(&p->queue, r) != LH_OK) {
			if (r.array.release)
				r.array.release(&r.array);
			free(r.msg);
			p->stop = true; /* the consumer learns it from an empty, stopped queue */
		}
		pthread_cond_broadcast(&p->cv);
		if (r.status != LH_OK || !r.array.release)
			break; /* the end, or a failure: nothing more to build */
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static lh_status producer_start(lh_stream *s, size_t depth)
{
	producer *p = &s->prod;
	p->depth = depth;
	if (pthread_mutex_init(&p->mu, NULL) != 0)
		return fail(s, LH_ERR_NOMEM, "cannot create the stream's mutex");
	if (pthread_cond_init(&p->cv, NULL) != 0) {
		pthread_mutex_destroy(&p->mu);
		return fail(s, LH_ERR_NOMEM, "cannot create the stream's condition variable");
	}
	int rc = pthread_create(&p->thread, NULL, producer_main, s);
	if (rc != 0) {
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
		return fail(s, LH_ERR_NOMEM, "cannot start the stream's thread: %s", strerror(rc));
	}
	p->running = true;
	return LH_OK;
}

static void producer_stop(lh_stream *s)
{
	producer *p = &s->prod;
	if (!p->running)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	for (size_t i = 0; i < p->queue.len; i++) {
		if (p->queue.items[i].array.release)
			p->queue.items[i].array.release(&p->queue.items[i].array);
		free(p->queue.items[i].msg);
	}
	LH_VEC_FREE(&p->queue);
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	p->running = false;
}

lh_status lh_stream_next(lh_stream *s, struct ArrowArray *out)
{
	if (!s || !out)
		return LH_ERR_INVALID;
	memset(out, 0, sizeof *out);
	if (s->pid != getpid())
		return lh_err_set(&s->uerr, LH_ERR_INVALID, "this stream was opened by process %d: "
		                  "open a stream in each process (after fork)", (int)s->pid);
	producer *p = &s->prod;
	if (!p->running) {
		uint64_t rows = 0;
		lh_status st = build_batch(s, out, &rows);
		s->done += rows;
		if (st == LH_OK)
			lh_err_clear(&s->uerr);
		else
			lh_err_set(&s->uerr, st, "%s", s->err.msg ? s->err.msg : lh_strerror(st));
		return st;
	}
	if (p->over) /* after the end, the end again; after a failure, the failure */
		return p->last;
	pthread_mutex_lock(&p->mu);
	while (!p->queue.len && !p->stop)
		pthread_cond_wait(&p->cv, &p->mu);
	ready r = {.status = LH_ERR_NOMEM};
	if (p->queue.len) {
		r = p->queue.items[0];
		memmove(p->queue.items, p->queue.items + 1, --p->queue.len * sizeof *p->queue.items);
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	*out = r.array;
	s->done += r.rows;
	if (r.status == LH_OK)
		lh_err_clear(&s->uerr);
	else
		lh_err_set(&s->uerr, r.status, "%s", r.msg ? r.msg : "out of memory");
	free(r.msg);
	if (r.status != LH_OK || !r.array.release) {
		p->over = true;
		p->last = r.status;
	}
	return r.status;
}

lh_status lh_stream_schema(lh_stream *s, struct ArrowSchema *out)
{
	if (!s || !out)
		return LH_ERR_INVALID;
	memset(out, 0, sizeof *out);
	duckdb_logical_type types[s->ncols ? s->ncols : 1];
	const char *names[s->ncols ? s->ncols : 1];
	duckdb_logical_type blob = duckdb_create_logical_type(DUCKDB_TYPE_BLOB);
	for (size_t i = 0; i < s->ncols; i++) {
		types[i] = s->cols[i].materialize ? blob : s->cols[i].type;
		names[i] = s->cols[i].name;
	}
	duckdb_error_data e = duckdb_to_arrow_schema(s->arrow, types, names, s->ncols, out);
	duckdb_destroy_logical_type(&blob);
	lh_status st = LH_OK;
	if (e && duckdb_error_data_has_error(e))
		st = lh_err_set(&s->uerr, LH_ERR_ENGINE, "Arrow schema export failed: %s",
		                duckdb_error_data_message(e));
	if (e)
		duckdb_destroy_error_data(&e);
	return st;
}

int64_t lh_stream_snapshot(const lh_stream *s)
{
	return s ? s->plan->snapshot : -1;
}

int64_t lh_stream_total(const lh_stream *s)
{
	return s ? (int64_t)s->total : 0;
}

int64_t lh_stream_delivered(const lh_stream *s)
{
	return s ? (int64_t)s->done : 0;
}

lh_status lh_stream_state(lh_stream *s, int64_t rank_samples, char **out)
{
	if (!s || !out)
		return LH_ERR_INVALID;
	*out = NULL;
	lh_err_clear(&s->uerr);
	if (rank_samples < 0) {
		if (s->shard.workers > 1)
			return lh_err_set(&s->uerr, LH_ERR_INVALID, "with %" PRIu64 " workers a stream "
			                  "does not know its rank's count: pass the samples the rank "
			                  "consumed", s->shard.workers);
		rank_samples = (int64_t)s->done;
	}
	uint64_t pos = s->base + (uint64_t)rank_samples * s->shard.world;
	if (pos > s->order.n)
		pos = s->order.n; /* padding: the epoch is over */
	*out = lh_asprintf(STATE_TAG ";snapshot=%" PRId64 ";table=%s;filter=%016" PRIx64
	                   ";shuffle=%s;block=%" PRIu64 ";seed=%" PRIu64 ";epoch=%" PRIu64
	                   ";position=%" PRIu64,
	                   s->plan->snapshot, s->plan->table, text_hash(s->plan->filter),
	                   lh_shuffle_name(s->order.mode), s->order.block, s->order.seed,
	                   s->order.epoch, pos);
	return *out ? LH_OK : lh_err_set(&s->uerr, LH_ERR_NOMEM, "out of memory");
}

const char *lh_stream_error(const lh_stream *s)
{
	return s && s->uerr.msg ? s->uerr.msg : "";
}

/* --- takes by row id ------------------------------------------------------------------------ */

/* The row ids a data file holds, and how to find one's position. */
typedef struct id_map {
	int64_t lo, hi;    /* the smallest and largest id in the file */
	size_t file;
	bool by_start;     /* position = id - row_id_start */
	bool by_column;    /* positions by binary search in its sorted row id column (pqread) */
	int64_t *ids, *pos; /* else: its live rows' ids, sorted, and their positions */
	size_t n;
} id_map;

struct lh_taker {
	lh_stream *s;
	id_map *maps; /* sorted by lo; built on the first take */
	size_t nmaps;
	bool ready;
};

static int id_map_cmp(const void *a, const void *b)
{
	const id_map *x = a, *y = b;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* A file whose ids are in its row id column: sorted (pqread), else loaded through DuckDB. */
static lh_status map_by_ids(lh_stream *s, id_map *m)
{
	const lh_plan_file *pf = &s->plan->files[m->file];
	direct_file *d;
	lh_status st = direct_setup(s, m->file, &d);
	if (st != LH_OK)
		return st;
	ptrdiff_t rc = d->state == 1 ? lh_pq_column(d->pq, LH_FIELD_ID_ROW_ID) : -1;
	if (rc >= 0 && lh_pq_readable(d->pq, (size_t)rc) &&
	    lh_pq_column_type(d->pq, (size_t)rc) == LH_PQ_INT64 && pf->record_count > 0) {
		/* one pass to check the column is ascending (compaction writes it so) */
		lh_err e = {0};
		int64_t prev = INT64_MIN;
		bool sorted = true;
		for (int64_t p = 0; sorted && p < pf->record_count; p++) {
			lh_pq_value v;
			if (lh_pq_get(d->pq, (size_t)rc, p, &v, &e) != LH_OK || v.null) {
				sorted = false;
				break;
			}
			int64_t id;
			memcpy(&id, v.data, 8);
			if (p == 0)
				m->lo = id;
			sorted = id > prev;
			prev = m->hi = id;
		}
		lh_err_clear(&e);
		if (sorted) {
			m->by_column = true;
			return LH_OK;
		}
	}
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT __lh_rowid, __lh_pos FROM (");
	st = lh_lake_plan_sql(s->lake, s->plan, m->file, &q);
	if (st != LH_OK) {
		lh_buf_free(&q);
		return from_lake(s, st);
	}
	lh_buf_puts(&q, ") ORDER BY 1");
	duckdb_result r;
	st = lh_engine_query(s->eng2, lh_buf_str(&q), &r, &s->err);
	lh_buf_free(&q);
	if (st != LH_OK)
		return st;
	size_t cap = (size_t)(pf->rows > 0 ? pf->rows : 1);
	m->ids = malloc(cap * sizeof *m->ids);
	m->pos = malloc(cap * sizeof *m->pos);
	duckdb_data_chunk ch;
	while (st == LH_OK && (ch = duckdb_fetch_chunk(r))) {
		idx_t k = duckdb_data_chunk_get_size(ch);
		const int64_t *id = duckdb_vector_get_data(duckdb_data_chunk_get_vector(ch, 0));
		const int64_t *pos = duckdb_vector_get_data(duckdb_data_chunk_get_vector(ch, 1));
		if (!m->ids || !m->pos)
			st = fail(s, LH_ERR_NOMEM, "out of memory");
		else if (m->n + k > cap)
			st = changed_file(s, m->file, "holds more rows");
		for (idx_t i = 0; st == LH_OK && i < k; i++, m->n++) {
			m->ids[m->n] = id[i];
			m->pos[m->n] = pos[i];
		}
		duckdb_destroy_data_chunk(&ch);
	}
	duckdb_destroy_result(&r);
	if (st == LH_OK && m->n) {
		m->lo = m->ids[0];
		m->hi = m->ids[m->n - 1];
	} else if (st == LH_OK) {
		m->lo = 1;
		m->hi = 0; /* holds nothing */
	}
	return st;
}

static lh_status taker_ready(lh_taker *t)
{
	if (t->ready)
		return LH_OK;
	lh_stream *s = t->s;
	t->maps = calloc(s->plan->nfiles ? s->plan->nfiles : 1, sizeof *t->maps);
	if (!t->maps)
		return fail(s, LH_ERR_NOMEM, "out of memory");
	lh_status st = LH_OK;
	for (size_t i = 0; i < s->plan->nfiles && st == LH_OK; i++) {
		const lh_plan_file *pf = &s->plan->files[i];
		id_map *m = &t->maps[t->nmaps++];
		m->file = i;
		if (pf->row_id_start >= 0 && pf->plain) {
			m->by_start = true;
			m->lo = pf->row_id_start;
			m->hi = pf->row_id_start + pf->record_count - 1;
		} else {
			st = map_by_ids(s, m);
		}
	}
	if (st == LH_OK) {
		qsort(t->maps, t->nmaps, sizeof *t->maps, id_map_cmp);
		t->ready = true;
	}
	return st;
}

static ptrdiff_t find_i64(const int64_t *v, size_t n, int64_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == x ? (ptrdiff_t)lo : -1;
}

/* The position of row id `id` in map m's file if a live row has it; -1 if not. */
static lh_status position_of(lh_stream *s, id_map *m, int64_t id, int64_t *out)
{
	*out = -1;
	if (id < m->lo || id > m->hi)
		return LH_OK;
	const lh_plan_file *pf = &s->plan->files[m->file];
	int64_t pos = -1;
	if (m->ids) {
		ptrdiff_t k = find_i64(m->ids, m->n, id);
		*out = k < 0 ? -1 : m->pos[k];
		return LH_OK; /* the live rows only */
	}
	if (m->by_start) {
		pos = id - m->lo;
	} else if (m->by_column) {
		direct_file *d = &s->direct_files[m->file];
		size_t rc = (size_t)lh_pq_column(d->pq, LH_FIELD_ID_ROW_ID);
		int64_t lo = 0, hi = pf->record_count - 1;
		lh_err e = {0};
		while (lo <= hi) {
			int64_t mid = lo + (hi - lo) / 2, v;
			lh_pq_value x;
			lh_status st = lh_pq_get(d->pq, rc, mid, &x, &e);
			if (st != LH_OK) {
				lh_err_move(&s->err, &e);
				return st;
			}
			memcpy(&v, x.data, 8);
			if (v == id) {
				pos = mid;
				break;
			}
			if (v < id)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
	}
	if (pos < 0 || pf->dense) {
		*out = pos;
		return LH_OK;
	}
	const lh_i64_vec *live; /* deleted or filtered out? */
	lh_status st = file_positions(s, m->file, &live);
	if (st == LH_OK && find_i64(live->items, live->len, pos) >= 0)
		*out = pos;
	return st;
}

lh_status lh_taker_open(lh_lake *lake, const char *table, const char *const *columns,
                        size_t ncolumns, int64_t version, lh_taker **out, char **out_error)
{
	if (out)
		*out = NULL;
	if (!out)
		return LH_ERR_INVALID;
	lh_taker *t = calloc(1, sizeof *t);
	if (!t)
		return LH_ERR_NOMEM;
	lh_stream_options o = {.columns = columns, .ncolumns = ncolumns, .version = version,
	                       .shuffle = "none"};
	lh_status st = LH_OK;
	if (table && lh_is_query(table)) {
		if (out_error)
			*out_error = lh_strdup("takes read a table by DuckLake row id; a query's rows "
			                       "have none (stream the query instead)");
		st = LH_ERR_INVALID;
	}
	if (st == LH_OK)
		st = open_common(lake, table, &o, false, &t->s, out_error);
	if (st != LH_OK) {
		free(t);
		return st;
	}
	*out = t;
	return LH_OK;
}

void lh_taker_close(lh_taker **tp)
{
	if (!tp || !*tp)
		return;
	lh_taker *t = *tp;
	for (size_t i = 0; i < t->nmaps; i++) {
		free(t->maps[i].ids);
		free(t->maps[i].pos);
	}
	free(t->maps);
	lh_stream_close(&t->s);
	free(t);
	*tp = NULL;
}

lh_status lh_taker_schema(lh_taker *t, struct ArrowSchema *out)
{
	return t ? lh_stream_schema(t->s, out) : LH_ERR_INVALID;
}

int64_t lh_taker_snapshot(const lh_taker *t)
{
	return t ? lh_stream_snapshot(t->s) : -1;
}

int64_t lh_taker_rows(const lh_taker *t)
{
	return t ? t->s->plan->rows : 0;
}

const char *lh_taker_error(const lh_taker *t)
{
	if (!t)
		return "";
	return t->s->err.msg ? t->s->err.msg : t->s->uerr.msg ? t->s->uerr.msg : "";
}

#define MISSING_SHOWN 10

/* The batch of rows src[0..n) as Arrow. */
static lh_status batch_to_arrow(lh_stream *s, const source *src, idx_t n, struct ArrowArray *out)
{
	if (s->direct)
		return lh_arrow_take(src, n, s->type_ids, s->ncols, out) == LH_OK
		           ? LH_OK : fail(s, LH_ERR_NOMEM, "cannot build a batch of %zu rows", (size_t)n);
	if (n > duckdb_vector_size())
		return fail(s, LH_ERR_TOO_BIG, "take: at most %zu row ids at a time with these columns "
		            "(one of them has a type other than integers, floats, booleans, dates, "
		            "timestamps, text and BLOB)", (size_t)duckdb_vector_size());
	duckdb_data_chunk batch = NULL, final = NULL;
	lh_status st = LH_OK;
	if (n)
		st = gather(s, src, n, &batch);
	else if (!(batch = new_chunk(s, false)))
		st = fail(s, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK)
		st = finish(s, batch, n, &final);
	if (st == LH_OK) {
		duckdb_error_data e = duckdb_data_chunk_to_arrow(s->arrow, final, out);
		if (e && duckdb_error_data_has_error(e))
			st = fail(s, LH_ERR_ENGINE, "Arrow export failed: %s", duckdb_error_data_message(e));
		if (e)
			duckdb_destroy_error_data(&e);
	}
	duckdb_destroy_data_chunk(&final);
	duckdb_destroy_data_chunk(&batch);
	return st;
}

lh_status lh_take(lh_taker *t, const int64_t *ids, size_t n, struct ArrowArray *out)
{
	if (!t || !out || (n && !ids))
		return LH_ERR_INVALID;
	memset(out, 0, sizeof *out);
	lh_stream *s = t->s;
	lh_err_clear(&s->err);
	lh_status st = taker_ready(t);
	size_t *file_of = malloc((n ? n : 1) * sizeof *file_of);
	int64_t *pos = malloc((n ? n : 1) * sizeof *pos);
	source *src = calloc(n ? n : 1, sizeof *src);
	want *w = malloc((n ? n : 1) * sizeof *w);
	chunk_vec fetched = {0};
	if (st == LH_OK && (!file_of || !pos || !src || !w))
		st = fail(s, LH_ERR_NOMEM, "out of memory");
	size_t missing = 0;
	lh_buf list;
	lh_buf_init(&list, 0);
	for (size_t k = 0; k < n && st == LH_OK; k++) {
		/* the last map starting at or below the id, then earlier ones that reach it */
		size_t lo = 0, hi = t->nmaps;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (t->maps[mid].lo <= ids[k])
				lo = mid + 1;
			else
				hi = mid;
		}
		pos[k] = -1;
		for (size_t m = lo; m-- > 0 && pos[k] < 0 && st == LH_OK;) {
			st = position_of(s, &t->maps[m], ids[k], &pos[k]);
			file_of[k] = t->maps[m].file;
		}
		if (st == LH_OK && pos[k] < 0 && missing++ < MISSING_SHOWN)
			lh_buf_printf(&list, "%s%" PRId64, missing > 1 ? ", " : "", ids[k]);
	}
	if (st == LH_OK && missing)
		st = fail(s, LH_ERR_NOT_FOUND,
		          "take from %s: %zu of the row ids asked for have no row at snapshot %" PRId64
		          " (%s%s): deleted, or never written; read ids with SELECT rowid FROM %s",
		          s->plan->table, missing, s->plan->snapshot, lh_buf_str(&list),
		          missing > MISSING_SHOWN ? ", ..." : "", s->plan->table);
	lh_buf_free(&list);
	/* one read per file */
	bool *done = st == LH_OK ? calloc(n ? n : 1, 1) : NULL;
	if (st == LH_OK && !done)
		st = fail(s, LH_ERR_NOMEM, "out of memory");
	for (size_t k = 0; k < n && st == LH_OK; k++) {
		if (done[k])
			continue;
		size_t nw = 0;
		for (size_t q = k; q < n; q++)
			if (!done[q] && file_of[q] == file_of[k]) {
				done[q] = true;
				w[nw++] = (want){(uint64_t)pos[q], q};
			}
		st = read_physical(s, file_of[k], w, nw, src, &fetched);
	}
	free(done);
	if (st == LH_OK)
		st = batch_to_arrow(s, src, (idx_t)n, out);
	for (size_t i = 0; i < fetched.len; i++)
		duckdb_destroy_data_chunk(&fetched.items[i]);
	LH_VEC_FREE(&fetched);
	free(file_of);
	free(pos);
	free(src);
	free(w);
	return st;
}
