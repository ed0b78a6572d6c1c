/*
 * lake/tokens.c - the bearer tokens of `lakehouse serve` (lh_token_create,
 * lh_token_check in lakehouse.h).
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
 */
#include "lake/lake_int.h"
#include "util/crypto.h"
#include "util/uuid.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOKEN_TABLE "lakehouse_token"
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
	bool exists = false;
	st = lh_catdb_table_exists(db, TOKEN_TABLE, &exists, &lake->err);
	if (st == LH_OK && !exists) {
		const char *vc = db->ops->column_type("VARCHAR"), *bi = db->ops->column_type("BIGINT");
		char *ddl = lh_asprintf("CREATE TABLE " TOKEN_TABLE "(token_hash %s PRIMARY KEY, "
		                        "tenant_id %s, role %s, created_at %s, expires_at %s)",
		                        vc, vc, vc, bi, bi);
		st = ddl ? lh_catdb_exec(db, ddl, NULL, 0, &lake->err)
		         : lh_err_set(&lake->err, LH_ERR_NOMEM, "out of memory");
		free(ddl);
	}
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
