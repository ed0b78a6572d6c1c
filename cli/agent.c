/*
 * cli/agent.c - lakehouse agent quality: the quality agent (lh_agent_quality) in the
 * foreground, one line per report, until interrupted.
 *
 * Front end over lakehouse.h.
 */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const agent_help =
        "usage: lakehouse agent quality [--nats URL] [--rules FILE] [--durable NAME]\n"
        "                               [--max-events N] [--idle-exit SECONDS]\n"
        "       lakehouse agent coordinator EXPERIMENT_ID [--runs K] [--nats URL] [--idle-exit S]\n"
    "       lakehouse agent query [--nats URL] [--max-events N] [--idle-exit S]\n"
        "\n"
        "quality:\n"
        "Reacts to lakehouse.ingest.completed events on NATS JetStream (a durable consumer:\n"
        "events published while it was down are handled when it starts). For each, it checks\n"
        "the table the event names, at the event's snapshot (rows, NULLs, distinct values per\n"
        "column; the key's duplicates), writes the report to registry.quality_reports and\n"
        "publishes lakehouse.quality.completed, then acknowledges the event. A redelivered\n"
        "event is acknowledged without a second report. Prints one JSON line per report.\n"
        "\n"
        "  --nats URL          the NATS server (default $LAKEHOUSE_NATS_URL)\n"
        "  --rules FILE        when a report fails, as JSON:\n"
        "                      {\"tables\": {\"raw.frames\": {\"key\": \"id\", \"required\": "
        "[\"sim\"]},\n"
        "                                  \"*\": {...}}}: duplicates or NULLs in the key, or "
        "NULLs\n"
        "                      in a required column, fail it (exit status stays 0)\n"
        "  --durable NAME      the consumer's name (default quality-agent); two agents with one\n"
        "                      name share the work\n"
        "  --max-events N      stop after N events\n"
        "  --idle-exit S       stop after S seconds without an event\n"
        "\n"
        "coordinator: follows lakehouse.sim.> events (a durable consumer) and marks the\n"
        "experiment completed once it has K runs (--runs, default 1) and every one of them\n"
        "completed; then exits 0. A failed run ends it with exit status 1, the experiment\n"
        "left active. Prints one JSON line per event of the experiment.\n"
    "\n"
    "query: answers asynchronous queries. A request on lakehouse.query.requested is\n"
    "{\"sql\": \"SELECT ...\", \"snapshot\": N, \"max_rows\": N} (as an outbox event:\n"
    "lakehouse events emit lakehouse.query.requested --payload '{...}'; or published on\n"
    "NATS by any client, with a \"request_id\"); the answer, the query tool's result or\n"
    "{\"error\"}, is published on lakehouse.query.result with the request's id. Queries\n"
    "run in the read-only sandbox (one query, no files outside the lake, 10,000 rows).\n";

static volatile int stopping;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

static void print_report(void *ctx, const char *json, bool repeated)
{
	(void)ctx;
	printf("%s%s\n", json, repeated ? " (handled before)" : "");
	fflush(stdout);
}

int cli_agent(const opts *o)
{
	bool quality = o->nargs >= 1 && !strcmp(o->args[0], "quality");
	bool coord = o->nargs >= 1 && !strcmp(o->args[0], "coordinator");
	bool query = o->nargs >= 1 && !strcmp(o->args[0], "query");
	if (!quality && !coord && !query)
		return usage_error("agent: expected quality, coordinator or query, not '%s'",
		                   o->nargs ? o->args[0] : "");
	lh_agent_options ao = {
	        .struct_size = sizeof ao, .on_report = print_report, .stop = &stopping};
	char *rules = NULL;
	const char *experiment = NULL;
	long long runs = 0;
	int rc = 0;
	for (int i = 1; !rc && i < o->nargs; i++) {
		const char *a = o->args[i];
		char *end;
		if (coord && !experiment && a[0] != '-') {
			experiment = a;
			continue;
		}
		if (i + 1 >= o->nargs) {
			rc = usage_error("agent quality: unknown option or missing value '%s'", a);
			break;
		}
		const char *v = o->args[++i];
		if (!strcmp(a, "--nats"))
			ao.nats_url = v;
		else if (!strcmp(a, "--durable"))
			ao.durable = v;
		else if (coord && !strcmp(a, "--runs")) {
			errno = 0;
			runs = strtoll(v, &end, 10);
			if (errno || *end || end == v || runs <= 0)
				rc = usage_error("agent coordinator: --runs needs a positive "
				                 "number, not '%s'",
				                 v);
		} else if (!strcmp(a, "--rules")) {
			free(rules);
			if (!(rules = cli_read_file_text(v))) {
				fprintf(stderr, "Error: cannot read the rules file '%s': %s\n", v,
				        strerror(errno));
				rc = 1;
			}
			ao.rules_json = rules;
		} else if (!strcmp(a, "--max-events") || !strcmp(a, "--idle-exit")) {
			errno = 0;
			long long n = strtoll(v, &end, 10);
			if (errno || *end || end == v || n <= 0)
				rc = usage_error("agent quality: needs a positive number, not '%s'",
				                 v);
			else if (!strcmp(a, "--max-events"))
				ao.max_events = n;
			else
				ao.idle_exit_ms = n * 1000;
		} else
			rc = usage_error("agent quality: unknown option '%s'", a);
	}
	if (!rc && coord && !experiment)
		rc = usage_error(
		        "%s",
		        "agent coordinator: which experiment? (lakehouse agent coordinator ID)");
	lh_lake *lake = NULL;
	if (!rc)
		rc = open_lake(o, &lake);
	if (!rc) {
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		int64_t handled = 0;
		lh_status st = quality ? lh_agent_quality(lake, &ao, &handled)
		               : query ? lh_agent_query(lake, &ao, &handled)
		                       : lh_agent_coordinate(lake, experiment, runs, &ao, &handled);
		if (st != LH_OK)
			rc = fail(lh_lake_error(lake));
		else
			fprintf(stderr, "agent %s: %lld events handled\n", o->args[0],
			        (long long)handled);
		/* the coordinator's exit status says whether the experiment completed */
		lh_result *r = NULL;
		lh_lake_set_render(lake, LH_RENDER_TEXT);
		if (!rc && coord &&
		    lh_registry_query(lake, LH_REGISTRY_EXPERIMENTS, experiment, &r) == LH_OK) {
			size_t n = 0;
			if (lh_result_next_batch(r, &n) == LH_OK && n &&
			    strcmp(lh_result_text(r, 3, 0) ? lh_result_text(r, 3, 0) : "",
			           "completed") != 0) {
				fprintf(stderr, "Error: experiment '%s' did not complete\n",
				        experiment);
				rc = 1;
			}
		}
		lh_result_destroy(&r);
	}
	lh_lake_close(&lake);
	free(rules);
	return rc;
}
