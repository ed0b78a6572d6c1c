/*
 * engine/types.h - DuckDB types <-> DuckLake column rows.
 *
 * Layer: engine. DuckLake stores one ducklake_column row per node of a type: a STRUCT
 * has one child row per field, a LIST one child named "element", a MAP children "key"
 * and "value". Column ids are handed out depth-first, parent before children, which is
 * also the Parquet field id numbering (reference section 2.12).
 */
#ifndef LH_ENGINE_TYPES_H
#define LH_ENGINE_TYPES_H

#include "catalog/model.h"

#include <duckdb.h>

typedef LH_VEC(lh_column) lh_column_vec;

/*
 * Appends the column rows for a top-level column `name` of DuckDB type `type`: ids from
 * *next_id on (advanced), column_order = column_id, parent -1 for the top row. An
 * unsupported type (ENUM, ARRAY, UNION, BIT, ...) is LH_ERR_UNSUPPORTED naming the column.
 */
lh_status lh_types_add_column(duckdb_logical_type type, const char *name, bool nulls_allowed,
                              int64_t *next_id, lh_column_vec *out, lh_err *err);

/* Appends the DuckDB SQL type of column index `ci` of `cols` (recursing into its
 * children), e.g. STRUCT("w" INTEGER, "h" INTEGER). */
lh_status lh_types_sql(const lh_column *cols, size_t ncols, size_t ci, lh_buf *out, lh_err *err);
/* The same, with JSON spelled VARCHAR: read_parquet's schema parameter cannot resolve
 * the JSON type, so scans read it as VARCHAR and cast back. */
lh_status lh_types_sql_plain(const lh_column *cols, size_t ncols, size_t ci, lh_buf *out,
                             lh_err *err);
/* True when column ci or any of its children is json. */
bool lh_types_has_json(const lh_column *cols, size_t ncols, size_t ci);

/* Appends DuckDB's spelling of a logical type (INTEGER, DECIMAL(9,2), VARCHAR[],
 * STRUCT(w INTEGER), MAP(VARCHAR, INTEGER), ...). */
void lh_types_logical_sql(duckdb_logical_type type, lh_buf *out);

/* The DuckDB SQL type of a scalar DuckLake type string, or NULL when not scalar/known. */
const char *lh_types_scalar_sql(const char *ducklake_type);

/* True when a column of DuckLake type `from` may become `to` (only widening). */
bool lh_types_promotion_allowed(const char *from, const char *to);

/* The lineage columns a data file may hold after the table's, under DuckLake's reserved
 * field ids: each row's id (_ducklake_internal_row_id) and the snapshot that wrote it
 * (_ducklake_internal_snapshot_id), in that order. */
enum {
	LH_LINEAGE_ROW_ID = 1 << 0,
	LH_LINEAGE_SNAPSHOT = 1 << 1,
	LH_LINEAGE_ALL = LH_LINEAGE_ROW_ID | LH_LINEAGE_SNAPSHOT,
};

/* Appends the FIELD_IDS struct literal for COPY covering the top-level columns of a
 * table and the lineage columns of `lineage`, e.g.
 * {'id': 1, 'tags': {'__duckdb_field_id': 4, 'element': 5}}. */
void lh_types_field_ids(const lh_column *cols, size_t ncols, unsigned lineage, lh_buf *out);

#endif
