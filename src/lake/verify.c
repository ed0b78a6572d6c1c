/*
 * lake/verify.c - checksums of the files the lake writes: recorded at commit, checked
 * on download, and checked all at once by `lakehouse verify`.
 *
 * Layer: lake. What is checked when:
 *   - every put (store_fs.c, store_s3.c) computes the XXH3-64 of the staged file just
 *     before it moves in (DuckDB's COPY writes data and delete files, so they are read
 *     once more, page-cache hot; assets are hashed where they are staged) and logs it;
 *   - lh_txn_commit hands the log to the catalog commit, which writes the rows into
 *     lakehouse_file_checksum in the same transaction as the snapshot (catalog/
 *     checksum.h); files the transaction wrote and then stopped using are left out;
 *   - a remote store checks every download into its cache against the recorded size
 *     and checksum before the copy enters the cache (lh_verify_expect);
 *   - a local folder is read in place: the size is checked where the lake fetches, the
 *     checksum only by lh_lake_verify, which reads every referenced file.
 * Nothing here writes to the catalog outside a commit: reads work on read-only lakes.
 */
#include "lake/lake_int.h"
#include "catalog/checksum.h"
#include "util/checksum.h"
#include "util/fsutil.h"

#include <stdlib.h>
#include <xxhash.h>
#include <string.h>

/* The name a checksum is recorded under: relative to the data path when inside it. */
static const char *key_of(const lh_lake *lake, const char *path)
{
	size_t n = strlen(lake->data_path);
	return strncmp(path, lake->data_path, n) == 0 ? path + n : path;
}

/* The XXH3-64 row r of lh_catalog_checksums records; false when it records none (no
 * checksum, or another algorithm's). */
static bool row_sum(const lh_rows *rows, size_t r, uint64_t *sum)
{
	const char *algo = lh_rows_get(rows, r, 2);
	return algo && !strcmp(algo, LH_CHECKSUM_ALGO) &&
	       lh_checksum_parse(lh_rows_get(rows, r, 3), sum);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Full paths of the files the transaction's state references that it wrote itself
 * (new data files and new delete files), sorted. */
static lh_status new_file_paths(const lh_state *s, lh_str_vec *out)
{
	for (size_t ti = 0; ti < s->tables.len; ti++) {
		const lh_table *t = s->tables.items[ti];
		char *tp = lh_table_full_path(s, t);
		if (!tp)
			return LH_ERR_NOMEM;
		for (size_t fi = 0; fi < t->files.len; fi++) {
			const lh_data_file *f = &t->files.items[fi];
			char *p = f->id < 0 ? lh_file_full_path(tp, f->path, f->path_is_relative) : NULL;
			char *d = f->del_changed && f->del.path
			              ? lh_file_full_path(tp, f->del.path, f->del.path_is_relative)
			              : NULL;
			bool lost = (f->id < 0 && !p) || (f->del_changed && f->del.path && !d);
			if (p && !lost && LH_VEC_PUSH(out, p) == LH_OK)
				p = NULL; /* the vector owns it */
			if (d && !lost && !p && LH_VEC_PUSH(out, d) == LH_OK)
				d = NULL;
			if (lost || p || d) {
				free(p);
				free(d);
				free(tp);
				return LH_ERR_NOMEM;
			}
		}
		free(tp);
	}
	if (out->len)
		qsort(out->items, out->len, sizeof *out->items, cmp_str);
	return LH_OK;
}

static bool in_sorted(const lh_str_vec *v, const char *s)
{
	return v->len && bsearch(&s, v->items, v->len, sizeof *v->items, cmp_str) != NULL;
}

static bool in_list(const lh_str_vec *v, const char *s)
{
	for (size_t i = 0; i < v->len; i++)
		if (strcmp(v->items[i], s) == 0)
			return true;
	return false;
}

lh_status lh_verify_commit_sums(lh_lake *lake, lh_file_sums *out)
{
	memset(out, 0, sizeof *out);
	const lh_file_sums *log = &lake->store->put_log;
	if (!log->len || !lake->txn)
		return LH_OK;
	lh_str_vec used = {0};
	lh_status st = new_file_paths(lake->txn, &used);
	for (size_t i = 0; st == LH_OK && i < log->len; i++) {
		const lh_file_sum *e = &log->items[i];
		/* a file the transaction wrote and then stopped using is removed after commit */
		if (in_list(&lake->txn_files, e->path) && !in_sorted(&used, e->path))
			continue;
		lh_file_sum k = {lh_strdup(key_of(lake, e->path)), e->size, e->xxh3};
		if (!k.path || LH_VEC_PUSH(out, k) != LH_OK) {
			free(k.path);
			st = LH_ERR_NOMEM;
		}
	}
	lh_str_vec_free(&used);
	if (st != LH_OK) {
		lh_file_sums_free(out);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

typedef struct key_ix {
	const char *key;
	size_t i;
} key_ix;

static int cmp_key_ix(const void *a, const void *b)
{
	return strcmp(((const key_ix *)a)->key, ((const key_ix *)b)->key);
}

/* store->expect_sums: the recorded checksums of objects about to be downloaded. */
static lh_status expect_sums(void *ctx, char *const *paths, size_t n, uint64_t *sums, bool *has,
                             lh_err *err)
{
	lh_lake *lake = ctx;
	key_ix *ix = calloc(n ? n : 1, sizeof *ix);
	char **keys = calloc(n ? n : 1, sizeof *keys);
	if (!ix || !keys) {
		free(ix);
		free(keys);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		has[i] = false;
		keys[i] = (char *)key_of(lake, paths[i]);
		ix[i] = (key_ix){keys[i], i};
	}
	qsort(ix, n, sizeof *ix, cmp_key_ix);
	lh_rows *rows = NULL;
	lh_status st = lh_catalog_checksums(lake->cat, keys, n, &rows, err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		key_ix probe = {lh_rows_get(rows, r, 0), 0};
		key_ix *hit = probe.key ? bsearch(&probe, ix, n, sizeof *ix, cmp_key_ix) : NULL;
		if (hit && row_sum(rows, r, &sums[hit->i]))
			has[hit->i] = true;
	}
	lh_rows_free(&rows);
	free(ix);
	free(keys);
	return st;
}

lh_status lh_lake_asset_record(lh_lake *lake, const char *uri, int64_t *out_size,
                               uint64_t *out_sum, bool *out_has_sum)
{
	*out_size = -1;
	*out_has_sum = false;
	char *full = uri ? lh_lake_asset_uri(lake, uri) : NULL;
	if (!full)
		return lh_lake_fail(lake, uri ? LH_ERR_NOMEM : LH_ERR_INVALID,
		                    uri ? "out of memory" : "no asset URI given");
	char *key = (char *)key_of(lake, full);
	lh_rows *rows = NULL;
	lh_status st = lh_str_starts_with(key, "assets/")
	                       ? lh_catalog_checksums(lake->cat, &key, 1, &rows, &lake->err)
	                       : LH_OK;
	if (st == LH_OK && (!rows || rows->nrows == 0))
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                  "'%s' is not an asset this lake stored (hf pull and video ingest "
		                  "record each object they store; other files are not served)",
		                  uri);
	if (st == LH_OK) {
		*out_size = lh_rows_int(rows, 0, 1, -1);
		*out_has_sum = row_sum(rows, 0, out_sum);
	}
	lh_rows_free(&rows);
	free(full);
	return st;
}

lh_status lh_lake_asset_size(lh_lake *lake, const char *uri, int64_t *out_size)
{
	lh_status need = lh_lake_need(lake);
	if (need != LH_OK)
		return need;
	lh_err_clear(&lake->err);
	uint64_t sum;
	bool has;
	int64_t size = -1;
	lh_status st = lh_lake_asset_record(lake, uri, &size, &sum, &has);
	if (out_size)
		*out_size = size;
	return st;
}

void lh_verify_attach(lh_lake *lake)
{
	lake->store->expect_sums = expect_sums;
	lake->store->expect_ctx = lake;
}

/* --------------------------------------------------------------------------------
 * lakehouse verify
 * ------------------------------------------------------------------------------ */

/* One file to check, gathered from all the catalog rows that name it. */
typedef struct vfile {
	char *path; /* full path or URI */
	const char *kind;
	int64_t size; /* as the catalog records it; -1 unknown */
	lh_buf tables;
	lh_buf snapshots;
} vfile;

typedef struct vrun {
	lh_lake *lake;
	int64_t table_id; /* -1: all */
	int64_t snapshot; /* -1: every snapshot */
	LH_VEC(vfile) files;
	lh_rows *sums; /* all recorded checksums */
	key_ix *sum_ix;
	lh_verify_report *rep;
} vrun;

void lh_verify_report_clear(lh_verify_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nproblems; i++) {
		lh_verify_file *f = &r->problems[i];
		free(f->path);
		free(f->kind);
		free(f->problem);
		free(f->tables);
		free(f->snapshots);
	}
	free(r->problems);
	memset(r, 0, sizeof *r);
}

static void vrun_free(vrun *v)
{
	for (size_t i = 0; i < v->files.len; i++) {
		free(v->files.items[i].path);
		lh_buf_free(&v->files.items[i].tables);
		lh_buf_free(&v->files.items[i].snapshots);
	}
	LH_VEC_FREE(&v->files);
	lh_rows_free(&v->sums);
	free(v->sum_ix);
}

static char *dir_path(const char *parent, const char *path, bool relative)
{
	char *p = relative ? lh_asprintf("%s%s", parent, path) : lh_strdup(path);
	if (p && !lh_str_ends_with(p, "/")) {
		char *q = lh_asprintf("%s/", p);
		free(p);
		p = q;
	}
	return p;
}

/* The full path of file row r of lh_catalog_file_rows. */
static char *row_full_path(const lh_lake *lake, const lh_rows *rows, size_t r)
{
	char *schema = dir_path(lake->data_path, lh_rows_get(rows, r, 12), lh_rows_bool(rows, r, 13, true));
	char *table = schema ? dir_path(schema, lh_rows_get(rows, r, 9), lh_rows_bool(rows, r, 10, true))
	                     : NULL;
	char *full = table ? lh_file_full_path(table, lh_rows_get(rows, r, 5), lh_rows_bool(rows, r, 6, true))
	                   : NULL;
	free(schema);
	free(table);
	return full;
}

static bool row_selected(const vrun *v, const lh_rows *rows, size_t r)
{
	if (v->table_id >= 0 && lh_rows_int(rows, r, 2, -1) != v->table_id)
		return false;
	if (v->snapshot < 0)
		return true;
	int64_t begin = lh_rows_int(rows, r, 3, 0), end = lh_rows_int(rows, r, 4, -1);
	return begin <= v->snapshot && (end < 0 || v->snapshot < end);
}

static void describe_range(lh_buf *b, int64_t begin, int64_t end)
{
	if (b->len)
		lh_buf_puts(b, ", ");
	if (end < 0)
		lh_buf_printf(b, "%lld-latest", (long long)begin);
	else if (end - 1 <= begin)
		lh_buf_printf(b, "%lld", (long long)begin);
	else
		lh_buf_printf(b, "%lld-%lld", (long long)begin, (long long)(end - 1));
}

static vfile *find_file(vrun *v, const char *path)
{
	/* rows come ordered by table: the same file is almost always a recent entry */
	for (size_t i = v->files.len; i-- > 0;)
		if (strcmp(v->files.items[i].path, path) == 0)
			return &v->files.items[i];
	return NULL;
}

static lh_status add_row(vrun *v, const lh_rows *rows, size_t r)
{
	char *path = row_full_path(v->lake, rows, r);
	if (!path)
		return LH_ERR_NOMEM;
	vfile *f = find_file(v, path);
	if (!f) {
		vfile nf = {.path = path,
		            .kind = strcmp(lh_rows_get(rows, r, 0), "data") == 0 ? "data" : "delete",
		            .size = lh_rows_int(rows, r, 7, -1)};
		lh_buf_init(&nf.tables, 0);
		lh_buf_init(&nf.snapshots, 0);
		if (LH_VEC_PUSH(&v->files, nf) != LH_OK) {
			free(path);
			return LH_ERR_NOMEM;
		}
		f = &v->files.items[v->files.len - 1];
		path = NULL;
	}
	free(path);
	char *label = lh_asprintf("%s.%s", lh_rows_get(rows, r, 11), lh_rows_get(rows, r, 8));
	if (!label)
		return LH_ERR_NOMEM;
	if (!strstr(lh_buf_str(&f->tables), label))
		lh_buf_printf(&f->tables, "%s%s", f->tables.len ? ", " : "", label);
	free(label);
	describe_range(&f->snapshots, lh_rows_int(rows, r, 3, 0), lh_rows_int(rows, r, 4, -1));
	return lh_buf_status(&f->snapshots) == LH_OK && lh_buf_status(&f->tables) == LH_OK
	           ? LH_OK
	           : LH_ERR_NOMEM;
}

/* Asset objects (the recorded ones under assets/): checked when the whole lake is. */
static lh_status add_assets(vrun *v)
{
	for (size_t r = 0; r < v->sums->nrows; r++) {
		const char *key = lh_rows_get(v->sums, r, 0);
		if (!key || !lh_str_starts_with(key, "assets/"))
			continue;
		vfile nf = {.path = lh_asprintf("%s%s", v->lake->data_path, key),
		            .kind = "asset",
		            .size = lh_rows_int(v->sums, r, 1, -1)};
		lh_buf_init(&nf.tables, 0);
		lh_buf_init(&nf.snapshots, 0);
		if (!nf.path || LH_VEC_PUSH(&v->files, nf) != LH_OK) {
			free(nf.path);
			return LH_ERR_NOMEM;
		}
	}
	return LH_OK;
}

static lh_status gather(vrun *v)
{
	lh_lake *lake = v->lake;
	lh_rows *rows = NULL;
	lh_status st = lh_catalog_file_rows(lake->cat, &rows, &lake->err);
	if (st == LH_OK)
		st = lh_catalog_checksums(lake->cat, NULL, 0, &v->sums, &lake->err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++)
		if (row_selected(v, rows, r) && add_row(v, rows, r) != LH_OK)
			st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_rows_free(&rows);
	if (st == LH_OK && v->table_id < 0 && v->snapshot < 0 && add_assets(v) != LH_OK)
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	if (st != LH_OK)
		return st;
	size_t n = v->sums->nrows;
	v->sum_ix = calloc(n ? n : 1, sizeof *v->sum_ix);
	if (!v->sum_ix)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	for (size_t r = 0; r < n; r++)
		v->sum_ix[r] = (key_ix){lh_rows_get(v->sums, r, 0) ? lh_rows_get(v->sums, r, 0) : "", r};
	qsort(v->sum_ix, n, sizeof *v->sum_ix, cmp_key_ix);
	return LH_OK;
}

/* The recorded checksum of a full path; false when none is recorded. */
static bool recorded(const vrun *v, const char *path, uint64_t *sum, int64_t *size)
{
	key_ix probe = {key_of(v->lake, path), 0};
	const key_ix *hit = v->sums->nrows ? bsearch(&probe, v->sum_ix, v->sums->nrows,
	                                             sizeof *v->sum_ix, cmp_key_ix)
	                                   : NULL;
	if (!hit || strcmp(lh_rows_get(v->sums, hit->i, 2) ? lh_rows_get(v->sums, hit->i, 2) : "",
	                   LH_CHECKSUM_ALGO) != 0)
		return false;
	*size = lh_rows_int(v->sums, hit->i, 1, -1);
	return lh_checksum_parse(lh_rows_get(v->sums, hit->i, 3), sum);
}

#define REMOTE_CHUNK ((int64_t)8 << 20)

/* The checksum of a remote object's own bytes, read in ranges: the bucket is what
 * verify checks, not a copy the cache kept (the writer's own upload stays cached). */
static lh_status remote_checksum(lh_store *store, const char *path, int64_t size,
                                 uint64_t *out, lh_err *err)
{
	XXH3_state_t *state = XXH3_createState();
	if (!state)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	XXH3_64bits_reset(state);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_status st = LH_OK;
	for (int64_t off = 0; st == LH_OK && off < size; off += REMOTE_CHUNK) {
		b.len = 0;
		int64_t n = size - off < REMOTE_CHUNK ? size - off : REMOTE_CHUNK;
		st = store->ops->read_range(store, path, off, n, &b, err);
		if (st == LH_OK)
			XXH3_64bits_update(state, b.data, b.len);
	}
	if (st == LH_OK)
		*out = (uint64_t)XXH3_64bits_digest(state);
	lh_buf_free(&b);
	XXH3_freeState(state);
	return st;
}

/* Checks one file; *problem is NULL when it is fine (caller frees). */
static lh_status check_file(vrun *v, const vfile *f, bool *has_sum, char **problem)
{
	lh_lake *lake = v->lake;
	lh_store *store = lake->store;
	lh_err e = {0};
	uint64_t want = 0, got = 0;
	int64_t sum_size = -1, size = -1;
	*problem = NULL;
	*has_sum = recorded(v, f->path, &want, &sum_size);
	int64_t expect = f->size >= 0 ? f->size : sum_size;
	lh_status st = store->ops->stat(store, f->path, &size, &e);
	if (st == LH_ERR_NOT_FOUND)
		*problem = lh_strdup("missing from the store");
	else if (st == LH_OK && expect >= 0 && size != expect)
		*problem = lh_asprintf("has %lld bytes, the catalog records %lld", (long long)size,
		                       (long long)expect);
	char *local = NULL;
	if (st == LH_OK && !*problem && *has_sum) {
		if (store->remote) {
			st = remote_checksum(store, f->path, size, &got, &e);
		} else {
			local = store->ops->local_path(store, f->path);
			st = local ? lh_checksum_file(local, &got, NULL, &e) : LH_ERR_NOMEM;
		}
		if (st == LH_OK) {
			v->rep->bytes += expect > 0 ? expect : 0;
			if (got != want) {
				char hw[LH_CHECKSUM_HEX], hg[LH_CHECKSUM_HEX];
				lh_checksum_hex(want, hw);
				lh_checksum_hex(got, hg);
				*problem = lh_asprintf("checksum %s, the catalog records %s (" LH_CHECKSUM_ALGO ")",
				                       hg, hw);
			}
		}
	}
	if (st == LH_ERR_NOMEM) {
		free(local);
		lh_err_clear(&e);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	if (st != LH_OK && st != LH_ERR_NOT_FOUND)
		*problem = lh_strdup(lh_err_msg(&e)); /* damaged download, unreadable file */
	if (!*problem && !*has_sum)
		*problem = lh_strdup("no checksum recorded");
	free(local);
	lh_err_clear(&e);
	return LH_OK;
}

static lh_status check_all(vrun *v)
{
	lh_verify_report *rep = v->rep;
	rep->problems = calloc(v->files.len ? v->files.len : 1, sizeof *rep->problems);
	if (!rep->problems)
		return lh_lake_fail(v->lake, LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < v->files.len; i++) {
		vfile *f = &v->files.items[i];
		bool has_sum = false;
		char *problem = NULL;
		lh_status st = check_file(v, f, &has_sum, &problem);
		if (st != LH_OK)
			return st;
		rep->files++;
		if (!problem) {
			rep->ok++;
			continue;
		}
		bool damaged = has_sum || strcmp(problem, "no checksum recorded") != 0;
		rep->damaged += damaged;
		rep->unrecorded += !damaged;
		lh_verify_file *out = &rep->problems[rep->nproblems++];
		*out = (lh_verify_file){.path = lh_strdup(f->path),
		                        .kind = lh_strdup(f->kind),
		                        .problem = problem,
		                        .tables = lh_strdup(lh_buf_str(&f->tables)),
		                        .snapshots = lh_strdup(lh_buf_str(&f->snapshots)),
		                        .damaged = damaged};
		if (!out->path || !out->kind || !out->tables || !out->snapshots)
			return lh_lake_fail(v->lake, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

static int cmp_problem(const void *a, const void *b)
{
	const lh_verify_file *x = a, *y = b;
	if (x->damaged != y->damaged)
		return x->damaged ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* Resolves TABLE (at the snapshot, when one is given) to its id. */
static lh_status resolve(lh_lake *lake, const char *table, int64_t snapshot, int64_t *out_id)
{
	const lh_state *s = lake->committed;
	lh_status st = LH_OK;
	if (snapshot >= 0) {
		lh_snapshot_info info = {0};
		st = lh_catalog_snapshot(lake->cat, snapshot, &info, &lake->err);
		free(info.time);
		if (st == LH_ERR_NOT_FOUND)
			return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
			                    "snapshot %lld does not exist; `lakehouse snapshots` lists them",
			                    (long long)snapshot);
		if (st == LH_OK && table)
			st = lh_lake_past_state(lake, snapshot, &s);
	}
	if (st != LH_OK || !table)
		return st;
	lh_qname q = {0};
	ptrdiff_t ti = -1;
	st = lh_parse_qname(table, &q);
	if (st != LH_OK)
		return lh_lake_fail(lake, st, "'%s' is not a table name", table);
	st = lh_resolve_table(lake, s, &q, &ti);
	lh_qname_free(&q);
	if (st == LH_OK)
		*out_id = s->tables.items[ti]->id;
	return st;
}

lh_status lh_lake_verify(lh_lake *lake, const char *table, int64_t snapshot,
                         lh_verify_report *out)
{
	lh_status need = lh_lake_need(lake);
	if (need != LH_OK)
		return need;
	memset(out, 0, sizeof *out);
	lh_err_clear(&lake->err);
	vrun v = {.lake = lake, .table_id = -1, .snapshot = snapshot < 0 ? -1 : snapshot, .rep = out};
	lh_status st = resolve(lake, table, v.snapshot, &v.table_id);
	if (st == LH_OK)
		st = gather(&v);
	if (st == LH_OK)
		st = check_all(&v);
	vrun_free(&v);
	if (st != LH_OK) {
		lh_verify_report_clear(out);
		return st;
	}
	if (out->nproblems)
		qsort(out->problems, out->nproblems, sizeof *out->problems, cmp_problem);
	return LH_OK;
}
