/*
 * fuzz/fuzz_mcp.c - the MCP JSON-RPC handler (server/mcp.c) over a real lake: one
 * message in, as stdio delivers it and as a POST to /mcp with the headers taken from
 * the input's first line ("protocol-version method name\n" then the body).
 *
 * Promises checked: an answer, when there is one, is one JSON-RPC 2.0 object with a
 * result or an error; HTTP statuses are the transport's (200, 202, 400, 404); the
 * handler never writes to the lake (its read-only tools only).
 */
#include "fuzz_lake.h"
#include "server/mcp.h"

#include <jansson.h>

static void check_reply(char *reply)
{
	if (!reply)
		return;
	json_t *v = json_loads(reply, 0, NULL);
	FUZZ_CHECK(json_is_object(v));
	const char *rpc = json_string_value(json_object_get(v, "jsonrpc"));
	FUZZ_CHECK(rpc && !strcmp(rpc, "2.0"));
	FUZZ_CHECK((json_object_get(v, "result") != NULL) != (json_object_get(v, "error") != NULL));
	json_decref(v);
	free(reply);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static lh_lake *lake;
	static int64_t snaps;
	if (!lake) {
		char *err = NULL;
		FUZZ_CHECK(lh_lake_open(fuzz_lake(NULL), &lake, &err) == LH_OK);
		FUZZ_CHECK(lh_lake_sandbox(lake) == LH_OK);
	}
	mcp_server m = {.lake = lake, .options = {.struct_size = sizeof m.options, .timeout_ms = 5000},
	                .instructions = "fuzz"};
	check_reply(mcp_handle(&m, (const char *)data, size));
	/* as HTTP: a first line of headers, then the body */
	const uint8_t *nl = memchr(data, '\n', size);
	char *head = fuzz_cstr(data, nl ? (size_t)(nl - data) : 0);
	char *fields[3] = {NULL, NULL, NULL};
	char *save = NULL;
	for (int i = 0; i < 3; i++)
		fields[i] = strtok_r(i ? NULL : head, " ", &save);
	mcp_server h = {.lake = lake, .options = m.options, .instructions = "fuzz"};
	mcp_http hh = {.protocol_version = fields[0], .method = fields[1], .name = fields[2]};
	size_t off = nl ? (size_t)(nl - data) + 1 : 0;
	char *reply = mcp_handle_http(&h, (const char *)data + off, size - off, &hh);
	FUZZ_CHECK(hh.status == 200 || hh.status == 202 || hh.status == 400 || hh.status == 404);
	FUZZ_CHECK((hh.status == 202) == (reply == NULL));
	check_reply(reply);
	free(head);
	/* read-only: no snapshot was made */
	char *out = NULL;
	lh_tool_options to = {.struct_size = sizeof to};
	FUZZ_CHECK(lh_tool_call(lake, "snapshots", "{}", &to, &out, NULL) == LH_OK);
	json_t *s = json_loads(out, 0, NULL);
	int64_t n = (int64_t)json_array_size(json_object_get(s, "snapshots"));
	json_decref(s);
	lh_free(out);
	if (!snaps)
		snaps = n;
	FUZZ_CHECK(n == snaps);
	return 0;
}
