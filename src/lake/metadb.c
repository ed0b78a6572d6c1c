/*
 * lake/metadb.c - the lake's catalog as a DuckDB database of the session.
 *
 * Layer: lake. DuckDB's ducklake extension attaches the catalog database itself, named
 * __ducklake_metadata_<lake> (or ATTACH's METADATA_CATALOG), so scripts read it:
 * `FROM __ducklake_metadata_lake.ducklake_data_file`. Here a backend holds the catalog
 * (SQLite, PostgreSQL, a DuckDB file under our lock), not the session's DuckDB. A
 * statement that names that database gets, just before it runs, a copy of every catalog
 * table as committed at that moment, typed as DuckLake's spec has them, in a DuckDB file
 * attached READ_ONLY under that name: DuckDB itself refuses a write to it, so nothing
 * written there is lost silently. The file is unlinked once attached (DuckDB keeps it
 * open), so no crash leaves it behind.
 */
#include "lake/lake_int.h"
#include "catalog/schema.h"
#include "util/fsutil.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

lh_status lh_metadb_name(lh_lake *lake, const char *metadata_catalog)
{
	free(lake->meta_name);
	lake->meta_name = metadata_catalog ? lh_strdup(metadata_catalog)
	                                   : lh_asprintf("__ducklake_metadata_%s", lake->name);
	lake->meta_detached = false;
	return lake->meta_name ? LH_OK : nomem(lake);
}

/* Whether token i of the statement is the identifier `name` (a word, or "name"). */
static bool tok_is(const lh_stmt *s, size_t i, const char *name)
{
	const lh_tok *t = &s->toks.v.items[i];
	size_t n = strlen(name);
	if (t->type == LH_TOK_QIDENT)
		return (size_t)(t->end - t->start) == n + 2 && strncmp(s->text + t->start + 1, name, n) == 0;
	return t->type == LH_TOK_WORD && lh_cur_is(&(lh_cursor){.t = &s->toks, .i = i}, 0, name);
}

bool lh_metadb_named(const lh_lake *lake, const lh_stmt *s)
{
	for (size_t i = 0; lake->meta_name && i < s->toks.v.len; i++)
		if (tok_is(s, i, lake->meta_name))
			return true;
	return false;
}

/* "CREATE TABLE <db>.main.<t> (...); INSERT INTO ... SELECT CAST(r[k] AS type), ..." */
static void append_table(lh_buf *b, const char *db, const char *table, const lh_rows *rows,
                         const char *const *types)
{
	lh_buf_printf(b, "CREATE TABLE %s.main.", db);
	lh_buf_sql_ident(b, table);
	lh_buf_putc(b, '(');
	for (size_t k = 0; k < rows->ncols; k++) {
		lh_buf_puts(b, k ? ", " : "");
		if (rows->names && rows->names[k])
			lh_buf_sql_ident(b, rows->names[k]);
		else
			lh_buf_printf(b, "column%zu", k);
		lh_buf_printf(b, " %s", types[k]);
	}
	lh_buf_puts(b, ");\n");
	if (rows->nrows == 0)
		return;
	lh_buf_printf(b, "INSERT INTO %s.main.", db);
	lh_buf_sql_ident(b, table);
	lh_buf_puts(b, " SELECT ");
	for (size_t k = 0; k < rows->ncols; k++)
		lh_buf_printf(b, "%sCAST(r[%zu] AS %s)", k ? ", " : "", k + 1, types[k]);
	lh_buf_puts(b, " FROM ");
	lh_buf_json_rows(b, (const char *const *)rows->cells, rows->nrows, rows->ncols, false);
	lh_buf_puts(b, " __r;\n");
}

lh_status lh_metadb_refresh(lh_lake *lake)
{
	if (lake->meta_detached)
		return lh_lake_fail(lake, LH_ERR_NOT_FOUND,
		                    "Catalog \"%s\" does not exist! (it was detached from this session: "
		                    "DETACH %s and ATTACH it again)",
		                    lake->meta_name, lake->name);
	lh_catalog_copy copy;
	lh_err err = {0};
	lh_status st = lh_catalog_copy_read(lake->cat, &copy, &err);
	if (st != LH_OK) {
		st = lh_lake_fail(lake, st, "reading the catalog of '%s': %s", lake->name, lh_err_msg(&err));
		lh_err_clear(&err);
		return st;
	}
	char *dir = NULL, *file = NULL;
	st = lh_temp_dir("lakehouse-catalog", "the catalog copy", &dir, &lake->err);
	if (st == LH_OK && !(file = lh_asprintf("%s/catalog.duckdb", dir)))
		st = nomem(lake);
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "DETACH DATABASE IF EXISTS ");
	lh_buf_sql_ident(&b, lake->meta_name);
	lh_buf_puts(&b, "; ATTACH ");
	lh_buf_sql_str(&b, file ? file : "");
	lh_buf_puts(&b, " AS __lh_catalog_copy;\n");
	for (size_t i = 0; i < copy.n; i++)
		append_table(&b, "__lh_catalog_copy", copy.names[i], copy.rows[i], copy.types[i]);
	lh_buf_puts(&b, "DETACH __lh_catalog_copy; ATTACH ");
	lh_buf_sql_str(&b, file ? file : "");
	lh_buf_puts(&b, " AS ");
	lh_buf_sql_ident(&b, lake->meta_name);
	lh_buf_puts(&b, " (READ_ONLY)");
	if (st == LH_OK)
		st = b.status == LH_OK ? lh_engine_exec(lake->engine, lh_buf_str(&b), &lake->err)
		                       : nomem(lake);
	if (st != LH_OK) {
		lh_err e = {0};
		lh_engine_exec(lake->engine, "DETACH DATABASE IF EXISTS __lh_catalog_copy", &e);
		lh_err_clear(&e);
		if (lake->err.msg)
			lh_err_prefix(&lake->err, "copying the catalog of '%s': ", lake->name);
	}
	lh_buf_free(&b);
	lh_catalog_copy_free(&copy);
	if (file) {
		unlink(file);
		char *wal = lh_asprintf("%s.wal", file);
		if (wal)
			unlink(wal);
		free(wal);
	}
	if (dir)
		rmdir(dir);
	free(file);
	free(dir);
	return st;
}

lh_status lh_metadb_detach(lh_lake *lake, bool by_user)
{
	if (!lake->meta_name)
		return LH_OK;
	lh_status st = lh_engine_exec_named(lake->engine, "DETACH DATABASE IF EXISTS", lake->meta_name,
	                                    &lake->err);
	if (by_user) {
		lake->meta_detached = true;
	} else {
		free(lake->meta_name);
		lake->meta_name = NULL;
	}
	return st;
}
