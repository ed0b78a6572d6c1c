/*
 * tools/history.c - the writing tools of a lake's history: rollback_table (a new snapshot
 * holding a table as it was) and tag_create (a name for a snapshot).
 *
 * Layer: tools, over the public API (lh_rollback_table emits the rollback's event in
 * the same snapshot; lh_lake_tag_create) and lake/services.h for the latest snapshot. The registry's generic checks ran before:
 * the input's schema, writes allowed, and the tenant's allowed_tables for "table".
 */
#include "tools/tools_int.h"
#include "lake/services.h"

lh_status tool_rollback_table(call *c, json_t *in, json_t **out)
{
	const char *table = json_string_value(json_object_get(in, "table"));
	int64_t to = (int64_t)json_integer_value(json_object_get(in, "snapshot"));
	int64_t snap = -1;
	lh_status st = lh_rollback_table(c->lake, table, to, &snap);
	if (st != LH_OK)
		return tool_lake_error(c, st);
	/* a table already as it was makes no snapshot: the latest one holds it */
	bool changed = snap >= 0;
	if (!changed)
		snap = lh_lake_snapshot_id(c->lake);
	*out = json_pack("{s:s, s:I, s:I, s:b}", "table", table, "to_snapshot", (json_int_t)to,
	                 "snapshot_id", (json_int_t)snap, "changed", changed);
	return *out ? LH_OK : lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
}

lh_status tool_tag_create(call *c, json_t *in, json_t **out)
{
	if (tool_tenant_limited(c))
		return lh_err_set(
		        &c->err, LH_ERR_READ_ONLY,
		        "a tag names a snapshot of the whole lake: tenant '%s' may read only "
		        "some tables, so it cannot make one (an admin token can)",
		        c->opt.tenant);
	const char *name = json_string_value(json_object_get(in, "name"));
	json_t *at = json_object_get(in, "snapshot");
	int64_t snap = -1;
	lh_status st = lh_lake_tag_create(c->lake, name, at ? (int64_t)json_integer_value(at) : -1,
	                                  json_string_value(json_object_get(in, "message")), &snap);
	if (st != LH_OK)
		return tool_lake_error(c, st);
	*out = json_pack("{s:s, s:I}", "name", name, "snapshot_id", (json_int_t)snap);
	return *out ? LH_OK : lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
}
