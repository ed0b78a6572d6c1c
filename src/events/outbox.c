/*
 * events/outbox.c - writing events into the outbox (see outbox.h).
 *
 * Layer: services, through the public SQL API and lake/services.h.
 */
#include "events/outbox.h"
#include "lake/services.h"
#include "util/err.h"
#include "util/uuid.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* lh_outbox_append, also saying the new event's id (id: LH_UUID_LEN + 1 bytes) */
static lh_status append(lh_lake *lake, const char *subject, const json_t *payload, char *id)
{
	char *text = json_dumps(payload, JSON_COMPACT | JSON_SORT_KEYS);
	lh_status st = text ? lh_uuid_v7(id) : LH_ERR_NOMEM;
	if (st != LH_OK) {
		free(text);
		return lh_err_set(lh_lake_err(lake), st, "cannot make an event: %s",
		                  lh_strerror(st));
	}
	/* an event NATS would refuse (its messages are at most a megabyte) would hold up
	 * every event after it */
	if (strlen(text) > LH_EVENT_MAX_PAYLOAD) {
		size_t n = strlen(text);
		free(text);
		return lh_err_set(lh_lake_err(lake), LH_ERR_TOO_BIG,
		                  "the event's payload is %zu bytes; at most %d: send a reference to "
		                  "the data, not the data",
		                  n, LH_EVENT_MAX_PAYLOAD);
	}
	/* the outbox is made by the first event, in that event's snapshot */
	st = lh_lake_exec(lake,
	                  "CREATE SCHEMA IF NOT EXISTS " LH_OUTBOX_SCHEMA "; "
	                  "CREATE TABLE IF NOT EXISTS " LH_OUTBOX_TABLE
	                  " (event_id VARCHAR NOT NULL, "
	                  "subject VARCHAR NOT NULL, payload JSON NOT NULL, "
	                  "created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
	                  NULL, NULL);
	if (st != LH_OK) {
		free(text);
		return st;
	}
	lh_value v[3] = {{.type = LH_VALUE_TEXT, .data = id, .len = strlen(id)},
	                 {.type = LH_VALUE_TEXT, .data = subject, .len = strlen(subject)},
	                 {.type = LH_VALUE_TEXT, .data = text, .len = strlen(text)}};
	st = lh_lake_exec_params(lake,
	                         "INSERT INTO " LH_OUTBOX_TABLE " VALUES (?, ?, ?::JSON, now())", v,
	                         3, NULL, NULL);
	free(text);
	return st;
}

lh_status lh_outbox_append(lh_lake *lake, const char *subject, const json_t *payload)
{
	char id[LH_UUID_LEN + 1];
	return append(lake, subject, payload, id);
}

typedef struct emit_args {
	const char *subject;
	json_t *payload;
	char id[LH_UUID_LEN + 1];
} emit_args;

static lh_status emit_body(lh_lake *lake, void *arg)
{
	emit_args *a = arg;
	return append(lake, a->subject, a->payload, a->id);
}

bool lh_event_subject_ok(const char *s)
{
	if (!s || strncmp(s, "lakehouse.", 10) != 0 || strlen(s) > 200)
		return false;
	bool empty = true;
	for (const char *p = s + 10; *p; p++) {
		if (*p == '.') {
			if (empty)
				return false;
			empty = true;
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		           (*p >= '0' && *p <= '9') || *p == '_' || *p == '-') {
			empty = false;
		} else {
			return false;
		}
	}
	return !empty;
}

lh_status lh_events_emit(lh_lake *lake, const char *subject, const char *payload_json,
                         char **out_event_id)
{
	if (!lake || !subject)
		return LH_ERR_INVALID;
	if (out_event_id)
		*out_event_id = NULL;
	lh_err_clear(lh_lake_err(lake));
	if (!lh_event_subject_ok(subject))
		return lh_err_set(
		        lh_lake_err(lake), LH_ERR_INVALID,
		        "subject '%.200s' is not valid: lakehouse. then dot-separated names of "
		        "letters, digits, _ and - (no wildcards)",
		        subject);
	json_error_t jerr;
	emit_args a = {.subject = subject};
	a.payload = json_loads(payload_json ? payload_json : "{}", JSON_REJECT_DUPLICATES, &jerr);
	if (!a.payload || !json_is_object(a.payload)) {
		json_decref(a.payload);
		return lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
		                  "the payload must be a JSON object%s%s", a.payload ? "" : ": ",
		                  a.payload ? "" : jerr.text);
	}
	int64_t snap;
	lh_status st = lh_lake_atomic(lake, emit_body, &a, NULL, &snap);
	json_decref(a.payload);
	if (st == LH_OK && out_event_id && !(*out_event_id = lh_strdup(a.id)))
		st = lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	return st;
}

typedef struct rollback_args {
	const char *table;
	int64_t version;
} rollback_args;

static lh_status rollback_body(lh_lake *lake, void *arg)
{
	rollback_args *a = arg;
	lh_status st = lh_lake_rollback(lake, a->table, a->version, NULL);
	json_t *ev = json_pack("{s:s, s:s, s:I}", "action", "rollback", "table", a->table,
	                       "to_snapshot", (json_int_t)a->version);
	/* a table that already matches: no snapshot, so no event */
	if (st == LH_OK && lh_lake_txn_changes(lake))
		st = ev ? lh_outbox_append(lake, LH_EV_DATASET_VERSIONED, ev)
		        : lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	json_decref(ev);
	return st;
}

lh_status lh_rollback_table(lh_lake *lake, const char *table, int64_t version,
                            int64_t *out_snapshot)
{
	if (!lake || !table)
		return LH_ERR_INVALID;
	int64_t snap = -1;
	rollback_args a = {table, version};
	/* the snapshot says what it is in its commit message, unless the caller gave one */
	const char *author, *message;
	lh_lake_commit_info(lake, &author, &message);
	char *note = message ? NULL
	                     : lh_asprintf("rollback of %s to snapshot %" PRId64, table, version);
	lh_lake_set_commit_info(lake, author, message ? message : note);
	lh_status st = lh_lake_atomic(lake, rollback_body, &a, NULL, &snap);
	lh_lake_set_commit_info(lake, author, message);
	free(note);
	if (out_snapshot)
		*out_snapshot = snap;
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
	lh_status st = q.status == LH_OK
	                       ? lh_lake_query(lake, lh_buf_str(&q), &r)
	                       : lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK && (st = lh_result_next_batch(r, &n)) == LH_OK && n)
		rows = lh_result_int64(r, 0, 0);
	lh_result_destroy(&r);
	lh_lake_swap_render(lake, was);
	lh_buf_free(&q);
	char *table = lh_asprintf("%s.%s", schema, name);
	json_t *ev = table ? json_pack("{s:s, s:s, s:s?, s:I}", "table", table, "via", via,
	                               "source", source, "rows", (json_int_t)rows)
	                   : NULL;
	free(table);
	if (st == LH_OK)
		st = ev ? lh_outbox_append(lake, LH_EV_INGEST_COMPLETED, ev)
		        : lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	json_decref(ev);
	return st;
}

lh_status lh_events_list(lh_lake *lake, const char *subject, int64_t limit, lh_result **out)
{
	if (!lake || !out || limit <= 0)
		return LH_ERR_INVALID;
	*out = NULL;
	lh_err_clear(lh_lake_err(lake));
	bool have = false;
	lh_status st = lh_lake_has_table(lake, LH_OUTBOX_SCHEMA, "log", &have);
	if (st != LH_OK)
		return st;
	lh_value v[2] = {{.type = LH_VALUE_INT64, .i = limit},
	                 subject ? (lh_value){.type = LH_VALUE_TEXT, .data = subject, .len = strlen(subject)}
	                         : (lh_value){.type = LH_VALUE_NULL}};
	/* no outbox yet: the same columns, no rows */
	return lh_lake_query_params(
	    lake,
	    have ? "SELECT * FROM (SELECT event_id, subject, snapshot_id, created_at, payload FROM "
	           LH_OUTBOX_TABLE " WHERE ?2 IS NULL OR subject = ?2 ORDER BY snapshot_id DESC, "
	           "event_id DESC LIMIT ?1) ORDER BY snapshot_id, event_id"
	         : "SELECT NULL::VARCHAR AS event_id, NULL::VARCHAR AS subject, NULL::BIGINT AS "
	           "snapshot_id, NULL::TIMESTAMPTZ AS created_at, NULL::JSON AS payload WHERE ?1 < 0 "
	           "AND ?2 IS NULL",
	    v, 2, out);
}
