/*
 * cli/main.c - the `lakehouse` command.
 *
 * Front end: uses include/lakehouse.h only. Global options (--lake, --format) are
 * accepted before or after the command name. Errors go to stderr as "Error: ..." and
 * the exit status is 1; usage errors exit with 2.
 */
#include "cli.h"
#include "lakehouse.h"
#include "output.h"
#include "repl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const usage_text =
    "usage: lakehouse [--lake DIR] <command> [options]\n"
    "\n"
    "A multimodal data lakehouse: DuckLake tables (0.3 or 1.0) queried with DuckDB.\n"
    "\n"
    "commands:\n"
    "  init [DIR] [--catalog SPEC] [--data PATH] [--ducklake-version 0.3|1.0]\n"
    "                               create a lake (default catalog DIR/metadata.sqlite, data DIR/data/)\n"
    "  sql [-c SQL | -f FILE]       run SQL; with neither, an interactive prompt\n"
    "  snapshots                    list the lake's snapshots\n"
    "  rollback TABLE VERSION       make a new snapshot with TABLE as it was at VERSION\n"
    "  tag create NAME [--snapshot N] | tag list | tag delete NAME\n"
    "                               name a snapshot (read with AT (TAG => 'NAME'); never expired)\n"
    "  catalog -c SQL               read the DuckLake catalog tables directly (one SELECT)\n"
    "  compact [TABLE]              merge small data files (all tables, or TABLE)\n"
    "  optimize TABLE --for random-access\n"
    "                               rewrite TABLE's files for reads of single rows\n"
    "  expire --older-than D | --keep-last N [--dry-run]\n"
    "                               forget old snapshots; their files await cleanup\n"
    "  cleanup [--older-than D] [--dry-run]\n"
    "                               delete files no snapshot needs and leftovers of failed writes\n"
    "  migrate [--to 1.0]           move the catalog to DuckLake 1.0 (DuckDB 1.5's format)\n"
    "  hf pull REPO_ID|FOLDER       land a Hugging Face dataset in a raw table\n"
    "  hf push TABLE REPO_ID        publish a table as a Hugging Face dataset\n"
    "  video ingest CLIP... --into T  fragmented MP4 + fragment index (+ MOT annotations)\n"
    "  video fetch URI FRAGMENT -o F  one fragment as a playable MP4, by ranged reads\n"
    "  video materialize -c SQL -o DIR  the fragments a query picks\n"
    "  quality TABLE [--key COL]    rows, nulls, distinct values, duplicate keys\n"
    "  tool NAME [--json JSON]      call a tool of the registry MCP and the HTTP API serve\n"
    "  mcp [--read-write]           serve the tools to an MCP client over stdio\n"
    "  serve [--port P] [--bind A]  the HTTP API and MCP over HTTP (bearer tokens)\n"
    "  token create --tenant T [--read-only | --admin]\n"
    "                               make a token for lakehouse serve (shown once)\n"
    "  experiment create ID --project P | list | show ID | complete ID\n"
    "                               the experiment registry (tables in schema registry)\n"
    "  run start EXPERIMENT_ID --sim-index K | log RUN_ID K=V... | complete RUN_ID |\n"
    "      fail RUN_ID | list [EXPERIMENT_ID] | show RUN_ID\n"
    "                               runs of an experiment and their metrics\n"
    "  verify [TABLE] [--snapshot N]  check every referenced file's size and checksum\n"
    "  version put DIR NAME [--kind dataset|checkpoint] | list | get NAME vN DIR | latest NAME\n"
    "                               versioned artifact folders (vN/, W&B manifest)\n"
    "  events deliver [--nats URL] | list | pending | emit SUBJECT\n"
    "                               the outbox events.log, published to NATS JetStream\n"
    "  agent quality [--rules FILE]\n"
    "                               check each ingested table when its event arrives\n"
    "  agent coordinator EXPERIMENT_ID [--runs K]\n"
    "                               complete the experiment when its K runs have\n"
    "  agent query                  answer lakehouse.query.requested on lakehouse.query.result\n"
    "  version                      print versions (also --version)\n"
    "  help [COMMAND]               this text, or a command's\n"
    "\n"
    "global options (before or after the command):\n"
    "  --lake DIR|CATALOG  the lake to use (default: $LAKEHOUSE_DIR, else ./lake); a catalog\n"
    "                      spec (duckdb:FILE, sqlite:FILE, postgres:CONNINFO) opens a DuckLake\n"
    "                      that has no lakehouse.conf, e.g. one DuckDB's ducklake wrote\n"
    "  --format FMT        table (default), csv or json\n"
    "  -h, --help          help\n";

static const char *const init_help =
    "usage: lakehouse init [DIR] [--catalog SPEC] [--data PATH] [--ducklake-version V]\n"
    "\n"
    "Creates a lake in DIR (default: --lake, $LAKEHOUSE_DIR, else ./lake): a DuckLake\n"
    "catalog, a data folder, and DIR/lakehouse.conf recording both. DIR must not already\n"
    "hold a lake.\n"
    "\n"
    "  --catalog SPEC   sqlite:FILE (default sqlite:metadata.sqlite, in DIR), duckdb:FILE\n"
    "                   (a DuckDB file DuckDB's ducklake can ATTACH), or postgres:CONNINFO\n"
    "                   (a libpq string or URI; the database must exist; the password goes\n"
    "                   in PGPASSWORD or ~/.pgpass, never in the string)\n"
    "  --data PATH      where data files go: a folder (default DIR/data/), or\n"
    "                   s3://bucket/prefix/ on an S3-compatible store; the endpoint and keys\n"
    "                   come from AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_S3), AWS_REGION,\n"
    "                   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN. The data\n"
    "                   path must be empty: each lake needs its own.\n"
    "  --ducklake-version V\n"
    "                   0.3 (default: DuckDB 1.4's ducklake extension reads it) or 1.0\n"
    "                   (what DuckDB 1.5.2 and later create; DuckDB 1.4 cannot read it).\n"
    "                   `lakehouse migrate` moves a 0.3 lake to 1.0 later.\n";

static const char *const sql_help =
    "usage: lakehouse sql [-c SQL | -f FILE] [--format table|csv|json]\n"
    "\n"
    "Runs SQL against the lake. -c and -f take one or more statements separated by\n"
    "semicolons; they run in order and stop at the first error. With neither, reads\n"
    "statements from an interactive prompt (or from standard input when it is not a\n"
    "terminal).\n"
    "\n"
    "Lake tables are named table, schema.table or lake.schema.table. Every DuckDB query\n"
    "works; add AT (VERSION => n) or AT (TIMESTAMP => ts) to any table reference for\n"
    "time travel. Outside BEGIN ... COMMIT each statement that changes the lake makes\n"
    "its own snapshot.\n"
    "\n"
    "With no --lake (and no $LAKEHOUSE_DIR, no ./lake) the session starts without a lake\n"
    "and the script attaches one as with DuckDB's ducklake extension:\n"
    "  ATTACH 'ducklake:meta.ducklake' AS my (DATA_PATH 'files/'); SELECT * FROM my.t;\n"
    "('ducklake:sqlite:FILE', 'ducklake:postgres:CONNINFO' too; a missing catalog is\n"
    "created; READ_ONLY, SNAPSHOT_VERSION, SNAPSHOT_TIME, METADATA_SCHEMA; DETACH my).\n"
    "Several lakes may be attached: a statement runs on the lake its target names (or\n"
    "USE's) and reads the others' tables, so INSERT INTO b.t SELECT * FROM a.t copies.\n"
    "\n"
    "  -c SQL            the statements to run\n"
    "  -f FILE           run the statements in FILE ('-' for standard input)\n"
    "  --format FMT      table (default), csv or json\n"
    "  --max-rows N      rows the table format shows (default 40)\n";

static const char *const snapshots_help =
    "usage: lakehouse snapshots [--format table|csv|json]\n"
    "\n"
    "Lists every snapshot: id, time, schema version and what it changed (the same as\n"
    "SELECT * FROM ducklake_snapshots('lake')).\n";

static const char *const rollback_help =
    "usage: lakehouse rollback TABLE VERSION\n"
    "\n"
    "Makes a new snapshot in which TABLE (table, schema.table) has the data and columns it\n"
    "had at snapshot VERSION. History stays: time travel to every snapshot still works,\n"
    "and no data file is copied. SQL: CALL lakehouse_rollback('schema.table', VERSION).\n"
    "\n"
    "The table is found by name: if it was dropped and re-created since VERSION (as a\n"
    "rebuild does), the table of that name at VERSION gives today's table its columns and\n"
    "rows. The change feed (ducklake_table_changes) follows today's table: the rollback\n"
    "shows as its rows going and the old rows coming back; rows whose row ids coincide\n"
    "show as updates.\n";

int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "Error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nRun 'lakehouse --help' for usage.\n");
	return EXIT_USAGE;
}

/* Pulls --lake, --format and --help out of argv, wherever they are. */
static int parse_globals(int argc, char **argv, opts *o)
{
	o->args = calloc((size_t)argc + 1, sizeof *o->args);
	if (!o->args)
		return fail("out of memory");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (strcmp(a, "--lake") == 0 || strcmp(a, "--format") == 0) {
			if (i + 1 >= argc)
				return usage_error("%s needs a value", a);
			val = argv[++i];
		} else if (strncmp(a, "--lake=", 7) == 0 || strncmp(a, "--format=", 9) == 0) {
			val = strchr(a, '=') + 1;
		}
		if (val && strncmp(a, "--lake", 6) == 0) {
			o->lake = val;
		} else if (val) {
			if (!cli_parse_format(val, &o->format))
				return usage_error("unknown format '%s' (use table, csv or json)", val);
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			o->help = true;
		} else if (strcmp(a, "--version") == 0 && !o->command) {
			o->command = "version";
		} else if (!o->command && a[0] != '-') {
			o->command = a;
		} else {
			o->args[o->nargs++] = argv[i];
		}
	}
	if (!o->lake)
		o->lake = getenv("LAKEHOUSE_DIR");
	if (!o->lake || !*o->lake) {
		o->lake = "lake";
		o->lake_default = true;
	}
	return 0;
}

int fail(const char *msg)
{
	/* only a failed allocation loses a message (util/err.c) */
	fprintf(stderr, "Error: %s\n", msg && *msg ? msg : "out of memory");
	return 1;
}

int fail_status(const char *what, lh_status st)
{
	fprintf(stderr, "Error: %s: %s\n", what, lh_strerror(st));
	return 1;
}

int open_lake(const opts *o, lh_lake **lake)
{
	char *err = NULL;
	if (lh_lake_open(o->lake, lake, &err) != LH_OK) {
		int rc = fail(err);
		lh_free(err);
		return rc;
	}
	lh_lake_set_render(*lake, o->format == CLI_JSON ? LH_RENDER_JSON : LH_RENDER_TEXT);
	return 0;
}

static int cmd_version(void)
{
	printf("lakehouse %s (DuckDB %s, DuckLake 0.3 and 1.0)\n", lh_version(), lh_duckdb_version());
	return 0;
}

static int cmd_init(const opts *o)
{
	const char *dir = o->lake, *data = NULL, *catalog = NULL, *version = NULL;
	for (int i = 0; i < o->nargs; i++) {
		if (strcmp(o->args[i], "--data") == 0 && i + 1 < o->nargs)
			data = o->args[++i];
		else if (strncmp(o->args[i], "--data=", 7) == 0)
			data = o->args[i] + 7;
		else if (strcmp(o->args[i], "--ducklake-version") == 0 && i + 1 < o->nargs)
			version = o->args[++i];
		else if (strncmp(o->args[i], "--ducklake-version=", 19) == 0)
			version = o->args[i] + 19;
		else if (strcmp(o->args[i], "--catalog") == 0 && i + 1 < o->nargs)
			catalog = o->args[++i];
		else if (strncmp(o->args[i], "--catalog=", 10) == 0)
			catalog = o->args[i] + 10;
		else if (o->args[i][0] == '-')
			return usage_error("init: unknown option '%s'", o->args[i]);
		else
			dir = o->args[i];
	}
	lh_create_options co = {.data_path = data, .catalog = catalog, .ducklake_version = version};
	lh_lake *lake = NULL;
	char *err = NULL;
	if (lh_lake_create(dir, &co, &lake, &err) != LH_OK) {
		int rc = fail(err);
		lh_free(err);
		return rc;
	}
	printf("created lake '%s' (DuckLake %s catalog %s, data %s)\n", dir,
	       lh_lake_ducklake_version(lake), catalog ? catalog : "sqlite:metadata.sqlite",
	       lh_lake_data_path(lake));
	lh_lake_close(&lake);
	return 0;
}

char *cli_read_file_text(const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			char *grown = realloc(buf, cap * 2);
			if (!grown) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = grown;
			cap *= 2;
		}
	}
	if (buf)
		buf[len] = '\0';
	if (f != stdin)
		fclose(f);
	return buf;
}

static int cmd_sql(const opts *o)
{
	const char *sql = NULL, *file = NULL;
	cli_print_ctx pc = {.format = o->format, .max_rows = 40};
	for (int i = 0; i < o->nargs; i++) {
		const char *a = o->args[i];
		if (strcmp(a, "-c") == 0 && i + 1 < o->nargs)
			sql = o->args[++i];
		else if (strcmp(a, "-f") == 0 && i + 1 < o->nargs)
			file = o->args[++i];
		else if (strcmp(a, "--max-rows") == 0 && i + 1 < o->nargs)
			pc.max_rows = (size_t)strtoul(o->args[++i], NULL, 10);
		else if (strcmp(a, "-c") == 0 || strcmp(a, "-f") == 0)
			return usage_error("%s needs a value", a);
		else
			return usage_error("sql: unexpected argument '%s'", a);
	}
	if (sql && file)
		return usage_error("%s", "sql: give -c or -f, not both");
	lh_lake *lake = NULL;
	int rc = 0;
	if (o->lake_default && access(o->lake, F_OK) != 0) {
		/* no lake named and none here: a session whose script ATTACHes its own */
		char *err = NULL;
		if (lh_session_open(&lake, &err) != LH_OK)
			rc = fail(err);
		lh_free(err);
		if (!rc)
			lh_lake_set_render(lake, o->format == CLI_JSON ? LH_RENDER_JSON : LH_RENDER_TEXT);
	} else {
		rc = open_lake(o, &lake);
	}
	if (rc)
		return rc;
	char *text = NULL;
	if (file && !(text = cli_read_file_text(file))) {
		fprintf(stderr, "Error: cannot read '%s': %s\n", file, strerror(errno));
		lh_lake_close(&lake);
		return 1;
	}
	if (sql || text) {
		if (lh_lake_exec(lake, sql ? sql : text, cli_print_cb, &pc) != LH_OK)
			rc = fail(lh_lake_error(lake));
	} else {
		rc = cli_repl(lake, o->format, pc.max_rows);
	}
	free(text);
	lh_lake_close(&lake);
	return rc;
}

static int cmd_snapshots(const opts *o)
{
	if (o->nargs > 0)
		return usage_error("snapshots: unexpected argument '%s'", o->args[0]);
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	cli_print_ctx pc = {.format = o->format, .max_rows = 1000000};
	if (lh_lake_exec(lake,
	                 "SELECT snapshot_id, snapshot_time, schema_version, changes, author, "
	                 "commit_message FROM ducklake_snapshots('lake') ORDER BY snapshot_id",
	                 cli_print_cb, &pc) != LH_OK)
		rc = fail(lh_lake_error(lake));
	lh_lake_close(&lake);
	return rc;
}

static int cmd_rollback(const opts *o)
{
	if (o->nargs != 2)
		return usage_error("%s", "rollback: expected TABLE VERSION (e.g. rollback raw.items 3)");
	char *end;
	errno = 0;
	long long version = strtoll(o->args[1], &end, 10);
	if (errno || *end || end == o->args[1] || version < 0)
		return usage_error("rollback: VERSION must be a snapshot id, not '%s'", o->args[1]);
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	int64_t snap = -1;
	if (lh_rollback_table(lake, o->args[0], version, &snap) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if (snap < 0)
		printf("'%s' already matches version %lld; no snapshot made\n", o->args[0], version);
	else
		printf("rolled back '%s' to version %lld in new snapshot %lld\n", o->args[0], version,
		       (long long)snap);
	lh_lake_close(&lake);
	return rc;
}

static const char *const catalog_help =
    "usage: lakehouse catalog -c SQL [--format table|csv|json]\n"
    "\n"
    "Runs one read-only SELECT directly against the lake's catalog database, for\n"
    "inspecting the DuckLake tables (ducklake_snapshot, ducklake_data_file, ...). Values\n"
    "are shown as the catalog database stores them.\n";

static int cmd_catalog(const opts *o)
{
	const char *sql = NULL;
	for (int i = 0; i < o->nargs; i++) {
		if (strcmp(o->args[i], "-c") == 0 && i + 1 < o->nargs)
			sql = o->args[++i];
		else
			return usage_error("catalog: unexpected argument '%s'", o->args[i]);
	}
	if (!sql)
		return usage_error("%s", "catalog: give the query with -c");
	lh_lake *lake = NULL;
	int rc = open_lake(o, &lake);
	if (rc)
		return rc;
	lh_result *r = NULL;
	lh_status st;
	if (lh_lake_catalog_query(lake, sql, &r) != LH_OK)
		rc = fail(lh_lake_error(lake));
	else if ((st = cli_print_result(stdout, r, o->format, 1000000)) != LH_OK)
		rc = fail_status("cannot read the result", st);
	lh_result_destroy(&r);
	lh_lake_close(&lake);
	return rc;
}

static int help_for(const char *cmd)
{
	const char *text = usage_text;
	if (cmd && strcmp(cmd, "init") == 0)
		text = init_help;
	else if (cmd && strcmp(cmd, "sql") == 0)
		text = sql_help;
	else if (cmd && strcmp(cmd, "snapshots") == 0)
		text = snapshots_help;
	else if (cmd && strcmp(cmd, "rollback") == 0)
		text = rollback_help;
	else if (cmd && strcmp(cmd, "catalog") == 0)
		text = catalog_help;
	else if (cmd && strcmp(cmd, "hf") == 0)
		text = hf_help;
	else if (cmd && strcmp(cmd, "video") == 0)
		text = video_help;
	else if (cmd && strcmp(cmd, "quality") == 0)
		text = quality_help;
	else if (cmd && strcmp(cmd, "verify") == 0)
		text = verify_help;
	else if (cmd && strcmp(cmd, "tool") == 0)
		text = tool_help;
	else if (cmd && strcmp(cmd, "mcp") == 0)
		text = mcp_help;
	else if (cmd && strcmp(cmd, "serve") == 0)
		text = serve_help;
	else if (cmd && strcmp(cmd, "token") == 0)
		text = token_help;
	else if (cmd && strcmp(cmd, "tag") == 0)
		text = tag_help;
	else if (cmd && strcmp(cmd, "experiment") == 0)
		text = experiment_help;
	else if (cmd && strcmp(cmd, "version") == 0)
		text = version_help;
	else if (cmd && strcmp(cmd, "events") == 0)
		text = events_help;
	else if (cmd && strcmp(cmd, "agent") == 0)
		text = agent_help;
	else if (cmd && strcmp(cmd, "run") == 0)
		text = run_help;
	else if (cmd && cli_maint_help(cmd))
		text = cli_maint_help(cmd);
	fputs(text, stdout);
	if (text == sql_help) {
		/* the SQL front's own table of statement kinds */
		fputs("\nstatements the lake handles itself (the rest is DuckDB's SQL over the lake):\n",
		      stdout);
		const char *help;
		for (size_t i = 0; lh_sql_statement(i, &help); i++)
			printf("  %-18s %s\n", lh_sql_statement(i, NULL), help);
	}
	return 0;
}

int main(int argc, char **argv)
{
	opts o = {.format = CLI_TABLE};
	int rc = parse_globals(argc, argv, &o);
	if (rc) {
		free(o.args);
		return rc;
	}
	const char *cmd = o.command;
	if (!cmd)
		rc = o.help ? help_for(NULL) : usage_error("%s", "no command given");
	else if (o.help)
		rc = help_for(cmd);
	else if (strcmp(cmd, "help") == 0)
		rc = help_for(o.nargs ? o.args[0] : NULL);
	else if (strcmp(cmd, "version") == 0)
		rc = o.nargs ? cli_version_cmd(&o) : cmd_version();
	else if (strcmp(cmd, "init") == 0)
		rc = cmd_init(&o);
	else if (strcmp(cmd, "sql") == 0)
		rc = cmd_sql(&o);
	else if (strcmp(cmd, "snapshots") == 0)
		rc = cmd_snapshots(&o);
	else if (strcmp(cmd, "rollback") == 0)
		rc = cmd_rollback(&o);
	else if (strcmp(cmd, "catalog") == 0)
		rc = cmd_catalog(&o);
	else if (strcmp(cmd, "hf") == 0)
		rc = cli_hf(&o);
	else if (strcmp(cmd, "video") == 0)
		rc = cli_video(&o);
	else if (strcmp(cmd, "quality") == 0)
		rc = cli_quality(&o);
	else if (strcmp(cmd, "verify") == 0)
		rc = cli_verify(&o);
	else if (strcmp(cmd, "tool") == 0)
		rc = cli_tool(&o);
	else if (strcmp(cmd, "mcp") == 0)
		rc = cli_mcp(&o);
	else if (strcmp(cmd, "serve") == 0)
		rc = cli_serve(&o);
	else if (strcmp(cmd, "token") == 0)
		rc = cli_token(&o);
	else if (strcmp(cmd, "tag") == 0)
		rc = cli_tag(&o);
	else if (strcmp(cmd, "experiment") == 0)
		rc = cli_experiment(&o);
	else if (strcmp(cmd, "run") == 0)
		rc = cli_run(&o);
	else if (strcmp(cmd, "events") == 0)
		rc = cli_events(&o);
	else if (strcmp(cmd, "agent") == 0)
		rc = cli_agent(&o);
	else if (cli_maint_help(cmd))
		rc = cli_maint(cmd, &o);
	else
		rc = usage_error("unknown command '%s'", cmd);
	free(o.args);
	return rc;
}
