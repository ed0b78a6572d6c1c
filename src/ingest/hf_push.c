/*
 * ingest/hf_push.c - `lakehouse hf push`: a table as a Hugging Face dataset.
 *
 * Layer: services (ingest). DuckDB writes the shards (COPY ... FILE_SIZE_BYTES); the
 * Hub's upload protocol, as huggingface_hub and @huggingface/hub speak it:
 *   POST /api/repos/create                         (409: it exists, fine)
 *   POST /api/datasets/{repo}/preupload/{rev}       which files go through LFS
 *   POST /datasets/{repo}.git/info/lfs/objects/batch, PUT each object to its href
 *   POST /api/datasets/{repo}/commit/{rev}          NDJSON: header, file, lfsFile
 * at most 50 files per commit ("(part i-of-n)"), a commit answered 409 (someone else
 * committed) is retried with backoff. Nothing in the lake changes.
 */
#include "ingest/http.h"
#include "ingest/hub.h"
#include "lake/services.h"
#include "store/cache.h"
#include "util/crypto.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FILES_PER_COMMIT 50
#define DEFAULT_SHARD ((int64_t)500 * 1000 * 1000)

typedef struct upfile {
	char *path;  /* in the repo */
	char *local;
	int64_t size;
	bool lfs;
	char sha[65];
} upfile;

typedef struct push {
	lh_lake *lake;
	lh_err *err;
	const lh_hf_push_options *o;
	lh_hf_push_report *rep;
	lh_hub hub;
	char *dir; /* staging */
	LH_VEC(upfile) files;
	lh_str_vec splits;     /* split names, and rows per split */
	lh_str_vec split_rows;
	lh_str_vec cols;       /* the table's columns and their types */
	lh_str_vec types;
} push;

static lh_status nomem(push *p)
{
	return lh_err_set(p->err, LH_ERR_NOMEM, "out of memory");
}

static bool split_name_ok(const char *s)
{
	if (!*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '.'))
			return false;
	return true;
}

static lh_status query_column(push *p, const char *sql, lh_str_vec *v, size_t col)
{
	lh_result *r = NULL;
	size_t n;
	lh_status s = lh_lake_query(p->lake, sql, &r);
	while (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n)
		for (size_t i = 0; i < n; i++) {
			const char *t = lh_result_text(r, col, i);
			char *d = lh_strdup(t ? t : "");
			if (!d || LH_VEC_PUSH(v, d) != LH_OK) {
				free(d);
				s = nomem(p);
				break;
			}
		}
	lh_result_destroy(&r);
	return s;
}

/* The table's columns and its splits. */
static lh_status describe(push *p)
{
	char *sql = lh_asprintf("DESCRIBE SELECT * FROM %s", p->o->table);
	lh_status s = sql ? query_column(p, sql, &p->cols, 0) : nomem(p);
	if (s == LH_OK)
		s = query_column(p, sql, &p->types, 1);
	free(sql);
	if (s != LH_OK)
		return s;
	if (!p->o->split_column) {
		char *d = lh_strdup("train");
		if (!d || LH_VEC_PUSH(&p->splits, d) != LH_OK) {
			free(d);
			return nomem(p);
		}
		return LH_OK;
	}
	bool found = false;
	for (size_t i = 0; i < p->cols.len; i++)
		found |= !strcmp(p->cols.items[i], p->o->split_column);
	if (!found)
		return lh_err_set(p->err, LH_ERR_NOT_FOUND, "--split-column '%s' is not a column of %s",
		                  p->o->split_column, p->o->table);
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT DISTINCT ");
	lh_buf_sql_ident(&q, p->o->split_column);
	lh_buf_printf(&q, "::VARCHAR FROM %s ORDER BY 1 NULLS FIRST", p->o->table);
	s = query_column(p, lh_buf_str(&q), &p->splits, 0);
	lh_buf_free(&q);
	for (size_t i = 0; s == LH_OK && i < p->splits.len; i++)
		if (!split_name_ok(p->splits.items[i]))
			s = lh_err_set(p->err, LH_ERR_INVALID,
			               "split '%s' (column '%s') cannot name a file: splits must be letters, "
			               "digits, '_' or '.' (NULL splits are not allowed)",
			               p->splits.items[i], p->o->split_column);
	if (s == LH_OK && p->splits.len == 0)
		s = lh_err_set(p->err, LH_ERR_INVALID, "%s has no rows to push", p->o->table);
	return s;
}

static lh_status add_file(push *p, char *path, char *local)
{
	upfile f = {.path = path, .local = local, .size = local ? lh_file_size(local) : -1};
	if (!path || !local || LH_VEC_PUSH(&p->files, f) != LH_OK) {
		free(path);
		free(local);
		return nomem(p);
	}
	return LH_OK;
}

static int name_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	/* data_N.parquet in N order */
	size_t lx = strlen(x), ly = strlen(y);
	return lx != ly ? (lx < ly ? -1 : 1) : strcmp(x, y);
}

static lh_status export_split(push *p, size_t si)
{
	const char *split = p->splits.items[si];
	char *out = lh_asprintf("%s/export-%zu", p->dir, si);
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "COPY (SELECT * ");
	if (p->o->split_column) {
		lh_buf_puts(&q, "EXCLUDE (");
		lh_buf_sql_ident(&q, p->o->split_column);
		lh_buf_puts(&q, ") ");
	}
	lh_buf_printf(&q, "FROM %s", p->o->table);
	if (p->o->split_column) {
		lh_buf_puts(&q, " WHERE ");
		lh_buf_sql_ident(&q, p->o->split_column);
		lh_buf_puts(&q, "::VARCHAR = ");
		lh_buf_sql_str(&q, split);
	}
	lh_buf_puts(&q, ") TO ");
	lh_buf_sql_str(&q, out ? out : "");
	lh_buf_printf(&q, " (FORMAT parquet, COMPRESSION zstd, FILE_SIZE_BYTES %lld)",
	              (long long)(p->o->max_shard_bytes > 0 ? p->o->max_shard_bytes : DEFAULT_SHARD));
	lh_result *r = NULL;
	size_t n;
	lh_status s = out && lh_buf_status(&q) == LH_OK ? lh_lake_query(p->lake, lh_buf_str(&q), &r)
	                                                : nomem(p);
	if (s == LH_OK && lh_result_next_batch(r, &n) == LH_OK && n) {
		char *c = lh_strdup(lh_result_text(r, 0, 0));
		p->rep->rows += lh_result_int64(r, 0, 0);
		if (!c || LH_VEC_PUSH(&p->split_rows, c) != LH_OK)
			free(c);
	}
	lh_result_destroy(&r);
	lh_buf_free(&q);
	lh_str_vec names = {0};
	DIR *d = s == LH_OK ? opendir(out) : NULL;
	if (s == LH_OK && !d)
		s = lh_err_set(p->err, LH_ERR_IO, "DuckDB wrote no shards into '%s'", out);
	for (struct dirent *e; d && (e = readdir(d));)
		if (lh_str_ends_with(e->d_name, ".parquet"))
			LH_VEC_PUSH(&names, lh_strdup(e->d_name));
	if (d)
		closedir(d);
	if (names.len > 1)
		qsort(names.items, names.len, sizeof(char *), name_cmp);
	for (size_t i = 0; s == LH_OK && i < names.len; i++)
		s = add_file(p, lh_asprintf("data/%s-%05zu-of-%05zu.parquet", split, i, names.len),
		             lh_asprintf("%s/%s", out, names.items[i]));
	lh_str_vec_free(&names);
	free(out);
	return s;
}

static const char *hf_dtype(const char *t)
{
	static const char *const map[][2] = {
	    {"BIGINT", "int64"},     {"INTEGER", "int32"},    {"SMALLINT", "int16"},
	    {"TINYINT", "int8"},     {"UBIGINT", "uint64"},   {"UINTEGER", "uint32"},
	    {"USMALLINT", "uint16"}, {"UTINYINT", "uint8"},   {"DOUBLE", "float64"},
	    {"FLOAT", "float32"},    {"BOOLEAN", "bool"},     {"VARCHAR", "string"},
	    {"BLOB", "binary"},      {"DATE", "date32"},      {"TIMESTAMP", "timestamp[us]"},
	    {"TIMESTAMP WITH TIME ZONE", "timestamp[us, tz=UTC]"}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(t, map[i][0]))
			return map[i][1];
	return NULL;
}

static lh_status write_card(push *p)
{
	lh_buf c;
	lh_buf_init(&c, 0);
	lh_buf_puts(&c, "---\nconfigs:\n- config_name: default\n  data_files:\n");
	for (size_t i = 0; i < p->splits.len; i++)
		lh_buf_printf(&c, "  - split: %s\n    path: data/%s-*\n", p->splits.items[i], p->splits.items[i]);
	/* features when every column maps to a Hub dtype; else the Parquet schema speaks */
	bool all = true;
	for (size_t i = 0; i < p->types.len; i++) {
		const char *t = p->types.items[i];
		size_t n = strlen(t);
		bool is_list = n > 2 && !strcmp(t + n - 2, "[]");
		char *inner = is_list ? lh_strndup(t, n - 2) : NULL;
		bool known = is_list ? inner && hf_dtype(inner) != NULL : hf_dtype(t) != NULL;
		if (!known &&
		    !(p->o->split_column && !strcmp(p->cols.items[i], p->o->split_column)))
			all = false;
		free(inner);
	}
	lh_buf_puts(&c, "dataset_info:\n");
	if (all) {
		lh_buf_puts(&c, "  features:\n");
		for (size_t i = 0; i < p->cols.len; i++) {
			if (p->o->split_column && !strcmp(p->cols.items[i], p->o->split_column))
				continue;
			const char *t = p->types.items[i];
			size_t n = strlen(t);
			lh_buf_puts(&c, "  - name: ");
			lh_json_quote(&c, p->cols.items[i]);
			if (n > 2 && !strcmp(t + n - 2, "[]")) {
				char *inner = lh_strndup(t, n - 2);
				lh_buf_printf(&c, "\n    sequence: %s\n", inner ? hf_dtype(inner) : "string");
				free(inner);
			} else {
				lh_buf_printf(&c, "\n    dtype: %s\n", hf_dtype(t));
			}
		}
	}
	lh_buf_puts(&c, "  splits:\n");
	for (size_t i = 0; i < p->splits.len; i++)
		lh_buf_printf(&c, "  - name: %s\n    num_examples: %s\n", p->splits.items[i],
		              i < p->split_rows.len ? p->split_rows.items[i] : "0");
	lh_buf_printf(&c, "---\n\n# %s\n\nPublished with `lakehouse hf push` from table `%s`: %lld rows in "
	                  "%zu Parquet shards.\n",
	              p->o->repo, p->o->table, (long long)p->rep->rows, p->files.len);
	char *path = lh_asprintf("%s/README.md", p->dir);
	lh_status s = path && lh_buf_status(&c) == LH_OK
	                  ? lh_file_write_atomic(path, c.data, c.len, p->err)
	                  : nomem(p);
	lh_buf_free(&c);
	if (s == LH_OK)
		return add_file(p, lh_strdup("README.md"), path);
	free(path);
	return s;
}

static lh_status post_json(push *p, const char *url, json_t *body, const char *ctype,
                           const char *what, json_t **out, long *status)
{
	char *text = json_dumps(body, JSON_COMPACT);
	lh_http_req req = {.method = "POST", .url = url, .token = p->hub.token,
	                   .ctype = ctype ? ctype : "application/json", .accept = ctype,
	                   .body = text, .body_len = text ? strlen(text) : 0};
	lh_http_resp resp;
	lh_status s = text ? lh_http_do(&req, &resp, p->err) : nomem(p);
	if (s == LH_OK) {
		*status = resp.status;
		if (resp.status / 100 != 2 && resp.status != 409)
			s = lh_http_fail(&resp, what, p->err);
		else if (out && resp.status / 100 == 2 &&
		         !(*out = json_loadb(resp.body.data ? resp.body.data : "", resp.body.len, 0, NULL)))
			s = lh_err_set(p->err, LH_ERR_CORRUPT, "%s: the Hub's answer is not JSON", what);
		lh_http_resp_free(&resp);
	}
	free(text);
	return s;
}

static lh_status create_repo(push *p)
{
	const char *slash = strchr(p->o->repo, '/');
	char *org = lh_strndup(p->o->repo, (size_t)(slash - p->o->repo));
	char *url = lh_asprintf("%s/api/repos/create", p->hub.endpoint);
	json_t *body = json_pack("{s:s, s:s, s:s, s:b}", "name", slash + 1, "organization", org ? org : "",
	                         "type", "dataset", "private", p->o->is_private);
	long status = 0;
	lh_status s = url && body ? post_json(p, url, body, NULL, "cannot create the dataset repo", NULL, &status)
	                          : nomem(p);
	json_decref(body);
	free(org);
	free(url);
	return s;
}

static lh_status preupload(push *p)
{
	char *rev = lh_hub_escape(p->o->revision ? p->o->revision : "main", false);
	char *url = lh_asprintf("%s/api/datasets/%s/preupload/%s", p->hub.endpoint, p->o->repo, rev ? rev : "");
	json_t *files = json_array(), *body = json_pack("{s:o}", "files", files), *out = NULL;
	lh_status s = url && body ? LH_OK : nomem(p);
	for (size_t i = 0; s == LH_OK && i < p->files.len; i++) {
		upfile *f = &p->files.items[i];
		unsigned char sample[512];
		char b64[700];
		FILE *fp = fopen(f->local, "rb");
		size_t n = fp ? fread(sample, 1, sizeof sample, fp) : 0;
		if (fp)
			fclose(fp);
		lh_base64(sample, n, b64);
		json_array_append_new(files, json_pack("{s:s, s:I, s:s}", "path", f->path, "size",
		                                       (json_int_t)f->size, "sample", b64));
	}
	long status = 0;
	if (s == LH_OK)
		s = post_json(p, url, body, NULL, "preupload was refused", &out, &status);
	json_t *e;
	size_t i;
	json_array_foreach(json_object_get(out, "files"), i, e)
	{
		const char *path = json_string_value(json_object_get(e, "path"));
		const char *mode = json_string_value(json_object_get(e, "uploadMode"));
		for (size_t k = 0; path && k < p->files.len; k++)
			if (!strcmp(p->files.items[k].path, path))
				p->files.items[k].lfs = mode && !strcmp(mode, "lfs");
	}
	json_decref(out);
	json_decref(body);
	free(rev);
	free(url);
	return s;
}

static lh_status lfs_upload(push *p)
{
	json_t *objects = json_array();
	for (size_t i = 0; i < p->files.len; i++) {
		upfile *f = &p->files.items[i];
		if (!f->lfs)
			continue;
		if (lh_sha256_file_hex(f->local, f->sha) != LH_OK)
			return lh_err_set(p->err, LH_ERR_IO, "cannot read '%s'", f->local);
		json_array_append_new(objects, json_pack("{s:s, s:I}", "oid", f->sha, "size", (json_int_t)f->size));
	}
	if (json_array_size(objects) == 0) {
		json_decref(objects);
		return LH_OK;
	}
	char *url = lh_asprintf("%s/datasets/%s.git/info/lfs/objects/batch", p->hub.endpoint, p->o->repo);
	json_t *body = json_pack("{s:s, s:[s], s:s, s:o, s:{s:s}}", "operation", "upload", "transfers",
	                         "basic", "hash_algo", "sha_256", "objects", objects, "ref", "name",
	                         p->o->revision ? p->o->revision : "main");
	json_t *out = NULL;
	long status = 0;
	lh_status s = url && body ? post_json(p, url, body, "application/vnd.git-lfs+json",
	                                      "the Git LFS batch request was refused", &out, &status)
	                          : nomem(p);
	json_t *e;
	size_t i;
	json_array_foreach(json_object_get(out, "objects"), i, e)
	{
		if (s != LH_OK)
			break;
		lh_lfs_action a;
		lh_hub_lfs_action(e, &a);
		upfile *f = NULL;
		for (size_t k = 0; a.oid && k < p->files.len; k++)
			if (p->files.items[k].lfs && !strcmp(p->files.items[k].sha, a.oid))
				f = &p->files.items[k];
		if (!f) {
			s = lh_err_set(p->err, LH_ERR_CORRUPT, "the LFS batch answer names an object we did not send");
		} else if (a.error) {
			s = lh_err_set(p->err, LH_ERR_IO, "the Hub refused LFS object '%s': %s", f->path, a.error);
		} else if (a.upload) { /* no upload action: the Hub has the object already */
			const char *href = a.href;
			if (!href || a.multipart) {
				s = lh_err_set(p->err, LH_ERR_UNSUPPORTED,
				               "the Hub asked for a multipart LFS upload of '%s', which lakehouse "
				               "does not do yet: push with a smaller --max-shard-bytes",
				               f->path);
				break;
			}
			if (p->o->progress)
				p->o->progress(p->o->progress_ctx, "upload", f->path, 0, f->size);
			lh_http_req req = {.method = "PUT", .url = href, .body_file = f->local};
			lh_http_resp resp;
			s = lh_http_do(&req, &resp, p->err);
			if (s == LH_OK && resp.status / 100 != 2) {
				char *what = lh_asprintf("upload of '%s' to LFS storage failed", f->path);
				s = lh_http_fail(&resp, what ? what : f->path, p->err);
				free(what);
			}
			lh_http_resp_free(&resp);
			if (s == LH_OK) {
				p->rep->bytes += f->size;
				if (p->o->progress)
					p->o->progress(p->o->progress_ctx, "upload", f->path, f->size, f->size);
			}
		}
	}
	json_decref(out);
	json_decref(body);
	free(url);
	return s;
}

static lh_status commit_part(push *p, size_t from, size_t to, size_t part, size_t parts)
{
	lh_buf nd;
	lh_buf_init(&nd, 0);
	char title[256];
	if (parts > 1)
		snprintf(title, sizeof title, "Upload %s with lakehouse (part %zu-of-%zu)", p->o->table,
		         part + 1, parts);
	else
		snprintf(title, sizeof title, "Upload %s with lakehouse", p->o->table);
	json_t *h = json_pack("{s:s, s:{s:s}}", "key", "header", "value", "summary", title);
	char *t = json_dumps(h, JSON_COMPACT);
	lh_buf_puts(&nd, t ? t : "");
	free(t);
	json_decref(h);
	lh_status s = LH_OK;
	for (size_t i = from; s == LH_OK && i < to; i++) {
		upfile *f = &p->files.items[i];
		json_t *line;
		if (f->lfs) {
			line = json_pack("{s:s, s:{s:s, s:s, s:s, s:I}}", "key", "lfsFile", "value", "path", f->path,
			                 "algo", "sha256", "oid", f->sha, "size", (json_int_t)f->size);
		} else {
			char *data = NULL;
			size_t n = 0;
			s = lh_file_read(f->local, 64 << 20, &data, &n, p->err);
			char *b64 = s == LH_OK ? malloc(4 * ((n + 2) / 3) + 1) : NULL;
			if (b64)
				lh_base64((const unsigned char *)data, n, b64);
			line = b64 ? json_pack("{s:s, s:{s:s, s:s, s:s}}", "key", "file", "value", "path", f->path,
			                       "content", b64, "encoding", "base64")
			           : NULL;
			if (line)
				p->rep->bytes += (int64_t)n;
			free(b64);
			free(data);
		}
		char *text = line ? json_dumps(line, JSON_COMPACT) : NULL;
		if (s == LH_OK && !text)
			s = nomem(p);
		lh_buf_putc(&nd, '\n');
		lh_buf_puts(&nd, text ? text : "");
		free(text);
		json_decref(line);
	}
	char *rev = lh_hub_escape(p->o->revision ? p->o->revision : "main", false);
	char *url = lh_asprintf("%s/api/datasets/%s/commit/%s", p->hub.endpoint, p->o->repo, rev ? rev : "");
	for (int attempt = 0; s == LH_OK; attempt++) {
		lh_http_req req = {.method = "POST", .url = url, .token = p->hub.token,
		                   .ctype = "application/x-ndjson", .body = nd.data, .body_len = nd.len};
		lh_http_resp resp;
		s = lh_http_do(&req, &resp, p->err);
		if (s == LH_OK && resp.status == 409 && attempt < 5) {
			lh_http_resp_free(&resp);
			p->rep->retries++;
			lh_sleep_ms(250.0 * (1 << attempt));
			continue;
		}
		if (s == LH_OK && resp.status / 100 != 2)
			s = lh_http_fail(&resp, "the commit was refused", p->err);
		json_t *j = s == LH_OK ? json_loadb(resp.body.data ? resp.body.data : "", resp.body.len, 0, NULL) : NULL;
		const char *oid = json_string_value(json_object_get(j, "commitOid"));
		if (s == LH_OK && !oid)
			s = lh_err_set(p->err, LH_ERR_CORRUPT, "the Hub's commit answer has no commitOid");
		if (s == LH_OK) {
			free(p->rep->commit);
			p->rep->commit = lh_strdup(oid);
			p->rep->commits++;
			p->rep->files += (int64_t)(to - from);
		}
		json_decref(j);
		lh_http_resp_free(&resp);
		break;
	}
	free(rev);
	free(url);
	lh_buf_free(&nd);
	return s;
}

static lh_status lh_hf_push_run(lh_lake *lake, const lh_hf_push_options *o, lh_hf_push_report *rep)
{
	memset(rep, 0, sizeof *rep);
	push p = {.lake = lake, .err = lh_lake_err(lake), .o = o, .rep = rep};
	lh_err_clear(p.err);
	if (!o || !o->table || !o->repo)
		return lh_err_set(p.err, LH_ERR_INVALID, "hf push needs a table and a repo id");
	if (!lh_hub_repo_id_ok(o->repo))
		return lh_err_set(p.err, LH_ERR_INVALID, "'%s' is not a Hub repo id like 'namespace/name'", o->repo);
	lh_status s = lh_hub_init(&p.hub, p.err);
	if (s == LH_OK && !p.hub.token)
		s = lh_err_set(p.err, LH_ERR_INVALID, "hf push needs a write token in HF_TOKEN");
	char *cache = lh_cache_default_dir();
	char id[LH_UUID_LEN + 1];
	lh_uuid_v7(id);
	p.dir = cache ? lh_asprintf("%s/hf-push/%s", cache, id) : NULL;
	free(cache);
	if (s == LH_OK)
		s = p.dir ? lh_mkdirs(p.dir, p.err) : nomem(&p);
	if (s == LH_OK)
		s = describe(&p);
	for (size_t i = 0; s == LH_OK && i < p.splits.len; i++) {
		if (o->progress)
			o->progress(o->progress_ctx, "export", p.splits.items[i], (int64_t)i, (int64_t)p.splits.len);
		s = export_split(&p, i);
	}
	if (s == LH_OK)
		s = write_card(&p);
	if (s == LH_OK)
		s = create_repo(&p);
	if (s == LH_OK)
		s = preupload(&p);
	if (s == LH_OK)
		s = lfs_upload(&p);
	size_t parts = (p.files.len + FILES_PER_COMMIT - 1) / FILES_PER_COMMIT;
	for (size_t k = 0; s == LH_OK && k < parts; k++) {
		size_t to = (k + 1) * FILES_PER_COMMIT;
		s = commit_part(&p, k * FILES_PER_COMMIT, to < p.files.len ? to : p.files.len, k, parts);
	}
	if (s != LH_OK)
		lh_err_prefix(p.err, "cannot push %s to '%s': ", o->table, o->repo);
	for (size_t i = 0; i < p.files.len; i++) {
		free(p.files.items[i].path);
		free(p.files.items[i].local);
	}
	LH_VEC_FREE(&p.files);
	lh_str_vec_free(&p.splits);
	lh_str_vec_free(&p.split_rows);
	lh_str_vec_free(&p.cols);
	lh_str_vec_free(&p.types);
	lh_store_staging_done(p.dir);
	free(p.dir);
	lh_hub_clear(&p.hub);
	return s;
}

void lh_hf_push_report_clear(lh_hf_push_report *r)
{
	free(r->commit);
	memset(r, 0, sizeof *r);
}

lh_status lh_hf_push(lh_lake *lake, const lh_hf_push_options *o, lh_hf_push_report *rep)
{
	if (!LH_OPTIONS_SIZE_OK(o)) {
		memset(rep, 0, sizeof *rep);
		return lh_err_options_size(lh_lake_err(lake), "lh_hf_push_options", o->struct_size, sizeof *o);
	}
	lh_render old = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_status s = lh_hf_push_run(lake, o, rep);
	lh_lake_swap_render(lake, old);
	return s;
}
