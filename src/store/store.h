/*
 * store/store.h - where data and delete files live: the object store interface.
 *
 * Layer: store. Objects are named by their full path or URI, exactly as the catalog
 * resolves it (data path + schema path + table path + file name). A backend moves
 * finished local files in (put), removes them, and tells DuckDB where to read them.
 * Backends never call the catalog, the engine or the lake. This issue ships the local
 * folder backend; S3 plugs in behind the same operations.
 */
#ifndef LH_STORE_STORE_H
#define LH_STORE_STORE_H

#include "util/err.h"

typedef struct lh_store lh_store;

struct lh_store_ops {
	const char *name;
	/* Moves the finished local file `local` to object `path`; the local file is gone
	 * afterwards. The object is durable when this returns. An existing object is never
	 * overwritten. */
	lh_status (*put_file)(lh_store *s, const char *local, const char *path, lh_err *err);
	/* Removes object `path`; a missing object is not an error. */
	lh_status (*remove)(lh_store *s, const char *path, lh_err *err);
	/* A local file path DuckDB can read for `path` (caller frees). */
	lh_status (*local_path)(lh_store *s, const char *path, char **out, lh_err *err);
	/* A new, empty local folder for files on their way in (caller frees the name and
	 * removes the folder with lh_store_staging_done). */
	lh_status (*staging_dir)(lh_store *s, char **out, lh_err *err);
	void (*close)(lh_store *s);
};

struct lh_store {
	const struct lh_store_ops *ops;
};

/* A store on a local folder; `root` is the data path (absolute, ending in '/'). */
lh_status lh_store_open_fs(const char *root, lh_store **out, lh_err *err);
void lh_store_close(lh_store **s);
/* Removes a staging folder and whatever is left in it. Never fails loudly. */
void lh_store_staging_done(const char *dir);

#endif
