/*
 * bench/bench_tool.c - the in-process baseline of bench/serve.sh: the same tool call
 * the HTTP benchmark makes, through lh_tool_call on an open lake, with no HTTP.
 *
 *   bench_tool LAKE SQL SECONDS   prints calls/s, p50 and p99 in ms
 */
#include "bench.h"

#include <stdint.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 4)
		die("usage", "bench_tool LAKE SQL SECONDS");
	lh_lake *lake = NULL;
	char *err = NULL;
	if (lh_lake_open(argv[1], &lake, &err) != LH_OK || lh_lake_sandbox(lake) != LH_OK)
		die("open", err ? err : lh_lake_error(lake));
	size_t cap = 1 << 20, n = 0;
	double *lat = malloc(cap * sizeof *lat);
	char input[4096];
	snprintf(input, sizeof input, "{\"sql\": \"%s\"}", argv[2]);
	lh_tool_options to = {.struct_size = sizeof to};
	double end = now_ms() + atof(argv[3]) * 1000, t0 = now_ms();
	while (now_ms() < end && n < cap) {
		double t = now_ms();
		char *out = NULL, *e = NULL;
		if (lh_tool_call(lake, "query", input, &to, &out, &e) != LH_OK)
			die("query", e);
		lh_free(out);
		lat[n++] = now_ms() - t;
	}
	double secs = (now_ms() - t0) / 1000;
	qsort(lat, n, sizeof *lat, cmp_double);
	printf("in-process lh_tool_call(query): %.0f calls/s, p50 %.2f ms, p99 %.2f ms (%zu calls, "
	       "one thread)\n",
	       (double)n / secs, lat[n / 2], lat[(size_t)(n * 0.99)], n);
	free(lat);
	lh_lake_close(&lake);
	return 0;
}
