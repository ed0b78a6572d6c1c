/*
 * lake/tags.c - snapshot tags: lh_lake_tag_create / _delete, lakehouse_tags('lake'),
 * AT (TAG => 'name') and the tagged snapshots expiry keeps.
 *
 * Layer: lake, over catalog/tags.c. DuckDB's parser knows AT (VERSION => ...) and
 * AT (TIMESTAMP => ...) only, so AT (TAG => 'name') is replaced by the VERSION form in
 * the statement's text (by its tokens: strings and comments are never touched) before
 * anything parses it.
 */
#include "lake/lake_int.h"
#include "catalog/tags.h"

#include <stdlib.h>
#include <string.h>

static lh_status check_name(lh_lake *lake, const char *name)
{
	if (!name || !*name || strlen(name) > 128)
		return lh_lake_fail(lake, LH_ERR_INVALID, "a tag needs a name of 1 to 128 characters");
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20)
			return lh_lake_fail(lake, LH_ERR_INVALID, "a tag name cannot hold control characters");
	return LH_OK;
}

lh_status lh_lake_tag_create(lh_lake *lake, const char *name, int64_t snapshot, const char *message,
                             int64_t *out_snapshot)
{
	if (!lake)
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	lh_status st = lh_lake_need(lake);
	if (st == LH_OK)
		st = check_name(lake, name);
	if (st == LH_OK && snapshot < 0 && (st = lh_lake_refresh(lake)) == LH_OK)
		snapshot = lh_lake_snapshot_id(lake);
	if (st == LH_OK)
		st = lh_catalog_tag_create(lake->cat, name, snapshot, message, &lake->err);
	if (st == LH_OK && out_snapshot)
		*out_snapshot = snapshot;
	return st;
}

lh_status lh_lake_tag_delete(lh_lake *lake, const char *name)
{
	if (!lake || !name)
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	lh_status st = lh_lake_need(lake);
	return st == LH_OK ? lh_catalog_tag_delete(lake->cat, name, &lake->err) : st;
}

lh_status lh_lake_tag_snapshot(lh_lake *lake, const char *name, int64_t *out_snapshot)
{
	lh_status need = lh_lake_need(lake);
	if (need != LH_OK)
		return need;
	return lh_catalog_tag_get(lake->cat, name, out_snapshot, &lake->err);
}

/* lakehouse_tags('lake'): tag_name, snapshot_id, message, created_at, into temp table
 * `name` (history.c's table functions). */
lh_status lh_tags_table(lh_lake *lake, const char *name)
{
	lh_rows *rows = NULL;
	lh_status st = lh_catalog_tags(lake->cat, &rows, &lake->err);
	if (st != LH_OK)
		return st;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b,
	              "CREATE OR REPLACE TABLE __lh.main.\"%s\" (tag_name VARCHAR, snapshot_id BIGINT, "
	              "message VARCHAR, created_at TIMESTAMPTZ)",
	              name);
	for (size_t r = 0; r < rows->nrows; r++) {
		if (r == 0)
			lh_buf_printf(&b, "; INSERT INTO __lh.main.\"%s\" VALUES ", name);
		lh_buf_puts(&b, r ? ", (" : "(");
		lh_buf_sql_str(&b, lh_rows_get(rows, r, 0));
		lh_buf_printf(&b, ", %lld, ", (long long)lh_rows_int(rows, r, 1, -1));
		lh_buf_sql_str(&b, lh_rows_get(rows, r, 2));
		lh_buf_puts(&b, ", ");
		lh_buf_sql_str(&b, lh_rows_get(rows, r, 3));
		lh_buf_puts(&b, "::TIMESTAMPTZ)");
	}
	st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
	                       : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&b);
	lh_rows_free(&rows);
	return st;
}

/* The text with every AT ( TAG => '<name>' ) replaced by AT (VERSION => <its snapshot>);
 * *out NULL when there is none. */
lh_status lh_tags_resolve(lh_lake *lake, const char *sql, const lh_toks *t, char **out)
{
	*out = NULL;
	lh_buf b;
	lh_buf_init(&b, 0);
	size_t copied = 0;
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i + 5 < t->v.len; i++) {
		lh_cursor c = {.t = t, .i = i};
		if (!lh_cur_is(&c, 0, "AT") || !lh_cur_is(&c, 1, "(") || !lh_cur_is(&c, 2, "TAG") ||
		    !lh_cur_is(&c, 3, "=>") || lh_cur_peek(&c, 4)->type != LH_TOK_STRING ||
		    !lh_cur_is(&c, 5, ")"))
			continue;
		const lh_tok *tag = lh_cur_peek(&c, 4);
		char *quoted = lh_strndup(sql + tag->start, tag->end - tag->start), *name = NULL;
		st = quoted ? lh_eval_text(lake, quoted, &name) : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
		free(quoted);
		int64_t snap = -1;
		if (st == LH_OK)
			st = lh_lake_tag_snapshot(lake, name ? name : "", &snap);
		free(name);
		if (st != LH_OK)
			break;
		const lh_tok *unit = lh_cur_peek(&c, 2), *value_end = lh_cur_peek(&c, 4);
		lh_buf_append(&b, sql + copied, unit->start - copied);
		lh_buf_printf(&b, "VERSION => %lld", (long long)snap);
		copied = value_end->end;
		i += 5;
	}
	if (st == LH_OK && copied > 0) {
		lh_buf_puts(&b, sql + copied);
		if (b.status != LH_OK || !(*out = lh_strdup(lh_buf_str(&b))))
			st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	lh_buf_free(&b);
	return st;
}
