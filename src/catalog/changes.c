/*
 * catalog/changes.c - parsing and writing changes_made. See changes.h.
 */
#include "catalog/changes.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[LH_CHANGE__COUNT] = {
    "dropped_schema",      "dropped_table",      "dropped_view",   "created_schema",
    "created_table",       "created_view",       "inserted_into_table", "deleted_from_table",
    "altered_table",       "altered_view",       "inlined_insert", "inlined_delete",
    "flushed_inlined",     "compacted_table",    "created_scalar_macro", "created_table_macro",
    "dropped_scalar_macro", "dropped_table_macro",
};

/* Other names of kinds: what 0.4 on writes, and 0.4's compaction of deletes */
static const struct {
	const char *name;
	lh_change_kind kind;
} aliases[] = {
    {"merge_adjacent", LH_CHANGE_COMPACTED_TABLE},
    {"rewrite_delete", LH_CHANGE_COMPACTED_TABLE},
    {"inline_flush", LH_CHANGE_FLUSHED_INLINED},
};

const char *lh_change_kind_name(lh_change_kind kind, bool v1)
{
	if (v1 && kind == LH_CHANGE_COMPACTED_TABLE)
		return aliases[0].name;
	if (v1 && kind == LH_CHANGE_FLUSHED_INLINED)
		return aliases[2].name;
	return kind < LH_CHANGE__COUNT ? kind_names[kind] : "?";
}

static bool quoted_value(int kind)
{
	return kind == LH_CHANGE_CREATED_TABLE || kind == LH_CHANGE_CREATED_VIEW ||
	       kind == LH_CHANGE_CREATED_SCALAR_MACRO || kind == LH_CHANGE_CREATED_TABLE_MACRO;
}

void lh_changes_free(lh_changes *changes)
{
	for (size_t i = 0; i < changes->len; i++) {
		free(changes->items[i].schema);
		free(changes->items[i].name);
	}
	LH_VEC_FREE(changes);
}

/* Reads a "quoted" name at *p, advancing past it. */
static char *read_quoted(const char **p)
{
	if (**p != '"')
		return NULL;
	lh_buf b;
	lh_buf_init(&b, 0);
	const char *s = *p + 1;
	for (;;) {
		if (*s == '\0') {
			lh_buf_free(&b);
			return NULL;
		}
		if (*s == '"') {
			if (s[1] == '"') {
				lh_buf_putc(&b, '"');
				s += 2;
				continue;
			}
			s++;
			break;
		}
		lh_buf_putc(&b, *s++);
	}
	*p = s;
	return lh_buf_steal(&b);
}

static lh_status parse_entry(const char **p, lh_change *c)
{
	const char *colon = strchr(*p, ':');
	if (!colon)
		return LH_ERR_CORRUPT;
	size_t n = (size_t)(colon - *p);
	int kind = -1;
	for (int k = 0; k < LH_CHANGE__COUNT; k++)
		if (strlen(kind_names[k]) == n && memcmp(kind_names[k], *p, n) == 0)
			kind = k;
	for (size_t k = 0; kind < 0 && k < sizeof aliases / sizeof aliases[0]; k++)
		if (strlen(aliases[k].name) == n && memcmp(aliases[k].name, *p, n) == 0)
			kind = (int)aliases[k].kind;
	if (kind < 0)
		return LH_ERR_CORRUPT;
	c->kind = (lh_change_kind)kind;
	const char *s = colon + 1;
	if (kind == LH_CHANGE_CREATED_SCHEMA) {
		if (!(c->schema = read_quoted(&s)))
			return LH_ERR_CORRUPT;
	} else if (quoted_value(kind)) {
		if (!(c->schema = read_quoted(&s)) || *s++ != '.' || !(c->name = read_quoted(&s)))
			return LH_ERR_CORRUPT;
	} else {
		char *end;
		c->id = strtoll(s, &end, 10);
		if (end == s)
			return LH_ERR_CORRUPT;
		s = end;
	}
	*p = s;
	return LH_OK;
}

lh_status lh_changes_parse(const char *text, lh_changes *out)
{
	memset(out, 0, sizeof *out);
	if (!text || !*text)
		return LH_OK;
	const char *p = text;
	for (;;) {
		lh_change c = {0};
		lh_status st = parse_entry(&p, &c);
		if (st == LH_OK && LH_VEC_PUSH(out, c) != LH_OK)
			st = LH_ERR_NOMEM;
		if (st != LH_OK) {
			free(c.schema);
			free(c.name);
			lh_changes_free(out);
			return st;
		}
		if (*p == '\0')
			return LH_OK;
		if (*p++ != ',') {
			lh_changes_free(out);
			return LH_ERR_CORRUPT;
		}
	}
}

static void append_quoted(lh_buf *b, const char *s)
{
	lh_buf_sql_ident(b, s); /* same rule: double quotes, "" escapes */
}

void lh_changes_append(lh_buf *b, bool v1, lh_change_kind kind, int64_t id, const char *schema,
                       const char *name)
{
	if (b->len)
		lh_buf_putc(b, ',');
	lh_buf_puts(b, lh_change_kind_name(kind, v1));
	lh_buf_putc(b, ':');
	if (kind == LH_CHANGE_CREATED_SCHEMA) {
		append_quoted(b, schema);
	} else if (quoted_value(kind)) {
		append_quoted(b, schema);
		lh_buf_putc(b, '.');
		append_quoted(b, name);
	} else {
		lh_buf_printf(b, "%lld", (long long)id);
	}
}
