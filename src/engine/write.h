/*
 * engine/write.h - writing Parquet files for lake tables with DuckDB's COPY.
 *
 * Layer: engine. Data files carry Parquet field ids = DuckLake column ids (COPY
 * FIELD_IDS), are named ducklake-<uuidv7>.parquet, and come back with the statistics the
 * catalog needs (COPY RETURN_STATS): rows, bytes, footer size, per-column min/max/null
 * count. Delete files hold (file_path, pos) sorted by pos, as DuckLake writes them.
 * Files are written into a local folder given by the caller; putting them in place is
 * the store's job.
 */
#ifndef LH_ENGINE_WRITE_H
#define LH_ENGINE_WRITE_H

#include "catalog/model.h"
#include "engine/engine.h"

typedef struct lh_written_file {
	char *path; /* full local path */
	int64_t record_count;
	int64_t file_size_bytes;
	int64_t footer_size;
	lh_col_stats *stats;
	size_t nstats;
	char **part_values; /* partitioned writes: the file's value of each key (NULL: NULL) */
	size_t part_n;
} lh_written_file;

typedef LH_VEC(lh_written_file) lh_written_files;

void lh_written_file_clear(lh_written_file *f);
void lh_written_files_free(lh_written_files *files);

/* How data files are written: the lake's options (catalog/options.h) for the table. */
typedef struct lh_write_options {
	int64_t target_file_size; /* bytes; files are cut at about this size */
	bool random_access; /* the layout egress/pqread.c reads by row (row groups of 2,048 rows,
	                       one uncompressed page per column chunk, PLAIN values, no
	                       dictionaries); still plain Parquet for every reader. Overrides
	                       the codec and row group options. */
	const char *compression;      /* a Parquet codec DuckDB writes; NULL: its default (snappy) */
	int64_t compression_level;    /* 0: the codec's default */
	int64_t row_group_size;       /* rows; 0: DuckDB's default */
	int64_t row_group_size_bytes; /* 0: no limit */
	int parquet_version;          /* 1 or 2; 0: DuckDB's default (1) */
	/* Partitioned writes: one file (or more) per distinct value of these SQL expressions
	 * over the query's columns; the keys themselves are not written into the files (a
	 * key that is a column is, as that column). No size cut (DuckDB's COPY cannot cut
	 * a partitioned write). */
	const char *const *partition_by;
	size_t npartition;
	bool whole; /* one file, whatever its size (target_file_size cuts no file) */
} lh_write_options;

/*
 * Writes the rows of `select_sql` into folder `dir` (must exist and be empty) as one or
 * more data files, as the options say. The query's columns must be the table's top-level
 * columns in order, followed by the lineage columns of `lineage` (types.h). A query that
 * yields no rows writes no file.
 */
lh_status lh_engine_write_data(lh_engine *engine, const char *select_sql, const lh_column *cols,
                               size_t ncols, unsigned lineage, const lh_write_options *opts,
                               const char *dir, lh_written_files *out, lh_err *err);

/*
 * Writes a delete file at `path` holding the distinct positions produced by
 * `positions_sql` (one BIGINT column), sorted, with file_path = data_file_path.
 */
lh_status lh_engine_write_deletes(lh_engine *engine, const char *positions_sql,
                                  const char *data_file_path, const char *path,
                                  lh_written_file *out, lh_err *err);

#endif
