/* tests/egress/test_pqread.c - our Parquet reader (egress/pqread.c) against DuckDB: files
 * DuckDB writes in the random-access layout read back value for value at random rows
 * (NULLs, text, BLOBs, booleans, every fixed width, several row groups); files in other
 * shapes say "not readable"; damaged files fail as corrupt, never as wrong values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <duckdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "egress/pqread.h"

#define ROWS 5000

static char dir[64];

static void sql(duckdb_connection con, const char *q)
{
	duckdb_result r;
	if (duckdb_query(con, q, &r) == DuckDBError)
		fail_msg("%s: %s", q, duckdb_result_error(&r));
	duckdb_destroy_result(&r);
}

static int setup(void **state)
{
	duckdb_database db;
	duckdb_connection con;
	snprintf(dir, sizeof dir, "/tmp/lh-pqread-XXXXXX");
	if (!mkdtemp(dir) || duckdb_open(NULL, &db) == DuckDBError || duckdb_connect(db, &con) == DuckDBError)
		return -1;
	char q[2048];
	const char *rows =
	    "SELECT range::BIGINT AS id, CASE WHEN range % 7 = 0 THEN NULL ELSE range::INTEGER * 3 END "
	    "AS i, (range * 0.25)::DOUBLE AS d, range::FLOAT / 2 AS f, range % 3 = 0 AS b, CASE WHEN range % 11 "
	    "= 0 THEN NULL ELSE 'row ' || range || repeat('x', (range % 40)::INTEGER) END AS s, "
	    "('\\x01\\x02'::BLOB || range::VARCHAR::BLOB) AS bl FROM range(" "5000" ")";
	snprintf(q, sizeof q,
	         "COPY (%s) TO '%s/ra.parquet' (FORMAT parquet, COMPRESSION uncompressed, "
	         "ROW_GROUP_SIZE 2048, DICTIONARY_SIZE_LIMIT 1, FIELD_IDS {id: 1, i: 2, d: 3, f: 4, "
	         "b: 5, s: 6, bl: 7})",
	         rows, dir);
	sql(con, q);
	snprintf(q, sizeof q, "COPY (%s) TO '%s/default.parquet' (FORMAT parquet)", rows, dir);
	sql(con, q);
	duckdb_disconnect(&con);
	duckdb_close(&db);
	(void)state;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static lh_pq *open_file(const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	lh_pq *pq = NULL;
	lh_err err = {0};
	if (lh_pq_open(path, &pq, &err) != LH_OK)
		fail_msg("%s", err.msg);
	return pq;
}

static void values_match_duckdb(void **state)
{
	(void)state;
	lh_pq *pq = open_file("ra.parquet");
	assert_int_equal(lh_pq_rows(pq), ROWS);
	ptrdiff_t c[8];
	for (int k = 1; k <= 7; k++) {
		c[k] = lh_pq_column(pq, k);
		assert_true(c[k] >= 0);
		assert_true(lh_pq_readable(pq, (size_t)c[k]));
	}
	assert_int_equal(lh_pq_column(pq, 99), -1);
	assert_int_equal(lh_pq_column_type(pq, (size_t)c[6]), LH_PQ_BYTE_ARRAY);
	lh_err err = {0};
	for (int64_t step = 0; step < 3000; step++) {
		int64_t row = (step * 7919) % ROWS; /* all over the file, row groups revisited */
		lh_pq_value v;
		assert_int_equal(lh_pq_get(pq, (size_t)c[1], row, &v, &err), LH_OK);
		int64_t id;
		memcpy(&id, v.data, 8);
		assert_int_equal(id, row);
		assert_int_equal(lh_pq_get(pq, (size_t)c[2], row, &v, &err), LH_OK);
		if (row % 7 == 0) {
			assert_true(v.null);
		} else {
			int32_t i;
			memcpy(&i, v.data, 4);
			assert_int_equal(i, row * 3);
		}
		assert_int_equal(lh_pq_get(pq, (size_t)c[3], row, &v, &err), LH_OK);
		double d;
		memcpy(&d, v.data, 8);
		assert_true(d == row * 0.25);
		assert_int_equal(lh_pq_get(pq, (size_t)c[4], row, &v, &err), LH_OK);
		float f;
		memcpy(&f, v.data, 4);
		assert_true(f == (float)row / 2);
		assert_int_equal(lh_pq_get(pq, (size_t)c[5], row, &v, &err), LH_OK);
		assert_int_equal(v.data[0], row % 3 == 0);
		assert_int_equal(lh_pq_get(pq, (size_t)c[6], row, &v, &err), LH_OK);
		if (row % 11 == 0) {
			assert_true(v.null);
		} else {
			char want[128];
			int n = snprintf(want, sizeof want, "row %lld", (long long)row);
			for (int x = 0; x < row % 40; x++)
				want[n++] = 'x';
			assert_int_equal(v.len, n);
			assert_memory_equal(v.data, want, (size_t)n);
		}
		assert_int_equal(lh_pq_get(pq, (size_t)c[7], row, &v, &err), LH_OK);
		char want[32];
		int n = snprintf(want, sizeof want, "\x01\x02%lld", (long long)row);
		assert_int_equal(v.len, n);
		assert_memory_equal(v.data, want, (size_t)n);
	}
	lh_pq_value v;
	assert_int_equal(lh_pq_get(pq, (size_t)c[1], ROWS, &v, &err), LH_ERR_INVALID);
	lh_err_clear(&err);
	lh_pq_close(&pq);
	assert_null(pq);
}

static void other_layouts_are_not_readable(void **state)
{
	(void)state;
	lh_pq *pq = open_file("default.parquet"); /* snappy, dictionaries */
	bool any = false;
	for (size_t c = 0; c < 7; c++)
		any = any || lh_pq_readable(pq, c);
	assert_false(any);
	lh_pq_close(&pq);
}

static void damaged_files_are_corrupt(void **state)
{
	(void)state;
	char src[128], dst[128], cmd[600];
	snprintf(src, sizeof src, "%s/ra.parquet", dir);
	snprintf(dst, sizeof dst, "%s/cut.parquet", dir);
	/* the footer cut off */
	snprintf(cmd, sizeof cmd, "head -c 3000 '%s' > '%s'", src, dst);
	assert_int_equal(system(cmd), 0);
	lh_pq *pq = NULL;
	lh_err err = {0};
	assert_int_equal(lh_pq_open(dst, &pq, &err), LH_ERR_CORRUPT);
	assert_null(pq);
	lh_err_clear(&err);
	/* a page header overwritten: the page index refuses it when first needed */
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && printf '\\377\\377\\377\\377\\377\\377' | "
	                          "dd of='%s' bs=1 seek=4 conv=notrunc 2>/dev/null",
	         src, dst, dst);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(lh_pq_open(dst, &pq, &err), LH_OK);
	lh_pq_value v;
	lh_status st = lh_pq_get(pq, (size_t)lh_pq_column(pq, 1), 5, &v, &err);
	assert_int_equal(st, LH_ERR_CORRUPT);
	lh_err_clear(&err);
	lh_pq_close(&pq);
	/* not Parquet at all */
	snprintf(cmd, sizeof cmd, "head -c 100 /dev/zero > '%s'", dst);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(lh_pq_open(dst, &pq, &err), LH_ERR_CORRUPT);
	lh_err_clear(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(values_match_duckdb),
	    cmocka_unit_test(other_layouts_are_not_readable),
	    cmocka_unit_test(damaged_files_are_corrupt),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
