/*
 * registry/registry.c - experiments and simulation runs (lh_experiment_*, lh_run_* in
 * lakehouse.h): who produced what, as ordinary lake tables in schema `registry`.
 *
 * Layer: services, through the public SQL API and lake/services.h. Every change is one
 * lh_lake_atomic transaction: its checks (the experiment exists, the run is still
 * started) are made inside it, and a commit that meets a concurrent one starts again on
 * the new state, so two writers never both move a run out of `started`. An experiment id
 * is claimed as a writer job of registry.experiments (catalog/jobs.h), whose primary key
 * makes two racing creators end with one experiment. Run ids are UUIDv7. Each change
 * writes its event to the outbox (events/outbox.h) in the same snapshot.
 */
#include "events/outbox.h"
#include "registry/registry_int.h"
#include "lake/services.h"
#include "util/err.h"
#include "util/uuid.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* --- the tables -------------------------------------------------------------------- */

typedef struct column {
	const char *name, *type;
} column;

static const column experiments_cols[] = {{"experiment_id", "VARCHAR NOT NULL"},
                                          {"project", "VARCHAR NOT NULL"},
                                          {"description", "VARCHAR"},
                                          {"status", "VARCHAR NOT NULL"},
                                          {"created_at", "TIMESTAMP WITH TIME ZONE NOT NULL"},
                                          {"completed_at", "TIMESTAMP WITH TIME ZONE"}};
static const column runs_cols[] = {{"run_id", "VARCHAR NOT NULL"},
                                   {"experiment_id", "VARCHAR NOT NULL"},
                                   {"sim_index", "BIGINT NOT NULL"},
                                   {"config", "JSON NOT NULL"},
                                   {"status", "VARCHAR NOT NULL"},
                                   {"s3_prefix", "VARCHAR"},
                                   {"started_at", "TIMESTAMP WITH TIME ZONE NOT NULL"},
                                   {"completed_at", "TIMESTAMP WITH TIME ZONE"},
                                   {"reason", "VARCHAR"}};
static const column metrics_cols[] = {{"run_id", "VARCHAR NOT NULL"},
                                      {"step", "BIGINT NOT NULL"},
                                      {"key", "VARCHAR NOT NULL"},
                                      {"value", "DOUBLE NOT NULL"},
                                      {"logged_at", "TIMESTAMP WITH TIME ZONE NOT NULL"}};

static const column versions_cols[] = {{"name", "VARCHAR NOT NULL"},
                                       {"kind", "VARCHAR NOT NULL"},
                                       {"version", "BIGINT NOT NULL"},
                                       {"uri", "VARCHAR NOT NULL"},
                                       {"files", "BIGINT NOT NULL"},
                                       {"bytes", "BIGINT NOT NULL"},
                                       {"meta", "JSON NOT NULL"},
                                       {"manifest_uri", "VARCHAR NOT NULL"},
                                       {"created_at", "TIMESTAMP WITH TIME ZONE NOT NULL"}};
static const column files_cols[] = {{"name", "VARCHAR NOT NULL"},   {"version", "BIGINT NOT NULL"},
                                    {"path", "VARCHAR NOT NULL"},   {"size", "BIGINT NOT NULL"},
                                    {"sha256", "VARCHAR NOT NULL"}, {"etag", "VARCHAR NOT NULL"},
                                    {"uri", "VARCHAR NOT NULL"}};

static const column reports_cols[] = {{"event_id", "VARCHAR NOT NULL"},
                                      {"table_name", "VARCHAR NOT NULL"},
                                      {"data_snapshot", "BIGINT NOT NULL"},
                                      {"status", "VARCHAR NOT NULL"},
                                      {"rows", "BIGINT"},
                                      {"problems", "JSON NOT NULL"},
                                      {"profile", "JSON"},
                                      {"checked_at", "TIMESTAMP WITH TIME ZONE NOT NULL"}};

typedef struct table_def {
	const char *name;
	const column *cols;
	size_t ncols;
} table_def;

#define NCOLS(a) (sizeof a / sizeof a[0])
static const table_def tables[] = {{"experiments", experiments_cols, NCOLS(experiments_cols)},
                                   {"simulation_runs", runs_cols, NCOLS(runs_cols)},
                                   {"metrics", metrics_cols, NCOLS(metrics_cols)},
                                   {"artifact_versions", versions_cols, NCOLS(versions_cols)},
                                   {"artifact_files", files_cols, NCOLS(files_cols)},
                                   {"quality_reports", reports_cols, NCOLS(reports_cols)}};
enum { T_EXPERIMENTS, T_RUNS, T_METRICS, T_VERSIONS, T_FILES, T_REPORTS, T_COUNT };

/* CREATE TABLE's column list, or (empty) a typed source with no rows standing in for a
 * table not made yet. */
static void column_list(lh_buf *b, const table_def *t, bool empty)
{
	lh_buf_puts(b, empty ? "(SELECT " : " (");
	for (size_t i = 0; i < t->ncols; i++) {
		const char *type = t->cols[i].type, *nn = strstr(type, " NOT NULL");
		if (empty)
			lh_buf_printf(b, "%sNULL::%.*s AS \"%s\"", i ? ", " : "",
			              (int)(nn ? (size_t)(nn - type) : strlen(type)), type,
			              t->cols[i].name);
		else
			lh_buf_printf(b, "%s\"%s\" %s", i ? ", " : "", t->cols[i].name, type);
	}
	lh_buf_puts(b, empty ? " LIMIT 0)" : ")");
}

static lh_status make_tables(lh_lake *lake, void *arg)
{
	(void)arg;
	lh_buf b;
	lh_buf_init(&b, 0);
	lh_buf_puts(&b, "CREATE SCHEMA IF NOT EXISTS registry");
	for (size_t i = 0; i < NCOLS(tables); i++) {
		lh_buf_printf(&b, "; CREATE TABLE IF NOT EXISTS registry.%s", tables[i].name);
		column_list(&b, &tables[i], false);
	}
	lh_status st = b.status == LH_OK
	                       ? lh_lake_exec(lake, lh_buf_str(&b), NULL, NULL)
	                       : lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	lh_buf_free(&b);
	return st;
}

static lh_status have_tables(lh_lake *lake, bool *out)
{
	*out = true;
	lh_status st = LH_OK;
	for (size_t i = 0; st == LH_OK && *out && i < NCOLS(tables); i++)
		st = lh_lake_has_table(lake, "registry", tables[i].name, out);
	return st;
}

typedef struct change {
	lh_atomic_fn fn;
	void *arg;
	bool make; /* the lake lacks a registry table: make them first, in the same snapshot */
} change;

static lh_status change_body(lh_lake *lake, void *arg)
{
	change *c = arg;
	lh_status st = c->make ? make_tables(lake, NULL) : LH_OK;
	return st == LH_OK ? c->fn(lake, c->arg) : st;
}

lh_status lh_registry_change(lh_lake *lake, lh_atomic_fn fn, void *arg, const lh_claim *claim,
                             int64_t *out_snapshot)
{
	bool have = false;
	lh_status st = have_tables(lake, &have);
	change c = {fn, arg, !have};
	return st == LH_OK ? lh_lake_atomic(lake, change_body, &c, claim, out_snapshot) : st;
}

/* --- small helpers ----------------------------------------------------------------- */

lh_value lh_registry_text(const char *s)
{
	return s ? (lh_value){.type = LH_VALUE_TEXT, .data = s, .len = strlen(s)}
	         : (lh_value){.type = LH_VALUE_NULL};
}

lh_value lh_registry_int(int64_t i)
{
	return (lh_value){.type = LH_VALUE_INT64, .i = i};
}

lh_status lh_registry_fail(lh_lake *lake, lh_status code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lh_status st = lh_err_setv(lh_lake_err(lake), code, fmt, ap);
	va_end(ap);
	return st;
}

/* The first row of a query, its ncol values as text (NULL for SQL NULL; the caller
 * frees them); *found false when it has no row. */
lh_status lh_registry_row(lh_lake *lake, const char *sql, const lh_value *p, size_t np, size_t ncol,
                          char **out, bool *found)
{
	*found = false;
	lh_render was = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_result *r = NULL;
	size_t n = 0;
	lh_status st = lh_lake_query_params(lake, sql, p, np, &r);
	if (st == LH_OK)
		st = lh_result_next_batch(r, &n);
	for (size_t c = 0; st == LH_OK && n > 0 && c < ncol; c++) {
		const char *v = lh_result_text(r, c, 0);
		if (v && !(out[c] = lh_strdup(v)))
			st = lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	}
	*found = st == LH_OK && n > 0;
	lh_result_destroy(&r);
	lh_lake_swap_render(lake, was);
	return st;
}

void lh_registry_row_free(char **row, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(row[i]);
		row[i] = NULL;
	}
}

bool lh_registry_id_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	/* not "." or "..", nor hidden: a name becomes a folder of the data path */
	if (n == 0 || n > 128 || s[0] == '.' || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(('a' <= s[i] && s[i] <= 'z') || ('A' <= s[i] && s[i] <= 'Z') ||
		      ('0' <= s[i] && s[i] <= '9') || s[i] == '_' || s[i] == '.' || s[i] == '-'))
			return false;
	return true;
}

/* Text a person typed for a name: 1 to max bytes without control characters. */
bool lh_registry_label_ok(const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

/* Appends the event of a change; takes `payload`. */
lh_status lh_registry_emit(lh_lake *lake, const char *subject, json_t *payload)
{
	lh_status st = payload ? lh_outbox_append(lake, subject, payload)
	                       : lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	json_decref(payload);
	return st;
}

/* --- experiments ------------------------------------------------------------------- */

typedef struct exp_args {
	const char *id, *project, *description;
	bool found; /* the experiment was there when the body looked */
} exp_args;

static lh_status create_body(lh_lake *lake, void *arg)
{
	exp_args *a = arg;
	lh_value v[3] = {lh_registry_text(a->id), lh_registry_text(a->project),
	                 lh_registry_text(a->description)};
	char *row[1] = {0};
	bool found = false;
	lh_status st = lh_registry_row(
	        lake, "SELECT created_at FROM registry.experiments WHERE experiment_id = ?", v, 1,
	        1, row, &found);
	a->found = st == LH_OK && found;
	if (a->found)
		st = lh_registry_fail(lake, LH_ERR_EXISTS,
		                      "experiment '%s' exists already (created %s); pick "
		                      "another id",
		                      a->id, row[0] ? row[0] : "?");
	lh_registry_row_free(row, 1);
	if (st == LH_OK)
		st = lh_lake_exec_params(lake,
		                         "INSERT INTO registry.experiments VALUES (?, ?, ?, "
		                         "'active', now(), NULL)",
		                         v, 3, NULL, NULL);
	return st;
}

lh_status lh_experiment_create(lh_lake *lake, const char *experiment_id, const char *project,
                               const char *description)
{
	if (!lake)
		return LH_ERR_INVALID;
	lh_err_clear(lh_lake_err(lake));
	if (!lh_registry_id_ok(experiment_id))
		return lh_registry_fail(lake, LH_ERR_INVALID,
		                        "experiment id '%.200s' is not valid: use 1 to 128 "
		                        "of A-Z a-z 0-9 _ . -, starting with a letter, digit or _",
		                        experiment_id ? experiment_id : "");
	if (!lh_registry_label_ok(project, 200))
		return lh_registry_fail(lake, LH_ERR_INVALID,
		                        "project '%.200s' is not valid: give 1 to 200 "
		                        "characters without control characters",
		                        project ? project : "");
	exp_args a = {experiment_id, project, description, false};
	int64_t snap;
	lh_status st = lh_registry_change(
	        lake, create_body, &a, &(lh_claim){.table = "registry.experiments", .key = experiment_id},
	        &snap);
	/* not seen by the body, refused by the claim: a writer racing this one won */
	if (st == LH_ERR_EXISTS && !a.found)
		st = lh_registry_fail(lake, st,
		                      "experiment '%s' exists already (another writer created it "
		                      "meanwhile)",
		                      experiment_id);
	return st;
}

/* The experiment's status (caller frees); LH_ERR_NOT_FOUND, with no message (the caller
 * says what to do), when it is not registered. */
static lh_status experiment_status(lh_lake *lake, const char *id, char **out)
{
	lh_value v[1] = {lh_registry_text(id)};
	bool found = false;
	lh_status st = lh_registry_row(
	        lake, "SELECT status FROM registry.experiments WHERE experiment_id = ?", v, 1, 1,
	        out, &found);
	return st == LH_OK && !found ? LH_ERR_NOT_FOUND : st;
}

static lh_status complete_body(lh_lake *lake, void *arg)
{
	const char *id = arg;
	lh_value v[1] = {lh_registry_text(id)};
	char *row[3] = {0};
	bool found = false;
	lh_status st = experiment_status(lake, id, &row[0]);
	if (st == LH_ERR_NOT_FOUND)
		st = lh_registry_fail(lake, st,
		                      "experiment '%s' is not registered (`lakehouse "
		                      "experiment list` shows them)",
		                      id);
	if (st == LH_OK && row[0] && strcmp(row[0], "active") != 0)
		st = lh_registry_fail(lake, LH_ERR_INVALID, "experiment '%s' is %s already", id,
		                      row[0]);
	lh_registry_row_free(row, 1);
	if (st == LH_OK)
		st = lh_registry_row(
		        lake,
		        "SELECT count(*), count(*) FILTER (WHERE status <> 'completed'), "
		        "string_agg(printf('sim %d (%s)', sim_index, status), ', ' ORDER BY "
		        "sim_index) FILTER (WHERE status <> 'completed') FROM "
		        "registry.simulation_runs WHERE experiment_id = ?",
		        v, 1, 3, row, &found);
	if (st == LH_OK && row[0] && !strcmp(row[0], "0"))
		st = lh_registry_fail(lake, LH_ERR_INVALID,
		                      "experiment '%s' has no runs: nothing to complete "
		                      "(`lakehouse run start %s --sim-index 0` starts one)",
		                      id, id);
	else if (st == LH_OK && row[1] && strcmp(row[1], "0") != 0)
		st = lh_registry_fail(lake, LH_ERR_INVALID,
		                      "experiment '%s' cannot complete: these runs have not "
		                      "completed: %.400s",
		                      id, row[2] ? row[2] : "?");
	json_t *ev = st == LH_OK ? json_pack("{s:s, s:I}", "experiment_id", id, "runs",
	                                     (json_int_t)strtoll(row[0] ? row[0] : "0", NULL, 10))
	                         : NULL;
	lh_registry_row_free(row, 3);
	if (st == LH_OK)
		st = lh_lake_exec_params(lake,
		                         "UPDATE registry.experiments SET status = 'completed', "
		                         "completed_at = now() WHERE experiment_id = ?",
		                         v, 1, NULL, NULL);
	if (st == LH_OK)
		return lh_registry_emit(lake, LH_EV_EXPERIMENT_COMPLETED, ev);
	json_decref(ev);
	return st;
}

lh_status lh_experiment_complete(lh_lake *lake, const char *experiment_id)
{
	if (!lake || !experiment_id)
		return LH_ERR_INVALID;
	lh_err_clear(lh_lake_err(lake));
	int64_t snap;
	return lh_registry_change(lake, complete_body, (void *)experiment_id, NULL, &snap);
}

/* --- runs -------------------------------------------------------------------------- */

typedef struct start_args {
	const char *experiment, *s3_prefix;
	int64_t sim_index;
	json_t *config;
	char run_id[LH_UUID_LEN + 1];
} start_args;

static lh_status start_body(lh_lake *lake, void *arg)
{
	start_args *a = arg;
	char *row[1] = {0};
	lh_status st = experiment_status(lake, a->experiment, &row[0]);
	if (st == LH_ERR_NOT_FOUND)
		st = lh_registry_fail(lake, st,
		                      "experiment '%s' is not registered: create it first "
		                      "(lakehouse experiment create %s --project P)",
		                      a->experiment, a->experiment);
	if (st == LH_OK && row[0] && strcmp(row[0], "active") != 0)
		st = lh_registry_fail(lake, LH_ERR_INVALID,
		                      "experiment '%s' is %s: it takes no new runs", a->experiment,
		                      row[0]);
	lh_registry_row_free(row, 1);
	char *config = st == LH_OK ? json_dumps(a->config, JSON_COMPACT) : NULL;
	if (st == LH_OK && !config)
		st = lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK)
		st = lh_uuid_v7(a->run_id);
	lh_value v[5] = {lh_registry_text(a->run_id), lh_registry_text(a->experiment),
	                 lh_registry_int(a->sim_index), lh_registry_text(config),
	                 lh_registry_text(a->s3_prefix)};
	if (st == LH_OK)
		st = lh_lake_exec_params(lake,
		                         "INSERT INTO registry.simulation_runs VALUES (?, ?, ?, "
		                         "?::JSON, 'started', ?, now(), NULL, NULL)",
		                         v, 5, NULL, NULL);
	free(config);
	if (st == LH_OK)
		st = lh_registry_emit(lake, LH_EV_SIM_STARTED,
		                      json_pack("{s:s, s:s, s:I, s:O, s:s?}", "run_id", a->run_id,
		                                "experiment_id", a->experiment, "sim_index",
		                                (json_int_t)a->sim_index, "config", a->config,
		                                "s3_prefix", a->s3_prefix));
	return st;
}

lh_status lh_run_start(lh_lake *lake, const char *experiment_id, int64_t sim_index,
                       const char *config_json, const char *s3_prefix, char **out_run_id)
{
	if (!lake || !out_run_id)
		return LH_ERR_INVALID;
	*out_run_id = NULL;
	lh_err_clear(lh_lake_err(lake));
	if (!lh_registry_id_ok(experiment_id))
		return lh_registry_fail(lake, LH_ERR_INVALID,
		                        "experiment id '%.200s' is not valid: use 1 to 128 "
		                        "of A-Z a-z 0-9 _ . -, starting with a letter, digit or _",
		                        experiment_id ? experiment_id : "");
	if (sim_index < 0)
		return lh_registry_fail(lake, LH_ERR_INVALID, "sim index must be 0 or more");
	if (s3_prefix && !lh_registry_label_ok(s3_prefix, 1024))
		return lh_registry_fail(lake, LH_ERR_INVALID,
		                        "s3 prefix '%.200s' is not valid: give 1 to 1024 "
		                        "characters without control characters",
		                        s3_prefix);
	json_error_t jerr;
	start_args a = {
	        .experiment = experiment_id, .s3_prefix = s3_prefix, .sim_index = sim_index};
	a.config = json_loads(config_json ? config_json : "{}", JSON_REJECT_DUPLICATES, &jerr);
	if (!a.config)
		return lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
		                  "config is not JSON: %s (line %d, column %d)", jerr.text,
		                  jerr.line, jerr.column);
	int64_t snap;
	lh_status st =
	        json_is_object(a.config)
	                ? lh_registry_change(lake, start_body, &a, NULL, &snap)
	                : lh_registry_fail(lake, LH_ERR_INVALID,
	                                   "config must be a JSON object ({\"model\": "
	                                   "\"...\"}), not %s",
	                                   json_is_array(a.config) ? "an array" : "a scalar");
	json_decref(a.config);
	if (st == LH_OK && !(*out_run_id = lh_strdup(a.run_id)))
		st = lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	return st;
}

/* The run's status, experiment and sim index (row[0..2]); LH_ERR_NOT_FOUND when unknown. */
static lh_status run_row(lh_lake *lake, const char *run_id, char **row)
{
	lh_value v[1] = {lh_registry_text(run_id)};
	bool found = false;
	lh_status st = lh_registry_row(lake,
	                               "SELECT status, experiment_id, sim_index, "
	                               "(SELECT max(step) FROM registry.metrics WHERE run_id = ?1) "
	                               "FROM registry.simulation_runs WHERE run_id = ?1",
	                               v, 1, 4, row, &found);
	if (st == LH_OK && !found)
		st = lh_registry_fail(lake, LH_ERR_NOT_FOUND,
		                      "run '%.80s' is not registered (`lakehouse run list` "
		                      "shows the runs)",
		                      run_id);
	return st;
}

typedef struct finish_args {
	const char *run_id, *reason;
	bool failed;
} finish_args;

static lh_status finish_body(lh_lake *lake, void *arg)
{
	finish_args *a = arg;
	char *row[4] = {0};
	lh_status st = run_row(lake, a->run_id, row);
	if (st == LH_OK && row[0] && strcmp(row[0], "started") != 0)
		st = lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
		                "run '%s' is %s: only a started run can be %s", a->run_id, row[0],
		                a->failed ? "failed" : "completed");
	lh_value v[3] = {lh_registry_text(a->failed ? "failed" : "completed"),
	                 lh_registry_text(a->reason), lh_registry_text(a->run_id)};
	if (st == LH_OK)
		st = lh_lake_exec_params(lake,
		                         "UPDATE registry.simulation_runs SET status = ?, "
		                         "completed_at = now(), reason = ? WHERE run_id = ?",
		                         v, 3, NULL, NULL);
	if (st == LH_OK)
		st = lh_registry_emit(
		        lake, a->failed ? LH_EV_SIM_FAILED : LH_EV_SIM_COMPLETED,
		        json_pack("{s:s, s:s?, s:I, s:s?}", "run_id", a->run_id, "experiment_id",
		                  row[1], "sim_index",
		                  (json_int_t)strtoll(row[2] ? row[2] : "0", NULL, 10), "reason",
		                  a->reason));
	lh_registry_row_free(row, 4);
	return st;
}

static lh_status finish(lh_lake *lake, const char *run_id, bool failed, const char *reason)
{
	if (!lake || !run_id)
		return LH_ERR_INVALID;
	lh_err_clear(lh_lake_err(lake));
	if (reason && !*reason)
		reason = NULL;
	finish_args a = {run_id, reason, failed};
	int64_t snap;
	return lh_registry_change(lake, finish_body, &a, NULL, &snap);
}

lh_status lh_run_complete(lh_lake *lake, const char *run_id)
{
	return finish(lake, run_id, false, NULL);
}

lh_status lh_run_fail(lh_lake *lake, const char *run_id, const char *reason)
{
	return finish(lake, run_id, true, reason);
}

typedef struct log_args {
	const char *run_id;
	const char *const *keys;
	const double *values;
	size_t n;
	int64_t step;
} log_args;

static lh_status log_body(lh_lake *lake, void *arg)
{
	log_args *a = arg;
	char *row[4] = {0};
	lh_status st = run_row(lake, a->run_id, row);
	int64_t last = row[3] ? strtoll(row[3], NULL, 10) : -1;
	int64_t step = a->step >= 0 ? a->step : last < INT64_MAX ? last + 1 : last;
	if (st == LH_OK && a->step < 0 && last == INT64_MAX)
		st = lh_registry_fail(lake, LH_ERR_INVALID, "run '%s' has logged step %lld, the "
		                      "largest there is: give --step", a->run_id, (long long)last);
	lh_registry_row_free(row, 4);
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "INSERT INTO registry.metrics VALUES ");
	lh_value *v = calloc(a->n * 2 + 2, sizeof *v);
	if (st == LH_OK && !v)
		st = lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; st == LH_OK && i < a->n; i++) {
		lh_buf_printf(&q, "%s(?1, ?2, ?%zu, ?%zu, now())", i ? ", " : "", 3 + 2 * i,
		              4 + 2 * i);
		v[2 + 2 * i] = lh_registry_text(a->keys[i]);
		v[3 + 2 * i] = (lh_value){.type = LH_VALUE_DOUBLE, .d = a->values[i]};
	}
	if (st == LH_OK && q.status != LH_OK)
		st = lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	if (st == LH_OK) {
		v[0] = lh_registry_text(a->run_id);
		v[1] = lh_registry_int(step);
		st = lh_lake_exec_params(lake, lh_buf_str(&q), v, a->n * 2 + 2, NULL, NULL);
	}
	free(v);
	lh_buf_free(&q);
	if (st == LH_OK)
		a->step = step;
	return st;
}

lh_status lh_run_log(lh_lake *lake, const char *run_id, int64_t step, const char *const *keys,
                     const double *values, size_t n, int64_t *out_step)
{
	if (!lake || !run_id || (n && (!keys || !values)))
		return LH_ERR_INVALID;
	lh_err_clear(lh_lake_err(lake));
	if (n == 0)
		return lh_registry_fail(lake, LH_ERR_INVALID,
		                        "no metrics to log: give KEY=VALUE pairs");
	for (size_t i = 0; i < n; i++) {
		if (!lh_registry_label_ok(keys[i], 200) || strchr(keys[i], '='))
			return lh_registry_fail(lake, LH_ERR_INVALID,
			                        "metric name '%.200s' is not valid: give 1 to 200 "
			                        "characters, no '=' or control characters",
			                        keys[i] ? keys[i] : "");
		if (!isfinite(values[i]))
			return lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
			                  "metric '%s' is %g: only finite numbers are recorded",
			                  keys[i], values[i]);
	}
	log_args a = {run_id, keys, values, n, step};
	int64_t snap;
	lh_status st = lh_registry_change(lake, log_body, &a, NULL, &snap);
	if (st == LH_OK && out_step)
		*out_step = a.step;
	return st;
}

/* --- reading ----------------------------------------------------------------------- */

/* One experiment or one run asked for by id that is not there is an error, not an
 * empty answer. */
static lh_status check_exists(lh_lake *lake, lh_registry_view view, const char *id, bool have)
{
	const char *sql = "SELECT 1 FROM registry.experiments WHERE experiment_id = ?",
	           *what = "experiment '%.128s' is not registered (`lakehouse experiment list` "
	                   "shows them)";
	if (view == LH_REGISTRY_RUN) {
		sql = "SELECT 1 FROM registry.simulation_runs WHERE run_id = ?";
		what = "run '%.128s' is not registered (`lakehouse run list` shows the runs)";
	} else if (view == LH_REGISTRY_VERSIONS || view == LH_REGISTRY_VERSION_FILES) {
		sql = "SELECT 1 FROM registry.artifact_versions WHERE name = ?";
		what = "'%.128s' has no versions (`lakehouse version list` shows the names)";
	}
	lh_value v[1] = {lh_registry_text(id)};
	char *row[1] = {0};
	bool found = false;
	lh_status st = have ? lh_registry_row(lake, sql, v, 1, 1, row, &found) : LH_OK;
	lh_registry_row_free(row, 1);
	if (st == LH_OK && !found)
		st = lh_err_set(lh_lake_err(lake), LH_ERR_NOT_FOUND, what, id);
	return st;
}

lh_status lh_registry_exists(lh_lake *lake, lh_registry_view view, const char *id)
{
	bool have = false;
	lh_status st = have_tables(lake, &have);
	return st == LH_OK ? check_exists(lake, view, id, have) : st;
}

lh_status lh_registry_query(lh_lake *lake, lh_registry_view view, const char *id,
                            lh_result **out_result)
{
	if (!lake || !out_result || view < LH_REGISTRY_EXPERIMENTS ||
	    view > LH_REGISTRY_VERSION_FILES || (view == LH_REGISTRY_RUN && !id))
		return LH_ERR_INVALID;
	*out_result = NULL;
	lh_err_clear(lh_lake_err(lake));
	bool have = false;
	lh_status st = have_tables(lake, &have);
	if (st == LH_OK && id && view != LH_REGISTRY_RUNS && view != LH_REGISTRY_METRICS)
		st = check_exists(lake, view, id, have);
	if (st != LH_OK)
		return st;
	/* each table, or a stand-in with its columns and no rows */
	lh_buf src[T_COUNT];
	for (size_t i = 0; i < T_COUNT; i++) {
		lh_buf_init(&src[i], 0);
		if (have)
			lh_buf_printf(&src[i], "registry.%s", tables[i].name);
		else
			column_list(&src[i], &tables[i], true);
	}
	lh_buf q;
	lh_buf_init(&q, 0);
	if (view == LH_REGISTRY_EXPERIMENTS)
		lh_buf_printf(
		        &q,
		        "SELECT e.experiment_id, e.project, e.description, e.status, "
		        "count(r.run_id) AS runs, count(r.run_id) FILTER (WHERE r.status = "
		        "'started') AS started, count(r.run_id) FILTER (WHERE r.status = "
		        "'completed') AS completed, count(r.run_id) FILTER (WHERE r.status = "
		        "'failed') AS failed, e.created_at, e.completed_at FROM %s e LEFT JOIN "
		        "%s r USING (experiment_id)%s GROUP BY ALL ORDER BY e.created_at, "
		        "e.experiment_id",
		        lh_buf_str(&src[T_EXPERIMENTS]), lh_buf_str(&src[T_RUNS]),
		        id ? " WHERE e.experiment_id = ?" : "");
	else if (view == LH_REGISTRY_METRICS)
		lh_buf_printf(&q,
		              "SELECT run_id, step, \"key\", value, logged_at FROM %s%s ORDER BY "
		              "run_id, step, \"key\", logged_at",
		              lh_buf_str(&src[T_METRICS]), id ? " WHERE run_id = ?" : "");
	else if (view == LH_REGISTRY_VERSIONS)
		lh_buf_printf(&q,
		              "SELECT name, kind, version, files, bytes, meta, uri, manifest_uri, "
		              "created_at FROM %s%s ORDER BY name, version",
		              lh_buf_str(&src[T_VERSIONS]), id ? " WHERE name = ?" : "");
	else if (view == LH_REGISTRY_VERSION_FILES)
		lh_buf_printf(&q,
		              "SELECT name, version, path, size, sha256, etag, uri FROM %s%s "
		              "ORDER BY name, version, path",
		              lh_buf_str(&src[T_FILES]), id ? " WHERE name = ?" : "");
	else
		lh_buf_printf(&q,
		              "SELECT run_id, experiment_id, sim_index, status, config, s3_prefix, "
		              "started_at, completed_at, reason FROM %s%s ORDER BY experiment_id, "
		              "sim_index, started_at, run_id",
		              lh_buf_str(&src[T_RUNS]),
		              !id                       ? ""
		              : view == LH_REGISTRY_RUN ? " WHERE run_id = ?"
		                                        : " WHERE experiment_id = ?");
	lh_value v[1] = {lh_registry_text(id)};
	st = q.status == LH_OK
	             ? lh_lake_query_params(lake, lh_buf_str(&q), v, id ? 1 : 0, out_result)
	             : lh_err_set(lh_lake_err(lake), LH_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < T_COUNT; i++)
		lh_buf_free(&src[i]);
	lh_buf_free(&q);
	return st;
}
