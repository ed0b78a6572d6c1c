/*
 * lake/sqltok.h - a tokenizer for DuckDB's SQL surface, and a cursor to parse the head
 * of a statement (what it is, which table it targets).
 *
 * Layer: lake. Only the statement router uses it: expressions, queries and types are
 * never parsed here; their text is handed to DuckDB by byte range. Knows strings
 * ('..', E'..', $tag$..$tag$), quoted identifiers, comments (-- and nested block comments),
 * numbers and operators.
 */
#ifndef LH_LAKE_SQLTOK_H
#define LH_LAKE_SQLTOK_H

#include "util/buf.h"

typedef enum lh_tok_type {
	LH_TOK_EOF,
	LH_TOK_WORD,   /* keyword or unquoted identifier */
	LH_TOK_QIDENT, /* "quoted identifier" */
	LH_TOK_STRING, /* 'string' */
	LH_TOK_NUMBER,
	LH_TOK_OP, /* punctuation and operators: ( ) , . ; = :: => ... */
	LH_TOK_PARAM,
} lh_tok_type;

typedef struct lh_tok {
	lh_tok_type type;
	size_t start, end; /* byte range in the text */
} lh_tok;

typedef struct lh_toks {
	const char *sql;
	LH_VEC(lh_tok) v; /* ends with an LH_TOK_EOF token */
} lh_toks;

lh_status lh_tokenize(const char *sql, size_t len, lh_toks *out);
void lh_toks_free(lh_toks *t);

/* One statement of a script: its text range (without the ';'). */
typedef struct lh_stmt_range {
	size_t start, end;
} lh_stmt_range;
typedef LH_VEC(lh_stmt_range) lh_stmt_ranges;

/* Splits a script on top-level semicolons; empty statements are skipped. */
lh_status lh_split_statements(const char *sql, lh_stmt_ranges *out);

/* --- cursor ------------------------------------------------------------------------ */
typedef struct lh_cursor {
	const lh_toks *t;
	size_t i;
} lh_cursor;

const lh_tok *lh_cur_peek(const lh_cursor *c, size_t ahead);
/* True (and advances) when the next token is word/operator `kw` (case-insensitive). */
bool lh_cur_accept(lh_cursor *c, const char *kw);
/* True when token i+ahead is word/operator kw, without advancing. */
bool lh_cur_is(const lh_cursor *c, size_t ahead, const char *kw);
/* True when the next token is an identifier (word or quoted). */
bool lh_cur_is_ident(const lh_cursor *c);
/* Reads an identifier (unquoting "x""y"); NULL when the next token is not one. Caller
 * frees. */
char *lh_cur_ident(lh_cursor *c);
/* Skips a balanced (...) group starting at the next token; false if not at '('. */
bool lh_cur_skip_group(lh_cursor *c);
/* Skips an expression: tokens up to one of the words or operators `stops` (NULL-ended)
 * outside parentheses, brackets, braces and CASE ... END, or an unmatched ')'. Returns the byte offset where
 * the last token passed ends (the cursor's offset when none). */
size_t lh_cur_skip_expr(lh_cursor *c, const char *const *stops);
/* Byte offset where the next token starts (end of text at EOF). */
size_t lh_cur_offset(const lh_cursor *c);
bool lh_cur_at_end(const lh_cursor *c);

/* A qualified name: [catalog.][schema.]name, each part unquoted. Missing parts NULL. */
typedef struct lh_qname {
	char *catalog, *schema, *name;
	bool nomem; /* set when false came from a failed allocation, not from the text */
} lh_qname;
/* Parses a qualified name at the cursor. False when there is none (or out of memory). */
bool lh_cur_qname(lh_cursor *c, lh_qname *out);
void lh_qname_free(lh_qname *q);
/* "schema.name" or "name" for messages (caller frees). */
char *lh_qname_str(const lh_qname *q);

/* True when a word `kw` appears at parenthesis depth 0 from the cursor on. */
bool lh_cur_has_word(const lh_cursor *c, const char *kw);

/* True if the text contains a word `kw` (case-insensitive) directly followed by '('. */
bool lh_toks_has_call(const lh_toks *t, const char *kw_prefix, bool prefix);

#endif
