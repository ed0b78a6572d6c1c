/*
 * cli/tool.c - `lakehouse tool NAME --json '{...}'` and `lakehouse tool --list`: the
 * tool registry (lh_tools_list, lh_tool_call) from the command line, for scripts and
 * tests; and `lakehouse mcp`, the same registry to an MCP client over stdio
 * (server/mcp.c). The same tools, checks and caps as the HTTP API.
 *
 * Front end (lakehouse.h only). The result is the tool's JSON on stdout, one line; a
 * failure is "Error: <message>" on stderr and exit 1.
 */
#include "cli.h"
#include "server/mcp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const tool_help =
    "usage: lakehouse tool NAME [--json JSON | --json-file FILE] [--read-write]\n"
    "                           [--max-rows N] [--max-chars N] [--timeout-ms N]\n"
    "       lakehouse tool --list\n"
    "\n"
    "Calls one tool of the registry that the MCP server and the HTTP API serve, with its\n"
    "input as a JSON object (default {}), and prints its result as JSON. --list prints\n"
    "every tool with its description and input and output schemas. Writing tools\n"
    "(ingest_records, append_world_snapshot) run only with --read-write. The query engine\n"
    "is locked down either way: no file outside the lake can be read, no setting changed.\n"
    "Results are capped at --max-rows (1000) and --max-chars\n"
    "(50000) with a note when cut; a call running longer than --timeout-ms (30000; 0:\n"
    "none) is stopped.\n"
    "\n"
    "examples:\n"
    "  lakehouse tool list_tables\n"
    "  lakehouse tool describe_table --json '{\"table\": \"gold.captions\"}'\n"
    "  lakehouse tool query --json '{\"sql\": \"SELECT count(*) FROM gold.captions\"}'\n";

static int number(const char *flag, const char *text, int64_t *out)
{
	char *end = NULL;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || v < 0)
		return usage_error("%s needs a whole number of 0 or more", flag);
	*out = v;
	return 0;
}

bool cli_tool_option(const opts *o, int *i, lh_tool_options *to, int *rc)
{
	const char *a = o->args[*i];
	*rc = 0;
	if (!strcmp(a, "--read-write")) {
		to->read_write = true;
		return true;
	}
	int64_t *v = !strcmp(a, "--max-rows")     ? &to->max_rows
	             : !strcmp(a, "--max-chars")  ? &to->max_chars
	             : !strcmp(a, "--timeout-ms") ? &to->timeout_ms
	                                          : NULL;
	if (!v)
		return false;
	if (*i + 1 >= o->nargs)
		*rc = usage_error("%s needs a value", a);
	else if ((*rc = number(a, o->args[++*i], v)) == 0 && v == &to->timeout_ms && *v == 0)
		*v = -1; /* 0 on the command line: no timeout */
	return true;
}

int cli_tool(const opts *o)
{
	const char *name = NULL, *json = NULL, *file = NULL;
	bool list = false;
	lh_tool_options to = {.struct_size = sizeof to};
	for (int i = 0; i < o->nargs; i++) {
		const char *a = o->args[i];
		int rc = 0;
		if (cli_tool_option(o, &i, &to, &rc)) {
			if (rc)
				return rc;
		} else if (!strcmp(a, "--list")) {
			list = true;
		} else if (!strcmp(a, "--json") || !strcmp(a, "--json-file")) {
			if (i + 1 >= o->nargs)
				return usage_error("%s needs a value", a);
			*(!strcmp(a, "--json") ? &json : &file) = o->args[++i];
		} else if (a[0] != '-' && !name) {
			name = a;
		} else {
			return usage_error("tool: unexpected argument '%s'", a);
		}
	}
	if (list) {
		char *out = NULL;
		lh_status st = lh_tools_list(&out);
		if (st != LH_OK)
			return fail_status("tool --list", st);
		puts(out);
		lh_free(out);
		return 0;
	}
	if (!name)
		return usage_error("%s", "tool needs a tool name (lakehouse tool --list lists them)");
	if (json && file)
		return usage_error("%s", "tool takes --json or --json-file, not both");
	char *text = file ? cli_read_file_text(file) : NULL;
	if (file && !text) {
		fprintf(stderr, "Error: cannot read '%s'\n", file);
		return 1;
	}
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (!rc && lh_lake_sandbox(lake) != LH_OK) {
		rc = fail(lh_lake_error(lake));
		lh_lake_close(&lake);
	}
	if (!rc) {
		char *out = NULL, *err = NULL;
		if (lh_tool_call(lake, name, file ? text : json, &to, &out, &err) == LH_OK)
			puts(out);
		else
			rc = fail(err);
		lh_free(out);
		lh_free(err);
		lh_lake_close(&lake);
	}
	free(text);
	return rc;
}

const char *const cli_mcp_instructions =
    "Tools over a Modal Lakehouse: versioned tables queried with DuckDB SQL. Start with "
    "list_tables and describe_table; query takes one SQL query and an optional snapshot.";

const char *const mcp_help =
    "usage: lakehouse mcp [--read-write] [--max-rows N] [--max-chars N] [--timeout-ms N]\n"
    "\n"
    "Serves the tool registry (lakehouse tool --list) to an MCP client over stdio:\n"
    "newline-delimited JSON-RPC on stdin and stdout, logs on stderr, until stdin ends.\n"
    "Speaks the session revisions 2025-11-25, 2025-06-18 and 2025-03-26 and the stateless\n"
    "2026-07-28. Read-only unless --read-write; results capped and calls timed out as in\n"
    "lakehouse tool. For Claude Code: claude mcp add lake -- lakehouse --lake DIR mcp\n";

int cli_mcp(const opts *o)
{
	mcp_server m = {.options = {.struct_size = sizeof m.options},
	                .instructions = cli_mcp_instructions};
	for (int i = 0; i < o->nargs; i++) {
		int rc = 0;
		if (!cli_tool_option(o, &i, &m.options, &rc))
			return usage_error("mcp: unexpected argument '%s'", o->args[i]);
		if (rc)
			return rc;
	}
	int rc = open_lake(o, &m.lake);
	if (rc)
		return rc;
	if (lh_lake_sandbox(m.lake) != LH_OK) { /* writing tools write only the lake's files */
		rc = fail(lh_lake_error(m.lake));
		lh_lake_close(&m.lake);
		return rc;
	}
	fprintf(stderr, "lakehouse mcp: serving %s over stdio (%s)\n", o->lake ? o->lake : "./lake",
	        m.options.read_write ? "writing tools allowed" : "read-only");
	rc = mcp_stdio(&m, stdin, stdout);
	lh_lake_close(&m.lake);
	return rc;
}
