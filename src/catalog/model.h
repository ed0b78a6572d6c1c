/*
 * catalog/model.h - the DuckLake 0.3 catalog as C structs: the state of a lake at one
 * snapshot (schemas, tables, their columns and files), loaded from the catalog and
 * changed in memory by an open transaction.
 *
 * Layer: catalog. Pure data; no SQL runs here except in load.c and commit.c.
 *
 * Sharing: a state holds pointers to tables; several states (the committed one and a
 * transaction's copy) may share a table. A table is changed only through
 * lh_state_table_mut(), which clones it first when it is shared (copy-on-write). So two
 * states share a table pointer exactly when the table is unchanged between them, which
 * the engine uses to keep DuckDB views that are still valid.
 *
 * Ids: objects made by an open transaction carry negative ids until commit assigns real
 * ones from the latest snapshot (DuckLake allocates ids at commit, so a retried commit
 * reallocates them). Columns changed by the transaction carry begin_snapshot = -1.
 */
#ifndef LH_CATALOG_MODEL_H
#define LH_CATALOG_MODEL_H

#include "util/buf.h"
#include "util/err.h"
#include "util/uuid.h"

#include <stdbool.h>
#include <stdint.h>

/* Reserved Parquet field ids (DuckDB multi_file_reader.hpp). */
#define LH_FIELD_ID_ROW_ID 2147483540      /* _ducklake_internal_row_id */
#define LH_FIELD_ID_SNAPSHOT_ID 2147483539 /* _ducklake_internal_snapshot_id */
#define LH_FIELD_ID_FILENAME 2147483646    /* delete files: file_path */
#define LH_FIELD_ID_ORDINAL 2147483645     /* delete files: pos */

typedef struct lh_col_stats {
	int64_t column_id;
	int64_t column_size_bytes; /* -1 unknown */
	int64_t null_count;        /* -1 unknown */
	char *min_value;           /* NULL unknown */
	char *max_value;
	int contains_nan; /* -1 unknown, 0, 1 */
} lh_col_stats;

typedef struct lh_column {
	int64_t id;             /* column_id = Parquet field id, per table */
	int64_t begin_snapshot; /* -1: added or changed by the open transaction */
	int64_t order;          /* column_order */
	char *name;
	char *type;            /* DuckLake type string: int32, decimal(9,2), struct, ... */
	char *initial_default; /* value for rows in files written before the column existed */
	char *default_value;   /* current INSERT default */
	bool nulls_allowed;
	int64_t parent; /* parent column id, -1 for top level */
	char *comment;  /* ducklake_column_tag 'comment'; not part of the column row */
} lh_column;

typedef struct lh_delete_file {
	int64_t id; /* -1: none */
	int64_t begin_snapshot;
	char *path; /* as stored, relative to the table path when path_is_relative */
	bool path_is_relative;
	int64_t delete_count;
	int64_t file_size_bytes;
	int64_t footer_size;
	/* 0.4 on: the file may hold each position's snapshot in
	 * _ducklake_internal_snapshot_id (DuckDB 1.5's flush of inlined deletes writes it):
	 * true for every delete file of such a catalog; readers then apply only positions of
	 * snapshots up to theirs */
	bool snapshots;
	int64_t partial_max; /* the catalog's partial_max (-1 or 0: NULL), kept as read */
} lh_delete_file;

typedef struct lh_data_file {
	int64_t id; /* data_file_id; negative: written by the open transaction */
	int64_t begin_snapshot;
	char *path; /* as stored, relative to the table path when path_is_relative */
	bool path_is_relative;
	int64_t record_count;
	int64_t file_size_bytes;
	int64_t footer_size;
	int64_t row_id_start; /* -1: NULL */
	int64_t partition_id; /* -1: NULL */
	int64_t mapping_id;   /* -1: NULL */
	char *partial_file_info;
	/* ducklake_file_partition_value: one per key of its partition spec (index = key
	 * index), a NULL entry for a NULL value; part_n 0 for an unpartitioned file */
	char **part_values;
	size_t part_n;
	lh_delete_file del; /* the current delete file, del.id == -1 when none */
	/* 0.4 on: positions deleted without a delete file (DuckDB 1.5 keeps small deletes in
	 * ducklake_inlined_delete_<table>), those of snapshots up to the state's */
	int64_t *inl_del;
	size_t inl_del_n;
	/* A file without field ids (registered with ducklake_add_data_files) maps its columns
	 * by name: mapping_id's entries (ducklake_name_mapping). So does, read from its
	 * footer's field ids (map_footer; never written to the catalog), a file of a table
	 * whose nested columns changed since: scan.c rebuilds each struct from its entries
	 * (fields renamed, fields added with a default). */
	size_t map_n;
	char **map_source;   /* the column's name in the file (or the Hive key) */
	int64_t *map_target; /* the table's column id */
	bool *map_partition; /* the value is the Hive path segment <source>=<value> */
	int32_t *map_parent; /* the entry of the enclosing struct, list or map; -1: top level */
	bool map_unreadable; /* a mapping this version cannot read (no entries, too many) */
	bool map_footer;     /* derived from the file's field ids, not a catalog mapping */

	/* --- open-transaction bookkeeping --- */
	int64_t pending_deletes; /* positions deleted by the transaction, not yet in a file */
	bool reused;             /* a new row for a file another row already refers to
	                            (rollback): row_id_start kept, stats copied, table stats
	                            untouched */
	int64_t reused_from;     /* when reused: the data_file_id whose stats to copy */
	bool del_changed;        /* del is a new delete file (or none) replacing base's */
	bool row_id_column;      /* a file the transaction wrote with _ducklake_internal_row_id */
	bool snapshot_column;    /* ... and with _ducklake_internal_snapshot_id */
	bool compacted;          /* written by compaction: rows that already existed, with their
	                            row ids in _ducklake_internal_row_id (row_id_start NULL) */
	bool merged;             /* ... merged as DuckLake merges adjacent files: it begins at
	                            begin_snapshot (its oldest row's), partial_file_info says
	                            which rows each later snapshot saw, and the commit deletes
	                            the sources from the catalog (queued for cleanup) instead of
	                            ending them */
	lh_col_stats *stats;     /* per-column stats of a file written by the transaction */
	size_t nstats;
} lh_data_file;

/* Rows of file f deleted in the state: by its delete file, inline in the catalog and by
 * the open transaction. */
static inline int64_t lh_data_file_deleted(const lh_data_file *f)
{
	return (f->del.path ? f->del.delete_count : 0) + (int64_t)f->inl_del_n + f->pending_deletes;
}

/* A key of a table's partitioning (ducklake_partition_column). */
typedef struct lh_partition_key {
	int64_t column_id;
	char *transform; /* identity, year, month, day, hour */
} lh_partition_key;

typedef struct lh_schema {
	int64_t id; /* negative: created by the open transaction */
	char uuid[LH_UUID_LEN + 1];
	int64_t begin_snapshot;
	char *name;
	char *path; /* relative to the data path when path_is_relative */
	bool path_is_relative;
} lh_schema;

typedef struct lh_table {
	int refs;
	int64_t id; /* negative: created by the open transaction */
	char uuid[LH_UUID_LEN + 1];
	int64_t begin_snapshot;
	int64_t schema_id;
	char *name;
	char *path; /* relative to the schema path when path_is_relative */
	bool path_is_relative;
	int64_t max_column_id; /* highest column id the table ever used (incl. dropped) */
	LH_VEC(lh_column) columns; /* ordered: parents before children, by column_order */
	LH_VEC(lh_data_file) files;
	/* Data inlining: rows kept in the catalog (ducklake_inlined_data_<table>_<v> tables)
	 * visible at the state's snapshot, as a SELECT of text columns named like the table's
	 * top-level columns (engine/scan.c casts them) plus __lh_rowid and __lh_snap (the
	 * row's begin_snapshot); NULL when there are none. inl_tables: every such table of
	 * this table (any schema version). */
	char *inlined;
	char **inl_tables;
	size_t inl_n;
	/* --- the open transaction's inlining (lake/inline.c) --- */
	lh_i64_vec inl_deleted; /* row ids of inlined rows it deleted */
	bool inl_flushed;       /* it moved the inlined rows into a data file */
	/* the rows it inlines (pending until its commit writes them): text values row-major,
	 * NULL entries for NULL, inl_rows x inl_ncols (the top-level columns when inserted);
	 * and their column statistics, bounds that may be wider than the rows after a delete */
	char **inl_values;
	size_t inl_rows, inl_ncols;
	lh_col_stats *inl_stats;
	size_t inl_nstats;
	char *comment; /* ducklake_tag 'comment' (COMMENT ON TABLE); NULL: none */
	/* Partitioning new files are written with (ducklake_partition_info/_column):
	 * part_id -1 when the table never had any; no keys after RESET PARTITIONED BY. */
	int64_t part_id;
	lh_partition_key *part_keys;
	size_t part_n;
	bool part_changed; /* set by the open transaction: commit records a new spec */
} lh_table;

/* A view (ducklake_view): its SQL as DuckDB prints the parsed query. */
typedef struct lh_view_def {
	int64_t id; /* negative: created by the open transaction */
	char uuid[LH_UUID_LEN + 1];
	int64_t begin_snapshot;
	int64_t schema_id;
	char *name;
	char *dialect;
	char *sql;
	char *column_aliases; /* as stored: "" or a comma-separated list */
	char *comment;
} lh_view_def;

typedef struct lh_snapshot_info {
	int64_t id;
	int64_t schema_version;
	int64_t next_catalog_id;
	int64_t next_file_id;
	char *time;
} lh_snapshot_info;

/* A lake option (ducklake_metadata beyond the lake's identity; catalog/options.h). */
typedef struct lh_option {
	char *key, *value;
	int scope; /* lh_option_scope */
	int64_t scope_id;
} lh_option;
typedef LH_VEC(lh_option) lh_option_vec;
void lh_options_free(lh_option_vec *v);

typedef struct lh_state {
	lh_snapshot_info snap;
	char *data_path; /* absolute or as stored, always ending in '/' */
	LH_VEC(lh_schema) schemas;
	LH_VEC(lh_table *) tables;
	LH_VEC(lh_view_def) views;
	lh_option_vec options; /* not versioned: as of when the state was loaded */
	int64_t next_local_id; /* for negative transaction-local ids; starts at -1 */
} lh_state;

/* --- lifetime --------------------------------------------------------------------- */
lh_state *lh_state_new(void);
void lh_state_free(lh_state **state);
/* A copy sharing every table (cheap). */
lh_state *lh_state_clone(const lh_state *state);
lh_table *lh_table_new(void);
void lh_table_unref(lh_table **table);
void lh_column_clear(lh_column *c);
lh_status lh_column_copy(lh_column *dst, const lh_column *src);
void lh_data_file_clear(lh_data_file *f);
/* Whether a file's columns are mapped by name (it has no field ids): by its map, which
 * the loader fills for every file with a mapping_id (mapping_id alone is not a test: code
 * that builds file structs of its own may leave it 0). */
static inline bool lh_data_file_mapped(const lh_data_file *f)
{
	return f->map_n > 0 || f->map_unreadable;
}
/* Gives file f a copy of a name mapping (n entries). */
/* parent NULL: every entry top-level. */
lh_status lh_data_file_set_map(lh_data_file *f, size_t n, char *const *source,
                               const int64_t *target, const bool *partition,
                               const int32_t *parent, bool unreadable);
lh_status lh_data_file_copy_map(lh_data_file *dst, const lh_data_file *src);
void lh_col_stats_clear(lh_col_stats *s);
/* Gives file f a copy of n partition values (NULL entries allowed). */
lh_status lh_data_file_set_parts(lh_data_file *f, size_t n, char *const *values);
/* Drops the open transaction's inlining state of table t (not the committed rows). */
void lh_table_inline_clear(lh_table *t);
/* Replaces table t's partition keys with a copy of n keys. */
lh_status lh_table_set_parts(lh_table *t, size_t n, const lh_partition_key *keys);

/* A shell of table t showing only files[0..n): shares every other pointer of t, so it
 * lives on the stack and is never freed or unref'ed (for scanning a subset of files).
 * It keeps t's inlined rows (inlined, inl_rows): a caller reading files alone clears them. */
lh_table lh_table_shell(const lh_table *t, lh_data_file *files, size_t n);
/* Removes (and clears) file i of a table the caller may change. */
void lh_table_remove_file(lh_table *t, size_t i);

/* The table at index i of state->tables, cloned first if shared. NULL on OOM. */
lh_table *lh_state_table_mut(lh_state *state, size_t i);

void lh_view_def_clear(lh_view_def *v);
lh_status lh_view_def_copy(lh_view_def *dst, const lh_view_def *src);

/* --- lookups (names compare case-insensitively, like DuckDB identifiers) ----------- */
lh_schema *lh_state_schema_by_name(const lh_state *state, const char *name);
lh_schema *lh_state_schema_by_id(const lh_state *state, int64_t id);
/* Index of the table in state->tables, or -1. */
ptrdiff_t lh_state_table_index(const lh_state *state, int64_t schema_id, const char *name);
ptrdiff_t lh_state_table_index_by_id(const lh_state *state, int64_t table_id);
/* Index into table->columns of a top-level column, or -1. */
ptrdiff_t lh_table_column_index(const lh_table *t, const char *name);
/* The column (at any level) with this id, or NULL. */
const lh_column *lh_table_column_by_id(const lh_table *t, int64_t id);
int64_t lh_state_next_local_id(lh_state *state);
/* Removes (and clears) view i. */
void lh_state_remove_view(lh_state *state, size_t i);
/* Index of the view in state->views, or -1. */
ptrdiff_t lh_state_view_index(const lh_state *state, int64_t schema_id, const char *name);

/* Full paths. The caller frees the result. */
char *lh_schema_full_path(const lh_state *state, const lh_schema *schema);
char *lh_table_full_path(const lh_state *state, const lh_table *table);
char *lh_file_full_path(const char *table_path, const char *path, bool relative);

/* The path to store for `full` below `parent`: relative when full starts with parent
 * (a pure string prefix test, as DuckLake does), else absolute. *out_relative says which.
 * Caller frees. */
char *lh_relative_path(const char *parent, const char *full, bool *out_relative);

/* A schema or table folder name for `name`: the name plus '/' when it is only
 * [A-Za-z0-9_-] and at most 128 bytes, else the uuid plus '/' (DuckLake's rule for
 * unsafe names, extended to long ones). Caller frees. */
char *lh_path_for_name(const char *name, const char *uuid);

#endif
