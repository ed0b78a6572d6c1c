/*
 * cli/repl.c - the interactive prompt: statements end with ';' (outside quotes and
 * comments); dot commands .help, .format FMT, .quit.
 *
 * Front end: uses include/lakehouse.h only. When stdin is not a terminal it reads the
 * same way without prompts. An error is reported and the session goes on (an open
 * transaction stays open: the failed statement alone is undone); with stdin not a
 * terminal the exit status is then 1.
 */
#include "repl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* True when text holds a complete statement: a ';' outside strings and comments as the
 * last non-blank character. */
static bool complete(const char *s)
{
	char quote = 0;
	bool last_semicolon = false;
	for (const char *p = s; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
			if (!*p)
				break;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			last_semicolon = false;
		} else if (*p == ';') {
			last_semicolon = true;
		} else if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
			last_semicolon = false;
		}
	}
	return !quote && last_semicolon;
}

static bool dot_command(lh_lake *lake, const char *line, cli_print_ctx *ctx, bool *quit)
{
	if (line[0] != '.')
		return false;
	char cmd[64] = {0}, arg[64] = {0};
	sscanf(line, "%63s %63s", cmd, arg);
	if (strcmp(cmd, ".quit") == 0 || strcmp(cmd, ".exit") == 0) {
		*quit = true;
	} else if (strcmp(cmd, ".format") == 0 || strcmp(cmd, ".mode") == 0) {
		if (!cli_parse_format(arg, &ctx->format))
			fprintf(stderr, "Error: unknown format '%s' (use table, csv or json)\n", arg);
		lh_lake_set_render(lake, ctx->format == CLI_JSON ? LH_RENDER_JSON : LH_RENDER_TEXT);
	} else if (strcmp(cmd, ".help") == 0) {
		puts("End statements with ';'. Commands: .format table|csv|json, .quit");
	} else {
		fprintf(stderr, "Error: unknown command '%s' (try .help)\n", cmd);
	}
	return true;
}

int cli_repl(lh_lake *lake, cli_format format, size_t max_rows)
{
	bool tty = isatty(STDIN_FILENO);
	cli_print_ctx ctx = {format, max_rows};
	char *line = NULL, *buf = NULL;
	size_t cap = 0, len = 0, bufcap = 0;
	ssize_t n;
	int rc = 0;
	bool quit = false;
	if (tty)
		printf("lakehouse %s on DuckDB %s. End statements with ';', .help for help.\n",
		       lh_version(), lh_duckdb_version());
	for (;;) {
		if (tty) {
			fputs(len ? "   ...> " : "lake> ", stdout);
			fflush(stdout);
		}
		if ((n = getline(&line, &cap, stdin)) < 0)
			break;
		if (len == 0 && dot_command(lake, line, &ctx, &quit)) {
			if (quit)
				break;
			continue;
		}
		if (len + (size_t)n + 1 > bufcap) {
			size_t nc = (len + (size_t)n + 1) * 2;
			char *grown = realloc(buf, nc);
			if (!grown) {
				rc = 1;
				break;
			}
			buf = grown;
			bufcap = nc;
		}
		memcpy(buf + len, line, (size_t)n + 1);
		len += (size_t)n;
		if (!complete(buf))
			continue;
		if (lh_lake_exec(lake, buf, cli_print_cb, &ctx) != LH_OK) {
			fprintf(stderr, "Error: %s\n", lh_lake_error(lake));
			if (!tty)
				rc = 1;
		}
		len = 0;
		buf[0] = '\0';
	}
	/* a last statement without ';' at end of input still runs */
	if (!quit && len > 0 && strspn(buf, " \t\r\n") < len &&
	    lh_lake_exec(lake, buf, cli_print_cb, &ctx) != LH_OK) {
		fprintf(stderr, "Error: %s\n", lh_lake_error(lake));
		rc = 1;
	}
	if (tty)
		putchar('\n');
	free(line);
	free(buf);
	return rc;
}
