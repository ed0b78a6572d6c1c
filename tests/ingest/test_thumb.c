/*
 * tests/ingest/test_thumb.c - lh_lake_thumbnail on images made here with libav and on
 * hand-made bytes in a temporary lake: pictures are scaled down (never up) to JPEG with
 * their proportions and colours, transparency lands on white, and damaged bytes, other
 * files, missing objects, URIs that leave the lake and sizes out of range are errors
 * that say so.
 */
#include "ingest/av.h"
#include "lakehouse.h"
#include "util/checksum.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <unistd.h>
#include <cmocka.h>

typedef struct fixture {
	char tmp[64];
	char dir[96];
	lh_lake *lake;
} fixture;

typedef struct image {
	unsigned char *data;
	size_t len;
} image;

static int setup(void **state)
{
	lh_err err = {0};
	if (lh_av_load(&err) != LH_OK) {
		fprintf(stderr, "%s\n", lh_err_msg(&err));
		lh_err_clear(&err);
		return -1;
	}
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	snprintf(f->tmp, sizeof f->tmp, "/tmp/lh-thumb-XXXXXX");
	if (!mkdtemp(f->tmp)) {
		free(f);
		return -1;
	}
	snprintf(f->dir, sizeof f->dir, "%s/lake", f->tmp);
	char *msg = NULL;
	if (lh_lake_create(f->dir, NULL, &f->lake, &msg) != LH_OK) {
		fprintf(stderr, "%s\n", msg ? msg : "cannot create the lake");
		lh_free(msg);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	lh_lake_close(&f->lake);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
	int rc = system(cmd);
	free(f);
	return rc == 0 ? 0 : -1;
}

/* Records asset `rel` in the lake's catalog as hf pull does when it stores one: its size
 * and, when sum is not NULL, its XXH3-64. */
static void record(fixture *f, const char *rel, int64_t size, const uint64_t *sum)
{
	char db[160], hex[LH_CHECKSUM_HEX] = "";
	snprintf(db, sizeof db, "%s/metadata.sqlite", f->dir);
	if (sum)
		lh_checksum_hex(*sum, hex);
	sqlite3 *c = NULL;
	assert_int_equal(sqlite3_open(db, &c), SQLITE_OK);
	char *sql = sqlite3_mprintf(
	    "CREATE TABLE IF NOT EXISTS lakehouse_file_checksum (path VARCHAR PRIMARY KEY, "
	    "file_size_bytes BIGINT, algorithm VARCHAR, checksum VARCHAR); INSERT OR REPLACE INTO "
	    "lakehouse_file_checksum VALUES (%Q, %lld, %Q, %Q)",
	    rel, (long long)size, sum ? LH_CHECKSUM_ALGO : NULL, sum ? hex : NULL);
	assert_int_equal(sqlite3_exec(c, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(c);
}

/* Writes `len` bytes as <data path>/<rel>, making its folders, without recording it. */
static void put_unrecorded(fixture *f, const char *rel, const void *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s%s", lh_lake_data_path(f->lake), rel);
	for (char *p = path + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			assert_true(mkdir(path, 0755) == 0 || errno == EEXIST);
			*p = '/';
		}
	FILE *out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(data, 1, len, out), len);
	assert_int_equal(fclose(out), 0);
}

/* An asset: written and recorded. */
static void put(fixture *f, const char *rel, const void *data, size_t len)
{
	put_unrecorded(f, rel, data, len);
	uint64_t sum = lh_checksum_bytes(data, len);
	record(f, rel, (int64_t)len, &sum);
}

/* Pixel patterns for the encoders below. */
static void halves(AVFrame *fr) /* RGB24: left half red, right half blue */
{
	for (int y = 0; y < fr->height; y++)
		for (int x = 0; x < fr->width; x++) {
			uint8_t *p = fr->data[0] + y * fr->linesize[0] + 3 * x;
			bool left = x < fr->width / 2;
			p[0] = left ? 255 : 0;
			p[1] = 0;
			p[2] = left ? 0 : 255;
		}
}

static void clear(AVFrame *fr) /* RGBA: black, fully transparent */
{
	for (int y = 0; y < fr->height; y++)
		memset(fr->data[0] + y * fr->linesize[0], 0, 4 * (size_t)fr->width);
}

static void grey(AVFrame *fr) /* GRAY8: a ramp */
{
	for (int y = 0; y < fr->height; y++)
		for (int x = 0; x < fr->width; x++)
			fr->data[0][y * fr->linesize[0] + x] = (uint8_t)(x * 255 / fr->width);
}

static void gradient(AVFrame *fr) /* 4:2:0 YUV: a grey ramp */
{
	for (int y = 0; y < fr->height; y++)
		for (int x = 0; x < fr->width; x++)
			fr->data[0][y * fr->linesize[0] + x] = (uint8_t)(x * 255 / fr->width);
	for (int p = 1; p < 3; p++)
		for (int y = 0; y < (fr->height + 1) / 2; y++)
			memset(fr->data[p] + y * fr->linesize[p], 128, (size_t)(fr->width + 1) / 2);
}

/* A w x h picture encoded by libav's encoder `encoder`; NULL data when this libav has
 * no such encoder. */
static image make_image(const char *encoder, enum AVPixelFormat format, int w, int h,
                        void (*fill)(AVFrame *))
{
	image im = {0};
	const AVCodec *codec = lh_av.avcodec_find_encoder_by_name(encoder);
	if (!codec)
		return im;
	AVCodecContext *c = lh_av.avcodec_alloc_context3(codec);
	AVFrame *fr = lh_av.av_frame_alloc();
	AVPacket *pkt = lh_av.av_packet_alloc();
	assert_true(c && fr && pkt);
	c->width = fr->width = w;
	c->height = fr->height = h;
	c->pix_fmt = fr->format = format;
	c->time_base = (AVRational){1, 25};
	if (format == AV_PIX_FMT_YUVJ420P)
		c->color_range = AVCOL_RANGE_JPEG;
	assert_int_equal(lh_av.avcodec_open2(c, codec, NULL), 0);
	assert_int_equal(lh_av.av_frame_get_buffer(fr, 0), 0);
	fill(fr);
	assert_int_equal(lh_av.avcodec_send_frame(c, fr), 0);
	assert_int_equal(lh_av.avcodec_send_frame(c, NULL), 0);
	assert_int_equal(lh_av.avcodec_receive_packet(c, pkt), 0);
	im.len = (size_t)pkt->size;
	im.data = malloc(im.len);
	assert_non_null(im.data);
	memcpy(im.data, pkt->data, im.len);
	lh_av.av_packet_free(&pkt);
	lh_av.av_frame_free(&fr);
	lh_av.avcodec_free_context(&c);
	return im;
}

/* Decodes a thumbnail back: a JPEG of w x h whose frame the caller frees. */
static AVFrame *decode_jpeg(const unsigned char *data, size_t len, int w, int h)
{
	assert_true(len > 4);
	assert_int_equal(data[0], 0xFF); /* SOI */
	assert_int_equal(data[1], 0xD8);
	assert_int_equal(data[len - 2], 0xFF); /* EOI */
	assert_int_equal(data[len - 1], 0xD9);
	const AVCodec *codec = lh_av.avcodec_find_decoder_by_name("mjpeg");
	AVCodecContext *c = lh_av.avcodec_alloc_context3(codec);
	AVPacket *pkt = lh_av.av_packet_alloc();
	AVFrame *fr = lh_av.av_frame_alloc();
	assert_true(codec && c && pkt && fr);
	assert_int_equal(lh_av.avcodec_open2(c, codec, NULL), 0);
	pkt->data = (uint8_t *)data;
	pkt->size = (int)len;
	assert_int_equal(lh_av.avcodec_send_packet(c, pkt), 0);
	assert_int_equal(lh_av.avcodec_send_packet(c, NULL), 0);
	assert_int_equal(lh_av.avcodec_receive_frame(c, fr), 0);
	assert_int_equal(fr->width, w);
	assert_int_equal(fr->height, h);
	assert_true(fr->format == AV_PIX_FMT_YUVJ420P);
	pkt->data = NULL;
	pkt->size = 0;
	lh_av.av_packet_free(&pkt);
	lh_av.avcodec_free_context(&c);
	return fr;
}

/* The thumbnail of `uri` must be a w x h JPEG; its decoded frame (caller frees). */
static AVFrame *thumb_ok(fixture *f, const char *uri, int max_side, int w, int h)
{
	unsigned char *jpeg = NULL;
	size_t len = 0;
	int tw = -1, th = -1;
	lh_status s = lh_lake_thumbnail(f->lake, uri, max_side, &jpeg, &len, &tw, &th);
	if (s != LH_OK)
		fail_msg("thumbnail of '%s': %s", uri, lh_lake_error(f->lake));
	assert_int_equal(tw, w);
	assert_int_equal(th, h);
	AVFrame *fr = decode_jpeg(jpeg, len, w, h);
	lh_free(jpeg);
	return fr;
}

/* lh_lake_thumbnail of `uri` must fail with `want`, a message holding `says`, and
 * nothing returned. */
static void thumb_fails(fixture *f, const char *uri, int max_side, lh_status want,
                        const char *says)
{
	unsigned char *jpeg = (unsigned char *)"x";
	size_t len = 7;
	int w = 7, h = 7;
	lh_status s = lh_lake_thumbnail(f->lake, uri, max_side, &jpeg, &len, &w, &h);
	if (s != want || !strstr(lh_lake_error(f->lake), says))
		fail_msg("thumbnail of '%s' at %d: got %s (%s), want %s with \"%s\"",
		         uri ? uri : "NULL", max_side, lh_strerror(s), lh_lake_error(f->lake),
		         lh_strerror(want), says);
	assert_null(jpeg);
	assert_int_equal(len, 0);
	assert_int_equal(w, 0);
	assert_int_equal(h, 0);
}

static uint8_t y_at(const AVFrame *fr, int x, int y)
{
	return fr->data[0][y * fr->linesize[0] + x];
}

static uint8_t chroma_at(const AVFrame *fr, int plane, int x, int y)
{
	return fr->data[plane][(y / 2) * fr->linesize[plane] + x / 2];
}

static void test_png_scaled(void **state)
{
	fixture *f = *state;
	image png = make_image("png", AV_PIX_FMT_RGB24, 512, 256, halves);
	assert_non_null(png.data);
	put(f, "assets/t/image/wide.png", png.data, png.len);
	AVFrame *fr = thumb_ok(f, "assets/t/image/wide.png", 160, 160, 80);
	/* the colours survive: red on the left (Cr high), blue on the right (Cb high) */
	assert_true(chroma_at(fr, 2, 20, 40) > 200);
	assert_true(chroma_at(fr, 1, 20, 40) < 128);
	assert_true(chroma_at(fr, 1, 140, 40) > 200);
	assert_true(chroma_at(fr, 2, 140, 40) < 128);
	lh_av.av_frame_free(&fr);
	/* the absolute form of the URI (older lakes) names the same object */
	char abs[512];
	snprintf(abs, sizeof abs, "%sassets/t/image/wide.png", lh_lake_data_path(f->lake));
	fr = thumb_ok(f, abs, 64, 64, 32);
	lh_av.av_frame_free(&fr);
	/* the size pointers may be NULL; the bounds of max_side are allowed */
	unsigned char *jpeg = NULL;
	size_t len = 0;
	assert_int_equal(lh_lake_thumbnail(f->lake, "assets/t/image/wide.png", 16, &jpeg, &len,
	                                   NULL, NULL),
	                 LH_OK);
	fr = decode_jpeg(jpeg, len, 16, 8);
	lh_av.av_frame_free(&fr);
	lh_free(jpeg);
	free(png.data);
	/* tall, odd sizes: 300 x 901 at 100 is 33 x 100 (33.3 rounded) */
	png = make_image("png", AV_PIX_FMT_RGB24, 300, 901, halves);
	put(f, "assets/t/image/tall.png", png.data, png.len);
	fr = thumb_ok(f, "assets/t/image/tall.png", 100, 33, 100);
	lh_av.av_frame_free(&fr);
	fr = thumb_ok(f, "assets/t/image/tall.png", 2048, 300, 901);
	lh_av.av_frame_free(&fr);
	free(png.data);
}

static void test_jpeg_and_webp(void **state)
{
	fixture *f = *state;
	image jpg = make_image("mjpeg", AV_PIX_FMT_YUVJ420P, 300, 200, gradient);
	assert_non_null(jpg.data);
	put(f, "assets/t/image/ramp.jpg", jpg.data, jpg.len);
	AVFrame *fr = thumb_ok(f, "assets/t/image/ramp.jpg", 100, 100, 67);
	assert_true(y_at(fr, 2, 30) < 40);   /* dark on the left */
	assert_true(y_at(fr, 97, 30) > 215); /* light on the right */
	lh_av.av_frame_free(&fr);
	free(jpg.data);
	image webp = make_image("libwebp", AV_PIX_FMT_YUV420P, 200, 120, gradient);
	if (!webp.data) {
		printf("# this libav has no WebP encoder: WebP input not checked\n");
		return;
	}
	put(f, "assets/t/image/ramp.webp", webp.data, webp.len);
	fr = thumb_ok(f, "assets/t/image/ramp.webp", 50, 50, 30);
	lh_av.av_frame_free(&fr);
	free(webp.data);
}

static void test_never_enlarged(void **state)
{
	fixture *f = *state;
	image png = make_image("png", AV_PIX_FMT_RGB24, 40, 30, halves);
	put(f, "assets/t/image/small.png", png.data, png.len);
	AVFrame *fr = thumb_ok(f, "assets/t/image/small.png", 160, 40, 30);
	lh_av.av_frame_free(&fr);
	fr = thumb_ok(f, "assets/t/image/small.png", 40, 40, 30); /* exactly the size */
	lh_av.av_frame_free(&fr);
	free(png.data);
}

static void test_transparency_on_white(void **state)
{
	fixture *f = *state;
	image png = make_image("png", AV_PIX_FMT_RGBA, 64, 48, clear);
	put(f, "assets/t/image/clear.png", png.data, png.len);
	AVFrame *fr = thumb_ok(f, "assets/t/image/clear.png", 32, 32, 24);
	assert_true(y_at(fr, 10, 10) > 245); /* white, not the black under the alpha */
	lh_av.av_frame_free(&fr);
	free(png.data);
	/* a 1 x 1 GIF whose one pixel is colour 0, black, which is also the transparent one */
	static const unsigned char gif[] = {
	    'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF,
	    0x21, 0xF9, 4, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B};
	put(f, "assets/t/image/dot.gif", gif, sizeof gif);
	fr = thumb_ok(f, "assets/t/image/dot.gif", 160, 1, 1);
	assert_true(y_at(fr, 0, 0) > 245);
	lh_av.av_frame_free(&fr);
}

static void test_damaged_images(void **state)
{
	fixture *f = *state;
	image png = make_image("png", AV_PIX_FMT_RGB24, 512, 256, halves);
	const char *says = "is not an image the thumbnailer can read";
	/* cut short: the picture data ends early */
	put(f, "assets/t/image/cut.png", png.data, png.len / 2);
	thumb_fails(f, "assets/t/image/cut.png", 160, LH_ERR_CORRUPT, says);
	assert_non_null(strstr(lh_lake_error(f->lake), "'assets/t/image/cut.png'"));
	/* garbled in the middle: the chunk checksums and the deflate stream disagree */
	for (size_t i = png.len / 3; i < png.len / 3 + 64; i++)
		png.data[i] ^= 0x5A;
	put(f, "assets/t/image/garbled.png", png.data, png.len);
	thumb_fails(f, "assets/t/image/garbled.png", 160, LH_ERR_CORRUPT, says);
	/* cut inside the header */
	put(f, "assets/t/image/stub.png", png.data, 20);
	thumb_fails(f, "assets/t/image/stub.png", 160, LH_ERR_CORRUPT, "header is damaged");
	free(png.data);
	/* the other formats cut short */
	struct {
		const char *encoder, *uri;
		enum AVPixelFormat format;
		void (*fill)(AVFrame *);
	} cut[] = {{"mjpeg", "assets/t/image/cut.jpg", AV_PIX_FMT_YUVJ420P, gradient},
	           {"gif", "assets/t/image/cut.gif", AV_PIX_FMT_GRAY8, grey},
	           {"libwebp", "assets/t/image/cut.webp", AV_PIX_FMT_YUV420P, gradient}};
	for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
		image im = make_image(cut[i].encoder, cut[i].format, 320, 240, cut[i].fill);
		if (!im.data)
			continue; /* no such encoder here */
		put(f, cut[i].uri, im.data, im.len); /* whole, it works */
		AVFrame *fr = thumb_ok(f, cut[i].uri, 160, 160, 120);
		lh_av.av_frame_free(&fr);
		put(f, cut[i].uri, im.data, im.len * 2 / 3);
		thumb_fails(f, cut[i].uri, 160, LH_ERR_CORRUPT, says);
		put(f, cut[i].uri, im.data, im.len - 2); /* all but the last marker or block */
		thumb_fails(f, cut[i].uri, 160, LH_ERR_CORRUPT, says);
		free(im.data);
	}
	/* a JPEG that is only its start-of-image marker and a frame header */
	static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10,
	                                     0x00, 0x10, 0x03, 1,    0x22, 0,    2,    0x11, 1,
	                                     3,    0x11, 1,    0xFF, 0xD9};
	put(f, "assets/t/image/empty.jpg", jpeg, sizeof jpeg);
	thumb_fails(f, "assets/t/image/empty.jpg", 160, LH_ERR_CORRUPT, says);
	/* a header promising more pixels than the thumbnailer decodes */
	unsigned char huge[33] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
	                          'I', 'H', 'D', 'R', 0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 2};
	put(f, "assets/t/image/huge.png", huge, sizeof huge);
	thumb_fails(f, "assets/t/image/huge.png", 160, LH_ERR_TOO_BIG, "20000 x 20000 pixels");
}

static void test_not_images(void **state)
{
	fixture *f = *state;
	const char *text = "caption,id\na dog on a skateboard,1\n";
	put(f, "assets/t/text/captions.csv", text, strlen(text));
	thumb_fails(f, "assets/t/text/captions.csv", 160, LH_ERR_INVALID,
	            "'assets/t/text/captions.csv' is not an image the thumbnailer can read");
	put(f, "assets/t/empty.png", "", 0);
	thumb_fails(f, "assets/t/empty.png", 160, LH_ERR_INVALID, "the object is empty");
	/* an animated WebP (VP8X with the animation flag): libavcodec 59 has no decoder for it */
	unsigned char anim[30] = {'R', 'I', 'F', 'F', 22, 0, 0, 0, 'W', 'E', 'B', 'P',
	                          'V', 'P', '8', 'X', 10, 0, 0, 0, 0x02, 0, 0, 0, /* flags */
	                          99,  0,   0,   99,  0,  0}; /* 100 x 100 */
	put(f, "assets/t/anim.webp", anim, sizeof anim);
	thumb_fails(f, "assets/t/anim.webp", 160, LH_ERR_UNSUPPORTED, "animated WebP");
	/* an object over 64 MiB is refused before it is read (a sparse file: no disk used) */
	char path[512];
	snprintf(path, sizeof path, "%sassets/t/big.png", lh_lake_data_path(f->lake));
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, ((off_t)64 << 20) + 1), 0);
	close(fd);
	record(f, "assets/t/big.png", ((int64_t)64 << 20) + 1, NULL);
	thumb_fails(f, "assets/t/big.png", 160, LH_ERR_TOO_BIG, "more than the thumbnailer reads");
	/* a folder, recorded as if it were an object (stat gives a folder's size) */
	struct stat sb;
	char folder[512];
	snprintf(folder, sizeof folder, "%sassets/t", lh_lake_data_path(f->lake));
	assert_int_equal(stat(folder, &sb), 0);
	record(f, "assets/t", (int64_t)sb.st_size, NULL);
	thumb_fails(f, "assets/t", 160, LH_ERR_IO, "cannot read image 'assets/t'");
}

static void test_missing(void **state)
{
	fixture *f = *state;
	thumb_fails(f, "assets/coco_captions/image/0000.png", 160, LH_ERR_NOT_FOUND,
	            "'assets/coco_captions/image/0000.png' is not an asset this lake stored");
	/* recorded, but its object is gone */
	image png = make_image("png", AV_PIX_FMT_RGB24, 32, 32, halves);
	put(f, "assets/t/image/gone.png", png.data, png.len);
	free(png.data);
	char path[512];
	snprintf(path, sizeof path, "%sassets/t/image/gone.png", lh_lake_data_path(f->lake));
	assert_int_equal(unlink(path), 0);
	thumb_fails(f, "assets/t/image/gone.png", 160, LH_ERR_NOT_FOUND,
	            "image 'assets/t/image/gone.png' not found: the lake recorded it");
}

/* Only the bytes the lake stored: not a file it never recorded, not one changed or
 * replaced by a link afterwards. */
static void test_only_recorded_assets(void **state)
{
	fixture *f = *state;
	image png = make_image("png", AV_PIX_FMT_RGB24, 32, 32, halves);
	put_unrecorded(f, "assets/t/image/stray.png", png.data, png.len);
	thumb_fails(f, "assets/t/image/stray.png", 160, LH_ERR_NOT_FOUND,
	            "is not an asset this lake stored");
	/* a landing file, outside assets/, is never an asset even when recorded */
	put(f, "landing/t/a.png", png.data, png.len);
	thumb_fails(f, "landing/t/a.png", 160, LH_ERR_NOT_FOUND, "is not an asset this lake stored");
	/* the same size, other bytes */
	put(f, "assets/t/image/changed.png", png.data, png.len);
	unsigned char *other = malloc(png.len);
	assert_non_null(other);
	memcpy(other, png.data, png.len);
	other[png.len - 20] ^= 0x5a;
	put_unrecorded(f, "assets/t/image/changed.png", other, png.len);
	thumb_fails(f, "assets/t/image/changed.png", 160, LH_ERR_CORRUPT,
	            "does not match the checksum the lake recorded");
	/* another size */
	put_unrecorded(f, "assets/t/image/changed.png", other, png.len - 1);
	thumb_fails(f, "assets/t/image/changed.png", 160, LH_ERR_CORRUPT, "not the ");
	free(other);
	/* replaced by a link to an image outside the lake */
	image outside = make_image("png", AV_PIX_FMT_RGB24, 48, 48, halves);
	char target[512], link[512];
	snprintf(target, sizeof target, "%s/outside.png", f->tmp);
	FILE *out = fopen(target, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(outside.data, 1, outside.len, out), outside.len);
	assert_int_equal(fclose(out), 0);
	put(f, "assets/t/image/linked.png", png.data, png.len);
	snprintf(link, sizeof link, "%sassets/t/image/linked.png", lh_lake_data_path(f->lake));
	assert_int_equal(unlink(link), 0);
	assert_int_equal(symlink(target, link), 0);
	thumb_fails(f, "assets/t/image/linked.png", 160, LH_ERR_CORRUPT, "the lake stored");
	free(outside.data);
	free(png.data);
}

static void test_outside_the_lake(void **state)
{
	fixture *f = *state;
	/* a file next to the data path, so a URI that escapes would find something */
	char path[512];
	snprintf(path, sizeof path, "%s/secret.png", f->dir);
	image png = make_image("png", AV_PIX_FMT_RGB24, 32, 32, halves);
	FILE *out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(png.data, 1, png.len, out), png.len);
	assert_int_equal(fclose(out), 0);
	free(png.data);
	const char *bad[] = {"../../etc/passwd", "/etc/passwd", "assets/../../x", "../secret.png",
	                     "assets/../../secret.png", "assets/./x.png", "assets//x.png",
	                     "assets/..", "s3://bucket/assets/x.png", path};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		thumb_fails(f, bad[i], 160, LH_ERR_INVALID, "is not an object of this lake");
	char root[512];
	snprintf(root, sizeof root, "%s../secret.png", lh_lake_data_path(f->lake));
	thumb_fails(f, root, 160, LH_ERR_INVALID, "is not an object of this lake");
	thumb_fails(f, lh_lake_data_path(f->lake), 160, LH_ERR_INVALID,
	            "is not an object of this lake");
}

static void test_bad_arguments(void **state)
{
	fixture *f = *state;
	image png = make_image("png", AV_PIX_FMT_RGB24, 64, 64, halves);
	put(f, "assets/t/image/ok.png", png.data, png.len);
	free(png.data);
	const int sizes[] = {0, -1, 15, 2049, 5000};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		thumb_fails(f, "assets/t/image/ok.png", sizes[i], LH_ERR_INVALID,
		            "the longer side must be 16 to 2048 pixels");
	thumb_fails(f, NULL, 160, LH_ERR_INVALID, "needs the URI of an image");
	thumb_fails(f, "", 160, LH_ERR_INVALID, "needs the URI of an image");
	size_t len = 0;
	assert_int_equal(lh_lake_thumbnail(f->lake, "assets/t/image/ok.png", 160, NULL, &len, NULL,
	                                   NULL),
	                 LH_ERR_INVALID);
	unsigned char *jpeg = NULL;
	assert_int_equal(lh_lake_thumbnail(NULL, "assets/t/image/ok.png", 160, &jpeg, &len, NULL,
	                                   NULL),
	                 LH_ERR_INVALID);
	assert_null(jpeg);
	/* the lake is fine afterwards: an error leaves nothing behind */
	AVFrame *fr = thumb_ok(f, "assets/t/image/ok.png", 160, 64, 64);
	lh_av.av_frame_free(&fr);
	assert_string_equal(lh_lake_error(f->lake), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_png_scaled, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_jpeg_and_webp, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_never_enlarged, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_transparency_on_white, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_damaged_images, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_not_images, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_only_recorded_assets, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_outside_the_lake, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
