/*
 * tests/ingest/test_ingest.c - image headers, dataset cards and the MP4 box parser on
 * hand-made bytes: valid ones give the right answers, cut-short or lying ones errors.
 */
#include "ingest/card.h"
#include "ingest/media.h"
#include "ingest/mp4.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static void test_png(void **state)
{
	(void)state;
	unsigned char png[33] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
	                         0, 0, 0x02, 0x80, 0, 0, 0x01, 0xE0};
	lh_media_info mi;
	assert_true(lh_media_sniff(png, sizeof png, &mi));
	assert_string_equal(mi.format, "png");
	assert_int_equal(mi.width, 640);
	assert_int_equal(mi.height, 480);
	assert_false(lh_media_sniff(png, 20, &mi)); /* cut inside IHDR */
	assert_true(mi.image);
}

static void test_jpeg(void **state)
{
	(void)state;
	/* SOI, an APP0 segment of 16 bytes, then SOF0 with height 120 and width 160 */
	unsigned char j[64] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10};
	size_t i = 4 + 16;
	unsigned char sof[] = {0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x00, 0xA0, 0x03};
	memcpy(j + i, sof, sizeof sof);
	lh_media_info mi;
	assert_true(lh_media_sniff(j, i + sizeof sof, &mi));
	assert_string_equal(mi.format, "jpeg");
	assert_int_equal(mi.width, 160);
	assert_int_equal(mi.height, 120);
	/* a DHT segment (C4) is not a frame header */
	j[i + 1] = 0xC4;
	assert_false(lh_media_sniff(j, i + sizeof sof, &mi));
}

static void test_webp_and_gif(void **state)
{
	(void)state;
	lh_media_info mi;
	unsigned char vp8x[30] = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X'};
	vp8x[24] = 0x3F; /* width - 1 = 319 (0x13F) */
	vp8x[25] = 0x01;
	vp8x[27] = 0xEF; /* height - 1 = 239 */
	assert_true(lh_media_sniff(vp8x, sizeof vp8x, &mi));
	assert_string_equal(mi.format, "webp");
	assert_int_equal(mi.width, 320);
	assert_int_equal(mi.height, 240);
	unsigned char vp8l[25] = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'};
	vp8l[20] = 0x2F;
	uint32_t bits = (100 - 1) | (uint32_t)(50 - 1) << 14;
	vp8l[21] = (unsigned char)bits;
	vp8l[22] = (unsigned char)(bits >> 8);
	vp8l[23] = (unsigned char)(bits >> 16);
	vp8l[24] = (unsigned char)(bits >> 24);
	assert_true(lh_media_sniff(vp8l, sizeof vp8l, &mi));
	assert_int_equal(mi.width, 100);
	assert_int_equal(mi.height, 50);
	unsigned char gif[10] = {'G', 'I', 'F', '8', '9', 'a', 14, 0, 25, 0};
	assert_true(lh_media_sniff(gif, sizeof gif, &mi));
	assert_string_equal(mi.ext, "gif");
	assert_int_equal(mi.width, 14);
	assert_int_equal(mi.height, 25);
	unsigned char junk[8] = "abcdefg";
	assert_true(lh_media_sniff(junk, sizeof junk, &mi));
	assert_string_equal(mi.format, "bin");
	assert_false(mi.image);
}

static void test_card(void **state)
{
	(void)state;
	const char *text = "---\nconfigs:\n- config_name: a\n  data_files: data/a-*\n"
	                   "- config_name: b\n  default: true\n  data_files:\n  - split: test\n"
	                   "    path: [\"b/t*.parquet\"]\n---\n# body\n";
	json_t *card = NULL;
	lh_err err = {0};
	assert_int_equal(lh_card_parse(text, strlen(text), &card, &err), LH_OK);
	char *paths[] = {"data/a-0.parquet", "b/t0.parquet", "b/t1.parquet", "b/x.parquet"};
	lh_data_files f = {0};
	assert_int_equal(lh_card_data_files(card, NULL, paths, 4, &f, &err), LH_OK);
	assert_int_equal(f.len, 2);
	assert_string_equal(f.items[0].config, "b");
	assert_string_equal(f.items[0].split, "test");
	assert_string_equal(f.items[1].path, "b/t1.parquet");
	lh_data_files_free(&f);
	assert_int_equal(lh_card_data_files(card, "a", paths, 4, &f, &err), LH_OK);
	assert_int_equal(f.len, 1);
	assert_string_equal(f.items[0].split, "train");
	lh_data_files_free(&f);
	assert_int_equal(lh_card_data_files(card, "zzz", paths, 4, &f, &err), LH_ERR_NOT_FOUND);
	assert_non_null(strstr(lh_err_msg(&err), "'a', 'b'"));
	json_decref(card);
	const char *broken = "---\nconfigs: [\n  - x\n---\n";
	assert_int_equal(lh_card_parse(broken, strlen(broken), &card, &err), LH_ERR_SYNTAX);
	assert_non_null(strstr(lh_err_msg(&err), "YAML is broken at line"));
	const char *open_block = "---\nconfigs: []\n";
	assert_int_equal(lh_card_parse(open_block, strlen(open_block), &card, &err), LH_ERR_SYNTAX);
	/* configs that are not a list: an error, never "no configs" (which would land every
	 * file of the repository) */
	const char *mapping = "---\nconfigs:\n  config_name: a\n  data_files: data/a-*\n---\n";
	assert_int_equal(lh_card_parse(mapping, strlen(mapping), &card, &err), LH_OK);
	assert_int_equal(lh_card_data_files(card, NULL, paths, 4, &f, &err), LH_ERR_SYNTAX);
	assert_non_null(strstr(lh_err_msg(&err), "'configs' is not a list"));
	json_decref(card);
	const char *scalar = "---\nconfigs: default\n---\n";
	assert_int_equal(lh_card_parse(scalar, strlen(scalar), &card, &err), LH_OK);
	assert_int_equal(lh_card_data_files(card, NULL, paths, 4, &f, &err), LH_ERR_SYNTAX);
	json_decref(card);
	char *conv[] = {"data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet",
	                "data/test.parquet", "default/validation/0000.parquet", "README.md"};
	assert_int_equal(lh_conventional_data_files(NULL, conv, 5, &f, &err), LH_OK);
	assert_int_equal(f.len, 4);
	assert_string_equal(f.items[1].split, "train");
	assert_string_equal(f.items[2].split, "test");
	assert_string_equal(f.items[3].split, "validation");
	lh_data_files_free(&f);
	lh_err_clear(&err);
}

static size_t box(unsigned char *p, const char *type, const unsigned char *body, size_t n)
{
	uint32_t size = (uint32_t)(8 + n);
	p[0] = (unsigned char)(size >> 24);
	p[1] = (unsigned char)(size >> 16);
	p[2] = (unsigned char)(size >> 8);
	p[3] = (unsigned char)size;
	memcpy(p + 4, type, 4);
	if (n)
		memcpy(p + 8, body, n);
	return size;
}

static void test_mp4_rejects(void **state)
{
	(void)state;
	char path[] = "/tmp/lh-mp4-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	unsigned char buf[256];
	size_t n = box(buf, "ftyp", (const unsigned char *)"isom\0\0\0\0", 8);
	n += box(buf + n, "moov", NULL, 0); /* no trak, no mvex */
	assert_int_equal(write(fd, buf, n), (ssize_t)n);
	lh_mp4_index ix;
	lh_err err = {0};
	assert_int_equal(lh_mp4_index_file(path, &ix, &err), LH_ERR_CORRUPT);
	assert_non_null(strstr(lh_err_msg(&err), "no video track"));
	/* a box that claims more bytes than the file has */
	unsigned char lie[8] = {0, 0, 0x10, 0, 'm', 'o', 'o', 'v'};
	assert_int_equal(ftruncate(fd, 0), 0);
	assert_int_equal(pwrite(fd, buf, 16, 0), 16); /* just ftyp */
	assert_int_equal(pwrite(fd, lie, 8, 16), 8);
	assert_int_equal(lh_mp4_index_file(path, &ix, &err), LH_ERR_CORRUPT);
	assert_non_null(strstr(lh_err_msg(&err), "overruns the file"));
	/* not MP4 at all */
	assert_int_equal(ftruncate(fd, 0), 0);
	assert_int_equal(pwrite(fd, "hello world, not a video", 24, 0), 24);
	assert_int_equal(lh_mp4_index_file(path, &ix, &err), LH_ERR_CORRUPT);
	assert_non_null(strstr(lh_err_msg(&err), "not an MP4 file"));
	close(fd);
	unlink(path);
	lh_err_clear(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_png),         cmocka_unit_test(test_jpeg),
	    cmocka_unit_test(test_webp_and_gif), cmocka_unit_test(test_card),
	    cmocka_unit_test(test_mp4_rejects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
