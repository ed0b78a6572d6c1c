/*
 * events/agent.c - the quality agent (lh_agent_quality): reacts to
 * lakehouse.ingest.completed with a quality report.
 *
 * Layer: services, through the public API, lake/services.h and events/nats.h.
 *
 * Exactly once per event, whatever NATS redelivers: the report's snapshot is also writer
 * job <event_id> of registry.quality_reports (catalog/jobs.h), so a second write of the
 * same event's report is refused by the catalog's key and the message is only
 * acknowledged. The acknowledgement comes after the commit: a crash in between means a
 * redelivery, which finds the report.
 */
#include "events/nats.h"
#include "catalog/model.h"
#include "events/outbox.h"
#include "lake/services.h"
#include "registry/registry_int.h"
#include "util/err.h"

#include <stdlib.h>
#include <string.h>

#define SUBJECT "lakehouse.ingest.completed"
#define REPORTS "registry.quality_reports"

typedef struct report {
	const char *event_id, *table;
	int64_t snapshot;
	json_t *rules;    /* the table's rules, or NULL */
	json_t *problems; /* array */
	json_t *profile;  /* array of {column, type, rows, nulls, distinct_values} */
	int64_t rows;
	const char *status; /* passed, failed, error */
} report;

/* Whether `name` (schema.table) is a lake table at snapshot `snap`. */
static bool lake_table(lh_lake *lake, const char *name, int64_t snap)
{
	lh_qname q = {0};
	const lh_state *s = NULL;
	bool ok = lh_parse_qname(name, &q) == LH_OK && q.schema && !q.catalog &&
	          lh_lake_state_at(lake, snap, &s) == LH_OK;
	const lh_schema *sc = ok ? lh_state_schema_by_name(s, q.schema) : NULL;
	ok = sc && lh_state_table_index(s, sc->id, q.name) >= 0;
	lh_qname_free(&q);
	lh_err_clear(lh_lake_err(lake));
	return ok;
}

/* "schema.table" as SQL, each part quoted. */
static char *quoted(const char *table)
{
	lh_buf b;
	lh_buf_init(&b, 0);
	const char *dot = strchr(table, '.');
	if (dot) {
		char *schema = strndup(table, (size_t)(dot - table));
		if (schema)
			lh_buf_sql_ident(&b, schema);
		free(schema);
		lh_buf_putc(&b, '.');
		lh_buf_sql_ident(&b, dot + 1);
	} else {
		lh_buf_sql_ident(&b, table);
	}
	return b.status == LH_OK ? lh_buf_steal(&b) : (lh_buf_free(&b), NULL);
}

static void problem(report *r, const char *fmt, const char *a, long long n)
{
	char text[400];
	snprintf(text, sizeof text, fmt, a, n);
	json_array_append_new(r->problems, json_string(text));
}

/* Profiles the table at the event's snapshot and judges it by the rules. */
static void check(lh_lake *lake, report *r)
{
	const char *key = json_string_value(json_object_get(r->rules, "key"));
	char *src = quoted(r->table);
	lh_result *res = NULL;
	lh_key_report k = {0};
	lh_render was = lh_lake_swap_render(lake, LH_RENDER_TEXT);
	lh_status st = src ? lh_lake_quality(lake, src, key, r->snapshot, &res, key ? &k : NULL)
	                   : LH_ERR_NOMEM;
	free(src);
	size_t n = 0;
	json_t *required = json_object_get(r->rules, "required");
	while (st == LH_OK && (st = lh_result_next_batch(res, &n)) == LH_OK && n) {
		for (size_t i = 0; i < n; i++) {
			const char *col = lh_result_text(res, 1, i);
			int64_t nulls = lh_result_int64(res, 4, i);
			r->rows = lh_result_int64(res, 3, i);
			json_array_append_new(r->profile,
			                      json_pack("{s:s, s:s, s:I, s:I, s:I}", "column",
			                                col ? col : "", "type",
			                                lh_result_text(res, 2, i), "rows",
			                                (json_int_t)r->rows, "nulls",
			                                (json_int_t)nulls, "distinct_values",
			                                (json_int_t)lh_result_int64(res, 5, i)));
			size_t j;
			json_t *want;
			json_array_foreach(required, j, want)
			{
				const char *name = json_string_value(want);
				if (col && name && !strcmp(col, name) && nulls)
					problem(r, "required column '%s' has %lld NULLs", col,
					        (long long)nulls);
			}
		}
	}
	lh_result_destroy(&res);
	lh_lake_swap_render(lake, was);
	if (st != LH_OK) {
		char text[600];
		snprintf(text, sizeof text, "the check could not run: %s", lh_lake_error(lake));
		json_array_append_new(r->problems, json_string(text));
		r->status = "error";
		return;
	}
	if (key && k.duplicate_values)
		problem(r, "key '%s' has %lld duplicate values", key,
		        (long long)k.duplicate_values);
	if (key && k.null_keys)
		problem(r, "key '%s' has %lld NULLs", key, (long long)k.null_keys);
	r->status = json_array_size(r->problems) ? "failed" : "passed";
}

static json_t *report_json(const report *r)
{
	return json_pack("{s:s, s:s, s:I, s:s, s:I, s:O}", "event_id", r->event_id, "table",
	                 r->table, "snapshot_id", (json_int_t)r->snapshot, "status", r->status,
	                 "rows", (json_int_t)r->rows, "problems", r->problems);
}

static lh_status record(lh_lake *lake, void *arg)
{
	report *r = arg;
	char *problems = json_dumps(r->problems, JSON_COMPACT);
	char *profile = json_dumps(r->profile, JSON_COMPACT);
	lh_value v[7] = {lh_registry_text(r->event_id), lh_registry_text(r->table),
	                 lh_registry_int(r->snapshot),  lh_registry_text(r->status),
	                 lh_registry_int(r->rows),      lh_registry_text(problems),
	                 lh_registry_text(profile)};
	lh_status st = problems && profile ? lh_lake_exec_params(lake,
	                                                         "INSERT INTO " REPORTS
	                                                         " VALUES (?, ?, ?, ?, ?, "
	                                                         "?::JSON, ?::JSON, now())",
	                                                         v, 7, NULL, NULL)
	                                   : lh_registry_fail(lake, LH_ERR_NOMEM, "out of memory");
	free(problems);
	free(profile);
	return st == LH_OK ? lh_registry_emit(lake, LH_EV_QUALITY_COMPLETED, report_json(r)) : st;
}

/* What an agent's handler gets: the options and its own state. */
typedef struct agent {
	const lh_agent_options *o;
	lh_nats *nats;          /* the consumer's connection, for answers published directly */
	json_t *rules;          /* quality */
	const char *experiment; /* coordinator */
	int64_t expected_runs;
} agent;

/* Handles one event (its envelope); *ack: it may be acknowledged (handled now, before,
 * or not one this agent handles); *done: the agent's work is over. */
typedef lh_status (*agent_fn)(lh_lake *lake, agent *a, json_t *env, bool *ack, bool *done);

static void tell(const agent *a, json_t *j, bool repeated)
{
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	if (text && a->o && a->o->on_report)
		a->o->on_report(a->o->ctx, text, repeated);
	free(text);
}

static lh_status quality_event(lh_lake *lake, agent *a, json_t *env, bool *ack, bool *done)
{
	const lh_agent_options *o = a->o;
	json_t *rules = a->rules;
	(void)done;
	*ack = false;
	json_t *payload = json_object_get(env, "payload");
	report r = {.event_id = json_string_value(json_object_get(env, "event_id")),
	            .table = json_string_value(json_object_get(payload, "table")),
	            .snapshot = json_integer_value(json_object_get(env, "snapshot_id")),
	            .problems = json_array(),
	            .profile = json_array()};
	lh_status st = LH_OK;
	if (!r.event_id || !r.table || r.snapshot <= 0) {
		*ack = true; /* not an event of ours: nothing to do with it, ever */
		json_decref(r.problems);
		json_decref(r.profile);
		return LH_OK;
	}
	json_t *tables = json_object_get(rules, "tables");
	r.rules = json_object_get(tables, r.table);
	if (!r.rules)
		r.rules = json_object_get(tables, "*");
	/* only a table of the lake, as it was at the event's snapshot: an event is anyone's
	 * message, and a name could be a path or a URL */
	if (lake_table(lake, r.table, r.snapshot)) {
		check(lake, &r);
	} else {
		char text[400];
		snprintf(text, sizeof text, "'%.200s' is not a table of the lake at snapshot %lld",
		         r.table, (long long)r.snapshot);
		json_array_append_new(r.problems, json_string(text));
		r.status = "error";
	}
	lh_err_clear(lh_lake_err(lake));
	int64_t snap = -1;
	lh_claim claim = {.table = REPORTS, .key = r.event_id};
	st = lh_registry_change(lake, record, &r, &claim, &snap);
	bool repeated = st == LH_ERR_EXISTS;
	if (repeated) {
		st = LH_OK;
		lh_err_clear(lh_lake_err(lake));
	}
	*ack = st == LH_OK;
	if (st == LH_OK && o && o->on_report) {
		json_t *j = report_json(&r);
		tell(a, j, repeated);
		json_decref(j);
	}
	json_decref(r.problems);
	json_decref(r.profile);
	return st;
}

/* The consumer loop every agent shares: a durable pull consumer `durable` of `subject`
 * on stream LAKEHOUSE, fetching up to 10 events at a time; after each batch the outbox
 * (the agent's own events) is delivered. */
static lh_status consume(lh_lake *lake, agent *a, const char *subject, const char *durable,
                         agent_fn fn, int64_t *out_handled)
{
	const lh_agent_options *o = a->o;
	const char *url = o && o->nats_url ? o->nats_url : getenv("LAKEHOUSE_NATS_URL");
	if (!url || !*url)
		return lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
		                  "no NATS server given: set LAKEHOUSE_NATS_URL (or --nats URL)");
	lh_nats c = {0};
	lh_status st = lh_nats_open(lake, url, 5000, &c);
	if (st == LH_OK)
		st = lh_nats_ensure_stream(lake, &c);
	a->nats = &c;
	natsSubscription *sub = NULL;
	if (st == LH_OK) {
		jsSubOptions so;
		jsSubOptions_Init(&so);
		so.Stream = LH_NATS_STREAM;
		so.Config.AckWait = 300LL * 1000000000LL; /* a big table's check takes time */
		so.Config.DeliverPolicy = js_DeliverAll;
		jsErrCode je = 0;
		natsStatus s =
		        js_PullSubscribe(&sub, c.js, subject,
		                         o && o->durable ? o->durable : durable, NULL, &so, &je);
		if (s != NATS_OK)
			st = lh_nats_fail(lake, &c, "cannot subscribe", s);
	}
	int64_t idle = 0, max = o && o->max_events > 0 ? o->max_events : INT64_MAX;
	bool done = false;
	while (st == LH_OK && !done && *out_handled < max && !(o && o->stop && *o->stop)) {
		natsMsgList list = {0};
		jsErrCode je = 0;
		natsStatus s = natsSubscription_Fetch(&list, sub, 10, 1000, &je);
		if (s == NATS_TIMEOUT) {
			idle += 1000;
			if (o && o->idle_exit_ms > 0 && idle >= o->idle_exit_ms)
				break;
			continue;
		}
		if (s != NATS_OK) {
			st = lh_nats_fail(lake, &c, "cannot fetch events", s);
			break;
		}
		idle = 0;
		for (int i = 0; i < list.Count; i++) {
			bool ack = false;
			natsMsg *m = list.Msgs[i];
			json_t *env = json_loadb(natsMsg_GetData(m),
			                         (size_t)natsMsg_GetDataLength(m), 0, NULL);
			if (st == LH_OK && !done && *out_handled < max)
				st = env ? fn(lake, a, env, &ack, &done) : (ack = true, LH_OK);
			json_decref(env);
			if (ack) {
				natsMsg_AckSync(m, NULL, &je);
				(*out_handled)++;
			}
			/* the rest of the batch comes again after AckWait (or when the agent
			 * restarts) */
		}
		natsMsgList_Destroy(&list);
		lh_deliver_options d = {.struct_size = sizeof d, .nats_url = url};
		lh_deliver_report rep;
		if (st == LH_OK && lh_events_deliver(lake, &d, &rep) != LH_OK)
			lh_err_clear(lh_lake_err(
			        lake)); /* they wait in the outbox; the next call sends them */
	}
	natsSubscription_Destroy(sub);
	lh_nats_close(&c);
	a->nats = NULL;
	return st;
}

/* {"tables": {name: {"key": string, "required": [strings]}}}: anything else is refused,
 * not ignored (a rule that silently does nothing passes every table) */
static lh_status validate_rules(lh_lake *lake, json_t *rules)
{
	const char *name;
	json_t *r;
	json_object_foreach(json_object_get(rules, "tables"), name, r)
	{
		json_t *key = json_object_get(r, "key"), *req = json_object_get(r, "required");
		bool ok = json_is_object(r) && (!key || json_is_string(key)) &&
		          (!req || json_is_array(req));
		size_t i;
		json_t *e;
		json_array_foreach(req, i, e) ok &= json_is_string(e);
		const char *k;
		json_t *v;
		json_object_foreach(r, k, v) ok &= !strcmp(k, "key") || !strcmp(k, "required");
		if (!ok)
			return lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
			                  "the rules of '%.200s' must be {\"key\": COLUMN, \"required\": "
			                  "[COLUMNS]}",
			                  name);
	}
	return LH_OK;
}

static lh_status check_options(lh_lake *lake, const lh_agent_options *o, int64_t *out_handled)
{
	if (!lake || !out_handled)
		return LH_ERR_INVALID;
	*out_handled = 0;
	lh_err_clear(lh_lake_err(lake));
	if (!LH_OPTIONS_SIZE_OK(o))
		return lh_err_options_size(lh_lake_err(lake), "lh_agent_options", o->struct_size,
		                           sizeof *o);
	return LH_OK;
}

lh_status lh_agent_quality(lh_lake *lake, const lh_agent_options *o, int64_t *out_handled)
{
	lh_status st = check_options(lake, o, out_handled);
	if (st != LH_OK)
		return st;
	json_error_t jerr;
	json_t *rules = o && o->rules_json ? json_loads(o->rules_json, 0, &jerr) : json_object();
	if (!rules)
		return lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
		                  "the rules are not JSON: %s "
		                  "(line %d, column %d)",
		                  jerr.text, jerr.line, jerr.column);
	json_t *tables = json_object_get(rules, "tables");
	if (!json_is_object(rules) || (tables && !json_is_object(tables))) {
		json_decref(rules);
		return lh_err_set(
		        lh_lake_err(lake), LH_ERR_INVALID,
		        "the rules must be {\"tables\": "
		        "{\"schema.table\": {\"key\": COLUMN, \"required\": [COLUMNS]}}}");
	}
	/* checks read lake tables only, whatever an event names */
	st = validate_rules(lake, rules);
	if (st == LH_OK)
		st = lh_lake_sandbox(lake);
	agent a = {.o = o, .rules = rules};
	if (st == LH_OK)
		st = consume(lake, &a, SUBJECT, "quality-agent", quality_event, out_handled);
	json_decref(rules);
	return st;
}

/* --- the coordinator ----------------------------------------------------------------- */

static lh_status coordinator_event(lh_lake *lake, agent *a, json_t *env, bool *ack, bool *done)
{
	*ack = true;
	json_t *payload = json_object_get(env, "payload");
	const char *exp = json_string_value(json_object_get(payload, "experiment_id"));
	if (!exp || strcmp(exp, a->experiment) != 0)
		return LH_OK; /* another experiment's run */
	/* the registry, not the event, says where the experiment is */
	lh_value v[1] = {lh_registry_text(a->experiment)};
	char *row[4] = {0};
	bool found = false;
	lh_status st = lh_registry_row(
	        lake,
	        "SELECT count(*), count(*) FILTER (WHERE status = "
	        "'completed'), count(*) FILTER (WHERE status = 'failed'), "
	        "(SELECT status FROM registry.experiments WHERE experiment_id = ?1) "
	        "FROM registry.simulation_runs WHERE experiment_id = ?1",
	        v, 1, 4, row, &found);
	int64_t runs = row[0] ? strtoll(row[0], NULL, 10) : 0;
	int64_t completed = row[1] ? strtoll(row[1], NULL, 10) : 0;
	int64_t failed = row[2] ? strtoll(row[2], NULL, 10) : 0;
	bool already = row[3] && !strcmp(row[3], "completed");
	lh_registry_row_free(row, 4);
	if (st != LH_OK) {
		*ack = false;
		return st;
	}
	json_t *j = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I}", "event",
	                      json_string_value(json_object_get(env, "subject")), "experiment_id",
	                      a->experiment, "runs", (json_int_t)runs, "completed",
	                      (json_int_t)completed, "failed", (json_int_t)failed, "expected",
	                      (json_int_t)a->expected_runs);
	bool all = runs >= (a->expected_runs > 0 ? a->expected_runs : 1) && completed == runs;
	if (failed > 0) {
		*done = true; /* it can never complete: say so and stop */
		json_object_set_new(j, "outcome",
		                    json_string("a run failed: the experiment stays active"));
	} else if (all && !already) {
		st = lh_experiment_complete(lake, a->experiment);
		if (st == LH_OK)
			json_object_set_new(j, "outcome", json_string("experiment completed"));
		*done = st == LH_OK;
		*ack = st == LH_OK;
	} else if (already) {
		*done = true;
		json_object_set_new(j, "outcome", json_string("experiment completed before"));
	}
	tell(a, j, false);
	json_decref(j);
	return st;
}

lh_status lh_agent_coordinate(lh_lake *lake, const char *experiment_id, int64_t expected_runs,
                              const lh_agent_options *o, int64_t *out_handled)
{
	lh_status st = check_options(lake, o, out_handled);
	if (st != LH_OK)
		return st;
	if (!experiment_id || !lh_registry_id_ok(experiment_id))
		return lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
		                  "experiment id '%.200s' is not "
		                  "valid",
		                  experiment_id ? experiment_id : "");
	/* an experiment that is not registered is an error now, not never */
	st = lh_registry_exists(lake, LH_REGISTRY_EXPERIMENTS, experiment_id);
	if (st != LH_OK)
		return st;
	agent a = {.o = o, .experiment = experiment_id, .expected_runs = expected_runs};
	char durable[200];
	snprintf(durable, sizeof durable, "coordinator-%s", experiment_id);
	for (char *p = durable; *p; p++)
		if (*p == '.')
			*p = '_'; /* consumer names take no dots */
	return consume(lake, &a, "lakehouse.sim.>", durable, coordinator_event, out_handled);
}

/* --- asynchronous queries ---------------------------------------------------------------- */

#define QUERY_MAX_ROWS 10000

/* Answers one lakehouse.query.requested: the query tool's answer (or its error) published
 * as lakehouse.query.result, Nats-Msg-Id "result-<request id>" (an answer repeated after a
 * lost acknowledgement is dropped by the server). A query changes nothing in the lake, so
 * its answer goes straight to NATS, not through the outbox. */
static lh_status query_event(lh_lake *lake, agent *a, json_t *env, bool *ack, bool *done)
{
	(void)done;
	*ack = false;
	/* an event of the outbox carries its request in "payload"; a client publishing on NATS
	 * may send the request alone */
	json_t *req = json_object_get(env, "payload") ? json_object_get(env, "payload") : env;
	const char *id = json_string_value(json_object_get(env, "event_id"));
	if (!id)
		id = json_string_value(json_object_get(req, "request_id"));
	const char *sql = json_string_value(json_object_get(req, "sql"));
	json_t *snap = json_object_get(req, "snapshot");
	json_int_t max = json_integer_value(json_object_get(req, "max_rows"));
	json_t *answer = NULL;
	char *err = NULL;
	if (!id) {
		*ack = true; /* nothing to answer to */
		return LH_OK;
	}
	if (!sql) {
		answer = json_pack("{s:s, s:s}", "request_id", id, "error",
		                   "the request has no \"sql\": send {\"sql\": \"SELECT ...\"}");
	} else {
		json_t *in = json_pack("{s:s}", "sql", sql);
		if (in && json_is_integer(snap))
			json_object_set(in, "snapshot", snap);
		char *input = in ? json_dumps(in, JSON_COMPACT) : NULL;
		json_decref(in);
		/* an answer fits in one NATS message (1 MiB): the tool cuts it, and says so */
		lh_tool_options to = {.struct_size = sizeof to,
		                      .max_rows = max > 0 && max < QUERY_MAX_ROWS ? max : QUERY_MAX_ROWS,
		                      .max_chars = 400000};
		char *out = NULL;
		lh_status st = input ? lh_tool_call(lake, "query", input, &to, &out, &err) : LH_ERR_NOMEM;
		free(input);
		json_t *res = st == LH_OK ? json_loads(out, 0, NULL) : NULL;
		lh_free(out);
		answer = res ? res : json_pack("{s:s}", "error", err ? err : lh_strerror(st));
		if (answer)
			json_object_set_new(answer, "request_id", json_string(id));
	}
	lh_free(err);
	char *body = answer ? json_dumps(answer, JSON_COMPACT) : NULL;
	char msg_id[200];
	snprintf(msg_id, sizeof msg_id, "result-%.150s", id);
	jsPubOptions po;
	jsPubOptions_Init(&po);
	po.MsgId = msg_id;
	jsPubAck *pa = NULL;
	jsErrCode je = 0;
	natsStatus s = body ? js_Publish(&pa, a->nats->js, LH_EV_QUERY_RESULT, body, (int)strlen(body),
	                                 &po, &je)
	                    : NATS_NO_MEMORY;
	jsPubAck_Destroy(pa);
	lh_status st = s == NATS_OK ? LH_OK : lh_nats_fail(lake, a->nats, "cannot publish a query result", s);
	if (st == LH_OK) {
		*ack = true;
		tell(a, answer, false);
	}
	free(body);
	json_decref(answer);
	return st;
}

lh_status lh_agent_query(lh_lake *lake, const lh_agent_options *o, int64_t *out_handled)
{
	lh_status st = check_options(lake, o, out_handled);
	/* requests come from anyone who can publish: they run in the read-only sandbox */
	if (st == LH_OK)
		st = lh_lake_sandbox(lake);
	agent a = {.o = o};
	return st == LH_OK ? consume(lake, &a, LH_EV_QUERY_REQUESTED, "query-agent", query_event,
	                             out_handled)
	                   : st;
}
