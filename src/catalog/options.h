/*
 * catalog/options.h - DuckLake's lake options (ducklake_metadata rows other than the
 * lake's identity: parquet_compression, target_file_size, ...), global or scoped to a
 * schema or a table, as `CALL lake.set_option(...)` sets them.
 *
 * Layer: catalog. Not versioned (DuckLake's rule): a set option holds from then on.
 */
#ifndef LH_CATALOG_OPTIONS_H
#define LH_CATALOG_OPTIONS_H

#include "catalog/catdb.h"
#include "catalog/model.h"

typedef enum { LH_SCOPE_GLOBAL, LH_SCOPE_SCHEMA, LH_SCOPE_TABLE } lh_option_scope;

/* Sets an option (UPDATE of the row with the same key and scope, else INSERT), in one
 * catalog transaction. */
lh_status lh_catalog_set_option(lh_catdb *db, const char *key, const char *value,
                                lh_option_scope scope, int64_t scope_id, lh_err *err);
/* Sets an option in a state's list (a transaction's, until it commits). */
lh_status lh_options_put(lh_option_vec *v, const char *key, const char *value,
                         lh_option_scope scope, int64_t scope_id);
/* Whether a transaction's options differ from its base's. */
bool lh_options_changed(const lh_option_vec *base, const lh_option_vec *txn);
/* Writes the options a transaction set, in the caller's catalog transaction (commit). */
lh_status lh_catalog_write_options(lh_catdb *db, const lh_option_vec *base,
                                   const lh_option_vec *txn, lh_err *err);
/* Every option row into state->options (replacing what it had). Inside the caller's
 * catalog transaction (load.c). */
lh_status lh_catalog_load_options(lh_catdb *db, lh_state *state, lh_err *err);
/* The value in force for table t (table > schema > global), or NULL. */
const char *lh_state_option(const lh_state *state, const lh_table *t, const char *key);

#endif
