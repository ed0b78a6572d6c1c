/*
 * store/store.c - what every store backend shares: opening by data path, removing one
 * object, staging folders. See store.h.
 */
#include "store/store.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

lh_status lh_store_open(const char *root, const lh_store_options *opts, lh_store **out,
                        lh_err *err)
{
	if (lh_str_starts_with(root, "s3://"))
		return lh_store_open_s3(root, opts, out, err);
	return lh_store_open_fs(root, out, err);
}

void lh_store_close(lh_store **s)
{
	if (!s || !*s)
		return;
	lh_file_sums_free(&(*s)->put_log);
	(*s)->ops->close(*s);
	*s = NULL;
}

lh_status lh_store_put_once(lh_store *s, const char *local, const char *path, bool *out_stored,
                            lh_err *err)
{
	int64_t want = lh_file_size(local), have = -1;
	if (out_stored)
		*out_stored = false;
	lh_status r = s->ops->stat(s, path, &have, err);
	if (r == LH_OK && have == want) {
		/* the same name means the same content: record what it should be */
		r = lh_store_log_put(s, local, path, err);
		unlink(local);
		return r;
	}
	if (r == LH_OK)
		return lh_err_set(err, LH_ERR_CORRUPT,
		                  "'%s' exists with %lld bytes, but its content has %lld: the object "
		                  "was changed outside the lake",
		                  path, (long long)have, (long long)want);
	if (r != LH_ERR_NOT_FOUND)
		return r;
	lh_err_clear(err);
	r = s->ops->put_file(s, local, path, err);
	if (r == LH_OK) {
		if (out_stored)
			*out_stored = true;
		return LH_OK;
	}
	/* another writer may have stored the same content first; if not, put_file's error
	 * is the one to report */
	lh_err scratch = {0};
	bool same = s->ops->stat(s, path, &have, &scratch) == LH_OK && have == want;
	lh_err_clear(&scratch);
	if (!same)
		return r;
	lh_err_clear(err);
	unlink(local);
	return LH_OK;
}

void lh_store_discard(lh_store *s, char *const *paths, size_t n)
{
	lh_err scratch = {0};
	if (n)
		s->ops->remove_many(s, paths, n, &scratch);
	lh_err_clear(&scratch);
}

lh_status lh_store_remove(lh_store *s, const char *path, lh_err *err)
{
	char *const paths[1] = {(char *)path};
	return s->ops->remove_many(s, paths, 1, err);
}

void lh_store_entries_free(lh_store_entries *v)
{
	for (size_t i = 0; i < v->len; i++)
		free(v->items[i].path);
	LH_VEC_FREE(v);
}

void lh_store_staging_done(const char *dir)
{
	if (!dir)
		return;
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char *p = lh_path_join(dir, e->d_name);
			if (p)
				unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

lh_status lh_store_new_staging(const char *parent, char **out, lh_err *err)
{
	char id[LH_UUID_LEN + 1];
	*out = NULL;
	if (lh_uuid_v7(id) != LH_OK)
		return lh_err_set(err, LH_ERR_IO, "cannot read random bytes");
	if (!(*out = lh_path_join(parent, id)))
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = lh_mkdirs(*out, err);
	if (st != LH_OK) {
		free(*out);
		*out = NULL;
	}
	return st;
}

lh_status lh_store_log_put(lh_store *s, const char *local, const char *path, lh_err *err)
{
	lh_file_sum sum = {0};
	lh_status r = lh_checksum_file(local, &sum.xxh3, &sum.size, err);
	if (r != LH_OK)
		return r;
	sum.path = lh_strdup(path);
	if (!sum.path || LH_VEC_PUSH(&s->put_log, sum) != LH_OK) {
		free(sum.path);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

void lh_store_log_drop(lh_store *s)
{
	if (s->put_log.len)
		free(s->put_log.items[--s->put_log.len].path);
}

void lh_store_log_clear(lh_store *s)
{
	if (s)
		lh_file_sums_free(&s->put_log);
}
