/*
 * bench/bench_s3.c - S3 against a real Ceph RADOS Gateway, in one run.
 *
 *   upload / download   1 GiB in 16 files of 64 MiB: our client (store/s3.c, parallel,
 *                       multipart) vs the `aws` CLI (`aws s3 cp --recursive`) on the
 *                       same server; MiB/s, median of RUNS
 *   selective query     a range filter touching one file of a 20-file table on S3:
 *                       cold cache, warm cache, vs the same lake on a local folder;
 *                       and the bytes it downloaded vs the table's size
 *   full scan           the same for an aggregate over the whole table
 *
 * The endpoint and keys come from the environment (bench/run.sh starts RGW with
 * tests/servers/s3-start.sh and exports them). Usage: bench_s3 [AWS_CLI] [rows]
 */
#include "bench.h"
#include "lakehouse.h"
#include "store/s3.h"
#include "util/fsutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RUNS 3
#define NFILES 16
#define FILE_MB 64

static void sh(const char *cmd)
{
	if (system(cmd) != 0)
		die("command failed", cmd);
}

/* --- transfers ------------------------------------------------------------------------ */

typedef struct xfer {
	lh_s3 *s3;
	const char *bucket, *prefix, *dir;
	bool up;
} xfer;

static lh_status one(void *ctx, size_t i, lh_err *err)
{
	xfer *x = ctx;
	char key[256], local[512];
	snprintf(key, sizeof key, "%sf%02zu.bin", x->prefix, i);
	snprintf(local, sizeof local, "%s/f%02zu.bin", x->dir, i);
	if (x->up)
		return lh_s3_put_file(x->s3, x->bucket, key, local, true, err);
	return lh_s3_get_file(x->s3, x->bucket, key, 0, -1, local, NULL, err);
}

static double ours(lh_s3 *s3, const char *bucket, const char *prefix, const char *dir, bool up)
{
	xfer x = {s3, bucket, prefix, dir, up};
	lh_err err = {0};
	double t0 = now_ms();
	if (lh_s3_parallel(s3, NFILES, one, &x, &err) != LH_OK)
		die(up ? "upload" : "download", lh_err_msg(&err));
	return now_ms() - t0;
}

static double theirs(const char *aws, const char *endpoint, const char *from, const char *to)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "%s --endpoint-url %s s3 cp --recursive --only-show-errors %s %s",
	         aws, endpoint, from, to);
	double t0 = now_ms();
	sh(cmd);
	return now_ms() - t0;
}

static void empty_bucket(lh_s3 *s3, const char *bucket)
{
	lh_s3_objects objs;
	lh_err err = {0};
	if (lh_s3_list(s3, bucket, "", &objs, &err) != LH_OK)
		die("list", lh_err_msg(&err));
	char **keys = calloc(objs.len + 1, sizeof *keys);
	for (size_t i = 0; i < objs.len; i++)
		keys[i] = objs.items[i].key;
	if (lh_s3_delete_many(s3, bucket, keys, objs.len, &err) != LH_OK)
		die("delete", lh_err_msg(&err));
	free(keys);
	lh_s3_objects_free(&objs);
}

static void make_bucket(lh_s3 *s3, const char *endpoint, const char *aws, const char *bucket)
{
	(void)s3;
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "%s --endpoint-url %s s3 mb s3://%s >/dev/null", aws, endpoint,
	         bucket);
	sh(cmd);
}

static void bench_transfers(const char *aws, const char *work)
{
	lh_s3_config cfg;
	lh_err err = {0};
	if (lh_s3_config_from_env(&cfg, &err) != LH_OK)
		die("S3 configuration", lh_err_msg(&err));
	lh_s3 *s3 = NULL;
	if (lh_s3_new(&cfg, &s3, &err) != LH_OK)
		die("S3 client", lh_err_msg(&err));
	char src[512], back[512], cmd[2048];
	snprintf(src, sizeof src, "%s/src", work);
	snprintf(back, sizeof back, "%s/back", work);
	snprintf(cmd, sizeof cmd, "mkdir -p %s %s && for i in $(seq -w 0 %d); do head -c %dM "
	                          "/dev/urandom > %s/f$i.bin; done",
	         src, back, NFILES - 1, FILE_MB, src);
	sh(cmd);
	make_bucket(s3, cfg.endpoint, aws, "bench-ours");
	make_bucket(s3, cfg.endpoint, aws, "bench-aws");
	double up_o[RUNS], up_a[RUNS], down_o[RUNS], down_a[RUNS];
	for (int r = 0; r < RUNS; r++) {
		/* alternate who goes first, so neither always meets a cold or warm server */
		char s3uri[256];
		snprintf(s3uri, sizeof s3uri, "s3://bench-aws/r%d/", r);
		char prefix[32];
		snprintf(prefix, sizeof prefix, "r%d/", r);
		if (r % 2 == 0) {
			up_o[r] = ours(s3, "bench-ours", prefix, src, true);
			up_a[r] = theirs(aws, cfg.endpoint, src, s3uri);
		} else {
			up_a[r] = theirs(aws, cfg.endpoint, src, s3uri);
			up_o[r] = ours(s3, "bench-ours", prefix, src, true);
		}
		sh("sync; echo 1 > /proc/sys/vm/drop_caches 2>/dev/null || true");
		if (r % 2 == 0) {
			down_o[r] = ours(s3, "bench-ours", prefix, back, false);
			snprintf(cmd, sizeof cmd, "rm -f %s/*", back);
			sh(cmd);
			down_a[r] = theirs(aws, cfg.endpoint, s3uri, back);
		} else {
			down_a[r] = theirs(aws, cfg.endpoint, s3uri, back);
			snprintf(cmd, sizeof cmd, "rm -f %s/*", back);
			sh(cmd);
			down_o[r] = ours(s3, "bench-ours", prefix, back, false);
		}
		snprintf(cmd, sizeof cmd, "cmp -s %s/f00.bin %s/f00.bin && rm -f %s/*", src, back, back);
		sh(cmd);
		empty_bucket(s3, "bench-ours");
		empty_bucket(s3, "bench-aws");
	}
	double mib = NFILES * FILE_MB;
	double uo = mib / (median(up_o, RUNS) / 1000), ua = mib / (median(up_a, RUNS) / 1000);
	double dn_o = mib / (median(down_o, RUNS) / 1000), dn_a = mib / (median(down_a, RUNS) / 1000);
	printf("| upload 1 GiB (%d x %d MiB) | %.0f MiB/s | %.0f MiB/s | %.2fx | >= 1.0x %s |\n",
	       NFILES, FILE_MB, uo, ua, uo / ua, uo >= ua ? "yes" : "NO");
	printf("| download 1 GiB (%d x %d MiB) | %.0f MiB/s | %.0f MiB/s | %.2fx | >= 1.0x %s |\n",
	       NFILES, FILE_MB, dn_o, dn_a, dn_o / dn_a, dn_o >= dn_a ? "yes" : "NO");
	fflush(stdout);
	lh_s3_free(&s3);
	lh_s3_config_clear(&cfg);
}

/* --- queries ------------------------------------------------------------------------------ */

static lh_lake *open_lake(const char *dir, const char *cache)
{
	setenv("LAKEHOUSE_CACHE_DIR", cache, 1);
	lh_lake *lake = NULL;
	char *err = NULL;
	if (lh_lake_open(dir, &lake, &err) != LH_OK)
		die(dir, err);
	return lake;
}

static int64_t table_bytes(lh_lake *lake)
{
	lh_result *r = NULL;
	if (lh_lake_catalog_query(lake,
	                          "SELECT sum(file_size_bytes) FROM ducklake_data_file WHERE "
	                          "end_snapshot IS NULL",
	                          &r) != LH_OK)
		die("catalog", lh_lake_error(lake));
	size_t n;
	int64_t b = 0;
	if (lh_result_next_batch(r, &n) == LH_OK && n > 0)
		b = atoll(lh_result_text(r, 0, 0));
	lh_result_destroy(&r);
	return b;
}

static void bench_queries(const char *work, long long rows)
{
	char fs_dir[512], s3_dir[512], cmd[1024];
	snprintf(fs_dir, sizeof fs_dir, "%s/lake-fs", work);
	snprintf(s3_dir, sizeof s3_dir, "%s/lake-s3", work);
	const char *aws = getenv("BENCH_AWS");
	snprintf(cmd, sizeof cmd, "%s --endpoint-url %s s3 mb s3://bench-lake >/dev/null", aws,
	         getenv("AWS_ENDPOINT_URL"));
	sh(cmd);
	lh_create_options fs_opts = {0}, s3_opts = {.data_path = "s3://bench-lake/lake/"};
	const char *dirs[2] = {fs_dir, s3_dir};
	const lh_create_options *opts[2] = {&fs_opts, &s3_opts};
	long long per = rows / 20;
	for (int k = 0; k < 2; k++) {
		char cache[600];
		snprintf(cache, sizeof cache, "%s/cache-load", work);
		setenv("LAKEHOUSE_CACHE_DIR", cache, 1);
		lh_lake *lake = NULL;
		char *err = NULL;
		if (lh_lake_create(dirs[k], opts[k], &lake, &err) != LH_OK)
			die(dirs[k], err);
		lake_exec(lake, "CREATE TABLE t (id BIGINT, x DOUBLE, s VARCHAR)");
		for (int f = 0; f < 20; f++) {
			char sql[512];
			snprintf(sql, sizeof sql,
			         "INSERT INTO t SELECT i, i * 0.5, 'row-' || (i %% 1000) FROM range(%lld, "
			         "%lld) r(i)",
			         f * per, (f + 1) * per);
			lake_exec(lake, sql);
		}
		lh_lake_close(&lake);
	}
	const char *sel = "SELECT count(*), sum(x) FROM t WHERE id BETWEEN 3000000 AND 3100000";
	const char *full = "SELECT count(*), sum(x), avg(length(s)) FROM t";
	const char *names[2] = {"selective (one file of 20)", "full scan"};
	const char *qs[2] = {sel, full};
	for (int q = 0; q < 2; q++) {
		double cold[RUNS], warm[RUNS], local[RUNS];
		int64_t fetched = 0;
		for (int r = 0; r < RUNS; r++) {
			char cache[600];
			snprintf(cache, sizeof cache, "%s/cache-%d-%d", work, q, r);
			lh_lake *lake = open_lake(s3_dir, cache);
			cold[r] = lake_query_ms(lake, qs[q]);
			lh_lake_fetch_stats(lake, NULL, &fetched);
			warm[r] = lake_query_ms(lake, qs[q]);
			int64_t again = 0;
			lh_lake_fetch_stats(lake, NULL, &again);
			if (again != fetched)
				die("warm query", "downloaded again");
			lh_lake_close(&lake);
			lake = open_lake(fs_dir, cache);
			lake_query_ms(lake, qs[q]); /* the same warm-up as the S3 lake had */
			local[r] = lake_query_ms(lake, qs[q]);
			lh_lake_close(&lake);
		}
		lh_lake *lake = open_lake(s3_dir, work);
		int64_t size = table_bytes(lake);
		lh_lake_close(&lake);
		double c = median(cold, RUNS), w = median(warm, RUNS), l = median(local, RUNS);
		printf("| %s: S3 cold cache | %.1f ms | %.1f ms (local) | %.2fx | downloaded %.1f MiB "
		       "of %.1f MiB (%.1f%%) |\n",
		       names[q], c, l, c / l, fetched / 1048576.0, size / 1048576.0,
		       100.0 * (double)fetched / (double)size);
		printf("| %s: S3 warm cache | %.1f ms | %.1f ms (local) | %.2fx | downloaded 0 |\n",
		       names[q], w, l, w / l);
		fflush(stdout);
	}
}

int main(int argc, char **argv)
{
	const char *aws = argc > 1 ? argv[1] : "aws";
	long long rows = argc > 2 ? atoll(argv[2]) : 10000000;
	char work[] = "/tmp/lh-bench-s3-XXXXXX";
	if (!mkdtemp(work))
		die("mkdtemp", "cannot make a work folder");
	setenv("BENCH_AWS", aws, 1);
	printf("| benchmark | lakehouse | baseline | ratio | notes |\n|---|---|---|---|---|\n");
	bench_transfers(aws, work);
	bench_queries(work, rows);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf %s", work);
	sh(cmd);
	return 0;
}
