/*
 * cli/output.c - result printing for the lakehouse command.
 *
 * Front end: uses include/lakehouse.h only. The table format follows DuckDB's CLI
 * (box drawing, a type row, numbers right-aligned, at most max_rows rows with the
 * middle elided); CSV follows RFC 4180 with NULL as an empty field; JSON is an array
 * of objects whose values the library rendered as JSON.
 */
#include "output.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool cli_parse_format(const char *s, cli_format *out)
{
	if (strcmp(s, "table") == 0 || strcmp(s, "box") == 0 || strcmp(s, "duckbox") == 0)
		*out = CLI_TABLE;
	else if (strcmp(s, "csv") == 0)
		*out = CLI_CSV;
	else if (strcmp(s, "json") == 0)
		*out = CLI_JSON;
	else
		return false;
	return true;
}

/* --- CSV ------------------------------------------------------------------------------ */

/* A text of n bytes (it may hold NUL bytes, written as they are). */
static void csv_field(FILE *out, const char *s, size_t n)
{
	if (!s)
		return; /* NULL: empty field */
	bool quote = n == 0;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		fwrite(s, 1, n, out);
		return;
	}
	fputc('"', out);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			fputc('"', out);
		fputc(s[i], out);
	}
	fputc('"', out);
}

static lh_status print_csv(FILE *out, lh_result *r, const cli_tap *tap)
{
	size_t nc = lh_result_column_count(r);
	for (size_t c = 0; c < nc; c++) {
		if (c)
			fputc(',', out);
		const char *name = lh_result_column_name(r, c);
		csv_field(out, name, name ? strlen(name) : 0);
	}
	fputs("\n", out);
	size_t n;
	lh_status st;
	while ((st = lh_result_next_batch(r, &n)) == LH_OK && n > 0) {
		for (size_t row = 0; row < n; row++) {
			if (tap)
				tap->fn(tap->ctx, r, row);
			for (size_t c = 0; c < nc; c++) {
				if (c)
					fputc(',', out);
				csv_field(out, lh_result_text(r, c, row), lh_result_text_length(r, c, row));
			}
			fputs("\n", out);
		}
	}
	return st;
}

/* --- JSON ----------------------------------------------------------------------------- */

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p == '\r')
			fputs("\\r", out);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

static lh_status print_json(FILE *out, lh_result *r, const cli_tap *tap)
{
	size_t nc = lh_result_column_count(r);
	size_t n, total = 0;
	lh_status st;
	fputc('[', out);
	while ((st = lh_result_next_batch(r, &n)) == LH_OK && n > 0) {
		for (size_t row = 0; row < n; row++, total++) {
			if (tap)
				tap->fn(tap->ctx, r, row);
			fputs(total ? ",\n{" : "{", out);
			for (size_t c = 0; c < nc; c++) {
				if (c)
					fputc(',', out);
				json_string(out, lh_result_column_name(r, c));
				fputc(':', out);
				const char *v = lh_result_text(r, c, row);
				fputs(v ? v : "null", out);
			}
			fputc('}', out);
		}
	}
	fputs("]\n", out);
	return st;
}

/* --- table ------------------------------------------------------------------------------- */

typedef struct kept_row {
	char **cells;
} kept_row;

static size_t display_width(const char *s)
{
	size_t w = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			w++;
	return w;
}

static bool numeric_type(const char *t)
{
	static const char *const nums[] = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
	                                   "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
	                                   "FLOAT", "DOUBLE", "DECIMAL", NULL};
	for (const char *const *n = nums; *n; n++)
		if (strncmp(t, *n, strlen(*n)) == 0 && (t[strlen(*n)] == '\0' || t[strlen(*n)] == '('))
			return true;
	return false;
}

/* DuckDB's CLI names types the DuckLake way in its type row. */
static char *type_label(const char *t)
{
	static const char *const map[][2] = {
	    {"TINYINT", "int8"},     {"SMALLINT", "int16"},   {"INTEGER", "int32"},
	    {"BIGINT", "int64"},     {"HUGEINT", "int128"},   {"UTINYINT", "uint8"},
	    {"USMALLINT", "uint16"}, {"UINTEGER", "uint32"},  {"UBIGINT", "uint64"},
	    {"UHUGEINT", "uint128"}, {"TIMESTAMP WITH TIME ZONE", "timestamp with time zone"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(t, map[i][0]) == 0)
			return strdup(map[i][1]);
	char *l = strdup(t);
	for (char *p = l; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return l;
}

#define CELL_MAX 80

/* A copy of a cell for display: NULL shown as NULL, cut to CELL_MAX columns. */
static char *cell_copy(const char *s)
{
	if (!s)
		return strdup("NULL");
	size_t w = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++w > CELL_MAX - 1)
			break;
	}
	if (!s[i])
		return strdup(s);
	char *c = malloc(i + 4);
	if (c) {
		memcpy(c, s, i);
		memcpy(c + i, "…", 4);
	}
	return c;
}

static void free_row(kept_row *row, size_t nc)
{
	for (size_t c = 0; row->cells && c < nc; c++)
		free(row->cells[c]);
	free(row->cells);
	row->cells = NULL;
}

static void hline(FILE *out, const size_t *w, size_t nc, const char *l, const char *m, const char *r)
{
	fputs(l, out);
	for (size_t c = 0; c < nc; c++) {
		for (size_t i = 0; i < w[c] + 2; i++)
			fputs("─", out);
		fputs(c + 1 < nc ? m : r, out);
	}
	fputc('\n', out);
}

static void cell(FILE *out, const char *s, size_t width, bool right, bool center)
{
	size_t w = display_width(s), pad = width > w ? width - w : 0;
	size_t left = center ? pad / 2 : right ? pad : 0;
	fprintf(out, " %*s%s%*s │", (int)left, "", s, (int)(pad - left), "");
}

static lh_status print_table(FILE *out, lh_result *r, size_t max_rows, const cli_tap *tap)
{
	size_t nc = lh_result_column_count(r);
	size_t head_max = max_rows / 2, tail_max = max_rows - head_max;
	kept_row *head = calloc(head_max + 1, sizeof *head);
	kept_row *tail = calloc(tail_max + 1, sizeof *tail);
	char **types = calloc(nc + 1, sizeof *types);
	size_t *w = calloc(nc + 1, sizeof *w);
	bool *right = calloc(nc + 1, sizeof *right);
	size_t total = 0, nhead = 0;
	lh_status st = LH_OK;
	if (!head || !tail || !types || !w || !right) {
		st = LH_ERR_NOMEM;
		goto out;
	}
	for (size_t c = 0; c < nc; c++) {
		types[c] = type_label(lh_result_column_type(r, c));
		right[c] = numeric_type(lh_result_column_type(r, c));
		w[c] = display_width(lh_result_column_name(r, c));
		if (types[c] && display_width(types[c]) > w[c])
			w[c] = display_width(types[c]);
	}
	size_t n;
	while ((st = lh_result_next_batch(r, &n)) == LH_OK && n > 0) {
		for (size_t row = 0; row < n; row++, total++) {
			kept_row *k;
			if (tap)
				tap->fn(tap->ctx, r, row);
			if (nhead < head_max) {
				k = &head[nhead++];
			} else if (tail_max > 0) {
				k = &tail[(total - head_max) % tail_max];
				free_row(k, nc);
			} else {
				continue;
			}
			k->cells = calloc(nc + 1, sizeof *k->cells);
			for (size_t c = 0; k->cells && c < nc; c++)
				k->cells[c] = cell_copy(lh_result_text(r, c, row));
		}
	}
	if (st != LH_OK)
		goto out;
	size_t ntail = total > head_max ? total - head_max : 0;
	if (ntail > tail_max)
		ntail = tail_max;
	size_t first_tail = total > head_max + tail_max ? (total - head_max) % tail_max : 0;
	for (int pass = 0; pass < 2; pass++) {
		size_t cnt = pass ? ntail : nhead;
		for (size_t i = 0; i < cnt; i++) {
			kept_row *k = pass ? &tail[(first_tail + i) % (tail_max ? tail_max : 1)] : &head[i];
			for (size_t c = 0; k->cells && c < nc; c++)
				if (k->cells[c] && display_width(k->cells[c]) > w[c])
					w[c] = display_width(k->cells[c]);
		}
	}
	hline(out, w, nc, "┌", "┬", "┐");
	fputs("│", out);
	for (size_t c = 0; c < nc; c++)
		cell(out, lh_result_column_name(r, c), w[c], false, true);
	fputs("\n│", out);
	for (size_t c = 0; c < nc; c++)
		cell(out, types[c] ? types[c] : "", w[c], false, true);
	fputc('\n', out);
	hline(out, w, nc, "├", "┼", "┤");
	for (int pass = 0; pass < 2; pass++) {
		size_t cnt = pass ? ntail : nhead;
		if (pass && total > nhead + ntail) {
			for (int dots = 0; dots < 3; dots++) {
				fputs("│", out);
				for (size_t c = 0; c < nc; c++)
					cell(out, "·", w[c], false, true);
				fputc('\n', out);
			}
		}
		for (size_t i = 0; i < cnt; i++) {
			kept_row *k = pass ? &tail[(first_tail + i) % (tail_max ? tail_max : 1)] : &head[i];
			fputs("│", out);
			for (size_t c = 0; c < nc; c++)
				cell(out, k->cells && k->cells[c] ? k->cells[c] : "", w[c], right[c], false);
			fputc('\n', out);
		}
	}
	hline(out, w, nc, "└", "┴", "┘");
	if (total > nhead + ntail)
		fprintf(out, "  %zu rows (%zu shown)\n", total, nhead + ntail);
	else if (total != 1)
		fprintf(out, "  %zu rows\n", total);
out:
	for (size_t i = 0; head && i < head_max; i++)
		free_row(&head[i], nc);
	for (size_t i = 0; tail && i < tail_max; i++)
		free_row(&tail[i], nc);
	for (size_t c = 0; types && c < nc; c++)
		free(types[c]);
	free(head);
	free(tail);
	free(types);
	free(w);
	free(right);
	return st;
}

lh_status cli_print_result_tap(FILE *out, lh_result *r, cli_format f, size_t max_rows,
                               const cli_tap *tap)
{
	if (lh_result_column_count(r) == 0)
		return LH_OK;
	if (!out) {
		size_t n;
		lh_status st;
		while ((st = lh_result_next_batch(r, &n)) == LH_OK && n > 0)
			for (size_t row = 0; tap && row < n; row++)
				tap->fn(tap->ctx, r, row);
		return st;
	}
	switch (f) {
	case CLI_CSV:
		return print_csv(out, r, tap);
	case CLI_JSON:
		return print_json(out, r, tap);
	case CLI_TABLE:
	default:
		return print_table(out, r, max_rows, tap);
	}
}

lh_status cli_print_result(FILE *out, lh_result *r, cli_format f, size_t max_rows)
{
	return cli_print_result_tap(out, r, f, max_rows, NULL);
}

lh_status cli_print_cb(void *ctx, size_t index, const char *statement, lh_result *r)
{
	const cli_print_ctx *p = ctx;
	(void)index;
	(void)statement;
	lh_status st = cli_print_result(stdout, r, p->format, p->max_rows);
	fflush(stdout);
	return st;
}
