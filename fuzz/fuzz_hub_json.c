/*
 * fuzz/fuzz_hub_json.c - the Hugging Face Hub's JSON answers as ingest reads them
 * (ingest/hub.c, ingest/http.c): a revision, a page of the recursive tree listing, the
 * objects of a Git LFS batch answer, an error body.
 *
 * Promises checked: a revision's sha is a plain name; every listed file has a path
 * that is safe under a local folder and a size a download can be checked against
 * (never negative); an LFS object the Hub refused has a message to show; errors have a
 * message.
 */
#include "fuzz.h"
#include "ingest/http.h"
#include "ingest/hub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *j = json_loadb((const char *)data, size, 0, NULL);
	lh_err err = {0};
	if (j) {
		char *sha = NULL;
		if (lh_hub_parse_revision(j, "cannot read revision", &sha, &err) == LH_OK)
			FUZZ_CHECK(sha && *sha && !strchr(sha, '/'));
		else
			FUZZ_CHECK(*lh_err_msg(&err) != '\0');
		free(sha);
		lh_err_clear(&err);

		lh_hub_files files = {0};
		if (lh_hub_parse_tree_page(j, "cannot list", &files, &err) == LH_OK) {
			for (size_t i = 0; i < files.len; i++) {
				FUZZ_CHECK(files.items[i].path && lh_hub_path_ok(files.items[i].path));
				FUZZ_CHECK(files.items[i].size >= 0);
			}
		} else {
			FUZZ_CHECK(*lh_err_msg(&err) != '\0');
		}
		lh_hub_files_free(&files);
		lh_err_clear(&err);

		size_t i;
		json_t *o;
		json_array_foreach(json_object_get(j, "objects"), i, o)
		{
			lh_lfs_action a;
			lh_hub_lfs_action(o, &a);
			FUZZ_CHECK(!json_object_get(o, "error") || a.error);
			FUZZ_CHECK(!a.multipart || a.upload);
		}
		json_decref(j);
	}
	/* any body of a failed request */
	lh_http_resp resp = {.status = 404};
	lh_buf_init(&resp.body, 0);
	lh_buf_append(&resp.body, (const char *)data, size);
	FUZZ_CHECK(lh_http_fail(&resp, "cannot read", &err) == LH_ERR_NOT_FOUND);
	FUZZ_CHECK(*lh_err_msg(&err) != '\0');
	lh_err_clear(&err);
	lh_buf_free(&resp.body);
	return 0;
}
