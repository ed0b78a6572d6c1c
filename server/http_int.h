/*
 * server/http_int.h - the answers http.c writes, shared with the UI's endpoints (ui.c).
 */
#ifndef LH_SERVER_HTTP_INT_H
#define LH_SERVER_HTTP_INT_H

#include "lakehouse.h"

#include <jansson.h>
#include <microhttpd.h>

/* A JSON answer (takes v). */
enum MHD_Result http_send_json(struct MHD_Connection *c, unsigned status, json_t *v);
/* {"error": kind, "message": message}. */
enum MHD_Result http_send_error(struct MHD_Connection *c, unsigned status, const char *kind,
                                const char *message);
/* The HTTP status and error kind (into kind[n]) of a library status. */
unsigned http_status_of(lh_status st, char *kind, size_t n);

#endif
