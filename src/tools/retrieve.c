/*
 * tools/retrieve.c - the retrieve tool: ranked BM25 over text columns (job summaries,
 * agent traces), optionally re-ranked by cosine similarity to a caller's vector.
 *
 * Layer: tools. Sources are the caller's (input "sources") or, for a tenant, those its
 * policy registers ("retrieval": [{table, text_column, id_column, metadata_columns,
 * embedding_column}]). The score is computed by one SQL query over the sources' current
 * rows (terms: lower-cased runs of letters and digits; k1 1.2, b 0.75), so rows ingested
 * a moment ago are found without any index to rebuild; the query text and the vector
 * are bound values, names are quoted identifiers.
 */
#include "tools/tools_int.h"
#include "lake/services.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

#define TERMS "regexp_split_to_array(lower(%s), '[^\\p{L}\\p{N}]+')"

/* Appends one source's ranked candidates: (source, id, text, metadata, score[, emb]). */
static lh_status source_sql(call *c, json_t *src, size_t i, bool vector, lh_buf *q)
{
	const char *table = json_string_value(json_object_get(src, "table"));
	const char *text = json_string_value(json_object_get(src, "text_column"));
	const char *id = json_string_value(json_object_get(src, "id_column"));
	const char *emb = json_string_value(json_object_get(src, "embedding_column"));
	json_t *meta = json_object_get(src, "metadata_columns");
	if (!table || !text || !id)
		return lh_err_set(&c->err, LH_ERR_INVALID, "retrieval source %zu needs table, text_column "
		                  "and id_column", i);
	lh_status st = tool_check_table(c, table);
	if (st != LH_OK)
		return st;
	lh_qname qn = {0};
	if (lh_parse_qname(table, &qn) != LH_OK || qn.catalog)
		return lh_err_set(&c->err, LH_ERR_INVALID, "retrieval source %zu: '%s' is not a table name",
		                  i, table);
	lh_buf_printf(q, "%s(WITH docs AS (SELECT CAST(", i ? " UNION ALL " : "");
	lh_buf_sql_ident(q, id);
	lh_buf_puts(q, " AS VARCHAR) AS id, ");
	lh_buf_sql_ident(q, text);
	lh_buf_puts(q, " AS text, ");
	if (json_array_size(meta)) {
		lh_buf_puts(q, "to_json(struct_pack(");
		size_t k;
		json_t *m;
		json_array_foreach(meta, k, m)
		{
			if (!json_is_string(m))
				continue;
			lh_buf_puts(q, k ? ", " : "");
			lh_buf_sql_ident(q, json_string_value(m));
			lh_buf_puts(q, " := ");
			lh_buf_sql_ident(q, json_string_value(m));
		}
		lh_buf_puts(q, "))");
	} else {
		lh_buf_puts(q, "'{}'::JSON");
	}
	lh_buf_puts(q, " AS metadata");
	if (vector) {
		lh_buf_puts(q, ", ");
		if (emb) {
			lh_buf_puts(q, "CAST(");
			lh_buf_sql_ident(q, emb);
			lh_buf_puts(q, " AS FLOAT[])");
		} else {
			lh_buf_puts(q, "NULL::FLOAT[]");
		}
		lh_buf_puts(q, " AS emb");
	}
	lh_buf_puts(q, " FROM ");
	if (qn.schema) {
		lh_buf_sql_ident(q, qn.schema);
		lh_buf_putc(q, '.');
	}
	lh_buf_sql_ident(q, qn.name);
	lh_qname_free(&qn);
	lh_buf_puts(q, " WHERE ");
	lh_buf_sql_ident(q, text);
	lh_buf_puts(q, " IS NOT NULL), "
	               "toks AS (SELECT id, unnest(" );
	lh_buf_printf(q, TERMS, "text");
	lh_buf_puts(q, ") AS term FROM docs), "
	               "terms AS (SELECT * FROM toks WHERE term <> ''), "
	               "dl AS (SELECT id, count(*) AS len FROM terms GROUP BY id), "
	               "stats AS (SELECT count(*) AS n, avg(len) AS avgdl FROM dl), "
	               "tf AS (SELECT id, term, count(*) AS f FROM terms WHERE term IN "
	               "(SELECT term FROM qterms) GROUP BY id, term), "
	               "df AS (SELECT term, count(*) AS df FROM tf GROUP BY term), "
	               "scored AS (SELECT tf.id, sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5)) "
	               "* tf.f * 2.2 / (tf.f + 1.2 * (0.25 + 0.75 * dl.len / stats.avgdl))) AS score "
	               "FROM tf JOIN df USING (term) JOIN dl USING (id) CROSS JOIN stats GROUP BY tf.id) ");
	lh_buf_printf(q, "SELECT %zu AS source, docs.id, docs.text, docs.metadata, scored.score%s "
	                 "FROM scored JOIN docs USING (id))",
	              i, vector ? ", docs.emb" : "");
	return q->status == LH_OK ? LH_OK : lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
}

lh_status tool_retrieve(call *c, json_t *in, json_t **out)
{
	json_t *sources = json_object_get(in, "sources");
	if (!sources)
		sources = json_object_get(c->policy, "retrieval");
	if (json_array_size(sources) == 0)
		return lh_err_set(&c->err, LH_ERR_NOT_FOUND,
		                  "no text is registered for retrieval: pass sources [{table, "
		                  "text_column, id_column}], or register them in the tenant's policy "
		                  "(PUT /data/policy with \"retrieval\")");
	json_t *vec = json_object_get(in, "vector");
	int64_t top_k = json_is_integer(json_object_get(in, "top_k"))
	                    ? json_integer_value(json_object_get(in, "top_k"))
	                    : 10;
	lh_buf q;
	lh_buf_init(&q, 0);
	lh_buf_puts(&q, "WITH qterms AS (SELECT DISTINCT term FROM (SELECT unnest(");
	lh_buf_printf(&q, TERMS, "CAST(? AS VARCHAR)");
	lh_buf_puts(&q, ") AS term) WHERE term <> ''), candidates AS (");
	lh_status st = LH_OK;
	size_t i;
	json_t *src;
	json_array_foreach(sources, i, src)
	if (st == LH_OK)
		st = source_sql(c, src, i, vec != NULL, &q);
	/* BM25 picks the candidates; a vector re-ranks the best 4 * top_k of them */
	if (vec)
		lh_buf_printf(&q, "), best AS (SELECT * FROM candidates ORDER BY score DESC, id LIMIT %lld) "
		                  "SELECT source, id, text, metadata, score, "
		                  "list_cosine_similarity(emb, CAST(CAST(? AS JSON) AS FLOAT[])) AS similarity "
		                  "FROM best ORDER BY similarity DESC NULLS LAST, score DESC, id LIMIT %lld",
		              (long long)top_k * 4, (long long)top_k);
	else
		lh_buf_printf(&q, ") SELECT source, id, text, metadata, score FROM candidates "
		                  "ORDER BY score DESC, id LIMIT %lld",
		              (long long)top_k);
	if (st == LH_OK && q.status != LH_OK)
		st = lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
	char *vtext = vec ? json_dumps(vec, JSON_COMPACT) : NULL;
	lh_value params[2] = {{.type = LH_VALUE_TEXT, .data = json_string_value(json_object_get(in, "query")),
	                       .len = json_string_length(json_object_get(in, "query"))},
	                      {.type = LH_VALUE_TEXT, .data = vtext, .len = vtext ? strlen(vtext) : 0}};
	lh_result *r = NULL;
	lh_render old = lh_lake_swap_render(c->lake, LH_RENDER_JSON);
	if (st == LH_OK && (st = lh_lake_query_params(c->lake, lh_buf_str(&q), params, vec ? 2 : 1, &r)) != LH_OK)
		st = tool_lake_error(c, st);
	lh_buf_free(&q);
	free(vtext);
	json_t *results = json_array();
	size_t n = 0;
	while (st == LH_OK && (st = lh_result_next_batch(r, &n)) == LH_OK && n)
		for (size_t k = 0; k < n; k++) {
			json_t *meta = json_loads(lh_result_text(r, 3, k) ? lh_result_text(r, 3, k) : "{}",
			                          JSON_DECODE_ANY, NULL);
			json_t *id = json_loads(lh_result_text(r, 1, k), JSON_DECODE_ANY, NULL);
			json_t *text = json_loads(lh_result_text(r, 2, k), JSON_DECODE_ANY, NULL);
			json_t *o = json_pack("{s:o, s:o, s:f, s:o, s:O}", "id", id ? id : json_null(), "text",
			                      text ? text : json_null(), "score", lh_result_double(r, 4, k),
			                      "metadata", meta ? meta : json_object(), "source",
			                      json_object_get(json_array_get(sources, (size_t)lh_result_int64(r, 0, k)),
			                                      "table"));
			if (vec && o)
				json_object_set_new(o, "similarity", lh_result_text(r, 5, k)
				                                         ? json_real(lh_result_double(r, 5, k))
				                                         : json_null());
			json_array_append_new(results, o);
		}
	if (st != LH_OK && st != c->err.code)
		st = tool_lake_error(c, st);
	lh_result_destroy(&r);
	lh_lake_swap_render(c->lake, old);
	if (st != LH_OK) {
		json_decref(results);
		return st;
	}
	*out = json_pack("{s:o, s:O}", "results", results, "query", json_object_get(in, "query"));
	return *out ? LH_OK : lh_err_set(&c->err, LH_ERR_NOMEM, "out of memory");
}
