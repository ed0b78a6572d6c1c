/*
 * lake/merge.c - MERGE INTO on a lake table (DuckDB 1.4's syntax):
 *
 *   MERGE INTO t [[AS] a] USING <table | (query)> [[AS] s] ON <condition>
 *   WHEN MATCHED [AND c] THEN UPDATE SET col = expr, ... | UPDATE SET * | DELETE
 *                                | DO NOTHING | ERROR
 *   WHEN NOT MATCHED [BY TARGET] [AND c] THEN INSERT [(cols)] VALUES (...) | INSERT *
 *                                | INSERT DEFAULT VALUES | DO NOTHING | ERROR
 *   WHEN NOT MATCHED BY SOURCE [AND c] THEN UPDATE SET ... | DELETE | DO NOTHING | ERROR
 *
 * Layer: lake. One snapshot, as an UPDATE, a DELETE and an INSERT in one transaction.
 * The source is evaluated once (into __lh.main.merge_src), so a source with volatile
 * values (uuidv7(), now()) matches and inserts the same rows. Each target row takes the
 * first clause whose condition holds; every change is decided before any is applied.
 * A target row that two source rows would change is an error, as in DuckDB.
 */
#include "lake/lake_int.h"
#include "engine/types.h"

#include <stdlib.h>
#include <string.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

typedef enum { M_MATCHED, M_NOT_MATCHED, M_BY_SOURCE } when_kind;
typedef enum { A_UPDATE, A_UPDATE_ALL, A_DELETE, A_NOTHING, A_ERROR, A_INSERT } action_kind;

typedef struct clause {
	when_kind when;
	action_kind action;
	size_t cond_start, cond_end; /* AND condition text; empty: always */
	lh_assignments set;          /* UPDATE SET */
	/* INSERT: listed columns (table column indexes, -1 when none listed) and the value
	 * text ranges, in order; star: INSERT *; defaults: INSERT DEFAULT VALUES */
	LH_VEC(ptrdiff_t) cols;
	LH_VEC(size_t) vstart, vend;
	bool star, defaults;
	bool by_name;                /* UPDATE/INSERT ... BY NAME: source columns by name */
	size_t msg_start, msg_end;   /* ERROR 'message' */
} clause;

typedef struct merge_args {
	lh_stmt *s;
	lh_cursor *c;
} merge_args;

static void clause_free(clause *k)
{
	LH_VEC_FREE(&k->set);
	LH_VEC_FREE(&k->cols);
	LH_VEC_FREE(&k->vstart);
	LH_VEC_FREE(&k->vend);
}

static lh_status syntax(lh_lake *lake, const char *what)
{
	return lh_lake_fail(lake, LH_ERR_SYNTAX, "MERGE INTO: %s", what);
}

/* INSERT [(cols)] VALUES (exprs) | INSERT * | INSERT DEFAULT VALUES. */
static lh_status parse_insert(lh_lake *lake, lh_cursor *c, const lh_table *t, clause *k)
{
	k->action = A_INSERT;
	/* INSERT, INSERT *, INSERT BY NAME|POSITION: the source's columns (by position unless
	 * BY NAME, as DuckDB) */
	if (lh_cur_accept(c, "BY")) {
		k->by_name = lh_cur_accept(c, "NAME");
		if (!k->by_name && !lh_cur_accept(c, "POSITION"))
			return syntax(lake, "expected INSERT BY NAME or BY POSITION");
		k->star = true;
		return LH_OK;
	}
	if (lh_cur_accept(c, "*") || lh_cur_at_end(c) || lh_cur_is(c, 0, "WHEN")) {
		k->star = true;
		return LH_OK;
	}
	if (lh_cur_accept(c, "DEFAULT")) {
		k->defaults = true;
		return lh_cur_accept(c, "VALUES") ? LH_OK : syntax(lake, "expected INSERT DEFAULT VALUES");
	}
	if (lh_cur_accept(c, "(")) {
		do {
			char *name = lh_cur_ident(c);
			ptrdiff_t ci = name ? lh_table_column_index(t, name) : -1;
			if (ci < 0) {
				lh_status st = lh_lake_fail(lake, LH_ERR_NOT_FOUND,
				                            "MERGE INTO: the table has no column '%s'",
				                            name ? name : "?");
				free(name);
				return st;
			}
			free(name);
			for (size_t i = 0; i < k->cols.len; i++)
				if (k->cols.items[i] == ci)
					return syntax(lake, "a column is listed twice in INSERT (...)");
			if (LH_VEC_PUSH(&k->cols, ci) != LH_OK)
				return nomem(lake);
		} while (lh_cur_accept(c, ","));
		if (!lh_cur_accept(c, ")"))
			return syntax(lake, "expected ')' after the INSERT column list");
	}
	if (!lh_cur_accept(c, "VALUES") || !lh_cur_accept(c, "("))
		return syntax(lake, "expected INSERT [(columns)] VALUES (...), INSERT * or INSERT "
		                    "DEFAULT VALUES");
	static const char *const stops[] = {",", ")", NULL};
	do {
		size_t start = lh_cur_offset(c);
		size_t end = lh_cur_skip_expr(c, stops);
		if (end <= start)
			return syntax(lake, "a value is missing in INSERT VALUES (...)");
		if (LH_VEC_PUSH(&k->vstart, start) != LH_OK || LH_VEC_PUSH(&k->vend, end) != LH_OK)
			return nomem(lake);
	} while (lh_cur_accept(c, ","));
	if (!lh_cur_accept(c, ")"))
		return syntax(lake, "expected ')' after INSERT VALUES (...)");
	size_t ntop = 0;
	for (size_t i = 0; i < t->columns.len; i++)
		ntop += t->columns.items[i].parent < 0;
	size_t want = k->cols.len ? k->cols.len : ntop;
	if (k->vstart.len != want)
		return lh_lake_fail(lake, LH_ERR_INVALID,
		                    "MERGE INTO: INSERT gives %zu values for %zu columns", k->vstart.len,
		                    want);
	return LH_OK;
}

/* One WHEN clause, the cursor after WHEN. */
static lh_status parse_clause(lh_lake *lake, lh_cursor *c, const lh_table *t, const char *label,
                              clause *k)
{
	if (lh_cur_accept(c, "MATCHED")) {
		k->when = M_MATCHED;
	} else if (lh_cur_accept(c, "NOT") && lh_cur_accept(c, "MATCHED")) {
		k->when = M_NOT_MATCHED;
		if (lh_cur_accept(c, "BY")) {
			if (lh_cur_accept(c, "SOURCE"))
				k->when = M_BY_SOURCE;
			else if (!lh_cur_accept(c, "TARGET"))
				return syntax(lake, "expected NOT MATCHED BY SOURCE or BY TARGET");
		}
	} else {
		return syntax(lake, "expected WHEN [NOT] MATCHED");
	}
	if (lh_cur_accept(c, "AND")) {
		static const char *const stops[] = {"THEN", NULL};
		k->cond_start = lh_cur_offset(c);
		k->cond_end = lh_cur_skip_expr(c, stops);
		if (k->cond_end <= k->cond_start)
			return syntax(lake, "expected a condition after AND");
	}
	if (!lh_cur_accept(c, "THEN"))
		return syntax(lake, "expected THEN after WHEN ... MATCHED");
	if (lh_cur_accept(c, "DELETE"))
		k->action = A_DELETE;
	else if (lh_cur_accept(c, "DO") && lh_cur_accept(c, "NOTHING"))
		k->action = A_NOTHING;
	else if (lh_cur_accept(c, "ERROR")) {
		k->action = A_ERROR;
		if (lh_cur_peek(c, 0)->type == LH_TOK_STRING) { /* an optional message */
			k->msg_start = lh_cur_offset(c) + 1;
			k->msg_end = lh_cur_peek(c, 0)->end - 1;
			c->i++;
		}
	} else if (lh_cur_accept(c, "UPDATE")) {
		/* UPDATE, UPDATE SET *, UPDATE BY NAME|POSITION: every column from the source */
		bool all = lh_cur_at_end(c) || lh_cur_is(c, 0, "WHEN");
		if (!all && lh_cur_accept(c, "BY")) {
			k->by_name = lh_cur_accept(c, "NAME");
			if (!k->by_name && !lh_cur_accept(c, "POSITION"))
				return syntax(lake, "expected UPDATE BY NAME or BY POSITION");
			all = true;
		}
		if (!all && !lh_cur_accept(c, "SET"))
			return syntax(lake, "expected UPDATE SET");
		if (all || lh_cur_accept(c, "*"))
			k->action = A_UPDATE_ALL;
		else {
			k->action = A_UPDATE;
			lh_status st = lh_dml_set_list(lake, c, t, label, &k->set);
			if (st != LH_OK)
				return st;
		}
	} else if (lh_cur_accept(c, "INSERT")) {
		lh_status st = parse_insert(lake, c, t, k);
		if (st != LH_OK)
			return st;
	} else {
		return syntax(lake, "expected UPDATE, DELETE, INSERT, DO NOTHING or ERROR after THEN");
	}
	bool insert = k->action == A_INSERT;
	if (insert != (k->when == M_NOT_MATCHED) && k->action != A_NOTHING && k->action != A_ERROR)
		return syntax(lake, insert ? "INSERT is for WHEN NOT MATCHED [BY TARGET]"
		                           : "WHEN NOT MATCHED [BY TARGET] can only INSERT");
	if (!lh_cur_at_end(c) && !lh_cur_is(c, 0, "WHEN"))
		return syntax(lake, lh_cur_is(c, 0, "RETURNING")
		                        ? "MERGE ... RETURNING is not supported on lake tables"
		                        : "unexpected text after a WHEN clause");
	return LH_OK;
}

static void put_text(lh_buf *b, const lh_stmt *s, size_t start, size_t end)
{
	lh_buf_append(b, s->text + start, end - start);
}

/* " WHEN (<the clause's AND condition, or true>) THEN " */
static void when_condition(const lh_stmt *s, const clause *k, lh_buf *b)
{
	lh_buf_puts(b, " WHEN (");
	if (k->cond_end > k->cond_start)
		put_text(b, s, k->cond_start, k->cond_end);
	else
		lh_buf_puts(b, "true");
	lh_buf_puts(b, ") THEN ");
}

/* "CASE WHEN (c1) THEN 1 WHEN (c2) THEN 2 ... ELSE 0 END" over the clauses of one kind. */
static void clause_number(const lh_stmt *s, const clause *ks, size_t n, when_kind when, lh_buf *b)
{
	lh_buf_puts(b, "CASE");
	for (size_t i = 0; i < n; i++) {
		if (ks[i].when != when)
			continue;
		when_condition(s, &ks[i], b);
		lh_buf_printf(b, "%zu", i + 1);
	}
	lh_buf_puts(b, " ELSE 0 END");
}

/* The new value of column ci under clause k, cast to its type (t_alias: the target's
 * alias, s_alias the source's). */
static lh_status column_value(lh_lake *lake, const lh_stmt *s, const lh_table *t, size_t ci,
                              const clause *k, const char *t_alias, const char *s_alias,
                              char *const *src_cols, lh_buf *b)
{
	const lh_column *col = &t->columns.items[ci];
	const char *from = NULL; /* alias.column */
	const char *name = col->name;
	size_t vs = 0, ve = 0;
	if ((k->action == A_UPDATE_ALL || (k->action == A_INSERT && k->star)) && !k->by_name) {
		size_t top = 0; /* by position: the source's column at the table column's place */
		for (size_t i = 0; i < ci; i++)
			top += t->columns.items[i].parent < 0;
		name = src_cols[top];
	}
	if (k->action == A_UPDATE) {
		from = t_alias;
		for (size_t i = 0; i < k->set.len; i++)
			if (k->set.items[i].column == (ptrdiff_t)ci) {
				vs = k->set.items[i].start;
				ve = k->set.items[i].end;
			}
	} else if (k->action == A_UPDATE_ALL || (k->action == A_INSERT && k->star)) {
		from = s_alias;
	} else if (k->action == A_INSERT && !k->defaults) {
		size_t top = 0; /* position among the top-level columns */
		for (size_t i = 0; i < ci; i++)
			top += t->columns.items[i].parent < 0;
		for (size_t i = 0; i < k->vstart.len; i++)
			if (k->cols.len ? k->cols.items[i] == (ptrdiff_t)ci : i == top) {
				vs = k->vstart.items[i];
				ve = k->vend.items[i];
			}
	} else if (k->action != A_INSERT) {
		from = t_alias;
	}
	if (!ve && !from)
		return lh_dml_default(lake, t, ci, b);
	lh_buf_puts(b, "CAST((");
	if (ve) {
		put_text(b, s, vs, ve);
	} else {
		lh_buf_sql_ident(b, from);
		lh_buf_putc(b, '.');
		lh_buf_sql_ident(b, from == s_alias ? name : col->name);
	}
	lh_buf_puts(b, ") AS ");
	lh_status st = lh_types_sql(t->columns.items, t->columns.len, ci, b, &lake->err);
	lh_buf_putc(b, ')');
	return st;
}

/* ", CASE WHEN (c1) THEN <value> ... ELSE <t.col | NULL> END AS col" per column, over the
 * clauses of one kind in order (a clause that sets no value gives the ELSE value: only
 * rows whose first true clause is an UPDATE or INSERT use the values). */
static lh_status columns_by_clause(lh_lake *lake, const lh_stmt *s, const lh_table *t,
                                   const clause *ks, size_t n, when_kind when,
                                   const char *t_alias, const char *s_alias,
                                   char *const *src_cols, lh_buf *b)
{
	lh_status st = LH_OK;
	for (size_t ci = 0; st == LH_OK && ci < t->columns.len; ci++) {
		const lh_column *col = &t->columns.items[ci];
		if (col->parent >= 0)
			continue;
		lh_buf puts_else;
		lh_buf_init(&puts_else, 0);
		if (when == M_NOT_MATCHED) {
			lh_buf_puts(&puts_else, "NULL");
		} else {
			lh_buf_sql_ident(&puts_else, t_alias);
			lh_buf_putc(&puts_else, '.');
			lh_buf_sql_ident(&puts_else, col->name);
		}
		lh_buf_puts(b, ", CASE");
		for (size_t i = 0; st == LH_OK && i < n; i++) {
			if (ks[i].when != when)
				continue;
			when_condition(s, &ks[i], b);
			bool value = ks[i].action == A_UPDATE || ks[i].action == A_UPDATE_ALL ||
			             ks[i].action == A_INSERT;
			if (value)
				st = column_value(lake, s, t, ci, &ks[i], t_alias, s_alias, src_cols, b);
			else
				lh_buf_puts(b, lh_buf_str(&puts_else));
		}
		lh_buf_printf(b, " ELSE %s END AS ", lh_buf_str(&puts_else));
		lh_buf_sql_ident(b, col->name);
		lh_buf_free(&puts_else);
	}
	return st;
}

/* Runs `sql` after rewriting the user's fragments in it, as CREATE OR REPLACE TABLE
 * __lh.main.<name> AS <sql>. */
static lh_status materialize(lh_lake *lake, const char *name, const char *sql)
{
	char *rw = NULL;
	lh_status st = lh_dml_rewritten(lake, sql, &rw);
	char *q = st == LH_OK ? lh_asprintf("CREATE OR REPLACE TABLE __lh.main.%s AS %s", name, rw)
	                      : NULL;
	if (st == LH_OK)
		st = q ? lh_engine_exec(lake->engine, q, &lake->err) : nomem(lake);
	free(q);
	free(rw);
	return st;
}

static lh_status scalar(lh_lake *lake, const char *sql, int64_t *out)
{
	return lh_engine_scalar_int(lake->engine, sql, out, &lake->err);
}

/* The clause numbers of the given actions, as "1, 3" (none: "0"). */
static void numbers(const clause *ks, size_t n, action_kind a1, action_kind a2, lh_buf *b)
{
	size_t len = b->len;
	for (size_t i = 0; i < n; i++)
		if (ks[i].action == a1 || ks[i].action == a2)
			lh_buf_printf(b, "%s%zu", b->len > len ? ", " : "", i + 1);
	if (b->len == len)
		lh_buf_putc(b, '0');
}

/* The error of rows that reached an ERROR clause: its message when it gives one. */
static lh_status error_clause(lh_lake *lake, const lh_stmt *s, const clause *ks, size_t n,
                              when_kind when, const char *label, int64_t rows)
{
	for (size_t i = 0; i < n; i++)
		if (ks[i].action == A_ERROR && ks[i].msg_end > ks[i].msg_start &&
		    (ks[i].when == when || (when == M_MATCHED && ks[i].when == M_BY_SOURCE)))
			return lh_lake_fail(lake, LH_ERR_INVALID, "MERGE INTO '%s': %.*s", label,
			                    (int)(ks[i].msg_end - ks[i].msg_start), s->text + ks[i].msg_start);
	return lh_lake_fail(lake, LH_ERR_INVALID,
	                    "MERGE INTO '%s': %lld rows reached a WHEN ... THEN ERROR clause; "
	                    "nothing was changed",
	                    label, (long long)rows);
}

/* Fails when rows of __lh.main.<table> took an ERROR clause (of kind `when`). */
static lh_status check_errors(lh_lake *lake, const lh_stmt *s, const clause *ks, size_t n,
                              const char *table, when_kind when, const char *label)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_printf(&b, "SELECT count(*) FROM __lh.main.%s WHERE __lh_clause IN (", table);
	numbers(ks, n, A_ERROR, A_ERROR, &b);
	lh_buf_putc(&b, ')');
	int64_t rows = 0;
	lh_status st = b.status == LH_OK ? scalar(lake, lh_buf_str(&b), &rows) : nomem(lake);
	lh_buf_free(&b);
	if (st == LH_OK && rows > 0)
		st = error_clause(lake, s, ks, n, when, label, rows);
	return st;
}

static lh_status merge_fn(lh_lake *lake, void *arg, int64_t *out_count)
{
	merge_args *a = arg;
	lh_cursor *c = a->c;
	const lh_stmt *s = a->s;
	*out_count = 0;
	lh_qname q;
	if (!lh_cur_accept(c, "INTO") || !lh_cur_qname(c, &q))
		return syntax(lake, "expected MERGE INTO <table>");
	ptrdiff_t ti = -1;
	lh_status st = lh_resolve_table(lake, lh_lake_state(lake), &q, &ti);
	char *t_alias = NULL, *s_alias = NULL;
	if (st == LH_OK) {
		if (lh_cur_accept(c, "AS") || (lh_cur_is_ident(c) && !lh_cur_is(c, 0, "USING")))
			t_alias = lh_cur_ident(c);
		else
			t_alias = lh_strdup(q.name);
		if (!t_alias)
			st = nomem(lake);
	}
	lh_qname_free(&q);
	if (st != LH_OK)
		return st;
	const lh_table *t = lh_lake_state(lake)->tables.items[ti];
	const lh_schema *sc = lh_state_schema_by_id(lh_lake_state(lake), t->schema_id);
	char *label = lh_asprintf("%s.%s", sc ? sc->name : "?", t->name);
	/* USING <source> [[AS] alias] ON <condition> */
	size_t src_start = 0, src_end = 0, on_start = 0, on_end = 0, at_start = 0, at_end = 0;
	if (!label)
		st = nomem(lake);
	else if (!lh_cur_accept(c, "USING"))
		st = syntax(lake, "expected USING <table or (query)> after the target");
	if (st == LH_OK) {
		src_start = lh_cur_offset(c);
		if (lh_cur_is(c, 0, "(")) {
			lh_cur_skip_group(c);
			src_end = lh_cur_peek(c, 0)->start;
			src_end = c->i > 0 ? c->t->v.items[c->i - 1].end : src_end;
		} else {
			lh_qname sq;
			if (!lh_cur_qname(c, &sq)) {
				st = syntax(lake, "expected USING <table or (query)>");
			} else {
				src_end = c->t->v.items[c->i - 1].end;
				/* a table read at a snapshot: src AT (VERSION => n) [AS] s (DuckDB puts an
				 * alias before AT: moved there when the source is read) */
				if (lh_cur_is(c, 0, "AT") && lh_cur_is(c, 1, "(")) {
					at_start = lh_cur_offset(c);
					c->i++;
					lh_cur_skip_group(c);
					at_end = c->t->v.items[c->i - 1].end;
				}
				s_alias = lh_strdup(sq.name);
			}
			lh_qname_free(&sq);
		}
	}
	size_t cols_start = 0, cols_end = 0; /* the alias's column list: s(a, b) */
	if (st == LH_OK && (lh_cur_accept(c, "AS") || (lh_cur_is_ident(c) && !lh_cur_is(c, 0, "ON")))) {
		free(s_alias);
		s_alias = lh_cur_ident(c);
		if (s_alias && lh_cur_is(c, 0, "(")) {
			cols_start = lh_cur_offset(c);
			lh_cur_skip_group(c);
			cols_end = c->t->v.items[c->i - 1].end;
		}
	}
	if (st == LH_OK && !s_alias)
		s_alias = lh_strdup("unnamed_subquery"); /* DuckDB's name for it */
	if (st == LH_OK && !s_alias)
		st = nomem(lake);
	if (st == LH_OK && !lh_cur_accept(c, "ON"))
		st = syntax(lake, "expected ON <condition> after the source");
	static const char *const when_stop[] = {"WHEN", NULL};
	if (st == LH_OK) {
		on_start = lh_cur_offset(c);
		on_end = lh_cur_skip_expr(c, when_stop);
		if (on_end <= on_start)
			st = syntax(lake, "expected a condition after ON");
	}
	LH_VEC(clause) ks = {0};
	while (st == LH_OK && lh_cur_accept(c, "WHEN")) {
		clause k = {0};
		st = parse_clause(lake, c, t, label, &k);
		if (st == LH_OK && LH_VEC_PUSH(&ks, k) != LH_OK)
			st = nomem(lake);
		if (st != LH_OK)
			clause_free(&k);
	}
	if (st == LH_OK && ks.len == 0)
		st = syntax(lake, "expected at least one WHEN [NOT] MATCHED ... THEN clause");
	/* as DuckDB: the clause of a kind without AND comes after that kind's others, and a
	 * kind has at most one */
	for (int w = M_MATCHED; st == LH_OK && w <= M_BY_SOURCE; w++) {
		ptrdiff_t last = -1;
		for (size_t i = 0; st == LH_OK && i < ks.len; i++) {
			if (ks.items[i].when != (when_kind)w || ks.items[i].cond_end > ks.items[i].cond_start)
				continue;
			if (last >= 0)
				st = lh_lake_fail(lake, LH_ERR_SYNTAX,
				                  "MERGE INTO: Unconditional WHEN %s clause was already defined",
				                  w == M_MATCHED ? "MATCHED" : w == M_NOT_MATCHED ? "NOT MATCHED"
				                                                            : "NOT MATCHED BY SOURCE");
			last = (ptrdiff_t)i;
		}
		for (size_t i = last >= 0 ? (size_t)last + 1 : ks.len; st == LH_OK && i < ks.len; i++)
			if (ks.items[i].when == (when_kind)w) { /* move the unconditional one past it */
				clause tmp = ks.items[last];
				memmove(&ks.items[last], &ks.items[last + 1], (i - (size_t)last) * sizeof tmp);
				ks.items[i] = tmp;
				last = (ptrdiff_t)i;
			}
	}
	if (st == LH_OK && !lh_cur_at_end(c))
		st = syntax(lake, "unexpected text after the WHEN clauses");
	bool any[3] = {false, false, false};
	for (size_t i = 0; i < ks.len; i++)
		any[ks.items[i].when] = true;

	lh_buf b;
	lh_buf_init(&b, 0);
	/* the source, once; the target as a view over its scan with positions and row ids */
	if (st == LH_OK) {
		lh_buf_puts(&b, "SELECT * FROM ");
		put_text(&b, s, src_start, src_end);
		lh_buf_puts(&b, " AS ");
		lh_buf_sql_ident(&b, s_alias);
		put_text(&b, s, cols_start, cols_end);
		lh_buf_putc(&b, ' ');
		put_text(&b, s, at_start, at_end);
		st = b.status == LH_OK ? materialize(lake, "merge_src", lh_buf_str(&b)) : nomem(lake);
	}
	/* the source's columns, for UPDATE SET * / INSERT * by position */
	char **src_cols = NULL;
	size_t nsrc = 0, ntop = 0;
	for (size_t i = 0; i < t->columns.len; i++)
		ntop += t->columns.items[i].parent < 0;
	if (st == LH_OK) {
		duckdb_result r;
		st = lh_engine_query(lake->engine, "SELECT * FROM __lh.main.merge_src LIMIT 0", &r,
		                     &lake->err);
		if (st == LH_OK) {
			nsrc = duckdb_column_count(&r);
			src_cols = calloc(nsrc + 1, sizeof *src_cols);
			for (size_t i = 0; src_cols && i < nsrc; i++)
				if (!(src_cols[i] = lh_strdup(duckdb_column_name(&r, i))))
					st = nomem(lake);
			if (!src_cols)
				st = nomem(lake);
			duckdb_destroy_result(&r);
		}
	}
	for (size_t i = 0; st == LH_OK && i < ks.len; i++) {
		const clause *k = &ks.items[i];
		bool all = k->action == A_UPDATE_ALL || (k->action == A_INSERT && k->star);
		if (all && !k->by_name && nsrc != ntop)
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "MERGE INTO '%s': %s takes the source's columns by position, but "
			                  "the source has %zu columns and the table %zu; use BY NAME or "
			                  "name the columns",
			                  label, k->action == A_INSERT ? "INSERT *" : "UPDATE SET *", nsrc, ntop);
	}
	if (st == LH_OK) {
		lh_buf_reset(&b);
		lh_buf_puts(&b, "CREATE OR REPLACE VIEW __lh.main.merge_tgt AS SELECT * FROM ");
		st = lh_dml_scan_as(lake, (size_t)ti, "__lh_t", &b);
		if (st == LH_OK)
			st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
			                       : nomem(lake);
	}
	/* every change, decided before any is made: target rows with their clause */
	if (st == LH_OK && (any[M_MATCHED] || any[M_BY_SOURCE])) {
		lh_buf_reset(&b);
		lh_buf_puts(&b, "SELECT * FROM (");
		bool first = true;
		for (int w = M_MATCHED; st == LH_OK && w <= M_BY_SOURCE; w += 2) {
			if (!any[w])
				continue;
			lh_buf_puts(&b, first ? "SELECT " : " UNION ALL SELECT ");
			first = false;
			for (int k = 0; k < 3; k++) {
				static const char *const meta[] = {"__lh_file", "__lh_pos", "__lh_rowid"};
				lh_buf_sql_ident(&b, t_alias);
				lh_buf_printf(&b, ".%s, ", meta[k]);
			}
			clause_number(s, ks.items, ks.len, (when_kind)w, &b);
			lh_buf_puts(&b, " AS __lh_clause");
			st = columns_by_clause(lake, s, t, ks.items, ks.len, (when_kind)w, t_alias, s_alias,
			                       src_cols, &b);
			lh_buf_puts(&b, " FROM __lh.main.merge_tgt AS ");
			lh_buf_sql_ident(&b, t_alias);
			lh_buf_puts(&b, w == M_MATCHED ? " JOIN __lh.main.merge_src AS "
			                               : " WHERE NOT EXISTS (SELECT 1 FROM __lh.main.merge_src AS ");
			lh_buf_sql_ident(&b, s_alias);
			lh_buf_puts(&b, w == M_MATCHED ? " ON (" : " WHERE (");
			put_text(&b, s, on_start, on_end);
			lh_buf_puts(&b, w == M_MATCHED ? ")" : "))");
		}
		lh_buf_puts(&b, ") WHERE __lh_clause > 0");
		st = st == LH_OK && b.status == LH_OK ? materialize(lake, "merged", lh_buf_str(&b))
		                                      : (st == LH_OK ? nomem(lake) : st);
	}
	/* source rows no target row matched, with the clause each takes */
	if (st == LH_OK && any[M_NOT_MATCHED]) {
		lh_buf_reset(&b);
		lh_buf_puts(&b, "SELECT * FROM (SELECT ");
		clause_number(s, ks.items, ks.len, M_NOT_MATCHED, &b);
		lh_buf_puts(&b, " AS __lh_clause");
		st = columns_by_clause(lake, s, t, ks.items, ks.len, M_NOT_MATCHED, t_alias, s_alias,
		                       src_cols, &b);
		lh_buf_puts(&b, " FROM __lh.main.merge_src AS ");
		lh_buf_sql_ident(&b, s_alias);
		lh_buf_puts(&b, " WHERE NOT EXISTS (SELECT 1 FROM __lh.main.merge_tgt AS ");
		lh_buf_sql_ident(&b, t_alias);
		lh_buf_puts(&b, " WHERE (");
		put_text(&b, s, on_start, on_end);
		lh_buf_puts(&b, "))) WHERE __lh_clause > 0");
		st = st == LH_OK && b.status == LH_OK ? materialize(lake, "merge_ins", lh_buf_str(&b))
		                                      : (st == LH_OK ? nomem(lake) : st);
	}
	lh_buf_free(&b);
	/* refusals before any change: a row changed twice, an ERROR clause that fired */
	int64_t n = 0;
	lh_buf_init(&b, 0);
	if (st == LH_OK && (any[M_MATCHED] || any[M_BY_SOURCE])) {
		/* target rows two source rows would update or delete */
		lh_buf_puts(&b, "SELECT count(*) FROM (SELECT __lh_file, __lh_pos FROM "
		                "__lh.main.merged WHERE __lh_clause IN (");
		numbers(ks.items, ks.len, A_UPDATE, A_UPDATE_ALL, &b);
		lh_buf_puts(&b, ", ");
		numbers(ks.items, ks.len, A_DELETE, A_DELETE, &b);
		lh_buf_puts(&b, ") GROUP BY ALL HAVING count(*) > 1)");
		st = b.status == LH_OK ? scalar(lake, lh_buf_str(&b), &n) : nomem(lake);
		if (st == LH_OK && n > 0)
			st = lh_lake_fail(lake, LH_ERR_INVALID,
			                  "MERGE INTO '%s': %lld target rows match more than one source row; "
			                  "a row can be updated or deleted once (make the ON condition "
			                  "match one source row per target row)",
			                  label, (long long)n);
		if (st == LH_OK)
			st = check_errors(lake, s, ks.items, ks.len, "merged", M_MATCHED, label);
	}
	if (st == LH_OK && any[M_NOT_MATCHED])
		st = check_errors(lake, s, ks.items, ks.len, "merge_ins", M_NOT_MATCHED, label);
	/* the changes: updates (new versions, row ids kept), then the old versions and the
	 * deleted rows in one pass (positions of the transaction's own inlined rows shift as
	 * rows go), then inserts */
	int64_t changed = 0;
	if (st == LH_OK && (any[M_MATCHED] || any[M_BY_SOURCE])) {
		lh_buf_reset(&b);
		lh_buf_puts(&b, "CREATE OR REPLACE TABLE __lh.main.updated AS SELECT * EXCLUDE "
		                "(__lh_clause) FROM __lh.main.merged WHERE __lh_clause IN (");
		numbers(ks.items, ks.len, A_UPDATE, A_UPDATE_ALL, &b);
		lh_buf_putc(&b, ')');
		st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
		                       : nomem(lake);
		if (st == LH_OK)
			st = lh_dml_write_versions(lake, (size_t)ti);
		lh_buf_reset(&b);
		lh_buf_puts(&b, "CREATE OR REPLACE TABLE __lh.main.matched AS SELECT __lh_file AS file_id, "
		                "__lh_pos AS pos FROM __lh.main.merged WHERE __lh_clause IN (");
		numbers(ks.items, ks.len, A_UPDATE, A_UPDATE_ALL, &b);
		lh_buf_puts(&b, ", ");
		numbers(ks.items, ks.len, A_DELETE, A_DELETE, &b);
		lh_buf_putc(&b, ')');
		if (st == LH_OK)
			st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
			                       : nomem(lake);
		n = 0;
		if (st == LH_OK)
			st = lh_dml_mark_deleted(lake, (size_t)ti, "__lh.main.matched", &n);
		changed += n;
	}
	if (st == LH_OK && any[M_NOT_MATCHED]) {
		n = 0;
		lh_buf_reset(&b);
		lh_buf_puts(&b, "SELECT * EXCLUDE (__lh_clause) FROM __lh.main.merge_ins WHERE "
		                "__lh_clause IN (");
		numbers(ks.items, ks.len, A_INSERT, A_INSERT, &b);
		lh_buf_putc(&b, ')');
		st = b.status == LH_OK ? lh_inline_insert(lake, (size_t)ti, lh_buf_str(&b), &n)
		                       : nomem(lake);
		changed += n;
	}
	lh_buf_free(&b);
	lh_err ignored = {0};
	lh_engine_exec(lake->engine,
	               "DROP VIEW IF EXISTS __lh.main.merge_tgt; DROP TABLE IF EXISTS "
	               "__lh.main.merge_src; DROP TABLE IF EXISTS __lh.main.merged; DROP TABLE IF "
	               "EXISTS __lh.main.merge_ins",
	               &ignored);
	lh_err_clear(&ignored);
	if (st != LH_OK && !lh_str_starts_with(lh_lake_error(lake), "MERGE") &&
	    !lh_str_starts_with(lh_lake_error(lake), "NOT NULL") && label)
		lh_err_prefix(&lake->err, "MERGE INTO '%s': ", label);
	for (size_t i = 0; i < ks.len; i++)
		clause_free(&ks.items[i]);
	LH_VEC_FREE(&ks);
	for (size_t i = 0; src_cols && i < nsrc; i++)
		free(src_cols[i]);
	free(src_cols);
	free(t_alias);
	free(s_alias);
	free(label);
	if (st == LH_OK)
		*out_count = changed;
	return st;
}

lh_status lh_dml_merge(lh_lake *lake, lh_stmt *s, lh_cursor *c, int64_t *out_count)
{
	merge_args a = {s, c};
	return lh_txn_run(lake, merge_fn, &a, out_count);
}
