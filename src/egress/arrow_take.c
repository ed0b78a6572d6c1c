/*
 * egress/arrow_take.c - a shuffled batch straight into Arrow arrays: each row copied once
 * from the DuckDB chunk that holds it into the Arrow buffers, for the column types whose
 * Arrow layout is DuckDB's own (see arrow_take.h).
 */
#include "egress/arrow_take.h"

#include <stdlib.h>
#include <string.h>

/* Bytes per value in DuckDB and Arrow alike; 0: not a fixed-width type we take. */
static size_t fixed_width(duckdb_type t)
{
	switch (t) {
	case DUCKDB_TYPE_TINYINT:
	case DUCKDB_TYPE_UTINYINT:
		return 1;
	case DUCKDB_TYPE_SMALLINT:
	case DUCKDB_TYPE_USMALLINT:
		return 2;
	case DUCKDB_TYPE_INTEGER:
	case DUCKDB_TYPE_UINTEGER:
	case DUCKDB_TYPE_FLOAT:
	case DUCKDB_TYPE_DATE:
		return 4;
	case DUCKDB_TYPE_BIGINT:
	case DUCKDB_TYPE_UBIGINT:
	case DUCKDB_TYPE_DOUBLE:
	case DUCKDB_TYPE_TIMESTAMP:
	case DUCKDB_TYPE_TIMESTAMP_TZ:
	case DUCKDB_TYPE_TIME:
		return 8;
	default:
		return 0;
	}
}

static bool is_binary(duckdb_type t)
{
	return t == DUCKDB_TYPE_VARCHAR || t == DUCKDB_TYPE_BLOB;
}

bool lh_arrow_take_supports(const duckdb_type *types, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!fixed_width(types[i]) && !is_binary(types[i]) && types[i] != DUCKDB_TYPE_BOOLEAN)
			return false;
	return true;
}

/* One Arrow array and the memory it owns: up to three buffers. */
typedef struct owned {
	const void *bufs[3];
	struct ArrowArray *kids; /* the record batch's children */
	struct ArrowArray **kid_ptrs;
	size_t nkids;
} owned;

static void release_child(struct ArrowArray *a)
{
	owned *o = a->private_data;
	for (int i = 0; i < 3; i++)
		free((void *)o->bufs[i]);
	free(o);
	a->release = NULL;
}

static void release_batch(struct ArrowArray *a)
{
	owned *o = a->private_data;
	for (size_t i = 0; i < o->nkids; i++)
		if (o->kids[i].release)
			o->kids[i].release(&o->kids[i]);
	free(o->kids);
	free(o->kid_ptrs);
	free(o);
	a->release = NULL;
}

/* The source chunks of a batch, each column's data and validity looked up once. */
typedef struct sources {
	duckdb_data_chunk *chunk;
	const uint8_t **data;   /* [chunk * ncols + column] */
	const uint64_t **valid; /* NULL: all valid */
	uint32_t *of_row;       /* each row's chunk */
	size_t n, ncols;
} sources;

static void sources_free(sources *src)
{
	free(src->chunk);
	free(src->data);
	free(src->valid);
	free(src->of_row);
	memset(src, 0, sizeof *src);
}

static lh_status sources_init(sources *src, const lh_arrow_row *rows, size_t n, size_t ncols)
{
	memset(src, 0, sizeof *src);
	src->ncols = ncols;
	size_t slots = 16; /* a power of two above twice the rows: probes stay short */
	while (slots < 2 * n + 1)
		slots *= 2;
	src->chunk = malloc((n ? n : 1) * sizeof *src->chunk);
	src->of_row = malloc((n ? n : 1) * sizeof *src->of_row);
	int32_t *slot = malloc(slots * sizeof *slot);
	if (!src->chunk || !src->of_row || !slot) {
		free(slot);
		sources_free(src);
		return LH_ERR_NOMEM;
	}
	memset(slot, -1, slots * sizeof *slot);
	for (size_t k = 0; k < n; k++) {
		uintptr_t h = ((uintptr_t)rows[k].chunk >> 4) * 0x9e3779b97f4a7c15ULL;
		size_t i = (size_t)(h >> 32) & (slots - 1);
		while (slot[i] >= 0 && src->chunk[slot[i]] != rows[k].chunk)
			i = (i + 1) & (slots - 1);
		if (slot[i] < 0) {
			slot[i] = (int32_t)src->n;
			src->chunk[src->n++] = rows[k].chunk;
		}
		src->of_row[k] = (uint32_t)slot[i];
	}
	free(slot);
	src->data = malloc((src->n ? src->n : 1) * (ncols ? ncols : 1) * sizeof *src->data);
	src->valid = malloc((src->n ? src->n : 1) * (ncols ? ncols : 1) * sizeof *src->valid);
	if (!src->data || !src->valid) {
		sources_free(src);
		return LH_ERR_NOMEM;
	}
	for (size_t j = 0; j < src->n; j++)
		for (size_t c = 0; c < ncols; c++) {
			duckdb_vector v = duckdb_data_chunk_get_vector(src->chunk[j], c);
			src->data[j * ncols + c] = duckdb_vector_get_data(v);
			src->valid[j * ncols + c] = duckdb_vector_get_validity(v);
		}
	return LH_OK;
}

static bool row_valid(const uint64_t *valid, idx_t row)
{
	return !valid || (valid[row >> 6] >> (row & 63)) & 1;
}

static uint32_t str_len(const duckdb_string_t *s)
{
	return s->value.inlined.length;
}

static const char *str_data(const duckdb_string_t *s)
{
	return s->value.inlined.length <= 12 ? s->value.inlined.inlined : s->value.pointer.ptr;
}

/* Fills child array `a` with column c of the rows. */
static lh_status take_column(const lh_arrow_row *rows, const sources *src, size_t n, size_t c,
                             duckdb_type type, struct ArrowArray *a)
{
	owned *o = calloc(1, sizeof *o);
	uint8_t *bits = calloc((n + 7) / 8 + 1, 1);
	if (!o || !bits) {
		free(o);
		free(bits);
		return LH_ERR_NOMEM;
	}
	*a = (struct ArrowArray){.length = (int64_t)n, .n_buffers = 3, .buffers = o->bufs,
	                         .release = release_child, .private_data = o};
	o->bufs[0] = bits;
	const size_t nc = src->ncols;
#define DATA(k) (src->data[src->of_row[k] * nc + c])
#define VALID(k) (src->valid[src->of_row[k] * nc + c])
	int64_t nulls = 0;
	for (size_t k = 0; k < n; k++) {
		if (row_valid(VALID(k), rows[k].row))
			bits[k >> 3] |= (uint8_t)(1u << (k & 7));
		else
			nulls++;
	}
	a->null_count = nulls;
	size_t w = fixed_width(type);
	if (w || type == DUCKDB_TYPE_BOOLEAN) {
		a->n_buffers = 2;
		size_t size = w ? n * w : (n + 7) / 8;
		uint8_t *out = calloc(size ? size : 1, 1);
		if (!out)
			return LH_ERR_NOMEM; /* the caller releases `a` */
		o->bufs[1] = out;
		for (size_t k = 0; k < n; k++) {
			const uint8_t *d = DATA(k);
			idx_t r = rows[k].row;
			switch (w) { /* fixed sizes, so the copies compile to moves */
			case 8:
				memcpy(out + k * 8, d + r * 8, 8);
				break;
			case 4:
				memcpy(out + k * 4, d + r * 4, 4);
				break;
			case 2:
				memcpy(out + k * 2, d + r * 2, 2);
				break;
			case 1:
				out[k] = d[r];
				break;
			default:
				if (d[r])
					out[k >> 3] |= (uint8_t)(1u << (k & 7));
			}
		}
		return LH_OK;
	}
	/* text and BLOB: int32 offsets, then the bytes */
	int32_t *off = malloc((n + 1) * sizeof *off);
	if (!off)
		return LH_ERR_NOMEM;
	o->bufs[1] = off;
	uint64_t total = 0;
	off[0] = 0;
	for (size_t k = 0; k < n; k++) {
		if (row_valid(VALID(k), rows[k].row))
			total += str_len(&((const duckdb_string_t *)DATA(k))[rows[k].row]);
		if (total > INT32_MAX)
			return LH_ERR_TOO_BIG;
		off[k + 1] = (int32_t)total;
	}
	char *bytes = malloc(total ? total : 1);
	if (!bytes)
		return LH_ERR_NOMEM;
	o->bufs[2] = bytes;
	for (size_t k = 0; k < n; k++)
		if (off[k + 1] > off[k])
			memcpy(bytes + off[k], str_data(&((const duckdb_string_t *)DATA(k))[rows[k].row]),
			       (size_t)(off[k + 1] - off[k]));
#undef DATA
#undef VALID
	return LH_OK;
}

lh_status lh_arrow_take(const lh_arrow_row *rows, size_t n, const duckdb_type *types,
                        size_t ncols, struct ArrowArray *out)
{
	memset(out, 0, sizeof *out);
	owned *o = calloc(1, sizeof *o);
	if (o) {
		o->kids = calloc(ncols ? ncols : 1, sizeof *o->kids);
		o->kid_ptrs = calloc(ncols ? ncols : 1, sizeof *o->kid_ptrs);
	}
	if (!o || !o->kids || !o->kid_ptrs) {
		if (o) {
			free(o->kids);
			free(o->kid_ptrs);
		}
		free(o);
		return LH_ERR_NOMEM;
	}
	o->nkids = ncols;
	*out = (struct ArrowArray){.length = (int64_t)n, .n_buffers = 1, .buffers = o->bufs,
	                           .n_children = (int64_t)ncols, .children = o->kid_ptrs,
	                           .release = release_batch, .private_data = o};
	sources src;
	lh_status st = sources_init(&src, rows, n, ncols);
	for (size_t c = 0; c < ncols && st == LH_OK; c++) {
		o->kid_ptrs[c] = &o->kids[c];
		st = take_column(rows, &src, n, c, types[c], &o->kids[c]);
	}
	sources_free(&src);
	if (st != LH_OK)
		out->release(out);
	return st;
}
