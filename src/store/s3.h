/*
 * store/s3.h - an S3 client on libcurl + OpenSSL: SigV4, object operations, retries,
 * parallel transfers.
 *
 * Layer: store. Speaks the S3 REST API to any compatible server (Ceph RGW, MinIO,
 * RustFS, AWS S3, Cloudflare R2). Credentials come from the environment only and are
 * never written anywhere. Every request is signed with SigV4 and carries
 * x-amz-content-sha256 (the payload's SHA-256 for small bodies, UNSIGNED-PAYLOAD for
 * file bodies, whose MD5 is computed while sending and checked against the ETag).
 * Requests are retried with exponential backoff and jitter on 5xx, 429, timeouts and
 * connection failures. The client is thread-safe; each transfer uses a pooled curl
 * handle, so connections are reused.
 */
#ifndef LH_STORE_S3_H
#define LH_STORE_S3_H

#include "util/buf.h"
#include "util/err.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct lh_s3_config {
	char *endpoint;      /* scheme://host[:port], no trailing '/' */
	char *region;
	char *access_key;    /* from the environment, never persisted */
	char *secret_key;
	char *session_token; /* may be NULL */
	bool path_style;     /* bucket in the path (else in the host name) */
	int64_t multipart_threshold; /* files at least this big go multipart; 0: never */
	int64_t part_size;
	int max_attempts;    /* per request, the first one included */
	double retry_wait_ms; /* first backoff, doubled each attempt, jittered */
	int parallel;        /* transfers at once */
	long connect_timeout_s;
	long stall_timeout_s; /* abort a transfer moving < 1 KiB/s for this long */
} lh_s3_config;

/*
 * Reads the configuration from the environment: AWS_ENDPOINT_URL_S3 or
 * AWS_ENDPOINT_URL (default https://s3.<region>.amazonaws.com), AWS_REGION or
 * AWS_DEFAULT_REGION (default us-east-1), AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN; LAKEHOUSE_S3_ADDRESSING=path|virtual (default: path for a custom
 * endpoint, virtual for AWS); LAKEHOUSE_S3_MULTIPART_THRESHOLD (bytes, 0 = off, default
 * 64 MiB), LAKEHOUSE_S3_PART_SIZE (default 16 MiB), LAKEHOUSE_S3_MAX_ATTEMPTS (default
 * 6), LAKEHOUSE_S3_PARALLEL (default 8).
 */
lh_status lh_s3_config_from_env(lh_s3_config *cfg, lh_err *err);

/* Credentials and endpoint given in SQL (CREATE SECRET (TYPE s3, ...)): they replace the
 * environment's. NULL fields: the environment's. */
typedef struct lh_s3_secret {
	char *key_id, *secret, *session_token, *region;
	char *endpoint;  /* host[:port] as DuckDB takes it, or a full http(s):// URL */
	int url_style;   /* 0: unset, 1: path, 2: virtual host */
	int use_ssl;     /* -1: unset (https), 0: http, 1: https */
} lh_s3_secret;
void lh_s3_secret_clear(lh_s3_secret *s);
/* lh_s3_config_from_env with a secret's fields (may be NULL) in place of the
 * environment's. */
lh_status lh_s3_config_load(lh_s3_config *cfg, const lh_s3_secret *secret, lh_err *err);
void lh_s3_config_clear(lh_s3_config *cfg);

typedef struct lh_s3 lh_s3;

/* Makes a client; *cfg is copied. */
lh_status lh_s3_new(const lh_s3_config *cfg, lh_s3 **out, lh_err *err);
void lh_s3_free(lh_s3 **s);
const lh_s3_config *lh_s3_cfg(const lh_s3 *s);

/* Splits "s3://bucket/key..." into bucket and key (caller frees both). */
lh_status lh_s3_parse_uri(const char *uri, char **bucket, char **key, lh_err *err);

/* Uploads a local file. With if_none_match the object must not exist yet (a 412 from a
 * retry of our own successful upload is recognised by its size and ETag). Size and ETag
 * are verified after the upload. Big files go multipart, parts in parallel. */
lh_status lh_s3_put_file(lh_s3 *s, const char *bucket, const char *key, const char *local,
                         bool if_none_match, lh_err *err);
/* Uploads bytes from memory (if_none_match as above). */
lh_status lh_s3_put_bytes(lh_s3 *s, const char *bucket, const char *key, const void *data,
                          size_t len, bool if_none_match, lh_err *err);
/* Downloads [offset, offset + len) (len -1: to the end) into a local file, written
 * through a temporary name and renamed when complete. *out_size (may be NULL) gets the
 * bytes written. */
lh_status lh_s3_get_file(lh_s3 *s, const char *bucket, const char *key, int64_t offset,
                         int64_t len, const char *local, int64_t *out_size, lh_err *err);
/* Size and ETag (quotes kept) of an object; LH_ERR_NOT_FOUND when it does not exist. */
lh_status lh_s3_head(lh_s3 *s, const char *bucket, const char *key, int64_t *out_size,
                     char *etag, size_t etag_len, lh_err *err);

typedef struct lh_s3_object {
	char *key;
	int64_t size;
	int64_t mtime_us; /* LastModified, microseconds since the epoch */
} lh_s3_object;
typedef LH_VEC(lh_s3_object) lh_s3_objects;
void lh_s3_objects_free(lh_s3_objects *v);

/* Lists every object under a prefix (ListObjectsV2, following continuation tokens). */
lh_status lh_s3_list(lh_s3 *s, const char *bucket, const char *prefix, lh_s3_objects *out,
                     lh_err *err);
/* Deletes keys (DeleteObjects, 1000 per request). Missing keys are not an error. */
lh_status lh_s3_delete_many(lh_s3 *s, const char *bucket, char *const *keys, size_t n,
                            lh_err *err);

/* Runs fn(ctx, i, err) for i in [0, n) on up to cfg->parallel threads; the first
 * failure is returned (the others still finish). */
typedef lh_status (*lh_s3_job)(void *ctx, size_t i, lh_err *err);
lh_status lh_s3_parallel(lh_s3 *s, size_t n, lh_s3_job fn, void *ctx, lh_err *err);

#endif
