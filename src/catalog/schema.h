/*
 * catalog/schema.h - creating a DuckLake catalog (0.3 or 1.0), checking and migrating one.
 *
 * Layer: catalog. Writes exactly the spec tables and the initial rows DuckDB's ducklake
 * extension writes (22 tables for 0.3, 28 for 0.4/1.0; shared/reference/ducklake-0.3.md
 * sections 2 and 9), column types translated by the backend. Spec tables are altered
 * only by a migration, the way DuckLake's own migration alters them.
 */
#ifndef LH_CATALOG_SCHEMA_H
#define LH_CATALOG_SCHEMA_H

#include "catalog/catdb.h"

/* The format new lakes get (0.3 while DuckDB 1.4 is the engine: its ducklake extension
 * reads nothing newer). */
#define LH_DUCKLAKE_DEFAULT LH_DUCKLAKE_0_3

/* "0.3", "0.4", "1.0". */
const char *lh_ducklake_format_name(lh_ducklake_format f);
/* LH_ERR_UNSUPPORTED for a version this build does not know (no message). */
lh_status lh_ducklake_format_parse(const char *s, lh_ducklake_format *out);

/* Creates the tables and initial rows of `format` in one transaction. `data_path` ends in
 * '/'. Fails with LH_ERR_EXISTS when the database already holds a ducklake_metadata
 * table. */
lh_status lh_catalog_create(lh_catdb *db, const char *data_path, const char *created_by,
                            lh_ducklake_format format, lh_err *err);

/* Re-reads the catalog's version inside the caller's catalog transaction and takes it
 * into db->format, so a session that opened the lake before another process migrated it
 * reads and writes the new layout. */
lh_status lh_catalog_recheck_format(lh_catdb *db, lh_err *err);

/* Migrates a checked catalog (lh_catalog_check) to `to` in one transaction, as DuckLake
 * migrates: nothing when it is there already, an error for an older version (DuckLake
 * has no downgrade), and for a 0.3 catalog whose compacted files' per-snapshot row counts
 * still matter to a snapshot it keeps (1.0 cannot record them). */
lh_status lh_catalog_migrate(lh_catdb *db, lh_ducklake_format to, lh_err *err);

/* Creates the lakehouse_* indexes beside the spec tables if they are missing (lakes
 * made before they existed, or by DuckDB), once per connection; a failure is ignored,
 * as they only speed reads up. Called before a commit: never on a read path, so a
 * read-only catalog is never written. */
void lh_catalog_ensure_indexes(lh_catdb *db);

/* Checks that the database holds a DuckLake 0.3, 0.4 or 1.0 catalog, sets db->format and
 * returns its stored data_path (caller frees). Any other version, or a database without
 * the tables, is an error. */
lh_status lh_catalog_check(lh_catdb *db, const char *what, char **out_data_path, lh_err *err);

/* A copy of the whole catalog: each DuckLake and lakehouse_* table with its rows (every
 * cell as text), read in one catalog read transaction, and the DuckDB type of each column
 * (types[i][k]): the spec's for the spec tables, BIGINT for an inlined data table's
 * row_id and snapshots, VARCHAR for anything else. */
typedef struct lh_catalog_copy {
	size_t n;
	char **names;
	lh_rows **rows;
	const char ***types;
} lh_catalog_copy;
lh_status lh_catalog_copy_read(lh_catdb *db, lh_catalog_copy *out, lh_err *err);
void lh_catalog_copy_free(lh_catalog_copy *c);

#endif
