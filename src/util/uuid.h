/*
 * util/uuid.h - UUIDv7 (time-ordered) and UUIDv4 (random) as 36-character text.
 *
 * Layer: util. Randomness comes from getrandom(2). Version 7 values made by one process
 * are strictly increasing (RFC 9562 method 1: a 12-bit counter in rand_a), so file names
 * sort in creation order.
 */
#ifndef LH_UTIL_UUID_H
#define LH_UTIL_UUID_H

#include "lakehouse.h"

#define LH_UUID_LEN 36

/* Writes a NUL-terminated UUID into out (LH_UUID_LEN + 1 bytes). */
lh_status lh_uuid_v7(char out[LH_UUID_LEN + 1]);
lh_status lh_uuid_v4(char out[LH_UUID_LEN + 1]);
/* Fills buf with n random bytes. */
lh_status lh_random_bytes(void *buf, size_t n);

#endif
