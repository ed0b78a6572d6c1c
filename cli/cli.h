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
/* Opens the lake --lake names, rendering values for --format; 0 or the exit status
 * after printing the error. */
int open_lake(const opts *o, lh_lake **lake);

/* Maintenance commands (maint.c): compact, expire, cleanup. */
const char *cli_maint_help(const char *command); /* NULL: not one of them */
int cli_maint(const char *command, const opts *o);

#endif
