/*
 * lake/addfiles.c - ducklake_add_data_files('lake', 'table', 'path or glob' [, schema =>]
 * [, allow_missing =>] [, ignore_extra_columns =>] [, hive_partitioning =>]): Parquet
 * files written elsewhere (a worker's landing/ folder) become data files of a table
 * without a copy.
 *
 * Layer: lake. As DuckLake does it: the files keep their bytes and names; their columns
 * are mapped to the table's by name (a ducklake_column_mapping written at commit, see
 * catalog/commit.c; engine/scan.c reads through it); their statistics are computed from
 * the files themselves. Every file is checked before any is added: a column the table
 * lacks, a missing column or a type that is not the table's (or a widening of it) is an
 * error naming the file and the column, and nothing is added. From the commit on the lake
 * owns the files (maintenance may delete them once no snapshot needs them).
 */
#include "lake/lake_int.h"
#include "util/fsutil.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct add_args {
	const char *fn;
	lh_qname table;
	const char *pattern;
	bool allow_missing, ignore_extra, hive;
} add_args;

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

/* A Parquet file's footer length, from its last 8 bytes (length, "PAR1"). */
static lh_status footer_of(lh_lake *lake, const char *path, int64_t *size, int64_t *footer)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	unsigned char tail[8];
	bool ok = fd >= 0 && fstat(fd, &sb) == 0 && sb.st_size >= 12 &&
	          pread(fd, tail, 8, sb.st_size - 8) == 8 && memcmp(tail + 4, "PAR1", 4) == 0;
	if (fd >= 0)
		close(fd);
	if (!ok)
		return lh_lake_fail(lake, LH_ERR_CORRUPT, "'%s' is not a readable Parquet file", path);
	*size = sb.st_size;
	*footer = (int64_t)tail[0] | (int64_t)tail[1] << 8 | (int64_t)tail[2] << 16 |
	          (int64_t)tail[3] << 24;
	return LH_OK;
}

/* The Hive key=value segments of a path: whether `key` is one. */
static bool hive_key(const char *path, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = path; (p = strstr(p, key)) != NULL; p++)
		if ((p == path || p[-1] == '/') && p[n] == '=' && strchr(p + n, '/'))
			return true;
	return false;
}

static bool scalar_stats_type(const char *type)
{
	static const char *const ok[] = {"int8",   "int16",  "int32",  "int64",     "uint8",
	                                 "uint16", "uint32", "uint64", "date",      "timestamp",
	                                 "timestamptz", "timestamp_s", "timestamp_ms",
	                                 "timestamp_ns", "varchar", "boolean", "time", NULL};
	for (size_t i = 0; ok[i]; i++)
		if (strcmp(type, ok[i]) == 0)
			return true;
	return lh_str_starts_with(type, "decimal(");
}

/* The entries of a file's mapping (ducklake_name_mapping), built as its columns are
 * matched to the table's. */
typedef struct map_build {
	char **src;
	int64_t *target;
	bool *part;
	int32_t *parent;
	size_t n, cap;
} map_build;

static int32_t map_add(map_build *m, const char *src, int64_t target, bool part, int32_t parent)
{
	if (m->n == m->cap || !(m->src[m->n] = lh_strdup(src)))
		return -1;
	m->target[m->n] = target;
	m->part[m->n] = part;
	m->parent[m->n] = parent;
	return (int32_t)m->n++;
}

static void map_free(map_build *m)
{
	for (size_t k = 0; k < m->n; k++)
		free(m->src[k]);
	free(m->src);
	free(m->target);
	free(m->part);
	free(m->parent);
}

static const char *kind_word(const char *type)
{
	return strcmp(type, "struct") == 0 ? "STRUCT"
	       : strcmp(type, "list") == 0 ? "LIST"
	       : strcmp(type, "map") == 0  ? "MAP"
	                                   : NULL;
}

/* The file column types a table column of scalar type `to` takes, DuckLake's rules for
 * registered files: a narrower integer (or a smaller unsigned one into a signed one),
 * FLOAT into DOUBLE, any of TIMESTAMP_S/_MS/TIMESTAMP into a timestamp (TIMESTAMP_NS too
 * into TIMESTAMP and TIMESTAMP_NS); NULL-ended, widest first. NULL: the same type only. */
static const char *const *registrable_types(const char *to)
{
	static const char *const rules[][9] = {
	    {"int64", "int64", "uint32", "int32", "uint16", "int16", "uint8", "int8", NULL},
	    {"int32", "int32", "uint16", "int16", "uint8", "int8", NULL},
	    {"int16", "int16", "uint8", "int8", NULL},
	    {"uint64", "uint64", "uint32", "uint16", "uint8", NULL},
	    {"uint32", "uint32", "uint16", "uint8", NULL},
	    {"uint16", "uint16", "uint8", NULL},
	    {"float64", "float64", "float32", NULL},
	    {"timestamp", "timestamp_ns", "timestamp", "timestamp_ms", "timestamp_s", NULL},
	    {"timestamp_ns", "timestamp_ns", "timestamp", "timestamp_ms", "timestamp_s", NULL},
	    {"timestamp_ms", "timestamp", "timestamp_ms", "timestamp_s", NULL},
	    {"timestamp_s", "timestamp", "timestamp_ms", "timestamp_s", NULL},
	};
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i][0], to) == 0)
			return rules[i] + 1;
	return NULL;
}

/* decimal(p,s) of a file into decimal(P,S) of the table: when p <= P and s <= S. */
static bool decimal_fits(const char *from, const char *to)
{
	int p = 0, s = 0, tp = 0, ts = 0;
	return sscanf(from, "decimal(%d,%d)", &p, &s) == 2 &&
	       sscanf(to, "decimal(%d,%d)", &tp, &ts) == 2 && p <= tp && s <= ts;
}

static bool registrable(const char *from, const char *to)
{
	const char *const *ok = registrable_types(to);
	for (size_t i = 0; ok && ok[i]; i++)
		if (strcmp(ok[i], from) == 0)
			return true;
	return strcmp(from, to) == 0 || decimal_fits(from, to);
}

/* Where a column is, for messages: "s.i" of a file. */
typedef struct match_ctx {
	lh_lake *lake;
	const add_args *a;
	const lh_table *t;
	const char *path;
	const lh_column_vec *fc; /* the file column's tree (lh_types_add_column) */
	map_build *m;
} match_ctx;

/* Matches file node fk to table column ci (`name` is its dotted path) and adds their
 * entry under `parent`: a leaf of the table's type or one that widens to it; a struct,
 * list or map of the same kind whose fields match by name (one the file lacks reads
 * NULL with allow_missing, one the table lacks is left out with ignore_extra_columns). */
static lh_status match_node(const match_ctx *x, size_t ci, size_t fk, const char *name,
                            int32_t parent)
{
	const lh_table *t = x->t;
	const lh_column *c = &t->columns.items[ci], *fcol = &x->fc->items[fk];
	int32_t e = map_add(x->m, fcol->name, c->id, false, parent);
	if (e < 0)
		return nomem(x->lake);
	const char *tk = kind_word(c->type), *fkw = kind_word(fcol->type);
	bool ok = tk ? fkw && strcmp(tk, fkw) == 0 : !fkw && registrable(fcol->type, c->type);
	if (!ok) {
		lh_buf want, got;
		lh_buf_init(&want, 0);
		lh_buf_init(&got, 0);
		lh_types_sql(t->columns.items, t->columns.len, ci, &want, &x->lake->err);
		lh_types_sql(x->fc->items, x->fc->len, fk, &got, &x->lake->err);
		char kinds[2][16] = {"", ""};
		if (fkw)
			snprintf(kinds[0], sizeof kinds[0], " (a %s)", fkw);
		if (tk)
			snprintf(kinds[1], sizeof kinds[1], " (a %s)", tk);
		/* what it would take: "DOUBLE or FLOAT" */
		lh_buf takes;
		lh_buf_init(&takes, 0);
		const char *const *alt = tk ? NULL : registrable_types(c->type);
		for (size_t i = 0; alt && alt[i]; i++)
			lh_buf_printf(&takes, "%s%s", i == 0 ? "" : alt[i + 1] ? ", " : " or ",
			              lh_types_scalar_sql(alt[i]) ? lh_types_scalar_sql(alt[i]) : alt[i]);
		lh_status st = lh_lake_fail(
		    x->lake, LH_ERR_TYPE, "%s: column '%s' of '%s' is %s%s, but the table's is %s%s (%s%s%s)",
		    x->a->fn, name, x->path, lh_buf_str(&got), kinds[0], lh_buf_str(&want), kinds[1],
		    alt ? "it takes " : "only that type can be added",
		    alt ? lh_buf_str(&takes) : "", strncmp(c->type, "decimal(", 8) == 0
		                                       ? ", or a decimal of no more precision and scale"
		                                       : "");
		lh_buf_free(&takes);
		lh_buf_free(&want);
		lh_buf_free(&got);
		return st;
	}
	if (!tk)
		return LH_OK;
	lh_status st = LH_OK;
	/* the file's fields */
	for (size_t k = 0; st == LH_OK && k < x->fc->len; k++) {
		if (x->fc->items[k].parent != fcol->id)
			continue;
		ptrdiff_t tci = -1;
		for (size_t i = 0; i < t->columns.len && tci < 0; i++)
			if (t->columns.items[i].parent == c->id &&
			    lh_strieq(t->columns.items[i].name, x->fc->items[k].name))
				tci = (ptrdiff_t)i;
		char *sub = lh_asprintf("%s.%s", name, x->fc->items[k].name);
		if (!sub)
			st = nomem(x->lake);
		else if (tci >= 0)
			st = match_node(x, (size_t)tci, k, sub, e);
		else if (!x->a->ignore_extra)
			st = lh_lake_fail(x->lake, LH_ERR_INVALID,
			                  "%s: '%s' has a field '%s' that table '%s' does not (pass "
			                  "ignore_extra_columns => true to leave it out)",
			                  x->a->fn, x->path, sub, t->name);
		free(sub);
	}
	/* the table's fields the file lacks */
	for (size_t i = 0; st == LH_OK && i < t->columns.len; i++) {
		if (t->columns.items[i].parent != c->id)
			continue;
		bool found = false;
		for (size_t k = 0; k < x->m->n && !found; k++)
			found = x->m->parent[k] == e && x->m->target[k] == t->columns.items[i].id;
		if (!found && !x->a->allow_missing)
			st = lh_lake_fail(x->lake, LH_ERR_INVALID,
			                  "%s: Column \"%s.%s\" exists in table \"%s\" but was not found in "
			                  "file \"%s\" (pass allow_missing => true to read it as NULL)",
			                  x->a->fn, name, t->columns.items[i].name, t->name, x->path);
	}
	return st;
}

/* One file: its mapping to table t's columns, checked, and its statistics. */
static lh_status describe_file(lh_lake *lake, const add_args *a, const lh_table *t,
                               const char *path, lh_data_file *f)
{
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT * FROM read_parquet(");
	lh_buf_sql_str(&q, path);
	lh_buf_puts(&q, ", hive_partitioning = false)"); /* the file's own columns */
	lh_query_columns cols = {0};
	lh_status st = q.status == LH_OK ? lh_engine_describe(lake->engine, lh_buf_str(&q), &cols, &lake->err)
	                                 : nomem(lake);
	if (st != LH_OK) {
		lh_buf_free(&q);
		return lh_lake_fail(lake, lake->err.code, "%s: cannot read '%s': %s", a->fn, path,
		                    lh_err_msg(&lake->err));
	}
	size_t cap = t->columns.len + 1;
	map_build mb = {.src = calloc(cap, sizeof(char *)), .target = calloc(cap, sizeof(int64_t)),
	                .part = calloc(cap, sizeof(bool)), .parent = calloc(cap, sizeof(int32_t)),
	                .cap = cap};
	if (!mb.src || !mb.target || !mb.part || !mb.parent)
		st = nomem(lake);
	/* every file column is a table column (by name), of its type or one that widens to it */
	for (size_t k = 0; st == LH_OK && k < cols.n; k++) {
		ptrdiff_t ci = lh_table_column_index(t, cols.names[k]);
		if (ci < 0) {
			if (!a->ignore_extra)
				st = lh_lake_fail(lake, LH_ERR_INVALID,
				                  "%s: '%s' has a column '%s' that table '%s' does not (pass "
				                  "ignore_extra_columns => true to leave it out)",
				                  a->fn, path, cols.names[k], t->name);
			continue;
		}
		lh_column_vec fc = {0};
		int64_t next = 1;
		st = lh_types_add_column(cols.types[k], cols.names[k], true, &next, &fc, &lake->err);
		match_ctx x = {lake, a, t, path, &fc, &mb};
		if (st == LH_OK)
			st = match_node(&x, (size_t)ci, 0, cols.names[k], -1);
		lh_columns_free(&fc);
	}
	/* table columns the file lacks: a Hive key of its path, else NULL when allowed */
	for (size_t i = 0; st == LH_OK && i < t->columns.len; i++) {
		const lh_column *c = &t->columns.items[i];
		bool found = false;
		for (size_t k = 0; k < mb.n && !found; k++)
			found = mb.target[k] == c->id;
		if (c->parent >= 0 || found)
			continue;
		if (a->hive && hive_key(path, c->name)) {
			if (map_add(&mb, c->name, c->id, true, -1) < 0)
				st = nomem(lake);
		} else if (!a->allow_missing || !c->nulls_allowed) {
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  c->nulls_allowed ? "%s: '%s' lacks column '%s' of table '%s' (pass "
			                                     "allow_missing => true to read it as NULL)"
			                                   : "%s: '%s' lacks column '%s' of table '%s', which "
			                                     "is NOT NULL",
			                  a->fn, path, c->name, t->name);
		}
	}
	if (st == LH_OK)
		st = lh_data_file_set_map(f, mb.n, mb.src, mb.target, mb.part, mb.parent, false) == LH_OK
		         ? LH_OK
		         : nomem(lake);
	map_free(&mb);
	/* rows and statistics, read from the file (min/max of the types pruning uses) */
	lh_buf_reset(&q);
	lh_buf_puts(&q, "SELECT count(*)");
	for (size_t k = 0; st == LH_OK && k < f->map_n; k++) {
		if (f->map_partition[k] || f->map_parent[k] >= 0)
			continue;
		ptrdiff_t ci = -1;
		for (size_t i = 0; i < t->columns.len && ci < 0; i++)
			if (t->columns.items[i].id == f->map_target[k])
				ci = (ptrdiff_t)i;
		bool minmax = scalar_stats_type(t->columns.items[ci].type);
		lh_buf_puts(&q, ", count(*) - count(");
		lh_buf_sql_ident(&q, f->map_source[k]);
		lh_buf_puts(&q, ")");
		for (int m = 0; m < 2; m++) {
			lh_buf_puts(&q, m ? ", max(" : ", min(");
			if (minmax)
				lh_buf_sql_ident(&q, f->map_source[k]);
			else
				lh_buf_puts(&q, "NULL");
			lh_buf_puts(&q, ")::VARCHAR");
		}
	}
	lh_buf_puts(&q, " FROM read_parquet(");
	lh_buf_sql_str(&q, path);
	lh_buf_puts(&q, ", hive_partitioning = false)");
	duckdb_result r;
	if (st == LH_OK)
		st = q.status == LH_OK ? lh_engine_query(lake->engine, lh_buf_str(&q), &r, &lake->err) : nomem(lake);
	lh_buf_free(&q);
	lh_query_columns_free(&cols);
	if (st != LH_OK)
		return st;
	f->record_count = duckdb_value_int64(&r, 0, 0);
	f->stats = calloc(f->map_n + 1, sizeof *f->stats);
	if (!f->stats)
		st = nomem(lake);
	for (size_t k = 0, col = 1; st == LH_OK && k < f->map_n; k++) {
		if (f->map_partition[k] || f->map_parent[k] >= 0)
			continue;
		lh_col_stats *cs = &f->stats[f->nstats++];
		char *mn = duckdb_value_is_null(&r, col + 1, 0) ? NULL : duckdb_value_varchar(&r, col + 1, 0);
		char *mx = duckdb_value_is_null(&r, col + 2, 0) ? NULL : duckdb_value_varchar(&r, col + 2, 0);
		int64_t nulls = duckdb_value_int64(&r, col, 0);
		for (size_t i = 0; nulls > 0 && st == LH_OK && i < t->columns.len; i++)
			if (t->columns.items[i].id == f->map_target[k] && !t->columns.items[i].nulls_allowed)
				st = lh_lake_fail(lake, LH_ERR_CONSTRAINT,
				                  "%s: NOT NULL constraint failed: column '%s' of table '%s' has "
				                  "%lld NULLs in '%s'; nothing was added",
				                  a->fn, t->columns.items[i].name, t->name, (long long)nulls, path);
		*cs = (lh_col_stats){.column_id = f->map_target[k], .column_size_bytes = -1,
		                     .null_count = nulls,
		                     .min_value = mn ? lh_strdup(mn) : NULL,
		                     .max_value = mx ? lh_strdup(mx) : NULL, .contains_nan = -1};
		duckdb_free(mn);
		duckdb_free(mx);
		col += 3;
	}
	duckdb_destroy_result(&r);
	return st;
}

static lh_status add_fn(lh_lake *lake, void *arg, int64_t *count)
{
	add_args *a = arg;
	lh_state *s = lh_lake_state(lake);
	ptrdiff_t ti;
	lh_status st = lh_resolve_table(lake, s, &a->table, &ti);
	if (st != LH_OK)
		return st;
	/* the files the pattern names, in name order */
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "SELECT file FROM glob(");
	lh_buf_sql_str(&q, a->pattern);
	lh_buf_puts(&q, ") ORDER BY file");
	duckdb_result r;
	st = q.status == LH_OK ? lh_engine_query(lake->engine, lh_buf_str(&q), &r, &lake->err) : nomem(lake);
	lh_buf_free(&q);
	if (st != LH_OK)
		return st;
	idx_t nfiles = duckdb_row_count(&r);
	if (nfiles == 0) {
		duckdb_destroy_result(&r);
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND, "%s: no file matches '%s'", a->fn, a->pattern);
	}
	lh_table *t = lh_state_table_mut(s, (size_t)ti);
	if (!t) {
		duckdb_destroy_result(&r);
		return nomem(lake);
	}
	char *table_path = lh_table_full_path(s, t);
	for (idx_t i = 0; st == LH_OK && i < nfiles; i++) {
		char *raw = duckdb_value_varchar(&r, 0, i);
		char *path = raw ? lh_path_absolute(raw) : NULL;
		duckdb_free(raw);
		lh_data_file f = {.id = lh_state_next_local_id(s), .begin_snapshot = -1, .row_id_start = -1,
		                  .partition_id = -1, .mapping_id = -1, .del = {.id = -1}};
		for (size_t k = 0; path && k < t->files.len; k++) {
			char *have = lh_file_full_path(table_path, t->files.items[k].path,
			                               t->files.items[k].path_is_relative);
			bool same = have && strcmp(have, path) == 0;
			free(have);
			if (same)
				st = lh_lake_fail(lake, LH_ERR_EXISTS, "%s: '%s' is already a data file of '%s'",
				                  a->fn, path, t->name);
		}
		if (st == LH_OK && !path)
			st = nomem(lake);
		if (st == LH_OK)
			st = footer_of(lake, path, &f.file_size_bytes, &f.footer_size);
		if (st == LH_OK)
			st = describe_file(lake, a, t, path, &f);
		if (st == LH_OK) {
			bool rel = false;
			f.path = table_path ? lh_relative_path(table_path, path, &rel) : NULL;
			f.path_is_relative = rel;
			if (!f.path)
				st = nomem(lake);
		}
		if (st == LH_OK && f.record_count == 0) {
			lh_data_file_clear(&f); /* an empty file adds nothing */
		} else if (st == LH_OK && LH_VEC_PUSH(&t->files, f) == LH_OK) {
			*count += f.record_count;
		} else {
			lh_data_file_clear(&f);
			if (st == LH_OK)
				st = nomem(lake);
		}
		free(path);
	}
	duckdb_destroy_result(&r);
	free(table_path);
	return st; /* on failure the statement's undo restores the state (txn.c) */
}

lh_status lh_add_data_files(lh_lake *lake, const lh_fn_args *args, const char *table)
{
	static const char *const allowed[] = {"schema", "allow_missing", "ignore_extra_columns",
	                                      "hive_partitioning", "hive_types_autocast", NULL};
	add_args a = {.fn = "ducklake_add_data_files"};
	size_t positional = 0;
	const char *schema = NULL;
	for (size_t i = 0; i < args->n; i++) {
		const char *name = args->names[i], *v = args->values[i];
		if (!name) {
			positional++;
			continue;
		}
		bool known = false;
		for (size_t k = 0; allowed[k] && !known; k++)
			known = lh_strieq(name, allowed[k]);
		if (!known)
			return lh_lake_fail(lake, LH_ERR_INVALID, "%s has no parameter '%s'", a.fn, name);
		bool on = v && (lh_strieq(v, "true") || strcmp(v, "1") == 0);
		if (lh_strieq(name, "schema"))
			schema = v;
		else if (lh_strieq(name, "allow_missing"))
			a.allow_missing = on;
		else if (lh_strieq(name, "ignore_extra_columns"))
			a.ignore_extra = on;
		else if (lh_strieq(name, "hive_partitioning"))
			a.hive = on;
	}
	if (positional != 3 || !args->values[1] || !args->values[2])
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "expected %s('%s', 'table', 'path or glob' [, schema => 's'] [, "
		                    "allow_missing => true] [, ignore_extra_columns => true] [, "
		                    "hive_partitioning => true])",
		                    a.fn, lake->name);
	if (strstr(args->values[2], "://") || lake->store->remote)
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "%s: only a lake on a local folder can register files yet (local "
		                    "files); this lake's data lives in an object store",
		                    a.fn);
	if (lh_parse_qname(args->values[1], &a.table) != LH_OK)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "%s: '%s' is not a table name", a.fn, args->values[1]);
	if (schema && !a.table.schema && !(a.table.schema = lh_strdup(schema))) {
		lh_qname_free(&a.table);
		return nomem(lake);
	}
	a.pattern = args->values[2];
	int64_t n = 0;
	lh_status st = lh_txn_run(lake, add_fn, &a, &n);
	lh_qname_free(&a.table);
	if (st == LH_OK) {
		char *ddl = lh_asprintf("CREATE OR REPLACE TABLE __lh.main.\"%s\" AS SELECT %lld::BIGINT "
		                        "AS \"Count\" WHERE false",
		                        table, (long long)n);
		st = ddl ? lh_engine_exec(lake->engine, ddl, &lake->err) : nomem(lake);
		free(ddl);
	}
	return st;
}
