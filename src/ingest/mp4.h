/*
 * ingest/mp4.h - the fragment index of a fragmented MP4, read from its boxes.
 *
 * Layer: services (ingest). Our own parser (ISO/IEC 14496-12); libavformat only writes
 * the file (video.c). Design, and the invariants video fetch relies on:
 *   - the file is ftyp, moov (with mvex: fragmented), then (moof, mdat...) pairs, maybe
 *     an mfra at the end. init_length = the end of moov: bytes [0, init_length) are the
 *     init segment every fragment needs.
 *   - fragment i spans from its moof to the next moof (or mfra, or the end): the moof
 *     and its media data. Its tfhd uses default-base-is-moof (or an explicit base
 *     offset equal to the moof's), so init + fragment alone is a playable file.
 *   - frames are the video track's samples, counted from 1 as MOT/VisDrone do;
 *     start_time = tfdt / timescale, end_time adds the samples' durations (trun, else
 *     tfhd, else trex defaults).
 * Only top-level boxes are walked on disk; moov and moofs are read whole (capped).
 */
#ifndef LH_INGEST_MP4_H
#define LH_INGEST_MP4_H

#include "util/buf.h"
#include "util/err.h"

#include <stdint.h>

typedef struct lh_mp4_fragment {
	int64_t byte_offset, byte_length;
	int64_t start_frame, end_frame; /* inclusive, from 1 */
	double start_time, end_time;    /* seconds */
} lh_mp4_fragment;

typedef struct lh_mp4_index {
	int64_t file_size;
	int64_t init_length;
	uint32_t track_id;
	uint32_t timescale;
	int32_t width, height; /* from tkhd */
	int64_t frames;
	double duration;
	LH_VEC(lh_mp4_fragment) fragments;
} lh_mp4_index;

/* Indexes a fragmented MP4 file. A file that is not MP4, not fragmented, has no
 * video track or whose boxes overrun the file is LH_ERR_CORRUPT naming the box. */
lh_status lh_mp4_index_file(const char *path, lh_mp4_index *out, lh_err *err);
void lh_mp4_index_free(lh_mp4_index *ix);

#endif
