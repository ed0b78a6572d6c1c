/*
 * lake/alter.c - ALTER TABLE: rename the table; add, drop or rename a column; widen a
 * column's type; set or drop its default or NOT NULL; set or reset its partitioning.
 *
 * Layer: lake. Every change edits the working state's column rows: a changed column gets
 * begin_snapshot -1, so the commit ends its old row and writes a new one with the same
 * column id (DuckLake's rule); a dropped column (and its children) disappears from the
 * state, so the commit ends its rows. Data files are never touched.
 */
#include "lake/lake_int.h"
#include "engine/scan.h"
#include "engine/types.h"

#include <stdlib.h>
#include <string.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

static char *label_of(const lh_state *s, int64_t schema_id, const char *name)
{
	const lh_schema *sc = lh_state_schema_by_id(s, schema_id);
	return lh_asprintf("%s.%s", sc ? sc->name : "?", name);
}

typedef struct alter_args {
	lh_stmt *s;
	lh_cursor *c;
} alter_args;

/* Removes column ci and every descendant. */
static void remove_column_tree(lh_table *t, size_t ci)
{
	int64_t id = t->columns.items[ci].id;
	for (size_t i = t->columns.len; i-- > 0;) {
		/* descendants: walk up the parents */
		int64_t p = t->columns.items[i].id;
		bool under = false;
		while (p >= 0 && !under) {
			if (p == id) {
				under = true;
				break;
			}
			int64_t parent = -1;
			for (size_t k = 0; k < t->columns.len; k++)
				if (t->columns.items[k].id == p)
					parent = t->columns.items[k].parent;
			p = parent;
		}
		if (!under)
			continue;
		lh_column_clear(&t->columns.items[i]);
		memmove(&t->columns.items[i], &t->columns.items[i + 1],
		        (t->columns.len - i - 1) * sizeof t->columns.items[0]);
		t->columns.len--;
	}
}

static lh_status table_has_rows(lh_lake *lake, const lh_table *t, bool *out)
{
	(void)lake;
	*out = false;
	for (size_t i = 0; i < t->files.len; i++)
		if (t->files.items[i].record_count > lh_data_file_deleted(&t->files.items[i]))
			*out = true;
	return LH_OK;
}

static lh_status alter_add_column(lh_lake *lake, lh_stmt *s, lh_cursor *c, size_t ti,
                                  const char *label)
{
	lh_state *st_ = lh_lake_state(lake);
	lh_cur_accept(c, "COLUMN");
	bool if_not_exists = false;
	if (lh_cur_is(c, 0, "IF") && lh_cur_is(c, 1, "NOT") && lh_cur_is(c, 2, "EXISTS")) {
		c->i += 3;
		if_not_exists = true;
	}
	lh_cursor peek = *c;
	char *name = lh_cur_ident(&peek);
	if (!name)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "ADD COLUMN: expected a column name");
	if (lh_cur_is(&peek, 0, ".")) {
		free(name);
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "adding a field to a STRUCT column is not supported yet; add a new "
		                    "top-level column instead");
	}
	lh_table *t = st_->tables.items[ti];
	if (lh_table_column_index(t, name) >= 0) {
		lh_status r = if_not_exists ? LH_OK
		                            : lh_lake_fail(lake, LH_ERR_EXISTS,
		                                           "column '%s' already exists: table '%s' already has a column '%s'", name, label, name);
		free(name);
		return r;
	}
	free(name);
	char *defs = lh_asprintf("(%s)", s->text + lh_cur_offset(c));
	lh_column_vec cols = {0};
	int64_t next_id = t->max_column_id + 1;
	lh_status st = defs ? lh_ddl_columns_from_defs(lake, defs, &next_id, &cols) : nomem(lake);
	free(defs);
	if (st == LH_OK && cols.len == 0)
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "ADD COLUMN: expected a column definition");
	bool rows = false;
	if (st == LH_OK)
		table_has_rows(lake, t, &rows);
	if (st == LH_OK && !cols.items[0].nulls_allowed && rows && !cols.items[0].default_value)
		st = lh_lake_fail(lake, LH_ERR_CONSTRAINT,
		                  "cannot add NOT NULL column '%s' to '%s': its rows would be NULL; give "
		                  "it a DEFAULT",
		                  cols.items[0].name, label);
	if (st == LH_OK && !(t = lh_state_table_mut(st_, ti)))
		st = nomem(lake);
	int64_t order = 0;
	for (size_t i = 0; t && i < t->columns.len; i++)
		if (t->columns.items[i].order > order)
			order = t->columns.items[i].order;
	for (size_t i = 0; st == LH_OK && i < cols.len; i++) {
		lh_column *col = &cols.items[i];
		/* rows of older files read the default */
		if (col->parent < 0 && col->default_value &&
		    !(col->initial_default = lh_strdup(col->default_value)))
			st = nomem(lake);
		col->order = col->id; /* DuckLake: column_order = column_id */
		(void)order;
		if (st == LH_OK && LH_VEC_PUSH(&t->columns, *col) != LH_OK)
			st = nomem(lake);
		if (st == LH_OK) {
			memset(col, 0, sizeof *col);
			if (t->columns.items[t->columns.len - 1].id > t->max_column_id)
				t->max_column_id = t->columns.items[t->columns.len - 1].id;
		}
	}
	lh_columns_free(&cols);
	return st;
}

/* The column ci of table ti of the working state, made writable (copy-on-write) and
 * marked changed: the commit writes it as a new row unless nothing in it differs
 * (catalog/commit.c), so a change to what already is makes no snapshot. NULL: out of
 * memory (the lake's error is set). */
static lh_column *column_mut(lh_lake *lake, size_t ti, size_t ci)
{
	lh_table *t = lh_state_table_mut(lh_lake_state(lake), ti);
	if (!t) {
		nomem(lake);
		return NULL;
	}
	t->columns.items[ci].begin_snapshot = -1;
	return &t->columns.items[ci];
}

/* What one ALTER COLUMN action works on. */
typedef struct column_ref {
	size_t ti;
	size_t ci;
	const char *name;  /* the column */
	const char *label; /* schema.table */
} column_ref;

/* SET DEFAULT <literal>: the literal cast to the column's type. */
static lh_status set_default(lh_lake *lake, lh_stmt *s, lh_cursor *c, const column_ref *r)
{
	const lh_table *t = lh_lake_state(lake)->tables.items[r->ti];
	lh_buf type;
	lh_buf_init(&type, 0);
	lh_status st = lh_types_sql(t->columns.items, t->columns.len, r->ci, &type, &lake->err);
	char *val = NULL;
	if (st == LH_OK)
		st = lh_ddl_eval_default(lake, r->name, s->text + lh_cur_offset(c), lh_buf_str(&type),
		                         &val);
	lh_buf_free(&type);
	lh_column *col = st == LH_OK ? column_mut(lake, r->ti, r->ci) : NULL;
	if (col) {
		free(col->default_value);
		col->default_value = val;
		val = NULL;
	} else if (st == LH_OK) {
		st = LH_ERR_NOMEM;
	}
	free(val);
	return st;
}

/* SET NOT NULL: refused while a row holds NULL. */
static lh_status set_not_null(lh_lake *lake, const column_ref *r)
{
	lh_state *state = lh_lake_state(lake);
	const lh_table *t = state->tables.items[r->ti];
	if (!t->columns.items[r->ci].nulls_allowed)
		return LH_OK; /* already: nothing to check or change */
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "SELECT count(*) FROM (");
	lh_status st = lh_lake_scan(lake, state, t, 0, &b);
	lh_buf_puts(&b, ") WHERE ");
	lh_buf_sql_ident(&b, r->name);
	lh_buf_puts(&b, " IS NULL");
	int64_t nulls = 0;
	if (st == LH_OK)
		st = lh_engine_scalar_int(lake->engine, lh_buf_str(&b), &nulls, &lake->err);
	lh_buf_free(&b);
	if (st == LH_OK && nulls > 0)
		st = lh_lake_fail(lake, LH_ERR_CONSTRAINT,
		                  "cannot set NOT NULL on column '%s' of '%s': %lld rows are NULL",
		                  r->name, r->label, (long long)nulls);
	lh_column *col = st == LH_OK ? column_mut(lake, r->ti, r->ci) : NULL;
	if (col)
		col->nulls_allowed = false;
	return st == LH_OK && !col ? LH_ERR_NOMEM : st;
}

/* [SET DATA] TYPE <type>: widening promotions only (DuckLake never rewrites data). */
static lh_status set_type(lh_lake *lake, lh_stmt *s, lh_cursor *c, const column_ref *r)
{
	if (lh_cur_has_word(c, "USING"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                    "ALTER COLUMN ... USING would rewrite data, which DuckLake never "
		                    "does; only widening type changes are allowed");
	char *probe = lh_asprintf("SELECT CAST(NULL AS %s) AS x", s->text + lh_cur_offset(c));
	lh_query_columns qc = {0};
	lh_status st = probe ? lh_engine_describe(lake->engine, probe, &qc, &lake->err) : nomem(lake);
	free(probe);
	lh_column_vec nc = {0};
	int64_t next = 1;
	if (st == LH_OK)
		st = lh_types_add_column(qc.types[0], r->name, true, &next, &nc, &lake->err);
	lh_query_columns_free(&qc);
	const lh_table *t = lh_lake_state(lake)->tables.items[r->ti];
	const char *from = t->columns.items[r->ci].type;
	if (st == LH_OK && (nc.len > 1 || !lh_types_promotion_allowed(from, nc.items[0].type)))
		st = lh_lake_fail(lake, LH_ERR_TYPE,
		                  "cannot change column '%s' of '%s' from %s to %s: only widening "
		                  "type promotions are allowed (e.g. int32 to int64, float32 to "
		                  "float64)",
		                  r->name, r->label, from, nc.items[0].type);
	lh_column *col = st == LH_OK ? column_mut(lake, r->ti, r->ci) : NULL;
	if (col) {
		free(col->type);
		col->type = nc.items[0].type;
		nc.items[0].type = NULL;
	} else if (st == LH_OK) {
		st = LH_ERR_NOMEM;
	}
	lh_columns_free(&nc);
	return st;
}

/* ALTER [COLUMN] c SET/DROP DEFAULT, SET/DROP NOT NULL, [SET DATA] TYPE. */
static lh_status alter_column(lh_lake *lake, lh_stmt *s, lh_cursor *c, size_t ti,
                              const char *label)
{
	lh_cur_accept(c, "COLUMN");
	char *name = lh_cur_ident(c);
	if (!name)
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "ALTER COLUMN: expected a column name");
	ptrdiff_t ci = lh_table_column_index(lh_lake_state(lake)->tables.items[ti], name);
	column_ref r = {ti, (size_t)ci, name, label};
	lh_status st = LH_OK;
	lh_column *col = NULL;
	if (ci < 0) {
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s'", label, name);
	} else if (lh_cur_is(c, 0, "SET") && lh_cur_is(c, 1, "DEFAULT")) {
		c->i += 2;
		st = set_default(lake, s, c, &r);
	} else if (lh_cur_is(c, 0, "DROP") && lh_cur_is(c, 1, "DEFAULT")) {
		st = (col = column_mut(lake, ti, r.ci)) ? LH_OK : LH_ERR_NOMEM;
		if (col) {
			free(col->default_value);
			col->default_value = NULL;
		}
	} else if (lh_cur_is(c, 0, "SET") && lh_cur_is(c, 1, "NOT") && lh_cur_is(c, 2, "NULL")) {
		st = set_not_null(lake, &r);
	} else if (lh_cur_is(c, 0, "DROP") && lh_cur_is(c, 1, "NOT") && lh_cur_is(c, 2, "NULL")) {
		st = (col = column_mut(lake, ti, r.ci)) ? LH_OK : LH_ERR_NOMEM;
		if (col)
			col->nulls_allowed = true;
	} else {
		if (lh_cur_accept(c, "SET"))
			lh_cur_accept(c, "DATA");
		st = lh_cur_accept(c, "TYPE") ? set_type(lake, s, c, &r)
		                              : lh_lake_fail(lake, LH_ERR_SYNTAX,
		                                             "ALTER COLUMN: expected TYPE, SET/DROP "
		                                             "DEFAULT or SET/DROP NOT NULL");
	}
	free(name);
	return st == LH_ERR_NOMEM ? nomem(lake) : st;
}

/* RENAME TO <name>: same table id, same folder. */
static lh_status rename_table(lh_lake *lake, lh_cursor *c, size_t ti, const char *label)
{
	lh_state *s = lh_lake_state(lake);
	const lh_table *t = s->tables.items[ti];
	lh_qname nn;
	if (!lh_cur_qname(c, &nn))
		return nn.nomem ? nomem(lake) : lh_lake_fail(lake, LH_ERR_SYNTAX, "RENAME TO: expected a name");
	lh_status st = LH_OK;
	lh_table *m = NULL;
	if (nn.schema)
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "a table cannot move to another schema; give only the new name");
	else if (lh_state_table_index(s, t->schema_id, nn.name) >= 0 && !lh_strieq(nn.name, t->name))
		st = lh_lake_fail(lake, LH_ERR_EXISTS, "cannot rename '%s': a table '%s' exists", label,
		                  nn.name);
	else if (lh_state_view_index(s, t->schema_id, nn.name) >= 0)
		st = lh_lake_fail(lake, LH_ERR_EXISTS, "cannot rename '%s': a view '%s' exists", label,
		                  nn.name);
	else if (!(m = lh_state_table_mut(s, ti)))
		st = nomem(lake);
	if (m) {
		free(m->name);
		m->name = nn.name;
		nn.name = NULL;
	}
	lh_qname_free(&nn);
	return st;
}

/* RENAME [COLUMN] a TO b: old files still map through the field id. */
static lh_status rename_column(lh_lake *lake, lh_cursor *c, size_t ti, const char *label)
{
	const lh_table *t = lh_lake_state(lake)->tables.items[ti];
	lh_cur_accept(c, "COLUMN");
	char *from = lh_cur_ident(c);
	char *to = lh_cur_accept(c, "TO") ? lh_cur_ident(c) : NULL;
	ptrdiff_t ci = from ? lh_table_column_index(t, from) : -1;
	lh_status st = LH_OK;
	lh_column *col = NULL;
	if (!from || !to)
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "expected RENAME [COLUMN] a TO b");
	else if (ci < 0)
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s'", label, from);
	else if (lh_table_column_index(t, to) >= 0 && !lh_strieq(from, to))
		st = lh_lake_fail(lake, LH_ERR_EXISTS, "column '%s' already exists: table '%s' already has a column '%s'", to, label, to);
	else if (!(col = column_mut(lake, ti, (size_t)ci)))
		st = LH_ERR_NOMEM;
	if (col) {
		free(col->name);
		col->name = to;
		to = NULL;
	}
	free(from);
	free(to);
	return st;
}

/* DROP [COLUMN] [IF EXISTS] c, with its children; never the last column. */
static lh_status drop_column(lh_lake *lake, lh_cursor *c, size_t ti, const char *label)
{
	const lh_table *t = lh_lake_state(lake)->tables.items[ti];
	lh_cur_accept(c, "COLUMN");
	bool if_exists = lh_cur_is(c, 0, "IF") && lh_cur_is(c, 1, "EXISTS");
	if (if_exists)
		c->i += 2;
	char *name = lh_cur_ident(c);
	ptrdiff_t ci = name ? lh_table_column_index(t, name) : -1;
	size_t ntop = 0;
	for (size_t i = 0; i < t->columns.len; i++)
		ntop += t->columns.items[i].parent < 0;
	lh_status st = LH_OK;
	lh_table *m = NULL;
	if (!name)
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "DROP COLUMN: expected a column name");
	else if (ci < 0 && !if_exists)
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s'", label, name);
	else if (ci >= 0 && ntop == 1)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "cannot drop '%s', the only column of '%s'; drop the table instead",
		                  name, label);
	for (size_t k = 0; st == LH_OK && ci >= 0 && k < t->part_n; k++)
		if (t->part_keys[k].column_id == t->columns.items[ci].id)
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "cannot drop column '%s' of '%s': the table is partitioned by this "
			                  "column; RESET PARTITIONED BY (or SET it without the column) first",
			                  name, label);
	if (st != LH_OK) {
		free(name);
		return st;
	}
	if (ci >= 0 && !(m = lh_state_table_mut(lh_lake_state(lake), ti)))
		st = nomem(lake);
	if (m)
		remove_column_tree(m, (size_t)ci);
	free(name);
	return st;
}

static bool is_time_type(const char *type, bool with_hour)
{
	return (!with_hour && strcmp(type, "date") == 0) || lh_str_starts_with(type, "timestamp");
}

/* One key of SET PARTITIONED BY: a column, or year/month/day/hour(column). */
static lh_status partition_key(lh_lake *lake, lh_cursor *c, const lh_table *t,
                               const char *label, lh_partition_key *out)
{
	char *word = lh_cur_ident(c);
	char *col = NULL;
	const char *transform = "identity";
	static const char *const transforms[] = {"year", "month", "day", "hour"};
	if (word && lh_cur_accept(c, "(")) {
		transform = NULL;
		for (size_t i = 0; i < 4 && !transform; i++)
			if (lh_strieq(word, transforms[i]))
				transform = transforms[i];
		col = lh_cur_ident(c);
		if (!col || !lh_cur_accept(c, ")") || !transform) {
			lh_status st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
			                            "PARTITIONED BY '%s(...)': a key is a column or "
			                            "year(col), month(col), day(col), hour(col)",
			                            word);
			free(word);
			free(col);
			return st;
		}
		free(word);
	} else {
		col = word;
	}
	if (!col)
		return lh_lake_fail(lake, LH_ERR_SYNTAX,
		                    "PARTITIONED BY: expected (col, year(col), ...) after BY");
	ptrdiff_t ci = lh_table_column_index(t, col);
	lh_status st = LH_OK;
	const lh_column *cc = ci >= 0 ? &t->columns.items[ci] : NULL;
	if (!cc)
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "cannot partition '%s' by '%s': no such column",
		                  label, col);
	else if (strcmp(transform, "identity") != 0 &&
	         !is_time_type(cc->type, strcmp(transform, "hour") == 0))
		st = lh_lake_fail(lake, LH_ERR_TYPE,
		                  "cannot partition '%s' by %s(%s): the column is %s, not a %s", label,
		                  transform, col, cc->type,
		                  strcmp(transform, "hour") == 0 ? "timestamp" : "date or timestamp");
	else if (strcmp(transform, "identity") == 0 &&
	         (strcmp(cc->type, "struct") == 0 || strcmp(cc->type, "list") == 0 ||
	          strcmp(cc->type, "map") == 0))
		st = lh_lake_fail(lake, LH_ERR_TYPE,
		                  "cannot partition '%s' by '%s': a %s column has no single value to "
		                  "partition by",
		                  label, col, cc->type);
	else
		*out = (lh_partition_key){cc->id, (char *)transform};
	free(col);
	return st;
}

/* SET PARTITIONED BY (keys) / RESET PARTITIONED BY: the partitioning of files written from
 * now on (files already written keep theirs). The same keys again change nothing. */
static lh_status set_partitioning(lh_lake *lake, lh_cursor *c, size_t ti, const char *label,
                                  bool reset)
{
	const lh_table *t = lh_lake_state(lake)->tables.items[ti];
	if (!lh_cur_accept(c, "PARTITIONED") || !lh_cur_accept(c, "BY"))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "expected %s PARTITIONED BY",
		                    reset ? "RESET" : "SET");
	lh_partition_key keys[64];
	size_t n = 0;
	lh_status st = LH_OK;
	if (!reset) {
		if (!lh_cur_accept(c, "("))
			return lh_lake_fail(lake, LH_ERR_SYNTAX,
			                    "SET PARTITIONED BY: expected (col, year(col), ...)");
		do {
			if (n == 64)
				return lh_lake_fail(lake, LH_ERR_INVALID,
				                    "SET PARTITIONED BY: at most 64 keys");
			st = partition_key(lake, c, t, label, &keys[n]);
			for (size_t k = 0; st == LH_OK && k < n; k++)
				if (keys[k].column_id == keys[n].column_id &&
				    strcmp(keys[k].transform, keys[n].transform) == 0)
					st = lh_lake_fail(lake, LH_ERR_INVALID,
					                  "SET PARTITIONED BY: key %zu repeats key %zu", n + 1, k + 1);
			n++;
		} while (st == LH_OK && lh_cur_accept(c, ","));
		if (st == LH_OK && !lh_cur_accept(c, ")"))
			st = lh_lake_fail(lake, LH_ERR_SYNTAX, "SET PARTITIONED BY: expected ')'");
		if (st != LH_OK)
			return st;
	}
	bool same = n == t->part_n;
	for (size_t k = 0; same && k < n; k++)
		same = keys[k].column_id == t->part_keys[k].column_id &&
		       strcmp(keys[k].transform, t->part_keys[k].transform) == 0;
	if (same)
		return LH_OK;
	for (size_t i = 0; i < t->files.len; i++)
		if (t->files.items[i].id < 0 && t->files.items[i].part_n > 0)
			return lh_lake_fail(lake, LH_ERR_CONFLICT,
			                    "this transaction already wrote partitioned files to '%s'; "
			                    "COMMIT before changing its partitioning",
			                    label);
	lh_table *m = lh_state_table_mut(lh_lake_state(lake), ti);
	if (!m || lh_table_set_parts(m, n, keys) != LH_OK)
		return nomem(lake);
	m->part_changed = true;
	return LH_OK;
}

/* The table an ALTER names: *out_ti, or *out_missing for IF EXISTS on a missing one. */
static lh_status alter_target(lh_lake *lake, lh_cursor *c, size_t *out_ti, bool *out_missing)
{
	*out_missing = false;
	bool if_exists = lh_cur_is(c, 0, "IF") && lh_cur_is(c, 1, "EXISTS");
	if (if_exists)
		c->i += 2;
	lh_qname q;
	if (!lh_cur_qname(c, &q))
		return q.nomem ? nomem(lake)
		               : lh_lake_fail(lake, LH_ERR_SYNTAX, "ALTER TABLE: expected a table name");
	ptrdiff_t ti = -1;
	lh_status st = lh_resolve_table(lake, lh_lake_state(lake), &q, &ti);
	lh_qname_free(&q);
	if (st == LH_ERR_NOT_FOUND && if_exists) {
		lh_err_clear(&lake->err);
		*out_missing = true;
		return LH_OK;
	}
	*out_ti = (size_t)ti;
	return st;
}

static lh_status alter_fn(lh_lake *lake, void *arg, int64_t *count)
{
	alter_args *a = arg;
	lh_cursor *c = a->c;
	(void)count;
	size_t ti = 0;
	bool missing;
	lh_status st = alter_target(lake, c, &ti, &missing);
	if (st != LH_OK || missing)
		return st;
	const lh_state *s = lh_lake_state(lake);
	char *label = label_of(s, s->tables.items[ti]->schema_id, s->tables.items[ti]->name);
	if (!label)
		return nomem(lake);
	/* rows this transaction inlined wait in a table of the old columns (inline.c) */
	bool columns = !lh_cur_is(c, 0, "SET") && !lh_cur_is(c, 0, "RESET") &&
	               !(lh_cur_is(c, 0, "RENAME") && lh_cur_is(c, 1, "TO"));
	if (columns && s->tables.items[ti]->inl_rows > 0) {
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "ALTER on a table with transaction-local inlined data is not supported: "
		                  "'%s' has rows this transaction inserted that wait to be inlined; "
		                  "COMMIT them first",
		                  label);
	} else if (columns && s->tables.items[ti]->inlined) {
		/* rows kept inline in the catalog are stored under the columns they were inserted
		 * with: they move into a data file (read by field id) before the columns change */
		int64_t moved = 0;
		st = lh_inline_flush(lake, ti, &moved);
	}
	if (st != LH_OK) {
		free(label);
		return st == LH_ERR_NOMEM ? nomem(lake) : st;
	}
	if (lh_cur_accept(c, "RENAME"))
		st = lh_cur_accept(c, "TO") ? rename_table(lake, c, ti, label)
		                            : rename_column(lake, c, ti, label);
	else if (lh_cur_accept(c, "ADD"))
		st = alter_add_column(lake, a->s, c, ti, label);
	else if (lh_cur_accept(c, "DROP"))
		st = drop_column(lake, c, ti, label);
	else if (lh_cur_accept(c, "ALTER"))
		st = alter_column(lake, a->s, c, ti, label);
	else if (lh_cur_accept(c, "SET"))
		st = set_partitioning(lake, c, ti, label, false);
	else if (lh_cur_accept(c, "RESET"))
		st = set_partitioning(lake, c, ti, label, true);
	else
		st = lh_lake_fail(lake, LH_ERR_UNSUPPORTED,
		                  "ALTER TABLE supports RENAME TO, ADD/DROP/RENAME COLUMN, ALTER COLUMN "
		                  "(TYPE, SET/DROP DEFAULT, SET/DROP NOT NULL) and SET/RESET "
		                  "PARTITIONED BY");
	free(label);
	return st == LH_ERR_NOMEM ? nomem(lake) : st;
}

lh_status lh_ddl_alter_table(lh_lake *lake, lh_stmt *s, lh_cursor *c)
{
	if (!lh_cur_accept(c, "TABLE"))
		return lh_lake_fail(lake, LH_ERR_UNSUPPORTED, "only ALTER TABLE is supported on the lake");
	alter_args a = {s, c};
	int64_t n;
	return lh_txn_run(lake, alter_fn, &a, &n);
}
