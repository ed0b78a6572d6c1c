/*
 * egress/pqread.c - values of a Parquet file by row number. See pqread.h.
 *
 * Thrift compact protocol: a struct is a run of fields, each a header byte (high nibble:
 * field id delta, or 0 and a zigzag varint id; low nibble: type) and a value; 0 ends the
 * struct. Integers are zigzag varints, binaries a varint length and bytes, lists a header
 * byte (size in the high nibble, 15: a varint follows; element type in the low one).
 * Fields we do not need are skipped by type, so newer writers' extra fields do no harm.
 */
#include "egress/pqread.h"
#include "util/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum { T_STOP = 0, T_TRUE = 1, T_FALSE = 2, T_BYTE = 3, T_I16 = 4, T_I32 = 5, T_I64 = 6,
       T_DOUBLE = 7, T_BINARY = 8, T_LIST = 9, T_SET = 10, T_MAP = 11, T_STRUCT = 12 };

typedef struct rd {
	const uint8_t *p, *end;
	bool bad;
} rd;

static uint64_t varint(rd *r)
{
	uint64_t v = 0;
	for (unsigned shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end) {
			r->bad = true;
			return 0;
		}
		uint8_t b = *r->p++;
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
	}
	r->bad = true;
	return 0;
}

static int64_t zigzag(rd *r)
{
	uint64_t v = varint(r);
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/* The next field's id and type; type T_STOP at the struct's end. */
static int field(rd *r, int16_t *id)
{
	if (r->p >= r->end) {
		r->bad = true;
		return T_STOP;
	}
	uint8_t b = *r->p++;
	int type = b & 0x0f;
	if (type == T_STOP)
		return T_STOP;
	int delta = b >> 4;
	*id = delta ? (int16_t)(*id + delta) : (int16_t)zigzag(r);
	return type;
}

static void skip(rd *r, int type, int depth);

static void skip_struct(rd *r, int depth)
{
	int16_t id = 0;
	int t;
	while (!r->bad && (t = field(r, &id)) != T_STOP)
		skip(r, t, depth + 1);
}

static size_t list_header(rd *r, int *elem)
{
	if (r->p >= r->end) {
		r->bad = true;
		return 0;
	}
	uint8_t b = *r->p++;
	*elem = b & 0x0f;
	size_t n = b >> 4;
	if (n == 15)
		n = (size_t)varint(r);
	if (n > (size_t)(r->end - r->p)) /* every element takes at least a byte */
		r->bad = true;
	return r->bad ? 0 : n;
}

static void skip(rd *r, int type, int depth)
{
	if (depth > 32) {
		r->bad = true;
		return;
	}
	switch (type) {
	case T_TRUE:
	case T_FALSE:
		return;
	case T_BYTE:
		r->p++;
		break;
	case T_I16:
	case T_I32:
	case T_I64:
		varint(r);
		return;
	case T_DOUBLE:
		r->p += 8;
		break;
	case T_BINARY: {
		uint64_t n = varint(r);
		if (n > (uint64_t)(r->end - r->p))
			r->bad = true;
		else
			r->p += n;
		return;
	}
	case T_LIST:
	case T_SET: {
		int elem;
		size_t n = list_header(r, &elem);
		for (size_t i = 0; i < n && !r->bad; i++)
			if (elem == T_TRUE || elem == T_FALSE)
				r->p++; /* booleans in lists take a byte */
			else
				skip(r, elem, depth + 1);
		return;
	}
	case T_MAP: {
		uint64_t n = varint(r);
		if (!n)
			return;
		if (r->p >= r->end) {
			r->bad = true;
			return;
		}
		uint8_t kv = *r->p++;
		for (uint64_t i = 0; i < n && !r->bad; i++) {
			skip(r, kv >> 4, depth + 1);
			skip(r, kv & 0x0f, depth + 1);
		}
		return;
	}
	case T_STRUCT:
		skip_struct(r, depth);
		return;
	default:
		r->bad = true;
		return;
	}
	if (r->p > r->end)
		r->bad = true;
}

/* --- the footer ------------------------------------------------------------------------ */

typedef struct page {
	int64_t first_row;   /* within the row group */
	int32_t rows;
	const uint8_t *defs; /* RLE/bit-packed definition levels (NULL: all present) */
	size_t defs_len;
	const uint8_t *values; /* PLAIN values */
	size_t values_len;
	uint32_t *index;     /* per row: its value's number (nulls have none), or for
	                        BYTE_ARRAY the offset of its length prefix; built on demand */
	bool all_present;
} page;

typedef struct chunk {
	int64_t offset;      /* first page header */
	int64_t size;        /* total_compressed_size */
	int32_t codec;
	int64_t values;
	bool plain_only;
	page *pages;         /* NULL until first needed */
	size_t npages;
} chunk;

typedef struct leaf {
	int32_t field_id;
	lh_pq_type type;
	int32_t width;       /* FIXED_LEN_BYTE_ARRAY */
	bool optional;
} leaf;

struct lh_pq {
	uint8_t *map;
	size_t size;
	leaf *cols;
	size_t ncols;
	int64_t rows;
	size_t ngroups;
	int64_t *group_first; /* first row of each row group (ngroups + 1) */
	chunk *chunks;        /* ngroups x ncols */
};

static lh_status corrupt(lh_err *err, const char *what)
{
	return lh_err_set(err, LH_ERR_CORRUPT, "Parquet file: %s", what);
}

/* SchemaElement: type 1, type_length 2, repetition_type 3, name 4, num_children 5,
 * field_id 9. */
static void schema_element(rd *r, leaf *c, int32_t *children, bool *has_type)
{
	int16_t id = 0;
	int t;
	*children = 0;
	*has_type = false;
	c->field_id = -1;
	while (!r->bad && (t = field(r, &id)) != T_STOP) {
		if (id == 1 && t == T_I32) {
			c->type = (lh_pq_type)zigzag(r);
			*has_type = true;
		} else if (id == 2 && t == T_I32) {
			c->width = (int32_t)zigzag(r);
		} else if (id == 3 && t == T_I32) {
			c->optional = zigzag(r) == 1;
		} else if (id == 5 && t == T_I32) {
			*children = (int32_t)zigzag(r);
		} else if (id == 9 && t == T_I32) {
			c->field_id = (int32_t)zigzag(r);
		} else {
			skip(r, t, 1);
		}
	}
}

/* ColumnMetaData: type 1, encodings 2, codec 4, num_values 5, total_compressed_size 7,
 * data_page_offset 9, dictionary_page_offset 11. */
static void column_meta(rd *r, chunk *ch)
{
	int16_t id = 0;
	int t;
	int64_t dict = -1;
	ch->plain_only = true;
	while (!r->bad && (t = field(r, &id)) != T_STOP) {
		if (id == 2 && t == T_LIST) {
			int elem;
			size_t n = list_header(r, &elem);
			for (size_t i = 0; i < n && !r->bad; i++) {
				int64_t e = zigzag(r);
				/* PLAIN 0, RLE 3 (levels), BIT_PACKED 4 (levels) */
				if (e != 0 && e != 3 && e != 4)
					ch->plain_only = false;
			}
		} else if (id == 4 && t == T_I32) {
			ch->codec = (int32_t)zigzag(r);
		} else if (id == 5 && t == T_I64) {
			ch->values = zigzag(r);
		} else if (id == 7 && t == T_I64) {
			ch->size = zigzag(r);
		} else if (id == 9 && t == T_I64) {
			ch->offset = zigzag(r);
		} else if (id == 11 && t == T_I64) {
			dict = zigzag(r);
		} else {
			skip(r, t, 1);
		}
	}
	if (dict >= 0)
		ch->plain_only = false;
}

/* RowGroup: columns 1 (ColumnChunk: meta_data 3), num_rows 3. */
static void row_group(rd *r, chunk *chunks, size_t ncols, int64_t *rows)
{
	int16_t id = 0;
	int t;
	while (!r->bad && (t = field(r, &id)) != T_STOP) {
		if (id == 1 && t == T_LIST) {
			int elem;
			size_t n = list_header(r, &elem);
			if (n != ncols || elem != T_STRUCT)
				r->bad = true;
			for (size_t i = 0; i < n && !r->bad; i++) {
				int16_t cid = 0;
				int ct;
				while (!r->bad && (ct = field(r, &cid)) != T_STOP) {
					if (cid == 3 && ct == T_STRUCT)
						column_meta(r, &chunks[i]);
					else
						skip(r, ct, 2);
				}
			}
		} else if (id == 3 && t == T_I64) {
			*rows = zigzag(r);
		} else {
			skip(r, t, 1);
		}
	}
}

static lh_status parse_footer(lh_pq *pq, const uint8_t *p, size_t len, lh_err *err)
{
	rd r = {p, p + len, false};
	int16_t id = 0;
	int t;
	bool flat = true;
	while (!r.bad && (t = field(&r, &id)) != T_STOP) {
		if (id == 2 && t == T_LIST) { /* schema: the root, then its leaves */
			int elem;
			size_t n = list_header(&r, &elem);
			pq->cols = calloc(n ? n : 1, sizeof *pq->cols);
			if (!pq->cols)
				return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			for (size_t i = 0; i < n && !r.bad; i++) {
				leaf c = {0};
				int32_t children;
				bool has_type;
				schema_element(&r, &c, &children, &has_type);
				if (i == 0)
					continue;
				if (children || !has_type)
					flat = false; /* nested: the root's children are not all leaves */
				pq->cols[pq->ncols++] = c;
			}
		} else if (id == 3 && t == T_I64) {
			pq->rows = zigzag(&r);
		} else if (id == 4 && t == T_LIST) {
			int elem;
			size_t n = list_header(&r, &elem);
			if (!flat)
				return lh_err_set(err, LH_ERR_UNSUPPORTED, "nested columns");
			pq->ngroups = n;
			pq->chunks = calloc((n ? n : 1) * (pq->ncols ? pq->ncols : 1), sizeof *pq->chunks);
			pq->group_first = calloc(n + 1, sizeof *pq->group_first);
			if (!pq->chunks || !pq->group_first)
				return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			for (size_t g = 0; g < n && !r.bad; g++) {
				int64_t rows = 0;
				row_group(&r, &pq->chunks[g * pq->ncols], pq->ncols, &rows);
				pq->group_first[g + 1] = pq->group_first[g] + rows;
			}
		} else {
			skip(&r, t, 0);
		}
	}
	if (r.bad || !pq->cols)
		return corrupt(err, "unreadable footer");
	if (!flat)
		return lh_err_set(err, LH_ERR_UNSUPPORTED, "nested columns");
	if (pq->group_first && pq->group_first[pq->ngroups] != pq->rows)
		return corrupt(err, "row groups do not add up to the file's rows");
	return LH_OK;
}

lh_status lh_pq_open(const char *path, lh_pq **out, lh_err *err)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return lh_err_set(err, LH_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_size < 12) {
		close(fd);
		return corrupt(err, "shorter than a header and a footer");
	}
	lh_pq *pq = calloc(1, sizeof *pq);
	if (!pq) {
		close(fd);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	pq->size = (size_t)st.st_size;
	pq->map = mmap(NULL, pq->size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (pq->map == MAP_FAILED) {
		pq->map = NULL;
		lh_pq_close(&pq);
		return lh_err_set(err, LH_ERR_IO, "cannot map '%s': %s", path, strerror(errno));
	}
	const uint8_t *tail = pq->map + pq->size - 8;
	uint32_t flen = (uint32_t)tail[0] | (uint32_t)tail[1] << 8 | (uint32_t)tail[2] << 16 |
	                (uint32_t)tail[3] << 24;
	lh_status s = LH_OK;
	if (memcmp(tail + 4, "PAR1", 4) != 0 || memcmp(pq->map, "PAR1", 4) != 0 ||
	    flen > pq->size - 12)
		s = corrupt(err, "no PAR1 magic or a footer longer than the file");
	if (s == LH_OK)
		s = parse_footer(pq, tail - flen, flen, err);
	if (s != LH_OK) {
		lh_pq_close(&pq);
		return s;
	}
	*out = pq;
	return LH_OK;
}

void lh_pq_close(lh_pq **pqp)
{
	if (!pqp || !*pqp)
		return;
	lh_pq *pq = *pqp;
	for (size_t i = 0; pq->chunks && i < pq->ngroups * pq->ncols; i++) {
		for (size_t k = 0; k < pq->chunks[i].npages; k++)
			free(pq->chunks[i].pages[k].index);
		free(pq->chunks[i].pages);
	}
	free(pq->chunks);
	free(pq->group_first);
	free(pq->cols);
	if (pq->map)
		munmap(pq->map, pq->size);
	free(pq);
	*pqp = NULL;
}

int64_t lh_pq_rows(const lh_pq *pq)
{
	return pq->rows;
}

ptrdiff_t lh_pq_column(const lh_pq *pq, int32_t field_id)
{
	for (size_t i = 0; i < pq->ncols; i++)
		if (pq->cols[i].field_id == field_id)
			return (ptrdiff_t)i;
	return -1;
}

lh_pq_type lh_pq_column_type(const lh_pq *pq, size_t column)
{
	return pq->cols[column].type;
}

bool lh_pq_readable(const lh_pq *pq, size_t c)
{
	if (c >= pq->ncols || pq->cols[c].type == LH_PQ_INT96)
		return false;
	for (size_t g = 0; g < pq->ngroups; g++) {
		const chunk *ch = &pq->chunks[g * pq->ncols + c];
		if (ch->codec != 0 || !ch->plain_only)
			return false;
	}
	return true;
}

/* --- pages --------------------------------------------------------------------------- */

/* PageHeader: type 1, uncompressed 2, compressed 3, data_page_header 5 (num_values 1,
 * encoding 2, definition_level_encoding 3), data_page_header_v2 8 (num_values 1,
 * num_nulls 2, num_rows 3, encoding 4, definition_levels_byte_length 5,
 * repetition_levels_byte_length 6, is_compressed 7). */
typedef struct page_header {
	int32_t type, compressed, values, encoding, def_encoding, rows, def_len, rep_len;
	bool v2_compressed;
} page_header;

static void data_page_header(rd *r, page_header *h, bool v2)
{
	int16_t id = 0;
	int t;
	while (!r->bad && (t = field(r, &id)) != T_STOP) {
		if (t == T_TRUE || t == T_FALSE) {
			if (v2 && id == 7)
				h->v2_compressed = t == T_TRUE;
			continue;
		}
		if (t != T_I32) {
			skip(r, t, 2);
			continue;
		}
		int32_t v = (int32_t)zigzag(r);
		if (id == 1)
			h->values = v;
		else if (!v2 && id == 2)
			h->encoding = v;
		else if (!v2 && id == 3)
			h->def_encoding = v;
		else if (v2 && id == 3)
			h->rows = v;
		else if (v2 && id == 4)
			h->encoding = v;
		else if (v2 && id == 5)
			h->def_len = v;
		else if (v2 && id == 6)
			h->rep_len = v;
	}
}

static void page_header_of(rd *r, page_header *h)
{
	int16_t id = 0;
	int t;
	memset(h, 0, sizeof *h);
	h->type = -1;
	h->v2_compressed = true;
	h->rows = -1;
	while (!r->bad && (t = field(r, &id)) != T_STOP) {
		if (id == 1 && t == T_I32)
			h->type = (int32_t)zigzag(r);
		else if (id == 3 && t == T_I32)
			h->compressed = (int32_t)zigzag(r);
		else if (id == 5 && t == T_STRUCT)
			data_page_header(r, h, false);
		else if (id == 8 && t == T_STRUCT)
			data_page_header(r, h, true);
		else
			skip(r, t, 1);
	}
}

/* Walks a chunk's page headers once: where each page's rows, levels and values are. */
static lh_status index_chunk(lh_pq *pq, size_t g, size_t c, lh_err *err)
{
	chunk *ch = &pq->chunks[g * pq->ncols + c];
	if (ch->pages)
		return LH_OK;
	const leaf *col = &pq->cols[c];
	if (ch->offset < 4 || ch->size <= 0 || (uint64_t)(ch->offset + ch->size) > pq->size)
		return corrupt(err, "a column chunk outside the file");
	const uint8_t *p = pq->map + ch->offset, *end = p + ch->size;
	LH_VEC(page) pages = {0};
	int64_t rows = 0;
	lh_status st = LH_OK;
	while (st == LH_OK && p < end) {
		rd r = {p, end, false};
		page_header h;
		page_header_of(&r, &h);
		if (r.bad || h.compressed < 0 || h.compressed > end - r.p) {
			st = corrupt(err, "an unreadable page header");
			break;
		}
		const uint8_t *body = r.p;
		p = body + h.compressed;
		if (h.type != 0 && h.type != 3)
			continue; /* index pages and the like */
		if (h.encoding != 0 || (h.type == 3 && h.v2_compressed && ch->codec != 0) || h.rep_len) {
			st = lh_err_set(err, LH_ERR_UNSUPPORTED, "a page this reader does not read");
			break;
		}
		page pg = {.first_row = rows, .rows = h.type == 3 ? h.rows : h.values};
		const uint8_t *vals = body;
		size_t left = (size_t)h.compressed;
		if (col->optional) {
			uint32_t dl;
			if (h.type == 3) {
				dl = (uint32_t)h.def_len;
			} else {
				if (h.def_encoding != 3 || left < 4) {
					st = lh_err_set(err, LH_ERR_UNSUPPORTED, "definition levels not RLE");
					break;
				}
				dl = (uint32_t)body[0] | (uint32_t)body[1] << 8 | (uint32_t)body[2] << 16 |
				     (uint32_t)body[3] << 24;
				vals += 4;
				left -= 4;
			}
			if (dl > left) {
				st = corrupt(err, "definition levels longer than their page");
				break;
			}
			pg.defs = vals;
			pg.defs_len = dl;
			vals += dl;
			left -= dl;
		}
		pg.values = vals;
		pg.values_len = left;
		if (pg.rows < 0) {
			st = corrupt(err, "a page without a row count");
			break;
		}
		rows += pg.rows;
		if (LH_VEC_PUSH(&pages, pg) != LH_OK)
			st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	int64_t group_rows = pq->group_first[g + 1] - pq->group_first[g];
	if (st == LH_OK && rows != group_rows)
		st = corrupt(err, "a column chunk's pages do not hold its row group's rows");
	if (st != LH_OK) {
		LH_VEC_FREE(&pages);
		return st;
	}
	ch->pages = pages.items;
	ch->npages = pages.len;
	return LH_OK;
}

/* Decodes a page's definition levels (bit width 1, RLE/bit-packed hybrid) into the
 * value number of each row (UINT32_MAX: NULL). */
static lh_status decode_defs(page *pg, uint32_t *value_of, lh_err *err)
{
	rd r = {pg->defs, pg->defs + pg->defs_len, false};
	int32_t row = 0;
	uint32_t value = 0;
	while (row < pg->rows) {
		uint64_t h = varint(&r);
		if (r.bad)
			return corrupt(err, "definition levels end early");
		if (h & 1) { /* bit-packed: (h >> 1) groups of 8 */
			uint64_t n = (h >> 1) * 8;
			for (uint64_t i = 0; i < n && row < pg->rows; i++, row++) {
				if (r.p + i / 8 >= r.end)
					return corrupt(err, "definition levels end early");
				bool present = (r.p[i / 8] >> (i % 8)) & 1;
				value_of[row] = present ? value++ : UINT32_MAX;
			}
			r.p += (h >> 1);
		} else { /* a run of one value (one byte at width 1) */
			uint64_t n = h >> 1;
			if (r.p >= r.end)
				return corrupt(err, "definition levels end early");
			bool present = *r.p++ & 1;
			for (uint64_t i = 0; i < n && row < pg->rows; i++, row++)
				value_of[row] = present ? value++ : UINT32_MAX;
		}
	}
	return LH_OK;
}

/* The row -> value map of a page, and for BYTE_ARRAY where each value starts. */
static lh_status index_page(const leaf *col, page *pg, lh_err *err)
{
	if (pg->index || (pg->all_present && col->type != LH_PQ_BYTE_ARRAY))
		return LH_OK;
	uint32_t *idx = malloc(((size_t)pg->rows + 1) * sizeof *idx);
	if (!idx)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = LH_OK;
	if (pg->defs)
		st = decode_defs(pg, idx, err);
	else
		for (int32_t i = 0; i < pg->rows; i++)
			idx[i] = (uint32_t)i;
	if (st == LH_OK && col->type == LH_PQ_BYTE_ARRAY) {
		/* value number -> offset of its length prefix */
		uint32_t off = 0, v = 0;
		uint32_t *start = malloc(((size_t)pg->rows + 1) * sizeof *start);
		if (!start)
			st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		for (int32_t i = 0; st == LH_OK && i < pg->rows; i++) {
			if (idx[i] == UINT32_MAX)
				continue;
			if ((size_t)off + 4 > pg->values_len) {
				st = corrupt(err, "string values end early");
				break;
			}
			const uint8_t *q = pg->values + off;
			uint32_t len = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 |
			               (uint32_t)q[3] << 24;
			if ((size_t)off + 4 + len > pg->values_len) {
				st = corrupt(err, "a string longer than its page");
				break;
			}
			start[v++] = off;
			off += 4 + len;
		}
		for (int32_t i = 0; st == LH_OK && i < pg->rows; i++)
			if (idx[i] != UINT32_MAX)
				idx[i] = start[idx[i]];
		free(start);
	}
	if (st != LH_OK) {
		free(idx);
		return st;
	}
	pg->index = idx;
	return LH_OK;
}

static size_t fixed_size(const leaf *c)
{
	switch (c->type) {
	case LH_PQ_INT32:
	case LH_PQ_FLOAT:
		return 4;
	case LH_PQ_INT64:
	case LH_PQ_DOUBLE:
		return 8;
	case LH_PQ_FIXED:
		return c->width > 0 ? (size_t)c->width : 0;
	default:
		return 0;
	}
}

lh_status lh_pq_get(lh_pq *pq, size_t c, int64_t row, lh_pq_value *out, lh_err *err)
{
	memset(out, 0, sizeof *out);
	if (c >= pq->ncols || row < 0 || row >= pq->rows)
		return lh_err_set(err, LH_ERR_INVALID, "row %lld is not in the file", (long long)row);
	size_t lo = 0, hi = pq->ngroups; /* the row group */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (pq->group_first[mid] <= row)
			lo = mid;
		else
			hi = mid;
	}
	lh_status st = index_chunk(pq, lo, c, err);
	if (st != LH_OK)
		return st;
	chunk *ch = &pq->chunks[lo * pq->ncols + c];
	int64_t in_group = row - pq->group_first[lo];
	size_t a = 0, b = ch->npages; /* the page */
	while (b - a > 1) {
		size_t mid = a + (b - a) / 2;
		if (ch->pages[mid].first_row <= in_group)
			a = mid;
		else
			b = mid;
	}
	page *pg = &ch->pages[a];
	const leaf *col = &pq->cols[c];
	int64_t r = in_group - pg->first_row;
	if (!pg->defs && !pg->index) {
		pg->all_present = true;
	} else if (pg->defs && !pg->index && pg->defs_len >= 2 && !pg->all_present) {
		/* one run covering the page, all present: the common case, no index needed */
		rd rr = {pg->defs, pg->defs + pg->defs_len, false};
		uint64_t h = varint(&rr);
		pg->all_present = !rr.bad && !(h & 1) && (int64_t)(h >> 1) >= pg->rows && rr.p < rr.end &&
		                  (*rr.p & 1);
	}
	if ((st = index_page(col, pg, err)) != LH_OK)
		return st;
	uint32_t v = pg->index ? pg->index[r] : (uint32_t)r;
	if (v == UINT32_MAX) {
		out->null = true;
		return LH_OK;
	}
	if (col->type == LH_PQ_BYTE_ARRAY) {
		const uint8_t *q = pg->values + v;
		out->len = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 |
		           (uint32_t)q[3] << 24;
		out->data = q + 4;
		return LH_OK;
	}
	if (col->type == LH_PQ_BOOLEAN) {
		if ((size_t)v / 8 >= pg->values_len)
			return corrupt(err, "values end early");
		static const uint8_t one = 1, zero = 0;
		out->data = (pg->values[v / 8] >> (v % 8)) & 1 ? &one : &zero;
		out->len = 1;
		return LH_OK;
	}
	size_t w = fixed_size(col);
	if (!w || ((size_t)v + 1) * w > pg->values_len)
		return corrupt(err, "values end early");
	out->data = pg->values + (size_t)v * w;
	out->len = (uint32_t)w;
	return LH_OK;
}
