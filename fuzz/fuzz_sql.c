/*
 * fuzz/fuzz_sql.c - the SQL statement splitter and the statement router's cursor
 * (lake/sqltok.c): tokenize, split a script, then walk each statement the way the
 * router reads statement heads (qualified names, identifiers, groups, words, calls).
 *
 * Promises checked: tokens and statements are in order, inside the text, and never
 * overlap; the last token is EOF at the end; every walk ends.
 */
#include "fuzz.h"
#include "lake/sqltok.h"

static void walk_statement(const char *sql, size_t len)
{
	lh_toks t;
	if (lh_tokenize(sql, len, &t) != LH_OK)
		return;
	FUZZ_CHECK(t.v.len >= 1 && t.v.items[t.v.len - 1].type == LH_TOK_EOF);
	FUZZ_CHECK(t.v.items[t.v.len - 1].start == len);
	size_t prev_end = 0;
	for (size_t i = 0; i < t.v.len; i++) {
		const lh_tok *k = &t.v.items[i];
		FUZZ_CHECK(k->start >= prev_end && k->start <= k->end && k->end <= len);
		FUZZ_CHECK(k->type == LH_TOK_EOF || k->end > k->start);
		prev_end = k->end;
	}
	/* the router's head parsing, tried at each of the first tokens (the router reads
	 * heads; trying every token of a long input would make each run quadratic) */
	for (size_t i = 0; i < t.v.len && i < 48; i++) {
		lh_cursor c = {.t = &t, .i = i};
		lh_qname q;
		if (lh_cur_qname(&c, &q)) {
			char *s = lh_qname_str(&q);
			FUZZ_CHECK(s != NULL);
			free(s);
		}
		lh_qname_free(&q);
		FUZZ_CHECK(c.i < t.v.len);
		c.i = i;
		if (lh_cur_is(&c, 0, "(")) {
			if (lh_cur_skip_group(&c))
				FUZZ_CHECK(c.i > i && c.i < t.v.len);
		}
		c.i = i;
		if (lh_cur_is_ident(&c)) {
			char *id = lh_cur_ident(&c);
			FUZZ_CHECK(id != NULL && c.i == i + 1);
			free(id);
		}
		c.i = i;
		(void)lh_cur_has_word(&c, "FROM");
		(void)lh_cur_offset(&c);
		(void)lh_cur_at_end(&c);
	}
	(void)lh_toks_has_call(&t, "ducklake_", true);
	(void)lh_toks_has_call(&t, "read_parquet", false);
	lh_toks_free(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the tokenizer takes a length: give it exactly the input, no terminator */
	char *exact = malloc(size ? size : 1);
	if (!exact)
		return 0;
	memcpy(exact, data, size);
	walk_statement(exact, size);
	free(exact);

	char *sql = fuzz_cstr(data, size);
	if (!sql)
		return 0;
	size_t len = strlen(sql);
	lh_stmt_ranges r;
	if (lh_split_statements(sql, &r) == LH_OK) {
		size_t prev_end = 0;
		for (size_t i = 0; i < r.len; i++) {
			FUZZ_CHECK(r.items[i].start >= prev_end && r.items[i].start < r.items[i].end &&
			           r.items[i].end <= len);
			prev_end = r.items[i].end;
			/* each statement is parsed on its own, as exec_one does */
			char *one = lh_strndup(sql + r.items[i].start, r.items[i].end - r.items[i].start);
			if (one)
				walk_statement(one, strlen(one));
			free(one);
		}
		LH_VEC_FREE(&r);
	}
	free(sql);
	return 0;
}
