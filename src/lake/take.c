/*
 * lake/take.c - rows by their DuckLake row ids (lh_lake_take).
 *
 * Layer: lake. The rows come back in the order asked (repeats repeated), at the latest
 * snapshot or a pinned one, through the same read path as every query (its checks of
 * damaged files included). An id with no live row at that snapshot (deleted, or never
 * written) is an error naming it: a training job must not silently get fewer samples.
 * Reads go through the SQL engine for now, filtering the scan by row id; a per-file row
 * index with a page reader of our own is the planned fast path (issue 9).
 */
#include "lake/lake_int.h"
#include "lake/services.h"
#include "lake/sqltok.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MISSING_SHOWN 10

/* "name alias AT (VERSION => v)" (DuckDB wants the alias before AT). */
static void append_table(lh_buf *b, const lh_qname *q, const char *alias, int64_t version)
{
	if (q->catalog) {
		lh_buf_sql_ident(b, q->catalog);
		lh_buf_putc(b, '.');
	}
	if (q->schema) {
		lh_buf_sql_ident(b, q->schema);
		lh_buf_putc(b, '.');
	}
	lh_buf_sql_ident(b, q->name);
	lh_buf_printf(b, " %s", alias);
	if (version >= 0)
		lh_buf_printf(b, " AT (VERSION => %" PRId64 ")", version);
}

static void append_ids(lh_buf *b, const int64_t *ids, size_t n)
{
	lh_buf_putc(b, '[');
	for (size_t i = 0; i < n; i++)
		lh_buf_printf(b, "%s%" PRId64, i ? "," : "", ids[i]);
	lh_buf_puts(b, "]::BIGINT[]");
}

/* Fails naming the ids without a live row, if any. */
static lh_status check_present(lh_lake *lake, const char *table, const lh_qname *q,
                               int64_t version, const int64_t *ids, size_t n)
{
	char where[64];
	if (version >= 0)
		snprintf(where, sizeof where, "snapshot %" PRId64, version);
	else
		snprintf(where, sizeof where, "the open transaction's state");
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "SELECT DISTINCT __id FROM unnest(");
	append_ids(&b, ids, n);
	lh_buf_puts(&b, ") __k(__id) WHERE __id NOT IN (SELECT rowid FROM ");
	append_table(&b, q, "__t", version);
	lh_buf_puts(&b, " WHERE rowid IN (SELECT unnest(");
	append_ids(&b, ids, n);
	lh_buf_puts(&b, "))) ORDER BY __id");
	if (b.status != LH_OK) {
		lh_buf_free(&b);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	lh_result *r = NULL;
	lh_status st = lh_lake_query(lake, lh_buf_str(&b), &r);
	lh_buf_free(&b);
	size_t rows = 0, missing = 0;
	lh_buf list;
	lh_buf_init(&list, 0);
	while (st == LH_OK && (st = lh_result_next_batch(r, &rows)) == LH_OK && rows)
		for (size_t i = 0; i < rows; i++, missing++)
			if (missing < MISSING_SHOWN)
				lh_buf_printf(&list, "%s%s", missing ? ", " : "", lh_result_text(r, 0, i));
	lh_result_destroy(&r);
	if (st == LH_OK && missing)
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                  "take from %s: %zu of the row ids asked for have no row at %s (%s%s): "
		                  "deleted, or never written; read ids with SELECT rowid FROM %s",
		                  table, missing, where, lh_buf_str(&list),
		                  missing > MISSING_SHOWN ? ", ..." : "", table);
	lh_buf_free(&list);
	return st;
}

lh_status lh_lake_take(lh_lake *lake, const char *table, const int64_t *row_ids, size_t n,
                       const char *const *columns, size_t ncolumns, int64_t version,
                       lh_result **out_result)
{
	if (out_result)
		*out_result = NULL;
	if (!lake || !table || !out_result || (n && !row_ids) || (ncolumns && !columns))
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	lh_qname q = {0};
	lh_status st = lh_parse_qname(table, &q);
	if (st != LH_OK) {
		lh_qname_free(&q);
		return lh_lake_fail(lake, st == LH_ERR_NOMEM ? st : LH_ERR_INVALID,
		                    "take: '%s' is not a table name (table, schema.table or "
		                    "lake.schema.table)",
		                    table);
	}
	/* "latest" is pinned once, so both reads see the same snapshot even while another
	 * process commits; inside an open transaction, its own state (with its writes) */
	if (version < 0 && !lake->txn && (st = lh_lake_refresh(lake)) == LH_OK)
		version = lh_lake_snapshot_id(lake);
	if (st != LH_OK) {
		lh_qname_free(&q);
		return st;
	}
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "SELECT ");
	for (size_t i = 0; i < ncolumns; i++) {
		if (i)
			lh_buf_puts(&b, ", ");
		lh_buf_puts(&b, "__t.");
		lh_buf_sql_ident(&b, columns[i]);
	}
	if (!ncolumns)
		lh_buf_puts(&b, "__t.*");
	lh_buf_puts(&b, " FROM ");
	append_table(&b, &q, "__t", version);
	lh_buf_puts(&b, " JOIN (SELECT unnest(");
	append_ids(&b, row_ids, n);
	lh_buf_puts(&b, ") AS __id, generate_subscripts(");
	append_ids(&b, row_ids, n);
	lh_buf_puts(&b, ", 1) AS __ord) __k ON __t.rowid = __k.__id ORDER BY __k.__ord");
	if (b.status != LH_OK)
		st = lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK && n)
		st = check_present(lake, table, &q, version, row_ids, n);
	if (st == LH_OK)
		st = lh_lake_query(lake, lh_buf_str(&b), out_result);
	lh_buf_free(&b);
	lh_qname_free(&q);
	return st;
}
