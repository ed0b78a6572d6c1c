/*
 * util/err.c - status names and the error detail channel. See err.h.
 */
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *lh_strerror(lh_status status)
{
	switch (status) {
#define LH__TEXT(name, num, text)                                                      \
	case name:                                                                         \
		return text;
		LH_STATUS_MAP(LH__TEXT)
#undef LH__TEXT
	default:
		return "unknown status";
	}
}

const char *lh_status_name(lh_status status)
{
	switch (status) {
#define LH__NAME(name, num, text)                                                      \
	case name:                                                                         \
		return #name;
		LH_STATUS_MAP(LH__NAME)
#undef LH__NAME
	default:
		return "LH_UNKNOWN";
	}
}

void lh_free(void *ptr)
{
	free(ptr);
}

lh_status lh_err_setv(lh_err *err, lh_status code, const char *fmt, va_list ap)
{
	if (!err)
		return code;
	char *msg = malloc(LH_ERR_MAX);
	if (msg) {
		vsnprintf(msg, LH_ERR_MAX, fmt, ap);
		char *shrunk = realloc(msg, strlen(msg) + 1);
		if (shrunk)
			msg = shrunk;
	}
	free(err->msg);
	err->msg = msg;
	err->code = code;
	return code;
}

lh_status lh_err_set(lh_err *err, lh_status code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lh_err_setv(err, code, fmt, ap);
	va_end(ap);
	return code;
}

lh_status lh_err_prefix(lh_err *err, const char *fmt, ...)
{
	if (!err)
		return LH_ERR_INTERNAL;
	char head[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	const char *old = err->msg ? err->msg : "";
	size_t n = strlen(head) + strlen(old) + 1;
	if (n > LH_ERR_MAX)
		n = LH_ERR_MAX;
	char *msg = malloc(n);
	if (msg)
		snprintf(msg, n, "%s%s", head, old);
	free(err->msg);
	err->msg = msg;
	if (err->code == LH_OK)
		err->code = LH_ERR_INTERNAL;
	return err->code;
}

const char *lh_err_msg(const lh_err *err)
{
	/* an error without its message: the allocation of the message failed */
	if (err && !err->msg && err->code != LH_OK)
		return "out of memory";
	return err && err->msg ? err->msg : "";
}

void lh_err_clear(lh_err *err)
{
	if (!err)
		return;
	free(err->msg);
	err->msg = NULL;
	err->code = LH_OK;
}

void lh_err_move(lh_err *dst, lh_err *src)
{
	if (dst == src)
		return;
	free(dst->msg);
	*dst = *src;
	src->msg = NULL;
	src->code = LH_OK;
}

lh_status lh_err_options_size(lh_err *err, const char *type, size_t got, size_t want)
{
	return lh_err_set(err, LH_ERR_INVALID,
	                  "%s.struct_size is %zu, but this library's %s has %zu bytes: the caller "
	                  "was built against another lakehouse.h (rebuild it, or set 0)",
	                  type, got, type, want);
}
