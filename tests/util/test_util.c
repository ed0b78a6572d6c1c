/* tests/util/test_util.c - buffers, UUIDs, paths, timestamps. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/fsutil.h"
#include "util/uuid.h"

static void buf_appends_and_quotes(void **state)
{
	(void)state;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "x=");
	lh_buf_sql_str(&b, "it's");
	lh_buf_putc(&b, ' ');
	lh_buf_sql_ident(&b, "a\"b");
	lh_buf_printf(&b, " %d", 42);
	assert_string_equal(lh_buf_str(&b), "x='it''s' \"a\"\"b\" 42");
	lh_buf_free(&b);
}

static void buf_cap_is_sticky_error(void **state)
{
	(void)state;
	lh_buf b;
	lh_buf_init(&b, 8);
	lh_buf_puts(&b, "12345678");
	assert_int_equal(lh_buf_status(&b), LH_OK);
	lh_buf_puts(&b, "9");
	assert_int_equal(lh_buf_status(&b), LH_ERR_TOO_BIG);
	lh_buf_puts(&b, "more");
	assert_int_equal(b.len, 8);
	assert_null(lh_buf_steal(&b));
}

static void json_quote_escapes(void **state)
{
	(void)state;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_json_quote(&b, "a\"b\\c\n\x01");
	assert_string_equal(lh_buf_str(&b), "\"a\\\"b\\\\c\\n\\u0001\"");
	lh_buf_free(&b);
}

static void uuid_v7_is_ordered_and_versioned(void **state)
{
	(void)state;
	char prev[LH_UUID_LEN + 1] = "";
	for (int i = 0; i < 5000; i++) {
		char u[LH_UUID_LEN + 1];
		assert_int_equal(lh_uuid_v7(u), LH_OK);
		assert_int_equal(strlen(u), 36);
		assert_int_equal(u[14], '7');
		assert_true(strchr("89ab", u[19]) != NULL);
		assert_true(strcmp(prev, u) < 0);
		memcpy(prev, u, sizeof u);
	}
	char v4[LH_UUID_LEN + 1];
	lh_uuid_v4(v4);
	assert_int_equal(v4[14], '4');
}

static void paths_join_and_absolute(void **state)
{
	(void)state;
	char *p = lh_path_join("/a/b/", "c");
	assert_string_equal(p, "/a/b/c");
	free(p);
	p = lh_path_join("/a/b", "/abs");
	assert_string_equal(p, "/abs");
	free(p);
	p = lh_path_absolute("/x/./y//z/");
	assert_string_equal(p, "/x/y/z/");
	free(p);
}

static void timestamptz_parses_offsets_and_fractions(void **state)
{
	(void)state;
	int64_t a, b, c;
	assert_true(lh_parse_timestamptz("2026-01-01 10:00:00+00", &a));
	assert_true(lh_parse_timestamptz("2026-01-01 11:30:00.5+01:30", &b));
	assert_int_equal(b - a, 500000);
	assert_true(lh_parse_timestamptz("1970-01-01 00:00:01.000001", &c));
	assert_int_equal(c, 1000001);
	assert_false(lh_parse_timestamptz("not a time", &c));
	char now[40];
	lh_now_timestamptz(now);
	assert_true(lh_parse_timestamptz(now, &c));
	assert_true(lh_str_ends_with(now, "+00"));
}

static void err_messages_and_prefix(void **state)
{
	(void)state;
	lh_err e = {0};
	assert_int_equal(lh_err_set(&e, LH_ERR_NOT_FOUND, "table '%s' does not exist", "x"),
	                 LH_ERR_NOT_FOUND);
	lh_err_prefix(&e, "cannot insert: ");
	assert_string_equal(lh_err_msg(&e), "cannot insert: table 'x' does not exist");
	assert_string_equal(lh_status_name(LH_ERR_NOT_FOUND), "LH_ERR_NOT_FOUND");
	assert_string_equal(lh_strerror(LH_ERR_CONFLICT), "conflict with a concurrent commit");
	lh_err_clear(&e);
	assert_string_equal(lh_err_msg(&e), "");
}

static void parse_int64_rejects_junk(void **state)
{
	(void)state;
	int64_t v;
	assert_true(lh_parse_int64("-42", &v));
	assert_int_equal(v, -42);
	assert_false(lh_parse_int64("12x", &v));
	assert_false(lh_parse_int64("", &v));
	assert_false(lh_parse_int64("99999999999999999999", &v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(buf_appends_and_quotes),
	    cmocka_unit_test(buf_cap_is_sticky_error),
	    cmocka_unit_test(json_quote_escapes),
	    cmocka_unit_test(uuid_v7_is_ordered_and_versioned),
	    cmocka_unit_test(paths_join_and_absolute),
	    cmocka_unit_test(timestamptz_parses_offsets_and_fractions),
	    cmocka_unit_test(err_messages_and_prefix),
	    cmocka_unit_test(parse_int64_rejects_junk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
