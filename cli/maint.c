/*
 * cli/maint.c - the maintenance commands: compact, optimize, expire, cleanup, migrate.
 *
 * Front end: each runs the DuckLake-named SQL function (lakehouse.h only) and prints a
 * summary of what it did; --verbose and --dry-run also list every file and snapshot,
 * and --format csv|json prints only that list, for scripts.
 */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const compact_help =
    "usage: lakehouse compact [TABLE] [--max-files N] [--delete-threshold F] [--verbose]\n"
    "\n"
    "First rewrites each data file with deleted rows into one without them (from a new\n"
    "snapshot on: earlier snapshots still read the old file and its deletes). Then merges\n"
    "runs of small data files without deletes (written under the same schema version, in\n"
    "the same partition) into files of up to the target size, as DuckLake merges them: the\n"
    "merged file records which of its rows each snapshot saw, so every snapshot reads as\n"
    "before, and the old files go to the deletion queue for `lakehouse cleanup`. Row ids\n"
    "stay, and no row changes (the change feed is the same). Without TABLE (table or\n"
    "schema.table), every table. A table with rows kept inline in the catalog (data\n"
    "inlining) first gets them written into a data file, in a snapshot of its own.\n"
    "SQL: CALL lakehouse_compact('lake' [, 'table']) runs both;\n"
    "CALL ducklake_rewrite_data_files('lake' [, 'table'] [, delete_threshold => F]);\n"
    "CALL ducklake_merge_adjacent_files('lake' [, 'table'] [, schema => 's']);\n"
    "CALL ducklake_flush_inlined_data('lake' [, schema_name => s] [, table_name => t]).\n"
    "\n"
    "  --max-files N          make at most N merged files\n"
    "  --delete-threshold F   rewrite only files where at least this share of the rows is\n"
    "                         deleted (0 to 1; default 0: any deleted row)\n"
    "  -v, --verbose          list every file rewritten, merged and created\n";

static const char *const optimize_help =
    "usage: lakehouse optimize TABLE --for random-access [--verbose]\n"
    "\n"
    "Rewrites every data file of TABLE in the random-access layout: row groups of 2,048\n"
    "rows, uncompressed pages, plain values, no dictionaries. Streams with a global shuffle\n"
    "and takes then read single rows straight from the pages instead of decoding whole\n"
    "row groups. The files stay ordinary Parquet that every reader (DuckDB's ducklake\n"
    "included) reads; they are larger than compressed ones. Like compact it is one\n"
    "snapshot that keeps row ids and changes no rows; the old files are released when\n"
    "their snapshots expire.\n"
    "SQL: FROM lakehouse_optimize('lake', 'schema.table', layout => 'random-access').\n"
    "\n"
    "  --for LAYOUT    random-access (the one layout there is)\n"
    "  -v, --verbose   list every file rewritten and created\n";

static const char *const expire_help =
    "usage: lakehouse expire [--older-than D | --keep-last N] [--dry-run] [--verbose]\n"
    "\n"
    "Forgets snapshots: those older than D (e.g. 30m, 12h, 7d, 2w), or all but the last N.\n"
    "The latest snapshot always stays. Time travel to an expired snapshot is no longer\n"
    "possible; files only expired snapshots used are queued, and `lakehouse cleanup`\n"
    "deletes them. Makes no snapshot. With neither limit, the tenants' policies decide:\n"
    "the longest retention_days any of them sets (PUT /data/policy on lakehouse serve).\n"
    "SQL: CALL ducklake_expire_snapshots('lake', older_than => ts | keep_last => n |\n"
    "versions => [ids], dry_run => true).\n"
    "\n"
    "  --dry-run       show what would expire, change nothing\n"
    "  -v, --verbose   list every snapshot and file\n";

static const char *const cleanup_help =
    "usage: lakehouse cleanup [--older-than D] [--dry-run] [--verbose]\n"
    "\n"
    "Deletes files no snapshot references any more (queued by expire) and orphans: data\n"
    "files under the data path that no catalog row references, left by writes that failed\n"
    "or were killed. Only files older than D (default 1h, so writes in flight are safe;\n"
    "0 for all) are touched. A file any catalog row still references is never deleted.\n"
    "SQL: CALL ducklake_cleanup_old_files('lake', older_than => ts | cleanup_all => true)\n"
    "and CALL ducklake_delete_orphaned_files('lake', ...), both with dry_run => true.\n"
    "\n"
    "  --older-than D  age of the files to delete (30s, 15m, 1h, 7d, 2w; 0: any age)\n"
    "  --dry-run       show what would be deleted, change nothing\n"
    "  -v, --verbose   list every file\n";

static const char *const migrate_help =
    "usage: lakehouse migrate [--to VERSION]\n"
    "\n"
    "Migrates the lake's catalog to DuckLake VERSION (default 1.0, what DuckDB 1.5.2 and\n"
    "later create and read), in one catalog transaction, the way DuckDB 1.5's ducklake\n"
    "extension migrates it: new tables and columns, schema versions per table. Data files\n"
    "are not touched. Afterwards DuckDB 1.5 users can share the lake and DuckDB 1.4 cannot\n"
    "read it; there is no way back (DuckLake has no downgrade). A 0.3 lake whose files\n"
    "DuckDB 1.4 compacted is refused while a snapshot that reads those files only in part\n"
    "is kept (1.0 cannot record it): expire those snapshots first.\n"
    "\n"
    "  --to VERSION    1.0 (default) or 0.4\n";

const char *cli_maint_help(const char *command)
{
	if (strcmp(command, "migrate") == 0)
		return migrate_help;
	if (strcmp(command, "compact") == 0)
		return compact_help;
	if (strcmp(command, "optimize") == 0)
		return optimize_help;
	if (strcmp(command, "expire") == 0)
		return expire_help;
	if (strcmp(command, "cleanup") == 0)
		return cleanup_help;
	return NULL;
}

bool cli_parse_duration(const char *s, long long *out)
{
	char *end;
	errno = 0;
	long long n = strtoll(s, &end, 10);
	if (errno || end == s || n < 0)
		return false;
	long long unit = 1;
	if (strcmp(end, "") == 0 || strcmp(end, "s") == 0)
		unit = 1;
	else if (strcmp(end, "m") == 0)
		unit = 60;
	else if (strcmp(end, "h") == 0)
		unit = 3600;
	else if (strcmp(end, "d") == 0)
		unit = 86400;
	else if (strcmp(end, "w") == 0)
		unit = 7 * 86400;
	else
		return false;
	if (n > INT64_MAX / unit)
		return false;
	*out = n * unit;
	return true;
}

void cli_human_bytes(int64_t b, char *out, size_t n)
{
	static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
	double v = (double)b;
	int u = 0;
	while (v >= 1024 && u < 4) {
		v /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(out, n, "%lld B", (long long)b);
	else
		snprintf(out, n, "%.1f %s", v, units[u]);
}

typedef struct tally {
	int64_t count[10];
	int64_t bytes[10];
} tally;

static const char *const ACTIONS[10] = {
    "merged",  "created",        "expired_snapshot", "released_file", "removed",
    "removed_orphan", "flushed", "rewritten",        "written",       NULL};

/* Counts a report row under its action ("would_x" as x). */
static void count_row(void *ctx, lh_result *r, size_t row)
{
	static const char *const aliases[][2] = {{"expire_snapshot", "expired_snapshot"},
	                                         {"release_file", "released_file"},
	                                         {"remove", "removed"},
	                                         {"remove_orphan", "removed_orphan"}};
	tally *t = ctx;
	const char *a = lh_result_text(r, 0, row);
	if (!a)
		return;
	if (strncmp(a, "would_", 6) == 0) {
		a += 6;
		for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++)
			if (strcmp(a, aliases[k][0]) == 0)
				a = aliases[k][1];
	}
	for (int k = 0; ACTIONS[k]; k++)
		if (strcmp(a, ACTIONS[k]) == 0) {
			t->count[k]++;
			t->bytes[k] += lh_result_int64(r, 2, row);
		}
}

/* Runs the report query; prints the list (csv/json, or when asked) and counts it. */
static int run_report(const opts *o, const char *sql, bool list, tally *t)
{
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_result *r = NULL;
	cli_tap tap = {count_row, t};
	lh_status st;
	if (lh_lake_query(lake, sql, &r) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if ((st = cli_print_result_tap(o->format != CLI_TABLE || list ? stdout : NULL, r,
	                                    o->format, 1000000, &tap)) != LH_OK)
		rc = fail_status("cannot read the result", st);
	lh_result_destroy(&r);
	lh_lake_close(&lake);
	return rc;
}

typedef struct flags {
	const char *table;
	const char *older_than;
	const char *keep_last;
	const char *max_files;
	const char *layout;
	const char *delete_threshold;
	bool dry_run, verbose;
} flags;

static int parse_flags(const char *cmd, const opts *o, flags *f, bool table_ok)
{
	for (int i = 0; i < o->nargs; i++) {
		const char *a = o->args[i];
		const char **val = strcmp(a, "--older-than") == 0 ? &f->older_than
		                   : strcmp(a, "--keep-last") == 0 ? &f->keep_last
		                   : strcmp(a, "--max-files") == 0 ? &f->max_files
		                   : strcmp(a, "--for") == 0       ? &f->layout
		                   : strcmp(a, "--delete-threshold") == 0 ? &f->delete_threshold
		                                                   : NULL;
		if (val) {
			if (i + 1 >= o->nargs)
				return usage_error("%s needs a value", a);
			*val = o->args[++i];
		} else if (strcmp(a, "--dry-run") == 0) {
			f->dry_run = true;
		} else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
			f->verbose = true;
		} else if (table_ok && !f->table && a[0] != '-') {
			f->table = a;
		} else {
			fprintf(stderr, "Error: %s: unexpected argument '%s'\n", cmd, a);
			return usage_error("%s", "see 'lakehouse help <command>'");
		}
	}
	return 0;
}

static char *sql_string(const char *s)
{
	size_t n = strlen(s), k = 0;
	char *out = malloc(2 * n + 3);
	if (!out)
		return NULL;
	out[k++] = '\'';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'')
			out[k++] = '\'';
		out[k++] = s[i];
	}
	out[k++] = '\'';
	out[k] = '\0';
	return out;
}

static int cmd_compact(const opts *o)
{
	flags f = {0};
	int rc = parse_flags("compact", o, &f, true);
	if (rc)
		return rc;
	long long max_files = 0;
	if (f.max_files && (sscanf(f.max_files, "%lld", &max_files) != 1 || max_files < 1))
		return usage_error("compact: --max-files needs a number >= 1, not '%s'", f.max_files);
	double threshold = 0;
	char *end = NULL;
	if (f.delete_threshold &&
	    (threshold = strtod(f.delete_threshold, &end), end == f.delete_threshold || *end ||
	     threshold < 0 || threshold > 1))
		return usage_error("compact: --delete-threshold needs a share between 0 and 1, not '%s'",
		                   f.delete_threshold);
	if (f.older_than || f.keep_last || f.dry_run)
		return usage_error("%s", "compact takes TABLE, --max-files, --delete-threshold and "
		                         "--verbose");
	char *table = f.table ? sql_string(f.table) : NULL;
	char sql[1024];
	snprintf(sql, sizeof sql, "FROM lakehouse_compact('lake'%s%s, delete_threshold => %.17g",
	         table ? ", " : "", table ? table : "", threshold);
	if (max_files)
		snprintf(sql + strlen(sql), sizeof sql - strlen(sql), ", max_compacted_files => %lld",
		         max_files);
	strcat(sql, ")");
	free(table);
	tally t = {0};
	rc = run_report(o, sql, f.verbose, &t);
	if (rc || o->format != CLI_TABLE)
		return rc;
	char a[32], b[32];
	cli_human_bytes(t.bytes[0], a, sizeof a);
	cli_human_bytes(t.bytes[1], b, sizeof b);
	if (t.count[6] > 0) {
		char c[32];
		cli_human_bytes(t.bytes[6], c, sizeof c);
		printf("wrote the rows kept inline in the catalog into %lld file%s (%s)\n",
		       (long long)t.count[6], t.count[6] == 1 ? "" : "s", c);
	}
	if (t.count[7] > 0) {
		char c[32];
		cli_human_bytes(t.bytes[7], c, sizeof c);
		char d[32];
		cli_human_bytes(t.bytes[8], d, sizeof d);
		printf("rewrote %lld file%s with deleted rows (%s) into %lld without them (%s)\n",
		       (long long)t.count[7], t.count[7] == 1 ? "" : "s", c, (long long)t.count[8], d);
	}
	if (t.count[0] == 0 && t.count[6] == 0 && t.count[7] == 0)
		printf("nothing to do: no file has deleted rows to drop, no table has two or more "
		       "small files to merge\n");
	else if (t.count[0] > 0)
		printf("merged %lld files (%s) into %lld (%s)\n", (long long)t.count[0], a,
		       (long long)t.count[1], b);
	return 0;
}

static int cmd_expire(const opts *o)
{
	flags f = {0};
	int rc = parse_flags("expire", o, &f, false);
	if (rc)
		return rc;
	if (f.older_than && f.keep_last)
		return usage_error("%s", "expire: give --older-than DURATION or --keep-last N, not both");
	long long secs = 0, keep = 0;
	char sql[512];
	if (!f.older_than && !f.keep_last) { /* the tenants' retention */
		lh_lake *lake = NULL;
		int64_t days = 0;
		if ((rc = open_lake(o, &lake)) != 0)
			return rc;
		if (lh_policy_longest_retention(lake, &days) != LH_OK)
			rc = fail(lh_lake_error(lake));
		lh_lake_close(&lake);
		if (rc)
			return rc;
		if (days == 0)
			return usage_error("%s", "expire: give --older-than DURATION or --keep-last N (no "
			                         "tenant policy sets retention_days)");
		fprintf(stderr, "expire: keeping %lld days of history (the longest retention_days of "
		        "the tenants' policies)\n", (long long)days);
		secs = days * 86400;
		snprintf(sql, sizeof sql,
		         "FROM ducklake_expire_snapshots('lake', older_than => now() - INTERVAL '%lld "
		         "seconds', dry_run => %s)",
		         secs, f.dry_run ? "true" : "false");
	} else if (f.older_than) {
		if (!cli_parse_duration(f.older_than, &secs))
			return usage_error("expire: '%s' is not a duration (e.g. 30m, 12h, 7d, 2w)",
			                   f.older_than);
		snprintf(sql, sizeof sql,
		         "FROM ducklake_expire_snapshots('lake', older_than => now() - INTERVAL '%lld "
		         "seconds', dry_run => %s)",
		         secs, f.dry_run ? "true" : "false");
	} else {
		if (sscanf(f.keep_last, "%lld", &keep) != 1 || keep < 1)
			return usage_error("expire: --keep-last needs a number >= 1, not '%s'", f.keep_last);
		snprintf(sql, sizeof sql,
		         "FROM ducklake_expire_snapshots('lake', keep_last => %lld, dry_run => %s)", keep,
		         f.dry_run ? "true" : "false");
	}
	tally t = {0};
	rc = run_report(o, sql, f.verbose || f.dry_run, &t);
	if (rc || o->format != CLI_TABLE)
		return rc;
	char b[32];
	cli_human_bytes(t.bytes[3], b, sizeof b);
	printf("%s %lld snapshots; %lld files (%s) %s needed%s\n",
	       f.dry_run ? "would expire" : "expired", (long long)t.count[2], (long long)t.count[3], b,
	       f.dry_run ? "would no longer be" : "are no longer",
	       t.count[3] && !f.dry_run ? ": `lakehouse cleanup` deletes them" : "");
	return 0;
}

static int cmd_cleanup(const opts *o)
{
	flags f = {0};
	int rc = parse_flags("cleanup", o, &f, false);
	if (rc)
		return rc;
	if (f.keep_last || f.max_files)
		return usage_error("%s", "cleanup takes --older-than, --dry-run and --verbose");
	char age[128] = "";
	long long secs = 3600;
	if (f.older_than && !cli_parse_duration(f.older_than, &secs))
		return usage_error("cleanup: '%s' is not a duration (e.g. 0, 30m, 12h, 7d)",
		                   f.older_than);
	if (secs == 0)
		snprintf(age, sizeof age, "cleanup_all => true");
	else
		snprintf(age, sizeof age, "older_than => now() - INTERVAL '%lld seconds'", secs);
	char sql[768];
	snprintf(sql, sizeof sql,
	         "FROM ducklake_cleanup_old_files('lake', %s, dry_run => %s) UNION ALL FROM "
	         "ducklake_delete_orphaned_files('lake', %s, dry_run => %s)",
	         age, f.dry_run ? "true" : "false", age, f.dry_run ? "true" : "false");
	tally t = {0};
	rc = run_report(o, sql, f.verbose || f.dry_run, &t);
	if (rc || o->format != CLI_TABLE)
		return rc;
	char b[32];
	cli_human_bytes(t.bytes[4] + t.bytes[5], b, sizeof b);
	printf("%s %lld files (%s): %lld no snapshot needs, %lld orphans of failed writes\n",
	       f.dry_run ? "would delete" : "deleted", (long long)(t.count[4] + t.count[5]), b,
	       (long long)t.count[4], (long long)t.count[5]);
	return 0;
}

static int cmd_optimize(const opts *o)
{
	flags f = {0};
	int rc = parse_flags("optimize", o, &f, true);
	if (rc)
		return rc;
	if (!f.table)
		return usage_error("%s", "optimize: which table? lakehouse optimize TABLE --for random-access");
	if (!f.layout || strcmp(f.layout, "random-access") != 0)
		return usage_error("optimize: --for %s is not a layout; the one there is: --for random-access",
		                   f.layout ? f.layout : "(missing)");
	if (f.older_than || f.keep_last || f.dry_run || f.max_files)
		return usage_error("%s", "optimize takes TABLE, --for and --verbose");
	char *table = sql_string(f.table);
	if (!table)
		return fail("out of memory");
	char sql[1024];
	snprintf(sql, sizeof sql, "FROM lakehouse_optimize('lake', %s, layout => 'random-access')", table);
	free(table);
	tally t = {0};
	rc = run_report(o, sql, f.verbose, &t);
	if (rc || o->format != CLI_TABLE)
		return rc;
	char a[32], b[32];
	cli_human_bytes(t.bytes[0], a, sizeof a);
	cli_human_bytes(t.bytes[1], b, sizeof b);
	printf("rewrote %lld files (%s) as %lld in the random-access layout (%s)\n",
	       (long long)t.count[0], a, (long long)t.count[1], b);
	return 0;
}

static int cmd_migrate(const opts *o)
{
	const char *to = NULL;
	for (int i = 0; i < o->nargs; i++) {
		if (strcmp(o->args[i], "--to") == 0 && i + 1 < o->nargs)
			to = o->args[++i];
		else if (strncmp(o->args[i], "--to=", 5) == 0)
			to = o->args[i] + 5;
		else
			return usage_error("migrate: unexpected argument '%s' (only --to VERSION)", o->args[i]);
	}
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	char from[8];
	snprintf(from, sizeof from, "%s", lh_lake_ducklake_version(lake));
	if (lh_lake_migrate(lake, to) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if (strcmp(from, lh_lake_ducklake_version(lake)) == 0)
		printf("the catalog is DuckLake %s already; nothing to do\n", from);
	else
		printf("migrated the catalog from DuckLake %s to %s\n", from,
		       lh_lake_ducklake_version(lake));
	lh_lake_close(&lake);
	return rc;
}

int cli_maint(const char *command, const opts *o)
{
	if (strcmp(command, "migrate") == 0)
		return cmd_migrate(o);
	if (strcmp(command, "compact") == 0)
		return cmd_compact(o);
	if (strcmp(command, "optimize") == 0)
		return cmd_optimize(o);
	if (strcmp(command, "expire") == 0)
		return cmd_expire(o);
	return cmd_cleanup(o);
}
