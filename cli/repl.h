/*
 * cli/repl.h - the interactive SQL prompt of `lakehouse sql`.
 * Front end: uses include/lakehouse.h only.
 */
#ifndef LH_CLI_REPL_H
#define LH_CLI_REPL_H

#include "lakehouse.h"
#include "output.h"

/* Reads statements from stdin until EOF or .quit; returns the exit status (0, or 1 when
 * stdin is not a terminal and a statement failed). */
int cli_repl(lh_lake *lake, cli_format format, size_t max_rows);

#endif
