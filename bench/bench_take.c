/*
 * bench/bench_take.c - random access: rows by row id in batches of 256, against DuckDB and
 * Lance, in one run, warm page cache.
 *
 *   (a) all columns of an N-row table (id BIGINT, x DOUBLE, s VARCHAR; default 10 M)
 *   (b) a 50 K-row table of ~20 KiB BLOBs
 *
 * For each: DuckDB's read_parquet with a file_row_number IN (...) filter, file by file, on
 * the lake's default files (the way to read rows by position in plain DuckDB); lh_take on
 * the same default files; lh_take after `lakehouse optimize --for random-access`; and
 * Lance (npm @lancedb/lancedb's takeOffsets, bench/lance/take.mjs) on the same data
 * written as a Lance table. Every reader takes the same 256 distinct random rows per
 * batch (one xorshift, the same in take.mjs). Rows/s; the ratio is ours / Lance's.
 * Usage: bench_take [rows_a] [rows_b] [work dir]   (node and bench/lance/node_modules
 * needed: bench/run.sh installs them)
 */
#include "bench.h"
#include "lakehouse.h"

#include <duckdb.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TAKE 256
#define CAP_MS 15000.0

static uint64_t xs_state;

static uint64_t xs_next(uint64_t rows)
{
	xs_state ^= xs_state << 13;
	xs_state ^= xs_state >> 7;
	xs_state ^= xs_state << 17;
	return xs_state % rows;
}

/* 256 distinct ids (the order drawn). */
static void draw(int64_t *ids, uint64_t rows)
{
	for (int k = 0; k < TAKE;) {
		int64_t id = (int64_t)xs_next(rows);
		bool dup = false;
		for (int j = 0; j < k && !dup; j++)
			dup = ids[j] == id;
		if (!dup)
			ids[k++] = id;
	}
}

typedef struct datafile {
	char path[1024];
	int64_t start, count;
} datafile;

/* The table's live data files (path, row_id_start, record_count) from the catalog. */
static size_t data_files(lh_lake *lake, const char *dir, const char *table, datafile *out, size_t max)
{
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT f.path, f.row_id_start, f.record_count FROM ducklake_data_file f JOIN "
	         "ducklake_table t USING (table_id) WHERE t.table_name = '%s' AND f.end_snapshot IS "
	         "NULL AND t.end_snapshot IS NULL ORDER BY f.row_id_start",
	         table);
	lh_result *r = NULL;
	if (lh_lake_catalog_query(lake, sql, &r) != LH_OK)
		die("catalog", lh_lake_error(lake));
	size_t n = 0, rows;
	while (lh_result_next_batch(r, &rows) == LH_OK && rows)
		for (size_t i = 0; i < rows && n < max; i++, n++) {
			snprintf(out[n].path, sizeof out[n].path, "%s/lake/data/main/%s/%s", dir, table,
			         lh_result_text(r, 0, i));
			out[n].start = lh_result_int64(r, 1, i);
			out[n].count = lh_result_int64(r, 2, i);
		}
	lh_result_destroy(&r);
	return n;
}

/* Plain DuckDB: the batch's rows, one read_parquet per file they are in. */
static int64_t duckdb_batch(duckdb_connection con, const datafile *files, size_t nfiles,
                            const int64_t *ids)
{
	int64_t got = 0;
	for (size_t f = 0; f < nfiles; f++) {
		char sql[16384];
		int len = snprintf(sql, sizeof sql,
		                   "SELECT * FROM read_parquet('%s', file_row_number = true) WHERE "
		                   "file_row_number IN (",
		                   files[f].path);
		int any = 0;
		for (int k = 0; k < TAKE; k++)
			if (ids[k] >= files[f].start && ids[k] < files[f].start + files[f].count)
				len += snprintf(sql + len, sizeof sql - (size_t)len, "%s%" PRId64, any++ ? "," : "",
				                ids[k] - files[f].start);
		if (!any)
			continue;
		snprintf(sql + len, sizeof sql - (size_t)len, ")");
		duckdb_result r;
		if (duckdb_query(con, sql, &r) == DuckDBError)
			die("read_parquet", duckdb_result_error(&r));
		got += (int64_t)duckdb_row_count(&r);
		duckdb_destroy_result(&r);
	}
	return got;
}

static double duckdb_rate(lh_lake *lake, const char *dir, const char *table, uint64_t rows,
                          uint64_t seed)
{
	datafile files[64];
	size_t nfiles = data_files(lake, dir, table, files, 64);
	duckdb_database db;
	duckdb_connection con;
	if (duckdb_open(NULL, &db) == DuckDBError || duckdb_connect(db, &con) == DuckDBError)
		die("duckdb", "cannot open");
	int64_t ids[TAKE], got = 0;
	xs_state = seed | 1;
	draw(ids, rows);
	duckdb_batch(con, files, nfiles, ids); /* warm */
	double t0 = now_ms();
	while (now_ms() - t0 < CAP_MS) {
		draw(ids, rows);
		int64_t n = duckdb_batch(con, files, nfiles, ids);
		if (n != TAKE)
			die("read_parquet", "a batch lacks rows");
		got += n;
	}
	double rate = (double)got / ((now_ms() - t0) / 1e3);
	duckdb_disconnect(&con);
	duckdb_close(&db);
	return rate;
}

static double take_rate(lh_lake *lake, const char *table, uint64_t rows, uint64_t seed, int batches)
{
	lh_taker *t = NULL;
	char *err = NULL;
	if (lh_taker_open(lake, table, NULL, 0, 0, &t, &err) != LH_OK)
		die("lh_taker_open", err);
	int64_t ids[TAKE], got = 0;
	xs_state = seed | 1;
	for (int b = 0; b < 20; b++) { /* warm, as take.mjs does */
		draw(ids, rows);
		struct ArrowArray a;
		if (lh_take(t, ids, TAKE, &a) != LH_OK)
			die("lh_take", lh_taker_error(t));
		a.release(&a);
	}
	xs_state = seed | 1;
	double t0 = now_ms();
	for (int b = 0; b < batches && now_ms() - t0 < CAP_MS; b++) {
		draw(ids, rows);
		struct ArrowArray a;
		if (lh_take(t, ids, TAKE, &a) != LH_OK)
			die("lh_take", lh_taker_error(t));
		got += a.length;
		a.release(&a);
	}
	double rate = (double)got / ((now_ms() - t0) / 1e3);
	lh_taker_close(&t);
	return rate;
}

static double lance_rate(const char *dir, char kind, uint64_t rows, int batches, uint64_t seed)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "cd '%s/lance' && node take.mjs '%s/lance' %c %" PRIu64 " %d %" PRIu64,
	         BENCH_SOURCE_DIR, dir, kind, rows, batches, seed);
	FILE *p = popen(cmd, "r");
	double rate = -1;
	char line[256];
	while (p && fgets(line, sizeof line, p))
		if (sscanf(line, "lance %lf", &rate) == 1)
			break;
	if (!p || pclose(p) != 0 || rate < 0)
		die("Lance", "bench/lance/take.mjs failed (node and `npm ci` in bench/lance needed)");
	return rate;
}

static void report(const char *what, double rate, double lance)
{
	printf("| %-48s | %10.0f rows/s | %7.2fx |\n", what, rate, rate / lance);
}

static void measure(lh_lake *lake, const char *dir, const char *table, char kind, uint64_t rows,
                    const char *title)
{
	const uint64_t seed = 7;
	int batches = 400;
	printf("\n%s, batches of %d random row ids\n", title, TAKE);
	printf("| %-48s | %17s | %8s |\n", "", "rows/s", "vs Lance");
	double lance = lance_rate(dir, kind, rows, batches, seed);
	report("Lance takeOffsets (npm @lancedb/lancedb 0.31.0)", lance, lance);
	report("DuckDB read_parquet, file_row_number IN (...)", duckdb_rate(lake, dir, table, rows, seed), lance);
	report("lh_take, default files", take_rate(lake, table, rows, seed, batches), lance);
	char sql[256];
	snprintf(sql, sizeof sql, "FROM lakehouse_optimize('lake', '%s', layout => 'random-access')", table);
	double t0 = now_ms();
	lh_result *r = NULL;
	if (lh_lake_query(lake, sql, &r) != LH_OK)
		die("optimize", lh_lake_error(lake));
	lh_result_destroy(&r);
	printf("(optimize --for random-access: %.1f s)\n", (now_ms() - t0) / 1e3);
	report("lh_take, after optimize --for random-access", take_rate(lake, table, rows, seed, batches),
	       lance);
}

int main(int argc, char **argv)
{
	uint64_t rows_a = argc > 1 ? strtoull(argv[1], NULL, 10) : 10000000ULL;
	uint64_t rows_b = argc > 2 ? strtoull(argv[2], NULL, 10) : 50000ULL;
	char dir[512], cmd[1300];
	if (argc > 3) {
		snprintf(dir, sizeof dir, "%s", argv[3]);
	} else {
		snprintf(dir, sizeof dir, "/tmp/lh-bench-take-XXXXXX");
		if (!mkdtemp(dir))
			die("mkdtemp", NULL);
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s/lake' '%s/lance'", dir, dir);
	if (system(cmd) != 0)
		die("prepare folder", cmd);
	char lake_dir[600];
	snprintf(lake_dir, sizeof lake_dir, "%s/lake", dir);
	lh_lake *lake = NULL;
	char *err = NULL;
	if (lh_lake_create(lake_dir, NULL, &lake, &err) != LH_OK)
		die("create lake", err);
	lake_exec(lake, "CREATE TABLE a (id BIGINT, x DOUBLE, s VARCHAR)");
	for (int f = 0; f < 10; f++) {
		char sql[512];
		snprintf(sql, sizeof sql,
		         "INSERT INTO a SELECT range, range * 0.5, 'caption number ' || range || ' of the "
		         "benchmark' FROM range(%" PRIu64 ", %" PRIu64 ")",
		         rows_a * (uint64_t)f / 10, rows_a * (uint64_t)(f + 1) / 10);
		lake_exec(lake, sql);
	}
	lake_exec(lake, "CREATE TABLE b (id BIGINT, blob BLOB)");
	for (uint64_t lo = 0; lo < rows_b; lo += 5000) {
		char sql[512];
		snprintf(sql, sizeof sql,
		         "INSERT INTO b SELECT range, repeat(md5(range::VARCHAR), 640)::BLOB FROM "
		         "range(%" PRIu64 ", %" PRIu64 ")",
		         lo, lo + 5000 < rows_b ? lo + 5000 : rows_b);
		lake_exec(lake, sql);
	}
	char title[128];
	snprintf(title, sizeof title, "take (a): all columns of a %" PRIu64 "-row table", rows_a);
	measure(lake, dir, "a", 'a', rows_a, title);
	snprintf(title, sizeof title, "take (b): a %" PRIu64 "-row table of 20 KiB BLOBs", rows_b);
	measure(lake, dir, "b", 'b', rows_b, title);
	lh_lake_close(&lake);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (argc <= 3 && system(cmd) != 0)
		die("clean up", cmd);
	return 0;
}
