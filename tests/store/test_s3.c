/* tests/store/test_s3.c - the S3 client against a real Ceph RADOS Gateway (the CTest
 * fixture `s3` starts it; LH_TEST_S3_ENV names the file with its address and keys). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/s3_int.h"
#include "util/buf.h"
#include "util/crypto.h"
#include "util/fsutil.h"
#include "util/uuid.h"

static char bucket[64];
static char tmpdir[256];

/* Loads the server's KEY=VALUE file into the environment. */
static void load_env(void)
{
	const char *path = getenv("LH_TEST_S3_ENV");
	assert_non_null(path);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[512];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *eq = strchr(line, '=');
		if (eq) {
			*eq = '\0';
			setenv(line, eq + 1, 1);
		}
	}
	fclose(f);
}

static lh_s3 *client_with(lh_s3_config *cfg)
{
	lh_s3 *s = NULL;
	lh_err err = {0};
	assert_int_equal(lh_s3_new(cfg, &s, &err), LH_OK);
	return s;
}

static lh_s3 *client(void)
{
	lh_s3_config cfg;
	lh_err err = {0};
	assert_int_equal(lh_s3_config_from_env(&cfg, &err), LH_OK);
	lh_s3 *s = client_with(&cfg);
	lh_s3_config_clear(&cfg);
	return s;
}

static char *tmp_file(const char *name)
{
	return lh_path_join(tmpdir, name);
}

/* A file of n pseudo-random bytes. */
static char *random_file(const char *name, size_t n)
{
	char *p = tmp_file(name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	uint64_t x = 0x9E3779B97F4A7C15ull ^ n;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		fputc((int)(x & 0xff), f);
	}
	fclose(f);
	return p;
}

static void assert_same_file(const char *a, const char *b)
{
	char ha[65], hb[65];
	assert_int_equal(lh_sha256_file_hex(a, ha), LH_OK);
	assert_int_equal(lh_sha256_file_hex(b, hb), LH_OK);
	assert_string_equal(ha, hb);
}

static int setup(void **state)
{
	(void)state;
	load_env();
	snprintf(tmpdir, sizeof tmpdir, "/tmp/lh-s3test-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	char id[LH_UUID_LEN + 1];
	lh_uuid_v4(id);
	snprintf(bucket, sizeof bucket, "lh-unit-%.8s", id);
	lh_s3 *s = client();
	lh_s3_req r = {.method = "PUT", .bucket = bucket};
	lh_err err = {0};
	assert_int_equal(lh_s3_perform(s, &r, &err), LH_OK);
	lh_s3_free(&s);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lh_s3 *s = client();
	lh_s3_objects objs;
	lh_err err = {0};
	if (lh_s3_list(s, bucket, "", &objs, &err) == LH_OK) {
		char **keys = calloc(objs.len + 1, sizeof *keys);
		for (size_t i = 0; i < objs.len; i++)
			keys[i] = objs.items[i].key;
		lh_s3_delete_many(s, bucket, keys, objs.len, &err);
		free(keys);
		lh_s3_objects_free(&objs);
	}
	lh_s3_req r = {.method = "DELETE", .bucket = bucket};
	lh_s3_perform(s, &r, &err);
	lh_err_clear(&err);
	lh_s3_free(&s);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static void put_get_head_and_ranges(void **state)
{
	(void)state;
	lh_s3 *s = client();
	lh_err err = {0};
	const char *body = "hello, lake";
	assert_int_equal(lh_s3_put_bytes(s, bucket, "a/b c+d.txt", body, strlen(body), true, &err), LH_OK);
	/* objects are never overwritten */
	assert_int_equal(lh_s3_put_bytes(s, bucket, "a/b c+d.txt", "other", 5, true, &err),
	                 LH_ERR_EXISTS);
	assert_non_null(strstr(lh_err_msg(&err), "already exists"));
	lh_err_clear(&err);
	int64_t size = 0;
	char etag[128];
	assert_int_equal(lh_s3_head(s, bucket, "a/b c+d.txt", &size, etag, sizeof etag, &err), LH_OK);
	assert_int_equal(size, strlen(body));
	unsigned char md5[16];
	char hex[33], want[40];
	lh_md5(body, strlen(body), md5);
	lh_hex(md5, 16, hex);
	snprintf(want, sizeof want, "\"%s\"", hex);
	assert_string_equal(etag, want);
	char *out = tmp_file("got");
	int64_t got = 0;
	assert_int_equal(lh_s3_get_file(s, bucket, "a/b c+d.txt", 0, -1, out, &got, &err), LH_OK);
	char *text = NULL;
	assert_int_equal(lh_file_read(out, 1000, &text, NULL, &err), LH_OK);
	assert_string_equal(text, body);
	free(text);
	/* ranged reads: the middle, and from an offset to the end */
	assert_int_equal(lh_s3_get_file(s, bucket, "a/b c+d.txt", 7, 4, out, &got, &err), LH_OK);
	assert_int_equal(lh_file_read(out, 1000, &text, NULL, &err), LH_OK);
	assert_string_equal(text, "lake");
	free(text);
	assert_int_equal(lh_s3_get_file(s, bucket, "a/b c+d.txt", 5, -1, out, &got, &err), LH_OK);
	assert_int_equal(got, 6);
	/* a missing object */
	assert_int_equal(lh_s3_head(s, bucket, "nope", NULL, NULL, 0, &err), LH_ERR_NOT_FOUND);
	lh_err_clear(&err);
	assert_int_equal(lh_s3_get_file(s, bucket, "nope", 0, -1, out, &got, &err), LH_ERR_NOT_FOUND);
	assert_non_null(strstr(lh_err_msg(&err), "HTTP 404"));
	assert_false(lh_path_exists(out) && lh_file_size(out) == 0); /* the old copy stays */
	lh_err_clear(&err);
	free(out);
	lh_s3_free(&s);
}

static void multipart_upload_verifies_and_roundtrips(void **state)
{
	(void)state;
	lh_s3_config cfg;
	lh_err err = {0};
	assert_int_equal(lh_s3_config_from_env(&cfg, &err), LH_OK);
	cfg.multipart_threshold = 6 << 20;
	cfg.part_size = 5 << 20;
	lh_s3 *s = client_with(&cfg);
	char *src = random_file("big", (13 << 20) + 12345);
	assert_int_equal(lh_s3_put_file(s, bucket, "big/one", src, true, &err), LH_OK);
	int64_t size = 0;
	char etag[128];
	assert_int_equal(lh_s3_head(s, bucket, "big/one", &size, etag, sizeof etag, &err), LH_OK);
	assert_int_equal(size, (13 << 20) + 12345);
	assert_non_null(strstr(etag, "-3\"")); /* three parts */
	char *back = tmp_file("big.back");
	assert_int_equal(lh_s3_get_file(s, bucket, "big/one", 0, -1, back, NULL, &err), LH_OK);
	assert_same_file(src, back);
	/* an existing object is refused before any part moves */
	assert_int_equal(lh_s3_put_file(s, bucket, "big/one", src, true, &err), LH_ERR_EXISTS);
	lh_err_clear(&err);
	lh_s3_free(&s);
	/* multipart switched off: one PUT, a plain MD5 ETag */
	cfg.multipart_threshold = 0;
	s = client_with(&cfg);
	assert_int_equal(lh_s3_put_file(s, bucket, "big/two", src, true, &err), LH_OK);
	assert_int_equal(lh_s3_head(s, bucket, "big/two", &size, etag, sizeof etag, &err), LH_OK);
	assert_null(strchr(etag, '-'));
	unlink(back);
	assert_int_equal(lh_s3_get_file(s, bucket, "big/two", 0, -1, back, NULL, &err), LH_OK);
	assert_same_file(src, back);
	lh_s3_free(&s);
	lh_s3_config_clear(&cfg);
	free(src);
	free(back);
}

typedef struct many {
	lh_s3 *s;
	char **keys;
} many;

static lh_status put_small(void *ctx, size_t i, lh_err *err)
{
	many *m = ctx;
	return lh_s3_put_bytes(m->s, bucket, m->keys[i], "x", 1, true, err);
}

static void list_pages_and_delete_batches(void **state)
{
	(void)state;
	enum { N = 1234 }; /* more than one page (1000) and one DeleteObjects batch */
	lh_s3 *s = client();
	lh_err err = {0};
	many m = {s, calloc(N, sizeof(char *))};
	for (size_t i = 0; i < N; i++)
		m.keys[i] = lh_asprintf("many/k-%05zu & <x>", i);
	assert_int_equal(lh_s3_parallel(s, N, put_small, &m, &err), LH_OK);
	lh_s3_objects objs;
	assert_int_equal(lh_s3_list(s, bucket, "many/", &objs, &err), LH_OK);
	assert_int_equal(objs.len, N);
	assert_string_equal(objs.items[0].key, "many/k-00000 & <x>"); /* XML escapes undone */
	assert_int_equal(objs.items[N - 1].size, 1);
	assert_true(objs.items[0].mtime_us > 1600000000000000ll);
	lh_s3_objects_free(&objs);
	assert_int_equal(lh_s3_delete_many(s, bucket, m.keys, N, &err), LH_OK);
	/* deleting what is gone is not an error */
	assert_int_equal(lh_s3_delete_many(s, bucket, m.keys, 3, &err), LH_OK);
	assert_int_equal(lh_s3_list(s, bucket, "many/", &objs, &err), LH_OK);
	assert_int_equal(objs.len, 0);
	lh_s3_objects_free(&objs);
	for (size_t i = 0; i < N; i++)
		free(m.keys[i]);
	free(m.keys);
	lh_s3_free(&s);
}

static void wrong_secret_is_refused(void **state)
{
	(void)state;
	lh_s3_config cfg;
	lh_err err = {0};
	assert_int_equal(lh_s3_config_from_env(&cfg, &err), LH_OK);
	free(cfg.secret_key);
	cfg.secret_key = lh_strdup("not-the-secret");
	lh_s3 *s = client_with(&cfg);
	assert_int_equal(lh_s3_put_bytes(s, bucket, "x", "x", 1, true, &err), LH_ERR_INVALID);
	assert_non_null(strstr(lh_err_msg(&err), "HTTP 403"));
	assert_non_null(strstr(lh_err_msg(&err), "SignatureDoesNotMatch"));
	lh_err_clear(&err);
	lh_s3_free(&s);
	lh_s3_config_clear(&cfg);
}

static void virtual_host_addressing(void **state)
{
	(void)state;
	lh_s3_config cfg;
	lh_err err = {0};
	assert_int_equal(lh_s3_config_from_env(&cfg, &err), LH_OK);
	/* bucket.localhost: curl resolves every *.localhost name to the loopback address */
	char *port = strrchr(cfg.endpoint, ':');
	char *ep = lh_asprintf("http://localhost%s", port);
	free(cfg.endpoint);
	cfg.endpoint = ep;
	cfg.path_style = false;
	lh_s3 *s = client_with(&cfg);
	assert_int_equal(lh_s3_put_bytes(s, bucket, "vhost/obj", "v", 1, true, &err), LH_OK);
	int64_t size = 0;
	assert_int_equal(lh_s3_head(s, bucket, "vhost/obj", &size, NULL, 0, &err), LH_OK);
	assert_int_equal(size, 1);
	lh_s3_free(&s);
	lh_s3_config_clear(&cfg);
}

static void config_errors_are_clear(void **state)
{
	(void)state;
	char *saved = lh_strdup(getenv("AWS_SECRET_ACCESS_KEY"));
	unsetenv("AWS_SECRET_ACCESS_KEY");
	lh_s3_config cfg;
	lh_err err = {0};
	assert_int_equal(lh_s3_config_from_env(&cfg, &err), LH_ERR_INVALID);
	assert_non_null(strstr(lh_err_msg(&err), "AWS_SECRET_ACCESS_KEY"));
	lh_err_clear(&err);
	setenv("AWS_SECRET_ACCESS_KEY", saved, 1);
	free(saved);
	char *b = NULL, *k = NULL;
	assert_int_equal(lh_s3_parse_uri("s3://bkt/a/b.parquet", &b, &k, &err), LH_OK);
	assert_string_equal(b, "bkt");
	assert_string_equal(k, "a/b.parquet");
	free(b);
	free(k);
	assert_int_equal(lh_s3_parse_uri("s3:///x", &b, &k, &err), LH_ERR_INVALID);
	lh_err_clear(&err);
	assert_int_equal(lh_s3_parse_uri("gs://x/y", &b, &k, &err), LH_ERR_INVALID);
	lh_err_clear(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(put_get_head_and_ranges),
	    cmocka_unit_test(multipart_upload_verifies_and_roundtrips),
	    cmocka_unit_test(list_pages_and_delete_batches),
	    cmocka_unit_test(wrong_secret_is_refused),
	    cmocka_unit_test(virtual_host_addressing),
	    cmocka_unit_test(config_errors_are_clear),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
