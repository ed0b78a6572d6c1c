/*
 * catalog/outbox.h - how far the outbox events.log has been delivered (events/deliver.c).
 *
 * Layer: catalog. A table of ours beside DuckLake's, made by the first delivery:
 *
 *   lakehouse_event_delivery(target VARCHAR PRIMARY KEY, snapshot_id BIGINT,
 *                            event_id VARCHAR, delivered BIGINT, updated_at BIGINT)
 *
 * Events are delivered in (snapshot_id, event_id) order: commit order, and within a
 * snapshot the order they were written. The cursor is the last event the target
 * acknowledged; it only moves forward, so two deliverers (a server and a command) never
 * take it back, and an event past it is delivered again at worst (the target
 * de-duplicates by event id).
 */
#ifndef LH_CATALOG_OUTBOX_H
#define LH_CATALOG_OUTBOX_H

#include "catalog/catdb.h"

#define LH_DELIVERY_TABLE "lakehouse_event_delivery"

/* The cursor of `target`: snapshot -1 and event "" when nothing was delivered yet. */
lh_status lh_catalog_delivery_get(lh_catdb *db, const char *target, int64_t *out_snapshot,
                                  char **out_event, int64_t *out_delivered, lh_err *err);
/* Moves the cursor of `target` forward to (snapshot, event), adding `count` delivered
 * events; a cursor already past it stays. */
lh_status lh_catalog_delivery_advance(lh_catdb *db, const char *target, int64_t snapshot,
                                      const char *event, int64_t count, lh_err *err);

#endif
