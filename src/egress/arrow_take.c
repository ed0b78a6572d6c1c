/*
 * egress/arrow_take.c - a shuffled batch straight into Arrow arrays: each row copied once
 * from the DuckDB chunk that holds it into the Arrow buffers, for the column types whose
 * Arrow layout is DuckDB's own (see arrow_take.h).
 */
#include "egress/arrow_take.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

/* A record batch of n rows with ncols children still to fill (*kids). */
static lh_status new_batch(size_t n, size_t ncols, struct ArrowArray *out, struct ArrowArray **kids)
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
	for (size_t c = 0; c < ncols; c++)
		o->kid_ptrs[c] = &o->kids[c];
	*out = (struct ArrowArray){.length = (int64_t)n, .n_buffers = 1, .buffers = o->bufs,
	                           .n_children = (int64_t)ncols, .children = o->kid_ptrs,
	                           .release = release_batch, .private_data = o};
	*kids = o->kids;
	return LH_OK;
}

/* Child array `a` of n rows with its validity bitmap (zeroed: *bits) and room for two more
 * buffers (owned by it, released with it). */
static lh_status new_child(size_t n, struct ArrowArray *a, uint8_t **bits)
{
	owned *o = calloc(1, sizeof *o);
	*bits = calloc((n + 7) / 8 + 1, 1);
	if (!o || !*bits) {
		free(o);
		free(*bits);
		return LH_ERR_NOMEM;
	}
	*a = (struct ArrowArray){.length = (int64_t)n, .n_buffers = 3, .buffers = o->bufs,
	                         .release = release_child, .private_data = o};
	o->bufs[0] = *bits;
	return LH_OK;
}

/* Hands buffer i of child `a` to it. */
static void child_owns(struct ArrowArray *a, int i, const void *buf)
{
	((owned *)a->private_data)->bufs[i] = buf;
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
	uint8_t *bits;
	if (new_child(n, a, &bits) != LH_OK)
		return LH_ERR_NOMEM;
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
		child_owns(a, 1, out);
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
	child_owns(a, 1, off);
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
	child_owns(a, 2, bytes);
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
	struct ArrowArray *kids;
	if (new_batch(n, ncols, out, &kids) != LH_OK)
		return LH_ERR_NOMEM;
	sources src;
	lh_status st = sources_init(&src, rows, n, ncols);
	for (size_t c = 0; c < ncols && st == LH_OK; c++)
		st = take_column(rows, &src, n, c, types[c], &kids[c]);
	sources_free(&src);
	if (st != LH_OK)
		out->release(out);
	return st;
}

/* --- flat columns ------------------------------------------------------------------------ */

/* A growable anonymous mapping with transparent huge pages (where the kernel allows them:
 * its default is "madvise"), so a table-sized fill costs few page faults. */
typedef struct big {
	uint8_t *p;
	size_t cap;
} big;

static lh_status big_reserve(big *b, size_t need)
{
	if (need <= b->cap)
		return LH_OK;
	size_t cap = b->cap ? b->cap : (size_t)4 << 20;
	while (cap < need)
		cap *= 2;
	void *p = b->p ? mremap(b->p, b->cap, cap, MREMAP_MAYMOVE)
	               : mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return LH_ERR_NOMEM;
	madvise(p, cap, MADV_HUGEPAGE); /* a hint: without it pages are small */
	b->p = p;
	b->cap = cap;
	return LH_OK;
}

static void big_free(big *b)
{
	if (b->p)
		munmap(b->p, b->cap);
	memset(b, 0, sizeof *b);
}

typedef struct flat_column {
	duckdb_type type;
	size_t width; /* bytes per value; 0: text or BLOB; booleans take a byte */
	big values;   /* rows × width, or 64-bit offsets (rows + 1) for text and BLOB */
	big bytes;    /* text and BLOB */
	size_t nbytes;
	big valid;    /* a bit per row, 1: not NULL */
	uint64_t nulls;
} flat_column;

struct lh_flat {
	flat_column *cols;
	size_t ncols;
	uint64_t rows, cap;
};

void lh_flat_free(lh_flat **fp)
{
	if (!fp || !*fp)
		return;
	lh_flat *f = *fp;
	for (size_t c = 0; c < f->ncols; c++) {
		big_free(&f->cols[c].values);
		big_free(&f->cols[c].bytes);
		big_free(&f->cols[c].valid);
	}
	free(f->cols);
	free(f);
	*fp = NULL;
}

lh_status lh_flat_new(const duckdb_type *types, size_t ncols, uint64_t rows, lh_flat **out)
{
	*out = NULL;
	if (!lh_arrow_take_supports(types, ncols))
		return LH_ERR_UNSUPPORTED;
	lh_flat *f = calloc(1, sizeof *f);
	if (!f || !(f->cols = calloc(ncols ? ncols : 1, sizeof *f->cols))) {
		free(f);
		return LH_ERR_NOMEM;
	}
	f->ncols = ncols;
	f->cap = rows;
	lh_status st = LH_OK;
	for (size_t c = 0; c < ncols && st == LH_OK; c++) {
		flat_column *col = &f->cols[c];
		col->type = types[c];
		col->width = types[c] == DUCKDB_TYPE_BOOLEAN ? 1 : fixed_width(types[c]);
		size_t w = col->width ? col->width : sizeof(uint64_t);
		st = big_reserve(&col->values, (size_t)(rows + 1) * w);
		if (st == LH_OK)
			st = big_reserve(&col->valid, (size_t)(rows / 64 + 1) * sizeof(uint64_t));
		if (st == LH_OK && !col->width)
			((uint64_t *)col->values.p)[0] = 0;
	}
	if (st != LH_OK) {
		lh_flat_free(&f);
		return st;
	}
	*out = f;
	return LH_OK;
}

uint64_t lh_flat_rows(const lh_flat *f)
{
	return f->rows;
}

lh_status lh_flat_append(lh_flat *f, duckdb_data_chunk chunk)
{
	idx_t n = duckdb_data_chunk_get_size(chunk);
	if (f->rows + n > f->cap)
		return LH_ERR_INVALID;
	for (size_t c = 0; c < f->ncols; c++) {
		flat_column *col = &f->cols[c];
		duckdb_vector v = duckdb_data_chunk_get_vector(chunk, c);
		const uint8_t *data = duckdb_vector_get_data(v);
		const uint64_t *valid = duckdb_vector_get_validity(v);
		uint64_t *bits = (uint64_t *)col->valid.p;
		for (idx_t r = 0; r < n; r++) { /* the map starts zeroed: set the valid ones */
			uint64_t i = f->rows + r;
			if (row_valid(valid, r))
				bits[i >> 6] |= (uint64_t)1 << (i & 63);
			else
				col->nulls++;
		}
		if (col->width) {
			memcpy(col->values.p + f->rows * col->width, data, n * col->width);
			continue;
		}
		const duckdb_string_t *s = (const duckdb_string_t *)data;
		uint64_t *off = (uint64_t *)col->values.p;
		size_t need = col->nbytes;
		for (idx_t r = 0; r < n; r++)
			need += row_valid(valid, r) ? str_len(&s[r]) : 0;
		if (big_reserve(&col->bytes, need ? need : 1) != LH_OK)
			return LH_ERR_NOMEM;
		for (idx_t r = 0; r < n; r++) {
			if (row_valid(valid, r)) {
				uint32_t len = str_len(&s[r]);
				memcpy(col->bytes.p + col->nbytes, str_data(&s[r]), len);
				col->nbytes += len;
			}
			off[f->rows + r + 1] = col->nbytes;
		}
	}
	f->rows += n;
	return LH_OK;
}

/* How far ahead the gather loops ask the memory for the rows they will copy next. */
#define AHEAD 16

static lh_status flat_take_column(const flat_column *col, const uint64_t *rows, size_t n,
                                  struct ArrowArray *a)
{
	uint8_t *bits;
	if (new_child(n, a, &bits) != LH_OK)
		return LH_ERR_NOMEM;
	const uint64_t *valid = (const uint64_t *)col->valid.p;
	int64_t nulls = 0;
	if (!col->nulls)
		memset(bits, 0xff, (n + 7) / 8);
	for (size_t k = 0; k < n && col->nulls; k++) {
		if (row_valid(valid, rows[k]))
			bits[k >> 3] |= (uint8_t)(1u << (k & 7));
		else
			nulls++;
	}
	a->null_count = nulls;
	if (col->width) {
		size_t w = col->width;
		bool boolean = col->type == DUCKDB_TYPE_BOOLEAN;
		a->n_buffers = 2;
		size_t size = boolean ? (n + 7) / 8 : n * w;
		uint8_t *out = calloc(size ? size : 1, 1);
		if (!out)
			return LH_ERR_NOMEM; /* the caller releases `a` */
		child_owns(a, 1, out);
		const uint8_t *d = col->values.p;
		for (size_t k = 0; k < n; k++) {
			if (k + AHEAD < n)
				__builtin_prefetch(d + rows[k + AHEAD] * w);
			const uint8_t *v = d + rows[k] * w;
			switch (w) {
			case 8:
				memcpy(out + k * 8, v, 8);
				break;
			case 4:
				memcpy(out + k * 4, v, 4);
				break;
			case 2:
				memcpy(out + k * 2, v, 2);
				break;
			default:
				if (!boolean)
					out[k] = *v;
				else if (*v)
					out[k >> 3] |= (uint8_t)(1u << (k & 7));
			}
		}
		return LH_OK;
	}
	const uint64_t *from = (const uint64_t *)col->values.p;
	int32_t *off = malloc((n + 1) * sizeof *off);
	if (!off)
		return LH_ERR_NOMEM;
	child_owns(a, 1, off);
	uint64_t total = 0;
	off[0] = 0;
	for (size_t k = 0; k < n; k++) {
		if (k + AHEAD < n)
			__builtin_prefetch(from + rows[k + AHEAD]);
		total += from[rows[k] + 1] - from[rows[k]];
		if (total > INT32_MAX)
			return LH_ERR_TOO_BIG;
		off[k + 1] = (int32_t)total;
	}
	char *bytes = malloc(total ? total : 1);
	if (!bytes)
		return LH_ERR_NOMEM;
	child_owns(a, 2, bytes);
	for (size_t k = 0; k < n; k++) {
		if (k + AHEAD < n)
			__builtin_prefetch(col->bytes.p + from[rows[k + AHEAD]]);
		memcpy(bytes + off[k], col->bytes.p + from[rows[k]], (size_t)(off[k + 1] - off[k]));
	}
	return LH_OK;
}

lh_status lh_flat_take(const lh_flat *f, const uint64_t *rows, size_t n, struct ArrowArray *out)
{
	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < n; k++)
		if (rows[k] >= f->rows)
			return LH_ERR_INVALID;
	struct ArrowArray *kids;
	if (new_batch(n, f->ncols, out, &kids) != LH_OK)
		return LH_ERR_NOMEM;
	lh_status st = LH_OK;
	for (size_t c = 0; c < f->ncols && st == LH_OK; c++)
		st = flat_take_column(&f->cols[c], rows, n, &kids[c]);
	if (st != LH_OK)
		out->release(out);
	return st;
}
