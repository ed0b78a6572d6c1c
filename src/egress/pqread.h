/*
 * egress/pqread.h - values of a Parquet file by row number, without decoding anything
 * else: the random-access path of takes and global shuffles.
 *
 * Layer: egress. A small reader of our own (DESIGN.md allows it for this path). The file
 * is mapped read-only; its footer (Thrift compact) is parsed once; a column chunk's page
 * headers are walked the first time a row of it is asked for, giving a page index (first
 * row, values, definition levels) that lives as long as the handle: data files never
 * change. Only what the random-access layout holds is read here: flat (top-level)
 * columns, uncompressed pages, PLAIN values, V1 or V2 data pages, definition levels of
 * width 0 or 1. A column in any other shape answers "not readable", and callers read it
 * through DuckDB instead; a file that contradicts its own footer is LH_ERR_CORRUPT.
 */
#ifndef LH_EGRESS_PQREAD_H
#define LH_EGRESS_PQREAD_H

#include "util/err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct lh_pq lh_pq;

typedef enum lh_pq_type {
	LH_PQ_BOOLEAN = 0,
	LH_PQ_INT32 = 1,
	LH_PQ_INT64 = 2,
	LH_PQ_INT96 = 3,
	LH_PQ_FLOAT = 4,
	LH_PQ_DOUBLE = 5,
	LH_PQ_BYTE_ARRAY = 6,
	LH_PQ_FIXED = 7,
} lh_pq_type;

/* One value: NULL, a fixed-width value (bytes at `data`, `len` wide), or the bytes of a
 * BYTE_ARRAY, pointing into the mapped file (valid while the handle is open). */
typedef struct lh_pq_value {
	bool null;
	const uint8_t *data;
	uint32_t len;
} lh_pq_value;

lh_status lh_pq_open(const char *path, lh_pq **out, lh_err *err);
void lh_pq_close(lh_pq **pq);
int64_t lh_pq_rows(const lh_pq *pq);
/* The top-level column whose Parquet field id is `field_id` (the DuckLake column id);
 * -1 when the file has none. */
ptrdiff_t lh_pq_column(const lh_pq *pq, int32_t field_id);
lh_pq_type lh_pq_column_type(const lh_pq *pq, size_t column);
/* Whether every chunk of the column is in the shape this reader reads (checked from the
 * footer; page headers are checked as they are met). */
bool lh_pq_readable(const lh_pq *pq, size_t column);
/* The value of `column` at `row` (0-based in the file). LH_ERR_UNSUPPORTED when a page
 * is in a shape this reader does not read. */
lh_status lh_pq_get(lh_pq *pq, size_t column, int64_t row, lh_pq_value *out, lh_err *err);

#endif
