/*
 * ingest/card.h - Hugging Face dataset cards: the YAML front matter of README.md.
 *
 * Layer: services (ingest). Parses the `---` block with libyaml into a JSON tree
 * (jansson), picks a config's data files by the `configs:` rules (data_files as a
 * string, a list, or [{split, path}], with globs), and writes a card for a push.
 */
#ifndef LH_INGEST_CARD_H
#define LH_INGEST_CARD_H

#include "util/buf.h"
#include "util/err.h"

#include <jansson.h>

typedef struct lh_data_file {
	char *config;
	char *split;
	char *path; /* repo-relative */
} lh_data_file;
typedef LH_VEC(lh_data_file) lh_data_files;
void lh_data_files_free(lh_data_files *v);

/* The front matter as JSON (*out NULL when the card has none). A broken block is
 * LH_ERR_SYNTAX naming the line; one with over LH_CARD_MAX_VALUES values, aliases
 * expanded, is LH_ERR_TOO_BIG. */
#define LH_CARD_MAX_VALUES 1000000
lh_status lh_card_parse(const char *text, size_t len, json_t **out, lh_err *err);

/* The data files of `config` (NULL: the config marked default, else "default", else
 * the first) among `paths`, from the card's configs. LH_ERR_NOT_FOUND when the card
 * has no configs; an unknown config lists the ones there are. */
lh_status lh_card_data_files(json_t *card, const char *config, char *const *paths, size_t n,
                             lh_data_files *out, lh_err *err);

/* Data files by the Hub's conventions when there is no card: data/{split}-NNNNN-of-
 * NNNNN.{parquet,...} or {split}.{ext} (config "default"), or the parquet-converter's
 * {config}/{split}/NNNN.parquet and {config}/partial-{split}/NNNN.parquet. */
lh_status lh_conventional_data_files(const char *config, char *const *paths, size_t n,
                                     lh_data_files *out, lh_err *err);

#endif
