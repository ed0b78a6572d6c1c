/*
 * fuzz/fuzz_lake.h - a small lake for the targets that need one (the MCP and HTTP
 * handlers): made once per process in a temporary folder, with a table of rows, a
 * token, and removed at exit.
 */
#ifndef LH_FUZZ_LAKE_H
#define LH_FUZZ_LAKE_H

#include "fuzz.h"
#include "lakehouse.h"

#include <ftw.h>
#include <unistd.h>

static char fuzz_lake_dir[64];

static int fuzz_rm(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void fuzz_lake_remove(void)
{
	if (fuzz_lake_dir[0])
		nftw(fuzz_lake_dir, fuzz_rm, 16, FTW_DEPTH | FTW_PHYS);
}

/* The lake's folder ("<tmp>/lake"), made on first call; *token gets a read-write token. */
static const char *fuzz_lake(char **token)
{
	static char lake[96];
	static char *tok;
	if (!lake[0]) {
		const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		snprintf(fuzz_lake_dir, sizeof fuzz_lake_dir, "%s/lh-fuzz-XXXXXX", tmp);
		FUZZ_CHECK(mkdtemp(fuzz_lake_dir) != NULL);
		atexit(fuzz_lake_remove);
		snprintf(lake, sizeof lake, "%s/lake", fuzz_lake_dir);
		lh_lake *l = NULL;
		char *err = NULL;
		FUZZ_CHECK(lh_lake_create(lake, NULL, &l, &err) == LH_OK);
		FUZZ_CHECK(lh_lake_exec(l, "CREATE TABLE t AS SELECT range AS id, 'row ' || range AS s "
		                           "FROM range(20)", NULL, NULL) == LH_OK);
		FUZZ_CHECK(lh_token_create(l, "fuzz", LH_TOKEN_READ_WRITE, 0, &tok) == LH_OK);
		lh_lake_close(&l);
	}
	if (token)
		*token = tok;
	return lake;
}

#endif
