/*
 * engine/scan.c - building the read_parquet SELECT for a table. See scan.h.
 */
#include "engine/scan.h"
#include "engine/types.h"

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

static lh_status append_empty(const lh_table *t, unsigned flags, lh_buf *out, lh_err *err)
{
	lh_buf_puts(out, "SELECT ");
	bool first = true;
	for (size_t i = 0; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0)
			continue;
		lh_buf_puts(out, first ? "CAST(NULL AS " : ", CAST(NULL AS ");
		first = false;
		lh_status st = lh_types_sql(t->columns.items, t->columns.len, i, out, err);
		if (st != LH_OK)
			return st;
		lh_buf_puts(out, ") AS ");
		lh_buf_sql_ident(out, c->name);
	}
	if (flags & LH_SCAN_META)
		lh_buf_puts(out, ", NULL::BIGINT AS __lh_file, NULL::BIGINT AS __lh_pos, NULL::BIGINT AS "
		                 "__lh_rowid");
	lh_buf_puts(out, " WHERE false");
	return LH_OK;
}

static lh_status append_schema_map(const lh_table *t, unsigned flags, bool sid, lh_buf *out,
                                   lh_err *err)
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
	if (sid)
		lh_buf_printf(out, ", %d: {name: '__lh_sid', type: 'BIGINT', default_value: NULL::VARCHAR}",
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

static void append_deletes(const lh_table *t, const char *table_path, const lh_path_map *map,
                           lh_buf *out)
{
	bool any_file = false, any_pending = false;
	for (size_t i = 0; i < t->files.len; i++) {
		any_file |= t->files.items[i].del.path != NULL;
		any_pending |= t->files.items[i].pending_deletes > 0;
	}
	if (!any_file && !any_pending)
		return;
	lh_buf_puts(out, " ANTI JOIN (");
	bool first = true;
	if (any_file) {
		lh_buf_puts(out, "SELECT __m.__fi, __p.pos AS __pos FROM read_parquet([");
		bool f1 = true;
		for (size_t i = 0; i < t->files.len; i++) {
			const lh_data_file *f = &t->files.items[i];
			if (!f->del.path)
				continue;
			char *p = file_path(table_path, f->del.path, f->del.path_is_relative, map);
			lh_buf_puts(out, f1 ? "" : ", ");
			lh_buf_sql_str(out, p ? p : "");
			free(p);
			f1 = false;
		}
		lh_buf_puts(out, "], filename = true) __p JOIN (VALUES ");
		f1 = true;
		for (size_t i = 0; i < t->files.len; i++) {
			const lh_data_file *f = &t->files.items[i];
			if (!f->del.path)
				continue;
			char *p = file_path(table_path, f->del.path, f->del.path_is_relative, map);
			lh_buf_puts(out, f1 ? "(" : ", (");
			lh_buf_sql_str(out, p ? p : "");
			lh_buf_printf(out, ", %zu)", i);
			free(p);
			f1 = false;
		}
		lh_buf_puts(out, ") __m(__fn, __fi) ON __p.filename = __m.__fn");
		first = false;
	}
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (f->pending_deletes <= 0)
			continue;
		lh_buf_printf(out,
		              "%sSELECT %zu AS __fi, pos AS __pos FROM " LH_PENDING_DELETES
		              " WHERE file_id = %lld",
		              first ? "" : " UNION ALL ", i, (long long)f->id);
		first = false;
	}
	lh_buf_puts(out, ") __x ON __d.file_index = __x.__fi AND __d.file_row_number = __x.__pos");
}

/* True when partial_file_info hides some of the file's rows at the loaded snapshot. */
static bool hides_rows(const lh_data_file *f)
{
	return f->max_row_snapshot > 0 || (f->visible_rows > 0 && f->visible_rows < f->record_count);
}

static bool any_hides_rows(const lh_table *t, bool by_snapshot)
{
	for (size_t i = 0; i < t->files.len; i++)
		if (by_snapshot ? t->files.items[i].max_row_snapshot > 0 : hides_rows(&t->files.items[i]))
			return true;
	return false;
}

/* The WHERE clause: the rows partial_file_info hides, and the second copy of a lone file. */
static void append_where(const lh_table *t, bool lone_copy, lh_buf *out)
{
	const char *sep = " WHERE ";
	if (lone_copy) {
		lh_buf_puts(out, " WHERE __d.file_index = 0");
		sep = " AND ";
	}
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		if (!hides_rows(f))
			continue;
		if (f->max_row_snapshot > 0)
			lh_buf_printf(out, "%s(__d.file_index <> %zu OR __d.__lh_sid <= %lld)", sep, i,
			              (long long)f->max_row_snapshot);
		else
			lh_buf_printf(out, "%s(__d.file_index <> %zu OR __d.file_row_number < %lld)", sep, i,
			              (long long)f->visible_rows);
		sep = " AND ";
	}
}

/* One SELECT per inlined row (model.h), matched to the table's columns by name: a column
 * the inlined table does not have reads as its initial default. */
static lh_status append_inlined(const lh_table *t, lh_buf *out, lh_err *err)
{
	for (size_t k = 0; k < t->inlined.len; k++) {
		const lh_inlined *in = &t->inlined.items[k];
		for (size_t r = 0; r < in->nrows; r++) {
			lh_buf_puts(out, " UNION ALL SELECT ");
			bool first = true;
			for (size_t i = 0; i < t->columns.len; i++) {
				const lh_column *c = &t->columns.items[i];
				if (c->parent >= 0)
					continue;
				const char *v = c->initial_default;
				for (size_t j = 1; j < in->ncols; j++)
					if (lh_strieq(in->names[j], c->name))
						v = in->cells[r * in->ncols + j];
				lh_buf_puts(out, first ? "CAST(" : ", CAST(");
				first = false;
				if (v)
					lh_buf_sql_str(out, v);
				else
					lh_buf_puts(out, "NULL");
				lh_buf_puts(out, " AS ");
				lh_status st = lh_types_sql(t->columns.items, t->columns.len, i, out, err);
				if (st != LH_OK)
					return st;
				lh_buf_puts(out, ") AS ");
				lh_buf_sql_ident(out, c->name);
			}
		}
	}
	return LH_OK;
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

static lh_status scan_files(const lh_state *state, const lh_table *t, unsigned flags,
                            const lh_path_map *map, lh_buf *out, lh_err *err);

lh_status lh_scan_sql(const lh_state *state, const lh_table *t, unsigned flags,
                      const lh_path_map *map, lh_buf *out, lh_err *err)
{
	if (t->inlined.len && (flags & LH_SCAN_META))
		return lh_err_set(err, LH_ERR_UNSUPPORTED,
		                  "table '%s' has rows DuckDB inlined in the catalog, which cannot be "
		                  "changed here yet; run CALL ducklake_flush_inlined_data in DuckDB first",
		                  t->name);
	lh_status st = t->files.len == 0 ? append_empty(t, flags, out, err)
	                                 : scan_files(state, t, flags, map, out, err);
	return st == LH_OK ? append_inlined(t, out, err) : st;
}

static lh_status scan_files(const lh_state *state, const lh_table *t, unsigned flags,
                            const lh_path_map *map, lh_buf *out, lh_err *err)
{
	char *table_path = lh_table_full_path(state, t);
	if (!table_path)
		return lh_err_set(err, LH_ERR_CORRUPT, "table '%s' has no readable path", t->name);
	bool hides = any_hides_rows(t, false), sid = any_hides_rows(t, true);
	bool by_name = !(flags & LH_SCAN_META) && !hides && schema_never_changed(t);
	lh_buf_puts(out, "SELECT ");
	lh_status st = append_select_list(t, by_name, out, err);
	if (st != LH_OK) {
		free(table_path);
		return st;
	}
	if (flags & LH_SCAN_META)
		lh_buf_puts(out, ", __fm.__fid AS __lh_file, __d.file_row_number AS __lh_pos, "
		                 "COALESCE(__d.__lh_rid, __fm.__rid0 + __d.file_row_number) AS __lh_rowid");
	lh_buf_puts(out, " FROM read_parquet([");
	for (size_t i = 0; i < t->files.len; i++) {
		const lh_data_file *f = &t->files.items[i];
		char *p = file_path(table_path, f->path, f->path_is_relative, map);
		lh_buf_puts(out, i ? ", " : "");
		lh_buf_sql_str(out, p ? p : "");
		/* DuckDB reads a lone file on one thread when given a schema (it has no row group
		 * count at bind time), but a list of several files in parallel: list it twice and
		 * keep file_index 0, a filter DuckDB pushes into the file list, so the copy is
		 * never read (and would be filtered out if it were) */
		if (!by_name && t->files.len == 1) {
			lh_buf_puts(out, ", ");
			lh_buf_sql_str(out, p ? p : "");
		}
		free(p);
	}
	lh_buf_putc(out, ']');
	if (!by_name) {
		int64_t rows = 0;
		for (size_t i = 0; i < t->files.len; i++)
			rows += t->files.items[i].record_count;
		/* the catalog knows the row count; without it DuckDB would guess 1 row per file */
		lh_buf_printf(out, ", explicit_cardinality = %lld, ", (long long)(rows > 0 ? rows : 1));
		st = append_schema_map(t, flags, sid, out, err);
		if (st != LH_OK) {
			free(table_path);
			return st;
		}
	}
	bool rownum = (flags & LH_SCAN_META) != 0 || hides;
	for (size_t i = 0; i < t->files.len && !rownum; i++)
		rownum = t->files.items[i].del.path || t->files.items[i].pending_deletes > 0;
	lh_buf_puts(out, rownum ? ", file_row_number = true) __d" : ") __d");
	if (flags & LH_SCAN_META) {
		lh_buf_puts(out, " JOIN (VALUES ");
		for (size_t i = 0; i < t->files.len; i++) {
			const lh_data_file *f = &t->files.items[i];
			lh_buf_printf(out, "%s(%zu, %lld, ", i ? ", " : "", i, (long long)f->id);
			if (f->row_id_start >= 0)
				lh_buf_printf(out, "%lld::BIGINT)", (long long)f->row_id_start);
			else
				lh_buf_puts(out, "NULL::BIGINT)");
		}
		lh_buf_puts(out, ") __fm(__fi, __fid, __rid0) ON __d.file_index = __fm.__fi");
	}
	append_deletes(t, table_path, map, out);
	append_where(t, !by_name && t->files.len == 1, out);
	free(table_path);
	return LH_OK;
}
