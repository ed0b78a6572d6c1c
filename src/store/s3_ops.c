/*
 * store/s3_ops.c - S3 object operations on top of lh_s3_perform: PUT (single or
 * multipart, verified), GET to a file, HEAD, ListObjectsV2, DeleteObjects.
 *
 * Layer: store. Upload checks: a single PUT's ETag is the MD5 of the bytes sent; a
 * multipart upload's is MD5(concatenated part MD5s) "-" part count. Both are checked
 * with a HEAD after the upload (with the size), since some servers (Ceph RGW) answer
 * CompleteMultipartUpload with an empty ETag.
 */
#include "store/s3_int.h"
#include "util/crypto.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static lh_status nomem(lh_err *err)
{
	return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
}

/* "\"<hex md5>\"" */
static void quoted_md5(const unsigned char md5[16], char out[35])
{
	char hex[33];
	lh_hex(md5, 16, hex);
	snprintf(out, 35, "\"%s\"", hex);
}

lh_status lh_s3_head(lh_s3 *s, const char *bucket, const char *key, int64_t *out_size,
                     char *etag, size_t etag_len, lh_err *err)
{
	lh_s3_req r = {.method = "HEAD", .bucket = bucket, .key = key};
	lh_status st = lh_s3_perform(s, &r, err);
	if (st != LH_OK)
		return st;
	if (out_size)
		*out_size = r.content_length;
	if (etag)
		snprintf(etag, etag_len, "%s", r.etag);
	return LH_OK;
}

/* Checks an uploaded object against what we sent. */
static lh_status verify(lh_s3 *s, const char *bucket, const char *key, int64_t size,
                        const char *want_etag, lh_err *err)
{
	int64_t got_size = -1;
	char etag[128] = "";
	lh_status st = lh_s3_head(s, bucket, key, &got_size, etag, sizeof etag, err);
	if (st != LH_OK)
		return lh_err_prefix(err, "cannot verify the upload: ");
	if (got_size != size || strcmp(etag, want_etag) != 0)
		return lh_err_set(err, LH_ERR_IO,
		                  "upload of s3://%s/%s did not verify: the server holds %lld bytes with "
		                  "ETag %s, we sent %lld bytes with ETag %s",
		                  bucket, key, (long long)got_size, etag, (long long)size, want_etag);
	return LH_OK;
}

/* A 412 on a conditional PUT may be our own earlier attempt that succeeded while its
 * answer was lost: it is ours when size and ETag match what we send now. */
static lh_status exists_as_ours(lh_s3 *s, const char *bucket, const char *key, int64_t size,
                                const char *want_etag, lh_err *err)
{
	lh_err ignored = {0};
	lh_status st = verify(s, bucket, key, size, want_etag, &ignored);
	lh_err_clear(&ignored);
	if (st == LH_OK) {
		lh_err_clear(err);
		return LH_OK;
	}
	return lh_err_set(err, LH_ERR_EXISTS, "s3://%s/%s already exists; objects are never overwritten",
	                  bucket, key);
}

lh_status lh_s3_put_bytes(lh_s3 *s, const char *bucket, const char *key, const void *data,
                          size_t len, bool if_none_match, lh_err *err)
{
	lh_s3_req r = {.method = "PUT", .bucket = bucket, .key = key, .body = data, .body_len = len,
	               .want_md5 = true};
	r.headers[r.nheaders++] = "Content-Type: application/octet-stream";
	if (if_none_match)
		r.headers[r.nheaders++] = "If-None-Match: *";
	unsigned char md5[16];
	lh_md5(data, len, md5);
	char want[35];
	quoted_md5(md5, want);
	lh_status st = lh_s3_perform(s, &r, err);
	if (st == LH_ERR_EXISTS && if_none_match)
		return exists_as_ours(s, bucket, key, (int64_t)len, want, err);
	if (st != LH_OK)
		return st;
	return verify(s, bucket, key, (int64_t)len, want, err);
}

static lh_status put_single(lh_s3 *s, const char *bucket, const char *key, const char *local,
                            int64_t size, bool if_none_match, lh_err *err)
{
	lh_s3_req r = {.method = "PUT", .bucket = bucket, .key = key, .file = local,
	               .file_len = size, .want_md5 = true};
	r.headers[r.nheaders++] = "Content-Type: application/octet-stream";
	if (if_none_match)
		r.headers[r.nheaders++] = "If-None-Match: *";
	lh_status st = lh_s3_perform(s, &r, err);
	char want[35];
	if (st == LH_ERR_EXISTS && if_none_match) {
		unsigned char md5[16];
		if (lh_md5_file(local, 0, -1, md5) != LH_OK)
			return lh_err_set(err, LH_ERR_IO, "cannot read '%s'", local);
		quoted_md5(md5, want);
		return exists_as_ours(s, bucket, key, size, want, err);
	}
	if (st != LH_OK)
		return st;
	quoted_md5(r.md5, want);
	if (*r.etag && strcmp(r.etag, want) != 0)
		return lh_err_set(err, LH_ERR_IO,
		                  "upload of s3://%s/%s was corrupted on the way: ETag %s, sent MD5 %s",
		                  bucket, key, r.etag, want);
	return verify(s, bucket, key, size, want, err);
}

/* --- multipart -------------------------------------------------------------------------- */

typedef struct multipart {
	lh_s3 *s;
	const char *bucket, *key, *local;
	int64_t size, part_size;
	char *upload_id;
	char *encoded_id;
	size_t nparts;
	unsigned char (*md5)[16];
} multipart;

char *lh_s3_xml_value(const char *xml, const char *tag)
{
	char open[64], close[64];
	snprintf(open, sizeof open, "<%s>", tag);
	snprintf(close, sizeof close, "</%s>", tag);
	const char *a = strstr(xml, open), *b = a ? strstr(a, close) : NULL;
	if (!a || !b)
		return NULL;
	a += strlen(open);
	return lh_strndup(a, (size_t)(b - a));
}

static lh_status upload_part(void *ctx, size_t i, lh_err *err)
{
	multipart *m = ctx;
	int64_t off = (int64_t)i * m->part_size;
	int64_t len = m->size - off < m->part_size ? m->size - off : m->part_size;
	char query[512];
	snprintf(query, sizeof query, "partNumber=%zu&uploadId=%s", i + 1, m->encoded_id);
	lh_s3_req r = {.method = "PUT", .bucket = m->bucket, .key = m->key, .query = query,
	               .file = m->local, .file_off = off, .file_len = len, .want_md5 = true};
	lh_status st = lh_s3_perform(m->s, &r, err);
	if (st != LH_OK)
		return st;
	memcpy(m->md5[i], r.md5, 16);
	char want[35];
	quoted_md5(r.md5, want);
	if (*r.etag && strcmp(r.etag, want) != 0)
		return lh_err_set(err, LH_ERR_IO, "part %zu of s3://%s/%s was corrupted on the way", i + 1,
		                  m->bucket, m->key);
	return LH_OK;
}

static void abort_upload(multipart *m)
{
	char query[512];
	snprintf(query, sizeof query, "uploadId=%s", m->encoded_id);
	lh_s3_req r = {.method = "DELETE", .bucket = m->bucket, .key = m->key, .query = query};
	lh_err ignored = {0};
	lh_s3_perform(m->s, &r, &ignored);
	lh_err_clear(&ignored);
}

static lh_status put_multipart(lh_s3 *s, const char *bucket, const char *key, const char *local,
                               int64_t size, bool if_none_match, lh_err *err)
{
	/* no conditional CompleteMultipartUpload everywhere: check first (names are UUIDs,
	 * so a clash means a bug, not a race) */
	if (if_none_match) {
		lh_err probe = {0};
		lh_status h = lh_s3_head(s, bucket, key, NULL, NULL, 0, &probe);
		lh_err_clear(&probe);
		if (h == LH_OK)
			return lh_err_set(err, LH_ERR_EXISTS,
			                  "s3://%s/%s already exists; objects are never overwritten", bucket,
			                  key);
	}
	multipart m = {.s = s, .bucket = bucket, .key = key, .local = local, .size = size,
	               .part_size = s->cfg.part_size};
	m.nparts = (size_t)((size + m.part_size - 1) / m.part_size);
	lh_buf body;
	lh_buf_init(&body, 1 << 20);
	lh_s3_req create = {.method = "POST", .bucket = bucket, .key = key, .query = "uploads=",
	                    .out_body = &body};
	create.headers[create.nheaders++] = "Content-Type: application/octet-stream";
	lh_status st = lh_s3_perform(s, &create, err);
	if (st == LH_OK && !(m.upload_id = lh_s3_xml_value(lh_buf_str(&body), "UploadId")))
		st = lh_err_set(err, LH_ERR_IO, "S3 gave no UploadId for s3://%s/%s", bucket, key);
	lh_buf_free(&body);
	if (st != LH_OK)
		return st;
	lh_buf enc;
	lh_buf_init(&enc, 0);
	lh_s3_uri_encode(&enc, m.upload_id, false);
	m.encoded_id = lh_buf_steal(&enc);
	m.md5 = calloc(m.nparts, sizeof *m.md5);
	if (!m.encoded_id || !m.md5)
		st = nomem(err);
	if (st == LH_OK)
		st = lh_s3_parallel(s, m.nparts, upload_part, &m, err);
	lh_buf xml;
	lh_buf_init(&xml, 0);
	bool completing = st == LH_OK;
	if (completing) {
		lh_buf_puts(&xml, "<CompleteMultipartUpload>");
		for (size_t i = 0; i < m.nparts; i++) {
			char etag[35];
			quoted_md5(m.md5[i], etag);
			lh_buf_printf(&xml, "<Part><PartNumber>%zu</PartNumber><ETag>%s</ETag></Part>", i + 1,
			              etag);
		}
		lh_buf_puts(&xml, "</CompleteMultipartUpload>");
		char query[512];
		snprintf(query, sizeof query, "uploadId=%s", m.encoded_id);
		lh_buf resp;
		lh_buf_init(&resp, 1 << 20);
		lh_s3_req done = {.method = "POST", .bucket = bucket, .key = key, .query = query,
		                  .body = lh_buf_str(&xml), .body_len = xml.len, .out_body = &resp};
		done.headers[done.nheaders++] = "Content-Type: application/xml";
		st = lh_s3_perform(s, &done, err);
		/* S3 may answer 200 with an error document */
		if (st == LH_OK && strstr(lh_buf_str(&resp), "<Error>"))
			st = lh_err_set(err, LH_ERR_IO, "completing the upload of s3://%s/%s failed: %s",
			                bucket, key, lh_buf_str(&resp));
		lh_buf_free(&resp);
	}
	/* the multipart ETag: MD5 of the concatenated part MD5s, then -<parts> */
	char want[64] = "";
	if (m.md5 && m.nparts > 0) {
		unsigned char all[16];
		lh_md5(m.md5, m.nparts * 16, all);
		char hex[33];
		lh_hex(all, 16, hex);
		snprintf(want, sizeof want, "\"%s-%zu\"", hex, m.nparts);
	}
	lh_err ignored = {0};
	if (st != LH_OK && completing && verify(s, bucket, key, size, want, &ignored) == LH_OK) {
		/* the completion went through but its answer was lost (a retry then finds no
		 * such upload): the object is there and is ours */
		lh_err_clear(err);
		st = LH_OK;
	} else if (st != LH_OK) {
		abort_upload(&m);
	} else {
		st = verify(s, bucket, key, size, want, err);
	}
	lh_err_clear(&ignored);
	lh_buf_free(&xml);
	free(m.upload_id);
	free(m.encoded_id);
	free(m.md5);
	return st;
}

lh_status lh_s3_put_file(lh_s3 *s, const char *bucket, const char *key, const char *local,
                         bool if_none_match, lh_err *err)
{
	int64_t size = lh_file_size(local);
	if (size < 0)
		return lh_err_set(err, LH_ERR_IO, "cannot read '%s'", local);
	if (s->cfg.multipart_threshold > 0 && size >= s->cfg.multipart_threshold &&
	    size > s->cfg.part_size)
		return put_multipart(s, bucket, key, local, size, if_none_match, err);
	return put_single(s, bucket, key, local, size, if_none_match, err);
}

lh_status lh_s3_get_file(lh_s3 *s, const char *bucket, const char *key, int64_t offset,
                         int64_t len, const char *local, int64_t *out_size, lh_err *err)
{
	char id[LH_UUID_LEN + 1];
	lh_uuid_v4(id);
	char *tmp = lh_asprintf("%s.tmp-%s", local, id);
	if (!tmp)
		return nomem(err);
	char range[96];
	lh_s3_req r = {.method = "GET", .bucket = bucket, .key = key, .out_file = tmp};
	if (offset > 0 || len >= 0) {
		if (len >= 0)
			snprintf(range, sizeof range, "Range: bytes=%lld-%lld", (long long)offset,
			         (long long)(offset + len - 1));
		else
			snprintf(range, sizeof range, "Range: bytes=%lld-", (long long)offset);
		r.headers[r.nheaders++] = range;
	}
	lh_status st = lh_s3_perform(s, &r, err);
	int64_t got = st == LH_OK ? lh_file_size(tmp) : -1;
	if (st == LH_OK && r.content_length >= 0 && got != r.content_length)
		st = lh_err_set(err, LH_ERR_IO, "download of s3://%s/%s stopped at %lld of %lld bytes",
		                bucket, key, (long long)got, (long long)r.content_length);
	if (st == LH_OK && rename(tmp, local) != 0)
		st = lh_err_set(err, LH_ERR_IO, "cannot write '%s'", local);
	if (st != LH_OK)
		unlink(tmp);
	else if (out_size)
		*out_size = got;
	free(tmp);
	return st;
}

/* --- listing and deleting ------------------------------------------------------------------- */

void lh_s3_objects_free(lh_s3_objects *v)
{
	for (size_t i = 0; i < v->len; i++)
		free(v->items[i].key);
	LH_VEC_FREE(v);
}

static char *xml_unescape(const char *s, size_t n)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	static const struct {
		const char *ent;
		char ch;
	} ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
	for (size_t i = 0; i < n;) {
		bool done = false;
		for (size_t k = 0; k < 5 && s[i] == '&'; k++) {
			size_t el = strlen(ents[k].ent);
			if (i + el <= n && strncmp(s + i, ents[k].ent, el) == 0) {
				lh_buf_putc(&b, ents[k].ch);
				i += el;
				done = true;
				break;
			}
		}
		if (!done)
			lh_buf_putc(&b, s[i++]);
	}
	return lh_buf_steal(&b);
}

static void xml_escape(lh_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			lh_buf_puts(b, "&amp;");
			break;
		case '<':
			lh_buf_puts(b, "&lt;");
			break;
		case '>':
			lh_buf_puts(b, "&gt;");
			break;
		case '"':
			lh_buf_puts(b, "&quot;");
			break;
		default:
			lh_buf_putc(b, *s);
		}
	}
}

/* The text of <tag>...</tag> inside [from, to), unescaped; NULL when absent. */
static char *xml_field(const char *from, const char *to, const char *tag)
{
	char open[64], close[64];
	snprintf(open, sizeof open, "<%s>", tag);
	snprintf(close, sizeof close, "</%s>", tag);
	const char *a = strstr(from, open);
	if (!a || a >= to)
		return NULL;
	a += strlen(open);
	const char *b = strstr(a, close);
	if (!b || b > to)
		return NULL;
	return xml_unescape(a, (size_t)(b - a));
}

static int64_t iso_time_us(const char *s)
{
	struct tm tm = {0};
	int frac = 0;
	if (!s || sscanf(s, "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
	                 &tm.tm_min, &tm.tm_sec, &frac) < 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm) * 1000000 + (int64_t)frac * 1000;
}

lh_status lh_s3_parse_list_page(const char *xml, lh_s3_objects *out, char **next_token,
                                lh_err *err)
{
	const char *end = xml + strlen(xml);
	*next_token = NULL;
	for (const char *c = strstr(xml, "<Contents>"); c; c = strstr(c + 1, "<Contents>")) {
		const char *ce = strstr(c, "</Contents>");
		if (!ce)
			break;
		char *size = xml_field(c, ce, "Size"), *mtime = xml_field(c, ce, "LastModified");
		lh_s3_object o = {.key = xml_field(c, ce, "Key"),
		                  .size = size ? strtoll(size, NULL, 10) : 0,
		                  .mtime_us = iso_time_us(mtime)};
		free(size);
		free(mtime);
		if (!o.key || LH_VEC_PUSH(out, o) != LH_OK) {
			free(o.key);
			return nomem(err);
		}
	}
	char *truncated = xml_field(xml, end, "IsTruncated");
	if (truncated && strcmp(truncated, "true") == 0)
		*next_token = xml_field(xml, end, "NextContinuationToken");
	free(truncated);
	return LH_OK;
}

lh_status lh_s3_list(lh_s3 *s, const char *bucket, const char *prefix, lh_s3_objects *out,
                     lh_err *err)
{
	memset(out, 0, sizeof *out);
	char *token = NULL;
	lh_status st = LH_OK;
	lh_buf body;
	lh_buf_init(&body, (size_t)64 << 20);
	do {
		lh_buf q;
		lh_buf_init(&q, 0);
		if (token) {
			lh_buf_puts(&q, "continuation-token=");
			lh_s3_uri_encode(&q, token, false);
			lh_buf_putc(&q, '&');
		}
		lh_buf_puts(&q, "list-type=2&prefix=");
		lh_s3_uri_encode(&q, prefix, false);
		lh_s3_req r = {.method = "GET", .bucket = bucket, .query = lh_buf_str(&q),
		               .out_body = &body};
		st = q.status == LH_OK ? lh_s3_perform(s, &r, err) : nomem(err);
		lh_buf_free(&q);
		free(token);
		token = NULL;
		if (st != LH_OK)
			break;
		st = lh_s3_parse_list_page(lh_buf_str(&body), out, &token, err);
	} while (st == LH_OK && token);
	free(token);
	lh_buf_free(&body);
	if (st != LH_OK)
		lh_s3_objects_free(out);
	return st;
}

lh_status lh_s3_parse_delete_result(const char *xml, const char *bucket, lh_err *err)
{
	const char *e = strstr(xml, "<Error>");
	if (!e)
		return LH_OK;
	const char *ee = strstr(e, "</Error>");
	char *k = xml_field(e, ee ? ee : e + strlen(e), "Key");
	char *c = xml_field(e, ee ? ee : e + strlen(e), "Code");
	lh_status st = lh_err_set(err, LH_ERR_IO, "S3 could not delete s3://%s/%s: %s", bucket,
	                          k ? k : "?", c ? c : "error");
	free(k);
	free(c);
	return st;
}

lh_status lh_s3_delete_many(lh_s3 *s, const char *bucket, char *const *keys, size_t n,
                            lh_err *err)
{
	lh_status st = LH_OK;
	for (size_t from = 0; from < n && st == LH_OK; from += 1000) {
		lh_buf xml;
		lh_buf_init(&xml, 0);
		lh_buf_puts(&xml, "<Delete><Quiet>true</Quiet>");
		for (size_t i = from; i < n && i < from + 1000; i++) {
			lh_buf_puts(&xml, "<Object><Key>");
			xml_escape(&xml, keys[i]);
			lh_buf_puts(&xml, "</Key></Object>");
		}
		lh_buf_puts(&xml, "</Delete>");
		unsigned char md5[16];
		lh_md5(lh_buf_str(&xml), xml.len, md5);
		char b64[32], md5_header[64];
		lh_base64(md5, 16, b64);
		snprintf(md5_header, sizeof md5_header, "Content-MD5: %s", b64);
		lh_buf resp;
		lh_buf_init(&resp, (size_t)16 << 20);
		lh_s3_req r = {.method = "POST", .bucket = bucket, .query = "delete=",
		               .body = lh_buf_str(&xml), .body_len = xml.len, .out_body = &resp};
		r.headers[r.nheaders++] = md5_header;
		r.headers[r.nheaders++] = "Content-Type: application/xml";
		st = xml.status == LH_OK ? lh_s3_perform(s, &r, err) : nomem(err);
		if (st == LH_OK)
			st = lh_s3_parse_delete_result(lh_buf_str(&resp), bucket, err);
		lh_buf_free(&resp);
		lh_buf_free(&xml);
	}
	return st;
}
