/*
 * lake/inspect.c - what the tools (src/tools/) read of a lake beyond its SQL: the
 * catalog state at a snapshot and one query run at a snapshot (rewrite.c checks that a
 * text is exactly one query, with DuckDB's own parser).
 *
 * Layer: lake. Read only: nothing here changes the lake.
 */
#include "lake/lake_int.h"
#include "lake/services.h"

#include <stdlib.h>
#include <string.h>

lh_status lh_lake_state_at(lh_lake *lake, int64_t version, const lh_state **out)
{
	lh_status need = lh_lake_need(lake);
	if (need != LH_OK)
		return need;
	*out = NULL;
	if (version > 0) {
		lh_status st = lh_lake_past_state(lake, version, out);
		if (st == LH_ERR_NOT_FOUND)
			lh_lake_fail(lake, st, "snapshot %lld does not exist (list them with the snapshots "
			             "tool or `lakehouse snapshots`)", (long long)version);
		return st;
	}
	lh_status st = lh_lake_refresh(lake);
	if (st == LH_OK)
		*out = lh_lake_state(lake);
	return st;
}

lh_status lh_lake_has_table(lh_lake *lake, const char *schema, const char *name, bool *out)
{
	const lh_state *s = NULL;
	*out = false;
	lh_status st = lh_lake_state_at(lake, 0, &s);
	if (st != LH_OK)
		return st;
	const lh_schema *sc = lh_state_schema_by_name(s, schema);
	*out = sc && lh_state_table_index(s, sc->id, name) >= 0;
	return LH_OK;
}

lh_status lh_lake_query_at(lh_lake *lake, const char *sql, int64_t version, lh_result **out)
{
	*out = NULL;
	if (version <= 0)
		return lh_lake_query(lake, sql, out);
	const lh_state *past = NULL;
	lh_status st = lh_lake_state_at(lake, version, &past);
	char *pinned = NULL;
	lh_stmt scope = {.text = sql};
	lh_stmt_enter(lake, &scope);
	if (st == LH_OK)
		st = lh_rewrite_pinned(lake, sql, version, &pinned);
	lh_stmt_leave(lake, &scope);
	if (st == LH_OK)
		st = lh_lake_query(lake, pinned, out);
	free(pinned);
	return st;
}
