/*
 * ingest/video.c - video clips as fragmented MP4 objects with a fragment index table.
 *
 * Layer: services (ingest). libavformat remuxes (never re-encodes) a clip's video
 * stream into fragmented MP4, cutting a fragment at the first key frame after every
 * fragment_seconds (movflags frag_custom + empty_moov + default_base_moof, so each
 * fragment is self-contained after the init segment). The index is then read back from
 * the file's boxes by our own parser (mp4.c, which documents the layout), so the table
 * describes the bytes actually stored; every frame is then decoded once, so a clip
 * damaged inside is refused. Order, so a failure changes nothing: remux, index and
 * decode-check every clip, check every annotation file, store the objects (content-addressed;
 * new ones are removed again on failure), then one transaction writes the three tables.
 */
#include "ingest/av.h"
#include "ingest/mp4.h"
#include "events/outbox.h"
#include "lake/services.h"
#include "util/crypto.h"
#include "util/fsutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static lh_status av_fail(lh_err *err, int rc, const char *what, const char *path)
{
	char msg[AV_ERROR_MAX_STRING_SIZE] = "";
	lh_av.av_strerror(rc, msg, sizeof msg);
	return lh_err_set(err, LH_ERR_CORRUPT, "%s '%s': %s", what, path, msg);
}

/* Remuxes the best video stream of `in` into fragmented MP4 at `out`. */
static lh_status remux(const char *in, const char *out, double frag_s, lh_err *err)
{
	AVFormatContext *ic = NULL, *oc = NULL;
	AVPacket *pkt = lh_av.av_packet_alloc();
	lh_status s = LH_OK;
	int rc, vi = -1;
	if (!pkt)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_av.av_log_set_level(AV_LOG_QUIET);
	if ((rc = lh_av.avformat_open_input(&ic, in, NULL, NULL)) < 0) {
		s = av_fail(err, rc, "cannot read the video clip", in);
		goto done;
	}
	if ((rc = lh_av.avformat_find_stream_info(ic, NULL)) < 0) {
		s = av_fail(err, rc, "cannot read the streams of video clip", in);
		goto done;
	}
	vi = lh_av.av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
	if (vi < 0) {
		s = lh_err_set(err, LH_ERR_CORRUPT, "'%s' has no video stream", in);
		goto done;
	}
	if ((rc = lh_av.avformat_alloc_output_context2(&oc, NULL, "mp4", out)) < 0) {
		s = av_fail(err, rc, "cannot make an MP4 writer for", out);
		goto done;
	}
	AVStream *ist = ic->streams[vi], *ost = lh_av.avformat_new_stream(oc, NULL);
	if (!ost || lh_av.avcodec_parameters_copy(ost->codecpar, ist->codecpar) < 0) {
		s = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		goto done;
	}
	ost->codecpar->codec_tag = 0;
	ost->time_base = ist->time_base;
	if ((rc = lh_av.avio_open(&oc->pb, out, AVIO_FLAG_WRITE)) < 0) {
		s = av_fail(err, rc, "cannot write", out);
		goto done;
	}
	AVDictionary *o = NULL;
	lh_av.av_dict_set(&o, "movflags", "frag_custom+empty_moov+default_base_moof", 0);
	rc = lh_av.avformat_write_header(oc, &o);
	lh_av.av_dict_free(&o);
	if (rc < 0) {
		s = av_fail(err, rc, "cannot remux (codec not allowed in MP4?)", in);
		goto done;
	}
	int64_t frag_start = AV_NOPTS_VALUE, written = 0, packets = 0;
	int64_t in_size = ic->pb ? lh_av.avio_size(ic->pb) : -1;
	while ((rc = lh_av.av_read_frame(ic, pkt)) >= 0) {
		if (pkt->stream_index != vi) {
			lh_av.av_packet_unref(pkt);
			continue;
		}
		/* a clip cut short (an index at the front that promises more than the file
		 * holds): a frame past the end would be indexed but could not be decoded */
		if ((pkt->flags & AV_PKT_FLAG_CORRUPT) ||
		    (pkt->pos >= 0 && in_size > 0 && pkt->pos + pkt->size > in_size)) {
			s = lh_err_set(err, LH_ERR_CORRUPT,
			               "video clip '%s' is truncated: frame %lld runs past the end of the "
			               "file (%lld bytes); re-download or re-encode the clip",
			               in, (long long)packets + 1, (long long)in_size);
			lh_av.av_packet_unref(pkt);
			goto done;
		}
		lh_av.av_packet_rescale_ts(pkt, ist->time_base, ost->time_base);
		int64_t ts = pkt->dts != AV_NOPTS_VALUE ? pkt->dts : pkt->pts;
		if (frag_start == AV_NOPTS_VALUE)
			frag_start = ts;
		if ((pkt->flags & AV_PKT_FLAG_KEY) && written > 0 &&
		    (double)(ts - frag_start) * av_q2d(ost->time_base) >= frag_s - 1e-6) {
			if ((rc = lh_av.av_write_frame(oc, NULL)) < 0) /* cut a fragment here */
				break;
			frag_start = ts;
			written = 0;
		}
		pkt->stream_index = 0;
		pkt->pos = -1;
		rc = lh_av.av_write_frame(oc, pkt);
		lh_av.av_packet_unref(pkt);
		if (rc < 0)
			break;
		written++;
		packets++;
	}
	if (rc < 0 && rc != AVERROR_EOF) {
		s = av_fail(err, rc, "cannot remux the video clip (corrupt?)", in);
		goto done;
	}
	if (packets == 0) {
		s = lh_err_set(err, LH_ERR_CORRUPT, "'%s' has no video frames", in);
		goto done;
	}
	if (ist->nb_frames > 0 && packets < ist->nb_frames) {
		s = lh_err_set(err, LH_ERR_CORRUPT,
		               "video clip '%s' is truncated: its index lists %lld frames but the file "
		               "holds %lld; re-download or re-encode the clip",
		               in, (long long)ist->nb_frames, (long long)packets);
		goto done;
	}
	if ((rc = lh_av.av_write_trailer(oc)) < 0)
		s = av_fail(err, rc, "cannot finish", out);
done:
	if (oc && oc->pb)
		lh_av.avio_closep(&oc->pb);
	lh_av.avformat_free_context(oc);
	lh_av.avformat_close_input(&ic);
	lh_av.av_packet_free(&pkt);
	if (s != LH_OK)
		unlink(out);
	return s;
}

/* The fragment holding frame `frame` (from 1), for messages. */
static size_t fragment_of(const lh_mp4_index *ix, int64_t frame)
{
	for (size_t k = 0; k < ix->fragments.len; k++)
		if (frame <= ix->fragments.items[k].end_frame)
			return k;
	return ix->fragments.len ? ix->fragments.len - 1 : 0;
}

/* Decodes every frame of the staged fragmented MP4, with the decoder told to fail on
 * any bitstream error, and checks that as many frames decode as the index lists: a clip
 * whose bytes are all there but damaged inside is refused, naming the first frame and
 * fragment that does not decode, before anything is stored. */
static lh_status decode_check(const char *fmp4, const lh_mp4_index *ix, const char *src,
                              lh_err *err)
{
	AVFormatContext *ic = NULL;
	AVCodecContext *dc = NULL;
	AVPacket *pkt = lh_av.av_packet_alloc();
	AVFrame *frame = lh_av.av_frame_alloc();
	lh_status s = LH_OK;
	int rc;
	int64_t decoded = 0;
	if (!pkt || !frame) {
		s = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = lh_av.avformat_open_input(&ic, fmp4, NULL, NULL)) < 0 ||
	    (rc = lh_av.avformat_find_stream_info(ic, NULL)) < 0) {
		s = av_fail(err, rc, "cannot read back the remuxed clip of", src);
		goto done;
	}
	int vi = lh_av.av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
	const AVCodec *codec = vi >= 0 ? lh_av.avcodec_find_decoder(ic->streams[vi]->codecpar->codec_id) : NULL;
	if (!codec) {
		s = lh_err_set(err, LH_ERR_UNSUPPORTED,
		               "video clip '%s': no decoder for its codec in this build, so its frames "
		               "cannot be checked; re-encode it (H.264, say)",
		               src);
		goto done;
	}
	if (!(dc = lh_av.avcodec_alloc_context3(codec)) ||
	    lh_av.avcodec_parameters_to_context(dc, ic->streams[vi]->codecpar) < 0) {
		s = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		goto done;
	}
	dc->err_recognition = AV_EF_EXPLODE | AV_EF_BITSTREAM | AV_EF_BUFFER | AV_EF_CRCCHECK;
	if ((rc = lh_av.avcodec_open2(dc, codec, NULL)) < 0) {
		s = av_fail(err, rc, "cannot start a decoder for video clip", src);
		goto done;
	}
	bool flushing = false;
	while (s == LH_OK) {
		if (!flushing) {
			rc = lh_av.av_read_frame(ic, pkt);
			if (rc == AVERROR_EOF) {
				flushing = true;
				rc = lh_av.avcodec_send_packet(dc, NULL);
			} else if (rc >= 0) {
				rc = pkt->stream_index == vi ? lh_av.avcodec_send_packet(dc, pkt) : 0;
				lh_av.av_packet_unref(pkt);
			}
		} else {
			rc = 0;
		}
		/* frames ready now (all of them once flushing) */
		while (rc >= 0 && (rc = lh_av.avcodec_receive_frame(dc, frame)) >= 0) {
			if (frame->decode_error_flags || (frame->flags & AV_FRAME_FLAG_CORRUPT))
				rc = AVERROR_INVALIDDATA;
			else
				decoded++;
			lh_av.av_frame_unref(frame);
		}
		if (rc == AVERROR_EOF || (rc == AVERROR(EAGAIN) && !flushing))
			rc = 0;
		if (rc < 0) {
			char why[AV_ERROR_MAX_STRING_SIZE] = "";
			lh_av.av_strerror(rc, why, sizeof why);
			s = lh_err_set(err, LH_ERR_CORRUPT,
			               "video clip '%s' is damaged: frame %lld (fragment %zu) does not "
			               "decode (%s); re-download or re-encode the clip",
			               src, (long long)decoded + 1, fragment_of(ix, decoded + 1), why);
		} else if (flushing) {
			break;
		}
	}
	if (s == LH_OK && decoded != ix->frames)
		s = lh_err_set(err, LH_ERR_CORRUPT,
		               "video clip '%s' is damaged: %lld of its %lld frames decode (fragment %zu "
		               "is the first short one); re-download or re-encode the clip",
		               src, (long long)decoded, (long long)ix->frames,
		               fragment_of(ix, decoded + 1));
done:
	lh_av.avcodec_free_context(&dc);
	lh_av.avformat_close_input(&ic);
	lh_av.av_frame_free(&frame);
	lh_av.av_packet_free(&pkt);
	return s;
}

typedef struct clip {
	const char *src;
	const char *ann;
	char *fmp4;  /* staged */
	char *uri;   /* the object: data path + key */
	char *key;   /* what tables hold: relative to the data path (lh_lake_asset_uri) */
	char sha[65];
	lh_mp4_index ix;
	bool skip;   /* already in the table */
	int64_t boxes;
} clip;

typedef struct ingest {
	lh_lake *lake;
	lh_err *err;
	lh_store *store;
	const lh_video_ingest_options *o;
	char *schema, *table;
	char *staging;
	LH_VEC(clip) clips;
	lh_str_vec stored; /* objects this run created, removed on failure */
} ingest;

static lh_status nomem(ingest *g)
{
	return lh_err_set(g->err, LH_ERR_NOMEM, "out of memory");
}

static void tname(lh_buf *b, const ingest *g, const char *suffix)
{
	lh_buf_sql_ident(b, g->schema);
	lh_buf_putc(b, '.');
	char *n = lh_asprintf("%s%s", g->table, suffix);
	lh_buf_sql_ident(b, n ? n : "");
	free(n);
}

static void ann_reader(lh_buf *b, const clip *c)
{
	lh_buf_puts(b, "SELECT ");
	lh_buf_sql_str(b, c->key);
	lh_buf_puts(b, " AS clip_uri, * FROM read_csv(");
	lh_buf_sql_str(b, c->ann);
	lh_buf_puts(b, ", header = false, auto_detect = false, delim = ',', columns = {'frame': 'BIGINT', "
	               "'track_id': 'BIGINT', 'bb_left': 'DOUBLE', 'bb_top': 'DOUBLE', 'bb_width': 'DOUBLE', "
	               "'bb_height': 'DOUBLE', 'score': 'DOUBLE', 'class': 'INTEGER', 'truncation': "
	               "'INTEGER', 'occlusion': 'INTEGER'})");
}

static lh_status one_row(ingest *g, const char *sql, int64_t out[3])
{
	lh_result *r = NULL;
	size_t n;
	lh_status s = lh_lake_query(g->lake, sql, &r);
	if (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n)
		for (size_t k = 0; k < 3 && k < lh_result_column_count(r); k++)
			out[k] = lh_result_text(r, k, 0) ? lh_result_int64(r, k, 0) : -1;
	lh_result_destroy(&r);
	return s;
}

static lh_status check_annotations(ingest *g, clip *c)
{
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT count(*), min(frame), max(frame) FROM (");
	ann_reader(&q, c);
	lh_buf_puts(&q, ")");
	int64_t v[3] = {0, -1, -1};
	lh_status s = one_row(g, lh_buf_str(&q), v);
	lh_buf_free(&q);
	if (s != LH_OK)
		return lh_err_set(g->err, LH_ERR_CORRUPT,
		                  "cannot read annotations '%s' as MOT/VisDrone lines "
		                  "(frame,id,left,top,width,height,score,class,truncation,occlusion): %s",
		                  c->ann, lh_lake_error(g->lake));
	c->boxes = v[0];
	if (v[0] > 0 && (v[1] < 1 || v[2] > c->ix.frames))
		return lh_err_set(g->err, LH_ERR_INVALID,
		                  "annotations '%s' refer to frame %lld, but clip '%s' has frames 1 to %lld: "
		                  "wrong annotation file for this clip?",
		                  c->ann, (long long)(v[1] < 1 ? v[1] : v[2]), c->src, (long long)c->ix.frames);
	return LH_OK;
}

static lh_status prepare(ingest *g, clip *c, size_t i)
{
	lh_status s;
	if (g->o->progress)
		g->o->progress(g->o->progress_ctx, "remux", c->src, (int64_t)i, (int64_t)g->o->nclips);
	c->fmp4 = lh_asprintf("%s/clip-%zu.mp4", g->staging, i);
	if (!c->fmp4)
		return nomem(g);
	s = remux(c->src, c->fmp4, g->o->fragment_seconds > 0 ? g->o->fragment_seconds : 2.0, g->err);
	if (s == LH_OK)
		s = lh_mp4_index_file(c->fmp4, &c->ix, g->err);
	if (s == LH_OK)
		s = decode_check(c->fmp4, &c->ix, c->src, g->err);
	if (s == LH_OK && lh_sha256_file_hex(c->fmp4, c->sha) != LH_OK)
		s = lh_err_set(g->err, LH_ERR_IO, "cannot read '%s'", c->fmp4);
	if (s == LH_OK && (!(c->key = lh_asprintf("assets/video/%s.mp4", c->sha)) ||
	                   !(c->uri = lh_asprintf("%s%s", lh_lake_data_path(g->lake), c->key))))
		s = nomem(g);
	if (s == LH_OK && c->ann)
		s = check_annotations(g, c);
	return s;
}

static lh_status already_there(ingest *g)
{
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT DISTINCT clip_uri FROM ");
	tname(&q, g, "");
	lh_result *r = NULL;
	size_t n;
	if (lh_lake_query(g->lake, lh_buf_str(&q), &r) == LH_OK)
		while (lh_result_next_batch(r, &n) == LH_OK && n)
			for (size_t i = 0; i < n; i++)
				for (size_t k = 0; k < g->clips.len; k++)
					/* stored relative, or absolute by earlier versions */
					if (!strcmp(g->clips.items[k].key, lh_result_text(r, 0, i)) ||
					    !strcmp(g->clips.items[k].uri, lh_result_text(r, 0, i)))
						g->clips.items[k].skip = true;
	lh_err_clear(g->err);
	lh_result_destroy(&r);
	lh_buf_free(&q);
	/* the same clip twice in one call */
	for (size_t a = 0; a < g->clips.len; a++)
		for (size_t b = 0; b < a; b++)
			if (!strcmp(g->clips.items[a].uri, g->clips.items[b].uri))
				g->clips.items[a].skip = true;
	return LH_OK;
}

static lh_status write_rows(ingest *g, const char *path, bool fragments)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return lh_err_set(g->err, LH_ERR_IO, "cannot write '%s'", path);
	lh_buf b;
	lh_buf_init(&b, 0);
	for (size_t i = 0; i < g->clips.len; i++) {
		clip *c = &g->clips.items[i];
		if (c->skip)
			continue;
		if (!fragments) {
			lh_buf_puts(&b, "{\"clip_uri\":");
			lh_json_quote(&b, c->key);
			lh_buf_puts(&b, ",\"source\":");
			lh_json_quote(&b, c->src);
			lh_buf_printf(&b, ",\"frames\":%lld,\"duration\":%.6f,\"width\":%d,\"height\":%d,"
			                  "\"fragments\":%zu,\"bytes\":%lld,\"init_length\":%lld}\n",
			              (long long)c->ix.frames, c->ix.duration, c->ix.width, c->ix.height,
			              c->ix.fragments.len, (long long)c->ix.file_size, (long long)c->ix.init_length);
			continue;
		}
		for (size_t k = 0; k < c->ix.fragments.len; k++) {
			lh_mp4_fragment *fr = &c->ix.fragments.items[k];
			lh_buf_puts(&b, "{\"clip_uri\":");
			lh_json_quote(&b, c->key);
			lh_buf_printf(&b, ",\"fragment_id\":%zu,\"byte_offset\":%lld,\"byte_length\":%lld,"
			                  "\"init_length\":%lld,\"start_frame\":%lld,\"end_frame\":%lld,"
			                  "\"start_time\":%.6f,\"end_time\":%.6f}\n",
			              k, (long long)fr->byte_offset, (long long)fr->byte_length,
			              (long long)c->ix.init_length, (long long)fr->start_frame,
			              (long long)fr->end_frame, fr->start_time, fr->end_time);
		}
	}
	bool ok = lh_buf_status(&b) == LH_OK && fwrite(b.data ? b.data : "", 1, b.len, f) == b.len;
	ok = fclose(f) == 0 && ok;
	lh_buf_free(&b);
	return ok ? LH_OK : lh_err_set(g->err, LH_ERR_IO, "cannot write '%s'", path);
}

static lh_status land(ingest *g, int64_t *landed)
{
	char *clips = lh_asprintf("%s/clips.jsonl", g->staging);
	char *frags = lh_asprintf("%s/fragments.jsonl", g->staging);
	if (!clips || !frags) {
		free(clips);
		free(frags);
		return nomem(g);
	}
	lh_status s = write_rows(g, clips, false);
	if (s == LH_OK)
		s = write_rows(g, frags, true);
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "BEGIN;\nCREATE SCHEMA IF NOT EXISTS ");
	lh_buf_sql_ident(&q, g->schema);
	lh_buf_puts(&q, ";\nCREATE TABLE IF NOT EXISTS ");
	tname(&q, g, "_clips");
	lh_buf_puts(&q, " (clip_uri VARCHAR, source VARCHAR, frames BIGINT, duration DOUBLE, width INTEGER, "
	                "height INTEGER, fragments INTEGER, bytes BIGINT, init_length BIGINT);\n"
	                "CREATE TABLE IF NOT EXISTS ");
	tname(&q, g, "_annotations");
	lh_buf_puts(&q, " (clip_uri VARCHAR, frame BIGINT, track_id BIGINT, bb_left DOUBLE, bb_top DOUBLE, "
	                "bb_width DOUBLE, bb_height DOUBLE, score DOUBLE, class INTEGER, truncation INTEGER, "
	                "occlusion INTEGER);\nCREATE TABLE IF NOT EXISTS ");
	tname(&q, g, "");
	lh_buf_puts(&q, " (clip_uri VARCHAR, fragment_id INTEGER, byte_offset BIGINT, byte_length BIGINT, "
	                "init_length BIGINT, start_frame BIGINT, end_frame BIGINT, start_time DOUBLE, "
	                "end_time DOUBLE, n_objects BIGINT, n_tracks BIGINT, classes INTEGER[]);\n"
	                "INSERT INTO ");
	tname(&q, g, "_clips");
	lh_buf_puts(&q, " SELECT * FROM read_json(");
	lh_buf_sql_str(&q, clips);
	lh_buf_puts(&q, ", columns = {'clip_uri': 'VARCHAR', 'source': 'VARCHAR', 'frames': 'BIGINT', "
	                "'duration': 'DOUBLE', 'width': 'INTEGER', 'height': 'INTEGER', 'fragments': "
	                "'INTEGER', 'bytes': 'BIGINT', 'init_length': 'BIGINT'});\n");
	/* every landing clip's boxes, as one relation */
	lh_buf ann;
	lh_buf_init(&ann, 0);
	for (size_t i = 0; i < g->clips.len; i++) {
		clip *c = &g->clips.items[i];
		if (c->skip || !c->ann)
			continue;
		if (ann.len)
			lh_buf_puts(&ann, " UNION ALL ");
		ann_reader(&ann, c);
	}
	if (!ann.len)
		lh_buf_puts(&ann, "SELECT NULL::VARCHAR AS clip_uri, NULL::BIGINT AS frame, NULL::BIGINT AS "
		                  "track_id, NULL::INTEGER AS class WHERE false");
	else {
		lh_buf_puts(&q, "INSERT INTO ");
		tname(&q, g, "_annotations");
		lh_buf_printf(&q, " %s;\n", lh_buf_str(&ann));
	}
	lh_buf_puts(&q, "INSERT INTO ");
	tname(&q, g, "");
	lh_buf_puts(&q, " SELECT f.*, count(a.frame) AS n_objects, count(DISTINCT a.track_id) AS n_tracks, "
	                "list_sort(list_distinct(list(a.class))) AS classes FROM read_json(");
	lh_buf_sql_str(&q, frags);
	lh_buf_printf(&q, ", columns = {'clip_uri': 'VARCHAR', 'fragment_id': 'INTEGER', 'byte_offset': "
	                  "'BIGINT', 'byte_length': 'BIGINT', 'init_length': 'BIGINT', 'start_frame': "
	                  "'BIGINT', 'end_frame': 'BIGINT', 'start_time': 'DOUBLE', 'end_time': 'DOUBLE'}) f "
	                  "LEFT JOIN (%s) a ON a.clip_uri = f.clip_uri AND a.frame BETWEEN f.start_frame AND "
	                  "f.end_frame GROUP BY ALL ORDER BY f.clip_uri, f.fragment_id",
	              lh_buf_str(&ann));
	lh_buf_free(&ann);
	if (s == LH_OK) {
		/* the rows and the event lakehouse.ingest.completed: one snapshot */
		s = lh_buf_status(&q) == LH_OK ? lh_lake_exec(g->lake, lh_buf_str(&q), NULL, NULL)
		                               : nomem(g);
		if (s == LH_OK)
			s = lh_outbox_ingest_completed(g->lake, g->schema, g->table, "video ingest", NULL);
		if (s == LH_OK)
			s = lh_lake_exec(g->lake, "COMMIT", NULL, NULL);
		if (s != LH_OK) {
			char *msg = lh_strdup(lh_lake_error(g->lake));
			lh_lake_exec(g->lake, "ROLLBACK", NULL, NULL);
			lh_err_set(g->err, s, "cannot write the video tables: %s", msg ? msg : "");
			free(msg);
		}
	}
	if (s == LH_OK)
		*landed = lh_lake_snapshot_id(g->lake);
	lh_buf_free(&q);
	free(clips);
	free(frags);
	return s;
}

static lh_status lh_video_ingest_run(lh_lake *lake, const lh_video_ingest_options *o, lh_video_ingest_report *rep)
{
	memset(rep, 0, sizeof *rep);
	ingest g = {.lake = lake, .err = lh_lake_err(lake), .store = lh_lake_store(lake), .o = o};
	lh_err_clear(g.err);
	if (!o || o->nclips == 0)
		return lh_err_set(g.err, LH_ERR_INVALID, "video ingest needs at least one clip");
	if (o->fragment_seconds < 0 || o->fragment_seconds > 3600)
		return lh_err_set(g.err, LH_ERR_INVALID, "--fragment-seconds must be between 0 and 3600");
	if (lh_av_load(g.err) != LH_OK)
		return g.err->code;
	const char *into = o->into ? o->into : "video.fragments";
	const char *dot = strchr(into, '.');
	if (!dot || dot == into || !dot[1] || strchr(dot + 1, '.'))
		return lh_err_set(g.err, LH_ERR_INVALID, "--into '%s' must be schema.table", into);
	g.schema = lh_strndup(into, (size_t)(dot - into));
	g.table = lh_strdup(dot + 1);
	lh_status s = g.schema && g.table ? g.store->ops->staging_dir(g.store, &g.staging, g.err) : nomem(&g);
	for (size_t i = 0; s == LH_OK && i < o->nclips; i++) {
		clip c = {.src = o->clips[i], .ann = o->annotations ? o->annotations[i] : NULL};
		if (LH_VEC_PUSH(&g.clips, c) != LH_OK)
			s = nomem(&g);
		else
			s = prepare(&g, &g.clips.items[g.clips.len - 1], i);
	}
	if (s == LH_OK)
		s = already_there(&g);
	for (size_t i = 0; s == LH_OK && i < g.clips.len; i++) {
		clip *c = &g.clips.items[i];
		if (c->skip)
			continue;
		bool stored = false;
		int64_t size = c->ix.file_size;
		s = lh_store_put_once(g.store, c->fmp4, c->uri, &stored, g.err);
		if (s == LH_OK && stored) {
			char *u = lh_strdup(c->uri);
			if (!u || LH_VEC_PUSH(&g.stored, u) != LH_OK) {
				free(u);
				s = nomem(&g);
			}
		}
		rep->clips++;
		rep->fragments += (int64_t)c->ix.fragments.len;
		rep->frames += c->ix.frames;
		rep->boxes += c->boxes;
		rep->bytes += size;
	}
	if (s == LH_OK && rep->clips)
		s = land(&g, &rep->snapshot);
	if (s != LH_OK) { /* objects only this failed run referenced */
		lh_store_discard(g.store, g.stored.items, g.stored.len);
		memset(rep, 0, sizeof *rep);
	}
	for (size_t i = 0; i < g.clips.len; i++) {
		clip *c = &g.clips.items[i];
		if (c->fmp4)
			unlink(c->fmp4);
		free(c->fmp4);
		free(c->uri);
		free(c->key);
		lh_mp4_index_free(&c->ix);
	}
	LH_VEC_FREE(&g.clips);
	lh_str_vec_free(&g.stored);
	lh_store_staging_done(g.staging);
	free(g.staging);
	free(g.schema);
	free(g.table);
	return s;
}

/* --- fetch ------------------------------------------------------------------------------ */

/* The lake's fragment indexes (tables with the index's columns), as one SQL source: a
 * UNION ALL of their index columns, or NULL in *out when there are none. */
static lh_status index_tables(lh_lake *lake, char **out)
{
	*out = NULL;
	lh_result *r = NULL;
	size_t n = 0;
	lh_status s = lh_lake_query(
	    lake,
	    "SELECT table_schema, table_name FROM information_schema.columns WHERE table_catalog = "
	    "'lake' AND column_name IN ('clip_uri', 'fragment_id', 'byte_offset', 'byte_length', "
	    "'init_length', 'start_frame', 'end_frame', 'start_time', 'end_time') GROUP BY ALL "
	    "HAVING count(*) = 9 ORDER BY ALL",
	    &r);
	lh_buf b;
	lh_buf_init(&b, 0);
	size_t tables = 0;
	while (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n)
		for (size_t i = 0; i < n; i++, tables++) {
			lh_buf_puts(&b, tables ? " UNION ALL SELECT * FROM (SELECT " : "(SELECT * FROM (SELECT ");
			lh_buf_puts(&b, "clip_uri, fragment_id, byte_offset, byte_length, init_length, "
			                "start_frame, end_frame, start_time, end_time FROM ");
			lh_buf_sql_ident(&b, lh_result_text(r, 0, i));
			lh_buf_putc(&b, '.');
			lh_buf_sql_ident(&b, lh_result_text(r, 1, i));
			lh_buf_putc(&b, ')');
		}
	lh_result_destroy(&r);
	if (s == LH_OK && tables) {
		lh_buf_puts(&b, ") __ix");
		if (!(*out = lh_buf_steal(&b)))
			s = lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	}
	lh_buf_free(&b);
	return s;
}

static lh_status lh_video_fetch_run(lh_lake *lake, const char *table, const char *uri,
                         int64_t fragment_id, const char *out_path, lh_video_fetch_report *rep)
{
	memset(rep, 0, sizeof *rep);
	lh_err *err = lh_lake_err(lake);
	lh_store *store = lh_lake_store(lake);
	lh_err_clear(err);
	const char *root = lh_lake_data_path(lake);
	/* tables hold clip URIs relative to the data path (older lakes: absolute); either
	 * form names the same object, which must lie inside the lake */
	char *clip_uri = uri ? lh_lake_asset_uri(lake, uri) : NULL;
	if (!clip_uri || !lh_str_starts_with(clip_uri, root) || strstr(clip_uri, "/../") ||
	    strstr(clip_uri, "/./")) {
		free(clip_uri);
		return lh_err_set(err, LH_ERR_INVALID,
		                  "clip URI '%s' is not an object of this lake (it must be a path "
		                  "below '%s', as the clip_uri column holds it)",
		                  uri ? uri : "", root);
	}
	/* without --table: every fragment index of the lake (a table with the index's
	 * columns), as one query; the first that has the clip answers */
	char *found = NULL;
	lh_status s = table ? LH_OK : index_tables(lake, &found);
	if (s != LH_OK) {
		free(clip_uri);
		return s;
	}
	if (!table && !found) {
		free(clip_uri);
		return lh_err_set(err, LH_ERR_NOT_FOUND,
		                  "no table of this lake is a fragment index (clip_uri, fragment_id, "
		                  "byte_offset, byte_length, init_length): run `lakehouse video ingest` "
		                  "first, or name the table with --table");
	}
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_printf(&q, "SELECT byte_offset, byte_length, init_length, start_frame, end_frame, "
	                  "start_time, end_time FROM %s WHERE clip_uri IN (",
	              table ? table : found);
	lh_buf_sql_str(&q, clip_uri);
	lh_buf_puts(&q, ", ");
	lh_buf_sql_str(&q, clip_uri + strlen(root));
	lh_buf_printf(&q, ") AND fragment_id = %lld", (long long)fragment_id);
	lh_buf_puts(&q, " LIMIT 1");
	lh_result *r = NULL;
	size_t n = 0;
	int64_t off = 0, len = 0, init = 0;
	s = lh_lake_query(lake, lh_buf_str(&q), &r);
	if (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n == 0)
		s = lh_err_set(err, LH_ERR_NOT_FOUND, "clip '%s' has no fragment %lld in %s", uri,
		               (long long)fragment_id, table ? table : "any fragment index of the lake");
	free(found);
	if (s == LH_OK) {
		off = lh_result_int64(r, 0, 0);
		len = lh_result_int64(r, 1, 0);
		init = lh_result_int64(r, 2, 0);
		rep->start_frame = lh_result_int64(r, 3, 0);
		rep->end_frame = lh_result_int64(r, 4, 0);
		rep->start_time = lh_result_double(r, 5, 0);
		rep->end_time = lh_result_double(r, 6, 0);
	}
	lh_result_destroy(&r);
	lh_buf_free(&q);
	if (s == LH_OK && (off < init || len <= 0 || init <= 0))
		s = lh_err_set(err, LH_ERR_CORRUPT, "the index row of fragment %lld of '%s' is inconsistent",
		               (long long)fragment_id, uri);
	lh_buf data;
	lh_buf_init(&data, 0);
	if (s == LH_OK)
		s = store->ops->stat(store, clip_uri, &rep->clip_bytes, err);
	/* off >= init > 0 and len > 0: compared without a sum that could overflow */
	if (s == LH_OK && (init > rep->clip_bytes || off > rep->clip_bytes ||
	                   len > rep->clip_bytes - off))
		s = lh_err_set(err, LH_ERR_CORRUPT, "fragment %lld of '%s' ends past the object (%lld bytes)",
		               (long long)fragment_id, uri, (long long)rep->clip_bytes);
	if (s == LH_OK)
		s = store->ops->read_range(store, clip_uri, 0, init, &data, err);
	if (s == LH_OK)
		s = store->ops->read_range(store, clip_uri, off, len, &data, err);
	if (s == LH_OK) {
		rep->bytes_read = (int64_t)data.len;
		s = lh_file_write_atomic(out_path, data.data, data.len, err);
	}
	lh_buf_free(&data);
	free(clip_uri);
	return s;
}

lh_status lh_video_ingest(lh_lake *lake, const lh_video_ingest_options *o, lh_video_ingest_report *rep)
{
	if (!LH_OPTIONS_SIZE_OK(o)) {
		memset(rep, 0, sizeof *rep);
		return lh_err_options_size(lh_lake_err(lake), "lh_video_ingest_options", o->struct_size, sizeof *o);
	}
	lh_render old = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_status s = lh_video_ingest_run(lake, o, rep);
	lh_lake_swap_render(lake, old);
	return s;
}

lh_status lh_video_fetch(lh_lake *lake, const char *table, const char *clip_uri,
                         int64_t fragment_id, const char *out_path, lh_video_fetch_report *rep)
{
	lh_render old = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_status s = lh_video_fetch_run(lake, table, clip_uri, fragment_id, out_path, rep);
	lh_lake_swap_render(lake, old);
	return s;
}
