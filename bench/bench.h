/*
 * bench/bench.h - what the benchmark programs share: a clock, medians, giving up.
 */
#ifndef LH_BENCH_BENCH_H
#define LH_BENCH_BENCH_H

#include "lakehouse.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The median of n values (sorts them). */
static inline double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static inline void die(const char *what, const char *msg)
{
	fprintf(stderr, "bench: %s: %s\n", what, msg ? msg : "failed");
	exit(1);
}

static inline void lake_exec(lh_lake *lake, const char *sql)
{
	if (lh_lake_exec(lake, sql, NULL, NULL) != LH_OK)
		die(sql, lh_lake_error(lake));
}

/* Runs a query through the lake and reads every row; returns ms. */
static inline double lake_query_ms(lh_lake *lake, const char *sql)
{
	double t0 = now_ms();
	lh_result *r = NULL;
	if (lh_lake_query(lake, sql, &r) != LH_OK)
		die(sql, lh_lake_error(lake));
	size_t n;
	while (lh_result_next_batch(r, &n) == LH_OK && n > 0)
		;
	lh_result_destroy(&r);
	return now_ms() - t0;
}

#endif
