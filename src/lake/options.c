/*
 * lake/options.c - DuckLake's lake options: CALL lake.set_option(name, value
 * [, table_name => t] [, schema => s]), ducklake_options('lake'), and the write options
 * a table's data files get from them (table > schema > global > default).
 *
 * Layer: lake, over catalog/options.c (storage) and engine/write.h (what a write takes).
 */
#include "lake/lake_int.h"
#include "catalog/options.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum { OPT_CODEC, OPT_NAME, OPT_INT, OPT_SIZE, OPT_FRACTION, OPT_INTERVAL, OPT_BOOL } opt_kind;

static const struct option_def {
	const char *name;
	opt_kind kind;
	const char *description;
} defs[] = {
    {"parquet_compression", OPT_CODEC, "Compression codec of new data files"},
    {"parquet_compression_level", OPT_INT, "Compression level of the codec"},
    {"parquet_version", OPT_INT, "Parquet format version (1 or 2) of new data files"},
    {"parquet_row_group_size", OPT_INT, "Rows per row group of new data files"},
    {"parquet_row_group_size_bytes", OPT_SIZE, "Bytes per row group of new data files"},
    {"target_file_size", OPT_SIZE, "Size new data files and compactions aim for"},
    {"data_inlining_row_limit", OPT_INT, "Inserts of at most this many rows stay in the catalog"},
    {"hive_file_pattern", OPT_BOOL, "Partitioned files go in key=value folders"},
    {"require_commit_message", OPT_BOOL, "Commits must carry a message"},
    {"rewrite_delete_threshold", OPT_FRACTION, "Share of deleted rows that makes a file rewritten"},
    {"delete_older_than", OPT_INTERVAL, "Age after which cleanup removes unused files"},
    {"expire_older_than", OPT_INTERVAL, "Age after which snapshots expire"},
    {"per_thread_output", OPT_BOOL, "One output file per thread"},
    {"compaction_schema", OPT_NAME,
     "Schema flush, merge and rewrite work on when called without one ('': all)"},
    {"compaction_table", OPT_NAME,
     "Table flush, merge and rewrite work on when called without one ('': all)"},
};

static const struct option_def *find_def(const char *name)
{
	for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
		if (lh_strieq(defs[i].name, name))
			return &defs[i];
	return NULL;
}

/* "5.4MB", "1KB", "64MiB", "1000": bytes (KB = 1000, KiB = 1024, as DuckDB reads them). */
static bool parse_size(const char *s, int64_t *out)
{
	char *end = NULL;
	double v = strtod(s, &end);
	if (end == s || !(v >= 0))
		return false;
	while (*end == ' ')
		end++;
	static const struct {
		const char *unit;
		double mult;
	} units[] = {{"", 1},         {"b", 1},         {"byte", 1},         {"bytes", 1},
	             {"kb", 1e3},     {"mb", 1e6},      {"gb", 1e9},         {"tb", 1e12},
	             {"kib", 1024.0}, {"mib", 1048576.0}, {"gib", 1073741824.0},
	             {"tib", 1099511627776.0}, {"k", 1e3}, {"m", 1e6}, {"g", 1e9}};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (lh_strieq(end, units[i].unit)) {
			double bytes = v * units[i].mult;
			if (bytes > 9e18)
				return false;
			*out = (int64_t)llround(bytes);
			return true;
		}
	return false;
}

static const char *const codecs[] = {"uncompressed", "snappy", "gzip", "zstd", "brotli", "lz4",
                                     "lz4_raw", NULL};

/* Checks a value the way DuckLake does; *norm: the text to store. */
static lh_status check_value(lh_lake *lake, const struct option_def *d, const char *value,
                             char **norm)
{
	*norm = NULL;
	int64_t n = 0;
	switch (d->kind) {
	case OPT_NAME:
		break;
	case OPT_CODEC: {
		bool known = false;
		for (size_t i = 0; codecs[i] && !known; i++)
			known = lh_strieq(value, codecs[i]);
		if (!known)
			return lh_lake_fail(lake, LH_ERR_INVALID,
			                    "Unsupported parquet_compression '%s' (uncompressed, snappy, gzip, "
			                    "zstd, brotli, lz4 or lz4_raw)",
			                    value);
		break;
	}
	case OPT_INT:
		if (!lh_parse_int64(value, &n) || n < 0)
			return lh_lake_fail(lake, LH_ERR_TYPE, "Could not convert '%s' to a whole number for %s",
			                    value, d->name);
		if (strcmp(d->name, "parquet_version") == 0 && n != 1 && n != 2)
			return lh_lake_fail(lake, LH_ERR_INVALID, "parquet_version is 1 or 2, not %s", value);
		break;
	case OPT_SIZE:
		if (!parse_size(value, &n) || n <= 0)
			return lh_lake_fail(lake, LH_ERR_TYPE,
			                    "Could not convert '%s' to a size for %s (e.g. '512MB', '64KiB')",
			                    value, d->name);
		*norm = lh_asprintf("%lld", (long long)n); /* stored in bytes, as DuckLake does */
		return *norm ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	case OPT_FRACTION: {
		char *end = NULL;
		double f = strtod(value, &end);
		if (end == value || *end || !(f >= 0 && f <= 1))
			return lh_lake_fail(lake, LH_ERR_INVALID, "%s must be between 0 and 1, not '%s'",
			                    d->name, value);
		break;
	}
	case OPT_INTERVAL: {
		char *out = NULL;
		lh_buf b;
		lh_buf_init(&b, 0);
		lh_buf_puts(&b, "CAST(");
		lh_buf_sql_str(&b, value);
		lh_buf_puts(&b, " AS INTERVAL)");
		/* '' unsets the bound */
		lh_status st = *value ? lh_eval_text(lake, lh_buf_str(&b), &out) : LH_OK;
		lh_buf_free(&b);
		free(out);
		if (st != LH_OK)
			return lh_lake_fail(lake, LH_ERR_TYPE,
			                    "%s is not a valid interval value. '%s' is not an interval; "
			                    "give one such as '1 week' or '36 hours'",
			                    d->name, value);
		break;
	}
	case OPT_BOOL:
		if (!lh_strieq(value, "true") && !lh_strieq(value, "false"))
			return lh_lake_fail(lake, LH_ERR_TYPE, "Could not convert '%s' to a boolean for %s",
			                    value, d->name);
		break;
	}
	*norm = lh_strdup(value);
	return *norm ? LH_OK : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

static const char *named_arg(const lh_fn_args *a, const char *name)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->names[i] && lh_strieq(a->names[i], name))
			return a->values[i];
	return NULL;
}

lh_status lh_options_set(lh_lake *lake, const lh_fn_args *a, const char *table)
{
	const char *fn = "ducklake_set_option";
	size_t positional = 0;
	for (size_t i = 0; i < a->n; i++)
		positional += !a->names[i];
	for (size_t i = 0; i < a->n; i++)
		if (a->names[i] && !lh_strieq(a->names[i], "table_name") && !lh_strieq(a->names[i], "schema"))
			return lh_lake_fail(lake, LH_ERR_INVALID, "%s has no parameter '%s'", fn, a->names[i]);
	if (positional != 3 || !a->values[1] || !a->values[2])
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "expected %s('%s', 'option', value [, table_name => 't'] [, schema => "
		                    "'s'])",
		                    fn, lake->name);
	const struct option_def *d = find_def(a->values[1]);
	if (!d)
		return lh_lake_fail(lake, LH_ERR_INVALID, "Unsupported option '%s' (see ducklake_options)",
		                    a->values[1]);
	char *value = NULL;
	lh_status st = check_value(lake, d, a->values[2], &value);
	if (st != LH_OK)
		return st;
	const char *tname = named_arg(a, "table_name"), *sname = named_arg(a, "schema");
	lh_option_scope scope = LH_SCOPE_GLOBAL;
	int64_t scope_id = -1;
	const lh_state *s = lh_lake_state(lake);
	if (tname) {
		lh_qname q = {.schema = (char *)sname, .name = (char *)tname};
		ptrdiff_t ti;
		st = lh_resolve_table(lake, s, &q, &ti);
		if (st == LH_OK && s->tables.items[ti]->id < 0)
			st = lh_lake_fail(lake, LH_ERR_TXN, "%s: table '%s' is not committed yet", fn, tname);
		if (st == LH_OK) {
			scope = LH_SCOPE_TABLE;
			scope_id = s->tables.items[ti]->id;
		}
	} else if (sname) {
		lh_schema *sc;
		st = lh_resolve_schema(lake, s, NULL, sname, &sc);
		if (st == LH_OK && sc->id < 0)
			st = lh_lake_fail(lake, LH_ERR_TXN, "%s: schema '%s' is not committed yet", fn, sname);
		if (st == LH_OK) {
			scope = LH_SCOPE_SCHEMA;
			scope_id = sc->id;
		}
	}
	if (st == LH_OK && lake->read_only)
		st = lh_lake_fail(lake, LH_ERR_READ_ONLY, "lake '%s' is attached read-only", lake->name);
	/* inside a transaction the option holds for its statements and is written with its
	 * commit (a ROLLBACK drops it); else at once, and the next statement loads it */
	if (st == LH_OK && lake->txn_open)
		st = lh_options_put(&lh_lake_state(lake)->options, d->name, value, scope, scope_id) ==
		             LH_OK
		         ? LH_OK
		         : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	else if (st == LH_OK)
		st = lh_catalog_set_option(lake->cat, d->name, value, scope, scope_id, &lake->err);
	free(value);
	if (!lake->txn_open)
		lh_stmt_set_fresh(lake, false);
	if (st == LH_OK && table) {
		char *ddl = lh_asprintf("CREATE OR REPLACE TABLE __lh.main.\"%s\" (Success BOOLEAN)", table);
		st = ddl ? lh_engine_exec(lake->engine, ddl, &lake->err)
		         : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
		free(ddl);
	}
	return st;
}

lh_status lh_options_table(lh_lake *lake, const char *table)
{
	const lh_state *s = lh_lake_state(lake);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b,
	              "CREATE OR REPLACE TABLE __lh.main.\"%s\" (option_name VARCHAR, description "
	              "VARCHAR, value VARCHAR, scope VARCHAR, scope_entry VARCHAR)",
	              table);
	size_t rows = 0;
	for (size_t i = 0; i < s->options.len; i++) {
		const lh_option *o = &s->options.items[i];
		const struct option_def *d = find_def(o->key);
		char *entry = NULL;
		if (o->scope == LH_SCOPE_SCHEMA) {
			const lh_schema *sc = lh_state_schema_by_id(s, o->scope_id);
			entry = sc ? lh_strdup(sc->name) : NULL;
		} else if (o->scope == LH_SCOPE_TABLE) {
			ptrdiff_t ti = lh_state_table_index_by_id(s, o->scope_id);
			const lh_table *t = ti >= 0 ? s->tables.items[ti] : NULL;
			const lh_schema *sc = t ? lh_state_schema_by_id(s, t->schema_id) : NULL;
			entry = t && sc ? lh_asprintf("%s.%s", sc->name, t->name) : NULL;
		}
		if (o->scope != LH_SCOPE_GLOBAL && !entry)
			continue; /* an option of a dropped table */
		if (rows++ == 0)
			lh_buf_printf(&b, "; INSERT INTO __lh.main.\"%s\" VALUES (", table);
		else
			lh_buf_puts(&b, ", (");
		lh_buf_sql_str(&b, o->key);
		lh_buf_puts(&b, ", ");
		lh_buf_sql_str(&b, d ? d->description : NULL);
		lh_buf_puts(&b, ", ");
		lh_buf_sql_str(&b, o->value);
		lh_buf_puts(&b, o->scope == LH_SCOPE_GLOBAL ? ", 'GLOBAL', " : o->scope == LH_SCOPE_SCHEMA ? ", 'SCHEMA', " : ", 'TABLE', ");
		lh_buf_sql_str(&b, entry);
		lh_buf_putc(&b, ')');
		free(entry);
	}
	lh_status st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
	                                 : lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&b);
	return st;
}

void lh_lake_write_options(lh_lake *lake, const lh_state *s, const lh_table *t, lh_write_options *o)
{
	memset(o, 0, sizeof *o);
	o->random_access = lake->write_random_access;
	o->target_file_size = lake->target_file_size;
	const char *v;
	int64_t n;
	if ((v = lh_state_option(s, t, "target_file_size")) && parse_size(v, &n) && n > 0)
		o->target_file_size = n;
	o->whole = lake->write_whole;
	o->compression = lh_state_option(s, t, "parquet_compression");
	if ((v = lh_state_option(s, t, "parquet_compression_level")) && lh_parse_int64(v, &n))
		o->compression_level = n;
	if ((v = lh_state_option(s, t, "parquet_row_group_size")) && lh_parse_int64(v, &n))
		o->row_group_size = n;
	if ((v = lh_state_option(s, t, "parquet_row_group_size_bytes")) && parse_size(v, &n))
		o->row_group_size_bytes = n;
	if ((v = lh_state_option(s, t, "parquet_version")) && lh_parse_int64(v, &n) && (n == 1 || n == 2))
		o->parquet_version = (int)n;
}
