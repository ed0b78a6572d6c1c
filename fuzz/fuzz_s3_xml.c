/*
 * fuzz/fuzz_s3_xml.c - S3's XML answers as the store reads them (store/s3_ops.c,
 * store/s3.c): a ListObjectsV2 page, CreateMultipartUpload's UploadId, an error
 * document, a DeleteObjects result.
 *
 * Promises checked: every listed object has a key; a continuation token only comes with
 * IsTruncated true; the error text is always terminated inside its buffer.
 */
#include "fuzz.h"
#include "store/s3_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *xml = fuzz_cstr(data, size);
	if (!xml)
		return 0;
	lh_s3_objects objs = {0};
	char *token = NULL;
	lh_err err = {0};
	if (lh_s3_parse_list_page(xml, &objs, &token, &err) == LH_OK) {
		for (size_t i = 0; i < objs.len; i++)
			FUZZ_CHECK(objs.items[i].key != NULL);
		FUZZ_CHECK(!token || strstr(xml, "<IsTruncated>true</IsTruncated>"));
	}
	free(token);
	lh_s3_objects_free(&objs);
	lh_err_clear(&err);

	free(lh_s3_xml_value(xml, "UploadId"));

	char text[600];
	memset(text, 'x', sizeof text);
	lh_s3_error_text(xml, text, sizeof text);
	FUZZ_CHECK(memchr(text, '\0', sizeof text) != NULL);

	if (lh_s3_parse_delete_result(xml, "bucket", &err) != LH_OK)
		FUZZ_CHECK(*lh_err_msg(&err) != '\0');
	lh_err_clear(&err);
	free(xml);
	return 0;
}
