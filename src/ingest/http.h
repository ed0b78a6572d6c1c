/*
 * ingest/http.h - the HTTP client the Hugging Face Hub code uses (libcurl).
 *
 * Layer: services (ingest). Follows redirects (curl never forwards the Authorization
 * header to another host), retries connection failures and 5xx/429 answers with
 * backoff, caps bodies held in memory, and can resume a download into a file with a
 * Range request. Never prints.
 */
#ifndef LH_INGEST_HTTP_H
#define LH_INGEST_HTTP_H

#include "util/buf.h"
#include "util/err.h"

#include <stdint.h>

typedef struct lh_http_req {
	const char *method;    /* "GET", "POST", "PUT", "HEAD" */
	const char *url;
	const char *token;     /* Bearer token or NULL */
	const char *ctype;     /* Content-Type of the body, or NULL */
	const char *accept;    /* Accept header, or NULL */
	const void *body;      /* request body in memory ... */
	size_t body_len;
	const char *body_file; /* ... or from a file */
	const char *out_file;  /* write the response body here (appending from its size
	                          with a Range request when resume is set) */
	int resume;
	/* progress of a download: bytes so far (including a resumed part) and the total
	 * (-1 unknown) */
	void (*progress)(void *ctx, int64_t done, int64_t total);
	void *progress_ctx;
} lh_http_req;

typedef struct lh_http_resp {
	long status;
	lh_buf body;           /* the body unless out_file was given (capped at 64 MiB) */
	char *link_next;       /* Link: <...>; rel="next" */
	char *etag;
	char *error_code;      /* X-Error-Code */
} lh_http_resp;

/* Performs a request. Any HTTP status is LH_OK (look at resp->status); transport
 * failures after the retries are LH_ERR_IO. Free resp with lh_http_resp_free. */
lh_status lh_http_do(const lh_http_req *req, lh_http_resp *resp, lh_err *err);
void lh_http_resp_free(lh_http_resp *resp);

/* "what" failed with status N: the server's message when it sent one. */
lh_status lh_http_fail(const lh_http_resp *resp, const char *what, lh_err *err);

#endif
