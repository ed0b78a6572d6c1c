/*
 * egress/order.c - stream orders and sharding. See order.h.
 *
 * Randomness is splitmix64 over keys mixed from (seed, epoch, what), so it is the same
 * on every platform. The global and block permutations are 4-round Feistel networks
 * over the smallest power of four covering the domain; cycle-walking (applying the
 * network again until the value falls inside [0, m)) makes them exact permutations of
 * [0, m), with fewer than 4 steps expected since the power of four is below 4m.
 */
#include "egress/order.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_BLOCK 65536
#define ROUNDS 4

static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t key_of(uint64_t seed, uint64_t epoch, uint64_t what)
{
	return mix(seed ^ mix(epoch ^ mix(what)));
}

/* A uniform draw from [0, bound), bound > 0 (Lemire's multiply; bias below 2^-40 for
 * the bounds used here). */
__extension__ typedef unsigned __int128 u128;

static uint64_t below(uint64_t *state, uint64_t bound)
{
	*state += 0x9e3779b97f4a7c15ULL;
	uint64_t r = mix(*state);
	return (uint64_t)(((u128)r * bound) >> 64);
}

static unsigned bits_for(uint64_t max_value)
{
	unsigned b = 0;
	while (b < 64 && (max_value >> b))
		b++;
	return b;
}

/* The position of x (< m) under the keyed permutation of [0, m). */
static uint64_t permute(uint64_t key, uint64_t m, uint64_t x)
{
	if (m <= 1)
		return x;
	unsigned half = (bits_for(m - 1) + 1) / 2;
	uint64_t mask = (1ULL << half) - 1;
	do {
		uint64_t l = x >> half, r = x & mask;
		for (unsigned round = 0; round < ROUNDS; round++) {
			uint64_t f = mix(key ^ mix(((uint64_t)round << 56) ^ r)) & mask;
			uint64_t nl = r;
			r = l ^ f;
			l = nl;
		}
		x = (l << half) | r;
	} while (x >= m);
	return x;
}

bool lh_shuffle_parse(const char *name, lh_shuffle *out)
{
	static const char *const names[] = {"none", "files", "block", "global"};
	for (int i = 0; i < 4; i++)
		if (name && strcmp(name, names[i]) == 0) {
			*out = (lh_shuffle)i;
			return true;
		}
	return false;
}

const char *lh_shuffle_name(lh_shuffle mode)
{
	static const char *const names[] = {"none", "files", "block", "global"};
	return (unsigned)mode < 4 ? names[mode] : "?";
}

lh_status lh_order_init(lh_order *o, lh_shuffle mode, uint64_t seed, uint64_t epoch,
                        const int64_t *file_rows, size_t nfiles, uint64_t block, lh_err *err)
{
	memset(o, 0, sizeof *o);
	if ((unsigned)mode > LH_SHUFFLE_GLOBAL)
		return lh_err_set(err, LH_ERR_INVALID, "unknown shuffle mode %d", (int)mode);
	o->mode = mode;
	o->seed = seed;
	o->epoch = epoch;
	o->block = block ? block : DEFAULT_BLOCK;
	o->nfiles = nfiles;
	o->start = calloc(nfiles + 1, sizeof *o->start);
	o->vstart = calloc(nfiles + 1, sizeof *o->vstart);
	o->file_order = calloc(nfiles ? nfiles : 1, sizeof *o->file_order);
	if (!o->start || !o->vstart || !o->file_order) {
		lh_order_free(o);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < nfiles; i++) {
		if (file_rows[i] < 0) {
			lh_order_free(o);
			return lh_err_set(err, LH_ERR_INVALID, "file %zu has a negative row count", i);
		}
		o->start[i + 1] = o->start[i] + (uint64_t)file_rows[i];
		o->file_order[i] = i;
	}
	o->n = o->start[nfiles];
	if (mode == LH_SHUFFLE_FILES || mode == LH_SHUFFLE_BLOCK) {
		uint64_t state = key_of(seed, epoch, 0x46494c4553ULL /* "FILES" */);
		for (size_t i = nfiles; i > 1; i--) {
			size_t j = (size_t)below(&state, i);
			size_t t = o->file_order[i - 1];
			o->file_order[i - 1] = o->file_order[j];
			o->file_order[j] = t;
		}
	}
	for (size_t v = 0; v < nfiles; v++) {
		size_t f = o->file_order[v];
		o->vstart[v + 1] = o->vstart[v] + (o->start[f + 1] - o->start[f]);
	}
	return LH_OK;
}

void lh_order_free(lh_order *o)
{
	free(o->start);
	free(o->vstart);
	free(o->file_order);
	memset(o, 0, sizeof *o);
}

void lh_order_locate(const lh_order *o, uint64_t p, size_t *vfile, uint64_t *offset)
{
	size_t lo = 0, hi = o->nfiles; /* the last v with vstart[v] <= p */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->vstart[mid] <= p)
			lo = mid;
		else
			hi = mid;
	}
	/* skip empty files that share the start */
	while (lo + 1 < o->nfiles && o->vstart[lo + 1] <= p)
		lo++;
	*vfile = lo;
	*offset = p - o->vstart[lo];
}

/* The row at position p of the visiting order of files (files and block modes). */
static uint64_t visited_row(const lh_order *o, uint64_t p)
{
	size_t v;
	uint64_t off;
	lh_order_locate(o, p, &v, &off);
	return o->start[o->file_order[v]] + off;
}

static uint64_t block_key(const lh_order *o, uint64_t w)
{
	return key_of(o->seed, o->epoch, 0x424c4f434bULL /* "BLOCK" */ ^ mix(w));
}

/* The window-permuted place of position i (block mode) under its window's key. */
static uint64_t block_place(const lh_order *o, uint64_t key, uint64_t i)
{
	uint64_t first = i / o->block * o->block;
	uint64_t len = o->n - first < o->block ? o->n - first : o->block;
	return first + permute(key, len, i - first);
}

static uint64_t block_visit(const lh_order *o, uint64_t i)
{
	return block_place(o, block_key(o, i / o->block), i);
}

static uint64_t global_key(const lh_order *o)
{
	return key_of(o->seed, o->epoch, 0x474c4f42414cULL /* "GLOBAL" */);
}

void lh_order_visit_many(const lh_order *o, const uint64_t *pos, size_t n, uint64_t *out)
{
	uint64_t w = UINT64_MAX, key = 0;
	if (o->mode == LH_SHUFFLE_GLOBAL) { /* the visit index is the row: one key for all */
		key = global_key(o);
		for (size_t k = 0; k < n; k++)
			out[k] = permute(key, o->n, pos[k]);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		if (o->mode != LH_SHUFFLE_BLOCK) {
			out[k] = lh_order_visit(o, pos[k]);
			continue;
		}
		if (pos[k] / o->block != w) {
			w = pos[k] / o->block;
			key = block_key(o, w);
		}
		out[k] = block_place(o, key, pos[k]);
	}
}

uint64_t lh_order_visit(const lh_order *o, uint64_t i)
{
	switch (o->mode) {
	case LH_SHUFFLE_BLOCK:
		return block_visit(o, i);
	case LH_SHUFFLE_GLOBAL:
		/* files are visited in plan order: the visit index is the row */
		return lh_order_row(o, i);
	default:
		return i;
	}
}

uint64_t lh_order_row(const lh_order *o, uint64_t i)
{
	switch (o->mode) {
	case LH_SHUFFLE_NONE:
		return i;
	case LH_SHUFFLE_FILES:
		return visited_row(o, i);
	case LH_SHUFFLE_BLOCK:
		return visited_row(o, block_visit(o, i));
	case LH_SHUFFLE_GLOBAL:
		return permute(global_key(o), o->n, i);
	}
	return i;
}

lh_status lh_shard_check(const lh_shard *s, lh_err *err)
{
	if (s->world == 0 || s->rank >= s->world)
		return lh_err_set(err, LH_ERR_INVALID, "rank %llu is not below world size %llu",
		                  (unsigned long long)s->rank, (unsigned long long)s->world);
	if (s->workers == 0 || s->worker >= s->workers)
		return lh_err_set(err, LH_ERR_INVALID, "worker %llu is not below num_workers %llu",
		                  (unsigned long long)s->worker, (unsigned long long)s->workers);
	if (s->chunk == 0)
		return lh_err_set(err, LH_ERR_INVALID, "the chunk (batch size) must be at least 1");
	return LH_OK;
}

uint64_t lh_shard_rank_count(const lh_shard *s, uint64_t n, uint64_t base)
{
	uint64_t m = base < n ? n - base : 0;
	return s->drop_last ? m / s->world : (m + s->world - 1) / s->world;
}

uint64_t lh_shard_worker_count(const lh_shard *s, uint64_t n, uint64_t base)
{
	uint64_t count = lh_shard_rank_count(s, n, base);
	uint64_t chunks = (count + s->chunk - 1) / s->chunk;
	if (s->worker >= chunks)
		return 0;
	uint64_t mine = (chunks - 1 - s->worker) / s->workers + 1;
	uint64_t samples = mine * s->chunk;
	uint64_t rem = count % s->chunk;
	if (rem && (chunks - 1) % s->workers == s->worker)
		samples -= s->chunk - rem; /* the short last chunk is this worker's */
	return samples;
}

uint64_t lh_shard_position(const lh_shard *s, uint64_t n, uint64_t base, uint64_t j)
{
	uint64_t c = s->worker + (j / s->chunk) * s->workers;
	uint64_t k = c * s->chunk + j % s->chunk;   /* the rank's k-th sample */
	uint64_t p = base + k * s->world + s->rank; /* its place in the epoch */
	/* past the end (padding): the epoch's first positions again, so a resumed split pads
	 * with the same samples as the one it continues */
	return p < n ? p : (p - n) % n;
}
