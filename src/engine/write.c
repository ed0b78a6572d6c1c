/*
 * engine/write.c - COPY ... TO parquet with field ids and RETURN_STATS. See write.h.
 */
#include "engine/write.h"
#include "engine/types.h"
#include "util/fsutil.h"

#include <stdlib.h>
#include <string.h>

void lh_written_file_clear(lh_written_file *f)
{
	for (size_t k = 0; k < f->part_n; k++)
		free(f->part_values[k]);
	free(f->part_values);
	free(f->path);
	for (size_t k = 0; k < f->nstats; k++)
		lh_col_stats_clear(&f->stats[k]);
	free(f->stats);
	memset(f, 0, sizeof *f);
}

void lh_written_files_free(lh_written_files *files)
{
	for (size_t i = 0; i < files->len; i++)
		lh_written_file_clear(&files->items[i]);
	LH_VEC_FREE(files);
}

/* Splits a RETURN_STATS key like "dims"."w" into names and finds the column id by
 * walking the column tree. -1 when it names no column (e.g. the row id column). */
static int64_t column_id_for_path(const lh_column *cols, size_t ncols, const char *key,
                                  uint32_t len)
{
	int64_t parent = -1, id = -1;
	const char *p = key, *end = key + len;
	while (p < end) {
		lh_buf name;
		lh_buf_init(&name, 4096);
		if (*p == '"') {
			for (p++; p < end; p++) {
				if (*p == '"') {
					if (p + 1 < end && p[1] == '"') {
						lh_buf_putc(&name, '"');
						p++;
						continue;
					}
					p++;
					break;
				}
				lh_buf_putc(&name, *p);
			}
		} else {
			while (p < end && *p != '.')
				lh_buf_putc(&name, *p++);
		}
		if (p < end && *p == '.')
			p++;
		id = -1;
		for (size_t i = 0; i < ncols; i++)
			if (cols[i].parent == parent && strcmp(cols[i].name, lh_buf_str(&name)) == 0)
				id = cols[i].id;
		lh_buf_free(&name);
		if (id < 0)
			return -1;
		parent = id;
	}
	return id;
}

static lh_status parse_stat_entry(duckdb_vector keys, duckdb_vector vals, idx_t off, idx_t n,
                                  lh_col_stats *s)
{
	s->column_size_bytes = -1;
	s->null_count = -1;
	s->contains_nan = -1;
	for (idx_t k = off; k < off + n; k++) {
		uint32_t klen;
		const char *key = lh_vec_str(keys, k, &klen);
		char *val = lh_vec_strdup(vals, k);
		if (!val && lh_vec_valid(vals, k))
			return LH_ERR_NOMEM;
#define KEY_IS(lit) (klen == sizeof(lit) - 1 && memcmp(key, lit, klen) == 0)
		int64_t iv;
		if (KEY_IS("min")) {
			free(s->min_value);
			s->min_value = val;
			continue;
		}
		if (KEY_IS("max")) {
			free(s->max_value);
			s->max_value = val;
			continue;
		}
		if (KEY_IS("null_count") && lh_parse_int64(val, &iv))
			s->null_count = iv;
		else if (KEY_IS("column_size_bytes") && lh_parse_int64(val, &iv))
			s->column_size_bytes = iv;
		else if (KEY_IS("has_nan") && val)
			s->contains_nan = strcmp(val, "true") == 0;
#undef KEY_IS
		free(val);
	}
	return LH_OK;
}

/* column_statistics: MAP(VARCHAR, MAP(VARCHAR, VARCHAR)) for one row. */
static lh_status parse_column_stats(duckdb_vector map, idx_t row, const lh_column *cols,
                                    size_t ncols, lh_written_file *f, lh_err *err)
{
	if (!lh_vec_valid(map, row))
		return LH_OK;
	duckdb_list_entry *entries = (duckdb_list_entry *)duckdb_vector_get_data(map);
	duckdb_vector kv = duckdb_list_vector_get_child(map);
	duckdb_vector names = duckdb_struct_vector_get_child(kv, 0);
	duckdb_vector inner = duckdb_struct_vector_get_child(kv, 1);
	duckdb_list_entry *inner_entries = (duckdb_list_entry *)duckdb_vector_get_data(inner);
	duckdb_vector inner_kv = duckdb_list_vector_get_child(inner);
	duckdb_vector ikeys = duckdb_struct_vector_get_child(inner_kv, 0);
	duckdb_vector ivals = duckdb_struct_vector_get_child(inner_kv, 1);
	idx_t off = entries[row].offset, n = entries[row].length;
	f->stats = calloc(n ? n : 1, sizeof *f->stats);
	if (!f->stats)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	for (idx_t i = off; i < off + n; i++) {
		uint32_t len;
		const char *key = lh_vec_str(names, i, &len);
		int64_t id = column_id_for_path(cols, ncols, key, len);
		if (id < 0)
			continue;
		lh_col_stats *s = &f->stats[f->nstats++];
		s->column_id = id;
		if (parse_stat_entry(ikeys, ivals, inner_entries[i].offset, inner_entries[i].length, s))
			return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

/* partition_keys: MAP(VARCHAR, VARCHAR) keyed __lh_p<k>, for one row. */
static lh_status parse_partition_keys(duckdb_vector map, idx_t row, size_t npart,
                                      lh_written_file *f, lh_err *err)
{
	f->part_values = calloc(npart, sizeof *f->part_values);
	if (!f->part_values)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	f->part_n = npart;
	if (!lh_vec_valid(map, row))
		return LH_OK;
	duckdb_list_entry *entries = (duckdb_list_entry *)duckdb_vector_get_data(map);
	duckdb_vector kv = duckdb_list_vector_get_child(map);
	duckdb_vector keys = duckdb_struct_vector_get_child(kv, 0);
	duckdb_vector vals = duckdb_struct_vector_get_child(kv, 1);
	for (idx_t i = entries[row].offset; i < entries[row].offset + entries[row].length; i++) {
		uint32_t len;
		const char *key = lh_vec_str(keys, i, &len);
		if (len <= 6 || len > 12 || memcmp(key, "__lh_p", 6) != 0)
			continue;
		size_t k = 0;
		for (uint32_t c = 6; c < len && k < npart; c++)
			k = key[c] >= '0' && key[c] <= '9' ? k * 10 + (size_t)(key[c] - '0') : npart;
		if (k >= npart)
			continue;
		if (lh_vec_valid(vals, i) && !(f->part_values[k] = lh_vec_strdup(vals, i)))
			return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

/* Reads the RETURN_STATS result of a COPY into out. */
static lh_status read_return_stats(duckdb_result *r, const lh_column *cols, size_t ncols,
                                   size_t npart, lh_written_files *out, lh_err *err)
{
	duckdb_type count_type = duckdb_column_type(r, 1);
	duckdb_type size_type = duckdb_column_type(r, 2);
	duckdb_type footer_type = duckdb_column_type(r, 3);
	lh_status st = LH_OK;
	for (;;) {
		duckdb_data_chunk chunk = duckdb_fetch_chunk(*r);
		if (!chunk)
			break;
		idx_t n = duckdb_data_chunk_get_size(chunk);
		for (idx_t row = 0; row < n && st == LH_OK; row++) {
			lh_written_file f = {0};
			f.path = lh_vec_strdup(duckdb_data_chunk_get_vector(chunk, 0), row);
			f.record_count = lh_vec_int(duckdb_data_chunk_get_vector(chunk, 1), count_type, row);
			f.file_size_bytes = lh_vec_int(duckdb_data_chunk_get_vector(chunk, 2), size_type, row);
			f.footer_size = lh_vec_int(duckdb_data_chunk_get_vector(chunk, 3), footer_type, row);
			if (!f.path)
				st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			if (st == LH_OK)
				st = parse_column_stats(duckdb_data_chunk_get_vector(chunk, 4), row, cols, ncols,
				                        &f, err);
			if (st == LH_OK && npart)
				st = parse_partition_keys(duckdb_data_chunk_get_vector(chunk, 5), row, npart, &f,
				                          err);
			if (st == LH_OK && LH_VEC_PUSH(out, f) != LH_OK)
				st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
			if (st != LH_OK)
				lh_written_file_clear(&f);
		}
		duckdb_destroy_data_chunk(&chunk);
		if (st != LH_OK)
			break;
	}
	return st;
}

lh_status lh_engine_write_data(lh_engine *engine, const char *select_sql, const lh_column *cols,
                               size_t ncols, unsigned lineage, const lh_write_options *o,
                               const char *dir, lh_written_files *out, lh_err *err)
{
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "COPY (");
	if (o->npartition) {
		lh_buf_puts(&sql, "SELECT *");
		for (size_t k = 0; k < o->npartition; k++)
			lh_buf_printf(&sql, ", %s AS __lh_p%zu", o->partition_by[k], k);
		lh_buf_puts(&sql, " FROM (");
	}
	lh_buf_puts(&sql, select_sql);
	lh_buf_puts(&sql, o->npartition ? ") __lh_w) TO " : ") TO ");
	lh_buf_sql_str(&sql, dir);
	lh_buf_puts(&sql, " (FORMAT parquet, ");
	if (o->npartition) {
		lh_buf_puts(&sql, "PARTITION_BY (");
		for (size_t k = 0; k < o->npartition; k++)
			lh_buf_printf(&sql, "%s__lh_p%zu", k ? ", " : "", k);
		lh_buf_puts(&sql, "), ");
	} else {
		/* (a folder is the target only with a size cut: whole sets one it never reaches) */
		lh_buf_printf(&sql, "FILE_SIZE_BYTES %lld, ",
		              o->whole ? (long long)1 << 62 : (long long)o->target_file_size);
	}
	lh_buf_puts(&sql, "FILENAME_PATTERN 'ducklake-{uuidv7}', RETURN_STATS, FIELD_IDS ");
	lh_types_field_ids(cols, ncols, lineage, &sql);
	if (o->random_access) {
		lh_buf_puts(&sql, ", COMPRESSION uncompressed, ROW_GROUP_SIZE 2048, DICTIONARY_SIZE_LIMIT 1");
	} else {
		if (o->compression) {
			lh_buf_puts(&sql, ", COMPRESSION ");
			lh_buf_sql_str(&sql, o->compression);
		}
		if (o->compression_level)
			lh_buf_printf(&sql, ", COMPRESSION_LEVEL %lld", (long long)o->compression_level);
		if (o->row_group_size > 0)
			lh_buf_printf(&sql, ", ROW_GROUP_SIZE %lld", (long long)o->row_group_size);
		if (o->row_group_size_bytes > 0)
			lh_buf_printf(&sql, ", ROW_GROUP_SIZE_BYTES %lld", (long long)o->row_group_size_bytes);
		if (o->parquet_version)
			lh_buf_printf(&sql, ", PARQUET_VERSION V%d", o->parquet_version);
	}
	lh_buf_putc(&sql, ')');
	if (sql.status != LH_OK) {
		lh_buf_free(&sql);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory building a COPY statement");
	}
	duckdb_result r;
	lh_status st = lh_engine_query(engine, lh_buf_str(&sql), &r, err);
	lh_buf_free(&sql);
	if (st != LH_OK)
		return st;
	st = read_return_stats(&r, cols, ncols, o->npartition, out, err);
	duckdb_destroy_result(&r);
	return st;
}

lh_status lh_engine_write_deletes(lh_engine *engine, const char *positions_sql,
                                  const char *data_file_path, const char *path,
                                  lh_written_file *out, lh_err *err)
{
	memset(out, 0, sizeof *out);
	lh_buf sql;
	lh_buf_init(&sql, 0);
	lh_buf_puts(&sql, "COPY (SELECT ");
	lh_buf_sql_str(&sql, data_file_path);
	lh_buf_puts(&sql, "::VARCHAR AS file_path, pos::BIGINT AS pos FROM (SELECT DISTINCT * FROM (");
	lh_buf_puts(&sql, positions_sql);
	lh_buf_puts(&sql, ") __q(pos)) ORDER BY pos) TO ");
	lh_buf_sql_str(&sql, path);
	lh_buf_printf(&sql, " (FORMAT parquet, RETURN_STATS, FIELD_IDS {'file_path': %d, 'pos': %d})",
	              LH_FIELD_ID_FILENAME, LH_FIELD_ID_ORDINAL);
	if (sql.status != LH_OK) {
		lh_buf_free(&sql);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory building a COPY statement");
	}
	duckdb_result r;
	lh_status st = lh_engine_query(engine, lh_buf_str(&sql), &r, err);
	lh_buf_free(&sql);
	if (st != LH_OK)
		return st;
	lh_written_files files = {0};
	st = read_return_stats(&r, NULL, 0, 0, &files, err);
	duckdb_destroy_result(&r);
	if (st == LH_OK && files.len == 1) {
		*out = files.items[0];
		files.len = 0;
	} else if (st == LH_OK) {
		st = lh_err_set(err, LH_ERR_INTERNAL, "writing delete file '%s' produced %zu files", path,
		                files.len);
	}
	lh_written_files_free(&files);
	return st;
}
