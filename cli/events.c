/*
 * cli/events.c - lakehouse events deliver | list | pending: the outbox events.log and
 * its delivery to NATS JetStream.
 *
 * Front end over lh_events_deliver / lh_events_pending and a query of events.log.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const events_help =
        "usage: lakehouse events deliver [--nats URL] [--timeout-ms N] [--max N]\n"
        "       lakehouse events list [--subject S] [--limit N]\n"
        "       lakehouse events pending\n"
        "       lakehouse events emit SUBJECT [--payload JSON | --payload-file FILE]\n"
        "\n"
        "Every change that matters to others writes an event to the outbox, the lake table\n"
        "events.log, in the snapshot of the change: lakehouse.ingest.completed (hf pull,\n"
        "video ingest, /data/ingest), lakehouse.dataset.versioned (version put, rollback),\n"
        "lakehouse.sim.started / completed / failed (run start, complete, fail),\n"
        "lakehouse.experiment.completed, lakehouse.quality.completed (agent quality).\n"
        "\n"
        "  deliver   publish the events not yet delivered to NATS JetStream (stream LAKEHOUSE,\n"
        "            subjects lakehouse.>, made when missing), in commit order, each with\n"
        "            Nats-Msg-Id = its event_id; `lakehouse serve` does the same in the\n"
        "            background. A failure leaves the rest waiting: run it again.\n"
        "  list      the newest events (event_id, subject, snapshot_id, created_at, payload)\n"
        "  pending   how many events wait for delivery\n"
        "  emit      write an event of your own (subject lakehouse.<...>, payload a JSON\n"
        "            object) to the outbox, as a snapshot of its own; prints its event id\n"
        "\n"
        "  --nats URL       the NATS server (default: $LAKEHOUSE_NATS_URL)\n"
        "  --timeout-ms N   connecting and each acknowledgement (default 5000)\n"
        "  --max N          deliver at most N events\n"
        "  --subject S      only events of subject S\n"
        "  --limit N        the newest N (default 100)\n";

static bool positive(const char *s, long long *out)
{
	char *end;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return !errno && end != s && !*end && *out > 0;
}

static int deliver(const opts *o)
{
	lh_deliver_options d = {.struct_size = sizeof d};
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		long long n;
		if (!strcmp(a, "--nats") && i + 1 < o->nargs)
			d.nats_url = o->args[++i];
		else if (!strcmp(a, "--timeout-ms") && i + 1 < o->nargs) {
			if (!positive(o->args[++i], &n))
				return usage_error("events deliver: --timeout-ms needs a positive "
				                   "number, not '%s'",
				                   o->args[i]);
			d.timeout_ms = n;
		} else if (!strcmp(a, "--max") && i + 1 < o->nargs) {
			if (!positive(o->args[++i], &n))
				return usage_error(
				        "events deliver: --max needs a positive number, not '%s'",
				        o->args[i]);
			d.max_events = n;
		} else
			return usage_error("events deliver: unknown option or missing value '%s'",
			                   a);
	}
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_deliver_report rep = {0};
	if (lh_events_deliver(lake, &d, &rep) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("delivered %lld events (%lld the server already had); %lld pending\n",
		       (long long)rep.published, (long long)rep.duplicates, (long long)rep.pending);
	lh_lake_close(&lake);
	return rc;
}

static int list(const opts *o)
{
	const char *subject = NULL;
	long long limit = 100;
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (!strcmp(a, "--subject") && i + 1 < o->nargs)
			subject = o->args[++i];
		else if (!strcmp(a, "--limit") && i + 1 < o->nargs) {
			if (!positive(o->args[++i], &limit))
				return usage_error(
				        "events list: --limit needs a positive number, not '%s'",
				        o->args[i]);
		} else
			return usage_error("events list: unknown option or missing value '%s'", a);
	}
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_result *r = NULL;
	lh_status st;
	if (lh_events_list(lake, subject, limit, &r) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if ((st = cli_print_result(stdout, r, o->format, 1000000)) != LH_OK)
		rc = fail_status("cannot read the result", st);
	lh_result_destroy(&r);
	lh_lake_close(&lake);
	return rc;
}

int cli_events(const opts *o)
{
	const char *sub = o->nargs ? o->args[0] : "";
	if (!strcmp(sub, "deliver"))
		return deliver(o);
	if (!strcmp(sub, "list"))
		return list(o);
	if (!strcmp(sub, "emit")) {
		const char *subject = NULL, *payload = NULL;
		char *from_file = NULL;
		for (int i = 1; i < o->nargs; i++) {
			if (!strcmp(o->args[i], "--payload") && i + 1 < o->nargs)
				payload = o->args[++i];
			else if (!strcmp(o->args[i], "--payload-file") && i + 1 < o->nargs) {
				free(from_file);
				if (!(payload = from_file = cli_read_file_text(o->args[++i]))) {
					fprintf(stderr, "Error: cannot read '%s': %s\n", o->args[i], strerror(errno));
					return 1;
				}
			}
			else if (o->args[i][0] != '-' && !subject)
				subject = o->args[i];
			else
				return usage_error("events emit: unexpected argument '%s'",
				                   o->args[i]);
		}
		if (!subject)
			return usage_error("%s", "events emit: which subject? (lakehouse events "
			                         "emit lakehouse.x.y)");
		lh_lake *lake = NULL;
		int rc = open_lake(o, &lake);
		char *id = NULL;
		if (!rc && lh_events_emit(lake, subject, payload, &id) != LH_OK)
			rc = fail(lh_lake_error(lake));
		else if (!rc)
			printf("%s\n", id);
		lh_free(id);
		free(from_file);
		lh_lake_close(&lake);
		return rc;
	}
	if (strcmp(sub, "pending") != 0)
		return usage_error("events: expected deliver, list, pending or emit, not '%s'",
		                   sub);
	if (o->nargs > 1)
		return usage_error("events pending: unexpected argument '%s'", o->args[1]);
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	int64_t n = 0;
	if (lh_events_pending(lake, &n) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else
		printf("%lld\n", (long long)n);
	lh_lake_close(&lake);
	return rc;
}
