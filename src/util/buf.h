/*
 * util/buf.h - growable byte buffers with a hard cap, and small string helpers.
 *
 * Layer: util. A buffer's failure is sticky: after an allocation failure or going over
 * its cap every append is a no-op and lh_buf_status() reports why, so SQL text can be
 * built with many appends and checked once.
 */
#ifndef LH_UTIL_BUF_H
#define LH_UTIL_BUF_H

#include "lakehouse.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define LH_BUF_DEFAULT_MAX ((size_t)1 << 30)

typedef struct lh_buf {
	char *data;       /* always NUL-terminated when not NULL */
	size_t len;       /* bytes used, without the NUL */
	size_t cap;       /* bytes allocated */
	size_t max;       /* hard cap on len */
	lh_status status; /* LH_OK, LH_ERR_NOMEM or LH_ERR_TOO_BIG (sticky) */
} lh_buf;

/* Initialises an empty buffer; max 0 means LH_BUF_DEFAULT_MAX. */
void lh_buf_init(lh_buf *b, size_t max);
void lh_buf_free(lh_buf *b);
/* Empties the buffer, keeping its memory and clearing a sticky failure. */
void lh_buf_reset(lh_buf *b);
lh_status lh_buf_status(const lh_buf *b);
/* The text ("" for an empty buffer); owned by the buffer. */
const char *lh_buf_str(const lh_buf *b);
/* Hands the text to the caller (free with free()); the buffer becomes empty. NULL on a
 * failed buffer. */
char *lh_buf_steal(lh_buf *b);

void lh_buf_append(lh_buf *b, const char *s, size_t n);
void lh_buf_puts(lh_buf *b, const char *s);
void lh_buf_putc(lh_buf *b, char c);
void lh_buf_printf(lh_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void lh_buf_vprintf(lh_buf *b, const char *fmt, va_list ap);
/* Appends s as an SQL string literal: 'it''s'. NULL appends NULL. */
void lh_buf_sql_str(lh_buf *b, const char *s);
/* Appends s as a double-quoted SQL identifier: "a""b". */
void lh_buf_sql_ident(lh_buf *b, const char *s);

/* Appends s as a JSON string literal with the needed escapes. */
void lh_json_quote(lh_buf *b, const char *s);

/* Appends "(SELECT unnest(CAST('<json>' AS JSON)::VARCHAR[][]) AS r)": one row per row of
 * `values` (nrows x ncols, row-major, NULL entries for NULL), as a VARCHAR[] `r`
 * (r[1] is the first value); with_index adds the row's index as a last element. DuckDB
 * binds this in constant time, where a VALUES list of n rows costs it O(n) expressions. */
void lh_buf_json_rows(lh_buf *b, const char *const *values, size_t nrows, size_t ncols,
                      bool with_index);

/* --- strings ------------------------------------------------------------------ */
char *lh_strdup(const char *s);             /* NULL in, NULL out */
char *lh_strndup(const char *s, size_t n);
char *lh_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool lh_strieq(const char *a, const char *b); /* ASCII case-insensitive, NULL-safe */
bool lh_str_starts_with(const char *s, const char *prefix);
bool lh_str_ends_with(const char *s, const char *suffix);
/* Parses a whole decimal int64; false on junk, overflow or empty input. */
bool lh_parse_int64(const char *s, int64_t *out);

/* --- dynamic arrays -----------------------------------------------------------------
 * struct { T *items; size_t len, cap; } v = {0};  LH_VEC_PUSH(&v, x) returns lh_status. */
lh_status lh__vec_grow(void **items, size_t *cap, size_t elem_size, size_t need);
#define LH_VEC(T)                                                                      \
	struct {                                                                           \
		T *items;                                                                      \
		size_t len, cap;                                                               \
	}
typedef LH_VEC(int64_t) lh_i64_vec;
typedef LH_VEC(char *) lh_str_vec;
/* Frees every string of v, then v itself. */
void lh_str_vec_free(lh_str_vec *v);
#define LH_VEC_RESERVE(v, n)                                                           \
	((v)->len + (n) <= (v)->cap                                                        \
	     ? LH_OK                                                                       \
	     : lh__vec_grow((void **)&(v)->items, &(v)->cap, sizeof(*(v)->items), (v)->len + (n)))
#define LH_VEC_PUSH(v, x)                                                              \
	(LH_VEC_RESERVE(v, 1) == LH_OK ? ((v)->items[(v)->len++] = (x), LH_OK) : LH_ERR_NOMEM)
#define LH_VEC_FREE(v)                                                                 \
	do {                                                                               \
		free((v)->items);                                                              \
		(v)->items = NULL;                                                             \
		(v)->len = (v)->cap = 0;                                                       \
	} while (0)

#endif
