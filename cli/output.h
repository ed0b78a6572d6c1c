/*
 * cli/output.h - printing results as an aligned table, CSV or JSON.
 *
 * Front end: uses include/lakehouse.h only.
 */
#ifndef LH_CLI_OUTPUT_H
#define LH_CLI_OUTPUT_H

#include "lakehouse.h"

#include <stdio.h>

typedef enum cli_format { CLI_TABLE, CLI_CSV, CLI_JSON } cli_format;

/* Parses "table", "csv" or "json"; false for anything else. */
bool cli_parse_format(const char *s, cli_format *out);
/* Prints a result; results without columns print nothing. Returns LH_OK or the status
 * of a failed read. `max_rows` bounds the table format (first and last rows shown). */
lh_status cli_print_result(FILE *out, lh_result *r, cli_format f, size_t max_rows);

/* Sees every row as it is printed (or, with out NULL, read without printing). */
typedef struct cli_tap {
	void (*fn)(void *ctx, lh_result *r, size_t row);
	void *ctx;
} cli_tap;
lh_status cli_print_result_tap(FILE *out, lh_result *r, cli_format f, size_t max_rows,
                               const cli_tap *tap);

/* How lh_lake_exec's callback prints each statement's result (cli_print_cb). */
typedef struct cli_print_ctx {
	cli_format format;
	size_t max_rows;
} cli_print_ctx;

/* An lh_statement_cb printing results to stdout; ctx is a cli_print_ctx. */
lh_status cli_print_cb(void *ctx, size_t index, const char *statement, lh_result *r);

#endif
