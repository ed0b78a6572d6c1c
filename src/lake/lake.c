/*
 * lake/lake.c - creating, opening and closing a lake.
 *
 * Layer: lake. A lake is a folder holding lakehouse.conf (where the catalog and the
 * data are; never secrets), the SQLite catalog metadata.sqlite, and by default the data
 * folder data/. The catalog's data_path is the truth about where data lives; the conf
 * records the catalog location.
 */
#include "lake/lake_int.h"
#include "engine/scan.h"
#include "store/s3.h"
#include "util/fsutil.h"

#include <stdarg.h>
#include <stddef.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *lh_version(void)
{
	return LH_VERSION;
}

const char *lh_duckdb_version(void)
{
	return duckdb_library_version();
}

lh_status lh_lake_fail(lh_lake *lake, lh_status code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lh_err_setv(&lake->err, code, fmt, ap);
	va_end(ap);
	return code;
}

const char *lh_lake_error(const lh_lake *lake)
{
	return lake ? lh_err_msg(&lake->err) : "";
}

struct lh_engine *lh_lake_engine(lh_lake *lake)
{
	return lake->engine;
}

lh_store *lh_lake_store(lh_lake *lake)
{
	return lake->store;
}

lh_render lh_lake_swap_render(lh_lake *lake, lh_render render)
{
	lh_render old = lake->render;
	lake->render = render;
	return old;
}

void lh_lake_commit_info(const lh_lake *lake, const char **author, const char **message)
{
	*author = lake->commit.author;
	*message = lake->commit.commit_message;
}

void lh_lake_set_commit_info(lh_lake *lake, const char *author, const char *message)
{
	lake->commit.author = author;
	lake->commit.commit_message = message;
}

int64_t lh_lake_snapshot_id(const lh_lake *lake)
{
	int64_t known = lake->committed ? lake->committed->snap.id : -1;
	/* a commit of ours that the cached state could not catch up with is still there */
	return lake->last_commit > known ? lake->last_commit : known;
}

lh_err *lh_lake_err(lh_lake *lake)
{
	return &lake->err;
}

const char *lh_lake_data_path(const lh_lake *lake)
{
	return lake->data_path;
}

const char *lh_lake_ducklake_version(const lh_lake *lake)
{
	return lh_ducklake_format_name(lake->cat->format);
}

static bool absolute_uri(const char *uri)
{
	return uri[0] == '/' || strstr(uri, "://") != NULL;
}

char *lh_lake_asset_uri(const lh_lake *lake, const char *uri)
{
	if (!uri)
		return NULL;
	return absolute_uri(uri) ? lh_strdup(uri) : lh_asprintf("%s%s", lake->data_path, uri);
}

void lh_lake_fetch_stats(const lh_lake *lake, int64_t *out_files, int64_t *out_bytes)
{
	if (out_files)
		*out_files = lake && lake->store ? lake->store->fetched_files : 0;
	if (out_bytes)
		*out_bytes = lake && lake->store ? lake->store->fetched_bytes : 0;
}

void lh_lake_set_render(lh_lake *lake, lh_render render)
{
	if (lake)
		lake->render = render;
}

lh_state *lh_lake_state(lh_lake *lake)
{
	return lake->txn ? lake->txn : lake->committed;
}

/* --- conf file ------------------------------------------------------------------------ */

typedef struct conf {
	char *catalog;   /* "sqlite:<path>" */
	char *data_path; /* informational copy */
	lh_str_vec settings; /* "key=value" of the other keys (lh_lake_setting applies them) */
} conf;

static void conf_free(conf *c)
{
	free(c->catalog);
	free(c->data_path);
	for (size_t i = 0; i < c->settings.len; i++)
		free(c->settings.items[i]);
	LH_VEC_FREE(&c->settings);
}

lh_status lh_lake_setting(lh_lake *lake, const char *name, const char *value, bool *known)
{
	if (lh_str_starts_with(name, "ducklake_"))
		name += 9;
	*known = true;
	char *end = NULL;
	double v = value ? strtod(value, &end) : 0;
	bool number = value && end != value && *end == '\0';
	if (strcmp(name, "max_retry_count") == 0) {
		if (!number || v < 0 || v > 100000 || v != (int)v)
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "max_retry_count must be a whole number from 0 to 100000, not '%s'",
			                    value ? value : "");
		lake->commit.max_retries = (int)v;
	} else if (strcmp(name, "retry_wait_ms") == 0) {
		if (!number || v < 0 || v > 60000)
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "retry_wait_ms must be a number of milliseconds from 0 to 60000, "
			                    "not '%s'",
			                    value ? value : "");
		lake->commit.retry_wait_ms = v;
	} else if (strcmp(name, "retry_backoff") == 0) {
		if (!number || v < 1 || v > 10)
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "retry_backoff must be a factor from 1 to 10, not '%s'",
			                    value ? value : "");
		lake->commit.backoff = v;
	} else {
		*known = false;
	}
	return LH_OK;
}

static lh_status conf_read(const char *dir, conf *out, lh_err *err)
{
	memset(out, 0, sizeof *out);
	char *path = lh_path_join(dir, LH_CONF_FILE);
	char *text = NULL;
	lh_err rerr = {0};
	lh_status st = path ? lh_file_read(path, 1 << 16, &text, NULL, &rerr)
	                    : lh_err_set(&rerr, LH_ERR_NOMEM, "out of memory");
	if (st == LH_ERR_NOT_FOUND) {
		/* a catalog without its conf (lost, or a lake DuckDB wrote): init would refuse
		 * the folder, so say how to open the catalog itself */
		static const char *const catalogs[][2] = {{"metadata.sqlite", "sqlite"},
		                                          {"metadata.ducklake", "duckdb"}};
		const char *found = NULL, *kind = NULL;
		for (size_t i = 0; i < 2 && !found; i++) {
			char *p = lh_path_join(dir, catalogs[i][0]);
			if (p && lh_path_exists(p)) {
				found = catalogs[i][0];
				kind = catalogs[i][1];
			}
			free(p);
		}
		if (found)
			st = lh_err_set(err, LH_ERR_NOT_FOUND,
			                "'%s' has a catalog (%s) but no " LH_CONF_FILE ": open it with "
			                "--lake %s:%s/%s, or write %s/" LH_CONF_FILE " again with the lines "
			                "'format = 1', 'catalog = %s:%s' and 'data_path = <its data folder>'",
			                dir, found, kind, dir, found, dir, kind, found);
		else
			st = lh_err_set(err, LH_ERR_NOT_FOUND,
			                lh_path_is_dir(dir)
			                    ? "'%s' is not a lake (it has no " LH_CONF_FILE
			                      "); create one with `lakehouse init %s` or pass --lake"
			                    : "no lake at '%s' (the folder does not exist); create one with "
			                      "`lakehouse init %s` or pass --lake",
			                dir, dir);
	} else if (st != LH_OK) {
		lh_err_move(err, &rerr);
	}
	lh_err_clear(&rerr);
	free(path);
	if (st != LH_OK)
		return st;
	char *save = NULL;
	bool nomem = false;
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		while (*line == ' ' || *line == '\t')
			line++;
		if (*line == '#' || *line == '\0')
			continue;
		char *eq = strchr(line, '=');
		if (!eq)
			continue;
		char *key = line, *val = eq + 1;
		for (char *k = eq; k > key && (k[-1] == ' ' || k[-1] == '\t'); k--)
			k[-1] = '\0';
		*eq = '\0';
		while (*val == ' ' || *val == '\t')
			val++;
		size_t n = strlen(val);
		while (n > 0 && (val[n - 1] == ' ' || val[n - 1] == '\r'))
			val[--n] = '\0';
		if (strcmp(key, "catalog") == 0) {
			free(out->catalog);
			out->catalog = lh_strdup(val);
		} else if (strcmp(key, "data_path") == 0) {
			free(out->data_path);
			out->data_path = lh_strdup(val);
		} else if (strcmp(key, "format") != 0) {
			char *kv = lh_asprintf("%s=%s", key, val);
			if (!kv || LH_VEC_PUSH(&out->settings, kv) != LH_OK) {
				free(kv);
				nomem = true;
			}
		}
		nomem |= strcmp(key, "catalog") == 0 && !out->catalog;
		nomem |= strcmp(key, "data_path") == 0 && !out->data_path;
	}
	free(text);
	if (nomem) {
		conf_free(out);
		return lh_err_set(err, LH_ERR_NOMEM, "cannot read '%s/" LH_CONF_FILE "': out of memory",
		                  dir);
	}
	if (!out->catalog) {
		conf_free(out);
		return lh_err_set(err, LH_ERR_CORRUPT, "'%s/" LH_CONF_FILE "' names no catalog", dir);
	}
	return LH_OK;
}

static lh_status conf_write(const char *dir, const char *catalog, const char *data_path,
                            lh_err *err)
{
	char *path = lh_path_join(dir, LH_CONF_FILE);
	char *text = lh_asprintf("# Modal Lakehouse lake (a DuckLake catalog). No secrets belong "
	                         "here:\n# credentials come from the environment.\nformat = 1\n"
	                         "catalog = %s\ndata_path = %s\n",
	                         catalog, data_path);
	lh_status st = path && text ? lh_file_write_atomic(path, text, strlen(text), err)
	                            : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	free(path);
	free(text);
	return st;
}

/* --- open / close ------------------------------------------------------------------------ */

/* Catalog specs: sqlite:<file> and duckdb:<file> (relative to the lake folder), and
 * postgres:<libpq connection string or URI>. */
typedef enum cat_kind { CAT_NONE, CAT_SQLITE, CAT_DUCKDB, CAT_POSTGRES } cat_kind;

static cat_kind spec_kind(const char *spec, const char **rest)
{
	static const struct {
		const char *prefix;
		cat_kind kind;
	} kinds[] = {{"sqlite:", CAT_SQLITE}, {"duckdb:", CAT_DUCKDB}, {"postgres:", CAT_POSTGRES},
	             {"postgresql:", CAT_POSTGRES}};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (lh_str_starts_with(spec, kinds[i].prefix)) {
			*rest = spec + strlen(kinds[i].prefix);
			/* postgresql:// URIs pass to libpq whole */
			if (kinds[i].kind == CAT_POSTGRES && lh_str_starts_with(spec, "postgresql://"))
				*rest = spec;
			return kinds[i].kind;
		}
	return CAT_NONE;
}

static lh_status open_catalog(const char *dir, const char *spec, bool create, lh_catdb **out,
                              lh_err *err)
{
	const char *rest = NULL;
	cat_kind kind = spec_kind(spec, &rest);
	if (kind == CAT_POSTGRES)
		return lh_catdb_open_postgres(rest, out, err);
	if (kind == CAT_NONE || !*rest)
		return lh_err_set(err, LH_ERR_INVALID,
		                  "catalog '%s' is not one of sqlite:<file>, duckdb:<file>, "
		                  "postgres:<connection string>",
		                  spec);
	char *path = lh_path_join(dir, rest);
	if (!path)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = LH_OK;
	if (create && lh_path_exists(path))
		st = lh_err_set(err, LH_ERR_EXISTS,
		                "catalog file '%s' already exists; open that lake with --lake, or pick "
		                "another file",
		                path);
	else if (kind == CAT_SQLITE)
		st = lh_catdb_open_sqlite(path, create, out, err);
	else
		st = lh_catdb_open_duckdb(path, create, out, err);
	free(path);
	return st;
}

/* Resolves a data path stored in the catalog: absolute as is, relative to the lake
 * folder (not the working directory, so a lake opens the same from anywhere). */
static char *resolve_data_path(const char *dir, const char *stored)
{
	if (lh_str_starts_with(stored, "s3://"))
		return lh_asprintf("%s%s", stored, lh_str_ends_with(stored, "/") ? "" : "/");
	char *joined = stored[0] == '/' ? lh_strdup(stored) : lh_path_join(dir, stored);
	char *abs = joined ? lh_path_absolute(joined) : NULL;
	free(joined);
	if (abs && !lh_str_ends_with(abs, "/")) {
		char *slash = lh_asprintf("%s/", abs);
		free(abs);
		abs = slash;
	}
	return abs;
}

/* lakehouse_asset_uri(uri) in SQL: lh_lake_asset_uri for queries and loaders. */
static lh_status define_asset_macro(lh_lake *lake, lh_err *err)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE OR REPLACE MACRO lakehouse_asset_uri(u) AS CASE WHEN u IS NULL THEN NULL "
	                "WHEN starts_with(u, '/') OR contains(u, '://') THEN u ELSE ");
	lh_buf_sql_str(&b, lake->data_path);
	lh_buf_puts(&b, " || u END");
	lh_status st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), err)
	                                 : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&b);
	return st;
}

static lh_status lake_start(lh_lake *lake, const char *stored_data_path, lh_err *err)
{
	lake->data_path = resolve_data_path(lake->dir, stored_data_path);
	if (!lake->data_path)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_store_options so = {.secret = lake->s3_secret};
	lh_status st = lake->store ? LH_OK : lh_store_open(lake->data_path, &so, &lake->store, err);
	if (st == LH_OK)
		lh_verify_attach(lake);
	if (st == LH_OK && !lake->engine)
		st = lh_engine_open(&lake->engine, err);
	if (st == LH_OK)
		st = lh_engine_exec(lake->engine,
		                    "CREATE TABLE IF NOT EXISTS " LH_PENDING_DELETES
		                    "(file_id BIGINT, pos BIGINT)",
		                    err);
	if (st == LH_OK)
		st = define_asset_macro(lake, err);
	if (st == LH_OK)
		st = lh_catalog_load(lake->cat, lake->pinned >= 0 ? lake->pinned : -1, lake->data_path,
		                     &lake->committed, err);
	lh_commit_options_default(&lake->commit);
	lake->commit.author = getenv("LAKEHOUSE_AUTHOR");
	if (lake->commit.author && !*lake->commit.author)
		lake->commit.author = NULL;
	lake->target_file_size = LH_DEFAULT_TARGET_FILE_SIZE;
	return st;
}

/* A new lake's data path must be reachable and empty: cleanup removes files no
 * snapshot references, which would include another lake's files. Opens the store. */
static lh_status check_data_path(lh_lake *lake, const char *data, lh_err *err)
{
	lh_store_options so = {.secret = lake->s3_secret};
	lh_status st = lh_store_open(data, &so, &lake->store, err);
	lh_store_entries found = {0};
	if (st == LH_OK)
		st = lake->store->ops->list(lake->store, data, &found, err);
	if (st != LH_OK)
		return lh_err_prefix(err, "cannot use data path '%s': ", data);
	size_t n = found.len;
	lh_store_entries_free(&found);
	if (n > 0)
		return lh_err_set(err, LH_ERR_EXISTS,
		                  "data path '%s' already holds %zu files; give each lake a data path of "
		                  "its own (maintenance removes files its catalog does not reference)",
		                  data, n);
	return LH_OK;
}

static lh_lake *lake_alloc(const char *dir)
{
	lh_lake *lake = calloc(1, sizeof *lake);
	if (lake) {
		lake->pinned = -1;
		lake->inline_limit = -1;
		lake->is_default = true;
	}
	if (lake && (!(lake->dir = lh_path_absolute(dir)) || !(lake->name = lh_strdup("lake")) ||
	             lh_metadb_name(lake, NULL) != LH_OK)) {
		free(lake->dir);
		free(lake->name);
		lh_err_clear(&lake->err);
		free(lake);
		return NULL;
	}
	return lake;
}

static lh_status fail_open(lh_lake *lake, lh_err *err, lh_status st, char **out_error)
{
	if (out_error)
		*out_error = lh_strdup(lh_err_msg(err));
	lh_err_clear(err);
	lh_lake_close(&lake);
	return st;
}

lh_status lh_lake_open(const char *dir, lh_lake **out_lake, char **out_error)
{
	*out_lake = NULL;
	if (out_error)
		*out_error = NULL;
	lh_err err = {0};
	const char *rest = NULL;
	cat_kind direct = spec_kind(dir, &rest);
	/* a catalog named directly (e.g. a DuckLake written by DuckDB): its folder is the
	 * lake folder; for PostgreSQL, the working directory */
	char *folder = NULL;
	if (direct == CAT_SQLITE || direct == CAT_DUCKDB) {
		char *abs = lh_path_absolute(rest);
		char *slash = abs ? strrchr(abs, '/') : NULL;
		folder = slash ? lh_strndup(abs, (size_t)(slash - abs)) : NULL;
		free(abs);
	}
	lh_lake *lake = lake_alloc(direct == CAT_NONE ? dir : folder ? folder : ".");
	free(folder);
	if (!lake)
		return fail_open(NULL, &err, lh_err_set(&err, LH_ERR_NOMEM, "out of memory"), out_error);
	conf cf = {0};
	lh_status st = LH_OK;
	if (direct == CAT_NONE) {
		st = conf_read(lake->dir, &cf, &err);
	} else {
		char *abs = direct == CAT_POSTGRES ? NULL : lh_path_absolute(rest);
		cf.catalog = direct == CAT_POSTGRES ? lh_strdup(dir)
		                                    : lh_asprintf("%s:%s", direct == CAT_SQLITE ? "sqlite"
		                                                                                 : "duckdb",
		                                                  abs ? abs : rest);
		free(abs);
		if (!cf.catalog)
			st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
	}
	if (st != LH_OK)
		return fail_open(lake, &err, st, out_error);
	if (!(lake->reopen = lh_strdup(direct == CAT_NONE ? lake->dir : cf.catalog))) {
		conf_free(&cf);
		return fail_open(lake, &err, lh_err_set(&err, LH_ERR_NOMEM, "out of memory"), out_error);
	}
	char *stored = NULL;
	st = open_catalog(lake->dir, cf.catalog, false, &lake->cat, &err);
	bool held = st == LH_OK && lh_catdb_hold(lake->cat, &err) == LH_OK;
	if (st == LH_OK && !held)
		st = err.code;
	if (st == LH_OK)
		st = lh_catalog_check(lake->cat, cf.catalog, &stored, &err);
	if (st == LH_OK)
		st = lake_start(lake, stored, &err);
	/* settings in the conf file (unknown keys are left for later versions) */
	for (size_t i = 0; st == LH_OK && i < cf.settings.len; i++) {
		char *kv = cf.settings.items[i], *eq = strchr(kv, '=');
		*eq = '\0';
		bool known;
		if (lh_lake_setting(lake, kv, eq + 1, &known) != LH_OK) {
			st = lh_err_set(&err, lake->err.code, "%s/" LH_CONF_FILE ": %s", lake->dir,
			                lh_err_msg(&lake->err));
		}
	}
	conf_free(&cf);
	if (held)
		lh_catdb_release(lake->cat);
	free(stored);
	if (st != LH_OK)
		return fail_open(lake, &err, st, out_error);
	*out_lake = lake;
	return LH_OK;
}

lh_status lh_lake_create(const char *dir, const lh_create_options *options, lh_lake **out_lake,
                         char **out_error)
{
	*out_lake = NULL;
	if (out_error)
		*out_error = NULL;
	lh_err err = {0};
	/* the layout before ducklake_version was appended is accepted too */
	if (!LH_OPTIONS_SIZE_OK(options) &&
	    options->struct_size != offsetof(lh_create_options, ducklake_version))
		return fail_open(NULL, &err,
		                 lh_err_options_size(&err, "lh_create_options", options->struct_size,
		                                     sizeof *options),
		                 out_error);
	lh_ducklake_format format = LH_DUCKLAKE_DEFAULT;
	const char *version = options && options->struct_size != offsetof(lh_create_options,
	                                                                   ducklake_version)
	                          ? options->ducklake_version
	                          : NULL;
	if (version && (lh_ducklake_format_parse(version, &format) != LH_OK ||
	                format == LH_DUCKLAKE_0_4))
		return fail_open(NULL, &err,
		                 lh_err_set(&err, LH_ERR_INVALID,
		                            "DuckLake version '%s' cannot be created: pick 0.3 (read by "
		                            "DuckDB 1.4) or 1.0 (read by DuckDB 1.5.2 and later)",
		                            version),
		                 out_error);
	const char *spec = options && options->catalog ? options->catalog : "sqlite:" LH_SQLITE_FILE;
	const char *rest = NULL;
	cat_kind kind = spec_kind(spec, &rest);
	lh_lake *lake = lake_alloc(dir);
	char *conf_path = lake ? lh_path_join(lake->dir, LH_CONF_FILE) : NULL;
	char *data = NULL, *stored = NULL;
	lh_status st = LH_OK;
	if (!lake || !conf_path) {
		st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
		goto out;
	}
	if (lh_path_exists(conf_path)) {
		st = lh_err_set(&err, LH_ERR_EXISTS,
		                "'%s' already holds a lake; open it with --lake, or pick another folder",
		                lake->dir);
		goto out;
	}
	const char *given = options && options->data_path ? options->data_path : NULL;
	if (given && lh_str_starts_with(given, "s3://")) {
		data = lh_asprintf("%s%s", given, lh_str_ends_with(given, "/") ? "" : "/");
	} else {
		char *raw = given ? lh_path_absolute(given) : lh_path_join(lake->dir, "data");
		data = raw ? lh_asprintf("%s%s", raw, lh_str_ends_with(raw, "/") ? "" : "/") : NULL;
		free(raw);
	}
	if (!data) {
		st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
		goto out;
	}
	st = check_data_path(lake, data, &err);
	if (st == LH_OK)
		st = lh_mkdirs(lake->dir, &err);
	if (st == LH_OK && !lh_str_starts_with(data, "s3://"))
		st = lh_mkdirs(data, &err);
	/* with a catalog file in the lake, a data folder inside the lake is stored relative
	 * to it ("data/"), so the lake can be moved or copied whole; DuckDB's ducklake
	 * resolves it from its working directory, so attach it from the lake folder (or pass
	 * DATA_PATH). A shared catalog (PostgreSQL) stores the full path. */
	bool inside = false;
	char *lake_slash = lh_asprintf("%s/", lake->dir);
	if (kind == CAT_POSTGRES || !lake_slash)
		stored = lh_strdup(data);
	else
		stored = lh_relative_path(lake_slash, data, &inside);
	free(lake_slash);
	if (st == LH_OK && !stored)
		st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK)
		st = open_catalog(lake->dir, spec, true, &lake->cat, &err);
	if (st == LH_OK) {
		char *created_by = lh_asprintf("Modal Lakehouse %s (DuckDB %s)", LH_VERSION,
		                               duckdb_library_version());
		st = lh_catalog_create(lake->cat, stored, created_by ? created_by : "Modal Lakehouse",
		                       format, &err);
		free(created_by);
	}
	/* the conf goes last: a crash before it leaves no lake that would open half-made */
	if (st == LH_OK)
		st = conf_write(lake->dir, spec, stored, &err);
	if (st == LH_OK)
		st = lake_start(lake, stored, &err);
out:
	free(conf_path);
	free(data);
	free(stored);
	if (st == LH_OK && !(lake->reopen = lh_strdup(lake->dir)))
		st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
	if (st != LH_OK)
		return fail_open(lake, &err, st, out_error);
	*out_lake = lake;
	return LH_OK;
}

/* Forgets the attached lake (catalog, store, states, views); the engine stays. */
static void lake_release(lh_lake *lake)
{
	if (lake->txn)
		lh_txn_rollback(lake);
	lake->txn_open = false;
	lh_views_clear(lake);
	for (size_t i = 0; i < lake->past.len; i++)
		lh_state_free(&lake->past.items[i]);
	LH_VEC_FREE(&lake->past);
	lh_store_close(&lake->store);
	lh_catdb_close(&lake->cat);
	lh_state_free(&lake->committed);
	free(lake->reopen);
	free(lake->data_path);
	lake->reopen = lake->data_path = NULL;
	lake->pinned = -1;
	lake->inline_limit = -1;
	lake->read_only = false;
	lake->session_attached = false;
	lake->last_commit = 0;
}

void lh_lake_close(lh_lake **plake)
{
	if (!plake || !*plake)
		return;
	lh_lake *lake = *plake;
	lh_peers_close(lake);
	lake_release(lake);
	lh_engine_close(&lake->engine);
	lh_err_clear(&lake->err);
	if (lake->s3_secret)
		lh_s3_secret_clear(lake->s3_secret);
	free(lake->s3_secret);
	while (lake->lake_secrets.len)
		lh_lake_drop_secret(lake, lake->lake_secrets.items[0].name);
	LH_VEC_FREE(&lake->lake_secrets);
	free(lake->dir);
	free(lake->name);
	free(lake->meta_name);
	free(lake);
	*plake = NULL;
}

lh_status lh_lake_set_s3_secret(lh_lake *lake, lh_s3_secret *secret)
{
	if (lake->s3_secret)
		lh_s3_secret_clear(lake->s3_secret);
	free(lake->s3_secret);
	lake->s3_secret = secret;
	if (!lake->cat || !lake->store || !lh_str_starts_with(lake->data_path, "s3://"))
		return LH_OK;
	/* the attached lake's store reads and writes with the new credentials */
	lh_store *fresh = NULL;
	lh_store_options so = {.secret = secret};
	lh_status st = lh_store_open(lake->data_path, &so, &fresh, &lake->err);
	if (st != LH_OK)
		return st;
	lh_store_close(&lake->store);
	lake->store = fresh;
	lh_verify_attach(lake);
	return LH_OK;
}

lh_status lh_lake_check_meta_type(lh_lake *lake, const char *type, const char *what)
{
	if (lh_strieq(type, "duckdb") || lh_strieq(type, "sqlite") || lh_strieq(type, "postgres"))
		return LH_OK;
	char lower[64];
	size_t n = 0;
	for (; type[n] && n + 1 < sizeof lower; n++)
		lower[n] = (char)tolower((unsigned char)type[n]);
	lower[n] = '\0';
	return lh_lake_fail(lake, LH_ERR_INVALID,
	                    "ATTACH: %s '%s' is not a metadata database type; use duckdb, sqlite or "
	                    "postgres",
	                    what, lower);
}

static void lake_secret_clear(lh_lake_secret *s)
{
	free(s->name);
	free(s->metadata_path);
	free(s->data_path);
	free(s->meta_type);
}

lh_status lh_lake_add_secret(lh_lake *lake, lh_lake_secret *secret, bool or_replace)
{
	for (size_t i = 0; i < lake->lake_secrets.len; i++) {
		if (strcmp(lake->lake_secrets.items[i].name, secret->name) != 0)
			continue;
		if (!or_replace) {
			lh_status st = lh_lake_fail(lake, LH_ERR_EXISTS,
			                            "secret '%s' already exists (CREATE OR REPLACE SECRET "
			                            "replaces it)",
			                            secret->name);
			lake_secret_clear(secret);
			return st;
		}
		lake_secret_clear(&lake->lake_secrets.items[i]);
		lake->lake_secrets.items[i] = *secret;
		return LH_OK;
	}
	if (LH_VEC_PUSH(&lake->lake_secrets, *secret) != LH_OK) {
		lake_secret_clear(secret);
		return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

bool lh_lake_drop_secret(lh_lake *lake, const char *name)
{
	for (size_t i = 0; i < lake->lake_secrets.len; i++) {
		if (strcmp(lake->lake_secrets.items[i].name, name) != 0)
			continue;
		lake_secret_clear(&lake->lake_secrets.items[i]);
		memmove(&lake->lake_secrets.items[i], &lake->lake_secrets.items[i + 1],
		        (lake->lake_secrets.len - i - 1) * sizeof lake->lake_secrets.items[0]);
		lake->lake_secrets.len--;
		return true;
	}
	return false;
}

/* --- sessions: ATTACH / DETACH ------------------------------------------------------------ */

lh_status lh_session_open(lh_lake **out_lake, char **out_error)
{
	*out_lake = NULL;
	if (out_error)
		*out_error = NULL;
	lh_err err = {0};
	lh_lake *lake = lake_alloc(".");
	lh_status st = lake ? lh_engine_open(&lake->engine, &err)
	                    : lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
	/* no lake yet: DuckDB's own in-memory database is the default until ATTACH */
	if (st == LH_OK)
		st = lh_engine_exec(lake->engine, "USE memory; DETACH lake", &err);
	if (st != LH_OK)
		return fail_open(lake, &err, st, out_error);
	free(lake->name);
	lake->name = NULL;
	free(lake->meta_name);
	lake->meta_name = NULL;
	*out_lake = lake;
	return LH_OK;
}

bool lh_lake_attached(const lh_lake *lake)
{
	return lake->cat != NULL;
}

bool lh_lake_is_name(const lh_lake *lake, const char *name)
{
	return name && lake->name && lh_strieq(name, lake->name);
}

/* The DuckDB database that shows the lake's tables, named as the lake is. As in DuckDB,
 * attaching it does not make it the default: USE does. */
static lh_status attach_views_db(lh_lake *lake, const char *name, lh_err *err)
{
	return lh_engine_exec_named(lake->engine, "ATTACH ':memory:' AS", name, err);
}

/* A new catalog for ATTACH: the data path DuckLake would pick (<file>.files/) unless given. */
static lh_status attach_new_data(lh_lake *lake, const lh_attach *a, cat_kind kind,
                                 const char *file, char **out_data, lh_err *err)
{
	char *data = NULL;
	const char *given = a->data_path;
	if (given && lh_str_starts_with(given, "s3://")) {
		data = lh_asprintf("%s%s", given, lh_str_ends_with(given, "/") ? "" : "/");
	} else {
		char *raw = given ? lh_path_absolute(given)
		                  : kind == CAT_POSTGRES ? NULL : lh_asprintf("%s.files", file);
		if (!given && kind == CAT_POSTGRES)
			return lh_err_set(err, LH_ERR_INVALID,
			                  "a new lake in PostgreSQL needs DATA_PATH (where its files go)");
		data = raw ? lh_asprintf("%s%s", raw, lh_str_ends_with(raw, "/") ? "" : "/") : NULL;
		free(raw);
	}
	if (!data)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	lh_status st = check_data_path(lake, data, err);
	if (st == LH_OK && !lh_str_starts_with(data, "s3://"))
		st = lh_mkdirs(data, err);
	if (st == LH_OK)
		*out_data = data;
	else
		free(data);
	return st;
}

/* The new catalog's tables, with its data path (checked by attach_new_data first, so a
 * refused data path leaves no catalog file behind). */
static lh_status attach_create(lh_lake *lake, const char *data, lh_err *err)
{
	char *created_by = lh_asprintf("Modal Lakehouse %s (DuckDB %s)", LH_VERSION,
	                               duckdb_library_version());
	lh_status st = lh_catalog_create(lake->cat, data, created_by ? created_by : "Modal Lakehouse",
	                                 LH_DUCKLAKE_DEFAULT, err);
	free(created_by);
	return st;
}

static lh_status attach_pin(lh_lake *lake, const lh_attach *a, lh_err *err)
{
	if (a->snapshot_version >= 0) {
		lh_snapshot_info info;
		lh_status st = lh_catalog_snapshot(lake->cat, a->snapshot_version, &info, err);
		if (st == LH_ERR_NOT_FOUND)
			return lh_err_set(err, st, "SNAPSHOT_VERSION %lld: the lake has no such snapshot",
			                  (long long)a->snapshot_version);
		free(info.time);
		lake->pinned = a->snapshot_version;
		return st;
	}
	if (a->snapshot_time_us != INT64_MIN) {
		lh_status st = lh_catalog_snapshot_at_time(lake->cat, a->snapshot_time_us, &lake->pinned, err);
		if (st == LH_ERR_NOT_FOUND)
			return lh_err_set(err, st, "SNAPSHOT_TIME: the lake has no snapshot that old");
		return st;
	}
	return LH_OK;
}

/* The refusal of ATTACH READ_ONLY or CREATE_IF_NOT_EXISTS false where no lake is. */
static lh_status no_new_lake(const lh_attach *a, const char *where, lh_err *err)
{
	if (a->read_only && a->create_asked)
		return lh_err_set(err, LH_ERR_READ_ONLY,
		                  "no lake at '%s' yet, and a lake attached READ_ONLY cannot be made: "
		                  "Cannot execute statement of type \"CREATE\" on database "
		                  "\"__ducklake_metadata_%s\" which is attached in read-only mode! "
		                  "(attach it without READ_ONLY to create it)",
		                  where, a->alias);
	return lh_err_set(err, LH_ERR_NOT_FOUND,
	                  "no lake at '%s' to attach %s, and creating a new DuckLake is explicitly "
	                  "disabled (without %s, ATTACH creates one)",
	                  where, a->read_only ? "READ_ONLY" : "with CREATE_IF_NOT_EXISTS false",
	                  a->read_only ? "READ_ONLY" : "it");
}

lh_status lh_lake_attach(lh_lake *lake, const lh_attach *a)
{
	lh_err_clear(&lake->err);
	if (lake->cat)
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "this session already has lake '%s' attached: DETACH %s first, or "
		                    "ATTACH the other AS another name",
		                    lake->name, lake->name);
	/* 'ducklake:' and 'ducklake:<name>' of a DuckLake secret */
	lh_attach named = *a;
	for (size_t i = 0; i < lake->lake_secrets.len; i++) {
		const lh_lake_secret *ls = &lake->lake_secrets.items[i];
		if (strcmp(ls->name, a->spec) != 0)
			continue;
		named.spec = ls->metadata_path;
		if (!named.data_path)
			named.data_path = ls->data_path;
		if (!named.meta_type && ls->meta_type) {
			lh_status st = lh_lake_check_meta_type(lake, ls->meta_type, "the secret's TYPE");
			if (st != LH_OK)
				return st;
			named.meta_type = ls->meta_type;
		}
		a = &named;
		break;
	}
	/* a plain name (letters, digits, '_') is a secret's, as in DuckLake */
	bool plain = a == &named ? false : *a->spec != '\0';
	for (const char *p = a->spec; plain && *p; p++)
		plain = isalnum((unsigned char)*p) || *p == '_';
	if (plain)
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                    "Secret \"%s\" was not found - if this was meant to be a path to a "
		                    "DuckDB file, use duckdb:%s instead (or CREATE SECRET %s (TYPE "
		                    "ducklake, METADATA_PATH '...'))",
		                    a->spec, a->spec, a->spec);
	if (!*a->spec)
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                    "ATTACH 'ducklake:': Default secret was not found; it needs one: CREATE SECRET (TYPE "
		                    "ducklake, METADATA_PATH '...', DATA_PATH '...'), or name the catalog "
		                    "('ducklake:meta.ducklake')");
	const char *rest = NULL;
	cat_kind kind = spec_kind(a->spec, &rest);
	if (kind == CAT_NONE) {
		/* a file, of META_TYPE's kind (a DuckDB file by default) */
		kind = !a->meta_type || lh_strieq(a->meta_type, "duckdb") ? CAT_DUCKDB
		       : lh_strieq(a->meta_type, "sqlite")               ? CAT_SQLITE
		                                                          : CAT_POSTGRES;
		rest = a->spec;
	}
	if (!*rest)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "ATTACH 'ducklake:...' names no catalog: give a file "
		                    "('ducklake:meta.ducklake'), sqlite:<file> or postgres:<conninfo>");
	if (kind == CAT_SQLITE && a->metadata_schema && strcmp(a->metadata_schema, "main") != 0)
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "ATTACH: METADATA_SCHEMA '%s': an SQLite catalog has one schema; put "
		                    "lakes in schemas of a PostgreSQL or DuckDB-file catalog, or give each "
		                    "lake its own file",
		                    a->metadata_schema);
	lh_err err = {0};
	char *file = kind == CAT_POSTGRES ? NULL : lh_path_absolute(rest);
	char *spec = kind == CAT_POSTGRES ? lh_strdup(a->spec)
	                                  : lh_asprintf("%s:%s", kind == CAT_SQLITE ? "sqlite" : "duckdb",
	                                                file ? file : "");
	char *folder = file ? lh_strndup(file, (size_t)(strrchr(file, '/') - file)) : lh_path_absolute(".");
	lh_status st = file || kind == CAT_POSTGRES ? LH_OK : lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK && (!spec || !folder))
		st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
	bool exists = false;
	if (st == LH_OK && file)
		exists = lh_path_exists(file);
	/* refused before the catalog file is opened (opening would create it) */
	if (st == LH_OK && file && !exists && (a->read_only || a->must_exist))
		st = no_new_lake(a, file, &err);
	char *new_data = NULL; /* a new lake's data path, checked before its catalog is made */
	if (st == LH_OK && file && !exists)
		st = attach_new_data(lake, a, kind, file, &new_data, &err);
	if (st == LH_OK) {
		free(lake->dir);
		lake->dir = folder;
		folder = NULL;
		if (kind == CAT_POSTGRES)
			st = lh_catdb_open_postgres(rest, &lake->cat, &err);
		else if (kind == CAT_SQLITE)
			st = lh_catdb_open_sqlite(file, !exists, &lake->cat, &err);
		else
			st = lh_catdb_open_duckdb(file, !exists, &lake->cat, &err);
	}
	/* METADATA_SCHEMA: the lake's tables in that schema of the database (made when a new
	 * lake may be created there) */
	if (st == LH_OK && a->metadata_schema)
		st = lh_catdb_set_schema(lake->cat, a->metadata_schema, !a->read_only && !a->must_exist,
		                         &err);
	if (st == LH_OK && (kind == CAT_POSTGRES || a->metadata_schema))
		st = lh_catdb_table_exists(lake->cat, "ducklake_metadata", &exists, &err);
	/* an empty database file is a new lake's, as DuckLake takes it */
	if (st == LH_OK && exists && file && !a->metadata_schema) {
		lh_rows *tabs = NULL;
		st = lh_catdb_query(lake->cat, lake->cat->ops->tables_sql, NULL, 0, &tabs, &err);
		exists = st != LH_OK || tabs->nrows > 0;
		lh_rows_free(&tabs);
	}
	char *stored = NULL;
	if (st == LH_OK && !exists && (a->read_only || a->must_exist))
		st = no_new_lake(a, file ? file : "the PostgreSQL database", &err);
	else if (st == LH_OK && !exists && !new_data)
		st = attach_new_data(lake, a, kind, file, &new_data, &err); /* PostgreSQL */
	if (st == LH_OK && !exists) {
		st = attach_create(lake, new_data, &err);
		stored = new_data;
		new_data = NULL;
	} else if (st == LH_OK) {
		bool held = lh_catdb_hold(lake->cat, &err) == LH_OK;
		st = held ? lh_catalog_check(lake->cat, spec, &stored, &err) : err.code;
		if (held)
			lh_catdb_release(lake->cat);
		char *want = st == LH_OK && a->data_path ? resolve_data_path(lake->dir, a->data_path) : NULL;
		char *have = st == LH_OK && a->data_path ? resolve_data_path(lake->dir, stored) : NULL;
		if (want && have && strcmp(want, have) != 0 && a->override_data_path) {
			free(stored); /* this session reads and writes the given path instead */
			if (!(stored = lh_strdup(a->data_path)))
				st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
		} else if (want && have && strcmp(want, have) != 0)
			st = lh_err_set(&err, LH_ERR_INVALID,
			                "DATA_PATH '%s' does not match existing data path in the catalog ('%s'); "
			                "leave DATA_PATH out to use the lake's own",
			                a->data_path, stored);
		free(want);
		free(have);
	}
	if (st == LH_OK)
		st = attach_pin(lake, a, &err);
	lake->read_only = a->read_only || lake->pinned >= 0;
	lake->inline_limit = a->inline_limit;
	if (st == LH_OK && lake->read_only)
		lake->cat->read_only = true;
	if (st == LH_OK)
		st = lake_start(lake, stored, &err);
	if (st == LH_OK && !(lake->name = lh_strdup(a->alias)))
		st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK)
		st = attach_views_db(lake, a->alias, &err);
	lake->is_default = false; /* lake.t, until USE */
	if (st == LH_OK && lh_metadb_name(lake, a->metadata_catalog) != LH_OK)
		st = lh_err_set(&err, LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK) {
		lake->reopen = spec;
		spec = NULL;
		lake->session_attached = true;
	}
	free(stored);
	free(spec);
	free(folder);
	if (st != LH_OK) {
		/* a conninfo may hold a password: never in a message */
		lh_status code = lh_lake_fail(lake, st, "cannot attach '%s': %s",
		                              kind == CAT_POSTGRES ? "postgres:…" : a->spec,
		                              lh_err_msg(&err));
		lh_err_clear(&err);
		lake_release(lake);
		free(lake->name);
		lake->name = NULL;
		free(new_data);
		free(file);
		return code;
	}
	free(new_data);
	free(file);
	return LH_OK;
}

lh_status lh_lake_detach(lh_lake *lake)
{
	lh_err_clear(&lake->err);
	if (lake->txn_open)
		return lh_lake_fail(lake, LH_ERR_TXN, "cannot detach '%s' inside a transaction: COMMIT or "
		                                      "ROLLBACK first",
		                    lake->name);
	lh_buf b;
	lh_buf_init(&b, 0);
	/* its views, and everything made for its statements in __lh, go with it */
	lh_buf_puts(&b, "USE memory; DETACH ");
	lh_buf_sql_ident(&b, lake->name);
	lh_buf_puts(&b, "; DETACH __lh; ATTACH ':memory:' AS __lh");
	lh_status st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
	                                 : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&b);
	if (st == LH_OK)
		st = lh_metadb_detach(lake, false);
	if (st != LH_OK)
		return st;
	lake_release(lake);
	free(lake->name);
	lake->name = NULL;
	return LH_OK;
}

lh_status lh_lake_need(lh_lake *lake)
{
	if (!lake)
		return LH_ERR_INVALID;
	if (lake->cat)
		return LH_OK;
	return lh_lake_fail(lake, LH_ERR_INVALID,
	                    "no lake is attached to this session: ATTACH 'ducklake:<catalog>' AS "
	                    "name first");
}

lh_status lh_lake_reopen(lh_lake *lake, lh_lake **out, lh_err *err)
{
	*out = NULL;
	if (!lake->cat)
		return lh_err_set(err, LH_ERR_INVALID,
		                  "no lake is attached to this session: ATTACH 'ducklake:<catalog>' AS "
		                  "name first");
	/* a second handle would lose what the session attached with (its name, snapshot, S3
	 * secret, data path override) */
	if (lake->session_attached)
		return lh_err_set(err, LH_ERR_UNSUPPORTED,
		                  "streams over a lake attached in a SQL session are not supported yet: "
		                  "open the lake by its catalog instead (lakehouse.open('%s'))",
		                  lake->reopen && !lh_str_starts_with(lake->reopen, "postgres")
		                      ? lake->reopen
		                      : "duckdb:<file> or sqlite:<file> or postgres:<conninfo>");
	char *msg = NULL;
	lh_status st = lh_lake_open(lake->reopen, out, &msg);
	if (st != LH_OK)
		lh_err_set(err, st, "%s", msg ? msg : lh_strerror(st));
	free(msg);
	return st;
}

#define SANDBOX_MEMORY "1GB"

lh_status lh_lake_sandbox(lh_lake *lake)
{
	if (!lake)
		return LH_ERR_INVALID;
	lh_err_clear(&lake->err);
	/* the lake's own folder (catalog files) and where its data files are read from (the
	 * data path's folder, or a remote store's cache); DuckDB's own guards do the rest */
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SET allowed_directories = [");
	lh_buf_sql_str(&q, lake->dir);
	lh_buf_puts(&q, ", ");
	lh_buf_sql_str(&q, !lake->store ? lake->dir
	                   : lake->store->local_root ? lake->store->local_root
	                                             : lake->data_path);
	/* bounded memory: at most SANDBOX_MEMORY per handle, and nothing spilled to disk (a
	 * query past it fails saying so, instead of filling a temporary folder) */
	lh_buf_puts(&q, "]; SET autoinstall_known_extensions = false; "
	                "SET memory_limit = '" SANDBOX_MEMORY "'; SET temp_directory = ''; "
	                "SET enable_external_access = false; SET lock_configuration = true");
	lh_status st = q.status != LH_OK ? lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory")
	                                 : lh_engine_exec(lake->engine, lh_buf_str(&q), &lake->err);
	lh_buf_free(&q);
	/* table functions the lake answers itself, some of which write (maintenance),
	 * are the lake's to refuse */
	if (st == LH_OK)
		lake->sandboxed = true;
	return st;
}

lh_status lh_lake_migrate(lh_lake *lake, const char *version)
{
	lh_err_clear(&lake->err);
	lh_ducklake_format to = LH_DUCKLAKE_1_0;
	if (version && lh_ducklake_format_parse(version, &to) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "DuckLake version '%s' is not one this build knows (0.3, 0.4, 1.0)",
		                    version);
	if (lake->txn_open)
		return lh_lake_fail(lake, LH_ERR_TXN,
		                    "cannot migrate the catalog inside a transaction: COMMIT or ROLLBACK "
		                    "first");
	if (lake->read_only)
		return lh_lake_fail(lake, LH_ERR_READ_ONLY,
		                    "cannot migrate a lake attached READ_ONLY or at a past snapshot");
	lh_status st = lh_catdb_writable(lake->cat, &lake->err);
	if (st != LH_OK)
		return st;
	if ((st = lh_catdb_hold(lake->cat, &lake->err)) != LH_OK)
		return st;
	lh_ducklake_format from = lake->cat->format;
	st = lh_catalog_migrate(lake->cat, to, &lake->err);
	lh_catdb_release(lake->cat);
	if (st != LH_OK)
		return lh_err_prefix(&lake->err, "cannot migrate the catalog from DuckLake %s to %s: ",
		                     lh_ducklake_format_name(from), lh_ducklake_format_name(to));
	return lh_lake_refresh(lake);
}
