/*
 * util/fsutil.c - local file helpers and clocks. See fsutil.h.
 */
#include "util/fsutil.h"
#include "util/buf.h"
#include "util/fault.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

char *lh_path_join(const char *a, const char *b)
{
	if (!a || !*a || b[0] == '/')
		return lh_strdup(b);
	size_t n = strlen(a);
	while (*b == '/')
		b++;
	return lh_asprintf("%s%s%s", a, a[n - 1] == '/' ? "" : "/", b);
}

char *lh_path_absolute(const char *path)
{
	char *joined;
	if (path[0] == '/') {
		joined = lh_strdup(path);
	} else {
		char cwd[4096];
		if (!getcwd(cwd, sizeof cwd))
			return NULL;
		joined = lh_path_join(cwd, path);
	}
	if (!joined)
		return NULL;
	/* drop "." segments and repeated slashes; keep a trailing slash if there was one */
	lh_buf b;
	lh_buf_init(&b, 0);
	size_t n = strlen(joined);
	bool trailing = n > 1 && joined[n - 1] == '/';
	char *save = NULL;
	for (char *seg = strtok_r(joined, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		lh_buf_putc(&b, '/');
		lh_buf_puts(&b, seg);
	}
	if (b.len == 0 || trailing)
		lh_buf_putc(&b, '/');
	free(joined);
	return lh_buf_steal(&b);
}

bool lh_path_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

bool lh_path_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

lh_status lh_file_copy(const char *src, const char *dst, lh_err *err)
{
	int in = open(src, O_RDONLY | O_CLOEXEC);
	int out = in < 0 ? -1 : open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	lh_status s = LH_OK;
	char buf[1 << 16];
	ssize_t n = 0;
	while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0) {
		for (ssize_t done = 0; done < n;) {
			ssize_t w = lh_fault(LH_FAULT_WRITE) ? -1 : write(out, buf + done, (size_t)(n - done));
			if (w <= 0) {
				n = -1;
				break;
			}
			done += w;
		}
		if (n < 0)
			break;
	}
	if (in < 0 || out < 0 || n < 0)
		s = lh_err_set(err, LH_ERR_IO, "cannot copy '%s' to '%s': %s", src, dst, strerror(errno));
	if (out >= 0 && close(out) != 0 && s == LH_OK)
		s = lh_err_set(err, LH_ERR_IO, "cannot write '%s': %s", dst, strerror(errno));
	if (in >= 0)
		close(in);
	if (s != LH_OK && out >= 0)
		unlink(dst);
	return s;
}

lh_status lh_file_link_or_copy(const char *src, const char *dst, lh_err *err)
{
	if (link(src, dst) == 0)
		return LH_OK;
	if (errno != EXDEV && errno != EPERM && errno != EMLINK)
		return lh_err_set(err, LH_ERR_IO, "cannot link '%s' to '%s': %s", src, dst, strerror(errno));
	return lh_file_copy(src, dst, err);
}

int lh_sibling_write_errno(const char *path)
{
	char *probe = lh_asprintf("%s.write-probe-%ld", path, (long)getpid());
	if (!probe)
		return ENOMEM;
	int code = 0;
	int fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		code = errno;
	} else {
		static const char page[4096];
		if (write(fd, page, sizeof page) != (ssize_t)sizeof page)
			code = errno ? errno : ENOSPC;
		close(fd);
		unlink(probe);
	}
	free(probe);
	return code;
}

int64_t lh_file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (int64_t)st.st_size : -1;
}

lh_status lh_mkdirs(const char *path, lh_err *err)
{
	char *p = lh_strdup(path);
	if (!p)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	for (char *s = p + 1;; s++) {
		bool end = *s == '\0';
		if (*s == '/' || end) {
			char saved = *s;
			*s = '\0';
			if (mkdir(p, 0755) != 0 && errno != EEXIST) {
				lh_status st = lh_err_set(err, LH_ERR_IO, "cannot create folder '%s': %s", p,
				                          strerror(errno));
				free(p);
				return st;
			}
			*s = saved;
		}
		if (end)
			break;
	}
	free(p);
	if (!lh_path_is_dir(path))
		return lh_err_set(err, LH_ERR_IO, "cannot create folder '%s': a file is in the way",
		                  path);
	return LH_OK;
}

lh_status lh_file_read(const char *path, size_t max, char **out, size_t *out_len, lh_err *err)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return lh_err_set(err, errno == ENOENT ? LH_ERR_NOT_FOUND : LH_ERR_IO,
		                  "cannot read '%s': %s", path, strerror(errno));
	lh_buf b;
	lh_buf_init(&b, max);
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		lh_buf_append(&b, chunk, n);
	bool failed = ferror(f);
	fclose(f);
	if (failed) {
		lh_buf_free(&b);
		return lh_err_set(err, LH_ERR_IO, "cannot read '%s'", path);
	}
	if (b.status != LH_OK) {
		lh_buf_free(&b);
		if (b.status == LH_ERR_NOMEM)
			return lh_err_set(err, LH_ERR_NOMEM, "cannot read '%s': out of memory", path);
		return lh_err_set(err, LH_ERR_TOO_BIG, "cannot read '%s': larger than %zu bytes", path,
		                  max);
	}
	if (out_len)
		*out_len = b.len;
	*out = lh_buf_steal(&b);
	return *out ? LH_OK : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
}

lh_status lh_fsync_path(const char *path, bool dir, lh_err *err)
{
	int fd = open(path, O_RDONLY | (dir ? O_DIRECTORY : 0));
	if (fd < 0)
		return lh_err_set(err, LH_ERR_IO, "cannot open '%s' to sync it: %s", path,
		                  strerror(errno));
	int rc = lh_fault(LH_FAULT_FSYNC) ? -1 : fsync(fd);
	int e = errno;
	close(fd);
	if (rc != 0)
		return lh_err_set(err, LH_ERR_IO, "cannot sync '%s': %s", path, strerror(e));
	return LH_OK;
}

lh_status lh_file_write_atomic(const char *path, const char *data, size_t len, lh_err *err)
{
	char *tmp = lh_asprintf("%s.tmp.%ld", path, (long)getpid());
	char *dir = lh_strdup(path);
	lh_status st = LH_OK;
	if (!tmp || !dir) {
		st = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		goto out;
	}
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		st = lh_err_set(err, LH_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		goto out;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = lh_fault(LH_FAULT_WRITE) ? -1 : write(fd, data + done, len - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		done += (size_t)w;
	}
	if (done != len || lh_fault(LH_FAULT_FSYNC) || fsync(fd) != 0) {
		st = lh_err_set(err, LH_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	close(fd);
	if (lh_fault(LH_FAULT_RENAME) || rename(tmp, path) != 0) {
		st = lh_err_set(err, LH_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		unlink(tmp);
		goto out;
	}
	st = lh_fsync_path(dirname(dir), true, err);
out:
	free(tmp);
	free(dir);
	return st;
}

int64_t lh_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void lh_now_timestamptz(char out[40])
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm tm;
	gmtime_r(&ts.tv_sec, &tm);
	/* microseconds without trailing zeros, as DuckDB prints them */
	unsigned us = (unsigned)((ts.tv_nsec / 1000) % 1000000);
	char frac[8] = "";
	if (us) {
		frac[0] = '.';
		for (int i = 6; i >= 1; i--, us /= 10)
			frac[i] = (char)('0' + us % 10);
		for (int i = 6; i >= 1 && frac[i] == '0'; i--)
			frac[i] = '\0';
	}
	unsigned year = (unsigned)(tm.tm_year + 1900) % 10000u;
	snprintf(out, 40, "%04u-%02u-%02u %02u:%02u:%02u%s+00", year, (unsigned)(tm.tm_mon + 1) % 100u,
	         (unsigned)tm.tm_mday % 100u, (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u,
	         (unsigned)tm.tm_sec % 100u, frac);
}

bool lh_parse_timestamptz(const char *s, int64_t *out_us)
{
	struct tm tm = {0};
	int n = 0;
	if (!s || sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	                 &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6)
		return false;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	const char *p = s + n;
	int64_t us = 0;
	if (*p == '.') {
		int digits = 0;
		for (p++; *p >= '0' && *p <= '9'; p++, digits++)
			if (digits < 6)
				us = us * 10 + (*p - '0');
		for (; digits < 6; digits++)
			us *= 10;
	}
	int64_t offset_s = 0;
	if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, hh = 0, mm = 0;
		if (sscanf(p + 1, "%2d:%2d", &hh, &mm) < 1)
			return false;
		offset_s = sign * (hh * 3600 + mm * 60);
	}
	time_t t = timegm(&tm);
	*out_us = ((int64_t)t - offset_s) * 1000000 + us;
	return true;
}

double lh_monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void lh_sleep_ms(double ms)
{
	if (ms <= 0)
		return;
	struct timespec ts;
	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000) * 1e6);
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
	}
}

int64_t lh_env_int(const char *name, int64_t dflt)
{
	const char *v = getenv(name);
	int64_t n;
	return v && *v && lh_parse_int64(v, &n) ? n : dflt;
}

lh_status lh_temp_dir(const char *prefix, const char *what, char **out, lh_err *err)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	*out = lh_asprintf("%s/%s-XXXXXX", tmp, prefix);
	if (!*out)
		return lh_err_set(err, LH_ERR_NOMEM, "out of memory");
	if (mkdtemp(*out))
		return LH_OK;
	lh_status st = lh_err_set(err, LH_ERR_IO,
	                          "cannot create a folder for %s in %s: %s (set TMPDIR to a writable "
	                          "folder)",
	                          what, tmp, strerror(errno));
	free(*out);
	*out = NULL;
	return st;
}

static lh_status walk(const char *root, const char *rel, bool skip_hidden, bool follow,
                      lh_walk_fn fn, void *ctx, lh_err *err)
{
	char *dir = rel ? lh_path_join(root, rel) : lh_strdup(root);
	DIR *d = dir ? opendir(dir) : NULL;
	if (!d) {
		lh_status s = dir ? lh_err_set(err, LH_ERR_IO, "cannot read folder '%s': %s", dir,
		                               strerror(errno))
		                  : lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		free(dir);
		return s;
	}
	lh_status s = LH_OK;
	struct dirent *e;
	while (s == LH_OK && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    (skip_hidden && e->d_name[0] == '.'))
			continue;
		char *r = rel ? lh_asprintf("%s/%s", rel, e->d_name) : lh_strdup(e->d_name);
		char *full = r ? lh_path_join(root, r) : NULL;
		struct stat st;
		if (!full)
			s = lh_err_set(err, LH_ERR_NOMEM, "out of memory");
		else if ((follow ? stat(full, &st) : lstat(full, &st)) != 0)
			s = lh_err_set(err, LH_ERR_IO, "cannot stat '%s': %s", full, strerror(errno));
		else if (S_ISDIR(st.st_mode))
			s = walk(root, r, skip_hidden, follow, fn, ctx, err);
		else
			s = fn(ctx, r, full, &st);
		free(r);
		free(full);
	}
	closedir(d);
	free(dir);
	return s;
}

lh_status lh_walk_files(const char *root, bool skip_hidden, bool follow_links, lh_walk_fn fn,
                        void *ctx, lh_err *err)
{
	return walk(root, NULL, skip_hidden, follow_links, fn, ctx, err);
}
