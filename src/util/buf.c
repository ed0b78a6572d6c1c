/*
 * util/buf.c - capped growable buffers and string helpers. See buf.h.
 */
#include "util/buf.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lh_buf_init(lh_buf *b, size_t max)
{
	memset(b, 0, sizeof *b);
	b->max = max ? max : LH_BUF_DEFAULT_MAX;
}

void lh_buf_free(lh_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void lh_buf_reset(lh_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	b->status = LH_OK;
}

lh_status lh_buf_status(const lh_buf *b)
{
	return b->status;
}

const char *lh_buf_str(const lh_buf *b)
{
	return b->data ? b->data : "";
}

char *lh_buf_steal(lh_buf *b)
{
	if (b->status != LH_OK) {
		lh_buf_free(b);
		return NULL;
	}
	char *s = b->data ? b->data : lh_strdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

static bool buf_reserve(lh_buf *b, size_t extra)
{
	if (b->status != LH_OK)
		return false;
	if (extra > b->max || b->len > b->max - extra) {
		b->status = LH_ERR_TOO_BIG;
		return false;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->status = LH_ERR_NOMEM;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void lh_buf_append(lh_buf *b, const char *s, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void lh_buf_puts(lh_buf *b, const char *s)
{
	lh_buf_append(b, s, strlen(s));
}

void lh_buf_putc(lh_buf *b, char c)
{
	lh_buf_append(b, &c, 1);
}

void lh_buf_vprintf(lh_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || !buf_reserve(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void lh_buf_printf(lh_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lh_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

static void buf_quoted(lh_buf *b, const char *s, char q)
{
	lh_buf_putc(b, q);
	for (const char *p = s; *p; p++) {
		const char *next = strchr(p, q);
		if (!next) {
			lh_buf_puts(b, p);
			break;
		}
		lh_buf_append(b, p, (size_t)(next - p) + 1);
		lh_buf_putc(b, q);
		p = next;
	}
	lh_buf_putc(b, q);
}

void lh_buf_sql_str(lh_buf *b, const char *s)
{
	if (!s)
		lh_buf_puts(b, "NULL");
	else
		buf_quoted(b, s, '\'');
}

void lh_buf_sql_ident(lh_buf *b, const char *s)
{
	buf_quoted(b, s ? s : "", '"');
}

void lh_json_quote(lh_buf *b, const char *s)
{
	lh_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			lh_buf_puts(b, "\\\"");
			break;
		case '\\':
			lh_buf_puts(b, "\\\\");
			break;
		case '\n':
			lh_buf_puts(b, "\\n");
			break;
		case '\r':
			lh_buf_puts(b, "\\r");
			break;
		case '\t':
			lh_buf_puts(b, "\\t");
			break;
		default:
			if (*p < 0x20)
				lh_buf_printf(b, "\\u%04x", *p);
			else
				lh_buf_putc(b, (char)*p);
		}
	}
	lh_buf_putc(b, '"');
}

void lh_buf_json_rows(lh_buf *b, const char *const *values, size_t nrows, size_t ncols,
                      bool with_index)
{
	lh_buf j;
	lh_buf_init(&j, b->max);
	lh_buf_putc(&j, '[');
	for (size_t r = 0; r < nrows; r++) {
		lh_buf_puts(&j, r ? ",[" : "[");
		for (size_t k = 0; k < ncols; k++) {
			const char *v = values[r * ncols + k];
			lh_buf_puts(&j, k ? "," : "");
			if (v)
				lh_json_quote(&j, v);
			else
				lh_buf_puts(&j, "null");
		}
		if (with_index)
			lh_buf_printf(&j, "%s\"%zu\"", ncols ? "," : "", r);
		lh_buf_putc(&j, ']');
	}
	lh_buf_putc(&j, ']');
	lh_buf_puts(b, "(SELECT unnest(CAST(");
	if (j.status != LH_OK)
		b->status = j.status;
	else
		lh_buf_sql_str(b, lh_buf_str(&j));
	lh_buf_puts(b, " AS JSON)::VARCHAR[][]) AS r)");
	lh_buf_free(&j);
}

char *lh_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *lh_strndup(const char *s, size_t n)
{
	return s ? strndup(s, n) : NULL;
}

char *lh_asprintf(const char *fmt, ...)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	lh_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return lh_buf_steal(&b);
}

bool lh_strieq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

bool lh_str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool lh_str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

bool lh_parse_int64(const char *s, int64_t *out)
{
	if (!s || !*s)
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

void lh_str_vec_free(lh_str_vec *v)
{
	for (size_t i = 0; i < v->len; i++)
		free(v->items[i]);
	LH_VEC_FREE(v);
}

lh_status lh__vec_grow(void **items, size_t *cap, size_t elem_size, size_t need)
{
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / elem_size)
		return LH_ERR_NOMEM;
	void *p = realloc(*items, n * elem_size);
	if (!p)
		return LH_ERR_NOMEM;
	*items = p;
	*cap = n;
	return LH_OK;
}
