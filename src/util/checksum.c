/*
 * util/checksum.c - XXH3-64 of files and buffers. See checksum.h.
 */
#include "util/checksum.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#define READ_CHUNK ((size_t)1 << 20)

void lh_file_sums_free(lh_file_sums *v)
{
	for (size_t i = 0; i < v->len; i++)
		free(v->items[i].path);
	LH_VEC_FREE(v);
}

uint64_t lh_checksum_bytes(const void *data, size_t len)
{
	return (uint64_t)XXH3_64bits(data, len);
}

lh_status lh_checksum_file(const char *path, uint64_t *out_sum, int64_t *out_size, lh_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return lh_err_set(err, errno == ENOENT ? LH_ERR_NOT_FOUND : LH_ERR_IO,
		                  "cannot read '%s' to check its checksum: %s", path, strerror(errno));
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	XXH3_state_t *state = XXH3_createState();
	char *chunk = malloc(READ_CHUNK);
	lh_status st = state && chunk ? LH_OK : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK)
		XXH3_64bits_reset(state);
	int64_t size = 0;
	while (st == LH_OK) {
		ssize_t n = read(fd, chunk, READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			st = lh_err_set(err, LH_ERR_IO, "cannot read '%s' to check its checksum: %s", path,
			                strerror(errno));
		if (n <= 0)
			break;
		XXH3_64bits_update(state, chunk, (size_t)n);
		size += n;
	}
	if (st == LH_OK) {
		*out_sum = (uint64_t)XXH3_64bits_digest(state);
		if (out_size)
			*out_size = size;
	}
	free(chunk);
	XXH3_freeState(state);
	close(fd);
	return st;
}

void lh_checksum_hex(uint64_t sum, char out[LH_CHECKSUM_HEX])
{
	snprintf(out, LH_CHECKSUM_HEX, "%016llx", (unsigned long long)sum);
}

bool lh_checksum_parse(const char *hex, uint64_t *out)
{
	if (!hex || strlen(hex) != 16)
		return false;
	uint64_t v = 0;
	for (int i = 0; i < 16; i++) {
		char c = hex[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	*out = v;
	return true;
}
