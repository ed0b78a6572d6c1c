/*
 * lake/params.c - values bound to a statement's placeholders (lh_lake_query_params).
 *
 * Layer: lake. The router and DuckDB see one SQL text, so binding happens on the text:
 * every placeholder token (`?`, `?N`, `$N`; never one inside a string, a quoted name or
 * a comment, which the tokenizer tells apart) is replaced by a literal this file writes
 * from the value: integers and doubles in full precision, text as a quoted string with
 * its quotes doubled (checked to be UTF-8 without NUL), blobs through unhex(). A value
 * can never end its literal early, so no value is ever read as SQL. Plain `?` take the
 * values in order; `?N` and `$N` name value N (from 1); the two styles do not mix.
 */
#include "lake/lake_int.h"
#include "lake/sqltok.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether s[0..len) is UTF-8 (no overlongs, no surrogates) without NUL bytes. */
static bool utf8_text(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		if (c == 0 || n == 0 || i + n > len || (n == 2 && c < 0xc2) || c > 0xf4)
			return false;
		uint32_t cp = n == 1 ? c : c & (0x3f >> (n - 1));
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
			return false;
		i += n;
	}
	return true;
}

static lh_status literal(lh_lake *lake, lh_buf *b, const lh_value *v, size_t index)
{
	switch (v->type) {
	case LH_VALUE_NULL:
		lh_buf_puts(b, "NULL");
		return LH_OK;
	case LH_VALUE_BOOL:
		lh_buf_puts(b, v->b ? "true" : "false");
		return LH_OK;
	case LH_VALUE_INT64:
		lh_buf_printf(b, "CAST(%" PRId64 " AS BIGINT)", v->i);
		return LH_OK;
	case LH_VALUE_DOUBLE:
		if (isnan(v->d))
			lh_buf_puts(b, "('nan'::DOUBLE)");
		else if (isinf(v->d))
			lh_buf_puts(b, v->d > 0 ? "('inf'::DOUBLE)" : "('-inf'::DOUBLE)");
		else
			lh_buf_printf(b, "CAST(%.17g AS DOUBLE)", v->d);
		return LH_OK;
	case LH_VALUE_TEXT:
		if (!v->data && v->len)
			break;
		if (!utf8_text((const unsigned char *)(v->data ? v->data : ""), v->len))
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "parameter %zu: text must be UTF-8 without NUL bytes; pass bytes "
			                    "as a BLOB value",
			                    index + 1);
		lh_buf_putc(b, '\'');
		for (size_t i = 0; i < v->len; i++) {
			if (v->data[i] == '\'')
				lh_buf_putc(b, '\'');
			lh_buf_putc(b, v->data[i]);
		}
		lh_buf_putc(b, '\'');
		return LH_OK;
	case LH_VALUE_BLOB:
		if (!v->data && v->len)
			break;
		lh_buf_puts(b, "unhex('");
		for (size_t i = 0; i < v->len; i++)
			lh_buf_printf(b, "%02x", (unsigned char)v->data[i]);
		lh_buf_puts(b, "')");
		return LH_OK;
	}
	return lh_lake_fail(lake, LH_ERR_INVALID, "parameter %zu: not a valid value (type %d)",
	                    index + 1, (int)v->type);
}

/* The script with every placeholder replaced by its value's literal. */
static lh_status bind(lh_lake *lake, const char *sql, const lh_value *params, size_t nparams,
                      char **out)
{
	*out = NULL;
	lh_toks toks;
	if (lh_tokenize(sql, strlen(sql), &toks) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_buf b;
	lh_buf_init(&b, 0);
	size_t copied = 0, sequential = 0, numbered = 0;
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < toks.v.len; i++) {
		const lh_tok *t = &toks.v.items[i];
		if (t->type != LH_TOK_PARAM)
			continue;
		size_t index;
		if (t->end - t->start == 1) { /* a plain '?' */
			index = sequential++;
		} else {
			char *end = NULL;
			unsigned long long n = strtoull(sql + t->start + 1, &end, 10);
			if (n == 0 || n > nparams + 1 || end != sql + t->end) {
				st = lh_lake_fail(lake, LH_ERR_INVALID,
				                  "placeholder %.*s: there are %zu parameter values (numbered from 1)",
				                  (int)(t->end - t->start), sql + t->start, nparams);
				break;
			}
			index = (size_t)n - 1;
			numbered++;
		}
		if (sequential && numbered) {
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "use either ? or numbered placeholders ($1, ?1) in one call, not both");
			break;
		}
		if (index >= nparams) {
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "the SQL has more placeholders than the %zu parameter values given",
			                  nparams);
			break;
		}
		lh_buf_append(&b, sql + copied, t->start - copied);
		st = literal(lake, &b, &params[index], index);
		copied = t->end;
	}
	if (st == LH_OK && sequential && sequential != nparams)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "the SQL has %zu placeholders but %zu parameter values were given",
		                  sequential, nparams);
	if (st == LH_OK && !sequential && !numbered && nparams)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "%zu parameter values were given but the SQL has no placeholder (? or $1)",
		                  nparams);
	lh_toks_free(&toks);
	if (st == LH_OK) {
		lh_buf_puts(&b, sql + copied);
		if (!(*out = lh_buf_steal(&b)))
			st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	lh_buf_free(&b);
	return st;
}

lh_status lh_lake_exec_params(lh_lake *lake, const char *sql, const lh_value *params,
                              size_t nparams, lh_statement_cb cb, void *ctx)
{
	if (!lake || !sql || (nparams && !params))
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	char *bound = NULL;
	lh_status st = bind(lake, sql, params, nparams, &bound);
	if (st == LH_OK)
		st = lh_lake_exec(lake, bound, cb, ctx);
	free(bound);
	return st;
}

lh_status lh_lake_query_params(lh_lake *lake, const char *sql, const lh_value *params,
                               size_t nparams, lh_result **out_result)
{
	if (out_result)
		*out_result = NULL;
	if (!lake || !sql || !out_result || (nparams && !params))
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	char *bound = NULL;
	lh_status st = bind(lake, sql, params, nparams, &bound);
	if (st == LH_OK)
		st = lh_lake_query(lake, bound, out_result);
	free(bound);
	return st;
}
