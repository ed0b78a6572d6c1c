/*
 * util/crypto.c - SHA-256, HMAC-SHA256, MD5 and base64 over OpenSSL. See crypto.h.
 */
#include "util/crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>

void lh_hex(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

void lh_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char md[32];
	unsigned int n = 0;
	EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
	lh_hex(md, 32, out);
}

static lh_status digest_file(const char *path, const EVP_MD *type, long long offset,
                             long long len, unsigned char *md)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return LH_ERR_IO;
	if (offset > 0 && fseeko(f, offset, SEEK_SET) != 0) {
		fclose(f);
		return LH_ERR_IO;
	}
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (!ctx || EVP_DigestInit_ex(ctx, type, NULL) != 1) {
		EVP_MD_CTX_free(ctx);
		fclose(f);
		return LH_ERR_NOMEM;
	}
	unsigned char buf[1 << 16];
	long long left = len;
	size_t n;
	while ((left < 0 || left > 0) &&
	       (n = fread(buf, 1, left < 0 || left > (long long)sizeof buf ? sizeof buf : (size_t)left,
	                  f)) > 0) {
		EVP_DigestUpdate(ctx, buf, n);
		if (left > 0)
			left -= (long long)n;
	}
	bool failed = ferror(f);
	fclose(f);
	unsigned int mdlen = 0;
	EVP_DigestFinal_ex(ctx, md, &mdlen);
	EVP_MD_CTX_free(ctx);
	return failed ? LH_ERR_IO : LH_OK;
}

lh_status lh_sha256_file_hex(const char *path, char out[65])
{
	unsigned char md[32];
	lh_status st = digest_file(path, EVP_sha256(), 0, -1, md);
	if (st == LH_OK)
		lh_hex(md, 32, out);
	return st;
}

void lh_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t len,
                    unsigned char out[32])
{
	unsigned int n = 32;
	HMAC(EVP_sha256(), key, (int)key_len, msg, len, out, &n);
}

void lh_md5(const void *data, size_t len, unsigned char out[16])
{
	unsigned int n = 0;
	EVP_Digest(data, len, out, &n, EVP_md5(), NULL);
}

lh_status lh_md5_file(const char *path, long long offset, long long len, unsigned char out[16])
{
	return digest_file(path, EVP_md5(), offset, len, out);
}

void lh_base64(const unsigned char *in, size_t n, char *out)
{
	EVP_EncodeBlock((unsigned char *)out, in, (int)n);
}
