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

/* A column path as ALTER names it: col, or col.field... into structs, and a list's
 * element or a map's key/value (their child columns' names). */
#define PATH_MAX_PARTS 32
typedef struct col_path {
	char *part[PATH_MAX_PARTS];
	size_t n;
} col_path;

static void path_free(col_path *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->part[i]);
	p->n = 0;
}

/* Reads ident(.ident)*; false (nothing kept) when there is no identifier or the path is
 * too deep. */
static bool read_path(lh_cursor *c, col_path *p)
{
	p->n = 0;
	do {
		char *part = p->n < PATH_MAX_PARTS ? lh_cur_ident(c) : NULL;
		if (!part) {
			path_free(p);
			return false;
		}
		p->part[p->n++] = part;
	} while (lh_cur_accept(c, "."));
	return true;
}

/* The child of column `parent` (-1: top level) named `name`, case-insensitively. */
static ptrdiff_t child_index(const lh_table *t, int64_t parent, const char *name)
{
	for (size_t i = 0; i < t->columns.len; i++)
		if (t->columns.items[i].parent == parent && lh_strieq(t->columns.items[i].name, name))
			return (ptrdiff_t)i;
	return -1;
}

/* The column the first n parts of p name, or -1 when one of them is missing. */
static ptrdiff_t path_index(const lh_table *t, const col_path *p, size_t n)
{
	ptrdiff_t ci = -1;
	for (size_t i = 0; i < n; i++) {
		ci = child_index(t, ci < 0 ? -1 : t->columns.items[ci].id, p->part[i]);
		if (ci < 0)
			return -1;
	}
	return ci;
}

/* "a.b.c" for messages; NULL on OOM. */
static char *path_text(const col_path *p, size_t n)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	for (size_t i = 0; i < n; i++)
		lh_buf_printf(&b, "%s%s", i ? "." : "", p->part[i]);
	return lh_buf_steal(&b);
}

/* The column a nested path names (n >= 2 parts): its parent must exist and be a
 * struct (a field of a list or map is reached through element, key or value). Sets
 * *parent_ci and *ci, the field's index or -1 when only the field is missing. `what`
 * names the action for messages ("add field": a parent that is no struct is a type
 * error, as in DuckLake; for the others the field does not exist). */
static lh_status nested_target(lh_lake *lake, const lh_table *t, const col_path *p,
                               const char *label, const char *what, bool adding,
                               ptrdiff_t *parent_ci, ptrdiff_t *ci)
{
	*parent_ci = path_index(t, p, p->n - 1);
	*ci = -1;
	if (*parent_ci < 0) {
		char *pt = path_text(p, p->n - 1);
		lh_status st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                            "cannot %s '%s': column '%s' of '%s' does not exist", what,
		                            p->part[p->n - 1], pt ? pt : "?", label);
		free(pt);
		return st;
	}
	const lh_column *pc = &t->columns.items[*parent_ci];
	if (strcmp(pc->type, "struct") != 0 && !adding) {
		char *pt = path_text(p, p->n);
		lh_status st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                            "cannot %s '%s' of '%s': it does not exist ('%s' is a %s, "
		                            "not a struct)",
		                            what, pt ? pt : "?", label, pc->name, pc->type);
		free(pt);
		return st;
	}
	if (strcmp(pc->type, "struct") != 0) {
		char *pt = path_text(p, p->n - 1);
		lh_status st = lh_lake_fail(lake, LH_ERR_TYPE,
		                            "cannot %s '%s': fields can only be added to structs, and "
		                            "'%s' is a %s",
		                            what, p->part[p->n - 1], pt ? pt : "?", pc->type);
		free(pt);
		return st;
	}
	*ci = child_index(t, pc->id, p->part[p->n - 1]);
	return LH_OK;
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

/* ADD [COLUMN] [IF NOT EXISTS] c type ..., or a field of a struct: ADD COLUMN c.f type
 * (DuckLake's nested evolution: the new field gets a column id of its own; rows of older
 * files read its DEFAULT, or NULL). */
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
	lh_cursor after = *c;
	col_path p;
	if (!read_path(&after, &p))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "ADD COLUMN: expected a column name");
	lh_table *t = st_->tables.items[ti];
	const char *name = p.part[p.n - 1];
	int64_t parent = -1;
	ptrdiff_t exists = -1;
	lh_status st = LH_OK;
	if (p.n > 1) {
		ptrdiff_t pci;
		st = nested_target(lake, t, &p, label, "add field", true, &pci, &exists);
		if (st == LH_OK)
			parent = t->columns.items[pci].id;
	} else {
		exists = lh_table_column_index(t, name);
	}
	if (st == LH_OK && exists >= 0) {
		char *pt = path_text(&p, p.n);
		st = if_not_exists ? LH_OK
		                   : lh_lake_fail(lake, LH_ERR_EXISTS,
		                                  "column '%s' already exists: table '%s' already has "
		                                  "a column '%s'",
		                                  pt ? pt : name, label, pt ? pt : name);
		free(pt);
		path_free(&p);
		return st;
	}
	/* the definition, with a nested field's name alone in front of its type */
	lh_buf defs;
	lh_buf_init(&defs, 0);
	lh_buf_putc(&defs, '(');
	if (p.n > 1) {
		lh_buf_sql_ident(&defs, name);
		lh_buf_putc(&defs, ' ');
		lh_buf_puts(&defs, s->text + lh_cur_offset(&after));
	} else {
		lh_buf_puts(&defs, s->text + lh_cur_offset(c));
	}
	lh_buf_putc(&defs, ')');
	path_free(&p);
	if (st != LH_OK) {
		lh_buf_free(&defs);
		return st;
	}
	lh_column_vec cols = {0};
	int64_t next_id = t->max_column_id + 1;
	st = lh_buf_status(&defs) == LH_OK
	         ? lh_ddl_columns_from_defs(lake, lh_buf_str(&defs), &next_id, &cols)
	         : nomem(lake);
	lh_buf_free(&defs);
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
	for (size_t i = 0; st == LH_OK && i < cols.len; i++) {
		lh_column *col = &cols.items[i];
		if (i == 0) {
			col->parent = parent;
			/* rows of older files read the default */
			if (col->default_value && !(col->initial_default = lh_strdup(col->default_value)))
				st = nomem(lake);
		}
		col->order = col->id; /* DuckLake: column_order = column_id */
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

static bool is_nested_type(const char *type)
{
	return strcmp(type, "struct") == 0 || strcmp(type, "list") == 0 || strcmp(type, "map") == 0;
}

/* Copies node k of `to` (a column tree lh_types_add_column built) and its children into
 * t under column `parent`, with new column ids. */
static lh_status copy_subtree(lh_table *t, const lh_column_vec *to, size_t k, int64_t parent)
{
	const lh_column *src = &to->items[k];
	lh_column c = {.id = ++t->max_column_id,
	               .begin_snapshot = -1,
	               .name = lh_strdup(src->name),
	               .type = lh_strdup(src->type),
	               .nulls_allowed = true,
	               .parent = parent};
	c.order = c.id;
	if (!c.name || !c.type || LH_VEC_PUSH(&t->columns, c) != LH_OK) {
		lh_column_clear(&c);
		return LH_ERR_NOMEM;
	}
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < to->len; i++)
		if (to->items[i].parent == src->id)
			st = copy_subtree(t, to, i, c.id);
	return st;
}

static ptrdiff_t index_of_id(const lh_table *t, int64_t id)
{
	for (size_t i = 0; i < t->columns.len; i++)
		if (t->columns.items[i].id == id)
			return (ptrdiff_t)i;
	return -1;
}

/* Evolves column `id` of t (writable) into node k of `to`, as DuckLake does: a leaf may
 * widen; a struct, list or map keeps its kind, and its children are matched by name
 * (a list's element, a map's key and value by theirs): kept ones evolve, new ones get new
 * column ids, missing ones are dropped. Data files are never rewritten: readers match
 * nested fields by name. */
static lh_status evolve(lh_lake *lake, lh_table *t, int64_t id, const lh_column_vec *to,
                        size_t k, const char *label)
{
	ptrdiff_t ci = index_of_id(t, id);
	const lh_column *tgt = &to->items[k];
	if (ci < 0)
		return nomem(lake); /* cannot happen: ids come from t */
	lh_column *src = &t->columns.items[ci];
	bool src_nested = is_nested_type(src->type), tgt_nested = is_nested_type(tgt->type);
	if (!src_nested && !tgt_nested) {
		if (strcmp(src->type, tgt->type) == 0)
			return LH_OK;
		if (!lh_types_promotion_allowed(src->type, tgt->type))
			return lh_lake_fail(lake, LH_ERR_TYPE,
			                    "cannot change column '%s' of '%s' from %s to %s: only widening "
			                    "type promotions are allowed (e.g. int32 to int64, float32 to "
			                    "float64)",
			                    src->name, label, src->type, tgt->type);
		char *type = lh_strdup(tgt->type);
		if (!type)
			return nomem(lake);
		free(src->type);
		src->type = type;
		src->begin_snapshot = -1;
		return LH_OK;
	}
	if (strcmp(src->type, tgt->type) != 0)
		return lh_lake_fail(lake, LH_ERR_TYPE,
		                    "cannot change column '%s' of '%s' from %s to %s: a nested column "
		                    "keeps its kind (its fields may be added, dropped or widened)",
		                    src->name, label, src->type, tgt->type);
	lh_i64_vec old = {0};
	for (size_t i = 0; i < t->columns.len; i++)
		if (t->columns.items[i].parent == id && LH_VEC_PUSH(&old, t->columns.items[i].id) != LH_OK) {
			LH_VEC_FREE(&old);
			return nomem(lake);
		}
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && i < to->len; i++) {
		if (to->items[i].parent != tgt->id)
			continue;
		ptrdiff_t m = child_index(t, id, to->items[i].name);
		if (m >= 0) {
			int64_t mid = t->columns.items[m].id;
			for (size_t o = 0; o < old.len; o++)
				if (old.items[o] == mid)
					old.items[o] = -1; /* kept */
			st = evolve(lake, t, mid, to, i, label);
		} else if (copy_subtree(t, to, i, id) != LH_OK) {
			st = nomem(lake);
		}
	}
	for (size_t o = 0; st == LH_OK && o < old.len; o++) {
		ptrdiff_t d = old.items[o] >= 0 ? index_of_id(t, old.items[o]) : -1;
		if (d >= 0)
			remove_column_tree(t, (size_t)d);
	}
	LH_VEC_FREE(&old);
	return st;
}

/* [SET DATA] TYPE <type>: widening promotions only (DuckLake never rewrites data); a
 * nested column's fields evolve by name (evolve). */
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
	lh_table *t = st == LH_OK ? lh_state_table_mut(lh_lake_state(lake), r->ti) : NULL;
	if (st == LH_OK && !t)
		st = nomem(lake);
	if (st == LH_OK)
		st = evolve(lake, t, t->columns.items[r->ci].id, &nc, 0, r->label);
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

/* RENAME [COLUMN] a TO b, or a struct's field: RENAME [COLUMN] a.f TO g. The column
 * keeps its id (old files map through it). */
static lh_status rename_column(lh_lake *lake, lh_cursor *c, size_t ti, const char *label)
{
	const lh_table *t = lh_lake_state(lake)->tables.items[ti];
	lh_cur_accept(c, "COLUMN");
	col_path p = {0};
	bool have = read_path(c, &p);
	char *to = have && lh_cur_accept(c, "TO") ? lh_cur_ident(c) : NULL;
	ptrdiff_t ci = -1, pci = -1;
	lh_status st = LH_OK;
	lh_column *col = NULL;
	if (!have || !to)
		st = lh_lake_fail(lake, LH_ERR_SYNTAX, "expected RENAME [COLUMN] a TO b");
	else if (p.n > 1)
		st = nested_target(lake, t, &p, label, "rename field", false, &pci, &ci);
	else
		ci = lh_table_column_index(t, p.part[0]);
	int64_t parent = pci >= 0 ? t->columns.items[pci].id : -1;
	char *pt = have ? path_text(&p, p.n) : NULL;
	if (st == LH_OK && ci < 0)
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s': it does not exist",
		                  label, pt ? pt : "?");
	else if (st == LH_OK && child_index(t, parent, to) >= 0 &&
	         !lh_strieq(t->columns.items[ci].name, to))
		st = p.n > 1 ? lh_lake_fail(lake, LH_ERR_EXISTS,
		                            "cannot rename '%s' to '%s': a field '%s' already exists in "
		                            "that struct",
		                            pt ? pt : "?", to, to)
		             : lh_lake_fail(lake, LH_ERR_EXISTS,
		                            "column '%s' already exists: table '%s' already has a column "
		                            "'%s'",
		                            to, label, to);
	else if (st == LH_OK && !(col = column_mut(lake, ti, (size_t)ci)))
		st = LH_ERR_NOMEM;
	if (col) {
		free(col->name);
		col->name = to;
		to = NULL;
	}
	free(pt);
	path_free(&p);
	free(to);
	return st;
}

/* DROP [COLUMN] [IF EXISTS] c, with its children, or a struct's field (c.f); never the
 * last column of a table or the last field of a struct. */
static lh_status drop_column(lh_lake *lake, lh_cursor *c, size_t ti, const char *label)
{
	const lh_table *t = lh_lake_state(lake)->tables.items[ti];
	lh_cur_accept(c, "COLUMN");
	bool if_exists = lh_cur_is(c, 0, "IF") && lh_cur_is(c, 1, "EXISTS");
	if (if_exists)
		c->i += 2;
	col_path p;
	if (!read_path(c, &p))
		return lh_lake_fail(lake, LH_ERR_SYNTAX, "DROP COLUMN: expected a column name");
	ptrdiff_t ci = -1, pci = -1;
	lh_status st = LH_OK;
	if (p.n > 1) {
		st = nested_target(lake, t, &p, label, "drop field", false, &pci, &ci);
		if (st == LH_ERR_NOT_FOUND && if_exists) {
			lh_err_clear(&lake->err);
			st = LH_OK;
		}
	} else {
		ci = lh_table_column_index(t, p.part[0]);
	}
	int64_t parent = pci >= 0 ? t->columns.items[pci].id : -1;
	size_t siblings = 0;
	for (size_t i = 0; i < t->columns.len; i++)
		siblings += t->columns.items[i].parent == parent;
	char *pt = path_text(&p, p.n);
	const char *name = pt ? pt : p.part[p.n - 1];
	lh_table *m = NULL;
	if (st == LH_OK && ci < 0 && !if_exists)
		st = lh_lake_fail(lake, LH_ERR_NOT_FOUND, "table '%s' has no column '%s': it does not exist",
		                  label, name);
	else if (st == LH_OK && ci >= 0 && siblings == 1 && parent < 0)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "cannot drop '%s', the only column of '%s'; drop the table instead",
		                  name, label);
	else if (st == LH_OK && ci >= 0 && siblings == 1)
		st = lh_lake_fail(lake, LH_ERR_INVALID,
		                  "cannot drop '%s', the only field of its struct; drop the struct column "
		                  "instead",
		                  name);
	for (size_t k = 0; st == LH_OK && ci >= 0 && k < t->part_n; k++)
		if (t->part_keys[k].column_id == t->columns.items[ci].id)
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "cannot drop column '%s' of '%s': the table is partitioned by this "
			                  "column; RESET PARTITIONED BY (or SET it without the column) first",
			                  name, label);
	if (st == LH_OK && ci >= 0 && !(m = lh_state_table_mut(lh_lake_state(lake), ti)))
		st = nomem(lake);
	if (m)
		remove_column_tree(m, (size_t)ci);
	free(pt);
	path_free(&p);
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
