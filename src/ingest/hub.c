/*
 * ingest/hub.c - Hub listing and downloads (see hub.h).
 *
 * Layer: services (ingest).
 */
#include "ingest/hub.h"
#include "ingest/http.h"
#include "util/crypto.h"
#include "util/fsutil.h"

#include <jansson.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void lh_hub_files_free(lh_hub_files *v)
{
	for (size_t i = 0; i < v->len; i++) {
		free(v->items[i].path);
		free(v->items[i].sha256);
	}
	LH_VEC_FREE(v);
}

lh_status lh_hub_init(lh_hub *hub, lh_err *err)
{
	const char *ep = getenv("HF_ENDPOINT");
	if (!ep || !*ep)
		ep = "https://huggingface.co";
	if (strncmp(ep, "http://", 7) && strncmp(ep, "https://", 8))
		return lh_err_set(err, LH_ERR_INVALID,
		                  "HF_ENDPOINT '%s' is not an http(s) URL: set it to the Hub's base URL", ep);
	hub->endpoint = lh_strdup(ep);
	if (!hub->endpoint)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	size_t n = strlen(hub->endpoint);
	while (n > 0 && hub->endpoint[n - 1] == '/')
		hub->endpoint[--n] = '\0';
	const char *tok = getenv("HF_TOKEN");
	hub->token = tok && *tok ? tok : NULL;
	return LH_OK;
}

void lh_hub_clear(lh_hub *hub)
{
	free(hub->endpoint);
	hub->endpoint = NULL;
}

static bool name_ok(const char *s, size_t n)
{
	if (n == 0 || n > 96 || (n <= 2 && s[0] == '.' && (n == 1 || s[1] == '.')))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_' || s[i] == '.'))
			return false;
	return true;
}

bool lh_hub_repo_id_ok(const char *repo)
{
	const char *slash = strchr(repo, '/');
	return slash && !strchr(slash + 1, '/') && name_ok(repo, (size_t)(slash - repo)) &&
	       name_ok(slash + 1, strlen(slash + 1)) && !strstr(repo, "..");
}

bool lh_hub_path_ok(const char *path)
{
	if (!*path || path[0] == '/' || strlen(path) > 1024)
		return false;
	for (const char *seg = path; seg;) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
			return false;
		seg = end ? end + 1 : NULL;
	}
	for (const char *p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\')
			return false;
	return true;
}

char *lh_hub_escape(const char *s, bool keep_slash)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~' || (keep_slash && *p == '/'))
			lh_buf_putc(&b, (char)*p);
		else
			lh_buf_printf(&b, "%%%02X", *p);
	}
	return lh_buf_steal(&b);
}

static lh_status get_json(const lh_hub *hub, const char *url, const char *what, json_t **out,
                          char **link_next, lh_err *err)
{
	lh_http_req req = {.method = "GET", .url = url, .token = hub->token, .accept = "application/json"};
	lh_http_resp resp;
	lh_status s = lh_http_do(&req, &resp, err);
	if (s == LH_OK && resp.status != 200)
		s = lh_http_fail(&resp, what, err);
	if (s == LH_OK) {
		json_error_t je;
		*out = json_loadb(resp.body.data ? resp.body.data : "", resp.body.len, 0, &je);
		if (!*out)
			s = lh_err_set(err, LH_ERR_CORRUPT, "%s: the Hub's answer is not JSON (%s)", what,
			               je.text);
	}
	if (s == LH_OK && link_next) {
		*link_next = resp.link_next;
		resp.link_next = NULL;
	}
	lh_http_resp_free(&resp);
	return s;
}

lh_status lh_hub_parse_revision(json_t *j, const char *what, char **out_sha, lh_err *err)
{
	const char *sha = json_string_value(json_object_get(j, "sha"));
	if (!sha || !name_ok(sha, strlen(sha)))
		return lh_err_set(err, LH_ERR_CORRUPT, "%s: the answer has no commit sha", what);
	if (!(*out_sha = lh_strdup(sha)))
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	return LH_OK;
}

lh_status lh_hub_revision(const lh_hub *hub, const char *repo, const char *rev, char **out_sha,
                          lh_err *err)
{
	char *erev = lh_hub_escape(rev, false);
	char *url = erev ? lh_asprintf("%s/api/datasets/%s/revision/%s", hub->endpoint, repo, erev) : NULL;
	char *what = lh_asprintf("cannot read revision '%s' of dataset '%s'", rev, repo);
	json_t *j = NULL;
	lh_status s = url && what ? get_json(hub, url, what, &j, NULL, err)
	                          : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	if (s == LH_OK)
		s = lh_hub_parse_revision(j, what, out_sha, err);
	json_decref(j);
	free(erev);
	free(url);
	free(what);
	return s;
}

lh_status lh_hub_parse_tree_page(json_t *j, const char *what, lh_hub_files *out, lh_err *err)
{
	json_t *e;
	size_t i;
	if (!json_is_array(j))
		return lh_err_set(err, LH_ERR_CORRUPT, "%s: the listing is not a JSON list", what);
	json_array_foreach(j, i, e)
	{
		const char *type = json_string_value(json_object_get(e, "type"));
		const char *path = json_string_value(json_object_get(e, "path"));
		if (!type || strcmp(type, "file"))
			continue;
		if (!path || !lh_hub_path_ok(path))
			return lh_err_set(err, LH_ERR_CORRUPT, "%s: the listing names an unsafe path '%s'",
			                  what, path ? path : "(none)");
		/* the size checks the download: a missing one must not pass for any file */
		json_t *size = json_object_get(e, "size");
		if (!json_is_integer(size) || json_integer_value(size) < 0)
			return lh_err_set(err, LH_ERR_CORRUPT, "%s: the listing gives '%s' no valid size",
			                  what, path);
		json_t *lfs = json_object_get(e, "lfs");
		const char *oid = lfs ? json_string_value(json_object_get(lfs, "oid")) : NULL;
		lh_hub_file f = {lh_strdup(path), json_integer_value(size), oid ? lh_strdup(oid) : NULL};
		if (!f.path || LH_VEC_PUSH(out, f) != LH_OK) {
			free(f.path);
			free(f.sha256);
			return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		}
	}
	return LH_OK;
}

void lh_hub_lfs_action(json_t *object, lh_lfs_action *out)
{
	json_t *error = json_object_get(object, "error");
	json_t *up = json_object_get(json_object_get(object, "actions"), "upload");
	const char *msg = json_string_value(json_object_get(error, "message"));
	out->oid = json_string_value(json_object_get(object, "oid"));
	out->error = error ? (msg ? msg : "no reason given") : NULL;
	out->upload = up != NULL;
	out->href = json_string_value(json_object_get(up, "href"));
	out->multipart = json_object_get(json_object_get(up, "header"), "chunk_size") != NULL;
}

lh_status lh_hub_tree(const lh_hub *hub, const char *repo, const char *sha, lh_hub_files *out,
                      lh_err *err)
{
	memset(out, 0, sizeof *out);
	char *url = lh_asprintf("%s/api/datasets/%s/tree/%s?recursive=true&expand=false", hub->endpoint,
	                        repo, sha);
	char *what = lh_asprintf("cannot list dataset '%s' at %s", repo, sha);
	lh_status s = url && what ? LH_OK : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	for (int page = 0; s == LH_OK && url; page++) {
		json_t *j = NULL;
		char *next = NULL;
		if (page > 10000) {
			s = lh_err_set(err, LH_ERR_TOO_BIG, "%s: over 10000 pages", what);
			break;
		}
		s = get_json(hub, url, what, &j, &next, err);
		if (s == LH_OK)
			s = lh_hub_parse_tree_page(j, what, out, err);
		json_decref(j);
		free(url);
		url = next;
	}
	free(url);
	free(what);
	if (s != LH_OK)
		lh_hub_files_free(out);
	return s;
}

typedef struct dl_progress {
	lh_progress_cb cb;
	void *ctx;
	const char *path;
} dl_progress;

static void on_progress(void *ctx, int64_t done, int64_t total)
{
	dl_progress *p = ctx;
	p->cb(p->ctx, "download", p->path, done, total);
}

lh_status lh_hub_download(const lh_hub *hub, const char *repo, const char *sha,
                          const lh_hub_file *f, const char *dest, lh_progress_cb progress,
                          void *ctx, int64_t *out_bytes, lh_err *err)
{
	*out_bytes = 0;
	if (lh_file_size(dest) == f->size)
		return LH_OK; /* checked when it was downloaded, then renamed into place */
	char *dir = lh_strdup(dest), *part = lh_asprintf("%s.incomplete", dest);
	char *epath = lh_hub_escape(f->path, true);
	char *url = lh_asprintf("%s/datasets/%s/resolve/%s/%s", hub->endpoint, repo, sha, epath ? epath : "");
	lh_status s = dir && part && epath && url ? lh_mkdirs(dirname(dir), err)
	                                          : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	if (lh_file_size(part) > f->size) /* not a prefix of this file: start over */
		unlink(part);
	dl_progress dp = {progress, ctx, f->path};
	lh_http_req req = {.method = "GET", .url = url, .token = hub->token, .out_file = part,
	                   .resume = 1, .progress = progress ? on_progress : NULL, .progress_ctx = &dp};
	lh_http_resp resp = {0};
	for (int attempt = 0; s == LH_OK && attempt < 3; attempt++) {
		int64_t start = lh_file_size(part);
		s = lh_http_do(&req, &resp, err);
		long status = resp.status;
		if (s == LH_OK && status != 200 && status != 206 && status != 416) {
			char *what = lh_asprintf("cannot download '%s' of dataset '%s'", f->path, repo);
			s = lh_http_fail(&resp, what ? what : f->path, err);
			free(what);
		}
		lh_http_resp_free(&resp);
		int64_t now = lh_file_size(part);
		if (now > start)
			*out_bytes += now - start;
		if (s != LH_OK || now >= f->size)
			break;
		/* the connection ended early: go on from where it stopped */
	}
	if (s == LH_OK && lh_file_size(part) != f->size)
		s = lh_err_set(err, LH_ERR_IO,
		               "download of '%s' of dataset '%s' stopped at %lld of %lld bytes; run the "
		               "command again to resume",
		               f->path, repo, (long long)lh_file_size(part), (long long)f->size);
	if (s == LH_OK && f->sha256) {
		char got[65];
		if (lh_sha256_file_hex(part, got) != LH_OK)
			s = lh_err_set(err, LH_ERR_IO, "cannot read '%s'", part);
		else if (strcmp(got, f->sha256)) {
			unlink(part);
			s = lh_err_set(err, LH_ERR_CORRUPT,
			               "'%s' of dataset '%s' does not match the Hub's SHA-256 (%s, got %s); the "
			               "partial download was removed, run the command again",
			               f->path, repo, f->sha256, got);
		}
	}
	if (s == LH_OK && rename(part, dest) != 0)
		s = lh_err_set(err, LH_ERR_IO, "cannot rename '%s' into place", part);
	free(dir);
	free(part);
	free(epath);
	free(url);
	return s;
}
