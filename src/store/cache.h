/*
 * store/cache.h - the read-through cache of a remote store: immutable objects as local
 * files DuckDB can read.
 *
 * Layer: store. Internal to the store layer. An object's copy lives at
 *   <dir>/objects/<h[0..1]>/<h>-<file name>,  h = SHA-256(URI)
 * Objects are immutable and uniquely named (data files carry a UUIDv7 and are never
 * overwritten), so a copy is valid whatever address reached the server; each use checks
 * its size against the catalog's. Copies arrive
 * by rename, so a reader never sees half a file, and several processes may share one
 * cache: eviction runs under a lock file, removes the least recently used copies first
 * (each use touches the copy's mtime) and spares copies used within a grace period, so
 * a file another process has just fetched is not taken away before DuckDB opens it.
 */
#ifndef LH_STORE_CACHE_H
#define LH_STORE_CACHE_H

#include "store/store.h"

typedef struct lh_cache lh_cache;

/* Opens (creating) the cache folder. */
/* The cache folder when none is given: $LAKEHOUSE_CACHE_DIR, $XDG_CACHE_HOME/lakehouse,
 * ~/.cache/lakehouse (caller frees). */
char *lh_cache_default_dir(void);
lh_status lh_cache_open(const lh_cache_options *opt, lh_cache **out, lh_err *err);
void lh_cache_close(lh_cache **c);
const char *lh_cache_dir(const lh_cache *c);

/* The local file for an object (caller frees). */
char *lh_cache_path(const lh_cache *c, const char *uri);
/* True when the copy exists (with `size` bytes unless size < 0); marks it used. */
bool lh_cache_has(const lh_cache *c, const char *local, int64_t size);
/* Creates the folder of a copy. */
lh_status lh_cache_prepare(const lh_cache *c, const char *local, lh_err *err);
/* Moves a finished local file (on the cache's file system) in as the copy of `uri`. */
void lh_cache_adopt(lh_cache *c, const char *file, const char *uri);
/* Drops the copy of `uri`, if any. */
void lh_cache_forget(const lh_cache *c, const char *uri);
/* Records bytes that entered the cache; evicts when it is over its size cap. */
void lh_cache_added(lh_cache *c, int64_t bytes);
/* A new empty folder inside the cache for files on their way to the store. */
lh_status lh_cache_staging_dir(const lh_cache *c, char **out, lh_err *err);
/* Staging folders not touched since cutoff_us: their files are listed and (unless
 * dry_run) removed with the folders. */
lh_status lh_cache_sweep_staging(const lh_cache *c, int64_t cutoff_us, bool dry_run,
                                 lh_store_entries *out, lh_err *err);

#endif
