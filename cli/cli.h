/*
 * cli/cli.h - what the CLI's command files share: parsed options and error reporting.
 */
#ifndef LH_CLI_CLI_H
#define LH_CLI_CLI_H

#include "lakehouse.h"
#include "output.h"

#include <stdbool.h>

#define EXIT_USAGE 2

typedef struct opts {
	const char *lake;
	bool lake_default; /* neither --lake nor $LAKEHOUSE_DIR: lake is "lake" */
	cli_format format;
	const char *command;
	char **args; /* command arguments without global options */
	int nargs;
	bool help;
} opts;

/* Prints "Error: <fmt with arg>" and a pointer to --help; returns EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);
/* Prints "Error: msg"; returns 1. */
int fail(const char *msg);
/* Prints "Error: WHAT: <status text>" (e.g. a result that could not be read); returns 1. */
int fail_status(const char *what, lh_status st);
/* Opens the lake --lake names, rendering values for --format; 0 or the exit status
 * after printing the error. */
int open_lake(const opts *o, lh_lake **lake);

/* Maintenance commands (maint.c): compact, expire, cleanup. */
const char *cli_maint_help(const char *command); /* NULL: not one of them */
int cli_maint(const char *command, const opts *o);

/* Hugging Face commands (hf.c): hf pull, hf push. */
extern const char *const hf_help;
int cli_hf(const opts *o);

/* Video commands (video.c): video ingest, fetch, materialize. */
extern const char *const video_help;
int cli_video(const opts *o);

/* Snapshot tags (tag.c): tag create, list, delete. */
extern const char *const tag_help;
int cli_tag(const opts *o);

/* The experiment and run registry (registry.c). */
extern const char *const experiment_help;
int cli_experiment(const opts *o);
extern const char *const run_help;
int cli_run(const opts *o);

/* Versioned artifact folders (version.c): version put, list, get, latest. */
extern const char *const version_help;
int cli_version_cmd(const opts *o);

/* The outbox and its delivery (events.c). */
extern const char *const events_help;
int cli_events(const opts *o);

/* Agents (agent.c): agent quality. */
extern const char *const agent_help;
int cli_agent(const opts *o);

/* Integrity check (verify.c). */
extern const char *const verify_help;
int cli_verify(const opts *o);

/* "30s", "15m", "12h", "7d", "2w" (a bare number: seconds) -> seconds; false when
 * malformed (maint.c). */
bool cli_parse_duration(const char *s, long long *out);

/* The HTTP server and its tokens (serve.c): lakehouse serve, lakehouse token. */
extern const char *const serve_help;
int cli_serve(const opts *o);
extern const char *const token_help;
int cli_token(const opts *o);

/* The tool registry (tool.c): lakehouse tool, lakehouse mcp. */
extern const char *const tool_help;
int cli_tool(const opts *o);
extern const char *const mcp_help;
int cli_mcp(const opts *o);
/* Takes args[*i] when it is an option of the tool calls (--read-write, --max-rows N,
 * --max-chars N, --timeout-ms N), advancing *i past its value; *rc is 0 or the exit
 * status of a malformed value. */
bool cli_tool_option(const opts *o, int *i, lh_tool_options *to, int *rc);
/* What an MCP server tells the model about the lake's tools. */
extern const char *const cli_mcp_instructions;

/* Data quality (quality.c). */
extern const char *const quality_help;
int cli_quality(const opts *o);

/* The whole file ("-": stdin) as a NUL-terminated string (caller frees); NULL when it
 * cannot be read (main.c). */
char *cli_read_file_text(const char *path);

/* "1.5 MiB": bytes for people (maint.c). */
void cli_human_bytes(int64_t b, char *out, size_t n);

/* true when path is an existing folder */
bool cli_is_dir(const char *path);

/* Progress on stderr (progress.c), an lh_progress_cb. */
typedef struct cli_progress_state {
	bool quiet;
	bool dirty;
	char stage[32];
	char item[256];
} cli_progress_state;
void cli_progress(void *ctx, const char *stage, const char *item, int64_t done, int64_t total);
void cli_progress_done(cli_progress_state *st);

#endif
