/*
 * lakehouse.h - the public C API of Modal Lakehouse.
 *
 * A lake is a DuckLake 0.3 catalog (SQLite by default) plus a folder of Parquet files.
 * DuckDB 1.4 runs every query. This header is the only one the CLI, the Python binding
 * and the servers include; everything else is private.
 *
 * Conventions
 *   - Every action returns lh_status; LH_OK is 0. The detail message of the last failure
 *     lives on the handle that failed (lh_lake_error) and is valid until the next call on
 *     that handle.
 *   - Handles are opaque. Whoever calls _open/_create calls _close; destructors accept
 *     NULL and set the caller's pointer to NULL.
 *   - Strings returned as `const char *` are owned by the handle and must not be freed.
 *     Strings returned as `char *` are the caller's, freed with lh_free().
 *   - A handle is used by one thread at a time. Several processes may open one lake.
 */
#ifndef LAKEHOUSE_H
#define LAKEHOUSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LH_VERSION "0.1.0"

/*
 * Option structs start with `struct_size`: 0 (or sizeof the struct) means the layout of
 * this header. Later versions only append fields, and read an appended field only when
 * the caller's struct_size covers it; a struct_size larger than the library knows (a
 * caller built against a newer header) is LH_ERR_INVALID, never a read past the end.
 */

/* Marks the functions liblakehouse.so exports; everything else in it is hidden. */
#define LH_API __attribute__((visibility("default")))

/* ---------------------------------------------------------------------------------
 * Status codes. The numbers are stable: never renumber, only add before LH__LAST.
 * ------------------------------------------------------------------------------- */
#define LH_STATUS_MAP(X)                                                               \
	X(LH_OK, 0, "ok")                                                                  \
	X(LH_ERR_INVALID, 1, "invalid argument")                                          \
	X(LH_ERR_NOMEM, 2, "out of memory")                                               \
	X(LH_ERR_IO, 3, "input/output error")                                             \
	X(LH_ERR_NOT_FOUND, 4, "not found")                                               \
	X(LH_ERR_EXISTS, 5, "already exists")                                             \
	X(LH_ERR_SYNTAX, 6, "syntax error")                                               \
	X(LH_ERR_TYPE, 7, "type error")                                                   \
	X(LH_ERR_CONSTRAINT, 8, "constraint violated")                                    \
	X(LH_ERR_CONFLICT, 9, "conflict with a concurrent commit")                        \
	X(LH_ERR_BUSY, 10, "catalog busy")                                                \
	X(LH_ERR_CATALOG, 11, "catalog error")                                            \
	X(LH_ERR_ENGINE, 12, "query engine error")                                        \
	X(LH_ERR_UNSUPPORTED, 13, "not supported")                                        \
	X(LH_ERR_CORRUPT, 14, "corrupt or foreign data")                                  \
	X(LH_ERR_TOO_BIG, 15, "limit exceeded")                                           \
	X(LH_ERR_TXN, 16, "transaction error")                                            \
	X(LH_ERR_INTERNAL, 17, "internal error")                                          \
	X(LH_ERR_READ_ONLY, 18, "read-only")                                               \
	X(LH_ERR_NO_SPACE, 19, "no space left on device")                                 \
	X(LH_ERR_TIMEOUT, 20, "timed out")

typedef enum lh_status {
#define LH__ENUM(name, num, text) name = num,
	LH_STATUS_MAP(LH__ENUM)
#undef LH__ENUM
	LH__LAST
} lh_status;

/* A short English description of a status ("not found"). Never NULL. */
LH_API const char *lh_strerror(lh_status status);
/* The enum name of a status ("LH_ERR_NOT_FOUND"). Never NULL. */
LH_API const char *lh_status_name(lh_status status);

/* Frees memory this library handed to the caller as `char *`. Accepts NULL. */
LH_API void lh_free(void *ptr);

/* Our version ("0.1.0") and the embedded DuckDB's ("v1.4.4"). Static strings. */
LH_API const char *lh_version(void);
LH_API const char *lh_duckdb_version(void);

/* ---------------------------------------------------------------------------------
 * Types you never free
 * ------------------------------------------------------------------------------- */

/* Options for lh_lake_create. Zero-initialise, then set what you need. */
typedef struct lh_create_options {
	/* sizeof(lh_create_options) as the caller compiled it, or 0 for this header's
	 * layout (see "Option structs" above). */
	size_t struct_size;
	/* The catalog: "sqlite:<file>" (default "sqlite:metadata.sqlite"), "duckdb:<file>"
	 * (files relative to the lake folder) or "postgres:<libpq connection string or URI>"
	 * (the database must exist; no password in it: use PGPASSWORD or ~/.pgpass). */
	const char *catalog;
	/* Where data files go. NULL: "<dir>/data/". A relative path is taken from the
	 * working directory. A folder inside the lake is stored relative to the lake (so the
	 * lake can be moved whole), any other as an absolute path. */
	const char *data_path;
	/* The DuckLake version of the new catalog: "0.3" (NULL: the default, the version
	 * DuckDB 1.4's ducklake extension reads) or "1.0" (what DuckDB 1.5.2 and later
	 * create). Appended after data_path: read only when struct_size covers it. */
	const char *ducklake_version;
} lh_create_options;

/* One row of lh_lake_snapshots. Strings are owned by the snapshot list. */
typedef struct lh_snapshot {
	int64_t snapshot_id;
	const char *snapshot_time; /* "2026-01-01 10:00:00.123+00" (UTC) */
	int64_t schema_version;
	const char *changes;        /* the raw changes_made string, "" if none */
	const char *author;         /* who made it; NULL when not recorded */
	const char *commit_message; /* NULL when not recorded */
} lh_snapshot;

/* ---------------------------------------------------------------------------------
 * Types you must destroy
 * ------------------------------------------------------------------------------- */

/* An open lake. Must be closed with lh_lake_close. */
typedef struct lh_lake lh_lake;
/* The result of one SQL statement. Must be destroyed with lh_result_destroy. */
typedef struct lh_result lh_result;
/* A list of snapshots. Must be destroyed with lh_snapshots_destroy. */
typedef struct lh_snapshot_list lh_snapshot_list;

/* ---------------------------------------------------------------------------------
 * Opening and closing a lake
 * ------------------------------------------------------------------------------- */

/*
 * Creates a new lake in `dir` (created if missing; must not already hold a lake): a
 * DuckLake 0.3 catalog (default dir/metadata.sqlite), the data folder, and
 * dir/lakehouse.conf recording both.
 * On success *out_lake is an open lake. On failure *out_lake is NULL and, if out_error
 * is not NULL, *out_error is a message the caller frees with lh_free.
 */
LH_API lh_status lh_lake_create(const char *dir, const lh_create_options *options, lh_lake **out_lake,
                                char **out_error);

/*
 * Opens the lake in `dir`. A directory without a lakehouse.conf, or whose catalog is not
 * DuckLake 0.3, is an error; nothing is created. `dir` may also name a DuckLake catalog
 * directly ("duckdb:path/metadata.ducklake", "sqlite:file", "postgres:..."), e.g. a lake
 * DuckDB's ducklake extension wrote; a relative data path then counts from the catalog
 * file's folder. Error reporting as lh_lake_create.
 */
LH_API lh_status lh_lake_open(const char *dir, lh_lake **out_lake, char **out_error);

/*
 * Opens a SQL session with no lake: statements are DuckDB's until one of them attaches a
 * DuckLake, as DuckDB's ducklake extension does: ATTACH 'ducklake:<file>' AS name
 * (DATA_PATH '...'), also 'ducklake:sqlite:<file>' and 'ducklake:postgres:<conninfo>'; a
 * catalog that does not exist is created. The attached name is then the lake's catalog
 * name in queries (name.table, name.schema.table); DETACH name closes it. One lake at a
 * time for now. Error reporting as lh_lake_create.
 */
LH_API lh_status lh_session_open(lh_lake **out_lake, char **out_error);


/* Closes a lake, rolling back an open transaction. Accepts NULL; sets *lake to NULL. */
LH_API void lh_lake_close(lh_lake **lake);

/* The message of the last failed call on this lake ("" if none). Owned by the lake;
 * valid until the next call on it. */
LH_API const char *lh_lake_error(const lh_lake *lake);

/* The lake's data path, ending in '/'. Owned by the lake. */
LH_API const char *lh_lake_data_path(const lh_lake *lake);
/* The DuckLake version of the lake's catalog: "0.3", "0.4" or "1.0". */
LH_API const char *lh_lake_ducklake_version(const lh_lake *lake);
/*
 * Migrates the lake's catalog to DuckLake `version` (NULL: "1.0") in one catalog
 * transaction, the way DuckDB 1.5's ducklake extension migrates it (new tables and
 * columns, schema versions per table), so DuckDB 1.5 users can share the lake; DuckDB 1.4
 * cannot read it afterwards. Nothing happens when the catalog is at that version already;
 * an older version is an error (DuckLake has no downgrade), as is a 0.3 catalog whose
 * files DuckDB 1.4 compacted while a snapshot that still reads them partially is kept.
 */
LH_API lh_status lh_lake_migrate(lh_lake *lake, const char *version);

/* Where an asset URI stored in a table (an image or clip of `hf pull` or `video
 * ingest`) lives: URIs are stored relative to the data path ("assets/video/<sha>.mp4"),
 * so a lake moved or copied keeps its media; absolute ones (lakes of earlier versions,
 * or URIs of other places) are returned as they are. Caller frees; NULL when out of
 * memory. In SQL: lakehouse_asset_uri(uri). */
LH_API char *lh_lake_asset_uri(const lh_lake *lake, const char *uri);

/* What the lake has downloaded from a remote store (an s3:// data path) into its local
 * cache since it was opened: files and bytes. Zero for a local folder. Either pointer
 * may be NULL. */
LH_API void lh_lake_fetch_stats(const lh_lake *lake, int64_t *out_files, int64_t *out_bytes);

/* ---------------------------------------------------------------------------------
 * SQL
 * ------------------------------------------------------------------------------- */

/* Called once per statement of a script, in order, with its result. The result is
 * owned by the library and destroyed after the callback returns. Returning anything but
 * LH_OK stops the script with that status. */
typedef lh_status (*lh_statement_cb)(void *ctx, size_t index, const char *statement,
                                     lh_result *result);

/*
 * Runs a script of one or more statements separated by semicolons, in order, stopping
 * at the first error (its message is on the lake). Outside BEGIN ... COMMIT each
 * statement that changes the lake commits its own snapshot. `cb` may be NULL.
 */
LH_API lh_status lh_lake_exec(lh_lake *lake, const char *sql, lh_statement_cb cb, void *ctx);

/*
 * Runs a script like lh_lake_exec and returns the result of its last statement in
 * *out_result (destroy with lh_result_destroy).
 */
LH_API lh_status lh_lake_query(lh_lake *lake, const char *sql, lh_result **out_result);

/* A value bound to a placeholder of lh_lake_query_params / lh_lake_exec_params. */
typedef enum lh_value_type {
	LH_VALUE_NULL = 0,
	LH_VALUE_BOOL = 1,
	LH_VALUE_INT64 = 2,
	LH_VALUE_DOUBLE = 3,
	LH_VALUE_TEXT = 4, /* UTF-8 without NUL bytes, `len` bytes at `data` */
	LH_VALUE_BLOB = 5  /* any `len` bytes at `data` */
} lh_value_type;

typedef struct lh_value {
	lh_value_type type;
	bool b;
	int64_t i;
	double d;
	const char *data;
	size_t len;
} lh_value;

/*
 * Like lh_lake_exec / lh_lake_query with values bound to the placeholders of `sql`:
 * `?` (taking the values in order) or `$N` / `?N` (value N, from 1), never inside a
 * string or a comment. A value is never read as SQL, whatever its bytes. A count that
 * does not match the placeholders, or text that is not UTF-8, is LH_ERR_INVALID and
 * nothing runs.
 */
LH_API lh_status lh_lake_exec_params(lh_lake *lake, const char *sql, const lh_value *params,
                                     size_t nparams, lh_statement_cb cb, void *ctx);
LH_API lh_status lh_lake_query_params(lh_lake *lake, const char *sql, const lh_value *params,
                                      size_t nparams, lh_result **out_result);

/*
 * Rows of `table` by their DuckLake row ids (the `rowid` column), as one result in the
 * order asked (an id asked twice comes twice), with `columns` (NULL/0: all). `version`
 * is a snapshot id, or -1 for the latest. An id without a live row at that snapshot is
 * LH_ERR_NOT_FOUND naming it, never a shorter result.
 */
LH_API lh_status lh_lake_take(lh_lake *lake, const char *table, const int64_t *row_ids,
                              size_t n, const char *const *columns, size_t ncolumns,
                              int64_t version, lh_result **out_result);

/* How lh_result_text renders values. */
typedef enum lh_render {
	LH_RENDER_TEXT = 0, /* as DuckDB casts them to VARCHAR (the default) */
	LH_RENDER_JSON = 1  /* as JSON: numbers, strings, true/false, nested arrays/objects */
} lh_render;

/* Sets how results of later statements render their values. */
LH_API void lh_lake_set_render(lh_lake *lake, lh_render render);

/* Destroys a result. Accepts NULL; sets *result to NULL. */
LH_API void lh_result_destroy(lh_result **result);

/* Columns of a result. Names and types are owned by the result. Types are DuckDB's
 * spelling ("INTEGER", "STRUCT(w INTEGER, h INTEGER)"). */
LH_API size_t lh_result_column_count(const lh_result *result);
LH_API const char *lh_result_column_name(const lh_result *result, size_t column);
LH_API const char *lh_result_column_type(const lh_result *result, size_t column);

/*
 * Rows are read a batch at a time: each call makes the next batch current and sets
 * *out_rows to its size; 0 means there are no more rows. Values of the previous batch
 * are invalid afterwards.
 */
LH_API lh_status lh_result_next_batch(lh_result *result, size_t *out_rows);

/* The value at (column, row) of the current batch, rendered as set with
 * lh_lake_set_render, or NULL for SQL NULL. Owned by the result; valid until the next
 * batch. A result streams from the lake's connection: read it before the next call on
 * the lake (a later call invalidates it and lh_result_next_batch then fails). */
LH_API const char *lh_result_text(const lh_result *result, size_t column, size_t row);
/* Its length in bytes: a text may hold NUL bytes ('a' || chr(0) || 'b'), which
 * lh_result_text's NUL-terminated string alone would cut short. 0 for NULL. */
LH_API size_t lh_result_text_length(const lh_result *result, size_t column, size_t row);
/* The value as a number (parsed from its text). NULL, or text that is not a number,
 * gives 0; use lh_result_text to tell. */
LH_API int64_t lh_result_int64(const lh_result *result, size_t column, size_t row);
LH_API double lh_result_double(const lh_result *result, size_t column, size_t row);

/*
 * Runs one read-only statement directly against the catalog database (the DuckLake
 * tables: ducklake_snapshot, ducklake_data_file, ...), for inspection. Every value is
 * text as the catalog returns it. Statements that would change the catalog are refused.
 */
LH_API lh_status lh_lake_catalog_query(lh_lake *lake, const char *sql, lh_result **out_result);

/* ---------------------------------------------------------------------------------
 * Arrow export (zero-copy where DuckDB allows)
 * ------------------------------------------------------------------------------- */

#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE
#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4
struct ArrowSchema {
	const char *format;
	const char *name;
	const char *metadata;
	int64_t flags;
	int64_t n_children;
	struct ArrowSchema **children;
	struct ArrowSchema *dictionary;
	void (*release)(struct ArrowSchema *);
	void *private_data;
};
struct ArrowArray {
	int64_t length;
	int64_t null_count;
	int64_t offset;
	int64_t n_buffers;
	int64_t n_children;
	const void **buffers;
	struct ArrowArray **children;
	struct ArrowArray *dictionary;
	void (*release)(struct ArrowArray *);
	void *private_data;
};
#endif
#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE
struct ArrowArrayStream {
	int (*get_schema)(struct ArrowArrayStream *, struct ArrowSchema *out);
	int (*get_next)(struct ArrowArrayStream *, struct ArrowArray *out);
	const char *(*get_last_error)(struct ArrowArrayStream *);
	void (*release)(struct ArrowArrayStream *);
	void *private_data;
};
#endif

/*
 * Runs one query (SELECT, WITH, FROM, DESCRIBE, ...) and exports its result as an Arrow
 * C stream with native types. The stream is the caller's: call out_stream->release. It
 * borrows the lake: release it before the next call on the lake.
 */
LH_API lh_status lh_lake_query_arrow(lh_lake *lake, const char *sql, struct ArrowArrayStream *out_stream);

/* The statement kinds the SQL front routes itself (everything else is DuckDB's query
 * surface over the lake's tables): the head words of kind i ("CREATE TABLE") and a line
 * of help, or NULL when i is past the last. Static strings. */
LH_API const char *lh_sql_statement(size_t i, const char **out_help);


/* ---------------------------------------------------------------------------------
 * Snapshots and rollback
 * ------------------------------------------------------------------------------- */

/* Lists every snapshot, oldest first. */
LH_API lh_status lh_lake_snapshots(lh_lake *lake, lh_snapshot_list **out_list);
LH_API size_t lh_snapshots_count(const lh_snapshot_list *list);
/* The i-th snapshot; owned by the list. */
LH_API const lh_snapshot *lh_snapshots_get(const lh_snapshot_list *list, size_t i);
/* Destroys a list. Accepts NULL; sets *list to NULL. */
LH_API void lh_snapshots_destroy(lh_snapshot_list **list);

/*
 * Makes a new snapshot in which table `name` ("table", "schema.table" or
 * "lake.schema.table") holds the data and columns it had at snapshot `version`. History
 * stays intact; no data file is copied. *out_snapshot (may be NULL) receives the new
 * snapshot id.
 */
LH_API lh_status lh_lake_rollback(lh_lake *lake, const char *name, int64_t version, int64_t *out_snapshot);

/*
 * Snapshot tags (ours; DuckDB's ducklake ignores them). Tags snapshot `snapshot` (< 0:
 * the latest) as `name`; `message` may be NULL. A name names one snapshot (delete the tag
 * to move it). A tagged snapshot is never expired; queries read it with
 * AT (TAG => 'name') wherever AT (VERSION => n) works, and SELECT * FROM
 * lakehouse_tags('lake') lists the tags. *out_snapshot (may be NULL): the tagged id.
 */
LH_API lh_status lh_lake_tag_create(lh_lake *lake, const char *name, int64_t snapshot,
                                    const char *message, int64_t *out_snapshot);
LH_API lh_status lh_lake_tag_delete(lh_lake *lake, const char *name);

/* ---------------------------------------------------------------------------------
 * Progress of long work (downloads, uploads, ingestion)
 * ------------------------------------------------------------------------------- */

/* Called from the calling thread: `stage` ("download", "land", "upload", ...), the
 * item it is on (a file path), and bytes or items done of total (-1 unknown). */
typedef void (*lh_progress_cb)(void *ctx, const char *stage, const char *item, int64_t done,
                               int64_t total);

/* ---------------------------------------------------------------------------------
 * Hugging Face Hub (src/ingest/hf_pull.c, hf_push.c). Endpoint from HF_ENDPOINT
 * (default https://huggingface.co), token from HF_TOKEN.
 * ------------------------------------------------------------------------------- */

typedef struct lh_hf_pull_options {
	/* sizeof(lh_hf_pull_options) as the caller compiled it, or 0 for this header's
	 * layout (see "Option structs" above). */
	size_t struct_size;
	const char *source;   /* "namespace/name" on the Hub, or a local folder with the layout */
	const char *config;   /* NULL: the card's default config */
	const char *split;    /* NULL: every split */
	const char *revision; /* NULL: "main" */
	int64_t max_rows;     /* 0: all */
	const char *into;     /* "schema.table"; NULL: raw.<dataset name> */
	const char *key;      /* a column whose values identify rows (re-runs skip rows whose key
	                         landed); NULL: shards already landed (by content hash) are skipped */
	lh_progress_cb progress;
	void *progress_ctx;
} lh_hf_pull_options;

typedef struct lh_hf_pull_report {
	char *table;          /* schema.table (caller frees all strings with lh_free) */
	char *revision;       /* the commit the files came from ("local" for a folder) */
	char *config;
	int64_t files;        /* data files in the selection */
	int64_t files_landed; /* ... whose rows landed now (others were already there) */
	int64_t bytes_downloaded;
	int64_t rows;         /* rows landed; -1 when they could not be counted after the commit */
	int64_t blobs;        /* media objects referenced by the landed rows */
	int64_t blobs_stored; /* ... of which were new to the store */
	int64_t snapshot;     /* the snapshot that landed them; 0 when nothing was new */
} lh_hf_pull_report;

/*
 * Lands a dataset's data files as rows of a raw table in one snapshot. The files are
 * downloaded (resuming partial downloads, checked against the Hub's hashes) and kept
 * untouched under <data path>landing/hf/<repo>/<commit>/; blob columns become
 * content-addressed objects under <data path>assets/<dataset>/<column>/ and
 * <column>_uri, _format, _bytes, _width, _height columns. Adds split, _source_file and
 * _source_sha256 columns. Failure leaves the lake as it was.
 */
LH_API lh_status lh_hf_pull(lh_lake *lake, const lh_hf_pull_options *options, lh_hf_pull_report *out);
LH_API void lh_hf_pull_report_clear(lh_hf_pull_report *report);

typedef struct lh_hf_push_options {
	/* sizeof(lh_hf_push_options) as the caller compiled it, or 0 for this header's
	 * layout (see "Option structs" above). */
	size_t struct_size;
	const char *table;        /* "schema.table" */
	const char *repo;         /* "namespace/name" */
	const char *revision;     /* NULL: "main" */
	const char *split_column; /* NULL: every row goes to split "train" */
	bool is_private;          /* when the repo is created */
	int64_t max_shard_bytes;  /* 0: 500 MB */
	lh_progress_cb progress;
	void *progress_ctx;
} lh_hf_push_options;

typedef struct lh_hf_push_report {
	char *commit;   /* the last commit's id (lh_free) */
	int64_t files;  /* files committed (shards + README.md) */
	int64_t rows;
	int64_t bytes;  /* bytes uploaded */
	int64_t commits;
	int64_t retries; /* commits retried after a conflict (HTTP 409) */
} lh_hf_push_report;

/* Publishes a table as Parquet shards data/{split}-NNNNN-of-NNNNN.parquet plus a
 * README.md card with configs and features; creates the repo when it is missing. */
LH_API lh_status lh_hf_push(lh_lake *lake, const lh_hf_push_options *options, lh_hf_push_report *out);
LH_API void lh_hf_push_report_clear(lh_hf_push_report *report);

/* ---------------------------------------------------------------------------------
 * Video (src/ingest/video.c): fragmented MP4 with a fragment index table
 * ------------------------------------------------------------------------------- */

typedef struct lh_video_ingest_options {
	/* sizeof(lh_video_ingest_options) as the caller compiled it, or 0 for this header's
	 * layout (see "Option structs" above). */
	size_t struct_size;
	const char *const *clips;       /* video files libavformat reads */
	size_t nclips;
	const char *const *annotations; /* MOT/VisDrone files, one per clip (NULL entries or
	                                   NULL: none) */
	const char *into;               /* fragment index table; NULL: video.fragments. Boxes
	                                   go to <into>_annotations, clips to <into>_clips */
	double fragment_seconds;        /* 0: 2 s; fragments start at key frames */
	lh_progress_cb progress;
	void *progress_ctx;
} lh_video_ingest_options;

typedef struct lh_video_ingest_report {
	int64_t clips;       /* clips landed (ones already there are skipped) */
	int64_t fragments;
	int64_t frames;
	int64_t boxes;       /* annotation rows */
	int64_t bytes;       /* fMP4 bytes stored */
	int64_t snapshot;
} lh_video_ingest_report;

/* Remuxes each clip to fragmented MP4 (no re-encoding; key-frame-aligned fragments of
 * at least fragment_seconds), stores it as assets/video/<sha256>.mp4, and writes in one
 * snapshot: the fragment index (clip_uri, fragment_id, byte_offset, byte_length,
 * init_length, start_frame, end_frame, start_time, end_time, n_objects, n_tracks,
 * classes) read from the MP4 boxes by our own parser, the clips, and the annotations.
 * Annotations naming frames past the clip's end fail the whole call. */
LH_API lh_status lh_video_ingest(lh_lake *lake, const lh_video_ingest_options *options,
                                 lh_video_ingest_report *out);

typedef struct lh_video_fetch_report {
	int64_t bytes_read; /* init segment + fragment, by ranged reads */
	int64_t clip_bytes; /* the whole clip */
	int64_t start_frame, end_frame;
	double start_time, end_time;
} lh_video_fetch_report;

/* Writes fragment `fragment_id` of the clip at `clip_uri` (as its index table `table`
 * records it; NULL: video.fragments) to `out_path` as a standalone playable MP4,
 * reading only the init segment and that fragment. */
LH_API lh_status lh_video_fetch(lh_lake *lake, const char *table, const char *clip_uri,
                                int64_t fragment_id, const char *out_path, lh_video_fetch_report *out);

/* The size the lake recorded for the asset object behind `uri` (an image or clip URI as
 * a table stores it) when hf pull or video ingest stored it; LH_ERR_NOT_FOUND when the
 * lake stored no such asset, so a URI naming any other object (a landing file, a data
 * file, a path written into a table by hand) is refused by a server before it is read. */
LH_API lh_status lh_lake_asset_size(lh_lake *lake, const char *uri, int64_t *out_size);

/* A thumbnail of the image asset at `uri` (as a table stores it; see lh_lake_asset_uri):
 * decoded, scaled so that its longer side is at most max_side pixels (16..2048; never
 * enlarged; aspect ratio kept), and encoded as JPEG. *out_data (free with lh_free) holds
 * *out_len bytes; *out_width and *out_height (may be NULL) the thumbnail's size.
 * PNG, JPEG, WebP (still) and GIF (its first frame) are read; transparency is laid on
 * white. The URI must name an object below the lake's data path ('..' and '.' parts are
 * refused), read through the lake's store (folder or S3). Errors, with the message on
 * the lake: LH_ERR_INVALID (no URI, max_side out of range, a URI outside the lake, bytes
 * that are no image or an empty object), LH_ERR_NOT_FOUND (no such object),
 * LH_ERR_CORRUPT (an image damaged or cut short), LH_ERR_TOO_BIG (an object over 64 MiB
 * or a picture over 64 megapixels), LH_ERR_UNSUPPORTED (an animated WebP; libav missing),
 * or the store's own error (LH_ERR_IO, ...). On failure *out_data is NULL and the sizes 0. */
LH_API lh_status lh_lake_thumbnail(lh_lake *lake, const char *uri, int max_side,
                                   unsigned char **out_data, size_t *out_len,
                                   int *out_width, int *out_height);

/* ---------------------------------------------------------------------------------
 * Integrity: every file the lake writes has its checksum recorded at commit
 * ------------------------------------------------------------------------------- */

/* A file lh_lake_verify found wrong or could not check. */
typedef struct lh_verify_file {
	char *path;      /* full path or URI */
	char *kind;      /* "data", "delete" or "asset" */
	char *problem;   /* what is wrong, or "no checksum recorded" */
	char *tables;    /* "schema.table" it belongs to ("" for assets) */
	char *snapshots; /* the snapshots that read it, e.g. "3-7, 9-latest" */
	bool damaged;    /* missing, wrong size or wrong checksum; false: only unrecorded */
} lh_verify_file;

typedef struct lh_verify_report {
	int64_t files;      /* files checked */
	int64_t bytes;      /* bytes read to compute checksums */
	int64_t ok;         /* right size and checksum */
	int64_t damaged;
	int64_t unrecorded; /* right size, but written without a recorded checksum (by an
	                       older version, or by DuckDB's ducklake) */
	lh_verify_file *problems; /* the damaged files first, then the unrecorded ones */
	size_t nproblems;
} lh_verify_report;

/*
 * Checks every file a snapshot references: data and delete files of every retained
 * snapshot (or of `snapshot` when >= 0), of one table when `table` ("schema.table") is
 * not NULL, plus the recorded asset objects when the whole lake is checked. Each file's
 * size against the catalog and, when recorded, its checksum (the whole file is read;
 * from a remote store, objects the cache lacks are downloaded and checked on the way).
 * Damaged files are not an error: they are in the report. Clear it with
 * lh_verify_report_clear.
 */
LH_API lh_status lh_lake_verify(lh_lake *lake, const char *table, int64_t snapshot,
                                lh_verify_report *out);
LH_API void lh_verify_report_clear(lh_verify_report *report);

/* ---------------------------------------------------------------------------------
 * Training streams (src/egress/): a pinned snapshot of a table, shuffled, sharded and
 * exactly resumable, as Arrow record batches
 * ------------------------------------------------------------------------------- */

/* A stream over one table at one snapshot. Must be closed with lh_stream_close. */
typedef struct lh_stream lh_stream;

typedef struct lh_stream_options {
	/* sizeof(lh_stream_options) as the caller compiled it, or 0 for this header's
	 * layout (see "Option structs" above). */
	size_t struct_size;
	const char *const *columns; /* top-level columns to read, `rowid` included; NULL: all */
	size_t ncolumns;
	const char *filter;  /* a SQL boolean expression over the table's columns; NULL: all rows */
	int64_t version;     /* the snapshot to read; 0: the latest (pinned when the stream opens) */
	size_t batch_size;   /* 0: 1024. The unit workers take turns by (a DataLoader's batch) */
	const char *shuffle; /* "none", "files", "block" (NULL: the default) or "global" */
	uint64_t seed;
	uint64_t epoch;
	uint64_t block_size; /* window of the block shuffle; 0: 65536 rows */
	uint64_t rank, world_size;        /* torch.distributed; world_size 0: 1 */
	uint64_t worker, num_workers;     /* DataLoader workers of this rank; num_workers 0: 1 */
	bool drop_last;      /* every rank gets floor(rows / world); else ceil, padding by
	                        repeating the epoch's first samples */
	const char *state;   /* resume where lh_stream_state said (same table, filter, shuffle,
	                        seed, epoch and block; any world size); NULL: the epoch's start */
	int64_t memory_limit; /* bytes DuckDB may use for the stream's queries; 0: its default */
	/* `*_uri` columns whose objects' bytes replace them (column "image_uri" becomes BLOB
	 * column "image"), fetched in parallel through the lake's store */
	const char *const *materialize;
	size_t nmaterialize;
	/* batches built ahead of the consumer on a thread of the stream's own (rows read,
	 * shuffled, objects materialised): 0: 2; negative: none, each batch is built when
	 * asked for. They count toward the memory the stream holds. */
	int prefetch;
	const char *tag; /* read the snapshot this tag names (lh_lake_tag_create) instead of
	                    `version`; NULL: none */
} lh_stream_options;

/*
 * Opens a stream over `source`: a table ("table", "schema.table") or one query (SELECT,
 * WITH, FROM or VALUES). The snapshot is pinned: every batch comes from it, whatever other
 * processes commit meanwhile; a query reads every lake table it names (without AT) at
 * that snapshot. A query's rows are computed once, when the stream opens, into a
 * temporary DuckDB database under $TMPDIR (deleted on close), ordered by the query's
 * ORDER BY, else by all columns, so every process gets the same order; `filter` and
 * `columns` apply to its result. The stream opens a handle of its own on the lake (its
 * own catalog connection, store and DuckDB, with memory_limit applied there), so the
 * caller's lake may run other statements meanwhile, from any thread, or be closed first.
 * With prefetch, a thread of the stream's own builds batches ahead of the consumer. A
 * stream belongs to the process that opened it: in a child made by fork, lh_stream_next
 * fails and lh_stream_close only forgets it (its threads live in the parent); open a
 * stream in each process instead.
 *
 * Order: position k of the epoch's order (a pure function of the snapshot's files, the
 * shuffle, seed, epoch and block size) goes to rank k % world_size; a rank's samples are
 * dealt to its workers batch_size at a time, worker c % num_workers taking the rank's
 * batch c, which is the order a DataLoader yields them in.
 */
LH_API lh_status lh_stream_open(lh_lake *lake, const char *source, const lh_stream_options *options,
                                lh_stream **out_stream, char **out_error);
/* The Arrow schema of the batches (a struct of the columns). The caller releases it. */
LH_API lh_status lh_stream_schema(lh_stream *stream, struct ArrowSchema *out_schema);
/*
 * The next batch: at most batch_size rows, and never more than 2048 (DuckDB's vector
 * size: a batch_size above it comes as several Arrow batches). At the end of this
 * consumer's share, LH_OK with out_array->release == NULL. The caller releases each
 * batch; batches stay valid after the stream is closed.
 */
LH_API lh_status lh_stream_next(lh_stream *stream, struct ArrowArray *out_array);
/* The snapshot the stream reads. */
LH_API int64_t lh_stream_snapshot(const lh_stream *stream);
/* Samples this consumer gets this epoch in all, and has been given so far. */
LH_API int64_t lh_stream_total(const lh_stream *stream);
LH_API int64_t lh_stream_delivered(const lh_stream *stream);
/*
 * The resume state after `rank_samples` samples of this rank (-1: this stream's own count,
 * which is the rank's when num_workers is 1), as a short string (caller frees with
 * lh_free): the position in the epoch's order every rank has reached. Pass it as
 * options.state, with any world size, to continue with exactly the remaining samples.
 */
LH_API lh_status lh_stream_state(lh_stream *stream, int64_t rank_samples, char **out_state);
/* The message of the stream's last failure ("" if none). */
LH_API const char *lh_stream_error(const lh_stream *stream);
/* Closes a stream. Accepts NULL; sets *stream to NULL. */
LH_API void lh_stream_close(lh_stream **stream);

/* ---------------------------------------------------------------------------------
 * Random access: rows by DuckLake row id, as Arrow
 * ------------------------------------------------------------------------------- */

/* Rows of one table at one snapshot by row id. Must be closed with lh_taker_close. */
typedef struct lh_taker lh_taker;

/*
 * Opens a taker over `table` at snapshot `version` (<= 0: the latest, pinned now) for
 * `columns` (NULL/0: all; `rowid` may be one). It has DuckDB connections of its own but
 * finds files through the caller's lake: use both from one thread at a time, and close
 * the taker before the lake. Files in
 * the random-access layout (`lakehouse optimize TABLE --for random-access`) are read by
 * our page reader, a few pages per row; others through DuckDB, a row group per row.
 */
LH_API lh_status lh_taker_open(lh_lake *lake, const char *table, const char *const *columns,
                               size_t ncolumns, int64_t version, lh_taker **out_taker,
                               char **out_error);
/*
 * The rows with these row ids as one Arrow record batch, in the order asked (an id asked
 * twice comes twice). An id without a live row at the taker's snapshot is
 * LH_ERR_NOT_FOUND naming it, and nothing is returned. More than 2,048 ids in one call
 * need columns of the common types (integers, floats, booleans, dates, timestamps, text,
 * BLOB). The caller releases *out_array.
 */
LH_API lh_status lh_take(lh_taker *taker, const int64_t *row_ids, size_t n,
                         struct ArrowArray *out_array);
LH_API lh_status lh_taker_schema(lh_taker *taker, struct ArrowSchema *out_schema);
LH_API int64_t lh_taker_snapshot(const lh_taker *taker);
/* Live rows at the taker's snapshot. */
LH_API int64_t lh_taker_rows(const lh_taker *taker);
LH_API const char *lh_taker_error(const lh_taker *taker);
LH_API void lh_taker_close(lh_taker **taker);

/*
 * Locks the lake's query engine down for statements from untrusted callers, for the rest
 * of the handle's life: no file outside the lake's folder and data path (or a remote
 * store's cache of it) can be read or written (read_csv('/etc/passwd') fails), no
 * extension is installed, and no setting can change; a query may use at most 1 GB of
 * memory and spills nothing to disk (past it, it fails saying so). The lake's own tables
 * still read as before. The servers and `lakehouse tool` call it.
 */
LH_API lh_status lh_lake_sandbox(lh_lake *lake);

/* What lh_lake_quality found of a key column. */
typedef struct lh_key_report {
	int64_t duplicate_values;     /* non-NULL values that occur more than once */
	int64_t rows_with_duplicates; /* the rows holding them */
	int64_t null_keys;            /* rows whose key is NULL */
} lh_key_report;

/*
 * A profile of `source` (a table name as SQL, quoted as needed, optionally followed by an
 * AT clause: "gold.t AT (VERSION => 3)"; it is put into queries as given, so never pass
 * text from an untrusted caller): a result with one row per column (position,
 * column_name, column_type, rows, nulls, distinct_values). With `key` (a column name),
 * *out_key reports its duplicates and NULLs. version > 0 reads every lake table at that
 * snapshot. DuckLake tables have no constraints: pipelines check keys with this.
 */
LH_API lh_status lh_lake_quality(lh_lake *lake, const char *source, const char *key,
                                 int64_t version, lh_result **out_profile, lh_key_report *out_key);

/* ---------------------------------------------------------------------------------
 * Experiments and runs (src/registry/): ordinary lake tables in schema `registry`
 * (experiments, simulation_runs, metrics), made by the first call that writes, so they
 * time-travel and join with data. Each change is one snapshot and writes its event
 * (lakehouse.sim.started, ...) to the outbox events.log in that snapshot.
 * ------------------------------------------------------------------------------- */

/*
 * Registers experiment `experiment_id` (1 to 128 of [A-Za-z0-9_.-]) of `project`.
 * LH_ERR_EXISTS when the id is taken, also when two writers race for it (one wins).
 */
LH_API lh_status lh_experiment_create(lh_lake *lake, const char *experiment_id,
                                      const char *project, const char *description);
/*
 * Marks the experiment completed once every run of it has completed (LH_ERR_INVALID
 * naming the runs that have not; an experiment without runs cannot complete).
 */
LH_API lh_status lh_experiment_complete(lh_lake *lake, const char *experiment_id);
/*
 * Starts run `sim_index` (>= 0) of an experiment that exists and has not completed.
 * config_json: a JSON object (NULL: {}); s3_prefix: where the run writes (NULL: none).
 * *out_run_id (caller frees with lh_free) is the new run's UUIDv7.
 */
LH_API lh_status lh_run_start(lh_lake *lake, const char *experiment_id, int64_t sim_index,
                              const char *config_json, const char *s3_prefix, char **out_run_id);
/*
 * Records n scalar metrics (keys[i] = values[i], finite) of a run at `step` (< 0: one past
 * the run's highest step so far, 0 for its first). *out_step (may be NULL) is the step used.
 */
LH_API lh_status lh_run_log(lh_lake *lake, const char *run_id, int64_t step,
                            const char *const *keys, const double *values, size_t n,
                            int64_t *out_step);
/* started -> completed; any other state is LH_ERR_INVALID saying which it is. */
LH_API lh_status lh_run_complete(lh_lake *lake, const char *run_id);
/* started -> failed, with an optional reason; any other state is LH_ERR_INVALID. */
LH_API lh_status lh_run_fail(lh_lake *lake, const char *run_id, const char *reason);

/*
 * Versioned artifact folders: `dir` uploaded into the next free vN/ of
 * <data path>/datasets/<name>/ (kind "dataset") or checkpoints/<name>/ ("checkpoint"),
 * never overwriting an object; a manifest (path, size, sha256, etag per file) in lake
 * tables registry.artifact_versions and registry.artifact_files, written in one
 * snapshot with the event lakehouse.dataset.versioned; and wandb_manifest.json beside the
 * files, the manifest W&B records for artifact.add_reference of them. Two writers
 * racing for a name get different versions; a failed upload leaves no version (its
 * objects are removed, or left for `lakehouse cleanup`).
 */
typedef struct lh_version_options {
	/* sizeof(lh_version_options) as the caller compiled it, or 0 for this header's layout */
	size_t struct_size;
	const char *kind; /* "dataset" (NULL: the default) or "checkpoint" */
	const char *const *meta_keys; /* nmeta key=value pairs recorded with the version */
	const char *const *meta_values;
	size_t nmeta;
	lh_progress_cb progress;
	void *progress_ctx;
} lh_version_options;

typedef struct lh_version_report {
	int64_t version;  /* N of vN */
	int64_t files;
	int64_t bytes;
	int64_t snapshot; /* the snapshot that recorded it (put) */
	char *uri;        /* the vN/ folder */
	char *manifest_uri; /* its wandb_manifest.json */
} lh_version_report;

/* Uploads folder `dir` as the next version of `name` (1 to 128 of [A-Za-z0-9_.-]). */
LH_API lh_status lh_version_put(lh_lake *lake, const char *dir, const char *name,
                                const lh_version_options *options, lh_version_report *out);
/* Writes version `version` of `name` into folder `dir` (made when missing; files there
 * are never overwritten), checking every file's size and SHA-256; a recorded path that
 * would leave `dir` is refused. On error the files it wrote are removed. */
LH_API lh_status lh_version_get(lh_lake *lake, const char *name, int64_t version, const char *dir,
                                const lh_version_options *options, lh_version_report *out);
/* The highest version of `name`; LH_ERR_NOT_FOUND when it has none. */
LH_API lh_status lh_version_latest(lh_lake *lake, const char *name, int64_t *out_version);
LH_API void lh_version_report_clear(lh_version_report *report);

typedef enum lh_registry_view {
	LH_REGISTRY_EXPERIMENTS = 1, /* experiments (id: one of them), with run counts by status */
	LH_REGISTRY_RUNS = 2,        /* runs (id: an experiment's only), by experiment, sim_index */
	LH_REGISTRY_METRICS = 3,     /* metrics (id: a run's only), by run, step, key */
	LH_REGISTRY_RUN = 4,         /* the one run `id` (LH_ERR_NOT_FOUND when unknown) */
	LH_REGISTRY_VERSIONS = 5,    /* artifact versions (id: one name's, LH_ERR_NOT_FOUND when it
	                                has none), by name, version */
	LH_REGISTRY_VERSION_FILES = 6 /* the files of every version (id: one name's) */
} lh_registry_view;
/*
 * The rows of one registry view as a result (destroy with lh_result_destroy); an
 * empty result with the same columns while the registry has not been written yet. An
 * experiment id that does not exist is LH_ERR_NOT_FOUND for LH_REGISTRY_EXPERIMENTS.
 */
LH_API lh_status lh_registry_query(lh_lake *lake, lh_registry_view view, const char *id,
                                   lh_result **out_result);

/* ---------------------------------------------------------------------------------
 * Events (src/events/): every change the design names writes an event to the outbox
 * table events.log in its own snapshot (event_id UUIDv7, subject, payload JSON,
 * created_at; the DuckLake virtual column snapshot_id says which snapshot). Delivery
 * publishes what the outbox holds past the delivery cursor to NATS JetStream, stream
 * LAKEHOUSE on subjects lakehouse.> (made when missing), with Nats-Msg-Id = event_id
 * so the server drops repeats; in commit order. At least once: consumers de-duplicate
 * by event_id. Without NATS the events wait in the outbox and nothing else changes.
 * ------------------------------------------------------------------------------- */

typedef struct lh_deliver_options {
	/* sizeof(lh_deliver_options) as the caller compiled it, or 0 for this header's layout */
	size_t struct_size;
	const char *nats_url; /* NULL: $LAKEHOUSE_NATS_URL */
	int64_t timeout_ms;   /* connecting and each publish acknowledgement; 0: 5,000 */
	int64_t max_events;   /* deliver at most this many; 0: all pending */
} lh_deliver_options;

typedef struct lh_deliver_report {
	int64_t published;  /* events published now */
	int64_t duplicates; /* of them, ones the server had already (a repeat after a lost ack) */
	int64_t pending;    /* events still past the cursor afterwards */
} lh_deliver_report;

/* Publishes the outbox's pending events. On failure (NATS down) the events delivered so
 * far stay delivered, the rest wait; the error says how many. */
LH_API lh_status lh_events_deliver(lh_lake *lake, const lh_deliver_options *options,
                                   lh_deliver_report *out);
/* Writes an event of one's own (subject lakehouse.<...>, payload a JSON object) to the
 * outbox, as a snapshot of its own; *out_event_id (may be NULL; caller frees) is its id. */
LH_API lh_status lh_events_emit(lh_lake *lake, const char *subject, const char *payload_json,
                                char **out_event_id);
/* lh_lake_rollback and its event lakehouse.dataset.versioned ({action: "rollback", table,
 * to_snapshot}) in one snapshot. */
LH_API lh_status lh_rollback_table(lh_lake *lake, const char *table, int64_t version,
                                   int64_t *out_snapshot);
/* The newest `limit` events (of `subject`, NULL: all) in commit order: event_id, subject,
 * snapshot_id, created_at, payload; no rows while the lake has no outbox. */
LH_API lh_status lh_events_list(lh_lake *lake, const char *subject, int64_t limit,
                                lh_result **out_result);
/* Events not yet delivered (0 when the lake has no outbox). */
LH_API lh_status lh_events_pending(lh_lake *lake, int64_t *out_count);

/*
 * The quality agent: a durable JetStream consumer (so events published while it was
 * down are handled when it starts) of lakehouse.ingest.completed. For each event it
 * profiles the table named in it at the event's snapshot (lh_lake_quality), judges it by
 * `rules_json`, writes the report to registry.quality_reports and the event
 * lakehouse.quality.completed in one snapshot (once per event: a redelivered event finds
 * its report and is only acknowledged), delivers the outbox, and acknowledges the
 * message only after its write committed.
 *
 * rules_json: {"tables": {"schema.table" | "*": {"key": COLUMN, "required": [COLUMNS]}}}:
 * a report fails when the key has duplicates or NULLs, or a required column has NULLs.
 */
typedef struct lh_agent_options {
	/* sizeof(lh_agent_options) as the caller compiled it, or 0 for this header's layout */
	size_t struct_size;
	const char *nats_url;   /* NULL: $LAKEHOUSE_NATS_URL */
	const char *durable;    /* the consumer's name; NULL: "quality-agent" */
	const char *rules_json; /* NULL: no rules (reports pass unless the check fails) */
	int64_t max_events;     /* return after handling this many; 0: no limit */
	int64_t idle_exit_ms;   /* return after this long without an event; 0: never */
	/* each report as JSON {event_id, table, snapshot_id, status, rows, problems}, and
	 * whether it was handled before (a redelivery) */
	void (*on_report)(void *ctx, const char *report_json, bool repeated);
	void *ctx;
	volatile int *stop;     /* non-zero: return at the next chance (e.g. set by a signal) */
} lh_agent_options;

LH_API lh_status lh_agent_quality(lh_lake *lake, const lh_agent_options *options,
                                  int64_t *out_handled);
/*
 * The coordinator: consumes lakehouse.sim.> (durable consumer "coordinator-<id>") and,
 * once the experiment has at least `expected_runs` runs (0: 1) and all of them
 * completed, marks it completed (lh_experiment_complete) and returns. A failed run ends
 * it too, the experiment left active. on_report gets each sim event's tally.
 */
/*
 * Asynchronous queries: consumes lakehouse.query.requested (durable consumer
 * "query-agent"), a request being an outbox event whose payload is, or a message that is,
 * {"sql": ..., "snapshot": N, "max_rows": N, "request_id": ...}; runs it as the query tool
 * does (at most 10,000 rows), and publishes the answer (the tool's result, or {"error"})
 * with its request_id on lakehouse.query.result. The lake handle is put in the read-only
 * sandbox first (lh_lake_sandbox): requests come from whoever can publish.
 */
LH_API lh_status lh_agent_query(lh_lake *lake, const lh_agent_options *options,
                                int64_t *out_handled);
LH_API lh_status lh_agent_coordinate(lh_lake *lake, const char *experiment_id,
                                     int64_t expected_runs, const lh_agent_options *options,
                                     int64_t *out_handled);

/* ---------------------------------------------------------------------------------
 * Tools: the operations agents and servers call, each defined once (name, description,
 * JSON Schemas of its input and output, whether it writes). The MCP server, the HTTP API
 * and `lakehouse tool` all serve this registry.
 * ------------------------------------------------------------------------------- */

typedef struct lh_tool_options {
	/* sizeof(lh_tool_options) as the caller compiled it, or 0 for this header's layout. */
	size_t struct_size;
	bool read_write;   /* writing tools may run; else they are refused (LH_ERR_READ_ONLY) */
	int64_t max_rows;  /* rows a result may hold; 0: 1,000 */
	int64_t max_chars; /* characters of values a result may hold; 0: 50,000 */
	int64_t timeout_ms; /* a call running longer is interrupted (LH_ERR_TIMEOUT); 0: 30,000;
	                       negative: none */
	const char *tenant; /* the caller's tenant (a server's token), or NULL: any; a writing
	                       call naming another tenant is refused (LH_ERR_READ_ONLY) */
	const char *author; /* the author the snapshots of writing calls record (a server: the
	                       token's tenant); NULL: the lake's ($LAKEHOUSE_AUTHOR) */
} lh_tool_options;

/*
 * The registry as a JSON array (caller frees with lh_free): per tool its name, title,
 * description, inputSchema, outputSchema and annotations (readOnlyHint, destructiveHint,
 * idempotentHint, openWorldHint), as MCP's tools/list has them.
 */
LH_API lh_status lh_tools_list(char **out_json);
/*
 * Calls tool `name` with `input_json` (a JSON object; NULL: {}), checked against its input
 * schema first. On success *out_json is its result, a JSON object matching its output
 * schema (caller frees with lh_free). On failure *out_error says what and where (caller
 * frees), and nothing changed. Results over max_rows / max_chars are cut, with
 * "truncated": true and a note saying what was left out.
 */
LH_API lh_status lh_tool_call(lh_lake *lake, const char *name, const char *input_json,
                              const lh_tool_options *options, char **out_json, char **out_error);

/* ---------------------------------------------------------------------------------
 * Tokens: who may call `lakehouse serve`. Stored in the lake's catalog (only a SHA-256
 * of each token), so every server sharing the lake accepts the same ones.
 * ------------------------------------------------------------------------------- */

typedef enum lh_token_role {
	LH_TOKEN_READ_ONLY = 1,  /* read tools only */
	LH_TOKEN_READ_WRITE = 2, /* also the writing tools (ingest) */
	LH_TOKEN_ADMIN = 3       /* also tenants' policies */
} lh_token_role;

/* "read-only", "read-write" or "admin". */
LH_API const char *lh_token_role_name(lh_token_role role);
/*
 * Makes a token for `tenant` (1 to 64 of [A-Za-z0-9_.-]) with `role`, valid for
 * `expires_in_seconds` (0: until removed from the catalog). *out_token (caller frees)
 * is the only copy of the token: the lake keeps its hash.
 */
LH_API lh_status lh_token_create(lh_lake *lake, const char *tenant, lh_token_role role,
                                 int64_t expires_in_seconds, char **out_token);
/*
 * The tenant (caller frees) and role of `token`; LH_ERR_NOT_FOUND with a message saying
 * why when it is unknown or expired.
 */
LH_API lh_status lh_token_check(lh_lake *lake, const char *token, char **out_tenant,
                                lh_token_role *out_role);

/*
 * Sets tenant's policy, a JSON object: "allowed_tables" (table names; the tenant's tools
 * see and touch only these, and a query naming another table is refused),
 * "max_storage_gb" (ingest is refused with LH_ERR_NO_SPACE once the allowed tables'
 * files reach it), "retention_days" (lakehouse expire without a limit keeps the longest
 * tenant's days of history). Absent or null fields: no limit. *out_json (caller frees) is
 * the policy as stored (table names as schema.table).
 */
LH_API lh_status lh_policy_set(lh_lake *lake, const char *tenant, const char *policy_json,
                               char **out_json);
/* Tenant's policy as stored, or *out_json NULL when it has none. */
LH_API lh_status lh_policy_get(lh_lake *lake, const char *tenant, char **out_json);
/* The longest retention_days of any tenant's policy (0: none sets one). */
LH_API lh_status lh_policy_longest_retention(lh_lake *lake, int64_t *out_days);

#ifdef __cplusplus
}
#endif

#endif /* LAKEHOUSE_H */
