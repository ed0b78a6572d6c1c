/*
 * events/outbox.c - writing events into the outbox (see outbox.h).
 *
 * Layer: services, through the public SQL API and lake/services.h.
 */
#include "events/outbox.h"
#include "lake/services.h"
#include "util/err.h"
#include "util/uuid.h"

#include <stdlib.h>
#include <string.h>

static lh_status make_log(lh_lake *lake, void *arg)
{
	(void)arg;
	return lh_lake_exec(lake,
	                    "CREATE SCHEMA IF NOT EXISTS " LH_OUTBOX_SCHEMA "; "
	                    "CREATE TABLE IF NOT EXISTS " LH_OUTBOX_TABLE " (event_id VARCHAR NOT NULL, "
	                    "subject VARCHAR NOT NULL, payload JSON NOT NULL, "
	                    "created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
	                    NULL, NULL);
}

lh_status lh_outbox_ensure(lh_lake *lake)
{
	bool have = false;
	lh_status st = lh_lake_has_table(lake, LH_OUTBOX_SCHEMA, "log", &have);
	if (st != LH_OK || have)
		return st;
	int64_t snap;
	return lh_lake_atomic(lake, make_log, NULL, NULL, &snap);
}

lh_status lh_outbox_append(lh_lake *lake, const char *subject, const json_t *payload)
{
	char id[LH_UUID_LEN + 1];
	char *text = json_dumps(payload, JSON_COMPACT | JSON_SORT_KEYS);
	lh_status st = text ? lh_uuid_v7(id) : LH_ERR_NOMEM;
	if (st != LH_OK) {
		free(text);
		return lh_err_set(lh_lake_err(lake), st, "cannot make an event: %s", lh_strerror(st));
	}
	lh_value v[3] = {{.type = LH_VALUE_TEXT, .data = id, .len = strlen(id)},
	                 {.type = LH_VALUE_TEXT, .data = subject, .len = strlen(subject)},
	                 {.type = LH_VALUE_TEXT, .data = text, .len = strlen(text)}};
	st = lh_lake_exec_params(lake, "INSERT INTO " LH_OUTBOX_TABLE " VALUES (?, ?, ?::JSON, now())",
	                         v, 3, NULL, NULL);
	free(text);
	return st;
}

lh_status lh_outbox_ingest_completed(lh_lake *lake, const char *schema, const char *name,
                                     const char *via, const char *source)
{
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT count(*) FROM ");
	lh_buf_sql_ident(&q, schema);
	lh_buf_putc(&q, '.');
	lh_buf_sql_ident(&q, name);
	lh_render was = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_result *r = NULL;
	size_t n = 0;
	int64_t rows = 0;
	lh_status st = q.status == LH_OK ? lh_lake_query(lake, lh_buf_str(&q), &r)
	                                 : lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK && (st = lh_result_next_batch(r, &n)) == LH_OK && n)
		rows = lh_result_int64(r, 0, 0);
	lh_result_destroy(&r);
	lh_lake_swap_render(lake, was);
	lh_buf_free(&q);
	char *table = lh_asprintf("%s.%s", schema, name);
	json_t *ev = table ? json_pack("{s:s, s:s, s:s?, s:I}", "table", table, "via", via, "source",
	                               source, "rows", (json_int_t)rows)
	                   : NULL;
	free(table);
	if (st == LH_OK)
		st = ev ? lh_outbox_append(lake, LH_EV_INGEST_COMPLETED, ev)
		        : lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	json_decref(ev);
	return st;
}
