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
	return lh_lake_atomic(lake, make_log, NULL, NULL, NULL, &snap);
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
