/*
 * cli/serve.c - `lakehouse serve` (server/http.c: the HTTP API and MCP over HTTP) and
 * `lakehouse token create`, which makes the bearer tokens it accepts.
 *
 * Front end (lakehouse.h only). serve prints the address it listens on as the first
 * line of stdout (flushed; with --port 0 the port is the one the system gave), logs on
 * stderr, and stops cleanly on SIGINT or SIGTERM.
 */
#include "cli.h"
#include "server/http.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

const char *const serve_help =
    "usage: lakehouse serve [--port P] [--bind ADDR] [--threads N] [--max-body BYTES]\n"
    "                       [--no-auth] [--read-write] [--max-rows N] [--max-chars N] [--timeout-ms N]\n"
    "\n"
    "Serves the lake over HTTP until interrupted (Ctrl-C or SIGTERM):\n"
    "  GET  /healthz           liveness (no token needed)\n"
    "  GET  /openapi.json      the API (OpenAPI 3.1), generated from the tool registry\n"
    "  GET  /data/query        ?sql=<one query>[&snapshot=N]\n"
    "  GET  /data/retrieve     ?query=<text>[&top_k=N]: BM25 over registered text\n"
    "  POST /data/ingest       {table, records, job_id[, schema_version, tenant_id]}\n"
    "  POST /data/snapshots    a world-model snapshot into world_model.snapshots\n"
    "  GET|PUT /data/policy    a tenant's policy (PUT: admin tokens)\n"
    "  POST /tools/NAME        any tool of `lakehouse tool --list`, a JSON object in\n"
    "  POST /mcp               MCP (Streamable HTTP), both protocol eras\n"
    "  GET  /                  the web UI: catalog, history, samples, charts, experiments\n"
    "                          (built into this binary; works offline)\n"
    "Every endpoint but /healthz and the UI's page needs 'Authorization: Bearer <token>'\n"
    "(lakehouse token create). Answers are JSON; errors are {\"error\": kind, \"message\": text}.\n"
    "In the UI, sign in with a token, or hand it over once in the address:\n"
    "http://127.0.0.1:8080/?token=<token> (it is then kept for the browser tab only and\n"
    "removed from the address bar). Rollback and tag buttons need --read-write and a\n"
    "token that may write.\n"
    "\n"
    "  --port P          port (default 8080; 0: any free one, printed on the first line)\n"
    "  --bind ADDR       IPv4 address to listen on (default 127.0.0.1, this machine only)\n"
    "  --threads N       requests served at once, each on a lake handle of its own (4)\n"
    "  --max-body BYTES  largest request body (4194304); bigger ones get 413\n"
    "  --nats URL        deliver the outbox's events to this NATS server in the background\n"
    "                    (default $LAKEHOUSE_NATS_URL; read-write servers only)\n"
    "  --no-auth         take requests without a token as read-only (loopback only; for\n"
    "                    local tools and MCP test suites that cannot send one)\n"
    "  --read-write      let read-write and admin tokens run writing tools; otherwise\n"
    "                    every query runs in the read-only sandbox\n"
    "  --max-rows, --max-chars, --timeout-ms   caps of every call, as in lakehouse tool\n"
    "\n"
    "Several servers may serve one lake (a PostgreSQL catalog and S3 store): tokens live\n"
    "in the lake's catalog, and a server keeps nothing of its own.\n";

const char *const token_help =
    "usage: lakehouse token create --tenant T [--read-only | --admin] [--expires-in D]\n"
    "\n"
    "Makes a bearer token for lakehouse serve and prints it once, alone on the last line\n"
    "of stdout. The lake keeps only its SHA-256, in the catalog. Without --read-only or\n"
    "--admin the token may also write (on a server started with --read-write); --admin\n"
    "tokens may also manage tenants' policies. --expires-in takes 30m, 12h, 7d, 2w...\n"
    "(default: never).\n"
    "\n"
    "example:\n"
    "  TOKEN=$(lakehouse token create --tenant robotics --read-only | tail -n1)\n"
    "  curl -H \"Authorization: Bearer $TOKEN\" 'http://127.0.0.1:8080/data/query?sql=SELECT+42'\n";

int cli_token(const opts *o)
{
	if (o->nargs < 1 || strcmp(o->args[0], "create") != 0)
		return usage_error("%s", "token: the command is `lakehouse token create --tenant T`");
	const char *tenant = NULL;
	lh_token_role role = LH_TOKEN_READ_WRITE;
	long long expires = 0;
	int roles = 0;
	for (int i = 1; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (!strcmp(a, "--read-only"))
			role = LH_TOKEN_READ_ONLY, roles++;
		else if (!strcmp(a, "--admin"))
			role = LH_TOKEN_ADMIN, roles++;
		else if (!strcmp(a, "--tenant") && i + 1 < o->nargs)
			tenant = o->args[++i];
		else if (!strcmp(a, "--expires-in") && i + 1 < o->nargs) {
			if (!cli_parse_duration(o->args[++i], &expires) || expires == 0)
				return usage_error("--expires-in takes a duration such as 30m, 12h or 7d, not "
				                   "'%s'",
				                   o->args[i]);
		} else
			return usage_error("token create: unexpected argument '%s'", a);
	}
	if (!tenant)
		return usage_error("%s", "token create needs --tenant T");
	if (roles > 1)
		return usage_error("%s", "token create takes --read-only or --admin, not both");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	char *token = NULL;
	if (lh_token_create(lake, tenant, role, expires, &token) != LH_OK) {
		rc = fail(lh_lake_error(lake));
	} else {
		fprintf(stderr, "a %s token for tenant '%s'%s; it is shown once, keep it safe:\n",
		        lh_token_role_name(role), tenant, expires ? " (expires)" : "");
		printf("%s\n", token);
	}
	lh_free(token);
	lh_lake_close(&lake);
	return rc;
}

/* The outbox's deliverer: a thread with a lake handle of its own that publishes new
 * events to NATS every half second, backing off to 5 s while NATS is unreachable. */
typedef struct deliverer {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool stop;
	const char *lake_dir;
	const char *url;
} deliverer;

static void *deliver_loop(void *arg)
{
	deliverer *d = arg;
	lh_lake *lake = NULL;
	char *err = NULL;
	int64_t wait_ms = 500;
	bool failing = false;
	pthread_mutex_lock(&d->mu);
	while (!d->stop) {
		pthread_mutex_unlock(&d->mu);
		lh_status st = lake ? LH_OK : lh_lake_open(d->lake_dir, &lake, &err);
		lh_deliver_report rep = {0};
		lh_deliver_options o = {.struct_size = sizeof o, .nats_url = d->url};
		if (st == LH_OK)
			st = lh_events_deliver(lake, &o, &rep);
		if (st != LH_OK && !failing)
			fprintf(stderr, "lakehouse serve: events wait in the outbox: %s (retrying)\n",
			        lake ? lh_lake_error(lake) : err ? err : lh_strerror(st));
		else if (st == LH_OK && failing)
			fprintf(stderr, "lakehouse serve: delivering events to %s again\n", d->url);
		lh_free(err);
		err = NULL;
		failing = st != LH_OK;
		wait_ms = failing ? (wait_ms * 2 > 5000 ? 5000 : wait_ms * 2) : 500;
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += wait_ms / 1000;
		until.tv_nsec += (wait_ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_mutex_lock(&d->mu);
		while (!d->stop && pthread_cond_timedwait(&d->cv, &d->mu, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&d->mu);
	lh_lake_close(&lake);
	return NULL;
}

static bool deliverer_start(deliverer *d, const char *lake_dir, const char *url)
{
	memset(d, 0, sizeof *d);
	d->lake_dir = lake_dir;
	d->url = url;
	pthread_mutex_init(&d->mu, NULL);
	pthread_cond_init(&d->cv, NULL);
	if (pthread_create(&d->thread, NULL, deliver_loop, d) == 0)
		return true;
	pthread_cond_destroy(&d->cv);
	pthread_mutex_destroy(&d->mu);
	return false;
}

static void deliverer_stop(deliverer *d)
{
	pthread_mutex_lock(&d->mu);
	d->stop = true;
	pthread_cond_signal(&d->cv);
	pthread_mutex_unlock(&d->mu);
	pthread_join(d->thread, NULL);
	pthread_cond_destroy(&d->cv);
	pthread_mutex_destroy(&d->mu);
}

static int whole(const char *flag, const char *text, unsigned long long max,
                 unsigned long long *out)
{
	char *end = NULL;
	unsigned long long v = strtoull(text, &end, 10);
	if (!*text || *end || text[0] == '-' || v > max) {
		fprintf(stderr, "Error: %s needs a whole number up to %llu, not '%s'\n", flag, max, text);
		return EXIT_USAGE;
	}
	*out = v;
	return 0;
}

int cli_serve(const opts *o)
{
	http_config cfg = {.lake = o->lake, .port = 8080, .tool = {.struct_size = sizeof cfg.tool},
	                   .instructions = cli_mcp_instructions};
	const char *nats = getenv("LAKEHOUSE_NATS_URL");
	for (int i = 0; i < o->nargs; i++) {
		const char *a = o->args[i];
		int rc = 0;
		unsigned long long v = 0;
		if (!strcmp(a, "--no-auth")) {
			cfg.no_auth = true;
			continue;
		}
		if (!strcmp(a, "--nats") && i + 1 < o->nargs) {
			nats = o->args[++i];
			continue;
		}
		if (cli_tool_option(o, &i, &cfg.tool, &rc)) {
			if (rc)
				return rc;
			cfg.read_write = cfg.tool.read_write;
			continue;
		}
		bool valued = !strcmp(a, "--bind") || !strcmp(a, "--port") || !strcmp(a, "--threads") ||
		              !strcmp(a, "--max-body");
		if (!valued || i + 1 >= o->nargs)
			return usage_error(valued ? "%s needs a value" : "serve: unexpected argument '%s'", a);
		const char *val = o->args[++i];
		if (!strcmp(a, "--bind"))
			cfg.bind = val;
		else if (!strcmp(a, "--port") && !(rc = whole(a, val, 65535, &v)))
			cfg.port = (unsigned)v;
		else if (!strcmp(a, "--threads") && !(rc = whole(a, val, 64, &v)))
			cfg.threads = v ? (unsigned)v : 1;
		else if (!strcmp(a, "--max-body") && !(rc = whole(a, val, 1ULL << 30, &v)))
			cfg.max_body = v ? (size_t)v : 1;
		if (rc)
			return rc;
	}
	/* as many connections as the descriptor limit allows */
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 2100)
		cfg.max_connections = rl.rlim_cur > 100 ? (unsigned)rl.rlim_cur - 100 : 16;
	/* signals go to sigwait below, not to the server's threads */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	http_server *s = NULL;
	char err[512];
	if (http_start(&cfg, &s, err, sizeof err) != 0)
		return fail(err);
	const char *host = cfg.bind && strcmp(cfg.bind, "0.0.0.0") ? cfg.bind : "127.0.0.1";
	printf("lakehouse serve: listening on http://%s:%u/ (%s)\n", cfg.bind ? cfg.bind : "127.0.0.1",
	       http_port(s), cfg.read_write ? "read-write" : "read-only sandbox");
	printf("lakehouse serve: the web UI is at http://%s:%u/ (sign in with a token of "
	       "`lakehouse token create`%s)\n",
	       host, http_port(s), cfg.no_auth ? ", or browse read-only without one" : "");
	fflush(stdout);
	/* a read-write server delivers the outbox; a read-only one writes nothing, the cursor
	 * included */
	deliverer d;
	bool delivering = nats && *nats && cfg.read_write && deliverer_start(&d, o->lake, nats);
	if (delivering)
		fprintf(stderr, "lakehouse serve: delivering events to %s\n", nats);
	int sig = 0;
	sigwait(&stop, &sig);
	fprintf(stderr, "lakehouse serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
	if (delivering)
		deliverer_stop(&d);
	http_stop(&s);
	return 0;
}
