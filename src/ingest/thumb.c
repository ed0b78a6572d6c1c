/*
 * ingest/thumb.c - JPEG thumbnails of the image assets tables reference (lh_lake_thumbnail).
 *
 * Layer: services (ingest). The object is read whole through the lake's store, as
 * lh_video_fetch reads clips, so a folder lake and an S3 lake answer alike; its header
 * says the format (media.c), libavcodec's decoder for that format decodes it as one
 * packet (the first frame of an animated GIF), libswscale scales it to RGBA, where
 * transparent pixels are laid on white, and then to full-range YUV 4:2:0, which
 * libavcodec's MJPEG encoder writes as a baseline JPEG. Everything is bounded before it
 * is allocated: the object's size, the decoded picture's pixels (from the header, and
 * again by the decoder), the thumbnail's side. Never writes a file or a table; libav is
 * loaded on first use (av.h) and never logs.
 */
#include "ingest/av.h"
#include "ingest/media.h"
#include "lake/services.h"
#include "util/checksum.h"

#include <stdlib.h>
#include <string.h>

#define THUMB_MAX_BYTES ((int64_t)64 << 20) /* the largest object read */
#define THUMB_MAX_PIXELS (64 << 20)         /* the largest picture decoded: 256 MiB as RGBA */
#define THUMB_MIN_SIDE 16
#define THUMB_MAX_SIDE 2048
#define THUMB_QSCALE 4 /* MJPEG quantiser: 2 (best) .. 31; 3-5 is a good-looking small file */

typedef struct thumb {
	lh_err *err;
	const char *uri; /* as the caller gave it, for messages */
	AVCodecContext *dec, *enc;
	AVPacket *pkt;
	AVFrame *picture, *rgba, *yuv;
	struct SwsContext *sws;
} thumb;

static lh_status nomem(thumb *t)
{
	return lh_err_set(t->err, LH_ERR_NOMEM, "out of memory making a thumbnail of '%s'", t->uri);
}

/* The picture's bytes are bad: what libav said, and what to do. */
static lh_status unreadable(thumb *t, const char *format, int rc)
{
	char why[AV_ERROR_MAX_STRING_SIZE] = "";
	if (rc < 0)
		lh_av.av_strerror(rc, why, sizeof why);
	return lh_err_set(t->err, LH_ERR_CORRUPT,
	                  "'%s' is not an image the thumbnailer can read: its %s data does not "
	                  "decode (%s); the object is damaged or cut short: pull it again",
	                  t->uri, format, rc < 0 ? why : "damaged picture");
}

/* The object behind `uri`, which must lie inside the lake's data path: NULL (with the
 * error set) when it does not. A stored URI is relative to the data path, or absolute
 * and below it (older lakes); '.', '..' and empty segments are refused whatever the
 * store would make of them, so no URI reaches outside the lake. */
static char *object_path(lh_lake *lake, thumb *t)
{
	const char *root = lh_lake_data_path(lake);
	char *path = lh_lake_asset_uri(lake, t->uri);
	if (!path) {
		nomem(t);
		return NULL;
	}
	bool ok = lh_str_starts_with(path, root) && path[strlen(root)] != '\0';
	for (const char *seg = path + strlen(root); ok && seg;) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if (n == 0 || (n <= 2 && strspn(seg, ".") == n)) /* "", "." or ".." */
			ok = false;
		seg = end ? end + 1 : NULL;
	}
	if (!ok) {
		lh_err_set(t->err, LH_ERR_INVALID,
		           "image URI '%s' is not an object of this lake: it must be a path below "
		           "the lake's data path without '.' or '..' parts, as the table's *_uri "
		           "column holds it",
		           t->uri);
		free(path);
		return NULL;
	}
	return path;
}

/* Reads the whole object into `data`, followed by the zeroed padding libav's decoders
 * may read past the end of a packet. Only an asset the lake recorded when it stored it
 * is read, and only when its bytes are still the ones recorded: no other object of the
 * store (a landing or data file, or a path written into a table by hand) and nothing a
 * link or a change outside the lake put in its place. */
static lh_status read_object(lh_lake *lake, thumb *t, const char *path, lh_buf *data)
{
	lh_store *store = lh_lake_store(lake);
	int64_t size = 0, recorded = -1;
	uint64_t sum = 0;
	bool has_sum = false;
	lh_status s = lh_lake_asset_record(lake, t->uri, &recorded, &sum, &has_sum);
	if (s != LH_OK)
		return s;
	s = store->ops->stat(store, path, &size, t->err);
	if (s == LH_ERR_NOT_FOUND)
		return lh_err_set(t->err, s,
		                  "image '%s' not found: the lake recorded it, but its object is "
		                  "gone (lakehouse verify lists what is missing)",
		                  t->uri);
	if (s != LH_OK)
		return lh_err_set(t->err, s, "cannot read image '%s' from the lake's store (%s)",
		                  t->uri, lh_strerror(s));
	if (size > THUMB_MAX_BYTES)
		return lh_err_set(t->err, LH_ERR_TOO_BIG,
		                  "image '%s' is %lld bytes, more than the thumbnailer reads "
		                  "(%lld MiB); make a smaller copy of it to preview",
		                  t->uri, (long long)size, (long long)(THUMB_MAX_BYTES >> 20));
	if (size == 0)
		return lh_err_set(t->err, LH_ERR_INVALID,
		                  "'%s' is not an image the thumbnailer can read: the object is "
		                  "empty",
		                  t->uri);
	if (recorded >= 0 && size != recorded)
		return lh_err_set(t->err, LH_ERR_CORRUPT,
		                  "image '%s' is %lld bytes, not the %lld the lake stored: it was "
		                  "changed or damaged outside the lake (lakehouse verify)",
		                  t->uri, (long long)size, (long long)recorded);
	s = store->ops->read_range(store, path, 0, size, data, t->err);
	if (s != LH_OK)
		return lh_err_set(t->err, s, "cannot read image '%s' from the lake's store (%s)",
		                  t->uri, lh_strerror(s));
	if (has_sum && lh_checksum_bytes(data->data, data->len) != sum)
		return lh_err_set(t->err, LH_ERR_CORRUPT,
		                  "image '%s' does not match the checksum the lake recorded: it was "
		                  "changed or damaged outside the lake (lakehouse verify)",
		                  t->uri);
	static const char padding[AV_INPUT_BUFFER_PADDING_SIZE];
	lh_buf_append(data, padding, sizeof padding);
	if (lh_buf_status(data) != LH_OK)
		return nomem(t);
	data->len -= sizeof padding;
	return LH_OK;
}

/* Whether a JPEG has a scan and its end-of-image marker: the decoder turns a file cut
 * short, or one without picture data, into a grey picture without a word. Bytes between
 * segments are skipped, as decoders do. */
static bool jpeg_complete(const unsigned char *p, size_t n)
{
	bool scan = false;
	size_t i = 2; /* after SOI */
	while (i + 2 <= n) {
		unsigned m = p[i + 1];
		if (p[i] != 0xFF || m == 0xFF) { /* not a marker, or a fill byte before one */
			i++;
			continue;
		}
		if (m == 0xD9) /* EOI */
			return scan;
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* markers without a length */
			i += 2;
			continue;
		}
		if (i + 4 > n)
			return false;
		size_t len = (size_t)p[i + 2] << 8 | p[i + 3];
		if (len < 2 || i + 2 + len > n)
			return false;
		i += 2 + len;
		if (m == 0xDA) { /* SOS: coded data up to a marker other than RSTn or a stuffed 0 */
			scan = true;
			while (i + 1 < n && !(p[i] == 0xFF && p[i + 1] != 0 &&
			                      !(p[i + 1] >= 0xD0 && p[i + 1] <= 0xD7)))
				i++;
		}
	}
	return false;
}

/* Skips GIF data sub-blocks up to their terminator; false when they run past the end. */
static bool gif_blocks(const unsigned char *p, size_t n, size_t *i)
{
	while (*i < n) {
		size_t len = p[*i];
		*i += 1 + len;
		if (len == 0)
			return true;
	}
	return false;
}

/* Whether a GIF holds its first image whole: the decoder makes a picture of as many rows
 * as a file cut short still has. */
static bool gif_complete(const unsigned char *p, size_t n)
{
	if (n < 13)
		return false;
	size_t i = 13; /* header and logical screen descriptor */
	if (p[10] & 0x80) /* global colour table */
		i += (size_t)3 << ((p[10] & 7) + 1);
	while (i < n) {
		unsigned char block = p[i++];
		if (block == 0x21) { /* extension: a label, then sub-blocks */
			if (++i > n || !gif_blocks(p, n, &i))
				return false;
		} else if (block == 0x2C) { /* image: descriptor, local colour table, LZW data */
			if (i + 10 > n)
				return false;
			if (p[i + 8] & 0x80)
				i += (size_t)3 << ((p[i + 8] & 7) + 1);
			i += 10;
			return gif_blocks(p, n, &i);
		} else { /* the trailer before any image, or bytes that are no block */
			return false;
		}
	}
	return false;
}

/* Decodes the one picture in `data` (`len` bytes, padded) into t->picture. */
static lh_status decode(thumb *t, const lh_media_info *mi, const unsigned char *data, size_t len)
{
	static const struct {
		const char *format, *decoder;
	} decoders[] = {{"png", "png"}, {"jpeg", "mjpeg"}, {"webp", "webp"}, {"gif", "gif"}};
	const char *name = NULL;
	for (size_t i = 0; i < sizeof decoders / sizeof decoders[0]; i++)
		if (!strcmp(mi->format, decoders[i].format))
			name = decoders[i].decoder;
	const AVCodec *codec = name ? lh_av.avcodec_find_decoder_by_name(name) : NULL;
	if (!codec)
		return lh_err_set(t->err, LH_ERR_UNSUPPORTED,
		                  "cannot make a thumbnail of '%s': the installed libavcodec has "
		                  "no decoder for %s images; install Debian's libavcodec%d",
		                  t->uri, mi->format, LIBAVCODEC_VERSION_MAJOR);
	if (!(t->dec = lh_av.avcodec_alloc_context3(codec)) ||
	    !(t->pkt = lh_av.av_packet_alloc()) || !(t->picture = lh_av.av_frame_alloc()))
		return nomem(t);
	t->dec->thread_count = 1;
	t->dec->max_pixels = THUMB_MAX_PIXELS;
	/* refuse damage instead of concealing it: a thumbnail of half a picture misleads */
	t->dec->err_recognition = AV_EF_EXPLODE | AV_EF_CRCCHECK | AV_EF_BITSTREAM | AV_EF_BUFFER;
	int rc = lh_av.avcodec_open2(t->dec, codec, NULL);
	if (rc < 0)
		return rc == AVERROR(ENOMEM) ? nomem(t) : unreadable(t, mi->format, rc);
	/* a packet without a buffer: the decoder takes a padded copy of its own */
	t->pkt->data = (uint8_t *)data;
	t->pkt->size = (int)len;
	rc = lh_av.avcodec_send_packet(t->dec, t->pkt);
	t->pkt->data = NULL;
	t->pkt->size = 0;
	if (rc >= 0)
		rc = lh_av.avcodec_send_packet(t->dec, NULL); /* no more: the picture is complete */
	if (rc >= 0)
		rc = lh_av.avcodec_receive_frame(t->dec, t->picture);
	if (rc == AVERROR(ENOMEM))
		return nomem(t);
	if (rc == AVERROR_EOF) /* the decoder read it all and found no picture */
		rc = AVERROR_INVALIDDATA;
	if (rc < 0)
		return unreadable(t, mi->format, rc);
	if (t->picture->decode_error_flags || (t->picture->flags & AV_FRAME_FLAG_CORRUPT) ||
	    t->picture->width <= 0 || t->picture->height <= 0 || t->picture->format < 0)
		return unreadable(t, mi->format, 0);
	return LH_OK;
}

/* The thumbnail's size: the longer side max_side at most, the shorter one in proportion
 * (at least 1 pixel), never larger than the picture. */
static void fit(int w, int h, int max_side, int *tw, int *th)
{
	int longer = w > h ? w : h;
	if (longer <= max_side) {
		*tw = w;
		*th = h;
		return;
	}
	int64_t shorter = ((int64_t)(w < h ? w : h) * max_side + longer / 2) / longer;
	if (shorter < 1)
		shorter = 1;
	*tw = w >= h ? max_side : (int)shorter;
	*th = w >= h ? (int)shorter : max_side;
}

static AVFrame *new_frame(enum AVPixelFormat format, int w, int h)
{
	AVFrame *f = lh_av.av_frame_alloc();
	if (!f)
		return NULL;
	f->format = format;
	f->width = w;
	f->height = h;
	if (lh_av.av_frame_get_buffer(f, 0) < 0)
		lh_av.av_frame_free(&f);
	return f;
}

/* Converts with a fresh scaler; the previous one is freed. */
static lh_status convert(thumb *t, const AVFrame *from, AVFrame *to)
{
	if (t->sws)
		lh_av.sws_freeContext(t->sws);
	t->sws = lh_av.sws_getContext(from->width, from->height, from->format, to->width,
	                              to->height, to->format, SWS_BICUBIC | SWS_ACCURATE_RND, NULL,
	                              NULL, NULL);
	if (!t->sws)
		return lh_err_set(t->err, LH_ERR_UNSUPPORTED,
		                  "cannot make a thumbnail of '%s': libswscale cannot convert "
		                  "pixel format %d to %d x %d pixels of format %d",
		                  t->uri, from->format, to->width, to->height, to->format);
	if (lh_av.sws_scale(t->sws, (const uint8_t *const *)from->data, from->linesize, 0,
	                    from->height, to->data, to->linesize) != to->height)
		return lh_err_set(t->err, LH_ERR_INTERNAL,
		                  "cannot make a thumbnail of '%s': libswscale converted part of "
		                  "the picture only",
		                  t->uri);
	return LH_OK;
}

/* Scales t->picture to tw x th in t->yuv, its transparent parts laid on white. */
static lh_status scale(thumb *t, int tw, int th)
{
	if (!(t->rgba = new_frame(AV_PIX_FMT_RGBA, tw, th)) ||
	    !(t->yuv = new_frame(AV_PIX_FMT_YUVJ420P, tw, th)))
		return nomem(t);
	lh_status s = convert(t, t->picture, t->rgba);
	if (s != LH_OK)
		return s;
	for (int y = 0; y < th; y++) {
		uint8_t *p = t->rgba->data[0] + (ptrdiff_t)y * t->rgba->linesize[0];
		for (int x = 0; x < tw; x++, p += 4)
			for (int c = 0; c < 3; c++) /* over white: c * a + 255 * (1 - a) */
				p[c] = (uint8_t)((p[c] * p[3] + 255 * (255 - p[3]) + 127) / 255);
	}
	return convert(t, t->rgba, t->yuv);
}

/* Encodes t->yuv as a JPEG into a buffer the caller frees. */
static lh_status encode(thumb *t, unsigned char **out, size_t *out_len)
{
	const AVCodec *codec = lh_av.avcodec_find_encoder_by_name("mjpeg");
	if (!codec)
		return lh_err_set(t->err, LH_ERR_UNSUPPORTED,
		                  "cannot make a thumbnail of '%s': the installed libavcodec has "
		                  "no JPEG (mjpeg) encoder; install Debian's libavcodec%d",
		                  t->uri, LIBAVCODEC_VERSION_MAJOR);
	if (!(t->enc = lh_av.avcodec_alloc_context3(codec)))
		return nomem(t);
	t->enc->width = t->yuv->width;
	t->enc->height = t->yuv->height;
	t->enc->pix_fmt = AV_PIX_FMT_YUVJ420P;
	t->enc->color_range = AVCOL_RANGE_JPEG;
	t->enc->time_base = (AVRational){1, 1};
	t->enc->thread_count = 1;
	t->enc->flags |= AV_CODEC_FLAG_QSCALE;
	t->enc->global_quality = FF_QP2LAMBDA * THUMB_QSCALE;
	t->yuv->quality = t->enc->global_quality;
	t->yuv->pts = 0;
	int rc = lh_av.avcodec_open2(t->enc, codec, NULL);
	if (rc >= 0)
		rc = lh_av.avcodec_send_frame(t->enc, t->yuv);
	if (rc >= 0)
		rc = lh_av.avcodec_send_frame(t->enc, NULL);
	if (rc >= 0)
		rc = lh_av.avcodec_receive_packet(t->enc, t->pkt);
	if (rc == AVERROR(ENOMEM))
		return nomem(t);
	if (rc < 0 || t->pkt->size <= 0) {
		char why[AV_ERROR_MAX_STRING_SIZE] = "no output";
		if (rc < 0)
			lh_av.av_strerror(rc, why, sizeof why);
		return lh_err_set(t->err, LH_ERR_INTERNAL,
		                  "cannot encode the %d x %d thumbnail of '%s' as JPEG: %s",
		                  t->yuv->width, t->yuv->height, t->uri, why);
	}
	if (!(*out = malloc((size_t)t->pkt->size)))
		return nomem(t);
	memcpy(*out, t->pkt->data, (size_t)t->pkt->size);
	*out_len = (size_t)t->pkt->size;
	return LH_OK;
}

/* Whether the bytes are an image this can decode, whole and of a size it decodes. */
static lh_status check_bytes(thumb *t, const unsigned char *p, size_t n, lh_media_info *mi)
{
	const char *says = "is not an image the thumbnailer can read";
	bool sane = lh_media_sniff(p, n, mi);
	const char *kind = strcmp(mi->format, "bin") ? mi->format : "of no known kind";
	if (!mi->image)
		return lh_err_set(t->err, LH_ERR_INVALID,
		                  "'%s' %s: its bytes are %s, not PNG, JPEG, WebP or GIF", t->uri,
		                  says, kind);
	if (!sane)
		return lh_err_set(t->err, LH_ERR_CORRUPT,
		                  "'%s' %s: its %s header is damaged or cut short; pull it again",
		                  t->uri, says, mi->format);
	/* FFmpeg 5.1's WebP decoder knows no animation (VP8X flag 0x02) */
	if (!strcmp(mi->format, "webp") && n > 20 && !memcmp(p + 12, "VP8X", 4) && (p[20] & 0x02))
		return lh_err_set(t->err, LH_ERR_UNSUPPORTED,
		                  "'%s' %s: it is an animated WebP, which libavcodec %d does not "
		                  "decode",
		                  t->uri, says, LIBAVCODEC_VERSION_MAJOR);
	if ((!strcmp(mi->format, "jpeg") && !jpeg_complete(p, n)) ||
	    (!strcmp(mi->format, "gif") && !gif_complete(p, n)))
		return lh_err_set(t->err, LH_ERR_CORRUPT,
		                  "'%s' %s: its %s data ends before its picture does (cut short?); "
		                  "pull it again",
		                  t->uri, says, mi->format);
	if (mi->width > 0 && mi->height > 0 && (int64_t)mi->width * mi->height > THUMB_MAX_PIXELS)
		return lh_err_set(t->err, LH_ERR_TOO_BIG,
		                  "image '%s' is %d x %d pixels, more than the thumbnailer decodes "
		                  "(%d megapixels); make a smaller copy of it to preview",
		                  t->uri, (int)mi->width, (int)mi->height, THUMB_MAX_PIXELS >> 20);
	return LH_OK;
}

static lh_status thumbnail(lh_lake *lake, thumb *t, int max_side, unsigned char **out_data,
                           size_t *out_len, int *out_width, int *out_height)
{
	if (!t->uri || !t->uri[0])
		return lh_err_set(t->err, LH_ERR_INVALID,
		                  "a thumbnail needs the URI of an image (a value of a table's "
		                  "*_uri column)");
	if (max_side < THUMB_MIN_SIDE || max_side > THUMB_MAX_SIDE)
		return lh_err_set(t->err, LH_ERR_INVALID,
		                  "thumbnail size %d is out of range: the longer side must be %d "
		                  "to %d pixels",
		                  max_side, THUMB_MIN_SIDE, THUMB_MAX_SIDE);
	if (!out_data || !out_len)
		return lh_err_set(t->err, LH_ERR_INVALID,
		                  "lh_lake_thumbnail needs out_data and out_len to return the "
		                  "JPEG in");
	char *path = object_path(lake, t);
	if (!path)
		return t->err->code;
	lh_buf data;
	lh_buf_init(&data, (size_t)THUMB_MAX_BYTES + AV_INPUT_BUFFER_PADDING_SIZE);
	lh_media_info mi = {0};
	lh_status s = lh_av_load(t->err);
	if (s == LH_OK)
		s = read_object(lake, t, path, &data);
	if (s == LH_OK)
		s = check_bytes(t, (const unsigned char *)data.data, data.len, &mi);
	if (s == LH_OK) {
		lh_av.av_log_set_level(AV_LOG_QUIET);
		s = decode(t, &mi, (const unsigned char *)data.data, data.len);
	}
	lh_buf_free(&data); /* the decoded picture is all that is needed now */
	free(path);
	int tw = 0, th = 0;
	if (s == LH_OK) {
		fit(t->picture->width, t->picture->height, max_side, &tw, &th);
		s = scale(t, tw, th);
	}
	if (s == LH_OK)
		s = encode(t, out_data, out_len);
	if (s == LH_OK) {
		if (out_width)
			*out_width = tw;
		if (out_height)
			*out_height = th;
	}
	return s;
}

lh_status lh_lake_thumbnail(lh_lake *lake, const char *uri, int max_side, unsigned char **out_data,
                            size_t *out_len, int *out_width, int *out_height)
{
	if (out_data)
		*out_data = NULL;
	if (out_len)
		*out_len = 0;
	if (out_width)
		*out_width = 0;
	if (out_height)
		*out_height = 0;
	if (!lake)
		return LH_ERR_INVALID;
	thumb t = {.err = lh_lake_err(lake), .uri = uri};
	lh_err_clear(t.err);
	lh_status s = thumbnail(lake, &t, max_side, out_data, out_len, out_width, out_height);
	/* all NULL when libav is not loaded */
	if (t.sws)
		lh_av.sws_freeContext(t.sws);
	if (t.yuv)
		lh_av.av_frame_free(&t.yuv);
	if (t.rgba)
		lh_av.av_frame_free(&t.rgba);
	if (t.picture)
		lh_av.av_frame_free(&t.picture);
	if (t.pkt)
		lh_av.av_packet_free(&t.pkt);
	if (t.enc)
		lh_av.avcodec_free_context(&t.enc);
	if (t.dec)
		lh_av.avcodec_free_context(&t.dec);
	return s;
}
