/*
 * store/cache.c - the read-through object cache. See cache.h.
 */
#include "store/cache.h"
#include "util/crypto.h"
#include "util/fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_MAX_BYTES ((int64_t)10 << 30)
#define DEFAULT_GRACE_S 300
#define TOUCH_AFTER_S 60          /* a use re-stamps a copy at most once a minute */
#define STALE_TEMP_S 3600         /* a download's temp file untouched this long is dead */
#define STALE_STAGING_S (24 * 3600)

struct lh_cache {
	char *dir;     /* ends without '/' */
	int64_t max_bytes;
	int64_t grace_s;
};

char *lh_cache_default_dir(void)
{
	const char *v = getenv("LAKEHOUSE_CACHE_DIR");
	if (v && *v)
		return lh_path_absolute(v);
	v = getenv("XDG_CACHE_HOME");
	if (v && *v)
		return lh_path_join(v, "lakehouse");
	v = getenv("HOME");
	return v && *v ? lh_asprintf("%s/.cache/lakehouse", v) : lh_strdup("/tmp/lakehouse-cache");
}

lh_status lh_cache_open(const lh_cache_options *opt, lh_cache **out, lh_err *err)
{
	*out = NULL;
	lh_cache *c = calloc(1, sizeof *c);
	if (!c)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	c->dir = opt && opt->dir ? lh_path_absolute(opt->dir) : lh_cache_default_dir();
	c->max_bytes = opt && opt->max_bytes > 0
	                   ? opt->max_bytes
	                   : lh_env_int("LAKEHOUSE_CACHE_MAX_BYTES", DEFAULT_MAX_BYTES);
	c->grace_s = opt && opt->grace_s > 0 ? opt->grace_s
	                                       : lh_env_int("LAKEHOUSE_CACHE_GRACE_SECONDS", DEFAULT_GRACE_S);
	if (!c->dir) {
		lh_cache_close(&c);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	size_t n = strlen(c->dir);
	while (n > 1 && c->dir[n - 1] == '/')
		c->dir[--n] = '\0';
	bool fresh = !lh_path_exists(c->dir);
	char *objects = lh_path_join(c->dir, "objects");
	lh_status st = objects ? lh_mkdirs(objects, err) : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(objects);
	if (st == LH_OK && fresh)
		chmod(c->dir, 0700); /* cached rows are as private as the bucket */
	if (st != LH_OK) {
		lh_err_prefix(err, "cannot use the cache folder (set LAKEHOUSE_CACHE_DIR): ");
		lh_cache_close(&c);
		return st;
	}
	*out = c;
	return LH_OK;
}

void lh_cache_close(lh_cache **pc)
{
	if (!pc || !*pc)
		return;
	free((*pc)->dir);
	free(*pc);
	*pc = NULL;
}

const char *lh_cache_dir(const lh_cache *c)
{
	return c->dir;
}

char *lh_cache_path(const lh_cache *c, const char *uri)
{
	char h[65];
	lh_sha256_hex(uri, strlen(uri), h);
	const char *base = strrchr(uri, '/');
	base = base ? base + 1 : uri;
	/* the file name keeps its extension (DuckDB does not need it, people do) */
	return lh_asprintf("%s/objects/%.2s/%.40s-%.100s", c->dir, h, h, base);
}

bool lh_cache_has(const lh_cache *c, const char *local, int64_t size)
{
	(void)c;
	struct stat sb;
	if (stat(local, &sb) != 0 || !S_ISREG(sb.st_mode))
		return false;
	if (size >= 0 && (int64_t)sb.st_size != size)
		return false;
	if (time(NULL) - sb.st_mtime > TOUCH_AFTER_S)
		utimensat(AT_FDCWD, local, NULL, 0);
	return true;
}

lh_status lh_cache_prepare(const lh_cache *c, const char *local, lh_err *err)
{
	(void)c;
	const char *slash = strrchr(local, '/');
	char *dir = slash ? lh_strndup(local, (size_t)(slash - local)) : NULL;
	if (!dir)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = lh_mkdirs(dir, err);
	free(dir);
	return st;
}

void lh_cache_adopt(lh_cache *c, const char *file, const char *uri)
{
	char *local = lh_cache_path(c, uri);
	lh_err ignored = {0};
	bool ok = local && lh_cache_prepare(c, local, &ignored) == LH_OK && rename(file, local) == 0;
	lh_err_clear(&ignored);
	if (!ok)
		unlink(file);
	else
		lh_cache_added(c, lh_file_size(local));
	free(local);
}

void lh_cache_forget(const lh_cache *c, const char *uri)
{
	char *local = lh_cache_path(c, uri);
	if (local)
		unlink(local);
	free(local);
}

lh_status lh_cache_staging_dir(const lh_cache *c, char **out, lh_err *err)
{
	char *staging = lh_path_join(c->dir, "staging");
	lh_status st = staging ? lh_store_new_staging(staging, out, err)
	                       : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(staging);
	return st;
}

/* --- eviction ------------------------------------------------------------------------ */

typedef struct copy {
	char *path;
	int64_t size;
	time_t mtime;
} copy;
typedef LH_VEC(copy) copy_vec;

static int by_mtime(const void *a, const void *b)
{
	const copy *x = a, *y = b;
	return x->mtime < y->mtime ? -1 : x->mtime > y->mtime;
}

/* Lists the copies in objects/ (removing dead temp files on the way). */
static void scan_objects(const lh_cache *c, time_t now, copy_vec *out, int64_t *total)
{
	char *objects = lh_path_join(c->dir, "objects");
	DIR *top = objects ? opendir(objects) : NULL;
	struct dirent *e;
	while (top && (e = readdir(top))) {
		if (e->d_name[0] == '.')
			continue;
		char *sub = lh_path_join(objects, e->d_name);
		DIR *d = sub ? opendir(sub) : NULL;
		struct dirent *f;
		while (d && (f = readdir(d))) {
			if (f->d_name[0] == '.')
				continue;
			char *p = lh_path_join(sub, f->d_name);
			struct stat sb;
			if (!p || stat(p, &sb) != 0 || !S_ISREG(sb.st_mode)) {
				free(p);
				continue;
			}
			if (strstr(f->d_name, ".tmp-")) {
				if (now - sb.st_mtime > STALE_TEMP_S)
					unlink(p);
				free(p);
				continue;
			}
			*total += (int64_t)sb.st_size;
			copy cp = {p, (int64_t)sb.st_size, sb.st_mtime};
			if (LH_VEC_PUSH(out, cp) != LH_OK)
				free(p);
		}
		if (d)
			closedir(d);
		free(sub);
	}
	if (top)
		closedir(top);
	free(objects);
}

lh_status lh_cache_sweep_staging(const lh_cache *c, int64_t cutoff_us, bool dry_run,
                                 lh_store_entries *out, lh_err *err)
{
	memset(out, 0, sizeof *out);
	char *staging = lh_path_join(c->dir, "staging");
	if (!staging)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	DIR *d = opendir(staging);
	struct dirent *e;
	lh_status st = LH_OK;
	while (st == LH_OK && d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *dir = lh_path_join(staging, e->d_name);
		struct stat sb;
		/* a folder whose writer is alive changes as files arrive in it */
		if (!dir || stat(dir, &sb) != 0 ||
		    (int64_t)sb.st_mtim.tv_sec * 1000000 + sb.st_mtim.tv_nsec / 1000 > cutoff_us) {
			free(dir);
			continue;
		}
		DIR *f = opendir(dir);
		struct dirent *fe;
		while (st == LH_OK && f && (fe = readdir(f))) {
			if (strcmp(fe->d_name, ".") == 0 || strcmp(fe->d_name, "..") == 0)
				continue;
			char *p = lh_path_join(dir, fe->d_name);
			struct stat fs;
			if (p && stat(p, &fs) == 0) {
				lh_store_entry en = {p, (int64_t)fs.st_size, (int64_t)fs.st_mtim.tv_sec * 1000000};
				if (LH_VEC_PUSH(out, en) == LH_OK)
					p = NULL;
				else
					st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			}
			free(p);
		}
		if (f)
			closedir(f);
		if (!dry_run)
			lh_store_staging_done(dir);
		free(dir);
	}
	if (d)
		closedir(d);
	free(staging);
	return st;
}

void lh_cache_added(lh_cache *c, int64_t bytes)
{
	if (bytes <= 0)
		return;
	char *lock_path = lh_path_join(c->dir, ".lock");
	int fd = lock_path ? open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600) : -1;
	free(lock_path);
	if (fd < 0)
		return;
	/* one evicter at a time; a process that finds another at work leaves it to them */
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return;
	}
	time_t now = time(NULL);
	copy_vec copies = {0};
	int64_t total = 0;
	scan_objects(c, now, &copies, &total);
	if (total > c->max_bytes) {
		qsort(copies.items, copies.len, sizeof *copies.items, by_mtime);
		for (size_t i = 0; i < copies.len && total > c->max_bytes; i++) {
			if (now - copies.items[i].mtime < c->grace_s)
				break; /* everything after is younger still */
			if (unlink(copies.items[i].path) == 0 || errno == ENOENT)
				total -= copies.items[i].size;
		}
	}
	lh_store_entries dead = {0};
	lh_err ignored = {0};
	lh_cache_sweep_staging(c, ((int64_t)now - STALE_STAGING_S) * 1000000, false, &dead, &ignored);
	lh_store_entries_free(&dead);
	lh_err_clear(&ignored);
	for (size_t i = 0; i < copies.len; i++)
		free(copies.items[i].path);
	LH_VEC_FREE(&copies);
	flock(fd, LOCK_UN);
	close(fd);
}
