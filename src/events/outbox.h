/*
 * events/outbox.h - the transactional outbox: table events.log, one row per event, written
 * in the same snapshot as the change it describes, then published to NATS JetStream by
 * events/deliver.c. An event exists exactly when its change committed.
 *
 * Layer: services. The table is an ordinary lake table, made by the first event in that
 * event's snapshot (two first writers racing: one commits, the other starts again):
 *
 *   events.log(event_id VARCHAR   -- UUIDv7: the JetStream Nats-Msg-Id, consumers' dedup key
 *              subject VARCHAR    -- lakehouse.<area>.<what>
 *              payload JSON
 *              created_at TIMESTAMPTZ)
 *
 * The snapshot that wrote a row is its DuckLake virtual column snapshot_id (select it by
 * name), so it is exact without being known before the commit.
 */
#ifndef LH_EVENTS_OUTBOX_H
#define LH_EVENTS_OUTBOX_H

#include "lakehouse.h"

#include <jansson.h>

#define LH_OUTBOX_SCHEMA "events"
/* The largest payload an event may carry, as compact JSON (NATS's default message limit is
 * 1 MiB, and the envelope adds a little) */
#define LH_EVENT_MAX_PAYLOAD (512 * 1024)
#define LH_OUTBOX_TABLE "events.log"

#define LH_EV_INGEST_COMPLETED "lakehouse.ingest.completed"
#define LH_EV_DATASET_VERSIONED "lakehouse.dataset.versioned"
#define LH_EV_SIM_STARTED "lakehouse.sim.started"
#define LH_EV_SIM_COMPLETED "lakehouse.sim.completed"
#define LH_EV_SIM_FAILED "lakehouse.sim.failed"
#define LH_EV_EXPERIMENT_COMPLETED "lakehouse.experiment.completed"
#define LH_EV_QUALITY_COMPLETED "lakehouse.quality.completed"
#define LH_EV_QUERY_REQUESTED "lakehouse.query.requested"
#define LH_EV_QUERY_RESULT "lakehouse.query.result"

/* Inside the open transaction of a write to `table` (schema.table): appends
 * lakehouse.ingest.completed with {table, via, source (may be NULL), rows: the table's
 * rows now}; consumers (agent quality) check the table. */
lh_status lh_outbox_ingest_completed(lh_lake *lake, const char *schema, const char *name,
                                     const char *via, const char *source);
/* Inside the open transaction: appends an event (payload borrowed, a JSON object, at
 * most LH_EVENT_MAX_PAYLOAD bytes: LH_ERR_TOO_BIG), making events.log first when the lake
 * has none. */
lh_status lh_outbox_append(lh_lake *lake, const char *subject, const json_t *payload);
/* lakehouse.<name>[.<name>...], names of letters, digits, _ and - (no wildcards) */
bool lh_event_subject_ok(const char *subject);

#endif
