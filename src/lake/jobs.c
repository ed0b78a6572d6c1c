/*
 * lake/jobs.c - statements that are a writer job's one snapshot (services.h,
 * lh_lake_exec_job): recorded in lakehouse_ingest_job with the commit (catalog/jobs.h),
 * so the job repeated is answered from the record and never writes twice.
 *
 * Layer: lake.
 */
#include "catalog/jobs.h"
#include "lake/lake_int.h"

lh_status lh_lake_job(lh_lake *lake, const char *table, const char *job_id,
                      int64_t *out_snapshot, int64_t *out_rows)
{
	lh_err_clear(&lake->err);
	return lh_catalog_job(lake->cat, table, job_id, out_snapshot, out_rows, &lake->err);
}

lh_status lh_lake_exec_job(lh_lake *lake, const char *sql, const lh_value *params, size_t n,
                           const char *table, const char *job_id, const char *tenant,
                           int64_t rows, int64_t *out_snapshot)
{
	*out_snapshot = -1;
	if (lake->txn_open)
		return lh_lake_fail(lake, LH_ERR_TXN, "a job cannot run inside an open transaction");
	lh_job job = {.table = table, .job_id = job_id, .tenant = tenant, .rows = rows};
	lake->commit.job = &job;
	int64_t before = lake->last_commit;
	lh_status st = lh_lake_exec_params(lake, sql, params, n, NULL, NULL);
	lake->commit.job = NULL;
	/* the snapshot this statement made (the lake may already know later ones) */
	if (st == LH_OK && lake->last_commit == before)
		st = lh_lake_fail(lake, LH_ERR_INTERNAL, "the job's statement made no snapshot");
	if (st == LH_OK)
		*out_snapshot = lake->last_commit;
	return st;
}
