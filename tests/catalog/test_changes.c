/* tests/catalog/test_changes.c - the changes_made codec. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/changes.h"

static void parses_every_kind(void **state)
{
	(void)state;
	lh_changes ch;
	assert_int_equal(lh_changes_parse("created_table:\"raw\".\"it,\"\"ems\",inserted_into_table:2,"
	                                  "created_schema:\"main\",dropped_table:3",
	                                  &ch),
	                 LH_OK);
	assert_int_equal(ch.len, 4);
	assert_int_equal(ch.items[0].kind, LH_CHANGE_CREATED_TABLE);
	assert_string_equal(ch.items[0].schema, "raw");
	assert_string_equal(ch.items[0].name, "it,\"ems");
	assert_int_equal(ch.items[1].kind, LH_CHANGE_INSERTED_INTO_TABLE);
	assert_int_equal(ch.items[1].id, 2);
	assert_string_equal(ch.items[2].schema, "main");
	assert_int_equal(ch.items[3].id, 3);
	lh_changes_free(&ch);
}

static void rejects_unknown_kinds(void **state)
{
	(void)state;
	lh_changes ch;
	assert_int_equal(lh_changes_parse("renamed_table:2", &ch), LH_ERR_CORRUPT);
	assert_int_equal(lh_changes_parse("created_table:\"raw\"", &ch), LH_ERR_CORRUPT);
	assert_int_equal(lh_changes_parse("", &ch), LH_OK);
	assert_int_equal(ch.len, 0);
	lh_changes_free(&ch);
}

static void writes_what_it_reads(void **state)
{
	(void)state;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_changes_append(&b, false, LH_CHANGE_CREATED_TABLE, 0, "raw", "a\"b");
	lh_changes_append(&b, false, LH_CHANGE_DELETED_FROM_TABLE, 7, NULL, NULL);
	assert_string_equal(lh_buf_str(&b), "created_table:\"raw\".\"a\"\"b\",deleted_from_table:7");
	lh_changes ch;
	assert_int_equal(lh_changes_parse(lh_buf_str(&b), &ch), LH_OK);
	assert_string_equal(ch.items[0].name, "a\"b");
	assert_int_equal(ch.items[1].id, 7);
	lh_changes_free(&ch);
	lh_buf_free(&b);
}

/* DuckLake 0.4 on names a compaction merge_adjacent and a flush inline_flush; both
 * spellings of each read as the one kind, and 1.0's macro entries parse */
static void reads_and_writes_1_0_names(void **state)
{
	(void)state;
	lh_changes ch;
	assert_int_equal(lh_changes_parse("merge_adjacent:1,rewrite_delete:2,inline_flush:3,"
	                                  "created_scalar_macro:\"main\".\"f\",dropped_table_macro:9",
	                                  &ch),
	                 LH_OK);
	assert_int_equal(ch.len, 5);
	assert_int_equal(ch.items[0].kind, LH_CHANGE_COMPACTED_TABLE);
	assert_int_equal(ch.items[1].kind, LH_CHANGE_COMPACTED_TABLE);
	assert_int_equal(ch.items[2].kind, LH_CHANGE_FLUSHED_INLINED);
	assert_int_equal(ch.items[3].kind, LH_CHANGE_CREATED_SCALAR_MACRO);
	assert_string_equal(ch.items[3].name, "f");
	assert_int_equal(ch.items[4].kind, LH_CHANGE_DROPPED_TABLE_MACRO);
	assert_int_equal(ch.items[4].id, 9);
	lh_changes_free(&ch);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_changes_append(&b, true, LH_CHANGE_COMPACTED_TABLE, 1, NULL, NULL);
	lh_changes_append(&b, true, LH_CHANGE_FLUSHED_INLINED, 2, NULL, NULL);
	lh_changes_append(&b, false, LH_CHANGE_COMPACTED_TABLE, 3, NULL, NULL);
	assert_string_equal(lh_buf_str(&b), "merge_adjacent:1,inline_flush:2,compacted_table:3");
	lh_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(parses_every_kind),
	    cmocka_unit_test(rejects_unknown_kinds),
	    cmocka_unit_test(writes_what_it_reads),
	    cmocka_unit_test(reads_and_writes_1_0_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
