/*
 * server/http.h - `lakehouse serve`: the HTTP data-plane API and MCP's Streamable HTTP
 * transport over the tool registry (see http.c).
 */
#ifndef LH_SERVER_HTTP_H
#define LH_SERVER_HTTP_H

#include "lakehouse.h"

#include <stddef.h>

typedef struct http_config {
	const char *lake;       /* what lh_lake_open takes */
	const char *bind;       /* an IPv4 address; NULL: 127.0.0.1 */
	unsigned port;          /* 0: a free port (http_port says which) */
	unsigned threads;       /* request threads, each with a lake handle of its own; 0: 4 */
	size_t max_body;        /* bytes of a request body; 0: 4 MiB */
	unsigned max_connections; /* 0: 2,000 */
	unsigned idle_seconds;  /* a connection silent this long is closed; 0: 15 */
	bool read_write;        /* writing tools for tokens that may write; else none */
	bool no_auth;           /* a request without a token is a read-only caller of no tenant
	                           (loopback only: tools such as MCP test suites send none) */
	lh_tool_options tool;   /* caps and timeout of every call */
	const char *instructions; /* MCP's instructions to the model */
} http_config;

typedef struct http_server http_server;

/* Opens the lake handles and starts serving; 0, or -1 with a message in err. */
int http_start(const http_config *cfg, http_server **out, char *err, size_t errlen);
/* The port it listens on. */
unsigned http_port(const http_server *s);
/* Stops serving (requests in flight finish) and closes the lake handles. */
void http_stop(http_server **s);

#endif
