/*
 * ingest/mp4.c - fragmented MP4 box parser (design in mp4.h).
 *
 * Layer: services (ingest). Every length read from the file is checked against the
 * box that holds it; the bytes come from clips we do not control.
 */
#include "ingest/mp4.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOX_MAX ((int64_t)64 << 20) /* moov / moof read into memory */

typedef struct cur {
	const unsigned char *p;
	size_t n;
} cur;

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint64_t rd64(const unsigned char *p) { return (uint64_t)rd32(p) << 32 | rd32(p + 4); }

/* The next child box of c: its type and payload; false at the end or on a bad size. */
static bool next_box(cur *c, char type[5], cur *payload, bool *bad)
{
	if (c->n == 0)
		return false;
	if (c->n < 8) {
		*bad = true;
		return false;
	}
	uint64_t size = rd32(c->p);
	size_t hdr = 8;
	memcpy(type, c->p + 4, 4);
	type[4] = '\0';
	if (size == 1) {
		if (c->n < 16) {
			*bad = true;
			return false;
		}
		size = rd64(c->p + 8);
		hdr = 16;
	} else if (size == 0) {
		size = c->n;
	}
	if (size < hdr || size > c->n) {
		*bad = true;
		return false;
	}
	payload->p = c->p + hdr;
	payload->n = (size_t)size - hdr;
	c->p += size;
	c->n -= (size_t)size;
	return true;
}

static bool find(cur c, const char *type, cur *out)
{
	char t[5];
	cur pl;
	bool bad = false;
	while (next_box(&c, t, &pl, &bad))
		if (!strcmp(t, type)) {
			*out = pl;
			return true;
		}
	return false;
}

typedef struct trackinfo {
	uint32_t id, timescale, default_duration;
	int32_t w, h;
	bool video;
} trackinfo;

static lh_status parse_moov(cur moov, lh_mp4_index *ix, uint32_t *default_duration, lh_err *err)
{
	char t[5];
	cur pl, mvex;
	bool bad = false, found = false;
	cur c = moov;
	while (next_box(&c, t, &pl, &bad)) {
		if (strcmp(t, "trak"))
			continue;
		cur tkhd, mdia, hdlr, mdhd;
		if (!find(pl, "tkhd", &tkhd) || !find(pl, "mdia", &mdia) || !find(mdia, "hdlr", &hdlr) ||
		    !find(mdia, "mdhd", &mdhd) || hdlr.n < 12 || tkhd.n < 24 || mdhd.n < 24)
			return lh_err_set(err, LH_ERR_CORRUPT, "a trak box lacks tkhd, mdia, hdlr or mdhd");
		if (memcmp(hdlr.p + 8, "vide", 4) != 0 || found)
			continue;
		int v = tkhd.p[0];
		ix->track_id = rd32(tkhd.p + (v == 1 ? 20 : 12));
		if (tkhd.n >= (size_t)(v == 1 ? 96 : 84)) {
			size_t off = v == 1 ? 88 : 76;
			ix->width = (int32_t)(rd32(tkhd.p + off) >> 16);
			ix->height = (int32_t)(rd32(tkhd.p + off + 4) >> 16);
		}
		ix->timescale = rd32(mdhd.p + (mdhd.p[0] == 1 ? 20 : 12));
		found = true;
	}
	if (bad)
		return lh_err_set(err, LH_ERR_CORRUPT, "a box inside moov overruns its parent");
	if (!found || ix->timescale == 0)
		return lh_err_set(err, LH_ERR_CORRUPT, "the clip has no video track");
	if (!find(moov, "mvex", &mvex))
		return lh_err_set(err, LH_ERR_CORRUPT, "moov has no mvex box: the MP4 is not fragmented");
	c = mvex;
	while (next_box(&c, t, &pl, &bad))
		if (!strcmp(t, "trex") && pl.n >= 24 && rd32(pl.p + 4) == ix->track_id)
			*default_duration = rd32(pl.p + 12);
	return LH_OK;
}

static lh_status parse_moof(cur moof, lh_mp4_index *ix, uint32_t trex_duration,
                            lh_mp4_fragment *f, lh_err *err)
{
	char t[5];
	cur traf;
	bool bad = false;
	cur c = moof;
	int64_t count = 0;
	uint64_t base = 0, dur = 0;
	bool have = false;
	while (next_box(&c, t, &traf, &bad)) {
		if (strcmp(t, "traf"))
			continue;
		cur tfhd, tfdt, trun;
		if (!find(traf, "tfhd", &tfhd) || tfhd.n < 8)
			return lh_err_set(err, LH_ERR_CORRUPT, "a traf box has no tfhd");
		if (rd32(tfhd.p + 4) != ix->track_id)
			continue;
		uint32_t flags = rd32(tfhd.p) & 0xFFFFFF;
		size_t off = 8;
		uint32_t def = trex_duration;
		if (flags & 0x01)
			off += 8;
		if (flags & 0x02)
			off += 4;
		if ((flags & 0x08) && tfhd.n >= off + 4)
			def = rd32(tfhd.p + off);
		if (find(traf, "tfdt", &tfdt) && tfdt.n >= 8)
			base = tfdt.p[0] == 1 && tfdt.n >= 12 ? rd64(tfdt.p + 4) : rd32(tfdt.p + 4);
		cur tc = traf;
		cur pl;
		while (next_box(&tc, t, &pl, &bad)) {
			if (strcmp(t, "trun"))
				continue;
			trun = pl;
			if (trun.n < 8)
				return lh_err_set(err, LH_ERR_CORRUPT, "a trun box is cut short");
			uint32_t tf = rd32(trun.p) & 0xFFFFFF, n = rd32(trun.p + 4);
			size_t o = 8 + ((tf & 0x01) ? 4 : 0) + ((tf & 0x04) ? 4 : 0);
			size_t per = (size_t)(((tf & 0x100) != 0) + ((tf & 0x200) != 0) + ((tf & 0x400) != 0) +
			                      ((tf & 0x800) != 0)) * 4;
			if (o + (size_t)n * per > trun.n)
				return lh_err_set(err, LH_ERR_CORRUPT, "a trun box lists more samples than it holds");
			for (uint32_t i = 0; i < n; i++)
				dur += (tf & 0x100) ? rd32(trun.p + o + i * per) : def;
			count += n;
		}
		have = true;
	}
	if (bad)
		return lh_err_set(err, LH_ERR_CORRUPT, "a box inside moof overruns its parent");
	if (!have || count == 0)
		return lh_err_set(err, LH_ERR_CORRUPT, "a moof has no samples of the video track");
	f->start_frame = ix->frames + 1;
	f->end_frame = ix->frames + count;
	f->start_time = (double)base / ix->timescale;
	f->end_time = (double)(base + dur) / ix->timescale;
	ix->frames += count;
	return LH_OK;
}

void lh_mp4_index_free(lh_mp4_index *ix)
{
	LH_VEC_FREE(&ix->fragments);
	memset(ix, 0, sizeof *ix);
}

lh_status lh_mp4_index_file(const char *path, lh_mp4_index *ix, lh_err *err)
{
	memset(ix, 0, sizeof *ix);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return lh_err_set(err, LH_ERR_IO, "cannot open '%s'", path);
	fseeko(fp, 0, SEEK_END);
	ix->file_size = ftello(fp);
	lh_status s = LH_OK;
	int64_t off = 0;
	uint32_t trex_duration = 0;
	bool have_moov = false, first = true;
	unsigned char *box = NULL;
	while (s == LH_OK && off < ix->file_size) {
		unsigned char h[16];
		if (fseeko(fp, off, SEEK_SET) != 0 || fread(h, 1, 8, fp) != 8) {
			s = lh_err_set(err, LH_ERR_CORRUPT, "'%s' ends inside a box header at byte %lld", path,
			               (long long)off);
			break;
		}
		int64_t size = rd32(h), hdr = 8;
		char type[5] = {(char)h[4], (char)h[5], (char)h[6], (char)h[7], 0};
		if (size == 1) {
			if (fread(h + 8, 1, 8, fp) != 8) {
				s = lh_err_set(err, LH_ERR_CORRUPT, "'%s': a box header is cut short", path);
				break;
			}
			size = (int64_t)rd64(h + 8);
			hdr = 16;
		} else if (size == 0) {
			size = ix->file_size - off;
		}
		if (first && strcmp(type, "ftyp") != 0) {
			s = lh_err_set(err, LH_ERR_CORRUPT, "'%s' is not an MP4 file (it does not start with ftyp)", path);
			break;
		}
		first = false;
		if (size < hdr || off + size > ix->file_size) {
			s = lh_err_set(err, LH_ERR_CORRUPT, "'%s': box '%s' at byte %lld overruns the file", path,
			               type, (long long)off);
			break;
		}
		if (!strcmp(type, "moov") || !strcmp(type, "moof")) {
			if (size > BOX_MAX) {
				s = lh_err_set(err, LH_ERR_TOO_BIG, "'%s': box '%s' is over %lld bytes", path, type,
				               (long long)BOX_MAX);
				break;
			}
			free(box);
			box = malloc((size_t)(size - hdr) + 1);
			if (!box || fseeko(fp, off + hdr, SEEK_SET) != 0 ||
			    fread(box, 1, (size_t)(size - hdr), fp) != (size_t)(size - hdr)) {
				s = lh_err_set(err, LH_ERR_IO, "cannot read box '%s' of '%s'", type, path);
				break;
			}
			cur c = {box, (size_t)(size - hdr)};
			if (type[3] == 'v') {
				s = parse_moov(c, ix, &trex_duration, err);
				ix->init_length = off + size;
				have_moov = true;
			} else if (!have_moov) {
				s = lh_err_set(err, LH_ERR_CORRUPT, "'%s': a moof comes before moov", path);
			} else {
				lh_mp4_fragment f = {.byte_offset = off};
				s = parse_moof(c, ix, trex_duration, &f, err);
				if (s == LH_OK && ix->fragments.len) {
					lh_mp4_fragment *prev = &ix->fragments.items[ix->fragments.len - 1];
					prev->byte_length = off - prev->byte_offset;
				}
				if (s == LH_OK && LH_VEC_PUSH(&ix->fragments, f) != LH_OK)
					s = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			}
		} else if (!strcmp(type, "mfra") && ix->fragments.len) {
			lh_mp4_fragment *prev = &ix->fragments.items[ix->fragments.len - 1];
			prev->byte_length = off - prev->byte_offset;
		}
		off += size;
	}
	if (s == LH_OK && ix->fragments.len) {
		lh_mp4_fragment *last = &ix->fragments.items[ix->fragments.len - 1];
		if (last->byte_length == 0)
			last->byte_length = ix->file_size - last->byte_offset;
		ix->duration = last->end_time;
	}
	if (s == LH_OK && !have_moov)
		s = lh_err_set(err, LH_ERR_CORRUPT, "'%s' has no moov box", path);
	if (s == LH_OK && ix->fragments.len == 0)
		s = lh_err_set(err, LH_ERR_CORRUPT, "'%s' has no fragments (moof boxes)", path);
	if (s != LH_OK && !strstr(lh_err_msg(err), path))
		lh_err_prefix(err, "'%s': ", path);
	free(box);
	fclose(fp);
	if (s != LH_OK)
		lh_mp4_index_free(ix);
	return s;
}
