/*
 * store/s3.c - the S3 client's core: configuration, SigV4 signing, and one request with
 * retries. The operations are in s3_ops.c. See s3.h.
 *
 * SigV4 (AWS "Signature Version 4"): the canonical request is
 *   METHOD \n /URI-encoded/path \n sorted&encoded=query \n lower-case headers \n
 *   signed header names \n payload hash
 * signed with a key derived from the secret, the date, the region and "s3". The host
 * header must be exactly what is sent, so it is set explicitly.
 */
#include "store/s3_int.h"
#include "util/crypto.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_init_once(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* --- configuration --------------------------------------------------------------- */

static char *env_dup(const char *a, const char *b)
{
	const char *v = getenv(a);
	if ((!v || !*v) && b)
		v = getenv(b);
	return v && *v ? lh_strdup(v) : NULL;
}

void lh_s3_config_clear(lh_s3_config *cfg)
{
	free(cfg->endpoint);
	free(cfg->region);
	free(cfg->access_key);
	free(cfg->secret_key);
	free(cfg->session_token);
	memset(cfg, 0, sizeof *cfg);
}

void lh_s3_secret_clear(lh_s3_secret *s)
{
	free(s->key_id);
	free(s->secret);
	free(s->session_token);
	free(s->region);
	free(s->endpoint);
	memset(s, 0, sizeof *s);
	s->use_ssl = -1;
}

/* A secret's value when it has one, else the environment's. */
static char *pick(const char *given, const char *env1, const char *env2)
{
	return given ? lh_strdup(given) : env_dup(env1, env2);
}

lh_status lh_s3_config_from_env(lh_s3_config *cfg, lh_err *err)
{
	return lh_s3_config_load(cfg, NULL, err);
}

lh_status lh_s3_config_load(lh_s3_config *cfg, const lh_s3_secret *sec, lh_err *err)
{
	static const lh_s3_secret none = {.use_ssl = -1};
	if (!sec)
		sec = &none;
	memset(cfg, 0, sizeof *cfg);
	cfg->region = pick(sec->region, "AWS_REGION", "AWS_DEFAULT_REGION");
	if (!cfg->region)
		cfg->region = lh_strdup("us-east-1");
	if (sec->endpoint && !strstr(sec->endpoint, "://"))
		cfg->endpoint = lh_asprintf("%s://%s", sec->use_ssl == 0 ? "http" : "https", sec->endpoint);
	else
		cfg->endpoint = pick(sec->endpoint, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
	bool custom = cfg->endpoint != NULL;
	if (!cfg->endpoint)
		cfg->endpoint = lh_asprintf("https://s3.%s.amazonaws.com", cfg->region);
	if (cfg->endpoint) {
		size_t n = strlen(cfg->endpoint);
		while (n > 0 && cfg->endpoint[n - 1] == '/')
			cfg->endpoint[--n] = '\0';
	}
	cfg->access_key = pick(sec->key_id, "AWS_ACCESS_KEY_ID", NULL);
	cfg->secret_key = pick(sec->secret, "AWS_SECRET_ACCESS_KEY", NULL);
	/* a key of the secret's never pairs with the environment's session token */
	cfg->session_token = sec->key_id ? lh_strdup(sec->session_token)
	                                 : pick(sec->session_token, "AWS_SESSION_TOKEN", NULL);
	const char *style = getenv("LAKEHOUSE_S3_ADDRESSING");
	cfg->path_style = sec->url_style ? sec->url_style == 1
	                  : style && *style ? strcmp(style, "virtual") != 0
	                                    : custom;
	cfg->multipart_threshold = lh_env_int("LAKEHOUSE_S3_MULTIPART_THRESHOLD", (int64_t)64 << 20);
	cfg->part_size = lh_env_int("LAKEHOUSE_S3_PART_SIZE", (int64_t)16 << 20);
	if (cfg->part_size < (5 << 20))
		cfg->part_size = 5 << 20; /* S3's minimum part size */
	cfg->max_attempts = (int)lh_env_int("LAKEHOUSE_S3_MAX_ATTEMPTS", 6);
	if (cfg->max_attempts < 1)
		cfg->max_attempts = 1;
	cfg->retry_wait_ms = 50;
	cfg->parallel = (int)lh_env_int("LAKEHOUSE_S3_PARALLEL", 8);
	if (cfg->parallel < 1)
		cfg->parallel = 1;
	cfg->connect_timeout_s = 10;
	cfg->stall_timeout_s = 30;
	if (!cfg->region || !cfg->endpoint) {
		lh_s3_config_clear(cfg);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	if (!cfg->access_key || !cfg->secret_key) {
		lh_s3_config_clear(cfg);
		return lh_err_set(err, LH_ERR_INVALID,
		                  "S3 data paths need credentials: set AWS_ACCESS_KEY_ID and "
		                  "AWS_SECRET_ACCESS_KEY (and AWS_ENDPOINT_URL for a server other than "
		                  "AWS), or in SQL run CREATE SECRET (TYPE s3, KEY_ID '...', SECRET "
		                  "'...', ENDPOINT '...') before ATTACH");
	}
	if (!lh_str_starts_with(cfg->endpoint, "http://") &&
	    !lh_str_starts_with(cfg->endpoint, "https://")) {
		lh_status st = lh_err_set(err, LH_ERR_INVALID,
		                          "S3 endpoint '%s' must start with http:// or https://",
		                          cfg->endpoint);
		lh_s3_config_clear(cfg);
		return st;
	}
	return LH_OK;
}

/* --- the client --------------------------------------------------------------------- */

lh_status lh_s3_new(const lh_s3_config *cfg, lh_s3 **out, lh_err *err)
{
	*out = NULL;
	pthread_once(&curl_once, curl_init_once);
	lh_s3 *s = calloc(1, sizeof *s);
	if (!s)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	s->cfg = *cfg;
	s->cfg.endpoint = lh_strdup(cfg->endpoint);
	s->cfg.region = lh_strdup(cfg->region);
	s->cfg.access_key = lh_strdup(cfg->access_key);
	s->cfg.secret_key = lh_strdup(cfg->secret_key);
	s->cfg.session_token = lh_strdup(cfg->session_token);
	const char *after = strstr(s->cfg.endpoint ? s->cfg.endpoint : "", "://");
	s->https = lh_str_starts_with(s->cfg.endpoint ? s->cfg.endpoint : "", "https://");
	s->host = after ? lh_strdup(after + 3) : NULL;
	if (s->host) {
		char *slash = strchr(s->host, '/');
		if (slash)
			*slash = '\0';
		/* curl leaves a default port out of Host; so must the signature */
		size_t n = strlen(s->host);
		if ((s->https && lh_str_ends_with(s->host, ":443")) ||
		    (!s->https && lh_str_ends_with(s->host, ":80")))
			s->host[n - (s->https ? 4 : 3)] = '\0';
	}
	pthread_mutex_init(&s->lock, NULL);
	if (!s->cfg.endpoint || !s->cfg.region || !s->cfg.access_key || !s->cfg.secret_key ||
	    !s->host) {
		lh_s3_free(&s);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	*out = s;
	return LH_OK;
}

void lh_s3_free(lh_s3 **ps)
{
	if (!ps || !*ps)
		return;
	lh_s3 *s = *ps;
	for (int i = 0; i < s->npool; i++)
		curl_easy_cleanup(s->pool[i]);
	pthread_mutex_destroy(&s->lock);
	lh_s3_config_clear(&s->cfg);
	free(s->host);
	free(s);
	*ps = NULL;
}

const lh_s3_config *lh_s3_cfg(const lh_s3 *s)
{
	return &s->cfg;
}

static CURL *pool_get(lh_s3 *s)
{
	CURL *c = NULL;
	pthread_mutex_lock(&s->lock);
	if (s->npool > 0)
		c = s->pool[--s->npool];
	pthread_mutex_unlock(&s->lock);
	if (c)
		curl_easy_reset(c); /* options go, the connection cache stays */
	else
		c = curl_easy_init();
	return c;
}

static void pool_put(lh_s3 *s, CURL *c)
{
	pthread_mutex_lock(&s->lock);
	if (s->npool < LH_S3_POOL)
		s->pool[s->npool++] = c, c = NULL;
	pthread_mutex_unlock(&s->lock);
	if (c)
		curl_easy_cleanup(c);
}

lh_status lh_s3_parse_uri(const char *uri, char **bucket, char **key, lh_err *err)
{
	*bucket = *key = NULL;
	if (!lh_str_starts_with(uri, "s3://"))
		return lh_err_set(err, LH_ERR_INVALID, "'%s' is not an s3:// URI", uri);
	const char *b = uri + 5, *slash = strchr(b, '/');
	size_t blen = slash ? (size_t)(slash - b) : strlen(b);
	if (blen == 0)
		return lh_err_set(err, LH_ERR_INVALID, "'%s' names no bucket", uri);
	*bucket = lh_strndup(b, blen);
	*key = lh_strdup(slash ? slash + 1 : "");
	if (!*bucket || !*key) {
		free(*bucket);
		free(*key);
		*bucket = *key = NULL;
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

/* --- signing --------------------------------------------------------------------------- */

void lh_s3_uri_encode(lh_buf *b, const char *s, bool keep_slash)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || *p == '-' || *p == '_' || *p == '.' || *p == '~' ||
		    (keep_slash && *p == '/'))
			lh_buf_putc(b, (char)*p);
		else
			lh_buf_printf(b, "%%%02X", *p);
	}
}

static void sign_key(const lh_s3 *s, const char *date, unsigned char out[32])
{
	char k0[256];
	snprintf(k0, sizeof k0, "AWS4%s", s->cfg.secret_key);
	unsigned char k1[32], k2[32], k3[32];
	lh_hmac_sha256(k0, strlen(k0), date, strlen(date), k1);
	lh_hmac_sha256(k1, 32, s->cfg.region, strlen(s->cfg.region), k2);
	lh_hmac_sha256(k2, 32, "s3", 2, k3);
	lh_hmac_sha256(k3, 32, "aws4_request", 12, out);
}

/* Builds the Authorization header value for a request. */
static char *authorization(const lh_s3 *s, const char *method, const char *canonical_uri,
                           const char *query, const char *host, const char *amz_date,
                           const char *payload_hash)
{
	char date[9];
	memcpy(date, amz_date, 8);
	date[8] = '\0';
	lh_buf cr;
	lh_buf_init(&cr, 0);
	lh_buf_printf(&cr, "%s\n%s\n%s\nhost:%s\nx-amz-content-sha256:%s\nx-amz-date:%s\n", method,
	              canonical_uri, query ? query : "", host, payload_hash, amz_date);
	const char *signed_headers = "host;x-amz-content-sha256;x-amz-date";
	if (s->cfg.session_token) {
		lh_buf_printf(&cr, "x-amz-security-token:%s\n", s->cfg.session_token);
		signed_headers = "host;x-amz-content-sha256;x-amz-date;x-amz-security-token";
	}
	lh_buf_printf(&cr, "\n%s\n%s", signed_headers, payload_hash);
	char cr_hash[65];
	lh_sha256_hex(lh_buf_str(&cr), cr.len, cr_hash);
	lh_buf_free(&cr);
	char *sts = lh_asprintf("AWS4-HMAC-SHA256\n%s\n%s/%s/s3/aws4_request\n%s", amz_date, date,
	                        s->cfg.region, cr_hash);
	if (!sts)
		return NULL;
	unsigned char key[32], sig[32];
	sign_key(s, date, key);
	lh_hmac_sha256(key, 32, sts, strlen(sts), sig);
	free(sts);
	char sig_hex[65];
	lh_hex(sig, 32, sig_hex);
	return lh_asprintf("AWS4-HMAC-SHA256 Credential=%s/%s/%s/s3/aws4_request, SignedHeaders=%s, "
	                   "Signature=%s",
	                   s->cfg.access_key, date, s->cfg.region, signed_headers, sig_hex);
}

/* --- one request ------------------------------------------------------------------------- */

typedef struct io_state {
	lh_s3_req *r;
	FILE *in;            /* file body */
	int64_t in_left;
	size_t mem_pos;      /* memory body */
	EVP_MD_CTX *md5;
	FILE *out;           /* file response */
} io_state;

static size_t read_cb(char *buf, size_t size, size_t nmemb, void *ud)
{
	io_state *io = ud;
	size_t want = size * nmemb, n = 0;
	if (io->in) {
		if (io->in_left >= 0 && (int64_t)want > io->in_left)
			want = (size_t)io->in_left;
		n = fread(buf, 1, want, io->in);
		if (io->in_left >= 0)
			io->in_left -= (int64_t)n;
	} else if (io->r->body) {
		size_t left = io->r->body_len - io->mem_pos;
		n = want < left ? want : left;
		memcpy(buf, (const char *)io->r->body + io->mem_pos, n);
		io->mem_pos += n;
	}
	if (io->md5 && n)
		EVP_DigestUpdate(io->md5, buf, n);
	return n;
}

static size_t write_cb(char *ptr, size_t size, size_t nmemb, void *ud)
{
	io_state *io = ud;
	size_t n = size * nmemb;
	if (io->out)
		return fwrite(ptr, 1, n, io->out);
	if (io->r->out_body) {
		lh_buf_append(io->r->out_body, ptr, n);
		return io->r->out_body->status == LH_OK ? n : 0;
	}
	return n;
}

static size_t header_cb(char *buf, size_t size, size_t nmemb, void *ud)
{
	io_state *io = ud;
	size_t n = size * nmemb;
	if (n > 5 && strncasecmp(buf, "ETag:", 5) == 0) {
		const char *v = buf + 5;
		while (*v == ' ')
			v++;
		size_t len = n - (size_t)(v - buf);
		while (len > 0 && (v[len - 1] == '\r' || v[len - 1] == '\n' || v[len - 1] == ' '))
			len--;
		if (len >= sizeof io->r->etag)
			len = sizeof io->r->etag - 1;
		memcpy(io->r->etag, v, len);
		io->r->etag[len] = '\0';
	} else if (n > 15 && strncasecmp(buf, "Content-Length:", 15) == 0) {
		io->r->content_length = strtoll(buf + 15, NULL, 10);
	}
	return n;
}

static bool transient_curl(CURLcode c)
{
	switch (c) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_WEIRD_SERVER_REPLY:
		return true;
	default:
		return false;
	}
}

/* The <Code> and <Message> of an S3 error body. */
void lh_s3_error_text(const char *b, char *out, size_t n)
{
	const char *code = strstr(b, "<Code>"), *msg = strstr(b, "<Message>");
	const char *code_end = code ? strstr(code, "</Code>") : NULL;
	const char *msg_end = msg ? strstr(msg, "</Message>") : NULL;
	if (code && code_end)
		snprintf(out, n, "%.*s%s%.*s", (int)(code_end - code - 6), code + 6,
		         msg && msg_end ? ": " : "", msg && msg_end ? (int)(msg_end - msg - 9) : 0,
		         msg && msg_end ? msg + 9 : "");
	else
		snprintf(out, n, "no error details");
}

static char *request_url(const lh_s3 *s, const lh_s3_req *r, char **out_host, char **out_uri)
{
	lh_buf uri;
	lh_buf_init(&uri, 0);
	lh_buf_putc(&uri, '/');
	if (r->bucket && s->cfg.path_style) {
		lh_s3_uri_encode(&uri, r->bucket, false);
		if (r->key && *r->key)
			lh_buf_putc(&uri, '/');
	}
	if (r->key)
		lh_s3_uri_encode(&uri, r->key, true);
	bool virt = r->bucket && !s->cfg.path_style;
	*out_host = virt ? lh_asprintf("%s.%s", r->bucket, s->host) : lh_strdup(s->host);
	*out_uri = lh_buf_steal(&uri);
	if (!*out_host || !*out_uri)
		return NULL;
	return lh_asprintf("%s://%s%s%s%s", s->https ? "https" : "http", *out_host, *out_uri,
	                   r->query ? "?" : "", r->query ? r->query : "");
}

static lh_status attempt(lh_s3 *s, lh_s3_req *r, CURL *c, bool *retry, char *detail,
                         size_t detail_len)
{
	*retry = false;
	io_state io = {.r = r};
	char *host = NULL, *uri = NULL, *auth = NULL;
	char *url = request_url(s, r, &host, &uri);
	struct curl_slist *hdrs = NULL;
	lh_status st = LH_OK;
	if (!url) {
		st = LH_ERR_NOMEM;
		goto out;
	}
	char amz_date[17];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(amz_date, sizeof amz_date, "%Y%m%dT%H%M%SZ", &tm);
	char payload[65];
	if (r->file)
		snprintf(payload, sizeof payload, "UNSIGNED-PAYLOAD");
	else if (r->body)
		lh_sha256_hex(r->body, r->body_len, payload);
	else
		snprintf(payload, sizeof payload, EMPTY_SHA256);
	auth = authorization(s, r->method, uri, r->query, host, amz_date, payload);
	if (!auth) {
		st = LH_ERR_NOMEM;
		goto out;
	}
	char line[2048];
	snprintf(line, sizeof line, "Host: %s", host);
	hdrs = curl_slist_append(hdrs, line);
	snprintf(line, sizeof line, "x-amz-date: %s", amz_date);
	hdrs = curl_slist_append(hdrs, line);
	snprintf(line, sizeof line, "x-amz-content-sha256: %s", payload);
	hdrs = curl_slist_append(hdrs, line);
	if (s->cfg.session_token) {
		snprintf(line, sizeof line, "x-amz-security-token: %s", s->cfg.session_token);
		hdrs = curl_slist_append(hdrs, line);
	}
	snprintf(line, sizeof line, "Authorization: %s", auth);
	hdrs = curl_slist_append(hdrs, line);
	for (size_t i = 0; i < r->nheaders; i++)
		hdrs = curl_slist_append(hdrs, r->headers[i]);
	hdrs = curl_slist_append(hdrs, "Expect:");

	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, s->cfg.connect_timeout_s);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1024L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, s->cfg.stall_timeout_s);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &io);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &io);
	r->etag[0] = '\0';
	r->content_length = -1;
	if (r->out_body)
		lh_buf_reset(r->out_body);
	int64_t body_len = r->file ? r->file_len : (int64_t)r->body_len;
	if (r->file) {
		io.in = fopen(r->file, "rb");
		if (!io.in || (r->file_off > 0 && fseeko(io.in, r->file_off, SEEK_SET) != 0)) {
			snprintf(detail, detail_len, "cannot read '%s'", r->file);
			st = LH_ERR_IO;
			goto out;
		}
		io.in_left = r->file_len;
	}
	if (r->want_md5) {
		io.md5 = EVP_MD_CTX_new();
		if (!io.md5 || EVP_DigestInit_ex(io.md5, EVP_md5(), NULL) != 1) {
			st = LH_ERR_NOMEM;
			goto out;
		}
	}
	if (strcmp(r->method, "PUT") == 0) {
		curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
		curl_easy_setopt(c, CURLOPT_READDATA, &io);
		curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)body_len);
	} else if (strcmp(r->method, "POST") == 0) {
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
		curl_easy_setopt(c, CURLOPT_READDATA, &io);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
	} else if (strcmp(r->method, "HEAD") == 0) {
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	} else if (strcmp(r->method, "GET") != 0) {
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r->method);
	}
	if (r->out_file) {
		io.out = fopen(r->out_file, "wb");
		if (!io.out) {
			snprintf(detail, detail_len, "cannot write '%s'", r->out_file);
			st = LH_ERR_IO;
			goto out;
		}
	}
	CURLcode cc = curl_easy_perform(c);
	if (io.out && fclose(io.out) != 0 && cc == CURLE_OK)
		cc = CURLE_WRITE_ERROR;
	io.out = NULL;
	if (cc != CURLE_OK) {
		*retry = transient_curl(cc);
		snprintf(detail, detail_len, "%s", curl_easy_strerror(cc));
		st = LH_ERR_IO;
		goto out;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	if (io.md5) {
		unsigned int n = 0;
		EVP_DigestFinal_ex(io.md5, r->md5, &n);
	}
	if (r->status >= 200 && r->status < 300)
		goto out;
	*retry = r->status >= 500 || r->status == 429 || r->status == 408;
	char text[600] = "";
	if (r->out_body)
		lh_s3_error_text(lh_buf_str(r->out_body), text, sizeof text);
	snprintf(detail, detail_len, "HTTP %ld%s%s", r->status, *text ? " " : "", text);
	st = r->status == 404 ? LH_ERR_NOT_FOUND
	     : r->status == 403 || r->status == 401 ? LH_ERR_INVALID
	     : r->status == 412 ? LH_ERR_EXISTS
	                       : LH_ERR_IO;
out:
	if (io.in)
		fclose(io.in);
	if (io.out)
		fclose(io.out);
	EVP_MD_CTX_free(io.md5);
	curl_slist_free_all(hdrs);
	free(url);
	free(host);
	free(uri);
	free(auth);
	return st;
}

static double jitter(void)
{
	unsigned short r = 0;
	lh_random_bytes(&r, sizeof r);
	return 0.5 + (double)r / 65535.0;
}

lh_status lh_s3_perform(lh_s3 *s, lh_s3_req *r, lh_err *err)
{
	lh_buf body;
	bool own_body = !r->out_body && !r->out_file;
	if (own_body) {
		lh_buf_init(&body, 1 << 20); /* error documents */
		r->out_body = &body;
	}
	double wait = s->cfg.retry_wait_ms;
	char detail[800] = "";
	lh_status st = LH_OK;
	int attempt_no;
	for (attempt_no = 1;; attempt_no++) {
		CURL *c = pool_get(s);
		if (!c) {
			st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			break;
		}
		bool retry = false;
		st = attempt(s, r, c, &retry, detail, sizeof detail);
		pool_put(s, c);
		if (st == LH_OK || !retry || attempt_no >= s->cfg.max_attempts)
			break;
		lh_sleep_ms(wait * jitter());
		wait *= 2;
	}
	if (st != LH_OK && st != LH_ERR_NOMEM)
		lh_err_set(err, st, "S3 %s s3://%s/%s failed: %s%s", r->method, r->bucket ? r->bucket : "",
		           r->key ? r->key : "", detail,
		           attempt_no > 1 ? " (after retries)" : "");
	if (own_body) {
		lh_buf_free(&body);
		r->out_body = NULL;
	}
	return st;
}

lh_status lh_s3_parallel(lh_s3 *s, size_t n, lh_s3_job fn, void *ctx, lh_err *err)
{
	if (n == 0)
		return LH_OK;
	size_t nthreads = (size_t)s->cfg.parallel < n ? (size_t)s->cfg.parallel : n;
	lh_s3_pool_run run = {.fn = fn, .ctx = ctx, .n = n};
	pthread_mutex_init(&run.lock, NULL);
	pthread_t *threads = calloc(nthreads, sizeof *threads);
	size_t started = 0;
	if (threads)
		for (; started < nthreads; started++)
			if (pthread_create(&threads[started], NULL, lh_s3_pool_worker, &run) != 0)
				break;
	if (started == 0) /* no threads: do it here */
		lh_s3_pool_worker(&run);
	for (size_t i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	pthread_mutex_destroy(&run.lock);
	if (run.status != LH_OK)
		lh_err_move(err, &run.err);
	lh_err_clear(&run.err);
	return run.status;
}

void *lh_s3_pool_worker(void *arg)
{
	lh_s3_pool_run *run = arg;
	for (;;) {
		pthread_mutex_lock(&run->lock);
		size_t i = run->next++;
		pthread_mutex_unlock(&run->lock);
		if (i >= run->n)
			break;
		lh_err e = {0};
		lh_status st = run->fn(run->ctx, i, &e);
		pthread_mutex_lock(&run->lock);
		if (st != LH_OK && run->status == LH_OK) {
			run->status = st;
			lh_err_move(&run->err, &e);
		}
		pthread_mutex_unlock(&run->lock);
		lh_err_clear(&e);
	}
	return NULL;
}
