/* tests/lake/test_sqltok.c - statement splitting and the statement-head cursor. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lake/sqltok.h"

static char *stmt(const char *sql, const lh_stmt_ranges *r, size_t i)
{
	return lh_strndup(sql + r->items[i].start, r->items[i].end - r->items[i].start);
}

static void splits_on_top_level_semicolons(void **state)
{
	(void)state;
	const char *sql = "SELECT 'a;b' AS \"x;y\"; -- c;d\n SELECT 2 /* e; /* nested; */ f */;;"
	                  " SELECT $$g;h$$; SELECT (1;2)";
	lh_stmt_ranges r;
	assert_int_equal(lh_split_statements(sql, &r), LH_OK);
	assert_int_equal(r.len, 4);
	char *s0 = stmt(sql, &r, 0), *s1 = stmt(sql, &r, 1), *s2 = stmt(sql, &r, 2);
	assert_string_equal(s0, "SELECT 'a;b' AS \"x;y\"");
	assert_string_equal(s1, "SELECT 2");
	assert_string_equal(s2, "SELECT $$g;h$$");
	free(s0);
	free(s1);
	free(s2);
	LH_VEC_FREE(&r);
}

static void empty_script_has_no_statements(void **state)
{
	(void)state;
	lh_stmt_ranges r;
	assert_int_equal(lh_split_statements("  ; -- nothing\n ;", &r), LH_OK);
	assert_int_equal(r.len, 0);
	LH_VEC_FREE(&r);
}

static void reads_qualified_names(void **state)
{
	(void)state;
	const char *sql = "INSERT INTO lake.\"Raw Data\".items (a) VALUES (1)";
	lh_toks t;
	assert_int_equal(lh_tokenize(sql, strlen(sql), &t), LH_OK);
	lh_cursor c = {.t = &t};
	assert_true(lh_cur_accept(&c, "insert"));
	assert_true(lh_cur_accept(&c, "INTO"));
	lh_qname q;
	assert_true(lh_cur_qname(&c, &q));
	assert_string_equal(q.catalog, "lake");
	assert_string_equal(q.schema, "Raw Data");
	assert_string_equal(q.name, "items");
	assert_true(lh_cur_is(&c, 0, "("));
	assert_true(lh_cur_skip_group(&c));
	assert_true(lh_cur_is(&c, 0, "VALUES"));
	assert_true(lh_cur_has_word(&c, "VALUES"));
	lh_qname_free(&q);
	lh_toks_free(&t);
}

static void finds_table_function_calls(void **state)
{
	(void)state;
	const char *sql = "SELECT * FROM ducklake_snapshots('lake') WHERE x = 'ducklake_no('";
	lh_toks t;
	lh_tokenize(sql, strlen(sql), &t);
	assert_true(lh_toks_has_call(&t, "ducklake_", true));
	assert_false(lh_toks_has_call(&t, "lakehouse_", true));
	lh_toks_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(splits_on_top_level_semicolons),
	    cmocka_unit_test(empty_script_has_no_statements),
	    cmocka_unit_test(reads_qualified_names),
	    cmocka_unit_test(finds_table_function_calls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
