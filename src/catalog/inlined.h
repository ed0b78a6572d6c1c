/*
 * catalog/inlined.h - data inlining in the catalog (see inlined.c).
 */
#ifndef LH_CATALOG_INLINED_H
#define LH_CATALOG_INLINED_H

#include "catalog/catdb.h"
#include "catalog/model.h"

/* Whether rows of table t can be inlined in this catalog: every column top-level and of a
 * type the catalog stores as such (numbers, decimals, text, booleans, dates, times,
 * timestamps, uuids); tables with others keep every row in files. */
bool lh_inlined_table_ok(const lh_catdb *db, const lh_table *t);

/* Inserts t's pending rows (inl_values: inl_rows x inl_ncols) with begin_snapshot `snap` and row ids
 * from *next_row_id (advanced), into its newest inlined table or, when its columns
 * changed since (or the commit changes them: altered), a new one for schema version `sv`
 * (created and registered: *created). */
lh_status lh_inlined_write(lh_catdb *db, int64_t table_id, const lh_table *t, int64_t snap,
                           int64_t sv, bool altered, int64_t *next_row_id, bool *created,
                           lh_err *err);
/* Whether `name` is an inlined data table's name (ducklake_inlined_data_<n>_<n>), safe to
 * put in SQL as it is. */
bool lh_inlined_name_ok(const char *name);

/* Ends (end_snapshot = snap) the inlined rows t's transaction deleted, or every current
 * one when it flushed them into a file. */
lh_status lh_inlined_end(lh_catdb *db, const lh_table *t, int64_t snap, lh_err *err);

#endif
