/*
 * catalog/stats.h - writing column statistics at commit (internal to the catalog layer;
 * used by commit.c). See stats.c.
 */
#ifndef LH_CATALOG_STATS_H
#define LH_CATALOG_STATS_H

#include "catalog/catalog.h"

/* ducklake_file_column_stats rows of a new data file (copied from the file a reused row
 * refers to). */
lh_status lh_stats_write_file(lh_catdb *db, int64_t file_id, int64_t table_id,
                              const lh_data_file *f, lh_err *err);
/* Merges the stats of the transaction's new files of table t into
 * ducklake_table_column_stats; `first` when the table had no data before. */
lh_status lh_stats_write_table(lh_catdb *db, int64_t table_id, const lh_table *t, bool first,
                               lh_err *err);

#endif
