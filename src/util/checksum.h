/*
 * util/checksum.h - the fast checksum of every file the lake writes (XXH3-64 from
 * libxxhash), and the record of one file's checksum.
 *
 * Layer: util. The checksum guards against damage (bit rot, bytes overwritten outside
 * the lake), not against an attacker: object names and SHA-256 content addresses do
 * that where it matters. Where checksums are recorded and checked: lake/verify.c.
 */
#ifndef LH_UTIL_CHECKSUM_H
#define LH_UTIL_CHECKSUM_H

#include "util/buf.h"
#include "util/err.h"

#include <stdint.h>

/* The algorithm's name as the catalog records it. */
#define LH_CHECKSUM_ALGO "xxh3_64"
/* 16 lower-case hex digits plus NUL. */
#define LH_CHECKSUM_HEX 17

/* One file's checksum: `path` is the object's name (full path, URI, or a key relative
 * to the data path, as the holder says); the owner frees it. */
typedef struct lh_file_sum {
	char *path;
	int64_t size;
	uint64_t xxh3;
} lh_file_sum;
typedef LH_VEC(lh_file_sum) lh_file_sums;
void lh_file_sums_free(lh_file_sums *v);

/* XXH3-64 and size of a whole local file, read once sequentially. */
lh_status lh_checksum_file(const char *path, uint64_t *out_sum, int64_t *out_size, lh_err *err);
/* XXH3-64 of a buffer. */
uint64_t lh_checksum_bytes(const void *data, size_t len);
void lh_checksum_hex(uint64_t sum, char out[LH_CHECKSUM_HEX]);
/* Parses 16 hex digits; false when malformed. */
bool lh_checksum_parse(const char *hex, uint64_t *out);

#endif
