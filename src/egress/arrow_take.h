/*
 * egress/arrow_take.h - rows picked from DuckDB chunks, in any order, copied once into a
 * new Arrow record batch (the shuffled batches of a stream).
 *
 * Layer: egress. Only for columns whose Arrow form is DuckDB's memory layout (integers,
 * floats, dates, timestamps, times, booleans as bits, text and BLOB with int32 offsets),
 * read from the flat vectors the C API hands out; other types go through DuckDB's own
 * vector copy and Arrow export. The result matches duckdb_to_arrow_schema's schema for
 * the same types with DuckDB's default Arrow settings.
 */
#ifndef LH_EGRESS_ARROW_TAKE_H
#define LH_EGRESS_ARROW_TAKE_H

#include "lakehouse.h"

#include <duckdb.h>
#include <stdbool.h>

/* One row of a batch: where it is. */
typedef struct lh_arrow_row {
	duckdb_data_chunk chunk;
	idx_t row;
} lh_arrow_row;

/* Whether every type can be taken this way. */
bool lh_arrow_take_supports(const duckdb_type *types, size_t n);

/* A record batch of rows[0..n) with columns 0..ncols of their chunks (types as given).
 * The caller releases *out. */
lh_status lh_arrow_take(const lh_arrow_row *rows, size_t n, const duckdb_type *types,
                        size_t ncols, struct ArrowArray *out);

/*
 * A table's columns copied out of DuckDB chunks into flat arrays: values side by side,
 * validity bits, text and BLOB as 64-bit offsets into one byte array. A global shuffle
 * holding a whole table keeps it so: a row is an index, not a chunk and a row in it, and
 * the arrays are mapped with transparent huge pages, so filling them does not fault page
 * by page. Same column types as lh_arrow_take.
 */
typedef struct lh_flat lh_flat;

/* Room for `rows` rows of columns of these types. */
lh_status lh_flat_new(const duckdb_type *types, size_t ncols, uint64_t rows, lh_flat **out);
/* Appends the rows of columns 0..ncols of a chunk. */
lh_status lh_flat_append(lh_flat *flat, duckdb_data_chunk chunk);
/* Rows appended so far. */
uint64_t lh_flat_rows(const lh_flat *flat);
/* A record batch of rows[0..n) (indexes of appended rows). The caller releases *out. */
lh_status lh_flat_take(const lh_flat *flat, const uint64_t *rows, size_t n,
                       struct ArrowArray *out);
void lh_flat_free(lh_flat **flat);

#endif
