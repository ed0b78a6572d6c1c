/*
 * store/store_fs.c - the local folder backend of the object store.
 *
 * Layer: store. Files arrive through a staging folder inside the data path (so a
 * rename moves them, never a copy), are fsync'ed, renamed into place with a link that
 * fails if the name exists, and their folder is fsync'ed: once put_file returns, a crash
 * cannot lose the file the catalog is about to reference.
 */
#include "store/store.h"
#include "util/buf.h"
#include "util/crypto.h"
#include "util/fault.h"
#include "util/fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STAGING ".staging"

typedef struct fs_store {
	lh_store base;
	char *root;
} fs_store;

static lh_status fs_put_file(lh_store *st, const char *local, const char *path, lh_err *err)
{
	if (lh_fault(LH_FAULT_STORE_PUT))
		return lh_err_set(err, LH_ERR_IO, "cannot put file '%s': %s", path, strerror(errno));
	char *dir = lh_strdup(path);
	if (!dir)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	char *parent = dirname(dir);
	lh_status s = lh_store_log_put(st, local, path, err);
	bool logged = s == LH_OK;
	if (s == LH_OK)
		s = lh_fsync_path(local, false, err);
	if (s == LH_OK)
		s = lh_mkdirs(parent, err);
	/* link() refuses an existing target: an object is never overwritten */
	if (s == LH_OK && (lh_fault(LH_FAULT_RENAME) || link(local, path) != 0))
		s = lh_err_set(err, LH_ERR_IO, "cannot put file '%s': %s", path, strerror(errno));
	if (s == LH_OK) {
		unlink(local);
		s = lh_fsync_path(parent, true, err);
	} else if (logged) {
		lh_store_log_drop(st);
	}
	free(dir);
	return s;
}

static lh_status fs_remove_many(lh_store *st, char *const *paths, size_t n, lh_err *err)
{
	(void)st;
	for (size_t i = 0; i < n; i++)
		if (unlink(paths[i]) != 0 && errno != ENOENT)
			return lh_err_set(err, LH_ERR_IO, "cannot remove '%s': %s", paths[i],
			                  strerror(errno));
	return LH_OK;
}

static lh_status fs_stat(lh_store *st, const char *path, int64_t *out_size, lh_err *err)
{
	(void)st;
	struct stat sb;
	if (stat(path, &sb) != 0)
		return lh_err_set(err, errno == ENOENT ? LH_ERR_NOT_FOUND : LH_ERR_IO,
		                  "cannot stat '%s': %s", path, strerror(errno));
	*out_size = (int64_t)sb.st_size;
	return LH_OK;
}

static lh_status fs_etag(lh_store *st, const char *path, char *out, lh_err *err)
{
	(void)st;
	unsigned char md5[16];
	lh_status r = lh_md5_file(path, 0, -1, md5);
	if (r != LH_OK)
		return lh_err_set(err, errno == ENOENT ? LH_ERR_NOT_FOUND : LH_ERR_IO,
		                  "cannot read '%s': %s", path, strerror(errno));
	lh_hex(md5, sizeof md5, out);
	return LH_OK;
}

static lh_status fs_read_range(lh_store *st, const char *path, int64_t offset, int64_t len,
                               lh_buf *out, lh_err *err)
{
	(void)st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return lh_err_set(err, errno == ENOENT ? LH_ERR_NOT_FOUND : LH_ERR_IO,
		                  "cannot open '%s': %s", path, strerror(errno));
	char *chunk = malloc(len > 0 ? (size_t)len : 1);
	lh_status s = chunk ? LH_OK : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	int64_t done = 0;
	while (s == LH_OK && done < len) {
		ssize_t n = pread(fd, chunk + done, (size_t)(len - done), offset + done);
		if (n <= 0)
			s = lh_err_set(err, n == 0 ? LH_ERR_CORRUPT : LH_ERR_IO,
			               "cannot read bytes %lld-%lld of '%s': %s", (long long)offset,
			               (long long)(offset + len - 1), path,
			               n == 0 ? "the object is shorter" : strerror(errno));
		else
			done += n;
	}
	if (s == LH_OK) {
		lh_buf_append(out, chunk, (size_t)len);
		s = lh_buf_status(out);
		if (s != LH_OK)
			lh_err_set(err, s, "cannot hold %lld bytes of '%s' in memory", (long long)len, path);
	}
	free(chunk);
	close(fd);
	return s;
}

/* Local files need no fetching; this only checks they are there, as the catalog says. */
static lh_status fs_fetch(lh_store *st, char *const *paths, const int64_t *sizes, size_t n,
                          lh_err *err)
{
	(void)st;
	for (size_t i = 0; i < n; i++) {
		struct stat sb;
		if (stat(paths[i], &sb) != 0)
			return lh_err_set(err, LH_ERR_NOT_FOUND,
			                  "a file the catalog references is missing: '%s' (%s)", paths[i],
			                  strerror(errno));
		if (sizes && sizes[i] >= 0 && (int64_t)sb.st_size != sizes[i])
			return lh_err_set(err, LH_ERR_CORRUPT,
			                  "'%s' has %lld bytes, but the catalog records %lld: the file was "
			                  "changed or truncated outside the lake",
			                  paths[i], (long long)sb.st_size, (long long)sizes[i]);
	}
	return LH_OK;
}

static char *fs_local_path(lh_store *st, const char *path)
{
	(void)st;
	return lh_strdup(path);
}

static lh_status fs_staging_dir(lh_store *st, char **out, lh_err *err)
{
	fs_store *s = (fs_store *)st;
	char *staging = lh_path_join(s->root, STAGING);
	lh_status r = staging ? lh_store_new_staging(staging, out, err)
	                      : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(staging);
	return r;
}

/* Appends the regular files below `dir` (recursively) to out. */
static lh_status walk(const char *dir, lh_store_entries *out, lh_err *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT || errno == ENOTDIR
		           ? LH_OK
		           : lh_err_set(err, LH_ERR_IO, "cannot list '%s': %s", dir, strerror(errno));
	lh_status st = LH_OK;
	struct dirent *e;
	while (st == LH_OK && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = lh_path_join(dir, e->d_name);
		struct stat sb;
		if (!p) {
			st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		} else if (lstat(p, &sb) != 0) {
			/* gone meanwhile */
		} else if (S_ISDIR(sb.st_mode)) {
			st = walk(p, out, err);
		} else if (S_ISREG(sb.st_mode)) {
			lh_store_entry en = {p, (int64_t)sb.st_size,
			                     (int64_t)sb.st_mtim.tv_sec * 1000000 + sb.st_mtim.tv_nsec / 1000};
			if (LH_VEC_PUSH(out, en) == LH_OK)
				p = NULL;
			else
				st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		}
		free(p);
	}
	closedir(d);
	return st;
}

static lh_status fs_list(lh_store *st, const char *prefix, lh_store_entries *out, lh_err *err)
{
	(void)st;
	memset(out, 0, sizeof *out);
	/* a prefix is a folder (ends in '/') or a folder plus the start of names */
	const char *slash = strrchr(prefix, '/');
	char *dir = slash ? lh_strndup(prefix, (size_t)(slash - prefix) + 1) : lh_strdup(".");
	if (!dir)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_store_entries all = {0};
	lh_status r = walk(dir, &all, err);
	free(dir);
	for (size_t i = 0; i < all.len; i++) {
		if (r == LH_OK && lh_str_starts_with(all.items[i].path, prefix)) {
			if (LH_VEC_PUSH(out, all.items[i]) == LH_OK)
				continue;
			r = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		}
		free(all.items[i].path);
	}
	LH_VEC_FREE(&all);
	if (r != LH_OK)
		lh_store_entries_free(out);
	return r;
}

static void fs_close(lh_store *st)
{
	fs_store *s = (fs_store *)st;
	free(s->root);
	free(s);
}

/* Staging lives inside the data path, where cleanup finds its files as orphans; what
 * is left here are the empty folders of writers that died. */
static lh_status fs_sweep_staging(lh_store *st, int64_t cutoff_us, bool dry_run,
                                  lh_store_entries *out, lh_err *err)
{
	fs_store *s = (fs_store *)st;
	(void)err;
	memset(out, 0, sizeof *out);
	char *staging = lh_path_join(s->root, STAGING);
	DIR *d = staging ? opendir(staging) : NULL;
	struct dirent *e;
	while (!dry_run && d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *p = lh_path_join(staging, e->d_name);
		struct stat sb;
		if (p && stat(p, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    (int64_t)sb.st_mtim.tv_sec * 1000000 + sb.st_mtim.tv_nsec / 1000 <= cutoff_us)
			rmdir(p); /* only when empty */
		free(p);
	}
	if (d)
		closedir(d);
	free(staging);
	return LH_OK;
}

static const struct lh_store_ops fs_ops = {
    .name = "fs",
    .put_file = fs_put_file,
    .remove_many = fs_remove_many,
    .fetch = fs_fetch,
    .local_path = fs_local_path,
    .staging_dir = fs_staging_dir,
    .stat = fs_stat,
    .etag = fs_etag,
    .read_range = fs_read_range,
    .list = fs_list,
    .sweep_staging = fs_sweep_staging,
    .close = fs_close,
};

lh_status lh_store_open_fs(const char *root, lh_store **out, lh_err *err)
{
	*out = NULL;
	fs_store *s = calloc(1, sizeof *s);
	if (!s || !(s->root = lh_strdup(root))) {
		free(s);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	s->base.ops = &fs_ops;
	s->base.local_root = s->root;
	*out = &s->base;
	return LH_OK;
}

