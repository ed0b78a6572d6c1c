/*
 * registry/registry_int.h - what the registry's files share (registry.c: experiments and
 * runs, and the tables; versions.c: artifact versions).
 *
 * Layer: services.
 */
#ifndef LH_REGISTRY_INT_H
#define LH_REGISTRY_INT_H

#include "lakehouse.h"
#include "lake/services.h"

#include <jansson.h>
#include <stdbool.h>

/* lh_lake_atomic for a change of the registry: the registry's tables (schema registry)
 * are made by the first change, in the snapshot it makes. */
lh_status lh_registry_change(lh_lake *lake, lh_atomic_fn fn, void *arg, const lh_claim *claim,
                             int64_t *out_snapshot);
/* LH_OK when the experiment, run (LH_REGISTRY_RUN) or artifact name
 * (LH_REGISTRY_VERSIONS) `id` is registered, else LH_ERR_NOT_FOUND saying so. */
lh_status lh_registry_exists(lh_lake *lake, lh_registry_view view, const char *id);
/* Sets the lake's error; returns code. */
lh_status lh_registry_fail(lh_lake *lake, lh_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The first row of a query, its ncol values as text (NULL for SQL NULL; free them with
 * lh_registry_row_free); *found false when it has no row. */
lh_status lh_registry_row(lh_lake *lake, const char *sql, const lh_value *p, size_t np,
                          size_t ncol, char **out, bool *found);
void lh_registry_row_free(char **row, size_t n);
/* 1 to 128 of [A-Za-z0-9_.-], the first not '.' or '-': experiment ids and artifact
 * names (a name becomes a folder: never ".", ".." or hidden). */
bool lh_registry_id_ok(const char *s);
/* 1 to max bytes without control characters. */
bool lh_registry_label_ok(const char *s, size_t max);
/* Appends the event of the change in the open transaction; takes `payload`. */
lh_status lh_registry_emit(lh_lake *lake, const char *subject, json_t *payload);
/* Values to bind (text NULL: SQL NULL). */
lh_value lh_registry_text(const char *s);
lh_value lh_registry_int(int64_t i);

#endif
