/*
 * ingest/hf_pull.c - `lakehouse hf pull`: a Hugging Face dataset into a raw table.
 *
 * Layer: services (ingest). Uses the lake's public API for every table change (one
 * BEGIN ... COMMIT, so one snapshot) and the lake's store only for objects that tables
 * reference by URI (landing/ and assets/).
 *
 * Order, so that a failure anywhere leaves the lake as it was:
 *   1. list the source and pick the data files (card configs, else conventions);
 *   2. download them into a local folder that survives failures (re-runs resume);
 *   3. check each with DuckDB (a truncated or corrupt shard fails here);
 *   4. turn blob cells into content-addressed objects (new ones are removed again
 *      if a later step fails);
 *   5. put the raw files under landing/ (content-addressed too: a file is its hash);
 *   6. one transaction inserts every shard's rows.
 * Idempotence: each row carries its shard's SHA-256 (_source_sha256); a shard whose
 * hash is in the table already is skipped. With a key column, rows whose key is there
 * already are skipped instead.
 */
#include "ingest/card.h"
#include "events/outbox.h"
#include "ingest/hub.h"
#include "ingest/media.h"
#include "lake/services.h"
#include "store/cache.h"
#include "util/crypto.h"
#include "util/fsutil.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOB_MAX ((size_t)256 << 20)

typedef struct blob_col {
	char *name;
	bool is_struct; /* HF's struct<bytes, path> (Image, Audio, ...), else a plain BLOB */
	bool image;     /* the card declares it an Image feature: every cell must be one */
} blob_col;

typedef struct shard {
	lh_data_file df;     /* borrowed */
	const lh_hub_file *hf; /* remote: the listing's entry */
	char *local;          /* the file on this machine */
	char sha[65];
	char *mapfile;        /* blob columns: row -> object, as JSON lines */
	LH_VEC(blob_col) blob_cols;
	lh_str_vec columns; /* the shard's own columns */
	int64_t rows;
	int64_t landed;     /* rows of it an earlier pull landed (--max-rows stops mid-shard) */
} shard;

typedef struct pull {
	lh_lake *lake;
	lh_err *err;
	lh_store *store;
	const lh_hf_pull_options *o;
	lh_hf_pull_report *rep;
	lh_hub hub;
	bool local;
	char *dataset;  /* name part, safe for paths */
	char *repo;     /* "ns/name" or "local/<name>" */
	char *sha;
	char *workdir;  /* the source files on this machine (downloads, or the folder) */
	char *staging;  /* the store's staging folder: files on their way into the store */
	json_t *card;
	lh_hub_files files;
	lh_data_files picked;
	LH_VEC(shard) shards;
	lh_str_vec stored; /* objects this run created, removed on failure */
	char *schema, *table;
	bool table_exists;
	lh_str_vec landed; /* shard hashes already in the table */
	lh_i64_vec landed_rows; /* and how many rows of each */
} pull;

static lh_status nomem(pull *p)
{
	return lh_err_set(p->err, LH_ERR_NOMEM, "out of memory");
}

static void progress(pull *p, const char *stage, const char *item, int64_t done, int64_t total)
{
	if (p->o->progress)
		p->o->progress(p->o->progress_ctx, stage, item, done, total);
}

/* --- source listing ------------------------------------------------------------------- */

static lh_status add_file(void *ctx, const char *rel, const char *full, const struct stat *st)
{
	(void)full;
	lh_hub_files *out = ctx;
	if (!S_ISREG(st->st_mode))
		return LH_OK; /* sockets, devices: not a dataset's */
	lh_hub_file f = {lh_strdup(rel), st->st_size, NULL};
	if (!f.path || LH_VEC_PUSH(out, f) != LH_OK) {
		free(f.path);
		return LH_ERR_NOMEM;
	}
	return LH_OK;
}

static char *safe_name(const char *s)
{
	char *out = lh_strdup(s);
	for (char *c = out; c && *c; c++) {
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
		else if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
			*c = '_';
	}
	return out;
}

/* Downloads of repo@sha go to <cache>/hf/datasets/<repo>/<sha>/. */
static lh_status set_workdir(pull *p)
{
	char *cache = lh_cache_default_dir();
	free(p->workdir);
	p->workdir = cache ? lh_asprintf("%s/hf/datasets/%s/%s", cache, p->repo, p->sha) : NULL;
	free(cache);
	return p->workdir ? LH_OK : nomem(p);
}

static lh_status list_source(pull *p)
{
	const lh_hf_pull_options *o = p->o;
	lh_status s;
	if (lh_path_is_dir(o->source)) {
		p->local = true;
		char *abs = lh_path_absolute(o->source);
		size_t n = abs ? strlen(abs) : 0;
		while (n > 1 && abs[n - 1] == '/')
			abs[--n] = '\0';
		const char *base = abs ? strrchr(abs, '/') : NULL;
		p->dataset = base ? safe_name(base + 1) : NULL;
		p->repo = p->dataset ? lh_asprintf("local/%s", p->dataset) : NULL;
		p->sha = lh_strdup("local");
		p->workdir = abs;
		if (!p->dataset || !p->repo || !p->sha || !abs)
			return nomem(p);
		if (o->revision)
			return lh_err_set(p->err, LH_ERR_INVALID,
			                  "--revision needs a Hub repository; '%s' is a local folder", o->source);
		/* hidden names (.git, .cache) are not the dataset's */
		lh_status w = lh_walk_files(abs, true, true, add_file, &p->files, p->err);
		return w == LH_ERR_NOMEM ? nomem(p) : w;
	}
	if (!lh_hub_repo_id_ok(o->source))
		return lh_err_set(p->err, LH_ERR_INVALID,
		                  "'%s' is neither a folder nor a Hub dataset id like 'namespace/name'",
		                  o->source);
	if ((s = lh_hub_init(&p->hub, p->err)) != LH_OK)
		return s;
	p->repo = lh_strdup(o->source);
	p->dataset = safe_name(strchr(o->source, '/') + 1);
	if (!p->repo || !p->dataset)
		return nomem(p);
	s = lh_hub_revision(&p->hub, p->repo, o->revision ? o->revision : "main", &p->sha, p->err);
	if (s == LH_OK)
		s = lh_hub_tree(&p->hub, p->repo, p->sha, &p->files, p->err);
	return s == LH_OK ? set_workdir(p) : s;
}

static const lh_hub_file *find_file(const lh_hub_files *files, const char *path)
{
	for (size_t i = 0; i < files->len; i++)
		if (!strcmp(files->items[i].path, path))
			return &files->items[i];
	return NULL;
}

static char *local_of(pull *p, const char *path)
{
	return lh_asprintf("%s/%s", p->workdir, path);
}

static lh_status fetch(pull *p, const lh_hub_file *f)
{
	if (p->local)
		return LH_OK;
	char *dest = local_of(p, f->path);
	int64_t got = 0;
	lh_status s = dest ? lh_hub_download(&p->hub, p->repo, p->sha, f, dest, p->o->progress,
	                                     p->o->progress_ctx, &got, p->err)
	                   : nomem(p);
	p->rep->bytes_downloaded += got;
	free(dest);
	return s;
}

static lh_status read_card(pull *p)
{
	const lh_hub_file *f = find_file(&p->files, "README.md");
	if (!f)
		return LH_OK;
	lh_status s = fetch(p, f);
	char *path = local_of(p, f->path), *text = NULL;
	size_t len = 0;
	if (s == LH_OK)
		s = path ? lh_file_read(path, 4 << 20, &text, &len, p->err) : nomem(p);
	if (s == LH_OK)
		s = lh_card_parse(text, len, &p->card, p->err);
	if (s != LH_OK)
		lh_err_prefix(p->err, "dataset '%s': ", p->o->source);
	free(text);
	free(path);
	return s;
}

/* The paths of a listing as the array card.h takes (borrowed; caller frees the array). */
static char **paths_of(const lh_hub_files *f)
{
	char **v = malloc((f->len ? f->len : 1) * sizeof *v);
	for (size_t i = 0; v && i < f->len; i++)
		v[i] = f->items[i].path;
	return v;
}

static lh_status pick_files(pull *p)
{
	const lh_hf_pull_options *o = p->o;
	char **paths = paths_of(&p->files);
	if (!paths)
		return nomem(p);
	lh_status s = LH_ERR_NOT_FOUND;
	if (p->card) {
		s = lh_card_data_files(p->card, o->config, paths, p->files.len, &p->picked, p->err);
		if (s == LH_ERR_NOT_FOUND && json_is_array(json_object_get(p->card, "configs")))
			goto out; /* configs exist but do not match: that is the error */
	}
	if (s == LH_ERR_NOT_FOUND) {
		lh_err_clear(p->err);
		s = lh_conventional_data_files(o->config, paths, p->files.len, &p->picked, p->err);
	}
	if (s == LH_OK && p->picked.len == 0 && !p->local) {
		/* the parquet-converter's branch */
		char *sha = NULL;
		lh_hub_files conv = {0};
		if (lh_hub_revision(&p->hub, p->repo, "refs/convert/parquet", &sha, p->err) == LH_OK &&
		    lh_hub_tree(&p->hub, p->repo, sha, &conv, p->err) == LH_OK) {
			char **cpaths = paths_of(&conv);
			s = cpaths ? lh_conventional_data_files(o->config, cpaths, conv.len, &p->picked, p->err)
			           : nomem(p);
			free(cpaths);
			if (s == LH_OK && p->picked.len) {
				free(p->sha);
				p->sha = sha;
				sha = NULL;
				lh_hub_files_free(&p->files);
				p->files = conv;
				memset(&conv, 0, sizeof conv);
				s = set_workdir(p);
			}
		}
		lh_err_clear(p->err);
		free(sha);
		lh_hub_files_free(&conv);
	}
	if (s == LH_OK && p->picked.len) {
		/* several configs by convention and none asked for: "default", else the first */
		const char *cfg = p->picked.items[0].config;
		for (size_t i = 0; i < p->picked.len; i++)
			if (!strcmp(p->picked.items[i].config, "default"))
				cfg = "default";
		size_t w = 0;
		for (size_t i = 0; i < p->picked.len; i++) {
			lh_data_file *f = &p->picked.items[i];
			bool keep = !strcmp(f->config, cfg) && (!o->split || !strcmp(f->split, o->split));
			if (keep)
				p->picked.items[w++] = *f;
			else {
				free(f->config);
				free(f->split);
				free(f->path);
			}
		}
		p->picked.len = w;
		if (w == 0 && o->split)
			s = lh_err_set(p->err, LH_ERR_NOT_FOUND, "dataset '%s' has no split '%s' in config '%s'",
			               o->source, o->split, cfg);
	}
	if (s == LH_OK && p->picked.len == 0)
		s = lh_err_set(p->err, LH_ERR_NOT_FOUND,
		               "dataset '%s' has no data files this command reads: expected a card with "
		               "configs, data/{split}-NNNNN-of-NNNNN.parquet, or the refs/convert/parquet "
		               "branch",
		               o->source);
	for (size_t i = 0; s == LH_OK && i < p->picked.len; i++) {
		const char *path = p->picked.items[i].path;
		if (!lh_str_ends_with(path, ".parquet") && !lh_str_ends_with(path, ".csv") &&
		    !lh_str_ends_with(path, ".jsonl") && !lh_str_ends_with(path, ".json"))
			s = lh_err_set(p->err, LH_ERR_UNSUPPORTED,
			               "'%s' of dataset '%s' is neither Parquet, CSV nor JSON lines", path,
			               o->source);
	}
out:
	free(paths);
	return s;
}

/* --- checking shards with DuckDB ------------------------------------------------------ */

static void reader(lh_buf *b, const shard *sh, bool row_numbers)
{
	const char *path = sh->local;
	if (lh_str_ends_with(path, ".parquet")) {
		lh_buf_puts(b, "read_parquet(");
		lh_buf_sql_str(b, path);
		lh_buf_puts(b, row_numbers ? ", file_row_number = true)" : ")");
	} else if (lh_str_ends_with(path, ".csv")) {
		lh_buf_puts(b, "read_csv(");
		lh_buf_sql_str(b, path);
		lh_buf_puts(b, ")");
	} else {
		lh_buf_puts(b, "read_json(");
		lh_buf_sql_str(b, path);
		lh_buf_puts(b, ")");
	}
}

static lh_status run_query(pull *p, lh_buf *sql, lh_result **out)
{
	if (lh_buf_status(sql) != LH_OK)
		return nomem(p);
	return lh_lake_query(p->lake, lh_buf_str(sql), out);
}

static bool declared_image(pull *p, const char *col)
{
	json_t *info = p->card ? json_object_get(p->card, "dataset_info") : NULL;
	if (json_is_array(info))
		info = json_array_get(info, 0);
	json_t *feats = info ? json_object_get(info, "features") : NULL, *f;
	size_t i;
	json_array_foreach(feats, i, f)
	{
		const char *name = json_string_value(json_object_get(f, "name"));
		const char *dtype = json_string_value(json_object_get(f, "dtype"));
		json_t *t = json_object_get(f, "_type");
		if (name && !strcmp(name, col) &&
		    ((dtype && !strcmp(dtype, "image")) || (json_is_string(t) && !strcmp(json_string_value(t), "Image"))))
			return true;
	}
	return false;
}

static lh_status inspect(pull *p, shard *sh)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "DESCRIBE SELECT * FROM ");
	reader(&sql, sh, false);
	lh_result *r = NULL;
	lh_status s = run_query(p, &sql, &r);
	size_t n = 0;
	while (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n) {
		for (size_t i = 0; s == LH_OK && i < n; i++) {
			const char *name = lh_result_text(r, 0, i), *type = lh_result_text(r, 1, i);
			char *c = lh_strdup(name);
			if (!c || LH_VEC_PUSH(&sh->columns, c) != LH_OK) {
				free(c);
				s = nomem(p);
				break;
			}
			if (!strcmp(type, "BLOB") || !strncmp(type, "STRUCT(bytes BLOB, path VARCHAR)", 32)) {
				blob_col b = {lh_strdup(name), strcmp(type, "BLOB") != 0, declared_image(p, name)};
				if (!b.name || LH_VEC_PUSH(&sh->blob_cols, b) != LH_OK) {
					free(b.name);
					s = nomem(p);
				}
			}
		}
	}
	lh_result_destroy(&r);
	if (s == LH_OK) {
		lh_buf_reset(&sql);
		lh_buf_puts(&sql, "SELECT count(*) FROM ");
		reader(&sql, sh, false);
		s = run_query(p, &sql, &r);
		if (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n)
			sh->rows = lh_result_int64(r, 0, 0);
		lh_result_destroy(&r);
	}
	lh_buf_free(&sql);
	if (s != LH_OK)
		lh_err_prefix(p->err, "cannot read '%s' of dataset '%s' (corrupt or truncated?): ",
		              sh->df.path, p->o->source);
	return s;
}

/* --- blobs ---------------------------------------------------------------------------- */

static lh_status put_object(pull *p, const char *local, const char *key, lh_err *err)
{
	char *path = lh_asprintf("%s%s", lh_lake_data_path(p->lake), key);
	bool stored = false;
	lh_status s = path ? lh_store_put_once(p->store, local, path, &stored, err) : nomem(p);
	if (s == LH_OK && stored) {
		if (LH_VEC_PUSH(&p->stored, path) != LH_OK)
			s = nomem(p);
		else
			path = NULL;
	}
	free(path);
	return s;
}

static lh_status one_blob(pull *p, shard *sh, const blob_col *bc, int64_t row, const char *b64,
                          const char *src_path, FILE *map, bool first)
{
	const char *col = bc->name;
	size_t n64 = strlen(b64);
	if (n64 / 4 * 3 > BLOB_MAX)
		return lh_err_set(p->err, LH_ERR_TOO_BIG, "'%s' row %lld column '%s': a blob over %zu bytes",
		                  sh->df.path, (long long)row, col, BLOB_MAX);
	unsigned char *bytes = malloc(n64 / 4 * 3 + 3);
	if (!bytes)
		return nomem(p);
	int len = EVP_DecodeBlock(bytes, (const unsigned char *)b64, (int)n64);
	if (len >= 0 && n64 >= 1 && b64[n64 - 1] == '=')
		len--;
	if (len >= 0 && n64 >= 2 && b64[n64 - 2] == '=')
		len--;
	lh_status s = LH_OK;
	lh_media_info mi;
	bool must_be_image = bc->image ||
	                     (src_path && (lh_str_ends_with(src_path, ".png") || lh_str_ends_with(src_path, ".jpg") ||
	                                   lh_str_ends_with(src_path, ".jpeg") || lh_str_ends_with(src_path, ".webp") ||
	                                   lh_str_ends_with(src_path, ".gif")));
	if (len < 0)
		s = lh_err_set(p->err, LH_ERR_CORRUPT, "'%s' row %lld column '%s': cannot decode the blob",
		               sh->df.path, (long long)row, col);
	else if (!lh_media_sniff(bytes, (size_t)len, &mi) || (must_be_image && !mi.image))
		s = lh_err_set(p->err, LH_ERR_CORRUPT,
		               "'%s' row %lld column '%s': the blob is not a readable image (%s%d bytes "
		               "starting %02x %02x %02x %02x); fix or drop the row at the source",
		               sh->df.path, (long long)row, col, mi.image ? "cut-short header, " : "", len,
		               len > 0 ? bytes[0] : 0, len > 1 ? bytes[1] : 0, len > 2 ? bytes[2] : 0,
		               len > 3 ? bytes[3] : 0);
	char sha[65], *tmp = NULL, *key = NULL;
	if (s == LH_OK) {
		lh_sha256_hex(bytes, (size_t)len, sha);
		tmp = lh_asprintf("%s/blob", p->staging);
		key = lh_asprintf("assets/%s/%s/%s.%s", p->dataset, col, sha, mi.ext);
		if (!tmp || !key)
			s = nomem(p);
	}
	if (s == LH_OK)
		s = lh_file_write_atomic(tmp, (const char *)bytes, (size_t)len, p->err);
	if (s == LH_OK)
		s = put_object(p, tmp, key, p->err);
	if (s == LH_OK) {
		lh_buf line;
		lh_buf_init(&line, 0);
		if (first)
			lh_buf_printf(&line, "{\"r\":%lld", (long long)row);
		lh_buf_printf(&line, ",\"%s_uri\":", col);
		/* relative to the data path, so the lake can move (lh_lake_asset_uri) */
		lh_json_quote(&line, key);
		lh_buf_printf(&line, ",\"%s_format\":\"%s\",\"%s_bytes\":%d", col, mi.format, col, len);
		if (mi.image && mi.width > 0)
			lh_buf_printf(&line, ",\"%s_width\":%d,\"%s_height\":%d", col, mi.width, col, mi.height);
		else
			lh_buf_printf(&line, ",\"%s_width\":null,\"%s_height\":null", col, col);
		fputs(lh_buf_str(&line), map);
		lh_buf_free(&line);
		p->rep->blobs++;
	}
	free(bytes);
	free(tmp);
	free(key);
	return s;
}

static lh_status blobs(pull *p, shard *sh)
{
	if (!sh->blob_cols.len)
		return LH_OK;
	char *name = lh_asprintf("%s/map-%td.jsonl", p->staging, sh - p->shards.items);
	sh->mapfile = name;
	if (!name)
		return lh_err_set(p->err, LH_ERR_NOMEM, "out of memory");
	FILE *map = fopen(name, "w");
	if (!map)
		return lh_err_set(p->err, LH_ERR_IO, "cannot write '%s': %s", name, strerror(errno));
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "SELECT file_row_number");
	for (size_t c = 0; c < sh->blob_cols.len; c++) {
		/* HF's Image/Audio struct, or a plain BLOB column */
		lh_buf_puts(&sql, ", to_base64(");
		lh_buf_sql_ident(&sql, sh->blob_cols.items[c].name);
		lh_buf_puts(&sql, sh->blob_cols.items[c].is_struct ? ".bytes), " : "), NULL");
		if (sh->blob_cols.items[c].is_struct) {
			lh_buf_sql_ident(&sql, sh->blob_cols.items[c].name);
			lh_buf_puts(&sql, ".path");
		}
	}
	lh_buf_puts(&sql, " FROM ");
	reader(&sql, sh, true);
	if (p->o->max_rows > 0)
		lh_buf_printf(&sql, " WHERE file_row_number < %lld", (long long)p->o->max_rows);
	lh_result *r = NULL;
	lh_status s = run_query(p, &sql, &r);
	size_t n = 0;
	while (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n) {
		for (size_t i = 0; s == LH_OK && i < n; i++) {
			int64_t row = lh_result_int64(r, 0, i);
			bool any = false;
			for (size_t c = 0; s == LH_OK && c < sh->blob_cols.len; c++) {
				const char *b64 = lh_result_text(r, 1 + 2 * c, i);
				if (!b64)
					continue;
				s = one_blob(p, sh, &sh->blob_cols.items[c], row, b64, lh_result_text(r, 2 + 2 * c, i),
				             map, !any);
				any = true;
			}
			if (any)
				fputs("}\n", map);
		}
		progress(p, "blobs", sh->df.path, (int64_t)p->rep->blobs, -1);
	}
	lh_result_destroy(&r);
	lh_buf_free(&sql);
	if (fclose(map) != 0 && s == LH_OK)
		s = lh_err_set(p->err, LH_ERR_IO, "cannot write '%s'", name);
	if (s != LH_OK)
		lh_err_prefix(p->err, "dataset '%s': ", p->o->source);
	return s;
}

/* --- landing -------------------------------------------------------------------------- */

static lh_status target(pull *p)
{
	const char *into = p->o->into;
	char *def = NULL;
	if (!into) {
		const char *cfg = p->picked.items[0].config;
		char *name = strcmp(cfg, "default") ? lh_asprintf("%s_%s", p->dataset, cfg) : lh_strdup(p->dataset);
		char *safe = name ? safe_name(name) : NULL;
		def = safe ? lh_asprintf("raw.%s", safe) : NULL;
		free(name);
		free(safe);
		into = def;
	}
	const char *dot = into ? strchr(into, '.') : NULL;
	lh_status s = LH_OK;
	if (!into)
		s = nomem(p);
	else if (!dot || dot == into || !dot[1] || strchr(dot + 1, '.'))
		s = lh_err_set(p->err, LH_ERR_INVALID, "--into '%s' must be schema.table", into);
	else {
		p->schema = lh_strndup(into, (size_t)(dot - into));
		p->table = lh_strdup(dot + 1);
		if (!p->schema || !p->table)
			s = nomem(p);
	}
	free(def);
	return s;
}

static void qualified(lh_buf *b, const pull *p)
{
	lh_buf_sql_ident(b, p->schema);
	lh_buf_putc(b, '.');
	lh_buf_sql_ident(b, p->table);
}

static lh_status landed_hashes(pull *p)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "SELECT _source_sha256, count(*) FROM ");
	qualified(&sql, p);
	lh_buf_puts(&sql, " GROUP BY ALL");
	lh_result *r = NULL;
	lh_status s = run_query(p, &sql, &r);
	lh_buf_free(&sql);
	if (s != LH_OK) {
		/* no such table yet; or one without our column (it gets an error at INSERT) */
		lh_result_destroy(&r);
		lh_buf_init(&sql, 0);
		lh_buf_puts(&sql, "SELECT 1 FROM ");
		qualified(&sql, p);
		lh_buf_puts(&sql, " LIMIT 0");
		p->table_exists = run_query(p, &sql, &r) == LH_OK;
		lh_result_destroy(&r);
		lh_buf_free(&sql);
		return LH_OK;
	}
	p->table_exists = true;
	size_t n;
	while ((s = lh_result_next_batch(r, &n)) == LH_OK && n)
		for (size_t i = 0; i < n; i++) {
			char *h = lh_strdup(lh_result_text(r, 0, i));
			if (!h || LH_VEC_PUSH(&p->landed, h) != LH_OK) {
				free(h);
				s = nomem(p);
				break;
			}
			if (LH_VEC_PUSH(&p->landed_rows, lh_result_int64(r, 1, i)) != LH_OK) {
				s = nomem(p);
				break;
			}
		}
	lh_result_destroy(&r);
	return s;
}

/* Rows of the shard with this hash an earlier pull landed (0: none). */
static int64_t already(const pull *p, const char *sha)
{
	for (size_t i = 0; i < p->landed.len; i++)
		if (!strcmp(p->landed.items[i], sha))
			return p->landed_rows.items[i];
	return 0;
}

static bool has_column(const shard *sh, const char *name)
{
	for (size_t i = 0; i < sh->columns.len; i++)
		if (lh_strieq(sh->columns.items[i], name))
			return true;
	return false;
}

static void select_rows(pull *p, lh_buf *b, const shard *sh, int64_t limit)
{
	bool parquet = lh_str_ends_with(sh->local, ".parquet");
	lh_buf_puts(b, "SELECT s.* EXCLUDE (");
	lh_buf_puts(b, parquet ? "file_row_number" : "__lh_rownum");
	for (size_t c = 0; c < sh->blob_cols.len; c++) {
		lh_buf_puts(b, ", ");
		lh_buf_sql_ident(b, sh->blob_cols.items[c].name);
	}
	lh_buf_puts(b, ")");
	static const char *const suffix[] = {"_uri", "_format", "_bytes", "_width", "_height"};
	for (size_t c = 0; c < sh->blob_cols.len; c++)
		for (size_t k = 0; k < 5; k++) {
			lh_buf_puts(b, ", m.");
			char *n = lh_asprintf("%s%s", sh->blob_cols.items[c].name, suffix[k]);
			lh_buf_sql_ident(b, n ? n : "");
			free(n);
		}
	if (!has_column(sh, "split")) {
		lh_buf_puts(b, ", ");
		lh_buf_sql_str(b, sh->df.split);
		lh_buf_puts(b, " AS split");
	}
	lh_buf_puts(b, ", ");
	lh_buf_sql_str(b, sh->df.path);
	lh_buf_puts(b, " AS _source_file, ");
	lh_buf_sql_str(b, sh->sha);
	lh_buf_puts(b, " AS _source_sha256 FROM ");
	if (parquet)
		reader(b, sh, true);
	else {
		lh_buf_puts(b, "(SELECT *, row_number() OVER () - 1 AS __lh_rownum FROM ");
		reader(b, sh, false);
		lh_buf_puts(b, ")");
	}
	lh_buf_puts(b, " s");
	if (sh->mapfile) {
		lh_buf_puts(b, " LEFT JOIN read_json(");
		lh_buf_sql_str(b, sh->mapfile);
		lh_buf_puts(b, ", columns = {'r': 'BIGINT'");
		for (size_t c = 0; c < sh->blob_cols.len; c++) {
			const char *col = sh->blob_cols.items[c].name;
			static const char *const types[] = {"VARCHAR", "VARCHAR", "BIGINT", "INTEGER", "INTEGER"};
			for (size_t k = 0; k < 5; k++) {
				char *n = lh_asprintf("%s%s", col, suffix[k]);
				lh_buf_puts(b, ", ");
				lh_buf_sql_str(b, n ? n : "");
				lh_buf_printf(b, ": '%s'", types[k]);
				free(n);
			}
		}
		lh_buf_puts(b, "}) m ON m.r = s.file_row_number");
	}
	if (p->o->key && p->table_exists) {
		lh_buf_puts(b, " WHERE s.");
		lh_buf_sql_ident(b, p->o->key);
		lh_buf_puts(b, " NOT IN (SELECT ");
		lh_buf_sql_ident(b, p->o->key);
		lh_buf_puts(b, " FROM ");
		qualified(b, p);
		lh_buf_puts(b, " WHERE ");
		lh_buf_sql_ident(b, p->o->key);
		lh_buf_puts(b, " IS NOT NULL)");
	}
	if (sh->landed > 0) /* the rest of a shard an earlier --max-rows pull cut short */
		lh_buf_printf(b, " %s s.%s >= %lld", p->o->key && p->table_exists ? "AND" : "WHERE",
		              parquet ? "file_row_number" : "__lh_rownum", (long long)sh->landed);
	lh_buf_printf(b, " ORDER BY s.%s", parquet ? "file_row_number" : "__lh_rownum");
	if (limit > 0)
		lh_buf_printf(b, " LIMIT %lld", (long long)limit);
}

static lh_status land(pull *p)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "BEGIN;\nCREATE SCHEMA IF NOT EXISTS ");
	lh_buf_sql_ident(&sql, p->schema);
	lh_buf_puts(&sql, ";\n");
	bool exists = p->table_exists;
	int64_t left = p->o->max_rows > 0 ? p->o->max_rows : -1;
	size_t landing = 0;
	for (size_t i = 0; i < p->shards.len && left != 0; i++) {
		shard *sh = &p->shards.items[i];
		if (!sh->local)
			continue; /* skipped: landed before */
		if (!exists) {
			lh_buf_puts(&sql, "CREATE TABLE ");
			qualified(&sql, p);
			lh_buf_puts(&sql, " AS ");
			exists = true;
		} else {
			lh_buf_puts(&sql, "INSERT INTO ");
			qualified(&sql, p);
			lh_buf_puts(&sql, " BY NAME ");
		}
		select_rows(p, &sql, sh, left);
		lh_buf_puts(&sql, ";\n");
		if (left > 0)
			left = left > sh->rows - sh->landed ? left - (sh->rows - sh->landed) : 0;
		landing++;
	}
	lh_status s = LH_OK;
	if (landing) {
		/* the rows and the event lakehouse.ingest.completed: one snapshot */
		s = lh_buf_status(&sql) == LH_OK ? lh_lake_exec(p->lake, lh_buf_str(&sql), NULL, NULL)
		                                  : nomem(p);
		if (s == LH_OK)
			s = lh_outbox_ingest_completed(p->lake, p->schema, p->table, "hf pull", p->o->source);
		if (s == LH_OK)
			s = lh_lake_exec(p->lake, "COMMIT", NULL, NULL);
		if (s != LH_OK) {
			char *msg = lh_strdup(lh_lake_error(p->lake));
			lh_lake_exec(p->lake, "ROLLBACK", NULL, NULL);
			lh_err_set(p->err, s, "cannot land the rows of dataset '%s' in %s.%s: %s",
			           p->o->source, p->schema, p->table, msg ? msg : "");
			free(msg);
		}
	}
	lh_buf_free(&sql);
	if (s == LH_OK && landing)
		p->rep->snapshot = lh_lake_snapshot_id(p->lake);
	p->rep->files_landed = (int64_t)landing;
	return s;
}

/* Rows in the target table now (0 when it does not exist yet). */
static lh_status table_rows(pull *p, int64_t *out)
{
	*out = 0;
	if (!p->table_exists && !p->rep->files_landed)
		return LH_OK;
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "SELECT count(*) FROM ");
	qualified(&sql, p);
	lh_result *r = NULL;
	size_t n;
	lh_status s = run_query(p, &sql, &r);
	if (s == LH_OK && (s = lh_result_next_batch(r, &n)) == LH_OK && n)
		*out = lh_result_int64(r, 0, 0);
	lh_result_destroy(&r);
	lh_buf_free(&sql);
	return s;
}

/* --- the whole pull ------------------------------------------------------------------- */

static lh_status prepare_shard(pull *p, const lh_data_file *df, size_t i)
{
	shard sh = {.df = *df};
	const lh_hub_file *f = find_file(&p->files, df->path);
	lh_status s = LH_OK;
	if (!f)
		return lh_err_set(p->err, LH_ERR_NOT_FOUND, "'%s' is not in dataset '%s'", df->path,
		                  p->o->source);
	progress(p, "download", df->path, (int64_t)i, (int64_t)p->picked.len);
	s = fetch(p, f);
	sh.local = s == LH_OK ? local_of(p, f->path) : NULL;
	if (s == LH_OK && !sh.local)
		s = nomem(p);
	if (s == LH_OK && lh_sha256_file_hex(sh.local, sh.sha) != LH_OK)
		s = lh_err_set(p->err, LH_ERR_IO, "cannot read '%s'", sh.local);
	/* landed by an earlier run: wholly (dropped once its row count is known) or, after
	 * --max-rows, in part (the rest lands now) */
	if (s == LH_OK && !p->o->key)
		sh.landed = already(p, sh.sha);
	if (s == LH_OK && LH_VEC_PUSH(&p->shards, sh) != LH_OK)
		s = nomem(p);
	if (s != LH_OK)
		free(sh.local);
	return s;
}

static void shard_free(shard *sh)
{
	free(sh->local);
	free(sh->mapfile); /* in the staging folder, removed with it */
	for (size_t i = 0; i < sh->blob_cols.len; i++)
		free(sh->blob_cols.items[i].name);
	LH_VEC_FREE(&sh->blob_cols);
	lh_str_vec_free(&sh->columns);
}

static lh_status lh_hf_pull_run(lh_lake *lake, const lh_hf_pull_options *o, lh_hf_pull_report *rep)
{
	memset(rep, 0, sizeof *rep);
	pull p = {.lake = lake, .err = lh_lake_err(lake), .store = lh_lake_store(lake), .o = o, .rep = rep};
	lh_err_clear(p.err);
	if (!o || !o->source || !*o->source)
		return lh_err_set(p.err, LH_ERR_INVALID, "hf pull needs a dataset id or a folder");
	if (o->max_rows < 0)
		return lh_err_set(p.err, LH_ERR_INVALID, "--max-rows must be a positive number");
	lh_status s = list_source(&p);
	if (s == LH_OK)
		s = read_card(&p);
	if (s == LH_OK)
		s = pick_files(&p);
	if (s == LH_OK)
		s = target(&p);
	if (s == LH_OK)
		s = landed_hashes(&p);
	/* files for the store are staged where it can take them without a copy */
	if (s == LH_OK)
		s = p.store->ops->staging_dir(p.store, &p.staging, p.err);
	int64_t before = 0, after = 0;
	if (s == LH_OK)
		s = table_rows(&p, &before);
	/* shards in order, each downloaded only when rows are still wanted: with --max-rows
	 * the shards past the cut are never fetched */
	int64_t left = o->max_rows;
	for (size_t i = 0; s == LH_OK && i < p.picked.len; i++) {
		if (o->max_rows > 0 && left <= 0)
			break;
		s = prepare_shard(&p, &p.picked.items[i], i);
		if (s != LH_OK)
			break;
		shard *sh = &p.shards.items[p.shards.len - 1];
		progress(&p, "check", sh->df.path, (int64_t)i, (int64_t)p.picked.len);
		s = inspect(&p, sh);
		if (s == LH_OK && sh->landed > 0 && sh->landed >= sh->rows) {
			free(sh->local); /* landed whole by an earlier run */
			sh->local = NULL;
			continue;
		}
		if (s == LH_OK && o->key && !has_column(sh, o->key))
			s = lh_err_set(p.err, LH_ERR_NOT_FOUND, "--key '%s' is not a column of '%s'; it has %zu columns",
			               o->key, sh->df.path, sh->columns.len);
		if (s == LH_OK)
			s = blobs(&p, sh);
		left -= sh->rows - sh->landed;
	}
	/* the raw files, untouched, under landing/ */
	for (size_t i = 0; s == LH_OK && i < p.shards.len; i++) {
		shard *sh = &p.shards.items[i];
		if (!sh->local)
			continue;
		char *key = lh_asprintf("landing/hf/%s/%s/%s", p.repo, p.sha, sh->df.path);
		char *tmp = lh_asprintf("%s/landing-%zu", p.staging, i);
		if (!key || !tmp)
			s = nomem(&p);
		else if ((s = lh_file_link_or_copy(sh->local, tmp, p.err)) == LH_OK)
			s = put_object(&p, tmp, key, p.err);
		unlink(tmp);
		free(key);
		free(tmp);
	}
	if (s == LH_OK)
		s = land(&p);
	/* the landing committed: nothing after it may fail the pull (lake/txn.c's rule) */
	if (s == LH_OK && rep->files_landed && table_rows(&p, &after) == LH_OK)
		rep->rows = after - before;
	else if (s == LH_OK && rep->files_landed) {
		rep->rows = -1;
		lh_err_clear(p.err);
	}
	if (s != LH_OK) /* objects only this failed run referenced */
		lh_store_discard(p.store, p.stored.items, p.stored.len);
	if (s == LH_OK) {
		rep->files = (int64_t)p.picked.len;
		rep->blobs_stored = 0;
		for (size_t i = 0; i < p.stored.len; i++)
			rep->blobs_stored += lh_str_starts_with(p.stored.items[i] + strlen(lh_lake_data_path(lake)), "assets/");
		rep->table = lh_asprintf("%s.%s", p.schema, p.table);
		rep->revision = lh_strdup(p.sha);
		rep->config = lh_strdup(p.picked.len ? p.picked.items[0].config : "default");
	}
	for (size_t i = 0; i < p.shards.len; i++)
		shard_free(&p.shards.items[i]);
	LH_VEC_FREE(&p.shards);
	lh_str_vec_free(&p.stored);
	lh_str_vec_free(&p.landed);
	LH_VEC_FREE(&p.landed_rows);
	lh_data_files_free(&p.picked);
	lh_hub_files_free(&p.files);
	json_decref(p.card);
	lh_hub_clear(&p.hub);
	free(p.dataset);
	free(p.repo);
	free(p.sha);
	free(p.workdir);
	lh_store_staging_done(p.staging);
	free(p.staging);
	free(p.schema);
	free(p.table);
	return s;
}

void lh_hf_pull_report_clear(lh_hf_pull_report *r)
{
	free(r->table);
	free(r->revision);
	free(r->config);
	memset(r, 0, sizeof *r);
}

lh_status lh_hf_pull(lh_lake *lake, const lh_hf_pull_options *o, lh_hf_pull_report *rep)
{
	if (!LH_OPTIONS_SIZE_OK(o)) {
		memset(rep, 0, sizeof *rep);
		return lh_err_options_size(lh_lake_err(lake), "lh_hf_pull_options", o->struct_size, sizeof *o);
	}
	lh_render old = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_status s = lh_hf_pull_run(lake, o, rep);
	lh_lake_swap_render(lake, old);
	return s;
}
