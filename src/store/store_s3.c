/*
 * store/store_s3.c - the S3 backend of the object store: objects in a bucket, read
 * through the local cache (cache.h).
 *
 * Layer: store. Data files are uploaded with If-None-Match: * (never overwriting) and
 * verified (s3_ops.c); the uploaded local file then becomes the cache's copy, so a
 * writer reads its own files without downloading them. Files wait for upload in a
 * staging folder inside the cache, on the same file system, so adopting is a rename.
 */
#include "store/cache.h"
#include "store/s3.h"
#include "util/fault.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <errno.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

typedef struct s3_store {
	lh_store base;
	lh_s3 *s3;
	lh_cache *cache;
	pthread_mutex_t lock; /* the fetch counters */
} s3_store;

static lh_status nomem(lh_err *err)
{
	return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
}

static lh_status s3_put_file(lh_store *st, const char *local, const char *path, lh_err *err)
{
	s3_store *s = (s3_store *)st;
	if (lh_fault(LH_FAULT_STORE_PUT))
		return lh_err_set(err, LH_ERR_IO, "cannot upload '%s': injected fault", path);
	char *bucket, *key;
	lh_status r = lh_s3_parse_uri(path, &bucket, &key, err);
	bool logged = r == LH_OK && (r = lh_store_log_put(st, local, path, err)) == LH_OK;
	if (r == LH_OK)
		r = lh_s3_put_file(s->s3, bucket, key, local, true, err);
	if (r == LH_OK)
		lh_cache_adopt(s->cache, local, path);
	else if (logged)
		lh_store_log_drop(st);
	free(bucket);
	free(key);
	return r;
}

static lh_status s3_remove_many(lh_store *st, char *const *paths, size_t n, lh_err *err)
{
	s3_store *s = (s3_store *)st;
	lh_status r = LH_OK;
	/* DeleteObjects works per bucket: batch runs of paths in the same bucket */
	for (size_t from = 0; from < n && r == LH_OK;) {
		char *bucket = NULL, *key = NULL;
		r = lh_s3_parse_uri(paths[from], &bucket, &key, err);
		free(key);
		LH_VEC(char *) keys = {0};
		size_t i = from;
		for (; r == LH_OK && i < n; i++) {
			char *b = NULL, *k = NULL;
			r = lh_s3_parse_uri(paths[i], &b, &k, err);
			bool same = r == LH_OK && strcmp(b, bucket) == 0;
			free(b);
			if (!same) {
				free(k);
				break;
			}
			if (LH_VEC_PUSH(&keys, k) != LH_OK) {
				free(k);
				r = nomem(err);
			}
		}
		if (r == LH_OK)
			r = lh_s3_delete_many(s->s3, bucket, keys.items, keys.len, err);
		for (size_t k = 0; k < keys.len; k++)
			free(keys.items[k]);
		LH_VEC_FREE(&keys);
		free(bucket);
		for (size_t k = from; r == LH_OK && k < i; k++)
			lh_cache_forget(s->cache, paths[k]);
		from = i;
	}
	return r;
}

typedef struct fetch_run {
	s3_store *s;
	char *const *paths;
	const int64_t *sizes;
	size_t *todo;   /* indices of the objects the cache lacks */
	uint64_t *sums; /* per todo entry: the recorded checksum, when has[k] */
	bool *has;
	int64_t added;
} fetch_run;

/* Downloads next to the copy's place, checks size and checksum, then renames in: a
 * copy that does not match never enters the cache. */
static lh_status download_checked(fetch_run *run, size_t k, const char *path, const char *local,
                                  int64_t want, int64_t *got, lh_err *err)
{
	s3_store *s = run->s;
	char *bucket = NULL, *key = NULL, id[LH_UUID_LEN + 1];
	lh_uuid_v4(id);
	char *tmp = lh_asprintf("%s.tmp-v%s", local, id);
	lh_status r = tmp ? lh_cache_prepare(s->cache, local, err) : nomem(err);
	if (r == LH_OK)
		r = lh_s3_parse_uri(path, &bucket, &key, err);
	if (r == LH_OK)
		r = lh_s3_get_file(s->s3, bucket, key, 0, -1, tmp, got, err);
	if (r == LH_ERR_NOT_FOUND)
		lh_err_prefix(err, "a file the catalog references is missing from the store: ");
	if (r == LH_OK && want >= 0 && *got != want)
		r = lh_err_set(err, LH_ERR_CORRUPT,
		               "%s has %lld bytes in the store, but the catalog records %lld: the object "
		               "was changed or truncated outside the lake",
		               path, (long long)*got, (long long)want);
	uint64_t sum = 0;
	if (r == LH_OK && run->has[k] && (r = lh_checksum_file(tmp, &sum, NULL, err)) == LH_OK &&
	    sum != run->sums[k]) {
		char hw[LH_CHECKSUM_HEX], hg[LH_CHECKSUM_HEX];
		lh_checksum_hex(run->sums[k], hw);
		lh_checksum_hex(sum, hg);
		r = lh_err_set(err, LH_ERR_CORRUPT,
		               "%s is damaged: its checksum is %s, but the catalog records %s (" LH_CHECKSUM_ALGO
		               "); restore the object from a backup, or roll the table back to a snapshot "
		               "that does not use it",
		               path, hg, hw);
	}
	if (r == LH_OK && rename(tmp, local) != 0)
		r = lh_err_set(err, LH_ERR_IO, "cannot write '%s': %s", local, strerror(errno));
	if (r != LH_OK && tmp)
		unlink(tmp);
	free(tmp);
	free(bucket);
	free(key);
	return r;
}

static lh_status fetch_one(void *ctx, size_t k, lh_err *err)
{
	fetch_run *run = ctx;
	s3_store *s = run->s;
	size_t i = run->todo[k];
	const char *path = run->paths[i];
	int64_t want = run->sizes ? run->sizes[i] : -1;
	char *local = lh_cache_path(s->cache, path);
	if (!local)
		return nomem(err);
	int64_t got = 0;
	lh_status r = LH_OK;
	/* another process may have fetched it meanwhile */
	if (!lh_cache_has(s->cache, local, want))
		r = download_checked(run, k, path, local, want, &got, err);
	if (r == LH_OK && got > 0) {
		pthread_mutex_lock(&s->lock);
		s->base.fetched_files++;
		s->base.fetched_bytes += got;
		run->added += got;
		pthread_mutex_unlock(&s->lock);
	}
	free(local);
	return r;
}

/* Which objects the cache lacks, and their recorded checksums. */
static lh_status fetch_plan(fetch_run *run, size_t n, size_t *out_n, lh_err *err)
{
	s3_store *s = run->s;
	size_t nt = 0;
	for (size_t i = 0; i < n; i++) {
		char *local = lh_cache_path(s->cache, run->paths[i]);
		if (!local)
			return nomem(err);
		if (!lh_cache_has(s->cache, local, run->sizes ? run->sizes[i] : -1))
			run->todo[nt++] = i;
		free(local);
	}
	*out_n = nt;
	if (!nt || !s->base.expect_sums)
		return LH_OK;
	char **want = calloc(nt, sizeof *want);
	if (!want)
		return nomem(err);
	for (size_t k = 0; k < nt; k++)
		want[k] = run->paths[run->todo[k]];
	lh_status r = s->base.expect_sums(s->base.expect_ctx, want, nt, run->sums, run->has, err);
	free(want);
	return r;
}

static lh_status s3_fetch(lh_store *st, char *const *paths, const int64_t *sizes, size_t n,
                          lh_err *err)
{
	s3_store *s = (s3_store *)st;
	fetch_run run = {.s = s, .paths = paths, .sizes = sizes};
	run.todo = calloc(n ? n : 1, sizeof *run.todo);
	run.sums = calloc(n ? n : 1, sizeof *run.sums);
	run.has = calloc(n ? n : 1, sizeof *run.has);
	size_t nt = 0;
	lh_status r = run.todo && run.sums && run.has ? fetch_plan(&run, n, &nt, err) : nomem(err);
	if (r == LH_OK && nt)
		r = lh_s3_parallel(s->s3, nt, fetch_one, &run, err);
	/* the statement's own files are the newest when eviction runs, however long the
	 * downloads took: a cache smaller than one statement must not evict what it is
	 * about to read (the grace period then covers only the gap until DuckDB opens them) */
	for (size_t i = 0; r == LH_OK && i < n; i++) {
		char *local = lh_cache_path(s->cache, paths[i]);
		if (local)
			utime(local, NULL);
		free(local);
	}
	lh_cache_added(s->cache, run.added);
	free(run.todo);
	free(run.sums);
	free(run.has);
	return r;
}

static char *s3_local_path(lh_store *st, const char *path)
{
	return lh_cache_path(((s3_store *)st)->cache, path);
}

static lh_status s3_staging_dir(lh_store *st, char **out, lh_err *err)
{
	return lh_cache_staging_dir(((s3_store *)st)->cache, out, err);
}

static lh_status s3_stat(lh_store *st, const char *path, int64_t *out_size, lh_err *err)
{
	s3_store *s = (s3_store *)st;
	char *bucket, *key;
	lh_status r = lh_s3_parse_uri(path, &bucket, &key, err);
	if (r == LH_OK)
		r = lh_s3_head(s->s3, bucket, key, out_size, NULL, 0, err);
	free(bucket);
	free(key);
	return r;
}

static lh_status s3_etag(lh_store *st, const char *path, char *out, lh_err *err)
{
	s3_store *s = (s3_store *)st;
	char *bucket, *key, tag[LH_ETAG_MAX] = "";
	lh_status r = lh_s3_parse_uri(path, &bucket, &key, err);
	if (r == LH_OK)
		r = lh_s3_head(s->s3, bucket, key, NULL, tag, sizeof tag, err);
	free(bucket);
	free(key);
	if (r == LH_OK) {
		size_t n = strlen(tag);
		bool quoted = n >= 2 && tag[0] == '"' && tag[n - 1] == '"';
		snprintf(out, LH_ETAG_MAX, "%.*s", (int)(quoted ? n - 2 : n), tag + (quoted ? 1 : 0));
	}
	return r;
}

static lh_status s3_read_range(lh_store *st, const char *path, int64_t offset, int64_t len,
                               lh_buf *out, lh_err *err)
{
	s3_store *s = (s3_store *)st;
	char *bucket = NULL, *key = NULL, *dir = NULL, *tmp = NULL;
	int64_t got = 0;
	lh_status r = lh_s3_parse_uri(path, &bucket, &key, err);
	if (r == LH_OK)
		r = lh_cache_staging_dir(s->cache, &dir, err);
	if (r == LH_OK && !(tmp = lh_asprintf("%s/range", dir)))
		r = nomem(err);
	if (r == LH_OK)
		r = lh_s3_get_file(s->s3, bucket, key, offset, len, tmp, &got, err);
	if (r == LH_OK && got != len)
		r = lh_err_set(err, LH_ERR_CORRUPT, "ranged read of bytes %lld-%lld of %s returned %lld bytes",
		               (long long)offset, (long long)(offset + len - 1), path, (long long)got);
	char *data = NULL;
	size_t n = 0;
	if (r == LH_OK)
		r = lh_file_read(tmp, (size_t)len, &data, &n, err);
	if (r == LH_OK) {
		lh_buf_append(out, data, n);
		if ((r = lh_buf_status(out)) != LH_OK)
			lh_err_set(err, r, "cannot hold %lld bytes of %s in memory", (long long)len, path);
	}
	free(data);
	if (r == LH_OK) {
		pthread_mutex_lock(&s->lock);
		s->base.fetched_bytes += got;
		pthread_mutex_unlock(&s->lock);
	}
	if (dir)
		lh_store_staging_done(dir);
	free(dir);
	free(tmp);
	free(bucket);
	free(key);
	return r;
}

static lh_status s3_list(lh_store *st, const char *prefix, lh_store_entries *out, lh_err *err)
{
	s3_store *s = (s3_store *)st;
	memset(out, 0, sizeof *out);
	char *bucket, *key;
	lh_status r = lh_s3_parse_uri(prefix, &bucket, &key, err);
	lh_s3_objects objs = {0};
	if (r == LH_OK)
		r = lh_s3_list(s->s3, bucket, key, &objs, err);
	for (size_t i = 0; r == LH_OK && i < objs.len; i++) {
		lh_store_entry e = {lh_asprintf("s3://%s/%s", bucket, objs.items[i].key),
		                    objs.items[i].size, objs.items[i].mtime_us};
		if (!e.path || LH_VEC_PUSH(out, e) != LH_OK) {
			free(e.path);
			r = nomem(err);
		}
	}
	lh_s3_objects_free(&objs);
	if (r != LH_OK)
		lh_store_entries_free(out);
	free(bucket);
	free(key);
	return r;
}

static lh_status s3_sweep_staging(lh_store *st, int64_t cutoff_us, bool dry_run,
                                  lh_store_entries *out, lh_err *err)
{
	return lh_cache_sweep_staging(((s3_store *)st)->cache, cutoff_us, dry_run, out, err);
}

static void s3_close(lh_store *st)
{
	s3_store *s = (s3_store *)st;
	lh_s3_free(&s->s3);
	lh_cache_close(&s->cache);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

static const struct lh_store_ops s3_ops = {
    .name = "s3",
    .put_file = s3_put_file,
    .remove_many = s3_remove_many,
    .fetch = s3_fetch,
    .local_path = s3_local_path,
    .staging_dir = s3_staging_dir,
    .stat = s3_stat,
    .etag = s3_etag,
    .read_range = s3_read_range,
    .list = s3_list,
    .sweep_staging = s3_sweep_staging,
    .close = s3_close,
};

lh_status lh_store_open_s3(const char *root, const lh_store_options *opts, lh_store **out,
                           lh_err *err)
{
	*out = NULL;
	char *bucket = NULL, *key = NULL;
	lh_status r = lh_s3_parse_uri(root, &bucket, &key, err);
	free(bucket);
	free(key);
	if (r != LH_OK)
		return r;
	lh_s3_config cfg;
	if ((r = lh_s3_config_load(&cfg, opts ? opts->secret : NULL, err)) != LH_OK)
		return r;
	s3_store *s = calloc(1, sizeof *s);
	if (!s) {
		lh_s3_config_clear(&cfg);
		return nomem(err);
	}
	pthread_mutex_init(&s->lock, NULL);
	s->base.ops = &s3_ops;
	s->base.remote = true;
	r = lh_s3_new(&cfg, &s->s3, err);
	if (r == LH_OK)
		r = lh_cache_open(opts ? opts->cache : NULL, &s->cache, err);
	lh_s3_config_clear(&cfg);
	if (r != LH_OK) {
		s3_close(&s->base);
		return r;
	}
	s->base.local_root = lh_cache_dir(s->cache);
	*out = &s->base;
	return LH_OK;
}
