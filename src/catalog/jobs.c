/*
 * catalog/jobs.c - the lakehouse_ingest_job table. See jobs.h.
 */
#include "catalog/jobs.h"
#include "util/buf.h"

#include <stdlib.h>

lh_status lh_catalog_job(lh_catdb *db, const char *table, const char *job_id,
                         int64_t *out_snapshot, int64_t *out_rows, lh_err *err)
{
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, LH_JOB_TABLE, &exists, err);
	if (st != LH_OK)
		return st;
	if (!exists)
		return lh_err_set(err, LH_ERR_NOT_FOUND, "job '%s' is not recorded", job_id);
	lh_rows *rows = NULL;
	lh_val p[2] = {LH_V_TEXT(table), LH_V_TEXT(job_id)};
	st = lh_catdb_query(db,
	                    "SELECT snapshot_id, row_count FROM " LH_JOB_TABLE
	                    " WHERE table_name = ? AND job_id = ?",
	                    p, 2, &rows, err);
	if (st == LH_OK && rows->nrows == 0)
		st = lh_err_set(err, LH_ERR_NOT_FOUND, "job '%s' is not recorded", job_id);
	if (st == LH_OK) {
		*out_snapshot = lh_rows_int(rows, 0, 0, -1);
		*out_rows = lh_rows_int(rows, 0, 1, 0);
	}
	lh_rows_free(&rows);
	return st;
}

lh_status lh_catalog_record_job(lh_catdb *db, const lh_job *job, int64_t snapshot, lh_err *err)
{
	int64_t snap = 0, rows = 0;
	lh_status st = lh_catalog_job(db, job->table, job->job_id, &snap, &rows, err);
	if (st == LH_OK)
		return lh_err_set(err, LH_ERR_EXISTS, "job '%s' already wrote snapshot %lld",
		                  job->job_id, (long long)snap);
	if (st != LH_ERR_NOT_FOUND)
		return st;
	bool exists = false;
	if ((st = lh_catdb_table_exists(db, LH_JOB_TABLE, &exists, err)) != LH_OK)
		return st;
	if (!exists) {
		const char *vc = db->ops->column_type("VARCHAR"), *bi = db->ops->column_type("BIGINT");
		char *ddl = lh_asprintf("CREATE TABLE IF NOT EXISTS " LH_JOB_TABLE "(table_name %s, job_id %s, "
		                        "snapshot_id %s, row_count %s, tenant_id %s, "
		                        "PRIMARY KEY (table_name, job_id))",
		                        vc, vc, bi, bi, vc);
		st = ddl ? lh_catdb_exec(db, ddl, NULL, 0, err)
		         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		free(ddl);
		if (st != LH_OK)
			return st;
	}
	lh_val v[5] = {LH_V_TEXT(job->table), LH_V_TEXT(job->job_id), LH_V_INT(snapshot),
	               LH_V_INT(job->rows), job->tenant ? LH_V_TEXT(job->tenant) : LH_V_NULL};
	return lh_catdb_exec(db, "INSERT INTO " LH_JOB_TABLE " VALUES (?, ?, ?, ?, ?)", v, 5, err);
}
