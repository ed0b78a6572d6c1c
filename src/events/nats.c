/*
 * events/nats.c - a connection to NATS JetStream and the stream LAKEHOUSE (see nats.h).
 *
 * Layer: services, over libnats.
 */
#include "events/nats.h"
#include "lake/services.h"
#include "util/err.h"

#include <string.h>

#define DEDUP_WINDOW_NS (3600LL * 1000000000LL)

lh_status lh_nats_fail(lh_lake *lake, const lh_nats *c, const char *what, natsStatus s)
{
	const char *detail = nats_GetLastError(NULL);
	/* the library's last error says more than the status, after its "(file.c:line): " */
	const char *why = detail ? strstr(detail, "): ") : NULL;
	return lh_err_set(lh_lake_err(lake), LH_ERR_IO, "%s (NATS at %s): %s", what, c->url,
	                  why && why[3] ? why + 3 : natsStatus_GetText(s));
}

lh_status lh_nats_ensure_stream(lh_lake *lake, lh_nats *c)
{
	jsStreamInfo *si = NULL;
	jsErrCode jerr = 0;
	natsStatus s = js_GetStreamInfo(&si, c->js, LH_NATS_STREAM, NULL, &jerr);
	if (s == NATS_OK) {
		jsStreamInfo_Destroy(si);
		return LH_OK;
	}
	if (s != NATS_NOT_FOUND && jerr != JSStreamNotFoundErr)
		return lh_nats_fail(lake, c, "cannot read JetStream stream " LH_NATS_STREAM, s);
	jsStreamConfig cfg;
	jsStreamConfig_Init(&cfg);
	const char *subjects[] = {"lakehouse.>"};
	cfg.Name = LH_NATS_STREAM;
	cfg.Description = "Modal Lakehouse events (the outbox events.log, delivered)";
	cfg.Subjects = subjects;
	cfg.SubjectsLen = 1;
	cfg.Storage = js_FileStorage;
	cfg.Duplicates = DEDUP_WINDOW_NS;
	jerr = 0;
	s = js_AddStream(&si, c->js, &cfg, NULL, &jerr);
	jsStreamInfo_Destroy(si);
	/* another deliverer made it meanwhile */
	if (s != NATS_OK && jerr != JSStreamNameExistErr)
		return lh_nats_fail(lake, c, "cannot make JetStream stream " LH_NATS_STREAM, s);
	return LH_OK;
}

void lh_nats_close(lh_nats *c)
{
	const char *url = c->url;
	jsCtx_Destroy(c->js);
	if (c->nc)
		natsConnection_Close(c->nc);
	natsConnection_Destroy(c->nc);
	natsOptions_Destroy(c->opts);
	memset(c, 0, sizeof *c);
	c->url = url; /* for an error message after the close */
}

lh_status lh_nats_open(lh_lake *lake, const char *url, int64_t timeout_ms, lh_nats *c)
{
	memset(c, 0, sizeof *c);
	c->url = url;
	natsStatus s = natsOptions_Create(&c->opts);
	if (s == NATS_OK)
		s = natsOptions_SetURL(c->opts, url);
	if (s == NATS_OK)
		s = natsOptions_SetTimeout(c->opts, timeout_ms);
	if (s == NATS_OK)
		s = natsOptions_SetAllowReconnect(c->opts, false);
	if (s != NATS_OK) {
		lh_nats_close(c);
		return lh_err_set(lh_lake_err(lake), LH_ERR_INVALID,
		                  "NATS URL '%s' is not usable: %s", url, natsStatus_GetText(s));
	}
	if ((s = natsConnection_Connect(&c->nc, c->opts)) != NATS_OK) {
		lh_nats_close(c);
		return lh_nats_fail(lake, c, "cannot connect", s);
	}
	jsOptions jo;
	jsOptions_Init(&jo);
	jo.Wait = timeout_ms;
	if ((s = natsConnection_JetStream(&c->js, c->nc, &jo)) != NATS_OK) {
		lh_nats_close(c);
		return lh_nats_fail(lake, c, "cannot use JetStream", s);
	}
	return LH_OK;
}
