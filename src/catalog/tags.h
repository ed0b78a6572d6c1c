/*
 * catalog/tags.h - snapshot tags: names for snapshots (`lakehouse tag create v1`), read
 * back by AT (TAG => 'v1'), and protected from expiry while they exist.
 *
 * Layer: catalog. A table of ours beside DuckLake's (DuckDB's extension ignores it),
 * made by the first tag:
 *
 *   lakehouse_tag(tag_name VARCHAR PRIMARY KEY, snapshot_id BIGINT, message VARCHAR,
 *                 created_at VARCHAR)
 */
#ifndef LH_CATALOG_TAGS_H
#define LH_CATALOG_TAGS_H

#include "catalog/catdb.h"

#define LH_TAG_TABLE "lakehouse_tag"

/* Tags snapshot `snapshot` (which must exist and not be expired) as `name`, in one
 * catalog transaction. LH_ERR_EXISTS when the name is taken. */
lh_status lh_catalog_tag_create(lh_catdb *db, const char *name, int64_t snapshot,
                                const char *message, lh_err *err);
/* Removes a tag; LH_ERR_NOT_FOUND when there is none by that name. */
lh_status lh_catalog_tag_delete(lh_catdb *db, const char *name, lh_err *err);
/* The snapshot a tag names; LH_ERR_NOT_FOUND when there is no such tag. */
lh_status lh_catalog_tag_get(lh_catdb *db, const char *name, int64_t *out_snapshot, lh_err *err);
/* Every tag: tag_name, snapshot_id, message, created_at, by name (no table: no rows). */
lh_status lh_catalog_tags(lh_catdb *db, lh_rows **out, lh_err *err);

#endif
