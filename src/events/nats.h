/*
 * events/nats.h - what the outbox's deliverer and the agents share of NATS: one
 * connection with its JetStream context, the stream LAKEHOUSE (subjects lakehouse.>,
 * file storage, a de-duplication window of an hour for Nats-Msg-Id), and errors that
 * say which server and what happened.
 *
 * Layer: services, over libnats (Debian libnats-dev). A connection does not reconnect
 * by itself: callers open a new one for each run, so a restarted server is simply met
 * again.
 */
#ifndef LH_EVENTS_NATS_H
#define LH_EVENTS_NATS_H

#include "lakehouse.h"

#include <nats/nats.h>

#define LH_NATS_STREAM "LAKEHOUSE"

typedef struct lh_nats {
	const char *url; /* borrowed */
	natsOptions *opts;
	natsConnection *nc;
	jsCtx *js;
} lh_nats;

/* Connects to url (connect and request timeout timeout_ms); errors on the lake. */
lh_status lh_nats_open(lh_lake *lake, const char *url, int64_t timeout_ms, lh_nats *c);
void lh_nats_close(lh_nats *c);
/* Makes stream LAKEHOUSE when it is missing (another maker racing is fine). */
lh_status lh_nats_ensure_stream(lh_lake *lake, lh_nats *c);
/* Sets the lake's error: "<what> (NATS at <url>): <why>"; returns LH_ERR_IO. */
lh_status lh_nats_fail(lh_lake *lake, const lh_nats *c, const char *what, natsStatus s);

#endif
