/*
 * server/ui.h - the web UI `lakehouse serve` serves at / (see ui.c): its files, built
 * into the binary from web/ (cmake/embed.cmake), and the endpoints only a browser needs
 * besides the tool registry (the session, image thumbnails, video fragments).
 */
#ifndef LH_SERVER_UI_H
#define LH_SERVER_UI_H

#include "lakehouse.h"

#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct ui_asset {
	const char *name; /* file name in web/ */
	const char *type; /* media type */
	const unsigned char *data;
	size_t len;
} ui_asset;

/* Every file of web/, ended by an entry with a NULL name (generated: ui_assets.c). */
extern const ui_asset ui_assets[];

/* The file a URL names ("/" is index.html, "/ui/NAME" is NAME), or NULL. */
const ui_asset *ui_asset_find(const char *url);

/* Thumbnails made, kept up to a number of bytes (least recently used dropped first). */
typedef struct ui_cache ui_cache;
ui_cache *ui_cache_new(size_t max_bytes);
void ui_cache_free(ui_cache **cache);

/* What the request's token may do, as GET /ui/session answers it. */
typedef struct ui_caller {
	const char *tenant; /* NULL: none (a --no-auth request) */
	lh_token_role role;
	bool writes; /* writing tools run for it on this server */
} ui_caller;

enum MHD_Result ui_send_asset(struct MHD_Connection *c, const ui_asset *a);
enum MHD_Result ui_session(struct MHD_Connection *c, const ui_caller *who);
/* GET /ui/thumb?table=&column=&uri=&size=&snapshot=: a JPEG of an image the table holds. */
enum MHD_Result ui_thumb(struct MHD_Connection *c, lh_lake *lake, const lh_tool_options *to,
                         ui_cache *cache);
/* GET /ui/fragment?table=&clip_uri=&fragment=: one fragment of a clip as a playable MP4. */
enum MHD_Result ui_fragment(struct MHD_Connection *c, lh_lake *lake, const lh_tool_options *to);

#endif
