/*
 * fuzz/fuzz_mp4.c - the fragmented MP4 box parser (ingest/mp4.c), which reads clips we
 * do not control. It reads a file, so each input is written to one temporary file
 * (on /dev/shm when there is one) and indexed from there.
 *
 * Promises checked on success: at least one fragment; fragments lie inside the file,
 * after the init segment, in order and without overlap; frames are numbered from 1
 * without gaps and add up to the clip's frame count.
 */
#include "fuzz.h"
#include "ingest/mp4.h"

#include <unistd.h>

static char path[64];

static void remove_file(void)
{
	unlink(path);
}

static bool write_input(const uint8_t *data, size_t size)
{
	if (!path[0]) {
		snprintf(path, sizeof path, "%s/lh-fuzz-mp4-XXXXXX",
		         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
		int fd = mkstemp(path);
		if (fd < 0)
			return false;
		close(fd);
		atexit(remove_file);
	}
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return false;
	bool ok = fwrite(data, 1, size, fp) == size;
	return fclose(fp) == 0 && ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!write_input(data, size))
		abort(); /* not the parser's fault, but the run would prove nothing */
	lh_mp4_index ix;
	lh_err err = {0};
	if (lh_mp4_index_file(path, &ix, &err) != LH_OK) {
		FUZZ_CHECK(*lh_err_msg(&err) != '\0');
		lh_err_clear(&err);
		return 0;
	}
	FUZZ_CHECK(ix.file_size == (int64_t)size);
	FUZZ_CHECK(ix.fragments.len > 0 && ix.init_length > 0);
	int64_t end = ix.init_length, frame = 0;
	for (size_t i = 0; i < ix.fragments.len; i++) {
		const lh_mp4_fragment *f = &ix.fragments.items[i];
		FUZZ_CHECK(f->byte_offset >= end && f->byte_length > 0);
		FUZZ_CHECK(f->byte_offset + f->byte_length <= ix.file_size);
		FUZZ_CHECK(f->start_frame == frame + 1 && f->end_frame >= f->start_frame);
		end = f->byte_offset + f->byte_length;
		frame = f->end_frame;
	}
	FUZZ_CHECK(ix.frames == frame);
	lh_mp4_index_free(&ix);
	lh_err_clear(&err);
	return 0;
}
