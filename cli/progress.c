/*
 * cli/progress.c - progress of long work on stderr.
 *
 * Front end. On a terminal, one line redrawn in place with a bar; otherwise (logs, CI)
 * one line per item when it starts, so output stays readable in a file.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool cli_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void cli_progress(void *ctx, const char *stage, const char *item, int64_t done, int64_t total)
{
	cli_progress_state *st = ctx;
	if (st->quiet)
		return;
	bool tty = isatty(STDERR_FILENO);
	bool bytes = strcmp(stage, "download") == 0 || strcmp(stage, "upload") == 0;
	bool new_item = strcmp(st->stage, stage) != 0 || strcmp(st->item, item ? item : "") != 0;
	snprintf(st->stage, sizeof st->stage, "%s", stage);
	snprintf(st->item, sizeof st->item, "%s", item ? item : "");
	if (!tty) {
		if (new_item)
			fprintf(stderr, "%s %s\n", stage, item ? item : "");
		return;
	}
	char a[32] = "", b[32] = "";
	if (bytes) {
		cli_human_bytes(done, a, sizeof a);
		if (total > 0)
			cli_human_bytes(total, b, sizeof b);
	} else {
		snprintf(a, sizeof a, "%lld", (long long)done);
		if (total > 0)
			snprintf(b, sizeof b, "%lld", (long long)total);
	}
	char bar[21] = "                    ";
	if (total > 0 && bytes) {
		int fill = (int)(20 * (double)done / (double)total);
		for (int i = 0; i < fill && i < 20; i++)
			bar[i] = '#';
	}
	fprintf(stderr, "\r\033[K%-8s %-40.40s %s%s%s%s%s", stage, st->item,
	        total > 0 && bytes ? "[" : "", total > 0 && bytes ? bar : "",
	        total > 0 && bytes ? "] " : "", a, total > 0 ? " / " : "");
	fputs(total > 0 ? b : "", stderr);
	st->dirty = true;
}

void cli_progress_done(cli_progress_state *st)
{
	if (st->dirty && isatty(STDERR_FILENO))
		fputs("\r\033[K", stderr);
	st->dirty = false;
}
