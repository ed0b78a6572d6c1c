/*
 * tools/registry.c - the registry's tools: experiment_create, experiment_list,
 * experiment_show, experiment_complete, run_start, run_log, run_complete, run_fail,
 * run_list (the `lakehouse experiment` and `lakehouse run` commands, for agents and the
 * HTTP API). Each calls the C API in registry/registry.c.
 *
 * Layer: tools. A tenant whose policy lists allowed_tables needs registry.experiments
 * (experiment tools) or registry.simulation_runs (run tools) among them.
 */
#include "lake/services.h"
#include "tools/tools_int.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

static const char *str(json_t *in, const char *key)
{
	return json_string_value(json_object_get(in, key));
}

static lh_status lake_fail(call *c, lh_status st)
{
	return tool_lake_error(c, st);
}

/* Rows of a registry view, in the shape of every rows tool. */
static lh_status view_rows(call *c, lh_registry_view view, const char *id, json_t **out)
{
	lh_render old = lh_lake_swap_render(c->lake, LH_RENDER_JSON);
	lh_result *r = NULL;
	lh_status st = lh_registry_query(c->lake, view, id, &r);
	return tool_result_json(c, st, r, old, 0, out);
}

lh_status tool_experiment_create(call *c, json_t *in, json_t **out)
{
	lh_status st = tool_check_table(c, "registry.experiments");
	const char *id = str(in, "experiment_id");
	if (st == LH_OK && (st = lh_experiment_create(c->lake, id, str(in, "project"),
	                                              str(in, "description"))) != LH_OK)
		return lake_fail(c, st);
	if (st == LH_OK)
		*out = json_pack("{s:s, s:s, s:I}", "experiment_id", id, "status", "active",
		                 "snapshot_id", (json_int_t)lh_lake_snapshot_id(c->lake));
	return st;
}

lh_status tool_experiment_complete(call *c, json_t *in, json_t **out)
{
	lh_status st = tool_check_table(c, "registry.experiments");
	const char *id = str(in, "experiment_id");
	if (st == LH_OK && (st = lh_experiment_complete(c->lake, id)) != LH_OK)
		return lake_fail(c, st);
	if (st == LH_OK)
		*out = json_pack("{s:s, s:s, s:I}", "experiment_id", id, "status", "completed",
		                 "snapshot_id", (json_int_t)lh_lake_snapshot_id(c->lake));
	return st;
}

lh_status tool_experiment_list(call *c, json_t *in, json_t **out)
{
	(void)in;
	lh_status st = tool_check_table(c, "registry.experiments");
	return st == LH_OK ? view_rows(c, LH_REGISTRY_EXPERIMENTS, NULL, out) : st;
}

/* {experiment: the row as an object, runs: rows} */
lh_status tool_experiment_show(call *c, json_t *in, json_t **out)
{
	const char *id = str(in, "experiment_id");
	json_t *exp = NULL, *runs = NULL;
	lh_status st = tool_check_table(c, "registry.experiments");
	if (st == LH_OK)
		st = view_rows(c, LH_REGISTRY_EXPERIMENTS, id, &exp);
	if (st == LH_OK)
		st = view_rows(c, LH_REGISTRY_RUNS, id, &runs);
	if (st == LH_OK) {
		json_t *cols = json_object_get(exp, "columns"),
		       *row = json_array_get(json_object_get(exp, "rows"), 0);
		json_t *obj = json_object();
		for (size_t i = 0; obj && i < json_array_size(cols); i++)
			json_object_set(
			        obj,
			        json_string_value(json_object_get(json_array_get(cols, i), "name")),
			        json_array_get(row, i));
		*out = obj ? json_pack("{s:o, s:O, s:O}", "experiment", obj, "runs", runs,
		                       "snapshot_id", json_object_get(exp, "snapshot_id"))
		           : NULL;
		if (!*out)
			st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	}
	json_decref(exp);
	json_decref(runs);
	return st;
}

lh_status tool_run_start(call *c, json_t *in, json_t **out)
{
	lh_status st = tool_check_table(c, "registry.simulation_runs");
	json_t *cfg = json_object_get(in, "config");
	char *config = cfg ? json_dumps(cfg, JSON_COMPACT) : NULL;
	char *run = NULL;
	if (st == LH_OK && cfg && !config)
		st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	const char *exp = str(in, "experiment_id");
	json_int_t sim = json_integer_value(json_object_get(in, "sim_index"));
	if (st == LH_OK &&
	    (st = lh_run_start(c->lake, exp, sim, config, str(in, "s3_prefix"), &run)) != LH_OK)
		st = lake_fail(c, st);
	free(config);
	if (st == LH_OK &&
	    !(*out = json_pack("{s:s, s:s, s:I, s:s, s:I}", "run_id", run, "experiment_id", exp,
	                       "sim_index", sim, "status", "started", "snapshot_id",
	                       (json_int_t)lh_lake_snapshot_id(c->lake))))
		st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	lh_free(run);
	return st;
}

lh_status tool_run_log(call *c, json_t *in, json_t **out)
{
	lh_status st = tool_check_table(c, "registry.metrics");
	json_t *metrics = json_object_get(in, "metrics");
	size_t n = json_object_size(metrics);
	const char **keys = calloc(n + 1, sizeof *keys);
	double *values = calloc(n + 1, sizeof *values);
	if (st == LH_OK && (!keys || !values))
		st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	size_t i = 0;
	const char *k;
	json_t *v;
	json_object_foreach(metrics, k, v)
	{
		if (st == LH_OK && i < n) {
			keys[i] = k;
			values[i++] = json_number_value(v);
		}
	}
	json_t *step = json_object_get(in, "step");
	int64_t used = 0;
	const char *run = str(in, "run_id");
	if (st == LH_OK && (st = lh_run_log(c->lake, run, step ? json_integer_value(step) : -1,
	                                    keys, values, i, &used)) != LH_OK)
		st = lake_fail(c, st);
	free(keys);
	free(values);
	if (st == LH_OK &&
	    !(*out = json_pack("{s:s, s:I, s:I, s:I}", "run_id", run, "step", (json_int_t)used,
	                       "logged", (json_int_t)i, "snapshot_id",
	                       (json_int_t)lh_lake_snapshot_id(c->lake))))
		st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	return st;
}

static lh_status finish(call *c, json_t *in, json_t **out, bool failed)
{
	lh_status st = tool_check_table(c, "registry.simulation_runs");
	const char *run = str(in, "run_id");
	if (st == LH_OK)
		st = failed ? lh_run_fail(c->lake, run, str(in, "reason"))
		            : lh_run_complete(c->lake, run);
	if (st != LH_OK)
		return c->err.msg ? st : lake_fail(c, st);
	*out = json_pack("{s:s, s:s, s:I}", "run_id", run, "status",
	                 failed ? "failed" : "completed", "snapshot_id",
	                 (json_int_t)lh_lake_snapshot_id(c->lake));
	return *out ? LH_OK : lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
}

lh_status tool_run_complete(call *c, json_t *in, json_t **out)
{
	return finish(c, in, out, false);
}

lh_status tool_run_fail(call *c, json_t *in, json_t **out)
{
	return finish(c, in, out, true);
}

lh_status tool_run_list(call *c, json_t *in, json_t **out)
{
	const char *exp = str(in, "experiment_id");
	lh_status st = tool_check_table(c, "registry.simulation_runs");
	json_t *check = NULL;
	/* an unknown experiment is an error, not "no runs" */
	if (st == LH_OK && exp)
		st = view_rows(c, LH_REGISTRY_EXPERIMENTS, exp, &check);
	json_decref(check);
	return st == LH_OK ? view_rows(c, LH_REGISTRY_RUNS, exp, out) : st;
}
