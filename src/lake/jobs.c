/*
 * lake/jobs.c - changes of several statements as one snapshot (lh_lake_atomic), retried
 * on conflict and optionally recorded as a writer job in lakehouse_ingest_job with the
 * commit (catalog/jobs.h), so a job repeated is answered from the record and never
 * writes twice; and the services' other catalog records (artifact version claims, the
 * outbox's delivery cursor).
 *
 * Layer: lake.
 */
#include "catalog/jobs.h"
#include "catalog/outbox.h"
#include "catalog/versions.h"
#include "lake/lake_int.h"
#include "util/uuid.h"

#include <time.h>

lh_status lh_lake_job(lh_lake *lake, const char *table, const char *job_id,
                      int64_t *out_snapshot, int64_t *out_rows)
{
	lh_err_clear(&lake->err);
	return lh_catalog_job(lake->cat, table, job_id, out_snapshot, out_rows, &lake->err);
}

/* Commits the open transaction as job `job_id` of `table` (catalog/jobs.h). */
static lh_status commit_job(lh_lake *lake, const lh_claim *claim)
{
	lh_job job = {.table = claim->table, .job_id = claim->key, .tenant = claim->tenant,
	              .rows = claim->rows};
	lake->commit.job = &job;
	lh_status st = lh_lake_exec(lake, "COMMIT", NULL, NULL);
	lake->commit.job = NULL;
	return st;
}

static void pause_ms(double ms)
{
	unsigned short r = 0;
	lh_random_bytes(&r, sizeof r);
	ms *= 0.5 + (double)r / 65535.0; /* jitter: two racing writers drift apart */
	struct timespec ts = {(time_t)(ms / 1000), (long)((ms - 1000 * (time_t)(ms / 1000)) * 1e6)};
	nanosleep(&ts, NULL);
}

lh_status lh_lake_atomic(lh_lake *lake, lh_atomic_fn fn, void *arg, const lh_claim *claim,
                         int64_t *out_snapshot)
{
	*out_snapshot = -1;
	if (lake->txn_open)
		return lh_lake_fail(lake, LH_ERR_TXN, "this cannot run inside an open transaction: "
		                                      "COMMIT or ROLLBACK it first");
	double wait = 5;
	for (int attempt = 0;; attempt++) {
		int64_t before = lake->last_commit;
		lh_status st = lh_lake_exec(lake, "BEGIN", NULL, NULL);
		if (st == LH_OK)
			st = fn(lake, arg);
		if (st == LH_OK)
			st = claim ? commit_job(lake, claim) : lh_lake_exec(lake, "COMMIT", NULL, NULL);
		if (lake->txn_open) {
			lh_err saved = lake->err; /* the reason, not the rollback's answer */
			lake->err = (lh_err){0};
			lh_txn_rollback(lake);
			lh_err_clear(&lake->err);
			lake->err = saved;
			lake->txn_open = false;
		}
		if (st == LH_OK) {
			if (lake->last_commit != before)
				*out_snapshot = lake->last_commit;
			return LH_OK;
		}
		/* another writer's commit met this one: do it again on the new state, where
		 * fn's checks see what the other did */
		if (st != LH_ERR_CONFLICT || attempt >= LH_ATOMIC_RETRIES)
			return st;
		pause_ms(wait);
		wait = wait * 1.5 > 500 ? 500 : wait * 1.5;
	}
}

lh_status lh_lake_version_claim(lh_lake *lake, const char *name, const char *kind,
                                int64_t *out_version)
{
	lh_status st = lh_lake_need(lake);
	if (st == LH_OK && (lake->read_only || lake->pinned >= 0))
		st = lh_lake_fail(lake, LH_ERR_READ_ONLY, "lake '%s' is read-only here: it cannot "
		                  "take a new version", lake->name);
	return st == LH_OK ? lh_catalog_version_claim(lake->cat, name, kind, out_version, &lake->err)
	                   : st;
}

lh_status lh_lake_version_end(lh_lake *lake, const char *name, int64_t version, bool committed,
                              int64_t snapshot)
{
	lh_err scratch = {0};
	lh_status st = lh_catalog_version_end(lake->cat, name, version,
	                                      committed ? "committed" : "failed", snapshot, &scratch);
	lh_err_clear(&scratch);
	return st;
}

lh_status lh_lake_delivery_get(lh_lake *lake, const char *target, int64_t *out_snapshot,
                               char **out_event, int64_t *out_delivered)
{
	lh_status st = lh_lake_need(lake);
	return st == LH_OK ? lh_catalog_delivery_get(lake->cat, target, out_snapshot, out_event,
	                                             out_delivered, &lake->err)
	                   : st;
}

lh_status lh_lake_delivery_advance(lh_lake *lake, const char *target, int64_t snapshot,
                                   const char *event, int64_t count)
{
	return lh_catalog_delivery_advance(lake->cat, target, snapshot, event, count, &lake->err);
}

bool lh_lake_txn_changes(const lh_lake *lake)
{
	return lake->txn && lh_catalog_would_commit(lake->txn_base, lake->txn);
}
