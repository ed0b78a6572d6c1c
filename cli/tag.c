/*
 * cli/tag.c - lakehouse tag create | list | delete: names for snapshots.
 *
 * Front end: include/lakehouse.h only.
 */
#include "cli.h"
#include "lakehouse.h"
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const tag_help =
    "usage: lakehouse tag create NAME [--snapshot N] [--message M]\n"
    "       lakehouse tag list\n"
    "       lakehouse tag delete NAME\n"
    "\n"
    "Names a snapshot (default: the latest). Queries read it with AT (TAG => 'NAME')\n"
    "wherever AT (VERSION => n) works; streams with --tag / tag= as well. A tagged\n"
    "snapshot is never expired while its tag exists. A name names one snapshot: delete\n"
    "the tag to move it. Tags are the lake's own (DuckDB's ducklake ignores them).\n"
    "\n"
    "  --snapshot N   the snapshot to tag (see `lakehouse snapshots`)\n"
    "  --message M    why (shown by `tag list`)\n";

static int tag_create(const opts *o)
{
	const char *name = NULL, *message = NULL;
	long long snapshot = -1; /* the latest */
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (strcmp(a, "--snapshot") == 0 && i + 1 < o->nargs) {
			char *end;
			errno = 0;
			snapshot = strtoll(o->args[++i], &end, 10);
			if (errno || *end || end == o->args[i] || snapshot < 0)
				return usage_error("tag create: --snapshot needs a snapshot id, not '%s'", o->args[i]);
		} else if (strcmp(a, "--message") == 0 && i + 1 < o->nargs) {
			message = o->args[++i];
		} else if (a[0] == '-') {
			return usage_error("tag create: unknown option '%s'", a);
		} else if (!name) {
			name = a;
		} else {
			return usage_error("tag create: unexpected argument '%s'", a);
		}
	}
	if (!name)
		return usage_error("%s", "tag create: which name? (lakehouse tag create NAME)");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	int64_t snap = -1;
	if (lh_lake_tag_create(lake, name, snapshot, message, &snap) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("tagged snapshot %lld as '%s'\n", (long long)snap, name);
	lh_lake_close(&lake);
	return rc;
}

static int tag_delete(const opts *o)
{
	if (o->nargs != 2)
		return usage_error("%s", "tag delete: expected NAME (lakehouse tag delete NAME)");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	if (lh_lake_tag_delete(lake, o->args[1]) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("deleted tag '%s'\n", o->args[1]);
	lh_lake_close(&lake);
	return rc;
}

static int tag_list(const opts *o)
{
	if (o->nargs != 1)
		return usage_error("tag list: unexpected argument '%s'", o->args[1]);
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	cli_print_ctx pc = {.format = o->format, .max_rows = 1000000};
	if (lh_lake_exec(lake, "SELECT * FROM lakehouse_tags('lake') ORDER BY tag_name", cli_print_cb,
	                 &pc) != LH_OK)
		rc = fail(lh_lake_error(lake));
	lh_lake_close(&lake);
	return rc;
}

int cli_tag(const opts *o)
{
	const char *sub = o->nargs ? o->args[0] : NULL;
	if (sub && strcmp(sub, "create") == 0)
		return tag_create(o);
	if (sub && strcmp(sub, "delete") == 0)
		return tag_delete(o);
	if (sub && strcmp(sub, "list") == 0)
		return tag_list(o);
	return usage_error("tag: expected create, list or delete, not '%s'", sub ? sub : "");
}
