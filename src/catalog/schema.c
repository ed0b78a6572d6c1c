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
 * Types are DuckDB names, as in DuckDB's ducklake extension; the backend maps them. */
static const char *const spec_tables[][18] = {
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
     "encryption_key VARCHAR", "partial_file_info VARCHAR", "mapping_id BIGINT", NULL},
    {"ducklake_file_column_stats", "data_file_id BIGINT", "table_id BIGINT", "column_id BIGINT",
     "column_size_bytes BIGINT", "value_count BIGINT", "null_count BIGINT", "min_value VARCHAR",
     "max_value VARCHAR", "contains_nan BOOLEAN", "extra_stats VARCHAR", NULL},
    {"ducklake_delete_file", "delete_file_id BIGINT PRIMARY KEY", "table_id BIGINT",
     "begin_snapshot BIGINT", "end_snapshot BIGINT", "data_file_id BIGINT", "path VARCHAR",
     "path_is_relative BOOLEAN", "format VARCHAR", "delete_count BIGINT", "file_size_bytes BIGINT",
     "footer_size BIGINT", "encryption_key VARCHAR", NULL},
    {"ducklake_column", "column_id BIGINT", "begin_snapshot BIGINT", "end_snapshot BIGINT",
     "table_id BIGINT", "column_order BIGINT", "column_name VARCHAR", "column_type VARCHAR",
     "initial_default VARCHAR", "default_value VARCHAR", "nulls_allowed BOOLEAN",
     "parent_column BIGINT", NULL},
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
    {"ducklake_schema_versions", "begin_snapshot BIGINT", "schema_version BIGINT", NULL},
};

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
    "ducklake_file_column_stats(table_id, column_id);\n"
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

static void append_table_ddl(lh_buf *b, const lh_catdb *db, const char *const *def)
{
	lh_buf_printf(b, "CREATE TABLE %s(", def[0]);
	for (int i = 1; def[i]; i++) {
		/* split "name TYPE rest" and map TYPE */
		const char *sp = strchr(def[i], ' ');
		const char *type = sp + 1;
		const char *rest = strchr(type, ' ');
		char *t = lh_strndup(type, rest ? (size_t)(rest - type) : strlen(type));
		if (i > 1)
			lh_buf_puts(b, ", ");
		lh_buf_append(b, def[i], (size_t)(sp - def[i]) + 1);
		lh_buf_puts(b, t ? db->ops->column_type(t) : "?");
		if (rest)
			lh_buf_puts(b, rest);
		free(t);
	}
	lh_buf_puts(b, ");\n");
}

lh_status lh_catalog_create(lh_catdb *db, const char *data_path, const char *created_by,
                            lh_err *err)
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
		append_table_ddl(&ddl, db, spec_tables[i]);
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
	     {LH_V_TEXT(LH_DUCKLAKE_VERSION), LH_V_TEXT(created_by), LH_V_TEXT(data_path)},
	     3},
	    {"INSERT INTO ducklake_schema VALUES (0, ?, 0, NULL, 'main', 'main/', ?)",
	     {LH_V_TEXT(schema_uuid), LH_V_BOOL(true)},
	     2},
	    {"INSERT INTO ducklake_schema_versions VALUES (0, 0)", {LH_V_NULL}, 0},
	};
	for (size_t i = 0; st == LH_OK && i < sizeof rows_init / sizeof rows_init[0]; i++)
		st = lh_catdb_exec(db, rows_init[i].sql, rows_init[i].p, rows_init[i].n, err);
	if (st == LH_OK)
		return lh_catdb_commit(db, err);
	db->ops->rollback(db);
	return st;
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
	if (!version || strcmp(version, LH_DUCKLAKE_VERSION) != 0)
		st = lh_err_set(err, LH_ERR_UNSUPPORTED,
		                "catalog '%s' is DuckLake version '%s'; this build reads only version %s",
		                what, version ? version : "(none)", LH_DUCKLAKE_VERSION);
	else if (!data_path || !*data_path)
		st = lh_err_set(err, LH_ERR_CORRUPT, "catalog '%s' has no data_path", what);
	else if (!(*out_data_path = lh_strdup(data_path)))
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_rows_free(&rows);
	return st;
}
