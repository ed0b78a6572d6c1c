/*
 * util/crypto.h - digests for S3 request signing and upload checks (OpenSSL).
 *
 * Layer: util.
 */
#ifndef LH_UTIL_CRYPTO_H
#define LH_UTIL_CRYPTO_H

#include "lakehouse.h"

#include <stddef.h>

/* SHA-256 of data as 64 lower-case hex characters plus NUL. */
void lh_sha256_hex(const void *data, size_t len, char out[65]);
/* SHA-256 of a whole file, hex. */
lh_status lh_sha256_file_hex(const char *path, char out[65]);
/* HMAC-SHA256 (32 raw bytes). */
void lh_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t len,
                    unsigned char out[32]);
/* Lower-case hex of n bytes into out (2n + 1 bytes). */
void lh_hex(const unsigned char *in, size_t n, char *out);
/* MD5 of data, raw 16 bytes. */
void lh_md5(const void *data, size_t len, unsigned char out[16]);
/* MD5 of a file range [offset, offset + len) (len -1: to the end), raw. */
lh_status lh_md5_file(const char *path, long long offset, long long len, unsigned char out[16]);
/* Base64 of n bytes (no line breaks) into out (4 * ((n + 2) / 3) + 1 bytes). */
void lh_base64(const unsigned char *in, size_t n, char *out);

#endif
