/*
 * bench/bench_history.c - the timing half of bench/history.py: does the cost of a
 * statement grow with the lake's history?
 *
 * Given two lakes with the same live data, one fresh and one with a long retained
 * history (bench/history.py builds them), times on each:
 *   open     opening the lake (reads the catalog state at the latest snapshot)
 *   plan     a point query (`WHERE id = k`, one row): resolve, prune, view, bind, run
 *   scan     count(*) over the whole table
 *   commit   a one-row INSERT (then the next statement sees it)
 * and prints history / fresh. Goal: every ratio <= 2.
 * Usage: bench_history FRESH_LAKE HISTORY_LAKE ROWS
 */
#include "bench.h"

#include <string.h>

#define N 21

typedef struct figures {
	double open, plan, scan, commit;
} figures;

static figures measure(const char *dir, long long rows)
{
	figures f;
	double t[N];
	lh_lake *lake = NULL;
	for (int i = 0; i < 3; i++) {
		char *err = NULL;
		double t0 = now_ms();
		if (lh_lake_open(dir, &lake, &err) != LH_OK)
			die(dir, err);
		t[i] = now_ms() - t0;
		if (i < 2)
			lh_lake_close(&lake);
	}
	f.open = median(t, 3);
	char sql[256];
	for (int i = 0; i < N; i++) {
		snprintf(sql, sizeof sql, "SELECT * FROM t WHERE id = %lld", (rows / N) * i + 7);
		t[i] = lake_query_ms(lake, sql);
	}
	f.plan = median(t, N);
	for (int i = 0; i < 5; i++)
		t[i] = lake_query_ms(lake, "SELECT count(*) FROM t");
	f.scan = median(t, 5);
	for (int i = 0; i < N; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO t VALUES (%lld, 'new')", rows + i);
		double t0 = now_ms();
		lake_exec(lake, sql);
		t[i] = now_ms() - t0;
	}
	f.commit = median(t, N);
	lh_lake_close(&lake);
	return f;
}

static void row(const char *name, double ours, double base)
{
	printf("| %-38s | %10.2f ms | %10.2f ms | %6.2fx | %-7s |\n", name, ours, base, ours / base,
	       ours / base <= 2.0 ? "<= 2x" : "OVER 2x");
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_history FRESH_LAKE HISTORY_LAKE ROWS\n");
		return 2;
	}
	long long rows = atoll(argv[3]);
	figures fresh = measure(argv[1], rows);
	figures hist = measure(argv[2], rows);
	printf("\n| %-38s | %13s | %13s | %7s | %-7s |\n", "medians", "long history", "fresh lake",
	       "ratio", "goal");
	printf("|----------------------------------------|---------------|---------------|---------|"
	       "---------|\n");
	row("open the lake", hist.open, fresh.open);
	row("plan+run a point query (1 row)", hist.plan, fresh.plan);
	row("scan: count(*) of the table", hist.scan, fresh.scan);
	row("commit: 1-row INSERT", hist.commit, fresh.commit);
	return 0;
}
