/*
 * fuzz/fuzz_card.c - the dataset card parser (ingest/card.c): the YAML front matter of
 * a Hub README.md, then the choice of data files by its configs, then the Hub's file
 * naming conventions applied to the card's lines taken as repository paths.
 *
 * Promises checked: an error always has a message; a parsed card holds at most
 * LH_CARD_MAX_VALUES values (YAML aliases expand: a few lines can otherwise make
 * billions); every chosen data file is one of the repository's paths and has a config
 * and a split.
 */
#include "fuzz.h"
#include "ingest/card.h"

static char *const repo_paths[] = {
	"README.md",
	"data/train-00000-of-00002.parquet",
	"data/train-00001-of-00002.parquet",
	"data/test-00000-of-00001.parquet",
	"data/validation.csv",
	"default/train/0000.parquet",
	"default/partial-test/0000.parquet",
	"other/train/0000.parquet",
	"images/a.png",
};
#define NPATHS (sizeof repo_paths / sizeof repo_paths[0])

static bool in(char *const *paths, size_t n, const char *p)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(paths[i], p))
			return true;
	return false;
}

static void check_files(lh_status s, lh_data_files *v, lh_err *err, char *const *paths, size_t n)
{
	if (s != LH_OK) {
		FUZZ_CHECK(*lh_err_msg(err) != '\0');
	} else {
		for (size_t i = 0; i < v->len; i++) {
			FUZZ_CHECK(v->items[i].config && v->items[i].split && v->items[i].path);
			FUZZ_CHECK(in(paths, n, v->items[i].path));
		}
	}
	lh_data_files_free(v);
	lh_err_clear(err);
}

/* Values in a JSON tree, counting stops once over the limit. */
static size_t count_values(json_t *v, size_t n)
{
	n++;
	size_t i;
	const char *k;
	json_t *e;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
		{
			if (n > LH_CARD_MAX_VALUES)
				break;
			n = count_values(e, n);
		}
	} else if (json_is_object(v)) {
		json_object_foreach(v, k, e)
		{
			if (n > LH_CARD_MAX_VALUES)
				break;
			n = count_values(e, n);
		}
	}
	return n;
}

/* The input's lines as repository paths, for the naming conventions. */
static void conventions(char *text)
{
	char *paths[64];
	size_t n = 0;
	for (char *save = NULL, *line = strtok_r(text, "\n", &save); line && n < 64;
	     line = strtok_r(NULL, "\n", &save))
		paths[n++] = line;
	const char *configs[] = {NULL, "default", "other"};
	for (size_t c = 0; c < 3; c++) {
		lh_data_files v = {0};
		lh_err err = {0};
		lh_status s = lh_conventional_data_files(configs[c], paths, n, &v, &err);
		check_files(s, &v, &err, paths, n);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	if (!text)
		return 0;
	json_t *card = NULL;
	lh_err err = {0};
	if (lh_card_parse(text, size, &card, &err) != LH_OK) {
		FUZZ_CHECK(*lh_err_msg(&err) != '\0' && card == NULL);
		lh_err_clear(&err);
	} else if (card) {
		FUZZ_CHECK(json_is_object(card));
		FUZZ_CHECK(count_values(card, 0) <= LH_CARD_MAX_VALUES);
		const char *configs[] = {NULL, "default", "other"};
		for (size_t c = 0; c < 3; c++) {
			lh_data_files v = {0};
			lh_status s = lh_card_data_files(card, configs[c], repo_paths, NPATHS, &v, &err);
			check_files(s, &v, &err, repo_paths, NPATHS);
		}
	}
	json_decref(card);
	conventions(text);
	free(text);
	return 0;
}
