/*
 * ingest/media.c - image formats and sizes from file headers (see media.h).
 *
 * Layer: services (ingest). Every read is bounds-checked against len: the bytes come
 * from datasets we do not control.
 */
#include "ingest/media.h"

#include <string.h>

static uint32_t be16(const unsigned char *p) { return (uint32_t)p[0] << 8 | p[1]; }
static uint32_t be32(const unsigned char *p) { return be16(p) << 16 | be16(p + 2); }
static uint32_t le16(const unsigned char *p) { return (uint32_t)p[1] << 8 | p[0]; }
static uint32_t le24(const unsigned char *p) { return le16(p) | (uint32_t)p[2] << 16; }

static bool set(lh_media_info *o, const char *format, const char *ext, bool image, int64_t w,
                int64_t h)
{
	o->format = format;
	o->ext = ext;
	o->image = image;
	o->width = (int32_t)w;
	o->height = (int32_t)h;
	return !image || (w > 0 && h > 0 && w <= INT32_MAX && h <= INT32_MAX);
}

static bool png(const unsigned char *d, size_t n, lh_media_info *o)
{
	/* signature, then the IHDR chunk: length 13, "IHDR", width, height */
	if (n < 24 || be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0)
		return set(o, "png", "png", true, -1, -1);
	return set(o, "png", "png", true, be32(d + 16), be32(d + 20));
}

static bool jpeg(const unsigned char *d, size_t n, lh_media_info *o)
{
	size_t i = 2;
	while (i + 4 <= n) {
		if (d[i] != 0xFF)
			break;
		unsigned m = d[i + 1];
		if (m == 0xFF) { /* fill byte */
			i++;
			continue;
		}
		if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* no length */
			i += 2;
			continue;
		}
		size_t seg = be16(d + i + 2);
		if (seg < 2)
			break;
		/* SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) */
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (i + 9 > n)
				break;
			return set(o, "jpeg", "jpg", true, be16(d + i + 7), be16(d + i + 5));
		}
		if (m == 0xDA || m == 0xD9) /* scan data or the end before any frame header */
			break;
		i += 2 + seg;
	}
	return set(o, "jpeg", "jpg", true, -1, -1);
}

static bool webp(const unsigned char *d, size_t n, lh_media_info *o)
{
	if (n >= 30 && memcmp(d + 12, "VP8 ", 4) == 0 && d[23] == 0x9D && d[24] == 0x01 && d[25] == 0x2A)
		return set(o, "webp", "webp", true, le16(d + 26) & 0x3FFF, le16(d + 28) & 0x3FFF);
	if (n >= 25 && memcmp(d + 12, "VP8L", 4) == 0 && d[20] == 0x2F) {
		uint32_t b = (uint32_t)d[21] | (uint32_t)d[22] << 8 | (uint32_t)d[23] << 16 |
		             (uint32_t)d[24] << 24;
		return set(o, "webp", "webp", true, (b & 0x3FFF) + 1, ((b >> 14) & 0x3FFF) + 1);
	}
	if (n >= 30 && memcmp(d + 12, "VP8X", 4) == 0)
		return set(o, "webp", "webp", true, (int64_t)le24(d + 24) + 1, (int64_t)le24(d + 27) + 1);
	return set(o, "webp", "webp", true, -1, -1);
}

bool lh_media_sniff(const unsigned char *d, size_t n, lh_media_info *o)
{
	static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	if (n >= 8 && memcmp(d, png_sig, 8) == 0)
		return png(d, n, o);
	if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return jpeg(d, n, o);
	if (n >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
		return webp(d, n, o);
	if (n >= 6 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0))
		return set(o, "gif", "gif", true, n >= 10 ? (int64_t)le16(d + 6) : -1,
		           n >= 10 ? (int64_t)le16(d + 8) : -1);
	if (n >= 12 && memcmp(d + 4, "ftyp", 4) == 0)
		return set(o, "mp4", "mp4", false, -1, -1);
	if (n >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WAVE", 4) == 0)
		return set(o, "wav", "wav", false, -1, -1);
	if (n >= 4 && memcmp(d, "fLaC", 4) == 0)
		return set(o, "flac", "flac", false, -1, -1);
	if (n >= 3 && (memcmp(d, "ID3", 3) == 0 || (d[0] == 0xFF && (d[1] & 0xE0) == 0xE0)))
		return set(o, "mp3", "mp3", false, -1, -1);
	return set(o, "bin", "bin", false, -1, -1);
}
