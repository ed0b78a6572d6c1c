/*
 * catalog/load.c - reading the lake's state at a snapshot from the catalog.
 *
 * Layer: catalog. Follows what DuckDB's ducklake extension reads (reference section
 * 3.2): every row is filtered with the visibility predicate
 *   N >= begin_snapshot AND (N < end_snapshot OR end_snapshot IS NULL)
 * All queries of one load run in one read transaction, so a concurrent commit is either
 * wholly seen or not at all.
 */
#include "catalog/catalog.h"
#include "catalog/inlined.h"
#include "catalog/options.h"
#include "util/fsutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VISIBLE(alias)                                                                     \
	"? >= " alias "begin_snapshot AND (? < " alias "end_snapshot OR " alias                \
	"end_snapshot IS NULL)"

static lh_status nomem(lh_err *err)
{
	return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
}

lh_status lh_catalog_snapshot(lh_catdb *db, int64_t snapshot_id, lh_snapshot_info *out,
                              lh_err *err)
{
	memset(out, 0, sizeof *out);
	lh_rows *rows = NULL;
	lh_val p[1] = {LH_V_INT(snapshot_id)};
	lh_status st = lh_catdb_query(
	    db,
	    snapshot_id < 0
	        ? "SELECT snapshot_id, schema_version, next_catalog_id, next_file_id, snapshot_time "
	          "FROM ducklake_snapshot WHERE snapshot_id = (SELECT max(snapshot_id) FROM "
	          "ducklake_snapshot)"
	        : "SELECT snapshot_id, schema_version, next_catalog_id, next_file_id, snapshot_time "
	          "FROM ducklake_snapshot WHERE snapshot_id = ?",
	    p, snapshot_id < 0 ? 0 : 1, &rows, err);
	if (st != LH_OK)
		return st;
	if (rows->nrows == 0) {
		lh_rows_free(&rows);
		if (snapshot_id < 0)
			return lh_err_set(err, LH_ERR_CORRUPT, "the catalog has no snapshot");
		return lh_err_set(err, LH_ERR_NOT_FOUND, "No snapshot found at version %lld",
		                  (long long)snapshot_id);
	}
	out->id = lh_rows_int(rows, 0, 0, 0);
	out->schema_version = lh_rows_int(rows, 0, 1, 0);
	out->next_catalog_id = lh_rows_int(rows, 0, 2, 0);
	out->next_file_id = lh_rows_int(rows, 0, 3, 0);
	out->time = lh_rows_dup(rows, 0, 4);
	lh_rows_free(&rows);
	return LH_OK;
}

static lh_status load_schemas(lh_catdb *db, lh_state *s, lh_err *err)
{
	lh_val p[2] = {LH_V_INT(s->snap.id), LH_V_INT(s->snap.id)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT schema_id, schema_uuid, begin_snapshot, schema_name, path, "
	                              "path_is_relative FROM ducklake_schema WHERE " VISIBLE("")
	                              " ORDER BY schema_id",
	                              p, 2, &rows, err);
	if (st != LH_OK)
		return st;
	if (LH_VEC_RESERVE(&s->schemas, rows->nrows) != LH_OK) {
		lh_rows_free(&rows);
		return nomem(err);
	}
	for (size_t r = 0; r < rows->nrows; r++) {
		lh_schema *sc = &s->schemas.items[s->schemas.len++];
		memset(sc, 0, sizeof *sc);
		sc->id = lh_rows_int(rows, r, 0, 0);
		snprintf(sc->uuid, sizeof sc->uuid, "%s", lh_rows_get(rows, r, 1) ? lh_rows_get(rows, r, 1) : "");
		sc->begin_snapshot = lh_rows_int(rows, r, 2, 0);
		sc->name = lh_rows_dup(rows, r, 3);
		sc->path = lh_rows_dup(rows, r, 4);
		sc->path_is_relative = lh_rows_bool(rows, r, 5, true);
		if (!sc->name || !sc->path) {
			lh_rows_free(&rows);
			return nomem(err);
		}
	}
	lh_rows_free(&rows);
	return LH_OK;
}

static lh_status load_tables(lh_catdb *db, lh_state *s, lh_err *err)
{
	lh_val p[2] = {LH_V_INT(s->snap.id), LH_V_INT(s->snap.id)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(
	    db,
	    "SELECT t.table_id, t.table_uuid, t.begin_snapshot, t.schema_id, t.table_name, t.path, "
	    "t.path_is_relative, (SELECT max(c.column_id) FROM ducklake_column c WHERE c.table_id = "
	    "t.table_id) FROM ducklake_table t WHERE " VISIBLE("t.") " ORDER BY t.table_id",
	    p, 2, &rows, err);
	if (st != LH_OK)
		return st;
	if (LH_VEC_RESERVE(&s->tables, rows->nrows) != LH_OK) {
		lh_rows_free(&rows);
		return nomem(err);
	}
	for (size_t r = 0; r < rows->nrows; r++) {
		lh_table *t = lh_table_new();
		if (!t) {
			lh_rows_free(&rows);
			return nomem(err);
		}
		s->tables.items[s->tables.len++] = t;
		t->id = lh_rows_int(rows, r, 0, 0);
		snprintf(t->uuid, sizeof t->uuid, "%s", lh_rows_get(rows, r, 1) ? lh_rows_get(rows, r, 1) : "");
		t->begin_snapshot = lh_rows_int(rows, r, 2, 0);
		t->schema_id = lh_rows_int(rows, r, 3, 0);
		t->name = lh_rows_dup(rows, r, 4);
		t->path = lh_rows_dup(rows, r, 5);
		t->path_is_relative = lh_rows_bool(rows, r, 6, true);
		t->max_column_id = lh_rows_int(rows, r, 7, 0);
		if (!t->name || !t->path) {
			lh_rows_free(&rows);
			return nomem(err);
		}
	}
	lh_rows_free(&rows);
	return LH_OK;
}

static lh_status load_columns(lh_catdb *db, lh_state *s, lh_err *err)
{
	lh_val p[2] = {LH_V_INT(s->snap.id), LH_V_INT(s->snap.id)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(
	    db,
	    "SELECT table_id, column_id, begin_snapshot, column_order, column_name, column_type, "
	    "initial_default, default_value, nulls_allowed, parent_column FROM ducklake_column WHERE " VISIBLE(
	        "") " ORDER BY table_id, parent_column NULLS FIRST, column_order",
	    p, 2, &rows, err);
	if (st != LH_OK)
		return st;
	lh_table *t = NULL;
	for (size_t r = 0; r < rows->nrows && st == LH_OK; r++) {
		int64_t table_id = lh_rows_int(rows, r, 0, 0);
		if (!t || t->id != table_id) {
			ptrdiff_t ti = lh_state_table_index_by_id(s, table_id);
			t = ti >= 0 ? s->tables.items[ti] : NULL;
		}
		if (!t)
			continue; /* columns of a table not visible here (should not happen) */
		lh_column c = {
		    .id = lh_rows_int(rows, r, 1, 0),
		    .begin_snapshot = lh_rows_int(rows, r, 2, 0),
		    .order = lh_rows_int(rows, r, 3, 0),
		    .name = lh_rows_dup(rows, r, 4),
		    .type = lh_rows_dup(rows, r, 5),
		    .initial_default = lh_rows_dup(rows, r, 6),
		    .default_value = lh_rows_dup(rows, r, 7),
		    .nulls_allowed = lh_rows_bool(rows, r, 8, true),
		    .parent = lh_rows_int(rows, r, 9, -1),
		};
		if (!c.name || !c.type || LH_VEC_PUSH(&t->columns, c) != LH_OK) {
			lh_column_clear(&c);
			st = nomem(err);
		}
	}
	lh_rows_free(&rows);
	return st;
}

static lh_status load_views(lh_catdb *db, lh_state *s, lh_err *err)
{
	lh_val p[2] = {LH_V_INT(s->snap.id), LH_V_INT(s->snap.id)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT view_id, view_uuid, begin_snapshot, schema_id, view_name, "
	                              "dialect, \"sql\", column_aliases FROM ducklake_view WHERE " VISIBLE("")
	                              " ORDER BY view_id",
	                              p, 2, &rows, err);
	if (st != LH_OK)
		return st;
	if (LH_VEC_RESERVE(&s->views, rows->nrows) != LH_OK) {
		lh_rows_free(&rows);
		return nomem(err);
	}
	for (size_t r = 0; r < rows->nrows && st == LH_OK; r++) {
		lh_view_def *v = &s->views.items[s->views.len++];
		memset(v, 0, sizeof *v);
		v->id = lh_rows_int(rows, r, 0, 0);
		snprintf(v->uuid, sizeof v->uuid, "%s", lh_rows_get(rows, r, 1) ? lh_rows_get(rows, r, 1) : "");
		v->begin_snapshot = lh_rows_int(rows, r, 2, 0);
		v->schema_id = lh_rows_int(rows, r, 3, 0);
		v->name = lh_rows_dup(rows, r, 4);
		v->dialect = lh_rows_dup(rows, r, 5);
		v->sql = lh_rows_dup(rows, r, 6);
		v->column_aliases = lh_rows_dup(rows, r, 7);
		if (!v->name || !v->sql)
			st = nomem(err);
	}
	lh_rows_free(&rows);
	return st;
}

/* Comments (key 'comment' of ducklake_tag and ducklake_column_tag) of tables, views and
 * columns. */
static lh_status load_comments(lh_catdb *db, lh_state *s, lh_err *err)
{
	lh_val p[2] = {LH_V_INT(s->snap.id), LH_V_INT(s->snap.id)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT object_id, \"value\" FROM ducklake_tag WHERE " VISIBLE("")
	                              " AND \"key\" = 'comment'",
	                              p, 2, &rows, err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		int64_t id = lh_rows_int(rows, r, 0, -1);
		char **slot = NULL;
		ptrdiff_t ti = lh_state_table_index_by_id(s, id);
		if (ti >= 0)
			slot = &s->tables.items[ti]->comment;
		for (size_t i = 0; !slot && i < s->views.len; i++)
			if (s->views.items[i].id == id)
				slot = &s->views.items[i].comment;
		if (!slot || !lh_rows_get(rows, r, 1))
			continue;
		free(*slot);
		if (!(*slot = lh_rows_dup(rows, r, 1)))
			st = nomem(err);
	}
	lh_rows_free(&rows);
	if (st != LH_OK)
		return st;
	st = lh_catdb_query(db,
	                    "SELECT table_id, column_id, \"value\" FROM ducklake_column_tag WHERE " VISIBLE("")
	                    " AND \"key\" = 'comment'",
	                    p, 2, &rows, err);
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		ptrdiff_t ti = lh_state_table_index_by_id(s, lh_rows_int(rows, r, 0, -1));
		if (ti < 0 || !lh_rows_get(rows, r, 2))
			continue;
		lh_table *t = s->tables.items[ti];
		for (size_t c = 0; c < t->columns.len; c++) {
			lh_column *col = &t->columns.items[c];
			if (col->id != lh_rows_int(rows, r, 1, -1))
				continue;
			free(col->comment);
			if (!(col->comment = lh_rows_dup(rows, r, 2)))
				st = nomem(err);
		}
	}
	lh_rows_free(&rows);
	return st;
}

/* The name mappings of the files that have one (ducklake_add_data_files). */
static lh_status load_name_maps(lh_catdb *db, lh_state *s, int64_t only_table, lh_err *err)
{
	bool any = false;
	for (size_t ti = 0; ti < s->tables.len && !any; ti++)
		for (size_t i = 0; i < s->tables.items[ti]->files.len && !any; i++)
			any = s->tables.items[ti]->files.items[i].mapping_id >= 0 &&
			      (only_table < 0 || s->tables.items[ti]->id == only_table);
	if (!any)
		return LH_OK;
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT n.mapping_id, n.source_name, n.target_field_id, "
	                              "n.parent_column, n.is_partition, n.column_id FROM "
	                              "ducklake_name_mapping n ORDER BY n.mapping_id, n.column_id",
	                              NULL, 0, &rows, err);
	enum { MAX_ENTRIES = 1024 };
	char **src = malloc(MAX_ENTRIES * sizeof *src);
	int64_t *target = malloc(MAX_ENTRIES * sizeof *target), *local = malloc(MAX_ENTRIES * sizeof *local);
	bool *part = malloc(MAX_ENTRIES * sizeof *part);
	int32_t *parent = malloc(MAX_ENTRIES * sizeof *parent);
	if (st == LH_OK && (!src || !target || !local || !part || !parent))
		st = nomem(err);
	for (size_t ti = 0; st == LH_OK && ti < s->tables.len; ti++) {
		lh_table *t = s->tables.items[ti];
		for (size_t i = 0; st == LH_OK && i < t->files.len; i++) {
			lh_data_file *f = &t->files.items[i];
			if (f->mapping_id < 0 || (only_table >= 0 && t->id != only_table))
				continue;
			size_t n = 0;
			bool unreadable = false;
			for (size_t r = 0; r < rows->nrows; r++) {
				if (lh_rows_int(rows, r, 0, -1) != f->mapping_id)
					continue;
				if (n == MAX_ENTRIES) {
					unreadable = true;
					break;
				}
				src[n] = (char *)lh_rows_get(rows, r, 1);
				target[n] = lh_rows_int(rows, r, 2, -1);
				part[n] = lh_rows_bool(rows, r, 4, false);
				local[n] = lh_rows_int(rows, r, 5, -1);
				/* parent_column names the parent entry's mapping-local column_id, listed
				 * before its children */
				int64_t pc = lh_rows_int(rows, r, 3, -1);
				parent[n] = -1;
				for (size_t k = 0; pc >= 0 && k < n && parent[n] < 0; k++)
					if (local[k] == pc)
						parent[n] = (int32_t)k;
				unreadable |= !src[n] || (pc >= 0 && parent[n] < 0);
				n++;
			}
			/* no entries at all: unreadable, never read by field ids (scan.c refuses it) */
			if (lh_data_file_set_map(f, unreadable ? 0 : n, src, target, part, parent,
			                         unreadable || n == 0) != LH_OK)
				st = nomem(err);
		}
	}
	free(src);
	free(target);
	free(local);
	free(part);
	free(parent);
	lh_rows_free(&rows);
	return st;
}

/* Each table's partitioning at the snapshot: its visible ducklake_partition_info row and
 * that row's keys (none after RESET PARTITIONED BY). */
static lh_status load_partitions(lh_catdb *db, lh_state *s, lh_err *err)
{
	lh_val p[2] = {LH_V_INT(s->snap.id), LH_V_INT(s->snap.id)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(
	    db,
	    "SELECT i.table_id, i.partition_id, c.column_id, c.\"transform\" FROM "
	    "ducklake_partition_info i LEFT JOIN ducklake_partition_column c ON "
	    "c.partition_id = i.partition_id AND c.table_id = i.table_id WHERE " VISIBLE("i.")
	    " ORDER BY i.table_id, i.partition_id, c.partition_key_index",
	    p, 2, &rows, err);
	if (st != LH_OK)
		return st;
	for (size_t r = 0; r < rows->nrows && st == LH_OK;) {
		int64_t table_id = lh_rows_int(rows, r, 0, -1), id = lh_rows_int(rows, r, 1, -1);
		lh_partition_key keys[64];
		size_t n = 0, e = r;
		for (; e < rows->nrows && lh_rows_int(rows, e, 0, -1) == table_id &&
		       lh_rows_int(rows, e, 1, -1) == id;
		     e++)
			if (lh_rows_get(rows, e, 2) && n < 64)
				keys[n++] = (lh_partition_key){lh_rows_int(rows, e, 2, -1),
				                               (char *)lh_rows_get(rows, e, 3)};
		ptrdiff_t ti = lh_state_table_index_by_id(s, table_id);
		if (ti >= 0) {
			lh_table *t = s->tables.items[ti];
			t->part_id = id;
			for (size_t k = 0; k < n; k++)
				if (!keys[k].transform)
					keys[k].transform = "identity";
			if (lh_table_set_parts(t, n, keys) != LH_OK)
				st = nomem(err);
		}
		r = e;
	}
	lh_rows_free(&rows);
	return st;
}

/* The partition values of the files that have a partition (ducklake_file_partition_value). */
static lh_status load_part_values(lh_catdb *db, lh_state *s, int64_t only_table, lh_err *err)
{
	bool any = false;
	for (size_t ti = 0; ti < s->tables.len && !any; ti++)
		for (size_t i = 0; i < s->tables.items[ti]->files.len && !any; i++)
			any = s->tables.items[ti]->files.items[i].partition_id >= 0 &&
			      (only_table < 0 || s->tables.items[ti]->id == only_table);
	if (!any)
		return LH_OK;
	lh_val p[1] = {LH_V_INT(only_table)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              only_table < 0
	                                  ? "SELECT data_file_id, partition_key_index, partition_value "
	                                    "FROM ducklake_file_partition_value ORDER BY 1, 2"
	                                  : "SELECT data_file_id, partition_key_index, partition_value "
	                                    "FROM ducklake_file_partition_value WHERE table_id = ? "
	                                    "ORDER BY 1, 2",
	                              p, only_table < 0 ? 0 : 1, &rows, err);
	if (st != LH_OK)
		return st;
	/* both sorted by data file id within a table: one pass per table */
	for (size_t ti = 0; st == LH_OK && ti < s->tables.len; ti++) {
		lh_table *t = s->tables.items[ti];
		if (only_table >= 0 && t->id != only_table)
			continue;
		size_t r = 0;
		for (size_t i = 0; st == LH_OK && i < t->files.len; i++) {
			lh_data_file *f = &t->files.items[i];
			if (f->partition_id < 0)
				continue;
			while (r < rows->nrows && lh_rows_int(rows, r, 0, -1) < f->id)
				r++;
			char *vals[64];
			size_t n = 0;
			for (; r < rows->nrows && lh_rows_int(rows, r, 0, -1) == f->id; r++) {
				int64_t k = lh_rows_int(rows, r, 1, -1);
				if (k < 0 || k >= 64)
					continue;
				while (n <= (size_t)k)
					vals[n++] = NULL;
				vals[k] = (char *)lh_rows_get(rows, r, 2);
			}
			if (lh_data_file_set_parts(f, n, vals) != LH_OK)
				st = nomem(err);
		}
	}
	lh_rows_free(&rows);
	return st;
}

static lh_status load_files(lh_catdb *db, lh_state *s, int64_t only_table, lh_err *err)
{
	int64_t n = s->snap.id;
	lh_val p[5] = {LH_V_INT(n), LH_V_INT(n), LH_V_INT(n), LH_V_INT(n), LH_V_INT(only_table)};
	bool v1 = lh_catdb_v1(db);
	/* 0.3 keeps a partial file's snapshots in partial_file_info; 0.4 on has partial_max
	 * (read as "partial_max:<n>", 0.3's form of it), also on delete files */
	char *sql = lh_asprintf(
	    "SELECT d.table_id, d.data_file_id, d.begin_snapshot, d.path, d.path_is_relative, "
	    "d.record_count, d.file_size_bytes, d.footer_size, d.row_id_start, d.partition_id, "
	    "d.mapping_id, %s, x.delete_file_id, x.begin_snapshot, x.path, x.path_is_relative, "
	    "x.delete_count, x.file_size_bytes, x.footer_size, %s FROM ducklake_data_file d LEFT "
	    "JOIN (SELECT * FROM ducklake_delete_file WHERE " VISIBLE("") ") x ON x.data_file_id = "
	    "d.data_file_id WHERE " VISIBLE("d.") "%s ORDER BY d.table_id, d.data_file_id",
	    v1 ? "d.partial_max" : "d.partial_file_info", v1 ? "x.partial_max" : "NULL",
	    only_table < 0 ? "" : " AND d.table_id = ?");
	lh_rows *rows = NULL;
	lh_status st = sql ? lh_catdb_query(db, sql, p, only_table < 0 ? 4 : 5, &rows, err)
	                   : nomem(err);
	free(sql);
	if (st != LH_OK)
		return st;
	lh_table *t = NULL;
	for (size_t r = 0; r < rows->nrows && st == LH_OK; r++) {
		int64_t table_id = lh_rows_int(rows, r, 0, 0);
		if (!t || t->id != table_id) {
			ptrdiff_t ti = lh_state_table_index_by_id(s, table_id);
			t = ti >= 0 ? s->tables.items[ti] : NULL;
		}
		if (!t)
			continue;
		lh_data_file f = {
		    .id = lh_rows_int(rows, r, 1, 0),
		    .begin_snapshot = lh_rows_int(rows, r, 2, 0),
		    .path = lh_rows_dup(rows, r, 3),
		    .path_is_relative = lh_rows_bool(rows, r, 4, true),
		    .record_count = lh_rows_int(rows, r, 5, 0),
		    .file_size_bytes = lh_rows_int(rows, r, 6, 0),
		    .footer_size = lh_rows_int(rows, r, 7, 0),
		    .row_id_start = lh_rows_int(rows, r, 8, -1),
		    .partition_id = lh_rows_int(rows, r, 9, -1),
		    .mapping_id = lh_rows_int(rows, r, 10, -1),
		    .partial_file_info = !v1 || lh_rows_isnull(rows, r, 11)
		                             ? lh_rows_dup(rows, r, 11)
		                             : lh_asprintf("partial_max:%s", lh_rows_get(rows, r, 11)),
		    .del =
		        {
		            .id = lh_rows_int(rows, r, 12, -1),
		            .begin_snapshot = lh_rows_int(rows, r, 13, 0),
		            .path = lh_rows_dup(rows, r, 14),
		            .path_is_relative = lh_rows_bool(rows, r, 15, true),
		            .delete_count = lh_rows_int(rows, r, 16, 0),
		            .file_size_bytes = lh_rows_int(rows, r, 17, 0),
		            .footer_size = lh_rows_int(rows, r, 18, 0),
		            .snapshots = v1,
		            .partial_max = lh_rows_int(rows, r, 19, -1),
		        },
		};
		if (!f.path || LH_VEC_PUSH(&t->files, f) != LH_OK) {
			lh_data_file_clear(&f);
			st = nomem(err);
		}
	}
	lh_rows_free(&rows);
	if (st == LH_OK)
		st = load_part_values(db, s, only_table, err);
	return st == LH_OK ? load_name_maps(db, s, only_table, err) : st;
}

/* Inlined rows (DuckLake data inlining; reference 3.x): every inlined table of a table
 * holds rows with row_id, begin_snapshot, end_snapshot and the table's columns of its
 * schema version. Renders those visible at snapshot n as one SELECT (see model.h). */
static lh_status render_inlined(lh_table *t, const lh_rows *rows, lh_buf *b)
{
	if (b->len)
		lh_buf_puts(b, " UNION ALL ");
	lh_buf_puts(b, "SELECT ");
	size_t rowid_col = 0, snap_col = 0;
	for (size_t k = 0; k < rows->ncols; k++) {
		rowid_col = strcmp(rows->names[k], "row_id") == 0 ? k + 1 : rowid_col;
		snap_col = strcmp(rows->names[k], "begin_snapshot") == 0 ? k + 1 : snap_col;
	}
	for (size_t i = 0, first = 1; i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		if (c->parent >= 0)
			continue;
		lh_buf_puts(b, first ? "" : ", ");
		first = 0;
		size_t at = 0; /* 1-based position in the inlined table's row; 0: not there */
		for (size_t k = 0; k < rows->ncols && !at; k++)
			at = strcmp(rows->names[k], c->name) == 0 ? k + 1 : 0;
		if (at)
			lh_buf_printf(b, "__i.r[%zu]", at);
		else
			lh_buf_puts(b, "NULL::VARCHAR");
		lh_buf_puts(b, " AS ");
		lh_buf_sql_ident(b, c->name);
	}
	lh_buf_printf(b, ", __i.r[%zu]::BIGINT AS __lh_rowid, __i.r[%zu]::BIGINT AS __lh_snap FROM ",
	              rowid_col, snap_col);
	const char **vals = calloc(rows->nrows * rows->ncols + 1, sizeof *vals);
	if (!vals)
		return LH_ERR_NOMEM;
	for (size_t r = 0; r < rows->nrows; r++)
		for (size_t k = 0; k < rows->ncols; k++)
			vals[r * rows->ncols + k] = lh_rows_get(rows, r, k);
	lh_buf_json_rows(b, vals, rows->nrows, rows->ncols, false);
	free(vals);
	lh_buf_puts(b, " __i");
	return b->status;
}

/* The positions of table t's file f deleted in ducklake_inlined_delete_<t> (0.4 on) by
 * snapshots up to the state's. */
static lh_status load_file_deletes(lh_catdb *db, lh_state *s, lh_table *t, const char *name,
                                   lh_err *err)
{
	char *q = lh_asprintf("SELECT file_id, row_id FROM %s WHERE begin_snapshot <= ? ORDER BY "
	                      "file_id, row_id",
	                      name);
	lh_val p[1] = {LH_V_INT(s->snap.id)};
	lh_rows *rows = NULL;
	lh_status st = q ? lh_catdb_query(db, q, p, 1, &rows, err) : nomem(err);
	free(q);
	lh_data_file *f = NULL;
	for (size_t r = 0; st == LH_OK && r < rows->nrows; r++) {
		int64_t id = lh_rows_int(rows, r, 0, -1);
		if (!f || f->id != id) {
			f = NULL;
			for (size_t i = 0; i < t->files.len && !f; i++)
				f = t->files.items[i].id == id ? &t->files.items[i] : NULL;
		}
		if (!f)
			continue; /* a file this snapshot no longer has */
		int64_t *grown = realloc(f->inl_del, (f->inl_del_n + 1) * sizeof *grown);
		if (!grown) {
			st = nomem(err);
			break;
		}
		f->inl_del = grown;
		f->inl_del[f->inl_del_n++] = lh_rows_int(rows, r, 1, 0);
	}
	lh_rows_free(&rows);
	return st;
}

/* DuckDB 1.5 (DuckLake 0.4 on) may keep a few deletes of file rows in the catalog, one
 * table per lake table, made when first needed: every one there is read. */
static lh_status load_inlined_file_deletes(lh_catdb *db, lh_state *s, int64_t only_table,
                                           lh_err *err)
{
	static const char prefix[] = "ducklake_inlined_delete_";
	if (!lh_catdb_v1(db))
		return LH_OK;
	lh_rows *tabs = NULL;
	lh_status st = lh_catdb_query(db, db->ops->tables_sql, NULL, 0, &tabs, err);
	for (size_t r = 0; st == LH_OK && r < tabs->nrows; r++) {
		const char *name = lh_rows_get(tabs, r, 0);
		if (!name || strncmp(name, prefix, sizeof prefix - 1) != 0)
			continue;
		char *end = NULL;
		long long tid = strtoll(name + sizeof prefix - 1, &end, 10);
		if (end == name + sizeof prefix - 1 || *end || (only_table >= 0 && tid != only_table))
			continue;
		ptrdiff_t ti = lh_state_table_index_by_id(s, tid);
		if (ti >= 0)
			st = load_file_deletes(db, s, s->tables.items[ti], name, err);
	}
	lh_rows_free(&tabs);
	return st;
}

static lh_status load_inlined(lh_catdb *db, lh_state *s, int64_t only_table, lh_err *err)
{
	lh_rows *tabs = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT table_id, table_name FROM ducklake_inlined_data_tables "
	                              "ORDER BY table_id, schema_version",
	                              NULL, 0, &tabs, err);
	if (st != LH_OK)
		return st;
	int64_t n = s->snap.id;
	lh_buf b;
	lh_buf_init(&b, 0);
	int64_t cur = -1;
	for (size_t r = 0; r <= tabs->nrows && st == LH_OK; r++) {
		int64_t tid = r < tabs->nrows ? lh_rows_int(tabs, r, 0, -1) : -2;
		if (tid != cur && cur >= 0 && b.len) {
			/* the rows of table `cur` are complete */
			ptrdiff_t ti = lh_state_table_index_by_id(s, cur);
			if (ti >= 0) {
				lh_table *t = s->tables.items[ti];
				free(t->inlined);
				t->inlined = lh_buf_steal(&b);
				if (!t->inlined)
					st = nomem(err);
			}
			lh_buf_free(&b);
			lh_buf_init(&b, 0);
		}
		cur = tid;
		if (r == tabs->nrows || (only_table >= 0 && tid != only_table))
			continue;
		ptrdiff_t ti = lh_state_table_index_by_id(s, tid);
		const char *name = lh_rows_get(tabs, r, 1);
		if (ti < 0 || !name)
			continue;
		if (!lh_inlined_name_ok(name)) {
			st = lh_err_set(err, LH_ERR_CORRUPT,
			                "the catalog names an inlined data table '%s' this version cannot read",
			                name);
			break;
		}
		lh_table *tt = s->tables.items[ti];
		char **grown = realloc(tt->inl_tables, (tt->inl_n + 1) * sizeof *grown);
		if (!grown || !(grown[tt->inl_n] = lh_strdup(name))) {
			if (grown)
				tt->inl_tables = grown;
			st = nomem(err);
			break;
		}
		tt->inl_tables = grown;
		tt->inl_n++;
		char *q = lh_asprintf("SELECT * FROM %s WHERE begin_snapshot <= ? AND (end_snapshot IS NULL "
		                      "OR end_snapshot > ?) ORDER BY row_id",
		                      name);
		lh_val p[2] = {LH_V_INT(n), LH_V_INT(n)};
		lh_rows *rows = NULL;
		st = q ? lh_catdb_query(db, q, p, 2, &rows, err) : nomem(err);
		free(q);
		if (st == LH_OK && rows->nrows > 0)
			st = render_inlined(s->tables.items[ti], rows, &b) == LH_OK ? LH_OK : nomem(err);
		lh_rows_free(&rows);
	}
	lh_buf_free(&b);
	lh_rows_free(&tabs);
	return st;
}

lh_status lh_catalog_load(lh_catdb *db, int64_t snapshot_id, const char *data_path,
                          lh_state **out, lh_err *err)
{
	*out = NULL;
	lh_state *s = lh_state_new();
	if (!s || !(s->data_path = lh_strdup(data_path))) {
		lh_state_free(&s);
		return nomem(err);
	}
	lh_status st = db->ops->begin(db, false, err);
	if (st != LH_OK) {
		lh_state_free(&s);
		return st;
	}
	st = lh_catalog_recheck_format(db, err); /* migrated meanwhile by another process? */
	if (st == LH_OK)
		st = lh_catalog_snapshot(db, snapshot_id, &s->snap, err);
	if (st == LH_OK)
		st = load_schemas(db, s, err);
	if (st == LH_OK)
		st = load_tables(db, s, err);
	if (st == LH_OK)
		st = load_columns(db, s, err);
	if (st == LH_OK)
		st = load_partitions(db, s, err);
	if (st == LH_OK)
		st = load_views(db, s, err);
	if (st == LH_OK)
		st = lh_catalog_load_options(db, s, err);
	if (st == LH_OK)
		st = load_comments(db, s, err);
	if (st == LH_OK)
		st = load_files(db, s, -1, err);
	if (st == LH_OK)
		st = load_inlined(db, s, -1, err);
	if (st == LH_OK)
		st = load_inlined_file_deletes(db, s, -1, err);
	db->ops->rollback(db); /* read-only: nothing to keep */
	if (st != LH_OK) {
		lh_state_free(&s);
		return st;
	}
	*out = s;
	return LH_OK;
}

/* Table ids whose data (not structure) changed in snapshots (from, to]: parsed from
 * changes_made. Returns false in *only_data when anything structural changed. */
static lh_status data_changes_since(lh_catdb *db, int64_t from, int64_t to, bool *only_data,
                                    lh_i64_vec *ids, lh_err *err)
{
	lh_val p[2] = {LH_V_INT(from), LH_V_INT(to)};
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db,
	                              "SELECT changes_made FROM ducklake_snapshot_changes WHERE "
	                              "snapshot_id > ? AND snapshot_id <= ?",
	                              p, 2, &rows, err);
	if (st != LH_OK)
		return st;
	*only_data = true;
	for (size_t r = 0; r < rows->nrows && *only_data && st == LH_OK; r++) {
		lh_changes ch;
		if (lh_changes_parse(lh_rows_get(rows, r, 0), &ch) != LH_OK) {
			*only_data = false;
			break;
		}
		for (size_t i = 0; i < ch.len && st == LH_OK; i++) {
			const lh_change *c = &ch.items[i];
			if (c->kind == LH_CHANGE_INSERTED_INTO_TABLE || c->kind == LH_CHANGE_DELETED_FROM_TABLE ||
			    c->kind == LH_CHANGE_COMPACTED_TABLE || c->kind == LH_CHANGE_INLINED_INSERT ||
			    c->kind == LH_CHANGE_INLINED_DELETE || c->kind == LH_CHANGE_FLUSHED_INLINED)
				st = LH_VEC_PUSH(ids, c->id) == LH_OK ? LH_OK : nomem(err);
			else
				*only_data = false;
		}
		lh_changes_free(&ch);
	}
	lh_rows_free(&rows);
	return st;
}

lh_status lh_catalog_refresh(lh_catdb *db, const lh_state *old, lh_state **out, lh_err *err)
{
	*out = NULL;
	lh_status st = db->ops->begin(db, false, err);
	if (st != LH_OK)
		return st;
	lh_snapshot_info latest;
	st = lh_catalog_snapshot(db, -1, &latest, err);
	if (st != LH_OK) {
		db->ops->rollback(db);
		return st;
	}
	if (latest.id == old->snap.id) {
		/* options are not versioned: a changed one makes a new state all the same */
		lh_state probe = {0};
		st = lh_catalog_load_options(db, &probe, err);
		bool same = st == LH_OK && probe.options.len == old->options.len;
		for (size_t i = 0; same && i < probe.options.len; i++)
			same = strcmp(probe.options.items[i].key, old->options.items[i].key) == 0 &&
			       strcmp(probe.options.items[i].value, old->options.items[i].value) == 0 &&
			       probe.options.items[i].scope == old->options.items[i].scope &&
			       probe.options.items[i].scope_id == old->options.items[i].scope_id;
		db->ops->rollback(db);
		free(latest.time);
		if (st != LH_OK || same) {
			lh_options_free(&probe.options);
			return st; /* *out stays NULL: nothing changed */
		}
		lh_state *s = lh_state_clone(old);
		if (!s) {
			lh_options_free(&probe.options);
			return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		}
		lh_options_free(&s->options);
		s->options = probe.options;
		*out = s;
		return LH_OK;
	}
	bool only_data = latest.schema_version == old->snap.schema_version;
	lh_i64_vec ids = {0};
	if (only_data)
		st = data_changes_since(db, old->snap.id, latest.id, &only_data, &ids, err);
	lh_state *s = NULL;
	if (st == LH_OK && only_data) {
		s = lh_state_clone(old);
		if (!s)
			st = nomem(err);
	}
	if (s && (st = lh_catalog_load_options(db, s, err)) != LH_OK)
		lh_state_free(&s);
	/* the changed tables' files are read in the layout of now: another process may have
	 * migrated the catalog (a full load below checks for itself; an unchanged snapshot
	 * above reads nothing that depends on the layout) */
	if (s && (st = lh_catalog_recheck_format(db, err)) != LH_OK)
		lh_state_free(&s);
	if (s) {
		free(s->snap.time);
		s->snap = latest;
		latest.time = NULL;
		for (size_t i = 0; i < ids.len && st == LH_OK; i++) {
			ptrdiff_t ti = lh_state_table_index_by_id(s, ids.items[i]);
			if (ti < 0)
				continue;
			/* replace the table with a fresh copy holding the new file list */
			lh_table *t = lh_state_table_mut(s, (size_t)ti);
			if (!t) {
				st = nomem(err);
				break;
			}
			for (size_t k = 0; k < t->files.len; k++)
				lh_data_file_clear(&t->files.items[k]);
			t->files.len = 0;
			free(t->inlined);
			t->inlined = NULL;
			for (size_t k = 0; k < t->inl_n; k++)
				free(t->inl_tables[k]);
			free(t->inl_tables);
			t->inl_tables = NULL;
			t->inl_n = 0;
			st = load_files(db, s, t->id, err);
			if (st == LH_OK)
				st = load_inlined(db, s, t->id, err);
			if (st == LH_OK)
				st = load_inlined_file_deletes(db, s, t->id, err);
		}
	}
	db->ops->rollback(db);
	free(latest.time);
	LH_VEC_FREE(&ids);
	if (st != LH_OK) {
		lh_state_free(&s);
		return st;
	}
	if (!s)
		return lh_catalog_load(db, -1, old->data_path, out, err);
	*out = s;
	return LH_OK;
}

/* The snapshot closest to a time from one side: with `upper`, the latest at or before it
 * (ties: the larger id); else the earliest at or after it (ties: the smaller id). Times
 * are compared parsed, not as text, since a catalog may hold several time zones. */
static lh_status snapshot_near_time(lh_catdb *db, int64_t epoch_us, bool upper, int64_t *out_id,
                                    lh_err *err)
{
	*out_id = -1;
	lh_rows *rows = NULL;
	lh_status st = lh_catdb_query(db, "SELECT snapshot_id, snapshot_time FROM ducklake_snapshot",
	                              NULL, 0, &rows, err);
	if (st != LH_OK)
		return st;
	int64_t best_us = 0;
	for (size_t r = 0; r < rows->nrows; r++) {
		int64_t id = lh_rows_int(rows, r, 0, -1), us;
		if (!lh_parse_timestamptz(lh_rows_get(rows, r, 1), &us) ||
		    (upper ? us > epoch_us : us < epoch_us))
			continue;
		bool better = upper ? (us > best_us || (us == best_us && id > *out_id))
		                    : (us < best_us || (us == best_us && id < *out_id));
		if (*out_id < 0 || better) {
			*out_id = id;
			best_us = us;
		}
	}
	lh_rows_free(&rows);
	if (*out_id < 0)
		return lh_err_set(err, LH_ERR_NOT_FOUND, upper ? "no snapshot is as old as the requested time"
		                                               : "no snapshot is as new as the requested time");
	return LH_OK;
}

lh_status lh_catalog_snapshot_at_time(lh_catdb *db, int64_t epoch_us, int64_t *out_id,
                                      lh_err *err)
{
	return snapshot_near_time(db, epoch_us, true, out_id, err);
}

lh_status lh_catalog_snapshot_from_time(lh_catdb *db, int64_t epoch_us, int64_t *out_id,
                                        lh_err *err)
{
	return snapshot_near_time(db, epoch_us, false, out_id, err);
}
