/*
 * catalog/model.c - lifetime, copy-on-write and lookups of the catalog model.
 * See model.h for the sharing rules.
 */
#include "catalog/model.h"
#include "util/fsutil.h"

#include <stdlib.h>
#include <string.h>

lh_state *lh_state_new(void)
{
	lh_state *s = calloc(1, sizeof *s);
	if (s)
		s->next_local_id = -1;
	return s;
}

void lh_col_stats_clear(lh_col_stats *s)
{
	free(s->min_value);
	free(s->max_value);
	s->min_value = s->max_value = NULL;
}

void lh_column_clear(lh_column *c)
{
	free(c->name);
	free(c->type);
	free(c->initial_default);
	free(c->default_value);
	free(c->comment);
	memset(c, 0, sizeof *c);
}

lh_status lh_column_copy(lh_column *dst, const lh_column *src)
{
	*dst = *src;
	dst->name = lh_strdup(src->name);
	dst->type = lh_strdup(src->type);
	dst->initial_default = lh_strdup(src->initial_default);
	dst->default_value = lh_strdup(src->default_value);
	dst->comment = lh_strdup(src->comment);
	if (!dst->name || !dst->type || (src->initial_default && !dst->initial_default) ||
	    (src->default_value && !dst->default_value) || (src->comment && !dst->comment)) {
		lh_column_clear(dst);
		return LH_ERR_NOMEM;
	}
	return LH_OK;
}

static void file_map_clear(lh_data_file *f)
{
	for (size_t i = 0; i < f->map_n; i++)
		free(f->map_source[i]);
	free(f->map_source);
	free(f->map_target);
	free(f->map_partition);
	free(f->map_parent);
	f->map_source = NULL;
	f->map_target = NULL;
	f->map_partition = NULL;
	f->map_parent = NULL;
	f->map_n = 0;
	f->map_footer = false;
}

lh_status lh_data_file_set_map(lh_data_file *f, size_t n, char *const *source,
                               const int64_t *target, const bool *partition,
                               const int32_t *parent, bool unreadable)
{
	file_map_clear(f);
	f->map_unreadable = unreadable;
	if (n == 0)
		return LH_OK;
	f->map_source = calloc(n, sizeof *f->map_source);
	f->map_target = calloc(n, sizeof *f->map_target);
	f->map_partition = calloc(n, sizeof *f->map_partition);
	f->map_parent = calloc(n, sizeof *f->map_parent);
	bool ok = f->map_source && f->map_target && f->map_partition && f->map_parent;
	f->map_n = ok ? n : 0; /* entries to free: the sources allocated (calloc'd NULLs after) */
	for (size_t i = 0; ok && i < n; i++) {
		ok = (f->map_source[i] = lh_strdup(source[i])) != NULL;
		f->map_target[i] = target[i];
		f->map_partition[i] = partition[i];
		f->map_parent[i] = parent ? parent[i] : -1;
	}
	if (!ok) {
		file_map_clear(f);
		return LH_ERR_NOMEM;
	}
	return LH_OK;
}

lh_status lh_data_file_copy_map(lh_data_file *dst, const lh_data_file *src)
{
	lh_status st = lh_data_file_set_map(dst, src->map_n, src->map_source, src->map_target,
	                                    src->map_partition, src->map_parent, src->map_unreadable);
	dst->map_footer = src->map_footer;
	return st;
}

static void strs_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

lh_status lh_data_file_set_parts(lh_data_file *f, size_t n, char *const *values)
{
	char **v = n ? calloc(n, sizeof *v) : NULL;
	if (n && !v)
		return LH_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (values[i] && !(v[i] = lh_strdup(values[i]))) {
			strs_free(v, n);
			return LH_ERR_NOMEM;
		}
	strs_free(f->part_values, f->part_n);
	f->part_values = v;
	f->part_n = n;
	return LH_OK;
}

static lh_status strs_copy(char ***dst, size_t *dn, char *const *src, size_t n)
{
	*dst = NULL;
	*dn = 0;
	if (n == 0)
		return LH_OK;
	char **v = calloc(n, sizeof *v);
	if (!v)
		return LH_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (src[i] && !(v[i] = lh_strdup(src[i]))) {
			strs_free(v, n);
			return LH_ERR_NOMEM;
		}
	*dst = v;
	*dn = n;
	return LH_OK;
}

static void part_keys_free(lh_partition_key *k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(k[i].transform);
	free(k);
}

lh_status lh_table_set_parts(lh_table *t, size_t n, const lh_partition_key *keys)
{
	lh_partition_key *k = n ? calloc(n, sizeof *k) : NULL;
	if (n && !k)
		return LH_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		k[i].column_id = keys[i].column_id;
		if (!(k[i].transform = lh_strdup(keys[i].transform))) {
			part_keys_free(k, n);
			return LH_ERR_NOMEM;
		}
	}
	part_keys_free(t->part_keys, t->part_n);
	t->part_keys = k;
	t->part_n = n;
	return LH_OK;
}

void lh_table_inline_clear(lh_table *t)
{
	LH_VEC_FREE(&t->inl_deleted);
	t->inl_flushed = false;
	strs_free(t->inl_values, t->inl_rows * t->inl_ncols);
	t->inl_values = NULL;
	t->inl_rows = t->inl_ncols = 0;
	for (size_t i = 0; i < t->inl_nstats; i++)
		lh_col_stats_clear(&t->inl_stats[i]);
	free(t->inl_stats);
	t->inl_stats = NULL;
	t->inl_nstats = 0;
}

/* Copies the open transaction's inlining state of src into dst (a clone). */
static bool inline_copy(lh_table *dst, const lh_table *src)
{
	memset(&dst->inl_deleted, 0, sizeof dst->inl_deleted);
	dst->inl_values = NULL;
	dst->inl_rows = dst->inl_ncols = 0;
	dst->inl_stats = NULL;
	dst->inl_nstats = 0;
	dst->inl_flushed = src->inl_flushed;
	if (LH_VEC_RESERVE(&dst->inl_deleted, src->inl_deleted.len) != LH_OK)
		return false;
	for (size_t i = 0; i < src->inl_deleted.len; i++)
		dst->inl_deleted.items[dst->inl_deleted.len++] = src->inl_deleted.items[i];
	size_t nv = src->inl_rows * src->inl_ncols;
	if (nv) {
		if (strs_copy(&dst->inl_values, &nv, src->inl_values, nv) != LH_OK)
			return false;
		dst->inl_rows = src->inl_rows;
		dst->inl_ncols = src->inl_ncols;
	}
	if (src->inl_nstats) {
		dst->inl_stats = calloc(src->inl_nstats, sizeof *dst->inl_stats);
		if (!dst->inl_stats)
			return false;
		for (size_t i = 0; i < src->inl_nstats; i++) {
			dst->inl_stats[i] = src->inl_stats[i];
			dst->inl_stats[i].min_value = lh_strdup(src->inl_stats[i].min_value);
			dst->inl_stats[i].max_value = lh_strdup(src->inl_stats[i].max_value);
			dst->inl_nstats = i + 1;
			if ((src->inl_stats[i].min_value && !dst->inl_stats[i].min_value) ||
			    (src->inl_stats[i].max_value && !dst->inl_stats[i].max_value))
				return false;
		}
	}
	return true;
}

void lh_data_file_clear(lh_data_file *f)
{
	file_map_clear(f);
	strs_free(f->part_values, f->part_n);
	free(f->path);
	free(f->partial_file_info);
	free(f->del.path);
	free(f->inl_del);
	for (size_t i = 0; i < f->nstats; i++)
		lh_col_stats_clear(&f->stats[i]);
	free(f->stats);
	memset(f, 0, sizeof *f);
}

static lh_status data_file_copy(lh_data_file *dst, const lh_data_file *src)
{
	*dst = *src;
	dst->path = lh_strdup(src->path);
	dst->partial_file_info = lh_strdup(src->partial_file_info);
	dst->del.path = lh_strdup(src->del.path);
	dst->stats = NULL;
	dst->nstats = 0;
	dst->map_n = 0;
	dst->map_source = NULL;
	dst->map_target = NULL;
	dst->map_partition = NULL;
	dst->map_parent = NULL;
	dst->part_values = NULL;
	dst->part_n = 0;
	dst->inl_del = src->inl_del_n ? malloc(src->inl_del_n * sizeof *dst->inl_del) : NULL;
	if (dst->inl_del)
		memcpy(dst->inl_del, src->inl_del, src->inl_del_n * sizeof *dst->inl_del);
	else
		dst->inl_del_n = 0;
	bool ok = dst->path && (!src->partial_file_info || dst->partial_file_info) &&
	          (!src->inl_del_n || dst->inl_del) &&
	          (!src->del.path || dst->del.path) &&
	          lh_data_file_copy_map(dst, src) == LH_OK &&
	          lh_data_file_set_parts(dst, src->part_n, src->part_values) == LH_OK;
	if (ok && src->nstats) {
		dst->stats = calloc(src->nstats, sizeof *dst->stats);
		ok = dst->stats != NULL;
		for (size_t i = 0; ok && i < src->nstats; i++) {
			dst->stats[i] = src->stats[i];
			dst->stats[i].min_value = lh_strdup(src->stats[i].min_value);
			dst->stats[i].max_value = lh_strdup(src->stats[i].max_value);
			dst->nstats = i + 1;
		}
	}
	if (!ok) {
		lh_data_file_clear(dst);
		return LH_ERR_NOMEM;
	}
	return LH_OK;
}

lh_table *lh_table_new(void)
{
	lh_table *t = calloc(1, sizeof *t);
	if (t) {
		t->refs = 1;
		t->part_id = -1;
	}
	return t;
}

void lh_table_unref(lh_table **table)
{
	if (!table || !*table)
		return;
	lh_table *t = *table;
	*table = NULL;
	if (--t->refs > 0)
		return;
	for (size_t i = 0; i < t->columns.len; i++)
		lh_column_clear(&t->columns.items[i]);
	LH_VEC_FREE(&t->columns);
	for (size_t i = 0; i < t->files.len; i++)
		lh_data_file_clear(&t->files.items[i]);
	LH_VEC_FREE(&t->files);
	free(t->name);
	free(t->path);
	free(t->inlined);
	free(t->comment);
	part_keys_free(t->part_keys, t->part_n);
	strs_free(t->inl_tables, t->inl_n);
	lh_table_inline_clear(t);
	free(t);
}

void lh_view_def_clear(lh_view_def *v)
{
	free(v->name);
	free(v->dialect);
	free(v->sql);
	free(v->column_aliases);
	free(v->comment);
	memset(v, 0, sizeof *v);
}

lh_status lh_view_def_copy(lh_view_def *dst, const lh_view_def *src)
{
	*dst = *src;
	dst->name = lh_strdup(src->name);
	dst->dialect = lh_strdup(src->dialect);
	dst->sql = lh_strdup(src->sql);
	dst->column_aliases = lh_strdup(src->column_aliases);
	dst->comment = lh_strdup(src->comment);
	if (!dst->name || (src->dialect && !dst->dialect) || !dst->sql ||
	    (src->column_aliases && !dst->column_aliases) || (src->comment && !dst->comment)) {
		lh_view_def_clear(dst);
		return LH_ERR_NOMEM;
	}
	return LH_OK;
}

void lh_state_remove_view(lh_state *s, size_t i)
{
	lh_view_def_clear(&s->views.items[i]);
	memmove(&s->views.items[i], &s->views.items[i + 1], (s->views.len - i - 1) * sizeof s->views.items[0]);
	s->views.len--;
}

ptrdiff_t lh_state_view_index(const lh_state *state, int64_t schema_id, const char *name)
{
	for (size_t i = 0; i < state->views.len; i++)
		if (state->views.items[i].schema_id == schema_id &&
		    lh_strieq(state->views.items[i].name, name))
			return (ptrdiff_t)i;
	return -1;
}

static lh_table *table_clone(const lh_table *src)
{
	lh_table *t = lh_table_new();
	if (!t)
		return NULL;
	int refs = t->refs;
	*t = *src;
	t->refs = refs;
	t->columns.items = NULL;
	t->columns.len = t->columns.cap = 0;
	t->files.items = NULL;
	t->files.len = t->files.cap = 0;
	t->name = lh_strdup(src->name);
	t->path = lh_strdup(src->path);
	t->inlined = src->inlined ? lh_strdup(src->inlined) : NULL;
	t->comment = src->comment ? lh_strdup(src->comment) : NULL;
	t->part_keys = NULL;
	t->part_n = 0;
	t->inl_tables = NULL;
	t->inl_n = 0;
	bool ok = inline_copy(t, src);
	ok = ok && t->name && t->path && (!src->inlined || t->inlined) &&
	          (!src->comment || t->comment) &&
	          lh_table_set_parts(t, src->part_n, src->part_keys) == LH_OK &&
	          strs_copy(&t->inl_tables, &t->inl_n, src->inl_tables, src->inl_n) == LH_OK &&
	          LH_VEC_RESERVE(&t->columns, src->columns.len) == LH_OK &&
	          LH_VEC_RESERVE(&t->files, src->files.len) == LH_OK;
	for (size_t i = 0; ok && i < src->columns.len; i++) {
		ok = lh_column_copy(&t->columns.items[i], &src->columns.items[i]) == LH_OK;
		if (ok)
			t->columns.len++;
	}
	for (size_t i = 0; ok && i < src->files.len; i++) {
		ok = data_file_copy(&t->files.items[i], &src->files.items[i]) == LH_OK;
		if (ok)
			t->files.len++;
	}
	if (!ok)
		lh_table_unref(&t);
	return t;
}

static void schema_clear(lh_schema *s)
{
	free(s->name);
	free(s->path);
	memset(s, 0, sizeof *s);
}

void lh_state_free(lh_state **state)
{
	if (!state || !*state)
		return;
	lh_state *s = *state;
	for (size_t i = 0; i < s->schemas.len; i++)
		schema_clear(&s->schemas.items[i]);
	LH_VEC_FREE(&s->schemas);
	for (size_t i = 0; i < s->tables.len; i++)
		lh_table_unref(&s->tables.items[i]);
	LH_VEC_FREE(&s->tables);
	for (size_t i = 0; i < s->views.len; i++)
		lh_view_def_clear(&s->views.items[i]);
	LH_VEC_FREE(&s->views);
	lh_options_free(&s->options);
	free(s->snap.time);
	free(s->data_path);
	free(s);
	*state = NULL;
}

lh_state *lh_state_clone(const lh_state *src)
{
	lh_state *s = lh_state_new();
	if (!s)
		return NULL;
	s->snap = src->snap;
	s->snap.time = lh_strdup(src->snap.time);
	s->data_path = lh_strdup(src->data_path);
	s->next_local_id = src->next_local_id;
	bool ok = s->data_path && LH_VEC_RESERVE(&s->schemas, src->schemas.len) == LH_OK &&
	          LH_VEC_RESERVE(&s->tables, src->tables.len) == LH_OK;
	for (size_t i = 0; ok && i < src->schemas.len; i++) {
		lh_schema *d = &s->schemas.items[i];
		*d = src->schemas.items[i];
		d->name = lh_strdup(d->name);
		d->path = lh_strdup(d->path);
		s->schemas.len++;
		ok = d->name && d->path;
	}
	for (size_t i = 0; ok && i < src->tables.len; i++) {
		src->tables.items[i]->refs++;
		s->tables.items[s->tables.len++] = src->tables.items[i];
	}
	ok = ok && LH_VEC_RESERVE(&s->options, src->options.len) == LH_OK;
	for (size_t i = 0; ok && i < src->options.len; i++) {
		lh_option *d = &s->options.items[i];
		*d = src->options.items[i];
		d->key = lh_strdup(d->key);
		d->value = lh_strdup(d->value);
		s->options.len++;
		ok = d->key && d->value;
	}
	ok = ok && LH_VEC_RESERVE(&s->views, src->views.len) == LH_OK;
	for (size_t i = 0; ok && i < src->views.len; i++) {
		ok = lh_view_def_copy(&s->views.items[i], &src->views.items[i]) == LH_OK;
		s->views.len += ok;
	}
	if (!ok)
		lh_state_free(&s);
	return s;
}

lh_table *lh_state_table_mut(lh_state *state, size_t i)
{
	lh_table *t = state->tables.items[i];
	if (t->refs == 1)
		return t;
	lh_table *copy = table_clone(t);
	if (!copy)
		return NULL;
	lh_table_unref(&state->tables.items[i]);
	state->tables.items[i] = copy;
	return copy;
}

lh_schema *lh_state_schema_by_name(const lh_state *state, const char *name)
{
	for (size_t i = 0; i < state->schemas.len; i++)
		if (lh_strieq(state->schemas.items[i].name, name))
			return &state->schemas.items[i];
	return NULL;
}

lh_schema *lh_state_schema_by_id(const lh_state *state, int64_t id)
{
	for (size_t i = 0; i < state->schemas.len; i++)
		if (state->schemas.items[i].id == id)
			return &state->schemas.items[i];
	return NULL;
}

ptrdiff_t lh_state_table_index(const lh_state *state, int64_t schema_id, const char *name)
{
	for (size_t i = 0; i < state->tables.len; i++) {
		const lh_table *t = state->tables.items[i];
		if (t->schema_id == schema_id && lh_strieq(t->name, name))
			return (ptrdiff_t)i;
	}
	return -1;
}

ptrdiff_t lh_state_table_index_by_id(const lh_state *state, int64_t table_id)
{
	for (size_t i = 0; i < state->tables.len; i++)
		if (state->tables.items[i]->id == table_id)
			return (ptrdiff_t)i;
	return -1;
}

const lh_column *lh_table_column_by_id(const lh_table *t, int64_t id)
{
	for (size_t i = 0; i < t->columns.len; i++)
		if (t->columns.items[i].id == id)
			return &t->columns.items[i];
	return NULL;
}

ptrdiff_t lh_table_column_index(const lh_table *t, const char *name)
{
	for (size_t i = 0; i < t->columns.len; i++)
		if (t->columns.items[i].parent < 0 && lh_strieq(t->columns.items[i].name, name))
			return (ptrdiff_t)i;
	return -1;
}

int64_t lh_state_next_local_id(lh_state *state)
{
	return state->next_local_id--;
}

char *lh_schema_full_path(const lh_state *state, const lh_schema *schema)
{
	return schema->path_is_relative ? lh_path_join(state->data_path, schema->path)
	                                : lh_strdup(schema->path);
}

char *lh_table_full_path(const lh_state *state, const lh_table *table)
{
	if (!table->path_is_relative)
		return lh_strdup(table->path);
	const lh_schema *schema = lh_state_schema_by_id(state, table->schema_id);
	if (!schema)
		return NULL;
	char *sp = lh_schema_full_path(state, schema);
	char *full = sp ? lh_path_join(sp, table->path) : NULL;
	free(sp);
	return full;
}

char *lh_file_full_path(const char *table_path, const char *path, bool relative)
{
	return relative ? lh_path_join(table_path, path) : lh_strdup(path);
}

char *lh_relative_path(const char *parent, const char *full, bool *out_relative)
{
	if (lh_str_starts_with(full, parent)) {
		*out_relative = true;
		return lh_strdup(full + strlen(parent));
	}
	*out_relative = false;
	return lh_strdup(full);
}

#define LH_PLAIN_NAME_MAX 128

char *lh_path_for_name(const char *name, const char *uuid)
{
	/* a folder name is at most 255 bytes (NAME_MAX); keep well inside it, and inside S3's
	 * 1024-byte keys once schema, table and file names are joined */
	bool plain = *name != '\0' && strlen(name) <= LH_PLAIN_NAME_MAX;
	for (const char *p = name; *p; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			plain = false;
	}
	return lh_asprintf("%s/", plain ? name : uuid);
}

lh_table lh_table_shell(const lh_table *t, lh_data_file *files, size_t n)
{
	lh_table shell = *t;
	shell.refs = 1;
	shell.files.items = files;
	shell.files.len = shell.files.cap = n;
	return shell;
}

void lh_table_remove_file(lh_table *t, size_t i)
{
	lh_data_file_clear(&t->files.items[i]);
	memmove(&t->files.items[i], &t->files.items[i + 1],
	        (t->files.len - i - 1) * sizeof t->files.items[0]);
	t->files.len--;
}
