/*
 * ingest/media.h - what a media blob is, read from its first bytes.
 *
 * Layer: services (ingest). Only headers are read, nothing is decoded: PNG (IHDR),
 * JPEG (the first SOFn marker), WebP (VP8, VP8L, VP8X) and GIF (the logical screen).
 * Pure functions: no I/O, no allocation.
 */
#ifndef LH_INGEST_MEDIA_H
#define LH_INGEST_MEDIA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct lh_media_info {
	const char *format; /* "png", "jpeg", "webp", "gif", "mp4", "wav", "flac", "mp3" or "bin" */
	const char *ext;    /* file extension for the object name */
	bool image;         /* one of the image formats */
	int32_t width;      /* images: pixels; -1 when the header does not say */
	int32_t height;
} lh_media_info;

/* Identifies the blob. Returns false for an image whose header is cut short or
 * inconsistent (a corrupt image); unknown bytes are format "bin" and return true. */
bool lh_media_sniff(const unsigned char *data, size_t len, lh_media_info *out);

#endif
