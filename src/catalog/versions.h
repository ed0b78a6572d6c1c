/*
 * catalog/versions.h - version numbers of artifact folders (datasets/<name>/vN/,
 * checkpoints/<name>/vN/), handed out once each.
 *
 * Layer: catalog. A table of ours beside DuckLake's, made by the first claim:
 *
 *   lakehouse_artifact_version(name VARCHAR, version BIGINT, kind VARCHAR,
 *                              state VARCHAR, claimed_at BIGINT, snapshot_id BIGINT,
 *                              PRIMARY KEY (name, version))
 *
 * A writer claims the next free version in one catalog transaction before it uploads
 * anything; the key makes two writers racing for a number end with different ones. The
 * claim is 'uploading' until the version's snapshot commits ('committed') or the upload
 * fails ('failed'); its number is never handed out again either way. The version is
 * visible only through the lake tables its snapshot writes: a claim alone is not a
 * version. The version's snapshot also records writer job "<name>/vN" of its table
 * (catalog/jobs.h) in the same transaction: that, not the claim's state (set after the
 * commit, best effort), says a version exists. Cleanup keeps the folders of those and of
 * claims still uploading.
 */
#ifndef LH_CATALOG_VERSIONS_H
#define LH_CATALOG_VERSIONS_H

#include "catalog/catdb.h"

#define LH_VERSION_TABLE "lakehouse_artifact_version"

/* Claims the next version of `name` (1 for the first) as `kind`. LH_ERR_INVALID when the
 * name has versions of another kind; LH_ERR_BUSY when writers kept racing. */
lh_status lh_catalog_version_claim(lh_catdb *db, const char *name, const char *kind,
                                   int64_t *out_version, lh_err *err);
/* Ends a claim: state "committed" (with the snapshot that made the version) or "failed". */
lh_status lh_catalog_version_end(lh_catdb *db, const char *name, int64_t version,
                                 const char *state, int64_t snapshot, lh_err *err);
/* The versions whose folders cleanup keeps: kind, name, version per row for every claim
 * whose snapshot committed (its writer job `job_table` "<name>/vN" is recorded,
 * catalog/jobs.h) or that its writer marked committed, and every claim still uploading that was made after `since_us` (no
 * table: no rows). */
lh_status lh_catalog_versions_live(lh_catdb *db, const char *job_table, int64_t since_us,
                                   lh_rows **out, lh_err *err);

#endif
