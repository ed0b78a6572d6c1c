/*
 * lake/sqltok.c - SQL tokenizer and statement-head cursor. See sqltok.h.
 */
#include "lake/sqltok.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool is_word_start(unsigned char ch)
{
	return isalpha(ch) || ch == '_' || ch >= 0x80;
}

static bool is_word_char(unsigned char ch)
{
	return isalnum(ch) || ch == '_' || ch == '$' || ch >= 0x80;
}

/* Length of a $tag$ opener at s, or 0. */
static size_t dollar_tag(const char *s, size_t n)
{
	if (n < 2 || s[0] != '$')
		return 0;
	size_t i = 1;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_'))
		i++;
	return i < n && s[i] == '$' ? i + 1 : 0;
}

lh_status lh_tokenize(const char *sql, size_t len, lh_toks *out)
{
	memset(out, 0, sizeof *out);
	out->sql = sql;
	size_t i = 0;
	while (i < len) {
		unsigned char ch = (unsigned char)sql[i];
		if (isspace(ch)) {
			i++;
			continue;
		}
		if (ch == '-' && i + 1 < len && sql[i + 1] == '-') {
			while (i < len && sql[i] != '\n')
				i++;
			continue;
		}
		if (ch == '/' && i + 1 < len && sql[i + 1] == '*') {
			int depth = 0;
			do {
				if (sql[i] == '/' && i + 1 < len && sql[i + 1] == '*') {
					depth++;
					i += 2;
				} else if (sql[i] == '*' && i + 1 < len && sql[i + 1] == '/') {
					depth--;
					i += 2;
				} else {
					i++;
				}
			} while (i < len && depth > 0);
			continue;
		}
		lh_tok t = {.start = i};
		size_t tag;
		if (ch == '\'' || ((ch == 'E' || ch == 'e') && i + 1 < len && sql[i + 1] == '\'')) {
			bool escapes = ch != '\'';
			i += escapes ? 2 : 1;
			while (i < len) {
				if (escapes && sql[i] == '\\' && i + 1 < len) {
					i += 2;
					continue;
				}
				if (sql[i] == '\'') {
					if (i + 1 < len && sql[i + 1] == '\'') {
						i += 2;
						continue;
					}
					i++;
					break;
				}
				i++;
			}
			t.type = LH_TOK_STRING;
		} else if ((tag = dollar_tag(sql + i, len - i)) > 0) {
			const char *close = NULL;
			for (size_t k = i + tag; k + tag <= len; k++)
				if (memcmp(sql + k, sql + i, tag) == 0) {
					close = sql + k;
					break;
				}
			i = close ? (size_t)(close - sql) + tag : len;
			t.type = LH_TOK_STRING;
		} else if (ch == '"') {
			i++;
			while (i < len) {
				if (sql[i] == '"') {
					if (i + 1 < len && sql[i + 1] == '"') {
						i += 2;
						continue;
					}
					i++;
					break;
				}
				i++;
			}
			t.type = LH_TOK_QIDENT;
		} else if (is_word_start(ch)) {
			while (i < len && is_word_char((unsigned char)sql[i]))
				i++;
			t.type = LH_TOK_WORD;
		} else if (isdigit(ch) || (ch == '.' && i + 1 < len && isdigit((unsigned char)sql[i + 1]))) {
			while (i < len && (isalnum((unsigned char)sql[i]) || sql[i] == '.' || sql[i] == '_' ||
			                   ((sql[i] == '+' || sql[i] == '-') &&
			                    (sql[i - 1] == 'e' || sql[i - 1] == 'E'))))
				i++;
			t.type = LH_TOK_NUMBER;
		} else if ((ch == '$' || ch == '?') && (ch == '?' || (i + 1 < len && isdigit((unsigned char)sql[i + 1])))) {
			i++;
			while (i < len && isdigit((unsigned char)sql[i]))
				i++;
			t.type = LH_TOK_PARAM;
		} else {
			static const char *const ops2[] = {"::", "=>", "<>", "!=", "<=", ">=", "||", "->", "**", "//"};
			t.type = LH_TOK_OP;
			i++;
			for (size_t k = 0; k < sizeof ops2 / sizeof ops2[0]; k++)
				if (i < len && sql[i - 1] == ops2[k][0] && sql[i] == ops2[k][1]) {
					i++;
					break;
				}
		}
		t.end = i;
		if (LH_VEC_PUSH(&out->v, t) != LH_OK) {
			lh_toks_free(out);
			return LH_ERR_NOMEM;
		}
	}
	lh_tok eof = {.type = LH_TOK_EOF, .start = len, .end = len};
	if (LH_VEC_PUSH(&out->v, eof) != LH_OK) {
		lh_toks_free(out);
		return LH_ERR_NOMEM;
	}
	return LH_OK;
}

void lh_toks_free(lh_toks *t)
{
	LH_VEC_FREE(&t->v);
}

lh_status lh_split_statements(const char *sql, lh_stmt_ranges *out)
{
	memset(out, 0, sizeof *out);
	lh_toks t;
	if (lh_tokenize(sql, strlen(sql), &t) != LH_OK)
		return LH_ERR_NOMEM;
	int depth = 0;
	size_t first = 0; /* index of the first token of the current statement */
	for (size_t i = 0; i < t.v.len; i++) {
		const lh_tok *k = &t.v.items[i];
		bool is_op = k->type == LH_TOK_OP && k->end - k->start == 1;
		if (is_op && sql[k->start] == '(')
			depth++;
		else if (is_op && sql[k->start] == ')' && depth > 0)
			depth--;
		bool end = k->type == LH_TOK_EOF || (is_op && sql[k->start] == ';' && depth == 0);
		if (!end)
			continue;
		if (i > first) {
			lh_stmt_range r = {t.v.items[first].start, t.v.items[i - 1].end};
			if (LH_VEC_PUSH(out, r) != LH_OK) {
				lh_toks_free(&t);
				LH_VEC_FREE(out);
				return LH_ERR_NOMEM;
			}
		}
		first = i + 1;
		depth = 0;
	}
	lh_toks_free(&t);
	return LH_OK;
}

const lh_tok *lh_cur_peek(const lh_cursor *c, size_t ahead)
{
	size_t i = c->i + ahead;
	if (i >= c->t->v.len)
		i = c->t->v.len - 1;
	return &c->t->v.items[i];
}

static bool tok_is(const lh_toks *t, const lh_tok *k, const char *kw)
{
	if (k->type != LH_TOK_WORD && k->type != LH_TOK_OP)
		return false;
	size_t n = k->end - k->start;
	return strlen(kw) == n && strncasecmp(t->sql + k->start, kw, n) == 0;
}

bool lh_cur_is(const lh_cursor *c, size_t ahead, const char *kw)
{
	return tok_is(c->t, lh_cur_peek(c, ahead), kw);
}

bool lh_cur_accept(lh_cursor *c, const char *kw)
{
	if (!lh_cur_is(c, 0, kw))
		return false;
	c->i++;
	return true;
}

bool lh_cur_is_ident(const lh_cursor *c)
{
	const lh_tok *k = lh_cur_peek(c, 0);
	return k->type == LH_TOK_WORD || k->type == LH_TOK_QIDENT;
}

char *lh_cur_ident(lh_cursor *c)
{
	const lh_tok *k = lh_cur_peek(c, 0);
	const char *s = c->t->sql + k->start;
	size_t n = k->end - k->start;
	if (k->type == LH_TOK_WORD) {
		c->i++;
		return lh_strndup(s, n);
	}
	if (k->type != LH_TOK_QIDENT)
		return NULL;
	c->i++;
	lh_buf b;
	lh_buf_init(&b, 0);
	for (size_t i = 1; i + 1 < n; i++) {
		lh_buf_putc(&b, s[i]);
		if (s[i] == '"' && s[i + 1] == '"')
			i++;
	}
	return lh_buf_steal(&b);
}

bool lh_cur_skip_group(lh_cursor *c)
{
	if (!lh_cur_is(c, 0, "("))
		return false;
	int depth = 0;
	do {
		const lh_tok *k = lh_cur_peek(c, 0);
		if (k->type == LH_TOK_EOF)
			return false;
		if (tok_is(c->t, k, "("))
			depth++;
		else if (tok_is(c->t, k, ")"))
			depth--;
		c->i++;
	} while (depth > 0);
	return true;
}

size_t lh_cur_skip_expr(lh_cursor *c, const char *const *stops)
{
	size_t end = lh_cur_offset(c);
	int depth = 0, cases = 0;
	while (!lh_cur_at_end(c)) {
		bool stop = false;
		for (size_t i = 0; depth == 0 && cases == 0 && stops[i] && !stop; i++)
			stop = lh_cur_is(c, 0, stops[i]);
		if (stop || (depth == 0 && lh_cur_is(c, 0, ")")))
			break;
		if (lh_cur_is(c, 0, "(") || lh_cur_is(c, 0, "[") || lh_cur_is(c, 0, "{"))
			depth++;
		else if (lh_cur_is(c, 0, ")") || lh_cur_is(c, 0, "]") || lh_cur_is(c, 0, "}"))
			depth--;
		else if (depth == 0 && lh_cur_is(c, 0, "CASE"))
			cases++;
		else if (depth == 0 && cases > 0 && lh_cur_is(c, 0, "END"))
			cases--;
		end = lh_cur_peek(c, 0)->end;
		c->i++;
	}
	return end;
}

size_t lh_cur_offset(const lh_cursor *c)
{
	return lh_cur_peek(c, 0)->start;
}

bool lh_cur_at_end(const lh_cursor *c)
{
	return lh_cur_peek(c, 0)->type == LH_TOK_EOF;
}

void lh_qname_free(lh_qname *q)
{
	free(q->catalog);
	free(q->schema);
	free(q->name);
	memset(q, 0, sizeof *q);
}

bool lh_cur_qname(lh_cursor *c, lh_qname *out)
{
	memset(out, 0, sizeof *out);
	char *parts[3] = {0};
	int n = 0;
	while (n < 3 && lh_cur_is_ident(c)) {
		parts[n++] = lh_cur_ident(c);
		if (!lh_cur_is(c, 0, ".") || n == 3)
			break;
		c->i++;
	}
	if (n == 0)
		return false;
	for (int i = 0; i < n; i++)
		out->nomem |= parts[i] == NULL;
	if (out->nomem) {
		for (int i = 0; i < n; i++)
			free(parts[i]);
		return false;
	}
	out->name = parts[n - 1];
	if (n >= 2)
		out->schema = parts[n - 2];
	if (n == 3)
		out->catalog = parts[0];
	return true;
}

char *lh_qname_str(const lh_qname *q)
{
	if (q->schema)
		return lh_asprintf("%s.%s", q->schema, q->name);
	return lh_strdup(q->name);
}

bool lh_toks_has_call(const lh_toks *t, const char *kw, bool prefix)
{
	size_t kn = strlen(kw);
	for (size_t i = 0; i + 1 < t->v.len; i++) {
		const lh_tok *k = &t->v.items[i];
		if (k->type != LH_TOK_WORD || !tok_is(t, &t->v.items[i + 1], "("))
			continue;
		size_t n = k->end - k->start;
		if ((prefix ? n >= kn : n == kn) && strncasecmp(t->sql + k->start, kw, kn) == 0)
			return true;
	}
	return false;
}

bool lh_cur_has_word(const lh_cursor *c, const char *kw)
{
	lh_cursor k = *c;
	int depth = 0;
	while (!lh_cur_at_end(&k)) {
		if (lh_cur_is(&k, 0, "("))
			depth++;
		else if (lh_cur_is(&k, 0, ")"))
			depth--;
		else if (depth == 0 && lh_cur_is(&k, 0, kw))
			return true;
		k.i++;
	}
	return false;
}
