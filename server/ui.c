/*
 * server/ui.c - the web UI's side of `lakehouse serve`.
 *
 *   GET /, /ui/NAME     the UI's files (web/, built into the binary), no token needed:
 *                       they hold no data; every data request of the page carries one
 *   GET /ui/session     who the token is: tenant, role, and whether it may write here
 *   GET /ui/thumb       ?table=&column=&uri=[&size=&snapshot=]: a JPEG thumbnail of an
 *                       image the table's column holds (lh_lake_thumbnail), cached
 *   GET /ui/fragment    ?table=&clip_uri=&fragment=: one fragment of a clip, with its
 *                       init segment, as a playable MP4 (lh_video_fetch's ranged reads)
 *
 * Layer: servers, a client of lakehouse.h. Everything else the page shows comes from the
 * tool registry (POST /tools/NAME), as agents get it. Thumbnails and fragments go through
 * the query tool first, with the request's token: the URI must be a value of the table
 * the token may read (at the snapshot asked for), so an asset is never served to a
 * caller who could not have read its row, and no other object is reachable by naming it.
 */
#include "server/ui.h"
#include "server/http_int.h"
#include "util/buf.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CSP                                                                                        \
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "    \
	"media-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'self'; "        \
	"frame-ancestors 'none'"
#define THUMB_SIZE 160
/* the sizes served: each image has a few thumbnails, so the cache holds them */
static const int thumb_sizes[] = {64, 96, 128, 160, 192, 256, 320, 384, 512, 640, 768, 1024};
#define THUMB_SIZES "64, 96, 128, 160, 192, 256, 320, 384, 512, 640, 768 or 1024"
/* thumbnails decoded at once (a large picture takes hundreds of MB while it is) */
#define THUMB_DECODERS 2
#define FRAGMENT_MAX   ((long)64 << 20)
/* content-addressed assets never change: a browser may keep what it fetched */
#define ASSET_CACHE "private, max-age=86400"

/* --- answers ----------------------------------------------------------------------------- */

/* `data` is freed by MHD when `mode` is MHD_RESPMEM_MUST_FREE. */
static enum MHD_Result send_bytes(struct MHD_Connection *c, const char *type, const void *data,
                                  size_t len, enum MHD_ResponseMemoryMode mode,
                                  const char *cache_control, const char *note)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)data, mode);
	if (!r) {
		if (mode == MHD_RESPMEM_MUST_FREE)
			free((void *)data);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, cache_control);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Content-Security-Policy", CSP);
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	/* the first page load may carry ?token=: never pass the address on */
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	if (note)
		MHD_add_response_header(r, "X-Cache", note);
	enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result send_failure(struct MHD_Connection *c, lh_status st, const char *message)
{
	char kind[32];
	unsigned status = http_status_of(st, kind, sizeof kind);
	/* an asset the lake holds but cannot turn into a picture: the data's fault, not ours */
	if (st == LH_ERR_CORRUPT || st == LH_ERR_UNSUPPORTED)
		status = MHD_HTTP_UNPROCESSABLE_CONTENT;
	if (status == MHD_HTTP_INTERNAL_SERVER_ERROR)
		fprintf(stderr, "lakehouse serve: %s\n", message ? message : lh_strerror(st));
	return http_send_error(c, status, kind, message ? message : lh_strerror(st));
}

/* --- the UI's files ---------------------------------------------------------------------- */

const ui_asset *ui_asset_find(const char *url)
{
	const char *name = !strcmp(url, "/")          ? "index.html"
	                   : !strncmp(url, "/ui/", 4) ? url + 4
	                                              : NULL;
	for (const ui_asset *a = ui_assets; name && a->name; a++)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

enum MHD_Result ui_send_asset(struct MHD_Connection *c, const ui_asset *a)
{
	/* revalidated on each load, so a new binary's UI shows at once */
	return send_bytes(c, a->type, a->data, a->len, MHD_RESPMEM_PERSISTENT, "no-cache", NULL);
}

enum MHD_Result ui_session(struct MHD_Connection *c, const ui_caller *who)
{
	return http_send_json(c, MHD_HTTP_OK,
	                      json_pack("{s:s?, s:s, s:b, s:s}", "tenant", who->tenant, "role",
	                                lh_token_role_name(who->role), "writes", who->writes,
	                                "version", lh_version()));
}

/* --- the thumbnail cache ------------------------------------------------------------------ */

typedef struct cached {
	char *key;
	unsigned char *data;
	size_t len;
	unsigned long used; /* when last used (the cache's clock) */
} cached;

struct ui_cache {
	pthread_mutex_t mu;
	pthread_cond_t idle; /* a decoder finished */
	int decoding;
	cached *items;
	size_t n, cap;
	size_t bytes, max_bytes;
	unsigned long clock;
};

ui_cache *ui_cache_new(size_t max_bytes)
{
	ui_cache *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	pthread_mutex_init(&k->mu, NULL);
	pthread_cond_init(&k->idle, NULL);
	k->max_bytes = max_bytes;
	return k;
}

void ui_cache_free(ui_cache **kp)
{
	ui_cache *k = kp ? *kp : NULL;
	if (!k)
		return;
	for (size_t i = 0; i < k->n; i++) {
		free(k->items[i].key);
		free(k->items[i].data);
	}
	free(k->items);
	pthread_mutex_destroy(&k->mu);
	pthread_cond_destroy(&k->idle);
	free(k);
	*kp = NULL;
}

/* A copy of the bytes kept under `key` (caller frees), or NULL. */
static unsigned char *cache_get(ui_cache *k, const char *key, size_t *len)
{
	unsigned char *copy = NULL;
	pthread_mutex_lock(&k->mu);
	for (size_t i = 0; i < k->n; i++)
		if (!strcmp(k->items[i].key, key)) {
			k->items[i].used = ++k->clock;
			if ((copy = malloc(k->items[i].len ? k->items[i].len : 1))) {
				memcpy(copy, k->items[i].data, k->items[i].len);
				*len = k->items[i].len;
			}
			break;
		}
	pthread_mutex_unlock(&k->mu);
	return copy;
}

/* Keeps a copy of data under key (nothing when out of memory: a cache may forget). */
static void cache_put(ui_cache *k, const char *key, const unsigned char *data, size_t len)
{
	if (len > k->max_bytes)
		return;
	cached e = {strdup(key), malloc(len ? len : 1), len, 0};
	if (!e.key || !e.data) {
		free(e.key);
		free(e.data);
		return;
	}
	memcpy(e.data, data, len);
	pthread_mutex_lock(&k->mu);
	for (size_t i = 0; i < k->n; i++)
		if (!strcmp(k->items[i].key, key)) { /* another request made it meanwhile */
			pthread_mutex_unlock(&k->mu);
			free(e.key);
			free(e.data);
			return;
		}
	while (k->n && k->bytes + len > k->max_bytes) { /* drop the least recently used */
		size_t old = 0;
		for (size_t i = 1; i < k->n; i++)
			if (k->items[i].used < k->items[old].used)
				old = i;
		k->bytes -= k->items[old].len;
		free(k->items[old].key);
		free(k->items[old].data);
		k->items[old] = k->items[--k->n];
	}
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 64;
		cached *items = realloc(k->items, cap * sizeof *items);
		if (!items) {
			pthread_mutex_unlock(&k->mu);
			free(e.key);
			free(e.data);
			return;
		}
		k->items = items;
		k->cap = cap;
	}
	e.used = ++k->clock;
	k->items[k->n++] = e;
	k->bytes += len;
	pthread_mutex_unlock(&k->mu);
}

/* --- checks through the query tool ---------------------------------------------------------- */

static const char *arg(struct MHD_Connection *c, const char *name)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
	return v && *v ? v : NULL;
}

/* A whole number argument from lo to hi (dflt when absent); false when it is not one. */
static bool int_arg(struct MHD_Connection *c, const char *name, long long lo, long long hi,
                    long long dflt, long long *out)
{
	const char *v = arg(c, name);
	char *end = NULL;
	*out = v ? strtoll(v, &end, 10) : dflt;
	return !v || (*end == '\0' && *out >= lo && *out <= hi);
}

/* Calls tool `name` with input `in` (taken; "snapshot" added when snapshot > 0) and the
 * caller's token: its result, or NULL when the failure was answered (*answered). */
static json_t *call_tool(struct MHD_Connection *c, lh_lake *lake, const lh_tool_options *to,
                         const char *name, json_t *in, long long snapshot,
                         enum MHD_Result *answered)
{
	if (in && snapshot > 0)
		json_object_set_new(in, "snapshot", json_integer(snapshot));
	char *text = in ? json_dumps(in, JSON_COMPACT) : NULL, *out = NULL, *err = NULL;
	json_decref(in);
	lh_status st = text ? lh_tool_call(lake, name, text, to, &out, &err) : LH_ERR_NOMEM;
	free(text);
	json_t *res = st == LH_OK ? json_loads(out, 0, NULL) : NULL;
	if (!res)
		*answered = send_failure(c, st == LH_OK ? LH_ERR_NOMEM : st,
		                         err ? err : "out of memory");
	lh_free(out);
	lh_free(err);
	return res;
}

/* Table `table` as the tools name it ("schema.table", parts double-quoted where they need
 * it; "table" is main's) as SQL with both parts quoted (caller frees), resolved by the
 * describe_table tool with the caller's token: NULL when it is no table the caller may
 * read, and then the answer was sent (*answered). */
static char *resolve_table(struct MHD_Connection *c, lh_lake *lake, const lh_tool_options *to,
                           const char *table, long long snapshot, enum MHD_Result *answered)
{
	json_t *d = call_tool(c, lake, to, "describe_table", json_pack("{s:s}", "table", table),
	                      snapshot, answered);
	if (!d)
		return NULL;
	const char *schema = json_string_value(json_object_get(d, "schema"));
	const char *name = json_string_value(json_object_get(d, "name"));
	lh_buf b;
	lh_buf_init(&b, 0);
	if (schema && name) {
		lh_buf_sql_ident(&b, schema);
		lh_buf_putc(&b, '.');
		lh_buf_sql_ident(&b, name);
	}
	char *sql = schema && name && b.status == LH_OK ? lh_buf_steal(&b) : NULL;
	lh_buf_free(&b);
	json_decref(d);
	if (!sql)
		*answered = send_failure(c, LH_ERR_NOMEM, "out of memory");
	return sql;
}

/* The first row of "SELECT <what> FROM <table> WHERE <column> = <value> [AND fragment_id =
 * fragment] LIMIT 1" (table: as resolve_table gives it), run by the query tool with the
 * caller's token, so its tenant rules apply (*row: NULL when there is none; caller
 * decrefs). False when the query failed and the answer was sent (*answered). */
static bool table_row(struct MHD_Connection *c, lh_lake *lake, const lh_tool_options *to,
                      const char *what, const char *table, const char *column, const char *value,
                      long long fragment, long long snapshot, json_t **row,
                      enum MHD_Result *answered)
{
	*row = NULL;
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_printf(&q, "SELECT %s FROM %s WHERE ", what, table);
	lh_buf_sql_ident(&q, column);
	lh_buf_puts(&q, " = ");
	lh_buf_sql_str(&q, value);
	if (fragment >= 0)
		lh_buf_printf(&q, " AND fragment_id = %lld", fragment);
	lh_buf_puts(&q, " LIMIT 1");
	json_t *in = q.status == LH_OK ? json_pack("{s:s}", "sql", lh_buf_str(&q)) : NULL;
	lh_buf_free(&q);
	json_t *res = call_tool(c, lake, to, "query", in, snapshot, answered);
	if (!res)
		return false;
	*row = json_incref(json_array_get(json_object_get(res, "rows"), 0));
	json_decref(res);
	return true;
}

/* --- thumbnails ------------------------------------------------------------------------- */

enum MHD_Result ui_thumb(struct MHD_Connection *c, lh_lake *lake, const lh_tool_options *to,
                         ui_cache *cache)
{
	const char *table = arg(c, "table"), *column = arg(c, "column"), *uri = arg(c, "uri");
	long long size, snapshot;
	if (!table || !column || !uri)
		return http_send_error(
		        c, MHD_HTTP_BAD_REQUEST, "invalid",
		        "GET /ui/thumb needs table, column and uri: an image URI that "
		        "column of that table holds");
	bool known = false;
	if (int_arg(c, "size", 1, INT32_MAX, THUMB_SIZE, &size))
		for (size_t i = 0; i < sizeof thumb_sizes / sizeof *thumb_sizes; i++)
			known = known || size == thumb_sizes[i];
	if (!known)
		return http_send_error(c, MHD_HTTP_BAD_REQUEST, "invalid",
		                       "size must be " THUMB_SIZES " (pixels of the longer side)");
	if (!int_arg(c, "snapshot", 1, INT64_MAX, 0, &snapshot))
		return http_send_error(
		        c, MHD_HTTP_BAD_REQUEST, "invalid",
		        "snapshot must be a snapshot id (a whole number of 1 or more)");
	json_t *row = NULL;
	enum MHD_Result answered = MHD_NO;
	char *sql_table = resolve_table(c, lake, to, table, snapshot, &answered);
	if (!sql_table)
		return answered;
	bool ran =
	        table_row(c, lake, to, "1", sql_table, column, uri, -1, snapshot, &row, &answered);
	free(sql_table);
	if (!ran)
		return answered;
	json_decref(row);
	if (!row)
		return http_send_error(
		        c, MHD_HTTP_NOT_FOUND, "not_found",
		        "no row of that table holds this uri in that column (at that "
		        "snapshot): only images a table references are served");
	char *key = NULL;
	if (asprintf(&key, "%lld|%s", size, uri) < 0)
		return send_failure(c, LH_ERR_NOMEM, "out of memory");
	size_t len = 0;
	unsigned char *data = cache_get(cache, key, &len);
	if (data) {
		free(key);
		return send_bytes(c, "image/jpeg", data, len, MHD_RESPMEM_MUST_FREE, ASSET_CACHE,
		                  "hit");
	}
	pthread_mutex_lock(&cache->mu);
	while (cache->decoding >= THUMB_DECODERS)
		pthread_cond_wait(&cache->idle, &cache->mu);
	cache->decoding++;
	pthread_mutex_unlock(&cache->mu);
	lh_status st = lh_lake_thumbnail(lake, uri, (int)size, &data, &len, NULL, NULL);
	pthread_mutex_lock(&cache->mu);
	cache->decoding--;
	pthread_cond_signal(&cache->idle);
	pthread_mutex_unlock(&cache->mu);
	if (st != LH_OK) {
		free(key);
		return send_failure(c, st, lh_lake_error(lake));
	}
	cache_put(cache, key, data, len);
	free(key);
	enum MHD_Result ok =
	        send_bytes(c, "image/jpeg", data, len, MHD_RESPMEM_MUST_COPY, ASSET_CACHE, "miss");
	lh_free(data);
	return ok;
}

/* --- video fragments ---------------------------------------------------------------------- */

/* The whole file at path (at most FRAGMENT_MAX bytes) into *data (malloc'd). */
static bool slurp(const char *path, unsigned char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	*data = NULL;
	if (!f)
		return false;
	if (fstat(fileno(f), &sb) != 0 || sb.st_size > FRAGMENT_MAX ||
	    !(*data = malloc(sb.st_size ? (size_t)sb.st_size : 1)) ||
	    fread(*data, 1, (size_t)sb.st_size, f) != (size_t)sb.st_size) {
		free(*data);
		*data = NULL;
		fclose(f);
		return false;
	}
	*len = (size_t)sb.st_size;
	fclose(f);
	return true;
}

static enum MHD_Result send_fragment(struct MHD_Connection *c, lh_lake *lake,
                                     const lh_tool_options *to, const char *table, const char *clip,
                                     long long fragment);

enum MHD_Result ui_fragment(struct MHD_Connection *c, lh_lake *lake, const lh_tool_options *to)
{
	const char *table = arg(c, "table"), *clip = arg(c, "clip_uri");
	long long fragment;
	if (!table || !clip || !arg(c, "fragment"))
		return http_send_error(
		        c, MHD_HTTP_BAD_REQUEST, "invalid",
		        "GET /ui/fragment needs table (a fragment index), clip_uri and "
		        "fragment (a fragment_id of that clip)");
	if (!int_arg(c, "fragment", 0, INT32_MAX, 0, &fragment))
		return http_send_error(
		        c, MHD_HTTP_BAD_REQUEST, "invalid",
		        "fragment must be a fragment_id (a whole number of 0 or more)");
	enum MHD_Result answered = MHD_NO;
	char *sql_table = resolve_table(c, lake, to, table, 0, &answered);
	if (!sql_table)
		return answered;
	answered = send_fragment(c, lake, to, sql_table, clip, fragment);
	free(sql_table);
	return answered;
}

/* GET /ui/fragment once its table is resolved (SQL, both parts quoted). */
static enum MHD_Result send_fragment(struct MHD_Connection *c, lh_lake *lake,
                                     const lh_tool_options *to, const char *table, const char *clip,
                                     long long fragment)
{
	json_t *row = NULL;
	enum MHD_Result answered = MHD_NO;
	if (!table_row(c, lake, to, "init_length, byte_length", table, "clip_uri", clip, fragment,
	               0, &row, &answered))
		return answered;
	json_int_t init = json_integer_value(json_array_get(row, 0));
	json_int_t length = json_integer_value(json_array_get(row, 1));
	json_decref(row);
	if (!row)
		return http_send_error(c, MHD_HTTP_NOT_FOUND, "not_found",
		                       "that fragment index has no such clip_uri and fragment_id");
	if (init <= 0 || length <= 0 || init > FRAGMENT_MAX || length > FRAGMENT_MAX - init)
		return http_send_error(
		        c, MHD_HTTP_CONTENT_TOO_LARGE, "too_big",
		        "that fragment (with its init segment) is over 64 MiB, or its "
		        "index row has no sizes: `lakehouse video fetch` writes it to a "
		        "file");
	/* only a clip the lake stored: an index row written by hand names no other object */
	int64_t stored = 0;
	lh_status st = lh_lake_asset_size(lake, clip, &stored);
	if (st != LH_OK)
		return send_failure(c, st, lh_lake_error(lake));
	const char *tmp = getenv("TMPDIR");
	char dir[4096], path[4200];
	snprintf(dir, sizeof dir, "%s/lakehouse-fragment-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return send_failure(c, LH_ERR_IO,
		                    "cannot make a temporary folder for the fragment "
		                    "(is TMPDIR writable?)");
	snprintf(path, sizeof path, "%s/fragment.mp4", dir);
	lh_video_fetch_report rep = {0};
	st = lh_video_fetch(lake, table, clip, fragment, path, &rep);
	unsigned char *data = NULL;
	size_t len = 0;
	bool read = st == LH_OK && slurp(path, &data, &len);
	unlink(path);
	rmdir(dir);
	if (st != LH_OK)
		return send_failure(c, st, lh_lake_error(lake));
	if (!read)
		return send_failure(c, LH_ERR_IO, "cannot read back the fragment written");
	return send_bytes(c, "video/mp4", data, len, MHD_RESPMEM_MUST_FREE, ASSET_CACHE, NULL);
}
