/* tests/capi/test_capi.c - the public C API end to end: lakes, SQL, results, Arrow,
 * snapshots, rollback, errors and ownership (run under ASan for leaks). */
#include <dirent.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdbool.h>
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
			assert_int_equal(lh_result_text_length(r, 1, 0), 2);
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
	assert_int_equal(lh_result_text_length(r, 0, 0), 0);
	assert_string_equal(lh_result_text(r, 1, 0), "\"x\"");
	assert_string_equal(lh_result_text(r, 2, 0), "{\"k\":[1]}");
	lh_result_destroy(&r);
	lh_lake_set_render(f->lake, LH_RENDER_TEXT);
	/* a text holding a NUL byte: its length says where it ends */
	assert_int_equal(lh_lake_query(f->lake, "SELECT 'goo' || chr(0) || 'se' AS s", &r), LH_OK);
	assert_int_equal(lh_result_next_batch(r, &n), LH_OK);
	assert_int_equal(lh_result_text_length(r, 0, 0), 6);
	assert_memory_equal(lh_result_text(r, 0, 0), "goo\0se", 7);
	assert_int_equal(lh_result_text_length(r, 5, 0), 0);
	lh_result_destroy(&r);
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

/* --- training streams ------------------------------------------------------------------- */

#define MAX_IDS 4096

/* Every id (column 0, BIGINT) of a stream's batches, in order; fails on a stream error. */
static size_t stream_ids(lh_stream *s, int64_t *out)
{
	size_t n = 0;
	int64_t before = lh_stream_delivered(s);
	for (;;) {
		struct ArrowArray a;
		lh_status st = lh_stream_next(s, &a);
		if (st != LH_OK)
			fail_msg("lh_stream_next: %s", lh_stream_error(s));
		if (!a.release)
			break;
		assert_true(a.length <= 2048);
		const struct ArrowArray *c = a.children[0];
		const int64_t *v = c->buffers[1];
		for (int64_t i = 0; i < a.length; i++) {
			assert_true(n < MAX_IDS);
			out[n++] = v[c->offset + i];
		}
		a.release(&a);
	}
	assert_int_equal(before + (int64_t)n, lh_stream_delivered(s));
	return n;
}

static lh_stream *open_stream(lh_lake *lake, const char *table, const lh_stream_options *o)
{
	lh_stream *s = NULL;
	char *err = NULL;
	lh_status st = lh_stream_open(lake, table, o, &s, &err);
	if (st != LH_OK)
		fail_msg("lh_stream_open: %s", err ? err : "?");
	return s;
}

/* 1000 live rows in three files, the middle one with deletes. */
static void stream_table(lh_lake *lake)
{
	exec_ok(lake, "CREATE TABLE t (id BIGINT, s VARCHAR);"
	              "INSERT INTO t SELECT range, 's' || range FROM range(400);"
	              "INSERT INTO t SELECT range, 's' || range FROM range(400, 900);"
	              "INSERT INTO t SELECT range, 's' || range FROM range(900, 1050);"
	              "DELETE FROM t WHERE id >= 400 AND id < 900 AND id % 10 = 0");
}

/* Every row once over ranks and workers, every rank the same count, in every mode (or
 * in the one named): one rank, and three (1000 rows do not split evenly in three). */
static void check_shares(lh_lake *lake, const char *source, const char *only)
{
	static const char *const modes[] = {"none", "files", "block", "global"};
	static int64_t ids[MAX_IDS];
	for (size_t m = 0; m < 4; m++)
		for (uint64_t world = 1; world <= 3; world += 2) {
			if (only && strcmp(only, modes[m]) != 0)
				continue;
			int hits[1050] = {0};
			size_t per_rank[3] = {0};
			for (uint64_t rank = 0; rank < world; rank++)
				for (uint64_t worker = 0; worker < 2; worker++) {
					lh_stream_options o = {.shuffle = modes[m], .seed = 5, .block_size = 64,
					                       .batch_size = 7, .rank = rank, .world_size = world,
					                       .worker = worker, .num_workers = 2,
					                       .drop_last = true};
					lh_stream *s = open_stream(lake, source, &o);
					size_t n = stream_ids(s, ids);
					assert_int_equal((int64_t)n, lh_stream_total(s));
					per_rank[rank] += n;
					for (size_t i = 0; i < n; i++)
						hits[ids[i]]++;
					lh_stream_close(&s);
				}
			size_t total = 0;
			for (int64_t id = 0; id < 1050; id++) {
				bool deleted = id >= 400 && id < 900 && id % 10 == 0;
				assert_true(hits[id] <= (deleted ? 0 : 1));
				total += (size_t)hits[id];
			}
			for (uint64_t r = 0; r < world; r++)
				assert_int_equal(per_rank[r], 1000 / world);
			assert_int_equal(total, 1000 / world * world);
		}
}

static void stream_shares_every_row_once(void **state)
{
	fixture *f = *state;
	stream_table(f->lake);
	/* a global shuffle reads the rows it needs by position when the table is larger
	 * than the memory a stream may hold (one byte here), else holds the whole table */
	setenv("LAKEHOUSE_STREAM_MEMORY", "1", 1);
	check_shares(f->lake, "t", "global");
	unsetenv("LAKEHOUSE_STREAM_MEMORY");
	check_shares(f->lake, "t", NULL);
}

static void stream_orders_are_seeded(void **state)
{
	fixture *f = *state;
	stream_table(f->lake);
	static int64_t a[MAX_IDS], b[MAX_IDS], c[MAX_IDS];
	lh_stream_options o = {.shuffle = "global", .seed = 9, .batch_size = 100};
	lh_stream *s = open_stream(f->lake, "t", &o);
	assert_int_equal(stream_ids(s, a), 1000);
	lh_stream_close(&s);
	s = open_stream(f->lake, "t", &o);
	assert_int_equal(stream_ids(s, b), 1000);
	lh_stream_close(&s);
	assert_memory_equal(a, b, 1000 * sizeof *a);
	/* built on the caller's thread or ahead on the stream's own: the same batches */
	o.prefetch = -1;
	s = open_stream(f->lake, "t", &o);
	assert_int_equal(stream_ids(s, b), 1000);
	lh_stream_close(&s);
	assert_memory_equal(a, b, 1000 * sizeof *a);
	o.prefetch = 5;
	s = open_stream(f->lake, "t", &o);
	assert_int_equal(stream_ids(s, b), 1000);
	struct ArrowArray end;
	assert_int_equal(lh_stream_next(s, &end), LH_OK); /* the end, again */
	assert_null(end.release);
	lh_stream_close(&s);
	assert_memory_equal(a, b, 1000 * sizeof *a);
	/* a forked child cannot use the parent's stream, and forgetting it does not hang on
	 * the parent's threads; the parent goes on */
	o.prefetch = 0;
	s = open_stream(f->lake, "t", &o);
	struct ArrowArray first;
	assert_int_equal(lh_stream_next(s, &first), LH_OK);
	first.release(&first);
	fflush(NULL);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct ArrowArray x;
		int ok = lh_stream_next(s, &x) == LH_ERR_INVALID &&
		         strstr(lh_stream_error(s), "opened by process") != NULL;
		lh_stream_close(&s);
		_exit(ok && s == NULL ? 0 : 1);
	}
	int status = 0;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(stream_ids(s, b + 100), 900);
	lh_stream_close(&s);
	assert_memory_equal(a, b, 1000 * sizeof *a);
	o.epoch = 1;
	s = open_stream(f->lake, "t", &o);
	assert_int_equal(stream_ids(s, c), 1000);
	lh_stream_close(&s);
	assert_memory_not_equal(a, c, 1000 * sizeof *a);
	/* unshuffled: id order */
	o = (lh_stream_options){.shuffle = "none"};
	s = open_stream(f->lake, "t", &o);
	assert_int_equal(stream_ids(s, a), 1000);
	lh_stream_close(&s);
	for (size_t i = 1; i < 1000; i++)
		assert_true(a[i] > a[i - 1]);
}

/* A state taken by a world of 2 resumes in a world of 3 with exactly the rest. */
static void check_resume(lh_lake *lake, const char *source)
{
	static int64_t order[MAX_IDS], rest[MAX_IDS];
	static const char *const modes[] = {"block", "global", "global"};
	for (size_t m = 0; m < 3; m++) {
		setenv("LAKEHOUSE_STREAM_MEMORY", m == 2 ? "1" : "", 1); /* by position, then whole */
		lh_stream_options o = {.shuffle = modes[m], .seed = 3, .block_size = 128, .batch_size = 50};
		lh_stream *s = open_stream(lake, source, &o);
		assert_int_equal(stream_ids(s, order), 1000);
		lh_stream_close(&s);
		/* a world of 2 stops after 3 batches each ... */
		char *saved = NULL;
		for (uint64_t rank = 0; rank < 2; rank++) {
			lh_stream_options r = o;
			r.rank = rank;
			r.world_size = 2;
			s = open_stream(lake, source, &r);
			for (int k = 0; k < 3; k++) {
				struct ArrowArray a;
				assert_int_equal(lh_stream_next(s, &a), LH_OK);
				assert_non_null(a.release);
				a.release(&a);
			}
			if (rank == 0)
				assert_int_equal(lh_stream_state(s, -1, &saved), LH_OK);
			lh_stream_close(&s);
		}
		assert_non_null(strstr(saved, "position=300"));
		/* ... and a world of 3 gets exactly the rest of the same order */
		int hits[1050] = {0};
		size_t got = 0;
		for (uint64_t rank = 0; rank < 3; rank++) {
			lh_stream_options r = o;
			r.rank = rank;
			r.world_size = 3;
			r.state = saved;
			s = open_stream(lake, source, &r);
			size_t n = stream_ids(s, rest);
			for (size_t i = 0; i < n; i++) {
				/* rank r's i-th sample is position 300 + 3i + r of the order; past the
				 * end the epoch's first ones pad */
				size_t p = 300 + 3 * i + rank;
				if (rest[i] != order[p < 1000 ? p : p - 1000])
					fail_msg("%s: rank %d sample %zu: %d, want %d", modes[m], (int)rank, i,
					         (int)rest[i], (int)order[p < 1000 ? p : p - 1000]);
				hits[rest[i]]++;
			}
			got += n;
			lh_stream_close(&s);
		}
		assert_int_equal(got, 702);
		for (size_t i = 300; i < 1000; i++)
			assert_int_equal(hits[order[i]], 1);
		/* a state is only for the stream it came from */
		lh_stream_options other = o;
		other.seed = 4;
		other.state = saved;
		char *err = NULL;
		s = NULL;
		assert_int_equal(lh_stream_open(lake, source, &other, &s, &err), LH_ERR_INVALID);
		assert_null(s);
		assert_non_null(strstr(err, "another seed"));
		lh_free(err);
		lh_free(saved);
	}
	unsetenv("LAKEHOUSE_STREAM_MEMORY");
}

static void stream_resumes_exactly(void **state)
{
	fixture *f = *state;
	stream_table(f->lake);
	check_resume(f->lake, "t");
}

static void stream_reads_its_pinned_snapshot(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE TABLE t AS SELECT range::BIGINT AS id FROM range(3000)");
	static int64_t ids[MAX_IDS];
	lh_stream_options o = {.shuffle = "none", .batch_size = 1000};
	lh_stream *s = open_stream(f->lake, "t", &o);
	int64_t snap = lh_stream_snapshot(s);
	struct ArrowArray a;
	assert_int_equal(lh_stream_next(s, &a), LH_OK);
	a.release(&a);
	/* the table changes under the stream: rows deleted, added, the table emptied */
	exec_ok(f->lake, "DELETE FROM t WHERE id >= 1500; INSERT INTO t SELECT 5000 + range FROM range(10)");
	size_t n = stream_ids(s, ids);
	assert_int_equal(n, 2000);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(ids[i], (int64_t)(1000 + i));
	lh_stream_close(&s);
	/* a state pins the snapshot it was taken at */
	o.version = snap;
	s = open_stream(f->lake, "t", &o);
	assert_int_equal(lh_stream_snapshot(s), snap);
	assert_int_equal(lh_stream_total(s), 3000);
	lh_stream_close(&s);
}

static bool arrow_valid(const struct ArrowArray *c, int64_t i)
{
	const uint8_t *bits = c->buffers[0];
	i += c->offset;
	return !bits || (bits[i >> 3] >> (i & 7)) & 1;
}

/* Every column type a shuffled batch copies itself, NULLs included, in each way a global
 * shuffle reads: the whole table held as flat columns, and rows read by position. */
static void stream_global_keeps_values_and_nulls(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE TABLE v (id BIGINT, x FLOAT, b BOOLEAN, s VARCHAR, d DATE, "
	                 "sm SMALLINT, ti TINYINT);"
	                 "INSERT INTO v SELECT range, CASE WHEN range % 7 = 0 THEN NULL ELSE range / 2 END,"
	                 " CASE WHEN range % 11 = 0 THEN NULL ELSE range % 2 = 0 END,"
	                 " CASE WHEN range % 5 = 0 THEN NULL ELSE repeat('s', range % 40) || range END,"
	                 " DATE '2020-01-01' + CAST(range AS INTEGER), CAST(range % 30000 AS SMALLINT),"
	                 " CAST(range % 100 AS TINYINT) FROM range(3000)");
	for (int by_position = 0; by_position < 2; by_position++) {
		setenv("LAKEHOUSE_STREAM_MEMORY", by_position ? "1" : "", 1);
		lh_stream_options o = {.shuffle = "global", .seed = 8, .batch_size = 500};
		lh_stream *s = open_stream(f->lake, "v", &o);
		int hits[3000] = {0};
		int64_t prev = -1;
		bool shuffled = false;
		for (;;) {
			struct ArrowArray a;
			assert_int_equal(lh_stream_next(s, &a), LH_OK);
			if (!a.release)
				break;
			assert_int_equal(a.n_children, 7);
			struct ArrowArray **c = a.children;
			for (int64_t i = 0; i < a.length; i++) {
				int64_t id = ((const int64_t *)c[0]->buffers[1])[c[0]->offset + i];
				assert_true(id >= 0 && id < 3000);
				hits[id]++;
				shuffled = shuffled || id < prev;
				prev = id;
				assert_int_equal(arrow_valid(c[1], i), id % 7 != 0);
				if (id % 7)
					assert_true(((const float *)c[1]->buffers[1])[c[1]->offset + i] == (float)id / 2);
				assert_int_equal(arrow_valid(c[2], i), id % 11 != 0);
				if (id % 11) {
					const uint8_t *bits = c[2]->buffers[1];
					int64_t k = c[2]->offset + i;
					assert_int_equal((bits[k >> 3] >> (k & 7)) & 1, id % 2 == 0);
				}
				assert_int_equal(arrow_valid(c[3], i), id % 5 != 0);
				if (id % 5) {
					char want[80];
					snprintf(want, sizeof want, "%.*s%lld", (int)(id % 40),
					         "ssssssssssssssssssssssssssssssssssssssss", (long long)id);
					const int32_t *off = c[3]->buffers[1];
					int64_t k = c[3]->offset + i;
					assert_int_equal(off[k + 1] - off[k], (int32_t)strlen(want));
					assert_memory_equal((const char *)c[3]->buffers[2] + off[k], want, strlen(want));
				}
				assert_int_equal(((const int32_t *)c[4]->buffers[1])[c[4]->offset + i], 18262 + id);
				assert_int_equal(((const int16_t *)c[5]->buffers[1])[c[5]->offset + i], id % 30000);
				assert_int_equal(((const int8_t *)c[6]->buffers[1])[c[6]->offset + i], id % 100);
			}
			a.release(&a);
		}
		lh_stream_close(&s);
		assert_true(shuffled);
		for (int i = 0; i < 3000; i++)
			assert_int_equal(hits[i], 1);
	}
	unsetenv("LAKEHOUSE_STREAM_MEMORY");
}

/* Entries of folder `dir` (".", ".." aside). */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void stream_over_a_query(void **state)
{
	fixture *f = *state;
	stream_table(f->lake);
	exec_ok(f->lake, "CREATE TABLE names (k BIGINT, name VARCHAR);"
	                 "INSERT INTO names SELECT range, 'n' || range FROM range(10)");
	/* a join, computed anew by every stream: each row once, whatever the split */
	const char *q = "SELECT t.id, n.name FROM t JOIN names n ON n.k = t.id % 10";
	check_shares(f->lake, q, NULL);
	check_resume(f->lake, q);
	/* its own ORDER BY is the unshuffled order */
	static int64_t ids[MAX_IDS];
	lh_stream_options o = {.shuffle = "none", .batch_size = 64};
	lh_stream *s = open_stream(f->lake, "SELECT id FROM t WHERE id < 500 ORDER BY id DESC;", &o);
	assert_int_equal(stream_ids(s, ids), 490);
	assert_int_equal(ids[0], 499);
	assert_int_equal(ids[489], 0);
	lh_stream_close(&s);
	/* pinned: the tables it reads change, the stream does not; the result lives in a
	 * folder of its own under $TMPDIR until the stream closes */
	char tmp[600];
	snprintf(tmp, sizeof tmp, "%s/tmp", f->tmp);
	assert_int_equal(mkdir(tmp, 0700), 0);
	setenv("TMPDIR", tmp, 1);
	o = (lh_stream_options){.shuffle = "global", .seed = 2, .filter = "name <> 'n3'"};
	s = open_stream(f->lake, q, &o);
	assert_int_equal(entries(tmp), 1);
	int64_t snap = lh_stream_snapshot(s);
	exec_ok(f->lake, "DELETE FROM t WHERE id < 100; DROP TABLE names");
	size_t n = stream_ids(s, ids);
	assert_int_equal(n, 895);
	for (size_t i = 0; i < n; i++)
		assert_true(ids[i] % 10 != 3);
	lh_stream_close(&s);
	assert_int_equal(entries(tmp), 0);
	/* and an old snapshot reads tables that are gone now */
	o.version = snap;
	s = open_stream(f->lake, q, &o);
	assert_int_equal(lh_stream_total(s), 895);
	lh_stream_close(&s);
	/* a failed query leaves nothing behind */
	char *err = NULL;
	assert_int_not_equal(lh_stream_open(f->lake, "SELECT nope FROM t", &o, &s, &err), LH_OK);
	assert_non_null(strstr(err, "nope"));
	assert_null(strstr(err, "__lh"));
	lh_free(err);
	assert_int_equal(entries(tmp), 0);
	unsetenv("TMPDIR");
}

static void stream_refuses_bad_options(void **state)
{
	fixture *f = *state;
	stream_table(f->lake);
	struct {
		lh_stream_options o;
		const char *table;
		lh_status code;
		const char *says;
	} cases[] = {
	    {{.shuffle = "random"}, "t", LH_ERR_INVALID, "none, files, block, global"},
	    {{.columns = (const char *[]){"nope"}, .ncolumns = 1}, "t", LH_ERR_NOT_FOUND,
	     "its columns: id, s, rowid"},
	    {{.filter = "id > 3; DROP TABLE t"}, "t", LH_ERR_INVALID, "one boolean expression"},
	    {{.filter = "nope > 3"}, "t", LH_ERR_INVALID, "nope"},
	    {{.rank = 2, .world_size = 2}, "t", LH_ERR_INVALID, "below world size"},
	    {{.state = "garbage"}, "t", LH_ERR_INVALID, "not a stream state"},
	    {{.materialize = (const char *[]){"s"}, .nmaterialize = 1}, "t", LH_ERR_INVALID,
	     "not a *_uri column"},
	    {{0}, "missing", LH_ERR_NOT_FOUND, "does not exist"},
	    {{.version = 999}, "t", LH_ERR_NOT_FOUND, "snapshot 999"},
	    {{0}, "SELECT * FROM t; DROP TABLE t", LH_ERR_INVALID, "not several statements"},
	    {{.version = 999}, "SELECT * FROM t", LH_ERR_NOT_FOUND, "snapshot 999"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lh_stream *s = NULL;
		char *err = NULL;
		lh_status st = lh_stream_open(f->lake, cases[i].table, &cases[i].o, &s, &err);
		if (st != cases[i].code || !err || !strstr(err, cases[i].says))
			fail_msg("case %zu: %s (%s)", i, lh_status_name(st), err ? err : "no message");
		assert_null(s);
		lh_free(err);
	}
	/* the table is untouched */
	lh_result *r = NULL;
	assert_int_equal(lh_lake_query(f->lake, "SELECT count(*) FROM t", &r), LH_OK);
	size_t n = 0;
	assert_int_equal(lh_result_next_batch(r, &n), LH_OK);
	assert_string_equal(lh_result_text(r, 0, 0), "1000");
	lh_result_destroy(&r);
}

static void stream_materializes_objects(void **state)
{
	fixture *f = *state;
	char path[512];
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/data/obj%d.bin", f->dir, i);
		FILE *fp = fopen(path, "wb");
		assert_non_null(fp);
		for (int k = 0; k <= i * 1000; k++)
			fputc((k * 7 + i) & 0xff, fp);
		fclose(fp);
	}
	exec_ok(f->lake, "CREATE TABLE m (id BIGINT, image_uri VARCHAR);"
	                 "INSERT INTO m VALUES (0, 'obj0.bin'), (1, 'obj1.bin'), (2, 'obj2.bin'), (3, NULL)");
	lh_stream_options o = {.shuffle = "none", .materialize = (const char *[]){"image_uri"},
	                       .nmaterialize = 1};
	lh_stream *s = open_stream(f->lake, "m", &o);
	struct ArrowSchema sc;
	assert_int_equal(lh_stream_schema(s, &sc), LH_OK);
	assert_string_equal(sc.children[1]->name, "image");
	assert_string_equal(sc.children[1]->format, "z"); /* binary */
	sc.release(&sc);
	struct ArrowArray a;
	assert_int_equal(lh_stream_next(s, &a), LH_OK);
	assert_int_equal(a.length, 4);
	const struct ArrowArray *c = a.children[1];
	const int32_t *off = c->buffers[1];
	const unsigned char *data = c->buffers[2];
	for (int i = 0; i < 3; i++) {
		assert_int_equal(off[i + 1] - off[i], i * 1000 + 1);
		for (int k = 0; k <= i * 1000; k++)
			assert_int_equal(data[off[i] + k], (k * 7 + i) & 0xff);
	}
	const uint8_t *valid = c->buffers[0];
	assert_non_null(valid);
	assert_int_equal(valid[0] & 0x08, 0); /* row 3: NULL */
	a.release(&a);
	lh_stream_close(&s);
	/* a missing object and a path out of the lake fail, naming them */
	exec_ok(f->lake, "INSERT INTO m VALUES (4, 'gone.bin')");
	s = open_stream(f->lake, "m", &o);
	assert_int_equal(lh_stream_next(s, &a), LH_ERR_NOT_FOUND);
	assert_non_null(strstr(lh_stream_error(s), "gone.bin"));
	lh_stream_close(&s);
	exec_ok(f->lake, "DELETE FROM m WHERE id = 4; INSERT INTO m VALUES (5, '../lakehouse.conf')");
	s = open_stream(f->lake, "m", &o);
	assert_int_equal(lh_stream_next(s, &a), LH_ERR_INVALID);
	assert_non_null(strstr(lh_stream_error(s), "is not an object of this lake"));
	lh_stream_close(&s);
	exec_ok(f->lake, "DELETE FROM m WHERE id = 5; INSERT INTO m VALUES (6, '/etc/passwd')");
	s = open_stream(f->lake, "m", &o);
	assert_int_equal(lh_stream_next(s, &a), LH_ERR_INVALID);
	assert_non_null(strstr(lh_stream_error(s), "'/etc/passwd' is not an object of this lake"));
	lh_stream_close(&s);
}

/* lh_take's answer for ids, compared with the rows the SQL path gives. */
static void check_take(lh_lake *lake, lh_taker *t, const int64_t *ids, size_t n)
{
	struct ArrowArray a;
	if (lh_take(t, ids, n, &a) != LH_OK)
		fail_msg("lh_take: %s", lh_taker_error(t));
	assert_int_equal(a.length, (int64_t)n);
	const int64_t *id = a.children[0]->buffers[1];
	const int32_t *off = a.children[1]->buffers[1];
	const char *chars = a.children[1]->buffers[2];
	const int64_t *rowid = a.children[2]->buffers[1];
	for (size_t k = 0; k < n; k++) {
		char sql[128], want[32];
		snprintf(sql, sizeof sql, "SELECT id FROM t WHERE rowid = %lld", (long long)ids[k]);
		lh_result *r = NULL;
		assert_int_equal(lh_lake_query(lake, sql, &r), LH_OK);
		size_t rows = 0;
		assert_int_equal(lh_result_next_batch(r, &rows), LH_OK);
		assert_int_equal(rows, 1);
		assert_int_equal(id[k], lh_result_int64(r, 0, 0));
		lh_result_destroy(&r);
		assert_int_equal(rowid[k], ids[k]);
		int len = snprintf(want, sizeof want, "s%lld", (long long)id[k]);
		assert_int_equal(off[k + 1] - off[k], len);
		assert_memory_equal(chars + off[k], want, (size_t)len);
	}
	a.release(&a);
}

static void take_by_row_id_in_every_layout(void **state)
{
	fixture *f = *state;
	stream_table(f->lake); /* three files, deletes in the middle one */
	const char *cols[] = {"id", "s", "rowid"};
	/* ids of live rows, deleted ones, repeats; the table as written, compacted (row ids in
	 * a column, read through DuckDB), then in the random-access layout (our reader) */
	int64_t ids[] = {1049, 0, 455, 455, 903, 399, 400 + 1, 1048};
	static const char *const steps[] = {
	    NULL, "CALL ducklake_merge_adjacent_files('lake')",
	    "FROM lakehouse_optimize('lake', 't', layout => 'random-access')"};
	for (size_t step = 0; step < 3; step++) {
		if (steps[step])
			exec_ok(f->lake, steps[step]);
		lh_taker *t = NULL;
		char *err = NULL;
		if (lh_taker_open(f->lake, "t", cols, 3, 0, &t, &err) != LH_OK)
			fail_msg("lh_taker_open: %s", err);
		assert_int_equal(lh_taker_rows(t), 1000);
		check_take(f->lake, t, ids, sizeof ids / sizeof ids[0]);
		/* every id at once, in reverse: more than one vector's worth */
		static int64_t all[1100];
		size_t n = 0;
		for (int64_t i = 1049; i >= 0; i--)
			if (!(i >= 400 && i < 900 && i % 10 == 0))
				all[n++] = i;
		struct ArrowArray a;
		assert_int_equal(lh_take(t, all, n, &a), LH_OK);
		assert_int_equal(a.length, 1000);
		const int64_t *rid = a.children[2]->buffers[1];
		for (size_t k = 0; k < n; k++)
			assert_int_equal(rid[k], all[k]);
		a.release(&a);
		/* deleted and never written: an error naming them, nothing returned */
		int64_t gone[] = {3, 410, 420, 99999};
		assert_int_equal(lh_take(t, gone, 4, &a), LH_ERR_NOT_FOUND);
		assert_null(a.release);
		assert_non_null(strstr(lh_taker_error(t), "3 of the row ids"));
		assert_non_null(strstr(lh_taker_error(t), "410, 420, 99999"));
		assert_int_equal(lh_take(t, NULL, 0, &a), LH_OK);
		assert_int_equal(a.length, 0);
		a.release(&a);
		lh_taker_close(&t);
		assert_null(t);
	}
	lh_taker *t = NULL;
	char *err = NULL;
	assert_int_equal(lh_taker_open(f->lake, "nosuch", NULL, 0, 0, &t, &err), LH_ERR_NOT_FOUND);
	assert_null(t);
	lh_free(err);
}

static void stream_more_consumers_than_rows(void **state)
{
	fixture *f = *state;
	exec_ok(f->lake, "CREATE TABLE t AS SELECT range::BIGINT AS id FROM range(5)"); /* one file */
	static int64_t ids[MAX_IDS];
	static const char *const modes[] = {"none", "files", "block", "global"};
	for (size_t m = 0; m < 4; m++)
		for (int drop = 0; drop < 2; drop++) {
			/* 3 ranks x 4 workers for 5 rows: 2 each padded (6 in all), or 1 each */
			int hits[5] = {0};
			size_t total = 0;
			for (uint64_t rank = 0; rank < 3; rank++) {
				size_t per_rank = 0;
				for (uint64_t worker = 0; worker < 4; worker++) {
					lh_stream_options o = {.shuffle = modes[m], .seed = 2, .batch_size = 1,
					                       .rank = rank, .world_size = 3, .worker = worker,
					                       .num_workers = 4, .drop_last = drop};
					lh_stream *s = open_stream(f->lake, "t", &o);
					size_t n = stream_ids(s, ids);
					for (size_t i = 0; i < n; i++)
						hits[ids[i]]++;
					per_rank += n;
					lh_stream_close(&s);
				}
				assert_int_equal(per_rank, drop ? 1 : 2);
				total += per_rank;
			}
			assert_int_equal(total, drop ? 3 : 6);
			for (int i = 0; i < 5; i++)
				assert_true(drop ? hits[i] <= 1 : hits[i] >= 1); /* padding repeats one */
		}
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
	assert_string_equal(lh_lake_ducklake_version(lake), "0.3");
	/* migrated to DuckLake 1.0, never back */
	assert_int_equal(lh_lake_migrate(lake, NULL), LH_OK);
	assert_string_equal(lh_lake_ducklake_version(lake), "1.0");
	assert_int_equal(lh_lake_migrate(lake, "0.3"), LH_ERR_UNSUPPORTED);
	assert_non_null(strstr(lh_lake_error(lake), "cannot be migrated back to 0.3"));
	lh_lake_close(&lake);
	/* the layout before ducklake_version was appended is still accepted (ignored), and
	 * the field itself picks the version */
	char dir2[80];
	snprintf(dir2, sizeof dir2, "%s/lake2", tmp);
	lh_create_options old = {.struct_size = offsetof(lh_create_options, ducklake_version),
	                         .ducklake_version = "1.0"};
	assert_int_equal(lh_lake_create(dir2, &old, &lake, NULL), LH_OK);
	assert_string_equal(lh_lake_ducklake_version(lake), "0.3");
	lh_lake_close(&lake);
	snprintf(dir2, sizeof dir2, "%s/lake3", tmp);
	lh_create_options v1 = {.struct_size = sizeof v1, .ducklake_version = "1.0"};
	assert_int_equal(lh_lake_create(dir2, &v1, &lake, NULL), LH_OK);
	assert_string_equal(lh_lake_ducklake_version(lake), "1.0");
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
	    cmocka_unit_test_setup_teardown(stream_shares_every_row_once, setup, teardown),
	    cmocka_unit_test_setup_teardown(stream_orders_are_seeded, setup, teardown),
	    cmocka_unit_test_setup_teardown(stream_resumes_exactly, setup, teardown),
	    cmocka_unit_test_setup_teardown(stream_reads_its_pinned_snapshot, setup, teardown),
	    cmocka_unit_test_setup_teardown(stream_over_a_query, setup, teardown),
	    cmocka_unit_test_setup_teardown(stream_global_keeps_values_and_nulls, setup, teardown),
	    cmocka_unit_test_setup_teardown(stream_refuses_bad_options, setup, teardown),
	    cmocka_unit_test_setup_teardown(stream_materializes_objects, setup, teardown),
	    cmocka_unit_test_setup_teardown(take_by_row_id_in_every_layout, setup, teardown),
	    cmocka_unit_test_setup_teardown(stream_more_consumers_than_rows, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
