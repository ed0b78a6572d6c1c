/*
 * ingest/http.c - a small libcurl client for the Hub (see http.h).
 *
 * Layer: services (ingest). Used only by ingest/hub*.c; the S3 client has its own,
 * signed, request path in store/.
 */
#include "ingest/http.h"
#include "util/fsutil.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define BODY_MAX ((size_t)64 << 20)
#define ATTEMPTS 4

typedef struct io {
	const lh_http_req *req;
	lh_http_resp *resp;
	FILE *out;
	int64_t base;  /* bytes already in out_file when resuming */
	int64_t total; /* expected total, -1 unknown */
	const char *src;
	size_t src_len, src_off;
} io;

static size_t write_cb(char *p, size_t sz, size_t n, void *ud)
{
	io *x = ud;
	size_t len = sz * n;
	if (x->out) {
		if (fwrite(p, 1, len, x->out) != len)
			return 0;
	} else {
		lh_buf_append(&x->resp->body, p, len);
		if (lh_buf_status(&x->resp->body) != LH_OK)
			return 0;
	}
	return len;
}

static size_t read_cb(char *p, size_t sz, size_t n, void *ud)
{
	io *x = ud;
	size_t len = sz * n, left = x->src_len - x->src_off;
	if (len > left)
		len = left;
	memcpy(p, x->src + x->src_off, len);
	x->src_off += len;
	return len;
}

static char *trimmed(const char *v, size_t n)
{
	while (n && (*v == ' ' || *v == '\t')) {
		v++;
		n--;
	}
	while (n && (v[n - 1] == '\r' || v[n - 1] == '\n' || v[n - 1] == ' '))
		n--;
	return lh_strndup(v, n);
}

static size_t header_cb(char *p, size_t sz, size_t n, void *ud)
{
	io *x = ud;
	size_t len = sz * n;
	const char *colon = memchr(p, ':', len);
	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) { /* a new response (redirects): reset */
		free(x->resp->link_next);
		free(x->resp->etag);
		free(x->resp->error_code);
		x->resp->link_next = x->resp->etag = x->resp->error_code = NULL;
		return len;
	}
	if (!colon)
		return len;
	size_t kl = (size_t)(colon - p);
	char *v = trimmed(colon + 1, len - kl - 1);
	if (!v)
		return 0;
	if (kl == 4 && strncasecmp(p, "ETag", 4) == 0) {
		free(x->resp->etag);
		x->resp->etag = v;
	} else if (kl == 12 && strncasecmp(p, "X-Error-Code", 12) == 0) {
		free(x->resp->error_code);
		x->resp->error_code = v;
	} else if (kl == 4 && strncasecmp(p, "Link", 4) == 0 && strstr(v, "rel=\"next\"")) {
		char *lt = strchr(v, '<'), *gt = lt ? strchr(lt, '>') : NULL;
		if (lt && gt) {
			free(x->resp->link_next);
			x->resp->link_next = lh_strndup(lt + 1, (size_t)(gt - lt - 1));
		}
		free(v);
	} else if (kl == 13 && strncasecmp(p, "Content-Range", 13) == 0) {
		const char *slash = strrchr(v, '/');
		if (slash && slash[1] != '*')
			x->total = strtoll(slash + 1, NULL, 10);
		free(v);
	} else {
		free(v);
	}
	return len;
}

static int progress_cb(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
	io *x = ud;
	(void)ultotal;
	(void)ulnow;
	int64_t total = x->total > 0 ? x->total : (dltotal > 0 ? x->base + dltotal : -1);
	x->req->progress(x->req->progress_ctx, x->base + dlnow, total);
	return 0;
}

void lh_http_resp_free(lh_http_resp *r)
{
	lh_buf_free(&r->body);
	free(r->link_next);
	free(r->etag);
	free(r->error_code);
	memset(r, 0, sizeof *r);
}

static bool retryable(CURLcode cc, long status)
{
	if (cc != CURLE_OK)
		return cc == CURLE_COULDNT_CONNECT || cc == CURLE_RECV_ERROR || cc == CURLE_SEND_ERROR ||
		       cc == CURLE_PARTIAL_FILE || cc == CURLE_GOT_NOTHING ||
		       cc == CURLE_OPERATION_TIMEDOUT;
	return status == 429 || status >= 500;
}

static CURLcode attempt(const lh_http_req *req, lh_http_resp *resp, io *x, char *errbuf)
{
	CURL *c = curl_easy_init();
	if (!c)
		return CURLE_OUT_OF_MEMORY;
	struct curl_slist *h = NULL;
	char line[4096];
	if (req->token) {
		snprintf(line, sizeof line, "Authorization: Bearer %s", req->token);
		h = curl_slist_append(h, line);
	}
	if (req->ctype) {
		snprintf(line, sizeof line, "Content-Type: %s", req->ctype);
		h = curl_slist_append(h, line);
	}
	if (req->accept) {
		snprintf(line, sizeof line, "Accept: %s", req->accept);
		h = curl_slist_append(h, line);
	}
	h = curl_slist_append(h, "Expect:");
	if (x->out && x->base > 0) {
		snprintf(line, sizeof line, "Range: bytes=%lld-", (long long)x->base);
		h = curl_slist_append(h, line);
	}
	curl_easy_setopt(c, CURLOPT_URL, req->url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 60L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "lakehouse/0.1");
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, x);
	if (req->progress) {
		curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
		curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress_cb);
		curl_easy_setopt(c, CURLOPT_XFERINFODATA, x);
	}
	FILE *in = NULL;
	if (strcmp(req->method, "HEAD") == 0) {
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	} else if (req->body_file) {
		in = fopen(req->body_file, "rb");
		if (!in) {
			curl_slist_free_all(h);
			curl_easy_cleanup(c);
			snprintf(errbuf, CURL_ERROR_SIZE, "cannot open '%s'", req->body_file);
			return CURLE_READ_ERROR;
		}
		curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(c, CURLOPT_READDATA, in);
		curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)lh_file_size(req->body_file));
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req->method);
	} else if (req->body || strcmp(req->method, "POST") == 0 || strcmp(req->method, "PUT") == 0) {
		x->src = req->body;
		x->src_len = req->body_len;
		x->src_off = 0;
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
		curl_easy_setopt(c, CURLOPT_READDATA, x);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req->method);
	}
	CURLcode cc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
	if (in)
		fclose(in);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return cc;
}

lh_status lh_http_do(const lh_http_req *req, lh_http_resp *resp, lh_err *err)
{
	memset(resp, 0, sizeof *resp);
	lh_buf_init(&resp->body, BODY_MAX);
	char errbuf[CURL_ERROR_SIZE];
	CURLcode cc = CURLE_OK;
	for (int i = 0; i < ATTEMPTS; i++) {
		io x = {.req = req, .resp = resp, .total = -1};
		errbuf[0] = '\0';
		lh_buf_reset(&resp->body);
		if (req->out_file) {
			x.base = req->resume ? lh_file_size(req->out_file) : 0;
			if (x.base < 0)
				x.base = 0;
			x.out = fopen(req->out_file, x.base > 0 ? "ab" : "wb");
			if (!x.out)
				return lh_err_set(err, LH_ERR_IO, "cannot write '%s'", req->out_file);
		}
		resp->status = 0;
		cc = attempt(req, resp, &x, errbuf);
		if (x.out && fclose(x.out) != 0 && cc == CURLE_OK)
			cc = CURLE_WRITE_ERROR;
		/* a resumed download answered with the whole file: start over */
		if (cc == CURLE_OK && x.base > 0 && resp->status == 200) {
			if (truncate(req->out_file, 0) != 0)
				return lh_err_set(err, LH_ERR_IO, "cannot truncate '%s'", req->out_file);
			continue;
		}
		if (cc == CURLE_OK && resp->status == 416 && x.base > 0)
			return LH_OK; /* nothing left to fetch: the caller checks the size */
		if (cc == CURLE_WRITE_ERROR && lh_buf_status(&resp->body) != LH_OK)
			return lh_err_set(err, LH_ERR_TOO_BIG, "the answer of %s is over %zu bytes",
			                  req->url, BODY_MAX);
		if (!retryable(cc, resp->status) || i + 1 == ATTEMPTS)
			break;
		lh_sleep_ms(200.0 * (1 << i));
	}
	if (cc != CURLE_OK)
		return lh_err_set(err, LH_ERR_IO, "%s %s failed: %s", req->method, req->url,
		                  errbuf[0] ? errbuf : curl_easy_strerror(cc));
	return LH_OK;
}

lh_status lh_http_fail(const lh_http_resp *resp, const char *what, lh_err *err)
{
	const char *msg = NULL;
	json_t *j = resp->body.len ? json_loadb(resp->body.data, resp->body.len, 0, NULL) : NULL;
	if (j && json_is_string(json_object_get(j, "error")))
		msg = json_string_value(json_object_get(j, "error"));
	lh_status code = resp->status == 404 ? LH_ERR_NOT_FOUND
	                 : resp->status == 401 || resp->status == 403 ? LH_ERR_INVALID
	                 : resp->status == 409 || resp->status == 412 ? LH_ERR_CONFLICT
	                                                               : LH_ERR_IO;
	const char *hint = resp->status == 401 || resp->status == 403
	                       ? " (set HF_TOKEN to a token with access)"
	                       : "";
	lh_err_set(err, code, "%s: the Hub answered HTTP %ld%s%s%s", what, resp->status,
	           msg ? ": " : "", msg ? msg : "", hint);
	json_decref(j);
	return code;
}
