/*
 * cli/version.c - lakehouse version put | list | get | latest: versioned artifact
 * folders (datasets/<name>/vN/, checkpoints/<name>/vN/). `lakehouse version` alone
 * prints the program's versions (main.c).
 *
 * Front end over lh_version_* and lh_registry_query.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const version_help =
        "usage: lakehouse version                      the program's versions\n"
        "       lakehouse version put DIR NAME [--kind dataset|checkpoint] [--meta K=V]... "
        "[--quiet]\n"
        "       lakehouse version list [NAME]\n"
        "       lakehouse version get NAME vN DIR [--quiet]\n"
        "       lakehouse version latest NAME\n"
        "\n"
        "Versioned artifact folders under the lake's data path (a folder or S3):\n"
        "datasets/NAME/vN/ or checkpoints/NAME/vN/, never overwritten.\n"
        "\n"
        "  put      uploads DIR's files into the next free vN/ and records, in one snapshot,\n"
        "           a manifest (path, size, sha256, etag) in registry.artifact_files and the\n"
        "           version in registry.artifact_versions (event lakehouse.dataset.versioned);\n"
        "           writes wandb_manifest.json beside the files: the manifest W&B records for\n"
        "           artifact.add_reference of them (digest = ETag). Racing puts of a NAME get\n"
        "           different versions; a failed put leaves no version. Prints vN last.\n"
        "  list     every version (of NAME): files, bytes, meta, where\n"
        "  get      writes version vN of NAME into DIR (made if missing; existing files are\n"
        "           never overwritten), checking every file's size and SHA-256\n"
        "  latest   prints the highest version of NAME (vN)\n"
        "\n"
        "  --kind K     dataset (default) or checkpoint\n"
        "  --meta K=V   a key and value recorded with the version (repeatable)\n"
        "  --quiet      no progress on stderr\n";

/* "v3" or "3" -> 3 */
static bool parse_version(const char *s, long long *out)
{
	if (s[0] == 'v' || s[0] == 'V')
		s++;
	char *end;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return !errno && end != s && !*end && *out > 0;
}

static int version_put(const opts *o)
{
	const char *dir = NULL, *name = NULL;
	lh_version_options vo = {.struct_size = sizeof vo};
	cli_progress_state ps = {0};
	const char **keys = calloc((size_t)o->nargs + 1, sizeof *keys);
	const char **values = calloc((size_t)o->nargs + 1, sizeof *values);
	char **owned = calloc((size_t)o->nargs + 1, sizeof *owned);
	int rc = keys && values && owned ? 0 : fail("out of memory");
	for (int i = 1; !rc && i < o->nargs; i++) {
		const char *a = o->args[i];
		if (!strcmp(a, "--kind") && i + 1 < o->nargs) {
			vo.kind = o->args[++i];
		} else if (!strcmp(a, "--meta") && i + 1 < o->nargs) {
			const char *kv = o->args[++i], *eq = strchr(kv, '=');
			if (!eq || eq == kv)
				rc = usage_error("version put: --meta takes KEY=VALUE, not '%s'",
				                 kv);
			else if (!(owned[vo.nmeta] = strndup(kv, (size_t)(eq - kv))))
				rc = fail("out of memory");
			else {
				keys[vo.nmeta] = owned[vo.nmeta];
				values[vo.nmeta++] = eq + 1;
			}
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			ps.quiet = true;
		} else if (a[0] == '-') {
			rc = usage_error("version put: unknown option or missing value '%s'", a);
		} else if (!dir) {
			dir = a;
		} else if (!name) {
			name = a;
		} else {
			rc = usage_error("version put: unexpected argument '%s'", a);
		}
	}
	if (!rc && (!dir || !name))
		rc = usage_error(
		        "%s",
		        "version put: expected DIR and NAME (lakehouse version put DIR NAME)");
	vo.meta_keys = keys;
	vo.meta_values = values;
	vo.progress = cli_progress;
	vo.progress_ctx = &ps;
	lh_lake *lake = NULL;
	if (!rc)
		rc = open_lake(o, &lake);
	lh_version_report rep = {0};
	if (!rc && lh_version_put(lake, dir, name, &vo, &rep) != LH_OK) {
		cli_progress_done(&ps);
		rc = fail(lh_lake_error(lake));
	} else if (!rc) {
		cli_progress_done(&ps);
		char human[32];
		cli_human_bytes(rep.bytes, human, sizeof human);
		printf("%s v%lld: %lld files, %s in %s (snapshot %lld)\nmanifest: %s\nv%lld\n",
		       name, (long long)rep.version, (long long)rep.files, human, rep.uri,
		       (long long)rep.snapshot, rep.manifest_uri, (long long)rep.version);
	}
	lh_version_report_clear(&rep);
	lh_lake_close(&lake);
	for (size_t i = 0; owned && i < vo.nmeta; i++)
		free(owned[i]);
	free(owned);
	free(keys);
	free(values);
	return rc;
}

static int version_get(const opts *o)
{
	const char *pos[3] = {0};
	int npos = 0;
	cli_progress_state ps = {0};
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
			ps.quiet = true;
		else if (a[0] == '-')
			return usage_error("version get: unknown option '%s'", a);
		else if (npos < 3)
			pos[npos++] = a;
		else
			return usage_error("version get: unexpected argument '%s'", a);
	}
	if (npos != 3)
		return usage_error(
		        "%s",
		        "version get: expected NAME vN DIR (lakehouse version get NAME v1 DIR)");
	long long v;
	if (!parse_version(pos[1], &v))
		return usage_error("version get: '%s' is not a version (v1, v2, ...)", pos[1]);
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_version_options vo = {
	        .struct_size = sizeof vo, .progress = cli_progress, .progress_ctx = &ps};
	lh_version_report rep = {0};
	lh_status st = lh_version_get(lake, pos[0], v, pos[2], &vo, &rep);
	cli_progress_done(&ps);
	if (st != LH_OK)
		rc = fail(lh_lake_error(lake));
	else {
		char human[32];
		cli_human_bytes(rep.bytes, human, sizeof human);
		printf("%s v%lld: %lld files, %s written to %s; every checksum matches\n", pos[0],
		       v, (long long)rep.files, human, pos[2]);
	}
	lh_version_report_clear(&rep);
	lh_lake_close(&lake);
	return rc;
}

int cli_version_cmd(const opts *o)
{
	const char *sub = o->args[0];
	if (!strcmp(sub, "put"))
		return version_put(o);
	if (!strcmp(sub, "get"))
		return version_get(o);
	bool list = !strcmp(sub, "list"), latest = !strcmp(sub, "latest");
	if (!list && !latest)
		return usage_error("version: expected put, list, get or latest, not '%s'", sub);
	if (o->nargs > 2 || (latest && o->nargs != 2))
		return usage_error("%s", latest ? "version latest: expected NAME alone"
		                                : "version list: expected at most a NAME");
	const char *name = o->nargs == 2 ? o->args[1] : NULL;
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	int64_t v = 0;
	lh_result *r = NULL;
	lh_status st;
	if (latest && lh_version_latest(lake, name, &v) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if (latest)
		printf("v%lld\n", (long long)v);
	else if (lh_registry_query(lake, LH_REGISTRY_VERSIONS, name, &r) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if ((st = cli_print_result(stdout, r, o->format, 1000000)) != LH_OK)
		rc = fail_status("cannot read the result", st);
	lh_result_destroy(&r);
	lh_lake_close(&lake);
	return rc;
}
