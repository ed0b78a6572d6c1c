/*
 * lake/tenants.c - the bearer tokens of `lakehouse serve` (lh_token_create,
 * lh_token_check in lakehouse.h) and tenants' policies (lh_policy_set, lh_policy_get).
 *
 * Layer: lake. Tokens live in the lake's catalog, in a table of ours beside DuckLake's
 * (like lakehouse_file_checksum; DuckDB's ducklake extension ignores it), so every
 * server sharing the lake accepts the same tokens and a token made on one machine works
 * on all:
 *
 *   lakehouse_token(token_hash VARCHAR PRIMARY KEY, tenant_id VARCHAR, role VARCHAR,
 *                   created_at BIGINT, expires_at BIGINT)   -- unix seconds; NULL: never
 *
 * Only the SHA-256 of a token is stored; the token itself ("lh_" and 43 characters of
 * base64url: 256 random bits) is shown once, to whoever made it. The table is created by
 * the first token, so lakes without one open unchanged; no SQL text reaches a message.
 *
 * A tenant's policy (which tables it may see and write, how much storage, how long its
 * history is kept) is a JSON document per tenant, checked and normalised here:
 *
 *   lakehouse_tenant_policy(tenant_id VARCHAR PRIMARY KEY, policy VARCHAR, updated_at BIGINT)
 */
#include "lake/lake_int.h"
#include "util/crypto.h"
#include "util/uuid.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOKEN_TABLE "lakehouse_token"
#define POLICY_TABLE "lakehouse_tenant_policy"
#define TOKEN_PREFIX "lh_"
#define TOKEN_BYTES 32

static const char *const role_names[] = {[LH_TOKEN_READ_ONLY] = "read-only",
                                         [LH_TOKEN_READ_WRITE] = "read-write",
                                         [LH_TOKEN_ADMIN] = "admin"};

const char *lh_token_role_name(lh_token_role role)
{
	return role >= LH_TOKEN_READ_ONLY && role <= LH_TOKEN_ADMIN ? role_names[role] : "unknown";
}

/* A tenant id: 1 to 64 letters, digits, '_', '-', '.'. */
static bool tenant_ok(const char *t)
{
	size_t n = t ? strlen(t) : 0;
	if (n == 0 || n > 64)
		return false;
	for (const char *p = t; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '-' || *p == '.'))
			return false;
	return true;
}

/* base64url without padding of n bytes into out (4n/3 + 2 bytes). */
static void base64url(const unsigned char *in, size_t n, char *out)
{
	char *b = malloc(4 * ((n + 2) / 3) + 1);
	if (!b) {
		out[0] = '\0';
		return;
	}
	lh_base64(in, n, b);
	size_t j = 0;
	for (char *p = b; *p && *p != '='; p++)
		out[j++] = *p == '+' ? '-' : *p == '/' ? '_' : *p;
	out[j] = '\0';
	free(b);
}

/* Runs CREATE TABLE name(columns) when the catalog lacks the table, inside
 * the caller's write transaction. */
static lh_status ensure_table(lh_lake *lake, const char *name, const char *columns)
{
	bool exists = false;
	lh_status st = lh_catdb_table_exists(lake->cat, name, &exists, &lake->err);
	if (st != LH_OK || exists)
		return st;
	char *ddl = lh_asprintf("CREATE TABLE %s(%s)", name, columns);
	st = ddl ? lh_catdb_exec(lake->cat, ddl, NULL, 0, &lake->err)
	         : lh_err_set(&lake->err, LH_ERR_NOMEM, "out of memory");
	free(ddl);
	return st;
}

lh_status lh_token_create(lh_lake *lake, const char *tenant, lh_token_role role,
                          int64_t expires_in_seconds, char **out_token)
{
	if (!lake || !out_token)
		return LH_ERR_INVALID;
	*out_token = NULL;
	lh_err_clear(&lake->err);
	if (!tenant_ok(tenant))
		return lh_err_set(&lake->err, LH_ERR_INVALID,
		                  "tenant '%.80s' is not a tenant id: use 1 to 64 letters, digits, "
		                  "'_', '-' or '.'",
		                  tenant ? tenant : "");
	if (role < LH_TOKEN_READ_ONLY || role > LH_TOKEN_ADMIN)
		return lh_err_set(&lake->err, LH_ERR_INVALID, "unknown token role %d", (int)role);
	if (expires_in_seconds < 0)
		return lh_err_set(&lake->err, LH_ERR_INVALID, "a token's lifetime cannot be negative");
	if (lake->txn_open)
		return lh_err_set(&lake->err, LH_ERR_TXN,
		                  "tokens cannot be made inside a transaction: COMMIT or ROLLBACK first");
	unsigned char raw[TOKEN_BYTES];
	lh_status st = lh_random_bytes(raw, sizeof raw);
	if (st != LH_OK)
		return lh_err_set(&lake->err, st, "cannot draw random bytes for a token");
	char token[sizeof TOKEN_PREFIX + 4 * TOKEN_BYTES / 3 + 4] = TOKEN_PREFIX;
	base64url(raw, sizeof raw, token + strlen(TOKEN_PREFIX));
	if (strlen(token) < strlen(TOKEN_PREFIX) + 43)
		return lh_err_set(&lake->err, LH_ERR_NOMEM, "out of memory");
	char hash[65];
	lh_sha256_hex(token, strlen(token), hash);

	lh_catdb *db = lake->cat;
	if ((st = lh_catdb_writable(db, &lake->err)) != LH_OK)
		return st;
	if ((st = db->ops->begin(db, true, &lake->err)) != LH_OK)
		return st;
	const char *vc = db->ops->column_type("VARCHAR"), *bi = db->ops->column_type("BIGINT");
	char cols[240];
	snprintf(cols, sizeof cols,
	         "token_hash %s PRIMARY KEY, tenant_id %s, role %s, created_at %s, expires_at %s", vc,
	         vc, vc, bi, bi);
	st = ensure_table(lake, TOKEN_TABLE, cols);
	int64_t now = (int64_t)time(NULL);
	lh_val v[5] = {LH_V_TEXT(hash), LH_V_TEXT(tenant), LH_V_TEXT(role_names[role]), LH_V_INT(now),
	               expires_in_seconds ? LH_V_INT(now + expires_in_seconds) : LH_V_NULL};
	if (st == LH_OK)
		st = lh_catdb_exec(db, "INSERT INTO " TOKEN_TABLE " VALUES (?, ?, ?, ?, ?)", v, 5,
		                   &lake->err);
	if (st == LH_OK)
		st = lh_catdb_commit(db, &lake->err);
	else
		db->ops->rollback(db);
	if (st != LH_OK)
		return lh_err_set(&lake->err, st, "cannot store the new token in the catalog: %s",
		                  lake->err.msg);
	if (!(*out_token = strdup(token)))
		return lh_err_set(&lake->err, LH_ERR_NOMEM, "out of memory");
	return LH_OK;
}

lh_status lh_token_check(lh_lake *lake, const char *token, char **out_tenant,
                         lh_token_role *out_role)
{
	if (!lake || !out_tenant || !out_role)
		return LH_ERR_INVALID;
	*out_tenant = NULL;
	*out_role = 0;
	lh_err_clear(&lake->err);
	static const char *const unknown = "the token is not known to this lake (or was revoked): "
	                                   "make one with `lakehouse token create --tenant T`";
	size_t n = token ? strlen(token) : 0;
	if (n < strlen(TOKEN_PREFIX) || n > 200 || strncmp(token, TOKEN_PREFIX, strlen(TOKEN_PREFIX)))
		return lh_err_set(&lake->err, LH_ERR_NOT_FOUND, "%s", unknown);
	char hash[65];
	lh_sha256_hex(token, n, hash);
	lh_catdb *db = lake->cat;
	bool exists = false;
	lh_status st = lh_catdb_table_exists(db, TOKEN_TABLE, &exists, &lake->err);
	if (st != LH_OK)
		return st;
	if (!exists)
		return lh_err_set(&lake->err, LH_ERR_NOT_FOUND, "%s", unknown);
	lh_rows *rows = NULL;
	lh_val p[1] = {LH_V_TEXT(hash)};
	st = lh_catdb_query(db,
	                    "SELECT tenant_id, role, expires_at FROM " TOKEN_TABLE
	                    " WHERE token_hash = ?",
	                    p, 1, &rows, &lake->err);
	if (st != LH_OK)
		return st;
	if (rows->nrows != 1) {
		st = lh_err_set(&lake->err, LH_ERR_NOT_FOUND, "%s", unknown);
	} else if (!lh_rows_isnull(rows, 0, 2) && lh_rows_int(rows, 0, 2, 0) <= (int64_t)time(NULL)) {
		st = lh_err_set(&lake->err, LH_ERR_NOT_FOUND,
		                "the token expired: make a new one with `lakehouse token create`");
	} else {
		const char *role = lh_rows_get(rows, 0, 1);
		for (int r = LH_TOKEN_READ_ONLY; r <= LH_TOKEN_ADMIN; r++)
			if (role && !strcmp(role, role_names[r]))
				*out_role = (lh_token_role)r;
		if (!*out_role)
			st = lh_err_set(&lake->err, LH_ERR_CORRUPT, "the token's role '%.40s' is unknown",
			                role ? role : "");
		else if (!(*out_tenant = lh_rows_dup(rows, 0, 0)))
			st = lh_err_set(&lake->err, LH_ERR_NOMEM, "out of memory");
	}
	lh_rows_free(&rows);
	return st;
}

/* The policy document checked and normalised: allowed_tables as schema.table names. */
static lh_status normalise_policy(lh_lake *lake, const char *text, char **out)
{
	json_error_t jerr;
	json_t *p = json_loads(text ? text : "", JSON_REJECT_DUPLICATES, &jerr);
	if (!json_is_object(p)) {
		json_decref(p);
		return lh_err_set(&lake->err, LH_ERR_INVALID, "a policy is a JSON object");
	}
	json_t *out_p = json_object();
	const char *key;
	json_t *v;
	lh_status st = LH_OK;
	json_object_foreach(p, key, v)
	{
		if (st != LH_OK)
			break;
		if (!strcmp(key, "tenant_id") || json_is_null(v))
			continue;
		if (!strcmp(key, "retention_days")) {
			if (!json_is_integer(v) || json_integer_value(v) < 1)
				st = lh_err_set(&lake->err, LH_ERR_INVALID,
				                "policy: retention_days must be a whole number of days (1 or more)");
			else
				json_object_set(out_p, key, v);
		} else if (!strcmp(key, "max_storage_gb")) {
			if (!json_is_number(v) || json_number_value(v) <= 0)
				st = lh_err_set(&lake->err, LH_ERR_INVALID,
				                "policy: max_storage_gb must be a number above 0");
			else
				json_object_set_new(out_p, key, json_real(json_number_value(v)));
		} else if (!strcmp(key, "allowed_tables")) {
			json_t *names = json_array();
			size_t i;
			json_t *e;
			if (!json_is_array(v))
				st = lh_err_set(&lake->err, LH_ERR_INVALID,
				                "policy: allowed_tables must be a list of table names");
			json_array_foreach(v, i, e)
			{
				lh_qname q = {0};
				if (st == LH_OK && (!json_is_string(e) || lh_parse_qname(json_string_value(e), &q) != LH_OK ||
				                    q.catalog))
					st = lh_err_set(&lake->err, LH_ERR_INVALID,
					                "policy: allowed_tables[%zu] is not a table name (table or "
					                "schema.table)",
					                i);
				char *full = st == LH_OK ? lh_asprintf("%s.%s", q.schema ? q.schema : "main", q.name)
				                         : NULL;
				if (full)
					json_array_append_new(names, json_string(full));
				free(full);
				lh_qname_free(&q);
			}
			json_object_set_new(out_p, key, names);
		} else if (!strcmp(key, "retrieval")) {
			/* the retrieve tool's sources; it checks their fields when it runs */
			size_t i;
			json_t *e;
			if (!json_is_array(v))
				st = lh_err_set(&lake->err, LH_ERR_INVALID,
				                "policy: retrieval must be a list of sources {table, text_column, "
				                "id_column, metadata_columns, embedding_column}");
			json_array_foreach(v, i, e)
			if (st == LH_OK && (!json_is_string(json_object_get(e, "table")) ||
			                    !json_is_string(json_object_get(e, "text_column")) ||
			                    !json_is_string(json_object_get(e, "id_column"))))
				st = lh_err_set(&lake->err, LH_ERR_INVALID,
				                "policy: retrieval[%zu] needs table, text_column and id_column", i);
			json_object_set(out_p, key, v);
		} else {
			st = lh_err_set(&lake->err, LH_ERR_INVALID,
			                "policy: unknown field '%.60s' (retention_days, allowed_tables, "
			                "max_storage_gb, retrieval)",
			                key);
		}
	}
	*out = st == LH_OK ? json_dumps(out_p, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	if (st == LH_OK && !*out)
		st = lh_err_set(&lake->err, LH_ERR_NOMEM, "out of memory");
	json_decref(out_p);
	json_decref(p);
	return st;
}

lh_status lh_policy_set(lh_lake *lake, const char *tenant, const char *policy_json,
                        char **out_json)
{
	if (!lake || !out_json)
		return LH_ERR_INVALID;
	*out_json = NULL;
	lh_err_clear(&lake->err);
	if (!tenant_ok(tenant))
		return lh_err_set(&lake->err, LH_ERR_INVALID, "'%.80s' is not a tenant id",
		                  tenant ? tenant : "");
	char *norm = NULL;
	lh_status st = normalise_policy(lake, policy_json, &norm);
	lh_catdb *db = lake->cat;
	if (st == LH_OK)
		st = lh_catdb_writable(db, &lake->err);
	if (st == LH_OK)
		st = db->ops->begin(db, true, &lake->err);
	if (st != LH_OK) {
		free(norm);
		return st;
	}
	const char *vc = db->ops->column_type("VARCHAR"), *bi = db->ops->column_type("BIGINT");
	char cols[200];
	snprintf(cols, sizeof cols, "tenant_id %s PRIMARY KEY, policy %s, updated_at %s", vc, vc, bi);
	st = ensure_table(lake, POLICY_TABLE, cols);
	lh_val k[1] = {LH_V_TEXT(tenant)};
	lh_val v[3] = {LH_V_TEXT(tenant), LH_V_TEXT(norm), LH_V_INT((int64_t)time(NULL))};
	if (st == LH_OK)
		st = lh_catdb_exec(db, "DELETE FROM " POLICY_TABLE " WHERE tenant_id = ?", k, 1, &lake->err);
	if (st == LH_OK)
		st = lh_catdb_exec(db, "INSERT INTO " POLICY_TABLE " VALUES (?, ?, ?)", v, 3, &lake->err);
	if (st == LH_OK)
		st = lh_catdb_commit(db, &lake->err);
	else
		db->ops->rollback(db);
	if (st == LH_OK)
		*out_json = norm;
	else
		free(norm);
	return st;
}

/* The stored policies: of `tenant`, or all when it is NULL (no rows without the table). */
static lh_status policy_rows(lh_lake *lake, const char *tenant, lh_rows **out)
{
	*out = NULL;
	lh_err_clear(&lake->err);
	bool exists = false;
	lh_status st = lh_catdb_table_exists(lake->cat, POLICY_TABLE, &exists, &lake->err);
	if (st != LH_OK || !exists)
		return st;
	lh_val k[1] = {LH_V_TEXT(tenant ? tenant : "")};
	return lh_catdb_query(lake->cat,
	                      tenant ? "SELECT policy FROM " POLICY_TABLE " WHERE tenant_id = ?"
	                             : "SELECT policy FROM " POLICY_TABLE,
	                      k, tenant ? 1 : 0, out, &lake->err);
}

lh_status lh_policy_get(lh_lake *lake, const char *tenant, char **out_json)
{
	if (!lake || !out_json || !tenant)
		return LH_ERR_INVALID;
	*out_json = NULL;
	lh_rows *rows = NULL;
	lh_status st = policy_rows(lake, tenant, &rows);
	if (st == LH_OK && rows && rows->nrows == 1 && !(*out_json = lh_rows_dup(rows, 0, 0)))
		st = lh_err_set(&lake->err, LH_ERR_NOMEM, "out of memory");
	lh_rows_free(&rows);
	return st;
}

lh_status lh_policy_longest_retention(lh_lake *lake, int64_t *out_days)
{
	if (!lake || !out_days)
		return LH_ERR_INVALID;
	*out_days = 0;
	lh_rows *rows = NULL;
	lh_status st = policy_rows(lake, NULL, &rows);
	for (size_t i = 0; st == LH_OK && rows && i < rows->nrows; i++) {
		json_t *p = json_loads(lh_rows_get(rows, i, 0), 0, NULL);
		json_int_t d = json_integer_value(json_object_get(p, "retention_days"));
		if (d > *out_days)
			*out_days = d;
		json_decref(p);
	}
	lh_rows_free(&rows);
	return st;
}
