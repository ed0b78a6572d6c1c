/*
 * cli/video.c - `lakehouse video ingest | fetch | materialize`.
 *
 * Front end over lh_video_ingest and lh_video_fetch (lakehouse.h). materialize runs a
 * query that picks fragments (clip_uri, fragment_id) and fetches exactly those.
 */
#include "cli.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const video_help =
    "usage: lakehouse video ingest CLIP... [--into SCHEMA.TABLE] [--annotations MOT_FILE...]\n"
    "                              [--fragment-seconds S] [--quiet]\n"
    "       lakehouse video fetch CLIP_URI FRAGMENT_ID -o OUT.mp4 [--table SCHEMA.TABLE]\n"
    "       lakehouse video materialize (-c SQL | -f FILE) -o DIR [--table SCHEMA.TABLE]\n"
    "\n"
    "ingest remuxes each clip (no re-encoding) to fragmented MP4 with fragments starting at\n"
    "key frames, at least S seconds long (default 2), stores it as\n"
    "<data>assets/video/<sha256>.mp4 and writes, in one snapshot, the fragment index TABLE\n"
    "(default video.fragments: clip_uri, fragment_id, byte_offset, byte_length, init_length,\n"
    "start_frame, end_frame, start_time, end_time, n_objects, n_tracks, classes) read from\n"
    "the MP4 boxes, TABLE_clips, and TABLE_annotations from MOT/VisDrone files (one per\n"
    "clip, in order: frame,id,left,top,width,height,score,class,truncation,occlusion;\n"
    "frames count from 1). Clips already ingested are skipped. clip_uri is stored relative\n"
    "to the data path (assets/video/<sha256>.mp4), so the lake can move; in SQL\n"
    "lakehouse_asset_uri(clip_uri) gives where it lives, and fetch takes either form.\n"
    "\n"
    "fetch writes one fragment as a standalone playable MP4, reading only the init segment\n"
    "and that fragment's bytes (ranged reads), and reports bytes read vs the clip's size.\n"
    "The fragment's byte range comes from --table, else from whichever table of the lake\n"
    "is a fragment index holding the clip.\n"
    "\n"
    "materialize runs SQL returning clip_uri and fragment_id columns (e.g. the busiest\n"
    "fragments) and fetches exactly those into DIR as <clip sha>-<fragment>.mp4.\n";

static int ingest(const opts *o)
{
	lh_video_ingest_options vo = {0};
	cli_progress_state ps = {0};
	const char **clips = calloc((size_t)o->nargs + 1, sizeof *clips);
	const char **anns = calloc((size_t)o->nargs + 1, sizeof *anns);
	size_t nclips = 0, nanns = 0;
	int rc = clips && anns ? 0 : fail("out of memory");
	bool in_ann = false;
	for (int i = 1; !rc && i < o->nargs; i++) {
		const char *a = o->args[i];
		if (!strcmp(a, "--into") || !strcmp(a, "--fragment-seconds")) {
			in_ann = false;
			if (i + 1 >= o->nargs) {
				rc = usage_error("%s needs a value", a);
				break;
			}
			const char *v = o->args[++i];
			if (a[2] == 'i') {
				vo.into = v;
			} else {
				char *end;
				vo.fragment_seconds = strtod(v, &end);
				if (*end || vo.fragment_seconds <= 0)
					rc = usage_error("%s", "--fragment-seconds needs a positive number");
			}
		} else if (!strcmp(a, "--annotations")) {
			in_ann = true;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			ps.quiet = true;
		} else if (a[0] == '-') {
			rc = usage_error("video ingest: unexpected argument '%s'", a);
		} else if (in_ann) {
			anns[nanns++] = a;
		} else {
			clips[nclips++] = a;
		}
	}
	if (!rc && nclips == 0)
		rc = usage_error("%s", "video ingest needs at least one clip");
	if (!rc && nanns && nanns != nclips) {
		fprintf(stderr, "Error: %zu clips but %zu annotation files: give one per clip, in the same order\n",
		        nclips, nanns);
		rc = EXIT_USAGE;
	}
	lh_lake *lake = NULL;
	if (!rc)
		rc = open_lake(o, &lake);
	if (!rc) {
		vo.clips = clips;
		vo.nclips = nclips;
		vo.annotations = nanns ? anns : NULL;
		vo.progress = cli_progress;
		vo.progress_ctx = &ps;
		lh_video_ingest_report rep;
		lh_status s = lh_video_ingest(lake, &vo, &rep);
		cli_progress_done(&ps);
		if (s != LH_OK)
			rc = fail(lh_lake_error(lake));
		else if (rep.clips == 0)
			printf("%s: nothing new; every clip was ingested before\n", vo.into ? vo.into : "video.fragments");
		else
			printf("%s: %lld clips, %lld fragments, %lld frames, %lld annotation boxes, %lld bytes of "
			       "fragmented MP4, in snapshot %lld\n",
			       vo.into ? vo.into : "video.fragments", (long long)rep.clips, (long long)rep.fragments,
			       (long long)rep.frames, (long long)rep.boxes, (long long)rep.bytes,
			       (long long)rep.snapshot);
	}
	lh_lake_close(&lake);
	free(clips);
	free(anns);
	return rc;
}

static int fetch_one(lh_lake *lake, const char *table, const char *uri, long long id,
                     const char *out, bool quiet, int64_t *read, int64_t *clip)
{
	lh_video_fetch_report rep;
	if (lh_video_fetch(lake, table, uri, id, out, &rep) != LH_OK)
		return fail(lh_lake_error(lake));
	if (!quiet)
		printf("%s: fragment %lld, frames %lld-%lld (%.3f-%.3f s): read %lld of %lld bytes (%.1f%%)\n",
		       out, id, (long long)rep.start_frame, (long long)rep.end_frame, rep.start_time,
		       rep.end_time, (long long)rep.bytes_read, (long long)rep.clip_bytes,
		       rep.clip_bytes ? 100.0 * (double)rep.bytes_read / (double)rep.clip_bytes : 0.0);
	*read += rep.bytes_read;
	*clip += rep.clip_bytes;
	return 0;
}

static int fetch(const opts *o)
{
	const char *uri = NULL, *id = NULL, *out = NULL, *table = NULL;
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (!strcmp(a, "-o") || !strcmp(a, "--table")) {
			if (i + 1 >= o->nargs)
				return usage_error("%s needs a value", a);
			*(a[1] == 'o' ? &out : &table) = o->args[++i];
		} else if (a[0] != '-' && !uri) {
			uri = a;
		} else if (!id) {
			id = a;
		} else {
			return usage_error("video fetch: unexpected argument '%s'", a);
		}
	}
	char *end = NULL;
	long long fid = id ? strtoll(id, &end, 10) : -1;
	if (!uri || !id || *end || fid < 0 || !out)
		return usage_error("%s", "video fetch needs CLIP_URI FRAGMENT_ID -o OUT.mp4");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	int64_t r = 0, c = 0;
	if (!rc)
		rc = fetch_one(lake, table, uri, fid, out, false, &r, &c);
	lh_lake_close(&lake);
	return rc;
}

static int materialize(const opts *o)
{
	const char *sql = NULL, *file = NULL, *dir = NULL, *table = NULL;
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		const char **v = !strcmp(a, "-c") ? &sql : !strcmp(a, "-f") ? &file : !strcmp(a, "-o") ? &dir
		                 : !strcmp(a, "--table") ? &table : NULL;
		if (!v)
			return usage_error("video materialize: unexpected argument '%s'", a);
		if (i + 1 >= o->nargs)
			return usage_error("%s needs a value", a);
		*v = o->args[++i];
	}
	if ((!sql == !file) || !dir)
		return usage_error("%s", "video materialize needs -c SQL (or -f FILE) and -o DIR");
	char *text = NULL;
	if (file && !(sql = text = cli_read_file_text(file)))
		return usage_error("cannot read '%s'", file);
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	lh_result *r = NULL;
	if (!rc && lh_lake_query(lake, sql, &r) != LH_OK)
		rc = fail(lh_lake_error(lake));
	/* collect the picks first: a fetch queries the lake, which ends this result */
	size_t n = 0, cu = (size_t)-1, cf = (size_t)-1;
	typedef struct pick {
		char *uri;
		long long id;
	} pick;
	LH_VEC(pick) picks = {0};
	for (size_t k = 0; r && k < lh_result_column_count(r); k++) {
		if (!strcmp(lh_result_column_name(r, k), "clip_uri"))
			cu = k;
		if (!strcmp(lh_result_column_name(r, k), "fragment_id"))
			cf = k;
	}
	if (!rc && (cu == (size_t)-1 || cf == (size_t)-1))
		rc = fail("the query must return clip_uri and fragment_id columns");
	while (!rc && lh_result_next_batch(r, &n) == LH_OK && n)
		for (size_t i = 0; !rc && i < n; i++) {
			pick pk = {lh_strdup(lh_result_text(r, cu, i) ? lh_result_text(r, cu, i) : ""),
			           lh_result_int64(r, cf, i)};
			if (!pk.uri || LH_VEC_PUSH(&picks, pk) != LH_OK) {
				free(pk.uri);
				rc = fail("out of memory");
			}
		}
	lh_result_destroy(&r);
	if (!rc && mkdir(dir, 0755) != 0 && !cli_is_dir(dir))
		rc = usage_error("cannot create folder '%s'", dir);
	int64_t read = 0, clip = 0;
	for (size_t i = 0; !rc && i < picks.len; i++) {
		const pick *pk = &picks.items[i];
		const char *slash = strrchr(pk->uri, '/');
		char out[4096];
		snprintf(out, sizeof out, "%s/%.16s-%05lld.mp4", dir, slash ? slash + 1 : pk->uri, pk->id);
		rc = fetch_one(lake, table, pk->uri, pk->id, out, true, &read, &clip);
	}
	if (!rc)
		printf("materialized %zu fragments into %s/: read %lld bytes; the clips they come from hold "
		       "%lld (%.1f%%)\n",
		       picks.len, dir, (long long)read, (long long)clip, clip ? 100.0 * (double)read / (double)clip : 0.0);
	for (size_t i = 0; i < picks.len; i++)
		free(picks.items[i].uri);
	LH_VEC_FREE(&picks);
	free(text);
	lh_lake_close(&lake);
	return rc;
}

int cli_video(const opts *o)
{
	if (o->nargs < 1)
		return usage_error("%s", "video needs a subcommand: ingest, fetch or materialize");
	if (!strcmp(o->args[0], "ingest"))
		return ingest(o);
	if (!strcmp(o->args[0], "fetch"))
		return fetch(o);
	if (!strcmp(o->args[0], "materialize") || !strcmp(o->args[0], "materialise"))
		return materialize(o);
	return usage_error("unknown video subcommand '%s' (ingest, fetch or materialize)", o->args[0]);
}
