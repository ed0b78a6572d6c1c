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
	json_t *policy; /* the caller's tenant's policy (lh_policy_get), or NULL: none */
} call;

/* The lake's last error, now the call's; returns st. */
lh_status tool_lake_error(call *c, lh_status st);
/* describe_table's answer for `table` at the latest snapshot (schema, name, columns with
 * name, type, column_id, nullable, default...). */
lh_status tool_describe(call *c, const char *table, json_t **out);

/* LH_OK when the caller's tenant may see and touch `table` (its policy's
 * allowed_tables), else LH_ERR_READ_ONLY saying so. */
lh_status tool_check_table(call *c, const char *table);
/* The caller's tenant may read only some tables (its policy has allowed_tables). */
bool tool_tenant_limited(const call *c);
/* LH_OK when the caller's tenant is under its max_storage_gb, else LH_ERR_NO_SPACE. */
lh_status tool_check_storage(call *c);

/* The output of every tool that returns rows. */
#define ROWS_OUTPUT                                                                        \
	"{\"type\": \"object\", \"properties\": {"                                            \
	"\"columns\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": " \
	"{\"name\": {\"type\": \"string\"}, \"type\": {\"type\": \"string\"}}}},"             \
	"\"rows\": {\"type\": \"array\", \"items\": {\"type\": \"array\"}},"                  \
	"\"row_count\": {\"type\": \"integer\"},"                                             \
	"\"truncated\": {\"type\": \"boolean\"},"                                             \
	"\"note\": {\"type\": \"string\"},"                                                   \
	"\"snapshot_id\": {\"type\": \"integer\"}},"                                          \
	"\"required\": [\"columns\", \"rows\", \"row_count\", \"truncated\", \"snapshot_id\"]}"

/* Turns result r (st: how making it went) into {columns, rows, row_count, truncated,
 * note, snapshot_id}, cut at the call's row and character caps, and destroys it. The
 * lake renders values as JSON meanwhile (`old`: its setting to put back). */
lh_status tool_result_json(call *c, lh_status st, lh_result *r, lh_render old, int64_t snapshot,
                           json_t **out);

/* BM25 retrieval (retrieve.c). */
lh_status tool_retrieve(call *c, json_t *in, json_t **out);

/* Writing tools (ingest.c). */
lh_status tool_ingest_records(call *c, json_t *in, json_t **out);
lh_status tool_append_world_snapshot(call *c, json_t *in, json_t **out);

/* History (history.c). */
lh_status tool_rollback_table(call *c, json_t *in, json_t **out);
lh_status tool_tag_create(call *c, json_t *in, json_t **out);

/* The experiment and run registry (registry.c). */
lh_status tool_experiment_create(call *c, json_t *in, json_t **out);
lh_status tool_experiment_complete(call *c, json_t *in, json_t **out);
lh_status tool_experiment_list(call *c, json_t *in, json_t **out);
lh_status tool_experiment_show(call *c, json_t *in, json_t **out);
lh_status tool_run_start(call *c, json_t *in, json_t **out);
lh_status tool_run_log(call *c, json_t *in, json_t **out);
lh_status tool_run_complete(call *c, json_t *in, json_t **out);
lh_status tool_run_fail(call *c, json_t *in, json_t **out);
lh_status tool_run_list(call *c, json_t *in, json_t **out);

#endif
