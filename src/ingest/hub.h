/*
 * ingest/hub.h - the Hugging Face Hub's HTTP API, the calls pull and push share.
 *
 * Layer: services (ingest). URLs follow the Hub's templates under HF_ENDPOINT:
 * /api/datasets/{repo}/revision/{rev}, /api/datasets/{repo}/tree/{rev}?recursive=true
 * (paged by Link headers), /datasets/{repo}/resolve/{rev}/{path}. Repo ids and paths
 * from the Hub are checked before they name anything local: no "..", no absolute paths.
 */
#ifndef LH_INGEST_HUB_H
#define LH_INGEST_HUB_H

#include "lakehouse.h"
#include "util/buf.h"
#include "util/err.h"

#include <jansson.h>

typedef struct lh_hub {
	char *endpoint; /* no trailing '/' */
	const char *token;
} lh_hub;

typedef struct lh_hub_file {
	char *path;
	int64_t size;
	char *sha256; /* LFS files: the content's hash; NULL otherwise */
} lh_hub_file;
typedef LH_VEC(lh_hub_file) lh_hub_files;
void lh_hub_files_free(lh_hub_files *v);

lh_status lh_hub_init(lh_hub *hub, lh_err *err);
void lh_hub_clear(lh_hub *hub);
/* "ns/name" with letters, digits, '-', '_', '.'; no "..". */
bool lh_hub_repo_id_ok(const char *repo);
/* A repo-relative path safe to use under a local folder. */
bool lh_hub_path_ok(const char *path);
/* URL-escapes one path segment or a path (keep_slash). Caller frees. */
char *lh_hub_escape(const char *s, bool keep_slash);

/* The commit id a revision points at. */
lh_status lh_hub_revision(const lh_hub *hub, const char *repo, const char *rev, char **out_sha,
                          lh_err *err);
/* Every file of the repo at a commit. */
lh_status lh_hub_tree(const lh_hub *hub, const char *repo, const char *sha, lh_hub_files *out,
                      lh_err *err);
/* The Hub's JSON answers, read by pure functions (fuzz/fuzz_hub_json.c feeds them any
 * JSON); `what` starts their error messages. */
/* The commit sha of a /revision answer (caller frees). */
lh_status lh_hub_parse_revision(json_t *answer, const char *what, char **out_sha, lh_err *err);
/* Appends the files of one /tree page to *out (the caller frees *out, also on error). */
lh_status lh_hub_parse_tree_page(json_t *answer, const char *what, lh_hub_files *out,
                                 lh_err *err);
/* What a Git LFS batch answer says of one of its "objects" (strings borrowed from it). */
typedef struct lh_lfs_action {
	const char *oid;   /* NULL when missing */
	const char *error; /* the Hub refused the object: its message; NULL: no error */
	bool upload;       /* an upload action: upload to href (else the Hub has the object) */
	const char *href;  /* NULL when missing */
	bool multipart;    /* the action asks for a chunked (multipart) upload */
} lh_lfs_action;
void lh_hub_lfs_action(json_t *object, lh_lfs_action *out);
/* Downloads a file to `dest` (through dest.incomplete, resumed if present), checked
 * against its size and, for LFS files, its SHA-256. *out_bytes: bytes transferred. */
lh_status lh_hub_download(const lh_hub *hub, const char *repo, const char *sha,
                          const lh_hub_file *f, const char *dest, lh_progress_cb progress,
                          void *ctx, int64_t *out_bytes, lh_err *err);

#endif
