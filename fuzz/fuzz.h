/*
 * fuzz/fuzz.h - what the fuzz targets share.
 *
 * Each fuzz_<name>.c defines LLVMFuzzerTestOneInput for one parser. It is linked either
 * with libFuzzer (the LH_FUZZ build, `make fuzz`) or with replay.c, which feeds it every
 * file of a committed corpus (a CTest case of the ordinary builds). A target checks the
 * parser's promises (ranges inside the input, no overlap, ...) with FUZZ_CHECK, which
 * aborts, so a broken promise is a crash in both worlds.
 */
#ifndef LH_FUZZ_H
#define LH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                   \
	do {                                                                                   \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: promise broken: %s\n", __FILE__, __LINE__, #cond);     \
			abort();                                                                       \
		}                                                                                  \
	} while (0)

/* A NUL-terminated copy of the input (parsers of text take C strings). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

#endif
