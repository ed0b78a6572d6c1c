/*
 * egress/order.h - the order in which a training stream visits a table's rows, and the
 * share of one consumer (rank, worker) of it.
 *
 * Layer: egress (above the lake). Everything here is a pure function of its inputs: the
 * row counts of the plan's files in plan order, the shuffle mode, seed and epoch, the
 * world size and the consumer. No state is kept per row, so an order over billions of
 * rows costs O(files) memory, the i-th sample is computed directly (resume and
 * re-sharding are arithmetic), and every machine and process computes the same order.
 *
 * Rows are numbered 0..n-1 in plan order (file 0's rows, then file 1's, ...).
 *   none    the plan order;
 *   files   the files in a seeded random order, each file's rows in order;
 *   block   the files in a seeded random order, then the rows of each window of `block`
 *           consecutive positions permuted (MosaicML-style; the default);
 *   global  a seeded permutation of all n rows (a Feistel network on the next power of
 *           four, cycle-walking back into [0, n)).
 * A new epoch is a new permutation (the epoch is part of every key).
 *
 * Sharding: position k of the epoch's order goes to rank k % world_size (as torch's
 * DistributedSampler does), so every rank gets the same count: floor(n / world) with
 * drop_last, ceil(n / world) with padding (positions past n wrap to the epoch's start). Within a
 * rank, its positions are dealt to workers in chunks of `chunk` (a DataLoader's batch
 * size): chunk c of the rank goes to worker c % workers, which is the order a DataLoader
 * yields them in, so a consumer's count of samples seen is a position in one sequence.
 */
#ifndef LH_EGRESS_ORDER_H
#define LH_EGRESS_ORDER_H

#include "util/err.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum lh_shuffle {
	LH_SHUFFLE_NONE = 0,
	LH_SHUFFLE_FILES = 1,
	LH_SHUFFLE_BLOCK = 2,
	LH_SHUFFLE_GLOBAL = 3,
} lh_shuffle;

/* "none", "files", "block", "global"; false for anything else. */
bool lh_shuffle_parse(const char *name, lh_shuffle *out);
const char *lh_shuffle_name(lh_shuffle mode);

typedef struct lh_order {
	lh_shuffle mode;
	uint64_t seed, epoch;
	uint64_t n;          /* rows */
	uint64_t block;      /* window, block mode */
	size_t nfiles;
	uint64_t *start;     /* first row of each file in plan order (nfiles + 1 entries) */
	size_t *file_order;  /* files in visiting order */
	uint64_t *vstart;    /* first position of each visited file (nfiles + 1 entries) */
	uint64_t half_bits;  /* global: the Feistel halves' width */
} lh_order;

/* file_rows[i]: the rows of file i. block 0 means 65536. */
lh_status lh_order_init(lh_order *o, lh_shuffle mode, uint64_t seed, uint64_t epoch,
                        const int64_t *file_rows, size_t nfiles, uint64_t block, lh_err *err);
void lh_order_free(lh_order *o);
/* The row (0..n-1, plan order) at position i (0..n-1) of the epoch's order. */
uint64_t lh_order_row(const lh_order *o, uint64_t i);
/* The same row as an index into the visiting order (the files in file_order, each
 * file's rows in order): position i itself for none and files, its window's permuted
 * place for block. A reader going through the files in visiting order meets the rows
 * of block b's positions exactly within [b * block, (b + 1) * block). */
uint64_t lh_order_visit(const lh_order *o, uint64_t i);
/* lh_order_visit of n positions at once (cheaper: each block's key is derived once). */
void lh_order_visit_many(const lh_order *o, const uint64_t *pos, size_t n, uint64_t *out);
/* Where visit index v lies: *vfile indexes file_order, *offset is the row in that file. */
void lh_order_locate(const lh_order *o, uint64_t v, size_t *vfile, uint64_t *offset);

typedef struct lh_shard {
	uint64_t world, rank;     /* torch.distributed: world size and this rank */
	uint64_t workers, worker; /* DataLoader workers of the rank and this one */
	uint64_t chunk;           /* positions a worker takes at a time (its batch size) */
	bool drop_last;           /* else pad by wrapping to the start */
} lh_shard;

/* Checks a shard's fields (rank < world, worker < workers, none zero). */
lh_status lh_shard_check(const lh_shard *s, lh_err *err);

/*
 * A split starts at epoch position `base` (0 for a fresh epoch) and deals the positions
 * [base, n). Resuming after every rank of a world of W consumed `done` samples is a split
 * at base = done * W, whatever the new world size: the same world continues exactly
 * where it stopped, another world re-splits the remainder (the order itself is kept).
 */
/* Samples each rank gets from the split. */
uint64_t lh_shard_rank_count(const lh_shard *s, uint64_t n, uint64_t base);
/* Samples this worker gets of its rank's. */
uint64_t lh_shard_worker_count(const lh_shard *s, uint64_t n, uint64_t base);
/* The epoch position (0..n-1) of this worker's j-th sample. */
uint64_t lh_shard_position(const lh_shard *s, uint64_t n, uint64_t base, uint64_t j);

#endif
