/*
 * util/uuid.c - UUID generation. See uuid.h.
 */
#include "util/uuid.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/random.h>
#include <time.h>

lh_status lh_random_bytes(void *buf, size_t n)
{
	unsigned char *p = buf;
	while (n > 0) {
		ssize_t got = getrandom(p, n, 0);
		if (got < 0)
			return LH_ERR_IO;
		p += got;
		n -= (size_t)got;
	}
	return LH_OK;
}

static void uuid_format(const unsigned char b[16], char out[LH_UUID_LEN + 1])
{
	snprintf(out, LH_UUID_LEN + 1,
	         "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
	         b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
	         b[15]);
}

lh_status lh_uuid_v4(char out[LH_UUID_LEN + 1])
{
	unsigned char b[16];
	if (lh_random_bytes(b, sizeof b) != LH_OK)
		return LH_ERR_IO;
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	uuid_format(b, out);
	return LH_OK;
}

/* The one piece of process-wide mutable state: the last v7 timestamp and counter. */
static pthread_mutex_t v7_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t v7_last_ms;
static uint16_t v7_counter;

lh_status lh_uuid_v7(char out[LH_UUID_LEN + 1])
{
	unsigned char b[16];
	if (lh_random_bytes(b, sizeof b) != LH_OK)
		return LH_ERR_IO;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;

	pthread_mutex_lock(&v7_lock);
	if (ms > v7_last_ms) {
		v7_last_ms = ms;
		v7_counter = (uint16_t)(((b[6] << 8) | b[7]) & 0x07ff); /* leave room to count */
	} else {
		ms = v7_last_ms; /* clock went back or same millisecond: keep order */
		if (++v7_counter > 0x0fff) {
			v7_last_ms = ++ms;
			v7_counter = 0;
		}
	}
	uint16_t counter = v7_counter;
	pthread_mutex_unlock(&v7_lock);

	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)(ms >> (40 - 8 * i));
	b[6] = (unsigned char)(0x70 | ((counter >> 8) & 0x0f));
	b[7] = (unsigned char)(counter & 0xff);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	uuid_format(b, out);
	return LH_OK;
}
