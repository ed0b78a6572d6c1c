/*
 * events/deliver.c - publishing the outbox to NATS JetStream (lh_events_deliver).
 *
 * Layer: services, through the public SQL API, lake/services.h and libnats.
 *
 * One call: read the delivery cursor (catalog/outbox.h), connect, make stream LAKEHOUSE
 * (subjects lakehouse.>, a de-duplication window of an hour) when it is missing, then
 * publish the events past the cursor in (snapshot_id, event_id) order, each with
 * Nats-Msg-Id = event_id, waiting for each acknowledgement, and move the cursor after
 * every batch. A crash or a lost connection between a publish and the cursor's move
 * repeats those events at the next call; JetStream drops the repeats within its window
 * and consumers de-duplicate by event_id beyond it. No lake write ever waits for this.
 */
#include "events/nats.h"
#include "events/outbox.h"
#include "lake/services.h"
#include "util/err.h"

#include <stdlib.h>
#include <string.h>

#define TARGET "nats:" LH_NATS_STREAM
#define BATCH  500

static lh_status has_outbox(lh_lake *lake, bool *out)
{
	return lh_lake_has_table(lake, LH_OUTBOX_SCHEMA, "log", out);
}

/* Events past the cursor: their count, or (batch) the next `limit` of them. */
static lh_status pending_query(lh_lake *lake, int64_t snap, const char *event, bool count,
                               int64_t limit, lh_result **out)
{
	lh_value v[3] = {{.type = LH_VALUE_INT64, .i = snap},
	                 {.type = LH_VALUE_TEXT, .data = event, .len = strlen(event)},
	                 {.type = LH_VALUE_INT64, .i = limit}};
	const char *sql = count ? "SELECT count(*) FROM " LH_OUTBOX_TABLE " WHERE snapshot_id > ?1 "
	                          "OR (snapshot_id = ?1 AND event_id > ?2)"
	                        : "SELECT event_id, subject, payload, snapshot_id, created_at "
	                          "FROM " LH_OUTBOX_TABLE
	                          " WHERE snapshot_id > ?1 OR (snapshot_id = ?1 AND "
	                          "event_id > ?2) ORDER BY snapshot_id, event_id LIMIT ?3";
	return lh_lake_query_params(lake, sql, v, count ? 2 : 3, out);
}

static lh_status count_pending(lh_lake *lake, int64_t *out)
{
	*out = 0;
	bool have = false;
	lh_status st = has_outbox(lake, &have);
	if (st != LH_OK || !have)
		return st;
	int64_t snap, delivered;
	char *event = NULL;
	st = lh_lake_delivery_get(lake, TARGET, &snap, &event, &delivered);
	lh_render was = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_result *r = NULL;
	size_t n = 0;
	if (st == LH_OK)
		st = pending_query(lake, snap, event, true, 0, &r);
	if (st == LH_OK && (st = lh_result_next_batch(r, &n)) == LH_OK && n)
		*out = lh_result_int64(r, 0, 0);
	lh_result_destroy(&r);
	lh_lake_swap_render(lake, was);
	free(event);
	return st;
}

lh_status lh_events_pending(lh_lake *lake, int64_t *out_count)
{
	if (!lake || !out_count)
		return LH_ERR_INVALID;
	lh_err_clear(lh_lake_err(lake));
	return count_pending(lake, out_count);
}

/* The message of one event: {event_id, subject, snapshot_id, created_at, payload}. */
static char *envelope(lh_result *r, size_t k)
{
	json_t *payload = json_loads(lh_result_text(r, 2, k), JSON_DECODE_ANY, NULL);
	json_t *m = json_pack("{s:s, s:s, s:I, s:s, s:o}", "event_id", lh_result_text(r, 0, k),
	                      "subject", lh_result_text(r, 1, k), "snapshot_id",
	                      (json_int_t)lh_result_int64(r, 3, k), "created_at",
	                      lh_result_text(r, 4, k), "payload", payload ? payload : json_null());
	char *text = m ? json_dumps(m, JSON_COMPACT) : NULL;
	json_decref(m);
	return text;
}

lh_status lh_events_deliver(lh_lake *lake, const lh_deliver_options *o, lh_deliver_report *out)
{
	if (!lake || !out)
		return LH_ERR_INVALID;
	memset(out, 0, sizeof *out);
	lh_err_clear(lh_lake_err(lake));
	if (!LH_OPTIONS_SIZE_OK(o))
		return lh_err_options_size(lh_lake_err(lake), "lh_deliver_options", o->struct_size,
		                           sizeof *o);
	const char *url = o && o->nats_url ? o->nats_url : getenv("LAKEHOUSE_NATS_URL");
	int64_t timeout = o && o->timeout_ms > 0 ? o->timeout_ms : 5000;
	int64_t max = o && o->max_events > 0 ? o->max_events : INT64_MAX;
	if (!url || !*url)
		return lh_err_set(
		        lh_lake_err(lake), LH_ERR_INVALID,
		        "no NATS server given: set LAKEHOUSE_NATS_URL (or --nats URL); until "
		        "then events wait in the outbox events.log");
	bool have = false;
	lh_status st = has_outbox(lake, &have);
	if (st != LH_OK || !have)
		return st; /* nothing was ever written to the outbox */
	int64_t snap = -1, delivered = 0;
	char *event = NULL;
	st = lh_lake_delivery_get(lake, TARGET, &snap, &event, &delivered);
	lh_nats c = {0};
	if (st == LH_OK)
		st = lh_nats_open(lake, url, timeout, &c);
	if (st == LH_OK)
		st = lh_nats_ensure_stream(lake, &c);
	lh_render was = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	while (st == LH_OK && out->published < max) {
		int64_t want = max - out->published < BATCH ? max - out->published : BATCH;
		lh_result *r = NULL;
		size_t n = 0, batch = 0;
		int64_t last_snap = snap;
		char *last_event = NULL;
		st = pending_query(lake, snap, event, false, want, &r);
		while (st == LH_OK && (st = lh_result_next_batch(r, &n)) == LH_OK && n) {
			for (size_t k = 0; st == LH_OK && k < n; k++) {
				/* a row written by hand that NATS cannot take stops delivery here,
				 * named, rather than being skipped (events are never lost silently) */
				const char *eid = lh_result_text(r, 0, k), *subj = lh_result_text(r, 1, k);
				if (!eid || !*eid || !subj || !lh_event_subject_ok(subj) ||
				    !lh_result_text(r, 2, k)) {
					st = lh_err_set(lh_lake_err(lake), LH_ERR_CORRUPT,
					                "event '%.80s' of snapshot %lld in events.log has %s: "
					                "fix or delete that row (it was not written by the "
					                "lake) and deliver again",
					                eid ? eid : "(no id)", (long long)lh_result_int64(r, 3, k),
					                !eid || !*eid ? "no event_id"
					                : !subj || !lh_event_subject_ok(subj)
					                        ? "a subject NATS cannot take (lakehouse.<name>...)"
					                        : "no payload");
					break;
				}
				char *msg = envelope(r, k);
				jsPubOptions po;
				jsPubOptions_Init(&po);
				po.MsgId = lh_result_text(r, 0, k);
				po.MaxWait = timeout;
				jsPubAck *ack = NULL;
				jsErrCode jerr = 0;
				natsStatus s = msg ? js_Publish(&ack, c.js, lh_result_text(r, 1, k),
				                                msg, (int)strlen(msg), &po, &jerr)
				                   : NATS_NO_MEMORY;
				free(msg);
				if (s != NATS_OK) {
					st = lh_nats_fail(lake, &c, "cannot publish an event", s);
					(void)jerr;
				} else {
					out->published++;
					out->duplicates += ack && ack->Duplicate;
					batch++;
					last_snap = lh_result_int64(r, 3, k);
					free(last_event);
					if (!(last_event = lh_strdup(lh_result_text(r, 0, k))))
						st = lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM,
						                "out of memory");
				}
				jsPubAck_Destroy(ack);
			}
		}
		lh_result_destroy(&r);
		/* what was acknowledged counts, even when a later publish failed */
		if (batch && last_event) {
			lh_status adv = lh_lake_delivery_advance(lake, TARGET, last_snap,
			                                         last_event, (int64_t)batch);
			if (st == LH_OK)
				st = adv;
			free(event);
			event = last_event;
			snap = last_snap;
		} else {
			free(last_event);
		}
		if (batch < (size_t)want)
			break;
	}
	lh_lake_swap_render(lake, was);
	lh_nats_close(&c);
	free(event);
	int64_t left = 0;
	lh_err saved = *lh_lake_err(lake);
	*lh_lake_err(lake) = (lh_err){0};
	if (count_pending(lake, &left) == LH_OK)
		out->pending = left;
	lh_err_clear(lh_lake_err(lake));
	*lh_lake_err(lake) = saved;
	if (st != LH_OK && st != LH_ERR_NOMEM)
		lh_err_prefix(lh_lake_err(lake), "%lld events delivered, %lld wait in the outbox: ",
		              (long long)out->published, (long long)out->pending);
	return st;
}
