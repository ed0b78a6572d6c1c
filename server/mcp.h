/*
 * server/mcp.h - the MCP server over the tool registry (see mcp.c).
 */
#ifndef LH_SERVER_MCP_H
#define LH_SERVER_MCP_H

#include "lakehouse.h"

#include <stdio.h>

typedef struct mcp_server {
	lh_lake *lake;
	lh_tool_options options; /* read_write, caps and timeout of every call */
	const char *instructions;
	char version[16]; /* the session revision initialize settled on ("": none yet) */
	char message[200];
} mcp_server;

/* The reply to one JSON-RPC message (caller frees), or NULL when it needs none
 * (notifications, responses). */
char *mcp_handle(mcp_server *m, const char *message, size_t len);
/* What Streamable HTTP adds to a message: its headers (NULL when absent), and the HTTP
 * status of the answer (200, 202 without a body, 400, 404). */
typedef struct mcp_http {
	const char *protocol_version; /* MCP-Protocol-Version */
	const char *method;           /* Mcp-Method */
	const char *name;             /* Mcp-Name */
	int status;
} mcp_http;

/* The reply to one message POSTed to /mcp (caller frees; NULL: none), h->status set. */
char *mcp_handle_http(mcp_server *m, const char *body, size_t len, mcp_http *h);
/* Serves newline-delimited JSON-RPC from `in` to `out` until `in` ends; 0, or 1 when
 * reading failed. */
int mcp_stdio(mcp_server *m, FILE *in, FILE *out);

#endif
