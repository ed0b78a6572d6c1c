/*
 * lake/session.c - the statements of a SQL session rather than of a lake: ATTACH,
 * DETACH, CREATE SECRET, DROP SECRET.
 *
 * Layer: lake. They parse here and act through lake.c (lh_lake_attach, the secrets).
 * Secrets live in the handle's memory only: nothing here writes them anywhere, and
 * DuckDB only evaluates their option values as constants (the lake's store does the I/O
 * with them).
 */
#include "lake/lake_int.h"
#include "store/s3.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OPTIONS 32

/* (NAME value, ...) of ATTACH and CREATE SECRET: names upper-cased as written, values
 * as text (constants evaluated by DuckDB; a lone word such as TYPE's is its text; a name
 * alone is "true"). */
typedef struct options {
	size_t n;
	char *names[MAX_OPTIONS];
	char *values[MAX_OPTIONS];
} options;

static void options_free(options *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->names[i]);
		free(o->values[i]);
	}
	o->n = 0;
}

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

static lh_status option_value(lh_lake *lake, lh_stmt *s, lh_cursor *c, char **out)
{
	*out = NULL;
	size_t from = lh_cur_offset(c), first = c->i;
	int depth = 0;
	while (!lh_cur_at_end(c) && !(depth == 0 && (lh_cur_is(c, 0, ",") || lh_cur_is(c, 0, ")")))) {
		depth += lh_cur_is(c, 0, "(") - lh_cur_is(c, 0, ")");
		c->i++;
	}
	size_t to = lh_cur_offset(c);
	const lh_tok *t = &c->t->v.items[first];
	if (to == from)
		*out = lh_strdup("true");
	else if (c->i == first + 1 && t->type == LH_TOK_WORD && !lh_cur_is(&(lh_cursor){c->t, first}, 0, "true") &&
	         !lh_cur_is(&(lh_cursor){c->t, first}, 0, "false") && !lh_cur_is(&(lh_cursor){c->t, first}, 0, "null"))
		*out = lh_strndup(s->text + t->start, t->end - t->start);
	else {
		char *expr = lh_strndup(s->text + from, to - from);
		lh_status st = expr ? lh_eval_text(lake, expr, out) : nomem(lake);
		free(expr);
		return st;
	}
	return *out ? LH_OK : nomem(lake);
}

static lh_status parse_options(lh_lake *lake, lh_stmt *s, lh_cursor *c, const char *what,
                               options *o)
{
	memset(o, 0, sizeof *o);
	if (!lh_cur_accept(c, "("))
		return LH_OK;
	lh_status st = LH_OK;
	while (st == LH_OK && !lh_cur_accept(c, ")")) {
		char *name = lh_cur_ident(c), *value = NULL;
		if (!name)
			return lh_lake_fail(lake, LH_ERR_SYNTAX, "%s: expected an option name", what);
		if (o->n == MAX_OPTIONS) {
			free(name);
			return lh_lake_fail(lake, LH_ERR_INVALID, "%s: too many options", what);
		}
		for (char *p = name; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		st = option_value(lake, s, c, &value);
		o->names[o->n] = name;
		o->values[o->n++] = value;
		if (st == LH_OK && !lh_cur_accept(c, ",") && !lh_cur_is(c, 0, ")"))
			st = lh_lake_fail(lake, LH_ERR_SYNTAX, "%s: expected ',' or ')' in the options", what);
	}
	return st;
}

/* IF EXISTS (not_ = false) or IF NOT EXISTS at the cursor: accepted when there. */
static bool accept_if(lh_cursor *c, bool not_)
{
	if (!lh_cur_is(c, 0, "IF") || !lh_cur_is(c, 1, not_ ? "NOT" : "EXISTS") ||
	    (not_ && !lh_cur_is(c, 2, "EXISTS")))
		return false;
	c->i += not_ ? 3 : 2;
	return true;
}

static bool truthy(const char *v)
{
	return v && (lh_strieq(v, "true") || strcmp(v, "1") == 0);
}

/* --- ATTACH / DETACH ------------------------------------------------------------------ */

/* Applies one ATTACH option to a; *ducklake set by TYPE. */
static lh_status attach_option(lh_lake *lake, lh_attach *a, const char *name, const char *value,
                               bool *ducklake)
{
	if (strcmp(name, "TYPE") == 0) {
		*ducklake = lh_strieq(value, "ducklake");
	} else if (strcmp(name, "DATA_PATH") == 0) {
		a->data_path = value;
	} else if (strcmp(name, "OVERRIDE_DATA_PATH") == 0) {
		a->override_data_path = truthy(value);
	} else if (strcmp(name, "READ_ONLY") == 0 || strcmp(name, "READONLY") == 0) {
		a->read_only = truthy(value);
	} else if (strcmp(name, "SNAPSHOT_VERSION") == 0) {
		if (!lh_parse_int64(value, &a->snapshot_version) || a->snapshot_version < 0)
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "SNAPSHOT_VERSION must be a snapshot id, not '%s'", value);
	} else if (strcmp(name, "SNAPSHOT_TIME") == 0) {
		lh_buf b;
		lh_buf_init(&b, 0);
		lh_buf_puts(&b, "epoch_us(CAST(");
		lh_buf_sql_str(&b, value);
		lh_buf_puts(&b, " AS TIMESTAMPTZ))");
		char *us = NULL;
		lh_status st = b.status == LH_OK ? lh_eval_text(lake, lh_buf_str(&b), &us) : nomem(lake);
		lh_buf_free(&b);
		bool ok = st == LH_OK && us && lh_parse_int64(us, &a->snapshot_time_us);
		free(us);
		if (!ok)
			return lh_lake_fail(lake, LH_ERR_INVALID, "SNAPSHOT_TIME '%s' is not a timestamp", value);
	} else if (strcmp(name, "METADATA_SCHEMA") == 0) {
		if (!*value || strlen(value) > 63)
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "ATTACH: METADATA_SCHEMA '%s' must be a name of 1 to 63 bytes",
			                    value);
		a->metadata_schema = value;
	} else if (strcmp(name, "METADATA_CATALOG") == 0) {
		a->metadata_catalog = value; /* DuckDB's name for it; we attach none */
	} else if (strcmp(name, "META_TYPE") == 0) {
		lh_status st = lh_lake_check_meta_type(lake, value, "META_TYPE");
		if (st != LH_OK)
			return st;
		a->meta_type = value;
	} else if (strcmp(name, "MIGRATE_IF_REQUIRED") == 0 || strcmp(name, "BUSY_TIMEOUT") == 0) {
		/* a default, and a wait (the catalog backends keep their own) */
	} else if (strcmp(name, "CREATE_IF_NOT_EXISTS") == 0) {
		a->must_exist = !truthy(value);
		a->create_asked = truthy(value);
	} else if (strcmp(name, "DATA_INLINING_ROW_LIMIT") == 0) {
		if (!lh_parse_int64(value, &a->inline_limit) || a->inline_limit < 0)
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "ATTACH: DATA_INLINING_ROW_LIMIT is a number of rows (0: no "
			                    "inlining), not '%s'",
			                    value);
	} else if (strcmp(name, "ENCRYPTED") == 0) {
		if (strcmp(value, "0") != 0 && !lh_strieq(value, "false"))
			return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                    "ATTACH: ENCRYPTED is not supported yet (no encrypted lakes); "
			                    "attach without it");
	} else {
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "ATTACH: option %s is not supported for a DuckLake; nothing was attached",
		                    name);
	}
	return LH_OK;
}

/* ATTACH [OR REPLACE] [DATABASE] [IF NOT EXISTS] 'ducklake:<spec>' [AS alias]
 * [(option value, ...)]; any other ATTACH (a DuckDB database file) is DuckDB's. OR
 * REPLACE detaches the lake of that name first. */
lh_status lh_stmt_attach(lh_lake *lake, lh_stmt *s, lh_cursor *c, lh_result **out)
{
	bool or_replace = lh_cur_is(c, 0, "OR") && lh_cur_is(c, 1, "REPLACE");
	if (or_replace)
		c->i += 2;
	lh_cur_accept(c, "DATABASE");
	bool if_not_exists = accept_if(c, true);
	const lh_tok *path = lh_cur_peek(c, 0);
	if (path->type != LH_TOK_STRING)
		return lh_exec_duckdb(lake, s, out);
	c->i++;
	char *target = lh_strndup(s->text + path->start, path->end - path->start);
	char *spec = NULL, *alias = NULL;
	lh_status st = target ? lh_eval_text(lake, target, &spec) : nomem(lake);
	free(target);
	if (st == LH_OK && lh_cur_accept(c, "AS") && !(alias = lh_cur_ident(c)))
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "ATTACH ... AS: expected a name after AS");
	options o = {0};
	if (st == LH_OK)
		st = parse_options(lake, s, c, "ATTACH", &o);
	lh_attach a = {.snapshot_version = -1, .snapshot_time_us = INT64_MIN, .inline_limit = -1};
	bool ducklake = spec && lh_str_starts_with(spec, "ducklake:");
	for (size_t i = 0; st == LH_OK && i < o.n; i++)
		if (strcmp(o.names[i], "TYPE") == 0)
			ducklake = lh_strieq(o.values[i], "ducklake");
	for (size_t i = 0; st == LH_OK && ducklake && i < o.n; i++)
		st = attach_option(lake, &a, o.names[i], o.values[i], &ducklake);
	if (st == LH_OK && !ducklake) {
		st = lh_exec_duckdb(lake, s, out); /* a DuckDB database */
	} else if (st == LH_OK) {
		a.spec = spec + (lh_str_starts_with(spec, "ducklake:") ? 9 : 0);
		/* DuckDB names an unnamed database after its file: 'ducklake:x/meta.db' is meta */
		if (!alias) {
			const char *base = strrchr(a.spec, '/') ? strrchr(a.spec, '/') + 1 : a.spec;
			if (strchr(base, ':'))
				base = strrchr(base, ':') + 1;
			alias = lh_strndup(base, strcspn(base, "."));
		}
		a.alias = alias;
		if (!alias || !*alias)
			st = lh_lake_fail(lake, LH_ERR_INVALID, "ATTACH: name the lake with AS <name>");
		else if (a.metadata_catalog && lh_strieq(a.metadata_catalog, alias))
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "ATTACH: METADATA_CATALOG '%s' is the lake's own name; the catalog "
			                  "database needs another (or leave METADATA_CATALOG out)",
			                  alias);
		else {
			/* (refused inside a transaction, changing nothing) */
			bool taken = lh_lake_is_name(lake, alias) || lh_peers_find(lake, alias);
			if (or_replace && lh_peers_find(lake, alias))
				st = lh_peers_detach(lake, alias);
			else if (or_replace && lh_lake_attached(lake) && lh_lake_is_name(lake, alias))
				st = lh_lake_detach(lake);
			bool there = if_not_exists && taken && !or_replace;
			if (st == LH_OK && !there && lh_lake_attached(lake) && !lh_lake_is_name(lake, alias))
				st = lh_peers_attach(lake, &a); /* a further lake of the session */
			else if (st == LH_OK && !there)
				st = lh_lake_attach(lake, &a);
		}
	}
	options_free(&o);
	free(spec);
	free(alias);
	return st;
}

/* DETACH [DATABASE] [IF EXISTS] name */
lh_status lh_stmt_detach(lh_lake *lake, lh_stmt *s, lh_cursor *c, lh_result **out)
{
	lh_cur_accept(c, "DATABASE");
	bool if_exists = accept_if(c, false);
	char *name = lh_cur_ident(c);
	if (!name)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "DETACH: which database?");
	lh_status st;
	if (lh_peers_find(lake, name))
		st = lh_peers_detach(lake, name);
	else if (lh_lake_is_name(lake, name) && lh_lake_attached(lake) && lake->peers.len > 0)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "'%s' is the session's first lake: DETACH the others (%s%s) first",
		                  name, lake->peers.items[0]->name, lake->peers.len > 1 ? ", ..." : "");
	else if (lh_lake_is_name(lake, name) && lh_lake_attached(lake))
		st = lh_lake_detach(lake);
	else if (lh_lake_attached(lake) && lake->meta_name && lh_strieq(name, lake->meta_name) &&
	         !lake->meta_detached)
		st = lh_metadb_detach(lake, true);
	else
		st = if_exists ? LH_OK : lh_exec_duckdb(lake, s, out);
	free(name);
	return st;
}

/* --- secrets ---------------------------------------------------------------------------- */

static lh_status s3_secret(lh_lake *lake, const options *o)
{
	lh_s3_secret *sec = calloc(1, sizeof *sec);
	if (!sec)
		return nomem(lake);
	sec->use_ssl = -1;
	static const struct {
		const char *name;
		size_t offset;
	} text[] = {{"KEY_ID", offsetof(lh_s3_secret, key_id)},
	            {"SECRET", offsetof(lh_s3_secret, secret)},
	            {"SESSION_TOKEN", offsetof(lh_s3_secret, session_token)},
	            {"REGION", offsetof(lh_s3_secret, region)},
	            {"ENDPOINT", offsetof(lh_s3_secret, endpoint)}};
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < o->n; i++) {
		const char *n = o->names[i], *v = o->values[i];
		bool done = strcmp(n, "TYPE") == 0 || strcmp(n, "PROVIDER") == 0 || strcmp(n, "SCOPE") == 0 ||
		            strcmp(n, "URL_COMPATIBILITY_MODE") == 0;
		for (size_t k = 0; !done && k < sizeof text / sizeof text[0]; k++) {
			if (strcmp(n, text[k].name) != 0)
				continue;
			char **slot = (char **)((char *)sec + text[k].offset);
			free(*slot);
			if (!(*slot = lh_strdup(v)))
				st = nomem(lake);
			done = true;
		}
		if (done) {
		} else if (strcmp(n, "URL_STYLE") == 0) {
			sec->url_style = lh_strieq(v, "path") ? 1 : lh_strieq(v, "vhost") ? 2 : -1;
			if (sec->url_style < 0)
				st = lh_lake_fail(lake, LH_ERR_INVALID, "CREATE SECRET: URL_STYLE is 'path' or "
				                                        "'vhost', not '%s'", v);
		} else if (strcmp(n, "USE_SSL") == 0) {
			sec->use_ssl = truthy(v);
		} else {
			st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                  "CREATE SECRET (TYPE s3): option %s is not supported (KEY_ID, SECRET, "
			                  "SESSION_TOKEN, REGION, ENDPOINT, URL_STYLE, USE_SSL, SCOPE are)",
			                  n);
		}
	}
	if (st == LH_OK && (!sec->key_id || !sec->secret))
		st = lh_lake_fail(lake, LH_ERR_INVALID, "CREATE SECRET (TYPE s3) needs KEY_ID and SECRET");
	if (st == LH_OK)
		return lh_lake_set_s3_secret(lake, sec);
	lh_s3_secret_clear(sec);
	free(sec);
	return st;
}

/* METADATA_PARAMETERS MAP {'TYPE': 'sqlite'}, as DuckDB renders it ({TYPE=sqlite}): the
 * metadata database's type, the one parameter the lake takes. */
static lh_status metadata_parameters(lh_lake *lake, const char *v, char **meta_type)
{
	size_t n = strlen(v);
	const char *eq = strchr(v, '=');
	if (n < 3 || v[0] != '{' || v[n - 1] != '}' || !eq || strchr(v, ',') ||
	    (size_t)(eq - v - 1) != 4 || strncasecmp(v + 1, "TYPE", 4) != 0)
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "CREATE SECRET (TYPE ducklake): METADATA_PARAMETERS %s: only MAP "
		                    "{'TYPE': 'duckdb|sqlite|postgres'} is supported",
		                    v);
	free(*meta_type);
	*meta_type = lh_strndup(eq + 1, (size_t)(v + n - 1 - (eq + 1)));
	return *meta_type ? LH_OK : nomem(lake);
}

static lh_status ducklake_secret(lh_lake *lake, const char *name, const options *o, bool or_replace)
{
	lh_lake_secret ls = {.name = lh_strdup(name)};
	lh_status st = ls.name ? LH_OK : nomem(lake);
	for (size_t i = 0; st == LH_OK && i < o->n; i++) {
		const char *n = o->names[i], *v = o->values[i];
		char **slot = strcmp(n, "METADATA_PATH") == 0 ? &ls.metadata_path
		              : strcmp(n, "DATA_PATH") == 0   ? &ls.data_path
		                                              : NULL;
		if (slot) {
			free(*slot);
			if (!(*slot = lh_strdup(v)))
				st = nomem(lake);
		} else if (strcmp(n, "METADATA_PARAMETERS") == 0) {
			st = metadata_parameters(lake, v, &ls.meta_type);
		} else if (strcmp(n, "TYPE") != 0) {
			st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                  "CREATE SECRET (TYPE ducklake): option %s is not supported "
			                  "(METADATA_PATH, DATA_PATH and METADATA_PARAMETERS are)",
			                  n);
		}
	}
	if (st == LH_OK && !ls.metadata_path)
		st = lh_lake_fail(lake, LH_ERR_INVALID, "CREATE SECRET (TYPE ducklake) needs METADATA_PATH");
	if (st == LH_OK)
		return lh_lake_add_secret(lake, &ls, or_replace);
	free(ls.name);
	free(ls.metadata_path);
	free(ls.data_path);
	free(ls.meta_type);
	return st;
}

/* CREATE [OR REPLACE] [TEMPORARY] SECRET [IF NOT EXISTS] [name] (TYPE s3|ducklake, ...) */
lh_status lh_stmt_create_secret(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	bool or_replace = lh_cur_is(&(lh_cursor){c->t, 0}, 1, "OR");
	accept_if(c, true);
	char *name = lh_cur_is(c, 0, "(") ? lh_strdup("") : lh_cur_ident(c);
	if (!name)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "CREATE SECRET: expected a name or '('");
	options o = {0};
	lh_status st = parse_options(lake, s, c, "CREATE SECRET", &o);
	const char *type = NULL;
	for (size_t i = 0; i < o.n; i++)
		if (strcmp(o.names[i], "TYPE") == 0)
			type = o.values[i];
	if (st == LH_OK && !lh_cur_at_end(c))
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "CREATE SECRET: unexpected text after the options");
	if (st != LH_OK) {
	} else if (type && lh_strieq(type, "s3")) {
		st = s3_secret(lake, &o);
	} else if (type && lh_strieq(type, "ducklake")) {
		st = ducklake_secret(lake, name, &o, or_replace);
	} else {
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "CREATE SECRET: TYPE %s is not supported here (s3 and ducklake are)",
		                  type ? type : "(none)");
	}
	options_free(&o);
	free(name);
	return st;
}

/* DROP [TEMPORARY] SECRET [IF EXISTS] name */
lh_status lh_stmt_drop_secret(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	(void)s;
	bool if_exists = accept_if(c, false);
	char *name = lh_cur_ident(c);
	if (!name)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "DROP SECRET: which secret?");
	bool found = lh_lake_drop_secret(lake, name);
	lh_status st = found || if_exists ? LH_OK
	                                  : lh_lake_fail(lake, LH_ERR_NOT_FOUND, "secret '%s' does not exist", name);
	free(name);
	return st;
}
