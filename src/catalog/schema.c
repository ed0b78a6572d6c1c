/*
 * catalog/schema.c - the DuckLake 0.3 DDL and initial rows. See schema.h.
 */
#include "catalog/schema.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <stdlib.h>
#include <string.h>

/* Each table as "name", then "column TYPE[ PRIMARY KEY| NOT NULL]" entries, NULL-ended.
 * Types are DuckDB names, as in DuckDB's ducklake extension; the backend maps them. A
 * leading '-' marks a table or column of 0.3 only, '+' one of 0.4/1.0 only (DuckLake's
 * initial schema of each, shared/reference/ducklake-0.3.md sections 2 and 9). */
static const char *const spec_tables[][20] = {
    {"ducklake_metadata", "\"key\" VARCHAR NOT NULL", "\"value\" VARCHAR NOT NULL",
     "\"scope\" VARCHAR", "scope_id BIGINT", NULL},
    {"ducklake_snapshot", "snapshot_id BIGINT PRIMARY KEY", "snapshot_time TIMESTAMPTZ",
     "schema_version BIGINT", "next_catalog_id BIGINT", "next_file_id BIGINT", NULL},
    {"ducklake_snapshot_changes", "snapshot_id BIGINT PRIMARY KEY", "changes_made VARCHAR",
     "author VARCHAR", "commit_message VARCHAR", "commit_extra_info VARCHAR", NULL},
    {"ducklake_schema", "schema_id BIGINT PRIMARY KEY", "schema_uuid UUID", "begin_snapshot BIGINT",
     "end_snapshot BIGINT", "schema_name VARCHAR", "path VARCHAR", "path_is_relative BOOLEAN",
     NULL},
    {"ducklake_table", "table_id BIGINT", "table_uuid UUID", "begin_snapshot BIGINT",
     "end_snapshot BIGINT", "schema_id BIGINT", "table_name VARCHAR", "path VARCHAR",
     "path_is_relative BOOLEAN", NULL},
    {"ducklake_view", "view_id BIGINT", "view_uuid UUID", "begin_snapshot BIGINT",
     "end_snapshot BIGINT", "schema_id BIGINT", "view_name VARCHAR", "dialect VARCHAR",
     "\"sql\" VARCHAR", "column_aliases VARCHAR", NULL},
    {"ducklake_tag", "object_id BIGINT", "begin_snapshot BIGINT", "end_snapshot BIGINT",
     "\"key\" VARCHAR", "\"value\" VARCHAR", NULL},
    {"ducklake_column_tag", "table_id BIGINT", "column_id BIGINT", "begin_snapshot BIGINT",
     "end_snapshot BIGINT", "\"key\" VARCHAR", "\"value\" VARCHAR", NULL},
    {"ducklake_data_file", "data_file_id BIGINT PRIMARY KEY", "table_id BIGINT",
     "begin_snapshot BIGINT", "end_snapshot BIGINT", "file_order BIGINT", "path VARCHAR",
     "path_is_relative BOOLEAN", "file_format VARCHAR", "record_count BIGINT",
     "file_size_bytes BIGINT", "footer_size BIGINT", "row_id_start BIGINT", "partition_id BIGINT",
     "encryption_key VARCHAR", "-partial_file_info VARCHAR", "mapping_id BIGINT",
     "+partial_max BIGINT", NULL},
    {"ducklake_file_column_stats", "data_file_id BIGINT", "table_id BIGINT", "column_id BIGINT",
     "column_size_bytes BIGINT", "value_count BIGINT", "null_count BIGINT", "min_value VARCHAR",
     "max_value VARCHAR", "contains_nan BOOLEAN", "extra_stats VARCHAR", NULL},
    {"+ducklake_file_variant_stats", "data_file_id BIGINT", "table_id BIGINT", "column_id BIGINT",
     "variant_path VARCHAR", "shredded_type VARCHAR", "column_size_bytes BIGINT",
     "value_count BIGINT", "null_count BIGINT", "min_value VARCHAR", "max_value VARCHAR",
     "contains_nan BOOLEAN", "extra_stats VARCHAR", NULL},
    {"ducklake_delete_file", "delete_file_id BIGINT PRIMARY KEY", "table_id BIGINT",
     "begin_snapshot BIGINT", "end_snapshot BIGINT", "data_file_id BIGINT", "path VARCHAR",
     "path_is_relative BOOLEAN", "format VARCHAR", "delete_count BIGINT", "file_size_bytes BIGINT",
     "footer_size BIGINT", "encryption_key VARCHAR", "+partial_max BIGINT", NULL},
    {"ducklake_column", "column_id BIGINT", "begin_snapshot BIGINT", "end_snapshot BIGINT",
     "table_id BIGINT", "column_order BIGINT", "column_name VARCHAR", "column_type VARCHAR",
     "initial_default VARCHAR", "default_value VARCHAR", "nulls_allowed BOOLEAN",
     "parent_column BIGINT", "+default_value_type VARCHAR", "+default_value_dialect VARCHAR",
     NULL},
    {"ducklake_table_stats", "table_id BIGINT", "record_count BIGINT", "next_row_id BIGINT",
     "file_size_bytes BIGINT", NULL},
    {"ducklake_table_column_stats", "table_id BIGINT", "column_id BIGINT", "contains_null BOOLEAN",
     "contains_nan BOOLEAN", "min_value VARCHAR", "max_value VARCHAR", "extra_stats VARCHAR", NULL},
    {"ducklake_partition_info", "partition_id BIGINT", "table_id BIGINT", "begin_snapshot BIGINT",
     "end_snapshot BIGINT", NULL},
    {"ducklake_partition_column", "partition_id BIGINT", "table_id BIGINT",
     "partition_key_index BIGINT", "column_id BIGINT", "\"transform\" VARCHAR", NULL},
    {"ducklake_file_partition_value", "data_file_id BIGINT", "table_id BIGINT",
     "partition_key_index BIGINT", "partition_value VARCHAR", NULL},
    {"ducklake_files_scheduled_for_deletion", "data_file_id BIGINT", "path VARCHAR",
     "path_is_relative BOOLEAN", "schedule_start TIMESTAMPTZ", NULL},
    {"ducklake_inlined_data_tables", "table_id BIGINT", "table_name VARCHAR",
     "schema_version BIGINT", NULL},
    {"ducklake_column_mapping", "mapping_id BIGINT", "table_id BIGINT", "\"type\" VARCHAR", NULL},
    {"ducklake_name_mapping", "mapping_id BIGINT", "column_id BIGINT", "source_name VARCHAR",
     "target_field_id BIGINT", "parent_column BIGINT", "is_partition BOOLEAN", NULL},
    {"ducklake_schema_versions", "begin_snapshot BIGINT", "schema_version BIGINT",
     "+table_id BIGINT", NULL},
    {"+ducklake_macro", "schema_id BIGINT", "macro_id BIGINT", "macro_name VARCHAR",
     "begin_snapshot BIGINT", "end_snapshot BIGINT", NULL},
    {"+ducklake_macro_impl", "macro_id BIGINT", "impl_id BIGINT", "dialect VARCHAR",
     "\"sql\" VARCHAR", "\"type\" VARCHAR", NULL},
    {"+ducklake_macro_parameters", "macro_id BIGINT", "impl_id BIGINT", "column_id BIGINT",
     "parameter_name VARCHAR", "parameter_type VARCHAR", "default_value VARCHAR",
     "default_value_type VARCHAR", NULL},
    {"+ducklake_sort_info", "sort_id BIGINT", "table_id BIGINT", "begin_snapshot BIGINT",
     "end_snapshot BIGINT", NULL},
    {"+ducklake_sort_expression", "sort_id BIGINT", "table_id BIGINT", "sort_key_index BIGINT",
     "expression VARCHAR", "dialect VARCHAR", "sort_direction VARCHAR", "null_order VARCHAR",
     NULL},
};

static const char *const format_names[] = {"0.3", "0.4", "1.0"};

const char *lh_ducklake_format_name(lh_ducklake_format f)
{
	return format_names[f];
}

lh_status lh_ducklake_format_parse(const char *s, lh_ducklake_format *out)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*out = (lh_ducklake_format)i;
			return LH_OK;
		}
	return LH_ERR_UNSUPPORTED;
}

/* Whether a table or column entry (with its marker) belongs to format f; *name skips the
 * marker. */
static bool in_format(const char *entry, lh_ducklake_format f, const char **name)
{
	*name = entry + (entry[0] == '+' || entry[0] == '-');
	if (entry[0] == '+')
		return f >= LH_DUCKLAKE_0_4;
	if (entry[0] == '-')
		return f == LH_DUCKLAKE_0_3;
	return true;
}

/* Indexes beside the spec tables, so that reading the current state costs the same
 * however much history the catalog retains: the visibility predicate's
 * `end_snapshot IS NULL OR end_snapshot > N` and the joins by file id use them. Spec
 * tables themselves are never altered; DuckDB's ducklake extension ignores these. A
 * DuckDB-file catalog gets none: DuckDB scans its columns fast, and its indexes make
 * updates of indexed columns costly. */
static const char lh_index_ddl[] =
    "CREATE INDEX IF NOT EXISTS lakehouse_data_file_end ON ducklake_data_file(end_snapshot);\n"
    "CREATE INDEX IF NOT EXISTS lakehouse_delete_file_end ON ducklake_delete_file(end_snapshot);\n"
    "CREATE INDEX IF NOT EXISTS lakehouse_delete_file_data ON ducklake_delete_file(data_file_id);\n"
    "CREATE INDEX IF NOT EXISTS lakehouse_file_column_stats ON "
    "ducklake_file_column_stats(data_file_id, column_id);\n"
    "CREATE INDEX IF NOT EXISTS lakehouse_column_table ON ducklake_column(table_id);\n";

static bool wants_indexes(const lh_catdb *db)
{
	return strcmp(db->ops->name, "duckdb") != 0;
}

void lh_catalog_ensure_indexes(lh_catdb *db)
{
	if (db->indexed)
		return;
	db->indexed = true; /* one attempt per connection: the indexes only make it faster */
	if (!wants_indexes(db))
		return;
	lh_err ignored = {0};
	db->ops->script(db, lh_index_ddl, &ignored);
	lh_err_clear(&ignored);
}

/* "name TYPE rest" with TYPE mapped to the backend's. */
static void append_column_ddl(lh_buf *b, const lh_catdb *db, const char *col)
{
	const char *sp = strchr(col, ' ');
	const char *type = sp + 1;
	const char *rest = strchr(type, ' ');
	char *t = lh_strndup(type, rest ? (size_t)(rest - type) : strlen(type));
	lh_buf_append(b, col, (size_t)(sp - col) + 1);
	lh_buf_puts(b, t ? db->ops->column_type(t) : "?");
	if (rest)
		lh_buf_puts(b, rest);
	free(t);
}

static void append_table_ddl(lh_buf *b, const lh_catdb *db, const char *const *def,
                             lh_ducklake_format f)
{
	const char *name;
	if (!in_format(def[0], f, &name))
		return;
	lh_buf_printf(b, "CREATE TABLE %s(", name);
	for (int i = 1, n = 0; def[i]; i++) {
		const char *col;
		if (!in_format(def[i], f, &col))
			continue;
		lh_buf_puts(b, n++ ? ", " : "");
		append_column_ddl(b, db, col);
	}
	lh_buf_puts(b, ");\n");
}

/* The DuckDB type of column `column` of catalog table `table` (see lh_catalog_copy). */
static const char *column_type(const char *table, const char *column)
{
	static const char *const types[] = {"BIGINT", "VARCHAR", "BOOLEAN", "UUID", "TIMESTAMPTZ"};
	for (size_t t = 0; t < sizeof spec_tables / sizeof spec_tables[0]; t++) {
		const char *name;
		in_format(spec_tables[t][0], LH_DUCKLAKE_0_3, &name);
		if (strcmp(name, table) != 0)
			continue;
		for (int i = 1; spec_tables[t][i]; i++) {
			/* "name TYPE rest" (as append_column_ddl reads it), the name maybe quoted */
			const char *col;
			in_format(spec_tables[t][i], LH_DUCKLAKE_0_3, &col);
			const char *sp = strchr(col, ' '), *type = sp + 1;
			size_t q = col[0] == '"', n = strlen(column), tn = strcspn(type, " ");
			if ((size_t)(sp - col) != n + 2 * q || strncmp(col + q, column, n) != 0)
				continue;
			for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
				if (strlen(types[k]) == tn && strncmp(type, types[k], tn) == 0)
					return types[k];
		}
	}
	if (strncmp(table, "ducklake_inlined_", 17) == 0 &&
	    (strcmp(column, "row_id") == 0 || strcmp(column, "begin_snapshot") == 0 ||
	     strcmp(column, "end_snapshot") == 0 || strcmp(column, "file_id") == 0))
		return "BIGINT";
	return "VARCHAR";
}

void lh_catalog_copy_free(lh_catalog_copy *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->names[i]);
		lh_rows_free(&c->rows[i]);
		free(c->types[i]);
	}
	free(c->names);
	free(c->rows);
	free(c->types);
	memset(c, 0, sizeof *c);
}

lh_status lh_catalog_copy_read(lh_catdb *db, lh_catalog_copy *out, lh_err *err)
{
	memset(out, 0, sizeof *out);
	lh_status st = db->ops->begin(db, false, err);
	if (st != LH_OK)
		return st;
	lh_rows *tabs = NULL;
	st = lh_catdb_query(db, db->ops->tables_sql, NULL, 0, &tabs, err);
	size_t n = st == LH_OK ? tabs->nrows : 0;
	out->names = calloc(n + 1, sizeof *out->names);
	out->rows = calloc(n + 1, sizeof *out->rows);
	out->types = calloc(n + 1, sizeof *out->types);
	if (st == LH_OK && (!out->names || !out->rows || !out->types))
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	for (size_t r = 0; st == LH_OK && r < n; r++) {
		const char *name = lh_rows_get(tabs, r, 0);
		if (!name || (strncmp(name, "ducklake_", 9) != 0 && strncmp(name, "lakehouse_", 10) != 0))
			continue;
		size_t i = out->n;
		if (!(out->names[i] = lh_strdup(name))) {
			st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			break;
		}
		out->n++;
		lh_buf q;
		lh_buf_init(&q, 0);
		lh_buf_puts(&q, "SELECT * FROM ");
		lh_buf_sql_ident(&q, name);
		st = q.status == LH_OK ? lh_catdb_query(db, lh_buf_str(&q), NULL, 0, &out->rows[i], err)
		                       : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		lh_buf_free(&q);
		size_t ncols = st == LH_OK ? out->rows[i]->ncols : 0;
		if (st == LH_OK && !(out->types[i] = calloc(ncols + 1, sizeof *out->types[i])))
			st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		for (size_t k = 0; st == LH_OK && k < ncols; k++)
			out->types[i][k] = column_type(name, out->rows[i]->names[k] ? out->rows[i]->names[k] : "");
	}
	lh_rows_free(&tabs);
	db->ops->rollback(db); /* read-only: nothing to keep */
	if (st != LH_OK)
		lh_catalog_copy_free(out);
	return st;
}

lh_status lh_catalog_create(lh_catdb *db, const char *data_path, const char *created_by,
                            lh_ducklake_format format, lh_err *err)
{
	/* a readable ducklake_metadata means a catalog is already there */
	lh_rows *rows = NULL;
	lh_err probe = {0};
	if (lh_catdb_query(db, "SELECT count(*) FROM ducklake_metadata", NULL, 0, &rows, &probe) ==
	    LH_OK) {
		lh_rows_free(&rows);
		return lh_err_set(err, LH_ERR_EXISTS, "the catalog already holds a DuckLake catalog");
	}
	lh_err_clear(&probe);
	lh_status st;

	lh_buf ddl;
	lh_buf_init(&ddl, 0);
	for (size_t i = 0; i < sizeof spec_tables / sizeof spec_tables[0]; i++)
		append_table_ddl(&ddl, db, spec_tables[i], format);
	if (ddl.status != LH_OK) {
		lh_buf_free(&ddl);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}

	char now[40], schema_uuid[LH_UUID_LEN + 1];
	lh_now_timestamptz(now);
	if (lh_uuid_v4(schema_uuid) != LH_OK) {
		lh_buf_free(&ddl);
		return lh_err_set(err, LH_ERR_IO, "cannot read random bytes for a uuid");
	}
	st = db->ops->begin(db, true, err);
	if (st != LH_OK) {
		lh_buf_free(&ddl);
		return st;
	}
	st = db->ops->script(db, lh_buf_str(&ddl), err);
	lh_buf_free(&ddl);
	if (st == LH_OK && wants_indexes(db))
		st = db->ops->script(db, lh_index_ddl, err);
	db->indexed = true;
	struct {
		const char *sql;
		lh_val p[7];
		size_t n;
	} rows_init[] = {
	    {"INSERT INTO ducklake_snapshot VALUES (0, ?, 0, 1, 0)", {LH_V_TEXT(now)}, 1},
	    {"INSERT INTO ducklake_snapshot_changes VALUES (0, 'created_schema:\"main\"', NULL, NULL, "
	     "NULL)",
	     {LH_V_NULL},
	     0},
	    {"INSERT INTO ducklake_metadata (\"key\", \"value\") VALUES ('version', ?), "
	     "('created_by', ?), ('data_path', ?), ('encrypted', 'false')",
	     {LH_V_TEXT(format_names[format]), LH_V_TEXT(created_by), LH_V_TEXT(data_path)},
	     3},
	    {"INSERT INTO ducklake_schema VALUES (0, ?, 0, NULL, 'main', 'main/', ?)",
	     {LH_V_TEXT(schema_uuid), LH_V_BOOL(true)},
	     2},
	    /* 0.3 only: from 0.4 on, schema versions are per table, and there is none yet */
	    {"INSERT INTO ducklake_schema_versions VALUES (0, 0)", {LH_V_NULL}, 0},
	};
	size_t nrows = sizeof rows_init / sizeof rows_init[0] - (format == LH_DUCKLAKE_0_3 ? 0 : 1);
	for (size_t i = 0; st == LH_OK && i < nrows; i++)
		st = lh_catdb_exec(db, rows_init[i].sql, rows_init[i].p, rows_init[i].n, err);
	if (st != LH_OK) {
		db->ops->rollback(db);
		return st;
	}
	st = lh_catdb_commit(db, err);
	if (st == LH_OK)
		db->format = format;
	return st;
}

/* The column that tells the layouts apart is there: a catalog whose version row and
 * tables disagree (changed by hand, or a migration by another tool cut short) is named as
 * such, never met later as a failing internal query. */
static lh_status check_layout(lh_catdb *db, const char *what, const char *version, lh_err *err)
{
	bool v1 = lh_catdb_v1(db);
	lh_rows *rows = NULL;
	lh_err ignored = {0};
	lh_status st = lh_catdb_query(db,
	                              v1 ? "SELECT partial_max FROM ducklake_data_file WHERE 1 = 0"
	                                 : "SELECT partial_file_info FROM ducklake_data_file WHERE 1 = 0",
	                              NULL, 0, &rows, &ignored);
	lh_rows_free(&rows);
	lh_err_clear(&ignored);
	if (st == LH_ERR_NOMEM)
		return lh_err_set(err, st, "out of memory");
	if (st != LH_OK)
		return lh_err_set(err, LH_ERR_CORRUPT,
		                  "catalog '%s' says it is DuckLake version %s, but its tables are not "
		                  "that version's (ducklake_data_file has no %s column): it was changed by "
		                  "hand or a migration stopped half-way; restore it from a backup",
		                  what, version, v1 ? "partial_max" : "partial_file_info");
	return LH_OK;
}

lh_status lh_catalog_check(lh_catdb *db, const char *what, char **out_data_path, lh_err *err)
{
	*out_data_path = NULL;
	lh_rows *rows = NULL;
	lh_err qerr = {0};
	lh_status st = lh_catdb_query(db,
	                              "SELECT \"key\", \"value\" FROM ducklake_metadata WHERE \"scope\" "
	                              "IS NULL AND \"key\" IN ('version', 'data_path')",
	                              NULL, 0, &rows, &qerr);
	if (st == LH_ERR_NOMEM) {
		lh_err_move(err, &qerr);
		return st;
	}
	if (st != LH_OK) {
		lh_err_clear(&qerr);
		return lh_err_set(err, LH_ERR_CORRUPT,
		                  "'%s' is not a DuckLake catalog (no readable ducklake_metadata table)",
		                  what);
	}
	const char *version = NULL, *data_path = NULL;
	for (size_t r = 0; r < rows->nrows; r++) {
		if (strcmp(lh_rows_get(rows, r, 0), "version") == 0)
			version = lh_rows_get(rows, r, 1);
		else
			data_path = lh_rows_get(rows, r, 1);
	}
	if (!version || lh_ducklake_format_parse(version, &db->format) != LH_OK)
		st = lh_err_set(err, LH_ERR_UNSUPPORTED,
		                "catalog '%s' is DuckLake version '%s'; this build reads versions 0.3, 0.4 "
		                "and 1.0",
		                what, version ? version : "(none)");
	else if (!data_path || !*data_path)
		st = lh_err_set(err, LH_ERR_CORRUPT, "catalog '%s' has no data_path", what);
	else
		st = check_layout(db, what, version, err);
	if (st == LH_OK && !(*out_data_path = lh_strdup(data_path)))
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_rows_free(&rows);
	return st;
}

/* 0.3 files DuckDB's compaction merged record, in partial_file_info "s1:r1|s2:r2|...", how
 * many of their rows existed at each snapshot. 0.4 has no place for that (DuckLake's own
 * migration drops it), so a file whose split still matters to a snapshot the catalog
 * keeps would read rows that did not exist yet: refused, naming what to expire. */
static lh_status check_splits(lh_catdb *db, lh_err *err)
{
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(
	    db,
	    "SELECT d.data_file_id, d.path, d.partial_file_info, d.begin_snapshot, d.end_snapshot FROM "
	    "ducklake_data_file d WHERE d.partial_file_info IS NOT NULL AND d.partial_file_info NOT "
	    "LIKE 'partial_max:%' ORDER BY d.data_file_id",
	    NULL, 0, &rows, err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		const char *info = lh_rows_get(rows, r, 2);
		long long last = 0;
		for (const char *p = info; p && *p;) {
			char *end = NULL;
			long long snap = strtoll(p, &end, 10);
			last = snap > last ? snap : last;
			p = strchr(end, '|');
			p = p ? p + 1 : NULL;
		}
		/* a kept snapshot the file is part of that is older than its last split */
		lh_val v[3] = {LH_V_INT(lh_rows_int(rows, r, 3, 0)), LH_V_INT(last),
		               LH_V_INT(lh_rows_int(rows, r, 4, INT64_MAX))};
		lh_rows *kept = NULL;
		st = lh_catdb_query(db,
		                    "SELECT max(snapshot_id) FROM ducklake_snapshot WHERE snapshot_id >= ? AND "
		                    "snapshot_id < ? AND snapshot_id < ?",
		                    v, 3, &kept, err);
		if (st == LH_OK && !lh_rows_isnull(kept, 0, 0))
			st = lh_err_set(
			    err, LH_ERR_UNSUPPORTED,
			    "cannot migrate to DuckLake 1.0: data file %lld ('%s') was merged by DuckDB 1.4's "
			    "compaction and records which of its rows existed at snapshots before %lld "
			    "('%s'), which a 1.0 catalog cannot record; snapshot %lld would then read rows "
			    "that did not exist yet. Expire the snapshots before %lld first (lakehouse expire "
			    "--keep-last N, or CALL ducklake_expire_snapshots), then migrate",
			    (long long)lh_rows_int(rows, r, 0, 0), lh_rows_get(rows, r, 1), last, info,
			    (long long)lh_rows_int(kept, 0, 0, 0), last);
		lh_rows_free(&kept);
	}
	lh_rows_free(&rows);
	return st;
}

/* 0.3 -> 0.4, as DuckLake's MigrateV03: the new tables, the new columns, partial_max out
 * of partial_file_info, schema versions per table. */
static lh_status migrate_v03(lh_catdb *db, lh_err *err)
{
	lh_status st = check_splits(db, err);
	lh_rows *partial = NULL;
	if (st == LH_OK)
		st = lh_catdb_query(db,
		                    "SELECT data_file_id, partial_file_info FROM ducklake_data_file WHERE "
		                    "partial_file_info LIKE 'partial_max:%'",
		                    NULL, 0, &partial, err);
	if (st != LH_OK)
		return st;
	lh_buf ddl;
	lh_buf_init(&ddl, 0);
	for (size_t i = 0; i < sizeof spec_tables / sizeof spec_tables[0]; i++)
		if (spec_tables[i][0][0] == '+')
			append_table_ddl(&ddl, db, spec_tables[i], LH_DUCKLAKE_0_4);
	for (size_t i = 0; i < sizeof spec_tables / sizeof spec_tables[0]; i++)
		for (int k = 1; spec_tables[i][0][0] != '+' && spec_tables[i][k]; k++)
			if (spec_tables[i][k][0] == '+') {
				lh_buf_printf(&ddl, "ALTER TABLE %s ADD COLUMN ", spec_tables[i][0]);
				append_column_ddl(&ddl, db, spec_tables[i][k] + 1);
				lh_buf_puts(&ddl, ";\n");
			}
	lh_buf_puts(&ddl, "UPDATE ducklake_column SET default_value_type = 'literal';\n"
	                  "ALTER TABLE ducklake_data_file DROP COLUMN partial_file_info;\n"
	                  "INSERT INTO ducklake_schema_versions (table_id, begin_snapshot, "
	                  "schema_version) SELECT t.table_id, sv.begin_snapshot, sv.schema_version FROM "
	                  "ducklake_schema_versions sv JOIN ducklake_table t ON sv.begin_snapshot >= "
	                  "t.begin_snapshot AND (t.end_snapshot IS NULL OR sv.begin_snapshot <= "
	                  "t.end_snapshot) WHERE sv.table_id IS NULL;\n"
	                  "DELETE FROM ducklake_schema_versions WHERE table_id IS NULL;\n");
	st = ddl.status == LH_OK ? db->ops->script(db, lh_buf_str(&ddl), err)
	                         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&ddl);
	for (size_t r = 0; st == LH_OK && r < partial->nrows; r++) {
		lh_val v[2] = {LH_V_INT(strtoll(lh_rows_get(partial, r, 1) + 12, NULL, 10)),
		               LH_V_INT(lh_rows_int(partial, r, 0, 0))};
		st = lh_catdb_exec(db, "UPDATE ducklake_data_file SET partial_max = ? WHERE data_file_id = ?",
		                   v, 2, err);
	}
	lh_rows_free(&partial);
	return st;
}

lh_status lh_catalog_migrate(lh_catdb *db, lh_ducklake_format to, lh_err *err)
{
	if (to < db->format)
		return lh_err_set(err, LH_ERR_UNSUPPORTED,
		                  "the catalog is DuckLake %s; it cannot be migrated back to %s (DuckLake "
		                  "has no downgrade)",
		                  format_names[db->format], format_names[to]);
	if (to == db->format)
		return LH_OK;
	lh_status st = db->ops->begin(db, true, err);
	if (st != LH_OK)
		return st;
	if (db->format == LH_DUCKLAKE_0_3)
		st = migrate_v03(db, err);
	lh_val v[1] = {LH_V_TEXT(format_names[to])};
	if (st == LH_OK)
		st = lh_catdb_exec(db,
		                   "UPDATE ducklake_metadata SET \"value\" = ? WHERE \"key\" = 'version' AND "
		                   "\"scope\" IS NULL",
		                   v, 1, err);
	if (st != LH_OK) {
		db->ops->rollback(db);
		return st;
	}
	st = lh_catdb_commit(db, err);
	if (st == LH_OK)
		db->format = to;
	return st;
}

lh_status lh_catalog_recheck_format(lh_catdb *db, lh_err *err)
{
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT \"value\" FROM ducklake_metadata WHERE \"key\" = "
	                              "'version' AND \"scope\" IS NULL",
	                              NULL, 0, &rows, err);
	if (st != LH_OK)
		return st;
	const char *v = rows->nrows ? lh_rows_get(rows, 0, 0) : NULL;
	lh_ducklake_format f;
	if (!v || lh_ducklake_format_parse(v, &f) != LH_OK)
		st = lh_err_set(err, LH_ERR_UNSUPPORTED,
		                "the catalog is now DuckLake version '%s', which this build cannot read "
		                "or write; nothing was written",
		                v ? v : "(none)");
	else
		db->format = f;
	lh_rows_free(&rows);
	return st;
}
