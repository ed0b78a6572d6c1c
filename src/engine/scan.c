/*
 * engine/scan.c - building the read_parquet SELECT for a table. See scan.h.
 */
#include "engine/scan.h"
#include "engine/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The table's columns. When the files are read by name (by_name), every column is cast
 * to the table's type: Parquet cannot hold some types exactly (HUGEINT is written as
 * DOUBLE), and casts to the same type cost nothing. */
static lh_status append_select_list(const lh_table *t, bool by_name, lh_buf *out, lh_err *err)
{
	bool first = true;
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0)
			continue;
		lh_buf_puts(out, first ? "" : ", ");
		first = false;
		if (!by_name && !lh_types_has_json(t->columns.items, t->columns.len, i)) {
			lh_buf_puts(out, "__d.");
			lh_buf_sql_ident(out, c->name);
			continue;
		}
		/* JSON is read as VARCHAR (see lh_types_sql_plain) and typed back here */
		lh_buf_puts(out, "CAST(__d.");
		lh_buf_sql_ident(out, c->name);
		lh_buf_puts(out, " AS ");
		lh_status st = lh_types_sql(t->columns.items, t->columns.len, i, out, err);
		if (st != LH_OK)
			return st;
		lh_buf_puts(out, ") AS ");
		lh_buf_sql_ident(out, c->name);
	}
	return LH_OK;
}

/* "SELECT CAST(<from>.<col> AS <type>) AS <col>, ..." over the table's top-level
 * columns; from NULL: every value NULL. */
static lh_status append_typed_select(const lh_table *t, const char *from, lh_buf *out,
                                     lh_err *err)
{
	lh_buf_puts(out, "SELECT ");
	bool first = true;
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0)
			continue;
		lh_buf_puts(out, first ? "CAST(" : ", CAST(");
		first = false;
		if (from) {
			lh_buf_printf(out, "%s.", from);
			lh_buf_sql_ident(out, c->name);
		} else {
			lh_buf_puts(out, "NULL");
		}
		lh_buf_puts(out, " AS ");
		lh_status st = lh_types_sql(t->columns.items, t->columns.len, i, out, err);
		if (st != LH_OK)
			return st;
		lh_buf_puts(out, ") AS ");
		lh_buf_sql_ident(out, c->name);
	}
	return LH_OK;
}

static lh_status append_empty(const lh_table *t, unsigned flags, lh_buf *out, lh_err *err)
{
	lh_status st = append_typed_select(t, NULL, out, err);
	if (st != LH_OK)
		return st;
	if (flags & LH_SCAN_META)
		lh_buf_puts(out, ", NULL::BIGINT AS __lh_file, NULL::BIGINT AS __lh_pos, NULL::BIGINT AS "
		                 "__lh_rowid");
	if (flags & LH_SCAN_VIRTUAL)
		lh_buf_puts(out, ", NULL::BIGINT AS __lh_snapid, NULL::VARCHAR AS __lh_filename, "
		                 "NULL::BIGINT AS __lh_begin");
	lh_buf_puts(out, " WHERE false");
	return LH_OK;
}

/* What a file's partial_file_info (DuckLake 0.3; shared/reference/ducklake-0.3.md 2.9)
 * hides at snapshot `snap`. A file DuckDB's compaction merged says "s1:r1|s2:r2|...":
 * at snapshot N only the first max{ri : si <= N} rows existed. A file its flush of
 * inlined data wrote says "partial_max:S" and holds each row's snapshot in
 * _ducklake_internal_snapshot_id: before S, only rows of snapshots <= N existed. */
typedef enum partial_kind { PARTIAL_NONE, PARTIAL_ROWS, PARTIAL_SNAPSHOTS } partial_kind;

static lh_status partial_at(const lh_data_file *f, int64_t snap, partial_kind *kind,
                            int64_t *rows, lh_err *err)
{
	const char *info = f->partial_file_info;
	*kind = PARTIAL_NONE;
	*rows = 0;
	if (!info || !*info)
		return LH_OK;
	char *end = NULL;
	if (strncmp(info, "partial_max:", 12) == 0) {
		long long max = strtoll(info + 12, &end, 10);
		if (end == info + 12 || *end)
			goto bad;
		if (snap < max)
			*kind = PARTIAL_SNAPSHOTS;
		return LH_OK;
	}
	bool all = true;
	for (const char *p = info; *p;) {
		long long s = strtoll(p, &end, 10);
		if (end == p || *end != ':')
			goto bad;
		p = end + 1;
		long long r = strtoll(p, &end, 10);
		if (end == p || (*end && *end != '|'))
			goto bad;
		p = *end ? end + 1 : end;
		if (s <= snap && r > *rows)
			*rows = r;
		all &= s <= snap;
	}
	if (!all)
		*kind = PARTIAL_ROWS;
	return LH_OK;
bad:
	return lh_err_set(err, LH_ERR_CORRUPT,
	                  "data file '%s' has a partial_file_info this version cannot read ('%s')",
	                  f->path, info);
}

lh_status lh_scan_unseen_rows(const lh_data_file *f, int64_t snap, lh_buf *cond, bool *any,
                              lh_err *err)
{
	partial_kind kind;
	int64_t rows;
	lh_status st = partial_at(f, snap, &kind, &rows, err);
	*any = st == LH_OK && kind != PARTIAL_NONE;
	if (st == LH_OK && kind == PARTIAL_ROWS)
		lh_buf_printf(cond, "file_row_number >= %lld", (long long)rows);
	else if (st == LH_OK && kind == PARTIAL_SNAPSHOTS)
		lh_buf_printf(cond, "_ducklake_internal_snapshot_id > %lld", (long long)snap);
	return st;
}

static lh_status append_schema_map(const lh_table *t, unsigned flags, bool snapshot_column,
                                   lh_buf *out, lh_err *err)
{
	lh_buf_puts(out, "schema = MAP {");
	bool first = true;
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0)
			continue;
		lh_buf_printf(out, "%s%lld: {name: ", first ? "" : ", ", (long long)c->id);
		first = false;
		lh_buf_sql_str(out, c->name);
		lh_buf_puts(out, ", type: '");
		lh_buf type;
		lh_buf_init(&type, 0);
		lh_status st = lh_types_sql_plain(t->columns.items, t->columns.len, i, &type, err);
		if (st != LH_OK) {
			lh_buf_free(&type);
			return st;
		}
		/* the type goes inside a string literal */
		for (const char *p = lh_buf_str(&type); *p; p++) {
			if (*p == '\'')
				lh_buf_putc(out, '\'');
			lh_buf_putc(out, *p);
		}
		lh_buf_free(&type);
		lh_buf_puts(out, "', default_value: ");
		if (c->initial_default)
			lh_buf_sql_str(out, c->initial_default);
		else
			lh_buf_puts(out, "NULL::VARCHAR");
		lh_buf_putc(out, '}');
	}
	if (flags & LH_SCAN_META)
		lh_buf_printf(out, ", %d: {name: '__lh_rid', type: 'BIGINT', default_value: NULL::VARCHAR}",
		              LH_FIELD_ID_ROW_ID);
	if (snapshot_column)
		lh_buf_printf(out, ", %d: {name: '__lh_snap', type: 'BIGINT', default_value: NULL::VARCHAR}",
		              LH_FIELD_ID_SNAPSHOT_ID);
	lh_buf_putc(out, '}');
	return LH_OK;
}

/* The anti-join removing deleted positions; nothing when no file has deletes. */
/* The local path DuckDB reads for a file of the table; NULL on OOM. */
static char *file_path(const char *table_path, const char *path, bool relative,
                       const lh_path_map *map)
{
	char *full = lh_file_full_path(table_path, path, relative);
	if (!full || !map)
		return full;
	char *local = map->fn(map->ctx, full);
	free(full);
	return local;
}

/* A file's path as an SQL string; a path whose allocation failed fails the buffer. */
static void put_path(lh_buf *out, const char *p)
{
	if (p)
		lh_buf_sql_str(out, p);
	else if (out->status == LH_OK)
		out->status = LH_ERR_NOMEM;
}

/* The snapshot that wrote file f, NULL for one the open transaction wrote. */
static void put_file_snapshot(const lh_data_file *f, lh_buf *out)
{
	if (f->id >= 0 && f->begin_snapshot >= 0)
		lh_buf_printf(out, "%lld::BIGINT", (long long)f->begin_snapshot);
	else
		lh_buf_puts(out, "NULL::BIGINT");
}

/* A data file's full path or URI (as the catalog resolves it, not the local copy read)
 * as an SQL VARCHAR. */
static void put_file_name(const char *table_path, const lh_data_file *f, lh_buf *out)
{
	char *full = lh_file_full_path(table_path, f->path, f->path_is_relative);
	put_path(out, full);
	free(full);
	lh_buf_puts(out, "::VARCHAR");
}

/* idx[i]: the file_index DuckDB gives file i of the table (NULL: i). */
#define FILE_INDEX(idx, i) ((idx) ? (idx)[i] : (i))

/* The delete files of one kind as (__fi, __pos) rows. Those that may hold each
 * position's snapshot (0.4 on: DuckDB 1.5's flush of inlined deletes writes it, with or
 * without partial_max) are read by name with the column added as NULL where a file lacks
 * it (so the query binds whichever files have it), and only positions deleted by
 * snapshot `snap` count. */
static bool append_delete_files(const lh_table *t, int64_t snap, bool with_snapshots,
                                const char *table_path, const lh_path_map *map,
                                const size_t *idx, bool first, lh_buf *out)
{
	bool any = false;
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_delete_file *d = &t->files.items[i].del;
		if (!d->path || d->snapshots != with_snapshots)
			continue;
		if (!any)
			lh_buf_printf(out, "%sSELECT __m.__fi, __p.pos AS __pos FROM %sread_parquet([",
			              first ? "" : " UNION ALL ", with_snapshots ? "(SELECT * FROM " : "");
		char *p = file_path(table_path, d->path, d->path_is_relative, map);
		lh_buf_puts(out, any ? ", " : "");
		put_path(out, p);
		free(p);
		any = true;
	}
	if (!any)
		return false;
	lh_buf_puts(out, with_snapshots ? "], filename = true, union_by_name = true) UNION ALL BY NAME "
	                                  "SELECT NULL::BIGINT AS _ducklake_internal_snapshot_id "
	                                  "WHERE false) __p JOIN (VALUES "
	                                : "], filename = true) __p JOIN (VALUES ");
	bool f1 = true;
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_delete_file *d = &t->files.items[i].del;
		if (!d->path || d->snapshots != with_snapshots)
			continue;
		char *p = file_path(table_path, d->path, d->path_is_relative, map);
		lh_buf_puts(out, f1 ? "(" : ", (");
		put_path(out, p);
		lh_buf_printf(out, ", %zu)", FILE_INDEX(idx, i));
		free(p);
		f1 = false;
	}
	lh_buf_puts(out, ") __m(__fn, __fi) ON __p.filename = __m.__fn");
	if (with_snapshots)
		lh_buf_printf(out,
		              " WHERE __p._ducklake_internal_snapshot_id IS NULL OR "
		              "__p._ducklake_internal_snapshot_id <= %lld",
		              (long long)snap);
	return true;
}

static void append_deletes(const lh_table *t, int64_t snap, const char *table_path,
                           const lh_path_map *map, const size_t *idx, lh_buf *out)
{
	bool any = false;
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		any |= f->del.path || f->pending_deletes > 0 || f->inl_del_n > 0;
	}
	if (!any)
		return;
	lh_buf_puts(out, " ANTI JOIN (");
	bool first = !append_delete_files(t, snap, false, table_path, map, idx, true, out);
	first &= !append_delete_files(t, snap, true, table_path, map, idx, first, out);
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (f->inl_del_n > 0) {
			lh_buf_printf(out, "%sSELECT %zu AS __fi, unnest([", first ? "" : " UNION ALL ",
			              FILE_INDEX(idx, i));
			for (size_t k = 0; k < f->inl_del_n; k++)
				lh_buf_printf(out, "%s%lld", k ? ", " : "", (long long)f->inl_del[k]);
			lh_buf_puts(out, "])::BIGINT AS __pos");
			first = false;
		}
		if (f->pending_deletes > 0) {
			lh_buf_printf(out,
			              "%sSELECT %zu AS __fi, pos AS __pos FROM " LH_PENDING_DELETES
			              " WHERE file_id = %lld",
			              first ? "" : " UNION ALL ", FILE_INDEX(idx, i), (long long)f->id);
			first = false;
		}
	}
	lh_buf_puts(out, ") __x ON __d.file_index = __x.__fi AND __d.file_row_number = __x.__pos");
}

/* True when the table's columns never changed since it was created: all column rows
 * begin at one committed snapshot and no column id was ever dropped. Then every data file
 * holds exactly these columns under these names, reading by name equals reading by field
 * id, and DuckDB can split even a single file across threads (with the schema
 * parameter it reads a single file on one thread). */
static bool schema_never_changed(const lh_table *t)
{
	if (t->columns.len == 0 || t->columns.items[0].begin_snapshot < 0)
		return false;
	for (size_t i = 0; i < t->columns.len; i++)
		if (t->columns.items[i].begin_snapshot != t->columns.items[0].begin_snapshot)
			return false;
	return t->max_column_id == (int64_t)t->columns.len;
}

/* The Hive value of key `key` in a file's path (".../key=value/..."), or NULL. */
static char *hive_value(const char *path, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = path; (p = strstr(p, key)) != NULL; p++) {
		if ((p == path || p[-1] == '/') && p[n] == '=') {
			const char *v = p + n + 1, *end = strchr(v, '/');
			return end ? lh_strndup(v, (size_t)(end - v)) : NULL;
		}
	}
	return NULL;
}

/* A value of a column the file lacks: its initial default, else NULL. */
static void put_missing(const lh_column *c, lh_buf *out)
{
	if (c->initial_default)
		lh_buf_sql_str(out, c->initial_default);
	else
		lh_buf_puts(out, "NULL");
}

/* Table column ci as file f holds it in map entry k (`expr`): a leaf as is (the caller
 * casts), a struct rebuilt field by field from the entries under k (a field the file
 * lacks reads its initial default or NULL, a renamed one its old name), a list's elements
 * and a map's keys and values rebuilt the same way. */
static lh_status rebuild(const lh_table *t, size_t ci, const lh_data_file *f, size_t k,
                         const char *expr, int depth, lh_buf *out, lh_err *err)
{
	const lh_column *c = &t->columns.items[ci];
	bool is_struct = strcmp(c->type, "struct") == 0, is_list = strcmp(c->type, "list") == 0,
	     is_map = strcmp(c->type, "map") == 0;
	/* a mapping with no entries under this column (DuckLake's older top-level-only ones)
	 * leaves its fields to DuckDB's cast, which matches them by name */
	bool mapped_kids = false;
	for (size_t e = 0; e < f->map_n && !mapped_kids; e++)
		mapped_kids = f->map_parent[e] == (int32_t)k;
	if ((!is_struct && !is_list && !is_map) || !mapped_kids) {
		lh_buf_puts(out, expr);
		return LH_OK;
	}
	if (depth > 64)
		return lh_err_set(err, LH_ERR_UNSUPPORTED, "column '%s' nests too deep", c->name);
	char var[16];
	snprintf(var, sizeof var, "__x%d", depth);
	if (is_list)
		lh_buf_printf(out, "list_transform(%s, %s -> ", expr, var);
	else if (is_map)
		lh_buf_printf(out, "map_from_entries(list_transform(map_entries(%s), %s -> {", expr, var);
	else
		lh_buf_printf(out, "CASE WHEN %s IS NULL THEN NULL ELSE struct_pack(", expr);
	lh_status st = LH_OK;
	bool first = true;
	for (size_t i = 0; st == LH_OK && i < t->columns.len; i++) {
		const lh_column *kid = &t->columns.items[i];
		if (kid->parent != c->id)
			continue;
		ptrdiff_t m = -1;
		for (size_t e = 0; e < f->map_n && m < 0; e++)
			if (f->map_parent[e] == (int32_t)k && f->map_target[e] == kid->id)
				m = (ptrdiff_t)e;
		lh_buf_puts(out, first ? "" : ", ");
		first = false;
		if (is_struct) {
			lh_buf_sql_ident(out, kid->name);
			lh_buf_puts(out, " := ");
		} else if (is_map) {
			lh_buf_sql_str(out, kid->name); /* key, value */
			lh_buf_puts(out, ": ");
		}
		if (m < 0) {
			lh_buf_puts(out, "CAST(");
			put_missing(kid, out);
			lh_buf_puts(out, " AS ");
			st = lh_types_sql_plain(t->columns.items, t->columns.len, i, out, err);
			lh_buf_putc(out, ')');
			continue;
		}
		lh_buf sub;
		lh_buf_init(&sub, 0);
		if (is_struct) {
			lh_buf_printf(&sub, "struct_extract(%s, ", expr);
			lh_buf_sql_str(&sub, f->map_source[m]);
			lh_buf_putc(&sub, ')');
		} else {
			lh_buf_puts(&sub, var);
			if (is_map) {
				lh_buf_putc(&sub, '.');
				lh_buf_sql_ident(&sub, kid->name);
			}
		}
		st = lh_buf_status(&sub) == LH_OK
		         ? rebuild(t, i, f, (size_t)m, lh_buf_str(&sub), depth + 1, out, err)
		         : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		lh_buf_free(&sub);
	}
	lh_buf_puts(out, is_list ? ")" : is_map ? "}))" : ") END");
	return st;
}

/* One file registered by name (ducklake_add_data_files), or mapped from its footer: its
 * columns cast to the table's (plain) types, as DuckDB's schema map would give them, then
 * its file index. */
static lh_status append_mapped_read(const lh_table *t, const lh_data_file *f, const char *path,
                                    const char *full, size_t index, unsigned flags,
                                    bool snapshot_column, lh_buf *out, lh_err *err)
{
	lh_buf_puts(out, "SELECT ");
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0)
			continue;
		ptrdiff_t m = -1;
		for (size_t k = 0; k < f->map_n && m < 0; k++)
			if (f->map_target[k] == c->id)
				m = (ptrdiff_t)k;
		lh_buf_puts(out, "CAST(");
		if (m >= 0 && f->map_partition[m]) {
			/* from the file's own path (a remote file is read from a cache copy) */
			char *v = full ? hive_value(full, f->map_source[m]) : NULL;
			if (v)
				lh_buf_sql_str(out, v);
			else
				lh_buf_puts(out, "NULL");
			free(v);
		} else if (m >= 0) {
			lh_buf col;
			lh_buf_init(&col, 0);
			lh_buf_puts(&col, "__f.");
			lh_buf_sql_ident(&col, f->map_source[m]);
			lh_status st = lh_buf_status(&col) == LH_OK
			                   ? rebuild(t, i, f, (size_t)m, lh_buf_str(&col), 0, out, err)
			                   : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			lh_buf_free(&col);
			if (st != LH_OK)
				return st;
		} else {
			put_missing(c, out);
		}
		lh_buf_puts(out, " AS ");
		lh_status st = lh_types_sql_plain(t->columns.items, t->columns.len, i, out, err);
		if (st != LH_OK)
			return st;
		lh_buf_puts(out, ") AS ");
		lh_buf_sql_ident(out, c->name);
		lh_buf_puts(out, ", ");
	}
	/* a file mapped from its footer may hold each row's id and snapshot (merged files) */
	for (int w = 0; w < 2; w++) {
		if (w == 0 ? !(flags & LH_SCAN_META) : !snapshot_column)
			continue;
		int64_t want = w == 0 ? LH_FIELD_ID_ROW_ID : LH_FIELD_ID_SNAPSHOT_ID;
		ptrdiff_t m = -1;
		for (size_t k = 0; f->map_footer && k < f->map_n && m < 0; k++)
			if (f->map_parent[k] < 0 && f->map_target[k] == want)
				m = (ptrdiff_t)k;
		if (m >= 0) {
			lh_buf_puts(out, "__f.");
			lh_buf_sql_ident(out, f->map_source[m]);
		} else {
			lh_buf_puts(out, "NULL::BIGINT");
		}
		lh_buf_puts(out, w == 0 ? " AS __lh_rid, " : " AS __lh_snap, ");
	}
	lh_buf_printf(out, "__f.file_row_number, %zu::UBIGINT AS file_index FROM read_parquet(", index);
	put_path(out, path);
	lh_buf_puts(out, ", file_row_number = true, hive_partitioning = false) __f");
	return LH_OK;
}

static lh_status files_scan(const lh_state *state, const lh_table *t, unsigned flags,
                            const lh_path_map *map, lh_buf *out, lh_err *err)
{
	if (t->files.len == 0)
		return append_empty(t, flags, out, err);
	/* rows of files that did not all exist at this snapshot */
	bool partial_rows = false, partial_snaps = false;
	for (size_t i = 0; i < t->files.len; i++) {
		partial_kind k;
		int64_t n;
		lh_status st = partial_at(&t->files.items[i], state->snap.id, &k, &n, err);
		if (st != LH_OK)
			return st;
		partial_rows |= k == PARTIAL_ROWS;
		partial_snaps |= k == PARTIAL_SNAPSHOTS;
	}
	/* files registered by name read apart, numbered after the others (idx) */
	size_t nmapped = 0;
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (f->map_unreadable)
			return lh_err_set(err, LH_ERR_UNSUPPORTED,
			                  "table '%s' has a file registered with a column mapping this version "
			                  "cannot read ('%s')",
			                  t->name, f->path);
		nmapped += lh_data_file_mapped(f);
	}
	size_t *idx = nmapped ? calloc(t->files.len, sizeof *idx) : NULL;
	if (nmapped && !idx)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	size_t nmain = t->files.len - nmapped;
	for (size_t i = 0, a = 0, b = nmain; nmapped && i < t->files.len; i++)
		idx[i] = lh_data_file_mapped(&t->files.items[i]) ? b++ : a++;
	char *table_path = lh_table_full_path(state, t);
	if (!table_path && (!t->path_is_relative || lh_state_schema_by_id(state, t->schema_id))) {
		free(idx);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	if (!table_path) {
		free(idx);
		return lh_err_set(err, LH_ERR_CORRUPT, "table '%s' has no readable path", t->name);
	}
	bool by_name = !nmapped && !(flags & LH_SCAN_META) && !partial_snaps && schema_never_changed(t);
	/* each row's snapshot, where a file holds it (merged and flushed files) */
	bool snap_col = partial_snaps || (flags & LH_SCAN_VIRTUAL);
	lh_buf_puts(out, "SELECT ");
	lh_status st = append_select_list(t, by_name, out, err);
	if (st != LH_OK) {
		free(table_path);
		free(idx);
		return st;
	}
	/* one file: its id and first row id are constants, no join with a file map */
	bool one = t->files.len == 1;
	bool virt = (flags & LH_SCAN_VIRTUAL) != 0;
	if ((flags & LH_SCAN_META) && one) {
		const lh_data_file *f = &t->files.items[0];
		lh_buf_printf(out, ", %lld::BIGINT AS __lh_file, __d.file_row_number AS __lh_pos, ",
		              (long long)f->id);
		if (f->row_id_start >= 0)
			lh_buf_printf(out, "COALESCE(__d.__lh_rid, %lld::BIGINT + __d.file_row_number) AS "
			                   "__lh_rowid", (long long)f->row_id_start);
		else
			lh_buf_puts(out, "__d.__lh_rid AS __lh_rowid");
		if (virt) {
			lh_buf_puts(out, ", COALESCE(__d.__lh_snap, ");
			put_file_snapshot(f, out);
			lh_buf_puts(out, ") AS __lh_snapid, ");
			put_file_name(table_path, f, out);
			lh_buf_puts(out, " AS __lh_filename, ");
			put_file_snapshot(f, out);
			lh_buf_puts(out, " AS __lh_begin");
		}
	} else if (flags & LH_SCAN_META) {
		lh_buf_puts(out, ", __fm.__fid AS __lh_file, __d.file_row_number AS __lh_pos, "
		                 "COALESCE(__d.__lh_rid, __fm.__rid0 + __d.file_row_number) AS __lh_rowid");
		if (virt)
			lh_buf_puts(out, ", COALESCE(__d.__lh_snap, __fm.__snap0) AS __lh_snapid, "
			                 "__fm.__fname AS __lh_filename, __fm.__snap0 AS __lh_begin");
	}
	bool rownum = (flags & LH_SCAN_META) != 0 || partial_rows || nmapped;
	for (size_t i = 0; i < t->files.len && !rownum; i++)
		rownum = t->files.items[i].del.path || t->files.items[i].pending_deletes > 0 ||
		         t->files.items[i].inl_del_n > 0;
	lh_buf_puts(out, nmapped ? " FROM (" : " FROM ");
	if (nmain)
		lh_buf_puts(out, nmapped ? "SELECT *, file_index FROM read_parquet([" : "read_parquet([");
	for (size_t i = 0, listed = 0; nmain && i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (lh_data_file_mapped(f))
			continue;
		char *p = file_path(table_path, f->path, f->path_is_relative, map);
		lh_buf_puts(out, listed++ ? ", " : "");
		put_path(out, p);
		/* DuckDB reads a lone file on one thread when given a schema (it has no row group
		 * count at bind time), but a list of several files in parallel: list it twice and
		 * keep file_index 0, a filter DuckDB pushes into the file list, so the copy is
		 * never read (and would be filtered out if it were) */
		if (!by_name && t->files.len == 1) {
			lh_buf_puts(out, ", ");
			put_path(out, p);
		}
		free(p);
	}
	if (nmain)
		lh_buf_putc(out, ']');
	if (nmain && !by_name) {
		int64_t rows = 0;
		for (size_t i = 0; i < t->files.len; i++)
			rows += t->files.items[i].record_count;
		/* the catalog knows the row count; without it DuckDB would guess 1 row per file */
		lh_buf_printf(out, ", explicit_cardinality = %lld, ", (long long)(rows > 0 ? rows : 1));
		st = append_schema_map(t, flags, snap_col, out, err);
		if (st != LH_OK) {
			free(table_path);
			free(idx);
			return st;
		}
	}
	/* the columns are the files' own: never values from Hive folder names (partitioned
	 * files live in key=value/ folders; with `*` over the read, name-mapped files beside,
	 * they would add columns) */
	if (nmain)
		lh_buf_puts(out, ", hive_partitioning = false");
	if (nmain)
		lh_buf_puts(out, rownum ? ", file_row_number = true)" : ")");
	for (size_t i = 0, k = 0; nmapped && i < t->files.len && st == LH_OK; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (!lh_data_file_mapped(f))
			continue;
		char *p = file_path(table_path, f->path, f->path_is_relative, map);
		char *full = lh_file_full_path(table_path, f->path, f->path_is_relative);
		lh_buf_puts(out, nmain || k++ ? " UNION ALL " : "");
		st = append_mapped_read(t, f, p, full, idx[i], flags, snap_col, out, err);
		free(p);
		free(full);
	}
	if (st != LH_OK) {
		free(table_path);
		free(idx);
		return st;
	}
	lh_buf_puts(out, nmapped ? ") __d" : " __d");
	if ((flags & LH_SCAN_META) && !one) {
		lh_buf_puts(out, " JOIN (VALUES ");
		for (size_t i = 0; i < t->files.len; i++) {
			const lh_data_file *f = &t->files.items[i];
			lh_buf_printf(out, "%s(%zu, %lld, ", i ? ", " : "", FILE_INDEX(idx, i), (long long)f->id);
			if (f->row_id_start >= 0)
				lh_buf_printf(out, "%lld::BIGINT", (long long)f->row_id_start);
			else
				lh_buf_puts(out, "NULL::BIGINT");
			if (virt) {
				lh_buf_puts(out, ", ");
				put_file_snapshot(f, out);
				lh_buf_puts(out, ", ");
				put_file_name(table_path, f, out);
			}
			lh_buf_putc(out, ')');
		}
		lh_buf_puts(out, virt ? ") __fm(__fi, __fid, __rid0, __snap0, __fname)"
		                      : ") __fm(__fi, __fid, __rid0)");
		lh_buf_puts(out, " ON __d.file_index = __fm.__fi");
	}
	append_deletes(t, state->snap.id, table_path, map, idx, out);
	const char *glue = " WHERE ";
	if (!by_name && t->files.len == 1 && !nmapped) {
		lh_buf_puts(out, " WHERE __d.file_index = 0");
		glue = " AND ";
	}
	for (size_t i = 0; (partial_rows || partial_snaps) && i < t->files.len; i++) {
		partial_kind k;
		int64_t n;
		partial_at(&t->files.items[i], state->snap.id, &k, &n, err);
		if (k == PARTIAL_ROWS)
			lh_buf_printf(out, "%s(__d.file_index <> %zu OR __d.file_row_number < %lld)", glue,
			              FILE_INDEX(idx, i), (long long)n);
		else if (k == PARTIAL_SNAPSHOTS)
			lh_buf_printf(out, "%s(__d.file_index <> %zu OR __d.__lh_snap <= %lld)", glue,
			              FILE_INDEX(idx, i), (long long)state->snap.id);
		if (k != PARTIAL_NONE)
			glue = " AND ";
	}
	free(table_path);
	free(idx);
	if (lh_buf_status(out) == LH_ERR_NOMEM)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	return LH_OK;
}

/* The rows kept inline (model.h), typed like the table: the catalog's, less those the
 * open transaction deleted, and the transaction's own (tables in DuckDB's __lh). */
static lh_status inlined_scan(const lh_table *t, unsigned flags, lh_buf *out, lh_err *err)
{
	bool meta = (flags & LH_SCAN_META) != 0, any = false;
	bool virt = (flags & LH_SCAN_VIRTUAL) != 0;
	lh_status st = LH_OK;
	if (t->inlined) {
		st = append_typed_select(t, "__v", out, err);
		if (meta)
			lh_buf_puts(out, ", NULL::BIGINT AS __lh_file, __v.__lh_rowid AS __lh_pos, "
			                 "__v.__lh_rowid AS __lh_rowid");
		if (virt)
			lh_buf_puts(out, ", __v.__lh_snap AS __lh_snapid, NULL::VARCHAR AS __lh_filename, "
			                 "__v.__lh_snap AS __lh_begin");
		lh_buf_puts(out, " FROM (");
		lh_buf_puts(out, t->inlined);
		lh_buf_puts(out, ") __v");
		for (size_t i = 0; i < t->inl_deleted.len; i++)
			lh_buf_printf(out, "%s%lld", i ? ", " : " WHERE __v.__lh_rowid NOT IN (",
			              (long long)t->inl_deleted.items[i]);
		lh_buf_puts(out, t->inl_deleted.len ? ")" : "");
		any = true;
	}
	if (st == LH_OK && t->inl_rows > 0) {
		/* the transaction's rows, as text in the order of the columns they were inserted
		 * with (an ALTER of the columns is refused meanwhile) */
		lh_buf_puts(out, any ? " UNION ALL " : "");
		st = append_typed_select(t, "__p", out, err);
		if (meta)
			lh_buf_printf(out, ", %lld::BIGINT AS __lh_file, __p.__lh_idx AS __lh_pos, "
			                   "NULL::BIGINT AS __lh_rowid",
			              (long long)LH_INLINED_PENDING);
		if (virt)
			lh_buf_puts(out, ", NULL::BIGINT AS __lh_snapid, NULL::VARCHAR AS __lh_filename, "
			                 "NULL::BIGINT AS __lh_begin");
		lh_buf_puts(out, " FROM (SELECT ");
		for (size_t i = 0, k = 0; i < t->columns.len; i++)
			if (t->columns.items[i].parent < 0) {
				lh_buf_printf(out, "r[%zu] AS ", ++k);
				lh_buf_sql_ident(out, t->columns.items[i].name);
				lh_buf_puts(out, ", ");
			}
		lh_buf_printf(out, "r[%zu]::BIGINT AS __lh_idx FROM ", t->inl_ncols + 1);
		lh_buf_json_rows(out, (const char *const *)t->inl_values, t->inl_rows, t->inl_ncols, true);
		lh_buf_puts(out, ") __p");
	}
	return st;
}

lh_status lh_scan_sql(const lh_state *state, const lh_table *t, unsigned flags,
                      const lh_path_map *map, lh_buf *out, lh_err *err)
{
	if (flags & LH_SCAN_VIRTUAL)
		flags |= LH_SCAN_META;
	if (!t->inlined && t->inl_rows == 0)
		return files_scan(state, t, flags, map, out, err);
	if (t->files.len == 0)
		return inlined_scan(t, flags, out, err);
	lh_buf_puts(out, "SELECT * FROM (");
	lh_status st = files_scan(state, t, flags, map, out, err);
	if (st == LH_OK) {
		lh_buf_puts(out, ") UNION ALL ");
		st = inlined_scan(t, flags, out, err);
	}
	return st;
}
