/*
 * bench/bench_core.c - the lakehouse core against plain DuckDB, in one run.
 *
 *   ingest  CREATE TABLE ... AS SELECT of N rows (int, double, varchar) into the lake
 *           vs DuckDB writing the same query to Parquet with COPY
 *   scan    an aggregate over that table through the lake vs DuckDB over the same
 *           Parquet files with read_parquet
 *   evolved the same scan after a column rename, when files are read by field id
 *   plan    a query that reads nothing (LIMIT 0) through the lake vs DuckDB: the cost of
 *           resolving the table, building its view and binding
 *   commit  one-row INSERT, median over 200 commits (goal <= 10 ms), and the same into a
 *           table with data inlining (rows kept in the catalog)
 *
 * Each figure is the median of several runs; the ratio is ours / DuckDB's.
 * Usage: bench_core [rows] [work dir]   (defaults: 10000000, a fresh /tmp folder)
 */
#include "bench.h"
#include "lakehouse.h"

#include <duckdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RUNS 5

static double duck_ms(duckdb_connection con, const char *sql)
{
	double t0 = now_ms();
	duckdb_result r;
	if (duckdb_query(con, sql, &r) == DuckDBError)
		die(sql, duckdb_result_error(&r));
	duckdb_destroy_result(&r);
	return now_ms() - t0;
}

static void row(const char *name, double ours, double base, const char *goal)
{
	printf("| %-34s | %10.2f ms | %10.2f ms | %6.3fx | %-14s |\n", name, ours, base, ours / base,
	       goal);
}

int main(int argc, char **argv)
{
	long long rows = argc > 1 ? atoll(argv[1]) : 10000000LL;
	char dir[512];
	if (argc > 2) {
		snprintf(dir, sizeof dir, "%s", argv[2]);
	} else {
		snprintf(dir, sizeof dir, "/tmp/lh-bench-XXXXXX");
		if (!mkdtemp(dir))
			die("mkdtemp", NULL);
	}
	char lake_dir[600], base_dir[600], cmd[2048];
	snprintf(lake_dir, sizeof lake_dir, "%s/lake", dir);
	snprintf(base_dir, sizeof base_dir, "%s/duckdb", dir);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' && mkdir -p '%s'", lake_dir, base_dir, base_dir);
	if (system(cmd) != 0)
		die("prepare folders", cmd);

	char query[512];
	snprintf(query, sizeof query,
	         "SELECT range AS id, range * 1.5 AS price, 'item-' || (range %% 100000) AS name, "
	         "(range %% 97)::INTEGER AS qty FROM range(%lld)",
	         rows);

	lh_lake *lake = NULL;
	char *err = NULL;
	if (lh_lake_create(lake_dir, NULL, &lake, &err) != LH_OK)
		die("create lake", err);
	duckdb_database db;
	duckdb_connection con;
	if (duckdb_open(NULL, &db) == DuckDBError || duckdb_connect(db, &con) == DuckDBError)
		die("duckdb", NULL);

	/* --- ingest ---------------------------------------------------------------- */
	double ours[RUNS], base[RUNS];
	char sql[2048];
	for (int i = 0; i < RUNS; i++) {
		snprintf(sql, sizeof sql, "CREATE TABLE big%d AS %s", i, query);
		double t0 = now_ms();
		lake_exec(lake, sql);
		ours[i] = now_ms() - t0;
		snprintf(sql, sizeof sql, "COPY (%s) TO '%s/big%d.parquet' (FORMAT parquet)", query,
		         base_dir, i);
		base[i] = duck_ms(con, sql);
	}
	double ingest_ours = median(ours, RUNS), ingest_base = median(base, RUNS);

	/* --- scan: the lake's own files, read by DuckDB directly --------------------- */
	const char *agg = "SELECT count(*), sum(price), avg(qty), min(name), max(id) FROM ";
	snprintf(sql, sizeof sql, "%s big0", agg);
	char direct[2048];
	snprintf(direct, sizeof direct, "%s read_parquet('%s/data/main/big0/*.parquet')", agg,
	         lake_dir);
	lake_query_ms(lake, sql); /* warm the page cache for both */
	duck_ms(con, direct);
	for (int i = 0; i < RUNS; i++) {
		ours[i] = lake_query_ms(lake, sql);
		base[i] = duck_ms(con, direct);
	}
	double scan_ours = median(ours, RUNS), scan_base = median(base, RUNS);

	/* --- scan after a schema change: files are then read by field id ----------------- */
	lake_exec(lake, "ALTER TABLE big1 RENAME COLUMN qty TO quantity");
	snprintf(sql, sizeof sql,
	         "SELECT count(*), sum(price), avg(quantity), min(name), max(id) FROM big1");
	snprintf(direct, sizeof direct, "%s read_parquet('%s/data/main/big1/*.parquet')", agg,
	         lake_dir);
	lake_query_ms(lake, sql);
	duck_ms(con, direct);
	for (int i = 0; i < RUNS; i++) {
		ours[i] = lake_query_ms(lake, sql);
		base[i] = duck_ms(con, direct);
	}
	double evolved_ours = median(ours, RUNS), evolved_base = median(base, RUNS);

	/* --- plan ------------------------------------------------------------------------ */
	double p_ours[21], p_base[21];
	snprintf(direct, sizeof direct, "SELECT * FROM read_parquet('%s/data/main/big0/*.parquet') "
	         "LIMIT 0", lake_dir);
	for (int i = 0; i < 21; i++) {
		p_ours[i] = lake_query_ms(lake, "SELECT * FROM big0 LIMIT 0");
		p_base[i] = duck_ms(con, direct);
	}
	double plan_ours = median(p_ours, 21), plan_base = median(p_base, 21);

	/* --- commit latency ------------------------------------------------------------- */
	lake_exec(lake, "CREATE TABLE events (id INTEGER, note VARCHAR)");
	duck_ms(con, "CREATE TABLE events (id INTEGER, note VARCHAR)");
	double c_ours[200], c_base[200];
	for (int i = 0; i < 200; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO events VALUES (%d, 'event %d')", i, i);
		double t0 = now_ms();
		lake_exec(lake, sql);
		c_ours[i] = now_ms() - t0;
		c_base[i] = duck_ms(con, sql);
	}
	double commit_ours = median(c_ours, 200), commit_base = median(c_base, 200);
	qsort(c_ours, 200, sizeof *c_ours, cmp_double);

	/* --- the same commits into a table with data inlining: rows kept in the catalog,
	 * no Parquet file, no fsync of a data file ------------------------------------------ */
	lake_exec(lake, "CREATE TABLE events_inl (id INTEGER, note VARCHAR); CALL "
	                "lake.set_option('data_inlining_row_limit', 10, table_name => 'events_inl')");
	duck_ms(con, "CREATE TABLE events_inl (id INTEGER, note VARCHAR)");
	double i_ours[200], i_base[200];
	for (int i = 0; i < 200; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO events_inl VALUES (%d, 'event %d')", i, i);
		double t0 = now_ms();
		lake_exec(lake, sql);
		i_ours[i] = now_ms() - t0;
		i_base[i] = duck_ms(con, sql);
	}
	double inl_ours = median(i_ours, 200), inl_base = median(i_base, 200);
	qsort(i_ours, 200, sizeof *i_ours, cmp_double);

	printf("rows: %lld, runs: %d (medians), work dir: %s\n\n", rows, RUNS, dir);
	printf("| %-34s | %13s | %13s | %7s | %-14s |\n", "benchmark", "lakehouse", "DuckDB", "ratio",
	       "goal");
	printf("|%s|%s|%s|%s|%s|\n", "------------------------------------", "---------------",
	       "---------------", "---------", "----------------");
	row("ingest: CTAS vs COPY to Parquet", ingest_ours, ingest_base, "<= 1.10x");
	row("scan: aggregate vs read_parquet", scan_ours, scan_base, "<= 1.05x");
	row("scan after RENAME COLUMN (by id)", evolved_ours, evolved_base, "<= 1.05x");
	row("plan: LIMIT 0 vs read_parquet", plan_ours, plan_base, "<= 5 ms");
	row("commit: 1-row INSERT (median)", commit_ours, commit_base, "<= 10 ms");
	row("commit: 1-row INSERT, inlined", inl_ours, inl_base, "< 4.35 ms");
	printf("\ncommit latency p90 %.2f ms, max %.2f ms (DuckDB's baseline is an in-memory "
	       "table: no file, no catalog, no fsync)\n",
	       c_ours[179], c_ours[199]);
	printf("inlined commit latency p90 %.2f ms, max %.2f ms; inlined / Parquet commit: %.2fx\n",
	       i_ours[179], i_ours[199], inl_ours / commit_ours);

	lh_lake_close(&lake);
	duckdb_disconnect(&con);
	duckdb_close(&db);
	if (argc <= 2) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			return 1;
	}
	return 0;
}
