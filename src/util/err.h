/*
 * util/err.h - the error channel every layer fills: a status plus a detail message.
 *
 * Layer: util (bottom). Knows nothing about the layers above. Messages follow the
 * project rule: lower case, what failed first, the subject quoted, what to do last.
 * A message is capped at LH_ERR_MAX bytes; longer ones are cut, never an error.
 */
#ifndef LH_UTIL_ERR_H
#define LH_UTIL_ERR_H

#include "lakehouse.h"

#include <stdarg.h>

#define LH_ERR_MAX 16384

typedef struct lh_err {
	lh_status code; /* LH_OK when no error is recorded */
	char *msg;      /* heap string or NULL; owned by the struct */
} lh_err;

/* Records an error and returns `code`, so callers can write `return lh_err_set(...)`. */
lh_status lh_err_set(lh_err *err, lh_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
lh_status lh_err_setv(lh_err *err, lh_status code, const char *fmt, va_list ap);
/* Prepends context to an existing message ("cannot commit: " + old). Returns err->code. */
lh_status lh_err_prefix(lh_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The message, "" when none. Owned by err. */
const char *lh_err_msg(const lh_err *err);
void lh_err_clear(lh_err *err);

/* An option struct of include/lakehouse.h the caller sized for this library: struct_size
 * 0 or sizeof the struct (later versions accept the smaller sizes of earlier ones). */
#define LH_OPTIONS_SIZE_OK(o) (!(o) || (o)->struct_size == 0 || (o)->struct_size == sizeof *(o))
/* The error for one that is not. */
lh_status lh_err_options_size(lh_err *err, const char *type, size_t got, size_t want);
/* Moves src into dst (dst's old message is freed), leaving src clear. */
void lh_err_move(lh_err *dst, lh_err *src);

#endif
