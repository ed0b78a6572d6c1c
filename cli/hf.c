/*
 * cli/hf.c - `lakehouse hf pull` and `lakehouse hf push`.
 *
 * Front end: parses options, calls lh_hf_pull / lh_hf_push (lakehouse.h), prints a
 * report (or JSON with --format json) and progress on stderr.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const hf_help =
    "usage: lakehouse hf pull REPO_ID|FOLDER [--config C] [--split S] [--revision R]\n"
    "                         [--max-rows N] [--into SCHEMA.TABLE] [--key COL] [--quiet]\n"
    "       lakehouse hf push SCHEMA.TABLE REPO_ID [--private] [--revision R]\n"
    "                         [--split-column COL] [--max-shard-bytes N] [--quiet]\n"
    "\n"
    "pull lands a Hugging Face dataset (or a local folder with a dataset repo's layout) in\n"
    "a raw table, in one snapshot. Data files come from the dataset card's `configs:`,\n"
    "else data/{split}-NNNNN-of-NNNNN.parquet, else the refs/convert/parquet branch. They\n"
    "are downloaded with resume and hash checks, kept untouched under <data>landing/, and\n"
    "image/blob columns become objects <data>assets/<dataset>/<column>/<sha256>.<ext> with\n"
    "<column>_uri (relative to the data path, so the lake can move; in SQL\n"
    "lakehouse_asset_uri(<column>_uri) gives where it lives), _format, _bytes, _width and\n"
    "_height columns. Re-running adds nothing\n"
    "already landed (by the shard's SHA-256, or by --key).\n"
    "\n"
    "  --config C        the card's config (default: its default one)\n"
    "  --split S         only this split (default: all; the table gets a split column)\n"
    "  --revision R      branch, tag or commit (default main)\n"
    "  --max-rows N      land at most N rows\n"
    "  --into S.T        target table (default raw.<dataset name>)\n"
    "  --key COL         a column identifying rows: rows whose key is in the table are skipped\n"
    "\n"
    "push publishes a table as data/{split}-NNNNN-of-NNNNN.parquet shards (at most 500 MB\n"
    "each) and a README.md card with configs and features, creating the repo if needed;\n"
    "uploads go through the Hub's preupload, Git LFS and commit API, at most 50 files per\n"
    "commit, retrying commits that conflict (HTTP 409).\n"
    "\n"
    "  --split-column C  a column naming each row's split (it becomes the file names)\n"
    "  --private         create the repo private\n"
    "  --revision R      the branch to commit to (default main)\n"
    "\n"
    "The Hub is HF_ENDPOINT (default https://huggingface.co); the token is HF_TOKEN.\n"
    "  --quiet           no progress on stderr\n";

static int parse_int(const char *flag, const char *v, int64_t *out)
{
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*v == '\0' || *end || n <= 0)
		return usage_error("%s needs a positive number", flag);
	*out = n;
	return 0;
}

static void print_kv_json(bool first, const char *k, const char *v, bool is_num)
{
	printf("%s\"%s\": ", first ? "{" : ", ", k);
	if (!v)
		fputs("null", stdout);
	else if (is_num)
		fputs(v, stdout);
	else {
		putchar('"');
		for (const char *c = v; *c; c++)
			(*c == '"' || *c == '\\') ? printf("\\%c", *c) : putchar(*c);
		putchar('"');
	}
}

static int pull(const opts *o)
{
	lh_hf_pull_options po = {0};
	cli_progress_state ps = {0};
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		const char **val = !strcmp(a, "--config")     ? &po.config
		                   : !strcmp(a, "--split")    ? &po.split
		                   : !strcmp(a, "--revision") ? &po.revision
		                   : !strcmp(a, "--into")     ? &po.into
		                   : !strcmp(a, "--key")      ? &po.key
		                                              : NULL;
		if (val || !strcmp(a, "--max-rows")) {
			if (i + 1 >= o->nargs)
				return usage_error("%s needs a value", a);
			if (val)
				*val = o->args[++i];
			else if (parse_int(a, o->args[++i], &po.max_rows))
				return EXIT_USAGE;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			ps.quiet = true;
		} else if (a[0] != '-' && !po.source) {
			po.source = a;
		} else {
			return usage_error("hf pull: unexpected argument '%s'", a);
		}
	}
	if (!po.source)
		return usage_error("%s", "hf pull needs a dataset id (namespace/name) or a folder");
	po.progress = cli_progress;
	po.progress_ctx = &ps;
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_hf_pull_report rep;
	lh_status s = lh_hf_pull(lake, &po, &rep);
	cli_progress_done(&ps);
	if (s != LH_OK) {
		rc = fail(lh_lake_error(lake));
	} else if (o->format == CLI_JSON) {
		char n[8][32];
		snprintf(n[0], 32, "%lld", (long long)rep.files);
		snprintf(n[1], 32, "%lld", (long long)rep.files_landed);
		snprintf(n[2], 32, "%lld", (long long)rep.rows);
		snprintf(n[3], 32, "%lld", (long long)rep.blobs);
		snprintf(n[4], 32, "%lld", (long long)rep.blobs_stored);
		snprintf(n[5], 32, "%lld", (long long)rep.bytes_downloaded);
		snprintf(n[6], 32, "%lld", (long long)rep.snapshot);
		print_kv_json(true, "table", rep.table, false);
		print_kv_json(false, "revision", rep.revision, false);
		print_kv_json(false, "config", rep.config, false);
		print_kv_json(false, "files", n[0], true);
		print_kv_json(false, "files_landed", n[1], true);
		print_kv_json(false, "rows", n[2], true);
		print_kv_json(false, "blobs", n[3], true);
		print_kv_json(false, "blobs_stored", n[4], true);
		print_kv_json(false, "bytes_downloaded", n[5], true);
		print_kv_json(false, "snapshot", rep.snapshot ? n[6] : NULL, true);
		puts("}");
	} else if (rep.files_landed == 0) {
		printf("%s: nothing new; all %lld data files of %s (config %s, revision %.12s) were "
		       "landed before\n",
		       rep.table, (long long)rep.files, po.source, rep.config, rep.revision);
	} else {
		printf("%s: landed %lld rows from %lld of %lld data files of %s (config %s, revision "
		       "%.12s) in snapshot %lld\n",
		       rep.table, (long long)rep.rows, (long long)rep.files_landed, (long long)rep.files,
		       po.source, rep.config, rep.revision, (long long)rep.snapshot);
		printf("  downloaded %lld bytes; %lld blobs referenced, %lld new objects stored\n",
		       (long long)rep.bytes_downloaded, (long long)rep.blobs, (long long)rep.blobs_stored);
	}
	lh_hf_pull_report_clear(&rep);
	lh_lake_close(&lake);
	return rc;
}

static int push(const opts *o)
{
	lh_hf_push_options po = {0};
	cli_progress_state ps = {0};
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		const char **val = !strcmp(a, "--revision")       ? &po.revision
		                   : !strcmp(a, "--split-column") ? &po.split_column
		                                                  : NULL;
		if (val || !strcmp(a, "--max-shard-bytes")) {
			if (i + 1 >= o->nargs)
				return usage_error("%s needs a value", a);
			if (val)
				*val = o->args[++i];
			else if (parse_int(a, o->args[++i], &po.max_shard_bytes))
				return EXIT_USAGE;
		} else if (!strcmp(a, "--private")) {
			po.is_private = true;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			ps.quiet = true;
		} else if (a[0] != '-' && !po.table) {
			po.table = a;
		} else if (a[0] != '-' && !po.repo) {
			po.repo = a;
		} else {
			return usage_error("hf push: unexpected argument '%s'", a);
		}
	}
	if (!po.table || !po.repo)
		return usage_error("%s", "hf push needs SCHEMA.TABLE and REPO_ID");
	po.progress = cli_progress;
	po.progress_ctx = &ps;
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_hf_push_report rep;
	lh_status s = lh_hf_push(lake, &po, &rep);
	cli_progress_done(&ps);
	if (s != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("%s -> %s: %lld rows in %lld files (%lld bytes uploaded), %lld commit%s%s, last "
		       "%s\n",
		       po.table, po.repo, (long long)rep.rows, (long long)rep.files, (long long)rep.bytes,
		       (long long)rep.commits, rep.commits == 1 ? "" : "s",
		       rep.retries ? " (after retrying a conflicting commit)" : "", rep.commit);
	lh_hf_push_report_clear(&rep);
	lh_lake_close(&lake);
	return rc;
}

int cli_hf(const opts *o)
{
	if (o->nargs < 1)
		return usage_error("%s", "hf needs a subcommand: pull or push");
	if (!strcmp(o->args[0], "pull"))
		return pull(o);
	if (!strcmp(o->args[0], "push"))
		return push(o);
	return usage_error("unknown hf subcommand '%s' (pull or push)", o->args[0]);
}
