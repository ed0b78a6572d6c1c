/*
 * registry/versions.c - versioned artifact folders (lh_version_* in lakehouse.h):
 * datasets/<name>/vN/ and checkpoints/<name>/vN/ under the lake's data path, each with
 * its manifest in lake tables and a wandb_manifest.json.
 *
 * Layer: services, through the public SQL API, lake/services.h and the object store.
 *
 * A put: (1) copy each file of the folder into a staging folder and hash the copy (so
 * the bytes recorded are the bytes uploaded, whatever happens to the source); (2) claim
 * the next version number in the catalog (catalog/versions.h: distinct for racing
 * writers); (3) put every object into vN/ with the store's no-overwrite put (S3
 * If-None-Match: *, a folder's link()); (4) write wandb_manifest.json beside them;
 * (5) one snapshot records registry.artifact_versions, registry.artifact_files and the
 * event lakehouse.dataset.versioned. Until (5) commits nothing names vN as a version;
 * a failure removes the objects it put (cleanup takes what a crash leaves).
 */
#include "events/outbox.h"
#include "lake/services.h"
#include "registry/registry_int.h"
#include "util/crypto.h"
#include "util/err.h"
#include "util/fsutil.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST "wandb_manifest.json"

typedef struct vfile {
	char *path;   /* relative, '/'-separated */
	char *staged; /* the local copy uploaded */
	char *uri;    /* the object */
	int64_t size;
	char sha256[65];
	char etag[LH_ETAG_MAX];
} vfile;

typedef struct put {
	lh_lake *lake;
	lh_store *store;
	const lh_version_options *o;
	const char *name, *kind;
	int64_t version;
	char *folder; /* the vN/ folder's URI, ending in '/' */
	char *manifest_uri;
	char *staging;
	vfile *files;
	size_t nfiles, cap;
	lh_str_vec stored; /* objects put so far, removed when the put fails */
	int64_t bytes;
	json_t *meta;
} put;

static lh_status nomem(lh_lake *lake)
{
	return lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
}

static void progress(const lh_version_options *o, const char *stage, const char *item, int64_t done,
                     int64_t total)
{
	if (o && o->progress)
		o->progress(o->progress_ctx, stage, item, done, total);
}

/* A recorded relative path that stays inside the folder it is joined to: no leading
 * '/', no empty, "." or ".." segment, no backslash or control character. */
static bool safe_rel(const char *p)
{
	if (!p || !*p || *p == '/')
		return false;
	for (const char *s = p; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == '\\' || *s == 0x7f)
			return false;
	const char *seg = p;
	for (;;) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if (n == 0 || (n == 1 && seg[0] == '.') ||
		    (n == 2 && seg[0] == '.' && seg[1] == '.'))
			return false;
		if (!end)
			return true;
		seg = end + 1;
	}
}

static bool utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 0 : (*p >> 5) == 6 ? 1 : (*p >> 4) == 14 ? 2 : (*p >> 3) == 30 ? 3 : -1;
		if (n < 0)
			return false;
		for (p++; n > 0; n--, p++)
			if ((*p & 0xC0) != 0x80)
				return false;
	}
	return true;
}

/* One entry of the folder a put uploads (lh_walk_fn): regular files only. */
static lh_status add_file(void *ctx, const char *rel, const char *full, const struct stat *sb)
{
	put *p = ctx;
	if (!S_ISREG(sb->st_mode))
		return lh_err_set(
		        lh_lake_err(p->lake), LH_ERR_INVALID,
		        "'%s' is not a regular file (a link, a device...): a version holds "
		        "files and folders only; copy what it points to instead",
		        full);
	if (!safe_rel(rel) || !utf8_ok(rel))
		return lh_err_set(lh_lake_err(p->lake), LH_ERR_INVALID,
		                  "'%s' has a name a manifest cannot hold (control characters, a "
		                  "backslash, or bytes that are not UTF-8): rename it",
		                  full);
	if (!strcmp(rel, MANIFEST))
		return lh_err_set(lh_lake_err(p->lake), LH_ERR_INVALID,
		                  "'%s': a version writes its own " MANIFEST
		                  " at its top; rename this "
		                  "file or move it into a subfolder",
		                  full);
	if (p->nfiles == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		vfile *f = realloc(p->files, cap * sizeof *f);
		if (!f)
			return nomem(p->lake);
		p->files = f;
		p->cap = cap;
	}
	char *r = lh_strdup(rel);
	if (!r)
		return nomem(p->lake);
	p->files[p->nfiles++] = (vfile){.path = r, .size = (int64_t)sb->st_size};
	return LH_OK;
}

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const vfile *)a)->path, ((const vfile *)b)->path);
}

static void put_free(put *p)
{
	for (size_t i = 0; i < p->nfiles; i++) {
		free(p->files[i].path);
		free(p->files[i].staged);
		free(p->files[i].uri);
	}
	free(p->files);
	lh_str_vec_free(&p->stored);
	free(p->folder);
	free(p->manifest_uri);
	if (p->staging)
		lh_store_staging_done(p->staging);
	free(p->staging);
	json_decref(p->meta);
}

/* The URI of relative path rel (NULL: the folder itself) in version N of name. */
static char *folder_uri(lh_lake *lake, const char *kind, const char *name, int64_t version,
                        const char *rel)
{
	const char *root = lh_lake_data_path(lake);
	return lh_asprintf("%s%s%s/%s/v%lld/%s", root, lh_str_ends_with(root, "/") ? "" : "/",
	                   !strcmp(kind, "checkpoint") ? "checkpoints" : "datasets", name,
	                   (long long)version, rel ? rel : "");
}

/* What W&B's add_reference records for an object: s3:// URIs as they are, a local file
 * as file:// + its absolute path. */
static char *reference(const char *uri)
{
	return lh_str_starts_with(uri, "s3://") ? lh_strdup(uri) : lh_asprintf("file://%s", uri);
}

/* (1) the staged copies and their hashes */
static lh_status stage(put *p, const char *dir)
{
	lh_status st = p->store->ops->staging_dir(p->store, &p->staging, lh_lake_err(p->lake));
	for (size_t i = 0; st == LH_OK && i < p->nfiles; i++) {
		vfile *f = &p->files[i];
		char *src = lh_path_join(dir, f->path);
		char name[32];
		snprintf(name, sizeof name, "%zu", i);
		f->staged = lh_path_join(p->staging, name);
		if (!src || !f->staged)
			st = nomem(p->lake);
		if (st == LH_OK)
			st = lh_file_copy(src, f->staged, lh_lake_err(p->lake));
		struct stat sb;
		if (st == LH_OK && stat(f->staged, &sb) != 0)
			st = lh_err_set(lh_lake_err(p->lake), LH_ERR_IO, "cannot stat '%s': %s",
			                f->staged, strerror(errno));
		if (st == LH_OK && lh_sha256_file_hex(f->staged, f->sha256) != LH_OK)
			st = lh_err_set(lh_lake_err(p->lake), LH_ERR_IO, "cannot read '%s': %s",
			                src, strerror(errno));
		if (st == LH_OK) {
			f->size = (int64_t)sb.st_size;
			p->bytes += f->size;
		}
		free(src);
		progress(p->o, "hash", f->path, (int64_t)i + 1, (int64_t)p->nfiles);
	}
	return st;
}

/* (3) one object, never overwriting */
static lh_status put_object(put *p, const char *local, const char *uri)
{
	lh_status st = p->store->ops->put_file(p->store, local, uri, lh_lake_err(p->lake));
	if (st != LH_OK)
		return lh_err_prefix(lh_lake_err(p->lake),
		                     "cannot upload version %lld of '%s': ", (long long)p->version,
		                     p->name);
	char *copy = lh_strdup(uri);
	if (!copy || LH_VEC_PUSH(&p->stored, copy) != LH_OK) {
		free(copy);
		return nomem(p->lake);
	}
	return LH_OK;
}

static lh_status upload(put *p)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < p->nfiles; i++) {
		vfile *f = &p->files[i];
		if (!(f->uri = folder_uri(p->lake, p->kind, p->name, p->version, f->path)))
			return nomem(p->lake);
		st = put_object(p, f->staged, f->uri);
		if (st == LH_OK)
			st = p->store->ops->etag(p->store, f->uri, f->etag, lh_lake_err(p->lake));
		progress(p->o, "upload", f->path, (int64_t)i + 1, (int64_t)p->nfiles);
	}
	return st;
}

/* (4) wandb_manifest.json: W&B's reference-artifact manifest (storage policy v1, layout
 * V2), contents keyed by path in sorted order, digest = ETag. */
static lh_status write_manifest(put *p)
{
	json_t *contents = json_object();
	json_t *m = json_pack("{s:i, s:s, s:{s:s}, s:o}", "version", 1, "storagePolicy",
	                      "wandb-storage-policy-v1", "storagePolicyConfig", "storageLayout",
	                      "V2", "contents", contents);
	lh_status st = m ? LH_OK : nomem(p->lake);
	for (size_t i = 0; st == LH_OK && i < p->nfiles; i++) {
		vfile *f = &p->files[i];
		char *ref = reference(f->uri);
		json_t *e =
		        ref ? json_pack("{s:s, s:s, s:I, s:{s:s}}", "digest", f->etag, "ref", ref,
		                        "size", (json_int_t)f->size, "extra", "etag", f->etag)
		            : NULL;
		free(ref);
		if (!e || json_object_set_new(contents, f->path, e) != 0)
			st = nomem(p->lake);
	}
	char *text = st == LH_OK ? json_dumps(m, JSON_SORT_KEYS | JSON_INDENT(2)) : NULL;
	json_decref(m);
	char *local = lh_path_join(p->staging, MANIFEST);
	p->manifest_uri = folder_uri(p->lake, p->kind, p->name, p->version, MANIFEST);
	if (st == LH_OK && (!text || !local || !p->manifest_uri))
		st = nomem(p->lake);
	if (st == LH_OK)
		st = lh_file_write_atomic(local, text, strlen(text), lh_lake_err(p->lake));
	if (st == LH_OK)
		st = put_object(p, local, p->manifest_uri);
	free(text);
	free(local);
	return st;
}

/* (5) the snapshot: the version, its files and the event */
static lh_status record(lh_lake *lake, void *arg)
{
	put *p = arg;
	char *meta = json_dumps(p->meta, JSON_COMPACT | JSON_SORT_KEYS);
	lh_value v[8] = {lh_registry_text(p->name),
	                 lh_registry_text(p->kind),
	                 lh_registry_int(p->version),
	                 lh_registry_text(p->folder),
	                 lh_registry_int((int64_t)p->nfiles),
	                 lh_registry_int(p->bytes),
	                 lh_registry_text(meta),
	                 lh_registry_text(p->manifest_uri)};
	lh_status st = meta ? lh_lake_exec_params(lake,
	                                          "INSERT INTO " LH_ARTIFACT_VERSIONS_TABLE
	                                          " VALUES (?, ?, ?, ?, ?, ?, ?::JSON, ?, now())",
	                                          v, 8, NULL, NULL)
	                    : nomem(lake);
	free(meta);
	/* the files, a few hundred rows per statement */
	enum { CHUNK = 200, COLS = 7 };
	lh_value *fv = calloc(CHUNK * COLS, sizeof *fv);
	if (st == LH_OK && !fv)
		st = nomem(lake);
	for (size_t i = 0; st == LH_OK && i < p->nfiles; i += CHUNK) {
		size_t n = p->nfiles - i < CHUNK ? p->nfiles - i : CHUNK;
		lh_buf q;
		lh_buf_init(&q, 0);
		lh_buf_puts(&q, "INSERT INTO " LH_ARTIFACT_FILES_TABLE " VALUES ");
		for (size_t k = 0; k < n; k++) {
			const vfile *f = &p->files[i + k];
			lh_buf_printf(&q, "%s(?, ?, ?, ?, ?, ?, ?)", k ? ", " : "");
			lh_value row[COLS] = {
			        lh_registry_text(p->name),   lh_registry_int(p->version),
			        lh_registry_text(f->path),   lh_registry_int(f->size),
			        lh_registry_text(f->sha256), lh_registry_text(f->etag),
			        lh_registry_text(f->uri)};
			memcpy(fv + k * COLS, row, sizeof row);
		}
		st = q.status == LH_OK
		             ? lh_lake_exec_params(lake, lh_buf_str(&q), fv, n * COLS, NULL, NULL)
		             : nomem(lake);
		lh_buf_free(&q);
	}
	free(fv);
	if (st == LH_OK)
		st = lh_registry_emit(lake, LH_EV_DATASET_VERSIONED,
		                      json_pack("{s:s, s:s, s:I, s:s, s:s, s:I, s:I, s:O}", "name",
		                                p->name, "kind", p->kind, "version",
		                                (json_int_t)p->version, "uri", p->folder,
		                                "manifest_uri", p->manifest_uri, "files",
		                                (json_int_t)p->nfiles, "bytes",
		                                (json_int_t)p->bytes, "meta", p->meta));
	return st;
}

static lh_status check_kind(lh_lake *lake, const char **kind)
{
	if (!*kind)
		*kind = "dataset";
	if (strcmp(*kind, "dataset") != 0 && strcmp(*kind, "checkpoint") != 0)
		return lh_registry_fail(lake, LH_ERR_INVALID,
		                        "kind '%.40s' is not one of dataset, "
		                        "checkpoint",
		                        *kind);
	return LH_OK;
}

lh_status lh_version_put(lh_lake *lake, const char *dir, const char *name,
                         const lh_version_options *o, lh_version_report *out)
{
	if (!lake || !dir || !out)
		return LH_ERR_INVALID;
	memset(out, 0, sizeof *out);
	lh_err_clear(lh_lake_err(lake));
	if (!LH_OPTIONS_SIZE_OK(o))
		return lh_err_options_size(lh_lake_err(lake), "lh_version_options", o->struct_size,
		                           sizeof *o);
	put p = {.lake = lake,
	         .store = lh_lake_store(lake),
	         .o = o,
	         .name = name,
	         .kind = o ? o->kind : NULL};
	lh_status st = check_kind(lake, &p.kind);
	if (st == LH_OK && !lh_registry_id_ok(name))
		st = lh_registry_fail(lake, LH_ERR_INVALID,
		                      "name '%.200s' is not valid: use 1 to 128 of "
		                      "A-Z a-z 0-9 _ . -, starting with a letter, digit or _",
		                      name ? name : "");
	if (st == LH_OK && !lh_path_is_dir(dir))
		st = lh_registry_fail(lake, LH_ERR_NOT_FOUND,
		                      "'%s' is not a folder: version put uploads "
		                      "a folder's files",
		                      dir);
	if (st == LH_OK && !(p.meta = json_object()))
		st = nomem(lake);
	for (size_t i = 0; st == LH_OK && o && i < o->nmeta; i++) {
		if (!lh_registry_label_ok(o->meta_keys[i], 200) || !o->meta_values[i])
			st = lh_registry_fail(lake, LH_ERR_INVALID,
			                      "meta key '%.200s' is not valid: give 1 "
			                      "to 200 characters without control characters",
			                      o->meta_keys[i] ? o->meta_keys[i] : "");
		else if (json_object_set_new(p.meta, o->meta_keys[i],
		                             json_string(o->meta_values[i])) != 0)
			st = lh_registry_fail(lake, LH_ERR_INVALID,
			                      "meta value of '%.200s' is not UTF-8 text",
			                      o->meta_keys[i]);
	}
	/* the meta travels in the version's event, which NATS caps at a megabyte */
	char *meta_text = st == LH_OK ? json_dumps(p.meta, JSON_COMPACT) : NULL;
	if (st == LH_OK && (!meta_text || strlen(meta_text) > 64 * 1024))
		st = meta_text ? lh_registry_fail(lake, LH_ERR_TOO_BIG, "the meta given is %zu bytes "
		                                  "as JSON; at most 65536: keep big values in a file "
		                                  "of the version", strlen(meta_text))
		               : nomem(lake);
	free(meta_text);
	if (st == LH_OK) /* every file, hidden ones too; links are refused, not followed */
		st = lh_walk_files(dir, false, false, add_file, &p, lh_lake_err(lake));
	if (st == LH_OK && p.nfiles == 0)
		st = lh_registry_fail(lake, LH_ERR_INVALID,
		                      "folder '%s' holds no files: nothing to "
		                      "version",
		                      dir);
	if (st == LH_OK)
		qsort(p.files, p.nfiles, sizeof *p.files, file_cmp);
	if (st == LH_OK)
		st = stage(&p, dir);
	if (st != LH_OK) {
		put_free(&p);
		return st;
	}
	/* from here a failure ends the claim and removes what was put */
	st = lh_lake_version_claim(lake, name, p.kind, &p.version);
	bool claimed = st == LH_OK;
	if (st == LH_OK && !(p.folder = folder_uri(lake, p.kind, name, p.version, NULL)))
		st = nomem(lake);
	if (st == LH_OK)
		st = upload(&p);
	if (st == LH_OK)
		st = write_manifest(&p);
	/* the version's snapshot is also the job "<name>/vN" of its table (catalog/jobs.h):
	 * cleanup reads there which folders hold committed versions */
	int64_t snap = -1;
	char *job = st == LH_OK ? lh_asprintf("%s/v%lld", name, (long long)p.version) : NULL;
	if (st == LH_OK && !job)
		st = nomem(lake);
	if (st == LH_OK)
		st = lh_registry_change(lake, record, &p,
		                        &(lh_claim){.table = LH_ARTIFACT_VERSIONS_TABLE, .key = job},
		                        &snap);
	free(job);
	if (st != LH_OK && p.stored.len)
		lh_store_discard(p.store, p.stored.items, p.stored.len);
	if (claimed)
		lh_lake_version_end(lake, name, p.version, st == LH_OK, snap);
	if (st == LH_OK) {
		out->version = p.version;
		out->files = (int64_t)p.nfiles;
		out->bytes = p.bytes;
		out->snapshot = snap;
		out->uri = p.folder;
		out->manifest_uri = p.manifest_uri;
		p.folder = p.manifest_uri = NULL;
	}
	put_free(&p);
	return st;
}

/* --- reading ------------------------------------------------------------------------ */

lh_status lh_version_latest(lh_lake *lake, const char *name, int64_t *out_version)
{
	if (!lake || !name || !out_version)
		return LH_ERR_INVALID;
	lh_err_clear(lh_lake_err(lake));
	/* LH_ERR_NOT_FOUND for a name without versions */
	lh_status st = lh_registry_exists(lake, LH_REGISTRY_VERSIONS, name);
	lh_value v[1] = {lh_registry_text(name)};
	char *row[1] = {0};
	bool found = false;
	if (st == LH_OK)
		st = lh_registry_row(lake,
		                     "SELECT max(version) FROM " LH_ARTIFACT_VERSIONS_TABLE
		                     " WHERE name = ?",
		                     v, 1, 1, row, &found);
	if (st == LH_OK)
		*out_version = row[0] ? strtoll(row[0], NULL, 10) : 0;
	lh_registry_row_free(row, 1);
	return st;
}

typedef struct got {
	char *path, *sha256, *dest, *part;
	int64_t size;
	bool written; /* dest is ours */
} got;

/* Copies one object to dest, through dest.part, checking size and SHA-256. */
static lh_status get_one(lh_lake *lake, lh_store *store, const char *uri, got *g)
{
	lh_err *err = lh_lake_err(lake);
	char *paths[1] = {(char *)uri};
	int64_t sizes[1] = {g->size};
	lh_status st = store->ops->fetch(store, paths, sizes, 1, err);
	char *local = st == LH_OK ? store->ops->local_path(store, uri) : NULL;
	char *slash = strrchr(g->dest, '/');
	if (st == LH_OK && !local)
		st = nomem(lake);
	if (st == LH_OK && slash) {
		*slash = 0;
		st = lh_mkdirs(g->dest, err);
		*slash = '/';
	}
	if (st == LH_OK && lh_path_exists(g->dest))
		st = lh_err_set(err, LH_ERR_EXISTS,
		                "'%s' exists already: version get never overwrites "
		                "a file; use an empty folder",
		                g->dest);
	if (st == LH_OK)
		st = lh_file_copy(local, g->part, err);
	bool made_part = st == LH_OK; /* a .part file of the user's is never ours to remove */
	char sha[65] = "";
	struct stat sb;
	if (st == LH_OK && (stat(g->part, &sb) != 0 || lh_sha256_file_hex(g->part, sha) != LH_OK))
		st = lh_err_set(err, LH_ERR_IO, "cannot read '%s': %s", g->part, strerror(errno));
	if (st == LH_OK && ((int64_t)sb.st_size != g->size || strcmp(sha, g->sha256) != 0))
		st = lh_err_set(
		        err, LH_ERR_CORRUPT,
		        "'%s' of the version does not match its manifest: "
		        "%lld bytes with SHA-256 %s, the manifest says %lld bytes with %s; the "
		        "object %s is damaged (nothing of the version was kept)",
		        g->path, (long long)sb.st_size, sha, (long long)g->size, g->sha256, uri);
	if (st == LH_OK)
		st = lh_fsync_path(g->part, false, err);
	/* link() refuses an existing name: never overwrite */
	if (st == LH_OK && link(g->part, g->dest) != 0)
		st = lh_err_set(err, errno == EEXIST ? LH_ERR_EXISTS : LH_ERR_IO,
		                "cannot write '%s': %s", g->dest, strerror(errno));
	else if (st == LH_OK)
		g->written = true;
	if (made_part)
		unlink(g->part);
	free(local);
	return st;
}

lh_status lh_version_get(lh_lake *lake, const char *name, int64_t version, const char *dir,
                         const lh_version_options *o, lh_version_report *out)
{
	if (!lake || !name || !dir || !out)
		return LH_ERR_INVALID;
	memset(out, 0, sizeof *out);
	lh_err_clear(lh_lake_err(lake));
	if (!LH_OPTIONS_SIZE_OK(o))
		return lh_err_options_size(lh_lake_err(lake), "lh_version_options", o->struct_size,
		                           sizeof *o);
	lh_value v[2] = {lh_registry_text(name), lh_registry_int(version)};
	char *row[3] = {0};
	bool found = false;
	lh_result *r = NULL;
	lh_status st = lh_registry_exists(lake, LH_REGISTRY_VERSIONS, name);
	if (st == LH_OK)
		st = lh_registry_row(
		        lake,
		        "SELECT kind, uri, manifest_uri FROM " LH_ARTIFACT_VERSIONS_TABLE
		        " WHERE name = ? AND version = ?",
		        v, 2, 3, row, &found);
	if (st == LH_OK && !found)
		st = lh_registry_fail(lake, LH_ERR_NOT_FOUND,
		                      "'%s' has no version v%lld (`lakehouse "
		                      "version list %s` shows them)",
		                      name, (long long)version, name);
	char *kind = row[0];
	row[0] = NULL;
	if (st == LH_OK && (!kind || (strcmp(kind, "dataset") != 0 && strcmp(kind, "checkpoint") != 0)))
		st = lh_registry_fail(lake, LH_ERR_CORRUPT, "version v%lld of '%s' has kind '%s' in "
		                      "registry.artifact_versions, not dataset or checkpoint: the "
		                      "registry was changed by hand; fix that row", (long long)version,
		                      name, kind ? kind : "NULL");
	if (st == LH_OK) {
		out->uri = row[1];
		out->manifest_uri = row[2];
		row[1] = row[2] = NULL;
	}
	lh_registry_row_free(row, 3);
	/* the files, read first (a result streams from the lake's connection) */
	got *files = NULL;
	size_t n = 0, cap = 0, nrows = 0;
	lh_render was = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	if (st == LH_OK)
		st = lh_lake_query_params(lake,
		                          "SELECT path, size, sha256 FROM " LH_ARTIFACT_FILES_TABLE
		                          " WHERE name = ? AND version = ? ORDER BY path",
		                          v, 2, &r);
	while (st == LH_OK && (st = lh_result_next_batch(r, &nrows)) == LH_OK && nrows) {
		for (size_t k = 0; st == LH_OK && k < nrows; k++) {
			if (n == cap) {
				got *g = realloc(files, (cap = cap ? cap * 2 : 64) * sizeof *g);
				if (!g) {
					st = nomem(lake);
					break;
				}
				files = g;
			}
			got *g = &files[n++];
			const char *path = lh_result_text(r, 0, k), *sha = lh_result_text(r, 2, k);
			*g = (got){.path = lh_strdup(path ? path : ""), .size = lh_result_int64(r, 1, k),
			           .sha256 = lh_strdup(sha ? sha : "")};
			if (!g->path || !g->sha256)
				st = nomem(lake);
			else if (!path || !sha || strlen(sha) != 64)
				st = lh_registry_fail(lake, LH_ERR_CORRUPT,
				                      "the manifest of %s v%lld has a file without a path or "
				                      "a SHA-256 (registry.artifact_files was changed by "
				                      "hand): refused, nothing was written",
				                      name, (long long)version);
		}
	}
	lh_result_destroy(&r);
	lh_lake_swap_render(lake, was);
	for (size_t i = 0; st == LH_OK && i < n; i++) {
		if (!safe_rel(files[i].path))
			st = lh_registry_fail(
			        lake, LH_ERR_CORRUPT,
			        "the manifest of %s v%lld holds path "
			        "'%.200s', which would leave the folder it is written to: "
			        "refused, nothing was written",
			        name, (long long)version, files[i].path);
		else if (!(files[i].dest = lh_path_join(dir, files[i].path)) ||
		         !(files[i].part = lh_asprintf("%s.part", files[i].dest)))
			st = nomem(lake);
	}
	/* the data path is the lake's: a version written into it would collide with the
	 * objects of a later one */
	char *abs = lh_path_absolute(dir);
	const char *root = lh_lake_data_path(lake);
	if (st == LH_OK && !abs)
		st = nomem(lake);
	if (st == LH_OK && root[0] == '/' &&
	    (lh_str_starts_with(abs, root) || !strncmp(abs, root, strlen(root) - 1)))
		st = lh_registry_fail(lake, LH_ERR_INVALID, "'%s' is inside the lake's data path %s: "
		                      "write the version somewhere else", dir, root);
	free(abs);
	if (st == LH_OK)
		st = lh_mkdirs(dir, lh_lake_err(lake));
	lh_store *store = lh_lake_store(lake);
	size_t done = 0;
	for (; st == LH_OK && done < n; done++) {
		char *uri = folder_uri(lake, kind, name, version, files[done].path);
		st = uri ? get_one(lake, store, uri, &files[done]) : nomem(lake);
		free(uri);
		if (st == LH_OK)
			out->bytes += files[done].size;
		progress(o, "download", files[done].path, (int64_t)done + 1, (int64_t)n);
	}
	/* nothing half-done: a failure removes the files this call wrote */
	for (size_t i = 0; st != LH_OK && i < n; i++)
		if (files[i].written)
			unlink(files[i].dest);
	for (size_t i = 0; i < n; i++) {
		free(files[i].path);
		free(files[i].sha256);
		free(files[i].dest);
		free(files[i].part);
	}
	free(files);
	free(kind);
	if (st == LH_OK) {
		out->version = version;
		out->files = (int64_t)n;
	} else {
		lh_version_report_clear(out);
	}
	return st;
}

void lh_version_report_clear(lh_version_report *report)
{
	if (!report)
		return;
	free(report->uri);
	free(report->manifest_uri);
	memset(report, 0, sizeof *report);
}
