/* tests/egress/test_order.c - stream orders and sharding (egress/order.c): every mode
 * is an exact permutation, seeded and stable, and the shards of any world and worker
 * count cover an epoch exactly once (or evenly padded), also after a resume. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "egress/order.h"

static const lh_shuffle MODES[] = {LH_SHUFFLE_NONE, LH_SHUFFLE_FILES, LH_SHUFFLE_BLOCK,
                                   LH_SHUFFLE_GLOBAL};

static void init(lh_order *o, lh_shuffle mode, uint64_t seed, uint64_t epoch,
                 const int64_t *rows, size_t nfiles, uint64_t block)
{
	lh_err err = {0};
	if (lh_order_init(o, mode, seed, epoch, rows, nfiles, block, &err) != LH_OK)
		fail_msg("%s", err.msg);
}

static void every_mode_is_a_permutation(void **state)
{
	(void)state;
	/* empty files, one-row files, a file larger than a block, no files */
	static const int64_t shapes[][6] = {{0}, {1}, {3, 0, 4}, {100, 0, 0, 57, 1, 300}, {1000}};
	static const size_t nfiles[] = {0, 1, 3, 6, 1};
	for (size_t sh = 0; sh < 5; sh++)
		for (size_t m = 0; m < 4; m++)
			for (uint64_t block = 1; block <= 64; block *= 8) {
				lh_order o;
				init(&o, MODES[m], 7, 3, shapes[sh], nfiles[sh], block);
				unsigned char *seen = calloc(o.n + 1, 1);
				for (uint64_t i = 0; i < o.n; i++) {
					uint64_t r = lh_order_row(&o, i);
					assert_true(r < o.n);
					assert_int_equal(seen[r], 0);
					seen[r] = 1;
				}
				free(seen);
				lh_order_free(&o);
			}
}

static void a_large_global_permutation_is_exact(void **state)
{
	(void)state;
	int64_t rows = (1 << 20) + 3; /* just past a power of two: the most cycle-walking */
	lh_order o;
	init(&o, LH_SHUFFLE_GLOBAL, 1, 0, &rows, 1, 0);
	unsigned char *seen = calloc((size_t)rows, 1);
	uint64_t moved = 0;
	for (uint64_t i = 0; i < (uint64_t)rows; i++) {
		uint64_t r = lh_order_row(&o, i);
		assert_true(r < (uint64_t)rows && !seen[r]);
		seen[r] = 1;
		moved += r != i;
	}
	assert_true(moved > (uint64_t)rows / 2); /* it really shuffles */
	free(seen);
	lh_order_free(&o);
}

static void seed_and_epoch_decide_the_order(void **state)
{
	(void)state;
	/* ten files: 10! file orders, so two seeds or epochs agreeing by chance is negligible */
	int64_t rows[] = {40, 25, 35, 10, 12, 14, 16, 18, 20, 22};
	for (size_t m = 1; m < 4; m++) {
		lh_order a, b, c, d;
		init(&a, MODES[m], 11, 0, rows, 10, 16);
		init(&b, MODES[m], 11, 0, rows, 10, 16);
		init(&c, MODES[m], 11, 1, rows, 10, 16);
		init(&d, MODES[m], 12, 0, rows, 10, 16);
		size_t same_b = 0, same_c = 0, same_d = 0;
		for (uint64_t i = 0; i < a.n; i++) {
			uint64_t r = lh_order_row(&a, i);
			same_b += r == lh_order_row(&b, i);
			same_c += r == lh_order_row(&c, i);
			same_d += r == lh_order_row(&d, i);
		}
		assert_int_equal(same_b, a.n);
		assert_true(same_c < a.n && same_d < a.n);
		lh_order_free(&a);
		lh_order_free(&b);
		lh_order_free(&c);
		lh_order_free(&d);
	}
}

static void modes_keep_what_they_promise(void **state)
{
	(void)state;
	int64_t rows[] = {5, 7, 3, 9};
	lh_order o;
	init(&o, LH_SHUFFLE_NONE, 1, 0, rows, 4, 0);
	for (uint64_t i = 0; i < o.n; i++)
		assert_int_equal(lh_order_row(&o, i), i);
	lh_order_free(&o);
	/* files: each file's rows stay together and in order */
	init(&o, LH_SHUFFLE_FILES, 1, 0, rows, 4, 0);
	for (uint64_t i = 1; i < o.n; i++) {
		uint64_t a = lh_order_row(&o, i - 1), b = lh_order_row(&o, i);
		bool file_start = b == 0 || b == 5 || b == 12 || b == 15;
		assert_true(b == a + 1 || file_start);
	}
	lh_order_free(&o);
	/* block: the rows of positions [kB, kB + B) are the files-order rows of that window */
	lh_order f;
	init(&o, LH_SHUFFLE_BLOCK, 1, 0, rows, 4, 4);
	init(&f, LH_SHUFFLE_FILES, 1, 0, rows, 4, 0);
	for (uint64_t w = 0; w * 4 < o.n; w++) {
		unsigned mask_o = 0, mask_f = 0;
		for (uint64_t i = w * 4; i < o.n && i < w * 4 + 4; i++) {
			mask_o |= 1u << lh_order_row(&o, i);
			mask_f |= 1u << lh_order_row(&f, i);
		}
		assert_int_equal(mask_o, mask_f);
	}
	lh_order_free(&o);
	lh_order_free(&f);
}

static void the_order_is_the_same_everywhere(void **state)
{
	(void)state;
	/* pinned: a change here changes every stored training order (resume states) */
	int64_t rows[] = {6, 4};
	static const uint64_t global[10] = {6, 5, 1, 0, 4, 9, 2, 8, 7, 3};
	lh_order o;
	init(&o, LH_SHUFFLE_GLOBAL, 42, 0, rows, 2, 0);
	for (uint64_t i = 0; i < 10; i++)
		if (lh_order_row(&o, i) != global[i]) {
			char got[64] = "";
			for (uint64_t k = 0; k < 10; k++)
				snprintf(got + strlen(got), sizeof got - strlen(got), "%llu ",
				         (unsigned long long)lh_order_row(&o, k));
			fail_msg("the global order of seed 42 changed: %s", got);
		}
	lh_order_free(&o);
}

/* Counts how often each epoch position goes to some (rank, worker) of a world. */
static void deal(uint64_t n, uint64_t base, uint64_t world, uint64_t workers, uint64_t chunk,
                 bool drop_last, unsigned *hits, uint64_t *per_rank)
{
	for (uint64_t r = 0; r < world; r++) {
		per_rank[r] = 0;
		for (uint64_t w = 0; w < workers; w++) {
			lh_shard s = {.world = world, .rank = r, .workers = workers, .worker = w,
			              .chunk = chunk, .drop_last = drop_last};
			lh_err err = {0};
			assert_int_equal(lh_shard_check(&s, &err), LH_OK);
			uint64_t c = lh_shard_worker_count(&s, n, base);
			per_rank[r] += c;
			for (uint64_t j = 0; j < c; j++) {
				uint64_t p = lh_shard_position(&s, n, base, j);
				assert_true(p < n);
				assert_true(p >= base || !drop_last); /* padding may repeat any sample */
				hits[p]++;
			}
		}
	}
}

static void shards_cover_an_epoch_exactly_once(void **state)
{
	(void)state;
	static const uint64_t ns[] = {0, 1, 2, 5, 17, 100};
	for (size_t ni = 0; ni < 6; ni++)
		for (uint64_t world = 1; world <= 4; world++)
			for (uint64_t workers = 1; workers <= 3; workers++)
				for (uint64_t chunk = 1; chunk <= 5; chunk += 2)
					for (int dl = 0; dl < 2; dl++) {
						uint64_t n = ns[ni], per_rank[4];
						unsigned *hits = calloc(n + 1, sizeof *hits);
						deal(n, 0, world, workers, chunk, dl, hits, per_rank);
						uint64_t expect = dl ? n / world : (n + world - 1) / world;
						for (uint64_t r = 0; r < world; r++)
							assert_int_equal(per_rank[r], expect); /* DDP never hangs */
						uint64_t covered = dl ? expect * world : n;
						for (uint64_t p = 0; p < n; p++) {
							if (p < covered)
								assert_true(hits[p] >= 1);
							else
								assert_int_equal(hits[p], 0);
							/* padding spreads its repeats evenly */
							assert_true(hits[p] <= (expect * world + n - 1) / n);
						}
						uint64_t total = 0;
						for (uint64_t p = 0; p < n; p++)
							total += hits[p];
						assert_int_equal(total, expect * world);
						free(hits);
					}
}

static void a_resume_continues_and_a_new_world_resplits(void **state)
{
	(void)state;
	uint64_t n = 103;
	for (uint64_t old = 1; old <= 3; old++)
		for (uint64_t done = 0; done * old <= n; done += 7)
			for (uint64_t world = 1; world <= 4; world++) {
				uint64_t base = done * old, per_rank[4];
				unsigned *hits = calloc(n + 1, sizeof *hits);
				deal(n, base, world, 2, 4, true, hits, per_rank);
				/* the remainder, re-split: each unconsumed position once, up to what
				 * the new world can deal evenly */
				uint64_t end = base + per_rank[0] * world;
				for (uint64_t p = 0; p < n; p++)
					assert_int_equal(hits[p], p >= base && p < end ? 1 : 0);
				assert_true(n - end < world);
				free(hits);
			}
	/* the same world resumes exactly where it stopped: rank r's samples after `done` */
	lh_shard s = {.world = 3, .rank = 1, .workers = 1, .worker = 0, .chunk = 1};
	uint64_t done = 5;
	for (uint64_t j = 0; j < lh_shard_worker_count(&s, n, done * 3); j++)
		assert_int_equal(lh_shard_position(&s, n, done * 3, j), lh_shard_position(&s, n, 0, done + j));
}

static void bad_shards_are_refused(void **state)
{
	(void)state;
	lh_err err = {0};
	lh_shard s = {.world = 2, .rank = 2, .workers = 1, .worker = 0, .chunk = 1};
	assert_int_equal(lh_shard_check(&s, &err), LH_ERR_INVALID);
	assert_non_null(strstr(err.msg, "rank 2"));
	lh_err_clear(&err);
	s = (lh_shard){.world = 1, .workers = 2, .worker = 2, .chunk = 1};
	assert_int_equal(lh_shard_check(&s, &err), LH_ERR_INVALID);
	lh_err_clear(&err);
	lh_shuffle m;
	assert_true(lh_shuffle_parse("block", &m) && m == LH_SHUFFLE_BLOCK);
	assert_false(lh_shuffle_parse("random", &m));
}

static void visiting_many_equals_one_by_one(void **state)
{
	(void)state;
	static const int64_t rows[] = {100, 0, 57, 300};
	for (size_t m = 0; m < 4; m++) {
		lh_order o;
		init(&o, MODES[m], 9, 2, rows, 4, 40);
		uint64_t pos[457], many[457];
		for (uint64_t i = 0; i < 457; i++)
			pos[i] = (i * 7919) % 457; /* positions in any order, windows revisited */
		lh_order_visit_many(&o, pos, 457, many);
		for (uint64_t i = 0; i < 457; i++) {
			assert_int_equal(many[i], lh_order_visit(&o, pos[i]));
			size_t vf;
			uint64_t off;
			lh_order_locate(&o, many[i], &vf, &off);
			assert_int_equal(o.start[o.file_order[vf]] + off, lh_order_row(&o, pos[i]));
		}
		lh_order_free(&o);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(visiting_many_equals_one_by_one),
	    cmocka_unit_test(every_mode_is_a_permutation),
	    cmocka_unit_test(a_large_global_permutation_is_exact),
	    cmocka_unit_test(seed_and_epoch_decide_the_order),
	    cmocka_unit_test(modes_keep_what_they_promise),
	    cmocka_unit_test(the_order_is_the_same_everywhere),
	    cmocka_unit_test(shards_cover_an_epoch_exactly_once),
	    cmocka_unit_test(a_resume_continues_and_a_new_world_resplits),
	    cmocka_unit_test(bad_shards_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
