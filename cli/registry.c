/*
 * cli/registry.c - lakehouse experiment create | list | show | complete and lakehouse
 * run start | log | complete | fail | list: the experiment and run registry.
 *
 * Front end over lh_experiment_* / lh_run_* / lh_registry_query (the tools of the same
 * names call the same).
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const experiment_help =
        "usage: lakehouse experiment create ID --project P [--description D]\n"
        "       lakehouse experiment list\n"
        "       lakehouse experiment show ID\n"
        "       lakehouse experiment complete ID\n"
        "\n"
        "The experiment registry: ordinary lake tables in schema `registry` (experiments,\n"
        "simulation_runs, metrics), so they time-travel and join with data:\n"
        "  SELECT r.config->>'model' AS model, count(*) FROM registry.simulation_runs r\n"
        "    JOIN raw.frames f ON f.run_id = r.run_id GROUP BY 1\n"
        "\n"
        "  create     register experiment ID (1 to 128 of A-Z a-z 0-9 _ . -); an id is taken\n"
        "             once, also when two writers race for it\n"
        "  list       every experiment with its runs by status\n"
        "  show       one experiment, then its runs\n"
        "  complete   mark it completed once every run of it has (an error names the rest)\n"
        "\n"
        "  --project P       the project the experiment belongs to (required)\n"
        "  --description D   what it is for\n";

const char *const run_help =
        "usage: lakehouse run start EXPERIMENT_ID --sim-index K [--config JSON] [--s3-prefix URI]\n"
        "       lakehouse run log RUN_ID KEY=VALUE... [--step N]\n"
        "       lakehouse run complete RUN_ID\n"
        "       lakehouse run fail RUN_ID [--reason R]\n"
        "       lakehouse run list [EXPERIMENT_ID]\n"
        "       lakehouse run show RUN_ID\n"
        "\n"
        "Simulation and training runs of a registered experiment. `run start` prints the new\n"
        "run's id alone on its last line (RUN=$(lakehouse run start E --sim-index 0 | tail -1)).\n"
        "A run is started, then completed or failed, once: any other change is an error.\n"
        "Each change writes its event (lakehouse.sim.started / completed / failed) to the\n"
        "outbox events.log in the same snapshot (see `lakehouse events`).\n"
        "\n"
        "  --sim-index K     which simulator of the experiment (0, 1, ...)\n"
        "  --config JSON     the run's configuration, a JSON object ({\"model\": \"resnet50\"})\n"
        "  --s3-prefix URI   where the run writes its objects\n"
        "  --step N          the step of the logged metrics (default: one past the run's last)\n"
        "  --reason R        why the run failed\n";

/* Option NAME's value at args[*i + 1], or a usage error. */
static const char *value_of(const opts *o, int *i, const char *cmd)
{
	if (*i + 1 >= o->nargs) {
		char msg[160];
		snprintf(msg, sizeof msg, "%s: %s needs a value", cmd, o->args[*i]);
		usage_error("%s", msg);
		return NULL;
	}
	return o->args[++*i];
}

static bool parse_int(const char *s, long long *out)
{
	char *end;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return !errno && end != s && !*end;
}

static int print_view(const opts *o, lh_lake *lake, lh_registry_view view, const char *id,
                      const char *title)
{
	lh_result *r = NULL;
	int rc = 0;
	lh_status st;
	if (lh_registry_query(lake, view, id, &r) != LH_OK)
		return fail(lh_lake_error(lake));
	if (title && o->format == CLI_TABLE)
		printf("%s\n", title);
	if ((st = cli_print_result(stdout, r, o->format, 1000000)) != LH_OK)
		rc = fail_status("cannot read the result", st);
	lh_result_destroy(&r);
	return rc;
}

static int experiment_create(const opts *o)
{
	const char *id = NULL, *project = NULL, *desc = NULL;
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (!strcmp(a, "--project")) {
			if (!(project = value_of(o, &i, "experiment create")))
				return EXIT_USAGE;
		} else if (!strcmp(a, "--description")) {
			if (!(desc = value_of(o, &i, "experiment create")))
				return EXIT_USAGE;
		} else if (a[0] == '-') {
			return usage_error("experiment create: unknown option '%s'", a);
		} else if (!id) {
			id = a;
		} else {
			return usage_error("experiment create: unexpected argument '%s'", a);
		}
	}
	if (!id)
		return usage_error("%s",
		                   "experiment create: which id? (lakehouse experiment create ID "
		                   "--project P)");
	if (!project)
		return usage_error("%s", "experiment create: --project P is required");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	if (lh_experiment_create(lake, id, project, desc) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("created experiment '%s' of project '%s'\n", id, project);
	lh_lake_close(&lake);
	return rc;
}

/* experiment show|complete ID, run complete|show ID: one id and nothing else. */
static const char *only_id(const opts *o, const char *cmd, const char *what)
{
	if (o->nargs != 2 || o->args[1][0] == '-') {
		char msg[200];
		snprintf(msg, sizeof msg, "%s: expected %s alone", cmd, what);
		usage_error("%s", msg);
		return NULL;
	}
	return o->args[1];
}

int cli_experiment(const opts *o)
{
	const char *sub = o->nargs ? o->args[0] : "";
	if (!strcmp(sub, "create"))
		return experiment_create(o);
	bool list = !strcmp(sub, "list"), show = !strcmp(sub, "show"),
	     complete = !strcmp(sub, "complete");
	if (!list && !show && !complete)
		return usage_error("experiment: expected create, list, show or complete, not '%s'",
		                   sub);
	const char *id = NULL;
	if (list && o->nargs > 1)
		return usage_error("experiment list: unexpected argument '%s'", o->args[1]);
	if (!list && !(id = only_id(o, show ? "experiment show" : "experiment complete",
	                            "the experiment ID")))
		return EXIT_USAGE;
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	if (list)
		rc = print_view(o, lake, LH_REGISTRY_EXPERIMENTS, NULL, NULL);
	else if (show) {
		rc = print_view(o, lake, LH_REGISTRY_EXPERIMENTS, id, NULL);
		if (!rc && o->format == CLI_TABLE)
			putchar('\n');
		if (!rc)
			rc = print_view(o, lake, LH_REGISTRY_RUNS, id,
			                o->format == CLI_TABLE ? "runs:" : NULL);
	} else if (lh_experiment_complete(lake, id) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("experiment '%s' completed\n", id);
	lh_lake_close(&lake);
	return rc;
}

static int run_start(const opts *o)
{
	const char *exp = NULL, *config = NULL, *prefix = NULL;
	long long sim = -1;
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i], *v;
		if (!strcmp(a, "--sim-index")) {
			if (!(v = value_of(o, &i, "run start")))
				return EXIT_USAGE;
			if (!parse_int(v, &sim) || sim < 0)
				return usage_error(
				        "run start: --sim-index needs a number 0 or more, not '%s'",
				        v);
		} else if (!strcmp(a, "--config")) {
			if (!(config = value_of(o, &i, "run start")))
				return EXIT_USAGE;
		} else if (!strcmp(a, "--s3-prefix")) {
			if (!(prefix = value_of(o, &i, "run start")))
				return EXIT_USAGE;
		} else if (a[0] == '-') {
			return usage_error("run start: unknown option '%s'", a);
		} else if (!exp) {
			exp = a;
		} else {
			return usage_error("run start: unexpected argument '%s'", a);
		}
	}
	if (!exp)
		return usage_error("%s", "run start: which experiment? (lakehouse run start "
		                         "EXPERIMENT_ID --sim-index K)");
	if (sim < 0)
		return usage_error("%s", "run start: --sim-index K is required");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	char *run = NULL;
	if (lh_run_start(lake, exp, sim, config, prefix, &run) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("started run %lld of experiment '%s'\n%s\n", sim, exp, run);
	lh_free(run);
	lh_lake_close(&lake);
	return rc;
}

static int run_log(const opts *o)
{
	const char *run = NULL;
	long long step = -1;
	int n = 0;
	const char **keys = calloc((size_t)o->nargs + 1, sizeof *keys);
	double *values = calloc((size_t)o->nargs + 1, sizeof *values);
	char **owned = calloc((size_t)o->nargs + 1, sizeof *owned);
	int rc = keys && values && owned ? 0 : fail("out of memory");
	for (int i = 1; !rc && i < o->nargs; i++) {
		const char *a = o->args[i], *v;
		const char *eq = strchr(a, '=');
		if (!strcmp(a, "--step")) {
			if (!(v = value_of(o, &i, "run log")))
				rc = EXIT_USAGE;
			else if (!parse_int(v, &step) || step < 0)
				rc = usage_error(
				        "run log: --step needs a number 0 or more, not '%s'", v);
		} else if (a[0] == '-' && !eq) {
			rc = usage_error("run log: unknown option '%s'", a);
		} else if (!run && !eq) {
			run = a;
		} else if (eq && eq != a) {
			char *end;
			errno = 0;
			double d = strtod(eq + 1, &end);
			if (errno || end == eq + 1 || *end || !isfinite(d))
				rc = usage_error("run log: '%s' is not KEY=NUMBER", a);
			else if (!(owned[n] = strndup(a, (size_t)(eq - a))))
				rc = fail("out of memory");
			else {
				keys[n] = owned[n];
				values[n++] = d;
			}
		} else {
			rc = usage_error("run log: expected KEY=VALUE, not '%s'", a);
		}
	}
	if (!rc && !run)
		rc = usage_error("%s",
		                 "run log: which run? (lakehouse run log RUN_ID KEY=VALUE...)");
	if (!rc && n == 0)
		rc = usage_error("%s", "run log: no metrics given (KEY=VALUE...)");
	lh_lake *lake = NULL;
	if (!rc)
		rc = open_lake(o, &lake);
	int64_t used = 0;
	if (!rc && lh_run_log(lake, run, step, keys, values, (size_t)n, &used) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if (!rc)
		printf("logged %d metric%s of run %s at step %lld\n", n, n == 1 ? "" : "s", run,
		       (long long)used);
	lh_lake_close(&lake);
	for (int i = 0; owned && i < n; i++)
		free(owned[i]);
	free(owned);
	free(keys);
	free(values);
	return rc;
}

static int run_fail(const opts *o)
{
	const char *run = NULL, *reason = NULL;
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (!strcmp(a, "--reason")) {
			if (!(reason = value_of(o, &i, "run fail")))
				return EXIT_USAGE;
		} else if (a[0] == '-') {
			return usage_error("run fail: unknown option '%s'", a);
		} else if (!run) {
			run = a;
		} else {
			return usage_error("run fail: unexpected argument '%s'", a);
		}
	}
	if (!run)
		return usage_error("%s",
		                   "run fail: which run? (lakehouse run fail RUN_ID [--reason R])");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	if (lh_run_fail(lake, run, reason) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("run %s failed%s%s\n", run, reason ? ": " : "", reason ? reason : "");
	lh_lake_close(&lake);
	return rc;
}

int cli_run(const opts *o)
{
	const char *sub = o->nargs ? o->args[0] : "";
	if (!strcmp(sub, "start"))
		return run_start(o);
	if (!strcmp(sub, "log"))
		return run_log(o);
	if (!strcmp(sub, "fail"))
		return run_fail(o);
	bool list = !strcmp(sub, "list"), complete = !strcmp(sub, "complete"),
	     show = !strcmp(sub, "show");
	if (!list && !complete && !show)
		return usage_error(
		        "run: expected start, log, complete, fail, list or show, not '%s'", sub);
	const char *id = NULL;
	if (list && o->nargs > 2)
		return usage_error("run list: unexpected argument '%s'", o->args[2]);
	if (list && o->nargs == 2) {
		if (o->args[1][0] == '-')
			return usage_error("run list: unknown option '%s'", o->args[1]);
		id = o->args[1];
	}
	if (!list && !(id = only_id(o, complete ? "run complete" : "run show", "the RUN_ID")))
		return EXIT_USAGE;
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_result *r = NULL;
	if (list && id && lh_registry_query(lake, LH_REGISTRY_EXPERIMENTS, id, &r) != LH_OK)
		rc = fail(lh_lake_error(lake)); /* an unknown experiment is an error, not no runs */
	lh_result_destroy(&r);
	if (list && !rc)
		rc = print_view(o, lake, LH_REGISTRY_RUNS, id, NULL);
	else if (show) {
		rc = print_view(o, lake, LH_REGISTRY_RUN, id, NULL);
		if (!rc && o->format == CLI_TABLE)
			putchar('\n');
		if (!rc)
			rc = print_view(o, lake, LH_REGISTRY_METRICS, id,
			                o->format == CLI_TABLE ? "metrics:" : NULL);
	} else if (complete && lh_run_complete(lake, id) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if (complete)
		printf("run %s completed\n", id);
	lh_lake_close(&lake);
	return rc;
}
