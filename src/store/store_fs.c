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
#include "util/fsutil.h"
#include "util/uuid.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STAGING ".staging"

typedef struct fs_store {
	lh_store base;
	char *root;
} fs_store;

static lh_status fs_put_file(lh_store *st, const char *local, const char *path, lh_err *err)
{
	(void)st;
	char *dir = lh_strdup(path);
	if (!dir)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	char *parent = dirname(dir);
	lh_status s = lh_fsync_path(local, false, err);
	if (s == LH_OK)
		s = lh_mkdirs(parent, err);
	/* link() refuses an existing target: an object is never overwritten */
	if (s == LH_OK && link(local, path) != 0)
		s = lh_err_set(err, LH_ERR_IO, "cannot put file '%s': %s", path, strerror(errno));
	if (s == LH_OK) {
		unlink(local);
		s = lh_fsync_path(parent, true, err);
	}
	free(dir);
	return s;
}

static lh_status fs_remove(lh_store *st, const char *path, lh_err *err)
{
	(void)st;
	if (unlink(path) != 0 && errno != ENOENT)
		return lh_err_set(err, LH_ERR_IO, "cannot remove '%s': %s", path, strerror(errno));
	return LH_OK;
}

static lh_status fs_local_path(lh_store *st, const char *path, char **out, lh_err *err)
{
	(void)st;
	*out = lh_strdup(path);
	return *out ? LH_OK : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
}

static lh_status fs_staging_dir(lh_store *st, char **out, lh_err *err)
{
	fs_store *s = (fs_store *)st;
	char id[LH_UUID_LEN + 1];
	if (lh_uuid_v7(id) != LH_OK)
		return lh_err_set(err, LH_ERR_IO, "cannot read random bytes");
	*out = lh_asprintf("%s" STAGING "/%s", s->root, id);
	if (!*out)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status r = lh_mkdirs(*out, err);
	if (r != LH_OK) {
		free(*out);
		*out = NULL;
	}
	return r;
}

static void fs_close(lh_store *st)
{
	fs_store *s = (fs_store *)st;
	free(s->root);
	free(s);
}

static const struct lh_store_ops fs_ops = {
    .name = "fs",
    .put_file = fs_put_file,
    .remove = fs_remove,
    .local_path = fs_local_path,
    .staging_dir = fs_staging_dir,
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
	*out = &s->base;
	return LH_OK;
}

void lh_store_close(lh_store **s)
{
	if (!s || !*s)
		return;
	(*s)->ops->close(*s);
	*s = NULL;
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
