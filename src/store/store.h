/*
 * store/store.h - where data and delete files live: the object store interface.
 *
 * Layer: store. Objects are named by their full path or URI, exactly as the catalog
 * resolves it (data path + schema path + table path + file name). A backend moves
 * finished local files in (put), removes them, lists them, and makes them readable by
 * DuckDB as local files (fetch + local_path). Backends never call the catalog, the
 * engine or the lake. Two backends: a local folder, and S3 with a read-through cache.
 */
#ifndef LH_STORE_STORE_H
#define LH_STORE_STORE_H

#include "util/buf.h"
#include "util/checksum.h"
#include "util/err.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct lh_store lh_store;

#define LH_ETAG_MAX 128

typedef struct lh_store_entry {
	char *path;       /* full path or URI */
	int64_t size;
	int64_t mtime_us; /* last modified, microseconds since the epoch */
} lh_store_entry;
typedef LH_VEC(lh_store_entry) lh_store_entries;
void lh_store_entries_free(lh_store_entries *v);

struct lh_store_ops {
	const char *name;
	/* Moves the finished local file `local` to object `path`; the local file is gone
	 * afterwards. The object is durable (and verified) when this returns. An existing
	 * object is never overwritten. */
	lh_status (*put_file)(lh_store *s, const char *local, const char *path, lh_err *err);
	/* Removes objects; missing ones are not an error. */
	lh_status (*remove_many)(lh_store *s, char *const *paths, size_t n, lh_err *err);
	/* Makes objects readable as local files: a remote store downloads what its cache
	 * lacks, in parallel. sizes[i] (sizes may be NULL; -1 unknown) is the size the
	 * catalog records: a cached or downloaded copy of another size is an error. */
	lh_status (*fetch)(lh_store *s, char *const *paths, const int64_t *sizes, size_t n,
	                   lh_err *err);
	/* The local file DuckDB reads for `path` (no I/O; caller frees). */
	char *(*local_path)(lh_store *s, const char *path);
	/* A new, empty local folder for files on their way in (caller frees the name and
	 * removes the folder with lh_store_staging_done). */
	lh_status (*staging_dir)(lh_store *s, char **out, lh_err *err);
	/* The size of object `path`; LH_ERR_NOT_FOUND when there is none. */
	lh_status (*stat)(lh_store *s, const char *path, int64_t *out_size, lh_err *err);
	/* The object's ETag without quotes (S3: as the server has it; a folder: the MD5 of
	 * the bytes in hex, what a single-part upload of them gets); LH_ERR_NOT_FOUND when
	 * there is no such object. out holds at least LH_ETAG_MAX bytes. */
	lh_status (*etag)(lh_store *s, const char *path, char *out, lh_err *err);
	/* Appends bytes [offset, offset + len) of object `path` to `out` (a ranged read:
	 * nothing else of the object is transferred). Reading past the end is an error. */
	lh_status (*read_range)(lh_store *s, const char *path, int64_t offset, int64_t len,
	                        lh_buf *out, lh_err *err);
	/* Every object whose path starts with `prefix`. */
	lh_status (*list)(lh_store *s, const char *prefix, lh_store_entries *out, lh_err *err);
	/* Removes what writers that died left in local staging folders outside the data
	 * path, last modified before cutoff_us (all but the removal with dry_run), and
	 * lists the files. */
	lh_status (*sweep_staging)(lh_store *s, int64_t cutoff_us, bool dry_run,
	                           lh_store_entries *out, lh_err *err);
	void (*close)(lh_store *s);
};

struct lh_store {
	const struct lh_store_ops *ops;
	bool remote; /* reads go through a local cache */
	/* the folder every local_path lies in: the store's root folder, or a remote store's
	 * cache (owned by the store) */
	const char *local_root;
	/* what fetch downloaded since the store was opened (remote stores) */
	int64_t fetched_files;
	int64_t fetched_bytes;
	/* Every object put since the log was last taken, with the checksum of the bytes
	 * put (computed from the staged file before it moved in): the lake records them in
	 * the catalog at commit (lake/verify.c). Paths are full paths or URIs. */
	lh_file_sums put_log;
	/* Set by the lake: the recorded checksums of objects a remote store is about to
	 * download (has[i] false: none recorded). A download that does not match is an
	 * error and never enters the cache. NULL: downloads are checked by size only. */
	lh_status (*expect_sums)(void *ctx, char *const *paths, size_t n, uint64_t *sums,
	                         bool *has, lh_err *err);
	void *expect_ctx;
};

/* Settings of the read-through cache of a remote store. */
typedef struct lh_cache_options {
	const char *dir;   /* NULL: $LAKEHOUSE_CACHE_DIR, $XDG_CACHE_HOME/lakehouse, ~/.cache/lakehouse */
	int64_t max_bytes; /* 0: $LAKEHOUSE_CACHE_MAX_BYTES, else 10 GiB */
	int64_t grace_s;   /* copies used this recently are never evicted; 0:
	                      $LAKEHOUSE_CACHE_GRACE_SECONDS, else 300 */
} lh_cache_options;

/* A store on a local folder; `root` is the data path (absolute, ending in '/'). */
lh_status lh_store_open_fs(const char *root, lh_store **out, lh_err *err);
struct lh_s3_secret;
/* How a remote store is opened; NULL fields (or no options): the defaults. */
typedef struct lh_store_options {
	const lh_cache_options *cache;
	const struct lh_s3_secret *secret; /* credentials from SQL; NULL: the environment */
} lh_store_options;

/* A store on S3; `root` is "s3://bucket/prefix/". Endpoint and credentials come from
 * the environment (store/s3.h), or the options' secret. */
lh_status lh_store_open_s3(const char *root, const lh_store_options *opts, lh_store **out,
                           lh_err *err);
/* Opens the store for a data path: s3:// URIs on S3, anything else a local folder. */
lh_status lh_store_open(const char *root, const lh_store_options *opts, lh_store **out,
                        lh_err *err);
void lh_store_close(lh_store **s);
/* Makes a new, empty staging folder <parent>/<uuidv7> (caller frees *out). */
lh_status lh_store_new_staging(const char *parent, char **out, lh_err *err);
/* Removes a staging folder and whatever is left in it. Never fails loudly. */
void lh_store_staging_done(const char *dir);
/* Puts a content-addressed object: when `path` already exists with the same size it is
 * kept (the name is the content's hash) and `local` is removed; *out_stored (may be
 * NULL) says whether bytes were written. */
lh_status lh_store_put_once(lh_store *s, const char *local, const char *path, bool *out_stored,
                            lh_err *err);
/* Backends call this with the staged file before they move it in as `path`: its
 * checksum goes to the put log (lh_store_log_drop undoes it when the put fails). */
lh_status lh_store_log_put(lh_store *s, const char *local, const char *path, lh_err *err);
void lh_store_log_drop(lh_store *s);
/* Empties the put log. */
void lh_store_log_clear(lh_store *s);

/* Removes objects a failed run created, ignoring errors (the caller's error stays the
 * one to report; cleanup removes what is left). */
void lh_store_discard(lh_store *s, char *const *paths, size_t n);
/* Convenience: removes one object. */
lh_status lh_store_remove(lh_store *s, const char *path, lh_err *err);

#endif
