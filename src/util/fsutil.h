/*
 * util/fsutil.h - paths and local files: joining, creating folders, durable writes,
 * and the current time in the catalog's timestamp format.
 *
 * Layer: util. Paths always use '/'. Nothing here knows about lakes or objects.
 */
#ifndef LH_UTIL_FSUTIL_H
#define LH_UTIL_FSUTIL_H

#include "util/err.h"

#include <stdbool.h>
#include <stdint.h>

/* a + "/" + b without doubling the '/'; caller frees. b absolute -> copy of b. */
char *lh_path_join(const char *a, const char *b);
/* An absolute version of path (relative ones are taken from the working directory),
 * with "." segments and repeated '/' removed; ".." is kept as is. Caller frees. */
char *lh_path_absolute(const char *path);
bool lh_path_exists(const char *path);
bool lh_path_is_dir(const char *path);
/* Creates path and its missing parents (mode 0755). */
lh_status lh_mkdirs(const char *path, lh_err *err);
/* Reads a whole file (at most max bytes) into a NUL-terminated heap string. */
lh_status lh_file_read(const char *path, size_t max, char **out, size_t *out_len, lh_err *err);
/* Writes a file durably and atomically: temp file, fsync, rename, fsync the folder. */
lh_status lh_file_write_atomic(const char *path, const char *data, size_t len, lh_err *err);
/* fsyncs a file, or with dir=true a folder. */
lh_status lh_fsync_path(const char *path, bool dir, lh_err *err);
/* Copies src to dst, which must not exist (a new file, not fsync'ed; removed on failure). */
lh_status lh_file_copy(const char *src, const char *dst, lh_err *err);
/* Makes dst (which must not exist) a second name of src when both are on one file
 * system, else a copy of it. */
lh_status lh_file_link_or_copy(const char *src, const char *dst, lh_err *err);
/* Why a new file next to `path` (in the same folder) cannot be written: 0 when a page
 * of one can be written, else the errno (EROFS, ENOSPC, EACCES...). Leaves nothing. */
int lh_sibling_write_errno(const char *path);
/* Makes a fresh folder $TMPDIR/<prefix>-XXXXXX (/tmp without TMPDIR) to hold `what`
 * (named in the error); *out: its path (caller frees). */
lh_status lh_temp_dir(const char *prefix, const char *what, char **out, lh_err *err);
/* Size of a file in bytes, -1 if it cannot be stat'ed. */
int64_t lh_file_size(const char *path);

/* Now, UTC, as "YYYY-MM-DD HH:MM:SS.ffffff+00" with trailing zeros of the fraction
 * trimmed, the way DuckDB renders a TIMESTAMPTZ in UTC. out holds 40 bytes. */
void lh_now_timestamptz(char out[40]);
/* Called for each entry under a walked folder that is not a folder: rel is its path
 * relative to the root ('/'-separated), full the path to open, st its stat (lstat when
 * links are not followed). A status other than LH_OK stops the walk with it. */
struct stat;
typedef lh_status (*lh_walk_fn)(void *ctx, const char *rel, const char *full,
                                const struct stat *st);
/* Walks folder root recursively, in no particular order; names starting with '.' are
 * passed over with skip_hidden; links are followed with follow_links. */
lh_status lh_walk_files(const char *root, bool skip_hidden, bool follow_links, lh_walk_fn fn,
                        void *ctx, lh_err *err);
/* The time now, microseconds since the epoch. */
int64_t lh_now_us(void);
/* Parses "YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM]|-HH[:MM]]" (offset absent = UTC) into
 * microseconds since the epoch. */
bool lh_parse_timestamptz(const char *s, int64_t *out_us);
/* The integer in environment variable `name`, or dflt when it is unset or not one. */
int64_t lh_env_int(const char *name, int64_t dflt);
/* Milliseconds on a monotonic clock, for timing and backoff. */
double lh_monotonic_ms(void);
/* Sleeps ms milliseconds. */
void lh_sleep_ms(double ms);

#endif
