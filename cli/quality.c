/*
 * cli/quality.c - `lakehouse quality TABLE [--key COL]`: a profile of a table.
 *
 * Front end over lh_lake_quality (the quality_check tool calls the same). Rows, columns,
 * and per column its nulls and distinct values; with --key, duplicate and NULL keys.
 * Exits 1 when the key has duplicates or NULLs, so pipelines can stop on it.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const quality_help =
    "usage: lakehouse quality SCHEMA.TABLE [--key COL] [--format table|csv|json]\n"
    "\n"
    "Profiles a table: per column its type, rows, NULLs and distinct values. With --key,\n"
    "also duplicate keys and NULL keys; the command then fails (exit 1) when the key is\n"
    "not unique or has NULLs (DuckLake tables have no constraints, so pipelines check).\n"
    "AT (VERSION => n) may follow the table name in quotes: 'gold.t AT (VERSION => 3)'.\n";

int cli_quality(const opts *o)
{
	const char *table = NULL, *key = NULL;
	for (int i = 0; i < o->nargs; i++) {
		if (!strcmp(o->args[i], "--key")) {
			if (i + 1 >= o->nargs)
				return usage_error("%s needs a value", "--key");
			key = o->args[++i];
		} else if (o->args[i][0] != '-' && !table) {
			table = o->args[i];
		} else {
			return usage_error("quality: unexpected argument '%s'", o->args[i]);
		}
	}
	if (!table)
		return usage_error("%s", "quality needs a table (schema.table)");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_result *r = NULL;
	lh_key_report k = {0};
	lh_status st;
	if (lh_lake_quality(lake, table, key, 0, &r, &k) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if ((st = cli_print_result(stdout, r, o->format, 100000)) != LH_OK)
		rc = fail_status("cannot read the result", st);
	lh_result_destroy(&r);
	if (!rc && key) {
		FILE *out = o->format == CLI_TABLE ? stdout : stderr;
		fprintf(out, "key %s: %lld duplicate values (%lld rows), %lld NULL keys\n", key,
		        (long long)k.duplicate_values, (long long)k.rows_with_duplicates,
		        (long long)k.null_keys);
		if (k.duplicate_values || k.null_keys) {
			fprintf(stderr, "Error: key '%s' of %s is not unique and non-NULL: %lld duplicate "
			                "values, %lld NULL keys\n",
			        key, table, (long long)k.duplicate_values, (long long)k.null_keys);
			rc = 1;
		}
	}
	lh_lake_close(&lake);
	return rc;
}
