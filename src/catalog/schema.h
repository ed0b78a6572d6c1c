/*
 * catalog/schema.h - creating a DuckLake 0.3 catalog and checking an existing one.
 *
 * Layer: catalog. Writes exactly the 22 spec tables and the initial rows DuckDB's
 * ducklake extension writes (shared/reference/ducklake-0.3.md section 2), column types
 * translated by the backend. Never alters spec tables.
 */
#ifndef LH_CATALOG_SCHEMA_H
#define LH_CATALOG_SCHEMA_H

#include "catalog/catdb.h"

#define LH_DUCKLAKE_VERSION "0.3"

/* Creates the tables and initial rows in one transaction. `data_path` ends in '/'.
 * Fails with LH_ERR_EXISTS when the database already holds a ducklake_metadata table. */
lh_status lh_catalog_create(lh_catdb *db, const char *data_path, const char *created_by,
                            lh_err *err);

/* Creates the lakehouse_* indexes beside the spec tables if they are missing (lakes
 * made before they existed, or by DuckDB), once per connection; a failure is ignored,
 * as they only speed reads up. Called before a commit: never on a read path, so a
 * read-only catalog is never written. */
void lh_catalog_ensure_indexes(lh_catdb *db);

/* Checks that the database holds a DuckLake 0.3 catalog and returns its stored data_path
 * (caller frees). Any other version, or a database without the tables, is an error. */
lh_status lh_catalog_check(lh_catdb *db, const char *what, char **out_data_path, lh_err *err);

#endif
