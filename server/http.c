/*
 * server/http.c - `lakehouse serve`: the tool registry over HTTP (libmicrohttpd).
 *
 *   GET  /healthz          {"status": "ok"}; the only endpoint without a token
 *   GET  /openapi.json     OpenAPI 3.1, generated from the registry (lh_tools_list)
 *   GET  /data/query       ?sql=...&snapshot=N: the query tool
 *   GET  /data/retrieve    ?query=...&top_k=N: the retrieve tool's ranked results
 *   POST /data/ingest      records into a table (the ingest_records tool), 201
 *   POST /data/snapshots   a world-model snapshot (append_world_snapshot), 201
 *   GET|PUT /data/policy   a tenant's policy (lh_policy_get, lh_policy_set; PUT: admins)
 *   POST /tools/NAME       a JSON object in, the tool's JSON result out
 *   POST /mcp              MCP's Streamable HTTP transport (server/mcp.c), no sessions
 *   GET  /, /ui/...        the web UI and the few endpoints only it needs (server/ui.c)
 *
 * Layer: servers, a client of lakehouse.h. Every answer is JSON; a failure is
 * {"error": kind, "message": text} with the message `lakehouse tool` prints. Every
 * endpoint but /healthz needs "Authorization: Bearer <token>" (lh_token_check: tokens
 * live in the lake's catalog, so servers sharing a lake share them); a loopback server
 * started with no_auth takes requests without one as read-only and of no tenant. A read-only token
 * never runs a writing tool; neither does any token unless the server runs read-write.
 *
 * Defences, in the order a request meets them: the Host (when bound to loopback) and
 * Origin headers must name this machine (DNS rebinding; 403); the route and method must
 * exist (404, 405); the body is capped (413, also for chunked bodies) and must arrive
 * within BODY_SECONDS of the headers, idle connections close after IDLE_SECONDS, and
 * connections are capped; then the token (401). Queries run on a lake handle of the
 * request thread's own, always sandboxed (lh_lake_sandbox: the writing tools write the
 * lake's own files only), with the registry's caps and timeout. The server keeps no state beyond its handles:
 * several may serve one lake.
 */
#include "server/http.h"
#include "server/http_int.h"
#include "server/mcp.h"
#include "server/ui.h"
#include "util/buf.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_THREADS 4
#define DEFAULT_MAX_BODY ((size_t)4 << 20)
#define DEFAULT_CONNECTIONS 2000
#define IDLE_SECONDS 15
#define BODY_SECONDS 30
#define THUMB_CACHE_BYTES ((size_t)64 << 20)

struct http_server {
	http_config cfg;
	struct MHD_Daemon *daemon;
	unsigned port;
	bool loopback;
	char bind[INET_ADDRSTRLEN];
	char *openapi;
	ui_cache *thumbs;
	pthread_mutex_t mu;
	pthread_cond_t freed;
	lh_lake **lakes;
	bool *busy;
	unsigned nlakes;
};

/* What one request has gathered between the calls of the access handler. */
typedef struct request {
	lh_buf body;
	time_t start;
	bool answered; /* a response was queued before the body ended (413) */
} request;

/* --- answers ---------------------------------------------------------------------------- */

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *type,
                                 char *body, const char *allow, bool challenge)
{
	size_t len = body ? strlen(body) : 0;
	struct MHD_Response *r =
	    body ? MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE)
	         : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (!r) {
		free(body);
		return MHD_NO;
	}
	if (type)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	if (allow)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
	if (challenge)
		MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
	enum MHD_Result ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, json_t *v)
{
	char *text = v ? json_dumps(v, JSON_COMPACT) : NULL;
	json_decref(v);
	if (!text)
		return MHD_NO;
	return send_text(c, status, "application/json", text, NULL, false);
}

/* {"error": kind, "message": message}, with an Allow header or a Bearer challenge. */
static enum MHD_Result send_error_with(struct MHD_Connection *c, unsigned status, const char *kind,
                                       const char *message, const char *allow, bool challenge)
{
	json_t *v = json_pack("{s:s, s:s}", "error", kind, "message", message);
	char *text = v ? json_dumps(v, JSON_COMPACT) : NULL;
	json_decref(v);
	return text ? send_text(c, status, "application/json", text, allow, challenge) : MHD_NO;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *kind,
                                  const char *message)
{
	return send_error_with(c, status, kind, message, NULL, false);
}

enum MHD_Result http_send_json(struct MHD_Connection *c, unsigned status, json_t *v)
{
	return send_json(c, status, v);
}

enum MHD_Result http_send_error(struct MHD_Connection *c, unsigned status, const char *kind,
                                const char *message)
{
	return send_error(c, status, kind, message);
}

static enum MHD_Result send_rpc_error(struct MHD_Connection *c, unsigned status, int code,
                                      const char *message)
{
	return send_json(c, status,
	                 json_pack("{s:s, s:n, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", "error", "code",
	                           code, "message", message));
}

/* The HTTP status and error kind of a library status. */
unsigned http_status_of(lh_status st, char *kind, size_t n)
{
	const char *name = lh_status_name(st);
	if (!strncmp(name, "LH_ERR_", 7))
		name += 7;
	size_t i = 0;
	for (; name[i] && i + 1 < n; i++)
		kind[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
	kind[i] = '\0';
	switch (st) {
	case LH_ERR_INVALID:
	case LH_ERR_SYNTAX:
	case LH_ERR_TYPE:
	case LH_ERR_CONSTRAINT:
		return MHD_HTTP_BAD_REQUEST;
	case LH_ERR_NOT_FOUND:
		return MHD_HTTP_NOT_FOUND;
	case LH_ERR_READ_ONLY:
		return MHD_HTTP_FORBIDDEN;
	case LH_ERR_EXISTS:
	case LH_ERR_CONFLICT:
		return MHD_HTTP_CONFLICT;
	case LH_ERR_TOO_BIG:
		return MHD_HTTP_CONTENT_TOO_LARGE;
	case LH_ERR_NO_SPACE:
		return MHD_HTTP_INSUFFICIENT_STORAGE;
	case LH_ERR_BUSY:
		return MHD_HTTP_SERVICE_UNAVAILABLE;
	case LH_ERR_TIMEOUT:
		return MHD_HTTP_GATEWAY_TIMEOUT;
	default:
		return MHD_HTTP_INTERNAL_SERVER_ERROR;
	}
}

/* --- lake handles: one per request thread at a time ------------------------------------- */

static unsigned take_lake(http_server *s)
{
	pthread_mutex_lock(&s->mu);
	for (;;) {
		for (unsigned i = 0; i < s->nlakes; i++)
			if (!s->busy[i]) {
				s->busy[i] = true;
				pthread_mutex_unlock(&s->mu);
				return i;
			}
		pthread_cond_wait(&s->freed, &s->mu);
	}
}

static void give_lake(http_server *s, unsigned i)
{
	pthread_mutex_lock(&s->mu);
	s->busy[i] = false;
	pthread_cond_signal(&s->freed);
	pthread_mutex_unlock(&s->mu);
}

/* --- OpenAPI, from the registry ------------------------------------------------------------ */

static json_t *error_responses(void)
{
	json_t *ref = json_pack("{s:{s:{s:{s:s}}}}", "content", "application/json", "schema", "$ref",
	                        "#/components/schemas/Error");
	json_t *r = json_object();
	const char *codes[][2] = {{"400", "the input is not valid"},
	                          {"401", "no token, or one the lake does not know"},
	                          {"403", "the token may not do this"},
	                          {"404", "no such tool, table or snapshot"},
	                          {"413", "the request body is over the cap"},
	                          {"504", "the call ran longer than its timeout and was stopped"}};
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
		json_t *one = json_deep_copy(ref);
		json_object_set_new(one, "description", json_string(codes[i][1]));
		json_object_set_new(r, codes[i][0], one);
	}
	json_decref(ref);
	return r;
}

static json_t *ok_response(const char *description, json_t *schema)
{
	json_t *r = error_responses();
	json_object_set_new(r, "200", json_pack("{s:s, s:{s:{s:o}}}", "description", description,
	                                        "content", "application/json", "schema", schema));
	return r;
}

static char *make_openapi(void)
{
	char *list = NULL;
	if (lh_tools_list(&list) != LH_OK)
		return NULL;
	json_t *tools = json_loads(list, 0, NULL);
	lh_free(list);
	if (!tools)
		return NULL;
	json_t *paths = json_object(), *query_out = NULL;
	size_t i;
	json_t *t;
	json_array_foreach(tools, i, t)
	{
		const char *name = json_string_value(json_object_get(t, "name"));
		if (!strcmp(name, "query"))
			query_out = json_incref(json_object_get(t, "outputSchema"));
		json_t *post = json_pack(
		    "{s:s, s:O, s:O, s:{s:b, s:{s:{s:O}}}, s:o}", "operationId", name, "summary",
		    json_object_get(t, "title"), "description", json_object_get(t, "description"),
		    "requestBody", "required", true, "content", "application/json", "schema",
		    json_object_get(t, "inputSchema"), "responses",
		    ok_response("the tool's result", json_incref(json_object_get(t, "outputSchema"))));
		json_object_set_new(post, "x-read-only",
		                    json_incref(json_object_get(json_object_get(t, "annotations"),
		                                                "readOnlyHint")));
		const char *alias = !strcmp(name, "ingest_records")          ? "/data/ingest"
		                    : !strcmp(name, "append_world_snapshot") ? "/data/snapshots"
		                                                             : NULL;
		if (alias) { /* the data plane's name for it: the same operation, 201 on success */
			json_t *op = json_deep_copy(post);
			json_t *responses = json_object_get(op, "responses");
			json_object_set(responses, "201", json_object_get(responses, "200"));
			json_object_del(responses, "200");
			json_object_set_new(op, "operationId", json_string(alias + 1));
			json_object_set_new(paths, alias, json_pack("{s:o}", "post", op));
		}
		char *path = NULL;
		if (asprintf(&path, "/tools/%s", name) > 0)
			json_object_set_new(paths, path, json_pack("{s:o}", "post", post));
		else
			json_decref(post);
		free(path);
	}
	json_decref(tools);
	json_object_set_new(
	    paths, "/data/query",
	    json_pack("{s:{s:s, s:s, s:[{s:s, s:s, s:b, s:{s:s}, s:s}, {s:s, s:s, s:{s:s, s:i}, s:s}], s:o}}",
	              "get", "operationId", "data_query", "summary",
	              "One SQL query over the lake (the query tool)", "parameters", "name", "sql", "in",
	              "query", "required", true, "schema", "type", "string", "description",
	              "one SELECT (DuckDB SQL)", "name", "snapshot", "in", "query", "schema", "type",
	              "integer", "minimum", 1, "description", "read the lake as it was at this snapshot",
	              "responses", ok_response("columns, rows and the snapshot read", query_out)));
	json_object_set_new(
	    paths, "/data/retrieve",
	    json_pack("{s:{s:s, s:s, s:[{s:s, s:s, s:b, s:{s:s}}, {s:s, s:s, s:{s:s, s:i, s:i}}], s:o}}",
	              "get", "operationId", "data_retrieve", "summary",
	              "BM25 over the tenant's registered text (the retrieve tool)", "parameters", "name",
	              "query", "in", "query", "required", true, "schema", "type", "string", "name",
	              "top_k", "in", "query", "schema", "type", "integer", "minimum", 1, "maximum", 1000,
	              "responses",
	              ok_response("[{id, text, score, metadata, source}], best first",
	                          json_pack("{s:s, s:{s:s}}", "type", "array", "items", "type",
	                                    "object"))));
	json_t *policy_schema = json_pack(
	    "{s:s, s:{s:{s:s}, s:{s:s, s:i}, s:{s:s, s:{s:s}}, s:{s:s}}, s:[s]}", "type", "object",
	    "properties", "tenant_id", "type", "string", "retention_days", "type", "integer", "minimum",
	    1, "allowed_tables", "type", "array", "items", "type", "string", "max_storage_gb", "type",
	    "number", "required", "tenant_id");
	json_object_set_new(
	    paths, "/data/policy",
	    json_pack("{s:{s:s, s:s, s:o}, s:{s:s, s:s, s:{s:b, s:{s:{s:O}}}, s:o}}", "get",
	              "operationId", "get_policy", "summary",
	              "A tenant's policy (?tenant_id=T; others' only with an admin token)", "responses",
	              ok_response("the policy, or null", json_pack("{s:s}", "type", "object")), "put",
	              "operationId", "put_policy", "summary",
	              "Set a tenant's policy (admin tokens): allowed_tables, max_storage_gb, "
	              "retention_days",
	              "requestBody", "required", true, "content", "application/json", "schema",
	              policy_schema, "responses",
	              ok_response("the policy as stored", json_pack("{s:s}", "type", "object"))));
	json_decref(policy_schema);
	json_object_set_new(paths, "/healthz",
	                    json_pack("{s:{s:s, s:[], s:{s:{s:s}}}}", "get", "operationId", "healthz",
	                              "security", "responses", "200", "description", "serving"));
	json_object_set_new(
	    paths, "/mcp",
	    json_pack("{s:{s:s, s:s, s:{s:b, s:{s:{s:{s:s}}}}, s:{s:{s:s}, s:{s:s}}}}", "post",
	              "operationId", "mcp", "summary",
	              "Model Context Protocol (Streamable HTTP): one JSON-RPC message per POST",
	              "requestBody", "required", true, "content", "application/json", "schema", "type",
	              "object", "responses", "200", "description", "the JSON-RPC answer", "202",
	              "description", "a notification, accepted"));
	json_t *doc = json_pack(
	    "{s:s, s:{s:s, s:s, s:s}, s:[{s:[]}], s:{s:{s:{s:s, s:s}}, s:{s:{s:s, s:{s:{s:s}, s:{s:s}}, s:[s, s]}}}, s:o}",
	    "openapi", "3.1.0", "info", "title", "Modal Lakehouse data-plane API", "version",
	    lh_version(), "description",
	    "The tool registry of a lake over HTTP; every endpoint but /healthz needs a bearer "
	    "token (lakehouse token create).",
	    "security", "bearer", "components", "securitySchemes", "bearer", "type", "http", "scheme",
	    "bearer", "schemas", "Error", "type", "object", "properties", "error", "type", "string",
	    "message", "type", "string", "required", "error", "message", "paths", paths);
	char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
	json_decref(doc);
	return text;
}

/* --- checks before anything runs ---------------------------------------------------------- */

/* The host part of "host:port", "[v6]:port" or "scheme://host:port/..." into out. */
static void host_of(const char *v, char *out, size_t n)
{
	const char *p = strstr(v, "://");
	p = p ? p + 3 : v;
	size_t len = 0;
	if (*p == '[') {
		const char *end = strchr(p, ']');
		len = end ? (size_t)(end - p + 1) : strlen(p);
	} else {
		len = strcspn(p, ":/");
	}
	if (len >= n)
		len = n - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

static bool local_name(const http_server *s, const char *host)
{
	return !strcasecmp(host, "localhost") || !strcmp(host, "127.0.0.1") ||
	       !strcmp(host, "[::1]") || !strcmp(host, s->bind);
}

/* NULL when the request may come in, else why not (403). */
static const char *foreign(const http_server *s, struct MHD_Connection *c)
{
	char host[256];
	const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	const char *authority = origin ? strstr(origin, "://") : NULL;
	bool same_origin = authority && h && !strcasecmp(authority + 3, h); /* the UI's own page */
	if (origin && strcmp(origin, "null") != 0) {
		host_of(origin, host, sizeof host);
		if (!same_origin && !local_name(s, host))
			return "the Origin header names another site: this server answers only pages "
			       "of this machine";
	} else if (origin) {
		return "the Origin header is 'null': this server answers only pages of this machine";
	}
	if (s->loopback && h) {
		host_of(h, host, sizeof host);
		if (!local_name(s, host))
			return "the Host header names another machine: this server listens on loopback "
			       "only";
	}
	return NULL;
}

/* The media type of the request is JSON (parameters such as charset allowed). */
static bool json_body(struct MHD_Connection *c)
{
	const char *t = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	return t && !strncasecmp(t, "application/json", 16) && (t[16] == '\0' || t[16] == ';' ||
	                                                         t[16] == ' ');
}

typedef enum {
	R_NONE, R_HEALTH, R_OPENAPI, R_QUERY, R_RETRIEVE, R_INGEST, R_SNAPSHOTS, R_POLICY, R_TOOL,
	R_MCP, R_UI_ASSET, R_UI_SESSION, R_UI_THUMB, R_UI_FRAGMENT
} route;

/* `method` is one of the comma-separated `list`. */
static bool method_in(const char *list, const char *method)
{
	size_t n = strlen(method);
	for (const char *p = list; (p = strstr(p, method)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ','))
			return true;
	return false;
}

static route route_of(const char *url, const char *method, const char **allow)
{
	struct {
		const char *path;
		route r;
		const char *method;
	} routes[] = {{"/healthz", R_HEALTH, "GET"}, {"/openapi.json", R_OPENAPI, "GET"},
	              {"/data/query", R_QUERY, "GET"}, {"/data/retrieve", R_RETRIEVE, "GET"},
	              {"/data/ingest", R_INGEST, "POST"},
	              {"/data/snapshots", R_SNAPSHOTS, "POST"}, {"/data/policy", R_POLICY, "GET, PUT"},
	              {"/mcp", R_MCP, "POST"}, {"/ui/session", R_UI_SESSION, "GET"},
	              {"/ui/thumb", R_UI_THUMB, "GET"}, {"/ui/fragment", R_UI_FRAGMENT, "GET"}};
	for (size_t i = 0; i < sizeof routes / sizeof *routes; i++)
		if (!strcmp(url, routes[i].path)) {
			*allow = routes[i].method;
			return method_in(routes[i].method, method) ? routes[i].r : R_NONE;
		}
	if (ui_asset_find(url)) {
		*allow = "GET, HEAD";
		return method_in(*allow, method) ? R_UI_ASSET : R_NONE;
	}
	if (!strncmp(url, "/tools/", 7) && url[7]) {
		*allow = "POST";
		return strcmp(method, "POST") ? R_NONE : R_TOOL;
	}
	*allow = NULL;
	return R_NONE;
}

/* --- the endpoints ---------------------------------------------------------------------- */

/* The answer of tool `name` to `input` as this request's answer (`created`: 201 on
 * success, else 200). */
static enum MHD_Result answer_tool(struct MHD_Connection *c, lh_lake *lake,
                                   const lh_tool_options *to, const char *name, const char *input,
                                   bool created)
{
	char *out = NULL, *err = NULL;
	lh_status st = lh_tool_call(lake, name, input, to, &out, &err);
	enum MHD_Result ok;
	if (st == LH_OK) {
		ok = send_text(c, created ? MHD_HTTP_CREATED : MHD_HTTP_OK, "application/json", out, NULL,
		               false);
		out = NULL;
	} else {
		char kind[32];
		unsigned status = http_status_of(st, kind, sizeof kind);
		if (status == MHD_HTTP_INTERNAL_SERVER_ERROR)
			fprintf(stderr, "lakehouse serve: tool %s failed: %s\n", name, err ? err : "");
		ok = send_error(c, status, kind, err ? err : lh_strerror(st));
	}
	lh_free(out);
	lh_free(err);
	return ok;
}

static enum MHD_Result data_query(struct MHD_Connection *c, lh_lake *lake,
                                  const lh_tool_options *to)
{
	const char *sql = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "sql");
	const char *snap = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "snapshot");
	if (!sql || !*sql)
		return send_error(c, MHD_HTTP_BAD_REQUEST, "invalid",
		                  "GET /data/query needs ?sql=<one query>");
	json_t *in = json_pack("{s:s}", "sql", sql);
	if (snap) {
		char *end = NULL;
		long long v = strtoll(snap, &end, 10);
		if (!*snap || *end || v < 1) {
			json_decref(in);
			return send_error(c, MHD_HTTP_BAD_REQUEST, "invalid",
			                  "snapshot must be a snapshot id (a whole number of 1 or more)");
		}
		json_object_set_new(in, "snapshot", json_integer(v));
	}
	char *text = in ? json_dumps(in, JSON_COMPACT) : NULL;
	json_decref(in);
	if (!text)
		return send_error(c, MHD_HTTP_BAD_REQUEST, "invalid", "sql must be UTF-8 text");
	enum MHD_Result ok = answer_tool(c, lake, to, "query", text, false);
	free(text);
	return ok;
}

static enum MHD_Result mcp(http_server *s, struct MHD_Connection *c, lh_lake *lake,
                           const lh_tool_options *to, const lh_buf *body)
{
	if (!json_body(c))
		return send_rpc_error(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, -32000,
		                      "Unsupported Media Type: POST /mcp takes application/json");
	const char *accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
	bool json = !accept || strstr(accept, "application/json") || strstr(accept, "*/*");
	bool sse = !json && strstr(accept, "text/event-stream");
	if (!json && !sse)
		return send_rpc_error(c, MHD_HTTP_NOT_ACCEPTABLE, -32000,
		                      "Not Acceptable: accept application/json or text/event-stream");
	mcp_server m = {.lake = lake, .options = *to, .instructions = s->cfg.instructions};
	mcp_http h = {
	    .protocol_version = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "MCP-Protocol-Version"),
	    .method = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Mcp-Method"),
	    .name = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Mcp-Name")};
	char *reply = mcp_handle_http(&m, body->data ? body->data : "", body->len, &h);
	if (!reply)
		return send_text(c, h.status == 202 ? MHD_HTTP_ACCEPTED : MHD_HTTP_INTERNAL_SERVER_ERROR,
		                 NULL, NULL, NULL, false);
	if (!sse)
		return send_text(c, (unsigned)h.status, "application/json", reply, NULL, false);
	char *frame = NULL;
	int n = asprintf(&frame, "event: message\ndata: %s\n\n", reply);
	free(reply);
	if (n < 0)
		return MHD_NO;
	return send_text(c, (unsigned)h.status, "text/event-stream", frame, NULL, false);
}

/* GET /data/retrieve?query=...&top_k=N: the retrieve tool's results, as a list. */
static enum MHD_Result data_retrieve(struct MHD_Connection *c, lh_lake *lake,
                                     const lh_tool_options *to)
{
	const char *query = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "query");
	const char *k = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "top_k");
	char *end = NULL;
	long long top_k = k ? strtoll(k, &end, 10) : 10;
	if (!query || !*query)
		return send_error(c, MHD_HTTP_BAD_REQUEST, "invalid", "GET /data/retrieve needs ?query=<text>");
	if (k && (!*k || *end || top_k < 1 || top_k > 1000))
		return send_error(c, MHD_HTTP_BAD_REQUEST, "invalid", "top_k must be a whole number from 1 to 1000");
	json_t *in = json_pack("{s:s, s:I}", "query", query, "top_k", (json_int_t)top_k);
	char *text = in ? json_dumps(in, JSON_COMPACT) : NULL, *out = NULL, *err = NULL;
	json_decref(in);
	if (!text)
		return send_error(c, MHD_HTTP_BAD_REQUEST, "invalid", "query must be UTF-8 text");
	lh_status st = lh_tool_call(lake, "retrieve", text, to, &out, &err);
	free(text);
	enum MHD_Result ok;
	if (st == LH_OK) {
		json_t *res = json_loads(out, 0, NULL);
		ok = send_json(c, MHD_HTTP_OK, json_incref(json_object_get(res, "results")));
		json_decref(res);
	} else {
		char kind[32];
		ok = send_error(c, http_status_of(st, kind, sizeof kind), kind, err ? err : lh_strerror(st));
	}
	lh_free(out);
	lh_free(err);
	return ok;
}

/* GET /data/policy[?tenant_id=T] (the token's own tenant, or any for an admin) and
 * PUT /data/policy {tenant_id, ...} (admin tokens). */
static enum MHD_Result policy(struct MHD_Connection *c, lh_lake *lake, lh_token_role role,
                              const char *own, const char *method, const char *body)
{
	const char *tenant = NULL;
	json_t *doc = NULL;
	bool put = !strcmp(method, "PUT");
	if (put) {
		if (!json_body(c))
			return send_error(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "invalid",
			                  "the body must be a JSON object (Content-Type: application/json)");
		doc = json_loads(body, JSON_REJECT_DUPLICATES, NULL);
		tenant = json_string_value(json_object_get(doc, "tenant_id"));
		if (!tenant) {
			json_decref(doc);
			return send_error(c, MHD_HTTP_BAD_REQUEST, "invalid",
			                  "PUT /data/policy takes a JSON object with tenant_id");
		}
	} else {
		tenant = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "tenant_id");
		if (!tenant)
			tenant = own;
	}
	enum MHD_Result ok;
	char *out = NULL;
	lh_status st = LH_OK;
	if (role != LH_TOKEN_ADMIN && (put || strcmp(tenant, own) != 0))
		ok = send_error(c, MHD_HTTP_FORBIDDEN, "forbidden",
		                put ? "only admin tokens set policies (lakehouse token create --admin)"
		                    : "a token reads only its own tenant's policy");
	else if ((st = put ? lh_policy_set(lake, tenant, body, &out)
	                   : lh_policy_get(lake, tenant, &out)) != LH_OK) {
		char kind[32];
		ok = send_error(c, http_status_of(st, kind, sizeof kind), kind, lh_lake_error(lake));
	} else {
		json_t *p = out ? json_loads(out, 0, NULL) : json_null();
		ok = send_json(c, MHD_HTTP_OK, json_pack("{s:s, s:o}", "tenant_id", tenant, "policy",
		                                         p ? p : json_null()));
	}
	lh_free(out);
	json_decref(doc);
	return ok;
}

/* Everything after the checks of the headers: the token, then the endpoint. */
static enum MHD_Result dispatch(http_server *s, struct MHD_Connection *c, route r,
                                const char *url, const char *method, const request *req)
{
	if (r == R_UI_ASSET)
		return ui_send_asset(c, ui_asset_find(url));
	if (r == R_HEALTH)
		return send_json(c, MHD_HTTP_OK, json_pack("{s:s, s:s}", "status", "ok", "version",
		                                           lh_version()));
	const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	bool anonymous = !auth && s->cfg.no_auth;
	if (!anonymous && (!auth || strncasecmp(auth, "Bearer ", 7) != 0))
		return send_error_with(c, MHD_HTTP_UNAUTHORIZED, "unauthorized",
		                       "this endpoint needs 'Authorization: Bearer <token>' (lakehouse "
		                       "token create)",
		                       NULL, true);
	unsigned i = take_lake(s);
	lh_lake *lake = s->lakes[i];
	char *tenant = NULL;
	lh_token_role role = 0;
	enum MHD_Result ok;
	lh_status st = anonymous ? (role = LH_TOKEN_READ_ONLY, LH_OK)
	                         : lh_token_check(lake, auth + 7, &tenant, &role);
	if (st != LH_OK) {
		char kind[32];
		ok = st == LH_ERR_NOT_FOUND
		         ? send_error_with(c, MHD_HTTP_UNAUTHORIZED, "unauthorized", lh_lake_error(lake),
		                           NULL, true)
		         : send_error(c, http_status_of(st, kind, sizeof kind), kind, lh_lake_error(lake));
	} else {
		lh_tool_options to = s->cfg.tool;
		to.read_write = s->cfg.read_write && role >= LH_TOKEN_READ_WRITE;
		to.tenant = role == LH_TOKEN_ADMIN ? NULL : tenant;
		to.author = tenant;
		const char *body = req->body.data && *req->body.data ? req->body.data : "{}";
		const char *tool = r == R_INGEST ? "ingest_records"
		                   : r == R_SNAPSHOTS ? "append_world_snapshot" : url + 7;
		switch (r) {
		case R_OPENAPI:
			ok = send_text(c, MHD_HTTP_OK, "application/json", strdup(s->openapi), NULL, false);
			break;
		case R_QUERY:
			ok = data_query(c, lake, &to);
			break;
		case R_POLICY:
			ok = policy(c, lake, role, tenant, method, body);
			break;
		case R_RETRIEVE:
			ok = data_retrieve(c, lake, &to);
			break;
		case R_UI_SESSION: {
			ui_caller who = {tenant, role, to.read_write};
			ok = ui_session(c, &who);
			break;
		}
		case R_UI_THUMB:
			ok = ui_thumb(c, lake, &to, s->thumbs);
			break;
		case R_UI_FRAGMENT:
			ok = ui_fragment(c, lake, &to);
			break;
		case R_INGEST:
		case R_SNAPSHOTS:
		case R_TOOL:
			ok = !json_body(c) ? send_error(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "invalid",
			                                "the body must be a JSON object (Content-Type: "
			                                "application/json)")
			                   : answer_tool(c, lake, &to, tool, body, r != R_TOOL);
			break;
		default:
			ok = mcp(s, c, lake, &to, &req->body);
			break;
		}
	}
	lh_free(tenant);
	give_lake(s, i);
	return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **state)
{
	http_server *s = cls;
	request *req = *state;
	(void)version;
	if (!req) { /* the headers are in: check what can be checked before the body */
		if (!(req = calloc(1, sizeof *req)))
			return MHD_NO;
		lh_buf_init(&req->body, s->cfg.max_body);
		req->start = time(NULL);
		*state = req;
		const char *why = foreign(s, c);
		const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		                                              MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (why) {
			req->answered = true;
			return send_error(c, MHD_HTTP_FORBIDDEN, "forbidden", why);
		}
		if (len && strtoull(len, NULL, 10) > s->cfg.max_body) {
			req->answered = true;
			char msg[160];
			snprintf(msg, sizeof msg, "the request body is over %zu bytes", s->cfg.max_body);
			return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "too_big", msg);
		}
		return MHD_YES;
	}
	if (*upload_size) { /* a part of the body */
		if (!req->answered)
			lh_buf_append(&req->body, upload, *upload_size);
		*upload_size = 0;
		return time(NULL) - req->start > BODY_SECONDS ? MHD_NO : MHD_YES;
	}
	if (req->answered)
		return MHD_YES;
	req->answered = true;
	if (lh_buf_status(&req->body) != LH_OK) {
		char msg[160];
		snprintf(msg, sizeof msg, "the request body is over %zu bytes", s->cfg.max_body);
		return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "too_big", msg);
	}
	const char *allow = NULL;
	route r = route_of(url, method, &allow);
	if (r == R_NONE && allow) {
		char msg[64];
		snprintf(msg, sizeof msg, "this endpoint takes %s", allow);
		return send_error_with(c, MHD_HTTP_METHOD_NOT_ALLOWED, "method_not_allowed", msg, allow,
		                       false);
	}
	if (r == R_NONE)
		return send_error(c, MHD_HTTP_NOT_FOUND, "not_found",
		                  "no such endpoint: see GET /openapi.json for the API");
	return dispatch(s, c, r, url, method, req);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **state,
                         enum MHD_RequestTerminationCode why)
{
	(void)cls, (void)c, (void)why;
	request *req = *state;
	if (req) {
		lh_buf_free(&req->body);
		free(req);
		*state = NULL;
	}
}

/* --- start and stop ----------------------------------------------------------------------- */

static void close_lakes(http_server *s)
{
	for (unsigned i = 0; s->lakes && i < s->nlakes; i++)
		lh_lake_close(&s->lakes[i]);
	free(s->lakes);
	free(s->busy);
	s->lakes = NULL;
}

void http_stop(http_server **sp)
{
	http_server *s = sp ? *sp : NULL;
	if (!s)
		return;
	if (s->daemon)
		MHD_stop_daemon(s->daemon);
	close_lakes(s);
	free(s->openapi);
	ui_cache_free(&s->thumbs);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->freed);
	free(s);
	*sp = NULL;
}

unsigned http_port(const http_server *s)
{
	return s->port;
}

int http_start(const http_config *cfg, http_server **out, char *err, size_t errlen)
{
	*out = NULL;
	http_server *s = calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	s->cfg = *cfg;
	if (!s->cfg.threads)
		s->cfg.threads = DEFAULT_THREADS;
	if (!s->cfg.max_body)
		s->cfg.max_body = DEFAULT_MAX_BODY;
	if (!s->cfg.max_connections)
		s->cfg.max_connections = DEFAULT_CONNECTIONS;
	if (!s->cfg.idle_seconds)
		s->cfg.idle_seconds = IDLE_SECONDS;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->freed, NULL);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port)};
	const char *bind = cfg->bind ? cfg->bind : "127.0.0.1";
	if (inet_pton(AF_INET, bind, &sa.sin_addr) != 1) {
		snprintf(err, errlen, "--bind '%s' is not an IPv4 address (e.g. 127.0.0.1)", bind);
		http_stop(&s);
		return -1;
	}
	snprintf(s->bind, sizeof s->bind, "%s", bind);
	s->loopback = (ntohl(sa.sin_addr.s_addr) >> 24) == 127;
	if (cfg->no_auth && !s->loopback) {
		snprintf(err, errlen, "--no-auth serves only this machine: bind a 127.x.x.x address");
		http_stop(&s);
		return -1;
	}
	s->nlakes = s->cfg.threads;
	s->lakes = calloc(s->nlakes, sizeof *s->lakes);
	s->busy = calloc(s->nlakes, sizeof *s->busy);
	s->openapi = make_openapi();
	s->thumbs = ui_cache_new(THUMB_CACHE_BYTES);
	if (!s->lakes || !s->busy || !s->openapi || !s->thumbs) {
		snprintf(err, errlen, "out of memory");
		http_stop(&s);
		return -1;
	}
	for (unsigned i = 0; i < s->nlakes; i++) {
		char *e = NULL;
		lh_status st = lh_lake_open(cfg->lake, &s->lakes[i], &e);
		if (st == LH_OK && lh_lake_sandbox(s->lakes[i]) != LH_OK) {
			st = LH_ERR_INTERNAL;
			e = strdup(lh_lake_error(s->lakes[i]));
		}
		if (st != LH_OK) {
			snprintf(err, errlen, "%s", e ? e : lh_strerror(st));
			lh_free(e);
			http_stop(&s);
			return -1;
		}
	}
	s->daemon = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, NULL, NULL, &on_request, s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE,
	    (unsigned int)s->cfg.threads, MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned int)s->cfg.max_connections, MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned int)s->cfg.idle_seconds, MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int)1024,
	    MHD_OPTION_NOTIFY_COMPLETED, &on_completed, s, MHD_OPTION_END);
	if (!s->daemon) {
		snprintf(err, errlen, "cannot listen on %s:%u (is the port taken?)", bind, cfg->port);
		http_stop(&s);
		return -1;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : cfg->port;
	*out = s;
	return 0;
}
