/*
 * cli/verify.c - `lakehouse verify [TABLE] [--snapshot N]`: check every file the lake
 * references against its recorded size and checksum.
 *
 * Front end: lh_lake_verify does the work (lakehouse.h only); this prints the damaged
 * files with the tables and snapshots they break, and exits 1 when any is damaged.
 */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const verify_help =
    "usage: lakehouse verify [TABLE] [--snapshot N] [--verbose]\n"
    "\n"
    "Checks every file the lake references: the data and delete files of every retained\n"
    "snapshot (of TABLE only, at snapshot N only, when given) and the media objects under\n"
    "assets/. Each file's size is compared with the catalog and its whole content with the\n"
    "checksum (XXH3-64) recorded when the lake wrote it. Prints each damaged file with the\n"
    "table and the snapshots it breaks, and exits 1 when any file is damaged (missing,\n"
    "wrong size, or wrong checksum). Files written before checksums were recorded, or by\n"
    "DuckDB's ducklake, are counted as \"no checksum recorded\" (their size is checked).\n"
    "On S3, objects the cache lacks are downloaded (and checked on the way in).\n"
    "\n"
    "Queries check less, to stay fast: a download from S3 into the cache is checked\n"
    "against size and checksum every time; a local folder is read in place, so only\n"
    "`verify` reads the whole of each file.\n"
    "\n"
    "  --snapshot N    only the files snapshot N reads\n"
    "  -v, --verbose   also list the files without a recorded checksum\n";

static void print_problem(const lh_verify_file *f)
{
	printf("%s %s file %s: %s\n", f->damaged ? "DAMAGED" : "unchecked", f->kind, f->path,
	       f->problem);
	if (f->tables && *f->tables)
		printf("    table %s, snapshots %s\n", f->tables, f->snapshots);
}

int cli_verify(const opts *o)
{
	const char *table = NULL;
	long long snapshot = -1;
	bool verbose = false;
	for (int i = 0; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (strcmp(a, "--snapshot") == 0) {
			if (i + 1 >= o->nargs)
				return usage_error("%s needs a value", "--snapshot");
			char *end;
			errno = 0;
			snapshot = strtoll(o->args[++i], &end, 10);
			if (errno || *end || end == o->args[i] || snapshot < 0)
				return usage_error("verify: --snapshot must be a snapshot id, not '%s'",
				                   o->args[i]);
		} else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
			verbose = true;
		} else if (a[0] != '-' && !table) {
			table = a;
		} else {
			return usage_error("verify: unexpected argument '%s'", a);
		}
	}
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_verify_report rep;
	if (lh_lake_verify(lake, table, snapshot, &rep) != LH_OK) {
		rc = fail(lh_lake_error(lake));
		lh_lake_close(&lake);
		return rc;
	}
	for (size_t i = 0; i < rep.nproblems; i++)
		if (rep.problems[i].damaged || verbose)
			print_problem(&rep.problems[i]);
	char bytes[32];
	cli_human_bytes(rep.bytes, bytes, sizeof bytes);
	printf("checked %" PRId64 " files (%s read): %" PRId64 " ok, %" PRId64 " damaged, %" PRId64
	       " without a recorded checksum%s\n",
	       rep.files, bytes, rep.ok, rep.damaged, rep.unrecorded,
	       rep.unrecorded && !verbose ? " (--verbose lists them)" : "");
	if (rep.damaged) {
		fprintf(stderr, "Error: %" PRId64 " damaged file%s: restore %s from a backup, or roll the "
		        "tables back (`lakehouse rollback`) to a snapshot that does not read %s\n",
		        rep.damaged, rep.damaged == 1 ? "" : "s", rep.damaged == 1 ? "it" : "them",
		        rep.damaged == 1 ? "it" : "them");
		rc = 1;
	}
	lh_verify_report_clear(&rep);
	lh_lake_close(&lake);
	return rc;
}
