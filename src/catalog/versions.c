/*
 * catalog/versions.c - the lakehouse_artifact_version table. See versions.h.
 */
#include "catalog/versions.h"
#include "catalog/jobs.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/uuid.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* IF NOT EXISTS: two first claims racing both find no table (PostgreSQL may still
 * answer the second with a unique violation: LH_ERR_CONFLICT, retried) */
static lh_status ensure_table(lh_catdb *db, lh_err *err)
{
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_VERSION_TABLE, &exists, err);
	if (st != LH_OK || exists)
		return st;
	const char *vc = db->ops->column_type("VARCHAR"), *bi = db->ops->column_type("BIGINT");
	char *ddl =
	        lh_asprintf("CREATE TABLE IF NOT EXISTS " LH_VERSION_TABLE "(name %s, version %s, kind %s, "
	                    "state %s, claimed_at %s, snapshot_id %s, PRIMARY KEY (name, version))",
	                    vc, bi, vc, vc, bi, bi);
	st = ddl ? lh_catdb_exec(db, ddl, NULL, 0, err)
	         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(ddl);
	return st;
}

static lh_status claim_once(lh_catdb *db, const char *name, const char *kind, int64_t *out,
                            lh_err *err)
{
	lh_status st = db->ops->begin(db, true, err);
	if (st != LH_OK)
		return st;
	st = ensure_table(db, err);
	lh_rows *rows = NULL;
	lh_val p[1] = {LH_V_TEXT(name)};
	if (st == LH_OK)
		st = lh_catdb_query(
		        db,
		        "SELECT max(version), min(kind), max(kind) FROM " LH_VERSION_TABLE
		        " WHERE name = ?",
		        p, 1, &rows, err);
	if (st == LH_OK) {
		const char *k = lh_rows_get(rows, 0, 1);
		if (k && strcmp(k, kind) != 0)
			st = lh_err_set(err, LH_ERR_INVALID,
			                "'%s' holds %s versions, not %s ones: pick "
			                "another name",
			                name, k, kind);
		*out = lh_rows_int(rows, 0, 0, 0) + 1;
	}
	lh_rows_free(&rows);
	lh_val v[5] = {LH_V_TEXT(name), LH_V_INT(*out), LH_V_TEXT(kind), LH_V_TEXT("uploading"),
	               LH_V_INT(lh_now_us())};
	if (st == LH_OK)
		st = lh_catdb_exec(db,
		                   "INSERT INTO " LH_VERSION_TABLE " VALUES (?, ?, ?, ?, ?, NULL)",
		                   v, 5, err);
	if (st == LH_OK)
		return lh_catdb_commit(db, err);
	db->ops->rollback(db);
	return st;
}

lh_status lh_catalog_version_claim(lh_catdb *db, const char *name, const char *kind,
                                   int64_t *out_version, lh_err *err)
{
	lh_status st = lh_catdb_writable(db, err);
	/* a writer that read the same maximum meets the key (PostgreSQL's unique violation
	 * is LH_ERR_CONFLICT) or the catalog's lock, and tries again with the next number */
	for (int attempt = 0;
	     st == LH_OK || st == LH_ERR_BUSY || st == LH_ERR_EXISTS || st == LH_ERR_CONFLICT;
	     attempt++) {
		if (attempt > 0) {
			if (attempt >= 50)
				return lh_err_set(err, LH_ERR_BUSY,
				                  "could not claim a version of '%s': other "
				                  "writers kept taking the next one; try again",
				                  name);
			unsigned short r = 0;
			lh_random_bytes(&r, sizeof r);
			struct timespec ts = {0, (long)(1000000 + (r % 20) * 1000000L)};
			nanosleep(&ts, NULL);
			lh_err_clear(err);
		}
		st = claim_once(db, name, kind, out_version, err);
		if (st == LH_OK)
			return st;
	}
	return st;
}

lh_status lh_catalog_version_end(lh_catdb *db, const char *name, int64_t version, const char *state,
                                 int64_t snapshot, lh_err *err)
{
	lh_val v[4] = {LH_V_TEXT(state), snapshot >= 0 ? LH_V_INT(snapshot) : LH_V_NULL,
	               LH_V_TEXT(name), LH_V_INT(version)};
	lh_status st = db->ops->begin(db, true, err);
	if (st == LH_OK)
		st = lh_catdb_exec(db,
		                   "UPDATE " LH_VERSION_TABLE " SET state = ?, snapshot_id = ? "
		                   "WHERE name = ? AND version = ?",
		                   v, 4, err);
	if (st == LH_OK)
		return lh_catdb_commit(db, err);
	db->ops->rollback(db);
	return st;
}

lh_status lh_catalog_versions_live(lh_catdb *db, const char *job_table, int64_t since_us,
                                   lh_rows **out, lh_err *err)
{
	bool claims = false, jobs = false;
	lh_status st = lh_catdb_table_exists(db, LH_VERSION_TABLE, &claims, err);
	if (st == LH_OK)
		st = lh_catdb_table_exists(db, LH_JOB_TABLE, &jobs, err);
	if (st != LH_OK)
		return st;
	lh_val v[2] = {LH_V_INT(since_us), LH_V_TEXT(job_table)};
	if (!claims)
		return lh_catdb_query(db, "SELECT NULL, NULL, NULL WHERE 1 = 0", NULL, 0, out, err);
	if (!jobs)
		return lh_catdb_query(
		        db,
		        "SELECT kind, name, version FROM " LH_VERSION_TABLE
		        " WHERE (state = 'uploading' AND claimed_at > ?) OR state = 'committed'",
		        v, 1, out, err);
	return lh_catdb_query(db,
	                      "SELECT c.kind, c.name, c.version FROM " LH_VERSION_TABLE " c "
	                      "WHERE (c.state = 'uploading' AND c.claimed_at > ?) OR c.state = "
	                      "'committed' OR EXISTS (SELECT 1 "
	                      "FROM " LH_JOB_TABLE " j WHERE j.table_name = ? AND j.job_id = "
	                      "c.name || '/v' || CAST(c.version AS VARCHAR))",
	                      v, 2, out, err);
}
