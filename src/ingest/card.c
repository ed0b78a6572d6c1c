/*
 * ingest/card.c - dataset cards and data file layouts (see card.h).
 *
 * Layer: services (ingest).
 */
#include "ingest/card.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

void lh_data_files_free(lh_data_files *v)
{
	for (size_t i = 0; i < v->len; i++) {
		free(v->items[i].config);
		free(v->items[i].split);
		free(v->items[i].path);
	}
	LH_VEC_FREE(v);
}

/* --- YAML to JSON -------------------------------------------------------------------- */

static json_t *scalar(const yaml_node_t *n)
{
	const char *v = (const char *)n->data.scalar.value;
	if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (!strcmp(v, "true") || !strcmp(v, "True"))
			return json_true();
		if (!strcmp(v, "false") || !strcmp(v, "False"))
			return json_false();
		if (!strcmp(v, "null") || !strcmp(v, "~") || !*v)
			return json_null();
		char *end;
		long long i = strtoll(v, &end, 10);
		if (*v && !*end)
			return json_integer(i);
	}
	return json_string(v);
}

/* *left counts down the values made: aliases are expanded, so a few lines of nested
 * aliases could otherwise make billions ("billion laughs") */
static json_t *convert(yaml_document_t *doc, yaml_node_t *n, int depth, size_t *left)
{
	if (!n || depth > 64 || *left == 0)
		return NULL;
	(*left)--;
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return scalar(n);
	case YAML_SEQUENCE_NODE: {
		json_t *a = json_array();
		for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
			json_array_append_new(a, convert(doc, yaml_document_get_node(doc, *it), depth + 1, left));
		return a;
	}
	case YAML_MAPPING_NODE: {
		json_t *o = json_object();
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);
			if (k && k->type == YAML_SCALAR_NODE)
				json_object_set_new(o, (const char *)k->data.scalar.value,
				                    convert(doc, yaml_document_get_node(doc, p->value), depth + 1, left));
		}
		return o;
	}
	default:
		return json_null();
	}
}

lh_status lh_card_parse(const char *text, size_t len, json_t **out, lh_err *err)
{
	*out = NULL;
	if (len < 4 || strncmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r'))
		return LH_OK;
	/* the block is read by lines: a card with no '\n' (old Mac "\r" endings) has no
	 * closing line */
	const char *nl = memchr(text, '\n', len);
	const char *start = nl ? nl + 1 : text + len, *end = NULL;
	for (const char *p = start; nl && p && p < text + len; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (strncmp(p, "---", 3) == 0 && (p[3] == '\n' || p[3] == '\r' || p[3] == '\0')) {
			end = p;
			break;
		}
	}
	if (!end)
		return lh_err_set(err, LH_ERR_SYNTAX,
		                  "the dataset card's YAML block has no closing '---' line: fix README.md");
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)start, (size_t)(end - start));
	if (!yaml_parser_load(&parser, &doc)) {
		lh_status s = lh_err_set(err, LH_ERR_SYNTAX,
		                         "the dataset card's YAML is broken at line %zu: %s%s%s (fix README.md)",
		                         parser.problem_mark.line + 2, parser.problem ? parser.problem : "",
		                         parser.context ? " " : "", parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return s;
	}
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	size_t left = LH_CARD_MAX_VALUES + 1; /* 0: one value too many */
	json_t *j = root ? convert(&doc, root, 0, &left) : json_object();
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (left == 0) {
		json_decref(j);
		return lh_err_set(err, LH_ERR_TOO_BIG,
		                  "the dataset card's YAML holds over %d values (aliases expanded): "
		                  "fix README.md",
		                  LH_CARD_MAX_VALUES);
	}
	if (!j || !json_is_object(j)) {
		json_decref(j);
		return lh_err_set(err, LH_ERR_SYNTAX,
		                  "the dataset card's YAML block is not a mapping of keys: fix README.md");
	}
	*out = j;
	return LH_OK;
}

/* --- picking files --------------------------------------------------------------------- */

static lh_status add(lh_data_files *out, const char *config, const char *split, size_t split_len,
                     const char *path, lh_err *err)
{
	for (size_t i = 0; i < out->len; i++)
		if (!strcmp(out->items[i].path, path))
			return LH_OK;
	lh_data_file f = {lh_strdup(config), lh_strndup(split, split_len), lh_strdup(path)};
	if (!f.config || !f.split || !f.path || LH_VEC_PUSH(out, f) != LH_OK) {
		free(f.config);
		free(f.split);
		free(f.path);
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	}
	return LH_OK;
}

static lh_status glob_add(const char *config, const char *split, const char *pattern,
                          char *const *paths, size_t n, lh_data_files *out, lh_err *err)
{
	size_t before = out->len;
	for (size_t i = 0; i < n; i++)
		if (fnmatch(pattern, paths[i], 0) == 0) {
			lh_status s = add(out, config, split, strlen(split), paths[i], err);
			if (s != LH_OK)
				return s;
		}
	if (out->len == before)
		return lh_err_set(err, LH_ERR_NOT_FOUND,
		                  "the card's config '%s' names data files '%s' (split '%s'), but the "
		                  "repository has no file that matches",
		                  config, pattern, split);
	return LH_OK;
}

static lh_status patterns(const char *config, const char *split, json_t *v, char *const *paths,
                          size_t n, lh_data_files *out, lh_err *err)
{
	if (json_is_string(v))
		return glob_add(config, split, json_string_value(v), paths, n, out, err);
	if (!json_is_array(v))
		return lh_err_set(err, LH_ERR_SYNTAX,
		                  "the card's config '%s' has data_files that are neither a path nor a list",
		                  config);
	size_t i;
	json_t *e;
	json_array_foreach(v, i, e)
	{
		lh_status s;
		if (json_is_object(e)) {
			json_t *sp = json_object_get(e, "split"), *p = json_object_get(e, "path");
			if (!p)
				return lh_err_set(err, LH_ERR_SYNTAX,
				                  "the card's config '%s' has a data_files entry without 'path'",
				                  config);
			s = patterns(config, json_is_string(sp) ? json_string_value(sp) : "train", p, paths, n,
			             out, err);
		} else {
			s = patterns(config, split, e, paths, n, out, err);
		}
		if (s != LH_OK)
			return s;
	}
	return LH_OK;
}

lh_status lh_card_data_files(json_t *card, const char *config, char *const *paths, size_t n,
                             lh_data_files *out, lh_err *err)
{
	json_t *configs = card ? json_object_get(card, "configs") : NULL;
	/* present but not a list is a broken card, not a card without configs: ignoring it
	 * would land files the author excluded */
	if (configs && !json_is_array(configs) && !json_is_null(configs))
		return lh_err_set(err, LH_ERR_SYNTAX,
		                  "the dataset card's 'configs' is not a list: write it as a YAML list "
		                  "of entries with config_name and data_files (see the Hub's dataset "
		                  "card docs)");
	if (!json_is_array(configs) || json_array_size(configs) == 0)
		return lh_err_set(err, LH_ERR_NOT_FOUND, "the card has no configs");
	json_t *pick = NULL, *c;
	size_t i;
	lh_buf names;
	lh_buf_init(&names, 0);
	json_array_foreach(configs, i, c)
	{
		const char *name = json_string_value(json_object_get(c, "config_name"));
		if (!name) {
			lh_buf_free(&names);
			return lh_err_set(err, LH_ERR_SYNTAX,
			                  "the card's configs entry %zu has no config_name", i + 1);
		}
		lh_buf_printf(&names, "%s'%s'", i ? ", " : "", name);
		if (config ? !strcmp(name, config)
		           : (json_is_true(json_object_get(c, "default")) ||
		              (!pick && !strcmp(name, "default"))))
			pick = c;
	}
	if (!pick && !config)
		pick = json_array_get(configs, 0);
	if (!pick) {
		lh_status s = lh_err_set(err, LH_ERR_NOT_FOUND,
		                         "the dataset has no config '%s'; it has %s", config,
		                         lh_buf_str(&names));
		lh_buf_free(&names);
		return s;
	}
	lh_buf_free(&names);
	const char *name = json_string_value(json_object_get(pick, "config_name"));
	json_t *df = json_object_get(pick, "data_files");
	if (!df)
		return lh_err_set(err, LH_ERR_SYNTAX, "the card's config '%s' has no data_files", name);
	return patterns(name, "train", df, paths, n, out, err);
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

lh_status lh_conventional_data_files(const char *config, char *const *paths, size_t n,
                                     lh_data_files *out, lh_err *err)
{
	for (size_t i = 0; i < n; i++) {
		const char *p = paths[i];
		lh_status s = LH_OK;
		if (!strncmp(p, "data/", 5) && !strchr(p + 5, '/')) {
			/* data/{split}-00000-of-00001.parquet or data/{split}.parquet */
			const char *name = p + 5, *dot = strrchr(name, '.');
			if (!dot || (strcmp(dot, ".parquet") && strcmp(dot, ".csv") && strcmp(dot, ".jsonl") &&
			             strcmp(dot, ".json")))
				continue;
			const char *of = strstr(name, "-of-");
			size_t split_len = (size_t)(dot - name);
			if (of && of - name > 6 && name[of - name - 6] == '-' &&
			    digits(of - 5, 5) && digits(of + 4, (size_t)(dot - of - 4)))
				split_len = (size_t)(of - name - 6);
			if (config && strcmp(config, "default"))
				continue;
			s = add(out, "default", name, split_len, p, err);
		} else {
			/* {config}/{split}/0000.parquet, {config}/partial-{split}/0000.parquet */
			const char *a = strchr(p, '/'), *b = a ? strchr(a + 1, '/') : NULL;
			if (!a || !b || strchr(b + 1, '/') || !lh_str_ends_with(p, ".parquet"))
				continue;
			char *cfg = lh_strndup(p, (size_t)(a - p));
			const char *split = a + 1;
			size_t split_len = (size_t)(b - a - 1);
			if (!strncmp(split, "partial-", 8)) {
				split += 8;
				split_len -= 8;
			}
			if (cfg && (!config || !strcmp(config, cfg)))
				s = add(out, cfg, split, split_len, p, err);
			free(cfg);
		}
		if (s != LH_OK)
			return s;
	}
	return LH_OK;
}
