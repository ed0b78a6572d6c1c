/*
 * catalog/jobs.h - lakehouse_ingest_job: which writer job made which snapshot, so a job
 * repeated (a client's retry, a second server) is answered from the record instead of
 * writing its rows twice.
 *
 * Layer: catalog. Like lakehouse_file_checksum, a table of ours beside DuckLake's, made
 * by the first job:
 *
 *   lakehouse_ingest_job(table_name VARCHAR, job_id VARCHAR, snapshot_id BIGINT,
 *                        row_count BIGINT, tenant_id VARCHAR,
 *                        PRIMARY KEY (table_name, job_id))
 *
 * The row is written in the same catalog transaction as the job's snapshot, so the
 * snapshot exists exactly when the record does; the key makes two racing writers of one
 * job (even on two machines) end with one snapshot.
 */
#ifndef LH_CATALOG_JOBS_H
#define LH_CATALOG_JOBS_H

#include "catalog/catdb.h"

#define LH_JOB_TABLE "lakehouse_ingest_job"

typedef struct lh_job {
	const char *table;  /* schema.table as the writer named it, normalised */
	const char *job_id;
	const char *tenant; /* may be NULL */
	int64_t rows;
} lh_job;

/* Inside the commit's write transaction: LH_ERR_EXISTS when the job is recorded already
 * (nothing written), else records it as making snapshot `snapshot`. */
lh_status lh_catalog_record_job(lh_catdb *db, const lh_job *job, int64_t snapshot, lh_err *err);

/* The snapshot and row count a recorded job made; LH_ERR_NOT_FOUND when it is not
 * recorded. */
lh_status lh_catalog_job(lh_catdb *db, const char *table, const char *job_id,
                         int64_t *out_snapshot, int64_t *out_rows, lh_err *err);

#endif
