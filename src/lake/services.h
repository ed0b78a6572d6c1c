/*
 * lake/services.h - what the services layer (ingest/, stream/, registry/, server/)
 * may reach inside an open lake besides the public API: its object store, for media
 * and landing objects that tables reference by URI, and its error slot, so a service's
 * failure reads from lh_lake_error like any other.
 */
#ifndef LH_LAKE_SERVICES_H
#define LH_LAKE_SERVICES_H

#include "lakehouse.h"
#include "store/store.h"

lh_store *lh_lake_store(lh_lake *lake);
lh_err *lh_lake_err(lh_lake *lake);
/* The id of the latest snapshot this lake knows: after a successful COMMIT, the one it
 * made. */
int64_t lh_lake_snapshot_id(const lh_lake *lake);
/* Sets how results render and returns the previous setting: services read values as
 * text whatever the caller chose for its own queries. */
lh_render lh_lake_swap_render(lh_lake *lake, lh_render render);

#endif
