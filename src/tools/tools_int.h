/*
 * tools/tools_int.h - what the registry's handler files share (tools.c holds the
 * registry and the reading tools, ingest.c the writing ones).
 */
#ifndef LH_TOOLS_INT_H
#define LH_TOOLS_INT_H

#include "lakehouse.h"
#include "util/err.h"

#include <jansson.h>

/* One call of a tool: its lake, options (defaults filled in) and error. */
typedef struct call {
	lh_lake *lake;
	lh_tool_options opt;
	lh_err err;
} call;

/* The lake's last error, now the call's; returns st. */
lh_status tool_lake_error(call *c, lh_status st);
/* describe_table's answer for `table` at the latest snapshot (schema, name, columns with
 * name, type, column_id, nullable, default...). */
lh_status tool_describe(call *c, const char *table, json_t **out);

/* Writing tools (ingest.c). */
lh_status tool_ingest_records(call *c, json_t *in, json_t **out);
lh_status tool_append_world_snapshot(call *c, json_t *in, json_t **out);

#endif
