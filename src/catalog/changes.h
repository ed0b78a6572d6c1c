/*
 * catalog/changes.h - the `changes_made` string of ducklake_snapshot_changes.
 *
 * Layer: catalog. Format (reference section 3.9): comma-separated `type:value`
 * entries; ids are decimal, names are double-quoted with "" escaping; created_table,
 * created_view and created_*_macro values are "schema"."name". DuckDB's ducklake extension throws on any
 * type it does not know, so only the types below are ever written, in this order.
 */
#ifndef LH_CATALOG_CHANGES_H
#define LH_CATALOG_CHANGES_H

#include "util/buf.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum lh_change_kind {
	LH_CHANGE_DROPPED_SCHEMA,
	LH_CHANGE_DROPPED_TABLE,
	LH_CHANGE_DROPPED_VIEW,
	LH_CHANGE_CREATED_SCHEMA,
	LH_CHANGE_CREATED_TABLE,
	LH_CHANGE_CREATED_VIEW,
	LH_CHANGE_INSERTED_INTO_TABLE,
	LH_CHANGE_DELETED_FROM_TABLE,
	LH_CHANGE_ALTERED_TABLE,
	LH_CHANGE_ALTERED_VIEW,
	LH_CHANGE_INLINED_INSERT,
	LH_CHANGE_INLINED_DELETE,
	LH_CHANGE_FLUSHED_INLINED,
	LH_CHANGE_COMPACTED_TABLE,
	/* DuckLake 0.4 on (read only: this version makes no macros) */
	LH_CHANGE_CREATED_SCALAR_MACRO,
	LH_CHANGE_CREATED_TABLE_MACRO,
	LH_CHANGE_DROPPED_SCALAR_MACRO,
	LH_CHANGE_DROPPED_TABLE_MACRO,
	LH_CHANGE__COUNT
} lh_change_kind;

typedef struct lh_change {
	lh_change_kind kind;
	int64_t id;   /* for id-valued kinds */
	char *schema; /* created_schema: the name; created_table/view: the schema */
	char *name;   /* created_table/view: the object name */
} lh_change;

typedef LH_VEC(lh_change) lh_changes;

/* The type word of a kind ("inserted_into_table"). From 0.4 on (v1), DuckLake writes a
 * compaction as merge_adjacent and a flush as inline_flush; both names of each are read
 * (and rewrite_delete, 0.4's compaction of deletes, as a compaction). */
const char *lh_change_kind_name(lh_change_kind kind, bool v1);
/* Parses a changes_made string (NULL or "" gives an empty list). LH_ERR_CORRUPT on an
 * unknown type or bad syntax. */
lh_status lh_changes_parse(const char *text, lh_changes *out);
void lh_changes_free(lh_changes *changes);
/* Appends one entry to a changes_made string being built (adds the comma). */
void lh_changes_append(lh_buf *b, bool v1, lh_change_kind kind, int64_t id, const char *schema,
                       const char *name);

#endif
