/*
 * store/s3_int.h - what s3.c and s3_ops.c share: the client struct and one request.
 * Internal to the store layer.
 */
#ifndef LH_STORE_S3_INT_H
#define LH_STORE_S3_INT_H

#include "store/s3.h"

#include <curl/curl.h>
#include <openssl/evp.h>
#include <pthread.h>

#define LH_S3_POOL 32

struct lh_s3 {
	lh_s3_config cfg;
	char *host; /* host[:port] exactly as sent in Host */
	bool https;
	pthread_mutex_t lock;
	CURL *pool[LH_S3_POOL]; /* idle handles, each keeping its connections */
	int npool;
};

/* One S3 request. Fill the inputs, call lh_s3_perform. */
typedef struct lh_s3_req {
	const char *method;
	const char *bucket; /* NULL: the service */
	const char *key;    /* may be NULL */
	const char *query;  /* canonical query (sorted, encoded) or NULL */
	const char *headers[8]; /* extra "Name: value" headers (not signed) */
	size_t nheaders;
	const void *body;   /* a memory body ... */
	size_t body_len;
	const char *file;   /* ... or a file range */
	int64_t file_off;
	int64_t file_len;
	const char *out_file; /* response body to this file (truncated per attempt) */
	lh_buf *out_body;     /* or into this buffer */
	bool want_md5;        /* compute the MD5 of the body as it is sent */
	/* outputs */
	long status;
	char etag[128];
	int64_t content_length;
	unsigned char md5[16];
} lh_s3_req;

/* Runs a request with retries. Errors name the method and object. HTTP 404 is
 * LH_ERR_NOT_FOUND, 412 LH_ERR_EXISTS, 401/403 LH_ERR_INVALID, others LH_ERR_IO. */
lh_status lh_s3_perform(lh_s3 *s, lh_s3_req *r, lh_err *err);
/* Percent-encodes for a URI path (keep_slash) or a query value. */
void lh_s3_uri_encode(lh_buf *b, const char *s, bool keep_slash);

/* S3's XML answers, read by pure functions (fuzz/fuzz_s3_xml.c feeds them any bytes).
 * All take NUL-terminated text and never read past the NUL. */
/* The raw text of the first <tag>...</tag>; NULL when absent. Caller frees. */
char *lh_s3_xml_value(const char *xml, const char *tag);
/* "Code: Message" of an error document into out (n bytes), else "no error details". */
void lh_s3_error_text(const char *xml, char *out, size_t n);
/* Appends one ListObjectsV2 page's objects to *out; *next_token (caller frees) is the
 * continuation token when the page says it is truncated, else NULL. */
lh_status lh_s3_parse_list_page(const char *xml, lh_s3_objects *out, char **next_token,
                                lh_err *err);
/* A DeleteObjects answer: LH_OK, or LH_ERR_IO naming the first key S3 could not delete. */
lh_status lh_s3_parse_delete_result(const char *xml, const char *bucket, lh_err *err);

typedef struct lh_s3_pool_run {
	lh_s3_job fn;
	void *ctx;
	size_t n, next;
	pthread_mutex_t lock;
	lh_status status;
	lh_err err;
} lh_s3_pool_run;
void *lh_s3_pool_worker(void *arg);

#endif
