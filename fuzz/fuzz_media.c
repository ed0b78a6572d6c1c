/*
 * fuzz/fuzz_media.c - image header parsing (ingest/media.c): PNG, JPEG, WebP, GIF and
 * the other formats told apart by their first bytes.
 *
 * Promises checked: a format and an extension are always set; an image accepted as
 * valid has a positive width and height; a non-image has no size.
 */
#include "fuzz.h"
#include "ingest/media.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lh_media_info info;
	memset(&info, 0, sizeof info);
	bool ok = lh_media_sniff(data, size, &info);
	FUZZ_CHECK(info.format != NULL && info.ext != NULL);
	if (ok && info.image)
		FUZZ_CHECK(info.width > 0 && info.height > 0);
	if (!info.image)
		FUZZ_CHECK(ok && info.width == -1 && info.height == -1);
	return 0;
}
