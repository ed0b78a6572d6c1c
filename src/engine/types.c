/*
 * engine/types.c - type mapping between DuckDB and DuckLake. See types.h.
 */
#include "engine/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	duckdb_type id;
	const char *ducklake;
	const char *sql;
} scalar_types[] = {
    {DUCKDB_TYPE_BOOLEAN, "boolean", "BOOLEAN"},
    {DUCKDB_TYPE_TINYINT, "int8", "TINYINT"},
    {DUCKDB_TYPE_SMALLINT, "int16", "SMALLINT"},
    {DUCKDB_TYPE_INTEGER, "int32", "INTEGER"},
    {DUCKDB_TYPE_BIGINT, "int64", "BIGINT"},
    {DUCKDB_TYPE_HUGEINT, "int128", "HUGEINT"},
    {DUCKDB_TYPE_UTINYINT, "uint8", "UTINYINT"},
    {DUCKDB_TYPE_USMALLINT, "uint16", "USMALLINT"},
    {DUCKDB_TYPE_UINTEGER, "uint32", "UINTEGER"},
    {DUCKDB_TYPE_UBIGINT, "uint64", "UBIGINT"},
    {DUCKDB_TYPE_UHUGEINT, "uint128", "UHUGEINT"},
    {DUCKDB_TYPE_FLOAT, "float32", "FLOAT"},
    {DUCKDB_TYPE_DOUBLE, "float64", "DOUBLE"},
    {DUCKDB_TYPE_TIME, "time", "TIME"},
    {DUCKDB_TYPE_TIME_TZ, "timetz", "TIMETZ"},
    {DUCKDB_TYPE_DATE, "date", "DATE"},
    {DUCKDB_TYPE_TIMESTAMP, "timestamp", "TIMESTAMP"},
    {DUCKDB_TYPE_TIMESTAMP_S, "timestamp_s", "TIMESTAMP_S"},
    {DUCKDB_TYPE_TIMESTAMP_MS, "timestamp_ms", "TIMESTAMP_MS"},
    {DUCKDB_TYPE_TIMESTAMP_NS, "timestamp_ns", "TIMESTAMP_NS"},
    {DUCKDB_TYPE_TIMESTAMP_TZ, "timestamptz", "TIMESTAMPTZ"},
    {DUCKDB_TYPE_INTERVAL, "interval", "INTERVAL"},
    {DUCKDB_TYPE_VARCHAR, "varchar", "VARCHAR"},
    {DUCKDB_TYPE_BLOB, "blob", "BLOB"},
    {DUCKDB_TYPE_UUID, "uuid", "UUID"},
};

const char *lh_types_scalar_sql(const char *t)
{
	for (size_t i = 0; i < sizeof scalar_types / sizeof scalar_types[0]; i++)
		if (strcmp(scalar_types[i].ducklake, t) == 0)
			return scalar_types[i].sql;
	if (strcmp(t, "json") == 0)
		return "JSON";
	return NULL;
}

static const char *type_id_name(duckdb_type id)
{
	switch (id) {
	case DUCKDB_TYPE_ENUM:
		return "ENUM";
	case DUCKDB_TYPE_ARRAY:
		return "ARRAY (fixed-size list)";
	case DUCKDB_TYPE_UNION:
		return "UNION";
	case DUCKDB_TYPE_BIT:
		return "BIT";
	case DUCKDB_TYPE_BIGNUM:
		return "BIGNUM";
	case DUCKDB_TYPE_SQLNULL:
		return "NULL (give the column a type)";
	default:
		return "this";
	}
}

static lh_status push_row(lh_column_vec *out, int64_t id, int64_t parent, const char *name,
                          const char *type, bool nulls_allowed, lh_err *err)
{
	lh_column c = {.id = id,
	               .begin_snapshot = -1,
	               .order = id,
	               .name = lh_strdup(name),
	               .type = lh_strdup(type),
	               .nulls_allowed = nulls_allowed,
	               .parent = parent};
	if (!c.name || !c.type || LH_VEC_PUSH(out, c) != LH_OK) {
		lh_column_clear(&c);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

static lh_status add_node(duckdb_logical_type type, const char *name, const char *top,
                          bool nulls_allowed, int64_t parent, int64_t *next_id, lh_column_vec *out,
                          lh_err *err)
{
	duckdb_type id = duckdb_get_type_id(type);
	int64_t my_id = (*next_id)++;
	char buf[32];
	const char *dl = NULL;
	for (size_t i = 0; i < sizeof scalar_types / sizeof scalar_types[0]; i++)
		if (scalar_types[i].id == id)
			dl = scalar_types[i].ducklake;
	if (id == DUCKDB_TYPE_VARCHAR) {
		char *alias = duckdb_logical_type_get_alias(type);
		if (alias && lh_strieq(alias, "JSON"))
			dl = "json";
		duckdb_free(alias);
	}
	if (id == DUCKDB_TYPE_DECIMAL) {
		snprintf(buf, sizeof buf, "decimal(%u,%u)", duckdb_decimal_width(type),
		         duckdb_decimal_scale(type));
		dl = buf;
	}
	if (dl)
		return push_row(out, my_id, parent, name, dl, nulls_allowed, err);

	lh_status st = LH_OK;
	if (id == DUCKDB_TYPE_STRUCT) {
		st = push_row(out, my_id, parent, name, "struct", nulls_allowed, err);
		idx_t n = duckdb_struct_type_child_count(type);
		for (idx_t i = 0; st == LH_OK && i < n; i++) {
			char *cname = duckdb_struct_type_child_name(type, i);
			duckdb_logical_type ct = duckdb_struct_type_child_type(type, i);
			st = add_node(ct, cname, top, true, my_id, next_id, out, err);
			duckdb_destroy_logical_type(&ct);
			duckdb_free(cname);
		}
		return st;
	}
	if (id == DUCKDB_TYPE_LIST) {
		st = push_row(out, my_id, parent, name, "list", nulls_allowed, err);
		duckdb_logical_type ct = duckdb_list_type_child_type(type);
		if (st == LH_OK)
			st = add_node(ct, "element", top, true, my_id, next_id, out, err);
		duckdb_destroy_logical_type(&ct);
		return st;
	}
	if (id == DUCKDB_TYPE_MAP) {
		st = push_row(out, my_id, parent, name, "map", nulls_allowed, err);
		duckdb_logical_type kt = duckdb_map_type_key_type(type);
		duckdb_logical_type vt = duckdb_map_type_value_type(type);
		if (st == LH_OK)
			st = add_node(kt, "key", top, true, my_id, next_id, out, err);
		if (st == LH_OK)
			st = add_node(vt, "value", top, true, my_id, next_id, out, err);
		duckdb_destroy_logical_type(&kt);
		duckdb_destroy_logical_type(&vt);
		return st;
	}
	return lh_err_set(err, LH_ERR_UNSUPPORTED,
	                  "column '%s' has type %s, which DuckLake tables cannot store; cast it to a "
	                  "supported type (integers, floats, decimal, varchar, blob, uuid, json, "
	                  "date/time types, interval, struct, list, map)",
	                  top, type_id_name(id));
}

lh_status lh_types_add_column(duckdb_logical_type type, const char *name, bool nulls_allowed,
                              int64_t *next_id, lh_column_vec *out, lh_err *err)
{
	return add_node(type, name, name, nulls_allowed, -1, next_id, out, err);
}

static lh_status types_sql(const lh_column *cols, size_t ncols, size_t ci, bool plain, lh_buf *out,
                           lh_err *err)
{
	const lh_column *c = &cols[ci];
	const char *scalar = plain && strcmp(c->type, "json") == 0 ? "VARCHAR" : lh_types_scalar_sql(c->type);
	if (scalar) {
		lh_buf_puts(out, scalar);
		return LH_OK;
	}
	if (lh_str_starts_with(c->type, "decimal(")) {
		const char *p = c->type + 7;
		lh_buf_puts(out, "DECIMAL");
		lh_buf_puts(out, p);
		return LH_OK;
	}
	bool is_struct = strcmp(c->type, "struct") == 0, is_list = strcmp(c->type, "list") == 0,
	     is_map = strcmp(c->type, "map") == 0;
	if (!is_struct && !is_list && !is_map)
		return lh_err_set(err, LH_ERR_UNSUPPORTED,
		                  "column '%s' has DuckLake type '%s', which this build cannot read",
		                  c->name, c->type);
	size_t kids[4096];
	size_t nkids = 0;
	for (size_t i = 0; i < ncols && nkids < 4096; i++)
		if (cols[i].parent == c->id)
			kids[nkids++] = i;
	if ((is_list && nkids != 1) || (is_map && nkids != 2) || (is_struct && nkids == 0))
		return lh_err_set(err, LH_ERR_CORRUPT, "column '%s' (%s) has %zu child columns", c->name,
		                  c->type, nkids);
	lh_status st = LH_OK;
	if (is_list) {
		st = types_sql(cols, ncols, kids[0], plain, out, err);
		lh_buf_puts(out, "[]");
		return st;
	}
	lh_buf_puts(out, is_map ? "MAP(" : "STRUCT(");
	for (size_t k = 0; k < nkids && st == LH_OK; k++) {
		if (k)
			lh_buf_puts(out, ", ");
		if (is_struct) {
			lh_buf_sql_ident(out, cols[kids[k]].name);
			lh_buf_putc(out, ' ');
		}
		st = types_sql(cols, ncols, kids[k], plain, out, err);
	}
	lh_buf_putc(out, ')');
	return st;
}

lh_status lh_types_sql(const lh_column *cols, size_t ncols, size_t ci, lh_buf *out, lh_err *err)
{
	return types_sql(cols, ncols, ci, false, out, err);
}

lh_status lh_types_sql_plain(const lh_column *cols, size_t ncols, size_t ci, lh_buf *out,
                             lh_err *err)
{
	return types_sql(cols, ncols, ci, true, out, err);
}

bool lh_types_has_json(const lh_column *cols, size_t ncols, size_t ci)
{
	if (strcmp(cols[ci].type, "json") == 0)
		return true;
	for (size_t i = 0; i < ncols; i++)
		if (cols[i].parent == cols[ci].id && lh_types_has_json(cols, ncols, i))
			return true;
	return false;
}

bool lh_types_promotion_allowed(const char *from, const char *to)
{
	static const char *const rules[][2] = {
	    {"int8", "int16"},     {"int8", "int32"},     {"int8", "int64"},
	    {"int16", "int32"},    {"int16", "int64"},    {"int32", "int64"},
	    {"uint8", "int16"},    {"uint8", "int32"},    {"uint8", "int64"},
	    {"uint8", "uint16"},   {"uint8", "uint32"},   {"uint8", "uint64"},
	    {"uint16", "int32"},   {"uint16", "int64"},   {"uint16", "uint32"},
	    {"uint16", "uint64"},  {"uint32", "uint64"},  {"uint32", "int64"},
	    {"float32", "float64"}, {"timestamp", "timestamptz"},
	};
	if (strcmp(from, to) == 0)
		return true;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i][0], from) == 0 && strcmp(rules[i][1], to) == 0)
			return true;
	return false;
}

static void field_id_value(const lh_column *cols, size_t ncols, size_t ci, lh_buf *out)
{
	const lh_column *c = &cols[ci];
	bool has_kids = false;
	for (size_t i = 0; i < ncols && !has_kids; i++)
		has_kids = cols[i].parent == c->id;
	if (!has_kids) {
		lh_buf_printf(out, "%lld", (long long)c->id);
		return;
	}
	lh_buf_printf(out, "{'__duckdb_field_id': %lld", (long long)c->id);
	for (size_t i = 0; i < ncols; i++) {
		if (cols[i].parent != c->id)
			continue;
		lh_buf_puts(out, ", ");
		lh_buf_sql_str(out, cols[i].name);
		lh_buf_puts(out, ": ");
		field_id_value(cols, ncols, i, out);
	}
	lh_buf_putc(out, '}');
}

void lh_types_field_ids(const lh_column *cols, size_t ncols, unsigned lineage, lh_buf *out)
{
	lh_buf_putc(out, '{');
	bool first = true;
	for (size_t i = 0; i < ncols; i++) {
		if (cols[i].parent >= 0)
			continue;
		if (!first)
			lh_buf_puts(out, ", ");
		first = false;
		lh_buf_sql_str(out, cols[i].name);
		lh_buf_puts(out, ": ");
		field_id_value(cols, ncols, i, out);
	}
	if (lineage & LH_LINEAGE_ROW_ID)
		lh_buf_printf(out, "%s'_ducklake_internal_row_id': %d", first ? "" : ", ",
		              LH_FIELD_ID_ROW_ID);
	if (lineage & LH_LINEAGE_SNAPSHOT)
		lh_buf_printf(out, "%s'_ducklake_internal_snapshot_id': %d",
		              first && !(lineage & LH_LINEAGE_ROW_ID) ? "" : ", ", LH_FIELD_ID_SNAPSHOT_ID);
	lh_buf_putc(out, '}');
}

void lh_types_logical_sql(duckdb_logical_type type, lh_buf *out)
{
	duckdb_type id = duckdb_get_type_id(type);
	char *alias = duckdb_logical_type_get_alias(type);
	if (alias) {
		lh_buf_puts(out, alias);
		duckdb_free(alias);
		return;
	}
	for (size_t i = 0; i < sizeof scalar_types / sizeof scalar_types[0]; i++)
		if (scalar_types[i].id == id) {
			lh_buf_puts(out, scalar_types[i].sql);
			return;
		}
	switch (id) {
	case DUCKDB_TYPE_DECIMAL:
		lh_buf_printf(out, "DECIMAL(%u,%u)", duckdb_decimal_width(type), duckdb_decimal_scale(type));
		return;
	case DUCKDB_TYPE_LIST: {
		duckdb_logical_type c = duckdb_list_type_child_type(type);
		lh_types_logical_sql(c, out);
		duckdb_destroy_logical_type(&c);
		lh_buf_puts(out, "[]");
		return;
	}
	case DUCKDB_TYPE_ARRAY: {
		duckdb_logical_type c = duckdb_array_type_child_type(type);
		lh_types_logical_sql(c, out);
		duckdb_destroy_logical_type(&c);
		lh_buf_printf(out, "[%llu]", (unsigned long long)duckdb_array_type_array_size(type));
		return;
	}
	case DUCKDB_TYPE_MAP: {
		duckdb_logical_type k = duckdb_map_type_key_type(type);
		duckdb_logical_type v = duckdb_map_type_value_type(type);
		lh_buf_puts(out, "MAP(");
		lh_types_logical_sql(k, out);
		lh_buf_puts(out, ", ");
		lh_types_logical_sql(v, out);
		lh_buf_putc(out, ')');
		duckdb_destroy_logical_type(&k);
		duckdb_destroy_logical_type(&v);
		return;
	}
	case DUCKDB_TYPE_STRUCT:
	case DUCKDB_TYPE_UNION: {
		idx_t n = id == DUCKDB_TYPE_STRUCT ? duckdb_struct_type_child_count(type)
		                                   : duckdb_union_type_member_count(type);
		lh_buf_puts(out, id == DUCKDB_TYPE_STRUCT ? "STRUCT(" : "UNION(");
		for (idx_t i = 0; i < n; i++) {
			char *name = id == DUCKDB_TYPE_STRUCT ? duckdb_struct_type_child_name(type, i)
			                                      : duckdb_union_type_member_name(type, i);
			duckdb_logical_type c = id == DUCKDB_TYPE_STRUCT ? duckdb_struct_type_child_type(type, i)
			                                                 : duckdb_union_type_member_type(type, i);
			lh_buf_puts(out, i ? ", " : "");
			lh_buf_puts(out, name ? name : "?");
			lh_buf_putc(out, ' ');
			lh_types_logical_sql(c, out);
			duckdb_destroy_logical_type(&c);
			duckdb_free(name);
		}
		lh_buf_putc(out, ')');
		return;
	}
	case DUCKDB_TYPE_ENUM:
		lh_buf_puts(out, "ENUM");
		return;
	case DUCKDB_TYPE_BIT:
		lh_buf_puts(out, "BIT");
		return;
	case DUCKDB_TYPE_BIGNUM:
		lh_buf_puts(out, "BIGNUM");
		return;
	case DUCKDB_TYPE_SQLNULL:
		lh_buf_puts(out, "\"NULL\"");
		return;
	default:
		lh_buf_puts(out, "UNKNOWN");
		return;
	}
}
