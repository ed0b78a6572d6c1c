/*
 * server/mcp.c - the Model Context Protocol over the tool registry: one JSON-RPC
 * message in, at most one out (mcp_handle), and the stdio transport (mcp_stdio).
 *
 * Layer: servers, a client of lakehouse.h only: tools/list is lh_tools_list, tools/call
 * is lh_tool_call, so MCP, the HTTP API and `lakehouse tool` serve the same tools.
 *
 * Both protocol eras:
 *   - the session revisions 2025-11-25, 2025-06-18 and 2025-03-26 (what
 *     @modelcontextprotocol/sdk 1.x negotiates): initialize, notifications/initialized,
 *     ping, tools/list, tools/call. The answer to initialize is the client's revision
 *     when we speak it, else the newest; tool fields follow the negotiated revision
 *     (2025-03-26 has no title, outputSchema or structuredContent).
 *   - the stateless revision 2026-07-28: a request whose params._meta claims
 *     io.modelcontextprotocol/protocolVersion is served on its own (server/discover,
 *     tools/list, tools/call), every result with resultType, cacheable ones with
 *     ttlMs and cacheScope, no session.
 * A tool's failure (bad input, a refused or failed query) is a result with isError and
 * the message as text, which the model can read; an unknown tool or method is a
 * JSON-RPC error. Nothing here writes to stdout but the transport's replies.
 *
 * Over Streamable HTTP (mcp_handle_http, for server/http.c) every POST is one message and
 * no session is kept: the session revisions take their revision from the
 * MCP-Protocol-Version header (absent: 2025-03-26), and the stateless revision's headers
 * must repeat its body. The answer carries the HTTP status the transport sends.
 */
#include "server/mcp.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODERN "2026-07-28"
#define META_VERSION "io.modelcontextprotocol/protocolVersion"
#define META_CAPS "io.modelcontextprotocol/clientCapabilities"
#define MAX_LINE (4 << 20) /* bytes of one stdio message */

static const char *const legacy_versions[] = {"2025-11-25", "2025-06-18", "2025-03-26"};

enum { PARSE_ERROR = -32700, INVALID_REQUEST = -32600, METHOD_NOT_FOUND = -32601,
       INVALID_PARAMS = -32602, INTERNAL_ERROR = -32603, TRANSPORT_ERROR = -32000,
       HEADER_MISMATCH = -32020, UNSUPPORTED_VERSION = -32022 };

static json_t *error_reply(json_t *id, int code, const char *msg, json_t *data)
{
	json_t *e = json_pack("{s:i, s:s}", "code", code, "message", msg);
	if (data)
		json_object_set_new(e, "data", data);
	return json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", e);
}

static json_t *result_reply(json_t *id, json_t *result)
{
	return json_pack("{s:s, s:O, s:O}", "jsonrpc", "2.0", "id", id, "result", result);
}

static bool legacy_version(const char *v)
{
	for (size_t i = 0; v && i < sizeof legacy_versions / sizeof *legacy_versions; i++)
		if (!strcmp(v, legacy_versions[i]))
			return true;
	return false;
}

/* The registry's tools as the revision shows them. */
static json_t *tool_list(const char *version, bool *ok)
{
	char *text = NULL;
	*ok = lh_tools_list(&text) == LH_OK;
	json_t *tools = *ok ? json_loads(text, 0, NULL) : NULL;
	lh_free(text);
	*ok = tools != NULL;
	size_t i;
	json_t *t;
	json_array_foreach(tools, i, t)
	{
		if (version && !strcmp(version, "2025-03-26")) {
			json_object_del(t, "title");
			json_object_del(t, "outputSchema");
		}
	}
	return tools;
}

/* tools/call: the registry's answer as text and, from 2025-06-18 on, as structured
 * content; a failure is a result the model reads (isError), not a protocol error. */
static json_t *call_tool(mcp_server *m, json_t *params, const char *version, int *code,
                         const char **msg)
{
	const char *name = json_string_value(json_object_get(params, "name"));
	json_t *args = json_object_get(params, "arguments");
	if (!name) {
		*code = INVALID_PARAMS;
		*msg = "tools/call needs params.name";
		return NULL;
	}
	if (args && !json_is_object(args)) {
		*code = INVALID_PARAMS;
		*msg = "tools/call: params.arguments must be an object";
		return NULL;
	}
	char *in = args ? json_dumps(args, JSON_COMPACT) : NULL;
	char *out = NULL, *err = NULL;
	lh_status st = lh_tool_call(m->lake, name, in ? in : "{}", &m->options, &out, &err);
	free(in);
	json_t *res = NULL;
	if (st == LH_ERR_NOT_FOUND && err && strstr(err, "no tool is named")) {
		*code = INVALID_PARAMS;
		snprintf(m->message, sizeof m->message, "Unknown tool: %.150s", name);
		*msg = m->message;
	} else if (st != LH_OK) {
		res = json_pack("{s:[{s:s, s:s}], s:b}", "content", "type", "text", "text",
		                err ? err : lh_strerror(st), "isError", true);
	} else {
		json_t *structured = json_loads(out, 0, NULL);
		res = json_pack("{s:[{s:s, s:s}], s:b}", "content", "type", "text", "text", out, "isError",
		                false);
		if (structured && version && strcmp(version, "2025-03-26") != 0)
			json_object_set(res, "structuredContent", structured);
		json_decref(structured);
	}
	lh_free(out);
	lh_free(err);
	return res;
}

/* A request of the stateless revision (its params._meta claims a version). */
static json_t *modern(mcp_server *m, json_t *id, const char *method, json_t *params,
                      json_t *meta)
{
	const char *v = json_string_value(json_object_get(meta, META_VERSION));
	if (!v || strcmp(v, MODERN) != 0)
		return error_reply(id, UNSUPPORTED_VERSION, "Unsupported protocol version",
		                   json_pack("{s:[s], s:s?}", "supported", MODERN, "requested", v));
	if (!json_is_object(json_object_get(meta, META_CAPS)))
		return error_reply(id, INVALID_PARAMS,
		                   "params._meta needs io.modelcontextprotocol/clientCapabilities (an object)",
		                   NULL);
	json_t *res = NULL;
	bool cacheable = false;
	int code = 0;
	const char *msg = NULL;
	if (!strcmp(method, "server/discover")) {
		res = json_pack("{s:[s], s:{s:{}}, s:s}", "supportedVersions", MODERN, "capabilities",
		                "tools", "instructions", m->instructions);
		cacheable = true;
	} else if (!strcmp(method, "tools/list")) {
		bool ok;
		json_t *tools = tool_list(MODERN, &ok);
		res = ok ? json_pack("{s:o}", "tools", tools) : NULL;
		if (!ok)
			code = INTERNAL_ERROR, msg = "cannot list the tools";
		cacheable = true;
	} else if (!strcmp(method, "tools/call")) {
		res = call_tool(m, params, MODERN, &code, &msg);
	} else {
		return error_reply(id, METHOD_NOT_FOUND, "Method not found", NULL);
	}
	if (!res)
		return error_reply(id, code ? code : INTERNAL_ERROR, msg ? msg : "out of memory", NULL);
	json_object_set_new(res, "resultType", json_string("complete"));
	if (cacheable) {
		json_object_set_new(res, "ttlMs", json_integer(0));
		json_object_set_new(res, "cacheScope", json_string("private"));
	}
	json_object_set_new(res, "_meta", json_pack("{s:{s:s, s:s}}", "io.modelcontextprotocol/serverInfo",
	                                            "name", "lakehouse", "version", lh_version()));
	json_t *reply = result_reply(id, res);
	json_decref(res);
	return reply;
}

static json_t *legacy(mcp_server *m, json_t *id, const char *method, json_t *params)
{
	json_t *res = NULL;
	int code = 0;
	const char *msg = NULL;
	if (!strcmp(method, "initialize")) {
		const char *asked = json_string_value(json_object_get(params, "protocolVersion"));
		const char *v = legacy_version(asked) ? asked : legacy_versions[0];
		snprintf(m->version, sizeof m->version, "%s", v);
		res = json_pack("{s:s, s:{s:{}}, s:{s:s, s:s}, s:s}", "protocolVersion", v, "capabilities",
		                "tools", "serverInfo", "name", "lakehouse", "version", lh_version(),
		                "instructions", m->instructions);
	} else if (!strcmp(method, "ping")) {
		res = json_object();
	} else if (!strcmp(method, "tools/list")) {
		bool ok;
		json_t *tools = tool_list(m->version[0] ? m->version : NULL, &ok);
		res = ok ? json_pack("{s:o}", "tools", tools) : NULL;
		if (!ok)
			code = INTERNAL_ERROR, msg = "cannot list the tools";
	} else if (!strcmp(method, "tools/call")) {
		res = call_tool(m, params, m->version[0] ? m->version : legacy_versions[0], &code, &msg);
	} else {
		return error_reply(id, METHOD_NOT_FOUND, "Method not found", NULL);
	}
	if (!res)
		return error_reply(id, code ? code : INTERNAL_ERROR, msg ? msg : "out of memory", NULL);
	json_t *reply = result_reply(id, res);
	json_decref(res);
	return reply;
}

/* The HTTP status of a JSON-RPC error reply under Streamable HTTP (h may be NULL). */
static json_t *http_error(mcp_http *h, int status, json_t *reply)
{
	if (h)
		h->status = status;
	return reply;
}

/* A request claiming the stateless revision, over HTTP: its headers must repeat what
 * the body says (MCP-Protocol-Version, Mcp-Method, and Mcp-Name for tools/call). */
/* Header value v equals s once optional whitespace around it is left out (RFC 9110). */
static bool header_is(const char *v, const char *s)
{
	if (!v || !s)
		return false;
	while (*v == ' ' || *v == '\t')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	return n == strlen(s) && !strncmp(v, s, n);
}

static json_t *modern_headers(mcp_http *h, json_t *id, const char *method, json_t *params,
                              json_t *meta)
{
	const char *claim = json_string_value(json_object_get(meta, META_VERSION));
	const char *name = json_string_value(json_object_get(params, "name"));
	const char *bad = NULL;
	if (!header_is(h->protocol_version, claim))
		bad = "the MCP-Protocol-Version header must equal params._meta's protocolVersion";
	else if (!header_is(h->method, method))
		bad = "the Mcp-Method header must equal the request's method";
	else if (!strcmp(method, "tools/call") && !header_is(h->name, name))
		bad = "the Mcp-Name header must equal the tool's name";
	return bad ? http_error(h, 400, error_reply(id, HEADER_MISMATCH, bad, NULL)) : NULL;
}

static json_t *handle(mcp_server *m, const char *message, size_t len, mcp_http *h)
{
	json_error_t jerr;
	json_t *msg = json_loadb(message, len, JSON_REJECT_DUPLICATES, &jerr);
	json_t *reply = NULL;
	if (!msg) {
		reply = http_error(h, 400, error_reply(NULL, PARSE_ERROR, "Parse error", NULL));
		goto done;
	}
	json_t *id = json_object_get(msg, "id");
	const char *method = json_string_value(json_object_get(msg, "method"));
	json_t *params = json_object_get(msg, "params");
	bool valid_id = !id || json_is_string(id) || json_is_integer(id);
	const char *rpc = json_string_value(json_object_get(msg, "jsonrpc"));
	if (!json_is_object(msg) || !rpc || strcmp(rpc, "2.0") != 0 || !valid_id ||
	    (params && !json_is_object(params)) ||
	    (json_object_get(msg, "method") && !method)) {
		reply = http_error(h, 400, error_reply(valid_id ? id : NULL, INVALID_REQUEST,
		                                       "Invalid Request", NULL));
		goto done;
	}
	if (!method || !id) { /* a notification, or a response to nothing we sent */
		if (h)
			h->status = 202;
		goto done;
	}
	json_t *meta = json_object_get(params, "_meta");
	bool claims = json_is_object(meta) && json_object_get(meta, META_VERSION);
	if (h && claims) {
		if ((reply = modern_headers(h, id, method, params, meta)) != NULL)
			goto done;
	} else if (h && h->protocol_version && !strcmp(h->protocol_version, MODERN)) {
		reply = http_error(h, 400,
		                   error_reply(id, INVALID_PARAMS,
		                               "MCP-Protocol-Version 2026-07-28 needs params._meta with "
		                               "io.modelcontextprotocol/protocolVersion and "
		                               "clientCapabilities",
		                               NULL));
		goto done;
	} else if (h && h->protocol_version && !legacy_version(h->protocol_version)) {
		reply = http_error(h, 400,
		                   error_reply(id, TRANSPORT_ERROR,
		                               "Bad Request: unsupported MCP-Protocol-Version", NULL));
		goto done;
	} else if (h && strcmp(method, "initialize") != 0) {
		/* stateless sessions: the revision is the header's (absent: 2025-03-26) */
		snprintf(m->version, sizeof m->version, "%s",
		         h->protocol_version ? h->protocol_version : "2025-03-26");
	}
	reply = claims ? modern(m, id, method, params, meta) : legacy(m, id, method, params);
	if (h && claims) { /* the stateless revision's protocol errors have HTTP statuses */
		json_t *err = json_object_get(reply, "error");
		int code = (int)json_integer_value(json_object_get(err, "code"));
		if (err && code == METHOD_NOT_FOUND)
			h->status = 404;
		else if (err && (code == UNSUPPORTED_VERSION || !json_is_object(json_object_get(meta, META_CAPS))))
			h->status = 400;
	}
done:
	json_decref(msg);
	return reply;
}

static char *dump(json_t *reply)
{
	char *text = reply ? json_dumps(reply, JSON_COMPACT) : NULL;
	json_decref(reply);
	return text;
}

char *mcp_handle(mcp_server *m, const char *message, size_t len)
{
	return dump(handle(m, message, len, NULL));
}

char *mcp_handle_http(mcp_server *m, const char *body, size_t len, mcp_http *h)
{
	h->status = 200;
	return dump(handle(m, body, len, h));
}

int mcp_stdio(mcp_server *m, FILE *in, FILE *out)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, in)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0)
			continue;
		char *reply = NULL;
		if (n > MAX_LINE) {
			json_t *e = error_reply(NULL, INVALID_REQUEST, "message too large", NULL);
			reply = json_dumps(e, JSON_COMPACT);
			json_decref(e);
		} else {
			reply = mcp_handle(m, line, (size_t)n);
		}
		if (reply) {
			fputs(reply, out);
			fputc('\n', out);
			fflush(out);
			free(reply);
		}
	}
	free(line);
	return ferror(in) ? 1 : 0;
}
