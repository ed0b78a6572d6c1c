/* tests/engine/test_types.c - DuckDB <-> DuckLake types and promotion rules. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/types.h"

static void widening_only(void **state)
{
	(void)state;
	assert_true(lh_types_promotion_allowed("int32", "int64"));
	assert_true(lh_types_promotion_allowed("uint8", "int16"));
	assert_true(lh_types_promotion_allowed("float32", "float64"));
	assert_true(lh_types_promotion_allowed("timestamp", "timestamptz"));
	assert_false(lh_types_promotion_allowed("int64", "int32"));
	assert_false(lh_types_promotion_allowed("int32", "varchar"));
	assert_false(lh_types_promotion_allowed("float64", "float32"));
}

/* Column rows of a nested type come out in DuckLake's depth-first numbering. */
static void nested_columns_numbered_depth_first(void **state)
{
	(void)state;
	lh_engine *e;
	lh_err err = {0};
	assert_int_equal(lh_engine_open(&e, &err), LH_OK);
	lh_query_columns qc;
	assert_int_equal(lh_engine_describe(e,
	                                    "SELECT 1::INT AS id, ['a'] AS tags, {'w': 1, 'h': 2} AS "
	                                    "dims, MAP {'k': 1} AS m, 1.5::DECIMAL(9,2) AS p",
	                                    &qc, &err),
	                 LH_OK);
	lh_column_vec cols = {0};
	int64_t next = 1;
	for (size_t i = 0; i < qc.n; i++)
		assert_int_equal(lh_types_add_column(qc.types[i], qc.names[i], true, &next, &cols, &err),
		                 LH_OK);
	const char *want[][3] = {{"id", "int32", "-1"},  {"tags", "list", "-1"}, {"element", "varchar", "2"},
	                         {"dims", "struct", "-1"}, {"w", "int32", "4"},    {"h", "int32", "4"},
	                         {"m", "map", "-1"},       {"key", "varchar", "7"}, {"value", "int32", "7"},
	                         {"p", "decimal(9,2)", "-1"}};
	assert_int_equal(cols.len, 10);
	for (size_t i = 0; i < cols.len; i++) {
		assert_int_equal(cols.items[i].id, (int64_t)i + 1);
		assert_string_equal(cols.items[i].name, want[i][0]);
		assert_string_equal(cols.items[i].type, want[i][1]);
		assert_int_equal(cols.items[i].parent, atoi(want[i][2]));
	}
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_types_sql(cols.items, cols.len, 3, &sql, &err);
	assert_string_equal(lh_buf_str(&sql), "STRUCT(\"w\" INTEGER, \"h\" INTEGER)");
	lh_buf_reset(&sql);
	lh_types_field_ids(cols.items, cols.len, true, &sql);
	assert_string_equal(lh_buf_str(&sql),
	                    "{'id': 1, 'tags': {'__duckdb_field_id': 2, 'element': 3}, 'dims': "
	                    "{'__duckdb_field_id': 4, 'w': 5, 'h': 6}, 'm': {'__duckdb_field_id': 7, "
	                    "'key': 8, 'value': 9}, 'p': 10, '_ducklake_internal_row_id': 2147483540}");
	lh_buf_free(&sql);
	for (size_t i = 0; i < cols.len; i++)
		lh_column_clear(&cols.items[i]);
	LH_VEC_FREE(&cols);
	lh_query_columns_free(&qc);
	lh_engine_close(&e);
}

static void unsupported_types_are_named(void **state)
{
	(void)state;
	lh_engine *e;
	lh_err err = {0};
	assert_int_equal(lh_engine_open(&e, &err), LH_OK);
	lh_query_columns qc;
	assert_int_equal(lh_engine_describe(e, "SELECT [1, 2]::INT[2] AS fixed", &qc, &err), LH_OK);
	lh_column_vec cols = {0};
	int64_t next = 1;
	assert_int_equal(lh_types_add_column(qc.types[0], "fixed", true, &next, &cols, &err),
	                 LH_ERR_UNSUPPORTED);
	assert_non_null(strstr(lh_err_msg(&err), "column 'fixed'"));
	lh_err_clear(&err);
	for (size_t i = 0; i < cols.len; i++)
		lh_column_clear(&cols.items[i]);
	LH_VEC_FREE(&cols);
	lh_query_columns_free(&qc);
	lh_engine_close(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(widening_only),
	    cmocka_unit_test(nested_columns_numbered_depth_first),
	    cmocka_unit_test(unsupported_types_are_named),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
