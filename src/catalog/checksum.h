/*
 * catalog/checksum.h - lakehouse_file_checksum: the checksum of every file the lake
 * wrote (data, delete and asset objects), beside the DuckLake tables.
 *
 * Layer: catalog. The table is not part of DuckLake (the spec's tables are never
 * altered); DuckDB's ducklake extension ignores it. It is created by the first commit
 * that records a checksum, so lakes made before it existed, and lakes DuckDB wrote,
 * open unchanged; reading a catalog without it reads no checksums and writes nothing.
 *
 *   lakehouse_file_checksum(path VARCHAR PRIMARY KEY, file_size_bytes BIGINT,
 *                           algorithm VARCHAR, checksum VARCHAR)
 *
 * `path` is the object's name relative to the lake's data path (absolute when the
 * object lies outside it). Names are never reused with other content (data and delete
 * files carry a UUIDv7, assets their content hash), so a row stays true for as long as
 * an object of that name exists; a second record of the same name is ignored.
 */
#ifndef LH_CATALOG_CHECKSUM_H
#define LH_CATALOG_CHECKSUM_H

#include "catalog/catdb.h"
#include "util/checksum.h"

#define LH_CHECKSUM_TABLE "lakehouse_file_checksum"

/* Writes rows for `sums` (paths as stored) inside the caller's open write transaction,
 * creating the table first when the catalog has none. */
lh_status lh_catalog_write_checksums(lh_catdb *db, const lh_file_sum *sums, size_t n,
                                     lh_err *err);

/* The recorded checksums of `keys` (all rows when keys is NULL), sorted by path:
 * path, file_size_bytes, algorithm, checksum. A catalog without the table gives no rows. */
lh_status lh_catalog_checksums(lh_catdb *db, char *const *keys, size_t n, lh_rows **out,
                               lh_err *err);

/* Every data and delete file row with where it lives, for verification: kind ('data',
 * 'delete'), file id, table_id, begin_snapshot, end_snapshot, path, path_is_relative,
 * file_size_bytes, and the table's name, path, path_is_relative and its schema's name,
 * path, path_is_relative (from the table's latest row). */
lh_status lh_catalog_file_rows(lh_catdb *db, lh_rows **out, lh_err *err);

#endif
