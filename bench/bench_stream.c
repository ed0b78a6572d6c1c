/*
 * bench/bench_stream.c - training streams (lh_stream_*) against DuckDB's own Arrow export
 * of the same rows, in one process, one run.
 *
 *   baseline  lh_lake_query_arrow("SELECT id, x, s FROM t"): DuckDB executes the scan and
 *             exports its chunks as Arrow (duckdb_data_chunk_to_arrow)
 *   none      a stream in table order
 *   block     the default block shuffle (windows of 65,536 rows over a seeded file order)
 *   global    an exact permutation of all rows; rows are read by position, file by file
 *
 * The consumer is the same C loop for all: it takes each Arrow batch and sums the
 * doubles and string lengths, so every buffer is touched. Rows/s and MB/s (Arrow bytes
 * of the values: 8 + 8 + string length per row); the ratio is ours / DuckDB's. A mode
 * too slow to finish in GLOBAL_SECONDS is measured over the rows it read by then.
 * Usage: bench_stream [rows] [work dir]   (defaults: 10000000, a fresh /tmp folder)
 */
#include "bench.h"
#include "lakehouse.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FILES 10
#define TIME_CAP_MS 60000.0

typedef struct tally {
	int64_t rows;
	int64_t bytes;
	double checksum;
} tally;

static void consume(const struct ArrowArray *a, tally *t)
{
	const struct ArrowArray *x = a->children[1], *s = a->children[2];
	const double *xv = x->buffers[1];
	const int32_t *off = s->buffers[1];
	for (int64_t i = 0; i < a->length; i++) {
		t->checksum += xv[x->offset + i];
		int32_t len = off[s->offset + i + 1] - off[s->offset + i];
		t->checksum += len;
		t->bytes += 16 + len;
	}
	t->rows += a->length;
}

static double baseline(lh_lake *lake, tally *t)
{
	double t0 = now_ms();
	struct ArrowArrayStream st;
	if (lh_lake_query_arrow(lake, "SELECT id, x, s FROM t", &st) != LH_OK)
		die("arrow export", lh_lake_error(lake));
	for (;;) {
		struct ArrowArray a;
		if (st.get_next(&st, &a) != 0)
			die("arrow export", st.get_last_error(&st));
		if (!a.release)
			break;
		consume(&a, t);
		a.release(&a);
	}
	st.release(&st);
	return now_ms() - t0;
}

static double stream(lh_lake *lake, const char *mode, tally *t, int64_t *total)
{
	const char *cols[] = {"id", "x", "s"};
	lh_stream_options o = {.shuffle = mode, .seed = 1, .columns = cols, .ncolumns = 3,
	                       .batch_size = 2048,
	                       .block_size = getenv("BENCH_BLOCK") ? strtoull(getenv("BENCH_BLOCK"), NULL, 10) : 0,
	                       .prefetch = getenv("BENCH_PREFETCH") ? atoi(getenv("BENCH_PREFETCH")) : 0};
	lh_stream *s = NULL;
	char *err = NULL;
	double t0 = now_ms();
	if (lh_stream_open(lake, "t", &o, &s, &err) != LH_OK)
		die("lh_stream_open", err);
	*total = lh_stream_total(s);
	for (;;) {
		struct ArrowArray a;
		if (lh_stream_next(s, &a) != LH_OK)
			die("lh_stream_next", lh_stream_error(s));
		if (!a.release)
			break;
		consume(&a, t);
		a.release(&a);
		if (now_ms() - t0 > TIME_CAP_MS)
			break;
	}
	lh_stream_close(&s);
	return now_ms() - t0;
}

static void report(const char *name, const tally *t, double ms, double base_rps, int64_t total)
{
	double rps = (double)t->rows / (ms / 1e3);
	printf("| %-28s | %12.0f rows/s | %8.1f MB/s | %6.3fx |%s\n", name, rps,
	       (double)t->bytes / 1e6 / (ms / 1e3), rps / base_rps,
	       t->rows < total ? " (over the rows read in the time cap)" : "");
}

int main(int argc, char **argv)
{
	long long rows = argc > 1 ? atoll(argv[1]) : 10000000LL;
	char dir[512], lake_dir[600], cmd[1300];
	if (argc > 2) {
		snprintf(dir, sizeof dir, "%s", argv[2]);
	} else {
		snprintf(dir, sizeof dir, "/tmp/lh-bench-stream-XXXXXX");
		if (!mkdtemp(dir))
			die("mkdtemp", NULL);
	}
	snprintf(lake_dir, sizeof lake_dir, "%s/lake", dir);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", lake_dir);
	if (system(cmd) != 0)
		die("prepare folder", cmd);
	lh_lake *lake = NULL;
	char *err = NULL;
	if (lh_lake_create(lake_dir, NULL, &lake, &err) != LH_OK)
		die("create lake", err);
	lake_exec(lake, "CREATE TABLE t (id BIGINT, x DOUBLE, s VARCHAR)");
	for (int f = 0; f < FILES; f++) {
		char sql[512];
		long long lo = rows * f / FILES, hi = rows * (f + 1) / FILES;
		snprintf(sql, sizeof sql,
		         "INSERT INTO t SELECT range, range * 0.5, 'caption number ' || range || ' of "
		         "the benchmark' FROM range(%lld, %lld)",
		         lo, hi);
		lake_exec(lake, sql);
	}
	printf("\nstreams: %lld rows (id BIGINT, x DOUBLE, s VARCHAR) in %d files, batches of 2048\n",
	       rows, FILES);
	printf("| %-28s | %19s | %13s | %7s |\n", "", "rows/s", "MB/s", "ratio");
	tally warm = {0};
	baseline(lake, &warm); /* the page cache is warm for everyone */
	tally b = {0};
	double bms = baseline(lake, &b);
	double base_rps = (double)b.rows / (bms / 1e3);
	report("DuckDB Arrow export", &b, bms, base_rps, b.rows);
	static const char *const modes[] = {"none", "block", "global"};
	int nmodes = getenv("BENCH_NO_GLOBAL") ? 2 : 3;
	const char *only = getenv("BENCH_MODES"); /* e.g. "none,global" */
	for (int m = 0; m < nmodes; m++) {
		if (only && !strstr(only, modes[m]))
			continue;
		tally t = {0};
		int64_t total = 0;
		double ms = stream(lake, modes[m], &t, &total);
		char name[64];
		snprintf(name, sizeof name, "stream, shuffle %s", modes[m]);
		report(name, &t, ms, base_rps, total);
		if (t.rows == total && t.checksum != b.checksum)
			die(name, "the stream's rows differ from the export's");
	}
	lh_lake_close(&lake);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (argc <= 2 && system(cmd) != 0)
		die("clean up", cmd);
	return 0;
}
