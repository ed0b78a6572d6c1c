/*
 * catalog/options.c - lake options in ducklake_metadata. See options.h.
 */
#include "catalog/options.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

static const char *const scope_names[] = {NULL, "schema", "table"};

/* The UPDATE-else-INSERT of one option, in the caller's catalog transaction. */
static lh_status put_option(lh_catdb *db, const char *key, const char *value,
                            lh_option_scope scope, int64_t scope_id, lh_err *err)
{
	int64_t changed = 0;
	lh_status st;
	if (scope == LH_SCOPE_GLOBAL) {
		lh_val v[2] = {LH_V_TEXT(value), LH_V_TEXT(key)};
		st = db->ops->exec(db, "UPDATE ducklake_metadata SET \"value\" = ? WHERE \"key\" = ? AND "
		                       "\"scope\" IS NULL",
		                   v, 2, &changed, err);
	} else {
		lh_val v[4] = {LH_V_TEXT(value), LH_V_TEXT(key), LH_V_TEXT(scope_names[scope]),
		               LH_V_INT(scope_id)};
		st = db->ops->exec(db, "UPDATE ducklake_metadata SET \"value\" = ? WHERE \"key\" = ? AND "
		                       "\"scope\" = ? AND scope_id = ?",
		                   v, 4, &changed, err);
	}
	if (st == LH_OK && changed == 0) {
		lh_val v[4] = {LH_V_TEXT(key), LH_V_TEXT(value),
		               scope == LH_SCOPE_GLOBAL ? LH_V_NULL : LH_V_TEXT(scope_names[scope]),
		               scope == LH_SCOPE_GLOBAL ? LH_V_NULL : LH_V_INT(scope_id)};
		st = lh_catdb_exec(db, "INSERT INTO ducklake_metadata VALUES (?, ?, ?, ?)", v, 4, err);
	}
	return st;
}

lh_status lh_catalog_set_option(lh_catdb *db, const char *key, const char *value,
                                lh_option_scope scope, int64_t scope_id, lh_err *err)
{
	lh_status st = lh_catdb_writable(db, err);
	if (st == LH_OK)
		st = db->ops->begin(db, true, err);
	if (st != LH_OK)
		return st;
	st = put_option(db, key, value, scope, scope_id, err);
	if (st == LH_OK)
		return lh_catdb_commit(db, err);
	db->ops->rollback(db);
	return st;
}

static const lh_option *find_option(const lh_option_vec *v, const char *key, int scope,
                                    int64_t scope_id)
{
	for (size_t i = 0; i < v->len; i++)
		if (strcmp(v->items[i].key, key) == 0 && v->items[i].scope == scope &&
		    (scope == LH_SCOPE_GLOBAL || v->items[i].scope_id == scope_id))
			return &v->items[i];
	return NULL;
}

lh_status lh_options_put(lh_option_vec *v, const char *key, const char *value,
                         lh_option_scope scope, int64_t scope_id)
{
	lh_option *o = (lh_option *)find_option(v, key, (int)scope, scope_id);
	char *copy = lh_strdup(value);
	if (!copy)
		return LH_ERR_NOMEM;
	if (o) {
		free(o->value);
		o->value = copy;
		return LH_OK;
	}
	lh_option n = {.key = lh_strdup(key), .value = copy, .scope = (int)scope,
	               .scope_id = scope == LH_SCOPE_GLOBAL ? -1 : scope_id};
	if (!n.key || LH_VEC_PUSH(v, n) != LH_OK) {
		free(n.key);
		free(copy);
		return LH_ERR_NOMEM;
	}
	return LH_OK;
}

bool lh_options_changed(const lh_option_vec *base, const lh_option_vec *txn)
{
	for (size_t i = 0; i < txn->len; i++) {
		const lh_option *o = &txn->items[i];
		const lh_option *b = find_option(base, o->key, o->scope, o->scope_id);
		if (!b || strcmp(b->value, o->value) != 0)
			return true;
	}
	return false;
}

lh_status lh_catalog_write_options(lh_catdb *db, const lh_option_vec *base,
                                   const lh_option_vec *txn, lh_err *err)
{
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < txn->len; i++) {
		const lh_option *o = &txn->items[i];
		const lh_option *b = find_option(base, o->key, o->scope, o->scope_id);
		if (!b || strcmp(b->value, o->value) != 0)
			st = put_option(db, o->key, o->value, (lh_option_scope)o->scope, o->scope_id, err);
	}
	return st;
}

void lh_options_free(lh_option_vec *v)
{
	for (size_t i = 0; i < v->len; i++) {
		free(v->items[i].key);
		free(v->items[i].value);
	}
	LH_VEC_FREE(v);
}

lh_status lh_catalog_load_options(lh_catdb *db, lh_state *s, lh_err *err)
{
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT \"key\", \"value\", \"scope\", scope_id FROM "
	                              "ducklake_metadata WHERE \"key\" NOT IN ('version', "
	                              "'created_by', 'data_path', 'encrypted')",
	                              NULL, 0, &rows, err);
	if (st != LH_OK)
		return st;
	lh_options_free(&s->options);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		const char *scope = lh_rows_get(rows, r, 2);
		lh_option o = {.key = lh_rows_dup(rows, r, 0), .value = lh_rows_dup(rows, r, 1),
		               .scope = !scope ? LH_SCOPE_GLOBAL
		                        : strcmp(scope, "schema") == 0 ? LH_SCOPE_SCHEMA
		                                                       : LH_SCOPE_TABLE,
		               .scope_id = lh_rows_int(rows, r, 3, -1)};
		if (!o.key || !o.value || LH_VEC_PUSH(&s->options, o) != LH_OK) {
			free(o.key);
			free(o.value);
			st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		}
	}
	lh_rows_free(&rows);
	return st;
}

const char *lh_state_option(const lh_state *s, const lh_table *t, const char *key)
{
	const char *found[3] = {NULL, NULL, NULL};
	for (size_t i = 0; i < s->options.len; i++) {
		const lh_option *o = &s->options.items[i];
		if (strcmp(o->key, key) != 0)
			continue;
		if (o->scope == LH_SCOPE_GLOBAL)
			found[0] = o->value;
		else if (t && o->scope == LH_SCOPE_SCHEMA && o->scope_id == t->schema_id)
			found[1] = o->value;
		else if (t && o->scope == LH_SCOPE_TABLE && o->scope_id == t->id)
			found[2] = o->value;
	}
	return found[2] ? found[2] : found[1] ? found[1] : found[0];
}
