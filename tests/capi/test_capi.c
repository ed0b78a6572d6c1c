/* tests/capi/test_capi.c - the public C API end to end: lakes, SQL, results, Arrow,
 * snapshots, rollback, errors and ownership (run under ASan for leaks). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lakehouse.h"

typedef struct fixture {
	char tmp[256]; /* the temporary folder */
	char dir[300]; /* the lake inside it */
	lh_lake *lake;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	snprintf(f->tmp, sizeof f->tmp, "/tmp/lh-capi-XXXXXX");
	if (!mkdtemp(f->tmp))
		return -1;
	snprintf(f->dir, sizeof f->dir, "%s/lake", f->tmp);
	char *err = NULL;
	if (lh_lake_create(f->dir, NULL, &f->lake, &err) != LH_OK) {
		fprintf(stderr, "%s\n", err);
		lh_free(err);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	lh_lake_close(&f->lake);
	assert_null(f->lake);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static void exec_ok(lh_lake *lake, const char *sql)
{
	lh_status st = lh_lake_exec(lake, sql, NULL, NULL);
	if (st != LH_OK)
		fail_msg("%s: %s", sql, lh_lake_error(lake));
}

static void query_rows_and_types(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE TABLE t (id INT, name VARCHAR, score DOUBLE, tags VARCHAR[]);"
	                 "INSERT INTO t SELECT range, 'n' || range, range / 2, ['a'] FROM range(5000)");
	lh_result *r = NULL;
	assert_int_equal(lh_lake_query(f->lake, "SELECT * FROM t ORDER BY id", &r), LH_OK);
	assert_int_equal(lh_result_column_count(r), 4);
	assert_string_equal(lh_result_column_name(r, 1), "name");
	assert_string_equal(lh_result_column_type(r, 0), "INTEGER");
	assert_string_equal(lh_result_column_type(r, 3), "VARCHAR[]");
	assert_null(lh_result_column_name(r, 9));
	size_t n, total = 0;
	double sum = 0;
	while (lh_result_next_batch(r, &n) == LH_OK && n > 0) {
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(lh_result_int64(r, 0, i), (int64_t)(total + i));
			sum += lh_result_double(r, 2, i);
		}
		if (total == 0) {
			assert_string_equal(lh_result_text(r, 1, 0), "n0");
			assert_string_equal(lh_result_text(r, 3, 0), "[a]");
		}
		total += n;
	}
	assert_int_equal(total, 5000);
	assert_true(sum > 6248000 && sum < 6250000);
	lh_result_destroy(&r);
	assert_null(r);
	lh_result_destroy(NULL);
}

static void nulls_and_json_render(void **state)
{
	fixture *f = *state;
	lh_result *r = NULL;
	lh_lake_set_render(f->lake, LH_RENDER_JSON);
	assert_int_equal(lh_lake_query(f->lake, "SELECT NULL AS a, 'x' AS b, {'k': [1]} AS c", &r),
	                 LH_OK);
	size_t n;
	assert_int_equal(lh_result_next_batch(r, &n), LH_OK);
	assert_int_equal(n, 1);
	assert_null(lh_result_text(r, 0, 0));
	assert_string_equal(lh_result_text(r, 1, 0), "\"x\"");
	assert_string_equal(lh_result_text(r, 2, 0), "{\"k\":[1]}");
	lh_result_destroy(&r);
	lh_lake_set_render(f->lake, LH_RENDER_TEXT);
}

typedef struct seen {
	size_t statements;
	size_t with_columns;
} seen;

static lh_status count_cb(void *ctx, size_t index, const char *statement, lh_result *r)
{
	seen *s = ctx;
	assert_int_equal(index, s->statements);
	assert_non_null(statement);
	s->statements++;
	s->with_columns += lh_result_column_count(r) > 0;
	return LH_OK;
}

static lh_status stop_cb(void *ctx, size_t index, const char *statement, lh_result *r)
{
	(void)ctx, (void)statement, (void)r;
	return index == 1 ? LH_ERR_INVALID : LH_OK;
}

static void exec_callbacks_and_stops(void **state)
{
	fixture *f = *state;
	seen s = {0};
	assert_int_equal(lh_lake_exec(f->lake, "CREATE TABLE u (a INT); INSERT INTO u VALUES (1); "
	                                       "SELECT * FROM u",
	                              count_cb, &s),
	                 LH_OK);
	assert_int_equal(s.statements, 3);
	assert_int_equal(s.with_columns, 2); /* INSERT returns Count, SELECT its rows */
	assert_int_equal(lh_lake_exec(f->lake, "SELECT 1; SELECT 2; SELECT 3", stop_cb, NULL),
	                 LH_ERR_INVALID);
}

static void errors_are_on_the_lake(void **state)
{
	fixture *f = *state;
	lh_result *r = NULL;
	assert_int_equal(lh_lake_query(f->lake, "SELECT * FROM nope", &r), LH_ERR_NOT_FOUND);
	assert_null(r);
	assert_non_null(strstr(lh_lake_error(f->lake), "nope"));
	assert_int_equal(lh_lake_query(f->lake, "SELEC 1", &r), LH_ERR_SYNTAX);
	exec_ok(f->lake, "SELECT 1");
	assert_string_equal(lh_lake_error(f->lake), "");
	assert_string_equal(lh_strerror(LH_ERR_SYNTAX), "syntax error");
}

static void open_errors(void **state)
{
	(void)state;
	lh_lake *lake = (lh_lake *)0x1;
	char *err = NULL;
	assert_int_equal(lh_lake_open("/nonexistent/lake", &lake, &err), LH_ERR_NOT_FOUND);
	assert_null(lake);
	assert_non_null(strstr(err, "no lake at"));
	lh_free(err);
	lh_lake_close(NULL);
	lh_lake_close(&lake);
}

static void arrow_stream_exports_native_types(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE TABLE a (id BIGINT, name VARCHAR, v DOUBLE);"
	                 "INSERT INTO a SELECT range, 'x' || range, range * 1.5 FROM range(3000)");
	struct ArrowArrayStream s;
	assert_int_equal(lh_lake_query_arrow(f->lake, "SELECT * FROM a ORDER BY id", &s), LH_OK);
	/* the stream borrows the lake */
	assert_int_equal(lh_lake_exec(f->lake, "SELECT 1", NULL, NULL), LH_ERR_INVALID);
	struct ArrowSchema schema;
	assert_int_equal(s.get_schema(&s, &schema), 0);
	assert_string_equal(schema.format, "+s");
	assert_int_equal(schema.n_children, 3);
	assert_string_equal(schema.children[0]->format, "l");
	assert_string_equal(schema.children[0]->name, "id");
	assert_string_equal(schema.children[2]->format, "g");
	schema.release(&schema);
	int64_t rows = 0, sum = 0;
	for (;;) {
		struct ArrowArray arr;
		assert_int_equal(s.get_next(&s, &arr), 0);
		if (!arr.release)
			break;
		assert_int_equal(arr.n_children, 3);
		const int64_t *ids = arr.children[0]->buffers[1];
		for (int64_t i = 0; i < arr.length; i++)
			sum += ids[i + arr.children[0]->offset];
		rows += arr.length;
		arr.release(&arr);
	}
	assert_int_equal(rows, 3000);
	assert_int_equal(sum, 2999 * 3000 / 2);
	s.release(&s);
	assert_null(s.release);
	exec_ok(f->lake, "SELECT 1");
}

static void snapshots_and_rollback(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE TABLE r (a INT); INSERT INTO r VALUES (1); INSERT INTO r VALUES (2)");
	lh_snapshot_list *l = NULL;
	assert_int_equal(lh_lake_snapshots(f->lake, &l), LH_OK);
	size_t n = lh_snapshots_count(l);
	assert_true(n >= 4);
	const lh_snapshot *last = lh_snapshots_get(l, n - 1);
	assert_string_equal(last->changes, "inserted_into_table:1");
	assert_int_equal(lh_snapshots_get(l, 0)->snapshot_id, 0);
	assert_null(lh_snapshots_get(l, n));
	int64_t version = last->snapshot_id - 1;
	lh_snapshots_destroy(&l);
	assert_null(l);
	int64_t snap = -1;
	assert_int_equal(lh_lake_rollback(f->lake, "main.r", version, &snap), LH_OK);
	assert_int_equal(snap, version + 2);
	lh_result *r = NULL;
	assert_int_equal(lh_lake_query(f->lake, "SELECT count(*) FROM r", &r), LH_OK);
	size_t rows;
	lh_result_next_batch(r, &rows);
	assert_int_equal(lh_result_int64(r, 0, 0), 1);
	lh_result_destroy(&r);
	assert_int_equal(lh_lake_rollback(f->lake, "main.nope", version, &snap), LH_ERR_NOT_FOUND);
}

static void params_are_values_never_sql(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE TABLE p (id BIGINT, name VARCHAR, score DOUBLE, ok BOOLEAN, raw BLOB)");
	const char *hostile = "x'); DROP TABLE p; --";
	lh_value row[] = {
	    {.type = LH_VALUE_INT64, .i = INT64_MIN},
	    {.type = LH_VALUE_TEXT, .data = hostile, .len = strlen(hostile)},
	    {.type = LH_VALUE_DOUBLE, .d = 0.1},
	    {.type = LH_VALUE_BOOL, .b = true},
	    {.type = LH_VALUE_BLOB, .data = "\0\x01'\xff", .len = 4},
	};
	assert_int_equal(lh_lake_exec_params(f->lake, "INSERT INTO p VALUES (?, ?, ?, ?, ?)", row, 5,
	                                     NULL, NULL),
	                 LH_OK);
	lh_value two[] = {{.type = LH_VALUE_TEXT, .data = "it's", .len = 4}, {.type = LH_VALUE_NULL}};
	assert_int_equal(lh_lake_exec_params(f->lake, "INSERT INTO p (name, score) VALUES ($1, $2)",
	                                     two, 2, NULL, NULL),
	                 LH_OK);
	/* the values come back exactly; a placeholder inside a string is text */
	lh_value key = {.type = LH_VALUE_TEXT, .data = hostile, .len = strlen(hostile)};
	lh_result *r = NULL;
	assert_int_equal(lh_lake_query_params(f->lake,
	                                      "SELECT id, score, ok, hex(raw), '?' AS q FROM p "
	                                      "WHERE name = ? -- ? in a comment",
	                                      &key, 1, &r),
	                 LH_OK);
	size_t n = 0;
	assert_int_equal(lh_result_next_batch(r, &n), LH_OK);
	assert_int_equal(n, 1);
	assert_string_equal(lh_result_text(r, 0, 0), "-9223372036854775808");
	assert_string_equal(lh_result_text(r, 1, 0), "0.1");
	assert_string_equal(lh_result_text(r, 2, 0), "true");
	assert_string_equal(lh_result_text(r, 3, 0), "000127FF");
	assert_string_equal(lh_result_text(r, 4, 0), "?");
	lh_result_destroy(&r);
	lh_value it = {.type = LH_VALUE_TEXT, .data = "it's", .len = 4};
	assert_int_equal(lh_lake_query_params(f->lake, "SELECT count(*) FROM p WHERE name = ?1 AND score IS NULL",
	                                      &it, 1, &r),
	                 LH_OK);
	assert_int_equal(lh_result_next_batch(r, &n), LH_OK);
	assert_string_equal(lh_result_text(r, 0, 0), "1");
	lh_result_destroy(&r);
	/* wrong counts, mixed styles and bad text run nothing */
	int64_t before = 0;
	assert_int_equal(lh_lake_query(f->lake, "SELECT count(*) FROM ducklake_snapshots('lake')", &r), LH_OK);
	assert_int_equal(lh_result_next_batch(r, &n), LH_OK);
	before = lh_result_int64(r, 0, 0);
	lh_result_destroy(&r);
	lh_value bad_utf8 = {.type = LH_VALUE_TEXT, .data = "\xc3\x28", .len = 2};
	struct {
		const char *sql;
		const lh_value *v;
		size_t n;
		const char *says;
	} cases[] = {
	    {"INSERT INTO p (id) VALUES (?)", row, 2, "1 placeholders but 2"},
	    {"INSERT INTO p (id, name) VALUES (?, ?)", row, 1, "more placeholders"},
	    {"INSERT INTO p (id) VALUES (1)", row, 1, "no placeholder"},
	    {"INSERT INTO p (id, score) VALUES ($1, ?)", row, 3, "not both"},
	    {"INSERT INTO p (id) VALUES ($4)", row, 2, "$4"},
	    {"INSERT INTO p (name) VALUES (?)", &bad_utf8, 1, "UTF-8"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(lh_lake_exec_params(f->lake, cases[i].sql, cases[i].v, cases[i].n, NULL, NULL),
		                 LH_ERR_INVALID);
		if (!strstr(lh_lake_error(f->lake), cases[i].says))
			fail_msg("%s: %s", cases[i].sql, lh_lake_error(f->lake));
	}
	assert_int_equal(lh_lake_query(f->lake, "SELECT count(*) FROM ducklake_snapshots('lake')", &r), LH_OK);
	assert_int_equal(lh_result_next_batch(r, &n), LH_OK);
	assert_int_equal(lh_result_int64(r, 0, 0), before);
	lh_result_destroy(&r);
}

static void take_by_row_id(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE TABLE t AS SELECT range AS a FROM range(6); DELETE FROM t WHERE a = 3");
	int64_t ids[] = {4, 0, 4};
	const char *cols[] = {"a"};
	lh_result *r = NULL;
	assert_int_equal(lh_lake_take(f->lake, "t", ids, 3, cols, 1, -1, &r), LH_OK);
	size_t n = 0;
	assert_int_equal(lh_result_next_batch(r, &n), LH_OK);
	assert_int_equal(n, 3);
	assert_string_equal(lh_result_text(r, 0, 0), "4");
	assert_string_equal(lh_result_text(r, 0, 1), "0");
	assert_string_equal(lh_result_text(r, 0, 2), "4");
	lh_result_destroy(&r);
	int64_t gone[] = {2, 3};
	assert_int_equal(lh_lake_take(f->lake, "t", gone, 2, NULL, 0, -1, &r), LH_ERR_NOT_FOUND);
	assert_null(r);
	assert_non_null(strstr(lh_lake_error(f->lake), "(3)"));
	assert_int_equal(lh_lake_take(f->lake, "no such", gone, 1, NULL, 0, -1, &r), LH_ERR_INVALID);
}

static void option_structs_are_sized(void **state)
{
	(void)state;
	char tmp[] = "/tmp/lh-capi-size-XXXXXX";
	assert_non_null(mkdtemp(tmp));
	char dir[64];
	snprintf(dir, sizeof dir, "%s/lake", tmp);
	/* a caller built against a newer header: refused, nothing made */
	lh_create_options newer = {.struct_size = sizeof(lh_create_options) + 8};
	lh_lake *lake = NULL;
	char *err = NULL;
	assert_int_equal(lh_lake_create(dir, &newer, &lake, &err), LH_ERR_INVALID);
	assert_null(lake);
	assert_non_null(err);
	assert_non_null(strstr(err, "lh_create_options.struct_size"));
	lh_free(err);
	assert_int_equal(access(dir, F_OK), -1);
	/* its own size, or 0 */
	lh_create_options same = {.struct_size = sizeof same};
	assert_int_equal(lh_lake_create(dir, &same, &lake, NULL), LH_OK);
	lh_hf_pull_options po = {.struct_size = 1, .source = "x/y"};
	lh_hf_pull_report rep;
	assert_int_equal(lh_hf_pull(lake, &po, &rep), LH_ERR_INVALID);
	assert_non_null(strstr(lh_lake_error(lake), "lh_hf_pull_options.struct_size is 1"));
	lh_lake_close(&lake);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	assert_int_equal(system(cmd), 0);
}

static void reopen_sees_everything(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE SCHEMA s; CREATE TABLE s.x AS SELECT 7 AS seven");
	lh_lake_close(&f->lake);
	char *err = NULL;
	assert_int_equal(lh_lake_open(f->dir, &f->lake, &err), LH_OK);
	lh_result *r = NULL;
	assert_int_equal(lh_lake_query(f->lake, "SELECT seven FROM lake.s.x", &r), LH_OK);
	size_t n;
	lh_result_next_batch(r, &n);
	assert_string_equal(lh_result_text(r, 0, 0), "7");
	lh_result_destroy(&r);
	assert_string_equal(lh_duckdb_version(), "v1.4.4");
	assert_string_equal(lh_version(), LH_VERSION);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(query_rows_and_types, setup, teardown),
	    cmocka_unit_test_setup_teardown(nulls_and_json_render, setup, teardown),
	    cmocka_unit_test_setup_teardown(exec_callbacks_and_stops, setup, teardown),
	    cmocka_unit_test_setup_teardown(errors_are_on_the_lake, setup, teardown),
	    cmocka_unit_test(open_errors),
	    cmocka_unit_test_setup_teardown(arrow_stream_exports_native_types, setup, teardown),
	    cmocka_unit_test_setup_teardown(snapshots_and_rollback, setup, teardown),
	    cmocka_unit_test_setup_teardown(reopen_sees_everything, setup, teardown),
	    cmocka_unit_test_setup_teardown(params_are_values_never_sql, setup, teardown),
	    cmocka_unit_test(option_structs_are_sized),
	    cmocka_unit_test_setup_teardown(take_by_row_id, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
